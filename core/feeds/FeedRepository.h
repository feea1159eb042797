#pragma once

#include "core/feeds/FetchPolicy.h"
#include "core/feeds/Opml.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace bandmate::core {
class Database;
}

namespace bandmate::core::feeds {

/// A folder of feeds (entity `feed_folder`). Nested folders are one name with "/" in it, as OPML
/// files nest them ("Blogs/Salsa").
struct FeedFolder {
    QString id;
    QString name;
};

/// A feed the musician follows (entity `feed`), with this computer's fetching of it and counts.
struct Subscription {
    QString id;
    QString url;
    QString name;     ///< the musician's name for it; empty = the feed's title
    QString title;    ///< the feed's own title, as last read
    QString siteUrl;
    QString folderId;
    bool paused = false;
    FetchState fetch;
    int items = 0;     ///< shown (not removed)
    int newItems = 0;

    /// What the list shows: the musician's name, else the feed's title, else its address.
    [[nodiscard]] QString displayName() const { return !name.isEmpty() ? name : !title.isEmpty() ? title : url; }
};

/// A feed due to be fetched.
struct DueFeed {
    QString id;
    QString url;
    FetchState fetch;
};

/// What OPML import did.
struct OpmlImport {
    int added = 0;
    int alreadyFollowed = 0;
    int folders = 0;  ///< created
};

/// The feeds a musician follows and their folders (entities `feed_folder`, `feed`), and this
/// computer's fetching of them (tables `feed_fetch`, `feed_host`, never synced). Items are
/// FeedItemRepository's.
class FeedRepository {
public:
    explicit FeedRepository(Database& db);

    /// Follows the feed at `url` (http or https); `title` is the feed's own when known. Conflict
    /// when a feed at that address is followed already (the error names it). Its id is made from
    /// its address, so following it on two computers before they sync makes one feed.
    [[nodiscard]] Result<QString> subscribe(const QString& url, const QString& folderId = {}, const QString& title = {});
    [[nodiscard]] Result<void> rename(const QString& feedId, const QString& name);
    [[nodiscard]] Result<void> moveToFolder(const QString& feedId, const QString& folderId);
    [[nodiscard]] Result<void> setPaused(const QString& feedId, bool paused);
    /// Stops following it; its items stay in the lists when `keepItems`, else they go too.
    [[nodiscard]] Result<void> remove(const QString& feedId, bool keepItems);
    [[nodiscard]] Result<Subscription> feed(const QString& feedId) const;
    /// The feed followed at `url` (or that was seen moving there), other than `exceptId`, if any:
    /// its id, else empty.
    [[nodiscard]] Result<QString> findByUrl(const QString& url, const QString& exceptId = {}) const;
    /// Every feed followed, by folder name then display name, with counts.
    [[nodiscard]] Result<QList<Subscription>> feeds() const;

    /// The folder named `name` (trimmed, "/" separated), created when there is none.
    [[nodiscard]] Result<QString> folder(const QString& name);
    [[nodiscard]] Result<void> renameFolder(const QString& folderId, const QString& name);
    /// Removes the folder; its feeds move to the top.
    [[nodiscard]] Result<void> removeFolder(const QString& folderId);
    [[nodiscard]] Result<QList<FeedFolder>> folders() const;

    /// Follows each feed of an OPML file not followed yet, in its folder (created as needed).
    [[nodiscard]] Result<OpmlImport> importOpml(const QList<OpmlFeed>& feeds);
    /// The feeds followed, for writeOpml().
    [[nodiscard]] Result<QList<OpmlFeed>> exportOpml() const;

    /// The feeds to fetch now: followed, not paused, not gone, and due (all of those when
    /// `manual`); or, when `only` names feeds, those (asked by hand: paused and gone ones too).
    [[nodiscard]] Result<QList<DueFeed>> due(const QDateTime& now, bool manual, const QStringList& only = {}) const;
    /// Stores what a fetch decided: the fetch state, and the new address when it moved.
    [[nodiscard]] Result<void> recordFetch(const QString& feedId, const Decision& decision);
    /// Notes the feed's own title and site from its latest document (written only when they changed).
    [[nodiscard]] Result<void> noteFeedDetails(const QString& feedId, const QString& title, const QString& siteUrl);
    /// Hosts ("host:port") that asked to wait, with until when (only those still waiting at `now`).
    [[nodiscard]] Result<QHash<QString, QDateTime>> hostWaits(const QDateTime& now) const;
    [[nodiscard]] Result<void> setHostWait(const QString& host, const QDateTime& until);

private:
    /// NotFound unless `folderId` is empty (the top) or a folder that exists.
    [[nodiscard]] Result<void> requireFolder(const QString& folderId) const;

    Database& m_db;
};

}  // namespace bandmate::core::feeds
