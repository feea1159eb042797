#pragma once

#include <QString>

namespace bandmate::core {

/// Position keys for ordered lists that sync (DESIGN.md section 4): each entry stores a string
/// key, the list is sorted by the keys' bytes (ties by id), and moving an entry rewrites only its
/// own key, so two devices reordering different entries never conflict. Keys use the 62 ASCII
/// digits 0-9A-Za-z and never end in '0', so there is always room before and between.
namespace fractional_key {

/// A key strictly between `before` and `after`; an empty `before` means the start of the list,
/// an empty `after` the end. Requires before < after when both are given (returns an empty key
/// otherwise, or when a key holds characters outside the alphabet).
[[nodiscard]] QString between(const QString& before, const QString& after);

/// Whether `key` is a well-formed key (non-empty, alphabet only, no trailing '0').
[[nodiscard]] bool isValid(const QString& key);

}  // namespace fractional_key

}  // namespace bandmate::core
