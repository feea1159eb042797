#include "sync/server/PollRoutes.h"

#include "sync/server/RouteHelpers.h"
#include "sync/server/Secrets.h"
#include "sync/server/ServerWorker.h"
#include "sync/server/WebPages.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace bandmate::sync {

using core::ErrorCode;

namespace {

const char* const kFanCookie = "bm_fan";

/// The fan page's string key for a service error (its English message; the most specific
/// text first: "holds control characters" also ends in "characters").
QString fanErrorKey(const core::Error& error)
{
    static const QList<std::pair<const char*, const char*>> known{
        {"the vote is closed", "err_closed"},
        {"the vote has not opened yet", "err_not_open"},
        {"not a song of this vote", "err_not_song"},
        {"a song is chosen twice", "err_twice"},
        {"votes per fan", "err_too_many"},
        {"one vote per fan", "err_too_many"},
        {"this vote takes no suggestions", "err_no_suggestions"},
        {"holds control characters", "err_bad_text"},
        {"characters", "err_too_long"},
        {"must not be empty", "err_empty"},
        {"suggestions each", "err_suggest_limit"},
        {"many suggestions", "err_suggest_full"},
    };
    for (const auto& [text, key] : known) {
        if (error.message.find(text) != std::string::npos) {
            return QString::fromLatin1(key);
        }
    }
    return QStringLiteral("err_other");
}

/// A new fan token: 128 random bits and the server's signature of them, so a script cannot
/// invent ballots by inventing cookies (each one must come from a page, which is limited).
QString newFanToken(const QByteArray& secret)
{
    const QString random = randomToken().left(22);
    return random + QLatin1Char('.') + signature(secret, "fan:" + random.toLatin1()).left(22);
}

/// The fan's token from the cookie, when this server made it.
QString fanToken(const http::Request& req, const QByteArray& secret)
{
    static const QRegularExpression shape(QStringLiteral("^([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{22})$"));
    const QString token = QString::fromStdString(req.cookie(kFanCookie));
    const QRegularExpressionMatch match = shape.match(token);
    if (secret.isEmpty() || !match.hasMatch() || !sameSignature(match.captured(2), signature(secret, "fan:" + match.captured(1).toLatin1()).left(22))) {
        return {};
    }
    return token;
}

QString csrfFor(const QByteArray& secret, const QString& pollId, const QString& fan)
{
    return signature(secret, (QStringLiteral("vote:") + pollId + QLatin1Char(':') + fan).toUtf8());
}

bool wantsJson(const http::Request& req)
{
    return req.header("Accept").find("application/json") != std::string::npos;
}

/// The tally fans see: listed options only; counts only when `counts`.
QJsonObject fanView(const Poll& poll, bool counts)
{
    QJsonArray options;
    for (const auto& option : poll.options) {
        if (option.state != QLatin1String("listed")) {
            continue;
        }
        QJsonObject entry{{QStringLiteral("key"), option.key}, {QStringLiteral("title"), option.title}, {QStringLiteral("artist"), option.artist}};
        if (counts) {
            entry.insert(QStringLiteral("votes"), static_cast<double>(option.votes));
        }
        options.append(entry);
    }
    QJsonObject view{{QStringLiteral("state"), poll.state}, {QStringLiteral("votes_per_fan"), poll.spec.votesPerFan}, {QStringLiteral("options"), options}};
    if (counts) {
        view.insert(QStringLiteral("ballots"), static_cast<double>(poll.ballots));
    }
    return view;
}

QJsonObject pollJson(const Poll& poll, const QString& url)
{
    QJsonArray tally;
    for (const auto& option : poll.options) {
        tally.append(QJsonObject{{QStringLiteral("song_id"), option.key},
                                 {QStringLiteral("title"), option.title},
                                 {QStringLiteral("artist"), option.artist},
                                 {QStringLiteral("votes"), static_cast<double>(option.votes)},
                                 {QStringLiteral("state"), option.state},
                                 {QStringLiteral("suggested"), option.suggested}});
    }
    QJsonObject json{{QStringLiteral("id"), poll.id},
                     {QStringLiteral("code"), poll.code},
                     {QStringLiteral("show_id"), poll.spec.showId},
                     {QStringLiteral("band"), poll.spec.band},
                     {QStringLiteral("show"), poll.spec.showName},
                     {QStringLiteral("question"), poll.spec.question},
                     {QStringLiteral("votes_per_fan"), poll.spec.votesPerFan},
                     {QStringLiteral("results"), resultsShownName(poll.spec.results)},
                     {QStringLiteral("suggestions"), poll.spec.suggestions},
                     {QStringLiteral("state"), poll.state},
                     {QStringLiteral("opens_at"), static_cast<double>(poll.spec.opensAtMs)},
                     {QStringLiteral("closes_at"), static_cast<double>(poll.spec.closesAtMs)},
                     {QStringLiteral("ballots"), static_cast<double>(poll.ballots)},
                     {QStringLiteral("version"), static_cast<double>(poll.version)},
                     {QStringLiteral("tally"), tally}};
    if (!url.isEmpty()) {
        json.insert(QStringLiteral("url"), url);
    }
    return json;
}

}  // namespace

