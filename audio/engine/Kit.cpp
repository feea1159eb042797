#include "audio/engine/Kit.h"

#include <filesystem>

#include <juce_audio_formats/juce_audio_formats.h>

#include <algorithm>
#include <cstdlib>

namespace bandmate::audio {

using core::ErrorCode;
using core::fail;

namespace {

// Decodes one file to float channels at `sampleRate`; empty optional with a reason on failure.
std::optional<Sample> decode(juce::AudioFormatManager& formats, const juce::File& file, double sampleRate,
                             std::string* reason)
{
    if (!file.existsAsFile()) {
        *reason = "file not found: " + file.getFullPathName().toStdString();
        return std::nullopt;
    }
    std::unique_ptr<juce::AudioFormatReader> reader(formats.createReaderFor(file));
    if (reader == nullptr) {
        *reason = "not a readable audio file: " + file.getFullPathName().toStdString();
        return std::nullopt;
    }
    constexpr juce::int64 kMaxFrames = 60LL * 192000;  // one minute at 192 kHz
    if (reader->lengthInSamples <= 0 || reader->lengthInSamples > kMaxFrames || reader->sampleRate <= 0) {
        *reason = "empty or longer than a minute: " + file.getFullPathName().toStdString();
        return std::nullopt;
    }
    const int channels = reader->numChannels >= 2 ? 2 : 1;
    const int length = static_cast<int>(reader->lengthInSamples);
    juce::AudioBuffer<float> buffer(channels, length);
    if (!reader->read(&buffer, 0, length, 0, true, channels > 1)) {
        *reason = "could not decode: " + file.getFullPathName().toStdString();
        return std::nullopt;
    }
    Sample sample;
    const double ratio = reader->sampleRate / sampleRate;
    const auto copyChannel = [&](int channel, std::vector<float>& out) {
        const float* in = buffer.getReadPointer(channel);
        if (std::abs(ratio - 1.0) < 1e-9) {
            out.assign(in, in + length);
            return;
        }
        const int outLength = static_cast<int>(std::ceil(length / ratio));
        out.assign(static_cast<size_t>(outLength), 0.0f);
        juce::LagrangeInterpolator interpolator;
        interpolator.process(ratio, in, out.data(), outLength, length, 0);
    };
    copyChannel(0, sample.left);
    if (channels > 1) {
        copyChannel(1, sample.right);
    }
    return sample;
}

}  // namespace

core::Result<std::shared_ptr<const Kit>> Kit::loadNonRealTime(const std::string& folder, double sampleRate,
                                                              const std::string& voice)
{
    const juce::File dir{juce::String::fromUTF8(folder.c_str())};
    const juce::File manifest = dir.getChildFile("kit.json");
    if (!dir.isDirectory()) {
        return fail(ErrorCode::NotFound, "no kit folder here", folder);
    }
    if (!manifest.existsAsFile()) {
        return fail(ErrorCode::InvalidInput, "the kit folder has no kit.json", folder);
    }
    const std::string where = manifest.getFullPathName().toStdString();
    juce::var json;
    const juce::Result parsed = juce::JSON::parse(manifest.loadFileAsString(), json);
    if (parsed.failed()) {
        return fail(ErrorCode::InvalidInput, "kit.json is not valid JSON: " + parsed.getErrorMessage().toStdString(),
                    where);
    }
    const juce::var samples = json.getProperty("samples", juce::var());
    if (!json.isObject() || !samples.isObject() || samples.getDynamicObject() == nullptr) {
        return fail(ErrorCode::InvalidInput, "kit.json needs an object \"samples\": {\"name\": \"file\", ...}", where);
    }
    auto kit = std::make_shared<Kit>();
    kit->m_name = json.getProperty("name", dir.getFileName()).toString().toStdString();
    kit->m_folder = dir.getFullPathName().toStdString();
    kit->m_sampleRate = sampleRate;

    // The entries to load: every sample, then the chosen voice's.
    std::vector<std::pair<std::string, juce::var>> entries;
    for (const auto& property : samples.getDynamicObject()->getProperties()) {
        entries.emplace_back(property.name.toString().toStdString(), property.value);
    }
    const juce::var voices = json.getProperty("voices", juce::var());
    if (auto* voiceTable = voices.getDynamicObject()) {
        for (const auto& language : voiceTable->getProperties()) {
            kit->m_voices.push_back(language.name.toString().toStdString());
        }
        std::string chosen = voice;
        if (!voiceTable->hasProperty(juce::Identifier(juce::String::fromUTF8(chosen.empty() ? "-" : chosen.c_str())))) {
            chosen = json.getProperty("defaultVoice", "").toString().toStdString();
        }
        if (!chosen.empty() && voiceTable->hasProperty(juce::Identifier(juce::String::fromUTF8(chosen.c_str())))) {
            kit->m_voice = chosen;
            if (auto* table = voiceTable->getProperty(juce::Identifier(juce::String::fromUTF8(chosen.c_str()))).getDynamicObject()) {
                for (const auto& property : table->getProperties()) {
                    entries.emplace_back(property.name.toString().toStdString(), property.value);
                }
            }
        }
    }

    juce::AudioFormatManager formats;
    formats.registerBasicFormats();
    std::unordered_map<std::string, int> byFile;  // names that share a file share the sample
    for (const auto& [name, value] : entries) {
        if (!value.isString()) {
            kit->m_problems.push_back(name + ": the file name must be a string");
            continue;
        }
        const juce::File file = dir.getChildFile(value.toString());
        const std::string key = file.getFullPathName().toStdString();
        if (auto known = byFile.find(key); known != byFile.end()) {
            kit->m_index[name] = known->second;
            continue;
        }
        std::string reason;
        auto sample = decode(formats, file, sampleRate, &reason);
        if (!sample) {
            kit->m_problems.push_back(name + ": " + reason);
            continue;
        }
        sample->name = name;
        const auto index = static_cast<int>(kit->m_samples.size());
        byFile.emplace(key, index);
        kit->m_index[name] = index;
        kit->m_samples.push_back(std::move(*sample));
    }
    return std::shared_ptr<const Kit>(std::move(kit));
}

std::string Kit::defaultFolderNonRealTime()
{
    std::vector<juce::File> candidates;
    if (const char* fromEnvironment = std::getenv("BANDMATE_KIT_DIR"); fromEnvironment != nullptr && *fromEnvironment != 0) {
        candidates.emplace_back(juce::String::fromUTF8(fromEnvironment));
    }
    // JUCE finds the executable with dladdr, which for the main program gives argv[0] as typed:
    // "bandmate-cli" found on the PATH became a file in the working folder, and an installed
    // Bandmate did not find its kit. Linux says where the program is in /proc/self/exe.
    juce::File executable = juce::File::getSpecialLocation(juce::File::currentExecutableFile);
    std::error_code error;
    if (const auto self = std::filesystem::read_symlink("/proc/self/exe", error); !error && self.is_absolute()) {
        executable = juce::File(juce::String::fromUTF8(self.string().c_str()));
    }
    candidates.push_back(executable.getParentDirectory().getSiblingFile("share").getChildFile("bandmate/kits/default"));
    candidates.push_back(executable.getParentDirectory().getSiblingFile("Resources").getChildFile("kits/default"));
    candidates.emplace_back(juce::String::fromUTF8(BANDMATE_SOURCE_KIT_DIR));
    for (const auto& folder : candidates) {
        if (folder.getChildFile("kit.json").existsAsFile()) {
            return folder.getFullPathName().toStdString();
        }
    }
    return {};
}

std::vector<std::string> Kit::names() const
{
    std::vector<std::string> names;
    names.reserve(m_index.size());
    for (const auto& entry : m_index) {
        names.push_back(entry.first);
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::shared_ptr<const Kit> Kit::fromSamples(std::string name, std::vector<Sample> samples, double sampleRate)
{
    auto kit = std::make_shared<Kit>();
    kit->m_name = std::move(name);
    kit->m_sampleRate = sampleRate;
    kit->m_samples = std::move(samples);
    for (size_t i = 0; i < kit->m_samples.size(); ++i) {
        kit->m_index.emplace(kit->m_samples[i].name, static_cast<int>(i));
    }
    return kit;
}

int Kit::find(const std::string& name, const std::string& instrumentId) const
{
    if (auto it = m_index.find(name); it != m_index.end()) {
        return it->second;
    }
    if (auto it = m_index.find(instrumentId); it != m_index.end()) {
        return it->second;
    }
    return -1;
}

}  // namespace bandmate::audio
