#include "sync/server/HttpCore.h"

#include "sync/server/ServerLog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <limits>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <unordered_map>

namespace bandmate::sync::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = boost::asio::ip::tcp;
using Clock = std::chrono::steady_clock;

std::string Request::header(std::string_view name) const
{
    for (const auto& [key, value] : headers) {
        if (beast::iequals(key, name)) {
            return value;
        }
    }
    return {};
}

bool Request::hasParam(const QString& name) const
{
    return QUrlQuery(QString::fromStdString(query)).hasQueryItem(name);
}

QString Request::param(const QString& name) const
{
    return QUrlQuery(QString::fromStdString(query)).queryItemValue(name, QUrl::FullyDecoded);
}

std::string Request::cookie(std::string_view name) const
{
    for (const auto& [key, value] : headers) {
        if (!beast::iequals(key, "Cookie")) {
            continue;
        }
        std::string_view rest = value;
        while (!rest.empty()) {
            const std::size_t end = rest.find(';');
            std::string_view pair = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            while (!pair.empty() && pair.front() == ' ') {
                pair.remove_prefix(1);
            }
            const std::size_t equals = pair.find('=');
            if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
                return std::string(pair.substr(equals + 1));
            }
        }
    }
    return {};
}

QStringList Request::formValues(const QString& name) const
{
    // A form encodes a space as "+", which QUrlQuery leaves as it is.
    QByteArray encoded = QByteArray::fromStdString(body);
    encoded.replace('+', "%20");
    return QUrlQuery(QString::fromLatin1(encoded)).allQueryItemValues(name, QUrl::FullyDecoded);
}

void Response::error(int errorStatus, const char* code, const std::string& message)
{
    json(errorStatus, QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)}, {QStringLiteral("message"), QString::fromStdString(message)}});
}

void Response::json(int answerStatus, const QJsonObject& answer)
{
    status = answerStatus;
    contentType = "application/json";
    body = QJsonDocument(answer).toJson(QJsonDocument::Compact).toStdString();
}

namespace {

/// A request's headers and body may take this long in all after the headers, however steadily
/// the bytes trickle in (a body that never ends is cut).
constexpr std::chrono::seconds kBodyDeadline{60};
/// How long stop() waits for requests in flight before it closes what is left.
constexpr std::chrono::seconds kDrainDeadline{5};

/// Fixed threads, one WorkerState each (a database connection per thread), and a bounded queue:
/// a request that finds it full is refused at once instead of waiting behind an unbounded backlog.
class WorkerPool {
public:
    using Job = std::function<void(WorkerState* state, const std::string& openError)>;

    WorkerPool(int threads, std::size_t limit, Core::MakeWorker make) : m_limit(limit), m_make(std::move(make))
    {
        for (int i = 0; i < std::max(1, threads); ++i) {
            m_threads.emplace_back([this] { work(); });
        }
    }
    ~WorkerPool()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        for (auto& thread : m_threads) {
            thread.join();
        }
    }
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    void discardQueued()
    {
        std::deque<Job> dropped;
        {
            const std::lock_guard lock(m_mutex);
            dropped.swap(m_queue);
        }
    }

    [[nodiscard]] std::size_t depth()
    {
        const std::lock_guard lock(m_mutex);
        return m_queue.size();
    }

    /// False when the queue is full (the job is not taken).
    bool tryPost(Job job)
    {
        {
            const std::lock_guard lock(m_mutex);
            if (m_queue.size() >= m_limit) {
                return false;
            }
            m_queue.push_back(std::move(job));
        }
        m_wake.notify_one();
        return true;
    }

private:
    void work()
    {
        // Each worker opens its connections at start, one worker at a time (their schema checks
        // must not race on PostgreSQL), not on its first job: a crowd arriving at a fresh server
        // would otherwise fill the queue while eight workers connect (503s for a cold process).
        std::unique_ptr<WorkerState> state;
        std::string openError;
        {
            const std::lock_guard opening(m_openMutex);
            const bool stopping = [this] {
                const std::lock_guard lock(m_mutex);
                return m_stopping;
            }();
            if (!stopping) {
                auto made = m_make();
                if (made) {
                    state = std::move(*made);
                } else {
                    openError = made.error().toString();
                }
            }
        }
        for (;;) {
            Job job;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
                if (m_queue.empty()) {
                    return;  // stopping, and everything queued is done
                }
                job = std::move(m_queue.front());
                m_queue.pop_front();
            }
            if (!state) {
                auto made = m_make();
                if (made) {
                    state = std::move(*made);
                } else {
                    openError = made.error().toString();
                }
            }
            job(state.get(), openError);
        }
    }

    std::size_t m_limit;
    Core::MakeWorker m_make;
    std::mutex m_openMutex;  ///< one worker opens its connections at a time
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};


/// A Prometheus histogram of seconds, lock-free to observe.
class Histogram {
public:
    static constexpr std::array<double, 12> kBounds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};

    void observe(double seconds)
    {
        const auto bucket = static_cast<std::size_t>(std::lower_bound(kBounds.begin(), kBounds.end(), seconds) - kBounds.begin());
        m_counts[bucket].fetch_add(1, std::memory_order_relaxed);
        m_micros.fetch_add(static_cast<std::uint64_t>(std::max(0.0, seconds) * 1e6), std::memory_order_relaxed);
    }

    /// Appends the _bucket, _sum and _count lines of `name` with `labels` ("" or `a="b",`).
    void write(std::string& out, const std::string& name, const std::string& labels) const
    {
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i <= kBounds.size(); ++i) {
            cumulative += m_counts[i].load(std::memory_order_relaxed);
            const std::string bound = i < kBounds.size() ? formatBound(kBounds[i]) : std::string("+Inf");
            out += name + "_bucket{" + labels + "le=\"" + bound + "\"} " + std::to_string(cumulative) + "\n";
        }
        const std::string plain = labels.empty() ? std::string() : "{" + labels.substr(0, labels.size() - 1) + "}";
        out += name + "_sum" + plain + " " + std::to_string(static_cast<double>(m_micros.load(std::memory_order_relaxed)) / 1e6) + "\n";
        out += name + "_count" + plain + " " + std::to_string(cumulative) + "\n";
    }

private:
    static std::string formatBound(double bound)
    {
        std::string text = std::to_string(bound);
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') {
            text.pop_back();
        }
        return text;
    }

    std::array<std::atomic<std::uint64_t>, kBounds.size() + 1> m_counts{};
    std::atomic<std::uint64_t> m_micros{0};
};

/// A route's (or "unmatched", "invalid", "refused") counts for /metrics, lock-free to update.
struct RouteStats {
    explicit RouteStats(std::string routeLabel) : label(std::move(routeLabel)) {}
    std::string label;  ///< "GET /v1/health"
    Histogram latency;  ///< seconds to answer
    std::array<std::atomic<std::uint64_t>, 600> answered{};  ///< by status
};

struct Route {
    Screen screen;
    Handler handler;
    RouteStats* stats = nullptr;  ///< Core::Impl's
};

/// One update as each kind of stream sends it, serialized once: Server-Sent Event text, and
/// the JSON text of a WebSocket message ({"id","event","data"}; empty: nothing to send there,
/// as for a heartbeat, which WebSocket does with its own pings).
struct Event {
    std::string sse;
    std::string json;
};

/// A stream's end of the hub: takes an event (shared, never copied) on any thread.
class Subscriber {
public:
    virtual ~Subscriber() = default;
    virtual void deliver(std::shared_ptr<const Event> event) = 0;
};