PollRoutes::PollRoutes(http::Core& core, const ServerOptions& options, ClientAddress clientAddress)
    : m_core(core),
      m_options(options),
      m_clientAddress(std::move(clientAddress)),
      m_perAddress(options.fanRequestsPerMinute, std::max(1, options.fanRequestsPerMinute / 2)),
      m_perPoll(options.pollRequestsPerMinute, std::max(1, options.pollRequestsPerMinute / 2)),
      m_pages(options.fanRequestsPerMinute * 2, std::max(1, options.fanRequestsPerMinute)),
      m_newFans(options.fanRequestsPerMinute / 5.0, std::max(1, options.fanRequestsPerMinute / 10))
{
}

PollRoutes::~PollRoutes()
{
    {
        const std::lock_guard lock(m_clockMutex);
        m_stopping = true;
    }
    m_clockChanged.notify_all();
    if (m_clock.joinable()) {
        m_clock.join();
    }
}

void PollRoutes::scheduleTransitions(const Poll& poll)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 at = 0;
    if (poll.state == QLatin1String("scheduled") && poll.spec.opensAtMs > now) {
        at = poll.spec.opensAtMs;
    } else if (poll.state == QLatin1String("open") && poll.spec.closesAtMs > now) {
        at = poll.spec.closesAtMs;
    }
    if (at == 0) {
        return;
    }
    const std::lock_guard lock(m_clockMutex);
    for (auto [first, last] = m_due.equal_range(at); first != last; ++first) {
        if (first->second == poll.id) {
            return;  // already due then
        }
    }
    m_due.emplace(at, poll.id);
    if (!m_clock.joinable()) {
        m_clock = std::thread([this] { runClock(); });
    }
    m_clockChanged.notify_all();
}

void PollRoutes::runClock()
{
    std::unique_lock lock(m_clockMutex);
    while (!m_stopping) {
        if (m_due.empty()) {
            m_clockChanged.wait(lock);
            continue;
        }
        const qint64 wait = m_due.begin()->first - QDateTime::currentMSecsSinceEpoch();
        if (wait > 0) {
            m_clockChanged.wait_for(lock, std::chrono::milliseconds(wait));
            continue;
        }
        const QString id = m_due.begin()->second;
        m_due.erase(m_due.begin());
        lock.unlock();
        if (!m_clockPolls) {
            if (auto opened = PollService::open(m_options.databasePath)) {
                m_clockPolls = std::move(*opened);
            }
        }
        if (m_clockPolls) {
            if (auto poll = m_clockPolls->byId(id)) {
                publish(*poll, nullptr);  // every process keeps its own clock
            }
        }
        lock.lock();
    }
}

