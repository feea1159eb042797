#pragma once

#include "audio/coach/TakeScorer.h"
#include "core/beats/Machine.h"

#include <QDialog>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

class StepOffsetChart;

/// "Score a take…" on the Beat Machine page (the timing coach, issue 23): the musician picks a
/// recording of themselves playing one part of this machine (audio or MIDI), and sees hit by hit
/// how early or late they were, each step of the part's loop on a chart ("the & of 2 is always
/// late"), and can keep the take: a clean one counts for the roadmap. Scoring runs on a worker
/// thread; the dialog stays responsive.
class TakeDialog : public QDialog {
    Q_OBJECT
public:
    /// `machine` as it plays now, with the page's `swing` (0…1) and instructor `voice`;
    /// `machineRef` as kept with a take ("builtin:salsa", "user:ID").
    TakeDialog(core::Database& db, core::beats::Machine machine, QString machineRef, double swing = 0.0, QString voice = {},
               QWidget* parent = nullptr);
    ~TakeDialog() override;

    // What the dialog holds (tests and screenshots).
    void setInput(const QString& path);
    void setPart(const QString& instrumentId);
    void setLatencyMs(double ms);
    /// Scores the recording (the Score button); scored() follows.
    void score();
    /// Keeps the scored take (the Keep button); its id, or empty with the reason shown.
    QString keep();
    [[nodiscard]] const std::optional<audio::TakeResult>& result() const { return m_result; }
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString statusText() const;

Q_SIGNALS:
    /// A score finished (or failed: result() is empty and statusText() says why).
    void scored();

private:
    void chooseInput();
    void showResult(int run, core::Result<audio::TakeResult> result);
    void setBusy(bool busy);
    /// A setting changed after a score: what is shown is not that take's any more.
    void invalidate();

    core::Database& m_db;
    core::beats::Machine m_machine;
    QString m_machineRef;
    double m_swing = 0.0;
    QString m_voice;
    int m_run = 0;        ///< the score in flight (or last); older runs' results are dropped
    bool m_busy = false;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::optional<audio::TakeResult> m_result;
    QString m_scoredInput;
    std::thread m_worker;
    QLineEdit* m_input = nullptr;
    QComboBox* m_part = nullptr;
    QDoubleSpinBox* m_bpm = nullptr;
    QDoubleSpinBox* m_latency = nullptr;
    QComboBox* m_tolerance = nullptr;
    QPushButton* m_choose = nullptr;
    QCheckBox* m_backing = nullptr;
    QPushButton* m_scoreButton = nullptr;
    QPushButton* m_keepButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_chartCaption = nullptr;
    StepOffsetChart* m_chart = nullptr;
    QTreeWidget* m_hits = nullptr;
};

}  // namespace bandmate::ui
