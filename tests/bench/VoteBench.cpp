// Fan voting benchmark (issue 19): N fans hold one poll's live tally open (Server-Sent Events)
// while other fans' votes arrive at a target rate, against bandmate-server as its own process on
// loopback. It reports the votes accepted per second, the time from a vote's sending to the last
// of the N fans receiving an update that includes it (p50/p99), the server's resident memory
// per connection, and whether the final tally equals a recount of the stored ballots. The
// baseline in the same run is the same latency with one fan listening.
//   bandmate_bench_votes [--fans N] [--seconds S] [--rate VOTES_PER_S] [--db LOCATION] [--servers 1|2] [--quick]
//   (--db: a PostgreSQL URL, e.g. $BANDMATE_TEST_POSTGRES under tests/support/with-postgres.sh;
//   --servers 2 runs two server processes on it, the fans and the votes shared out over both,
//   so every update also crosses from one process to the other through LISTEN/NOTIFY)
#include "sync/server/Polls.h"
#include "sync/server/ServerDatabase.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <httplib.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

using namespace bandmate;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point start, Clock::time_point end)
{
    return std::chrono::duration<double, std::milli>(end - start).count();
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return -1.0;
    }
    std::sort(values.begin(), values.end());
    return values[static_cast<size_t>(std::min<double>(static_cast<double>(values.size() - 1), p * static_cast<double>(values.size())))];
}

long residentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toLong();
        }
    }
    return -1;
}

