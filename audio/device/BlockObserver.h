#pragma once

namespace bandmate::audio {

class Engine;

/// Something that goes along with what the live engine plays (MIDI clock out, live MIDI out):
/// the device callback tells it, after each block, what the engine played in it.
class BlockObserver {
public:
    virtual ~BlockObserver() = default;
    /// Control thread, before the device starts: its rate and output latency.
    virtual void prepareNonRealTime(double sampleRate, int outputLatencyFrames) = 0;
    /// Audio thread, after the engine rendered a block of `frames` (its status getters describe
    /// that block). Real-time safe.
    virtual void afterBlock(const Engine& engine, int frames) noexcept = 0;
};

}  // namespace bandmate::audio
