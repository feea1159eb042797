// JACK transport through a private JACK server on the dummy backend, driven and read by JACK's
// own tools (jack_transport, jack_showtime from jackd2): bandmate-cli plays while the transport
// rolls, takes the tempo of the transport's timebase master, and as the master gives every JACK
// app its tempo and bar|beat|tick.
#include "tests/e2e/CliRunner.h"
#include "tests/support/JackServer.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QThread>

#include <cmath>
#include <memory>

using namespace bandmate;

namespace {

QProcessEnvironment jackEnv(const QString& server)
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("JACK_DEFAULT_SERVER"), server);
    env.insert(QStringLiteral("JACK_NO_START_SERVER"), QStringLiteral("1"));
    return env;
}

/// bandmate-cli play … --json on `server`, started once the server takes clients.
void startCli(QProcess& cli, const QString& server, const QStringList& args)
{
    cli.setProcessEnvironment(jackEnv(server));
    for (int attempt = 0; attempt < 40; ++attempt) {
        cli.start(QStringLiteral(BANDMATE_CLI), QStringList{QStringLiteral("play"), QStringLiteral("salsa")} + args);
        if (!cli.waitForFinished(1500)) {
            return;  // playing (or waiting for the transport)
        }
        QThread::msleep(250);
    }
}

