// Arrangements through the engine: every onset of a tune with tempo and key changes and breaks
// at its exact frame, queued jumps ("next section", "break") on the next bar line at 64-frame
// blocks. The expected frames come from the test's own timing model (segments of constant step
// length), not from the engine's code.
#include "audio/engine/Engine.h"
#include "audio/engine/SongJump.h"
#include "tests/audio/EngineSupport.h"

#include <functional>

using namespace bandmate;
using audio::Engine;
using audio::Pattern;
using core::beats::Arrangement;
using core::beats::Machine;
using core::beats::NoteStream;
using core::beats::Section;
using core::beats::SectionPart;
using core::beats::SongLayout;

namespace {

constexpr double kRate = 48000.0;

/// Intro (2 bars, clave and campana alone), Verso (4 bars ×2 at 96 BPM), Montuno (4 bars in F
/// with the piano, ending on a break of clave and congas), Mambo (2 bars at 132 BPM), then the
/// Montuno again: 160 steps of salsa.
Machine arrangedMachine()
{
    Machine machine = test::exampleMachine();
    Section intro{.name = "Intro", .bars = 2, .parts = {{"congas", SectionPart::kOff}, {"bass", SectionPart::kOff}}};
    Section verso{.name = "Verso", .bars = 4, .repeats = 2, .bpm = 96.0};
    Section montuno{.name = "Montuno", .bars = 4, .parts = {{"piano", 0}}, .keyNote = 5,
                    .breakParts = {{"clave", 0}, {"congas", 0}}};
    Section mambo{.name = "Mambo", .bars = 2, .bpm = 132.0};
    machine.arrangements.push_back(Arrangement{"Tune", {intro, verso, montuno, mambo}, {0, 1, 2, 3, 2}});
    return machine;
}

/// The song step the engine plays at each timeline step (played from step 0, no count-in).
using SongStepOf = std::function<int64_t(int64_t)>;

/// The test's own model: each timeline step lasts its song step's entry's step length at
/// `bpm` (the machine's tempo scaling every entry's); a run of equal lengths is one segment whose
/// frames are counted from its start, unrounded, and each onset rounded to the nearest frame.
std::map<int64_t, double> expectedSong(const Machine& machine, const NoteStream& stream, double bpm, int64_t steps,
                                       const SongStepOf& songStepOf)
{
    const SongLayout& song = *stream.song;
    const auto stepLength = [&](int64_t songStep) {
        const int entry = song.entryAt(static_cast<int>(songStep));
        const double entryBpm = song.entries.at(static_cast<size_t>(entry)).bpm * bpm / machine.bpm;
        return kRate * 60.0 / (entryBpm * 2.0);
    };
    std::map<int64_t, double> expected;
    double segmentStart = 0.0;
    int64_t segmentStep = 0;
    double length = stepLength(songStepOf(0));
    for (int64_t k = 0; k < steps; ++k) {
        const int64_t at = songStepOf(k);
        if (const double here = stepLength(at); here != length) {
            segmentStart += static_cast<double>(k - segmentStep) * length;
            segmentStep = k;
            length = here;
        }
        const int64_t frame = std::llround(segmentStart + static_cast<double>(k - segmentStep) * length);
        for (const auto& instrument : stream.instruments) {
            for (const auto& event : instrument.events) {
                if (event.step == at) {
                    expected[frame] += 0.05 * event.gain * instrument.volume * machine.volume;
                }
            }
        }
    }
    return expected;
}

std::map<int64_t, double> below(std::map<int64_t, double> frames, int64_t limit)
{
    std::erase_if(frames, [&](const auto& entry) { return entry.first >= limit; });
    return frames;
}

/// Plays `pattern` from step 0 in 64-frame blocks, calling `between(block)` before each block.
std::vector<float> playInBlocks(Engine& engine, const std::shared_ptr<const Pattern>& pattern, double bpm, int blocks,
                                const std::function<void(int)>& between)
{
    engine.prepareNonRealTime(kRate);
    engine.setPattern(pattern);
    engine.setTempo(bpm);
    engine.play();
    std::vector<float> out;
    std::vector<float> left(64);
    std::vector<float> right(64);
    for (int b = 0; b < blocks; ++b) {
        between(b);
        engine.process(left.data(), right.data(), 64);
        out.insert(out.end(), left.begin(), left.end());
    }
    return out;
}

}  // namespace

