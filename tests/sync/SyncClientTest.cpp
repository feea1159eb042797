// The Qt Network sync client against the real HTTP server (in this process, on 127.0.0.1:0):
// devices converge, nothing is lost when the server is gone, clocks are checked, a replaced
// server (new epoch) gets everything again.
#include "core/beats/BuiltinMachines.h"
#include "core/beats/MachineRepository.h"
#include "core/feeds/FeedItemRepository.h"
#include "core/feeds/FeedRepository.h"
#include "core/library/Songs.h"
#include "core/storage/Sql.h"
#include "core/sync/ConflictLog.h"
#include "core/sync/DeleteGuard.h"
#include "core/sync/Dump.h"
#include "sync/client/SyncClient.h"
#include "sync/server/HttpServer.h"
#include "sync/server/SyncService.h"
#include "tests/support/LocalServer.h"
#include "tests/support/ServerDatabases.h"
#include "tests/support/SyncRound.h"
#include "tests/support/TestDatabase.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QSignalSpy>

#include <thread>
#include <variant>

using namespace bandmate;
using test::dumpOf;
using test::expectSyncs;
using test::signIn;
using test::syncRound;
using core::library::Song;
using core::library::SongRepository;

namespace {

using test::outboxSize;

TEST(SyncClientTest, TwoComputersConvergeThroughTheServer)
{
    test::TempDir dir;
    const QString serverDb = test::serverDatabase(dir);
    test::LocalServer server(serverDb);
    const QString token = signIn(serverDb);
    auto laptop = test::openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    auto studio = test::openTestDatabase(dir, QStringLiteral("studio.sqlite"));

    Song song;
    song.title = QStringLiteral("Pedro Navaja");
    song.bpm = 96;
    const QString id = SongRepository(*laptop).save(song).value();
    auto first = syncRound(*laptop, server.url(), token);
    ASSERT_TRUE(std::holds_alternative<sync::SyncReport>(first)) << std::get<QString>(first).toStdString();
    // The first sync of a database keeps a copy of it first (one copy, not one per sync).
    const auto backups = [&] {
        return QDir(dir.path()).entryList({QStringLiteral("laptop.sqlite.before-first-sync-*.backup")}).size();
    };
    EXPECT_EQ(backups(), 1);
    EXPECT_GT(std::get<sync::SyncReport>(first).pushed, 0);
    EXPECT_EQ(outboxSize(*laptop), 0);
    auto second = syncRound(*studio, server.url(), token);
    ASSERT_TRUE(std::holds_alternative<sync::SyncReport>(second));
    EXPECT_EQ(std::get<sync::SyncReport>(second).pulled, std::get<sync::SyncReport>(first).pushed);
    EXPECT_EQ(dumpOf(*laptop), dumpOf(*studio));

    // Offline edits of different fields on both, then both sync: both edits survive.
    Song onLaptop = SongRepository(*laptop).get(id).value();
    onLaptop.notes = QStringLiteral("long intro");
    ASSERT_TRUE(SongRepository(*laptop).save(onLaptop).has_value());
    Song onStudio = SongRepository(*studio).get(id).value();
    onStudio.key = QStringLiteral("Am");
    ASSERT_TRUE(SongRepository(*studio).save(onStudio).has_value());
    ASSERT_TRUE(std::holds_alternative<sync::SyncReport>(syncRound(*laptop, server.url(), token)));
    ASSERT_TRUE(std::holds_alternative<sync::SyncReport>(syncRound(*studio, server.url(), token)));
    ASSERT_TRUE(std::holds_alternative<sync::SyncReport>(syncRound(*laptop, server.url(), token)));
    EXPECT_EQ(dumpOf(*laptop), dumpOf(*studio));
    EXPECT_EQ(backups(), 1);
    const Song merged = SongRepository(*studio).get(id).value();
    EXPECT_EQ(merged.notes, QStringLiteral("long intro"));
    EXPECT_EQ(merged.key, QStringLiteral("Am"));
}

TEST(SyncClientTest, NoServerNoLossAndClocksAreChecked)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("offline.sqlite"));
    Song song;
    song.title = QStringLiteral("Quimbara");
    ASSERT_TRUE(SongRepository(*db).save(song).has_value());
    const int dirty = outboxSize(*db);
    // Nothing listens on this port (the server was stopped).
    QUrl gone;
    {
        test::LocalServer server(test::serverDatabase(dir, QStringLiteral("gone.sqlite")));
        gone = server.url();
    }
    auto offline = syncRound(*db, gone, QStringLiteral("token"));
    ASSERT_TRUE(std::holds_alternative<QString>(offline));
    EXPECT_TRUE(std::get<QString>(offline).contains(QStringLiteral("could not be reached")));
    EXPECT_EQ(outboxSize(*db), dirty) << "nothing lost, retried later";

    const QString serverDb = test::serverDatabase(dir);
    test::LocalServer server(serverDb);
    const QString token = signIn(serverDb);
    auto skewed = syncRound(*db, server.url(), token, 7 * 60'000);
    ASSERT_TRUE(std::holds_alternative<QString>(skewed));
    EXPECT_TRUE(std::get<QString>(skewed).contains(QStringLiteral("7 minutes off")));
    auto unauthorized = syncRound(*db, server.url(), QStringLiteral("forged"));
    ASSERT_TRUE(std::holds_alternative<QString>(unauthorized));
    EXPECT_TRUE(std::get<QString>(unauthorized).contains(QStringLiteral("sign in again")));
    EXPECT_EQ(outboxSize(*db), dirty);
}

