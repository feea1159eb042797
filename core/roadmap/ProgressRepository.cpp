#include "core/roadmap/ProgressRepository.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/util/Uuid.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlRecord>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace bandmate::core::roadmap {

namespace {

const QString kRoadmap = QStringLiteral("roadmap");
const QString kStage = QStringLiteral("roadmap_stage");
const QString kTask = QStringLiteral("roadmap_task");
const QString kProgress = QStringLiteral("task_progress");
const QString kStat = QStringLiteral("stat_entry");

QString compactJson(const QJsonDocument& document)
{
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

/// The item ids stored with a task; rows written before items had ids get ids made from their
/// texts (the same every time), which upgrades and ticks match by text.
QStringList storedItemIds(const QString& idsJson, const QStringList& items)
{
    QStringList ids;
    for (const auto& id : QJsonDocument::fromJson(idsJson.toUtf8()).array()) {
        ids << id.toString();
    }
    // Ids that no longer fit their items (an older version added or removed an item and left
    // them behind) could name the wrong item: then ids come from the texts, and the ticks are
    // read by text, which every version writes.
    return completeItemIds(items, ids.size() == items.size() ? ids : QStringList());
}

/// Which items are ticked. The checklist keys a tick by the item's id and by its text: the text
/// is what versions before ids read and write (they untick with "text": false), so when the
/// item's text is there it decides; else the id does (the text changed in an upgrade or a
/// translation). A text that is also the id of another item of the task is not read as a text.
QList<bool> storedTicks(const QString& checklistJson, const QStringList& items, const QStringList& ids)
{
    const QJsonObject checklist = QJsonDocument::fromJson(checklistJson.toUtf8()).object();
    QList<bool> ticks;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString& text = items.at(i);
        const bool textIsAnotherId = ids.contains(text) && ids.value(i) != text;
        ticks << (checklist.contains(text) && !textIsAnotherId ? checklist.value(text).toBool() : checklist.value(ids.value(i)).toBool());
    }
    return ticks;
}

/// The checklist as stored: each ticked item by its id and by its text.
QString checklistJson(const QList<bool>& ticks, const QStringList& ids, const QStringList& items)
{
    QJsonObject checklist;
    for (qsizetype i = 0; i < ticks.size() && i < ids.size(); ++i) {
        if (ticks.at(i)) {
            checklist.insert(ids.at(i), true);
            checklist.insert(items.value(i), true);
        }
    }
    return compactJson(QJsonDocument(checklist));
}

/// A roadmap counts stat entries from the start of the day it was started on: what the musician
/// logged that morning belongs to it.
qint64 countsFrom(qint64 startedAt)
{
    return QDateTime::fromMSecsSinceEpoch(startedAt).date().startOfDay().toMSecsSinceEpoch();
}

/// The id of a stage or task an upgrade adds: the same on every computer that upgrades the same
/// roadmap, so their rows meet in sync instead of doubling.
QString upgradeRowId(const QString& roadmapId, const QString& kind, const QString& slug)
{
    static const QUuid kNamespace(QStringLiteral("{6f1f2b0e-3d4c-5a8e-9b7d-2c1e0f4a8b61}"));
    return QUuid::createUuidV5(kNamespace, roadmapId + QLatin1Char('/') + kind + QLatin1Char('/') + slug).toString(QUuid::WithoutBraces);
}

QVariantMap stageFields(const StageTemplate& stage, const QString& roadmapId, int position)
{
    return {{QStringLiteral("roadmap_id"), roadmapId}, {QStringLiteral("slug"), stage.slug},
            {QStringLiteral("position"), position},    {QStringLiteral("title"), stage.title},
            {QStringLiteral("summary"), stage.summary}};
}

QVariantMap taskFields(const TaskTemplate& task, const QString& roadmapId, const QString& stageId, int position)
{
    return {{QStringLiteral("roadmap_id"), roadmapId},
            {QStringLiteral("stage_id"), stageId},
            {QStringLiteral("slug"), task.slug},
            {QStringLiteral("position"), position},
            {QStringLiteral("title"), task.title},
            {QStringLiteral("type"), taskTypeName(task.type)},
            {QStringLiteral("description"), task.description},
            {QStringLiteral("items"), compactJson(QJsonDocument(QJsonArray::fromStringList(task.items)))},
            {QStringLiteral("item_ids"), compactJson(QJsonDocument(QJsonArray::fromStringList(completeItemIds(task.items, task.itemIds))))},
            {QStringLiteral("metric_key"), task.metric ? task.metric->key : QStringLiteral("")},
            {QStringLiteral("metric_unit"), task.metric ? task.metric->unit : QStringLiteral("")},
            {QStringLiteral("metric_target"), task.metric && task.metric->target ? *task.metric->target : 0.0},
            {QStringLiteral("metric_aggregate"),
             task.metric && task.metric->aggregate == Aggregate::Latest ? QStringLiteral("latest") : QStringLiteral("sum")}};
}

/// Live rows of `table` where `column` = `value`, as id -> all columns.
Result<QList<QVariantMap>> rows(const QSqlDatabase& db, const QString& table, const QString& column, const QString& value,
                                const QString& order = QStringLiteral("position"))
{
    auto query = sql::run(db,
                          QStringLiteral("SELECT * FROM %1 WHERE %2 = ? AND deleted = 0 ORDER BY %3, id")
                              .arg(sql::quoteIdentifier(table), sql::quoteIdentifier(column), order),
                          {value});
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<QVariantMap> result;
    while (query->next()) {
        const QSqlRecord record = query->record();
        QVariantMap row;
        for (int i = 0; i < record.count(); ++i) {
            row.insert(record.fieldName(i), record.value(i));
        }
        result.append(row);
    }
    return result;
}

/// The fields of `wanted` that differ from `stored`.
QVariantMap changedFields(const QVariantMap& stored, const QVariantMap& wanted)
{
    QVariantMap changed;
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        const QVariant& old = stored.value(it.key());
        const bool same = it.value().typeId() == QMetaType::Double ? std::abs(old.toDouble() - it.value().toDouble()) < 1e-12
                                                                   : old.toString() == it.value().toString();
        if (!same) {
            changed.insert(it.key(), it.value());
        }
    }
    return changed;
}

