#pragma once

#include "core/sync/Hlc.h"

#include <QString>
#include <QVariant>

namespace bandmate::core {

/// When and where one field value was written: the HLC and the writing device.
struct FieldStamp {
    Hlc hlc;
    QString deviceId;

    friend bool operator==(const FieldStamp&, const FieldStamp&) = default;
};

/// One field value with its stamp; the unit that sync exchanges.
struct FieldVersion {
    QVariant value;
    FieldStamp stamp;
};

/// The merge rule (DESIGN.md section 4): per-field last-writer-wins, ordered by HLC, then by
/// device id. Returns true when `incoming` replaces `current`. A stamp never beats itself, so
/// re-applying a change is a no-op.
[[nodiscard]] bool incomingWins(const FieldStamp& current, const FieldStamp& incoming);

/// The surviving version of two writes of one field: commutative, associative and idempotent,
/// so replicas that saw the same writes in any order hold the same value.
[[nodiscard]] FieldVersion mergeField(const FieldVersion& a, const FieldVersion& b);

}  // namespace bandmate::core
