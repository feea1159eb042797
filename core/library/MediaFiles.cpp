#include "core/library/MediaFiles.h"

#include "core/library/Songs.h"
#include "core/storage/Database.h"
#include "core/storage/RowStatement.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/util/Uuid.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace bandmate::core::library {

namespace {

const QString kColumns = QStringLiteral("id, song_id, path, size, mtime, content_hash, bitrate, sample_rate, missing, error, cover, tags_read, full_hash, read_at");

/// An upsert keeps the whole-content hash only while the file is unchanged (its tags and cover
/// too: a file read again with the same size and time may have new tags past its first 64 KiB).
/// (Also only at the same path: a file that moved is hashed again, not taken on trust.)
const QString kKeepFullHash = QStringLiteral(", full_hash = CASE WHEN media_file.size = excluded.size AND media_file.mtime = excluded.mtime "
                                             "AND media_file.content_hash = excluded.content_hash AND media_file.path = excluded.path "
                                             "AND media_file.tags_read = excluded.tags_read AND media_file.cover = excluded.cover "
                                             "THEN media_file.full_hash ELSE '' END");

MediaFile fromRow(const QSqlQuery& q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(), q.value(4).toLongLong(),
            q.value(5).toString(),  q.value(6).toInt(),    q.value(7).toInt(),    q.value(8).toInt() != 0,  q.value(9).toString(),
            q.value(10).toString(), q.value(11).toString(), q.value(12).toString(), q.value(13).toLongLong()};
}

/// The files a query found.
Result<QList<MediaFile>> listOf(Result<QSqlQuery>& query)
{
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<MediaFile> files;
    while (query->next()) {
        files.append(fromRow(*query));
    }
    return files;
}

/// Empty, never null: the columns are NOT NULL.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

/// "root/" with exactly one trailing slash, for prefix matching.
QString folderPrefix(const QString& root)
{
    // Library paths use "/" (a Windows folder given with "\\" still finds its files; on POSIX
    // "\\" is part of a name and stays).
    QString prefix = QDir::fromNativeSeparators(root);
    while (prefix.endsWith(QLatin1Char('/'))) {
        prefix.chop(1);
    }
    return prefix + QLatin1Char('/');
}

}  // namespace

