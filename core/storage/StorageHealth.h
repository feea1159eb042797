#pragma once

#include "core/util/Result.h"

#include <QString>

#include <optional>

namespace bandmate::core {

class Database;

/// Writes the disk refused on one connection: the file turned read-only, its disk vanished or
/// filled up, it cannot be read back (SQLite's READONLY, IOERR, FULL). sql::run notes the first
/// such failure of each connection; the app asks for it to say so once and stop saving
/// (ui/shell/MainWindow). Any thread.
void noteStorageFailure(const QString& connectionName, const Error& error);
[[nodiscard]] std::optional<Error> storageFailure(const QString& connectionName);
void clearStorageFailure(const QString& connectionName);

/// A copy of the database as its connection has it now (SQLite's VACUUM INTO), at `path`, which
/// must not exist yet: how the musician keeps everything when the file itself can no longer be
/// written. Pages SQLite can no longer read (a pulled USB stick) make it fail and say so; no piece
/// of a copy is left.
[[nodiscard]] Result<void> saveDatabaseCopy(const Database& db, const QString& path);

}  // namespace bandmate::core
