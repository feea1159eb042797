#include "audio/midi/JackMidiOut.h"

#include "audio/engine/Engine.h"
#include "audio/engine/SpscQueue.h"
#include "audio/midi/JackMidiClient.h"

#include <jack/jack.h>
#include <jack/midiport.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <tuple>

namespace bandmate::audio {

namespace {

enum Port : uint8_t { kClockPort, kNotesPort, kPorts };
constexpr int kRetries = 4;

/// A message on its way from the engine's block to this client's cycle.
struct Stamped {
    jack_nframes_t frame = 0;  ///< JACK frame time it leaves at
    uint8_t port = kClockPort;
    uint8_t size = 0;
    uint8_t bytes[3] = {0, 0, 0};
};

int process(jack_nframes_t frames, void* self) noexcept
{
    return static_cast<JackMidiOut*>(self)->processNonBlocking(frames);
}

void serverShutdown(jack_status_t /*code*/, const char* /*reason*/, void* self) noexcept
{
    static_cast<JackMidiOut*>(self)->markGone();
}

}  // namespace

struct JackMidiOut::Impl {
    JackMidiClient jack;
    std::array<jack_port_t*, kPorts> ports{};  ///< clock, notes (null when not made)
    std::array<std::string, kPorts> targets;   ///< where each goes (empty: not connected by us)
    int notesChannel = -1;
    SpscQueue<Stamped, 4096> queue;     ///< audio thread → JACK's process thread
    std::optional<Stamped> held;        ///< popped, not due yet (process thread only)
    int retries = 0;                    ///< cycles `held` found the port's buffer full
    bool retrying = false;
    // The audio thread's scratch: a block's clock and note messages.
    MidiMessage clock[MidiClockOut::kMaxMessages];
    MidiMessage notes[MidiNotesOut::kMaxMessages];
    jack_nframes_t lastStamp = 0;       ///< the audio thread's: stamps never go back
    bool stamped = false;
    uint64_t notesDropped = 0;          ///< the engine's, counted into lost() so far
};

JackMidiOut::JackMidiOut() : m_impl(std::make_unique<Impl>()) {}

JackMidiOut::~JackMidiOut()
{
    m_impl->jack.close(serverGone());
}

core::Result<std::unique_ptr<JackMidiOut>> JackMidiOut::open(const std::string& clockTo, const std::string& where)
{
    Options options;
    options.clock = true;
    options.clockTo = clockTo;
    options.clockWhere = where;
    return open(options);
}

core::Result<std::unique_ptr<JackMidiOut>> JackMidiOut::open(const Options& options)
{
    std::unique_ptr<JackMidiOut> out(new JackMidiOut());
    Impl& d = *out->m_impl;
    d.notesChannel = options.notesChannel;
    const std::string& where = options.clock ? options.clockWhere : options.notesWhere;
    if (auto opened = d.jack.open("bandmate-midi", "MIDI out", where, process, serverShutdown, out.get()); !opened) {
        return std::unexpected(opened.error());
    }
    for (const auto& [index, wanted, name, portWhere] :
         {std::tuple{kClockPort, options.clock, "clock", &options.clockWhere}, std::tuple{kNotesPort, options.notes, "notes", &options.notesWhere}}) {
        if (!wanted) {
            continue;
        }
        auto port = d.jack.addPort(name, true, *portWhere);
        if (!port) {
            return std::unexpected(port.error());
        }
        d.ports[index] = *port;
    }
    if (auto active = d.jack.activate(where); !active) {
        return std::unexpected(active.error());
    }
    for (const auto& [index, to, portWhere] :
         {std::tuple{kClockPort, &options.clockTo, &options.clockWhere}, std::tuple{kNotesPort, &options.notesTo, &options.notesWhere}}) {
        d.targets[index] = *to;
        if (d.ports[index] != nullptr && !to->empty()) {
            if (auto connected = d.jack.connect(d.ports[index], true, *to, *portWhere); !connected) {
                return std::unexpected(connected.error());
            }
        }
    }
    return out;
}

bool JackMidiOut::keepConnected()
{
    bool all = !serverGone();
    for (size_t p = 0; p < kPorts && all; ++p) {
        if (m_impl->ports[p] != nullptr && !m_impl->targets[p].empty()) {
            all = m_impl->jack.ensureConnected(m_impl->ports[p], true, m_impl->targets[p]);
        }
    }
    return all;
}

std::string JackMidiOut::clockPortName() const
{
    return m_impl->ports[kClockPort] != nullptr ? jack_port_name(m_impl->ports[kClockPort]) : std::string();
}

std::string JackMidiOut::notesPortName() const
{
    return m_impl->ports[kNotesPort] != nullptr ? jack_port_name(m_impl->ports[kNotesPort]) : std::string();
}

void JackMidiOut::prepareNonRealTime(double sampleRate, int /*outputLatencyFrames*/)
{
    // The device restarting (another clock chosen, the device lent and back) is no new song: the
    // notes still held end on time, and the clock's receivers are told where it goes on. Only a
    // new rate starts afresh.
    if (sampleRate != m_preparedRate) {
        m_clock.prepare(sampleRate);
        m_notes.prepare(m_impl->notesChannel);
        m_preparedRate = sampleRate;
    }
}

void JackMidiOut::afterBlock(const Engine& engine, int frames) noexcept
{
    if (serverGone()) {
        return;
    }
    Impl& d = *m_impl;
    // The engine's block is this JACK cycle (the JACK driver): its first frame is the cycle's.
    const jack_nframes_t start = jack_last_frame_time(d.jack.client);
    const bool stopping = m_stopRequested.load(std::memory_order_relaxed);
    const bool rolling = engine.isPlaying() && !stopping;
    const int clockCount = d.ports[kClockPort] != nullptr
                               ? m_clock.block(rolling, engine.playheadBeat(), engine.tempo(), frames, d.clock)
                               : 0;
    int noteCount = 0;
    if (d.ports[kNotesPort] != nullptr) {
        noteCount = m_notes.block(rolling, engine.blockNotes(), engine.blockNoteCount(), frames, d.notes);
        m_notesSent.store(m_notes.notesSent(), std::memory_order_relaxed);
        if (const uint64_t dropped = engine.blockNotesDropped(); dropped != d.notesDropped) {
            m_lost[kNotesPort].fetch_add(dropped - d.notesDropped, std::memory_order_relaxed);
            d.notesDropped = dropped;
        }
    }
    queueBlock(start, frames, clockCount, noteCount);
    if (stopping) {
        m_stopSent.store(true, std::memory_order_release);
    }
}

void JackMidiOut::queueBlock(uint32_t start, int frames, int clockCount, int noteCount) noexcept
{
    Impl& d = *m_impl;
    // Both in one queue in frame order (each list is in order already): a merge.
    int c = 0;
    int n = 0;
    while (c < clockCount || n < noteCount) {
        const bool fromClock = n >= noteCount || (c < clockCount && d.clock[c].offset <= d.notes[n].offset);
        const MidiMessage& message = fromClock ? d.clock[c++] : d.notes[n++];
        Stamped stamped;
        stamped.port = fromClock ? kClockPort : kNotesPort;
        stamped.frame = start + static_cast<jack_nframes_t>(message.offset) + static_cast<jack_nframes_t>(frames);
        // An overrun block may read the next cycle's frame: never before a message already sent
        // (JACK refuses an event earlier than the one before it).
        if (d.stamped && static_cast<int32_t>(stamped.frame - d.lastStamp) < 0) {
            stamped.frame = d.lastStamp;
        }
        d.lastStamp = stamped.frame;
        d.stamped = true;
        stamped.size = message.size;
        std::copy_n(message.bytes, 3, stamped.bytes);
        if (!d.queue.push(stamped)) {
            m_lost[stamped.port].fetch_add(1, std::memory_order_relaxed);
            continue;
        }
        m_pushed.fetch_add(1, std::memory_order_release);
    }
}

void JackMidiOut::stopAfterDevice()
{
    if (serverGone() || stopSent()) {
        return;
    }
    // No block took the stop up before the device stopped (a loaded machine, a stalled driver):
    // the audio thread no longer runs, so this thread works out the Stop and every held note's
    // Note Off itself, to leave now.
    Impl& d = *m_impl;
    const int clockCount = d.ports[kClockPort] != nullptr ? m_clock.block(false, 0.0, 120.0, 1, d.clock) : 0;
    const int noteCount = d.ports[kNotesPort] != nullptr ? m_notes.block(false, nullptr, 0, 1, d.notes) : 0;
    queueBlock(jack_frame_time(d.jack.client), 1, clockCount, noteCount);
    m_stopSent.store(true, std::memory_order_release);
}

bool JackMidiOut::drained() const
{
    if (serverGone()) {
        return true;
    }
    // m_done first: its acquire makes the cycle of the last message it counts visible.
    if (m_done.load(std::memory_order_acquire) != m_pushed.load(std::memory_order_acquire)) {
        return false;
    }
    // Written is not yet read: the receiver reads our port's buffer later in that cycle (or, a
    // late cycle, in the next), and closing disconnects it. Two more of our callbacks finished:
    // that cycle is over.
    return m_cycles.load(std::memory_order_acquire) >= m_lastWriteCycle.load(std::memory_order_relaxed) + 2;
}

int JackMidiOut::drainTimeoutMs() const
{
    if (serverGone()) {
        return 0;
    }
    const double rate = std::max<double>(1.0, jack_get_sample_rate(m_impl->jack.client));
    const double period = static_cast<double>(jack_get_buffer_size(m_impl->jack.client)) / rate;
    return 200 + static_cast<int>(std::ceil(6.0 * period * 1000.0));
}

int JackMidiOut::processNonBlocking(uint32_t frames) noexcept
{
    Impl& d = *m_impl;
    std::array<void*, kPorts> buffers{};
    for (size_t p = 0; p < kPorts; ++p) {
        if (d.ports[p] != nullptr) {
            buffers[p] = jack_port_get_buffer(d.ports[p], frames);
            jack_midi_clear_buffer(buffers[p]);
        }
    }
    const jack_nframes_t start = jack_last_frame_time(d.jack.client);
    const auto period = static_cast<int32_t>(frames);
    const uint64_t cycle = m_cycles.load(std::memory_order_relaxed) + 1;
    jack_nframes_t lastOffset = 0;
    for (;;) {
        if (!d.held) {
            d.held = d.queue.pop();
            if (!d.held) {
                break;
            }
        }
        // Frame times wrap (every 25 hours at 48 kHz): the difference, signed, is what counts.
        const auto due = static_cast<int32_t>(d.held->frame - start);
        // Due in this cycle or the next: wait. Further on is no stamp the audio thread makes (a
        // frame time read wrong): it goes now rather than holding everything behind it.
        if (due >= period && due < 3 * period) {
            break;
        }
        if (due < 0) {
            if (!d.retrying) {
                m_late[d.held->port].fetch_add(1, std::memory_order_relaxed);
            }
            if (due < -period && d.held->port == kClockPort && d.held->bytes[0] == midi::kClock) {
                // A tick a period late (this client missed cycles): a burst of them would rush
                // a receiver's tempo, so it is left out.
                d.held.reset();
                m_lastWriteCycle.store(cycle, std::memory_order_relaxed);
                m_done.fetch_add(1, std::memory_order_release);
                continue;
            }
        }
        const jack_nframes_t offset = due < 0 || due >= period ? lastOffset
                                                               : std::max(lastOffset, static_cast<jack_nframes_t>(due));
        void* buffer = buffers[d.held->port];
        if (buffer == nullptr || jack_midi_event_write(buffer, offset, d.held->bytes, d.held->size) != 0) {
            // The port's buffer is full (a stop ending many notes at once): a note's message
            // waits for the next cycle rather than leave a note sounding; a few cycles at most.
            if (buffer != nullptr && d.held->port == kNotesPort && ++d.retries <= kRetries) {
                d.retrying = true;
                break;
            }
            m_lost[d.held->port].fetch_add(1, std::memory_order_relaxed);
        } else if (d.held->port == kClockPort && d.held->bytes[0] == midi::kClock) {
            m_ticks.fetch_add(1, std::memory_order_relaxed);  // sent: written into the port
        }
        d.retries = 0;
        d.retrying = false;
        lastOffset = offset;
        d.held.reset();
        m_lastWriteCycle.store(cycle, std::memory_order_relaxed);
        m_done.fetch_add(1, std::memory_order_release);
    }
    m_cycles.store(cycle, std::memory_order_release);
    return 0;
}

}  // namespace bandmate::audio
