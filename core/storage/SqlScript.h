#pragma once

#include <QString>
#include <QStringList>

namespace bandmate::core {

/// Splits an SQL script into statements at top-level semicolons. Semicolons inside quotes,
/// comments and CREATE TRIGGER ... BEGIN ... END bodies do not split. Statements that hold only
/// comments or white space are dropped; the rest are returned trimmed, without the semicolon.
[[nodiscard]] QStringList splitSqlScript(const QString& script);

}  // namespace bandmate::core
