#pragma once

// Where a test's sync server keeps its data (tests that link bandmate_sync): an SQLite file in
// the test's folder, or - when tests/support/with-postgres.sh runs the suite - a new database in
// a throwaway PostgreSQL cluster. The same tests run against both.

#include "sync/server/ServerDatabase.h"
#include "tests/support/TestFiles.h"

#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

#include <gtest/gtest.h>

namespace bandmate::test {

/// The PostgreSQL cluster's maintenance URL when the suite runs under with-postgres.sh.
inline QString postgresCluster()
{
    return qEnvironmentVariable("BANDMATE_TEST_POSTGRES");
}

/// A new PostgreSQL database in the test cluster, made with `CREATE DATABASE name` plus `suffix`
/// (" TEMPLATE other" copies one); its URL.
inline QString createPostgresDatabase(const QString& suffix = {})
{
    const QString cluster = postgresCluster();
    const QString connection = QStringLiteral("maintenance-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString database = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    {
        auto db = sync::openServerDatabase(connection, cluster, {});  // the server's own way in
        EXPECT_TRUE(db.has_value()) << (db ? "" : db.error().toString());
        if (db) {
            QSqlQuery create(*db);
            EXPECT_TRUE(create.exec(QStringLiteral("CREATE DATABASE ") + database + suffix)) << create.lastError().text().toStdString();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    QUrl url(cluster);
    url.setPath(QLatin1Char('/') + database);
    return url.toString();
}

/// A server database location for a new, empty server: `dir/name` (SQLite) or a new PostgreSQL
/// database.
inline QString serverDatabase(const TempDir& dir, const QString& name = QStringLiteral("server.sqlite"))
{
    return postgresCluster().isEmpty() ? dir.file(name) : createPostgresDatabase();
}

/// A copy of a server database that no server has open (a backup, or its restore) under
/// `name`: the SQLite file, or a PostgreSQL database made from it as a template.
inline QString copyServerDatabase(const QString& location, const TempDir& dir, const QString& name)
{
    if (!sync::isPostgresLocation(location)) {
        const QString copy = dir.file(name);
        QFile::remove(copy);
        EXPECT_TRUE(QFile::copy(location, copy)) << "copying " << location.toStdString();
        if (QFile::exists(location + QStringLiteral("-wal"))) {
            QFile::remove(copy + QStringLiteral("-wal"));
            EXPECT_TRUE(QFile::copy(location + QStringLiteral("-wal"), copy + QStringLiteral("-wal")));
        }
        return copy;
    }
    return createPostgresDatabase(QStringLiteral(" TEMPLATE ") + QUrl(location).path().mid(1));
}

/// The `--db` argument of bandmate-server for a location.
inline QString serverDatabaseArgument(const QString& location)
{
    return sync::isPostgresLocation(location) ? location : QStringLiteral("sqlite:") + location;
}

/// Everything the server database holds, as bytes to search: the SQLite file and its WAL, or
/// pg_dump's output.
inline QByteArray serverDatabaseBytes(const QString& location)
{
    if (!sync::isPostgresLocation(location)) {
        return readAll(location) + readAll(location + QStringLiteral("-wal"));
    }
    QProcess dump;
    dump.start(QStringLiteral("pg_dump"), {QStringLiteral("--dbname=") + location});
    EXPECT_TRUE(dump.waitForFinished(60'000) && dump.exitCode() == 0) << dump.readAllStandardError().toStdString();
    const QByteArray bytes = dump.readAllStandardOutput();
    EXPECT_TRUE(bytes.contains("field_state")) << "pg_dump printed the database";
    return bytes;
}

}  // namespace bandmate::test
