#pragma once

#include "core/util/Result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace bandmate::core {
class Database;
}

namespace bandmate::core::roadmap {

/// Something the musician earned, and when.
struct Achievement {
    QString key;    ///< "first-task", "first-show", "ten-practice-sessions", "stage:<roadmap>/<stage>", …
    QString title;  ///< English; the UI translates by key where it can
    QDateTime earnedAt;
};

/// Days in a row with activity, where one day off between active days keeps the streak (a rest
/// day) and two in a row end it.
struct Streak {
    int activeDays = 0;     ///< active days in the current streak
    QDate since;            ///< first day of the current streak (invalid when there is none)
    bool alive = false;     ///< the streak still counts today
    int bestActiveDays = 0; ///< the longest ever
};

/// What the dashboard shows, computed from the database: activity per day, streaks and
/// achievements. Read-only.
class Insights {
public:
    explicit Insights(Database& db);

    /// Activity per day (measurements, practice, shows, completed tasks) from `from` to `to`.
    [[nodiscard]] Result<QMap<QDate, int>> activity(const QDate& from, const QDate& to) const;
    /// The streak as of `today` with one rest day allowed.
    [[nodiscard]] Result<Streak> streak(const QDate& today) const;
    /// Every achievement earned, oldest first.
    [[nodiscard]] Result<QList<Achievement>> achievements() const;

    /// The rule, exposed for tests: streak over a set of active days.
    [[nodiscard]] static Streak streakOf(const QList<QDate>& activeDays, const QDate& today);

private:
    Database& m_db;
};

}  // namespace bandmate::core::roadmap
