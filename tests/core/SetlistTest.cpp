// Shows, sets and entries over a real database: order by position keys, run-sheet times and
// warnings, marking a show performed, and the text, CSV and JSON formats.
#include "core/library/MusicalKey.h"
#include "core/library/Songs.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/setlists/RunSheet.h"
#include "core/setlists/SetlistFormats.h"
#include "core/setlists/Setlists.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/util/FractionalKey.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>

#include <random>

using namespace bandmate::core;
using namespace bandmate::core::setlists;
using bandmate::core::library::Song;

namespace {

TEST(FractionalKeyTest, BetweenOrdersStrictly)
{
    EXPECT_EQ(fractional_key::between({}, {}), QStringLiteral("V"));
    const QString first = fractional_key::between({}, {});
    const QString before = fractional_key::between({}, first);
    const QString after = fractional_key::between(first, {});
    EXPECT_LT(before, first);
    EXPECT_GT(after, first);
    EXPECT_LT(fractional_key::between({}, QStringLiteral("1")), QStringLiteral("1"));
    EXPECT_EQ(fractional_key::between(QStringLiteral("1"), QStringLiteral("1V")), QStringLiteral("1F"));
    EXPECT_TRUE(fractional_key::between(QStringLiteral("b"), QStringLiteral("a")).isEmpty());
    EXPECT_TRUE(fractional_key::between(QStringLiteral("a"), QStringLiteral("a")).isEmpty());
    EXPECT_TRUE(fractional_key::between(QStringLiteral("a!"), {}).isEmpty());
    EXPECT_FALSE(fractional_key::isValid(QStringLiteral("a0")));
}

TEST(FractionalKeyTest, RandomInsertionsKeepOrderAndStayShort)
{
    std::mt19937 random(7);
    QStringList keys;
    for (int i = 0; i < 2000; ++i) {
        const auto at = static_cast<qsizetype>(std::uniform_int_distribution<qsizetype>(0, keys.size())(random));
        const QString key = fractional_key::between(at > 0 ? keys[at - 1] : QString(), at < keys.size() ? keys[at] : QString());
        ASSERT_TRUE(fractional_key::isValid(key)) << i;
        keys.insert(at, key);
    }
    QStringList sorted = keys;
    sorted.sort();
    EXPECT_EQ(sorted, keys);
    // Always appending (the common case) grows keys slowly, each one valid and after the last;
    // prepending likewise, before the first.
    QString last;
    for (int i = 0; i < 1000; ++i) {
        const QString next = fractional_key::between(last, {});
        ASSERT_TRUE(fractional_key::isValid(next)) << i << ": " << next.toStdString();
        ASSERT_GT(next, last) << i;
        last = next;
    }
    EXPECT_LE(last.size(), 40);
    QString first = QStringLiteral("V");
    for (int i = 0; i < 1000; ++i) {
        const QString next = fractional_key::between({}, first);
        ASSERT_TRUE(fractional_key::isValid(next)) << i << ": " << next.toStdString();
        ASSERT_LT(next, first) << i;
        first = next;
    }
}

TEST(MusicalKeyTest, ParsesTransposesAndMeasuresDistance)
{
    using library::MusicalKey;
    EXPECT_EQ(library::transposeKey(QStringLiteral("Am"), 2), QStringLiteral("Bm"));
    EXPECT_EQ(library::transposeKey(QStringLiteral("C"), -2), QStringLiteral("Bb"));
    EXPECT_EQ(library::transposeKey(QStringLiteral("F#m"), 0), QStringLiteral("F#m"));
    EXPECT_EQ(library::transposeKey(QStringLiteral("Bb minor"), 0), QStringLiteral("Bbm"));
    EXPECT_EQ(library::transposeKey(QStringLiteral("unknown"), 3), QStringLiteral("unknown"));
    EXPECT_FALSE(MusicalKey::parse(QStringLiteral("H")).has_value());
    EXPECT_EQ(MusicalKey::parse(QStringLiteral("C"))->fifthsTo(*MusicalKey::parse(QStringLiteral("Am"))), 0);
    EXPECT_EQ(MusicalKey::parse(QStringLiteral("C"))->fifthsTo(*MusicalKey::parse(QStringLiteral("G"))), 1);
    EXPECT_EQ(MusicalKey::parse(QStringLiteral("C"))->fifthsTo(*MusicalKey::parse(QStringLiteral("F#"))), 6);
    EXPECT_EQ(library::transposeChord(QStringLiteral("G/B"), 2), QStringLiteral("A/C#"));
    EXPECT_EQ(library::transposeChord(QStringLiteral("F#m7b5"), 1), QStringLiteral("Gm7b5"));
    EXPECT_EQ(library::transposeChord(QStringLiteral("Bb7"), 1, true), QStringLiteral("B7"));
    EXPECT_EQ(library::transposeChord(QStringLiteral("C\u266Fm"), 1), QStringLiteral("Dm")) << "printed accidentals";
    EXPECT_EQ(library::transposeChord(QStringLiteral("E\u266D/B\u266D"), 2), QStringLiteral("F/C"));
    EXPECT_EQ(library::transposeChord(QStringLiteral("C"), 1, true), QStringLiteral("Db"));
    EXPECT_EQ(library::transposeChord(QStringLiteral("N.C."), 1), QStringLiteral("N.C."));
}

class SetlistTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        db = bandmate::test::openTestDatabase(dir);
        ASSERT_NE(db, nullptr);
        library::SongRepository songs(*db);
        const auto add = [&](const QString& title, const QString& key, double bpm, qint64 durationMs) {
            Song song;
            song.title = title;
            song.artist = QStringLiteral("Rubén Blades");
            song.key = key;
            song.bpm = bpm;
            song.durationMs = durationMs;
            auto id = songs.save(song);
            EXPECT_TRUE(id.has_value()) << title.toStdString() << ": " << (id ? "" : id.error().toString());
            return id.value_or(QString());
        };
        pedro = add(QStringLiteral("Pedro Navaja"), QStringLiteral("Am"), 96, 7 * 60'000 + 21'000);
        plastico = add(QStringLiteral("Plástico"), QStringLiteral("Dm"), 122, 6 * 60'000 + 50'000);
        decisiones = add(QStringLiteral("Decisiones"), QStringLiteral("F#"), 100, 0);
        ligia = add(QStringLiteral("Ligia Elena"), QStringLiteral("C"), 180, 5 * 60'000);
        Show show;
        show.name = QStringLiteral("Salsa night");
        show.date = QDate(2026, 12, 4);
        show.startTime = QTime(21, 0);
        show.venue = QStringLiteral("Café Oslo");
        show.city = QStringLiteral("Oslo");
        show.slotMinutes = 20;
        show.fee = 3000;
        showId = repo().saveShow(show).value_or(QString());
        ASSERT_FALSE(showId.isEmpty());
        set1 = repo().addSet(showId, QStringLiteral("Set 1")).value_or(QString());
        encore = repo().addSet(showId, QStringLiteral("Encore"), SetKind::Encore).value_or(QString());
    }

