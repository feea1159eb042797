#include "audio/engine/SongJump.h"

#include "audio/engine/Engine.h"
#include "core/beats/NoteStream.h"

#include <algorithm>

namespace bandmate::audio {

bool queueSongJump(Engine& engine, const core::beats::SongLayout& song, SongJump jump, bool clave)
{
    const int count = static_cast<int>(song.entries.size());
    if (count == 0) {
        return false;
    }
    const int playing = std::max(0, song.entryAt(static_cast<int>(engine.songStep())));
    if (jump == SongJump::Break) {
        const int step = song.entries[static_cast<size_t>(playing)].liveBreakStep;
        if (step < 0) {
            return false;
        }
        engine.queueJump(step, song.barSteps);
        return true;
    }
    // Pressed twice before the bar line: on from the section already queued.
    const int queuedStep = engine.queuedJump();
    const int queued = queuedStep >= 0 && queuedStep < song.songSteps ? song.entryAt(queuedStep) : -1;
    const int from = queued >= 0 ? queued : playing;
    const int to = (from + (jump == SongJump::Next ? 1 : count - 1)) % count;
    engine.queueJump(song.entries[static_cast<size_t>(to)].startStep, song.barSteps * (clave ? 2 : 1));
    return true;
}

std::optional<SongJump> PedalNotes::press(int key, std::int64_t nowMs)
{
    const int pitchClass = key % 12;
    if (pitchClass != 0 && pitchClass != 2 && pitchClass != 4) {
        return std::nullopt;
    }
    if (key == m_lastKey && nowMs >= m_lastMs && nowMs - m_lastMs < 100) {
        return std::nullopt;  // the same switch bouncing
    }
    m_lastKey = key;
    m_lastMs = nowMs;
    return pitchClass == 0 ? SongJump::Next : pitchClass == 2 ? SongJump::Break : SongJump::Previous;
}

}  // namespace bandmate::audio
