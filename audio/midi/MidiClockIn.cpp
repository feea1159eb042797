#include "audio/midi/MidiClockIn.h"

#include "audio/midi/MidiStatus.h"

#include <algorithm>
#include <cmath>

namespace bandmate::audio {

namespace {

using namespace midi;
constexpr int kTicksPerSixteenth = MidiClockIn::kTicksPerBeat / 4;

}  // namespace

void MidiClockIn::prepare(double sampleRate)
{
    *this = MidiClockIn{};
    m_rate = sampleRate > 0.0 ? sampleRate : 48000.0;
}

double MidiClockIn::tempo() const
{
    // (As of the last positionAt(): the fit is made there.)
    return m_framesPerTick > 0.0 ? m_rate * 60.0 / (m_framesPerTick * kTicksPerBeat) : 0.0;
}

void MidiClockIn::message(int64_t frame, const uint8_t* bytes, int size) noexcept
{
    if (bytes == nullptr || size < 1) {
        return;
    }
    switch (bytes[0]) {
    case kClock:
        tick(frame);
        break;
    case kStart:
        m_songTicks = 0;
        startAt(m_lastSerial + 1, 0, frame);
        break;
    case kContinue:
        // Playing already, it is no news (MIDI's rule): not a jump back to the last position.
        if (!m_running) {
            startAt(m_lastSerial + 1 - m_songTicks, m_songTicks, frame);
        }
        break;
    case kStop:
        if (m_running) {
            // A Continue without a Song Position plays on from here: the next tick's place.
            m_songTicks = m_waitingFirstTick ? m_startTicks : std::max<int64_t>(0, m_lastSerial + 1 - m_zeroSerial);
        }
        m_running = false;
        m_waitingFirstTick = false;
        break;
    case kSongPosition:
        // Sixteenths, 14 bits; while playing it is ignored (MIDI's rule: a position moves a
        // stopped song).
        if (size >= 3 && !m_running && bytes[1] < 0x80 && bytes[2] < 0x80) {
            m_songTicks = static_cast<int64_t>(bytes[1] | (bytes[2] << 7)) * kTicksPerSixteenth;
        }
        break;
    default:
        break;  // notes, controllers, active sensing: not the clock's
    }
}

void MidiClockIn::startAt(int64_t zeroSerial, int64_t startTicks, int64_t frame) noexcept
{
    m_running = true;
    m_waitingFirstTick = true;
    m_startReported = false;
    m_zeroSerial = zeroSerial;
    m_startTicks = startTicks;
    m_startFrame = frame;
}

void MidiClockIn::tick(int64_t frame) noexcept
{
    if (m_count > 0) {
        frame = std::max(frame, m_lastFrame);
        if (m_count >= 4 && m_framesPerTick > 0.0) {
            // Two ticks in a row a third of a tick off the line: the tempo jumped (or a tick was
            // lost on the way). The line starts again from the tick before them, instead of
            // taking a beat to bend towards them.
            const double off = static_cast<double>(frame) - lineFrame(static_cast<double>(m_lastSerial + 1));
            m_outliers = std::abs(off) > m_framesPerTick / 3.0 ? m_outliers + 1 : 0;
            if (m_outliers >= 2) {
                m_count = 2;  // the tick before the first of them, and that one
                m_outliers = 0;
            }
        }
    }
    ++m_lastSerial;
    m_frames[static_cast<size_t>(m_lastSerial % kWindow)] = frame;
    m_count = std::min(m_count + 1, kWindow);
    m_lastFrame = frame;
    m_receiving = true;
    ++m_ticks;
    // Fitted once a block (positionAt), not once a tick: a flood of ticks costs a block no more
    // than a few. The line until then is the last fit, moved to this tick.
    m_fitted = false;
    m_waitingFirstTick = false;
}

namespace {

/// A least-squares fit of frames against tick numbers, at its newest tick.
struct Fit {
    double frame = 0.0;  ///< where the newest tick is, fitted
    double slope = 0.0;  ///< frames per tick there
    bool bends = false;  ///< a parabola explains the ticks clearly better than a line
};

/// Fits the `count` frames (oldest first). A straight line, unless `curve` and the ticks clearly
/// bend (a tempo ramp, a DAW's automation): then a parabola, so the ramp is followed instead of
/// lagged behind. "Clearly": the bend explains far more than jitter would (an F test at
/// `bendF`), as a parabola through jittery ticks of a steady clock is no better and twice as
/// shaky at its end. `force` takes the parabola without the test.
template <typename FrameAt>
Fit fitTicks(int count, FrameAt frameAt, double bendF, bool curve, bool force)
{
    // x centred on the window, y from its first tick (small numbers); z = x² − its mean is
    // orthogonal to 1 and to x on such a window, so each term is fitted on its own.
    const int64_t base = frameAt(0);
    const double n = count;
    const double meanX = (n - 1.0) / 2.0;
    const double meanXX = (n * n - 1.0) / 12.0;
    double sy = 0.0;
    double syy = 0.0;
    for (int i = 0; i < count; ++i) {
        const auto y = static_cast<double>(frameAt(i) - base);
        sy += y;
        syy += y * y;
    }
    const double meanY = sy / n;
    double sxy = 0.0;
    double sxx = 0.0;
    double szy = 0.0;
    double szz = 0.0;
    for (int i = 0; i < count; ++i) {
        const double x = i - meanX;
        const double z = x * x - meanXX;
        const double y = static_cast<double>(frameAt(i) - base) - meanY;
        sxy += x * y;
        sxx += x * x;
        szy += z * y;
        szz += z * z;
    }
    Fit fit;
    const double b = sxy / sxx;
    double c = 0.0;
    if (curve && szz > 0.0) {
        const double explained = szy * szy / szz;
        const double left = std::max(0.0, syy - sy * meanY - b * sxy - explained);  // the parabola's residual
        fit.bends = explained * (n - 3.0) > bendF * left;
        if (fit.bends || force) {
            c = szy / szz;
        }
    }
    const double end = n - 1.0 - meanX;
    fit.slope = b + 2.0 * c * end;
    fit.frame = static_cast<double>(base) + meanY + b * end + c * (end * end - meanXX);
    return fit;
}

}  // namespace

void MidiClockIn::fit() noexcept
{
    m_lineSerial = m_lastSerial;
    if (m_count < 2) {
        // One tick: the line goes through it, at the tempo known before (if any).
        m_lineFrame = static_cast<double>(m_lastFrame);
        return;
    }
    const auto window = [this](int count) {
        const int64_t first = m_lastSerial - count + 1;
        return [this, first](int i) { return m_frames[static_cast<size_t>((first + i) % kWindow)]; };
    };
    Fit fit = fitTicks(m_count, window(m_count), kBendF, m_count >= kCurveTicks, false);
    if (fit.bends && m_count > kRampTicks) {
        // A ramp: its newest ticks alone, so where it began (a kink the parabola cannot bend
        // round) weighs nothing.
        fit = fitTicks(kRampTicks, window(kRampTicks), kBendF, true, true);
    }
    // Ticks bunched (two read in one batch, all on one frame) or far apart are no tempo: the one
    // known before stands, and the line goes through the newest tick.
    const double slowest = m_rate * 60.0 / (kMinTempo * kTicksPerBeat);
    const double fastest = m_rate * 60.0 / (kMaxTempo * kTicksPerBeat);
    if (!std::isfinite(fit.slope) || !std::isfinite(fit.frame) || fit.slope < fastest || fit.slope > slowest) {
        m_lineFrame = static_cast<double>(m_lastFrame);
        return;
    }
    m_framesPerTick = fit.slope;
    m_lineFrame = fit.frame;
}

ClockPosition MidiClockIn::positionAt(int64_t frame, double fallbackBpm) noexcept
{
    if (!m_fitted) {
        fit();
        m_fitted = true;
    }
    const double fallback = std::isfinite(fallbackBpm) && fallbackBpm > 0.0 ? fallbackBpm : 120.0;
    const double perTick = m_framesPerTick > 0.0 ? m_framesPerTick : m_rate * 60.0 / (fallback * kTicksPerBeat);
    if (m_receiving) {
        const double limit = std::max(kLostTicks * perTick, kLostSeconds * m_rate);
        if (static_cast<double>(frame - m_lastFrame) > limit) {
            // Lost: the next ticks start a new line (the gap is no tempo), and a song playing stops.
            m_receiving = false;
            m_count = 0;
            m_outliers = 0;
            if (m_running) {
                ++m_losses;
                m_running = false;
                m_waitingFirstTick = false;
            }
        }
    }
    ClockPosition position;
    position.bpm = m_framesPerTick > 0.0 ? tempo() : fallback;
    const double startBeat = static_cast<double>(m_startTicks) / kTicksPerBeat;
    if (!m_running) {
        position.beat = static_cast<double>(m_songTicks) / kTicksPerBeat;
        return position;
    }
    if (m_waitingFirstTick) {
        if (!m_receiving || m_framesPerTick <= 0.0) {
            return position;  // no tempo to place the first tick with: it starts the song when it comes
        }
        // The first tick is due a tick after the last one (and not before the Start itself); the
        // song does not move on before it comes.
        const double due = std::max(lineFrame(static_cast<double>(m_lastSerial + 1)), static_cast<double>(m_startFrame));
        position.rolling = true;
        position.beat = std::min(startBeat, startBeat + (static_cast<double>(frame) - due) / perTick / kTicksPerBeat);
        m_startReported = true;
        return position;
    }
    position.rolling = true;
    position.beat = (static_cast<double>(frame) - m_lineFrame) / perTick / kTicksPerBeat
                    + static_cast<double>(m_lineSerial - m_zeroSerial) / kTicksPerBeat;
    if (!m_startReported && position.beat > startBeat && position.beat < startBeat + 0.25) {
        // The first tick came before this block and none before told when: the song starts now,
        // a little late, rather than without its first step; the next blocks catch up.
        position.beat = startBeat;
    }
    m_startReported = true;
    return position;
}

}  // namespace bandmate::audio
