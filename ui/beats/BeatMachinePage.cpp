#include "ui/beats/BeatMachinePage.h"

#include "ui/shell/PageActions.h"

#include "audio/device/LivePlayer.h"
#include "audio/render/MidiExport.h"
#include "audio/render/OfflineRenderer.h"
#include "core/beats/BuiltinMachines.h"
#include "core/beats/MachineRepository.h"
#include "core/beats/MachineXml.h"
#include "core/beats/NoteStream.h"
#include "core/profile/Profile.h"
#include "sync/client/GrooveClient.h"
#include "ui/beats/BeatSession.h"
#include "ui/beats/BeatViews.h"
#include "ui/beats/ExportJob.h"
#include "ui/beats/StepGrid.h"
#include "ui/shell/Settings.h"
#include "ui/shell/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QPaintEvent>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace bandmate::ui {

namespace {

const char* const kKeyNames[] = {"C", "C♯ / D♭", "D", "E♭", "E", "F", "F♯ / G♭", "G", "A♭", "A", "B♭", "B"};

QString pageStyle()
{
    return QStringLiteral(R"(
#beatBanner { border-radius: 6px; padding: 6px 10px; }
#beatBanner[error="true"] { background: #fde7e4; color: #8a1f11; }
#beatBanner[error="false"] { background: #e6f4ea; color: #185c2b; }
#playButton { min-width: 92px; min-height: 30px; font-weight: 600; border-radius: 6px;
              background: %1; color: white; border: none; padding: 4px 14px; }
#playButton:checked { background: #b4432b; }
#beatTitle { font-size: 17pt; font-weight: 600; }
#modifiedMark { color: %1; font-weight: 600; }
#mixer QToolButton:checked { background: %1; color: white; border-radius: 4px; }
#sectionLabel { color: palette(placeholder-text); font-weight: 600; text-transform: uppercase; }
)")
        .arg(accentColor());
}

QLabel* section(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text.toUpper(), parent);
    label->setObjectName(QStringLiteral("sectionLabel"));
    return label;
}

/// The instrument's program on show; nullptr when there is none (no instrument selected, or a
/// machine whose programs have not all arrived from another computer yet).
const core::beats::Program* activeProgramOf(const core::beats::Machine& machine, int instrument)
{
    if (instrument < 0 || instrument >= static_cast<int>(machine.instruments.size())) {
        return nullptr;
    }
    const auto& item = machine.instruments[static_cast<size_t>(instrument)];
    if (item.activeProgram < 0 || item.activeProgram >= static_cast<int>(item.programs.size())) {
        return nullptr;
    }
    return &item.programs[static_cast<size_t>(item.activeProgram)];
}

}  // namespace

BeatMachinePage::BeatMachinePage(core::Database& db, Settings& settings, QWidget* parent)
    : QWidget(parent), m_db(db), m_settings(settings), m_session(new BeatSession(db, this))
{
    setObjectName(QStringLiteral("page-beats"));
    setStyleSheet(pageStyle());
    setAcceptDrops(true);
    applySettings();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 12);
    layout->setSpacing(10);
    layout->addWidget(buildHeader());
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("beatBanner"));
    m_banner->setWordWrap(true);
    m_banner->hide();
    layout->addWidget(m_banner);
    layout->addWidget(buildTransport());

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(buildMixer());
    splitter->addWidget(buildEditor());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);

    buildShortcuts();
    connect(m_session, &BeatSession::machineChanged, this, &BeatMachinePage::refresh);
    connect(m_session, &BeatSession::originChanged, this, &BeatMachinePage::refreshMachineChooser);
    connect(m_session, &BeatSession::errorOccurred, this, [this](const QString& message) { showMessage(message, true); });
    connect(m_session, &BeatSession::playingChanged, this, [this](bool playing) {
        const QSignalBlocker block(m_play);
        m_play->setChecked(playing);
        m_play->setText(playing ? tr("❚❚  Pause") : m_session->isPaused() ? tr("▶  Continue") : tr("▶  Play"));
    });
    connect(m_session, &BeatSession::playingBpmChanged, this, [this](double bpm) {
        m_trainerLabel->setVisible(m_session->trainer().enabled && m_session->isPlaying());
        m_trainerLabel->setText(tr("Trainer: %1 BPM").arg(bpm, 0, 'f', 0));
    });
    connect(m_session, &BeatSession::silentInstrumentsChanged, this, [this] {
        refresh();
        QStringList titles;
        for (const int index : m_session->silentInstruments()) {
            titles << QString::fromStdString(m_session->machine().instruments.at(static_cast<size_t>(index)).title);
        }
        if (!titles.isEmpty()) {
            showMessage(tr("The kit has no sound for %n instrument(s) of this machine, so they play silent: %1.", "", titles.size())
                            .arg(QLocale().createSeparatedList(titles)),
                        true);
        }
    });
    connect(m_session, &BeatSession::practiceRecorded, this, [this](double seconds) {
        showMessage(tr("Practice recorded: %1 minutes.").arg(seconds / 60.0, 0, 'f', 1), false);
    });
    rebuildMixerRows();
    refresh();
    refreshMachineChooser();
}

BeatMachinePage::~BeatMachinePage() = default;

