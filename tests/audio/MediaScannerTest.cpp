// The library scanner on real WAV files the test writes and tags with TagLib.
#include "audio/library/MediaScanner.h"
#include "core/library/MediaFiles.h"
#include "core/library/MediaPath.h"
#include "core/storage/Sql.h"
#include "core/library/Songs.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/storage/Database.h"
#include "tests/support/AudioFiles.h"
#include "tests/support/TaggedFiles.h"
#include "tests/support/TestDatabase.h"

#include <taglib/attachedpictureframe.h>
#include <taglib/fileref.h>
#include <taglib/flacfile.h>
#include <taglib/flacpicture.h>
#include <taglib/id3v2tag.h>
#include <taglib/xiphcomment.h>
#include <taglib/wavfile.h>
#include <taglib/tag.h>
#include <taglib/tpropertymap.h>

#include <QDateTime>
#include <QSet>
#include <QDir>
#include <QFile>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>

using namespace bandmate;

namespace {

using test::writeTagged;

QStringList titles(core::library::SongRepository& songs, const QString& query)
{
    QStringList result;
    for (const auto& song : songs.search(query).value_or(QList<core::library::Song>{})) {
        result << song.title;
    }
    result.sort();
    return result;
}

/// A file's content key as scans before XXH3 wrote it: FNV-1a (64 bits) over its first 64 KiB.
QString legacyKeyOf(const QString& path)
{
    quint64 fnv = 1469598103934665603ULL;
    for (const char byte : test::readAll(path).left(64 * 1024)) {
        fnv = (fnv ^ static_cast<unsigned char>(byte)) * 1099511628211ULL;
    }
    return QStringLiteral("%1").arg(fnv, 16, 16, QLatin1Char('0'));
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

TEST(MediaScanner, ARescanAfterATagToolKeepsTheMusiciansEditsAndTakesTheTagsThatChanged)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    const QString music = dir.file(QStringLiteral("music"));
    const QString path = music + QStringLiteral("/pedro.wav");
    writeTagged(path, "Pedro Navaja", "Rubén Blades", 96);
    audio::MediaScanner scanner(*db);
    ASSERT_EQ(scanner.scan(music.toStdString())->added, 1);
    core::library::SongRepository songs(*db);
    core::library::Song song = songs.search(QStringLiteral("navaja"))->first();
    // The musician's own title and tempo for the band's arrangement.
    song.title = QStringLiteral("Pedro Navaja (our arrangement)");
    song.bpm = 100;
    ASSERT_TRUE(songs.save(song).has_value());

    // A tag tool changes the artist and the BPM in the file; its title stays.
    const auto touchedLater = [&path](int seconds) {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadWrite));
        ASSERT_TRUE(file.setFileTime(QDateTime::currentDateTime().addSecs(seconds), QFileDevice::FileModificationTime));
    };
    writeTagged(path, "Pedro Navaja", "Rubén Blades y Seis del Solar", 98);
    touchedLater(10);
    auto rescan = scanner.scan(music.toStdString());
    ASSERT_TRUE(rescan.has_value()) << rescan.error().toString();
    EXPECT_EQ(rescan->updated, 1);
    song = songs.get(song.id).value();
    EXPECT_EQ(song.title, QStringLiteral("Pedro Navaja (our arrangement)")) << "an edit is not overwritten by a tag";
    EXPECT_DOUBLE_EQ(song.bpm, 100.0);
    EXPECT_EQ(song.artist, QStringLiteral("Rubén Blades y Seis del Solar")) << "a tag the musician never edited follows the file";

    // Asked to take every tag, the file wins.
    touchedLater(20);
    scanner.setReplaceEdits(true);
    ASSERT_TRUE(scanner.scan(music.toStdString()).has_value());
    song = songs.get(song.id).value();
    EXPECT_EQ(song.title, QStringLiteral("Pedro Navaja"));
    EXPECT_DOUBLE_EQ(song.bpm, 98.0);
}