/// At most this often per topic (the newest update wins in between).
constexpr std::chrono::milliseconds kTopicInterval{100};
/// Events a second one topic may send in all: a topic so large that ten updates a second would
/// spend the server on deliveries alone (10,000 listeners: 100,000 writes a second) updates less
/// often instead (10,000 listeners: four times a second), and its requests keep being served.
constexpr std::size_t kTopicDeliveriesPerSecond = 40'000;

}  // namespace

std::chrono::milliseconds topicInterval(std::size_t subscribers)
{
    return std::max(kTopicInterval, std::chrono::milliseconds(subscribers * 1000 / kTopicDeliveriesPerSecond));
}

namespace {
/// A comment line to every stream this often: proxies and clients keep it open (a dead peer
/// shows up only when TCP gives up on it).
constexpr std::chrono::seconds kHeartbeat{20};

struct Topic;
void collectLive(Topic& topic, std::vector<std::shared_ptr<Subscriber>>& live);

struct Topic {
    std::shared_ptr<const Event> latest;
    std::uint64_t version = 0;
    Clock::time_point lastFlush{};
    bool flushPending = false;
    std::unique_ptr<asio::steady_timer> timer;
    std::vector<std::weak_ptr<Subscriber>> subscribers;
};

/// Appends the topic's subscribers still there to `live`, and forgets the others.
void collectLive(Topic& topic, std::vector<std::shared_ptr<Subscriber>>& live)
{
    std::erase_if(topic.subscribers, [&live](const auto& weak) {
        auto subscriber = weak.lock();
        const bool gone = !subscriber;
        if (!gone) {
            live.push_back(std::move(subscriber));
        }
        return gone;
    });
}

/// What stop() needs of a connection: close it if it is idle, else after its answer.
class Drainable {
public:
    virtual ~Drainable() = default;
    virtual void drain() = 0;
    /// Its session ended: a stream says so and closes (any thread).
    virtual void endSession() = 0;
};

/// What a stream whose session ended hears last.
std::shared_ptr<const Event> sessionEnded()
{
    static const auto ended = std::make_shared<const Event>(Event{": the session ended\nretry: 2000\n\n", {}});
    return ended;
}

}  // namespace

struct Core::Impl {
    Impl(CoreOptions coreOptions, MakeWorker makeWorker, Log logLine, AfterRequest afterRequest)
        : options(std::move(coreOptions)), make(std::move(makeWorker)), log(std::move(logLine)), after(std::move(afterRequest))
    {
    }

    CoreOptions options;
    MakeWorker make;
    Log log;
    AfterRequest after;
    std::map<std::pair<std::string, std::string>, Route> routes;
    struct PrefixRoute {
        std::string method;
        std::string prefix;
        Route route;
    };
    std::vector<PrefixRoute> prefixRoutes;

    /// The route of a request, or null.
    const Route* findRoute(const std::string& method, const std::string& path) const
    {
        if (const auto found = routes.find({method, path}); found != routes.end()) {
            return &found->second;
        }
        for (const PrefixRoute& candidate : prefixRoutes) {
            if (candidate.method == method && path.starts_with(candidate.prefix)) {
                return &candidate.route;
            }
        }
        return nullptr;
    }

    std::atomic<bool> running{false};
    std::atomic<bool> stopping{false};
    std::atomic<int> open{0};      ///< connections
    std::atomic<int> inFlight{0};  ///< requests read and not yet answered
    std::mutex connectionsMutex;
    std::list<std::weak_ptr<Drainable>> connections;

    // Metrics (GET /metrics).
    /// By route label; complete before run() (read-only then). The labels every server has:
    std::map<std::string, std::unique_ptr<RouteStats>> stats;
    RouteStats* const metricsStats = statsFor("GET /metrics");
    RouteStats* const unmatchedStats = statsFor("unmatched");
    RouteStats* const invalidStats = statsFor("invalid");
    RouteStats* const refusedStats = statsFor("refused");

    RouteStats* statsFor(const std::string& label)
    {
        auto& entry = stats[label];
        if (!entry) {
            entry = std::make_unique<RouteStats>(label);
        }
        return entry.get();
    }
    Histogram queueWait;  ///< seconds from the queue to a database worker
    std::atomic<std::uint64_t> rateLimited{0};
    std::atomic<std::uint64_t> busy{0};
    std::atomic<std::uint64_t> refused{0};  ///< connections over a cap
    std::atomic<int> admitted{0};  ///< connections counted against CoreOptions::maxConnections
    std::atomic<int> refusing{0};  ///< refusals still answering
    /// The log hears of refusals at most every kRefusalNoticeMs (a refusal a TLS listener or a
    /// flood closes unanswered has no request line of its own): when it last did, and the
    /// count then.
    std::atomic<std::int64_t> refusalNoticeAtMs{std::numeric_limits<std::int64_t>::min() / 2};
    std::atomic<std::uint64_t> refusedAtNotice{0};
    static constexpr std::int64_t kRefusalNoticeMs = 10'000;

    /// Connections were refused at a cap (the last from `address`; empty from the heartbeat,
    /// which tells of those since the last notice): a notice, unless one was given lately.
    void noteRefusals(const std::string& address)
    {
        const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
        std::int64_t last = refusalNoticeAtMs.load();
        if (now - last < kRefusalNoticeMs || refused.load() == refusedAtNotice.load() || !refusalNoticeAtMs.compare_exchange_strong(last, now)) {
            return;
        }
        const std::uint64_t total = refused.load();
        const std::uint64_t since = total - refusedAtNotice.exchange(total);
        if (since == 0) {
            return;
        }
        const auto cap = [](int value) { return value > 0 ? std::to_string(value) : std::string("no cap"); };
        ServerLog::notice("refused " + std::to_string(since) + (since == 1 ? " connection" : " connections") + " at the connection cap (" +
                          (address.empty() ? std::string() : "the last from " + address + "; ") + "at most " + cap(options.maxConnections) +
                          " in all, " + cap(options.maxConnectionsPerAddress) + " per address): the total is in /metrics, bandmate_connections_refused_total");
    }

    // Connection caps (CoreOptions::maxConnections, maxConnectionsPerAddress).
    std::mutex addressesMutex;
    std::unordered_map<std::string, int> perAddress;  ///< open connections by address (or /64)

    /// Counts a new connection from `key` unless that address is at its cap: false then.
    bool admit(const std::string& key)
    {
        if (options.maxConnectionsPerAddress <= 0 || key.empty()) {
            return true;
        }
        const std::lock_guard lock(addressesMutex);
        int& count = perAddress[key];
        if (count >= options.maxConnectionsPerAddress) {
            return false;
        }
        ++count;
        return true;
    }
    void release(const std::string& key)
    {
        const std::lock_guard lock(addressesMutex);
        const auto found = perAddress.find(key);
        if (found != perAddress.end() && --found->second <= 0) {
            perAddress.erase(found);
        }
    }

    /// Counts an answer.
    void count(RouteStats& route, int status, double seconds)
    {
        route.answered[static_cast<std::size_t>(std::clamp(status, 0, 599))].fetch_add(1, std::memory_order_relaxed);
        route.latency.observe(seconds);
        if (status == 429) {
            rateLimited.fetch_add(1, std::memory_order_relaxed);
        } else if (status == 503) {
            busy.fetch_add(1, std::memory_order_relaxed);
        }
    }

