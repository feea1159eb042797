#include "audio/tempo/LinkSession.h"

#include "core/beats/Machine.h"

#include <ableton/Link.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace bandmate::audio {

using core::beats::MachineLimits;

namespace {

/// The sound card's sample count as host time: a straight line fitted to (samples, host time
/// at the callback) over the last kPoints blocks, so a callback's wake-up jitter does not move
/// the beat. Centred sums (about the window's means, from the first point on) keep the fit exact
/// after days of running, where raw sums of squares of microsecond counts lose their digits.
/// Real-time safe: fixed arrays, no allocation.
class HostClockFilter {
public:
    static constexpr size_t kPoints = 512;

    void reset() { m_count = 0; m_next = 0; }

    int64_t hostMicros(double sampleTime, int64_t nowMicros) noexcept
    {
        // A gap the fit cannot have seen coming (the device restarted, a long dropout): the
        // line starts afresh rather than mixing what was before with what comes after.
        if (m_count >= 16 && std::abs(predict(sampleTime) - static_cast<double>(nowMicros - m_y0)) > kGapMicros) {
            reset();
        }
        if (m_count == 0) {
            m_x0 = sampleTime;
            m_y0 = nowMicros;
        }
        m_x[m_next] = sampleTime - m_x0;
        m_y[m_next] = static_cast<double>(nowMicros - m_y0);
        m_next = (m_next + 1) % kPoints;
        m_count = std::min(m_count + 1, kPoints);
        double meanX = 0.0;
        double meanY = 0.0;
        for (size_t i = 0; i < m_count; ++i) {
            meanX += m_x[i];
            meanY += m_y[i];
        }
        meanX /= static_cast<double>(m_count);
        meanY /= static_cast<double>(m_count);
        double xx = 0.0;
        double xy = 0.0;
        for (size_t i = 0; i < m_count; ++i) {
            const double dx = m_x[i] - meanX;
            xx += dx * dx;
            xy += dx * (m_y[i] - meanY);
        }
        m_slope = xx > 0.0 ? xy / xx : 0.0;
        m_meanX = meanX;
        m_meanY = meanY;
        return m_y0 + std::llround(predict(sampleTime));
    }

private:
    static constexpr double kGapMicros = 20'000.0;

    /// The last fit's host time (µs after m_y0) at `sampleTime`.
    [[nodiscard]] double predict(double sampleTime) const { return m_meanY + m_slope * (sampleTime - m_x0 - m_meanX); }

    double m_slope = 0.0;
    double m_meanX = 0.0;
    double m_meanY = 0.0;
    std::array<double, kPoints> m_x{};
    std::array<double, kPoints> m_y{};
    size_t m_count = 0;
    size_t m_next = 0;
    double m_x0 = 0.0;
    int64_t m_y0 = 0;
};

}  // namespace

struct LinkSession::Impl {
    explicit Impl(double bpm) : link(bpm) {}
    ableton::Link link;
    // Audio side.
    HostClockFilter filter;
    double sampleRate = 48000.0;
    std::chrono::microseconds latency{0};
    double sampleTime = 0.0;
    bool playing = false;
    int takenRequest = 0;  ///< the start/stop request this block applied, cleared once it is published
    std::chrono::microseconds blockHostTime{0};
};

LinkSession::LinkSession(double bpm, double quantum)
    : m_impl(std::make_unique<Impl>(std::clamp(bpm, MachineLimits::kMinBpm, MachineLimits::kMaxBpm)))
{
    setQuantum(quantum);
    m_impl->link.enable(true);
}

LinkSession::~LinkSession()
{
    m_impl->link.enable(false);
}

void LinkSession::requestTempo(double bpm)
{
    if (std::isfinite(bpm)) {
        m_tempoRequest.store(std::clamp(bpm, MachineLimits::kMinBpm, MachineLimits::kMaxBpm), std::memory_order_relaxed);
    }
}

void LinkSession::requestPlaying(bool playing)
{
    m_playRequest.store(playing ? 1 : 2, std::memory_order_relaxed);
}

void LinkSession::setQuantum(double beats)
{
    if (std::isfinite(beats) && beats >= 1.0) {
        m_quantum.store(std::min(beats, 64.0), std::memory_order_relaxed);
    }
}

void LinkSession::setStartStopSync(bool enabled)
{
    m_impl->link.enableStartStopSync(enabled);
}

bool LinkSession::startStopSync() const
{
    return m_impl->link.isStartStopSyncEnabled();
}

std::size_t LinkSession::peers() const
{
    return m_impl->link.numPeers();
}

double LinkSession::sessionTempo() const
{
    return m_impl->link.captureAppSessionState().tempo();
}

