#pragma once

#include "core/feeds/FetchPolicy.h"
#include "core/util/Result.h"
#include "sync/feeds/FeedFetcher.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace bandmate::core {
class Database;
}

namespace bandmate::sync {

/// What one refresh round did (`bandmate-cli feeds refresh --json` prints it).
struct RefreshReport {
    struct Problem {
        QString feedId;
        QString feed;     ///< its name, or its address
        QString message;  ///< in plain words
    };
    int feeds = 0;        ///< asked
    int newItems = 0;
    int notModified = 0;  ///< 304 answers
    int parsed = 0;       ///< documents read (a 304 costs none)
    int waiting = 0;      ///< not asked: their host asked to wait
    QList<Problem> errors;
    QStringList notices;  ///< "moved to ...", "gone for good", as the musician should hear them
    bool cancelled = false;
};

/// A feed found at an address: the address itself, or the first feed a web page announces.
struct DiscoveredFeed {
    QString url;
    QString title;
    QString siteUrl;
};

/// A feed just followed, and what reading it in did.
struct FollowedFeed {
    QString id;
    RefreshReport report;
};

/// One refresh round over the followed feeds: asks the due ones (all of them when by hand),
/// reads each answer in, and records what the fetch policy decides. Runs on the thread of its
/// Database (the app gives it a worker thread and a connection of its own, so the window never
/// waits on the network, a parse or a write).
class FeedRefresh : public QObject {
    Q_OBJECT
public:
    FeedRefresh(core::Database& db, const FeedFetcher::Limits& limits = {}, QObject* parent = nullptr);

    /// Starts a round (ignored while one runs); `onlyFeedIds`, when given, limits it to those.
    void start(bool manual, const QStringList& onlyFeedIds = {});
    /// A whole round, waiting in a local event loop (the command line, tests).
    RefreshReport run(bool manual, const QStringList& onlyFeedIds = {});
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

    /// What `url` holds: a feed (its own address, title and site), or a web page that announces
    /// one (the first it names, fetched and read). Waits in a local event loop. The error says
    /// why nothing could be followed there.
    [[nodiscard]] core::Result<DiscoveredFeed> discover(const QString& url);
    /// Follows what discover() finds at `url` (in `folderId`, named `name` when given) and reads
    /// in the document it fetched: one request, not two. Conflict when it is followed already.
    [[nodiscard]] core::Result<FollowedFeed> follow(const QString& url, const QString& folderId = {}, const QString& name = {});

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const bandmate::sync::RefreshReport& report);

private:
    /// Reads one fetch's answer in: the fetch policy's decision, the items, the new state.
    void process(const QString& id, const QString& name, const QString& url, const core::feeds::FetchState& state, const FetchResult& result,
                 RefreshReport& report);
    void done();

    core::Database& m_db;
    FeedFetcher m_fetcher;
    RefreshReport m_report;
    FetchResult m_lastFetch;  ///< what discover() read, for follow()
    int m_total = 0;
    int m_answered = 0;
    bool m_running = false;
};

}  // namespace bandmate::sync

Q_DECLARE_METATYPE(bandmate::sync::RefreshReport)
