// The engine through the offline renderer (the same sequencer and sampler as live playback),
// checked against the test's own timing model with impulse kits: every note is one nonzero frame.
#include "audio/device/LivePlayer.h"
#include "audio/engine/Engine.h"
#include "audio/midi/GeneralMidi.h"
#include "tests/audio/EngineSupport.h"
#include "tests/support/AudioFiles.h"
#include "tests/support/TestFiles.h"

#include <algorithm>
#include <limits>
#include <set>
#include <tuple>

using namespace bandmate;
using audio::Engine;
using audio::Pattern;
using audio::RenderSettings;
using core::beats::Flavor;
using core::beats::Machine;
using test::exampleMachine;
using test::gridFrame;
using test::impulseKit;
using test::nonzeroFrames;

namespace {

constexpr double kRate = 48000.0;

std::map<int64_t, double> below(std::map<int64_t, double> frames, int64_t limit)
{
    std::erase_if(frames, [&](const auto& entry) { return entry.first >= limit; });
    return frames;
}

RenderSettings settingsFor(const Machine& machine, double seconds)
{
    RenderSettings settings;
    settings.sampleRate = kRate;
    settings.bpm = machine.bpm;
    settings.frames = std::llround(seconds * kRate);
    return settings;
}

Machine everythingOn(Machine machine)
{
    for (auto& instrument : machine.instruments) {
        instrument.enabled = true;
    }
    return machine;
}

/// Prepares `engine` at 48 kHz with `pattern` and starts it at `bpm`.
void start(Engine& engine, std::shared_ptr<const Pattern> pattern, double bpm)
{
    engine.prepareNonRealTime(kRate);
    engine.setPattern(std::move(pattern));
    engine.setTempo(bpm);
    engine.play();
}

void enableOnly(Machine& machine, const std::string& id)
{
    for (auto& instrument : machine.instruments) {
        instrument.enabled = instrument.id == id;
    }
}

}  // namespace

TEST(Engine, SalsaOnsetsLandOnTheirExactFramesForTenMinutesAtANonIntegerTempo)
{
    Machine machine = everythingOn(exampleMachine());
    machine.bpm = 97.3;  // 14799.59… frames per eighth: rounding errors would accumulate if summed
    auto settings = settingsFor(machine, 600.0);
    const auto rendered = test::renderInMemory(Pattern::build(core::beats::compileMachine(machine), impulseKit(machine)), settings);
    ASSERT_EQ(rendered.left.size(), static_cast<size_t>(settings.frames));
    const int64_t steps = static_cast<int64_t>(600.0 * 97.3 / 60.0 * 2.0) + 2;
    const auto expected = below(
        test::expectedImpulses(machine, steps, [&](int64_t k) { return gridFrame(static_cast<double>(k), 97.3, kRate, 2); }),
        settings.frames);
    test::expectSameImpulses(expected, nonzeroFrames(rendered.left));
    EXPECT_EQ(rendered.left, rendered.right);
    EXPECT_GT(expected.size(), 1900u);  // 1946 eighths in ten minutes at 97.3 BPM
}

