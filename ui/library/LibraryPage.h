#pragma once

#include "audio/library/MediaScanner.h"

#include <QStringList>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QComboBox;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

class FeedsView;
class MessageBanner;
class NowPlayingBar;
class ScanJob;
class Settings;
class SongEditor;
class SongTableModel;

/// The repertoire: search with the library grammar, a sortable song table, the selected song's
/// details, chart and files, music folders scanned on a worker thread (progress and cancel),
/// missing files located again, duplicates, and playback with a queue that counts plays.
class LibraryPage : public QWidget {
    Q_OBJECT
public:
    LibraryPage(core::Database& db, Settings& settings, QWidget* parent = nullptr);
    ~LibraryPage() override;

    void reload();
    /// Runs a search now (the search box waits for typing to pause).
    void search(const QString& query);
    [[nodiscard]] QString searchError() const;
    [[nodiscard]] int visibleSongs() const;
    [[nodiscard]] bool selectSong(const QString& songId);
    [[nodiscard]] SongEditor* editor() const { return m_editor; }
    [[nodiscard]] NowPlayingBar* player() const { return m_player; }
    [[nodiscard]] QString bannerText() const;
    [[nodiscard]] bool isScanning() const { return m_scan != nullptr; }

    /// Adds a folder to the watched ones and scans it on a worker thread.
    void scanFolder(const QString& folder);
    void cancelScan();
    /// Scans every watched folder again, one after the other (the Rescan button); a folder that
    /// cannot be read is reported and the others are still read.
    void rescanAll();
    /// Adds a new song titled `title` and selects it.
    bool addSong(const QString& title);
    /// Points a missing file at `newPath`; the other missing files of its old folder are looked
    /// for in the new folder too. Returns how many files were found again.
    int locate(const QString& fileId, const QString& oldPath, const QString& newPath);
    /// Plays the visible songs that have a file, from `songId` on.
    void playFrom(const QString& songId);
    /// Makes a playlist: a saved search when `query` is given, else an empty ordered list.
    bool createPlaylist(const QString& name, const QString& query);
    /// Shows a playlist (a saved search runs its query); false when there is no such playlist.
    bool openPlaylist(const QString& playlistId);
    bool addToPlaylist(const QString& playlistId, const QString& songId);
    /// Deletes a playlist (its songs stay); when it is on screen the page shows all songs.
    bool deletePlaylist(const QString& playlistId);
    /// Moves the selected song of the open playlist one place up (-1) or down (+1).
    bool moveInPlaylist(int step);
    /// Records a play of a song (what the player reports after half the song or 30 s).
    void countPlay(const QString& songId);
    /// Shows the Feeds section (followed blogs and podcasts).
    void showFeeds();
    [[nodiscard]] FeedsView* feeds() const { return m_feeds; }

Q_SIGNALS:
    void scanFinished(const bandmate::audio::ScanResult& result, const QString& error);

protected:
    void showEvent(QShowEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    QWidget* buildSources(QWidget* parent);
    void refreshSources();
    /// Shows what a source of the list holds: all songs, a playlist or a saved search.
    void showSource(QListWidgetItem* item);
    void showSelected();
    void refreshStats();
    void showDuplicates();
    void startNextScan();
    [[nodiscard]] QString selectedSongId() const;

    core::Database& m_db;
    Settings& m_settings;
    bool m_loaded = false;
    QStringList m_scanErrors;  ///< folders of this run of the scan queue that could not be read
    bool m_firstFill = false;  ///< the fill at the first show: the first rows, the rest after
    bool m_restPending = false;  ///< the first fill listed only the first rows
    QString m_query;
    QString m_playlistId;   ///< the open ordered playlist; empty for the library or a saved search
    QStringList m_itemIds;  ///< its item ids, row by row
    QStringList m_scanQueue;
    ScanJob* m_scan = nullptr;

    /// The sources list's entry for the Feeds section (no playlist id looks like it).
    static constexpr const char* kFeedsSource = "#feeds";

    QListWidget* m_sources = nullptr;
    QWidget* m_searchBar = nullptr;
    QStackedWidget* m_stack = nullptr;  ///< the songs, or the Feeds section
    QSplitter* m_songsPane = nullptr;
    FeedsView* m_feeds = nullptr;
    QLabel* m_stats = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_readiness = nullptr;
    QLabel* m_searchError = nullptr;
    QTimer* m_searchTimer = nullptr;
    QWidget* m_scanRow = nullptr;
    QLabel* m_scanLabel = nullptr;
    QProgressBar* m_scanProgress = nullptr;
    MessageBanner* m_banner = nullptr;
    SongTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_sorted = nullptr;
    QTableView* m_table = nullptr;
    SongEditor* m_editor = nullptr;
    NowPlayingBar* m_player = nullptr;
};

}  // namespace bandmate::ui