QByteArray PollRoutes::secret(Worker& worker)
{
    const std::lock_guard lock(m_secretMutex);
    if (m_secret.isEmpty()) {
        if (auto made = worker.polls->webSecret()) {
            m_secret = *made;
        }
    }
    return m_secret;
}

bool PollRoutes::secure(const http::Request& req) const
{
    return reachedSecurely(m_options, req);
}

QString PollRoutes::fanUrl(const http::Request& req, const QString& code) const
{
    return publicBase(m_options, req) + QStringLiteral("/v/") + code;
}

void PollRoutes::publish(const Poll& poll, Worker* announceFrom)
{
    const auto version = static_cast<std::uint64_t>(poll.version);
    const std::string id = poll.id.toStdString();
    m_core.publish("poll:" + id, version, "tally", compact(fanView(poll, true)));
    m_core.publish("poll-open:" + id, version, "tally", compact(fanView(poll, false)));
    m_core.publish("poll-owner:" + id, version, "tally", compact(pollJson(poll, {})));
    scheduleTransitions(poll);
    if (announceFrom != nullptr) {
        announceFrom->sync->announce(QStringLiteral("poll:") + poll.id);  // servers on the same PostgreSQL
    }
}

void PollRoutes::reread(const QString& topic)
{
    if (!topic.startsWith(QLatin1String("poll:"))) {
        return;
    }
    // Twice at most: a connection that went with the database's restart is opened again.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!m_relayPolls) {
            auto opened = PollService::open(m_options.databasePath);
            if (!opened) {
                return;
            }
            m_relayPolls = std::move(*opened);
        }
        auto poll = m_relayPolls->byId(topic.mid(5));
        if (poll) {
            publish(*poll, nullptr);
            return;
        }
        if (poll.error().code == core::ErrorCode::NotFound) {
            return;
        }
        m_relayPolls.reset();
    }
}

void PollRoutes::install(const AddSignedIn& addSignedIn)
{
    // Static files: from memory, no database; named by content, so cached for ever.
    m_core.route(
        "GET", "/static/*",
        [](const http::Request& req, http::Response& res) {
            const web::Asset* found = web::asset(req.path);
            if (found == nullptr) {
                res.error(404, "not_found", "no such file");
                return true;
            }
            res.setHeader("ETag", found->etag);
            res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
            res.setHeader("X-Content-Type-Options", "nosniff");
            if (req.header("If-None-Match") == found->etag) {
                res.status = 304;
                return true;
            }
            res.status = 200;
            res.contentType = found->contentType;
            res.body = found->body;
            return true;
        },
        [](const http::Request&, http::Response& res, http::WorkerState&) { res.error(404, "not_found", "no such file"); });

    // Pages and streams: limited per address too (twice as loosely as votes) before any work.
    m_core.route(
        "GET", "/v/*",
        [this](const http::Request& req, http::Response& res) {
            const std::optional<int> wait = m_pages.take(QStringLiteral("fan-page:") + m_clientAddress(req));
            if (!wait) {
                return false;
            }
            res.setHeader("Retry-After", std::to_string(*wait));
            res.error(429, "too_many_requests", web::strings(web::language(req.header("Accept-Language"))).value(QStringLiteral("too_fast")).toString().toStdString());
            return true;
        },
        [this](const http::Request& req, http::Response& res, http::WorkerState& state) { fanPage(req, res, static_cast<Worker&>(state)); });
    // Votes and suggestions: limited per address (loosely: a venue shares one address) and per
    // poll before they wait for a database worker.
    m_core.route(
        "POST", "/v/*",
        [this](const http::Request& req, http::Response& res) {
            const QString code = PollService::normalizeCode(QString::fromStdString(req.path).section(QLatin1Char('/'), 2, 2));
            std::optional<int> wait = m_perAddress.take(QStringLiteral("fan-ip:") + m_clientAddress(req));
            if (!wait) {
                wait = m_perPoll.take(QStringLiteral("poll:") + code);
            }
            if (!wait) {
                return false;
            }
            res.setHeader("Retry-After", std::to_string(*wait));
            const QJsonObject text = web::strings(web::language(req.header("Accept-Language")));
            res.error(429, "too_many_requests", text.value(QStringLiteral("too_fast")).toString().toStdString());
            return true;
        },
        [this](const http::Request& req, http::Response& res, http::WorkerState& state) { fanPost(req, res, static_cast<Worker&>(state)); });

    addSignedIn("POST", "/v1/polls", [this](const http::Request& req, http::Response& res, Worker& worker, QString& account) {
        create(req, res, worker, account);
    });
    addSignedIn("GET", "/v1/polls", [](const http::Request&, http::Response& res, Worker& worker, QString& account) {
        auto polls = worker.polls->list(account);
        if (!polls) {
            sendServiceError(res, polls.error());
            return;
        }
        QJsonArray list;
        for (const Poll& poll : *polls) {
            list.append(pollJson(poll, {}));
        }
        res.json(200, QJsonObject{{QStringLiteral("polls"), list}});
    });
    addSignedIn("GET", "/v1/polls/*", [this](const http::Request& req, http::Response& res, Worker& worker, QString& account) {
        musicianGet(req, res, worker, account);
    });
    addSignedIn("POST", "/v1/polls/*", [this](const http::Request& req, http::Response& res, Worker& worker, QString& account) {
        musicianPost(req, res, worker, account);
    });
}

