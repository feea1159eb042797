#include "core/sync/ChangeTracker.h"

#include "core/storage/Database.h"
#include "core/storage/RowStatement.h"
#include "core/storage/Sql.h"
#include "core/sync/EntityCatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <vector>

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

Result<QHash<QString, QString>> ChangeTracker::defaultsOf(const QString& entity) const
{
    if (auto cached = m_defaults.constFind(entity); cached != m_defaults.constEnd()) {
        return *cached;
    }
    auto columns = sql::run(m_db.connection(), QStringLiteral("SELECT name, dflt_value FROM pragma_table_info(?)"), {entity});
    if (!columns) {
        return std::unexpected(columns.error());
    }
    QHash<QString, QString> defaults;
    while (columns->next()) {
        defaults.insert(columns->value(0).toString(), columns->value(1).toString());
    }
    m_defaults.insert(entity, defaults);
    return defaults;
}

namespace {

/// Whether `value` is what SQLite's column default `declared` gives ("''", "0", "'learning'").
bool isDefault(const QVariant& value, const QString& declared)
{
    if (declared.isEmpty()) {
        return false;
    }
    if (declared.startsWith(QLatin1Char('\'')) && declared.endsWith(QLatin1Char('\''))) {
        const QString text = declared.mid(1, declared.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
        return value.typeId() == QMetaType::QString && value.toString() == text;
    }
    bool number = false;
    const double declaredNumber = declared.toDouble(&number);
    if (!number || value.typeId() == QMetaType::QString) {
        return false;
    }
    bool ok = false;
    const double given = value.toDouble(&ok);
    return ok && given == declaredNumber;
}

}  // namespace

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
    return m_db.execCached(statement, binds);
}

Result<void> ChangeTracker::stamp(const QString& entity, const QString& id, const QString& field,
                                  const FieldStamp& stamp)
{
    return m_db.execCached(QStringLiteral("INSERT INTO field_clock (entity, id, field, hlc, device_id) "
                                          "VALUES (?, ?, ?, ?, ?) ON CONFLICT (entity, id, field) DO "
                                          "UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id"),
                           {entity, id, field, stamp.hlc.packed(), stamp.deviceId});
}

Result<void> ChangeTracker::stampAll(const QString& entity, const QString& id, const QStringList& fields, const FieldStamp& stamp)
{
    // One statement per table for all the fields of a write (a new song has 17): the statement
    // text depends only on the field count, so it stays in the prepared-statement cache.
    QStringList clockRows;
    QStringList outboxRows;
    QVariantList clockBinds;
    QVariantList outboxBinds;
    const qint64 hlc = stamp.hlc.packed();
    for (const QString& field : fields) {
        clockRows << QStringLiteral("(?, ?, ?, ?, ?)");
        outboxRows << QStringLiteral("(?, ?, ?)");
        clockBinds << entity << id << field << hlc << stamp.deviceId;
        outboxBinds << entity << id << field;
    }
    if (auto ok = m_db.execCached(QStringLiteral("INSERT INTO field_clock (entity, id, field, hlc, device_id) VALUES %1 "
                                                 "ON CONFLICT (entity, id, field) DO UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id")
                                      .arg(clockRows.join(QStringLiteral(", "))),
                                  clockBinds);
        !ok) {
        return ok;
    }
    return m_db.execCached(QStringLiteral("INSERT OR IGNORE INTO outbox (entity, id, field) VALUES %1").arg(outboxRows.join(QStringLiteral(", "))),
                           outboxBinds);
}

Result<void> ChangeTracker::loadClock()
{
    qint64 stored = 0;
    auto read = m_db.execCached(QStringLiteral("SELECT last_hlc FROM sync_state WHERE singleton = 1"), {}, [&stored](QSqlQuery& row) {
        if (row.next()) {
            stored = row.value(0).toLongLong();
        }
    });
    if (!read) {
        return read;
    }
    m_db.clock().observe(Hlc::fromPacked(stored));
    return {};
}

