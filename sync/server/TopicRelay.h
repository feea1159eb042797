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
///
/// The listening connection is checked every few seconds; when PostgreSQL dropped it (a restart,
/// a failover, an administrator's pg_terminate_backend), it is opened again, and since what was
/// notified meanwhile is lost, `resync` brings what this process shows up to date (also after a
/// start that could not listen at once).
class TopicRelay {
public:
    static constexpr const char* kChannel = "bandmate_topic";
    /// The listening connection's application_name in pg_stat_activity.
    static constexpr const char* kApplicationName = "bandmate-server-relay";
    /// Called on the relay's thread with its own connection.
    using Reread = std::function<void(QSqlDatabase& db, const QString& topic)>;
    /// Called on the relay's thread with its own connection once it listens again.
    using Resync = std::function<void(QSqlDatabase& db)>;

    TopicRelay(QString location, Reread reread, Resync resync = {});
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