void PollRoutes::create(const http::Request& req, http::Response& res, Worker& worker, const QString& account)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &parseError);
    if (!document.isObject()) {
        res.error(400, "malformed_json", "the body is not a JSON object");
        return;
    }
    const QJsonObject body = document.object();
    PollSpec spec;
    spec.showId = body.value(QStringLiteral("show_id")).toString();
    spec.band = body.value(QStringLiteral("band")).toString();
    spec.showName = body.value(QStringLiteral("show")).toString();
    spec.question = body.value(QStringLiteral("question")).toString();
    const QJsonValue draftId = body.value(QStringLiteral("draft_id"));
    if (!draftId.isUndefined() && !draftId.isNull() && !draftId.isString()) {
        res.error(422, "invalid", "draft_id: must be a string (the desktop's id for the vote)");
        return;
    }
    spec.draftId = draftId.toString();
    const QJsonValue votes = body.value(QStringLiteral("votes_per_fan"));
    if (!votes.isUndefined() && (!votes.isDouble() || votes.toDouble() != std::floor(votes.toDouble()))) {
        res.error(422, "invalid", "votes_per_fan: must be a whole number from 1 to 5");
        return;
    }
    spec.votesPerFan = votes.isUndefined() ? 1 : votes.toInt();
    const QString results = body.value(QStringLiteral("results")).toString(QStringLiteral("always"));
    const auto shown = resultsShownFromName(results);
    if (!shown) {
        res.error(422, "invalid", "results: expected always, after-vote, after-close or never");
        return;
    }
    spec.results = *shown;
    spec.suggestions = body.value(QStringLiteral("suggestions")).toBool();
    spec.openNow = body.value(QStringLiteral("open_now")).toBool();
    for (const auto& [name, target] : {std::pair{"opens_at", &spec.opensAtMs}, std::pair{"closes_at", &spec.closesAtMs}}) {
        const QJsonValue value = body.value(QString::fromLatin1(name));
        constexpr double kLatest = 253'402'300'799'000.0;  // 9999-12-31: a Unix-ms time, not any number
        if (value.isUndefined() || value.isNull()) {
            continue;
        }
        if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > kLatest || value.toDouble() != std::floor(value.toDouble())) {
            res.error(422, "invalid", std::string(name) + ": must be a time in Unix milliseconds (0: by hand)");
            return;
        }
        *target = static_cast<qint64>(value.toDouble());
    }
    const QJsonArray songs = body.value(QStringLiteral("songs")).toArray();
    for (qsizetype i = 0; i < songs.size(); ++i) {
        const QJsonObject song = songs.at(i).toObject();
        if (!song.value(QStringLiteral("id")).isString() || !song.value(QStringLiteral("title")).isString()) {
            res.error(422, "invalid", "songs[" + std::to_string(i) + "]: needs an id and a title (strings)");
            return;
        }
        spec.options.append({song.value(QStringLiteral("id")).toString(), song.value(QStringLiteral("title")).toString(),
                             song.value(QStringLiteral("artist")).toString()});
    }
    PollService::Draft draft = PollService::Draft::New;
    auto poll = worker.polls->create(account, spec, &draft);
    if (!poll) {
        sendServiceError(res, poll.error());
        return;
    }
    QJsonObject answer = pollJson(*poll, fanUrl(req, poll->code));
    if (!spec.draftId.isEmpty()) {
        // The draft's poll: new, the same request again, or a changed one (not applied).
        answer.insert(QStringLiteral("draft_id"), spec.draftId.trimmed());
        answer.insert(QStringLiteral("draft"), draft == PollService::Draft::New    ? QStringLiteral("new")
                                               : draft == PollService::Draft::Same ? QStringLiteral("same")
                                                                                   : QStringLiteral("changed"));
    }
    res.json(draft == PollService::Draft::New ? 201 : 200, answer);
}

