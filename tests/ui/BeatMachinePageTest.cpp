// The Beat Machine page driven with QTest on the offscreen platform.
#include "audio/device/LivePlayer.h"
#include "audio/engine/Pattern.h"
#include "core/beats/MachineRepository.h"
#include "core/beats/PracticeLog.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/storage/Database.h"
#include "tests/support/AudioFiles.h"
#include "tests/support/JackServer.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"
#include "ui/beats/BeatMachinePage.h"
#include "ui/beats/BeatSession.h"
#include "ui/beats/BeatViews.h"
#include "ui/beats/ExportJob.h"
#include "ui/beats/StepGrid.h"
#include "ui/shell/Settings.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QMimeData>
#include <QApplication>
#include <QTimer>
#include <QUrl>
#include <QSettings>
#include <QTabWidget>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QPointer>
#include <QProgressDialog>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

#include <set>

using namespace bandmate;

namespace {

class BeatMachinePageTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_db = test::openTestDatabase(m_dir, QStringLiteral("page.sqlite"));
        ASSERT_NE(m_db, nullptr);
        m_store = std::make_unique<QSettings>(m_dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_settings = std::make_unique<ui::Settings>(*m_store);
        m_page = std::make_unique<ui::BeatMachinePage>(*m_db, *m_settings);
        m_page->setInteractive(false);
        m_page->resize(1280, 800);
        m_page->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_page.get()));
    }

    ui::BeatSession& session() { return m_page->session(); }

    void press(const QKeySequence& keys)
    {
        QTest::keySequence(m_page.get(), keys);
    }

    test::TempDir m_dir;
    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<ui::Settings> m_settings;
    std::unique_ptr<ui::BeatMachinePage> m_page;
};

}  // namespace

