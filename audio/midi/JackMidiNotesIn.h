#pragma once

#include "core/util/Result.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace bandmate::audio {

/// Notes played on a MIDI controller (a foot switch, a pad), heard through JACK (Linux): a JACK
/// client of Bandmate's own ("bandmate-notes-in") with one MIDI input ("in"). Only Note On
/// messages (velocity above 0) are kept, for the live commands of an arrangement that plays.
///
/// Threads: JACK's process callback (this client's thread) pushes each Note On onto a lock-free
/// queue; the control thread opens, connects and takes them (take()).
class JackMidiNotesIn {
public:
    struct NoteOn {
        int channel = 0;  ///< 0-15
        int key = 0;      ///< 0-127
        int velocity = 0;
    };
    /// Connects to the running JACK server and makes the input; with `from` (a JACK MIDI output
    /// such as "a2j:FCB1010 [24] (capture): FCB1010 MIDI 1"), connects it. `where` names the option
    /// in errors.
    [[nodiscard]] static core::Result<std::unique_ptr<JackMidiNotesIn>> open(const std::string& from, const std::string& where);
    ~JackMidiNotesIn();
    JackMidiNotesIn(const JackMidiNotesIn&) = delete;
    JackMidiNotesIn& operator=(const JackMidiNotesIn&) = delete;
    /// The input's full name ("bandmate-notes-in:in").
    [[nodiscard]] std::string portName() const;
    /// Whether the input is connected to `from` now, connecting it again when its app (or the
    /// pedal's USB) came back. The control thread.
    [[nodiscard]] bool keepConnected(const std::string& from);
    /// The next Note On heard, oldest first. The control thread.
    [[nodiscard]] std::optional<NoteOn> take();
    /// Note Ons dropped because nobody took them (the queue was full).
    [[nodiscard]] uint64_t dropped() const { return m_dropped.load(std::memory_order_relaxed); }
    [[nodiscard]] bool serverGone() const { return m_gone.load(std::memory_order_relaxed); }
    /// JACK's callbacks (its threads).
    int processNonBlocking(uint32_t frames) noexcept;
    void markGone() noexcept { m_gone.store(true, std::memory_order_relaxed); }

private:
    JackMidiNotesIn();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::atomic<uint64_t> m_dropped{0};
    std::atomic<bool> m_gone{false};
};

}  // namespace bandmate::audio
