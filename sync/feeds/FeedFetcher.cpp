#include "sync/feeds/FeedFetcher.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <vector>

namespace bandmate::sync {

namespace feeds = core::feeds;

struct FeedFetcher::Job {
    FetchRequest request;
    Done done;
    FetchResult result;
    QUrl url;                 ///< the hop being fetched
    QString host;             ///< its hostKey, whose slot it holds while running
    int hops = 0;
    bool permanent = true;    ///< every redirect so far was 301/308
    qint64 deadline = -1;     ///< on the fetcher's steady clock, for the whole answer, redirects included
    int generation = 0;
    QPointer<QNetworkReply> reply;
    /// Why a reply ended early: HeadersOnly is an answer whose body nobody needs (a 404's page).
    enum class Stop { None, Timeout, TooLarge, Cancelled, HeadersOnly } stop = Stop::None;
    bool finished = false;
};

namespace {

QString header(const QNetworkReply& reply, const char* name)
{
    return QString::fromLatin1(reply.rawHeader(name)).trimmed();
}

}  // namespace

QString feedUserAgent()
{
    return QStringLiteral("Bandmate/%1 (feed reader; +https://bandmate.app)").arg(QCoreApplication::applicationVersion());
}

QString failureInWords(const QNetworkReply& reply)
{
    switch (reply.error()) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("the server refused the connection");
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("the server closed the connection before answering");
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("the server's name (%1) was not found").arg(reply.url().host());
    case QNetworkReply::TimeoutError:
        return QStringLiteral("the connection timed out");
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("the server's secure connection failed (%1)").arg(reply.errorString());
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return QStringLiteral("the network is not available");
    default:
        return reply.errorString();
    }
}

FeedFetcher::FeedFetcher(QObject* parent) : FeedFetcher(Limits{}, parent) {}

FeedFetcher::FeedFetcher(const Limits& limits, QObject* parent)
    : QObject(parent), m_limits(limits), m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_clock.start();
}

