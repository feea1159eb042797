#pragma once

#include <QList>
#include <QString>

namespace bandmate::core::library {

/// A lyrics-and-chords chart in ChordPro (https://www.chordpro.org): chords in brackets before
/// the syllable they fall on ("[Am]Dime que [E7]sí"), directives in braces ({title: …},
/// {comment: …} or {c: …}, {start_of_chorus}/{soc} … {end_of_chorus}/{eoc}); '#' lines are remarks.
struct ChordLine {
    enum class Kind { Lyrics, Comment, Section, Blank } kind = Kind::Lyrics;
    QString text;            ///< the lyrics without chords, or the comment / section name
    QList<QPair<int, QString>> chords;  ///< (column in text, chord), left to right
    bool chorus = false;
};

struct ChordChart {
    QString title;
    QString subtitle;
    QString key;
    QList<ChordLine> lines;
};

/// Reads a chart; unknown directives are kept as comments, nothing is refused.
[[nodiscard]] ChordChart parseChordPro(const QString& text);

/// The chart as HTML for a QTextBrowser: each lyric line with its chords set above it in a
/// monospaced pair of lines, chords moved by `semitones` (flats when `preferFlats`).
[[nodiscard]] QString chordChartHtml(const ChordChart& chart, int semitones, bool preferFlats = false);

}  // namespace bandmate::core::library
