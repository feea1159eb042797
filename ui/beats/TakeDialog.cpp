#include "ui/beats/TakeDialog.h"

#include "audio/coach/LiveTake.h"
#include "audio/device/LivePlayer.h"
#include "core/beats/NoteStream.h"
#include "core/coach/TakeLog.h"
#include "core/coach/Trainer.h"
#include "core/storage/Database.h"
#include "ui/beats/LiveTakeView.h"
#include "ui/shell/AudioSettingsPanel.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSlider>
#include <QStandardPaths>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>
#include <new>

namespace bandmate::ui {

namespace {

/// "2.3&" for the off-beat after beat 3 of bar 2 (steps counted from 0, `stepsPerBeat` a beat):
/// bar.beat, "&" half way through a beat, "e"/"a" for the sixteenths around it.
QString barBeat(int step, int stepsPerBeat)
{
    const int perBeat = std::max(1, stepsPerBeat);
    const int beat = step / perBeat;
    const int within = step % perBeat;
    QString name = QStringLiteral("%1.%2").arg(beat / 4 + 1).arg(beat % 4 + 1);
    if (within != 0) {
        name += within * 2 == perBeat ? QStringLiteral("&") : within * 4 == perBeat ? QStringLiteral("e") : QStringLiteral("a");
    }
    return name;
}

}  // namespace

/// The part's loop, one bar per sounding step: up when that step was played late on average,
/// down when early, green within half the tolerance, amber within it, red beyond.
class StepOffsetChart : public QWidget {
public:
    explicit StepOffsetChart(QWidget* parent = nullptr) : QWidget(parent)
    {
        setMinimumHeight(120);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        setAccessibleName(TakeDialog::tr("Offset by step of the loop"));
    }

    void setSteps(std::vector<core::coach::StepSummary> steps, int loopLength, int stepsPerBeat, double toleranceMs)
    {
        m_steps = std::move(steps);
        m_loopLength = std::max(1, loopLength);
        m_stepsPerBeat = std::max(1, stepsPerBeat);
        m_toleranceMs = toleranceMs;
        QStringList described;
        for (const auto& step : m_steps) {
            described << (step.matched == 0 ? TakeDialog::tr("%1: missed").arg(stepName(step.step))
                                            : TakeDialog::tr("%1: %2 ms").arg(stepName(step.step)).arg(std::lround(step.meanOffsetMs)));
        }
        setAccessibleDescription(described.join(QStringLiteral(", ")));
        update();
    }

    [[nodiscard]] QString stepName(int step) const
    {
        const QString name = barBeat(step, m_stepsPerBeat);
        return m_loopLength > 4 * m_stepsPerBeat ? name : name.mid(name.indexOf(QLatin1Char('.')) + 1);  // a one-bar loop: the beat
    }

protected:
    void paintEvent(QPaintEvent* /*event*/) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -fontMetrics().height() - 6);
        const double middle = area.center().y();
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawLine(QPointF(area.left(), middle), QPointF(area.right(), middle));
        if (m_steps.empty()) {
            return;
        }
        double scale = 1.5 * m_toleranceMs;
        for (const auto& step : m_steps) {
            scale = std::max(scale, std::abs(step.meanOffsetMs));
        }
        QPen dashed(palette().color(QPalette::Mid), 1, Qt::DashLine);
        painter.setPen(dashed);
        for (const double sign : {-1.0, 1.0}) {
            const double y = middle - sign * m_toleranceMs / scale * (area.height() / 2.0);
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        }
        const double width = area.width() / m_loopLength;
        // Every label when they fit, else every other one.
        const bool everyLabel = width >= fontMetrics().horizontalAdvance(QStringLiteral("8.8&")) + 4;
        for (const auto& step : m_steps) {
            const double x = area.left() + step.step * width;
            painter.setPen(palette().color(QPalette::WindowText));
            if (everyLabel || step.step % 2 == 0) {
                painter.drawText(QRectF(x - width / 2.0, area.bottom() + 4, width * 2.0, fontMetrics().height()), Qt::AlignHCenter,
                                 stepName(step.step));
            }
            if (step.matched == 0) {  // never played: a grey cross on the line
                painter.setPen(QPen(palette().color(QPalette::Mid), 2));
                const QPointF centre(x + width / 2.0, middle);
                painter.drawLine(centre + QPointF(-4, -4), centre + QPointF(4, 4));
                painter.drawLine(centre + QPointF(-4, 4), centre + QPointF(4, -4));
                continue;
            }
            const double height = step.meanOffsetMs / scale * (area.height() / 2.0);
            const double size = std::abs(step.meanOffsetMs);
            const QColor colour = size <= m_toleranceMs / 2.0 ? QColor(46, 160, 67) : size <= m_toleranceMs ? QColor(210, 153, 34) : QColor(207, 34, 46);
            // Late is drawn up: the time line runs left to right, a late hit "pushes".
            painter.fillRect(QRectF(x + width * 0.15, std::min(middle, middle - height), width * 0.7, std::max(1.0, std::abs(height))), colour);
        }
    }

private:
    std::vector<core::coach::StepSummary> m_steps;
    int m_loopLength = 16;
    int m_stepsPerBeat = 2;
    double m_toleranceMs = 30.0;
};

