#include "core/storage/StatementCache.h"

#include "core/storage/Sql.h"
#include "core/storage/StorageHealth.h"

#include <QSqlDriver>
#include <QSqlError>

namespace bandmate::core::sql {

StatementCache::StatementCache(QSqlDatabase db) : m_db(std::move(db)), m_sqlite(m_db.driverName() == QLatin1String("QSQLITE")) {}

Result<void> StatementCache::exec(const QString& statement, const QVariantList& binds, const std::function<void(QSqlQuery&)>& read)
{
    auto found = m_queries.find(statement);
    if (found == m_queries.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(statement)) {
            return std::unexpected(toError(query.lastError(), statement, m_sqlite));
        }
        found = m_queries.insert(statement, query);
    }
    QSqlQuery& query = *found;
    for (qsizetype i = 0; i < binds.size(); ++i) {
        query.bindValue(static_cast<int>(i), binds[i]);
    }
    if (!query.exec()) {
        const Error error = toError(query.lastError(), statement, m_sqlite);
        noteStorageFailure(m_db, error, (query.lastError().nativeErrorCode().toInt() & 0xFF) == 13);  // the app says so
        query.finish();
        return std::unexpected(error);
    }
    if (read) {
        read(query);
    }
    query.finish();
    return {};
}

Result<QVariant> StatementCache::scalar(const QString& statement, const QVariantList& binds)
{
    QVariant value;
    auto ok = exec(statement, binds, [&value](QSqlQuery& query) {
        if (query.next()) {
            value = query.value(0);
        }
    });
    if (!ok) {
        return std::unexpected(ok.error());
    }
    return value;
}

}  // namespace bandmate::core::sql