Result<void> writeIfChanged(ChangeTracker& tracker, const QString& entity, const QString& id, const QVariantMap& changed)
{
    if (changed.isEmpty()) {
        return {};
    }
    auto written = tracker.write(entity, id, changed);
    if (!written) {
        return std::unexpected(written.error());
    }
    return {};
}

TaskType typeFrom(const QString& name)
{
    return name == QLatin1String("CHECKLIST") ? TaskType::Checklist
           : name == QLatin1String("DATA_INPUT") ? TaskType::DataInput
                                                  : TaskType::Info;
}

}  // namespace

QString taskStatusName(TaskStatus status)
{
    switch (status) {
    case TaskStatus::InProgress:
        return QStringLiteral("in_progress");
    case TaskStatus::Completed:
        return QStringLiteral("completed");
    case TaskStatus::NotStarted:
        break;
    }
    return QStringLiteral("not_started");
}

std::optional<TaskStatus> taskStatusFromName(const QString& name)
{
    for (const TaskStatus status : {TaskStatus::NotStarted, TaskStatus::InProgress, TaskStatus::Completed}) {
        if (taskStatusName(status) == name) {
            return status;
        }
    }
    return std::nullopt;
}

int StageState::percent() const
{
    if (tasks.isEmpty()) {
        return 100;
    }
    qsizetype done = 0;
    for (const auto& task : tasks) {
        done += task.status == TaskStatus::Completed ? 1 : 0;
    }
    return static_cast<int>(done * 100 / tasks.size());
}

int RoadmapState::percent() const
{
    qsizetype all = 0;
    qsizetype done = 0;
    for (const auto& stage : stages) {
        for (const auto& task : stage.tasks) {
            ++all;
            done += task.status == TaskStatus::Completed ? 1 : 0;
        }
    }
    return all == 0 ? 100 : static_cast<int>(done * 100 / all);
}

const StageState* RoadmapState::currentStage() const
{
    for (const auto& stage : stages) {
        if (stage.percent() < 100) {
            return &stage;
        }
    }
    return stages.isEmpty() ? nullptr : &stages.last();
}

QList<const TaskState*> RoadmapState::nextActions(int count) const
{
    QList<const TaskState*> next;
    for (const auto& stage : stages) {
        for (const auto& task : stage.tasks) {
            if (task.status != TaskStatus::Completed && next.size() < count) {
                next.append(&task);
            }
        }
    }
    return next;
}

RoadmapTemplate templateOf(const RoadmapState& state)
{
    RoadmapTemplate roadmap;
    roadmap.slug = state.slug;
    roadmap.version = std::max(1, state.templateVersion);
    roadmap.title = state.title;
    roadmap.summary = state.summary;
    for (const auto& stage : state.stages) {
        StageTemplate out{stage.slug, stage.title, stage.summary, {}};
        for (const auto& task : stage.tasks) {
            out.tasks.append({task.slug, task.title, task.type, task.description, task.items, task.itemIds, task.metric});
        }
        roadmap.stages.append(out);
    }
    return roadmap;
}

ProgressRepository::ProgressRepository(Database& db) : m_db(db) {}

