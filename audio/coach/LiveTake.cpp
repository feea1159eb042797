#include "audio/coach/LiveTake.h"

#include "audio/device/CaptureRing.h"
#include "audio/device/LivePlayer.h"
#include "audio/engine/Engine.h"
#include "audio/engine/Kit.h"
#include "audio/engine/Pattern.h"
#include "audio/render/OutputFile.h"
#include "core/beats/NoteStream.h"
#include "core/coach/TakeScore.h"

#include <juce_audio_formats/juce_audio_formats.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>
#include <limits>
#include <span>
#include <new>
#include <thread>

namespace bandmate::audio {

using core::ErrorCode;
using core::fail;

namespace {

/// The longest live take (as a file take): count-in and tail included.
constexpr double kLongestLiveSeconds = 15.0 * 60.0;

}  // namespace

core::Result<void> checkLiveTake(const LiveTakeRequest& request)
{
    const TakeRequest& take = request.take;
    if (!(take.latencyMs >= 0.0)) {
        return fail(ErrorCode::InvalidArgument, "a live take's latency is its measured round trip: 0 ms or more", "--latency-ms");
    }
    // The part's grid, as the scorer will take it: a part with no program or no notes is refused
    // now, not after the musician played the whole take.
    if (auto grid = takeGrid(take); !grid) {
        return std::unexpected(grid.error());
    }
    const core::beats::Machine& machine = take.machine;
    const double barMs = 60000.0 / machine.bpm * core::beats::stepsPerBar(machine.flavor) / core::beats::stepsPerBeat(machine.flavor);
    const double seconds = ((request.countIn ? 1.0 : 0.0) + request.bars) * barMs / 1000.0 + (take.latencyMs + 200.0) / 1000.0;
    if (!(request.bars >= 1.0) || !(seconds <= kLongestLiveSeconds)) {
        return fail(ErrorCode::InvalidArgument, "a take of 1 bar to 15 minutes, please", "--bars");
    }
    return {};
}

struct LiveRecorder::Impl {
    explicit Impl(LivePlayer& owner, double rate) : player(owner), ring(static_cast<size_t>(4.0 * rate)) {}
    ~Impl() { player.stop(); }  // before the engine and the ring go

    LivePlayer& player;
    LiveTakeRequest request;
    Engine engine;
    /// The caller drains it every 20 ms or so; four seconds of room leave plenty of slack.
    CaptureRing ring;
    MonoAudio recording;
    std::vector<float> played;
    size_t have = 0;
    int64_t countInFrames = 0;
    double barFrames = 1.0;
    /// Frames the ring dropped by the time the whole take was in (later ones, while nobody read
    /// any more, do not matter); -1 until then.
    int64_t overflowAtEnd = -1;
    int xruns = 0;
    uint64_t restarts = 0;
    std::chrono::steady_clock::time_point deadline;
    bool running = false;

