#include "audio/coach/TakeAnalysis.h"

#include <juce_audio_basics/juce_audio_basics.h>
#include <juce_audio_formats/juce_audio_formats.h>

#include <aubio/aubio.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

namespace bandmate::audio {

using core::ErrorCode;
using core::fail;

namespace {

constexpr double kLongestTakeSeconds = 15.0 * 60.0;  // a practice take; longer ones are scored in parts

/// Samples in `ms` at `sampleRate`.
int64_t framesOf(double ms, double sampleRate)
{
    return static_cast<int64_t>(std::llround(ms * sampleRate / 1000.0));
}

/// The normalised correlation of a[offset + i] with b[i] over i < length.
double correlationAt(const std::vector<float>& a, const std::vector<float>& b, size_t offset, size_t length)
{
    double ab = 0.0;
    double aa = 0.0;
    double bb = 0.0;
    for (size_t i = 0; i < length; ++i) {
        const double x = a[offset + i];
        const double y = b[i];
        ab += x * y;
        aa += x * x;
        bb += y * y;
    }
    return aa > 0.0 && bb > 0.0 ? ab / std::sqrt(aa * bb) : 0.0;
}

/// `samples` summed in groups of `factor` (a box low-pass, then every factor-th sample).
std::vector<float> decimated(const std::vector<float>& samples, size_t length, size_t factor)
{
    std::vector<float> out(length / factor);
    for (size_t i = 0; i < out.size(); ++i) {
        float sum = 0.0f;
        for (size_t k = 0; k < factor; ++k) {
            sum += samples[i * factor + k];
        }
        out[i] = sum;
    }
    return out;
}

struct AubioOnset {
    aubio_onset_t* onset = nullptr;
    fvec_t* in = nullptr;
    fvec_t* out = nullptr;
    AubioOnset(uint_t window, uint_t hop, uint_t sampleRate)
        : onset(new_aubio_onset("specflux", window, hop, sampleRate)), in(new_fvec(hop)), out(new_fvec(1))
    {
    }
    ~AubioOnset()
    {
        if (onset != nullptr) {
            del_aubio_onset(onset);
        }
        del_fvec(in);
        del_fvec(out);
    }
    AubioOnset(const AubioOnset&) = delete;
    AubioOnset& operator=(const AubioOnset&) = delete;
};

}  // namespace

core::Result<MonoAudio> readMonoNonRealTime(const std::string& path)
{
    const juce::File file(juce::String::fromUTF8(path.c_str()));
    if (!file.existsAsFile()) {
        return fail(ErrorCode::NotFound, "no such file", path);
    }
    juce::AudioFormatManager formats;
    formats.registerBasicFormats();
    std::unique_ptr<juce::AudioFormatReader> reader(formats.createReaderFor(file));
    if (reader == nullptr) {
        return fail(ErrorCode::InvalidInput, "not an audio file this program reads (WAV, AIFF, FLAC or Ogg Vorbis)", path);
    }
    const double rate = reader->sampleRate;
    const auto channels = static_cast<int>(reader->numChannels);
    if (!(rate >= 8000.0 && rate <= 384000.0) || channels < 1 || channels > 64) {
        return fail(ErrorCode::InvalidInput, "an audio file with no channels, too many, or an impossible sample rate", path);
    }
    const int64_t frames = reader->lengthInSamples;
    if (frames <= 0) {
        return fail(ErrorCode::InvalidInput, "the recording is empty", path);
    }
    if (static_cast<double>(frames) > kLongestTakeSeconds * rate) {
        return fail(ErrorCode::InvalidInput,
                    "a take of at most " + std::to_string(static_cast<int>(kLongestTakeSeconds / 60.0)) + " minutes, please: score it in parts",
                    path);
    }
    // An uncompressed file holds what its header says, or it was cut short: its samples would be
    // read as silence.
    const juce::String format = reader->getFormatName();
    if ((format.containsIgnoreCase("WAV") || format.containsIgnoreCase("AIFF")) && !reader->usesFloatingPointData
        && frames * channels * static_cast<int64_t>(reader->bitsPerSample / 8) > file.getSize() + 1024) {
        return fail(ErrorCode::InvalidInput, "the file is shorter than its header says (cut off while copying?)", path);
    }
    // Read block by block, mixed to one channel and resampled to the analysis rate as it goes, so
    // a long recording with many channels or at a high rate never sits in memory whole.
    MonoAudio audio;
    audio.sampleRate = kAnalysisRate;
    const double ratio = rate / kAnalysisRate;  // input samples per output sample
    audio.samples.reserve(static_cast<size_t>(static_cast<double>(frames) / ratio) + 16);
    constexpr int kBlock = 65536;
    juce::AudioBuffer<float> buffer(channels, kBlock);
    juce::LagrangeInterpolator interpolator;
    std::vector<float> pending;  // mono input not yet resampled
    size_t used = 0;             // of pending
    std::vector<float> out(kBlock);
    for (int64_t at = 0; at < frames; at += kBlock) {
        const auto count = static_cast<int>(std::min<int64_t>(kBlock, frames - at));
        if (!reader->read(&buffer, 0, count, at, true, true)) {
            return fail(ErrorCode::Io, "the audio could not be read to its end", path);
        }
        const size_t base = pending.size();
        pending.resize(base + static_cast<size_t>(count), 0.0f);
        for (int channel = 0; channel < channels; ++channel) {
            const float* data = buffer.getReadPointer(channel);
            for (int i = 0; i < count; ++i) {
                pending[base + static_cast<size_t>(i)] += data[i] / static_cast<float>(channels);
            }
        }
        if (rate == kAnalysisRate) {
            audio.samples.insert(audio.samples.end(), pending.begin(), pending.end());
            pending.clear();
            continue;
        }
        const bool last = at + count >= frames;
        for (;;) {
            const size_t available = pending.size() - used;
            // Outputs the available input covers (a few samples kept for the interpolator's reach).
            const auto wanted = static_cast<int>(std::min<double>(kBlock, std::floor((static_cast<double>(available) - 4.0) / ratio)));
            if (wanted <= 0) {
                break;
            }
            used += static_cast<size_t>(interpolator.process(ratio, pending.data() + used, out.data(), wanted));
            audio.samples.insert(audio.samples.end(), out.begin(), out.begin() + wanted);
        }
        if (last) {
            const auto rest = static_cast<int>(std::floor(static_cast<double>(pending.size() - used) / ratio));
            if (rest > 0) {
                interpolator.process(ratio, pending.data() + used, out.data(), rest, static_cast<int>(pending.size() - used), 0);
                audio.samples.insert(audio.samples.end(), out.begin(), out.begin() + rest);
            }
        }
        pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(used));
        used = 0;
    }
    return audio;
}

