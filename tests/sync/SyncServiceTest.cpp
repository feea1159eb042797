// The transport-free sync service with real client databases: push, pull, merge, idempotency,
// user scoping and clock checks. (The HTTP server and the client come with the rest of issue 8.)
#include "core/library/Songs.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/sync/Dump.h"
#include "sync/protocol/ChangeJson.h"
#include "sync/protocol/Protocol.h"
#include "sync/server/Accounts.h"
#include "sync/server/ServerDatabase.h"
#include "sync/server/SyncService.h"
#include "tests/support/ServerDatabases.h"
#include "tests/support/TestDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

using namespace bandmate;
using core::library::Song;
using core::library::SongRepository;

namespace {

/// One sync round of a client as the future client will run it: push what is pending in
/// batches, mark it clean, then pull every page and apply it.
void syncOnce(core::Database& client, sync::SyncService& server, const QString& user, qint64& cursor)
{
    core::ChangeTracker tracker(client);
    for (;;) {
        auto pending = tracker.pending(sync::kMaxChangesPerPush);
        ASSERT_TRUE(pending.has_value());
        if (pending->isEmpty()) {
            break;
        }
        auto pushed = server.push(user, client.deviceId(), QUuid::createUuid().toString(), *pending);
        ASSERT_TRUE(pushed.has_value()) << pushed.error().toString();
        auto transaction = core::Transaction::begin(client.connection());
        ASSERT_TRUE(tracker.acknowledge(*pending).has_value());
        ASSERT_TRUE(transaction->commit().has_value());
    }
    for (bool more = true; more;) {
        auto page = server.pull(user, cursor, 100);
        ASSERT_TRUE(page.has_value()) << page.error().toString();
        auto transaction = core::Transaction::begin(client.connection());
        for (const auto& logged : page->changes) {
            ASSERT_TRUE(tracker.applyRemote(logged.change).has_value());
        }
        ASSERT_TRUE(transaction->commit().has_value());
        cursor = page->nextSince;
        more = page->more;
    }
}

QByteArray dumpOf(core::Database& db)
{
    return QJsonDocument(core::dumpSyncedData(db).value()).toJson(QJsonDocument::Compact);
}

class SyncServiceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        a = test::openTestDatabase(dir, QStringLiteral("a.sqlite"));
        b = test::openTestDatabase(dir, QStringLiteral("b.sqlite"));
        location = test::serverDatabase(dir);
        auto opened = sync::SyncService::open(location, [this] { return now; });
        ASSERT_TRUE(opened.has_value()) << opened.error().toString();
        server = std::move(*opened);
    }
    test::TempDir dir;
    QString location;  ///< the server's database
    std::unique_ptr<core::Database> a;
    std::unique_ptr<core::Database> b;
    std::unique_ptr<sync::SyncService> server;
    qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 cursorA = 0;
    qint64 cursorB = 0;
};

TEST_F(SyncServiceTest, TwoDevicesConvergeWithConcurrentEditsPerField)
{
    Song song;
    song.title = QStringLiteral("Chan Chan");
    song.bpm = 78;
    const QString id = SongRepository(*a).save(song).value();
    syncOnce(*a, *server, QStringLiteral("ana"), cursorA);
    syncOnce(*b, *server, QStringLiteral("ana"), cursorB);
    ASSERT_EQ(dumpOf(*a), dumpOf(*b));

    // Offline on both: A changes the tempo, B the notes; then both sync (A again last).
    Song onA = SongRepository(*a).get(id).value();
    onA.bpm = 82;
    ASSERT_TRUE(SongRepository(*a).save(onA).has_value());
    Song onB = SongRepository(*b).get(id).value();
    onB.notes = QStringLiteral("slow intro");
    ASSERT_TRUE(SongRepository(*b).save(onB).has_value());
    syncOnce(*a, *server, QStringLiteral("ana"), cursorA);
    syncOnce(*b, *server, QStringLiteral("ana"), cursorB);
    syncOnce(*a, *server, QStringLiteral("ana"), cursorA);
    EXPECT_EQ(dumpOf(*a), dumpOf(*b));
    const Song merged = SongRepository(*a).get(id).value();
    EXPECT_EQ(merged.bpm, 82);
    EXPECT_EQ(merged.notes, QStringLiteral("slow intro"));
}

