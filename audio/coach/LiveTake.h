#pragma once

#include "audio/coach/TakeScorer.h"
#include "core/util/Result.h"

#include <functional>

namespace bandmate::audio {

class LivePlayer;

/// A take played along with the machine, live.
struct LiveTakeRequest {
    /// What is played and how it is scored (its `input` only names the take in messages);
    /// latencyMs is the setup's measured round trip (Calibration.h).
    TakeRequest take;
    double bars = 4.0;      ///< recorded after the count-in
    bool countIn = true;    ///< one bar of clicks first
    /// The machine plays the part too (to hear how it goes). What comes back then holds the
    /// machine's own part, which is what the take scores, and nothing is subtracted.
    bool playPart = false;
};

/// Plays the machine without the practised part through `player` (opened with an input
/// device), records the count-in and `bars` bars of the part, and scores them with
/// scoreTakeNonRealTime: the microphone's take, and what the speakers played as the bleed to
/// take off, frame for frame as the device clocked them. `progress` (0…1 of the recording) is
/// called from this thread about every 20 ms; returning false stops (Cancelled). InvalidArgument
/// without an input device; Io when the device stops or the computer fell behind and lost part
/// of the take. Blocks for the take's length. …NonRealTime: loads the kit, waits, allocates.
[[nodiscard]] core::Result<TakeResult> recordTakeNonRealTime(LivePlayer& player, const LiveTakeRequest& request,
                                                             const std::function<bool(double)>& progress = {});

}  // namespace bandmate::audio
