#pragma once

#include "core/util/Result.h"

#include <QString>

namespace bandmate::sync {

/// Text a fan or musician sends, trimmed: 1 to `most` characters (empty allowed when `optional`),
/// no control characters, line or paragraph separators, direction controls or lone surrogates;
/// line breaks only where `multiline` (a description). Errors name `field`. Never a null string
/// (the columns are NOT NULL).
[[nodiscard]] core::Result<QString> cleanText(const QString& text, const char* field, int most, bool optional = false, bool multiline = false);

}  // namespace bandmate::sync