TEST(SyncClientTest, AReplacedServerGetsEverythingAgain)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    Song song;
    song.title = QStringLiteral("Chan Chan");
    ASSERT_TRUE(SongRepository(*db).save(song).has_value());
    {
        const QString serverDb = test::serverDatabase(dir, QStringLiteral("old.sqlite"));
        test::LocalServer server(serverDb);
        ASSERT_TRUE(std::holds_alternative<sync::SyncReport>(syncRound(*db, server.url(), signIn(serverDb))));
    }
    EXPECT_EQ(outboxSize(*db), 0);
    // A new, empty server database (another epoch): the next sync sends everything again, and a
    // second computer gets all of it from there.
    const QString serverDb = test::serverDatabase(dir, QStringLiteral("new.sqlite"));
    test::LocalServer server(serverDb);
    const QString token = signIn(serverDb);
    auto again = syncRound(*db, server.url(), token);
    ASSERT_TRUE(std::holds_alternative<sync::SyncReport>(again)) << std::get<QString>(again).toStdString();
    EXPECT_GT(std::get<sync::SyncReport>(again).pushed, 0);
    auto other = test::openTestDatabase(dir, QStringLiteral("studio.sqlite"));
    ASSERT_TRUE(std::holds_alternative<sync::SyncReport>(syncRound(*other, server.url(), token)));
    EXPECT_EQ(dumpOf(*db), dumpOf(*other));
}

}  // namespace