bool LinkSession::sessionPlaying() const
{
    return m_impl->link.captureAppSessionState().isPlaying();
}

void LinkSession::setTempoNonRealTime(double bpm)
{
    if (!std::isfinite(bpm)) {
        return;
    }
    auto state = m_impl->link.captureAppSessionState();
    state.setTempo(std::clamp(bpm, MachineLimits::kMinBpm, MachineLimits::kMaxBpm), m_impl->link.clock().micros());
    m_impl->link.commitAppSessionState(state);
}

int64_t LinkSession::hostMicros() const
{
    return m_impl->link.clock().micros().count();
}

std::optional<BeatAtTime> LinkSession::lastBlock() const
{
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const uint32_t before = m_sequence.load(std::memory_order_acquire);
        if ((before & 1U) != 0) {
            continue;  // the audio thread is writing it
        }
        BeatAtTime seen;
        seen.hostMicros = m_lastMicros.load(std::memory_order_relaxed);
        seen.beat = m_lastBeat.load(std::memory_order_relaxed);
        seen.playing = m_lastPlaying.load(std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_acquire);
        if (m_sequence.load(std::memory_order_relaxed) == before) {
            return seen;
        }
    }
    return std::nullopt;  // preempted mid-write every time: no answer rather than a torn one
}

void LinkSession::setPlayingNonRealTime(bool playing)
{
    m_playRequest.store(0, std::memory_order_relaxed);
    auto state = m_impl->link.captureAppSessionState();
    if (state.isPlaying() != playing) {
        state.setIsPlaying(playing, m_impl->link.clock().micros());
        m_impl->link.commitAppSessionState(state);
    }
}

void LinkSession::prepareNonRealTime(double sampleRate, int outputLatencyFrames)
{
    m_impl->sampleRate = sampleRate > 0.0 ? sampleRate : 48000.0;
    m_impl->latency = std::chrono::microseconds(std::llround(1e6 * std::max(outputLatencyFrames, 0) / m_impl->sampleRate));
    m_impl->filter.reset();
    m_impl->sampleTime = 0.0;
}

ClockPosition LinkSession::beginBlock(int frames) noexcept
{
    Impl& d = *m_impl;
    const auto heard = std::chrono::microseconds(d.filter.hostMicros(d.sampleTime, d.link.clock().micros().count())) + d.latency;
    d.sampleTime += frames;
    d.blockHostTime = heard;
    const double quantum = m_quantum.load(std::memory_order_relaxed);
    auto state = d.link.captureAudioSessionState();
    bool changed = false;
    if (const double tempo = m_tempoRequest.exchange(0.0, std::memory_order_relaxed); tempo > 0.0) {
        state.setTempo(tempo, heard);
        changed = true;
    }
    // The request stays pending (requestPending()) until endBlock has published where the
    // engine is after it: a reader never sees the request gone and the old state.
    d.takenRequest = m_playRequest.load(std::memory_order_relaxed);
    if (d.takenRequest != 0 && (d.takenRequest == 1) != state.isPlaying()) {
        state.setIsPlaying(d.takenRequest == 1, heard);
        changed = true;
    }
    if (!d.playing && state.isPlaying()) {
        // Beat 0 where the transport starts: at once alone, on the session's next quantum
        // boundary with peers (the beat stays below 0 until then, and the engine waits).
        state.requestBeatAtStartPlayingTime(0.0, quantum);
        changed = true;
        d.playing = true;
    } else if (d.playing && !state.isPlaying()) {
        d.playing = false;
    }
    if (changed) {
        d.link.commitAudioSessionState(state);
    }
    return ClockPosition{d.playing, state.beatAtTime(heard, quantum), state.tempo()};
}

void LinkSession::endBlock(const Engine& engine, int /*frames*/) noexcept
{
    m_sequence.fetch_add(1, std::memory_order_relaxed);  // odd: being written
    std::atomic_thread_fence(std::memory_order_release);
    m_lastMicros.store(m_impl->blockHostTime.count(), std::memory_order_relaxed);
    m_lastBeat.store(engine.playheadBeat(), std::memory_order_relaxed);
    m_lastPlaying.store(engine.isPlaying(), std::memory_order_relaxed);
    m_sequence.fetch_add(1, std::memory_order_release);
    if (m_impl->takenRequest != 0) {
        // A newer request made meanwhile stays for the next block.
        (void)m_playRequest.compare_exchange_strong(m_impl->takenRequest, 0, std::memory_order_release,
                                                    std::memory_order_relaxed);
        m_impl->takenRequest = 0;
    }
}

}  // namespace bandmate::audio
