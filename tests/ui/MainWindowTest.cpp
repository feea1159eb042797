#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "tests/support/SmallDisk.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"
#include "core/library/Songs.h"
#include "core/setlists/Setlists.h"
#include "ui/beats/BeatSession.h"
#include "ui/setlists/PractiseDialog.h"
#include "ui/setlists/SetlistsPage.h"
#include "ui/shell/AboutDialog.h"
#include "ui/shell/DatabaseCheck.h"
#include "ui/dashboard/DashboardPage.h"
#include "ui/library/LibraryPage.h"
#include "ui/roadmap/RoadmapPage.h"
#include "ui/sync/SyncPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/Pages.h"
#include "ui/beats/BeatMachinePage.h"
#include "ui/shell/AudioSettingsPanel.h"
#include "ui/shell/PreferencesDialog.h"
#include "ui/shell/Settings.h"
#include "ui/shell/Theme.h"

#include <QAbstractButton>
#include <QApplication>
#include <QStyle>
#include <QComboBox>
#include <QLabel>
#include <QFileInfo>
#include <QListWidget>
#include <QToolButton>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QDir>
#include <QStatusBar>

#include <gtest/gtest.h>

using namespace bandmate;

namespace {

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = core::Database::open(m_dir.file(QStringLiteral("user.sqlite")));
        ASSERT_TRUE(db.has_value()) << db.error().toString();
        m_db = std::move(*db);
        m_store = std::make_unique<QSettings>(m_dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_settings = std::make_unique<ui::Settings>(*m_store);
    }

    std::unique_ptr<ui::MainWindow> makeWindow()
    {
        auto window = std::make_unique<ui::MainWindow>(*m_db, *m_settings);
        window->show();
        window->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        return window;
    }

    test::TempDir m_dir;
    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<ui::Settings> m_settings;
};

}  // namespace

TEST_F(MainWindowTest, EveryPageIsReachableByMouse)
{
    auto window = makeWindow();
    QSignalSpy changed(window.get(), &ui::MainWindow::pageChanged);
    QListWidget* nav = window->navigation();
    // Click in reverse so that every click is a change.
    for (int row = static_cast<int>(ui::allPages().size()) - 1; row >= 0; --row) {
        const QRect rect = nav->visualItemRect(nav->item(row));
        ASSERT_TRUE(rect.isValid()) << row;
        QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, rect.center());
        const ui::PageInfo& page = ui::allPages().at(row);
        EXPECT_EQ(window->currentPage(), page.id) << page.key.toStdString();
        EXPECT_TRUE(window->pageWidget(page.id)->isVisible()) << page.key.toStdString();
        EXPECT_EQ(window->pageWidget(page.id)->objectName(), QStringLiteral("page-") + page.key);
    }
    EXPECT_GE(changed.count(), static_cast<int>(ui::allPages().size()) - 1);
}

TEST_F(MainWindowTest, EveryPageIsReachableByKeyboard)
{
    auto window = makeWindow();
    // Ctrl+1…6 from anywhere in the window.
    for (int i = static_cast<int>(ui::allPages().size()) - 1; i >= 0; --i) {
        QTest::keyClick(window.get(), static_cast<Qt::Key>(Qt::Key_1 + i), Qt::ControlModifier);
        EXPECT_EQ(window->currentPage(), ui::allPages().at(i).id) << i;
    }
    // Arrow keys in the navigation list.
    window->navigation()->setFocus();
    for (int i = 1; i < static_cast<int>(ui::allPages().size()); ++i) {
        QTest::keyClick(window->navigation(), Qt::Key_Down);
        EXPECT_EQ(window->currentPage(), ui::allPages().at(i).id) << i;
    }
}

