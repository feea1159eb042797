#include "sync/protocol/ChangeJson.h"

#include "core/sync/EntityCatalog.h"

#include <QJsonValue>

namespace bandmate::sync {

using core::ErrorCode;
using core::fail;

QJsonObject changeToJson(const core::FieldChange& change)
{
    return QJsonObject{
        {QStringLiteral("entity"), change.entity},
        {QStringLiteral("id"), change.id},
        {QStringLiteral("field"), change.field},
        {QStringLiteral("value"), QJsonValue::fromVariant(change.value)},
        {QStringLiteral("hlc"), change.stamp.hlc.toString()},
        {QStringLiteral("device"), change.stamp.deviceId},
    };
}

namespace {

core::Result<QString> requiredString(const QJsonObject& json, const QString& key,
                                     const QString& path)
{
    const QJsonValue value = json.value(key);
    if (!value.isString() || value.toString().isEmpty()) {
        return fail(ErrorCode::InvalidInput, "must be a non-empty string",
                    (path + QLatin1Char('.') + key).toStdString());
    }
    return value.toString();
}

}  // namespace

core::Result<core::FieldChange> changeFromJson(const QJsonObject& json, const QString& path)
{
    core::FieldChange change;
    for (auto [key, target] : {std::pair{QStringLiteral("entity"), &change.entity},
                               std::pair{QStringLiteral("id"), &change.id},
                               std::pair{QStringLiteral("field"), &change.field},
                               std::pair{QStringLiteral("device"), &change.stamp.deviceId}}) {
        auto text = requiredString(json, key, path);
        if (!text) {
            return std::unexpected(text.error());
        }
        *target = *text;
    }
    if (!core::isSyncedEntity(change.entity)) {
        return fail(ErrorCode::InvalidInput, "unknown entity '" + change.entity.toStdString() + "'",
                    (path + QStringLiteral(".entity")).toStdString());
    }
    auto hlc = requiredString(json, QStringLiteral("hlc"), path);
    if (!hlc) {
        return std::unexpected(hlc.error());
    }
    if (!core::Hlc::fromString(*hlc, &change.stamp.hlc)) {
        return fail(ErrorCode::InvalidInput, "must look like \"<milliseconds>.<counter>\"",
                    (path + QStringLiteral(".hlc")).toStdString());
    }
    if (!json.contains(QStringLiteral("value"))) {
        return fail(ErrorCode::InvalidInput, "is missing",
                    (path + QStringLiteral(".value")).toStdString());
    }
    const QJsonValue value = json.value(QStringLiteral("value"));
    if (value.isArray() || value.isObject()) {
        return fail(ErrorCode::InvalidInput, "must be a string, number, boolean or null",
                    (path + QStringLiteral(".value")).toStdString());
    }
    change.value = value.toVariant();
    return change;
}

core::Result<QList<core::FieldChange>> changesFromJson(const QJsonArray& json, const QString& path)
{
    QList<core::FieldChange> changes;
    changes.reserve(json.size());
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
        if (!json.at(i).isObject()) {
            return fail(ErrorCode::InvalidInput, "must be an object", itemPath.toStdString());
        }
        auto change = changeFromJson(json.at(i).toObject(), itemPath);
        if (!change) {
            return std::unexpected(change.error());
        }
        changes.append(*change);
    }
    return changes;
}

}  // namespace bandmate::sync
