#include "sync/server/HttpServer.h"

#include "core/sync/FieldCatalog.h"
#include "sync/protocol/ChangeJson.h"
#include "sync/protocol/Protocol.h"
#include "sync/server/Accounts.h"
#include "sync/server/RateLimiter.h"
#include "sync/server/SyncService.h"

#include <QJsonArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <httplib.h>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace bandmate::sync {

namespace {

constexpr size_t kMaxBody = 1024 * 1024;

void sendJson(httplib::Response& res, int status, const QJsonObject& body)
{
    res.status = status;
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), "application/json");
}

void sendError(httplib::Response& res, int status, const char* code, const std::string& message)
{
    sendJson(res, status, QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)}, {QStringLiteral("message"), QString::fromStdString(message)}});
}

void sendSession(httplib::Response& res, const Session& session)
{
    sendJson(res, 200, QJsonObject{{QStringLiteral("account_id"), session.accountId},
                                   {QStringLiteral("access_token"), session.accessToken},
                                   {QStringLiteral("expires_at"), static_cast<double>(session.expiresAtMs)},
                                   {QStringLiteral("refresh_token"), session.refreshToken}});
}

/// The request body as a JSON object, or a 400 already sent.
std::optional<QJsonObject> jsonBody(const httplib::Request& req, httplib::Response& res)
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

}  // namespace

struct HttpServer::Impl {
    explicit Impl(ServerOptions serverOptions)
        : options(std::move(serverOptions)),
          server(options.tlsCertPath.isEmpty() ? std::make_unique<httplib::Server>()
                                               : std::make_unique<httplib::SSLServer>(options.tlsCertPath.toLocal8Bit().constData(),
                                                                                      options.tlsKeyPath.toLocal8Bit().constData())),
          perAccount(options.syncRequestsPerMinute, std::max(1, options.syncRequestsPerMinute / 2)),
          perAddress(options.syncRequestsPerMinute * 10, std::max(1, options.syncRequestsPerMinute * 5))
    {
    }

    ServerOptions options;
    std::unique_ptr<httplib::Server> server;
    RateLimiter perAccount;
    RateLimiter perAddress;
    std::mutex workersMutex;
    struct Worker {
        std::unique_ptr<SyncService> sync;
        std::unique_ptr<Accounts> accounts;
    };
    std::unordered_map<std::thread::id, Worker> workers;  // one database connection per thread
    std::mutex logMutex;
    /// Group commit: pushes that arrive while one is being written queue up, and the thread that
    /// finds no writer busy writes everything queued in one transaction (one disk flush). In
    /// this process no push waits in SQLite's busy handler, which sleeps up to 100 ms.
    std::mutex pushMutex;
    std::condition_variable pushDone;
    QList<SyncService::PushRequest*> pushQueue;
    bool pushWriterBusy = false;

    core::Result<PushResult> groupPush(Worker& worker, SyncService::PushRequest& request)
    {
        std::unique_lock lock(pushMutex);
        pushQueue.append(&request);
        bool done = false;
        while (!done) {
            if (!pushWriterBusy) {
                pushWriterBusy = true;
                QList<SyncService::PushRequest*> group;
                group.swap(pushQueue);
                lock.unlock();
                worker.sync->pushGroup(group);
                lock.lock();
                for (SyncService::PushRequest* finished : group) {
                    finished->batchId.clear();  // marks it answered (a pushed batch id is never empty)
                }
                pushWriterBusy = false;
                pushDone.notify_all();
            } else {
                pushDone.wait(lock);
            }
            done = request.batchId.isEmpty();
        }
        return request.result;
    }

    /// This thread's services, opened on first use.
    core::Result<Worker*> worker()
    {
        const std::lock_guard lock(workersMutex);
        Worker& worker = workers[std::this_thread::get_id()];
        if (!worker.sync) {
            auto sync = SyncService::open(options.databasePath);
            if (!sync) {
                return std::unexpected(sync.error());
            }
            auto accounts = Accounts::open(options.databasePath);
            if (!accounts) {
                return std::unexpected(accounts.error());
            }
            (*sync)->setFieldQuota(options.fieldQuota);
            worker.sync = std::move(*sync);
            worker.accounts = std::move(*accounts);
        }
        return &worker;
    }

    /// Storage that only grows is pruned once per maintenance interval, after a request has been
    /// answered, by whichever worker comes first: expired tokens (two rows per sign-in and
    /// refresh), old rate-limit windows, and batch answers older than SyncService::kBatchAnswerKeptMs.
    /// A server without requests has nothing new to prune.
    std::atomic<qint64> lastMaintenance{0};

