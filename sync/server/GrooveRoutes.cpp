#include "sync/server/GrooveRoutes.h"

#include "sync/server/RouteHelpers.h"
#include "sync/server/ServerWorker.h"
#include "sync/server/WebPages.h"

#include "core/beats/MachineXml.h"
#include "core/beats/NoteStream.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>
#include <QScopeGuard>

#include <algorithm>
#include <cmath>

namespace bandmate::sync {

using core::ErrorCode;

namespace {

const char* const kKeyNames[] = {"C", "C♯", "D", "E♭", "E", "F", "F♯", "G", "A♭", "A", "B♭", "B"};

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

/// "/g/ID" or "/g/ID/vN" for a groove's page.
QString pagePath(const QString& id, int version = 0)
{
    return QStringLiteral("/g/") + id + (version > 0 ? QStringLiteral("/v%1").arg(version) : QString());
}

QJsonObject grooveJson(const SharedGroove& groove, const QString& base)
{
    QJsonObject json{{QStringLiteral("id"), groove.id},
                     {QStringLiteral("url"), base + pagePath(groove.id)},
                     {QStringLiteral("version"), groove.version},
                     {QStringLiteral("version_url"), base + pagePath(groove.id, groove.version)},
                     {QStringLiteral("latest_version"), groove.latestVersion},
                     {QStringLiteral("title"), groove.settings.title},
                     {QStringLiteral("author"), groove.settings.author},
                     {QStringLiteral("description"), groove.settings.description},
                     {QStringLiteral("tags"), QJsonArray::fromStringList(groove.settings.tags)},
                     {QStringLiteral("licence"), groove.settings.licence},
                     {QStringLiteral("visibility"), visibilityName(groove.settings.visibility)},
                     {QStringLiteral("allow_copies"), groove.settings.allowCopies},
                     {QStringLiteral("state"), groove.state},
                     {QStringLiteral("plays"), static_cast<double>(groove.plays)},
                     {QStringLiteral("copies"), static_cast<double>(groove.copies)},
                     {QStringLiteral("created_at"), isoTime(groove.createdAtMs)},
                     {QStringLiteral("updated_at"), isoTime(groove.updatedAtMs)},
                     {QStringLiteral("source"), groove.source}};
    if (!groove.originId.isEmpty()) {
        json.insert(QStringLiteral("origin"), QJsonObject{{QStringLiteral("id"), groove.originId},
                                                          {QStringLiteral("version"), groove.originVersion},
                                                          {QStringLiteral("url"), base + pagePath(groove.originId, groove.originVersion)}});
    }
    return json;
}

/// The JSON body of a request, or an answer (400) already given.
std::optional<QJsonObject> jsonBody(const http::Request& req, http::Response& res)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(req.body));
    if (!document.isObject()) {
        res.error(400, "malformed_json", "the body is not a JSON object");
        return std::nullopt;
    }
    return document.object();
}

/// The settings fields of a JSON body into `change`; false (and a 422 answered) when one has
/// the wrong type or value.
bool readChange(const QJsonObject& body, GrooveChange& change, http::Response& res, const QStringList& alsoKnown = {})
{
    static const QStringList settings{QStringLiteral("title"), QStringLiteral("author"), QStringLiteral("description"), QStringLiteral("tags"),
                                      QStringLiteral("licence"), QStringLiteral("visibility"), QStringLiteral("allow_copies")};
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!settings.contains(it.key()) && !alsoKnown.contains(it.key())) {
            res.error(422, "invalid", it.key().left(40).toStdString() + ": not a setting of a shared groove (" + (settings + alsoKnown).join(QStringLiteral(", ")).toStdString() + ")");
            return false;
        }
    }
    const auto text = [&](const char* name, std::optional<QString>& into) {
        const QJsonValue value = body.value(QLatin1String(name));
        if (value.isUndefined()) {
            return true;
        }
        if (!value.isString()) {
            res.error(422, "invalid", std::string(name) + ": must be a string");
            return false;
        }
        into = value.toString();
        return true;
    };
    if (!text("title", change.title) || !text("author", change.author) || !text("description", change.description)
        || !text("licence", change.licence)) {
        return false;
    }
    if (const QJsonValue tags = body.value(QStringLiteral("tags")); !tags.isUndefined()) {
        const QJsonArray list = tags.toArray();
        if (!tags.isArray() || std::any_of(list.begin(), list.end(), [](const QJsonValue& tag) { return !tag.isString(); })) {
            res.error(422, "invalid", "tags: must be an array of strings");
            return false;
        }
        QStringList values;
        for (const auto& tag : list) {
            values << tag.toString();
        }
        change.tags = values;
    }
    if (const QJsonValue visibility = body.value(QStringLiteral("visibility")); !visibility.isUndefined()) {
        const auto parsed = visibilityFromName(visibility.toString());
        if (!parsed) {
            res.error(422, "invalid", "visibility: expected public, unlisted or private");
            return false;
        }
        change.visibility = parsed;
    }
    if (const QJsonValue copies = body.value(QStringLiteral("allow_copies")); !copies.isUndefined()) {
        if (!copies.isBool()) {
            res.error(422, "invalid", "allow_copies: must be true or false");
            return false;
        }
        change.allowCopies = copies.toBool();
    }
    return true;
}

