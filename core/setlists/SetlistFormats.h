#pragma once

#include "core/setlists/RunSheet.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QString>

#include <functional>
#include <optional>
#include <QStringList>

namespace bandmate::core::setlists {

/// The run-sheet as CSV (RFC 4180): set, number, start, title, artist, key, bpm, length, notes, warnings.
[[nodiscard]] QString runSheetCsv(const RunSheet& sheet);

/// The show, its sets, entries and planned times as JSON (stable field names, documented in
/// resources/setlists/FORMATS.md).
[[nodiscard]] QJsonObject showJson(const ShowPlan& plan, const RunSheet& sheet);

/// The plain-text setlist format used by setlist.fm: one song title per line, a blank line
/// between sets, each set under a header comment with its kind and name ("# Set: Set 2",
/// "# Encore: Encore") so an import gives it back as it was. Breaks are left out.
[[nodiscard]] QString setlistText(const RunSheet& sheet);

/// One group of a plain-text setlist (SetlistRepository::importText reads them).
using TextGroup = ImportGroup;

/// Parses the plain-text format into groups (the main set, then each encore unless a header says
/// otherwise). Lines are trimmed; a run of blank lines starts the next group, and so does a
/// header ("# Set: NAME", "# Encore: NAME"); other lines starting with '#' are comments.
/// Refuses text that is not UTF-8, holds control characters, or a line over 200 characters —
/// naming the line.
[[nodiscard]] Result<QList<TextGroup>> parseSetlistGroups(const QByteArray& bytes);
/// The same, titles only.
[[nodiscard]] Result<QList<QStringList>> parseSetlistText(const QByteArray& bytes);

/// Which printed sheet.
enum class SheetStyle {
    Stage,  ///< titles in large type, one glance from the floor
    Band,   ///< planned times, keys, tempi, lengths and notes
};

/// The words a printed sheet uses, English by default; the app gives them in the musician's
/// language (ui/setlists), the command line prints English.
struct SheetWords {
    QString number = QStringLiteral("#");
    QString start = QStringLiteral("Start");
    QString title = QStringLiteral("Title");
    QString key = QStringLiteral("Key");
    QString bpm = QStringLiteral("BPM");
    QString length = QStringLiteral("Length");
    QString transpose = QStringLiteral("transpose %1");     ///< %1: "+2", "-3"
    /// The line under the table: how many songs, and their total length ("44:00").
    std::function<QString(int songs, const QString& total)> songsTotal = [](int songs, const QString& total) {
        return QStringLiteral("%1 songs · total %2").arg(songs).arg(total);
    };
    QString ofSlot = QStringLiteral(" of a %1-minute slot");  ///< %1: minutes
    QLocale locale = QLocale::c();                             ///< the show's date
};

/// The sheet as self-contained HTML for printing and PDF (rendered by ui/print/SheetPrinter).
/// On the stage sheet each set's heading carries the anchor kSetStartAnchor: the place a page
/// break belongs. On the band sheet a song's notes take a line of their own under its title.
[[nodiscard]] QString sheetHtml(const ShowPlan& plan, const RunSheet& sheet, SheetStyle style, const SheetWords& words = {});

inline constexpr const char* kSetStartAnchor = "bandmate-set";

/// How far a printed sheet may shrink to fit one page: the stage sheet's 30 pt titles stay at
/// 21 pt or more, readable from two metres; the band sheet keeps its size.
[[nodiscard]] constexpr double sheetMinimumScale(SheetStyle style)
{
    return style == SheetStyle::Stage ? 0.7 : 1.0;
}

}  // namespace bandmate::core::setlists
