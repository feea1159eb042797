#include "audio/engine/Pattern.h"

#include "audio/midi/GeneralMidi.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace bandmate::audio {

std::shared_ptr<const Pattern> Pattern::build(const core::beats::NoteStream& stream, std::shared_ptr<const Kit> kit)
{
    auto pattern = std::make_shared<Pattern>();
    pattern->m_flavor = stream.flavor;
    pattern->m_bpm = stream.bpm;
    pattern->m_masterVolume = static_cast<float>(stream.masterVolume);
    pattern->m_kit = std::move(kit);
    std::set<std::string> missing;
    long cycle = 1;
    const std::vector<int> midiChannels = generalMidiChannels(stream);
    for (size_t i = 0; i < stream.instruments.size(); ++i) {
        const auto& instrument = stream.instruments[i];
        PatternChannel channel;
        channel.mixerChannel = instrument.instrumentIndex;
        channel.midiChannel = static_cast<uint8_t>(midiChannels[i]);
        channel.keyed = instrument.keyed;
        channel.loopLength = std::max(1, instrument.loopLength);
        channel.volume = static_cast<float>(instrument.volume);
        channel.stepStart.assign(static_cast<size_t>(channel.loopLength) + 1, 0);
        // The stream is sorted by step: count per step, then prefix sums.
        std::vector<PatternEvent> events;
        std::vector<int> steps;
        for (const auto& event : instrument.events) {
            if (event.step < 0 || event.step >= channel.loopLength) {
                continue;  // compileMachine never produces these; a pattern stays safe regardless
            }
            // A sound the kit lacks stays in, silent: MIDI out still plays it.
            const int sample = pattern->m_kit->find(event.sample, instrument.id);
            if (sample < 0) {
                missing.insert(event.sample);
            }
            events.push_back({sample, static_cast<float>(event.gain), static_cast<uint8_t>(generalMidiKey(instrument, event))});
            steps.push_back(event.step);
            ++channel.stepStart[static_cast<size_t>(event.step) + 1];
        }
        std::partial_sum(channel.stepStart.begin(), channel.stepStart.end(), channel.stepStart.begin());
        channel.events.resize(events.size());
        std::vector<uint32_t> fill(channel.stepStart.begin(), channel.stepStart.end() - 1);
        for (size_t e = 0; e < events.size(); ++e) {
            channel.events[fill[static_cast<size_t>(steps[e])]++] = events[e];
        }
        cycle = std::min(4096L, std::lcm(cycle, static_cast<long>(channel.loopLength)));
        pattern->m_channels.push_back(std::move(channel));
    }
    pattern->m_cycleSteps = static_cast<int>(cycle);
    if (stream.song && stream.song->totalSteps > 0) {
        const core::beats::SongLayout& song = *stream.song;
        pattern->m_song = song;
        pattern->m_totalSteps = song.totalSteps;
        pattern->m_barSteps = std::max(1, song.barSteps);
        pattern->m_cycleSteps = song.totalSteps;
        pattern->m_jumpTo.assign(static_cast<size_t>(song.totalSteps) + 1, -1);
        for (const auto& [from, to] : song.jumps) {
            if (from >= 0 && from <= song.totalSteps && to >= 0 && to < song.totalSteps) {
                pattern->m_jumpTo[static_cast<size_t>(from)] = to;
            }
        }
        pattern->m_tempoFactor.assign(static_cast<size_t>(song.totalSteps), 1.0);
        const double base = stream.bpm > 0.0 ? stream.bpm : 120.0;
        const auto fill = [&](int from, int steps, double bpm) {
            for (int s = std::max(0, from); s < std::min(from + steps, song.totalSteps); ++s) {
                pattern->m_tempoFactor[static_cast<size_t>(s)] = bpm / base;
            }
        };
        for (const auto& entry : song.entries) {
            fill(entry.startStep, entry.steps, entry.bpm);
            if (entry.liveBreakStep >= 0) {
                fill(entry.liveBreakStep, song.barSteps, entry.bpm);
            }
        }
    }
    pattern->m_missing.assign(missing.begin(), missing.end());
    return pattern;
}

}  // namespace bandmate::audio
