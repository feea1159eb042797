#include "core/beats/NoteStream.h"

#include <algorithm>
#include <set>

namespace bandmate::core::beats {

std::string sampleName(const std::string& instrumentId, int number)
{
    return instrumentId + "-" + std::to_string(number);
}

namespace {

// The numbers one note sounds: percussion plays its articulation; a keyed instrument plays the
// right hand at pitchOffset and, with playBothHands, the left hand at leftHandPitchOffset
// (hand="left"/"right" restrict it to one hand); pianoTonic adds the octave above.
template <typename Emit>
void soundsOf(const Instrument& instrument, const Note& note, int key, Emit emit)
{
    if (!instrument.keyed) {
        emit(note.pitch);
        return;
    }
    const int base = note.pitch + key;
    const bool twoHands = instrument.playBothHands;
    const bool right = !twoHands || note.hand != Hand::Left;
    const bool left = twoHands && note.hand != Hand::Right;
    if (right) {
        emit(base + instrument.pitchOffset);
    }
    if (left) {
        emit(base + instrument.leftHandPitchOffset);
    }
    if (note.pianoTonic) {
        emit((right ? base + instrument.pitchOffset : base + instrument.leftHandPitchOffset) + 12);
    }
}

/// The program an instrument plays in a section: the part naming it, else the machine's own
/// choice (nullptr: it rests).
const Program* programIn(const Instrument& instrument, const std::vector<SectionPart>& parts, bool othersRest)
{
    for (const SectionPart& part : parts) {
        if (part.instrument == instrument.id) {
            if (part.program < 0 || part.program >= static_cast<int>(instrument.programs.size())) {
                return nullptr;
            }
            return &instrument.programs[static_cast<size_t>(part.program)];
        }
    }
    if (othersRest || !instrument.enabled || instrument.activeProgram < 0
        || instrument.activeProgram >= static_cast<int>(instrument.programs.size())) {
        return nullptr;
    }
    return &instrument.programs[static_cast<size_t>(instrument.activeProgram)];
}

/// Lays `program` from `start` for `steps` steps, looping it from there.
void layProgram(const Machine& machine, const Instrument& instrument, const Program& program, int key, int start,
                int steps, std::vector<StepEvent>& events)
{
    const int length = std::max(1, program.length);
    const int bar = stepsPerBar(machine.flavor);
    const bool rotate = machine.clave32 && instrument.respectsClave && !instrument.keyed;
    for (int from = 0; from < steps; from += length) {
        for (const Note& note : program.notes) {
            const int local = rotate ? (note.index + bar) % length : note.index;
            if (local < 0 || local >= length || from + local >= steps) {
                continue;
            }
            soundsOf(instrument, note, key, [&](int number) {
                events.push_back(StepEvent{start + from + local, sampleName(instrument.id, number), number, note.velocity});
            });
        }
    }
}

}  // namespace

int SongLayout::entryAt(int step) const
{
    for (size_t i = 0; i < entries.size(); ++i) {
        const SongEntry& entry = entries[i];
        if ((step >= entry.startStep && step < entry.startStep + entry.steps)
            || (entry.liveBreakStep >= 0 && step >= entry.liveBreakStep && step < entry.liveBreakStep + barSteps)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

const Arrangement* findArrangement(const Machine& machine, const std::string& name)
{
    for (const Arrangement& arrangement : machine.arrangements) {
        if (arrangement.name == name) {
            return &arrangement;
        }
    }
    return nullptr;
}

NoteStream compileArrangement(const Machine& machine, const Arrangement& arrangement, SongLoop loop)
{
    NoteStream stream;
    stream.flavor = machine.flavor;
    stream.bpm = machine.bpm;
    stream.masterVolume = machine.volume;
    stream.instrumentCount = static_cast<int>(machine.instruments.size());
    SongLayout song;
    const int bar = stepsPerBar(machine.flavor);
    song.barSteps = bar;
    // The form, laid end to end.
    const Section* anyBreak = nullptr;
    for (const Section& section : arrangement.sections) {
        if (!section.breakParts.empty()) {
            anyBreak = &section;
            break;
        }
    }
    for (const int index : arrangement.form) {
        if (index < 0 || index >= static_cast<int>(arrangement.sections.size())) {
            continue;
        }
        const Section& section = arrangement.sections[static_cast<size_t>(index)];
        const int steps = std::max(1, section.bars) * std::max(1, section.repeats) * bar;
        if (song.songSteps + steps > MachineLimits::kMaxSongSteps) {
            break;
        }
        SongEntry entry;
        entry.name = section.name;
        entry.section = index;
        entry.startStep = song.songSteps;
        entry.steps = steps;
        entry.bpm = section.bpm > 0.0 ? section.bpm : machine.bpm;
        entry.keyNote = section.keyNote >= 0 ? section.keyNote % 12 : machine.keyNote;
        entry.breakStep = section.breakParts.empty() ? -1 : entry.startStep + steps - bar;
        song.entries.push_back(entry);
        song.songSteps += steps;
    }
    const int count = static_cast<int>(song.entries.size());
    song.totalSteps = song.songSteps;
    if (anyBreak != nullptr) {
        for (SongEntry& entry : song.entries) {
            entry.liveBreakStep = song.totalSteps;
            song.totalSteps += bar;
        }
    }
    song.loopFirstEntry = std::clamp(loop.firstEntry, 0, std::max(0, count - 1));
    song.loopLastEntry = loop.lastEntry < 0 ? count - 1 : std::clamp(loop.lastEntry, song.loopFirstEntry, std::max(0, count - 1));
    if (count > 0) {
        const SongEntry& first = song.entries[static_cast<size_t>(song.loopFirstEntry)];
        const SongEntry& last = song.entries[static_cast<size_t>(song.loopLastEntry)];
        const int loopEnd = last.startStep + last.steps;
        if (loopEnd != song.totalSteps || first.startStep != 0) {
            song.jumps.emplace_back(loopEnd, first.startStep);
        }
        // Playing past a loop that ends early (it was set while the tune played further on):
        // the tune's end goes to the loop too, never on into the live breaks.
        if (loopEnd != song.songSteps) {
            song.jumps.emplace_back(song.songSteps, first.startStep);
        }
        // After a live break's bar the next entry comes in on the one (the loop's first after
        // its last).
        for (int i = 0; i < count && anyBreak != nullptr; ++i) {
            const int next = i == song.loopLastEntry ? song.loopFirstEntry : std::min(i + 1, count - 1);
            const int after = song.entries[static_cast<size_t>(i)].liveBreakStep + bar;
            if (after < song.totalSteps) {
                song.jumps.emplace_back(after, song.entries[static_cast<size_t>(next)].startStep);
            }
        }
        // The last live break ends at totalSteps (step 0 again unless a jump says otherwise):
        // the last entry goes on to the loop's start.
        if (anyBreak != nullptr && first.startStep != 0) {
            song.jumps.emplace_back(song.totalSteps, first.startStep);
        }
        std::sort(song.jumps.begin(), song.jumps.end());
        song.jumps.erase(std::unique(song.jumps.begin(), song.jumps.end(),
                                     [](const auto& a, const auto& b) { return a.first == b.first; }),
                         song.jumps.end());
    }

    for (size_t i = 0; i < machine.instruments.size(); ++i) {
        const Instrument& instrument = machine.instruments[i];
        CompiledInstrument compiled;
        compiled.instrumentIndex = static_cast<int>(i);
        compiled.id = instrument.id;
        compiled.keyed = instrument.keyed;
        compiled.loopLength = std::max(1, song.totalSteps);
        compiled.volume = instrument.volume;
        bool plays = false;
        for (const SongEntry& entry : song.entries) {
            const Section& section = arrangement.sections[static_cast<size_t>(entry.section)];
            const int key = instrument.keyed ? entry.keyNote : 0;
            if (const Program* program = programIn(instrument, section.parts, false)) {
                const int groove = entry.breakStep >= 0 ? entry.steps - bar : entry.steps;
                layProgram(machine, instrument, *program, key, entry.startStep, groove, compiled.events);
                plays = true;
            }
            const Section* breakFrom = section.breakParts.empty() ? anyBreak : &section;
            if (breakFrom == nullptr) {
                continue;
            }
            if (const Program* figure = programIn(instrument, breakFrom->breakParts, true)) {
                if (entry.breakStep >= 0) {
                    layProgram(machine, instrument, *figure, key, entry.breakStep, bar, compiled.events);
                }
                layProgram(machine, instrument, *figure, key, entry.liveBreakStep, bar, compiled.events);
                plays = true;
            }
        }
        if (!plays) {
            continue;
        }
        std::stable_sort(compiled.events.begin(), compiled.events.end(),
                         [](const StepEvent& a, const StepEvent& b) { return a.step < b.step; });
        stream.instruments.push_back(std::move(compiled));
    }
    stream.song = std::move(song);
    return stream;
}

NoteStream compileMachine(const Machine& machine)
{
    NoteStream stream;
    stream.flavor = machine.flavor;
    stream.bpm = machine.bpm;
    stream.masterVolume = machine.volume;
    stream.instrumentCount = static_cast<int>(machine.instruments.size());
    for (size_t i = 0; i < machine.instruments.size(); ++i) {
        const Instrument& instrument = machine.instruments[i];
        if (!instrument.enabled || instrument.activeProgram < 0 ||
            instrument.activeProgram >= static_cast<int>(instrument.programs.size())) {
            continue;
        }
        const Program& program = instrument.programs[static_cast<size_t>(instrument.activeProgram)];
        CompiledInstrument compiled;
        compiled.instrumentIndex = static_cast<int>(i);
        compiled.id = instrument.id;
        compiled.keyed = instrument.keyed;
        compiled.loopLength = std::max(1, program.length);
        compiled.volume = instrument.volume;
        // 3-2 clave: clave-bound percussion starts on the other bar; harmony stays on the bar.
        const int key = instrument.keyed ? machine.keyNote : 0;
        layProgram(machine, instrument, program, key, 0, compiled.loopLength, compiled.events);
        std::stable_sort(compiled.events.begin(), compiled.events.end(),
                         [](const StepEvent& a, const StepEvent& b) { return a.step < b.step; });
        stream.instruments.push_back(std::move(compiled));
    }
    return stream;
}

std::vector<std::string> allSampleNames(const Machine& machine)
{
    std::set<std::string> names;
    for (const Instrument& instrument : machine.instruments) {
        for (const Program& program : instrument.programs) {
            for (const Note& note : program.notes) {
                for (int key = 0; key < (instrument.keyed ? 12 : 1); ++key) {
                    soundsOf(instrument, note, key, [&](int number) { names.insert(sampleName(instrument.id, number)); });
                }
            }
        }
    }
    return {names.begin(), names.end()};
}

}  // namespace bandmate::core::beats
