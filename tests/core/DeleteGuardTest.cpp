// The mass-delete safety net on its own: which pulled tombstones it holds, what it counts, and
// the two answers (delete them, keep them everywhere).
#include "core/library/Songs.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/sync/DeleteGuard.h"
#include "tests/support/TestDatabase.h"

#include <QDateTime>

#include <gtest/gtest.h>

using namespace bandmate;
using core::DeleteGuard;
using core::FieldChange;
using core::library::Song;
using core::library::SongRepository;

namespace {

FieldChange remote(const QString& entity, const QString& id, const QString& field, const QVariant& value, qint64 wallMs)
{
    return {entity, id, field, value, {core::Hlc{wallMs, 0}, QStringLiteral("other-device")}};
}

FieldChange tombstone(const QString& id, qint64 wallMs)
{
    return remote(QStringLiteral("song"), id, QStringLiteral("deleted"), 1, wallMs);
}

/// What one pulled page does: each change held or applied, in one transaction.
void pull(core::Database& db, DeleteGuard& guard, const QList<FieldChange>& changes)
{
    auto transaction = core::Transaction::begin(db.connection());
    ASSERT_TRUE(transaction.has_value());
    core::ChangeTracker tracker(db);
    for (const FieldChange& change : changes) {
        auto held = guard.hold(change);
        ASSERT_TRUE(held.has_value()) << held.error().toString();
        if (!*held) {
            ASSERT_TRUE(tracker.applyRemote(change).has_value());
        }
    }
    ASSERT_TRUE(transaction->commit().has_value());
}

bool isDeleted(core::Database& db, const QString& entity, const QString& id)
{
    return core::sql::scalar(db.connection(), QStringLiteral("SELECT deleted FROM %1 WHERE id = ?").arg(entity), {id})->toInt() != 0;
}

using test::addSongs;

TEST(DeleteGuardTest, HoldsTombstonesOfLiveItemsAndCountsThemPerKind)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    const QStringList ids = addSongs(*db, 20);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    DeleteGuard guard(*db);
    QList<FieldChange> page;
    for (int i = 0; i < 11; ++i) {
        page.append(tombstone(ids[i], now + i));
    }
    // Not items: a setlist entry's and a play's tombstones go straight in.
    page.append(remote(QStringLiteral("setlist_entry"), QStringLiteral("e1"), QStringLiteral("deleted"), 1, now));
    page.append(remote(QStringLiteral("play_event"), QStringLiteral("p1"), QStringLiteral("deleted"), 1, now));
    pull(*db, guard, page);
    EXPECT_FALSE(isDeleted(*db, QStringLiteral("song"), ids[0]));
    EXPECT_TRUE(isDeleted(*db, QStringLiteral("setlist_entry"), QStringLiteral("e1")));
    EXPECT_TRUE(isDeleted(*db, QStringLiteral("play_event"), QStringLiteral("p1")));
    auto held = guard.held().value();
    ASSERT_EQ(held.size(), 1);
    EXPECT_EQ(held[0].entity, QStringLiteral("song"));
    EXPECT_EQ(held[0].deleting, 11);
    EXPECT_EQ(held[0].live, 20);
    EXPECT_TRUE(DeleteGuard::needsAnswer(held));
    EXPECT_EQ(guard.settle(false).value(), 11) << "more than half: asks";
    EXPECT_FALSE(isDeleted(*db, QStringLiteral("song"), ids[0]));
    EXPECT_EQ(guard.deleteHeld().value(), 11);
    for (int i = 0; i < 20; ++i) {
        EXPECT_EQ(isDeleted(*db, QStringLiteral("song"), ids[i]), i < 11) << i;
    }
    EXPECT_TRUE(guard.held()->isEmpty());
}

TEST(DeleteGuardTest, AskingNeedsMoreThanHalfAndAtLeastTen)
{
    using core::HeldDeletes;
    EXPECT_FALSE(DeleteGuard::needsAnswer({HeldDeletes{QStringLiteral("song"), 10, 20}})) << "exactly half";
    EXPECT_TRUE(DeleteGuard::needsAnswer({HeldDeletes{QStringLiteral("song"), 11, 20}}));
    EXPECT_FALSE(DeleteGuard::needsAnswer({HeldDeletes{QStringLiteral("show"), 9, 9}})) << "all, but few";
    EXPECT_TRUE(DeleteGuard::needsAnswer({HeldDeletes{QStringLiteral("show"), 2, 100}, HeldDeletes{QStringLiteral("song"), 10, 10}}));
}

