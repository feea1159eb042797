#pragma once

#include "core/util/Result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace bandmate::core {
class Database;
}

namespace bandmate::core::library {

/// One audio file on this machine (table media_file: local only, never synced, because paths
/// differ per machine).
struct MediaFile {
    QString id;
    QString songId;
    QString path;
    qint64 size = 0;
    qint64 mtime = 0;  ///< milliseconds in std::filesystem's file clock (compared, never shown)
    QString contentHash;
    int bitrate = 0;
    int sampleRate = 0;
    bool missing = false;
    QString error;  ///< why it could not be read; empty when fine
    QString cover;  ///< the embedded cover copied out (a file in the covers folder); empty when none
    /// The tags as last read from the file (JSON: title, artist, album, genre, year, track, bpm,
    /// key), to tell what a tag tool changed from what the musician edited; empty when unknown.
    QString tagsRead;
    /// A hash of the whole file, kept only while another file of the library has the same size
    /// and contentHash (MediaScanner fills it); empty otherwise. Cleared when the file changes.
    QString fullHash;
    /// When the scan that last read the file began, in mtime's clock; 0 when unknown. A file whose
    /// mtime is not well before it is read again by the next scan (MediaScanner: racily clean).
    qint64 readAt = 0;
};

struct Song;

/// `tags` (a song as read from a file's tags) in MediaFile::tagsRead's form.
[[nodiscard]] QString tagsReadJson(const Song& tags);

/// Takes a re-read file's tags into its song: a field the musician edited in Bandmate since the
/// last read (it no longer holds what `tagsRead` says was read) keeps the edit, unless
/// `replaceEdits`; with `tagsRead` empty (read before Bandmate kept it) only empty fields take
/// the tag. A BPM or key the file no longer has is kept. The duration always comes from the file.
void takeTags(Song& song, const Song& tags, const QString& tagsRead, bool replaceEdits);

class MediaFileRepository {
public:
    explicit MediaFileRepository(Database& db);

    [[nodiscard]] Result<std::optional<MediaFile>> byPath(const QString& path) const;
    /// Inserts or updates by id (a new UUIDv7 when empty); returns the id.
    [[nodiscard]] Result<QString> save(const MediaFile& file);
    /// Inserts or updates many files with one statement per 500; gives new ones ids (UUIDv7).
    [[nodiscard]] Result<void> saveMany(QList<MediaFile>& files);
    /// Every missing file, to reconnect moved ones by content.
    [[nodiscard]] Result<QList<MediaFile>> missing() const;
    /// The known files under `root`, not missing yet, that are not in `seen`, except those under
    /// a folder of `unlisted` (it could not be read, so its files may well be there).
    [[nodiscard]] Result<QList<MediaFile>> vanished(const QString& root, const QStringList& seen, const QStringList& unlisted = {}) const;
    /// Marks the files with these ids missing; how many.
    [[nodiscard]] Result<int> markMissing(const QStringList& ids);
    /// The files of a song, present ones first.
    [[nodiscard]] Result<QList<MediaFile>> ofSong(const QString& songId) const;
    /// Points a missing file at `newPath` (which must exist); refuses a path another file has.
    [[nodiscard]] Result<void> relocate(const QString& fileId, const QString& newPath);
    /// Moves every missing file under `oldRoot` to the same relative path under `newRoot` when
    /// the file is there; returns how many were found again. One transaction.
    [[nodiscard]] Result<int> relocateFolder(const QString& oldRoot, const QString& newRoot);
    /// For every song with a file that is there and readable, the path of one such file.
    [[nodiscard]] Result<QHash<QString, QString>> playablePaths() const;
    /// Songs whose every file is missing.
    [[nodiscard]] Result<QStringList> songsWithOnlyMissingFiles() const;
    /// Files with the same content (size and hash), in groups of two or more.
    [[nodiscard]] Result<QList<QList<MediaFile>>> duplicates() const;
    /// Records a file's whole-content hash (see MediaFile::fullHash).
    [[nodiscard]] Result<void> setFullHash(const QString& id, const QString& fullHash);
    /// Replaces a file's content key `from` with `to` (the same content keyed another way); a
    /// file whose key is no longer `from` is left alone. The whole-content hash stays.
    [[nodiscard]] Result<void> rekey(const QString& id, const QString& from, const QString& to);
    /// Every file, or those under a folder.
    [[nodiscard]] Result<QList<MediaFile>> under(const QString& root) const;

private:
    Database& m_db;
};

}  // namespace bandmate::core::library
