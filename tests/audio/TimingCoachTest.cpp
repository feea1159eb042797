// The timing coach against takes with known timing: a part played by another "kit" (sounds
// synthesised here, not the engine's samples) at offsets drawn from a seeded distribution, some
// hits dropped and some added, the backing track leaking in from the speakers at -12 dB with a
// delay, and noise. The coach must find each hit's offset within ±3 ms of the truth.
#include "audio/coach/LiveTake.h"
#include "audio/coach/TakeAnalysis.h"
#include "audio/coach/TakeScorer.h"
#include "audio/engine/Kit.h"
#include "audio/engine/Pattern.h"
#include "audio/render/MidiExport.h"
#include "audio/render/OfflineRenderer.h"
#include "core/beats/BuiltinMachines.h"
#include "core/beats/NoteStream.h"
#include "core/coach/TakeScore.h"
#include "tests/support/AudioFiles.h"
#include "tests/support/TestFiles.h"

#include <QDir>
#include <QFile>
#include <QtGlobal>

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <numeric>
#include <random>
#include <array>
#include <span>

using namespace bandmate;

namespace {

constexpr double kRate = 48000.0;

/// A hit of the player's own instrument, synthesised: a wood block for the clave, a drum with a
/// falling pitch for the congas. Its first sample is its onset; it rises to full level in 1 ms.
std::vector<float> strike(const std::string& part, double amplitude, std::mt19937& random)
{
    std::uniform_real_distribution<float> noise(-1.0f, 1.0f);
    const bool clave = part == "clave";
    const auto length = static_cast<size_t>((clave ? 0.06 : 0.25) * kRate);
    std::vector<float> sound(length);
    double phase = std::numbers::pi / 2.0;  // a cosine: the first sample is the loudest
    for (size_t i = 0; i < length; ++i) {
        const double t = static_cast<double>(i) / kRate;
        const double frequency = clave ? 2500.0 : 200.0 + 120.0 * std::exp(-t / 0.015);
        phase += 2.0 * std::numbers::pi * frequency / kRate;
        const double envelope = std::min(1.0, t / 0.001) * std::exp(-t / (clave ? 0.012 : 0.09));  // a 1 ms attack
        const double click = t < 0.003 ? 0.3 * noise(random) : 0.0;
        sound[i] = static_cast<float>(amplitude * envelope * (std::sin(phase) + click));
    }
    return sound;
}

/// The machine's other parts as the engine plays them through the built-in kit: what leaks from
/// the speakers into the microphone.
std::vector<float> renderBacking(const core::beats::Machine& machine, const std::string& part, double bpm, size_t frames)
{
    core::beats::Machine backing = machine;
    for (auto& instrument : backing.instruments) {
        instrument.enabled = instrument.enabled && instrument.id != part;
    }
    auto kit = audio::Kit::loadNonRealTime(audio::Kit::defaultFolderNonRealTime(), kRate);
    EXPECT_TRUE(kit.has_value());
    audio::RenderSettings settings;
    settings.sampleRate = kRate;
    settings.frames = static_cast<int64_t>(frames);
    settings.bpm = bpm;
    auto mono = audio::renderMonoNonRealTime(audio::Pattern::build(core::beats::compileMachine(backing), *kit), settings);
    EXPECT_TRUE(mono.has_value());
    return mono.value_or(std::vector<float>{});
}

struct Truth {
    std::vector<double> playedMs;        ///< the hits played on the grid (offset included)
    std::vector<double> offsetMs;        ///< by expected hit; NaN where the hit was dropped
    std::vector<double> addedMs;         ///< hits the player added between the grid's hits
};

/// Plays `expected` with offsets drawn from N(0, 12 ms) (cut at ±40), drops 4 % of the hits and
/// adds 3 % more between them.
Truth perform(const std::vector<core::coach::ExpectedHit>& expected, std::mt19937& random)
{
    Truth truth;
    std::normal_distribution<double> offset(0.0, 12.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (const auto& hit : expected) {
        if (unit(random) < 0.04) {
            truth.offsetMs.push_back(std::numeric_limits<double>::quiet_NaN());
            continue;
        }
        const double ms = std::clamp(offset(random), std::max(-40.0, -hit.ms), 40.0);  // not before the take starts
        truth.offsetMs.push_back(ms);
        truth.playedMs.push_back(hit.ms + ms);
    }
    const auto added = static_cast<int>(std::ceil(0.03 * static_cast<double>(expected.size())));
    for (int tries = 0; static_cast<int>(truth.addedMs.size()) < added && tries < 10000; ++tries) {
        const double ms = 200.0 + unit(random) * (expected.back().ms - 200.0);
        // Well away from every hit the part asks for, and from what was played.
        const bool clear = std::none_of(expected.begin(), expected.end(), [&](const auto& hit) { return std::abs(hit.ms - ms) < 110.0; })
                           && std::none_of(truth.playedMs.begin(), truth.playedMs.end(), [&](double p) { return std::abs(p - ms) < 60.0; });
        if (clear) {
            truth.addedMs.push_back(ms);
        }
    }
    return truth;
}

struct Take {
    std::vector<float> samples;
    std::vector<float> backing;
};

/// How the backing reaches the microphone.
enum class Speakers {
    Plain,     ///< 23 ms late, -12 dB
    Coloured,  ///< 23.4 ms late (between two samples), -12 dB, rolled off above 4 kHz
};

/// The take as a microphone hears it: the player's hits, the backing from the speakers, noise.
Take record(const std::string& part, const core::beats::Machine& machine, double bpm, const Truth& truth, double durationMs,
            std::mt19937& random, Speakers speakers = Speakers::Plain)
{
    Take take;
    const auto frames = static_cast<size_t>(durationMs * kRate / 1000.0);
    take.samples.assign(frames, 0.0f);
    std::uniform_real_distribution<double> loudness(0.25, 0.5);
    std::vector<double> all = truth.playedMs;
    all.insert(all.end(), truth.addedMs.begin(), truth.addedMs.end());
    for (const double ms : all) {
        const auto at = static_cast<size_t>(std::llround(ms * kRate / 1000.0));
        const std::vector<float> sound = strike(part, loudness(random), random);
        for (size_t i = 0; i < sound.size() && at + i < frames; ++i) {
            take.samples[at + i] += sound[i];
        }
    }
    take.backing = renderBacking(machine, part, bpm, frames);
    const float bleed = std::pow(10.0f, -12.0f / 20.0f);
    if (speakers == Speakers::Plain) {
        const auto delay = static_cast<size_t>(0.023 * kRate);
        for (size_t i = 0; i + delay < frames && i < take.backing.size(); ++i) {
            take.samples[i + delay] += bleed * take.backing[i];
        }
    } else {
        std::vector<float> rolledOff(take.backing.size());
        const auto pole = static_cast<float>(std::exp(-2.0 * std::numbers::pi * 4000.0 / kRate));
        float state = 0.0f;
        for (size_t i = 0; i < rolledOff.size(); ++i) {
            state = (1.0f - pole) * take.backing[i] + pole * state;
            rolledOff[i] = state;
        }
        const double delay = 0.0234 * kRate;
        for (size_t n = 0; n < frames; ++n) {
            const double source = static_cast<double>(n) - delay;
            const auto i = static_cast<int64_t>(std::floor(source));
            if (i >= 0 && static_cast<size_t>(i) + 1 < rolledOff.size()) {
                const auto frac = static_cast<float>(source - static_cast<double>(i));
                take.samples[n] += bleed * ((1.0f - frac) * rolledOff[static_cast<size_t>(i)] + frac * rolledOff[static_cast<size_t>(i) + 1]);
            }
        }
    }
    std::uniform_real_distribution<float> noise(-0.003f, 0.003f);  // -50 dBFS
    for (float& sample : take.samples) {
        sample += noise(random);
    }
    return take;
}

struct Outcome {
    int played = 0;
    int found = 0;
    int falseExtras = 0;
    int phantoms = 0;
    double worstErrorMs = 0.0;
};

/// The coach's score against the truth: hits found (and how far off), hits it found where none
/// was played, extras it reported that the player did not add.
Outcome judge(const std::vector<core::coach::ExpectedHit>& expected, const Truth& truth, const core::coach::TakeScore& score)
{
    Outcome outcome;
    outcome.played = static_cast<int>(truth.playedMs.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        if (std::isnan(truth.offsetMs[i])) {
            outcome.phantoms += score.hits[i].offsetMs ? 1 : 0;  // dropped: nothing may be found there
            continue;
        }
        if (score.hits[i].offsetMs) {
            ++outcome.found;
            outcome.worstErrorMs = std::max(outcome.worstErrorMs, std::abs(*score.hits[i].offsetMs - truth.offsetMs[i]));
        }
    }
    for (const double extra : score.extrasMs) {
        const bool added = std::any_of(truth.addedMs.begin(), truth.addedMs.end(), [&](double ms) { return std::abs(ms - extra) <= 3.0; });
        outcome.falseExtras += added ? 0 : 1;
    }
    return outcome;
}

Outcome coachTake(const std::string& part, double bpm, unsigned seed, Speakers speakers = Speakers::Plain)
{
    auto machine = core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    EXPECT_TRUE(machine.has_value());
    machine->bpm = bpm;
    const auto stream = core::beats::compileMachine(*machine);
    auto grid = core::coach::partGrid(stream, part, bpm);
    EXPECT_TRUE(grid.has_value());
    const double durationMs = 16.0 * 8.0 * grid->stepMs + 500.0;  // sixteen bars and the last hits' ring
    const auto expected = core::coach::expectedHits(*grid, 16.0 * 8.0 * grid->stepMs);
    std::mt19937 random(seed);
    const Truth truth = perform(expected, random);
    Take take = record(part, *machine, bpm, truth, durationMs, random, speakers);

    auto bleed = audio::cancelBleedNonRealTime(take.samples, take.backing, kRate);
    EXPECT_TRUE(bleed.has_value()) << "the backing leaking in is found";
    if (bleed) {
        EXPECT_NEAR(bleed->delayMs, speakers == Speakers::Plain ? 23.0 : 23.4, speakers == Speakers::Plain ? 0.05 : 0.2);
        // (Coloured speakers take the backing's highs off: the leak is a little quieter. The
        // player's hits on the beat with the backing's lend the fit a little of their sound.)
        EXPECT_NEAR(20.0 * std::log10(bleed->gain), speakers == Speakers::Plain ? -12.0 : -13.0, speakers == Speakers::Plain ? 1.0 : 2.0);
    }
    const auto onsets = audio::detectOnsetsNonRealTime({take.samples, kRate});
    const auto score = core::coach::scoreTake(expected, onsets);

    return judge(expected, truth, score);
}

class TimingCoachTake : public ::testing::TestWithParam<std::tuple<const char*, double>> {};

}  // namespace

TEST_P(TimingCoachTake, FindsEachHitWithin3MsOfTheTruthDespiteBleedAndNoise)
{
    // BANDMATE_COACH_SEEDS=N plays N takes of each (one by default).
    const int seeds = std::max(1, qEnvironmentVariableIntValue("BANDMATE_COACH_SEEDS"));
    const auto [part, bpm] = GetParam();
    for (int seed = 0; seed < seeds; ++seed) {
        const Outcome outcome = coachTake(part, bpm, 20261206u + static_cast<unsigned>(bpm) + 7919u * static_cast<unsigned>(seed));
        ASSERT_GE(outcome.played, 35);
        EXPECT_GE(outcome.found, static_cast<int>(std::ceil(0.97 * outcome.played))) << outcome.found << " of " << outcome.played;
        EXPECT_LE(outcome.falseExtras, static_cast<int>(std::floor(0.02 * outcome.played)));
        EXPECT_LE(outcome.worstErrorMs, 3.0);
        EXPECT_EQ(outcome.phantoms, 0);
        std::printf("  %s at %.0f BPM (take %d): %d of %d hits found, %d extras wrong, %d found where none was played, "
                    "worst error %.2f ms\n",
                    part, bpm, seed, outcome.found, outcome.played, outcome.falseExtras, outcome.phantoms, outcome.worstErrorMs);
    }
}

TEST(TimingCoach, SpeakersThatColourTheBackingAndADelayBetweenSamplesAreTakenOffToo)
{
    for (const auto& [part, bpm] : {std::pair<const char*, double>{"congas", 120.0}, {"clave", 200.0}}) {
        const Outcome outcome = coachTake(part, bpm, 99u, Speakers::Coloured);
        EXPECT_GE(outcome.found, static_cast<int>(std::ceil(0.97 * outcome.played))) << part;
        EXPECT_LE(outcome.falseExtras, static_cast<int>(std::floor(0.02 * outcome.played))) << part;
        EXPECT_EQ(outcome.phantoms, 0) << part;
        EXPECT_LE(outcome.worstErrorMs, 3.0) << part;
        std::printf("  %s at %.0f BPM, coloured speakers: %d of %d hits found, %d extras wrong, worst error %.2f ms\n", part, bpm,
                    outcome.found, outcome.played, outcome.falseExtras, outcome.worstErrorMs);
    }
}

TEST(TimingCoach, TheLiveDetectorFedBlockByBlockFindsWhatTheWholeTakeFinds)
{
    // A live take is heard as it comes in: blocks of any size, the backing's filter fitted on the
    // first seconds, the room measured as it goes. Given the room beforehand it finds exactly what
    // the whole take's detector finds; live, it holds the same bar against the truth.
    auto machine = core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    ASSERT_TRUE(machine.has_value());
    machine->bpm = 120.0;
    const auto grid = core::coach::partGrid(core::beats::compileMachine(*machine), "congas", 120.0);
    ASSERT_TRUE(grid.has_value());
    const auto expected = core::coach::expectedHits(*grid, 16.0 * 8.0 * grid->stepMs);
    std::mt19937 random(4242u);
    const Truth truth = perform(expected, random);
    const Take take = record("congas", *machine, 120.0, truth, 16.0 * 8.0 * grid->stepMs + 500.0, random);

    std::vector<float> whole = take.samples;
    ASSERT_TRUE(audio::cancelBleedNonRealTime(whole, take.backing, kRate).has_value());
    const auto offline = audio::detectOnsetsNonRealTime({whole, kRate});
    audio::OnsetTracker given(kRate, {}, audio::roomLevel(whole, kRate));
    std::vector<double> blockwise;
    std::uniform_int_distribution<size_t> blockSize(1, 2048);
    for (size_t have = 0; have < whole.size();) {
        have = std::min(whole.size(), have + blockSize(random));
        const double settled = given.settledMs();
        const auto found = given.advance(std::span<const float>(whole.data(), have), have == whole.size());
        EXPECT_TRUE(found.empty() || found.front() >= settled) << "no hit comes before where the detector said it had settled";
        blockwise.insert(blockwise.end(), found.begin(), found.end());
    }
    EXPECT_EQ(blockwise, offline);

    // Live: the filter from the first three seconds, then 64-frame blocks.
    const auto fitFrames = static_cast<size_t>(3.0 * kRate);
    const auto filter = audio::fitBleedNonRealTime(std::span<const float>(take.samples.data(), fitFrames),
                                                   std::span<const float>(take.backing.data(), fitFrames), kRate);
    ASSERT_TRUE(filter.has_value());
    EXPECT_NEAR(filter->bleed.delayMs, 23.0, 0.1);
    std::vector<float> cleaned(take.samples.size(), 0.0f);
    audio::OnsetTracker live(kRate, {});
    std::vector<double> heard;
    for (size_t have = 0; have < cleaned.size();) {
        const size_t from = have;
        have = std::min(cleaned.size(), have + 64);
        std::copy(take.samples.begin() + static_cast<std::ptrdiff_t>(from), take.samples.begin() + static_cast<std::ptrdiff_t>(have),
                  cleaned.begin() + static_cast<std::ptrdiff_t>(from));
        audio::subtractBleed(*filter, cleaned, take.backing, from, have);
        const auto found = live.advance(std::span<const float>(cleaned.data(), have), have == cleaned.size());
        heard.insert(heard.end(), found.begin(), found.end());
    }
    const Outcome outcome = judge(expected, truth, core::coach::scoreTake(expected, heard));
    EXPECT_GE(outcome.found, static_cast<int>(std::ceil(0.97 * outcome.played))) << outcome.found << " of " << outcome.played;
    EXPECT_LE(outcome.falseExtras, static_cast<int>(std::floor(0.02 * outcome.played)));
    EXPECT_EQ(outcome.phantoms, 0);
    EXPECT_LE(outcome.worstErrorMs, 3.0);
    std::printf("  live, congas at 120 BPM: %d of %d hits found, %d extras wrong, worst error %.2f ms (whole take: %zu hits, live %zu)\n",
                outcome.found, outcome.played, outcome.falseExtras, outcome.worstErrorMs, offline.size(), heard.size());
}

INSTANTIATE_TEST_SUITE_P(SalsaParts, TimingCoachTake,
                         ::testing::Combine(::testing::Values("clave", "congas"), ::testing::Values(80.0, 120.0, 200.0)));

namespace {

/// A Standard MIDI File (format 0, 960 ticks a quarter at 120 BPM) with a chord of three notes
/// at each of `hitsMs`, its notes up to 8 ms apart (the hand does not strike them at once).
void writeChordsMidi(const QString& path, const std::vector<double>& hitsMs, std::mt19937& random)
{
    std::vector<std::pair<int64_t, std::array<uint8_t, 3>>> events;
    std::uniform_real_distribution<double> spread(0.0, 8.0);
    const auto ticks = [](double ms) { return static_cast<int64_t>(std::llround(ms * 960.0 / 500.0)); };
    for (const double ms : hitsMs) {
        for (int note = 0; note < 3; ++note) {
            const double at = note == 0 ? ms : ms + spread(random);
            const auto pitch = static_cast<uint8_t>(60 + 4 * note);
            events.push_back({ticks(at), {0x90, pitch, 100}});
            events.push_back({ticks(at + 90.0), {0x80, pitch, 0}});
        }
    }
    std::stable_sort(events.begin(), events.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QByteArray track("\x00\xFF\x51\x03\x07\xA1\x20", 7);  // tempo: 500,000 µs a quarter
    int64_t now = 0;
    for (const auto& [tick, bytes] : events) {
        int64_t delta = tick - now;
        now = tick;
        QByteArray vlq(1, static_cast<char>(delta & 0x7F));
        while ((delta >>= 7) > 0) {
            vlq.prepend(static_cast<char>(0x80 | (delta & 0x7F)));
        }
        track += vlq;
        track.append(reinterpret_cast<const char*>(bytes.data()), 3);
    }
    track.append("\x00\xFF\x2F\x00", 4);
    QByteArray file("MThd\x00\x00\x00\x06\x00\x00\x00\x01\x03\xC0", 14);
    file += "MTrk";
    const auto size = static_cast<uint32_t>(track.size());
    for (int shift = 24; shift >= 0; shift -= 8) {
        file.append(static_cast<char>((size >> shift) & 0xFF));
    }
    file += track;
    QFile out(path);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    ASSERT_EQ(out.write(file), file.size());
}

}  // namespace

TEST(TimingCoach, APianoTakeFromAMidiFileScoresEachChordAsOneHitWithin2Ms)
{
    test::TempDir dir;
    auto machine = core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    ASSERT_TRUE(machine.has_value());
    for (const double bpm : {80.0, 120.0, 200.0}) {
        machine->bpm = bpm;
        auto grid = core::coach::partGrid(core::beats::compileMachine(*machine), "piano", bpm);
        ASSERT_TRUE(grid.has_value()) << grid.error().toString();
        const auto expected = core::coach::expectedHits(*grid, 8.0 * 8.0 * grid->stepMs);
        std::mt19937 random(static_cast<unsigned>(bpm));
        const Truth truth = perform(expected, random);
        std::vector<double> all = truth.playedMs;
        all.insert(all.end(), truth.addedMs.begin(), truth.addedMs.end());
        const QString path = dir.file(QStringLiteral("piano-%1.mid").arg(bpm));
        writeChordsMidi(path, all, random);

        auto hits = audio::readMidiHitsNonRealTime(path.toStdString());
        ASSERT_TRUE(hits.has_value()) << hits.error().toString();
        EXPECT_EQ(hits->size(), all.size()) << "one hit per chord";
        const auto score = core::coach::scoreTake(expected, *hits);
        int found = 0;
        double worst = 0.0;
        for (size_t i = 0; i < expected.size(); ++i) {
            if (!std::isnan(truth.offsetMs[i]) && score.hits[i].offsetMs) {
                ++found;
                worst = std::max(worst, std::abs(*score.hits[i].offsetMs - truth.offsetMs[i]));
            }
        }
        EXPECT_EQ(found, static_cast<int>(truth.playedMs.size())) << bpm;
        EXPECT_EQ(score.extra, static_cast<int>(truth.addedMs.size())) << bpm;
        EXPECT_LE(worst, 2.0) << bpm;
    }
}

TEST(TimingCoach, AMidiTakeCountsOnlyThePartsNotesWhenTheyAreGiven)
{
    // A pad's or a keyboard's mapping, written as a musician writes it.
    auto notes = audio::parseMidiNotes("62-64, 75,60 ,");
    ASSERT_TRUE(notes.has_value()) << notes.error().toString();
    EXPECT_EQ(*notes, (std::vector<int>{60, 62, 63, 64, 75}));
    EXPECT_EQ(audio::midiNotesText(*notes), "60, 62-64, 75");
    EXPECT_TRUE(audio::parseMidiNotes("").value_or(std::vector<int>{1}).empty());
    for (const char* bad : {"128", "64-62", "x", "6 0", "-3", "1,,z"}) {
        auto parsed = audio::parseMidiNotes(bad);
        ASSERT_FALSE(parsed.has_value()) << bad;
        EXPECT_EQ(parsed.error().code, core::ErrorCode::InvalidArgument) << bad;
    }
    // The General MIDI keys of a part, as the MIDI export writes them; none for a keyed part.
    audio::TakeRequest request;
    request.machine = *core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    request.part = "clave";
    EXPECT_EQ(audio::generalMidiNotes(request), std::vector<int>{75});
    request.part = "congas";
    const auto congas = audio::generalMidiNotes(request);
    EXPECT_FALSE(congas.empty());
    EXPECT_TRUE(std::all_of(congas.begin(), congas.end(), [](int key) { return key >= 62 && key <= 64; }));
    request.part = "piano";
    EXPECT_TRUE(audio::generalMidiNotes(request).empty());

    // A take played as chords of 60, 64 and 68, the upper two up to 8 ms late: only 60 counts, or
    // only 68 (later); a note the file does not have is refused, naming the notes it has.
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("pads.mid"));
    std::mt19937 random(7u);
    const std::vector<double> hitsMs{250.0, 750.0, 1250.0, 1500.0, 2000.0};
    writeChordsMidi(path, hitsMs, random);
    auto low = audio::readMidiHitsNonRealTime(path.toStdString(), 25.0, {60});
    ASSERT_TRUE(low.has_value()) << low.error().toString();
    ASSERT_EQ(low->size(), hitsMs.size());
    for (size_t i = 0; i < hitsMs.size(); ++i) {
        EXPECT_NEAR((*low)[i], hitsMs[i], 1.1) << i;
    }
    auto high = audio::readMidiHitsNonRealTime(path.toStdString(), 25.0, {68});
    ASSERT_TRUE(high.has_value());
    ASSERT_EQ(high->size(), hitsMs.size());
    EXPECT_GT((*high)[0] + (*high)[1] + (*high)[2] + (*high)[3] + (*high)[4], 5.0 + std::accumulate(hitsMs.begin(), hitsMs.end(), 0.0));
    // A whole band's General MIDI file: the drums on channel 10, the keyed parts on others, on
    // the same note numbers as some drums: the part's keys on channel 10 are its hits, no more.
    {
        auto band = *core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
        const auto stream = core::beats::compileMachine(band);
        audio::MidiExportSettings exported;
        exported.steps = 64;
        exported.bpm = band.bpm;
        const QString whole = dir.file(QStringLiteral("band.mid"));
        ASSERT_TRUE(audio::exportMidiFile(band, stream, exported, whole.toStdString()).has_value());
        request.machine = band;
        request.part = "clave";
        auto grid = audio::takeGrid(request);
        ASSERT_TRUE(grid.has_value());
        const auto clave = audio::readMidiHitsNonRealTime(whole.toStdString(), 25.0, audio::generalMidiNotes(request), 10);
        ASSERT_TRUE(clave.has_value()) << clave.error().toString();
        EXPECT_EQ(clave->size(), 4 * grid->loopSteps.size()) << "eight bars: four clave cycles";
    }
    auto none = audio::readMidiHitsNonRealTime(path.toStdString(), 25.0, {75});
    ASSERT_FALSE(none.has_value());
    EXPECT_EQ(none.error().code, core::ErrorCode::InvalidInput);
    EXPECT_EQ(none.error().where, path.toStdString());
    EXPECT_NE(none.error().message.find("none of the part's notes (75)"), std::string::npos) << none.error().message;
    EXPECT_NE(none.error().message.find("it plays 60, 64, 68"), std::string::npos) << none.error().message;
}

TEST(TimingCoach, ATakeThatIsNotAudioOrMidiIsRefusedByName)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("take.wav"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("<html>not a recording</html>");
    file.close();
    auto audio = audio::readMonoNonRealTime(path.toStdString());
    ASSERT_FALSE(audio.has_value());
    EXPECT_EQ(audio.error().code, core::ErrorCode::InvalidInput);
    EXPECT_EQ(audio.error().where, path.toStdString());
    auto midi = audio::readMidiHitsNonRealTime(path.toStdString());
    ASSERT_FALSE(midi.has_value());
    EXPECT_EQ(midi.error().code, core::ErrorCode::InvalidInput);
    EXPECT_EQ(audio::readMonoNonRealTime(dir.file(QStringLiteral("none.wav")).toStdString()).error().code, core::ErrorCode::NotFound);
}

TEST(TimingCoach, ATakeWithoutTheBackingInItIsLeftAsItIs)
{
    // Played through headphones: nothing of the backing to take off.
    auto machine = core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    ASSERT_TRUE(machine.has_value());
    std::mt19937 random(7);
    std::vector<float> take(static_cast<size_t>(4.0 * kRate), 0.0f);
    for (size_t at = 0; at + 3000 < take.size(); at += 14400) {
        const auto sound = strike("clave", 0.4, random);
        std::copy(sound.begin(), sound.end(), take.begin() + static_cast<std::ptrdiff_t>(at));
    }
    const std::vector<float> before = take;
    const auto backing = renderBacking(*machine, "clave", 100.0, take.size());
    EXPECT_FALSE(audio::cancelBleedNonRealTime(take, backing, kRate).has_value());
    EXPECT_EQ(take, before);
}

TEST(TimingCoach, TheGridIsWhereTheEnginePlaysWithSwingAndEitherClave)
{
    // The part played by the engine itself (its own samples, swung, in 3-2): the coach must find
    // every hit within a millisecond of its grid, so the grid is where the engine plays.
    auto machine = core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    ASSERT_TRUE(machine.has_value());
    auto kit = audio::Kit::loadNonRealTime(audio::Kit::defaultFolderNonRealTime(), kRate);
    ASSERT_TRUE(kit.has_value());
    for (const bool clave32 : {false, true}) {
        for (const std::string part : {"clave", "congas"}) {
            core::beats::Machine alone = *machine;
            alone.clave32 = clave32;
            alone.bpm = 110.0;
            for (auto& instrument : alone.instruments) {
                instrument.enabled = instrument.id == part;
            }
            const auto stream = core::beats::compileMachine(alone);
            audio::RenderSettings settings;
            settings.sampleRate = kRate;
            settings.bpm = alone.bpm;
            settings.swing = 0.6;
            settings.frames = audio::framesForBars(8, alone.flavor, alone.bpm, kRate);
            auto rendered = audio::renderMonoNonRealTime(audio::Pattern::build(stream, *kit), settings);
            ASSERT_TRUE(rendered.has_value());
            const std::vector<float>& take = *rendered;
            auto grid = core::coach::partGrid(stream, part, alone.bpm, 0.6);
            ASSERT_TRUE(grid.has_value());
            const auto expected = core::coach::expectedHits(*grid, static_cast<double>(take.size()) * 1000.0 / kRate - 100.0);
            const auto score = core::coach::scoreTake(expected, audio::detectOnsetsNonRealTime({take, kRate}));
            EXPECT_EQ(score.missed, 0) << part << (clave32 ? " 3-2" : " 2-3");
            EXPECT_EQ(score.extra, 0) << part << (clave32 ? " 3-2" : " 2-3");
            for (const auto& hit : score.hits) {
                EXPECT_LE(std::abs(hit.offsetMs.value_or(99.0)), 1.0) << part << " step " << hit.step;
            }
        }
    }
}

TEST(TimingCoach, RecordingsAtOtherRatesAndWithManyChannelsAreHeardAlike)
{
    test::TempDir dir;
    std::mt19937 random(11);
    core::coach::PartGrid grid;
    grid.stepMs = 250.0;
    grid.loopLength = 4;
    grid.loopSteps = {0, 1, 3};
    const auto expected = core::coach::expectedHits(grid, 8000.0);
    const Truth truth = perform(expected, random);
    for (const int rate : {16000, 22050, 96000}) {
        std::vector<float> mono(static_cast<size_t>(8.5 * rate), 0.0f);
        for (const double ms : truth.playedMs) {
            const auto at = static_cast<size_t>(std::llround(ms * rate / 1000.0));
            for (size_t i = 0; i < static_cast<size_t>(0.2 * rate) && at + i < mono.size(); ++i) {
                const double t = static_cast<double>(i) / rate;
                mono[at + i] += static_cast<float>(0.4 * std::min(1.0, t / 0.001) * std::exp(-t / 0.05) * std::cos(2.0 * std::numbers::pi * 900.0 * t));
            }
        }
        // Four channels: the hits on two, silence on the others.
        const QString path = dir.file(QStringLiteral("take-%1.wav").arg(rate));
        const std::vector<float> silence(mono.size(), 0.0f);
        ASSERT_TRUE(test::writeWav16(path.toStdString(), rate, {mono, silence, mono, silence}));
        auto audio = audio::readMonoNonRealTime(path.toStdString());
        ASSERT_TRUE(audio.has_value()) << audio.error().toString();
        EXPECT_EQ(audio->sampleRate, audio::kAnalysisRate);
        EXPECT_NEAR(static_cast<double>(audio->samples.size()), 8.5 * audio::kAnalysisRate, 8.0);
        const Outcome outcome = judge(expected, truth, core::coach::scoreTake(expected, audio::detectOnsetsNonRealTime(*audio)));
        EXPECT_EQ(outcome.found, outcome.played) << rate;
        EXPECT_EQ(outcome.phantoms, 0) << rate;
        EXPECT_LE(outcome.worstErrorMs, 3.0) << rate;
    }
}

TEST(TimingCoach, AWavFileShorterThanItsHeaderSaysIsRefused)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("cut.wav"));
    ASSERT_TRUE(test::writeWav16(path.toStdString(), 48000, {std::vector<float>(48000, 0.1f)}));
    QFile file(path);
    ASSERT_TRUE(file.resize(44 + 1000));  // cut off while copying
    auto audio = audio::readMonoNonRealTime(path.toStdString());
    ASSERT_FALSE(audio.has_value());
    EXPECT_EQ(audio.error().code, core::ErrorCode::InvalidInput);
    EXPECT_NE(audio.error().message.find("shorter than its header"), std::string::npos) << audio.error().message;
}