TEST(MediaScanner, AFileWrittenAgainRightAfterItWasReadIsReadAgainEvenWithItsSizeAndTimeKept)
{
    // A tag tool that rewrites a tag in place keeps the size, and within one tick of the file
    // system's clock the time too: the scan that read the file just before cannot tell. So the
    // next scan reads a file whose time lies close to its last read, instead of trusting it.
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    const QString music = dir.file(QStringLiteral("music"));
    const QString path = music + QStringLiteral("/pedro.wav");
    const std::filesystem::path native(QFile::encodeName(path).toStdString());
    writeTagged(path, "Pedro Navaja", "Ruben Blades", 96);
    const auto size = std::filesystem::file_size(native);
    const auto written = std::filesystem::last_write_time(native);
    audio::MediaScanner scanner(*db);
    ASSERT_EQ(scanner.scan(music.toStdString())->added, 1);
    core::library::MediaFileRepository files(*db);
    // The read is placed a second after the file's time, whatever the machine's speed.
    const auto readJustAfter = [&] {
        ASSERT_TRUE(core::sql::exec(db->connection(), QStringLiteral("UPDATE media_file SET read_at = mtime + 1000")).has_value());
    };
    const auto rewrite = [&](const char* artist) {
        writeTagged(path, "Pedro Navaja", artist, 96);
        ASSERT_EQ(std::filesystem::file_size(native), size) << "a tag of the same length";
        std::filesystem::last_write_time(native, written);  // the same tick
    };
    readJustAfter();
    const QString id = files.byPath(path)->value().id;
    ASSERT_TRUE(files.setFullHash(id, QStringLiteral("xxh3:whole-before")).has_value());

    rewrite("Ruben Bladez");
    auto rescan = scanner.scan(music.toStdString());
    ASSERT_TRUE(rescan.has_value()) << rescan.error().toString();
    EXPECT_EQ(rescan->updated, 1);
    EXPECT_EQ(rescan->unchanged, 0);
    core::library::SongRepository songs(*db);
    EXPECT_EQ(songs.search(QStringLiteral("navaja"))->first().artist, QStringLiteral("Ruben Bladez"));
    EXPECT_TRUE(files.byPath(path)->value().fullHash.isEmpty()) << "the whole content changed with the tags";

    // Read again and found the same, it counts as unchanged (and was read: its read time moved).
    readJustAfter();
    const qint64 before = files.byPath(path)->value().readAt;
    rescan = scanner.scan(music.toStdString());
    ASSERT_TRUE(rescan.has_value());
    EXPECT_EQ(rescan->updated, 0);
    EXPECT_EQ(rescan->unchanged, 1);
    EXPECT_NE(files.byPath(path)->value().readAt, before);

    // A row from before read times were kept is read once more: a file stuck by this is healed.
    ASSERT_TRUE(core::sql::exec(db->connection(), QStringLiteral("UPDATE media_file SET read_at = 0")).has_value());
    rewrite("Ruben Blader");
    rescan = scanner.scan(music.toStdString());
    ASSERT_TRUE(rescan.has_value());
    EXPECT_EQ(rescan->updated, 1);
    EXPECT_EQ(songs.search(QStringLiteral("navaja"))->first().artist, QStringLiteral("Ruben Blader"));

    // A file last written well before the scan that read it is trusted: not opened again.
    std::filesystem::last_write_time(native, std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
    ASSERT_EQ(scanner.scan(music.toStdString())->updated, 1) << "its time changed";
    const qint64 readAt = files.byPath(path)->value().readAt;
    EXPECT_NE(readAt, 0);
    rescan = scanner.scan(music.toStdString());
    ASSERT_TRUE(rescan.has_value());
    EXPECT_EQ(rescan->unchanged, 1);
    EXPECT_EQ(files.byPath(path)->value().readAt, readAt) << "not read again";
}

TEST(MediaScanner, AFolderThatCannotBeReadIsReportedAndItsFilesAreNotMarkedMissing)
{
    test::TempDir dir;
    const QString music = dir.file(QStringLiteral("music"));
    ASSERT_TRUE(QDir().mkpath(music));
    const QString database = music + QStringLiteral("/library.sqlite");
    writeTagged(music + QStringLiteral("/open/a.wav"), "Abierta", "Uno");
    writeTagged(music + QStringLiteral("/locked/b.wav"), "Cerrada", "Dos");
    writeTagged(music + QStringLiteral("/zlast/c.wav"), "Después", "Tres");
    const std::string complaint = test::runAsOrdinaryUser(music, [&]() -> std::string {
        auto db = core::Database::open(database);
        if (!db) {
            return "cannot open: " + db.error().toString();
        }
        audio::MediaScanner scanner(**db);
        auto first = scanner.scan(music.toStdString());
        if (!first || first->added != 3) {
            return "the first scan did not add the three files";
        }
        // The folder becomes unreadable (an unplugged drive, changed permissions).
        QFile::setPermissions(music + QStringLiteral("/locked"), QFileDevice::WriteOwner);
        auto again = scanner.scan(music.toStdString());
        QFile::setPermissions(music + QStringLiteral("/locked"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        if (!again) {
            return "the rescan failed: " + again.error().toString();
        }
        if (again->missing != 0) {
            return "files in a folder that could not be read were marked missing: " + std::to_string(again->missing);
        }
        if (again->failures.empty() || again->failures.front().find("locked") == std::string::npos) {
            return "the unreadable folder was not reported";
        }
        if (again->unchanged != 2) {
            return "the walk stopped at the unreadable folder (" + std::to_string(again->unchanged) + " unchanged)";
        }
        return {};
    });
    EXPECT_EQ(complaint, "");
}

TEST(MediaScanner, TagsReadBeforeBandmateKeptThemOnlyFillEmptyFields)
{
    core::library::Song song;
    song.title = QStringLiteral("Edited title");
    song.year = 0;
    core::library::Song tags;
    tags.title = QStringLiteral("Tag title");
    tags.year = 1978;
    tags.durationMs = 5000;
    core::library::takeTags(song, tags, QString(), false);
    EXPECT_EQ(song.title, QStringLiteral("Edited title"));
    EXPECT_EQ(song.year, 1978);
    EXPECT_EQ(song.durationMs, 5000);
}

namespace {

/// Writes a one-second tone in the format the suffix names, with sox (packaging lists it).
bool writeWithSox(const QString& path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    return std::system(("sox -q -n '" + path.toStdString() + "' synth 1 sine 440 gain -12 2>/dev/null").c_str()) == 0 && QFile::exists(path);
}

void tag(const QString& path, const char* title, const char* artist, const char* bpm, const char* key, const char* track = "")
{
    TagLib::FileRef file(QFile::encodeName(path).constData());
    ASSERT_FALSE(file.isNull()) << path.toStdString();
    TagLib::PropertyMap properties = file.file()->properties();
    properties.replace("TITLE", TagLib::StringList(TagLib::String(title, TagLib::String::UTF8)));
    properties.replace("ARTIST", TagLib::StringList(TagLib::String(artist, TagLib::String::UTF8)));
    properties.replace("BPM", TagLib::StringList(bpm));
    properties.replace("INITIALKEY", TagLib::StringList(key));
    properties.replace("TRACKNUMBER", TagLib::StringList(track));
    properties.replace("ALBUM", TagLib::StringList(TagLib::String("Sabroso 1957", TagLib::String::UTF8)));
    properties.replace("GENRE", TagLib::StringList(TagLib::String("Chachachá", TagLib::String::UTF8)));
    properties.replace("DATE", TagLib::StringList("1957"));
    file.file()->setProperties(properties);
    ASSERT_TRUE(file.save()) << path.toStdString();
}

}  // namespace

TEST(MediaScanner, ReadsTaggedFlacOggAndAiffFilesItWroteItself)
{
    if (std::system("sox --version > /dev/null 2>&1") != 0) {
        GTEST_FAIL() << "sox is needed to write FLAC, Ogg and AIFF test files (packaging/debian-packages.txt)";
    }
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    const QString music = dir.file(QStringLiteral("formats"));
    struct Case {
        const char* file;
        const char* title;
        const char* bpm;
        const char* key;
        const char* track;
        const char* keyRead;  ///< as Bandmate writes it
    };
    // Keys in words, as some taggers write them, come in as Bandmate writes keys.
    const Case cases[] = {{"uno.flac", "Bilongo", "112", "G minor", "1", "Gm"},
                          {"dos.ogg", "Mambo inn", "124", "F", "2/12", "F"},
                          {"tres.aiff", "Sabor a mí", "68", "Bb major", "12", "Bb"}};
    for (const Case& c : cases) {
        const QString path = music + QLatin1Char('/') + QString::fromLatin1(c.file);
        ASSERT_TRUE(writeWithSox(path)) << c.file;
        tag(path, c.title, "Orquesta Aragón", c.bpm, c.key, c.track);
    }
    auto scanned = audio::MediaScanner(*db).scan(music.toStdString());
    ASSERT_TRUE(scanned.has_value()) << scanned.error().toString();
    EXPECT_EQ(scanned->added, 3);
    EXPECT_EQ(scanned->failed, 0) << (scanned->failures.empty() ? "" : scanned->failures.front());
    core::library::SongRepository songs(*db);
    for (const Case& c : cases) {
        auto found = songs.search(QStringLiteral("title:\"%1\"").arg(QString::fromUtf8(c.title)));
        ASSERT_TRUE(found.has_value());
        ASSERT_EQ(found->size(), 1) << c.file;
        const auto& song = found->first();
        EXPECT_EQ(song.artist, QStringLiteral("Orquesta Aragón")) << c.file;
        EXPECT_EQ(song.bpm, QString::fromLatin1(c.bpm).toDouble()) << c.file;
        EXPECT_EQ(song.key, QString::fromLatin1(c.keyRead)) << c.file;
        EXPECT_EQ(song.track, QString::fromLatin1(c.track).section(QLatin1Char('/'), 0, 0).toInt()) << c.file << ": \"2/12\" is track 2 of 12";
        EXPECT_EQ(song.album, QStringLiteral("Sabroso 1957")) << c.file;
        EXPECT_EQ(song.genre, QStringLiteral("Chachachá")) << c.file;
        EXPECT_EQ(song.year, 1957) << c.file;
        EXPECT_NEAR(static_cast<double>(song.durationMs), 1000.0, 30.0) << c.file;
    }
}

TEST(MediaScanner, CopiesEmbeddedCoversOutOnceForTheirAlbum)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    // A tiny PNG (1x1) stands for the artwork; the scanner copies bytes, it does not decode them.
    const QByteArray png = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    const QString music = dir.file(QStringLiteral("album"));
    for (const char* name : {"a.flac", "b.flac"}) {
        const QString path = music + QLatin1Char('/') + QString::fromLatin1(name);
        ASSERT_TRUE(writeWithSox(path));
        TagLib::FLAC::File flac(QFile::encodeName(path).constData());
        auto* picture = new TagLib::FLAC::Picture;
        picture->setType(TagLib::FLAC::Picture::FrontCover);
        picture->setMimeType("image/png");
        picture->setData(TagLib::ByteVector(png.constData(), static_cast<unsigned>(png.size())));
        flac.addPicture(picture);
        ASSERT_TRUE(flac.save());
    }
    const QString wav = music + QStringLiteral("/c.wav");
    writeTagged(wav, "Con cover", "Someone");
    {
        TagLib::RIFF::WAV::File file(QFile::encodeName(wav).constData());
        auto* frame = new TagLib::ID3v2::AttachedPictureFrame;
        frame->setMimeType("image/jpeg");
        frame->setType(TagLib::ID3v2::AttachedPictureFrame::FrontCover);
        frame->setPicture(TagLib::ByteVector("\xFF\xD8\xFF\xE0 not a real jpeg", 22));
        file.ID3v2Tag()->addFrame(frame);
        ASSERT_TRUE(file.save());
    }
    writeTagged(music + QStringLiteral("/plain.wav"), "Sin cover", "Someone");
    auto scanned = audio::MediaScanner(*db).scan(music.toStdString());
    ASSERT_TRUE(scanned.has_value()) << scanned.error().toString();
    EXPECT_EQ(scanned->added, 4);
    core::library::MediaFileRepository files(*db);
    const auto coverOf = [&](const char* name) {
        return files.byPath(music + QLatin1Char('/') + QString::fromLatin1(name))->value().cover;
    };
    const QString a = coverOf("a.flac");
    ASSERT_FALSE(a.isEmpty());
    EXPECT_EQ(a, coverOf("b.flac")) << "one copy for the same picture";
    EXPECT_TRUE(a.endsWith(QStringLiteral(".png")));
    EXPECT_EQ(test::readAll(a), png);
    EXPECT_TRUE(QFileInfo(a).absolutePath().endsWith(QStringLiteral("/covers")));
    const QString c = coverOf("c.wav");
    EXPECT_TRUE(c.endsWith(QStringLiteral(".jpg")));
    EXPECT_TRUE(test::readAll(c).startsWith("\xFF\xD8"));
    EXPECT_TRUE(coverOf("plain.wav").isEmpty());
    EXPECT_EQ(QDir(QFileInfo(a).absolutePath()).entryList(QDir::Files).size(), 2);
}

TEST(MediaScanner, ACoverThatCannotBeCopiedIsNamedByNoRow)
{
    // Twelve tracks of one album share a picture; the covers folder cannot be made (a file has
    // its name). The scan goes on, and no row names a cover that is not on disk, also for the
    // tracks read while the other reader was still trying to copy it.
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    {
        QFile blocker(dir.file(QStringLiteral("covers")));
        ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    }
    const QString music = dir.file(QStringLiteral("album"));
    const QByteArray png = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    ASSERT_TRUE(writeWithSox(music + QStringLiteral("/00.flac")));
    for (int i = 0; i < 12; ++i) {
        const QString path = music + QStringLiteral("/%1.flac").arg(i, 2, 10, QLatin1Char('0'));
        if (i > 0) {
            ASSERT_TRUE(QFile::copy(music + QStringLiteral("/00.flac"), path));
        }
        TagLib::FLAC::File flac(QFile::encodeName(path).constData());
        flac.xiphComment(true)->setTitle(TagLib::String("Track " + std::to_string(i)));
        auto* picture = new TagLib::FLAC::Picture;
        picture->setType(TagLib::FLAC::Picture::FrontCover);
        picture->setMimeType("image/png");
        picture->setData(TagLib::ByteVector(png.constData(), static_cast<unsigned>(png.size())));
        flac.addPicture(picture);
        ASSERT_TRUE(flac.save());
    }
    auto scanned = audio::MediaScanner(*db).scan(music.toStdString());
    ASSERT_TRUE(scanned.has_value()) << scanned.error().toString();
    EXPECT_EQ(scanned->added, 12);
    const auto all = core::library::MediaFileRepository(*db).under(music).value();
    ASSERT_EQ(all.size(), 12);
    for (const auto& file : all) {
        EXPECT_TRUE(file.cover.isEmpty() || QFile::exists(file.cover)) << file.path.toStdString() << " names " << file.cover.toStdString();
    }
    // With the folder free again, a rescan of the retagged files copies it once for all. (Each
    // keeps its size, and may keep its time when retagged within a tick of the scan that read it.)
    ASSERT_TRUE(QFile::remove(dir.file(QStringLiteral("covers"))));
    for (const auto& file : all) {
        TagLib::FLAC::File flac(QFile::encodeName(file.path).constData());
        flac.xiphComment(true)->setArtist("Orquesta");
        ASSERT_TRUE(flac.save());
    }
    auto again = audio::MediaScanner(*db).scan(music.toStdString());
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->updated, 12);
    QSet<QString> covers;
    const auto rescanned = core::library::MediaFileRepository(*db).under(music).value();
    for (const auto& file : rescanned) {
        covers.insert(file.cover);
    }
    ASSERT_EQ(covers.size(), 1);
    EXPECT_EQ(test::readAll(*covers.begin()), png);
}

TEST(MediaScanner, TagsAndCoversPastTheFirst64KiBAndBeforeTheLast8KiBAreReadWhole)
{
    // The scanner reads a file's first 64 KiB and last 8 KiB at once and the rest on demand:
    // a large cover, and tags in the middle of a long file, must come through exactly.
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    const QString music = dir.file(QStringLiteral("music"));
    const auto pictureOf = [](int bytes, char seed) {
        QByteArray picture(bytes, '\0');
        picture[0] = '\xFF';
        picture[1] = '\xD8';
        for (int i = 2; i < bytes; ++i) {
            picture[i] = static_cast<char>((i * 131 + seed * 7 + i / 4096) & 0xFF);
        }
        return picture;
    };
    // FLAC: a 300 KiB cover between the stream info and the audio.
    const QString flacPath = music + QStringLiteral("/big cover.flac");
    ASSERT_TRUE(writeWithSox(flacPath));
    const QByteArray flacCover = pictureOf(300 * 1024, 1);
    {
        TagLib::FLAC::File flac(QFile::encodeName(flacPath).constData());
        flac.xiphComment(true)->setTitle("Cover grande");
        auto* picture = new TagLib::FLAC::Picture;
        picture->setType(TagLib::FLAC::Picture::FrontCover);
        picture->setMimeType("image/jpeg");
        picture->setData(TagLib::ByteVector(flacCover.constData(), static_cast<unsigned>(flacCover.size())));
        flac.addPicture(picture);
        ASSERT_TRUE(flac.save());
    }
    // WAV: 5 s of audio, then an ID3 chunk of 100 KiB (its start neither in the first 64 KiB nor
    // in the last 8 KiB); and a 3 s one whose small tags end the file.
    const QString wavPath = music + QStringLiteral("/long.wav");
    test::writeTagged(wavPath, "Descarga larga", "Someone", 0, 5 * 44100);
    const QByteArray wavCover = pictureOf(100 * 1024, 2);
    {
        TagLib::RIFF::WAV::File file(QFile::encodeName(wavPath).constData());
        auto* frame = new TagLib::ID3v2::AttachedPictureFrame;
        frame->setMimeType("image/jpeg");
        frame->setType(TagLib::ID3v2::AttachedPictureFrame::FrontCover);
        frame->setPicture(TagLib::ByteVector(wavCover.constData(), static_cast<unsigned>(wavCover.size())));
        file.ID3v2Tag()->addFrame(frame);
        ASSERT_TRUE(file.save());
    }
    test::writeTagged(music + QStringLiteral("/short.wav"), "Montuno", "Orquesta", 98, 3 * 44100);
    auto scanned = audio::MediaScanner(*db).scan(music.toStdString());
    ASSERT_TRUE(scanned.has_value()) << scanned.error().toString();
    EXPECT_EQ(scanned->added, 3);
    EXPECT_EQ(scanned->failed, 0);
    core::library::MediaFileRepository files(*db);
    core::library::SongRepository songs(*db);
    const auto songOf = [&](const QString& path) {
        const auto file = files.byPath(path)->value();
        return std::make_pair(file, songs.get(file.songId).value());
    };
    const auto [flacFile, flacSong] = songOf(flacPath);
    EXPECT_EQ(flacSong.title, QStringLiteral("Cover grande"));
    EXPECT_NEAR(flacSong.durationMs, 1000, 5);
    EXPECT_EQ(test::readAll(flacFile.cover), flacCover);
    const auto [wavFile, wavSong] = songOf(wavPath);
    EXPECT_EQ(wavSong.title, QStringLiteral("Descarga larga"));
    EXPECT_EQ(wavSong.durationMs, 5000);
    EXPECT_EQ(test::readAll(wavFile.cover), wavCover);
    const auto [shortFile, shortSong] = songOf(music + QStringLiteral("/short.wav"));
    EXPECT_EQ(shortSong.title, QStringLiteral("Montuno"));
    EXPECT_EQ(shortSong.artist, QStringLiteral("Orquesta"));
    EXPECT_EQ(shortSong.bpm, 98);
    EXPECT_EQ(shortSong.durationMs, 3000);
    // The content key: XXH3 of the first 64 KiB, marked as such.
    EXPECT_TRUE(wavFile.contentHash.startsWith(QStringLiteral("xxh3:"))) << wavFile.contentHash.toStdString();
    EXPECT_EQ(wavFile.contentHash.size(), 5 + 16);
    EXPECT_NE(wavFile.contentHash, shortFile.contentHash);
}

TEST(MediaScanner, AFileKeyedBeforeXxh3StillReconnectsWhenItMoves)
{
    // Scans before 0.2 keyed a file by FNV-1a over its first 64 KiB. A file that was missing at
    // the upgrade and turns up elsewhere still finds its song.
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    const QString music = dir.file(QStringLiteral("music"));
    const QString before = music + QStringLiteral("/old/Vamonos pa'l monte.wav");
    test::writeTagged(before, "Vámonos pa'l monte", "Eddie Palmieri", 0, 2 * 44100);
    test::writeTagged(music + QStringLiteral("/old/same size.wav"), "Other", "Someone", 0, 2 * 44100);
    ASSERT_TRUE(audio::MediaScanner(*db).scan(music.toStdString()).has_value());
    core::library::MediaFileRepository files(*db);
    const auto file = files.byPath(before)->value();
    // The key as the older scanner wrote it, and the file gone missing at that version.
    const QString legacy = legacyKeyOf(before);
    ASSERT_TRUE(core::sql::exec(db->connection(), QStringLiteral("UPDATE media_file SET content_hash = ?, missing = 1 WHERE id = ?"), {legacy, file.id}).has_value());
    ASSERT_TRUE(QDir().mkpath(music + QStringLiteral("/new")));
    ASSERT_TRUE(QFile::rename(before, music + QStringLiteral("/new/monte.wav")));
    auto moved = audio::MediaScanner(*db).scan(music.toStdString());
    ASSERT_TRUE(moved.has_value()) << moved.error().toString();
    EXPECT_EQ(moved->reconnected, 1);
    EXPECT_EQ(moved->added, 0);
    const auto now = files.byPath(music + QStringLiteral("/new/monte.wav"))->value();
    EXPECT_EQ(now.id, file.id);
    EXPECT_EQ(now.songId, file.songId);
    EXPECT_TRUE(now.contentHash.startsWith(QStringLiteral("xxh3:"))) << "the row takes the new key";
    EXPECT_FALSE(now.missing);
}

TEST(MediaScanner, TwoTakesAlikeOneKeyedBeforeXxh3NeverTakeEachOthersSongs)
{
    // Two takes of one size whose first 64 KiB are the same (the same count-in), told apart only
    // by their ends; one still carries a key from before XXH3. Moved and renamed together, no
    // file may take the other's song: before, the new-form key of one matched only the other.
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    const QString music = dir.file(QStringLiteral("music"));
    const QString a = music + QStringLiteral("/takes/take a.wav");
    const QString b = music + QStringLiteral("/takes/take b.wav");
    test::writeTagged(a, "Take A", "Conjunto", 0, 2 * 44100);  // the tags end the file
    test::writeTagged(b, "Take B", "Conjunto", 0, 2 * 44100);
    ASSERT_EQ(QFileInfo(a).size(), QFileInfo(b).size());
    ASSERT_EQ(test::readAll(a).left(64 * 1024), test::readAll(b).left(64 * 1024));
    audio::MediaScanner scanner(*db);
    ASSERT_TRUE(scanner.scan(music.toStdString()).has_value());
    core::library::MediaFileRepository files(*db);
    core::library::SongRepository songs(*db);
    const QString songA = files.byPath(a)->value().songId;
    const QString songB = files.byPath(b)->value().songId;
    // Take A as an older version left it: its key in the old form, no whole-content hashes.
    const auto olderVersion = [&] {
        ASSERT_TRUE(core::sql::exec(db->connection(), QStringLiteral("UPDATE media_file SET content_hash = ? WHERE path = ?"), {legacyKeyOf(a), a}).has_value());
        // (Read well after they were written, as in a library at rest: the scan trusts them.)
        ASSERT_TRUE(core::sql::exec(db->connection(), QStringLiteral("UPDATE media_file SET full_hash = '', read_at = mtime + 3000")).has_value());
    };
    const auto moveBoth = [&](const QString& to) {
        ASSERT_TRUE(QDir().mkpath(music + QLatin1Char('/') + to));
        for (const QString& from : QDir(music + QStringLiteral("/takes")).entryList(QDir::Files)) {
            ASSERT_TRUE(QFile::rename(music + QStringLiteral("/takes/") + from, music + QLatin1Char('/') + to + QLatin1Char('/') + QStringLiteral("renamed ") + from));
        }
        ASSERT_TRUE(QDir(music).rmdir(QStringLiteral("takes")));
        ASSERT_TRUE(QDir(music).rename(to, QStringLiteral("takes")));
    };
    const auto titleOf = [&](const QString& path) {
        const auto file = files.byPath(path)->value();
        return songs.get(file.songId).value().title;
    };

    // Moved while the old key is still there: each file keeps its own song or gets a new one,
    // never the other take's.
    olderVersion();
    moveBoth(QStringLiteral("moved"));
    auto moved = scanner.scan(music.toStdString());
    ASSERT_TRUE(moved.has_value()) << moved.error().toString();
    EXPECT_EQ(titleOf(music + QStringLiteral("/takes/renamed take a.wav")), QStringLiteral("Take A"));
    EXPECT_EQ(titleOf(music + QStringLiteral("/takes/renamed take b.wav")), QStringLiteral("Take B"));
    const auto all = files.under(music).value();  // (a temporary's value() would dangle in the loop)
    for (const auto& file : all) {
        if (file.songId == songA) {
            EXPECT_TRUE(file.path.endsWith(QStringLiteral("take a.wav"))) << file.path.toStdString();
        }
        if (file.songId == songB) {
            EXPECT_TRUE(file.path.endsWith(QStringLiteral("take b.wav"))) << file.path.toStdString();
        }
    }
}

TEST(MediaScanner, AScanGivesOldKeysTheirNewFormSoTakesAlikeStayApartWhenTheyMove)
{
    // The same two takes, both present, one keyed before XXH3: the scan gives it the new form and
    // keeps both whole contents, so even moved and renamed together each finds its own song.
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    const QString music = dir.file(QStringLiteral("music"));
    const QString a = music + QStringLiteral("/takes/take a.wav");
    const QString b = music + QStringLiteral("/takes/take b.wav");
    test::writeTagged(a, "Take A", "Conjunto", 0, 2 * 44100);
    test::writeTagged(b, "Take B", "Conjunto", 0, 2 * 44100);
    audio::MediaScanner scanner(*db);
    ASSERT_TRUE(scanner.scan(music.toStdString()).has_value());
    ASSERT_TRUE(core::sql::exec(db->connection(), QStringLiteral("UPDATE media_file SET content_hash = ?, full_hash = '' WHERE path = ?"), {legacyKeyOf(a), a})
                    .has_value());
    // (Read well after they were written, as in a library at rest: the rescan trusts them, and
    // gives the old key its new form by itself.)
    ASSERT_TRUE(core::sql::exec(db->connection(), QStringLiteral("UPDATE media_file SET full_hash = '', read_at = mtime + 3000")).has_value());
    auto rescan = scanner.scan(music.toStdString());
    ASSERT_TRUE(rescan.has_value());
    EXPECT_TRUE(rescan->failures.empty());
    core::library::MediaFileRepository files(*db);
    const auto rekeyed = files.byPath(a)->value();
    EXPECT_EQ(rekeyed.contentHash, files.byPath(b)->value().contentHash) << "one key form: grouped as files alike";
    EXPECT_FALSE(rekeyed.fullHash.isEmpty());
    EXPECT_FALSE(files.byPath(b)->value().fullHash.isEmpty());
    const QString songA = rekeyed.songId;
    const QString songB = files.byPath(b)->value().songId;
    ASSERT_TRUE(QDir().mkpath(music + QStringLiteral("/moved")));
    ASSERT_TRUE(QFile::rename(a, music + QStringLiteral("/moved/x.wav")));
    ASSERT_TRUE(QFile::rename(b, music + QStringLiteral("/moved/y.wav")));
    auto moved = scanner.scan(music.toStdString());
    ASSERT_TRUE(moved.has_value()) << moved.error().toString();
    EXPECT_EQ(moved->reconnected, 2);
    EXPECT_EQ(moved->added, 0);
    EXPECT_EQ(files.byPath(music + QStringLiteral("/moved/x.wav"))->value().songId, songA);
    EXPECT_EQ(files.byPath(music + QStringLiteral("/moved/y.wav"))->value().songId, songB);
}

TEST(MediaScanner, ACancelledScanCountsTheSongsItSavedAndMarksNothingMissing)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    const QString music = dir.file(QStringLiteral("music"));
    ASSERT_TRUE(QDir().mkpath(music));
    // A known file, then moved into a subfolder before a scan that is cancelled at once.
    writeTagged(music + QStringLiteral("/known.wav"), "Known", "Band");
    audio::MediaScanner scanner(*db);
    ASSERT_TRUE(scanner.scan(music.toStdString()).has_value());
    ASSERT_TRUE(QDir().mkpath(music + QStringLiteral("/moved")));
    ASSERT_TRUE(QFile::rename(music + QStringLiteral("/known.wav"), music + QStringLiteral("/moved/known.wav")));
    auto stopped = scanner.scan(music.toStdString(), [](int, int) { return false; });
    ASSERT_FALSE(stopped.has_value());
    EXPECT_EQ(stopped.error().code, core::ErrorCode::Cancelled);
    EXPECT_TRUE(core::library::MediaFileRepository(*db).missing()->isEmpty())
        << "the moved file's song is not missing: the cancelled scan never looked for it";
    auto found = scanner.scan(music.toStdString());
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->reconnected, 1);
    EXPECT_EQ(found->missing, 0);

    // Many new files, cancelled after the first batch of 500 was saved: those count.
    const std::vector<std::vector<float>> tone{std::vector<float>(64, 0.1f)};
    ASSERT_TRUE(QDir().mkpath(music + QStringLiteral("/many")));
    for (int i = 0; i < 620; ++i) {
        ASSERT_TRUE(test::writeWav16((music + QStringLiteral("/many/%1.wav").arg(i, 4, 10, QLatin1Char('0'))).toStdString(), 8000, tone));
    }
    core::roadmap::ProgressRepository progress(*db);
    const auto sum = [&] {
        double total = 0;
        const auto entries = progress.series(QStringLiteral("songs_added"));
        for (const auto& entry : entries.value()) {
            total += entry.value;
        }
        return total;
    };
    const double before = sum();
    const int songsBefore = core::library::SongRepository(*db).stats()->songs;
    auto cancelled = scanner.scan(music.toStdString(), [](int done, int) { return done < 600; });
    ASSERT_FALSE(cancelled.has_value());
    const int saved = core::library::SongRepository(*db).stats()->songs - songsBefore;
    EXPECT_GE(saved, 500) << "the first batch was committed";
    EXPECT_EQ(sum() - before, saved) << "the roadmap counts every song the scan saved";
}

