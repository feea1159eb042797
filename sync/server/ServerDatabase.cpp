#include "sync/server/ServerDatabase.h"

#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"

#include <QSqlError>

namespace bandmate::sync {

core::Result<QSqlDatabase> openServerDatabase(const QString& name, const QString& path, std::initializer_list<const char*> schema)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        return core::fail(core::ErrorCode::Io, "cannot open the server database: " + db.lastError().text().toStdString(), path.toStdString());
    }
    // FULL: an acknowledged push survives a power cut (DESIGN.md section 2).
    for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"}) {
        if (auto ok = core::sql::exec(db, QString::fromLatin1(pragma)); !ok) {
            return std::unexpected(ok.error());
        }
    }
    auto transaction = core::Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    for (const char* statement : schema) {
        if (auto ok = core::sql::exec(db, QString::fromLatin1(statement)); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return db;
}

}  // namespace bandmate::sync