Result<QString> ProgressRepository::start(const RoadmapTemplate& roadmap, bool custom, const QDateTime& startedAt)
{
    const QSqlDatabase db = m_db.connection();
    auto transaction = Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    auto running = sql::scalar(db, QStringLiteral("SELECT count(*) FROM roadmap WHERE slug = ? AND deleted = 0"), {roadmap.slug});
    auto count = sql::scalar(db, QStringLiteral("SELECT count(*) FROM roadmap WHERE deleted = 0"));
    if (!running || !count) {
        return std::unexpected(!running ? running.error() : count.error());
    }
    if (running->toInt() > 0) {
        return fail(ErrorCode::InvalidArgument, "this roadmap is already running", roadmap.slug.toStdString());
    }
    ChangeTracker tracker(m_db);
    UuidV7Generator ids;
    const QString roadmapId = ids.next();
    auto written = tracker.write(kRoadmap, roadmapId,
                                 {{QStringLiteral("slug"), roadmap.slug},
                                  {QStringLiteral("template_version"), custom ? 0 : roadmap.version},
                                  {QStringLiteral("title"), roadmap.title},
                                  {QStringLiteral("summary"), roadmap.summary},
                                  {QStringLiteral("custom"), custom ? 1 : 0},
                                  {QStringLiteral("started_at"), startedAt.isValid() ? startedAt.toMSecsSinceEpoch()
                                                                                     : QDateTime::currentMSecsSinceEpoch()},
                                  {QStringLiteral("position"), count->toInt()}});
    if (!written) {
        return std::unexpected(written.error());
    }
    for (qsizetype s = 0; s < roadmap.stages.size(); ++s) {
        const StageTemplate& stage = roadmap.stages.at(s);
        const QString stageId = ids.next();
        if (auto ok = tracker.write(kStage, stageId, stageFields(stage, roadmapId, static_cast<int>(s))); !ok) {
            return std::unexpected(ok.error());
        }
        for (qsizetype t = 0; t < stage.tasks.size(); ++t) {
            const QString taskId = ids.next();
            if (auto ok = tracker.write(kTask, taskId, taskFields(stage.tasks.at(t), roadmapId, stageId, static_cast<int>(t))); !ok) {
                return std::unexpected(ok.error());
            }
            if (auto ok = tracker.write(kProgress, taskId, {{QStringLiteral("status"), QStringLiteral("not_started")}}); !ok) {
                return std::unexpected(ok.error());
            }
        }
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return roadmapId;
}

Result<void> ProgressRepository::upgrade(const QString& roadmapId, const RoadmapTemplate& newer)
{
    const QSqlDatabase db = m_db.connection();
    auto transaction = Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    auto head = sql::run(db, QStringLiteral("SELECT slug, custom FROM roadmap WHERE id = ? AND deleted = 0"), {roadmapId});
    if (!head) {
        return std::unexpected(head.error());
    }
    if (!head->next()) {
        return fail(ErrorCode::NotFound, "no such roadmap", roadmapId.toStdString());
    }
    const QString slug = head->value(0).toString();
    // A shipped template's new stages and tasks get ids from the roadmap and their slug, the
    // same on every computer; a custom roadmap's are new every time (its editor gives a new task
    // the slug a deleted one had, and two computers may each add one).
    const bool custom = head->value(1).toInt() != 0;
    head = std::unexpected(Error{});
    UuidV7Generator uuids;
    const auto newRowId = [&](const QString& kind, const QString& rowSlug) {
        return custom ? uuids.next() : upgradeRowId(roadmapId, kind, rowSlug);
    };
    if (slug != newer.slug) {
        return fail(ErrorCode::InvalidArgument, "that template is a different roadmap (" + newer.slug.toStdString() + ")",
                    roadmapId.toStdString());
    }
    ChangeTracker tracker(m_db);
    if (auto ok = tracker.write(kRoadmap, roadmapId,
                                {{QStringLiteral("template_version"), newer.version},
                                 {QStringLiteral("title"), newer.title},
                                 {QStringLiteral("summary"), newer.summary}});
        !ok) {
        return std::unexpected(ok.error());
    }
    auto stages = rows(db, kStage, QStringLiteral("roadmap_id"), roadmapId);
    auto tasks = rows(db, kTask, QStringLiteral("roadmap_id"), roadmapId);
    if (!stages || !tasks) {
        return std::unexpected(!stages ? stages.error() : tasks.error());
    }
    QHash<QString, QVariantMap> progressById;
    auto progress = sql::run(db, QStringLiteral("SELECT p.id, p.status, p.checklist, p.notes, p.started_at, p.completed_at FROM task_progress p "
                                                "JOIN roadmap_task t ON t.id = p.id WHERE t.roadmap_id = ? AND t.deleted = 0 AND p.deleted = 0"),
                             {roadmapId});
    if (!progress) {
        return std::unexpected(progress.error());
    }
    while (progress->next()) {
        progressById.insert(progress->value(0).toString(),
                            {{QStringLiteral("status"), progress->value(1)},
                             {QStringLiteral("checklist"), progress->value(2)},
                             {QStringLiteral("notes"), progress->value(3)},
                             {QStringLiteral("started_at"), progress->value(4)},
                             {QStringLiteral("completed_at"), progress->value(5)}});
    }
    QHash<QString, QVariantMap> stageBySlug;
    for (const auto& row : *stages) {
        const QString stageSlug = row.value(QStringLiteral("slug")).toString();
        if (!stageBySlug.contains(stageSlug)) {  // the first of a slug found twice; the others go
            stageBySlug.insert(stageSlug, row);
        }
    }
    // A slug found twice (two computers that upgraded with older versions, which gave new tasks
    // random ids) keeps the row with the smallest id, the same choice on every computer, and
    // takes in the progress of the others: the furthest status, every tick, every note.
    QHash<QString, QVariantMap> taskBySlug;
    QHash<QString, QStringList> twinsBySlug;
    for (const auto& row : *tasks) {
        const QString taskSlug = row.value(QStringLiteral("slug")).toString();
        const QString rowId = row.value(QStringLiteral("id")).toString();
        if (!taskBySlug.contains(taskSlug) || rowId < taskBySlug.value(taskSlug).value(QStringLiteral("id")).toString()) {
            if (taskBySlug.contains(taskSlug)) {
                twinsBySlug[taskSlug] << taskBySlug.value(taskSlug).value(QStringLiteral("id")).toString();
            }
            taskBySlug.insert(taskSlug, row);
        } else {
            twinsBySlug[taskSlug] << rowId;
        }
    }
    const auto level = [](const QVariant& status) {
        return status.toString() == QLatin1String("completed") ? 2 : status.toString() == QLatin1String("in_progress") ? 1 : 0;
    };
    for (auto twins = twinsBySlug.constBegin(); twins != twinsBySlug.constEnd(); ++twins) {
        const QString keptId = taskBySlug.value(twins.key()).value(QStringLiteral("id")).toString();
        const QVariantMap kept = progressById.value(keptId);
        QVariantMap merged = kept;
        QJsonObject checklist = QJsonDocument::fromJson(kept.value(QStringLiteral("checklist")).toString().toUtf8()).object();
        QString notes = kept.value(QStringLiteral("notes")).toString();
        for (const QString& twinId : twins.value()) {
            const QVariantMap twin = progressById.value(twinId);
            if (level(twin.value(QStringLiteral("status"))) > level(merged.value(QStringLiteral("status")))) {
                merged.insert(QStringLiteral("status"), twin.value(QStringLiteral("status")));
                merged.insert(QStringLiteral("completed_at"), twin.value(QStringLiteral("completed_at")));
            }
            const QJsonObject ticks = QJsonDocument::fromJson(twin.value(QStringLiteral("checklist")).toString().toUtf8()).object();
            for (auto tick = ticks.begin(); tick != ticks.end(); ++tick) {
                if (tick.value().toBool()) {
                    checklist.insert(tick.key(), true);
                }
            }
            const QString twinNotes = twin.value(QStringLiteral("notes")).toString().trimmed();
            if (!twinNotes.isEmpty() && !notes.contains(twinNotes)) {
                notes = notes.trimmed().isEmpty() ? twinNotes : notes + QStringLiteral("\n\n") + twinNotes;
            }
            const qint64 started = twin.value(QStringLiteral("started_at")).toLongLong();
            if (started > 0 && (merged.value(QStringLiteral("started_at")).toLongLong() <= 0 || started < merged.value(QStringLiteral("started_at")).toLongLong())) {
                merged.insert(QStringLiteral("started_at"), started);
            }
        }
        merged.insert(QStringLiteral("checklist"), compactJson(QJsonDocument(checklist)));
        merged.insert(QStringLiteral("notes"), notes);
        if (auto ok = writeIfChanged(tracker, kProgress, keptId, changedFields(kept, merged)); !ok) {
            return ok;
        }
        progressById.insert(keptId, merged);
    }
    QSet<QString> keptStages;
    QSet<QString> keptTasks;
    QSet<QString> metrics;
    QSet<QString> recheck;  // tasks new or made easier: what was logged may complete them
    const auto revive = [&](const QString& entity, const QString& id, const QVariantMap& fields) -> Result<void> {
        // The id may be a row an earlier version removed (a slug that came back): make it live.
        QVariantMap all = fields;
        all.insert(QStringLiteral("deleted"), 0);
        if (auto ok = tracker.write(entity, id, all); !ok) {
            return std::unexpected(ok.error());
        }
        return {};
    };
    for (qsizetype s = 0; s < newer.stages.size(); ++s) {
        const StageTemplate& stage = newer.stages.at(s);
        const QVariantMap wanted = stageFields(stage, roadmapId, static_cast<int>(s));
        QString stageId;
        if (stageBySlug.contains(stage.slug)) {
            stageId = stageBySlug.value(stage.slug).value(QStringLiteral("id")).toString();
            if (auto ok = writeIfChanged(tracker, kStage, stageId, changedFields(stageBySlug.value(stage.slug), wanted)); !ok) {
                return ok;
            }
        } else {
            stageId = newRowId(QStringLiteral("stage"), stage.slug);
            if (auto ok = revive(kStage, stageId, wanted); !ok) {
                return ok;
            }
        }
        keptStages.insert(stageId);
        for (qsizetype t = 0; t < stage.tasks.size(); ++t) {
            const TaskTemplate& task = stage.tasks.at(t);
            const QVariantMap wantedTask = taskFields(task, roadmapId, stageId, static_cast<int>(t));
            if (taskBySlug.contains(task.slug)) {
                const QVariantMap& stored = taskBySlug.value(task.slug);
                const QString taskId = stored.value(QStringLiteral("id")).toString();
                const double oldTarget = stored.value(QStringLiteral("metric_target")).toDouble();
                if (task.metric && task.metric->target &&
                    (stored.value(QStringLiteral("metric_key")).toString() != task.metric->key || oldTarget <= 0 || *task.metric->target < oldTarget)) {
                    metrics.insert(task.metric->key);
                    recheck.insert(taskId);
                }
                if (auto ok = writeIfChanged(tracker, kTask, taskId, changedFields(stored, wantedTask)); !ok) {
                    return ok;
                }
                keptTasks.insert(taskId);
                // Progress stays; only the ticks move to the new ids of their items.
                if (task.type == TaskType::Checklist && progressById.contains(taskId)) {
                    QStringList oldItems;
                    for (const auto& item : QJsonDocument::fromJson(stored.value(QStringLiteral("items")).toString().toUtf8()).array()) {
                        oldItems << item.toString();
                    }
                    const QString storedIds = stored.value(QStringLiteral("item_ids")).toString();
                    const bool legacy = QJsonDocument::fromJson(storedIds.toUtf8()).array().isEmpty();
                    const QStringList oldIds = storedItemIds(storedIds, oldItems);
                    const QString oldChecklist = progressById.value(taskId).value(QStringLiteral("checklist")).toString();
                    const QList<bool> oldTicks = storedTicks(oldChecklist, oldItems, oldIds);
                    const QStringList newIds = completeItemIds(task.items, task.itemIds);
                    QList<bool> ticks;
                    for (qsizetype i = 0; i < task.items.size(); ++i) {
                        qsizetype old = oldIds.indexOf(newIds.value(i));
                        if (old < 0) {
                            old = oldItems.indexOf(task.items.at(i));
                        }
                        if (old < 0 && legacy && oldItems.size() == task.items.size()) {
                            old = i;  // written before ids, in another language: the same place
                        }
                        ticks << (old >= 0 && oldTicks.value(old));
                    }
                    // Written only when a tick would be lost otherwise (an item's text changed
                    // while its tick is kept under the old text only): a write here would beat, in
                    // sync, a tick made on another computer before this upgrade.
                    if (ticks != storedTicks(oldChecklist, task.items, newIds)) {
                        if (auto ok = tracker.write(kProgress, taskId, {{QStringLiteral("checklist"), checklistJson(ticks, newIds, task.items)}});
                            !ok) {
                            return std::unexpected(ok.error());
                        }
                    }
                }
            } else {
                const QString taskId = newRowId(QStringLiteral("task"), task.slug);
                if (task.metric && task.metric->target) {
                    metrics.insert(task.metric->key);
                    recheck.insert(taskId);
                }
                if (auto ok = revive(kTask, taskId, wantedTask); !ok) {
                    return ok;
                }
                // Only "this row is live": a status written here would undo, in sync, what the
                // musician did with the same task on a computer that upgraded first.
                if (auto ok = revive(kProgress, taskId, {}); !ok) {
                    return ok;
                }
                keptTasks.insert(taskId);
            }
        }
    }
    for (const auto& row : *tasks) {
        const QString id = row.value(QStringLiteral("id")).toString();
        if (!keptTasks.contains(id)) {
            if (auto a = tracker.remove(kTask, id); !a) {
                return std::unexpected(a.error());
            }
            if (auto b = tracker.remove(kProgress, id); !b) {
                return std::unexpected(b.error());
            }
        }
    }
    for (const auto& row : *stages) {
        const QString id = row.value(QStringLiteral("id")).toString();
        if (!keptStages.contains(id)) {
            if (auto removed = tracker.remove(kStage, id); !removed) {
                return std::unexpected(removed.error());
            }
        }
    }
    // A new task, or a target lowered, may already be reached by what was logged; a task the
    // musician reopened is left as it is.
    for (const QString& metric : metrics) {
        if (auto completed = completeReachedTargets(metric, &recheck); !completed) {
            return completed;
        }
    }
    return transaction->commit();
}

Result<int> ProgressRepository::upgradeFrom(const QList<RoadmapTemplate>& templates)
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT id, slug, template_version FROM roadmap WHERE deleted = 0 AND custom = 0"));
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<std::pair<QString, const RoadmapTemplate*>> due;
    while (query->next()) {
        for (const auto& roadmap : templates) {
            if (roadmap.slug == query->value(1).toString() && roadmap.version > query->value(2).toInt()) {
                due.append({query->value(0).toString(), &roadmap});
            }
        }
    }
    for (const auto& [id, roadmap] : due) {
        if (auto upgraded = upgrade(id, *roadmap); !upgraded) {
            return std::unexpected(upgraded.error());
        }
    }
    return static_cast<int>(due.size());
}

