#include "audio/tempo/JackTransport.h"

#include "core/beats/Machine.h"

#include <jack/jack.h>
#include <jack/transport.h>

#include <algorithm>
#include <cerrno>
#include <cmath>

namespace bandmate::audio {

using core::ErrorCode;
using core::fail;
using core::beats::MachineLimits;

namespace {

constexpr double kTicksPerBeat = 1920.0;
constexpr int kBeatsPerBar = 4;

void timebase(jack_transport_state_t /*state*/, jack_nframes_t /*frames*/, jack_position_t* position, int newPosition,
              void* self) noexcept
{
    static_cast<JackTransport*>(self)->fillPosition(position, newPosition != 0);
}

}  // namespace

struct JackTransport::Impl {
    jack_client_t* client = nullptr;
};

JackTransport::JackTransport(Role role, double bpm)
    : m_impl(std::make_unique<Impl>()), m_role(role), m_tempo(std::clamp(bpm, MachineLimits::kMinBpm, MachineLimits::kMaxBpm))
{
}

JackTransport::~JackTransport()
{
    if (m_impl->client != nullptr) {
        if (m_role == Role::Master) {
            jack_release_timebase(m_impl->client);
        }
        jack_deactivate(m_impl->client);
        jack_client_close(m_impl->client);
    }
}

core::Result<std::unique_ptr<JackTransport>> JackTransport::open(Role role, double bpm)
{
    std::unique_ptr<JackTransport> transport(new JackTransport(role, bpm));
    jack_status_t status{};
    transport->m_impl->client = jack_client_open("bandmate-transport", JackNoStartServer, &status);
    if (transport->m_impl->client == nullptr) {
        return fail(ErrorCode::NotFound, "no JACK server is running: JACK transport needs one (start it with QjackCtl or jackd)",
                    "--jack-transport");
    }
    if (role == Role::Master) {
        const int taken = jack_set_timebase_callback(transport->m_impl->client, 1, timebase, transport.get());
        if (taken != 0) {
            return fail(ErrorCode::Conflict,
                        taken == EBUSY ? "another JACK app is the timebase master: release it there first, or follow it "
                                         "(--jack-transport follow)"
                                       : "JACK refused Bandmate as the timebase master",
                        "--jack-transport");
        }
    }
    if (jack_activate(transport->m_impl->client) != 0) {
        return fail(ErrorCode::Io, "the JACK server did not take Bandmate's transport client", "--jack-transport");
    }
    return transport;
}

void JackTransport::prepareNonRealTime(double /*sampleRate*/, int /*outputLatencyFrames*/)
{
    // Every JACK client renders the same cycle for the same moment: no latency to add here.
}

ClockPosition JackTransport::beginBlock(int /*frames*/) noexcept
{
    jack_position_t position{};
    const jack_transport_state_t state = jack_transport_query(m_impl->client, &position);
    ClockPosition clock;
    clock.rolling = state == JackTransportRolling;
    if ((position.valid & JackPositionBBT) != 0 && position.beats_per_minute > 0.0 && position.beat_type > 0.0
        && position.ticks_per_beat > 0.0 && position.beats_per_bar > 0.0) {
        // Bar|beat|tick in the master's beat unit (beat_type: 4 = quarters, 8 = eighths), turned
        // into the quarter notes the engine counts.
        const double quarter = 4.0 / position.beat_type;
        const double beats = (position.bar - 1) * static_cast<double>(position.beats_per_bar) + (position.beat - 1)
                             + position.tick / position.ticks_per_beat;
        clock.beat = beats * quarter;
        clock.bpm = position.beats_per_minute * quarter;
    } else {
        // No timebase master: the machine's tempo counted from the transport's frame 0.
        const double bpm = m_tempo.load(std::memory_order_relaxed);
        clock.bpm = bpm;
        clock.beat = position.frame_rate > 0 ? static_cast<double>(position.frame) / position.frame_rate * bpm / 60.0 : 0.0;
    }
    return clock;
}

void JackTransport::endBlock(const Engine& /*engine*/, int /*frames*/) noexcept {}

void JackTransport::requestTempo(double bpm)
{
    if (std::isfinite(bpm)) {
        m_tempo.store(std::clamp(bpm, MachineLimits::kMinBpm, MachineLimits::kMaxBpm), std::memory_order_relaxed);
    }
}

void JackTransport::requestPlaying(bool playing)
{
    if (playing) {
        jack_transport_start(m_impl->client);
    } else {
        jack_transport_stop(m_impl->client);
    }
}

void JackTransport::fillPosition(void* raw, bool newPosition) noexcept
{
    auto* position = static_cast<jack_position_t*>(raw);
    const double tempo = m_tempo.load(std::memory_order_relaxed);
    const double rate = position->frame_rate > 0 ? position->frame_rate : 48000.0;
    const auto frame = static_cast<double>(position->frame);
    if (newPosition || m_anchorTempo <= 0.0) {
        // A relocation (or the first cycle): the beat there as if the tempo had always been this.
        m_anchorFrame = frame;
        m_anchorBeat = frame / rate * tempo / 60.0;
        m_anchorTempo = tempo;
    } else if (tempo != m_anchorTempo) {
        // A tempo change: the beat goes on from where it is.
        m_anchorBeat += (frame - m_anchorFrame) / rate * m_anchorTempo / 60.0;
        m_anchorFrame = frame;
        m_anchorTempo = tempo;
    }
    const double beats = m_anchorBeat + (frame - m_anchorFrame) / rate * tempo / 60.0;
    const double whole = std::floor(beats);
    position->valid = static_cast<jack_position_bits_t>(position->valid | JackPositionBBT);
    position->beats_per_bar = static_cast<float>(kBeatsPerBar);
    position->beat_type = 4.0f;
    position->ticks_per_beat = kTicksPerBeat;
    position->beats_per_minute = tempo;
    position->bar = static_cast<int32_t>(whole / kBeatsPerBar) + 1;
    position->beat = static_cast<int32_t>(std::fmod(whole, kBeatsPerBar)) + 1;
    position->tick = static_cast<int32_t>((beats - whole) * kTicksPerBeat);
    position->bar_start_tick = (position->bar - 1) * kBeatsPerBar * kTicksPerBeat;
}

}  // namespace bandmate::audio
