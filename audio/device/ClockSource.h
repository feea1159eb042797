#pragma once

#include "audio/engine/Engine.h"

namespace bandmate::audio {

/// An outside clock the live engine follows (Ableton Link, MIDI clock, JACK transport). The
/// device callback asks it where the music is before the engine renders each block, and tells
/// it afterwards where the engine played, so what it shares with others is what was heard.
class ClockSource {
public:
    virtual ~ClockSource() = default;
    /// Control thread, before the device starts: its rate and output latency (the time from a
    /// block's first frame being rendered to it being heard).
    virtual void prepareNonRealTime(double sampleRate, int outputLatencyFrames) = 0;
    /// Audio thread, once per device block of `frames`: the position at its first frame as
    /// heard. Real-time safe.
    virtual ClockPosition beginBlock(int frames) noexcept = 0;
    /// Audio thread, after the engine rendered the block. Real-time safe.
    virtual void endBlock(const Engine& engine, int frames) noexcept = 0;
    /// Any thread: the tempo this side sets (for everyone the clock is shared with), clamped to
    /// the machine's range.
    virtual void requestTempo(double bpm) = 0;
    /// Any thread: start or stop the shared transport.
    virtual void requestPlaying(bool playing) = 0;
};

}  // namespace bandmate::audio