Result<void> ProgressRepository::remove(const QString& roadmapId)
{
    const QSqlDatabase db = m_db.connection();
    auto transaction = Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    auto tasks = rows(db, kTask, QStringLiteral("roadmap_id"), roadmapId);
    auto stages = rows(db, kStage, QStringLiteral("roadmap_id"), roadmapId);
    if (!tasks || !stages) {
        return std::unexpected(!tasks ? tasks.error() : stages.error());
    }
    ChangeTracker tracker(m_db);
    for (const auto& task : *tasks) {
        const QString id = task.value(QStringLiteral("id")).toString();
        if (auto a = tracker.remove(kTask, id); !a) {
            return std::unexpected(a.error());
        }
        if (auto b = tracker.remove(kProgress, id); !b) {
            return std::unexpected(b.error());
        }
    }
    for (const auto& stage : *stages) {
        if (auto removed = tracker.remove(kStage, stage.value(QStringLiteral("id")).toString()); !removed) {
            return std::unexpected(removed.error());
        }
    }
    if (auto removed = tracker.remove(kRoadmap, roadmapId); !removed) {
        return std::unexpected(removed.error());
    }
    return transaction->commit();
}

Result<QList<RoadmapState>> ProgressRepository::roadmaps() const
{
    auto ids = sql::run(m_db.connection(), QStringLiteral("SELECT id FROM roadmap WHERE deleted = 0 ORDER BY position, started_at, id"));
    if (!ids) {
        return std::unexpected(ids.error());
    }
    QStringList list;
    while (ids->next()) {
        list << ids->value(0).toString();
    }
    QList<RoadmapState> states;
    for (const QString& id : list) {
        auto state = roadmap(id);
        if (!state) {
            return std::unexpected(state.error());
        }
        states.append(*state);
    }
    return states;
}