QWidget* BeatMachinePage::buildHeader()
{
    auto* header = new QWidget(this);
    auto* row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("Beat Machine"), header);
    title->setObjectName(QStringLiteral("beatTitle"));
    row->addWidget(title);
    row->addSpacing(16);

    m_machineChooser = new QComboBox(header);
    m_machineChooser->setObjectName(QStringLiteral("machineChooser"));
    m_machineChooser->setMinimumWidth(260);
    m_machineChooser->setAccessibleName(tr("Machine"));
    connect(m_machineChooser, &QComboBox::activated, this, &BeatMachinePage::chooseMachine);
    row->addWidget(m_machineChooser);
    m_modified = new QLabel(header);
    m_modified->setObjectName(QStringLiteral("modifiedMark"));
    row->addWidget(m_modified);
    row->addStretch(1);

    auto* undo = new QToolButton(header);
    undo->setDefaultAction(m_session->undoStack()->createUndoAction(undo, tr("Undo")));
    undo->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* redo = new QToolButton(header);
    redo->setDefaultAction(m_session->undoStack()->createRedoAction(redo, tr("Redo")));
    redo->setToolButtonStyle(Qt::ToolButtonTextOnly);
    row->addWidget(undo);
    row->addWidget(redo);

    auto* save = new QPushButton(tr("Save"), header);
    save->setObjectName(QStringLiteral("saveButton"));
    save->setToolTip(tr("Save as one of your machines (Ctrl+S); every save keeps a version"));
    connect(save, &QPushButton::clicked, this, &BeatMachinePage::saveMachine);
    row->addWidget(save);

    auto* more = new QToolButton(header);
    more->setText(tr("Machine ▾"));
    more->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(more);
    menu->addAction(tr("Rename…"), this, &BeatMachinePage::renameMachine);
    menu->addAction(tr("Duplicate"), this, &BeatMachinePage::duplicateMachine);
    menu->addAction(tr("Versions…"), this, &BeatMachinePage::showVersions);
    menu->addSeparator();
    menu->addAction(tr("Move to trash"), this, &BeatMachinePage::trashMachine);
    menu->addAction(tr("Trash…"), this, &BeatMachinePage::showTrash);
    menu->addSeparator();
    menu->addAction(tr("Import machine XML…"), this, &BeatMachinePage::importMachine);
    menu->addAction(tr("Export machine XML…"), this, &BeatMachinePage::exportMachine);
    menu->addAction(tr("Export WAV…"), this, [this] { exportAudio(false); });
    menu->addAction(tr("Export MIDI…"), this, [this] { exportAudio(true); });
    menu->addSeparator();
    menu->addAction(tr("Share…"), this, [this] { openShare(); });
    menu->addAction(tr("Shared grooves…"), this, [this] { openShare(true); });
    menu->addSeparator();
    menu->addAction(tr("Tempo trainer…"), this, &BeatMachinePage::showTrainer);
    menu->addAction(tr("Keyboard shortcuts"), this, &BeatMachinePage::showHelp);
    more->setMenu(menu);
    row->addWidget(more);
    return header;
}

QWidget* BeatMachinePage::buildTransport()
{
    auto* bar = new QFrame(this);
    bar->setObjectName(QStringLiteral("transport"));
    bar->setFrameShape(QFrame::StyledPanel);
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(12, 8, 12, 8);
    rows->setSpacing(6);
    auto* row = new QHBoxLayout();
    row->setSpacing(10);
    auto* second = new QHBoxLayout();
    second->setSpacing(10);
    rows->addLayout(row);
    rows->addLayout(second);

    m_play = new QPushButton(tr("▶  Play"), bar);
    m_play->setObjectName(QStringLiteral("playButton"));
    m_play->setCheckable(true);
    m_play->setToolTip(tr("Play, pause, continue (Space)"));
    connect(m_play, &QPushButton::clicked, this, [this] {
        m_session->togglePlay();
        const QSignalBlocker block(m_play);
        m_play->setChecked(m_session->isPlaying());
    });
    row->addWidget(m_play);
    auto* stop = new QPushButton(tr("■  Stop"), bar);
    stop->setObjectName(QStringLiteral("stopButton"));
    stop->setToolTip(tr("Stop and go back to the start (Esc)"));
    connect(stop, &QPushButton::clicked, this, [this] { m_session->stop(); });
    row->addWidget(stop);

    row->addWidget(new QLabel(tr("Tempo"), bar));
    m_bpmSlider = new QSlider(Qt::Horizontal, bar);
    m_bpmSlider->setObjectName(QStringLiteral("bpmSlider"));
    m_bpmSlider->setRange(30, 300);
    m_bpmSlider->setMinimumWidth(120);
    m_bpmSlider->setAccessibleName(tr("Tempo"));
    connect(m_bpmSlider, &QSlider::valueChanged, this, [this](int bpm) { m_session->setBpm(bpm); });
    row->addWidget(m_bpmSlider);
    m_bpm = new QDoubleSpinBox(bar);
    m_bpm->setObjectName(QStringLiteral("bpm"));
    m_bpm->setRange(30, 300);
    m_bpm->setDecimals(1);
    m_bpm->setSuffix(tr(" BPM"));
    m_bpm->setToolTip(tr("Tempo: + and − change it by 5, T taps it"));
    connect(m_bpm, &QDoubleSpinBox::valueChanged, this, [this](double bpm) { m_session->setBpm(bpm); });
    row->addWidget(m_bpm);
    auto* tap = new QPushButton(tr("Tap"), bar);
    tap->setToolTip(tr("Tap the tempo (T)"));
    connect(tap, &QPushButton::clicked, this, [this] { m_session->tapTempo(); });
    row->addWidget(tap);

    row->addSpacing(8);
    row->addWidget(new QLabel(tr("Key"), bar));
    m_key = new QComboBox(bar);
    m_key->setObjectName(QStringLiteral("key"));
    for (const char* name : kKeyNames) {
        m_key->addItem(QString::fromUtf8(name));
    }
    m_key->setToolTip(tr("Key of piano and bass: K goes up a fifth, Shift+K up a fourth"));
    connect(m_key, &QComboBox::activated, this, [this](int key) { m_session->setKey(key); });
    row->addWidget(m_key);

    row->addWidget(new QLabel(tr("Clave"), bar));
    m_clave = new QComboBox(bar);
    m_clave->setObjectName(QStringLiteral("clave"));
    m_clave->addItem(tr("2-3"));
    m_clave->addItem(tr("3-2"));
    connect(m_clave, &QComboBox::activated, this, [this](int index) { m_session->setClave32(index == 1); });
    row->addWidget(m_clave);

    row->addStretch(1);

    second->addWidget(new QLabel(tr("Swing"), bar));
    m_swing = new QSlider(Qt::Horizontal, bar);
    m_swing->setObjectName(QStringLiteral("swing"));
    m_swing->setRange(0, 100);
    m_swing->setMinimumWidth(110);
    m_swing->setToolTip(tr("Swing: 0 % straight, 100 % a triplet feel"));
    connect(m_swing, &QSlider::valueChanged, this, [this](int percent) { m_session->setSwing(percent / 100.0); });
    second->addWidget(m_swing);
    second->addSpacing(8);
    second->addWidget(new QLabel(tr("Volume"), bar));
    m_master = new QSlider(Qt::Horizontal, bar);
    m_master->setObjectName(QStringLiteral("masterVolume"));
    m_master->setRange(0, 100);
    m_master->setMinimumWidth(110);
    connect(m_master, &QSlider::valueChanged, this, [this](int percent) { m_session->setMasterVolume(percent / 100.0); });
    second->addWidget(m_master);
    second->addSpacing(8);
    m_countIn = new QCheckBox(tr("Count-in"), bar);
    m_countIn->setToolTip(tr("One bar of clicks before the groove starts"));
    connect(m_countIn, &QCheckBox::toggled, this, [this](bool on) { m_session->setCountIn(on); });
    second->addWidget(m_countIn);
    second->addSpacing(8);
    second->addWidget(new QLabel(tr("Instructor"), bar));
    auto* voice = new QComboBox(bar);
    voice->setObjectName(QStringLiteral("voice"));
    const std::pair<const char*, QString> voices[] = {{"es", tr("Spanish")}, {"en", tr("English")}, {"it", tr("Italian")},
                                                      {"fr", tr("French")},  {"de", tr("German")},  {"ru", tr("Russian")},
                                                      {"nb", tr("Norwegian")}};
    for (const auto& [code, language] : voices) {
        voice->addItem(language, QString::fromLatin1(code));
    }
    voice->setCurrentIndex(std::max(0, voice->findData(m_settings.instructorVoice())));
    voice->setToolTip(tr("The language the instructor counts in (turn the Instructor on below)"));
    connect(voice, &QComboBox::activated, this, [this, voice](int index) {
        m_settings.setInstructorVoice(voice->itemData(index).toString());
        m_session->setVoice(voice->itemData(index).toString());
    });
    second->addWidget(voice);
    second->addStretch(1);
    m_trainerLabel = new QLabel(bar);
    m_trainerLabel->hide();
    second->addWidget(m_trainerLabel);
    m_indicator = new BeatIndicator(*m_session, bar);
    m_indicator->setMinimumWidth(200);
    second->addWidget(m_indicator);
    return bar;
}

