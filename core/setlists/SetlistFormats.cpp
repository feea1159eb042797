#include "core/setlists/SetlistFormats.h"


#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QStringDecoder>

namespace bandmate::core::setlists {

namespace {

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r'))) {
        return text;
    }
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString bpmText(double bpm) { return bpm > 0 ? QString::number(bpm, 'g', 4) : QString(); }

QString setKindText(SetKind kind) { return kind == SetKind::Encore ? QStringLiteral("encore") : QStringLiteral("set"); }

}  // namespace

QString runSheetCsv(const RunSheet& sheet)
{
    QString csv = QStringLiteral("set,number,start,title,artist,key,bpm,length,notes,warnings\r\n");
    for (const RunSheetRow& row : sheet.rows) {
        const QStringList fields{row.setName,
                                 row.number > 0 ? QString::number(row.number) : QString(),
                                 formatStart(row.plannedStart),
                                 row.title,
                                 row.song.artist,
                                 row.key,
                                 bpmText(row.bpm),
                                 formatDuration(row.durationMs),
                                 row.entry.notes,
                                 row.warnings.join(QStringLiteral("; "))};
        QStringList quoted;
        for (const QString& field : fields) {
            quoted << csvField(field);
        }
        csv += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return csv;
}

QJsonObject showJson(const ShowPlan& plan, const RunSheet& sheet)
{
    QJsonArray sets;
    for (const Setlist& set : plan.sets) {
        QJsonArray entries;
        for (const RunSheetRow& row : sheet.rows) {
            if (row.setId != set.id) {
                continue;
            }
            QJsonObject entry{{QStringLiteral("id"), row.entry.id},
                              {QStringLiteral("kind"), row.entry.kind == EntryKind::Break ? QStringLiteral("break") : QStringLiteral("song")},
                              {QStringLiteral("title"), row.title},
                              {QStringLiteral("start"), formatStart(row.plannedStart)},
                              {QStringLiteral("duration_ms"), row.durationMs},
                              {QStringLiteral("notes"), row.entry.notes}};
            if (row.entry.kind == EntryKind::Song) {
                entry.insert(QStringLiteral("song_id"), row.entry.songId);
                entry.insert(QStringLiteral("artist"), row.song.artist);
                entry.insert(QStringLiteral("key"), row.key);
                entry.insert(QStringLiteral("bpm"), row.bpm);
                entry.insert(QStringLiteral("transpose"), row.entry.transpose);
                entry.insert(QStringLiteral("duration_assumed"), row.durationAssumed);
                entry.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(row.warnings));
            }
            entries.append(entry);
        }
        sets.append(QJsonObject{{QStringLiteral("id"), set.id},
                                {QStringLiteral("name"), set.name},
                                {QStringLiteral("kind"), setKindText(set.kind)},
                                {QStringLiteral("entries"), entries}});
    }
    const Show& show = plan.show;
    return QJsonObject{{QStringLiteral("id"), show.id},
                       {QStringLiteral("name"), show.name},
                       {QStringLiteral("date"), show.date.toString(Qt::ISODate)},
                       {QStringLiteral("start_time"), show.startTime.toString(QStringLiteral("HH:mm"))},
                       {QStringLiteral("venue"), show.venue},
                       {QStringLiteral("city"), show.city},
                       {QStringLiteral("slot_minutes"), show.slotMinutes},
                       {QStringLiteral("fee"), show.fee},
                       {QStringLiteral("notes"), show.notes},
                       {QStringLiteral("performed_at"), show.performedAt.isValid() ? show.performedAt.toString(Qt::ISODate) : QString()},
                       {QStringLiteral("total_ms"), sheet.totalMs},
                       {QStringLiteral("over_slot"), sheet.overSlot()},
                       {QStringLiteral("warnings"), QJsonArray::fromStringList(sheet.warnings)},
                       {QStringLiteral("sets"), sets}};
}

QString setlistText(const RunSheet& sheet)
{
    QString text;
    QString setId;
    for (const RunSheetRow& row : sheet.rows) {
        // A song no longer in the library has no title to bring back: it is left out rather
        // than written as the run-sheet's placeholder (which an import would make a song).
        if (row.entry.kind != EntryKind::Song || row.song.id.isEmpty()) {
            continue;
        }
        // Each set its own group: a blank line between sets (encores included), and a header
        // with its kind and name.
        if (row.setId != setId) {
            if (!text.isEmpty()) {
                text += QLatin1Char('\n');
            }
            // At most 100 characters of the name, as the import keeps.
            text += (row.setKind == SetKind::Encore ? QStringLiteral("# Encore: ") : QStringLiteral("# Set: ")) +
                    row.setName.simplified().left(100) + QLatin1Char('\n');
        }
        setId = row.setId;
        // "#" starts a comment and "\\" escapes: a title that starts with either is written
        // behind a backslash, so it reads back as itself.
        // One line each, as the import reads it: no line breaks or tabs inside, no spaces at the
        // ends (a title from another computer may hold them).
        const QString title = row.title.simplified();
        if (title.isEmpty()) {
            continue;
        }
        const bool escape = title.startsWith(QLatin1Char('#')) || title.startsWith(QLatin1Char('\\'));
        text += (escape ? QStringLiteral("\\") : QString()) + title + QLatin1Char('\n');
    }
    return text;
}

