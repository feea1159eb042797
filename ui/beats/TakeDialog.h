#pragma once

#include "audio/coach/TakeScorer.h"
#include "core/beats/Machine.h"
#include "ui/shell/Settings.h"

#include <QDialog>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSlider;
class QSpinBox;
class QTimer;
class QTreeWidget;

namespace bandmate::audio {
class LivePlayer;
class LiveRecorder;
struct RecordedTake;
}  // namespace bandmate::audio

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

class LiveTakeView;
class StepOffsetChart;

/// "Score a take…" on the Beat Machine page (the timing coach, issue 23): the musician plays one
/// part of this machine along with it, live through the input chosen in Preferences › Audio (the
/// machine plays without that part after a bar of count-in, and the take is recorded), or picks
/// a recording made elsewhere (audio or MIDI); and sees hit by hit how early or late they were,
/// each step of the part's loop on a chart ("the & of 2 is always late"), and can keep the take:
/// a clean one counts for the roadmap. The device callback only copies into a ring that a timer
/// here drains; scoring runs on a worker thread; the dialog stays responsive.
class TakeDialog : public QDialog {
    Q_OBJECT
public:
    /// `machine` as it plays now, with the page's `swing` (0…1) and instructor `voice`;
    /// `machineRef` as kept with a take ("builtin:salsa", "user:ID"); `audio` the devices to play
    /// and listen on, `roundTrip` their calibrated latency when known.
    TakeDialog(core::Database& db, core::beats::Machine machine, QString machineRef, double swing = 0.0, QString voice = {},
               Settings::AudioOutput audio = {}, std::optional<Settings::RoundTrip> roundTrip = std::nullopt, QWidget* parent = nullptr);
    ~TakeDialog() override;