TEST_F(MainWindowTest, EveryPageHasLanded)
{
    auto window = makeWindow();
    EXPECT_NE(qobject_cast<ui::DashboardPage*>(window->pageWidget(ui::PageId::Dashboard)), nullptr);
    EXPECT_NE(qobject_cast<ui::RoadmapPage*>(window->pageWidget(ui::PageId::Roadmap)), nullptr);
    EXPECT_NE(qobject_cast<ui::BeatMachinePage*>(window->pageWidget(ui::PageId::BeatMachine)), nullptr);
    EXPECT_NE(qobject_cast<ui::LibraryPage*>(window->pageWidget(ui::PageId::Library)), nullptr);
    EXPECT_NE(qobject_cast<ui::SetlistsPage*>(window->pageWidget(ui::PageId::Setlists)), nullptr);
    EXPECT_NE(qobject_cast<ui::SyncPage*>(window->pageWidget(ui::PageId::Sync)), nullptr);
}

TEST_F(MainWindowTest, RestoresSizeAndLastPage)
{
    {
        auto window = makeWindow();
        window->resize(1111, 777);
        window->showPage(ui::PageId::Library);
        window->close();
    }
    auto window = makeWindow();
    EXPECT_EQ(window->currentPage(), ui::PageId::Library);
    EXPECT_EQ(window->size(), QSize(1111, 777));
}

TEST_F(MainWindowTest, StartPagePreferenceOpensTheDashboard)
{
    m_settings->setLastPage(ui::PageId::Setlists);
    m_settings->setStartPage(ui::Settings::StartPage::Dashboard);
    auto window = makeWindow();
    EXPECT_EQ(window->currentPage(), ui::PageId::Dashboard);
}

TEST_F(MainWindowTest, PreferencesAreWrittenOnlyWhenAccepted)
{
    {
        ui::PreferencesDialog dialog(*m_settings, *m_db);
        auto* scheme = dialog.findChild<QComboBox*>(QStringLiteral("colorScheme"));
        ASSERT_NE(scheme, nullptr);
        scheme->setCurrentIndex(scheme->findData(static_cast<int>(ui::Settings::ColorScheme::Dark)));
        dialog.reject();
    }
    EXPECT_EQ(m_settings->colorScheme(), ui::Settings::ColorScheme::System);
    {
        ui::PreferencesDialog dialog(*m_settings, *m_db);
        auto* scheme = dialog.findChild<QComboBox*>(QStringLiteral("colorScheme"));
        scheme->setCurrentIndex(scheme->findData(static_cast<int>(ui::Settings::ColorScheme::Dark)));
        auto* start = dialog.findChild<QComboBox*>(QStringLiteral("startPage"));
        start->setCurrentIndex(start->findData(static_cast<int>(ui::Settings::StartPage::Dashboard)));
        auto* voice = dialog.findChild<QComboBox*>(QStringLiteral("instructorVoice"));
        ASSERT_NE(voice, nullptr);
        EXPECT_EQ(voice->currentData().toString(), QStringLiteral("es"));
        voice->setCurrentIndex(voice->findData(QStringLiteral("nb")));
        auto* buffer = dialog.findChild<QComboBox*>(QStringLiteral("audioBuffer"));
        ASSERT_NE(buffer, nullptr);
        buffer->setCurrentIndex(buffer->findData(256));
        auto* driver = dialog.findChild<QComboBox*>(QStringLiteral("audioDriver"));
        ASSERT_NE(driver, nullptr);
        ASSERT_GE(driver->findData(QStringLiteral("JACK")), 0);
        driver->setCurrentIndex(driver->findData(QStringLiteral("JACK")));
        dialog.accept();
    }
    EXPECT_EQ(m_settings->instructorVoice(), QStringLiteral("nb"));
    EXPECT_EQ(m_settings->audioOutput().bufferFrames, 256);
    EXPECT_EQ(m_settings->audioOutput().driver, QStringLiteral("JACK"));
    EXPECT_EQ(m_settings->colorScheme(), ui::Settings::ColorScheme::Dark);
    EXPECT_EQ(m_settings->startPage(), ui::Settings::StartPage::Dashboard);
    // And they reach the file.
    QSettings reread(m_dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    EXPECT_EQ(reread.value(QStringLiteral("appearance/colorScheme")).toString(), QStringLiteral("dark"));
}

TEST(Theme, FollowingTheSystemPinsNoColourOfItsOwn)
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    ASSERT_NE(app, nullptr);
    const QColor systemWindow = QGuiApplication::palette().color(QPalette::Window);
    ui::applyColorScheme(*app, ui::Settings::ColorScheme::Dark);
    EXPECT_LT(qGray(QApplication::palette().color(QPalette::Window).rgb()), 80);
    EXPECT_EQ(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    ui::applyColorScheme(*app, ui::Settings::ColorScheme::System);
    // The platform's palette shows through (on a desktop in dark mode: its dark one), nothing
    // of a style's standard palette is set over it.
    EXPECT_EQ(QApplication::palette().resolveMask(), 0U);
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), systemWindow);
}

