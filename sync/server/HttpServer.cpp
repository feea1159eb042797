#include "sync/server/HttpServer.h"

#include "sync/server/RouteHelpers.h"

#include "sync/protocol/ChangeJson.h"
#include "sync/protocol/Protocol.h"
#include "sync/server/Accounts.h"
#include "sync/server/GroupCommit.h"
#include "sync/server/HttpCore.h"
#include "sync/server/GrooveRoutes.h"
#include "sync/server/PollRoutes.h"
#include "sync/server/RateLimiter.h"
#include "sync/server/ServerDatabase.h"
#include "sync/server/ServerLog.h"
#include "sync/server/ServerWorker.h"
#include "sync/server/SyncService.h"
#include "sync/server/TopicRelay.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <mutex>
#include <vector>

namespace bandmate::sync {

namespace {

void sendError(http::Response& res, int status, const char* code, const std::string& message)
{
    res.error(status, code, message);
}

/// A credential that is wrong, unknown or ended (NotFound) is 401, and only that: a client signs
/// out on a 401. Anything else (a database that failed) is the service error it is, and the
/// client keeps its session for the next try.
void sendCredentialError(http::Response& res, const core::Error& error)
{
    if (error.code == core::ErrorCode::NotFound) {
        sendError(res, 401, "unauthorized", error.message);
    } else {
        sendServiceError(res, error);
    }
}

void sendSession(http::Response& res, const Session& session)
{
    res.json(200, QJsonObject{{QStringLiteral("account_id"), session.accountId},
                                   {QStringLiteral("access_token"), session.accessToken},
                                   {QStringLiteral("expires_at"), static_cast<double>(session.expiresAtMs)},
                                   {QStringLiteral("refresh_token"), session.refreshToken}});
}

/// The request body as a JSON object, or a 400 already sent.
std::optional<QJsonObject> jsonBody(const http::Request& req, http::Response& res)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        sendError(res, 400, "malformed_json",
                  error.error != QJsonParseError::NoError ? "the body is not JSON: " + error.errorString().toStdString() + " at offset " + std::to_string(error.offset)
                                                          : "the body must be a JSON object");
        return std::nullopt;
    }
    return document.object();
}

http::CoreOptions coreOptions(const ServerOptions& options)
{
    http::CoreOptions core;
    core.host = options.host;
    core.port = options.port;
    core.tlsCertPath = options.tlsCertPath;
    core.tlsKeyPath = options.tlsKeyPath;
    core.ioThreads = options.ioThreads;
    core.databaseWorkers = std::max(1, options.workers);
    core.queueLimit = options.queueLimit;
    core.keepAlive = std::chrono::seconds(std::max(1, options.keepAliveSeconds));
    core.readTimeout = std::chrono::seconds(std::max(1, options.readTimeoutSeconds));
    core.writeTimeout = core.readTimeout;
    core.stopOnSignals = options.stopOnSignals;
    core.maxConnections = std::max(0, options.maxConnections);
    core.maxConnectionsPerAddress = std::max(0, options.connectionsPerAddress);
    for (const QString& proxy : options.trustedProxies) {
        core.uncappedAddresses.push_back(proxy.toStdString());
    }
    return core;
}

}  // namespace

struct HttpServer::Impl {
    explicit Impl(ServerOptions serverOptions)
        : options(std::move(serverOptions)),
          perAccount(options.syncRequestsPerMinute, std::max(1, options.syncRequestsPerMinute / 2)),
          perAddress(options.syncRequestsPerMinute * 10, std::max(1, options.syncRequestsPerMinute * 5)),
          // Before any database work: 60 sign-in requests a minute per address in bursts of 30
          // (off with the sync limits, as in the test suites).
          authPerAddress(options.syncRequestsPerMinute > 0 ? 60 : 0, 30),
          core(coreOptions(options), [this] { return openWorker(); },
               [this](const http::Request& req, const http::Response& res, double ms) { log(req, res, ms); },
               [this](http::WorkerState& state) { maintain(static_cast<Worker&>(state)); })
    {
        routes();
        core.addMetrics([this] {
            return "# HELP bandmate_log_dropped_total Log lines dropped because the log's reader did not keep up.\n"
                   "# TYPE bandmate_log_dropped_total counter\nbandmate_log_dropped_total " +
                   std::to_string(serverLog.dropped()) + "\n";
        });
    }

