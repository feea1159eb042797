#pragma once

#include "audio/device/BlockObserver.h"
#include "audio/midi/MidiClockOut.h"
#include "core/util/Result.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace bandmate::audio {

/// MIDI out through a JACK client of Bandmate's own ("bandmate-midi", Linux): its "clock" port
/// sends MIDI clock (MidiClockOut) worked out from each block the engine played. Needs the JACK
/// audio driver: the engine's blocks and this client's cycles are then JACK's same cycles.
///
/// Timing: each message is stamped with JACK's frame time of the engine's block plus its offset,
/// and leaves exactly one period later (whichever of the two clients JACK runs first in a cycle,
/// the message is there in time): a synth driven by it sounds one period after the groove.
///
/// Threads: afterBlock() runs on the device's audio thread and only pushes onto a lock-free
/// queue; JACK's process callback (this client's thread) writes what is due into the port. The
/// control thread opens, connects and reads the counts.
class JackMidiOut final : public BlockObserver {
public:
    /// Connects to the running JACK server and makes the clock port; with `clockTo` (a JACK MIDI
    /// input such as "midi-monitor:input"), connects it there. `where` names the option in errors.
    [[nodiscard]] static core::Result<std::unique_ptr<JackMidiOut>> open(const std::string& clockTo,
                                                                         const std::string& where);
    ~JackMidiOut() override;
    JackMidiOut(const JackMidiOut&) = delete;
    JackMidiOut& operator=(const JackMidiOut&) = delete;

    /// The clock port's full name ("bandmate-midi:clock").
    [[nodiscard]] std::string clockPortName() const;

    // --- BlockObserver ---------------------------------------------------------------------
    void prepareNonRealTime(double sampleRate, int outputLatencyFrames) override;
    void afterBlock(const Engine& engine, int frames) noexcept override;

    // --- any thread --------------------------------------------------------------------------
    /// The clock stops (Stop goes out at the next block) whatever the engine does: quitting while
    /// an outside clock keeps the engine rolling. stopSent() says when it has gone into the queue.
    void requestStop() { m_stopRequested.store(true, std::memory_order_relaxed); }
    [[nodiscard]] bool stopSent() const { return m_stopSent.load(std::memory_order_acquire); }
    [[nodiscard]] uint64_t clockTicksSent() const { return m_ticks.load(std::memory_order_relaxed); }
    /// Messages written later than their frame (they came after their cycle; clock ticks more
    /// than a period late are dropped and counted here too): 0 when in time.
    [[nodiscard]] uint64_t late() const { return m_late.load(std::memory_order_relaxed); }
    /// Messages lost: the queue or JACK's port buffer was full.
    [[nodiscard]] uint64_t lost() const { return m_lost.load(std::memory_order_relaxed); }
    [[nodiscard]] bool serverGone() const { return m_gone.load(std::memory_order_relaxed); }

    /// JACK's callbacks (its threads).
    int processNonBlocking(uint32_t frames) noexcept;
    void markGone() noexcept { m_gone.store(true, std::memory_order_relaxed); }

private:
    JackMidiOut();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    MidiClockOut m_clock;  ///< the audio thread only
    std::atomic<uint64_t> m_ticks{0};
    std::atomic<uint64_t> m_late{0};
    std::atomic<uint64_t> m_lost{0};
    std::atomic<bool> m_gone{false};
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_stopSent{false};
};

}  // namespace bandmate::audio