Result<QList<TextGroup>> parseSetlistGroups(const QByteArray& bytes)
{
    if (bytes.size() > 1024 * 1024) {
        return fail(ErrorCode::InvalidInput, "larger than 1 MiB: not a setlist");
    }
    QList<TextGroup> groups{{}};
    static const QRegularExpression header(QStringLiteral("^#\\s*(set|encore)\\s*:\\s*(.*)$"), QRegularExpression::CaseInsensitiveOption);
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const std::string where = "line " + std::to_string(i + 1);
        // A newline byte never occurs inside a UTF-8 sequence, so each line decodes on its own.
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString line = decoder.decode(lines[i]);
        if (decoder.hasError()) {
            return fail(ErrorCode::InvalidInput, "not UTF-8 text", where);
        }
        if (i == 0 && line.startsWith(QChar(0xFEFF))) {
            line.remove(0, 1);
        }
        line = line.trimmed();
        for (const QChar c : line) {
            if (c.category() == QChar::Other_Control) {
                return fail(ErrorCode::InvalidInput, "a control character in a title (is this a text file?)", where);
            }
        }
        if (line.size() > 200 && !line.startsWith(QLatin1Char('#'))) {
            return fail(ErrorCode::InvalidInput, "a line longer than 200 characters (one song title per line)", where);
        }
        if (line.startsWith(QLatin1Char('#'))) {
            if (const auto match = header.match(line); match.hasMatch()) {
                // A set's header: a group of its own, with its kind and name.
                if (!groups.last().titles.isEmpty() || groups.last().kind) {
                    groups.append(TextGroup{});
                }
                groups.last().kind = match.captured(1).compare(QLatin1String("encore"), Qt::CaseInsensitive) == 0 ? SetKind::Encore : SetKind::Set;
                groups.last().name = match.captured(2).simplified().left(100);
            }
            continue;
        }
        if (line.isEmpty()) {
            if (!groups.last().titles.isEmpty()) {
                groups.append(TextGroup{});
            }
            continue;
        }
        if (line.startsWith(QLatin1Char('\\'))) {
            line = line.mid(1).trimmed();  // "\#1 hit" is the title "#1 hit"; "\ x" is "x" (found by fuzzing)
            if (line.isEmpty()) {
                continue;
            }
        }
        groups.last().titles << line;
    }
    // A set with a header and no songs stays out, as an empty group always did.
    groups.removeIf([](const TextGroup& group) { return group.titles.isEmpty(); });
    if (groups.isEmpty()) {
        return fail(ErrorCode::InvalidInput, "no song titles (one per line)", "line 1");
    }
    return groups;
}

Result<QList<QStringList>> parseSetlistText(const QByteArray& bytes)
{
    auto groups = parseSetlistGroups(bytes);
    if (!groups) {
        return std::unexpected(groups.error());
    }
    QList<QStringList> titles;
    for (const TextGroup& group : *groups) {
        titles << group.titles;
    }
    return titles;
}