TEST(DeleteGuardTest, RowsThatArriveInTheSameRoundAreNotTheMusiciansYet)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    DeleteGuard guard(*db);
    QList<FieldChange> page;
    for (int i = 0; i < 30; ++i) {
        const QString id = QStringLiteral("song-%1").arg(i);
        page.append(remote(QStringLiteral("song"), id, QStringLiteral("title"), QStringLiteral("Old %1").arg(i), now));
        page.append(tombstone(id, now + 1));
    }
    pull(*db, guard, page);
    EXPECT_TRUE(guard.held()->isEmpty());
    EXPECT_EQ(guard.settle(false).value(), 0);
    EXPECT_TRUE(isDeleted(*db, QStringLiteral("song"), QStringLiteral("song-0")));
    // In the next round, they are: a new live song's tombstone is held.
    pull(*db, guard, {remote(QStringLiteral("song"), QStringLiteral("new"), QStringLiteral("title"), QStringLiteral("New"), now + 2)});
    DeleteGuard nextRound(*db);
    pull(*db, nextRound, {tombstone(QStringLiteral("new"), now + 3)});
    EXPECT_EQ(nextRound.held()->value(0).deleting, 1);
    EXPECT_EQ(nextRound.settle(false).value(), 0) << "one of one: too few to ask";
    EXPECT_TRUE(isDeleted(*db, QStringLiteral("song"), QStringLiteral("new")));
}

TEST(DeleteGuardTest, ANewerUndeleteForgetsTheHeldTombstoneAndAnOlderOneIsSuperseded)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    const QStringList ids = addSongs(*db, 12);
    const qint64 now = QDateTime::currentMSecsSinceEpoch() + 1000;
    DeleteGuard guard(*db);
    QList<FieldChange> page;
    for (const QString& id : ids) {
        page.append(tombstone(id, now));
    }
    pull(*db, guard, page);
    EXPECT_EQ(guard.held()->value(0).deleting, 12);
    // Another computer brought one back afterwards, and an older tombstone of another one
    // arrives late: 11 wait, and the older one changes nothing.
    pull(*db, guard, {remote(QStringLiteral("song"), ids[0], QStringLiteral("deleted"), 0, now + 5), tombstone(ids[1], now - 5)});
    EXPECT_EQ(guard.held()->value(0).deleting, 11);
    EXPECT_FALSE(isDeleted(*db, QStringLiteral("song"), ids[0]));
    EXPECT_FALSE(isDeleted(*db, QStringLiteral("song"), ids[1]));
    // A song deleted here meanwhile is not counted, and not brought back by "keep them".
    ASSERT_TRUE(SongRepository(*db).remove(ids[2]).has_value());
    EXPECT_EQ(guard.held()->value(0).deleting, 10);
    EXPECT_EQ(guard.restoreHeld().value(), 10);
    EXPECT_TRUE(isDeleted(*db, QStringLiteral("song"), ids[2]));
    // Kept: written again as not deleted, newer than the tombstone, and waiting to be pushed.
    auto stamp = core::sql::run(db->connection(), QStringLiteral("SELECT hlc, device_id FROM field_clock WHERE entity = 'song' AND id = ? AND field = 'deleted'"),
                                {ids[5]})
                     .value();
    ASSERT_TRUE(stamp.next());
    EXPECT_TRUE(core::incomingWins({core::Hlc{now, 0}, QStringLiteral("other-device")},
                                   {core::Hlc::fromPacked(stamp.value(0).toLongLong()), stamp.value(1).toString()}));
    EXPECT_EQ(core::sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'song' AND field = 'deleted' AND id = ?"), {ids[5]})->toInt(), 1);
    EXPECT_FALSE(isDeleted(*db, QStringLiteral("song"), ids[5]));
    EXPECT_TRUE(guard.held()->isEmpty());
}

}  // namespace
