#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSpinBox;
class QTimer;
class QToolButton;

namespace bandmate::ui {

class BeatSession;
class ArrangeTimeline;

/// The Beat Machine's Arrange view: a machine's arrangements (whole tunes) as sections on a
/// timeline with a lane per instrument, the selected section's settings and parts, and the live
/// controls that queue the next section or a break for the next bar line. Every edit goes
/// through the session, so it can be undone; the view follows what plays.
///
/// Keys (while the view has focus): Insert adds a section, Ctrl+D duplicates it, Ctrl+R repeats
/// it, Delete removes it, Ctrl+Left/Right move it, Left/Right select, L loops it; N queues the
/// next section, P the previous one, B a break.
class ArrangeView : public QWidget {
    Q_OBJECT
public:
    explicit ArrangeView(BeatSession& session, QWidget* parent = nullptr);

    /// The arrangement shown (index into the machine's), -1 when it has none.
    [[nodiscard]] int arrangement() const { return m_arrangement; }
    void setArrangement(int index);
    /// The selected form entry, -1 when none.
    [[nodiscard]] int selectedEntry() const { return m_entry; }
    void selectEntry(int entry);
    /// Re-reads the machine (after any edit or undo).
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void buildEditor();
    void refreshEditor();
    void refreshLive();
    void addArrangement();
    void renameArrangement();
    /// The colours a section can take (the selected one's checked); choosing one is an edit.
    void fillColourMenu(QMenu* menu);
    [[nodiscard]] int selectedSection() const;

    BeatSession& m_session;
    int m_arrangement = -1;
    int m_entry = -1;
    bool m_refreshing = false;
    bool m_stale = false;        ///< the machine changed while the view was hidden
    QString m_editorBuiltFor;    ///< what the section editor's rows show (rebuilt only when it changes)

    QComboBox* m_chooser = nullptr;
    QPushButton* m_playTune = nullptr;
    QPushButton* m_rename = nullptr;
    QPushButton* m_delete = nullptr;
    QLabel* m_summary = nullptr;
    ArrangeTimeline* m_timeline = nullptr;
    QWidget* m_editor = nullptr;
    QLineEdit* m_name = nullptr;
    QSpinBox* m_bars = nullptr;
    QSpinBox* m_repeats = nullptr;
    QDoubleSpinBox* m_tempo = nullptr;
    QComboBox* m_key = nullptr;
    QCheckBox* m_break = nullptr;
    QToolButton* m_colour = nullptr;
    QGridLayout* m_parts = nullptr;
    std::vector<QComboBox*> m_partBoxes;
    std::vector<QComboBox*> m_breakBoxes;
    QPushButton* m_loop = nullptr;
    QLabel* m_live = nullptr;
    QTimer* m_poll = nullptr;
};

}  // namespace bandmate::ui
