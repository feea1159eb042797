#pragma once

#include "audio/engine/SongJump.h"
#include "core/beats/Machine.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <vector>

namespace bandmate::core::beats {
struct SongLayout;
}

namespace bandmate::core {
class Database;
namespace beats {
class MachineRepository;
}
}  // namespace bandmate::core

namespace bandmate::audio {
class Engine;
class BlockObserver;
class ClockSource;
class JackMidiNotesIn;
class Kit;
class LinkSession;
class LivePlayer;
class Pattern;
struct DeviceSettings;
}  // namespace bandmate::audio

namespace bandmate::ui {

/// Where the machine being played came from.
enum class MachineOrigin {
    Builtin,  ///< one of the rhythm library's; editing it makes a draft copy
    User,     ///< saved in the database (userMachineId())
    Draft,    ///< edited or imported, not saved yet
};

/// A tempo trainer: from `startBpm` towards `targetBpm` by `stepBpm` every `everyBars` bars.
struct TempoTrainer {
    bool enabled = false;
    double startBpm = 90.0;
    double targetBpm = 120.0;
    double stepBpm = 5.0;
    int everyBars = 8;
};

/// Playing in time with other apps through Ableton Link.
struct LinkSettings {
    bool enabled = false;
    bool claveCycle = false;  ///< bars line up in clave cycles (8 beats), not single bars (4)
    bool startStop = false;   ///< start and stop with the peers that share theirs
    bool operator==(const LinkSettings&) const = default;
};

/// Following JACK's transport (Linux): off, following it, or leading it as its timebase master.
enum class JackTransportRole { Off, Follow, Master };

/// MIDI out (Linux, through JACK): MIDI clock and the groove's notes to JACK MIDI inputs.
struct MidiOutSettings {
    QString clockTo;         ///< a JACK MIDI input for the clock; empty: no clock
    QString notesTo;         ///< a JACK MIDI input for the notes; empty: no notes
    int notesChannel = -1;   ///< 0-15: every note on it; -1: each instrument's General MIDI channel
    bool muteAudio = false;  ///< Bandmate's own sound muted (the synth plays the notes)
    bool operator==(const MidiOutSettings&) const = default;
    [[nodiscard]] bool any() const { return !clockTo.isEmpty() || !notesTo.isEmpty(); }
};

/// The beat machine's state behind the page, without widgets: the machine being edited (every
/// edit undoable), the engine that plays it, the device, saving, and practice bookkeeping.
///
/// Every change to the machine recompiles it and publishes the pattern to the engine, which
/// switches at its next audio block.
class BeatSession : public QObject {
    Q_OBJECT
public:
    /// `db` must outlive the session. Opens the first built-in machine.
    explicit BeatSession(core::Database& db, QObject* parent = nullptr);
    ~BeatSession() override;

    // --- the machine ------------------------------------------------------------------
    [[nodiscard]] const core::beats::Machine& machine() const { return m_machine; }
    [[nodiscard]] MachineOrigin origin() const { return m_origin; }
    [[nodiscard]] const QString& builtinName() const { return m_builtinName; }
    [[nodiscard]] const QString& userMachineId() const { return m_userId; }
    /// Unsaved changes (a draft, or a user machine edited since its last save).
    [[nodiscard]] bool isModified() const;
    [[nodiscard]] QUndoStack* undoStack() { return &m_undo; }

    [[nodiscard]] core::Result<void> openBuiltin(const QString& name);
    [[nodiscard]] core::Result<void> openUser(const QString& id);
    /// Reads a Salsa Beat Machine XML file as a new draft. A bad file changes nothing.
    [[nodiscard]] core::Result<void> importFile(const QString& path);
    [[nodiscard]] core::Result<void> exportFile(const QString& path) const;
    /// Saves the machine: a draft becomes a new user machine, a user machine a new version.
    [[nodiscard]] core::Result<QString> save();
    /// Replaces the machine with a saved version (an undoable edit; save to keep it).
    [[nodiscard]] core::Result<void> restoreVersion(const QString& versionId);
    [[nodiscard]] core::beats::MachineRepository& repository() { return *m_repository; }

