#include "audio/device/LivePlayer.h"

#include "audio/device/CaptureRing.h"
#include "audio/device/BlockObserver.h"
#include "audio/device/ClockSource.h"
#include "audio/engine/Engine.h"

#include <juce_audio_devices/juce_audio_devices.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>

#if JUCE_LINUX || JUCE_BSD
#include <dlfcn.h>
#endif
#if JUCE_LINUX || JUCE_BSD || JUCE_MAC
#include <time.h>
#endif

namespace bandmate::audio {

using core::ErrorCode;
using core::fail;

namespace {

/// CPU time of the calling thread in seconds (wall time where the platform has no such clock).
double threadCpuSeconds() noexcept
{
#if JUCE_LINUX || JUCE_BSD || JUCE_MAC
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
#else
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
#endif
}

}  // namespace

void renderToOutputs(Engine& engine, float* const* outputs, int outputCount, int frames, float* scratch) noexcept
{
    if (outputCount <= 0) {
        return;
    }
    float* left = outputs[0];
    for (int done = 0; done < frames;) {
        const int chunk = std::min(frames - done, Engine::kMaxBlockFrames);
        // A period longer than the engine's block is one block to what goes along (its notes,
        // its playhead at the start).
        if (outputCount > 1) {
            engine.process(left + done, outputs[1] + done, chunk, done > 0);
        } else {
            // A mono device: the right channel goes to the scratch block (never past its end,
            // whatever the period) and both are mixed down into the one output.
            engine.process(left + done, scratch, chunk, done > 0);
            for (int i = 0; i < chunk; ++i) {
                left[done + i] = 0.5f * (left[done + i] + scratch[i]);
            }
        }
        done += chunk;
    }
    for (int c = 2; c < outputCount; ++c) {
        std::fill_n(outputs[c], frames, 0.0f);
    }
}

namespace {

// Runs on the driver's real-time thread: STYLE.md section 5 applies to everything it calls.
class EngineCallback final : public juce::AudioIODeviceCallback {
public:
    static constexpr int kBins = 400;  // 0.5 % of the period each, up to twice the period

    EngineCallback()
        : m_scratch(static_cast<size_t>(Engine::kMaxBlockFrames)), m_mono(static_cast<size_t>(Engine::kMaxBlockFrames))
    {
    }

    /// What the callback plays: the engine, or else the signal (once), or else silence; and
    /// where it records. Only while the callback is not registered (the device manager's lock,
    /// taken by addAudioCallback, orders these writes before the callback's reads).
    void setSources(Engine* engine, const std::vector<float>* signal, CaptureRing* capture, ClockSource* clock = nullptr,
                    BlockObserver* observer = nullptr)
    {
        m_engine.store(engine, std::memory_order_release);
        m_signal = signal;
        m_signalPosition = 0;
        m_capture = capture;
        m_clock = clock;
        m_observer = observer;
    }

    float takeInputPeak() { return m_inputPeak.exchange(0.0f, std::memory_order_relaxed); }

    void audioDeviceAboutToStart(juce::AudioIODevice* device) override
    {
        m_sampleRate = device->getCurrentSampleRate();
        m_cpuAtLastRead = -1.0;  // the callbacks may come from a new thread
        m_restarts.fetch_add(1, std::memory_order_relaxed);
    }

    void audioDeviceStopped() override { m_restarts.fetch_add(1, std::memory_order_relaxed); }

    /// Starts and stops of the device while the callback was registered (its own registration,
    /// which starts it once, included).
    [[nodiscard]] uint64_t restarts() const { return m_restarts.load(std::memory_order_relaxed); }