Result<void> ChangeTracker::saveClock()
{
    // max(): never lower than what another connection saved.
    return m_db.execCached(QStringLiteral("UPDATE sync_state SET last_hlc = max(last_hlc, ?) WHERE singleton = 1"), {m_db.clock().last().packed()});
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
        // A text no push could carry would stop this computer's sync for good: refused here.
        if (it->typeId() == QMetaType::QString && isTooLongForAField(it->toString())) {
            return fail(ErrorCode::InvalidInput, "is longer than " + std::to_string(kMaxFieldValueBytes / 1024 / 1024) + " MiB, the most one field holds",
                        (entity + QLatin1Char('.') + it.key()).toStdString());
        }
    }
    if (auto ok = upsert(entity, id, values); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = loadClock(); !ok) {
        return std::unexpected(ok.error());
    }
    const FieldStamp now{m_db.clock().now(), m_db.deviceId()};
    if (auto ok = stampAll(entity, id, fields.keys(), now); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = saveClock(); !ok) {
        return std::unexpected(ok.error());
    }
    return now;
}

Result<void> ChangeTracker::writeMany(const QString& entity, const QList<QPair<QString, QVariantMap>>& rows)
{
    if (rows.isEmpty()) {
        return {};
    }
    const QStringList fields = rows.first().second.keys();
    if (auto ok = checkFields(entity, fields); !ok) {
        return std::unexpected(ok.error());
    }
    auto defaults = defaultsOf(entity);
    if (!defaults) {
        return std::unexpected(defaults.error());
    }
    for (const auto& [id, row] : rows) {
        if (id.isEmpty() || row.keys() != fields) {
            return fail(ErrorCode::InvalidArgument, "every row needs an id and the same fields", entity.toStdString());
        }
        for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
            if (it->typeId() == QMetaType::QString && isTooLongForAField(it->toString())) {
                return fail(ErrorCode::InvalidInput, "is longer than " + std::to_string(kMaxFieldValueBytes / 1024 / 1024) + " MiB, the most one field holds",
                            (entity + QLatin1Char('.') + it.key()).toStdString());
            }
        }
    }
    // Rows that exist already get every field stamped, like write(). (The ids travel as one JSON
    // array: one statement with one bound value, whatever the batch size.)
    QSet<QString> existing;
    {
        QJsonArray ids;
        for (const auto& row : rows) {
            ids.append(row.first);
        }
        auto found = sql::run(m_db.connection(), QStringLiteral("SELECT id FROM %1 WHERE id IN (SELECT value FROM json_each(?))").arg(sql::quoteIdentifier(entity)),
                              {QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact))});
        if (!found) {
            return std::unexpected(found.error());
        }
        while (found->next()) {
            existing.insert(found->value(0).toString());
        }
    }
    if (auto ok = loadClock(); !ok) {
        return ok;
    }
    // Many rows per statement through SQLite's own interface (sql::RowBatch): binding thousands
    // of values is quadratic in Qt's driver (it looks each up by name), JSON spread by json_each
    // was parsed once per column, and the full-text index flushes once per statement.
    QStringList columns{QStringLiteral("\"id\"")};
    QStringList updates;
    for (const QString& field : fields) {
        const QString column = sql::quoteIdentifier(field);
        columns << column;
        updates << column + QStringLiteral(" = excluded.") + column;
    }
    sql::RowBatch upserts(m_db.connection(), QStringLiteral("INSERT INTO %1 (%2)").arg(sql::quoteIdentifier(entity), columns.join(QLatin1Char(','))),
                          static_cast<int>(columns.size()), QStringLiteral("ON CONFLICT (\"id\") DO UPDATE SET ") + updates.join(QLatin1Char(',')));
    sql::RowBatch stamps(m_db.connection(), QStringLiteral("INSERT INTO field_clock (entity, id, field, hlc, device_id)"), 5,
                         QStringLiteral("ON CONFLICT (entity, id, field) DO UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id"));
    sql::RowBatch queued(m_db.connection(), QStringLiteral("INSERT OR IGNORE INTO outbox (entity, id, field)"), 3);
    std::vector<QVariant> values(static_cast<size_t>(columns.size()));
    std::array<QVariant, 5> clock{entity, QVariant(), QVariant(), QVariant(), m_db.deviceId()};
    std::array<QVariant, 3> outbox{entity, QVariant(), QVariant()};
    const auto stampOne = [&](const QString& field) -> Result<void> {
        clock[2] = field;
        outbox[2] = field;
        if (auto ok = stamps.add(clock); !ok) {
            return ok;
        }
        return queued.add(outbox);
    };
    for (const auto& [id, row] : rows) {
        values[0] = id;
        size_t at = 1;
        // Synced columns are NOT NULL with defaults: a null value means "empty text", as in write().
        for (auto it = row.constBegin(); it != row.constEnd(); ++it, ++at) {
            values[at] = it->isNull() || (it->typeId() == QMetaType::QString && it->toString().isNull()) ? QVariant(QStringLiteral("")) : *it;
        }
        if (auto ok = upserts.add(values); !ok) {
            return ok;
        }
        const bool isNew = !existing.contains(id);
        clock[1] = id;
        clock[3] = m_db.clock().now().packed();
        outbox[1] = id;
        bool stamped = false;
        for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
            if (isNew && isDefault(*it, defaults->value(it.key()))) {
                continue;
            }
            if (auto ok = stampOne(it.key()); !ok) {
                return ok;
            }
            stamped = true;
        }
        if (!stamped) {  // a new row syncs through at least one field
            if (auto ok = stampOne(fields.first()); !ok) {
                return ok;
            }
        }
    }
    for (sql::RowBatch* batch : {&upserts, &stamps, &queued}) {
        if (auto ok = batch->finish(); !ok) {
            return ok;
        }
    }
    return saveClock();
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
    if (auto kept = keepAsideIfUnfit(change); !kept || *kept) {
        return kept ? Result<bool>(false) : std::unexpected(kept.error());
    }
    if (auto ok = loadClock(); !ok) {
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
        // A value the schema's own checks refuse (a rating of 7, a kind this version lacks): the
        // failed statement changed nothing, and the change waits for a version that takes it.
        if (ok.error().message.find("constraint failed") == std::string::npos) {
            return std::unexpected(ok.error());
        }
        if (auto kept = keepAside(change, QString::fromStdString(ok.error().message)); !kept) {
            return std::unexpected(kept.error());
        }
        return false;
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

Result<QString> ChangeTracker::unfitReason(const FieldChange& change) const
{
    if (!isSyncedEntity(change.entity)) {
        return QStringLiteral("unknown entity");
    }
    auto cached = m_specs.constFind(change.entity);
    if (cached == m_specs.constEnd()) {
        auto specs = readFieldSpecs(m_db.connection(), change.entity);
        if (!specs) {
            return std::unexpected(specs.error());
        }
        cached = m_specs.insert(change.entity, *specs);
    }
    if (cached->isEmpty()) {
        return QStringLiteral("unknown entity");  // synced in a newer schema than this file's
    }
    const auto spec = cached->constFind(change.field);
    if (spec == cached->constEnd()) {
        return QStringLiteral("unknown field");
    }
    // Length is the sender's limit: what arrived is held here whatever its size.
    if (auto fits = checkFieldValue(*spec, change.value, {}, false); !fits) {
        return QString::fromStdString(fits.error().message);
    }
    return QString();
}

Result<bool> ChangeTracker::keepAsideIfUnfit(const FieldChange& change)
{
    if (change.id.isEmpty() || change.stamp.deviceId.isEmpty()) {
        return fail(ErrorCode::InvalidInput, "change without id or device", change.entity.toStdString());
    }
    auto reason = unfitReason(change);
    if (!reason) {
        return std::unexpected(reason.error());
    }
    if (reason->isEmpty()) {
        return false;
    }
    if (auto ok = keepAside(change, *reason); !ok) {
        return std::unexpected(ok.error());
    }
    return true;
}

Result<void> ChangeTracker::keepAside(const FieldChange& change, const QString& reason)
{
    if (auto ok = loadClock(); !ok) {
        return ok;
    }
    m_db.clock().receive(change.stamp.hlc);
    if (auto ok = saveClock(); !ok) {
        return ok;
    }
    // The merge rule (MergeRule.cpp) in SQL: a newer stamp, or the same with a greater device id.
    const QString value = QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("v"), QJsonValue::fromVariant(change.value)}}).toJson(QJsonDocument::Compact));
    return m_db.execCached(QStringLiteral("INSERT INTO sync_kept_aside (entity, id, field, value, hlc, device_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                          "ON CONFLICT (entity, id, field) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, "
                                          "device_id = excluded.device_id, reason = excluded.reason WHERE excluded.hlc > sync_kept_aside.hlc "
                                          "OR (excluded.hlc = sync_kept_aside.hlc AND excluded.device_id > sync_kept_aside.device_id)"),
                           {change.entity, change.id, change.field, value, change.stamp.hlc.packed(), change.stamp.deviceId, reason});
}

