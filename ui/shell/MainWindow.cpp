#include "ui/shell/MainWindow.h"

#include "core/storage/Database.h"
#include "core/storage/StorageHealth.h"
#include "ui/beats/BeatMachinePage.h"
#include "ui/dashboard/DashboardPage.h"
#include "ui/beats/BeatSession.h"
#include "ui/library/LibraryPage.h"
#include "ui/roadmap/RoadmapPage.h"
#include "ui/setlists/SetlistsPage.h"
#include "ui/sync/SyncPage.h"
#include "ui/shell/AboutDialog.h"
#include "ui/shell/DatabaseCheck.h"
#include "ui/shell/PreferencesDialog.h"
#include "ui/shell/Settings.h"
#include "ui/shell/Theme.h"
#include "ui/shell/WelcomeWizard.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QDate>
#include <QStandardPaths>
#include <QFileDialog>
#include <QTimer>
#include <QHash>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include <filesystem>

namespace bandmate::ui {

namespace {

QString sidebarStyle()
{
    return QStringLiteral(R"(
#sidebar { background: #1f1b2e; }
#brand { color: #ffffff; font-size: 17pt; font-weight: 600; }
#brandTagline { color: #9d96b8; font-size: 9pt; }
#navigation { background: transparent; border: none; color: #d9d4ea; font-size: 11pt;
              outline: none; }
#navigation::item { padding: 9px 12px; margin: 2px 10px; border-radius: 6px;
                    border-left: 3px solid transparent; }
#navigation::item:hover { background: #2b2540; }
#navigation::item:selected { background: #3a3158; color: #ffffff;
                             border-left: 3px solid %1; }
#sidebarFooter { color: #7d7698; font-size: 8pt; }
)")
        .arg(accentColor());
}

}  // namespace

QSize MainWindow::smallestSize(const QSize& screen)
{
    const QSize smallest(1024, 640);
    return screen.isValid() && !screen.isEmpty() ? smallest.boundedTo(screen) : smallest;
}

MainWindow::MainWindow(core::Database& db, Settings& settings, QWidget* parent)
    : QMainWindow(parent), m_db(db), m_settings(settings)
{
    setWindowTitle(tr("Bandmate"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/bandmate.svg")));
    // The smallest size every page is checked at (LayoutTest), in each language: a 13-inch
    // laptop; never more than the screen has room for (a small screen at 125 % scaling).
    const QRect room = screen() != nullptr ? screen()->availableGeometry() : QRect();
    setMinimumSize(smallestSize(room.size()));
    setStyleSheet(sidebarStyle());

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildSidebar());

    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));
    for (const PageInfo& page : allPages()) {
        switch (page.id) {  // every page, so the compiler names one that is left out
        case PageId::Dashboard:
            m_pages->addWidget(new DashboardPage(m_db, m_pages));
            break;
        case PageId::Roadmap:
            m_pages->addWidget(new RoadmapPage(m_db, m_pages));
            break;
        case PageId::BeatMachine: {
            auto* beats = new BeatMachinePage(m_db, m_settings, m_pages);
            m_pages->addWidget(beats);
            // Shared grooves live on the musician's server: the Sync page's session reaches it.
            beats->setServerAccess([this](QObject* context, std::function<void(const QUrl&, const QString&, const QString&)> use) {
                if (auto* sync = qobject_cast<SyncPage*>(pageWidget(PageId::Sync))) {
                    sync->withAccessToken(context, std::move(use));
                }
            });
            break;
        }
        case PageId::Library:
            m_pages->addWidget(new LibraryPage(m_db, m_settings, m_pages));
            break;
        case PageId::Setlists: {
            auto* setlists = new SetlistsPage(m_db, m_pages);
            m_pages->addWidget(setlists);
            // Fan votes live on the musician's server: the Sync page's session reaches it.
            setlists->setServerAccess([this](QObject* context, std::function<void(const QUrl&, const QString&, const QString&)> use) {
                if (auto* sync = qobject_cast<SyncPage*>(pageWidget(PageId::Sync))) {
                    sync->withAccessToken(context, std::move(use));
                }
            });
            // Practising a setlist plays each song's groove on the Beat Machine page.
            connect(setlists, &SetlistsPage::grooveRequested, this, [this](const QString& machineRef, double bpm, int key) {
                if (auto* beats = qobject_cast<BeatMachinePage*>(pageWidget(PageId::BeatMachine))) {
                    beats->practise(machineRef, bpm, key);
                }
            });
            connect(setlists, &SetlistsPage::grooveStopRequested, this, [this] {
                if (auto* beats = qobject_cast<BeatMachinePage*>(pageWidget(PageId::BeatMachine))) {
                    beats->session().stop();
                }
            });
            break;
        }
        case PageId::Sync:
            m_pages->addWidget(new SyncPage(m_db, m_settings, m_pages));
            break;
        }
    }
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    // Fan votes prepared offline go to the server after each sync that reached it.
    if (auto* sync = qobject_cast<SyncPage*>(pageWidget(PageId::Sync))) {
        connect(sync, &SyncPage::syncFinished, this, [this](bool ok) {
            auto* setlists = qobject_cast<SetlistsPage*>(pageWidget(PageId::Setlists));
            if (ok && setlists != nullptr) {
                setlists->publishWaitingVotes();
            }
        });
    }

    buildMenus();

    // A USB stick pulled or a disk that turned read-only or full while Bandmate runs: said once.
    auto* storageWatch = new QTimer(this);
    connect(storageWatch, &QTimer::timeout, this, &MainWindow::checkStorage);
    storageWatch->start(std::chrono::seconds(2));

    const QFileInfo file(m_db.path());
    auto* location = new QLabel(tr("Database: %1 (schema %2)")
                                    .arg(file.fileName())
                                    .arg(m_db.schemaVersion()),
                                this);
    location->setToolTip(m_db.path());
    statusBar()->addPermanentWidget(location);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0) {
            return;
        }
        m_pages->setCurrentIndex(row);
        const PageId page = allPages().at(row).id;
        m_settings.setLastPage(page);
        Q_EMIT pageChanged(page);
    });

    if (!restoreGeometry(m_settings.windowGeometry())) {
        resize(1280, 800);
    }
    restoreState(m_settings.windowState());
    showPage(m_settings.initialPage());
    fillPageMenu();
}

