#pragma once

#include <QString>

namespace bandmate::core::sql {

/// `text` for an SQL LIKE pattern with `ESCAPE '\'`: its own \, % and _ stand for themselves.
[[nodiscard]] inline QString likeEscaped(QString text)
{
    return text.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('%'), QLatin1String("\\%")).replace(QLatin1Char('_'), QLatin1String("\\_"));
}

}  // namespace bandmate::core::sql