QWidget* BeatMachinePage::buildMixer()
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(section(tr("Instruments"), box));
    auto* scroll = new QScrollArea(box);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_mixer = new QWidget(scroll);
    m_mixer->setObjectName(QStringLiteral("mixer"));
    m_mixerGrid = new QGridLayout(m_mixer);
    m_mixerGrid->setContentsMargins(0, 0, 8, 0);
    m_mixerGrid->setHorizontalSpacing(10);
    m_mixerGrid->setVerticalSpacing(4);
    scroll->setWidget(m_mixer);
    layout->addWidget(scroll, 1);
    return box;
}

QWidget* BeatMachinePage::buildEditor()
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* tools = new QHBoxLayout();
    m_editorTitle = new QLabel(box);
    m_editorTitle->setObjectName(QStringLiteral("sectionLabel"));
    m_editorTitle->setMinimumWidth(120);
    tools->addWidget(m_editorTitle);
    m_editorProgram = new QComboBox(box);
    m_editorProgram->setObjectName(QStringLiteral("editorProgram"));
    m_editorProgram->setMinimumWidth(220);
    connect(m_editorProgram, &QComboBox::activated, this, [this](int program) { m_session->setActiveProgram(m_selected, program); });
    tools->addWidget(m_editorProgram);
    const auto tool = [&](const QString& text, const QString& tip, auto slot) {
        auto* button = new QToolButton(box);
        button->setText(text);
        button->setToolTip(tip);
        connect(button, &QToolButton::clicked, this, slot);
        tools->addWidget(button);
    };
    tool(tr("New"), tr("Add an empty program"), [this] { m_session->addProgram(m_selected); });
    tool(tr("Duplicate"), tr("Copy this program"), [this] {
        if (activeProgramOf(m_session->machine(), m_selected) != nullptr) {
            m_session->duplicateProgram(m_selected, m_session->machine().instruments[static_cast<size_t>(m_selected)].activeProgram);
        }
    });
    tool(tr("Rename…"), tr("Rename this program"), [this] {
        const core::beats::Program* program = activeProgramOf(m_session->machine(), m_selected);
        if (program == nullptr) {
            return;
        }
        const int index = m_session->machine().instruments[static_cast<size_t>(m_selected)].activeProgram;
        bool ok = false;
        const QString title = QInputDialog::getText(this, tr("Rename program"), tr("Program name:"), QLineEdit::Normal,
                                                    QString::fromStdString(program->title), &ok);
        if (ok) {
            m_session->renameProgram(m_selected, index, title);
        }
    });
    tool(tr("Delete"), tr("Delete this program"), [this] {
        if (activeProgramOf(m_session->machine(), m_selected) != nullptr) {
            m_session->removeProgram(m_selected, m_session->machine().instruments[static_cast<size_t>(m_selected)].activeProgram);
        }
    });
    tools->addSpacing(12);
    tools->addWidget(new QLabel(tr("Steps"), box));
    m_length = new QSpinBox(box);
    m_length->setObjectName(QStringLiteral("programLength"));
    m_length->setRange(1, core::beats::MachineLimits::kMaxSteps);
    connect(m_length, &QSpinBox::valueChanged, this, [this](int length) {
        if (activeProgramOf(m_session->machine(), m_selected) != nullptr) {
            m_session->setProgramLength(m_selected, m_session->machine().instruments[static_cast<size_t>(m_selected)].activeProgram, length);
        }
    });
    tools->addWidget(m_length);
    m_hand = new QComboBox(box);
    m_hand->setObjectName(QStringLiteral("hand"));
    m_hand->addItem(tr("Both hands"), static_cast<int>(core::beats::Hand::Both));
    m_hand->addItem(tr("Left hand"), static_cast<int>(core::beats::Hand::Left));
    m_hand->addItem(tr("Right hand"), static_cast<int>(core::beats::Hand::Right));
    m_hand->setToolTip(tr("Which hand new piano notes play"));
    connect(m_hand, &QComboBox::activated, this, [this](int index) {
        m_grid->setHand(static_cast<core::beats::Hand>(m_hand->itemData(index).toInt()));
    });
    tools->addWidget(m_hand);
    tools->addStretch(1);
    layout->addLayout(tools);

    m_editorTabs = new QTabWidget(box);
    m_grid = new StepGrid(*m_session, m_editorTabs);
    auto* gridScroll = new QScrollArea(m_editorTabs);
    gridScroll->setWidgetResizable(true);
    gridScroll->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    gridScroll->setWidget(m_grid);
    m_editorTabs->addTab(gridScroll, tr("Program"));
    m_polymeter = new PolymeterView(*m_session, m_editorTabs);
    auto* polyScroll = new QScrollArea(m_editorTabs);
    polyScroll->setWidgetResizable(true);
    polyScroll->setWidget(m_polymeter);
    m_editorTabs->addTab(polyScroll, tr("All instruments"));
    layout->addWidget(m_editorTabs, 1);
    return box;
}

