#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace bandmate::core::library {

/// A key as musicians write it: "C", "F#", "Bb", "Am", "C#m", "Ebm" (also "A minor", "Bb major").
struct MusicalKey {
    int pitchClass = 0;  ///< 0 = C … 11 = B
    bool minor = false;

    [[nodiscard]] static std::optional<MusicalKey> parse(const QString& text);
    /// The usual spelling: flats for F, Bb, Eb, Ab, Db (and their relative minors), sharps else.
    [[nodiscard]] QString name() const;
    /// Every way this key is commonly written, lower case: both enharmonic spellings (A#/Bb),
    /// with # b or ♯ ♭, and "m", "min", "minor" (or "", "maj", "major"), with or without a space.
    [[nodiscard]] QStringList spellings() const;
    [[nodiscard]] MusicalKey transposed(int semitones) const;
    /// Steps apart on the circle of fifths (0…6), comparing minors by their relative major.
    [[nodiscard]] int fifthsTo(const MusicalKey& other) const;
};

/// `key` moved by `semitones`; text that is not a key comes back unchanged.
[[nodiscard]] QString transposeKey(const QString& key, int semitones);

/// A chord symbol moved by `semitones`: the root and any bass note ("G/B" → "A/C#"), the quality
/// kept ("F#m7b5"). `preferFlats` chooses the spelling of black keys. Non-chords come back unchanged.
[[nodiscard]] QString transposeChord(const QString& chord, int semitones, bool preferFlats = false);

}  // namespace bandmate::core::library
