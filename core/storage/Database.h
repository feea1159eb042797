#pragma once

#include "core/sync/Hlc.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

class QSqlQuery;

namespace bandmate::core {

/// What `bandmate-cli db info` reports about a database file.
struct DatabaseInfo {
    QString path;
    qint64 sizeBytes = 0;
    int schemaVersion = 0;     ///< PRAGMA user_version of the file
    int appSchemaVersion = 0;  ///< the newest version this build knows
    QString journalMode;
    QString integrity;  ///< "ok" or the first problems PRAGMA integrity_check found
    QList<QPair<QString, qint64>> rowCounts;  ///< every table, by name
};

/// One user's SQLite database: opened with the project's pragmas, migrated to the newest schema,
/// and carrying the device's sync identity and clock. One instance per thread; not copyable.
class Database {
public:
    enum class Mode {
        ReadWrite,  ///< creates the file if needed and migrates it
        Inspect,    ///< reads only: never creates, migrates or writes the file
    };

    /// How much of the file open() reads before it trusts it.
    enum class Check {
        Cheap,  ///< header, schema and length (milliseconds); every page before a migration
        Full,   ///< also every page (SQLite's quick check: seconds on a large library)
    };

    struct Options {
        Mode mode = Mode::ReadWrite;
        Check check = Check::Cheap;
        int targetVersion = -1;  ///< migrate only up to this version (tests); -1 = newest
        HybridLogicalClock::WallClock wallClock{};  ///< empty = system clock
    };

    /// Opens (and in ReadWrite mode creates and migrates) the database at `path`. Refuses, with
    /// the file left byte-for-byte unchanged: non-SQLite or damaged files (NotADatabase, Corrupt),
    /// a schema newer than this build (SchemaTooNew), a file or folder that cannot be written
    /// (ReadOnly). Damage inside pages is found by the full check (Options::check, a migration,
    /// or quickCheck on its schedule), not by the cheap one.
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString& path,
                                                                const Options& options);
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString& path)
    {
        return open(path, Options{});
    }

    /// The per-user default location in the platform's app-data folder.
    [[nodiscard]] static QString defaultPath();
    /// The newest schema version compiled into this build.
    [[nodiscard]] static int latestSchemaVersion();
    /// Runs every compiled-in migration on `db`, an empty connection (an in-memory database),
    /// without a backup: how FieldCatalog reads this build's newest schema.
    [[nodiscard]] static Result<void> createLatestSchema(const QSqlDatabase& db);

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// The Qt connection; valid for this object's lifetime, on the thread that opened it.
    [[nodiscard]] QSqlDatabase connection() const;
    [[nodiscard]] const QString& path() const { return m_path; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }
    [[nodiscard]] bool isReadOnly() const { return m_mode == Mode::Inspect; }
    /// The backup written before this open migrated existing data; empty when none was needed.
    [[nodiscard]] const QString& backupPath() const { return m_backupPath; }
    /// This installation's device id (UUIDv7), created on first open; empty in Inspect mode
    /// for a database that never had one.
    [[nodiscard]] const QString& deviceId() const { return m_deviceId; }
    /// The clock that stamps this device's edits; persisted by ChangeTracker.
    [[nodiscard]] HybridLogicalClock& clock() { return m_clock; }

    /// Runs `statement` through this connection's cache of prepared statements: for hot paths
    /// (sync bookkeeping, library scans) that run the same few statements thousands of times.
    /// `read`, when given, sees the result rows before the statement is reset; it must not run
    /// the same statement again.
    [[nodiscard]] Result<void> execCached(const QString& statement, const QVariantList& binds,
                                          const std::function<void(QSqlQuery&)>& read = {});

    /// The SQLite library version behind the connection, e.g. "3.40.1".
    [[nodiscard]] QString sqliteVersion() const;

    /// SQLite's quick check of every page of the file at `path`, through a read-only connection
    /// of its own (so it can run on a worker thread while the app works): "ok" or the first
    /// problems found. Setting `stop` ends it within milliseconds (Cancelled).
    [[nodiscard]] static Result<QString> quickCheck(const QString& path, const std::atomic_bool* stop = nullptr);
    /// Sets `stop` and interrupts the quick check running with it, from any thread.
    static void stopQuickCheck(std::atomic_bool* stop);
    /// How often the app runs quickCheck by itself.
    static constexpr std::chrono::milliseconds kFullCheckInterval = std::chrono::hours(24 * 7);
    /// Whether the last full check that passed (markChecked) is older than kFullCheckInterval.
    [[nodiscard]] Result<bool> fullCheckDue(const QDateTime& now) const;
    /// Records a full check that found the file sound.
    [[nodiscard]] Result<void> markChecked(const QDateTime& when);

    /// Sizes, counts and a full integrity check.
    [[nodiscard]] Result<DatabaseInfo> inspect() const;

private:
    struct StatementCache;
    Database(QString path, QString connectionName, Mode mode);
    Result<void> migrate(int targetVersion);
    /// Copies the file (at schema `version`) beside it before an upgrade; sets m_backupPath.
    Result<void> backUp(int version);
    Result<void> loadSyncIdentity(const HybridLogicalClock::WallClock& wallClock);

    QString m_path;
    QString m_connectionName;
    Mode m_mode;
    int m_schemaVersion = 0;
    QString m_backupPath;
    QString m_deviceId;
    HybridLogicalClock m_clock;
    std::unique_ptr<StatementCache> m_statements;
};

}  // namespace bandmate::core
