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
        for (size_t i = 0; i < events.size(); ++i) {
            channel.events[fill[static_cast<size_t>(steps[i])]++] = events[i];
        }
        cycle = std::min(4096L, std::lcm(cycle, static_cast<long>(channel.loopLength)));
        pattern->m_channels.push_back(std::move(channel));
    }
    pattern->m_cycleSteps = static_cast<int>(cycle);
    pattern->m_missing.assign(missing.begin(), missing.end());
    return pattern;
}

}  // namespace bandmate::audio
