#pragma once

#include "core/util/Result.h"

#include <cstdint>
#include <memory>
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

/// The calibration signal: eight short clicks (4 ms rising sweeps, 1–10 kHz, a sharp peak when
/// correlated), 470 to 590 ms apart in an uneven pattern, so neither an echo of the click before
/// nor a sound repeating at a steady rate lines up with all of them. `clickFrames` receives where
/// each begins.
[[nodiscard]] std::vector<float> calibrationClicks(double sampleRate, std::vector<int64_t>& clickFrames);

/// The longest round trip the clicks can tell apart (less than their spacing).
inline constexpr double kMaxRoundTripMs = 450.0;

/// Finds the clicks of calibrationClicks() in `recorded` (frame 0 = the signal's frame 0): the
/// delay at which all of them together correlate best, then each on its own. InvalidInput when
/// fewer than six of the eight came back at that delay, or another delay fits nearly as well
/// (nothing heard: the input is not connected, muted, or too quiet; too noisy to tell; or a
/// round trip longer than kMaxRoundTripMs).
[[nodiscard]] core::Result<RoundTrip> findRoundTrip(const std::vector<float>& recorded, double sampleRate);

/// Measures the round trip, driven by the caller's thread (a loop, or a UI timer): start()
/// plays the clicks through the player (opened with an input device), poll() moves what came
/// back out of the capture ring, finish() stops and finds the round trip (as
/// measureRoundTripNonRealTime). …NonRealTime throughout.
class Calibrator {
public:
    /// InvalidArgument when the player does not listen.
    [[nodiscard]] static core::Result<std::unique_ptr<Calibrator>> startNonRealTime(LivePlayer& player);
    ~Calibrator();  ///< stops the device first
    Calibrator(const Calibrator&) = delete;
    Calibrator& operator=(const Calibrator&) = delete;

    /// Takes what came back since the last call; how much of the clicks' time is in (0…1).
    double pollNonRealTime();
    /// All of it is in, or the device stopped calling back.
    [[nodiscard]] bool finished() const;
    [[nodiscard]] core::Result<RoundTrip> finishNonRealTime();

private:
    Calibrator();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Plays the clicks through `player` (opened with an input device) and measures the round trip.
/// Io when the device restarted meanwhile, or the clicks disagree and the audio dropped out
/// (the input may then have slipped against the output: measure again). Blocks for about five seconds. …NonRealTime:
/// waits, allocates.
[[nodiscard]] core::Result<RoundTrip> measureRoundTripNonRealTime(LivePlayer& player);

}  // namespace bandmate::audio
