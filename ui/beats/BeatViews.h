#pragma once

#include <QWidget>

namespace bandmate::ui {

class BeatSession;

/// The counts of the bar pair being heard: 8 for salsa (one per beat over two bars), 4 for
/// merengue; the current count lit, following the audible playhead.
class BeatIndicator : public QWidget {
    Q_OBJECT
public:
    explicit BeatIndicator(BeatSession& session, QWidget* parent = nullptr);
    /// The lit count, 1-based; 0 when stopped.
    [[nodiscard]] int currentCount() const { return m_count; }
    [[nodiscard]] int counts() const;
    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    BeatSession& m_session;
    int m_count = 0;
};

/// Every enabled instrument's active program over their least common length, so polymeters
/// (a 16-step clave against an 8-step tumbao) can be seen at once.
class PolymeterView : public QWidget {
    Q_OBJECT
public:
    explicit PolymeterView(BeatSession& session, QWidget* parent = nullptr);
    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    BeatSession& m_session;
    double m_playhead = -1.0;
};

}  // namespace bandmate::ui
