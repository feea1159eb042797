#include "audio/coach/TakeAnalysis.h"

#include <juce_audio_basics/juce_audio_basics.h>
#include <juce_audio_formats/juce_audio_formats.h>

#include <aubio/aubio.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>

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
double correlationAt(std::span<const float> a, std::span<const float> b, size_t offset, size_t length)
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
std::vector<float> decimated(std::span<const float> samples, size_t length, size_t factor)
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

core::Result<std::vector<int>> parseMidiNotes(const std::string& text)
{
    std::vector<int> notes;
    const auto number = [](std::string word) -> std::optional<int> {
        word.erase(0, word.find_first_not_of(" \t"));
        word.erase(word.find_last_not_of(" \t") + 1);
        if (word.empty() || word.size() > 3 || word.find_first_not_of("0123456789") != std::string::npos) {
            return std::nullopt;
        }
        const int value = std::stoi(word);
        return value <= 127 ? std::optional<int>(value) : std::nullopt;
    };
    size_t at = 0;
    while (at <= text.size()) {
        const size_t comma = std::min(text.find(',', at), text.size());
        const std::string part = text.substr(at, comma - at);
        at = comma + 1;
        if (part.find_first_not_of(" \t") == std::string::npos) {
            if (comma == text.size() && !notes.empty()) {
                break;  // a trailing comma
            }
            continue;
        }
        const size_t dash = part.find('-');
        const auto first = number(part.substr(0, dash));
        const auto last = dash == std::string::npos ? first : number(part.substr(dash + 1));
        if (!first || !last || *last < *first) {
            return fail(ErrorCode::InvalidArgument, "MIDI notes are numbers from 0 to 127, or ranges such as 62-64: \"" + part + "\" is not one",
                        "MIDI notes");
        }
        for (int note = *first; note <= *last; ++note) {
            notes.push_back(note);
        }
    }
    std::sort(notes.begin(), notes.end());
    notes.erase(std::unique(notes.begin(), notes.end()), notes.end());
    return notes;
}

std::string midiNotesText(const std::vector<int>& notes)
{
    std::string text;
    for (size_t i = 0; i < notes.size();) {
        size_t j = i;
        while (j + 1 < notes.size() && notes[j + 1] == notes[j] + 1) {
            ++j;
        }
        text += (text.empty() ? "" : ", ") + std::to_string(notes[i]) + (j > i ? "-" + std::to_string(notes[j]) : "");
        i = j + 1;
    }
    return text;
}

