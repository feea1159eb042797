#pragma once

#include "core/library/Songs.h"
#include "core/setlists/Setlists.h"
#include "core/util/Result.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <QTime>

namespace bandmate::core {
class Database;
}

namespace bandmate::core::setlists {

/// Neighbouring songs further apart than this on the circle of fifths get a flow warning.
inline constexpr int kKeyJumpFifths = 4;
/// Neighbouring songs whose tempi differ by more than both of these get a flow warning.
inline constexpr double kTempoJumpBpm = 25.0;
inline constexpr double kTempoJumpRatio = 0.20;
/// The length assumed for a song whose length is unknown.
inline constexpr qint64 kAssumedSongMs = 4 * 60 * 1000;

/// One entry of a show in playing order, with its planned time.
struct RunSheetRow {
    QString setId;
    QString setName;
    SetKind setKind = SetKind::Set;
    int number = 0;  ///< the song's number in the show (1-based); 0 for breaks
    SetlistEntry entry;
    library::Song song;  ///< empty for breaks and for songs no longer in the library
    QString title;       ///< the song's title or the break's label
    qint64 offsetMs = 0;  ///< from the show's start
    QTime plannedStart;
    qint64 durationMs = 0;
    bool durationAssumed = false;  ///< the song's length is unknown: kAssumedSongMs counted
    QString key;                   ///< transposed by the entry
    double bpm = 0.0;
    QStringList warnings;          ///< flow warnings with the previous song
};

/// A show's run-sheet: planned start times, the total against the slot, and warnings.
struct RunSheet {
    QList<RunSheetRow> rows;
    qint64 totalMs = 0;
    int slotMinutes = 0;
    int songs = 0;
    [[nodiscard]] bool overSlot() const { return slotMinutes > 0 && totalMs > qint64(slotMinutes) * 60'000; }
    QStringList warnings;  ///< the show as a whole: over the slot, a song twice, unknown lengths
};

/// The run-sheet of `plan`, looking songs up in `songs` by id.
[[nodiscard]] RunSheet computeRunSheet(const ShowPlan& plan, const QHash<QString, library::Song>& songs);
/// The same, reading the plan's songs from the database.
[[nodiscard]] Result<RunSheet> buildRunSheet(const ShowPlan& plan, Database& db);

/// "3:05", "1:02:10".
[[nodiscard]] QString formatDuration(qint64 ms);
/// A planned start as "HH:mm", rounded to the nearest minute like the lengths beside it (a song
/// of 2:59.7 from 21:00 shows 3:00, and the next start 21:03, not 21:02).
[[nodiscard]] QString formatStart(const QTime& start);

}  // namespace bandmate::core::setlists
