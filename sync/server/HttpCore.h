#pragma once

// The server's HTTP core (DESIGN.md section 7): event-driven connections on Boost.Beast/Asio,
// routes answered on a bounded pool of database workers. Transport only: what a route does is
// the caller's (HttpServer.cpp maps the sync and account services onto it).

#include "core/util/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace bandmate::sync::http {

/// One request, read whole (headers and body).
struct Request {
    std::string method;
    std::string path;   ///< without the query
    std::string query;  ///< after '?', still percent-encoded
    std::string body;
    std::string remoteAddress;  ///< the connection's peer (the proxy's, behind one)
    std::vector<std::pair<std::string, std::string>> headers;

    /// The first header of that name (case-insensitive), or "".
    [[nodiscard]] std::string header(std::string_view name) const;
    [[nodiscard]] bool hasParam(const QString& name) const;
    [[nodiscard]] QString param(const QString& name) const;
    /// A cookie's value from the Cookie header, or "".
    [[nodiscard]] std::string cookie(std::string_view name) const;
    /// Every value of a field of an HTML form's body (application/x-www-form-urlencoded).
    [[nodiscard]] QStringList formValues(const QString& name) const;
};

struct Response {
    int status = 200;
    std::string contentType;
    std::string body;
    /// Instead of `body`: bytes shared with a cache (a rendered file), sent without a copy.
    std::shared_ptr<const std::string> sharedBody;
    /// Set by a handler whose answer needs long work that must not hold a database worker (a
    /// render): called once the handler returns, with `done`, which the work calls exactly once,
    /// from any thread, when this response holds the answer.
    std::function<void(std::function<void()> done)> deferred;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string account;  ///< whom the request was for, for the log line only ("" = nobody)
    std::string note;     ///< what went wrong inside, for the log line only
    /// Set by a handler (with status 200): the answer is this topic's stream of Server-Sent
    /// Events (or WebSocket messages, when the request asked to upgrade) instead of a body
    /// (see Core::publish).
    std::string stream;
    /// When the stream ends (Unix ms; its session's token expires then): the client is told to
    /// come back, which takes a valid token. 0: when the client goes.
    std::int64_t streamUntilMs = 0;
    /// Names a stream answers to (its session "family:…", its account "account:…"): when that
    /// session or account is signed out elsewhere, Core::endStreams(tag) ends the stream.
    std::vector<std::string> streamTags;

    void setHeader(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
    /// A JSON error as every route answers them: {"code","message"}.
    void error(int status, const char* code, const std::string& message);
    /// A JSON answer.
    void json(int status, const QJsonObject& body);
};

struct CoreOptions {
    QString host = QStringLiteral("127.0.0.1");
    int port = 0;
    QString tlsCertPath;  ///< both empty: plain HTTP
    QString tlsKeyPath;
    int ioThreads = 0;  ///< 0: one per core
    int databaseWorkers = 8;
    /// Requests waiting for a database worker, at most; past it 503 with Retry-After.
    int queueLimit = 256;
    std::chrono::seconds keepAlive{60};  ///< an idle connection is closed after this
    std::chrono::seconds readTimeout{10};  ///< headers must arrive within it; a body may pause this long
    std::chrono::seconds writeTimeout{10};
    std::size_t maxBody = 1024 * 1024;
    std::size_t maxHeader = 16 * 1024;
    /// SIGTERM and SIGINT drain the server (run() returns); for the server process, not tests.
    bool stopOnSignals = false;
    /// Connections open at once, at most; one more is answered 503 with Retry-After and closed
    /// (over TLS: closed). 0: no cap but the open-file limit.
    int maxConnections = 0;
    /// Connections open at once from one address (an IPv6 address counts with its /64), at
    /// most; past it likewise. 0: no cap. `uncappedAddresses` (reverse proxies) have none.
    int maxConnectionsPerAddress = 0;
    std::vector<std::string> uncappedAddresses;
};

/// Per database worker thread: whatever the routes need (connections are per thread).
class WorkerState {
public:
    virtual ~WorkerState() = default;
};

/// A route's answer, computed on a database worker.
using Handler = std::function<void(const Request&, Response&, WorkerState&)>;
/// Runs on an I/O thread before the request waits for a worker: cheap checks (limits kept in
/// memory, headers) that may answer at once. Returns true when it answered.
using Screen = std::function<bool(const Request&, Response&)>;

/// The least time between two updates one topic sends: 100 ms (ten a second), longer for a
/// topic with so many subscribers that ten a second would cost more than 40,000 writes a second.
[[nodiscard]] std::chrono::milliseconds topicInterval(std::size_t subscribers);

class Core {
public:
    using MakeWorker = std::function<core::Result<std::unique_ptr<WorkerState>>()>;
    /// After each request a worker answered (maintenance work that must not delay the answer).
    using AfterRequest = std::function<void(WorkerState&)>;
    /// One log line per request (from any thread).
    using Log = std::function<void(const Request&, const Response&, double ms)>;