TEST_F(BeatMachinePageTest, ClickingACellTogglesTheNoteInTheProgramAndTheEngineAndCtrlZUndoesIt)
{
    ui::StepGrid* grid = m_page->stepGrid();
    ASSERT_NE(grid, nullptr);
    m_page->selectInstrument(0);  // clave: son 2-3, no stroke on step 0
    const auto before = session().machine();
    const QRect cell = grid->cellRect(0, 0);
    ASSERT_TRUE(cell.isValid());
    QTest::mouseClick(grid, Qt::LeftButton, {}, cell.center());
    EXPECT_EQ(session().machine().instruments[0].programs[0].notes.size(), 6u);
    EXPECT_EQ(session().pattern()->channels()[0].stepStart[1], 1u) << "the engine's pattern has the stroke on step 0";
    press(QKeySequence(Qt::CTRL | Qt::Key_Z));
    EXPECT_TRUE(session().machine() == before);
    EXPECT_EQ(session().pattern()->channels()[0].stepStart[1], 0u);
    press(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    EXPECT_EQ(session().machine().instruments[0].programs[0].notes.size(), 6u);
}

TEST_F(BeatMachinePageTest, KeyboardShortcutsShapeTheGroove)
{
    const bool bongos = session().machine().instruments[3].enabled;
    press(QKeySequence(Qt::Key_4));
    EXPECT_EQ(session().machine().instruments[3].enabled, !bongos) << "4 toggles the fourth instrument";
    press(QKeySequence(Qt::ALT | Qt::Key_3));
    EXPECT_EQ(session().machine().instruments[2].activeProgram, 1) << "Alt+3 cycles the congas' program";
    press(QKeySequence(Qt::Key_Plus));
    EXPECT_EQ(session().machine().bpm, 185.0);
    press(QKeySequence(Qt::Key_Minus));
    press(QKeySequence(Qt::Key_Minus));
    EXPECT_EQ(session().machine().bpm, 175.0);
    press(QKeySequence(Qt::Key_K));
    EXPECT_EQ(session().machine().keyNote, 7) << "up a fifth: C to G";
    press(QKeySequence(Qt::SHIFT | Qt::Key_K));
    EXPECT_EQ(session().machine().keyNote, 0) << "up a fourth: G to C";
    // The controls follow.
    auto* key = m_page->findChild<QComboBox*>(QStringLiteral("key"));
    ASSERT_NE(key, nullptr);
    EXPECT_EQ(key->currentIndex(), 0);
    // Keyboard editing in the grid.
    m_page->selectInstrument(2);
    m_page->stepGrid()->setFocus();
    const size_t notes = session().machine().instruments[2].programs[1].notes.size();
    QTest::keyClick(m_page->stepGrid(), Qt::Key_Right);
    QTest::keyClick(m_page->stepGrid(), Qt::Key_Return);
    EXPECT_NE(session().machine().instruments[2].programs[1].notes.size(), notes);
}

TEST_F(BeatMachinePageTest, TTapsTheTempoAndF1ListsTheShortcuts)
{
    // Four taps about 400 ms apart (about 150 BPM): the tempo their spacing gives, as measured
    // here (a loaded machine may stretch the waits).
    const double before = session().machine().bpm;
    QElapsedTimer clock;
    qint64 firstTap = 0;
    for (int tap = 0; tap < 4; ++tap) {
        if (tap > 0) {
            QTest::qWait(400);
        } else {
            clock.start();
        }
        firstTap = tap == 0 ? clock.elapsed() : firstTap;
        press(QKeySequence(Qt::Key_T));
    }
    const double spacing = static_cast<double>(clock.elapsed() - firstTap) / 3.0;
    EXPECT_NE(session().machine().bpm, before);
    EXPECT_NEAR(session().machine().bpm, 60'000.0 / spacing, 3.0) << "taps " << spacing << " ms apart";
    // After a pause, one tap alone sets nothing: it starts a new count.
    const double tapped = session().machine().bpm;
    QTest::qWait(2'100);
    press(QKeySequence(Qt::Key_T));
    EXPECT_EQ(session().machine().bpm, tapped);

    // F1 (and ?) open the list of the page's shortcuts, T among them.
    m_page->setInteractive(true);
    for (const QKeySequence& keys : {QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question)}) {
        QString shown;
        QTimer::singleShot(50, [&shown] {
            for (QWidget* widget : QApplication::topLevelWidgets()) {
                if (auto* box = qobject_cast<QMessageBox*>(widget); box != nullptr && box->isVisible()) {
                    shown = box->text();
                    box->accept();
                }
            }
        });
        m_page->activateWindow();  // back from the box closed before
        QApplication::setActiveWindow(m_page.get());
        press(keys);
        EXPECT_TRUE(shown.contains(QStringLiteral("Tap the tempo"))) << keys.toString().toStdString() << ": " << shown.toStdString();
        EXPECT_TRUE(shown.contains(QStringLiteral("<b>F1</b>"))) << shown.toStdString();
        EXPECT_TRUE(shown.contains(QStringLiteral("<b>Space</b>"))) << shown.toStdString();
    }
    m_page->setInteractive(false);
}

TEST_F(BeatMachinePageTest, AfterAProgramShrinksEnterTogglesAStepInsideIt)
{
    m_page->selectInstrument(2);
    m_page->stepGrid()->setFocus();
    const int program = session().machine().instruments[2].activeProgram;
    for (int step = 0; step < 12; ++step) {
        QTest::keyClick(m_page->stepGrid(), Qt::Key_Right);
    }
    session().setProgramLength(2, program, 4);  // the cursor was on step 12
    QSignalSpy errors(&session(), &ui::BeatSession::errorOccurred);
    const auto before = session().machine().instruments[2].programs[static_cast<size_t>(program)].notes;
    QTest::keyClick(m_page->stepGrid(), Qt::Key_Return);
    EXPECT_TRUE(errors.isEmpty()) << (errors.isEmpty() ? "" : errors.first().first().toString().toStdString());
    const auto& after = session().machine().instruments[2].programs[static_cast<size_t>(program)].notes;
    EXPECT_NE(after.size(), before.size()) << "a step inside the program was toggled";
    for (const auto& note : after) {
        EXPECT_LT(note.index, 4);
    }
}

TEST_F(BeatMachinePageTest, SavingMakesAUserMachineListedInTheChooser)
{
    session().setBpm(150);
    EXPECT_EQ(session().origin(), ui::MachineOrigin::Draft);
    auto* chooser = m_page->findChild<QComboBox*>(QStringLiteral("machineChooser"));
    ASSERT_NE(chooser, nullptr);
    EXPECT_TRUE(chooser->currentText().contains(QStringLiteral("not saved")));
    press(QKeySequence::Save);
    EXPECT_EQ(session().origin(), ui::MachineOrigin::User);
    EXPECT_TRUE(chooser->currentText().contains(QStringLiteral("(mine)"))) << chooser->currentText().toStdString();
    EXPECT_EQ(session().repository().versions(session().userMachineId())->size(), 1);
    EXPECT_TRUE(m_page->bannerText().startsWith(QStringLiteral("Saved"))) << m_page->bannerText().toStdString();
}

TEST_F(BeatMachinePageTest, TheBeatIndicatorCountsEightForSalsaAndFourForMerengue)
{
    auto* indicator = m_page->findChild<ui::BeatIndicator*>();
    ASSERT_NE(indicator, nullptr);
    EXPECT_EQ(indicator->counts(), 8);
    ASSERT_TRUE(session().openBuiltin(QStringLiteral("merengue")).has_value());
    EXPECT_EQ(indicator->counts(), 4);
    Q_EMIT session().playheadChanged(9.5);  // step 9 of sixteenths: the third beat
    EXPECT_EQ(indicator->currentCount(), 3);
}

TEST_F(BeatMachinePageTest, ExportWritesAWavWithProgressAndCancelLeavesNoFile)
{
    audio::RenderSettings settings;
    settings.bpm = session().machine().bpm;
    settings.frames = 48000 * 20;
    settings.blockFrames = 256;
    const QString path = m_dir.file(QStringLiteral("export.wav"));
    {
        ui::AudioExportJob job(session().pattern(), settings, path);
        QSignalSpy progress(&job, &ui::AudioExportJob::progress);
        QSignalSpy finished(&job, &ui::AudioExportJob::finished);
        job.start();
        ASSERT_TRUE(finished.wait(30'000));
        EXPECT_TRUE(finished.at(0).at(0).toBool()) << finished.at(0).at(1).toString().toStdString();
        EXPECT_GT(progress.count(), 10);
        EXPECT_EQ(progress.last().at(0).toInt(), 100);
    }
    std::string error;
    const auto wav = test::readWav(path.toStdString(), &error);
    ASSERT_TRUE(error.empty()) << error;
    EXPECT_EQ(wav.frames(), 48000u * 20);

    const QString cancelled = m_dir.file(QStringLiteral("cancelled.wav"));
    settings.frames = 48000LL * 3600;  // an hour: long enough to cancel in the middle
    {
        ui::AudioExportJob job(session().pattern(), settings, cancelled);
        QSignalSpy progress(&job, &ui::AudioExportJob::progress);
        QSignalSpy finished(&job, &ui::AudioExportJob::finished);
        job.start();
        ASSERT_TRUE(progress.wait(30'000));
        job.cancel();
        ASSERT_TRUE(finished.wait(30'000));
        EXPECT_FALSE(finished.at(0).at(0).toBool());
        EXPECT_TRUE(finished.at(0).at(1).toString().contains(QStringLiteral("cancelled")));
    }
    EXPECT_FALSE(QFile::exists(cancelled));
    EXPECT_EQ(QDir(m_dir.path()).entryList({QStringLiteral("*.wav*")}, QDir::Files | QDir::Hidden).size(), 1)
        << "no partial file left behind";

    // Through the page: Cancel closes the progress dialog for good, even with progress still
    // arriving from the worker.
    const QString viaPage = m_dir.file(QStringLiteral("page.wav"));
    QPointer<QProgressDialog> dialog = m_page->renderWav(viaPage, QStringLiteral("Long"), session().pattern(), settings);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog && dialog->isVisible(); }, 10'000));
    auto* job = m_page->findChild<ui::AudioExportJob*>();
    ASSERT_NE(job, nullptr);
    Q_EMIT dialog->canceled();  // the Cancel button
    Q_EMIT job->progress(40);  // late progress from before the worker saw the cancel
    QTest::qWait(500);
    EXPECT_TRUE(!dialog || !dialog->isVisible()) << "the dialog came back after Cancel";
    EXPECT_TRUE(QTest::qWaitFor([&] { return m_page->bannerText().contains(QStringLiteral("cancelled")); }, 30'000))
        << m_page->bannerText().toStdString();
    EXPECT_FALSE(QFile::exists(viaPage));
}

TEST_F(BeatMachinePageTest, PlaysLiveThroughJackAndTheIndicatorFollowsThePlayhead)
{
    const QString server = QStringLiteral("bandmate-page-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer jack(server);
    ASSERT_TRUE(jack.started()) << "jackd (jackd2) is in packaging/debian-packages.txt";
    // The device closes before the server goes (a server dying under an open JUCE client races
    // JUCE's own shutdown handling).
    const auto release = qScopeGuard([this] { session().releaseDevice(); });
    qputenv("JACK_DEFAULT_SERVER", server.toUtf8());
    qputenv("JACK_NO_START_SERVER", "1");
    audio::DeviceSettings settings;
    settings.driver = "JACK";
    session().setDeviceSettings(settings);
    bool playing = false;
    for (int attempt = 0; attempt < 40 && !playing; ++attempt) {
        playing = session().play();
        if (!playing) {
            QTest::qWait(250);  // the server is still starting
        }
    }
    ASSERT_TRUE(playing) << m_page->bannerText().toStdString();
    auto* indicator = m_page->findChild<ui::BeatIndicator*>();
    std::set<int> counts;
    double last = -1.0;
    bool forward = true;
    // Until 18 eighths have been heard, however long a loaded machine makes that take (the dummy
    // JACK server runs in wall time and stalls when the suite keeps both cores busy).
    for (int i = 0; i < 400 && (last <= 8.0 || counts.size() < 5); ++i) {
        QTest::qWait(50);
        counts.insert(indicator->currentCount());
        forward = forward && session().audibleStep() >= last - 1e-9;
        last = session().audibleStep();
    }
    EXPECT_TRUE(forward);
    EXPECT_GT(last, 8.0) << "the playhead moved on (3 s at 180 BPM are 18 eighths)";
    EXPECT_GE(counts.size(), 5u) << "the indicator moved through the counts";
    // Stopping after the minimum records a practice session.
    session().setMinimumPracticeSeconds(1.0);
    QSignalSpy practiced(&session(), &ui::BeatSession::practiceRecorded);
    press(QKeySequence(Qt::Key_Space));  // pause: the position stays
    EXPECT_FALSE(session().isPlaying());
    EXPECT_TRUE(session().isPaused());
    const double pausedAt = session().audibleStep();
    QTest::qWait(300);
    press(QKeySequence(Qt::Key_Space));  // continue from there
    EXPECT_TRUE(session().isPlaying());
    QTest::qWait(200);
    EXPECT_GE(session().audibleStep(), pausedAt - 0.5) << "continued, not restarted";
    press(QKeySequence(Qt::Key_Escape));
    EXPECT_FALSE(session().isPlaying());
    EXPECT_FALSE(session().isPaused());
    EXPECT_EQ(session().audibleStep(), -1.0);
    EXPECT_EQ(practiced.count(), 1);
    auto sessions = core::beats::PracticeLog(*m_db).since(QDateTime::currentDateTime().addSecs(-60));
    ASSERT_TRUE(sessions.has_value());
    ASSERT_EQ(sessions->size(), 1);
    EXPECT_EQ(sessions->at(0).machineRef, QStringLiteral("builtin:salsa"));
    EXPECT_EQ(sessions->at(0).bpmMax, 180.0);
    auto minutes = core::roadmap::ProgressRepository(*m_db).series(QStringLiteral("practice_minutes"));
    ASSERT_TRUE(minutes.has_value());
    ASSERT_EQ(minutes->size(), 1) << "the roadmap's practice metric counted it";
    EXPECT_EQ(minutes->at(0).source, QStringLiteral("practice"));

    // The tempo trainer: 280 towards 300 BPM, +10 every bar; the machine's own tempo stays.
    session().setTrainer({true, 280.0, 300.0, 10.0, 1});
    ASSERT_TRUE(session().play());
    EXPECT_EQ(session().playingBpm(), 280.0);
    for (int i = 0; i < 400 && session().playingBpm() < 300.0; ++i) {
        QTest::qWait(50);
    }
    EXPECT_EQ(session().playingBpm(), 300.0);
    EXPECT_EQ(session().machine().bpm, 180.0);
    session().stop();
    EXPECT_EQ(session().playingBpm(), 180.0) << "back to the machine's tempo";
}

TEST_F(BeatMachinePageTest, DraggingANoteChangesItsVelocityAndAClickRemovesIt)
{
    ui::StepGrid* grid = m_page->stepGrid();
    m_page->selectInstrument(0);
    const QRect cell = grid->cellRect(2, 0);  // a clave stroke
    QTest::mousePress(grid, Qt::LeftButton, {}, cell.center());
    QMouseEvent move(QEvent::MouseMove, QPointF(cell.center() + QPoint(0, 40)), grid->mapToGlobal(QPointF(cell.center() + QPoint(0, 40))),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(grid, &move);
    QTest::mouseRelease(grid, Qt::LeftButton, {}, cell.center() + QPoint(0, 40));
    const auto& notes = session().machine().instruments[0].programs[0].notes;
    ASSERT_EQ(notes.size(), 5u) << "a drag keeps the note";
    EXPECT_NEAR(notes[0].velocity, 0.6, 1e-9);
    EXPECT_EQ(session().undoStack()->count(), 1) << "one drag, one undo step";
    QTest::mouseClick(grid, Qt::LeftButton, {}, cell.center());
    EXPECT_EQ(session().machine().instruments[0].programs[0].notes.size(), 4u);
}

TEST_F(BeatMachinePageTest, DroppingAMachineFileImportsItAndABrokenOneChangesNothing)
{
    const QString broken = m_dir.file(QStringLiteral("broken.xml"));
    test::writeAll(broken, "<notAMachine/>");
    const auto before = session().machine();
    const auto drop = [&](const QString& path) {
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_page.get(), &enter);
        EXPECT_TRUE(enter.isAccepted());
        QDropEvent dropped(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_page.get(), &dropped);
    };
    drop(broken);
    EXPECT_TRUE(session().machine() == before);
    EXPECT_EQ(session().origin(), ui::MachineOrigin::Builtin);
    EXPECT_TRUE(m_page->bannerText().contains(QStringLiteral("Nothing was changed"))) << m_page->bannerText().toStdString();
    EXPECT_TRUE(session().repository().list()->isEmpty());

    const QString good = m_dir.file(QStringLiteral("groove.xml"));
    QFile::copy(QStringLiteral(BANDMATE_FIXTURES_DIR "/machines/example-salsa.xml"), good);
    drop(good);
    EXPECT_EQ(session().machine().title, "Example salsa machine");
    EXPECT_EQ(session().origin(), ui::MachineOrigin::Draft);
}

TEST_F(BeatMachinePageTest, AnInstrumentTheKitHasNoSoundForIsMarkedAndNamedNotSilentlyQuiet)
{
    // A stranger's file: a Cajón this kit has no samples for, beside a clave it has.
    const QString path = m_dir.file(QStringLiteral("cajon.xml"));
    test::writeAll(path,
                   "<bm:Machine xmlns:bm=\"http://www.salsabeatmachine.org/xns/bm\"><bm:instrumentList>"
                   "<Clave xmlns=\"http://www.salsabeatmachine.org/xns/instruments\" title=\"Clave\"><enabled>true</enabled>"
                   "<programs><bm:Program length=\"16\"><bm:Note index=\"2\" pitch=\"0\"/></bm:Program></programs></Clave>"
                   "<Cajon xmlns=\"http://www.salsabeatmachine.org/xns/instruments\" title=\"Cajón\"><enabled>true</enabled>"
                   "<programs><bm:Program length=\"8\"><bm:Note index=\"0\" pitch=\"0\"/></bm:Program></programs></Cajon>"
                   "</bm:instrumentList><bm:title>Cajón groove</bm:title></bm:Machine>");
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_page.get(), &enter);
    QDropEvent dropped(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_page.get(), &dropped);
    ASSERT_EQ(session().machine().title, "Cajón groove") << m_page->bannerText().toStdString();
    (void)session().pattern();
    EXPECT_EQ(session().silentInstruments(), QList<int>{1});
    EXPECT_TRUE(m_page->bannerText().contains(QStringLiteral("play silent: Cajón"))) << m_page->bannerText().toStdString();
    QStringList marked;
    for (const auto* button : m_page->findChildren<QToolButton*>()) {
        if (button->text().contains(QStringLiteral("⚠"))) {
            marked << button->text();
            EXPECT_TRUE(button->toolTip().contains(QStringLiteral("no sound"))) << button->toolTip().toStdString();
        }
    }
    EXPECT_EQ(marked, QStringList{QStringLiteral("Cajón  ⚠")});

    // Turned off, it no longer sounds: the mark goes.
    session().setInstrumentEnabled(1, false);
    (void)session().pattern();
    EXPECT_TRUE(session().silentInstruments().isEmpty());
    for (const auto* button : m_page->findChildren<QToolButton*>()) {
        EXPECT_FALSE(button->text().contains(QStringLiteral("⚠"))) << button->text().toStdString();
    }
}

// Not a check, so disabled: run it with --gtest_also_run_disabled_tests and
// BANDMATE_SCREENSHOT_DIR set to save pictures of the page's editors to look at.
TEST_F(BeatMachinePageTest, DISABLED_PicturesForReview)
{
    const QString folder = qEnvironmentVariable("BANDMATE_SCREENSHOT_DIR");
    if (folder.isEmpty()) {
        GTEST_SKIP() << "set BANDMATE_SCREENSHOT_DIR to write the pictures";
    }
    m_page->selectInstrument(7);  // piano
    QCoreApplication::processEvents();
    EXPECT_TRUE(m_page->grab().save(folder + QStringLiteral("/beats-piano.png")));
    m_page->selectInstrument(2);  // congas
    QCoreApplication::processEvents();
    EXPECT_TRUE(m_page->grab().save(folder + QStringLiteral("/beats-congas.png")));
    auto* tabs = m_page->findChild<QTabWidget*>();
    tabs->setCurrentIndex(1);
    EXPECT_TRUE(m_page->grab().save(folder + QStringLiteral("/beats-polymeter.png")));
}

TEST(BeatMachinePageStart, TheKitIsDecodedAfterThePageIsFirstShownAndItsErrorIsShown)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("page.sqlite"));
    ASSERT_NE(db, nullptr);
    QSettings store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ui::Settings settings(store);
    settings.setInstructorVoice(QStringLiteral("en"));  // a second voice used to decode the kit twice

    // Built (as the main window builds every page at start) but not shown: nothing decoded.
    {
        ui::BeatMachinePage page(*db, settings);
        EXPECT_FALSE(page.session().kitLoaded()) << "the first window does not wait for the kit's samples";
        page.resize(1280, 800);
        page.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
        ASSERT_TRUE(QTest::qWaitFor([&] { return page.session().kitLoaded(); }, 10'000)) << "decoded after the first frame";
        ASSERT_NE(page.session().builtPattern(), nullptr);
        EXPECT_FALSE(page.session().builtPattern()->channels().empty());
    }

    // A kit that cannot be read says so on the page, where it used to vanish at start-up.
    test::TempDir kit;
    test::writeAll(kit.file(QStringLiteral("kit.json")), "{ not json");
    qputenv("BANDMATE_KIT_DIR", kit.path().toUtf8());
    {
        ui::BeatMachinePage page(*db, settings);
        page.resize(1280, 800);
        page.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
        EXPECT_TRUE(QTest::qWaitFor([&] { return page.bannerText().contains(QStringLiteral("could not be loaded")); }, 10'000))
            << page.bannerText().toStdString();
    }
    qunsetenv("BANDMATE_KIT_DIR");
}
