// MIDI clock out through JACK, read by a program from outside the project: jack_midi_dump
// (jackd2's MIDI monitor) on a private JACK server with the dummy backend prints every message
// with its frame. 24 ticks a beat at the set tempo, Start, Stop, Song Position and Continue;
// the jitter against the ideal tick frames is measured and reported.
#include "audio/midi/GeneralMidi.h"
#include "core/beats/BuiltinMachines.h"
#include "tests/e2e/CliRunner.h"
#include "tests/support/JackServer.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
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
    ASSERT_EQ(dump.state(), QProcess::Running) << dump.exitCode() << " " << test::readAll(dumped).left(2000).toStdString() << "\njackd:\n" << jack.log().toStdString();

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
    dump.terminate();  // it closes its client: a killed one leaves jackd waiting on it when it stops
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
    const auto late = static_cast<size_t>(std::count_if(errorsUs.begin(), errorsUs.end(), [](double error) { return error >= 21.0; }));
    std::printf("MIDI clock out at 97.3 BPM, read by jack_midi_dump: %zu ticks, jitter p50 %.1f us, p99 %.1f us, max %.1f us "
                "(one frame is 20.8 us), %zu spacings off by a frame or more\n",
                errorsUs.size(), errorsUs[errorsUs.size() / 2], p99, errorsUs.back(), late);
    // Alone every spacing is within a frame (p99 15 us, max 15 us). Under the rest of the suite
    // on two cores the dummy backend now and then loses a cycle, which moves two spacings (the
    // one before the late tick and the one after): a few may go, a pattern may not.
    EXPECT_LE(late, errorsUs.size() / 40) << "each tick within a frame of its place, p99 " << p99 << " us";
    EXPECT_LT(errorsUs[errorsUs.size() / 2], 21.0);

    const QJsonObject clock = json.value(QStringLiteral("midi_clock")).toObject();
    EXPECT_EQ(clock.value(QStringLiteral("port")).toString(), QStringLiteral("bandmate-midi:clock"));
    // Every tick sent was heard; but a cycle the dummy backend lost under load (it shows as a
    // spacing off by a frame or more, above) may take the one tick it carried with it.
    const qint64 sent = clock.value(QStringLiteral("ticks")).toInteger();
    const auto ticksHeard = static_cast<qint64>(first.size() + second.size());
    EXPECT_GE(ticksHeard, sent - (late > 0 ? 1 : 0)) << "every tick sent was heard (" << sent << " sent)";
    EXPECT_LE(ticksHeard, sent);
    EXPECT_EQ(clock.value(QStringLiteral("lost")).toInteger(), 0);
}

namespace {

/// One line of bandmate-test-clock-source's record.
struct Logged {
    bool sent = false;
    double frame = 0.0;
    double ideal = 0.0;
    long long songTick = -1;
    QList<int> bytes;
};

std::vector<Logged> readClockSourceLog(const QByteArray& text)
{
    std::vector<Logged> log;
    for (const QString& line : QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        Logged entry;
        entry.sent = words.value(0) == QLatin1String("S");
        if ((!entry.sent && words.value(0) != QLatin1String("R")) || words.size() < (entry.sent ? 5 : 3)) {
            continue;
        }
        entry.frame = words.at(1).toDouble();
        int first = 2;
        if (entry.sent) {
            entry.ideal = words.at(2).toDouble();
            entry.songTick = words.at(3).toLongLong();
            first = 4;
        }
        for (int i = first; i < words.size(); ++i) {
            entry.bytes << words.at(i).toInt(nullptr, 16);
        }
        log.push_back(entry);
    }
    return log;
}

}  // namespace

