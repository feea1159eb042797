#pragma once

#include "core/util/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <initializer_list>

namespace bandmate::sync {

/// Opens a connection named `name` to the server's SQLite file and creates `schema` (idempotent
/// CREATE … IF NOT EXISTS statements) in one transaction. The connection belongs to the calling
/// thread; remove it with QSqlDatabase::removeDatabase(name).
[[nodiscard]] core::Result<QSqlDatabase> openServerDatabase(const QString& name, const QString& path, std::initializer_list<const char*> schema);

}  // namespace bandmate::sync
