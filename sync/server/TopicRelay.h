#pragma once

#include <QString>

#include <functional>
#include <memory>

class QSqlDatabase;

namespace bandmate::sync {

/// Shares live-update topics between several server processes on one PostgreSQL database
/// (DESIGN.md section 7): a process that changed a topic sends `NOTIFY bandmate_topic` with the
/// topic id only (announce()); every process, itself too, hears it on a dedicated connection in
/// a thread of its own and re-reads the topic's state from the database (`reread`), then
/// publishes it to its own subscribers. With SQLite there is one process and nothing to relay.
class TopicRelay {
public:
    static constexpr const char* kChannel = "bandmate_topic";
    /// Called on the relay's thread with its own connection.
    using Reread = std::function<void(QSqlDatabase& db, const QString& topic)>;

    TopicRelay(QString location, Reread reread);
    ~TopicRelay();
    TopicRelay(const TopicRelay&) = delete;
    TopicRelay& operator=(const TopicRelay&) = delete;

    /// Starts listening (nothing for an SQLite location); returns once the connection listens or
    /// failed to open (then it tries again every few seconds, saying so on stderr).
    void start();
    [[nodiscard]] bool isListening() const;

    /// Sends the notification on `db` (a worker's connection; PostgreSQL only, else nothing).
    static void announce(QSqlDatabase& db, const QString& topic);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace bandmate::sync