QString tagsReadJson(const Song& tags)
{
    // Trimmed, as SongRepository stores them: what the song holds when nobody edited it.
    const QJsonObject object{{QStringLiteral("title"), tags.title.trimmed()}, {QStringLiteral("artist"), tags.artist.trimmed()},
                             {QStringLiteral("album"), tags.album.trimmed()}, {QStringLiteral("genre"), tags.genre.trimmed()},
                             {QStringLiteral("year"), tags.year},             {QStringLiteral("track"), tags.track},
                             {QStringLiteral("bpm"), tags.bpm},               {QStringLiteral("key"), tags.key.trimmed()}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void takeTags(Song& song, const Song& tags, const QString& tagsRead, bool replaceEdits)
{
    const QJsonObject before = QJsonDocument::fromJson(tagsRead.toUtf8()).object();
    // A field keeps its value when it no longer holds what was last read (or, when that is
    // unknown, holds anything at all): the musician edited it.
    const auto text = [&](const QString& name, QString& field, const QString& tagged) {
        const bool edited = before.contains(name) ? field != before.value(name).toString() : !field.isEmpty();
        if (replaceEdits || !edited) {
            field = tagged;
        }
    };
    const auto number = [&](const QString& name, auto& field, auto tagged) {
        const auto current = static_cast<double>(field);
        const bool edited = before.contains(name) ? current != before.value(name).toDouble() : current != 0.0;
        if (replaceEdits || !edited) {
            field = tagged;
        }
    };
    text(QStringLiteral("title"), song.title, tags.title);
    text(QStringLiteral("artist"), song.artist, tags.artist);
    text(QStringLiteral("album"), song.album, tags.album);
    text(QStringLiteral("genre"), song.genre, tags.genre);
    number(QStringLiteral("year"), song.year, tags.year);
    number(QStringLiteral("track"), song.track, tags.track);
    if (tags.bpm > 0) {
        number(QStringLiteral("bpm"), song.bpm, tags.bpm);
    }
    if (!tags.key.isEmpty()) {
        text(QStringLiteral("key"), song.key, tags.key);
    }
    song.durationMs = tags.durationMs;
}

MediaFileRepository::MediaFileRepository(Database& db) : m_db(db) {}

Result<std::optional<MediaFile>> MediaFileRepository::byPath(const QString& path) const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT %1 FROM media_file WHERE path = ?").arg(kColumns), {path});
    if (!query) {
        return std::unexpected(query.error());
    }
    return query->next() ? std::optional<MediaFile>(fromRow(*query)) : std::nullopt;
}

Result<QString> MediaFileRepository::save(const MediaFile& file)
{
    const QString id = file.id.isEmpty() ? UuidV7Generator().next() : file.id;
    auto saved = sql::exec(m_db.connection(),
                           QStringLiteral("INSERT INTO media_file (id, song_id, path, size, mtime, content_hash, bitrate, sample_rate, "
                                          "missing, error, scanned_at, cover, tags_read, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                          "ON CONFLICT (id) DO UPDATE SET song_id = excluded.song_id, path = excluded.path, "
                                          "size = excluded.size, mtime = excluded.mtime, content_hash = excluded.content_hash, "
                                          "bitrate = excluded.bitrate, sample_rate = excluded.sample_rate, missing = excluded.missing, "
                                          "error = excluded.error, scanned_at = excluded.scanned_at, cover = excluded.cover, tags_read = excluded.tags_read, "
                                          "read_at = excluded.read_at")
                               + kKeepFullHash,
                           {id, text(file.songId), file.path, file.size, file.mtime, text(file.contentHash), file.bitrate,
                            file.sampleRate, file.missing ? 1 : 0, text(file.error), QDateTime::currentMSecsSinceEpoch(), text(file.cover),
                            text(file.tagsRead), file.readAt});
    if (!saved) {
        return std::unexpected(saved.error());
    }
    return id;
}

Result<void> MediaFileRepository::saveMany(QList<MediaFile>& files)
{
    if (files.isEmpty()) {
        return {};
    }
    // One statement prepared once and run per file through SQLite's own interface (see
    // ChangeTracker::writeMany).
    auto upsert = sql::RowStatement::prepare(m_db.connection(),
                                             QStringLiteral("INSERT INTO media_file (id, song_id, path, size, mtime, content_hash, bitrate, sample_rate, "
                                                            "missing, error, cover, tags_read, scanned_at, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                                            "ON CONFLICT (id) DO UPDATE SET song_id = excluded.song_id, path = excluded.path, "
                                                            "size = excluded.size, mtime = excluded.mtime, content_hash = excluded.content_hash, "
                                                            "bitrate = excluded.bitrate, sample_rate = excluded.sample_rate, missing = excluded.missing, "
                                                            "error = excluded.error, cover = excluded.cover, tags_read = excluded.tags_read, scanned_at = excluded.scanned_at, "
                                                            "read_at = excluded.read_at")
                                                 + kKeepFullHash);
    if (!upsert) {
        return std::unexpected(upsert.error());
    }
    UuidV7Generator uuids;
    const QVariant scannedAt = QDateTime::currentMSecsSinceEpoch();
    for (MediaFile& file : files) {
        if (file.id.isEmpty()) {
            file.id = uuids.next();
        }
        const std::array<QVariant, 14> values{file.id,        text(file.songId), file.path,           file.size,        file.mtime,
                                              text(file.contentHash), file.bitrate, file.sampleRate, file.missing ? 1 : 0, text(file.error),
                                              text(file.cover), text(file.tagsRead), scannedAt, file.readAt};
        if (auto saved = upsert->run(values); !saved) {
            return saved;
        }
    }
    return {};
}

Result<QList<MediaFile>> MediaFileRepository::missing() const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT %1 FROM media_file WHERE missing = 1").arg(kColumns));
    return listOf(query);
}

Result<QList<MediaFile>> MediaFileRepository::vanished(const QString& root, const QStringList& seen, const QStringList& unlisted) const
{
    auto files = under(root);
    if (!files) {
        return std::unexpected(files.error());
    }
    const QSet<QString> present(seen.begin(), seen.end());
    QStringList unreadable;
    for (const QString& folder : unlisted) {
        unreadable << folderPrefix(folder);
    }
    const auto inUnreadable = [&unreadable](const QString& path) {
        return std::any_of(unreadable.cbegin(), unreadable.cend(), [&path](const QString& prefix) { return path.startsWith(prefix); });
    };
    QList<MediaFile> gone;
    for (const auto& file : *files) {
        if (!file.missing && !present.contains(file.path) && !inUnreadable(file.path)) {
            gone << file;
        }
    }
    return gone;
}

