#include "sync/server/SyncService.h"

#include "sync/server/ServerDatabase.h"

#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/EntityCatalog.h"
#include "core/sync/MergeRule.h"
#include "sync/protocol/ChangeJson.h"
#include "sync/protocol/Protocol.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace bandmate::sync {

using core::ErrorCode;
using core::fail;
namespace sql = core::sql;

namespace {

/// The server's schema, version 1, in the SQL that SQLite and PostgreSQL share (BIGINT for
/// 64-bit numbers: PostgreSQL's INTEGER has 32 bits). Values are stored as JSON text so any
/// field type round-trips.
const char* const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS user_head (user_id TEXT PRIMARY KEY NOT NULL, seq BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS push_batch (user_id TEXT NOT NULL, batch_id TEXT NOT NULL, accepted INTEGER NOT NULL, "
    "ignored INTEGER NOT NULL, head_seq BIGINT NOT NULL, lost TEXT NOT NULL DEFAULT '[]', PRIMARY KEY (user_id, batch_id))",
    "CREATE TABLE IF NOT EXISTS field_state (user_id TEXT NOT NULL, entity TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL, "
    "value TEXT NOT NULL, hlc BIGINT NOT NULL, device_id TEXT NOT NULL, seq BIGINT NOT NULL, "
    "PRIMARY KEY (user_id, entity, id, field))",
    "CREATE INDEX IF NOT EXISTS field_state_by_seq ON field_state (user_id, seq)",
};

QString valueText(const QVariant& value)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("v"), QJsonValue::fromVariant(value)}}).toJson(QJsonDocument::Compact));
}

QVariant valueFrom(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object().value(QStringLiteral("v")).toVariant();
}

}  // namespace

SyncService::SyncService(QString connectionName, Clock clock) : m_connectionName(std::move(connectionName)), m_clock(std::move(clock)) {}

SyncService::~SyncService()
{
    // Possibly on another thread than the one that used it (a server shutting down): removing
    // the connection closes it without touching it from here.
    QSqlDatabase::removeDatabase(m_connectionName);
}

