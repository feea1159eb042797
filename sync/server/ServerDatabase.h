#pragma once

#include "core/util/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <initializer_list>

namespace bandmate::sync {

/// Opens a connection named `name` to the server's database and creates `schema` (idempotent
/// CREATE … IF NOT EXISTS statements, written in the SQL both engines share) in one
/// transaction. `location` is an SQLite file path, or `postgresql://USER[:PASSWORD]@HOST:PORT/DB`
/// (a password may also come from PGPASSWORD or ~/.pgpass, as libpq reads them). On PostgreSQL
/// the schema is created under an advisory lock, so several servers can start at once. The
/// connection belongs to the calling thread; remove it with QSqlDatabase::removeDatabase(name).
///
/// `upgrades` change what `schema` created: upgrades.steps[0] takes the tables from version 1
/// (what `schema` creates) to 2, steps[1] to 3, and so on; the version lives in server_meta under
/// upgrades.key. They run in the same transaction and under the same lock, once per database.
struct ServerSchemaUpgrades {
    const char* key = nullptr;
    std::initializer_list<std::initializer_list<const char*>> steps;
};
[[nodiscard]] core::Result<QSqlDatabase> openServerDatabase(const QString& name, const QString& location, std::initializer_list<const char*> schema,
                                                            const ServerSchemaUpgrades& upgrades = {});

/// Whether a server database location names PostgreSQL (else it is an SQLite file).
[[nodiscard]] bool isPostgresLocation(const QString& location);

/// " FOR UPDATE" on PostgreSQL (row locks for concurrent servers), "" on SQLite (one writer at a
/// time already, and no such clause).
[[nodiscard]] QString forUpdate(const QSqlDatabase& db);

/// A FROM item for the elements of a JSON array bound as one text value (the next `?`), each as
/// `j.value`, whose elements are read with `j.value ->> N`: SQLite's json_each or
/// PostgreSQL's json_array_elements. Many rows in one statement with one bound value.
[[nodiscard]] QString jsonElements(const QSqlDatabase& db);

}  // namespace bandmate::sync
