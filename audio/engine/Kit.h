#pragma once

#include "core/util/Result.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace bandmate::audio {

/// One decoded sample at the engine's sample rate. Mono samples have an empty `right`.
struct Sample {
    std::string name;
    std::vector<float> left;
    std::vector<float> right;

    [[nodiscard]] size_t frames() const { return left.size(); }
};

/// A sample kit (DESIGN.md section 3): a folder with kit.json mapping sample names
/// ("<instrumentId>-<number>" or a bare "<instrumentId>" fallback) to audio files. Immutable once
/// loaded, so the audio thread may read it while another thread holds it.
class Kit {
public:
    /// Loads and decodes every sample, resampled to `sampleRate`. A missing or invalid kit.json
    /// is an error; a missing or unreadable audio file is only reported in problems() and left
    /// out. Names that share a file share one decoded sample. When kit.json has "voices" (the
    /// instructor in several languages: {"voices": {"es": {"instructor-1": "…"}}, "defaultVoice":
    /// "es"}), the samples of `voice` join the kit, or of the default voice when `voice` is empty
    /// or unknown. …NonRealTime: blocks on file I/O.
    [[nodiscard]] static core::Result<std::shared_ptr<const Kit>> loadNonRealTime(const std::string& folder,
                                                                                double sampleRate,
                                                                                const std::string& voice = {});

    /// The folder of the built-in kit: $BANDMATE_KIT_DIR, else share/bandmate/kits/default
    /// beside the installed executable, else the source tree's resources/kits/default (a
    /// developer build). Empty when none holds a kit.json.
    [[nodiscard]] static std::string defaultFolderNonRealTime();

    /// A kit built from samples in memory (tests, generated sounds).
    [[nodiscard]] static std::shared_ptr<const Kit> fromSamples(std::string name, std::vector<Sample> samples,
                                                               double sampleRate);

    [[nodiscard]] const std::string& name() const { return m_name; }
    /// The folder it was loaded from (empty for fromSamples()).
    [[nodiscard]] const std::string& folder() const { return m_folder; }
    [[nodiscard]] double sampleRate() const { return m_sampleRate; }
    [[nodiscard]] const std::vector<Sample>& samples() const { return m_samples; }
    /// The instructor languages the kit offers, and the one loaded (empty when it has none).
    [[nodiscard]] const std::vector<std::string>& voices() const { return m_voices; }
    [[nodiscard]] const std::string& voice() const { return m_voice; }
    /// Every sample name the kit answers to (aliases included), sorted.
    [[nodiscard]] std::vector<std::string> names() const;
    /// Samples named in kit.json that could not be loaded, one line each with the reason.
    [[nodiscard]] const std::vector<std::string>& problems() const { return m_problems; }

    /// The index of the sample for `name`, else of the bare `instrumentId` fallback, else -1.
    [[nodiscard]] int find(const std::string& name, const std::string& instrumentId) const;

private:
    std::string m_name;
    std::string m_folder;
    double m_sampleRate = 48000.0;
    std::vector<Sample> m_samples;
    std::unordered_map<std::string, int> m_index;
    std::vector<std::string> m_problems;
    std::vector<std::string> m_voices;
    std::string m_voice;
};

}  // namespace bandmate::audio