TakeDialog::TakeDialog(core::Database& db, core::beats::Machine machine, QString machineRef, double swing, QString voice,
                       Settings::AudioOutput audio, std::optional<Settings::RoundTrip> roundTrip, QWidget* parent)
    : QDialog(parent),
      m_db(db),
      m_machine(std::move(machine)),
      m_machineRef(std::move(machineRef)),
      m_swing(swing),
      m_voice(std::move(voice)),
      m_audio(std::move(audio)),
      m_roundTrip(std::move(roundTrip))
{
    setWindowTitle(tr("Score a take"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Play one part along with this machine, live or in a recording made from the first beat of "
                                "the part's first bar, and see each hit: how early or late."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* fields = new QFormLayout;
    m_fields = fields;
    auto* modes = new QHBoxLayout;
    m_liveMode = new QRadioButton(tr("Play &along now"), this);
    m_fileMode = new QRadioButton(tr("A rec&ording"), this);
    modes->addWidget(m_liveMode);
    modes->addWidget(m_fileMode);
    modes->addStretch(1);
    fields->addRow(tr("Take:"), modes);
    m_inputInfo = new QLabel(this);
    m_inputInfo->setWordWrap(true);
    m_inputInfo->setText(m_audio.inputDevice.isEmpty()
                             ? tr("None chosen: choose the input you play into in Preferences › Audio, and calibrate it there.")
                         : m_roundTrip
                             ? tr("%1, channel %2, calibrated: %3 ms (Preferences › Audio)")
                                   .arg(m_audio.inputDevice)
                                   .arg(m_audio.inputChannel + 1)
                                   .arg(m_roundTrip->ms, 0, 'f', 1)
                             : tr("%1, channel %2, not calibrated: every hit will look late by your setup's delay. Calibrate "
                                  "latency in Preferences › Audio first.")
                                   .arg(m_audio.inputDevice)
                                   .arg(m_audio.inputChannel + 1));
    fields->addRow(tr("Listening on:"), m_inputInfo);
    m_bars = new QSpinBox(this);
    m_bars->setRange(1, 64);
    m_bars->setValue(4);
    m_bars->setSuffix(tr(" bars"));
    m_bars->setToolTip(tr("How long the take is, after a bar of count-in clicks"));
    fields->addRow(tr("Len&gth:"), m_bars);
    auto* inputRow = new QHBoxLayout;
    m_fileRow = inputRow;
    m_input = new QLineEdit(this);
    m_input->setPlaceholderText(tr("A WAV, FLAC, AIFF or Ogg recording, or a MIDI file"));
    m_choose = new QPushButton(tr("C&hoose…"), this);
    connect(m_choose, &QPushButton::clicked, this, &TakeDialog::chooseInput);
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_choose);
    auto* inputLabel = new QLabel(tr("&Recording:"), this);
    inputLabel->setBuddy(m_input);
    fields->addRow(inputLabel, inputRow);
    m_part = new QComboBox(this);
    {
        // Every part with notes to play (the instructor's voice is not one), with how many hits
        // a loop of it asks for.
        core::beats::Machine all = m_machine;
        for (auto& instrument : all.instruments) {
            instrument.enabled = true;
        }
        const core::beats::NoteStream stream = core::beats::compileMachine(all);
        for (const auto& instrument : m_machine.instruments) {
            auto grid = core::coach::partGrid(stream, instrument.id);
            if (grid && instrument.id != "instructor") {
                m_part->addItem(tr("%1 (%n hit(s) a loop)", "", static_cast<int>(grid->loopSteps.size())).arg(QString::fromStdString(instrument.title)),
                                QString::fromStdString(instrument.id));
            }
        }
    }
    if (const int clave = m_part->findData(QStringLiteral("clave")); clave >= 0) {
        m_part->setCurrentIndex(clave);
    }
    fields->addRow(tr("&Part you played:"), m_part);
    // A MIDI take: which notes are the part's (a drum kit played whole holds the other parts too).
    auto* midiRow = new QHBoxLayout;
    m_midiRow = midiRow;
    m_midiNotes = new QLineEdit(this);
    m_midiNotes->setPlaceholderText(tr("every note (a keyboard, or pads for this part only)"));
    m_midiNotes->setToolTip(tr("The notes your pads or keys send for this part, e.g. 75 or 62-64, 60. Remembered for each part."));
    auto* generalMidi = new QPushButton(tr("General MIDI"), this);
    m_generalMidi = generalMidi;
    generalMidi->setToolTip(tr("The part's notes in General MIDI (as Export MIDI writes them)"));
    connect(generalMidi, &QPushButton::clicked, this, [this] {
        const std::vector<int> notes = audio::generalMidiNotes(request());
        m_midiNotes->setText(QString::fromStdString(audio::midiNotesText(notes)));
        if (notes.empty()) {
            m_status->setText(tr("This part is played on keys: every note counts."));
        }
    });
    midiRow->addWidget(m_midiNotes, 1);
    midiRow->addWidget(generalMidi);
    auto* midiLabel = new QLabel(tr("&MIDI notes:"), this);
    midiLabel->setBuddy(m_midiNotes);
    fields->addRow(midiLabel, midiRow);
    m_bpm = new QDoubleSpinBox(this);
    m_bpm->setRange(core::beats::MachineLimits::kMinBpm, core::beats::MachineLimits::kMaxBpm);
    m_bpm->setDecimals(1);
    m_bpm->setSuffix(tr(" BPM"));
    m_bpm->setValue(m_machine.bpm);
    fields->addRow(tr("&Tempo:"), m_bpm);
    m_latency = new QDoubleSpinBox(this);
    m_latency->setRange(-1000.0, 1000.0);
    m_latency->setDecimals(1);
    m_latency->setSuffix(tr(" ms"));
    m_latency->setToolTip(tr("How late your setup records what you play (its round trip; Calibrate latency in Preferences › "
                             "Audio measures it). Leave 0 if you do not know: every hit then looks late by the same amount."));
    m_latency->setValue(m_roundTrip ? m_roundTrip->ms : 0.0);
    fields->addRow(tr("Recording &latency:"), m_latency);
    m_tolerance = new QComboBox(this);
    for (const int ms : {15, 30, 50}) {
        m_tolerance->addItem(tr("±%1 ms").arg(ms), ms);
    }
    m_tolerance->setCurrentIndex(1);
    fields->addRow(tr("&In time within:"), m_tolerance);
    auto* hearingRow = new QHBoxLayout;
    m_sensitivity = new QSlider(Qt::Horizontal, this);
    m_sensitivity->setRange(0, 100);
    m_sensitivity->setValue(50);
    m_sensitivity->setAccessibleName(tr("Sensitivity"));
    m_sensitivity->setToolTip(tr("Higher finds softer hits (and more of the room's noise). Remembered for each part."));
    m_gate = new QSpinBox(this);
    m_gate->setRange(-90, 0);
    m_gate->setValue(-45);
    m_gate->setSuffix(tr(" dB"));
    m_gate->setAccessibleName(tr("Noise gate"));
    m_gate->setToolTip(tr("Hits quieter than this are not hits: raise it in a noisy room. Remembered for each part."));
    hearingRow->addWidget(m_sensitivity, 1);
    hearingRow->addWidget(new QLabel(tr("noise gate"), this));
    hearingRow->addWidget(m_gate);
    auto* hearingLabel = new QLabel(tr("Sensiti&vity:"), this);
    hearingLabel->setBuddy(m_sensitivity);
    fields->addRow(hearingLabel, hearingRow);
    m_backing = new QCheckBox(tr("Take o&ff the machine's other parts heard from the speakers"), this);
    m_backing->setChecked(true);
    fields->addRow(QString(), m_backing);
    m_keepRecording = new QCheckBox(tr("Keep take also keeps the recor&ding (FLAC, in Music › Bandmate takes)"), this);
    m_keepRecording->setToolTip(tr("What you played, from the first beat on, to listen to or score again later. Only kept when you "
                                   "tick this."));
    fields->addRow(QString(), m_keepRecording);
    auto* trainerRow = new QHBoxLayout;
    m_trainerRow = trainerRow;
    m_trainer = new QCheckBox(tr("Faster after each take with"), this);
    m_trainer->setAccessibleName(tr("Tempo trainer"));
    m_trainer->setToolTip(tr("The tempo trainer, listening: after a take that holds the mark the next one starts by itself, "
                             "faster; under the mark it plays again at the same tempo. Takes that hold the mark are kept, with "
                             "their recording when Keep take also keeps the recording is ticked."));
    m_trainerMark = new QSpinBox(this);
    m_trainerMark->setRange(50, 100);
    m_trainerMark->setValue(90);
    m_trainerMark->setSuffix(tr(" % in time"));
    m_trainerMark->setAccessibleName(tr("Share of hits in time a take needs"));
    m_trainerStep = new QDoubleSpinBox(this);
    m_trainerStep->setRange(1.0, 20.0);
    m_trainerStep->setDecimals(0);
    m_trainerStep->setValue(5.0);
    m_trainerStep->setPrefix(tr("+"));
    m_trainerStep->setSuffix(tr(" BPM"));
    m_trainerStep->setAccessibleName(tr("Faster by"));
    m_trainerTarget = new QDoubleSpinBox(this);
    m_trainerTarget->setRange(core::beats::MachineLimits::kMinBpm, core::beats::MachineLimits::kMaxBpm);
    m_trainerTarget->setDecimals(0);
    m_trainerTarget->setSuffix(tr(" BPM"));
    m_trainerTarget->setValue(std::min(core::beats::MachineLimits::kMaxBpm, std::round(m_machine.bpm) + 20.0));
    m_trainerTarget->setAccessibleName(tr("Up to"));
    auto* upTo = new QLabel(tr("up to"), this);
    auto* by = new QLabel(tr("by"), this);
    trainerRow->addWidget(m_trainer);
    trainerRow->addWidget(m_trainerMark);
    trainerRow->addWidget(by);
    trainerRow->addWidget(m_trainerStep);
    trainerRow->addWidget(upTo);
    trainerRow->addWidget(m_trainerTarget);
    trainerRow->addStretch(1);
    auto* trainerLabel = new QLabel(tr("Trai&ner:"), this);
    trainerLabel->setBuddy(m_trainer);
    fields->addRow(trainerLabel, trainerRow);
    for (QWidget* field : std::initializer_list<QWidget*>{m_trainerMark, m_trainerStep, m_trainerTarget}) {
        field->setEnabled(false);  // until the trainer is ticked
    }
    // The target stays above the tempo the trainer starts from.
    const auto targetAboveTempo = [this] {
        if (m_trainer->isChecked() && m_trainerTarget->value() <= m_bpm->value()) {
            m_trainerTarget->setValue(std::min(core::beats::MachineLimits::kMaxBpm, std::round(m_bpm->value()) + 20.0));
        }
    };
    connect(m_trainer, &QCheckBox::toggled, this, [this, targetAboveTempo](bool on) {
        targetAboveTempo();
        if (!on) {
            stopTrainer();
        }
        setBusy(m_busy);
    });
    m_recordingsFolder = QStandardPaths::writableLocation(QStandardPaths::MusicLocation) + QStringLiteral("/Bandmate takes");
    layout->addLayout(fields);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Scoring"));
    m_progress->hide();
    layout->addWidget(m_progress);
    m_level = AudioSettingsPanel::newInputMeter(this);
    m_level->setToolTip(tr("What the input hears: it should move with your playing, and stay short of the end"));
    m_level->hide();
    layout->addWidget(m_level);
    m_liveView = new LiveTakeView(this);
    m_liveView->hide();  // while a live take plays
    layout->addWidget(m_liveView);
    m_liveCaption = new QLabel(tr("Each hit beside its step: left is early, right is late; the band is the tolerance. A ring is a hit "
                                  "off the part's steps, a cross a missed one."),
                               this);
    m_liveCaption->setWordWrap(true);
    m_liveCaption->hide();
    layout->addWidget(m_liveCaption);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    layout->addWidget(m_summary);
    m_chartCaption = new QLabel(tr("Each step of the part's loop, on average: up is late, down is early; the lines are the tolerance."), this);
    m_chartCaption->setWordWrap(true);
    m_chartCaption->hide();
    layout->addWidget(m_chartCaption);
    m_chart = new StepOffsetChart(this);
    m_chart->hide();  // until a take is scored
    layout->addWidget(m_chart);
    m_hits = new QTreeWidget(this);
    m_hits->setHeaderLabels({tr("Bar.beat"), tr("Due at"), tr("Offset")});
    m_hits->setRootIsDecorated(false);
    m_hits->setAccessibleName(tr("Hits of the take"));
    m_hits->setMinimumHeight(120);
    m_hits->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_hits, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_scoreButton = buttons->addButton(tr("&Score"), QDialogButtonBox::ActionRole);
    m_keepButton = buttons->addButton(tr("&Keep take"), QDialogButtonBox::ActionRole);
    m_keepButton->setEnabled(false);
    m_keepButton->setToolTip(tr("Keep the score: a take with 90 % of its hits within ±30 ms counts for your roadmap"));
    connect(m_scoreButton, &QPushButton::clicked, this, &TakeDialog::score);
    connect(m_keepButton, &QPushButton::clicked, this, [this] { keep(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_scoreButton->setDefault(true);
    if (m_part->count() == 0) {
        m_scoreButton->setEnabled(false);
        m_status->setText(tr("This machine has no part to play along with."));
    }
    connect(m_input, &QLineEdit::textChanged, this, &TakeDialog::invalidate);
    connect(m_input, &QLineEdit::textChanged, this, &TakeDialog::showMode);
    connect(m_midiNotes, &QLineEdit::textChanged, this, &TakeDialog::invalidate);
    m_rehear = new QTimer(this);
    m_rehear->setSingleShot(true);
    m_rehear->setInterval(300);
    connect(m_rehear, &QTimer::timeout, this, &TakeDialog::rehearLastTake);
    connect(m_sensitivity, &QSlider::valueChanged, this, &TakeDialog::hearingChanged);
    connect(m_gate, &QSpinBox::valueChanged, this, &TakeDialog::hearingChanged);
    connect(m_part, &QComboBox::currentIndexChanged, this, &TakeDialog::loadMidiNotes);
    connect(m_part, &QComboBox::currentIndexChanged, this, &TakeDialog::invalidate);
    connect(m_bpm, &QDoubleSpinBox::valueChanged, this, &TakeDialog::invalidate);
    connect(m_latency, &QDoubleSpinBox::valueChanged, this, &TakeDialog::invalidate);
    connect(m_tolerance, &QComboBox::currentIndexChanged, this, &TakeDialog::hearingChanged);
    connect(m_backing, &QCheckBox::toggled, this, &TakeDialog::invalidate);
    connect(m_bars, &QSpinBox::valueChanged, this, &TakeDialog::invalidate);
    m_nextTake = new QTimer(this);
    m_nextTake->setSingleShot(true);
    m_nextTake->setInterval(3000);
    connect(m_nextTake, &QTimer::timeout, this, [this] {
        if (!m_busy && m_trainer->isChecked() && m_liveMode->isChecked()) {
            m_trainerStarting = true;
            score();  // (joins the last score's worker first)
            m_trainerStarting = false;
            if (!m_recorder) {  // the take could not start (the device is gone): its reason stays shown
                m_trainerMisses = 0;
                m_status->setText(m_status->text() + QStringLiteral(" ") + tr("The trainer stopped."));
                setBusy(false);
            }
        }
    });
    m_recordTimer = new QTimer(this);
    m_recordTimer->setInterval(30);
    connect(m_recordTimer, &QTimer::timeout, this, &TakeDialog::pollLive);
    (m_audio.inputDevice.isEmpty() ? m_fileMode : m_liveMode)->setChecked(true);
    connect(m_liveMode, &QRadioButton::toggled, this, [this] {
        invalidate();
        showMode();
    });
    showMode();
    resize(640, 600);
}

TakeDialog::~TakeDialog()
{
    m_recorder.reset();  // stops the device before the player goes
    m_player.reset();
    if (m_cancel) {
        m_cancel->store(true);  // the score stops at its next step
    }
    if (m_worker.joinable()) {
        m_worker.join();
    }
}

void TakeDialog::setInput(const QString& path)
{
    m_input->setText(path);
}

void TakeDialog::setPart(const QString& instrumentId)
{
    if (const int index = m_part->findData(instrumentId); index >= 0) {
        m_part->setCurrentIndex(index);
    }
}

void TakeDialog::setLatencyMs(double ms)
{
    m_latency->setValue(ms);
}

void TakeDialog::setLive(bool live)
{
    (live ? m_liveMode : m_fileMode)->setChecked(true);
}

void TakeDialog::setBars(int bars)
{
    m_bars->setValue(bars);
}

void TakeDialog::setRecordingsFolder(const QString& folder)
{
    m_recordingsFolder = folder;
}

void TakeDialog::setKeepRecording(bool keep)
{
    m_keepRecording->setChecked(keep);
}

void TakeDialog::setSettings(Settings* settings)
{
    m_settings = settings;
    loadMidiNotes();
}

void TakeDialog::setMidiNotes(const QString& notes)
{
    m_midiNotes->setText(notes);
}

QString TakeDialog::midiNotes() const
{
    return m_midiNotes->text();
}

void TakeDialog::setHearing(int sensitivity, int gateDb)
{
    m_sensitivity->setValue(sensitivity);
    m_gate->setValue(gateDb);
}

void TakeDialog::loadMidiNotes()
{
    if (m_settings != nullptr) {
        const QString part = m_part->currentData().toString();
        m_midiNotes->setText(m_settings->midiNotes(part));
        const Settings::Hearing hearing = m_settings->hearing(part);
        m_sensitivity->setValue(hearing.sensitivity);
        m_gate->setValue(hearing.gateDb);
    }
}

void TakeDialog::rememberPart(const std::vector<int>* notes)
{
    if (m_settings == nullptr) {
        return;
    }
    const QString part = m_part->currentData().toString();
    if (notes != nullptr) {
        m_settings->setMidiNotes(part, QString::fromStdString(audio::midiNotesText(*notes)));
    }
    m_settings->setHearing(part, {m_sensitivity->value(), m_gate->value()});
}

void TakeDialog::setTrainer(bool on, double stepBpm, double targetBpm, double mark)
{
    m_trainerStep->setValue(stepBpm);
    if (targetBpm > 0.0) {
        m_trainerTarget->setValue(targetBpm);
    }
    m_trainerMark->setValue(static_cast<int>(std::lround(mark * 100.0)));
    m_trainer->setChecked(on);
}

void TakeDialog::setTrainerPauseMs(int ms)
{
    m_nextTake->setInterval(ms);
}

bool TakeDialog::trainerWaiting() const
{
    return m_nextTake->isActive();
}

void TakeDialog::stopTrainer()
{
    m_trainerMisses = 0;
    if (m_nextTake->isActive()) {
        m_nextTake->stop();
        const double played = m_result ? m_result->grid.bpm : m_bpm->value();
        m_status->setText(qFuzzyCompare(played, m_bpm->value())
                              ? tr("The trainer stopped.")
                              : tr("The trainer stopped. That take was at %1 BPM; the tempo is set to %2 BPM for the next.")
                                    .arg(played)
                                    .arg(m_bpm->value()));
        setBusy(m_busy);  // the settings and the button as they are between takes again
    }
}

void TakeDialog::trainerAfter(const audio::TakeResult& result)
{
    if (!m_trainer->isChecked() || !m_scoredLive) {
        m_trainerMisses = 0;
        return;
    }
    if (m_stoppedByHand) {
        m_trainerMisses = 0;
        m_status->setText(m_status->text() + (m_status->text().isEmpty() ? QString() : QStringLiteral(" ")) + tr("The trainer stopped."));
        return;
    }
    core::coach::TrainerPlan plan;
    plan.stepBpm = m_trainerStep->value();
    plan.targetBpm = m_trainerTarget->value();
    plan.mark = m_trainerMark->value() / 100.0;
    const double bpm = m_bpm->value();
    const core::coach::TrainerStep step = core::coach::nextTrainerStep(plan, bpm, result.score.accuracy, m_trainerMisses);
    m_trainerMisses = step.missesInRow;
    const long accuracy = std::lround(result.score.accuracy * 100.0);
    const int pause = std::max(1, static_cast<int>(std::ceil(m_nextTake->interval() / 1000.0)));
    QString said;
    switch (step.kind) {
    case core::coach::TrainerStep::Kind::Raise:
        said = tr("%1 % in time at %2 BPM: the mark held.").arg(accuracy).arg(bpm);
        break;
    case core::coach::TrainerStep::Kind::Hold:
        said = tr("%1 % in time at %2 BPM, under the %3 % mark.").arg(accuracy).arg(bpm).arg(m_trainerMark->value());
        break;
    case core::coach::TrainerStep::Kind::Reached:
        said = tr("%1 % in time at %2 BPM: you hold the trainer's target tempo. Well played.").arg(accuracy).arg(bpm);
        break;
    case core::coach::TrainerStep::Kind::Rest:
        said = tr("%1 % in time at %2 BPM: %n take(s) in a row under the mark. Take a break, or start slower.", "", step.missesInRow)
                   .arg(accuracy)
                   .arg(bpm);
        m_trainerMisses = 0;
        break;
    }
    // What the take's score said (the speakers taken off, the calibration, dropouts) stays said.
    const QString scoredNote = m_status->text().isEmpty() ? QString() : QStringLiteral(" ") + m_status->text();
    // A take that holds the mark is practice evidence: kept (with its recording when that box is
    // ticked), saying so as Keep take does; not one the audio dropped out of (a dropout can read as
    // a hit: Keep take is there if it was fine). One that cannot be kept stops the trainer, its
    // reason shown.
    if ((step.kind == core::coach::TrainerStep::Kind::Raise || step.kind == core::coach::TrainerStep::Kind::Reached)
        && result.dropouts == 0) {
        const bool kept = !keep().isEmpty();
        said += QStringLiteral(" ") + m_status->text();
        if (!kept) {
            m_status->setText(said + QStringLiteral(" ") + tr("The trainer stopped.") + scoredNote);
            m_trainerMisses = 0;
            return;
        }
    }
    if (step.kind == core::coach::TrainerStep::Kind::Raise || step.kind == core::coach::TrainerStep::Kind::Hold) {
        said += QStringLiteral(" ") + (step.kind == core::coach::TrainerStep::Kind::Raise
                                           ? tr("Next take at %1 BPM in %n s…", "", pause).arg(step.nextBpm)
                                           : tr("Once more at %1 BPM in %n s…", "", pause).arg(step.nextBpm));
        {
            const QSignalBlocker quiet(m_bpm);  // the take shown stays shown: it was played at the tempo before
            m_bpm->setValue(step.nextBpm);
        }
        m_nextTake->start();
        setBusy(false);  // the settings wait, the button stops the trainer
    }
    m_status->setText(said + scoredNote);
}

void TakeDialog::showMode()
{
    const bool live = m_liveMode->isChecked();
    m_fields->setRowVisible(m_fileRow, !live);
    m_fields->setRowVisible(m_inputInfo, live);
    m_fields->setRowVisible(m_bars, live);
    m_fields->setRowVisible(m_keepRecording, live);
    m_fields->setRowVisible(m_trainerRow, live);
    m_fields->setRowVisible(m_midiRow, !live && audio::isMidiTake(QFile::encodeName(m_input->text().trimmed()).toStdString()));
    m_scoreButton->setText(live ? tr("Pla&y and record") : tr("&Score"));
}

void TakeDialog::chooseInput()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a recording"), QFileInfo(m_input->text()).absolutePath(),
                                                      tr("Recordings (*.wav *.flac *.aif *.aiff *.ogg *.mid *.midi);;All files (*)"));
    if (!path.isEmpty()) {
        m_input->setText(path);
    }
}

void TakeDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    // Between the trainer's takes the settings wait too: the next take plays with them.
    const bool locked = busy || m_nextTake->isActive();
    for (QWidget* input : std::initializer_list<QWidget*>{m_input, m_choose, m_part, m_bpm, m_latency, m_tolerance, m_backing, m_liveMode,
                                                           m_fileMode, m_bars, m_midiNotes, m_sensitivity, m_gate, m_generalMidi}) {
        input->setEnabled(!locked);
    }
    for (QWidget* field : std::initializer_list<QWidget*>{m_trainerMark, m_trainerStep, m_trainerTarget}) {
        field->setEnabled(!locked && m_trainer->isChecked());
    }
    // While a live take records, or the trainer waits for its next, the button stops it.
    const bool stops = m_recorder != nullptr || m_nextTake->isActive();
    m_scoreButton->setEnabled((!busy && m_part->count() > 0) || stops);
    m_scoreButton->setText(stops ? tr("&Stop") : m_liveMode->isChecked() ? tr("Pla&y and record") : tr("&Score"));
    m_keepButton->setEnabled(!busy && m_result.has_value() && !m_resultKept);
}

void TakeDialog::invalidate()
{
    if (m_rehear != nullptr) {
        m_rehear->stop();  // another part, tempo or file: the take is not heard again with them
    }
    if (!m_result || m_busy) {
        return;
    }
    m_result.reset();
    m_summary->clear();
    m_hits->clear();
    m_chart->hide();
    m_chartCaption->hide();
    m_keepButton->setEnabled(false);
    m_status->setText(tr("The settings changed: score the take again."));
}

void TakeDialog::hearingChanged()
{
    // A live take cannot be played again, but its recording is still here: it is heard again
    // with the new setting rather than thrown away.
    if (m_result && takeCanBeHeardAgain()) {
        m_rehear->start();  // once the slider rests, not at each of its steps
        m_keepButton->setEnabled(false);  // what is shown is not heard with these settings
        return;
    }
    invalidate();
}

bool TakeDialog::takeCanBeHeardAgain() const
{
    return m_scoredLive && m_lastTake && m_liveMode->isChecked() && !m_recorder && !m_nextTake->isActive();
}

void TakeDialog::rehearLastTake()
{
    if (!takeCanBeHeardAgain()) {
        return;  // another take (or a file) is in hand now
    }
    if (m_busy) {
        m_rehear->start();  // after the score in flight
        return;
    }
    if (m_worker.joinable()) {
        m_worker.join();  // finished: nothing reads the take now
    }
    const audio::TakeRequest now = request();
    m_lastTake->request.onsets = now.onsets;
    m_lastTake->request.toleranceMs = now.toleranceMs;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_lastTake->request.cancelled = m_cancel;
    m_rehearing = true;  // (a take kept stays kept: the same take heard again is no second one)
    ++m_run;
    m_result.reset();
    m_progress->setRange(0, 0);
    m_progress->setAccessibleName(tr("Scoring"));
    m_status->setText(tr("Listening to the take again with the new settings…"));
    setBusy(true);
    auto take = m_lastTake;
    scoreInBackground([take] { return audio::scoreRecordedTakeNonRealTime(*take); });
}

audio::TakeRequest TakeDialog::request() const
{
    audio::TakeRequest request;
    request.machine = m_machine;
    request.machine.bpm = m_bpm->value();
    request.part = m_part->currentData().toString().toStdString();
    request.input = QFile::encodeName(m_input->text().trimmed()).toStdString();
    request.latencyMs = m_latency->value();
    request.toleranceMs = m_tolerance->currentData().toDouble();
    request.subtractBacking = m_backing->isChecked();
    request.onsets.sensitivity = m_sensitivity->value() / 100.0;
    request.onsets.gateDb = m_gate->value();
    request.swing = m_swing;
    request.voice = m_voice.toStdString();
    return request;
}

void TakeDialog::score()
{
    if (m_recorder) {
        stopRecording();  // the button reads Stop while a take records
        return;
    }
    if (m_nextTake->isActive()) {
        stopTrainer();  // …and while the trainer waits for its next take
        return;
    }
    if (m_busy) {
        return;  // one score at a time
    }
    if (m_worker.joinable()) {
        m_worker.join();  // finished: its result was shown
    }
    if (m_liveMode->isChecked()) {
        startLive();
        return;
    }
    if (m_input->text().trimmed().isEmpty()) {
        m_status->setText(tr("Choose the recording first."));
        Q_EMIT scored();
        return;
    }
    audio::TakeRequest take = request();
    if (audio::isMidiTake(take.input)) {
        auto notes = audio::parseMidiNotes(m_midiNotes->text().toStdString());
        if (!notes) {
            m_status->setText(tr("MIDI notes: “%1” is not a list of notes from 0 to 127 (such as 75, or 62-64, 60).").arg(m_midiNotes->text()));
            Q_EMIT scored();
            return;
        }
        take.midiNotes = *notes;
    }
    m_scoredInput = m_input->text().trimmed();
    m_scoredLive = false;
    m_scoredMidi = audio::isMidiTake(take.input);
    m_status->setText(tr("Listening to the recording…"));
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    take.cancelled = m_cancel;
    ++m_run;
    m_result.reset();
    setBusy(true);
    scoreInBackground([take] { return audio::scoreTakeNonRealTime(take); });
}

void TakeDialog::startLive()
{
    m_rehear->stop();  // a new take replaces the one that was to be heard again
    if (m_audio.inputDevice.isEmpty()) {
        m_status->setText(tr("Choose the input you play into in Preferences › Audio first (and calibrate it there)."));
        Q_EMIT scored();
        return;
    }
    if (!m_trainerStarting) {
        m_trainerMisses = 0;  // a take started by hand starts the trainer's count afresh
    }
    m_scoredMidi = false;
    audio::LiveTakeRequest live;
    live.take = request();
    live.take.input = "live take";
    live.bars = m_bars->value();
    if (auto checked = audio::checkLiveTake(live); !checked) {
        m_status->setText(tr("Could not start the take: %1").arg(AudioSettingsPanel::coachErrorText(checked.error())));
        Q_EMIT scored();
        return;
    }
    auto player = audio::LivePlayer::openNonRealTime(deviceSettingsOf(m_audio, true));
    if (!player) {
        m_status->setText(tr("Could not open the audio devices: %1").arg(QString::fromStdString(player.error().message)));
        Q_EMIT scored();
        return;
    }
    m_player = std::move(*player);
    // A calibration holds for the devices as they opened then; a default device or size may
    // have changed under the same choice since.
    m_calibrationNote.clear();
    if (!m_roundTrip) {
        m_calibrationNote = tr("Not calibrated: times are as recorded, late by your setup's delay.");
    } else if (!m_roundTrip->openedAs.isEmpty() && m_roundTrip->openedAs != openedAs(m_player->info())) {
        m_calibrationNote = tr("The devices opened differently from when they were calibrated (%1, was %2): calibrate again in "
                               "Preferences › Audio.")
                                .arg(openedAs(m_player->info()), m_roundTrip->openedAs);
    }
    core::Result<std::unique_ptr<audio::LiveRecorder>> recorder = std::unexpected(core::Error{core::ErrorCode::Io, "", ""});
    try {
        recorder = audio::LiveRecorder::startNonRealTime(*m_player, live);
    } catch (const std::bad_alloc&) {
        recorder = std::unexpected(core::Error{core::ErrorCode::Io, "not enough memory for a take this long: record a shorter one", ""});
    }
    if (!recorder) {
        m_player.reset();
        m_status->setText(tr("Could not start the take: %1").arg(AudioSettingsPanel::coachErrorText(recorder.error())));
        Q_EMIT scored();
        return;
    }
    m_recorder = std::move(*recorder);
    m_lastTake.reset();  // this take replaces it
    m_stoppedByHand = false;
    ++m_run;
    m_result.reset();
    m_summary->clear();
    m_hits->clear();
    m_chart->hide();
    m_chartCaption->hide();
    m_scoredInput = QStringLiteral("live");
    m_scoredLive = true;
    setBusy(true);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setAccessibleName(tr("Recording"));
    m_level->setValue(0);
    m_level->show();
    m_liveRevision = -1;
    m_liveView->clear();
    m_liveView->show();
    m_liveCaption->show();
    m_hits->hide();
    m_status->setText(tr("Count-in at %1 BPM: listen to the clicks, then play from the one.").arg(m_bpm->value()));
    m_recordTimer->start();
}

void TakeDialog::pollLive()
{
    if (!m_recorder) {
        return;
    }
    m_progress->setValue(static_cast<int>(std::lround(1000.0 * m_recorder->pollNonRealTime())));
    AudioSettingsPanel::showInputPeak(m_level, m_player->takeInputPeak());
    if (const audio::LiveProgress& heard = m_recorder->progress(); heard.revision != m_liveRevision) {
        m_liveRevision = heard.revision;
        m_liveView->setProgress(heard);
    }
    const int bar = m_recorder->barNow();
    m_status->setText(bar == 0 ? tr("Count-in at %1 BPM: listen to the clicks, then play from the one.").arg(m_bpm->value())
                               : tr("Bar %1 of %2").arg(bar).arg(m_recorder->bars()));
    if (m_recorder->finished()) {
        finishLive(false);
    }
}

void TakeDialog::stopRecording()
{
    if (m_recorder) {
        m_stoppedByHand = true;
        finishLive(true);
    }
}

void TakeDialog::finishLive(bool early)
{
    m_recordTimer->stop();
    m_recorder->pollNonRealTime();  // what came in since the last tick
    auto recorded = m_recorder->finishNonRealTime(early);
    m_recorder.reset();
    m_player.reset();
    m_level->hide();
    m_progress->setRange(0, 0);
    m_progress->setAccessibleName(tr("Scoring"));
    if (!recorded) {
        showResult(m_run, std::unexpected(recorded.error()));
        return;
    }
    m_status->setText(tr("Listening to the take…"));
    setBusy(true);
    auto take = std::make_shared<audio::RecordedTake>(std::move(*recorded));
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    take->request.cancelled = m_cancel;
    m_lastTake = take;
    scoreInBackground([take] { return audio::scoreRecordedTakeNonRealTime(*take); });
}

void TakeDialog::scoreInBackground(std::function<core::Result<audio::TakeResult>()> work)
{
    const int run = m_run;
    QPointer<TakeDialog> self(this);
    m_worker = std::thread([self, work = std::move(work), run] {
        auto result = work();  // (never throws)
        QMetaObject::invokeMethod(
            qApp, [self, run, result = std::move(result)]() mutable {
                if (self) {
                    self->showResult(run, std::move(result));
                }
            },
            Qt::QueuedConnection);
    });
}

void TakeDialog::showResult(int run, core::Result<audio::TakeResult> result)
{
    if (run != m_run) {
        return;  // an older score's
    }
    const bool rehearing = std::exchange(m_rehearing, false);
    m_hits->clear();
    m_liveView->hide();  // the take's whole score replaces what was heard as it played
    m_liveCaption->hide();
    m_hits->show();
    if (!result) {
        m_summary->clear();
        m_chart->setSteps({}, 16, 2, 30.0);
        m_chart->hide();
        m_chartCaption->hide();
        const core::Error& error = result.error();
        const QString file = QFileInfo(m_scoredInput).fileName();
        const bool live = m_scoredLive;
        if (live && error.code == core::ErrorCode::Cancelled) {
            m_status->setText(tr("Stopped before a whole bar was played: nothing was scored."));
        } else if (live) {
            m_status->setText(tr("The take could not be scored: %1").arg(AudioSettingsPanel::coachErrorText(error)));
        } else if (error.where == "--no-bleed") {
            m_status->setText(tr("The built-in sample kit is not installed here, so the machine's other parts cannot be taken off: "
                                 "untick that box and score again."));
        } else if (error.code == core::ErrorCode::NotFound && error.where == m_input->text().trimmed().toStdString()) {
            m_status->setText(tr("%1 is not there any more.").arg(file));
        } else {
            m_status->setText(tr("Could not score %1: %2").arg(file, QString::fromStdString(error.message)));
        }
        if (live && m_trainer->isChecked()) {
            m_trainerMisses = 0;
            m_status->setText(m_status->text() + QStringLiteral(" ") + tr("The trainer stopped."));
        }
        setBusy(false);
        Q_EMIT scored();
        return;
    }
    m_result = std::move(*result);
    if (!rehearing) {
        m_resultKept = false;  // a new take (the same take heard again is no second one to keep)
    }
    // What the part was heard with, remembered once it scored (not a mapping that matched nothing).
    rememberPart(m_scoredMidi ? &m_result->midiNotes : nullptr);
    const core::coach::TakeScore& score = m_result->score;
    const int tolerance = static_cast<int>(std::lround(score.toleranceMs));
    QString feel;
    const long mean = std::lround(score.meanOffsetMs);
    if (score.matched == 0) {
        feel = tr("no hit found on the part's grid");
    } else if (mean < 0) {
        feel = tr("you rush by %1 ms").arg(-mean);
    } else if (mean > 0) {
        feel = tr("you drag by %1 ms").arg(mean);
    } else {
        feel = tr("right on the beat on average");
    }
    // A spread needs hits to spread: without any it is left out.
    m_summary->setText(score.matched == 0 ? tr("%1 % of %2 hits within ±%3 ms — %4. %5 missed, %6 extra.")
                                                .arg(std::lround(score.accuracy * 100.0))
                                                .arg(score.hits.size())
                                                .arg(tolerance)
                                                .arg(feel)
                                                .arg(score.missed)
                                                .arg(score.extra)
                                          : tr("%1 % of %2 hits within ±%3 ms — %4 (spread %5 ms). %6 missed, %7 extra.")
                                                .arg(std::lround(score.accuracy * 100.0))
                                                .arg(score.hits.size())
                                                .arg(tolerance)
                                                .arg(feel)
                                                .arg(std::lround(score.spreadMs))
                                                .arg(score.missed)
                                                .arg(score.extra));
    m_chartCaption->show();
    m_chart->show();
    m_chart->setSteps(core::coach::summaryByStep(score, m_result->grid.loopLength), m_result->grid.loopLength, m_result->grid.stepsPerBeat,
                      score.toleranceMs);
    for (const auto& hit : score.hits) {
        auto* item = new QTreeWidgetItem(m_hits);
        item->setText(0, barBeat(hit.step, m_result->grid.stepsPerBeat));
        item->setText(1, tr("%1 s").arg(hit.expectedMs / 1000.0, 0, 'f', 2));
        if (hit.offsetMs) {
            const long offset = std::lround(*hit.offsetMs);
            item->setText(2, offset == 0 ? tr("on time") : offset < 0 ? tr("%1 ms early").arg(-offset) : tr("%1 ms late").arg(offset));
            item->setForeground(2, std::abs(*hit.offsetMs) <= score.toleranceMs ? palette().color(QPalette::WindowText) : QColor(207, 34, 46));
        } else {
            item->setText(2, tr("missed"));
            item->setForeground(2, QColor(207, 34, 46));
        }
    }
    QString status;
    if (m_result->bleed) {
        status = tr("The machine from the speakers was heard %1 ms late and taken off.").arg(m_result->bleed->delayMs, 0, 'f', 1);
    }
    if (m_scoredLive && !m_calibrationNote.isEmpty()) {
        status += (status.isEmpty() ? QString() : QStringLiteral(" ")) + m_calibrationNote;
    } else if (qFuzzyIsNull(m_result->latencyMs)) {
        status += (status.isEmpty() ? QString() : QStringLiteral(" ")) + tr("No recording latency given: times are as recorded.");
    }
    if (rehearing && m_resultKept) {
        status += (status.isEmpty() ? QString() : QStringLiteral(" ")) + tr("The take was kept with its first score.");
    }
    if (m_result->dropouts > 0) {
        status += (status.isEmpty() ? QString() : QStringLiteral(" "))
                  + tr("The audio dropped out %n time(s) during the take: a dropout can read as a hit.", "", m_result->dropouts);
    }
    m_status->setText(status);
    setBusy(false);
    if (!rehearing) {
        trainerAfter(*m_result);  // a take heard again is no new take for the trainer
    }
    Q_EMIT scored();
}

QString TakeDialog::keep()
{
    if (!m_result) {
        return {};
    }
    core::coach::KeptTake take = core::coach::keptTake(m_result->score, m_result->grid, m_machine);
    take.machineRef = m_machineRef;
    take.source = QFileInfo(m_scoredInput).fileName();  // "live" for a live take
    // The recording too, when asked: written first, so the kept take can name it.
    QString recordingNote;
    QString writtenRecording;
    if (m_scoredLive && m_keepRecording->isChecked() && m_lastTake) {
        const QString stem = QStringLiteral("%1 %2 %3 BPM %4")
                                 .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH.mm.ss")),
                                      QString::fromStdString(m_machine.title).remove(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|]"))),
                                      QString::number(take.bpm), take.part);
        // Never over an earlier recording (the same second twice, a clock set back).
        QString name = stem + QStringLiteral(".flac");
        for (int n = 2; QFileInfo::exists(QDir(m_recordingsFolder).filePath(name)); ++n) {
            name = QStringLiteral("%1 (%2).flac").arg(stem).arg(n);
        }
        const QString path = QDir(m_recordingsFolder).filePath(name);
        auto written = QDir().mkpath(m_recordingsFolder)
                           ? audio::writeRecordingNonRealTime(*m_lastTake, QFile::encodeName(path).toStdString())
                           : core::Result<void>(std::unexpected(core::Error{core::ErrorCode::Io, "the folder cannot be made", ""}));
        if (written) {
            take.source = name;
            writtenRecording = path;
            recordingNote = QStringLiteral(" ") + tr("The recording is in %1.").arg(QDir::toNativeSeparators(path));
        } else {
            // Nothing kept: Keep take stays, to try again after fixing the folder or without the recording.
            m_status->setText(tr("The recording could not be kept: %1").arg(QString::fromStdString(written.error().message)));
            return {};
        }
    }
    auto kept = core::coach::TakeLog(m_db).record(take);
    if (!kept) {
        // Nothing kept: nor the recording just written for it (Keep take again writes it again).
        if (!writtenRecording.isEmpty()) {
            QFile::remove(writtenRecording);
        }
        m_status->setText(tr("Could not keep the take: %1").arg(QString::fromStdString(kept.error().toString())));
        return {};
    }
    m_resultKept = true;
    m_keepButton->setEnabled(false);
    m_status->setText((core::coach::isClean(take) ? tr("Kept. A clean take at %1 BPM: it counts for your roadmap.").arg(take.bpm)
                                                  : tr("Kept. Takes with 90 % of their hits within ±30 ms also count for your roadmap."))
                      + recordingNote);
    return *kept;
}

