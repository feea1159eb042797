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
    auto due = repository.due(now, manual);
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
        if (!onlyFeedIds.isEmpty() && !onlyFeedIds.contains(feed.id)) {
            continue;
        }
        ++m_total;
        const QString name = names.value(feed.id, feed.url);
        m_fetcher.fetch({feed.url, feed.fetch.etag, feed.fetch.lastModified},
                        [this, id = feed.id, name, url = feed.url, state = feed.fetch](const FetchResult& result) {
                            if (!result.cancelled && !result.held) {
                                ++m_report.feeds;
                                const QDateTime at = QDateTime::currentDateTimeUtc();
                                feeds::Answer answer = result.answer;
                                feeds::Feed parsed;
                                if (answer.status == 200) {
                                    auto document = feeds::parseFeed(result.body, QUrl(result.finalUrl.isEmpty() ? url : result.finalUrl));
                                    ++m_report.parsed;
                                    if (document) {
                                        parsed = std::move(*document);
                                        answer.ttlMinutes = parsed.ttlMinutes;
                                        answer.newFeedUrl = parsed.newFeedUrl;
                                    } else {
                                        answer.parseError = QString::fromStdString(document.error().toString());
                                    }
                                }
                                if (answer.status == 304) {
                                    ++m_report.notModified;
                                }
                                const feeds::Decision decision = feeds::decide(state, url, answer, at);
                                QStringList problems;
                                if (decision.storeItems) {
                                    if (auto stored = feeds::FeedItemRepository(m_db).store(id, parsed, at); stored) {
                                        m_report.newItems += stored->newItems;
                                    } else {
                                        problems.append(QString::fromStdString(stored.error().toString()));
                                    }
                                    if (auto noted = feeds::FeedRepository(m_db).noteFeedDetails(id, parsed.title, parsed.link); !noted) {
                                        problems.append(QString::fromStdString(noted.error().toString()));
                                    }
                                }
                                if (auto recorded = feeds::FeedRepository(m_db).recordFetch(id, decision); !recorded) {
                                    problems.append(QString::fromStdString(recorded.error().toString()));
                                }
                                if (decision.hostRetryAt.isValid()) {
                                    const QString host = feeds::hostKey(url);
                                    m_fetcher.holdHost(host, decision.hostRetryAt);
                                    if (auto noted = feeds::FeedRepository(m_db).setHostWait(host, decision.hostRetryAt); !noted) {
                                        problems.append(QString::fromStdString(noted.error().toString()));
                                    }
                                }
                                if (!decision.state.error.isEmpty()) {
                                    problems.prepend(decision.state.error);
                                }
                                for (const QString& problem : std::as_const(problems)) {
                                    m_report.errors.append({id, name, problem});
                                }
                                if (!decision.state.notice.isEmpty()) {
                                    m_report.notices.append(name + QStringLiteral(": ") + decision.state.notice);
                                }
                            } else if (result.held) {
                                ++m_report.waiting;
                            } else {
                                m_report.cancelled = true;
                            }
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
        return DiscoveredFeed{at, document->title, document->link};
    }
    const QList<QUrl> announced = feeds::discoverFeeds(first.body, base);
    if (announced.isEmpty()) {
        return core::fail(core::ErrorCode::InvalidInput, "no feed here: " + document.error().toString() + ", and the page names no feed", address.toStdString());
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
    return DiscoveredFeed{candidate, announcedDocument->title, announcedDocument->link.isEmpty() ? address : announcedDocument->link};
}

}  // namespace bandmate::sync
