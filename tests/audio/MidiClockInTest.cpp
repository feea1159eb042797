// Following an outside MIDI clock: the tempo and phase fitted to the ticks (smooth under jitter,
// locked within a millisecond), Start on the first tick after it, Stop, Song Position and
// Continue, a clock that stops coming is lost. Messages reach the follower as a JACK MIDI input
// gives them: with their frame, up to a block after it (the input's cycle may run after the
// engine's).
#include "audio/midi/MidiClockIn.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <vector>

using namespace bandmate::audio;

namespace {

constexpr double kRate = 48000.0;
constexpr int kBlock = 256;

double framesPerTick(double bpm)
{
    return kRate * 60.0 / bpm / MidiClockIn::kTicksPerBeat;
}

/// A clock sender and the follower, block by block: messages are given to the follower at the
/// first block that starts after their frame (the latest a JACK input gives them).
class Follow {
public:
    Follow() { in.prepare(kRate); }
    void send(double frame, std::vector<uint8_t> bytes) { m_queue.emplace(static_cast<int64_t>(std::llround(frame)), std::move(bytes)); }
    /// Ticks every `perTick` frames from `from` (each moved by `jitter()` frames), `count` of them;
    /// returns the next tick's frame.
    template <typename Jitter>
    double ticks(double from, double perTick, int count, Jitter jitter)
    {
        for (int k = 0; k < count; ++k) {
            send(from + k * perTick + jitter(), {0xF8});
        }
        return from + count * perTick;
    }
    double ticks(double from, double perTick, int count)
    {
        return ticks(from, perTick, count, [] { return 0.0; });
    }
    /// The blocks up to `frame`, each position kept with its block's first frame.
    void runTo(int64_t frame, double fallback = 120.0)
    {
        while (m_frame + kBlock <= frame) {
            while (!m_queue.empty() && m_queue.begin()->first < m_frame) {
                const auto& [at, bytes] = *m_queue.begin();
                in.message(at, bytes.data(), static_cast<int>(bytes.size()));
                m_queue.erase(m_queue.begin());
            }
            positions.emplace_back(m_frame, in.positionAt(m_frame, fallback));
            m_frame += kBlock;
        }
    }
    MidiClockIn in;
    std::vector<std::pair<int64_t, ClockPosition>> positions;

private:
    std::multimap<int64_t, std::vector<uint8_t>> m_queue;
    int64_t m_frame = 0;
};

/// The largest |beat error| in frames over the rolling blocks from `from` on, against the ideal
/// beat of a clock whose beat 0 is at `zeroFrame`, `perTick` frames a tick.
double worstPhaseFrames(const Follow& follow, int64_t from, double zeroFrame, double perTick)
{
    double worst = 0.0;
    for (const auto& [frame, position] : follow.positions) {
        if (frame < from) {
            continue;
        }
        EXPECT_TRUE(position.rolling) << "at frame " << frame;
        const double ideal = (static_cast<double>(frame) - zeroFrame) / perTick / MidiClockIn::kTicksPerBeat;
        worst = std::max(worst, std::abs(position.beat - ideal) * perTick * MidiClockIn::kTicksPerBeat);
    }
    return worst;
}

}  // namespace

TEST(MidiClockIn, FollowsASteadyClockWithinAFrameFromItsFirstTickAfterStart)
{
    Follow follow;
    const double perTick = framesPerTick(97.3);
    double next = follow.ticks(1000.0, perTick, 60);  // running before the song starts
    follow.send(next - 0.9 * perTick, {0xFA});
    const double zero = next;
    follow.ticks(next, perTick, 24 * 16);
    follow.runTo(static_cast<int64_t>(zero + 8 * 24 * perTick));

    bool before = false;
    for (const auto& [frame, position] : follow.positions) {
        if (frame + kBlock <= static_cast<int64_t>(zero) && frame > static_cast<int64_t>(zero - 0.9 * perTick) + kBlock) {
            before = true;
            EXPECT_TRUE(position.rolling);
            EXPECT_LT(position.beat, 0.0) << "beat 0 is the first tick after Start, still to come at frame " << frame;
        }
        if (frame <= static_cast<int64_t>(zero) && frame + kBlock > static_cast<int64_t>(zero)) {
            EXPECT_TRUE(position.rolling);
            EXPECT_NEAR(position.beat * perTick * 24.0, static_cast<double>(frame) - zero, 1.0)
                << "the block with the first tick reaches beat 0 on its frame";
        }
    }
    EXPECT_TRUE(before);
    EXPECT_LT(worstPhaseFrames(follow, static_cast<int64_t>(zero) + kBlock, zero, perTick), 1.0);
    EXPECT_NEAR(follow.in.tempo(), 97.3, 0.01);
    EXPECT_NEAR(follow.positions.back().second.bpm, 97.3, 0.01);
}