TEST(MediaScanner, FilesThatStartAlikeReconnectByTheirWholeContentOrNameOrNotAtAll)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    const QString music = dir.file(QStringLiteral("music"));
    ASSERT_TRUE(QDir().mkpath(music + QStringLiteral("/old")));
    // Two takes of the same length whose first 64 KiB are the same: only their ends differ.
    const auto take = [](float end) {
        std::vector<float> samples(44100, 0.1f);
        for (size_t i = 40000; i < samples.size(); ++i) {
            samples[i] = end;
        }
        return std::vector<std::vector<float>>{samples};
    };
    ASSERT_TRUE(test::writeWav16((music + QStringLiteral("/old/a.wav")).toStdString(), 44100, take(0.2f)));
    ASSERT_TRUE(test::writeWav16((music + QStringLiteral("/old/b.wav")).toStdString(), 44100, take(0.3f)));
    audio::MediaScanner scanner(*db);
    ASSERT_TRUE(scanner.scan(music.toStdString()).has_value());
    core::library::MediaFileRepository files(*db);
    const QString songA = (*files.byPath(music + QStringLiteral("/old/a.wav")))->songId;
    const QString songB = (*files.byPath(music + QStringLiteral("/old/b.wav")))->songId;
    ASSERT_NE(songA, songB);

    // The folder is renamed: each file finds its own song by its name.
    ASSERT_TRUE(QDir(music).rename(QStringLiteral("old"), QStringLiteral("new")));
    auto moved = scanner.scan(music.toStdString());
    ASSERT_TRUE(moved.has_value());
    EXPECT_EQ(moved->reconnected, 2);
    EXPECT_EQ((*files.byPath(music + QStringLiteral("/new/a.wav")))->songId, songA);
    EXPECT_EQ((*files.byPath(music + QStringLiteral("/new/b.wav")))->songId, songB);

    // Renamed as well: their whole content (kept because their starts are alike) tells which is which.
    ASSERT_FALSE((*files.byPath(music + QStringLiteral("/new/a.wav")))->fullHash.isEmpty());
    ASSERT_TRUE(QFile::rename(music + QStringLiteral("/new/a.wav"), music + QStringLiteral("/new/take-1.wav")));
    ASSERT_TRUE(QFile::rename(music + QStringLiteral("/new/b.wav"), music + QStringLiteral("/new/take-2.wav")));
    auto renamed = scanner.scan(music.toStdString());
    ASSERT_TRUE(renamed.has_value());
    EXPECT_EQ(renamed->reconnected, 2);
    EXPECT_EQ(renamed->added, 0);
    EXPECT_EQ((*files.byPath(music + QStringLiteral("/new/take-1.wav")))->songId, songA);
    EXPECT_EQ((*files.byPath(music + QStringLiteral("/new/take-2.wav")))->songId, songB);

    // Two copies of one recording kept as two songs, both renamed: nothing can tell them apart,
    // so neither takes a song that may not be its.
    ASSERT_TRUE(test::writeWav16((music + QStringLiteral("/new/c.wav")).toStdString(), 44100, take(0.4f)));
    ASSERT_TRUE(QFile::copy(music + QStringLiteral("/new/c.wav"), music + QStringLiteral("/new/d.wav")));
    ASSERT_TRUE(scanner.scan(music.toStdString()).has_value());
    ASSERT_NE((*files.byPath(music + QStringLiteral("/new/c.wav")))->songId, (*files.byPath(music + QStringLiteral("/new/d.wav")))->songId);
    ASSERT_TRUE(QFile::rename(music + QStringLiteral("/new/c.wav"), music + QStringLiteral("/new/copy-1.wav")));
    ASSERT_TRUE(QFile::rename(music + QStringLiteral("/new/d.wav"), music + QStringLiteral("/new/copy-2.wav")));
    auto copies = scanner.scan(music.toStdString());
    ASSERT_TRUE(copies.has_value());
    EXPECT_EQ(copies->reconnected, 0);
    EXPECT_EQ(copies->added, 2);
    EXPECT_EQ(files.missing()->size(), 2) << "the two songs wait to be located by hand";

    // A file that changes loses its whole hash and gets its new one (it still starts like take-2).
    const QString take1 = music + QStringLiteral("/new/take-1.wav");
    const QString before = (*files.byPath(take1))->fullHash;
    ASSERT_TRUE(test::writeWav16(take1.toStdString(), 44100, take(0.5f)));
    QFile touched(take1);
    ASSERT_TRUE(touched.open(QIODevice::ReadWrite));
    ASSERT_TRUE(touched.setFileTime(QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime));  // even on a coarse clock
    touched.close();
    ASSERT_TRUE(scanner.scan(music.toStdString()).has_value());
    EXPECT_FALSE((*files.byPath(take1))->fullHash.isEmpty());
    EXPECT_NE((*files.byPath(take1))->fullHash, before);
}

