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