QWidget* MainWindow::buildSidebar()
{
    auto* sidebar = new QFrame(this);
    sidebar->setObjectName(QStringLiteral("sidebar"));
    sidebar->setFixedWidth(220);
    sidebar->setAutoFillBackground(true);
    auto* layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(0, 22, 0, 14);
    layout->setSpacing(2);

    auto* brand = new QLabel(tr("Bandmate"), sidebar);
    brand->setObjectName(QStringLiteral("brand"));
    brand->setContentsMargins(22, 0, 0, 0);
    auto* tagline = new QLabel(tr("Your music career, in time"), sidebar);
    tagline->setObjectName(QStringLiteral("brandTagline"));
    tagline->setContentsMargins(22, 0, 0, 14);
    layout->addWidget(brand);
    layout->addWidget(tagline);

    m_navigation = new QListWidget(sidebar);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setAccessibleName(tr("Pages"));
    for (const PageInfo& page : allPages()) {
        auto* item = new QListWidgetItem(QIcon(page.iconPath), page.title, m_navigation);
        item->setToolTip(page.summary);
        item->setData(Qt::UserRole, page.key);
    }
    layout->addWidget(m_navigation, 1);

    auto* footer = new QLabel(tr("Version %1 · works offline").arg(QApplication::applicationVersion()),
                              sidebar);
    footer->setObjectName(QStringLiteral("sidebarFooter"));
    footer->setContentsMargins(22, 0, 12, 0);
    footer->setWordWrap(true);  // longer in other languages
    layout->addWidget(footer);
    return sidebar;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QMenu* recent = file->addMenu(tr("Open &Recent"));
    recent->setObjectName(QStringLiteral("recentFiles"));
    connect(recent, &QMenu::aboutToShow, this, [this, recent] { fillRecentMenu(recent); });
    fillRecentMenu(recent);
    file->addSeparator();
    QAction* copy = file->addAction(tr("Save a &Copy of the Database…"), this, &MainWindow::askDatabaseCopy);
    copy->setObjectName(QStringLiteral("saveDatabaseCopy"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::openPreferences);
    preferences->setShortcuts({QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    int number = 1;
    for (const PageInfo& page : allPages()) {
        QAction* action = go->addAction(QIcon(page.iconPath), page.title);
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + number)));
        action->setObjectName(QStringLiteral("go-") + page.key);
        const PageId id = page.id;
        connect(action, &QAction::triggered, this, [this, id] { showPage(id); });
        ++number;
    }

    // The page in front's own commands (PageActions.h), under its name.
    m_pageMenu = menuBar()->addMenu(QString());
    m_pageMenu->setObjectName(QStringLiteral("pageMenu"));
    connect(this, &MainWindow::pageChanged, this, &MainWindow::fillPageMenu);
    connect(m_pageMenu, &QMenu::aboutToShow, this, [this] {
        for (QAction* action : m_pageMenu->actions()) {
            if (auto* button = qobject_cast<QAbstractButton*>(action->property("bandmateButton").value<QObject*>())) {
                action->setEnabled(button->isEnabled() && !button->isHidden());
            }
        }
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* welcome = help->addAction(tr("&Welcome…"), this, &MainWindow::openWelcome);
    welcome->setObjectName(QStringLiteral("help-welcome"));
    help->addSeparator();
    QAction* about = help->addAction(tr("&About Bandmate"), this, &MainWindow::openAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::fillRecentMenu(QMenu* menu)
{
    menu->clear();
    const QStringList files = m_settings.recentFiles();
    int number = 1;
    for (const QString& path : files) {
        const QFileInfo info(path);
        QAction* action = menu->addAction(QStringLiteral("&%1 %2").arg(number++).arg(info.fileName()));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] {
            showPage(PageId::BeatMachine);
            if (auto* beats = qobject_cast<BeatMachinePage*>(pageWidget(PageId::BeatMachine)); beats && beats->confirmDiscard()) {
                beats->importPath(path);  // a file gone since says so on the page
            }
        });
    }
    if (files.isEmpty()) {
        menu->addAction(tr("No machine files opened yet"))->setEnabled(false);
        return;
    }
    menu->addSeparator();
    menu->addAction(tr("Clear Menu"), this, [this] { m_settings.clearRecentFiles(); });
}

void MainWindow::fillPageMenu()
{
    m_pageMenu->clear();
    QWidget* page = pageWidget(currentPage());
    QHash<QString, QMenu*> groups;
    for (QAction* action : page->actions()) {
        if (!action->property("bandmatePageAction").toBool()) {
            continue;
        }
        const QString group = action->property("bandmateGroup").toString();
        if (group.isEmpty()) {
            m_pageMenu->addAction(action);
            continue;
        }
        QMenu*& submenu = groups[group];
        if (submenu == nullptr) {
            submenu = m_pageMenu->addMenu(group);
        }
        submenu->addAction(action);
    }
    m_pageMenu->setTitle(pageInfo(currentPage()).title);
    m_pageMenu->menuAction()->setVisible(!m_pageMenu->isEmpty());
}

void MainWindow::showPage(PageId page)
{
    m_navigation->setCurrentRow(static_cast<int>(page));
}

PageId MainWindow::currentPage() const
{
    return allPages().at(m_pages->currentIndex()).id;
}

QWidget* MainWindow::pageWidget(PageId page) const
{
    return m_pages->widget(static_cast<int>(page));
}

void MainWindow::saveState()
{
    m_settings.setWindowGeometry(saveGeometry(), QMainWindow::saveState());
    m_settings.setLastPage(currentPage());
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_closing = true;
    saveState();
    if (auto* sync = qobject_cast<SyncPage*>(pageWidget(PageId::Sync)); sync != nullptr && sync->hasWorkBeforeQuit()) {
        // Edits not sent yet go out now, so the other computers have them, and a session traded
        // meanwhile reaches the keychain. The window goes first: nobody waits for a server that
        // does not answer.
        hide();
        sync->syncBeforeQuit();
    }
    event->accept();
}

void MainWindow::openPreferences()
{
    PreferencesDialog dialog(m_settings, m_db, this);
    connect(&dialog, &PreferencesDialog::audioDeviceWanted, this, [this] {
        if (auto* beats = qobject_cast<BeatMachinePage*>(pageWidget(PageId::BeatMachine))) {
            beats->session().lendDevice();  // the test sound or the calibration opens it
        }
    });
    const int result = dialog.exec();
    if (auto* beats = qobject_cast<BeatMachinePage*>(pageWidget(PageId::BeatMachine))) {
        beats->session().returnDevice();
    }
    if (result == QDialog::Accepted) {
        if (auto* app = qobject_cast<QApplication*>(QApplication::instance())) {
            applyColorScheme(*app, m_settings.colorScheme());
        }
        if (auto* beats = qobject_cast<BeatMachinePage*>(pageWidget(PageId::BeatMachine))) {
            beats->applySettings();
        }
    }
}

WelcomeWizard* MainWindow::openWelcome()
{
    auto* wizard = new WelcomeWizard(m_db, m_settings, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &WelcomeWizard::musicFolderChosen, this, [this](const QString& folder) {
        showPage(PageId::Library);
        if (auto* library = qobject_cast<LibraryPage*>(pageWidget(PageId::Library))) {
            library->scanFolder(folder);
        }
    });
    connect(wizard, &QDialog::accepted, this, [this, wizard] {
        // What the welcome started shows at once on the page in front.
        if (auto* dashboard = qobject_cast<DashboardPage*>(pageWidget(PageId::Dashboard)); dashboard && dashboard->isVisible()) {
            dashboard->reload();
        }
        if (auto* roadmap = qobject_cast<RoadmapPage*>(pageWidget(PageId::Roadmap)); roadmap && roadmap->isVisible()) {
            roadmap->reload();
        }
        if (!wizard->problem().isEmpty()) {
            auto* box = new QMessageBox(QMessageBox::Warning, tr("Welcome"), wizard->problem(), QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    });
    wizard->open();
    return wizard;
}

std::optional<PageId> MainWindow::offerAfterCrash()
{
    const PageId last = m_settings.lastPage();
    if (currentPage() == last) {
        statusBar()->showMessage(tr("Bandmate closed unexpectedly last time. Nothing was lost: every change is saved as you make it."), 15'000);
        return std::nullopt;
    }
    auto* box = new QMessageBox(QMessageBox::Information, tr("Bandmate closed unexpectedly"),
                                tr("Bandmate closed unexpectedly last time. Nothing was lost: every change is saved as you make it.\n\n"
                                   "Go back to the %1 page, where you were?")
                                    .arg(pageInfo(last).title),
                                QMessageBox::NoButton, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* reopen = box->addButton(tr("Reopen %1").arg(pageInfo(last).title), QMessageBox::AcceptRole);
    reopen->setObjectName(QStringLiteral("reopenLastPage"));
    box->addButton(tr("Stay here"), QMessageBox::RejectRole);
    box->setDefaultButton(reopen);
    connect(reopen, &QPushButton::clicked, this, [this, last] { showPage(last); });
    box->open();
    return last;
}

void MainWindow::openSharedLink(const QString& link)
{
    showPage(PageId::BeatMachine);
    if (auto* beats = qobject_cast<BeatMachinePage*>(pageWidget(PageId::BeatMachine))) {
        beats->importShared(link);
    }
}

DatabaseCheck* MainWindow::checkDatabaseWhenDue()
{
    if (m_check != nullptr) {
        return nullptr;
    }
    m_check = new DatabaseCheck(m_db, this);
    connect(m_check, &DatabaseCheck::finished, this, [this](bool sound, const QString& problems) {
        if (sound || m_closing) {
            return;  // while closing the box would vanish unread; damage is not recorded, so the next start says it
        }
        const QFileInfo file(m_db.path());
        auto* box = new QMessageBox(QMessageBox::Warning, tr("The database file is damaged"),
                                    tr("Bandmate's weekly check found damage in the file that holds your library, machines and "
                                       "roadmaps:\n%1\n\nWhat you see is still there, but parts of the file may not read back.")
                                        .arg(QDir::toNativeSeparators(file.absoluteFilePath())),
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("databaseDamaged"));
        box->setInformativeText(tr("Close Bandmate and keep a copy of the file. Bandmate keeps a copy from before each "
                                   "upgrade beside it (files ending in .backup); if you sync, another computer or the "
                                   "server has your data too."));
        box->setDetailedText(problems);
        if (auto* sync = qobject_cast<SyncPage*>(pageWidget(PageId::Sync))) {
            sync->hold(tr("Sync is paused until Bandmate starts again: the database file is damaged."));
        }
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    if (!m_check->startWhenDue()) {
        delete m_check;
        m_check = nullptr;
        return nullptr;
    }
    return m_check;
}

void MainWindow::checkStorage()
{
    if (m_closing) {
        return;
    }
    const auto failure = core::storageFailure(m_db.connection().connectionName());
    const bool gone = !QFileInfo::exists(m_db.path());
    const QString file = QDir::toNativeSeparators(QFileInfo(m_db.path()).absoluteFilePath());
    if (m_storageFull && !gone && !(failure && failure->diskFull)) {
        m_storageFull = false;  // a commit went through: there is room again
        statusBar()->showMessage(tr("Bandmate saves again: its disk has room."), 15'000);
    }
    if (m_storageWarned || (!failure && !gone)) {
        return;
    }
    if (!gone && failure->diskFull) {
        // Full: nothing is lost and saving goes on once there is room; said once per time it fills.
        if (m_storageFull) {
            return;
        }
        m_storageFull = true;
        auto* box = new QMessageBox(QMessageBox::Warning, tr("The disk is full"),
                                    tr("Bandmate cannot save to %1: its disk is full.\n\n%2").arg(file, QString::fromStdString(failure->error.message)),
                                    QMessageBox::Close, this);
        box->setObjectName(QStringLiteral("storageFull"));
        box->setInformativeText(tr("What you change now is not saved until there is room. Free some space on that disk: Bandmate then "
                                   "saves again by itself and says so below."));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    m_storageWarned = true;
    if (auto* sync = qobject_cast<SyncPage*>(pageWidget(PageId::Sync))) {
        sync->hold(tr("Sync is paused: Bandmate cannot save to its database file."));
    }
    QString why;
    if (gone) {
        why = tr("The file is not there any more (was its disk or USB stick removed?).");
    } else if (failure->error.code == core::ErrorCode::ReadOnly) {
        why = tr("The file cannot be written any more: it became read-only, or it was moved or replaced (by a sync tool such as "
                 "Dropbox?).");
    } else {
        why = tr("The disk reports an error reading or writing the file (%1).").arg(QString::fromStdString(failure->error.message));
    }
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Bandmate cannot save any more"),
                                tr("The file that holds your library, machines and roadmaps can no longer be written:\n%1\n\n%2").arg(file, why),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("storageLost"));
    box->setInformativeText(tr("Everything saved before this moment is in that file (if its disk comes back). What you change from now on is not saved, and "
                               "sync is paused. Save a copy of what Bandmate has open now, then close Bandmate and look at the disk."));
    QPushButton* copy = box->addButton(tr("Save a Copy…"), QMessageBox::ActionRole);
    box->addButton(QMessageBox::Close);
    connect(copy, &QPushButton::clicked, this, &MainWindow::askDatabaseCopy, Qt::QueuedConnection);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

core::Result<void> MainWindow::saveDatabaseCopy(const QString& path)
{
    // Written beside the target first, then renamed over it in one step: a copy cut short never
    // replaces a good file there (saveDatabaseCopy refuses the database's own file).
    const QString partial = path + QStringLiteral(".partial");
    if (QFile::exists(partial)) {
        return core::fail(core::ErrorCode::InvalidArgument, "a file of that name is already there: choose another name", partial.toStdString());
    }
    if (core::belongsToDatabase(m_db, path)) {
        return core::fail(core::ErrorCode::InvalidArgument, "that is the database itself: choose another name or place for the copy", path.toStdString());
    }
    if (auto saved = core::saveDatabaseCopy(m_db, partial); !saved) {
        return saved;
    }
    std::error_code error;
    std::filesystem::rename(QFile::encodeName(partial).toStdString(), QFile::encodeName(path).toStdString(), error);
    if (error) {
        QFile::remove(partial);
        return core::fail(core::ErrorCode::Io, "could not name the copy: " + error.message(), path.toStdString());
    }
    return {};
}

void MainWindow::askDatabaseCopy()
{
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(tr("Bandmate copy %1.sqlite").arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save a Copy of the Database"), suggested, tr("Bandmate database (*.sqlite)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto saved = saveDatabaseCopy(path); !saved) {
        QMessageBox::warning(this, tr("Save a Copy of the Database"),
                             tr("The copy could not be saved: %1").arg(QString::fromStdString(saved.error().message)));
        return;
    }
    statusBar()->showMessage(tr("Saved a copy of the database: %1").arg(QDir::toNativeSeparators(path)), 15'000);
}

void MainWindow::openAbout()
{
    AboutDialog dialog(m_db, this);
    dialog.exec();
}

}  // namespace bandmate::ui
