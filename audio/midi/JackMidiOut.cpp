#include "audio/midi/JackMidiOut.h"

#include "audio/engine/Engine.h"
#include "audio/engine/SpscQueue.h"

#include <jack/jack.h>
#include <jack/midiport.h>

#include <algorithm>
#include <cerrno>
#include <optional>

namespace bandmate::audio {

using core::ErrorCode;
using core::fail;

namespace {

/// A message on its way from the engine's block to this client's cycle.
struct Stamped {
    jack_nframes_t frame = 0;  ///< JACK frame time it leaves at
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
    jack_client_t* client = nullptr;
    jack_port_t* clockPort = nullptr;
    SpscQueue<Stamped, 4096> queue;     ///< audio thread → JACK's process thread
    std::optional<Stamped> held;        ///< popped, not due yet (process thread only)
    MidiMessage block[MidiClockOut::kMaxMessages];  ///< the audio thread's scratch
    jack_nframes_t lastStamp = 0;       ///< the audio thread's: stamps never go back
    bool stamped = false;
};

JackMidiOut::JackMidiOut() : m_impl(std::make_unique<Impl>()) {}

JackMidiOut::~JackMidiOut()
{
    if (m_impl->client != nullptr) {
        if (!serverGone()) {
            jack_deactivate(m_impl->client);
        }
        jack_client_close(m_impl->client);
    }
}

core::Result<std::unique_ptr<JackMidiOut>> JackMidiOut::open(const std::string& clockTo, const std::string& where)
{
    std::unique_ptr<JackMidiOut> out(new JackMidiOut());
    jack_status_t status{};
    Impl& d = *out->m_impl;
    d.client = jack_client_open("bandmate-midi", JackNoStartServer, &status);
    if (d.client == nullptr) {
        return fail(ErrorCode::NotFound, "no JACK server is running: MIDI out goes through JACK (start it with QjackCtl or jackd)",
                    where);
    }
    jack_on_info_shutdown(d.client, serverShutdown, out.get());
    d.clockPort = jack_port_register(d.client, "clock", JACK_DEFAULT_MIDI_TYPE, JackPortIsOutput, 0);
    if (d.clockPort == nullptr) {
        return fail(ErrorCode::Io, "JACK did not make Bandmate's MIDI clock port", where);
    }
    jack_set_process_callback(d.client, process, out.get());
    if (jack_activate(d.client) != 0) {
        return fail(ErrorCode::Io, "the JACK server did not take Bandmate's MIDI client", where);
    }
    if (!clockTo.empty()) {
        jack_port_t* target = jack_port_by_name(d.client, clockTo.c_str());
        if (target == nullptr || (jack_port_flags(target) & JackPortIsInput) == 0
            || std::string(jack_port_type(target)) != JACK_DEFAULT_MIDI_TYPE) {
            return fail(ErrorCode::NotFound,
                        "no JACK MIDI input named \"" + clockTo + "\" (jack_lsp -t lists the ports and their types)", where);
        }
        const int connected = jack_connect(d.client, jack_port_name(d.clockPort), clockTo.c_str());
        if (connected != 0 && connected != EEXIST) {
            return fail(ErrorCode::Io, "JACK did not connect the MIDI clock to \"" + clockTo + "\"", where);
        }
    }
    return out;
}

std::string JackMidiOut::clockPortName() const
{
    return jack_port_name(m_impl->clockPort);
}

void JackMidiOut::prepareNonRealTime(double sampleRate, int /*outputLatencyFrames*/)
{
    m_clock.prepare(sampleRate);
}

void JackMidiOut::afterBlock(const Engine& engine, int frames) noexcept
{
    if (serverGone()) {
        return;
    }
    Impl& d = *m_impl;
    // The engine's block is this JACK cycle (the JACK driver): its first frame is the cycle's.
    const jack_nframes_t start = jack_last_frame_time(d.client);
    const bool stopping = m_stopRequested.load(std::memory_order_relaxed);
    const int count = m_clock.block(engine.isPlaying() && !stopping, engine.playheadBeat(), engine.tempo(), frames, d.block);
    uint64_t ticks = 0;
    for (int i = 0; i < count; ++i) {
        const MidiMessage& message = d.block[i];
        Stamped stamped;
        stamped.frame = start + static_cast<jack_nframes_t>(message.offset) + static_cast<jack_nframes_t>(frames);
        // An overrun block may read the next cycle's frame: never before a message already sent
        // (JACK refuses an event earlier than the one before it).
        if (d.stamped && static_cast<int32_t>(stamped.frame - d.lastStamp) < 0) {
            stamped.frame = d.lastStamp;
        }
        d.lastStamp = stamped.frame;
        d.stamped = true;
        stamped.size = message.size;
        for (int b = 0; b < 3; ++b) {
            stamped.bytes[b] = message.bytes[b];
        }
        if (!d.queue.push(stamped)) {
            m_lost.fetch_add(1, std::memory_order_relaxed);
        } else if (message.bytes[0] == 0xF8) {
            ++ticks;
        }
    }
    if (ticks > 0) {
        m_ticks.fetch_add(ticks, std::memory_order_relaxed);
    }
    if (stopping) {
        m_stopSent.store(true, std::memory_order_release);
    }
}

int JackMidiOut::processNonBlocking(uint32_t frames) noexcept
{
    Impl& d = *m_impl;
    void* buffer = jack_port_get_buffer(d.clockPort, frames);
    jack_midi_clear_buffer(buffer);
    const jack_nframes_t start = jack_last_frame_time(d.client);
    const auto period = static_cast<int32_t>(frames);
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
            m_late.fetch_add(1, std::memory_order_relaxed);
            if (due < -period && d.held->bytes[0] == 0xF8) {
                d.held.reset();  // a tick a period late (this client missed cycles): a burst of
                continue;        // them would rush a receiver's tempo, so it is left out
            }
        }
        const jack_nframes_t offset = due < 0 || due >= period ? lastOffset
                                                               : std::max(lastOffset, static_cast<jack_nframes_t>(due));
        if (jack_midi_event_write(buffer, offset, d.held->bytes, d.held->size) != 0) {
            m_lost.fetch_add(1, std::memory_order_relaxed);
        }
        lastOffset = offset;
        d.held.reset();
    }
    return 0;
}

}  // namespace bandmate::audio
