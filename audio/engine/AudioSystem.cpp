#include "audio/engine/AudioSystem.h"

#include <juce_audio_devices/juce_audio_devices.h>

#include <memory>

namespace bandmate::audio {

std::string AudioSystem::juceVersionNonRealTime()
{
    return juce::SystemStats::getJUCEVersion().toStdString();
}

std::vector<std::string> AudioSystem::driverTypesNonRealTime()
{
    juce::OwnedArray<juce::AudioIODeviceType> types;
    juce::AudioDeviceManager manager;
    manager.createAudioDeviceTypes(types);
    std::vector<std::string> names;
    names.reserve(static_cast<size_t>(types.size()));
    for (const auto* type : types) {
        names.push_back(type->getTypeName().toStdString());
    }
    return names;
}

}  // namespace bandmate::audio
