#pragma once

#include "core/library/Songs.h"
#include "core/util/Result.h"

#include <QList>
#include <QString>

namespace bandmate::core {
class Database;
}

namespace bandmate::core::library {

/// A playlist (entity `playlist`): an ordered list of songs, or a saved search whose songs are
/// whatever its query finds now.
struct Playlist {
    enum class Kind { List, Smart };
    QString id;
    QString name;
    Kind kind = Kind::List;
    QString query;  ///< the search of a smart playlist (resources/library/SEARCH.md)
};

/// One song in an ordered playlist.
struct PlaylistItem {
    QString id;
    Song song;
};

class PlaylistRepository {
public:
    explicit PlaylistRepository(Database& db);

    /// Adds a playlist at the end; a smart one needs a query that reads (the error says where not).
    [[nodiscard]] Result<QString> create(const QString& name, Playlist::Kind kind, const QString& query = {});
    /// Renames it, and for a smart one changes its query.
    [[nodiscard]] Result<void> update(const Playlist& playlist);
    [[nodiscard]] Result<void> remove(const QString& playlistId);
    /// Every playlist in order.
    [[nodiscard]] Result<QList<Playlist>> playlists() const;

    /// Puts a song in an ordered playlist before `beforeItemId` (empty: at the end); returns the item id.
    [[nodiscard]] Result<QString> add(const QString& playlistId, const QString& songId, const QString& beforeItemId = {});
    [[nodiscard]] Result<void> move(const QString& itemId, const QString& beforeItemId);
    [[nodiscard]] Result<void> removeItem(const QString& itemId);
    /// An ordered playlist's songs in order (songs since removed from the library are left out).
    [[nodiscard]] Result<QList<PlaylistItem>> items(const QString& playlistId) const;
    /// The songs of any playlist: its items, or what its query finds.
    [[nodiscard]] Result<QList<Song>> songs(const QString& playlistId) const;

private:
    [[nodiscard]] Result<Playlist> playlist(const QString& id) const;

    Database& m_db;
};

}  // namespace bandmate::core::library