Result<RoadmapState> ProgressRepository::roadmap(const QString& id) const
{
    const QSqlDatabase db = m_db.connection();
    auto head = sql::run(db, QStringLiteral("SELECT slug, template_version, title, summary, custom, started_at FROM roadmap "
                                            "WHERE id = ? AND deleted = 0"),
                         {id});
    if (!head) {
        return std::unexpected(head.error());
    }
    if (!head->next()) {
        return fail(ErrorCode::NotFound, "no such roadmap", id.toStdString());
    }
    RoadmapState state;
    state.id = id;
    state.slug = head->value(0).toString();
    state.templateVersion = head->value(1).toInt();
    state.title = head->value(2).toString();
    state.summary = head->value(3).toString();
    state.custom = head->value(4).toInt() != 0;
    const qint64 started = head->value(5).toLongLong();
    state.startedAt = QDateTime::fromMSecsSinceEpoch(started);
    auto stages = rows(db, kStage, QStringLiteral("roadmap_id"), id);
    if (!stages) {
        return std::unexpected(stages.error());
    }
    for (const auto& stageRow : *stages) {
        StageState stage;
        stage.id = stageRow.value(QStringLiteral("id")).toString();
        stage.slug = stageRow.value(QStringLiteral("slug")).toString();
        stage.title = stageRow.value(QStringLiteral("title")).toString();
        stage.summary = stageRow.value(QStringLiteral("summary")).toString();
        auto tasks = sql::run(db,
                              QStringLiteral("SELECT t.id, t.slug, t.title, t.type, t.description, t.items, t.metric_key, "
                                             "t.metric_unit, t.metric_target, t.metric_aggregate, p.status, p.checklist, "
                                             "p.completed_at, p.notes, p.evidence, t.item_ids FROM roadmap_task t "
                                             "LEFT JOIN task_progress p ON p.id = t.id "
                                             "WHERE t.stage_id = ? AND t.deleted = 0 ORDER BY t.position, t.id"),
                              {stage.id});
        if (!tasks) {
            return std::unexpected(tasks.error());
        }
        while (tasks->next()) {
            TaskState task;
            task.id = tasks->value(0).toString();
            task.slug = tasks->value(1).toString();
            task.title = tasks->value(2).toString();
            task.type = typeFrom(tasks->value(3).toString());
            task.description = tasks->value(4).toString();
            for (const auto& item : QJsonDocument::fromJson(tasks->value(5).toString().toUtf8()).array()) {
                task.items << item.toString();
            }
            if (task.type == TaskType::DataInput) {
                Metric metric;
                metric.key = tasks->value(6).toString();
                metric.unit = tasks->value(7).toString();
                if (tasks->value(8).toDouble() > 0) {
                    metric.target = tasks->value(8).toDouble();
                }
                metric.aggregate = tasks->value(9).toString() == QLatin1String("latest") ? Aggregate::Latest : Aggregate::Sum;
                const QString valueQuery = metric.aggregate == Aggregate::Sum
                                               ? QStringLiteral("SELECT total(value) FROM stat_entry WHERE metric = ? AND deleted = 0 AND at >= ?")
                                               : QStringLiteral("SELECT value FROM stat_entry WHERE metric = ? AND deleted = 0 AND at >= ? "
                                                                "ORDER BY at DESC, id DESC LIMIT 1");
                auto value = sql::scalar(db, valueQuery, {metric.key, countsFrom(started)});
                task.metricValue = value ? value->toDouble() : 0.0;
                task.metric = metric;
            }
            task.status = taskStatusFromName(tasks->value(10).toString()).value_or(TaskStatus::NotStarted);
            task.itemIds = storedItemIds(tasks->value(15).toString(), task.items);
            const QList<bool> ticks = storedTicks(tasks->value(11).toString(), task.items, task.itemIds);
            for (qsizetype i = 0; i < task.items.size(); ++i) {
                task.ticked.insert(task.items.at(i), ticks.at(i));
            }
            if (tasks->value(12).toLongLong() > 0) {
                task.completedAt = QDateTime::fromMSecsSinceEpoch(tasks->value(12).toLongLong());
            }
            task.notes = tasks->value(13).toString();
            for (const auto& entry : QJsonDocument::fromJson(tasks->value(14).toString().toUtf8()).array()) {
                task.evidence << entry.toString();
            }
            stage.tasks.append(task);
        }
        state.stages.append(stage);
    }
    return state;
}