void BeatMachinePage::buildShortcuts()
{
    // Each one also in the Beat Machine menu (MainWindow), with its keys.
    const QString instruments = tr("Instruments");
    addPageAction(this, tr("Play / Pause"), {QKeySequence(Qt::Key_Space)}, [this] { m_session->togglePlay(); });
    addPageAction(this, tr("Stop"), {QKeySequence(Qt::Key_Escape)}, [this] { m_session->stop(); });
    addPageAction(this, tr("Tap Tempo"), {QKeySequence(Qt::Key_T)}, [this] { m_session->tapTempo(); });
    addPageAction(this, tr("Faster (+5 BPM)"), {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)},
                  [this] { m_session->setBpm(m_session->machine().bpm + 5); });
    addPageAction(this, tr("Slower (−5 BPM)"), {QKeySequence(Qt::Key_Minus)}, [this] { m_session->setBpm(m_session->machine().bpm - 5); });
    addPageAction(this, tr("Key Up a Fifth"), {QKeySequence(Qt::Key_K)}, [this] { m_session->setKey(m_session->machine().keyNote + 7); });
    addPageAction(this, tr("Key Up a Fourth"), {QKeySequence(Qt::SHIFT | Qt::Key_K)}, [this] { m_session->setKey(m_session->machine().keyNote + 5); });
    for (int digit = 1; digit <= 10; ++digit) {
        const int instrument = digit - 1;  // 1…9 then 0 for the tenth
        const auto key = static_cast<Qt::Key>(Qt::Key_0 + digit % 10);
        addPageAction(this, tr("Instrument %1 On or Off").arg(digit), {QKeySequence(key)}, [this, instrument] {
            if (instrument < static_cast<int>(m_session->machine().instruments.size())) {
                m_session->setInstrumentEnabled(instrument, !m_session->machine().instruments[static_cast<size_t>(instrument)].enabled);
            }
        }, instruments);
    }
    for (int digit = 1; digit <= 10; ++digit) {
        const int instrument = digit - 1;
        const auto key = static_cast<Qt::Key>(Qt::Key_0 + digit % 10);
        addPageAction(this, tr("Instrument %1: Next Program").arg(digit), {QKeySequence(Qt::ALT | key)}, [this, instrument] { m_session->cycleProgram(instrument); },
                      instruments);
    }
    addPageAction(this, tr("Undo"), {QKeySequence::Undo}, [this] { m_session->undoStack()->undo(); });
    addPageAction(this, tr("Redo"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}, [this] { m_session->undoStack()->redo(); });
    addPageAction(this, tr("Save Machine"), {QKeySequence::Save}, [this] { saveMachine(); });
    addPageAction(this, tr("Import Machine…"), {QKeySequence(Qt::CTRL | Qt::Key_I)}, [this] { importMachine(); });
    addPageAction(this, tr("Export WAV…"), {QKeySequence(Qt::CTRL | Qt::Key_E)}, [this] { exportAudio(false); });
    addPageAction(this, tr("Share…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)}, [this] { openShare(); });
    addPageAction(this, tr("Keyboard Shortcuts"), {QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question)}, [this] { showHelp(); });
}

void BeatMachinePage::rebuildMixerRows()
{
    while (QLayoutItem* item = m_mixerGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_rows.clear();
    m_rowIds.clear();
    const auto& machine = m_session->machine();
    for (size_t i = 0; i < machine.instruments.size(); ++i) {
        const auto& instrument = machine.instruments[i];
        const int index = static_cast<int>(i);
        Row row;
        const QString number = i < 9 ? QString::number(i + 1) : i == 9 ? QStringLiteral("0") : QString();
        row.enabled = new QCheckBox(m_mixer);
        row.enabled->setToolTip(number.isEmpty() ? tr("On or off") : tr("On or off (%1)").arg(number));
        row.enabled->setAccessibleName(tr("%1 on").arg(QString::fromStdString(instrument.title)));
        connect(row.enabled, &QCheckBox::toggled, this, [this, index](bool on) { m_session->setInstrumentEnabled(index, on); });
        row.select = new QToolButton(m_mixer);
        row.select->setCheckable(true);
        row.select->setAutoRaise(true);
        row.select->setMinimumWidth(130);
        row.select->setToolButtonStyle(Qt::ToolButtonTextOnly);
        row.select->setToolTip(tr("Edit this instrument's program below"));
        connect(row.select, &QToolButton::clicked, this, [this, index] { selectInstrument(index); });
        row.program = new QComboBox(m_mixer);
        row.program->setMinimumWidth(240);
        row.program->setToolTip(number.isEmpty() ? tr("Program") : tr("Program (Alt+%1 for the next)").arg(number));
        connect(row.program, &QComboBox::activated, this, [this, index](int program) { m_session->setActiveProgram(index, program); });
        row.volume = new QSlider(Qt::Horizontal, m_mixer);
        row.volume->setRange(0, 100);
        row.volume->setMinimumWidth(120);
        row.volume->setAccessibleName(tr("%1 volume").arg(QString::fromStdString(instrument.title)));
        connect(row.volume, &QSlider::valueChanged, this, [this, index](int v) { m_session->setInstrumentVolume(index, v / 100.0); });
        row.mute = new QToolButton(m_mixer);
        row.mute->setText(tr("M"));
        row.mute->setCheckable(true);
        row.mute->setToolTip(tr("Mute"));
        connect(row.mute, &QToolButton::toggled, this, [this, index](bool on) { m_session->setMuted(index, on); });
        row.solo = new QToolButton(m_mixer);
        row.solo->setText(tr("S"));
        row.solo->setCheckable(true);
        row.solo->setToolTip(tr("Solo"));
        connect(row.solo, &QToolButton::toggled, this, [this, index](bool on) { m_session->setSolo(index, on); });

        auto* key = new QLabel(number, m_mixer);
        key->setObjectName(QStringLiteral("sectionLabel"));
        m_mixerGrid->addWidget(key, index, 0);
        m_mixerGrid->addWidget(row.enabled, index, 1);
        m_mixerGrid->addWidget(row.select, index, 2);
        m_mixerGrid->addWidget(row.program, index, 3);
        m_mixerGrid->addWidget(row.volume, index, 4);
        m_mixerGrid->addWidget(row.mute, index, 5);
        m_mixerGrid->addWidget(row.solo, index, 6);
        m_rows.push_back(row);
        m_rowIds.push_back(instrument.id);
    }
    m_mixerGrid->setColumnStretch(3, 2);
    m_mixerGrid->setColumnStretch(4, 1);
    m_mixerGrid->setRowStretch(static_cast<int>(machine.instruments.size()), 1);
}

void BeatMachinePage::refresh()
{
    const auto& machine = m_session->machine();
    std::vector<std::string> ids;
    for (const auto& instrument : machine.instruments) {
        ids.push_back(instrument.id);
    }
    if (ids != m_rowIds) {
        rebuildMixerRows();
        m_selected = std::clamp(m_selected, 0, std::max(0, static_cast<int>(ids.size()) - 1));
    }
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const auto& instrument = machine.instruments[i];
        Row& row = m_rows[i];
        const QSignalBlocker b1(row.enabled), b2(row.program), b3(row.volume), b4(row.mute), b5(row.solo);
        row.enabled->setChecked(instrument.enabled);
        const bool silent = m_session->silentInstruments().contains(static_cast<int>(i));
        // A mark and a tooltip on an instrument the kit has no sound for, so a silent part is
        // not taken for a quiet one.
        row.select->setText(QString::fromStdString(instrument.title) + (silent ? QStringLiteral("  ⚠") : QString()));
        row.select->setToolTip(silent ? tr("The kit has no sound for some of this instrument's notes: they play silent")
                                      : tr("Edit this instrument's program below"));
        row.select->setChecked(static_cast<int>(i) == m_selected);
        row.program->clear();
        for (const auto& program : instrument.programs) {
            row.program->addItem(QString::fromStdString(program.title));
        }
        row.program->setCurrentIndex(instrument.activeProgram);
        row.volume->setValue(static_cast<int>(std::lround(instrument.volume * 100)));
        row.mute->setChecked(m_session->isMuted(static_cast<int>(i)));
        row.solo->setChecked(m_session->isSolo(static_cast<int>(i)));
    }
    {
        const QSignalBlocker b1(m_bpm), b2(m_bpmSlider), b3(m_key), b4(m_clave), b5(m_master);
        m_bpm->setValue(machine.bpm);
        m_bpmSlider->setValue(static_cast<int>(std::lround(machine.bpm)));
        m_key->setCurrentIndex(machine.keyNote);
        m_clave->setCurrentIndex(machine.clave32 ? 1 : 0);
        m_master->setValue(static_cast<int>(std::lround(machine.volume * 100)));
    }
    refreshEditorTools();
    // The chooser lists the user's machines from the database: rebuild it only when what it
    // shows changes (origin and saved state arrive through originChanged), not on every edit.
    if (QString::fromStdString(machine.title) != m_chooserTitle) {
        refreshMachineChooser();
    }
}

