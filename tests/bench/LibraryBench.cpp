// Library benchmark (numbers for the closing note, never asserted):
//
//   bandmate_bench_library [--files N] [--songs M]
//
// 1. First scan of N generated, tagged WAV files, next to a plain TagLib loop over the same files
//    measured in the same run (the baseline): files per second and the ratio.
// 2. Rescan of the unchanged files.
// 3. Search latency (p50/p99) over M songs for a mix of queries.
#include "audio/library/MediaScanner.h"
#include "core/library/Songs.h"
#include "core/storage/Database.h"
#include "tests/support/AudioFiles.h"

#include <taglib/fileref.h>
#include <taglib/tag.h>
#include <taglib/tpropertymap.h>

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>

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
    const QString music = dir.path() + QStringLiteral("/music");
    QDir().mkpath(music);
    std::vector<std::string> paths;
    for (int i = 0; i < files; ++i) {
        const QString folder = music + QStringLiteral("/%1").arg(i / 200);
        QDir().mkpath(folder);
        const std::string path = (folder + QStringLiteral("/track-%1.wav").arg(i)).toStdString();
        test::writeWav16(path, 22050, {std::vector<float>(441, 0.1f)});
        TagLib::FileRef file(path.c_str());
        file.tag()->setTitle(TagLib::String("Song " + std::to_string(i)));
        file.tag()->setArtist(TagLib::String(kArtists[i % 8], TagLib::String::UTF8));
        file.tag()->setGenre(kGenres[i % 6]);
        file.tag()->setYear(static_cast<unsigned>(1960 + i % 60));
        file.save();
        paths.push_back(path);
    }

    // Baseline: TagLib alone, reading what the scanner reads. The machine's speed drifts while
    // the page cache settles after writing the files, so baseline and first scan alternate three
    // times (each scan into a new database) and the median ratio is the result.
    size_t checksum = 0;
    std::vector<double> ratios;
    std::unique_ptr<core::Database> db;
    auto start = Clock::now();
    std::printf("library scan, %d tagged WAV files:\n", files);
    for (int round = 0; round < 3; ++round) {
        start = Clock::now();
        for (const auto& path : paths) {
            TagLib::FileRef file(path.c_str(), true, TagLib::AudioProperties::Fast);
            checksum += file.tag()->title().size() + static_cast<size_t>(file.audioProperties()->lengthInMilliseconds());
            checksum += file.file()->properties().size();
        }
        const double baseline = since(start);
        db.reset();
        auto opened = core::Database::open(dir.path() + QStringLiteral("/bench-%1.sqlite").arg(round));
        if (!opened) {
            std::fprintf(stderr, "%s\n", opened.error().toString().c_str());
            return 1;
        }
        db = std::move(*opened);
        audio::MediaScanner scanner(*db);
        start = Clock::now();
        auto first = scanner.scan(music.toStdString());
        const double scan = since(start);
        if (!first || first->added != files) {
            std::fprintf(stderr, "scan failed\n");
            return 1;
        }
        ratios.push_back(baseline / scan);
        std::printf("  baseline, plain TagLib loop %8.3f s %8.0f files/s | Bandmate first scan %8.3f s %8.0f files/s | ratio %.2f\n",
                    baseline, files / baseline, scan, files / scan, ratios.back());
    }
    std::sort(ratios.begin(), ratios.end());
    std::printf("  first scan: median ratio %.2f of the baseline (checksum %zu)\n", ratios[1], checksum);
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