Result<void> ProgressRepository::setStatus(const QString& taskId, TaskStatus status)
{
    const QSqlDatabase db = m_db.connection();
    auto transaction = Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    auto current = sql::run(db, QStringLiteral("SELECT status, started_at, completed_at FROM task_progress WHERE id = ? AND deleted = 0"),
                            {taskId});
    if (!current) {
        return std::unexpected(current.error());
    }
    if (!current->next()) {
        return fail(ErrorCode::NotFound, "no such task", taskId.toStdString());
    }
    const bool wasCompleted = current->value(0).toString() == taskStatusName(TaskStatus::Completed);
    const qint64 startedAt = current->value(1).toLongLong();
    const qint64 completedAt = current->value(2).toLongLong();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVariantMap fields{{QStringLiteral("status"), taskStatusName(status)}};
    if (status != TaskStatus::Completed) {
        fields.insert(QStringLiteral("completed_at"), 0);
    } else if (!wasCompleted || completedAt <= 0) {
        fields.insert(QStringLiteral("completed_at"), now);  // completed again keeps its first time
    }
    if (status != TaskStatus::NotStarted && startedAt <= 0) {
        fields.insert(QStringLiteral("started_at"), now);
    }
    ChangeTracker tracker(m_db);
    if (auto written = tracker.write(kProgress, taskId, fields); !written) {
        return std::unexpected(written.error());
    }
    return transaction->commit();
}

