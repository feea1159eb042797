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

namespace {

std::vector<std::string> devicesOf(const std::string& driver, bool inputs)
{
    juce::OwnedArray<juce::AudioIODeviceType> types;
    juce::AudioDeviceManager manager;
    manager.createAudioDeviceTypes(types);
    std::vector<std::string> names;
    for (auto* type : types) {
        if (type->getTypeName().toStdString() != driver) {
            continue;
        }
        type->scanForDevices();
        for (const auto& name : type->getDeviceNames(inputs)) {
            names.push_back(name.toStdString());
        }
    }
    return names;
}

}  // namespace

std::vector<std::string> AudioSystem::outputDevicesNonRealTime(const std::string& driver)
{
    return devicesOf(driver, false);
}

std::vector<std::string> AudioSystem::inputDevicesNonRealTime(const std::string& driver)
{
    return devicesOf(driver, true);
}

}  // namespace bandmate::audio
