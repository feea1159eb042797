// The roadmap commands of bandmate-cli on a real database file.
#include "tests/e2e/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace bandmate;
using test::CliRun;
using test::runCli;

namespace {

QJsonArray jsonArray(const CliRun& run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).array();
}

QJsonObject findTask(const QJsonArray& roadmaps, const QString& slug)
{
    for (const auto& roadmap : roadmaps) {
        for (const auto& stage : roadmap.toObject().value(QStringLiteral("stages")).toArray()) {
            for (const auto& task : stage.toObject().value(QStringLiteral("tasks")).toArray()) {
                if (task.toObject().value(QStringLiteral("slug")).toString() == slug) {
                    return task.toObject();
                }
            }
        }
    }
    return {};
}

}  // namespace

TEST(RoadmapCli, StartProgressAndSelfCompletingTasks)
{
    test::TempDir dir;
    const QString db = dir.file(QStringLiteral("career.sqlite"));
    const auto cli = [&](QStringList args) {
        args.prepend(db);
        args.prepend(QStringLiteral("--db"));
        return runCli(args);
    };
    const CliRun templates = runCli({QStringLiteral("roadmap"), QStringLiteral("templates"), QStringLiteral("--json")});
    ASSERT_EQ(templates.exitCode, 0) << templates.err.toStdString();
    EXPECT_EQ(jsonArray(templates).size(), 4);

    ASSERT_EQ(cli({QStringLiteral("roadmap"), QStringLiteral("start"), QStringLiteral("latin-percussionist")}).exitCode, 0);
    CliRun status = cli({QStringLiteral("roadmap"), QStringLiteral("status"), QStringLiteral("--json")});
    ASSERT_EQ(status.exitCode, 0) << status.err.toStdString();
    QJsonArray roadmaps = jsonArray(status);
    ASSERT_EQ(roadmaps.size(), 1);
    EXPECT_EQ(roadmaps.at(0).toObject().value(QStringLiteral("percent")).toInt(), 0);
    EXPECT_EQ(roadmaps.at(0).toObject().value(QStringLiteral("stages")).toArray().size(), 5);

    // Ten practice sessions complete "Log 10 practice sessions" by themselves.
    for (int day = 1; day <= 2; ++day) {
        ASSERT_EQ(cli({QStringLiteral("stat"), QStringLiteral("add"), QStringLiteral("practice_sessions"), QStringLiteral("5")}).exitCode, 0);
    }
    roadmaps = jsonArray(cli({QStringLiteral("roadmap"), QStringLiteral("status"), QStringLiteral("--json")}));
    const QJsonObject sessions = findTask(roadmaps, QStringLiteral("practice-sessions"));
    EXPECT_EQ(sessions.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    EXPECT_EQ(sessions.value(QStringLiteral("evidence")).toArray().size(), 2);
    EXPECT_EQ(sessions.value(QStringLiteral("metric")).toObject().value(QStringLiteral("value")).toDouble(), 10.0);

    // By hand: a status and a checklist item.
    const QString clave = findTask(roadmaps, QStringLiteral("clave-basics")).value(QStringLiteral("id")).toString();
    ASSERT_EQ(cli({QStringLiteral("task"), QStringLiteral("set"), clave, QStringLiteral("--status"), QStringLiteral("completed")}).exitCode, 0);
    const QString strokes = findTask(roadmaps, QStringLiteral("strokes")).value(QStringLiteral("id")).toString();
    ASSERT_EQ(cli({QStringLiteral("task"), QStringLiteral("set"), strokes, QStringLiteral("--item"), QStringLiteral("Slap")}).exitCode, 0);
    roadmaps = jsonArray(cli({QStringLiteral("roadmap"), QStringLiteral("status"), QStringLiteral("--json")}));
    EXPECT_EQ(findTask(roadmaps, QStringLiteral("clave-basics")).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    EXPECT_EQ(findTask(roadmaps, QStringLiteral("strokes")).value(QStringLiteral("status")).toString(), QStringLiteral("in_progress"));
    // Two of the first stage's five tasks.
    EXPECT_EQ(roadmaps.at(0).toObject().value(QStringLiteral("stages")).toArray().at(0).toObject().value(QStringLiteral("percent")).toInt(), 40);

    // Bad input: one line, exit 2.
    const CliRun badStatus = cli({QStringLiteral("task"), QStringLiteral("set"), clave, QStringLiteral("--status"), QStringLiteral("done")});
    EXPECT_EQ(badStatus.exitCode, 2);
    EXPECT_TRUE(badStatus.err.contains(QStringLiteral("--status")));
    const CliRun badDate = cli({QStringLiteral("stat"), QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("1"), QStringLiteral("--at"), QStringLiteral("yesterday")});
    EXPECT_EQ(badDate.exitCode, 2);
    EXPECT_TRUE(badDate.err.contains(QStringLiteral("--at")));
    // A bad part of a task set changes nothing of the rest, and an unknown task gets no row.
    const auto tables = [&] { return cli({QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--json")}).json().value(QStringLiteral("tables")).toVariant(); };
    const QVariant before = tables();
    const CliRun badItem = cli({QStringLiteral("task"), QStringLiteral("set"), strokes, QStringLiteral("--status"), QStringLiteral("completed"),
                                QStringLiteral("--item"), QStringLiteral("No such item")});
    EXPECT_EQ(badItem.exitCode, 2);
    roadmaps = jsonArray(cli({QStringLiteral("roadmap"), QStringLiteral("status"), QStringLiteral("--json")}));
    EXPECT_EQ(findTask(roadmaps, QStringLiteral("strokes")).value(QStringLiteral("status")).toString(), QStringLiteral("in_progress"));
    const CliRun orphan = cli({QStringLiteral("task"), QStringLiteral("set"), QStringLiteral("no-such-task"), QStringLiteral("--notes"), QStringLiteral("hi")});
    EXPECT_EQ(orphan.exitCode, 2);
    EXPECT_TRUE(orphan.err.contains(QStringLiteral("no such task"))) << orphan.err.toStdString();
    EXPECT_EQ(tables(), before);
    // --json answers are JSON whatever a name holds.
    const QString quoted = dir.file(QStringLiteral("my \"road\\map\".json"));
    const CliRun exported = cli({QStringLiteral("--json"), QStringLiteral("roadmap"), QStringLiteral("export"),
                                 roadmaps.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("--out"), quoted});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_EQ(exported.json().value(QStringLiteral("output")).toString(), quoted);
}

TEST(RoadmapCli, CommandsThatOnlyReadNeverCreateOrUpgradeADatabase)
{
    test::TempDir dir;
    const QString typo = dir.file(QStringLiteral("typo.sqlite"));
    for (const QStringList& command : {QStringList{QStringLiteral("roadmap"), QStringLiteral("status")}, QStringList{QStringLiteral("dump")},
                                       QStringList{QStringLiteral("library"), QStringLiteral("stats")},
                                       QStringList{QStringLiteral("library"), QStringLiteral("search"), QStringLiteral("salsa")},
                                       QStringList{QStringLiteral("setlist"), QStringLiteral("list")},
                                       QStringList{QStringLiteral("setlist"), QStringLiteral("show"), QStringLiteral("x")}}) {
        const CliRun run = runCli(QStringList{QStringLiteral("--db"), typo} + command);
        EXPECT_EQ(run.exitCode, 2) << command.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(run.err.contains(QStringLiteral("no database at this path"))) << run.err.toStdString();
        EXPECT_FALSE(QFileInfo::exists(typo)) << command.join(QLatin1Char(' ')).toStdString();
    }
    // An older file is not upgraded by a look at it: it says how.
    const QString older = dir.file(QStringLiteral("older.sqlite"));
    ASSERT_EQ(runCli({QStringLiteral("--db"), older, QStringLiteral("db"), QStringLiteral("migrate")}).exitCode, 0);
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("older"));
        raw.setDatabaseName(older);
        ASSERT_TRUE(raw.open());
        QSqlQuery(raw).exec(QStringLiteral("PRAGMA user_version = 3"));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("older"));
    const QByteArray before = test::sha256(older);
    const CliRun look = runCli({QStringLiteral("--db"), older, QStringLiteral("roadmap"), QStringLiteral("status")});
    EXPECT_EQ(look.exitCode, 2);
    EXPECT_TRUE(look.err.contains(QStringLiteral("db migrate"))) << look.err.toStdString();
    EXPECT_EQ(test::sha256(older), before);
}

TEST(RoadmapCli, ImportingABrokenRoadmapNamesThePathAndChangesNothing)
{
    test::TempDir dir;
    const QString db = dir.file(QStringLiteral("career.sqlite"));
    ASSERT_EQ(runCli({QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("migrate")}).exitCode, 0);
    const QString broken = dir.file(QStringLiteral("broken.json"));
    test::writeAll(broken, R"({"schema": 1, "slug": "mine", "version": 1, "title": "Mine", "stages": [
        {"slug": "a", "title": "A", "tasks": [{"slug": "t", "title": "T", "type": "CHECKLIST", "description": "d"}]}]})");
    const auto counts = [&] {
        return runCli({QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("--json")})
            .json()
            .value(QStringLiteral("tables"))
            .toVariant();
    };
    const QVariant before = counts();
    const CliRun run = runCli({QStringLiteral("--db"), db, QStringLiteral("roadmap"), QStringLiteral("start"), broken});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(QStringLiteral("stages[0].tasks[0].items: needs a non-empty list"))) << run.err.toStdString();
    EXPECT_EQ(counts(), before);

    // A good custom roadmap starts, and exports back to an equal document.
    const QString good = dir.file(QStringLiteral("good.json"));
    test::writeAll(good, R"({"schema": 1, "slug": "mine", "version": 1, "title": "Mine", "stages": [
        {"slug": "a", "title": "A", "tasks": [{"slug": "t", "title": "T", "type": "INFO", "description": "Read this."}]}]})");
    const CliRun started = runCli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("roadmap"), QStringLiteral("start"), good});
    ASSERT_EQ(started.exitCode, 0) << started.err.toStdString();
    const QString out = dir.file(QStringLiteral("out.json"));
    ASSERT_EQ(runCli({QStringLiteral("--db"), db, QStringLiteral("roadmap"), QStringLiteral("export"),
                      started.json().value(QStringLiteral("id")).toString(), QStringLiteral("--out"), out})
                  .exitCode,
              0);
    const QJsonObject exported = QJsonDocument::fromJson(test::readAll(out)).object();
    EXPECT_EQ(exported.value(QStringLiteral("slug")).toString(), QStringLiteral("mine"));
    EXPECT_EQ(exported.value(QStringLiteral("stages")).toArray().at(0).toObject().value(QStringLiteral("tasks")).toArray().size(), 1);
}

