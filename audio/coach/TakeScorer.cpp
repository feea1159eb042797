#include "audio/coach/TakeScorer.h"

#include "audio/engine/Kit.h"
#include "audio/engine/Pattern.h"
#include "audio/render/MidiExport.h"
#include "audio/render/OfflineRenderer.h"
#include "core/beats/NoteStream.h"

#include <algorithm>
#include <cctype>
#include <new>

namespace bandmate::audio {

using core::ErrorCode;
using core::fail;

namespace {

/// What the speakers played while the take was recorded: the machine without the practised
/// part, rendered as the engine plays it, mono, as long as the take.
core::Result<std::vector<float>> renderBacking(const TakeRequest& request, double sampleRate, size_t frames)
{
    core::beats::Machine backing = request.machine;
    for (auto& instrument : backing.instruments) {
        instrument.enabled = instrument.enabled && instrument.id != request.part;
    }
    const std::string folder = request.kitFolder.empty() ? Kit::defaultFolderNonRealTime() : request.kitFolder;
    if (folder.empty()) {
        return fail(ErrorCode::NotFound, "the built-in kit is not installed here (set BANDMATE_KIT_DIR), or score without the backing",
                    "--no-bleed");
    }
    auto kit = Kit::loadNonRealTime(folder, sampleRate, request.voice);
    if (!kit) {
        return std::unexpected(kit.error());
    }
    RenderSettings settings;
    settings.sampleRate = sampleRate;
    settings.frames = static_cast<int64_t>(frames);
    settings.bpm = request.machine.bpm;
    settings.swing = request.swing;
    settings.progress = [&request](double) { return !(request.cancelled && request.cancelled->load()); };
    return renderMonoNonRealTime(Pattern::build(core::beats::compileMachine(backing), *kit), settings);
}

}  // namespace

core::Result<core::coach::PartGrid> takeGrid(const TakeRequest& request)
{
    core::beats::Machine machine = request.machine;
    for (auto& instrument : machine.instruments) {
        instrument.enabled = instrument.enabled || instrument.id == request.part;
    }
    return core::coach::partGrid(core::beats::compileMachine(machine), request.part, machine.bpm, request.swing);
}

std::vector<int> generalMidiNotes(const TakeRequest& request)
{
    core::beats::Machine machine = request.machine;
    for (auto& instrument : machine.instruments) {
        instrument.enabled = instrument.id == request.part;
        if (instrument.enabled && instrument.keyed) {
            return {};
        }
    }
    std::vector<int> keys;
    for (const auto& instrument : core::beats::compileMachine(machine).instruments) {
        for (const auto& event : instrument.events) {
            keys.push_back(generalMidiPercussionKey(instrument.id, event.number));
        }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

bool isMidiTake(const std::string& path)
{
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.ends_with(".mid") || lower.ends_with(".midi");
}

namespace {

core::Result<TakeResult> scoreTake(const TakeRequest& request)
{
    const auto stopped = [&request] { return request.cancelled && request.cancelled->load(); };
    auto grid = takeGrid(request);
    if (!grid) {
        return std::unexpected(grid.error());
    }
    TakeResult result;
    result.grid = *grid;
    result.latencyMs = request.latencyMs;
    result.midi = isMidiTake(request.input);
    result.midiNotes = result.midi ? request.midiNotes : std::vector<int>{};
    std::vector<double> played;
    double endMs = 0.0;
    core::coach::ScoreOptions options;
    options.toleranceMs = request.toleranceMs;
    if (result.midi) {
        auto hits = readMidiHitsNonRealTime(request.input, 25.0, request.midiNotes, request.midiChannel);
        if (!hits) {
            return std::unexpected(hits.error());
        }
        played = std::move(*hits);
        endMs = played.back() - request.latencyMs + options.windowMs;  // a MIDI take ends a window after its last note
    } else {
        auto take = request.recording ? core::Result<MonoAudio>(*request.recording) : readMonoNonRealTime(request.input);
        if (!take) {
            return std::unexpected(take.error());
        }
        if (stopped()) {
            return fail(ErrorCode::Cancelled, "cancelled");
        }
        if (request.subtractBacking && request.recording && !request.played.empty()) {
            result.bleed = cancelBleedNonRealTime(take->samples, request.played, take->sampleRate, request.bleedSearchMs);
        } else if (request.subtractBacking) {
            auto backing = renderBacking(request, take->sampleRate, take->samples.size());
            if (!backing) {
                return std::unexpected(backing.error());
            }
            result.bleed = cancelBleedNonRealTime(take->samples, *backing, take->sampleRate, request.bleedSearchMs);
        }
        if (stopped()) {
            return fail(ErrorCode::Cancelled, "cancelled");
        }
        OnsetSettings onsets = request.onsets;
        onsets.cancelled = request.cancelled.get();
        played = detectOnsetsNonRealTime(*take, onsets);
        if (stopped()) {
            return fail(ErrorCode::Cancelled, "cancelled");
        }
        // The hits whose whole window the recording covers, in its own time (latency taken off).
        endMs = static_cast<double>(take->samples.size()) * 1000.0 / take->sampleRate - request.latencyMs - options.windowMs;
    }
    for (double& ms : played) {
        ms -= request.latencyMs;
    }
    std::erase_if(played, [&](double ms) { return ms < -options.windowMs; });
    if (request.lengthMs) {
        endMs = std::min(endMs, *request.lengthMs);
    }
    const auto expected = core::coach::expectedHits(*grid, endMs);
    if (expected.empty()) {
        return fail(ErrorCode::InvalidInput, "the take is shorter than the part's first hit", request.input);
    }
    result.score = core::coach::scoreTake(expected, played, options);
    return result;
}

}  // namespace

core::Result<TakeResult> scoreTakeNonRealTime(const TakeRequest& request)
{
    try {
        return scoreTake(request);
    } catch (const std::bad_alloc&) {
        return fail(ErrorCode::Io, "not enough memory to score this take: score a shorter one", request.input);
    } catch (const std::exception& error) {
        return fail(ErrorCode::Internal, error.what(), request.input);
    }
}

}  // namespace bandmate::audio
