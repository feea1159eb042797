// The beat machine's session: edits, undo, the engine's pattern, saving, import.
#include "audio/device/LivePlayer.h"
#include "audio/engine/Pattern.h"
#include "audio/tempo/JackTransport.h"
#include "core/beats/MachineRepository.h"
#include "core/beats/MachineXml.h"
#include "core/beats/PracticeLog.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "tests/support/JackServer.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"
#include "ui/beats/BeatSession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <gtest/gtest.h>

#include <map>

using namespace bandmate;
using ui::BeatSession;
using ui::MachineOrigin;

namespace {

class BeatSessionTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_db = test::openTestDatabase(m_dir, QStringLiteral("beats.sqlite"));
        ASSERT_NE(m_db, nullptr);
        m_session = std::make_unique<BeatSession>(*m_db);
    }

    /// How many events of instrument `index` the engine's current pattern holds.
    size_t patternEvents(int mixerChannel) const
    {
        for (const auto& channel : m_session->pattern()->channels()) {
            if (channel.mixerChannel == mixerChannel) {
                return channel.events.size();
            }
        }
        return 0;
    }

    QStringList snapshot() const
    {
        QStringList rows;
        auto query = core::sql::run(m_db->connection(), QStringLiteral("SELECT entity, id, field, hlc FROM field_clock ORDER BY 1, 2, 3"));
        while (query->next()) {
            rows << query->value(0).toString() + query->value(1).toString() + query->value(2).toString()
                        + query->value(3).toString();
        }
        return rows;
    }

    /// Points the session at the private JACK server `server` and plays once it takes
    /// clients; whether it plays.
    bool playOnJack(const QString& server)
    {
        qputenv("JACK_DEFAULT_SERVER", server.toUtf8());
        qputenv("JACK_NO_START_SERVER", "1");
        audio::DeviceSettings settings;
        settings.driver = "JACK";
        m_session->setDeviceSettings(settings);
        for (int attempt = 0; attempt < 40; ++attempt) {
            if (m_session->play()) {
                return true;
            }
            QThread::msleep(250);  // until the server takes clients
        }
        return false;
    }

    /// A private JACK server for this test, named `server`. It goes after the session: a server
    /// that dies under an open JUCE client races JUCE's own shutdown handling (its JACK thread
    /// closes the device while ours does), which crashed a test that ended with it still open.
    test::DummyJackServer& startJack(const QString& server)
    {
        m_jack = std::make_unique<test::DummyJackServer>(server);
        return *m_jack;
    }

    test::TempDir m_dir;
    std::unique_ptr<test::DummyJackServer> m_jack;  // destroyed after the session (declared before it)
    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<BeatSession> m_session;
};

}  // namespace

TEST_F(BeatSessionTest, StartsWithTheSalsaMachineCompiledForTheEngine)
{
    EXPECT_EQ(m_session->origin(), MachineOrigin::Builtin);
    EXPECT_EQ(m_session->builtinName(), QStringLiteral("salsa"));
    EXPECT_FALSE(m_session->isModified());
    ASSERT_NE(m_session->pattern(), nullptr);
    EXPECT_TRUE(m_session->pattern()->missingSamples().empty());
    EXPECT_EQ(patternEvents(0), 5u) << "son clave";
}

TEST_F(BeatSessionTest, TogglingAStepChangesTheProgramAndTheEnginePatternAndUndoRestoresExactly)
{
    const auto original = m_session->machine();
    QSignalSpy changed(m_session.get(), &BeatSession::machineChanged);
    m_session->toggleNote(0, 0, 0, 0);  // a clave stroke on step 0
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(m_session->machine().instruments[0].programs[0].notes.size(), 6u);
    EXPECT_EQ(patternEvents(0), 6u) << "the engine has the new pattern";
    EXPECT_EQ(m_session->origin(), MachineOrigin::Draft) << "editing a built-in makes a copy";
    EXPECT_TRUE(m_session->isModified());

    m_session->toggleNote(0, 0, 2, 0);  // and takes one away
    EXPECT_EQ(patternEvents(0), 5u);
    m_session->setActiveProgram(0, 1);  // across a program switch
    m_session->setBpm(150);
    m_session->undoStack()->undo();
    m_session->undoStack()->undo();
    m_session->undoStack()->undo();
    m_session->undoStack()->undo();
    EXPECT_TRUE(m_session->machine() == original);
    EXPECT_EQ(patternEvents(0), 5u);
    EXPECT_FALSE(m_session->isModified()) << "every edit undone: the built-in as it was, nothing to save";
    EXPECT_EQ(m_session->origin(), MachineOrigin::Builtin);
    m_session->undoStack()->redo();
    m_session->undoStack()->redo();
    m_session->undoStack()->redo();
    m_session->undoStack()->redo();
    EXPECT_EQ(m_session->machine().bpm, 150.0);
    EXPECT_EQ(m_session->machine().instruments[0].activeProgram, 1);
    EXPECT_EQ(m_session->origin(), MachineOrigin::Draft) << "redone: the copy again";
    EXPECT_TRUE(m_session->isModified());
}