namespace {

/// Both computers write the notes of one song without syncing in between; `laterOnFirst`
/// decides which edit is newer (the newer one wins the merge).
void concurrentNotes(core::Database& first, core::Database& second, const QString& id, bool laterOnFirst)
{
    Song a = SongRepository(first).get(id).value();
    Song b = SongRepository(second).get(id).value();
    const QString take = laterOnFirst ? QStringLiteral("first take") : QStringLiteral("second take");
    a.notes = QStringLiteral("Intro: 8 bars of piano montuno, then the coro twice (%1).").arg(take);
    b.notes = QStringLiteral("Intro: percussion only, 4 bars; horns on the second coro (%1).").arg(take);
    if (laterOnFirst) {
        ASSERT_TRUE(SongRepository(second).save(b).has_value());
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        ASSERT_TRUE(SongRepository(first).save(a).has_value());
    } else {
        ASSERT_TRUE(SongRepository(first).save(a).has_value());
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        ASSERT_TRUE(SongRepository(second).save(b).has_value());
    }
}

TEST(SyncClientTest, ConcurrentEditsOfNotesKeepTheLosingTextInTheConflictLog)
{
    test::TempDir dir;
    const QString serverDb = test::serverDatabase(dir);
    test::LocalServer server(serverDb);
    const QString token = signIn(serverDb);
    auto laptop = test::openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    auto studio = test::openTestDatabase(dir, QStringLiteral("studio.sqlite"));
    const auto synced = [&](core::Database& db) { return expectSyncs(db, server.url(), token).value_or(sync::SyncReport{}); };
    Song song;
    song.title = QStringLiteral("Juliana");
    const QString id = SongRepository(*laptop).save(song).value();
    synced(*laptop);
    synced(*studio);

    // Both ways round: the later edit is pushed first (the second push loses at the server), or
    // second (it replaces a write its device never saw). Either way one text is kept in the log.
    for (const bool laterOnFirstPusher : {true, false}) {
        SCOPED_TRACE(laterOnFirstPusher ? "the winner pushes first" : "the winner pushes second");
        concurrentNotes(*laptop, *studio, id, laterOnFirstPusher);
        const QString winner = SongRepository(laterOnFirstPusher ? *laptop : *studio).get(id)->notes;
        const QString loser = SongRepository(laterOnFirstPusher ? *studio : *laptop).get(id)->notes;
        EXPECT_EQ(synced(*laptop).conflicts, 0);
        EXPECT_EQ(synced(*studio).conflicts, 1) << "the second pusher is told";
        synced(*laptop);
        ASSERT_EQ(dumpOf(*laptop), dumpOf(*studio));
        for (core::Database* db : {laptop.get(), studio.get()}) {
            const auto open = core::ConflictLog(*db).open().value();
            ASSERT_EQ(open.size(), 1) << "one record, on both computers";
            EXPECT_EQ(open[0].value, loser);
            EXPECT_EQ(open[0].current, winner);
            EXPECT_EQ(open[0].label, QStringLiteral("Juliana"));
            EXPECT_EQ(open[0].field, QStringLiteral("notes"));
        }
        // Bring the lost text back on the studio: it becomes the newest edit everywhere, and the
        // text it replaced is kept in its place.
        const QString conflict = core::ConflictLog(*studio).open()->first().id;
        ASSERT_TRUE(core::ConflictLog(*studio).restore(conflict).has_value());
        synced(*studio);
        synced(*laptop);
        EXPECT_EQ(SongRepository(*laptop).get(id)->notes, loser);
        const auto open = core::ConflictLog(*laptop).open().value();
        ASSERT_EQ(open.size(), 1);
        EXPECT_EQ(open[0].value, winner) << "the replaced text can be brought back in turn";
        ASSERT_TRUE(core::ConflictLog(*laptop).dismiss(open[0].id).has_value());
        synced(*laptop);
        synced(*studio);
        EXPECT_TRUE(core::ConflictLog(*studio).open()->isEmpty());
        EXPECT_EQ(dumpOf(*laptop), dumpOf(*studio));
    }

    // Edits of different fields, or of a short field, are not conflicts of prose.
    Song onLaptop = SongRepository(*laptop).get(id).value();
    onLaptop.bpm = 100;
    ASSERT_TRUE(SongRepository(*laptop).save(onLaptop).has_value());
    Song onStudio = SongRepository(*studio).get(id).value();
    onStudio.bpm = 104;
    onStudio.key = QStringLiteral("Dm");
    ASSERT_TRUE(SongRepository(*studio).save(onStudio).has_value());
    synced(*laptop);
    EXPECT_EQ(synced(*studio).conflicts, 1) << "the tempo was edited on both";
    synced(*laptop);
    EXPECT_TRUE(core::ConflictLog(*laptop).open()->isEmpty()) << "a tempo is not kept in the log";
    EXPECT_EQ(dumpOf(*laptop), dumpOf(*studio));
}

}  // namespace

using test::addSongs;
using test::liveSongs;

/// Two computers of one account and the server between them.
class TwoComputersTest : public ::testing::Test {
protected:
    test::TempDir dir;
    QString serverDb = test::serverDatabase(dir);
    test::LocalServer server{serverDb};
    QString token = signIn(serverDb);
    std::unique_ptr<core::Database> laptop = test::openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    std::unique_ptr<core::Database> studio = test::openTestDatabase(dir, QStringLiteral("studio.sqlite"));
};