    ServerOptions options;
    RateLimiter perAccount;
    RateLimiter perAddress;
    RateLimiter authPerAddress;
    /// Written by a thread of its own: a log reader that falls behind never stalls a request.
    ServerLog serverLog{options.jsonLog};
    /// Pushes are written in groups (one transaction, one disk flush, for all that arrived
    /// while the previous group was being written); votes likewise, in PollRoutes.
    GroupCommit<SyncService::PushRequest> pushes;
    /// Storage that only grows is pruned once per maintenance interval, after a request has been
    /// answered, by whichever worker comes first: expired tokens (two rows per sign-in and
    /// refresh), old rate-limit windows, and batch answers older than SyncService::kBatchAnswerKeptMs.
    /// A server without requests has nothing new to prune.
    std::atomic<qint64> lastMaintenance{0};
    /// Until when GET /v1/health answers without asking the database again.
    std::atomic<qint64> healthyUntilMs{0};
    static constexpr qint64 kHealthyForMs = 1000;
    /// A health check is asking the database now: meanwhile, for a few seconds more, the last
    /// answer stands (a thousand probes at the second's turn must not all queue for workers).
    std::atomic<bool> healthChecking{false};
    static constexpr qint64 kHealthyWhileCheckingMs = 5000;
    http::Core core;  // its workers and connections use everything above
    /// Fan voting's routes (they publish on `core`).
    PollRoutes polls{core, options, [this](const http::Request& req) { return limitKey(clientAddress(req)); }};
    /// Shared grooves' routes and their render cache.
    GrooveRoutes grooves{core, options, [this](const http::Request& req) { return limitKey(clientAddress(req)); }};
    /// Topics changed by other server processes on the same PostgreSQL (after `core`: it
    /// publishes there, and stops first).
    TopicRelay relay{options.databasePath, [this](QSqlDatabase& db, const QString& topic) { reread(db, topic); },
                     [this](QSqlDatabase& db) { resync(db); }};

    /// The relay listens again after missing notifications: every topic with subscribers here
    /// is read again, and streams of sessions that ended meanwhile (signed out on another
    /// server) end.
    void resync(QSqlDatabase& db)
    {
        QSet<QString> topics;
        for (const std::string& name : core.liveTopics()) {
            const QString topic = QString::fromStdString(name);
            // A poll's three views ("poll:", "poll-open:", "poll-owner:") are published together.
            topics.insert(topic.startsWith(QLatin1String("poll")) ? QStringLiteral("poll:") + topic.section(QLatin1Char(':'), 1) : topic);
        }
        for (const QString& topic : std::as_const(topics)) {
            reread(db, topic);
        }
        // Which families with streams here hold no session any more, a few hundred a query (a
        // password change ends every family of the account: checked by family).
        std::vector<std::string> families;
        for (const std::string& tag : core.liveTags()) {
            if (tag.starts_with("family:")) {
                families.push_back(tag.substr(7));
            }
        }
        const QString ended = QStringLiteral("SELECT j.value ->> 0 FROM %1 WHERE NOT EXISTS (SELECT 1 FROM access_token WHERE family = j.value ->> 0)")
                                  .arg(jsonElements(db));
        constexpr size_t kPerQuery = 500;
        for (size_t first = 0; first < families.size(); first += kPerQuery) {
            QJsonArray chunk;
            for (size_t i = first; i < std::min(families.size(), first + kPerQuery); ++i) {
                chunk.append(QJsonArray{QString::fromStdString(families[i])});
            }
            QSqlQuery gone(db);
            gone.prepare(ended);
            gone.addBindValue(QString::fromUtf8(QJsonDocument(chunk).toJson(QJsonDocument::Compact)));
            if (!gone.exec()) {
                // (The connection is likely gone again: the next time it listens, all are asked.)
                ServerLog::notice("relay: could not check which sessions ended meanwhile: " + gone.lastError().text().toStdString());
                return;
            }
            while (gone.next()) {
                core.endStreams(familyTag(gone.value(0).toString()));
            }
        }
    }

    /// Another process (or this one) changed `topic`: its state from the database, published here.
    void reread(QSqlDatabase& db, const QString& topic)
    {
        if (topic.startsWith(QLatin1String(kEndTopic))) {
            core.endStreams(topic.mid(QLatin1String(kEndTopic).size()).toStdString());  // signed out on another server
            return;
        }
        if (topic.startsWith(QLatin1String("poll:"))) {
            polls.reread(topic);
            return;
        }
        if (!topic.startsWith(QLatin1String("head:"))) {
            return;
        }
        const QString account = topic.mid(5);
        QSqlQuery head(db);
        head.prepare(QStringLiteral("SELECT seq FROM user_head WHERE user_id = ?"));
        head.addBindValue(account);
        if (head.exec() && head.next()) {
            publishHead(account, head.value(0).toLongLong());
        }
    }