/// A server process on a free port.
struct Server {
    QProcess process;
    int port = 0;
    bool start(const QString& location, const QString& logPath)
    {
        process.setStandardErrorFile(logPath);
        process.start(QStringLiteral(BANDMATE_SERVER), {QStringLiteral("--db"), sync::isPostgresLocation(location) ? location : QStringLiteral("sqlite:") + location,
                                                        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--fan-limit"), QStringLiteral("0"),
                                                        QStringLiteral("--sync-limit"), QStringLiteral("0"), QStringLiteral("--max-per-address"), QStringLiteral("0")});
        if (!process.waitForReadyRead(15'000)) {
            return false;
        }
        port = QString::fromUtf8(process.readLine()).trimmed().section(QLatin1Char(':'), -1).toInt();
        return port > 0;
    }
    ~Server()
    {
        process.terminate();
        process.waitForFinished(10'000);
    }
};

/// Everyone listening: raw sockets on one epoll thread; each event's id is the poll version it
/// carries. For every version seen, how many fans have reached it (or a newer one) and when the
/// last of them did.
class Listeners {
public:
    Listeners(int port, const std::string& code, int count) : m_max(static_cast<size_t>(count), 0)
    {
        m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
        const std::string request = "GET /v/" + code + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
        for (int i = 0; i < count; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            sockaddr_in address{};
            address.sin_family = AF_INET;
            address.sin_port = htons(static_cast<uint16_t>(port));
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
                ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
                ++m_failed;
                if (fd >= 0) {
                    ::close(fd);
                }
                m_fds.push_back(-1);
                continue;
            }
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
            epoll_event event{};
            event.events = EPOLLIN;
            event.data.u32 = static_cast<uint32_t>(i);
            ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
            m_fds.push_back(fd);
        }
        m_pending.resize(m_fds.size());
        m_thread = std::thread([this] { run(); });
    }
    ~Listeners()
    {
        m_stop = true;
        m_thread.join();
        for (const int fd : m_fds) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
        ::close(m_epoll);
    }

    [[nodiscard]] int failed() const { return m_failed; }
    /// How many fans "all" means from now on (those that were live when the votes began).
    void expect(int fans)
    {
        const std::lock_guard lock(m_mutex);
        m_expected = static_cast<size_t>(fans);
    }
    /// Fans that have received at least one update.
    [[nodiscard]] int live() const
    {
        const std::lock_guard lock(m_mutex);
        return static_cast<int>(std::count_if(m_max.begin(), m_max.end(), [](qint64 v) { return v > 0; }));
    }
    /// When the last of the fans reached `version` (or newer); nullopt when not all have.
    [[nodiscard]] std::optional<Clock::time_point> allReached(qint64 version) const
    {
        const std::lock_guard lock(m_mutex);
        const size_t everyone = m_expected > 0 ? m_expected : m_max.size() - static_cast<size_t>(m_failed);
        for (auto it = m_reach.lower_bound(version); it != m_reach.end(); ++it) {
            if (it->second.count >= everyone) {
                return it->second.last;
            }
        }
        return std::nullopt;
    }

private:
    struct Reach {
        size_t count = 0;
        Clock::time_point last;
    };

    void run()
    {
        std::vector<epoll_event> events(256);
        char buffer[65536];
        while (!m_stop) {
            const int ready = ::epoll_wait(m_epoll, events.data(), static_cast<int>(events.size()), 50);
            for (int e = 0; e < ready; ++e) {
                const uint32_t index = events[static_cast<size_t>(e)].data.u32;
                for (;;) {
                    const ssize_t got = ::recv(m_fds[index], buffer, sizeof buffer, 0);
                    if (got <= 0) {
                        break;
                    }
                    std::string& pending = m_pending[index];
                    pending.append(buffer, static_cast<size_t>(got));
                    qint64 newest = 0;
                    for (size_t at = pending.find("\nid: "); at != std::string::npos; at = pending.find("\nid: ", at + 1)) {
                        newest = std::max<qint64>(newest, std::atoll(pending.c_str() + at + 5));
                    }
                    const size_t keep = pending.rfind('\n');
                    pending.erase(0, keep == std::string::npos ? 0 : keep);
                    if (newest > 0) {
                        reached(index, newest);
                    }
                }
            }
        }
    }

    void reached(uint32_t index, qint64 newest)
    {
        const auto now = Clock::now();
        const std::lock_guard lock(m_mutex);
        const qint64 before = m_max[index];
        if (newest <= before) {
            return;
        }
        m_max[index] = newest;
        if (!m_reach.contains(newest)) {
            // A version first seen now: every fan already past it has reached it.
            Reach& fresh = m_reach[newest];
            for (size_t i = 0; i < m_max.size(); ++i) {
                if (i != index && m_max[i] >= newest) {
                    ++fresh.count;
                    fresh.last = now;
                }
            }
        }
        for (auto it = m_reach.upper_bound(before); it != m_reach.end() && it->first <= newest; ++it) {
            ++it->second.count;
            it->second.last = now;
        }
    }

    int m_epoll = -1;
    std::vector<int> m_fds;
    std::vector<std::string> m_pending;
    std::vector<qint64> m_max;
    std::map<qint64, Reach> m_reach;
    mutable std::mutex m_mutex;
    size_t m_expected = 0;
    int m_failed = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

struct Voter {
    std::string cookie;
    std::string csrf;
};

struct Vote {
    Clock::time_point sent;  ///< the fans usually have it before the voter has the answer: measured from here
    qint64 version = 0;
};

/// Sends votes for `seconds` at `rate` a second from `voters` on eight keep-alive connections,
/// spread over the servers on `ports` (`round` shifts the songs, so a later round changes every
/// fan's ballot again); the answers.
std::vector<Vote> vote(const std::vector<int>& ports, const std::string& code, const std::vector<Voter>& voters, double rate, double seconds, int songs, int round,
                       long& errors)
{
    std::vector<Vote> all;
    std::mutex allMutex;
    std::atomic<long> failed{0};
    constexpr int kThreads = 8;  // enough votes in flight for group commit to gather them
    std::vector<std::thread> threads;
    const auto start = Clock::now();
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            httplib::Client client("127.0.0.1", ports[static_cast<size_t>(t) % ports.size()]);  // the servers take turns
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);
            const double interval = kThreads / rate;
            std::vector<Vote> mine;
            for (long n = 0;; ++n) {
                const auto due = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(interval * static_cast<double>(n)));
                if (msSince(start, due) > seconds * 1000.0) {
                    break;
                }
                std::this_thread::sleep_until(due);
                // Each time a fan votes again it is for the next song: every vote changes a ballot.
                const size_t turn = static_cast<size_t>(n * kThreads + t);
                const Voter& voter = voters[turn % voters.size()];
                const size_t song = (turn % voters.size() + turn / voters.size() + static_cast<size_t>(round)) % static_cast<size_t>(songs);
                const std::string body = "csrf=" + voter.csrf + "&song=s" + std::to_string(song);
                const auto sent = Clock::now();
                auto answer = client.Post(("/v/" + code + "/vote").c_str(), {{"Cookie", voter.cookie}, {"Accept", "application/json"}}, body,
                                          "application/x-www-form-urlencoded");
                if (!answer || answer->status != 200) {
                    ++failed;
                    continue;
                }
                mine.push_back({sent, QJsonDocument::fromJson(QByteArray::fromStdString(answer->body)).object().value(QStringLiteral("version")).toInteger()});
            }
            const std::lock_guard lock(allMutex);
            all.insert(all.end(), mine.begin(), mine.end());
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    errors = failed.load();
    return all;
}

