#pragma once

// bandmate-server's HTTP layer in the test process (tests that link bandmate_sync).

#include "sync/server/HttpServer.h"

#include <QUrl>

#include <chrono>
#include <thread>

namespace bandmate::test {

/// bandmate-server's HTTP layer on a free port, on its own thread.
class LocalServer {
public:
    explicit LocalServer(const QString& database) : LocalServer(optionsFor(database)) {}
    explicit LocalServer(const sync::ServerOptions& options) : m_server(options)
    {
        m_port = m_server.bind().value_or(0);
        m_thread = std::thread([this] { m_server.run(); });
        // Stopping a server that has not started serving yet would leave run() waiting.
        for (int i = 0; i < 500 && !m_server.isRunning(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    ~LocalServer()
    {
        m_server.stop();
        m_thread.join();
    }
    [[nodiscard]] QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] sync::HttpServer& server() { return m_server; }

    /// Four workers on 127.0.0.1, any free port, no sync rate limit.
    static sync::ServerOptions optionsFor(const QString& database)
    {
        sync::ServerOptions options;
        options.databasePath = database;
        options.port = 0;
        options.workers = 4;
        options.syncRequestsPerMinute = 0;  // suites send thousands of rounds for one account (limits: ServerOperationsTest)
        options.connectionsPerAddress = 0;  // thousands of connections from 127.0.0.1 (caps: ServerCoreTest)
        return options;
    }

private:
    sync::HttpServer m_server;
    int m_port = 0;
    std::thread m_thread;
};

}  // namespace bandmate::test
