// MIDI clock out through JACK, read by a program from outside the project: jack_midi_dump
// (jackd2's MIDI monitor) on a private JACK server with the dummy backend prints every message
// with its frame. 24 ticks a beat at the set tempo, Start, Stop, Song Position and Continue;
// the jitter against the ideal tick frames is measured and reported.
#include "tests/e2e/CliRunner.h"
#include "tests/support/JackServer.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace bandmate;

namespace {

struct Heard {
    double frame = 0.0;
    QList<int> bytes;
};

QProcessEnvironment jackEnv(const QString& server)
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("JACK_DEFAULT_SERVER"), server);
    env.insert(QStringLiteral("JACK_NO_START_SERVER"), QStringLiteral("1"));
    return env;
}

/// jack_midi_dump -a lines: "FRAME: f8 …" (frames since it started, the message's bytes in hex).
std::vector<Heard> readDump(const QString& path)
{
    std::vector<Heard> heard;
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    const QRegularExpression line(QStringLiteral(R"(^\s*(\d+)\s*:\s*((?:[0-9a-fA-F]{2}\b\s*)+))"));
    for (const QString& text : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        const auto match = line.match(text);
        if (!match.hasMatch()) {
            continue;
        }
        Heard message;
        message.frame = match.captured(1).toDouble();
        for (const QString& byte : match.captured(2).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            message.bytes << byte.toInt(nullptr, 16);
        }
        heard.push_back(message);
    }
    return heard;
}

}  // namespace

