#include "ui/shell/PreferencesDialog.h"

#include "core/storage/Database.h"
#if BANDMATE_JACK_TRANSPORT
#include "audio/midi/JackMidiPorts.h"
#endif
#include "ui/shell/AudioSettingsPanel.h"
#include "ui/shell/Language.h"
#include "ui/shell/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace bandmate::ui {

namespace {

/// The running JACK server's MIDI inputs (where MIDI can go) or outputs (a clock to follow).
QStringList jackMidiPortNames(bool inputs)
{
    QStringList names;
#if BANDMATE_JACK_TRANSPORT
    for (const std::string& port : audio::jackMidiPorts(inputs)) {
        names << QString::fromStdString(port);
    }
#else
    (void)inputs;
#endif
    return names;
}

/// Off, the `ports`, and the one chosen before even when it is not there now (a synth not
/// started yet): choosing is not lost by opening Preferences without it.
QComboBox* midiPortChoice(const QStringList& ports, const QString& chosen, QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    combo->addItem(PreferencesDialog::tr("Off"), QString());
    for (const QString& port : ports) {
        combo->addItem(port, port);
    }
    if (!chosen.isEmpty() && !ports.contains(chosen)) {
        combo->addItem(PreferencesDialog::tr("%1 (not there now)").arg(chosen), chosen);
    }
    combo->setCurrentIndex(std::max(0, combo->findData(chosen)));
    return combo;
}

}  // namespace

