// Library benchmark (numbers for the closing note, never asserted):
//
//   bandmate_bench_library [--files N] [--songs M]
//
// 1. First scan of N generated, tagged WAV files, next to a plain TagLib loop over the same files
//    measured in the same run (the baseline): files per second and the ratio.
// 2. Rescan of the unchanged files. (The files are dated an hour back, as a library at rest is:
//    files written within seconds of the scan that read them are read again by the next one.)
// 3. Search latency (p50/p99) over M songs for a mix of queries.
#include "audio/library/MediaScanner.h"
#include "core/library/Songs.h"
#include "core/storage/Database.h"
#include "tests/support/AudioFiles.h"

#include <taglib/fileref.h>
#include <taglib/flacfile.h>
#include <taglib/flacpicture.h>
#include <taglib/tag.h>
#include <taglib/tpropertymap.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>

using namespace bandmate;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

const char* const kArtists[] = {"Rubén Blades", "Celia Cruz", "Héctor Lavoe", "Compay Segundo", "Eddie Palmieri",
                                "La Sonora Ponceña", "Oscar D'León", "Ismael Rivera"};
const char* const kGenres[] = {"Salsa", "Son", "Bolero", "Cha-cha-chá", "Merengue", "Bachata"};

void tag(TagLib::Tag* tag, int i)
{
    tag->setTitle(TagLib::String("Song " + std::to_string(i)));
    tag->setArtist(TagLib::String(kArtists[i % 8], TagLib::String::UTF8));
    tag->setAlbum(TagLib::String("Album " + std::to_string(i / 10)));
    tag->setGenre(kGenres[i % 6]);
    tag->setYear(static_cast<unsigned>(1960 + i % 60));
}

/// `files` tagged WAV files in folders of 200 under `music`.
std::vector<std::string> makeWavs(const QString& music, int files)
{
    std::vector<std::string> paths;
    for (int i = 0; i < files; ++i) {
        const QString folder = music + QStringLiteral("/%1").arg(i / 200);
        QDir().mkpath(folder);
        const std::string path = (folder + QStringLiteral("/track-%1.wav").arg(i)).toStdString();
        test::writeWav16(path, 22050, {std::vector<float>(441, 0.1f)});
        TagLib::FileRef file(path.c_str());
        tag(file.tag(), i);
        file.save();
        paths.push_back(path);
    }
    const auto hourAgo = std::filesystem::file_time_type::clock::now() - std::chrono::hours(1);
    for (const auto& path : paths) {
        std::filesystem::last_write_time(path, hourAgo);
    }
    return paths;
}

/// `files` tagged FLAC files (a second of sound each, made by sox) with a 24 KiB front cover
/// embedded, one album of ten per cover, as a ripped CD collection has.
std::vector<std::string> makeFlacs(const QString& music, int files)
{
    const QString wav = music + QStringLiteral("/source.wav");
    const QString flac = music + QStringLiteral("/source.flac");
    QDir().mkpath(music);
    std::vector<float> tone(22050);
    for (size_t i = 0; i < tone.size(); ++i) {
        tone[i] = 0.3f * static_cast<float>(std::sin(static_cast<double>(i) * 0.05));
    }
    test::writeWav16(wav.toStdString(), 22050, {tone});
    if (QProcess::execute(QStringLiteral("sox"), {wav, flac}) != 0) {
        std::fprintf(stderr, "sox could not write FLAC (packaging/debian-packages.txt)\n");
        return {};
    }
    QFile::remove(wav);
    std::vector<std::string> paths;
    for (int i = 0; i < files; ++i) {
        const QString folder = music + QStringLiteral("/%1").arg(i / 200);
        QDir().mkpath(folder);
        const QString path = folder + QStringLiteral("/track-%1.flac").arg(i);
        QFile::copy(flac, path);
        TagLib::FLAC::File file(QFile::encodeName(path).constData());
        tag(file.tag(), i);
        std::string cover(24 * 1024, '\0');
        cover[0] = '\xFF';
        cover[1] = '\xD8';
        cover[2] = '\xFF';
        for (size_t b = 3; b < cover.size(); ++b) {
            cover[b] = static_cast<char>((b * 31 + static_cast<size_t>(i / 10) * 7) & 0xFF);  // one picture per album
        }
        auto* picture = new TagLib::FLAC::Picture;
        picture->setType(TagLib::FLAC::Picture::FrontCover);
        picture->setMimeType("image/jpeg");
        picture->setData(TagLib::ByteVector(cover.data(), static_cast<unsigned>(cover.size())));
        file.addPicture(picture);
        file.save();
        paths.push_back(path.toStdString());
    }
    QFile::remove(flac);
    return paths;
}

