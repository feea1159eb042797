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

void timebase(jack_transport_state_t /*state*/, jack_nframes_t /*frames*/, jack_position_t* position, int /*newPosition*/,
              void* self) noexcept
{
    // new_pos is also set at every start (jack2), not only at a relocation: the beat count
    // carries on from its anchor either way.
    static_cast<JackTransport*>(self)->fillPosition(position);
}

void serverShutdown(jack_status_t /*code*/, const char* /*reason*/, void* self) noexcept
{
    static_cast<JackTransport*>(self)->markGone();
}

/// A master's bar|beat|tick as quarter-note beats and tempo, when every field is one a meter
/// can have; nothing otherwise (the machine's own count is used).
bool readBarBeatTick(const jack_position_t& p, ClockPosition& clock)
{
    if ((p.valid & JackPositionBBT) == 0 || !std::isfinite(p.beats_per_minute) || p.beats_per_minute < 1.0
        || p.beats_per_minute > 1000.0 || !(p.beats_per_bar >= 1.0f && p.beats_per_bar <= 64.0f)
        || !(p.beat_type >= 1.0f && p.beat_type <= 64.0f) || !(p.ticks_per_beat >= 1.0 && p.ticks_per_beat <= 1e7)
        || p.bar < 1 || p.bar > 1'000'000 || p.beat < 1 || p.beat > static_cast<int32_t>(p.beats_per_bar)
        || p.tick < 0 || p.tick >= p.ticks_per_beat) {
        return false;
    }
    double tick = p.tick;
    if ((p.valid & JackTickDouble) != 0 && std::isfinite(p.tick_double) && p.tick_double >= 0.0
        && p.tick_double < p.ticks_per_beat) {
        tick = p.tick_double;  // finer than whole ticks
    }
    // The bar's start from the master's own count when it gives one (it knows its meter
    // changes), else bars of this meter since bar 1.
    const double barStart = p.bar_start_tick > 0.0 && std::isfinite(p.bar_start_tick)
                                ? p.bar_start_tick / p.ticks_per_beat
                                : (p.bar - 1) * static_cast<double>(p.beats_per_bar);
    // In the master's beat unit (beat_type 4 = quarters, 8 = eighths), turned into quarters.
    const double quarter = 4.0 / p.beat_type;
    clock.beat = (barStart + (p.beat - 1) + tick / p.ticks_per_beat) * quarter;
    clock.bpm = p.beats_per_minute * quarter;
    // In quarters, within what the engine follows (a master at 1000 eighths is 500 quarters).
    return std::isfinite(clock.beat) && clock.beat < 1e9 && clock.bpm >= Engine::kMinClockBpm && clock.bpm <= Engine::kMaxClockBpm;
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
        if (!serverGone()) {  // a server that went away takes no more requests
            if (m_role == Role::Master) {
                jack_release_timebase(m_impl->client);
            }
            jack_deactivate(m_impl->client);
        }
        jack_client_close(m_impl->client);
    }
}

double JackTransport::BeatCounter::beatAt(double frame, double bpm, double rate)
{
    if (tempo <= 0.0) {
        anchorFrame = frame;  // the first count: as if this tempo had always been
        anchorBeat = frame / rate * bpm / 60.0;
        tempo = bpm;
    } else if (bpm != tempo) {
        anchorBeat += (frame - anchorFrame) / rate * tempo / 60.0;
        anchorFrame = frame;
        tempo = bpm;
    }
    return std::max(0.0, anchorBeat + (frame - anchorFrame) / rate * bpm / 60.0);
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
    jack_on_info_shutdown(transport->m_impl->client, serverShutdown, transport.get());
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
    ClockPosition clock;
    if (serverGone()) {
        return clock;  // not rolling: the engine stops
    }
    jack_position_t position{};
    const jack_transport_state_t state = jack_transport_query(m_impl->client, &position);
    clock.rolling = state == JackTransportRolling;
    m_starting.store(state == JackTransportStarting, std::memory_order_relaxed);
    if (!readBarBeatTick(position, clock)) {
        // No timebase master (or one whose numbers are no meter): the machine's tempo, counted
        // on from the transport's frame.
        const double bpm = m_tempo.load(std::memory_order_relaxed);
        const double rate = position.frame_rate > 0 ? position.frame_rate : 48000.0;
        clock.bpm = bpm;
        clock.beat = m_ownBeats.beatAt(static_cast<double>(position.frame), bpm, rate);
    }
    return clock;
}

void JackTransport::endBlock(const Engine& /*engine*/, int /*frames*/) noexcept {}

bool JackTransport::rollingNow() const
{
    if (serverGone()) {
        return false;
    }
    const jack_transport_state_t state = jack_transport_query(m_impl->client, nullptr);
    return state == JackTransportRolling || state == JackTransportStarting;
}

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

void JackTransport::fillPosition(void* raw) noexcept
{
    auto* position = static_cast<jack_position_t*>(raw);
    const double tempo = m_tempo.load(std::memory_order_relaxed);
    const double rate = position->frame_rate > 0 ? position->frame_rate : 48000.0;
    const double beats = m_masterBeats.beatAt(static_cast<double>(position->frame), tempo, rate);
    const double whole = std::floor(beats);
    // Only what is filled here is valid: no other master's timecode or offsets left standing.
    position->valid = static_cast<jack_position_bits_t>(JackPositionBBT | JackTickDouble);
    position->beats_per_bar = static_cast<float>(kBeatsPerBar);
    position->beat_type = 4.0f;
    position->ticks_per_beat = kTicksPerBeat;
    position->beats_per_minute = tempo;
    position->bar = static_cast<int32_t>(whole / kBeatsPerBar) + 1;
    position->beat = static_cast<int32_t>(std::fmod(whole, kBeatsPerBar)) + 1;
    position->tick_double = (beats - whole) * kTicksPerBeat;
    position->tick = static_cast<int32_t>(position->tick_double);
    position->bar_start_tick = (position->bar - 1) * kBeatsPerBar * kTicksPerBeat;
}

}  // namespace bandmate::audio
