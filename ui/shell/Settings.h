#pragma once

#include "ui/shell/Pages.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace bandmate::ui {

/// The user's preferences and window state, typed, over a QSettings store owned by the caller
/// (the app passes the platform store; tests pass an INI file in a temp folder).
class Settings {
public:
    enum class ColorScheme { System, Light, Dark };
    enum class StartPage { LastUsed, Dashboard };

    explicit Settings(QSettings& store);

    [[nodiscard]] ColorScheme colorScheme() const;
    void setColorScheme(ColorScheme scheme);

    [[nodiscard]] StartPage startPage() const;
    void setStartPage(StartPage page);

    /// The page to open at start, following startPage().
    [[nodiscard]] PageId initialPage() const;
    /// The page last shown (Dashboard when none was).
    [[nodiscard]] PageId lastPage() const;
    void setLastPage(PageId page);

    /// Machine files opened lately, newest first (File › Open Recent); at most kRecentFiles.
    static constexpr int kRecentFiles = 8;
    [[nodiscard]] QStringList recentFiles() const;
    /// Puts `path` first (once).
    void addRecentFile(const QString& path);
    void clearRecentFiles();

    /// Whether the first-run welcome was finished or skipped (then it is never shown again).
    [[nodiscard]] bool welcomeDone() const;
    void setWelcomeDone(bool done);

    /// True while Bandmate runs: still true at the next start means the last run ended in a crash.
    [[nodiscard]] bool running() const;
    void setRunning(bool running);

    /// The language of the interface ("es", "nb", "en"); empty = follow the system.
    [[nodiscard]] QString language() const;
    void setLanguage(const QString& code);

    /// The beat machine instructor's language ("es", "en", …); "es" when never chosen.
    [[nodiscard]] QString instructorVoice() const;
    void setInstructorVoice(const QString& language);

    /// The sync server and account last used (not secret: the session itself is in the keychain).
    [[nodiscard]] QString syncServer() const;
    [[nodiscard]] QString syncEmail() const;
    void setSyncAccount(const QString& server, const QString& email);

    /// The music folders the library watches (scanned again by "Rescan").
    [[nodiscard]] QStringList watchedFolders() const;
    void setWatchedFolders(const QStringList& folders);

    /// The audio output: driver and device names (empty = the first that works), sample rate
    /// and buffer size (0 = the device's default).
    struct AudioOutput {
        QString driver;
        QString device;
        double sampleRate = 0.0;
        int bufferFrames = 0;
        QString inputDevice;   ///< where the timing coach listens; empty = nowhere
        int inputChannel = 0;  ///< from 0
    };
    [[nodiscard]] AudioOutput audioOutput() const;
    void setAudioOutput(const AudioOutput& output);

    /// The round trip (output to input, ms) calibrated for a setup (driver, output, input and
    /// its channel, rate and buffer), each remembered on its own.
    struct RoundTrip {
        double ms = 0.0;
        /// What the devices opened as when it was measured (names, rate, buffer): a default
        /// device or size can change under the same choice.
        QString openedAs;
    };
    [[nodiscard]] std::optional<RoundTrip> roundTrip(const QString& setup) const;
    void setRoundTrip(const QString& setup, const RoundTrip& trip);
    /// The key of a setup for roundTripMs(): the devices as chosen (a default stays a default).
    [[nodiscard]] static QString audioSetupKey(const AudioOutput& setup);
    /// The MIDI notes a part is played with (a drum pad's or a keyboard's mapping, "75",
    /// "62-64"), as last used to score it; empty = every note.
    [[nodiscard]] QString midiNotes(const QString& part) const;
    void setMidiNotes(const QString& part, const QString& notes);
    /// How the coach hears a part: its sensitivity (0…100, 50 by default) and noise gate (dBFS,
    /// −45 by default), as last used to score it.
    struct Hearing {
        int sensitivity = 50;
        int gateDb = -45;
    };
    [[nodiscard]] Hearing hearing(const QString& part) const;
    void setHearing(const QString& part, const Hearing& hearing);

    /// Ableton Link (Preferences › Sync & MIDI; the Beat Machine's Link button switches it).
    struct LinkSync {
        bool enabled = false;
        bool claveCycle = false;  ///< bar lines shared per clave cycle (8 beats), not per bar (4)
        bool startStop = false;   ///< start and stop with the peers
        int jackTransport = 0;    ///< JACK transport: 0 off, 1 follow, 2 lead (timebase master)
    };
    [[nodiscard]] LinkSync linkSync() const;
    void setLinkSync(const LinkSync& link);

    /// MIDI out through JACK (Preferences › Sync & MIDI).
    struct MidiOut {
        QString clockTo;         ///< a JACK MIDI input for MIDI clock; empty: off
        QString notesTo;         ///< a JACK MIDI input for the groove's notes; empty: off
        int notesChannel = -1;   ///< 0-15 for all notes; -1: each instrument's General MIDI channel
        bool muteAudio = false;
        QString clockFrom;       ///< a JACK MIDI output whose clock the Beat Machine follows; empty: off
        QString sectionsFrom;    ///< a JACK MIDI output (a pedal) whose notes move through the arrangement; empty: off
    };
    [[nodiscard]] MidiOut midiOut() const;
    void setMidiOut(const MidiOut& midi);

    [[nodiscard]] QByteArray windowGeometry() const;
    [[nodiscard]] QByteArray windowState() const;
    void setWindowGeometry(const QByteArray& geometry, const QByteArray& state);

    /// Writes pending changes to permanent storage.
    void sync();

private:
    QSettings& m_store;
};

}  // namespace bandmate::ui
