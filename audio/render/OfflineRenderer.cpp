#include "audio/render/OfflineRenderer.h"

#include "audio/engine/Engine.h"
#include "audio/render/OutputFile.h"

#include <juce_audio_formats/juce_audio_formats.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace bandmate::audio {

using core::ErrorCode;
using core::fail;

int64_t framesForBars(double bars, core::beats::Flavor flavor, double bpm, double sampleRate)
{
    // A 4/4 bar is four beats whatever the step length.
    (void)flavor;
    return std::llround(bars * 4.0 * 60.0 / bpm * sampleRate);
}

int64_t framesForSong(const core::beats::SongLayout& song, core::beats::Flavor flavor, double machineBpm, double bpm,
                      double sampleRate)
{
    // As the engine counts: each entry's steps at that entry's step length, summed unrounded.
    double frames = 0.0;
    const int perBeat = core::beats::stepsPerBeat(flavor);
    for (const auto& entry : song.entries) {
        const double factor = machineBpm > 0.0 ? entry.bpm / machineBpm : 1.0;
        frames += entry.steps * (sampleRate * 60.0 / (bpm * factor * perBeat));
    }
    return std::llround(frames);
}

core::Result<RenderStats> renderOffline(std::shared_ptr<const Pattern> pattern, const RenderSettings& settings,
                                        const RenderSink& sink)
{
    if (settings.sampleRate < 8000.0 || settings.sampleRate > 384000.0) {
        return fail(ErrorCode::InvalidArgument, "the sample rate must be between 8000 and 384000 Hz");
    }
    if (settings.frames < 0 || settings.tailFrames < 0) {
        return fail(ErrorCode::InvalidArgument, "the render length must not be negative");
    }
    if (pattern && std::abs(pattern->kit().sampleRate() - settings.sampleRate) > 0.5) {
        // Samples decoded for one rate and played at another sound higher or lower.
        return fail(ErrorCode::InvalidArgument, "the kit was decoded at " + std::to_string(std::lround(pattern->kit().sampleRate())) +
                                                    " Hz but the render runs at " + std::to_string(std::lround(settings.sampleRate)) +
                                                    " Hz: it would play out of tune");
    }
    const auto started = std::chrono::steady_clock::now();
    const int block = std::clamp(settings.blockFrames, 1, Engine::kMaxBlockFrames);
    auto engine = std::make_unique<Engine>();
    engine->prepareNonRealTime(settings.sampleRate);
    engine->setPattern(std::move(pattern));
    engine->setTempo(settings.bpm);
    engine->setSwing(settings.swing);
    engine->play(settings.countIn);

    std::vector<float> left(static_cast<size_t>(block));
    std::vector<float> right(static_cast<size_t>(block));
    size_t nextChange = 0;
    int64_t done = 0;
    int64_t nextReport = 0;
    const int64_t total = settings.frames + settings.tailFrames;
    const int64_t reportEvery = std::max<int64_t>(total / 100, 1);
    while (done < total) {
        while (nextChange < settings.tempoChanges.size() && settings.tempoChanges[nextChange].frame <= done) {
            engine->setTempo(settings.tempoChanges[nextChange].bpm);
            ++nextChange;
        }
        if (done == settings.frames && settings.tailFrames > 0) {
            engine->stop();  // the tail: what still rings, and no new note
        }
        int64_t frames = std::min<int64_t>(block, total - done);
        if (done < settings.frames) {
            frames = std::min(frames, settings.frames - done);  // a block ends where the tail starts
        }
        if (nextChange < settings.tempoChanges.size()) {
            frames = std::min(frames, settings.tempoChanges[nextChange].frame - done);
        }
        engine->process(left.data(), right.data(), static_cast<int>(frames));
        if (!sink(left.data(), right.data(), static_cast<int>(frames))) {
            return fail(ErrorCode::Io, "could not write the rendered audio");
        }
        done += frames;
        if (settings.progress && (done >= nextReport || done == total)) {
            nextReport = done + reportEvery;
            if (!settings.progress(static_cast<double>(done) / static_cast<double>(total))) {
                return fail(ErrorCode::Cancelled, "the render was cancelled");
            }
        }
    }
    RenderStats stats;
    stats.frames = done;
    stats.sampleRate = settings.sampleRate;
    stats.notes = engine->notesStarted();
    stats.renderSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return stats;
}

