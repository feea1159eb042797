#include "audio/midi/MidiNotesOut.h"

#include <algorithm>

namespace bandmate::audio {

namespace {

void put(MidiMessage* out, int& count, int offset, uint8_t status, uint8_t key, uint8_t velocity)
{
    if (count >= MidiNotesOut::kMaxMessages) {
        return;
    }
    MidiMessage& message = out[count++];
    message.offset = offset;
    message.size = 3;
    message.bytes[0] = status;
    message.bytes[1] = key;
    message.bytes[2] = velocity;
}

}  // namespace

void MidiNotesOut::prepare(int channel)
{
    m_channel = channel >= 0 && channel < 16 ? channel : -1;
    m_frame = 0;
    m_heldCount = 0;
    m_sent = 0;
}

void MidiNotesOut::release(int index, int offset, MidiMessage* out, int& count) noexcept
{
    const Held held = m_held[static_cast<size_t>(index)];
    put(out, count, offset, static_cast<uint8_t>(midi::kNoteOff | held.channel), held.key, 0x40);
    m_held[static_cast<size_t>(index)] = m_held[static_cast<size_t>(--m_heldCount)];
}

void MidiNotesOut::releaseDue(int64_t until, int64_t blockStart, MidiMessage* out, int& count) noexcept
{
    // The held notes that end by `until`, the earliest first (a few at a time: a scan is cheap).
    for (;;) {
        int earliest = -1;
        for (int i = 0; i < m_heldCount; ++i) {
            if (m_held[static_cast<size_t>(i)].offFrame <= until
                && (earliest < 0 || m_held[static_cast<size_t>(i)].offFrame < m_held[static_cast<size_t>(earliest)].offFrame)) {
                earliest = i;
            }
        }
        if (earliest < 0) {
            return;
        }
        const int offset = static_cast<int>(std::max<int64_t>(0, m_held[static_cast<size_t>(earliest)].offFrame - blockStart));
        release(earliest, offset, out, count);
    }
}

int MidiNotesOut::block(bool rolling, const StartedNote* notes, int noteCount, int frames, MidiMessage* out) noexcept
{
    int count = 0;
    if (frames <= 0) {
        return 0;
    }
    const int64_t start = m_frame;
    m_frame += frames;
    if (!rolling) {
        // Stopped: nothing rings on in the receiving synth.
        releaseDue(INT64_MAX, start, out, count);
        for (int i = 0; i < count; ++i) {
            out[i].offset = 0;
        }
        return count;
    }
    for (int n = 0; n < noteCount; ++n) {
        const StartedNote& note = notes[n];
        if (note.silent) {
            continue;
        }
        const int offset = std::clamp(note.offset, 0, frames - 1);
        releaseDue(start + offset, start, out, count);
        const auto channel = static_cast<uint8_t>(m_channel >= 0 ? m_channel : note.midiChannel & 0x0F);
        const auto key = static_cast<uint8_t>(note.key & 0x7F);
        for (int i = 0; i < m_heldCount; ++i) {
            if (m_held[static_cast<size_t>(i)].channel == channel && m_held[static_cast<size_t>(i)].key == key) {
                release(i, offset, out, count);  // the same key again: it ends first
                break;
            }
        }
        if (m_heldCount == kMaxHeld) {
            // No room to wait: the note that would end first ends now.
            int earliest = 0;
            for (int i = 1; i < m_heldCount; ++i) {
                if (m_held[static_cast<size_t>(i)].offFrame < m_held[static_cast<size_t>(earliest)].offFrame) {
                    earliest = i;
                }
            }
            release(earliest, offset, out, count);
        }
        put(out, count, offset, static_cast<uint8_t>(midi::kNoteOn | channel), key, static_cast<uint8_t>(std::clamp<int>(note.velocity, 1, 127)));
        ++m_sent;
        m_held[static_cast<size_t>(m_heldCount++)] = Held{start + offset + std::max(1, note.lengthFrames), channel, key};
    }
    releaseDue(start + frames - 1, start, out, count);
    return count;
}

}  // namespace bandmate::audio
