#include "sync/feeds/FeedRefresh.h"

#include "core/feeds/FeedItemRepository.h"
#include "core/feeds/FeedParser.h"
#include "core/feeds/FeedRepository.h"

#include <QEventLoop>
#include <QHash>
#include <QTimer>
#include <QUrl>

namespace bandmate::sync {

namespace feeds = core::feeds;

FeedRefresh::FeedRefresh(core::Database& db, const FeedFetcher::Limits& limits, QObject* parent)
    : QObject(parent), m_db(db), m_fetcher(limits, this)
{
}

void FeedRefresh::start(bool manual, const QStringList& onlyFeedIds)
{
    if (m_running) {
        return;
    }
    m_running = true;
    m_report = {};
    m_answered = 0;
    m_total = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    feeds::FeedRepository repository(m_db);
    if (auto dropped = feeds::FeedItemRepository(m_db).dropRemovedFeeds(); !dropped) {
        m_report.errors.append({{}, {}, QString::fromStdString(dropped.error().toString())});
    }
    auto due = repository.due(now, manual, onlyFeedIds);
    auto all = repository.feeds();
    auto waits = repository.hostWaits(now);
    if (!due || !all || !waits) {
        const core::Error& error = !due ? due.error() : !all ? all.error() : waits.error();
        m_report.errors.append({{}, {}, QString::fromStdString(error.toString())});
        QTimer::singleShot(0, this, [this] { done(); });
        return;
    }
    QHash<QString, QString> names;
    for (const feeds::Subscription& feed : std::as_const(*all)) {
        names.insert(feed.id, feed.displayName());
    }
    for (auto it = waits->cbegin(); it != waits->cend(); ++it) {
        m_fetcher.holdHost(it.key(), it.value());
    }
    for (const feeds::DueFeed& feed : std::as_const(*due)) {
        ++m_total;
        const QString name = names.value(feed.id, feed.url);
        m_fetcher.fetch({feed.url, feed.fetch.etag, feed.fetch.lastModified},
                        [this, id = feed.id, name, url = feed.url, state = feed.fetch](const FetchResult& result) {
                            process(id, name, url, state, result, m_report);
                            ++m_answered;
                            Q_EMIT progress(m_answered, m_total);
                            if (m_answered == m_total) {
                                done();
                            }
                        });
    }
    if (m_total == 0) {
        QTimer::singleShot(0, this, [this] { done(); });
    }
}

void FeedRefresh::process(const QString& id, const QString& name, const QString& url, const feeds::FetchState& state, const FetchResult& result,
                          RefreshReport& report)
{
    if (result.held) {
        ++report.waiting;
        return;
    }
    if (result.cancelled) {
        report.cancelled = true;
        return;
    }
    ++report.feeds;
    const QDateTime at = QDateTime::currentDateTimeUtc();
    feeds::Answer answer = result.answer;
    feeds::Feed parsed;
    if (answer.status == 200) {
        auto document = feeds::parseFeed(result.body, QUrl(result.finalUrl.isEmpty() ? url : result.finalUrl));
        ++report.parsed;
        if (document) {
            parsed = std::move(*document);
            answer.ttlMinutes = parsed.ttlMinutes;
            answer.newFeedUrl = parsed.newFeedUrl;
        } else {
            answer.parseError = QString::fromStdString(document.error().toString());
        }
    }
    if (answer.status == 304) {
        ++report.notModified;
    }
    feeds::FeedRepository feedRepository(m_db);
    feeds::Decision decision = feeds::decide(state, url, answer, at);
    if (!decision.newUrl.isEmpty()) {
        // Moving onto an address another followed feed has already would make two of one feed.
        auto taken = feedRepository.findByUrl(decision.newUrl, id);
        if (taken && !taken->isEmpty()) {
            decision.state.notice = QStringLiteral("the feed moved to %1, which you follow already; remove one of the two").arg(decision.newUrl);
            decision.newUrl.clear();
        }
    }
    QStringList problems;
    if (decision.storeItems) {
        auto stored = feeds::FeedItemRepository(m_db).store(id, parsed, at);
        if (stored) {
            report.newItems += stored->newItems;
        } else if (stored.error().code == core::ErrorCode::NotFound) {
            return;  // removed while it was being fetched: nothing of it is kept
        } else {
            // Its items could not be written: the fetch counts as failed, and the validators stay
            // as they were, so the next round reads the document again instead of a 304.
            feeds::Answer failedAnswer;
            failedAnswer.failure = QStringLiteral("its items could not be saved: ") + QString::fromStdString(stored.error().toString());
            decision = feeds::decide(state, url, failedAnswer, at);
        }
    }
    if (decision.storeItems) {
        if (auto noted = feedRepository.noteFeedDetails(id, parsed.title, parsed.link); !noted && noted.error().code != core::ErrorCode::NotFound) {
            problems.append(QString::fromStdString(noted.error().toString()));
        }
    }
    if (auto recorded = feedRepository.recordFetch(id, decision); !recorded) {
        problems.append(QString::fromStdString(recorded.error().toString()));
    }
    if (decision.hostRetryAt.isValid()) {
        // The host that asked: the one that answered, at the end of any redirects.
        const QString host = feeds::hostKey(result.finalUrl.isEmpty() ? url : result.finalUrl);
        m_fetcher.holdHost(host, decision.hostRetryAt);
        if (auto noted = feedRepository.setHostWait(host, decision.hostRetryAt); !noted) {
            problems.append(QString::fromStdString(noted.error().toString()));
        }
    }
    if (!decision.state.error.isEmpty()) {
        problems.prepend(decision.state.error);
    }
    for (const QString& problem : std::as_const(problems)) {
        report.errors.append({id, name, problem});
    }
    if (!decision.state.notice.isEmpty()) {
        report.notices.append(name + QStringLiteral(": ") + decision.state.notice);
    }
}

void FeedRefresh::done()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    Q_EMIT finished(m_report);
}

