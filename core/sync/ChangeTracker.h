#pragma once

#include "core/sync/FieldCatalog.h"
#include "core/sync/MergeRule.h"
#include "core/util/Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

namespace bandmate::core {

class Database;

/// One field of one entity row with the stamp of the write that set it.
struct FieldChange {
    QString entity;
    QString id;
    QString field;
    QVariant value;
    FieldStamp stamp;
};

/// The one way synced data is written (DESIGN.md section 2): a repository calls write() inside
/// its Transaction, and the row, its field clocks and the outbox change together. Sync applies
/// other devices' changes through applyRemote(), under the same merge rule as the server.
class ChangeTracker {
public:
    /// `db` must outlive the tracker; use on the database's thread.
    explicit ChangeTracker(Database& db);

    /// Writes `fields` of row `id` of `entity` (creating the row), stamps them with one new HLC
    /// and marks them dirty. Call inside a Transaction. Unknown entities or fields are refused.
    [[nodiscard]] Result<FieldStamp> write(const QString& entity, const QString& id,
                                           const QVariantMap& fields);
    /// Writes many new or changed rows of one entity that all set the same fields, with a few
    /// multi-row statements instead of a few per row (bulk imports, library scans). Each row gets
    /// its own HLC, as if written one by one. For a row that did not exist, fields left at their
    /// column default are not stamped (a field without a stamp loses to any write, and the
    /// default is what a new row has anyway), so new rows cost fewer bookkeeping rows. Call
    /// inside a Transaction.
    [[nodiscard]] Result<void> writeMany(const QString& entity, const QList<QPair<QString, QVariantMap>>& rows);
    /// Marks a row deleted (a tombstone that syncs like any field).
    [[nodiscard]] Result<FieldStamp> remove(const QString& entity, const QString& id);

    /// Applies another device's write if it wins the merge rule; true when it did. Advances the
    /// local clock past the change's HLC either way. A change this database cannot hold is kept
    /// aside (false), as keepAsideIfUnfit() does. Call inside a Transaction.
    [[nodiscard]] Result<bool> applyRemote(const FieldChange& change);

    /// When this database cannot hold `change` (an entity or field that a newer Bandmate added,
    /// or a value its schema refuses), keeps it in sync_kept_aside (the newer write of one field
    /// wins there too) and returns true; false when applyRemote() can take it. Never fails on
    /// what the change holds, so one odd value never stops a sync. Call inside a Transaction.
    [[nodiscard]] Result<bool> keepAsideIfUnfit(const FieldChange& change);
    /// Applies, under the merge rule, the kept-aside changes this schema can hold now; how many
    /// left the store. Looks only when the file's schema changed since it last looked (an
    /// upgrade), so a sync round pays nothing for what waits. Call inside a Transaction.
    [[nodiscard]] Result<int> applyKeptAside();
    /// Whether applyKeptAside() would look (non-zero: the schema or the build changed since it
    /// last looked); reads only.
    [[nodiscard]] Result<qint64> keptAsideLookNeeded() const;

    /// Marks pushed changes clean: each leaves the outbox unless its field was written again since
    /// (its stamp changed), in which case the newer write is still pending. Call inside a Transaction.
    [[nodiscard]] Result<void> acknowledge(const QList<FieldChange>& pushed);

    /// The dirty fields with their current values and stamps, oldest write first.
    [[nodiscard]] Result<QList<FieldChange>> pending(int limit) const;

    /// The columns of a synced entity other than `id`, in table order.
    [[nodiscard]] Result<QStringList> fieldsOf(const QString& entity) const;

private:
    Result<void> checkFields(const QString& entity, const QStringList& fields) const;
    Result<void> upsert(const QString& entity, const QString& id, const QVariantMap& fields);
    Result<void> stamp(const QString& entity, const QString& id, const QString& field,
                       const FieldStamp& stamp);
    Result<void> stampAll(const QString& entity, const QString& id, const QStringList& fields,
                          const FieldStamp& stamp);
    /// Moves this connection's clock up to the file's `last_hlc`: another connection to the same
    /// file (a library scan's, another process's) may have stamped or received newer writes.
    /// Inside the write transaction, so nothing stamps in between.
    Result<void> loadClock();
    Result<void> saveClock();
    /// Why `change` cannot be held here ("unknown field", "must not be null"); empty when it can.
    Result<QString> unfitReason(const FieldChange& change) const;
    Result<void> keepAside(const FieldChange& change, const QString& reason);

    Database& m_db;
    /// A column's default as SQLite states it ("''", "0", "'learning'"), per entity and field.
    [[nodiscard]] Result<QHash<QString, QString>> defaultsOf(const QString& entity) const;

    mutable QHash<QString, QStringList> m_fields;
    mutable QHash<QString, QHash<QString, FieldSpec>> m_specs;
    mutable QHash<QString, QHash<QString, QString>> m_defaults;
};

}  // namespace bandmate::core
