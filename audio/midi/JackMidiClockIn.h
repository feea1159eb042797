#pragma once

#include "audio/device/ClockSource.h"
#include "audio/midi/MidiClockIn.h"
#include "core/util/Result.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace bandmate::audio {

/// The engine following a MIDI clock that comes through JACK (Linux): a JACK client of
/// Bandmate's own ("bandmate-clock-in") with one MIDI input ("in"), the clock read by MidiClockIn.
/// Needs the JACK audio driver: the engine's blocks and this client's cycles are JACK's same
/// cycles, and frames count the same.
///
/// Threads: JACK's process callback (this client's thread) stamps each clock message with its
/// JACK frame and pushes it onto a lock-free queue; beginBlock() (the device's audio thread)
/// takes them and asks where the music is at its block's frame. Whichever of the two JACK runs
/// first in a cycle, the fit places the beat from the ticks' frames, not from when they were read.
/// The control thread opens, connects and reads the status.
class JackMidiClockIn final : public ClockSource {
public:
    /// Connects to the running JACK server and makes the input; with `from` (a JACK MIDI output
    /// such as "a2j:MIDI clock [20] (capture)"), connects it. `where` names the option in errors.
    [[nodiscard]] static core::Result<std::unique_ptr<JackMidiClockIn>> open(const std::string& from, const std::string& where,
                                                                             double bpm);
    ~JackMidiClockIn() override;
    JackMidiClockIn(const JackMidiClockIn&) = delete;
    JackMidiClockIn& operator=(const JackMidiClockIn&) = delete;

    /// The input's full name ("bandmate-clock-in:in").
    [[nodiscard]] std::string portName() const;
    /// Whether the input is connected to `from` now, connecting it again when its app came back.
    /// The control thread.
    [[nodiscard]] bool keepConnected(const std::string& from);

    // --- ClockSource -------------------------------------------------------------------------
    void prepareNonRealTime(double sampleRate, int outputLatencyFrames) override;
    ClockPosition beginBlock(int frames) noexcept override;
    void endBlock(const Engine& engine, int frames) noexcept override;
    /// The tempo played until the clock's ticks tell theirs.
    void requestTempo(double bpm) override;
    /// The clock's sender starts and stops the song; this is whether to follow it here: stopped
    /// (Pause in the app), the groove stands still until Play, or until the sender starts its
    /// song again (a Start, or a Continue after its Stop).
    void requestPlaying(bool playing) override;

    // --- any thread --------------------------------------------------------------------------
    /// Ticks are coming (as of the last block).
    [[nodiscard]] bool receiving() const { return m_receiving.load(std::memory_order_relaxed); }
    /// The sender's song plays (Start or Continue heard, no Stop since): read from the input
    /// itself, so also while no device runs (the app joins a song that plays). Any thread.
    [[nodiscard]] bool senderPlaying() const;
    /// The clock's tempo, fitted to its ticks (0 before two came).
    [[nodiscard]] double tempo() const { return m_tempo.load(std::memory_order_relaxed); }
    [[nodiscard]] uint64_t ticks() const { return m_ticks.load(std::memory_order_relaxed); }
    /// Times the clock stopped coming while it played.
    [[nodiscard]] uint64_t losses() const { return m_losses.load(std::memory_order_relaxed); }
    /// Messages dropped because the queue was full (the device was not taking them).
    [[nodiscard]] uint64_t dropped() const { return m_dropped.load(std::memory_order_relaxed); }
    [[nodiscard]] bool serverGone() const { return m_gone.load(std::memory_order_relaxed); }

    /// JACK's callbacks (its threads).
    int processNonBlocking(uint32_t frames) noexcept;
    void markGone() noexcept { m_gone.store(true, std::memory_order_relaxed); }

private:
    explicit JackMidiClockIn(double bpm);
    [[nodiscard]] int64_t unwrap(uint32_t frame) noexcept;

    struct Impl;
    std::unique_ptr<Impl> m_impl;
    MidiClockIn m_clock;  ///< the audio thread only
    double m_preparedRate = 0.0;  ///< the device's stopped while this changes
    std::atomic<double> m_fallbackBpm;
    std::atomic<double> m_tempo{0.0};
    std::atomic<bool> m_receiving{false};
    std::atomic<uint64_t> m_ticks{0};
    std::atomic<uint64_t> m_losses{0};
    std::atomic<uint64_t> m_dropped{0};
    std::atomic<bool> m_gone{false};
    std::atomic<bool> m_hold{false};           ///< requestPlaying(false) until Play or a Start
    std::atomic<bool> m_senderStarted{false};  ///< JACK's thread: Start or Continue, no Stop since
    std::atomic<uint32_t> m_lastTickFrame{0};  ///< JACK's thread: the last tick's frame
};

}  // namespace bandmate::audio
