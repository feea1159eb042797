#pragma once

#include "core/feeds/FeedItemRepository.h"
#include "core/feeds/FeedRepository.h"
#include "sync/feeds/FeedRefresh.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>

class QThread;

namespace bandmate::ui {

/// A refresh round of the followed feeds on a worker thread with its own database connection and
/// network access (the window never waits on a server, a parse or a write); progress and the
/// report come back to the thread that made the job.
class FeedRefreshJob : public QObject {
    Q_OBJECT
public:
    FeedRefreshJob(QString databasePath, bool manual, QStringList onlyFeedIds = {}, QObject* parent = nullptr);
    /// A job that follows the feed at `url` (or the one the page there names) in `folder`, and
    /// reads it in.
    static FeedRefreshJob* following(QString databasePath, QString url, QString folder, QObject* parent = nullptr);
    ~FeedRefreshJob() override;

    void start();
    /// Stops the round: fetches under way end as cancelled; what was read in stays.
    void cancel() { m_cancelled = true; }
    [[nodiscard]] bool isRunning() const;
    /// Deletes the job once its worker has ended (at once when it has), never blocking.
    void deleteWhenDone();

    /// What the window lists, read on the worker after the round so that the window only has
    /// to show it (a list of 500 feeds and 500 posts takes ~10 ms of SQL: more than a frame with
    /// everything else).
    struct Listing {
        bool wanted = false;
        core::feeds::ItemFilter filter;
        bool read = false;  ///< filled in (before finished)
        QList<core::feeds::Subscription> feeds;
        QList<core::feeds::FeedFolder> folders;
        QList<core::feeds::ItemView> items;
    };
    /// Asks for the lists after the round, the items as `filter` picks them. Before start().
    void setListing(const core::feeds::ItemFilter& filter);
    /// The lists, once finished was emitted.
    [[nodiscard]] const Listing& listing() const { return m_listing; }

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const bandmate::sync::RefreshReport& report);
    /// For a following() job, before finished: the new feed's id, or why it could not be followed.
    void followed(const QString& feedId, const QString& error);

private:
    QString m_databasePath;
    bool m_manual = true;
    QStringList m_onlyFeedIds;
    QString m_followUrl;
    QString m_followFolder;
    Listing m_listing;
    std::atomic<bool> m_cancelled{false};
    QThread* m_thread = nullptr;
};

}  // namespace bandmate::ui
