#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <thread>

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

/// The weekly full check of the database file (every page, SQLite's quick check), run after the
/// window is up on a worker thread with a read-only connection of its own: opening the app only
/// checks the file's header and schema, which takes milliseconds where reading every page of a
/// large library takes seconds. Deleting the job stops the check within milliseconds.
class DatabaseCheck : public QObject {
    Q_OBJECT
public:
    explicit DatabaseCheck(core::Database& db, QObject* parent = nullptr);
    ~DatabaseCheck() override;

    /// Starts the check when the last one that passed is a week old or more (or never ran);
    /// returns whether it started.
    bool startWhenDue();
    /// Starts the check now (tests).
    void start();

Q_SIGNALS:
    /// The file is sound (recorded, so the next check is a week away) or `problems` says what
    /// SQLite found; `error` when the check itself could not run.
    void finished(bool sound, const QString& problems);

private:
    void done(const QString& result, const QString& error);

    core::Database& m_db;
    std::atomic_bool m_stop{false};
    std::thread m_thread;
};

}  // namespace bandmate::ui
