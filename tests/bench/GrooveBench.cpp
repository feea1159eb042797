// Shared groove benchmark (issue 20): a real bandmate-server process (with Bandmate's engine for
// renders) on loopback, a public groove shared on it, and wrk in its own process (two threads,
// keep-alive connections) against the groove's page and its cached audio; the baseline in the
// same run is GET /v1/health on the same connections. Also: the cold render time of an 8-bar
// loop (a fresh combination each time: the server renders it), and the page's weight before
// its audio (the HTML, the stylesheet and the script).
// The page twice: as a link passed round a room is asked for (answers kept for a second), and with
// a query of its own each time (tests/bench/fresh-query.lua: every request through a database
// worker).
//   bandmate_bench_grooves [--seconds S] [--connections N] [--quick]
#include "core/beats/BuiltinMachines.h"
#include "core/beats/MachineXml.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Stats {
    double perSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    long errors = 0;
};

/// "1.23ms", "456.00us", "1.02s" as milliseconds.
double milliseconds(const QString& text)
{
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("([0-9.]+)(us|ms|s)")).match(text);
    const double value = match.captured(1).toDouble();
    return match.captured(2) == QLatin1String("us") ? value / 1000.0 : match.captured(2) == QLatin1String("s") ? value * 1000.0 : value;
}

/// wrk on one URL with --latency; nullopt when wrk did not run.
std::optional<Stats> runWrk(const QString& url, int connections, double seconds, bool freshQueries = false)
{
    QProcess wrk;
    QStringList args{QStringLiteral("-t2"), QStringLiteral("-c%1").arg(connections), QStringLiteral("-d%1s").arg(std::max(1, static_cast<int>(seconds))),
                     QStringLiteral("--latency")};
    if (freshQueries) {
        args << QStringLiteral("-s") << QString::fromUtf8(BANDMATE_BENCH_DIR "/fresh-query.lua");
    }
    wrk.start(QStringLiteral("wrk"), args << url);
    if (!wrk.waitForFinished(static_cast<int>(seconds * 1000) + 30'000) || wrk.exitCode() != 0) {
        std::fprintf(stderr, "wrk failed: %s\n", wrk.readAllStandardError().constData());
        return std::nullopt;
    }
    Stats stats;
    for (const QString& line : QString::fromUtf8(wrk.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("Requests/sec:"))) {
            stats.perSecond = trimmed.section(QLatin1Char(':'), 1).trimmed().toDouble();
        } else if (trimmed.startsWith(QLatin1String("50%"))) {
            stats.p50Ms = milliseconds(trimmed.mid(3));
        } else if (trimmed.startsWith(QLatin1String("99%"))) {
            stats.p99Ms = milliseconds(trimmed.mid(3));
        } else if (trimmed.startsWith(QLatin1String("Non-2xx or 3xx responses:"))) {
            stats.errors += trimmed.section(QLatin1Char(':'), 1).trimmed().toLong();
        } else if (trimmed.startsWith(QLatin1String("Socket errors:"))) {
            for (const QString& part : trimmed.section(QLatin1Char(':'), 1).split(QLatin1Char(','))) {
                stats.errors += part.trimmed().section(QLatin1Char(' '), 1).toLong();
            }
        }
    }
    return stats;
}

