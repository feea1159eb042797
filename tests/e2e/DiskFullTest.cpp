// A full disk (a small tmpfs the test mounts) under a library scan, exports and a sync (issue 26):
// one clear error that names the disk, the database intact and nothing half-written, and the
// next run after space is freed finishes the job. Mounting needs root (CI runs as root); without
// it the tests are skipped and say so.
#include "tests/e2e/CliAccount.h"
#include "tests/e2e/CliRunner.h"
#include "tests/e2e/DatabaseFiles.h"
#include "tests/e2e/ServerProcess.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/SmallDisk.h"
#include "tests/support/TaggedFiles.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QJsonArray>

namespace bandmate::test {
namespace {

/// The one error line of a run that ran out of space: it names the small disk.
void expectFullDiskError(const CliRun& run, const SmallDisk& disk)
{
    EXPECT_EQ(run.exitCode, 1) << run.out.toStdString() << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("the disk is full"))) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(disk.path())) << "names the disk: " << run.err.toStdString();
    // (Qt's own start-up notes, such as a missing XDG_RUNTIME_DIR in the test's environment, aside.)
    EXPECT_EQ(run.err.count(QStringLiteral("bandmate-cli:")), 1) << "one line: " << run.err.toStdString();
}

TEST(DiskFullTest, AScanThatRunsOutOfSpaceStopsCleanlyAndTheNextScanFinishesOnceThereIsRoom)
{
    TempDir dir;
    SmallDisk disk(dir, 16 * 1024 * 1024);
    REQUIRE_SMALL_DISK(disk);
    constexpr int kFiles = 600;
    const QString music = dir.file(QStringLiteral("music"));
    for (int i = 0; i < kFiles; ++i) {
        const QByteArray title = QStringLiteral("Danzón %1").arg(i).toUtf8();
        writeTagged(QStringLiteral("%1/%2.wav").arg(music).arg(i), title.constData(), "Orquesta Failde", 0, 2205);
    }
    const QString db = disk.file(QStringLiteral("library.sqlite"));
    createDatabase(db);
    disk.fill(200 * 1024);
    const QStringList scan = withDb(db, {QStringLiteral("library"), QStringLiteral("scan"), music});
    const CliRun full = runCli(scan);
    expectFullDiskError(full, disk);
    int partial = 0;
    {
        Snapshot file(db);
        EXPECT_EQ(file.integrity(), QStringLiteral("ok"));
        EXPECT_EQ(file.count(QStringLiteral("SELECT count(*) FROM song WHERE deleted = 0 AND id NOT IN (SELECT song_id FROM media_file)")), 0);
        partial = file.count(QStringLiteral("SELECT count(*) FROM song WHERE deleted = 0"));
        EXPECT_LT(partial, kFiles);
    }
    disk.unfill();
    const CliRun again = runCli(scan);
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    Snapshot file(db);
    EXPECT_EQ(file.count(QStringLiteral("SELECT count(DISTINCT title) FROM song WHERE deleted = 0")), kFiles);
    EXPECT_EQ(file.count(QStringLiteral("SELECT count(*) FROM song WHERE deleted = 0")), kFiles);
    EXPECT_EQ(file.count(QStringLiteral("SELECT count(*) FROM media_file")), kFiles);
}

