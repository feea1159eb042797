// Sync server benchmark: 16 connections for S seconds against bandmate-server's HTTP layer on
// loopback, a mix of pushes (10 changes each) and pulls, with requests/s, p50/p99 latency and
// errors; the baseline in the same run is GET /v1/health on the same connections. Then a fresh
// device pulls 10,000 changes, and the bytes on the wire per changed field are counted. Last,
// the fan-out: F event streams of one account (default 5,000) hear 40 pushes one after another;
// for each push the time from sending it to each stream's event (p50/p99 over every stream and
// push) and to the last stream's (p50/p99 over the pushes).
//   bandmate_bench_sync [--seconds S] [--connections N] [--db LOCATION] [--quick] [--in-process] [--fanout F]
//   (--db: a PostgreSQL URL for the scale path, e.g. under tests/support/with-postgres.sh a new
//   database in $BANDMATE_TEST_POSTGRES's cluster; default an SQLite file in a temporary folder)
// The load comes from wrk (tests/bench/sync-mix.lua) in its own process, two threads, keep-alive
// connections; without wrk, or with --in-process, from threads in this process (httplib
// clients, every answer parsed), which take part of the same two cores from the server.
#include "core/sync/ChangeTracker.h"
#include "sync/protocol/ChangeJson.h"
#include "sync/server/Accounts.h"
#include "sync/server/HttpServer.h"
#include "sync/server/ServerDatabase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>

#include <httplib.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <optional>
#include <thread>
#include <vector>

using namespace bandmate;
using Clock = std::chrono::steady_clock;

namespace {

struct Load {
    std::vector<double> latenciesMs;
    long errors = 0;
};

std::string pushBody(const QString& device, int batch, int thread)
{
    QJsonArray changes;
    for (int i = 0; i < 10; ++i) {
        core::FieldChange change{QStringLiteral("song"), QStringLiteral("song-%1-%2").arg(thread).arg(batch), QStringLiteral("title"),
                                 QStringLiteral("Title %1").arg(i),
                                 {core::Hlc{QDateTime::currentMSecsSinceEpoch(), static_cast<quint16>(i)}, device}};
        change.field = i % 2 == 0 ? QStringLiteral("title") : QStringLiteral("notes");
        change.id = QStringLiteral("song-%1-%2-%3").arg(thread).arg(batch).arg(i / 2);
        changes.append(sync::changeToJson(change));
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("device_id"), device},
                                     {QStringLiteral("batch_id"), QUuid::createUuid().toString()},
                                     {QStringLiteral("changes"), changes}})
        .toJson(QJsonDocument::Compact)
        .toStdString();
}

