#pragma once

namespace bandmate::sync {

/// Versions of the /v1 sync protocol this build speaks (DESIGN.md section 4). 2: entities and
/// fields a client does not know may come in a pull (a newer Bandmate's); the client keeps them
/// aside. A client that speaks only 1 gets 409 for a page that holds such a change.
inline constexpr int kProtocolMin = 1;
inline constexpr int kProtocolMax = 2;
/// The first version in which a pull may carry entities and fields the client does not know.
inline constexpr int kProtocolPassesUnknownFields = 2;
/// Most changes one push may carry.
inline constexpr int kMaxChangesPerPush = 500;
/// How far a peer's clock may be off before sync is refused, in milliseconds.
inline constexpr long long kMaxClockSkewMs = 5LL * 60 * 1000;

}  // namespace bandmate::sync
