// MIDI clock out from what the engine played, block by block: 24 ticks a beat at their exact
// frames, Start at beat 0, Song Position Pointer and Continue when it plays on from elsewhere,
// Stop when it stops.
#include "audio/midi/MidiClockOut.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

using namespace bandmate::audio;

namespace {

struct Sent {
    int64_t frame = 0;  ///< from the first block's first frame
    std::vector<uint8_t> bytes;
};

/// Drives the clock the way the device callback does: a block at a time, with the beat at its
/// first frame and the tempo.
class Blocks {
public:
    explicit Blocks(double rate = 48000.0) : m_rate(rate) { m_clock.prepare(rate); }
    /// `frames` more frames in blocks of `block`, from `beat` at `bpm` (rolling or not); returns
    /// the beat after them.
    double play(double beat, double bpm, int64_t frames, bool rolling = true, int block = 256)
    {
        for (int64_t done = 0; done < frames; done += block) {
            const int n = static_cast<int>(std::min<int64_t>(block, frames - done));
            MidiMessage out[MidiClockOut::kMaxMessages];
            const int count = m_clock.block(rolling, beat, bpm, n, out);
            for (int i = 0; i < count; ++i) {
                EXPECT_GE(out[i].offset, 0);
                EXPECT_LT(out[i].offset, n);
                sent.push_back({m_frame + out[i].offset, std::vector<uint8_t>(out[i].bytes, out[i].bytes + out[i].size)});
            }
            m_frame += n;
            if (rolling) {
                beat += n * bpm / 60.0 / m_rate;
            }
        }
        return beat;
    }
    [[nodiscard]] std::vector<int64_t> framesOf(uint8_t status) const
    {
        std::vector<int64_t> frames;
        for (const auto& message : sent) {
            if (message.bytes.at(0) == status) {
                frames.push_back(message.frame);
            }
        }
        return frames;
    }
    std::vector<Sent> sent;

private:
    MidiClockOut m_clock;
    double m_rate;
    int64_t m_frame = 0;
};

}  // namespace

TEST(MidiClockOut, TicksTwentyFourTimesABeatAtTheirExactFramesFromStart)
{
    Blocks blocks;
    blocks.play(0.0, 120.0, 48000 * 4);  // 4 s at 120 BPM: 8 beats
    ASSERT_FALSE(blocks.sent.empty());
    EXPECT_EQ(blocks.sent.front().bytes, std::vector<uint8_t>{0xFA}) << "Start first";
    EXPECT_EQ(blocks.sent.front().frame, 0);
    const auto ticks = blocks.framesOf(0xF8);
    ASSERT_EQ(ticks.size(), 8u * 24u);
    for (size_t k = 0; k < ticks.size(); ++k) {
        ASSERT_EQ(ticks[k], static_cast<int64_t>(k) * 1000) << "tick " << k << ": 48000 × 60 / 120 / 24 frames apart";
    }
}

TEST(MidiClockOut, ACountInIsNotCountedStartComesOnTheOne)
{
    Blocks blocks;
    blocks.play(-4.0, 120.0, 48000 * 3);  // a bar of count-in (2 s), then a second of the groove
    const auto starts = blocks.framesOf(0xFA);
    ASSERT_EQ(starts.size(), 1u);
    EXPECT_EQ(starts[0], 96000);
    const auto ticks = blocks.framesOf(0xF8);
    ASSERT_EQ(ticks.size(), 48u);
    EXPECT_EQ(ticks.front(), 96000);
}

