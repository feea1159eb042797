#pragma once

#include <string>
#include <vector>

namespace bandmate::audio {

/// The MIDI ports of the running JACK server's clients (Bandmate's own left out): `inputs`, where
/// MIDI can be sent (a synth, a2j's playback ports), or outputs, a clock to follow. Empty when no
/// server runs, and on systems without JACK MIDI here (Windows, macOS).
[[nodiscard]] std::vector<std::string> jackMidiPorts(bool inputs);

}  // namespace bandmate::audio
