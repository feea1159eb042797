// Timing coach benchmark (numbers for the closing note, never asserted):
//
//   bandmate_bench_coach [--seconds S] [--quick]
//
// A take of S seconds (default 60): congas hits, the rest of the salsa machine leaking in at
// -12 dB 23 ms late, noise. Measured in the same run: aubio's onset detection alone over the take
// (the baseline), the coach's onsets (aubio and each onset placed on its attack), and finding and
// subtracting the backing; each as a share of one core (time / length of the take) and against
// the baseline. The live path: the device callback's copy into the capture ring, 64-frame blocks,
// against a plain copy of the same blocks (the baseline); and the latency calibration's search
// for its clicks, against the time the clicks take to play. Listening live: the take fed to the
// live listener in 30 ms polls (the take dialog's timer), the band leaking in: each poll's time
// (the one that fits the backing's filter apart), against the whole take's analysis at once (the
// baseline); how much audio after a hit's attack had to come in before the hit was marked; and
// from a poll with new hits to their marks painted on the take's live view (offscreen).
#include "audio/coach/Calibration.h"
#include "audio/coach/LiveTake.h"
#include "audio/coach/TakeAnalysis.h"
#include "audio/device/CaptureRing.h"
#include "audio/engine/Kit.h"
#include "audio/engine/Pattern.h"
#include "audio/render/OfflineRenderer.h"
#include "core/beats/BuiltinMachines.h"
#include "core/beats/NoteStream.h"
#include "ui/beats/LiveTakeView.h"

#include <aubio/aubio.h>

#include <QApplication>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <span>
#include <thread>

using namespace bandmate;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kRate = 48000.0;

double since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<float> render(const core::beats::Machine& machine, size_t frames)
{
    auto kit = audio::Kit::loadNonRealTime(audio::Kit::defaultFolderNonRealTime(), kRate);
    if (!kit) {
        return {};
    }
    audio::RenderSettings settings;
    settings.sampleRate = kRate;
    settings.frames = static_cast<int64_t>(frames);
    settings.bpm = machine.bpm;
    return audio::renderMonoNonRealTime(audio::Pattern::build(core::beats::compileMachine(machine), *kit), settings)
        .value_or(std::vector<float>{});
}