    [[nodiscard]] std::string metricsText();
    std::vector<std::function<std::string()>> extraMetrics;  ///< complete before run(): read-only then

    // Live updates (Core::publish). Topics hold timers on `io` (declared below): ~Core clears
    // them before `io` goes.
    mutable std::mutex hubMutex;
    std::unordered_map<std::string, Topic> topics;
    std::atomic<int> streams{0};
    std::unique_ptr<asio::steady_timer> heartbeat;
    /// Streams by tag (Response::streamTags), for endStreams.
    std::mutex tagsMutex;
    std::unordered_map<std::string, std::vector<std::weak_ptr<Drainable>>> tagged;
    /// When each tag was last ended (kept a few minutes): a stream whose request came before
    /// that, authenticated before the session ended but tagged only after, ends at once.
    std::unordered_map<std::string, Clock::time_point> ended;

    /// Registers a stream under its tags; false when one of them ended since `requestedAt`.
    bool tag(const std::vector<std::string>& tags, const std::weak_ptr<Drainable>& stream, Clock::time_point requestedAt)
    {
        const std::lock_guard lock(tagsMutex);
        for (const std::string& name : tags) {
            if (const auto found = ended.find(name); found != ended.end() && found->second >= requestedAt) {
                return false;
            }
        }
        for (const std::string& name : tags) {
            auto& list = tagged[name];
            std::erase_if(list, [](const auto& weak) { return weak.expired(); });
            list.push_back(stream);
        }
        return true;
    }
    /// Forgets the tags whose streams have all gone, and old ends (the heartbeat's sweep).
    void sweepTags()
    {
        const std::lock_guard lock(tagsMutex);
        const auto old = Clock::now() - std::chrono::minutes(2);
        std::erase_if(ended, [old](const auto& entry) { return entry.second < old; });
        for (auto it = tagged.begin(); it != tagged.end();) {
            std::erase_if(it->second, [](const auto& weak) { return weak.expired(); });
            it = it->second.empty() ? tagged.erase(it) : std::next(it);
        }
    }

    /// Registers a stream; the event to send it at once (null: none).
    std::shared_ptr<const Event> subscribe(const std::string& name, std::weak_ptr<Subscriber> subscriber, const std::string& lastEventId);
    void flush(const std::string& name);
    void beat();

    // Destroyed in reverse: the pool first (its jobs hold connections), then the acceptor and the
    // I/O context (whose handlers hold connections), the TLS context last.
    std::optional<asio::ssl::context> tls;
    asio::io_context io;
    /// The acceptor, its timers, the signals and the heartbeat: one strand, whichever I/O thread
    /// runs them (stop() posts here too).
    asio::strand<asio::io_context::executor_type> control{asio::make_strand(io)};
    tcp::acceptor acceptor{control};
    asio::steady_timer acceptRetry{control};
    asio::steady_timer drainTimer{control};
    Clock::time_point drainDeadline;
    std::optional<asio::signal_set> signals;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> keepRunning;
    std::unique_ptr<WorkerPool> pool;
    // (The hub's topics and heartbeat timer are cleared in ~Core before the I/O context goes.)

    void accept();
    void beginDrain();
    void pollDrain();
};

namespace {

template <class Stream>
class Connection final : public Drainable, public Subscriber, public std::enable_shared_from_this<Connection<Stream>> {
public:
    static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

    Connection(tcp::socket&& socket, Core::Impl& core) requires(!kTls)
        : m_stream(std::move(socket)), m_core(core), m_buffer(bufferLimit(core))
    {
        opened();
    }
    Connection(tcp::socket&& socket, asio::ssl::context& tls, Core::Impl& core) requires(kTls)
        : m_stream(std::move(socket), tls), m_core(core), m_buffer(bufferLimit(core))
    {
        opened();
    }
    ~Connection() override
    {
        {
            const std::lock_guard lock(m_core.connectionsMutex);
            m_core.connections.erase(m_registered);
        }
        if (m_streaming) {
            m_core.streams.fetch_sub(1);
        }
        if (!m_capKey.empty()) {
            m_core.release(m_capKey);
        }
        if (m_admitted) {
            m_core.admitted.fetch_sub(1);
        }
        if (m_refusing) {
            m_core.refusing.fetch_sub(1);
        }
        m_core.open.fetch_sub(1);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void start()
    {
        boost::system::error_code ignored;
        auto peer = beast::get_lowest_layer(m_stream).socket().remote_endpoint(ignored).address();
        if (peer.is_v6() && peer.to_v6().is_v4_mapped()) {
            peer = asio::ip::make_address_v4(asio::ip::v4_mapped, peer.to_v6());  // as --trusted-proxy names it
        }
        m_remote = peer.to_string();
        m_loopback = peer.is_loopback() || (peer.is_v6() && peer.to_v6().is_v4_mapped() && peer.to_v6().to_v4().is_loopback());
        {
            const std::lock_guard lock(m_core.connectionsMutex);
            m_registered = m_core.connections.insert(m_core.connections.end(), this->weak_from_this());
        }
        if (!admitted(peer)) {
            m_core.refused.fetch_add(1, std::memory_order_relaxed);
            m_core.noteRefusals(m_remote);
            // Each refusal holds its socket while it answers (a quarter of a second at most): a
            // flood past kMostRefusing at once is closed unanswered, so refusals never eat the
            // files the server keeps in reserve for its database.
            m_refusing = m_core.refusing.fetch_add(1) < kMostRefusing;
            if (!m_refusing) {
                m_core.refusing.fetch_sub(1);
            }
            if (kTls || !m_refusing) {
                beast::get_lowest_layer(m_stream).socket().close(ignored);  // no handshake spent on it
            } else {
                m_lingerFor = std::chrono::milliseconds(250);
                asio::dispatch(m_stream.get_executor(), [self = this->shared_from_this()] {
                    self->answerAndClose(503, "too_many_connections", "too many connections from this address, or to this server; try again shortly",
                                         self->m_core.refusedStats, "10");
                });
            }
            return;
        }
        if constexpr (kTls) {
            beast::get_lowest_layer(m_stream).expires_after(m_core.options.readTimeout);
            m_stream.async_handshake(asio::ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
                if (ec) {
                    return;  // not TLS, or gave up: nothing to answer
                }
                self->readRequest();
            });
        } else {
            // Reading starts on the connection's strand like everything after it.
            asio::dispatch(m_stream.get_executor(), [self = this->shared_from_this()] { self->readRequest(); });
        }
    }

    void drain() override
    {
        asio::post(m_stream.get_executor(), [self = this->shared_from_this()] {
            if (self->m_idle) {
                beast::get_lowest_layer(self->m_stream).cancel();  // the read ends; the connection closes
            } else {
                static const auto stopping = std::make_shared<const Event>(Event{": the server is stopping\nretry: 2000\n\n", {}});
                self->sayGoodbye(stopping);
            }
        });
    }

    /// Ends a stream with a last word: come back in two seconds (to another server, this one
    /// restarted, or with a valid token); on a WebSocket, a close frame. On the strand.
    void sayGoodbye(const std::shared_ptr<const Event>& goodbye)
    {
        if (m_ws && !m_wsOpen) {
            m_closeAfterWrite = true;  // mid-handshake: the handshake's end closes it
        } else if (m_streaming && !m_closeAfterWrite) {
            m_next = goodbye;
            m_closeAfterWrite = true;
            if (!m_writing) {
                writeNext();
            }
        }
    }

