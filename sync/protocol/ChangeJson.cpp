#include "sync/protocol/ChangeJson.h"

#include <QJsonValue>

#include <charconv>

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
    QByteArray out;
    const QByteArray utf8 = text.toUtf8();
    out.reserve(utf8.size() + 2);
    appendJsonQuoted(out, utf8);
    return out;
}

void appendJsonQuoted(QByteArray& out, QByteArrayView text)
{
    out.append('"');
    qsizetype plain = 0;  // the start of the run of bytes that go as they are
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        out.append(text.sliced(plain, i - plain));
        plain = i + 1;
        switch (c) {
        case '"':
        case '\\':
            out.append('\\').append(c);
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default: {
            static const char kHex[] = "0123456789abcdef";
            out.append("\\u00").append(kHex[byte >> 4]).append(kHex[byte & 0xF]);
        }
        }
    }
    out.append(text.sliced(plain));
    out.append('"');
}

void appendChangeJson(QByteArray& out, const core::FieldChange& change, const QByteArray& valueJson, qint64 seq)
{
    appendChangeJson(out, ChangeJsonParts{change.entity.toUtf8(), change.id.toUtf8(), change.field.toUtf8(), change.stamp.deviceId.toUtf8(),
                                          change.stamp.hlc.packed(), valueJson, seq});
}

namespace {

/// Appends `number` in decimal, with no QByteArray of its own.
void appendNumber(QByteArray& out, qint64 number)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    out.append(digits, end - digits);
}

}  // namespace

void appendChangeJson(QByteArray& out, const ChangeJsonParts& parts)
{
    // QJsonObject keeps its keys sorted: device, entity, field, hlc, id, seq, value. The stamp
    // is Hlc::toString()'s "wallMs.counter".
    out.append("{\"device\":");
    appendJsonQuoted(out, parts.device);
    out.append(",\"entity\":");
    appendJsonQuoted(out, parts.entity);
    out.append(",\"field\":");
    appendJsonQuoted(out, parts.field);
    const core::Hlc hlc = core::Hlc::fromPacked(parts.hlcPacked);
    out.append(",\"hlc\":\"");
    appendNumber(out, hlc.wallMs);
    out.append('.');
    appendNumber(out, hlc.counter);
    out.append("\",\"id\":");
    appendJsonQuoted(out, parts.id);
    out.append(",\"seq\":");
    appendNumber(out, parts.seq);
    out.append(",\"value\":").append(parts.valueJson).append('}');
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
