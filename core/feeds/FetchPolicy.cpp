#include "core/feeds/FetchPolicy.h"

#include "core/feeds/FeedParser.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace bandmate::core::feeds {

namespace {

QDateTime clampedWait(const QDateTime& now, std::chrono::seconds wait)
{
    const std::chrono::seconds shortest = policy::kShortestInterval;
    const std::chrono::seconds longest = policy::kLongestWait;
    return now.addSecs(std::clamp(wait, shortest, longest).count());
}

/// The answer's status in plain words, for the feed's error line.
QString statusInWords(int status)
{
    const QString code = QString::number(status);
    switch (status) {
    case 404:
        return QStringLiteral("the server has no feed at this address (404)");
    case 401:
    case 403:
        return QStringLiteral("the server refuses access to this feed (%1)").arg(code);
    case 429:
        return QStringLiteral("the server asks to be asked less often (429)");
    case 503:
        return QStringLiteral("the server is busy or down for maintenance (503)");
    case 410:
        return QStringLiteral("the address the server sent the feed to is gone (410)");
    default:
        break;
    }
    if (status >= 500) {
        return QStringLiteral("the server had a problem (%1)").arg(code);
    }
    if (status >= 300 && status < 400) {
        return QStringLiteral("the server sent a redirect without a usable address (%1)").arg(code);
    }
    return QStringLiteral("the server refused the request (%1)").arg(code);
}

/// A failed fetch: one more failure, the error, the next try after the back-off.
void failed(Decision& decision, const QString& error, const QDateTime& now)
{
    ++decision.state.failures;
    decision.state.error = error;
    decision.state.nextAt = now.addSecs(backoff(decision.state.failures).count());
}

}  // namespace

std::chrono::seconds backoff(int failures)
{
    const std::chrono::seconds first = policy::kShortestInterval;
    const std::chrono::seconds longest = policy::kLongestWait;
    std::chrono::seconds wait = first;
    for (int i = 1; i < failures && wait < longest; ++i) {
        wait *= 2;
    }
    return std::min(wait, longest);
}

QDateTime retryAfter(const QString& value, const QDateTime& now)
{
    const QString text = value.trimmed();
    if (text.isEmpty()) {
        return {};
    }
    const qint64 longest = std::chrono::seconds(policy::kLongestWait).count();
    bool isNumber = false;
    const qlonglong seconds = text.toLongLong(&isNumber);
    if (isNumber) {
        return seconds <= 0 ? QDateTime() : now.addSecs(std::min<qlonglong>(seconds, longest));
    }
    const QDateTime date = parseFeedDate(text);
    if (!date.isValid() || date <= now) {
        return {};
    }
    return std::min(date, now.addSecs(longest));
}

QDateTime nextCheck(const Answer& answer, const QDateTime& now)
{
    static const QRegularExpression maxAge(QStringLiteral(R"((?:^|[,\s])max-age\s*=\s*"?(\d+))"), QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch match = maxAge.match(answer.cacheControl); match.hasMatch()) {
        return clampedWait(now, std::chrono::seconds(match.captured(1).toLongLong()));
    }
    if (const QDateTime expires = parseFeedDate(answer.expires); expires.isValid()) {
        return clampedWait(now, std::chrono::seconds(now.secsTo(expires)));
    }
    if (answer.ttlMinutes > 0) {
        return clampedWait(now, std::chrono::minutes(answer.ttlMinutes));
    }
    return clampedWait(now, policy::kDefaultInterval);
}

QString hostKey(const QString& url)
{
    // http and https on their usual ports are one server: it is counted (and waited for) once.
    const QUrl parsed(url);
    const int port = parsed.port(-1);
    const bool usual = port == -1 || (port == 80 && parsed.scheme() == QLatin1String("http")) || (port == 443 && parsed.scheme() == QLatin1String("https"));
    return usual ? parsed.host().toLower() : parsed.host().toLower() + QLatin1Char(':') + QString::number(port);
}

Decision decide(const FetchState& before, const QString& url, const Answer& answer, const QDateTime& now)
{
    Decision decision;
    decision.state = before;
    decision.state.checkedAt = now;
    decision.state.notice.clear();

    if (answer.status == 0) {
        failed(decision, answer.failure.isEmpty() ? QStringLiteral("no answer from the server") : answer.failure, now);
        return decision;
    }
    if (answer.status == 410 && !answer.temporaryRedirect) {
        decision.state.gone = true;
        decision.state.error = QStringLiteral("the server says this feed is gone for good (410); it is no longer checked");
        decision.state.notice = decision.state.error;
        decision.state.nextAt = {};
        return decision;
    }
    if (answer.status == 429 || answer.status == 503) {
        QDateTime until = retryAfter(answer.retryAfter, now);
        if (!until.isValid() || until <= now) {
            until = now.addSecs(backoff(before.failures + 1).count());
        }
        ++decision.state.failures;
        decision.state.error = statusInWords(answer.status);
        decision.state.nextAt = until;
        decision.hostRetryAt = until;
        return decision;
    }
    if (answer.status != 200 && answer.status != 304) {
        // (A 410 reached through a temporary redirect is the redirect's target gone, not the feed.)
        failed(decision, statusInWords(answer.status), now);
        return decision;
    }
    if (answer.status == 200 && !answer.parseError.isEmpty()) {
        // Not a feed (a captive portal's login page, an error page served as 200): nothing of
        // the feed changes, not its address, not its items, not its validators.
        failed(decision, QStringLiteral("the answer is not a feed: ") + answer.parseError, now);
        return decision;
    }

    decision.state.failures = 0;
    decision.state.error.clear();
    decision.state.gone = false;  // asked by hand and back
    decision.state.nextAt = nextCheck(answer, now);
    if (!answer.etag.isEmpty() || answer.status == 200) {
        decision.state.etag = answer.etag;
    }
    if (!answer.lastModified.isEmpty() || answer.status == 200) {
        decision.state.lastModified = answer.lastModified;
    }
    decision.storeItems = answer.status == 200;

    // A permanent move counts once two answers in a row agree on where to; a temporary one, or
    // none, forgets the first.
    if (!answer.permanentTo.isEmpty() && answer.permanentTo != url) {
        if (before.movedTo == answer.permanentTo) {
            decision.newUrl = answer.permanentTo;
            decision.state.movedTo.clear();
            decision.state.notice = QStringLiteral("the feed moved for good to %1; its address was changed").arg(answer.permanentTo);
        } else {
            decision.state.movedTo = answer.permanentTo;
        }
    } else {
        decision.state.movedTo.clear();
    }
    const QString newFeedUrl = httpUrl(QUrl(url), answer.newFeedUrl);
    if (answer.status == 200 && !newFeedUrl.isEmpty() && newFeedUrl != url && newFeedUrl != decision.newUrl) {
        decision.newUrl = newFeedUrl;
        decision.state.movedTo.clear();
        decision.state.notice = QStringLiteral("the podcast says it moved to %1; its address was changed").arg(newFeedUrl);
    }
    if (!decision.newUrl.isEmpty()) {
        // The validators belong to the old address.
        decision.state.etag.clear();
        decision.state.lastModified.clear();
    }
    return decision;
}

}  // namespace bandmate::core::feeds
