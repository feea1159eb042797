#pragma once

#include "core/util/Result.h"

#include <QString>

class QSqlDatabase;

#include <optional>

namespace bandmate::core {

class Database;

/// A write the disk refused on one connection: the file turned read-only or was moved, its
/// disk vanished, failed or filled up (SQLite's READONLY, IOERR, FULL).
struct StorageFailure {
    Error error;
    bool diskFull = false;  ///< FULL: saving goes on once there is room again
};

/// Notes `error` for `db`'s connection when it is such a refusal (an SQLite connection, code
/// ReadOnly or Io; `diskFull` for FULL); sql::run and the statement cache call it. A commit that
/// goes through clears the connection's note (the trouble is over). The app asks for the note
/// to say so and stop syncing (ui/shell/MainWindow). Any thread.
void noteStorageFailure(const QSqlDatabase& db, const Error& error, bool diskFull);
[[nodiscard]] std::optional<StorageFailure> storageFailure(const QString& connectionName);
void clearStorageFailure(const QString& connectionName);

/// Whether `path` is the database's own file or one of SQLite's files beside it (-wal, -shm,
/// -journal): never a place to write a copy to.
[[nodiscard]] bool belongsToDatabase(const Database& db, const QString& path);

/// A copy of the database as its connection has it now (SQLite's VACUUM INTO), at `path`, which
/// must not exist yet and must not be the database itself: how the musician keeps everything
/// when the file itself can no longer be written. A copy that fails (its own disk full, pages
/// SQLite can no longer read) says so, leaves no piece, and is not taken for a failure of the
/// database's own file.
[[nodiscard]] Result<void> saveDatabaseCopy(const Database& db, const QString& path);

}  // namespace bandmate::core
