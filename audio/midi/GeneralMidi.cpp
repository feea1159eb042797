#include "audio/midi/GeneralMidi.h"

#include <algorithm>
#include <array>

namespace bandmate::audio {

namespace {

struct PercussionKeys {
    std::string_view id;
    std::array<int, 6> keys;  ///< by articulation; the last one repeats for higher numbers
    int count;
};

// Articulations as in the default kit (resources/kits/default/README.md): congas 0 heel, 1 tip,
// 2 slap (all closed sounds: mute hi conga), 3 open tone, 4 open tumba, 5 bass; bongos 0 macho,
// 1 hembra; timbales 0 macho, 1 hembra, 2 cáscara, 3 bell; güiro 0 short, 1 long.
constexpr PercussionKeys kPercussion[] = {
    {"clave", {75}, 1},
    {"claves", {75}, 1},
    {"cowbell", {56, 56}, 2},
    {"campana", {56, 56}, 2},
    {"congas", {62, 62, 62, 63, 64, 64}, 6},
    {"conga", {62, 62, 62, 63, 64, 64}, 6},
    {"bongos", {60, 61, 60, 60}, 4},
    {"bongo", {60, 61, 60, 60}, 4},
    {"timbales", {65, 66, 37, 53, 65}, 5},
    {"guiro", {73, 74}, 2},
    {"maracas", {70}, 1},
    {"guira", {69}, 1},       // cabasa: the nearest GM scraper
    {"tambora", {41, 37, 62}, 3},
    {"quinto", {62, 63}, 2},
    {"segundo", {62, 63}, 2},
    {"salidor", {64, 64}, 2},
    {"palitos", {76, 77}, 2},
    {"kick", {36}, 1},
    {"cajon", {36, 38}, 2},
    {"shaker", {70}, 1},
};

}  // namespace

int generalMidiPercussionKey(std::string_view instrumentId, int articulation)
{
    for (const auto& entry : kPercussion) {
        if (entry.id == instrumentId) {
            const int index = std::clamp(articulation, 0, entry.count - 1);
            return entry.keys[static_cast<size_t>(index)];
        }
    }
    return 76;
}


int generalMidiProgram(std::string_view id)
{
    if (id.find("bass") != std::string_view::npos) {
        return 32;  // acoustic bass
    }
    if (id.find("guitar") != std::string_view::npos || id.find("tres") != std::string_view::npos) {
        return 24;  // nylon guitar
    }
    if (id.find("trumpet") != std::string_view::npos) {
        return 56;
    }
    return 0;  // acoustic grand piano
}

int generalMidiKey(const core::beats::CompiledInstrument& instrument, const core::beats::StepEvent& event)
{
    return instrument.keyed ? std::clamp(event.number, 0, 127) : generalMidiPercussionKey(instrument.id, event.number);
}

std::vector<int> generalMidiChannels(const core::beats::NoteStream& stream)
{
    std::vector<int> channels;
    channels.reserve(stream.instruments.size());
    int next = 0;
    for (const auto& instrument : stream.instruments) {
        if (!instrument.keyed) {
            channels.push_back(kPercussionChannel);
            continue;
        }
        channels.push_back(next);
        next = next + 1 == kPercussionChannel ? kPercussionChannel + 1 : (next + 1) % 16;
    }
    return channels;
}

}  // namespace bandmate::audio
