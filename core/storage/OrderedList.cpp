#include "core/storage/OrderedList.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/util/FractionalKey.h"

#include <QStringList>

namespace bandmate::core {

namespace {

/// A key longer than this (a thousand inserts at one spot make ~200 characters) is not used:
/// the list gets fresh, short keys in its current order first. Rare on purpose: another
/// computer that inserts with the old keys before it has pulled the new ones may place its row
/// off by some places.
constexpr qsizetype kMaxKeyLength = 48;

/// `count` keys in increasing order, spread evenly with room around each, of as few digits as
/// that takes (digits 0-9A-Za-z, no trailing '0', as fractional_key wants).
QStringList evenKeys(qsizetype count)
{
    static const char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    int width = 1;
    qint64 span = 62;
    while (span < (count + 1) * 8 && width < 10) {
        ++width;
        span *= 62;
    }
    const qint64 step = span / (count + 1);
    QStringList keys;
    keys.reserve(count);
    for (qsizetype i = 1; i <= count; ++i) {
        qint64 value = i * step;
        QString key(width, QLatin1Char('0'));
        for (int d = width - 1; d >= 0; --d) {
            key[d] = QLatin1Char(kDigits[value % 62]);
            value /= 62;
        }
        while (key.endsWith(QLatin1Char('0'))) {
            key.chop(1);
        }
        keys << key;
    }
    return keys;
}

/// Gives the rows `ids` (a list, in its order) fresh keys: synced writes, in one transaction.
Result<QStringList> rebalance(Database& db, const QString& table, const QStringList& ids)
{
    const QStringList keys = evenKeys(ids.size());
    auto transaction = Transaction::begin(db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    ChangeTracker tracker(db);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (auto written = tracker.write(table, ids[i], {{QStringLiteral("position"), keys[i]}}); !written) {
            return std::unexpected(written.error());
        }
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return keys;
}

/// The key for a row going in at index `before` of `positions` (a sorted list); empty when
/// there is no usable one (a malformed key from a peer around it, or no room).
QString keyAt(const QStringList& positions, qsizetype before)
{
    // (An empty key stands for "no neighbour" below: a neighbour whose key is empty or not a key
    // at all gives no key, and the list gets fresh ones.)
    if (before > 0 && !fractional_key::isValid(positions[before - 1])) {
        return {};
    }
    const QString lower = before > 0 ? positions[before - 1] : QString();
    // Two devices inserting at one place can leave equal keys, with no room between them: the
    // row then goes after the tied rows, before the next greater key.
    qsizetype upper = before;
    while (upper < positions.size() && positions[upper] <= lower && !lower.isEmpty()) {
        ++upper;
    }
    if (upper < positions.size() && !fractional_key::isValid(positions[upper])) {
        return {};
    }
    return fractional_key::between(lower, upper < positions.size() ? positions[upper] : QString());
}

}  // namespace

Result<QString> positionInList(Database& db, const QString& table, const QString& parentColumn, const QString& parentId,
                               const QString& beforeId, const QString& movingId)
{
    // The siblings in order, without the row being moved.
    // An empty parent column: the whole table is one list.
    auto query = parentColumn.isEmpty()
                     ? sql::run(db.connection(), QStringLiteral("SELECT id, position FROM %1 WHERE deleted = 0 AND id != ? ORDER BY position, id").arg(table),
                                {movingId.isNull() ? QStringLiteral("") : movingId})
                     : sql::run(db.connection(),
                                QStringLiteral("SELECT id, position FROM %1 WHERE %2 = ? AND deleted = 0 AND id != ? ORDER BY position, id")
                                    .arg(table, parentColumn),
                                {parentId, movingId.isNull() ? QStringLiteral("") : movingId});  // a null QString binds as NULL
    if (!query) {
        return std::unexpected(query.error());
    }
    QStringList ids;
    QStringList positions;
    while (query->next()) {
        ids << query->value(0).toString();
        positions << query->value(1).toString();
    }
    const qsizetype before = beforeId.isEmpty() ? ids.size() : ids.indexOf(beforeId);
    if (before < 0) {
        return fail(ErrorCode::NotFound, "no such entry in this list", beforeId.toStdString());
    }
    QString key = keyAt(positions, before);
    // Keys grown long from inserts at one spot, or one a peer wrote that is no key at all ("",
    // "a!"): the list gets fresh keys in its order, and the row a short key among them.
    if (key.isEmpty() || key.size() > kMaxKeyLength) {
        auto fresh = rebalance(db, table, ids);
        if (!fresh) {
            return std::unexpected(fresh.error());
        }
        positions = *fresh;
        key = keyAt(positions, before);
    }
    if (key.isEmpty()) {
        return fail(ErrorCode::Internal, "no position key fits at " + std::to_string(before) + " even after fresh keys", table.toStdString());
    }
    return key;
}

}  // namespace bandmate::core