TEST(MidiClock, JackMidiDumpHearsTwentyFourTicksABeatStartStopAndWhereItContinues)
{
    const QString server = QStringLiteral("bandmate-midiclock-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer jack(server, 256);
    ASSERT_TRUE(jack.started()) << jack.log().toStdString();
    test::TempDir dir;
    const QString dumped = dir.file(QStringLiteral("dump.txt"));
    QProcess dump;
    dump.setProcessEnvironment(jackEnv(server));
    dump.setStandardOutputFile(dumped);
    for (int attempt = 0; attempt < 40; ++attempt) {
        dump.start(QStringLiteral("stdbuf"), {QStringLiteral("-oL"), QStringLiteral("jack_midi_dump"), QStringLiteral("-a")});
        ASSERT_TRUE(dump.waitForStarted(5'000)) << "jack_midi_dump is in jackd2 (packaging/debian-packages.txt)";
        dump.waitForFinished(1000);
        if (dump.state() == QProcess::Running) {
            break;  // listening (an exit this early: the server was not taking clients yet)
        }
        QThread::msleep(250);
    }
    ASSERT_EQ(dump.state(), QProcess::Running);

    // A port that is not there: one clear error.
    QProcess cli;
    cli.setProcessEnvironment(jackEnv(server));
    QString err;
    for (int attempt = 0; attempt < 40; ++attempt) {
        cli.start(QStringLiteral(BANDMATE_CLI), {QStringLiteral("play"), QStringLiteral("salsa"), QStringLiteral("--midi-clock-out"),
                                                  QStringLiteral("nobody:input"), QStringLiteral("--seconds"), QStringLiteral("5")});
        ASSERT_TRUE(cli.waitForFinished(15'000));
        err = QString::fromUtf8(cli.readAllStandardError());
        if (err.contains(QStringLiteral("no JACK MIDI input named"))) {
            break;
        }
        QThread::msleep(250);  // the server (or the monitor) is still starting
    }
    EXPECT_NE(cli.exitCode(), 0);
    EXPECT_EQ(err.count(QLatin1Char('\n')), 1) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("--midi-clock-out: no JACK MIDI input named \"nobody:input\""))) << err.toStdString();

    // Played at 97.3 BPM, stopped, played on from where it stopped, quit.
    for (int attempt = 0; attempt < 40; ++attempt) {
        cli.start(QStringLiteral(BANDMATE_CLI),
                  {QStringLiteral("play"), QStringLiteral("salsa"), QStringLiteral("--midi-clock-out"), QStringLiteral("midi-monitor:input"),
                   QStringLiteral("--bpm"), QStringLiteral("97.3"), QStringLiteral("--seconds"), QStringLiteral("60"), QStringLiteral("--json")});
        if (!cli.waitForFinished(4000)) {
            break;  // playing
        }
        QThread::msleep(250);
    }
    ASSERT_EQ(cli.state(), QProcess::Running) << cli.readAllStandardError().toStdString();
    QThread::msleep(3000);
    cli.write("stop\n");
    cli.waitForBytesWritten(1'000);
    QThread::msleep(700);
    cli.write("start\n");
    cli.waitForBytesWritten(1'000);
    QThread::msleep(2000);
    cli.write("quit\n");
    cli.waitForBytesWritten(1'000);
    ASSERT_TRUE(cli.waitForFinished(30'000));
    const QString cliErr = QString::fromUtf8(cli.readAllStandardError());
    ASSERT_EQ(cli.exitCode(), 0) << cliErr.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QThread::msleep(300);
    dump.kill();
    dump.waitForFinished(5'000);

    const auto heard = readDump(dumped);
    ASSERT_GT(heard.size(), 100u) << test::readAll(dumped).left(2000).toStdString();
    // The messages in order: Start, ticks, Stop, Song Position, Continue, ticks.
    std::vector<double> first;
    std::vector<double> second;
    int starts = 0;
    int stops = 0;
    int continues = 0;
    int songPosition = -1;
    for (const Heard& message : heard) {
        switch (message.bytes.value(0)) {
        case 0xFA: ++starts; break;
        case 0xFC: ++stops; break;
        case 0xFB: ++continues; break;
        case 0xF2: songPosition = message.bytes.value(1) | (message.bytes.value(2) << 7); break;
        case 0xF8:
            if (stops < 2) {
                (stops == 0 ? first : second).push_back(message.frame);
            } else {
                ADD_FAILURE() << "a tick after the last Stop";
            }
            break;
        default: ADD_FAILURE() << "an unexpected message: " << message.bytes.value(0);
        }
    }
    EXPECT_EQ(starts, 1);
    EXPECT_EQ(stops, 2) << "at the stop, and when it quit";
    EXPECT_EQ(continues, 1);
    ASSERT_GT(first.size(), 48u);
    ASSERT_GT(second.size(), 48u);
    // Continued on the sixteenth after where it stopped (or the one after, to leave the
    // receiver 5 ms to find it): the ticks already sent, rounded up to 6.
    EXPECT_NEAR(songPosition, static_cast<int>((first.size() + 5) / 6), 1) << first.size() << " ticks before the stop";
    // Each tick the set tempo's spacing after the one before (48000 × 60 / 97.3 / 24 frames): the
    // jitter. (A dropout on a loaded machine moves one spacing, not the rest of the run.)
    const double spacing = 48000.0 * 60.0 / 97.3 / 24.0;
    std::vector<double> errorsUs;
    for (const auto* run : {&first, &second}) {
        for (size_t k = 1; k < run->size(); ++k) {
            errorsUs.push_back(std::abs((*run)[k] - (*run)[k - 1] - spacing) / 48000.0 * 1e6);
        }
    }
    std::sort(errorsUs.begin(), errorsUs.end());
    const double p99 = errorsUs[static_cast<size_t>(0.99 * static_cast<double>(errorsUs.size() - 1))];
    std::printf("MIDI clock out at 97.3 BPM, read by jack_midi_dump: %zu ticks, jitter p50 %.1f us, p99 %.1f us, max %.1f us "
                "(one frame is 20.8 us)\n",
                errorsUs.size(), errorsUs[errorsUs.size() / 2], p99, errorsUs.back());
    EXPECT_LT(p99, 21.0) << "each tick within a frame of its place";
    EXPECT_LT(errorsUs[errorsUs.size() / 2], 21.0);

    const QJsonObject clock = json.value(QStringLiteral("midi_clock")).toObject();
    EXPECT_EQ(clock.value(QStringLiteral("port")).toString(), QStringLiteral("bandmate-midi:clock"));
    EXPECT_EQ(clock.value(QStringLiteral("ticks")).toInteger(), static_cast<qint64>(first.size() + second.size()))
        << "every tick sent was heard";
    EXPECT_EQ(clock.value(QStringLiteral("lost")).toInteger(), 0);
}