    void audioDeviceIOCallbackWithContext(const float* const* inputs, int inputCount, float* const* outputs,
                                          int outputCount, int frames,
                                          const juce::AudioIODeviceCallbackContext& /*context*/) noexcept override
    {
        const auto started = std::chrono::steady_clock::now();
        const float* input = inputCount > 0 ? inputs[0] : nullptr;  // only the chosen channel is open
        if (input != nullptr) {
            float peak = 0.0f;
            for (int i = 0; i < frames; ++i) {
                peak = std::max(peak, std::abs(input[i]));
            }
            // The meter reads and clears it (exchange): a max that never overwrites a cleared value.
            float seen = m_inputPeak.load(std::memory_order_relaxed);
            while (peak > seen && !m_inputPeak.compare_exchange_weak(seen, peak, std::memory_order_relaxed)) {
            }
        }
        Engine* engine = m_engine.load(std::memory_order_acquire);
        if (engine == nullptr || outputCount == 0) {
            for (int c = 0; c < outputCount; ++c) {
                std::fill_n(outputs[c], frames, 0.0f);
            }
            if (m_signal != nullptr && outputCount > 0) {
                playSignal(outputs, outputCount, frames);
                capture(input, outputs, outputCount, frames);
            }
            m_cpuAtLastRead = -1.0;
            return;
        }
        if (m_cpuAtLastRead < 0.0) {
            m_cpuAtLastRead = threadCpuSeconds();  // the first callback (often the heaviest) counts too
            m_wallSinceRead = 0.0;
            m_callbacksSinceRead = 0;
        }
        if (m_clock != nullptr) {
            engine->followClock(m_clock->beginBlock(frames));
        }
        renderToOutputs(*engine, outputs, outputCount, frames, m_scratch.data());
        if (m_clock != nullptr) {
            m_clock->endBlock(*engine, frames);
        }
        if (m_observer != nullptr) {
            m_observer->afterBlock(*engine, frames);
        }
        capture(input, outputs, outputCount, frames);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        const double fraction = seconds * m_sampleRate / std::max(frames, 1);
        const int bin = std::clamp(static_cast<int>(fraction * kBins / 2.0), 0, kBins - 1);
        m_histogram[static_cast<size_t>(bin)].fetch_add(1, std::memory_order_relaxed);
        if (fraction > m_max.load(std::memory_order_relaxed)) {
            m_max.store(fraction, std::memory_order_relaxed);
        }
        if (fraction > 1.0) {
            m_late.fetch_add(1, std::memory_order_relaxed);
        }
        // The thread CPU clock is a system call (not in the vDSO; about a microsecond and a half on
        // a virtual machine, more than rendering 64 frames), so it is read only after a late
        // callback and every kCpuReadEvery callbacks. A late callback's own CPU time is at least
        // what the thread used since the last read less the wall time of the callbacks between
        // (none can have used more CPU than its wall time). A callback's CPU time cannot exceed
        // its own wall time either (on a virtual machine the clock sometimes jumps by a scheduler
        // tick), so the smaller of the two is what it used.
        const bool late = fraction > 1.0;
        if (late || ++m_callbacksSinceRead >= kCpuReadEvery) {
            const double cpuNow = threadCpuSeconds();
            const double own = cpuNow - m_cpuAtLastRead - m_wallSinceRead;
            if (late && std::min(own, seconds) * m_sampleRate / std::max(frames, 1) > 1.0) {
                m_overruns.fetch_add(1, std::memory_order_relaxed);
            }
            m_cpuAtLastRead = cpuNow;
            m_wallSinceRead = 0.0;
            m_callbacksSinceRead = 0;
        } else {
            m_wallSinceRead += seconds;
        }
        m_callbacks.fetch_add(1, std::memory_order_relaxed);
    }