    void endSession() override
    {
        asio::post(m_stream.get_executor(), [self = this->shared_from_this()] { self->sayGoodbye(sessionEnded()); });
    }

    /// A stream whose session's token expires at `untilMs` (Unix ms) ends then.
    void endStreamAt(std::int64_t untilMs)
    {
        if (untilMs <= 0) {
            return;
        }
        // The token is good up to and including its last millisecond (Accounts::authenticate):
        // the stream ends after it. The timer runs on the steady clock and tokens on the wall
        // clock, which a time service may slew: on waking, the wall clock decides, and a timer
        // that woke early waits again for the rest (a client told "ended" and back at once would
        // otherwise still be let in).
        const auto left = std::chrono::milliseconds(std::max<std::int64_t>(0, untilMs + 1 - QDateTime::currentMSecsSinceEpoch()));
        m_streamEnd.emplace(m_stream.get_executor(), left);
        // Weak: a client that left is not kept until then.
        m_streamEnd->async_wait([weak = this->weak_from_this(), untilMs](beast::error_code ec) {
            if (auto self = weak.lock(); self && !ec) {
                if (QDateTime::currentMSecsSinceEpoch() <= untilMs) {
                    self->endStreamAt(untilMs);
                    return;
                }
                self->sayGoodbye(sessionEnded());
            }
        });
    }

    void deliver(std::shared_ptr<const Event> event) override
    {
        asio::post(m_stream.get_executor(), [self = this->shared_from_this(), event = std::move(event)]() mutable {
            if (!self->m_streaming || self->m_closeAfterWrite) {
                return;
            }
            if (self->m_next && event->sse.starts_with(':')) {
                return;  // a heartbeat never replaces an event waiting to go
            }
            // Only the newest waits: a slow reader skips what it had no time for.
            self->m_next = std::move(event);
            if (!self->m_writing) {
                self->writeNext();
            }
        });
    }

private:
    /// Refusals answered at once, at most (past it they are closed unanswered).
    static constexpr int kMostRefusing = 32;

    /// Whether the caps let this connection in (counted under its address when they do).
    bool admitted(const asio::ip::address& peer)
    {
        const CoreOptions& options = m_core.options;
        if (options.maxConnections > 0 && m_core.admitted.fetch_add(1) >= options.maxConnections) {
            m_core.admitted.fetch_sub(1);
            return false;
        }
        const auto counted = [this] {
            m_admitted = true;
            return true;
        };
        if (options.maxConnectionsPerAddress <= 0 ||
            std::find(options.uncappedAddresses.begin(), options.uncappedAddresses.end(), m_remote) != options.uncappedAddresses.end()) {
            return options.maxConnections <= 0 || counted();
        }
        std::string key = m_remote;
        if (peer.is_v6()) {
            auto bytes = peer.to_v6().to_bytes();
            std::fill(bytes.begin() + 8, bytes.end(), 0);  // one host has a whole /64 to choose from
            key = asio::ip::address_v6(bytes).to_string() + "/64";
        }
        if (!m_core.admit(key)) {
            if (options.maxConnections > 0) {
                m_core.admitted.fetch_sub(1);
            }
            return false;
        }
        m_capKey = std::move(key);
        return options.maxConnections <= 0 || counted();
    }

    /// Headers and a little more: what is not parsed yet may not grow past it (a chunk extension
    /// or trailer without end is refused, not buffered).
    static std::size_t bufferLimit(const Core::Impl& core) { return core.options.maxHeader + 64 * 1024; }

    void opened()
    {
        m_core.open.fetch_add(1);
    }

    void readRequest()
    {
        if (m_core.stopping && m_buffer.size() == 0) {
            close();
            return;
        }
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(m_core.options.maxHeader));
        m_parser->body_limit(m_core.options.maxBody);
        m_headerDeadline.reset();
        m_bodyDeadline.reset();
        m_idle = m_buffer.size() == 0;
        if (m_idle) {
            // Idle until the first byte (the keep-alive timeout after an answer; a new connection
            // must begin within the read timeout); the parser waits for whole headers, so the
            // header deadline starts at that byte.
            beast::get_lowest_layer(m_stream).expires_after(m_served ? m_core.options.keepAlive : m_core.options.readTimeout);
            m_stream.async_read_some(m_buffer.prepare(4096), [self = this->shared_from_this()](beast::error_code ec, std::size_t bytes) {
                self->m_buffer.commit(bytes);
                self->m_idle = false;
                if (ec) {
                    self->close();  // gone, idle too long, or drained
                    return;
                }
                self->m_headerDeadline = Clock::now() + self->m_core.options.readTimeout;
                beast::get_lowest_layer(self->m_stream).expires_at(*self->m_headerDeadline);
                self->readSome();
            });
            return;
        }
        m_headerDeadline = Clock::now() + m_core.options.readTimeout;
        beast::get_lowest_layer(m_stream).expires_at(*m_headerDeadline);
        readSome();
    }

