#pragma once

#include "core/sync/ChangeTracker.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace bandmate::sync {

/// One field change as JSON: {"entity","id","field","value","hlc":"ms.counter","device"}.
[[nodiscard]] QJsonObject changeToJson(const core::FieldChange& change);

/// Appends `change` in changeToJson()'s form with its "seq" to `out`, the value written as the
/// JSON text `valueJson` as it is: the pull answer's hot path, without a QJsonObject per change.
/// The bytes equal QJsonDocument's compact form of the same object (keys in order).
void appendChangeJson(QByteArray& out, const core::FieldChange& change, const QByteArray& valueJson, qint64 seq);

/// One change's parts as UTF-8 text, the way the server's database gives them back.
struct ChangeJsonParts {
    QByteArrayView entity;
    QByteArrayView id;
    QByteArrayView field;
    QByteArrayView device;
    qint64 hlcPacked = 0;     ///< core::Hlc::packed()
    QByteArrayView valueJson; ///< the value as JSON text, written as it is
    qint64 seq = 0;
};
/// The same bytes as the overload above, from text that never became a QString.
void appendChangeJson(QByteArray& out, const ChangeJsonParts& parts);

/// `text` as a JSON string literal, quotes included (UTF-8).
[[nodiscard]] QByteArray jsonQuoted(const QString& text);
/// Appends the UTF-8 `text` to `out` as a JSON string literal, quotes included.
void appendJsonQuoted(QByteArray& out, QByteArrayView text);

/// Parses changeToJson()'s form. `path` names the object in errors ("changes[3]").
[[nodiscard]] core::Result<core::FieldChange> changeFromJson(const QJsonObject& json,
                                                             const QString& path);

/// Parses an array of changes, failing on the first bad element with its index in the path.
[[nodiscard]] core::Result<QList<core::FieldChange>> changesFromJson(const QJsonArray& json,
                                                                     const QString& path);

}  // namespace bandmate::sync
