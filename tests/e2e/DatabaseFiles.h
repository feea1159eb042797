#pragma once

// Database files as bandmate-cli left them (crash and full-disk tests): read with plain SQLite,
// put back to a saved state, made by the command line itself.

#include "tests/e2e/CliRunner.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <gtest/gtest.h>

namespace bandmate::test {

/// What a database file holds after a run (killed, or refused by a full disk), read with plain
/// SQLite as the next run would open it.
class Snapshot {
public:
    explicit Snapshot(const QString& path) : m_name(QUuid::createUuid().toString(QUuid::Id128))
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        EXPECT_TRUE(db.open()) << path.toStdString();
    }
    ~Snapshot() { QSqlDatabase::removeDatabase(m_name); }
    Snapshot(const Snapshot&) = delete;
    Snapshot& operator=(const Snapshot&) = delete;

    [[nodiscard]] QVariant scalar(const QString& sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        EXPECT_TRUE(query.exec(sql) && query.next()) << sql.toStdString();
        return query.value(0);
    }
    [[nodiscard]] int count(const QString& sql) const { return scalar(sql).toInt(); }
    [[nodiscard]] QStringList column(const QString& sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        EXPECT_TRUE(query.exec(sql)) << sql.toStdString();
        QStringList values;
        while (query.next()) {
            values.append(query.value(0).toString());
        }
        return values;
    }
    [[nodiscard]] QString integrity() const { return scalar(QStringLiteral("PRAGMA integrity_check")).toString(); }

private:
    QString m_name;
};

/// A database file and its WAL, replaced by a copy of `from`'s (the state before a run).
inline void resetDatabase(const QString& from, const QString& to)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile::remove(to + suffix);
        if (QFile::exists(from + suffix)) {
            ASSERT_TRUE(QFile::copy(from + suffix, to + suffix));
        }
    }
}

inline QStringList withDb(const QString& db, const QStringList& args)
{
    return QStringList{QStringLiteral("--db"), db} + args;
}

/// A migrated, empty database file at `path` (so runs spend their time on the work itself).
inline void createDatabase(const QString& path)
{
    const CliRun run = runCli(withDb(path, {QStringLiteral("db"), QStringLiteral("migrate")}));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
}

}  // namespace bandmate::test
