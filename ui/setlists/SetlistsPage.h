#pragma once

#include "core/setlists/RunSheet.h"
#include "core/setlists/SetlistFormats.h"
#include "core/setlists/Setlists.h"
#include "ui/setlists/FanVoteDialog.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QPushButton;
class QStackedWidget;
class QStringListModel;
class QToolButton;
class QUndoStack;

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

class MessageBanner;
class RunSheetTree;

/// Shows and their setlists: a list of shows, and the chosen show's run-sheet — sets and encores
/// of songs and breaks with planned start times, flow warnings and the total against the slot.
/// Entries are added from the library, dragged (or Alt+Up/Down) to reorder, edited, removed, all
/// undoable; the show prints, exports (PDF, CSV, JSON, plain text), imports, and is marked performed.
/// Defined by part: SetlistsPage.cpp (layout, shows, refresh), …Editing.cpp (the run-sheet's
/// entries), …Files.cpp (import, export, print) and …Votes.cpp (fan votes);
/// SetlistsPageParts.h holds what they share.
class SetlistsPage : public QWidget {
    Q_OBJECT
public:
    enum class ExportFormat { BandPdf, StagePdf, Csv, Json, Text };

    explicit SetlistsPage(core::Database& db, QWidget* parent = nullptr);
    ~SetlistsPage() override;

    void reload();
    /// Shows one show (by id); false when it does not exist.
    bool selectShow(const QString& showId);
    [[nodiscard]] QString currentShowId() const { return m_showId; }
    [[nodiscard]] RunSheetTree* runSheet() const { return m_tree; }
    [[nodiscard]] QUndoStack* undoStack() const { return m_undo; }
    [[nodiscard]] QString bannerText() const;
    [[nodiscard]] QString summaryText() const;

    /// Adds the library song whose "Title — Artist" (or bare title) is `text` to the current set,
    /// before the selected entry's successor; a title the library lacks becomes a new song.
    bool addSongByText(const QString& text);
    bool addBreak(qint64 durationMs = 10 * 60'000);
    bool addSet(core::setlists::SetKind kind);
    bool removeSelected();
    /// Moves the selected entry one place up (-1) or down (+1), across set borders.
    bool moveSelected(int step);
    bool moveEntry(const QString& entryId, const QString& setId, const QString& beforeEntryId);
    bool exportTo(const QString& path, ExportFormat format);
    /// Imports a plain-text setlist file as a new show named `name`.
    bool importFile(const QString& path, const QString& name, const QDate& date);
    /// Marks the current show performed at its date and start time (no question asked).
    bool markPerformed();
    /// Opens the practice dialog for the current show (beside the window); nullptr without a show.
    class PractiseDialog* practise();
    /// Opens the fan vote of the current show (a new one, or its newest); nullptr without a show.
    FanVoteDialog* fanVote();
    /// How fan votes reach the musician's server (the Sync page's session).
    void setServerAccess(FanVoteDialog::ServerAccess access);
    /// Puts the fan votes kept on this computer (prepared offline, here or on another computer)
    /// on the server; the main window calls it after each successful sync. Says what happened in
    /// one message and emits fanVotesChanged() (also when none waited).
    void publishWaitingVotes();
    /// Puts the fans' top songs into the show's set `setId`, or (empty) its last encore (a new
    /// one when it has none), as one undoable step: a song in another set moves there, one
    /// already there (for the encore: in any encore) stays, others are added; how many it
    /// placed, -1 on failure.
    int useVoteResult(const QList<FanVoteDialog::Candidate>& songs, const QString& setId = {});

Q_SIGNALS:
    /// Play a song's groove (the main window hands it to the Beat Machine page).
    void grooveRequested(const QString& machineRef, double bpm, int key);
    void grooveStopRequested();
    /// Fan votes may have changed: published here or by a sync (their records say where).
    void fanVotesChanged();
    /// The shown show was read again (its sets may have changed).
    void planChanged();

protected:
    void showEvent(QShowEvent* event) override;

private:
    /// The printed sheets' words in the musician's language.
    [[nodiscard]] core::setlists::SheetWords sheetWords() const;
    QWidget* buildEmptyState();
    QWidget* buildShowView();
    void refreshShow();
    void refreshSongChoices();
    void newShow();
    void editShow();
    void removeShow();
    void askImport();
    void askExport(ExportFormat format);
    void askMarkPerformed();
    void print();
    void editSelected();
    /// Runs `redo` now and puts it with `undo` on the undo stack when it succeeds.
    bool perform(const QString& text, std::function<core::Result<void>()> redo, std::function<core::Result<void>()> undo);
    bool report(const core::Error& error);
    /// Puts an addition already made on the undo stack (a set, or else an entry) and shows it.
    /// Puts an addition on the undo stack: a set, an entry, or an entry with the set made for it.
    void pushAdded(const QString& text, const QString& setId, const QString& entryId);
    [[nodiscard]] QString nextSiblingId(const QString& entryId) const;
    /// The entry a new one goes before: after the selected entry, else the end of the set.
    [[nodiscard]] QString insertionPoint() const;
    [[nodiscard]] QString setOf(const QString& entryId) const;
    /// The sets (not encores) of a show a fan vote's result may go into: (id, name).
    [[nodiscard]] QList<std::pair<QString, QString>> voteTargets(const QString& showId) const;

    core::Database& m_db;
    core::setlists::SetlistRepository m_repository;
    QString m_showId;
    core::setlists::ShowPlan m_plan;
    core::setlists::RunSheet m_sheet;
    QHash<QString, QString> m_songByText;  ///< "Title — Artist" and folded titles → song id
    bool m_loaded = false;

    FanVoteDialog::ServerAccess m_serverAccess;
    QNetworkAccessManager* m_network = nullptr;  ///< made on first use
    bool m_publishing = false;
    QUndoStack* m_undo = nullptr;
    QListWidget* m_shows = nullptr;
    QStackedWidget* m_content = nullptr;
    MessageBanner* m_banner = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_details = nullptr;
    QPushButton* m_performed = nullptr;
    QLineEdit* m_songAdder = nullptr;
    QStringListModel* m_songChoices = nullptr;
    RunSheetTree* m_tree = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_warnings = nullptr;
};

}  // namespace bandmate::ui
