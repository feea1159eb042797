#pragma once

#include "core/sync/ChangeTracker.h"
#include "core/util/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace bandmate::sync {

/// One field change as JSON: {"entity","id","field","value","hlc":"ms.counter","device"}.
[[nodiscard]] QJsonObject changeToJson(const core::FieldChange& change);

/// Parses changeToJson()'s form. `path` names the object in errors ("changes[3]").
[[nodiscard]] core::Result<core::FieldChange> changeFromJson(const QJsonObject& json,
                                                             const QString& path);

/// Parses an array of changes, failing on the first bad element with its index in the path.
[[nodiscard]] core::Result<QList<core::FieldChange>> changesFromJson(const QJsonArray& json,
                                                                     const QString& path);

}  // namespace bandmate::sync
