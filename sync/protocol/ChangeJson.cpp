#include "sync/protocol/ChangeJson.h"

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

QByteArray jsonQuoted(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else if (byte >= 0x20) {
            out.append(c);
        } else if (c == '\n') {
            out.append("\\n");
        } else if (c == '\t') {
            out.append("\\t");
        } else if (c == '\r') {
            out.append("\\r");
        } else if (c == '\b') {
            out.append("\\b");
        } else if (c == '\f') {
            out.append("\\f");
        } else {
            static const char kHex[] = "0123456789abcdef";
            out.append("\\u00").append(kHex[byte >> 4]).append(kHex[byte & 0xF]);
        }
    }
    out.append('"');
    return out;
}

void appendChangeJson(QByteArray& out, const core::FieldChange& change, const QByteArray& valueJson, qint64 seq)
{
    // QJsonObject keeps its keys sorted: device, entity, field, hlc, id, seq, value.
    out.append("{\"device\":").append(jsonQuoted(change.stamp.deviceId));
    out.append(",\"entity\":").append(jsonQuoted(change.entity));
    out.append(",\"field\":").append(jsonQuoted(change.field));
    out.append(",\"hlc\":").append(jsonQuoted(change.stamp.hlc.toString()));
    out.append(",\"id\":").append(jsonQuoted(change.id));
    out.append(",\"seq\":").append(QByteArray::number(seq));
    out.append(",\"value\":").append(valueJson).append('}');
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
    // Entities and fields this build does not know pass: a newer Bandmate may have sent them
    // (the server checks names and known fields' values; a client keeps aside what it cannot hold).
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
