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

}  // namespace

NoteStream compileMachine(const Machine& machine)
{
    NoteStream stream;
    stream.flavor = machine.flavor;
    stream.bpm = machine.bpm;
    stream.masterVolume = machine.volume;
    stream.instrumentCount = static_cast<int>(machine.instruments.size());
    const int bar = stepsPerBar(machine.flavor);
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
        const bool rotate = machine.clave32 && instrument.respectsClave && !instrument.keyed;
        const int key = instrument.keyed ? machine.keyNote : 0;
        for (const Note& note : program.notes) {
            const int step = rotate ? (note.index + bar) % compiled.loopLength : note.index;
            soundsOf(instrument, note, key, [&](int number) {
                compiled.events.push_back(StepEvent{step, sampleName(instrument.id, number), number, note.velocity});
            });
        }
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
