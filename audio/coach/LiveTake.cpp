#include "audio/coach/LiveTake.h"

#include "audio/device/CaptureRing.h"
#include "audio/device/LivePlayer.h"
#include "audio/engine/Engine.h"
#include "audio/engine/Kit.h"
#include "audio/engine/Pattern.h"
#include "core/beats/NoteStream.h"

#include <chrono>
#include <cmath>
#include <new>
#include <thread>

namespace bandmate::audio {

using core::ErrorCode;
using core::fail;

namespace {

/// The longest live take (as a file take): count-in and tail included.
constexpr double kLongestLiveSeconds = 15.0 * 60.0;

core::Result<TakeResult> recordTake(LivePlayer& player, const LiveTakeRequest& request, const std::function<bool(double)>& progress)
{
    const DeviceInfo& info = player.info();
    if (info.inputDevice.empty()) {
        return fail(ErrorCode::InvalidArgument, "a live take listens: choose an input device", "input device");
    }
    const TakeRequest& take = request.take;
    const double rate = info.sampleRate;
    core::beats::Machine machine = take.machine;
    bool found = false;
    for (auto& instrument : machine.instruments) {
        if (instrument.id == take.part) {
            found = true;
            instrument.enabled = request.playPart;
        }
    }
    if (!found) {
        return fail(ErrorCode::NotFound, "the machine has no such part", "--part");
    }
    const std::string folder = take.kitFolder.empty() ? Kit::defaultFolderNonRealTime() : take.kitFolder;
    if (folder.empty()) {
        return fail(ErrorCode::NotFound, "the built-in kit is not installed here (set BANDMATE_KIT_DIR)", "kit");
    }
    auto kit = Kit::loadNonRealTime(folder, rate, take.voice);
    if (!kit) {
        return std::unexpected(kit.error());
    }
    const auto pattern = Pattern::build(core::beats::compileMachine(machine), *kit);
    const double stepFrames = rate * 60.0 / (machine.bpm * core::beats::stepsPerBeat(pattern->flavor()));
    const double barFrames = stepFrames * core::beats::stepsPerBar(pattern->flavor());
    const auto countInFrames = static_cast<int64_t>(std::llround(request.countIn ? barFrames : 0.0));
    // After the last bar, long enough for its last hit to come back and its window to close.
    const double tailMs = std::max(0.0, take.latencyMs) + 200.0;
    const auto total = static_cast<int64_t>(std::llround(static_cast<double>(countInFrames) + request.bars * barFrames + tailMs * rate / 1000.0));
    if (!(request.bars > 0.0) || static_cast<double>(total) > kLongestLiveSeconds * rate) {
        return fail(ErrorCode::InvalidArgument, "a take of 1 bar to 15 minutes, please", "--bars");
    }

    Engine engine;
    engine.prepareNonRealTime(rate);
    engine.setPattern(pattern);
    engine.setTempo(machine.bpm);
    engine.setSwing(take.swing);
    engine.play(request.countIn);
    // The worker drains every 20 ms; four seconds of room leave it plenty of slack.
    CaptureRing ring(static_cast<size_t>(4.0 * rate));
    MonoAudio recording;
    recording.sampleRate = rate;
    recording.samples.assign(static_cast<size_t>(total), 0.0f);
    std::vector<float> played(static_cast<size_t>(total), 0.0f);
    size_t have = 0;
    // The device stops calling the engine before the engine (declared earlier) goes, however
    // this function is left.
    struct StopOnExit {
        LivePlayer& player;
        ~StopOnExit() { player.stop(); }
    } stopOnExit{player};
    const int xrunsBefore = player.driverXruns();
    player.start(engine, &ring);
    const auto deadline = std::chrono::steady_clock::now()
                          + std::chrono::milliseconds(static_cast<int64_t>(1000.0 * static_cast<double>(total) / rate) + 3000);
    bool stopped = false;
    while (have < recording.samples.size()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        have += ring.read(recording.samples.data() + have, played.data() + have, recording.samples.size() - have);
        if ((progress && !progress(static_cast<double>(have) / static_cast<double>(total)))
            || (take.cancelled && take.cancelled->load())) {
            stopped = true;
            break;
        }
        if (std::chrono::steady_clock::now() > deadline || ring.overflowedFrames() > 0) {
            break;
        }
    }
    engine.stop();
    player.stop();
    const int xrunsAfter = player.driverXruns();
    if (stopped) {
        return fail(ErrorCode::Cancelled, "cancelled");
    }
    if (ring.overflowedFrames() > 0) {
        return fail(ErrorCode::Io,
                    "the computer fell behind and lost " + std::to_string(std::llround(static_cast<double>(ring.overflowedFrames()) * 1000.0 / rate))
                        + " ms of the take: close other programs and play it again",
                    info.device);
    }
    if (have < recording.samples.size()) {
        return fail(ErrorCode::Io, "the audio device stopped during the take", info.device);
    }
    TakeRequest scored = take;
    scored.recording = std::move(recording);
    scored.played = request.playPart ? std::vector<float>{} : std::move(played);
    scored.subtractBacking = take.subtractBacking && !request.playPart;
    scored.latencyMs = take.latencyMs + static_cast<double>(countInFrames) * 1000.0 / rate;  // step 0 after the count-in
    if (scored.input.empty()) {
        scored.input = "live take";
    }
    auto result = scoreTakeNonRealTime(scored);
    if (result) {
        result->latencyMs = take.latencyMs;  // the round trip, as the caller gave it
        result->dropouts = xrunsBefore >= 0 && xrunsAfter >= xrunsBefore ? xrunsAfter - xrunsBefore : 0;
    }
    return result;
}

}  // namespace

core::Result<TakeResult> recordTakeNonRealTime(LivePlayer& player, const LiveTakeRequest& request, const std::function<bool(double)>& progress)
{
    try {
        return recordTake(player, request, progress);
    } catch (const std::bad_alloc&) {
        return fail(ErrorCode::Io, "not enough memory to record this take: record a shorter one", "live take");
    }
}

}  // namespace bandmate::audio
