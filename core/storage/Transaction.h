#pragma once

#include "core/util/Result.h"

#include <QSqlDatabase>

namespace bandmate::core {

/// A write transaction (on SQLite BEGIN IMMEDIATE, so it never fails half-way on a lock upgrade). Rolls
/// back on destruction unless commit() succeeded. Transactions nest: one begun while another is
/// open on the same connection is a SAVEPOINT inside it (so a batch can wrap many repository
/// calls in one commit), and rolling it back undoes only its own part.
class Transaction {
public:
    /// Begins at once; check began() or use begin().
    [[nodiscard]] static Result<Transaction> begin(const QSqlDatabase& db);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    [[nodiscard]] Result<void> commit();

private:
    Transaction(QSqlDatabase db, int level) : m_db(std::move(db)), m_level(level) {}
    void finish();
    QSqlDatabase m_db;
    int m_level = 0;  ///< 0 = the outer transaction, n = savepoint n
    bool m_open = true;
};

}  // namespace bandmate::core