TEST_F(BeatSessionTest, SliderDragsAreOneUndoStep)
{
    for (int v = 10; v <= 50; v += 10) {
        m_session->setInstrumentVolume(2, v / 100.0);
    }
    for (int bpm = 150; bpm <= 160; ++bpm) {
        m_session->setBpm(bpm);
    }
    EXPECT_EQ(m_session->undoStack()->count(), 2);
    m_session->undoStack()->undo();
    EXPECT_EQ(m_session->machine().bpm, 180.0);
    m_session->undoStack()->undo();
    EXPECT_EQ(m_session->machine().instruments[2].volume, 0.9);
}

TEST_F(BeatSessionTest, InvalidEditsAreRefusedWithAMessage)
{
    QSignalSpy errors(m_session.get(), &BeatSession::errorOccurred);
    m_session->edit(QStringLiteral("break"), [](core::beats::Machine& m) { m.instruments[0].programs[0].length = 999; });
    EXPECT_EQ(errors.count(), 1);
    EXPECT_EQ(m_session->undoStack()->count(), 0);
    for (size_t left = m_session->machine().instruments[0].programs.size(); left > 1; --left) {
        m_session->removeProgram(0, 0);
    }
    m_session->removeProgram(0, 0);  // the last one stays
    EXPECT_EQ(m_session->machine().instruments[0].programs.size(), 1u);
    EXPECT_EQ(errors.count(), 2);
}

TEST_F(BeatSessionTest, SavingCreatesAUserMachineWithVersionsAndRestoringOneWorks)
{
    m_session->renameMachine(QStringLiteral("My salsa"));
    auto id = m_session->save();
    ASSERT_TRUE(id.has_value()) << id.error().toString();
    EXPECT_EQ(m_session->origin(), MachineOrigin::User);
    EXPECT_FALSE(m_session->isModified());
    auto& repository = m_session->repository();
    EXPECT_EQ(repository.list()->size(), 1);
    EXPECT_EQ(repository.versions(*id)->size(), 1);

    m_session->setBpm(200);
    ASSERT_TRUE(m_session->save().has_value());
    auto versions = repository.versions(*id);
    ASSERT_EQ(versions->size(), 2);
    EXPECT_EQ(repository.load(*id)->bpm, 200.0);

    ASSERT_TRUE(m_session->restoreVersion(versions->at(1).id).has_value());
    EXPECT_EQ(m_session->machine().bpm, 180.0);
    EXPECT_TRUE(m_session->isModified());
    ASSERT_TRUE(m_session->save().has_value());
    EXPECT_EQ(repository.load(*id)->bpm, 180.0);

    // Reopening it later gives the same machine.
    ASSERT_TRUE(m_session->openBuiltin(QStringLiteral("merengue")).has_value());
    ASSERT_TRUE(m_session->openUser(*id).has_value());
    EXPECT_EQ(m_session->machine().title, "My salsa");
}

