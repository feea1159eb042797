#pragma once

#include "core/roadmap/RoadmapTemplate.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace bandmate::core {
class Database;
}

namespace bandmate::core::roadmap {

enum class TaskStatus { NotStarted, InProgress, Completed };

[[nodiscard]] QString taskStatusName(TaskStatus status);  ///< "not_started", "in_progress", "completed"
[[nodiscard]] std::optional<TaskStatus> taskStatusFromName(const QString& name);

/// One task of a started roadmap with its progress.
struct TaskState {
    QString id;
    QString slug;
    QString title;
    TaskType type = TaskType::Info;
    QString description;
    QStringList items;
    QStringList itemIds;         ///< the items' stable ids, in the same order
    QMap<QString, bool> ticked;  ///< checklist item text -> ticked
    std::optional<Metric> metric;
    double metricValue = 0.0;  ///< the metric now (sum or latest), for DATA_INPUT tasks
    TaskStatus status = TaskStatus::NotStarted;
    QDateTime completedAt;
    QString notes;
    QStringList evidence;  ///< stat entries that completed the task by themselves
};

struct StageState {
    QString id;
    QString slug;
    QString title;
    QString summary;
    QList<TaskState> tasks;
    [[nodiscard]] int percent() const;
};

struct RoadmapState {
    QString id;
    QString slug;
    int templateVersion = 0;
    QString title;
    QString summary;
    bool custom = false;
    QDateTime startedAt;
    QList<StageState> stages;
    [[nodiscard]] int percent() const;
    /// The first stage not yet complete (the last one when all are), or nullptr without stages.
    [[nodiscard]] const StageState* currentStage() const;
    /// The next `count` tasks not completed, in order.
    [[nodiscard]] QList<const TaskState*> nextActions(int count) const;
};

/// A running roadmap as a template document again (export), with its current texts.
[[nodiscard]] RoadmapTemplate templateOf(const RoadmapState& state);

/// Something that happened elsewhere in the app that roadmaps can count (DESIGN.md section 2):
/// the one way other features feed metrics. Each kind adds stat entries:
///   practice   → practice_minutes (value = minutes) and practice_sessions (1)
///   show       → shows_played (1), and paid_shows (1) when value > 0 (the fee)
///   song_added → songs_added (1)
struct AppEvent {
    enum class Kind { Practice, Show, SongAdded } kind = Kind::Practice;
    QDateTime at;
    double value = 0.0;
    QString ref;  ///< the id of what happened (practice session, show, song)
};

struct StatEntry {
    QString id;
    QString metric;
    double value = 0.0;
    QDateTime at;
    QString source;
};

/// Started roadmaps, task progress and stat entries, all written through the ChangeTracker.
class ProgressRepository {
public:
    explicit ProgressRepository(Database& db);

    /// Starts a roadmap from a template: its stages, tasks and empty progress. A roadmap with the
    /// same slug already running is refused. Metrics count from `startedAt` (now when invalid).
    [[nodiscard]] Result<QString> start(const RoadmapTemplate& roadmap, bool custom = false,
                                        const QDateTime& startedAt = {});
    /// Moves a running roadmap to a newer template version. Tasks and stages are matched by slug:
    /// texts change, new ones appear, removed ones go; progress of kept tasks is kept (checklist
    /// ticks follow their item by id, else by text). New stages and tasks get ids made from the
    /// roadmap's id and their slug (a shipped template's), so two computers upgrading the same
    /// roadmap make the same rows; a slug found twice (older versions could do that) keeps the
    /// row with the smallest id with the progress of both. New tasks, and tasks whose target
    /// was lowered, complete when what was logged already reaches it.
    [[nodiscard]] Result<void> upgrade(const QString& roadmapId, const RoadmapTemplate& newer);
    /// Upgrades every running roadmap started from one of `templates` whose version is newer
    /// (what the app does when it ships new template versions); returns how many it upgraded.
    [[nodiscard]] Result<int> upgradeFrom(const QList<RoadmapTemplate>& templates);
    /// Stops a roadmap (tombstones it, its tasks and progress).
    [[nodiscard]] Result<void> remove(const QString& roadmapId);

    /// Every running roadmap with its stages, tasks and progress.
    [[nodiscard]] Result<QList<RoadmapState>> roadmaps() const;
    [[nodiscard]] Result<RoadmapState> roadmap(const QString& id) const;

    /// Sets a task's status; the start time is kept once set, the completion time while it stays
    /// completed.
    [[nodiscard]] Result<void> setStatus(const QString& taskId, TaskStatus status);
    /// Ticks or unticks a checklist item, named by its id or its text; all ticked completes the
    /// task, some make it in progress. A task that stays completed keeps its completion time.
    [[nodiscard]] Result<void> setItem(const QString& taskId, const QString& item, bool ticked);
    [[nodiscard]] Result<void> setNotes(const QString& taskId, const QString& notes);

    /// Adds a measurement (never overwrites) and completes tasks whose metric reaches its target.
    /// A roadmap counts the entries from the start of the day (local time) it was started on.
    [[nodiscard]] Result<QString> addStat(const QString& metric, double value, const QDateTime& at,
                                          const QString& source = QStringLiteral("manual"), const QString& ref = {},
                                          const QString& note = {});
    [[nodiscard]] Result<void> recordEvent(const AppEvent& event);
    /// A metric's entries, oldest first.
    [[nodiscard]] Result<QList<StatEntry>> series(const QString& metric) const;
    /// Every metric with at least one entry.
    [[nodiscard]] Result<QStringList> metrics() const;

private:
    /// Completes the open tasks with `metric` (only those in `only`, when given) that it reaches.
    [[nodiscard]] Result<void> completeReachedTargets(const QString& metric, const QSet<QString>* only = nullptr);

    Database& m_db;
};

}  // namespace bandmate::core::roadmap
