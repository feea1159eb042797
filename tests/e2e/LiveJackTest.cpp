// Live playback without hardware: a private JACK server on the dummy backend (64-frame periods
// at 48 kHz), and bandmate-cli playing the full example machine through JUCE's JACK driver.
#include "audio/device/LivePlayer.h"
#include "audio/engine/Engine.h"
#include "tests/audio/EngineSupport.h"
#include "tests/e2e/CliRunner.h"
#include "tests/support/JackServer.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

using namespace bandmate;

namespace {

/// Points this process's JACK clients at `server` and waits until it accepts them.
core::Result<std::unique_ptr<audio::LivePlayer>> openWhenReady(const QString& server)
{
    qputenv("JACK_DEFAULT_SERVER", server.toUtf8());
    qputenv("JACK_NO_START_SERVER", "1");
    audio::DeviceSettings settings;
    settings.driver = "JACK";
    auto player = audio::LivePlayer::openNonRealTime(settings);
    for (int attempt = 0; attempt < 40 && !player; ++attempt) {
        QThread::msleep(250);
        player = audio::LivePlayer::openNonRealTime(settings);
    }
    return player;
}

}  // namespace

// The decision in LivePlayer.h: JUCE's MessageManager exists on the Qt thread but its loop never
// runs; the device thread drives the engine and Qt reads atomics from a timer. Here a Qt event
// loop runs for two seconds while JACK calls the engine, and both make progress.
TEST(LiveJack, QtEventLoopAndJuceDeviceThreadRunTogether)
{
    const QString server = QStringLiteral("bandmate-qt-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer jack(server);
    ASSERT_TRUE(jack.started());
    auto player = openWhenReady(server);
    ASSERT_TRUE(player.has_value()) << player.error().toString() << "\njackd:\n" << jack.log().toStdString();
    const audio::DeviceInfo info = (*player)->info();
    EXPECT_EQ(info.bufferFrames, 64);

    auto machine = test::exampleMachine();
    std::vector<audio::Sample> samples;
    for (const auto& name : core::beats::allSampleNames(machine)) {
        samples.push_back({name, {0.1f}, {}});
    }
    const auto kit = audio::Kit::fromSamples("impulses", std::move(samples), info.sampleRate);
    audio::Engine engine;
    engine.prepareNonRealTime(info.sampleRate);
    engine.setPattern(audio::Pattern::build(core::beats::compileMachine(machine), kit));
    engine.setTempo(machine.bpm);
    engine.play();
    (*player)->start(engine);

    QEventLoop loop;
    QTimer poll;
    int ticks = 0;
    double lastStep = -1.0;
    bool monotonic = true;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        ++ticks;
        const double step = engine.playheadStep();
        monotonic = monotonic && step >= lastStep;
        lastStep = step;
        engine.releaseRetiredNonRealTime();
    });
    poll.start(20);
    QTimer::singleShot(2000, &loop, &QEventLoop::quit);
    loop.exec();
    (*player)->stop();

    EXPECT_GE(ticks, 20) << "the Qt loop kept running";
    EXPECT_TRUE(monotonic);
    EXPECT_GT(lastStep, 4.0) << "the engine advanced (120 BPM: 4 eighths a second)";
    EXPECT_GT((*player)->load().callbacks, 1000u);
    EXPECT_LE((*player)->load().overruns, 1u) << "one is the virtual machine's host (see the ten-second test)";
}

TEST(LiveJack, PlaysTheFullExampleMachineForTenSecondsWithoutOverruns)
{
    ASSERT_FALSE(QStandardPaths::findExecutable(QStringLiteral("jackd")).isEmpty())
        << "jackd is missing: it is in packaging/debian-packages.txt (jackd2)";
    test::TempDir dir;
    const QString kit = test::writeImpulseKit(dir, 0.2f);
    const QString server = QStringLiteral("bandmate-test-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer jack(server);
    ASSERT_TRUE(jack.started());
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("JACK_DEFAULT_SERVER"), server);
    env.insert(QStringLiteral("JACK_NO_START_SERVER"), QStringLiteral("1"));

    // The server takes a moment to come up: retry while it says there is no device yet.
    test::CliRun run;
    for (int attempt = 0; attempt < 40; ++attempt) {
        run = test::runCli({QStringLiteral("play"), test::exampleMachinePath(), QStringLiteral("--kit"), kit,
                            QStringLiteral("--driver"), QStringLiteral("JACK"), QStringLiteral("--enable"),
                            QStringLiteral("piano"), QStringLiteral("--seconds"), QStringLiteral("10"),
                            QStringLiteral("--json")},
                           env, 60'000);
        if (run.exitCode == 0 || !run.err.contains(QStringLiteral("no output device"))) {
            break;
        }
        QThread::msleep(250);
    }
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString() << "\njackd:\n" << jack.log().toStdString();
    const QJsonObject json = run.json();
    EXPECT_EQ(json.value(QStringLiteral("driver")).toString(), QStringLiteral("JACK"));
    EXPECT_EQ(json.value(QStringLiteral("sampleRate")).toDouble(), 48000.0);
    EXPECT_EQ(json.value(QStringLiteral("bufferFrames")).toInt(), 64);
    EXPECT_GT(json.value(QStringLiteral("outputLatencyMs")).toDouble(), 0.0);
    // 10 s of 64-frame periods is 7500 callbacks; allow for start-up.
    EXPECT_GE(json.value(QStringLiteral("callbacks")).toInteger(), 6750);
    EXPECT_GE(json.value(QStringLiteral("framesPlayed")).toInteger(), 432'000);
    EXPECT_GT(json.value(QStringLiteral("notes")).toInteger(), 100);
    // Xruns Bandmate causes are callbacks whose own CPU time overruns their period. Wall-clock
    // lateness and JACK's own count also include the OS giving the CPU to others on a busy
    // 2-core machine (the dummy server is not real-time), so they are reported, not asserted.
    // On this virtual machine the host now and then takes the CPU for a few milliseconds, and
    // the guest counts that time as the thread's own (one callback of 7,500 at 1.7 periods while
    // the median is 0.005; a full suite running beside it has shown two in one run): a few such
    // callbacks in a run are the machine, not the engine. Work in the callback that does not fit
    // (allocation and locks are caught by the counting allocator test) would overrun on every
    // bar, hundreds of times; five in 7,500 (0.07 %) keeps that apart from the host.
    EXPECT_LE(json.value(QStringLiteral("overruns")).toInteger(), 5);
    EXPECT_LT(json.value(QStringLiteral("loadP99")).toDouble(), 0.5);
    RecordProperty("driverXruns", json.value(QStringLiteral("driverXruns")).toInt());
    RecordProperty("loadP99", QString::number(json.value(QStringLiteral("loadP99")).toDouble()).toStdString());
    std::printf("JACK dummy, 64 frames: %lld callbacks, load p50 %.3f p99 %.3f max %.3f, late %lld, driver xruns %d\n",
                static_cast<long long>(json.value(QStringLiteral("callbacks")).toInteger()),
                json.value(QStringLiteral("loadP50")).toDouble(), json.value(QStringLiteral("loadP99")).toDouble(),
                json.value(QStringLiteral("loadMax")).toDouble(),
                static_cast<long long>(json.value(QStringLiteral("lateCallbacks")).toInteger()),
                json.value(QStringLiteral("driverXruns")).toInt());
}