Result<qint64> ChangeTracker::keptAsideLookNeeded() const
{
    // What waits could not be held by this schema and this build; only a changed schema (an
    // upgrade) or a build that knows more can take it now.
    auto schema = sql::scalar(m_db.connection(), QStringLiteral("PRAGMA schema_version"));
    auto tried = sql::scalar(m_db.connection(), QStringLiteral("SELECT kept_aside_schema FROM sync_state WHERE singleton = 1"));
    if (!schema || !tried) {
        return std::unexpected(!schema ? schema.error() : tried.error());
    }
    const qint64 now = schema->toLongLong() * 1024 + kDataFormat;
    return now == tried->toLongLong() ? 0 : now;
}

Result<int> ChangeTracker::applyKeptAside()
{
    auto look = keptAsideLookNeeded();
    if (!look) {
        return std::unexpected(look.error());
    }
    if (*look == 0) {
        return 0;
    }
    if (auto ok = sql::exec(m_db.connection(), QStringLiteral("UPDATE sync_state SET kept_aside_schema = ? WHERE singleton = 1"), {*look}); !ok) {
        return std::unexpected(ok.error());
    }
    m_specs.clear();  // read the fields again
    auto rows = sql::run(m_db.connection(), QStringLiteral("SELECT entity, id, field, value, hlc, device_id FROM sync_kept_aside ORDER BY hlc"));
    if (!rows) {
        return std::unexpected(rows.error());
    }
    QList<FieldChange> waiting;
    while (rows->next()) {
        const QVariant value = QJsonDocument::fromJson(rows->value(3).toString().toUtf8()).object().value(QStringLiteral("v")).toVariant();
        waiting.append({rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString(), value,
                        {Hlc::fromPacked(rows->value(4).toLongLong()), rows->value(5).toString()}});
    }
    rows->finish();
    for (const FieldChange& change : waiting) {
        auto reason = unfitReason(change);
        if (!reason) {
            return std::unexpected(reason.error());
        }
        if (!reason->isEmpty()) {
            continue;  // still more than this version can hold
        }
        // Out of the store first: applyRemote() puts it back if the schema's checks refuse it.
        if (auto ok = sql::exec(m_db.connection(), QStringLiteral("DELETE FROM sync_kept_aside WHERE entity = ? AND id = ? AND field = ?"),
                                {change.entity, change.id, change.field});
            !ok) {
            return std::unexpected(ok.error());
        }
        if (auto ok = applyRemote(change); !ok) {
            return std::unexpected(ok.error());
        }
    }
    auto left = sql::scalar(m_db.connection(), QStringLiteral("SELECT count(*) FROM sync_kept_aside"));
    if (!left) {
        return std::unexpected(left.error());
    }
    return static_cast<int>(waiting.size()) - left->toInt();
}

Result<void> ChangeTracker::acknowledge(const QList<FieldChange>& pushed)
{
    for (const FieldChange& change : pushed) {
        auto done = m_db.execCached(QStringLiteral("DELETE FROM outbox WHERE entity = ? AND id = ? AND field = ? AND EXISTS "
                                                   "(SELECT 1 FROM field_clock c WHERE c.entity = outbox.entity AND c.id = outbox.id "
                                                   "AND c.field = outbox.field AND c.hlc = ? AND c.device_id = ?)"),
                                    {change.entity, change.id, change.field, change.stamp.hlc.packed(), change.stamp.deviceId});
        if (!done) {
            return done;
        }
    }
    return {};
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
