#include "app/server/GrooveRenderer.h"
#include "sync/protocol/Protocol.h"
#include "sync/server/HttpServer.h"
#include "sync/server/ServerDatabase.h"
#include "sync/server/ServerLog.h"
#include "sync/server/SyncService.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <limits>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace {

const char* const kUsage = R"(Usage: bandmate-server [--db sqlite:PATH | --db postgresql://USER@HOST:PORT/DB]
                       [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE]
                       [--registration open|closed] [--workers N] [--sync-limit N] [--field-quota N]
                       [--trusted-proxy ADDRESS]... [--keep-alive SECONDS]
                       [--max-connections N] [--max-per-address N]
                       [--log text|json] [--public-url URL] [--fan-limit N]
                       [--kit DIR] [--render-slots N] [--share-limit N]
       bandmate-server --new-epoch [--db ...]

  --db sqlite:PATH       the server's database (default: sqlite:bandmate-server.sqlite here)
  --db postgresql://USER@HOST:PORT/DB
                         PostgreSQL instead (password from PGPASSWORD or ~/.pgpass); several
                         servers may share one database behind a load balancer
  --listen HOST:PORT     where to listen (default 127.0.0.1:8080; port 0 = any free port)
  --registration MODE    open (default) or closed to new accounts
  --tls-cert FILE        serve HTTPS with this PEM certificate (chain) ...
  --tls-key FILE         ... and its PEM private key; or put the server behind nginx
                         (packaging/server/nginx.conf)
  --workers N            database workers, one connection each (default 8); requests
                         that find all busy and 256 waiting get 503 with Retry-After
  --log text|json        request log lines as text (default) or JSON objects
  --keep-alive SECONDS   close a connection idle this long (default 60; an idle
                         connection costs a socket, no thread)
  --max-connections N    connections open at once, at most (default: what the open-file
                         limit allows); past it: 503 with Retry-After, then closed
  --max-per-address N    connections open at once from one address or IPv6 /64 (default
                         4000: a venue's phones may share one address; trusted proxies
                         have no cap; 0 = no cap)
  --sync-limit N         sync requests per minute and account (default 1200, bursts of
                         N/2; ten times that per address; 0 = no limit); over it: 429
  --trusted-proxy ADDRESS
                         a reverse proxy (as this server sees it, e.g. 127.0.0.1) whose
                         X-Forwarded-For names the client for the per-address limits;
                         repeat for several; without it the header is ignored
  --field-quota N        the most fields one account may hold (default 20000000, about ten
                         libraries of 100,000 songs; 0 = no limit); a push past it: 413
  --public-url URL       the address fans reach this server at (https://vote.example.com),
                         for the links and QR codes of fan votes; default: the address
                         the musician's request came to
  --fan-limit N          fan votes and suggestions per minute from one address (default
                         3000, bursts of N/2: a whole venue may share one Wi-Fi address;
                         0 = no limit); over it: 429
  --kit DIR              the sample kit shared grooves are rendered with (default: the
                         installed one, as bandmate-cli render uses)
  --render-slots N       shared grooves rendered at once (default 2; each render is
                         cached, so a groove renders once per combination of options)
  --share-limit N        shared grooves and new versions per hour and account
                         (default 120, bursts of N/4; 0 = no limit); over it: 429
  --new-epoch            after restoring the database from a backup: give it a new
                         epoch, so every client sends its data again and merges, then exit

Prints "listening on HOST:PORT" when ready, then one line per request on stderr.
GET /v1/health checks the database; GET /metrics (Prometheus text, from this machine only)
counts requests by route and status, latencies, connections and the database queue.
SIGTERM or SIGINT: stops taking connections, answers the requests in flight, exits 0.
)";

/// Raises the open-file limit to the hard limit (each connection is a file); the connections
/// this process can hold, about.
long raiseOpenFileLimit()
{
#if defined(__unix__) || defined(__APPLE__)
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        if (limit.rlim_cur < limit.rlim_max) {
            rlimit raised = limit;
            raised.rlim_cur = limit.rlim_max;
            if (setrlimit(RLIMIT_NOFILE, &raised) == 0) {
                limit = raised;
            }
        }
        constexpr long kReserved = 64;  // database files, logs, the listening socket
        return limit.rlim_cur == RLIM_INFINITY ? -1 : std::max(0L, static_cast<long>(limit.rlim_cur) - kReserved);
    }
#endif
    return -1;
}

