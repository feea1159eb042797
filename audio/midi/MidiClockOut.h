#pragma once

#include "audio/midi/MidiStatus.h"

#include <cstdint>

namespace bandmate::audio {

/// MIDI clock out, worked out from what the engine played in each block (DESIGN.md section 3:
/// the beat and tempo it published for the block, not a timer of its own): 24 clock ticks per
/// quarter note, each at its exact frame; Start at beat 0 (a play from the top, the end of a
/// count-in, a Link session's first bar); Song Position Pointer and Continue on the next
/// sixteenth when it plays on from elsewhere (a resume, a join mid-song, a jump); Stop when it
/// stops. Portable and allocation-free: the device callback calls block(), a MIDI port sends
/// what it gives.
class MidiClockOut {
public:
    static constexpr int kTicksPerBeat = 24;
    /// More than a block can need: 300 BPM at 8192 frames and 44.1 kHz is 23 ticks.
    static constexpr int kMaxMessages = 64;

    void prepare(double sampleRate);
    /// The block just rendered: whether the engine played, its beat at the block's first frame,
    /// its tempo, and the block's length. Writes the block's messages (offsets in [0, frames),
    /// in order) to `out` and returns how many. Real-time safe.
    int block(bool rolling, double beat, double bpm, int frames, MidiMessage* out) noexcept;

    /// Song Position Pointer counts sixteenths in 14 bits: positions beyond wrap onto the same
    /// bar phase (16384 is a whole number of 4/4 bars).
    static constexpr int64_t kSongPositionWrap = 16384;

private:
    void relocate(double beat, double framesPerBeat, int frames, MidiMessage* out, int& count) noexcept;

    double m_sampleRate = 48000.0;
    bool m_running = false;   ///< the receivers were told Start or Continue, not Stop since
    int64_t m_nextTick = 0;   ///< the next clock tick, counted from beat 0 (tick k is at beat k / 24)
    int64_t m_continueTick = -1;  ///< Continue goes out with this tick (after a Song Position Pointer)
};

}  // namespace bandmate::audio
