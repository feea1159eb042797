#include "core/sync/FieldCatalog.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/sync/EntityCatalog.h"

#include <QLoggingCategory>
#include <QUuid>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcFieldCatalog, "bandmate.core.fieldcatalog")

namespace bandmate::core {

Result<QHash<QString, FieldSpec>> readFieldSpecs(const QSqlDatabase& db, const QString& entity)
{
    auto columns = sql::run(db, QStringLiteral("SELECT name, upper(type), \"notnull\" FROM pragma_table_info(?)"), {entity});
    if (!columns) {
        return std::unexpected(columns.error());
    }
    QHash<QString, FieldSpec> fields;
    while (columns->next()) {
        const QString name = columns->value(0).toString();
        if (name == QLatin1String("id")) {
            continue;
        }
        const QString declared = columns->value(1).toString();
        // SQLite's affinity rules, for the three types our migrations use.
        const FieldSpec::Type type = declared.contains(QLatin1String("INT"))                                           ? FieldSpec::Type::Integer
                                     : declared.contains(QLatin1String("REAL")) || declared.contains(QLatin1String("FLOA")) ? FieldSpec::Type::Real
                                                                                                                     : FieldSpec::Type::Text;
        fields.insert(name, FieldSpec{type, columns->value(2).toInt() != 0});
    }
    return fields;
}

Result<FieldCatalog> FieldCatalog::read(const QSqlDatabase& db)
{
    FieldCatalog catalog;
    for (const QString& entity : syncedEntities()) {
        auto fields = readFieldSpecs(db, entity);
        if (!fields) {
            return std::unexpected(fields.error());
        }
        if (!fields->isEmpty()) {
            catalog.m_entities.insert(entity, *fields);
        }
    }
    return catalog;
}

const FieldCatalog& FieldCatalog::latest()
{
    static const FieldCatalog catalog = [] {
        const QString name = QStringLiteral("bandmate-catalog-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        FieldCatalog built;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(QStringLiteral(":memory:"));
            if (!db.open()) {
                qCCritical(lcFieldCatalog) << "cannot open an in-memory database to read the schema";
            } else if (auto created = Database::createLatestSchema(db); !created) {
                qCCritical(lcFieldCatalog) << "cannot build the schema:" << QString::fromStdString(created.error().toString());
            } else if (auto read = FieldCatalog::read(db); !read) {
                qCCritical(lcFieldCatalog) << "cannot read the schema:" << QString::fromStdString(read.error().toString());
            } else {
                built = std::move(*read);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return built;
    }();
    return catalog;
}

const FieldSpec* FieldCatalog::find(const QString& entity, const QString& field) const
{
    const auto table = m_entities.constFind(entity);
    if (table == m_entities.constEnd()) {
        return nullptr;
    }
    const auto spec = table->constFind(field);
    return spec == table->constEnd() ? nullptr : &*spec;
}

QStringList FieldCatalog::describe() const
{
    QStringList lines;
    for (auto table = m_entities.constBegin(); table != m_entities.constEnd(); ++table) {
        for (auto field = table->constBegin(); field != table->constEnd(); ++field) {
            const char* type = field->type == FieldSpec::Type::Integer ? "INTEGER" : field->type == FieldSpec::Type::Real ? "REAL" : "TEXT";
            lines.append(QStringLiteral("%1.%2 %3%4").arg(table.key(), field.key(), QLatin1String(type), field->notNull ? QStringLiteral(" NOT NULL") : QString()));
        }
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

bool isTooLongForAField(const QString& text)
{
    // A UTF-8 character takes at most three bytes per UTF-16 unit: most texts skip the count.
    return text.size() * 3 > kMaxFieldValueBytes && text.toUtf8().size() > kMaxFieldValueBytes;
}

Result<void> checkFieldValue(const FieldSpec& spec, const QVariant& value, const std::string& where, bool checkLength)
{
    if (value.isNull() || !value.isValid()) {
        if (spec.notNull) {
            return fail(ErrorCode::InvalidInput, "must not be null", where);
        }
        return {};
    }
    const int type = value.typeId();
    const bool number = type == QMetaType::Bool || type == QMetaType::Int || type == QMetaType::UInt || type == QMetaType::LongLong
                        || type == QMetaType::ULongLong || type == QMetaType::Double;
    switch (spec.type) {
    case FieldSpec::Type::Integer: {
        if (!number) {
            return fail(ErrorCode::InvalidInput, "must be a whole number", where);
        }
        if (type == QMetaType::Double) {
            const double given = value.toDouble();
            // 2^63 is the first double past the largest 64-bit integer.
            if (!std::isfinite(given) || given != std::floor(given) || std::fabs(given) >= 9.223372036854775808e18) {
                return fail(ErrorCode::InvalidInput, "must be a whole number", where);
            }
        }
        return {};
    }
    case FieldSpec::Type::Real:
        if (!number || (type == QMetaType::Double && !std::isfinite(value.toDouble()))) {
            return fail(ErrorCode::InvalidInput, "must be a number", where);
        }
        return {};
    case FieldSpec::Type::Text:
        if (type != QMetaType::QString) {
            return fail(ErrorCode::InvalidInput, "must be text", where);
        }
        if (checkLength && isTooLongForAField(value.toString())) {
            return fail(ErrorCode::InvalidInput, "is longer than " + std::to_string(kMaxFieldValueBytes / 1024) + " KiB", where);
        }
        return {};
    }
    return {};
}

}  // namespace bandmate::core