TEST(ArrangementEngine, EveryOnsetOfATuneWithTempoKeyChangesAndBreaksLandsOnItsExactFrameTwiceThrough)
{
    const Machine machine = arrangedMachine();
    const NoteStream stream = core::beats::compileArrangement(machine, machine.arrangements.front());
    ASSERT_TRUE(stream.song);
    ASSERT_EQ(stream.song->songSteps, 160);
    // Played at 90 BPM: the machine's 120 scaled, and with it the verse's 96 and the mambo's 132.
    audio::RenderSettings settings;
    settings.sampleRate = kRate;
    settings.bpm = 90.0;
    settings.blockFrames = 333;  // block boundaries fall anywhere against the steps
    const int64_t once = audio::framesForSong(*stream.song, machine.flavor, machine.bpm, 90.0, kRate);
    settings.frames = 2 * once;
    const auto rendered = test::renderInMemory(Pattern::build(stream, test::impulseKit(machine)), settings);
    const auto expected = below(expectedSong(machine, stream, 90.0, 2 * 160, [](int64_t k) { return k % 160; }), settings.frames);
    test::expectSameImpulses(expected, test::nonzeroFrames(rendered.left));
    // The second time round starts exactly where one song's frames end.
    EXPECT_TRUE(expected.contains(once));
}

TEST(ArrangementEngine, NextSectionQueuedMidBarComesInOnTheNextBarLineAt64FrameBlocks)
{
    const Machine machine = arrangedMachine();
    const NoteStream stream = core::beats::compileArrangement(machine, machine.arrangements.front());
    const SongLayout& song = *stream.song;
    const int mambo = song.entries.at(3).startStep;
    // Queued 1.3 bars into the verse (timeline step 16 + 10.4): the next bar line is step 32,
    // where the mambo (step 112) comes in.
    const double verseStep = kRate * 60.0 / (96.0 * 2.0);
    const double introEnd = 16 * kRate * 60.0 / (120.0 * 2.0);
    // Also queued in the very last block before the bar line's, when the engine has already
    // decided where its next step plays (and must decide again).
    const int barLineBlock = static_cast<int>(std::llround(introEnd + 16 * verseStep) / 64);
    for (const int queueBlock : {static_cast<int>((introEnd + 10.4 * verseStep) / 64.0), barLineBlock}) {
    SCOPED_TRACE(queueBlock);
    Engine engine;
    int queuedSeen = -2;
    const auto out = playInBlocks(engine, Pattern::build(stream, test::impulseKit(machine)), 120.0, queueBlock + 30000, [&](int block) {
        if (block == queueBlock) {
            engine.queueJump(mambo, song.barSteps);
        }
        if (block == queueBlock + 1) {
            queuedSeen = engine.queuedJump();
        }
    });
    if (queueBlock != barLineBlock) {
        EXPECT_EQ(queuedSeen, mambo) << "waiting for its bar line";
    }
    EXPECT_EQ(engine.queuedJump(), -1) << "taken";
    const auto expected = expectedSong(machine, stream, 120.0, 400, [&](int64_t k) -> int64_t {
        if (k < 32) {
            return k;
        }
        return (mambo + (k - 32)) % 160;  // the mambo, then the montuno, then round again
    });
    test::expectSameImpulses(below(expected, static_cast<int64_t>(out.size())), test::nonzeroFrames(out));
    }
}

TEST(ArrangementEngine, ALiveBreakPlaysOneBarOfTheFigureThenTheNextSectionOnTheOne)
{
    const Machine machine = arrangedMachine();
    const NoteStream stream = core::beats::compileArrangement(machine, machine.arrangements.front());
    const SongLayout& song = *stream.song;
    ASSERT_EQ(song.totalSteps, 160 + 5 * 8);
    const int liveBreak = song.entries.at(0).liveBreakStep;  // from the intro: the montuno's figure
    Engine engine;
    const auto out = playInBlocks(engine, Pattern::build(stream, test::impulseKit(machine)), 120.0, 1500, [&](int block) {
        if (block == 100) {  // 6,400 frames: in the intro's first bar (a bar is 96,000)
            engine.queueJump(liveBreak, song.barSteps);
        }
    });
    const auto expected = expectedSong(machine, stream, 120.0, 200, [&](int64_t k) -> int64_t {
        if (k < 8) {
            return k;
        }
        if (k < 16) {
            return liveBreak + (k - 8);
        }
        return song.entries.at(1).startStep + (k - 16);  // the verse comes in on the one
    });
    test::expectSameImpulses(below(expected, static_cast<int64_t>(out.size())), test::nonzeroFrames(out));
    // The break bar holds the figure: clave and congas only.
    int figureNotes = 0;
    for (const auto& instrument : stream.instruments) {
        for (const auto& event : instrument.events) {
            if (event.step >= liveBreak && event.step < liveBreak + 8) {
                EXPECT_TRUE(instrument.id == "clave" || instrument.id == "congas") << instrument.id;
                ++figureNotes;
            }
        }
    }
    EXPECT_GT(figureNotes, 3);
}