/// Baseline and first scan alternate three times over `paths` (each scan into a new database;
/// the machine's speed drifts while the page cache settles after writing the files) and the
/// median ratio is the result. Returns the last scan's database, or nullptr on failure.
std::unique_ptr<core::Database> firstScans(const char* what, const char* name, const std::vector<std::string>& paths,
                                           const QString& music, const QString& databases)
{
    const int files = static_cast<int>(paths.size());
    size_t checksum = 0;
    std::vector<double> ratios;
    std::unique_ptr<core::Database> db;
    std::printf("library scan, %d %s:\n", files, what);
    for (int round = 0; round < 3; ++round) {
        // Baseline: TagLib alone, one thread, reading what the scanner reads (tags, length,
        // every property, and the embedded pictures of a FLAC file).
        auto start = Clock::now();
        for (const auto& path : paths) {
            TagLib::FileRef file(path.c_str(), true, TagLib::AudioProperties::Fast);
            checksum += file.tag()->title().size() + static_cast<size_t>(file.audioProperties()->lengthInMilliseconds());
            checksum += file.file()->properties().size();
            if (auto* flac = dynamic_cast<TagLib::FLAC::File*>(file.file())) {
                for (const auto* picture : flac->pictureList()) {
                    checksum += picture->data().size();
                }
            }
        }
        const double baseline = since(start);
        db.reset();
        // Each scan in a folder of its own: the covers folder beside the database starts empty,
        // so every round copies the covers out as a real first scan does.
        const QString folder = databases + QStringLiteral("/%1-%2").arg(QLatin1String(name)).arg(round);
        QDir().mkpath(folder);
        auto opened = core::Database::open(folder + QStringLiteral("/library.sqlite"));
        if (!opened) {
            std::fprintf(stderr, "%s\n", opened.error().toString().c_str());
            return nullptr;
        }
        db = std::move(*opened);
        audio::MediaScanner scanner(*db);
        start = Clock::now();
        auto first = scanner.scan(music.toStdString());
        const double scan = since(start);
        if (!first || first->added != files) {
            std::fprintf(stderr, "scan failed\n");
            return nullptr;
        }
        ratios.push_back(baseline / scan);
        std::printf("  baseline, plain TagLib loop %8.3f s %8.0f files/s | Bandmate first scan %8.3f s %8.0f files/s | ratio %.2f\n",
                    baseline, files / baseline, scan, files / scan, ratios.back());
    }
    std::sort(ratios.begin(), ratios.end());
    std::printf("  first scan of %s: median ratio %.2f of the baseline (checksum %zu)\n", what, ratios[1], checksum);
    return db;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int files = 2000;
    int songsCount = 100000;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--files") == 0 && i + 1 < argc) {
            files = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--songs") == 0 && i + 1 < argc) {
            songsCount = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--quick") == 0) {
            files = 50;
            songsCount = 500;
        } else {
            std::fprintf(stderr, "usage: %s [--files N] [--songs M] [--quick]\n", argv[0]);
            return 2;
        }
    }
    QTemporaryDir dir;
    if (qEnvironmentVariableIsSet("BANDMATE_BENCH_KEEP")) {  // to look at the query plans afterwards
        dir.setAutoRemove(false);
        std::printf("kept %s\n", qPrintable(dir.path()));
    }
    // FLAC with covers first (the files are removed after), then WAV.
    {
        const QString flacs = dir.path() + QStringLiteral("/flac");
        const auto paths = makeFlacs(flacs, files);
        if (paths.empty() || !firstScans("tagged FLAC files with covers", "flac", paths, flacs, dir.path())) {
            return 1;
        }
        QDir(flacs).removeRecursively();
    }
    const QString music = dir.path() + QStringLiteral("/music");
    const auto paths = makeWavs(music, files);
    std::unique_ptr<core::Database> db = firstScans("tagged WAV files", "wav", paths, music, dir.path());
    if (!db) {
        return 1;
    }
    auto start = Clock::now();
    audio::MediaScanner scanner(*db);
    start = Clock::now();
    auto again = scanner.scan(music.toStdString());
    if (!again) {
        std::fprintf(stderr, "rescan failed\n");
        return 1;
    }
    std::printf("  Bandmate rescan, unchanged    %8.3f s  (%d unchanged)\n", since(start), again->unchanged);

    // Search over many songs, added through the repository in batches as an import would.
    core::library::SongRepository songs(*db);
    QList<core::library::Song> batch;
    start = Clock::now();
    for (int i = files; i < songsCount; ++i) {
        core::library::Song song;
        song.title = QStringLiteral("Tune %1").arg(i);
        song.artist = QString::fromUtf8(kArtists[i % 8]);
        song.genre = QString::fromUtf8(kGenres[i % 6]);
        song.year = 1960 + i % 60;
        song.bpm = 80 + i % 120;
        song.durationMs = 120'000 + (i % 300) * 1000;
        song.tags = {i % 3 == 0 ? QStringLiteral("salsa") : QStringLiteral("practice")};
        batch.append(song);
        if (batch.size() == 1000 || i + 1 == songsCount) {
            if (!songs.addMany(batch)) {
                return 1;
            }
            batch.clear();
        }
    }
    if (songsCount > files) {
        std::printf("added %d more songs in %.2f s (%.0f songs/s)\n", songsCount - files, since(start), (songsCount - files) / since(start));
    }
    const QStringList queries{QStringLiteral("rubén"), QStringLiteral("artist:cruz bpm:>150"), QStringLiteral("tag:salsa year:1970-1979"),
                              QStringLiteral("\"sonora ponceña\" | lavoe"), QStringLiteral("genre:bolero duration:<4m -tag:practice")};
    std::vector<double> latencies;
    std::vector<std::vector<double>> perQuery(static_cast<size_t>(queries.size()));
    // The first search opens the full-text index and prepares its statements: reported on its
    // own, then 40 rounds of the mix are the distribution.
    start = Clock::now();
    if (!songs.search(queries.first(), 200)) {
        return 1;
    }
    const double cold = since(start) * 1000.0;
    for (int round = 0; round < 40; ++round) {
        for (qsizetype q = 0; q < queries.size(); ++q) {
            start = Clock::now();
            auto found = songs.search(queries[q], 200);
            latencies.push_back(since(start) * 1000.0);
            perQuery[static_cast<size_t>(q)].push_back(latencies.back());
            if (!found) {
                std::fprintf(stderr, "%s\n", found.error().toString().c_str());
                return 1;
            }
        }
    }
    for (qsizetype q = 0; q < queries.size(); ++q) {
        auto& times = perQuery[static_cast<size_t>(q)];
        std::sort(times.begin(), times.end());
        std::printf("  %-45s median %6.2f ms  max %6.2f ms\n", queries[q].toStdString().c_str(), times[times.size() / 2], times.back());
    }
    std::sort(latencies.begin(), latencies.end());
    // Nearest-rank percentiles: the smallest value at or above that share of the samples.
    const auto percentile = [&](double share) { return latencies[static_cast<size_t>(std::ceil(share * latencies.size())) - 1]; };
    std::printf("search over %d songs, first search %.2f ms, then %zu queries (200 results max): p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                std::max(songsCount, files), cold, latencies.size(), percentile(0.5), percentile(0.99), latencies.back());
    return 0;
}