FeedFetcher::~FeedFetcher()
{
    // Callbacks must not run into a half-destroyed owner: drop them, then stop the requests.
    for (const auto& job : m_queue) {
        job->done = {};
    }
    m_queue.clear();
    const QList<QNetworkReply*> replies = m_network->findChildren<QNetworkReply*>();
    for (QNetworkReply* reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

void FeedFetcher::fetch(const FetchRequest& request, Done done)
{
    auto job = std::make_shared<Job>();
    job->request = request;
    job->done = std::move(done);
    job->url = QUrl(request.url);
    job->result.url = request.url;
    m_queue.push_back(job);
    schedulePump(std::chrono::milliseconds(0));
}

void FeedFetcher::holdHost(const QString& hostKey, const QDateTime& until)
{
    m_holds.insert(hostKey, until);
    schedulePump(std::chrono::milliseconds(0));
}

void FeedFetcher::cancelAll()
{
    ++m_generation;  // a hop waiting for its host's gap ends as cancelled when it wakes
    std::deque<std::shared_ptr<Job>> queued;
    queued.swap(m_queue);
    for (const auto& job : queued) {
        job->result.cancelled = true;
        job->result.answer.failure = QStringLiteral("cancelled");
        finish(job);
    }
    const QList<QNetworkReply*> replies = m_network->findChildren<QNetworkReply*>();
    for (QNetworkReply* reply : replies) {
        reply->setProperty("bandmateCancelled", true);
        reply->abort();
    }
}

void FeedFetcher::schedulePump(std::chrono::milliseconds after)
{
    if (m_pumpScheduled && after.count() == 0) {
        return;
    }
    m_pumpScheduled = after.count() == 0 ? true : m_pumpScheduled;
    QTimer::singleShot(after, this, [this, after] {
        if (after.count() == 0) {
            m_pumpScheduled = false;
        }
        pump();
    });
}

void FeedFetcher::pump()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 clock = m_clock.elapsed();
    std::chrono::milliseconds soonest = std::chrono::milliseconds::max();
    std::vector<std::shared_ptr<Job>> held;  // answered after the loop: a callback may queue more
    for (auto it = m_queue.begin(); it != m_queue.end() && m_running < m_limits.total;) {
        const std::shared_ptr<Job> job = *it;
        const QString host = feeds::hostKey(job->url.toString());
        if (const QDateTime until = m_holds.value(host); until.isValid() && until > now) {
            it = m_queue.erase(it);
            job->result.held = true;
            job->result.heldUntil = until;
            held.push_back(job);
            continue;
        }
        if (m_active.value(host) >= m_limits.perHost) {
            ++it;
            continue;
        }
        if (const auto last = m_lastStart.constFind(host); last != m_lastStart.constEnd()) {
            const qint64 wait = m_limits.hostGap.count() - (clock - *last);
            if (wait > 0) {
                soonest = std::min(soonest, std::chrono::milliseconds(wait));
                ++it;
                continue;
            }
        }
        it = m_queue.erase(it);
        job->host = host;
        m_active[host] += 1;
        m_lastStart.insert(host, clock);
        ++m_running;
        start(job);
    }
    if (!m_queue.empty() && soonest != std::chrono::milliseconds::max()) {
        QTimer::singleShot(soonest, this, [this] { pump(); });
    }
    const QPointer<FeedFetcher> alive(this);
    for (const auto& job : held) {
        if (!alive) {
            return;  // a callback deleted the fetcher
        }
        finish(job);
    }
}

void FeedFetcher::start(std::shared_ptr<Job> job)
{
    if (job->deadline < 0) {
        job->deadline = m_clock.elapsed() + m_limits.timeout.count();
        job->generation = m_generation;
    }
    send(job, job->url);
}

void FeedFetcher::send(const std::shared_ptr<Job>& job, const QUrl& url)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, feedUserAgent());
    request.setRawHeader("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
                                   "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
    // On every hop: a feed that still answers through a redirect (one not yet taken as its
    // address) is checked conditionally too.
    if (!job->request.etag.isEmpty()) {
        request.setRawHeader("If-None-Match", job->request.etag.toLatin1());
    }
    if (!job->request.lastModified.isEmpty()) {
        request.setRawHeader("If-Modified-Since", job->request.lastModified.toLatin1());
    }
    QNetworkReply* reply = m_network->get(request);
    job->reply = reply;
    const qint64 left = std::max<qint64>(1, job->deadline - m_clock.elapsed());
    QTimer::singleShot(left, reply, [job, reply] {
        if (job->stop != Job::Stop::HeadersOnly) {
            job->stop = Job::Stop::Timeout;
        }
        reply->abort();
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, job, reply] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            if (reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > m_limits.maxBytes) {
                job->stop = Job::Stop::TooLarge;
                reply->abort();
            }
            return;
        }
        const bool redirect = (status >= 301 && status <= 303) || status == 307 || status == 308;
        if (status != 0 && status != 304 && !redirect) {
            // An error's page is not kept (it could be as large as it likes; the timeout ends
            // an endless one): its status and headers are the answer.
            feeds::Answer& answer = job->result.answer;
            answer.status = status;
            answer.retryAfter = header(*reply, "Retry-After");
            job->result.finalUrl = reply->url().toString();
            job->stop = Job::Stop::HeadersOnly;
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, job, reply] {
        if (job->stop == Job::Stop::HeadersOnly) {
            reply->skip(reply->bytesAvailable());
            return;
        }
        if (job->stop != Job::Stop::None) {
            return;
        }
        // Streamed: at most one byte past the limit is ever held.
        const qint64 room = m_limits.maxBytes + 1 - job->result.body.size();
        job->result.body.append(reply->read(std::max<qint64>(room, 0)));
        if (job->result.body.size() > m_limits.maxBytes) {
            job->stop = Job::Stop::TooLarge;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, job, reply] {
        reply->deleteLater();
        if (reply->property("bandmateCancelled").toBool()) {
            job->stop = Job::Stop::Cancelled;
        }
        feeds::Answer& answer = job->result.answer;
        switch (job->stop) {
        case Job::Stop::Timeout:
            answer.failure = QStringLiteral("no complete answer within %1 s").arg(m_limits.timeout.count() / 1000.0);
            break;
        case Job::Stop::TooLarge:
            answer.failure = QStringLiteral("the feed is larger than %1 MB; it was not read").arg(m_limits.maxBytes / (1024.0 * 1024.0));
            break;
        case Job::Stop::Cancelled:
            job->result.cancelled = true;
            answer.failure = QStringLiteral("cancelled");
            break;
        case Job::Stop::HeadersOnly:
            job->result.body.clear();
            answer.temporaryRedirect = job->hops > 0 && !job->permanent;
            finish(job);
            return;
        case Job::Stop::None:
            break;
        }
        if (job->stop != Job::Stop::None) {
            job->result.body.clear();
            finish(job);
            return;
        }
        const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!statusAttribute.isValid()) {
            answer.failure = failureInWords(*reply);
            job->result.body.clear();
            finish(job);
            return;
        }
        const int status = statusAttribute.toInt();
        job->result.finalUrl = reply->url().toString();
        const QByteArray location = reply->rawHeader("Location");
        if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308) && !location.isEmpty()) {
            const QUrl next = reply->url().resolved(QUrl::fromEncoded(location.trimmed()));
            if (next.scheme() != QLatin1String("http") && next.scheme() != QLatin1String("https")) {
                answer.failure = QStringLiteral("the server redirected to an address that is not http or https");
                finish(job);
                return;
            }
            if (++job->hops > feeds::policy::kMaxRedirects) {
                answer.failure = QStringLiteral("more than %1 redirects").arg(feeds::policy::kMaxRedirects);
                finish(job);
                return;
            }
            job->permanent = job->permanent && (status == 301 || status == 308);
            job->result.body.clear();
            job->url = next;
            const QString nextHost = feeds::hostKey(next.toString());
            if (nextHost == job->host) {
                sendAfterGap(job, next);
                return;
            }
            // Another host: give this one's slot back and wait for a slot there.
            m_active[job->host] -= 1;
            --m_running;
            job->host.clear();
            m_queue.push_front(job);
            schedulePump(std::chrono::milliseconds(0));
            return;
        }
        answer.status = status;
        answer.etag = header(*reply, "ETag");
        answer.lastModified = header(*reply, "Last-Modified");
        answer.cacheControl = header(*reply, "Cache-Control");
        answer.expires = header(*reply, "Expires");
        answer.retryAfter = header(*reply, "Retry-After");
        if (job->hops > 0 && job->permanent) {
            answer.permanentTo = job->url.toString();
        }
        answer.temporaryRedirect = job->hops > 0 && !job->permanent;
        if (status == 200 && reply->error() != QNetworkReply::NoError) {
            // Headers came, the whole body did not (the connection dropped, a broken gzip stream):
            // a failed transfer, not a feed that does not read.
            answer = {};
            answer.failure = reply->error() == QNetworkReply::RemoteHostClosedError
                                 ? QStringLiteral("the server closed the connection before the feed was complete")
                                 : QStringLiteral("the feed did not arrive whole (%1)").arg(failureInWords(*reply));
            job->result.body.clear();
            finish(job);
            return;
        }
        if (status == 200) {
            const qint64 room = m_limits.maxBytes + 1 - job->result.body.size();
            job->result.body.append(reply->read(std::max<qint64>(room, 0)));
            if (job->result.body.size() > m_limits.maxBytes) {
                answer = {};
                answer.failure = QStringLiteral("the feed is larger than %1 MB; it was not read").arg(m_limits.maxBytes / (1024.0 * 1024.0));
                job->result.body.clear();
            }
        } else {
            job->result.body.clear();
        }
        finish(job);
    });
}

void FeedFetcher::finish(const std::shared_ptr<Job>& job)
{
    if (job->finished) {
        return;
    }
    job->finished = true;
    if (!job->host.isEmpty()) {
        m_active[job->host] -= 1;
        --m_running;
        job->host.clear();
    }
    schedulePump(std::chrono::milliseconds(0));  // first: the callback may delete this fetcher
    if (job->done) {
        const Done done = std::move(job->done);
        done(job->result);
    }
}

void FeedFetcher::sendAfterGap(const std::shared_ptr<Job>& job, const QUrl& url)
{
    const qint64 clock = m_clock.elapsed();
    const qint64 wait = m_limits.hostGap.count() - (clock - m_lastStart.value(job->host, clock - m_limits.hostGap.count()));
    const auto go = [this, job, url] {
        if (job->generation != m_generation) {
            job->result.cancelled = true;
            job->result.answer.failure = QStringLiteral("cancelled");
            finish(job);
            return;
        }
        m_lastStart.insert(job->host, m_clock.elapsed());
        send(job, url);
    };
    if (wait > 0) {
        QTimer::singleShot(std::chrono::milliseconds(wait), this, go);
    } else {
        go();
    }
}

}  // namespace bandmate::sync
