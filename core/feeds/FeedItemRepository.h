#pragma once

#include "core/feeds/FeedParser.h"
#include "core/feeds/SongFinder.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace bandmate::core {
class Database;
}

namespace bandmate::core::feeds {

/// A song found in a feed item.
struct ItemSong {
    FoundSong::Source source = FoundSong::Source::Title;
    QString artist;
    QString title;
    QString url;         ///< the audio file or the player's page; empty for a title alone
    bool owned = false;  ///< the library has a song of that artist and title
    QString file;        ///< this computer's download of it, once done (FeedDownloads)
    QString download;    ///< its download here: "", "queued", "done" or "failed"
};

/// One item of a followed feed, with the musician's state of it.
struct ItemView {
    QString id;
    QString feedId;
    QString feedName;
    QString guid;
    QString title;
    QString link;
    QString author;
    QString summary;        ///< the post as plain text, cut short
    QDateTime published;    ///< invalid when the feed gave no date
    QDateTime firstSeen;
    qint64 durationSeconds = 0;
    bool isNew = true;
    bool played = false;
    bool starred = false;
    qint64 positionMs = 0;
    QList<ItemSong> songs;  ///< most confident first
};

/// Which items to list.
struct ItemFilter {
    QString feedId;          ///< empty = every feed
    QString folderId;        ///< empty = every folder
    bool onlyNew = false;
    bool onlyStarred = false;
    /// Words every item shown contains (title, post, author, feed, songs), "quoted phrases",
    /// and `feed:NAME`, `new:yes|no`, `starred:yes|no`, `played:yes|no`.
    QString search;
    int limit = 1000;
};

/// What reading a feed's document in did.
struct StoreCounts {
    int newItems = 0;  ///< items not seen before (and not removed)
    int changed = 0;   ///< items seen before whose post changed
    QString keyKind;   ///< how its items were told apart: "guid", "enclosure" or "link"
};

/// A song several followed feeds posted.
struct RankedSong {
    QString artist;
    QString title;
    int feeds = 0;          ///< how many of the feeds followed posted it
    QStringList feedNames;
    QString url;            ///< the most confident link to it
    QString itemId;         ///< the latest item that posted it
    QDateTime latest;
    bool owned = false;
};

/// The items of followed feeds: read in from fetched documents (table `feed_item`, `feed_song`,
/// this computer's), and the musician's state of each (entity `feed_item_state`, synced).
class FeedItemRepository {
public:
    explicit FeedItemRepository(Database& db);

    /// Reads `feed`'s items in for the followed feed `feedId`: an item seen before (by GUID, by
    /// enclosure and title, or by link, date and title: any one of them) is updated, never
    /// doubled, so a feed that rewrites every GUID, or repeats or blanks them, adds nothing twice;
    /// an item the musician removed stays removed. One transaction.
    [[nodiscard]] Result<StoreCounts> store(const QString& feedId, const Feed& feed, const QDateTime& now);

    [[nodiscard]] Result<QList<ItemView>> items(const ItemFilter& filter) const;
    [[nodiscard]] Result<ItemView> item(const QString& itemId) const;

    [[nodiscard]] Result<void> setSeen(const QStringList& itemIds, bool seen);
    [[nodiscard]] Result<void> setPlayed(const QString& itemId, bool played);
    [[nodiscard]] Result<void> setStarred(const QString& itemId, bool starred);
    /// Where playback resumes (milliseconds).
    [[nodiscard]] Result<void> setPosition(const QString& itemId, qint64 positionMs);
    /// Removes items for good: they stay removed when their feed lists them again, on every computer.
    [[nodiscard]] Result<void> remove(const QStringList& itemIds);
    /// Marks every new item of `feedId` (empty: of every feed) seen; how many.
    [[nodiscard]] Result<int> markAllSeen(const QString& feedId);

    /// Songs that at least `minFeeds` followed feeds posted, most feeds first, then the latest.
    [[nodiscard]] Result<QList<RankedSong>> ranking(int minFeeds, int limit) const;

    /// Makes song `songIndex` of item `itemId` a library song (entity `song`): its artist and
    /// title, tagged "from feeds", its link and post in the notes. The library's own song when it
    /// has that artist and title already (nothing is added twice). A song downloaded here brings
    /// its file (kept from then on: the cleanup spares it), unless the library's song has one.
    /// The song's id.
    [[nodiscard]] Result<QString> addToLibrary(const QString& itemId, int songIndex);

    /// Drops this computer's items of feeds removed (on any computer) without keeping their items.
    [[nodiscard]] Result<int> dropRemovedFeeds();

    /// The id every computer gives the item with `key` in feed `feedId`.
    [[nodiscard]] static QString itemId(const QString& feedId, const QString& key);

private:
    /// Gives the library's song `songId` the downloaded file of `song` (unless it has a file) and
    /// keeps the download.
    [[nodiscard]] Result<void> attachFile(const QString& songId, const QString& itemId, const ItemSong& song);
    [[nodiscard]] Result<void> writeState(const QStringList& itemIds, const QString& field, const QVariant& value);

    Database& m_db;
};

}  // namespace bandmate::core::feeds