int usage(const char* problem, const QString& where)
{
    std::fprintf(stderr, "bandmate-server: %s: %s\n%s", qPrintable(where), problem, kUsage);
    return 2;
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bandmate-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BANDMATE_VERSION));
    const QStringList args = QCoreApplication::arguments().mid(1);
    bandmate::sync::ServerOptions options;
    bool newEpoch = false;
    QString kitFolder;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("--version")) {
            std::printf("bandmate-server %s (sync protocol %d-%d)\n", BANDMATE_VERSION, bandmate::sync::kProtocolMin, bandmate::sync::kProtocolMax);
            return 0;
        }
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (arg == QLatin1String("--new-epoch")) {
            newEpoch = true;
            continue;
        }
        if (i + 1 >= args.size()) {
            return usage("unknown option, or one without its value", arg);
        }
        const QString value = args[++i];
        if (arg == QLatin1String("--db")) {
            if (value.startsWith(QLatin1String("sqlite:")) && value.size() > 7) {
                options.databasePath = value.mid(7);
            } else if (bandmate::sync::isPostgresLocation(value)) {
                options.databasePath = value;
            } else {
                return usage("expected sqlite:PATH or postgresql://USER@HOST:PORT/DATABASE", arg);
            }
        } else if (arg == QLatin1String("--listen")) {
            const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
            bool ok = false;
            const int port = colon > 0 ? value.mid(colon + 1).toInt(&ok) : -1;
            if (!ok || port < 0 || port > 65535) {
                return usage("expected HOST:PORT, port 0-65535", arg);
            }
            options.host = value.left(colon);
            options.port = port;
        } else if (arg == QLatin1String("--registration")) {
            if (value != QLatin1String("open") && value != QLatin1String("closed")) {
                return usage("expected open or closed", arg);
            }
            options.registrationOpen = value == QLatin1String("open");
        } else if (arg == QLatin1String("--tls-cert")) {
            options.tlsCertPath = value;
        } else if (arg == QLatin1String("--tls-key")) {
            options.tlsKeyPath = value;
        } else if (arg == QLatin1String("--sync-limit")) {
            bool ok = false;
            options.syncRequestsPerMinute = value.toInt(&ok);
            if (!ok || options.syncRequestsPerMinute < 0) {
                return usage("expected a whole number, 0 or more", arg);
            }
        } else if (arg == QLatin1String("--trusted-proxy")) {
            // As the server names a connection's peer: canonical, an IPv4-mapped IPv6 address as IPv4.
            QHostAddress proxy;
            if (value.size() > 64 || !proxy.setAddress(value.trimmed())) {
                return usage("expected the proxy's address, e.g. 127.0.0.1", arg);
            }
            bool mapped = false;
            const quint32 v4 = proxy.toIPv4Address(&mapped);
            options.trustedProxies << (mapped && proxy.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress(v4) : proxy).toString();
        } else if (arg == QLatin1String("--field-quota")) {
            bool ok = false;
            options.fieldQuota = value.toLongLong(&ok);
            if (!ok || options.fieldQuota < 0) {
                return usage("expected a whole number, 0 or more", arg);
            }
        } else if (arg == QLatin1String("--log")) {
            if (value != QLatin1String("text") && value != QLatin1String("json")) {
                return usage("expected text or json", arg);
            }
            options.jsonLog = value == QLatin1String("json");
        } else if (arg == QLatin1String("--keep-alive")) {
            bool ok = false;
            options.keepAliveSeconds = value.toInt(&ok);
            if (!ok || options.keepAliveSeconds < 1 || options.keepAliveSeconds > 3600) {
                return usage("expected 1 to 3600 seconds", arg);
            }
        } else if (arg == QLatin1String("--public-url")) {
            const QUrl url(value, QUrl::StrictMode);
            if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty()
                || url.hasQuery() || url.hasFragment()) {
                return usage("expected the server's public address, e.g. https://vote.example.com", arg);
            }
            options.publicUrl = url.toString(QUrl::StripTrailingSlash);
        } else if (arg == QLatin1String("--fan-limit")) {
            bool ok = false;
            options.fanRequestsPerMinute = value.toInt(&ok);
            if (!ok || options.fanRequestsPerMinute < 0) {
                return usage("expected a whole number, 0 or more", arg);
            }
        } else if (arg == QLatin1String("--kit")) {
            if (!QFile::exists(value + QStringLiteral("/kit.json"))) {
                return usage("no kit here (a folder with kit.json)", arg);
            }
            kitFolder = value;
        } else if (arg == QLatin1String("--share-limit")) {
            bool ok = false;
            options.sharesPerHour = value.toInt(&ok);
            if (!ok || options.sharesPerHour < 0) {
                return usage("expected a whole number, 0 or more", arg);
            }
        } else if (arg == QLatin1String("--render-slots")) {
            bool ok = false;
            options.renderSlots = value.toInt(&ok);
            if (!ok || options.renderSlots < 1 || options.renderSlots > 64) {
                return usage("expected 1 to 64", arg);
            }
        } else if (arg == QLatin1String("--max-connections")) {
            bool ok = false;
            options.maxConnections = value.toInt(&ok);
            if (!ok || options.maxConnections < 1) {
                return usage("expected a whole number, 1 or more", arg);
            }
        } else if (arg == QLatin1String("--max-per-address")) {
            bool ok = false;
            options.connectionsPerAddress = value.toInt(&ok);
            if (!ok || options.connectionsPerAddress < 0) {
                return usage("expected a whole number, 0 or more", arg);
            }
        } else if (arg == QLatin1String("--workers")) {
            bool ok = false;
            options.workers = value.toInt(&ok);
            if (!ok || options.workers < 1 || options.workers > 256) {
                return usage("expected 1 to 256", arg);
            }
        } else {
            return usage("unknown option", arg);
        }
    }
    if (options.tlsCertPath.isEmpty() != options.tlsKeyPath.isEmpty()) {
        return usage("--tls-cert and --tls-key go together", options.tlsCertPath.isEmpty() ? QStringLiteral("--tls-key") : QStringLiteral("--tls-cert"));
    }
    if (newEpoch) {
        auto epoch = bandmate::sync::SyncService::renewEpoch(options.databasePath);
        if (!epoch) {
            std::fprintf(stderr, "bandmate-server: %s\n", epoch.error().toString().c_str());
            return 1;
        }
        std::printf("new epoch %s: clients send their data again on their next sync\n", qPrintable(*epoch));
        return 0;
    }
    options.stopOnSignals = true;
    options.renderGroove = bandmate::app::makeGrooveRenderer(kitFolder);
    const long capacity = raiseOpenFileLimit();
    if (capacity == 0) {
        std::fprintf(stderr, "bandmate-server: the open-file limit leaves no room for connections (ulimit -n)\n");
        return 1;
    }
    if (capacity > 0 && (options.maxConnections == 0 || options.maxConnections > capacity)) {
        if (options.maxConnections > capacity) {
            std::fprintf(stderr, "--max-connections %d is more than the open-file limit allows: %ld\n", options.maxConnections, capacity);
        }
        // Past the limit accept() fails and the client hears nothing; at the cap it hears 503.
        options.maxConnections = static_cast<int>(std::min<long>(capacity, std::numeric_limits<int>::max()));
    }