TEST_F(BeatSessionTest, ImportingABrokenFileChangesNothing)
{
    const QString broken = m_dir.file(QStringLiteral("broken.xml"));
    test::writeAll(broken, "<bm:Machine xmlns:bm=\"http://www.salsabeatmachine.org/xns/bm\"><bm:bpm>fast</bm:bpm>");
    const auto before = m_session->machine();
    const QStringList database = snapshot();
    auto imported = m_session->importFile(broken);
    ASSERT_FALSE(imported.has_value());
    EXPECT_NE(imported.error().toString().find("broken.xml"), std::string::npos) << imported.error().toString();
    EXPECT_TRUE(m_session->machine() == before);
    EXPECT_EQ(m_session->origin(), MachineOrigin::Builtin);
    EXPECT_EQ(snapshot(), database);

    // A good file round-trips through export and import.
    const QString good = m_dir.file(QStringLiteral("mine.xml"));
    ASSERT_TRUE(m_session->exportFile(good).has_value());
    ASSERT_TRUE(m_session->importFile(good).has_value());
    EXPECT_TRUE(m_session->machine() == before);
    EXPECT_EQ(m_session->origin(), MachineOrigin::Draft);
}

TEST_F(BeatSessionTest, ProgramEditingAddDuplicateRenameLengthDelete)
{
    const size_t programs = m_session->machine().instruments[2].programs.size();
    m_session->duplicateProgram(2, 0);
    EXPECT_EQ(m_session->machine().instruments[2].programs.size(), programs + 1);
    EXPECT_EQ(m_session->machine().instruments[2].activeProgram, 1);
    m_session->renameProgram(2, 1, QStringLiteral("My tumbao"));
    EXPECT_EQ(m_session->machine().instruments[2].programs[1].title, "My tumbao");
    m_session->setProgramLength(2, 1, 4);
    EXPECT_EQ(m_session->machine().instruments[2].programs[1].length, 4);
    EXPECT_EQ(m_session->machine().instruments[2].programs[1].notes.size(), 4u) << "notes past the end go";
    EXPECT_EQ(m_session->pattern()->channels()[2].loopLength, 4);
    m_session->addProgram(2);
    EXPECT_EQ(m_session->machine().instruments[2].activeProgram, static_cast<int>(programs) + 1);
    m_session->removeProgram(2, 1);
    EXPECT_EQ(m_session->machine().instruments[2].programs.size(), programs + 1);
}

TEST_F(BeatSessionTest, PlayWithoutADeviceSaysSoAndStaysStopped)
{
    qputenv("JACK_DEFAULT_SERVER", "bandmate-nobody-here");
    qputenv("JACK_NO_START_SERVER", "1");
    QSignalSpy errors(m_session.get(), &BeatSession::errorOccurred);
    audio::DeviceSettings settings;
    settings.driver = "JACK";
    m_session->setDeviceSettings(settings);
    EXPECT_FALSE(m_session->play());
    EXPECT_FALSE(m_session->isPlaying());
    ASSERT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.at(0).at(0).toString().contains(QStringLiteral("JACK"))) << errors.at(0).at(0).toString().toStdString();
}

