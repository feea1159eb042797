// Start-up benchmark (numbers for the closing note, never asserted):
//
//   QT_QPA_PLATFORM=offscreen bandmate_bench_startup [--songs N] [--quick]
//
// Start to first window with a library of N songs (100,000 by default): opening the database
// (the cheap check every start does), building the main window and painting its first frame,
// on the Library page and on the Beat Machine page. Measured in the same run, as the baseline,
// what start-up did before: SQLite's quick check of every page at open, and decoding the
// sample kit while the window was built. Prints each and the ratio.
#include "core/library/Songs.h"
#include "core/storage/Database.h"
#include "ui/beats/BeatMachinePage.h"
#include "ui/beats/BeatSession.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/Settings.h"

#include <QApplication>
#include <QEvent>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>

using namespace bandmate;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Start {
    double open = 0;
    double window = 0;   ///< building the window and painting its first frame
    double settled = 0;  ///< from the first frame until what follows it is done (the page filled)
};

/// Notes the first time the window is painted.
class FirstPaint : public QObject {
public:
    bool seen = false;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            seen = true;
        }
        return QObject::eventFilter(watched, event);
    }
};

/// Opens the database and shows the window on `page` until its first frame is painted.
Start startOnce(const QString& dbPath, const QString& settingsPath, ui::PageId page, core::Database::Check check)
{
    Start start;
    const auto begin = Clock::now();
    auto db = core::Database::open(dbPath, {.check = check});
    if (!db) {
        std::fprintf(stderr, "cannot open: %s\n", db.error().toString().c_str());
        std::exit(1);
    }
    start.open = msSince(begin);
    QSettings store(settingsPath, QSettings::IniFormat);
    ui::Settings settings(store);
    const auto windowBegin = Clock::now();
    {
        ui::MainWindow window(**db, settings);
        window.resize(1280, 800);
        window.showPage(page);
        // As main() does: show, then the event loop. The first frame is the window's first
        // paint; what the pages post from their own first paint comes after it.
        FirstPaint painted;
        window.installEventFilter(&painted);
        window.show();
        while (!painted.seen && msSince(windowBegin) < 60'000) {
            QApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        start.window = msSince(windowBegin);
        const auto after = Clock::now();
        for (int round = 0; round < 5; ++round) {
            QApplication::processEvents();  // the kit, the rest of the library
        }
        start.settled = msSince(after);
    }
    return start;
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    int songsCount = 100000;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--songs") == 0 && i + 1 < argc) {
            songsCount = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--quick") == 0) {
            songsCount = 500;
        } else {
            std::fprintf(stderr, "usage: %s [--songs N] [--quick]\n", argv[0]);
            return 2;
        }
    }
    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("bench.sqlite"));
    const QString settingsPath = dir.filePath(QStringLiteral("settings.ini"));
    {
        auto db = core::Database::open(dbPath);
        if (!db) {
            return 1;
        }
        core::library::SongRepository songs(**db);
        QList<core::library::Song> batch;
        for (int i = 0; i < songsCount; ++i) {
            core::library::Song song;
            song.title = QStringLiteral("Tune %1").arg(i);
            song.artist = QStringLiteral("Artist %1").arg(i % 500);
            song.genre = QStringLiteral("Salsa");
            song.bpm = 80 + i % 120;
            song.durationMs = 120'000 + (i % 300) * 1000;
            batch.append(song);
            if (batch.size() == 1000 || i + 1 == songsCount) {
                if (!songs.addMany(batch)) {
                    return 1;
                }
                batch.clear();
            }
        }
    }
    std::printf("database with %d songs: %.1f MiB\n", songsCount, QFileInfo(dbPath).size() / 1048576.0);
    (void)startOnce(dbPath, settingsPath, ui::PageId::Library, core::Database::Check::Cheap);  // warm the caches

    constexpr int kRuns = 3;
    const auto best = [&](ui::PageId page, core::Database::Check check) {
        Start fastest{1e12, 1e12, 0};
        for (int run = 0; run < kRuns; ++run) {
            const Start start = startOnce(dbPath, settingsPath, page, check);
            if (start.open + start.window < fastest.open + fastest.window) {
                fastest = start;
            }
        }
        return fastest;
    };
    const Start library = best(ui::PageId::Library, core::Database::Check::Cheap);
    const Start beats = best(ui::PageId::BeatMachine, core::Database::Check::Cheap);
    const Start fullLibrary = best(ui::PageId::Library, core::Database::Check::Full);

    // What the window no longer waits for: the kit, decoded for the first pattern.
    double kitMs = 0;
    {
        auto db = core::Database::open(dbPath);
        ui::BeatSession session(**db);
        const auto begin = Clock::now();
        (void)session.pattern();
        kitMs = msSince(begin);
    }
    const double now = library.open + library.window;
    const double before = fullLibrary.open + fullLibrary.window + fullLibrary.settled + kitMs;
    std::printf("start to first window, best of %d (warm cache):\n", kRuns);
    std::printf("  Library page       %7.1f ms  (open %.1f ms, window %.1f ms; all %d songs listed %.1f ms later)\n", now, library.open,
                library.window, songsCount, library.settled);
    std::printf("  Beat Machine page  %7.1f ms  (open %.1f ms, window %.1f ms; samples decoded %.1f ms later)\n",
                beats.open + beats.window, beats.open, beats.window, beats.settled);
    std::printf("baseline, same run: the full check at open %.1f ms, the kit decode %.1f ms\n", fullLibrary.open - library.open, kitMs);
    std::printf("  as start-up was    %7.1f ms  -> now %.2fx of that (%.1fx faster)\n", before, now / before, before / now);
    return 0;
}