    void readSome()
    {
        bhttp::async_read_some(m_stream, m_buffer, *m_parser,
                               [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(beast::error_code ec)
    {
        m_idle = false;
        if (ec == bhttp::error::header_limit) {
            answerAndClose(431, "headers_too_large", "the request's headers are larger than " + std::to_string(m_core.options.maxHeader / 1024) + " KiB");
            return;
        }
        if (ec == bhttp::error::body_limit) {
            answerAndClose(413, "too_large", "the body is larger than " + std::to_string(m_core.options.maxBody / 1024 / 1024) + " MiB");
            return;
        }
        if (ec) {
            const bool parseError = ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
                                    ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
            if (parseError) {
                answerAndClose(400, "bad_request", "not an HTTP/1.1 request: " + ec.message());
            } else {
                close();  // the client went away, or a timeout cut a slow or idle one
            }
            return;
        }
        auto& lowest = beast::get_lowest_layer(m_stream);
        if (!m_parser->is_header_done()) {
            if (!m_headerDeadline) {
                m_headerDeadline = Clock::now() + m_core.options.readTimeout;
            }
            lowest.expires_at(*m_headerDeadline);  // all headers within the read timeout: slow-loris clients are cut
            readSome();
            return;
        }
        if (!m_parser->is_done()) {
            if (!m_bodyDeadline) {
                m_bodyDeadline = Clock::now() + kBodyDeadline;
            }
            lowest.expires_at(std::min(Clock::now() + m_core.options.readTimeout, *m_bodyDeadline));
            readSome();
            return;
        }
        lowest.expires_never();
        handle(m_parser->release());
    }

    void handle(bhttp::request<bhttp::string_body>&& message)
    {
        m_started = Clock::now();
        m_served = true;
        m_headRequest = message.method() == bhttp::verb::head;
        if (beast::websocket::is_upgrade(message)) {
            bhttp::request_header<> header = message.base();  // the handshake needs the headers only
            m_upgrade.emplace(std::move(header));
        }
        m_keepAlive = message.keep_alive();
        m_version = message.version();
        auto request = std::make_shared<Request>();
        request->method = std::string(message.method_string());
        const std::string_view target = message.target();
        const std::size_t question = target.find('?');
        request->path = std::string(target.substr(0, question));
        if (question != std::string_view::npos) {
            request->query = std::string(target.substr(question + 1));
        }
        request->body = std::move(message.body());
        request->remoteAddress = m_remote;
        for (const auto& field : message) {
            request->headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
        }
        m_core.inFlight.fetch_add(1);

        auto response = std::make_shared<Response>();
        if (request->method == "GET" && request->path == "/metrics") {
            // For the operator's scraper on this machine only (the nginx example keeps it inside).
            m_stats = m_core.metricsStats;
            // Through a proxy every request comes from this machine too: a forwarded one is not
            // the operator's scraper.
            if (m_loopback && request->header("X-Forwarded-For").empty() && request->header("Forwarded").empty()) {
                response->contentType = "text/plain; version=0.0.4";
                response->body = m_core.metricsText();
            } else {
                response->error(404, "not_found", "no such endpoint: GET /metrics");
            }
            finish(*request, response);
            return;
        }
        const Route* found = m_core.findRoute(request->method, request->path);
        if (found == nullptr) {
            m_stats = m_core.unmatchedStats;
            response->error(404, "not_found", "no such endpoint: " + request->method + " " + request->path);
            finish(*request, response);
            return;
        }
        const Route& route = *found;
        m_stats = route.stats;
        if (route.screen && route.screen(*request, *response)) {
            finish(*request, response);
            return;
        }
        Core::Impl& core = m_core;
        const auto queued = Clock::now();
        const bool taken = m_core.pool->tryPost([self = this->shared_from_this(), request, response, &route, &core, queued](WorkerState* state, const std::string& openError) {
            core.queueWait.observe(std::chrono::duration<double>(Clock::now() - queued).count());
            if (state == nullptr) {
                // Where the database is (a path, a PostgreSQL address) is for the log, not the client.
                response->error(500, "storage", "the server's database is not available; try again later");
                response->note = openError;
            } else {
                route.handler(*request, *response, *state);
            }
            if (response->deferred) {
                // Long work off the database workers: it answers when it is done.
                auto work = std::move(response->deferred);
                response->deferred = nullptr;
                work([self, request, response] { asio::post(self->m_stream.get_executor(), [self, request, response] { self->finish(*request, response); }); });
            } else {
                asio::post(self->m_stream.get_executor(), [self, request, response] { self->finish(*request, response); });
            }
            if (state != nullptr && core.after) {
                core.after(*state);
            }
        });
        if (!taken) {
            response->error(503, "busy", "the server is busy; try again in a moment");
            response->setHeader("Retry-After", "1");
            finish(*request, response);
        }
    }

    /// Logs the answer and writes it.
    void finish(const Request& request, const std::shared_ptr<Response>& response)
    {
        const double seconds = std::chrono::duration<double>(Clock::now() - m_started).count();
        m_core.count(*m_stats, response->status, seconds);
        m_core.log(request, *response, seconds * 1000.0);
        if (!response->stream.empty() && response->status == 200) {
            if (m_upgrade) {
                startWebSocket(response->stream, request.header("Last-Event-ID"));
            } else {
                startStream(response->stream, request.header("Last-Event-ID"));
            }
            endStreamAt(response->streamUntilMs);
            if (!response->streamTags.empty() && !m_core.tag(response->streamTags, this->weak_from_this(), m_started)) {
                sayGoodbye(sessionEnded());  // its session ended while the request was being answered
            }
            return;
        }
        m_upgrade.reset();  // an upgrade asked of a route that answers plainly: answered plainly
        write(*response, m_keepAlive && !m_core.stopping);
    }

    /// A stream sends the newest state, not a backlog: the kernel may hold 64 KiB of it for a
    /// reader that is slow (not megabytes of stale updates), so a reader that stops is found out
    /// by the write timeout soon, and ten thousand streams cost little kernel memory.
    void limitSendBuffer()
    {
        beast::error_code ignored;
        beast::get_lowest_layer(m_stream).socket().set_option(asio::socket_base::send_buffer_size(64 * 1024), ignored);
    }

    /// Answers with an event stream of `topic` for as long as the client stays.
    void startStream(const std::string& topic, const std::string& lastEventId)
    {
        m_core.inFlight.fetch_sub(1);  // answered: from now on it is a subscriber
        if (m_core.stopping) {
            close();
            return;
        }
        m_streaming = true;
        m_core.streams.fetch_add(1);
        limitSendBuffer();
        // No length: the stream ends when the connection does. "retry" is EventSource's
        // reconnection delay; X-Accel-Buffering keeps nginx from holding events back.
        static const auto head = std::make_shared<const Event>(Event{
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nX-Accel-Buffering: no\r\n"
            "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\nretry: 3000\n\n",
            {}});
        m_head = head;
        m_next = m_core.subscribe(topic, this->weak_from_this(), lastEventId);
        writeNext();
        // The client sends nothing more; a read that ends means it has gone.
        beast::get_lowest_layer(m_stream).expires_never();
        m_discard.resize(512);
        watchForClose();
    }

    /// The same stream as WebSocket text messages (the request asked to upgrade): the handshake,
    /// then each update as {"id","event","data"}; the client may send anything (ignored), pings
    /// are answered, and one is sent when the connection idles.
    void startWebSocket(const std::string& topic, const std::string& lastEventId)
    {
        m_core.inFlight.fetch_sub(1);
        if (m_core.stopping) {
            close();
            return;
        }
        if (m_buffer.size() != 0) {
            close();  // a frame sent before the handshake's answer: not a WebSocket client
            return;
        }
        m_streaming = true;
        m_core.streams.fetch_add(1);
        limitSendBuffer();
        beast::get_lowest_layer(m_stream).expires_never();  // the WebSocket keeps its own time
        m_ws.emplace(m_stream);
        auto timeouts = beast::websocket::stream_base::timeout::suggested(beast::role_type::server);
        timeouts.idle_timeout = std::chrono::seconds(60);  // a ping after 30 s of silence, closed after 60
        timeouts.keep_alive_pings = true;
        timeouts.handshake_timeout = std::chrono::seconds(2);  // also the closing handshake: within the drain's 5 s
        m_ws->set_option(timeouts);
        m_ws->read_message_max(1024);  // what a client sends is not used: no room to keep it
        m_ws->async_accept(*m_upgrade, [self = this->shared_from_this(), topic, lastEventId](beast::error_code ec) {
            self->m_upgrade.reset();
            if (ec || self->m_closeAfterWrite) {
                self->close();
                return;
            }
            self->m_wsOpen = true;
            self->m_next = self->m_core.subscribe(topic, self->weak_from_this(), lastEventId);
            if (!self->m_writing) {
                self->writeNext();
            }
            self->readWebSocket();
        });
    }

    void readWebSocket()
    {
        m_ws->async_read(m_wsBuffer, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) {
                self->close();  // closed by the client, or its pings went unanswered
                return;
            }
            self->m_wsBuffer.consume(self->m_wsBuffer.size());
            self->readWebSocket();
        });
    }

    void watchForClose()
    {
        m_stream.async_read_some(asio::buffer(m_discard), [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) {
                self->close();
                return;
            }
            self->watchForClose();
        });
    }