    SetlistRepository repo() { return SetlistRepository(*db); }

    QStringList order(const QString& setId)
    {
        auto plan = repo().plan(showId);
        EXPECT_TRUE(plan.has_value());
        QStringList ids;
        for (const Setlist& set : plan->sets) {
            if (set.id == setId) {
                for (const SetlistEntry& entry : set.entries) {
                    ids << (entry.kind == EntryKind::Break ? QStringLiteral("break") : entry.songId);
                }
            }
        }
        return ids;
    }

    int outboxRows(const QString& entity, const QString& id)
    {
        return sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM outbox WHERE entity = ? AND id = ?"), {entity, id})->toInt();
    }

    bandmate::test::TempDir dir;
    std::unique_ptr<Database> db;
    QString pedro, plastico, decisiones, ligia, showId, set1, encore;
};

TEST_F(SetlistTest, EntriesKeepTheirOrderThroughInsertsAndMoves)
{
    const QString a = *repo().addSong(set1, pedro);
    const QString b = *repo().addSong(set1, plastico);
    const QString c = *repo().addSong(set1, decisiones, b);  // before Plástico
    EXPECT_EQ(order(set1), (QStringList{pedro, decisiones, plastico}));
    ASSERT_TRUE(repo().moveEntry(a, set1).has_value());  // to the end
    EXPECT_EQ(order(set1), (QStringList{decisiones, plastico, pedro}));
    ASSERT_TRUE(repo().moveEntry(b, encore).has_value());  // into the encore
    EXPECT_EQ(order(set1), (QStringList{decisiones, pedro}));
    EXPECT_EQ(order(encore), (QStringList{plastico}));
    ASSERT_TRUE(repo().moveEntry(a, set1, c).has_value());
    EXPECT_EQ(order(set1), (QStringList{pedro, decisiones}));
    ASSERT_TRUE(repo().removeEntry(c).has_value());
    EXPECT_EQ(order(set1), (QStringList{pedro}));
    EXPECT_FALSE(repo().moveEntry(a, set1, QStringLiteral("nope")).has_value());
    EXPECT_FALSE(repo().addSong(set1, QStringLiteral("no-such-song")).has_value());
}

TEST_F(SetlistTest, AThousandInsertsAtOneSpotKeepKeysShortAndTheOrderRight)
{
    // A musician building a long list by always adding just before the closer.
    const QString closer = *repo().addSong(set1, ligia);
    QStringList expected;
    for (int i = 0; i < 1000; ++i) {
        const QString song = i % 2 == 0 ? pedro : plastico;
        ASSERT_TRUE(repo().addSong(set1, song, closer).has_value()) << i;
        expected << song;
    }
    expected << ligia;
    EXPECT_EQ(order(set1), expected);
    const int longest = sql::scalar(db->connection(), QStringLiteral("SELECT max(length(position)) FROM setlist_entry"))->toInt();
    EXPECT_LE(longest, 49) << "keys are rewritten before they grow long";
}

