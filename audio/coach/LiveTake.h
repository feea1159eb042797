#pragma once

#include "audio/coach/TakeScorer.h"
#include "core/util/Result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>

namespace bandmate::audio {

class LivePlayer;

/// A take played along with the machine, live.
struct LiveTakeRequest {
    /// What is played and how it is scored (its `input` only names the take in messages);
    /// latencyMs is the setup's measured round trip (Calibration.h).
    TakeRequest take;
    double bars = 4.0;      ///< recorded after the count-in
    bool countIn = true;    ///< one bar of clicks first
    /// The machine plays the part too (to hear how it goes). What comes back then holds the
    /// machine's own part, which is what the take scores, and nothing is subtracted.
    bool playPart = false;
};

/// Whether the take can be recorded and scored, before anything is opened or played: the part
/// has notes to play, the length is 1 bar to 15 minutes, the latency is not negative.
[[nodiscard]] core::Result<void> checkLiveTake(const LiveTakeRequest& request);

/// A live take as recorded, ready to score: the microphone's take and what the speakers played,
/// frame for frame as the device clocked them.
struct RecordedTake {
    TakeRequest request;    ///< with its recording and what was played; latencyMs includes the count-in
    double roundTripMs = 0.0;
    int dropouts = 0;       ///< xruns the driver counted during the take
    int bars = 0;           ///< scored: all asked for, or the whole ones played before a stop
    int64_t countInFrames = 0;  ///< where the first step is in the recording (before the round trip)
};

/// Keeps what the musician played (with their consent): the input from the first step of the
/// take on (the count-in left out), mono 24-bit FLAC at the device's rate, so that `coach score
/// FILE --latency-ms ROUND_TRIP` scores it again as it was scored live. Written to a temporary
/// file beside `path`, read back whole, then put in place only if nothing is there (also nothing
/// that came after the name was checked): on any failure `path` stays as it was. InvalidArgument
/// for a folder; NotFound when the folder is missing; Io otherwise.
[[nodiscard]] core::Result<void> writeRecordingNonRealTime(const RecordedTake& take, const std::string& path);

/// How a live take is going, as far as it has been heard: what the take's view draws while the
/// musician plays. The same detector and matching as the take's score afterwards, run on what has
/// come in (the backing taken off with a filter fitted on its first seconds), so a mark seldom moves
/// when the whole take is scored at the end.
struct LiveProgress {
    core::coach::PartGrid grid;
    /// Every hit of the part due so far with its offset once a played hit matched it, in time order
    /// (a hit whose window is still open may yet be matched).
    std::vector<core::coach::HitResult> marks;
    std::vector<double> extrasMs;  ///< played hits no due hit claims, in the take's time (ms from its first step)
    /// The running tally over the hits whose window has closed: accuracy, mean offset, spread,
    /// matched and missed (its `hits` stay empty: see marks).
    core::coach::TakeScore tally;
    double heardMs = 0.0;  ///< the take's time up to which every hit has been placed (at most its length)
    int closed = 0;        ///< marks[0, closed) have had their window close: missed or matched for good
    double barMs = 0.0;    ///< a bar of the take
    bool backingTakenOff = false;  ///< the speakers' sound was found in the input and is taken off
    int revision = 0;      ///< rises whenever any of it changes
};

/// Hears a live take as it comes in and keeps its progress: the backing's filter fitted on the
/// take's first seconds and taken off what follows, each hit found (OnsetTracker) and matched to
/// the grid. LiveRecorder feeds it from the capture ring on the caller's thread; tests and the
/// benchmark feed it directly. Not for the audio callback. The filter is fitted on a thread of
/// its own (hear() does not wait for it but at the end of the take); the destructor waits for it.
class LiveListener {
public:
    /// `take` as played (latencyMs the round trip; its onsets, tolerance and backing setting);
    /// a bar is `barFrames` long, the take `bars` bars after `countInFrames` of count-in, the
    /// recording `frames` long in all (its tail included); `subtract`: take the backing off.
    /// NotFound or InvalidArgument as takeGrid.
    [[nodiscard]] static core::Result<std::unique_ptr<LiveListener>> create(const TakeRequest& take, double sampleRate, double barFrames,
                                                                           double bars, int64_t countInFrames, size_t frames, bool subtract);
    ~LiveListener();
    LiveListener(const LiveListener&) = delete;
    LiveListener& operator=(const LiveListener&) = delete;

    /// `recording` and `played` (what the speakers played, frame for frame): the take from its
    /// first frame up to what has come in; both grow from call to call. Finds what is new.
    void hear(std::span<const float> recording, std::span<const float> played);
    [[nodiscard]] const LiveProgress& progress() const;
    /// How late the backing is looked for in the take (ms): the round trip and some.
    [[nodiscard]] double bleedSearchMs() const;

private:
    LiveListener();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Records a live take, driven by the caller's thread (a loop, or a UI timer): start() plays the
/// machine without the practised part through the player (opened with an input device), after a
/// bar of count-in; poll() moves what the device recorded out of the capture ring (call it at
/// least every second or two); finish() stops and hands over the take. The device callback only
/// copies into the ring. …NonRealTime throughout: loads the kit, allocates.
class LiveRecorder {
public:
    /// InvalidArgument without an input device or with no bars; NotFound when the machine has no
    /// such part or the kit is missing.
    [[nodiscard]] static core::Result<std::unique_ptr<LiveRecorder>> startNonRealTime(LivePlayer& player, const LiveTakeRequest& request);
    ~LiveRecorder();  ///< stops the device first
    LiveRecorder(const LiveRecorder&) = delete;
    LiveRecorder& operator=(const LiveRecorder&) = delete;

    /// Takes what was recorded since the last call; how much of the take is in (0…1).
    double pollNonRealTime();
    /// The whole take is in, or it cannot be any more (the device stopped, the ring overflowed).
    [[nodiscard]] bool finished() const;
    /// The bar being played now (1-based; 0 during the count-in), as far as recorded.
    [[nodiscard]] int barNow() const;
    [[nodiscard]] int bars() const;
    /// The hits found so far (pollNonRealTime finds them in what it takes in).
    [[nodiscard]] const LiveProgress& progress() const;
    /// Stops the machine and the device and returns the take. Io when the device stopped or
    /// restarted, or part of the take was lost. Stopped before the end: Cancelled, or with
    /// `early` the whole bars played so far (Cancelled when not even one).
    [[nodiscard]] core::Result<RecordedTake> finishNonRealTime(bool early = false);

private:
    LiveRecorder();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Scores a recorded take (scoreTakeNonRealTime), its result's latency the round trip and its
/// dropouts counted. Any thread.
[[nodiscard]] core::Result<TakeResult> scoreRecordedTakeNonRealTime(const RecordedTake& take);

/// Records and scores a take on this thread (the command line): start, poll every 20 ms,
/// finish, score. `progress` (0…1 of the recording, and the hits heard so far) is called about
/// every 20 ms; returning false stops (Cancelled). `recorded` sees the take before it is scored (to keep the recording).
/// Blocks for the take's length.
[[nodiscard]] core::Result<TakeResult> recordTakeNonRealTime(LivePlayer& player, const LiveTakeRequest& request,
                                                             const std::function<bool(double, const LiveProgress&)>& progress = {},
                                                             const std::function<void(const RecordedTake&)>& recorded = {});

}  // namespace bandmate::audio