TEST(MidiClockIn, JitteryTicksGiveASmoothTempoAndAPhaseWithinAMillisecond)
{
    Follow follow;
    const double perTick = framesPerTick(97.3);
    std::mt19937 random(7);
    std::uniform_real_distribution<double> jitter(-48.0, 48.0);  // ±1 ms, a USB MIDI interface's
    const auto shake = [&] { return jitter(random); };
    double next = follow.ticks(1000.0, perTick, 48, shake);
    follow.send(next - perTick / 2.0, {0xFA});
    const double zero = next;
    follow.ticks(next, perTick, 24 * 32, shake);
    follow.runTo(static_cast<int64_t>(zero + 30 * 24 * perTick));

    double lowest = 1e9;
    double highest = 0.0;
    for (const auto& [frame, position] : follow.positions) {
        if (frame > zero + 2 * 24 * perTick) {
            lowest = std::min(lowest, position.bpm);
            highest = std::max(highest, position.bpm);
        }
    }
    // One tick's 1 ms over a 20 ms tick would be ±5 % read tick by tick; fitted, a fraction of a BPM.
    EXPECT_GT(lowest, 97.3 - 0.5);
    EXPECT_LT(highest, 97.3 + 0.5);
    const double phase = worstPhaseFrames(follow, static_cast<int64_t>(zero + 2 * 24 * perTick), zero, perTick);
    std::printf("MIDI clock in, 97.3 BPM with ±1 ms jitter: tempo %.2f–%.2f BPM, worst phase %.1f us\n", lowest, highest,
                phase / kRate * 1e6);
    EXPECT_LT(phase, 48.0) << "within 1 ms of the clock's own beat";
}

TEST(MidiClockIn, ATempoChangeIsFollowedWithinTwoBeats)
{
    Follow follow;
    const double slow = framesPerTick(120.0);
    const double fast = framesPerTick(140.0);
    follow.send(900.0, {0xFA});
    double next = follow.ticks(1000.0, slow, 24 * 4);
    const double changeFrame = next;
    next = follow.ticks(next, fast, 24 * 8);
    follow.runTo(static_cast<int64_t>(next));
    // After the change, beat 4 at changeFrame, then 140 BPM.
    const int64_t settled = static_cast<int64_t>(changeFrame + 2 * 24 * fast);
    double worst = 0.0;
    for (const auto& [frame, position] : follow.positions) {
        if (frame >= settled) {
            EXPECT_NEAR(position.bpm, 140.0, 0.05) << "at frame " << frame;
            const double ideal = 4.0 + (static_cast<double>(frame) - changeFrame) / fast / 24.0;
            worst = std::max(worst, std::abs(position.beat - ideal) * fast * 24.0);
        }
    }
    EXPECT_LT(worst, 1.0);
}

TEST(MidiClockIn, ATempoRampIsFollowedWithoutLaggingBehindIt)
{
    // A DAW's tempo automation: 100 to 130 BPM over 8 beats, each tick's spacing a little shorter,
    // with ±0.5 ms of jitter on top.
    Follow follow;
    std::mt19937 random(11);
    std::uniform_real_distribution<double> jitter(-24.0, 24.0);
    follow.send(900.0, {0xFA});
    std::vector<double> ideal;  // each tick's frame without jitter
    double frame = 1000.0;
    const int rampTicks = 8 * 24;
    for (int k = 0; k < 4 * 24 + rampTicks + 2 * 24; ++k) {
        ideal.push_back(frame);
        follow.send(frame + jitter(random), {0xF8});
        const double ramp = std::clamp(static_cast<double>(k - 4 * 24) / rampTicks, 0.0, 1.0);
        frame += framesPerTick(100.0 + 30.0 * ramp);
    }
    follow.runTo(static_cast<int64_t>(ideal.back()));
    double worst = 0.0;
    double worstAtBend = 0.0;
    for (const auto& [at, position] : follow.positions) {
        if (at < ideal[2 * 24] || at >= ideal.back()) {
            continue;
        }
        // The ideal beat: between the ticks around the block's frame.
        const auto after = std::upper_bound(ideal.begin(), ideal.end(), static_cast<double>(at));
        const auto k = static_cast<double>(after - ideal.begin() - 1);
        const double beat = (k + (static_cast<double>(at) - *(after - 1)) / (*after - *(after - 1))) / 24.0;
        const double error = std::abs(position.beat - beat) * framesPerTick(position.bpm) * 24.0;
        (beat >= 4.0 && beat < 4.5 ? worstAtBend : worst) = std::max(beat >= 4.0 && beat < 4.5 ? worstAtBend : worst, error);
    }
    std::printf("MIDI clock in, a 100-130 BPM ramp with ±0.5 ms jitter: worst phase %.1f us (%.1f us in the half beat after "
                "the ramp begins)\n",
                worst / kRate * 1e6, worstAtBend / kRate * 1e6);
    EXPECT_LT(worst, 48.0) << "within 1 ms of the clock's own beat along the ramp";
    // Where it begins, the bend has to stand out of the jitter first (a few ticks).
    EXPECT_LT(worstAtBend, 96.0);
    EXPECT_NEAR(follow.in.tempo(), 130.0, 0.2);
}