TEST_F(SetlistTest, AMalformedPositionFromAnotherComputerDoesNotBreakTheList)
{
    const QString a = *repo().addSong(set1, pedro);
    const QString b = *repo().addSong(set1, plastico);
    qint64 stampMs = QDateTime::currentMSecsSinceEpoch();
    for (const QString& malformed : {QStringLiteral("a!"), QStringLiteral("x0"), QStringLiteral(""), QStringLiteral("ñ")}) {
        stampMs += 60'000;  // each newer than the fresh keys written meanwhile
        // What a buggy or hostile peer could send.
        auto transaction = Transaction::begin(db->connection());
        ASSERT_TRUE(ChangeTracker(*db).applyRemote({QStringLiteral("setlist_entry"), b, QStringLiteral("position"), malformed,
                                                    FieldStamp{Hlc{stampMs, 0}, QStringLiteral("peer")}})
                        .value());
        ASSERT_TRUE(transaction->commit().has_value());
        auto before = repo().addSong(set1, decisiones, b);
        ASSERT_TRUE(before.has_value()) << malformed.toStdString() << ": " << before.error().toString();
        auto after = repo().addSong(set1, ligia);
        ASSERT_TRUE(after.has_value()) << malformed.toStdString() << ": " << after.error().toString();
        const QStringList now = order(set1);
        EXPECT_EQ(now.indexOf(decisiones), now.indexOf(plastico) - 1) << malformed.toStdString() << " " << now.join(QLatin1Char(',')).toStdString() << " p=" << plastico.toStdString();
        EXPECT_EQ(now.last(), ligia) << malformed.toStdString();
        ASSERT_TRUE(repo().removeEntry(*before).has_value());
        ASSERT_TRUE(repo().removeEntry(*after).has_value());
        EXPECT_TRUE(order(set1).contains(pedro));
        (void)a;
    }
}

TEST_F(SetlistTest, MovingAnEntryRewritesOnlyItsPosition)
{
    const QString a = *repo().addSong(set1, pedro);
    (void)*repo().addSong(set1, plastico);
    ASSERT_TRUE(sql::exec(db->connection(), QStringLiteral("DELETE FROM outbox")).has_value());
    ASSERT_TRUE(repo().moveEntry(a, set1).has_value());
    auto fields = sql::run(db->connection(), QStringLiteral("SELECT entity, field FROM outbox"));
    QStringList written;
    while (fields->next()) {
        written << fields->value(0).toString() + QLatin1Char('.') + fields->value(1).toString();
    }
    EXPECT_EQ(written, QStringList{QStringLiteral("setlist_entry.position")});
}

TEST_F(SetlistTest, SetsMoveAndRemoveWithTheirEntries)
{
    (void)*repo().addSong(encore, ligia);
    ASSERT_TRUE(repo().moveSet(encore, set1).has_value());
    auto plan = *repo().plan(showId);
    ASSERT_EQ(plan.sets.size(), 2);
    EXPECT_EQ(plan.sets[0].id, encore);
    ASSERT_TRUE(repo().removeSet(encore).has_value());
    plan = *repo().plan(showId);
    ASSERT_EQ(plan.sets.size(), 1);
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM setlist_entry WHERE deleted = 0"))->toInt(), 0);
    ASSERT_TRUE(repo().removeShow(showId).has_value());
    EXPECT_EQ(repo().shows()->size(), 0);
    EXPECT_EQ(repo().plan(showId).error().code, ErrorCode::NotFound);
}

TEST_F(SetlistTest, ShowDetailsAreValidated)
{
    Show show;
    show.name = QStringLiteral("No date");
    EXPECT_EQ(repo().saveShow(show).error().where, "date");
    show.date = QDate(2026, 1, 1);
    show.slotMinutes = -5;
    EXPECT_EQ(repo().saveShow(show).error().where, "slot_minutes");
    show.slotMinutes = 0;
    show.id = QStringLiteral("missing");
    EXPECT_EQ(repo().saveShow(show).error().code, ErrorCode::NotFound);
    EXPECT_EQ(repo().shows()->size(), 1);
}

TEST_F(SetlistTest, AnUnknownTempoMakesNoJumpAndFourStepsOnTheCircleOfFifthsAreAKeyJump)
{
    library::SongRepository songs(*db);
    const auto add = [&](const QString& title, double bpm, const QString& key) {
        Song song;
        song.title = title;
        song.bpm = bpm;
        song.key = key;
        song.durationMs = 4 * 60'000;
        return songs.save(song).value_or(QString());
    };
    (void)*repo().addSong(set1, add(QStringLiteral("Sin tempo"), 0, QStringLiteral("C")));  // no BPM known
    (void)*repo().addSong(set1, add(QStringLiteral("Rápida"), 130, QStringLiteral("C")));
    (void)*repo().addSong(set1, add(QStringLiteral("Cuatro quintas"), 130, QStringLiteral("E")));  // C → E: 4 steps
    (void)*repo().addSong(set1, add(QStringLiteral("Tres quintas"), 130, QStringLiteral("C#")));   // E → C#: 3 steps
    auto sheet = buildRunSheet(*repo().plan(showId), *db);
    ASSERT_TRUE(sheet.has_value());
    ASSERT_EQ(sheet->rows.size(), 4);
    EXPECT_TRUE(sheet->rows[1].warnings.isEmpty()) << "an unknown tempo is no jump: " << sheet->rows[1].warnings.join(u';').toStdString();
    EXPECT_EQ(sheet->rows[2].warnings, QStringList{QStringLiteral("key jump C → E")});
    EXPECT_TRUE(sheet->rows[3].warnings.isEmpty()) << sheet->rows[3].warnings.join(u';').toStdString();
}

