// Tempo sync benchmark (numbers in the closing note, never asserted).
//
//   bandmate_bench_tempo_sync [--quick] [--seconds S]
//
// The callback cost of following an Ableton Link session and sending MIDI: the full example
// machine on the built-in kit at 64-frame blocks, each block timed twice in the same run,
// interleaved so both see the same machine load: the engine alone (the baseline) and the engine
// following Link (LinkSession::beginBlock, Engine::followClock, process, endBlock) with MIDI
// clock and notes out after it (what JackMidiOut::afterBlock does on the audio thread: the clock's
// and the notes' messages worked out and pushed onto the lock-free queue its JACK client empties).
// p50 / p99 / max as a share of the 1.333 ms period, and the ratio to the baseline.
//
// Link looks for peers by multicast as soon as it is on: the benchmark runs itself again in a
// network namespace of its own (unshare -n) with no interface up, so nothing leaves the machine.
#include "audio/engine/Engine.h"
#include "audio/engine/Kit.h"
#include "audio/engine/Pattern.h"
#include "audio/engine/SpscQueue.h"
#include "audio/midi/MidiClockOut.h"
#include "audio/midi/MidiNotesOut.h"
#include "audio/tempo/LinkSession.h"
#include "core/beats/MachineXml.h"
#include "core/beats/NoteStream.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

using namespace bandmate;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kRate = 48000.0;
constexpr int kBlock = 64;

struct Spread {
    double p50 = 0.0;
    double p99 = 0.0;
    double max = 0.0;
};

Spread spread(std::vector<double> costs)
{
    std::sort(costs.begin(), costs.end());
    const auto at = [&](double q) { return costs[std::min(costs.size() - 1, static_cast<size_t>(q * static_cast<double>(costs.size())))]; };
    return {at(0.50), at(0.99), costs.back()};
}

}  // namespace