void PollRoutes::musicianGet(const http::Request& req, http::Response& res, Worker& worker, const QString& account)
{
    // /v1/polls/ID or /v1/polls/ID/events
    const QStringList parts = QString::fromStdString(req.path).mid(10).split(QLatin1Char('/'));
    auto poll = worker.polls->get(account, parts.value(0));
    if (!poll) {
        sendServiceError(res, poll.error());
        return;
    }
    if (parts.size() == 1) {
        res.json(200, pollJson(*poll, fanUrl(req, poll->code)));
        return;
    }
    if (parts.size() == 2 && parts.at(1) == QLatin1String("events")) {
        const std::string topic = "poll-owner:" + poll->id.toStdString();
        if (m_core.topicVersion(topic) == 0) {
            publish(*poll, nullptr);
        }
        res.status = 200;
        res.stream = topic;
        return;
    }
    res.error(404, "not_found", "no such endpoint: GET " + req.path);
}

void PollRoutes::musicianPost(const http::Request& req, http::Response& res, Worker& worker, const QString& account)
{
    // /v1/polls/ID/open|close|reset, /v1/polls/ID/suggestions/KEY {"state": "listed"|"hidden"}
    const QStringList parts = QString::fromStdString(req.path).mid(10).split(QLatin1Char('/'));
    const QString id = parts.value(0);
    core::Result<Poll> changed = core::fail(ErrorCode::NotFound, "no such endpoint: POST " + req.path);
    if (parts.size() == 2 && (parts.at(1) == QLatin1String("open") || parts.at(1) == QLatin1String("close"))) {
        changed = worker.polls->setState(account, id, parts.at(1) == QLatin1String("open") ? QStringLiteral("open") : QStringLiteral("closed"));
    } else if (parts.size() == 2 && parts.at(1) == QLatin1String("reset")) {
        changed = worker.polls->reset(account, id);
    } else if (parts.size() == 3 && parts.at(1) == QLatin1String("suggestions")) {
        const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(req.body)).object();
        changed = worker.polls->moderate(account, id, QUrl::fromPercentEncoding(parts.at(2).toUtf8()), body.value(QStringLiteral("state")).toString());
    }
    if (!changed) {
        sendServiceError(res, changed.error());
        return;
    }
    publish(*changed, &worker);
    res.json(200, pollJson(*changed, fanUrl(req, changed->code)));
}

