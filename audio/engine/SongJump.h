#pragma once

// Live jumps in an arrangement that plays ("next section", "previous", "break"), worked out once
// for the app and the command line.

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

}  // namespace bandmate::audio
