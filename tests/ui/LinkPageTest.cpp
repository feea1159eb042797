// The Beat Machine page in an Ableton Link session with another app (bandmate-cli play --link):
// peers shown, the session's tempo taken, and its start and stop followed. Link finds peers by
// multicast, so the test runs itself again inside a network namespace of its own whose only
// interface is loopback: nothing leaves the test.
#include "core/beats/PracticeLog.h"
#include "core/storage/Database.h"
#include "tests/support/JackServer.h"
#include "tests/support/PrivateNetwork.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"
#include "ui/beats/BeatMachinePage.h"
#include "ui/beats/BeatSession.h"
#include "ui/beats/TakeDialog.h"
#include "ui/shell/Language.h"
#include "ui/shell/PreferencesDialog.h"
#include "ui/shell/Settings.h"

#include <QCoreApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QTabWidget>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QTest>
#include <QThread>

#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>

using namespace bandmate;

namespace {

/// Shows the dialog's tab named `name`; whether there is one.
bool showTab(QWidget& dialog, const QString& name)
{
    auto* tabs = dialog.findChild<QTabWidget*>();
    for (int i = 0; tabs != nullptr && i < tabs->count(); ++i) {
        if (tabs->tabText(i) == name) {
            tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

constexpr const char* kInside = "BANDMATE_IN_PRIVATE_NETWORK";

/// Runs the current test again inside a private network; true when this is that run.
bool insidePrivateNetwork()
{
    if (!qEnvironmentVariableIsEmpty(kInside)) {
        return true;
    }
    test::PrivateNetwork network;
    EXPECT_TRUE(network.ready()) << network.error().toStdString();
    if (!network.ready()) {
        return false;
    }
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    QProcess self;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kInside), QStringLiteral("1"));
    self.setProcessEnvironment(env);
    self.setProcessChannelMode(QProcess::MergedChannels);
    network.start(self, QCoreApplication::applicationFilePath(),
                  {QStringLiteral("--gtest_filter=%1.%2").arg(QString::fromLatin1(info->test_suite_name()),
                                                              QString::fromLatin1(info->name()))});
    EXPECT_TRUE(self.waitForFinished(180'000));
    const QString output = QString::fromUtf8(self.readAll());
    std::printf("%s", output.toUtf8().constData());
    EXPECT_EQ(self.exitCode(), 0);
    EXPECT_TRUE(output.contains(QStringLiteral("[  PASSED  ] 1 test"))) << "the run inside did not pass";
    return false;
}

}  // namespace

TEST(LinkPageTest, TheBeatMachineJoinsAnotherAppsSessionTakesItsTempoAndStartsAndStopsWithIt)
{
    if (!insidePrivateNetwork()) {
        return;  // the run inside the namespace did the test and its result is above
    }
    const QString server = QStringLiteral("bandmate-linkpage-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer jack(server, 256);
    ASSERT_TRUE(jack.started()) << jack.log().toStdString();
    qputenv("JACK_DEFAULT_SERVER", server.toUtf8());
    qputenv("JACK_NO_START_SERVER", "1");

    // The other app: already playing at 133 BPM, sharing start and stop.
    QProcess other;
    for (int attempt = 0; attempt < 40; ++attempt) {
        other.start(QStringLiteral(BANDMATE_CLI),
                    {QStringLiteral("play"), QStringLiteral("merengue"), QStringLiteral("--driver"), QStringLiteral("JACK"),
                     QStringLiteral("--link"), QStringLiteral("--link-start-stop"), QStringLiteral("--bpm"),
                     QStringLiteral("133"), QStringLiteral("--seconds"), QStringLiteral("60"), QStringLiteral("--json")});
        if (!other.waitForFinished(1500)) {
            break;  // playing (an exit this early: the server was not taking clients yet)
        }
        QTest::qWait(250);
    }
    ASSERT_EQ(other.state(), QProcess::Running) << other.readAllStandardError().toStdString();
    const auto stopOther = qScopeGuard([&] {
        other.write("quit\n");
        if (!other.waitForFinished(10'000)) {
            other.kill();
            other.waitForFinished(5'000);
        }
    });

    ui::Translations translations;
    ASSERT_TRUE(translations.install(QStringLiteral("en")));  // "1 other app", not "app(s)"
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("link.sqlite"));
    ASSERT_NE(db, nullptr);
    QSettings store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ui::Settings settings(store);
    ui::Settings::AudioOutput output;
    output.driver = QStringLiteral("JACK");
    settings.setAudioOutput(output);
    settings.setLinkSync({false, false, true});
    ui::BeatMachinePage page(*db, settings);
    page.setInteractive(false);
    page.resize(1280, 800);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    ui::BeatSession& session = page.session();
    const auto release = qScopeGuard([&] { session.releaseDevice(); });  // before the server goes
    auto* link = page.findChild<QPushButton*>(QStringLiteral("linkButton"));
    ASSERT_NE(link, nullptr);
    EXPECT_EQ(link->text(), QStringLiteral("Link"));

    // The Link button joins; the other app is seen, and its tempo is the page's, before playing.
    link->click();
    EXPECT_TRUE(settings.linkSync().enabled) << "the button's choice is kept";
    EXPECT_TRUE(QTest::qWaitFor([&] { return session.linkPeers() == 1; }, 15'000)) << other.readAllStandardError().toStdString();
    EXPECT_EQ(link->text(), QStringLiteral("Link: 1 other app"));
    EXPECT_TRUE(QTest::qWaitFor([&] { return std::abs(session.playingBpm() - 133.0) < 0.01; }, 5'000)) << session.playingBpm();
    EXPECT_EQ(session.machine().bpm, 180.0) << "the machine's own tempo is not edited by the session";
    auto* countIn = page.findChild<QCheckBox*>(QStringLiteral("countIn"));
    ASSERT_NE(countIn, nullptr);
    EXPECT_FALSE(countIn->isEnabled()) << "no count-in while linked: the session's bar line is the count";

    // The other app plays (its start came before we joined): starting here joins in on its next
    // bar line, at its tempo.
    bool playing = false;
    for (int attempt = 0; attempt < 40 && !playing; ++attempt) {
        playing = session.play();
        if (!playing) {
            QTest::qWait(250);  // the server is still starting
        }
    }
    ASSERT_TRUE(playing);
    EXPECT_TRUE(QTest::qWaitFor([&] { return session.audibleStep() > 4.0; }, 10'000)) << session.audibleStep();
    const auto beside = page.findChildren<QLabel*>();
    bool said = false;
    for (const QLabel* label : beside) {
        said = said || (label->isVisible() && label->text() == QStringLiteral("Link: 133.0 BPM"));
    }
    EXPECT_TRUE(said) << "the session's tempo is said beside the beat";
    QDir().mkpath(QStringLiteral(BANDMATE_SHOTS_DIR));
    EXPECT_TRUE(page.grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/beats-link.png")));
    if (auto* transport = page.findChild<QWidget*>(QStringLiteral("transport"))) {
        EXPECT_TRUE(transport->grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/beats-link-transport.png")));  // docs/images
    }

    // A tempo set in the other app reaches the page; its stop and start do too.
    other.write("tempo 101\n");
    EXPECT_TRUE(QTest::qWaitFor([&] { return std::abs(session.playingBpm() - 101.0) < 0.01; }, 5'000)) << session.playingBpm();
    other.write("stop\n");
    EXPECT_TRUE(QTest::qWaitFor([&] { return !session.isPlaying(); }, 5'000)) << "the other app's stop";
    other.write("start\n");
    EXPECT_TRUE(QTest::qWaitFor([&] { return session.isPlaying(); }, 5'000)) << "the other app's start";
    QTest::qWait(500);
    EXPECT_NEAR(session.playingBpm(), 101.0, 0.01) << "a stop is no tempo change: the machine's 180 stayed here";
    // Pause and Play here stop and start the other app (its end report says when).
    const auto linkMicros = [] {
        // Link's clock is the monotonic raw clock on Linux: the other app's report is in it.
        timespec now{};
        clock_gettime(CLOCK_MONOTONIC_RAW, &now);
        return static_cast<qint64>(now.tv_sec) * 1'000'000 + now.tv_nsec / 1000;
    };
    const qint64 pausedAt = linkMicros();
    session.pause();
    QTest::qWait(1500);
    const qint64 playedAt = linkMicros();
    ASSERT_TRUE(session.play());
    EXPECT_TRUE(QTest::qWaitFor([&] { return session.audibleStep() >= 0.0; }, 5'000));

    // Paused here, the other app's tempo changes; played on, that tempo is part of the practice
    // logged.
    session.setMinimumPracticeSeconds(0.5);
    session.pause();
    other.write("tempo 90\n");
    EXPECT_TRUE(QTest::qWaitFor([&] { return std::abs(session.playingBpm() - 90.0) < 0.01; }, 5'000)) << session.playingBpm();
    ASSERT_TRUE(session.play());
    EXPECT_TRUE(QTest::qWaitFor([&] { return session.audibleStep() > 0.0; }, 5'000));
    QTest::qWait(800);

    // The timing coach's take borrows the device: it stops here only (the other app plays on),
    // and the session still playing does not take the device back until the take is done.
    const qint64 lentAt = linkMicros();
    ui::TakeDialog* take = page.openTakeDialog();
    ASSERT_NE(take, nullptr);
    EXPECT_FALSE(session.isPlaying());
    QTest::qWait(1500);
    EXPECT_FALSE(session.isPlaying()) << "the session took the device back from the take";
    auto practiced = core::beats::PracticeLog(*db).since(QDateTime::currentDateTime().addSecs(-600));
    ASSERT_TRUE(practiced.has_value());
    ASSERT_FALSE(practiced->isEmpty());
    EXPECT_NEAR(practiced->last().bpmMin, 90.0, 0.01) << "the tempo heard while paused was played";
    EXPECT_NEAR(practiced->last().bpmMax, 101.0, 0.01);
    const qint64 returnedAt = linkMicros();
    take->close();
    EXPECT_TRUE(QTest::qWaitFor([&] { return session.isPlaying(); }, 5'000)) << "the session joined again after the take";

    // A tempo set here reaches the other app (its end report says so): + goes 5 BPM up from the
    // tempo heard, the session's, not the machine's 180.
    QTest::keyClick(&page, Qt::Key_Plus);
    EXPECT_EQ(session.machine().bpm, 95.0);
    QTest::qWait(1000);
    other.write("quit\n");
    ASSERT_TRUE(other.waitForFinished(15'000));
    const QJsonObject report = QJsonDocument::fromJson(other.readAllStandardOutput()).object();
    EXPECT_NEAR(report.value(QStringLiteral("tempo")).toDouble(), 95.0, 0.01) << other.readAllStandardError().toStdString();
    EXPECT_EQ(report.value(QStringLiteral("link_peers")).toInt(), 1);
    // The take stopped nothing there.
    const QJsonArray changes = report.value(QStringLiteral("transport_changes")).toArray();
    const auto changedBetween = [&](qint64 from, qint64 to, bool rolls) {
        return std::any_of(changes.begin(), changes.end(), [&](const QJsonValue& change) {
            const qint64 at = change.toObject().value(QStringLiteral("host_us")).toInteger();
            return at > from && at < to && change.toObject().value(QStringLiteral("playing")).toBool() == rolls;
        });
    };
    EXPECT_TRUE(changedBetween(pausedAt, playedAt + 100'000, false)) << "the page's pause stopped the other app";
    EXPECT_TRUE(changedBetween(playedAt, playedAt + 1'500'000, true)) << "the page's play started it again";
    for (const auto& change : changes) {
        const qint64 at = change.toObject().value(QStringLiteral("host_us")).toInteger();
        EXPECT_FALSE(at > lentAt && at < returnedAt + 500'000 && !change.toObject().value(QStringLiteral("playing")).toBool())
            << "the other app stopped when the take borrowed the device: " << QJsonDocument(changes).toJson().toStdString();
    }
    EXPECT_TRUE(changes.last().toObject().value(QStringLiteral("playing")).toBool());

    // Link off: the page plays on by itself, at the machine's tempo once stopped.
    link->click();
    EXPECT_FALSE(settings.linkSync().enabled);
    EXPECT_EQ(link->text(), QStringLiteral("Link"));
    EXPECT_EQ(session.linkPeers(), 0);
    EXPECT_TRUE(countIn->isEnabled());
}

// The Link button is Link's choice only: the JACK transport role kept in Preferences stays as
// it was (and is saved at once); while JACK's transport runs, the button and its key L wait.
TEST(LinkPageTest, TheLinkButtonLeavesTheJackTransportChoiceAndWaitsWhileItRuns)
{
    if (!insidePrivateNetwork()) {
        return;  // the run inside the namespace did the test and its result is above
    }
    ui::Translations translations;
    ASSERT_TRUE(translations.install(QStringLiteral("en")));
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("button.sqlite"));
    ASSERT_NE(db, nullptr);
    const QString ini = dir.file(QStringLiteral("settings.ini"));
    QSettings store(ini, QSettings::IniFormat);
    ui::Settings settings(store);
    // JACK transport chosen, but the driver is not JACK: it is refused, and Link can be used.
    settings.setLinkSync({false, false, false, 1});
    ui::BeatMachinePage page(*db, settings);
    page.setInteractive(false);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    ui::BeatSession& session = page.session();
    EXPECT_EQ(session.jackTransport(), ui::JackTransportRole::Off);
    auto* link = page.findChild<QPushButton*>(QStringLiteral("linkButton"));
    ASSERT_NE(link, nullptr);
    ASSERT_TRUE(link->isEnabled());
    link->click();
    EXPECT_TRUE(session.link().enabled);
    EXPECT_TRUE(settings.linkSync().enabled);
    EXPECT_EQ(settings.linkSync().jackTransport, 1) << "the JACK transport choice was erased";
    // On disk at once (a crash or a power cut later does not undo the click).
    const QByteArray saved = test::readAll(ini);
    EXPECT_TRUE(saved.contains("[link]") && saved.contains("enabled=true")) << saved.toStdString();
    link->click();
    EXPECT_FALSE(session.link().enabled);

    // With JACK as the driver the transport is followed: Link waits, and L says why.
    const QString server = QStringLiteral("bandmate-linkbutton-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer jack(server, 256);
    ASSERT_TRUE(jack.started()) << jack.log().toStdString();
    qputenv("JACK_DEFAULT_SERVER", server.toUtf8());
    qputenv("JACK_NO_START_SERVER", "1");
    ui::Settings::AudioOutput output;
    output.driver = QStringLiteral("JACK");
    settings.setAudioOutput(output);
    for (int attempt = 0; attempt < 40 && session.jackTransport() == ui::JackTransportRole::Off; ++attempt) {
        page.applySettings();
        if (session.jackTransport() == ui::JackTransportRole::Off) {
            QTest::qWait(250);  // the server is still starting
        }
    }
    ASSERT_EQ(session.jackTransport(), ui::JackTransportRole::Follow);
    EXPECT_FALSE(link->isEnabled());
    page.setFocus();
    QTest::keyClick(&page, Qt::Key_L);
    EXPECT_FALSE(session.link().enabled);
    EXPECT_TRUE(page.bannerText().contains(QStringLiteral("JACK transport is on"))) << page.bannerText().toStdString();
    EXPECT_EQ(settings.linkSync().jackTransport, 1);
    session.setJackTransport(ui::JackTransportRole::Off);  // before the server goes
}

// Preferences › Tempo sync: Link and JACK's transport are one outside clock at a time; what is
// chosen is kept when the dialog is accepted.
TEST(LinkPageTest, TheTempoSyncTabOffersOneOutsideClockAtATime)
{
    ui::Translations translations;
    ASSERT_TRUE(translations.install(QStringLiteral("en")));
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("prefs.sqlite"));
    ASSERT_NE(db, nullptr);
    QSettings store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ui::Settings settings(store);
    ui::PreferencesDialog dialog(settings, *db);
    ASSERT_TRUE(showTab(dialog, QStringLiteral("Sync && MIDI")));
    dialog.resize(640, 560);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto* link = dialog.findChild<QCheckBox*>(QStringLiteral("linkEnabled"));
    auto* jack = dialog.findChild<QComboBox*>(QStringLiteral("jackTransport"));
    auto* startStop = dialog.findChild<QCheckBox*>(QStringLiteral("linkStartStop"));
    ASSERT_TRUE(link != nullptr && jack != nullptr && startStop != nullptr);
    EXPECT_FALSE(startStop->isEnabled()) << "Link's own choices wait for Link";
    jack->setCurrentIndex(1);  // follow JACK's transport
    EXPECT_FALSE(link->isEnabled());
    jack->setCurrentIndex(0);
    link->setChecked(true);
    EXPECT_FALSE(jack->isEnabled());
    EXPECT_TRUE(startStop->isEnabled());
    QDir().mkpath(QStringLiteral(BANDMATE_SHOTS_DIR));
    EXPECT_TRUE(dialog.grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/preferences-tempo-sync.png")));
    startStop->setChecked(true);
    dialog.accept();
    const ui::Settings::LinkSync kept = settings.linkSync();
    EXPECT_TRUE(kept.enabled);
    EXPECT_TRUE(kept.startStop);
    EXPECT_EQ(kept.jackTransport, 0);
}

// MIDI out in Preferences: the JACK server's MIDI inputs to choose from, the channel and the mute
// waiting for a notes port, a port chosen before kept (said not there now) when its synth is not
// running, and what is chosen saved.
TEST(LinkPageTest, TheSyncAndMidiTabChoosesWhereTheClockAndTheNotesGo)
{
    ui::Translations translations;
    ASSERT_TRUE(translations.install(QStringLiteral("en")));
    const QString server = QStringLiteral("bandmate-prefsmidi-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer jack(server);
    ASSERT_TRUE(jack.started());
    qputenv("JACK_DEFAULT_SERVER", server.toUtf8());
    qputenv("JACK_NO_START_SERVER", "1");
    QProcess synth;  // a MIDI input to offer
    ASSERT_TRUE(test::startReadyClient(synth, QStringLiteral(BANDMATE_CLOCK_SOURCE), {QStringLiteral("synth"), QStringLiteral("120")}));

    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("prefs.sqlite"));
    ASSERT_NE(db, nullptr);
    QSettings store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ui::Settings settings(store);
    settings.setMidiOut({QStringLiteral("drums:midi_in"), QString(), -1, false, QString()});  // chosen before, not running now
    ui::PreferencesDialog dialog(settings, *db);
    ASSERT_TRUE(showTab(dialog, QStringLiteral("Sync && MIDI")));
    auto* clockTo = dialog.findChild<QComboBox*>(QStringLiteral("midiClockTo"));
    auto* notesTo = dialog.findChild<QComboBox*>(QStringLiteral("midiNotesTo"));
    auto* channel = dialog.findChild<QComboBox*>(QStringLiteral("midiChannel"));
    auto* mute = dialog.findChild<QCheckBox*>(QStringLiteral("midiMute"));
    ASSERT_TRUE(clockTo != nullptr && notesTo != nullptr && channel != nullptr && mute != nullptr);
    EXPECT_EQ(clockTo->currentText(), QStringLiteral("drums:midi_in (not there now)"));
    EXPECT_GE(notesTo->findData(QStringLiteral("synth:in")), 1) << "the running synth's input is offered";
    EXPECT_EQ(notesTo->findData(QStringLiteral("synth:out")), -1) << "outputs are not where MIDI can go";
    EXPECT_FALSE(channel->isEnabled()) << "no notes port yet";
    EXPECT_FALSE(mute->isEnabled());
    notesTo->setCurrentIndex(notesTo->findData(QStringLiteral("synth:in")));
    EXPECT_TRUE(channel->isEnabled());
    EXPECT_TRUE(mute->isEnabled());
    channel->setCurrentIndex(channel->findData(9));
    mute->setChecked(true);
    // A clock to follow: the sender's outputs, and then neither Link nor JACK's transport.
    auto* clockFrom = dialog.findChild<QComboBox*>(QStringLiteral("midiClockFrom"));
    auto* link = dialog.findChild<QCheckBox*>(QStringLiteral("linkEnabled"));
    auto* jackTransport = dialog.findChild<QComboBox*>(QStringLiteral("jackTransport"));
    ASSERT_TRUE(clockFrom != nullptr && link != nullptr && jackTransport != nullptr);
    EXPECT_GE(clockFrom->findData(QStringLiteral("synth:out")), 1);
    EXPECT_EQ(clockFrom->findData(QStringLiteral("synth:in")), -1) << "an input has no clock to follow";
    clockFrom->setCurrentIndex(clockFrom->findData(QStringLiteral("synth:out")));
    EXPECT_FALSE(link->isEnabled()) << "one outside clock at a time";
    EXPECT_FALSE(jackTransport->isEnabled());
    clockFrom->setCurrentIndex(0);
    EXPECT_TRUE(link->isEnabled());
    jackTransport->setCurrentIndex(1);
    EXPECT_FALSE(clockFrom->isEnabled());
    jackTransport->setCurrentIndex(0);
    clockFrom->setCurrentIndex(clockFrom->findData(QStringLiteral("synth:out")));
    dialog.resize(640, 560);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    QDir().mkpath(QStringLiteral(BANDMATE_SHOTS_DIR));
    EXPECT_TRUE(dialog.grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/preferences-sync-midi.png")));
    dialog.accept();
    const ui::Settings::MidiOut kept = settings.midiOut();
    EXPECT_EQ(kept.clockTo, QStringLiteral("drums:midi_in"));
    EXPECT_EQ(kept.notesTo, QStringLiteral("synth:in"));
    EXPECT_EQ(kept.notesChannel, 9);
    EXPECT_TRUE(kept.muteAudio);
    EXPECT_EQ(kept.clockFrom, QStringLiteral("synth:out"));
    synth.write("quit\n");
    synth.waitForFinished(5'000);
}
