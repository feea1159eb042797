#include "core/library/Playlists.h"

#include "core/library/SearchQuery.h"
#include "core/storage/Database.h"
#include "core/storage/OrderedList.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/sync/TrackedWrite.h"
#include "core/util/Uuid.h"

namespace bandmate::core::library {

namespace {

QString kindName(Playlist::Kind kind) { return kind == Playlist::Kind::Smart ? QStringLiteral("smart") : QStringLiteral("list"); }

Result<void> checkQuery(const Playlist& playlist)
{
    if (playlist.kind != Playlist::Kind::Smart) {
        return {};
    }
    if (playlist.query.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a saved search needs a query", "query");
    }
    if (auto compiled = compileSearch(playlist.query); !compiled) {
        Error error = compiled.error();
        error.where = "query, " + error.where;
        return std::unexpected(error);
    }
    return {};
}

}  // namespace

PlaylistRepository::PlaylistRepository(Database& db) : m_db(db) {}

Result<QString> PlaylistRepository::create(const QString& name, Playlist::Kind kind, const QString& query)
{
    const Playlist playlist{{}, name.trimmed(), kind, query.trimmed()};
    if (playlist.name.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a playlist needs a name", "name");
    }
    if (auto ok = checkQuery(playlist); !ok) {
        return std::unexpected(ok.error());
    }
    auto position = positionInList(m_db, QStringLiteral("playlist"), {}, {}, {}, {});
    if (!position) {
        return std::unexpected(position.error());
    }
    const QString id = UuidV7Generator().next();
    auto written = writeTracked(m_db, [&](ChangeTracker& tracker) {
        return tracker.write(QStringLiteral("playlist"), id,
                             {{QStringLiteral("name"), playlist.name}, {QStringLiteral("kind"), kindName(kind)},
                              {QStringLiteral("query"), playlist.query}, {QStringLiteral("position"), *position}});
    });
    if (!written) {
        return std::unexpected(written.error());
    }
    return id;
}

Result<Playlist> PlaylistRepository::playlist(const QString& id) const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT id, name, kind, query FROM playlist WHERE id = ? AND deleted = 0"), {id});
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, "no such playlist", id.toStdString());
    }
    return Playlist{query->value(0).toString(), query->value(1).toString(),
                    query->value(2).toString() == QLatin1String("smart") ? Playlist::Kind::Smart : Playlist::Kind::List,
                    query->value(3).toString()};
}

Result<void> PlaylistRepository::update(const Playlist& changed)
{
    auto stored = playlist(changed.id);
    if (!stored) {
        return std::unexpected(stored.error());
    }
    Playlist next = *stored;
    next.name = changed.name.trimmed();
    next.query = changed.query.trimmed();
    if (next.name.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a playlist needs a name", "name");
    }
    if (auto ok = checkQuery(next); !ok) {
        return ok;
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) {
        return tracker.write(QStringLiteral("playlist"), next.id, {{QStringLiteral("name"), next.name}, {QStringLiteral("query"), next.query}});
    });
}

Result<void> PlaylistRepository::remove(const QString& playlistId)
{
    auto items = this->items(playlistId);
    if (!items) {
        return std::unexpected(items.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) -> Result<FieldStamp> {
        for (const PlaylistItem& item : *items) {
            if (auto removed = tracker.remove(QStringLiteral("playlist_item"), item.id); !removed) {
                return removed;
            }
        }
        return tracker.remove(QStringLiteral("playlist"), playlistId);
    });
}

Result<QList<Playlist>> PlaylistRepository::playlists() const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT id, name, kind, query FROM playlist WHERE deleted = 0 ORDER BY position, id"));
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<Playlist> result;
    while (query->next()) {
        result.append({query->value(0).toString(), query->value(1).toString(),
                       query->value(2).toString() == QLatin1String("smart") ? Playlist::Kind::Smart : Playlist::Kind::List,
                       query->value(3).toString()});
    }
    return result;
}

Result<QString> PlaylistRepository::add(const QString& playlistId, const QString& songId, const QString& beforeItemId)
{
    auto target = playlist(playlistId);
    if (!target) {
        return std::unexpected(target.error());
    }
    if (target->kind == Playlist::Kind::Smart) {
        return fail(ErrorCode::InvalidArgument, "a saved search finds its own songs; add them to an ordinary playlist",
                    playlistId.toStdString());
    }
    if (auto song = SongRepository(m_db).get(songId); !song) {
        return std::unexpected(song.error());
    }
    auto position = positionInList(m_db, QStringLiteral("playlist_item"), QStringLiteral("playlist_id"), playlistId, beforeItemId, {});
    if (!position) {
        return std::unexpected(position.error());
    }
    const QString id = UuidV7Generator().next();
    auto written = writeTracked(m_db, [&](ChangeTracker& tracker) {
        return tracker.write(QStringLiteral("playlist_item"), id,
                             {{QStringLiteral("playlist_id"), playlistId}, {QStringLiteral("song_id"), songId}, {QStringLiteral("position"), *position}});
    });
    if (!written) {
        return std::unexpected(written.error());
    }
    return id;
}

Result<void> PlaylistRepository::move(const QString& itemId, const QString& beforeItemId)
{
    auto parent = sql::scalar(m_db.connection(), QStringLiteral("SELECT playlist_id FROM playlist_item WHERE id = ? AND deleted = 0"), {itemId});
    if (!parent) {
        return std::unexpected(parent.error());
    }
    if (parent->isNull()) {
        return fail(ErrorCode::NotFound, "no such playlist item", itemId.toStdString());
    }
    auto position = positionInList(m_db, QStringLiteral("playlist_item"), QStringLiteral("playlist_id"), parent->toString(), beforeItemId, itemId);
    if (!position) {
        return std::unexpected(position.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) {
        return tracker.write(QStringLiteral("playlist_item"), itemId, {{QStringLiteral("position"), *position}});
    });
}

Result<void> PlaylistRepository::removeItem(const QString& itemId)
{
    return writeTracked(m_db, [&](ChangeTracker& tracker) { return tracker.remove(QStringLiteral("playlist_item"), itemId); });
}

Result<QList<PlaylistItem>> PlaylistRepository::items(const QString& playlistId) const
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT i.id, i.song_id FROM playlist_item i JOIN song s ON s.id = i.song_id AND s.deleted = 0 "
                                         "WHERE i.playlist_id = ? AND i.deleted = 0 ORDER BY i.position, i.id"),
                          {playlistId});
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<std::pair<QString, QString>> rows;
    while (query->next()) {
        rows.append({query->value(0).toString(), query->value(1).toString()});
    }
    SongRepository songs(m_db);
    QList<PlaylistItem> result;
    for (const auto& [itemId, songId] : rows) {
        auto song = songs.get(songId);
        if (!song) {
            return std::unexpected(song.error());
        }
        result.append({itemId, *song});
    }
    return result;
}

Result<QList<Song>> PlaylistRepository::songs(const QString& playlistId) const
{
    auto target = playlist(playlistId);
    if (!target) {
        return std::unexpected(target.error());
    }
    if (target->kind == Playlist::Kind::Smart) {
        return SongRepository(m_db).search(target->query, 100'000);
    }
    auto items = this->items(playlistId);
    if (!items) {
        return std::unexpected(items.error());
    }
    QList<Song> result;
    for (const PlaylistItem& item : *items) {
        result.append(item.song);
    }
    return result;
}

}  // namespace bandmate::core::library
