#include "audio/render/MidiExport.h"

#include "audio/render/OutputFile.h"

#include <juce_audio_basics/juce_audio_basics.h>
#include <juce_core/juce_core.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace bandmate::audio {

using core::ErrorCode;
using core::fail;

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

core::Result<MidiExportStats> exportMidiFile(const core::beats::Machine& machine,
                                             const core::beats::NoteStream& stream,
                                             const MidiExportSettings& settings, const std::string& path)
{
    if (settings.steps <= 0) {
        return fail(ErrorCode::InvalidArgument, "the MIDI export needs a length of at least one step");
    }
    const int ticksPerStep = kMidiTicksPerQuarter / core::beats::stepsPerBeat(stream.flavor);
    const auto stepTick = [&](int step) {
        double tick = static_cast<double>(step) * ticksPerStep;
        if (step % 2 != 0) {
            tick += settings.swing * ticksPerStep / 3.0;
        }
        return std::round(tick);
    };

    juce::MidiFile file;
    file.setTicksPerQuarterNote(kMidiTicksPerQuarter);
    MidiExportStats stats;

    juce::MidiMessageSequence conductor;
    const std::string title = machine.title.empty() ? "Bandmate" : machine.title;
    conductor.addEvent(juce::MidiMessage::textMetaEvent(3, juce::String::fromUTF8(title.c_str())), 0);
    conductor.addEvent(juce::MidiMessage::tempoMetaEvent(static_cast<int>(std::lround(60'000'000.0 / settings.bpm))), 0);
    conductor.addEvent(juce::MidiMessage::timeSignatureMetaEvent(4, 4), 0);
    const double endTick = static_cast<double>(settings.steps) * ticksPerStep;
    conductor.addEvent(juce::MidiMessage::endOfTrack(), endTick);
    file.addTrack(conductor);

    int nextChannel = 1;  // 1-based for JUCE; 10 is percussion
    for (const auto& instrument : stream.instruments) {
        const auto index = static_cast<size_t>(instrument.instrumentIndex);
        const std::string name = index < machine.instruments.size() && !machine.instruments[index].title.empty()
                                     ? machine.instruments[index].title
                                     : instrument.id;
        int channel = 10;
        if (instrument.keyed) {
            channel = nextChannel;
            nextChannel = nextChannel == 9 ? 11 : nextChannel + 1;
            if (nextChannel > 16) {
                nextChannel = 1;
            }
        }
        juce::MidiMessageSequence track;
        track.addEvent(juce::MidiMessage::textMetaEvent(3, juce::String::fromUTF8(name.c_str())), 0);
        if (instrument.keyed) {
            track.addEvent(juce::MidiMessage::programChange(channel, generalMidiProgram(instrument.id)), 0);
        }
        const auto volume = static_cast<int>(std::lround(std::clamp(instrument.volume, 0.0, 1.0) * 127.0));
        track.addEvent(juce::MidiMessage::controllerEvent(channel, 7, volume), 0);
        for (int step = 0; step < settings.steps; ++step) {
            const int loopStep = step % instrument.loopLength;
            const auto first = std::lower_bound(instrument.events.begin(), instrument.events.end(), loopStep,
                                                [](const auto& e, int s) { return e.step < s; });
            for (auto it = first; it != instrument.events.end() && it->step == loopStep; ++it) {
                const int key = instrument.keyed ? std::clamp(it->number, 0, 127)
                                                 : generalMidiPercussionKey(instrument.id, it->number);
                const auto velocity = static_cast<juce::uint8>(std::clamp(std::lround(it->gain * 127.0), 1L, 127L));
                const double on = stepTick(step);
                // Keyed notes hold for the step; percussion for half of it (GM drums ignore it).
                const double length = instrument.keyed ? ticksPerStep : ticksPerStep / 2.0;
                track.addEvent(juce::MidiMessage::noteOn(channel, key, velocity), on);
                track.addEvent(juce::MidiMessage::noteOff(channel, key), std::min(on + length, endTick));
                ++stats.notes;
            }
        }
        track.updateMatchedPairs();
        track.addEvent(juce::MidiMessage::endOfTrack(), endTick);
        file.addTrack(track);
    }
    stats.tracks = file.getNumTracks();

    const juce::File target(juce::String::fromUTF8(path.c_str()));
    const juce::File folder = target.getParentDirectory();
    if (target.isDirectory() || !folder.isDirectory()) {
        return fail(ErrorCode::NotFound, "the output folder does not exist or the output is a folder", path);
    }
    const juce::File temp = folder.getNonexistentChildFile("." + target.getFileName() + ".partial", ".mid", false);
    // Written in memory first, so the file's size is known and checked once it is closed.
    juce::MemoryOutputStream bytes;
    if (!file.writeTo(bytes, 1)) {
        return fail(ErrorCode::Internal, "could not lay out the MIDI file", path);
    }
    bool written = false;
    std::string reason;
    {
        juce::FileOutputStream out(temp);
        if (out.openedOk()) {
            written = out.write(bytes.getData(), bytes.getDataSize());
            out.flush();
            written = written && out.getStatus().wasOk();
        }
        reason = out.getStatus().getErrorMessage().toStdString();
    }
    if (!written) {
        temp.deleteFile();
        return fail(ErrorCode::Io, "could not write the MIDI file" + (reason.empty() ? "" : ": " + reason), path);
    }
    if (auto replaced = replaceWithWritten(temp, target, static_cast<int64_t>(bytes.getDataSize()), path); !replaced) {
        return std::unexpected(replaced.error());
    }
    return stats;
}

}  // namespace bandmate::audio