/// The time from each vote's sending to the last fan (on any server) having it, in ms; `missing`
/// counts votes no update to every fan ever carried.
std::vector<double> latencies(const std::vector<Vote>& votes, const std::vector<std::unique_ptr<Listeners>>& groups, long& missing)
{
    std::vector<double> out;
    for (const Vote& vote : votes) {
        std::optional<Clock::time_point> last;
        for (const auto& group : groups) {
            const auto reached = group->allReached(vote.version);
            if (!reached) {
                last.reset();
                break;
            }
            last = last ? std::max(*last, *reached) : *reached;
        }
        if (last) {
            out.push_back(msSince(vote.sent, *last));
        } else {
            ++missing;
        }
    }
    return out;
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each result as it comes, also into a pipe
    int fans = 10'000;
    double seconds = 10.0;
    double rate = 2000.0;
    int serverCount = 1;
    QString location;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--fans") == 0 && i + 1 < argc) {
            fans = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
        } else if (std::strcmp(argv[i], "--rate") == 0 && i + 1 < argc) {
            rate = std::max(1.0, std::atof(argv[++i]));
        } else if (std::strcmp(argv[i], "--servers") == 0 && i + 1 < argc) {
            serverCount = std::clamp(std::atoi(argv[++i]), 1, 2);
        } else if (std::strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            location = QString::fromLocal8Bit(argv[++i]);
        } else if (std::strcmp(argv[i], "--quick") == 0) {
            fans = 200;
            seconds = 2.0;
            rate = 200.0;
        } else {
            std::fprintf(stderr, "usage: %s [--fans N] [--seconds S] [--rate VOTES_PER_S] [--db LOCATION] [--servers 1|2] [--quick]\n", argv[0]);
            return 2;
        }
    }
    rlimit files{};
    ::getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &files);

    QTemporaryDir dir;
    if (qEnvironmentVariableIsSet("BANDMATE_BENCH_KEEP")) {  // the servers' logs, to look at
        dir.setAutoRemove(false);
        std::printf("server logs in %s\n", qPrintable(dir.path()));
    }
    if (location.isEmpty()) {
        location = dir.filePath(QStringLiteral("server.sqlite"));
    }
    if (serverCount > 1 && !sync::isPostgresLocation(location)) {
        std::fprintf(stderr, "two server processes share a PostgreSQL database: --db postgresql://...\n");
        return 2;
    }
    // One or two processes on the database (one after the other: each makes the schema it needs).
    std::vector<std::unique_ptr<Server>> servers;
    std::vector<int> ports;
    for (int i = 0; i < serverCount; ++i) {
        servers.push_back(std::make_unique<Server>());
        if (!servers.back()->start(location, dir.filePath(QStringLiteral("server-%1.log").arg(i)))) {
            std::fprintf(stderr, "server %d did not start\n", i + 1);
            return 1;
        }
        ports.push_back(servers.back()->port);
    }
    Server& server = *servers.front();
    const auto resident = [&servers] {
        long total = 0;
        for (const auto& each : servers) {
            total += residentKiB(each->process.processId());
        }
        return total;
    };
    httplib::Client api("127.0.0.1", server.port);
    const std::string credentials = R"({"email":"band@example.org","password":"salsa-dura-1978"})";
    api.Post("/v1/auth/register", credentials, "application/json");
    const QString token = QJsonDocument::fromJson(QByteArray::fromStdString(api.Post("/v1/auth/login", credentials, "application/json")->body))
                              .object()
                              .value(QStringLiteral("access_token"))
                              .toString();
    constexpr int kSongs = 10;
    QJsonArray songs;
    for (int i = 0; i < kSongs; ++i) {
        songs.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("s%1").arg(i)}, {QStringLiteral("title"), QStringLiteral("Song number %1").arg(i + 1)}});
    }
    const QJsonObject spec{{QStringLiteral("question"), QStringLiteral("Which one for the encore?")}, {QStringLiteral("songs"), songs}, {QStringLiteral("open_now"), true}};
    const QJsonObject poll = QJsonDocument::fromJson(QByteArray::fromStdString(api.Post("/v1/polls", {{"Authorization", "Bearer " + token.toStdString()}},
                                                                                        QJsonDocument(spec).toJson(QJsonDocument::Compact).toStdString(), "application/json")
                                                                                   ->body))
                                 .object();
    const std::string code = poll.value(QStringLiteral("code")).toString().toStdString();
    const QString pollId = poll.value(QStringLiteral("id")).toString();
    if (code.empty()) {
        std::fprintf(stderr, "no poll was created\n");
        return 1;
    }

    // The voting fans: a page each (their cookie and form token).
    std::vector<Voter> voters;
    const int voterCount = std::clamp(static_cast<int>(rate), 50, 2000);
    httplib::Client pages("127.0.0.1", server.port);
    pages.set_keep_alive(true);
    static const QRegularExpression csrf(QStringLiteral("name=\"csrf\" value=\"([^\"]+)\""));
    for (int i = 0; i < voterCount; ++i) {
        auto page = pages.Get(("/v/" + code).c_str());
        const std::string cookie = page ? page->get_header_value("Set-Cookie") : std::string();
        voters.push_back({cookie.substr(0, cookie.find(';')), csrf.match(QString::fromStdString(page ? page->body : std::string())).captured(1).toStdString()});
    }
    std::printf("fan voting on %s, %d server process%s (votes and fans spread over them), %d voting fans\n",
                sync::isPostgresLocation(location) ? "PostgreSQL" : "SQLite", serverCount, serverCount > 1 ? "es" : "", voterCount);

    // Baseline: one fan listening, votes at a tenth of the rate.
    double baselineP50 = -1.0;
    {
        std::vector<std::unique_ptr<Listeners>> one;
        one.push_back(std::make_unique<Listeners>(server.port, code, 1));
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        long errors = 0;
        long missing = 0;
        const auto votes = vote({server.port}, code, voters, std::max(20.0, rate / 10.0), std::min(2.0, seconds), kSongs, 0, errors);
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        const auto ms = latencies(votes, one, missing);
        baselineP50 = percentile(ms, 0.5);
        std::printf("baseline, 1 fan listening: %zu votes, vote to fan p50 %.1f ms, p99 %.1f ms\n", votes.size(), baselineP50, percentile(ms, 0.99));
    }

    const long before = resident();
    // The fans, shared out over the servers as a load balancer would.
    std::vector<std::unique_ptr<Listeners>> everyone;
    for (int i = 0; i < serverCount; ++i) {
        everyone.push_back(std::make_unique<Listeners>(ports[static_cast<size_t>(i)], code, fans / serverCount + (i < fans % serverCount ? 1 : 0)));
    }
    const auto count = [&everyone](auto what) {
        int total = 0;
        for (const auto& group : everyone) {
            total += what(*group);
        }
        return total;
    };
    const int failed = count([](const Listeners& group) { return group.failed(); });
    for (int i = 0; i < 200 && count([](const Listeners& group) { return group.live(); }) < fans - failed; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    const long withFans = resident();
    const int live = count([](const Listeners& group) { return group.live(); });
    for (auto& group : everyone) {
        group->expect(group->live());
    }
    std::printf("%d fans listening (%d could not connect, %d connected but had no update within 10 s), server resident %ld KiB -> %ld KiB: %.1f KiB per fan\n",
                live, failed, fans - failed - live, before, withFans, static_cast<double>(withFans - before) / std::max(1, live));

    long errors = 0;
    const auto start = Clock::now();
    const auto votes = vote(ports, code, voters, rate, seconds, kSongs, 5, errors);
    const double elapsed = msSince(start, Clock::now()) / 1000.0;
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // the last updates arrive
    long missing = 0;
    const auto ms = latencies(votes, everyone, missing);
    const double p50 = percentile(ms, 0.5);
    std::printf("votes: %zu accepted in %.1f s = %.0f votes/s (aim %.0f), %ld errors\n", votes.size(), elapsed, static_cast<double>(votes.size()) / elapsed, rate,
                errors);
    std::printf("vote to the last of %d fans: p50 %.1f ms, p99 %.1f ms (%.1fx and %.1fx the 1-fan p50), %ld votes no update reached every fan with\n",
                live, p50, percentile(ms, 0.99), p50 / std::max(0.1, baselineP50), percentile(ms, 0.99) / std::max(0.1, baselineP50), missing);
    std::printf("server resident after the votes: %ld KiB\n", resident());

    // The live tally against a recount of the stored ballots.
    auto polls = sync::PollService::open(location);
    bool equal = false;
    if (polls) {
        auto recount = (*polls)->recount(pollId);
        auto stored = (*polls)->byId(pollId);
        equal = recount && stored;
        if (equal) {
            for (const auto& option : stored->options) {
                equal = equal && option.votes == recount->value(option.key);
            }
        }
        std::printf("final tally %s the recount of %lld ballots\n", equal ? "equals" : "DIFFERS FROM", stored ? static_cast<long long>(stored->ballots) : -1LL);
    }
    return equal && errors == 0 && missing == 0 ? 0 : 1;
}