    void writeNext()
    {
        std::shared_ptr<const Event> event;
        if (m_head) {
            event.swap(m_head);
        } else {
            event.swap(m_next);
        }
        if (!event) {
            m_writing = false;
            return;
        }
        const auto written = [self = this->shared_from_this(), event](beast::error_code ec, std::size_t) {
            self->m_writing = false;
            if (ec || (self->m_closeAfterWrite && !self->m_next)) {
                self->close();
                return;
            }
            if (self->m_next) {
                self->writeNext();
            }
        };
        m_writing = true;
        if (m_ws) {
            if (m_closeAfterWrite && !m_next) {
                m_ws->async_close(beast::websocket::close_code::going_away, [written](beast::error_code ec) { written(ec, 0); });
            } else if (event->json.empty()) {
                asio::post(m_stream.get_executor(), [written] { written({}, 0); });  // a heartbeat: WebSocket pings on its own
            } else {
                m_ws->text(true);
                m_ws->async_write(asio::buffer(event->json), written);
            }
            return;
        }
        beast::get_lowest_layer(m_stream).expires_after(m_core.options.writeTimeout);  // a reader that never reads is dropped
        asio::async_write(m_stream, asio::buffer(event->sse), written);
    }

    /// Answers without a request (one that could not be read, or a connection over a cap) and
    /// closes; counted under `stats` (null: "invalid").
    void answerAndClose(int status, const char* code, const std::string& message, RouteStats* stats = nullptr, const char* retryAfter = nullptr)
    {
        m_core.inFlight.fetch_add(1);
        m_started = Clock::now();
        m_version = 11;
        m_headRequest = false;
        Response response;
        response.error(status, code, message);
        if (retryAfter != nullptr) {
            response.setHeader("Retry-After", retryAfter);
        }
        Request request;
        request.method = "-";
        request.path = "-";
        request.remoteAddress = m_remote;
        m_core.count(stats != nullptr ? *stats : *m_core.invalidStats, status, 0.0);
        m_core.log(request, response, 0.0);
        m_linger = true;
        write(response, false);
    }

    void write(const Response& response, bool keepAlive)
    {
        if (response.sharedBody) {
            // A shared file: the response points at it (kept alive until written), no copy.
            auto out = std::make_shared<bhttp::response<bhttp::span_body<const char>>>(static_cast<bhttp::status>(response.status), m_version);
            using Span = bhttp::span_body<const char>::value_type;
            out->body() = m_headRequest ? Span() : Span(response.sharedBody->data(), response.sharedBody->size());
            send(out, response, keepAlive, response.sharedBody->size(), response.sharedBody);
            return;
        }
        auto out = std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(response.status), m_version);
        out->body() = response.body;
        send(out, response, keepAlive, response.body.size(), nullptr);
    }

    template <class Body>
    void send(const std::shared_ptr<bhttp::response<Body>>& out, const Response& response, bool keepAlive, std::size_t bytes,
              std::shared_ptr<const void> keep)
    {
        if (!response.contentType.empty()) {
            out->set(bhttp::field::content_type, response.contentType);
        }
        for (const auto& [name, value] : response.headers) {
            out->set(name, value);
        }
        out->keep_alive(keepAlive);
        out->prepare_payload();
        if (m_headRequest) {
            out->content_length(bytes);  // what a GET would get
            if constexpr (std::is_same_v<Body, bhttp::string_body>) {
                out->body().clear();
            }
        }
        // A large answer gets time to go out at 64 KiB/s (a phone on a slow network), beyond
        // the write timeout every answer has.
        const auto slowest = std::chrono::seconds(static_cast<long long>(bytes / (64 * 1024)));
        beast::get_lowest_layer(m_stream).expires_after(m_core.options.writeTimeout + slowest);
        bhttp::async_write(m_stream, *out, [self = this->shared_from_this(), out, keep = std::move(keep), keepAlive](beast::error_code ec, std::size_t) {
            self->m_core.inFlight.fetch_sub(1);
            if (ec || !keepAlive) {
                self->close();
                return;
            }
            self->readRequest();
        });
    }

    void close()
    {
        if (m_streamEnd) {
            m_streamEnd->cancel();
        }
        auto& lowest = beast::get_lowest_layer(m_stream);
        if (m_ws) {
            boost::system::error_code ignored;
            lowest.socket().shutdown(tcp::socket::shutdown_both, ignored);
            lowest.socket().close(ignored);
            return;
        }
        if constexpr (kTls) {
            lowest.expires_after(m_lingerFor);
            if (m_linger) {
                // As below: what the client still sends is read and dropped first, so it can read
                // the answer; then the TLS goodbye.
                m_linger = false;
                m_discard.resize(16 * 1024);
                discard(0);
                return;
            }
            m_stream.async_shutdown([self = this->shared_from_this()](beast::error_code) {
                boost::system::error_code ignored;
                beast::get_lowest_layer(self->m_stream).socket().close(ignored);
            });
        } else {
            boost::system::error_code ignored;
            lowest.socket().shutdown(tcp::socket::shutdown_send, ignored);
            if (m_linger) {
                // Refused mid-request (a body too large): what the client still sends is read and
                // dropped for a moment, so it can finish sending and read the answer instead of
                // getting a reset (or a SIGPIPE) on its write.
                m_linger = false;
                m_discard.resize(16 * 1024);
                lowest.expires_after(m_lingerFor);
                discard(0);
                return;
            }
            lowest.socket().close(ignored);
        }
    }

    void discard(std::size_t discarded)
    {
        constexpr std::size_t kMostDiscarded = 8 * 1024 * 1024;
        m_stream.async_read_some(
            asio::buffer(m_discard), [self = this->shared_from_this(), discarded](beast::error_code ec, std::size_t bytes) {
                if (ec || discarded + bytes > kMostDiscarded) {
                    if constexpr (kTls) {
                        if (!ec) {
                            self->close();  // the TLS goodbye, within what is left of the 2 s
                            return;
                        }
                    }
                    boost::system::error_code ignored;
                    beast::get_lowest_layer(self->m_stream).socket().close(ignored);
                    return;
                }
                self->discard(discarded + bytes);
            });
    }

    Stream m_stream;
    Core::Impl& m_core;
    std::list<std::weak_ptr<Drainable>>::iterator m_registered;
    std::string m_remote;
    std::string m_capKey;  ///< the address it counts under for the per-address cap ("" = none)
    bool m_admitted = false;  ///< counted in Impl::admitted (the cap in all)
    bool m_refusing = false;  ///< counted in Impl::refusing
    std::chrono::milliseconds m_lingerFor{2000};  ///< how long a refused request's rest is read
    bool m_loopback = false;
    RouteStats* m_stats = nullptr;  ///< the answered request's route (metrics)
    beast::flat_buffer m_buffer;
    std::optional<bhttp::request_parser<bhttp::string_body>> m_parser;
    std::optional<Clock::time_point> m_headerDeadline;
    std::optional<Clock::time_point> m_bodyDeadline;
    Clock::time_point m_started;
    bool m_idle = false;  ///< waiting for the first byte of a request (stop() closes it)
    bool m_served = false;  ///< answered a request (then it may idle for the keep-alive time)
    bool m_headRequest = false;  ///< the request is a HEAD: the answer's head without its body
    bool m_keepAlive = false;
    bool m_linger = false;  ///< read what the client still sends before closing
    std::vector<char> m_discard;
    unsigned m_version = 11;
    // A stream of events (after startStream).
    bool m_streaming = false;
    bool m_writing = false;
    bool m_closeAfterWrite = false;
    std::shared_ptr<const Event> m_head;  ///< the answer's head, first
    std::shared_ptr<const Event> m_next;  ///< the newest event not yet written
    /// A request to upgrade to WebSocket, kept for the handshake once the route has answered.
    std::optional<bhttp::request<bhttp::empty_body>> m_upgrade;
    std::optional<beast::websocket::stream<Stream&>> m_ws;
    bool m_wsOpen = false;  ///< the handshake is done
    std::optional<asio::steady_timer> m_streamEnd;  ///< when the stream's session ends
    beast::flat_buffer m_wsBuffer;
};

}  // namespace

