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
    const auto tempoEvent = [](double bpm) {
        return juce::MidiMessage::tempoMetaEvent(static_cast<int>(std::lround(60'000'000.0 / bpm)));
    };
    conductor.addEvent(juce::MidiMessage::timeSignatureMetaEvent(4, 4), 0);
    if (stream.song) {
        // An arrangement: a marker where each section starts, and its tempo (scaled as the
        // engine scales it when the whole tune plays faster or slower).
        const double scale = stream.bpm > 0.0 ? settings.bpm / stream.bpm : 1.0;
        double tempo = -1.0;
        for (const auto& entry : stream.song->entries) {
            if (entry.startStep >= settings.steps) {
                break;
            }
            const double tick = stepTick(entry.startStep);
            conductor.addEvent(juce::MidiMessage::textMetaEvent(6, juce::String::fromUTF8(entry.name.c_str())), tick);
            if (entry.bpm * scale != tempo) {
                tempo = entry.bpm * scale;
                conductor.addEvent(tempoEvent(tempo), tick);
            }
            ++stats.markers;
        }
        if (stream.song->entries.empty()) {
            conductor.addEvent(tempoEvent(settings.bpm), 0);
        }
    } else {
        conductor.addEvent(tempoEvent(settings.bpm), 0);
    }
    const double endTick = static_cast<double>(settings.steps) * ticksPerStep;
    conductor.addEvent(juce::MidiMessage::endOfTrack(), endTick);
    file.addTrack(conductor);

    const std::vector<int> channels = generalMidiChannels(stream);
    for (size_t i = 0; i < stream.instruments.size(); ++i) {
        const auto& instrument = stream.instruments[i];
        const auto index = static_cast<size_t>(instrument.instrumentIndex);
        const std::string name = index < machine.instruments.size() && !machine.instruments[index].title.empty()
                                     ? machine.instruments[index].title
                                     : instrument.id;
        const int channel = channels[i] + 1;  // 1-based for JUCE
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
                const int key = generalMidiKey(instrument, *it);
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

    auto checked = outputTarget(path);
    if (!checked) {
        return std::unexpected(checked.error());
    }
    const juce::File& target = *checked;
    const juce::File folder = target.getParentDirectory();
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
