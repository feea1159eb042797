#pragma once

#include "audio/engine/Pattern.h"
#include "audio/engine/SpscQueue.h"

#include <array>
#include <atomic>
#include <climits>
#include <cstdint>
#include <memory>
#include <vector>

namespace bandmate::audio {

/// Where an outside clock (Ableton Link, MIDI clock, JACK transport) has the music at the first
/// frame of a block. Beats are quarter notes counted from where the transport started; the
/// engine plays step `beat × steps per beat` there, so the bar lines fall where the clock's do.
/// A pattern note the engine started in its last block: what live MIDI out sends along with it.
struct StartedNote {
    int offset = 0;          ///< its frame in the block
    int lengthFrames = 1;    ///< how long it holds: its step (keyed), half of it (percussion)
    uint8_t mixerChannel = 0;
    uint8_t midiChannel = 9;  ///< 0-based, General MIDI's (9: percussion)
    uint8_t key = 0;
    uint8_t velocity = 100;   ///< 1-127
    bool silent = false;      ///< its mixer channel is muted (or another one soloed)
};

struct ClockPosition {
    bool rolling = false;  ///< the transport plays (or starts at beat 0 when `beat` is still below it)
    double beat = 0.0;
    double bpm = 120.0;
};

/// The beat engine: sequencer, sampler, mixer and limiter in one object, driven block by block
/// by the device callback (live) or by the offline renderer; both run this same code
/// (DESIGN.md section 3).
///
/// Threads (STYLE.md section 5): one control thread calls the set…/play/stop functions; they
/// only queue a command, publish a pattern pointer or set the mixer's mute/solo bits, which
/// process() picks up at the start of its next block. process() runs on the audio thread and never locks, allocates or frees. The
/// status getters may be called from any thread.
///
/// Timing: the frame of step k is computed from the tempo segment's start, never by summing step
/// lengths, so nothing drifts; every note starts at its exact frame inside the block.
class Engine {
public:
    static constexpr int kMaxChannels = core::beats::MachineLimits::kMaxInstruments;
    static constexpr int kClickChannel = kMaxChannels;  ///< count-in clicks, never muted
    static constexpr int kMaxVoices = 128;
    /// Pattern notes a block keeps for blockNotes() (more than 12 instruments' busiest steps in
    /// the longest block at 300 BPM start).
    static constexpr int kMaxBlockNotes = 512;
    /// A note cut short (stolen, or of a kit being replaced) fades out over this many frames
    /// instead of stopping mid-waveform, which clicks.
    static constexpr int kFadeFrames = 128;
    /// Stolen notes fading out at once; one more steal then cuts the quietest-left fade.
    static constexpr int kFadeVoices = 16;
    static constexpr int kMaxBlockFrames = 8192;
    static constexpr float kLimiterCeiling = 0.944f;  ///< −0.5 dBFS: a full machine never clips
    /// A followed clock's tempo range (wider than a machine's own: another app's tempo).
    static constexpr double kMinClockBpm = 1.0;
    static constexpr double kMaxClockBpm = 1000.0;

    Engine();
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    /// Sets the sample rate and allocates everything process() needs. Not while a device runs.
    void prepareNonRealTime(double sampleRate);
    [[nodiscard]] double sampleRate() const { return m_sampleRate; }

    // --- control thread -------------------------------------------------------------------
    /// Publishes a pattern; the audio thread switches at its next block. When the kit differs
    /// from the playing pattern's, sounding voices fade out over kFadeFrames (the old pattern,
    /// and with it the old kit, is let go once they are silent). The kit must have been loaded at
    /// this engine's sample rate.
    void setPattern(std::shared_ptr<const Pattern> pattern);
    /// Starts from step 0 (of an arrangement: from step `fromStep` of its song), after one bar
    /// of clicks when `countIn`.
    void play(bool countIn = false, int fromStep = 0);
    /// An arrangement plays on from its step `target` at its next `quantumSteps` line (a bar, a
    /// clave cycle) not yet played, exactly on it: "next section", "break". A later call
    /// replaces it; a target of -1 takes it back.
    void queueJump(int target, int quantumSteps);
    /// A song published while playing (another arrangement, or one instead of the machine's
    /// loop) starts from its top where the bar playing now began: the rest of this bar is its
    /// first bar's, in phase. Call it after setPattern().
    void restartSongInBar();
    /// Stops the sequencer; sounding notes ring out. The position is kept for resume().
    void stop();
    /// Continues from where stop() left off (a pause), phase-continuously.
    void resume();
    /// 30–300 BPM (clamped). Changed phase-continuously: the playhead keeps its position.
    void setTempo(double bpm);
    /// 0 = straight … 1 = triplet feel: off-beat steps are delayed by up to a third of a step.
    void setSwing(double amount);
    void setChannelVolume(int channel, double gain);
    void setChannelMute(int channel, bool muted);
    void setChannelSolo(int channel, bool solo);
    void setMasterGain(double gain);
    /// Frees patterns the audio thread has let go of. setPattern() calls it; a UI calls it from
    /// a timer too.
    void releaseRetiredNonRealTime();

