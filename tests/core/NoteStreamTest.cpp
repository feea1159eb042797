#include "core/beats/MachineXml.h"
#include "core/beats/NoteStream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace bandmate::core::beats;

namespace {

Machine example()
{
    auto machine = readMachineFile(QStringLiteral(BANDMATE_FIXTURES_DIR "/machines/example-salsa.xml"));
    EXPECT_TRUE(machine.has_value());
    return *machine;
}

const CompiledInstrument* find(const NoteStream& stream, const std::string& id)
{
    for (const auto& instrument : stream.instruments) {
        if (instrument.id == id) {
            return &instrument;
        }
    }
    return nullptr;
}

std::vector<int> steps(const CompiledInstrument& instrument)
{
    std::vector<int> out;
    for (const auto& event : instrument.events) {
        out.push_back(event.step);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::multiset<int> numbersAt(const CompiledInstrument& instrument, int step)
{
    std::multiset<int> out;
    for (const auto& event : instrument.events) {
        if (event.step == step) {
            out.insert(event.number);
        }
    }
    return out;
}

}  // namespace

TEST(NoteStream, OnlyEnabledInstrumentsWithTheirActiveProgram)
{
    Machine m = example();
    NoteStream stream = compileMachine(m);
    EXPECT_EQ(stream.instrumentCount, 5);
    EXPECT_EQ(find(stream, "piano"), nullptr);  // disabled in the file
    ASSERT_NE(find(stream, "clave"), nullptr);
    EXPECT_EQ(steps(*find(stream, "clave")), (std::vector<int>{2, 4, 8, 11, 14}));
    m.instruments[0].activeProgram = 1;  // rumba
    const NoteStream rumba = compileMachine(m);
    EXPECT_EQ(steps(*find(rumba, "clave")), (std::vector<int>{2, 4, 8, 11, 15}));
}

TEST(NoteStream, ThreeTwoClaveRotatesOnlyClaveBoundPercussion)
{
    Machine m = example();
    m.clave32 = true;
    m.instruments[4].enabled = true;
    m.instruments[4].respectsClave = true;  // even when marked, harmony stays on the bar
    const NoteStream stream = compileMachine(m);
    EXPECT_EQ(steps(*find(stream, "clave")), (std::vector<int>{0, 3, 6, 10, 12}));  // son 3-2
    EXPECT_EQ(steps(*find(stream, "bass")), (std::vector<int>{3, 6, 11, 14}));
    Machine twoThree = m;
    twoThree.clave32 = false;
    const NoteStream straight = compileMachine(twoThree);
    EXPECT_EQ(steps(*find(stream, "piano")), steps(*find(straight, "piano")));
    // An 8-step loop rotated by a bar is itself.
    EXPECT_EQ(steps(*find(stream, "cowbell")), (std::vector<int>{0, 2, 4, 6}));
}

TEST(NoteStream, KeyTransposesKeyedInstrumentsOnly)
{
    Machine m = example();
    m.keyNote = 5;  // F
    const NoteStream stream = compileMachine(m);
    const auto* bass = find(stream, "bass");
    ASSERT_NE(bass, nullptr);
    EXPECT_EQ(bass->events[0].number, 0 + 5 + 36);
    EXPECT_EQ(bass->events[0].sample, "bass-41");
    EXPECT_EQ(bass->events[2].number, 7 + 5 + 36);
    const auto* congas = find(stream, "congas");
    EXPECT_EQ(congas->events[2].sample, "congas-2");  // articulation, not transposed
}

TEST(NoteStream, HandsAndTonicOfTheMontuno)
{
    Machine m = example();
    m.instruments[4].enabled = true;
    m.keyNote = 2;
    const NoteStream stream = compileMachine(m);
    const auto* piano = find(stream, "piano");
    ASSERT_NE(piano, nullptr);
    // Step 0: pitch 0 both hands + tonic: right 62, left 50, octave 74.
    EXPECT_EQ(numbersAt(*piano, 0), (std::multiset<int>{62, 50, 74}));
    // Step 1: right-hand only notes 4 and 7.
    EXPECT_EQ(numbersAt(*piano, 1), (std::multiset<int>{66, 69}));
    // Step 8: pitch -1 in both hands.
    EXPECT_EQ(numbersAt(*piano, 8), (std::multiset<int>{61, 49}));
    // A left-hand note sounds only in the left hand.
    m.instruments[4].programs[0].notes = {Note{3, 0, 1.0, false, Hand::Left}};
    const NoteStream leftOnly = compileMachine(m);
    EXPECT_EQ(numbersAt(*find(leftOnly, "piano"), 3), (std::multiset<int>{50}));
    // Without playBothHands the hand marks do not matter: one hand at pitchOffset.
    m.instruments[4].playBothHands = false;
    const NoteStream oneHand = compileMachine(m);
    EXPECT_EQ(numbersAt(*find(oneHand, "piano"), 3), (std::multiset<int>{62}));
}

TEST(NoteStream, VelocityBecomesGainAndLoopLengthsDiffer)
{
    const NoteStream stream = compileMachine(example());
    const auto* congas = find(stream, "congas");
    EXPECT_EQ(congas->loopLength, 8);
    EXPECT_EQ(find(stream, "clave")->loopLength, 16);
    EXPECT_DOUBLE_EQ(congas->events[0].gain, 0.6);
    EXPECT_DOUBLE_EQ(congas->events[2].gain, 1.0);
}

TEST(NoteStream, AllSampleNamesCoverEveryKey)
{
    const auto names = allSampleNames(example());
    EXPECT_NE(std::find(names.begin(), names.end(), "bass-36"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "bass-54"), names.end());  // 7 + 11 + 36
    EXPECT_NE(std::find(names.begin(), names.end(), "piano-83"), names.end()); // tonic 0+11+60+12
    EXPECT_NE(std::find(names.begin(), names.end(), "congas-3"), names.end());
}

namespace {

/// Clave (16 steps, respects the clave), congas (4 steps), piano (keyed, 8 steps).
Machine smallMachine()
{
    Machine machine;
    machine.title = "Small";
    machine.bpm = 100.0;
    machine.keyNote = 0;
    Instrument clave{.id = "clave", .title = "Clave", .respectsClave = true};
    clave.programs.push_back(Program{"Son 2-3", 16, {{2, 0}, {4, 0}, {8, 0}, {11, 0}, {14, 0}}});
    Instrument congas{.id = "congas", .title = "Congas"};
    congas.programs.push_back(Program{"Tumbao", 4, {{0, 1}, {2, 1}}});
    Instrument piano{.id = "piano", .title = "Piano", .keyed = true, .pitchOffset = 60};
    piano.programs.push_back(Program{"Chord", 8, {{0, 0}}});
    machine.instruments = {clave, congas, piano};
    // A: one bar as the machine plays; B: two bars twice in E flat at 90 BPM, ending on a
    // congas break.
    Section a{.name = "A", .bars = 1};
    Section b{.name = "B", .bars = 2, .repeats = 2, .bpm = 90.0, .keyNote = 3, .breakParts = {{"congas", 0}}};
    machine.arrangements.push_back(Arrangement{"Form", {a, b}, {0, 1}});
    return machine;
}

std::vector<std::string> samplesAt(const CompiledInstrument& instrument, int step)
{
    std::vector<std::string> out;
    for (const auto& event : instrument.events) {
        if (event.step == step) {
            out.push_back(event.sample);
        }
    }
    return out;
}

}  // namespace

TEST(Arrangement, SectionsLayProgramsFromTheirStartWithTheirKeyTempoAndBreakBar)
{
    const Machine machine = smallMachine();
    const NoteStream stream = compileArrangement(machine, machine.arrangements.front());
    ASSERT_TRUE(stream.song);
    const SongLayout& song = *stream.song;
    EXPECT_EQ(song.songSteps, 40);
    EXPECT_EQ(song.totalSteps, 56);  // and a live-break bar for each of the two entries
    ASSERT_EQ(song.entries.size(), 2u);
    EXPECT_EQ(song.entries[1].startStep, 8);
    EXPECT_EQ(song.entries[1].steps, 32);
    EXPECT_DOUBLE_EQ(song.entries[0].bpm, 100.0);
    EXPECT_DOUBLE_EQ(song.entries[1].bpm, 90.0);
    EXPECT_EQ(song.entries[1].breakStep, 32);
    EXPECT_EQ(song.entries[0].liveBreakStep, 40);
    EXPECT_EQ(song.entries[1].liveBreakStep, 48);
    // The song's end goes back to its start (skipping the live breaks); a live break's bar
    // goes on to the next entry; the last one's ends at the loop's end, which is step 0.
    EXPECT_EQ(song.jumps, (std::vector<std::pair<int, int>>{{40, 0}, {48, 8}}));

    const CompiledInstrument* clave = find(stream, "clave");
    ASSERT_NE(clave, nullptr);
    EXPECT_EQ(clave->loopLength, 56);
    // A: the first bar of the 2-bar clave; B: it loops from the section's start, and rests in
    // the break bar and the live breaks.
    EXPECT_EQ(steps(*clave), (std::vector<int>{2, 4, 10, 12, 16, 19, 22, 26, 28}));
    const CompiledInstrument* congas = find(stream, "congas");
    ASSERT_NE(congas, nullptr);
    std::vector<int> everyOther;
    for (int s = 0; s < 56; s += 2) {
        everyOther.push_back(s);
    }
    EXPECT_EQ(steps(*congas), everyOther);  // its groove, its break, both live breaks
    const CompiledInstrument* piano = find(stream, "piano");
    ASSERT_NE(piano, nullptr);
    EXPECT_EQ(steps(*piano), (std::vector<int>{0, 8, 16, 24}));
    EXPECT_EQ(samplesAt(*piano, 0), (std::vector<std::string>{"piano-60"}));
    EXPECT_EQ(samplesAt(*piano, 8), (std::vector<std::string>{"piano-63"}));  // B is in E flat
}

TEST(Arrangement, ThreeTwoClaveRotatesEachSectionsClaveFromItsOwnStart)
{
    Machine machine = smallMachine();
    machine.clave32 = true;
    const NoteStream stream = compileArrangement(machine, machine.arrangements.front());
    const CompiledInstrument* clave = find(stream, "clave");
    ASSERT_NE(clave, nullptr);
    // 3-2: the son clave's bars swap (0, 3, 6 | 10, 12), in A's one bar and from B's start.
    EXPECT_EQ(steps(*clave), (std::vector<int>{0, 3, 6, 8, 11, 14, 18, 20, 24, 27, 30}));
}

TEST(Arrangement, PartsNamingWhatTheMachineLacksRestAndARangeLoopsJumpBack)
{
    Machine machine = smallMachine();
    Arrangement& arrangement = machine.arrangements.front();
    arrangement.sections[0].parts = {{"timbales", 0}, {"piano", 7}, {"congas", SectionPart::kOff}};
    arrangement.sections[1].breakParts.clear();
    arrangement.form = {0, 1, 0, 1};
    const NoteStream stream = compileArrangement(machine, arrangement, SongLoop{1, 2});
    const SongLayout& song = *stream.song;
    EXPECT_EQ(song.songSteps, 80);
    EXPECT_EQ(song.totalSteps, 80);  // no break anywhere: no live breaks
    EXPECT_EQ(song.entries[0].liveBreakStep, -1);
    // After the 2nd A: the 1st B; and the tune's end (reached from past the loop) to it too.
    EXPECT_EQ(song.jumps, (std::vector<std::pair<int, int>>{{48, 8}, {80, 8}}));
    const CompiledInstrument* piano = find(stream, "piano");
    ASSERT_NE(piano, nullptr);
    EXPECT_EQ(steps(*piano), (std::vector<int>{8, 16, 24, 32, 48, 56, 64, 72}));  // no program 7: A rests
    EXPECT_EQ(find(stream, "timbales"), nullptr);
    EXPECT_EQ(song.entryAt(47), 2);
    EXPECT_EQ(song.entryAt(80), -1);
}

TEST(Arrangement, AnEmptyFormIsSilentAndATooLongOneStopsAtTheLimit)
{
    Machine machine = smallMachine();
    Arrangement arrangement = machine.arrangements.front();
    arrangement.form.clear();
    EXPECT_TRUE(compileArrangement(machine, arrangement).instruments.empty());
    arrangement.sections[1].bars = 16;  // 256 steps, and 512 of them > 32,768
    arrangement.form.assign(MachineLimits::kMaxFormEntries, 1);
    const NoteStream stream = compileArrangement(machine, arrangement);
    EXPECT_EQ(stream.song->songSteps, MachineLimits::kMaxSongSteps);
    EXPECT_EQ(stream.song->entries.size(), static_cast<size_t>(MachineLimits::kMaxSongSteps / 256));
}
