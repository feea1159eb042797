#pragma once

#include "audio/device/BlockObserver.h"
#include "audio/midi/MidiClockOut.h"
#include "audio/midi/MidiNotesOut.h"
#include "core/util/Result.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace bandmate::audio {

/// MIDI out through a JACK client of Bandmate's own ("bandmate-midi", Linux), worked out from
/// each block the engine played: its "clock" port sends MIDI clock (MidiClockOut), its "notes"
/// port the groove's notes (MidiNotesOut). Needs the JACK audio driver: the engine's blocks and
/// this client's cycles are then JACK's same cycles.
///
/// Timing: each message is stamped with JACK's frame time of the engine's block plus its offset,
/// and leaves exactly one period later (whichever of the two clients JACK runs first in a cycle,
/// the message is there in time): a synth driven by it sounds one period after the groove.
///
/// Threads: afterBlock() runs on the device's audio thread and only pushes onto a lock-free
/// queue; JACK's process callback (this client's thread) writes what is due into the ports. The
/// control thread opens, connects and reads the counts.
class JackMidiOut final : public BlockObserver {
public:
    struct Options {
        bool clock = false;    ///< make the "clock" port
        std::string clockTo;   ///< a JACK MIDI input to connect it to ("midi-monitor:input"), if any
        std::string clockWhere = "--midi-clock-out";  ///< the option, in errors
        bool notes = false;    ///< make the "notes" port
        std::string notesTo;
        std::string notesWhere = "--midi-out";
        int notesChannel = -1;  ///< 0-15: every note on it; -1: each instrument's General MIDI channel
    };
    /// Connects to the running JACK server, makes the ports asked for and connects them.
    [[nodiscard]] static core::Result<std::unique_ptr<JackMidiOut>> open(const Options& options);
    /// The clock port only, connected to `clockTo` (errors name `where`).
    [[nodiscard]] static core::Result<std::unique_ptr<JackMidiOut>> open(const std::string& clockTo, const std::string& where);
    ~JackMidiOut() override;
    JackMidiOut(const JackMidiOut&) = delete;
    JackMidiOut& operator=(const JackMidiOut&) = delete;

    /// Whether every port made is connected to where it goes (the ones given when opening),
    /// connecting them again when their app came back. The control thread.
    [[nodiscard]] bool keepConnected();
    /// The ports' full names ("bandmate-midi:clock", "bandmate-midi:notes"); empty when not made.
    [[nodiscard]] std::string clockPortName() const;
    [[nodiscard]] std::string notesPortName() const;

    // --- BlockObserver ---------------------------------------------------------------------
    void prepareNonRealTime(double sampleRate, int outputLatencyFrames) override;
    void afterBlock(const Engine& engine, int frames) noexcept override;

    // --- any thread --------------------------------------------------------------------------
    /// The clock stops (Stop goes out at the next block, and every note still held ends)
    /// whatever the engine does: quitting while an outside clock keeps the engine rolling.
    /// stopSent() says when it has gone into the queue.
    /// requestStop(false) lets it go on again (the device restarted).
    void requestStop(bool stop = true)
    {
        if (!stop) {
            m_stopSent.store(false, std::memory_order_relaxed);
        }
        m_stopRequested.store(stop, std::memory_order_relaxed);
    }
    [[nodiscard]] bool stopSent() const { return m_stopSent.load(std::memory_order_acquire); }
    /// Once the device has stopped (its callback no longer runs), and no block took a requested
    /// stop up: the Stop and every held note's Note Off are worked out here and queued. The
    /// control thread.
    void stopAfterDevice();
    /// Everything queued has gone to JACK and the cycles it went out in are over, so every
    /// receiver has read it (before closing: nothing left unsent, nor unread by the receiver the
    /// closing disconnects).
    [[nodiscard]] bool drained() const;
    /// How long waiting for drained() may take: a Stop stamped a period ahead, written a cycle
    /// later and two more cycles, with room to spare; longer with long periods.
    [[nodiscard]] int drainTimeoutMs() const;
    /// Clock ticks written into the port (a tick dropped for coming a period late is not).
    [[nodiscard]] uint64_t clockTicksSent() const { return m_ticks.load(std::memory_order_relaxed); }
    [[nodiscard]] uint64_t notesSent() const { return m_notesSent.load(std::memory_order_relaxed); }
    /// Per port: messages written later than their frame (they came after their cycle; clock
    /// ticks more than a period late are dropped and counted here too), 0 when in time; and
    /// messages lost (the queue or JACK's port buffer was full; for notes also a block that
    /// started more of them than the engine keeps for one).
    struct Counts {
        uint64_t late = 0;
        uint64_t lost = 0;
    };
    [[nodiscard]] Counts clockCounts() const { return counts(0); }
    [[nodiscard]] Counts notesCounts() const { return counts(1); }
    /// Both ports'.
    [[nodiscard]] uint64_t late() const { return clockCounts().late + notesCounts().late; }
    [[nodiscard]] uint64_t lost() const { return clockCounts().lost + notesCounts().lost; }
    [[nodiscard]] bool serverGone() const { return m_gone.load(std::memory_order_relaxed); }

    /// JACK's callbacks (its threads).
    int processNonBlocking(uint32_t frames) noexcept;
    void markGone() noexcept { m_gone.store(true, std::memory_order_relaxed); }

private:
    JackMidiOut();
    /// The block's clock and note messages (in Impl's scratch) onto the queue, stamped.
    void queueBlock(uint32_t start, int frames, int clockCount, int noteCount) noexcept;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    MidiClockOut m_clock;  ///< the audio thread only
    MidiNotesOut m_notes;  ///< the audio thread only
    double m_preparedRate = 0.0;  ///< the device's stopped while this changes
    std::atomic<uint64_t> m_ticks{0};
    std::atomic<uint64_t> m_notesSent{0};
    [[nodiscard]] Counts counts(size_t port) const
    {
        return {m_late[port].load(std::memory_order_relaxed), m_lost[port].load(std::memory_order_relaxed)};
    }
    std::atomic<uint64_t> m_late[2] = {0, 0};  ///< clock, notes
    std::atomic<uint64_t> m_lost[2] = {0, 0};
    std::atomic<bool> m_gone{false};
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_stopSent{false};
    std::atomic<uint64_t> m_pushed{0};  ///< messages queued (the producer's count)
    std::atomic<uint64_t> m_done{0};    ///< messages JACK's thread has handled (written, or dropped)
    std::atomic<uint64_t> m_cycles{0};  ///< JACK's process callbacks finished
    std::atomic<uint64_t> m_lastWriteCycle{0};  ///< the callback that handled the latest message
};

}  // namespace bandmate::audio