TEST(DiskFullTest, AnExportThatRunsOutOfSpaceLeavesTheOldFileAndNoPieces)
{
    TempDir dir;
    SmallDisk disk(dir, 4 * 1024 * 1024);
    REQUIRE_SMALL_DISK(disk);
    // Yesterday's files, small and whole.
    const QString wav = disk.file(QStringLiteral("montuno.wav"));
    ASSERT_EQ(runCli({QStringLiteral("render"), QStringLiteral("salsa"), QStringLiteral("--bars"), QStringLiteral("1"), QStringLiteral("--out"), wav}).exitCode, 0);
    const QString db = dir.file(QStringLiteral("machines.sqlite"));
    createDatabase(db);
    const CliRun saved = runCli(withDb(db, {QStringLiteral("--json"), QStringLiteral("machine"), QStringLiteral("import"), exampleMachinePath()}));
    ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString();
    const QString machineId = saved.json().value(QStringLiteral("saved")).toArray().first().toObject().value(QStringLiteral("machine_id")).toString();
    const QString xml = disk.file(QStringLiteral("groove.xml"));
    writeAll(xml, QByteArrayLiteral("<old/>"));
    const QString mid = disk.file(QStringLiteral("montuno.mid"));
    writeAll(mid, QByteArrayLiteral("MThd old"));
    const QString sheet = disk.file(QStringLiteral("sheet.pdf"));
    writeAll(sheet, QByteArrayLiteral("%PDF old"));
    const QString text = dir.file(QStringLiteral("show.txt"));
    writeAll(text, QByteArrayLiteral("Pedro Navaja\nChan Chan\n"));
    ASSERT_EQ(runCli(withDb(db, {QStringLiteral("setlist"), QStringLiteral("import"), text, QStringLiteral("--show"), QStringLiteral("Club Havana")})).exitCode, 0);
    const QString showId = QJsonDocument::fromJson(runCli(withDb(db, {QStringLiteral("--json"), QStringLiteral("setlist"), QStringLiteral("list")})).out.toUtf8())
                               .array()
                               .first()
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
    const QByteArray wavBefore = readAll(wav);

    // Each export is bigger than the one page left: its write is cut short part of the way.
    const struct {
        QStringList args;
        QString file;
        QByteArray before;
    } exports[] = {
        {{QStringLiteral("render"), QStringLiteral("salsa"), QStringLiteral("--bars"), QStringLiteral("32"), QStringLiteral("--out"), wav}, wav, wavBefore},
        {{QStringLiteral("export-midi"), QStringLiteral("salsa"), QStringLiteral("--bars"), QStringLiteral("64"), QStringLiteral("--out"), mid}, mid, "MThd old"},
        {withDb(db, {QStringLiteral("machine"), QStringLiteral("export"), machineId, QStringLiteral("--out"), xml}), xml, "<old/>"},
        {withDb(db, {QStringLiteral("setlist"), QStringLiteral("export"), showId, QStringLiteral("--pdf"), sheet}), sheet, "%PDF old"},
    };
    for (const auto& e : exports) {
        SCOPED_TRACE(e.args.join(QLatin1Char(' ')).toStdString());
        disk.fill(4096);
        expectFullDiskError(runCli(e.args), disk);
        EXPECT_EQ(readAll(e.file), e.before) << "the old file is still whole";
        disk.unfill();
    }
    QStringList left = QDir(disk.path()).entryList(QDir::Files | QDir::Hidden);
    left.removeIf([](const QString& name) { return name.startsWith(QLatin1String("filler-")); });
    left.sort();
    EXPECT_EQ(left, (QStringList{QStringLiteral("groove.xml"), QStringLiteral("montuno.mid"), QStringLiteral("montuno.wav"), QStringLiteral("sheet.pdf")}))
        << "no pieces of the failed writes";

    disk.unfill();
    ASSERT_EQ(runCli({QStringLiteral("render"), QStringLiteral("salsa"), QStringLiteral("--bars"), QStringLiteral("2"), QStringLiteral("--out"), wav}).exitCode, 0);
    ASSERT_EQ(runCli(withDb(db, {QStringLiteral("machine"), QStringLiteral("export"), machineId, QStringLiteral("--out"), xml})).exitCode, 0);
    EXPECT_TRUE(readAll(xml).contains("Machine"));
    ASSERT_EQ(runCli(withDb(db, {QStringLiteral("setlist"), QStringLiteral("export"), showId, QStringLiteral("--pdf"), sheet})).exitCode, 0);
    EXPECT_TRUE(readAll(sheet).startsWith("%PDF-"));
    ASSERT_EQ(runCli({QStringLiteral("export-midi"), QStringLiteral("salsa"), QStringLiteral("--bars"), QStringLiteral("64"), QStringLiteral("--out"), mid}).exitCode, 0);
    EXPECT_TRUE(readAll(mid).startsWith("MThd"));
}

TEST(DiskFullTest, ASyncThatRunsOutOfSpaceKeepsWhatItAppliedAndTheNextSyncFinishes)
{
    TempDir dir;
    SmallDisk disk(dir, 16 * 1024 * 1024);
    REQUIRE_SMALL_DISK(disk);
    KeyringSession keyring(dir);
    ServerProcess server(dir.file(QStringLiteral("server.sqlite")));
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
    const QString laptop = dir.file(QStringLiteral("laptop.sqlite"));
    {
        auto db = openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
        (void)addSongs(*db, 2'000, QStringLiteral("Guaguancó"));
    }
    const CliAccount ana{keyring, url};
    const auto cli = [&](const QString& database, const QStringList& args) { return ana.run(database, args); };
    const auto account = [&](const QString& database, const char* verb) { return ana.signIn(database, verb); };
    ASSERT_EQ(account(laptop, "register").exitCode, 0);
    const QStringList sync = ana.sync();
    ASSERT_EQ(cli(laptop, sync).exitCode, 0);

    const QString studio = disk.file(QStringLiteral("studio.sqlite"));
    createDatabase(studio);
    ASSERT_EQ(account(studio, "login").exitCode, 0);
    // No room even for the copy taken before a database's first sync: no sync, and no piece
    // of a copy left to fill the disk further.
    disk.fill(4096);
    expectFullDiskError(cli(studio, sync), disk);
    EXPECT_TRUE(QDir(disk.path()).entryList({QStringLiteral("*before-first-sync*")}, QDir::Files | QDir::Hidden).isEmpty());
    disk.unfill();
    // Room for the copy and part of what comes in.
    disk.fill(QFileInfo(studio).size() + 400 * 1024);
    const CliRun full = cli(studio, sync);
    expectFullDiskError(full, disk);
    {
        Snapshot file(studio);
        EXPECT_EQ(file.integrity(), QStringLiteral("ok"));
        EXPECT_LT(file.count(QStringLiteral("SELECT count(*) FROM song WHERE deleted = 0")), 2'000);
    }
    disk.unfill();
    const CliRun again = cli(studio, sync);
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(cli(studio, {QStringLiteral("--json"), QStringLiteral("dump")}).out, cli(laptop, {QStringLiteral("--json"), QStringLiteral("dump")}).out);
}

}  // namespace
}  // namespace bandmate::test
