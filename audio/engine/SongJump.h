#pragma once

// Live jumps in an arrangement that plays ("next section", "previous", "break"), worked out once
// for the app and the command line.

#include <cstdint>
#include <optional>

namespace bandmate::core::beats {
struct SongLayout;
}

namespace bandmate::audio {

class Engine;

enum class SongJump { Next, Previous, Break };

/// Queues `jump` on `engine`, which plays `song`: the next or previous form entry, counted from
/// the one already queued (a section, not a break) else from the one playing; or the break bar
/// of the entry playing. It takes effect at the next bar line (the next clave cycle's with
/// `clave`), exactly on it. False when there is nothing to jump to: no entries, or no break.
/// The control thread.
bool queueSongJump(Engine& engine, const core::beats::SongLayout& song, SongJump jump, bool clave = false);

/// A pedal's (or pads') Note Ons as jumps: C next section, D break, E previous, in any octave;
/// other keys ask nothing. A switch that bounces sends its note twice: the same key again within
/// 100 ms is one press.
class PedalNotes {
public:
    /// The jump a Note On of `key` (0-127) at `nowMs` (a steady clock's milliseconds) asks for.
    [[nodiscard]] std::optional<SongJump> press(int key, std::int64_t nowMs);

private:
    int m_lastKey = -1;
    std::int64_t m_lastMs = 0;
};

}  // namespace bandmate::audio
