#pragma once

#include <QWidget>

class QNetworkAccessManager;

#include "ui/beats/ShareDialog.h"

#include <functional>
#include <memory>

#include <vector>

class QCheckBox;
class QComboBox;
class QDialog;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QProgressDialog;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;
class QToolButton;

namespace bandmate::audio {
class Pattern;
struct RenderSettings;
}  // namespace bandmate::audio

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

class ArrangeView;
class TakeDialog;

class BeatIndicator;
class BeatSession;
class PolymeterView;
class Settings;
class StepGrid;

/// The Beat Machine page: choose a machine, shape it (instruments, programs, tempo, key, clave,
/// swing), play it, edit its programs step by step, save, import and export it. Every control
/// has a keyboard shortcut (F1 lists them) and every edit can be undone.
/// Defined by part: BeatMachinePage.cpp (layout, header, shortcuts, help), …Transport.cpp,
/// …Mixer.cpp, …Editor.cpp (the step grid) and …Files.cpp (machines, versions, import, export,
/// sharing); BeatMachinePageParts.h holds what they share.
class BeatMachinePage : public QWidget {
    Q_OBJECT
public:
    /// `db` and `settings` must outlive the page.
    BeatMachinePage(core::Database& db, Settings& settings, QWidget* parent = nullptr);
    ~BeatMachinePage() override;

    [[nodiscard]] BeatSession& session() { return *m_session; }
    [[nodiscard]] StepGrid* stepGrid() const { return m_grid; }
    [[nodiscard]] ArrangeView* arrangeView() const { return m_arrange; }
    /// Shows the editor's tab: 0 the program, 1 all instruments, 2 the arrangements.
    void showEditorTab(int index);
    [[nodiscard]] int selectedInstrument() const { return m_selected; }
    void selectInstrument(int index);
    /// Re-reads the preferences that concern the page (instructor voice).
    void applySettings();
    /// An outside clock's tempo beside the beat (or the trainer's), and a MIDI clock's state.
    void showClockTempo(double bpm);
    /// The Link button's text: off, alone, or how many other apps share the tempo.
    void showLinkState();
    /// Asks before throwing away unsaved changes; true when it may go ahead.
    bool confirmDiscard();
    /// Dialog-free mode for tests: confirmations answer yes, errors only show in the banner.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    /// The text of the message banner ("" when hidden).
    [[nodiscard]] QString bannerText() const;

    /// Imports a machine file as a draft (what dropping it on the page does); false with the
    /// reason in the banner when the file is not a machine. A bad file changes nothing.
    bool importPath(const QString& path);

    /// Renders `pattern` into the WAV file `path` on a worker (what Export WAV… does once its
    /// options are chosen), with a progress dialog that Cancel closes for good; the result goes
    /// to the banner.
    QProgressDialog* renderWav(const QString& path, const QString& title, std::shared_ptr<const audio::Pattern> pattern,
                               const audio::RenderSettings& settings);

    /// Practise a song: opens its groove ("builtin:salsa" or "user:<id>"), sets the song's tempo
    /// (when known) and key (0-11, or -1 to keep the machine's) and starts playing. False, with
    /// the reason in the banner, when the groove cannot be opened or nothing can play.
    bool practise(const QString& machineRef, double bpm, int key);

    /// Tests: instead of showing Export WAV/MIDI's options and asking for a file, call these
    /// (choose in the dialog, then accept() or reject() it; return the path, or "" to cancel).
    void setExportHooks(std::function<void(QDialog&)> options, std::function<QString(const QString&)> path)
    {
        m_exportOptionsHook = std::move(options);
        m_exportPathHook = std::move(path);
    }
    /// Export WAV… (false) or Export MIDI… (true), as the menu does.
    void exportAudioForTest(bool midi) { exportAudio(midi); }

    /// How Share… reaches the musician's server (the Sync page's session).
    void setServerAccess(ShareDialog::ServerAccess access) { m_serverAccess = std::move(access); }
    /// Share… (Ctrl+Shift+S): the machine as saved, by link; nullptr (with the reason in the
    /// banner) when it has unsaved changes. `listFirst` opens on everything shared.
    ShareDialog* openShare(bool listFirst = false);
    /// "Score a take…": the timing coach on a recording of one part of the machine as it plays now.
    TakeDialog* openTakeDialog();
    /// Takes a copy of a shared groove (its page's link, or bandmate://import?url=…) into your
    /// machines, its origin kept, and opens it; the outcome goes to the banner and to imported().
    void importShared(const QString& link);

Q_SIGNALS:
    /// importShared() finished: the new machine's id, or "" when it failed (banner says why).
    void imported(const QString& machineId);

public:
protected:
    /// The first time the page is painted, the kit is decoded right after that frame.
    void paintEvent(QPaintEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    bool m_kitPosted = false;
    QWidget* buildHeader();
    QWidget* buildTransport();
    QWidget* buildMixer();
    QWidget* buildEditor();
    void buildShortcuts();
    void rebuildMixerRows();
    void refresh();
    void refreshMachineChooser();
    void refreshEditorTools();
    void showMessage(const QString& message, bool error);
    void chooseMachine(int index);
    void saveMachine();
    void renameMachine();
    void duplicateMachine();
    void trashMachine();
    void showTrash();
    void showVersions();
    void importMachine();
    void exportMachine();
    void exportAudio(bool midi);
    void showTrainer();
    void showHelp();

    core::Database& m_db;
    Settings& m_settings;
    ShareDialog::ServerAccess m_serverAccess;
    QNetworkAccessManager* m_network = nullptr;  ///< made on the first import
    BeatSession* m_session = nullptr;
    bool m_interactive = true;
    int m_selected = 0;

    QLabel* m_banner = nullptr;
    QComboBox* m_machineChooser = nullptr;
    QString m_chooserTitle;  ///< the machine title the chooser was last built with
    QLabel* m_modified = nullptr;
    QPushButton* m_play = nullptr;
    QDoubleSpinBox* m_bpm = nullptr;
    QSlider* m_bpmSlider = nullptr;
    QComboBox* m_key = nullptr;
    QComboBox* m_clave = nullptr;
    QSlider* m_swing = nullptr;
    QSlider* m_master = nullptr;
    QCheckBox* m_countIn = nullptr;
    QPushButton* m_link = nullptr;  ///< Ableton Link on or off, and its peers
    QLabel* m_trainerLabel = nullptr;
    BeatIndicator* m_indicator = nullptr;

    QWidget* m_mixer = nullptr;
    QGridLayout* m_mixerGrid = nullptr;
    struct Row {
        QCheckBox* enabled = nullptr;
        QToolButton* select = nullptr;
        QComboBox* program = nullptr;
        QSlider* volume = nullptr;
        QToolButton* mute = nullptr;
        QToolButton* solo = nullptr;
    };
    std::vector<Row> m_rows;
    std::vector<std::string> m_rowIds;

    QTabWidget* m_editorTabs = nullptr;
    QLabel* m_editorTitle = nullptr;
    QComboBox* m_editorProgram = nullptr;
    QSpinBox* m_length = nullptr;
    QComboBox* m_hand = nullptr;
    StepGrid* m_grid = nullptr;
    PolymeterView* m_polymeter = nullptr;
    ArrangeView* m_arrange = nullptr;
    std::function<void(QDialog&)> m_exportOptionsHook;
    std::function<QString(const QString&)> m_exportPathHook;
};

}  // namespace bandmate::ui
