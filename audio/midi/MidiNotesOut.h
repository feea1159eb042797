#pragma once

#include "audio/engine/Engine.h"
#include "audio/midi/MidiStatus.h"

#include <array>
#include <cstdint>

namespace bandmate::audio {

/// Live MIDI notes, worked out from the pattern notes the engine started in each block
/// (Engine::blockNotes()): a Note On at each note's exact frame, with its key and velocity on its
/// instrument's General MIDI channel (percussion on 10, keyed parts on their own) or on one
/// channel for all; a Note Off when it ends (keyed notes hold their step, percussion half of
/// it), before the same key sounds again, and for every note still held when the groove stops.
/// Notes of a muted mixer channel (or one silenced by a solo) are not sent. Portable and
/// allocation-free: the device callback calls block(), a MIDI port sends what it gives.
class MidiNotesOut {
public:
    /// Notes held at once (a Note Off waiting); one more ends the one that would end first.
    static constexpr int kMaxHeld = 256;
    /// More than a block can need: each note its On and perhaps an Off before it, then every Off.
    static constexpr int kMaxMessages = 2 * Engine::kMaxBlockNotes + kMaxHeld;

    /// `channel`: 0-15 for all notes on that channel, -1 for each instrument's own.
    void prepare(int channel);
    /// The block just rendered: whether the engine plays, the notes it started, and the block's
    /// length. Writes the block's messages (offsets in [0, frames), in order) to `out` (room for
    /// kMaxMessages) and returns how many. Real-time safe.
    int block(bool rolling, const StartedNote* notes, int count, int frames, MidiMessage* out) noexcept;
    /// Note Ons sent since prepare().
    [[nodiscard]] uint64_t notesSent() const { return m_sent; }

private:
    struct Held {
        int64_t offFrame = 0;
        uint8_t channel = 0;
        uint8_t key = 0;
    };
    void release(int index, int offset, MidiMessage* out, int& count) noexcept;
    void releaseDue(int64_t until, int64_t blockStart, MidiMessage* out, int& count) noexcept;

    int m_channel = -1;
    int64_t m_frame = 0;  ///< frames since prepare(): the block's first
    std::array<Held, kMaxHeld> m_held{};
    int m_heldCount = 0;
    uint64_t m_sent = 0;
};

}  // namespace bandmate::audio
