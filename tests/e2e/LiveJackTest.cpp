// Live playback without hardware: a private JACK server on the dummy backend (64-frame periods
// at 48 kHz), and bandmate-cli playing the full example machine through JUCE's JACK driver.
#include "audio/coach/Calibration.h"
#include "audio/coach/LiveTake.h"
#include "core/beats/BuiltinMachines.h"
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
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

using namespace bandmate;

namespace {

/// Points this process's JACK clients at `server` and waits until it accepts them.
core::Result<std::unique_ptr<audio::LivePlayer>> openWhenReady(const QString& server, audio::DeviceSettings settings = {})
{
    qputenv("JACK_DEFAULT_SERVER", server.toUtf8());
    qputenv("JACK_NO_START_SERVER", "1");
    settings.driver = "JACK";
    auto player = audio::LivePlayer::openNonRealTime(settings);
    for (int attempt = 0; attempt < 40 && !player; ++attempt) {
        QThread::msleep(250);
        player = audio::LivePlayer::openNonRealTime(settings);
    }
    return player;
}

}  // namespace

// Bandmate's output goes through the delay line back to its input. JACK runs the cycle
// Bandmate → delay line → Bandmate by holding one connection a period back, so the round trip
// is the line's delay plus one 64-frame period; calibration must find it within a block.
TEST(LiveJack, CalibrationMeasuresTheLoopsDelayWithinOneBlock)
{
    constexpr int kDelay = 1000;
    test::Loop loop("cal", kDelay, 0.5);
    ASSERT_TRUE(loop.ready()) << loop.jack.log().toStdString();
    auto player = openWhenReady(loop.server, test::Loop::settings());
    ASSERT_TRUE(player.has_value()) << player.error().toString() << "\njackd:\n" << loop.jack.log().toStdString();
    EXPECT_EQ((*player)->info().inputDevice, "bandmate-room");
    EXPECT_EQ((*player)->info().inputChannel, 0);
    const int period = (*player)->info().bufferFrames;
    ASSERT_EQ(period, 64);

    auto trip = audio::measureRoundTripNonRealTime(**player);
    ASSERT_TRUE(trip.has_value()) << trip.error().toString();
    std::printf("round trip through a %d-frame delay line: %lld frames (%.2f ms), %d of %d clicks, spread %.3f ms\n",
                kDelay, static_cast<long long>(trip->frames), trip->ms(), trip->clicksHeard, trip->clicksPlayed,
                trip->spreadMs);
    EXPECT_NEAR(static_cast<double>(trip->frames), kDelay + period, period);
    // A dropout of the dummy backend (see the live take below) can spoil a click; the rest agree.
    EXPECT_GE(trip->clicksHeard, 6);
    EXPECT_GT((*player)->takeInputPeak(), -1.0f);
}

