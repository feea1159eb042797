#pragma once

#include "audio/engine/Engine.h"

#include <array>
#include <cstdint>

namespace bandmate::audio {

/// Following an outside MIDI clock (24 ticks a quarter note, Start, Stop, Continue, Song
/// Position Pointer) as a hardware drum machine does, but with the tempo and phase fitted to the
/// ticks instead of stepping on each one: a curve through the last kWindow ticks' frames gives
/// the tempo (smooth: one tick's jitter moves it little, a ramp is followed) and where the beat
/// is at any frame (phase locked to the ticks, not to the last one alone).
///
/// Start: beat 0 is the first tick after it (the MIDI rule). Continue: the first tick after it
/// is the Song Position last given (or where it stopped). Stop stops. A clock whose ticks stop
/// coming for kLostTicks ticks (at least kLostSeconds) is lost: the groove stops, and it waits
/// for Start or Continue again (a cable pulled mid-song cannot say where the song went). The song's
/// place is the ticks counted, as in a hardware follower: a tick lost on the way leaves it a tick
/// (1/24 beat) behind until the next Start or Song Position.
///
/// Portable and allocation-free: a MIDI input gives message() each message with its frame (in
/// order, frames counted by the caller, never wrapping), and the device callback asks
/// positionAt() for each block's first frame. One thread (the audio thread).
class MidiClockIn {
public:
    static constexpr int kTicksPerBeat = 24;
    static constexpr int kWindow = 48;          ///< ticks fitted: two beats
    static constexpr int kCurveTicks = 12;      ///< from this many on, a tempo ramp is fitted too...
    static constexpr double kBendF = 12.0;      ///< ...when the bend is this significant (F test),
    static constexpr int kRampTicks = 24;       ///< over the newest this many: one beat
    static constexpr int kLostTicks = 4;          ///< ticks missing for the clock to be lost...
    static constexpr double kLostSeconds = 0.1;   ///< ...and at least this long
    /// A clock's tempo is believed in this range (wider than the machine's: another app's).
    static constexpr double kMinTempo = 5.0;
    static constexpr double kMaxTempo = 1000.0;

    void prepare(double sampleRate);
    /// One message from the MIDI input, at `frame`; anything but the clock's messages is ignored.
    void message(int64_t frame, const uint8_t* bytes, int size) noexcept;
    /// Where the clock's music is at `frame` (a block's first frame, not before the last one
    /// asked): rolling, beat and tempo. `fallbackBpm` is the tempo until two ticks have come.
    ClockPosition positionAt(int64_t frame, double fallbackBpm) noexcept;

    /// Ticks are coming (one within the lost limit at the last positionAt()).
    [[nodiscard]] bool receiving() const { return m_receiving; }
    /// Started or continued, and not stopped or lost since.
    [[nodiscard]] bool running() const { return m_running; }
    /// The fitted tempo (0 until two ticks came in a row).
    [[nodiscard]] double tempo() const;
    [[nodiscard]] uint64_t ticks() const { return m_ticks; }
    /// Times the clock was lost while it played.
    [[nodiscard]] uint64_t losses() const { return m_losses; }

private:
    void tick(int64_t frame) noexcept;
    void fit() noexcept;
    void startAt(int64_t zeroSerial, int64_t startTicks, int64_t frame) noexcept;
    [[nodiscard]] double lineFrame(double serial) const { return m_lineFrame + m_framesPerTick * (serial - m_lineSerial); }

    double m_rate = 48000.0;
    // The ticks: each has a serial (1, 2, … since prepare), the last kWindow frames in a ring.
    std::array<int64_t, kWindow> m_frames{};
    int m_count = 0;             ///< ticks in the window (the newest m_count before m_lastSerial)
    int64_t m_lastSerial = 0;    ///< the newest tick's
    int64_t m_lastFrame = 0;
    int m_outliers = 0;          ///< ticks in a row far off the line: the tempo jumped
    bool m_fitted = true;        ///< the fit holds every tick come (else positionAt() fits)
    // The fit at the newest tick, as a line on from there: tick `serial` is at frame
    // m_lineFrame + m_framesPerTick × (serial − m_lineSerial).
    double m_framesPerTick = 0.0;  ///< 0: not known yet
    double m_lineFrame = 0.0;
    int64_t m_lineSerial = 0;
    // The song.
    bool m_running = false;
    bool m_waitingFirstTick = false;  ///< started, its first tick not here yet
    bool m_startReported = false;     ///< rolling has been reported since the start
    int64_t m_zeroSerial = 0;         ///< the serial beat 0 is (or would have been) at
    int64_t m_startTicks = 0;         ///< where the song starts (Start: 0, Continue: the position)
    int64_t m_startFrame = 0;         ///< the Start or Continue message's frame
    int64_t m_songTicks = 0;          ///< a Song Position Pointer's, for the next Continue
    bool m_receiving = false;
    uint64_t m_ticks = 0;
    uint64_t m_losses = 0;
};

}  // namespace bandmate::audio