/// The machine of a JSON body ("machine": the XML as a string), or an answer already given.
std::optional<QByteArray> machineIn(const QJsonObject& body, http::Response& res)
{
    const QJsonValue machine = body.value(QStringLiteral("machine"));
    if (!machine.isString()) {
        res.error(422, "invalid", "machine: must be the machine's Salsa Beat Machine XML, as a string");
        return std::nullopt;
    }
    const QByteArray xml = machine.toString().toUtf8();
    if (xml.size() > GrooveService::kMaxXmlBytes) {
        res.error(413, "too_large", "machine: larger than " + std::to_string(GrooveService::kMaxXmlBytes / 1024) + " KiB");
        return std::nullopt;
    }
    return xml;
}

/// How a licence reads on a page: its name and the text it links to ("" for all rights reserved,
/// which the page names in its own language).
std::pair<QString, QString> licenceShown(const QString& licence)
{
    if (licence == QLatin1String("cc-by-4.0")) {
        return {QStringLiteral("CC BY 4.0"), QStringLiteral("https://creativecommons.org/licenses/by/4.0/")};
    }
    if (licence == QLatin1String("cc-by-sa-4.0")) {
        return {QStringLiteral("CC BY-SA 4.0"), QStringLiteral("https://creativecommons.org/licenses/by-sa/4.0/")};
    }
    if (licence == QLatin1String("cc0-1.0")) {
        return {QStringLiteral("CC0 1.0"), QStringLiteral("https://creativecommons.org/publicdomain/zero/1.0/")};
    }
    return {};
}

/// A file name from a title: letters, digits and dashes only (it goes into a header).
QString fileStem(const QString& title)
{
    QString stem;
    for (const QChar c : title.normalized(QString::NormalizationForm_KD)) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            stem += c.toLower();
        } else if (!stem.isEmpty() && !stem.endsWith(QLatin1Char('-')) && (c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('_'))) {
            stem += QLatin1Char('-');
        }
    }
    while (stem.endsWith(QLatin1Char('-'))) {
        stem.chop(1);
    }
    return stem.isEmpty() ? QStringLiteral("groove") : stem.left(60);
}

/// The step grid of what plays: each enabled instrument's loop, notes shaded by velocity, over
/// the steps until every loop starts together (shorter loops repeat in lighter cells, as on the
/// desktop's Beat Machine page); past 64 steps each row shows its own loop once.
QJsonObject gridOf(const core::beats::Machine& machine)
{
    constexpr int kMostColumns = 64;
    const core::beats::NoteStream stream = core::beats::compileMachine(machine);
    const int perBeat = core::beats::stepsPerBeat(machine.flavor);
    const int perBar = core::beats::stepsPerBar(machine.flavor);
    std::int64_t cycle = 1;
    int longest = 1;
    for (const auto& compiled : stream.instruments) {
        cycle = std::min<std::int64_t>(std::lcm(cycle, static_cast<std::int64_t>(std::max(1, compiled.loopLength))), kMostColumns + 1);
        longest = std::max(longest, compiled.loopLength);
    }
    const bool together = cycle <= kMostColumns;
    QJsonArray rows;
    for (const auto& compiled : stream.instruments) {
        const int length = std::max(1, compiled.loopLength);
        std::vector<double> loudest(static_cast<std::size_t>(length), 0.0);
        for (const auto& event : compiled.events) {
            if (event.step >= 0 && event.step < length) {
                auto& cell = loudest[static_cast<std::size_t>(event.step)];
                cell = std::max(cell, std::max(0.05, event.gain));
            }
        }
        QJsonArray cells;
        const int columns = together ? static_cast<int>(cycle) : length;
        for (int step = 0; step < columns; ++step) {
            const double gain = loudest[static_cast<std::size_t>(step % length)];
            QString classes = gain <= 0.0 ? QStringLiteral("c") : gain >= 0.75 ? QStringLiteral("c n3") : gain >= 0.45 ? QStringLiteral("c n2") : QStringLiteral("c n1");
            if (step >= length) {
                classes += QStringLiteral(" r");
            }
            if (step % perBar == 0) {
                classes += QStringLiteral(" bar");
            } else if (step % perBeat == 0) {
                classes += QStringLiteral(" beat");
            }
            cells.append(QJsonObject{{QStringLiteral("cls"), classes}});
        }
        const auto& instrument = machine.instruments.at(static_cast<std::size_t>(compiled.instrumentIndex));
        const auto program = static_cast<std::size_t>(std::max(0, instrument.activeProgram));
        rows.append(QJsonObject{{QStringLiteral("title"), QString::fromStdString(instrument.title)},
                                {QStringLiteral("program"), program < instrument.programs.size() ? QString::fromStdString(instrument.programs[program].title) : QString()},
                                {QStringLiteral("steps"), length},
                                {QStringLiteral("cells"), cells}});
    }
    return QJsonObject{{QStringLiteral("rows"), rows}, {QStringLiteral("columns"), together ? static_cast<int>(cycle) : longest}};
}

const std::vector<std::pair<std::string, std::string>>& embedHeaders()
{
    // The only page other sites may frame (a teacher's page): everything else as strict.
    static const std::vector<std::pair<std::string, std::string>> headers{
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
         "frame-ancestors *; form-action 'self'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "same-origin"},
    };
    return headers;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

RenderCache::RenderCache(qint64 maxBytes, int threads, int queueLimit)
    : m_maxBytes(std::max<qint64>(0, maxBytes)), m_queueLimit(static_cast<std::size_t>(std::max(1, queueLimit)))
{
    for (int i = 0; i < std::max(1, threads); ++i) {
        m_threads.emplace_back([this] { run(); });
    }
}

RenderCache::~RenderCache()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& thread : m_threads) {
        thread.join();
    }
    for (auto& [key, callers] : m_waiting) {
        for (const Done& done : callers) {
            done(core::fail(ErrorCode::Io, "the server is stopping"));
        }
    }
}