TEST(ArrangementEngine, PlayFromASectionStartsThereAtItsTempo)
{
    const Machine machine = arrangedMachine();
    const NoteStream stream = core::beats::compileArrangement(machine, machine.arrangements.front());
    const SongLayout& song = *stream.song;
    const int mambo = song.entries.at(3).startStep;
    Engine engine;
    engine.prepareNonRealTime(kRate);
    engine.setPattern(Pattern::build(stream, test::impulseKit(machine)));
    engine.setTempo(120.0);
    engine.play(false, mambo);
    std::vector<float> out;
    std::vector<float> left(64);
    std::vector<float> right(64);
    for (int b = 0; b < 20000; ++b) {
        engine.process(left.data(), right.data(), 64);
        out.insert(out.end(), left.begin(), left.end());
        if (b == 100) {  // 6,400 frames in: the mambo's first step, at its 132 BPM
            EXPECT_DOUBLE_EQ(engine.tempo(), 132.0);
            EXPECT_GE(engine.songStep(), mambo);
            EXPECT_LT(engine.songStep(), mambo + 1);
        }
    }
    const auto expected = expectedSong(machine, stream, 120.0, 100, [&](int64_t k) -> int64_t {
        return (mambo + k) % 160;  // the mambo, the montuno, then from the top
    });
    test::expectSameImpulses(below(expected, static_cast<int64_t>(out.size())), test::nonzeroFrames(out));
}

namespace {

/// One instrument that clicks on every step, and a tune of it: "Slow" (2 bars at 96 BPM), then
/// "Fast" (2 bars at 150 BPM), "Slow" ending on a break, in a 120 BPM machine.
Machine clickMachine()
{
    Machine machine;
    machine.title = "Clicks";
    machine.bpm = 120.0;
    core::beats::Instrument click{.id = "clave", .title = "Clave"};
    click.programs.push_back(core::beats::Program{"Every step", 1, {{0, 0}}});
    machine.instruments.push_back(click);
    machine.arrangements.push_back(Arrangement{
        "Clicks", {Section{.name = "Slow", .bars = 2, .bpm = 96.0, .breakParts = {{"clave", 0}}}, Section{.name = "Fast", .bars = 2, .bpm = 150.0}}, {0, 1, 0}});
    return machine;
}

/// The frames between consecutive clicks from `from` on.
std::vector<int64_t> gapsAfter(const std::vector<float>& out, int64_t from)
{
    std::vector<int64_t> gaps;
    int64_t last = -1;
    for (auto i = static_cast<size_t>(from); i < out.size(); ++i) {
        if (out[i] != 0.0f) {
            if (last >= 0) {
                gaps.push_back(static_cast<int64_t>(i) - last);
            }
            last = static_cast<int64_t>(i);
        }
    }
    return gaps;
}

}  // namespace

