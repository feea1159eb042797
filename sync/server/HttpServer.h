#pragma once

#include "core/util/Result.h"

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
    int workers = 8;
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
};

/// The HTTP adapter over SyncService and Accounts (cpp-httplib): JSON in and out, errors as
/// {"code","message"}, TCP_NODELAY, a 1 MiB body cap, read/write timeouts, a fixed worker pool
/// with one database connection per worker thread, one log line per request (method, path,
/// status, milliseconds, account; never tokens or passwords).
class HttpServer {
public:
    explicit HttpServer(ServerOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Binds the socket; the port actually bound (useful with port 0). Fails when the address is
    /// taken or the TLS certificate or key cannot be read.
    [[nodiscard]] core::Result<int> bind();
    /// Serves until stop() (blocks).
    void run();
    /// Whether run() is serving (for a caller that started it on another thread).
    [[nodiscard]] bool isRunning() const;
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace bandmate::sync
