#pragma once

#include "core/util/Result.h"

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace bandmate::audio {

/// The rate takes are analysed at: aubio's analysis frames and the attack search then span the
/// same time whatever rate the recording has.
inline constexpr double kAnalysisRate = 48000.0;

/// A recording as one channel (the channels averaged).
struct MonoAudio {
    std::vector<float> samples;
    double sampleRate = 0.0;
};

/// Reads a WAV, AIFF, FLAC or Ogg Vorbis file of up to 15 minutes, as one channel resampled to
/// kAnalysisRate. InvalidInput names the file when it is not audio, is empty, too long, or holds
/// less than its header says.
[[nodiscard]] core::Result<MonoAudio> readMonoNonRealTime(const std::string& path);

/// The note-on times of a Standard MIDI File in milliseconds, every track and channel; notes
/// struck together (a chord, two hands: within `chordMs`) are one hit, at the first of them.
/// InvalidInput when it is not a MIDI file, is timed in SMPTE frames, has no notes, or plays
/// past 15 minutes.
[[nodiscard]] core::Result<std::vector<double>> readMidiHitsNonRealTime(const std::string& path, double chordMs = 25.0);

/// How the backing track leaked into a take.
struct Bleed {
    double delayMs = 0.0;      ///< to the fitted filter's strongest tap
    double gain = 0.0;         ///< linear: the leak's level against the backing as rendered
    double correlation = 0.0;  ///< 0…1: how alike the take and the delayed backing are
};

/// Finds the backing track (what the engine played, rendered) in `take`, delayed by 0…maxDelayMs,
/// coloured by the speakers and the microphone (a 33-tap filter fitted by least squares around
/// the delay), and subtracts it, so the speakers' sound picked up by the microphone does not count
/// as the player's hits. Returns what it took off, or nothing when the take does not hold the
/// backing (played through headphones, or a backing recorded elsewhere): the take is then
/// unchanged. Same sample rate for both.
std::optional<Bleed> cancelBleedNonRealTime(std::vector<float>& take, const std::vector<float>& backing, double sampleRate,
                                            double maxDelayMs = 300.0);

struct OnsetSettings {
    double sensitivity = 0.5;  ///< 0…1: higher finds softer hits (and more noise)
    double gateDb = -45.0;     ///< hits whose peak stays below this level (dBFS) are not hits
    double minGapMs = 30.0;    ///< two hits closer than this are one
    const std::atomic<bool>* cancelled = nullptr;  ///< set from another thread to stop early (what was found so far is returned)
};

/// The player's hits in `audio`, in milliseconds from its first sample: aubio finds them, and each
/// is then placed on its attack's first sample (the first to rise well above what sounded
/// before), so its time does not depend on aubio's analysis frames.
[[nodiscard]] std::vector<double> detectOnsetsNonRealTime(const MonoAudio& audio, const OnsetSettings& settings = {});

}  // namespace bandmate::audio
