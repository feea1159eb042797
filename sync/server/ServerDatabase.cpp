#include "sync/server/ServerDatabase.h"

#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"

#include <QSqlError>
#include <QUrl>

namespace bandmate::sync {

namespace {

core::Result<QSqlDatabase> openSqlite(const QString& name, const QString& path)
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
    return db;
}

core::Result<QSqlDatabase> openPostgres(const QString& name, const QString& location)
{
    const QUrl url(location, QUrl::StrictMode);
    const QString database = url.path().mid(1);
    if (!url.isValid() || url.host().isEmpty() || database.isEmpty() || database.contains(QLatin1Char('/'))) {
        return core::fail(core::ErrorCode::InvalidArgument, "expected postgresql://USER@HOST:PORT/DATABASE",
                          url.toString(QUrl::RemovePassword).toStdString());
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return core::fail(core::ErrorCode::NotFound, "Qt's PostgreSQL driver (QPSQL) is not installed", "libqt6sql6-psql");
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setDatabaseName(database);
    db.setUserName(url.userName());
    if (!url.password().isEmpty()) {
        db.setPassword(url.password());
    }
    // A connection that a failover or a network partition drops without a word is found out
    // within about 20 s (keepalives, and sent data that nobody acknowledges), not the kernel's
    // quarter of an hour: no worker or relay waits on a query that long.
    db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=bandmate-server;keepalives=1;keepalives_idle=10;"
                                        "keepalives_interval=3;keepalives_count=3;tcp_user_timeout=20000"));
    if (!db.open()) {
        // The driver's text names the host and database, never the password.
        return core::fail(core::ErrorCode::Io, "cannot open the server database: " + db.lastError().text().trimmed().toStdString(),
                          url.toString(QUrl::RemovePassword).toStdString());
    }
    return db;
}

// Runs the steps a database has not had yet; inside openServerDatabase's transaction.
core::Result<void> upgrade(const QSqlDatabase& db, const ServerSchemaUpgrades& upgrades)
{
    const QString key = QString::fromLatin1(upgrades.key);
    if (auto ok = core::sql::exec(db, QStringLiteral("CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")); !ok) {
        return ok;
    }
    auto stored = core::sql::scalar(db, QStringLiteral("SELECT value FROM server_meta WHERE key = ?"), {key});
    if (!stored) {
        return std::unexpected(stored.error());
    }
    const int version = stored->isNull() ? 1 : stored->toString().toInt();
    int step = 1;
    for (const auto& statements : upgrades.steps) {
        ++step;
        if (step <= version) {
            continue;
        }
        for (const char* statement : statements) {
            if (auto ok = core::sql::exec(db, QString::fromLatin1(statement)); !ok) {
                return core::fail(ok.error().code, "upgrading the server database to " + key.toStdString() + " " + std::to_string(step) + ": " + ok.error().message);
            }
        }
    }
    if (step <= version) {
        return {};  // up to date, or written by a newer server (its columns have defaults)
    }
    return core::sql::exec(db, QStringLiteral("INSERT INTO server_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                           {key, QString::number(step)});
}

}  // namespace

bool isPostgresLocation(const QString& location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

QString forUpdate(const QSqlDatabase& db)
{
    return db.driverName() == QLatin1String("QPSQL") ? QStringLiteral(" FOR UPDATE") : QString();
}

QString jsonElements(const QSqlDatabase& db)
{
    return db.driverName() == QLatin1String("QPSQL") ? QStringLiteral("json_array_elements(CAST(? AS json)) AS j(value)") : QStringLiteral("json_each(?) AS j");
}

core::Result<QSqlDatabase> openServerDatabase(const QString& name, const QString& location, std::initializer_list<const char*> schema,
                                              const ServerSchemaUpgrades& upgrades)
{
    auto opened = isPostgresLocation(location) ? openPostgres(name, location) : openSqlite(name, location);
    if (!opened) {
        QSqlDatabase::removeDatabase(name);
        return opened;
    }
    QSqlDatabase db = *opened;
    auto transaction = core::Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    // Two servers starting together would both create the tables: PostgreSQL's catalogue does
    // not take that quietly, so the second waits for the first (the lock ends with the commit).
    if (db.driverName() == QLatin1String("QPSQL")) {
        if (auto ok = core::sql::exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(7405182)")); !ok) {
            return std::unexpected(ok.error());
        }
    }
    for (const char* statement : schema) {
        if (auto ok = core::sql::exec(db, QString::fromLatin1(statement)); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (upgrades.key != nullptr) {
        if (auto ok = upgrade(db, upgrades); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return db;
}

}  // namespace bandmate::sync