void TakeDialog::reject()
{
    const bool unkeptLiveTake = m_scoredLive && m_result.has_value() && !m_resultKept && !m_trainer->isChecked();
    if (!unkeptLiveTake || m_closing || findChild<QMessageBox*>(QStringLiteral("keepTakeQuestion")) != nullptr) {
        QDialog::reject();
        return;
    }
    auto* question = new QMessageBox(QMessageBox::Question, tr("Keep the take?"),
                                     tr("This live take is not kept, and it cannot be played again. Keep it before closing?"),
                                     QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("keepTakeQuestion"));
    question->button(QMessageBox::Save)->setText(tr("&Keep take"));
    question->setDefaultButton(QMessageBox::Save);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question] {
        const QMessageBox::StandardButton pressed = question->standardButton(question->clickedButton());
        question->setObjectName(QString());  // (deleted later: not asked about twice meanwhile)
        if (pressed == QMessageBox::Save && keep().isEmpty()) {
            return;  // not kept: the dialog stays, its status says why
        }
        if (pressed == QMessageBox::Save || pressed == QMessageBox::Discard) {
            m_closing = true;
            QDialog::reject();
            m_closing = false;
        }
    });
    question->open();
}

QString TakeDialog::summaryText() const
{
    return m_summary->text();
}

QString TakeDialog::statusText() const
{
    return m_status->text();
}

}  // namespace bandmate::ui
