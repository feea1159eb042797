// Live MIDI notes from the notes the engine started in each block: a Note On on each note's
// frame, a Note Off when it ends (or before its key sounds again, or when the groove stops),
// every message in order, the notes of a muted instrument left out, one channel for all if asked.
#include "audio/midi/MidiNotesOut.h"

#include <gtest/gtest.h>

#include <map>
#include <vector>

using namespace bandmate::audio;

namespace {

struct Sent {
    int64_t frame = 0;
    uint8_t status = 0;
    uint8_t key = 0;
    uint8_t velocity = 0;
};

StartedNote note(int offset, uint8_t key, int length, uint8_t channel = 9, bool silent = false)
{
    StartedNote n;
    n.offset = offset;
    n.key = key;
    n.lengthFrames = length;
    n.midiChannel = channel;
    n.velocity = 100;
    n.silent = silent;
    return n;
}

class Blocks {
public:
    explicit Blocks(int channel = -1) { m_out.prepare(channel); }
    void play(std::vector<StartedNote> notes, int frames = 256, bool rolling = true)
    {
        std::vector<MidiMessage> out(MidiNotesOut::kMaxMessages);
        const int count = m_out.block(rolling, notes.data(), static_cast<int>(notes.size()), frames, out.data());
        int last = 0;
        for (int i = 0; i < count; ++i) {
            EXPECT_GE(out[i].offset, last) << "in order";
            EXPECT_LT(out[i].offset, frames);
            EXPECT_EQ(out[i].size, 3);
            last = out[i].offset;
            sent.push_back({m_frame + out[i].offset, out[i].bytes[0], out[i].bytes[1], out[i].bytes[2]});
        }
        m_frame += frames;
    }
    /// Keys sounding after everything sent (On without its Off), by (status channel, key).
    [[nodiscard]] int sounding() const
    {
        std::map<std::pair<int, int>, int> held;
        for (const Sent& s : sent) {
            held[{s.status & 0x0F, s.key}] += (s.status & 0xF0) == 0x90 ? 1 : -1;
            EXPECT_GE((held[{s.status & 0x0F, s.key}]), 0) << "an Off without its On";
            EXPECT_LE((held[{s.status & 0x0F, s.key}]), 1) << "a key on twice";
        }
        int count = 0;
        for (const auto& [key, n] : held) {
            count += n;
        }
        return count;
    }
    std::vector<Sent> sent;
    MidiNotesOut m_out;

private:
    int64_t m_frame = 0;
};

}  // namespace

TEST(MidiNotesOut, EachNoteGoesOnItsFrameAndEndsAfterItsLengthAcrossBlocks)
{
    Blocks blocks;
    blocks.play({note(10, 75, 100), note(200, 62, 300, 9), note(200, 40, 600, 0)});
    blocks.play({});
    blocks.play({});
    blocks.play({});
    ASSERT_EQ(blocks.sent.size(), 6u);
    const std::vector<std::tuple<int64_t, int, int>> expected{
        {10, 0x99, 75}, {110, 0x89, 75}, {200, 0x99, 62}, {200, 0x90, 40}, {500, 0x89, 62}, {800, 0x80, 40}};
    for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(blocks.sent[i].frame, std::get<0>(expected[i])) << i;
        EXPECT_EQ(blocks.sent[i].status, std::get<1>(expected[i])) << i;
        EXPECT_EQ(blocks.sent[i].key, std::get<2>(expected[i])) << i;
    }
    EXPECT_EQ(blocks.sent[0].velocity, 100);
    EXPECT_EQ(blocks.sounding(), 0);
    EXPECT_EQ(blocks.m_out.notesSent(), 3u);
}

TEST(MidiNotesOut, AKeyStruckAgainEndsFirstAndAStopEndsEveryNoteStillHeld)
{
    Blocks blocks;
    blocks.play({note(0, 40, 1000, 0), note(100, 40, 1000, 0), note(120, 43, 5000, 0)});
    ASSERT_EQ(blocks.sent.size(), 4u);
    EXPECT_EQ(blocks.sent[1].frame, 100);
    EXPECT_EQ(blocks.sent[1].status, 0x80) << "the first 40 ends where the second begins";
    EXPECT_EQ(blocks.sent[2].status, 0x90);
    EXPECT_EQ(blocks.sounding(), 2);
    blocks.play({}, 256, false);  // stopped
    EXPECT_EQ(blocks.sounding(), 0);
    EXPECT_EQ(blocks.sent.back().frame, 256) << "at once, at the stop's block";
    blocks.play({}, 256, false);
    EXPECT_EQ(blocks.sent.size(), 6u) << "nothing more while stopped";
}

TEST(MidiNotesOut, OneChannelForAllWhenAskedAndAMutedInstrumentSendsNothing)
{
    Blocks blocks(3);
    blocks.play({note(5, 75, 10, 9), note(6, 40, 10, 0), note(7, 62, 10, 9, true)});
    ASSERT_EQ(blocks.sent.size(), 4u);
    for (const Sent& s : blocks.sent) {
        EXPECT_EQ(s.status & 0x0F, 3);
        EXPECT_NE(s.key, 62) << "muted";
    }
    EXPECT_EQ(blocks.sounding(), 0);
}

TEST(MidiNotesOut, MoreNotesHeldThanThereIsRoomForEndTheEarliestAndNoneIsLeftHanging)
{
    Blocks blocks;
    for (int round = 0; round < 3; ++round) {
        std::vector<StartedNote> notes;
        for (int i = 0; i < 128; ++i) {
            notes.push_back(note(i, static_cast<uint8_t>(i), 100'000 + i, static_cast<uint8_t>(round)));
        }
        blocks.play(notes);
    }
    EXPECT_EQ(blocks.m_out.notesSent(), 384u);
    EXPECT_EQ(blocks.sounding(), MidiNotesOut::kMaxHeld);
    blocks.play({}, 256, false);
    EXPECT_EQ(blocks.sounding(), 0);
}
