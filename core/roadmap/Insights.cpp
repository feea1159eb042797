#include "core/roadmap/Insights.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"

#include <QSet>

#include <algorithm>

namespace bandmate::core::roadmap {

namespace {

/// Timestamps (Unix ms) from a one-column query.
Result<QList<qint64>> stamps(const QSqlDatabase& db, const QString& statement, const QVariantList& binds)
{
    auto query = sql::run(db, statement, binds);
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<qint64> result;
    while (query->next()) {
        result.append(query->value(0).toLongLong());
    }
    return result;
}

/// When a running sum of `metric` first reaches `threshold`, if it has.
Result<std::optional<QDateTime>> whenSumReaches(const QSqlDatabase& db, const QString& metric, double threshold)
{
    auto query = sql::run(db, QStringLiteral("SELECT value, at FROM stat_entry WHERE metric = ? AND deleted = 0 ORDER BY at, id"),
                          {metric});
    if (!query) {
        return std::unexpected(query.error());
    }
    double total = 0.0;
    while (query->next()) {
        total += query->value(0).toDouble();
        if (total >= threshold) {
            return std::optional<QDateTime>(QDateTime::fromMSecsSinceEpoch(query->value(1).toLongLong()));
        }
    }
    return std::optional<QDateTime>();
}

}  // namespace

Insights::Insights(Database& db) : m_db(db) {}

Result<QMap<QDate, int>> Insights::activity(const QDate& from, const QDate& to) const
{
    const QSqlDatabase db = m_db.connection();
    const qint64 start = from.startOfDay().toMSecsSinceEpoch();
    const qint64 end = to.addDays(1).startOfDay().toMSecsSinceEpoch();
    QMap<QDate, int> days;
    // Every measurement and completed task is activity; metrics that an event adds next to
    // another (a practice session's count beside its minutes, a paid show beside the show) are
    // left out so one event counts once, and so are tasks that completed by themselves from
    // measurements (their evidence), which are counted already.
    const QString statements[] = {
        QStringLiteral("SELECT at FROM stat_entry WHERE deleted = 0 AND at >= ? AND at < ? "
                       "AND metric NOT IN ('practice_sessions', 'paid_shows')"),
        QStringLiteral("SELECT completed_at FROM task_progress WHERE deleted = 0 AND status = 'completed' "
                       "AND completed_at >= ? AND completed_at < ? AND evidence IN ('', '[]')"),
    };
    for (const QString& statement : statements) {
        auto found = stamps(db, statement, {start, end});
        if (!found) {
            return std::unexpected(found.error());
        }
        for (const qint64 ms : *found) {
            ++days[QDateTime::fromMSecsSinceEpoch(ms).date()];
        }
    }
    return days;
}

Streak Insights::streakOf(const QList<QDate>& activeDays, const QDate& today)
{
    Streak streak;
    const QSet<QDate> active(activeDays.begin(), activeDays.end());
    if (active.isEmpty()) {
        return streak;
    }
    // The current streak: walk back from today; one day off is a rest day, two end it.
    int misses = 0;
    for (QDate day = today; misses < 2; day = day.addDays(-1)) {
        if (active.contains(day)) {
            ++streak.activeDays;
            streak.since = day;
            misses = 0;
        } else {
            ++misses;
        }
        if (day < *std::min_element(activeDays.begin(), activeDays.end())) {
            break;
        }
    }
    streak.alive = streak.activeDays > 0;
    // The best streak: the same rule over all days, oldest first.
    QList<QDate> sorted(active.begin(), active.end());
    std::sort(sorted.begin(), sorted.end());
    int run = 0;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        run = (i > 0 && sorted.at(i - 1).daysTo(sorted.at(i)) <= 2) ? run + 1 : 1;
        streak.bestActiveDays = std::max(streak.bestActiveDays, run);
    }
    return streak;
}

Result<Streak> Insights::streak(const QDate& today) const
{
    auto days = activity(today.addYears(-5), today);
    if (!days) {
        return std::unexpected(days.error());
    }
    return streakOf(days->keys(), today);
}

Result<QList<Achievement>> Insights::achievements() const
{
    const QSqlDatabase db = m_db.connection();
    QList<Achievement> earned;
    const auto firstOf = [&](const QString& key, const QString& title, const QString& statement) -> Result<void> {
        auto value = sql::scalar(db, statement);
        if (!value) {
            return std::unexpected(value.error());
        }
        if (!value->isNull() && value->toLongLong() > 0) {
            earned.append({key, title, QDateTime::fromMSecsSinceEpoch(value->toLongLong())});
        }
        return {};
    };
    const std::pair<const char*, const char*> firsts[] = {
        {"first-roadmap", "Started a roadmap"},
        {"first-task", "First task completed"},
        {"first-show", "First show played"},
        {"first-release", "First release"},
    };
    const QString queries[] = {
        QStringLiteral("SELECT min(started_at) FROM roadmap WHERE deleted = 0"),
        QStringLiteral("SELECT min(completed_at) FROM task_progress WHERE deleted = 0 AND status = 'completed' AND completed_at > 0"),
        QStringLiteral("SELECT min(at) FROM stat_entry WHERE deleted = 0 AND metric = 'shows_played'"),
        QStringLiteral("SELECT min(at) FROM stat_entry WHERE deleted = 0 AND metric = 'releases'"),
    };
    for (size_t i = 0; i < std::size(firsts); ++i) {
        if (auto ok = firstOf(QString::fromLatin1(firsts[i].first), QString::fromLatin1(firsts[i].second), queries[i]); !ok) {
            return std::unexpected(ok.error());
        }
    }
    const std::tuple<const char*, const char*, const char*, double> sums[] = {
        {"ten-practice-sessions", "10 practice sessions", "practice_sessions", 10.0},
        {"hundred-practice-sessions", "100 practice sessions", "practice_sessions", 100.0},
        {"practice-100-hours", "100 hours of practice", "practice_minutes", 6000.0},
        {"ten-shows", "10 shows played", "shows_played", 10.0},
    };
    for (const auto& [key, title, metric, threshold] : sums) {
        auto when = whenSumReaches(db, QString::fromLatin1(metric), threshold);
        if (!when) {
            return std::unexpected(when.error());
        }
        if (*when) {
            earned.append({QString::fromLatin1(key), QString::fromLatin1(title), **when});
        }
    }
    // A stage is complete when all its tasks are; it was earned with the last of them.
    auto stages = sql::run(db, QStringLiteral("SELECT s.id, s.title, r.title, max(p.completed_at), "
                                              "sum(p.status = 'completed'), count(*) FROM roadmap_stage s "
                                              "JOIN roadmap r ON r.id = s.roadmap_id "
                                              "JOIN roadmap_task t ON t.stage_id = s.id AND t.deleted = 0 "
                                              "JOIN task_progress p ON p.id = t.id "
                                              "WHERE s.deleted = 0 AND r.deleted = 0 GROUP BY s.id"));
    if (!stages) {
        return std::unexpected(stages.error());
    }
    while (stages->next()) {
        if (stages->value(4).toInt() == stages->value(5).toInt() && stages->value(5).toInt() > 0) {
            earned.append({QStringLiteral("stage:") + stages->value(0).toString(),
                           QStringLiteral("Stage completed: %1 (%2)").arg(stages->value(1).toString(), stages->value(2).toString()),
                           QDateTime::fromMSecsSinceEpoch(stages->value(3).toLongLong())});
        }
    }
    std::sort(earned.begin(), earned.end(), [](const auto& a, const auto& b) { return a.earnedAt < b.earnedAt; });
    return earned;
}

}  // namespace bandmate::core::roadmap