int main(int argc, char** argv)
{
    double seconds = 120.0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0) {
            seconds = 5.0;
        } else if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: %s [--quick] [--seconds S]\n", argv[0]);
            return 2;
        }
    }
    if (std::getenv("BANDMATE_BENCH_NETNS") == nullptr) {
        setenv("BANDMATE_BENCH_NETNS", "1", 1);
        std::vector<char*> args{const_cast<char*>("unshare"), const_cast<char*>(geteuid() == 0 ? "-n" : "-rn")};
        for (int i = 0; i < argc; ++i) {
            args.push_back(argv[i]);
        }
        args.push_back(nullptr);
        execvp("unshare", args.data());
        std::perror("unshare (util-linux) is needed to keep Link's multicast on this machine");
        return 1;
    }

    auto machine = core::beats::readMachineFile(QStringLiteral(BANDMATE_FIXTURES_DIR "/machines/example-salsa.xml"));
    if (!machine) {
        std::fprintf(stderr, "%s\n", machine.error().toString().c_str());
        return 1;
    }
    for (auto& instrument : machine->instruments) {
        instrument.enabled = true;
    }
    auto kit = audio::Kit::loadNonRealTime(audio::Kit::defaultFolderNonRealTime(), kRate);
    if (!kit) {
        std::fprintf(stderr, "the built-in kit: %s\n", kit.error().toString().c_str());
        return 1;
    }
    const auto pattern = audio::Pattern::build(core::beats::compileMachine(*machine), *kit);
    audio::Engine alone;
    audio::Engine linked;
    for (audio::Engine* engine : {&alone, &linked}) {
        engine->prepareNonRealTime(kRate);
        engine->setPattern(pattern);
        engine->setTempo(machine->bpm);
    }
    alone.play();
    audio::LinkSession link(machine->bpm, 4.0);
    link.prepareNonRealTime(kRate, 2 * kBlock);
    link.requestPlaying(true);

    audio::MidiClockOut clockOut;
    clockOut.prepare(kRate);
    audio::MidiNotesOut notesOut;
    notesOut.prepare(-1);
    std::vector<audio::MidiMessage> clockMessages(audio::MidiClockOut::kMaxMessages);
    std::vector<audio::MidiMessage> noteMessages(audio::MidiNotesOut::kMaxMessages);
    auto queue = std::make_unique<audio::SpscQueue<audio::MidiMessage, 4096>>();
    uint64_t midiMessages = 0;

    std::vector<float> left(kBlock);
    std::vector<float> right(kBlock);
    const auto blocks = static_cast<size_t>(seconds * kRate / kBlock);
    std::vector<double> aloneCosts;
    std::vector<double> linkedCosts;
    std::vector<double> linkCosts;
    aloneCosts.reserve(blocks);
    linkedCosts.reserve(blocks);
    linkCosts.reserve(blocks);
    std::vector<double> midiCosts;
    midiCosts.reserve(blocks);
    // Paced near real time (a block every 1.33 ms), as a device would call: Link's host-time
    // fit then sees the clock it would live.
    const auto start = Clock::now();
    for (size_t b = 0; b < blocks; ++b) {
        const auto due = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(static_cast<double>(b) * kBlock / kRate));
        while (Clock::now() < due) {
        }
        // Which goes first alternates: the first after the wait pays for cold caches.
        const auto runAlone = [&] {
            const auto t0 = Clock::now();
            alone.process(left.data(), right.data(), kBlock);
            aloneCosts.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
        };
        const auto runLinked = [&] {
            const auto t1 = Clock::now();
            const audio::ClockPosition position = link.beginBlock(kBlock);
            const auto t2 = Clock::now();
            linked.followClock(position);
            linked.process(left.data(), right.data(), kBlock);
            const auto t3 = Clock::now();
            link.endBlock(linked, kBlock);
            const auto t4 = Clock::now();
            const int clocks = clockOut.block(linked.isPlaying(), linked.playheadBeat(), linked.tempo(), kBlock, clockMessages.data());
            const int notes = notesOut.block(linked.isPlaying(), linked.blockNotes(), linked.blockNoteCount(), kBlock, noteMessages.data());
            for (int i = 0; i < clocks; ++i) {
                (void)queue->push(clockMessages[static_cast<size_t>(i)]);
            }
            for (int i = 0; i < notes; ++i) {
                (void)queue->push(noteMessages[static_cast<size_t>(i)]);
            }
            const auto t5 = Clock::now();
            while (queue->pop()) {  // the JACK client's side, not timed
                ++midiMessages;
            }
            linkedCosts.push_back(std::chrono::duration<double>(t5 - t1).count());
            linkCosts.push_back(std::chrono::duration<double>((t2 - t1) + (t4 - t3)).count());
            midiCosts.push_back(std::chrono::duration<double>(t5 - t4).count());
        };
        if (b % 2 == 0) {
            runAlone();
            runLinked();
        } else {
            runLinked();
            runAlone();
        }
    }
    const double period = kBlock / kRate;
    const Spread a = spread(aloneCosts);
    const Spread l = spread(linkedCosts);
    const Spread k = spread(linkCosts);
    const Spread m = spread(midiCosts);
    std::printf("callback cost following Ableton Link with MIDI clock and notes out, full example machine, %d-frame blocks "
                "(period %.3f ms), %zu blocks:\n",
                kBlock, period * 1000.0, blocks);
    std::printf("  engine alone (baseline)  p50 %6.2f %%   p99 %6.2f %%   max %6.2f %% of the period\n", a.p50 / period * 100,
                a.p99 / period * 100, a.max / period * 100);
    std::printf("  engine, Link and MIDI    p50 %6.2f %%   p99 %6.2f %%   max %6.2f %%\n", l.p50 / period * 100,
                l.p99 / period * 100, l.max / period * 100);
    std::printf("  Link's share alone       p50 %6.2f us  p99 %6.2f us  max %6.2f us\n", k.p50 * 1e6, k.p99 * 1e6, k.max * 1e6);
    std::printf("  MIDI out's share alone   p50 %6.2f us  p99 %6.2f us  max %6.2f us  (%llu messages: clock and notes)\n",
                m.p50 * 1e6, m.p99 * 1e6, m.max * 1e6, static_cast<unsigned long long>(midiMessages));
    std::printf("  ratio linked / baseline  p50 %.2f   p99 %.2f\n", l.p50 / a.p50, l.p99 / a.p99);
    std::printf("  beats played: alone %.1f, linked %.1f (the same groove at the same tempo)\n", alone.beatsPlayed(),
                linked.beatsPlayed());
    return 0;
}