/// Ends a `play --seconds 60` once the transport has stopped and the stop has been seen (the
/// test's steps, not a deadline that a busy machine could pass, decide how long it plays).
void quit(QProcess& cli)
{
    QThread::msleep(300);
    cli.write("quit\n");
    cli.waitForBytesWritten(1'000);
}

QJsonObject finish(QProcess& cli)
{
    EXPECT_TRUE(cli.waitForFinished(30'000));
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    EXPECT_EQ(cli.exitCode(), 0) << err.toStdString();
    const auto json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    EXPECT_FALSE(json.isEmpty()) << err.toStdString();
    return json;
}

/// Seconds the engine played between its first start and the stop after it.
double secondsRolled(const QJsonObject& json)
{
    qint64 started = -1;
    for (const auto& change : json.value(QStringLiteral("transport_changes")).toArray()) {
        const auto object = change.toObject();
        const bool playing = object.value(QStringLiteral("playing")).toBool();
        const qint64 at = object.value(QStringLiteral("host_us")).toInteger();
        if (playing && started < 0) {
            started = at;
        } else if (!playing && started >= 0) {
            return static_cast<double>(at - started) / 1e6;
        }
    }
    return -1.0;
}

}  // namespace

// No timebase master: Bandmate waits for the transport, plays while it rolls at its own tempo
// counted from the transport's frame, and stops with it. A tempo typed while it rolls goes on from
// where the beat is (not the whole song rescaled from frame 0, which would jump back and replay).
TEST(JackTransport, FollowingPlaysOnlyWhileTheTransportRolls)
{
    const QString server = QStringLiteral("bandmate-transport-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer jack(server, 256);
    ASSERT_TRUE(jack.started()) << jack.log().toStdString();
    QProcess cli;
    startCli(cli, server, {QStringLiteral("--jack-transport"), QStringLiteral("follow"), QStringLiteral("--bpm"),
                           QStringLiteral("120"), QStringLiteral("--seconds"), QStringLiteral("60"), QStringLiteral("--json")});
    ASSERT_EQ(cli.state(), QProcess::Running) << cli.readAllStandardError().toStdString();
    {
        test::JackTransportTool tool(server);
        EXPECT_TRUE(tool.started()) << "jack_transport is in jackd2 (packaging/debian-packages.txt)";
        QThread::msleep(500);
        tool.say("play\n");
        QThread::msleep(1500);
        cli.write("tempo 60\n");
        cli.waitForBytesWritten(1'000);
        QThread::msleep(1500);
        tool.say("stop\n");
    }
    quit(cli);
    const QJsonObject json = finish(cli);
    EXPECT_EQ(json.value(QStringLiteral("jack_transport")).toString(), QStringLiteral("follow"));
    const double rolled = secondsRolled(json);
    ASSERT_GT(rolled, 2.0) << "started and stopped with the transport";
    qint64 started = 0;
    for (const auto& change : json.value(QStringLiteral("transport_changes")).toArray()) {
        if (change.toObject().value(QStringLiteral("playing")).toBool()) {
            started = change.toObject().value(QStringLiteral("host_us")).toInteger();
            break;
        }
    }
    qint64 slower = 0;
    for (const auto& change : json.value(QStringLiteral("tempo_changes")).toArray()) {
        if (std::abs(change.toObject().value(QStringLiteral("bpm")).toDouble() - 60.0) < 0.01) {
            slower = change.toObject().value(QStringLiteral("host_us")).toInteger();
        }
    }
    ASSERT_GT(slower, started) << "the tempo typed while rolling";
    const double at120 = static_cast<double>(slower - started) / 1e6;
    const double expected = at120 * 2.0 + (rolled - at120) * 1.0;
    const double beats = json.value(QStringLiteral("beats_played")).toDouble();
    std::printf("rolled %.2f s (%.2f s at 120 BPM, the rest at 60), played %.2f beats, %.2f expected\n", rolled, at120,
                beats, expected);
    // The dummy backend runs in wall time but slows down on a busy machine: the wall clock gives
    // an upper bound (a song rescaled at the tempo change would replay 1.6 beats beyond it), the
    // frames rolled a lower one (at least 60 BPM all along).
    EXPECT_LE(beats, expected + 0.75) << "none before or after rolling, none replayed at the tempo change";
    EXPECT_GE(beats, json.value(QStringLiteral("framesPlayed")).toDouble() / 48000.0 - 0.5);
    EXPECT_NEAR(json.value(QStringLiteral("tempo")).toDouble(), 60.0, 0.01);
}

// The JACK server goes away while Bandmate follows its transport: one clear error, not a
// groove that goes on "playing" a frozen transport into nowhere.
TEST(JackTransport, AServerThatGoesAwayEndsPlayWithOneClearError)
{
    const QString server = QStringLiteral("bandmate-transport-gone-%1").arg(QCoreApplication::applicationPid());
    auto jack = std::make_unique<test::DummyJackServer>(server, 256);
    ASSERT_TRUE(jack->started()) << jack->log().toStdString();
    QProcess cli;
    startCli(cli, server, {QStringLiteral("--jack-transport"), QStringLiteral("follow"), QStringLiteral("--seconds"),
                           QStringLiteral("20")});
    ASSERT_EQ(cli.state(), QProcess::Running) << cli.readAllStandardError().toStdString();
    QThread::msleep(1000);
    jack.reset();  // the server ends
    ASSERT_TRUE(cli.waitForFinished(10'000)) << "still playing after its server went";
    EXPECT_EQ(cli.exitStatus(), QProcess::NormalExit);
    EXPECT_NE(cli.exitCode(), 0);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    EXPECT_TRUE(err.contains(QStringLiteral("--jack-transport: the JACK server went away"))) << err.toStdString();
}

// jack_transport as the timebase master at 97.3 BPM: Bandmate takes its tempo.
TEST(JackTransport, FollowingTakesTheTimebaseMastersTempo)
{
    const QString server = QStringLiteral("bandmate-transport-m-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer jack(server, 256);
    ASSERT_TRUE(jack.started()) << jack.log().toStdString();
    QProcess cli;
    startCli(cli, server, {QStringLiteral("--jack-transport"), QStringLiteral("follow"), QStringLiteral("--bpm"),
                           QStringLiteral("150"), QStringLiteral("--seconds"), QStringLiteral("60"), QStringLiteral("--json")});
    ASSERT_EQ(cli.state(), QProcess::Running) << cli.readAllStandardError().toStdString();
    {
        test::JackTransportTool tool(server);
        EXPECT_TRUE(tool.started()) << "jack_transport is in jackd2 (packaging/debian-packages.txt)";
        tool.say("master\n");
        tool.say("tempo 97.3\n");
        tool.say("play\n");
        QThread::msleep(3000);
        tool.say("stop\n");
    }
    quit(cli);
    const QJsonObject json = finish(cli);
    EXPECT_NEAR(json.value(QStringLiteral("tempo")).toDouble(), 97.3, 0.01) << "the master's, not its own 150";
    const double rolled = secondsRolled(json);
    ASSERT_GT(rolled, 2.0);
    // At the master's tempo for every frame rolled (frames, not wall time: the dummy backend slows
    // down on a busy machine).
    EXPECT_NEAR(json.value(QStringLiteral("beats_played")).toDouble(),
                json.value(QStringLiteral("framesPlayed")).toDouble() / 48000.0 * 97.3 / 60.0, 0.6);
}

// Bandmate as the timebase master at 97.3 BPM: jack_showtime, another JACK app, reads its
// bar|beat|tick, and they count 97.3 beats a minute of the transport's frames.
TEST(JackTransport, AsTheMasterItGivesEveryJackAppItsTempoAndBars)
{
    const QString server = QStringLiteral("bandmate-transport-b-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer jack(server, 256);
    ASSERT_TRUE(jack.started()) << jack.log().toStdString();
    QProcess cli;
    startCli(cli, server, {QStringLiteral("--jack-transport"), QStringLiteral("master"), QStringLiteral("--bpm"),
                           QStringLiteral("97.3"), QStringLiteral("--seconds"), QStringLiteral("60"), QStringLiteral("--json")});
    ASSERT_EQ(cli.state(), QProcess::Running) << cli.readAllStandardError().toStdString();
    QProcess showtime;
    showtime.setProcessEnvironment(jackEnv(server));
    // Into a file: it prints thousands of lines a second, which a pipe nobody reads meanwhile
    // would hold back after its first 64 KiB.
    test::TempDir dir;
    const QString shown = dir.file(QStringLiteral("showtime.txt"));
    showtime.setStandardOutputFile(shown);
    // Line by line (a pipe is otherwise block-buffered, and the tool never ends by itself).
    showtime.start(QStringLiteral("stdbuf"), {QStringLiteral("-oL"), QStringLiteral("jack_showtime")});
    ASSERT_TRUE(showtime.waitForStarted(5'000));
    QThread::msleep(500);
    cli.write("start\n");  // Bandmate starts every JACK app's transport
    cli.waitForBytesWritten(1'000);
    QThread::msleep(2500);
    cli.write("stop\n");
    cli.waitForBytesWritten(1'000);
    QThread::msleep(300);
    showtime.kill();
    showtime.waitForFinished(5'000);
    quit(cli);
    const QJsonObject json = finish(cli);
    EXPECT_EQ(json.value(QStringLiteral("jack_transport")).toString(), QStringLiteral("master"));
    EXPECT_GT(json.value(QStringLiteral("beats_played")).toDouble(), 2.0) << "it played while rolling";

    // "frame = N … state: Rolling … BBT: bar|beat|tick" lines.
    const QRegularExpression line(QStringLiteral(R"(frame = (\d+).*Rolling.*BBT:\s*(\d+)\|(\d+)\|(\d+))"));
    int rolling = 0;
    double worst = 0.0;
    double furthest = 0.0;
    QFile file(shown);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    for (const QString& text : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        const auto match = line.match(text);
        if (!match.hasMatch()) {
            continue;
        }
        ++rolling;
        const double frame = match.captured(1).toDouble();
        const int bar = match.captured(2).toInt();
        const double beats = (bar - 1) * 4.0 + (match.captured(3).toInt() - 1) + match.captured(4).toInt() / 1920.0;
        worst = std::max(worst, std::abs(beats - frame / 48000.0 * 97.3 / 60.0));
        furthest = std::max(furthest, beats);
    }
    std::printf("jack_showtime saw %d rolling positions; worst bar|beat|tick against the frame: %.4f beats; up to beat %.2f\n",
                rolling, worst, furthest);
    ASSERT_GT(rolling, 10) << "jack_showtime read the transport";
    EXPECT_LT(worst, 0.01) << "bar|beat|tick counts 97.3 BPM of the transport's frames";
    // The dummy backend runs in wall time and slows down when the machine is busy: beats counted,
    // not a bar reached by a deadline.
    EXPECT_GT(furthest, 1.0);
}