TEST_F(SyncServiceTest, PushesAreIdempotentAndScopedByUser)
{
    Song song;
    song.title = QStringLiteral("Quimbara");
    (void)SongRepository(*a).save(song).value();
    const auto pending = core::ChangeTracker(*a).pending(500).value();
    auto first = server->push(QStringLiteral("ana"), a->deviceId(), QStringLiteral("batch-1"), pending);
    ASSERT_TRUE(first.has_value());
    EXPECT_GT(first->accepted, 0);
    auto again = server->push(QStringLiteral("ana"), a->deviceId(), QStringLiteral("batch-1"), pending);
    ASSERT_TRUE(again.has_value());
    EXPECT_TRUE(again->replayed);
    EXPECT_EQ(again->headSeq, first->headSeq);
    // The same changes in a new batch change nothing: a stamp never beats itself.
    auto resent = server->push(QStringLiteral("ana"), a->deviceId(), QStringLiteral("batch-2"), pending);
    EXPECT_EQ(resent->accepted, 0);
    EXPECT_EQ(resent->headSeq, first->headSeq);
    // Another user sees nothing of it.
    EXPECT_TRUE(server->pull(QStringLiteral("bob"), 0, 100)->changes.isEmpty());
    EXPECT_EQ(server->meta(QStringLiteral("bob"))->headSeq, 0);
    EXPECT_EQ(server->pull(QStringLiteral("ana"), 0, 500)->changes.size(), first->accepted);
}

