// The Beat Machine page's machines: choosing, saving, versions, trash, import and export (XML, WAV,
// MIDI), drag and drop, and sharing by link.

#include "ui/beats/BeatMachinePage.h"
#include "ui/beats/TakeDialog.h"
#include "ui/beats/BeatMachinePageParts.h"

namespace bandmate::ui {

using namespace beatpage;

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

TakeDialog* BeatMachinePage::openTakeDialog()
{
    const QString ref = !m_session->userMachineId().isEmpty() ? QStringLiteral("user:") + m_session->userMachineId()
                                                              : QStringLiteral("builtin:") + m_session->builtinName();
    m_session->lendDevice();  // a live take opens the device itself
    const Settings::AudioOutput audio = m_settings.audioOutput();
    auto* dialog = new TakeDialog(m_db, m_session->machine(), ref, m_session->swing(), m_session->voice(), audio,
                                  m_settings.roundTrip(Settings::audioSetupKey(audio)), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QObject::destroyed, m_session, &BeatSession::returnDevice);
    dialog->setSettings(&m_settings);
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
    // What: the machine's loop, or one of its arrangements whole (the one playing, if any).
    const auto& arrangements = m_session->machine().arrangements;
    auto* what = new QComboBox(&options);
    what->setObjectName(QStringLiteral("exportWhat"));
    what->addItem(tr("The machine's loop"), -1);
    for (size_t a = 0; a < arrangements.size(); ++a) {
        what->addItem(tr("The tune “%1”, whole").arg(QString::fromStdString(arrangements[a].name)), static_cast<int>(a));
    }
    what->setCurrentIndex(std::max(0, what->findData(m_session->playingArrangement())));
    if (!arrangements.empty()) {
        form->addRow(tr("What:"), what);
    }
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
    // A tune is as long as its sections, and plays once.
    const auto showWhat = [what, bars, loop] {
        const bool tune = what->currentData().toInt() >= 0;
        bars->setEnabled(!tune);
        loop->setEnabled(!tune);
        if (tune) {
            loop->setChecked(false);
        }
    };
    connect(what, &QComboBox::currentIndexChanged, &options, showWhat);
    showWhat();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &options);
    connect(buttons, &QDialogButtonBox::accepted, &options, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &options, &QDialog::reject);
    form->addRow(buttons);
    if (m_exportOptionsHook) {
        m_exportOptionsHook(options);  // tests choose in the dialog, then accept or reject it
    } else if (options.exec() != QDialog::Accepted) {
        return;
    }
    if (options.result() != QDialog::Accepted) {
        return;
    }
    const int tune = what->currentData().toInt();
    const auto& chosen = m_session->machine();
    const QString name = tune >= 0 ? QString::fromStdString(chosen.arrangements[static_cast<size_t>(tune)].name)
                                   : QString::fromStdString(chosen.title);
    const QString suggested = name + (midi ? QStringLiteral(".mid") : QStringLiteral(".wav"));
    const QString path = m_exportPathHook ? m_exportPathHook(suggested)
                                          : QFileDialog::getSaveFileName(this, options.windowTitle(), suggested,
                                                                         midi ? tr("MIDI files (*.mid)") : tr("WAV files (*.wav)"));
    if (path.isEmpty()) {
        return;
    }
    // A tune's sections keep their tempi relative to the machine's: the tempo chosen here
    // scales them all, as the tempo box does while it plays.
    const auto machine = m_session->machine();
    const double playedBpm = bpm->value();
    const core::beats::NoteStream stream = tune >= 0 ? core::beats::compileArrangement(machine, machine.arrangements[static_cast<size_t>(tune)])
                                                     : core::beats::compileMachine(machine);
    if (midi) {
        audio::MidiExportSettings settings;
        settings.bpm = playedBpm;
        settings.swing = m_session->swing();
        settings.steps = stream.song ? stream.song->songSteps : bars->value() * core::beats::stepsPerBar(machine.flavor);
        auto written = audio::exportMidiFile(machine, stream, settings, path.toStdString());
        showMessage(written ? tr("Wrote %1 (%2 notes).").arg(path).arg(written->notes)
                            : QString::fromStdString(written.error().toString()),
                    !written);
        return;
    }
    audio::RenderSettings settings;
    // At the rate the kit was decoded for (the audio device's): the same samples at another
    // rate would sound out of tune.
    const auto pattern = audio::Pattern::build(stream, m_session->kit());
    settings.sampleRate = pattern->kit().sampleRate();
    settings.bpm = playedBpm;
    settings.swing = m_session->swing();
    settings.countIn = countIn->isChecked();
    settings.seamlessLoop = loop->isChecked();
    if (stream.song) {
        if (stream.song->songSteps == 0) {
            showMessage(tr("Not exported: the tune “%1” has no sections.").arg(name), true);
            return;
        }
        const double firstBpm = stream.song->entries.front().bpm * playedBpm / machine.bpm;
        settings.frames = audio::framesForSong(*stream.song, machine.flavor, machine.bpm, playedBpm, settings.sampleRate)
                          + (settings.countIn ? audio::framesForBars(1, machine.flavor, firstBpm, settings.sampleRate) : 0);
        settings.tailFrames = std::llround(settings.sampleRate * 2.0);  // its last notes ring out
    } else {
        settings.frames = audio::framesForBars(bars->value() + (settings.countIn ? 1 : 0), machine.flavor, playedBpm, settings.sampleRate);
    }
    renderWav(path, name, pattern, settings);
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

}  // namespace bandmate::ui
