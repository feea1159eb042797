#pragma once

#include "audio/midi/GeneralMidi.h"
#include "core/beats/Machine.h"
#include "core/beats/NoteStream.h"
#include "core/util/Result.h"

#include <string>
#include <string_view>

namespace bandmate::audio {

struct MidiExportSettings {
    int steps = 0;       ///< length in steps (bars × steps per bar)
    double bpm = 120.0;
    double swing = 0.0;  ///< 0…1, as in the engine
};

struct MidiExportStats {
    int tracks = 0;  ///< including the tempo track
    int notes = 0;
    int markers = 0;  ///< an arrangement's sections, one marker each
};

/// Ticks per quarter note in exported files.
inline constexpr int kMidiTicksPerQuarter = 480;

/// Writes a Standard MIDI File type 1: a tempo track, then one track per enabled instrument of
/// `stream` (titles from `machine`). Percussion plays on channel 10 with General MIDI keys, keyed
/// instruments as pitched notes on channels of their own. An arrangement's stream (its `song`)
/// adds a marker and its tempo where each section starts; `settings.steps` is then its
/// songSteps. Writes a temporary file and renames it,
/// so a failure leaves any existing file as it was.
[[nodiscard]] core::Result<MidiExportStats> exportMidiFile(const core::beats::Machine& machine,
                                                           const core::beats::NoteStream& stream,
                                                           const MidiExportSettings& settings,
                                                           const std::string& path);

}  // namespace bandmate::audio
