#pragma once

#include "core/util/Result.h"
#include "sync/server/Grooves.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace bandmate::sync {

/// Options of `bandmate-server`.
struct ServerOptions {
    QString databasePath = QStringLiteral("bandmate-server.sqlite");
    QString host = QStringLiteral("127.0.0.1");
    int port = 8080;  ///< 0: any free port (printed when listening)
    bool registrationOpen = true;
    int workers = 8;  ///< database workers (one connection each)
    /// Requests waiting for a database worker, at most; past it 503 with Retry-After.
    int queueLimit = 256;
    int ioThreads = 0;  ///< threads serving connections; 0: one per core
    /// An idle keep-alive connection is closed after this (it costs a socket, no thread).
    int keepAliveSeconds = 60;
    /// A request's headers must arrive within this (slow-loris clients are cut), and a body may
    /// pause this long; an answer must be taken within it too.
    int readTimeoutSeconds = 10;
    /// Connections open at once, at most (past it: 503 with Retry-After, then closed); 0: as many
    /// as the open-file limit allows.
    int maxConnections = 0;
    /// Connections open at once from one address (IPv6: one /64), at most; generous, since a
    /// venue's phones may share one address. The trusted proxies have no cap. 0: no cap.
    int connectionsPerAddress = 4000;
    /// Request log lines as JSON objects (time, method, path, status, ms, account, address).
    bool jsonLog = false;
    /// SIGTERM and SIGINT drain the server and run() returns (the server process sets it).
    bool stopOnSignals = false;
    /// TLS on the server's own socket (PEM files); both empty: plain HTTP (e.g. behind nginx).
    QString tlsCertPath;
    QString tlsKeyPath;
    /// Sync requests per minute and account (a burst of half a minute's worth); ten times that
    /// per address. 0: no limit.
    int syncRequestsPerMinute = 1200;
    /// How often storage that only grows is pruned (expired tokens, old batch answers), at most;
    /// driven by requests. 0: after every request (tests).
    qint64 maintenanceIntervalMs = 3'600'000;
    /// Reverse proxies (their addresses, as the server sees their connections) whose
    /// X-Forwarded-For names the client: the per-address limits count that client. From any
    /// other connection the header is ignored (anyone could write it).
    QStringList trustedProxies;
    /// The most fields one account may hold; a push past it gets 413 and stores nothing. 0: none.
    qint64 fieldQuota = 20'000'000;
    /// The address fans reach this server at ("https://vote.example.com"), for the links and QR
    /// codes of polls; empty: the address the musician's request came to.
    QString publicUrl;
    /// Fan votes and suggestions per minute from one address (a whole venue may share one
    /// Wi-Fi address, so it is loose; bursts of half of it) and per poll. 0: no limit.
    int fanRequestsPerMinute = 3000;
    int pollRequestsPerMinute = 600'000;
    /// Renders shared grooves for their pages (app/server injects the engine's); unset: the
    /// pages show the grid and the machine, and their audio answers 503.
    GrooveRenderer renderGroove;
    /// Renders running at once (each on the database worker that asked); past it 503 with
    /// Retry-After. Rendered files are cached by content up to renderCacheBytes.
    int renderSlots = 2;
    qint64 renderCacheBytes = 256LL * 1024 * 1024;
    /// Shares and new versions per hour and account (bursts of a quarter of it); 0: no limit.
    int sharesPerHour = 120;
};

/// The HTTP routes of SyncService and Accounts on the event-driven core (http::Core, Boost.Beast):
/// JSON in and out, errors as {"code","message"}, TCP_NODELAY, a 1 MiB body cap (413), a 16 KiB
/// header cap (431), read/write timeouts, database work on a bounded pool of workers with one
/// connection each (503 + Retry-After when its queue is full), one log line per request (method,
/// path, status, milliseconds, account; never tokens or passwords).
class HttpServer {
public:
    explicit HttpServer(ServerOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Binds the socket; the port actually bound (useful with port 0). Fails when the address is
    /// taken or the TLS certificate or key cannot be read.
    [[nodiscard]] core::Result<int> bind();
    /// Serves until stop() (blocks), then drains: no new connections, requests in flight are
    /// answered and committed, idle connections closed; returns within a few seconds.
    void run();
    /// Whether run() is serving (for a caller that started it on another thread).
    [[nodiscard]] bool isRunning() const;
    /// From any thread (a signal handler: see ServerOptions::stopOnSignals).
    void stop();
    [[nodiscard]] int openConnections() const;
    /// Event streams (GET /v1/sync/events) open now.
    [[nodiscard]] int subscribers() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace bandmate::sync
