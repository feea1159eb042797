#include "core/sync/MergeRule.h"

namespace bandmate::core {

bool incomingWins(const FieldStamp& current, const FieldStamp& incoming)
{
    if (incoming.hlc != current.hlc) {
        return incoming.hlc > current.hlc;
    }
    return incoming.deviceId > current.deviceId;
}

FieldVersion mergeField(const FieldVersion& a, const FieldVersion& b)
{
    if (incomingWins(a.stamp, b.stamp)) {
        return b;
    }
    if (incomingWins(b.stamp, a.stamp)) {
        return a;
    }
    // Identical stamps mean the same write seen twice. Should two devices ever share an id, the
    // value's text still picks one winner regardless of order.
    return a.value.toString() >= b.value.toString() ? a : b;
}

}  // namespace bandmate::core