void BeatMachinePage::refreshEditorTools()
{
    const auto& machine = m_session->machine();
    if (m_selected < 0 || m_selected >= static_cast<int>(machine.instruments.size())) {
        return;
    }
    const auto& instrument = machine.instruments[static_cast<size_t>(m_selected)];
    m_editorTitle->setText(QString::fromStdString(instrument.title).toUpper());
    const QSignalBlocker b1(m_editorProgram), b2(m_length);
    m_editorProgram->clear();
    for (const auto& program : instrument.programs) {
        m_editorProgram->addItem(QString::fromStdString(program.title));
    }
    m_editorProgram->setCurrentIndex(instrument.activeProgram);
    if (const core::beats::Program* program = activeProgramOf(machine, m_selected)) {
        m_length->setValue(program->length);
    }
    m_hand->setVisible(instrument.playBothHands);
    if (m_grid->instrument() != m_selected) {
        m_grid->setInstrument(m_selected);
    }
}

void BeatMachinePage::selectInstrument(int index)
{
    m_selected = index;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        m_rows[i].select->setChecked(static_cast<int>(i) == index);
    }
    m_grid->setInstrument(index);
    refreshEditorTools();
    m_editorTabs->setCurrentIndex(0);
}

void BeatMachinePage::refreshMachineChooser()
{
    m_chooserTitle = QString::fromStdString(m_session->machine().title);
    const QSignalBlocker block(m_machineChooser);
    m_machineChooser->clear();
    int current = -1;
    if (m_session->origin() == MachineOrigin::Draft) {
        m_machineChooser->addItem(tr("%1 — not saved").arg(QString::fromStdString(m_session->machine().title)),
                                  QStringLiteral("draft:"));
        current = 0;
    }
    static const QStringList builtinTitles = [] {
        QStringList titles;
        for (const QString& name : core::beats::builtinMachineNames()) {
            auto machine = core::beats::loadBuiltinMachine(name);
            titles << (machine ? QString::fromStdString(machine->title) : name);
        }
        return titles;
    }();
    for (qsizetype i = 0; i < core::beats::builtinMachineNames().size(); ++i) {
        const QString& name = core::beats::builtinMachineNames().at(i);
        m_machineChooser->addItem(builtinTitles.at(i), QStringLiteral("builtin:") + name);
        if (m_session->origin() == MachineOrigin::Builtin && m_session->builtinName() == name) {
            current = m_machineChooser->count() - 1;
        }
    }
    auto mine = m_session->repository().list();
    if (mine && !mine->isEmpty()) {
        m_machineChooser->insertSeparator(m_machineChooser->count());
        for (const auto& machine : *mine) {
            m_machineChooser->addItem(tr("%1 (mine)").arg(machine.title), QStringLiteral("user:") + machine.id);
            if (m_session->origin() == MachineOrigin::User && m_session->userMachineId() == machine.id) {
                current = m_machineChooser->count() - 1;
            }
        }
    }
    m_machineChooser->setCurrentIndex(current);
    m_modified->setText(m_session->isModified() ? tr("● unsaved changes") : QString());
}

void BeatMachinePage::chooseMachine(int index)
{
    const QString choice = m_machineChooser->itemData(index).toString();
    if (choice.startsWith(QLatin1String("draft:")) || !confirmDiscard()) {
        refreshMachineChooser();
        return;
    }
    core::Result<void> opened = choice.startsWith(QLatin1String("builtin:")) ? m_session->openBuiltin(choice.mid(8))
                                                                            : m_session->openUser(choice.mid(5));
    if (!opened) {
        showMessage(QString::fromStdString(opened.error().toString()), true);
    }
    refreshMachineChooser();
}