TEST(SetlistTextTest, ATitleOfTwoHundredCharactersIsATitleAndOneMoreIsRefused)
{
    const QString longest(200, QLatin1Char('a'));
    auto read = parseSetlistText((longest + QLatin1Char('\n')).toUtf8());
    ASSERT_TRUE(read.has_value()) << read.error().toString();
    EXPECT_EQ(read->value(0).value(0), longest);
    EXPECT_FALSE(parseSetlistText((longest + QStringLiteral("a\n")).toUtf8()).has_value());
}

TEST_F(SetlistTest, RunSheetPlansTimesAndWarns)
{
    (void)*repo().addSong(set1, plastico);    // 6:50, Dm 122
    (void)*repo().addSong(set1, decisiones);  // unknown length, F# 100 → key jump from Dm
    (void)*repo().addBreak(set1, QStringLiteral("Tuning"), 2 * 60'000);
    (void)*repo().addSong(set1, ligia);  // after a break: no flow check
    const QString last = *repo().addSong(encore, pedro);
    SetlistEntry transposed = *repo().entry(last);
    transposed.transpose = 2;
    transposed.notes = QStringLiteral("guest: Ana, \"timbales\"");
    ASSERT_TRUE(repo().updateEntry(transposed).has_value());

    auto sheet = buildRunSheet(*repo().plan(showId), *db);
    ASSERT_TRUE(sheet.has_value());
    ASSERT_EQ(sheet->rows.size(), 5);
    EXPECT_EQ(sheet->rows[0].plannedStart, QTime(21, 0));
    EXPECT_EQ(sheet->rows[1].plannedStart, QTime(21, 6, 50));
    EXPECT_TRUE(sheet->rows[1].durationAssumed);
    EXPECT_EQ(sheet->rows[2].plannedStart, QTime(21, 10, 50));
    EXPECT_EQ(sheet->rows[3].plannedStart, QTime(21, 12, 50));
    EXPECT_EQ(sheet->rows[4].plannedStart, QTime(21, 17, 50));
    EXPECT_EQ(sheet->rows[4].key, QStringLiteral("Bm"));
    EXPECT_EQ(sheet->rows[4].number, 4);
    EXPECT_EQ(sheet->rows[1].warnings, QStringList{QStringLiteral("key jump Dm → F#")});
    EXPECT_TRUE(sheet->rows[3].warnings.isEmpty());
    EXPECT_EQ(sheet->totalMs, (17 * 60 + 50 + 7 * 60 + 21) * 1000LL);
    EXPECT_TRUE(sheet->overSlot());
    EXPECT_TRUE(sheet->warnings.join(QLatin1Char('\n')).contains(QStringLiteral("5:11 over the 20-minute slot")));
    EXPECT_TRUE(sheet->warnings.join(QLatin1Char('\n')).contains(QStringLiteral("1 song(s) of unknown length")));

    // Neighbours far apart in tempo.
    (void)*repo().addSong(set1, plastico);  // Ligia 180 → Plástico 122
    sheet = buildRunSheet(*repo().plan(showId), *db);
    EXPECT_EQ(sheet->rows[4].warnings, QStringList{QStringLiteral("tempo jump 180 → 122 BPM")});
    EXPECT_TRUE(sheet->warnings.join(QLatin1Char('\n')).contains(QStringLiteral("“Plástico” is in the show twice")));

    const QString csv = runSheetCsv(*sheet);
    EXPECT_TRUE(csv.startsWith(QStringLiteral("set,number,start,title,artist,key,bpm,length,notes,warnings\r\n")));
    EXPECT_TRUE(csv.contains(QStringLiteral("Encore,5,21:25,Pedro Navaja,Rubén Blades,Bm,96,7:21,\"guest: Ana, \"\"timbales\"\"\",\r\n"))) << csv.toStdString();
    const QJsonObject json = showJson(*repo().plan(showId), *sheet);
    EXPECT_EQ(json[QStringLiteral("sets")].toArray().size(), 2);
    EXPECT_EQ(json[QStringLiteral("over_slot")].toBool(), true);
    EXPECT_EQ(json[QStringLiteral("sets")][1][QStringLiteral("entries")][0][QStringLiteral("transpose")].toInt(), 2);
    EXPECT_EQ(setlistText(*sheet), QStringLiteral("# Set: Set 1\nPlástico\nDecisiones\nLigia Elena\nPlástico\n\n# Encore: Encore\nPedro Navaja\n"));
    const QString html = sheetHtml(*repo().plan(showId), *sheet, SheetStyle::Band);
    EXPECT_TRUE(html.contains(QStringLiteral("key jump Dm → F#")));
    EXPECT_TRUE(html.contains(QStringLiteral("transpose +2"))) << "the transposed song says so";
    EXPECT_EQ(html.count(QStringLiteral("transpose ")), 1) << "and only it";
    EXPECT_TRUE(sheetHtml(*repo().plan(showId), *sheet, SheetStyle::Stage).contains(QStringLiteral("Ligia Elena")));
}

TEST_F(SetlistTest, MarkingPerformedRecordsPlaysAndAShowOnce)
{
    (void)*repo().addSong(set1, pedro);
    (void)*repo().addBreak(set1, {}, 60'000);
    (void)*repo().addSong(encore, ligia);
    const QDateTime at(QDate(2026, 12, 4), QTime(21, 5));
    auto plays = repo().markPerformed(showId, at);
    ASSERT_TRUE(plays.has_value()) << plays.error().toString();
    EXPECT_EQ(*plays, 2);
    library::SongRepository songs(*db);
    EXPECT_EQ(*songs.playCount(pedro), 1);
    EXPECT_EQ(*songs.playCount(ligia), 1);
    const QDateTime ligiaAt = QDateTime::fromMSecsSinceEpoch(
        sql::scalar(db->connection(), QStringLiteral("SELECT at FROM play_event WHERE song_id = ?"), {ligia})->toLongLong());
    EXPECT_EQ(ligiaAt, at.addMSecs((7 * 60 + 21 + 60) * 1000));
    roadmap::ProgressRepository progress(*db);
    EXPECT_EQ(progress.series(QStringLiteral("shows_played"))->size(), 1);
    EXPECT_EQ(progress.series(QStringLiteral("paid_shows"))->size(), 1);
    EXPECT_EQ(repo().show(showId)->performedAt, at);
    auto again = repo().markPerformed(showId, at);
    ASSERT_FALSE(again.has_value());
    EXPECT_NE(again.error().message.find("already marked performed"), std::string::npos);
    EXPECT_EQ(*songs.playCount(pedro), 1);
}

TEST_F(SetlistTest, PlainTextImportMatchesTitlesAndCreatesTheRest)
{
    auto groups = parseSetlistText(QByteArray("\xEF\xBB\xBFpedro navaja\n  Plástico  \n# a comment\n\n\nLa Rebelión\n"));
    ASSERT_TRUE(groups.has_value()) << groups.error().toString();
    ASSERT_EQ(groups->size(), 2);
    Show show;
    show.name = QStringLiteral("Imported");
    show.date = QDate(2026, 6, 1);
    auto report = repo().importText(show, *groups);
    ASSERT_TRUE(report.has_value()) << report.error().toString();
    EXPECT_EQ(report->songs, 3);
    EXPECT_EQ(report->createdSongs, QStringList{QStringLiteral("La Rebelión")});
    auto plan = *repo().plan(report->showId);
    ASSERT_EQ(plan.sets.size(), 2);
    EXPECT_EQ(plan.sets[0].entries[0].songId, pedro);
    EXPECT_EQ(plan.sets[0].entries[1].songId, plastico);
    EXPECT_EQ(plan.sets[1].kind, SetKind::Encore);
    // The text round-trips.
    EXPECT_EQ(setlistText(*buildRunSheet(plan, *db)),
              QStringLiteral("# Set: Set 1\nPedro Navaja\nPlástico\n\n# Encore: Encore\nLa Rebelión\n"));
}

TEST_F(SetlistTest, AnEscapedLineIsTrimmedAfterItsBackslashSoItStillMatchesTheLibrary)
{
    // Found by fuzzing (tests/fuzz/regressions/setlist_text): "\  Plástico" was the title
    // "  Plástico", which matched no song and made a new one with spaces in front.
    auto groups = parseSetlistText(QByteArray("\\  Plástico\n\\#1 hit\n\\ \n"));
    ASSERT_TRUE(groups.has_value()) << groups.error().toString();
    EXPECT_EQ(*groups, (QList<QStringList>{{QStringLiteral("Plástico"), QStringLiteral("#1 hit")}}));
    Show show;
    show.name = QStringLiteral("Escaped");
    show.date = QDate(2026, 6, 1);
    auto report = repo().importText(show, *groups);
    ASSERT_TRUE(report.has_value()) << report.error().toString();
    EXPECT_EQ(report->createdSongs, QStringList{QStringLiteral("#1 hit")}) << "Plástico is the library's";
}

TEST_F(SetlistTest, PlainTextExportReadsBackAsTheSameShow)
{
    // Two sets and an encore, a title that looks like a comment, one with a backslash, and a
    // song that was deleted from the library since.
    Song hit;
    hit.title = QStringLiteral("#1 hit");
    const QString hitId = *library::SongRepository(*db).save(hit);
    Song slash;
    slash.title = QStringLiteral("\\o/ Fiesta");
    const QString slashId = *library::SongRepository(*db).save(slash);
    Song spaced;
    spaced.title = QStringLiteral("Two\tparts\nof a title");  // as another computer may hold it
    const QString spacedId = *library::SongRepository(*db).save(spaced);
    Song gone;
    gone.title = QStringLiteral("Soon gone");
    const QString goneId = *library::SongRepository(*db).save(gone);
    const QString set2 = *repo().addSet(showId, QStringLiteral("Set 2"));
    (void)*repo().addSong(set1, pedro);
    (void)*repo().addSong(set1, hitId);
    (void)*repo().addSong(set1, goneId);
    (void)*repo().addSong(set2, slashId);
    (void)*repo().addSong(set2, plastico);
    (void)*repo().addSong(encore, ligia);
    (void)*repo().addSong(encore, spacedId);
    ASSERT_TRUE(library::SongRepository(*db).remove(goneId).has_value());
    const QString text = setlistText(*buildRunSheet(*repo().plan(showId), *db));
    EXPECT_FALSE(text.contains(QStringLiteral("removed"))) << text.toStdString();
    auto groups = parseSetlistText(text.toUtf8());
    ASSERT_TRUE(groups.has_value()) << groups.error().toString();
    // (Set 2 was added after the encore, so it plays last.)
    EXPECT_EQ(*groups, (QList<QStringList>{{QStringLiteral("Pedro Navaja"), QStringLiteral("#1 hit")},
                                           {QStringLiteral("Ligia Elena"), QStringLiteral("Two parts of a title")},
                                           {QStringLiteral("\\o/ Fiesta"), QStringLiteral("Plástico")}}))
        << text.toStdString();

    // Imported again, every set comes back with its kind and name: Set 2 stays a set.
    auto withKinds = parseSetlistGroups(text.toUtf8());
    ASSERT_TRUE(withKinds.has_value());
    Show again;
    again.name = QStringLiteral("Again");
    again.date = QDate(2026, 12, 12);
    auto report = repo().importText(again, *withKinds);
    ASSERT_TRUE(report.has_value()) << report.error().toString();
    const ShowPlan plan = *repo().plan(report->showId);
    ASSERT_EQ(plan.sets.size(), 3);
    EXPECT_EQ(plan.sets[0].name, QStringLiteral("Set 1"));
    EXPECT_EQ(plan.sets[0].kind, SetKind::Set);
    EXPECT_EQ(plan.sets[1].name, QStringLiteral("Encore"));
    EXPECT_EQ(plan.sets[1].kind, SetKind::Encore);
    EXPECT_EQ(plan.sets[2].name, QStringLiteral("Set 2"));
    EXPECT_EQ(plan.sets[2].kind, SetKind::Set) << "was an encore after a text round trip";
    EXPECT_EQ(setlistText(*buildRunSheet(plan, *db)), text) << "the text round-trips";
}

TEST_F(SetlistTest, SetHeadersFromOtherHandsReadSensibly)
{
    // A very long set name still reads back (cut to 100 characters), and headers without a name
    // get one by their kind.
    const QString longName = QString(250, QLatin1Char('n'));
    ASSERT_TRUE(repo().renameSet(set1, longName, SetKind::Set).has_value());
    (void)*repo().addSong(set1, pedro);
    const QString text = setlistText(*buildRunSheet(*repo().plan(showId), *db));
    auto groups = parseSetlistGroups(text.toUtf8());
    ASSERT_TRUE(groups.has_value()) << groups.error().toString();
    EXPECT_EQ(groups->first().name, longName.left(100));

    auto unnamed = parseSetlistGroups(QByteArray("# Encore:\nPedro Navaja\n\n# Set:\nPlástico\n"));
    ASSERT_TRUE(unnamed.has_value());
    Show show;
    show.name = QStringLiteral("Unnamed");
    show.date = QDate(2026, 12, 12);
    auto report = repo().importText(show, *unnamed);
    ASSERT_TRUE(report.has_value()) << report.error().toString();
    const ShowPlan plan = *repo().plan(report->showId);
    ASSERT_EQ(plan.sets.size(), 2);
    EXPECT_EQ(plan.sets[0].name, QStringLiteral("Encore"));
    EXPECT_EQ(plan.sets[0].kind, SetKind::Encore);
    EXPECT_EQ(plan.sets[1].name, QStringLiteral("Set 1"));
    EXPECT_EQ(plan.sets[1].kind, SetKind::Set);
}

TEST_F(SetlistTest, PlannedStartsRoundLikeTheLengthsBesideThem)
{
    Song almostThree;
    almostThree.title = QStringLiteral("Almost three");
    almostThree.durationMs = 2 * 60'000 + 59'700;
    const QString id = *library::SongRepository(*db).save(almostThree);
    (void)*repo().addSong(set1, id);
    (void)*repo().addSong(set1, pedro);
    auto sheet = buildRunSheet(*repo().plan(showId), *db);
    ASSERT_TRUE(sheet.has_value());
    EXPECT_EQ(formatDuration(sheet->rows[0].durationMs), QStringLiteral("3:00"));
    EXPECT_EQ(formatStart(sheet->rows[0].plannedStart), QStringLiteral("21:00"));
    EXPECT_EQ(formatStart(sheet->rows[1].plannedStart), QStringLiteral("21:03")) << "not 21:02 after a song shown as 3:00";
    EXPECT_TRUE(runSheetCsv(*sheet).contains(QStringLiteral(",21:03,Pedro Navaja,"))) << runSheetCsv(*sheet).toStdString();
}

TEST_F(SetlistTest, BadTextSaysWhichLineAndChangesNothing)
{
    EXPECT_EQ(parseSetlistText(QByteArray("One\nTwo\xff\xfe\n")).error().toString(), "line 2: not UTF-8 text");
    EXPECT_EQ(parseSetlistText(QByteArray("One\n\nTw\x01o\n")).error().where, "line 3");
    EXPECT_EQ(parseSetlistText(QByteArray("One\n") + QByteArray(300, 'x')).error().where, "line 2");
    EXPECT_EQ(parseSetlistText(QByteArray("\n\n# only comments\n")).error().code, ErrorCode::InvalidInput);
    // An import that fails half-way leaves nothing behind.
    Show show;
    show.name = QStringLiteral("Bad");
    show.date = QDate(2026, 6, 1);
    const int songsBefore = sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM song"))->toInt();
    EXPECT_FALSE(repo().importText(show, {{QStringLiteral("New song"), QString()}}).has_value());  // an empty title fails
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM song"))->toInt(), songsBefore);
    EXPECT_EQ(repo().shows()->size(), 1);
}

}  // namespace

TEST_F(SetlistTest, TheJsonExportHoldsEveryFieldFormatsMdListsWithItsValue)
{
    // resources/setlists/FORMATS.md, "JSON — export": every field, no other, each with the value
    // the show holds (a renamed or dropped field, a wrong unit or type fails here).
    const QString first = *repo().addSong(set1, plastico);  // 21:00, 6:50
    const QString pause = *repo().addBreak(set1, QStringLiteral("Tuning"), 2 * 60'000);  // 21:06:50
    SetlistEntry breakEntry = *repo().entry(pause);
    breakEntry.notes = QStringLiteral("tune the tres");
    ASSERT_TRUE(repo().updateEntry(breakEntry).has_value());
    const QString unknown = *repo().addSong(set1, decisiones);  // 21:08:50, unknown: 4:00 assumed
    const QString last = *repo().addSong(encore, pedro);        // 21:12:50, 7:21
    SetlistEntry transposed = *repo().entry(last);
    transposed.transpose = 2;
    transposed.notes = QStringLiteral("guest: Ana");
    ASSERT_TRUE(repo().updateEntry(transposed).has_value());
    Show show = *repo().show(showId);
    show.notes = QStringLiteral("load-in 19:00");
    ASSERT_TRUE(repo().saveShow(show).has_value());

    const auto keys = [](const QJsonObject& object) {
        QStringList names = object.keys();
        names.sort();
        return names;
    };
    const auto sorted = [](QStringList names) {
        names.sort();
        return names;
    };
    auto plan = *repo().plan(showId);
    auto sheet = *buildRunSheet(plan, *db);
    QJsonObject json = showJson(plan, sheet);
    EXPECT_EQ(keys(json), sorted({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("date"), QStringLiteral("start_time"), QStringLiteral("venue"),
                                  QStringLiteral("city"), QStringLiteral("slot_minutes"), QStringLiteral("fee"), QStringLiteral("notes"),
                                  QStringLiteral("performed_at"), QStringLiteral("total_ms"), QStringLiteral("over_slot"), QStringLiteral("warnings"),
                                  QStringLiteral("sets")}));
    EXPECT_EQ(json[QStringLiteral("id")].toString(), showId);
    EXPECT_EQ(json[QStringLiteral("name")].toString(), QStringLiteral("Salsa night"));
    EXPECT_EQ(json[QStringLiteral("date")].toString(), QStringLiteral("2026-12-04"));
    EXPECT_EQ(json[QStringLiteral("start_time")].toString(), QStringLiteral("21:00"));
    EXPECT_EQ(json[QStringLiteral("venue")].toString(), QStringLiteral("Café Oslo"));
    EXPECT_EQ(json[QStringLiteral("city")].toString(), QStringLiteral("Oslo"));
    EXPECT_EQ(json[QStringLiteral("slot_minutes")].toInt(-1), 20);
    EXPECT_EQ(json[QStringLiteral("fee")].toDouble(-1), 3000.0);
    EXPECT_EQ(json[QStringLiteral("notes")].toString(), QStringLiteral("load-in 19:00"));
    EXPECT_TRUE(json[QStringLiteral("performed_at")].isString());
    EXPECT_EQ(json[QStringLiteral("performed_at")].toString(), QString()) << "not performed: \"\"";
    const qint64 total = (6 * 60 + 50 + 2 * 60 + 4 * 60 + 7 * 60 + 21) * 1000LL;
    EXPECT_EQ(json[QStringLiteral("total_ms")].toInteger(-1), total);
    EXPECT_TRUE(json[QStringLiteral("over_slot")].isBool());
    EXPECT_TRUE(json[QStringLiteral("over_slot")].toBool()) << "20:11 in a 20-minute slot";
    QStringList warnings;
    for (const auto& warning : json[QStringLiteral("warnings")].toArray()) {
        warnings << warning.toString();
    }
    EXPECT_EQ(warnings, sheet.warnings);
    EXPECT_FALSE(warnings.isEmpty());

    const QJsonArray sets = json[QStringLiteral("sets")].toArray();
    ASSERT_EQ(sets.size(), 2);
    const QStringList setKeys = sorted({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("entries")});
    EXPECT_EQ(keys(sets[0].toObject()), setKeys);
    EXPECT_EQ(keys(sets[1].toObject()), setKeys);
    EXPECT_EQ(sets[0][QStringLiteral("id")].toString(), set1);
    EXPECT_EQ(sets[0][QStringLiteral("name")].toString(), QStringLiteral("Set 1"));
    EXPECT_EQ(sets[0][QStringLiteral("kind")].toString(), QStringLiteral("set"));
    EXPECT_EQ(sets[1][QStringLiteral("id")].toString(), encore);
    EXPECT_EQ(sets[1][QStringLiteral("kind")].toString(), QStringLiteral("encore"));

    const QStringList common{QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("title"), QStringLiteral("start"), QStringLiteral("duration_ms"),
                             QStringLiteral("notes")};
    const QStringList songKeys = sorted(common + QStringList{QStringLiteral("song_id"), QStringLiteral("artist"), QStringLiteral("key"), QStringLiteral("bpm"),
                                                             QStringLiteral("transpose"), QStringLiteral("duration_assumed"), QStringLiteral("warnings")});
    const QJsonArray entries = sets[0][QStringLiteral("entries")].toArray();
    ASSERT_EQ(entries.size(), 3);
    const QJsonObject song = entries[0].toObject();
    EXPECT_EQ(keys(song), songKeys);
    EXPECT_EQ(song[QStringLiteral("id")].toString(), first);
    EXPECT_EQ(song[QStringLiteral("kind")].toString(), QStringLiteral("song"));
    EXPECT_EQ(song[QStringLiteral("title")].toString(), QStringLiteral("Plástico"));
    EXPECT_EQ(song[QStringLiteral("start")].toString(), QStringLiteral("21:00"));
    EXPECT_EQ(song[QStringLiteral("duration_ms")].toInteger(-1), 6 * 60'000 + 50'000);
    EXPECT_EQ(song[QStringLiteral("song_id")].toString(), plastico);
    EXPECT_EQ(song[QStringLiteral("artist")].toString(), QStringLiteral("Rubén Blades"));
    EXPECT_EQ(song[QStringLiteral("key")].toString(), QStringLiteral("Dm"));
    EXPECT_EQ(song[QStringLiteral("bpm")].toDouble(-1), 122.0);
    EXPECT_EQ(song[QStringLiteral("transpose")].toInt(-1), 0);
    EXPECT_FALSE(song[QStringLiteral("duration_assumed")].toBool(true));
    EXPECT_TRUE(song[QStringLiteral("warnings")].isArray());
    const QJsonObject tuning = entries[1].toObject();
    EXPECT_EQ(keys(tuning), sorted(common)) << "a break has no song fields";
    EXPECT_EQ(tuning[QStringLiteral("id")].toString(), pause);
    EXPECT_EQ(tuning[QStringLiteral("kind")].toString(), QStringLiteral("break"));
    EXPECT_EQ(tuning[QStringLiteral("title")].toString(), QStringLiteral("Tuning"));
    EXPECT_EQ(tuning[QStringLiteral("start")].toString(), QStringLiteral("21:07")) << "21:06:50, to the nearest minute";
    EXPECT_EQ(tuning[QStringLiteral("duration_ms")].toInteger(-1), 2 * 60'000);
    EXPECT_EQ(tuning[QStringLiteral("notes")].toString(), QStringLiteral("tune the tres"));
    const QJsonObject assumed = entries[2].toObject();
    EXPECT_EQ(assumed[QStringLiteral("id")].toString(), unknown);
    EXPECT_TRUE(assumed[QStringLiteral("duration_assumed")].toBool(false));
    EXPECT_EQ(assumed[QStringLiteral("duration_ms")].toInteger(-1), 4 * 60'000);
    EXPECT_EQ(assumed[QStringLiteral("start")].toString(), QStringLiteral("21:09"));
    const QJsonObject encoreSong = sets[1][QStringLiteral("entries")][0].toObject();
    EXPECT_EQ(encoreSong[QStringLiteral("transpose")].toInt(-1), 2);
    EXPECT_EQ(encoreSong[QStringLiteral("key")].toString(), QStringLiteral("Bm")) << "Am up two semitones";
    EXPECT_EQ(encoreSong[QStringLiteral("notes")].toString(), QStringLiteral("guest: Ana"));
    EXPECT_EQ(encoreSong[QStringLiteral("start")].toString(), QStringLiteral("21:13"));

    // Performed: an ISO date-time.
    ASSERT_TRUE(repo().markPerformed(showId, QDateTime(QDate(2026, 12, 4), QTime(21, 0))).has_value());
    plan = *repo().plan(showId);
    json = showJson(plan, *buildRunSheet(plan, *db));
    EXPECT_TRUE(QDateTime::fromString(json[QStringLiteral("performed_at")].toString(), Qt::ISODate).isValid()) << json[QStringLiteral("performed_at")].toString().toStdString();
}