TEST_F(TwoComputersTest, ASyncThatWouldDeleteMostSongsAsksFirstAndKeepingThemBringsThemBackEverywhere)
{
    const QStringList ids = addSongs(*laptop, 30);
    ASSERT_TRUE(expectSyncs(*laptop, server.url(), token));
    // A fresh computer gets everything, deletions included, without a question.
    ASSERT_TRUE(SongRepository(*laptop).remove(ids[29]).has_value());
    ASSERT_TRUE(expectSyncs(*laptop, server.url(), token));
    auto first = expectSyncs(*studio, server.url(), token);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->heldDeletes, 0);
    EXPECT_EQ(liveSongs(*studio), 29);
    EXPECT_EQ(dumpOf(*laptop), dumpOf(*studio));

    // The studio deletes 20 of the 29 (a slip, a script gone wrong) and syncs.
    for (int i = 0; i < 20; ++i) {
        ASSERT_TRUE(SongRepository(*studio).remove(ids[i]).has_value());
    }
    ASSERT_TRUE(expectSyncs(*studio, server.url(), token));
    // The laptop pulls the deletions but holds them: all 29 songs are still there, and the
    // question stays on the next round too.
    const QByteArray laptopBefore = dumpOf(*laptop);
    for (int round = 0; round < 2; ++round) {
        auto held = expectSyncs(*laptop, server.url(), token);
        ASSERT_TRUE(held);
        EXPECT_EQ(held->heldDeletes, 20);
        EXPECT_EQ(liveSongs(*laptop), 29);
        EXPECT_EQ(dumpOf(*laptop), laptopBefore);
    }
    auto kinds = core::DeleteGuard(*laptop).held().value();
    ASSERT_EQ(kinds.size(), 1);
    EXPECT_EQ(kinds[0].entity, QStringLiteral("song"));
    EXPECT_EQ(kinds[0].deleting, 20);
    EXPECT_EQ(kinds[0].live, 29);
    EXPECT_EQ(sync::SyncClient::describeHeld(kinds), QStringLiteral("20 of your 29 songs"));

    // "Keep them": the laptop writes them back, and the studio gets them again.
    EXPECT_EQ(core::DeleteGuard(*laptop).restoreHeld().value(), 20);
    auto restored = expectSyncs(*laptop, server.url(), token);
    ASSERT_TRUE(restored);
    EXPECT_EQ(restored->heldDeletes, 0);
    EXPECT_GE(restored->pushed, 20);
    ASSERT_TRUE(expectSyncs(*studio, server.url(), token));
    EXPECT_EQ(liveSongs(*studio), 29);
    EXPECT_EQ(dumpOf(*laptop), dumpOf(*studio));

    // Deleting them again, and this time the laptop says yes: both end with 9 songs.
    for (int i = 0; i < 20; ++i) {
        ASSERT_TRUE(SongRepository(*studio).remove(ids[i]).has_value());
    }
    ASSERT_TRUE(expectSyncs(*studio, server.url(), token));
    ASSERT_EQ(expectSyncs(*laptop, server.url(), token)->heldDeletes, 20);
    EXPECT_EQ(core::DeleteGuard(*laptop).deleteHeld().value(), 20);
    EXPECT_EQ(liveSongs(*laptop), 9);
    EXPECT_EQ(expectSyncs(*laptop, server.url(), token)->heldDeletes, 0);
    EXPECT_EQ(dumpOf(*laptop), dumpOf(*studio));

    // A few deletions (5 of 9) are under the bar and simply go in.
    for (int i = 20; i < 25; ++i) {
        ASSERT_TRUE(SongRepository(*studio).remove(ids[i]).has_value());
    }
    ASSERT_TRUE(expectSyncs(*studio, server.url(), token));
    EXPECT_EQ(expectSyncs(*laptop, server.url(), token)->heldDeletes, 0);
    EXPECT_EQ(liveSongs(*laptop), 4);
    EXPECT_EQ(dumpOf(*laptop), dumpOf(*studio));
}

