#pragma once

// A private JACK server for live-audio tests: jackd on the dummy backend, no sound card needed;
// and a loop from Bandmate's output back to its input through a delay line on it (the test
// binary defines BANDMATE_DELAY_LINE, the path of bandmate-test-delay-line).

#include "audio/device/LivePlayer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryFile>
#include <QThread>

namespace bandmate::test {

/// jackd -r -t 5000 -n NAME -d dummy -r 48000 -p PERIOD (64 frames unless given), stopped when the
/// test ends.
class DummyJackServer {
public:
    explicit DummyJackServer(const QString& name, int period = 64) : m_name(name)
    {
        if (!m_logFile.open()) {
            return;
        }
        const QString jackd = QStandardPaths::findExecutable(QStringLiteral("jackd"));
        if (jackd.isEmpty()) {
            return;
        }
        // Its messages go to a file, never a pipe: nobody reads a pipe while a test sleeps, and
        // once it is full, jackd's threads (the ones that report each xrun among them) wait on it.
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(m_logFile.fileName());
        // -r: no real-time threads (in this virtual machine those lose whole bursts of cycles
        // even when it is idle); the tests that use a server run alone instead (tests/CMakeLists).
        // -t: clients get 5 s (not 0.5) to answer, so a client opening on a loaded machine is not
        // refused.
        m_process.start(jackd, {QStringLiteral("-r"), QStringLiteral("-t"), QStringLiteral("5000"), QStringLiteral("-n"), name, QStringLiteral("-d"),
                                QStringLiteral("dummy"), QStringLiteral("-r"), QStringLiteral("48000"),
                                QStringLiteral("-p"), QString::number(period)});
        // One that cannot run (the registry full, another server by that name) says so and ends
        // at once: log() has why.
        m_started = m_process.waitForStarted(10'000) && !m_process.waitForFinished(300);
    }
    ~DummyJackServer()
    {
        // A client that left a moment ago (the test's monitor, the app's MIDI out) is still being
        // taken out of the graph, which needs the driver's cycles: stopping the server now leaves
        // jackd waiting on it for seconds, and a jackd killed then keeps its entry in JACK's
        // registry of servers, which holds eight; once full, no server starts on this machine.
        if (m_process.state() != QProcess::Running) {
            return;
        }
        QThread::msleep(1000);
        m_process.terminate();
        if (!m_process.waitForFinished(10'000)) {
            m_process.kill();
            m_process.waitForFinished(5'000);
        }
    }
    [[nodiscard]] bool started() const { return m_started; }
    [[nodiscard]] QString log()
    {
        QFile file(m_logFile.fileName());
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private:
    QString m_name;
    QTemporaryFile m_logFile{QDir::tempPath() + QStringLiteral("/bandmate-jackd-XXXXXX.log")};
    QProcess m_process;
    bool m_started = false;
};

/// Starts `program` (a JACK client that prints "ready" once active, such as
/// bandmate-test-clock-source) with `arguments`, again while the server is still starting;
/// whether it runs and is ready.
inline bool startReadyClient(QProcess& process, const QString& program, const QStringList& arguments)
{
    for (int attempt = 0; attempt < 40; ++attempt) {
        process.start(program, arguments);
        if (!process.waitForStarted(5'000)) {
            return false;
        }
        if (process.waitForReadyRead(5'000) && process.readLine().startsWith("ready")) {
            return true;
        }
        process.kill();
        process.waitForFinished(5'000);
        QThread::msleep(250);  // the server was not taking clients yet
    }
    return false;
}

/// Debian's jack_transport (jackd2) on `server`, fed commands on its standard input ("play",
/// "stop", "master", "tempo 97.3", "locate N"): another app driving JACK's transport.
class JackTransportTool {
public:
    explicit JackTransportTool(const QString& server)
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("JACK_DEFAULT_SERVER"), server);
        env.insert(QStringLiteral("JACK_NO_START_SERVER"), QStringLiteral("1"));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("jack_transport"), QStringList{});
        m_started = m_process.waitForStarted(5'000);
        QThread::msleep(500);  // connected
    }
    ~JackTransportTool()
    {
        m_process.write("quit\n");
        if (!m_process.waitForFinished(5'000)) {
            m_process.kill();
            m_process.waitForFinished(5'000);
        }
    }
    JackTransportTool(const JackTransportTool&) = delete;
    JackTransportTool& operator=(const JackTransportTool&) = delete;
    [[nodiscard]] bool started() const { return m_started; }
    void say(const char* line)
    {
        m_process.write(line);
        m_process.waitForBytesWritten(1'000);
        QThread::msleep(100);
    }

private:
    QProcess m_process;
    bool m_started = false;
};

#ifdef BANDMATE_DELAY_LINE
/// bandmate-test-delay-line on `server`: a JACK client named `name` that plays back what it
/// hears `delayFrames` later, the room between Bandmate's output and its input.
class DelayLine {
public:
    DelayLine(const QString& server, const QString& name, int delayFrames, double gain = 1.0)
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("JACK_DEFAULT_SERVER"), server);
        env.insert(QStringLiteral("JACK_NO_START_SERVER"), QStringLiteral("1"));
        m_process.setProcessEnvironment(env);
        // The server takes a moment to come up: retry until the client says it is active.
        for (int attempt = 0; attempt < 40 && !m_ready; ++attempt) {
            m_process.start(QStringLiteral(BANDMATE_DELAY_LINE),
                            {name, QString::number(delayFrames), QString::number(gain)});
            m_ready = m_process.waitForReadyRead(5'000) && m_process.readLine().startsWith("ready");
            if (!m_ready) {
                m_process.waitForFinished(2'000);
                m_process.kill();
                m_process.waitForFinished(2'000);
                QThread::msleep(250);
            }
        }
    }
    ~DelayLine()
    {
        m_process.closeWriteChannel();  // it stops when stdin closes
        if (!m_process.waitForFinished(5'000)) {
            m_process.kill();
            m_process.waitForFinished(5'000);
        }
    }
    [[nodiscard]] bool ready() const { return m_ready; }

private:
    QProcess m_process;
    bool m_ready = false;
};

/// A private JACK server with a delay line on it, between Bandmate's output and its input.
struct Loop {
    /// `period`: JACK's block. The dummy backend is not real-time: on a busy virtual machine it
    /// drops 64-frame periods many times a second, far fewer at 256.
    Loop(const char* tag, int delayFrames, double gain, int period = 64)
        : server(QStringLiteral("bandmate-%1-%2").arg(QLatin1String(tag)).arg(QCoreApplication::applicationPid())),
          jack(server, period),
          room(server, QStringLiteral("bandmate-room"), delayFrames, gain)
    {
    }
    [[nodiscard]] bool ready() const { return jack.started() && room.ready(); }
    /// The delay line as the output and the input device.
    [[nodiscard]] static audio::DeviceSettings settings()
    {
        audio::DeviceSettings settings;
        settings.device = "bandmate-room";
        settings.inputDevice = "bandmate-room";
        return settings;
    }
    QString server;
    DummyJackServer jack;
    DelayLine room;
};

#endif

}  // namespace bandmate::test