    // --- audio thread -----------------------------------------------------------------------
    /// The next process() follows `position` instead of the engine's own transport and tempo:
    /// it plays from the clock's beat at the clock's tempo (starting, stopping and jumping with
    /// it; the small corrections of a clock that drifts against the sound card move no note by
    /// more than the correction). Called before each process() that should follow; a block
    /// without it runs on the engine's own transport from where the clock left it.
    void followClock(const ClockPosition& position) noexcept;
    /// Renders `frames` (≤ kMaxBlockFrames) into the two channels, overwriting them.
    /// `continuesBlock`: the next part of one device block longer than kMaxBlockFrames (its notes
    /// join the block's, the status keeps describing the block's start).
    void process(float* left, float* right, int frames, bool continuesBlock = false) noexcept;
    /// After process(), on its thread: the pattern notes the (device) block started, in order,
    /// offsets from its first frame (at most kMaxBlockNotes; any more are counted in
    /// blockNotesDropped()). Sounds the kit lacks are there too.
    [[nodiscard]] const StartedNote* blockNotes() const noexcept { return m_blockNotes.data(); }
    [[nodiscard]] int blockNoteCount() const noexcept { return m_blockNoteCount; }
    [[nodiscard]] uint64_t blockNotesDropped() const noexcept { return m_blockNotesDropped; }

    // --- status, any thread -----------------------------------------------------------------
    [[nodiscard]] bool isPlaying() const noexcept { return m_statusPlaying.load(std::memory_order_relaxed); }
    /// The playhead in steps (negative during the count-in) at the start of the last block.
    [[nodiscard]] double playheadStep() const noexcept { return m_statusStep.load(std::memory_order_relaxed); }
    /// The playhead in quarter-note beats at the start of the last block (steps / steps per beat).
    [[nodiscard]] double playheadBeat() const noexcept { return m_statusBeat.load(std::memory_order_relaxed); }
    /// Quarter-note beats of the pattern played since the engine was made (count-ins not
    /// included): each step played adds its length.
    [[nodiscard]] double beatsPlayed() const noexcept { return m_statusBeatsPlayed.load(std::memory_order_relaxed); }
    /// Tempo the engine plays at (its own or a followed clock's; a song's entry's), as of the
    /// last block.
    [[nodiscard]] double tempo() const noexcept { return m_statusBpm.load(std::memory_order_relaxed); }
    /// Where in an arrangement's song the playhead is (its step, with the fraction), as of the
    /// last block; 0 when not playing one.
    [[nodiscard]] double songStep() const noexcept { return m_statusSongStep.load(std::memory_order_relaxed); }
    /// The step a queued jump goes to, or -1 when none waits.
    [[nodiscard]] int queuedJump() const noexcept { return m_statusQueued.load(std::memory_order_relaxed); }
    /// Frames rendered since the last play().
    [[nodiscard]] int64_t framesPlayed() const noexcept { return m_statusFrames.load(std::memory_order_relaxed); }
    /// Pattern notes started since the engine was made (count-in clicks not included).
    [[nodiscard]] uint64_t notesStarted() const noexcept { return m_statusNotes.load(std::memory_order_relaxed); }
    [[nodiscard]] int voicesSounding() const noexcept { return m_statusVoices.load(std::memory_order_relaxed); }
    /// Voices cut short (with a kFadeFrames fade) because all kMaxVoices were sounding.
    [[nodiscard]] uint64_t voicesStolen() const noexcept { return m_statusStolen.load(std::memory_order_relaxed); }
    /// Commands lost because the queue was full (the control thread sent faster than blocks ran,
    /// or no device ran them). Any thread may read it.
    [[nodiscard]] uint32_t droppedCommands() const noexcept { return m_dropped.load(std::memory_order_relaxed); }

private:
    enum class CommandType : uint8_t { Play, Stop, Resume, Tempo, Swing, ChannelVolume, MasterGain, QueueJump, SongTop };
    struct Command {
        CommandType type = CommandType::Stop;
        int32_t channel = 0;
        double value = 0.0;
    };
    struct Voice {
        const float* left = nullptr;
        const float* right = nullptr;
        int64_t length = 0;
        int64_t position = 0;  ///< sample frame at the block start; negative = starts later
        float gain = 1.0f;
        int32_t channel = 0;
        uint64_t serial = 0;
        bool active = false;
        int32_t fadeLeft = 0;  ///< > 0: fading out, silent after this many more frames
        bool oldKit = false;   ///< plays a sample of m_fadingPattern's kit
    };

