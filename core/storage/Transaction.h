#pragma once

#include "core/util/Result.h"

#include <QSqlDatabase>

namespace bandmate::core {

/// A write transaction (BEGIN IMMEDIATE, so it never fails half-way on a lock upgrade). Rolls
/// back on destruction unless commit() succeeded.
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
    explicit Transaction(QSqlDatabase db) : m_db(std::move(db)) {}
    QSqlDatabase m_db;
    bool m_open = true;
};

}  // namespace bandmate::core
