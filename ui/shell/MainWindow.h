#pragma once

#include "core/util/Result.h"

#include "ui/shell/Pages.h"

#include <QMainWindow>

#include <optional>

class QListWidget;
class QMenu;
class QStackedWidget;
class QLabel;

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

class DatabaseCheck;
class Settings;
class WelcomeWizard;

/// The application window: a navigation sidebar and one page per feature. Remembers its
/// geometry and last page in Settings.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// `db` and `settings` must outlive the window.
    MainWindow(core::Database& db, Settings& settings, QWidget* parent = nullptr);
    /// The window's smallest size on a screen with room for `screen`: 1024x640, the size every
    /// page is checked at (LayoutTest), or the screen when it is smaller.
    [[nodiscard]] static QSize smallestSize(const QSize& screen);

    /// Switches to `page` (also what the navigation and Ctrl+1…6 do).
    void showPage(PageId page);
    [[nodiscard]] PageId currentPage() const;
    /// The widget that shows `page`.
    [[nodiscard]] QWidget* pageWidget(PageId page) const;
    /// The navigation list (for keyboard focus and tests).
    [[nodiscard]] QListWidget* navigation() const { return m_navigation; }

    /// Stores geometry, toolbar state and the current page in Settings.
    void saveState();

    /// Opens the welcome (Help › Welcome…, and main() on the first start) without waiting for
    /// it; a chosen music folder is scanned on the Library page when it finishes.
    WelcomeWizard* openWelcome();
    /// After a run that ended in a crash: says nothing was lost and offers the page that was
    /// open (when the window did not open on it anyway). The page offered, or nullopt.
    std::optional<PageId> offerAfterCrash();
    /// Starts the weekly full check of the database file on a worker (main() calls it once the
    /// window is up); damage found is reported in a message that says what to do. Returns the
    /// check when it started, else nullptr.
    DatabaseCheck* checkDatabaseWhenDue();
    /// Whether the database file can still be written (a write the disk refused, or the file
    /// gone: a pulled USB stick, a disk turned read-only or failing). The first time it cannot,
    /// sync pauses and a box says so, once, offering Save a Copy…. A full disk is said once each
    /// time it fills, without pausing sync, and "saves again" when a commit goes through.
    /// Runs every two seconds.
    void checkStorage();
    /// What Bandmate has open now, saved to `path` (File › Save a Copy of the Database…),
    /// replacing a file there only once the copy is whole.
    [[nodiscard]] core::Result<void> saveDatabaseCopy(const QString& path);
    /// Takes a copy of a shared groove into the Beat Machine page (bandmate://import?url=… or the
    /// page's link: "Open in Bandmate").
    void openSharedLink(const QString& link);

Q_SIGNALS:
    void pageChanged(bandmate::ui::PageId page);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    QWidget* buildSidebar();
    void openPreferences();
    void openAbout();
    /// Asks where, then saveDatabaseCopy().
    void askDatabaseCopy();
    /// The menu of the page in front: its commands and their keys.
    void fillPageMenu();
    /// File › Open Recent: the machine files opened lately.
    void fillRecentMenu(QMenu* menu);

    core::Database& m_db;
    Settings& m_settings;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    QMenu* m_pageMenu = nullptr;
    DatabaseCheck* m_check = nullptr;
    bool m_storageWarned = false;  ///< the box about a file that cannot be written was shown
    bool m_storageFull = false;    ///< its disk is full now (said once; "saves again" when it clears)
    bool m_closing = false;
};

}  // namespace bandmate::ui
