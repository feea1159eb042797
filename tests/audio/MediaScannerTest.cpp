// The library scanner on real WAV files the test writes and tags with TagLib.
#include "audio/library/MediaScanner.h"
#include "core/library/MediaFiles.h"
#include "core/library/Songs.h"
#include "core/roadmap/ProgressRepository.h"
#include "tests/support/AudioFiles.h"
#include "tests/support/TestDatabase.h"

#include <taglib/fileref.h>
#include <taglib/tag.h>
#include <taglib/tpropertymap.h>

#include <QDir>
#include <QFile>

using namespace bandmate;

namespace {

void writeTagged(const QString& path, const char* title, const char* artist, int bpm = 0)
{
    ASSERT_TRUE(QDir().mkpath(QFileInfo(path).absolutePath()));
    ASSERT_TRUE(test::writeWav16(path.toStdString(), 44100, {std::vector<float>(44100, 0.1f)}));  // 1 s
    TagLib::FileRef file(QFile::encodeName(path).constData());
    ASSERT_FALSE(file.isNull());
    if (title != nullptr) {
        file.tag()->setTitle(TagLib::String(title, TagLib::String::UTF8));
    }
    file.tag()->setArtist(TagLib::String(artist, TagLib::String::UTF8));
    if (bpm > 0) {
        TagLib::PropertyMap properties = file.file()->properties();
        properties.replace("BPM", TagLib::StringList(TagLib::String::number(bpm)));
        file.file()->setProperties(properties);
    }
    ASSERT_TRUE(file.save());
}

QStringList titles(core::library::SongRepository& songs, const QString& query)
{
    QStringList result;
    for (const auto& song : songs.search(query).value_or(QList<core::library::Song>{})) {
        result << song.title;
    }
    result.sort();
    return result;
}

}  // namespace

TEST(MediaScanner, ScansTagsRescansIncrementallyReconnectsMovedFilesAndMarksMissingOnes)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    const QString music = dir.file(QStringLiteral("music"));
    writeTagged(music + QStringLiteral("/a.wav"), "Pedro Navaja", "Rubén Blades", 96);
    writeTagged(music + QStringLiteral("/b.wav"), "Chan Chan", "Compay Segundo");
    writeTagged(music + QStringLiteral("/sub/Lágrimas negras.wav"), nullptr, "Trío Matamoros");
    test::writeAll(music + QStringLiteral("/broken.wav"), "RIFF....not really a wave file at all");
    test::writeAll(music + QStringLiteral("/notes.txt"), "not audio");

    audio::MediaScanner scanner(*db);
    int calls = 0;
    auto first = scanner.scan(music.toStdString(), [&](int, int) { return ++calls > 0; });
    ASSERT_TRUE(first.has_value()) << first.error().toString();
    EXPECT_EQ(first->added, 3);
    EXPECT_EQ(first->failed, 1);
    ASSERT_EQ(first->failures.size(), 1u);
    EXPECT_NE(first->failures[0].find("broken.wav"), std::string::npos);
    EXPECT_GT(calls, 0);

    core::library::SongRepository songs(*db);
    auto added = core::roadmap::ProgressRepository(*db).series(QStringLiteral("songs_added"));
    ASSERT_EQ(added->size(), 1) << "one roadmap entry for the whole scan";
    EXPECT_EQ(added->first().value, 3.0);
    EXPECT_EQ(titles(songs, QStringLiteral("bpm:96")), QStringList{QStringLiteral("Pedro Navaja")});
    EXPECT_EQ(titles(songs, QStringLiteral("artist:matamoros")), QStringList{QStringLiteral("Lágrimas negras")}) << "title from the file name";
    auto pedro = songs.search(QStringLiteral("navaja"))->first();
    EXPECT_NEAR(static_cast<double>(pedro.durationMs), 1000.0, 50.0);

    auto again = scanner.scan(music.toStdString());
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->unchanged, 4);
    EXPECT_EQ(again->added, 0);
    EXPECT_EQ(again->failed, 1) << "still listed";

    // Moved: the same content under a new name keeps its song.
    ASSERT_TRUE(QDir().mkpath(music + QStringLiteral("/moved")));
    ASSERT_TRUE(QFile::rename(music + QStringLiteral("/sub/Lágrimas negras.wav"), music + QStringLiteral("/moved/lagrimas.wav")));
    // Deleted, and retagged.
    ASSERT_TRUE(QFile::remove(music + QStringLiteral("/b.wav")));
    writeTagged(music + QStringLiteral("/a.wav"), "Pedro Navaja (live)", "Rubén Blades", 98);
    auto third = scanner.scan(music.toStdString());
    ASSERT_TRUE(third.has_value());
    EXPECT_EQ(third->reconnected, 1);
    EXPECT_EQ(third->missing, 1);
    EXPECT_EQ(third->updated, 1);
    EXPECT_EQ(third->added, 0);
    EXPECT_EQ(titles(songs, QString()).size(), 3) << "no duplicate song for the moved file";
    EXPECT_EQ(titles(songs, QStringLiteral("bpm:98")), QStringList{QStringLiteral("Pedro Navaja (live)")});
    auto files = core::library::MediaFileRepository(*db).under(music);
    ASSERT_TRUE(files.has_value());
    int missing = 0;
    for (const auto& file : *files) {
        missing += file.missing ? 1 : 0;
    }
    EXPECT_EQ(missing, 1);

    EXPECT_EQ(scanner.scan(dir.file(QStringLiteral("nope")).toStdString()).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(scanner.scan(music.toStdString(), [](int, int) { return false; }).error().code, core::ErrorCode::Cancelled);
}