// The live test: calibrate through the loop, then a live take in which the machine plays
// the clave itself (the part a player would play), and it comes back through the loop as the
// take. Scored with the measured round trip, every hit lands within ±3 ms.
TEST(LiveJack, ALiveTakeOfTheEnginesOwnClaveScoresEveryHitWithinThreeMs)
{
    test::Loop loop("take", 1500, 0.7);
    ASSERT_TRUE(loop.ready()) << loop.jack.log().toStdString();
    auto player = openWhenReady(loop.server, test::Loop::settings());
    ASSERT_TRUE(player.has_value()) << player.error().toString() << "\njackd:\n" << loop.jack.log().toStdString();
    auto trip = audio::measureRoundTripNonRealTime(**player);
    ASSERT_TRUE(trip.has_value()) << trip.error().toString();

    audio::LiveTakeRequest request;
    auto machine = core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    ASSERT_TRUE(machine.has_value());
    for (auto& instrument : machine->instruments) {
        instrument.enabled = instrument.id == "clave";
    }
    machine->bpm = 120.0;
    request.take.machine = *machine;
    request.take.part = "clave";
    request.take.latencyMs = trip->ms();
    request.take.toleranceMs = 3.0;
    request.bars = 4;
    request.playPart = true;
    int progressCalls = 0;
    double lastProgress = 0.0;
    audio::LiveProgress halfWay;  // the marks as they stood half way through the take
    audio::LiveProgress atEnd;
    auto result = audio::recordTakeNonRealTime(**player, request, [&](double done, const audio::LiveProgress& heard) {
        ++progressCalls;
        lastProgress = done;
        if (done <= 0.6) {
            halfWay = heard;
        }
        atEnd = heard;
        return true;
    });
    ASSERT_TRUE(result.has_value()) << result.error().toString();
    const core::coach::TakeScore& score = result->score;
    std::printf("live clave take at 120 BPM through a %lld-frame round trip: %d matched, %d missed, %d extra, "
                "mean %.2f ms, spread %.2f ms, accuracy ±3 ms %.3f\n",
                static_cast<long long>(trip->frames), score.matched, score.missed, score.extra, score.meanOffsetMs,
                score.spreadMs, score.accuracy);
    EXPECT_EQ(score.matched, 10) << "four bars: two clave cycles of five strokes";
    EXPECT_EQ(score.missed, 0);
    // A dropout of the dummy backend during a stroke can read as a hit of its own (see below).
    EXPECT_LE(score.extra, result->dropouts) << "the count-in's clicks are not the take's";
    EXPECT_GE(score.accuracy, 0.99);
    EXPECT_LT(std::abs(score.meanOffsetMs), 1.5);
    EXPECT_GT(progressCalls, 10);
    EXPECT_NEAR(lastProgress, 1.0, 1e-9);
    EXPECT_NEAR(result->latencyMs, trip->ms(), 1e-9);

    // Marked while it played: half way through, the first bars' strokes were on the grid already,
    // each where the take's score puts it afterwards.
    const auto marked = [](const audio::LiveProgress& heard) {
        return std::count_if(heard.marks.begin(), heard.marks.end(), [](const auto& hit) { return hit.offsetMs.has_value(); });
    };
    EXPECT_GE(marked(halfWay), 3) << "heard up to " << halfWay.heardMs << " ms";
    EXPECT_GE(halfWay.tally.matched, 2);
    EXPECT_EQ(atEnd.tally.matched + atEnd.tally.missed, 10) << "every stroke's window closed by the end";
    EXPECT_EQ(atEnd.tally.matched, score.matched);
    EXPECT_NEAR(atEnd.tally.accuracy, score.accuracy, 1e-9);
    ASSERT_EQ(atEnd.marks.size(), score.hits.size());
    for (size_t i = 0; i < score.hits.size(); ++i) {
        ASSERT_EQ(atEnd.marks[i].offsetMs.has_value(), score.hits[i].offsetMs.has_value()) << i;
        if (score.hits[i].offsetMs) {
            EXPECT_NEAR(*atEnd.marks[i].offsetMs, *score.hits[i].offsetMs, 0.5) << "stroke " << i;
        }
    }
}

