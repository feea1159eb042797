#pragma once

// A private D-Bus session with a real Secret Service (GNOME Keyring, unlocked) for processes
// that keep their session in the system keychain (bandmate-cli account/sync), in a folder of
// the test's own: nothing shared with the machine's keyrings.

#include "tests/support/TestFiles.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <gtest/gtest.h>

namespace bandmate::test {

class KeyringSession {
public:
    /// Starts the session with its home, data and runtime folders under `dir`.
    explicit KeyringSession(const TempDir& dir)
    {
        m_environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"home", "data", "runtime"}) {
            QDir().mkpath(dir.file(QString::fromLatin1(name)));
        }
        QFile::setPermissions(dir.file(QStringLiteral("runtime")), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        m_environment.insert(QStringLiteral("HOME"), dir.file(QStringLiteral("home")));
        m_environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.file(QStringLiteral("data")));
        m_environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.file(QStringLiteral("runtime")));
        if (!available()) {
            ADD_FAILURE() << "dbus-run-session and gnome-keyring-daemon are needed (packaging/debian-packages.txt)";
            return;
        }
        // The bus lives as long as `cat` waits on its input; the address comes first.
        m_bus.setProcessEnvironment(m_environment);
        m_bus.start(QStringLiteral("dbus-run-session"),
                    {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("echo -n keyring-password | gnome-keyring-daemon --unlock --components=secrets > /dev/null\n"
                                    "echo \"$DBUS_SESSION_BUS_ADDRESS\"\n"
                                    "exec cat > /dev/null\n")});
        if (!m_bus.waitForReadyRead(30'000)) {
            ADD_FAILURE() << "the D-Bus session did not start: " << m_bus.readAllStandardError().toStdString();
            return;
        }
        m_environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QString::fromUtf8(m_bus.readLine()).trimmed());
    }
    ~KeyringSession()
    {
        m_bus.closeWriteChannel();
        if (!m_bus.waitForFinished(10'000)) {
            m_bus.kill();
            m_bus.waitForFinished(5'000);
        }
    }
    KeyringSession(const KeyringSession&) = delete;
    KeyringSession& operator=(const KeyringSession&) = delete;

    static bool available()
    {
        return !QStandardPaths::findExecutable(QStringLiteral("dbus-run-session")).isEmpty()
               && !QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon")).isEmpty();
    }
    /// The environment for processes that use this session's keychain.
    [[nodiscard]] const QProcessEnvironment& environment() const { return m_environment; }

private:
    QProcessEnvironment m_environment;
    QProcess m_bus;
};

}  // namespace bandmate::test
