#include "core/sync/DeleteGuard.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"

#include <algorithm>

namespace bandmate::core {

namespace {

const QString kDeleted = QStringLiteral("deleted");

/// The things a musician owns and would miss; their children (entries, notes, stages, plays)
/// go with them and are not counted on their own.
const QStringList& itemEntities()
{
    static const QStringList entities = {QStringLiteral("song"),    QStringLiteral("show"), QStringLiteral("machine"),
                                         QStringLiteral("roadmap"), QStringLiteral("task"), QStringLiteral("playlist")};
    return entities;
}

}  // namespace

Result<bool> DeleteGuard::hold(const FieldChange& incoming)
{
    if (!itemEntities().contains(incoming.entity)) {
        return false;
    }
    const QSqlDatabase db = m_db.connection();
    const QString table = sql::quoteIdentifier(incoming.entity);
    const QString key = incoming.entity + QLatin1Char('/') + incoming.id;
    if (!m_seen.contains(key)) {
        auto exists = sql::scalar(db, QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table), {incoming.id});
        if (!exists) {
            return std::unexpected(exists.error());
        }
        m_seen.insert(key);
        if (exists->isNull()) {
            m_arrivedHere.insert(key);
        }
    }
    if (incoming.field != kDeleted) {
        return false;
    }
    auto held = sql::run(db, QStringLiteral("SELECT hlc, device_id FROM sync_held_delete WHERE entity = ? AND id = ?"), {incoming.entity, incoming.id});
    if (!held) {
        return std::unexpected(held.error());
    }
    if (held->next()) {
        const FieldStamp heldStamp{Hlc::fromPacked(held->value(0).toLongLong()), held->value(1).toString()};
        held->finish();
        if (!incomingWins(heldStamp, incoming.stamp)) {
            return true;  // the held tombstone is newer and decides this field whatever happens to it
        }
        if (auto ok = forget(incoming.entity, incoming.id); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (incoming.value.toLongLong() == 0 || m_arrivedHere.contains(key)) {
        return false;
    }
    auto deleted = sql::scalar(db, QStringLiteral("SELECT deleted FROM %1 WHERE id = ?").arg(table), {incoming.id});
    if (!deleted) {
        return std::unexpected(deleted.error());
    }
    if (deleted->isNull() || deleted->toLongLong() != 0) {
        return false;  // gone here already: nothing of the musician's to lose
    }
    auto local = sql::run(db, QStringLiteral("SELECT hlc, device_id FROM field_clock WHERE entity = ? AND id = ? AND field = 'deleted'"),
                          {incoming.entity, incoming.id});
    if (!local) {
        return std::unexpected(local.error());
    }
    if (local->next() && !incomingWins({Hlc::fromPacked(local->value(0).toLongLong()), local->value(1).toString()}, incoming.stamp)) {
        return false;  // an undelete here is newer: the merge ignores the tombstone anyway
    }
    local->finish();
    // A later "keep them" must be newer than this tombstone.
    m_db.clock().receive(incoming.stamp.hlc);
    if (auto ok = sql::exec(db,
                            QStringLiteral("INSERT INTO sync_held_delete (entity, id, hlc, device_id) VALUES (?, ?, ?, ?) "
                                           "ON CONFLICT (entity, id) DO UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id"),
                            {incoming.entity, incoming.id, incoming.stamp.hlc.packed(), incoming.stamp.deviceId});
        !ok) {
        return std::unexpected(ok.error());
    }
    return true;
}

Result<QList<HeldDeletes>> DeleteGuard::held() const
{
    const QSqlDatabase db = m_db.connection();
    auto kinds = sql::run(db, QStringLiteral("SELECT DISTINCT entity FROM sync_held_delete ORDER BY entity"));
    if (!kinds) {
        return std::unexpected(kinds.error());
    }
    QList<HeldDeletes> result;
    while (kinds->next()) {
        result.append({kinds->value(0).toString(), 0, 0});
    }
    kinds->finish();
    for (HeldDeletes& kind : result) {
        if (!itemEntities().contains(kind.entity)) {
            continue;  // not ours to count (a table written by hand)
        }
        const QString table = sql::quoteIdentifier(kind.entity);
        auto live = sql::scalar(db, QStringLiteral("SELECT count(*) FROM %1 WHERE deleted = 0").arg(table));
        auto deleting = sql::scalar(db,
                                    QStringLiteral("SELECT count(*) FROM sync_held_delete h JOIN %1 t ON t.id = h.id WHERE h.entity = ? AND t.deleted = 0").arg(table),
                                    {kind.entity});
        if (!live || !deleting) {
            return std::unexpected(!live ? live.error() : deleting.error());
        }
        kind.live = live->toInt();
        kind.deleting = deleting->toInt();
    }
    return result;
}

bool DeleteGuard::needsAnswer(const QList<HeldDeletes>& held)
{
    return std::any_of(held.begin(), held.end(),
                       [](const HeldDeletes& kind) { return kind.deleting >= kMinimumToAsk && kind.deleting * 2 > kind.live; });
}

Result<int> DeleteGuard::settle(bool allowMassDelete)
{
    auto kinds = held();
    if (!kinds) {
        return std::unexpected(kinds.error());
    }
    if (kinds->isEmpty()) {
        return 0;
    }
    if (!allowMassDelete && needsAnswer(*kinds)) {
        int waiting = 0;
        for (const HeldDeletes& kind : *kinds) {
            waiting += kind.deleting;
        }
        return waiting;
    }
    auto deleted = deleteHeld();
    if (!deleted) {
        return std::unexpected(deleted.error());
    }
    return 0;
}

Result<QList<DeleteGuard::Held>> DeleteGuard::allHeld() const
{
    auto rows = sql::run(m_db.connection(), QStringLiteral("SELECT entity, id, hlc, device_id FROM sync_held_delete ORDER BY hlc"));
    if (!rows) {
        return std::unexpected(rows.error());
    }
    QList<Held> result;
    while (rows->next()) {
        result.append({rows->value(0).toString(), rows->value(1).toString(),
                       {Hlc::fromPacked(rows->value(2).toLongLong()), rows->value(3).toString()}});
    }
    return result;
}

Result<void> DeleteGuard::forget(const QString& entity, const QString& id)
{
    return sql::exec(m_db.connection(), QStringLiteral("DELETE FROM sync_held_delete WHERE entity = ? AND id = ?"), {entity, id});
}

Result<int> DeleteGuard::resolveEach(const std::function<Result<bool>(ChangeTracker&, const Held&)>& resolve)
{
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    auto rows = allHeld();
    if (!rows) {
        return std::unexpected(rows.error());
    }
    ChangeTracker tracker(m_db);
    int changed = 0;
    for (const Held& row : *rows) {
        auto done = resolve(tracker, row);
        if (!done) {
            return std::unexpected(done.error());
        }
        changed += *done ? 1 : 0;
        if (auto ok = forget(row.entity, row.id); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (auto ok = transaction->commit(); !ok) {
        return std::unexpected(ok.error());
    }
    return changed;
}

Result<int> DeleteGuard::deleteHeld()
{
    return resolveEach([](ChangeTracker& tracker, const Held& row) { return tracker.applyRemote({row.entity, row.id, kDeleted, 1, row.stamp}); });
}

Result<int> DeleteGuard::restoreHeld()
{
    return resolveEach([this](ChangeTracker& tracker, const Held& row) -> Result<bool> {
        auto deleted = sql::scalar(m_db.connection(), QStringLiteral("SELECT deleted FROM %1 WHERE id = ?").arg(sql::quoteIdentifier(row.entity)), {row.id});
        if (!deleted) {
            return std::unexpected(deleted.error());
        }
        if (deleted->isNull() || deleted->toLongLong() != 0) {
            return false;  // deleted here since: not brought back
        }
        // Newer than the tombstone, so this wins on every computer that applied it.
        m_db.clock().receive(row.stamp.hlc);
        auto written = tracker.write(row.entity, row.id, {{kDeleted, 0}});
        if (!written) {
            return std::unexpected(written.error());
        }
        return true;
    });
}

}  // namespace bandmate::core