TEST(ArrangementEngine, LeavingATuneForTheMachinesLoopGoesBackToTheMachinesTempo)
{
    const Machine machine = clickMachine();
    const auto kit = test::impulseKit(machine);
    const auto song = Pattern::build(core::beats::compileArrangement(machine, machine.arrangements.front()), kit);
    const auto loop = Pattern::build(core::beats::compileMachine(machine), kit);
    Engine engine;
    const auto out = playInBlocks(engine, song, 120.0, 2000, [&](int block) {
        if (block == 1000) {  // 64,000 frames in: the slow section, 96 BPM (15,000 frames a step)
            engine.setPattern(loop);
        }
    });
    const auto before = gapsAfter(std::vector<float>(out.begin(), out.begin() + 60'000), 0);
    ASSERT_FALSE(before.empty());
    EXPECT_EQ(before.front(), 15000);
    // After the switch (and the step that was already under way): the machine's 12,000.
    const auto after = gapsAfter(out, 64'000 + 15'000);
    ASSERT_GE(after.size(), 3u);
    for (size_t i = 1; i < after.size(); ++i) {
        EXPECT_EQ(after[i], 12000) << i;
    }
}

TEST(ArrangementEngine, AClockThatStartsAgainStartsTheTuneFromItsTopNotWhereAJumpHadTakenIt)
{
    const Machine machine = clickMachine();
    const auto stream = core::beats::compileArrangement(machine, machine.arrangements.front());
    const auto song = Pattern::build(stream, test::impulseKit(machine));
    Engine engine;
    engine.prepareNonRealTime(kRate);
    engine.setPattern(song);
    std::vector<float> left(64);
    std::vector<float> right(64);
    double beat = 0.0;
    const auto block = [&](bool rolling) {
        engine.followClock({rolling, beat, 120.0});
        engine.process(left.data(), right.data(), 64);
        beat += rolling ? 64.0 / kRate * 2.0 : 0.0;  // 120 BPM: two beats a second
    };
    for (int b = 0; b < 2000; ++b) {  // 128,000 frames: past step 8 (96,000)
        block(true);
        if (b == 10) {
            engine.queueJump(stream.song->entries[1].startStep, stream.song->barSteps);  // to "Fast" at the next bar
        }
    }
    EXPECT_GE(engine.songStep(), stream.song->entries[1].startStep);
    for (int b = 0; b < 10; ++b) {
        block(false);  // the clock stops
    }
    beat = 0.0;  // and starts again from its top
    for (int b = 0; b < 20; ++b) {
        block(true);
    }
    EXPECT_GE(engine.songStep(), 0.0);
    EXPECT_LT(engine.songStep(), 4.0) << "the tune's top, not the fast section";
}

TEST(ArrangementEngine, ATuneChosenWhileTheLoopPlaysComesInFromItsTopInPhaseWithTheBar)
{
    const Machine machine = clickMachine();
    const auto kit = test::impulseKit(machine);
    const auto stream = core::beats::compileArrangement(machine, machine.arrangements.front());
    const auto song = Pattern::build(stream, kit);
    const auto loop = Pattern::build(core::beats::compileMachine(machine), kit);
    Engine engine;
    double atSwitch = -1.0;
    double nextBar = -1.0;
    // 12,000 frames a step at 120: 10.5 bars are 1,008,000 frames, block 15,750.
    playInBlocks(engine, loop, 120.0, 16801, [&](int b) {
        if (b == 15750) {
            engine.setPattern(song);
            engine.restartSongInBar();
        }
        if (b == 15752) {
            atSwitch = engine.songStep();
        }
        if (b == 16800) {  // the rest of the first bar at the slow section's 96 BPM: 4 × 15,000 frames later
            nextBar = engine.songStep();
        }
    });
    EXPECT_GE(atSwitch, 4.0) << "half way through the song's first bar";
    EXPECT_LT(atSwitch, 5.0);
    EXPECT_GE(nextBar, 8.0) << "then its second bar";
    EXPECT_LT(nextBar, 9.0);
}

TEST(ArrangementEngine, AQueuedBreakTheNewLayoutLacksIsDropped)
{
    Machine machine = clickMachine();
    const auto kit = test::impulseKit(machine);
    const auto stream = core::beats::compileArrangement(machine, machine.arrangements.front());
    const auto song = Pattern::build(stream, kit);
    machine.arrangements.front().sections[0].breakParts.clear();  // no break anywhere now
    const auto plain = Pattern::build(core::beats::compileArrangement(machine, machine.arrangements.front()), kit);
    ASSERT_EQ(plain->totalSteps(), stream.song->songSteps);
    Engine engine;
    playInBlocks(engine, song, 120.0, 40, [&](int b) {
        if (b == 5) {
            engine.queueJump(stream.song->entries[2].liveBreakStep, stream.song->barSteps);
        }
        if (b == 10) {
            EXPECT_EQ(engine.queuedJump(), stream.song->entries[2].liveBreakStep);
            engine.setPattern(plain);
        }
    });
    EXPECT_EQ(engine.queuedJump(), -1);
}

namespace bandmate::audio {

TEST(PedalNotes, CNextDBreakEPreviousInAnyOctaveAndABounceIsOnePress)
{
    PedalNotes pedal;
    EXPECT_EQ(pedal.press(60, 0), SongJump::Next);
    EXPECT_EQ(pedal.press(60, 40), std::nullopt) << "the switch bouncing";
    EXPECT_EQ(pedal.press(60, 140), SongJump::Next) << "pressed again";
    EXPECT_EQ(pedal.press(38, 150), SongJump::Break) << "another key at once is another press";
    EXPECT_EQ(pedal.press(100, 160), SongJump::Previous);
    EXPECT_EQ(pedal.press(61, 400), std::nullopt) << "C sharp asks nothing";
    EXPECT_EQ(pedal.press(127, 500), std::nullopt) << "G";
    EXPECT_EQ(pedal.press(0, 600), SongJump::Next) << "the lowest C";
    EXPECT_EQ(pedal.press(0, 10), SongJump::Next) << "a clock started again: no bounce";
}

}  // namespace bandmate::audio
