// The sync client and the real HTTP server with a fault-injecting proxy between them (all on
// 127.0.0.1): every kind of broken request or answer, late duplicates out of order, and seeded
// random edits, deletes, reorders and faulty syncs on up to five computers checked against a
// reference model. Converged, nothing lost, nothing doubled. BANDMATE_SYNC_SEEDS sets the seed
// count (300 by default, in blocks that ctest runs in parallel).
#include "core/beats/BuiltinMachines.h"
#include "core/beats/MachineRepository.h"
#include "core/library/Playlists.h"
#include "core/library/Songs.h"
#include "core/profile/Profile.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/roadmap/RoadmapTemplate.h"
#include "core/setlists/Setlists.h"
#include "core/storage/Sql.h"
#include "core/todo/Todos.h"
#include "core/sync/EntityCatalog.h"
#include "core/sync/MergeRule.h"
#include "tests/support/FaultyProxy.h"
#include "tests/support/LocalServer.h"
#include "tests/support/ServerDatabases.h"
#include "tests/support/SyncRound.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <QRandomGenerator>

#include <map>
#include <set>
#include <tuple>
#include <variant>

using namespace bandmate;
using core::library::Song;
using core::library::SongRepository;
using test::Fault;
using test::signIn;

namespace {

qint64 songCount(core::Database& db)
{
    return core::sql::scalar(db.connection(), QStringLiteral("SELECT count(*) FROM song WHERE deleted = 0"))->toLongLong();
}

TEST(SyncFaultTest, EveryFaultOnEveryRequestOfARoundLosesAndDoublesNothing)
{
    test::TempDir dir;
    const QString serverDb = test::serverDatabase(dir);
    test::LocalServer server(serverDb);
    const QString token = signIn(serverDb);
    test::FaultyProxy proxy(server.port(), {});
    auto laptop = test::openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    auto studio = test::openTestDatabase(dir, QStringLiteral("studio.sqlite"));
    Song first;
    first.title = QStringLiteral("Vámonos pa'l monte");
    const QString id = SongRepository(*laptop).save(first).value();
    ASSERT_TRUE(test::expectSyncs(*laptop, proxy.url(), token));

    int added = 1;
    for (const Fault fault : {Fault::DropRequest, Fault::DropResponse, Fault::Duplicate, Fault::TruncateRequest, Fault::TruncateResponse,
                              Fault::Error500AfterCommit, Fault::Busy503, Fault::TooMany429}) {
        // Requests of a round: 0 meta, 1 push, 2 pull. A busy answer is retried after 1 s, so
        // those two are tried on the push only.
        const int last = fault == Fault::Busy503 || fault == Fault::TooMany429 ? 1 : 2;
        for (int target = fault == Fault::Busy503 || fault == Fault::TooMany429 ? 1 : 0; target <= last; ++target) {
            SCOPED_TRACE(std::string(test::faultName(fault)) + " on request " + std::to_string(target));
            Song song;
            song.title = QStringLiteral("%1 on %2").arg(QString::fromLatin1(test::faultName(fault))).arg(target);
            ASSERT_TRUE(SongRepository(*laptop).save(song).has_value());
            ++added;
            Song edited = SongRepository(*laptop).get(id).value();
            edited.notes = song.title;
            ASSERT_TRUE(SongRepository(*laptop).save(edited).has_value());
            proxy.setDecide([fault, target](const std::string&, int index) { return index == target ? fault : Fault::None; });
            auto faulty = test::syncRound(*laptop, proxy.url(), token);
            if (fault == Fault::Busy503 || fault == Fault::TooMany429) {
                EXPECT_TRUE(std::holds_alternative<sync::SyncReport>(faulty)) << "a busy answer is asked again after its Retry-After";
            } else if (std::holds_alternative<QString>(faulty)) {
                EXPECT_FALSE(std::get<QString>(faulty).isEmpty());
            }
            proxy.setDecide({});
            ASSERT_TRUE(test::expectSyncs(*laptop, proxy.url(), token));
            ASSERT_TRUE(test::expectSyncs(*studio, proxy.url(), token));
            ASSERT_EQ(test::outboxSize(*laptop), 0);
            ASSERT_EQ(test::dumpOf(*laptop), test::dumpOf(*studio));
            ASSERT_EQ(songCount(*studio), added) << "every song once";
            ASSERT_EQ(SongRepository(*studio).get(id)->notes, song.title) << "the newest edit arrived";
        }
    }

    // Every push sent so far arrives again, newest first, long after: nothing changes.
    const QByteArray before = test::dumpOf(*studio);
    auto pushes = proxy.pushes();
    ASSERT_GT(pushes.size(), 10u);
    for (auto it = pushes.rbegin(); it != pushes.rend(); ++it) {
        const int status = proxy.replay(*it);
        EXPECT_TRUE(status == 200 || status == 400) << status;  // 400: a push that was cut short on its first way
    }
    ASSERT_TRUE(test::expectSyncs(*studio, proxy.url(), token));
    ASSERT_TRUE(test::expectSyncs(*laptop, proxy.url(), token));
    EXPECT_EQ(test::dumpOf(*studio), before);
    EXPECT_EQ(test::dumpOf(*laptop), before);
}

TEST(SyncFaultTest, ABusyAnswerIsAskedAgainOnlyAfterItsRetryAfter)
{
    test::TempDir dir;
    const QString serverDb = test::serverDatabase(dir);
    test::LocalServer server(serverDb);
    const QString token = signIn(serverDb);
    std::atomic<int> requests{0};
    // The push (request 1 of the round) gets 503 with Retry-After: 1, then 429 with the same.
    test::FaultyProxy proxy(server.port(), [&requests](const std::string&, int index) {
        ++requests;
        return index == 1 ? Fault::Busy503 : index == 2 ? Fault::TooMany429 : Fault::None;
    });
    auto laptop = test::openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    Song song;
    song.title = QStringLiteral("Llorarás");
    ASSERT_TRUE(SongRepository(*laptop).save(song).has_value());

    sync::SyncClient client(*laptop, proxy.url(), token);
    std::vector<int> waits;
    std::function<void()> pending;
    client.setDelay([&](int ms, std::function<void()> then) {  // a clock that moves when the test says
        waits.push_back(ms);
        pending = std::move(then);
    });
    QSignalSpy finished(&client, &sync::SyncClient::finished);
    QSignalSpy failed(&client, &sync::SyncClient::failed);
    ASSERT_TRUE(client.start());
    for (int turn = 1; turn <= 2; ++turn) {
        for (int i = 0; i < 500 && !pending; ++i) {
            QTest::qWait(10);
        }
        ASSERT_TRUE(pending) << "no wait asked for after busy answer " << turn;
        EXPECT_EQ(waits.back(), 1'000) << "the answer's Retry-After: 1";
        const int sent = requests;
        QTest::qWait(300);
        EXPECT_EQ(requests, sent) << "nothing is sent again before the wait is over";
        EXPECT_TRUE(finished.isEmpty() && failed.isEmpty());
        auto now = std::move(pending);
        pending = nullptr;
        now();  // the second passes
    }
    ASSERT_TRUE(finished.wait(10'000)) << (failed.isEmpty() ? "" : failed.first().first().toString().toStdString());
    EXPECT_EQ(waits, (std::vector<int>{1'000, 1'000}));
    EXPECT_EQ(test::outboxSize(*laptop), 0);
}

TEST(SyncFaultTest, AnEditMadeBetweenAFailedPushAndItsRetryArrivesAndABatchIdNamesOneSetOfChanges)
{
    test::TempDir dir;
    const QString serverDb = test::serverDatabase(dir);
    test::LocalServer server(serverDb);
    const QString token = signIn(serverDb);
    test::FaultyProxy proxy(server.port(), {});
    auto laptop = test::openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    auto studio = test::openTestDatabase(dir, QStringLiteral("studio.sqlite"));
    Song first;
    first.title = QStringLiteral("Aguanile");
    (void)SongRepository(*laptop).save(first).value();

    // One client for both rounds, as a window keeps it: the batch that failed is still its own.
    sync::SyncClient client(*laptop, proxy.url(), token);
    const auto round = [&client] {
        QSignalSpy finished(&client, &sync::SyncClient::finished);
        QSignalSpy failed(&client, &sync::SyncClient::failed);
        EXPECT_TRUE(client.start());
        for (int waited = 0; finished.isEmpty() && failed.isEmpty() && waited < 300; ++waited) {
            (void)finished.wait(100);
        }
        return !finished.isEmpty();
    };
    // The server takes the push, the answer never comes back.
    proxy.setDecide([](const std::string& line, int) { return line.rfind("POST /v1/sync/push", 0) == 0 ? Fault::DropResponse : Fault::None; });
    EXPECT_FALSE(round());
    Song second;
    second.title = QStringLiteral("Bilongo");
    (void)SongRepository(*laptop).save(second).value();
    proxy.setDecide({});
    EXPECT_TRUE(round());
    ASSERT_TRUE(test::expectSyncs(*studio, proxy.url(), token));
    EXPECT_EQ(core::sql::scalar(studio->connection(), QStringLiteral("SELECT group_concat(title, ',') FROM (SELECT title FROM song ORDER BY title)"))->toString(),
              QStringLiteral("Aguanile,Bilongo"))
        << "an edit sent under the failed batch's id would be acknowledged and never applied";

    // The first push again as it was is a replay; other content under its id is refused.
    const std::string firstPush = proxy.pushes().front();
    EXPECT_EQ(proxy.replay(firstPush), 200);
    std::string altered = firstPush;
    const size_t title = altered.find("Aguanile");
    ASSERT_NE(title, std::string::npos);
    altered.replace(title, 8, "Aguanilo");
    EXPECT_EQ(proxy.replay(altered), 409);
    ASSERT_TRUE(test::expectSyncs(*studio, proxy.url(), token));
    EXPECT_EQ(core::sql::scalar(studio->connection(), QStringLiteral("SELECT count(*) FROM song WHERE title = 'Aguanilo'"))->toInt(), 0);
}

/// What every field should hold in the end: of all writes made anywhere, the one that wins the
/// merge rule (DESIGN.md section 4). Writes are read from each computer's bookkeeping after
/// each step (its own device's stamps newer than the last it saw), so every kind of write
/// counts, the conflict log's included.
class ReferenceModel {
public:
    void collect(core::Database& db, qint64& seenHlc)
    {
        auto rows = core::sql::run(db.connection(), QStringLiteral("SELECT entity, id, field, hlc FROM field_clock WHERE device_id = ? AND hlc > ?"),
                                   {db.deviceId(), seenHlc});
        ASSERT_TRUE(rows.has_value());
        QList<std::tuple<QString, QString, QString, qint64>> writes;
        while (rows->next()) {
            writes.append({rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString(), rows->value(3).toLongLong()});
        }
        for (const auto& [entity, id, field, hlc] : writes) {
            seenHlc = std::max(seenHlc, hlc);
            auto value = core::sql::scalar(db.connection(), QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(core::sql::quoteIdentifier(field), core::sql::quoteIdentifier(entity)),
                                           {id});
            ASSERT_TRUE(value.has_value());
            const core::FieldStamp stamp{core::Hlc::fromPacked(hlc), db.deviceId()};
            auto& slot = m_fields[{entity, id, field}];
            if (slot.stamp.deviceId.isEmpty() || core::incomingWins(slot.stamp, stamp)) {
                slot = {*value, stamp};
            }
        }
    }
    /// What the test itself meant `field` to hold, told right after the write: recorded with the
    /// stamp the write got, so the end can check the value the winning write carried, not one
    /// read back from the writer's database (which would agree with a writer that stored
    /// something else).
    void intend(core::Database& db, const QString& entity, const QString& id, const QString& field, const QVariant& value)
    {
        auto row = core::sql::run(db.connection(), QStringLiteral("SELECT hlc, device_id FROM field_clock WHERE entity = ? AND id = ? AND field = ?"),
                                  {entity, id, field});
        ASSERT_TRUE(row.has_value());
        if (!row->next()) {
            // Only a new row's field left at its column's default is not stamped (it loses to
            // any write): then what was meant must be that default, and the row must hold it.
            auto stored = core::sql::scalar(db.connection(), QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(core::sql::quoteIdentifier(field), core::sql::quoteIdentifier(entity)),
                                            {id});
            auto declared = core::sql::scalar(db.connection(), QStringLiteral("SELECT dflt_value FROM pragma_table_info(?) WHERE name = ?"), {entity, field});
            ASSERT_TRUE(stored.has_value() && declared.has_value());
            const QString fallback = declared->toString().remove(QLatin1Char('\''));
            ASSERT_EQ(value.toString(), fallback) << "a write of " << entity.toStdString() << "." << field.toStdString()
                                                  << " left no stamp, and its value is not the column's default";
            ASSERT_EQ(core::dumpValue(*stored), core::dumpValue(value))
                << "a write of " << entity.toStdString() << "." << field.toStdString() << " left no stamp and the row holds "
                << stored->toString().toStdString() << ", not " << value.toString().toStdString();
            return;
        }
        const core::FieldStamp stamp{core::Hlc::fromPacked(row->value(0).toLongLong()), row->value(1).toString()};
        auto& slot = m_intended[{entity, id, field}];
        if (slot.stamp.deviceId.isEmpty() || core::incomingWins(slot.stamp, stamp)) {
            slot = {value, stamp};
        }
        m_thisSeed.insert({entity, id, field});
    }
    /// A new seed: the check at its end must find a write of this seed's own.
    void startSeed() { m_thisSeed.clear(); }
    /// Every modelled field of `dump` (dumpSyncedData's form) holds the model's value. Adds to
    /// `checked` the writes of this seed's own that won and were checked.
    void expectMatches(const QJsonObject& dump, quint32 seed, int& checked, std::map<QString, int>& checkedByEntity) const
    {
        QHash<QString, QJsonObject> rows;
        for (auto entity = dump.begin(); entity != dump.end(); ++entity) {
            for (const QJsonValue& row : entity.value().toArray()) {
                rows.insert(entity.key() + QLatin1Char('/') + row[QStringLiteral("id")].toString(), row.toObject());
            }
        }
        for (const auto& [key, version] : m_fields) {
            const auto& [entity, id, field] = key;
            const QJsonObject row = rows.value(entity + QLatin1Char('/') + id);
            ASSERT_FALSE(row.isEmpty()) << "seed " << seed << ": row missing " << entity.toStdString() << "/" << id.toStdString();
            ASSERT_EQ(row.value(field), core::dumpValue(version.value)) << "seed " << seed << ": " << entity.toStdString() << "/" << id.toStdString() << "." << field.toStdString();
        }
        // Where the test's own write won, the value is the one it meant, kind included (a
        // number is not its text, "" is not null).
        for (const auto& [key, meant] : m_intended) {
            const auto won = m_fields.find(key);
            if (won == m_fields.end() || won->second.stamp.hlc.packed() != meant.stamp.hlc.packed() ||
                won->second.stamp.deviceId != meant.stamp.deviceId) {
                continue;  // another write won it (the model above checked that one)
            }
            const auto& [entity, id, field] = key;
            const QJsonObject row = rows.value(entity + QLatin1Char('/') + id);
            if (row.isEmpty()) {
                continue;  // deleted since
            }
            const QJsonValue shown = row.value(field);
            const QJsonValue expected = core::dumpValue(meant.value);
            ASSERT_EQ(shown.type(), expected.type()) << "seed " << seed << ": " << entity.toStdString() << "." << field.toStdString();
            ASSERT_EQ(shown, expected) << "seed " << seed << ": " << entity.toStdString() << "/" << id.toStdString() << "." << field.toStdString();
            if (m_thisSeed.contains(key)) {  // a write of this seed's, not one checked before
                ++checked;
                ++checkedByEntity[entity];
            }
        }
    }

private:
    std::map<std::tuple<QString, QString, QString>, core::FieldVersion> m_fields;
    std::map<std::tuple<QString, QString, QString>, core::FieldVersion> m_intended;
    std::set<std::tuple<QString, QString, QString>> m_thisSeed;
};

class SyncConvergenceTest : public ::testing::TestWithParam<int> {};

TEST_P(SyncConvergenceTest, RandomEditsAndFaultySyncsOnUpToFiveComputersMatchTheModel)
{
    constexpr int kBlocks = 6;
    const int seeds = qEnvironmentVariableIsSet("BANDMATE_SYNC_SEEDS") ? qEnvironmentVariableIntValue("BANDMATE_SYNC_SEEDS") : 300;
    const int block = GetParam();
    test::TempDir dir{test::TempDir::InMemory{}};
    const QString serverDb = test::serverDatabase(dir);
    test::LocalServer server(serverDb);
    const QString token = signIn(serverDb);
    test::FaultyProxy proxy(server.port(), {});
    std::vector<std::unique_ptr<core::Database>> computers;
    std::vector<qint64> seen(5, 0);
    for (int c = 0; c < 5; ++c) {
        computers.push_back(test::openTestDatabase(dir, QStringLiteral("computer-%1.sqlite").arg(c)));
    }
    ReferenceModel model;
    const Fault faults[] = {Fault::DropRequest, Fault::DropResponse, Fault::Duplicate, Fault::TruncateRequest, Fault::TruncateResponse, Fault::Error500AfterCommit};
    int seedsRun = 0;
    int intendedChecked = 0;
    std::map<QString, int> checkedByEntity;
    for (int s = block; s < seeds; s += kBlocks) {
        const auto seed = static_cast<quint32>(s + 1);
        QRandomGenerator random(seed);
        model.startSeed();
        const int active = 3 + static_cast<int>(random.bounded(3u));  // 3 to 5 computers edit in this seed
        for (int step = 0; step < 14; ++step) {
            const int who = static_cast<int>(random.bounded(static_cast<quint32>(active)));
            core::Database& db = *computers[static_cast<size_t>(who)];
            SongRepository songs(db);
            core::setlists::SetlistRepository setlists(db);
            auto all = songs.search(QString(), 1000).value();
            // 0-3 songs and setlists, 7 the profile, 8-11 machines, to-dos, playlists and
            // roadmaps; the rest syncs.
            const int action = static_cast<int>(random.bounded(14u));
            if (action == 0 || all.isEmpty()) {
                Song song;
                song.title = QStringLiteral("Seed %1 step %2 · ñ").arg(seed).arg(step);
                song.bpm = 60 + random.bounded(140) + 0.5 * random.bounded(2u);
                auto id = songs.save(song);
                ASSERT_TRUE(id.has_value());
                model.intend(db, QStringLiteral("song"), *id, QStringLiteral("title"), song.title);
                model.intend(db, QStringLiteral("song"), *id, QStringLiteral("bpm"), song.bpm);
            } else if (action == 1) {
                Song song = all[random.bounded(static_cast<int>(all.size()))];
                song.bpm = 60 + random.bounded(140) + 0.25 * random.bounded(4u);
                song.notes = QStringLiteral("notes from computer %1,\r\nseed %2 step %3").arg(who).arg(seed).arg(step);
                ASSERT_TRUE(songs.save(song).has_value());
                model.intend(db, QStringLiteral("song"), song.id, QStringLiteral("bpm"), song.bpm);
                model.intend(db, QStringLiteral("song"), song.id, QStringLiteral("notes"), song.notes);
            } else if (action == 7) {
                // The profile: one row per database, edited on every computer.
                core::profile::ProfileRepository profiles(db);
                core::profile::Profile profile = profiles.load().value();
                profile.goals = QStringLiteral("Goals of computer %1 at seed %2 step %3: 🎺 tour").arg(who).arg(seed).arg(step);
                ASSERT_TRUE(profiles.save(profile).has_value());
                const QString id = core::sql::scalar(db.connection(), QStringLiteral("SELECT id FROM profile WHERE deleted = 0 ORDER BY id LIMIT 1")).value().toString();
                model.intend(db, QStringLiteral("profile"), id, QStringLiteral("goals"), profile.goals);
            } else if (action == 8) {
                // A machine: a new one from a built-in, or a saved one's title and tempo changed.
                core::beats::MachineRepository machines(db);
                const auto saved = machines.list().value();
                core::beats::Machine machine;
                QString machineId;
                if (saved.isEmpty() || random.bounded(3u) == 0) {
                    machine = core::beats::loadBuiltinMachine(random.bounded(2u) == 0 ? QStringLiteral("rumba-guaguanco") : QStringLiteral("bachata")).value();
                } else {
                    machineId = saved[random.bounded(static_cast<int>(saved.size()))].id;
                    machine = machines.load(machineId).value();
                }
                machine.title = QStringLiteral("Groove of computer %1, seed %2 step %3").arg(who).arg(seed).arg(step).toStdString();
                machine.bpm = 80 + random.bounded(120) + 0.5 * random.bounded(2u);
                auto id = machines.save(machine, machineId);
                ASSERT_TRUE(id.has_value()) << id.error().toString();
                model.intend(db, QStringLiteral("machine"), *id, QStringLiteral("title"), QString::fromStdString(machine.title));
                model.intend(db, QStringLiteral("machine"), *id, QStringLiteral("bpm"), machine.bpm);
            } else if (action == 9) {
                // A to-do: a new one, or one renamed and ticked or unticked.
                core::todo::TodoRepository todos(db);
                const auto existing = todos.all().value();
                core::todo::Todo todo;
                const bool fresh = existing.isEmpty() || random.bounded(2u) == 0;
                if (fresh) {
                    todo.due = QDate(2027, 1, 1 + static_cast<int>(random.bounded(28u)));
                } else {
                    todo = existing[random.bounded(static_cast<int>(existing.size()))];
                }
                todo.title = QStringLiteral("Call the venue · computer %1 seed %2 step %3").arg(who).arg(seed).arg(step);
                auto id = todos.save(todo);
                ASSERT_TRUE(id.has_value()) << id.error().toString();
                model.intend(db, QStringLiteral("task"), *id, QStringLiteral("title"), todo.title);
                if (!fresh) {
                    ASSERT_TRUE(todos.setDone(*id, !todo.done).has_value());  // ticked or unticked
                    model.intend(db, QStringLiteral("task"), *id, QStringLiteral("done"), todo.done ? 0 : 1);
                }
            } else if (action == 10) {
                // A playlist: a new one with a song in it, or one renamed.
                core::library::PlaylistRepository playlists(db);
                const auto existing = playlists.playlists().value();
                const QString name = QStringLiteral("Warm-up %1 · seed %2 step %3").arg(who).arg(seed).arg(step);
                QString playlistId;
                if (existing.isEmpty() || random.bounded(2u) == 0) {
                    playlistId = playlists.create(name, core::library::Playlist::Kind::List).value();
                    ASSERT_TRUE(playlists.add(playlistId, all[random.bounded(static_cast<int>(all.size()))].id).has_value());
                } else {
                    core::library::Playlist playlist = existing[random.bounded(static_cast<int>(existing.size()))];
                    playlist.name = name;
                    ASSERT_TRUE(playlists.update(playlist).has_value());
                    playlistId = playlist.id;
                }
                model.intend(db, QStringLiteral("playlist"), playlistId, QStringLiteral("name"), name);
            } else if (action == 11) {
                // A roadmap: started where none runs (so only a few in the whole run), else a
                // task's notes and status.
                core::roadmap::ProgressRepository progress(db);
                const auto running = progress.roadmaps().value();
                if (running.isEmpty()) {
                    ASSERT_TRUE(progress.start(core::roadmap::loadBuiltinRoadmap(QStringLiteral("latin-percussionist")).value()).has_value());
                } else {
                    const auto& stages = running[random.bounded(static_cast<int>(running.size()))].stages;
                    const auto& tasks = stages[random.bounded(static_cast<int>(stages.size()))].tasks;
                    const QString taskId = tasks[random.bounded(static_cast<int>(tasks.size()))].id;
                    const QString notes = QStringLiteral("Practised with computer %1,\nseed %2 step %3").arg(who).arg(seed).arg(step);
                    ASSERT_TRUE(progress.setNotes(taskId, notes).has_value());
                    ASSERT_TRUE(progress.setStatus(taskId, core::roadmap::TaskStatus::InProgress).has_value());
                    model.intend(db, QStringLiteral("task_progress"), taskId, QStringLiteral("notes"), notes);
                }
            } else if (action == 2) {
                ASSERT_TRUE(songs.remove(all[random.bounded(static_cast<int>(all.size()))].id).has_value());
            } else if (action == 3) {
                // Into a set (a show and its set are made when there is none), or a reorder.
                auto shows = setlists.shows().value();
                QString showId;
                if (shows.isEmpty()) {
                    core::setlists::Show show;
                    show.name = QStringLiteral("Gig %1").arg(seed);
                    show.date = QDate(2026, 12, 1 + static_cast<int>(seed % 28));
                    showId = setlists.saveShow(show).value();
                    ASSERT_TRUE(setlists.addSet(showId, QStringLiteral("Set 1")).has_value());
                } else {
                    showId = shows[random.bounded(static_cast<int>(shows.size()))].id;
                }
                auto plan = setlists.plan(showId).value();
                if (plan.sets.isEmpty()) {
                    continue;
                }
                const auto& set = plan.sets[random.bounded(static_cast<int>(plan.sets.size()))];
                if (set.entries.size() >= 2 && random.bounded(2u) == 0) {
                    const auto& moved = set.entries[random.bounded(static_cast<int>(set.entries.size()))];
                    const auto& before = set.entries[random.bounded(static_cast<int>(set.entries.size()))];
                    if (moved.id != before.id) {
                        ASSERT_TRUE(setlists.moveEntry(moved.id, set.id, before.id).has_value());
                    }
                } else {
                    ASSERT_TRUE(setlists.addSong(set.id, all[random.bounded(static_cast<int>(all.size()))].id).has_value());
                }
            } else {
                // A sync, broken on one request now and then; it may fail, and is simply tried
                // again later.
                const bool broken = random.bounded(10u) < 4;
                const Fault fault = faults[random.bounded(static_cast<int>(std::size(faults)))];
                const int target = static_cast<int>(random.bounded(3u));
                proxy.setDecide([=](const std::string&, int index) { return broken && index == target ? fault : Fault::None; });
                (void)test::syncRound(db, proxy.url(), token);
            }
            model.collect(db, seen[static_cast<size_t>(who)]);
        }
        // A final round without faults: everyone sends, then everyone receives.
        proxy.setDecide({});
        for (int pass = 0; pass < 2; ++pass) {
            for (int c = 0; c < 5; ++c) {
                ASSERT_TRUE(test::expectSyncs(*computers[static_cast<size_t>(c)], proxy.url(), token)) << "seed " << seed;
                model.collect(*computers[static_cast<size_t>(c)], seen[static_cast<size_t>(c)]);
            }
        }
        const QByteArray reference = test::dumpOf(*computers[0]);
        for (int c = 1; c < 5; ++c) {
            ASSERT_EQ(test::dumpOf(*computers[static_cast<size_t>(c)]), reference) << "seed " << seed << ", computer " << c;
        }
        model.expectMatches(core::dumpSyncedData(*computers[0]).value(), seed, intendedChecked, checkedByEntity);
        if (HasFatalFailure()) {
            return;
        }
        ++seedsRun;
    }
    RecordProperty("seeds", seedsRun);
    // The check of meant values is not idle: on average at least one winning write a seed.
    EXPECT_GE(intendedChecked, seedsRun) << "meant values checked";
    // ... of every kind of item the test writes.
    if (seedsRun >= 20) {
        for (const char* entity : {"song", "profile", "machine", "task", "playlist", "task_progress"}) {
            EXPECT_GT(checkedByEntity[QString::fromLatin1(entity)], 0) << entity << ": no meant value of it was checked";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, SyncConvergenceTest, ::testing::Range(0, 6));

}  // namespace