#ifdef SIGPIPE
    // A log reader that goes away must not end the server (a write to its pipe would raise SIGPIPE).
    std::signal(SIGPIPE, SIG_IGN);
#endif
    bandmate::sync::HttpServer server(options);
    // Qt's warnings (a database driver's) join the log: written by its thread, never in the way.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type == QtFatalMsg) {
            // Qt ends the process when this returns: said now, not queued.
            const std::string line = "fatal: " + message.toStdString() + "\n";
#if defined(__unix__) || defined(__APPLE__)
            [[maybe_unused]] const ssize_t wrote = ::write(STDERR_FILENO, line.data(), line.size());
#else
            std::fputs(line.c_str(), stderr);
#endif
            return;
        }
        bandmate::sync::ServerLog::notice(message.toStdString());
    });
    auto port = server.bind();
    if (!port) {
        std::fprintf(stderr, "bandmate-server: %s\n", port.error().toString().c_str());
        return 1;
    }
    std::printf("listening on %s:%d\n", qPrintable(options.host), *port);
    if (options.maxConnections > 0) {
        std::string line = "up to " + std::to_string(options.maxConnections) + " connections at once";
        if (options.connectionsPerAddress > 0) {
            line += ", " + std::to_string(options.connectionsPerAddress) + " from one address";
        }
        bandmate::sync::ServerLog::notice(line);  // in order with the log's other lines
    }
    if (!options.tlsCertPath.isEmpty()) {
        bandmate::sync::ServerLog::notice("serving HTTPS with the certificate " + options.tlsCertPath.toStdString());
    }
    std::fflush(stdout);
    server.run();  // says "stopped" last
    return 0;
}
