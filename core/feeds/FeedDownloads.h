#pragma once

#include "core/feeds/FeedItemRepository.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace bandmate::core {
class Database;
}

namespace bandmate::core::feeds {

/// One song of a feed item downloaded, or waiting to be (table `feed_download`: this computer's,
/// never synced).
struct Download {
    enum class State { Queued, Done, Failed };
    QString itemId;
    QString url;
    State state = State::Queued;
    QString path;        ///< the file once done; while queued, the one it becomes
    qint64 bytes = 0;
    QString error;       ///< why it failed, in plain words
    QString validator;   ///< the answer's ETag or Last-Modified (a cut download goes on only from the same file)
    QDateTime queuedAt;
    QDateTime doneAt;
    bool kept = false;   ///< the library took the file: never cleaned up
    // What it is, for a list of downloads:
    QString feedName;
    QString itemTitle;
    QString artist;
    QString title;
};

/// Where downloads go and how long played ones stay.
struct DownloadSettings {
    QString folder;     ///< empty: defaultFolder()
    int keepDays = 30;  ///< played downloads are removed after this many days; 0 = never
};

/// The tags a downloaded file is given, from its feed.
struct DownloadTags {
    QString title;
    QString artist;
    QString album;    ///< the feed
    int year = 0;     ///< of the post
    QString comment;  ///< the post's link
    QString genre;    ///< "Podcast" for an episode
};

/// What a cleanup removed.
struct CleanupReport {
    int removed = 0;
    qint64 bytes = 0;
    QStringList problems;  ///< files that could not be removed: "path: why" (their rows stay)
};

/// The downloads of feed songs: queued, done or failed, their files named from the feed, and the
/// cleanup of played ones. Only songs that are audio files can be downloaded (an enclosure, an
/// <audio> player or a link to an audio file); a streaming service's player is a link out.
class FeedDownloads {
public:
    explicit FeedDownloads(Database& db);

    /// Queues song `songIndex` of item `itemId`: its row and the file it will be, in `folder`
    /// (settings' folder when empty) under the feed's name. A song downloaded before (its file still
    /// there) comes back as it is; a failed one is queued again.
    [[nodiscard]] Result<Download> queue(const QString& itemId, int songIndex, const QDateTime& now, const QString& folder = {});
    /// Every download, newest first (queued and failed ones first of all).
    [[nodiscard]] Result<QList<Download>> list() const;
    [[nodiscard]] Result<std::optional<Download>> find(const QString& itemId, const QString& url) const;
    /// The download is done: `path` holds its `bytes`. False when its row went meanwhile (a
    /// cleanup, a Remove) or is not on its way: the file is nobody's then.
    [[nodiscard]] Result<bool> finished(const QString& itemId, const QString& url, const QString& path, qint64 bytes, const QDateTime& now);
    /// Notes that the file at the download's path is whole (`bytes`), before it is tagged: a
    /// program stopped while tagging finds it at the next start and finishes it.
    [[nodiscard]] Result<void> markWhole(const QString& itemId, const QString& url, qint64 bytes);
    /// Gives the download the name `wanted` (or "NAME (2).ext" and on): no file, no ".part" and no
    /// other download has it, compared without case. The name; NotFound when the row went or is
    /// not on its way.
    [[nodiscard]] Result<QString> claimPath(const QString& itemId, const QString& url, const QString& wanted);
    [[nodiscard]] Result<void> setValidator(const QString& itemId, const QString& url, const QString& validator);
    /// Whether the song is still wanted: its row is there and its post too (a feed that changes
    /// a song's address keeps the download).
    [[nodiscard]] Result<bool> wanted(const QString& itemId, const QString& url) const;
    /// Forgets a download that is not done, with what it fetched (".part"); its row goes.
    [[nodiscard]] Result<void> forget(const QString& itemId, const QString& url);
    /// The files downloads hold that the library has not taken: the library's scan leaves them to
    /// Feeds (they come in by Add to library), wherever the downloads folder is.
    [[nodiscard]] Result<QSet<QString>> ownFiles() const;
    [[nodiscard]] Result<void> failed(const QString& itemId, const QString& url, const QString& error);
    /// A failed download queued again (what it had fetched stays to go on from).
    [[nodiscard]] Result<void> requeue(const QString& itemId, const QString& url);
    /// Forgets a download and removes its file; a file the library has (kept, or named by a
    /// library file) or another download holds stays. Of a download not done, only what it fetched
    /// (".part") goes.
    [[nodiscard]] Result<void> remove(const QString& itemId, const QString& url);
    /// The download's file belongs to the library now: never cleaned up.
    [[nodiscard]] Result<void> keep(const QString& itemId, const QString& url);

    [[nodiscard]] Result<DownloadSettings> settings() const;
    [[nodiscard]] Result<void> setSettings(const DownloadSettings& settings);
    /// The folder downloads go to: the settings' folder, else "Bandmate feeds" in the music folder.
    [[nodiscard]] Result<QString> folder() const;
    [[nodiscard]] static QString defaultFolder();

    /// Removes the files of downloads whose post was played more than keepDays ago (counted from
    /// when this computer first saw it played: another computer's play counts from its sync),
    /// sparing starred posts and files the library has, and the files of posts removed. A post
    /// played again later starts its count again. Downloads on their way are left to their queue.
    [[nodiscard]] Result<CleanupReport> cleanup(const QDateTime& now);

    /// The tags a song's file is given: its artist and title, the feed as album, the post's year
    /// and link.
    [[nodiscard]] Result<DownloadTags> tags(const QString& itemId, const QString& url) const;

    /// Whether a song of this source can be downloaded (an audio file, not a player or a title).
    [[nodiscard]] static bool downloadable(const ItemSong& song);
    /// A file name made from `text`: no path separators or characters some systems refuse, no
    /// name Windows keeps for devices (CON, NUL, COM1...), at most 150 bytes of UTF-8, never empty.
    [[nodiscard]] static QString safeName(const QString& text);
    /// The suffix of an audio file at `url` (".mp3"...), else the one `contentType` names, else
    /// empty.
    [[nodiscard]] static QString audioSuffix(const QString& url, const QString& contentType = {});
    /// Whether `fileName` ends in a suffix of the audio files downloads keep (".mp3", ...).
    [[nodiscard]] static bool hasAudioSuffix(const QString& fileName);

private:
    Database& m_db;
};

}  // namespace bandmate::core::feeds