core::Result<std::vector<double>> readMidiHitsNonRealTime(const std::string& path, double chordMs)
{
    const juce::File file(juce::String::fromUTF8(path.c_str()));
    if (!file.existsAsFile()) {
        return fail(ErrorCode::NotFound, "no such file", path);
    }
    juce::FileInputStream stream(file);
    juce::MidiFile midi;
    int format = 0;
    if (!stream.openedOk() || !midi.readFrom(stream, true, &format)) {
        return fail(ErrorCode::InvalidInput, "not a Standard MIDI File", path);
    }
    if (midi.getTimeFormat() <= 0) {
        return fail(ErrorCode::InvalidInput, "a MIDI file timed in SMPTE frames; give one timed in beats", path);
    }
    midi.convertTimestampTicksToSeconds();
    std::vector<double> times;
    for (int t = 0; t < midi.getNumTracks(); ++t) {
        const juce::MidiMessageSequence* track = midi.getTrack(t);
        for (int e = 0; e < track->getNumEvents(); ++e) {
            const juce::MidiMessage& message = track->getEventPointer(e)->message;
            if (message.isNoteOn(false)) {
                times.push_back(message.getTimeStamp() * 1000.0);
            }
        }
    }
    std::sort(times.begin(), times.end());
    if (times.empty()) {
        return fail(ErrorCode::InvalidInput, "the MIDI file has no notes", path);
    }
    if (!std::isfinite(times.back()) || times.front() < 0.0 || times.back() > kLongestTakeSeconds * 1000.0) {
        return fail(ErrorCode::InvalidInput,
                    "a take of at most " + std::to_string(static_cast<int>(kLongestTakeSeconds / 60.0)) + " minutes, please: score it in parts",
                    path);
    }
    std::vector<double> hits;
    for (const double ms : times) {
        if (hits.empty() || ms - hits.back() > chordMs) {
            hits.push_back(ms);
        }
    }
    return hits;
}