bool BeatMachinePage::practise(const QString& machineRef, double bpm, int key)
{
    if (!confirmDiscard()) {
        return false;
    }
    const core::Result<void> opened = machineRef.startsWith(QLatin1String("user:")) ? m_session->openUser(machineRef.mid(5))
                                                                                    : m_session->openBuiltin(QString(machineRef).remove(QStringLiteral("builtin:")));
    if (!opened) {
        showMessage(QString::fromStdString(opened.error().toString()), true);
        refreshMachineChooser();
        return false;
    }
    if (bpm >= 30 && bpm <= 300) {
        m_session->setBpm(bpm);
    }
    if (key >= 0 && key < 12) {
        m_session->setKey(key);
    }
    refreshMachineChooser();
    return m_session->play();
}

bool BeatMachinePage::confirmDiscard()
{
    if (!m_session->isModified() || !m_interactive) {
        return true;
    }
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                              tr("“%1” has changes that are not saved. Save them first?")
                                                  .arg(QString::fromStdString(m_session->machine().title)),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) {
        saveMachine();
        return !m_session->isModified();
    }
    return answer == QMessageBox::Discard;
}

void BeatMachinePage::showMessage(const QString& message, bool error)
{
    m_banner->setText(message);
    m_banner->setProperty("error", error);
    m_banner->style()->unpolish(m_banner);
    m_banner->style()->polish(m_banner);
    m_banner->show();
    QTimer::singleShot(error ? 10'000 : 5'000, m_banner, [banner = m_banner, message] {
        if (banner->text() == message) {
            banner->hide();
        }
    });
}

QString BeatMachinePage::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

ShareDialog* BeatMachinePage::openShare(bool listFirst)
{
    if (!m_serverAccess) {
        showMessage(tr("Sharing needs a Bandmate server: sign in on the Sync page first."), true);
        return nullptr;
    }
    // What is shared is a saved machine (or a built-in as it comes): a snapshot others can
    // trust, which later edits do not change until Update shared copy.
    if (m_session->isModified() && !listFirst) {
        showMessage(tr("Save the machine first (Ctrl+S): the shared copy is the machine as saved."), true);
        return nullptr;
    }
    const QString id = m_session->userMachineId();
    core::beats::Machine machine = m_session->machine();
    if (!id.isEmpty()) {
        auto saved = core::beats::MachineRepository(m_db).load(id);
        if (!saved) {
            showMessage(QString::fromStdString(saved.error().message), true);
            return nullptr;
        }
        machine = *saved;
    }
    auto profile = core::profile::ProfileRepository(m_db).load();
    const QString origin = id.isEmpty() ? QString() : core::beats::MachineRepository(m_db).origin(id).value_or(QString());
    auto* dialog = new ShareDialog(core::beats::writeMachineXml(machine), id, QString::fromStdString(machine.title),
                                   profile ? profile->artistName : QString(), m_serverAccess, origin, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (listFirst) {
        dialog->showListTab(m_session->isModified());
    }
    if (m_interactive) {
        dialog->open();
    }
    return dialog;
}

void BeatMachinePage::importShared(const QString& link)
{
    auto parsed = sync::GrooveClient::parseLink(link);
    if (!parsed) {
        showMessage(tr("That is not a shared groove's link: %1").arg(link.left(200)), true);
        Q_EMIT imported({});
        return;
    }
    if (m_network == nullptr) {
        m_network = new QNetworkAccessManager(this);
    }
    showMessage(tr("Taking a copy of %1…").arg(parsed->page().toString()), false);
    sync::GrooveClient::fetchAsync(*m_network, *parsed, this, [this](core::Result<sync::SharedMachine> shared) {
        if (!shared) {
            showMessage(tr("Could not take a copy: %1").arg(QString::fromStdString(shared.error().toString())), true);
            Q_EMIT imported({});
            return;
        }
        auto machine = core::beats::readMachineXml(shared->xml, shared->link.page().toString());
        if (!machine) {
            showMessage(tr("Could not take a copy: %1").arg(QString::fromStdString(machine.error().toString())), true);
            Q_EMIT imported({});
            return;
        }
        if (!confirmDiscard()) {
            Q_EMIT imported({});
            return;
        }
        auto id = core::beats::MachineRepository(m_db).saveCopy(*machine, shared->link.page().toString());
        if (!id) {
            showMessage(QString::fromStdString(id.error().toString()), true);
            Q_EMIT imported({});
            return;
        }
        sync::GrooveClient::countCopyAsync(*m_network, shared->link);
        if (auto opened = m_session->openUser(*id); !opened) {
            showMessage(QString::fromStdString(opened.error().toString()), true);
        } else {
            showMessage(tr("“%1” is one of your machines now: a copy of %2.").arg(QString::fromStdString(machine->title), shared->link.page().toString()), false);
        }
        refreshMachineChooser();
        Q_EMIT imported(*id);
    });
}

void BeatMachinePage::saveMachine()
{
    auto saved = m_session->save();
    if (!saved) {
        showMessage(tr("Could not save: %1").arg(QString::fromStdString(saved.error().toString())), true);
        return;
    }
    showMessage(tr("Saved “%1”.").arg(QString::fromStdString(m_session->machine().title)), false);
    refreshMachineChooser();
}

void BeatMachinePage::renameMachine()
{
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("Rename machine"), tr("Name:"), QLineEdit::Normal,
                                                QString::fromStdString(m_session->machine().title), &ok);
    if (ok) {
        m_session->renameMachine(title);
    }
}

void BeatMachinePage::duplicateMachine()
{
    auto copy = m_session->machine();
    copy.title += tr(" (copy)").toStdString();
    // A duplicate of a copy of someone's shared groove is still inspired by it.
    const QString origin = m_session->userMachineId().isEmpty() ? QString() : m_session->repository().origin(m_session->userMachineId()).value_or(QString());
    auto saved = origin.isEmpty() ? m_session->repository().save(copy) : m_session->repository().saveCopy(copy, origin);
    if (!saved) {
        showMessage(QString::fromStdString(saved.error().toString()), true);
        return;
    }
    if (confirmDiscard()) {
        (void)m_session->openUser(*saved);
    }
    refreshMachineChooser();
}