TEST(MidiClockOut, ResumingMidBarSaysWhereOnTheNextSixteenthAndStopsWithTheEngine)
{
    Blocks blocks;
    double beat = blocks.play(0.0, 100.0, 48000);
    blocks.play(beat, 100.0, 4800, false);  // stopped: one Stop, then nothing
    ASSERT_EQ(blocks.framesOf(0xFC).size(), 1u);
    EXPECT_EQ(blocks.framesOf(0xFC)[0], 48000);
    const size_t beforeResume = blocks.sent.size();
    beat = 2.3;  // played on from another place (a pause elsewhere, a relocated transport)
    blocks.play(beat, 100.0, 48000);
    ASSERT_GT(blocks.sent.size(), beforeResume + 2);
    const Sent& position = blocks.sent[beforeResume];
    ASSERT_EQ(position.bytes.size(), 3u);
    EXPECT_EQ(position.bytes[0], 0xF2);
    EXPECT_EQ(position.bytes[1] | (position.bytes[2] << 7), 10) << "beat 2.3: on at the 10th sixteenth (beat 2.5)";
    const Sent& continued = blocks.sent[beforeResume + 1];
    EXPECT_EQ(continued.bytes, std::vector<uint8_t>{0xFB});
    const int64_t resumedAt = 48000 + 4800;
    EXPECT_EQ(continued.frame, resumedAt + std::llround(0.2 * 48000 * 60 / 100.0)) << "on beat 2.5";
    EXPECT_EQ(blocks.sent[beforeResume + 2].frame, continued.frame);
    EXPECT_EQ(blocks.sent[beforeResume + 2].bytes, std::vector<uint8_t>{0xF8}) << "its first tick with it";
}

TEST(MidiClockOut, ATempoChangeKeepsEveryTickAndAJumpIsAnnounced)
{
    Blocks blocks;
    double beat = blocks.play(0.0, 90.0, 48000 * 2);  // 3 beats
    beat = blocks.play(beat, 180.0, 48000 * 2 + 500);  // 6 more and three quarters of a tick
    EXPECT_NEAR(beat, 9.03125, 1e-9);
    EXPECT_EQ(blocks.framesOf(0xF8).size(), 9u * 24u + 1u) << "none lost or doubled at the change";
    EXPECT_TRUE(blocks.framesOf(0xFC).empty());
    // The beat jumps back (a DAW relocates to bar 1 beat 2): Stop, where, and Continue on the
    // next sixteenth at least 5 ms on (time for the receiver to find the place).
    blocks.play(1.0, 180.0, 48000);
    ASSERT_EQ(blocks.framesOf(0xFC).size(), 1u);
    ASSERT_EQ(blocks.framesOf(0xFB).size(), 1u);
    EXPECT_EQ(blocks.framesOf(0xFC)[0], 4 * 48000 + 500);
    EXPECT_EQ(blocks.framesOf(0xFB)[0], 4 * 48000 + 500 + 4000) << "beat 1.25: a sixteenth is 4000 frames at 180 BPM";
}

TEST(MidiClockOut, AClocksSmallCorrectionIsNoJump)
{
    // A followed clock nudges the beat by a few milliseconds: the ticks go on (the ones passed
    // skipped, early ones waiting), with no Stop and Continue for the receivers.
    Blocks blocks;
    double beat = blocks.play(0.0, 120.0, 48000);
    beat = blocks.play(beat + 0.05, 120.0, 48000);  // 25 ms ahead
    beat = blocks.play(beat - 0.08, 120.0, 48000);  // 40 ms back
    EXPECT_TRUE(blocks.framesOf(0xFC).empty());
    EXPECT_TRUE(blocks.framesOf(0xFB).empty());
    const auto ticks = blocks.framesOf(0xF8);
    EXPECT_NEAR(static_cast<double>(ticks.size()), (beat + 0.03) * 24.0, 2.0);
    for (size_t k = 1; k < ticks.size(); ++k) {
        EXPECT_GE(ticks[k], ticks[k - 1]) << "in order";
    }
}

TEST(MidiClockOut, ASongPositionBeyondFourteenBitsKeepsTheBarPhase)
{
    Blocks blocks;
    blocks.play(5000.2, 120.0, 4800);  // a Link session's beat 5000.2: on at sixteenth 20001
    ASSERT_FALSE(blocks.sent.empty());
    const Sent& position = blocks.sent.front();
    ASSERT_EQ(position.bytes[0], 0xF2);
    const int sixteenth = position.bytes[1] | (position.bytes[2] << 7);
    EXPECT_EQ(sixteenth, 20001 % 16384);
    EXPECT_EQ(sixteenth % 16, 20001 % 16) << "the same place in the bar";
}