TEST_F(MainWindowTest, AboutListsEveryDependencyWithItsLicense)
{
    const QList<ui::Component> parts = ui::components(*m_db);
    QStringList names;
    for (const ui::Component& part : parts) {
        names.append(part.name);
        EXPECT_FALSE(part.license.isEmpty()) << part.name.toStdString();
        if (part.name == QLatin1String("JUCE")) {
            EXPECT_TRUE(part.version.startsWith(QStringLiteral("7."))) << part.version.toStdString();
            EXPECT_EQ(part.license, QStringLiteral("GPL-3.0-only"));
        }
        if (part.name == QLatin1String("SQLite")) {
            EXPECT_TRUE(part.version.startsWith(QStringLiteral("3."))) << part.version.toStdString();
        }
    }
    for (const char* expected : {"Qt", "JUCE", "SQLite", "Qt Keychain", "Boost (Beast, Asio)", "OpenSSL", "libsodium",
                                 "TagLib", "xxHash", "aubio", "Ableton Link", "FluidR3 GM soundfont"}) {
        EXPECT_TRUE(names.contains(QString::fromLatin1(expected))) << expected;
    }
    ui::AboutDialog dialog(*m_db);
    auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("components"));
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->rowCount(), parts.size());
}

TEST_F(MainWindowTest, TheAudioTestSoundSaysClearlyWhenThereIsNoDevice)
{
    qputenv("JACK_DEFAULT_SERVER", "bandmate-nobody-here");
    qputenv("JACK_NO_START_SERVER", "1");
    ui::Settings::AudioOutput output;
    output.driver = QStringLiteral("JACK");
    m_settings->setAudioOutput(output);
    ui::AudioSettingsPanel panel(*m_settings);
    panel.playTestSound();
    EXPECT_TRUE(panel.statusText().startsWith(QStringLiteral("No sound:"))) << panel.statusText().toStdString();
    EXPECT_TRUE(panel.statusText().contains(QStringLiteral("JACK"))) << panel.statusText().toStdString();
}

namespace {

TEST_F(MainWindowTest, PractisingASetlistPlaysEachSongsGrooveOnTheBeatMachine)
{
    core::library::Song song;
    song.title = QStringLiteral("Suavemente");
    song.bpm = 158;
    song.key = QStringLiteral("Ab");
    song.machineRef = QStringLiteral("builtin:merengue");
    const QString songId = core::library::SongRepository(*m_db).save(song).value();
    core::setlists::SetlistRepository setlists(*m_db);
    core::setlists::Show show;
    show.name = QStringLiteral("Rehearsal");
    show.date = QDate(2026, 12, 1);
    const QString showId = setlists.saveShow(show).value();
    ASSERT_TRUE(setlists.addSong(setlists.addSet(showId, QStringLiteral("Set 1")).value(), songId).has_value());

    auto window = makeWindow();
    auto* page = qobject_cast<ui::SetlistsPage*>(window->pageWidget(ui::PageId::Setlists));
    ASSERT_NE(page, nullptr);
    page->reload();
    ui::PractiseDialog* dialog = page->practise();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->count(), 1);
    QSignalSpy requested(page, &ui::SetlistsPage::grooveRequested);
    ASSERT_TRUE(dialog->playGroove());
    ASSERT_EQ(requested.size(), 1);
    auto* beats = qobject_cast<ui::BeatMachinePage*>(window->pageWidget(ui::PageId::BeatMachine));
    EXPECT_EQ(beats->session().machine().bpm, 158.0);
    EXPECT_EQ(beats->session().machine().keyNote, 8);  // A flat
    EXPECT_NE(beats->session().machine().title.find("erengue"), std::string::npos) << beats->session().machine().title;
    dialog->close();
}

}  // namespace