TEST(MidiClock, FollowsATestClientsClockAt97_3WithinAMillisecondAndObeysStartStopContinueAndALostClock)
{
    const QString server = QStringLiteral("bandmate-clockin-%1").arg(QCoreApplication::applicationPid());
    constexpr int kPeriod = 256;
    test::DummyJackServer jack(server, kPeriod);
    ASSERT_TRUE(jack.started()) << jack.log().toStdString();
    // The sender: 97.3 BPM with ±0.3 ms of jitter, running before it is started (as most do).
    QProcess source;
    source.setProcessEnvironment(jackEnv(server));
    ASSERT_TRUE(test::startReadyClient(source, QStringLiteral(BANDMATE_CLOCK_SOURCE), {QStringLiteral("clocksrc"), QStringLiteral("97.3"), QStringLiteral("300")}));
    const auto tell = [](QProcess& process, const char* line) {
        process.write(line);
        process.waitForBytesWritten(1'000);
    };

    // An output that is not there: one clear error.
    QProcess cli;
    cli.setProcessEnvironment(jackEnv(server));
    cli.start(QStringLiteral(BANDMATE_CLI), {QStringLiteral("play"), QStringLiteral("salsa"), QStringLiteral("--midi-clock-in"),
                                              QStringLiteral("nobody:out"), QStringLiteral("--seconds"), QStringLiteral("5")});
    ASSERT_TRUE(cli.waitForFinished(15'000));
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    EXPECT_NE(cli.exitCode(), 0);
    EXPECT_EQ(err.count(QLatin1Char('\n')), 1) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("--midi-clock-in: no JACK MIDI output named \"nobody:out\""))) << err.toStdString();

    // Bandmate follows the sender and sends its own clock back to it (what its engine played).
    cli.start(QStringLiteral(BANDMATE_CLI),
              {QStringLiteral("play"), QStringLiteral("salsa"), QStringLiteral("--midi-clock-in"), QStringLiteral("clocksrc:out"),
               QStringLiteral("--midi-clock-out"), QStringLiteral("clocksrc:in"), QStringLiteral("--seconds"), QStringLiteral("90"),
               QStringLiteral("--json")});
    ASSERT_FALSE(cli.waitForFinished(3000)) << cli.readAllStandardError().toStdString();
    tell(source, "start\n");
    QThread::msleep(4000);
    tell(source, "stop\n");
    QThread::msleep(1000);
    tell(source, "continue\n");
    QThread::msleep(3000);
    tell(source, "silence\n");  // a pulled cable: no Stop, the ticks just stop
    QThread::msleep(1000);
    tell(source, "resume\n");
    QThread::msleep(1000);
    tell(cli, "quit\n");
    ASSERT_TRUE(cli.waitForFinished(30'000));
    const QString cliErr = QString::fromUtf8(cli.readAllStandardError());
    ASSERT_EQ(cli.exitCode(), 0) << cliErr.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    tell(source, "quit\n");
    ASSERT_TRUE(source.waitForFinished(10'000));
    const QByteArray logText = source.readAllStandardOutput();
    if (qEnvironmentVariableIsSet("BANDMATE_CLOCK_LOG")) {
        QFile out(qEnvironmentVariable("BANDMATE_CLOCK_LOG"));
        if (out.open(QIODevice::WriteOnly)) {
            out.write(logText);
        }
    }
    const auto log = readClockSourceLog(logText);

    // The sender's song: each tick's ideal frame by its place in the song, per run (start, continue).
    struct Run {
        double controlFrame = 0.0;  ///< the Start, Stop or Continue
        int status = 0;
        std::map<long long, double> ticks;  ///< song tick → ideal frame
    };
    std::vector<Run> sent;
    double silenced = 0.0;  // the last tick before the silence
    double lastTick = 0.0;
    for (const Logged& entry : log) {
        if (!entry.sent) {
            continue;
        }
        const int status = entry.bytes.value(0);
        if (status == 0xFA || status == 0xFC || status == 0xFB) {
            sent.push_back(Run{entry.frame, status, {}});
        } else if (status == 0xF8) {
            if (entry.frame - lastTick > 48000 * 0.5 && lastTick > 0.0) {
                silenced = lastTick;
            }
            lastTick = entry.frame;
            if (entry.songTick >= 0 && !sent.empty()) {
                sent.back().ticks[entry.songTick] = entry.ideal;
            }
        }
    }
    ASSERT_EQ(sent.size(), 3u) << "start, stop, continue";
    ASSERT_GT(silenced, 0.0);

    // What Bandmate's engine played, read from its clock: each tick's place in its song. Its clock
    // leaves one period after the engine's frame.
    std::vector<double> errorsUs;
    std::vector<std::pair<int, double>> heardControls;  // status, frame
    long long songTick = -1;
    long long position = 0;
    int heardTicksAfterLoss = 0;
    for (const Logged& entry : log) {
        if (entry.sent) {
            continue;
        }
        const int status = entry.bytes.value(0);
        const double engineFrame = entry.frame - kPeriod;
        if (status == 0xFA) {
            songTick = 0;
        } else if (status == 0xF2) {
            position = (entry.bytes.value(1) | (entry.bytes.value(2) << 7)) * 6;
        } else if (status == 0xFB) {
            songTick = position;
        }
        if (status != 0xF8) {
            heardControls.emplace_back(status, engineFrame);
            if (status == 0xFC) {
                songTick = -1;
            }
            continue;
        }
        if (engineFrame > silenced + 0.5 * 48000) {
            ++heardTicksAfterLoss;
        }
        if (songTick < 0) {
            continue;
        }
        // The sender's run this tick belongs to: the last Start or Continue before it.
        const Run* run = nullptr;
        for (const Run& candidate : sent) {
            if (candidate.status != 0xFC && candidate.controlFrame < engineFrame) {
                run = &candidate;
            }
        }
        const auto ideal = run != nullptr ? run->ticks.find(songTick) : std::map<long long, double>::const_iterator{};
        if (run != nullptr && ideal != run->ticks.end() && songTick - run->ticks.begin()->first >= 48) {
            errorsUs.push_back(std::abs(engineFrame - ideal->second) / 48000.0 * 1e6);  // settled: two beats in
        }
        ++songTick;
    }
    ASSERT_GT(errorsUs.size(), 24u * 6) << "ticks played in time with the sender's";
    std::sort(errorsUs.begin(), errorsUs.end());
    const double p99 = errorsUs[static_cast<size_t>(0.99 * static_cast<double>(errorsUs.size() - 1))];
    std::printf("MIDI clock in at 97.3 BPM (±0.3 ms jitter): the engine's beat against the sender's, %zu ticks: p50 %.1f us, "
                "p99 %.1f us, max %.1f us\n",
                errorsUs.size(), errorsUs[errorsUs.size() / 2], p99, errorsUs.back());
    EXPECT_LT(p99, 1000.0) << "within 1 ms of the sender's beat";

    // Start, Stop, Continue and the lost clock, in that order, each within a few periods of the
    // sender's (the lost clock: four ticks, 103 ms, then a period or two).
    ASSERT_GE(heardControls.size(), 5u);
    EXPECT_EQ(heardControls[0].first, 0xFA);
    EXPECT_EQ(heardControls[1].first, 0xFC);
    EXPECT_EQ(heardControls[2].first, 0xF2);
    EXPECT_EQ(heardControls[3].first, 0xFB);
    EXPECT_EQ(heardControls[4].first, 0xFC);
    EXPECT_EQ(heardControls.size(), 5u) << "nothing after the lost clock: it waits for Start or Continue";
    const double tick = 48000.0 * 60.0 / 97.3 / 24.0;
    // Start on the sender's first tick, or (when the Start and that tick came in one cycle whose
    // engine block JACK ran before the clock's input) at the next block: up to a period late.
    EXPECT_GE(heardControls[0].second, sent[0].ticks.begin()->second - 48.0);
    EXPECT_LE(heardControls[0].second, sent[0].ticks.begin()->second + kPeriod + 48.0) << "Start with the sender's first tick";
    EXPECT_GE(heardControls[1].second, sent[1].controlFrame - kPeriod);
    EXPECT_LT(heardControls[1].second, sent[1].controlFrame + 3 * kPeriod) << "stopped with the sender";
    EXPECT_GE(heardControls[4].second, silenced + 3 * tick);
    EXPECT_LT(heardControls[4].second, silenced + 4 * tick + 4 * kPeriod) << "the lost clock stops the groove";
    EXPECT_EQ(heardTicksAfterLoss, 0);

    const QJsonObject clockIn = json.value(QStringLiteral("midi_clock_in")).toObject();
    EXPECT_EQ(clockIn.value(QStringLiteral("port")).toString(), QStringLiteral("bandmate-clock-in:in"));
    EXPECT_EQ(clockIn.value(QStringLiteral("from")).toString(), QStringLiteral("clocksrc:out"));
    EXPECT_NEAR(clockIn.value(QStringLiteral("tempo")).toDouble(), 97.3, 0.2);
    EXPECT_EQ(clockIn.value(QStringLiteral("losses")).toInteger(), 1);
    EXPECT_TRUE(clockIn.value(QStringLiteral("receiving")).toBool()) << "the ticks came back";
    EXPECT_GT(clockIn.value(QStringLiteral("ticks")).toInteger(), 24 * 15);
    EXPECT_NEAR(json.value(QStringLiteral("tempo")).toDouble(), 97.3, 0.2);
    EXPECT_LT(json.value(QStringLiteral("tempo_changes")).toArray().size(), 20)
        << "a tempo fitted anew at each tick is no change each tick";
}

TEST(MidiClock, TheNotesATestClientHearsOverABarAreTheMachinesOnTheirFrames)
{
    const QString server = QStringLiteral("bandmate-midinotes-%1").arg(QCoreApplication::applicationPid());
    constexpr int kPeriod = 256;
    test::DummyJackServer jack(server, kPeriod);
    ASSERT_TRUE(jack.started()) << jack.log().toStdString();
    QProcess listener;  // the test client: records what reaches its input
    listener.setProcessEnvironment(jackEnv(server));
    ASSERT_TRUE(test::startReadyClient(listener, QStringLiteral(BANDMATE_CLOCK_SOURCE), {QStringLiteral("listener"), QStringLiteral("120")}));

    // The notes, and the clock beside them for where beat 0 was (its Start).
    QProcess cli;
    cli.setProcessEnvironment(jackEnv(server));
    cli.start(QStringLiteral(BANDMATE_CLI),
              {QStringLiteral("play"), QStringLiteral("salsa"), QStringLiteral("--bpm"), QStringLiteral("97.3"), QStringLiteral("--midi-out"),
               QStringLiteral("listener:in"), QStringLiteral("--midi-clock-out"), QStringLiteral("listener:in"), QStringLiteral("--midi-only"),
               QStringLiteral("--seconds"), QStringLiteral("60"), QStringLiteral("--json")});
    ASSERT_FALSE(cli.waitForFinished(10'000)) << cli.readAllStandardError().toStdString();  // three bars and more (7.4 s)
    cli.write("quit\n");
    cli.waitForBytesWritten(1'000);
    ASSERT_TRUE(cli.waitForFinished(30'000));
    ASSERT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    listener.write("quit\n");
    ASSERT_TRUE(listener.waitForFinished(10'000));
    const auto log = readClockSourceLog(listener.readAllStandardOutput());

    // Each note's step is where it falls among the clock's ticks (12 a salsa step, both worked
    // out from the same engine blocks): on the tick of its step's beat, whatever the machine's
    // load did to JACK's frame times meanwhile (the dummy backend's xruns skip frames).
    double beatZero = -1.0;
    std::vector<double> ticks;  // the clock's ticks after its Start
    std::vector<std::pair<double, QList<int>>> notes;
    std::map<std::pair<int, int>, int> sounding;
    for (const Logged& entry : log) {
        if (entry.sent || entry.bytes.isEmpty()) {
            continue;
        }
        const int status = entry.bytes.value(0);
        if (status == 0xFA) {
            beatZero = entry.frame;
        } else if (status == 0xF8 && beatZero >= 0.0) {
            ticks.push_back(entry.frame);
        } else if ((status & 0xE0) == 0x80 && entry.bytes.size() == 3) {
            const bool on = (status & 0xF0) == 0x90 && entry.bytes.value(2) > 0;
            sounding[{status & 0x0F, entry.bytes.value(1)}] += on ? 1 : -1;
            if (on && beatZero >= 0.0) {
                notes.emplace_back(entry.frame, entry.bytes);
            }
        }
    }
    ASSERT_GE(beatZero, 0.0) << "the clock's Start was heard";
    ASSERT_GT(ticks.size(), 12u * 26) << "the clock's ticks past the clave cycle";
    using Note = std::tuple<int64_t, int, int, int>;  // step, channel, key, velocity
    std::multiset<Note> heard;
    double worst = 0.0;
    const int64_t from = 8;  // the second bar and the third (a whole clave cycle)
    const int64_t to = 24;
    for (const auto& [frame, bytes] : notes) {
        const auto nearest = std::min_element(ticks.begin(), ticks.end(), [&, f = frame](double a, double b) {
            return std::abs(a - f) < std::abs(b - f);
        });
        const auto step = static_cast<int64_t>(std::llround(static_cast<double>(nearest - ticks.begin()) / 12.0));
        if (step >= from && step < to) {
            worst = std::max(worst, std::abs(frame - ticks[static_cast<size_t>(step * 12)]));
            heard.emplace(step, bytes.value(0) & 0x0F, bytes.value(1), bytes.value(2));
        }
    }

    // The machine's note stream over the same steps.
    auto machine = core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    ASSERT_TRUE(machine.has_value());
    const auto stream = core::beats::compileMachine(*machine);
    const auto channels = audio::generalMidiChannels(stream);
    std::multiset<Note> expected;
    for (int64_t step = from; step < to; ++step) {
        for (size_t i = 0; i < stream.instruments.size(); ++i) {
            const auto& instrument = stream.instruments[i];
            for (const auto& event : instrument.events) {
                if (event.step == step % instrument.loopLength) {
                    expected.emplace(step, channels[i], audio::generalMidiKey(instrument, event),
                                     static_cast<int>(std::clamp(std::lround(event.gain * 127.0), 1L, 127L)));
                }
            }
        }
    }
    ASSERT_GT(expected.size(), 16u);
    EXPECT_EQ(heard, expected) << "the notes of a clave cycle, each once, with its channel, key and velocity";
    for (const auto& [name, these, against] : {std::tuple{"missing", &expected, &heard}, std::tuple{"unexpected", &heard, &expected}}) {
        std::multiset<Note> left = *these;
        for (const Note& note : *against) {
            if (const auto it = left.find(note); it != left.end()) {
                left.erase(it);
            }
        }
        for (const auto& [step, channel, key, velocity] : left) {
            ADD_FAILURE() << name << ": step " << step << ", channel " << channel + 1 << ", key " << key << ", velocity " << velocity;
        }
    }
    std::printf("MIDI notes out: %zu notes over a clave cycle at 97.3 BPM, each at most %.0f frames from its beat's clock tick "
                "(%lld of all the messages late, %lld driver xruns)\n",
                heard.size(), worst, static_cast<long long>(json.value(QStringLiteral("midi_out")).toObject().value(QStringLiteral("late")).toInteger()),
                static_cast<long long>(json.value(QStringLiteral("driverXruns")).toInteger()));
    EXPECT_LE(worst, static_cast<double>(kPeriod)) << "within a block of the engine's frames (its clock's)";
    for (const auto& [key, count] : sounding) {
        EXPECT_EQ(count, 0) << "channel " << key.first + 1 << " key " << key.second << " left sounding after the quit";
    }
    const QJsonObject out = json.value(QStringLiteral("midi_out")).toObject();
    EXPECT_EQ(out.value(QStringLiteral("port")).toString(), QStringLiteral("bandmate-midi:notes"));
    EXPECT_EQ(out.value(QStringLiteral("channel")).toString(), QStringLiteral("gm"));
    EXPECT_GE(out.value(QStringLiteral("notes")).toInteger(), static_cast<qint64>(expected.size()));
    EXPECT_EQ(out.value(QStringLiteral("lost")).toInteger(), 0);
}

// A pedal's notes move through a tune: bandmate-cli plays the salsa tune and takes the notes of
// another app's MIDI output (--sections-from): C (any octave) queues the next section, D the break,
// each heard at the next bar line, long before the 4-bar intro would have ended by itself; typed
// "previous" works beside them; other notes do nothing.
TEST(MidiClock, APedalsNotesMoveThroughTheTuneAtTheNextBarLine)
{
    const QString server = QStringLiteral("bandmate-pedal-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer jack(server, 256);
    ASSERT_TRUE(jack.started()) << jack.log().toStdString();
    qputenv("JACK_DEFAULT_SERVER", server.toUtf8());
    qputenv("JACK_NO_START_SERVER", "1");
    QProcess pedal;
    ASSERT_TRUE(test::startReadyClient(pedal, QStringLiteral(BANDMATE_CLOCK_SOURCE), {QStringLiteral("pedal"), QStringLiteral("120")}));
    pedal.write("silence\n");  // notes only, no clock
    pedal.waitForBytesWritten(1'000);

    QProcess cli;
    cli.setProcessEnvironment(jackEnv(server));
    cli.start(QStringLiteral(BANDMATE_CLI), {QStringLiteral("play"), QStringLiteral("salsa"), QStringLiteral("--arrangement"),
                                             QStringLiteral("Salsa dura, 64 bars"), QStringLiteral("--sections-from"),
                                             QStringLiteral("pedal:out"), QStringLiteral("--driver"), QStringLiteral("JACK"),
                                             QStringLiteral("--json")});
    ASSERT_TRUE(cli.waitForStarted(5'000));
    // Playing once its notes input is connected to the pedal (jack_lsp -c lists the connections).
    bool connected = false;
    for (int attempt = 0; attempt < 100 && !connected && cli.state() == QProcess::Running; ++attempt) {
        QProcess lsp;
        lsp.setProcessEnvironment(jackEnv(server));
        lsp.start(QStringLiteral("jack_lsp"), {QStringLiteral("-c"), QStringLiteral("pedal:out")});
        lsp.waitForFinished(5'000);
        connected = lsp.readAllStandardOutput().contains("bandmate-notes-in:in");
        QThread::msleep(100);
    }
    ASSERT_TRUE(connected) << cli.readAllStandardError().toStdString();
    QThread::msleep(300);
    const auto say = [](QProcess& to, const char* line, int thenMs) {
        to.write(line);
        to.waitForBytesWritten(1'000);
        QThread::msleep(thenMs);
    };
    say(pedal, "note 61\n", 300);   // C sharp: nothing
    say(pedal, "note 60\n", 2000);  // C: the verse at the next bar line
    say(pedal, "note 38\n", 3600);  // D: the verse's break, then the coro on the one (within 2 bars)
    say(cli, "previous\n", 2000);   // from the coro: the verse again at the next bar line
    say(cli, "quit\n", 0);
    ASSERT_TRUE(cli.waitForFinished(30'000));
    ASSERT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    pedal.write("quit\n");
    pedal.waitForFinished(10'000);

    const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    const QJsonObject sections = json.value(QStringLiteral("sections")).toObject();
    EXPECT_EQ(sections.value(QStringLiteral("port")).toString(), QStringLiteral("bandmate-notes-in:in"));
    const QJsonArray commands = sections.value(QStringLiteral("commands")).toArray();
    ASSERT_EQ(commands.size(), 3) << QJsonDocument(sections).toJson().toStdString();
    const auto command = [&](int i) { return commands.at(i).toObject(); };
    EXPECT_EQ(command(0).value(QStringLiteral("command")).toString(), QStringLiteral("next"));
    EXPECT_EQ(command(0).value(QStringLiteral("from")).toString(), QStringLiteral("note 60"));
    EXPECT_EQ(command(1).value(QStringLiteral("command")).toString(), QStringLiteral("break"));
    EXPECT_EQ(command(1).value(QStringLiteral("from")).toString(), QStringLiteral("note 38"));
    EXPECT_EQ(command(2).value(QStringLiteral("command")).toString(), QStringLiteral("previous"));
    EXPECT_EQ(command(2).value(QStringLiteral("from")).toString(), QStringLiteral("console"));
    for (const auto& c : commands) {
        EXPECT_TRUE(c.toObject().value(QStringLiteral("queued")).toBool());
    }

    // Heard: the intro, the verse (from the note's next bar line: within a bar of 1.33 s at
    // 180 BPM, and well before the intro's 4 bars), then the coro after the verse's break.
    const QJsonArray heard = sections.value(QStringLiteral("heard")).toArray();
    ASSERT_EQ(heard.size(), 4) << QJsonDocument(sections).toJson().toStdString();
    EXPECT_EQ(heard.at(0).toObject().value(QStringLiteral("entry")).toInt(), 0);
    EXPECT_EQ(heard.at(1).toObject().value(QStringLiteral("entry")).toInt(), 1);
    EXPECT_EQ(heard.at(2).toObject().value(QStringLiteral("entry")).toInt(), 2);
    EXPECT_EQ(heard.at(3).toObject().value(QStringLiteral("entry")).toInt(), 1) << "previous: back to the verse";
    const double rate = json.value(QStringLiteral("sampleRate")).toDouble();
    const double bar = 8.0 * 60.0 / 180.0 / 2.0 * rate;  // 8 eighth notes at 180 BPM
    const double asked = command(0).value(QStringLiteral("frames_played")).toDouble();
    const double verse = heard.at(1).toObject().value(QStringLiteral("frames_played")).toDouble();
    EXPECT_GT(verse, asked);
    // The note is taken on a 10 ms poll and both counts are read between blocks of 256 frames.
    EXPECT_LE(verse - asked, bar + 2 * 256 + 0.03 * rate) << "at the next bar line";
    EXPECT_LT(verse, 4.0 * bar) << "before the intro's own end";
}