TEST_F(BeatSessionTest, PracticeCountsPlayingTimeForTheMachineThatPlayedAndSurvivesQuittingWhilePaused)
{
    // A real device: a private JACK server on the dummy backend.
    const QString server = QStringLiteral("bandmate-practice-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer& jack = startJack(server);
    ASSERT_TRUE(jack.started()) << "jackd is needed (packaging/debian-packages.txt)";
    m_session->setMinimumPracticeSeconds(0.5);
    ASSERT_TRUE(playOnJack(server)) << jack.log().toStdString();
    audio::DeviceSettings settings;
    settings.driver = "JACK";
    QTest::qWait(1200);
    m_session->pause();
    QTest::qWait(1500);  // a pause is not practice
    ASSERT_TRUE(m_session->play());
    QTest::qWait(800);
    // Preferences closed with OK and nothing changed: the same stretch plays on.
    m_session->setDeviceSettings(settings);
    EXPECT_TRUE(m_session->isPlaying());
    // Another machine while playing: what was played so far was salsa.
    ASSERT_TRUE(m_session->openBuiltin(QStringLiteral("merengue")).has_value());
    QTest::qWait(1000);
    m_session->pause();
    // Quitting while paused keeps the merengue stretch.
    m_session.reset();

    auto sessions = core::beats::PracticeLog(*m_db).since(QDateTime::currentDateTime().addSecs(-120));
    ASSERT_TRUE(sessions.has_value()) << sessions.error().toString();
    ASSERT_EQ(sessions->size(), 2);
    EXPECT_EQ(sessions->at(0).machineRef, QStringLiteral("builtin:salsa"));
    EXPECT_GT(sessions->at(0).seconds, 1.8);
    EXPECT_LT(sessions->at(0).seconds, 2.9) << "1.2 s + 0.8 s played, 1.5 s paused";
    EXPECT_EQ(sessions->at(1).machineRef, QStringLiteral("builtin:merengue"));
    EXPECT_GT(sessions->at(1).seconds, 0.8);
    EXPECT_LT(sessions->at(1).seconds, 1.7);
}

TEST_F(BeatSessionTest, APracticeUnderTheRealThirtySecondMinimumIsNotRecorded)
{
    // The minimum as shipped (no test value): a couple of seconds of noodling is no practice.
    const QString server = QStringLiteral("bandmate-short-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer& jack = startJack(server);
    ASSERT_TRUE(jack.started()) << "jackd is needed (packaging/debian-packages.txt)";
    ASSERT_TRUE(playOnJack(server)) << jack.log().toStdString();
    QTest::qWait(2000);
    m_session->stop();
    EXPECT_FALSE(m_session->isPlaying());
    auto sessions = core::beats::PracticeLog(*m_db).since(QDateTime::currentDateTime().addSecs(-120));
    ASSERT_TRUE(sessions.has_value()) << sessions.error().toString();
    EXPECT_TRUE(sessions->isEmpty()) << "two seconds recorded as practice";
    auto minutes = core::roadmap::ProgressRepository(*m_db).series(QStringLiteral("practice_minutes"));
    ASSERT_TRUE(minutes.has_value());
    EXPECT_TRUE(minutes->isEmpty()) << "nor counted for the roadmap";
}

TEST_F(BeatSessionTest, TheTempoTrainerSwitchedDuringPlayNeitherJumpsNorStays)
{
    const QString server = QStringLiteral("bandmate-trainer-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer& jack = startJack(server);
    ASSERT_TRUE(jack.started());
    m_session->setBpm(300);  // a bar in 0.8 s
    ASSERT_TRUE(playOnJack(server)) << jack.log().toStdString();
    // Early in a bar, so the checks below are not at a bar's end (a loaded machine's waits run
    // long, and the bar boundary must not fall into them).
    const int stepsPerBar = core::beats::stepsPerBar(m_session->machine().flavor);
    const auto earlyInABar = [&] {
        for (int tries = 0; tries < 400; ++tries) {
            const double step = m_session->audibleStep();
            if (step >= 0 && std::fmod(step, stepsPerBar) < stepsPerBar * 0.2) {
                return true;
            }
            QTest::qWait(5);
        }
        return false;
    };
    QTest::qWait(2400);  // three bars played
    ASSERT_TRUE(earlyInABar());
    // Switched on now: it starts stepping from this bar, not three steps at once.
    m_session->setTrainer({true, 300, 280, 5, 1});
    QTest::qWait(100);
    EXPECT_DOUBLE_EQ(m_session->playingBpm(), 300.0);
    // The first step comes at the next bar: one step, not the three bars already played.
    for (int waited = 0; waited < 60 && m_session->playingBpm() == 300.0; ++waited) {
        QTest::qWait(50);
    }
    EXPECT_DOUBLE_EQ(m_session->playingBpm(), 295.0) << "one step a bar from the switch on";
    // Switched off while playing: the machine's own tempo comes back at the stop.
    m_session->setTrainer({false, 300, 280, 5, 1});
    m_session->stop();
    EXPECT_DOUBLE_EQ(m_session->playingBpm(), 300.0);
    // Switched on while paused: after the pause it counts from the bar heard, not from bar 1.
    ASSERT_TRUE(m_session->play());
    QTest::qWait(2400);
    ASSERT_TRUE(earlyInABar());
    m_session->pause();
    m_session->setTrainer({true, 300, 280, 5, 1});
    ASSERT_TRUE(m_session->play());
    QTest::qWait(150);
    EXPECT_DOUBLE_EQ(m_session->playingBpm(), 300.0) << "no catching up on the bars played before";
    m_session->stop();
}

// Following JACK's transport in the app: Play starts every JACK app's transport and the groove
// plays while it rolls; another app (jack_transport) stopping it pauses the machine where it is,
// starting it again plays on from there; turned off, the machine plays on by itself.
TEST_F(BeatSessionTest, FollowingJacksTransportPlaysAndPausesWithAnotherAppsTransport)
{
    const QString server = QStringLiteral("bandmate-sessiontransport-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer& jack = startJack(server);
    ASSERT_TRUE(jack.started());
    qputenv("JACK_DEFAULT_SERVER", server.toUtf8());
    qputenv("JACK_NO_START_SERVER", "1");
    // Refused, with the way out, while the driver is not JACK.
    QSignalSpy errors(m_session.get(), &BeatSession::errorOccurred);
    EXPECT_FALSE(m_session->setJackTransport(ui::JackTransportRole::Follow));
    ASSERT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.at(0).at(0).toString().contains(QStringLiteral("JACK driver"))) << errors.at(0).at(0).toString().toStdString();
    EXPECT_EQ(m_session->jackTransport(), ui::JackTransportRole::Off);
    audio::DeviceSettings settings;
    settings.driver = "JACK";
    m_session->setDeviceSettings(settings);
    bool following = false;
    for (int attempt = 0; attempt < 40 && !following; ++attempt) {
        following = m_session->setJackTransport(ui::JackTransportRole::Follow);
        if (!following) {
            QTest::qWait(250);  // the server is still starting
        }
    }
    ASSERT_TRUE(following);
    ASSERT_TRUE(playOnJack(server));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_session->audibleStep() > 3.0; }, 10'000)) << m_session->audibleStep();

    test::JackTransportTool other(server);
    ASSERT_TRUE(other.started()) << "jack_transport is in jackd2";
    other.say("stop\n");
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_session->isPlaying(); }, 5'000)) << "another app's stop";
    EXPECT_TRUE(m_session->isPaused()) << "paused where the transport stands, not back to the start";
    other.say("play\n");
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_session->isPlaying() && m_session->audibleStep() >= 0; }, 5'000))
        << "another app's start";
    const double resumedAt = m_session->audibleStep();
    EXPECT_GT(resumedAt, 2.0) << "on from where the transport was";

    // Lending the device (the timing coach's take) stops here only: JACK's transport rolls on
    // for the other apps; the transport rolling (started again by another app meanwhile) does
    // not take the device back during the take; once it is returned, following rejoins.
    m_session->lendDevice();
    EXPECT_FALSE(m_session->isPlaying());
    {
        auto probe = audio::JackTransport::open(audio::JackTransport::Role::Follow, 120.0);
        ASSERT_TRUE(probe.has_value()) << probe.error().toString();
        EXPECT_TRUE((*probe)->rollingNow()) << "JACK's transport was stopped for every app";
    }
    other.say("stop\n");
    QTest::qWait(300);
    other.say("play\n");
    QTest::qWait(1500);
    EXPECT_FALSE(m_session->isPlaying()) << "the device was taken back from the take";
    m_session->returnDevice();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_session->isPlaying(); }, 5'000)) << "rejoined the rolling transport";
    // Joined that way (the transport's start opened the device), a second take and back: again.
    m_session->lendDevice();
    QTest::qWait(300);
    m_session->returnDevice();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_session->isPlaying(); }, 5'000)) << "rejoined after a second take";

    // Off: the machine goes on by itself.
    EXPECT_TRUE(m_session->setJackTransport(ui::JackTransportRole::Off));
    const double before = m_session->audibleStep();
    QTest::qWait(600);
    EXPECT_TRUE(m_session->isPlaying());
    EXPECT_GT(m_session->audibleStep(), before) << "playing on without the transport";
    m_session->stop();
}

