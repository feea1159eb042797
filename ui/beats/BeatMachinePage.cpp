#include "ui/beats/BeatMachinePage.h"

#include "ui/beats/BeatMachinePageParts.h"

#include <QAction>
#include <QUndoStack>

namespace bandmate::ui {

using namespace beatpage;

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
    connect(m_session, &BeatSession::errorOccurred, this, [this](const QString& message) {
        showMessage(message, true);
        showLinkState();  // a JACK server gone took its transport along: Link can be chosen again
    });
    connect(m_session, &BeatSession::playingChanged, this, [this](bool playing) {
        const QSignalBlocker block(m_play);
        m_play->setChecked(playing);
        // Linked, a pause goes on from the session's bar line, not from where it stopped.
        const bool continues = m_session->isPaused() && !m_session->link().enabled;
        m_play->setText(playing ? tr("❚❚  Pause") : continues ? tr("▶  Continue") : tr("▶  Play"));
    });
    connect(m_session, &BeatSession::playingBpmChanged, this, &BeatMachinePage::showClockTempo);
    connect(m_session, &BeatSession::midiClockStateChanged, this, [this] {
        showClockTempo(m_session->playingBpm());
        showLinkState();
        if (!m_session->isPlaying()) {
            // Play pressed, the MIDI clock's sender not started: the button says so.
            const QSignalBlocker block(m_play);
            const bool waits = m_session->waitsForMidiClock();
            m_play->setChecked(waits);
            m_play->setText(waits ? tr("▶  Waiting…") : m_session->isPaused() ? tr("▶  Continue") : tr("▶  Play"));
        }
    });
    connect(m_session, &BeatSession::linkPeersChanged, this, &BeatMachinePage::showLinkState);
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
    showLinkState();
    // A MIDI clock chosen in Preferences that could not be followed when the settings were
    // first applied (no JACK server yet, the sender's app not running) says why, now that the
    // banner is there.
    const Settings::LinkSync link = m_settings.linkSync();
    if (const QString from = m_settings.midiOut().clockFrom;
        !link.enabled && link.jackTransport == 0 && !from.isEmpty() && m_session->midiClockIn().isEmpty()) {
        m_session->setMidiClockIn(from);
    }
    if (const QString pedal = m_settings.midiOut().sectionsFrom; !pedal.isEmpty() && m_session->sectionsFrom().isEmpty()) {
        m_session->setSectionsFrom(pedal);  // likewise for a pedal
    }
    showClockTempo(m_session->playingBpm());
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
    row->addSpacing(8);

    m_machineChooser = new QComboBox(header);
    m_machineChooser->setObjectName(QStringLiteral("machineChooser"));
    // As wide as there is room for, up to 420 px: a laptop keeps the header's commands in view.
    m_machineChooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_machineChooser->setMinimumContentsLength(6);
    m_machineChooser->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_machineChooser->setMaximumWidth(420);
    m_machineChooser->setAccessibleName(tr("Machine"));
    connect(m_machineChooser, &QComboBox::activated, this, &BeatMachinePage::chooseMachine);
    row->addWidget(m_machineChooser, 1);
    m_modified = new QLabel(header);
    m_modified->setObjectName(QStringLiteral("modifiedMark"));
    row->addWidget(m_modified);
    row->addStretch(1);

    // "Undo" and "Redo" stay short (a long edit's name would be cut in the button); what they
    // undo or redo is in their tooltips.
    QUndoStack* stack = m_session->undoStack();
    const auto undoButton = [&](bool isRedo) {
        auto* button = new QToolButton(header);
        auto* action = new QAction(isRedo ? tr("Redo") : tr("Undo"), button);
        action->setEnabled(isRedo ? stack->canRedo() : stack->canUndo());
        connect(stack, isRedo ? &QUndoStack::canRedoChanged : &QUndoStack::canUndoChanged, action, &QAction::setEnabled);
        connect(stack, isRedo ? &QUndoStack::redoTextChanged : &QUndoStack::undoTextChanged, action, [action, isRedo](const QString& text) {
            action->setToolTip(text.isEmpty() ? QString() : (isRedo ? tr("Redo: %1") : tr("Undo: %1")).arg(text));
        });
        connect(action, &QAction::triggered, stack, isRedo ? &QUndoStack::redo : &QUndoStack::undo);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        row->addWidget(button);
    };
    undoButton(false);
    undoButton(true);

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
    menu->addAction(tr("Score a take…"), this, [this] { openTakeDialog(); });
    menu->addAction(tr("Keyboard shortcuts"), this, &BeatMachinePage::showHelp);
    more->setMenu(menu);
    row->addWidget(more);
    return header;
}