TEST(MediaScanner, AWholeHashDecidesOnlyWhenEveryCandidatesHashIsKnown)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    const QString music = dir.file(QStringLiteral("music"));
    ASSERT_TRUE(QDir().mkpath(music + QStringLiteral("/old")));
    // Two copies of one recording, kept as two songs.
    ASSERT_TRUE(test::writeWav16((music + QStringLiteral("/old/c.wav")).toStdString(), 44100, {std::vector<float>(44100, 0.2f)}));
    ASSERT_TRUE(QFile::copy(music + QStringLiteral("/old/c.wav"), music + QStringLiteral("/old/d.wav")));
    audio::MediaScanner scanner(*db);
    ASSERT_TRUE(scanner.scan(music.toStdString()).has_value());
    core::library::MediaFileRepository files(*db);
    const QString songC = (*files.byPath(music + QStringLiteral("/old/c.wav")))->songId;
    const QString songD = (*files.byPath(music + QStringLiteral("/old/d.wav")))->songId;
    ASSERT_NE(songC, songD);
    // c's whole content could not be read when it was hashed (a locked file, say); d's was.
    ASSERT_TRUE(core::sql::exec(db->connection(), QStringLiteral("UPDATE media_file SET full_hash = '' WHERE path LIKE '%/c.wav'")).has_value());

    // Moved with their names: d's hash matches c too (same content), so it cannot decide; the
    // names do.
    ASSERT_TRUE(QDir(music).rename(QStringLiteral("old"), QStringLiteral("new")));
    auto moved = scanner.scan(music.toStdString());
    ASSERT_TRUE(moved.has_value());
    EXPECT_EQ(moved->reconnected, 2);
    EXPECT_EQ((*files.byPath(music + QStringLiteral("/new/c.wav")))->songId, songC);
    EXPECT_EQ((*files.byPath(music + QStringLiteral("/new/d.wav")))->songId, songD);
}