Result<int> MediaFileRepository::markMissing(const QStringList& ids)
{
    int marked = 0;
    for (const QString& id : ids) {
        auto ok = sql::run(m_db.connection(), QStringLiteral("UPDATE media_file SET missing = 1 WHERE id = ? AND missing = 0"), {id});
        if (!ok) {
            return std::unexpected(ok.error());
        }
        marked += ok->numRowsAffected() > 0 ? 1 : 0;
    }
    return marked;
}

Result<QList<MediaFile>> MediaFileRepository::ofSong(const QString& songId) const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT %1 FROM media_file WHERE song_id = ? ORDER BY missing, error != '', path").arg(kColumns),
                          {songId});
    return listOf(query);
}

Result<void> MediaFileRepository::relocate(const QString& fileId, const QString& newPath)
{
    if (!QFileInfo(newPath).isFile()) {
        return fail(ErrorCode::NotFound, "no such file", newPath.toStdString());
    }
    auto taken = byPath(newPath);
    if (!taken) {
        return std::unexpected(taken.error());
    }
    if (*taken && (*taken)->id != fileId) {
        return fail(ErrorCode::InvalidArgument, "another library file already has this path", newPath.toStdString());
    }
    auto updated = sql::run(m_db.connection(), QStringLiteral("UPDATE media_file SET path = ?, missing = 0 WHERE id = ?"), {newPath, fileId});
    if (!updated) {
        return std::unexpected(updated.error());
    }
    if (updated->numRowsAffected() != 1) {
        return fail(ErrorCode::NotFound, "no such file in the library", fileId.toStdString());
    }
    return {};
}

Result<int> MediaFileRepository::relocateFolder(const QString& oldRoot, const QString& newRoot)
{
    auto files = under(oldRoot);
    if (!files) {
        return std::unexpected(files.error());
    }
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    const QString from = folderPrefix(oldRoot);
    const QString to = folderPrefix(newRoot);
    int found = 0;
    for (const MediaFile& file : *files) {
        const QString moved = to + file.path.mid(from.size());
        if (!file.missing || !QFileInfo(moved).isFile()) {
            continue;
        }
        if (auto ok = relocate(file.id, moved); !ok) {
            return std::unexpected(ok.error());
        }
        ++found;
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return found;
}

Result<QHash<QString, QString>> MediaFileRepository::playablePaths() const
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT song_id, min(path) FROM media_file WHERE missing = 0 AND error = '' AND song_id != '' GROUP BY song_id"));
    if (!query) {
        return std::unexpected(query.error());
    }
    QHash<QString, QString> paths;
    while (query->next()) {
        paths.insert(query->value(0).toString(), query->value(1).toString());
    }
    return paths;
}

Result<QStringList> MediaFileRepository::songsWithOnlyMissingFiles() const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT song_id FROM media_file GROUP BY song_id HAVING min(missing) = 1"));
    if (!query) {
        return std::unexpected(query.error());
    }
    QStringList ids;
    while (query->next()) {
        ids << query->value(0).toString();
    }
    return ids;
}

Result<QList<QList<MediaFile>>> MediaFileRepository::duplicates() const
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT %1 FROM media_file WHERE content_hash != '' AND (size, content_hash) IN "
                                         "(SELECT size, content_hash FROM media_file WHERE content_hash != '' "
                                         "GROUP BY size, content_hash HAVING count(*) > 1) ORDER BY size, content_hash, path")
                              .arg(kColumns));
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<QList<MediaFile>> groups;
    QString key;
    while (query->next()) {
        MediaFile file = fromRow(*query);
        const QString fileKey = QString::number(file.size) + QLatin1Char(':') + file.contentHash;
        if (fileKey != key) {
            groups.append(QList<MediaFile>{});
            key = fileKey;
        }
        groups.last().append(file);
    }
    return groups;
}

Result<void> MediaFileRepository::rekey(const QString& id, const QString& from, const QString& to)
{
    return sql::exec(m_db.connection(), QStringLiteral("UPDATE media_file SET content_hash = ? WHERE id = ? AND content_hash = ?"), {to, id, from});
}

Result<void> MediaFileRepository::setFullHash(const QString& id, const QString& fullHash)
{
    return sql::exec(m_db.connection(), QStringLiteral("UPDATE media_file SET full_hash = ? WHERE id = ?"), {fullHash, id});
}

Result<QList<MediaFile>> MediaFileRepository::under(const QString& root) const
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT %1 FROM media_file WHERE substr(path, 1, length(?)) = ? ORDER BY path").arg(kColumns),
                          {folderPrefix(root), folderPrefix(root)});
    return listOf(query);
}

}  // namespace bandmate::core::library