core::Result<std::unique_ptr<SyncService>> SyncService::open(const QString& path, Clock clock)
{
    if (!clock) {
        clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    }
    const QString name = QStringLiteral("bandmate-server-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<SyncService> service(new SyncService(name, std::move(clock)));
    auto opened = openServerDatabase(name, path, {kSchema[0], kSchema[1], kSchema[2], kSchema[3], kSchema[4]});
    if (!opened) {
        return std::unexpected(opened.error());
    }
    QSqlDatabase db = *opened;
    // The epoch is made once per database, so a fresh database tells clients it is not the one
    // they synced with. A database restored from a backup gets a new one from renewEpoch()
    // (`bandmate-server --new-epoch`).
    if (auto ok = sql::exec(db, QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('epoch', ?) ON CONFLICT (key) DO NOTHING"),
                            {QUuid::createUuid().toString(QUuid::WithoutBraces)});
        !ok) {
        return std::unexpected(ok.error());
    }
    return service;
}

core::Result<qint64> SyncService::headSeq(const QString& userId) const
{
    auto head = sql::scalar(QSqlDatabase::database(m_connectionName, false), QStringLiteral("SELECT seq FROM user_head WHERE user_id = ?"), {userId});
    if (!head) {
        return std::unexpected(head.error());
    }
    return head->isNull() ? 0 : head->toLongLong();
}

core::Result<PushResult> SyncService::push(const QString& userId, const QString& deviceId, const QString& batchId,
                                           const QList<core::FieldChange>& changes, qint64 seenSeq)
{
    static const QRegularExpression kName(QStringLiteral("^[a-z][a-z0-9_]{0,62}$"));
    if (userId.isEmpty() || deviceId.isEmpty() || batchId.isEmpty()) {
        return fail(ErrorCode::InvalidInput, "a push needs a user, a device and a batch id");
    }
    if (changes.size() > kMaxChangesPerPush) {
        return fail(ErrorCode::InvalidInput, "at most " + std::to_string(kMaxChangesPerPush) + " changes per push", "changes");
    }
    const qint64 now = m_clock();
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const core::FieldChange& change = changes[i];
        const std::string where = "changes[" + std::to_string(i) + "]";
        if (!core::isSyncedEntity(change.entity) || !kName.match(change.field).hasMatch() || change.id.isEmpty()
            || change.stamp.deviceId.isEmpty()) {
            return fail(ErrorCode::InvalidInput, "not a synced entity, field, id and device", where);
        }
        if (change.stamp.hlc.wallMs > now + kMaxClockSkewMs) {
            return fail(ErrorCode::InvalidInput,
                        "its clock is " + std::to_string((change.stamp.hlc.wallMs - now) / 1000) +
                            " s ahead of the server's: set the device's clock right, then sync again",
                        where + ".hlc");
        }
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    auto transaction = core::Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    // The user's head row is locked first and held to the commit: one push per user at a time,
    // so sequence numbers are committed in order and a pull never skips one that commits late.
    // SQLite has one writer anyway; on PostgreSQL this is what lets several servers share the
    // database. A replayed batch is looked up under the lock, so a duplicate sent to another
    // server waits for the first and then answers the same.
    if (auto ok = sql::exec(db, QStringLiteral("INSERT INTO user_head (user_id, seq) VALUES (?, 0) ON CONFLICT (user_id) DO NOTHING"), {userId});
        !ok) {
        return std::unexpected(ok.error());
    }
    auto head = sql::scalar(db, QStringLiteral("SELECT seq FROM user_head WHERE user_id = ?") + forUpdate(db), {userId});
    if (!head) {
        return std::unexpected(head.error());
    }
    auto seen = sql::run(db, QStringLiteral("SELECT accepted, ignored, head_seq, lost FROM push_batch WHERE user_id = ? AND batch_id = ?"), {userId, batchId});
    if (!seen) {
        return std::unexpected(seen.error());
    }
    if (seen->next()) {
        PushResult replay{seen->value(0).toInt(), seen->value(1).toInt(), seen->value(2).toLongLong(), true, {}};
        replay.lost = changesFromJson(QJsonDocument::fromJson(seen->value(3).toString().toUtf8()).array(), QStringLiteral("lost")).value_or(QList<core::FieldChange>{});
        return replay;
    }
    seen->finish();
    PushResult result;
    qint64 seq = head->toLongLong();
    for (const core::FieldChange& change : changes) {
        auto current = sql::run(db,
                                QStringLiteral("SELECT hlc, device_id, seq, value FROM field_state WHERE user_id = ? AND entity = ? AND id = ? AND field = ?"),
                                {userId, change.entity, change.id, change.field});
        if (!current) {
            return std::unexpected(current.error());
        }
        if (current->next()) {
            const core::FieldChange stored{change.entity, change.id, change.field, valueFrom(current->value(3).toString()),
                                           {core::Hlc::fromPacked(current->value(0).toLongLong()), current->value(1).toString()}};
            const qint64 storedSeq = current->value(2).toLongLong();
            const bool sameValue = current->value(3).toString() == valueText(change.value);
            current->finish();
            const bool wins = core::incomingWins(stored.stamp, change.stamp);
            // A write the pusher had not pulled, from another device, with another value: the two
            // edits were made without seeing each other. The merge keeps one; say which lost.
            if (seenSeq >= 0 && storedSeq > seenSeq && stored.stamp.deviceId != change.stamp.deviceId && !sameValue) {
                result.lost.append(wins ? stored : change);
            }
            if (!wins) {
                ++result.ignored;
                continue;
            }
        }
        ++seq;
        auto written = sql::exec(db,
                                 QStringLiteral("INSERT INTO field_state (user_id, entity, id, field, value, hlc, device_id, seq) "
                                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, entity, id, field) DO UPDATE SET "
                                                "value = excluded.value, hlc = excluded.hlc, device_id = excluded.device_id, seq = excluded.seq"),
                                 {userId, change.entity, change.id, change.field, valueText(change.value), change.stamp.hlc.packed(),
                                  change.stamp.deviceId, seq});
        if (!written) {
            return std::unexpected(written.error());
        }
        ++result.accepted;
    }
    result.headSeq = seq;
    if (auto ok = sql::exec(db, QStringLiteral("UPDATE user_head SET seq = ? WHERE user_id = ?"), {seq, userId});
        !ok) {
        return std::unexpected(ok.error());
    }
    QJsonArray lost;
    for (const core::FieldChange& change : result.lost) {
        lost.append(changeToJson(change));
    }
    if (auto ok = sql::exec(db, QStringLiteral("INSERT INTO push_batch (user_id, batch_id, accepted, ignored, head_seq, lost) VALUES (?, ?, ?, ?, ?, ?)"),
                            {userId, batchId, result.accepted, result.ignored, result.headSeq,
                             QString::fromUtf8(QJsonDocument(lost).toJson(QJsonDocument::Compact))});
        !ok) {
        return std::unexpected(ok.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return result;
}

void SyncService::pushGroup(QList<PushRequest*>& group)
{
    auto transaction = core::Transaction::begin(QSqlDatabase::database(m_connectionName, false));
    if (!transaction) {
        for (PushRequest* request : group) {
            request->result = std::unexpected(transaction.error());
        }
        return;
    }
    for (PushRequest* request : group) {
        request->result = push(request->userId, request->deviceId, request->batchId, request->changes, request->seenSeq);  // a savepoint inside
    }
    if (auto committed = transaction->commit(); !committed) {
        for (PushRequest* request : group) {
            request->result = std::unexpected(committed.error());
        }
    }
}

core::Result<PullPage> SyncService::pull(const QString& userId, qint64 since, int limit) const
{
    if (limit < 1 || limit > kMaxChangesPerPush) {
        return fail(ErrorCode::InvalidInput, "limit must be 1 to " + std::to_string(kMaxChangesPerPush), "limit");
    }
    if (since < 0) {
        return fail(ErrorCode::InvalidInput, "since must be 0 or more", "since");
    }
    auto rows = sql::run(QSqlDatabase::database(m_connectionName, false),
                         QStringLiteral("SELECT seq, entity, id, field, value, hlc, device_id FROM field_state "
                                        "WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?"),
                         {userId, since, limit + 1});
    if (!rows) {
        return std::unexpected(rows.error());
    }
    PullPage page;
    page.nextSince = since;
    while (rows->next()) {
        if (page.changes.size() == limit) {
            page.more = true;
            break;
        }
        LoggedChange logged;
        logged.seq = rows->value(0).toLongLong();
        logged.change = {rows->value(1).toString(), rows->value(2).toString(), rows->value(3).toString(), valueFrom(rows->value(4).toString()),
                         {core::Hlc::fromPacked(rows->value(5).toLongLong()), rows->value(6).toString()}};
        page.nextSince = logged.seq;
        page.changes.append(logged);
    }
    return page;
}

core::Result<SyncMeta> SyncService::meta(const QString& userId) const
{
    auto epoch = sql::scalar(QSqlDatabase::database(m_connectionName, false), QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'"));
    if (!epoch) {
        return std::unexpected(epoch.error());
    }
    auto head = headSeq(userId);
    if (!head) {
        return std::unexpected(head.error());
    }
    return SyncMeta{kProtocolMin, kProtocolMax, m_clock(), epoch->toString(), *head};
}

core::Result<QString> SyncService::renewEpoch(const QString& path)
{
    auto service = open(path);
    if (!service) {
        return std::unexpected(service.error());
    }
    const QString epoch = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto ok = sql::exec(QSqlDatabase::database((*service)->m_connectionName, false),
                            QStringLiteral("UPDATE server_meta SET value = ? WHERE key = 'epoch'"), {epoch});
        !ok) {
        return std::unexpected(ok.error());
    }
    return epoch;
}

}  // namespace bandmate::sync
