#include "core/setlists/RunSheet.h"

#include "core/library/MusicalKey.h"

#include <QSet>

#include <cmath>

namespace bandmate::core::setlists {

QString formatStart(const QTime& start)
{
    return start.addSecs(30).toString(QStringLiteral("HH:mm"));
}

QString formatDuration(qint64 ms)
{
    const qint64 seconds = (ms + 500) / 1000;
    if (seconds >= 3600) {
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

namespace {

QStringList flowWarnings(const RunSheetRow& previous, const RunSheetRow& current)
{
    QStringList warnings;
    if (previous.bpm > 0 && current.bpm > 0) {
        const double apart = std::abs(current.bpm - previous.bpm);
        if (apart > kTempoJumpBpm && apart > kTempoJumpRatio * std::min(previous.bpm, current.bpm)) {
            warnings << QStringLiteral("tempo jump %1 → %2 BPM").arg(std::round(previous.bpm)).arg(std::round(current.bpm));
        }
    }
    const auto from = library::MusicalKey::parse(previous.key);
    const auto to = library::MusicalKey::parse(current.key);
    if (from && to && from->fifthsTo(*to) >= kKeyJumpFifths) {
        warnings << QStringLiteral("key jump %1 → %2").arg(previous.key, current.key);
    }
    return warnings;
}

}  // namespace

RunSheet computeRunSheet(const ShowPlan& plan, const QHash<QString, library::Song>& songs)
{
    RunSheet sheet;
    sheet.slotMinutes = plan.show.slotMinutes;
    const QTime start = plan.show.startTime.isValid() ? plan.show.startTime : QTime(20, 0);
    QSet<QString> seen;
    QStringList twice;
    int unknownLengths = 0;
    for (const Setlist& set : plan.sets) {
        qsizetype previousSong = -1;  // index of the song just before, in this set
        const qsizetype setStart = sheet.rows.size();
        for (const SetlistEntry& entry : set.entries) {
            RunSheetRow row;
            row.setId = set.id;
            row.setName = set.name;
            row.setKind = set.kind;
            row.entry = entry;
            row.offsetMs = sheet.totalMs;
            row.plannedStart = start.addMSecs(static_cast<int>(sheet.totalMs % (24LL * 3600 * 1000)));
            if (entry.kind == EntryKind::Break) {
                row.title = entry.title;
                row.durationMs = entry.durationMs;
            } else {
                row.number = ++sheet.songs;
                row.song = songs.value(entry.songId);
                row.title = row.song.id.isEmpty() ? QStringLiteral("(song removed from the library)") : row.song.title;
                row.key = library::transposeKey(row.song.key, entry.transpose);
                row.bpm = row.song.bpm;
                row.durationMs = entry.durationMs > 0 ? entry.durationMs : row.song.durationMs;
                if (row.durationMs <= 0) {
                    row.durationMs = kAssumedSongMs;
                    row.durationAssumed = true;
                    ++unknownLengths;
                }
                if (!entry.songId.isEmpty() && seen.contains(entry.songId) && !twice.contains(row.title)) {
                    twice << row.title;
                }
                seen.insert(entry.songId);
            }
            sheet.totalMs += row.durationMs;
            sheet.rows.append(row);
            // Flow is judged between songs played back to back: a break starts afresh.
            if (entry.kind == EntryKind::Break) {
                previousSong = -1;
                continue;
            }
            if (previousSong >= 0) {
                sheet.rows.last().warnings = flowWarnings(sheet.rows[previousSong], sheet.rows.last());
            }
            previousSong = sheet.rows.size() - 1;
        }
        if (sheet.rows.size() == setStart) {
            sheet.warnings << QStringLiteral("%1 is empty").arg(set.name);
        }
    }
    if (sheet.overSlot()) {
        sheet.warnings << QStringLiteral("%1 over the %2-minute slot (total %3)")
                              .arg(formatDuration(sheet.totalMs - qint64(sheet.slotMinutes) * 60'000))
                              .arg(sheet.slotMinutes)
                              .arg(formatDuration(sheet.totalMs));
    }
    for (const QString& title : twice) {
        sheet.warnings << QStringLiteral("“%1” is in the show twice").arg(title);
    }
    if (unknownLengths > 0) {
        sheet.warnings << QStringLiteral("%1 song(s) of unknown length, counted as %2 each").arg(unknownLengths).arg(formatDuration(kAssumedSongMs));
    }
    return sheet;
}

Result<RunSheet> buildRunSheet(const ShowPlan& plan, Database& db)
{
    library::SongRepository repository(db);
    QHash<QString, library::Song> songs;
    for (const Setlist& set : plan.sets) {
        for (const SetlistEntry& entry : set.entries) {
            if (entry.kind != EntryKind::Song || songs.contains(entry.songId)) {
                continue;
            }
            auto song = repository.get(entry.songId);
            if (song) {
                songs.insert(entry.songId, *song);
            } else if (song.error().code != ErrorCode::NotFound) {
                return std::unexpected(song.error());
            }
        }
    }
    return computeRunSheet(plan, songs);
}

}  // namespace bandmate::core::setlists
