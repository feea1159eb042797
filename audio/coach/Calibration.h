#pragma once

#include "core/util/Result.h"

#include <cstdint>
#include <vector>

namespace bandmate::audio {

class LivePlayer;

/// How late the setup hears what it plays: from a frame leaving Bandmate to the same sound
/// coming back in through the input (the speakers, the air, the microphone and both drivers'
/// buffers). Every live hit's time is corrected by it.
struct RoundTrip {
    int64_t frames = 0;
    double sampleRate = 0.0;
    int clicksPlayed = 0;
    int clicksHeard = 0;    ///< clicks that came back at the same delay (within a millisecond)
    double spreadMs = 0.0;  ///< how far the heard clicks' own delays lie apart
    [[nodiscard]] double ms() const { return sampleRate > 0.0 ? static_cast<double>(frames) * 1000.0 / sampleRate : 0.0; }
};

/// The calibration signal: `count` short clicks (4 ms rising sweeps, 1–10 kHz, a sharp peak when
/// correlated) every half second. `clickFrames` receives where each begins.
[[nodiscard]] std::vector<float> calibrationClicks(double sampleRate, std::vector<int64_t>& clickFrames, int count = 8);

/// The longest round trip the clicks can tell apart (less than their spacing).
inline constexpr double kMaxRoundTripMs = 450.0;

/// Finds the clicks of calibrationClicks() in `recorded` (frame 0 = the signal's frame 0): the
/// delay at which all of them together correlate best, then each on its own. InvalidInput when
/// fewer than half came back at that delay (nothing heard: the input is not connected, muted,
/// or too quiet; or too noisy to tell).
[[nodiscard]] core::Result<RoundTrip> findRoundTrip(const std::vector<float>& recorded, double sampleRate, int count = 8);

/// Plays the clicks through `player` (opened with an input device) and measures the round trip.
/// Blocks for about five seconds. …NonRealTime: waits, allocates.
[[nodiscard]] core::Result<RoundTrip> measureRoundTripNonRealTime(LivePlayer& player);

}  // namespace bandmate::audio
