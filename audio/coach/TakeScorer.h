#pragma once

#include "audio/coach/TakeAnalysis.h"
#include "core/beats/Machine.h"
#include "core/coach/TakeScore.h"
#include "core/util/Result.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bandmate::audio {

/// A recorded take to score: which part of which machine, played how.
struct TakeRequest {
    core::beats::Machine machine;  ///< as it played (tempo, key and clave direction set)
    std::string part;              ///< the instrument's id
    std::string input;             ///< a WAV, AIFF, FLAC or Ogg file, or a Standard MIDI File (.mid, .midi)
    double swing = 0.0;            ///< 0…1, as the engine plays it
    double latencyMs = 0.0;        ///< how late the setup records what is played
    double toleranceMs = 30.0;
    OnsetSettings onsets;
    bool subtractBacking = true;   ///< find the machine's other parts in the take and take them off
    std::string kitFolder;         ///< the kit the backing played from; the built-in one when empty
    std::string voice;             ///< the instructor's language the backing played with; the kit's default when empty
    /// Set from another thread to stop early (the result is then Cancelled).
    std::shared_ptr<const std::atomic<bool>> cancelled;
    /// A take recorded live, in place of `input` (which then only names it in messages).
    std::optional<MonoAudio> recording;
    /// With `recording`: what the speakers played meanwhile, frame for frame (the backing is
    /// then not rendered again); empty = render it.
    std::vector<float> played;
    /// The take's own length from its first step (ms), when it is shorter than the recording: a
    /// live take records a tail after its last bar, whose hits nobody was asked to play.
    std::optional<double> lengthMs;
    /// How late the backing may be found in the take (ms): a live take knows its round trip.
    double bleedSearchMs = 300.0;
    /// A MIDI take: the notes that are the part's (a drum pad's or a keyboard's mapping, e.g. 75
    /// for the clave); empty = every note.
    std::vector<int> midiNotes;
    /// A MIDI take: only this channel's notes (1…16; 10 for the General MIDI drums); 0 = any.
    int midiChannel = 0;
};

struct TakeResult {
    core::coach::PartGrid grid;
    core::coach::TakeScore score;
    std::optional<Bleed> bleed;    ///< what was taken off, when the backing was found
    bool midi = false;
    double latencyMs = 0.0;        ///< as it was taken off
    std::vector<int> midiNotes;    ///< a MIDI take: the notes that counted (empty: every one)
    /// A live take: the times the driver dropped audio (xruns) while it was recorded. Each is a
    /// glitch in the recording that can read as a hit, or shift what follows by a block.
    int dropouts = 0;
};

/// The grid `request`'s take is scored against: its part's hits, the part counted whether or not
/// its sound was on. NotFound when the machine has no such part; InvalidArgument when it plays
/// nothing.
[[nodiscard]] core::Result<core::coach::PartGrid> takeGrid(const TakeRequest& request);

/// The General MIDI percussion keys `request`'s part plays (as the MIDI export writes them: 75
/// for the clave, 62-64 for the congas); empty for a keyed part (any key is a hit) or a part the
/// machine does not have.
[[nodiscard]] std::vector<int> generalMidiNotes(const TakeRequest& request);

/// Whether `path` names a MIDI file (by its extension).
[[nodiscard]] bool isMidiTake(const std::string& path);

/// Scores a take: its hits (aubio's onsets on their attacks, or a MIDI file's notes), the
/// latency taken off (hits then more than a window before the first step are not the take's: a
/// count-in played along), against the hits of the part the take covers (those whose whole window
/// lies inside it). The same for the command line and the app. NotFound when the machine has no
/// such part; InvalidInput (naming the file) for a take that is not audio or MIDI, or is shorter
/// than the part's first hit; Cancelled when asked to stop. Never throws (out of memory is an
/// error too). …NonRealTime: reads files, renders, takes seconds.
[[nodiscard]] core::Result<TakeResult> scoreTakeNonRealTime(const TakeRequest& request);

}  // namespace bandmate::audio