/// `connections` threads, each a keep-alive client, for `seconds`: `mixed` alternates pushes and
/// pulls, else health checks.
Load run(int port, const std::string& token, int connections, double seconds, bool mixed)
{
    std::vector<Load> perThread(static_cast<size_t>(connections));
    std::vector<std::thread> threads;
    const auto until = Clock::now() + std::chrono::duration<double>(seconds);
    for (int t = 0; t < connections; ++t) {
        threads.emplace_back([&, t] {
            httplib::Client client("127.0.0.1", port);
            client.set_keep_alive(true);
            const httplib::Headers auth{{"Authorization", "Bearer " + token}};
            const QString device = QStringLiteral("bench-device-%1").arg(t);
            Load& load = perThread[static_cast<size_t>(t)];
            for (int i = 0; Clock::now() < until; ++i) {
                const auto start = Clock::now();
                httplib::Result result = !mixed ? client.Get("/v1/health")
                                         : i % 2 == 0 ? client.Post("/v1/sync/push", auth, pushBody(device, i, t), "application/json")
                                                      : client.Get("/v1/sync/pull?since=0&limit=100", auth);
                load.latenciesMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
                if (!result || result->status != 200) {
                    ++load.errors;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    Load all;
    for (auto& load : perThread) {
        all.latenciesMs.insert(all.latenciesMs.end(), load.latenciesMs.begin(), load.latenciesMs.end());
        all.errors += load.errors;
    }
    std::sort(all.latenciesMs.begin(), all.latenciesMs.end());
    return all;
}

/// What one load run measured.
struct Stats {
    double perSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    long errors = 0;
};

Stats statsOf(const Load& load, double seconds)
{
    const auto at = [&](double q) { return load.latenciesMs.empty() ? 0.0 : load.latenciesMs[static_cast<size_t>(q * (load.latenciesMs.size() - 1))]; };
    return {static_cast<double>(load.latenciesMs.size()) / seconds, at(0.5), at(0.99), load.errors};
}

/// wrk with tests/bench/sync-mix.lua: `mode` "mixed" or "health"; nullopt when wrk did not run.
std::optional<Stats> runWrk(int port, const std::string& token, int connections, double seconds, const char* mode)
{
    QProcess wrk;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("BANDMATE_BENCH_TOKEN"), QString::fromStdString(token));
    wrk.setProcessEnvironment(environment);
    wrk.start(QStringLiteral("wrk"), {QStringLiteral("-t2"), QStringLiteral("-c%1").arg(connections), QStringLiteral("-d%1s").arg(std::max(1, static_cast<int>(seconds))),
                                      QStringLiteral("-s"), QString::fromUtf8(BANDMATE_BENCH_DIR "/sync-mix.lua"), QStringLiteral("http://127.0.0.1:%1").arg(port),
                                      QStringLiteral("--"), QString::fromLatin1(mode)});
    if (!wrk.waitForFinished(static_cast<int>(seconds * 1000) + 30'000) || wrk.exitCode() != 0) {
        std::fprintf(stderr, "wrk failed: %s\n", wrk.readAllStandardError().constData());
        return std::nullopt;
    }
    for (const QByteArray& line : wrk.readAllStandardOutput().split('\n')) {
        if (!line.startsWith("BENCH ")) {
            continue;
        }
        QHash<QByteArray, double> values;
        for (const QByteArray& pair : line.mid(6).split(' ')) {
            const qsizetype equals = pair.indexOf('=');
            values.insert(pair.left(equals), pair.mid(equals + 1).toDouble());
        }
        return Stats{values.value("requests") / std::max(0.001, values.value("seconds")), values.value("p50_us") / 1000.0, values.value("p99_us") / 1000.0,
                     static_cast<long>(values.value("errors"))};
    }
    return std::nullopt;
}

double quantile(std::vector<double> values, double q)
{
    if (values.empty()) {
        return 0.0;
    }
    std::sort(values.begin(), values.end());
    return values[static_cast<size_t>(q * static_cast<double>(values.size() - 1))];
}

/// `subscribers` event streams of the account hear `updates` pushes, one after another (each
/// once every stream heard the one before, and at least 150 ms later: a topic sends at most ten
/// updates a second); false when a stream did not hear one within 10 s.
bool fanout(int port, const std::string& token, int subscribers, int updates)
{
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
    const int most = files.rlim_cur == RLIM_INFINITY ? subscribers : static_cast<int>((std::max<rlim_t>(files.rlim_cur, 200) - 200) / 2);
    if (subscribers > most) {
        std::printf("fan-out: %d streams asked, %d fit this process's open-file limit (server and client ends)\n", subscribers, most);
        subscribers = most;
    }
    const std::string request = "GET /v1/sync/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    struct Stream {
        int fd = -1;
        std::string received;
        bool heard = false;
    };
    std::vector<Stream> streams(static_cast<size_t>(subscribers));
    const int poller = epoll_create1(EPOLL_CLOEXEC);
    for (int i = 0; i < subscribers; ++i) {
        Stream& stream = streams[static_cast<size_t>(i)];
        stream.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(stream.fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::send(stream.fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
            std::fprintf(stderr, "fan-out: stream %d could not connect\n", i);
            return false;
        }
        ::fcntl(stream.fd, F_SETFL, ::fcntl(stream.fd, F_GETFL) | O_NONBLOCK);
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u32 = static_cast<uint32_t>(i);
        epoll_ctl(poller, EPOLL_CTL_ADD, stream.fd, &event);
    }
    // Reads every stream until each has `text` (from `from` on); the time each first had it.
    std::vector<epoll_event> ready(1024);
    char buffer[16384];
    const auto hearAll = [&](const std::string& text, std::vector<Clock::time_point>& when) {
        int missing = 0;
        for (auto& stream : streams) {
            stream.heard = stream.received.find(text) != std::string::npos;
            missing += stream.heard ? 0 : 1;
        }
        const auto deadline = Clock::now() + std::chrono::seconds(10);
        while (missing > 0 && Clock::now() < deadline) {
            const int count = epoll_wait(poller, ready.data(), static_cast<int>(ready.size()), 100);
            const auto now = Clock::now();
            for (int r = 0; r < count; ++r) {
                const size_t i = ready[static_cast<size_t>(r)].data.u32;
                Stream& stream = streams[i];
                for (;;) {
                    const ssize_t got = ::recv(stream.fd, buffer, sizeof buffer, 0);
                    if (got <= 0) {
                        break;
                    }
                    stream.received.append(buffer, static_cast<size_t>(got));
                }
                if (!stream.heard && stream.received.find(text) != std::string::npos) {
                    stream.heard = true;
                    when[i] = now;
                    --missing;
                }
                if (stream.received.size() > 8192) {
                    stream.received.erase(0, stream.received.size() - 1024);  // what came before is heard
                }
            }
        }
        return missing == 0;
    };
    std::vector<Clock::time_point> when(streams.size());
    if (!hearAll("retry: 3000\n\n", when)) {
        std::fprintf(stderr, "fan-out: not every stream opened\n");
        return false;
    }
    httplib::Client client("127.0.0.1", port);
    const httplib::Headers auth{{"Authorization", "Bearer " + token}};
    std::vector<double> each;
    std::vector<double> last;
    for (int u = 0; u < updates; ++u) {
        const auto sent = Clock::now();
        auto pushed = client.Post("/v1/sync/push", auth, pushBody(QStringLiteral("fan-out"), u, 7), "application/json");
        if (!pushed || pushed->status != 200) {
            std::fprintf(stderr, "fan-out: push failed\n");
            return false;
        }
        const auto head = static_cast<long long>(QJsonDocument::fromJson(QByteArray::fromStdString(pushed->body)).object()[QStringLiteral("head_seq")].toDouble());
        if (!hearAll("id: " + std::to_string(head) + "\n", when)) {
            std::fprintf(stderr, "fan-out: a stream missed update %d\n", u);
            return false;
        }
        double slowest = 0;
        for (const auto& at : when) {
            const double ms = std::chrono::duration<double, std::milli>(at - sent).count();
            each.push_back(ms);
            slowest = std::max(slowest, ms);
        }
        last.push_back(slowest);
        std::this_thread::sleep_until(sent + std::chrono::milliseconds(150));
    }
    std::printf("fan-out to %d event streams, %d pushes: each stream p50 %.1f ms p99 %.1f ms; the last stream p50 %.1f ms p99 %.1f ms "
                "(from sending the push)\n",
                subscribers, updates, quantile(each, 0.5), quantile(each, 0.99), quantile(last, 0.5), quantile(last, 0.99));
    for (auto& stream : streams) {
        ::close(stream.fd);
    }
    ::close(poller);
    return true;
}

void print(const char* what, const Stats& stats)
{
    std::printf("  %-28s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %ld\n", what, stats.perSecond, stats.p50Ms, stats.p99Ms, stats.errors);
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    double seconds = 10.0;
    int connections = 16;
    int pullChanges = 10'000;
    QString location;
    bool inProcess = false;
    int fanoutStreams = 5'000;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
        } else if (std::strcmp(argv[i], "--connections") == 0 && i + 1 < argc) {
            connections = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            location = QString::fromLocal8Bit(argv[++i]);
        } else if (std::strcmp(argv[i], "--fanout") == 0 && i + 1 < argc) {
            fanoutStreams = std::max(0, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--in-process") == 0) {
            inProcess = true;
        } else if (std::strcmp(argv[i], "--quick") == 0) {
            seconds = 0.5;
            connections = 2;
            pullChanges = 500;
            fanoutStreams = 200;
        } else {
            std::fprintf(stderr, "usage: %s [--seconds S] [--connections N] [--db LOCATION] [--quick] [--in-process] [--fanout F]\n", argv[0]);
            return 2;
        }
    }
    QTemporaryDir dir;
    const QString database = location.isEmpty() ? dir.filePath(QStringLiteral("server.sqlite")) : location;
    sync::ServerOptions options;
    options.databasePath = database;
    options.port = 0;
    // Database workers as the server would be run (connections beyond them wait in the queue,
    // which holds every connection's request so a closed-loop load sees no 503).
    options.workers = std::min(connections, 16);
    options.queueLimit = std::max(256, connections + 16);
    options.syncRequestsPerMinute = 100'000'000;  // the limiter runs, the load generator is one account on one address
    options.connectionsPerAddress = 0;            // every client is on this machine
    sync::HttpServer server(options);
    auto port = server.bind();
    if (!port) {
        std::fprintf(stderr, "%s\n", port.error().toString().c_str());
        return 1;
    }
    std::thread serving([&] { server.run(); });
    while (!server.isRunning()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::string token;
    {
        auto accounts = sync::Accounts::open(database).value();
        (void)accounts->registerAccount(QStringLiteral("bench@example.com"), QStringLiteral("benchmark-password"));
        token = accounts->login(QStringLiteral("bench@example.com"), QStringLiteral("benchmark-password"))->accessToken.toStdString();
    }
    const bool useWrk = !inProcess && !QStandardPaths::findExecutable(QStringLiteral("wrk")).isEmpty();
    std::printf("sync server, %s, %d connections, %.1f s each, load from %s:\n", sync::isPostgresLocation(database) ? "PostgreSQL" : "SQLite", connections,
                seconds, useWrk ? "wrk (another process)" : "threads of this process");
    const auto measure = [&](bool mixed) {
        if (useWrk) {
            return runWrk(*port, token, connections, seconds, mixed ? "mixed" : "health").value_or(Stats{0, 0, 0, -1});
        }
        return statsOf(run(*port, token, connections, seconds, mixed), seconds);
    };
    const Stats health = measure(false);
    print("baseline GET /v1/health", health);
    const Stats mixed = measure(true);
    print("push (10 changes) / pull mix", mixed);
    std::printf("  ratio mixed/baseline %.2f\n", health.perSecond > 0 ? mixed.perSecond / health.perSecond : 0.0);

    // A fresh device pulls pullChanges changes of another account, page by page.
    std::string fresh;
    {
        auto accounts = sync::Accounts::open(database).value();
        (void)accounts->registerAccount(QStringLiteral("fresh@example.com"), QStringLiteral("benchmark-password"));
        fresh = accounts->login(QStringLiteral("fresh@example.com"), QStringLiteral("benchmark-password"))->accessToken.toStdString();
    }
    httplib::Client client("127.0.0.1", *port);
    const httplib::Headers auth{{"Authorization", "Bearer " + fresh}};
    size_t bodyBytes = 0;
    int fields = 0;
    for (int batch = 0; batch * 10 < pullChanges; ++batch) {
        const std::string body = pushBody(QStringLiteral("writer"), batch, 99);
        bodyBytes += body.size();
        fields += 10;
        auto pushed = client.Post("/v1/sync/push", auth, body, "application/json");
        if (!pushed || pushed->status != 200) {
            std::fprintf(stderr, "push failed\n");
            return 1;
        }
    }
    const auto start = Clock::now();
    long long since = 0;
    int pulled = 0;
    size_t pulledBytes = 0;
    for (bool more = true; more;) {
        auto page = client.Get(("/v1/sync/pull?limit=500&since=" + std::to_string(since)).c_str(), auth);
        if (!page || page->status != 200) {
            std::fprintf(stderr, "pull failed\n");
            return 1;
        }
        pulledBytes += page->body.size();
        const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(page->body)).object();
        pulled += static_cast<int>(json[QStringLiteral("changes")].toArray().size());
        since = static_cast<long long>(json[QStringLiteral("next_since")].toDouble());
        more = json[QStringLiteral("more")].toBool();
    }
    std::printf("fresh device pulls %d changes: %.2f s (%.0f changes/s)\n", pulled, std::chrono::duration<double>(Clock::now() - start).count(),
                pulled / std::chrono::duration<double>(Clock::now() - start).count());
    std::printf("bytes on the wire per changed field: push %.0f, pull %.0f (JSON bodies, no HTTP headers)\n",
                static_cast<double>(bodyBytes) / fields, static_cast<double>(pulledBytes) / std::max(1, pulled));
    const bool fannedOut = fanoutStreams == 0 || fanout(*port, fresh, fanoutStreams, fanoutStreams >= 1000 ? 40 : 10);
    server.stop();
    serving.join();
    return mixed.errors == 0 && mixed.perSecond > 0 && pulled >= pullChanges && fannedOut ? 0 : 1;
}