void BeatMachinePage::buildShortcuts()
{
    // Each one also in the Beat Machine menu (MainWindow), with its keys.
    const QString instruments = tr("Instruments");
    addPageAction(this, tr("Play / Pause"), {QKeySequence(Qt::Key_Space)}, [this] { m_session->togglePlay(); });
    addPageAction(this, tr("Stop"), {QKeySequence(Qt::Key_Escape)}, [this] { m_session->stop(); });
    addPageAction(this, tr("Tap Tempo"), {QKeySequence(Qt::Key_T)}, [this] { m_session->tapTempo(); });
    // From the tempo heard: in a Link session that is the session's, not the machine's.
    const auto heardBpm = [this] {
        return m_session->followsOutsideClock() ? m_session->playingBpm() : m_session->machine().bpm;
    };
    addPageAction(this, tr("Faster (+5 BPM)"), {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)},
                  [this, heardBpm] { m_session->setBpm(heardBpm() + 5); });
    addPageAction(this, tr("Slower (−5 BPM)"), {QKeySequence(Qt::Key_Minus)}, [this, heardBpm] { m_session->setBpm(heardBpm() - 5); });
    addPageAction(this, tr("Link On or Off"), {QKeySequence(Qt::Key_L)}, [this] {
        if (m_link == nullptr) {
            return;
        }
        if (!m_link->isEnabled()) {
            showMessage(m_link->toolTip(), true);  // why it waits
            return;
        }
        m_link->toggle();
    });
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
    audio::DeviceSettings device;
    device.driver = output.driver.toStdString();
    device.device = output.device.toStdString();
    device.sampleRate = output.sampleRate;
    device.bufferFrames = output.bufferFrames;
    m_session->setDeviceSettings(device);
    const Settings::LinkSync link = m_settings.linkSync();
    if (link.enabled || link.jackTransport != 0) {
        m_session->setMidiClockIn({});  // another clock chosen instead
    }
    m_session->setLink({link.enabled, link.claveCycle, link.startStop});
    // Refused with a message in the banner when JACK is not the driver or not running.
    m_session->setJackTransport(link.enabled ? JackTransportRole::Off : static_cast<JackTransportRole>(std::clamp(link.jackTransport, 0, 2)));
    const Settings::MidiOut midi = m_settings.midiOut();
    m_session->setMidiOut({midi.clockTo, midi.notesTo, midi.notesChannel, midi.muteAudio});
    // One outside clock at a time: Link, then JACK's transport, then a MIDI clock.
    m_session->setMidiClockIn(link.enabled || link.jackTransport != 0 ? QString() : midi.clockFrom);
    m_session->setSectionsFrom(midi.sectionsFrom);  // refused with a message when no JACK server runs
    showLinkState();
}

void BeatMachinePage::showClockTempo(double bpm)
{
    // Another app's tempo (a Link session's, JACK's, a MIDI clock's) is said beside the beat:
    // the machine's own tempo above stays what it is saved with. A MIDI clock also says when it
    // waits for its sender's Start, and when it was lost.
    const bool training = m_session->trainer().enabled && m_session->isPlaying();
    const bool jack = m_session->jackTransport() != JackTransportRole::Off;
    const BeatSession::MidiClockState midi = m_session->midiClockState();
    const bool linked = m_session->followsOutsideClock() && std::abs(bpm - m_session->machine().bpm) > 0.05;
    m_trainerLabel->setVisible(training || linked || midi != BeatSession::MidiClockState::Off);
    // (Short: the transport keeps the room of the widest trainer tempo, and its tip says more.)
    m_trainerLabel->setText(midi == BeatSession::MidiClockState::Waiting     ? tr("MIDI: waiting")
                            : midi == BeatSession::MidiClockState::Held      ? tr("MIDI: paused")
                            : midi == BeatSession::MidiClockState::Lost      ? tr("MIDI: clock lost")
                            : midi == BeatSession::MidiClockState::Following ? tr("MIDI: %1 BPM").arg(bpm, 0, 'f', 1)
                            : training                                        ? tr("Trainer: %1 BPM").arg(bpm, 0, 'f', 0)
                            : jack                                            ? tr("JACK: %1 BPM").arg(bpm, 0, 'f', 1)
                                                                              : tr("Link: %1 BPM").arg(bpm, 0, 'f', 1));
    m_trainerLabel->setToolTip(midi == BeatSession::MidiClockState::Off
                                   ? QString()
                                   : (midi == BeatSession::MidiClockState::Waiting ? tr("Waiting for the MIDI clock's sender to start. ")
                                      : midi == BeatSession::MidiClockState::Lost
                                          ? tr("The MIDI clock's ticks stopped coming: waiting for its Start or Continue. ")
                                          : QString())
                                         + tr("Following the MIDI clock of %1 (Preferences › Sync & MIDI): its sender starts, stops "
                                              "and sets the tempo; Pause here stands still until Play.")
                                               .arg(m_session->midiClockIn()));
}

void BeatMachinePage::showLinkState()
{
    if (m_link == nullptr) {
        return;  // not built yet
    }
    const QSignalBlocker block(m_link);
    const bool on = m_session->link().enabled;
    m_link->setChecked(on);
    // One outside clock at a time: while JACK's transport is followed or led, or a MIDI clock
    // followed, Link waits.
    const bool jack = m_session->jackTransport() != JackTransportRole::Off;
    const bool midiClock = !m_session->midiClockIn().isEmpty();
    m_link->setEnabled(!jack && !midiClock);
    m_link->setToolTip(jack        ? tr("JACK transport is on (Preferences › Sync & MIDI): turn it off to use Ableton Link.")
                       : midiClock ? tr("A MIDI clock is followed (Preferences › Sync & MIDI): turn it off to use Ableton Link.")
                                   : tr("Play in time with other apps on your network (Ableton Link): one tempo, bars lined up. "
                                        "Preferences › Sync & MIDI has its choices."));
    // The session's bar line is the count while linked; a MIDI clock's sender starts the groove.
    m_countIn->setEnabled(!on && !midiClock);
    m_countIn->setToolTip(on ? tr("No count-in while linked: the session's bar line is the count")
                             : tr("One bar of clicks before the groove starts"));
    const int peers = m_session->linkPeers();
    m_link->setText(!on ? tr("Link") : peers == 0 ? tr("Link: no other app") : tr("Link: %n other app(s)", "", peers));
}

}  // namespace bandmate::ui