TEST_F(TwoComputersTest, AllowingMassDeletesAppliesThemInTheRound)
{
    const QStringList ids = addSongs(*laptop, 12);
    ASSERT_TRUE(expectSyncs(*laptop, server.url(), token));
    ASSERT_TRUE(expectSyncs(*studio, server.url(), token));
    for (const QString& id : ids) {
        ASSERT_TRUE(SongRepository(*studio).remove(id).has_value());
    }
    ASSERT_TRUE(expectSyncs(*studio, server.url(), token));
    sync::SyncClient client(*laptop, server.url(), token);
    client.setAllowMassDelete(true);
    QSignalSpy finished(&client, &sync::SyncClient::finished);
    ASSERT_TRUE(client.start());
    ASSERT_TRUE(finished.wait(30'000));
    EXPECT_EQ(finished.first().first().value<sync::SyncReport>().heldDeletes, 0);
    EXPECT_EQ(liveSongs(*laptop), 0);
    EXPECT_EQ(dumpOf(*laptop), dumpOf(*studio));
}

TEST_F(TwoComputersTest, ARoundReportsItsProgressUpToEveryChangeSentAndReceived)
{
    (void)addSongs(*laptop, 700);  // more than one push and one page
    const int waiting = outboxSize(*laptop);
    sync::SyncClient client(*laptop, server.url(), token);
    QSignalSpy progress(&client, &sync::SyncClient::progressed);
    QSignalSpy finished(&client, &sync::SyncClient::finished);
    ASSERT_TRUE(client.start());
    ASSERT_TRUE(finished.wait(30'000));
    const auto report = finished.first().first().value<sync::SyncReport>();
    ASSERT_GE(progress.size(), 4) << "the start, each push and each page";
    int last = -1;
    for (const QList<QVariant>& step : progress) {
        EXPECT_GE(step[0].toInt(), last) << "never backwards";
        EXPECT_LE(step[0].toInt(), step[1].toInt());
        last = step[0].toInt();
    }
    EXPECT_EQ(progress.first()[0].toInt(), 0);
    EXPECT_EQ(progress.first()[1].toInt(), 2 * waiting) << "sent, then pulled back";
    EXPECT_EQ(last, waiting + report.pulled);
}

TEST_F(TwoComputersTest, ADeleteBeatsAConcurrentEditAndNothingComesBackFromTheDead)
{
    auto tablet = test::openTestDatabase(dir, QStringLiteral("tablet.sqlite"));
    const QStringList ids = addSongs(*laptop, 3);
    for (core::Database* db : {laptop.get(), studio.get(), tablet.get()}) {
        ASSERT_TRUE(expectSyncs(*db, server.url(), token));
    }
    // Offline on both: the laptop deletes a song, the studio edits it.
    ASSERT_TRUE(SongRepository(*laptop).remove(ids[0]).has_value());
    Song edited = SongRepository(*studio).get(ids[0]).value();
    edited.notes = QStringLiteral("call and response in the coro");
    ASSERT_TRUE(SongRepository(*studio).save(edited).has_value());
    ASSERT_TRUE(expectSyncs(*laptop, server.url(), token));
    ASSERT_TRUE(expectSyncs(*studio, server.url(), token));
    ASSERT_TRUE(expectSyncs(*laptop, server.url(), token));
    EXPECT_EQ(liveSongs(*laptop), 2);
    EXPECT_EQ(liveSongs(*studio), 2) << "the delete won; the edit did not bring it back";
    EXPECT_EQ(dumpOf(*laptop), dumpOf(*studio));
    // The tablet was away all along and still shows the song: an edit made there much later
    // does not resurrect it either.
    Song stale = SongRepository(*tablet).get(ids[0]).value();
    stale.title = QStringLiteral("Renamed on the tablet");
    ASSERT_TRUE(SongRepository(*tablet).save(stale).has_value());
    ASSERT_TRUE(expectSyncs(*tablet, server.url(), token));
    ASSERT_TRUE(expectSyncs(*laptop, server.url(), token));
    for (core::Database* db : {laptop.get(), tablet.get()}) {
        EXPECT_EQ(liveSongs(*db), 2);
    }
    EXPECT_EQ(dumpOf(*laptop), dumpOf(*tablet));
    EXPECT_FALSE(SongRepository(*laptop).get(ids[0]).has_value());
    EXPECT_EQ(core::sql::scalar(laptop->connection(), QStringLiteral("SELECT title FROM song WHERE id = ?"), {ids[0]})->toString().toStdString(),
              "Renamed on the tablet")
        << "the edit is kept, on a deleted row";
}

TEST(SyncClientTest, ANewerBandmatesDataNeverStopsAnOlderOnesSyncAndArrivesAfterItsUpdate)
{
    test::TempDir dir;
    const QString serverDb = test::serverDatabase(dir);
    test::LocalServer server(serverDb);
    const QString token = signIn(serverDb);
    const QString laptopPath = dir.file(QStringLiteral("laptop.sqlite"));
    auto laptop = test::openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    Song song;
    song.title = QStringLiteral("Quimbara");
    const QString id = SongRepository(*laptop).save(song).value();
    ASSERT_TRUE(expectSyncs(*laptop, server.url(), token));

    // The studio runs a newer Bandmate: a field and a kind of item this version lacks, in the
    // same push as an ordinary edit.
    {
        const QString account = sync::Accounts::open(serverDb).value()->authenticate(token).value();
        auto service = sync::SyncService::open(serverDb).value();
        const core::FieldStamp stamp{core::Hlc{QDateTime::currentMSecsSinceEpoch(), 0}, QStringLiteral("studio-newer")};
        auto pushed = service->push(account, QStringLiteral("studio-newer"), QStringLiteral("newer-1"),
                                    {{QStringLiteral("song"), id, QStringLiteral("zz_new_field"), QStringLiteral("from the studio"), stamp},
                                     {QStringLiteral("zz_new_entity"), QStringLiteral("e1"), QStringLiteral("title"), QStringLiteral("a new kind"), stamp},
                                     {QStringLiteral("song"), id, QStringLiteral("title"), QStringLiteral("Quimbara (studio)"), stamp}},
                                    -1, core::kDataFormat + 1);
        ASSERT_TRUE(pushed.has_value()) << pushed.error().toString();
    }
    for (int round = 0; round < 2; ++round) {
        auto report = expectSyncs(*laptop, server.url(), token);
        ASSERT_TRUE(report);
        EXPECT_EQ(report->keptAside, 2);
        EXPECT_TRUE(report->newerData);
    }
    EXPECT_EQ(SongRepository(*laptop).get(id)->title, QStringLiteral("Quimbara (studio)"));

    // The laptop updates: its schema has the field now (what the newer version's migration adds).
    laptop.reset();
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("upgrade"));
        raw.setDatabaseName(laptopPath);
        ASSERT_TRUE(raw.open());
        ASSERT_TRUE(core::sql::exec(raw, QStringLiteral("ALTER TABLE song ADD COLUMN zz_new_field TEXT NOT NULL DEFAULT ''")).has_value());
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("upgrade"));
    laptop = test::openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    auto report = expectSyncs(*laptop, server.url(), token);
    ASSERT_TRUE(report);
    EXPECT_EQ(report->keptAside, 1) << "the new kind of item still waits";
    EXPECT_EQ(core::sql::scalar(laptop->connection(), QStringLiteral("SELECT zz_new_field FROM song WHERE id = ?"), {id})->toString(),
              QStringLiteral("from the studio"));
}

/// Two computers, a server, and a salsa machine with a tune saved on the laptop and synced to
/// the studio.
class ArrangementSyncTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_serverDb = test::serverDatabase(m_dir);
        m_server = std::make_unique<test::LocalServer>(m_serverDb);
        m_token = signIn(m_serverDb);
        laptop = test::openTestDatabase(m_dir, QStringLiteral("laptop.sqlite"));
        studio = test::openTestDatabase(m_dir, QStringLiteral("studio.sqlite"));
    }

    /// Saves `tune` in a salsa machine on the laptop and syncs both computers; its id.
    QString share(const core::beats::Arrangement& tune)
    {
        core::beats::Machine machine = core::beats::loadBuiltinMachine(QStringLiteral("salsa")).value();
        machine.arrangements = {tune};
        const QString id = core::beats::MachineRepository(*laptop).save(machine).value();
        round(*laptop);
        round(*studio);
        EXPECT_EQ(core::beats::MachineRepository(*studio).load(id).value(), machine);
        return id;
    }

    void round(core::Database& db)
    {
        const auto report = syncRound(db, m_server->url(), m_token);
        ASSERT_TRUE(std::holds_alternative<sync::SyncReport>(report)) << std::get<QString>(report).toStdString();
    }

    /// Laptop, studio, laptop: everything each one changed reaches the other.
    void converge()
    {
        round(*laptop);
        round(*studio);
        round(*laptop);
        EXPECT_EQ(dumpOf(*laptop), dumpOf(*studio));
    }

    test::TempDir m_dir;
    QString m_serverDb;
    std::unique_ptr<test::LocalServer> m_server;
    QString m_token;
    std::unique_ptr<core::Database> laptop;
    std::unique_ptr<core::Database> studio;
};