    core::Result<PushResult> groupPush(Worker& worker, SyncService::PushRequest& request)
    {
        pushes.run(request, [&worker](QList<SyncService::PushRequest*>& group) { worker.sync->pushGroup(group); });
        return request.result;
    }

    /// A database worker's services.
    core::Result<std::unique_ptr<http::WorkerState>> openWorker() const
    {
        auto sync = SyncService::open(options.databasePath);
        if (!sync) {
            return std::unexpected(sync.error());
        }
        auto accounts = Accounts::open(options.databasePath);
        if (!accounts) {
            return std::unexpected(accounts.error());
        }
        auto pollService = PollService::open(options.databasePath);
        if (!pollService) {
            return std::unexpected(pollService.error());
        }
        auto grooveService = GrooveService::open(options.databasePath);
        if (!grooveService) {
            return std::unexpected(grooveService.error());
        }
        (*sync)->setFieldQuota(options.fieldQuota);
        auto worker = std::make_unique<Worker>();
        worker->sync = std::move(*sync);
        worker->accounts = std::move(*accounts);
        worker->polls = std::move(*pollService);
        worker->grooves = std::move(*grooveService);
        return worker;
    }

    void maintain(Worker& worker)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        qint64 last = lastMaintenance.load();
        if (now - last < options.maintenanceIntervalMs || !lastMaintenance.compare_exchange_strong(last, now)) {
            return;
        }
        auto tokens = worker.accounts->prune();
        auto batches = worker.sync->pruneBatches(now - SyncService::kBatchAnswerKeptMs);
        if (tokens && batches) {
            serverLog.note("maintenance: pruned " + std::to_string(*tokens) + " token and rate-limit rows, " + std::to_string(*batches) + " batch answers");
        } else {
            serverLog.note("maintenance: pruning failed: " + (!tokens ? tokens.error() : batches.error()).toString());
        }
    }

    void log(const http::Request& req, const http::Response& res, double ms)
    {
        if (options.jsonLog) {
            QJsonObject entry{{QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                              {QStringLiteral("method"), QString::fromStdString(req.method)},
                              {QStringLiteral("path"), QString::fromStdString(req.path)},
                              {QStringLiteral("status"), res.status},
                              {QStringLiteral("ms"), std::round(ms * 10.0) / 10.0},
                              {QStringLiteral("account"), QString::fromStdString(res.account)},
                              {QStringLiteral("address"), req.remoteAddress.empty() ? QString() : clientAddress(req)}};
            if (!res.note.empty()) {
                entry.insert(QStringLiteral("note"), QString::fromStdString(res.note));
            }
            serverLog.write(QJsonDocument(entry).toJson(QJsonDocument::Compact).toStdString());
            return;
        }
        char timing[48];
        std::snprintf(timing, sizeof timing, " %d %.1f ms ", res.status, ms);
        std::string line = req.method + " " + printable(req.path) + timing + (res.account.empty() ? std::string("-") : res.account);
        if (!res.note.empty()) {
            line += " " + printable(res.note);
        }
        serverLog.write(std::move(line));
    }

    /// Bytes a terminal would act on (controls, and anything not ASCII) as \xNN.
    static std::string printable(const std::string& text) { return ServerLog::escaped(text, ServerLog::Escape::ControlsAndNonAscii); }

    using Handler = std::function<void(const http::Request&, http::Response&, Worker&, QString& account)>;

    static std::string headTopic(const QString& account) { return "head:" + account.toStdString(); }
    static std::string familyTag(const QString& family) { return "family:" + family.toStdString(); }
    static std::string accountTag(const QString& account) { return "account:" + account.toStdString(); }

    /// A session (tag "family:…") or every session of an account ("account:…") ended: the
    /// streams it opened end here, and on the other servers of the same PostgreSQL.
    void endStreams(Worker& worker, const std::string& tag)
    {
        core.endStreams(tag);
        worker.sync->announce(QString::fromStdString(kEndTopic + tag));
    }
    static constexpr const char* kEndTopic = "end:";

    void publishHead(const QString& account, qint64 headSeq)
    {
        if (headSeq > 0) {
            core.publish(headTopic(account), static_cast<std::uint64_t>(headSeq), "head", "{\"head_seq\":" + std::to_string(headSeq) + "}");
        }
    }

    /// Sync requests over the limits get 429 with Retry-After; true when this one did.
    static bool overLimit(RateLimiter& limiter, const QString& key, http::Response& res, const char* what = "too many sync requests")
    {
        const std::optional<int> wait = limiter.take(key);
        if (wait) {
            res.setHeader("Retry-After", std::to_string(*wait));
            sendError(res, 429, "too_many_requests", std::string(what) + "; try again in " + std::to_string(*wait) + " s");
        }
        return wait.has_value();
    }

    /// A route: checks the protocol header (and, when `authenticated`, the sync limit per
    /// address) on the I/O thread before any database work, then on a database worker the
    /// bearer token and the limit per account, then runs `handler`.
    void add(const char* method, const char* path, bool authenticated, Handler handler)
    {
        const bool signIn = std::string_view(path).starts_with("/v1/auth/");
        auto screen = [this, authenticated, signIn](const http::Request& req, http::Response& res) {
            const QString address = authenticated || signIn ? limitKey(clientAddress(req)) : QString();
            if (authenticated && overLimit(perAddress, address, res)) {
                return true;  // refused before any work
            }
            if (signIn && overLimit(authPerAddress, address, res, "too many sign-in requests")) {
                return true;  // before a database write and a password hash
            }
            if (const std::string protocol = req.header("X-Bandmate-Protocol");
                !protocol.empty() && (std::atoi(protocol.c_str()) < kProtocolMin || std::atoi(protocol.c_str()) > kProtocolMax)) {
                // A client that speaks another version of the protocol: say so, change nothing.
                sendError(res, 409, "protocol_mismatch",
                          "this server speaks sync protocol " + std::to_string(kProtocolMin) + "-" + std::to_string(kProtocolMax) + ", the client " + protocol);
                return true;
            }
            return false;
        };
        auto run = [this, authenticated, handler = std::move(handler)](const http::Request& req, http::Response& res, http::WorkerState& state) {
            auto& worker = static_cast<Worker&>(state);
            QString account;
            qint64 expiresAt = 0;
            QString family;
            if (authenticated) {
                const std::string header = req.header("Authorization");
                const std::string prefix = "Bearer ";
                auto who = header.rfind(prefix, 0) == 0 ? worker.accounts->authenticate(QString::fromStdString(header.substr(prefix.size())), &expiresAt, &family)
                                                       : core::Result<QString>(core::fail(core::ErrorCode::NotFound, "not signed in"));
                if (!who) {
                    sendCredentialError(res, who.error());
                    return;
                }
                account = *who;
                res.account = account.toStdString();
                if (overLimit(perAccount, account, res)) {
                    return;
                }
            }
            handler(req, res, worker, account);
            res.account = account.toStdString();
            if (!res.stream.empty() && authenticated) {
                // A stream lasts as long as the token it opened with, and ends with its session
                // signed out (or every session of the account, a new password) from anywhere.
                res.streamUntilMs = expiresAt;
                res.streamTags = {familyTag(family), accountTag(account)};
            }
        };
        core.route(method, path, std::move(screen), std::move(run));
    }

    /// The client's address: the connection's, or behind a trusted proxy the last address of
    /// X-Forwarded-For that is not itself a trusted proxy (each proxy appends the address it
    /// saw; what comes before the trusted ones is the client's to write, and ignored).
    QString clientAddress(const http::Request& req) const
    {
        QString address = QString::fromStdString(req.remoteAddress);
        if (!options.trustedProxies.contains(address)) {
            return address;
        }
        // Every X-Forwarded-For line, in order: a proxy may add its own line rather than append.
        QStringList hops;
        for (const auto& [name, value] : req.headers) {
            if (QString::fromStdString(name).compare(QLatin1String("X-Forwarded-For"), Qt::CaseInsensitive) == 0) {
                hops += QString::fromStdString(value).split(QLatin1Char(','), Qt::SkipEmptyParts);
            }
        }
        for (auto hop = hops.crbegin(); hop != hops.crend(); ++hop) {
            const QHostAddress candidate(hop->trimmed());
            if (candidate.isNull()) {
                break;  // not an address: keep the last one that was
            }
            address = candidate.toString();
            if (!options.trustedProxies.contains(address)) {
                break;
            }
        }
        return address;
    }

    /// The key an address is limited under: itself, or for IPv6 its /64 (one host has a whole
    /// /64 to choose from).
    static QString limitKey(const QString& address)
    {
        QHostAddress parsed(address);
        if (parsed.protocol() != QAbstractSocket::IPv6Protocol) {
            return address;
        }
        bool mapped = false;
        const quint32 v4 = parsed.toIPv4Address(&mapped);
        if (mapped) {
            return QHostAddress(v4).toString();
        }
        Q_IPV6ADDR bytes = parsed.toIPv6Address();
        std::fill(std::begin(bytes.c) + 8, std::end(bytes.c), quint8{0});
        return QHostAddress(bytes).toString() + QStringLiteral("/64");
    }

    static constexpr qint64 kQuarterHourMs = 15 * 60 * 1000;
    static constexpr qint64 kHourMs = 60 * 60 * 1000;
    static constexpr qint64 kKnownMs = 30LL * 24 * 60 * 60 * 1000;
    /// Wrong passwords an account takes an hour from everywhere, except from addresses that
    /// signed in to it before (the login route).
    static constexpr int kFailuresPerAccount = 100;

    /// Sign-in attempts are limited per address and account (kPerPair in 15 minutes) and per
    /// address (kPerIp in 15 minutes, whatever the accounts); the login route adds the account's
    /// own ceiling. Someone guessing from one address runs into the first long before the
    /// account's ceiling, so the owner still signs in from elsewhere; a guess spread over many
    /// addresses hits the ceiling, but not the owner's computers. A device with a session keeps
    /// working either way (a refresh is not a sign-in). Past a limit: 429 with Retry-After; true
    /// when refused. A refused attempt counts no further than the limit that refused it.
    bool limited(const http::Request& req, http::Response& res, Worker& worker, const QString& email)
    {
        constexpr int kPerPair = 10;
        constexpr int kPerIp = 100;
        const QString address = limitKey(clientAddress(req));
        struct Limit {
            QString key;
            int most;
            qint64 windowMs;
        };
        QList<Limit> keys{{QStringLiteral("auth-ip:") + address, kPerIp, kQuarterHourMs}};
        if (!email.isEmpty()) {
            keys.append({QStringLiteral("auth-pair:") + email + QLatin1Char(' ') + address, kPerPair, kQuarterHourMs});
        }
        for (const auto& [key, most, windowMs] : keys) {
            auto wait = worker.accounts->limit(key, most, windowMs);
            if (!wait) {
                sendServiceError(res, wait.error());
                return true;
            }
            if (*wait) {
                res.setHeader("Retry-After", std::to_string(**wait));
                sendError(res, 429, "too_many_requests", "too many sign-in attempts; try again in " + std::to_string((**wait + 59) / 60) + " minutes");
                return true;
            }
        }
        return false;
    }

    void routes()
    {
        // A database that answered within the last second is healthy without asking it again:
        // a load balancer's or monitor's probes cost no worker. The version is the program's
        // (bandmate-server sets it from the one in CMakeLists.txt).
        const QJsonObject healthy{{QStringLiteral("status"), QStringLiteral("ok")},
                                  {QStringLiteral("version"), QCoreApplication::applicationVersion()}};
        // Serialized once: a probe's answer costs no JSON work either.
        const std::string healthyBody = QJsonDocument(healthy).toJson(QJsonDocument::Compact).toStdString();
        core.route(
            "GET", "/v1/health",
            [this, healthyBody](const http::Request&, http::Response& res) {
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                const qint64 until = healthyUntilMs.load(std::memory_order_relaxed);
                if (now >= until && (now >= until - kHealthyForMs + kHealthyWhileCheckingMs || !healthChecking.exchange(true))) {
                    return false;  // this one asks the database (or the last answer is too old to stand)
                }
                res.status = 200;
                res.contentType = "application/json";
                res.body = healthyBody;
                return true;
            },
            [this, healthy](const http::Request&, http::Response& res, http::WorkerState& state) {
                auto answered = static_cast<Worker&>(state).sync->ping();
                if (answered) {
                    healthyUntilMs.store(QDateTime::currentMSecsSinceEpoch() + kHealthyForMs, std::memory_order_relaxed);
                }
                healthChecking.store(false);
                if (!answered) {
                    sendError(res, 503, "storage", "the server's database does not answer");
                    res.note = answered.error().toString();
                    return;
                }
                res.json(200, healthy);
            });
        add("POST", "/v1/auth/register", false, [this](const http::Request& req, http::Response& res, Worker& worker, QString& account) {
                        if (limited(req, res, worker, {})) {
                            return;
                        }
                        if (!options.registrationOpen) {
                            sendError(res, 403, "registration_closed", "this server does not take new accounts");
                            return;
                        }
                        auto body = jsonBody(req, res);
                        if (!body) {
                            return;
                        }
                        auto id = worker.accounts->registerAccount((*body)[QStringLiteral("email")].toString(), (*body)[QStringLiteral("password")].toString());
                        if (!id) {
                            sendServiceError(res, id.error());
                            return;
                        }
                        account = *id;
                        res.json(201, QJsonObject{{QStringLiteral("account_id"), *id}});
                    });
        add("POST", "/v1/auth/login", false, [this](const http::Request& req, http::Response& res, Worker& worker, QString& account) {
                        auto body = jsonBody(req, res);
                        if (!body) {
                            return;
                        }
                        const QString email = Accounts::normalizeEmail((*body)[QStringLiteral("email")].toString());
                        if (email.size() > 254 || !email.contains(QLatin1Char('@'))) {
                            // Not an address: no account has it, and it must not become a key.
                            sendError(res, 401, "unauthorized", "wrong e-mail or password");
                            return;
                        }
                        if (limited(req, res, worker, email)) {
                            return;
                        }
                        // The account's own ceiling counts failures from everywhere; a computer
                        // (address) that signed in before is not held by it.
                        const QString known = QStringLiteral("auth-known:") + email + QLatin1Char(' ') + limitKey(clientAddress(req));
                        const QString failures = QStringLiteral("auth-fail:") + email;
                        auto wasKnown = worker.accounts->check(known, 1, kKnownMs);
                        auto ceiling = wasKnown && !*wasKnown ? worker.accounts->check(failures, kFailuresPerAccount, kHourMs) : wasKnown;
                        if (!wasKnown || !ceiling) {
                            sendServiceError(res, !wasKnown ? wasKnown.error() : ceiling.error());
                            return;
                        }
                        if (!*wasKnown && *ceiling) {
                            res.setHeader("Retry-After", std::to_string(**ceiling));
                            sendError(res, 429, "too_many_requests", "too many wrong passwords for this account; try again in " +
                                                                         std::to_string((**ceiling + 59) / 60) + " minutes, or from a computer that signed in before");
                            return;
                        }
                        auto session = worker.accounts->login((*body)[QStringLiteral("email")].toString(), (*body)[QStringLiteral("password")].toString());
                        if (!session) {
                            if (session.error().code == core::ErrorCode::NotFound) {
                                (void)worker.accounts->limit(failures, kFailuresPerAccount, kHourMs);
                            }
                            sendCredentialError(res, session.error());
                            return;
                        }
                        (void)worker.accounts->limit(known, std::numeric_limits<int>::max(), kKnownMs);
                        account = session->accountId;
                        sendSession(res, *session);
                    });
        add("POST", "/v1/auth/refresh", false, [this](const http::Request& req, http::Response& res, Worker& worker, QString& account) {
                        auto body = jsonBody(req, res);
                        if (!body) {
                            return;
                        }
                        // next_refresh_token: the successor the client keeps before asking (crash-safe rotation).
                        QString revoked;
                        auto session = worker.accounts->refresh((*body)[QStringLiteral("refresh_token")].toString(),
                                                                (*body)[QStringLiteral("next_refresh_token")].toString(), &revoked);
                        if (!revoked.isEmpty()) {
                            endStreams(worker, familyTag(revoked));  // a stolen copy: its streams go too
                        }
                        if (!session) {
                            sendCredentialError(res, session.error());
                            return;
                        }
                        account = session->accountId;
                        sendSession(res, *session);
                    });
        add("POST", "/v1/auth/logout", false, [this](const http::Request& req, http::Response& res, Worker& worker, QString&) {
                        auto body = jsonBody(req, res);
                        if (!body) {
                            return;
                        }
                        QString family;
                        if (auto ended = worker.accounts->logout((*body)[QStringLiteral("refresh_token")].toString(), &family); !ended) {
                            sendServiceError(res, ended.error());
                            return;
                        }
                        if (!family.isEmpty()) {
                            endStreams(worker, familyTag(family));
                        }
                        res.status = 204;
                    });
        add("POST", "/v1/auth/password", true, [this](const http::Request& req, http::Response& res, Worker& worker, QString& account) {
                        // A stolen access token must not make a password-guessing oracle: the
                        // same limits as signing in, per address and per account.
                        if (limited(req, res, worker, QStringLiteral("id:") + account)) {
                            return;
                        }
                        auto body = jsonBody(req, res);
                        if (!body) {
                            return;
                        }
                        auto changed = worker.accounts->changePassword(account, (*body)[QStringLiteral("old_password")].toString(),
                                                                       (*body)[QStringLiteral("new_password")].toString());
                        if (!changed) {
                            sendCredentialError(res, changed.error());
                            return;
                        }
                        endStreams(worker, accountTag(account));  // every session ended
                        res.status = 204;
                    });
        add("GET", "/v1/sync/meta", true, [](const http::Request&, http::Response& res, Worker& worker, QString& account) {
                       auto meta = worker.sync->meta(account);
                       if (!meta) {
                           sendServiceError(res, meta.error());
                           return;
                       }
                       res.json(200, QJsonObject{{QStringLiteral("protocol_min"), meta->protocolMin},
                                                      {QStringLiteral("protocol_max"), meta->protocolMax},
                                                      {QStringLiteral("server_time"), static_cast<double>(meta->serverTimeMs)},
                                                      {QStringLiteral("epoch"), meta->epoch},
                                                      {QStringLiteral("head_seq"), static_cast<double>(meta->headSeq)},
                                                      {QStringLiteral("data_format"), meta->dataFormat}});
                   });
        add("POST", "/v1/sync/push", true, [this](const http::Request& req, http::Response& res, Worker& worker, QString& account) {
                        auto body = jsonBody(req, res);
                        if (!body) {
                            return;
                        }
                        const QJsonValue list = (*body)[QStringLiteral("changes")];
                        if (!list.isArray()) {
                            sendError(res, 400, "malformed", "changes: must be an array");
                            return;
                        }
                        auto changes = changesFromJson(list.toArray(), QStringLiteral("changes"));
                        if (!changes) {
                            sendError(res, 400, "malformed", changes.error().toString());
                            return;
                        }
                        const QString batchId = (*body)[QStringLiteral("batch_id")].toString();
                        if (batchId.isEmpty()) {
                            sendError(res, 400, "malformed", "batch_id: must be a non-empty string");
                            return;
                        }
                        const QJsonValue seenSeq = body->value(QStringLiteral("seen_seq"));
                        if (!seenSeq.isUndefined() && (!seenSeq.isDouble() || seenSeq.toDouble() < 0 || seenSeq.toDouble() != std::floor(seenSeq.toDouble()))) {
                            sendError(res, 400, "malformed", "seen_seq: must be a whole number, 0 or more");
                            return;
                        }
                        const QJsonValue dataFormat = body->value(QStringLiteral("data_format"));
                        if (!dataFormat.isUndefined() && (!dataFormat.isDouble() || dataFormat.toDouble() < 0 || dataFormat.toDouble() > 1'000'000
                                                          || dataFormat.toDouble() != std::floor(dataFormat.toDouble()))) {
                            sendError(res, 400, "malformed", "data_format: must be a whole number from 0 to 1000000");
                            return;
                        }
                        SyncService::PushRequest request{account,
                                                         (*body)[QStringLiteral("device_id")].toString(),
                                                         batchId,
                                                         *changes,
                                                         seenSeq.isUndefined() ? -1 : static_cast<qint64>(seenSeq.toDouble()),
                                                         dataFormat.isUndefined() ? 0 : dataFormat.toInt()};
                        auto pushed = groupPush(worker, request);
                        if (!pushed) {
                            if (pushed.error().code == core::ErrorCode::Conflict) {
                                sendError(res, 409, "batch_mismatch", pushed.error().toString());
                            } else {
                                if (pushed.error().where == "quota") {
                                    sendError(res, 413, "quota", pushed.error().message);
                                } else if (pushed.error().code == core::ErrorCode::InvalidInput) {
                                    sendError(res, 422, "rejected", pushed.error().toString());
                                } else {
                                    sendServiceError(res, pushed.error());
                                }
                            }
                            return;
                        }
                        if (pushed->accepted > 0) {
                            publishHead(account, pushed->headSeq);  // the account's other devices may pull now
                            worker.sync->announce(QString::fromStdString(headTopic(account)));  // and those on other servers
                        }
                        QJsonArray lost;
                        for (const core::FieldChange& change : pushed->lost) {
                            lost.append(changeToJson(change));
                        }
                        res.json(200, QJsonObject{{QStringLiteral("accepted"), pushed->accepted},
                                                       {QStringLiteral("lost"), lost},
                                                       {QStringLiteral("ignored"), pushed->ignored},
                                                       {QStringLiteral("head_seq"), static_cast<double>(pushed->headSeq)},
                                                       {QStringLiteral("replayed"), pushed->replayed}});
                    });
        add("GET", "/v1/sync/events", true, [this](const http::Request&, http::Response& res, Worker& worker, QString& account) {
                       // Server-Sent Events: "head" with {"head_seq":N} whenever a push of any of the
                       // account's devices changed something (at most ten a second).
                       const std::string topic = headTopic(account);
                       if (core.topicVersion(topic) == 0) {
                           auto meta = worker.sync->meta(account);
                           if (!meta) {
                               sendServiceError(res, meta.error());
                               return;
                           }
                           publishHead(account, meta->headSeq);
                       }
                       res.status = 200;
                       res.stream = topic;
                   });
        add("GET", "/v1/sync/pull", true, [](const http::Request& req, http::Response& res, Worker& worker, QString& account) {
                       bool sinceOk = true;
                       bool limitOk = true;
                       const qint64 since = req.hasParam(QStringLiteral("since")) ? req.param(QStringLiteral("since")).toLongLong(&sinceOk) : 0;
                       const int limit = req.hasParam(QStringLiteral("limit")) ? req.param(QStringLiteral("limit")).toInt(&limitOk) : kMaxChangesPerPush;
                       if (!sinceOk || !limitOk) {
                           sendError(res, 400, "malformed", "since and limit must be whole numbers");
                           return;
                       }
                       // A client from before forward-compatible sync stops at a name it does not
                       // know: say "update" instead of sending it what it cannot read.
                       const std::string protocol = req.header("X-Bandmate-Protocol");
                       const bool findUnknown = protocol.empty() || std::atoi(protocol.c_str()) < kProtocolPassesUnknownFields;
                       // Written by hand, straight from the database's text: a QJsonObject per
                       // change cost more than the query.
                       QByteArray body;
                       body.reserve(static_cast<qsizetype>(std::clamp(limit, 1, 100)) * 200 + 64);
                       body.append("{\"changes\":[");
                       auto page = worker.sync->pullJson(account, since, limit, findUnknown, body);
                       if (!page) {
                           if (page.error().code == core::ErrorCode::InvalidInput) {
                               sendError(res, 400, "malformed", page.error().toString());
                           } else {
                               sendServiceError(res, page.error());
                           }
                           return;
                       }
                       if (!page->unknownField.isEmpty()) {
                           sendError(res, 409, "protocol_mismatch",
                                     "a newer Bandmate synced data this one cannot read (" + page->unknownField.toStdString() +
                                         "); update Bandmate on this computer");
                           return;
                       }
                       body.append("],\"more\":").append(page->more ? "true" : "false");
                       body.append(",\"next_since\":").append(QByteArray::number(page->nextSince)).append('}');
                       res.status = 200;
                       res.contentType = "application/json";
                       res.body.assign(body.constData(), static_cast<size_t>(body.size()));
                   });
        polls.install([this](const char* method, const char* path, PollRoutes::Handler handler) { add(method, path, true, std::move(handler)); });
        grooves.install([this](const char* method, const char* path, GrooveRoutes::Handler handler) { add(method, path, true, std::move(handler)); });
    }
};

HttpServer::HttpServer(ServerOptions options) : m_impl(std::make_unique<Impl>(std::move(options))) {}

HttpServer::~HttpServer() = default;

core::Result<int> HttpServer::bind()
{
    auto port = m_impl->core.bind();
    if (port) {
        m_impl->relay.start();
    }
    return port;
}

void HttpServer::run()
{
    m_impl->core.run();
    m_impl->serverLog.note("stopped");
    m_impl->serverLog.flush();  // the last lines out before the caller goes on (while the log is read)
}

bool HttpServer::isRunning() const
{
    return m_impl->core.isRunning();
}

void HttpServer::stop()
{
    m_impl->core.stop();
}

int HttpServer::openConnections() const
{
    return m_impl->core.openConnections();
}

int HttpServer::subscribers() const
{
    return m_impl->core.subscribers();
}

}  // namespace bandmate::sync
