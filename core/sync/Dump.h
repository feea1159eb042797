#pragma once

#include "core/util/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QVariant>

namespace bandmate::core {

class Database;

/// Every synced entity with every row and field, in a canonical form: entities by name, rows by
/// id, fields by name, numbers as JSON numbers, tombstoned rows included. Two databases that
/// hold the same synced data print the same dump, whatever their local history (sync tests
/// compare replicas with it; `bandmate-cli dump --json`).
[[nodiscard]] Result<QJsonObject> dumpSyncedData(Database& db);

/// A field value as the dump prints it: REAL and INTEGER values as JSON numbers alike (96 and
/// 96.0 are one value), everything else as text.
[[nodiscard]] QJsonValue dumpValue(const QVariant& value);

}  // namespace bandmate::core