    std::unique_ptr<LiveListener> listener;
    bool deaf = false;  ///< the listener failed (out of memory): no more marks
};

struct LiveListener::Impl {
    TakeRequest take;          ///< (its machine and onsets; nothing of it is read again)
    double rate = 48000.0;
    size_t total = 0;          ///< the whole recording's frames
    double offsetMs = 0.0;     ///< recording time → take time: the round trip and the count-in
    double lengthMs = 0.0;     ///< the take's bars
    bool subtract = true;
    std::vector<core::coach::ExpectedHit> expected;  ///< the whole take's
    std::vector<float> cleaned;       ///< the recording with the backing taken off, up to cleanedTo
    size_t have = 0;
    size_t cleanedTo = 0;
    size_t fitAt = 0;                 ///< the backing's filter is fitted once this much is in
    bool fitted = false;
    double bleedSearchMs = 300.0;
    std::future<std::optional<BleedFilter>> fitting;
    std::optional<BleedFilter> bleed;
    std::unique_ptr<OnsetTracker> tracker;
    std::vector<double> hitsMs;       ///< in the take's time
    size_t closed = 0;                ///< expected hits whose window has closed
    LiveProgress progress;
};

LiveListener::LiveListener() = default;

LiveListener::~LiveListener() = default;

core::Result<std::unique_ptr<LiveListener>> LiveListener::create(const TakeRequest& take, double sampleRate, double barFrames, double bars,
                                                                 int64_t countInFrames, size_t frames, bool subtract)
{
    auto grid = takeGrid(take);
    if (!grid) {
        return std::unexpected(grid.error());
    }
    std::unique_ptr<LiveListener> listener(new LiveListener());
    listener->m_impl = std::make_unique<Impl>();
    Impl& self = *listener->m_impl;
    self.take = take;
    self.rate = sampleRate;
    self.total = frames;
    self.subtract = subtract;
    self.offsetMs = take.latencyMs + static_cast<double>(countInFrames) * 1000.0 / sampleRate;
    self.progress.grid = *grid;
    self.progress.barMs = barFrames * 1000.0 / sampleRate;
    self.progress.tally.toleranceMs = take.toleranceMs;
    self.lengthMs = bars * self.progress.barMs;
    self.expected = core::coach::expectedHits(*grid, self.lengthMs);
    self.cleaned.assign(frames, 0.0f);
    self.tracker = std::make_unique<OnsetTracker>(sampleRate, take.onsets);
    self.bleedSearchMs = std::max(take.bleedSearchMs, take.latencyMs + 50.0);
    // The backing's filter is fitted once the count-in and a second and a half of the machine are
    // in: the clicks alone leave out most of what the machine sounds like (a conga's low end).
    // Hits are marked from then on, the first ones at once.
    self.fitAt = static_cast<size_t>(std::min<int64_t>(
        static_cast<int64_t>(frames), countInFrames + std::llround(std::max(1500.0, self.bleedSearchMs + 1000.0) * sampleRate / 1000.0)));
    return listener;
}

const LiveProgress& LiveListener::progress() const
{
    return m_impl->progress;
}

double LiveListener::bleedSearchMs() const
{
    return m_impl->bleedSearchMs;
}

void LiveListener::hear(std::span<const float> recording, std::span<const float> played)
{
    Impl& self = *m_impl;
    const TakeRequest& take = self.take;
    const double rate = self.rate;
    const size_t total = self.total;
    const bool subtract = self.subtract;
    self.have = std::min({recording.size(), played.size(), total});
    if (self.have < self.cleanedTo) {
        return;  // (never shorter than before)
    }
    if (subtract && !self.fitted) {
        // The filter is fitted on what comes first, on a thread of its own: the search for the
        // delay takes tens of milliseconds, which the caller's thread (the UI's) does not wait.
        // The hits are marked once it is there. Out of memory (or no thread to be had): no filter.
        const bool end = self.have >= total;
        try {
            if (!self.fitting.valid()) {
                if (self.have < self.fitAt) {
                    return;
                }
                std::vector<float> heard(recording.begin(), recording.begin() + static_cast<std::ptrdiff_t>(self.have));
                std::vector<float> sounded(played.begin(), played.begin() + static_cast<std::ptrdiff_t>(self.have));
                const double search = self.bleedSearchMs;
                self.fitting = std::async(std::launch::async, [heard = std::move(heard), sounded = std::move(sounded), rate, search] {
                    return fitBleedNonRealTime(heard, sounded, rate, search);
                });
            }
            if (!end && self.fitting.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
                return;
            }
            self.fitted = true;
            self.bleed = self.fitting.get();  // (at the end of the take: waited for)
        } catch (const std::exception&) {
            self.fitted = true;
            self.bleed.reset();
        }
        self.progress.backingTakenOff = self.bleed.has_value();
    }
    std::copy(recording.begin() + static_cast<std::ptrdiff_t>(self.cleanedTo), recording.begin() + static_cast<std::ptrdiff_t>(self.have),
              self.cleaned.begin() + static_cast<std::ptrdiff_t>(self.cleanedTo));
    if (self.bleed) {
        subtractBleed(*self.bleed, self.cleaned, played.first(self.have), self.cleanedTo, self.have);
    }
    self.cleanedTo = self.have;
    const bool end = self.have >= total;
    const std::vector<double> found = self.tracker->advance(std::span<const float>(self.cleaned.data(), self.have), end);
    core::coach::ScoreOptions options;
    options.toleranceMs = take.toleranceMs;
    const double offsetMs = self.offsetMs;
    for (const double ms : found) {
        if (ms - offsetMs >= -options.windowMs) {
            self.hitsMs.push_back(ms - offsetMs);
        }
    }
    const double heard = end ? std::numeric_limits<double>::infinity() : self.tracker->settledMs() - offsetMs;
    size_t nowClosed = self.closed;
    while (nowClosed < self.expected.size() && self.expected[nowClosed].ms + options.windowMs <= heard) {
        ++nowClosed;
    }
    if (found.empty() && nowClosed == self.closed) {
        // Nothing new to match: only how far it has been heard moves on.
        if (const double heardMs = std::clamp(heard, 0.0, self.lengthMs); heardMs != self.progress.heardMs) {
            self.progress.heardMs = heardMs;
            ++self.progress.revision;
        }
        return;
    }
    self.closed = nowClosed;
    // Matched as the take will be: every hit a played one may reach by now.
    const double reach = std::max(heard, self.hitsMs.empty() ? 0.0 : self.hitsMs.back()) + options.windowMs;
    const auto due = std::find_if(self.expected.begin(), self.expected.end(), [reach](const auto& hit) { return hit.ms > reach; });
    const core::coach::TakeScore score = core::coach::scoreTake({self.expected.begin(), due}, self.hitsMs, options);
    LiveProgress& shown = self.progress;
    shown.marks = score.hits;
    shown.extrasMs = score.extrasMs;
    shown.heardMs = std::clamp(heard, 0.0, self.lengthMs);
    shown.closed = static_cast<int>(nowClosed);
    // The tally: the hits whose window closed.
    core::coach::TakeScore tally;
    tally.toleranceMs = options.toleranceMs;
    int within = 0;
    double sum = 0.0;
    double squares = 0.0;
    for (size_t i = 0; i < nowClosed && i < score.hits.size(); ++i) {
        if (const auto& offset = score.hits[i].offsetMs) {
            ++tally.matched;
            within += std::abs(*offset) <= options.toleranceMs ? 1 : 0;
            sum += *offset;
            squares += *offset * *offset;
        } else {
            ++tally.missed;
        }
    }
    if (nowClosed > 0) {
        tally.accuracy = static_cast<double>(within) / static_cast<double>(nowClosed);
    }
    if (tally.matched > 0) {
        tally.meanOffsetMs = sum / tally.matched;
        tally.spreadMs = std::sqrt(std::max(0.0, squares / tally.matched - tally.meanOffsetMs * tally.meanOffsetMs));
    }
    tally.extra = static_cast<int>(std::count_if(score.extrasMs.begin(), score.extrasMs.end(),
                                                 [heard, &options](double ms) { return ms + options.windowMs <= heard; }));
    shown.tally = tally;
    ++shown.revision;
}

LiveRecorder::LiveRecorder() = default;

LiveRecorder::~LiveRecorder() = default;

core::Result<std::unique_ptr<LiveRecorder>> LiveRecorder::startNonRealTime(LivePlayer& player, const LiveTakeRequest& request)
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
    if (auto checked = checkLiveTake(request); !checked) {
        return std::unexpected(checked.error());
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

    std::unique_ptr<LiveRecorder> recorder(new LiveRecorder());
    recorder->m_impl = std::make_unique<Impl>(player, rate);
    Impl& self = *recorder->m_impl;
    self.request = request;
    self.countInFrames = countInFrames;
    self.barFrames = barFrames;
    self.recording.sampleRate = rate;
    self.recording.samples.assign(static_cast<size_t>(total), 0.0f);
    self.played.assign(static_cast<size_t>(total), 0.0f);
    auto listener = LiveListener::create(take, rate, barFrames, request.bars, countInFrames, static_cast<size_t>(total),
                                         take.subtractBacking && !request.playPart);
    if (!listener) {
        return std::unexpected(listener.error());
    }
    self.listener = std::move(*listener);
    self.engine.prepareNonRealTime(rate);
    self.engine.setPattern(pattern);
    self.engine.setTempo(machine.bpm);
    self.engine.setSwing(take.swing);
    self.engine.play(request.countIn);
    self.xruns = player.driverXruns();
    self.restarts = player.deviceRestarts();
    player.start(self.engine, &self.ring);
    self.running = true;
    self.deadline = std::chrono::steady_clock::now()
                    + std::chrono::milliseconds(static_cast<int64_t>(1000.0 * static_cast<double>(total) / rate) + 3000);
    return recorder;
}

double LiveRecorder::pollNonRealTime()
{
    Impl& self = *m_impl;
    const size_t total = self.recording.samples.size();
    self.have += self.ring.read(self.recording.samples.data() + self.have, self.played.data() + self.have, total - self.have);
    if (self.have >= total && self.overflowAtEnd < 0) {
        self.overflowAtEnd = static_cast<int64_t>(self.ring.overflowedFrames());
    }
    // Listening is for the marks as the take plays: out of memory, they stop; the take goes on.
    if (!self.deaf) {
        try {
            self.listener->hear(std::span<const float>(self.recording.samples.data(), self.have),
                                std::span<const float>(self.played.data(), self.have));
        } catch (const std::exception&) {
            self.deaf = true;
        }
    }
    return static_cast<double>(self.have) / static_cast<double>(total);
}

bool LiveRecorder::finished() const
{
    const Impl& self = *m_impl;
    return self.have >= self.recording.samples.size() || self.ring.overflowedFrames() > 0
           || std::chrono::steady_clock::now() > self.deadline;  // (an overflow before the end loses the take)
}

int LiveRecorder::barNow() const
{
    const Impl& self = *m_impl;
    const double frames = static_cast<double>(self.have) - static_cast<double>(self.countInFrames);
    return frames < 0.0 ? 0 : std::min(bars(), static_cast<int>(frames / self.barFrames) + 1);
}

const LiveProgress& LiveRecorder::progress() const
{
    return m_impl->listener->progress();
}

int LiveRecorder::bars() const
{
    return static_cast<int>(std::ceil(m_impl->request.bars));
}

core::Result<RecordedTake> LiveRecorder::finishNonRealTime(bool early)
{
    Impl& self = *m_impl;
    // Registering the callback starts it once; more is the device restarting under the take.
    const bool restarted = self.player.deviceRestarts() > self.restarts + 1;
    self.engine.stop();
    self.player.stop();
    const int xruns = self.player.driverXruns();
    const double rate = self.recording.sampleRate;
    if (restarted) {
        return fail(ErrorCode::Io, "the audio device restarted during the take: play it again", "live:restart");
    }
    const auto lost = static_cast<double>(self.overflowAtEnd >= 0 ? static_cast<uint64_t>(self.overflowAtEnd) : self.ring.overflowedFrames());
    if (lost > 0.0) {
        return fail(ErrorCode::Io,
                    "the computer fell behind and lost " + std::to_string(std::llround(lost * 1000.0 / rate))
                        + " ms of the take: close other programs and play it again",
                    "live:overflow");
    }
    const TakeRequest& take = self.request.take;
    double bars = self.request.bars;
    if (self.have < self.recording.samples.size()) {
        if (std::chrono::steady_clock::now() > self.deadline) {
            return fail(ErrorCode::Io, "the audio device stopped during the take", "live:stopped");
        }
        // Stopped early: the whole bars whose hits had time to come back are the take.
        const double tailFrames = (take.latencyMs + 200.0) * rate / 1000.0;
        bars = std::floor((static_cast<double>(self.have) - static_cast<double>(self.countInFrames) - tailFrames) / self.barFrames);
        if (!early || bars < 1.0) {
            return fail(ErrorCode::Cancelled, early ? "stopped before a whole bar was played" : "cancelled", "live:stopped-early");
        }
        self.recording.samples.resize(self.have);
        self.played.resize(self.have);
    }
    RecordedTake recorded;
    recorded.request = take;
    recorded.request.recording = std::move(self.recording);
    recorded.request.played = self.request.playPart ? std::vector<float>{} : std::move(self.played);
    recorded.request.subtractBacking = take.subtractBacking && !self.request.playPart;
    recorded.request.latencyMs = take.latencyMs + static_cast<double>(self.countInFrames) * 1000.0 / rate;  // step 0 after the count-in
    recorded.request.lengthMs = bars * self.barFrames * 1000.0 / rate;  // not the tail after the last bar
    recorded.bars = static_cast<int>(bars);
    recorded.countInFrames = self.countInFrames;
    recorded.request.bleedSearchMs = self.listener->bleedSearchMs();
    if (recorded.request.input.empty()) {
        recorded.request.input = "live take";
    }
    recorded.roundTripMs = take.latencyMs;
    recorded.dropouts = self.xruns >= 0 && xruns >= self.xruns ? xruns - self.xruns : 0;
    return recorded;
}

core::Result<void> writeRecordingNonRealTime(const RecordedTake& take, const std::string& path)
{
    if (!take.request.recording) {
        return fail(ErrorCode::InvalidArgument, "no recording to keep", path);
    }
    const MonoAudio& audio = *take.request.recording;
    auto checked = outputTarget(path);
    if (!checked) {
        return std::unexpected(checked.error());
    }
    const juce::File& target = *checked;
    const juce::File folder = target.getParentDirectory();
    const auto from = static_cast<size_t>(std::clamp<int64_t>(take.countInFrames, 0, static_cast<int64_t>(audio.samples.size())));
    const auto frames = static_cast<int>(audio.samples.size() - from);
    const juce::File temp = folder.getNonexistentChildFile("." + target.getFileName() + ".partial", ".flac", false);
    juce::FlacAudioFormat flac;
    {
        std::unique_ptr<juce::AudioFormatWriter> writer;
        auto stream = std::make_unique<juce::FileOutputStream>(temp);
        if (!stream->openedOk()) {
            return fail(ErrorCode::Io, "cannot write here: " + stream->getStatus().getErrorMessage().toStdString(), path);
        }
        writer.reset(flac.createWriterFor(stream.get(), audio.sampleRate, 1, 24, {}, 0));
        if (writer == nullptr) {
            stream.reset();  // closed before it goes (Windows keeps an open file)
            temp.deleteFile();
            return fail(ErrorCode::InvalidArgument, "FLAC cannot store this sample rate", path);
        }
        (void)stream.release();  // the writer owns it now
        const float* channels[] = {audio.samples.data() + from};
        // (JUCE's FLAC writer has no flush(): closing it finishes the file, and the read-back checks it.)
        const bool written = writer->writeFromFloatArrays(channels, 1, frames);
        writer.reset();  // closes the file
        if (!written) {
            temp.deleteFile();
            return fail(ErrorCode::Io, "could not write the recording (is the disk full?)", path);
        }
    }
    // Read back: a FLAC file has no length to check against, its frames do.
    {
        auto stream = std::make_unique<juce::FileInputStream>(temp);
        std::unique_ptr<juce::AudioFormatReader> reader(stream->openedOk() ? flac.createReaderFor(stream.release(), true) : nullptr);
        if (reader == nullptr || reader->lengthInSamples != frames) {
            reader.reset();  // closed before it goes (Windows keeps an open file)
            temp.deleteFile();
            return fail(ErrorCode::Io, "the recording did not read back whole (is the disk full?)", path);
        }
    }
    // A take cannot be played again: a file that came at this name meanwhile is not written over.
    return replaceWithWritten(temp, target, temp.getSize(), path, Existing::Keep);
}

core::Result<TakeResult> scoreRecordedTakeNonRealTime(const RecordedTake& take)
{
    auto result = scoreTakeNonRealTime(take.request);
    if (result) {
        result->latencyMs = take.roundTripMs;  // as the caller gave it, without the count-in
        result->dropouts = take.dropouts;
    }
    return result;
}

core::Result<TakeResult> recordTakeNonRealTime(LivePlayer& player, const LiveTakeRequest& request, const std::function<bool(double, const LiveProgress&)>& progress,
                                               const std::function<void(const RecordedTake&)>& recorded)
{
    try {
        auto recorder = LiveRecorder::startNonRealTime(player, request);
        if (!recorder) {
            return std::unexpected(recorder.error());
        }
        while (!(*recorder)->finished()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            const double done = (*recorder)->pollNonRealTime();
            if ((progress && !progress(done, (*recorder)->progress())) || (request.take.cancelled && request.take.cancelled->load())) {
                break;
            }
        }
        auto take = (*recorder)->finishNonRealTime();
        if (!take) {
            return std::unexpected(take.error());
        }
        recorder->reset();
        if (recorded) {
            recorded(*take);
        }
        return scoreRecordedTakeNonRealTime(*take);
    } catch (const std::bad_alloc&) {
        return fail(ErrorCode::Io, "not enough memory to record this take: record a shorter one", "live take");
    }
}

}  // namespace bandmate::audio