void print(const char* what, const Stats& stats, const Stats& baseline)
{
    std::printf("  %-30s %8.0f req/s (%.2f of health)  p50 %6.2f ms  p99 %6.2f ms  errors %ld\n", what, stats.perSecond,
                baseline.perSecond > 0 ? stats.perSecond / baseline.perSecond : 0.0, stats.p50Ms, stats.p99Ms, stats.errors);
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    double seconds = 10.0;
    int connections = 16;
    int renders = 5;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
        } else if (std::strcmp(argv[i], "--connections") == 0 && i + 1 < argc) {
            connections = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--quick") == 0) {
            seconds = 1.0;
            connections = 2;
            renders = 1;
        } else {
            std::fprintf(stderr, "usage: %s [--seconds S] [--connections N] [--quick]\n", argv[0]);
            return 2;
        }
    }
    QTemporaryDir dir;
    QProcess server;
    server.setStandardErrorFile(QProcess::nullDevice());
    server.start(QStringLiteral(BANDMATE_SERVER), {QStringLiteral("--db"), QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("server.sqlite")),
                                                   QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--fan-limit"), QStringLiteral("0"),
                                                   QStringLiteral("--sync-limit"), QStringLiteral("0"), QStringLiteral("--share-limit"), QStringLiteral("0")});
    if (!server.waitForReadyRead(15'000)) {
        std::fprintf(stderr, "the server did not start\n");
        return 1;
    }
    const int port = QString::fromUtf8(server.readLine()).trimmed().section(QLatin1Char(':'), -1).toInt();
    const auto stop = qScopeGuard([&server] {
        server.terminate();
        server.waitForFinished(10'000);
    });
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(120);
    const std::string credentials = R"({"email":"bench@example.org","password":"salsa-dura-1978"})";
    client.Post("/v1/auth/register", credentials, "application/json");
    auto login = client.Post("/v1/auth/login", credentials, "application/json");
    const std::string token = login ? QJsonDocument::fromJson(QByteArray::fromStdString(login->body)).object().value(QStringLiteral("access_token")).toString().toStdString() : "";
    const QJsonObject body{{QStringLiteral("machine"), QString::fromUtf8(bandmate::core::beats::writeMachineXml(*bandmate::core::beats::loadBuiltinMachine(QStringLiteral("salsa"))))},
                           {QStringLiteral("title"), QStringLiteral("Montuno")},
                           {QStringLiteral("visibility"), QStringLiteral("public")}};
    auto shared = client.Post("/v1/grooves", {{"Authorization", "Bearer " + token}}, QJsonDocument(body).toJson().toStdString(), "application/json");
    if (!shared || shared->status != 201) {
        std::fprintf(stderr, "could not share the groove: %s\n", shared ? shared->body.c_str() : "no answer");
        return 1;
    }
    const std::string id = QJsonDocument::fromJson(QByteArray::fromStdString(shared->body)).object().value(QStringLiteral("id")).toString().toStdString();
    const std::string page = "/g/" + id;

    // Cold renders: 8 bars in a new key each time (the kit loads on the first, counted apart).
    std::printf("Shared groove on bandmate-server (salsa.xml, 180 BPM, SQLite), %d connections, %.0f s each:\n", connections, seconds);
    std::vector<double> coldMs;
    for (int i = 0; i <= renders; ++i) {
        const auto started = Clock::now();
        auto loop = client.Get(page + "/v1/loop.wav?bars=8&key=" + std::to_string(i % 12));
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        if (!loop || loop->status != 200) {
            std::fprintf(stderr, "render failed: %d\n", loop ? loop->status : 0);
            return 1;
        }
        if (i == 0) {
            std::printf("  first render (with the kit's load): %.0f ms for 8 bars (%.1f s of audio, %zu bytes)\n", ms, 8 * 4 * 60.0 / 180.0, loop->body.size());
        } else {
            coldMs.push_back(ms);
        }
    }
    std::sort(coldMs.begin(), coldMs.end());
    if (!coldMs.empty()) {
        std::printf("  cold render of an 8-bar loop: median %.0f ms over %zu renders (audio %.1f s: %.0fx real time)\n", coldMs[coldMs.size() / 2], coldMs.size(),
                    8 * 4 * 60.0 / 180.0, 8 * 4 * 60.0 / 180.0 * 1000.0 / coldMs[coldMs.size() / 2]);
    }

    // Page weight before the audio.
    auto html = client.Get(page);
    std::size_t weight = html ? html->body.size() : 0;
    for (const char* asset : {"site", "groove"}) {
        const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("/static/%1\\.[0-9a-f]+\\.(css|js)").arg(QLatin1String(asset))).match(QString::fromStdString(html ? html->body : ""));
        if (auto file = client.Get(match.captured(0).toStdString())) {
            weight += file->body.size();
        }
    }
    std::printf("  page weight before audio: %.1f KiB (HTML %.1f KiB + CSS + JS; aim < 100 KB)\n", weight / 1024.0, html ? html->body.size() / 1024.0 : 0.0);

    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    const auto health = runWrk(base + QStringLiteral("/v1/health"), connections, seconds);
    const auto pageLoad = runWrk(base + QString::fromStdString(page), connections, seconds);
    const auto pageWorker = runWrk(base + QString::fromStdString(page), connections, seconds, true);
    client.Get(page + "/v1/loop.wav");  // rendered once, then from the cache
    const auto audio = runWrk(base + QString::fromStdString(page + "/v1/loop.wav"), connections, seconds);
    if (!health || !pageLoad || !pageWorker || !audio) {
        std::fprintf(stderr, "wrk is needed (apt-get install wrk)\n");
        return 1;
    }
    print("GET /v1/health (baseline)", *health, *health);
    print("GET /g/ID (the page)", *pageLoad, *health);
    print("GET /g/ID?n=... (each new)", *pageWorker, *health);
    print("GET /g/ID/v1/loop.wav (cached)", *audio, *health);
    std::printf("  aim: the page >= 10,000 req/s with p99 < 20 ms\n");
    std::printf("  (the page is answered from memory for a second after a worker made it; each new: through a database worker)\n");
    return pageLoad->errors + pageWorker->errors + audio->errors + health->errors == 0 ? 0 : 1;
}
