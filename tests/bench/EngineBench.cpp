// Beat engine benchmark (DESIGN.md section 6: numbers in the closing note, never asserted).
//
//   bandmate_bench_engine [--quick] [--seconds S] [--repeat N]
//
// 1. Offline render of the full example machine (every instrument on) with a kit of realistic
//    sample lengths: real-time factor, and the ratio to a baseline measured in the same run
//    (the same engine rendering an empty pattern: mixing, limiter and block overhead only).
// 2. Callback cost at 64-frame blocks: p50 / p99 / max of each process() call as a fraction of
//    the block period (1.333 ms at 48 kHz).
// 3. An arrangement: the built-in salsa's 64-bar tune rendered whole (real-time factor, and the
//    ratio to the same machine's loop rendered for as long), and "next section" pressed at 200
//    random moments of a 64-frame-block playback: how long until the next section is heard.
#include "audio/engine/Engine.h"
#include "audio/engine/Kit.h"
#include "audio/engine/Pattern.h"
#include "audio/render/OfflineRenderer.h"
#include "core/beats/BuiltinMachines.h"
#include "core/beats/MachineXml.h"
#include "core/beats/NoteStream.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <random>
#include <string>
#include <vector>

using namespace bandmate;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kRate = 48000.0;

// Decaying noise for percussion (0.4 s), decaying harmonics for keyed instruments (1.5 s).
std::shared_ptr<const audio::Kit> realisticKit(const core::beats::Machine& machine)
{
    std::mt19937 random(7);
    std::uniform_real_distribution<float> noise(-1.0f, 1.0f);
    std::vector<audio::Sample> samples;
    for (const auto& name : core::beats::allSampleNames(machine)) {
        const bool keyed = name.rfind("piano", 0) == 0 || name.rfind("bass", 0) == 0;
        const size_t frames = static_cast<size_t>(kRate * (keyed ? 1.5 : 0.4));
        audio::Sample sample{name, std::vector<float>(frames), std::vector<float>(frames)};
        for (size_t i = 0; i < frames; ++i) {
            const double t = static_cast<double>(i) / kRate;
            const float envelope = static_cast<float>(std::exp(-t * (keyed ? 3.0 : 18.0)));
            const float value = keyed ? static_cast<float>(std::sin(2 * 3.14159 * 220.0 * t) + 0.3 * std::sin(2 * 3.14159 * 440.0 * t))
                                      : noise(random);
            sample.left[i] = 0.3f * envelope * value;
            sample.right[i] = 0.28f * envelope * value;
        }
        samples.push_back(std::move(sample));
    }
    return audio::Kit::fromSamples("bench", std::move(samples), kRate);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double renderSeconds(const std::shared_ptr<const audio::Pattern>& pattern, double bpm, double seconds)
{
    audio::RenderSettings settings;
    settings.sampleRate = kRate;
    settings.bpm = bpm;
    settings.frames = std::llround(seconds * kRate);
    double checksum = 0.0;
    const auto started = Clock::now();
    const auto stats = audio::renderOffline(pattern, settings, [&](const float* left, const float*, int frames) {
        checksum += left[frames / 2];  // keep the work observable
        return true;
    });
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    if (!stats || std::isnan(checksum)) {
        std::fprintf(stderr, "render failed\n");
        std::exit(1);
    }
    return elapsed;
}

}  // namespace