Result<void> ProgressRepository::setItem(const QString& taskId, const QString& item, bool ticked)
{
    const QSqlDatabase db = m_db.connection();
    auto transaction = Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    auto query = sql::run(db, QStringLiteral("SELECT t.items, t.item_ids, p.checklist, p.status, p.started_at, p.completed_at "
                                             "FROM roadmap_task t JOIN task_progress p ON p.id = t.id "
                                             "WHERE t.id = ? AND t.deleted = 0 AND p.deleted = 0"),
                          {taskId});
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, "no such task", taskId.toStdString());
    }
    QStringList items;
    for (const auto& entry : QJsonDocument::fromJson(query->value(0).toString().toUtf8()).array()) {
        items << entry.toString();
    }
    const QStringList ids = storedItemIds(query->value(1).toString(), items);
    qsizetype index = ids.indexOf(item);
    if (index < 0) {
        index = items.indexOf(item);
    }
    if (index < 0) {
        return fail(ErrorCode::InvalidArgument, "this task has no checklist item \"" + item.toStdString() + "\"", taskId.toStdString());
    }
    QList<bool> ticks = storedTicks(query->value(2).toString(), items, ids);
    ticks[index] = ticked;
    const auto done = std::count(ticks.begin(), ticks.end(), true);
    const TaskStatus status = done == items.size() ? TaskStatus::Completed : done > 0 ? TaskStatus::InProgress : TaskStatus::NotStarted;
    const bool wasCompleted = query->value(3).toString() == taskStatusName(TaskStatus::Completed);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVariantMap fields{{QStringLiteral("checklist"), checklistJson(ticks, ids, items)}, {QStringLiteral("status"), taskStatusName(status)}};
    if (status != TaskStatus::Completed) {
        fields.insert(QStringLiteral("completed_at"), 0);
    } else if (!wasCompleted || query->value(5).toLongLong() <= 0) {
        fields.insert(QStringLiteral("completed_at"), now);
    }
    if (status != TaskStatus::NotStarted && query->value(4).toLongLong() <= 0) {
        fields.insert(QStringLiteral("started_at"), now);
    }
    ChangeTracker tracker(m_db);
    if (auto written = tracker.write(kProgress, taskId, fields); !written) {
        return std::unexpected(written.error());
    }
    return transaction->commit();
}

Result<void> ProgressRepository::setNotes(const QString& taskId, const QString& notes)
{
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    // Never a progress row for a task that is not there (it would sync as an orphan).
    auto exists = sql::scalar(m_db.connection(), QStringLiteral("SELECT count(*) FROM task_progress WHERE id = ? AND deleted = 0"), {taskId});
    if (!exists) {
        return std::unexpected(exists.error());
    }
    if (exists->toInt() == 0) {
        return fail(ErrorCode::NotFound, "no such task", taskId.toStdString());
    }
    ChangeTracker tracker(m_db);
    if (auto written = tracker.write(kProgress, taskId, {{QStringLiteral("notes"), notes}}); !written) {
        return std::unexpected(written.error());
    }
    return transaction->commit();
}

