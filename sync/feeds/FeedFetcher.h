#pragma once

#include "core/feeds/FetchPolicy.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>
#include <deque>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace bandmate::sync {

/// How Bandmate names itself to the servers of feeds (their pages, documents and songs).
[[nodiscard]] QString feedUserAgent();

/// A network failure of `reply` in plain words ("the server refused the connection").
[[nodiscard]] QString failureInWords(const QNetworkReply& reply);

/// One feed to fetch, with the validators of its last answer.
struct FetchRequest {
    QString url;
    QString etag;
    QString lastModified;
};

/// What a fetch got: the answer for the fetch policy, and the body of a 200.
struct FetchResult {
    QString url;             ///< as asked
    QString finalUrl;        ///< after redirects
    core::feeds::Answer answer;
    QByteArray body;         ///< a 200's, at most policy::kMaxBytes
    bool held = false;       ///< not asked: its host asked to wait until heldUntil
    QDateTime heldUntil;
    bool cancelled = false;  ///< not finished: cancelAll()
};

/// Fetches feeds over HTTP politely (issue 22): conditional GET, gzip, redirects followed by
/// hand (so a permanent move is told from a temporary one), at most kPerHost requests to one host
/// and kTotal in all, a gap between two requests to one host, a 20 s limit for the whole answer
/// and 15 MB for its body. Lives on one thread (its own QNetworkAccessManager); the callbacks run
/// on it.
class FeedFetcher : public QObject {
    Q_OBJECT
public:
    struct Limits {
        int perHost = core::feeds::policy::kPerHost;
        int total = core::feeds::policy::kTotal;
        std::chrono::milliseconds hostGap = core::feeds::policy::kHostGap;
        std::chrono::milliseconds timeout = core::feeds::policy::kTimeout;
        qint64 maxBytes = core::feeds::policy::kMaxBytes;
    };

    explicit FeedFetcher(QObject* parent = nullptr);
    FeedFetcher(const Limits& limits, QObject* parent = nullptr);
    ~FeedFetcher() override;

    using Done = std::function<void(const FetchResult&)>;
    /// Queues a fetch; `done` runs once it has an answer (or none), on this object's thread.
    void fetch(const FetchRequest& request, Done done);
    /// Answers every queued fetch of a host with no request while the host asks to wait
    /// (Retry-After): they come back at once as "waiting".
    void holdHost(const QString& hostKey, const QDateTime& until);
    /// Stops everything: queued and running fetches come back as cancelled.
    void cancelAll();

private:
    struct Job;
    void pump();
    void start(std::shared_ptr<Job> job);
    void send(const std::shared_ptr<Job>& job, const QUrl& url);
    /// The next hop of a redirect to the same host, after the host's gap.
    void sendAfterGap(const std::shared_ptr<Job>& job, const QUrl& url);
    void finish(const std::shared_ptr<Job>& job);
    void schedulePump(std::chrono::milliseconds after);

    Limits m_limits;
    QNetworkAccessManager* m_network;
    std::deque<std::shared_ptr<Job>> m_queue;
    QHash<QString, int> m_active;                 ///< running requests per host
    QElapsedTimer m_clock;                        ///< steady: a clock set back mid-round changes no gap
    QHash<QString, qint64> m_lastStart;           ///< per host, on m_clock
    int m_generation = 0;                         ///< one more at each cancelAll()
    QHash<QString, QDateTime> m_holds;            ///< hosts that asked to wait
    int m_running = 0;
    bool m_pumpScheduled = false;
};

}  // namespace bandmate::sync