// MIDI out in the app: refused with the way out while the driver is not JACK; with it, the
// clock and the groove's notes reach another app's MIDI input while playing (Start, ticks,
// notes on General MIDI's channels), and a pause or lending the device ends every note held
// (nothing left sounding in the synth); off, nothing more is sent.
TEST_F(BeatSessionTest, MidiOutSendsTheClockAndTheNotesAndLeavesNoNoteSounding)
{
    const QString server = QStringLiteral("bandmate-sessionmidi-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer& jack = startJack(server);
    ASSERT_TRUE(jack.started());
    qputenv("JACK_DEFAULT_SERVER", server.toUtf8());
    qputenv("JACK_NO_START_SERVER", "1");
    QProcess synth;  // another app's MIDI input, recording what reaches it
    ASSERT_TRUE(test::startReadyClient(synth, QStringLiteral(BANDMATE_CLOCK_SOURCE), {QStringLiteral("synth"), QStringLiteral("120")}));
    const ui::MidiOutSettings midi{QStringLiteral("synth:in"), QStringLiteral("synth:in"), -1, true};
    QSignalSpy errors(m_session.get(), &BeatSession::errorOccurred);
    EXPECT_FALSE(m_session->setMidiOut(midi));
    ASSERT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.at(0).at(0).toString().contains(QStringLiteral("JACK driver"))) << errors.at(0).at(0).toString().toStdString();
    EXPECT_EQ(m_session->midiOut(), ui::MidiOutSettings{});

    ASSERT_TRUE(playOnJack(server)) << jack.log().toStdString();
    ASSERT_TRUE(m_session->setMidiOut(midi)) << errors.value(1).value(0).toString().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_session->midiOutCounts().notes > 20; }, 10'000));
    m_session->pause();
    QTest::qWait(300);
    m_session->play();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_session->midiOutCounts().notes > 40; }, 10'000));
    m_session->lendDevice();  // the timing coach's take: the device stops at once
    QTest::qWait(300);
    m_session->returnDevice();
    EXPECT_TRUE(m_session->setMidiOut({}));
    const auto counts = m_session->midiOutCounts();
    EXPECT_EQ(counts.notes, 0u) << "off";
    QTest::qWait(300);
    synth.write("quit\n");
    ASSERT_TRUE(synth.waitForFinished(10'000));

    int starts = 0;
    int stops = 0;
    int ticks = 0;
    int percussion = 0;
    std::map<std::pair<int, int>, int> sounding;
    for (const QByteArray& line : synth.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> words = line.split(' ');
        if (words.value(0) != "R" || words.size() < 3) {
            continue;
        }
        const int status = words.at(2).toInt(nullptr, 16);
        starts += status == 0xFA || status == 0xFB ? 1 : 0;  // joined mid-song: Song Position and Continue
        stops += status == 0xFC ? 1 : 0;
        ticks += status == 0xF8 ? 1 : 0;
        if ((status & 0xE0) == 0x80 && words.size() == 5) {
            const bool on = (status & 0xF0) == 0x90 && words.at(4).toInt(nullptr, 16) > 0;
            sounding[{status & 0x0F, words.at(3).toInt(nullptr, 16)}] += on ? 1 : -1;
            percussion += on && (status & 0x0F) == 9 ? 1 : 0;
        }
    }
    EXPECT_GE(starts, 2) << "joining, and playing on after the pause";
    EXPECT_GE(stops, 2) << "the pause and the lent device";
    EXPECT_GT(ticks, 24 * 2);
    EXPECT_GT(percussion, 10) << "drums on channel 10";
    for (const auto& [key, count] : sounding) {
        EXPECT_EQ(count, 0) << "channel " << key.first + 1 << " key " << key.second << " left sounding";
    }
}

// Following a MIDI clock in the app: refused with the way out while the driver is not JACK;
// with it, Play waits for the sender's Start, the sender's Start plays the groove at its tempo,
// its Stop pauses it where it stands and its Continue plays on; a clock that stops coming is
// lost (said, and paused); Pause here stands still until the sender's next Start; turned off,
// the machine plays by itself.
TEST_F(BeatSessionTest, FollowingAMidiClockPlaysAndPausesWithItsSender)
{
    const QString server = QStringLiteral("bandmate-sessionclock-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer& jack = startJack(server);
    ASSERT_TRUE(jack.started());
    qputenv("JACK_DEFAULT_SERVER", server.toUtf8());
    qputenv("JACK_NO_START_SERVER", "1");
    QProcess sender;  // a drum machine's clock, running before its song starts
    ASSERT_TRUE(test::startReadyClient(sender, QStringLiteral(BANDMATE_CLOCK_SOURCE),
                                       {QStringLiteral("drums"), QStringLiteral("97.3"), QStringLiteral("300")}));
    const auto tell = [&](const char* line) {
        sender.write(line);
        sender.waitForBytesWritten(1'000);
    };
    QSignalSpy errors(m_session.get(), &BeatSession::errorOccurred);
    EXPECT_FALSE(m_session->setMidiClockIn(QStringLiteral("drums:out")));
    ASSERT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.at(0).at(0).toString().contains(QStringLiteral("JACK driver"))) << errors.at(0).at(0).toString().toStdString();
    EXPECT_EQ(m_session->midiClockState(), BeatSession::MidiClockState::Off);

    ASSERT_TRUE(playOnJack(server)) << jack.log().toStdString();  // playing by itself first
    ASSERT_TRUE(m_session->setMidiClockIn(QStringLiteral("drums:out")));
    EXPECT_TRUE(m_session->followsOutsideClock());
    // Playing until now: armed for the sender's Start, not playing (nor practising) meanwhile.
    EXPECT_FALSE(m_session->isPlaying());
    EXPECT_TRUE(m_session->waitsForMidiClock());
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_session->midiClockState() == BeatSession::MidiClockState::Waiting; }, 5'000));
    QSignalSpy practiced(m_session.get(), &BeatSession::practiceRecorded);
    m_session->setMinimumPracticeSeconds(0.5);
    QTest::qWait(1500);

    QElapsedTimer played;
    tell("start\n");
    played.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_session->midiClockState() == BeatSession::MidiClockState::Following; }, 5'000));
    EXPECT_TRUE(m_session->isPlaying());
    EXPECT_FALSE(m_session->waitsForMidiClock());
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_session->audibleStep() > 2.0; }, 5'000)) << m_session->audibleStep();
    EXPECT_TRUE(QTest::qWaitFor([&] { return std::abs(m_session->playingBpm() - 97.3) < 0.3; }, 5'000)) << m_session->playingBpm();
    QTest::qWait(1500);  // practice worth logging (a second at least)

    tell("stop\n");
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_session->isPlaying(); }, 5'000)) << "the sender's Stop";
    EXPECT_TRUE(m_session->isPaused());
    const double stoppedAt = m_session->audibleStep();
    tell("continue\n");
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_session->isPlaying(); }, 5'000)) << "the sender's Continue";
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_session->audibleStep() > stoppedAt + 1.0; }, 5'000));

    // Paused here: standing still while the sender plays on, until Play.
    m_session->pause();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_session->midiClockState() == BeatSession::MidiClockState::Held; }, 5'000));
    QTest::qWait(600);
    EXPECT_FALSE(m_session->isPlaying()) << "the sender's clock did not take the pause back";
    ASSERT_TRUE(m_session->play());
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_session->midiClockState() == BeatSession::MidiClockState::Following; }, 5'000));
    m_session->stop();
    const double playedSeconds = static_cast<double>(played.elapsed()) / 1000.0;
    ASSERT_FALSE(practiced.isEmpty());
    EXPECT_LT(practiced.last().at(0).toDouble(), playedSeconds) << "the wait for the Start is no practice";
    EXPECT_GT(practiced.last().at(0).toDouble(), 1.5);

    // Stopped here, the sender stops and starts again while the timing coach has the device:
    // once it is back, the groove joins the sender where it is.
    tell("stop\n");
    QTest::qWait(300);
    m_session->lendDevice();
    tell("start\n");
    QTest::qWait(800);
    EXPECT_FALSE(m_session->isPlaying()) << "the device stays lent";
    m_session->returnDevice();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_session->midiClockState() == BeatSession::MidiClockState::Following; }, 8'000))
        << "the sender's Start heard while the device was lent";
    EXPECT_TRUE(m_session->isPlaying());

    const int before = static_cast<int>(errors.count());
    tell("silence\n");  // a pulled cable
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_session->midiClockState() == BeatSession::MidiClockState::Lost; }, 5'000));
    EXPECT_FALSE(m_session->isPlaying());
    ASSERT_GT(errors.count(), before);
    EXPECT_TRUE(errors.last().at(0).toString().contains(QStringLiteral("lost"))) << errors.last().at(0).toString().toStdString();

    // Off: the machine plays by itself again.
    tell("resume\n");
    EXPECT_TRUE(m_session->setMidiClockIn(QString()));
    EXPECT_EQ(m_session->midiClockState(), BeatSession::MidiClockState::Off);
    EXPECT_FALSE(m_session->followsOutsideClock());
    ASSERT_TRUE(m_session->play());
    const double alone = m_session->audibleStep();
    EXPECT_TRUE(QTest::qWaitFor([&] { return m_session->audibleStep() > alone + 1.0; }, 5'000));
    m_session->stop();
    tell("quit\n");
    sender.waitForFinished(5'000);
}