namespace {

TEST_F(MainWindowTest, ThePageInFrontHasAMenuOfItsCommandsWithTheirKeys)
{
    auto window = makeWindow();
    auto* menu = window->findChild<QMenu*>(QStringLiteral("pageMenu"));
    ASSERT_NE(menu, nullptr);
    window->showPage(ui::PageId::Dashboard);
    EXPECT_FALSE(menu->menuAction()->isVisible()) << "the dashboard has no commands of its own";

    window->showPage(ui::PageId::BeatMachine);
    EXPECT_TRUE(menu->menuAction()->isVisible());
    EXPECT_EQ(menu->title(), QStringLiteral("Beat Machine"));
    const auto find = [&](QMenu* in, const QString& text) -> QAction* {
        for (QAction* action : in->actions()) {
            if (action->text() == text) {
                return action;
            }
        }
        return nullptr;
    };
    QAction* play = find(menu, QStringLiteral("Play / Pause"));
    ASSERT_NE(play, nullptr);
    EXPECT_EQ(play->shortcut(), QKeySequence(Qt::Key_Space));
    QAction* instruments = find(menu, QStringLiteral("Instruments"));
    ASSERT_NE(instruments, nullptr);
    ASSERT_NE(instruments->menu(), nullptr);
    EXPECT_EQ(instruments->menu()->actions().size(), 20) << "on/off and next program for ten instruments";
    // Chosen from the menu it does what its key does.
    auto* beats = qobject_cast<ui::BeatMachinePage*>(window->pageWidget(ui::PageId::BeatMachine));
    ASSERT_NE(beats, nullptr);
    const double bpm = beats->session().machine().bpm;
    QAction* faster = find(menu, QStringLiteral("Faster (+5 BPM)"));
    ASSERT_NE(faster, nullptr);
    EXPECT_EQ(faster->shortcuts().size(), 2) << "+ and =";
    faster->trigger();
    EXPECT_DOUBLE_EQ(beats->session().machine().bpm, bpm + 5);
    // Every page's command has a key to show, or is one of the page's buttons.
    for (const ui::PageId page : {ui::PageId::Roadmap, ui::PageId::BeatMachine, ui::PageId::Library, ui::PageId::Setlists, ui::PageId::Sync}) {
        window->showPage(page);
        EXPECT_TRUE(menu->menuAction()->isVisible()) << ui::pageInfo(page).title.toStdString();
        EXPECT_EQ(menu->title(), ui::pageInfo(page).title);
        for (QAction* action : menu->actions()) {
            EXPECT_TRUE(action->menu() != nullptr || !action->shortcut().isEmpty() || action->property("bandmateButton").isValid() ||
                        action->property("bandmateInPageMenu").toBool())
                << action->text().toStdString();
        }
    }
    window->showPage(ui::PageId::Library);
    EXPECT_NE(find(menu, QStringLiteral("Find")), nullptr);
    // The Roadmap ▾ menu's commands are in the menu bar too, and off while no roadmap runs;
    // a button's entry follows the button.
    window->showPage(ui::PageId::Roadmap);
    Q_EMIT menu->aboutToShow();
    QAction* edit = find(menu, QStringLiteral("Edit…"));
    ASSERT_NE(edit, nullptr);
    EXPECT_FALSE(edit->isEnabled()) << "no roadmap runs";
    auto* pageMenu = window->findChild<QToolButton*>(QStringLiteral("roadmapMenu"));
    ASSERT_NE(pageMenu, nullptr);
    EXPECT_TRUE(pageMenu->menu()->actions().contains(edit));
    QAction* start = find(menu, QStringLiteral("Start a roadmap…"));
    ASSERT_NE(start, nullptr);
    EXPECT_TRUE(pageMenu->menu()->actions().contains(start));
    EXPECT_TRUE(start->isEnabled());
}

}  // namespace