void BeatMachinePage::trashMachine()
{
    if (m_session->origin() != MachineOrigin::User) {
        showMessage(tr("Only your own saved machines can go to the trash."), true);
        return;
    }
    const QString title = QString::fromStdString(m_session->machine().title);
    if (auto trashed = m_session->repository().trash(m_session->userMachineId()); !trashed) {
        showMessage(QString::fromStdString(trashed.error().toString()), true);
        return;
    }
    (void)m_session->openBuiltin(core::beats::builtinMachineNames().first());
    showMessage(tr("“%1” is in the trash (Machine ▸ Trash… restores it).").arg(title), false);
}

void BeatMachinePage::showTrash()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Trash"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* list = new QListWidget(&dialog);
    const auto fill = [&] {
        list->clear();
        for (const auto& machine : m_session->repository().listTrash().value_or(QList<core::beats::MachineSummary>{})) {
            auto* item = new QListWidgetItem(machine.title, list);
            item->setData(Qt::UserRole, machine.id);
        }
    };
    fill();
    layout->addWidget(list);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    auto* restore = buttons->addButton(tr("Restore"), QDialogButtonBox::ActionRole);
    auto* empty = buttons->addButton(tr("Empty trash"), QDialogButtonBox::DestructiveRole);
    connect(restore, &QPushButton::clicked, &dialog, [&] {
        if (auto* item = list->currentItem()) {
            (void)m_session->repository().restore(item->data(Qt::UserRole).toString());
            fill();
            refreshMachineChooser();
        }
    });
    connect(empty, &QPushButton::clicked, &dialog, [&] {
        if (QMessageBox::warning(&dialog, tr("Empty trash"), tr("Delete these machines for good?"),
                                 QMessageBox::Yes | QMessageBox::No) == QMessageBox::Yes) {
            (void)m_session->repository().emptyTrash();
            fill();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(420, 320);
    dialog.exec();
}

void BeatMachinePage::showVersions()
{
    if (m_session->origin() != MachineOrigin::User) {
        showMessage(tr("Versions are kept for your saved machines; save this one first."), true);
        return;
    }
    auto versions = m_session->repository().versions(m_session->userMachineId());
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Versions of “%1”").arg(QString::fromStdString(m_session->machine().title)));
    auto* layout = new QVBoxLayout(&dialog);
    auto* list = new QListWidget(&dialog);
    for (const auto& version : versions.value_or(QList<core::beats::MachineVersion>{})) {
        auto* item = new QListWidgetItem(tr("%1 — %2").arg(QLocale().toString(version.savedAt, QLocale::ShortFormat), version.title), list);
        item->setData(Qt::UserRole, version.id);
    }
    layout->addWidget(list);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    auto* restore = buttons->addButton(tr("Restore"), QDialogButtonBox::AcceptRole);
    connect(restore, &QPushButton::clicked, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(460, 340);
    if (dialog.exec() == QDialog::Accepted && list->currentItem() != nullptr) {
        if (auto restored = m_session->restoreVersion(list->currentItem()->data(Qt::UserRole).toString()); !restored) {
            showMessage(QString::fromStdString(restored.error().toString()), true);
        } else {
            showMessage(tr("Version restored; save to keep it (Ctrl+Z undoes it)."), false);
        }
    }
}

void BeatMachinePage::importMachine()
{
    if (!confirmDiscard()) {
        return;
    }
    const QString path = QFileDialog::getOpenFileName(this, tr("Import machine"), {}, tr("Beat machines (*.xml)"));
    if (!path.isEmpty()) {
        importPath(path);
    }
}

bool BeatMachinePage::importPath(const QString& path)
{
    if (auto imported = m_session->importFile(path); !imported) {
        const QString message = tr("This file is not a machine Bandmate can read. Nothing was changed. %1")
                                    .arg(QString::fromStdString(imported.error().toString()));
        if (m_interactive) {
            QMessageBox::warning(this, tr("Import machine"), message);
        }
        showMessage(message, true);
        return false;
    }
    m_settings.addRecentFile(QFileInfo(path).absoluteFilePath());
    showMessage(tr("Imported “%1”; save it to keep it among your machines.").arg(QString::fromStdString(m_session->machine().title)), false);
    return true;
}

void BeatMachinePage::dragEnterEvent(QDragEnterEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile() && urls.first().toLocalFile().endsWith(QLatin1String(".xml"), Qt::CaseInsensitive)) {
        event->acceptProposedAction();
    }
}

void BeatMachinePage::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile()) {
        return;
    }
    event->acceptProposedAction();
    if (confirmDiscard()) {
        importPath(urls.first().toLocalFile());
    }
}

void BeatMachinePage::paintEvent(QPaintEvent* event)
{
    QWidget::paintEvent(event);
    // Posted from the first paint, so it runs after the frame is on screen (a call posted from
    // showEvent would run first: a repaint waits behind ordinary posted events).
    if (!m_session->kitLoaded() && !m_kitPosted) {
        m_kitPosted = true;
        QTimer::singleShot(0, this, [this] { (void)m_session->pattern(); });
    }
}

void BeatMachinePage::exportMachine()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export machine"),
                                                      QString::fromStdString(m_session->machine().title) + QStringLiteral(".xml"),
                                                      tr("Beat machines (*.xml)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto exported = m_session->exportFile(path); !exported) {
        showMessage(QString::fromStdString(exported.error().toString()), true);
    }
}

