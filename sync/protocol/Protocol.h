#pragma once

namespace bandmate::sync {

/// Versions of the /v1 sync protocol this build speaks (DESIGN.md section 4).
inline constexpr int kProtocolMin = 1;
inline constexpr int kProtocolMax = 1;
/// Most changes one push may carry.
inline constexpr int kMaxChangesPerPush = 500;
/// How far a peer's clock may be off before sync is refused, in milliseconds.
inline constexpr long long kMaxClockSkewMs = 5LL * 60 * 1000;

}  // namespace bandmate::sync
