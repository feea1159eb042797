// Chord charts, play counting, and relocating and de-duplicating audio files on real files.
#include "core/library/ChordPro.h"
#include "core/library/MediaFiles.h"
#include "core/library/PlayCounter.h"
#include "core/library/Playlists.h"
#include "core/library/Songs.h"
#include "tests/support/TestDatabase.h"

#include <QDir>

using namespace bandmate::core;
using namespace bandmate::core::library;

namespace {

TEST(ChordProTest, ParsesDirectivesChordsAndChorus)
{
    const ChordChart chart = parseChordPro(QStringLiteral("{title: Chan Chan}\n{key: Dm}\n# a remark\n[Dm]De Alto [F]Cedro voy para [Gm]Marcané\n\n"
                                                          "{soc}\n[A7]El cariño que te [Dm]tengo\n{eoc}\n{c: slow down}\n{unknown_thing}"));
    EXPECT_EQ(chart.title, QStringLiteral("Chan Chan"));
    EXPECT_EQ(chart.key, QStringLiteral("Dm"));
    ASSERT_GE(chart.lines.size(), 5);
    EXPECT_EQ(chart.lines[0].text, QStringLiteral("De Alto Cedro voy para Marcané"));
    ASSERT_EQ(chart.lines[0].chords.size(), 3);
    EXPECT_EQ(chart.lines[0].chords[1], (QPair<int, QString>{8, QStringLiteral("F")}));
    EXPECT_EQ(chart.lines[2].kind, ChordLine::Kind::Section);
    EXPECT_TRUE(chart.lines[3].chorus);
    EXPECT_EQ(chart.lines[4].kind, ChordLine::Kind::Comment);
    EXPECT_EQ(chart.lines[4].text, QStringLiteral("slow down"));
    EXPECT_EQ(chart.lines[5].text, QStringLiteral("unknown_thing"));
}

TEST(ChordProTest, TransposesOnScreenAndKeepsChordsOverTheirSyllables)
{
    const ChordChart chart = parseChordPro(QStringLiteral("{key: Dm}\n[Dm]De Alto [F]Cedro\n[A7][Dm]Go"));
    const QString html = chordChartHtml(chart, 2);
    EXPECT_TRUE(html.contains(QStringLiteral("Key: Em")));
    EXPECT_TRUE(html.contains(QStringLiteral(">Em      G</b>\nDe Alto Cedro\n")));  // chords over their syllables
    // Two chords on one syllable: the lyrics make room.
    EXPECT_TRUE(html.contains(QStringLiteral(">B7 Em</b>\n   Go\n")));
    EXPECT_TRUE(chordChartHtml(chart, 1, true).contains(QStringLiteral(">Ebm     Gb</b>")));
}

TEST(PlayCounterTest, HalfTheSongOrThirtySecondsOfListening)
{
    PlayCounter counter;
    counter.start(QStringLiteral("short"), 40'000);  // half = 20 s
    int counted = 0;
    for (qint64 ms = 0; ms <= 40'000; ms += 250) {
        counted += counter.positionChanged(ms) ? 1 : 0;
        if (ms == 19'750) {
            EXPECT_EQ(counted, 0);
        }
    }
    EXPECT_EQ(counted, 1);  // once
    counter.start(QStringLiteral("long"), 7 * 60'000);
    EXPECT_FALSE(counter.positionChanged(500));
    EXPECT_FALSE(counter.positionChanged(200'000));  // a seek ahead is not listening
    for (qint64 ms = 200'250; ms < 229'000; ms += 250) {
        EXPECT_FALSE(counter.positionChanged(ms)) << ms;
    }
    EXPECT_TRUE(counter.positionChanged(230'750));
    counter.stop();
    EXPECT_FALSE(counter.positionChanged(231'000));
}

class MediaFilesTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        db = bandmate::test::openTestDatabase(dir);
        ASSERT_NE(db, nullptr);
    }
    QString addFile(const QString& path, const QString& hash, bool missing)
    {
        MediaFile file;
        file.path = path;
        file.size = 100;
        file.contentHash = hash;
        file.missing = missing;
        return MediaFileRepository(*db).save(file).value();
    }
    bandmate::test::TempDir dir;
    std::unique_ptr<Database> db;
};

TEST_F(MediaFilesTest, RelocatesOneFileOrAWholeFolder)
{
    const QString oldRoot = dir.file(QStringLiteral("old"));
    const QString newRoot = dir.file(QStringLiteral("new"));
    QDir().mkpath(newRoot + QStringLiteral("/salsa"));
    bandmate::test::writeAll(newRoot + QStringLiteral("/salsa/a.flac"), "a");
    bandmate::test::writeAll(newRoot + QStringLiteral("/b.flac"), "b");
    const QString a = addFile(oldRoot + QStringLiteral("/salsa/a.flac"), QStringLiteral("h1"), true);
    addFile(oldRoot + QStringLiteral("/b.flac"), QStringLiteral("h2"), true);
    addFile(oldRoot + QStringLiteral("/gone.flac"), QStringLiteral("h3"), true);
    MediaFileRepository files(*db);
    EXPECT_EQ(files.relocateFolder(oldRoot, newRoot + QLatin1Char('/')).value(), 2);
    EXPECT_FALSE(files.byPath(newRoot + QStringLiteral("/salsa/a.flac"))->value().missing);
    EXPECT_TRUE(files.byPath(oldRoot + QStringLiteral("/gone.flac"))->value().missing);
    // One file by hand; a path that does not exist or belongs to another file is refused.
    const QString gone = files.byPath(oldRoot + QStringLiteral("/gone.flac"))->value().id;
    EXPECT_EQ(files.relocate(gone, newRoot + QStringLiteral("/nothing.flac")).error().code, ErrorCode::NotFound);
    EXPECT_EQ(files.relocate(gone, newRoot + QStringLiteral("/b.flac")).error().code, ErrorCode::InvalidArgument);
    bandmate::test::writeAll(newRoot + QStringLiteral("/found.flac"), "c");
    EXPECT_TRUE(files.relocate(gone, newRoot + QStringLiteral("/found.flac")).has_value());
    EXPECT_EQ(files.under(oldRoot)->size(), 0);
    (void)a;
}

TEST_F(MediaFilesTest, FindsFilesWithTheSameContent)
{
    addFile(QStringLiteral("/m/a.flac"), QStringLiteral("same"), false);
    addFile(QStringLiteral("/m/copy of a.flac"), QStringLiteral("same"), false);
    addFile(QStringLiteral("/m/b.flac"), QStringLiteral("other"), false);
    const auto groups = MediaFileRepository(*db).duplicates();
    ASSERT_TRUE(groups.has_value());
    ASSERT_EQ(groups->size(), 1);
    EXPECT_EQ(groups->first().size(), 2);
}

}  // namespace

namespace {

class PlaylistTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        db = bandmate::test::openTestDatabase(dir);
        ASSERT_NE(db, nullptr);
        SongRepository songs(*db);
        for (const char* title : {"Uno", "Dos", "Tres"}) {
            Song song;
            song.title = QString::fromLatin1(title);
            song.bpm = title[0] == 'T' ? 180 : 100;
            ids << songs.save(song).value();
        }
    }
    QStringList titles(const QString& playlistId)
    {
        QStringList result;
        const auto songs = PlaylistRepository(*db).songs(playlistId);  // kept: a range-for over .value() of a temporary dangles
        for (const Song& song : songs.value()) {
            result << song.title;
        }
        return result;
    }
    bandmate::test::TempDir dir;
    std::unique_ptr<Database> db;
    QStringList ids;
};

TEST_F(PlaylistTest, OrderedListsKeepTheirOrder)
{
    PlaylistRepository playlists(*db);
    const QString rehearsal = playlists.create(QStringLiteral("Rehearsal"), Playlist::Kind::List).value();
    const QString a = playlists.add(rehearsal, ids[0]).value();
    (void)playlists.add(rehearsal, ids[1]).value();
    const QString c = playlists.add(rehearsal, ids[2], a).value();  // before Uno
    EXPECT_EQ(titles(rehearsal), (QStringList{QStringLiteral("Tres"), QStringLiteral("Uno"), QStringLiteral("Dos")}));
    ASSERT_TRUE(playlists.move(c, {}).has_value());
    EXPECT_EQ(titles(rehearsal), (QStringList{QStringLiteral("Uno"), QStringLiteral("Dos"), QStringLiteral("Tres")}));
    ASSERT_TRUE(playlists.removeItem(a).has_value());
    ASSERT_TRUE(SongRepository(*db).remove(ids[1]).has_value());  // a song gone from the library leaves the list too
    EXPECT_EQ(titles(rehearsal), QStringList{QStringLiteral("Tres")});
    EXPECT_EQ(playlists.add(rehearsal, QStringLiteral("nope")).error().code, ErrorCode::NotFound);
}

TEST_F(PlaylistTest, SavedSearchesFindTheirSongsNow)
{
    PlaylistRepository playlists(*db);
    const QString fast = playlists.create(QStringLiteral("Fast ones"), Playlist::Kind::Smart, QStringLiteral("bpm:>150")).value();
    EXPECT_EQ(titles(fast), QStringList{QStringLiteral("Tres")});
    Song song = SongRepository(*db).get(ids[0]).value();
    song.bpm = 170;
    ASSERT_TRUE(SongRepository(*db).save(song).has_value());
    EXPECT_EQ(titles(fast), (QStringList{QStringLiteral("Tres"), QStringLiteral("Uno")}));
    // A query that does not read is refused, saying where; songs are not added to a search.
    auto bad = playlists.create(QStringLiteral("Broken"), Playlist::Kind::Smart, QStringLiteral("bpm:>>"));
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().where, "query, column 5");
    EXPECT_FALSE(playlists.add(fast, ids[1]).has_value());
    ASSERT_TRUE(playlists.update({fast, QStringLiteral("Very fast"), Playlist::Kind::Smart, QStringLiteral("bpm:>175")}).has_value());
    EXPECT_EQ(titles(fast), QStringList{QStringLiteral("Tres")});
    ASSERT_EQ(playlists.playlists()->size(), 1);
    EXPECT_EQ(playlists.playlists()->first().name, QStringLiteral("Very fast"));
    ASSERT_TRUE(playlists.remove(fast).has_value());
    EXPECT_TRUE(playlists.playlists()->isEmpty());
}

}  // namespace