    [[nodiscard]] CallbackLoad load() const
    {
        CallbackLoad load;
        load.callbacks = m_callbacks.load(std::memory_order_relaxed);
        load.max = m_max.load(std::memory_order_relaxed);
        load.overruns = m_overruns.load(std::memory_order_relaxed);
        load.late = m_late.load(std::memory_order_relaxed);
        std::array<uint64_t, kBins> counts{};
        uint64_t total = 0;
        for (size_t i = 0; i < counts.size(); ++i) {
            counts[i] = m_histogram[i].load(std::memory_order_relaxed);
            total += counts[i];
        }
        const auto percentile = [&](double q) {
            uint64_t seen = 0;
            for (size_t i = 0; i < counts.size(); ++i) {
                seen += counts[i];
                if (total > 0 && static_cast<double>(seen) >= q * static_cast<double>(total)) {
                    return (static_cast<double>(i) + 1.0) * 2.0 / kBins;  // the bin's upper edge
                }
            }
            return 0.0;
        };
        load.p50 = percentile(0.50);
        load.p99 = percentile(0.99);
        return load;
    }

private:
    void playSignal(float* const* outputs, int outputCount, int frames) noexcept
    {
        const size_t left = m_signal->size() - std::min(m_signalPosition, m_signal->size());
        const size_t count = std::min(left, static_cast<size_t>(frames));
        for (int c = 0; c < outputCount; ++c) {
            std::copy_n(m_signal->data() + m_signalPosition, count, outputs[c]);
        }
        m_signalPosition += count;
    }

    /// The input and what the outputs now hold (mono) into the capture ring, block by block.
    void capture(const float* input, float* const* outputs, int outputCount, int frames) noexcept
    {
        if (m_capture == nullptr) {
            return;
        }
        for (int done = 0; done < frames;) {
            const int chunk = std::min(frames - done, Engine::kMaxBlockFrames);
            const float* mono = outputs[0] + done;
            if (outputCount > 1) {
                for (int i = 0; i < chunk; ++i) {
                    m_mono[static_cast<size_t>(i)] = 0.5f * (outputs[0][done + i] + outputs[1][done + i]);
                }
                mono = m_mono.data();
            }
            m_capture->write(input != nullptr ? input + done : nullptr, mono, static_cast<size_t>(chunk));
            done += chunk;
        }
    }