void BeatMachinePage::exportAudio(bool midi)
{
    QDialog options(this);
    options.setWindowTitle(midi ? tr("Export MIDI") : tr("Export WAV"));
    auto* form = new QFormLayout(&options);
    auto* bars = new QSpinBox(&options);
    bars->setRange(1, 999);
    bars->setValue(8);
    bars->setSuffix(tr(" bars"));
    form->addRow(tr("Length:"), bars);
    auto* bpm = new QDoubleSpinBox(&options);
    bpm->setRange(30, 300);
    bpm->setValue(m_session->machine().bpm);
    bpm->setSuffix(tr(" BPM"));
    form->addRow(tr("Tempo:"), bpm);
    auto* countIn = new QCheckBox(tr("One bar of clicks first"), &options);
    auto* loop = new QCheckBox(tr("Seamless loop (ringing notes wrap to the start)"), &options);
    if (!midi) {
        form->addRow(tr("Count-in:"), countIn);
        form->addRow(tr("Loop:"), loop);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &options);
    connect(buttons, &QDialogButtonBox::accepted, &options, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &options, &QDialog::reject);
    form->addRow(buttons);
    if (options.exec() != QDialog::Accepted) {
        return;
    }
    const QString suggested = QString::fromStdString(m_session->machine().title) + (midi ? QStringLiteral(".mid") : QStringLiteral(".wav"));
    const QString path = QFileDialog::getSaveFileName(this, options.windowTitle(), suggested,
                                                      midi ? tr("MIDI files (*.mid)") : tr("WAV files (*.wav)"));
    if (path.isEmpty()) {
        return;
    }
    auto machine = m_session->machine();
    machine.bpm = bpm->value();
    if (midi) {
        audio::MidiExportSettings settings;
        settings.bpm = machine.bpm;
        settings.swing = m_session->swing();
        settings.steps = bars->value() * core::beats::stepsPerBar(machine.flavor);
        auto written = audio::exportMidiFile(machine, core::beats::compileMachine(machine), settings, path.toStdString());
        showMessage(written ? tr("Wrote %1 (%2 notes).").arg(path).arg(written->notes)
                            : QString::fromStdString(written.error().toString()),
                    !written);
        return;
    }
    audio::RenderSettings settings;
    // At the rate the kit was decoded for (the audio device's): the same samples at another
    // rate would sound out of tune.
    const auto pattern = m_session->pattern();
    settings.sampleRate = pattern->kit().sampleRate();
    settings.bpm = machine.bpm;
    settings.swing = m_session->swing();
    settings.countIn = countIn->isChecked();
    settings.seamlessLoop = loop->isChecked();
    settings.frames = audio::framesForBars(bars->value() + (settings.countIn ? 1 : 0), machine.flavor, machine.bpm, settings.sampleRate);
    renderWav(path, QString::fromStdString(machine.title), pattern, settings);
}

QProgressDialog* BeatMachinePage::renderWav(const QString& path, const QString& title, std::shared_ptr<const audio::Pattern> pattern,
                                            const audio::RenderSettings& settings)
{
    auto* job = new AudioExportJob(std::move(pattern), settings, path, this);
    auto* progress = new QProgressDialog(tr("Rendering “%1”…").arg(title), tr("Cancel"), 0, 100, this);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    connect(job, &AudioExportJob::progress, progress, &QProgressDialog::setValue);
    connect(progress, &QProgressDialog::canceled, job, [job, progress] {
        // Progress still on its way from the worker would show the dialog again.
        QObject::disconnect(job, &AudioExportJob::progress, progress, nullptr);
        progress->hide();
        job->cancel();
    });
    connect(job, &AudioExportJob::finished, this, [this, job, progress, path](bool ok, const QString& message) {
        progress->deleteLater();
        job->deleteLater();
        showMessage(ok ? tr("Wrote %1.").arg(path) : tr("Not exported: %1").arg(message), !ok);
    });
    job->start();
    return progress;
}

void BeatMachinePage::showTrainer()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Tempo trainer"));
    auto* form = new QFormLayout(&dialog);
    const TempoTrainer current = m_session->trainer();
    auto* enabled = new QCheckBox(tr("Change the tempo while I play"), &dialog);
    enabled->setChecked(current.enabled);
    form->addRow(enabled);
    const auto spin = [&](double value, const QString& suffix) {
        auto* box = new QDoubleSpinBox(&dialog);
        box->setRange(30, 300);
        box->setValue(value);
        box->setSuffix(suffix);
        return box;
    };
    auto* start = spin(current.startBpm, tr(" BPM"));
    auto* target = spin(current.targetBpm, tr(" BPM"));
    auto* step = spin(current.stepBpm, tr(" BPM"));
    step->setRange(1, 50);
    auto* every = new QSpinBox(&dialog);
    every->setRange(1, 64);
    every->setValue(current.everyBars);
    every->setSuffix(tr(" bars"));
    form->addRow(tr("Start at:"), start);
    form->addRow(tr("Go towards:"), target);
    form->addRow(tr("Change by:"), step);
    form->addRow(tr("Every:"), every);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() == QDialog::Accepted) {
        m_session->setTrainer({enabled->isChecked(), start->value(), target->value(), step->value(), every->value()});
    }
}

void BeatMachinePage::showHelp()
{
    const QString rows = tr(
        "<tr><td><b>Space</b></td><td>Play / pause / continue</td></tr>"
        "<tr><td><b>Esc</b></td><td>Stop and go back to the start</td></tr>"
        "<tr><td><b>T</b></td><td>Tap the tempo</td></tr>"
        "<tr><td><b>+</b> / <b>−</b></td><td>Tempo up / down by 5 BPM</td></tr>"
        "<tr><td><b>K</b> / <b>Shift+K</b></td><td>Key up a fifth / up a fourth</td></tr>"
        "<tr><td><b>1</b> … <b>9</b>, <b>0</b></td><td>Turn instrument 1 … 10 on or off</td></tr>"
        "<tr><td><b>Alt+1</b> … <b>Alt+0</b></td><td>Next program of instrument 1 … 10</td></tr>"
        "<tr><td><b>Ctrl+Z</b> / <b>Ctrl+Shift+Z</b></td><td>Undo / redo</td></tr>"
        "<tr><td><b>Ctrl+S</b></td><td>Save as one of your machines</td></tr>"
        "<tr><td><b>Ctrl+I</b> / <b>Ctrl+E</b></td><td>Import a machine / export WAV</td></tr>"
        "<tr><td><b>Arrows</b>, <b>Enter</b></td><td>In the step editor: move, add or remove a note</td></tr>"
        "<tr><td><b>Ctrl+Up</b> / <b>Ctrl+Down</b></td><td>In the step editor: louder / softer note</td></tr>"
        "<tr><td><b>Mouse wheel</b></td><td>Over a note: its velocity</td></tr>"
        "<tr><td><b>F1</b> or <b>?</b></td><td>This list</td></tr>");
    if (!m_interactive) {
        showMessage(tr("Keyboard shortcuts"), false);
        return;
    }
    QMessageBox help(this);
    help.setWindowTitle(tr("Beat Machine shortcuts"));
    help.setTextFormat(Qt::RichText);
    help.setText(QStringLiteral("<table cellspacing=6>") + rows + QStringLiteral("</table>"));
    help.exec();
}

void BeatMachinePage::applySettings()
{
    m_session->setVoice(m_settings.instructorVoice());
    const Settings::AudioOutput output = m_settings.audioOutput();
    m_session->setDeviceSettings({output.driver.toStdString(), output.device.toStdString(), output.sampleRate,
                                  output.bufferFrames});
}

}  // namespace bandmate::ui
