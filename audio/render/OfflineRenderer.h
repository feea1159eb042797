#pragma once

#include "audio/engine/Pattern.h"
#include "core/util/Result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace bandmate::audio {

/// A tempo change at an exact frame of an offline render.
struct TempoChange {
    int64_t frame = 0;
    double bpm = 120.0;
};

struct RenderSettings {
    double sampleRate = 48000.0;
    int64_t frames = 0;       ///< length of the result
    int blockFrames = 512;    ///< the engine's block size (changes nothing audible)
    double bpm = 120.0;
    double swing = 0.0;       ///< 0…1
    bool countIn = false;
    std::vector<TempoChange> tempoChanges;  ///< in frame order
    /// WAV only: render on past the end and fold the ringing tail onto the start, so the file
    /// loops without a gap or a cut-off note.
    bool seamlessLoop = false;
    /// After `frames`, the sequencer stops and this many more frames of ringing notes follow
    /// (no new notes): the tail a seamless loop folds onto its start.
    int64_t tailFrames = 0;
    /// Called now and then with 0…1; return false to cancel.
    std::function<bool(double)> progress;
};

struct RenderStats {
    int64_t frames = 0;
    double sampleRate = 0.0;
    uint64_t notes = 0;
    double renderSeconds = 0.0;  ///< wall-clock time the render took
};

/// Receives rendered audio block by block; returns false to stop with an error.
using RenderSink = std::function<bool(const float* left, const float* right, int frames)>;

/// Renders `pattern` through the same Engine that plays live. Blocks are split at tempo
/// changes so each lands on its exact frame. Refuses a pattern whose kit was decoded at another
/// rate than the render's (it would play out of tune); otherwise fails only when cancelled or the
/// sink fails.
[[nodiscard]] core::Result<RenderStats> renderOffline(std::shared_ptr<const Pattern> pattern,
                                                      const RenderSettings& settings, const RenderSink& sink);

/// Renders into memory as one channel (left and right averaged), `settings.frames` long (its tail
/// too): what a microphone in front of the speakers would hear. Cancelled through
/// settings.progress, as renderOffline.
[[nodiscard]] core::Result<std::vector<float>> renderMonoNonRealTime(std::shared_ptr<const Pattern> pattern,
                                                                    const RenderSettings& settings);

/// Renders into a 24-bit PCM stereo WAV file. Writes a temporary file beside `path` and renames
/// it at the end, so a failed or cancelled render leaves any existing file as it was.
[[nodiscard]] core::Result<RenderStats> renderToWavFile(std::shared_ptr<const Pattern> pattern,
                                                        const RenderSettings& settings, const std::string& path);

/// Frames of an arrangement's whole song, each entry once at its tempo, when the machine plays
/// at `bpm` (its entries' tempi scale with it, as the engine plays them); `machineBpm` is the
/// tempo the song was compiled with.
[[nodiscard]] int64_t framesForSong(const core::beats::SongLayout& song, core::beats::Flavor flavor, double machineBpm,
                                    double bpm, double sampleRate);

/// Frames of `bars` 4/4 bars of `flavor` at `bpm` (rounded to the nearest frame).
[[nodiscard]] int64_t framesForBars(double bars, core::beats::Flavor flavor, double bpm, double sampleRate);

}  // namespace bandmate::audio
