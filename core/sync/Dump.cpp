#include "core/sync/Dump.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/sync/ChangeTracker.h"
#include "core/sync/EntityCatalog.h"

#include <QJsonArray>

#include <algorithm>

namespace bandmate::core {

QJsonValue dumpValue(const QVariant& value)
{
    if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int) {
        // A JSON number keeps 53 bits: a larger integer (a packed clock value) is written as its
        // digits, so two different values never print the same.
        constexpr qint64 kExactInDouble = qint64{1} << 53;
        const qint64 number = value.toLongLong();
        return number >= -kExactInDouble && number <= kExactInDouble ? QJsonValue(static_cast<double>(number)) : QJsonValue(QString::number(number));
    }
    return value.typeId() == QMetaType::Double ? QJsonValue(value.toDouble()) : QJsonValue(value.toString());
}

namespace {
Result<QJsonObject> dumpTables(Database& db, ChangeTracker& tracker, const QStringList& entities);
}  // namespace

Result<QJsonObject> dumpSyncedData(Database& db)
{
    QStringList entities = syncedEntities();
    std::sort(entities.begin(), entities.end());
    ChangeTracker tracker(db);
    // One snapshot of every table (another connection may be writing): a savepoint is a read
    // transaction on its own, and nests inside a caller's.
    if (auto ok = sql::exec(db.connection(), QStringLiteral("SAVEPOINT bandmate_dump")); !ok) {
        return std::unexpected(ok.error());
    }
    auto dump = dumpTables(db, tracker, entities);
    (void)sql::exec(db.connection(), QStringLiteral("RELEASE bandmate_dump"));
    return dump;
}

namespace {

/// Every row of `entities`, sorted, in dumpSyncedData()'s form.
Result<QJsonObject> dumpTables(Database& db, ChangeTracker& tracker, const QStringList& entities)
{
    QJsonObject dump;
    for (const QString& entity : entities) {
        auto fields = tracker.fieldsOf(entity);
        if (!fields) {
            return std::unexpected(fields.error());
        }
        QStringList sorted = *fields;
        std::sort(sorted.begin(), sorted.end());
        QStringList columns{QStringLiteral("id")};
        for (const QString& field : sorted) {
            columns << sql::quoteIdentifier(field);
        }
        auto rows = sql::run(db.connection(),
                             QStringLiteral("SELECT %1 FROM %2 ORDER BY id").arg(columns.join(QStringLiteral(", ")), sql::quoteIdentifier(entity)));
        if (!rows) {
            return std::unexpected(rows.error());
        }
        QJsonArray list;
        while (rows->next()) {
            QJsonObject row{{QStringLiteral("id"), rows->value(0).toString()}};
            for (qsizetype i = 0; i < sorted.size(); ++i) {
                row.insert(sorted[i], dumpValue(rows->value(static_cast<int>(i) + 1)));
            }
            list.append(row);
        }
        dump.insert(entity, list);
    }
    return dump;
}

}  // namespace

}  // namespace bandmate::core
