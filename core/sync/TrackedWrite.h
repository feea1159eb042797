#pragma once

#include "core/storage/Database.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"

namespace bandmate::core {

/// The usual shape of a repository's write: `write(ChangeTracker&)` (returning any Result) runs in
/// one Transaction on `db`, which commits when it succeeded and rolls back otherwise.
template <typename Write>
[[nodiscard]] Result<void> writeTracked(Database& db, Write&& write)
{
    auto transaction = Transaction::begin(db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    ChangeTracker tracker(db);
    if (auto written = write(tracker); !written) {
        return std::unexpected(written.error());
    }
    return transaction->commit();
}

}  // namespace bandmate::core
