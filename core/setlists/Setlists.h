#pragma once

#include <optional>

#include "core/util/Result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

namespace bandmate::core {
class Database;
}

namespace bandmate::core::setlists {

/// A gig (entity `show`, synced).
struct Show {
    QString id;
    QString name;
    QDate date;
    QTime startTime{20, 0};
    QString venue;
    QString city;
    int slotMinutes = 0;  ///< the booked length; 0 = none
    double fee = 0.0;
    QString notes;
    QDateTime performedAt;  ///< invalid until marked performed
};

enum class SetKind { Set, Encore };
enum class EntryKind { Song, Break };

/// A song or a break in a set (entity `setlist_entry`).
struct SetlistEntry {
    QString id;
    QString setlistId;
    EntryKind kind = EntryKind::Song;
    QString songId;
    QString title;        ///< a break's label
    qint64 durationMs = 0;  ///< a break's length; for a song 0 means the song's own length
    int transpose = 0;    ///< semitones
    QString notes;        ///< cover, guest, tape, ...
    QString position;     ///< fractional key
};

/// A set or encore of a show (entity `setlist`), its entries in order.
struct Setlist {
    QString id;
    QString showId;
    QString name;
    SetKind kind = SetKind::Set;
    QString position;
    QList<SetlistEntry> entries;
};

/// A show with its sets in order.
struct ShowPlan {
    Show show;
    QList<Setlist> sets;
    [[nodiscard]] int songCount() const;
};

/// The titles of one set to import, with its kind and name when the file gave them (else the
/// first group is "Set 1" and each later one an encore).
struct ImportGroup {
    QStringList titles;
    QString name;
    std::optional<SetKind> kind;
};

/// What an import did.
struct ImportReport {
    QString showId;
    int songs = 0;
    QStringList createdSongs;  ///< titles that were not in the library and were added to it
};

/// Shows, their sets and entries, written through the ChangeTracker. Reordering rewrites only the
/// moved entry's position key, so moves on two devices merge.
class SetlistRepository {
public:
    explicit SetlistRepository(Database& db);

    /// Adds (empty id) or updates a show's details; returns its id. A name and a date are required.
    [[nodiscard]] Result<QString> saveShow(const Show& show);
    [[nodiscard]] Result<Show> show(const QString& id) const;
    /// Every show, the newest date first.
    [[nodiscard]] Result<QList<Show>> shows() const;
    /// Tombstones the show with its sets and entries.
    [[nodiscard]] Result<void> removeShow(const QString& id);
    [[nodiscard]] Result<ShowPlan> plan(const QString& showId) const;

    /// Appends a set or encore to a show; returns its id.
    [[nodiscard]] Result<QString> addSet(const QString& showId, const QString& name, SetKind kind = SetKind::Set);
    [[nodiscard]] Result<void> renameSet(const QString& setId, const QString& name, SetKind kind);
    /// Moves a set before `beforeSetId` (empty: to the end).
    [[nodiscard]] Result<void> moveSet(const QString& setId, const QString& beforeSetId);
    [[nodiscard]] Result<void> removeSet(const QString& setId);

    /// Inserts a song before `beforeEntryId` (empty: at the end); returns the entry id.
    [[nodiscard]] Result<QString> addSong(const QString& setId, const QString& songId, const QString& beforeEntryId = {});
    [[nodiscard]] Result<QString> addBreak(const QString& setId, const QString& title, qint64 durationMs,
                                           const QString& beforeEntryId = {});
    /// Saves an entry's title, length, transpose and notes (not its place: see moveEntry).
    [[nodiscard]] Result<void> updateEntry(const SetlistEntry& entry);
    /// Moves an entry into `setId` before `beforeEntryId` (empty: at the end).
    [[nodiscard]] Result<void> moveEntry(const QString& entryId, const QString& setId, const QString& beforeEntryId = {});
    [[nodiscard]] Result<void> removeEntry(const QString& entryId);
    [[nodiscard]] Result<SetlistEntry> entry(const QString& entryId) const;
    /// Brings back removed sets and entries where they were (undo of a removal).
    [[nodiscard]] Result<void> restore(const QStringList& setIds, const QStringList& entryIds);

    /// Marks a show performed at `at`: each song entry becomes a dated play event (spaced by the
    /// run-sheet's planned times) and the roadmap counts a show (paid when it has a fee). A show
    /// is marked once; returns the number of plays recorded.
    [[nodiscard]] Result<int> markPerformed(const QString& showId, const QDateTime& at);

    /// Creates a show from the plain-text setlist format (core/setlists/SetlistText.h): the first
    /// group is "Set 1", later groups are encores. Titles match library songs case-insensitively
    /// (first match by artist, title); unknown titles become new songs. All or nothing.
    [[nodiscard]] Result<ImportReport> importText(const Show& show, const QList<ImportGroup>& groups);
    [[nodiscard]] Result<ImportReport> importText(const Show& show, const QList<QStringList>& groups);

private:
    [[nodiscard]] Result<void> requireSet(const QString& setId) const;
    [[nodiscard]] Result<QString> insertEntry(const SetlistEntry& entry, const QString& beforeEntryId);

    Database& m_db;
};

}  // namespace bandmate::core::setlists
