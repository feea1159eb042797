// The canonical dump: equal synced data prints equal text, whatever the local history.
#include "core/library/Songs.h"
#include "core/setlists/Setlists.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/sync/Dump.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace bandmate::core;

namespace {

QByteArray dumpOf(Database& db)
{
    auto dump = dumpSyncedData(db);
    EXPECT_TRUE(dump.has_value()) << (dump ? "" : dump.error().toString());
    return QJsonDocument(dump.value_or(QJsonObject{})).toJson(QJsonDocument::Compact);
}

TEST(DumpTest, ReplicasWithTheSameDataPrintTheSameDump)
{
    bandmate::test::TempDir dir;
    auto a = bandmate::test::openTestDatabase(dir, QStringLiteral("a.sqlite"));
    auto b = bandmate::test::openTestDatabase(dir, QStringLiteral("b.sqlite"));
    ASSERT_TRUE(a && b);
    library::SongRepository songs(*a);
    library::Song song;
    song.title = QStringLiteral("Chan Chan");
    song.bpm = 78;
    const QString id = songs.save(song).value();
    song.id = id;
    song.notes = QStringLiteral("slow intro");
    ASSERT_TRUE(songs.save(song).has_value());
    const auto titled = [](const QString& title) {
        library::Song added;
        added.title = title;
        return added;
    };
    (void)songs.addMany({titled(QStringLiteral("Quimbara")), titled(QStringLiteral("Bemba colorá"))}).value();
    setlists::Show show;
    show.name = QStringLiteral("Friday");
    show.date = QDate(2026, 12, 4);
    ASSERT_TRUE(setlists::SetlistRepository(*a).saveShow(show).has_value());

    // B receives A's changes in reverse order, as a pull might deliver them.
    auto changes = ChangeTracker(*a).pending(10'000).value();
    std::reverse(changes.begin(), changes.end());
    {
        auto transaction = Transaction::begin(b->connection());
        ChangeTracker tracker(*b);
        for (const FieldChange& change : changes) {
            ASSERT_TRUE(tracker.applyRemote(change).has_value());
        }
        ASSERT_TRUE(transaction->commit().has_value());
    }
    const QByteArray dumpA = dumpOf(*a);
    EXPECT_EQ(dumpA, dumpOf(*b));
    const QJsonObject parsed = QJsonDocument::fromJson(dumpA).object();
    EXPECT_EQ(parsed[QStringLiteral("song")].toArray().size(), 3);
    EXPECT_EQ(parsed[QStringLiteral("song")].toArray()[0][QStringLiteral("bpm")].toDouble(), 78.0);

    // One different field makes them differ.
    song.rating = 4;
    ASSERT_TRUE(songs.save(song).has_value());
    EXPECT_NE(dumpOf(*a), dumpOf(*b));
}

}  // namespace

TEST(DumpTest, SixtyFourBitValuesThatDifferInTheirLowBitsPrintDifferently)
{
    // A packed clock value (48 bits of milliseconds, 16 of counter) is past what a JSON number
    // holds exactly: two databases that differ only there must not print the same dump.
    const qint64 hlc = qint64{1'700'000'000'000} << 16;
    EXPECT_NE(QJsonDocument(QJsonArray{dumpValue(QVariant(hlc + 1))}).toJson(), QJsonDocument(QJsonArray{dumpValue(QVariant(hlc + 2))}).toJson());
    EXPECT_EQ(dumpValue(QVariant(qint64{96})), QJsonValue(96.0)) << "small numbers stay numbers";
    EXPECT_EQ(dumpValue(QVariant(hlc + 1)).toString(), QString::number(hlc + 1));
}
