#include "core/storage/OrderedList.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/util/FractionalKey.h"

#include <QStringList>

namespace bandmate::core {

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
    const QString lower = before > 0 ? positions[before - 1] : QString();
    // Two devices inserting at one place can leave equal keys, with no room between them: the
    // row then goes after the tied rows, before the next greater key.
    qsizetype upper = before;
    while (upper < positions.size() && positions[upper] <= lower && !lower.isEmpty()) {
        ++upper;
    }
    const QString key = fractional_key::between(lower, upper < positions.size() ? positions[upper] : QString());
    if (key.isEmpty()) {
        return fail(ErrorCode::Internal, "no position key fits between '" + lower.toStdString() + "' and the next row", table.toStdString());
    }
    return key;
}

}  // namespace bandmate::core
