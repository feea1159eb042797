// STYLE.md section 5: once prepared, the render path allocates nothing. This binary replaces the
// global allocation functions with counting ones; only allocations made while `g_counting` is
// set on this thread count.
#include "audio/engine/Engine.h"
#include "audio/midi/MidiClockIn.h"
#include "audio/midi/MidiClockOut.h"
#include "audio/midi/MidiNotesOut.h"
#include "tests/audio/EngineSupport.h"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {

thread_local bool g_counting = false;
std::atomic<long> g_allocations{0};

void* countedAllocation(std::size_t size)
{
    if (g_counting) {
        g_allocations.fetch_add(1, std::memory_order_relaxed);
    }
    if (void* p = std::malloc(size == 0 ? 1 : size)) {
        return p;
    }
    throw std::bad_alloc();
}

}  // namespace

void* operator new(std::size_t size)
{
    return countedAllocation(size);
}

void* operator new[](std::size_t size)
{
    return countedAllocation(size);
}

void operator delete(void* p) noexcept
{
    if (g_counting && p != nullptr) {
        g_allocations.fetch_add(1, std::memory_order_relaxed);  // a free on the audio thread counts too
    }
    std::free(p);
}

void operator delete[](void* p) noexcept
{
    operator delete(p);
}

void operator delete(void* p, std::size_t) noexcept
{
    operator delete(p);
}

void operator delete[](void* p, std::size_t) noexcept
{
    operator delete(p);
}

using namespace bandmate;

TEST(RealtimeSafety, CountingAllocatorSeesAllocations)
{
    g_allocations = 0;
    g_counting = true;
    void* probe = ::operator new(64);  // a direct call: the compiler may not elide it
    ::operator delete(probe);
    g_counting = false;
    EXPECT_EQ(g_allocations.load(), 2) << "the counter works, so a zero below means something";
}

