#include "audio/engine/Kit.h"

#include <juce_audio_formats/juce_audio_formats.h>

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

core::Result<std::shared_ptr<const Kit>> Kit::loadNonRealTime(const std::string& folder, double sampleRate)
{
    const juce::File dir{juce::String::fromUTF8(folder.c_str())};
    const juce::File manifest = dir.getChildFile("kit.json");
    if (!dir.isDirectory()) {
        return fail(ErrorCode::NotFound, "no kit folder here", folder);
    }
    if (!manifest.existsAsFile()) {
        return fail(ErrorCode::InvalidInput, "the kit folder has no kit.json", folder);
    }
    juce::var json;
    const juce::Result parsed = juce::JSON::parse(manifest.loadFileAsString(), json);
    if (parsed.failed()) {
        return fail(ErrorCode::InvalidInput, "kit.json is not valid JSON: " + parsed.getErrorMessage().toStdString(),
                    manifest.getFullPathName().toStdString());
    }
    const juce::var samples = json.getProperty("samples", juce::var());
    if (!json.isObject() || !samples.isObject() || samples.getDynamicObject() == nullptr) {
        return fail(ErrorCode::InvalidInput, "kit.json needs an object \"samples\": {\"name\": \"file\", ...}",
                    manifest.getFullPathName().toStdString());
    }
    auto kit = std::make_shared<Kit>();
    kit->m_name = json.getProperty("name", dir.getFileName()).toString().toStdString();
    kit->m_sampleRate = sampleRate;
    juce::AudioFormatManager formats;
    formats.registerBasicFormats();
    for (const auto& property : samples.getDynamicObject()->getProperties()) {
        const std::string name = property.name.toString().toStdString();
        if (!property.value.isString()) {
            kit->m_problems.push_back(name + ": the file name must be a string");
            continue;
        }
        std::string reason;
        auto sample = decode(formats, dir.getChildFile(property.value.toString()), sampleRate, &reason);
        if (!sample) {
            kit->m_problems.push_back(name + ": " + reason);
            continue;
        }
        sample->name = name;
        kit->m_index.emplace(name, static_cast<int>(kit->m_samples.size()));
        kit->m_samples.push_back(std::move(*sample));
    }
    return std::shared_ptr<const Kit>(std::move(kit));
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