    void maintain(Worker& worker)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        qint64 last = lastMaintenance.load();
        if (now - last < options.maintenanceIntervalMs || !lastMaintenance.compare_exchange_strong(last, now)) {
            return;
        }
        auto tokens = worker.accounts->prune();
        auto batches = worker.sync->pruneBatches(now - SyncService::kBatchAnswerKeptMs);
        const std::lock_guard lock(logMutex);
        if (tokens && batches) {
            std::fprintf(stderr, "maintenance: pruned %d token and rate-limit rows, %d batch answers\n", *tokens, *batches);
        } else {
            std::fprintf(stderr, "maintenance: pruning failed: %s\n", (!tokens ? tokens.error() : batches.error()).toString().c_str());
        }
        std::fflush(stderr);
    }

    void log(const httplib::Request& req, int status, double ms, const QString& account)
    {
        const std::lock_guard lock(logMutex);
        std::fprintf(stderr, "%s %s %d %.1f ms %s\n", req.method.c_str(), req.path.c_str(), status, ms,
                     account.isEmpty() ? "-" : account.toStdString().c_str());
        std::fflush(stderr);
    }

    using Handler = std::function<void(const httplib::Request&, httplib::Response&, Worker&, QString& account)>;

    /// Sync requests over the limits get 429 with Retry-After; true when this one did.
    static bool overLimit(RateLimiter& limiter, const QString& key, httplib::Response& res)
    {
        const std::optional<int> wait = limiter.take(key);
        if (wait) {
            res.set_header("Retry-After", std::to_string(*wait));
            sendError(res, 429, "too_many_requests", "too many sync requests; try again in " + std::to_string(*wait) + " s");
        }
        return wait.has_value();
    }

    /// Wraps a handler: opens the thread's services, checks the bearer token when `authenticated`
    /// (and the sync limits per address and account), logs the request.
    httplib::Server::Handler wrap(bool authenticated, Handler handler)
    {
        return [this, authenticated, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
            const auto started = std::chrono::steady_clock::now();
            QString account;
            if (authenticated && overLimit(perAddress, clientAddress(req), res)) {
                log(req, res.status, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count(), account);
                return;  // refused before any work
            }
            auto services = worker();
            if (!services) {
                sendError(res, 500, "storage", services.error().toString());
            } else if (const std::string protocol = req.get_header_value("X-Bandmate-Protocol");
                       !protocol.empty() && (std::atoi(protocol.c_str()) < kProtocolMin || std::atoi(protocol.c_str()) > kProtocolMax)) {
                // A client that speaks another version of the protocol: say so, change nothing.
                sendError(res, 409, "protocol_mismatch",
                          "this server speaks sync protocol " + std::to_string(kProtocolMin) + "-" + std::to_string(kProtocolMax) + ", the client " + protocol);
            } else if (authenticated) {
                const std::string header = req.get_header_value("Authorization");
                const std::string prefix = "Bearer ";
                auto who = header.rfind(prefix, 0) == 0 ? (*services)->accounts->authenticate(QString::fromStdString(header.substr(prefix.size())))
                                                       : core::Result<QString>(core::fail(core::ErrorCode::NotFound, "not signed in"));
                if (!who) {
                    sendError(res, 401, "unauthorized", who.error().message);
                } else if (account = *who; !overLimit(perAccount, account, res)) {
                    handler(req, res, **services, account);
                }
            } else {
                handler(req, res, **services, account);
            }
            log(req, res.status, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count(), account);
            if (services) {
                maintain(**services);
            }
        };
    }

    /// The client's address: the connection's, or behind a trusted proxy the last address of
    /// X-Forwarded-For that is not itself a trusted proxy (each proxy appends the address it
    /// saw; what comes before the trusted ones is the client's to write, and ignored).
    QString clientAddress(const httplib::Request& req) const
    {
        QString address = QString::fromStdString(req.remote_addr);
        if (!options.trustedProxies.contains(address)) {
            return address;
        }
        const QStringList hops = QString::fromStdString(req.get_header_value("X-Forwarded-For")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (auto hop = hops.crbegin(); hop != hops.crend(); ++hop) {
            const QString candidate = hop->trimmed();
            if (candidate.isEmpty() || candidate.size() > 64) {
                break;  // not an address: keep the last one that was
            }
            address = candidate;
            if (!options.trustedProxies.contains(candidate)) {
                break;
            }
        }
        return address;
    }

    /// Sign-in attempts are limited per address (kPerIp in 15 minutes) and per account
    /// (kPerAccount): past that, 429 with Retry-After. True when the request was refused.
    bool limited(const httplib::Request& req, httplib::Response& res, Worker& worker, const QString& email)
    {
        constexpr qint64 kWindowMs = 15 * 60 * 1000;
        constexpr int kPerIp = 100;
        constexpr int kPerAccount = 10;
        QList<std::pair<QString, int>> keys{{QStringLiteral("auth-ip:") + clientAddress(req), kPerIp}};
        if (!email.isEmpty()) {
            keys.append({QStringLiteral("auth-account:") + email, kPerAccount});
        }
        for (const auto& [key, most] : keys) {
            auto wait = worker.accounts->limit(key, most, kWindowMs);
            if (!wait) {
                sendError(res, 500, "storage", wait.error().toString());
                return true;
            }
            if (*wait) {
                res.set_header("Retry-After", std::to_string(**wait));
                sendError(res, 429, "too_many_requests", "too many sign-in attempts; try again in " + std::to_string((**wait + 59) / 60) + " minutes");
                return true;
            }
        }
        return false;
    }

    void routes()
    {
        server->Get("/v1/health", wrap(false, [](const httplib::Request&, httplib::Response& res, Worker&, QString&) {
                       sendJson(res, 200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
                   }));
        server->Post("/v1/auth/register", wrap(false, [this](const httplib::Request& req, httplib::Response& res, Worker& worker, QString& account) {
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
                            sendError(res, 422, "invalid", id.error().toString());
                            return;
                        }
                        account = *id;
                        sendJson(res, 201, QJsonObject{{QStringLiteral("account_id"), *id}});
                    }));
        server->Post("/v1/auth/login", wrap(false, [this](const httplib::Request& req, httplib::Response& res, Worker& worker, QString& account) {
                        auto body = jsonBody(req, res);
                        if (!body) {
                            return;
                        }
                        if (limited(req, res, worker, Accounts::normalizeEmail((*body)[QStringLiteral("email")].toString()))) {
                            return;
                        }
                        auto session = worker.accounts->login((*body)[QStringLiteral("email")].toString(), (*body)[QStringLiteral("password")].toString());
                        if (!session) {
                            sendError(res, 401, "unauthorized", session.error().message);
                            return;
                        }
                        account = session->accountId;
                        sendSession(res, *session);
                    }));
        server->Post("/v1/auth/refresh", wrap(false, [](const httplib::Request& req, httplib::Response& res, Worker& worker, QString& account) {
                        auto body = jsonBody(req, res);
                        if (!body) {
                            return;
                        }
                        auto session = worker.accounts->refresh((*body)[QStringLiteral("refresh_token")].toString());
                        if (!session) {
                            sendError(res, 401, "unauthorized", session.error().message);
                            return;
                        }
                        account = session->accountId;
                        sendSession(res, *session);
                    }));
        server->Post("/v1/auth/logout", wrap(false, [](const httplib::Request& req, httplib::Response& res, Worker& worker, QString&) {
                        auto body = jsonBody(req, res);
                        if (!body) {
                            return;
                        }
                        if (auto ended = worker.accounts->logout((*body)[QStringLiteral("refresh_token")].toString()); !ended) {
                            sendError(res, 500, "storage", ended.error().toString());
                            return;
                        }
                        res.status = 204;
                    }));
        server->Post("/v1/auth/password", wrap(true, [this](const httplib::Request& req, httplib::Response& res, Worker& worker, QString& account) {
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
                            sendError(res, changed.error().code == core::ErrorCode::NotFound ? 401 : 422,
                                      changed.error().code == core::ErrorCode::NotFound ? "unauthorized" : "invalid", changed.error().toString());
                            return;
                        }
                        res.status = 204;
                    }));
        server->Get("/v1/sync/meta", wrap(true, [](const httplib::Request&, httplib::Response& res, Worker& worker, QString& account) {
                       auto meta = worker.sync->meta(account);
                       if (!meta) {
                           sendError(res, 500, "storage", meta.error().toString());
                           return;
                       }
                       sendJson(res, 200, QJsonObject{{QStringLiteral("protocol_min"), meta->protocolMin},
                                                      {QStringLiteral("protocol_max"), meta->protocolMax},
                                                      {QStringLiteral("server_time"), static_cast<double>(meta->serverTimeMs)},
                                                      {QStringLiteral("epoch"), meta->epoch},
                                                      {QStringLiteral("head_seq"), static_cast<double>(meta->headSeq)},
                                                      {QStringLiteral("data_format"), meta->dataFormat}});
                   }));
        server->Post("/v1/sync/push", wrap(true, [this](const httplib::Request& req, httplib::Response& res, Worker& worker, QString& account) {
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
                                } else {
                                    sendError(res, pushed.error().code == core::ErrorCode::InvalidInput ? 422 : 500, "rejected", pushed.error().toString());
                                }
                            }
                            return;
                        }
                        QJsonArray lost;
                        for (const core::FieldChange& change : pushed->lost) {
                            lost.append(changeToJson(change));
                        }
                        sendJson(res, 200, QJsonObject{{QStringLiteral("accepted"), pushed->accepted},
                                                       {QStringLiteral("lost"), lost},
                                                       {QStringLiteral("ignored"), pushed->ignored},
                                                       {QStringLiteral("head_seq"), static_cast<double>(pushed->headSeq)},
                                                       {QStringLiteral("replayed"), pushed->replayed}});
                    }));
        server->Get("/v1/sync/pull", wrap(true, [](const httplib::Request& req, httplib::Response& res, Worker& worker, QString& account) {
                       bool sinceOk = true;
                       bool limitOk = true;
                       const qint64 since = req.has_param("since") ? QString::fromStdString(req.get_param_value("since")).toLongLong(&sinceOk) : 0;
                       const int limit = req.has_param("limit") ? QString::fromStdString(req.get_param_value("limit")).toInt(&limitOk) : kMaxChangesPerPush;
                       if (!sinceOk || !limitOk) {
                           sendError(res, 400, "malformed", "since and limit must be whole numbers");
                           return;
                       }
                       auto page = worker.sync->pull(account, since, limit, PullValues::JsonOnly);
                       if (!page) {
                           sendError(res, 400, "malformed", page.error().toString());
                           return;
                       }
                       // A client from before forward-compatible sync stops at a name it does not
                       // know: say "update" instead of sending it what it cannot read.
                       const std::string protocol = req.get_header_value("X-Bandmate-Protocol");
                       if (protocol.empty() || std::atoi(protocol.c_str()) < kProtocolPassesUnknownFields) {
                           for (const LoggedChange& logged : page->changes) {
                               if (core::FieldCatalog::latest().find(logged.change.entity, logged.change.field) == nullptr) {
                                   sendError(res, 409, "protocol_mismatch",
                                             "a newer Bandmate synced data this one cannot read (" + logged.change.entity.toStdString() + "." +
                                                 logged.change.field.toStdString() + "); update Bandmate on this computer");
                                   return;
                               }
                           }
                       }
                       // Written by hand: a QJsonObject per change cost more than the query.
                       QByteArray body;
                       body.reserve(static_cast<qsizetype>(page->changes.size()) * 160 + 64);
                       body.append("{\"changes\":[");
                       for (qsizetype i = 0; i < page->changes.size(); ++i) {
                           if (i > 0) {
                               body.append(',');
                           }
                           const LoggedChange& logged = page->changes[i];
                           appendChangeJson(body, logged.change, logged.valueJson, logged.seq);
                       }
                       body.append("],\"more\":").append(page->more ? "true" : "false");
                       body.append(",\"next_since\":").append(QByteArray::number(page->nextSince)).append('}');
                       res.status = 200;
                       res.set_content(body.toStdString(), "application/json");
                   }));
        server->set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) {
                return;  // a handler's own error answer, logged by wrap()
            }
            log(req, res.status, 0.0, {});
            if (res.status == 413) {
                sendError(res, 413, "too_large", "the body is larger than 1 MiB");
            } else if (res.status == 404 && res.body.empty()) {
                sendError(res, 404, "not_found", "no such endpoint: " + req.path);
            }
        });
    }
};