TEST(TimingCoach, AScoreAskedToStopStopsAndSaysSo)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("take.wav"));
    ASSERT_TRUE(test::writeWav16(path.toStdString(), 48000, {std::vector<float>(48000 * 20, 0.01f)}));
    audio::TakeRequest request;
    request.machine = *core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    request.part = "clave";
    request.input = path.toStdString();
    auto stop = std::make_shared<std::atomic<bool>>(true);
    request.cancelled = stop;
    auto result = audio::scoreTakeNonRealTime(request);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, core::ErrorCode::Cancelled);
    stop->store(false);
    result = audio::scoreTakeNonRealTime(request);
    ASSERT_TRUE(result.has_value()) << result.error().toString();
    EXPECT_EQ(result->score.matched, 0) << "a steady hum has no hits";
}

// A live take records a tail after its last bar (for the last hits to come back): the hits due
// in it were never asked for. With the take's length given they are not expected; without it the
// first stroke of the next bar (3-2 clave: on the one) would count as missed.
TEST(TimingCoach, ATakesLengthEndsItsExpectedHitsBeforeTheRecordingsTail)
{
    core::beats::Machine machine = *core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    machine.clave32 = true;
    machine.bpm = 120.0;
    const double barMs = 2000.0;
    auto grid = core::coach::partGrid(core::beats::compileMachine(machine), "clave", 120.0);
    ASSERT_TRUE(grid.has_value());
    std::vector<double> strokes;
    for (const auto& hit : core::coach::expectedHits(*grid, 2.0 * barMs)) {
        strokes.push_back(hit.ms);
    }
    ASSERT_EQ(strokes.size(), 5u) << "one clave cycle";
    audio::TakeRequest request;
    request.machine = machine;
    request.part = "clave";
    request.input = "live take";
    request.subtractBacking = false;
    request.recording = audio::MonoAudio{test::claveStrokes(strokes, 2.0 * barMs / 1000.0 + 0.5, 48000), 48000.0};
    auto whole = audio::scoreTakeNonRealTime(request);
    ASSERT_TRUE(whole.has_value()) << whole.error().toString();
    EXPECT_EQ(whole->score.missed, 1) << "the next cycle's first stroke falls in the tail";
    request.lengthMs = 2.0 * barMs;
    auto bars = audio::scoreTakeNonRealTime(request);
    ASSERT_TRUE(bars.has_value()) << bars.error().toString();
    EXPECT_EQ(bars->score.hits.size(), 5u);
    EXPECT_EQ(bars->score.missed, 0);
    EXPECT_EQ(bars->score.matched, 5);
}