TEST_F(SyncServiceTest, OldBatchAnswersAndExpiredTokensArePruned)
{
    Song song;
    song.title = QStringLiteral("Quimbara");
    (void)SongRepository(*a).save(song).value();
    const auto pending = core::ChangeTracker(*a).pending(500).value();
    auto first = server->push(QStringLiteral("ana"), a->deviceId(), QStringLiteral("batch-1"), pending);
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(*server->pruneBatches(now - sync::SyncService::kBatchAnswerKeptMs), 0) << "a fresh answer is kept for retries";
    // An answer from before answers were stamped (created_at 0) counts from when it is first seen.
    Song older;
    older.title = QStringLiteral("Older");
    (void)SongRepository(*b).save(older).value();
    ASSERT_TRUE(server->push(QStringLiteral("bob"), b->deviceId(), QStringLiteral("old-batch"), core::ChangeTracker(*b).pending(500).value()).has_value());
    const bool sqlite = test::postgresCluster().isEmpty();  // (on PostgreSQL the stamp stays as pushed)
    if (sqlite) {
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw-prune"));
            raw.setDatabaseName(dir.file(QStringLiteral("server.sqlite")));
            ASSERT_TRUE(raw.open());
            ASSERT_TRUE(core::sql::exec(raw, QStringLiteral("UPDATE push_batch SET created_at = 0 WHERE batch_id = 'old-batch'")).has_value());
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw-prune"));
    }
    EXPECT_EQ(*server->pruneBatches(now), 0) << "not pruned as if written in 1970";
    now += sync::SyncService::kBatchAnswerKeptMs + 1;
    EXPECT_EQ(*server->pruneBatches(now - sync::SyncService::kBatchAnswerKeptMs), 2);
    // The same batch a month later is applied again, which changes nothing.
    auto late = server->push(QStringLiteral("ana"), a->deviceId(), QStringLiteral("batch-1"), pending);
    ASSERT_TRUE(late.has_value()) << late.error().toString();
    EXPECT_FALSE(late->replayed);
    EXPECT_EQ(late->accepted, 0);
    EXPECT_EQ(late->headSeq, first->headSeq);

    // Every sign-in and refresh adds two token rows: the expired ones go, the live ones stay.
    qint64 clock = now;
    auto accounts = sync::Accounts::open(test::serverDatabase(dir), [&clock] { return clock; });
    ASSERT_TRUE(accounts.has_value()) << accounts.error().toString();
    ASSERT_TRUE((*accounts)->registerAccount(QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978")).has_value());
    auto old = (*accounts)->login(QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"));
    ASSERT_TRUE(old.has_value());
    clock += sync::Accounts::kRefreshTokenMs + 1;
    auto fresh = (*accounts)->login(QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"));
    ASSERT_TRUE(fresh.has_value());
    EXPECT_EQ(*(*accounts)->prune(), 2) << "the first sign-in's access and refresh token";
    EXPECT_TRUE((*accounts)->authenticate(fresh->accessToken).has_value());
    EXPECT_FALSE((*accounts)->refresh(old->refreshToken).has_value());
    // A spent refresh token of a session still alive stays past its expiry: presented again (a
    // thief's copy, say), it still ends the session.
    clock += 24LL * 3600 * 1000;
    auto traded = (*accounts)->refresh(fresh->refreshToken);
    ASSERT_TRUE(traded.has_value());
    clock += sync::Accounts::kRefreshTokenMs - 12LL * 3600 * 1000;  // the spent one expired, the new one lives
    EXPECT_EQ(*(*accounts)->prune(), 2) << "only the two expired access tokens";
    EXPECT_FALSE((*accounts)->refresh(fresh->refreshToken).has_value()) << "the spent token is still known";
    EXPECT_FALSE((*accounts)->refresh(traded->refreshToken).has_value()) << "and its replay ended the session";
}

TEST_F(SyncServiceTest, ATradeAskedAgainWithTheSameProposedSuccessorIsAnsweredAndAnyOtherReplayEndsTheSession)
{
    auto accounts = sync::Accounts::open(test::serverDatabase(dir), [this] { return now; });
    ASSERT_TRUE(accounts.has_value()) << accounts.error().toString();
    ASSERT_TRUE((*accounts)->registerAccount(QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978")).has_value());
    auto signedIn = (*accounts)->login(QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"));
    ASSERT_TRUE(signedIn.has_value());
    const QString first = signedIn->refreshToken;
    const QString next = QString(43, QLatin1Char('A')) + QStringLiteral("xyz_-");

    // The trade: the proposed successor is the new refresh token.
    auto traded = (*accounts)->refresh(first, next);
    ASSERT_TRUE(traded.has_value()) << traded.error().toString();
    EXPECT_EQ(traded->refreshToken, next);
    // Its answer never arrived: the same pair again gets a session for the same successor.
    auto again = (*accounts)->refresh(first, next);
    ASSERT_TRUE(again.has_value()) << again.error().toString();
    EXPECT_EQ(again->refreshToken, next);
    EXPECT_NE(again->accessToken, traded->accessToken);
    EXPECT_TRUE((*accounts)->authenticate(again->accessToken).has_value());
    // The successor trades on as usual; afterwards the first pair is a replay.
    auto onward = (*accounts)->refresh(next);
    ASSERT_TRUE(onward.has_value()) << onward.error().toString();
    EXPECT_FALSE((*accounts)->refresh(first, next).has_value()) << "the successor was used: a replay";
    EXPECT_FALSE((*accounts)->refresh(onward->refreshToken).has_value()) << "and the replay ended the session";

    // A spent token with another successor (a thief who guessed at one) ends the session.
    auto other = (*accounts)->login(QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"));
    ASSERT_TRUE(other.has_value());
    const QString proposed = QString(44, QLatin1Char('b'));
    ASSERT_TRUE((*accounts)->refresh(other->refreshToken, proposed).has_value());
    EXPECT_FALSE((*accounts)->refresh(other->refreshToken, QString(44, QLatin1Char('c'))).has_value());
    EXPECT_FALSE((*accounts)->refresh(proposed).has_value()) << "the whole session ended";

    // A malformed proposal is refused before anything is spent.
    auto third = (*accounts)->login(QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"));
    ASSERT_TRUE(third.has_value());
    for (const QString& bad : {QStringLiteral("short"), QString(43, QLatin1Char('a')) + QStringLiteral(" "), QString(43, QLatin1Char('a')) + QStringLiteral("\n"),
                               QString(129, QLatin1Char('a'))}) {
        auto refused = (*accounts)->refresh(third->refreshToken, bad);
        ASSERT_FALSE(refused.has_value());
        EXPECT_EQ(refused.error().code, core::ErrorCode::InvalidInput);
    }
    EXPECT_TRUE((*accounts)->refresh(third->refreshToken).has_value()) << "still unspent";
}

TEST_F(SyncServiceTest, ClocksTooFarAheadAndBadBatchesAreRefusedWhole)
{
    Song song;
    song.title = QStringLiteral("Bemba colorá");
    (void)SongRepository(*a).save(song).value();
    auto pending = core::ChangeTracker(*a).pending(500).value();
    now -= 10 * 60 * 1000;  // the server's clock is 10 minutes behind the device
    auto refused = server->push(QStringLiteral("ana"), a->deviceId(), QStringLiteral("skewed"), pending);
    ASSERT_FALSE(refused.has_value());
    EXPECT_NE(refused.error().message.find("ahead of the server"), std::string::npos);
    EXPECT_TRUE(server->pull(QStringLiteral("ana"), 0, 100)->changes.isEmpty()) << "nothing of the batch was kept";
    now += 10 * 60 * 1000;
    pending[0].entity = QStringLiteral("No such table!");
    auto bad = server->push(QStringLiteral("ana"), a->deviceId(), QStringLiteral("bad"), pending);
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().where, "changes[0].entity");
    EXPECT_FALSE(server->pull(QStringLiteral("ana"), 0, 0).has_value());
}

TEST_F(SyncServiceTest, AGroupCommitKeepsEachPushOnItsOwn)
{
    Song song;
    song.title = QStringLiteral("Idilio");
    (void)SongRepository(*a).save(song).value();
    const auto good = core::ChangeTracker(*a).pending(500).value();
    auto skewed = good;
    skewed[0].stamp.hlc.wallMs += 60 * 60 * 1000;  // an hour ahead: refused
    sync::SyncService::PushRequest first{QStringLiteral("ana"), a->deviceId(), QStringLiteral("g1"), good};
    sync::SyncService::PushRequest bad{QStringLiteral("ana"), a->deviceId(), QStringLiteral("g2"), skewed};
    sync::SyncService::PushRequest replay{QStringLiteral("ana"), a->deviceId(), QStringLiteral("g1"), good};
    QList<sync::SyncService::PushRequest*> group{&first, &bad, &replay};
    server->pushGroup(group);
    ASSERT_TRUE(first.result.has_value());
    EXPECT_EQ(first.result->accepted, good.size());
    EXPECT_FALSE(bad.result.has_value());
    ASSERT_TRUE(replay.result.has_value());
    EXPECT_TRUE(replay.result->replayed) << "the same batch twice in one group is applied once";
    EXPECT_EQ(server->pull(QStringLiteral("ana"), 0, 500)->changes.size(), good.size());
}

TEST_F(SyncServiceTest, RandomEditsOnThreeReplicasConverge)
{
    auto c = test::openTestDatabase(dir, QStringLiteral("c.sqlite"));
    std::vector<core::Database*> replicas{a.get(), b.get(), c.get()};
    std::vector<qint64> cursors(3, 0);
    for (quint32 seed = 1; seed <= 20; ++seed) {
        QRandomGenerator random(seed);
        for (int step = 0; step < 12; ++step) {
            const size_t who = random.bounded(3u);
            SongRepository songs(*replicas[who]);
            auto all = songs.search(QString(), 1000).value();
            const int action = all.isEmpty() ? 0 : static_cast<int>(random.bounded(4u));
            if (action == 0) {
                Song song;
                song.title = QStringLiteral("Song %1-%2").arg(seed).arg(step);
                song.bpm = 60 + random.bounded(100);
                ASSERT_TRUE(songs.save(song).has_value());
            } else if (action == 1) {
                Song song = all[random.bounded(static_cast<int>(all.size()))];
                song.bpm = 60 + random.bounded(100);
                song.notes = QStringLiteral("edit %1").arg(step);
                ASSERT_TRUE(songs.save(song).has_value());
            } else if (action == 2) {
                ASSERT_TRUE(songs.remove(all[random.bounded(static_cast<int>(all.size()))].id).has_value());
            } else {
                syncOnce(*replicas[who], *server, QStringLiteral("ana"), cursors[who]);
            }
        }
        // A final round: everyone pushes, then everyone pulls.
        for (size_t r = 0; r < 3; ++r) {
            syncOnce(*replicas[r], *server, QStringLiteral("ana"), cursors[r]);
        }
        for (size_t r = 0; r < 3; ++r) {
            syncOnce(*replicas[r], *server, QStringLiteral("ana"), cursors[r]);
        }
        ASSERT_EQ(dumpOf(*a), dumpOf(*b)) << "seed " << seed;
        ASSERT_EQ(dumpOf(*a), dumpOf(*c)) << "seed " << seed;
    }
}

}  // namespace

TEST_F(SyncServiceTest, APageWrittenFromTheStoredJsonEqualsTheQtJsonOfTheDecodedChanges)
{
    // Values of every kind, and strings that need escaping in JSON (in a field of a newer
    // Bandmate's, which the server passes on whatever its type).
    const QList<QVariant> values{QStringLiteral("Plain"), QStringLiteral("quote \" backslash \\ slash /"), QStringLiteral("line\nbreak\ttab\r\x01\x1f"),
                                 QStringLiteral("Ñandú · 日本 · 🎺"), 96, -3.25, 1e300, true, false, QVariant(), QString()};
    QList<core::FieldChange> changes;
    for (qsizetype i = 0; i < values.size(); ++i) {
        changes.append({QStringLiteral("zz_future_kind"), QStringLiteral("id \"%1\" \\ /").arg(i), QStringLiteral("anything"), values[i],
                        {core::Hlc{now, static_cast<quint16>(i)}, QStringLiteral("device ü")}});
    }
    ASSERT_TRUE(server->push(QStringLiteral("ana"), QStringLiteral("device ü"), QStringLiteral("batch"), changes).has_value());
    auto decoded = server->pull(QStringLiteral("ana"), 0, 100).value();
    auto raw = server->pull(QStringLiteral("ana"), 0, 100, sync::PullValues::JsonOnly).value();
    ASSERT_EQ(decoded.changes.size(), values.size());
    ASSERT_EQ(raw.changes.size(), values.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        QJsonObject expected = sync::changeToJson(decoded.changes[i].change);
        expected.insert(QStringLiteral("seq"), static_cast<double>(decoded.changes[i].seq));
        QByteArray written;
        sync::appendChangeJson(written, raw.changes[i].change, raw.changes[i].valueJson, raw.changes[i].seq);
        EXPECT_EQ(written, QJsonDocument(expected).toJson(QJsonDocument::Compact)) << i;
        EXPECT_TRUE(raw.changes[i].change.value.isNull()) << "not decoded";
    }
}

TEST_F(SyncServiceTest, APullPageWrittenStraightFromTheDatabaseIsThePageOfTheDecodedChanges)
{
    // pullJson() reads SQLite's UTF-8 with no QString between (PostgreSQL's through Qt): its
    // bytes must be the decoded page's, page by page, with the same cursor and "more"; a value
    // stored in another JSON spelling (a database edited by hand) comes out in the normal one.
    const QList<QVariant> values{QStringLiteral("Plain"), QStringLiteral("quote \" backslash \\ slash /"), QStringLiteral("line\nbreak\ttab\r\x01\x1f"),
                                 QString(QChar(0)) + QStringLiteral("nul"), QStringLiteral("Ñandú · 日本 · 🎺"), 96, -3.25, 1e300, true, false, QVariant(),
                                 QString(), QStringLiteral("hand"), QStringLiteral("not a character: ") + QChar(0xFFFF)};
    QList<core::FieldChange> changes;
    for (qsizetype i = 0; i < values.size(); ++i) {
        changes.append({QStringLiteral("zz_future_kind"), QStringLiteral("id \"%1\" \\ / ü").arg(i), QStringLiteral("anything"), values[i],
                        {core::Hlc{now + i, static_cast<quint16>(65535 - i)}, QStringLiteral("device ü")}});
    }
    ASSERT_TRUE(server->push(QStringLiteral("ana"), QStringLiteral("device ü"), QStringLiteral("batch"), changes).has_value());
    {
        auto db = sync::openServerDatabase(QStringLiteral("hand-edit"), location, {});
        ASSERT_TRUE(db.has_value());
        ASSERT_TRUE(core::sql::exec(*db, QStringLiteral("UPDATE field_state SET value = '{ \"v\" : \"hand\" }' WHERE value = '{\"v\":\"hand\"}'")).has_value());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("hand-edit"));
    // U+FFFF is stored and pulled as it was pushed (Qt's SQLite driver used to hand back U+FFFD).
    QByteArray noncharacter;
    ASSERT_TRUE(server->pullJson(QStringLiteral("ana"), 0, 100, false, noncharacter).has_value());
    EXPECT_TRUE(noncharacter.contains("not a character: \xEF\xBF\xBF")) << noncharacter.right(300).toStdString();
    for (const int limit : {1, 4, 100}) {
        qint64 since = 0;
        for (int pages = 0;; ++pages) {
            ASSERT_LT(pages, 100);
            const auto decoded = server->pull(QStringLiteral("ana"), since, limit).value();
            QByteArray expected;
            for (sync::LoggedChange logged : decoded.changes) {
                if (logged.change.value.toString().startsWith(QStringLiteral("not a character"))) {
                    logged.change.value = QStringLiteral("not a character: ") + QChar(0xFFFF);  // see above
                }
                QJsonObject object = sync::changeToJson(logged.change);
                object.insert(QStringLiteral("seq"), static_cast<double>(logged.seq));
                expected.append(expected.isEmpty() ? "" : ",").append(QJsonDocument(object).toJson(QJsonDocument::Compact));
            }
            QByteArray written("[");  // what the caller had written before
            const auto page = server->pullJson(QStringLiteral("ana"), since, limit, false, written).value();
            EXPECT_EQ(written, "[" + expected) << "limit " << limit << " since " << since;
            EXPECT_EQ(page.count, decoded.changes.size());
            EXPECT_EQ(page.nextSince, decoded.nextSince);
            EXPECT_EQ(page.more, decoded.more);
            EXPECT_TRUE(page.unknownField.isEmpty());
            if (!page.more) {
                break;
            }
            since = page.nextSince;
        }
    }
    // Bad arguments are refused before anything is written.
    QByteArray untouched("[");
    EXPECT_FALSE(server->pullJson(QStringLiteral("ana"), 0, 0, false, untouched).has_value());
    EXPECT_FALSE(server->pullJson(QStringLiteral("ana"), -1, 10, false, untouched).has_value());
    EXPECT_EQ(untouched, "[");
}

TEST_F(SyncServiceTest, TextStoredAsBrokenUtf8IsPulledMendedSoTheClientCanReadThePage)
{
    if (sync::isPostgresLocation(location)) {
        GTEST_SKIP() << "PostgreSQL stores no broken UTF-8";
    }
    ASSERT_TRUE(server->push(QStringLiteral("ana"), QStringLiteral("d"), QStringLiteral("batch"),
                             {{QStringLiteral("song"), QStringLiteral("s1"), QStringLiteral("title"), QStringLiteral("x"), {core::Hlc{now, 0}, QStringLiteral("d")}}})
                    .has_value());
    {
        // What a server from before ids were checked could hold: a lone surrogate, as CESU bytes.
        auto db = sync::openServerDatabase(QStringLiteral("hand-edit"), location, {});
        ASSERT_TRUE(db.has_value());
        ASSERT_TRUE(core::sql::exec(*db, QStringLiteral("UPDATE field_state SET id = CAST(X'61EDA080' AS TEXT), device_id = CAST(X'64FF' AS TEXT)")).has_value());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("hand-edit"));
    QByteArray written("[");
    ASSERT_EQ(server->pullJson(QStringLiteral("ana"), 0, 100, false, written)->count, 1);
    written.append(']');
    QJsonParseError error;
    const QJsonDocument page = QJsonDocument::fromJson(written, &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString() << ": " << written.toStdString();
    const QJsonObject change = page.array().at(0).toObject();
    EXPECT_TRUE(change.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("a\uFFFD")));
    EXPECT_TRUE(change.value(QStringLiteral("device")).toString().startsWith(QStringLiteral("d\uFFFD")));
    EXPECT_EQ(change.value(QStringLiteral("value")).toString(), QStringLiteral("x"));
}

TEST_F(SyncServiceTest, APullPageForAnOlderClientStopsAtTheFirstFieldThisBuildDoesNotKnowAndNamesIt)
{
    QList<core::FieldChange> changes;
    for (const QString& field : {QStringLiteral("title"), QStringLiteral("notes"), QStringLiteral("title"), QStringLiteral("zz_future_field"), QStringLiteral("title")}) {
        changes.append({QStringLiteral("song"), QStringLiteral("s%1").arg(changes.size()), field, QStringLiteral("x"),
                        {core::Hlc{now, static_cast<quint16>(changes.size())}, QStringLiteral("d")}});
    }
    ASSERT_TRUE(server->push(QStringLiteral("ana"), QStringLiteral("d"), QStringLiteral("batch"), changes).has_value());
    QByteArray written;
    const auto page = server->pullJson(QStringLiteral("ana"), 0, 100, true, written).value();
    EXPECT_EQ(page.unknownField, QStringLiteral("song.zz_future_field"));
    EXPECT_EQ(page.count, 3) << "the page stops before it";
    QByteArray before;
    const auto short_ = server->pullJson(QStringLiteral("ana"), 0, 3, true, before).value();
    EXPECT_TRUE(short_.unknownField.isEmpty()) << "past the page's limit it is not the page's";
    EXPECT_EQ(short_.count, 3);
    EXPECT_TRUE(short_.more);
    QByteArray all;
    const auto passed = server->pullJson(QStringLiteral("ana"), 0, 100, false, all).value();
    EXPECT_TRUE(passed.unknownField.isEmpty());
    EXPECT_EQ(passed.count, 5) << "a client that passes unknown fields on gets them";
}

TEST_F(SyncServiceTest, EveryPulledValueIsTheValuePushedWithItsType)
{
    // What a client reads from a pull page, decoded as it decodes it, against what was pushed:
    // not two encodings of one stored value. Null is not "", an integer stays an integer (up to
    // 2^53 exactly, the range of a JSON number), a \r and a \u0000 stay, 1e300 stays finite.
    const QList<QVariant> values{QString(),
                                 QStringLiteral(""),
                                 QVariant(),
                                 2.0,
                                 QStringLiteral("line\nbreak\r\nwindows\r"),
                                 QString(QChar(0)) + QStringLiteral("nul"),
                                 QStringLiteral("Ñandú · 日本 · 🎺"),
                                 QVariant(qint64(96)),
                                 QVariant(qint64(-3)),
                                 QVariant(qint64(9007199254740992)),
                                 -3.25,
                                 1e300,
                                 0.1 + 0.2,
                                 true,
                                 false};
    QList<core::FieldChange> changes;
    for (qsizetype i = 0; i < values.size(); ++i) {
        changes.append({QStringLiteral("zz_future_kind"), QStringLiteral("v%1").arg(i), QStringLiteral("anything"), values[i],
                        {core::Hlc{now, static_cast<quint16>(i)}, QStringLiteral("device")}});
    }
    ASSERT_TRUE(server->push(QStringLiteral("ana"), QStringLiteral("device"), QStringLiteral("typed"), changes).has_value());
    const auto raw = server->pull(QStringLiteral("ana"), 0, 100, sync::PullValues::JsonOnly).value();
    ASSERT_EQ(raw.changes.size(), values.size());
    // A QString, null or empty, travels as a JSON string: "" (an empty QVariant is JSON null).
    const auto kind = [](const QVariant& v) {
        switch (v.typeId()) {
        case QMetaType::UnknownType:
        case QMetaType::Nullptr:
            return QStringLiteral("null");
        case QMetaType::QString:
            return QStringLiteral("string");
        case QMetaType::Bool:
            return QStringLiteral("bool");
        case QMetaType::Double:
            return QStringLiteral("double");
        default:
            return QStringLiteral("integer");
        }
    };
    for (qsizetype i = 0; i < values.size(); ++i) {
        // The page as the client receives it: bytes, parsed, then decoded.
        QByteArray page;
        sync::appendChangeJson(page, raw.changes[i].change, raw.changes[i].valueJson, raw.changes[i].seq);
        const QJsonObject object = QJsonDocument::fromJson(page).object();
        ASSERT_FALSE(object.isEmpty()) << page.toStdString();
        auto decoded = sync::changeFromJson(object, QStringLiteral("changes[%1]").arg(i));
        ASSERT_TRUE(decoded.has_value()) << decoded.error().toString();
        const QVariant& pushed = values[i];
        const QVariant& pulled = decoded->value;
        const QString pushedKind = kind(pushed);
        const QString pulledKind = kind(pulled);
        // JSON writes the double 2.0 as 2: it comes back an integer of the same value, and the
        // receiving column's type (REAL) makes it 2.0 again. Any other kind must stay.
        const bool integralDouble = pushedKind == QLatin1String("double") && pushed.toDouble() == std::floor(pushed.toDouble()) &&
                                    std::abs(pushed.toDouble()) < 9007199254740992.0;
        EXPECT_EQ(pulledKind, integralDouble ? QStringLiteral("integer") : pushedKind) << i << ": " << page.toStdString();
        if (pushedKind == QLatin1String("string")) {
            EXPECT_EQ(pulled.toString(), pushed.toString()) << i;
            EXPECT_EQ(pulled.typeId(), QMetaType::QString) << i << ": \"\" is not null";
        } else if (pushedKind == QLatin1String("integer")) {
            EXPECT_EQ(pulled.toLongLong(), pushed.toLongLong()) << i;
        } else if (pushedKind == QLatin1String("double")) {
            EXPECT_EQ(pulled.toDouble(), pushed.toDouble()) << i << ": " << page.toStdString();
        } else if (pushedKind == QLatin1String("bool")) {
            EXPECT_EQ(pulled.toBool(), pushed.toBool()) << i;
        }
        EXPECT_EQ(decoded->stamp.hlc.packed(), changes[i].stamp.hlc.packed()) << i;
    }
}

TEST_F(SyncServiceTest, ANewerAppsEntitiesAndFieldsPassThroughAndKnownFieldsMustFit)
{
    const auto change = [](const QString& entity, const QString& id, const QString& field, const QVariant& value) {
        return core::FieldChange{entity, id, field, value, {core::Hlc{QDateTime::currentMSecsSinceEpoch(), 0}, QStringLiteral("newer-device")}};
    };
    // What a newer Bandmate sends: a field and an entity this build has never heard of.
    const QList<core::FieldChange> newer{change(QStringLiteral("song"), QStringLiteral("s1"), QStringLiteral("zz_new_field"), QStringLiteral("x")),
                                         change(QStringLiteral("zz_new_entity"), QStringLiteral("e1"), QStringLiteral("title"), 42),
                                         change(QStringLiteral("song"), QStringLiteral("s1"), QStringLiteral("title"), QStringLiteral("Quimbara"))};
    auto pushed = server->push(QStringLiteral("ana"), QStringLiteral("newer-device"), QStringLiteral("n1"), newer, -1, core::kDataFormat + 1);
    ASSERT_TRUE(pushed.has_value()) << pushed.error().toString();
    EXPECT_EQ(pushed->accepted, 3);
    EXPECT_EQ(server->pull(QStringLiteral("ana"), 0, 100)->changes.size(), 3);
    EXPECT_EQ(server->meta(QStringLiteral("ana"))->dataFormat, core::kDataFormat + 1);
    // An older device's push never lowers it.
    ASSERT_TRUE(server->push(QStringLiteral("ana"), QStringLiteral("older"), QStringLiteral("o1"),
                             {change(QStringLiteral("song"), QStringLiteral("s2"), QStringLiteral("title"), QStringLiteral("Idilio"))}, -1, 1)
                    .has_value());
    EXPECT_EQ(server->meta(QStringLiteral("ana"))->dataFormat, core::kDataFormat + 1);

    // Values that no device's schema could hold are refused, saying where, and nothing is kept.
    const qint64 head = server->meta(QStringLiteral("ana"))->headSeq;
    const struct {
        core::FieldChange change;
        const char* says;
    } refused[] = {
        {change(QStringLiteral("song"), QStringLiteral("s1"), QStringLiteral("artist"), QVariant()), "must not be null"},
        {change(QStringLiteral("song"), QStringLiteral("s1"), QStringLiteral("year"), QStringLiteral("1978")), "must be a whole number"},
        {change(QStringLiteral("song"), QStringLiteral("s1"), QStringLiteral("year"), 1978.5), "must be a whole number"},
        {change(QStringLiteral("song"), QStringLiteral("s1"), QStringLiteral("bpm"), QStringLiteral("fast")), "must be a number"},
        {change(QStringLiteral("song"), QStringLiteral("s1"), QStringLiteral("notes"), 7), "must be text"},
        {change(QStringLiteral("song"), QStringLiteral("s1"), QStringLiteral("notes"), QString(core::kMaxFieldValueBytes + 1, QLatin1Char('n'))), "KiB"},
        {change(QStringLiteral("song"), QStringLiteral("a\nb") + QChar(0), QStringLiteral("title"), QStringLiteral("t")), "control characters"},
        {change(QStringLiteral("song"), QString(129, QLatin1Char('x')), QStringLiteral("title"), QStringLiteral("t")), "control characters"},
        {change(QStringLiteral("Song"), QStringLiteral("s1"), QStringLiteral("title"), QStringLiteral("t")), "lower-case name"},
        {change(QStringLiteral("zz_new_entity"), QStringLiteral("s1"), QStringLiteral("zz"), QString(core::kMaxFieldValueBytes + 1, QLatin1Char('n'))), "KiB"},
        {change(QStringLiteral("song"), QStringLiteral("a") + QChar(0xD800), QStringLiteral("title"), QStringLiteral("t")), "control characters"},
        {change(QStringLiteral("song"), QStringLiteral("a") + QChar(0x200B), QStringLiteral("title"), QStringLiteral("t")), "control characters"},
    };
    for (const auto& bad : refused) {
        auto result = server->push(QStringLiteral("ana"), QStringLiteral("newer-device"), QUuid::createUuid().toString(),
                                   {change(QStringLiteral("song"), QStringLiteral("s3"), QStringLiteral("title"), QStringLiteral("fine")), bad.change});
        ASSERT_FALSE(result.has_value()) << bad.says;
        EXPECT_EQ(result.error().code, core::ErrorCode::InvalidInput);
        EXPECT_NE(result.error().toString().find(bad.says), std::string::npos) << result.error().toString();
        EXPECT_EQ(result.error().where.rfind("changes[1]", 0), 0u) << result.error().where;
    }
    EXPECT_EQ(server->meta(QStringLiteral("ana"))->headSeq, head);
}

TEST_F(SyncServiceTest, ABatchIdSentAgainWithOtherChangesIsRefusedAndChangesNothing)
{
    Song song;
    song.title = QStringLiteral("Quimbara");
    const QString id = SongRepository(*a).save(song).value();
    const auto first = core::ChangeTracker(*a).pending(500).value();
    ASSERT_TRUE(server->push(QStringLiteral("ana"), a->deviceId(), QStringLiteral("batch-1"), first).has_value());
    song = SongRepository(*a).get(id).value();
    song.title = QStringLiteral("Quimbara (live)");
    ASSERT_TRUE(SongRepository(*a).save(song).has_value());
    const auto second = core::ChangeTracker(*a).pending(500).value();
    ASSERT_NE(second.size(), 0);

    auto replayed = server->push(QStringLiteral("ana"), a->deviceId(), QStringLiteral("batch-1"), second);
    ASSERT_FALSE(replayed.has_value()) << "the new edit would be acknowledged and never applied";
    EXPECT_EQ(replayed.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(replayed.error().where, "batch_id");
    // The same changes again under the same id are a replay, as before.
    auto again = server->push(QStringLiteral("ana"), a->deviceId(), QStringLiteral("batch-1"), first);
    ASSERT_TRUE(again.has_value());
    EXPECT_TRUE(again->replayed);
    const auto page = server->pull(QStringLiteral("ana"), 0, 500).value();
    for (const auto& logged : page.changes) {
        if (logged.change.field == QLatin1String("title")) {
            EXPECT_EQ(logged.change.value.toString(), QStringLiteral("Quimbara"));
        }
    }
}

TEST_F(SyncServiceTest, AnAccountOverItsQuotaIsRefusedWholeAndKeepsWhatItHad)
{
    Song song;
    song.title = QStringLiteral("Quimbara");
    (void)SongRepository(*a).save(song).value();
    const auto first = core::ChangeTracker(*a).pending(500).value();
    const qint64 quota = first.size() + 3;
    server->setFieldQuota(quota);
    ASSERT_TRUE(server->push(QStringLiteral("ana"), a->deviceId(), QStringLiteral("batch-1"), first).has_value());
    ASSERT_TRUE(core::ChangeTracker(*a).acknowledge(first).has_value());
    // Edits of fields the account holds never count against it.
    song = SongRepository(*a).search(QString())->first();
    song.notes = QStringLiteral("montuno after the second coro");
    (void)SongRepository(*a).save(song).value();
    const auto edit = core::ChangeTracker(*a).pending(500).value();
    ASSERT_TRUE(server->push(QStringLiteral("ana"), a->deviceId(), QStringLiteral("batch-2"), edit).has_value());
    ASSERT_TRUE(core::ChangeTracker(*a).acknowledge(edit).has_value());
    // A second song adds more fields than are left: the batch is refused whole.
    const qint64 head = server->meta(QStringLiteral("ana"))->headSeq;
    Song other;
    other.title = QStringLiteral("Bemba colorá");
    (void)SongRepository(*a).save(other).value();
    const auto more = core::ChangeTracker(*a).pending(500).value();
    auto refused = server->push(QStringLiteral("ana"), a->deviceId(), QStringLiteral("batch-3"), more);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().where, "quota");
    EXPECT_NE(refused.error().message.find("at most " + std::to_string(quota)), std::string::npos) << refused.error().toString();
    EXPECT_EQ(server->meta(QStringLiteral("ana"))->headSeq, head) << "nothing of it was stored";
    // Another account has its own quota.
    EXPECT_TRUE(server->push(QStringLiteral("bob"), b->deviceId(), QStringLiteral("batch-1"), first).has_value());
}
