#include "core/storage/Transaction.h"

#include "core/storage/Sql.h"
#include "core/storage/StorageHealth.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlDriver>

#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcTransaction, "bandmate.core.transaction")

namespace bandmate::core {

namespace {

/// Open transactions per connection. Connections belong to one thread (Qt's rule), so a
/// thread-local count per connection name is exact.
QHash<QString, int>& depths()
{
    thread_local QHash<QString, int> open;
    return open;
}

QString savepoint(int level)
{
    return QStringLiteral("bandmate_%1").arg(level);
}

/// Whether SQLite has no transaction open on `db` although Bandmate has one: SQLite rolls the
/// whole transaction back by itself when a write fails for a full disk or an I/O error.
bool undoneBySqlite(const QSqlDatabase& db)
{
    if (db.driverName() != QLatin1String("QSQLITE")) {
        return false;
    }
    const QVariant handle = db.driver()->handle();
    auto* connection = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0 ? *static_cast<sqlite3* const*>(handle.constData()) : nullptr;
    return connection != nullptr && sqlite3_get_autocommit(connection) != 0;
}

}  // namespace

Result<Transaction> Transaction::begin(const QSqlDatabase& db)
{
    const int level = depths().value(db.connectionName());
    // SQLite: IMMEDIATE takes the write lock up front. Other engines (the server's PostgreSQL)
    // lock rows as they go.
    const QString outer = db.driverName() == QLatin1String("QSQLITE") ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    if (level > 0 && undoneBySqlite(db)) {
        // A savepoint now would open a new transaction that commits on its own: the step must end.
        return fail(ErrorCode::Io, "the database undid the change in progress (a full disk or a failed write); nothing of it was saved",
                    db.databaseName().toStdString());
    }
    const QString statement = level == 0 ? outer : QStringLiteral("SAVEPOINT ") + savepoint(level);
    if (auto ok = sql::exec(db, statement); !ok) {
        return std::unexpected(ok.error());
    }
    depths()[db.connectionName()] = level + 1;
    return Transaction(db, level);
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::move(other.m_db)), m_level(other.m_level), m_open(other.m_open)
{
    other.m_open = false;
}

void Transaction::finish()
{
    m_open = false;
    depths()[m_db.connectionName()] = m_level;
}

Transaction::~Transaction()
{
    if (m_open) {
        const bool nested = m_level > 0;
        auto ok = sql::exec(m_db, nested ? QStringLiteral("ROLLBACK TO ") + savepoint(m_level) : QStringLiteral("ROLLBACK"));
        if (ok && nested) {
            ok = sql::exec(m_db, QStringLiteral("RELEASE ") + savepoint(m_level));
        }
        // Nothing to roll back (and nothing to warn about) when SQLite already undid it all.
        if (!ok && !undoneBySqlite(m_db)) {
            qCWarning(lcTransaction) << "rollback failed:" << ok.error().toString().c_str();
        }
        finish();
    }
}

Result<void> Transaction::commit()
{
    if (!m_open) {
        return fail(ErrorCode::Internal, "transaction already finished");
    }
    auto ok = sql::exec(m_db, m_level > 0 ? QStringLiteral("RELEASE ") + savepoint(m_level) : QStringLiteral("COMMIT"));
    if (ok) {
        finish();
        if (m_level == 0) {
            clearStorageFailure(m_db.connectionName());  // the disk takes writes (again)
        }
    }
    return ok;
}

}  // namespace bandmate::core
