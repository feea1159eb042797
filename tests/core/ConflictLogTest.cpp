// The conflict log on its own: what it keeps, one record per losing write, and the pull-side
// check that keeps the losing text when a pulled edit meets a local edit not pushed yet.
#include "core/library/Songs.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ConflictLog.h"
#include "tests/support/TestDatabase.h"

#include <QDateTime>

#include <gtest/gtest.h>

using namespace bandmate;
using core::ConflictLog;
using core::FieldChange;
using core::library::Song;
using core::library::SongRepository;

namespace {

FieldChange remoteNotes(const QString& id, const QString& text, qint64 wallMs)
{
    return {QStringLiteral("song"), id, QStringLiteral("notes"), text, {core::Hlc{wallMs, 0}, QStringLiteral("other-device")}};
}

TEST(ConflictLogTest, KeepsNonEmptyProseOncePerLosingWrite)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("log.sqlite"));
    ConflictLog log(*db);
    const FieldChange lost = remoteNotes(QStringLiteral("s1"), QStringLiteral("verse twice"), 1000);
    EXPECT_TRUE(log.record(lost).value());
    EXPECT_TRUE(log.record(lost).value()) << "already kept";
    EXPECT_EQ(log.open()->size(), 1);
    FieldChange tempo = lost;
    tempo.field = QStringLiteral("bpm");
    tempo.value = 96;
    EXPECT_FALSE(log.record(tempo).value()) << "not prose";
    FieldChange empty = lost;
    empty.value = QStringLiteral("  ");
    empty.stamp.hlc.wallMs = 2000;
    EXPECT_FALSE(log.record(empty).value()) << "nothing to bring back";
    ASSERT_TRUE(log.dismiss(log.open()->first().id).has_value());
    EXPECT_TRUE(log.record(lost).value());
    EXPECT_TRUE(log.open()->isEmpty()) << "noticed again after it was dismissed: stays dismissed";
    EXPECT_EQ(log.dismiss(QStringLiteral("nope")).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(log.restore(QStringLiteral("nope")).error().code, core::ErrorCode::NotFound);
}

TEST(ConflictLogTest, APulledEditMeetingAnUnpushedLocalEditKeepsTheLoser)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("log.sqlite"));
    Song song;
    song.title = QStringLiteral("Plástico");
    song.notes = QStringLiteral("mine: bridge in half time");
    const QString id = SongRepository(*db).save(song).value();  // written here, not pushed
    ConflictLog log(*db);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto notice = [&](const FieldChange& incoming) {
        auto transaction = core::Transaction::begin(db->connection());
        ASSERT_TRUE(log.noticeIncoming(incoming).has_value());
        ASSERT_TRUE(transaction->commit().has_value());
    };

    notice(remoteNotes(id, QStringLiteral("theirs: older"), 1000));
    ASSERT_EQ(log.open()->size(), 1);
    EXPECT_EQ(log.open()->first().value, QStringLiteral("theirs: older")) << "the older pulled text loses";
    notice(remoteNotes(id, QStringLiteral("theirs: newer"), now + 60'000));
    ASSERT_EQ(log.open()->size(), 2);
    EXPECT_EQ(log.open()->first().value, QStringLiteral("mine: bridge in half time")) << "the local text loses to a newer one";
    EXPECT_EQ(log.open()->first().label, QStringLiteral("Plástico"));
    notice(remoteNotes(id, QStringLiteral("mine: bridge in half time"), now + 70'000));
    EXPECT_EQ(log.open()->size(), 2) << "the same text is no conflict";

    // Once pushed (the outbox is empty), a pulled edit simply wins: nothing to keep.
    ASSERT_TRUE(core::sql::exec(db->connection(), QStringLiteral("DELETE FROM outbox")).has_value());
    notice(remoteNotes(id, QStringLiteral("theirs: newest"), now + 80'000));
    EXPECT_EQ(log.open()->size(), 2);
}

}  // namespace