RenderCache::Bytes RenderCache::find(const std::string& key)
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_files.find(key);
    if (found == m_files.end()) {
        return nullptr;
    }
    m_order.splice(m_order.begin(), m_order, found->second.second);
    return found->second.first;
}

qint64 RenderCache::bytes() const
{
    const std::lock_guard lock(m_mutex);
    return m_bytes;
}

void RenderCache::insert(const std::string& key, const Bytes& bytes)
{
    // Under m_mutex. A file larger than the whole cache is served but not kept.
    const auto size = static_cast<qint64>(bytes->size());
    if (size > m_maxBytes || m_files.count(key) != 0) {
        return;
    }
    m_order.push_front(key);
    m_files.emplace(key, std::make_pair(bytes, m_order.begin()));
    m_bytes += size;
    while (m_bytes > m_maxBytes && !m_order.empty()) {
        const auto oldest = m_files.find(m_order.back());
        m_bytes -= static_cast<qint64>(oldest->second.first->size());
        m_files.erase(oldest);
        m_order.pop_back();
    }
}

bool RenderCache::request(const std::string& key, Make make, Done done)
{
    Bytes cached;
    {
        const std::lock_guard lock(m_mutex);
        if (const auto found = m_files.find(key); found != m_files.end()) {
            m_order.splice(m_order.begin(), m_order, found->second.second);
            cached = found->second.first;
        } else if (const auto waiting = m_waiting.find(key); waiting != m_waiting.end()) {
            waiting->second.push_back(std::move(done));  // rendering already: one render for all
            return true;
        } else {
            if (m_stopping || m_queue.size() >= m_queueLimit) {
                return false;
            }
            m_waiting[key].push_back(std::move(done));
            m_queue.emplace_back(key, std::move(make));
        }
    }
    if (cached) {
        done(cached);
    } else {
        m_wake.notify_one();
    }
    return true;
}

void RenderCache::run()
{
    for (;;) {
        std::pair<std::string, Make> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping) {
                return;  // the destructor answers whoever still waits
            }
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        core::Result<Bytes> result = core::fail(ErrorCode::Internal, "the render failed");
        try {
            auto made = job.second();
            result = made ? core::Result<Bytes>(std::make_shared<const std::string>(std::move(*made))) : core::Result<Bytes>(std::unexpected(made.error()));
        } catch (const std::exception& error) {
            result = core::fail(ErrorCode::Internal, std::string("the render failed: ") + error.what());
        } catch (...) {
            result = core::fail(ErrorCode::Internal, "the render failed");
        }
        std::vector<Done> callers;
        {
            const std::lock_guard lock(m_mutex);
            if (result) {
                insert(job.first, *result);
            }
            if (const auto waiting = m_waiting.find(job.first); waiting != m_waiting.end()) {
                callers = std::move(waiting->second);
                m_waiting.erase(waiting);
            }
        }
        for (const Done& done : callers) {
            done(result);
        }
    }
}

// ---------------------------------------------------------------------------------------------

std::string RecentAnswers::keyOf(const http::Request& req, const QString& base)
{
    // The links on a page name the address it was asked at (without --public-url): part of the key.
    return req.path + '?' + req.query + '|' + web::language(req.header("Accept-Language")).toStdString() + '|' + base.toStdString();
}

bool RecentAnswers::answer(const http::Request& req, const QString& base, http::Response& res)
{
    const std::string key = keyOf(req, base);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const std::shared_lock lock(m_mutex);
    const auto found = m_answers.find(key);
    if (found == m_answers.end() || now - found->second.keptAtMs > kFreshMs) {
        return false;
    }
    res = found->second.response;
    for (const auto& [name, value] : res.headers) {
        if (name == "ETag" && req.header("If-None-Match") == value) {
            res.status = 304;
            res.body.clear();
            res.sharedBody.reset();
            break;
        }
    }
    return true;
}

std::uint64_t RecentAnswers::generation(const QString& grooveId) const
{
    const std::shared_lock lock(m_mutex);
    const auto found = m_generations.find(grooveId);
    return found == m_generations.end() ? 0 : found->second;
}

