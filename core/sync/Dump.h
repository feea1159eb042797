#pragma once

#include "core/util/Result.h"

#include <QJsonObject>

namespace bandmate::core {

class Database;

/// Every synced entity with every row and field, in a canonical form: entities by name, rows by
/// id, fields by name, numbers as JSON numbers, tombstoned rows included. Two databases that
/// hold the same synced data print the same dump, whatever their local history (sync tests
/// compare replicas with it; `bandmate-cli dump --json`).
[[nodiscard]] Result<QJsonObject> dumpSyncedData(Database& db);

}  // namespace bandmate::core