    // --- edits (undoable) -------------------------------------------------------------
    /// Applies `change` to a copy of the machine; refused (errorOccurred) when the result is
    /// invalid. Consecutive edits with the same `mergeId` (≥ 0) merge into one undo step.
    void edit(const QString& description, const std::function<void(core::beats::Machine&)>& change, int mergeId = -1);
    void setInstrumentEnabled(int instrument, bool enabled);
    void setActiveProgram(int instrument, int program);
    void cycleProgram(int instrument);
    void setInstrumentVolume(int instrument, double volume);
    void setBpm(double bpm);
    void setKey(int key);
    void setClave32(bool threeTwo);
    void setMasterVolume(double volume);
    /// Adds the note, or removes it when it is there (same step, pitch and hand).
    void toggleNote(int instrument, int program, int step, int pitch, core::beats::Hand hand = core::beats::Hand::Both);
    void setNoteVelocity(int instrument, int program, int step, int pitch, double velocity);
    void setProgramLength(int instrument, int program, int length);
    void addProgram(int instrument);
    void duplicateProgram(int instrument, int program);
    void renameProgram(int instrument, int program, const QString& title);
    void removeProgram(int instrument, int program);
    void renameMachine(const QString& title);

    // --- arrangements (edits undoable; see core::beats::Arrangement) -------------------
    /// A new arrangement of one section (the machine as it is, 8 bars); returns its index.
    int addArrangement(const QString& name);
    void renameArrangement(int arrangement, const QString& name);
    void removeArrangement(int arrangement);
    /// Changes section `section` of an arrangement (every entry of the form that plays it).
    void editSection(int arrangement, int section, const QString& description,
                     const std::function<void(core::beats::Section&)>& change, int mergeId = -1);
    /// A new section after form entry `entry` (-1: at the end), made like the one there (or the
    /// machine as it is); returns its form entry.
    int addSection(int arrangement, int entry);
    /// The section of form entry `entry` played once more right after it (the same section:
    /// edits of one are edits of both).
    void repeatEntry(int arrangement, int entry);
    /// A copy of entry `entry`'s section after it, a section of its own ("Coro 2").
    void duplicateEntry(int arrangement, int entry);
    /// Takes entry `entry` out of the form (its section goes too when no other entry plays it).
    void removeEntry(int arrangement, int entry);
    void moveEntry(int arrangement, int from, int to);

    // --- playing an arrangement (not part of the machine, not undoable) ----------------
    /// What plays: arrangement `index` of the machine, or -1 for the machine's loop. Changed while
    /// playing, the new one starts from the top at the next bar line.
    void setPlayingArrangement(int index);
    [[nodiscard]] int playingArrangement() const { return m_playingArrangement; }
    /// Loops form entries first…last (inclusive) of the playing arrangement; -1, -1: the whole.
    void setArrangementLoop(int first, int last);
    [[nodiscard]] std::pair<int, int> arrangementLoop() const { return m_arrangementLoop; }
    /// The song laid out as it plays (nullptr when the loop plays).
    [[nodiscard]] const core::beats::SongLayout* songLayout();
    /// Where in the playing arrangement's song the engine is (steps), 0 when none plays.
    [[nodiscard]] double songStep() const;
    /// The form entry heard now, -1 when no arrangement plays.
    [[nodiscard]] int playingEntry() const;
    /// The entry a queued jump goes to (its break's entry for a break), -1 when none waits.
    [[nodiscard]] int queuedEntry() const;
    [[nodiscard]] bool breakQueued() const;
    /// Live: entry `entry` comes in at the next bar line (or clave cycle with `clave`).
    void queueEntry(int entry, bool clave = false);
    void queueNextSection(bool clave = false);
    void queuePreviousSection(bool clave = false);
    /// Live: the playing entry's break bar at the next bar line, then the next entry on the one.
    void queueBreak();

    // --- performance (not part of the machine, not undoable) ---------------------------
    void setMuted(int instrument, bool muted);
    void setSolo(int instrument, bool solo);
    [[nodiscard]] bool isMuted(int instrument) const;
    [[nodiscard]] bool isSolo(int instrument) const;
    void setSwing(double amount);  ///< 0…1
    [[nodiscard]] double swing() const { return m_swing; }
    void setCountIn(bool on) { m_countIn = on; }
    [[nodiscard]] bool countIn() const { return m_countIn; }
    /// The instructor's language; reloads the kit's voice.
    void setVoice(const QString& language);
    [[nodiscard]] const QString& voice() const { return m_voice; }
    /// Switched on while playing, it steps from the bar playing now; switched off, the tempo
    /// goes back to the machine's at the next stop.
    void setTrainer(const TempoTrainer& trainer);
    /// Playing at least this long counts as practice (30 s unless changed).
    void setMinimumPracticeSeconds(double seconds) { m_minPracticeSeconds = seconds; }
    [[nodiscard]] const TempoTrainer& trainer() const { return m_trainer; }
    /// A tap: after two or more, the tempo follows the average of the last taps.
    void tapTempo();

