#pragma once

// bandmate-server as a process on 127.0.0.1 (e2e tests), and small HTTP helpers.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <httplib.h>

#include <gtest/gtest.h>

#include "tests/support/ServerDatabases.h"

namespace bandmate::test {

/// A bandmate-server process on a free port, stopped at the end.
class ServerProcess {
public:
    explicit ServerProcess(const QString& database, const QStringList& extra = {})
    {
        start(database, extra);
    }
    /// Starts (again, after kill() or stop()) on `database`, on `port` (0: any free one).
    void start(const QString& database, const QStringList& extra = {}, int port = 0)
    {
        // The log goes to a file: a pipe nobody reads fills after ~64 KiB of log lines and then
        // the server waits on its next line (a stall no real deployment has: journald reads).
        m_process.setStandardErrorFile(m_logDir.filePath(QStringLiteral("server.log")), QIODevice::Append);
        m_process.start(QStringLiteral(BANDMATE_SERVER), QStringList{QStringLiteral("--db"), serverDatabaseArgument(database), QStringLiteral("--listen"),
                                                                     QStringLiteral("127.0.0.1:%1").arg(port)} + extra);
        EXPECT_TRUE(m_process.waitForReadyRead(10'000)) << "the server did not start";
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        EXPECT_TRUE(line.startsWith(QStringLiteral("listening on 127.0.0.1:"))) << line.toStdString();
        m_port = line.section(QLatin1Char(':'), -1).toInt();
    }
    ~ServerProcess()
    {
        m_process.terminate();
        m_process.waitForFinished(5'000);
    }
    [[nodiscard]] int port() const { return m_port; }
    /// The process id (for a SIGKILL from another thread; QProcess is not thread-safe).
    [[nodiscard]] qint64 pid() const { return m_process.processId(); }
    [[nodiscard]] QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    /// Ends the process at once (SIGKILL): no clean-up, as in a crash or power loss.
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(5'000);
    }
    void stop()
    {
        m_process.terminate();
        m_process.waitForFinished(5'000);
    }
    /// Waits for the process to end by itself (after a signal sent elsewhere): its exit code
    /// (-1 if it did not end in time or crashed) and everything it logged.
    [[nodiscard]] std::pair<int, QString> waitForExit(int ms)
    {
        const bool ended = m_process.waitForFinished(ms) && m_process.exitStatus() == QProcess::NormalExit;
        return {ended ? m_process.exitCode() : -1, log()};
    }
    /// Stops the server and returns everything it logged.
    [[nodiscard]] QString stopAndReadLog()
    {
        m_process.terminate();
        m_process.waitForFinished(5'000);
        return log();
    }
    /// Everything the server logged so far (every start of this object).
    [[nodiscard]] QString log() const
    {
        QFile file(m_logDir.filePath(QStringLiteral("server.log")));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private:
    QTemporaryDir m_logDir;
    QProcess m_process;
    int m_port = 0;
};

inline QJsonObject bodyOf(const httplib::Result& result)
{
    return result ? QJsonDocument::fromJson(QByteArray::fromStdString(result->body)).object() : QJsonObject{};
}

inline std::string json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

/// Registers `email` (password "salsa-dura-1978") and signs in over HTTP or HTTPS; the access
/// token.
template <typename HttpClient>
QString signInOverHttp(HttpClient& client, const char* email)
{
    const QJsonObject credentials{{QStringLiteral("email"), QString::fromLatin1(email)}, {QStringLiteral("password"), QStringLiteral("salsa-dura-1978")}};
    auto registered = client.Post("/v1/auth/register", json(credentials), "application/json");
    EXPECT_TRUE(registered && registered->status == 201);
    auto login = client.Post("/v1/auth/login", json(credentials), "application/json");
    EXPECT_TRUE(login && login->status == 200) << (login ? login->body : "no answer");
    return bodyOf(login)[QStringLiteral("access_token")].toString();
}

}  // namespace bandmate::test
