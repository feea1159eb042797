#pragma once

#include "core/util/Result.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
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
/// With `notes`, only those note numbers count (the part's pads or keys: a drum kit played whole
/// holds other parts too). InvalidInput when it is not a MIDI file, is timed in SMPTE frames, has
/// no notes (or none of `notes`: the message names the notes it has), or plays past 15 minutes.
/// With `channel` (1…16), only that channel's notes (10: the General MIDI drums).
[[nodiscard]] core::Result<std::vector<double>> readMidiHitsNonRealTime(const std::string& path, double chordMs = 25.0,
                                                                      const std::vector<int>& notes = {}, int channel = 0);

/// A list of MIDI note numbers as a musician writes it: "75", "62-64, 60" (0…127, each once,
/// sorted). InvalidArgument naming the part that is not a note.
[[nodiscard]] core::Result<std::vector<int>> parseMidiNotes(const std::string& text);
/// The notes as parseMidiNotes reads them back, runs as ranges: "60, 62-64".
[[nodiscard]] std::string midiNotesText(const std::vector<int>& notes);

/// How the backing track leaked into a take.
struct Bleed {
    double delayMs = 0.0;      ///< to the fitted filter's strongest tap
    double gain = 0.0;         ///< linear: the leak's level against the backing as rendered
    double correlation = 0.0;  ///< 0…1: how alike the take and the delayed backing are
};

/// How the backing reaches the take: a short filter around the delay, fitted by least squares.
/// Subtracting it (subtractBleed) takes the speakers' sound off the take.
struct BleedFilter {
    Bleed bleed;            ///< its delay and correlation (gain: see cancelBleedNonRealTime)
    int64_t firstLag = 0;   ///< the delay of taps[0], in frames
    int64_t delay = 0;      ///< the whole-frame delay at which the take and the backing correlate best
    std::vector<double> taps;
};

/// Finds the backing track (what the engine played, rendered) in `take`, delayed by 0…maxDelayMs,
/// coloured by the speakers and the microphone (a 33-tap filter fitted by least squares around
/// the delay, over at most ten seconds), and returns that filter; nothing when the take does not
/// hold the backing (played through headphones, or a backing recorded elsewhere), or when under
/// half a second past the delay is there to compare. Same sample rate for both. A live take fits
/// it on its first seconds and subtracts as the rest comes in.
[[nodiscard]] std::optional<BleedFilter> fitBleedNonRealTime(std::span<const float> take, std::span<const float> backing, double sampleRate,
                                                             double maxDelayMs = 300.0);

/// Takes `filter`'s leak of `backing` off take[from, to); returns the leak's energy.
double subtractBleed(const BleedFilter& filter, std::span<float> take, std::span<const float> backing, size_t from, size_t to);

/// Fits the backing's filter (fitBleedNonRealTime) and takes it off the whole take, so the
/// speakers' sound picked up by the microphone does not count as the player's hits. Returns what
/// it took off, or nothing (the take then unchanged).
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

/// The room's level in `samples`: the level most of it stays above (the tenth percentile of its
/// 10 ms peaks). A hit must stand out from it.
[[nodiscard]] double roomLevel(std::span<const float> samples, double sampleRate);

/// The onset detector of detectOnsetsNonRealTime, fed as the audio comes in (a live take): each
/// hit is placed once 30 ms after its attack are in. Given the whole take at once with its room
/// level it finds exactly what detectOnsetsNonRealTime finds; live, the room is the one heard so
/// far. Not for the audio callback (aubio allocates nothing per call, but the hits' list does).
class OnsetTracker {
public:
    /// `room`: the take's room level when known beforehand (roomLevel); else measured as it comes.
    OnsetTracker(double sampleRate, const OnsetSettings& settings, std::optional<double> room = std::nullopt);
    ~OnsetTracker();
    OnsetTracker(const OnsetTracker&) = delete;
    OnsetTracker& operator=(const OnsetTracker&) = delete;

    /// `samples`: the take from its first sample up to what has come in (it may have moved since
    /// the last call: a vector that grew). With `end`, nothing more comes: what is pending is
    /// placed. Returns the hits placed since the last call (ms from the first sample, in order).
    std::vector<double> advance(std::span<const float> samples, bool end = false);
    /// Up to where (ms from the first sample) every hit has been placed: a hit before this that
    /// was not returned is not coming.
    [[nodiscard]] double settledMs() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace bandmate::audio