QString sheetHtml(const ShowPlan& plan, const RunSheet& sheet, SheetStyle style, const SheetWords& words)
{
    const Show& show = plan.show;
    const QString place = QStringList{show.venue, show.city}.filter(QRegularExpression(QStringLiteral("\\S"))).join(QStringLiteral(", "));
    QString html = QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title></head><body style=\"font-family: sans-serif;\">")
                       .arg(show.name.toHtmlEscaped());
    html += QStringLiteral("<p style=\"font-size: 11pt; color: #555;\">%1 · %2 %3%4</p>")
                .arg(show.name.toHtmlEscaped(), words.locale.toString(show.date, QStringLiteral("ddd d MMM yyyy")),
                     show.startTime.toString(QStringLiteral("HH:mm")), place.isEmpty() ? QString() : QStringLiteral(" · ") + place.toHtmlEscaped());
    QString setId;
    if (style == SheetStyle::Stage) {
        for (const RunSheetRow& row : sheet.rows) {
            if (row.setId != setId) {
                setId = row.setId;
                // The anchor marks where a page may best break (ui/print/SheetPrinter).
                html += QStringLiteral("<p style=\"font-size: 16pt; font-weight: bold; margin-top: 14pt; color: #777;\"><a name=\"%1\"></a>%2</p>")
                            .arg(QLatin1String(kSetStartAnchor), row.setName.toHtmlEscaped());
            }
            if (row.entry.kind == EntryKind::Break) {
                html += QStringLiteral("<p style=\"font-size: 18pt; font-style: italic; color: #777;\">— %1 —</p>").arg(row.title.toHtmlEscaped());
                continue;
            }
            // Each title after its number in the show: a title that wraps is told from the next
            // one at a glance (its second line has no number).
            html += QStringLiteral("<p style=\"font-size: 30pt; font-weight: bold; margin: 4pt 0;\"><span style=\"font-size: 16pt; "
                                   "font-weight: normal; color: #888;\">%1&nbsp;&nbsp;</span>%2&nbsp;<span style=\"font-size: 18pt; "
                                   "font-weight: normal; color: #555;\">%3</span></p>")
                        .arg(QString::number(row.number), row.title.toHtmlEscaped(), row.key.toHtmlEscaped());
        }
        html += QStringLiteral("</body></html>");
        return html;
    }
    // A song's notes and warnings go under its title, in the same cell: the title column takes
    // all the width the short columns leave (a title of ordinary length stays on one line), the
    // notes wrap between words, and a page never separates them from their song. Numbers,
    // times, keys and lengths never wrap.
    const QString fixed = QStringLiteral(" style=\"white-space: nowrap;\"");
    // 1 %: as narrow as their text allows; the title column takes what is left.
    const QString narrow = QStringLiteral(" width=\"1%\" style=\"white-space: nowrap;\"");
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" style=\"font-size: 10pt; border-collapse: collapse;\">"
                           "<tr style=\"background: #eee;\"><th align=\"left\"%7>%1</th><th align=\"left\"%7>%2</th><th align=\"left\">%3</th>"
                           "<th align=\"left\"%7>%4</th><th align=\"right\"%7>%5</th><th align=\"right\"%7>%6</th></tr>")
                .arg(words.number.toHtmlEscaped(), words.start.toHtmlEscaped(), words.title.toHtmlEscaped(), words.key.toHtmlEscaped(),
                     words.bpm.toHtmlEscaped(), words.length.toHtmlEscaped(), narrow);
    for (const RunSheetRow& row : sheet.rows) {
        if (row.setId != setId) {
            setId = row.setId;
            html += QStringLiteral("<tr><td colspan=\"6\" style=\"font-weight: bold; padding-top: 10pt; border-bottom: 1px solid #999;\">%1</td></tr>")
                        .arg(row.setName.toHtmlEscaped());
        }
        QStringList notes;
        if (!row.entry.notes.isEmpty()) {
            notes << row.entry.notes.toHtmlEscaped();
        }
        if (row.entry.transpose != 0) {
            notes << words.transpose.arg((row.entry.transpose > 0 ? QStringLiteral("+") : QString()) + QString::number(row.entry.transpose)).toHtmlEscaped();
        }
        for (const QString& warning : row.warnings) {
            notes << QStringLiteral("<span style=\"color: #b35c00;\">⚠ %1</span>").arg(warning.toHtmlEscaped());
        }
        const bool isBreak = row.entry.kind == EntryKind::Break;
        const QString under = notes.isEmpty() ? QString()
                                              : QStringLiteral("<br><span style=\"font-size: 9pt; color: #444;\">%1</span>").arg(notes.join(QStringLiteral(" · ")));
        html += QStringLiteral("<tr%1><td%9>%2</td><td%9>%3</td><td>%4%10</td><td%9>%5</td><td align=\"right\"%9>%6</td><td align=\"right\"%9>%7%8</td></tr>")
                    .arg(isBreak ? QStringLiteral(" style=\"color: #777; font-style: italic;\"") : QString(),
                         row.number > 0 ? QString::number(row.number) : QString(), formatStart(row.plannedStart), row.title.toHtmlEscaped(),
                         row.key.toHtmlEscaped(), bpmText(row.bpm), formatDuration(row.durationMs),
                         row.durationAssumed ? QStringLiteral("?") : QString(), fixed, under);  // one pass: a "%1" in a title stays
    }
    html += QStringLiteral("</table><p style=\"font-size: 10pt;\">%1%2</p>")
                .arg(words.songsTotal(sheet.songs, formatDuration(sheet.totalMs)).toHtmlEscaped(),
                     sheet.slotMinutes > 0 ? words.ofSlot.arg(sheet.slotMinutes).toHtmlEscaped() : QString());
    for (const QString& warning : sheet.warnings) {
        html += QStringLiteral("<p style=\"font-size: 10pt; color: #b35c00;\">⚠ %1</p>").arg(warning.toHtmlEscaped());
    }
    html += QStringLiteral("</body></html>");
    return html;
}

}  // namespace bandmate::core::setlists
