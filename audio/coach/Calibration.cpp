#include "audio/coach/Calibration.h"

#include "audio/device/CaptureRing.h"
#include "audio/device/LivePlayer.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <numbers>
#include <thread>

namespace bandmate::audio {

using core::ErrorCode;
using core::fail;

namespace {

constexpr double kClickMs = 4.0;
/// From each click to the next: all longer than the longest round trip and the click, and no
/// two alike, so the click before can never come back where this one is looked for at the same
/// delay for most of them.
constexpr std::array<double, 7> kSpacingMs{530.0, 590.0, 470.0, 560.0, 500.0, 580.0, 480.0};
constexpr int kClicks = static_cast<int>(kSpacingMs.size()) + 1;
constexpr int kClicksNeeded = 6;

int64_t framesOf(double ms, double sampleRate)
{
    return static_cast<int64_t>(std::lround(ms * sampleRate / 1000.0));
}

}  // namespace

std::vector<float> calibrationClicks(double sampleRate, std::vector<int64_t>& clickFrames)
{
    const int64_t length = framesOf(kClickMs, sampleRate);
    clickFrames.assign(1, framesOf(250.0, sampleRate));  // a device's first blocks can be ramping up
    double at = 250.0;
    for (const double spacing : kSpacingMs) {
        at += spacing;
        clickFrames.push_back(framesOf(at, sampleRate));
    }
    // After the last click, as long as the longest round trip.
    std::vector<float> signal(static_cast<size_t>(clickFrames.back() + length + framesOf(kMaxRoundTripMs, sampleRate)), 0.0f);
    for (const int64_t start : clickFrames) {
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

core::Result<RoundTrip> findRoundTrip(const std::vector<float>& recorded, double sampleRate)
{
    std::vector<int64_t> clicks;
    const std::vector<float> signal = calibrationClicks(sampleRate, clicks);
    const int64_t length = framesOf(kClickMs, sampleRate);
    const int64_t maxLag = framesOf(kMaxRoundTripMs, sampleRate);
    if (static_cast<int64_t>(recorded.size()) < clicks.back() + length + maxLag) {
        return fail(ErrorCode::InvalidInput, "the recording stopped before the last click could come back", "calibration:short");
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
                    "no click came back: is the input connected and unmuted, and are the speakers on?", "calibration:silent");
    }
    const int64_t delay = best - together.begin();
    // A click was heard when its own best delay is within a millisecond of all of them together's
    // and stands out from the rest of its correlation (four times its mean square root).
    RoundTrip trip;
    trip.frames = delay;
    trip.sampleRate = sampleRate;
    trip.clicksPlayed = kClicks;
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
    // Another delay that fits nearly as well (more than a millisecond away) makes this one a guess.
    double runnerUp = 0.0;
    for (int64_t lag = 0; lag <= maxLag; ++lag) {
        if (std::abs(lag - delay) > near) {
            runnerUp = std::max(runnerUp, together[static_cast<size_t>(lag)]);
        }
    }
    if (trip.clicksHeard < kClicksNeeded) {
        return fail(ErrorCode::InvalidInput,
                    "only " + std::to_string(trip.clicksHeard) + " of " + std::to_string(kClicks)
                        + " clicks came back clearly: turn the speakers or the input up, or calibrate somewhere quieter",
                    "calibration:quiet");
    }
    if (runnerUp > 0.7 * *best) {
        return fail(ErrorCode::InvalidInput,
                    "the clicks came back at two delays alike: an echo or a steady sound in the room confuses them "
                    "(or the round trip is longer than 450 ms)",
                    "calibration:unclear");
    }
    trip.spreadMs = static_cast<double>(latest - earliest) * 1000.0 / sampleRate;
    return trip;
}

struct Calibrator::Impl {
    Impl(LivePlayer& owner, size_t capacity) : player(owner), ring(capacity) {}
    ~Impl() { player.stop(); }  // before the signal and the ring go

    LivePlayer& player;
    std::vector<float> signal;
    CaptureRing ring;
    std::vector<float> recorded;
    size_t have = 0;
    int xruns = 0;
    uint64_t restarts = 0;
    std::chrono::steady_clock::time_point deadline;
};

Calibrator::Calibrator() = default;

Calibrator::~Calibrator() = default;

core::Result<std::unique_ptr<Calibrator>> Calibrator::startNonRealTime(LivePlayer& player)
{
    const DeviceInfo& info = player.info();
    if (info.inputDevice.empty()) {
        return fail(ErrorCode::InvalidArgument, "calibration listens: choose an input device", "input device");
    }
    std::vector<int64_t> clicks;
    std::vector<float> signal = calibrationClicks(info.sampleRate, clicks);
    std::unique_ptr<Calibrator> calibrator(new Calibrator());
    // Room for the whole signal and a few blocks more: nothing is dropped even if the caller is slow.
    calibrator->m_impl = std::make_unique<Impl>(player, signal.size() + static_cast<size_t>(8 * std::max(info.bufferFrames, 1024)));
    Impl& self = *calibrator->m_impl;
    self.signal = std::move(signal);
    self.recorded.assign(self.signal.size(), 0.0f);
    self.xruns = player.driverXruns();
    self.restarts = player.deviceRestarts();
    player.playSignal(self.signal, self.ring);
    self.deadline = std::chrono::steady_clock::now()
                    + std::chrono::milliseconds(static_cast<int64_t>(1000.0 * static_cast<double>(self.signal.size()) / info.sampleRate) + 3000);
    return calibrator;
}

double Calibrator::pollNonRealTime()
{
    Impl& self = *m_impl;
    self.have += self.ring.read(self.recorded.data() + self.have, nullptr, self.recorded.size() - self.have);
    return static_cast<double>(self.have) / static_cast<double>(self.recorded.size());
}

bool Calibrator::finished() const
{
    return m_impl->have >= m_impl->recorded.size() || std::chrono::steady_clock::now() > m_impl->deadline;
}

core::Result<RoundTrip> Calibrator::finishNonRealTime()
{
    Impl& self = *m_impl;
    const DeviceInfo& info = self.player.info();
    // Registering the callback starts it once; more is the device restarting under the clicks.
    const bool restarted = self.player.deviceRestarts() > self.restarts + 1;
    self.player.stop();
    if (self.have < self.recorded.size()) {
        return fail(ErrorCode::Io, "the audio device stopped while calibrating", "calibration:stopped");
    }
    if (self.ring.overflowedFrames() > 0 || restarted) {
        return fail(ErrorCode::Io, "the audio device restarted while calibrating: calibrate again", "calibration:restart");
    }
    // A dropout (an xrun) can shift the input against the output from there on; the clicks then
    // disagree, and when something was heard that is the likelier reason they did.
    auto trip = findRoundTrip(self.recorded, info.sampleRate);
    float loudest = 0.0f;
    for (const float sample : self.recorded) {
        loudest = std::max(loudest, std::abs(sample));
    }
    if (!trip && trip.error().code == ErrorCode::InvalidInput && loudest > 1e-4f && self.player.driverXruns() != self.xruns) {
        return fail(ErrorCode::Io, "the audio dropped out while calibrating: close other programs or choose a larger buffer, and calibrate again",
                    "calibration:dropout");
    }
    return trip;
}

core::Result<RoundTrip> measureRoundTripNonRealTime(LivePlayer& player)
{
    auto calibrator = Calibrator::startNonRealTime(player);
    if (!calibrator) {
        return std::unexpected(calibrator.error());
    }
    while (!(*calibrator)->finished()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        (*calibrator)->pollNonRealTime();
    }
    return (*calibrator)->finishNonRealTime();
}

}  // namespace bandmate::audio
