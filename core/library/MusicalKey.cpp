#include "core/library/MusicalKey.h"

#include <QRegularExpression>

namespace bandmate::core::library {

namespace {

const char* const kSharpNames[12] = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
const char* const kFlatNames[12] = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};

int wrap(int pitchClass) { return ((pitchClass % 12) + 12) % 12; }

/// The pitch class of a note name at the start of `text` ("C", "F#", "Bb"), and its length.
std::optional<std::pair<int, int>> noteAt(const QString& text, qsizetype from = 0)
{
    if (from >= text.size()) {
        return std::nullopt;
    }
    static const int kNatural[7] = {9, 11, 0, 2, 4, 5, 7};  // A B C D E F G
    const QChar letter = text[from].toUpper();
    if (letter < QLatin1Char('A') || letter > QLatin1Char('G')) {
        return std::nullopt;
    }
    int pitchClass = kNatural[letter.unicode() - 'A'];
    int length = 1;
    if (from + 1 < text.size()) {
        const QChar accidental = text[from + 1];
        if (accidental == QLatin1Char('#') || accidental == QChar(0x266F)) {
            ++pitchClass;
            ++length;
        } else if (accidental == QLatin1Char('b') || accidental == QChar(0x266D)) {
            --pitchClass;
            ++length;
        }
    }
    return std::pair{wrap(pitchClass), length};
}

}  // namespace

std::optional<MusicalKey> MusicalKey::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    const auto note = noteAt(trimmed);
    if (!note || !trimmed[0].isUpper()) {
        return std::nullopt;
    }
    const QString rest = trimmed.mid(note->second).trimmed().toLower();
    MusicalKey key{note->first, false};
    if (rest == QLatin1String("m") || rest == QLatin1String("min") || rest == QLatin1String("minor")) {
        key.minor = true;
    } else if (!rest.isEmpty() && rest != QLatin1String("maj") && rest != QLatin1String("major")) {
        return std::nullopt;
    }
    return key;
}

QString MusicalKey::name() const
{
    // Flat keys: F Bb Eb Ab Db major; D G C F Bb minor (their relatives).
    const int major = minor ? wrap(pitchClass + 3) : pitchClass;
    const bool flats = major == 5 || major == 10 || major == 3 || major == 8 || major == 1;
    const QString root = QString::fromLatin1((flats ? kFlatNames : kSharpNames)[pitchClass]);
    return minor ? root + QLatin1Char('m') : root;
}

QStringList MusicalKey::spellings() const
{
    QStringList roots{QString::fromLatin1(kSharpNames[pitchClass]), QString::fromLatin1(kFlatNames[pitchClass])};
    for (const QString& root : QStringList(roots)) {
        if (root.size() == 2) {
            roots << root.left(1) + (root.endsWith(QLatin1Char('#')) ? QChar(0x266F) : QChar(0x266D));
        }
    }
    roots.removeDuplicates();
    const QStringList suffixes = minor ? QStringList{QStringLiteral("m"), QStringLiteral("min"), QStringLiteral(" min"), QStringLiteral("minor"), QStringLiteral(" minor")}
                                       : QStringList{QString(), QStringLiteral("maj"), QStringLiteral(" maj"), QStringLiteral("major"), QStringLiteral(" major")};
    QStringList all;
    for (const QString& root : roots) {
        for (const QString& suffix : suffixes) {
            all << (root + suffix).toLower();
        }
    }
    all.removeDuplicates();
    return all;
}

MusicalKey MusicalKey::transposed(int semitones) const { return {wrap(pitchClass + semitones), minor}; }

int MusicalKey::fifthsTo(const MusicalKey& other) const
{
    const int a = wrap((minor ? pitchClass + 3 : pitchClass) * 7);
    const int b = wrap((other.minor ? other.pitchClass + 3 : other.pitchClass) * 7);
    const int apart = std::abs(a - b);
    return std::min(apart, 12 - apart);
}

QString transposeKey(const QString& key, int semitones)
{
    const auto parsed = MusicalKey::parse(key);
    return parsed ? parsed->transposed(semitones).name() : key;
}

QString transposeChord(const QString& chord, int semitones, bool preferFlats)
{
    // Accidentals as typed (# b) or as printed (♯ ♭).
    static const QRegularExpression kChord(QStringLiteral("^([A-G](?:#|b|\u266F|\u266D)?)([^/]*)(?:/([A-G](?:#|b|\u266F|\u266D)?))?$"));
    const auto match = kChord.match(chord.trimmed());
    if (!match.hasMatch()) {
        return chord;
    }
    const auto spell = [&](const QString& note) {
        const auto parsed = noteAt(note);
        return QString::fromLatin1((preferFlats ? kFlatNames : kSharpNames)[wrap(parsed->first + semitones)]);
    };
    QString result = spell(match.captured(1)) + match.captured(2);
    if (match.hasCaptured(3) && !match.captured(3).isEmpty()) {
        result += QLatin1Char('/') + spell(match.captured(3));
    }
    return result;
}

}  // namespace bandmate::core::library