std::optional<Bleed> cancelBleedNonRealTime(std::vector<float>& take, const std::vector<float>& backing, double sampleRate,
                                            double maxDelayMs)
{
    // Coarse: the delay at a quarter of the rate over a few seconds; then to the sample.
    constexpr size_t kFactor = 4;
    const auto maxLag = static_cast<size_t>(std::max<int64_t>(0, framesOf(maxDelayMs, sampleRate)));
    const size_t length = std::min(take.size(), backing.size());
    if (length <= maxLag + static_cast<size_t>(sampleRate / 2.0)) {
        return std::nullopt;  // under half a second to compare: nothing reliable
    }
    const size_t segment = std::min(length - maxLag, static_cast<size_t>(4.0 * sampleRate));
    const std::vector<float> coarseTake = decimated(take, length, kFactor);
    const std::vector<float> coarseBacking = decimated(backing, length, kFactor);
    const size_t coarseSegment = segment / kFactor;
    std::vector<double> coarse;
    for (size_t lag = 0; lag <= maxLag / kFactor && lag + coarseSegment <= coarseTake.size(); ++lag) {
        coarse.push_back(correlationAt(coarseTake, coarseBacking, lag, coarseSegment));
    }
    if (coarse.empty()) {
        return std::nullopt;
    }
    const auto bestCoarse = static_cast<size_t>(std::max_element(coarse.begin(), coarse.end()) - coarse.begin());
    // The backing repeats itself (a step, a beat later): one delay must stand out, or the take is
    // left alone; subtracting at a wrong one would add the backing's hits, not remove them.
    const auto apart = static_cast<size_t>(framesOf(5.0, sampleRate)) / kFactor;
    double runnerUp = 0.0;
    for (size_t lag = 0; lag < coarse.size(); ++lag) {
        if (lag + apart < bestCoarse || lag > bestCoarse + apart) {
            runnerUp = std::max(runnerUp, coarse[lag]);
        }
    }
    if (coarse[bestCoarse] < 1.2 * runnerUp) {
        return std::nullopt;
    }
    double best = -1.0;
    size_t delay = 0;
    const size_t from = bestCoarse * kFactor > 2 * kFactor ? bestCoarse * kFactor - 2 * kFactor : 0;
    for (size_t lag = from; lag <= std::min(maxLag, bestCoarse * kFactor + 2 * kFactor); ++lag) {
        const double c = correlationAt(take, backing, lag, segment);
        if (c > best) {
            best = c;
            delay = lag;
        }
    }
    // The take holds the backing when subtracting it takes a clear share of the take's energy
    // (the share is the correlation squared): 0.15 is 2 %.
    if (best < 0.15) {
        return std::nullopt;
    }
    // What the speakers, the room and the microphone did to the backing: a short filter around
    // the delay (33 taps, a third of a millisecond either side at 48 kHz: a speaker's colour, a
    // delay that falls between two samples), fitted by least squares over ten seconds of the take.
    constexpr int kTaps = 33;
    const int64_t firstLag = static_cast<int64_t>(delay) - kTaps / 2;
    const auto takeSize = static_cast<int64_t>(take.size());
    const auto backingSize = static_cast<int64_t>(backing.size());
    const int64_t fitFrom = std::max<int64_t>(0, firstLag + kTaps - 1);
    const int64_t fitTo = std::min({takeSize, backingSize + firstLag, fitFrom + framesOf(10'000.0, sampleRate)});
    if (fitTo - fitFrom < framesOf(250.0, sampleRate)) {
        return std::nullopt;
    }
    const auto at = [&](int64_t n, int tap) { return static_cast<double>(backing[static_cast<size_t>(n - firstLag - tap)]); };
    std::array<double, kTaps> autocorrelation{};  // of the backing, by the distance between two taps
    std::array<double, kTaps> cross{};             // of the take with the backing at each tap
    for (int64_t n = fitFrom; n < fitTo; ++n) {
        const double b0 = at(n, 0);
        for (int d = 0; d < kTaps && n - d >= fitFrom; ++d) {
            autocorrelation[static_cast<size_t>(d)] += b0 * at(n - d, 0);
        }
        for (int tap = 0; tap < kTaps; ++tap) {
            cross[static_cast<size_t>(tap)] += static_cast<double>(take[static_cast<size_t>(n)]) * at(n, tap);
        }
    }
    if (!(autocorrelation[0] > 0.0)) {
        return std::nullopt;
    }
    // The normal equations (a Toeplitz matrix), solved by Gaussian elimination with partial
    // pivoting. The ridge (0.1 % of the backing's energy) keeps the filter out of what the backing
    // hardly has (its top octave): fitted there, it would only fit the player's own sound.
    std::array<std::array<double, kTaps + 1>, kTaps> system{};
    for (int j = 0; j < kTaps; ++j) {
        for (int k = 0; k < kTaps; ++k) {
            system[static_cast<size_t>(j)][static_cast<size_t>(k)] = autocorrelation[static_cast<size_t>(std::abs(j - k))];
        }
        system[static_cast<size_t>(j)][static_cast<size_t>(j)] += 1e-3 * autocorrelation[0];
        system[static_cast<size_t>(j)][kTaps] = cross[static_cast<size_t>(j)];
    }
    for (size_t column = 0; column < kTaps; ++column) {
        size_t pivot = column;
        for (size_t row = column + 1; row < kTaps; ++row) {
            if (std::abs(system[row][column]) > std::abs(system[pivot][column])) {
                pivot = row;
            }
        }
        std::swap(system[column], system[pivot]);
        if (system[column][column] == 0.0) {
            return std::nullopt;
        }
        for (size_t row = column + 1; row < kTaps; ++row) {
            const double factor = system[row][column] / system[column][column];
            for (size_t k = column; k <= kTaps; ++k) {
                system[row][k] -= factor * system[column][k];
            }
        }
    }
    std::array<double, kTaps> filter{};
    for (size_t row = kTaps; row-- > 0;) {
        double sum = system[row][kTaps];
        for (size_t k = row + 1; k < kTaps; ++k) {
            sum -= system[row][k] * filter[k];
        }
        filter[row] = sum / system[row][row];
    }
    // Taken off the whole take.
    double leakEnergy = 0.0;
    double backingEnergy = 0.0;
    for (int64_t n = 0; n < takeSize; ++n) {
        double leak = 0.0;
        for (int tap = 0; tap < kTaps; ++tap) {
            const int64_t source = n - firstLag - tap;
            if (source >= 0 && source < backingSize) {
                leak += filter[static_cast<size_t>(tap)] * static_cast<double>(backing[static_cast<size_t>(source)]);
            }
        }
        take[static_cast<size_t>(n)] -= static_cast<float>(leak);
        leakEnergy += leak * leak;
        if (const int64_t source = n - static_cast<int64_t>(delay); source >= 0 && source < backingSize) {
            backingEnergy += static_cast<double>(backing[static_cast<size_t>(source)]) * backing[static_cast<size_t>(source)];
        }
    }
    // The delay to the filter's strongest tap (between samples: a parabola through it and its
    // neighbours); the gain as loud as the leak is against the backing.
    size_t peak = 0;
    for (size_t tap = 1; tap < kTaps; ++tap) {
        peak = std::abs(filter[tap]) > std::abs(filter[peak]) ? tap : peak;
    }
    double delayFrames = static_cast<double>(firstLag) + static_cast<double>(peak);
    if (peak > 0 && peak + 1 < kTaps) {
        const double before = std::abs(filter[peak - 1]);
        const double middle = std::abs(filter[peak]);
        const double after = std::abs(filter[peak + 1]);
        const double curve = before - 2.0 * middle + after;
        if (curve < 0.0) {
            delayFrames += 0.5 * (before - after) / curve;
        }
    }
    const double gain = backingEnergy > 0.0 ? std::sqrt(leakEnergy / backingEnergy) : 0.0;
    return Bleed{delayFrames * 1000.0 / sampleRate, gain, best};
}

std::vector<double> detectOnsetsNonRealTime(const MonoAudio& audio, const OnsetSettings& settings)
{
    std::vector<double> onsets;
    const std::vector<float>& x = audio.samples;
    if (x.empty() || !(audio.sampleRate > 0.0)) {
        return onsets;
    }
    const double rate = audio.sampleRate;
    constexpr uint_t kWindow = 512;
    constexpr uint_t kHop = 64;
    AubioOnset detector(kWindow, kHop, static_cast<uint_t>(std::lround(rate)));
    if (detector.onset == nullptr) {
        return onsets;
    }
    aubio_onset_set_threshold(detector.onset, static_cast<smpl_t>(0.6 - 0.55 * std::clamp(settings.sensitivity, 0.0, 1.0)));
    aubio_onset_set_silence(detector.onset, static_cast<smpl_t>(settings.gateDb));
    aubio_onset_set_minioi_ms(detector.onset, static_cast<smpl_t>(settings.minGapMs));
    std::vector<int64_t> found;
    // Past the end, silence: aubio reports a hit only a window and its delay after it began.
    const size_t flushed = x.size() + kWindow + 6 * kHop;
    for (size_t at = 0; at < flushed; at += kHop) {
        if (settings.cancelled != nullptr && at % (1024 * kHop) == 0 && settings.cancelled->load()) {
            return onsets;
        }
        for (uint_t i = 0; i < kHop; ++i) {
            detector.in->data[i] = at + i < x.size() ? x[at + i] : 0.0f;
        }
        aubio_onset_do(detector.onset, detector.in, detector.out);
        if (detector.out->data[0] != 0.0f) {
            found.push_back(static_cast<int64_t>(aubio_onset_get_last(detector.onset)));
        }
    }
    // Each onset on its attack's first sample: near aubio's frame, the first sample that rises
    // well above what sounded just before (the last hit's tail, the room), on the way to the peak.
    const int64_t before = framesOf(12.0, rate);
    const int64_t after = framesOf(30.0, rate);
    const int64_t quiet = framesOf(10.0, rate);
    const auto total = static_cast<int64_t>(x.size());
    const double gate = std::pow(10.0, settings.gateDb / 20.0);
    const auto level = [&](int64_t from, int64_t to, int64_t* where = nullptr) {
        float peak = 0.0f;
        for (int64_t i = std::max<int64_t>(0, from); i < std::min(total, to); ++i) {
            if (std::abs(x[static_cast<size_t>(i)]) > peak) {
                peak = std::abs(x[static_cast<size_t>(i)]);
                if (where != nullptr) {
                    *where = i;
                }
            }
        }
        return static_cast<double>(peak);
    };
    // The room: the level most of the take stays above (the tenth percentile of its 10 ms peaks).
    // A hit must stand out from it too, also at the very start, where nothing sounded before.
    std::vector<double> blocks;
    for (int64_t at = 0; at + quiet <= total; at += quiet) {
        blocks.push_back(level(at, at + quiet));
    }
    double room = 0.0;
    if (!blocks.empty()) {
        const auto tenth = blocks.begin() + static_cast<std::ptrdiff_t>(blocks.size() / 10);
        std::nth_element(blocks.begin(), tenth, blocks.end());
        room = *tenth;
    }
    const int64_t minGap = framesOf(settings.minGapMs, rate);
    int64_t last = -minGap - 1;
    for (const int64_t t : found) {
        const int64_t from = std::max<int64_t>(0, std::min(t, total - 1) - before);
        int64_t peakAt = from;
        const double peak = level(from, t + after, &peakAt);
        const double floor = std::max(level(from - quiet, from), room);
        if (peak < gate || peak < 1.5 * floor) {
            continue;  // too soft, or no clear rise out of what sounded before
        }
        // Above the loudest of what sounded before (a decaying tail only falls from there).
        const double threshold = std::max(1.25 * floor, 0.2 * peak);
        int64_t attack = peakAt;
        for (int64_t i = from; i <= peakAt; ++i) {
            if (std::abs(x[static_cast<size_t>(i)]) >= threshold) {
                attack = i;
                break;
            }
        }
        if (attack - last < minGap) {
            continue;
        }
        last = attack;
        onsets.push_back(static_cast<double>(attack) * 1000.0 / rate);
    }
    return onsets;
}

}  // namespace bandmate::audio