TEST(MidiClockIn, AClockThatComesOnlyWithStartStartsTheSongAtBeatZeroThenLocks)
{
    Follow follow;
    const double perTick = framesPerTick(97.3);
    follow.send(5000.0, {0xFA});
    const double zero = 5010.0;
    follow.ticks(zero, perTick, 24 * 8);
    follow.runTo(static_cast<int64_t>(zero + 6 * 24 * perTick), 140.0);
    const auto first = std::find_if(follow.positions.begin(), follow.positions.end(), [](const auto& p) { return p.second.rolling; });
    ASSERT_NE(first, follow.positions.end());
    EXPECT_GT(first->first, zero) << "no tick, no tempo: nothing before the first tick";
    EXPECT_EQ(first->second.beat, 0.0) << "started late rather than without its first step";
    EXPECT_LT(worstPhaseFrames(follow, static_cast<int64_t>(zero + 24 * perTick), zero, perTick), 1.0);
}

TEST(MidiClockIn, StopStopsAndContinuePlaysOnFromTheSongPosition)
{
    Follow follow;
    const double perTick = framesPerTick(100.0);  // 1200 frames a tick
    follow.send(500.0, {0xFA});
    double next = follow.ticks(1000.0, perTick, 24 * 2);  // two beats: the next tick is beat 2
    follow.send(next - 100.0, {0xFC});
    next = follow.ticks(next, perTick, 24);  // the clock runs on while stopped
    follow.send(next - 200.0, {0xF2, 32, 0});  // sixteenth 32: beat 8
    follow.send(next - 100.0, {0xFB});
    const double continued = next;
    next = follow.ticks(next, perTick, 24 * 4);
    follow.send(next - 100.0, {0xFC});
    next = follow.ticks(next, perTick, 24);
    follow.send(next - 100.0, {0xFB});  // no position: on from where it stopped (beat 12)
    const double again = next;
    next = follow.ticks(next, perTick, 24 * 2);
    follow.runTo(static_cast<int64_t>(next));

    const auto at = [&](double frame) {
        for (const auto& [start, position] : follow.positions) {
            if (start >= frame) {
                return position;
            }
        }
        return ClockPosition{};
    };
    EXPECT_FALSE(at(1000.0 + 2 * 24 * perTick + kBlock).rolling) << "stopped";
    const ClockPosition afterContinue = at(continued + 24 * perTick);
    EXPECT_TRUE(afterContinue.rolling);
    EXPECT_NEAR(afterContinue.beat, 9.0, 0.01);
    const ClockPosition afterSecond = at(again + 12 * perTick);
    EXPECT_TRUE(afterSecond.rolling);
    EXPECT_NEAR(afterSecond.beat, 12.5, 0.01);
}