int main(int argc, char** argv)
{
    double seconds = 60.0;
    int repeat = 5;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0) {
            seconds = 2.0;
            repeat = 1;
        } else if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
        } else if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
            repeat = std::max(1, std::atoi(argv[++i]));
        } else {
            std::fprintf(stderr, "usage: %s [--quick] [--seconds S] [--repeat N]\n", argv[0]);
            return 2;
        }
    }
    auto machine = core::beats::readMachineFile(QStringLiteral(BANDMATE_FIXTURES_DIR "/machines/example-salsa.xml"));
    if (!machine) {
        std::fprintf(stderr, "%s\n", machine.error().toString().c_str());
        return 1;
    }
    for (auto& instrument : machine->instruments) {
        instrument.enabled = true;
    }
    const auto kit = realisticKit(*machine);
    const auto full = audio::Pattern::build(core::beats::compileMachine(*machine), kit);
    const auto empty = audio::Pattern::build(core::beats::NoteStream{}, kit);

    std::vector<double> fullTimes;
    std::vector<double> emptyTimes;
    for (int r = 0; r < repeat; ++r) {
        fullTimes.push_back(renderSeconds(full, machine->bpm, seconds));
        emptyTimes.push_back(renderSeconds(empty, machine->bpm, seconds));
    }
    const double fullTime = median(fullTimes);
    const double emptyTime = median(emptyTimes);
    std::printf("offline render, full example machine, %.0f s at 48 kHz (median of %d):\n", seconds, repeat);
    std::printf("  engine, every instrument on  %8.4f s   %7.0fx real time\n", fullTime, seconds / fullTime);
    std::printf("  baseline, empty pattern      %8.4f s   %7.0fx real time\n", emptyTime, seconds / emptyTime);
    std::printf("  ratio full / baseline        %8.2f\n", fullTime / emptyTime);

    // An arrangement against its machine's loop, the same length of music.
    const auto salsa = core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    if (!salsa || salsa->arrangements.empty()) {
        std::fprintf(stderr, "the built-in salsa has no arrangement\n");
        return 1;
    }
    const auto salsaKit = realisticKit(*salsa);
    const auto songStream = core::beats::compileArrangement(*salsa, salsa->arrangements.front());
    const auto song = audio::Pattern::build(songStream, salsaKit);
    const auto loop = audio::Pattern::build(core::beats::compileMachine(*salsa), salsaKit);
    const double songSeconds =
        static_cast<double>(audio::framesForSong(*songStream.song, salsa->flavor, salsa->bpm, salsa->bpm, kRate)) / kRate;
    std::vector<double> songTimes;
    std::vector<double> loopTimes;
    for (int r = 0; r < repeat; ++r) {
        songTimes.push_back(renderSeconds(song, salsa->bpm, songSeconds));
        loopTimes.push_back(renderSeconds(loop, salsa->bpm, songSeconds));
    }
    const double songTime = median(songTimes);
    const double loopTime = median(loopTimes);
    std::printf("arrangement \"%s\" of the built-in salsa (%d bars, %.1f s), median of %d:\n",
                salsa->arrangements.front().name.c_str(), songStream.song->songSteps / songStream.song->barSteps, songSeconds,
                repeat);
    std::printf("  whole tune                   %8.4f s   %7.0fx real time\n", songTime, songSeconds / songTime);
    std::printf("  baseline, its loop as long   %8.4f s   %7.0fx real time\n", loopTime, songSeconds / loopTime);
    std::printf("  ratio tune / loop            %8.2f\n", songTime / loopTime);
    {
        // "Next section" at random moments: the wait until the next section's first step sounds.
        audio::Engine player;
        player.prepareNonRealTime(kRate);
        player.setPattern(song);
        player.setTempo(salsa->bpm);
        player.play();
        std::vector<float> left(64);
        std::vector<float> right(64);
        std::mt19937 random(11);
        std::uniform_int_distribution<int> gap(200, 3000);
        const auto& layout = *songStream.song;
        const double barFrames = kRate * 60.0 / salsa->bpm * 4.0;
        std::vector<double> waits;
        const int presses = seconds < 10.0 ? 20 : 200;
        int64_t frame = 0;
        for (int press = 0; press < presses; ++press) {
            for (int b = gap(random); b > 0; --b) {
                player.process(left.data(), right.data(), 64);
                frame += 64;
            }
            const int entry = std::max(0, layout.entryAt(static_cast<int>(player.songStep())));
            const int target = layout.entries[static_cast<size_t>(entry + 1) % layout.entries.size()].startStep;
            player.queueJump(target, layout.barSteps);
            const int64_t pressed = frame;
            for (int guard = 0; guard < 100000; ++guard) {
                player.process(left.data(), right.data(), 64);
                frame += 64;
                if (player.queuedJump() < 0 && player.songStep() >= target && player.songStep() < target + 1) {
                    break;
                }
            }
            waits.push_back(static_cast<double>(frame - pressed) / barFrames);
        }
        std::sort(waits.begin(), waits.end());
        std::printf("  next section, %d presses at 64-frame blocks: heard after p50 %.2f, max %.2f bars "
                    "(a bar is %.0f ms at %.0f BPM)\n",
                    presses, waits[waits.size() / 2], waits.back(), barFrames / kRate * 1000.0, salsa->bpm);
    }

    // Callback cost at 64 frames.
    audio::Engine engine;
    engine.prepareNonRealTime(kRate);
    engine.setPattern(full);
    engine.setTempo(machine->bpm);
    engine.play();
    constexpr int kBlock = 64;
    std::vector<float> left(kBlock);
    std::vector<float> right(kBlock);
    const auto blocks = static_cast<size_t>(seconds * kRate / kBlock);
    std::vector<double> costs;
    costs.reserve(blocks);
    for (size_t b = 0; b < blocks; ++b) {
        const auto started = Clock::now();
        engine.process(left.data(), right.data(), kBlock);
        costs.push_back(std::chrono::duration<double>(Clock::now() - started).count());
    }
    std::sort(costs.begin(), costs.end());
    const double period = kBlock / kRate;
    const auto at = [&](double q) { return costs[std::min(costs.size() - 1, static_cast<size_t>(q * static_cast<double>(costs.size())))] / period; };
    std::printf("callback cost, %d-frame blocks (period %.3f ms), %zu blocks:\n", kBlock, period * 1000.0, blocks);
    std::printf("  p50 %.2f %%   p99 %.2f %%   max %.2f %% of the period\n", at(0.50) * 100.0, at(0.99) * 100.0,
                costs.back() / period * 100.0);
    // What the live callback adds to measure itself: one steady-clock read (vDSO) before and one
    // after, and a read of the thread's CPU clock (a system call) every 64th callback and after a
    // late one (two every callback before session 10).
    {
        constexpr int kReads = 200'000;
        timespec cpu{};
        const auto started = Clock::now();
        double sink = 0.0;
        for (int i = 0; i < kReads; ++i) {
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
            sink += static_cast<double>(cpu.tv_nsec);
        }
        const double cpuRead = std::chrono::duration<double>(Clock::now() - started).count() / kReads;
        const auto steadyStarted = Clock::now();
        for (int i = 0; i < kReads; ++i) {
            sink += static_cast<double>(Clock::now().time_since_epoch().count() & 1);
        }
        const double steadyRead = std::chrono::duration<double>(Clock::now() - steadyStarted).count() / kReads;
        const double perCallback = cpuRead / 64.0 + 2.0 * steadyRead;
        const double before = 2.0 * cpuRead + 2.0 * steadyRead;
        std::printf("measuring a callback: thread CPU clock %.0f ns a read, steady clock %.0f ns; now %.0f ns a callback "
                    "(%.2f of the render's p50), before %.0f ns (%.2f): ratio now/before %.3f%s\n",
                    cpuRead * 1e9, steadyRead * 1e9, perCallback * 1e9, perCallback / (at(0.50) * period), before * 1e9,
                    before / (at(0.50) * period), perCallback / before, sink > 0 ? "" : " ");
    }
    const bool hasHydrogen = std::system("command -v h2cli > /dev/null 2>&1") == 0;
    std::printf("hydrogen (h2cli) comparison: %s\n",
                hasHydrogen ? "h2cli is installed, but the comparison song is not written yet"
                            : "not run (h2cli is not installed; it is optional)");
    return 0;
}
