#pragma once

#include "core/util/Result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <string>

namespace bandmate::core {

/// The version of the synced data's format: one more whenever a release adds a synced entity or
/// field (tests/core/FieldCatalogTest pins it to the catalog). Devices send it with each push;
/// the server keeps the newest per account, so an older Bandmate can tell that a newer one
/// wrote data it cannot show yet.
/// 1: the first; 2: roadmap_task.item_ids, checklist ticks kept by item id; 3: fan_vote;
/// 4: machine.origin (a copy of a shared groove); 5: coach_take (the timing coach's kept takes);
/// 6: arrangement, arrangement_section (a machine's whole tunes); 7: feed_folder, feed,
/// feed_item_state (followed blogs and podcasts).
inline constexpr int kDataFormat = 7;

/// The longest text one synced field holds, in UTF-8 bytes: what one push (a body of at most
/// 1 MiB) can carry. A whole chart or a beat machine's XML is a few dozen KiB.
inline constexpr qsizetype kMaxFieldValueBytes = 1024 * 1024;

/// What one synced column takes, as its table declares it. Every synced column is NOT NULL.
struct FieldSpec {
    enum class Type { Integer, Real, Text };
    Type type = Type::Text;
    bool notNull = true;
};

/// The synced entities of one schema and their fields (other than `id`): what a database file
/// can hold (read from the file), or what this build knows (latest()). Sync keeps aside what a
/// schema cannot hold instead of failing on it: another device may run a newer Bandmate.
class FieldCatalog {
public:
    /// The synced entities that `db`'s schema has now, with their fields.
    [[nodiscard]] static Result<FieldCatalog> read(const QSqlDatabase& db);
    /// This build's newest schema: read once, on first use, from a private in-memory database
    /// that ran every migration. Thread-safe.
    [[nodiscard]] static const FieldCatalog& latest();

    [[nodiscard]] bool hasEntity(const QString& entity) const { return m_entities.contains(entity); }
    /// The field's spec; nullptr when this schema lacks the entity or the field.
    [[nodiscard]] const FieldSpec* find(const QString& entity, const QString& field) const;
    /// One "entity.field TYPE" line per field, sorted: what the data-format test pins.
    [[nodiscard]] QStringList describe() const;

private:
    QHash<QString, QHash<QString, FieldSpec>> m_entities;
};

/// Reads one synced table's fields from `db`; empty when the table does not exist.
[[nodiscard]] Result<QHash<QString, FieldSpec>> readFieldSpecs(const QSqlDatabase& db, const QString& entity);

/// Whether `value` fits `spec`: not null, a number (or true/false) for INTEGER and REAL columns
/// (a whole one for INTEGER), text (of at most kMaxFieldValueBytes unless `checkLength` is
/// false) for TEXT. The error names `where` and says what was expected.
[[nodiscard]] Result<void> checkFieldValue(const FieldSpec& spec, const QVariant& value, const std::string& where, bool checkLength = true);
/// Whether `text` is longer than kMaxFieldValueBytes in UTF-8 (cheap for most texts).
[[nodiscard]] bool isTooLongForAField(const QString& text);

}  // namespace bandmate::core
