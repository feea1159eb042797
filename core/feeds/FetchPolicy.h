#pragma once

#include <QDateTime>
#include <QString>

#include <chrono>

namespace bandmate::core::feeds {

/// Fetching politely (issue 22): how often, how long to back off, how many at once.
namespace policy {
inline constexpr std::chrono::minutes kDefaultInterval{60};  ///< when the feed says nothing
inline constexpr std::chrono::minutes kShortestInterval{15}; ///< unless the musician refreshes by hand
inline constexpr std::chrono::hours kLongestWait{24};        ///< the longest interval and back-off
inline constexpr int kPerHost = 2;                           ///< requests to one host at once
inline constexpr int kTotal = 16;                            ///< requests at once in all
inline constexpr std::chrono::milliseconds kHostGap{250};    ///< between two requests to one host
inline constexpr qint64 kMaxBytes = 15 * 1024 * 1024;        ///< a feed larger than this is cut off
inline constexpr std::chrono::seconds kTimeout{20};          ///< for the whole answer
inline constexpr int kMaxRedirects = 5;
}  // namespace policy

/// This computer's fetching of one feed (table feed_fetch).
struct FetchState {
    QString etag;
    QString lastModified;
    QDateTime checkedAt;  ///< the last answer; invalid = never
    QDateTime nextAt;     ///< due again; invalid = now
    int failures = 0;     ///< in a row
    QString error;        ///< the last one in plain words; empty = none
    QString movedTo;      ///< a permanent redirect seen once
    QString notice;       ///< something the musician should know ("moved to ...")
    bool gone = false;    ///< the server said 410: not fetched again
};

/// What one fetch of a feed got.
struct Answer {
    int status = 0;          ///< the final HTTP status; 0 = no answer (see failure)
    QString failure;         ///< why there is no usable answer: "timed out after 20 s", "larger than 15 MB", ...
    QString etag;
    QString lastModified;
    QString cacheControl;
    QString expires;
    QString retryAfter;
    QString permanentTo;     ///< when every redirect on the way was 301/308: where it ended
    bool temporaryRedirect = false;  ///< a 302/303/307 on the way: the answer is not the feed's own address's
    QString parseError;      ///< a 200 whose body is not a feed (e.g. a captive portal's page)
    int ttlMinutes = 0;      ///< the feed's <ttl>
    QString newFeedUrl;      ///< itunes:new-feed-url
};

/// What to do after an answer.
struct Decision {
    FetchState state;        ///< the feed's fetch state from now on
    bool storeItems = false; ///< a feed came: read its items in
    QString newUrl;          ///< the feed's address changes to this; empty = it stays
    QDateTime hostRetryAt;   ///< the whole host waits until then (429/503); invalid = no wait
};

/// The rules of issue 22 applied to `answer` for the feed at `url` (see FetchPolicy.cpp).
/// `now` is the time of the answer.
[[nodiscard]] Decision decide(const FetchState& before, const QString& url, const Answer& answer, const QDateTime& now);

/// When the feed should be checked next after a good answer: Cache-Control max-age, else
/// Expires, else the feed's TTL, else every 60 minutes; never sooner than 15 minutes or later
/// than 24 hours.
[[nodiscard]] QDateTime nextCheck(const Answer& answer, const QDateTime& now);

/// The wait after `failures` failures in a row: 15 minutes, doubling, at most 24 hours.
[[nodiscard]] std::chrono::seconds backoff(int failures);

/// A Retry-After value (delay seconds or an HTTP date) as a time, at most 24 hours ahead (a
/// server's "never" must not stop a host for good); invalid when unreadable or not ahead.
[[nodiscard]] QDateTime retryAfter(const QString& value, const QDateTime& now);

/// The server of an http(s) URL, what the per-host rules count: its host name, with ":port"
/// only for a port other than http's 80 and https's 443 (so http and https of one site are one).
[[nodiscard]] QString hostKey(const QString& url);

}  // namespace bandmate::core::feeds