void PollRoutes::fanPage(const http::Request& req, http::Response& res, Worker& worker)
{
    // /v/CODE or /v/CODE/events
    const QStringList parts = QString::fromStdString(req.path).mid(3).split(QLatin1Char('/'));
    const QString lang = web::language(req.header("Accept-Language"));
    const QJsonObject text = web::strings(lang);
    const auto say = [&](const char* key) { return text.value(QString::fromLatin1(key)).toString(); };
    for (const auto& [name, value] : web::pageHeaders()) {
        res.setHeader(name, value);
    }
    res.setHeader("Cache-Control", "no-store");
    // A live tally's stream needs only the poll's row (the hub holds the tally once it is
    // published): a crowd scanning the code at once costs one query each, not two.
    const bool stream = parts.size() == 2 && parts.at(1) == QLatin1String("events");
    auto poll = parts.size() <= 2 ? worker.polls->byCode(parts.value(0), !stream) : core::Result<Poll>(core::fail(ErrorCode::NotFound, "no such page"));
    if (!poll || (parts.size() == 2 && parts.at(1) != QLatin1String("events"))) {
        if (poll || poll.error().code == ErrorCode::NotFound) {
            res.status = 404;
            res.contentType = "text/html; charset=utf-8";
            res.body = web::render(QStringLiteral("notice"), {{QStringLiteral("lang"), lang},
                                                              {QStringLiteral("css"), QString::fromStdString(web::assetPath(QStringLiteral("site.css")))},
                                                              {QStringLiteral("heading"), say("not_found_title")},
                                                              {QStringLiteral("text"), say("not_found")}});
            return;
        }
        sendServiceError(res, poll.error());
        return;
    }
    const QByteArray key = secret(worker);
    QString fan = fanToken(req, key);
    const bool newFan = fan.isEmpty();
    if (newFan) {
        // New phones per address are limited (a venue shares one, so loosely): each is a ballot.
        if (const std::optional<int> wait = m_newFans.take(QStringLiteral("new-fan:") + m_clientAddress(req))) {
            res.setHeader("Retry-After", std::to_string(*wait));
            res.status = 429;
            res.contentType = "text/html; charset=utf-8";
            res.body = web::render(QStringLiteral("notice"), {{QStringLiteral("lang"), lang},
                                                              {QStringLiteral("css"), QString::fromStdString(web::assetPath(QStringLiteral("site.css")))},
                                                              {QStringLiteral("heading"), poll->spec.question},
                                                              {QStringLiteral("text"), say("too_fast")}});
            return;
        }
        fan = newFanToken(key);
        res.setHeader("Set-Cookie", std::string(kFanCookie) + "=" + fan.toStdString() + "; Path=/v; Max-Age=31536000; HttpOnly; SameSite=Lax" +
                                        (secure(req) ? "; Secure" : ""));
    }
    auto ballot = newFan ? core::Result<QStringList>(QStringList()) : worker.polls->ballot(poll->id, fan);
    if (!ballot) {
        sendServiceError(res, ballot.error());
        return;
    }
    const bool counts = PollService::tallyVisible(*poll, !ballot->isEmpty());
    if (parts.size() == 2) {
        // The live tally: with counts when this fan may see them (the page reconnects when that
        // changes: after voting, when the poll closes).
        const std::string topic = (counts ? "poll:" : "poll-open:") + poll->id.toStdString();
        if (m_core.topicVersion(topic) == 0) {
            auto whole = worker.polls->byId(poll->id);  // the first listener here: the tally too
            if (!whole) {
                sendServiceError(res, whole.error());
                return;
            }
            publish(*whole, nullptr);
        }
        res.headers.clear();  // a stream's own headers
        res.status = 200;
        res.stream = topic;
        return;
    }
    qint64 most = 1;
    for (const auto& option : poll->options) {
        if (option.state == QLatin1String("listed")) {
            most = std::max(most, option.votes);
        }
    }
    QJsonArray options;
    for (const auto& option : poll->options) {
        if (option.state != QLatin1String("listed")) {
            continue;
        }
        QJsonObject entry{{QStringLiteral("key"), option.key},
                          {QStringLiteral("title"), option.title},
                          {QStringLiteral("artist"), option.artist},
                          {QStringLiteral("chosen"), ballot->contains(option.key)},
                          {QStringLiteral("show_tally"), counts},
                          {QStringLiteral("input_type"), poll->spec.votesPerFan == 1 ? QStringLiteral("radio") : QStringLiteral("checkbox")}};
        // Counts only for a fan who may see them: hidden ones are not in the page at all.
        entry.insert(QStringLiteral("votes"), counts ? QString::number(option.votes) : QStringLiteral("0"));
        entry.insert(QStringLiteral("max"), counts ? QString::number(most) : QStringLiteral("1"));
        options.append(entry);
    }
    const QString done = req.param(QStringLiteral("done"));
    QString message;
    if (done == QLatin1String("voted")) {
        message = say("voted");
    } else if (done == QLatin1String("withdrawn")) {
        message = say("withdrawn");
    } else if (done == QLatin1String("suggested")) {
        message = say("suggested");
    }
    QString error = req.param(QStringLiteral("error"));
    error = error.startsWith(QLatin1String("err_")) || error == QLatin1String("expired") || error == QLatin1String("cookies")
                ? text.value(error).toString().replace(QStringLiteral("%1"), QString::number(poll->spec.votesPerFan))
                : QString();  // only our own messages, never text from the link
    QString tallyNote;
    if (!counts) {
        tallyNote = poll->spec.results == ResultsShown::AfterVote ? say("after_vote") : poll->spec.results == ResultsShown::AfterClose ? say("after_close") : say("never");
    }
    const QString code = poll->code;
    QJsonObject view{
        {QStringLiteral("lang"), lang},
        {QStringLiteral("s"), text},
        {QStringLiteral("css"), QString::fromStdString(web::assetPath(QStringLiteral("site.css")))},
        {QStringLiteral("js"), QString::fromStdString(web::assetPath(QStringLiteral("vote.js")))},
        {QStringLiteral("code"), code},
        {QStringLiteral("band"), poll->spec.band},
        {QStringLiteral("show"), poll->spec.showName},
        {QStringLiteral("question"), poll->spec.question},
        {QStringLiteral("state"), poll->state},
        {QStringLiteral("open"), poll->state == QLatin1String("open")},
        {QStringLiteral("closed"), poll->state == QLatin1String("closed")},
        {QStringLiteral("scheduled"), poll->state == QLatin1String("scheduled")},
        {QStringLiteral("voted"), !ballot->isEmpty()},
        {QStringLiteral("votes_hint"), poll->spec.votesPerFan == 1 ? say("votes_one") : say("votes_many").replace(QStringLiteral("%1"), QString::number(poll->spec.votesPerFan))},
        {QStringLiteral("ballots_text"),
         !counts ? QString() : poll->ballots == 1 ? say("ballots_one") : say("ballots").replace(QStringLiteral("%1"), QString::number(poll->ballots))},
        {QStringLiteral("options"), options},
        {QStringLiteral("csrf"), csrfFor(key, poll->id, fan)},
        {QStringLiteral("message"), message},
        {QStringLiteral("error"), error},
        {QStringLiteral("tally_note"), tallyNote},
        {QStringLiteral("suggestions"), poll->spec.suggestions && poll->state != QLatin1String("closed")},
        {QStringLiteral("events"), QStringLiteral("/v/") + code + QStringLiteral("/events")},
        {QStringLiteral("action"), QStringLiteral("/v/") + code + QStringLiteral("/vote")},
        {QStringLiteral("suggest_action"), QStringLiteral("/v/") + code + QStringLiteral("/suggest")},
    };
    res.status = 200;
    res.contentType = "text/html; charset=utf-8";
    res.body = web::render(QStringLiteral("vote"), view);
}