core::Result<std::vector<float>> renderMonoNonRealTime(std::shared_ptr<const Pattern> pattern, const RenderSettings& settings)
{
    std::vector<float> mono;
    mono.reserve(static_cast<size_t>(std::max<int64_t>(0, settings.frames + settings.tailFrames)));
    auto rendered = renderOffline(std::move(pattern), settings, [&mono](const float* left, const float* right, int count) {
        for (int i = 0; i < count; ++i) {
            mono.push_back(0.5f * (left[i] + right[i]));
        }
        return true;
    });
    if (!rendered) {
        return std::unexpected(rendered.error());
    }
    return mono;
}

core::Result<RenderStats> renderToWavFile(std::shared_ptr<const Pattern> pattern, const RenderSettings& settings,
                                          const std::string& path)
{
    auto checked = outputTarget(path);
    if (!checked) {
        return std::unexpected(checked.error());
    }
    const juce::File& target = *checked;
    const juce::File folder = target.getParentDirectory();
    const juce::File temp = folder.getNonexistentChildFile("." + target.getFileName() + ".partial", ".wav", false);
    juce::WavAudioFormat wav;
    std::unique_ptr<juce::AudioFormatWriter> writer;
    {
        auto stream = std::make_unique<juce::FileOutputStream>(temp);
        if (!stream->openedOk()) {
            return fail(ErrorCode::Io, "cannot write here: " + stream->getStatus().getErrorMessage().toStdString(),
                        temp.getFullPathName().toStdString());
        }
        writer.reset(wav.createWriterFor(stream.get(), settings.sampleRate, 2, 24, {}, 0));
        if (writer == nullptr) {
            temp.deleteFile();
            return fail(ErrorCode::InvalidArgument, "WAV cannot store this sample rate", path);
        }
        (void)stream.release();  // the writer owns it now
    }
    core::Result<RenderStats> result;
    if (settings.seamlessLoop) {
        // The notes of the last bars ring on past the end: render that tail with the sequencer
        // stopped (the next cycle's first notes are the file's own start), add it to the start.
        RenderSettings longer = settings;
        const int64_t tail = std::min<int64_t>(std::llround(settings.sampleRate * 4.0), settings.frames);
        longer.tailFrames = tail;
        std::vector<float> left;
        std::vector<float> right;
        left.reserve(static_cast<size_t>(settings.frames + tail));
        right.reserve(static_cast<size_t>(settings.frames + tail));
        result = renderOffline(std::move(pattern), longer, [&](const float* l, const float* r, int frames) {
            left.insert(left.end(), l, l + frames);
            right.insert(right.end(), r, r + frames);
            return true;
        });
        if (result) {
            for (int64_t i = 0; i < tail; ++i) {
                const auto at = static_cast<size_t>(i);
                const auto from = static_cast<size_t>(settings.frames + i);
                left[at] = std::clamp(left[at] + left[from], -1.0f, 1.0f);
                right[at] = std::clamp(right[at] + right[from], -1.0f, 1.0f);
            }
            const float* channels[] = {left.data(), right.data()};
            if (!writer->writeFromFloatArrays(channels, 2, static_cast<int>(settings.frames))) {
                result = fail(ErrorCode::Io, "could not write the rendered audio");
            } else {
                result->frames = settings.frames;
            }
        }
    } else {
        result = renderOffline(std::move(pattern), settings, [&](const float* l, const float* r, int frames) {
            const float* channels[] = {l, r};
            return writer->writeFromFloatArrays(channels, 2, frames);
        });
    }
    const bool flushed = result.has_value() && writer->flush();
    writer.reset();  // closes the file and finalises the header
    if (!result || !flushed) {
        temp.deleteFile();
        if (!result) {
            return std::unexpected(result.error());
        }
        return fail(ErrorCode::Io, "could not finish the WAV file", path);
    }
    // The header says how long the audio is: the file must hold all of it (24-bit stereo).
    const int64_t length = wavFileLength(temp);
    if (length < 0 || length - static_cast<int64_t>(result->frames) * 2 * 3 < 12) {
        temp.deleteFile();
        return fail(ErrorCode::Io, "could not finish the WAV file", path);
    }
    if (auto replaced = replaceWithWritten(temp, target, length, path); !replaced) {
        return std::unexpected(replaced.error());
    }
    return result;
}

}  // namespace bandmate::audio