void Core::Impl::accept()
{
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
        if (!acceptor.is_open() || stopping) {
            return;
        }
        if (ec) {
            // Out of file descriptors (or the like): the connections open now still work; try
            // again shortly instead of spinning.
            acceptRetry.expires_after(std::chrono::milliseconds(100));
            acceptRetry.async_wait([this](beast::error_code waited) {
                if (!waited) {
                    accept();
                }
            });
            return;
        }
        boost::system::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);  // without it every answer waits ~40 ms for a delayed ACK
        if (tls) {
            std::make_shared<Connection<beast::ssl_stream<beast::tcp_stream>>>(std::move(socket), *tls, *this)->start();
        } else {
            std::make_shared<Connection<beast::tcp_stream>>(std::move(socket), *this)->start();
        }
        accept();
    });
}

std::string Core::Impl::metricsText()
{
    std::string out;
    out.reserve(8192);
    out += "# HELP bandmate_http_requests_total Requests answered, by route and status.\n"
           "# TYPE bandmate_http_requests_total counter\n";
    for (const auto& [label, route] : stats) {
        for (std::size_t status = 0; status < route->answered.size(); ++status) {
            if (const std::uint64_t total = route->answered[status].load(std::memory_order_relaxed); total != 0) {
                out += "bandmate_http_requests_total{route=\"" + label + "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(total) + "\n";
            }
        }
    }
    out += "# HELP bandmate_http_request_duration_seconds Time from a whole request to its answer, by route.\n"
           "# TYPE bandmate_http_request_duration_seconds histogram\n";
    for (const auto& [label, route] : stats) {
        route->latency.write(out, "bandmate_http_request_duration_seconds", "route=\"" + label + "\",");
    }
    const auto gauge = [&out](const char* name, const char* help, const std::string& type, double value) {
        out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + " " + std::to_string(value) + "\n";
    };
    gauge("bandmate_http_open_connections", "Connections open now.", "gauge", open.load());
    gauge("bandmate_http_requests_in_flight", "Requests read and not yet answered.", "gauge", inFlight.load());
    gauge("bandmate_sse_subscribers", "Event streams open now.", "gauge", streams.load());
    gauge("bandmate_db_queue_depth", "Requests waiting for a database worker.", "gauge", pool ? static_cast<double>(pool->depth()) : 0.0);
    out += "# HELP bandmate_db_queue_wait_seconds Time a request waited for a database worker.\n"
           "# TYPE bandmate_db_queue_wait_seconds histogram\n";
    queueWait.write(out, "bandmate_db_queue_wait_seconds", "");
    gauge("bandmate_rate_limited_total", "Answers 429 (a sign-in or sync limit).", "counter", static_cast<double>(rateLimited.load()));
    gauge("bandmate_busy_total", "Answers 503 (the database queue was full, or a connection cap).", "counter", static_cast<double>(busy.load()));
    gauge("bandmate_connections_refused_total", "Connections refused at the cap per address or in all.", "counter",
          static_cast<double>(refused.load()));
    for (const auto& more : extraMetrics) {
        out += more();
    }
    return out;
}

std::shared_ptr<const Event> Core::Impl::subscribe(const std::string& name, std::weak_ptr<Subscriber> subscriber, const std::string& lastEventId)
{
    const std::lock_guard lock(hubMutex);
    Topic& topic = topics[name];
    std::erase_if(topic.subscribers, [](const auto& weak) { return weak.expired(); });
    topic.subscribers.push_back(std::move(subscriber));
    if (topic.latest && std::to_string(topic.version) != lastEventId) {
        return topic.latest;
    }
    return nullptr;
}

void Core::Impl::flush(const std::string& name)
{
    std::vector<std::shared_ptr<Subscriber>> live;
    const std::lock_guard lock(hubMutex);
    const auto found = topics.find(name);
    if (found == topics.end()) {
        return;
    }
    Topic& topic = found->second;
    topic.flushPending = false;
    topic.lastFlush = Clock::now();
    collectLive(topic, live);
    // Under the lock (a post only queues): two flushes reach each stream in their order.
    for (const auto& subscriber : live) {
        subscriber->deliver(topic.latest);
    }
}

void Core::Impl::beat()
{
    static const auto comment = std::make_shared<const Event>(Event{":\n\n", {}});
    std::vector<std::shared_ptr<Subscriber>> live;
    {
        const std::lock_guard lock(hubMutex);
        for (auto it = topics.begin(); it != topics.end();) {
            Topic& topic = it->second;
            collectLive(topic, live);
            // Nobody listens, and nothing happened lately (a route may be about to subscribe to
            // what it just published): the state goes; the next subscriber's route publishes it again.
            const bool quiet = Clock::now() - topic.lastFlush > kHeartbeat;
            it = topic.subscribers.empty() && !topic.flushPending && quiet ? topics.erase(it) : std::next(it);
        }
    }
    for (const auto& subscriber : live) {
        subscriber->deliver(comment);
    }
    sweepTags();
    noteRefusals({});  // refusals after the last notice, when none came since to tell of them
    if (stopping) {
        return;  // (io.stop() ends run() whatever waits; this only saves a wake-up)
    }
    heartbeat->expires_after(kHeartbeat);
    heartbeat->async_wait([this](beast::error_code ec) {
        if (!ec) {
            beat();
        }
    });
}

void Core::Impl::beginDrain()
{
    if (stopping.exchange(true)) {
        return;
    }
    boost::system::error_code ignored;
    acceptor.close(ignored);
    acceptRetry.cancel();
    if (signals) {
        signals->clear(ignored);  // a second SIGTERM or Ctrl+C ends the process the default way
    }
    std::vector<std::shared_ptr<Drainable>> live;
    {
        const std::lock_guard lock(connectionsMutex);
        for (const auto& weak : connections) {
            if (auto connection = weak.lock()) {
                live.push_back(std::move(connection));
            }
        }
    }
    for (const auto& connection : live) {
        connection->drain();
    }
    drainDeadline = Clock::now() + kDrainDeadline;
    pollDrain();
}

void Core::Impl::pollDrain()
{
    if (open.load() != 0 && Clock::now() >= drainDeadline && pool) {
        // Out of time: what has not started is dropped (its clients send it again; a push under
        // the same batch id), so the workers end after what they are doing now.
        pool->discardQueued();
    }
    if (open.load() == 0 || Clock::now() >= drainDeadline) {
        keepRunning.reset();
        io.stop();
        return;
    }
    drainTimer.expires_after(std::chrono::milliseconds(10));
    drainTimer.async_wait([this](beast::error_code) { pollDrain(); });
}

Core::Core(CoreOptions options, MakeWorker makeWorker, Log log, AfterRequest after)
    : m_impl(std::make_unique<Impl>(std::move(options), std::move(makeWorker), std::move(log), std::move(after)))
{
}

Core::~Core()
{
    stop();
    m_impl->pool.reset();  // joins the workers while the I/O context still exists
    {
        const std::lock_guard lock(m_impl->hubMutex);
        m_impl->topics.clear();  // their timers belong to the I/O context
    }
    m_impl->heartbeat.reset();
}

