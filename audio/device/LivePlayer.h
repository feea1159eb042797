#pragma once

#include "core/util/Result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace bandmate::audio {

class CaptureRing;
class BlockObserver;
class ClockSource;
class Engine;

/// Renders `frames` of `engine` into a device's `outputCount` output channels, in blocks of at
/// most Engine::kMaxBlockFrames: stereo on the first two, silence on the others, and on a mono
/// device the two mixed down (half of each) through `scratch` (kMaxBlockFrames floats). What
/// the device callback does; real-time safe.
void renderToOutputs(Engine& engine, float* const* outputs, int outputCount, int frames, float* scratch) noexcept;

/// What the caller asks of the audio device; empty or 0 = the driver's default.
struct DeviceSettings {
    std::string driver;  ///< "ALSA", "JACK", "CoreAudio", "Windows Audio", …; empty = the first that works
    std::string device;  ///< output device name
    double sampleRate = 0.0;
    int bufferFrames = 0;
    std::string inputDevice;  ///< the device to listen on (the timing coach); empty = none
    int inputChannel = 0;     ///< which of its channels, from 0
    bool operator==(const DeviceSettings&) const = default;
};

/// What the device actually runs at.
struct DeviceInfo {
    std::string driver;
    std::string device;
    double sampleRate = 0.0;
    int bufferFrames = 0;
    int outputLatencyFrames = 0;  ///< the driver's reported output latency plus one buffer
    std::string inputDevice;      ///< empty when the player does not listen
    int inputChannel = -1;
    int inputLatencyFrames = 0;   ///< as the driver reports it (a measured round trip is better)
    [[nodiscard]] double outputLatencySeconds() const
    {
        return sampleRate > 0 ? outputLatencyFrames / sampleRate : 0.0;
    }
};

/// Callback cost statistics, as fractions of the block period (1.0 = the whole period).
struct CallbackLoad {
    uint64_t callbacks = 0;
    double p50 = 0.0;
    double p99 = 0.0;
    double max = 0.0;
    /// Callbacks whose own CPU time exceeded their period: xruns Bandmate caused. (Wall time
    /// also counts time the OS gave to other threads; that is in `late`.)
    uint64_t overruns = 0;
    uint64_t late = 0;  ///< callbacks that took longer than their period in wall-clock time
};

/// Live playback of an Engine through JUCE's AudioDeviceManager.
///
/// JUCE and Qt event loops: JUCE's MessageManager is created on the thread that opens the player
/// (the Qt main thread in the GUI) but its loop never runs. Nothing here needs it: the device
/// calls back on the driver's own real-time thread, and the UI reads the engine's and player's
/// atomics from a Qt timer. JUCE change broadcasts (device lists changing) are not used.
class LivePlayer {
public:
    /// Opens the output device. Fails with a clear message when there is no usable device
    /// (headless machines, CI): only live playback needs one.
    [[nodiscard]] static core::Result<std::unique_ptr<LivePlayer>> openNonRealTime(const DeviceSettings& settings);
    ~LivePlayer();
    LivePlayer(const LivePlayer&) = delete;
    LivePlayer& operator=(const LivePlayer&) = delete;

    [[nodiscard]] const DeviceInfo& info() const;

    /// Starts calling engine.process() from the device thread. Prepare the engine at
    /// info().sampleRate first. The engine must outlive stop() / the player. With `capture` (and
    /// an input device), every block from the engine's first on goes into it: the input channel
    /// and the engine's output mixed to mono, so frame 0 of the capture is the engine's frame 0.
    /// With `clock`, the engine follows it (Ableton Link, …): it is prepared here at the device's
    /// rate and latency and asked once per block; it must outlive stop() / the player.
    /// With `observer`, it is told after each block what the engine played (MIDI clock out, …).
    void start(Engine& engine, CaptureRing* capture = nullptr, ClockSource* clock = nullptr,
               BlockObserver* observer = nullptr);
    /// Plays `signal` once, the same on every output, then silence, capturing from its first
    /// frame as start() does (latency calibration). `signal` and `capture` must outlive stop().
    void playSignal(const std::vector<float>& signal, CaptureRing& capture);
    void stop();

    /// The loudest input sample (absolute) since the last call, for a level meter; 0 when the
    /// player does not listen. Any thread.
    [[nodiscard]] float takeInputPeak();

    /// Callbacks so far and their cost (readable while playing).
    [[nodiscard]] CallbackLoad load() const;
    /// Xruns the driver counted (JACK and ALSA report them; -1 when the driver cannot tell).
    [[nodiscard]] int driverXruns() const;
    /// How often the device started or stopped under the player (a driver reopening it): a
    /// capture across one has a gap and may have slipped. Any thread.
    [[nodiscard]] uint64_t deviceRestarts() const;

private:
    LivePlayer();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace bandmate::audio