namespace {

TEST_F(MainWindowTest, OpenRecentReopensTheMachineFilesOpenedLately)
{
    auto window = makeWindow();
    auto* beats = qobject_cast<ui::BeatMachinePage*>(window->pageWidget(ui::PageId::BeatMachine));
    ASSERT_NE(beats, nullptr);
    beats->setInteractive(false);
    auto* recent = window->findChild<QMenu*>(QStringLiteral("recentFiles"));
    ASSERT_NE(recent, nullptr);
    Q_EMIT recent->aboutToShow();
    ASSERT_EQ(recent->actions().size(), 1);
    EXPECT_FALSE(recent->actions().first()->isEnabled()) << "nothing opened yet";

    const QString file = QStringLiteral(BANDMATE_FIXTURES_DIR "/machines/example-salsa.xml");
    ASSERT_TRUE(beats->importPath(file));
    EXPECT_EQ(m_settings->recentFiles(), QStringList{QFileInfo(file).absoluteFilePath()});
    const double bpm = beats->session().machine().bpm;
    beats->session().setBpm(bpm + 20);
    window->showPage(ui::PageId::Library);

    Q_EMIT recent->aboutToShow();
    QAction* first = recent->actions().value(0);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->text(), QStringLiteral("&1 example-salsa.xml"));
    first->trigger();
    EXPECT_EQ(window->currentPage(), ui::PageId::BeatMachine);
    EXPECT_DOUBLE_EQ(beats->session().machine().bpm, bpm) << "opened again from the file";

    // Newest first, once each, at most eight.
    for (int i = 0; i < 10; ++i) {
        m_settings->addRecentFile(QStringLiteral("/music/machine-%1.xml").arg(i));
    }
    m_settings->addRecentFile(QStringLiteral("/music/machine-3.xml"));
    const QStringList files = m_settings->recentFiles();
    EXPECT_EQ(files.size(), ui::Settings::kRecentFiles);
    EXPECT_EQ(files.first(), QStringLiteral("/music/machine-3.xml"));
    EXPECT_EQ(files.count(QStringLiteral("/music/machine-3.xml")), 1);
    Q_EMIT recent->aboutToShow();
    recent->actions().last()->trigger();  // Clear Menu
    EXPECT_TRUE(m_settings->recentFiles().isEmpty());
}

}  // namespace

