#pragma once

#include <string>
#include <vector>

namespace bandmate::audio {

/// Facts about the audio back end compiled into this build; safe to call from any thread
/// (…NonRealTime: may allocate).
struct AudioSystem {
    /// The JUCE version linked, e.g. "JUCE v7.0.5".
    [[nodiscard]] static std::string juceVersionNonRealTime();
    /// The driver types this build can open, e.g. {"ALSA", "JACK"} on Linux.
    [[nodiscard]] static std::vector<std::string> driverTypesNonRealTime();
    /// The output devices `driver` can see now (empty when none, e.g. JACK without a server).
    [[nodiscard]] static std::vector<std::string> outputDevicesNonRealTime(const std::string& driver);
    /// The input devices `driver` can see now (microphones, interfaces; the timing coach).
    [[nodiscard]] static std::vector<std::string> inputDevicesNonRealTime(const std::string& driver);
};

}  // namespace bandmate::audio