    Core(CoreOptions options, MakeWorker makeWorker, Log log, AfterRequest after = {});
    ~Core();
    Core(const Core&) = delete;
    Core& operator=(const Core&) = delete;

    /// A route for `path`, or for every path that starts with it when it ends with "*"
    /// ("/v/*"; an exact route wins, then the longest prefix).
    void route(std::string method, std::string path, Screen screen, Handler handler);

    /// Binds; the port bound. Fails when the address is taken or TLS files cannot be read.
    [[nodiscard]] core::Result<int> bind();
    /// Serves until stop() or a signal (blocks), then drains: no new connections, requests in
    /// flight are answered (with "Connection: close"), idle connections closed, at most ~5 s.
    void run();
    [[nodiscard]] bool isRunning() const;
    /// Any thread (not from a signal handler: stopOnSignals does that safely).
    void stop();

    /// Connections open now (for /metrics and tests).
    [[nodiscard]] int openConnections() const;
    /// More lines for GET /metrics (Prometheus text, each metric with its HELP and TYPE), asked
    /// at each scrape from an I/O thread. Before bind().
    void addMetrics(std::function<std::string()> text);

    /// Live updates (any thread): the newest state of `topic` as one Server-Sent Event (`id:`
    /// the version, `event:`, `data:` lines), or on a WebSocket (a stream route asked with
    /// "Upgrade: websocket") as one text message {"id":"VERSION","event":EVENT,"data":DATA};
    /// `data` is one JSON value. A version not above the topic's is ignored, so
    /// updates may arrive out of order. The event is serialized once and shared by every
    /// subscriber; a topic sends at most ten a second, fewer when it has more than 4,000
    /// subscribers (topicInterval; the newest wins), a subscriber that reads
    /// slowly skips to the newest, and one that does not read at all is dropped after the write
    /// timeout. A subscriber whose Last-Event-ID is the topic's version gets nothing until the
    /// next update (a resume); any other gets the newest state at once.
    void publish(const std::string& topic, std::uint64_t version, const std::string& event, const std::string& data);
    /// The topic's version (0: nothing published since it was last dropped).
    [[nodiscard]] std::uint64_t topicVersion(const std::string& topic) const;
    /// Streams open now.
    [[nodiscard]] int subscribers() const;
    /// Ends every open stream tagged `tag` (Response::streamTags), from any thread: its client
    /// is told `: the session ended` (a WebSocket gets a close frame) and must come back with a
    /// valid token. How many streams were told.
    int endStreams(const std::string& tag);
    /// The topics that have subscribers now (a relay that lost its connection re-reads them).
    [[nodiscard]] std::vector<std::string> liveTopics() const;
    /// The tags of the streams open now (Response::streamTags).
    [[nodiscard]] std::vector<std::string> liveTags() const;

    struct Impl;  ///< HttpCore.cpp's (its connections use it too)

private:
    std::unique_ptr<Impl> m_impl;
};

}  // namespace bandmate::sync::http