void RecentAnswers::keep(const http::Request& req, const QString& base, const http::Response& res, const QString& grooveId, std::uint64_t generation)
{
    if (res.status != 200 || res.deferred) {
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const std::unique_lock lock(m_mutex);
    const auto forgotten = m_generations.find(grooveId);
    if (forgotten != m_generations.end() && forgotten->second != generation) {
        return;  // changed while this answer was made: it may show what is gone
    }
    // Stale answers go once a second (a rendered file they hold is memory the render cache may
    // have let go of).
    if (now - m_sweptMs > kFreshMs || m_answers.size() >= kMostAnswers) {
        m_sweptMs = now;
        for (auto it = m_answers.begin(); it != m_answers.end();) {
            it = now - it->second.keptAtMs > kFreshMs ? m_answers.erase(it) : std::next(it);
        }
        if (m_answers.size() >= kMostAnswers) {
            return;  // all fresh: this one is answered by a worker again
        }
    }
    Kept kept{res, now, grooveId};
    kept.response.account.clear();
    kept.response.note.clear();
    m_answers[keyOf(req, base)] = std::move(kept);
}

void RecentAnswers::forget(const QString& grooveId)
{
    const std::unique_lock lock(m_mutex);
    ++m_generations[grooveId];
    for (auto it = m_answers.begin(); it != m_answers.end();) {
        it = it->second.grooveId == grooveId ? m_answers.erase(it) : std::next(it);
    }
}

// ---------------------------------------------------------------------------------------------

GrooveRoutes::GrooveRoutes(http::Core& core, const ServerOptions& options, ClientAddress clientAddress)
    : m_core(core),
      m_options(options),
      m_clientAddress(std::move(clientAddress)),
      m_pages(options.fanRequestsPerMinute, std::max(1, options.fanRequestsPerMinute / 2)),
      m_counts(options.fanRequestsPerMinute > 0 ? 30 : 0, 10),
      m_renderMisses(options.fanRequestsPerMinute > 0 ? 20 : 0, 10),
      m_shares(options.sharesPerHour / 60.0, std::max(1, options.sharesPerHour / 4)),
      m_renders(options.renderCacheBytes, options.renderSlots, 64)
{
}

void GrooveRoutes::install(const AddSignedIn& addSignedIn)
{
    const auto limited = [this](RateLimiter& limiter, const char* prefix) {
        return [this, &limiter, prefix](const http::Request& req, http::Response& res) {
            const std::optional<int> wait = limiter.take(QString::fromLatin1(prefix) + m_clientAddress(req));
            if (!wait) {
                return false;
            }
            res.setHeader("Retry-After", std::to_string(*wait));
            res.error(429, "too_many_requests", "too many requests from this address; try again in " + std::to_string(*wait) + " s");
            return true;
        };
    };
    m_core.route(
        "GET", "/g/*",
        [this, pageLimit = limited(m_pages, "groove-page:")](const http::Request& req, http::Response& res) {
            return pageLimit(req, res) || m_recent.answer(req, publicBase(m_options, req), res);  // limited first, then from memory when fresh
        },
        [this](const http::Request& req, http::Response& res, http::WorkerState& state) { page(req, res, static_cast<Worker&>(state)); });
    m_core.route("POST", "/g/*", limited(m_counts, "groove-count:"),
                 [this](const http::Request& req, http::Response& res, http::WorkerState& state) { counted(req, res, static_cast<Worker&>(state)); });

    addSignedIn("POST", "/v1/grooves", [this](const http::Request& req, http::Response& res, Worker& worker, QString& account) {
        publish(req, res, worker, account);
    });
    addSignedIn("GET", "/v1/grooves", [this](const http::Request& req, http::Response& res, Worker& worker, QString& account) {
        auto grooves = worker.grooves->mine(account);
        if (!grooves) {
            sendServiceError(res, grooves.error());
            return;
        }
        QJsonArray list;
        for (SharedGroove& groove : *grooves) {
            groove.version = groove.latestVersion;
            list.append(grooveJson(groove, publicBase(m_options, req)));
        }
        res.json(200, QJsonObject{{QStringLiteral("grooves"), list}});
    });
    addSignedIn("GET", "/v1/grooves/*", [this](const http::Request& req, http::Response& res, Worker& worker, QString& account) {
        authorGet(req, res, worker, account);
    });
    addSignedIn("POST", "/v1/grooves/*", [this](const http::Request& req, http::Response& res, Worker& worker, QString& account) {
        authorPost(req, res, worker, account);
    });
    addSignedIn("DELETE", "/v1/grooves/*", [this](const http::Request& req, http::Response& res, Worker& worker, QString& account) {
        authorDelete(req, res, worker, account);
    });
}

void GrooveRoutes::keep(const http::Request& req, const http::Response& res, const QString& grooveId, std::uint64_t generation)
{
    m_recent.keep(req, publicBase(m_options, req), res, grooveId, generation);
}

core::Result<std::shared_ptr<const core::beats::Machine>> GrooveRoutes::machineOf(const SharedGroove& groove)
{
    {
        const std::lock_guard lock(m_machinesMutex);
        if (const auto found = m_machines.find(groove.hash); found != m_machines.end()) {
            return found->second;
        }
    }
    auto parsed = GrooveService::readMachine(groove.machineXml);
    if (!parsed) {
        return std::unexpected(parsed.error());
    }
    auto machine = std::make_shared<const core::beats::Machine>(std::move(*parsed));
    const std::lock_guard lock(m_machinesMutex);
    if (m_machines.size() >= 256) {
        m_machines.clear();  // a few hundred grooves at once: parse again, rarely
    }
    m_machines.emplace(groove.hash, machine);
    return machine;
}

bool GrooveRoutes::overShareLimit(const QString& account, http::Response& res)
{
    const std::optional<int> wait = m_shares.take(QStringLiteral("share:") + account);
    if (wait) {
        res.setHeader("Retry-After", std::to_string(*wait));
        res.error(429, "too_many_requests", "too many shared grooves and versions this hour; try again in " + std::to_string(*wait) + " s");
    }
    return wait.has_value();
}

void GrooveRoutes::publish(const http::Request& req, http::Response& res, Worker& worker, const QString& account)
{
    const auto body = jsonBody(req, res);
    if (!body) {
        return;
    }
    const auto machine = machineIn(*body, res);
    if (!machine) {
        return;
    }
    GrooveChange change;
    if (!readChange(*body, change, res, {QStringLiteral("machine"), QStringLiteral("origin"), QStringLiteral("origin_version"), QStringLiteral("source")})) {
        return;
    }
    GrooveSettings settings;
    settings.title = change.title.value_or(QString());
    settings.author = change.author.value_or(QString());
    settings.description = change.description.value_or(QString());
    settings.tags = change.tags.value_or(QStringList());
    settings.licence = change.licence.value_or(settings.licence);
    settings.visibility = change.visibility.value_or(settings.visibility);
    settings.allowCopies = change.allowCopies.value_or(settings.allowCopies);
    const QJsonValue origin = body->value(QStringLiteral("origin"));
    const QJsonValue originVersion = body->value(QStringLiteral("origin_version"));
    const bool wholeVersion = originVersion.isUndefined()
                              || (originVersion.isDouble() && originVersion.toDouble() == std::floor(originVersion.toDouble()) && originVersion.toDouble() >= 0
                                  && originVersion.toDouble() <= 1e6);
    const QJsonValue source = body->value(QStringLiteral("source"));
    if (!source.isUndefined() && !source.isString()) {
        res.error(422, "invalid", "source: must be a string (your own id for the machine)");
        return;
    }
    if ((!origin.isUndefined() && !origin.isString()) || !wholeVersion) {
        res.error(422, "invalid", "origin: the id of the shared groove this is a copy of, origin_version: its version (a whole number)");
        return;
    }
    // A machine that would be refused costs no share from the hourly limit.
    if (auto checked = GrooveService::readMachine(*machine); !checked) {
        sendServiceError(res, checked.error());
        return;
    }
    if (overShareLimit(account, res)) {
        return;
    }
    auto shared = worker.grooves->publish(account, settings, *machine, origin.toString(), originVersion.toInt(), source.toString());
    if (!shared) {
        sendServiceError(res, shared.error());
        return;
    }
    res.json(201, grooveJson(*shared, publicBase(m_options, req)));
}

void GrooveRoutes::authorGet(const http::Request& req, http::Response& res, Worker& worker, const QString& account)
{
    const QStringList parts = QString::fromStdString(req.path).mid(12).split(QLatin1Char('/'));  // after "/v1/grooves/"
    if (parts.size() != 1) {
        res.error(404, "not_found", "no such route");
        return;
    }
    auto groove = worker.grooves->view(parts.first(), 0, account);
    if (!groove || groove->accountId != account || groove->state == QLatin1String("deleted")) {
        if (groove || groove.error().code == ErrorCode::NotFound) {
            res.error(404, "not_found", "no such shared groove of yours");
        } else {
            sendServiceError(res, groove.error());
        }
        return;
    }
    QJsonObject json = grooveJson(*groove, publicBase(m_options, req));
    json.insert(QStringLiteral("machine"), QString::fromUtf8(groove->machineXml));
    res.json(200, json);
}

void GrooveRoutes::authorPost(const http::Request& req, http::Response& res, Worker& worker, const QString& account)
{
    // /v1/grooves/ID (settings), /v1/grooves/ID/versions (a new version), /v1/grooves/ID/unshare
    const QStringList parts = QString::fromStdString(req.path).mid(12).split(QLatin1Char('/'));
    const QString id = parts.first();
    const QString action = parts.value(1);
    if (parts.size() > 2 || (parts.size() == 2 && action != QLatin1String("versions") && action != QLatin1String("unshare"))) {
        res.error(404, "not_found", "no such route");
        return;
    }
    const QString base = publicBase(m_options, req);
    // Whatever this does, its pages are read again: answers dropped now and once it is done
    // (one made meanwhile from the groove as it was is not kept either).
    m_recent.forget(id);
    const auto forgetAfter = qScopeGuard([this, id] { m_recent.forget(id); });
    if (action == QLatin1String("unshare")) {
        auto groove = worker.grooves->unshare(account, id);
        if (!groove) {
            sendServiceError(res, groove.error());
            return;
        }
        res.json(200, grooveJson(*groove, base));
        return;
    }
    const auto body = jsonBody(req, res);
    if (!body) {
        return;
    }
    if (action == QLatin1String("versions")) {
        const auto machine = machineIn(*body, res);
        if (!machine) {
            return;
        }
        for (auto it = body->begin(); it != body->end(); ++it) {
            if (it.key() != QLatin1String("machine")) {
                res.error(422, "invalid", it.key().left(40).toStdString() + ": a new version takes only \"machine\" (settings: POST /v1/grooves/ID)");
                return;
            }
        }
        if (auto checked = GrooveService::readMachine(*machine); !checked) {
            sendServiceError(res, checked.error());
            return;
        }
        if (overShareLimit(account, res)) {
            return;
        }
        auto before = worker.grooves->view(id, 0, account);
        auto groove = worker.grooves->addVersion(account, id, *machine);
        if (!groove) {
            sendServiceError(res, groove.error());
            return;
        }
        res.json(before && before->latestVersion == groove->version ? 200 : 201, grooveJson(*groove, base));
        return;
    }
    GrooveChange change;
    if (!readChange(*body, change, res)) {
        return;
    }
    auto groove = worker.grooves->change(account, id, change);
    if (!groove) {
        sendServiceError(res, groove.error());
        return;
    }
    res.json(200, grooveJson(*groove, base));
}

void GrooveRoutes::authorDelete(const http::Request& req, http::Response& res, Worker& worker, const QString& account)
{
    const QStringList parts = QString::fromStdString(req.path).mid(12).split(QLatin1Char('/'));
    if (parts.size() != 1) {
        res.error(404, "not_found", "no such route");
        return;
    }
    m_recent.forget(parts.first());
    const auto forgetAfter = qScopeGuard([this, id = parts.first()] { m_recent.forget(id); });
    if (auto removed = worker.grooves->remove(account, parts.first()); !removed) {
        sendServiceError(res, removed.error());
        return;
    }
    res.json(200, QJsonObject{{QStringLiteral("id"), parts.first()}, {QStringLiteral("state"), QStringLiteral("deleted")}});
}

void GrooveRoutes::counted(const http::Request& req, http::Response& res, Worker& worker)
{
    // POST /g/ID/play: the page's player counts a press of Play (one per page view);
    // POST /g/ID/copy: Bandmate took a copy into a library (import-shared, Open in Bandmate).
    const QStringList parts = QString::fromStdString(req.path).mid(3).split(QLatin1Char('/'));
    const QString what = parts.value(1);
    if (parts.size() != 2 || (what != QLatin1String("play") && what != QLatin1String("copy"))) {
        res.error(404, "not_found", "no such page");
        return;
    }
    if (req.header("Sec-Fetch-Site") == "cross-site") {
        res.error(403, "cross_site", "counted only from Bandmate's own pages and programs");
        return;
    }
    auto groove = worker.grooves->view(parts.first());
    if (!groove || groove->state != QLatin1String("shared") || (what == QLatin1String("copy") && !groove->settings.allowCopies)) {
        res.error(404, "not_found", "no such shared groove");
        return;
    }
    auto done = what == QLatin1String("play") ? worker.grooves->countPlay(groove->id) : worker.grooves->countCopy(groove->id);
    if (!done) {
        sendServiceError(res, done.error());
        return;
    }
    res.status = 204;
}

void GrooveRoutes::rendered(const http::Request& req, http::Response& res, const SharedGroove& groove, GrooveFormat format, std::uint64_t generation)
{
    auto parsed = machineOf(groove);
    if (!parsed) {
        sendServiceError(res, parsed.error());
        return;
    }
    const core::beats::Machine& saved = **parsed;
    auto options = playOptionsFromQuery(QString::fromStdString(req.query), saved);
    auto played = options ? applyPlayOptions(saved, *options) : core::Result<core::beats::Machine>(std::unexpected(options.error()));
    if (!played) {
        res.error(400, "invalid", played.error().toString());
        return;
    }
    const int bars = playableBars(*played, options->bars);
    // The file's content: the version's machine (its hash) and what the listener changed.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(groove.hash.toLatin1());
    hash.addData(QStringLiteral("|%1|%2|%3|").arg(played->bpm, 0, 'g', 17).arg(played->keyNote).arg(played->clave32 ? 1 : 0).toLatin1());
    for (const auto& instrument : played->instruments) {
        hash.addData(QByteArray(instrument.enabled ? "+" : "-") + QByteArray::fromStdString(instrument.id) + ',');
    }
    hash.addData(QByteArray::number(bars) + (format == GrooveFormat::Wav ? "|wav" : "|mid"));
    const std::string key = hash.result().toHex().left(32).toStdString();
    const std::string etag = "\"" + key + "\"";
    res.setHeader("ETag", etag);
    // Asked again each time (the ETag makes that cheap): the groove may be unshared or made
    // private, and no cache may keep serving it then.
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Bandmate-Loop-Bars", std::to_string(bars));
    if (req.header("If-None-Match") == etag) {
        res.status = 304;
        return;
    }
    const std::string disposition = req.hasParam(QStringLiteral("download")) || format == GrooveFormat::Midi
                                        ? "attachment; filename=\"" + fileStem(groove.settings.title).toStdString() + (format == GrooveFormat::Wav ? ".wav\"" : ".mid\"")
                                        : std::string();
    const char* type = format == GrooveFormat::Wav ? "audio/wav" : "audio/midi";
    const auto serve = [type, disposition](http::Response& answer, const core::Result<RenderCache::Bytes>& bytes) {
        if (!bytes) {
            answer.error(500, "render", "the groove could not be rendered");
            answer.note = bytes.error().toString();
            return;
        }
        answer.status = 200;
        answer.contentType = type;
        answer.sharedBody = *bytes;
        if (!disposition.empty()) {
            answer.setHeader("Content-Disposition", disposition);
        }
    };
    if (auto cached = m_renders.find(key)) {
        serve(res, cached);
        keep(req, res, groove.id, generation);
        return;
    }
    if (!m_options.renderGroove) {
        res.setHeader("Retry-After", "3600");
        res.error(503, "no_renderer", "this server does not render audio");
        return;
    }
    // A render costs seconds of a core: those not cached yet are limited per address.
    if (const std::optional<int> wait = m_renderMisses.take(QStringLiteral("groove-render:") + m_clientAddress(req))) {
        res.setHeader("Retry-After", std::to_string(*wait));
        res.error(429, "too_many_requests", "too many new renders from this address; try again in " + std::to_string(*wait) + " s");
        return;
    }
    // On the render threads, not this database worker; answered when the file is made.
    res.deferred = [this, key, machine = *played, bars, format, serve, &req, &res, grooveId = groove.id, generation](std::function<void()> done) {
        const GrooveRenderer renderer = m_options.renderGroove;
        const bool queued = m_renders.request(
            key, [renderer, machine, bars, format] { return renderer(machine, bars, format); },
            [this, &req, &res, serve, done, grooveId, generation](const core::Result<RenderCache::Bytes>& bytes) {
                serve(res, bytes);
                keep(req, res, grooveId, generation);
                done();
            });
        if (!queued) {
            res.setHeader("Retry-After", "2");
            res.error(503, "busy", "every render is taken; try again in a moment");
            done();
        }
    };
}

void GrooveRoutes::page(const http::Request& req, http::Response& res, Worker& worker)
{
    // /g/ID[/vN][/embed|/machine.xml|/loop.wav|/groove.mid]
    QStringList parts = QString::fromStdString(req.path).mid(3).split(QLatin1Char('/'));
    const QString id = parts.takeFirst();
    int version = 0;
    static const QRegularExpression versionPart(QStringLiteral("^v([1-9][0-9]{0,5})$"));
    if (!parts.isEmpty()) {
        if (const auto match = versionPart.match(parts.first()); match.hasMatch()) {
            version = match.captured(1).toInt();
            parts.removeFirst();
        }
    }
    const QString what = parts.value(0);
    const QString lang = web::language(req.header("Accept-Language"));
    const QJsonObject text = web::strings(lang);
    const auto say = [&](const char* key) { return text.value(QString::fromLatin1(key)).toString(); };
    const auto notice = [&](int status, const QString& heading, const QString& body) {
        for (const auto& [name, value] : web::pageHeaders()) {
            res.setHeader(name, value);
        }
        res.setHeader("Cache-Control", "no-store");
        res.status = status;
        res.contentType = "text/html; charset=utf-8";
        res.body = web::render(QStringLiteral("notice"), {{QStringLiteral("lang"), lang},
                                                          {QStringLiteral("css"), QString::fromStdString(web::assetPath(QStringLiteral("site.css")))},
                                                          {QStringLiteral("heading"), heading},
                                                          {QStringLiteral("text"), body}});
    };
    const bool known = parts.size() <= 1
                       && (what.isEmpty() || what == QLatin1String("embed") || what == QLatin1String("machine.xml") || what == QLatin1String("loop.wav")
                           || what == QLatin1String("groove.mid"));
    const std::uint64_t generation = m_recent.generation(id);  // before the read: a change after it is noticed
    auto groove = known ? worker.grooves->view(id, version) : core::Result<SharedGroove>(core::fail(ErrorCode::NotFound, "no such page"));
    if (!groove) {
        if (groove.error().code == ErrorCode::NotFound) {
            notice(404, say("g_not_found_title"), say("g_not_found"));
        } else {
            sendServiceError(res, groove.error());
        }
        return;
    }
    if (groove->state != QLatin1String("shared")) {
        notice(410, say("g_removed_title"), say("g_removed"));
        return;
    }
    const QString base = publicBase(m_options, req);
    if (what == QLatin1String("loop.wav") || what == QLatin1String("groove.mid")) {
        if (what == QLatin1String("groove.mid") && !groove->settings.allowCopies) {
            notice(403, groove->settings.title, say("g_no_copies"));
            return;
        }
        rendered(req, res, *groove, what == QLatin1String("loop.wav") ? GrooveFormat::Wav : GrooveFormat::Midi, generation);
        return;
    }
    if (what == QLatin1String("machine.xml")) {
        if (!groove->settings.allowCopies) {
            notice(403, groove->settings.title, say("g_no_copies"));
            return;
        }
        res.status = 200;
        res.contentType = "application/xml; charset=utf-8";
        res.body = groove->machineXml.toStdString();
        res.setHeader("Content-Disposition", "attachment; filename=\"" + fileStem(groove->settings.title).toStdString() + ".xml\"");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Bandmate-Groove", groove->id.toStdString() + "/v" + std::to_string(groove->version));
        keep(req, res, groove->id, generation);
        return;
    }

    // The page (or its embed): the machine as the listener asked for it.
    auto parsed = machineOf(*groove);
    if (!parsed) {
        sendServiceError(res, parsed.error());
        return;
    }
    const core::beats::Machine* saved = parsed->get();
    auto options = playOptionsFromQuery(QString::fromStdString(req.query), *saved);
    auto machine = options ? applyPlayOptions(*saved, *options) : core::Result<core::beats::Machine>(std::unexpected(options.error()));
    QString problem;
    if (!machine) {
        problem = say("g_bad_options") + QStringLiteral(" (") + QString::fromStdString(machine.error().where + ": " + machine.error().message) + QLatin1Char(')');
        options = PlayOptions{};
        machine = *saved;
    }
    const int bars = playableBars(*machine, options->bars);
    const QString here = pagePath(groove->id, version);
    const QString query = canonicalQuery(*saved, *machine, *options);
    const QString fileBase = pagePath(groove->id, groove->version);
    const double secondsPerBar = 4.0 * 60.0 / machine->bpm;

    QJsonArray keys;
    for (int key = 0; key < 12; ++key) {
        keys.append(QJsonObject{{QStringLiteral("value"), key}, {QStringLiteral("name"), QString::fromUtf8(kKeyNames[key])},
                                {QStringLiteral("selected"), key == machine->keyNote}});
    }
    QJsonArray instruments;
    for (const auto& instrument : machine->instruments) {
        const auto program = static_cast<std::size_t>(std::max(0, instrument.activeProgram));
        instruments.append(QJsonObject{{QStringLiteral("id"), QString::fromStdString(instrument.id)},
                                       {QStringLiteral("title"), QString::fromStdString(instrument.title)},
                                       {QStringLiteral("program"), program < instrument.programs.size() ? QString::fromStdString(instrument.programs[program].title) : QString()},
                                       {QStringLiteral("on"), instrument.enabled}});
    }
    const auto [licenceName, licenceUrl] = licenceShown(groove->settings.licence);
    const QJsonObject licence{{QStringLiteral("name"), licenceName.isEmpty() ? say("g_all_rights") : licenceName}, {QStringLiteral("url"), licenceUrl}};
    QJsonArray tags;
    for (const QString& tag : groove->settings.tags) {
        tags.append(QJsonObject{{QStringLiteral("tag"), tag}});
    }
    const QString author = groove->settings.author.isEmpty() ? say("g_someone") : groove->settings.author;
    const QString pageUrl = base + pagePath(groove->id, groove->version);
    const QString versionText = say("g_version").replace(QStringLiteral("%1"), QString::number(groove->version));
    const QString summary = groove->settings.description.isEmpty()
                                ? QStringLiteral("%1 · %2 BPM · %3 · clave %4").arg(author).arg(machine->bpm).arg(QString::fromUtf8(kKeyNames[machine->keyNote]), machine->clave32 ? QStringLiteral("3-2") : QStringLiteral("2-3"))
                                : groove->settings.description.left(200);
    QJsonObject view{{QStringLiteral("lang"), lang},
                     {QStringLiteral("s"), text},
                     {QStringLiteral("css"), QString::fromStdString(web::assetPath(QStringLiteral("site.css")))},
                     {QStringLiteral("js"), QString::fromStdString(web::assetPath(QStringLiteral("groove.js")))},
                     {QStringLiteral("id"), groove->id},
                     {QStringLiteral("title"), groove->settings.title},
                     {QStringLiteral("author"), author},
                     {QStringLiteral("description"), groove->settings.description},
                     {QStringLiteral("summary"), summary},
                     {QStringLiteral("tags"), tags},
                     {QStringLiteral("licence"), licence},
                     {QStringLiteral("version_text"), versionText},
                     {QStringLiteral("older"), groove->version < groove->latestVersion},
                     {QStringLiteral("latest_url"), pagePath(groove->id)},
                     {QStringLiteral("page_url"), pageUrl},
                     {QStringLiteral("action"), here},
                     {QStringLiteral("tempo"), machine->bpm},
                     {QStringLiteral("tempo_field"), std::round(machine->bpm)},  // the field takes whole BPM (as the server does)
                     {QStringLiteral("key_name"), QString::fromUtf8(kKeyNames[machine->keyNote])},
                     {QStringLiteral("keys"), keys},
                     {QStringLiteral("clave32"), machine->clave32},
                     {QStringLiteral("clave"), machine->clave32 ? QStringLiteral("3-2") : QStringLiteral("2-3")},
                     {QStringLiteral("flavor"), QString::fromLatin1(core::beats::flavorName(machine->flavor))},
                     {QStringLiteral("instruments"), instruments},
                     {QStringLiteral("grid"), gridOf(*machine)},
                     {QStringLiteral("loop_steps"), bars * core::beats::stepsPerBar(machine->flavor)},
                     {QStringLiteral("bars"), bars},
                     {QStringLiteral("sample_rate"), kGrooveSampleRate},
                     {QStringLiteral("bars_text"), bars == 1 ? say("g_bars_one") : say("g_bars").replace(QStringLiteral("%1"), QString::number(bars))},
                     {QStringLiteral("loop_seconds"), QString::number(bars * secondsPerBar, 'g', 17)},
                     {QStringLiteral("audio_url"), fileBase + QStringLiteral("/loop.wav") + query},
                     {QStringLiteral("wav_url"), fileBase + QStringLiteral("/loop.wav") + (query.isEmpty() ? QStringLiteral("?download=1") : query + QStringLiteral("&download=1"))},
                     {QStringLiteral("play_url"), QStringLiteral("/g/") + groove->id + QStringLiteral("/play")},
                     {QStringLiteral("copies"), groove->settings.allowCopies},
                     {QStringLiteral("xml_url"), fileBase + QStringLiteral("/machine.xml")},
                     {QStringLiteral("mid_url"), fileBase + QStringLiteral("/groove.mid") + query},
                     {QStringLiteral("open_url"), QStringLiteral("bandmate://import?url=") + QString::fromLatin1(QUrl::toPercentEncoding(pageUrl))},
                     {QStringLiteral("problem"), problem}};
    if (!groove->originId.isEmpty()) {
        // Only to an original anyone may find: a public copy must not give away an unlisted
        // original's link (its id is its only protection).
        auto origin = worker.grooves->view(groove->originId, groove->originVersion);
        if (origin && origin->state == QLatin1String("shared")
            && (origin->settings.visibility == Visibility::Public || origin->accountId == groove->accountId)) {
            view.insert(QStringLiteral("origin_url"), pagePath(groove->originId, groove->originVersion));
        }
    }
    const bool embed = what == QLatin1String("embed");
    for (const auto& [name, value] : embed ? embedHeaders() : web::pageHeaders()) {
        res.setHeader(name, value);
    }
    res.setHeader("Cache-Control", "no-cache");
    res.status = 200;
    res.contentType = "text/html; charset=utf-8";
    res.body = web::render(embed ? QStringLiteral("groove-embed") : QStringLiteral("groove"), view);
    keep(req, res, groove->id, generation);
}

}  // namespace bandmate::sync