TEST(MediaScanner, AFileThatMovesReconnectsToItsOwnSongNotToAnOlderMissingCopy)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    const QString music = dir.file(QStringLiteral("music"));
    writeTagged(music + QStringLiteral("/Album/x.wav"), "Take", "Band");
    ASSERT_TRUE(QDir().mkpath(music + QStringLiteral("/Backup")));
    ASSERT_TRUE(QFile::copy(music + QStringLiteral("/Album/x.wav"), music + QStringLiteral("/Backup/x.wav")));
    audio::MediaScanner scanner(*db);
    ASSERT_TRUE(scanner.scan(music.toStdString()).has_value());
    core::library::MediaFileRepository files(*db);
    const QString albumSong = (*files.byPath(music + QStringLiteral("/Album/x.wav")))->songId;
    ASSERT_NE(albumSong, (*files.byPath(music + QStringLiteral("/Backup/x.wav")))->songId);
    // What the musician set by hand on the album's song.
    core::library::SongRepository songs(*db);
    core::library::Song edited = songs.get(albumSong).value();
    edited.notes = QStringLiteral("count in on four");
    edited.rating = 4;
    edited.readiness = core::library::Readiness::GigReady;
    ASSERT_TRUE(songs.save(edited).has_value());
    // The backup is deleted (its file is missing from now on), later the album moves.
    ASSERT_TRUE(QDir(music + QStringLiteral("/Backup")).removeRecursively());
    ASSERT_TRUE(scanner.scan(music.toStdString()).has_value());
    ASSERT_TRUE(QDir(music).rename(QStringLiteral("Album"), QStringLiteral("Artist - Album")));
    auto moved = scanner.scan(music.toStdString());
    ASSERT_TRUE(moved.has_value());
    EXPECT_EQ(moved->reconnected, 1);
    EXPECT_EQ(moved->added, 0);
    EXPECT_EQ((*files.byPath(music + QStringLiteral("/Artist - Album/x.wav")))->songId, albumSong)
        << "the file that vanished in this scan is the one that moved";
    const core::library::Song after = songs.get(albumSong).value();
    EXPECT_EQ(after.notes, QStringLiteral("count in on four"));
    EXPECT_EQ(after.rating, 4);
    EXPECT_EQ(after.readiness, core::library::Readiness::GigReady);

    // A missing file that comes back to its own path is found there; a copy elsewhere is new.
    ASSERT_TRUE(QDir().mkpath(music + QStringLiteral("/Backup")));
    ASSERT_TRUE(QFile::copy(music + QStringLiteral("/Artist - Album/x.wav"), music + QStringLiteral("/Backup/x.wav")));
    ASSERT_TRUE(QDir().mkpath(music + QStringLiteral("/Copy")));
    ASSERT_TRUE(QFile::copy(music + QStringLiteral("/Artist - Album/x.wav"), music + QStringLiteral("/Copy/x.wav")));
    auto back = scanner.scan(music.toStdString());
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->reconnected, 0);
    EXPECT_EQ(back->added, 1) << "the copy";
    EXPECT_NE((*files.byPath(music + QStringLiteral("/Copy/x.wav")))->id, (*files.byPath(music + QStringLiteral("/Backup/x.wav")))->id)
        << "two files, two rows";
}

