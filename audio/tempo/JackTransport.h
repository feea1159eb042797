#pragma once

#include "audio/device/ClockSource.h"
#include "core/util/Result.h"

#include <atomic>
#include <memory>

namespace bandmate::audio {

/// The engine in time with JACK's transport (Linux): it plays while the transport rolls, from
/// where the transport is, as Hydrogen and Ardour do. Following, the tempo and bar come from the
/// transport's timebase master (a DAW) when there is one, else from the machine's own tempo
/// counted from frame 0; as the timebase master, Bandmate gives every JACK app its tempo and
/// bar|beat|tick.
///
/// Threads: a JACK client of its own ("bandmate-transport") on the default server (the one
/// JACK_DEFAULT_SERVER names). beginBlock() queries the transport from the audio thread
/// (jack_transport_query is real-time safe); the timebase callback runs on JACK's thread and
/// reads only atomics; requests from the app are JACK's own calls or atomics.
class JackTransport final : public ClockSource {
public:
    enum class Role { Follow, Master };
    /// Connects to the running JACK server; as master, takes the timebase unless another client
    /// has it (said, with the way out).
    [[nodiscard]] static core::Result<std::unique_ptr<JackTransport>> open(Role role, double bpm);
    ~JackTransport() override;
    JackTransport(const JackTransport&) = delete;
    JackTransport& operator=(const JackTransport&) = delete;

    [[nodiscard]] Role role() const { return m_role; }

    // --- ClockSource -------------------------------------------------------------------------
    void prepareNonRealTime(double sampleRate, int outputLatencyFrames) override;
    ClockPosition beginBlock(int frames) noexcept override;
    void endBlock(const Engine& engine, int frames) noexcept override;
    /// Following without a timebase master, and as the master: the tempo counted with.
    void requestTempo(double bpm) override;
    /// jack_transport_start / jack_transport_stop: every JACK app's transport.
    void requestPlaying(bool playing) override;

    /// The JACK server shut down or dropped the client: the transport stands still for good.
    /// Any thread.
    [[nodiscard]] bool serverGone() const { return m_gone.load(std::memory_order_relaxed); }
    /// The transport was starting at the last block (slow-sync apps getting ready, a relocation
    /// while rolling): about to roll, not stopped. Any thread.
    [[nodiscard]] bool starting() const { return m_starting.load(std::memory_order_relaxed); }
    /// Whether JACK's transport rolls (or is starting) now, asked from this thread (no device
    /// needed). Not for the audio thread.
    [[nodiscard]] bool rollingNow() const;

    /// Called by JACK's timebase callback (its thread): bar|beat|tick at the cycle's frame.
    void fillPosition(void* position) noexcept;
    /// Called by JACK when the server goes away (its thread).
    void markGone() noexcept { m_gone.store(true, std::memory_order_relaxed); }

    /// A beat count from frames at a tempo that may change: the beat at an anchor frame, moved on
    /// by each tempo change (the beat goes on from where it is, never rescaled from frame 0); a
    /// relocation is counted on from the anchor at the tempo now. One thread each.
    struct BeatCounter {
        double anchorBeat = 0.0;
        double anchorFrame = 0.0;
        double tempo = 0.0;  ///< 0: not anchored yet
        [[nodiscard]] double beatAt(double frame, double bpm, double rate);
    };

private:
    explicit JackTransport(Role role, double bpm);
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    Role m_role;
    std::atomic<double> m_tempo;
    std::atomic<bool> m_gone{false};
    std::atomic<bool> m_starting{false};
    BeatCounter m_masterBeats;  ///< JACK's timebase thread only
    BeatCounter m_ownBeats;     ///< the audio thread only: following with no master
};

}  // namespace bandmate::audio