void PollRoutes::fanPost(const http::Request& req, http::Response& res, Worker& worker)
{
    // /v/CODE/vote (song=KEY, repeated) or /v/CODE/suggest (text=…); both with csrf=…
    const QStringList parts = QString::fromStdString(req.path).mid(3).split(QLatin1Char('/'));
    const QJsonObject text = web::strings(web::language(req.header("Accept-Language")));
    const bool json = wantsJson(req);
    const QString action = parts.value(1);
    auto poll = parts.size() == 2 && (action == QLatin1String("vote") || action == QLatin1String("suggest"))
                    ? worker.polls->byCode(parts.value(0), false)  // the row only: the vote reads its options itself
                    : core::Result<Poll>(core::fail(ErrorCode::NotFound, "no such page"));
    if (!poll) {
        sendServiceError(res, poll.error());
        return;
    }
    const QString page = QStringLiteral("/v/") + poll->code;
    // Refused: JSON for the page's script, else back to the page with the message (the page
    // shows only its own messages, by key).
    const auto refuse = [&](int status, const QString& key) {
        if (json) {
            res.error(status, "refused", text.value(key).toString().replace(QStringLiteral("%1"), QString::number(poll->spec.votesPerFan)).toStdString());
        } else {
            res.status = 303;
            res.setHeader("Location", (page + QStringLiteral("?error=") + key).toStdString());
        }
    };
    const QByteArray key = secret(worker);
    const QString fan = fanToken(req, key);
    if (fan.isEmpty()) {
        refuse(403, QStringLiteral("cookies"));
        return;
    }
    if (!sameSignature(req.formValues(QStringLiteral("csrf")).value(0), csrfFor(key, poll->id, fan))) {
        refuse(403, QStringLiteral("expired"));
        return;
    }
    QString done;
    QStringList stored;
    qint64 version = 0;
    if (action == QLatin1String("vote")) {
        const QStringList songs = req.formValues(QStringLiteral("song"));
        if (songs.size() > poll->spec.votesPerFan) {
            refuse(422, QStringLiteral("err_too_many"));  // before any lock or write
            return;
        }
        BallotRequest request{poll->id, fan, songs};
        m_votes.run(request, [this, &worker](QList<BallotRequest*>& group) {
            worker.polls->voteGroup(group);
            // Every poll this group changed, published once (the hub sends at most ten updates a
            // second per topic to its subscribers).
            QSet<QString> changed;
            for (const BallotRequest* written : group) {
                if (written->result) {
                    changed.insert(written->pollId);
                }
            }
            for (const QString& id : changed) {
                if (auto fresh = worker.polls->byId(id)) {
                    publish(*fresh, &worker);
                    for (BallotRequest* written : group) {
                        if (written->pollId == id) {
                            written->version = fresh->version;  // the live update that carries it
                        }
                    }
                }
            }
        });
        if (!request.result) {
            if (statusOf(request.result.error()) == 500) {
                sendServiceError(res, request.result.error());
                return;
            }
            refuse(statusOf(request.result.error()), fanErrorKey(request.result.error()));
            return;
        }
        stored = *request.result;
        version = request.version;
        done = stored.isEmpty() ? QStringLiteral("withdrawn") : QStringLiteral("voted");
    } else {
        auto suggested = worker.polls->suggest(poll->id, fan, req.formValues(QStringLiteral("text")).value(0));
        if (!suggested) {
            if (statusOf(suggested.error()) == 500) {
                sendServiceError(res, suggested.error());
                return;
            }
            refuse(statusOf(suggested.error()), fanErrorKey(suggested.error()));
            return;
        }
        if (auto fresh = worker.polls->byId(poll->id)) {
            publish(*fresh, &worker);  // the musician sees it waiting
        }
        done = QStringLiteral("suggested");
    }
    if (!json) {
        res.status = 303;  // back to the page, which shows the ballot (a reload does not post again)
        res.setHeader("Location", (page + QStringLiteral("?done=") + done).toStdString());
        return;
    }
    res.json(200, QJsonObject{{QStringLiteral("ballot"), QJsonArray::fromStringList(stored)},
                                   {QStringLiteral("message"), text.value(done).toString()},
                                   {QStringLiteral("button"), text.value(stored.isEmpty() ? QStringLiteral("vote") : QStringLiteral("change")).toString()},
                                   {QStringLiteral("tally_visible"), PollService::tallyVisible(*poll, !stored.isEmpty())},
                                   {QStringLiteral("version"), static_cast<double>(version)}});
}

}  // namespace bandmate::sync
