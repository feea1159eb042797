#include "core/sync/ChangeTracker.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/sync/EntityCatalog.h"

namespace bandmate::core {

ChangeTracker::ChangeTracker(Database& db) : m_db(db) {}

Result<QStringList> ChangeTracker::fieldsOf(const QString& entity) const
{
    if (!isSyncedEntity(entity)) {
        return fail(ErrorCode::InvalidArgument, "not a synced entity", entity.toStdString());
    }
    if (auto cached = m_fields.constFind(entity); cached != m_fields.constEnd()) {
        return *cached;
    }
    auto columns = sql::run(m_db.connection(),
                            QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid"),
                            {entity});
    if (!columns) {
        return std::unexpected(columns.error());
    }
    QStringList fields;
    while (columns->next()) {
        const QString name = columns->value(0).toString();
        if (name != QLatin1String("id")) {
            fields.append(name);
        }
    }
    if (fields.isEmpty()) {
        return fail(ErrorCode::Internal, "synced entity has no table", entity.toStdString());
    }
    m_fields.insert(entity, fields);
    return fields;
}

Result<void> ChangeTracker::checkFields(const QString& entity, const QStringList& fields) const
{
    auto known = fieldsOf(entity);
    if (!known) {
        return std::unexpected(known.error());
    }
    for (const QString& field : fields) {
        if (!known->contains(field)) {
            return fail(ErrorCode::InvalidArgument, "unknown field",
                        (entity + QLatin1Char('.') + field).toStdString());
        }
    }
    return {};
}

Result<void> ChangeTracker::upsert(const QString& entity, const QString& id,
                                   const QVariantMap& fields)
{
    QStringList columns{QStringLiteral("\"id\"")};
    QStringList placeholders{QStringLiteral("?")};
    QStringList updates;
    QVariantList binds{id};
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QString column = sql::quoteIdentifier(it.key());
        columns.append(column);
        placeholders.append(QStringLiteral("?"));
        updates.append(column + QStringLiteral(" = excluded.") + column);
        binds.append(it.value());
    }
    const QString statement = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (\"id\") DO UPDATE SET %4")
                                  .arg(sql::quoteIdentifier(entity), columns.join(QLatin1Char(',')),
                                       placeholders.join(QLatin1Char(',')),
                                       updates.join(QLatin1Char(',')));
    return sql::exec(m_db.connection(), statement, binds);
}

Result<void> ChangeTracker::stamp(const QString& entity, const QString& id, const QString& field,
                                  const FieldStamp& stamp)
{
    return sql::exec(m_db.connection(),
                     QStringLiteral("INSERT INTO field_clock (entity, id, field, hlc, device_id) "
                                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (entity, id, field) DO "
                                    "UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id"),
                     {entity, id, field, stamp.hlc.packed(), stamp.deviceId});
}

Result<void> ChangeTracker::saveClock()
{
    return sql::exec(m_db.connection(),
                     QStringLiteral("UPDATE sync_state SET last_hlc = ? WHERE singleton = 1"),
                     {m_db.clock().last().packed()});
}

Result<FieldStamp> ChangeTracker::write(const QString& entity, const QString& id,
                                        const QVariantMap& fields)
{
    if (id.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "empty id", entity.toStdString());
    }
    if (fields.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "no fields to write", entity.toStdString());
    }
    if (auto ok = checkFields(entity, fields.keys()); !ok) {
        return std::unexpected(ok.error());
    }
    // Synced columns are NOT NULL with defaults: a null QString (a default argument, say) means
    // "empty text", not SQL NULL.
    QVariantMap values = fields;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (it->typeId() == QMetaType::QString && it->toString().isNull()) {
            *it = QStringLiteral("");
        }
    }
    if (auto ok = upsert(entity, id, values); !ok) {
        return std::unexpected(ok.error());
    }
    const FieldStamp now{m_db.clock().now(), m_db.deviceId()};
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (auto ok = stamp(entity, id, it.key(), now); !ok) {
            return std::unexpected(ok.error());
        }
        if (auto ok = sql::exec(m_db.connection(),
                                QStringLiteral("INSERT OR IGNORE INTO outbox (entity, id, field) "
                                               "VALUES (?, ?, ?)"),
                                {entity, id, it.key()});
            !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (auto ok = saveClock(); !ok) {
        return std::unexpected(ok.error());
    }
    return now;
}

Result<FieldStamp> ChangeTracker::remove(const QString& entity, const QString& id)
{
    return write(entity, id, {{QStringLiteral("deleted"), 1}});
}

Result<bool> ChangeTracker::applyRemote(const FieldChange& change)
{
    if (change.id.isEmpty() || change.stamp.deviceId.isEmpty()) {
        return fail(ErrorCode::InvalidInput, "change without id or device",
                    change.entity.toStdString());
    }
    if (auto ok = checkFields(change.entity, {change.field}); !ok) {
        return std::unexpected(ok.error());
    }
    m_db.clock().receive(change.stamp.hlc);
    if (auto ok = saveClock(); !ok) {
        return std::unexpected(ok.error());
    }

    auto local = sql::run(m_db.connection(),
                          QStringLiteral("SELECT hlc, device_id FROM field_clock WHERE entity = ? "
                                         "AND id = ? AND field = ?"),
                          {change.entity, change.id, change.field});
    if (!local) {
        return std::unexpected(local.error());
    }
    if (local->next()) {
        const FieldStamp current{Hlc::fromPacked(local->value(0).toLongLong()),
                                 local->value(1).toString()};
        local->finish();
        if (!incomingWins(current, change.stamp)) {
            return false;
        }
    }
    local->finish();

    if (auto ok = upsert(change.entity, change.id, {{change.field, change.value}}); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = stamp(change.entity, change.id, change.field, change.stamp); !ok) {
        return std::unexpected(ok.error());
    }
    // A local edit that lost is no longer worth pushing.
    if (auto ok = sql::exec(m_db.connection(),
                            QStringLiteral("DELETE FROM outbox WHERE entity = ? AND id = ? AND field = ?"),
                            {change.entity, change.id, change.field});
        !ok) {
        return std::unexpected(ok.error());
    }
    return true;
}

Result<QList<FieldChange>> ChangeTracker::pending(int limit) const
{
    auto rows = sql::run(m_db.connection(),
                         QStringLiteral("SELECT o.entity, o.id, o.field, c.hlc, c.device_id FROM outbox o "
                                        "JOIN field_clock c USING (entity, id, field) "
                                        "ORDER BY c.hlc, o.entity, o.id, o.field LIMIT ?"),
                         {limit});
    if (!rows) {
        return std::unexpected(rows.error());
    }
    QList<FieldChange> changes;
    while (rows->next()) {
        FieldChange change;
        change.entity = rows->value(0).toString();
        change.id = rows->value(1).toString();
        change.field = rows->value(2).toString();
        change.stamp = FieldStamp{Hlc::fromPacked(rows->value(3).toLongLong()), rows->value(4).toString()};
        changes.append(change);
    }
    rows->finish();
    for (FieldChange& change : changes) {
        if (auto ok = checkFields(change.entity, {change.field}); !ok) {
            return std::unexpected(ok.error());
        }
        auto value = sql::scalar(m_db.connection(),
                                 QStringLiteral("SELECT %1 FROM %2 WHERE id = ?")
                                     .arg(sql::quoteIdentifier(change.field),
                                          sql::quoteIdentifier(change.entity)),
                                 {change.id});
        if (!value) {
            return std::unexpected(value.error());
        }
        change.value = *value;
    }
    return changes;
}

}  // namespace bandmate::core
