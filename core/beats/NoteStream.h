#pragma once

#include "core/beats/Machine.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bandmate::core::beats {

/// One sound to start at a step of an instrument's loop, after the musical rules were applied.
struct StepEvent {
    int step = 0;        ///< position in the instrument's loop, 0 ≤ step < loopLength
    std::string sample;  ///< kit sample name, "<instrumentId>-<number>"
    int number = 0;      ///< the sounding pitch (keyed) or articulation (percussion)
    double gain = 1.0;   ///< the note's velocity

    friend bool operator==(const StepEvent&, const StepEvent&) = default;
};

/// One enabled instrument's active program, compiled.
struct CompiledInstrument {
    int instrumentIndex = 0;  ///< position in Machine::instruments (mixer channel)
    std::string id;
    bool keyed = false;
    int loopLength = 16;
    double volume = 1.0;
    std::vector<StepEvent> events;  ///< sorted by step
};

/// One entry of an arrangement's form, compiled: where it lies in the tune and how it plays.
struct SongEntry {
    std::string name;
    int section = 0;         ///< index into Arrangement::sections
    int startStep = 0;
    int steps = 0;           ///< bars × repeats, its break bar included
    double bpm = 120.0;      ///< its tempo (the machine's unless the section has its own)
    int keyNote = 0;
    int breakStep = -1;      ///< its own break bar's first step, or -1
    int liveBreakStep = -1;  ///< the one-bar break a live "break" plays from it, or -1
};

/// An arrangement laid out as one long loop that every instrument shares: the tune's steps
/// [0, songSteps), then one bar per entry for live breaks [songSteps, totalSteps).
struct SongLayout {
    int songSteps = 0;
    int totalSteps = 0;
    int barSteps = 8;
    std::vector<SongEntry> entries;
    /// Arriving at step `first` in playing order, the tune goes on at step `second` instead:
    /// the end of the loop back to its start, a live break's bar on to the next entry.
    std::vector<std::pair<int, int>> jumps;
    int loopFirstEntry = 0;
    int loopLastEntry = 0;

    /// The entry step `step` of the tune (or of a live break) belongs to, or -1.
    [[nodiscard]] int entryAt(int step) const;
};

/// What the sequencer plays: every enabled instrument's notes with key, hands, tonic and clave
/// direction already applied. Standard library types only (the audio thread reads it).
struct NoteStream {
    Flavor flavor = Flavor::Salsa;
    double bpm = 120.0;
    double masterVolume = 1.0;
    int instrumentCount = 0;  ///< all instruments, enabled or not
    std::vector<CompiledInstrument> instruments;
    /// Set for an arrangement: every instrument's loop is the whole layout, and the tempo moves
    /// with each entry's (relative to `bpm`, so a tempo change of the whole scales them all).
    std::optional<SongLayout> song;
};

/// Applies the Salsa Beat Machine rules (DESIGN.md section 3) to the machine's current state:
/// enabled instruments, active programs, key and clave direction.
[[nodiscard]] NoteStream compileMachine(const Machine& machine);

/// Which entries of the form play over and over (inclusive; -1: the last one).
struct SongLoop {
    int firstEntry = 0;
    int lastEntry = -1;
};

/// Lays out an arrangement of `machine` (DESIGN.md section 3, "Arrangements") with the same
/// rules as compileMachine, section by section: programs loop from each section's start, its
/// key and tempo apply, its break bar replaces the last bar of its last repeat. Parts naming an
/// instrument or a program the machine lacks rest; entries past MachineLimits::kMaxSongSteps are
/// left out.
[[nodiscard]] NoteStream compileArrangement(const Machine& machine, const Arrangement& arrangement, SongLoop loop = {});

/// The arrangement named `name` in `machine`, or nullptr.
[[nodiscard]] const Arrangement* findArrangement(const Machine& machine, const std::string& name);

/// The kit sample name for an instrument and a sounding number: "congas-2", "piano-64".
[[nodiscard]] std::string sampleName(const std::string& instrumentId, int number);

/// Every sample name the machine can request in any key with any program (for kit checks).
[[nodiscard]] std::vector<std::string> allSampleNames(const Machine& machine);

}  // namespace bandmate::core::beats