TEST_F(MainWindowTest, TheWeeklyDatabaseCheckRunsAfterTheWindowIsUpAndReportsDamage)
{
    // A sound file: checked on a worker, recorded, not due again for a week.
    {
        auto window = makeWindow();
        ui::DatabaseCheck* check = window->checkDatabaseWhenDue();
        ASSERT_NE(check, nullptr) << "never checked: due";
        QSignalSpy finished(check, &ui::DatabaseCheck::finished);
        ASSERT_TRUE(finished.wait(20'000));
        EXPECT_TRUE(finished.at(0).at(0).toBool());
        EXPECT_FALSE(*m_db->fullCheckDue(QDateTime::currentDateTime()));
        EXPECT_EQ(window->checkDatabaseWhenDue(), nullptr) << "once per run";
    }
    EXPECT_EQ(ui::MainWindow(*m_db, *m_settings).checkDatabaseWhenDue(), nullptr) << "checked this week";

    // A damaged file: the window says so, with what SQLite found. The damage is in the pages of
    // a big table written last, so the file still opens.
    ASSERT_TRUE(core::sql::exec(m_db->connection(), QStringLiteral("CREATE TABLE filler (text TEXT)")).has_value());
    for (int i = 0; i < 200; ++i) {
        ASSERT_TRUE(core::sql::exec(m_db->connection(), QStringLiteral("INSERT INTO filler VALUES (?)"), {QString(300, QLatin1Char('f'))})
                        .has_value());
    }
    m_db.reset();
    const QString path = m_dir.file(QStringLiteral("user.sqlite"));
    {
        auto db = core::Database::open(path);
        ASSERT_TRUE(db.has_value());
        ASSERT_TRUE((*db)->markChecked(QDateTime::currentDateTime().addDays(-8)).has_value());
    }
    QByteArray bytes = test::readAll(path);
    ASSERT_GT(bytes.size(), 20 * 4096);
    for (qsizetype i = bytes.size() - 3 * 4096; i < bytes.size() - 4096; ++i) {
        bytes[i] = static_cast<char>(0xA5);
    }
    test::writeAll(path, bytes);
    auto damaged = core::Database::open(path);
    ASSERT_TRUE(damaged.has_value()) << damaged.error().toString();
    m_db = std::move(*damaged);
    auto window = makeWindow();
    ui::DatabaseCheck* check = window->checkDatabaseWhenDue();
    ASSERT_NE(check, nullptr) << "eight days since the last check";
    QSignalSpy finished(check, &ui::DatabaseCheck::finished);
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_FALSE(finished.at(0).at(0).toBool());
    EXPECT_FALSE(finished.at(0).at(1).toString().isEmpty());
    QTest::qWait(50);
    auto* box = window->findChild<QMessageBox*>(QStringLiteral("databaseDamaged"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    EXPECT_TRUE(box->text().contains(QFileInfo(path).fileName()));
    EXPECT_TRUE(*m_db->fullCheckDue(QDateTime::currentDateTime())) << "damage is not recorded as a pass";
    auto* sync = qobject_cast<ui::SyncPage*>(window->pageWidget(ui::PageId::Sync));
    ASSERT_NE(sync, nullptr);
    EXPECT_FALSE(sync->syncNow());
    EXPECT_TRUE(sync->statusText().contains(QStringLiteral("paused"))) << "nothing is sent from a damaged file";
}

namespace {

/// The window's "cannot save any more" box, once checkStorage() has looked.
QMessageBox* storageLostBox(ui::MainWindow& window)
{
    window.checkStorage();
    QTest::qWait(50);
    return window.findChild<QMessageBox*>(QStringLiteral("storageLost"));
}

/// The app's window on the database file at `path` (settings in `dir`).
struct WindowOn {
    WindowOn(const test::TempDir& dir, const QString& path)
        : store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat), settings(store)
    {
        auto opened = core::Database::open(path);
        EXPECT_TRUE(opened.has_value()) << opened.error().toString();
        db = opened ? std::move(*opened) : nullptr;
        if (db) {
            window = std::make_unique<ui::MainWindow>(*db, settings);
            window->show();
        }
    }
    std::unique_ptr<core::Database> db;
    QSettings store;
    ui::Settings settings;
    std::unique_ptr<ui::MainWindow> window;
};

}  // namespace

TEST(StorageLostTest, ADatabaseFileThatVanishesIsSaidOnceSyncPausesAndACopyKeepsEverything)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("usb-stick.sqlite"));
    WindowOn app(dir, path);
    ASSERT_NE(app.window, nullptr);
    ui::MainWindow& window = *app.window;
    core::library::Song before;
    before.title = QStringLiteral("Guantanamera");
    ASSERT_TRUE(core::library::SongRepository(*app.db).save(before).has_value());
    EXPECT_EQ(storageLostBox(window), nullptr) << "nothing to say while the file is there";

    // The stick is pulled (the file goes; the open connection still reads what it had).
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile::remove(path + suffix);
    }
    QMessageBox* box = storageLostBox(window);
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    EXPECT_TRUE(box->text().contains(QFileInfo(path).fileName())) << box->text().toStdString();
    EXPECT_TRUE(box->text().contains(QStringLiteral("not there any more"))) << box->text().toStdString();
    auto* sync = qobject_cast<ui::SyncPage*>(window.pageWidget(ui::PageId::Sync));
    ASSERT_NE(sync, nullptr);
    EXPECT_FALSE(sync->syncNow());
    EXPECT_TRUE(sync->statusText().contains(QStringLiteral("paused"))) << sync->statusText().toStdString();
    box->close();
    QTest::qWait(50);
    EXPECT_EQ(storageLostBox(window), nullptr) << "said once";

    // Never onto the database itself (its file or its log).
    for (const QString& itself : {path, path + QStringLiteral("-wal")}) {
        auto refused = window.saveDatabaseCopy(itself);
        ASSERT_FALSE(refused.has_value());
        EXPECT_NE(refused.error().message.find("the database itself"), std::string::npos) << refused.error().message;
    }
    // "Save a Copy…": what Bandmate has open goes to a new file that opens with it all.
    const QString copy = dir.file(QStringLiteral("rescued.sqlite"));
    auto saved = window.saveDatabaseCopy(copy);
    ASSERT_TRUE(saved.has_value()) << saved.error().toString();
    auto rescued = core::Database::open(copy);
    ASSERT_TRUE(rescued.has_value()) << rescued.error().toString();
    auto titles = core::sql::scalar((*rescued)->connection(), QStringLiteral("SELECT group_concat(title) FROM song WHERE deleted = 0"));
    ASSERT_TRUE(titles.has_value());
    EXPECT_EQ(titles->toString(), QStringLiteral("Guantanamera"));
}

