#pragma once

#include "core/util/Result.h"

#include <QString>

namespace bandmate::core {

class Database;

/// The position key (core/util/FractionalKey.h) for a row of an ordered list that sync merges:
/// `table` holds rows with `id`, `position`, `deleted` and a parent column; the key places a row
/// just before `beforeId` (empty: at the end) among its siblings, leaving `movingId` (the row
/// being moved, if any) out. An empty `parentColumn` makes the whole table one list. NotFound when `beforeId` is not in the list.
/// When the key would grow long (many inserts at one spot) or a neighbour's key is malformed (a
/// peer's), the siblings first get fresh short keys in their order (synced writes).
[[nodiscard]] Result<QString> positionInList(Database& db, const QString& table, const QString& parentColumn, const QString& parentId,
                                             const QString& beforeId, const QString& movingId);

}  // namespace bandmate::core
