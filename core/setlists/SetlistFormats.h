#pragma once

#include "core/setlists/RunSheet.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

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

/// The sheet as self-contained HTML for printing and PDF (rendered by ui/print/SheetPrinter).
[[nodiscard]] QString sheetHtml(const ShowPlan& plan, const RunSheet& sheet, SheetStyle style);

}  // namespace bandmate::core::setlists