RefreshReport FeedRefresh::run(bool manual, const QStringList& onlyFeedIds)
{
    QEventLoop loop;
    RefreshReport report;
    const QMetaObject::Connection connection = connect(this, &FeedRefresh::finished, &loop, [&](const RefreshReport& finished) {
        report = finished;
        loop.quit();
    });
    start(manual, onlyFeedIds);
    if (m_running) {
        loop.exec();
    }
    disconnect(connection);
    return report;
}

void FeedRefresh::cancel()
{
    m_fetcher.cancelAll();
}

core::Result<DiscoveredFeed> FeedRefresh::discover(const QString& url)
{
    const QString address = feeds::httpUrl({}, url.trimmed());
    if (address.isEmpty()) {
        return core::fail(core::ErrorCode::InvalidArgument, "a feed's address must be an http or https URL, not \"" + url.left(120).toStdString() + "\"", "url");
    }
    if (auto waits = feeds::FeedRepository(m_db).hostWaits(QDateTime::currentDateTimeUtc()); waits) {
        for (auto it = waits->cbegin(); it != waits->cend(); ++it) {
            m_fetcher.holdHost(it.key(), it.value());
        }
    }
    const auto fetchNow = [this](const QString& target) {
        QEventLoop loop;
        FetchResult result;
        m_fetcher.fetch({target, {}, {}}, [&](const FetchResult& answered) {
            result = answered;
            loop.quit();
        });
        loop.exec();
        return result;
    };
    const auto unusable = [](const QString& target, const FetchResult& result) -> std::optional<core::Error> {
        if (result.answer.status == 200) {
            return std::nullopt;
        }
        if (result.held) {
            return core::Error{core::ErrorCode::Io,
                               "its server asked to be left alone until " + result.heldUntil.toLocalTime().toString(QStringLiteral("ddd HH:mm")).toStdString() +
                                   "; try again then",
                               target.toStdString()};
        }
        const QString why = result.answer.status == 0 ? result.answer.failure
                                                      : feeds::decide({}, target, result.answer, QDateTime::currentDateTimeUtc()).state.error;
        return core::Error{core::ErrorCode::Io, why.toStdString(), target.toStdString()};
    };
    FetchResult first = fetchNow(address);
    if (auto problem = unusable(address, first)) {
        return std::unexpected(*problem);
    }
    const QUrl base(first.finalUrl.isEmpty() ? address : first.finalUrl);
    auto document = feeds::parseFeed(first.body, base);
    if (document) {
        const QString at = first.answer.permanentTo.isEmpty() ? address : first.answer.permanentTo;
        m_lastFetch = first;
        m_lastFetch.url = at;
        return DiscoveredFeed{at, document->title, document->link};
    }
    const QList<QUrl> announced = feeds::discoverFeeds(first.body, base);
    if (announced.isEmpty()) {
        // A web page that names no feed, or a feed that does not read (then where it breaks).
        const bool page = document.error().message.rfind("an HTML page", 0) == 0;
        return core::fail(core::ErrorCode::InvalidInput,
                          page ? std::string("no feed here: a web page that names no feed (no <link rel=\"alternate\"> to RSS, Atom or JSON Feed)")
                               : "the feed does not read: " + document.error().toString(),
                          address.toStdString());
    }
    const QString candidate = announced.first().toString();
    FetchResult second = fetchNow(candidate);
    if (auto problem = unusable(candidate, second)) {
        return std::unexpected(*problem);
    }
    auto announcedDocument = feeds::parseFeed(second.body, QUrl(second.finalUrl.isEmpty() ? candidate : second.finalUrl));
    if (!announcedDocument) {
        return core::fail(core::ErrorCode::InvalidInput, "the page names a feed that does not read: " + announcedDocument.error().toString(),
                          candidate.toStdString());
    }
    m_lastFetch = second;
    m_lastFetch.url = second.answer.permanentTo.isEmpty() ? candidate : second.answer.permanentTo;
    return DiscoveredFeed{m_lastFetch.url, announcedDocument->title, announcedDocument->link.isEmpty() ? address : announcedDocument->link};
}

core::Result<FollowedFeed> FeedRefresh::follow(const QString& url, const QString& folderId, const QString& name)
{
    auto found = discover(url);
    if (!found) {
        return std::unexpected(found.error());
    }
    feeds::FeedRepository repository(m_db);
    auto id = repository.subscribe(found->url, folderId, found->title);
    if (!id) {
        return std::unexpected(id.error());
    }
    if (!name.trimmed().isEmpty()) {
        if (auto renamed = repository.rename(*id, name); !renamed) {
            return std::unexpected(renamed.error());
        }
    }
    // The document discover() fetched is read in as a round's answer would be: no second request.
    FollowedFeed followed{*id, {}};
    process(*id, found->title.isEmpty() ? found->url : found->title, found->url, {}, m_lastFetch, followed.report);
    m_lastFetch = {};
    return followed;
}

}  // namespace bandmate::sync
