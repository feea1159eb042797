#include "audio/midi/MidiClockOut.h"

#include "audio/midi/MidiStatus.h"

#include <algorithm>
#include <cmath>

namespace bandmate::audio {

namespace {

using namespace midi;
constexpr double kTick = 1.0 / MidiClockOut::kTicksPerBeat;

void put(MidiMessage* out, int& count, int offset, uint8_t status, int data = -1)
{
    if (count >= MidiClockOut::kMaxMessages) {
        return;
    }
    MidiMessage& message = out[count++];
    message.offset = offset;
    message.bytes[0] = status;
    message.size = 1;
    if (data >= 0) {  // the Song Position Pointer's 14 bits, least significant 7 first
        message.bytes[1] = static_cast<uint8_t>(data & 0x7F);
        message.bytes[2] = static_cast<uint8_t>((data >> 7) & 0x7F);
        message.size = 3;
    }
}

}  // namespace

void MidiClockOut::prepare(double sampleRate)
{
    m_sampleRate = sampleRate > 0.0 ? sampleRate : 48000.0;
    m_running = false;
    m_nextTick = 0;
    m_continueTick = -1;
}

int MidiClockOut::block(bool rolling, double beat, double bpm, int frames, MidiMessage* out) noexcept
{
    int count = 0;
    if (frames <= 0 || !std::isfinite(beat) || !std::isfinite(bpm) || bpm <= 0.0 || std::abs(beat) > 1e9) {
        return 0;
    }
    if (!rolling) {
        if (m_running) {
            put(out, count, 0, kStop);
            m_running = false;
            m_continueTick = -1;
        }
        return count;
    }
    const double framesPerBeat = m_sampleRate * 60.0 / bpm;
    const double end = beat + frames / framesPerBeat;
    if (m_running) {
        // Where the next tick was due against where the engine is. More than a sixteenth off
        // (two while a Continue waits for its sixteenth) is a jump — a relocation, a Link
        // session realigned: the receivers are stopped and told the new place. Less is a clock's
        // correction: ticks the beat has passed are skipped, and ahead ones wait for it.
        const double due = static_cast<double>(m_nextTick) * kTick;
        const double sixteenth = 0.25;
        const double ahead = m_continueTick >= 0 ? 2.0 * sixteenth : sixteenth;
        if (due < beat - sixteenth || due > beat + ahead) {
            put(out, count, 0, kStop);
            m_running = false;
            m_continueTick = -1;
        } else if (due < beat - 0.5 * kTick && m_continueTick < 0) {
            m_nextTick = static_cast<int64_t>(std::ceil(beat * kTicksPerBeat - 0.5));
        }
    }
    if (end <= 0.0) {
        return count;  // the count-in, or waiting for a Link session's bar line
    }
    if (!m_running) {
        relocate(beat, framesPerBeat, frames, out, count);
        if (!m_running) {
            return count;
        }
    }
    while (count < kMaxMessages - 1) {
        // The tick's frame, rounded, decides the block it falls in (not its beat against the
        // block's end, which rounding may put a hair either side of a frame boundary).
        const long long frame = std::llround((static_cast<double>(m_nextTick) * kTick - beat) * framesPerBeat);
        if (frame >= frames) {
            break;
        }
        const int offset = static_cast<int>(std::max(frame, 0LL));
        if (m_nextTick == m_continueTick) {
            put(out, count, offset, kContinue);
            m_continueTick = -1;
        }
        put(out, count, offset, kClock);
        ++m_nextTick;
    }
    return count;
}

void MidiClockOut::relocate(double beat, double framesPerBeat, int frames, MidiMessage* out, int& count) noexcept
{
    m_running = true;
    if (beat < 0.5 * kTick) {
        // From the top: Start where beat 0 is, with the first tick.
        const long long at = std::llround(-beat * framesPerBeat);
        if (at >= frames) {
            m_running = false;  // beat 0 is a hair beyond this block: the next one starts
            return;
        }
        put(out, count, static_cast<int>(std::max(at, 0LL)), kStart);
        m_nextTick = 0;
        m_continueTick = -1;
        return;
    }
    // From elsewhere: where (in sixteenths) it goes on, then Continue on that sixteenth — one at
    // least 5 ms on, so a receiver has time to find the place before it plays from there.
    const double locate = 0.005 * framesPerBeat > 0.0 ? m_sampleRate * 0.005 / framesPerBeat : 0.0;
    const auto sixteenth = static_cast<int64_t>(std::ceil((beat + locate) * 4.0 - 1e-9));
    put(out, count, 0, kSongPosition, static_cast<int>(sixteenth % kSongPositionWrap));
    m_nextTick = sixteenth * (kTicksPerBeat / 4);
    m_continueTick = m_nextTick;
}

}  // namespace bandmate::audio