// bandmate-cli coach calibrate and coach live against the same kind of loop.
TEST(LiveJack, TheCommandLineCalibratesAndRecordsALiveTake)
{
    test::Loop loop("clicoach", 1000, 0.5, 256);  // (far fewer dropouts than at 64)
    ASSERT_TRUE(loop.ready()) << loop.jack.log().toStdString();
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("JACK_DEFAULT_SERVER"), loop.server);
    env.insert(QStringLiteral("JACK_NO_START_SERVER"), QStringLiteral("1"));
    const QStringList devices{QStringLiteral("--driver"), QStringLiteral("JACK"), QStringLiteral("--device"),
                           QStringLiteral("bandmate-room"), QStringLiteral("--input-device"), QStringLiteral("bandmate-room")};
    test::CliRun run = test::runCli(QStringList{QStringLiteral("coach"), QStringLiteral("calibrate"), QStringLiteral("--json")} + devices, env, 60'000);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString() << "\njackd:\n" << loop.jack.log().toStdString();
    QJsonObject json = run.json();
    EXPECT_NEAR(json.value(QStringLiteral("round_trip_frames")).toDouble(), 1256.0, 256.0);
    EXPECT_GE(json.value(QStringLiteral("clicks_heard")).toInt(), 6);
    EXPECT_EQ(json.value(QStringLiteral("input_channel")).toInt(), 1);

    // The machine without the clave comes back through the loop as the "microphone": the bleed is
    // found and taken off, and nothing of it counts as the player's hits.
    test::TempDir dir;
    const QString flac = dir.file(QStringLiteral("take.flac"));
    run = test::runCli(QStringList{QStringLiteral("coach"), QStringLiteral("live"), QStringLiteral("salsa"), QStringLiteral("--part"),
                                   QStringLiteral("clave"), QStringLiteral("--bars"), QStringLiteral("2"), QStringLiteral("--calibrate"),
                                   QStringLiteral("--keep-recording"), flac, QStringLiteral("--json")}
                           + devices,
                       env, 60'000);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString() << "\njackd:\n" << loop.jack.log().toStdString();
    json = run.json();
    EXPECT_EQ(json.value(QStringLiteral("input")).toString(), QStringLiteral("live"));
    EXPECT_TRUE(json.value(QStringLiteral("calibrated")).toBool());
    EXPECT_NEAR(json.value(QStringLiteral("latency_ms")).toDouble(), 1256.0 / 48.0, 256.0 / 48.0);
    // The dummy backend, not being real-time, drops a period now and then on this machine (the
    // ten-second test counts ~100 xruns): each is a glitch in the take, and the coach reports them.
    const int dropouts = json.value(QStringLiteral("dropouts")).toInt();
    EXPECT_LE(json.value(QStringLiteral("matched")).toInt() + json.value(QStringLiteral("extra")).toInt(), dropouts)
        << run.out.toStdString();
    EXPECT_EQ(json.value(QStringLiteral("matched")).toInt() + json.value(QStringLiteral("missed")).toInt(), 5)
        << "two bars: one clave cycle";
    EXPECT_TRUE(json.value(QStringLiteral("bleed")).isObject()) << "the backing was found in the take";
    EXPECT_EQ(json.value(QStringLiteral("recording")).toString(), QFileInfo(flac).absoluteFilePath());
    EXPECT_TRUE(test::readAll(flac).startsWith("fLaC"));
    // The kept recording scores again from a file, with the round trip live used.
    const test::CliRun again = test::runCli({QStringLiteral("coach"), QStringLiteral("score"), QStringLiteral("salsa"), QStringLiteral("--part"),
                                             QStringLiteral("clave"), QStringLiteral("--input"), flac, QStringLiteral("--latency-ms"),
                                             QString::number(json.value(QStringLiteral("latency_ms")).toDouble()), QStringLiteral("--json")});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(again.json().value(QStringLiteral("hits")).toArray().size(), 5);
    std::printf("coach live, the backing through the loop: %d hits counted, %d dropouts\n",
                json.value(QStringLiteral("matched")).toInt() + json.value(QStringLiteral("extra")).toInt(), dropouts);

    // Without --json, each bar's tally as the take goes: the machine plays the clave itself here.
    run = test::runCli(QStringList{QStringLiteral("coach"), QStringLiteral("live"), QStringLiteral("salsa"), QStringLiteral("--part"),
                                   QStringLiteral("clave"), QStringLiteral("--bars"), QStringLiteral("2"), QStringLiteral("--latency-ms"),
                                   QString::number(json.value(QStringLiteral("latency_ms")).toDouble()), QStringLiteral("--play-part")}
                           + devices,
                       env, 60'000);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const qsizetype bar1 = run.out.indexOf(QStringLiteral("Bar 1: "));
    const qsizetype bar2 = run.out.indexOf(QStringLiteral("Bar 2: "));
    EXPECT_GE(bar1, 0) << run.out.toStdString();
    EXPECT_GT(bar2, bar1) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral(" within ±30 ms"))) << run.out.toStdString();
    std::printf("coach live without --json:\n%s", qPrintable(run.out));
}

// The dummy backend's capture ports are silent: listening there hears no click, and says so.
TEST(LiveJack, CalibrationWithNothingComingBackSaysSo)
{
    const QString server = QStringLiteral("bandmate-deaf-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer jack(server);
    ASSERT_TRUE(jack.started());
    audio::DeviceSettings settings;
    settings.inputDevice = "system";
    auto player = openWhenReady(server, settings);
    ASSERT_TRUE(player.has_value()) << player.error().toString() << "\njackd:\n" << jack.log().toStdString();
    auto trip = audio::measureRoundTripNonRealTime(**player);
    ASSERT_FALSE(trip.has_value());
    EXPECT_NE(trip.error().message.find("no click came back"), std::string::npos) << trip.error().toString();

    settings.inputDevice = "no-such-input";
    auto missing = audio::LivePlayer::openNonRealTime(settings);
    ASSERT_FALSE(missing.has_value());
    EXPECT_NE(missing.error().message.find("no such input device"), std::string::npos) << missing.error().toString();
    EXPECT_NE(missing.error().message.find("system"), std::string::npos) << "it lists what there is";
}

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
