#include "ui/shell/Settings.h"

#include <QSettings>

#include <algorithm>

namespace bandmate::ui {

namespace {

const QString kColorScheme = QStringLiteral("appearance/colorScheme");
const QString kStartPage = QStringLiteral("general/startPage");
const QString kLastPage = QStringLiteral("general/lastPage");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kLanguage = QStringLiteral("appearance/language");
const QString kInstructorVoice = QStringLiteral("beats/instructorVoice");
const QString kState = QStringLiteral("window/state");
const QString kWatchedFolders = QStringLiteral("library/watchedFolders");
const QString kSyncServer = QStringLiteral("sync/server");
const QString kSyncEmail = QStringLiteral("sync/email");
const QString kWelcomeDone = QStringLiteral("general/welcomeDone");
const QString kRunning = QStringLiteral("session/running");
const QString kRecentFilesKey = QStringLiteral("general/recentFiles");

}  // namespace

Settings::Settings(QSettings& store) : m_store(store) {}

Settings::ColorScheme Settings::colorScheme() const
{
    const QString value = m_store.value(kColorScheme).toString();
    if (value == QLatin1String("light")) {
        return ColorScheme::Light;
    }
    if (value == QLatin1String("dark")) {
        return ColorScheme::Dark;
    }
    return ColorScheme::System;
}

void Settings::setColorScheme(ColorScheme scheme)
{
    static const char* const names[] = {"system", "light", "dark"};
    m_store.setValue(kColorScheme, QString::fromLatin1(names[static_cast<int>(scheme)]));
}

Settings::StartPage Settings::startPage() const
{
    return m_store.value(kStartPage).toString() == QLatin1String("dashboard") ? StartPage::Dashboard
                                                                              : StartPage::LastUsed;
}

void Settings::setStartPage(StartPage page)
{
    m_store.setValue(kStartPage, page == StartPage::Dashboard ? QStringLiteral("dashboard")
                                                              : QStringLiteral("last"));
}

PageId Settings::initialPage() const
{
    if (startPage() == StartPage::Dashboard) {
        return PageId::Dashboard;
    }
    return lastPage();
}

PageId Settings::lastPage() const
{
    return pageFromKey(m_store.value(kLastPage).toString()).value_or(PageId::Dashboard);
}

QStringList Settings::recentFiles() const
{
    return m_store.value(kRecentFilesKey).toStringList();
}

void Settings::addRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    m_store.setValue(kRecentFilesKey, files.mid(0, kRecentFiles));
}

void Settings::clearRecentFiles()
{
    m_store.remove(kRecentFilesKey);
}

bool Settings::welcomeDone() const
{
    return m_store.value(kWelcomeDone, false).toBool();
}

void Settings::setWelcomeDone(bool done)
{
    m_store.setValue(kWelcomeDone, done);
}

bool Settings::running() const
{
    return m_store.value(kRunning, false).toBool();
}

void Settings::setRunning(bool running)
{
    m_store.setValue(kRunning, running);
}

void Settings::setLastPage(PageId page)
{
    m_store.setValue(kLastPage, pageInfo(page).key);
}

QString Settings::language() const
{
    return m_store.value(kLanguage).toString();
}

void Settings::setLanguage(const QString& code)
{
    m_store.setValue(kLanguage, code);
}

QString Settings::instructorVoice() const
{
    return m_store.value(kInstructorVoice, QStringLiteral("es")).toString();
}

void Settings::setInstructorVoice(const QString& language)
{
    m_store.setValue(kInstructorVoice, language);
}

Settings::LinkSync Settings::linkSync() const
{
    LinkSync link;
    link.enabled = m_store.value(QStringLiteral("link/enabled"), false).toBool();
    link.claveCycle = m_store.value(QStringLiteral("link/quantum")).toString() == QLatin1String("clave");
    link.startStop = m_store.value(QStringLiteral("link/startStop"), false).toBool();
    const QString jack = m_store.value(QStringLiteral("jack/transport")).toString();
    link.jackTransport = jack == QLatin1String("follow") ? 1 : jack == QLatin1String("master") ? 2 : 0;
    return link;
}

void Settings::setLinkSync(const LinkSync& link)
{
    m_store.setValue(QStringLiteral("link/enabled"), link.enabled);
    m_store.setValue(QStringLiteral("link/quantum"), link.claveCycle ? QStringLiteral("clave") : QStringLiteral("bar"));
    m_store.setValue(QStringLiteral("link/startStop"), link.startStop);
    m_store.setValue(QStringLiteral("jack/transport"), link.jackTransport == 1   ? QStringLiteral("follow")
                                                       : link.jackTransport == 2 ? QStringLiteral("master")
                                                                                 : QStringLiteral("off"));
}

Settings::MidiOut Settings::midiOut() const
{
    MidiOut midi;
    midi.clockTo = m_store.value(QStringLiteral("midi/clockTo")).toString();
    midi.notesTo = m_store.value(QStringLiteral("midi/notesTo")).toString();
    bool ok = false;
    const int channel = m_store.value(QStringLiteral("midi/notesChannel")).toInt(&ok);
    midi.notesChannel = ok && channel >= 1 && channel <= 16 ? channel - 1 : -1;  // stored 1-16, 0: General MIDI's
    midi.muteAudio = m_store.value(QStringLiteral("midi/muteAudio"), false).toBool();
    midi.clockFrom = m_store.value(QStringLiteral("midi/clockFrom")).toString();
    midi.sectionsFrom = m_store.value(QStringLiteral("midi/sectionsFrom")).toString();
    return midi;
}

