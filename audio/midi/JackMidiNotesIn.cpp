#include "audio/midi/JackMidiNotesIn.h"

#include "audio/engine/SpscQueue.h"
#include "audio/midi/JackMidiClient.h"

#include <jack/jack.h>
#include <jack/midiport.h>

#include <atomic>

namespace bandmate::audio {

namespace {

int process(jack_nframes_t frames, void* self) noexcept
{
    return static_cast<JackMidiNotesIn*>(self)->processNonBlocking(frames);
}

void serverShutdown(jack_status_t /*code*/, const char* /*reason*/, void* self) noexcept
{
    static_cast<JackMidiNotesIn*>(self)->markGone();
}

}  // namespace

static_assert(std::atomic<uint64_t>::is_always_lock_free, "JACK's thread counts drops without a lock");

struct JackMidiNotesIn::Impl {
    JackMidiClient jack;
    /// "in": set once the client is active (its callback may run before: it then reads nothing).
    std::atomic<jack_port_t*> port{nullptr};
    SpscQueue<NoteOn, 256> queue;  ///< JACK's process thread → the control thread
};

JackMidiNotesIn::JackMidiNotesIn() : m_impl(std::make_unique<Impl>()) {}

JackMidiNotesIn::~JackMidiNotesIn()
{
    m_impl->jack.close(serverGone());
}

core::Result<std::unique_ptr<JackMidiNotesIn>> JackMidiNotesIn::open(const std::string& from, const std::string& where)
{
    std::unique_ptr<JackMidiNotesIn> in(new JackMidiNotesIn());
    Impl& d = *in->m_impl;
    auto port = d.jack.openInput("bandmate-notes-in", "MIDI notes in", from, where, process, serverShutdown, in.get());
    if (!port) {
        return std::unexpected(port.error());
    }
    d.port.store(*port, std::memory_order_release);
    return in;
}

std::string JackMidiNotesIn::portName() const
{
    return jack_port_name(m_impl->port.load(std::memory_order_acquire));
}

bool JackMidiNotesIn::keepConnected(const std::string& from)
{
    return !serverGone() && m_impl->jack.ensureConnected(m_impl->port.load(std::memory_order_acquire), false, from);
}

std::optional<JackMidiNotesIn::NoteOn> JackMidiNotesIn::take()
{
    return m_impl->queue.pop();
}

int JackMidiNotesIn::processNonBlocking(uint32_t frames) noexcept
{
    Impl& d = *m_impl;
    jack_port_t* const port = d.port.load(std::memory_order_acquire);
    if (port == nullptr) {
        return 0;  // activated a moment before open() had its port
    }
    void* buffer = jack_port_get_buffer(port, frames);
    const uint32_t count = jack_midi_get_event_count(buffer);
    for (uint32_t i = 0; i < count; ++i) {
        jack_midi_event_t event{};
        if (jack_midi_event_get(&event, buffer, i) != 0 || event.size < 3 || event.buffer == nullptr) {
            continue;
        }
        // A Note On of velocity 0 is a Note Off (running status writes them so).
        if ((event.buffer[0] & 0xF0) != 0x90 || event.buffer[2] == 0) {
            continue;
        }
        const NoteOn note{event.buffer[0] & 0x0F, event.buffer[1] & 0x7F, event.buffer[2] & 0x7F};
        if (!d.queue.push(note)) {
            m_dropped.fetch_add(1, std::memory_order_relaxed);
        }
    }
    return 0;
}

}  // namespace bandmate::audio