    std::atomic<Engine*> m_engine{nullptr};
    const std::vector<float>* m_signal = nullptr;
    size_t m_signalPosition = 0;
    CaptureRing* m_capture = nullptr;
    ClockSource* m_clock = nullptr;
    BlockObserver* m_observer = nullptr;
    std::atomic<float> m_inputPeak{0.0f};
    std::atomic<uint64_t> m_restarts{0};
    std::vector<float> m_scratch;  // the right channel when the device has only one output
    std::vector<float> m_mono;     // the outputs mixed down for the capture ring
    double m_sampleRate = 48000.0;
    static constexpr int kCpuReadEvery = 64;
    double m_cpuAtLastRead = -1.0;  ///< the thread's CPU clock when last read; < 0: not yet
    double m_wallSinceRead = 0.0;   ///< wall time of the callbacks since that read
    int m_callbacksSinceRead = 0;
    std::array<std::atomic<uint32_t>, kBins> m_histogram{};
    std::atomic<double> m_max{0.0};
    std::atomic<uint64_t> m_overruns{0};
    std::atomic<uint64_t> m_late{0};
    std::atomic<uint64_t> m_callbacks{0};
};

// libjack prints "Cannot connect to server socket…" to stderr whenever a client looks for a
// server that is not running, which JUCE's device scan does. Our own error message says it once
// and clearly, so its chatter is silenced (JUCE loads libjack at run time; so do we).
void silenceJackLogging()
{
#if JUCE_LINUX || JUCE_BSD
    using Handler = void (*)(const char*);
    using Setter = void (*)(Handler);
    static const bool done = [] {
        void* jack = dlopen("libjack.so.0", RTLD_LAZY);
        if (jack == nullptr) {
            return false;
        }
        const Handler quiet = [](const char*) {};
        for (const char* name : {"jack_set_error_function", "jack_set_info_function"}) {
            if (auto set = reinterpret_cast<Setter>(dlsym(jack, name))) {
                set(quiet);
            }
        }
        return true;  // the library stays loaded for the process, as JUCE keeps it too
    }();
    (void)done;
#endif
}

}  // namespace

struct LivePlayer::Impl {
    juce::AudioDeviceManager manager;
    EngineCallback callback;
    DeviceInfo info;
    bool running = false;
};

LivePlayer::LivePlayer() : m_impl(std::make_unique<Impl>()) {}

LivePlayer::~LivePlayer()
{
    stop();
    m_impl->manager.closeAudioDevice();
}

core::Result<std::unique_ptr<LivePlayer>> LivePlayer::openNonRealTime(const DeviceSettings& settings)
{
    // JUCE wants a message thread object; ours is the caller's thread, its loop never runs (see
    // the class comment).
    (void)juce::MessageManager::getInstance();
    silenceJackLogging();
    std::unique_ptr<LivePlayer> player(new LivePlayer());
    auto& manager = player->m_impl->manager;
    const auto& types = manager.getAvailableDeviceTypes();
    juce::StringArray driverNames;
    juce::AudioIODeviceType* type = nullptr;
    for (auto* candidate : types) {
        candidate->scanForDevices();
        driverNames.add(candidate->getTypeName());
        const bool wanted = settings.driver.empty()
                                ? !candidate->getDeviceNames(false).isEmpty()
                                : candidate->getTypeName().equalsIgnoreCase(juce::String::fromUTF8(settings.driver.c_str()));
        if (type == nullptr && wanted) {
            type = candidate;
        }
    }
    if (type == nullptr) {
        if (!settings.driver.empty()) {
            return fail(ErrorCode::NotFound,
                        "no such audio driver (this build has: " + driverNames.joinIntoString(", ").toStdString() + ")",
                        settings.driver);
        }
        return fail(ErrorCode::NotFound, "no audio output device found: live playback needs a sound card or a "
                                         "running JACK server (rendering to a file works without one)");
    }
    const juce::StringArray outputs = type->getDeviceNames(false);
    if (outputs.isEmpty()) {
        return fail(ErrorCode::NotFound,
                    "the " + type->getTypeName().toStdString() + " driver has no output device"
                        + (type->getTypeName() == "JACK" ? " (is a JACK server running?)" : ""),
                    type->getTypeName().toStdString());
    }
    juce::String deviceName = outputs[std::max(0, type->getDefaultDeviceIndex(false))];
    if (!settings.device.empty()) {
        deviceName = juce::String::fromUTF8(settings.device.c_str());
        if (!outputs.contains(deviceName)) {
            return fail(ErrorCode::NotFound,
                        "no such output device (" + type->getTypeName().toStdString()
                            + " has: " + outputs.joinIntoString(", ").toStdString() + ")",
                        settings.device);
        }
    }
    juce::String inputName;
    if (!settings.inputDevice.empty()) {
        inputName = juce::String::fromUTF8(settings.inputDevice.c_str());
        const juce::StringArray inputs = type->getDeviceNames(true);
        if (!inputs.contains(inputName)) {
            return fail(ErrorCode::NotFound,
                        "no such input device (" + type->getTypeName().toStdString() + " has: "
                            + (inputs.isEmpty() ? std::string("none") : inputs.joinIntoString(", ").toStdString()) + ")",
                        settings.inputDevice);
        }
        if (settings.inputChannel < 0) {
            return fail(ErrorCode::InvalidArgument, "an input channel counts from 1", settings.inputDevice);
        }
    }
    manager.setCurrentAudioDeviceType(type->getTypeName(), false);
    juce::AudioDeviceManager::AudioDeviceSetup setup;
    setup.outputDeviceName = deviceName;
    setup.inputDeviceName = inputName;
    setup.sampleRate = settings.sampleRate;
    setup.bufferSize = settings.bufferFrames;
    setup.useDefaultInputChannels = false;
    if (inputName.isNotEmpty()) {
        setup.inputChannels.setBit(settings.inputChannel);  // only that one: it arrives as inputs[0]
    }
    setup.useDefaultOutputChannels = true;
    juce::String error =
        manager.initialise(inputName.isEmpty() ? 0 : settings.inputChannel + 1, 2, nullptr, false, {}, &setup);
    juce::AudioIODevice* device = manager.getCurrentAudioDevice();
    // A JACK client that has just let go of the device (the previous take, the page's player)
    // can leave the server still tearing its ports down: the device opens with no port to play
    // on. Asked again a moment later it has them (seen on a busy machine between two takes).
    for (int retry = 0; retry < 5 && error.isEmpty() && device != nullptr && device->getActiveOutputChannels().isZero(); ++retry) {
        manager.closeAudioDevice();
        juce::Thread::sleep(200);
        error = manager.initialise(inputName.isEmpty() ? 0 : settings.inputChannel + 1, 2, nullptr, false, {}, &setup);
        device = manager.getCurrentAudioDevice();
    }
    if (error.isNotEmpty() || device == nullptr) {
        return fail(ErrorCode::Io,
                    "could not open the audio device: " + (error.isNotEmpty() ? error.toStdString() : "unknown reason"),
                    deviceName.toStdString());
    }
    DeviceInfo& info = player->m_impl->info;
    info.driver = type->getTypeName().toStdString();
    info.device = device->getName().toStdString();
    info.sampleRate = device->getCurrentSampleRate();
    info.bufferFrames = device->getCurrentBufferSizeSamples();
    info.outputLatencyFrames = device->getOutputLatencyInSamples() + info.bufferFrames;
    if (device->getActiveOutputChannels().isZero()) {
        return fail(ErrorCode::Io, "the output device has no channel to play on", info.device);
    }
    if (inputName.isNotEmpty()) {
        const int channels = device->getInputChannelNames().size();
        if (settings.inputChannel >= channels || !device->getActiveInputChannels()[settings.inputChannel]) {
            return fail(ErrorCode::NotFound,
                        "the input device has " + std::to_string(channels) + " channel" + (channels == 1 ? "" : "s")
                            + ", not " + std::to_string(settings.inputChannel + 1),
                        settings.inputDevice);
        }
        info.inputDevice = settings.inputDevice;
        info.inputChannel = settings.inputChannel;
        info.inputLatencyFrames = device->getInputLatencyInSamples();
    }
    return player;
}

const DeviceInfo& LivePlayer::info() const
{
    return m_impl->info;
}

void LivePlayer::start(Engine& engine, CaptureRing* capture, ClockSource* clock, BlockObserver* observer)
{
    stop();
    if (clock != nullptr) {
        clock->prepareNonRealTime(m_impl->info.sampleRate, m_impl->info.outputLatencyFrames);
    }
    if (observer != nullptr) {
        observer->prepareNonRealTime(m_impl->info.sampleRate, m_impl->info.outputLatencyFrames);
    }
    m_impl->callback.setSources(&engine, nullptr, capture, clock, observer);
    m_impl->manager.addAudioCallback(&m_impl->callback);
    m_impl->running = true;
}

void LivePlayer::playSignal(const std::vector<float>& signal, CaptureRing& capture)
{
    stop();
    m_impl->callback.setSources(nullptr, &signal, &capture);
    m_impl->manager.addAudioCallback(&m_impl->callback);
    m_impl->running = true;
}

void LivePlayer::stop()
{
    if (m_impl->running) {
        m_impl->manager.removeAudioCallback(&m_impl->callback);  // waits for a running callback
        m_impl->callback.setSources(nullptr, nullptr, nullptr);
        m_impl->running = false;
    }
}

float LivePlayer::takeInputPeak()
{
    return m_impl->callback.takeInputPeak();
}

CallbackLoad LivePlayer::load() const
{
    return m_impl->callback.load();
}

uint64_t LivePlayer::deviceRestarts() const
{
    return m_impl->callback.restarts();
}

int LivePlayer::driverXruns() const
{
    auto* device = m_impl->manager.getCurrentAudioDevice();
    return device != nullptr ? device->getXRunCount() : -1;
}

}  // namespace bandmate::audio
