#pragma once

#include <QStringList>

namespace bandmate::core {

/// The synced entities: each is a table of the same name with a text `id` primary key, defaults
/// on every other column and a `deleted` tombstone column. A new synced table needs only its
/// migration and one line here; local-only tables (media_file) are never listed.
[[nodiscard]] const QStringList& syncedEntities();

/// True when `entity` is a synced entity.
[[nodiscard]] bool isSyncedEntity(const QString& entity);

/// True for the fields that hold prose a musician wrote (notes, charts, descriptions): when two
/// devices edit one concurrently, the losing text goes to the conflict log instead of away.
[[nodiscard]] bool isProseField(const QString& entity, const QString& field);

}  // namespace bandmate::core