    // --- transport ------------------------------------------------------------------------
    /// Opens the audio device on first use; false (and errorOccurred) when there is none.
    bool play();
    /// Stops where it is; play() or togglePlay() continue from there.
    void pause();
    /// Stops and goes back to the start.
    void stop();
    /// Space: play, pause, or continue after a pause.
    bool togglePlay();
    [[nodiscard]] bool isPlaying() const { return m_playing; }
    [[nodiscard]] bool isPaused() const { return m_paused; }
    /// The step being heard now (engine playhead minus the output latency); −1 when stopped.
    [[nodiscard]] double audibleStep() const { return m_audibleStep; }
    /// The tempo playing now (the trainer may differ from the machine's).
    [[nodiscard]] double playingBpm() const { return m_playingBpm; }
    void setDeviceSettings(const audio::DeviceSettings& settings);
    /// Joins or leaves an Ableton Link session (also while playing): the engine then takes its
    /// tempo and bar phase from the session, and a tempo set here (or by the trainer) goes to
    /// every peer. Play starts on the session's next bar line (or clave cycle) when it has peers.
    void setLink(const LinkSettings& settings);
    [[nodiscard]] const LinkSettings& link() const { return m_linkSettings; }
    /// Other apps in the Link session (0 when Link is off).
    [[nodiscard]] int linkPeers() const { return m_linkPeers; }
    /// Follows JACK's transport, or leads it (its timebase master): Play and Stop start and stop
    /// every JACK app's transport, and the groove plays while it rolls, from where it is. Needs
    /// the JACK driver (Preferences › Audio) and a running server; refused with a message (and
    /// left off) otherwise, and while Link is on (one outside clock at a time).
    bool setJackTransport(JackTransportRole role);
    [[nodiscard]] JackTransportRole jackTransport() const { return m_jackRole; }
    /// Follows the MIDI clock that comes from `from`, a JACK MIDI output (empty: off; also while
    /// playing): its sender starts, stops and sets the tempo; Play and Pause here follow it or
    /// stand still (until Play, or the sender's next Start). Needs the JACK driver and a running
    /// server; refused with a message (and left off) otherwise, and while Link or JACK's
    /// transport is on (one outside clock at a time).
    bool setMidiClockIn(const QString& from);
    [[nodiscard]] const QString& midiClockIn() const { return m_midiClockFrom; }
    /// The notes of a MIDI foot switch or pads, from `from` (a JACK MIDI output; empty: off), move
    /// through the arrangement that plays, each at the next bar line: C next section, D its
    /// break, E the previous section, in any octave (a switch's bounce is one press). Linux,
    /// through a JACK client of its own (whatever the audio driver); refused with a message (and
    /// left off) when no JACK server runs. Its port is connected again when its app comes back.
    bool setSectionsFrom(const QString& from);
    [[nodiscard]] const QString& sectionsFrom() const { return m_sectionsFrom; }
    /// Following a MIDI clock: what it does now, for the page to say (Held: paused here while
    /// its sender plays).
    enum class MidiClockState { Off, Waiting, Following, Held, Lost };
    [[nodiscard]] MidiClockState midiClockState() const { return m_midiClockState; }
    /// Play was pressed and the groove waits for the MIDI clock's sender to start.
    [[nodiscard]] bool waitsForMidiClock() const { return m_midiClockArmed; }
    /// Sends MIDI clock and the groove's notes (also while playing), through a JACK client of
    /// its own. Needs the JACK driver and a running server, and the ports there; refused with a
    /// message (and MIDI out left off) otherwise.
    bool setMidiOut(const MidiOutSettings& settings);
    [[nodiscard]] const MidiOutSettings& midiOut() const { return m_midiOutSettings; }
    /// MIDI out's counts (notes and clock ticks sent, messages late or lost); zeros when off.
    struct MidiOutCounts {
        uint64_t notes = 0;
        uint64_t ticks = 0;
        uint64_t late = 0;
        uint64_t lost = 0;
    };
    [[nodiscard]] MidiOutCounts midiOutCounts() const;
    /// Link or JACK's transport sets the tempo and the beat (what plays is the clock's).
    [[nodiscard]] bool followsOutsideClock() const { return clock() != nullptr; }
    /// Stops and closes the audio device (reopened on the next play): another user of the device
    /// (the timing coach's live take) can then open it.
    void releaseDevice();
    /// releaseDevice() for another user of the device (the timing coach's take, Preferences' test
    /// sound and calibration): until returnDevice(), a Link peer's or JACK app's start does not
    /// open it again here. What plays with the outside clock plays on for the others.
    void lendDevice();
    /// The other user is done: a session or transport that plays is joined again, as on opening.
    void returnDevice();