core::Result<std::vector<double>> readMidiHitsNonRealTime(const std::string& path, double chordMs, const std::vector<int>& notes, int channel)
{
    std::bitset<128> wanted;  // (any order, any repeats)
    for (const int note : notes) {
        if (note >= 0 && note < 128) {
            wanted.set(static_cast<size_t>(note));
        }
    }
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
    std::vector<int> played;  // the note numbers the file has
    for (int t = 0; t < midi.getNumTracks(); ++t) {
        const juce::MidiMessageSequence* track = midi.getTrack(t);
        for (int e = 0; e < track->getNumEvents(); ++e) {
            const juce::MidiMessage& message = track->getEventPointer(e)->message;
            if (message.isNoteOn(false) && (channel == 0 || message.getChannel() == channel)) {
                played.push_back(message.getNoteNumber());
                if (notes.empty() || wanted.test(static_cast<size_t>(message.getNoteNumber() & 0x7F))) {
                    times.push_back(message.getTimeStamp() * 1000.0);
                }
            }
        }
    }
    std::sort(times.begin(), times.end());
    if (played.empty()) {
        return fail(ErrorCode::InvalidInput, channel > 0 ? "the MIDI file has no notes on channel " + std::to_string(channel) : "the MIDI file has no notes",
                    path);
    }
    if (times.empty()) {
        std::sort(played.begin(), played.end());
        played.erase(std::unique(played.begin(), played.end()), played.end());
        std::vector<int> asked = notes;
        std::sort(asked.begin(), asked.end());
        asked.erase(std::unique(asked.begin(), asked.end()), asked.end());
        return fail(ErrorCode::InvalidInput,
                    "the MIDI file has none of the part's notes (" + midiNotesText(asked) + (channel > 0 ? " on channel " + std::to_string(channel) : std::string())
                        + "); it plays " + midiNotesText(played),
                    path);
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

std::optional<BleedFilter> fitBleedNonRealTime(std::span<const float> take, std::span<const float> backing, double sampleRate,
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
    // The delay to the filter's strongest tap (between samples: a parabola through it and its
    // neighbours).
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
    BleedFilter fitted;
    fitted.bleed = Bleed{delayFrames * 1000.0 / sampleRate, 0.0, best};
    fitted.firstLag = firstLag;
    fitted.taps.assign(filter.begin(), filter.end());
    fitted.delay = static_cast<int64_t>(delay);
    return fitted;
}

double subtractBleed(const BleedFilter& filter, std::span<float> take, std::span<const float> backing, size_t from, size_t to)
{
    const auto backingSize = static_cast<int64_t>(backing.size());
    const auto taps = static_cast<int64_t>(filter.taps.size());
    double leakEnergy = 0.0;
    for (auto n = static_cast<int64_t>(from); n < static_cast<int64_t>(std::min(to, take.size())); ++n) {
        double leak = 0.0;
        for (int64_t tap = 0; tap < taps; ++tap) {
            const int64_t source = n - filter.firstLag - tap;
            if (source >= 0 && source < backingSize) {
                leak += filter.taps[static_cast<size_t>(tap)] * static_cast<double>(backing[static_cast<size_t>(source)]);
            }
        }
        take[static_cast<size_t>(n)] -= static_cast<float>(leak);
        leakEnergy += leak * leak;
    }
    return leakEnergy;
}

std::optional<Bleed> cancelBleedNonRealTime(std::vector<float>& take, const std::vector<float>& backing, double sampleRate,
                                            double maxDelayMs)
{
    std::optional<BleedFilter> filter = fitBleedNonRealTime(take, backing, sampleRate, maxDelayMs);
    if (!filter) {
        return std::nullopt;
    }
    const int64_t delay = filter->delay;
    const double leakEnergy = subtractBleed(*filter, take, backing, 0, take.size());
    // The gain as loud as the leak is against the backing.
    double backingEnergy = 0.0;
    for (int64_t n = 0; n < static_cast<int64_t>(take.size()); ++n) {
        if (const int64_t source = n - delay; source >= 0 && source < static_cast<int64_t>(backing.size())) {
            backingEnergy += static_cast<double>(backing[static_cast<size_t>(source)]) * backing[static_cast<size_t>(source)];
        }
    }
    Bleed bleed = filter->bleed;
    bleed.gain = backingEnergy > 0.0 ? std::sqrt(leakEnergy / backingEnergy) : 0.0;
    return bleed;
}

namespace {

constexpr uint_t kWindow = 512;
constexpr uint_t kHop = 64;
constexpr double kQuietMs = 10.0;   // the blocks the room is measured in, and what "just before" a hit spans
constexpr double kBeforeMs = 12.0;  // an attack is looked for this far before aubio's frame…
constexpr double kAfterMs = 30.0;   // …and its peak this far after

/// The loudest sample's level in x[from, to) (clipped to x), and where it is.
double peakLevel(std::span<const float> x, int64_t from, int64_t to, int64_t* where = nullptr)
{
    float peak = 0.0f;
    const auto total = static_cast<int64_t>(x.size());
    for (int64_t i = std::max<int64_t>(0, from); i < std::min(total, to); ++i) {
        if (std::abs(x[static_cast<size_t>(i)]) > peak) {
            peak = std::abs(x[static_cast<size_t>(i)]);
            if (where != nullptr) {
                *where = i;
            }
        }
    }
    return static_cast<double>(peak);
}

/// The tenth percentile of `blocks` (0 when none).
double tenthPercentile(std::vector<double> blocks)
{
    if (blocks.empty()) {
        return 0.0;
    }
    const auto tenth = blocks.begin() + static_cast<std::ptrdiff_t>(blocks.size() / 10);
    std::nth_element(blocks.begin(), tenth, blocks.end());
    return *tenth;
}

}  // namespace

double roomLevel(std::span<const float> samples, double sampleRate)
{
    const int64_t quiet = framesOf(kQuietMs, sampleRate);
    std::vector<double> blocks;
    for (int64_t at = 0; quiet > 0 && at + quiet <= static_cast<int64_t>(samples.size()); at += quiet) {
        blocks.push_back(peakLevel(samples, at, at + quiet));
    }
    return tenthPercentile(std::move(blocks));
}

struct OnsetTracker::Impl {
    Impl(double sampleRate, const OnsetSettings& onsetSettings, std::optional<double> roomLevel)
        : rate(sampleRate),
          settings(onsetSettings),
          detector(kWindow, kHop, static_cast<uint_t>(std::lround(sampleRate))),
          room(roomLevel),
          before(framesOf(kBeforeMs, sampleRate)),
          after(framesOf(kAfterMs, sampleRate)),
          quiet(framesOf(kQuietMs, sampleRate)),
          minGap(framesOf(onsetSettings.minGapMs, sampleRate)),
          gate(std::pow(10.0, onsetSettings.gateDb / 20.0)),
          last(-minGap - 1)
    {
        if (detector.onset != nullptr) {
            aubio_onset_set_threshold(detector.onset, static_cast<smpl_t>(0.6 - 0.55 * std::clamp(settings.sensitivity, 0.0, 1.0)));
            aubio_onset_set_silence(detector.onset, static_cast<smpl_t>(settings.gateDb));
            aubio_onset_set_minioi_ms(detector.onset, static_cast<smpl_t>(settings.minGapMs));
        }
    }

    /// Places aubio's onset `t` on its attack's first sample: near aubio's frame, the first sample
    /// that rises well above what sounded just before (the last hit's tail, the room), on the way
    /// to the peak. Appends it to `out` unless it is too soft, does not rise out of what sounded
    /// before, or follows the last hit too closely.
    void place(std::span<const float> x, int64_t t, std::vector<double>& out)
    {
        const auto total = static_cast<int64_t>(x.size());
        const int64_t from = std::max<int64_t>(0, std::min(t, total - 1) - before);
        int64_t peakAt = from;
        const double peak = peakLevel(x, from, t + after, &peakAt);
        const double floor = std::max(peakLevel(x, from - quiet, from), room ? *room : tenthPercentile(blocks));
        if (peak < gate || peak < 1.5 * floor) {
            return;  // too soft, or no clear rise out of what sounded before
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
            return;
        }
        last = attack;
        out.push_back(static_cast<double>(attack) * 1000.0 / rate);
    }

    double rate;
    OnsetSettings settings;
    AubioOnset detector;
    std::optional<double> room;  ///< given; else the tenth percentile of `blocks`
    std::vector<double> blocks;  ///< the 10 ms peaks so far (a live take's room)
    int64_t before;
    int64_t after;
    int64_t quiet;
    int64_t minGap;
    double gate;
    int64_t last;           ///< the last hit placed
    size_t at = 0;          ///< aubio has been fed x[0, at)
    std::vector<int64_t> pending;  ///< aubio's onsets not placed yet (their peak not all in)
    bool ended = false;
};

OnsetTracker::OnsetTracker(double sampleRate, const OnsetSettings& settings, std::optional<double> room)
    : m_impl(std::make_unique<Impl>(sampleRate, settings, room))
{
}

OnsetTracker::~OnsetTracker() = default;

std::vector<double> OnsetTracker::advance(std::span<const float> x, bool end)
{
    Impl& self = *m_impl;
    std::vector<double> placed;
    if (self.detector.onset == nullptr || self.ended) {
        return placed;
    }
    if (!self.room) {
        for (auto block = static_cast<int64_t>(self.blocks.size()); self.quiet > 0 && (block + 1) * self.quiet <= static_cast<int64_t>(x.size());
             ++block) {
            self.blocks.push_back(peakLevel(x, block * self.quiet, (block + 1) * self.quiet));
        }
    }
    // Past the end, silence: aubio reports a hit only a window and its delay after it began.
    const size_t until = end ? x.size() + kWindow + 6 * kHop : x.size();
    const std::atomic<bool>* cancelled = self.settings.cancelled;
    for (; self.at + kHop <= until; self.at += kHop) {
        if (cancelled != nullptr && self.at % (1024 * kHop) == 0 && cancelled->load()) {
            self.ended = true;
            return placed;
        }
        for (uint_t i = 0; i < kHop; ++i) {
            self.detector.in->data[i] = self.at + i < x.size() ? x[self.at + i] : 0.0f;
        }
        aubio_onset_do(self.detector.onset, self.detector.in, self.detector.out);
        if (self.detector.out->data[0] != 0.0f) {
            self.pending.push_back(static_cast<int64_t>(aubio_onset_get_last(self.detector.onset)));
        }
    }
    // Each onset once its peak's reach is in (at the end: all of them).
    size_t done = 0;
    for (; done < self.pending.size() && (end || self.pending[done] + self.after <= static_cast<int64_t>(x.size())); ++done) {
        self.place(x, self.pending[done], placed);
    }
    self.pending.erase(self.pending.begin(), self.pending.begin() + static_cast<std::ptrdiff_t>(done));
    self.ended = end;
    return placed;
}

double OnsetTracker::settledMs() const
{
    const Impl& self = *m_impl;
    if (self.ended) {
        return std::numeric_limits<double>::infinity();
    }
    // aubio reports a hit up to a window and its delay after it began; its attack may lie a little
    // before that; a pending one is placed once its peak's reach is in.
    int64_t settled = static_cast<int64_t>(self.at) - static_cast<int64_t>(kWindow + 6 * kHop) - self.before;
    if (!self.pending.empty()) {
        settled = std::min(settled, self.pending.front() - self.before);
    }
    return static_cast<double>(std::max<int64_t>(0, settled)) * 1000.0 / self.rate;
}

std::vector<double> detectOnsetsNonRealTime(const MonoAudio& audio, const OnsetSettings& settings)
{
    if (audio.samples.empty() || !(audio.sampleRate > 0.0)) {
        return {};
    }
    OnsetTracker tracker(audio.sampleRate, settings, roomLevel(audio.samples, audio.sampleRate));
    return tracker.advance(audio.samples, true);
}

}  // namespace bandmate::audio
