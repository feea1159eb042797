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

}  // namespace bandmate::audio
