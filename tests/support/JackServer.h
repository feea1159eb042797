#pragma once

// A private JACK server for live-audio tests: jackd on the dummy backend, no sound card needed.

#include <QProcess>
#include <QStandardPaths>
#include <QString>

namespace bandmate::test {

/// jackd -r -n NAME -d dummy -r 48000 -p 64, stopped when the test ends.
class DummyJackServer {
public:
    explicit DummyJackServer(const QString& name) : m_name(name)
    {
        const QString jackd = QStandardPaths::findExecutable(QStringLiteral("jackd"));
        if (jackd.isEmpty()) {
            return;
        }
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(jackd, {QStringLiteral("-r"), QStringLiteral("-n"), name, QStringLiteral("-d"),
                                QStringLiteral("dummy"), QStringLiteral("-r"), QStringLiteral("48000"),
                                QStringLiteral("-p"), QStringLiteral("64")});
        m_started = m_process.waitForStarted(10'000);
    }
    ~DummyJackServer()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5'000)) {
            m_process.kill();
            m_process.waitForFinished(5'000);
        }
    }
    [[nodiscard]] bool started() const { return m_started; }
    [[nodiscard]] QString log() { return QString::fromUtf8(m_process.readAll()); }

private:
    QString m_name;
    QProcess m_process;
    bool m_started = false;
};

}  // namespace bandmate::test