TEST_F(ArrangementSyncTest, TwoComputersEditingDifferentSectionsOfAnArrangementConverge)
{
    namespace beats = core::beats;
    const QString id = share(beats::Arrangement{
        "Pedro Navaja",
        {beats::Section{.name = "Intro", .bars = 4}, beats::Section{.name = "Verso", .bars = 8},
         beats::Section{.name = "Montuno", .bars = 8, .repeats = 2}},
        {0, 1, 2, 1, 2}});

    // Offline: the laptop doubles the intro and takes the piano out of it; the studio puts the
    // montuno in F with a break and renames the verse.
    beats::Machine onLaptop = beats::MachineRepository(*laptop).load(id).value();
    onLaptop.arrangements[0].sections[0].bars = 8;
    onLaptop.arrangements[0].sections[0].parts = {{"piano", beats::SectionPart::kOff}};
    ASSERT_TRUE(beats::MachineRepository(*laptop).save(onLaptop, id).has_value());
    beats::Machine onStudio = beats::MachineRepository(*studio).load(id).value();
    onStudio.arrangements[0].sections[2].keyNote = 5;
    onStudio.arrangements[0].sections[2].breakParts = {{"congas", 0}, {"clave", 0}};
    onStudio.arrangements[0].sections[1].name = "Son";
    ASSERT_TRUE(beats::MachineRepository(*studio).save(onStudio, id).has_value());
    converge();
    const beats::Machine merged = beats::MachineRepository(*studio).load(id).value();
    ASSERT_EQ(merged.arrangements.size(), 1u);
    const auto& sections = merged.arrangements[0].sections;
    EXPECT_EQ(sections[0].bars, 8);
    EXPECT_EQ(sections[0].parts, onLaptop.arrangements[0].sections[0].parts);
    EXPECT_EQ(sections[1].name, "Son");
    EXPECT_EQ(sections[2].keyNote, 5);
    EXPECT_EQ(sections[2].breakParts, onStudio.arrangements[0].sections[2].breakParts);
    EXPECT_EQ(merged.arrangements[0].form, (std::vector<int>{0, 1, 2, 1, 2}));
}

