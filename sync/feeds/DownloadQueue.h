#pragma once

#include "core/feeds/FeedDownloads.h"
#include "core/util/Result.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace bandmate::core {
class Database;
}

namespace bandmate::sync {

/// Downloads feed songs (issue 22), a few at a time, into the files FeedDownloads names: each
/// written beside its place as "NAME.part" and renamed when whole, so a half-fetched file never
/// passes for a song; a download stopped half-way (an error, the program closed) goes on from
/// where it stopped when the server takes a range of the same file (If-Range). A web page where
/// audio should be (a sign-in, a captive portal) is refused. Whole files are tagged from their
/// feed (by `Tagger`, on a worker thread: rewriting a large file's tags must not stall the
/// caller) and only then marked done. One process downloads a song at a time (a lock file
/// beside it). Lives on one thread (its own QNetworkAccessManager, the database's connection);
/// signals come on it.
class DownloadQueue : public QObject {
    Q_OBJECT
public:
    using Tagger = std::function<core::Result<void>(const QString& path, const core::feeds::DownloadTags& tags)>;
    struct Limits {
        int total = 2;                                   ///< downloads at once
        std::chrono::milliseconds stall{30'000};         ///< no byte for this long: failed
        qint64 maxBytes = 4LL * 1024 * 1024 * 1024;      ///< a larger file is refused
        std::chrono::milliseconds progressEvery{150};    ///< progressed() at most this often per download
    };

    DownloadQueue(core::Database& db, Tagger tagger, QObject* parent = nullptr);
    DownloadQueue(core::Database& db, Tagger tagger, const Limits& limits, QObject* parent = nullptr);
    ~DownloadQueue() override;

    /// Queues song `songIndex` of item `itemId` (into `folder`, else the settings' folder) and
    /// starts it when a place is free; a song downloaded before comes back as it is.
    [[nodiscard]] core::Result<core::feeds::Download> add(const QString& itemId, int songIndex, const QString& folder = {});
    /// Starts the downloads an earlier run left queued; how many.
    [[nodiscard]] core::Result<int> resumeQueued();
    /// A failed download again.
    [[nodiscard]] core::Result<void> retry(const QString& itemId, const QString& url);
    /// Stops a download and forgets it, with what it had fetched; one done is removed as
    /// FeedDownloads::remove() does.
    [[nodiscard]] core::Result<void> cancel(const QString& itemId, const QString& url);
    /// Stops every download; they stay queued for resumeQueued().
    void stopAll();

    /// Running or waiting downloads (their tagging included).
    [[nodiscard]] bool isBusy() const;
    /// How many downloads are running or waiting (their tagging included).
    [[nodiscard]] int activeCount() const { return static_cast<int>(m_jobs.size()); }
    /// How far a download of this queue is: bytes so far and in all (0 when the server did not
    /// say); `running` once its request went out.
    struct Progress {
        qint64 received = 0;
        qint64 total = 0;
        bool running = false;
    };
    [[nodiscard]] std::optional<Progress> progress(const QString& itemId, const QString& url) const;

Q_SIGNALS:
    void progressed(const QString& itemId, const QString& url, qint64 received, qint64 total);
    /// A download ended: `error` is empty when its file is whole and tagged, "cancelled" when
    /// the musician stopped it (or its post went).
    void finished(const QString& itemId, const QString& url, const QString& error);
    /// Nothing is running or waiting any more.
    void idle();

private:
    struct Job;
    /// Starts what has a place, from the event loop (never inside a reply's handler).
    void schedulePump();
    void pump();
    void start(const std::shared_ptr<Job>& job);
    void readHeaders(const std::shared_ptr<Job>& job, QNetworkReply* reply);
    void readBody(const std::shared_ptr<Job>& job, QNetworkReply* reply);
    void replyDone(const std::shared_ptr<Job>& job, QNetworkReply* reply);
    /// The whole file: named, tagged on the pool, then done.
    void complete(const std::shared_ptr<Job>& job);
    void tagged(const QString& key, const QString& error);
    void end(const std::shared_ptr<Job>& job, const QString& error, bool noteFailure = true);
    /// Gives back the job's place among Limits::total, if it holds one.
    void release(const std::shared_ptr<Job>& job);
    void emitProgress(const std::shared_ptr<Job>& job, bool always);
    [[nodiscard]] std::shared_ptr<Job> enqueue(const QString& itemId, const QString& url, const QString& path);
    [[nodiscard]] static QString key(const QString& itemId, const QString& url);

    core::Database& m_db;
    Tagger m_tagger;
    Limits m_limits;
    QNetworkAccessManager* m_network;
    std::deque<std::shared_ptr<Job>> m_waiting;
    QHash<QString, std::shared_ptr<Job>> m_jobs;  ///< waiting, running and tagging, by key()
    int m_running = 0;
    bool m_pumpScheduled = false;
    QThreadPool m_pool;  ///< tags files
};

}  // namespace bandmate::sync
