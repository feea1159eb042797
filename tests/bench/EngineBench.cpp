// Beat engine benchmark (DESIGN.md section 6: numbers in the closing note, never asserted).
//
//   bandmate_bench_engine [--quick] [--seconds S] [--repeat N]
//
// 1. Offline render of the full example machine (every instrument on) with a kit of realistic
//    sample lengths: real-time factor, and the ratio to a baseline measured in the same run
//    (the same engine rendering an empty pattern: mixing, limiter and block overhead only).
// 2. Callback cost at 64-frame blocks: p50 / p99 / max of each process() call as a fraction of
//    the block period (1.333 ms at 48 kHz).
#include "audio/engine/Engine.h"
#include "audio/engine/Kit.h"
#include "audio/engine/Pattern.h"
#include "audio/render/OfflineRenderer.h"
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
