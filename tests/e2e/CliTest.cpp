// bandmate-cli driven as a user or script would: real processes, real files.
#include "core/storage/Database.h"
#include "tests/e2e/CliRunner.h"
#include "tests/support/TestFiles.h"

#include <QJsonDocument>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using bandmate::test::CliRun;
using bandmate::test::TempDir;

namespace {

CliRun cli(const QStringList& args)
{
    return bandmate::test::runCli(args);
}

QJsonObject json(const CliRun& run)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << run.out.toStdString();
    return doc.object();
}

}  // namespace

TEST(Cli, VersionAndHelp)
{
    const CliRun version = cli({QStringLiteral("--version")});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith(QStringLiteral("bandmate-cli 0."))) << version.out.toStdString();
    const CliRun help = cli({QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("db info")));
}

TEST(Cli, BadUsageExitsTwoWithOneLine)
{
    for (const QStringList& args :
         {QStringList{}, QStringList{QStringLiteral("frobnicate")},
          QStringList{QStringLiteral("db")}, QStringList{QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--bogus")},
          QStringList{QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--db")}}) {
        const CliRun run = cli(args);
        EXPECT_EQ(run.exitCode, 2) << args.join(QLatin1Char(' ')).toStdString();
        if (!args.isEmpty()) {
            EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString();
            EXPECT_TRUE(run.err.startsWith(QStringLiteral("bandmate-cli: "))) << run.err.toStdString();
        }
    }
}

TEST(Cli, AFolderOrAMissingFileWhereAFileBelongsIsBadInputExitTwoAndNamesIt)
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("user.sqlite"));
    const QString folder = dir.path();
    const QString missing = dir.file(QStringLiteral("nothing-here.txt"));
    const QString out = dir.file(QStringLiteral("out.wav"));
    for (const QString& input : {folder, missing}) {
        for (const QStringList& args : {QStringList{QStringLiteral("render"), input, QStringLiteral("--out"), out},
                                        QStringList{QStringLiteral("machine"), QStringLiteral("import"), input},
                                        QStringList{QStringLiteral("roadmap"), QStringLiteral("start"), input},
                                        QStringList{QStringLiteral("setlist"), QStringLiteral("import"), input, QStringLiteral("--show"), QStringLiteral("X")}}) {
            const CliRun run = cli(QStringList(args) << QStringLiteral("--db") << db);
            EXPECT_EQ(run.exitCode, 2) << args.join(QLatin1Char(' ')).toStdString() << ": " << run.err.toStdString();
            EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString();
            EXPECT_TRUE(run.err.contains(input)) << run.err.toStdString();
        }
    }
    EXPECT_FALSE(QFileInfo::exists(out));
}

TEST(Cli, DbInfoReportsSchemaCountsAndIntegrityAsJson)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("user.sqlite"));
    ASSERT_EQ(cli({QStringLiteral("db"), QStringLiteral("migrate"), QStringLiteral("--db"), path}).exitCode, 0);
    const CliRun run = cli({QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--db"), path, QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject info = json(run);
    EXPECT_EQ(info.value(QStringLiteral("schemaVersion")).toInt(), bandmate::core::Database::latestSchemaVersion());
    EXPECT_EQ(info.value(QStringLiteral("appSchemaVersion")).toInt(), bandmate::core::Database::latestSchemaVersion());
    EXPECT_EQ(info.value(QStringLiteral("integrity")).toString(), QStringLiteral("ok"));
    EXPECT_EQ(info.value(QStringLiteral("journalMode")).toString(), QStringLiteral("wal"));
    const QJsonObject tables = info.value(QStringLiteral("tables")).toObject();
    EXPECT_EQ(tables.value(QStringLiteral("sync_state")).toInt(), 1);
    EXPECT_EQ(tables.value(QStringLiteral("profile")).toInt(), 0);
    EXPECT_TRUE(tables.contains(QStringLiteral("field_clock")));

    const CliRun text = cli({QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--db"), path});
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("Integrity: ok")));
}

TEST(Cli, DbInfoNeverCreatesOrChangesAFile)
{
    TempDir dir;
    const QString missing = dir.file(QStringLiteral("missing.sqlite"));
    const CliRun run = cli({QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--db"), missing, QStringLiteral("--json")});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(QStringLiteral("missing.sqlite")));
    EXPECT_FALSE(QFileInfo::exists(missing));

    const QString old = dir.file(QStringLiteral("old.sqlite"));
    {
        auto db = bandmate::core::Database::open(old, {.targetVersion = 1});
        ASSERT_TRUE(db.has_value());
    }
    const QByteArray before = bandmate::test::sha256(old);
    const CliRun info = cli({QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--db"), old, QStringLiteral("--json")});
    EXPECT_EQ(info.exitCode, 0);
    EXPECT_EQ(json(info).value(QStringLiteral("schemaVersion")).toInt(), 1);
    EXPECT_EQ(bandmate::test::sha256(old), before);
}

TEST(Cli, RefusesANonDatabaseWithExitTwoAndKeepsItsBytes)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("setlist.txt"));
    const QByteArray content("Pedro Navaja\nLlorarás\n\nQuimbara\n");
    bandmate::test::writeAll(path, content);
    for (const char* sub : {"info", "migrate"}) {
        const CliRun run = cli({QStringLiteral("db"), QString::fromLatin1(sub), QStringLiteral("--db"), path});
        EXPECT_EQ(run.exitCode, 2) << sub;
        EXPECT_TRUE(run.err.contains(QStringLiteral("not an SQLite database"))) << run.err.toStdString();
        EXPECT_EQ(bandmate::test::readAll(path), content);
    }
}

TEST(Cli, ManyProcessesCreatingOneDatabaseAtOnceAllSucceed)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("race.sqlite"));
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < 6; ++i) {
        auto process = std::make_unique<QProcess>();
        process->start(QStringLiteral(BANDMATE_CLI),
                       {QStringLiteral("db"), QStringLiteral("migrate"), QStringLiteral("--db"), path});
        processes.push_back(std::move(process));
    }
    for (auto& process : processes) {
        ASSERT_TRUE(process->waitForFinished(60'000));
        EXPECT_EQ(process->exitCode(), 0) << process->readAllStandardError().toStdString();
    }
    const CliRun run = cli({QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--db"), path, QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0);
    const QJsonObject info = json(run);
    EXPECT_EQ(info.value(QStringLiteral("integrity")).toString(), QStringLiteral("ok"));
    EXPECT_EQ(info.value(QStringLiteral("schemaVersion")).toInt(), bandmate::core::Database::latestSchemaVersion());
    EXPECT_EQ(info.value(QStringLiteral("tables")).toObject().value(QStringLiteral("sync_state")).toInt(), 1);
}

TEST(Cli, ServerPrintsItsVersion)
{
    QProcess process;
    process.start(QStringLiteral(BANDMATE_SERVER), {QStringLiteral("--version")});
    ASSERT_TRUE(process.waitForFinished(30'000));
    EXPECT_EQ(process.exitCode(), 0);
    EXPECT_TRUE(process.readAllStandardOutput().startsWith("bandmate-server 0."));
}
