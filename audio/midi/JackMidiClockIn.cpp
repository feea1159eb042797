#include "audio/midi/JackMidiClockIn.h"

#include "audio/engine/SpscQueue.h"
#include "audio/midi/JackMidiClient.h"
#include "audio/midi/MidiStatus.h"

#include <jack/jack.h>
#include <jack/midiport.h>

#include <atomic>

#include <cmath>

namespace bandmate::audio {

namespace {

/// A clock message on its way from JACK's input to the engine's block.
struct Stamped {
    jack_nframes_t frame = 0;
    uint8_t size = 0;
    uint8_t bytes[3] = {0, 0, 0};
};

int process(jack_nframes_t frames, void* self) noexcept
{
    return static_cast<JackMidiClockIn*>(self)->processNonBlocking(frames);
}

void serverShutdown(jack_status_t /*code*/, const char* /*reason*/, void* self) noexcept
{
    static_cast<JackMidiClockIn*>(self)->markGone();
}

bool isClockMessage(const jack_midi_event_t& event)
{
    if (event.size < 1 || event.buffer == nullptr) {
        return false;
    }
    const uint8_t status = event.buffer[0];
    return status == midi::kClock || status == midi::kStart || status == midi::kContinue || status == midi::kStop
           || (status == midi::kSongPosition && event.size >= 3);
}

}  // namespace

struct JackMidiClockIn::Impl {
    JackMidiClient jack;
    /// "in": set once the client is active (its callback may run before: it then reads nothing).
    std::atomic<jack_port_t*> port{nullptr};
    SpscQueue<Stamped, 4096> queue;  ///< JACK's process thread → the audio thread
    // The audio thread's frame count, on from JACK's 32-bit one (which wraps every 25 hours).
    uint32_t lastFrame = 0;
    int64_t frames = 0;
    bool counting = false;
};

JackMidiClockIn::JackMidiClockIn(double bpm) : m_impl(std::make_unique<Impl>()), m_fallbackBpm(bpm) {}

JackMidiClockIn::~JackMidiClockIn()
{
    m_impl->jack.close(serverGone());
}

core::Result<std::unique_ptr<JackMidiClockIn>> JackMidiClockIn::open(const std::string& from, const std::string& where, double bpm)
{
    std::unique_ptr<JackMidiClockIn> in(new JackMidiClockIn(bpm));
    Impl& d = *in->m_impl;
    auto port = d.jack.openInput("bandmate-clock-in", "MIDI clock in", from, where, process, serverShutdown, in.get());
    if (!port) {
        return std::unexpected(port.error());
    }
    d.port.store(*port, std::memory_order_release);
    return in;
}

std::string JackMidiClockIn::portName() const
{
    return jack_port_name(m_impl->port.load(std::memory_order_acquire));
}

bool JackMidiClockIn::keepConnected(const std::string& from)
{
    return !serverGone() && m_impl->jack.ensureConnected(m_impl->port.load(std::memory_order_acquire), false, from);
}

void JackMidiClockIn::prepareNonRealTime(double sampleRate, int /*outputLatencyFrames*/)
{
    // The device restarting keeps the song and the fit (a clock that plays on plays on here);
    // only a new rate starts afresh.
    if (sampleRate != m_preparedRate) {
        m_clock.prepare(sampleRate);
        m_impl->counting = false;
        m_preparedRate = sampleRate;
    }
    // What came while no device ran stays queued: the first block takes it up in order (a Start
    // heard meanwhile, every tick since), so the song goes on where the sender is. (Fitted once
    // a block, a full queue costs that block a few tens of microseconds.)
}

int JackMidiClockIn::processNonBlocking(uint32_t frames) noexcept
{
    Impl& d = *m_impl;
    jack_port_t* const port = d.port.load(std::memory_order_acquire);
    if (port == nullptr) {
        return 0;  // activated a moment before open() had its port
    }
    void* buffer = jack_port_get_buffer(port, frames);
    const jack_nframes_t start = jack_last_frame_time(d.jack.client);
    const uint32_t count = jack_midi_get_event_count(buffer);
    for (uint32_t i = 0; i < count; ++i) {
        jack_midi_event_t event{};
        if (jack_midi_event_get(&event, buffer, i) != 0 || !isClockMessage(event)) {
            continue;  // notes and the rest: not the clock's
        }
        const uint8_t status = event.buffer[0];
        if (status == midi::kStart || status == midi::kContinue || status == midi::kStop) {
            m_senderStarted.store(status != midi::kStop, std::memory_order_relaxed);
        } else if (status == midi::kClock) {
            m_lastTickFrame.store(start + event.time, std::memory_order_relaxed);
        }
        Stamped stamped;
        stamped.frame = start + event.time;
        stamped.size = static_cast<uint8_t>(event.size >= 3 ? 3 : event.size);
        for (uint8_t b = 0; b < stamped.size; ++b) {
            stamped.bytes[b] = event.buffer[b];
        }
        if (!d.queue.push(stamped)) {
            m_dropped.fetch_add(1, std::memory_order_relaxed);
        }
    }
    return 0;
}

int64_t JackMidiClockIn::unwrap(uint32_t frame) noexcept
{
    Impl& d = *m_impl;
    if (!d.counting) {
        d.counting = true;
        d.lastFrame = frame;
        d.frames = frame;
        return d.frames;
    }
    // The difference, signed: a frame a little behind the last (a message of the cycle before)
    // counts back, not 25 hours on.
    const auto step = static_cast<int32_t>(frame - d.lastFrame);
    if (step > 0) {
        d.lastFrame = frame;
        d.frames += step;
        return d.frames;
    }
    return d.frames + step;
}

ClockPosition JackMidiClockIn::beginBlock(int /*frames*/) noexcept
{
    if (serverGone()) {
        m_receiving.store(false, std::memory_order_relaxed);
        return ClockPosition{};  // not rolling: the engine stops
    }
    Impl& d = *m_impl;
    // The engine's block is this JACK cycle (the JACK driver): its first frame is the cycle's.
    const int64_t blockFrame = unwrap(jack_last_frame_time(d.jack.client));
    while (const auto message = d.queue.pop()) {
        const bool wasRunning = m_clock.running();
        m_clock.message(unwrap(message->frame), message->bytes, message->size);
        if (!wasRunning && m_clock.running()) {
            m_hold.store(false, std::memory_order_relaxed);  // the sender (re)starting its song: followed again
        }
    }
    ClockPosition position = m_clock.positionAt(blockFrame, m_fallbackBpm.load(std::memory_order_relaxed));
    position.rolling = position.rolling && !m_hold.load(std::memory_order_relaxed);
    m_receiving.store(m_clock.receiving(), std::memory_order_relaxed);
    m_tempo.store(m_clock.tempo(), std::memory_order_relaxed);
    m_ticks.store(m_clock.ticks(), std::memory_order_relaxed);
    m_losses.store(m_clock.losses(), std::memory_order_relaxed);
    return position;
}

void JackMidiClockIn::endBlock(const Engine& /*engine*/, int /*frames*/) noexcept {}

void JackMidiClockIn::requestTempo(double bpm)
{
    if (std::isfinite(bpm) && bpm > 0.0) {
        m_fallbackBpm.store(bpm, std::memory_order_relaxed);
    }
}

void JackMidiClockIn::requestPlaying(bool playing)
{
    m_hold.store(!playing, std::memory_order_relaxed);
}

bool JackMidiClockIn::senderPlaying() const
{
    if (serverGone() || !m_senderStarted.load(std::memory_order_relaxed)) {
        return false;
    }
    // And ticks still coming (a sender gone without a Stop plays no song).
    const auto since = static_cast<int32_t>(jack_frame_time(m_impl->jack.client) - m_lastTickFrame.load(std::memory_order_relaxed));
    return since >= 0 && since < static_cast<int32_t>(jack_get_sample_rate(m_impl->jack.client) / 2);
}

}  // namespace bandmate::audio
