#pragma once

#include "core/beats/Machine.h"

#include <string>
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

/// What the sequencer plays: every enabled instrument's notes with key, hands, tonic and clave
/// direction already applied. Standard library types only (the audio thread reads it).
struct NoteStream {
    Flavor flavor = Flavor::Salsa;
    double bpm = 120.0;
    double masterVolume = 1.0;
    int instrumentCount = 0;  ///< all instruments, enabled or not
    std::vector<CompiledInstrument> instruments;
};

/// Applies the Salsa Beat Machine rules (DESIGN.md section 3) to the machine's current state:
/// enabled instruments, active programs, key and clave direction.
[[nodiscard]] NoteStream compileMachine(const Machine& machine);

/// The kit sample name for an instrument and a sounding number: "congas-2", "piano-64".
[[nodiscard]] std::string sampleName(const std::string& instrumentId, int number);

/// Every sample name the machine can request in any key with any program (for kit checks).
[[nodiscard]] std::vector<std::string> allSampleNames(const Machine& machine);

}  // namespace bandmate::core::beats