TEST_F(ArrangementSyncTest, ASectionRemovedOnOneComputerAndAnotherEditedOnTheOtherBothHoldAndNewSectionsNeverSwap)
{
    namespace beats = core::beats;
    const QString id = share(beats::Arrangement{
        "Tune",
        {beats::Section{.name = "Intro", .bars = 4}, beats::Section{.name = "Verso", .bars = 8},
         beats::Section{.name = "Montuno", .bars = 8, .repeats = 2}},
        {0, 1, 2}});

    // The laptop takes the verse out; the studio puts the montuno in F and stretches the verse.
    beats::Machine onLaptop = beats::MachineRepository(*laptop).load(id).value();
    onLaptop.arrangements[0].sections.erase(onLaptop.arrangements[0].sections.begin() + 1);
    onLaptop.arrangements[0].form = {0, 1};
    ASSERT_TRUE(beats::MachineRepository(*laptop).save(onLaptop, id).has_value());
    beats::Machine onStudio = beats::MachineRepository(*studio).load(id).value();
    onStudio.arrangements[0].sections[2].keyNote = 5;
    onStudio.arrangements[0].sections[1].bars = 16;
    ASSERT_TRUE(beats::MachineRepository(*studio).save(onStudio, id).has_value());
    converge();
    const beats::Machine merged = beats::MachineRepository(*studio).load(id).value();
    const auto& tune = merged.arrangements.at(0);
    ASSERT_EQ(tune.sections.size(), 2u) << "the verse is gone (its removal beats the edit)";
    EXPECT_EQ(tune.sections[0].name, "Intro");
    EXPECT_EQ(tune.sections[1].name, "Montuno");
    EXPECT_EQ(tune.sections[1].keyNote, 5) << "the studio's edit of another section holds";
    EXPECT_EQ(tune.sections[1].bars, 8);
    EXPECT_EQ(tune.sections[1].repeats, 2);
    EXPECT_EQ(tune.form, (std::vector<int>{0, 1}));

    // Both add a section at the end: whichever form wins plays a section that computer made,
    // never the other one's under its name.
    beats::Machine a = beats::MachineRepository(*laptop).load(id).value();
    a.arrangements[0].sections.push_back(beats::Section{.name = "Mambo", .bars = 8});
    a.arrangements[0].form.push_back(2);
    ASSERT_TRUE(beats::MachineRepository(*laptop).save(a, id).has_value());
    beats::Machine b = beats::MachineRepository(*studio).load(id).value();
    b.arrangements[0].sections.push_back(beats::Section{.name = "Cierre", .bars = 1});
    b.arrangements[0].form.push_back(2);
    ASSERT_TRUE(beats::MachineRepository(*studio).save(b, id).has_value());
    converge();
    const auto last = beats::MachineRepository(*laptop).load(id).value().arrangements.at(0);
    ASSERT_EQ(last.form.size(), 3u);
    const auto& added = last.sections.at(static_cast<size_t>(last.form[2]));
    EXPECT_TRUE((added.name == "Mambo" && added.bars == 8) || (added.name == "Cierre" && added.bars == 1)) << added.name;
}

