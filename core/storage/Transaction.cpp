#include "core/storage/Transaction.h"

#include "core/storage/Sql.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTransaction, "bandmate.core.transaction")

namespace bandmate::core {

Result<Transaction> Transaction::begin(const QSqlDatabase& db)
{
    if (auto ok = sql::exec(db, QStringLiteral("BEGIN IMMEDIATE")); !ok) {
        return std::unexpected(ok.error());
    }
    return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::move(other.m_db)), m_open(other.m_open)
{
    other.m_open = false;
}

Transaction::~Transaction()
{
    if (m_open) {
        if (auto ok = sql::exec(m_db, QStringLiteral("ROLLBACK")); !ok) {
            qCWarning(lcTransaction) << "rollback failed:" << ok.error().toString().c_str();
        }
    }
}

Result<void> Transaction::commit()
{
    if (!m_open) {
        return fail(ErrorCode::Internal, "transaction already finished");
    }
    auto ok = sql::exec(m_db, QStringLiteral("COMMIT"));
    if (ok) {
        m_open = false;
    }
    return ok;
}

}  // namespace bandmate::core
