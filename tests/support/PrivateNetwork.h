#pragma once

// A network namespace of the test's own with only a loopback interface, for peers that find
// each other by multicast (Ableton Link): nothing they send leaves the test. A `sleep` holds the
// namespace open (unshare -n; -r too when the test is not root); programs join it with nsenter.

#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

#include <unistd.h>

namespace bandmate::test {

class PrivateNetwork {
public:
    PrivateNetwork()
    {
        const bool root = ::geteuid() == 0;
        m_holder.start(QStringLiteral("unshare"),
                       root ? QStringList{QStringLiteral("-n"), QStringLiteral("sleep"), QStringLiteral("3600")}
                            : QStringList{QStringLiteral("-rn"), QStringLiteral("sleep"), QStringLiteral("3600")});
        if (!m_holder.waitForStarted(5'000)) {
            m_error = QStringLiteral("unshare did not start: ") + m_holder.errorString();
            return;
        }
        m_enter = {QStringLiteral("-t"), QString::number(m_holder.processId()), QStringLiteral("-n")};
        if (!root) {
            m_enter << QStringLiteral("-U") << QStringLiteral("--preserve-credentials");
        }
        // unshare execs sleep once the namespace exists: wait until it has.
        for (int attempt = 0; attempt < 50; ++attempt) {
            if (run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")})) {
                break;
            }
            ::usleep(100'000);
        }
        // Multicast on the loopback interface: the namespace's only way out of a process.
        if (!run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up"),
                                        QStringLiteral("multicast"), QStringLiteral("on")})
            || !run(QStringLiteral("ip"), {QStringLiteral("route"), QStringLiteral("add"), QStringLiteral("224.0.0.0/4"),
                                           QStringLiteral("dev"), QStringLiteral("lo")})) {
            m_error = QStringLiteral("could not set up the namespace's loopback: ") + m_lastOutput;
            return;
        }
        m_ready = true;
    }
    ~PrivateNetwork()
    {
        m_holder.kill();
        m_holder.waitForFinished(5'000);
    }
    PrivateNetwork(const PrivateNetwork&) = delete;
    PrivateNetwork& operator=(const PrivateNetwork&) = delete;

    [[nodiscard]] bool ready() const { return m_ready; }
    [[nodiscard]] QString error() const { return m_error; }

    /// Starts `program` inside the namespace (the caller's environment and working folder).
    void start(QProcess& process, const QString& program, const QStringList& args) const
    {
        process.start(QStringLiteral("nsenter"), m_enter + QStringList{QStringLiteral("--"), program} + args);
    }

    /// What `ip route` and `ip addr` show inside: the proof that only loopback is there.
    [[nodiscard]] QString describe()
    {
        run(QStringLiteral("ip"), {QStringLiteral("-o"), QStringLiteral("addr")});
        return m_lastOutput;
    }

private:
    bool run(const QString& program, const QStringList& args)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        start(process, program, args);
        const bool done = process.waitForFinished(10'000);
        m_lastOutput = QString::fromUtf8(process.readAll());
        return done && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    QProcess m_holder;
    QStringList m_enter;
    QString m_error;
    QString m_lastOutput;
    bool m_ready = false;
};

}  // namespace bandmate::test
