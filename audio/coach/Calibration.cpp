#include "audio/coach/Calibration.h"

#include "audio/device/CaptureRing.h"
#include "audio/device/LivePlayer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numbers>
#include <thread>

namespace bandmate::audio {

using core::ErrorCode;
using core::fail;

namespace {

constexpr double kClickMs = 4.0;
constexpr double kSpacingMs = 500.0;

int64_t framesOf(double ms, double sampleRate)
{
    return static_cast<int64_t>(std::lround(ms * sampleRate / 1000.0));
}

}  // namespace

std::vector<float> calibrationClicks(double sampleRate, std::vector<int64_t>& clickFrames, int count)
{
    const int64_t length = framesOf(kClickMs, sampleRate);
    const int64_t spacing = framesOf(kSpacingMs, sampleRate);
    clickFrames.clear();
    // Silence before the first click (a device's first blocks can be ramping up), after the last
    // as long as the longest round trip.
    std::vector<float> signal(static_cast<size_t>(spacing * count + framesOf(kMaxRoundTripMs, sampleRate) + length), 0.0f);
    for (int k = 0; k < count; ++k) {
        const int64_t start = spacing / 2 + spacing * k;
        clickFrames.push_back(start);
        for (int64_t i = 0; i < length; ++i) {
            // A linear sweep from 1 to 10 kHz under a Hann window: short enough to sound like a
            // click, broad enough that its correlation has one sharp peak.
            const double t = static_cast<double>(i) / sampleRate;
            const double duration = static_cast<double>(length) / sampleRate;
            const double phase = 2.0 * std::numbers::pi * (1000.0 * t + 0.5 * (9000.0 / duration) * t * t);
            const double window = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(length - 1));
            signal[static_cast<size_t>(start + i)] = static_cast<float>(0.5 * window * std::sin(phase));
        }
    }
    return signal;
}

core::Result<RoundTrip> findRoundTrip(const std::vector<float>& recorded, double sampleRate, int count)
{
    std::vector<int64_t> clicks;
    const std::vector<float> signal = calibrationClicks(sampleRate, clicks, count);
    const int64_t length = framesOf(kClickMs, sampleRate);
    const int64_t maxLag = framesOf(kMaxRoundTripMs, sampleRate);
    if (static_cast<int64_t>(recorded.size()) < clicks.back() + length + maxLag) {
        return fail(ErrorCode::InvalidInput, "the recording stopped before the last click could come back", "calibration");
    }
    const float* click = signal.data() + clicks.front();
    // Each click's correlation with what came back at every delay.
    std::vector<std::vector<double>> correlation(clicks.size(), std::vector<double>(static_cast<size_t>(maxLag + 1)));
    std::vector<double> together(static_cast<size_t>(maxLag + 1), 0.0);
    for (size_t k = 0; k < clicks.size(); ++k) {
        const float* heard = recorded.data() + clicks[k];
        for (int64_t lag = 0; lag <= maxLag; ++lag) {
            double sum = 0.0;
            for (int64_t i = 0; i < length; ++i) {
                sum += static_cast<double>(click[i]) * heard[lag + i];
            }
            correlation[k][static_cast<size_t>(lag)] = std::abs(sum);  // a microphone may invert
        }
    }
    // Summed, each measured against its own level: a click drowned by a door slam counts as much
    // as a clear one, not as much as the slam.
    const auto rmsOf = [](const std::vector<double>& values) {
        double energy = 0.0;
        for (const double c : values) {
            energy += c * c;
        }
        return std::sqrt(energy / static_cast<double>(values.size()));
    };
    for (const auto& own : correlation) {
        const double rms = rmsOf(own);
        for (size_t lag = 0; rms > 0.0 && lag < own.size(); ++lag) {
            together[lag] += own[lag] / rms;
        }
    }
    const auto best = std::max_element(together.begin(), together.end());
    if (!(*best > 0.0)) {
        return fail(ErrorCode::InvalidInput,
                    "no click came back: is the input connected and unmuted, and are the speakers on?", "calibration");
    }
    const int64_t delay = best - together.begin();
    // A click was heard when its own best delay is within a millisecond of all of them together's
    // and stands out from the rest of its correlation (four times its mean square root).
    RoundTrip trip;
    trip.frames = delay;
    trip.sampleRate = sampleRate;
    trip.clicksPlayed = count;
    const int64_t near = framesOf(1.0, sampleRate);
    int64_t earliest = maxLag;
    int64_t latest = 0;
    for (const auto& own : correlation) {
        const auto peak = std::max_element(own.begin(), own.end());
        const double rms = rmsOf(own);
        const int64_t at = peak - own.begin();
        if (std::abs(at - delay) <= near && *peak >= 4.0 * rms) {
            ++trip.clicksHeard;
            earliest = std::min(earliest, at);
            latest = std::max(latest, at);
        }
    }
    if (trip.clicksHeard * 2 < count) {
        return fail(ErrorCode::InvalidInput,
                    "only " + std::to_string(trip.clicksHeard) + " of " + std::to_string(count)
                        + " clicks came back clearly: turn the speakers or the input up, or calibrate somewhere quieter",
                    "calibration");
    }
    trip.spreadMs = static_cast<double>(latest - earliest) * 1000.0 / sampleRate;
    return trip;
}

core::Result<RoundTrip> measureRoundTripNonRealTime(LivePlayer& player)
{
    const DeviceInfo& info = player.info();
    if (info.inputDevice.empty()) {
        return fail(ErrorCode::InvalidArgument, "calibration listens: choose an input device", "input device");
    }
    std::vector<int64_t> clicks;
    const std::vector<float> signal = calibrationClicks(info.sampleRate, clicks);
    // Room for the whole signal and a few blocks more: nothing is dropped even if this thread is slow.
    CaptureRing ring(signal.size() + static_cast<size_t>(8 * std::max(info.bufferFrames, 1024)));
    std::vector<float> recorded(signal.size(), 0.0f);
    size_t have = 0;
    player.playSignal(signal, ring);
    const auto deadline = std::chrono::steady_clock::now()
                          + std::chrono::milliseconds(static_cast<int64_t>(1000.0 * static_cast<double>(signal.size()) / info.sampleRate) + 3000);
    while (have < recorded.size() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        have += ring.read(recorded.data() + have, nullptr, recorded.size() - have);
    }
    player.stop();
    if (have < recorded.size()) {
        return fail(ErrorCode::Io, "the audio device stopped while calibrating", info.device);
    }
    return findRoundTrip(recorded, info.sampleRate);
}

}  // namespace bandmate::audio
