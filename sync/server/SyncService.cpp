#include "sync/server/SyncService.h"

#include "sync/server/ServerDatabase.h"

#include "core/storage/RowStatement.h"
#include "core/storage/Sql.h"
#include "core/storage/StatementCache.h"
#include "sync/server/TopicRelay.h"
#include "core/storage/Transaction.h"
#include "core/sync/FieldCatalog.h"
#include "core/sync/MergeRule.h"
#include "sync/protocol/ChangeJson.h"
#include "sync/protocol/Protocol.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <cmath>
#include <optional>
#include <vector>

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

/// What the schema above has gained since: version 2 keeps each account's newest data format and
/// each batch's content hash (a batch id sent again with other changes is refused).
const ServerSchemaUpgrades kUpgrades{"sync_schema",
                                     {{"ALTER TABLE user_head ADD COLUMN data_format INTEGER NOT NULL DEFAULT 0",
                                       "ALTER TABLE push_batch ADD COLUMN content_hash TEXT NOT NULL DEFAULT ''"},
                                      // Version 3: when each batch was answered, so old answers can go (prune).
                                      {"ALTER TABLE push_batch ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0",
                                       "CREATE INDEX IF NOT EXISTS push_batch_by_age ON push_batch (created_at)"},
                                      // Version 4: how many fields each account holds (its quota), counted once.
                                      {"ALTER TABLE user_head ADD COLUMN fields BIGINT NOT NULL DEFAULT 0",
                                       "UPDATE user_head SET fields = (SELECT count(*) FROM field_state WHERE field_state.user_id = user_head.user_id)"}}};

/// Longest id of a row or a device, in characters (ours are 36-character UUIDs).
constexpr qsizetype kMaxIdLength = 128;

/// Whether `id` is one the server stores: 1 to kMaxIdLength characters, none of them control
/// characters (PostgreSQL refuses a NUL in text; SQLite would keep it).
bool isValidId(const QString& id)
{
    // Also no lone surrogates (PostgreSQL would refuse them, or store two ids as one) and no
    // invisible format or line-separator characters.
    return !id.isEmpty() && id.size() <= kMaxIdLength && id.isValidUtf16() && std::none_of(id.begin(), id.end(), [](QChar c) {
               const QChar::Category category = c.category();
               return category == QChar::Other_Control || category == QChar::Other_Format || category == QChar::Separator_Line
                      || category == QChar::Separator_Paragraph;
           });
}

/// What any field's value must be, known or not: a plain value (a newer Bandmate's field may
/// hold anything a field can), text no longer than a known field's.
const core::FieldSpec kAnyField{core::FieldSpec::Type::Text, false};

core::Result<void> checkUnknownFieldValue(const QVariant& value, const std::string& where)
{
    if (value.typeId() == QMetaType::QString || value.isNull()) {
        return core::checkFieldValue(kAnyField, value, where);
    }
    if (value.typeId() == QMetaType::Double && !std::isfinite(value.toDouble())) {
        return fail(ErrorCode::InvalidInput, "must be a finite number", where);
    }
    return {};
}

/// How many bytes of values one pull page carries at most (it always carries one change): 500
/// changes of 256 KiB each would make a page of 128 MiB.
constexpr qsizetype kMaxPullPageBytes = 4 * 1024 * 1024;

QString valueText(const QVariant& value)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("v"), QJsonValue::fromVariant(value)}}).toJson(QJsonDocument::Compact));
}

QVariant valueFrom(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object().value(QStringLiteral("v")).toVariant();
}

/// The JSON text of the value inside valueText()'s {"v":...}, without parsing it.
/// The JSON of a stored value's text (`{"v":…}`): a view into `stored` when valueText wrote
/// it, else the long way into `spare`.
QByteArrayView valueJsonOf(QByteArrayView stored, QByteArray& spare)
{
    if (stored.startsWith("{\"v\":") && stored.endsWith('}')) {
        return stored.sliced(5, stored.size() - 6);
    }
    // Not written by valueText (a database edited by hand): take the long way.
    const QJsonValue value = QJsonDocument::fromJson(stored.toByteArray()).object().value(QStringLiteral("v"));
    spare = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    return spare;
}

QByteArray valueJsonOf(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    QByteArray spare;
    return valueJsonOf(bytes, spare).toByteArray();
}