// A live take's recording kept as FLAC: from its first step on (the count-in left out), read back
// as it was written; a missing folder or a folder as the target is a clear error.
TEST(TimingCoach, KeepingALiveTakesRecordingWritesFlacFromTheFirstStep)
{
    test::TempDir dir;
    audio::RecordedTake take;
    std::vector<float> samples(48000, 0.0f);
    samples[4800] = 0.5f;   // the count-in's last click
    samples[9600] = -0.25f; // the take's first sound, 100 ms after its first step
    take.request.recording = audio::MonoAudio{samples, 48000.0};
    take.countInFrames = 4800 + 1;
    const QString path = dir.file(QStringLiteral("take.flac"));
    ASSERT_TRUE(audio::writeRecordingNonRealTime(take, path.toStdString()).has_value());
    EXPECT_TRUE(test::readAll(path).startsWith("fLaC"));
    auto back = audio::readMonoNonRealTime(path.toStdString());
    ASSERT_TRUE(back.has_value()) << back.error().toString();
    ASSERT_EQ(back->samples.size(), samples.size() - 4801);
    EXPECT_NEAR(back->samples[9600 - 4801], -0.25f, 1e-5f) << "24-bit, at its place";
    EXPECT_NEAR(back->samples[0], 0.0f, 1e-6f) << "the count-in is not in it";

    auto missing = audio::writeRecordingNonRealTime(take, dir.file(QStringLiteral("no/such/take.flac")).toStdString());
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().code, core::ErrorCode::NotFound);
    auto folder = audio::writeRecordingNonRealTime(take, dir.path().toStdString());
    ASSERT_FALSE(folder.has_value());
    EXPECT_EQ(folder.error().code, core::ErrorCode::InvalidArgument);
    EXPECT_TRUE(QDir(dir.path()).entryList({QStringLiteral(".*partial*")}, QDir::Hidden | QDir::Files).isEmpty()) << "no leftovers";

    // A file that came at the name after it was checked (another take, the musician's own) is
    // not written over: said, and left as it was.
    const QString taken = dir.file(QStringLiteral("taken.flac"));
    test::writeAll(taken, "someone else's");
    auto over = audio::writeRecordingNonRealTime(take, taken.toStdString());
    ASSERT_FALSE(over.has_value());
    EXPECT_EQ(over.error().code, core::ErrorCode::Io);
    EXPECT_TRUE(QString::fromStdString(over.error().message).contains(QStringLiteral("came there meanwhile"))) << over.error().toString();
    EXPECT_EQ(test::readAll(taken), "someone else's");
    EXPECT_TRUE(QDir(dir.path()).entryList({QStringLiteral(".*partial*")}, QDir::Hidden | QDir::Files).isEmpty()) << "no leftovers";
}
