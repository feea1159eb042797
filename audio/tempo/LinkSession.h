#pragma once

#include "audio/device/ClockSource.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

namespace bandmate::audio {

/// Where the engine was at a moment of the host clock: the beat it played at a block's first
/// frame and the host time that frame was heard (Link's clock, microseconds).
struct BeatAtTime {
    int64_t hostMicros = 0;
    double beat = 0.0;
    bool playing = false;
};

/// Bandmate as a peer of an Ableton Link session: the engine takes its tempo and bar phase from
/// the session, and what the user changes (tempo, start and stop) goes to every peer.
///
/// Threads: the constructor joins the session (Link's own threads do the network). Requests
/// (tempo, play, quantum, start/stop sync) may come from any thread; they are atomics the audio
/// thread picks up at its next block, where only Link's real-time-safe audio-thread calls are
/// made (captureAudioSessionState / commitAudioSessionState).
///
/// Beats: the engine's beat 0 is where the transport started, mapped by Link to a quantum
/// boundary of the session (a quantized launch: with peers, playing starts on the session's next
/// bar, or clave cycle, in phase with them; alone, at once). The quantum is the bar (4 beats) or
/// the clave cycle (8).
class LinkSession final : public ClockSource {
public:
    /// Joins (or starts) a session at `bpm` (the session's tempo wins when there is one).
    explicit LinkSession(double bpm, double quantum = 4.0);
    ~LinkSession() override;
    LinkSession(const LinkSession&) = delete;
    LinkSession& operator=(const LinkSession&) = delete;

    // --- any thread ---------------------------------------------------------------------------
    /// The session's tempo becomes `bpm` (clamped to the machine's range) for every peer.
    void requestTempo(double bpm) override;
    /// Starts or stops the transport; with start/stop sync, every peer that uses it too.
    void requestPlaying(bool playing) override;
    void setQuantum(double beats);
    [[nodiscard]] double quantum() const { return m_quantum.load(std::memory_order_relaxed); }
    /// Share start and stop with the peers that share theirs (Link's start/stop sync).
    void setStartStopSync(bool enabled);
    [[nodiscard]] bool startStopSync() const;
    [[nodiscard]] std::size_t peers() const;
    /// A start or stop asked for that the audio thread has not taken up yet (no block since).
    [[nodiscard]] bool requestPending() const { return m_playRequest.load(std::memory_order_acquire) != 0; }
    /// The session's tempo now (not real-time safe: Link's app-thread state).
    [[nodiscard]] double sessionTempo() const;
    /// Whether the session's transport plays (app-thread state, as sessionTempo()).
    [[nodiscard]] bool sessionPlaying() const;
    /// Sets the session's tempo from this thread, now: for when no device runs the audio thread
    /// (requestTempo() waits for its next block). Not real-time safe.
    void setTempoNonRealTime(double bpm);
    /// A tempo asked for that the audio thread has not taken up yet.
    [[nodiscard]] bool tempoPending() const { return m_tempoRequest.load(std::memory_order_relaxed) != 0.0; }
    /// The engine's beat at the host time its last block was heard; nothing when the audio
    /// thread was writing it every time it was looked at (try again at the next poll).
    [[nodiscard]] std::optional<BeatAtTime> lastBlock() const;
    /// Starts or stops the session's transport from this thread, now, for when no device runs
    /// the audio thread (a start or stop still waiting for it is dropped). Not real-time safe.
    void setPlayingNonRealTime(bool playing);
    /// Link's clock, in microseconds: what BeatAtTime::hostMicros counts.
    [[nodiscard]] int64_t hostMicros() const;

    // --- ClockSource -------------------------------------------------------------------------
    void prepareNonRealTime(double sampleRate, int outputLatencyFrames) override;
    ClockPosition beginBlock(int frames) noexcept override;
    void endBlock(const Engine& engine, int frames) noexcept override;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::atomic<double> m_quantum{4.0};
    std::atomic<double> m_tempoRequest{0.0};  ///< 0: none
    std::atomic<int> m_playRequest{0};        ///< 0: none, 1: start, 2: stop
    // The last block as heard, behind a sequence count (odd while the audio thread writes).
    std::atomic<uint32_t> m_sequence{0};
    std::atomic<int64_t> m_lastMicros{0};
    std::atomic<double> m_lastBeat{0.0};
    std::atomic<bool> m_lastPlaying{false};
};

}  // namespace bandmate::audio