TEST(MediaScanner, FileNamesThatAreNotUtf8AreKeptEachUnderItsOwnPath)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    const QString music = dir.file(QStringLiteral("music"));
    writeTagged(music + QStringLiteral("/good.wav"), "Good", "Band");
    // Two names that differ only in bytes that are not UTF-8 (Latin-1 "é" and "è"): as text they
    // were one path, and the folder's scan failed on the second (then they were left out).
    const std::string folder = QFile::encodeName(music).toStdString();
    writeTagged(music + QStringLiteral("/other.wav"), "Other", "Band");
    std::filesystem::rename(folder + "/other.wav", folder + "/caf\xe8.wav");
    std::filesystem::copy_file(folder + "/good.wav", folder + "/caf\xe9.wav");
    audio::MediaScanner scanner(*db);
    auto scanned = scanner.scan(music.toStdString());
    ASSERT_TRUE(scanned.has_value()) << scanned.error().toString();
    EXPECT_EQ(scanned->added, 3);
    EXPECT_EQ(scanned->failed, 0) << (scanned->failures.empty() ? "" : scanned->failures.front());
    QSet<QString> paths;
    const auto kept = core::library::MediaFileRepository(*db).under(music);
    ASSERT_TRUE(kept.has_value());
    for (const auto& file : *kept) {
        paths << file.path;
        EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(core::library::bytesFromPath(file.path).toStdString())))
            << core::library::displayPath(file.path).toStdString();
    }
    EXPECT_EQ(paths.size(), 3);
    auto again = scanner.scan(music.toStdString());
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->added, 0);
    EXPECT_EQ(again->unchanged, 3);

    // A folder whose name is not UTF-8 is read like any other; a file moved into it keeps its song.
    std::filesystem::create_directory(folder + "/m\xfasica");
    std::filesystem::rename(folder + "/caf\xe8.wav", folder + "/m\xfasica/caf\xe8.wav");
    std::filesystem::copy_file(folder + "/good.wav", folder + "/m\xfasica/b.wav");
    auto folders = scanner.scan(music.toStdString());
    ASSERT_TRUE(folders.has_value());
    EXPECT_EQ(folders->failed, 0) << (folders->failures.empty() ? "" : folders->failures.front());
    EXPECT_EQ(folders->added, 1) << "b.wav";
    EXPECT_EQ(folders->reconnected, 1) << "the è file, found again by its content";
    EXPECT_EQ(folders->missing, 0);
    EXPECT_TRUE(core::library::MediaFileRepository(*db).missing()->isEmpty());
}