    void send(const Command& command);
    void apply(const Command& command) noexcept;
    void adoptPendingPattern() noexcept;
    void rebaseTempo(double framesPerStep) noexcept;
    void applyClock() noexcept;
    /// The pattern's flavor (its steps per beat), salsa before there is one.
    [[nodiscard]] core::beats::Flavor playingFlavor() const noexcept;
    [[nodiscard]] double framesPerStep() const noexcept;
    [[nodiscard]] int64_t onsetFrame(int64_t step) const noexcept;
    /// Decides where in a song step `step` plays (a queued jump at its line, a jump of the
    /// layout, the tempo of its entry); once per step, again only when a jump is queued before
    /// it sounded.
    void resolveSongStep(int64_t step) noexcept;
    void triggerStep(int64_t step, int offset) noexcept;
    void noteStarted(const PatternChannel& channel, const PatternEvent& event, int offset) noexcept;
    void startVoice(const float* left, const float* right, int64_t length, float gain, int channel,
                    int offset) noexcept;
    void fadeOut(Voice& voice) noexcept;
    void retireFadingPattern() noexcept;
    void renderVoices(float* left, float* right, int frames) noexcept;
    void applyMasterAndLimiter(float* left, float* right, int frames) noexcept;

    double m_sampleRate = 48000.0;

    // Control side.
    SpscQueue<Command, 1024> m_commands;
    std::vector<std::shared_ptr<const Pattern>> m_owned;  ///< every pattern the audio side may see
    std::atomic<uint32_t> m_dropped{0};
    // The mixer's mute and solo switches, one bit a channel: state the audio thread reads at each
    // block, not commands that could queue up (or be lost) while no device runs.
    static_assert(kMaxChannels <= 64, "one bit per channel in a 64-bit mask");
    std::atomic<uint64_t> m_muteMask{0};
    std::atomic<uint64_t> m_soloMask{0};
    static_assert(std::atomic<uint64_t>::is_always_lock_free && std::atomic<uint32_t>::is_always_lock_free);

    // Hand-over.
    std::atomic<const Pattern*> m_pending{nullptr};
    SpscQueue<const Pattern*, 256> m_retired;

    // Audio side (touched only by process() after prepare).
    const Pattern* m_pattern = nullptr;
    /// The pattern replaced by one with another kit, kept until its notes have faded out.
    const Pattern* m_fadingPattern = nullptr;
    int m_fadingPatternLeft = 0;  ///< frames until m_fadingPattern's notes are silent
    bool m_playing = false;
    int64_t m_frame = 0;     ///< frames since play()
    int64_t m_nextStep = 0;  ///< the next step to trigger
    double m_segmentFrame = 0.0;
    double m_segmentStep = 0.0;
    double m_framesPerStep = 12000.0;
    double m_bpm = 120.0;
    double m_swing = 0.0;
    float m_masterGain = 1.0f;
    float m_limiterEnvelope = 0.0f;
    float m_limiterRelease = 0.9999f;
    ClockPosition m_clock;
    bool m_clockPending = false;  ///< followClock() was called for the coming block
    bool m_clockDriven = false;   ///< this block follows a clock (a song's own tempi wait)
    // A song (an arrangement's pattern): the step it plays at timeline step k is k + offset.
    static constexpr int64_t kUnresolved = INT64_MIN;
    int64_t m_stepOffset = 0;
    int64_t m_playedOffset = 0;   ///< the offset of the last step that sounded
    int64_t m_resolvedStep = kUnresolved;  ///< the timeline step whose song step is decided
    int64_t m_resolvedFrom = 0;   ///< its song step before jumps (to decide again)
    double m_tempoFactor = 1.0;   ///< the playing entry's tempo over the machine's
    int32_t m_queuedTarget = -1;
    int32_t m_resolvedQueued = -1;  ///< the queued jump the decided step took, or -1
    int32_t m_songStart = 0;        ///< the song step the last play() started from
    int32_t m_queuedQuantum = 8;
    double m_beatsPlayed = 0.0;
    uint64_t m_notes = 0;
    uint64_t m_stolen = 0;
    uint64_t m_voiceSerial = 0;
    std::array<float, kMaxChannels + 1> m_channelVolume{};
    std::array<float, kMaxChannels + 1> m_patternVolume{};
    std::array<float, kMaxChannels + 1> m_channelGain{};
    std::vector<Voice> m_voices;  ///< kMaxVoices notes, then kFadeVoices stolen ones fading out
    std::vector<float> m_clickAccent;
    std::vector<float> m_click;
    std::array<StartedNote, kMaxBlockNotes> m_blockNotes{};
    int m_blockNoteCount = 0;
    int m_blockNoteBase = 0;  ///< frames of the device block before this process() call
    uint64_t m_blockNotesDropped = 0;
    uint64_t m_blockSilent = 0;  ///< the mixer channels silent in this block (mute, solo)

    // Status.
    std::atomic<bool> m_statusPlaying{false};
    std::atomic<double> m_statusStep{0.0};
    std::atomic<double> m_statusBpm{120.0};
    std::atomic<double> m_statusBeat{0.0};
    std::atomic<double> m_statusBeatsPlayed{0.0};
    std::atomic<double> m_statusSongStep{0.0};
    std::atomic<int> m_statusQueued{-1};
    std::atomic<int64_t> m_statusFrames{0};
    std::atomic<uint64_t> m_statusNotes{0};
    std::atomic<uint64_t> m_statusStolen{0};
    std::atomic<int> m_statusVoices{0};
    static_assert(std::atomic<double>::is_always_lock_free && std::atomic<int64_t>::is_always_lock_free &&
                  std::atomic<const Pattern*>::is_always_lock_free);
};

}  // namespace bandmate::audio