    /// The pattern the engine has been given (tests, export and the polymeter view read it).
    /// The kit's samples (about 350 files) are decoded the first time a pattern is needed, that is
    /// when the page is first painted, playback starts or an export begins, not when the
    /// session is made: the app's first window does not wait for them.
    [[nodiscard]] std::shared_ptr<const audio::Pattern> pattern();
    /// The instruments (indices into machine().instruments) that sound now but have notes the
    /// kit has no sample for: they play silent, all or in part. Known once the pattern is built;
    /// silentInstrumentsChanged() says when the list changes.
    [[nodiscard]] const QList<int>& silentInstruments() const { return m_silent; }
    /// The pattern when it is built and current, else nullptr (never decodes the kit).
    [[nodiscard]] std::shared_ptr<const audio::Pattern> builtPattern() const { return m_patternStale ? nullptr : m_pattern; }
    /// Whether the kit has been decoded (tests).
    [[nodiscard]] bool kitLoaded() const { return m_kit != nullptr; }
    [[nodiscard]] std::shared_ptr<const audio::Kit> kit();

Q_SIGNALS:
    void machineChanged();
    void originChanged();
    void playingChanged(bool playing);
    void playheadChanged(double step);
    void playingBpmChanged(double bpm);
    void errorOccurred(const QString& message);
    void practiceRecorded(double seconds);
    void silentInstrumentsChanged();
    void linkPeersChanged(int peers);
    void midiClockStateChanged();

private:
    friend class MachineEditCommand;
    void setMachineFromUndo(const core::beats::Machine& machine);
    void rebuildPattern();
    void replaceMachine(core::beats::Machine machine, MachineOrigin origin, QString builtin, QString userId);
    void poll();
    /// Records the stretch of practice that ends now (playing time only, pauses excluded) for
    /// the machine on show, if it was long enough.
    void recordPractice();
    /// Starts a new stretch of practice now (a play from stopped, or another machine while playing).
    void startPracticeStretch();
    /// The tempo trainer counts its bars afresh from the bar heard now.
    void restartTrainerCount();
    void applyTempo(double bpm);
    /// Link: the session's tempo, peers, and its start and stop (a peer's) reach the page.
    void pollLink();
    /// JACK transport: its rolling and tempo (another app's Play, a master's tempo) reach the page.
    void pollJackTransport();
    /// MIDI clock in: its sender's start, stop, tempo and a lost clock reach the page.
    void pollMidiClock();
    void pollSectionNotes();
    /// Play pressed while waiting for the sender is taken back (Pause or Stop while armed).
    void disarmMidiClock();
    /// The tempo an outside clock plays at (a Link session's, a JACK master's) becomes the one
    /// shown and logged, unless it is one asked for here still on its way.
    void hearOutsideTempo(double tempo);
    /// A tempo played in this stretch of practice, for its logged range (within the machine's).
    void notePracticeTempo(double bpm);
    /// Starts or stops the outside clock's transport for everyone (not while m_clockQuiet).
    void requestClockPlaying(bool playing);
    /// Playing from here (Play, or another app's start): a fresh stretch of practice, or the
    /// paused one going on.
    void startPlaying();
    /// With the device closed, another app's transport (or session) playing opens it and joins.
    void joinOutsideStart(bool outsidePlays);
    /// Another app started the shared transport (Link's start/stop sync, JACK's transport).
    void startedByClock();
    /// The outside clock the engine follows, if any.
    [[nodiscard]] audio::ClockSource* clock() const;
    /// (Re)starts the device's callback with the engine, `clock` and MIDI out.
    void startDevice(audio::ClockSource* clock);
    /// Before the device stops: MIDI out sends Stop and ends the notes it holds.
    void silenceMidiOut();
    /// After the device stopped (or let go of MIDI out): what no block took up is sent from
    /// here; `closing`, it waits until everything queued has gone out.
    void finishMidiOut(bool closing);