TEST(MidiClockIn, AClockThatStopsComingIsLostAndTheSongWaitsForStartOrContinue)
{
    Follow follow;
    const double perTick = framesPerTick(97.3);  // 1233 frames: four ticks are 103 ms
    follow.send(500.0, {0xFA});
    double next = follow.ticks(1000.0, perTick, 24 * 4);
    const double silence = next - perTick;  // the last tick
    next += 48000.0;  // a second without ticks (a cable pulled)
    next = follow.ticks(next, perTick, 24 * 2);
    const double back = next;
    follow.send(next - 100.0, {0xFA});
    next = follow.ticks(next, perTick, 24 * 2);
    follow.runTo(static_cast<int64_t>(next));

    bool lostSeen = false;
    for (const auto& [frame, position] : follow.positions) {
        const double since = static_cast<double>(frame) - silence;
        if (since > 0.0 && since < 4 * perTick - kBlock) {  // (a tick is late after 1)
            EXPECT_TRUE(position.rolling) << "a tick late is not lost";
        }
        if (since > std::max(4 * perTick, 4800.0) + kBlock && frame < back - perTick) {
            EXPECT_FALSE(position.rolling) << "lost: stopped, also once the ticks come back";
            lostSeen = true;
        }
        if (frame > back + 24 * perTick) {
            EXPECT_TRUE(position.rolling) << "started again";
        }
    }
    EXPECT_TRUE(lostSeen);
    EXPECT_EQ(follow.in.losses(), 1u);
    EXPECT_TRUE(follow.in.receiving());
    EXPECT_EQ(follow.in.ticks(), static_cast<uint64_t>(24 * 8));
}

TEST(MidiClockIn, NotesBrokenMessagesAndAPositionWhilePlayingChangeNothing)
{
    Follow follow;
    const double perTick = framesPerTick(97.3);
    follow.send(500.0, {0xFA});
    double next = follow.ticks(1000.0, perTick, 24 * 2);
    follow.send(next - 50.0, {0x99, 36, 100});    // a note
    follow.send(next - 40.0, {0xF2, 0x7F, 0x7F});  // a position while playing: ignored
    follow.send(next - 30.0, {0xF2, 0x90});        // cut short
    follow.send(next - 20.0, {0xFE});              // active sensing
    follow.send(next - 10.0, {});
    follow.ticks(next, perTick, 24 * 4);
    follow.in.message(0, nullptr, 3);
    follow.runTo(static_cast<int64_t>(next + 4 * 24 * perTick));
    EXPECT_LT(worstPhaseFrames(follow, static_cast<int64_t>(1000.0 + 24 * perTick), 1000.0, perTick), 1.0);
}

TEST(MidiClockIn, AContinueWhilePlayingIsNoJumpBack)
{
    Follow follow;
    const double perTick = framesPerTick(100.0);
    follow.send(500.0, {0xFA});
    double next = follow.ticks(1000.0, perTick, 24 * 8);
    follow.send(next - 100.0, {0xFB});  // no news: it plays already
    next = follow.ticks(next, perTick, 24 * 2);
    follow.runTo(static_cast<int64_t>(next));
    EXPECT_LT(worstPhaseFrames(follow, static_cast<int64_t>(1000.0 + 24 * perTick), 1000.0, perTick), 1.0);
}

TEST(MidiClockIn, TicksBunchedTogetherAreNoTempo)
{
    // A bridge delivering a batch: the first ticks after a Start one frame apart, then on time.
    Follow follow;
    const double perTick = framesPerTick(100.0);
    follow.send(500.0, {0xFA});
    follow.send(1000.0, {0xF8});
    follow.send(1001.0, {0xF8});
    follow.send(1002.0, {0xF8});
    follow.ticks(1000.0 + 3 * perTick, perTick, 24 * 4);
    follow.runTo(static_cast<int64_t>(1000.0 + 24 * 4 * perTick));
    for (const auto& [frame, position] : follow.positions) {
        if (position.rolling) {
            EXPECT_LT(position.bpm, 1000.0 + 1e-9) << "at frame " << frame;
            EXPECT_LT(position.beat, (static_cast<double>(frame) - 1000.0) / perTick / 24.0 + 1.0) << "no leap ahead at frame " << frame;
        }
    }
    EXPECT_NEAR(follow.in.tempo(), 100.0, 0.01);
}

TEST(MidiClockIn, AFloodOfTicksInOneBlockIsFittedOnce)
{
    // 4000 ticks in one block (a stuck sender, a replayed queue): the block's cost stays a fit's.
    MidiClockIn in;
    in.prepare(kRate);
    const uint8_t tick[] = {0xF8};
    for (int i = 0; i < 4000; ++i) {
        in.message(1000 + i / 10, tick, 1);
    }
    const ClockPosition position = in.positionAt(1500, 120.0);
    EXPECT_FALSE(position.rolling);
    EXPECT_EQ(in.ticks(), 4000u);
    EXPECT_TRUE(std::isfinite(position.bpm));
    EXPECT_LE(position.bpm, MidiClockIn::kMaxTempo);
}