Result<QString> ProgressRepository::addStat(const QString& metric, double value, const QDateTime& at, const QString& source,
                                            const QString& ref, const QString& note)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]*$"));
    if (!pattern.match(metric).hasMatch()) {
        return fail(ErrorCode::InvalidArgument, "a metric is lower-case letters, digits and _, e.g. practice_minutes", metric.toStdString());
    }
    if (!std::isfinite(value)) {
        return fail(ErrorCode::InvalidArgument, "the value must be a number", metric.toStdString());
    }
    if (!at.isValid()) {
        return fail(ErrorCode::InvalidArgument, "the date is not valid", metric.toStdString());
    }
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    ChangeTracker tracker(m_db);
    const QString id = UuidV7Generator().next();
    auto written = tracker.write(kStat, id,
                                 {{QStringLiteral("metric"), metric},
                                  {QStringLiteral("value"), value},
                                  {QStringLiteral("at"), at.toMSecsSinceEpoch()},
                                  {QStringLiteral("source"), source},
                                  {QStringLiteral("ref"), ref},
                                  {QStringLiteral("note"), note}});
    if (!written) {
        return std::unexpected(written.error());
    }
    if (auto completed = completeReachedTargets(metric); !completed) {
        return std::unexpected(completed.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return id;
}

Result<void> ProgressRepository::completeReachedTargets(const QString& metric, const QSet<QString>* only)
{
    const QSqlDatabase db = m_db.connection();
    auto open = sql::run(db,
                         QStringLiteral("SELECT t.id, t.metric_target, t.metric_aggregate, r.started_at FROM roadmap_task t "
                                        "JOIN roadmap r ON r.id = t.roadmap_id JOIN task_progress p ON p.id = t.id "
                                        "WHERE t.metric_key = ? AND t.deleted = 0 AND r.deleted = 0 AND t.metric_target > 0 "
                                        "AND p.status != 'completed'"),
                         {metric});
    if (!open) {
        return std::unexpected(open.error());
    }
    struct Open {
        QString id;
        double target;
        bool latest;
        qint64 since;
    };
    QList<Open> tasks;
    while (open->next()) {
        if (only != nullptr && !only->contains(open->value(0).toString())) {
            continue;
        }
        tasks.append({open->value(0).toString(), open->value(1).toDouble(), open->value(2).toString() == QLatin1String("latest"),
                      countsFrom(open->value(3).toLongLong())});
    }
    ChangeTracker tracker(m_db);
    for (const Open& task : tasks) {
        auto entries = sql::run(db, QStringLiteral("SELECT id, value, at FROM stat_entry WHERE metric = ? AND deleted = 0 "
                                                   "AND at >= ? ORDER BY at, id"),
                                {metric, task.since});
        if (!entries) {
            return std::unexpected(entries.error());
        }
        QJsonArray evidence;
        double total = 0.0;
        qint64 reachedAt = 0;
        QString lastId;
        double lastValue = 0.0;
        qint64 lastAt = 0;
        while (entries->next()) {
            lastId = entries->value(0).toString();
            lastValue = entries->value(1).toDouble();
            lastAt = entries->value(2).toLongLong();
            if (!task.latest && reachedAt == 0) {
                total += lastValue;
                evidence.append(lastId);
                if (total >= task.target) {
                    reachedAt = lastAt;
                }
            }
        }
        if (task.latest && !lastId.isEmpty() && lastValue >= task.target) {
            evidence = QJsonArray{lastId};
            reachedAt = lastAt;
        }
        if (reachedAt == 0) {
            continue;
        }
        auto written = tracker.write(kProgress, task.id,
                                     {{QStringLiteral("status"), QStringLiteral("completed")},
                                      {QStringLiteral("completed_at"), reachedAt},
                                      {QStringLiteral("evidence"), QString::fromUtf8(QJsonDocument(evidence).toJson(QJsonDocument::Compact))}});
        if (!written) {
            return std::unexpected(written.error());
        }
    }
    return {};
}

Result<void> ProgressRepository::recordEvent(const AppEvent& event)
{
    QList<std::pair<QString, double>> stats;
    QString source;
    switch (event.kind) {
    case AppEvent::Kind::Practice:
        source = QStringLiteral("practice");
        stats = {{QStringLiteral("practice_minutes"), event.value}, {QStringLiteral("practice_sessions"), 1.0}};
        break;
    case AppEvent::Kind::Show:
        source = QStringLiteral("show");
        stats = {{QStringLiteral("shows_played"), 1.0}};
        if (event.value > 0) {
            stats.append({QStringLiteral("paid_shows"), 1.0});
        }
        break;
    case AppEvent::Kind::SongAdded:
        source = QStringLiteral("library");
        stats = {{QStringLiteral("songs_added"), 1.0}};
        break;
    }
    for (const auto& [metric, value] : stats) {
        if (auto added = addStat(metric, value, event.at, source, event.ref); !added) {
            return std::unexpected(added.error());
        }
    }
    return {};
}

Result<QList<StatEntry>> ProgressRepository::series(const QString& metric) const
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT id, value, at, source FROM stat_entry WHERE metric = ? AND deleted = 0 ORDER BY at, id"),
                          {metric});
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<StatEntry> entries;
    while (query->next()) {
        entries.append({query->value(0).toString(), metric, query->value(1).toDouble(),
                        QDateTime::fromMSecsSinceEpoch(query->value(2).toLongLong()), query->value(3).toString()});
    }
    return entries;
}

Result<QStringList> ProgressRepository::metrics() const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT DISTINCT metric FROM stat_entry WHERE deleted = 0 ORDER BY metric"));
    if (!query) {
        return std::unexpected(query.error());
    }
    QStringList metrics;
    while (query->next()) {
        metrics << query->value(0).toString();
    }
    return metrics;
}

}  // namespace bandmate::core::roadmap