/// Appends `[text, …]` (JSON strings) to the JSON array being written in `out`, a comma first
/// unless it is the array's first element: the rows a statement reads with json_each.
void appendJsonRow(QByteArray& out, std::initializer_list<QByteArray> texts)
{
    if (!out.endsWith('[')) {
        out.append(',');
    }
    out.append('[');
    bool first = true;
    for (const QByteArray& text : texts) {
        if (!first) {
            out.append(',');
        }
        first = false;
        appendJsonQuoted(out, text);
    }
    out.append(']');
}

/// A pull's page bounds, before anything is read.
core::Result<void> checkPullArguments(qint64 since, int limit)
{
    if (limit < 1 || limit > kMaxChangesPerPush) {
        return fail(ErrorCode::InvalidInput, "limit must be 1 to " + std::to_string(kMaxChangesPerPush), "limit");
    }
    if (since < 0) {
        return fail(ErrorCode::InvalidInput, "since must be 0 or more", "since");
    }
    return {};
}

constexpr auto kPullStatement = "SELECT seq, entity, id, field, value, hlc, device_id FROM field_state WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?";

}  // namespace

/// One row of a push's statement, read where the engine keeps it: SQLite's own row (UTF-8, no
/// variant per cell) or Qt's driver's. Valid only inside the callback that gets it.
class PushRow {
public:
    explicit PushRow(const sql::RowStatement::Row& row) : m_row(&row) {}
    explicit PushRow(const QSqlQuery& query) : m_query(&query) {}

    [[nodiscard]] bool isNull(int column) const { return m_row != nullptr ? m_row->isNull(column) : m_query->value(column).isNull(); }
    [[nodiscard]] qint64 integer(int column) const { return m_row != nullptr ? m_row->integer(column) : m_query->value(column).toLongLong(); }
    /// Text that is not UTF-8 comes back mended, as Qt's driver mends it (U+FFFD).
    [[nodiscard]] QString text(int column) const { return m_row != nullptr ? QString::fromUtf8(m_row->text(column)) : m_query->value(column).toString(); }

private:
    const sql::RowStatement::Row* m_row = nullptr;
    const QSqlQuery* m_query = nullptr;
};

SyncService::SyncService(QString connectionName, Clock clock) : m_connectionName(std::move(connectionName)), m_clock(std::move(clock)) {}

SyncService::~SyncService()
{
    // Possibly on another thread than the one that used it (a server shutting down): removing
    // the connection closes it without touching it from here. Its statements go first.
    m_pullRows.reset();
    m_pushRows.clear();
    m_statements.reset();
    QSqlDatabase::removeDatabase(m_connectionName);
}