/// aubio alone, as the coach runs it (spectral flux, 512/64), counting its onsets.
int aubioOnsets(const std::vector<float>& take)
{
    aubio_onset_t* onset = new_aubio_onset("specflux", 512, 64, static_cast<uint_t>(kRate));
    fvec_t* in = new_fvec(64);
    fvec_t* out = new_fvec(1);
    int count = 0;
    for (size_t at = 0; at < take.size(); at += 64) {
        for (uint_t i = 0; i < 64; ++i) {
            in->data[i] = at + i < take.size() ? take[at + i] : 0.0f;
        }
        aubio_onset_do(onset, in, out);
        count += out->data[0] != 0.0f ? 1 : 0;
    }
    del_aubio_onset(onset);
    del_fvec(in);
    del_fvec(out);
    return count;
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    double seconds = 60.0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            seconds = std::max(2.0, std::atof(argv[++i]));
        } else if (std::strcmp(argv[i], "--quick") == 0) {
            seconds = 4.0;
        } else {
            std::fprintf(stderr, "usage: %s [--seconds S] [--quick]\n", argv[0]);
            return 2;
        }
    }
    auto machine = core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    if (!machine) {
        return 1;
    }
    machine->bpm = 120.0;
    const auto frames = static_cast<size_t>(seconds * kRate);
    // The player's part: the machine's congas alone, as the engine plays them.
    core::beats::Machine congas = *machine;
    core::beats::Machine backing = *machine;
    for (auto& instrument : congas.instruments) {
        instrument.enabled = instrument.id == "congas";
    }
    for (auto& instrument : backing.instruments) {
        instrument.enabled = instrument.enabled && instrument.id != "congas";
    }
    std::vector<float> take = render(congas, frames);
    const std::vector<float> band = render(backing, frames);
    if (take.size() != frames || band.size() != frames) {
        std::fprintf(stderr, "render failed\n");
        return 1;
    }
    const auto delay = static_cast<size_t>(0.023 * kRate);
    std::mt19937 random(1);
    std::uniform_real_distribution<float> noise(-0.003f, 0.003f);
    for (size_t i = 0; i < frames; ++i) {
        take[i] += (i >= delay ? 0.25f * band[i - delay] : 0.0f) + noise(random);
    }

    std::printf("timing coach, a %.0f s take of congas with the band leaking in:\n", seconds);
    for (int round = 0; round < 3; ++round) {
        auto start = Clock::now();
        const int baselineOnsets = aubioOnsets(take);
        const double baseline = since(start);
        std::vector<float> cleaned = take;
        start = Clock::now();
        const auto bleed = audio::cancelBleedNonRealTime(cleaned, band, kRate);
        const double bleedTime = since(start);
        start = Clock::now();
        const auto onsets = audio::detectOnsetsNonRealTime({cleaned, kRate});
        const double detect = since(start);
        std::printf("  aubio alone %6.3f s (%4.2f %% of a core, %d onsets) | coach onsets %6.3f s (%4.2f %%, %zu hits, ratio %.2f) | "
                    "backing found and taken off %6.3f s (%4.2f %%, %.1f ms late)\n",
                    baseline, 100.0 * baseline / seconds, baselineOnsets, detect, 100.0 * detect / seconds, onsets.size(),
                    detect / baseline, bleedTime, 100.0 * bleedTime / seconds, bleed ? bleed->delayMs : -1.0);
    }

    // The live path. The callback's share: 64-frame blocks of the take and the band into the ring
    // (a reader on this thread drains it every 16 blocks, as the UI timer does), against copying
    // the same blocks into a plain buffer.
    std::printf("live capture and calibration:\n");
    for (int round = 0; round < 3; ++round) {
        audio::CaptureRing ring(static_cast<size_t>(4.0 * kRate));
        std::vector<float> inCopy(frames);
        std::vector<float> outCopy(frames);
        auto start = Clock::now();
        for (size_t at = 0; at + 64 <= frames; at += 64) {
            std::memcpy(inCopy.data() + at, take.data() + at, 64 * sizeof(float));
            std::memcpy(outCopy.data() + at, band.data() + at, 64 * sizeof(float));
        }
        const double copy = since(start);
        volatile float kept = inCopy[frames / 2] + outCopy[frames / 3];  // the copies are used: not optimised away
        (void)kept;
        std::vector<float> in(16 * 64);
        std::vector<float> out(16 * 64);
        start = Clock::now();
        size_t blocks = 0;
        for (size_t at = 0; at + 64 <= frames; at += 64) {
            ring.write(take.data() + at, band.data() + at, 64);
            if (++blocks % 16 == 0) {
                (void)ring.read(in.data(), out.data(), in.size());
            }
        }
        const double ringTime = since(start);
        const double perBlockNs = 1e9 * ringTime / static_cast<double>(blocks);
        // Calibration: the clicks through a 20 ms "room", found again.
        std::vector<int64_t> clicks;
        const std::vector<float> played = audio::calibrationClicks(kRate, clicks);
        std::vector<float> heard(played.size(), 0.0f);
        for (size_t i = 960; i < heard.size(); ++i) {
            heard[i] = 0.3f * played[i - 960] + noise(random);
        }
        start = Clock::now();
        const auto trip = audio::findRoundTrip(heard, kRate);
        const double search = since(start);
        const double clicksSeconds = static_cast<double>(played.size()) / kRate;
        std::printf("  ring %6.4f s vs plain copy %6.4f s (ratio %.2f, %.0f ns a 64-frame block = %.3f %% of its 1.33 ms) | "
                    "calibration search %5.1f ms (%.2f %% of the %.1f s of clicks, found %.2f ms)\n",
                    ringTime, copy, ringTime / copy, perBlockNs, 100.0 * perBlockNs / 1e9 / (64.0 / kRate), 1000.0 * search,
                    100.0 * search / clicksSeconds, clicksSeconds, trip ? trip->ms() : -1.0);
    }

    std::printf("listening live (30 ms polls):\n");
    const double barMs = 60000.0 / machine->bpm * core::beats::stepsPerBar(machine->flavor) / core::beats::stepsPerBeat(machine->flavor);
    const double bars = std::floor((seconds * 1000.0 - 300.0) / barMs);
    audio::TakeRequest request;
    request.machine = *machine;
    request.part = "congas";
    ui::LiveTakeView view;
    view.resize(640, view.sizeHint().height());
    view.show();
    QApplication::processEvents();
    for (int round = 0; round < 3; ++round) {
        const bool paint = round < 2;  // the last round listens alone, with no view painted between its polls
        auto listener = audio::LiveListener::create(request, kRate, barMs * kRate / 1000.0, bars, 0, frames, true);
        if (!listener) {
            std::fprintf(stderr, "%s\n", listener.error().toString().c_str());
            return 1;
        }
        const auto poll = static_cast<size_t>(0.030 * kRate);
        double total = 0.0;
        double worst = 0.0;
        double fit = 0.0;
        int polls = 0;
        size_t marked = 0;
        std::vector<double> waits;  // ms of audio after each hit's attack before it was marked
        std::vector<double> paints;
        int revision = -1;
        for (size_t have = 0; have < frames;) {
            have = std::min(frames, have + poll);
            const bool fitted = (*listener)->progress().backingTakenOff;
            auto start = Clock::now();
            (*listener)->hear(std::span<const float>(take.data(), have), std::span<const float>(band.data(), have));
            const double spent = since(start);
            ++polls;
            total += spent;
            worst = std::max(worst, spent);
            // The backing's filter is fitted on a thread of its own once 1.5 s are in: the polls
            // go on meanwhile (here: the same poll again every millisecond, as if no audio came).
            bool fitting = false;
            if (!fitted && have >= static_cast<size_t>(1.5 * kRate)) {
                fitting = true;
                start = Clock::now();
                while (!(*listener)->progress().backingTakenOff && since(start) < 5.0) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                    (*listener)->hear(std::span<const float>(take.data(), have), std::span<const float>(band.data(), have));
                }
                fit = since(start);
            }
            const audio::LiveProgress& heard = (*listener)->progress();
            std::vector<double> hits;
            for (const auto& hit : heard.marks) {
                if (hit.offsetMs) {
                    hits.push_back(hit.expectedMs + *hit.offsetMs);
                }
            }
            hits.insert(hits.end(), heard.extrasMs.begin(), heard.extrasMs.end());
            if (hits.size() > marked) {
                std::sort(hits.begin(), hits.end());
                const double nowMs = static_cast<double>(have) * 1000.0 / kRate;
                for (size_t i = marked; i < hits.size(); ++i) {
                    if (!fitting) {  // (the hits before the filter waited for it: not counted)
                        waits.push_back(nowMs - hits[i]);
                    }
                }
                marked = hits.size();
            }
            if (paint && heard.revision != revision) {
                revision = heard.revision;
                const double before = view.lastMarkDelayMs();
                view.setProgress(heard);
                view.repaint();  // (the dialog's update() paints in the same turn of the event loop)
                if (view.lastMarkDelayMs() != before) {
                    paints.push_back(view.lastMarkDelayMs());
                }
            }
        }
        std::sort(waits.begin(), waits.end());
        std::sort(paints.begin(), paints.end());
        const auto percentile = [](const std::vector<double>& values, double p) {
            return values.empty() ? -1.0 : values[std::min(values.size() - 1, static_cast<size_t>(p * static_cast<double>(values.size())))];
        };
        std::printf("  %s %d polls: %.3f ms each on average (%.2f %% of a core), worst %.2f ms, filter fitted on its thread in %.1f ms | "
                    "%zu hits marked, audio after the attack before marked: median %.1f ms, p95 %.1f ms, worst %.1f ms "
                    "(polls every 30 ms) | poll to marks painted: median %.2f ms, worst %.2f ms\n",
                    paint ? "painted:" : "alone:  ", polls, 1000.0 * total / polls, 100.0 * total / seconds, 1000.0 * worst, 1000.0 * fit, marked,
                    percentile(waits, 0.5), percentile(waits, 0.95), waits.empty() ? -1.0 : waits.back(), percentile(paints, 0.5),
                    paints.empty() ? -1.0 : paints.back());
    }
    return 0;
}
