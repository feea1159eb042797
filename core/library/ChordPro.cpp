#include "core/library/ChordPro.h"

#include "core/library/MusicalKey.h"

#include <QRegularExpression>
#include <QStringList>

namespace bandmate::core::library {

ChordChart parseChordPro(const QString& text)
{
    static const QRegularExpression kDirective(QStringLiteral("^\\{\\s*([A-Za-z_]+)\\s*(?::\\s*(.*?))?\\s*\\}$"));
    ChordChart chart;
    bool chorus = false;
    for (const QString& raw : text.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed().isEmpty() ? QString() : QString(raw).remove(QLatin1Char('\r'));
        if (line.isEmpty()) {
            chart.lines.append({ChordLine::Kind::Blank, {}, {}, chorus});
            continue;
        }
        if (line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        if (const auto match = kDirective.match(line.trimmed()); match.hasMatch()) {
            const QString name = match.captured(1).toLower();
            const QString value = match.captured(2);
            if (name == QLatin1String("title") || name == QLatin1String("t")) {
                chart.title = value;
            } else if (name == QLatin1String("subtitle") || name == QLatin1String("st")) {
                chart.subtitle = value;
            } else if (name == QLatin1String("key")) {
                chart.key = value;
            } else if (name == QLatin1String("start_of_chorus") || name == QLatin1String("soc")) {
                chorus = true;
                chart.lines.append({ChordLine::Kind::Section, value.isEmpty() ? QStringLiteral("Chorus") : value, {}, true});
            } else if (name == QLatin1String("end_of_chorus") || name == QLatin1String("eoc")) {
                chorus = false;
            } else if (name.startsWith(QLatin1String("start_of_")) || name == QLatin1String("sov") || name == QLatin1String("sob")) {
                chart.lines.append({ChordLine::Kind::Section, value.isEmpty() ? name.mid(9).replace(QLatin1Char('_'), QLatin1Char(' ')) : value, {}, chorus});
            } else if (name.startsWith(QLatin1String("end_of_")) || name == QLatin1String("eov") || name == QLatin1String("eob")) {
                // sections other than the chorus need no closing mark on screen
            } else {
                chart.lines.append({ChordLine::Kind::Comment, value.isEmpty() ? name : value, {}, chorus});
            }
            continue;
        }
        ChordLine lyric{ChordLine::Kind::Lyrics, {}, {}, chorus};
        for (qsizetype i = 0; i < line.size(); ++i) {
            if (line[i] == QLatin1Char('[')) {
                const qsizetype close = line.indexOf(QLatin1Char(']'), i + 1);
                if (close > i) {
                    lyric.chords.append({static_cast<int>(lyric.text.size()), line.mid(i + 1, close - i - 1).trimmed()});
                    i = close;
                    continue;
                }
            }
            lyric.text += line[i];
        }
        chart.lines.append(lyric);
    }
    return chart;
}

QString chordChartHtml(const ChordChart& chart, int semitones, bool preferFlats)
{
    QString html = QStringLiteral("<div style=\"font-size: 11pt;\">");
    if (!chart.title.isEmpty()) {
        html += QStringLiteral("<p style=\"font-size: 15pt; font-weight: bold; margin: 0;\">%1</p>").arg(chart.title.toHtmlEscaped());
    }
    if (!chart.subtitle.isEmpty()) {
        html += QStringLiteral("<p style=\"color: #777; margin: 0;\">%1</p>").arg(chart.subtitle.toHtmlEscaped());
    }
    if (!chart.key.isEmpty()) {
        html += QStringLiteral("<p style=\"color: #777;\">Key: %1</p>").arg(transposeKey(chart.key, semitones).toHtmlEscaped());
    }
    html += QStringLiteral("<pre style=\"font-family: monospace; font-size: 11pt;\">");
    for (const ChordLine& line : chart.lines) {
        const QString indent = line.chorus ? QStringLiteral("  ") : QString();
        switch (line.kind) {
        case ChordLine::Kind::Blank:
            html += QLatin1Char('\n');
            break;
        case ChordLine::Kind::Section:
            html += QStringLiteral("<b>%1</b>\n").arg(line.text.toHtmlEscaped());
            break;
        case ChordLine::Kind::Comment:
            html += QStringLiteral("<i style=\"color: #777;\">%1%2</i>\n").arg(indent, line.text.toHtmlEscaped());
            break;
        case ChordLine::Kind::Lyrics: {
            if (!line.chords.isEmpty()) {
                // Chords above their syllables; a chord longer than the gap pushes the next one on.
                QString above;
                QString lyrics = line.text;
                int shift = 0;
                for (const auto& [column, chord] : line.chords) {
                    const QString moved = transposeChord(chord, semitones, preferFlats);
                    int at = column + shift;
                    if (above.size() > at) {
                        const int gap = static_cast<int>(above.size()) - at + 1;
                        lyrics.insert(std::min<qsizetype>(at, lyrics.size()), QString(gap, QLatin1Char(' ')));
                        shift += gap;
                        at += gap;
                    }
                    above = above.leftJustified(at, QLatin1Char(' ')) + moved;
                }
                html += QStringLiteral("<b style=\"color: #c0501f;\">%1%2</b>\n").arg(indent, above.toHtmlEscaped());
                html += indent + lyrics.toHtmlEscaped() + QLatin1Char('\n');
            } else {
                html += indent + line.text.toHtmlEscaped() + QLatin1Char('\n');
            }
            break;
        }
        }
    }
    html += QStringLiteral("</pre></div>");
    return html;
}

}  // namespace bandmate::core::library