TEST(StorageLostTest, AWriteTheDiskRefusesIsSaidWithTheDiskAndItsReason)
{
    test::TempDir dir;
    test::SmallDisk disk(dir, 4 * 1024 * 1024);
    REQUIRE_SMALL_DISK(disk);
    WindowOn app(dir, disk.file(QStringLiteral("library.sqlite")));
    ASSERT_NE(app.window, nullptr);
    ui::MainWindow& window = *app.window;
    EXPECT_EQ(storageLostBox(window), nullptr);
    disk.fill(0);
    // Enough songs that the write-ahead log must grow onto the full disk.
    QList<core::library::Song> songs;
    for (int i = 0; i < 2'000; ++i) {
        core::library::Song song;
        song.title = QStringLiteral("Son %1 %2").arg(i).arg(QString(200, QLatin1Char('x')));
        songs.append(song);
    }
    auto added = core::library::SongRepository(*app.db).addMany(songs);
    ASSERT_FALSE(added.has_value());
    EXPECT_EQ(storageLostBox(window), nullptr) << "a full disk is not a lost file";
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("storageFull"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(QStringLiteral("the disk is full"))) << box->text().toStdString();
    EXPECT_TRUE(box->text().contains(disk.path())) << box->text().toStdString();
    auto* sync = qobject_cast<ui::SyncPage*>(window.pageWidget(ui::PageId::Sync));
    ASSERT_NE(sync, nullptr);
    EXPECT_FALSE(sync->statusText().contains(QStringLiteral("paused"))) << "sync goes on trying";
    box->close();

    // Room again: the next save goes through and the window says so.
    disk.unfill();
    core::library::Song one;
    one.title = QStringLiteral("Después del temporal");
    ASSERT_TRUE(core::library::SongRepository(*app.db).save(one).has_value());
    window.checkStorage();
    QTest::qWait(50);  // the closed box goes
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("saves again"))) << window.statusBar()->currentMessage().toStdString();
    EXPECT_EQ(window.findChild<QMessageBox*>(QStringLiteral("storageFull")), nullptr);
}

TEST(StorageLostTest, ACopyThatDoesNotFitSaysWhereAndIsNotTakenForTheDatabasesOwnTrouble)
{
    test::TempDir dir;
    test::SmallDisk disk(dir, 1024 * 1024);
    REQUIRE_SMALL_DISK(disk);
    WindowOn app(dir, dir.file(QStringLiteral("library.sqlite")));
    ASSERT_NE(app.window, nullptr);
    (void)test::addSongs(*app.db, 3'000, QStringLiteral("Bolero"));
    disk.fill(0);
    auto copied = app.window->saveDatabaseCopy(disk.file(QStringLiteral("copy.sqlite")));
    ASSERT_FALSE(copied.has_value());
    EXPECT_NE(copied.error().message.find(disk.path().toStdString()), std::string::npos) << copied.error().message << ": names the copy's disk";
    EXPECT_EQ(storageLostBox(*app.window), nullptr);
    EXPECT_EQ(app.window->findChild<QMessageBox*>(QStringLiteral("storageFull")), nullptr);
    EXPECT_TRUE(QDir(disk.path()).entryList({QStringLiteral("copy*")}, QDir::Files).isEmpty()) << "no piece of a copy";
}