void Core::route(std::string method, std::string path, Screen screen, Handler handler)
{
    RouteStats* const stats = m_impl->statsFor(method + " " + path);
    if (path.ends_with('*')) {
        path.pop_back();
        m_impl->prefixRoutes.push_back({std::move(method), std::move(path), Route{std::move(screen), std::move(handler), stats}});
        // The longest prefix first: "/v1/polls/" before "/v1/".
        std::stable_sort(m_impl->prefixRoutes.begin(), m_impl->prefixRoutes.end(),
                         [](const Impl::PrefixRoute& a, const Impl::PrefixRoute& b) { return a.prefix.size() > b.prefix.size(); });
        return;
    }
    m_impl->routes[{std::move(method), std::move(path)}] = Route{std::move(screen), std::move(handler), stats};
}

core::Result<int> Core::bind()
{
    const CoreOptions& options = m_impl->options;
    if (!options.tlsCertPath.isEmpty() || !options.tlsKeyPath.isEmpty()) {
        asio::ssl::context tls(asio::ssl::context::tls_server);
        tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 | asio::ssl::context::no_sslv3 |
                        asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1);
        boost::system::error_code certError;
        boost::system::error_code keyError;
        tls.use_certificate_chain_file(options.tlsCertPath.toStdString(), certError);
        tls.use_private_key_file(options.tlsKeyPath.toStdString(), asio::ssl::context::pem, keyError);
        if (certError || keyError || SSL_CTX_check_private_key(tls.native_handle()) != 1) {
            return core::fail(core::ErrorCode::InvalidInput, "cannot read the TLS certificate and key (PEM files that belong together)",
                              options.tlsCertPath.toStdString() + ", " + options.tlsKeyPath.toStdString());
        }
        m_impl->tls.emplace(std::move(tls));
    }
    const std::string where = options.host.toStdString() + ":" + std::to_string(options.port);
    boost::system::error_code ec;
    tcp::resolver resolver(m_impl->io);
    const auto endpoints = resolver.resolve(options.host.toStdString(), std::to_string(options.port), tcp::resolver::passive, ec);
    if (ec || endpoints.empty()) {
        return core::fail(core::ErrorCode::Io, "cannot listen on this address (not this machine's)", where);
    }
    const tcp::endpoint endpoint = endpoints.begin()->endpoint();
    auto& acceptor = m_impl->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) {
        acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
        acceptor.bind(endpoint, ec);
    }
    if (!ec) {
        acceptor.listen(asio::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        boost::system::error_code ignored;
        acceptor.close(ignored);
        return core::fail(core::ErrorCode::Io, "cannot listen on this address (in use, or not this machine's): " + ec.message(), where);
    }
    return static_cast<int>(acceptor.local_endpoint().port());
}

void Core::run()
{
    Impl& impl = *m_impl;
    if (!impl.acceptor.is_open()) {
        return;
    }
    impl.pool = std::make_unique<WorkerPool>(impl.options.databaseWorkers, static_cast<std::size_t>(std::max(1, impl.options.queueLimit)), impl.make);
    impl.keepRunning.emplace(impl.io.get_executor());
    if (impl.options.stopOnSignals) {
        impl.signals.emplace(impl.control, SIGINT, SIGTERM);
        impl.signals->async_wait([&impl](beast::error_code ec, int) {
            if (!ec) {
                impl.beginDrain();
            }
        });
    }
    impl.accept();
    impl.heartbeat = std::make_unique<asio::steady_timer>(impl.control, kHeartbeat);
    impl.heartbeat->async_wait([&impl](beast::error_code ec) {
        if (!ec) {
            impl.beat();
        }
    });
    const int threads = impl.options.ioThreads > 0 ? impl.options.ioThreads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> others;
    for (int i = 1; i < threads; ++i) {
        others.emplace_back([&impl] { impl.io.run(); });
    }
    impl.running = true;
    impl.io.run();
    for (auto& thread : others) {
        thread.join();
    }
    impl.running = false;
    impl.pool.reset();  // answers still queued are written nowhere: their connections are gone
}

bool Core::isRunning() const
{
    return m_impl->running;
}

void Core::stop()
{
    asio::post(m_impl->control, [impl = m_impl.get()] { impl->beginDrain(); });
}

int Core::openConnections() const
{
    return m_impl->open.load();
}

void Core::addMetrics(std::function<std::string()> text)
{
    m_impl->extraMetrics.push_back(std::move(text));
}

void Core::publish(const std::string& name, std::uint64_t version, const std::string& event, const std::string& data)
{
    std::string text = "id: " + std::to_string(version) + "\nevent: " + event + "\n";
    for (std::size_t at = 0; at <= data.size();) {
        const std::size_t end = std::min(data.find('\n', at), data.size());
        text += "data: " + data.substr(at, end - at) + "\n";
        at = end + 1;
    }
    text += "\n";
    auto serialized = std::make_shared<const Event>(
        Event{std::move(text), "{\"id\":\"" + std::to_string(version) + "\",\"event\":\"" + event + "\",\"data\":" + data + "}"});
    Impl& impl = *m_impl;
    {
        const std::lock_guard lock(impl.hubMutex);
        Topic& topic = impl.topics[name];
        if (version <= topic.version) {
            return;
        }
        topic.version = version;
        topic.latest = std::move(serialized);
        if (topic.flushPending) {
            return;  // the flush already due sends this newest state
        }
        const auto due = topic.lastFlush + topicInterval(topic.subscribers.size());
        if (Clock::now() < due) {
            topic.flushPending = true;
            if (!topic.timer) {
                topic.timer = std::make_unique<asio::steady_timer>(impl.io);
            }
            topic.timer->expires_at(due);
            topic.timer->async_wait([&impl, name](beast::error_code ec) {
                if (!ec) {
                    impl.flush(name);
                }
            });
            return;
        }
    }
    impl.flush(name);
}

std::uint64_t Core::topicVersion(const std::string& name) const
{
    const std::lock_guard lock(m_impl->hubMutex);
    const auto found = m_impl->topics.find(name);
    return found == m_impl->topics.end() ? 0 : found->second.version;
}

int Core::subscribers() const
{
    return m_impl->streams.load();
}

int Core::endStreams(const std::string& tag)
{
    std::vector<std::weak_ptr<Drainable>> streams;
    {
        const std::lock_guard lock(m_impl->tagsMutex);
        m_impl->ended[tag] = Clock::now();
        if (const auto found = m_impl->tagged.find(tag); found != m_impl->tagged.end()) {
            streams.swap(found->second);
            m_impl->tagged.erase(found);
        }
    }
    int told = 0;
    for (const auto& weak : streams) {
        if (const auto stream = weak.lock()) {
            stream->endSession();
            ++told;
        }
    }
    return told;
}

std::vector<std::string> Core::liveTags() const
{
    std::vector<std::string> names;
    const std::lock_guard lock(m_impl->tagsMutex);
    for (const auto& [name, streams] : m_impl->tagged) {
        if (std::any_of(streams.begin(), streams.end(), [](const auto& weak) { return !weak.expired(); })) {
            names.push_back(name);
        }
    }
    return names;
}

std::vector<std::string> Core::liveTopics() const
{
    std::vector<std::string> names;
    const std::lock_guard lock(m_impl->hubMutex);
    for (const auto& [name, topic] : m_impl->topics) {
        if (std::any_of(topic.subscribers.begin(), topic.subscribers.end(), [](const auto& weak) { return !weak.expired(); })) {
            names.push_back(name);
        }
    }
    return names;
}

}  // namespace bandmate::sync::http