TEST(MediaScanner, FeedsDownloadsAreLeftToFeedsUntilTheLibraryTakesThemWhereverTheyAre)
{
    test::TempDir dir;
    const QString music = dir.file(QStringLiteral("music"));
    const QString episode = music + QStringLiteral("/Bandmate feeds/Salsa Hour/2026-12-01 Episode.wav");
    writeTagged(music + QStringLiteral("/album/a.wav"), "Propia", "Banda");
    writeTagged(episode, "Episode", "Salsa Hour");
    auto db = core::Database::open(dir.file(QStringLiteral("library.sqlite")));
    ASSERT_TRUE(db);
    // A download of Feeds' (not taken into the library): the scan of the music around it leaves it.
    ASSERT_TRUE(core::sql::exec((*db)->connection(), QStringLiteral("INSERT INTO feed_download (item_id, url, state, path) VALUES ('i', 'u', 'done', ?)"),
                                {QDir::cleanPath(episode)}));
    audio::MediaScanner scanner(**db);
    auto first = scanner.scan(music.toStdString());
    ASSERT_TRUE(first);
    EXPECT_EQ(first->added, 1);
    core::library::SongRepository songs(**db);
    EXPECT_EQ(titles(songs, QString()), QStringList{QStringLiteral("Propia")});
    // The same music scanned through a link to its folder: the download is still Feeds'.
    const QString linked = dir.file(QStringLiteral("linked"));
    ASSERT_TRUE(QFile::link(music, linked));
    auto throughLink = scanner.scan(linked.toStdString());
    ASSERT_TRUE(throughLink);
    EXPECT_FALSE(titles(songs, QString()).contains(QStringLiteral("Episode")));
    // Taken into the library (kept): an ordinary file of it from then on.
    ASSERT_TRUE(core::sql::exec((*db)->connection(), QStringLiteral("UPDATE feed_download SET kept = 1")));
    auto second = scanner.scan(music.toStdString());
    ASSERT_TRUE(second);
    EXPECT_EQ(second->added, 1);
    EXPECT_EQ(second->missing, 0);
    EXPECT_TRUE(titles(songs, QString()).contains(QStringLiteral("Episode")));
}