    core::Database& m_db;
    std::unique_ptr<core::beats::MachineRepository> m_repository;
    core::beats::Machine m_machine;
    MachineOrigin m_origin = MachineOrigin::Builtin;
    QString m_builtinName;
    QString m_userId;
    QUndoStack m_undo;

    std::unique_ptr<audio::Engine> m_engine;
    std::unique_ptr<audio::LinkSession> m_linkSession;  ///< before the player: it outlives the callback
    std::unique_ptr<audio::ClockSource> m_jackTransportClock;  ///< likewise
    std::unique_ptr<audio::ClockSource> m_midiClockIn;          ///< likewise (a JackMidiClockIn)
    QString m_midiClockFrom;
    MidiClockState m_midiClockState = MidiClockState::Off;
    uint64_t m_midiClockLosses = 0;
    bool m_midiClockRolled = false;  ///< the engine rolled with the clock at the last poll
    bool m_midiClockLost = false;    ///< lost since it last played
    /// Play pressed while following a MIDI clock whose sender has not started: nothing sounds
    /// (nor counts as practice) until it does.
    bool m_midiClockArmed = false;
    QElapsedTimer m_midiPortsChecked;
    /// A pedal's notes (setSectionsFrom); shared: made only where JACK is, destroyed anywhere.
    std::shared_ptr<audio::JackMidiNotesIn> m_notesIn;
    QString m_sectionsFrom;
    QTimer m_notesPoll;
    audio::PedalNotes m_pedal;
    QElapsedTimer m_notesClock;         ///< since the pedal was opened: when each press came
    QElapsedTimer m_notesPortsChecked;  ///< its port was last connected again
    std::unique_ptr<audio::BlockObserver> m_midiOut;            ///< likewise (a JackMidiOut)
    MidiOutSettings m_midiOutSettings;
    JackTransportRole m_jackRole = JackTransportRole::Off;
    QElapsedTimer m_clockRequestAt;  ///< our own start or stop, on its way through JACK (or to the audio thread)
    /// Set while a pause or stop here only follows the outside clock (another app stopped JACK's
    /// transport, the device is let go): JACK or the Link session is not asked to stop for all.
    bool m_clockQuiet = false;
    std::unique_ptr<audio::LivePlayer> m_player;
    std::unique_ptr<audio::DeviceSettings> m_deviceSettings;
    std::shared_ptr<const audio::Kit> m_kit;
    std::shared_ptr<const audio::Pattern> m_pattern;
    int m_playingArrangement = -1;
    std::pair<int, int> m_arrangementLoop{-1, -1};
    bool m_patternStale = true;  ///< the machine, kit or rate changed since m_pattern was built
    QList<int> m_silent;
    double m_sampleRate = 48000.0;
    QString m_voice = QStringLiteral("es");
    std::vector<bool> m_muted;
    std::vector<bool> m_solo;
    double m_swing = 0.0;
    bool m_countIn = false;
    uint32_t m_droppedSeen = 0;  ///< the engine's dropped commands already reported
    TempoTrainer m_trainer;
    double m_minPracticeSeconds = 30.0;

    bool m_playing = false;
    bool m_paused = false;
    double m_audibleStep = -1.0;
    double m_playingBpm = 120.0;
    int m_trainerStepsDone = 0;
    int m_trainerBaseBar = 0;     ///< the bar the trainer counts its steps from
    uint32_t m_droppedAtPlay = 0;  ///< the engine's dropped commands when play was pressed
    QDateTime m_playStarted;      ///< when this stretch of practice began (a play from stopped, or a machine switch)
    qint64 m_practicedMs = 0;     ///< time played in this stretch before the current segment (pauses excluded)
    QElapsedTimer m_segment;      ///< runs while playing, since the last play or resume
    double m_practiceBpmMin = 0.0;
    double m_practiceBpmMax = 0.0;
    std::vector<qint64> m_taps;
    QTimer m_poll;
    LinkSettings m_linkSettings;
    int m_linkPeers = 0;
    bool m_peerStartTried = false;  ///< a peer's start opened (or failed to open) the device
    /// The device is lent (the timing coach's take, Preferences' test sound): a peer's start does
    /// not take it back until returnDevice().
    bool m_deviceLent = false;
    bool m_trainerRecount = false;  ///< a clock's start: the trainer counts from the first bar heard
    double m_tempoAsked = 0.0;      ///< a tempo sent to the outside clock, until it has it
    QElapsedTimer m_tempoAskedAt;
};

}  // namespace bandmate::ui