TEST_F(TwoComputersTest, FeedsFoldersAndEachPostsStateSyncAndEachComputerFetchesForItself)
{
    namespace feeds = core::feeds;
    const QString url = QStringLiteral("https://salsadura.example/feed/");
    feeds::Feed document;
    document.title = QStringLiteral("Salsa Dura Blog");
    for (int i = 0; i < 3; ++i) {
        feeds::FeedItem item;
        item.guid = QStringLiteral("post-%1").arg(i);
        item.title = QStringLiteral("Artist %1 – Song %1").arg(i);
        item.published = QDateTime(QDate(2026, 12, 1 + i), QTime(12, 0), Qt::UTC);
        document.items.append(item);
    }
    // Both computers follow the blog before they ever sync: one feed, not two.
    auto folder = feeds::FeedRepository(*laptop).folder(QStringLiteral("Blogs"));
    ASSERT_TRUE(folder);
    auto onLaptop = feeds::FeedRepository(*laptop).subscribe(url, *folder);
    auto onStudio = feeds::FeedRepository(*studio).subscribe(url);
    ASSERT_TRUE(onLaptop && onStudio);
    EXPECT_EQ(*onLaptop, *onStudio);
    ASSERT_TRUE(feeds::FeedItemRepository(*laptop).store(*onLaptop, document, QDateTime::currentDateTimeUtc()));
    auto posts = feeds::FeedItemRepository(*laptop).items({});
    ASSERT_TRUE(posts && posts->size() == 3);
    ASSERT_TRUE(feeds::FeedItemRepository(*laptop).setStarred(posts->at(0).id, true));
    ASSERT_TRUE(feeds::FeedItemRepository(*laptop).setPosition(posts->at(0).id, 42'000));
    ASSERT_TRUE(feeds::FeedItemRepository(*laptop).setSeen({posts->at(0).id}, true));
    ASSERT_TRUE(feeds::FeedItemRepository(*laptop).remove({posts->at(2).id}));

    ASSERT_TRUE(expectSyncs(*laptop, server.url(), token));
    ASSERT_TRUE(expectSyncs(*studio, server.url(), token));
    ASSERT_TRUE(expectSyncs(*laptop, server.url(), token));
    auto studioFeeds = feeds::FeedRepository(*studio).feeds();
    ASSERT_TRUE(studioFeeds);
    ASSERT_EQ(studioFeeds->size(), 1);
    EXPECT_EQ(studioFeeds->first().folderId, *folder);
    EXPECT_EQ(feeds::FeedRepository(*studio).folders()->first().name, QStringLiteral("Blogs"));
    EXPECT_EQ(feeds::FeedItemRepository(*studio).items({})->size(), 0) << "posts are fetched, not synced";

    // The studio fetches the same document: the laptop's stars, places and removals are there.
    ASSERT_TRUE(feeds::FeedItemRepository(*studio).store(*onStudio, document, QDateTime::currentDateTimeUtc()));
    auto studioPosts = feeds::FeedItemRepository(*studio).items({});
    ASSERT_TRUE(studioPosts);
    ASSERT_EQ(studioPosts->size(), 2);
    EXPECT_EQ(studioPosts->at(0).id, posts->at(0).id);
    EXPECT_TRUE(studioPosts->at(0).starred);
    EXPECT_EQ(studioPosts->at(0).positionMs, 42'000);
    EXPECT_FALSE(studioPosts->at(0).isNew);
    EXPECT_TRUE(studioPosts->at(1).isNew);
}
