#pragma once

#include "audio/coach/LiveTake.h"

#include <QElapsedTimer>
#include <QWidget>

namespace bandmate::ui {

/// A live take as it plays (the timing coach, issue 23): the part's loop as a lane of steps, each
/// hit the part asks for a tick on it, and each hit played a dot beside its tick, left when early,
/// right when late (the distance stretched so that ±2 × the tolerance spans most of a step),
/// green within half the tolerance, amber within it, red beyond, with its offset in ms. The pass
/// through the loop being played now is drawn full; the one before it faint; missed hits are grey
/// crosses once their window closed. Above the lane, the running tally: accuracy, how early or
/// late on average, the spread.
class LiveTakeView : public QWidget {
    Q_OBJECT
public:
    explicit LiveTakeView(QWidget* parent = nullptr);

    /// What the take has heard so far (LiveRecorder::progress()); repaints.
    void setProgress(const audio::LiveProgress& progress);
    void clear();
    /// The running tally as shown ("87 % within ±30 ms — you rush by 8 ms (spread 11 ms)").
    [[nodiscard]] QString tallyText() const;
    /// From the last setProgress() with new hits to their being painted (ms; −1 before any): the
    /// time from a hit's detection to its mark on screen.
    [[nodiscard]] double lastMarkDelayMs() const { return m_lastMarkDelayMs; }
    /// Marks painted in the last paint (tests).
    [[nodiscard]] int marksPainted() const { return m_marksPainted; }

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    audio::LiveProgress m_progress;
    bool m_has = false;
    QElapsedTimer m_sinceNewHits;
    bool m_pendingMark = false;
    double m_lastMarkDelayMs = -1.0;
    int m_marksPainted = 0;
    size_t m_hitsSeen = 0;
};

}  // namespace bandmate::ui