HttpServer::HttpServer(ServerOptions options) : m_impl(std::make_unique<Impl>(std::move(options)))
{
    auto& server = *m_impl->server;
    server.set_tcp_nodelay(true);  // without it every response waits ~40 ms for a delayed ACK
    server.set_payload_max_length(kMaxBody);
    server.set_read_timeout(10, 0);
    server.set_write_timeout(10, 0);
    // A connection holds a worker for as long as it is kept alive. A sync round's requests come
    // within milliseconds of each other, so one second keeps them on one connection without
    // idle clients holding every worker (cpp-httplib's default of 5 s made a ninth client wait).
    server.set_keep_alive_timeout(1);
    const int workers = std::max(1, m_impl->options.workers);
    server.new_task_queue = [workers] { return new httplib::ThreadPool(static_cast<size_t>(workers)); };
    m_impl->routes();
}

HttpServer::~HttpServer()
{
    stop();
}

core::Result<int> HttpServer::bind()
{
    if (!m_impl->server->is_valid()) {
        return core::fail(core::ErrorCode::InvalidInput, "cannot read the TLS certificate and key (PEM files that belong together)",
                          m_impl->options.tlsCertPath.toStdString() + ", " + m_impl->options.tlsKeyPath.toStdString());
    }
    const std::string host = m_impl->options.host.toStdString();
    auto& server = *m_impl->server;
    const int port = m_impl->options.port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, m_impl->options.port) ? m_impl->options.port : -1);
    if (port <= 0) {
        return core::fail(core::ErrorCode::Io, "cannot listen on this address (in use, or not this machine's)",
                          host + ":" + std::to_string(m_impl->options.port));
    }
    return port;
}

void HttpServer::run()
{
    m_impl->server->listen_after_bind();
}

bool HttpServer::isRunning() const
{
    return m_impl->server->is_running();
}

void HttpServer::stop()
{
    m_impl->server->stop();
}

}  // namespace bandmate::sync
