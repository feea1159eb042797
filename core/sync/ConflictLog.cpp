#include "core/sync/ConflictLog.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/EntityCatalog.h"

#include <QUuid>

namespace bandmate::core {

namespace {

const QString kEntity = QStringLiteral("sync_conflict");

QString conflictId(const FieldChange& losing)
{
    static const QUuid kNamespace(QStringLiteral("{4f6b2a70-1c1e-4f5e-9d2b-62616e646d61}"));
    const QString key = QStringList{losing.entity, losing.id, losing.field, QString::number(losing.stamp.hlc.packed()), losing.stamp.deviceId}.join(QLatin1Char('\n'));
    return QUuid::createUuidV5(kNamespace, key).toString(QUuid::WithoutBraces);
}

}  // namespace

Result<bool> ConflictLog::record(const FieldChange& losing)
{
    if (!isProseField(losing.entity, losing.field) || losing.value.toString().trimmed().isEmpty()) {
        return false;
    }
    const QString id = conflictId(losing);
    auto known = sql::scalar(m_db.connection(), QStringLiteral("SELECT 1 FROM sync_conflict WHERE id = ?"), {id});
    if (!known) {
        return std::unexpected(known.error());
    }
    if (!known->isNull()) {
        return true;  // noticed before (here or on another device): its state stays as it is
    }
    auto written = ChangeTracker(m_db).write(kEntity, id,
                                             {{QStringLiteral("entity"), losing.entity},
                                              {QStringLiteral("row_id"), losing.id},
                                              {QStringLiteral("field"), losing.field},
                                              {QStringLiteral("value"), losing.value.toString()},
                                              {QStringLiteral("lost_hlc"), losing.stamp.hlc.packed()},
                                              {QStringLiteral("lost_device"), losing.stamp.deviceId}});
    if (!written) {
        return std::unexpected(written.error());
    }
    return true;
}

Result<void> ConflictLog::noticeIncoming(const FieldChange& incoming)
{
    if (!isProseField(incoming.entity, incoming.field)) {
        return {};
    }
    auto local = sql::run(m_db.connection(),
                          QStringLiteral("SELECT f.hlc, f.device_id, t.%1 FROM outbox o JOIN field_clock f ON f.entity = o.entity AND f.id = o.id AND f.field = o.field "
                                         "JOIN %2 t ON t.id = o.id WHERE o.entity = ? AND o.id = ? AND o.field = ?")
                              .arg(sql::quoteIdentifier(incoming.field), sql::quoteIdentifier(incoming.entity)),
                          {incoming.entity, incoming.id, incoming.field});
    if (!local) {
        return std::unexpected(local.error());
    }
    if (!local->next()) {
        return {};
    }
    const FieldChange mine{incoming.entity, incoming.id, incoming.field, local->value(2),
                           {Hlc::fromPacked(local->value(0).toLongLong()), local->value(1).toString()}};
    local->finish();
    if (mine.value.toString() == incoming.value.toString() || mine.stamp == incoming.stamp) {
        return {};
    }
    auto kept = record(incomingWins(mine.stamp, incoming.stamp) ? mine : incoming);
    if (!kept) {
        return std::unexpected(kept.error());
    }
    return {};
}

Result<QList<Conflict>> ConflictLog::open() const
{
    auto rows = sql::run(m_db.connection(), QStringLiteral("SELECT id, entity, row_id, field, value, lost_hlc FROM sync_conflict "
                                                           "WHERE resolved = 0 AND deleted = 0 ORDER BY lost_hlc DESC"));
    if (!rows) {
        return std::unexpected(rows.error());
    }
    QList<Conflict> conflicts;
    while (rows->next()) {
        Conflict conflict;
        conflict.id = rows->value(0).toString();
        conflict.entity = rows->value(1).toString();
        conflict.rowId = rows->value(2).toString();
        conflict.field = rows->value(3).toString();
        conflict.value = rows->value(4).toString();
        conflict.lostAtMs = Hlc::fromPacked(rows->value(5).toLongLong()).wallMs;
        conflicts.append(conflict);
    }
    rows->finish();
    ChangeTracker tracker(m_db);
    for (Conflict& conflict : conflicts) {
        if (!isProseField(conflict.entity, conflict.field)) {
            continue;  // written by a newer Bandmate: shown, but never read as SQL here
        }
        auto fields = tracker.fieldsOf(conflict.entity);
        if (!fields) {
            return std::unexpected(fields.error());
        }
        const QString labelField = fields->contains(QStringLiteral("title")) ? QStringLiteral("title")
                                   : fields->contains(QStringLiteral("name")) ? QStringLiteral("name")
                                                                               : QString();
        auto row = sql::run(m_db.connection(),
                            QStringLiteral("SELECT %1, %2 FROM %3 WHERE id = ?")
                                .arg(sql::quoteIdentifier(conflict.field), labelField.isEmpty() ? QStringLiteral("''") : sql::quoteIdentifier(labelField),
                                     sql::quoteIdentifier(conflict.entity)),
                            {conflict.rowId});
        if (!row) {
            return std::unexpected(row.error());
        }
        if (row->next()) {
            conflict.current = row->value(0).toString();
            conflict.label = row->value(1).toString();
        }
    }
    return conflicts;
}

Result<void> ConflictLog::restore(const QString& id)
{
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    auto rows = sql::run(m_db.connection(), QStringLiteral("SELECT entity, row_id, field, value FROM sync_conflict WHERE id = ? AND deleted = 0"), {id});
    if (!rows) {
        return std::unexpected(rows.error());
    }
    if (!rows->next()) {
        return fail(ErrorCode::NotFound, "no such conflict", id.toStdString());
    }
    const QString entity = rows->value(0).toString();
    const QString rowId = rows->value(1).toString();
    const QString field = rows->value(2).toString();
    const QString value = rows->value(3).toString();
    rows->finish();
    if (!isProseField(entity, field)) {
        return fail(ErrorCode::InvalidInput, "this Bandmate cannot restore this field", (entity + QLatin1Char('.') + field).toStdString());
    }
    // The text being replaced is kept too, so a restore can itself be undone from the log.
    auto current = sql::run(m_db.connection(), QStringLiteral("SELECT f.hlc, f.device_id, t.%1 FROM %2 t JOIN field_clock f ON f.entity = ? AND f.id = t.id AND f.field = ? "
                                                              "WHERE t.id = ?")
                                                   .arg(sql::quoteIdentifier(field), sql::quoteIdentifier(entity)),
                            {entity, field, rowId});
    if (!current) {
        return std::unexpected(current.error());
    }
    if (current->next()) {
        const FieldChange replaced{entity, rowId, field, current->value(2), {Hlc::fromPacked(current->value(0).toLongLong()), current->value(1).toString()}};
        current->finish();
        if (auto kept = record(replaced); !kept) {
            return std::unexpected(kept.error());
        }
    }
    ChangeTracker tracker(m_db);
    if (auto written = tracker.write(entity, rowId, {{field, value}}); !written) {
        return std::unexpected(written.error());
    }
    if (auto closed = tracker.write(kEntity, id, {{QStringLiteral("resolved"), 1}}); !closed) {
        return std::unexpected(closed.error());
    }
    return transaction->commit();
}

Result<void> ConflictLog::dismiss(const QString& id)
{
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    auto known = sql::scalar(m_db.connection(), QStringLiteral("SELECT 1 FROM sync_conflict WHERE id = ? AND deleted = 0"), {id});
    if (!known) {
        return std::unexpected(known.error());
    }
    if (known->isNull()) {
        return fail(ErrorCode::NotFound, "no such conflict", id.toStdString());
    }
    if (auto closed = ChangeTracker(m_db).write(kEntity, id, {{QStringLiteral("resolved"), 1}}); !closed) {
        return std::unexpected(closed.error());
    }
    return transaction->commit();
}

}  // namespace bandmate::core