    // What the dialog holds (tests and screenshots).
    void setInput(const QString& path);
    void setPart(const QString& instrumentId);
    void setLatencyMs(double ms);
    /// Live (play along now) or a recording made elsewhere.
    void setLive(bool live);
    void setBars(int bars);
    /// Keep take also keeps a live take's recording (FLAC) in `folder` (default: Music › Bandmate
    /// takes) when the musician ticks the box.
    void setRecordingsFolder(const QString& folder);
    void setKeepRecording(bool keep);
    /// Where each part's MIDI notes are remembered (the page's settings); none: not remembered.
    void setSettings(Settings* settings);
    /// A MIDI take's notes that are the part's: "75", "62-64"; empty = every note.
    void setMidiNotes(const QString& notes);
    /// How the part is heard: sensitivity 0…100 (softer hits found higher), noise gate in dBFS.
    void setHearing(int sensitivity, int gateDb);
    [[nodiscard]] QString midiNotes() const;
    /// The tempo trainer (live takes): after a take with at least `mark` (0…1) of its hits in
    /// time, the next starts by itself `stepBpm` faster, up to `targetBpm`; under the mark, at the
    /// same tempo; after three under it in a row, it rests. Takes that hold the mark are kept.
    void setTrainer(bool on, double stepBpm = 5.0, double targetBpm = 0.0, double mark = 0.9);
    /// The pause between two takes of the trainer (2 s; tests shorten it).
    void setTrainerPauseMs(int ms);
    /// Whether the trainer waits to start its next take.
    [[nodiscard]] bool trainerWaiting() const;
    /// Scores the recording, or plays and records a live take and then scores it (the Score /
    /// Play and record button); scored() follows.
    void score();
    /// Stops a live take being recorded: the whole bars played so far are scored (nothing when
    /// not even one was).
    void stopRecording();
    /// Keeps the scored take (the Keep button); its id, or empty with the reason shown.
    QString keep();
    [[nodiscard]] const std::optional<audio::TakeResult>& result() const { return m_result; }
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString statusText() const;
    /// The hits as they are heard while a live take plays (tests).
    [[nodiscard]] const LiveTakeView* liveView() const { return m_liveView; }
    /// Close (Esc, the Close button, the window's ×): a live take scored and not kept cannot be
    /// played again, so the musician is asked first (Keep take, Discard, Cancel; a question
    /// named "keepTakeQuestion" that does not block). The tempo trainer's takes are not asked
    /// about: it keeps those that hold its mark.
    void reject() override;

Q_SIGNALS:
    /// A score finished (or failed: result() is empty and statusText() says why).
    void scored();

private:
    void chooseInput();
    [[nodiscard]] audio::TakeRequest request() const;
    void startLive();
    void pollLive();
    void finishLive(bool early);
    void scoreInBackground(std::function<core::Result<audio::TakeResult>()> work);
    void showMode();
    /// The part's remembered MIDI notes and hearing into their boxes.
    void loadMidiNotes();
    /// The part's MIDI notes (when given) and hearing remembered (a score or a live take starts).
    void rememberPart(const std::vector<int>* notes);
    void showResult(int run, core::Result<audio::TakeResult> result);
    void setBusy(bool busy);
    /// A setting changed after a score: what is shown is not that take's any more.
    void invalidate();
    /// Sensitivity, noise gate or tolerance changed: a live take (which cannot be played again)
    /// is heard again from its recording once the control rests; anything else is invalidated.
    void hearingChanged();
    void rehearLastTake();
    /// The live take scored last is in hand and nothing newer is on its way (live mode, no take
    /// recording, the trainer not waiting for its next).
    [[nodiscard]] bool takeCanBeHeardAgain() const;
    /// After a live take scored with the trainer on: the next tempo, the take kept when it held
    /// the mark, the next take started after a pause (or the trainer done or resting).
    void trainerAfter(const audio::TakeResult& result);
    void stopTrainer();

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
    Settings::AudioOutput m_audio;
    std::optional<Settings::RoundTrip> m_roundTrip;
    QString m_calibrationNote;  ///< a live take's word on its latency, shown with its result
    std::unique_ptr<audio::LivePlayer> m_player;
    std::unique_ptr<audio::LiveRecorder> m_recorder;  ///< a live take being recorded
    QTimer* m_recordTimer = nullptr;
    QRadioButton* m_liveMode = nullptr;
    QRadioButton* m_fileMode = nullptr;
    QFormLayout* m_fields = nullptr;
    QLayout* m_fileRow = nullptr;
    QLabel* m_inputInfo = nullptr;
    QSpinBox* m_bars = nullptr;
    QProgressBar* m_level = nullptr;  ///< the input, while a live take records
    LiveTakeView* m_liveView = nullptr;  ///< the hits, while a live take records
    int m_liveRevision = -1;          ///< of the progress shown there
    QCheckBox* m_keepRecording = nullptr;
    QLineEdit* m_midiNotes = nullptr;
    QSlider* m_sensitivity = nullptr;
    QSpinBox* m_gate = nullptr;
    QPushButton* m_generalMidi = nullptr;
    bool m_scoredLive = false;  ///< the take in hand (or scored last) was played live
    bool m_scoredMidi = false;  ///< …was a MIDI file
    QLayout* m_midiRow = nullptr;
    Settings* m_settings = nullptr;
    QCheckBox* m_trainer = nullptr;
    QDoubleSpinBox* m_trainerStep = nullptr;
    QSpinBox* m_trainerMark = nullptr;
    QDoubleSpinBox* m_trainerTarget = nullptr;
    QLayout* m_trainerRow = nullptr;
    QTimer* m_nextTake = nullptr;      ///< the trainer's pause before its next take
    int m_trainerMisses = 0;           ///< takes under the mark in a row at this tempo
    bool m_stoppedByHand = false;      ///< the take in hand was stopped with Stop: the trainer stops too
    bool m_trainerStarting = false;    ///< the trainer (not the musician) starts the take
    bool m_resultKept = false;         ///< the take shown has been kept
    bool m_closing = false;            ///< the musician answered the question on closing
    QLabel* m_liveCaption = nullptr;
    QString m_recordingsFolder;
    /// The live take scored last, for Keep take and to be heard again (changed only while no
    /// worker reads it).
    std::shared_ptr<audio::RecordedTake> m_lastTake;
    QTimer* m_rehear = nullptr;     ///< a hearing control rests before the take is heard again
    bool m_rehearing = false;       ///< the score in flight is a take heard again, not a new take
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