TEST(Engine, ManyMachineSwitchesBeforeTheFirstPlayLoseNeitherPlayNorTempo)
{
    // Before a device runs nothing drains the command queue: each machine switch resets all 64
    // channels' mute and solo. They are state now, not commands, so play and tempo get through.
    Machine machine = exampleMachine();
    audio::Engine engine;
    engine.prepareNonRealTime(kRate);
    engine.setPattern(Pattern::build(core::beats::compileMachine(machine), test::impulseKit(machine)));
    for (int switches = 0; switches < 40; ++switches) {
        for (int channel = 0; channel < audio::Engine::kMaxChannels; ++channel) {
            engine.setChannelMute(channel, false);
            engine.setChannelSolo(channel, false);
        }
    }
    engine.setChannelMute(0, true);
    engine.setTempo(150);
    engine.play();
    EXPECT_EQ(engine.droppedCommands(), 0u);
    std::vector<float> left(512);
    std::vector<float> right(512);
    for (int block = 0; block < 200; ++block) {
        engine.process(left.data(), right.data(), 512);
    }
    EXPECT_GT(engine.notesStarted(), 0u) << "the play command arrived";
    // 102,400 frames at 150 BPM, eighth notes: 10.67 steps a second at 48 kHz.
    EXPECT_NEAR(engine.playheadStep(), 102'400.0 / kRate * 150.0 / 60.0 * 2.0, 1.0) << "at the tempo set last";
}

TEST(Engine, NotANumberChangesNothing)
{
    Machine machine = exampleMachine();
    audio::Engine engine;
    engine.prepareNonRealTime(kRate);
    engine.setPattern(Pattern::build(core::beats::compileMachine(machine), test::impulseKit(machine)));
    engine.setTempo(150);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    engine.setTempo(nan);
    engine.setSwing(nan);
    engine.setMasterGain(nan);
    engine.setChannelVolume(0, nan);
    engine.play();
    std::vector<float> left(512);
    std::vector<float> right(512);
    bool finite = true;
    for (int block = 0; block < 100; ++block) {
        engine.process(left.data(), right.data(), 512);
        finite = finite && std::all_of(left.begin(), left.end(), [](float v) { return std::isfinite(v); });
    }
    EXPECT_TRUE(finite);
    EXPECT_GT(engine.notesStarted(), 0u);
    EXPECT_NEAR(engine.playheadStep(), 51'200.0 / kRate * 150.0 / 60.0 * 2.0, 1.0) << "still at 150 BPM";
}

TEST(Engine, SwitchingSalsaAndMerengueWhilePlayingKeepsTheBeat)
{
    Machine salsa = exampleMachine();
    Machine merengue = salsa;
    merengue.flavor = core::beats::Flavor::Merengue;
    audio::Engine engine;
    engine.prepareNonRealTime(kRate);
    engine.setPattern(Pattern::build(core::beats::compileMachine(salsa), test::impulseKit(salsa)));
    engine.setTempo(120);
    engine.play();
    std::vector<float> left(500);
    std::vector<float> right(500);
    // A beat and a half at 120 BPM: 36,000 frames, salsa step 3 (eighths).
    for (int block = 0; block < 72; ++block) {
        engine.process(left.data(), right.data(), 500);
    }
    engine.setPattern(Pattern::build(core::beats::compileMachine(merengue), test::impulseKit(merengue)));
    engine.process(left.data(), right.data(), 500);
    EXPECT_NEAR(engine.playheadStep(), 6.0, 0.01) << "a beat and a half is merengue step 6 (sixteenths), not 3";
    engine.setPattern(Pattern::build(core::beats::compileMachine(salsa), test::impulseKit(salsa)));
    engine.process(left.data(), right.data(), 500);
    // 500 frames later: 500 / 6000 of a sixteenth more, back in eighths.
    EXPECT_NEAR(engine.playheadStep(), (6.0 + 500.0 / 6000.0) / 2.0, 0.01);
}

TEST(Engine, MerengueStepsAreSixteenths)
{
    Machine machine = exampleMachine();
    machine.flavor = Flavor::Merengue;
    machine.bpm = 143.0;
    const auto settings = settingsFor(machine, 60.0);
    const auto rendered = test::renderInMemory(Pattern::build(core::beats::compileMachine(machine), impulseKit(machine)), settings);
    const auto expected = below(
        test::expectedImpulses(machine, 1000, [&](int64_t k) { return gridFrame(static_cast<double>(k), 143.0, kRate, 4); }),
        settings.frames);
    test::expectSameImpulses(expected, nonzeroFrames(rendered.left));
    // notesStarted counts every sound started, coinciding ones separately.
    const auto stream = core::beats::compileMachine(machine);
    const double stepFrames = kRate * 60.0 / (143.0 * 4);
    uint64_t notes = 0;
    for (int64_t k = 0; std::llround(static_cast<double>(k) * stepFrames) < settings.frames; ++k) {
        for (const auto& instrument : stream.instruments) {
            notes += static_cast<uint64_t>(std::count_if(instrument.events.begin(), instrument.events.end(),
                                                         [&](const auto& e) { return e.step == k % instrument.loopLength; }));
        }
    }
    EXPECT_EQ(rendered.stats.notes, notes);
}

TEST(Engine, BlockSizeChangesNotASingleSample)
{
    Machine machine = everythingOn(exampleMachine());
    machine.bpm = 113.7;
    auto settings = settingsFor(machine, 20.0);
    settings.swing = 0.37;
    settings.tempoChanges = {{300'007, 151.1}};
    const auto pattern = Pattern::build(core::beats::compileMachine(machine), impulseKit(machine));
    settings.blockFrames = 512;
    const auto reference = test::renderInMemory(pattern, settings);
    for (const int block : {1, 37, 64, 4096}) {
        settings.blockFrames = block;
        const auto other = test::renderInMemory(pattern, settings);
        EXPECT_TRUE(other.left == reference.left && other.right == reference.right) << "block " << block;
    }
}

TEST(Engine, ThreeTwoClaveRotatesClavePatternsByOneBarAndKeepsKeyedHarmony)
{
    Machine machine = exampleMachine();
    machine.clave32 = true;
    enableOnly(machine, "clave");
    const auto frames = [&](const Machine& m) {
        const auto settings = settingsFor(m, 16 * 0.25);  // one clave cycle: 16 eighths at 120 BPM
        return nonzeroFrames(test::renderInMemory(Pattern::build(core::beats::compileMachine(m), impulseKit(m)), settings).left);
    };
    // Son clave written 2-3 on steps 2 4 | 8 11 14; played 3-2 it starts with the three side.
    std::vector<int64_t> clave;
    for (const auto& [frame, value] : frames(machine)) {
        clave.push_back(frame / 12000);
    }
    EXPECT_EQ(clave, (std::vector<int64_t>{0, 3, 6, 10, 12}));

    enableOnly(machine, "bass");  // keyed: not rotated
    std::vector<int64_t> bass;
    for (const auto& [frame, value] : frames(machine)) {
        bass.push_back(frame / 12000);
    }
    EXPECT_EQ(bass, (std::vector<int64_t>{3, 6, 11, 14}));
}

TEST(Engine, TempoChangeMidRenderKeepsThePhaseAndNeverDrifts)
{
    Machine machine = everythingOn(exampleMachine());
    auto settings = settingsFor(machine, 600.0);
    const int64_t change = 480'001;  // 40.0000833 eighths into the render at 120 BPM, not on a block edge
    settings.tempoChanges = {{change, 97.3}};
    const auto rendered = test::renderInMemory(Pattern::build(core::beats::compileMachine(machine), impulseKit(machine)), settings);
    const double oldStep = kRate * 60.0 / (120.0 * 2);
    const double newStep = kRate * 60.0 / (97.3 * 2);
    const double stepAtChange = static_cast<double>(change) / oldStep;
    const auto frameOf = [&](int64_t k) {
        const auto step = static_cast<double>(k);
        return step < stepAtChange ? std::llround(step * oldStep)
                                   : std::llround(static_cast<double>(change) + (step - stepAtChange) * newStep);
    };
    const auto expected = below(test::expectedImpulses(machine, 12000, frameOf), settings.frames);
    test::expectSameImpulses(expected, nonzeroFrames(rendered.left));
}

TEST(Engine, SwingDelaysOffbeatStepsUpToATripletFeel)
{
    Machine machine = exampleMachine();
    enableOnly(machine, "congas");  // a note on every eighth
    for (const double swing : {0.5, 1.0}) {
        auto settings = settingsFor(machine, 8.0);
        settings.swing = swing;
        const auto rendered = test::renderInMemory(Pattern::build(core::beats::compileMachine(machine), impulseKit(machine)), settings);
        const auto expected = below(test::expectedImpulses(machine, 40,
                                                           [&](int64_t k) {
                                                               const double delay = k % 2 == 1 ? swing / 3.0 : 0.0;
                                                               return gridFrame(static_cast<double>(k) + delay, 120.0, kRate, 2);
                                                           }),
                                    settings.frames);
        test::expectSameImpulses(expected, nonzeroFrames(rendered.left));
    }
}

TEST(Engine, CountInClicksEveryBeatOfOneBarThenThePatternStarts)
{
    Machine machine = exampleMachine();
    auto settings = settingsFor(machine, 12.0);
    settings.countIn = true;
    const auto rendered = test::renderInMemory(Pattern::build(core::beats::compileMachine(machine), impulseKit(machine)), settings);
    const int64_t bar = 96'000;  // 8 eighths at 120 BPM
    // Before the bar: sound only in the 25 ms after each of the four beats, and some in each.
    for (int beat = 0; beat < 4; ++beat) {
        const int64_t start = beat * 24'000;
        float energy = 0.0f;
        for (int64_t f = start; f < start + 24'000; ++f) {
            const float value = std::abs(rendered.left[static_cast<size_t>(f)]);
            if (f >= start + 1200) {
                ASSERT_EQ(value, 0.0f) << "sound between clicks at frame " << f;
            }
            energy += value;
        }
        EXPECT_GT(energy, 1.0f) << "no click on beat " << beat + 1;
    }
    std::vector<float> pattern(rendered.left.begin() + bar, rendered.left.end());
    const auto expected = below(
        test::expectedImpulses(machine, 80, [&](int64_t k) { return gridFrame(static_cast<double>(k), 120.0, kRate, 2); }),
        settings.frames - bar);
    test::expectSameImpulses(expected, nonzeroFrames(pattern));
}

TEST(Engine, VelocityInstrumentVolumeMuteSoloAndMasterShapeTheMix)
{
    Machine machine = exampleMachine();  // campana at volume 0.8 with 0.6-velocity notes
    const auto pattern = Pattern::build(core::beats::compileMachine(machine), impulseKit(machine));
    Engine engine;
    start(engine, pattern, 120.0);
    std::vector<float> left(6'000);
    std::vector<float> right(6'000);
    const auto step = [&]() {  // one eighth per call: the first frame holds that step's notes
        engine.process(left.data(), right.data(), 6'000);
        const auto first = static_cast<double>(left[0]);
        engine.process(left.data(), right.data(), 6'000);
        return first / machine.volume;  // the machine's own master volume (0.8) applies to all
    };
    const double clave = 0.05;
    const double cowbellAccent = 0.05 * 0.8;
    const double congaSoft = 0.05 * 0.6;
    const double bass = 0.05;
    EXPECT_NEAR(step(), cowbellAccent + congaSoft, 1e-6);           // step 0
    EXPECT_NEAR(step(), congaSoft, 1e-6);                           // step 1
    EXPECT_NEAR(step(), clave + 0.05 * 0.8 * 0.6 + 0.05, 1e-6);     // step 2: clave, soft bell, open conga
    EXPECT_NEAR(step(), congaSoft + bass, 1e-6);                    // step 3
    engine.setChannelMute(2, true);                                  // congas
    EXPECT_NEAR(step(), clave + cowbellAccent, 1e-6);                // step 4
    engine.setChannelSolo(3, true);                                  // bass only
    EXPECT_NEAR(step(), 0.0, 1e-6);                                  // step 5
    EXPECT_NEAR(step(), bass, 1e-6);                                 // step 6
    engine.setChannelSolo(3, false);
    engine.setChannelMute(2, false);
    engine.setChannelVolume(2, 0.5);
    engine.setMasterGain(2.0);
    EXPECT_NEAR(step(), 2.0 * 0.05 * 0.5, 1e-6);                     // step 7: open low conga
}

TEST(Engine, TheFirstInstrumentsVolumeAppliesToo)
{
    // Channel 0 (the clave) is a channel like the others: its volume is not ignored.
    Machine machine = exampleMachine();
    const auto pattern = Pattern::build(core::beats::compileMachine(machine), impulseKit(machine));
    Engine engine;
    engine.setChannelVolume(0, 0.0);
    start(engine, pattern, 120.0);
    std::vector<float> left(6'000);
    std::vector<float> right(6'000);
    double third = 0.0;
    for (int eighth = 0; eighth < 3; ++eighth) {  // step 2 holds the clave, a soft bell and an open conga
        engine.process(left.data(), right.data(), 6'000);
        third = static_cast<double>(left[0]) / machine.volume;
        engine.process(left.data(), right.data(), 6'000);
    }
    EXPECT_NEAR(third, 0.05 * 0.8 * 0.6 + 0.05, 1e-6) << "the clave, at volume 0, is silent";
}

TEST(Engine, LimiterKeepsAFullMachineBelowTheCeiling)
{
    Machine machine = everythingOn(exampleMachine());
    std::vector<audio::Sample> samples;
    for (const auto& name : core::beats::allSampleNames(machine)) {
        std::vector<float> loud(24'000);
        for (size_t i = 0; i < loud.size(); ++i) {
            loud[i] = (i / 20) % 2 == 0 ? 0.95f : -0.95f;  // a square wave at full level
        }
        samples.push_back({name, loud, {}});
    }
    const auto pattern = Pattern::build(core::beats::compileMachine(machine), audio::Kit::fromSamples("loud", samples, kRate));
    auto settings = settingsFor(machine, 20.0);
    const auto rendered = test::renderInMemory(pattern, settings);
    float peak = 0.0f;
    for (const float v : rendered.left) {
        peak = std::max(peak, std::abs(v));
    }
    EXPECT_LE(peak, Engine::kLimiterCeiling + 1e-6f);
    EXPECT_GT(peak, 0.8f);
}

TEST(Engine, VoiceLimitStealsTheOldestNote)
{
    Machine machine = everythingOn(exampleMachine());
    machine.flavor = Flavor::Merengue;
    std::vector<audio::Sample> samples;
    for (const auto& name : core::beats::allSampleNames(machine)) {
        samples.push_back({name, std::vector<float>(480'000, 0.001f), {}});  // 10 s each
    }
    const auto pattern = Pattern::build(core::beats::compileMachine(machine), audio::Kit::fromSamples("long", samples, kRate));
    Engine engine;
    start(engine, pattern, 300.0);
    std::vector<float> left(512);
    std::vector<float> right(512);
    for (int block = 0; block < 2000; ++block) {
        engine.process(left.data(), right.data(), 512);
        ASSERT_LE(engine.voicesSounding(), Engine::kMaxVoices);
    }
    EXPECT_EQ(engine.voicesSounding(), Engine::kMaxVoices);
    EXPECT_GT(engine.voicesStolen(), 0u);
}

namespace {

/// Long notes that rise smoothly from silence (so their starts make no step in the output) and
/// then hold a steady level: any jump in the output is a note stopping mid-waveform.
std::shared_ptr<const audio::Kit> softLongKit(const Machine& machine, const std::string& name, float level)
{
    std::vector<float> note(480'000, level);  // 10 s
    for (size_t i = 0; i < 4'000; ++i) {
        note[i] = level * static_cast<float>(i) / 4'000.0f;
    }
    std::vector<audio::Sample> samples;
    for (const auto& sample : core::beats::allSampleNames(machine)) {
        samples.push_back({sample, note, {}});
    }
    return audio::Kit::fromSamples(name, std::move(samples), kRate);
}

/// The largest change between two neighbouring frames of the left channel.
float largestJump(const std::vector<float>& frames)
{
    float jump = 0.0f;
    for (size_t i = 1; i < frames.size(); ++i) {
        jump = std::max(jump, std::abs(frames[i] - frames[i - 1]));
    }
    return jump;
}

}  // namespace

TEST(Engine, AStolenNoteFadesOutInsteadOfStoppingMidWaveform)
{
    Machine machine = everythingOn(exampleMachine());
    machine.flavor = Flavor::Merengue;
    constexpr float kLevel = 0.001f;
    const auto pattern = Pattern::build(core::beats::compileMachine(machine), softLongKit(machine, "soft", kLevel));
    Engine engine;
    start(engine, pattern, 300.0);
    std::vector<float> left(512);
    std::vector<float> right(512);
    std::vector<float> all;
    for (int block = 0; block < 600; ++block) {
        engine.process(left.data(), right.data(), 512);
        all.insert(all.end(), left.begin(), left.end());
    }
    ASSERT_GT(engine.voicesStolen(), 100u);
    // A cut note would step by its whole level (times its velocity and volumes, at least a
    // fifth of it here); faded ones change by at most 1/128 of it a frame, a few at once.
    EXPECT_LT(largestJump(all), kLevel / 20.0f);
}

TEST(Engine, ANewKitFadesTheOldKitsNotesOutAndThenLetsTheOldPatternGo)
{
    Machine machine = everythingOn(exampleMachine());
    constexpr float kLevel = 0.001f;
    auto first = Pattern::build(core::beats::compileMachine(machine), softLongKit(machine, "first", kLevel));
    std::weak_ptr<const Pattern> firstWatch = first;
    auto second = Pattern::build(core::beats::compileMachine(machine), softLongKit(machine, "second", kLevel));
    Engine engine;
    start(engine, std::move(first), 120.0);
    std::vector<float> left(256);
    std::vector<float> right(256);
    std::vector<float> all;
    for (int block = 0; block < 200; ++block) {
        if (block == 150) {
            engine.setPattern(second);
        }
        engine.process(left.data(), right.data(), 256);
        all.insert(all.end(), left.begin(), left.end());
    }
    const float atSwitch = std::abs(all[150 * 256 - 1]);
    ASSERT_GT(atSwitch, 5.0f * kLevel) << "many notes were sounding at the switch";
    // Cut, the whole sum would drop in one frame; faded, it falls by 1/128 of it a frame.
    EXPECT_LT(largestJump(all), atSwitch / 50.0f);
    engine.releaseRetiredNonRealTime();
    EXPECT_TRUE(firstWatch.expired()) << "the old pattern and its kit are freed once its notes are silent";
}

TEST(Engine, TheOldKitStaysUntilItsNotesHaveFadedOverSeveralSmallBlocksAndItsVolumesStayTheirs)
{
    Machine machine = everythingOn(exampleMachine());
    constexpr float kLevel = 0.001f;
    auto first = Pattern::build(core::beats::compileMachine(machine), softLongKit(machine, "first", kLevel));
    std::weak_ptr<const Pattern> firstWatch = first;
    for (auto& instrument : machine.instruments) {
        instrument.volume = 0.25;  // the new machine's volumes differ from the old one's
    }
    auto second = Pattern::build(core::beats::compileMachine(machine), softLongKit(machine, "second", kLevel));
    Engine engine;
    start(engine, std::move(first), 120.0);
    constexpr int kBlock = 32;  // a quarter of the fade: the old pattern is held across blocks
    std::vector<float> left(kBlock);
    std::vector<float> right(kBlock);
    std::vector<float> all;
    for (int block = 0; block < 1'200; ++block) {
        engine.process(left.data(), right.data(), kBlock);
        all.insert(all.end(), left.begin(), left.end());
    }
    const float atSwitch = std::abs(all.back());
    ASSERT_GT(atSwitch, 5.0f * kLevel);
    engine.setPattern(second);
    int heldBlocks = 0;
    for (int block = 0; block < 16; ++block) {
        engine.process(left.data(), right.data(), kBlock);
        all.insert(all.end(), left.begin(), left.end());
        engine.releaseRetiredNonRealTime();
        heldBlocks += firstWatch.expired() ? 0 : 1;
    }
    EXPECT_EQ(heldBlocks, Engine::kFadeFrames / kBlock - 1) << "held while its notes fade, let go in the block they end";
    EXPECT_TRUE(firstWatch.expired());
    EXPECT_LT(largestJump(all), atSwitch / 50.0f) << "faded at the old volumes, not the new ones";
}

TEST(Engine, MissingSamplesAreListedOnceAndTheRestPlays)
{
    Machine machine = exampleMachine();
    std::vector<audio::Sample> samples{{"clave-0", {0.05f}, {}}, {"bass", {0.05f}, {}}};
    const auto pattern = Pattern::build(core::beats::compileMachine(machine), audio::Kit::fromSamples("partial", samples, kRate));
    EXPECT_EQ(pattern->missingSamples(),
              (std::vector<std::string>{"congas-0", "congas-1", "congas-2", "congas-3", "cowbell-0", "cowbell-1"}));
    const auto rendered = test::renderInMemory(pattern, settingsFor(machine, 4.0));
    EXPECT_EQ(rendered.stats.notes, 9u);  // clave 5 + bass 4 (bare-id fallback) per cycle
    EXPECT_EQ(nonzeroFrames(rendered.left).size(), 7u);  // two of them together on steps 11 and 14
}

TEST(Engine, ANewPatternPlaysFromTheNextBlockAndTheOldOneIsFreedOffTheAudioThread)
{
    Machine machine = exampleMachine();
    enableOnly(machine, "clave");
    const auto kit = impulseKit(machine);
    auto first = Pattern::build(core::beats::compileMachine(machine), kit);
    std::weak_ptr<const Pattern> firstWatch = first;
    machine.instruments[0].activeProgram = 1;  // rumba clave: third note on 15 instead of 14
    auto second = Pattern::build(core::beats::compileMachine(machine), kit);

    Engine engine;
    start(engine, std::move(first), 120.0);
    std::vector<float> left(6'000);
    std::vector<float> right(6'000);
    std::vector<int> sounding;
    for (int k = 0; k < 16; ++k) {
        if (k == 12) {
            engine.setPattern(second);
        }
        engine.process(left.data(), right.data(), 6'000);
        if (left[0] != 0.0f) {
            sounding.push_back(k);
        }
        engine.process(left.data(), right.data(), 6'000);
    }
    EXPECT_EQ(sounding, (std::vector<int>{2, 4, 8, 11, 15}));
    EXPECT_FALSE(firstWatch.expired()) << "freed only by the control thread";
    engine.releaseRetiredNonRealTime();
    EXPECT_TRUE(firstWatch.expired());
}

TEST(Engine, KeyChoosesTransposedSamplesOfKeyedInstruments)
{
    Machine machine = exampleMachine();
    enableOnly(machine, "bass");
    std::vector<audio::Sample> samples{{"bass-36", {0.05f}, {}}, {"bass-43", {0.05f}, {}}};
    const auto kit = audio::Kit::fromSamples("bass", samples, kRate);
    EXPECT_TRUE(Pattern::build(core::beats::compileMachine(machine), kit)->missingSamples().empty());
    machine.keyNote = 2;
    EXPECT_EQ(Pattern::build(core::beats::compileMachine(machine), kit)->missingSamples(),
              (std::vector<std::string>{"bass-38", "bass-45"}));
}

TEST(Engine, EachInstrumentLoopsItsOwnProgramLength)
{
    Machine machine = exampleMachine();
    const auto stream = core::beats::compileMachine(machine);
    const auto pattern = Pattern::build(stream, impulseKit(machine));
    std::map<std::string, int> lengths;
    for (size_t i = 0; i < stream.instruments.size(); ++i) {
        lengths[stream.instruments[i].id] = pattern->channels()[i].loopLength;
    }
    EXPECT_EQ(lengths, (std::map<std::string, int>{{"bass", 16}, {"clave", 16}, {"congas", 8}, {"cowbell", 8}}));
    EXPECT_EQ(pattern->cycleSteps(), 16);
    enableOnly(machine, "cowbell");
    const auto rendered = test::renderInMemory(Pattern::build(core::beats::compileMachine(machine), impulseKit(machine)),
                                               settingsFor(machine, 6.0));
    std::vector<int64_t> steps;
    for (const auto& [frame, value] : nonzeroFrames(rendered.left)) {
        steps.push_back(frame / 12'000);
    }
    EXPECT_EQ(steps, (std::vector<int64_t>{0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22}));
}

TEST(Engine, PianoPlaysBothHandsTheTonicAndTheKey)
{
    Machine machine = exampleMachine();
    enableOnly(machine, "piano");  // right hand at 60, left at 48, montuno in C
    machine.keyNote = 3;           // E flat
    // Each sample "piano-N" is silent except at frame N, so the output shows which pitches sound.
    std::vector<audio::Sample> samples;
    for (int n = 0; n < 128; ++n) {
        std::vector<float> marker(static_cast<size_t>(n) + 1, 0.0f);
        marker.back() = 0.05f;
        samples.push_back({"piano-" + std::to_string(n), marker, {}});
    }
    const auto pattern = Pattern::build(core::beats::compileMachine(machine), audio::Kit::fromSamples("markers", samples, kRate));
    const auto rendered = test::renderInMemory(pattern, settingsFor(machine, 4.0));
    std::map<int64_t, std::set<int64_t>> pitches;  // step → sounding pitches
    for (const auto& [frame, value] : nonzeroFrames(rendered.left)) {
        pitches[frame / 12'000].insert(frame % 12'000);
    }
    const std::map<int64_t, std::set<int64_t>> expected{
        {0, {51, 63, 75}},  // I in both hands, with the tonic an octave over the right hand
        {1, {67, 70}},      // right hand only
        {3, {51, 63}},
        {5, {67}},
        {6, {58, 70}},
        {8, {50, 62}},      // pitch -1: the leading tone
        {9, {65, 70}},
        {11, {50, 62}},
        {13, {65}},
        {14, {58, 70}},
    };
    EXPECT_EQ(pitches, expected);
}

TEST(Engine, PauseAndResumeContinueTheGrooveWhereItStopped)
{
    Machine machine = exampleMachine();
    const auto pattern = Pattern::build(core::beats::compileMachine(machine), impulseKit(machine));
    Engine engine;
    start(engine, pattern, 120.0);
    std::vector<float> left(1000);
    std::vector<float> right(1000);
    std::vector<float> straight;
    // Reference: 48 blocks straight through; then the same with 20 silent blocks of pause in the middle.
    for (int block = 0; block < 48; ++block) {
        engine.process(left.data(), right.data(), 1000);
        straight.insert(straight.end(), left.begin(), left.end());
    }
    Engine paused;
    start(paused, pattern, 120.0);
    std::vector<float> withPause;
    for (int block = 0; block < 68; ++block) {
        if (block == 24) {
            paused.stop();
        }
        if (block == 44) {
            paused.resume();
        }
        paused.process(left.data(), right.data(), 1000);
        if (block < 24 || block >= 44) {
            withPause.insert(withPause.end(), left.begin(), left.end());
        }
    }
    EXPECT_EQ(nonzeroFrames(withPause), nonzeroFrames(straight));
}

/// The same pattern rendered to WAV files twice, plain and as a seamless loop, read back.
std::pair<test::WavData, test::WavData> plainAndLoop(const std::shared_ptr<const Pattern>& pattern, RenderSettings settings)
{
    test::TempDir dir;
    const std::string plain = dir.file(QStringLiteral("plain.wav")).toStdString();
    const std::string loop = dir.file(QStringLiteral("loop.wav")).toStdString();
    EXPECT_TRUE(audio::renderToWavFile(pattern, settings, plain).has_value());
    settings.seamlessLoop = true;
    EXPECT_TRUE(audio::renderToWavFile(pattern, settings, loop).has_value());
    std::string error;
    return {test::readWav(plain, &error), test::readWav(loop, &error)};
}

TEST(Engine, ASeamlessLoopAddsOnlyWhatRingsOnNeverTheNextCyclesFirstNotes)
{
    // One-frame samples ring on for nothing: the loop must equal the plain render exactly (the
    // old tail kept the sequencer running, so the next cycle's first notes landed on frame 0
    // twice and were clipped).
    Machine machine = exampleMachine();
    const auto pattern = Pattern::build(core::beats::compileMachine(machine), test::impulseKit(machine, 0.6f));
    const auto [a, b] = plainAndLoop(pattern, settingsFor(machine, 4.0));
    ASSERT_FALSE(a.samples.empty());
    ASSERT_FALSE(b.samples.empty());
    ASSERT_EQ(a.frames(), b.frames());
    ASSERT_GT(std::abs(a.samples[0][0]), 0.0f) << "the machine starts with a note";
    EXPECT_FLOAT_EQ(b.samples[0][0], a.samples[0][0]);
    for (size_t i = 0; i < a.frames(); ++i) {
        ASSERT_FLOAT_EQ(b.samples[0][i], a.samples[0][i]) << "frame " << i;
    }
}

TEST(Engine, ARenderRefusesAKitDecodedForAnotherRate)
{
    Machine machine = exampleMachine();
    const auto pattern = Pattern::build(core::beats::compileMachine(machine), test::impulseKit(machine));  // 48 kHz
    auto settings = settingsFor(machine, 1.0);
    settings.sampleRate = 44100.0;
    auto refused = audio::renderOffline(pattern, settings, [](const float*, const float*, int) { return true; });
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, core::ErrorCode::InvalidArgument);
    EXPECT_NE(refused.error().message.find("out of tune"), std::string::npos) << refused.error().message;
}

TEST(Engine, SeamlessLoopFoldsTheRingingTailOntoTheStart)
{
    Machine machine = exampleMachine();
    std::vector<audio::Sample> samples;
    for (const auto& name : core::beats::allSampleNames(machine)) {
        samples.push_back({name, std::vector<float>(96'000, 0.01f), {}});  // 2 s of ringing
    }
    const auto pattern = Pattern::build(core::beats::compileMachine(machine), audio::Kit::fromSamples("long", samples, kRate));
    const auto [a, b] = plainAndLoop(pattern, settingsFor(machine, 8.0));
    ASSERT_FALSE(a.samples.empty());
    ASSERT_FALSE(b.samples.empty());
    ASSERT_EQ(a.frames(), 384'000u);
    ASSERT_EQ(b.frames(), 384'000u) << "the loop is exactly as long as asked";
    // At the start the loop also holds the last bars' ringing notes.
    EXPECT_GT(b.samples[0][10], a.samples[0][10] + 0.005f);
    EXPECT_NEAR(a.samples[0][300'000], b.samples[0][300'000], 1e-6) << "the middle is the same";
}

TEST(Engine, AMonoDeviceGetsBothChannelsMixedDownAtAnyPeriod)
{
    // What the device callback renders: a mono device with a period longer than the engine's
    // largest block (a scratch channel of kMaxBlockFrames used to be written past its end), next
    // to the same engine state on a stereo device.
    Machine machine = everythingOn(exampleMachine());
    const auto pattern = Pattern::build(core::beats::compileMachine(machine), impulseKit(machine));
    const auto started = [&] {
        auto engine = std::make_unique<audio::Engine>();
        engine->prepareNonRealTime(kRate);
        engine->setPattern(pattern);
        engine->setTempo(machine.bpm);
        engine->play();
        return engine;
    };
    constexpr int kPeriod = 3 * audio::Engine::kMaxBlockFrames + 123;
    auto stereoEngine = started();
    std::vector<float> left(kPeriod);
    std::vector<float> right(kPeriod);
    std::vector<float> third(kPeriod, 1.0f);
    float* const stereo[] = {left.data(), right.data(), third.data()};
    std::vector<float> scratch(audio::Engine::kMaxBlockFrames);
    audio::renderToOutputs(*stereoEngine, stereo, 3, kPeriod, scratch.data());
    EXPECT_TRUE(std::all_of(third.begin(), third.end(), [](float sample) { return sample == 0.0f; })) << "other channels are silent";

    auto monoEngine = started();
    std::vector<float> mono(kPeriod);
    // The scratch block with a guard after it: nothing may be written past kMaxBlockFrames.
    std::vector<float> guarded(audio::Engine::kMaxBlockFrames + 64, 7.0f);
    float* const monoOut[] = {mono.data()};
    audio::renderToOutputs(*monoEngine, monoOut, 1, kPeriod, guarded.data());
    EXPECT_TRUE(std::all_of(guarded.begin() + audio::Engine::kMaxBlockFrames, guarded.end(), [](float sample) { return sample == 7.0f; }))
        << "written past the scratch channel";
    double energy = 0.0;
    for (int i = 0; i < kPeriod; ++i) {
        ASSERT_FLOAT_EQ(mono[static_cast<size_t>(i)], 0.5f * (left[static_cast<size_t>(i)] + right[static_cast<size_t>(i)])) << "frame " << i;
        energy += std::abs(mono[static_cast<size_t>(i)]);
    }
    EXPECT_GT(energy, 0.0) << "the mono device hears the groove";
}

namespace {

/// Runs `engine` for `frames` in `block`-frame blocks, each following `clock(frame)` (the
/// position an outside clock gives for the block's first frame); the left channel.
template <typename Clock>
std::vector<float> followFor(Engine& engine, int64_t frames, int block, Clock clock)
{
    std::vector<float> out(static_cast<size_t>(frames));
    std::vector<float> right(static_cast<size_t>(block));
    for (int64_t at = 0; at < frames; at += block) {
        const int n = static_cast<int>(std::min<int64_t>(block, frames - at));
        engine.followClock(clock(at));
        engine.process(out.data() + at, right.data(), n);
    }
    return out;
}

}  // namespace

// A clock that starts mid-block (a Link session's quantized launch, a JACK transport that
// starts rolling): beat 0 lands on its exact frame, and every step after it, at the clock's
// tempo, not the engine's own.
TEST(Engine, AFollowedClockPlaysEveryStepOnItsExactFrameFromAStartInsideABlock)
{
    Machine machine = exampleMachine();
    enableOnly(machine, "clave");
    Engine engine;
    start(engine, Pattern::build(core::beats::compileMachine(machine), impulseKit(machine)), 150.0);
    constexpr int64_t kStart = 10'037;  // not on a 64-frame edge
    constexpr double kBpm = 97.3;
    const double framesPerBeat = kRate * 60.0 / kBpm;
    const int64_t frames = 20 * 48'000;
    const auto out = followFor(engine, frames, 64, [&](int64_t at) {
        return audio::ClockPosition{at + 64 > kStart, static_cast<double>(at - kStart) / framesPerBeat, kBpm};
    });
    const auto expected = below(test::expectedImpulses(machine, 64, [&](int64_t k) {
        return kStart + gridFrame(static_cast<double>(k), kBpm, kRate, 2);
    }), frames);
    test::expectSameImpulses(expected, nonzeroFrames(out));
    EXPECT_GT(expected.size(), 10u);
    EXPECT_DOUBLE_EQ(engine.tempo(), kBpm);
}

// A clock beyond the machine's own range (a Link peer at 600 BPM; Link allows up to 999): the
// engine plays at the clock's tempo, each step on its frame, not at its own 300 BPM ceiling with
// the steps bunched at block edges to catch up.
TEST(Engine, AFollowedClockFasterThanTheMachinesRangeKeepsEveryStepOnItsFrame)
{
    Machine machine = exampleMachine();
    enableOnly(machine, "clave");
    Engine engine;
    start(engine, Pattern::build(core::beats::compileMachine(machine), impulseKit(machine)), 120.0);
    constexpr double kBpm = 600.0;
    const double framesPerBeat = kRate * 60.0 / kBpm;
    const int64_t frames = 10 * 48'000;
    const auto out = followFor(engine, frames, 1024, [&](int64_t at) {
        return audio::ClockPosition{true, static_cast<double>(at) / framesPerBeat, kBpm};
    });
    const auto expected = below(test::expectedImpulses(machine, 400, [&](int64_t k) {
        return gridFrame(static_cast<double>(k), kBpm, kRate, 2);
    }), frames);
    test::expectSameImpulses(expected, nonzeroFrames(out));
    EXPECT_GT(expected.size(), 50u);
    EXPECT_DOUBLE_EQ(engine.tempo(), kBpm);
}

// A clock that runs 0.1 % fast against the sound card (two crystals never agree) corrects the
// engine a little at every block: no step is played twice or skipped, and each lands within a
// frame of where the clock has it.
TEST(Engine, AFollowedClockThatDriftsIsFollowedWithoutADoubledOrLostStep)
{
    Machine machine = exampleMachine();
    enableOnly(machine, "clave");
    for (const double drift : {1.001, 0.999}) {
        Engine engine;
        start(engine, Pattern::build(core::beats::compileMachine(machine), impulseKit(machine)), 120.0);
        const double framesPerBeat = kRate * 60.0 / 120.0;
        const int64_t frames = 30 * 48'000;
        const auto out = followFor(engine, frames, 64, [&](int64_t at) {
            return audio::ClockPosition{true, static_cast<double>(at) * drift / framesPerBeat, 120.0};
        });
        const auto expected = below(test::expectedImpulses(machine, 200, [&](int64_t k) {
            return std::llround(static_cast<double>(k) * framesPerBeat / 2.0 / drift);
        }), frames);
        const auto actual = nonzeroFrames(out);
        ASSERT_EQ(actual.size(), expected.size()) << "drift " << drift;
        auto heard = actual.begin();
        for (const auto& [frame, value] : expected) {
            EXPECT_LE(std::abs(heard->first - frame), 1) << "drift " << drift << ", expected at " << frame;
            ++heard;
        }
    }
}

// The clock jumps back four bars (a relocated transport) and later stops: the groove plays from
// the new place at once, and stops with it.
TEST(Engine, AFollowedClockThatJumpsOrStopsTakesTheEngineWithIt)
{
    Machine machine = exampleMachine();
    enableOnly(machine, "clave");
    Engine engine;
    start(engine, Pattern::build(core::beats::compileMachine(machine), impulseKit(machine)), 120.0);
    const double framesPerBeat = kRate * 60.0 / 120.0;
    constexpr int64_t kJump = 8 * 24'000 + 640;  // 8 beats in, on a block edge
    constexpr int64_t kStop = 16 * 24'000;
    const int64_t frames = 20 * 24'000;
    const auto out = followFor(engine, frames, 64, [&](int64_t at) {
        const double beat = at < kJump ? static_cast<double>(at) / framesPerBeat
                                       : static_cast<double>(at - kJump) / framesPerBeat;  // back to beat 0
        return audio::ClockPosition{at < kStop, beat, 120.0};
    });
    std::map<int64_t, double> expected = below(test::expectedImpulses(machine, 64, [&](int64_t k) {
        return gridFrame(static_cast<double>(k), 120.0, kRate, 2);
    }), kJump);
    for (const auto& [frame, value] : below(test::expectedImpulses(machine, 64, [&](int64_t k) {
             return kJump + gridFrame(static_cast<double>(k), 120.0, kRate, 2);
         }), kStop)) {
        expected[frame] += value;
    }
    test::expectSameImpulses(expected, nonzeroFrames(out));
    EXPECT_FALSE(engine.isPlaying());
}

// Waiting for the session's bar line (the clock rolls, its beat still below 0) while the
// machine switches from salsa to merengue: the rescaled position must not reach the count-in's
// clicks; the first sound is the merengue's step 0, on the frame of beat 0.
TEST(Engine, AMachineSwitchWhileWaitingForTheClocksBarLineSoundsNoCountIn)
{
    Machine salsa = exampleMachine();
    enableOnly(salsa, "clave");
    Machine merengue = salsa;
    merengue.flavor = Flavor::Merengue;
    Engine engine;
    start(engine, Pattern::build(core::beats::compileMachine(salsa), impulseKit(salsa)), 120.0);
    const double framesPerBeat = kRate * 60.0 / 120.0;
    constexpr int64_t kStart = 2 * 24'000 + 17;  // two beats of waiting
    const int64_t frames = kStart + 24'000;
    std::vector<float> out(static_cast<size_t>(frames));
    std::vector<float> right(64);
    for (int64_t at = 0; at < frames; at += 64) {
        if (at == 12'800) {
            engine.setPattern(Pattern::build(core::beats::compileMachine(merengue), impulseKit(merengue)));
        }
        const int n = static_cast<int>(std::min<int64_t>(64, frames - at));
        engine.followClock({true, static_cast<double>(at - kStart) / framesPerBeat, 120.0});
        engine.process(out.data() + at, right.data(), n);
    }
    const auto heard = nonzeroFrames(out);
    ASSERT_FALSE(heard.empty());
    EXPECT_GE(heard.begin()->first, kStart) << "a click (or a note) before beat 0";
    const auto expected = below(test::expectedImpulses(merengue, 64, [&](int64_t k) {
        return kStart + gridFrame(static_cast<double>(k), 120.0, kRate, 4);
    }), frames);
    test::expectSameImpulses(expected, heard);
}

TEST(Engine, EachBlockTellsTheNotesItStartedOnTheirFramesWithGeneralMidiKeysAlsoThoseTheKitLacks)
{
    // What live MIDI out sends: every note of the stream, on its frame, with its key, channel,
    // velocity and length; sounds the kit lacks too (silent here, a synth plays them); a muted
    // instrument's marked silent.
    Machine machine = everythingOn(exampleMachine());
    machine.bpm = 97.3;
    const auto stream = core::beats::compileMachine(machine);
    std::vector<audio::Sample> samples{{"clave-0", {0.05f}, {}}, {"bass", {0.05f}, {}}};
    Engine engine;
    start(engine, Pattern::build(stream, audio::Kit::fromSamples("partial", samples, kRate)), 97.3);
    const auto channels = audio::generalMidiChannels(stream);
    const auto bass = std::find_if(stream.instruments.begin(), stream.instruments.end(), [](const auto& i) { return i.keyed; });
    ASSERT_NE(bass, stream.instruments.end());
    engine.setChannelMute(bass->instrumentIndex, true);

    const int steps = 48;
    const double framesPerStep = kRate * 60.0 / 97.3 / 2.0;
    using Note = std::tuple<int64_t, int, int, int, int, bool>;  // frame, mixer channel, MIDI channel, key, velocity, silent
    std::multiset<Note> expected;
    for (int step = 0; step < steps; ++step) {
        for (size_t i = 0; i < stream.instruments.size(); ++i) {
            const auto& instrument = stream.instruments[i];
            for (const auto& event : instrument.events) {
                if (event.step == step % instrument.loopLength) {
                    expected.emplace(gridFrame(step, 97.3, kRate, 2), instrument.instrumentIndex, channels[i],
                                     audio::generalMidiKey(instrument, event),
                                     static_cast<int>(std::clamp(std::lround(event.gain * 127.0), 1L, 127L)),
                                     instrument.instrumentIndex == bass->instrumentIndex);
                }
            }
        }
    }
    std::multiset<Note> started;
    std::vector<float> left(256);
    std::vector<float> right(256);
    const auto total = static_cast<int64_t>(std::ceil(steps * framesPerStep)) - 1;
    for (int64_t frame = 0; frame < total; frame += 256) {
        const int frames = static_cast<int>(std::min<int64_t>(256, total - frame));
        engine.process(left.data(), right.data(), frames);
        for (int n = 0; n < engine.blockNoteCount(); ++n) {
            const audio::StartedNote& note = engine.blockNotes()[n];
            EXPECT_GE(note.offset, 0);
            EXPECT_LT(note.offset, frames);
            const bool keyed = std::any_of(stream.instruments.begin(), stream.instruments.end(), [&](const auto& i) {
                return i.instrumentIndex == note.mixerChannel && i.keyed;
            });
            EXPECT_NEAR(note.lengthFrames, keyed ? framesPerStep : framesPerStep / 2.0, 1.0);
            started.emplace(frame + note.offset, note.mixerChannel, note.midiChannel, note.key, note.velocity, note.silent);
        }
    }
    EXPECT_EQ(started, expected);
    EXPECT_EQ(engine.blockNotesDropped(), 0u);
    EXPECT_GT(std::count_if(expected.begin(), expected.end(), [](const Note& n) { return std::get<2>(n) == 9; }), 20)
        << "percussion on General MIDI's channel 10";
    EXPECT_LT(engine.notesStarted(), expected.size()) << "the kit's missing sounds started no voice";
}

TEST(Engine, APeriodLongerThanTheEnginesBlockTellsEveryNoteOfItFromItsFirstFrame)
{
    // A device period beyond kMaxBlockFrames is rendered in parts; what goes along with it (live
    // MIDI out) sees the whole period's notes, offsets from its start, and its starting playhead.
    Machine machine = everythingOn(exampleMachine());
    machine.bpm = 97.3;
    const auto stream = core::beats::compileMachine(machine);
    audio::Engine engine;
    start(engine, Pattern::build(stream, impulseKit(machine)), 97.3);
    constexpr int kPeriod = 2 * audio::Engine::kMaxBlockFrames + 3000;
    std::vector<float> left(kPeriod);
    std::vector<float> right(kPeriod);
    float* const outputs[] = {left.data(), right.data()};
    std::vector<float> scratch(audio::Engine::kMaxBlockFrames);
    audio::renderToOutputs(engine, outputs, 2, kPeriod, scratch.data());
    std::multiset<int64_t> expected;
    for (int step = 0; gridFrame(step, 97.3, kRate, 2) < kPeriod; ++step) {
        for (const auto& instrument : stream.instruments) {
            for (const auto& event : instrument.events) {
                if (event.step == step % instrument.loopLength) {
                    expected.insert(gridFrame(step, 97.3, kRate, 2));
                }
            }
        }
    }
    std::multiset<int64_t> told;
    for (int n = 0; n < engine.blockNoteCount(); ++n) {
        told.insert(engine.blockNotes()[n].offset);
    }
    EXPECT_EQ(told, expected);
    EXPECT_EQ(engine.playheadBeat(), 0.0) << "the period's first frame";
}
