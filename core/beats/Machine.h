#pragma once

// The beat-pattern model (the Salsa Beat Machine's): standard library types only, so the audio
// thread can consume it without touching Qt (DESIGN.md section 1).

#include <string>
#include <vector>

namespace bandmate::core::beats {

/// How long one step is: Salsa counts eighth notes, Merengue sixteenth notes.
enum class Flavor { Salsa, Merengue };

/// Which hand plays a note of a two-handed (piano) instrument; Both unless the file says.
enum class Hand { Both, Left, Right };

struct Note {
    int index = 0;          ///< step inside the program, 0 ≤ index < length
    int pitch = 0;          ///< semitones over the key (keyed) or the articulation (percussion)
    double velocity = 1.0;  ///< linear gain, 0…1
    bool pianoTonic = false;  ///< also play the octave above
    Hand hand = Hand::Both;

    friend bool operator==(const Note&, const Note&) = default;
};

struct Program {
    std::string title;
    int length = 16;  ///< steps; each instrument loops its own program length
    std::vector<Note> notes;

    friend bool operator==(const Program&, const Program&) = default;
};

struct Instrument {
    std::string id;     ///< lower-case element name, e.g. "congas"; names the kit samples
    std::string title;  ///< shown to the user
    bool enabled = true;
    int activeProgram = 0;
    double volume = 1.0;
    bool respectsClave = false;  ///< rotated by one bar when the clave is 3-2
    bool keyed = false;          ///< pitch follows the machine key
    int pitchOffset = 0;
    bool playBothHands = false;
    int leftHandPitchOffset = 0;
    std::vector<Program> programs;

    friend bool operator==(const Instrument&, const Instrument&) = default;
};

/// One instrument's part in a section: the program it plays, or kOff.
struct SectionPart {
    static constexpr int kOff = -1;
    std::string instrument;  ///< Instrument::id
    int program = kOff;      ///< index into the instrument's programs, or kOff

    friend bool operator==(const SectionPart&, const SectionPart&) = default;
};

/// A part of a tune (intro, verse, montuno, mambo, cierre): so many bars of chosen programs,
/// played `repeats` times, perhaps at its own tempo and key, perhaps ending on a one-bar break.
struct Section {
    std::string name;
    int bars = 4;
    int repeats = 1;
    /// Instruments named here play that program (or rest, kOff); the others play as the
    /// machine has them (enabled, active program).
    std::vector<SectionPart> parts;
    double bpm = 0.0;  ///< 0: the machine's tempo
    int keyNote = -1;  ///< -1: the machine's key
    /// The break: the last bar of the section's last repeat, where the instruments named here
    /// play the first bar of that program together and all the others rest. Empty: no break.
    std::vector<SectionPart> breakParts;
    std::string colour;  ///< "#rrggbb", or empty for the view's own
    /// Which stored section this is (its row's id), kept through renames and moves so that sync
    /// merges edits section by section; empty for one not stored yet. Not part of what it plays:
    /// equality leaves it out.
    std::string id;

    friend bool operator==(const Section& a, const Section& b)
    {
        return a.name == b.name && a.bars == b.bars && a.repeats == b.repeats && a.parts == b.parts && a.bpm == b.bpm
               && a.keyNote == b.keyNote && a.breakParts == b.breakParts && a.colour == b.colour;
    }
};

/// A whole tune made of a machine's sections: `form` plays them in order (indices into
/// `sections`; a section may come back, e.g. verse, montuno, verse).
struct Arrangement {
    std::string name;
    std::vector<Section> sections;
    std::vector<int> form;
    std::string id;  ///< as Section::id

    friend bool operator==(const Arrangement& a, const Arrangement& b)
    {
        return a.name == b.name && a.sections == b.sections && a.form == b.form;
    }
};

struct Machine {
    std::string machineId;
    std::string title;
    Flavor flavor = Flavor::Salsa;
    double bpm = 120.0;
    int keyNote = 0;  ///< 0 = C … 11 = B
    bool clave32 = false;
    double volume = 1.0;
    std::vector<Instrument> instruments;
    std::vector<Arrangement> arrangements;

    friend bool operator==(const Machine&, const Machine&) = default;
};

/// Limits that the XML reader and the editors enforce.
struct MachineLimits {
    static constexpr int kMaxInstruments = 64;
    static constexpr int kMaxPrograms = 512;   ///< per instrument
    static constexpr int kMaxSteps = 256;      ///< program length
    static constexpr int kMaxNotesPerProgram = 4096;
    static constexpr double kMinBpm = 30.0;
    static constexpr double kMaxBpm = 300.0;
    static constexpr int kMaxPitchOffset = 127;
    static constexpr int kMaxPitch = 127;
    static constexpr int kMaxArrangements = 64;
    static constexpr int kMaxSections = 128;     ///< per arrangement
    static constexpr int kMaxFormEntries = 512;  ///< per arrangement
    static constexpr int kMaxSectionBars = 256;
    static constexpr int kMaxRepeats = 64;
    /// A whole tune's length in steps (32,768: 4,096 salsa bars, 2,048 merengue bars).
    static constexpr int kMaxSongSteps = 32768;
};

/// Steps in one 4/4 bar: 8 for Salsa (eighths), 16 for Merengue (sixteenths).
[[nodiscard]] constexpr int stepsPerBar(Flavor flavor)
{
    return flavor == Flavor::Salsa ? 8 : 16;
}

/// Steps in one beat (a quarter note).
[[nodiscard]] constexpr int stepsPerBeat(Flavor flavor)
{
    return flavor == Flavor::Salsa ? 2 : 4;
}

/// "Salsa" / "Merengue", as in the file format.
[[nodiscard]] const char* flavorName(Flavor flavor);

}  // namespace bandmate::core::beats