TEST(RealtimeSafety, RenderingBlocksAllocatesAndFreesNothing)
{
    auto machine = test::exampleMachine();
    for (auto& instrument : machine.instruments) {
        instrument.enabled = true;
    }
    const auto kit = test::impulseKit(machine);
    auto first = audio::Pattern::build(core::beats::compileMachine(machine), kit);
    machine.keyNote = 7;
    machine.instruments[0].activeProgram = 1;
    auto second = audio::Pattern::build(core::beats::compileMachine(machine), kit);
    std::vector<audio::Sample> longSamples;
    for (const auto& name : core::beats::allSampleNames(machine)) {
        longSamples.push_back({name, std::vector<float>(240'000, 0.01f), {}});
    }
    auto third = audio::Pattern::build(core::beats::compileMachine(machine),
                                       audio::Kit::fromSamples("long", std::move(longSamples), 48000.0));

    audio::Engine engine;
    engine.prepareNonRealTime(48000.0);
    engine.setPattern(first);
    engine.setTempo(120.0);
    engine.play(true);  // count-in clicks too
    std::vector<float> left(audio::Engine::kMaxBlockFrames);
    std::vector<float> right(audio::Engine::kMaxBlockFrames);

    g_allocations = 0;
    for (int block = 0; block < 6000; ++block) {
        // The control thread's part happens outside the counted region.
        if (block == 1000) {
            engine.setPattern(second);
        }
        if (block == 2000) {
            engine.setTempo(300.0);
            engine.setSwing(0.6);
            engine.setChannelMute(1, true);
            engine.setChannelSolo(2, true);
            engine.setMasterGain(1.5);
        }
        if (block == 3000) {
            engine.setPattern(third);  // new kit: voices of the old one fade out, then it is let go
        }
        if (block == 4000) {
            engine.stop();
            engine.play(false);
        }
        const int frames = 1 + (block * 37) % 1024;
        g_counting = true;
        engine.process(left.data(), right.data(), frames);
        g_counting = false;
        engine.releaseRetiredNonRealTime();
    }
    EXPECT_EQ(g_allocations.load(), 0);
    EXPECT_GT(engine.notesStarted(), 1000u);
    EXPECT_GT(engine.voicesStolen(), 0u) << "the stealing path ran too";
}

TEST(RealtimeSafety, MidiClockInAndOutAndLiveNotesAllocateNothing)
{
    // What the device callback runs for MIDI beside the engine: a clock followed (ticks with
    // jitter, Start, Stop, Song Position, Continue, a lost clock), the clock sent, the notes sent.
    auto machine = test::exampleMachine();
    for (auto& instrument : machine.instruments) {
        instrument.enabled = true;
    }
    audio::Engine engine;
    engine.prepareNonRealTime(48000.0);
    engine.setPattern(audio::Pattern::build(core::beats::compileMachine(machine), test::impulseKit(machine)));
    engine.setTempo(97.3);
    audio::MidiClockIn clockIn;
    clockIn.prepare(48000.0);
    audio::MidiClockOut clockOut;
    clockOut.prepare(48000.0);
    audio::MidiNotesOut notesOut;
    notesOut.prepare(-1);
    std::vector<audio::MidiMessage> messages(audio::MidiNotesOut::kMaxMessages);
    std::vector<float> left(256);
    std::vector<float> right(256);
    const double perTick = 48000.0 * 60.0 / 97.3 / 24.0;
    double nextTick = 100.0;
    uint64_t sent = 0;

    g_allocations = 0;
    for (int block = 0; block < 4000; ++block) {
        const int64_t frame = static_cast<int64_t>(block) * 256;
        g_counting = true;
        const uint8_t start[] = {0xFA};
        const uint8_t stop[] = {0xFC};
        const uint8_t position[] = {0xF2, 16, 0};
        const uint8_t resume[] = {0xFB};
        const uint8_t tick[] = {0xF8};
        if (block == 10 || block == 3000) {
            clockIn.message(frame, start, 1);
        }
        if (block == 1000) {
            clockIn.message(frame, stop, 1);
            clockIn.message(frame, position, 3);
            clockIn.message(frame, resume, 1);
        }
        const bool silent = block >= 2000 && block < 2500;  // the clock lost for a while
        for (; nextTick < static_cast<double>(frame + 256); nextTick += perTick) {
            if (!silent) {
                clockIn.message(static_cast<int64_t>(nextTick + (block % 7) * 3.0), tick, 1);
            }
        }
        engine.followClock(clockIn.positionAt(frame, 120.0));
        engine.process(left.data(), right.data(), 256);
        sent += static_cast<uint64_t>(clockOut.block(engine.isPlaying(), engine.playheadBeat(), engine.tempo(), 256, messages.data()));
        sent += static_cast<uint64_t>(notesOut.block(engine.isPlaying(), engine.blockNotes(), engine.blockNoteCount(), 256, messages.data()));
        g_counting = false;
    }
    EXPECT_EQ(g_allocations.load(), 0);
    EXPECT_GT(notesOut.notesSent(), 100u);
    EXPECT_GT(sent, 500u);
    EXPECT_EQ(clockIn.losses(), 1u);
}

TEST(RealtimeSafety, AnArrangementWithTempoChangesJumpsAndBreaksAllocatesNothing)
{
    auto machine = test::exampleMachine();
    using core::beats::Section;
    machine.arrangements.push_back(core::beats::Arrangement{
        "Tune",
        {Section{.name = "Intro", .bars = 1, .bpm = 90.0},
         Section{.name = "Montuno", .bars = 2, .parts = {{"piano", 0}}, .keyNote = 3, .breakParts = {{"congas", 0}}},
         Section{.name = "Mambo", .bars = 1, .bpm = 200.0}},
        {0, 1, 2, 1}});
    const auto kit = test::impulseKit(machine);
    const auto stream = core::beats::compileArrangement(machine, machine.arrangements.front());
    auto song = audio::Pattern::build(stream, kit);
    auto loop = audio::Pattern::build(core::beats::compileArrangement(machine, machine.arrangements.front(), {1, 2}), kit);
    const auto& layout = *stream.song;

    audio::Engine engine;
    engine.prepareNonRealTime(48000.0);
    engine.setPattern(song);
    engine.setTempo(120.0);
    engine.play(true, layout.entries[1].startStep);
    std::vector<float> left(audio::Engine::kMaxBlockFrames);
    std::vector<float> right(audio::Engine::kMaxBlockFrames);
    g_allocations = 0;
    for (int block = 0; block < 6000; ++block) {
        if (block % 500 == 100) {
            engine.queueJump(layout.entries[static_cast<size_t>(block / 500) % layout.entries.size()].startStep, layout.barSteps);
        }
        if (block % 700 == 300) {
            engine.queueJump(layout.entries[0].liveBreakStep, 2 * layout.barSteps);
        }
        if (block == 2500) {
            engine.setPattern(loop);  // a loop range chosen while it plays
        }
        if (block == 3500) {
            engine.setPattern(song);  // another tune, from its top in phase
            engine.restartSongInBar();
        }
        if (block == 5000) {
            engine.stop();
            engine.play(false);
        }
        if (block == 4000) {
            engine.setTempo(240.0);
        }
        const int frames = 1 + (block * 37) % 1024;
        g_counting = true;
        engine.process(left.data(), right.data(), frames);
        g_counting = false;
        engine.releaseRetiredNonRealTime();
    }
    EXPECT_EQ(g_allocations.load(), 0);
    EXPECT_GT(engine.notesStarted(), 500u);
}