PreferencesDialog::PreferencesDialog(Settings& settings, const core::Database& db, QWidget* parent)
    : QDialog(parent), m_settings(settings)
{
    setWindowTitle(tr("Preferences"));
    setMinimumWidth(520);
    auto* tabs = new QTabWidget(this);

    auto* general = new QWidget(tabs);
    auto* generalForm = new QFormLayout(general);
    m_colorScheme = new QComboBox(general);
    m_colorScheme->setObjectName(QStringLiteral("colorScheme"));
    m_colorScheme->addItem(tr("Follow the system"), static_cast<int>(Settings::ColorScheme::System));
    m_colorScheme->addItem(tr("Light"), static_cast<int>(Settings::ColorScheme::Light));
    m_colorScheme->addItem(tr("Dark"), static_cast<int>(Settings::ColorScheme::Dark));
    m_colorScheme->setCurrentIndex(m_colorScheme->findData(static_cast<int>(settings.colorScheme())));
    generalForm->addRow(tr("&Colour scheme:"), m_colorScheme);

    m_language = new QComboBox(general);
    m_language->setObjectName(QStringLiteral("language"));
    const QString systemLanguage = resolveLanguage(QString(), QLocale::system().uiLanguages());
    for (const UiLanguage& language : uiLanguages()) {
        if (language.code == systemLanguage) {
            m_language->insertItem(0, tr("Follow the system (%1)").arg(language.name), QString());
        }
        m_language->addItem(language.name, language.code);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language())));
    generalForm->addRow(tr("&Language:"), m_language);
    m_languageNote = new QLabel(general);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);
    generalForm->addRow(QString(), m_languageNote);
    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::showLanguageNote);
    showLanguageNote();

    m_startPage = new QComboBox(general);
    m_startPage->setObjectName(QStringLiteral("startPage"));
    m_startPage->addItem(tr("The page I used last"), static_cast<int>(Settings::StartPage::LastUsed));
    m_startPage->addItem(tr("The dashboard"), static_cast<int>(Settings::StartPage::Dashboard));
    m_startPage->setCurrentIndex(m_startPage->findData(static_cast<int>(settings.startPage())));
    generalForm->addRow(tr("On &start, open:"), m_startPage);
    tabs->addTab(general, tr("General"));

    auto* beats = new QWidget(tabs);
    auto* beatsForm = new QFormLayout(beats);
    m_instructorVoice = new QComboBox(beats);
    m_instructorVoice->setObjectName(QStringLiteral("instructorVoice"));
    const std::pair<const char*, QString> voices[] = {
        {"es", tr("Spanish")}, {"en", tr("English")},   {"it", tr("Italian")},  {"fr", tr("French")},
        {"de", tr("German")},  {"ru", tr("Russian")},   {"nb", tr("Norwegian")},
    };
    for (const auto& [code, language] : voices) {
        m_instructorVoice->addItem(language, QString::fromLatin1(code));
    }
    m_instructorVoice->setCurrentIndex(std::max(0, m_instructorVoice->findData(settings.instructorVoice())));
    beatsForm->addRow(tr("&Instructor counts in:"), m_instructorVoice);
    tabs->addTab(beats, tr("Beat machine"));

    m_audio = new AudioSettingsPanel(settings, tabs);
    connect(m_audio, &AudioSettingsPanel::deviceWanted, this, &PreferencesDialog::audioDeviceWanted);
    tabs->addTab(m_audio, tr("Audio"));

    auto* syncTab = new QWidget(tabs);
    auto* syncForm = new QFormLayout(syncTab);
    const Settings::LinkSync link = settings.linkSync();
    m_link = new QCheckBox(tr("Play in time with other apps (Ableton &Link)"), syncTab);
    m_link->setObjectName(QStringLiteral("linkEnabled"));
    m_link->setChecked(link.enabled);
    syncForm->addRow(m_link);
    auto* linkHint = new QLabel(tr("Live, Bitwig, Traktor, phone apps and other Bandmates on your network share one "
                                   "tempo, and their bars line up."),
                                syncTab);
    linkHint->setWordWrap(true);
    syncForm->addRow(linkHint);
    m_linkQuantum = new QComboBox(syncTab);
    m_linkQuantum->setObjectName(QStringLiteral("linkQuantum"));
    m_linkQuantum->addItem(tr("Every bar (4 beats)"), false);
    m_linkQuantum->addItem(tr("Every clave cycle (8 beats)"), true);
    m_linkQuantum->setCurrentIndex(link.claveCycle ? 1 : 0);
    syncForm->addRow(tr("Line &up:"), m_linkQuantum);
    m_linkStartStop = new QCheckBox(tr("Start and stop &together with the others"), syncTab);
    m_linkStartStop->setObjectName(QStringLiteral("linkStartStop"));
    m_linkStartStop->setChecked(link.startStop);
    syncForm->addRow(m_linkStartStop);
    m_jackTransport = new QComboBox(syncTab);
    m_jackTransport->setObjectName(QStringLiteral("jackTransport"));
    m_jackTransport->addItem(tr("Off"), 0);
    m_jackTransport->addItem(tr("Follow it"), 1);
    m_jackTransport->addItem(tr("Lead it (timebase master)"), 2);
    m_jackTransport->setCurrentIndex(std::clamp(link.jackTransport, 0, 2));
    m_jackTransport->setToolTip(tr("Linux: play while JACK's transport rolls, from where it is (Ardour, Hydrogen, "
                                   "QjackCtl). Needs the JACK driver under Audio."));
    syncForm->addRow(tr("&JACK transport:"), m_jackTransport);
    const Settings::MidiOut midi = settings.midiOut();
    m_midiClockFrom = midiPortChoice(jackMidiPortNames(false), midi.clockFrom, syncTab);
    m_midiClockFrom->setObjectName(QStringLiteral("midiClockFrom"));
    m_midiClockFrom->setToolTip(tr("Linux: play in time with a DAW's or a drum machine's MIDI clock (its tempo, Start, Stop "
                                   "and Song Position). Needs the JACK driver under Audio."));
    syncForm->addRow(tr("&Follow the MIDI clock of:"), m_midiClockFrom);
    // One outside clock at a time: Link, JACK's transport or a MIDI clock. A JACK transport role
    // kept while Link is on (the Link button) shows, greyed, and stays; ticking Link here is
    // choosing it instead.
    const auto oneClock = [this] {
        const bool linked = m_link->isChecked();
        const bool jack = m_jackTransport->currentIndex() != 0;
        const bool midiClock = !m_midiClockFrom->currentData().toString().isEmpty();
        m_linkQuantum->setEnabled(linked);
        m_linkStartStop->setEnabled(linked);
        m_link->setEnabled(linked || (!jack && !midiClock));
        m_jackTransport->setEnabled(!linked && !midiClock);
        m_midiClockFrom->setEnabled(midiClock || (!linked && !jack));
    };
    oneClock();
    connect(m_link, &QCheckBox::toggled, this, oneClock);
    connect(m_link, &QCheckBox::clicked, this, [this](bool on) {
        if (on) {
            m_jackTransport->setCurrentIndex(0);
            m_midiClockFrom->setCurrentIndex(0);
        }
    });
    connect(m_jackTransport, &QComboBox::currentIndexChanged, this, oneClock);
    connect(m_midiClockFrom, &QComboBox::currentIndexChanged, this, oneClock);
    m_sectionsFrom = midiPortChoice(jackMidiPortNames(false), midi.sectionsFrom, syncTab);
    m_sectionsFrom->setObjectName(QStringLiteral("sectionsFrom"));
    m_sectionsFrom->setToolTip(tr("Linux: a MIDI foot switch or pads move through the arrangement that plays, at the next bar "
                                  "line: C the next section, D its break, E the previous one (any octave)."));
    syncForm->addRow(tr("Pedal for the &sections:"), m_sectionsFrom);
    addMidiOut(settings, syncTab, syncForm);
    tabs->addTab(syncTab, tr("Sync && MIDI"));

    auto* dataTab = new QWidget(tabs);
    auto* dataForm = new QFormLayout(dataTab);
    auto* path = new QLabel(db.path(), dataTab);
    path->setObjectName(QStringLiteral("databasePath"));
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    path->setWordWrap(true);
    dataForm->addRow(tr("Database file:"), path);
    dataForm->addRow(tr("Schema version:"), new QLabel(QString::number(db.schemaVersion()), dataTab));
    auto* hint = new QLabel(tr("Start Bandmate with --db PATH to use another database file."), dataTab);
    hint->setWordWrap(true);
    dataForm->addRow(hint);
    tabs->addTab(dataTab, tr("Data"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
}

void PreferencesDialog::addMidiOut(const Settings& settings, QWidget* tab, QFormLayout* form)
{
    // MIDI out through JACK: the clock and the groove's notes to a synth, a drum machine, a DAW.
    auto* title = new QLabel(tr("<b>MIDI out</b> (Linux, through JACK)"), tab);
    title->setContentsMargins(0, 10, 0, 0);  // a section of its own
    form->addRow(title);
    const Settings::MidiOut midi = settings.midiOut();
    const QStringList inputs = jackMidiPortNames(true);
    const auto portChoice = [&](const QString& chosen, const char* name) {
        QComboBox* combo = midiPortChoice(inputs, chosen, tab);
        combo->setObjectName(QString::fromLatin1(name));
        return combo;
    };
    m_midiClockTo = portChoice(midi.clockTo, "midiClockTo");
    m_midiClockTo->setToolTip(tr("24 ticks a beat, Start, Stop and Song Position, at the tempo the groove plays: a synth, "
                                 "drum machine or DAW following MIDI clock plays in time with it."));
    form->addRow(tr("MIDI &clock to:"), m_midiClockTo);
    m_midiNotesTo = portChoice(midi.notesTo, "midiNotesTo");
    m_midiNotesTo->setToolTip(tr("The groove's notes, each on its exact frame, to drive your own drum rack or synth."));
    form->addRow(tr("&Notes to:"), m_midiNotesTo);
    m_midiChannel = new QComboBox(tab);
    m_midiChannel->setObjectName(QStringLiteral("midiChannel"));
    m_midiChannel->addItem(tr("Each instrument its own (General MIDI, drums on 10)"), -1);
    for (int channel = 1; channel <= 16; ++channel) {
        m_midiChannel->addItem(tr("All on channel %1").arg(channel), channel - 1);
    }
    m_midiChannel->setCurrentIndex(std::max(0, m_midiChannel->findData(midi.notesChannel)));
    form->addRow(tr("C&hannel:"), m_midiChannel);
    m_midiMute = new QCheckBox(tr("&Mute Bandmate's own sound while the notes go out"), tab);
    m_midiMute->setObjectName(QStringLiteral("midiMute"));
    m_midiMute->setChecked(midi.muteAudio);
    form->addRow(m_midiMute);
    auto* hint = new QLabel(inputs.isEmpty() ? tr("No JACK server is running, or it has no MIDI inputs: start JACK (with a2j for "
                                                  "hardware MIDI) and open Preferences again.")
                                             : tr("Needs the JACK driver under Audio. Messages leave one JACK period after the "
                                                  "sound they go with."),
                            tab);
    hint->setObjectName(QStringLiteral("midiHint"));
    hint->setWordWrap(true);
    form->addRow(hint);
    const auto notesChosen = [this] {
        const bool on = !m_midiNotesTo->currentData().toString().isEmpty();
        m_midiChannel->setEnabled(on);
        m_midiMute->setEnabled(on);
    };
    notesChosen();
    connect(m_midiNotesTo, &QComboBox::currentIndexChanged, this, notesChosen);
}

void PreferencesDialog::showLanguageNote()
{
    const QString chosen = resolveLanguage(m_language->currentData().toString(), QLocale::system().uiLanguages());
    m_languageNote->setText(tr("Bandmate speaks %1 from its next start.").arg(findUiLanguage(chosen)->name));
    m_languageNote->setVisible(chosen != installedLanguage());
}

void PreferencesDialog::accept()
{
    m_settings.setLanguage(m_language->currentData().toString());
    m_settings.setColorScheme(static_cast<Settings::ColorScheme>(m_colorScheme->currentData().toInt()));
    m_settings.setStartPage(static_cast<Settings::StartPage>(m_startPage->currentData().toInt()));
    m_settings.setInstructorVoice(m_instructorVoice->currentData().toString());
    m_settings.setAudioOutput(m_audio->output());
    m_settings.setLinkSync({m_link->isChecked(), m_linkQuantum->currentData().toBool(), m_linkStartStop->isChecked(),
                            m_jackTransport->currentData().toInt()});
    m_settings.setMidiOut({m_midiClockTo->currentData().toString(), m_midiNotesTo->currentData().toString(),
                           m_midiChannel->currentData().toInt(), m_midiMute->isChecked(),
                           m_link->isChecked() || m_jackTransport->currentIndex() != 0 ? QString()
                                                                                     : m_midiClockFrom->currentData().toString(),
                           m_sectionsFrom->currentData().toString()});
    m_settings.sync();
    QDialog::accept();
}

}  // namespace bandmate::ui