core::Result<std::unique_ptr<SyncService>> SyncService::open(const QString& path, Clock clock)
{
    if (!clock) {
        clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    }
    // Without this build's catalog the server could not check a single value: refuse to start.
    if (!core::FieldCatalog::latest().hasEntity(QStringLiteral("song"))) {
        return fail(ErrorCode::Internal, "cannot read this build's schema (is Qt's SQLite driver, libqt6sql6-sqlite, installed?)");
    }
    const QString name = QStringLiteral("bandmate-server-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<SyncService> service(new SyncService(name, std::move(clock)));
    auto opened = openServerDatabase(name, path, {kSchema[0], kSchema[1], kSchema[2], kSchema[3], kSchema[4]}, kUpgrades);
    if (!opened) {
        return std::unexpected(opened.error());
    }
    QSqlDatabase db = *opened;
    service->m_statements = std::make_unique<core::sql::StatementCache>(db);
    service->m_sqlite = db.driverName() == QLatin1String("QSQLITE");
    service->m_pushRows.resize(static_cast<size_t>(PushStatement::Count));
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

core::Result<void> SyncService::validate(const QString& userId, const QString& deviceId, const QString& batchId, const QList<core::FieldChange>& changes) const
{
    static const QRegularExpression kName(QStringLiteral("^[a-z][a-z0-9_]{0,62}$"));
    if (userId.isEmpty() || deviceId.isEmpty() || batchId.isEmpty()) {
        return fail(ErrorCode::InvalidInput, "a push needs a user, a device and a batch id");
    }
    if (!isValidId(deviceId) || !isValidId(batchId)) {
        return fail(ErrorCode::InvalidInput, "must be 1 to " + std::to_string(kMaxIdLength) + " characters without control characters",
                    isValidId(deviceId) ? "batch_id" : "device_id");
    }
    if (changes.size() > kMaxChangesPerPush) {
        return fail(ErrorCode::InvalidInput, "at most " + std::to_string(kMaxChangesPerPush) + " changes per push", "changes");
    }
    const qint64 now = m_clock();
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const core::FieldChange& change = changes[i];
        const std::string where = "changes[" + std::to_string(i) + "]";
        // Names this server does not know pass (a newer Bandmate's); they must still be names.
        if (!kName.match(change.entity).hasMatch() || !kName.match(change.field).hasMatch()) {
            return fail(ErrorCode::InvalidInput, "must be a lower-case name (a-z, 0-9, _; at most 63)",
                        where + (kName.match(change.entity).hasMatch() ? ".field" : ".entity"));
        }
        if (!isValidId(change.id) || !isValidId(change.stamp.deviceId)) {
            return fail(ErrorCode::InvalidInput, "must be 1 to " + std::to_string(kMaxIdLength) + " characters without control characters",
                        where + (isValidId(change.id) ? ".device" : ".id"));
        }
        // A value that the app's own schema cannot hold would stop every other device's sync.
        const core::FieldSpec* spec = core::FieldCatalog::latest().find(change.entity, change.field);
        if (auto fits = spec != nullptr ? core::checkFieldValue(*spec, change.value, where + ".value") : checkUnknownFieldValue(change.value, where + ".value");
            !fits) {
            return fail(ErrorCode::InvalidInput, fits.error().message + " (" + change.entity.toStdString() + "." + change.field.toStdString() + ")",
                        fits.error().where);
        }
        if (change.stamp.hlc.wallMs > now + kMaxClockSkewMs) {
            return fail(ErrorCode::InvalidInput,
                        "its clock is " + std::to_string((change.stamp.hlc.wallMs - now) / 1000) +
                            " s ahead of the server's: set the device's clock right, then sync again",
                        where + ".hlc");
        }
    }
    return {};
}

core::Result<PushResult> SyncService::push(const QString& userId, const QString& deviceId, const QString& batchId,
                                           const QList<core::FieldChange>& changes, qint64 seenSeq, int dataFormat)
{
    if (auto valid = validate(userId, deviceId, batchId, changes); !valid) {
        return std::unexpected(valid.error());
    }
    auto transaction = core::Transaction::begin(QSqlDatabase::database(m_connectionName, false));
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    auto result = apply(PushRequest{userId, deviceId, batchId, changes, seenSeq, dataFormat});
    if (!result) {
        return result;
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return result;
}

core::Result<PushResult> SyncService::apply(const PushRequest& request)
{
    const QString& userId = request.userId;
    const QString& batchId = request.batchId;
    const QList<core::FieldChange>& changes = request.changes;
    const qint64 seenSeq = request.seenSeq;
    // Each value's stored text, and a hash of the whole batch: a replay must carry the same.
    QStringList values;
    values.reserve(changes.size());
    QCryptographicHash content(QCryptographicHash::Sha256);
    for (const core::FieldChange& change : changes) {
        values.append(valueText(change.value));
        for (const QString& part : {change.entity, change.id, change.field, values.last(), change.stamp.hlc.toString(), change.stamp.deviceId}) {
            const QByteArray bytes = part.toUtf8();
            content.addData(QByteArray::number(bytes.size()));  // "<length>:<bytes>", fed in three parts
            content.addData(QByteArrayView(":"));
            content.addData(bytes);
        }
    }
    const QString contentHash = QString::fromLatin1(content.result().toHex());
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // The user's head row is locked first and held to the commit: one push per user at a time,
    // so sequence numbers are committed in order and a pull never skips one that commits late.
    // SQLite has one writer anyway; on PostgreSQL this is what lets several servers share the
    // database. A replayed batch is looked up under the lock, so a duplicate sent to another
    // server waits for the first and then answers the same.
    qint64 headSeq = 0;
    qint64 heldFields = 0;  // the account's fields before this push (its quota)
    const std::array<QVariant, 2> headValues{userId, request.dataFormat};
    auto head = runPush(PushStatement::Head,
                        QStringLiteral("INSERT INTO user_head (user_id, seq, data_format) VALUES (?, 0, ?) "
                                       "ON CONFLICT (user_id) DO UPDATE SET seq = user_head.seq, data_format = CASE WHEN "
                                       "excluded.data_format > user_head.data_format THEN excluded.data_format ELSE user_head.data_format END "
                                       "RETURNING seq, fields"),
                        headValues, [&](const PushRow& row) {
                            headSeq = row.integer(0);
                            heldFields = row.integer(1);
                        });
    if (!head) {
        return std::unexpected(head.error());
    }
    std::optional<PushResult> replay;
    QString replayHash;
    const std::array<QVariant, 2> batchKey{userId, batchId};
    if (auto seen = runPush(PushStatement::Replay,
                            QStringLiteral("SELECT accepted, ignored, head_seq, lost, content_hash FROM push_batch WHERE user_id = ? AND batch_id = ?"),
                            batchKey, [&replay, &replayHash](const PushRow& row) {
                                replayHash = row.text(4);
                                replay = PushResult{static_cast<int>(row.integer(0)), static_cast<int>(row.integer(1)), row.integer(2), true, {}};
                                replay->lost = changesFromJson(QJsonDocument::fromJson(row.text(3).toUtf8()).array(), QStringLiteral("lost"))
                                                   .value_or(QList<core::FieldChange>{});
                            });
        !seen) {
        return std::unexpected(seen.error());
    }
    if (replay) {
        // Stored before hashes were kept (empty): taken as the same batch, as it was then.
        if (!replayHash.isEmpty() && replayHash != contentHash) {
            return fail(ErrorCode::Conflict, "this batch id came before with other changes: send these under a new batch id", "batch_id");
        }
        return *replay;
    }
    // What the server holds for every field of the batch, in one statement (a push is a handful
    // of statements whatever its size: on PostgreSQL each one is a round trip).
    struct Stored {
        QString entity;
        QString id;
        QString field;
        core::FieldStamp stamp;
        qint64 seq = 0;
        QString value;
        bool written = false;  ///< by this push
        bool existed = true;   ///< the server held the field before this push
    };
    const auto keyOf = [](const QString& entity, const QString& id, const QString& field) { return entity + QChar(0) + id + QChar(0) + field; };
    QHash<QString, Stored> stored;
    {
        QByteArray keys("[");
        for (const core::FieldChange& change : changes) {
            appendJsonRow(keys, {change.entity.toUtf8(), change.id.toUtf8(), change.field.toUtf8()});
        }
        keys.append(']');
        // Both engines must walk the batch and look each field up by its key: planned as a
        // join, both scanned all the user's fields instead (the batch's size is unknown to the
        // planner). SQLite keeps a LEFT JOIN's order; PostgreSQL runs a LATERAL subquery with
        // a LIMIT once per element. Fields the server lacks come back NULL (SQLite) or not at all.
        const QString lookup = db.driverName() == QLatin1String("QPSQL")
                                   ? QStringLiteral("SELECT f.entity, f.id, f.field, f.hlc, f.device_id, f.seq, f.value FROM %1 CROSS JOIN LATERAL "
                                                    "(SELECT * FROM field_state WHERE user_id = ? AND entity = j.value ->> 0 AND id = j.value ->> 1 "
                                                    "AND field = j.value ->> 2 LIMIT 1) f")
                                   : QStringLiteral("SELECT f.entity, f.id, f.field, f.hlc, f.device_id, f.seq, f.value FROM %1 LEFT JOIN field_state f "
                                                    "ON f.user_id = ? AND f.entity = j.value ->> 0 AND f.id = j.value ->> 1 AND f.field = j.value ->> 2");
        const std::array<QVariant, 2> lookupValues{QString::fromUtf8(keys), userId};
        auto read = runPush(PushStatement::Lookup, lookup.arg(jsonElements(db)), lookupValues, [&](const PushRow& rows) {
            if (rows.isNull(0)) {
                return;
            }
            Stored row{rows.text(0), rows.text(1), rows.text(2), {core::Hlc::fromPacked(rows.integer(3)), rows.text(4)}, rows.integer(5), rows.text(6)};
            stored.insert(keyOf(row.entity, row.id, row.field), row);
        });
        if (!read) {
            return std::unexpected(read.error());
        }
    }
    PushResult result;
    qint64 seq = headSeq;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const core::FieldChange& change = changes[i];
        const QString& value = values[i];
        const QString key = keyOf(change.entity, change.id, change.field);
        auto current = stored.find(key);
        if (current != stored.end()) {
            const bool wins = core::incomingWins(current->stamp, change.stamp);
            // A write the pusher had not pulled, from another device, with another value: the two
            // edits were made without seeing each other. The merge keeps one; say which lost.
            if (seenSeq >= 0 && current->seq > seenSeq && current->stamp.deviceId != change.stamp.deviceId && current->value != value) {
                const core::FieldChange before{change.entity, change.id, change.field, valueFrom(current->value), current->stamp};
                result.lost.append(wins ? before : change);
            }
            if (!wins) {
                ++result.ignored;
                continue;
            }
        }
        // Held here and written once at the end: a field sent twice in one batch is one row.
        stored[key] = Stored{change.entity, change.id, change.field, change.stamp, ++seq, value, true, current != stored.end() && current->existed};
        ++result.accepted;
    }
    // The account's quota: fields it did not hold before count against it.
    qint64 added = 0;
    for (const Stored& row : std::as_const(stored)) {
        added += row.written && !row.existed ? 1 : 0;
    }
    if (m_fieldQuota > 0 && heldFields + added > m_fieldQuota) {
        return fail(ErrorCode::InvalidInput,
                    "this account holds " + std::to_string(heldFields) + " fields and the batch adds " + std::to_string(added) +
                        ": this server keeps at most " + std::to_string(m_fieldQuota) + " per account; nothing of the batch was stored",
                    "quota");
    }
    QByteArray rows("[");
    for (const Stored& row : std::as_const(stored)) {
        if (row.written) {
            // 64-bit numbers as text: a JSON number keeps only 53 bits.
            appendJsonRow(rows, {row.entity.toUtf8(), row.id.toUtf8(), row.field.toUtf8(), row.value.toUtf8(), QByteArray::number(row.stamp.hlc.packed()),
                                 row.stamp.deviceId.toUtf8(), QByteArray::number(row.seq)});
        }
    }
    rows.append(']');
    if (rows.size() > 2) {
        const std::array<QVariant, 2> writeValues{userId, QString::fromUtf8(rows)};
        auto written = runPush(PushStatement::Write,
                               QStringLiteral("INSERT INTO field_state (user_id, entity, id, field, value, hlc, device_id, seq) "
                                              "SELECT ?, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, CAST(j.value ->> 4 AS BIGINT), "
                                              "j.value ->> 5, CAST(j.value ->> 6 AS BIGINT) FROM %1 WHERE true "
                                              "ON CONFLICT (user_id, entity, id, field) DO UPDATE SET "
                                              "value = excluded.value, hlc = excluded.hlc, device_id = excluded.device_id, seq = excluded.seq")
                                   .arg(jsonElements(db)),
                               writeValues);
        if (!written) {
            return std::unexpected(written.error());
        }
    }
    result.headSeq = seq;
    if (result.accepted > 0) {
        const std::array<QVariant, 3> bumpValues{seq, added, userId};
        if (auto ok = runPush(PushStatement::Bump, QStringLiteral("UPDATE user_head SET seq = ?, fields = fields + ? WHERE user_id = ?"), bumpValues); !ok) {
            return std::unexpected(ok.error());
        }
    }
    QJsonArray lost;
    for (const core::FieldChange& change : result.lost) {
        lost.append(changeToJson(change));
    }
    const std::array<QVariant, 8> answer{userId, batchId, result.accepted, result.ignored, result.headSeq,
                                         QString::fromUtf8(QJsonDocument(lost).toJson(QJsonDocument::Compact)), contentHash, m_clock()};
    if (auto ok = runPush(PushStatement::Answer,
                          QStringLiteral("INSERT INTO push_batch (user_id, batch_id, accepted, ignored, head_seq, lost, content_hash, created_at) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                          answer);
        !ok) {
        return std::unexpected(ok.error());
    }
    return result;
}

core::Result<void> SyncService::runPush(PushStatement which, const QString& text, std::span<const QVariant> values,
                                        const std::function<void(const PushRow&)>& each)
{
    if (!m_sqlite) {
        return m_statements->exec(text, QVariantList(values.begin(), values.end()), [&](QSqlQuery& rows) {
            while (rows.next()) {
                if (each) {
                    each(PushRow(rows));
                }
            }
        });
    }
    std::unique_ptr<sql::RowStatement>& statement = m_pushRows[static_cast<size_t>(which)];
    if (!statement) {
        auto prepared = sql::RowStatement::prepare(QSqlDatabase::database(m_connectionName, false), text);
        if (!prepared) {
            return std::unexpected(prepared.error());
        }
        statement = std::make_unique<sql::RowStatement>(std::move(*prepared));
    }
    return statement->query(values, [&](const sql::RowStatement::Row& row) {
        if (each) {
            each(PushRow(row));
        }
        return true;
    });
}

void SyncService::setFieldQuota(qint64 fields)
{
    m_fieldQuota = fields;
}

core::Result<int> SyncService::pruneBatches(qint64 olderThan)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // Answers written before they were stamped (or by an older server sharing the database)
    // count from the first time they are seen here, not from 1970.
    if (auto stamped = core::sql::exec(db, QStringLiteral("UPDATE push_batch SET created_at = ? WHERE created_at = 0"), {m_clock()}); !stamped) {
        return std::unexpected(stamped.error());
    }
    auto pruned = core::sql::run(db, QStringLiteral("DELETE FROM push_batch WHERE created_at > 0 AND created_at < ?"), {olderThan});
    if (!pruned) {
        return std::unexpected(pruned.error());
    }
    return pruned->numRowsAffected();
}

void SyncService::pushGroup(QList<PushRequest*>& group)
{
    QList<PushRequest*> valid;
    for (PushRequest* request : group) {
        if (auto ok = validate(request->userId, request->deviceId, request->batchId, request->changes); !ok) {
            request->result = std::unexpected(ok.error());
        } else {
            valid.append(request);
        }
    }
    if (valid.size() > 1) {
        // One transaction for all (one flush), no savepoint each: what can be refused was refused
        // above, so only the database can fail here; then each goes again on its own.
        auto transaction = core::Transaction::begin(QSqlDatabase::database(m_connectionName, false));
        bool ok = transaction.has_value();
        for (PushRequest* request : valid) {
            if (!ok) {
                break;
            }
            request->result = apply(*request);
            ok = request->result.has_value();
        }
        if (ok && transaction->commit()) {
            return;
        }
    }
    for (PushRequest* request : valid) {
        request->result = push(request->userId, request->deviceId, request->batchId, request->changes, request->seenSeq, request->dataFormat);
    }
}

core::Result<PullPage> SyncService::pull(const QString& userId, qint64 since, int limit, PullValues values) const
{
    if (auto ok = checkPullArguments(since, limit); !ok) {
        return std::unexpected(ok.error());
    }
    PullPage page;
    page.nextSince = since;
    auto read = m_statements->exec(QString::fromLatin1(kPullStatement), {userId, since, limit + 1}, [&](QSqlQuery& rows) {
                                       qsizetype bytes = 0;
                                       while (rows.next()) {
                                           if (page.changes.size() == limit || bytes > kMaxPullPageBytes) {
                                               page.more = true;
                                               break;
                                           }
                                           LoggedChange logged;
                                           logged.seq = rows.value(0).toLongLong();
                                           const QString value = rows.value(4).toString();
                                           logged.change = {rows.value(1).toString(), rows.value(2).toString(), rows.value(3).toString(),
                                                            values == PullValues::Decoded ? valueFrom(value) : QVariant(),
                                                            {core::Hlc::fromPacked(rows.value(5).toLongLong()), rows.value(6).toString()}};
                                           logged.valueJson = valueJsonOf(value);
                                           bytes += logged.valueJson.size();
                                           page.nextSince = logged.seq;
                                           page.changes.append(logged);
                                       }
                                   });
    if (!read) {
        return std::unexpected(read.error());
    }
    return page;
}

core::Result<PullJson> SyncService::pullJson(const QString& userId, qint64 since, int limit, bool findUnknown, QByteArray& out) const
{
    if (auto ok = checkPullArguments(since, limit); !ok) {
        return std::unexpected(ok.error());
    }
    PullJson page;
    page.nextSince = since;
    qsizetype bytes = 0;
    QByteArray spare;
    std::vector<std::pair<QByteArray, QByteArray>> known;  // (entity, field) pairs the catalog has, seen on this page
    // One row (columns as kPullStatement's); false once the page is full.
    const auto take = [&](qint64 seq, QByteArrayView entity, QByteArrayView id, QByteArrayView field, QByteArrayView stored, qint64 hlc,
                          QByteArrayView device) {
        if (page.count == limit || bytes > kMaxPullPageBytes) {
            page.more = true;
            return false;
        }
        if (findUnknown && std::none_of(known.begin(), known.end(), [&](const auto& pair) { return pair.first == entity && pair.second == field; })) {
            if (core::FieldCatalog::latest().find(QString::fromUtf8(entity), QString::fromUtf8(field)) == nullptr) {
                page.unknownField = QString::fromUtf8(entity) + QLatin1Char('.') + QString::fromUtf8(field);
                return false;
            }
            known.emplace_back(entity.toByteArray(), field.toByteArray());
        }
        const QByteArrayView valueJson = valueJsonOf(stored, spare);
        if (page.count > 0) {
            out.append(',');
        }
        appendChangeJson(out, ChangeJsonParts{entity, id, field, device, hlc, valueJson, seq});
        bytes += valueJson.size();
        page.nextSince = seq;
        ++page.count;
        return true;
    };
    const std::array<QVariant, 3> values{userId, since, limit + 1};
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (db.driverName() == QLatin1String("QSQLITE")) {
        if (!m_pullRows) {
            auto prepared = core::sql::RowStatement::prepare(db, QString::fromLatin1(kPullStatement));
            if (!prepared) {
                return std::unexpected(prepared.error());
            }
            m_pullRows = std::make_unique<core::sql::RowStatement>(std::move(*prepared));
        }
        // SQLite hands over the bytes stored; text that is not UTF-8 (written by hand, or by a
        // server from before ids were checked) goes out mended as Qt's driver mended it (each
        // bad sequence U+FFFD), or the client could not read the page at all.
        std::array<QByteArray, 7> mended;  // by column
        const auto utf8 = [&](const core::sql::RowStatement::Row& row, int column) {
            const QByteArrayView text = row.text(column);
            if (text.isValidUtf8()) {
                return text;
            }
            QByteArray& copy = mended[static_cast<size_t>(column)];
            copy = QString::fromUtf8(text).toUtf8();
            return QByteArrayView(copy);
        };
        auto read = m_pullRows->query(values, [&](const core::sql::RowStatement::Row& row) {
            return take(row.integer(0), utf8(row, 1), utf8(row, 2), utf8(row, 3), utf8(row, 4), row.integer(5), utf8(row, 6));
        });
        if (!read) {
            return std::unexpected(read.error());
        }
        return page;
    }
    auto read = m_statements->exec(QString::fromLatin1(kPullStatement), QVariantList(values.begin(), values.end()), [&](QSqlQuery& rows) {
        while (rows.next()) {
            if (!take(rows.value(0).toLongLong(), rows.value(1).toString().toUtf8(), rows.value(2).toString().toUtf8(), rows.value(3).toString().toUtf8(),
                      rows.value(4).toString().toUtf8(), rows.value(5).toLongLong(), rows.value(6).toString().toUtf8())) {
                break;
            }
        }
    });
    if (!read) {
        return std::unexpected(read.error());
    }
    return page;
}

core::Result<SyncMeta> SyncService::meta(const QString& userId) const
{
    auto epoch = m_statements->scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'"));
    if (!epoch) {
        return std::unexpected(epoch.error());
    }
    SyncMeta meta{kProtocolMin, kProtocolMax, m_clock(), epoch->toString(), 0, 0};
    auto head = m_statements->exec(QStringLiteral("SELECT seq, data_format FROM user_head WHERE user_id = ?"), {userId}, [&meta](QSqlQuery& row) {
        if (row.next()) {
            meta.headSeq = row.value(0).toLongLong();
            meta.dataFormat = row.value(1).toInt();
        }
    });
    if (!head) {
        return std::unexpected(head.error());
    }
    return meta;
}

void SyncService::announce(const QString& topic) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    TopicRelay::announce(db, topic);
}

core::Result<void> SyncService::ping() const
{
    auto epoch = m_statements->scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'"));
    if (!epoch) {
        return std::unexpected(epoch.error());
    }
    return {};
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