void Settings::setMidiOut(const MidiOut& midi)
{
    m_store.setValue(QStringLiteral("midi/clockTo"), midi.clockTo);
    m_store.setValue(QStringLiteral("midi/notesTo"), midi.notesTo);
    m_store.setValue(QStringLiteral("midi/notesChannel"), midi.notesChannel >= 0 && midi.notesChannel < 16 ? midi.notesChannel + 1 : 0);
    m_store.setValue(QStringLiteral("midi/muteAudio"), midi.muteAudio);
    m_store.setValue(QStringLiteral("midi/clockFrom"), midi.clockFrom);
    m_store.setValue(QStringLiteral("midi/sectionsFrom"), midi.sectionsFrom);
}

QString Settings::syncServer() const
{
    return m_store.value(kSyncServer).toString();
}

QString Settings::syncEmail() const
{
    return m_store.value(kSyncEmail).toString();
}

void Settings::setSyncAccount(const QString& server, const QString& email)
{
    m_store.setValue(kSyncServer, server);
    m_store.setValue(kSyncEmail, email);
}

QStringList Settings::watchedFolders() const
{
    return m_store.value(kWatchedFolders).toStringList();
}

void Settings::setWatchedFolders(const QStringList& folders)
{
    m_store.setValue(kWatchedFolders, folders);
}

Settings::AudioOutput Settings::audioOutput() const
{
    AudioOutput output;
    output.driver = m_store.value(QStringLiteral("audio/driver")).toString();
    output.device = m_store.value(QStringLiteral("audio/device")).toString();
    output.sampleRate = m_store.value(QStringLiteral("audio/sampleRate"), 0.0).toDouble();
    output.bufferFrames = m_store.value(QStringLiteral("audio/bufferFrames"), 0).toInt();
    output.inputDevice = m_store.value(QStringLiteral("audio/inputDevice")).toString();
    output.inputChannel = std::max(0, m_store.value(QStringLiteral("audio/inputChannel"), 0).toInt());
    return output;
}

void Settings::setAudioOutput(const AudioOutput& output)
{
    m_store.setValue(QStringLiteral("audio/driver"), output.driver);
    m_store.setValue(QStringLiteral("audio/device"), output.device);
    m_store.setValue(QStringLiteral("audio/sampleRate"), output.sampleRate);
    m_store.setValue(QStringLiteral("audio/bufferFrames"), output.bufferFrames);
    m_store.setValue(QStringLiteral("audio/inputDevice"), output.inputDevice);
    m_store.setValue(QStringLiteral("audio/inputChannel"), output.inputChannel);
}

QString Settings::audioSetupKey(const AudioOutput& setup)
{
    // One settings key, whatever characters the device names hold.
    const QString key = QStringList{setup.driver, setup.device, setup.inputDevice, QString::number(setup.inputChannel),
                                    QString::number(setup.sampleRate, 'f', 0), QString::number(setup.bufferFrames)}
                            .join(QLatin1Char('\x1f'));
    return QString::fromLatin1(key.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<Settings::RoundTrip> Settings::roundTrip(const QString& setup) const
{
    bool ok = false;
    RoundTrip trip;
    trip.ms = m_store.value(QStringLiteral("coach/roundTrip/") + setup).toDouble(&ok);
    trip.openedAs = m_store.value(QStringLiteral("coach/roundTripOpenedAs/") + setup).toString();
    return ok && trip.ms >= 0.0 && trip.ms < 1000.0 ? std::optional<RoundTrip>(trip) : std::nullopt;
}

QString Settings::midiNotes(const QString& part) const
{
    // (A list written by hand without quotes reads as a string list in an ini file.)
    const QVariant value = m_store.value(QStringLiteral("coach/midiNotes/") + part);
    return value.typeId() == QMetaType::QStringList ? value.toStringList().join(QStringLiteral(", ")) : value.toString();
}

Settings::Hearing Settings::hearing(const QString& part) const
{
    Hearing hearing;
    bool ok = false;
    const int sensitivity = m_store.value(QStringLiteral("coach/sensitivity/") + part).toInt(&ok);
    if (ok && sensitivity >= 0 && sensitivity <= 100) {
        hearing.sensitivity = sensitivity;
    }
    const int gate = m_store.value(QStringLiteral("coach/gateDb/") + part).toInt(&ok);
    if (ok && gate >= -90 && gate <= 0) {
        hearing.gateDb = gate;
    }
    return hearing;
}

void Settings::setHearing(const QString& part, const Hearing& hearing)
{
    m_store.setValue(QStringLiteral("coach/sensitivity/") + part, hearing.sensitivity);
    m_store.setValue(QStringLiteral("coach/gateDb/") + part, hearing.gateDb);
}

void Settings::setMidiNotes(const QString& part, const QString& notes)
{
    m_store.setValue(QStringLiteral("coach/midiNotes/") + part, notes);
}

void Settings::setRoundTrip(const QString& setup, const RoundTrip& trip)
{
    m_store.setValue(QStringLiteral("coach/roundTrip/") + setup, trip.ms);
    m_store.setValue(QStringLiteral("coach/roundTripOpenedAs/") + setup, trip.openedAs);
}

QByteArray Settings::windowGeometry() const
{
    return m_store.value(kGeometry).toByteArray();
}

QByteArray Settings::windowState() const
{
    return m_store.value(kState).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray& geometry, const QByteArray& state)
{
    m_store.setValue(kGeometry, geometry);
    m_store.setValue(kState, state);
}

void Settings::sync()
{
    m_store.sync();
}

}  // namespace bandmate::ui
