#pragma once

#include "core/beats/Machine.h"

#include <QWidget>

namespace bandmate::ui {

class BeatSession;

/// The step editor for one program: columns are steps, rows are the instrument's articulations
/// (percussion) or pitches (keyed instruments, a piano roll). Click a cell to add or remove a
/// note, turn the wheel over a note for its velocity; the arrow keys move the cursor, Enter
/// toggles, Ctrl+Up/Down changes velocity. The step being heard is highlighted.
class StepGrid : public QWidget {
    Q_OBJECT
public:
    explicit StepGrid(BeatSession& session, QWidget* parent = nullptr);

    /// Shows the active program of instrument `index`.
    void setInstrument(int index);
    [[nodiscard]] int instrument() const { return m_instrument; }
    /// The hand new notes of a two-handed instrument get.
    void setHand(core::beats::Hand hand) { m_hand = hand; }

    /// Rows top to bottom, as pitch/articulation numbers.
    [[nodiscard]] const QList<int>& rows() const { return m_rows; }
    /// The rectangle of a cell (for tests that click it).
    [[nodiscard]] QRect cellRect(int step, int pitch) const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void rebuildRows();
    [[nodiscard]] const core::beats::Program* program() const;
    [[nodiscard]] int programIndex() const;
    [[nodiscard]] bool cellAt(const QPoint& point, int* step, int* pitch) const;
    [[nodiscard]] const core::beats::Note* noteAt(int step, int pitch) const;
    [[nodiscard]] QString rowLabel(int pitch) const;
    [[nodiscard]] int rowHeight() const;
    void changeVelocity(int step, int pitch, double delta);

    BeatSession& m_session;
    int m_instrument = 0;
    core::beats::Hand m_hand = core::beats::Hand::Both;
    QList<int> m_rows;
    int m_cursorStep = 0;
    int m_cursorRow = 0;
    double m_playhead = -1.0;
    // A press on an existing note: a drag changes its velocity, a click without a drag removes it.
    struct Press {
        bool active = false;
        bool dragged = false;
        int step = 0;
        int pitch = 0;
        int startY = 0;
        double startVelocity = 1.0;
    } m_press;
};

}  // namespace bandmate::ui
