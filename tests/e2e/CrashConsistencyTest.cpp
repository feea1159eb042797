// bandmate-cli killed (SIGKILL) at seeded random moments while it scans a library, saves machine
// versions, starts a roadmap, imports a setlist and applies a sync (issue 26). After every kill
// the file passes PRAGMA integrity_check, everything the tool had reported done is there, nothing
// is half-written (a machine unlike its latest version, a show without its sets, songs of an
// import without its show, a roadmap short of stages), and a later run finishes the job.
//
// BANDMATE_CRASH_KILLS=N kills per operation (default 50: 250 in all); BANDMATE_CRASH_SEED=S
// picks other moments (the seed is printed with every failure).
#include "core/beats/BuiltinMachines.h"
#include "core/beats/MachineXml.h"
#include "tests/e2e/CliAccount.h"
#include "tests/e2e/CliRunner.h"
#include "tests/e2e/DatabaseFiles.h"
#include "tests/e2e/ServerProcess.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TaggedFiles.h"
#include "tests/support/TestDatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <random>

namespace bandmate::test {
namespace {

int killsPerOperation()
{
    bool ok = false;
    const int kills = qEnvironmentVariableIntValue("BANDMATE_CRASH_KILLS", &ok);
    return ok && kills > 0 ? kills : 50;
}

quint32 crashSeed()
{
    bool ok = false;
    const int seed = qEnvironmentVariableIntValue("BANDMATE_CRASH_SEED", &ok);
    return ok ? static_cast<quint32>(seed) : 20261205u;
}

/// One run of bandmate-cli, SIGKILLed `afterMs` after it started unless it ended first.
struct KilledRun {
    bool killed = false;
    bool succeeded = false;
    QString out;
};

KilledRun runAndKill(const QStringList& args, int afterMs, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(BANDMATE_CLI), args);
    KilledRun run;
    if (!process.waitForStarted(10'000)) {
        ADD_FAILURE() << "bandmate-cli did not start: " << process.errorString().toStdString();
        return run;
    }
    if (!process.waitForFinished(afterMs)) {
        process.kill();  // SIGKILL to this process only (never a pid of 0 or one reused)
        run.killed = true;
        EXPECT_TRUE(process.waitForFinished(30'000));
    }
    run.succeeded = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    run.killed = run.killed && process.exitStatus() == QProcess::CrashExit;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    return run;
}

/// Runs `args` to its end once and returns how long it took in ms (at least 1).
int timedRun(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QElapsedTimer timer;
    timer.start();
    const CliRun run = runCli(args, env);
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    return std::max(1, static_cast<int>(timer.elapsed()));
}

/// The kill loop every operation shares: `kills` runs of `args` on `work`, each killed at a
/// random moment within (a little past) `durationMs`; the file goes back to `base` before every
/// `chain`-th run, so later runs resume what killed ones left. `check(run, finish)` looks at what
/// each left; `finish` (the last run of a chain) asks it to run the command to its end as well.
template <typename Check>
void killRepeatedly(const QStringList& args, const QString& base, const QString& work, int durationMs, int chain, Check check,
                    const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    std::mt19937 random(crashSeed());
    std::uniform_int_distribution<int> moment(0, durationMs + durationMs / 10);
    int killed = 0;
    const int kills = killsPerOperation();
    for (int i = 0; i < kills && !::testing::Test::HasFatalFailure(); ++i) {
        if (i % chain == 0) {
            resetDatabase(base, work);
        }
        const int at = moment(random);
        SCOPED_TRACE(::testing::Message() << "run " << i << ", killed after " << at << " ms (BANDMATE_CRASH_SEED=" << crashSeed() << ")");
        const KilledRun run = runAndKill(args, at, env);
        killed += run.killed ? 1 : 0;
        EXPECT_EQ(Snapshot(work).integrity(), QStringLiteral("ok"));
        check(run, i % chain == chain - 1);
    }
    // Some moments fall inside the work, or the random part measures nothing. Only a floor: how
    // many land depends on the machine's load (runs that resume a killed one have less left to
    // do and often finish first); every commit is also ended on purpose (crashAtEachCommit).
    EXPECT_GE(killed, std::max(1, kills / 10)) << "of " << kills << " runs";
}

/// Deterministic: the run of `args` ends at its 1st commit, then (from `base` again) at its 2nd,
/// and so on until a run finishes; once right after each commit reached the log, once just
/// before each is made (what was done outside the database, such as a push the server took, is
/// done then and not recorded). bandmate-cli-crashtest does it (tests/support/CrashAtCommit.cpp).
/// `check(run, true)`: every state is also finished by a next run.
template <typename Check>
void crashAtEachCommit(const QStringList& args, const QString& base, const QString& work, Check check,
                       QProcessEnvironment env = QProcessEnvironment::systemEnvironment())
{
    for (const char* when : {"after", "before"}) {
        env.insert(QStringLiteral("BANDMATE_CRASH_WHEN"), QString::fromLatin1(when));
        bool finished = false;
        for (int n = 1; n <= 500 && !finished && !::testing::Test::HasFatalFailure(); ++n) {
            resetDatabase(base, work);
            SCOPED_TRACE(::testing::Message() << "ended " << when << " commit " << n);
            env.insert(QStringLiteral("BANDMATE_CRASH_AT_COMMIT"), QString::number(n));
            QProcess process;
            process.setProcessEnvironment(env);
            process.start(QStringLiteral(BANDMATE_CLI_CRASHTEST), args);
            EXPECT_TRUE(process.waitForFinished(120'000));
            KilledRun run;
            run.killed = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 86;
            run.succeeded = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
            run.out = QString::fromUtf8(process.readAllStandardOutput());
            EXPECT_TRUE(run.killed || run.succeeded) << process.readAllStandardError().toStdString();
            EXPECT_EQ(Snapshot(work).integrity(), QStringLiteral("ok"));
            check(run, true);
            finished = !run.killed;
            if (finished) {
                EXPECT_GT(n, 1) << "the command commits, so the first commit must have ended it";
            }
        }
        EXPECT_TRUE(finished) << "still committing after 500 commits";
    }
}

TEST(CrashConsistencyTest, ALibraryScanKilledAnywhereLeavesWholeSongsAndTheNextScanFinishesIt)
{
    TempDir dir;
    constexpr int kFiles = 600;
    const QString music = dir.file(QStringLiteral("music"));
    for (int i = 0; i < kFiles; ++i) {
        const QByteArray title = QStringLiteral("Canción %1").arg(i).toUtf8();
        writeTagged(QStringLiteral("%1/disc%2/%3.wav").arg(music).arg(i % 7).arg(i), title.constData(), "Orquesta Aragón", 90 + i % 40, 2205);
    }
    const QString base = dir.file(QStringLiteral("base.sqlite"));
    const QString work = dir.file(QStringLiteral("work.sqlite"));
    createDatabase(base);
    resetDatabase(base, work);
    const QStringList scan{QStringLiteral("library"), QStringLiteral("scan"), music};
    const int duration = timedRun(withDb(work, scan));

    const auto whole = [&](const QString& why) {
        Snapshot db(work);
        EXPECT_EQ(db.count(QStringLiteral("SELECT count(*) FROM song WHERE deleted = 0 AND id NOT IN (SELECT song_id FROM media_file)")), 0)
            << why.toStdString() << ": a song without its file";
        EXPECT_EQ(db.count(QStringLiteral("SELECT count(*) FROM media_file WHERE song_id <> '' AND song_id NOT IN (SELECT id FROM song)")), 0)
            << why.toStdString() << ": a file of a song that is not there";
        return db.count(QStringLiteral("SELECT count(*) FROM song WHERE deleted = 0"));
    };
    const auto check = [&](const KilledRun& run, bool finish) {
        const int songs = whole(QStringLiteral("after the kill"));
        EXPECT_LE(songs, kFiles);
        if (run.succeeded) {
            EXPECT_EQ(songs, kFiles);
        }
        if (finish) {
            const CliRun next = runCli(withDb(work, scan));
            ASSERT_EQ(next.exitCode, 0) << next.err.toStdString();
            EXPECT_EQ(whole(QStringLiteral("after the next scan")), kFiles);
            Snapshot db(work);
            EXPECT_EQ(db.count(QStringLiteral("SELECT count(DISTINCT title) FROM song WHERE deleted = 0")), kFiles) << "each file once";
            EXPECT_EQ(db.count(QStringLiteral("SELECT count(*) FROM media_file")), kFiles);
        }
    };
    killRepeatedly(withDb(work, scan), base, work, duration, 5, check);
    crashAtEachCommit(withDb(work, scan), base, work, check);
}

/// Versions of the example machine that differ in tempo, velocities, instruments and programs.
QStringList writeMachineVariants(const TempDir& dir, int count)
{
    auto example = core::beats::readMachineFile(exampleMachinePath());
    EXPECT_TRUE(example.has_value());
    QStringList files;
    for (int k = 0; k < count && example; ++k) {
        core::beats::Machine machine = *example;
        machine.bpm = 90 + k;
        if (k % 2 == 1) {
            machine.instruments.pop_back();
        }
        if (k % 3 == 0) {
            for (auto& instrument : machine.instruments) {
                for (auto& program : instrument.programs) {
                    for (auto& note : program.notes) {
                        note.velocity = 0.5 + 0.01 * k;
                    }
                }
            }
        }
        if (k % 4 == 1) {
            auto variation = machine.instruments.front().programs.front();
            variation.title = "Variation " + std::to_string(k);
            machine.instruments.front().programs.push_back(variation);
        }
        const QString file = dir.file(QStringLiteral("variant-%1.xml").arg(k));
        writeAll(file, core::beats::writeMachineXml(machine));
        files.append(file);
    }
    return files;
}

TEST(CrashConsistencyTest, AMachineSavedVersionByVersionAndKilledKeepsEveryReportedVersionAndAWholeMachine)
{
    TempDir dir;
    const QString base = dir.file(QStringLiteral("base.sqlite"));
    const QString work = dir.file(QStringLiteral("work.sqlite"));
    createDatabase(base);
    const CliRun first = runCli(withDb(base, {QStringLiteral("--json"), QStringLiteral("machine"), QStringLiteral("import"), exampleMachinePath()}));
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    const QString machineId = first.json().value(QStringLiteral("saved")).toArray().first().toObject().value(QStringLiteral("machine_id")).toString();
    ASSERT_FALSE(machineId.isEmpty());
    const QStringList variants = writeMachineVariants(dir, 24);
    const QStringList import = QStringList{QStringLiteral("machine"), QStringLiteral("import")} + variants
                               + QStringList{QStringLiteral("--into"), machineId};
    resetDatabase(base, work);
    const int duration = timedRun(withDb(work, import));

    // The machine as its rows hold it equals its latest version; every version reads.
    const auto whole = [&] {
        const QString exported = dir.file(QStringLiteral("exported.xml"));
        const CliRun run = runCli(withDb(work, {QStringLiteral("machine"), QStringLiteral("export"), machineId, QStringLiteral("--out"), exported}));
        ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
        auto current = core::beats::readMachineFile(exported);
        ASSERT_TRUE(current.has_value()) << current.error().toString();
        Snapshot db(work);
        const QString latest = db.scalar(QStringLiteral("SELECT xml FROM machine_version WHERE machine_id = '%1' AND deleted = 0 "
                                                         "ORDER BY saved_at DESC, id DESC LIMIT 1")
                                             .arg(machineId))
                                   .toString();
        auto saved = core::beats::readMachineXml(latest.toUtf8(), QStringLiteral("latest version"));
        ASSERT_TRUE(saved.has_value()) << saved.error().toString();
        EXPECT_TRUE(*current == *saved) << "the machine differs from its latest version";
        for (const QString& xml : db.column(QStringLiteral("SELECT xml FROM machine_version WHERE deleted = 0"))) {
            EXPECT_TRUE(core::beats::readMachineXml(xml.toUtf8(), QStringLiteral("a version")).has_value());
        }
    };
    const auto check = [&](const KilledRun& run, bool) {
        whole();
        // Every version the run printed is there, with the tempo of its file.
        Snapshot db(work);
        static const QRegularExpression saved(QStringLiteral("^Saved .*variant-(\\d+)\\.xml as \\S+, version (\\S+) \\("));
        static const QRegularExpression same(QStringLiteral("^.*variant-\\d+\\.xml is the same as \\S+'s latest version: nothing to save\\.$"));
        int reported = 0;
        // Whole lines only: a kill may cut the last one short.
        QStringList lines = run.out.split(QLatin1Char('\n'));
        lines.removeLast();
        for (const QString& line : lines) {
            ++reported;
            if (same.match(line).hasMatch()) {
                continue;  // a resumed run meets the version a killed one saved last
            }
            const auto match = saved.match(line);
            ASSERT_TRUE(match.hasMatch()) << line.toStdString();
            const QString xml = db.scalar(QStringLiteral("SELECT xml FROM machine_version WHERE id = '%1' AND deleted = 0").arg(match.captured(2))).toString();
            auto version = core::beats::readMachineXml(xml.toUtf8(), QStringLiteral("reported version"));
            ASSERT_TRUE(version.has_value()) << "reported but missing: " << line.toStdString();
            EXPECT_EQ(version->bpm, 90 + match.captured(1).toInt());
        }
        if (run.succeeded) {
            EXPECT_EQ(reported, variants.size());
        }
    };
    killRepeatedly(withDb(work, import), base, work, duration, 4, check);
    crashAtEachCommit(withDb(work, import), base, work, check);
}

TEST(CrashConsistencyTest, ARoadmapStartKilledAnywhereLeavesTheWholeRoadmapOrNone)
{
    TempDir dir;
    constexpr int kStages = 40;
    constexpr int kTasks = 25;
    QJsonArray stages;
    for (int s = 0; s < kStages; ++s) {
        QJsonArray tasks;
        for (int t = 0; t < kTasks; ++t) {
            QJsonArray items;
            for (int i = 0; i < 3; ++i) {
                items.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("item-%1").arg(i)}, {QStringLiteral("text"), QStringLiteral("Step %1").arg(i)}});
            }
            tasks.append(QJsonObject{{QStringLiteral("slug"), QStringLiteral("task-%1-%2").arg(s).arg(t)},
                                     {QStringLiteral("title"), QStringLiteral("Task %1").arg(t)},
                                     {QStringLiteral("type"), QStringLiteral("CHECKLIST")},
                                     {QStringLiteral("description"), QStringLiteral("Done when every step is ticked.")},
                                     {QStringLiteral("items"), items}});
        }
        stages.append(QJsonObject{{QStringLiteral("slug"), QStringLiteral("stage-%1").arg(s)},
                                  {QStringLiteral("title"), QStringLiteral("Stage %1").arg(s)},
                                  {QStringLiteral("summary"), QStringLiteral("One of many.")},
                                  {QStringLiteral("tasks"), tasks}});
    }
    const QString file = dir.file(QStringLiteral("long-road.json"));
    writeAll(file, QJsonDocument(QJsonObject{{QStringLiteral("schema"), 1},
                                             {QStringLiteral("slug"), QStringLiteral("long-road")},
                                             {QStringLiteral("version"), 1},
                                             {QStringLiteral("title"), QStringLiteral("A long road")},
                                             {QStringLiteral("summary"), QStringLiteral("Many stages.")},
                                             {QStringLiteral("stages"), stages}})
                       .toJson());
    const QString base = dir.file(QStringLiteral("base.sqlite"));
    const QString work = dir.file(QStringLiteral("work.sqlite"));
    createDatabase(base);
    resetDatabase(base, work);
    const QStringList start{QStringLiteral("roadmap"), QStringLiteral("start"), file};
    const int duration = timedRun(withDb(work, start));

    const auto check = [&](const KilledRun& run, bool) {
        Snapshot db(work);
        const int roadmaps = db.count(QStringLiteral("SELECT count(*) FROM roadmap WHERE deleted = 0"));
        EXPECT_LE(roadmaps, 1);
        if (run.out.contains(QStringLiteral("Started"))) {
            EXPECT_EQ(roadmaps, 1) << "reported started";
        }
        EXPECT_EQ(db.count(QStringLiteral("SELECT count(*) FROM roadmap_stage WHERE deleted = 0")), roadmaps * kStages);
        EXPECT_EQ(db.count(QStringLiteral("SELECT count(*) FROM roadmap_task WHERE deleted = 0")), roadmaps * kStages * kTasks);
    };
    killRepeatedly(withDb(work, start), base, work, duration, 1, check);
    crashAtEachCommit(withDb(work, start), base, work, check);
}

TEST(CrashConsistencyTest, ASetlistImportKilledAnywhereLeavesAWholeShowOrNothing)
{
    TempDir dir;
    constexpr int kMain = 60;
    constexpr int kEncore = 4;
    QString text;
    for (int i = 0; i < kMain + kEncore; ++i) {
        text += (i == kMain ? QStringLiteral("\n") : QString()) + QStringLiteral("Tema %1\n").arg(i);
    }
    const QString file = dir.file(QStringLiteral("show.txt"));
    writeAll(file, text.toUtf8());
    const QString base = dir.file(QStringLiteral("base.sqlite"));
    const QString work = dir.file(QStringLiteral("work.sqlite"));
    createDatabase(base);
    resetDatabase(base, work);
    const QStringList import{QStringLiteral("setlist"), QStringLiteral("import"), file, QStringLiteral("--show"), QStringLiteral("Club Havana")};
    const int duration = timedRun(withDb(work, import));

    const auto check = [&](const KilledRun& run, bool) {
        Snapshot db(work);
        const int shows = db.count(QStringLiteral("SELECT count(*) FROM show WHERE deleted = 0"));
        EXPECT_LE(shows, 1);
        if (run.out.contains(QStringLiteral("Imported"))) {
            EXPECT_EQ(shows, 1) << "reported imported";
        }
        EXPECT_EQ(db.count(QStringLiteral("SELECT count(*) FROM setlist WHERE deleted = 0")), shows * 2) << "the set and the encore";
        EXPECT_EQ(db.count(QStringLiteral("SELECT count(*) FROM setlist_entry WHERE deleted = 0")), shows * (kMain + kEncore));
        EXPECT_EQ(db.count(QStringLiteral("SELECT count(*) FROM song WHERE deleted = 0")), shows * (kMain + kEncore)) << "new songs only with their show";
    };
    killRepeatedly(withDb(work, import), base, work, duration, 1, check);
    crashAtEachCommit(withDb(work, import), base, work, check);
}

TEST(CrashConsistencyTest, ASyncKilledWhileApplyingPagesKeepsEachPageWithItsCursorAndTheNextSyncFinishes)
{
    TempDir dir;
    KeyringSession keyring(dir);
    const QString serverFile = dir.file(QStringLiteral("server.sqlite"));  // read below: SQLite
    ServerProcess server(serverFile, {QStringLiteral("--sync-limit"), QStringLiteral("0")});  // hundreds of sign-ins a minute here
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
    const QString laptop = dir.file(QStringLiteral("laptop.sqlite"));
    {
        auto db = openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
        (void)addSongs(*db, 1'500, QStringLiteral("Montuno"));
    }
    const QString show = dir.file(QStringLiteral("show.txt"));
    writeAll(show, QByteArrayLiteral("Montuno 1\nMontuno 2\nPedro Navaja\n\nMontuno 3\n"));
    ASSERT_EQ(runCli(withDb(laptop, {QStringLiteral("setlist"), QStringLiteral("import"), show, QStringLiteral("--show"), QStringLiteral("Club Havana")})).exitCode, 0);
    ASSERT_EQ(runCli(withDb(laptop, {QStringLiteral("machine"), QStringLiteral("import"), exampleMachinePath()})).exitCode, 0);
    const CliAccount ana{keyring, url};
    const auto cli = [&](const QString& database, const QStringList& args) { return ana.run(database, args); };
    const auto account = [&](const QString& database, const char* verb) { return ana.signIn(database, verb); };
    ASSERT_EQ(account(laptop, "register").exitCode, 0);
    const QStringList sync = ana.sync();
    ASSERT_EQ(cli(laptop, sync).exitCode, 0);

    const QString base = dir.file(QStringLiteral("base.sqlite"));
    const QString work = dir.file(QStringLiteral("work.sqlite"));
    createDatabase(base);
    ASSERT_EQ(account(base, "login").exitCode, 0);
    resetDatabase(base, work);
    const int duration = timedRun(withDb(work, sync), keyring.environment());
    const QString laptopDump = cli(laptop, {QStringLiteral("--json"), QStringLiteral("dump")}).out;
    ASSERT_EQ(cli(work, {QStringLiteral("--json"), QStringLiteral("dump")}).out, laptopDump);

    // What the laptop wrote, field by field, with the server's sequence number of each.
    QHash<QString, qint64> seqOf;
    {
        Snapshot serverDb(serverFile);
        const QStringList keys = serverDb.column(QStringLiteral("SELECT entity || '/' || id || '/' || field || '/' || seq FROM field_state"));
        for (const QString& key : keys) {
            seqOf.insert(key.section(QLatin1Char('/'), 0, 2), key.section(QLatin1Char('/'), 3).toLongLong());
        }
    }
    {
        Snapshot laptopDb(laptop);
        const QStringList written = laptopDb.column(QStringLiteral("SELECT entity || '/' || id || '/' || field FROM field_clock"));
        ASSERT_EQ(written.size(), seqOf.size()) << "the server holds what the laptop wrote";
    }
    const auto check = [&](const KilledRun& run, bool finish) {
            Snapshot db(work);
            const qint64 cursor = db.scalar(QStringLiteral("SELECT pull_cursor FROM sync_state WHERE singleton = 1")).toLongLong();
            QSet<QString> held;
            for (const QString& key : db.column(QStringLiteral("SELECT entity || '/' || id || '/' || field FROM field_clock"))) {
                if (seqOf.contains(key)) {
                    held.insert(key);
                }
            }
            QSet<QString> upToCursor;
            for (auto it = seqOf.cbegin(); it != seqOf.cend(); ++it) {
                if (it.value() <= cursor) {
                    upToCursor.insert(it.key());
                }
            }
            EXPECT_EQ(held.size(), upToCursor.size()) << "the fields received are exactly those up to the cursor " << cursor;
            EXPECT_TRUE(held == upToCursor);
            if (run.succeeded || finish) {
                if (!run.succeeded) {
                    const CliRun next = cli(work, sync);
                    ASSERT_EQ(next.exitCode, 0) << next.err.toStdString();
                }
                EXPECT_EQ(cli(work, {QStringLiteral("--json"), QStringLiteral("dump")}).out, laptopDump) << "the next sync finishes the job";
            }
        };
    killRepeatedly(withDb(work, sync), base, work, duration, 5, check, keyring.environment());
    crashAtEachCommit(withDb(work, sync), base, work, check, keyring.environment());
}

}  // namespace
}  // namespace bandmate::test