TEST(LibraryCli, SearchAnswersJsonAndSaysWhereAQueryIsWrong)
{
    test::TempDir dir;
    const QString db = dir.file(QStringLiteral("lib.sqlite"));
    ASSERT_EQ(runCli({QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("migrate")}).exitCode, 0);
    const CliRun empty = runCli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("library"), QStringLiteral("search"), QStringLiteral("tag:salsa")});
    ASSERT_EQ(empty.exitCode, 0) << empty.err.toStdString();
    EXPECT_EQ(jsonArray(empty).size(), 0);
    const CliRun bad = runCli({QStringLiteral("--db"), db, QStringLiteral("library"), QStringLiteral("search"), QStringLiteral("year:1990-1980")});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_EQ(bad.err.trimmed(), QStringLiteral("bandmate-cli: column 6: the range goes down: write the lower number first"));
}

TEST(LibraryCli, ScanReportsWhatItDidAsJson)
{
    test::TempDir dir;
    const QString music = dir.file(QStringLiteral("music"));
    QDir().mkpath(music);
    // Real FLAC files (from the default kit) and one that only pretends to be an MP3.
    QFile::copy(QStringLiteral(BANDMATE_SOURCE_DIR "/resources/kits/default/voice/es/1.flac"), music + QStringLiteral("/uno.flac"));
    QFile::copy(QStringLiteral(BANDMATE_SOURCE_DIR "/resources/kits/default/percussion/clave-0.flac"), music + QStringLiteral("/clave.flac"));
    test::writeAll(music + QStringLiteral("/fake.mp3"), "ID3 but nothing else");
    const QString db = dir.file(QStringLiteral("lib.sqlite"));
    const auto scan = [&] {
        return runCli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("library"), QStringLiteral("scan"), music});
    };
    const CliRun first = scan();
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    const QJsonObject result = first.json();
    EXPECT_EQ(result.value(QStringLiteral("added")).toInt(), 2);
    EXPECT_EQ(result.value(QStringLiteral("failed")).toInt(), 1);
    EXPECT_TRUE(result.value(QStringLiteral("failures")).toArray().at(0).toString().contains(QStringLiteral("fake.mp3")));
    for (const char* key : {"updated", "unchanged", "missing", "seconds"}) {
        EXPECT_TRUE(result.contains(QString::fromLatin1(key))) << key;
    }
    const QJsonObject again = scan().json();
    EXPECT_EQ(again.value(QStringLiteral("unchanged")).toInt(), 3);
    EXPECT_EQ(again.value(QStringLiteral("added")).toInt(), 0);
    // --retag takes every tag of changed files; it belongs to library scan alone.
    const CliRun retag = runCli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("library"), QStringLiteral("scan"), music, QStringLiteral("--retag")});
    EXPECT_EQ(retag.exitCode, 0) << retag.err.toStdString();
    const CliRun misplaced = runCli({QStringLiteral("--db"), db, QStringLiteral("library"), QStringLiteral("stats"), QStringLiteral("--retag")});
    EXPECT_EQ(misplaced.exitCode, 2);
    EXPECT_TRUE(misplaced.err.contains(QStringLiteral("--retag"))) << misplaced.err.toStdString();
    const CliRun found = runCli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("library"), QStringLiteral("search"), QStringLiteral("uno")});
    EXPECT_EQ(jsonArray(found).size(), 1);
    const QJsonObject stats = runCli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("library"), QStringLiteral("stats")}).json();
    EXPECT_EQ(stats.value(QStringLiteral("songs")).toInt(), 2);
    EXPECT_EQ(stats.value(QStringLiteral("files")).toInt(), 3);
    EXPECT_EQ(stats.value(QStringLiteral("unreadableFiles")).toInt(), 1);
    EXPECT_EQ(stats.value(QStringLiteral("learning")).toInt(), 2);
}
