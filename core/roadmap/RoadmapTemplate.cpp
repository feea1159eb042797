#include "core/roadmap/RoadmapTemplate.h"

#include "core/util/SafeFiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace bandmate::core::roadmap {

namespace {

/// Reads one JSON object, recording which keys were used so unknown ones can be refused.
class Fields {
public:
    Fields(const QJsonObject& object, QString path) : m_object(object), m_path(std::move(path)) {}

    [[nodiscard]] QString at(const QString& key) const { return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key; }

    Result<QString> text(const QString& key, bool required = true)
    {
        m_used.insert(key);
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() && !required) {
            return QStringLiteral("");  // empty, not null: stored in NOT NULL columns
        }
        if (!value.isString() || (required && value.toString().trimmed().isEmpty())) {
            return fail(ErrorCode::InvalidInput, required ? "needs a non-empty text" : "must be a text", at(key).toStdString());
        }
        return value.toString().trimmed();
    }

    Result<QString> slug(const QString& key, const QRegularExpression& pattern)
    {
        auto value = text(key);
        if (!value) {
            return value;
        }
        if (!pattern.match(*value).hasMatch()) {
            return fail(ErrorCode::InvalidInput, "must be lower-case letters, digits and - (a stable id), not \"" +
                                                     value->toStdString() + "\"",
                        at(key).toStdString());
        }
        return value;
    }

    Result<QJsonArray> array(const QString& key, bool required = true)
    {
        m_used.insert(key);
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() && !required) {
            return QJsonArray();
        }
        if (!value.isArray() || value.toArray().isEmpty()) {
            return fail(ErrorCode::InvalidInput, "needs a non-empty list", at(key).toStdString());
        }
        return value.toArray();
    }

    QJsonValue raw(const QString& key)
    {
        m_used.insert(key);
        return m_object.value(key);
    }

    /// Unknown keys are typos more often than not: refuse them, naming the first.
    Result<void> noOthers() const
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_used.contains(it.key())) {
                return fail(ErrorCode::InvalidInput, "unknown field", at(it.key()).toStdString());
            }
        }
        return {};
    }

private:
    QJsonObject m_object;
    QString m_path;
    QSet<QString> m_used;
};

constexpr qsizetype kMaxItemIdLength = 48;

const QRegularExpression& slugPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    return pattern;
}

const QRegularExpression& metricPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]*$"));
    return pattern;
}

Result<QJsonObject> objectAt(const QJsonValue& value, const QString& path)
{
    if (!value.isObject()) {
        return fail(ErrorCode::InvalidInput, "must be an object {…}", path.toStdString());
    }
    return value.toObject();
}

Result<Metric> parseMetric(const QJsonValue& value, const QString& path)
{
    auto object = objectAt(value, path);
    if (!object) {
        return std::unexpected(object.error());
    }
    Fields fields(*object, path);
    Metric metric;
    auto key = fields.slug(QStringLiteral("key"), metricPattern());
    if (!key) {
        return std::unexpected(key.error());
    }
    metric.key = *key;
    auto unit = fields.text(QStringLiteral("unit"));
    if (!unit) {
        return std::unexpected(unit.error());
    }
    metric.unit = *unit;
    const QJsonValue target = fields.raw(QStringLiteral("target"));
    if (!target.isUndefined()) {
        if (!target.isDouble() || !std::isfinite(target.toDouble()) || target.toDouble() <= 0) {
            return fail(ErrorCode::InvalidInput, "must be a positive number", fields.at(QStringLiteral("target")).toStdString());
        }
        metric.target = target.toDouble();
    }
    const QJsonValue aggregate = fields.raw(QStringLiteral("aggregate"));
    if (!aggregate.isUndefined()) {
        if (aggregate.toString() == QLatin1String("sum")) {
            metric.aggregate = Aggregate::Sum;
        } else if (aggregate.toString() == QLatin1String("latest")) {
            metric.aggregate = Aggregate::Latest;
        } else {
            return fail(ErrorCode::InvalidInput, "must be \"sum\" or \"latest\"", fields.at(QStringLiteral("aggregate")).toStdString());
        }
    }
    if (auto others = fields.noOthers(); !others) {
        return std::unexpected(others.error());
    }
    return metric;
}

Result<TaskTemplate> parseTask(const QJsonValue& value, const QString& path)
{
    auto object = objectAt(value, path);
    if (!object) {
        return std::unexpected(object.error());
    }
    Fields fields(*object, path);
    TaskTemplate task;
    auto slug = fields.slug(QStringLiteral("slug"), slugPattern());
    auto title = slug ? fields.text(QStringLiteral("title")) : Result<QString>(std::unexpected(slug.error()));
    if (!title) {
        return std::unexpected(title.error());
    }
    task.slug = *slug;
    task.title = *title;
    const QString type = fields.raw(QStringLiteral("type")).toString();
    if (type == QLatin1String("CHECKLIST")) {
        task.type = TaskType::Checklist;
    } else if (type == QLatin1String("DATA_INPUT")) {
        task.type = TaskType::DataInput;
    } else if (type == QLatin1String("INFO")) {
        task.type = TaskType::Info;
    } else {
        return fail(ErrorCode::InvalidInput, "must be one of CHECKLIST, DATA_INPUT, INFO",
                    fields.at(QStringLiteral("type")).toStdString());
    }
    auto description = fields.text(QStringLiteral("description"));
    if (!description) {
        return std::unexpected(description.error());
    }
    task.description = *description;
    if (task.type == TaskType::Checklist) {
        auto items = fields.array(QStringLiteral("items"));
        if (!items) {
            return std::unexpected(items.error());
        }
        // An item is its text, or {"id": "…", "text": "…"} with the stable id its ticks are kept by.
        for (qsizetype i = 0; i < items->size(); ++i) {
            const QString itemPath = QStringLiteral("%1.items[%2]").arg(path).arg(i);
            QString item;
            QString id;
            if (items->at(i).isObject()) {
                Fields itemFields(items->at(i).toObject(), itemPath);
                auto itemId = itemFields.slug(QStringLiteral("id"), slugPattern());
                auto text = itemId ? itemFields.text(QStringLiteral("text")) : Result<QString>(std::unexpected(itemId.error()));
                if (!text) {
                    return std::unexpected(text.error());
                }
                if (auto others = itemFields.noOthers(); !others) {
                    return std::unexpected(others.error());
                }
                if (itemId->size() > kMaxItemIdLength) {
                    return fail(ErrorCode::InvalidInput, "an item id has at most 48 characters",
                                (itemPath + QStringLiteral(".id")).toStdString());
                }
                if (task.itemIds.contains(*itemId)) {
                    return fail(ErrorCode::InvalidInput, "another item of this checklist has the id \"" + itemId->toStdString() + "\"",
                                (itemPath + QStringLiteral(".id")).toStdString());
                }
                item = *text;
                id = *itemId;
            } else {
                item = items->at(i).toString().trimmed();
                if (!items->at(i).isString() || item.isEmpty()) {
                    return fail(ErrorCode::InvalidInput, "needs a non-empty text or {\"id\": …, \"text\": …}", itemPath.toStdString());
                }
            }
            if (task.items.contains(item)) {
                return fail(ErrorCode::InvalidInput, "appears twice in this checklist", itemPath.toStdString());
            }
            task.items << item;
            task.itemIds << id;
        }
        // Items without an id get one from their text, after every written id is known.
        task.itemIds = completeItemIds(task.items, task.itemIds);
    } else if (!fields.raw(QStringLiteral("items")).isUndefined()) {
        return fail(ErrorCode::InvalidInput, "only CHECKLIST tasks have items", fields.at(QStringLiteral("items")).toStdString());
    }
    const QJsonValue metric = fields.raw(QStringLiteral("metric"));
    if (task.type == TaskType::DataInput) {
        auto parsed = parseMetric(metric, fields.at(QStringLiteral("metric")));
        if (!parsed) {
            return std::unexpected(parsed.error());
        }
        task.metric = *parsed;
    } else if (!metric.isUndefined()) {
        return fail(ErrorCode::InvalidInput, "only DATA_INPUT tasks have a metric", fields.at(QStringLiteral("metric")).toStdString());
    }
    if (auto others = fields.noOthers(); !others) {
        return std::unexpected(others.error());
    }
    return task;
}

Result<StageTemplate> parseStage(const QJsonValue& value, const QString& path, QSet<QString>& taskSlugs)
{
    auto object = objectAt(value, path);
    if (!object) {
        return std::unexpected(object.error());
    }
    Fields fields(*object, path);
    StageTemplate stage;
    auto slug = fields.slug(QStringLiteral("slug"), slugPattern());
    auto title = slug ? fields.text(QStringLiteral("title")) : Result<QString>(std::unexpected(slug.error()));
    auto summary = title ? fields.text(QStringLiteral("summary"), false) : Result<QString>(std::unexpected(title.error()));
    auto tasks = summary ? fields.array(QStringLiteral("tasks")) : Result<QJsonArray>(std::unexpected(summary.error()));
    if (!tasks) {
        return std::unexpected(tasks.error());
    }
    stage.slug = *slug;
    stage.title = *title;
    stage.summary = *summary;
    for (qsizetype i = 0; i < tasks->size(); ++i) {
        const QString taskPath = QStringLiteral("%1.tasks[%2]").arg(path).arg(i);
        auto task = parseTask(tasks->at(i), taskPath);
        if (!task) {
            return std::unexpected(task.error());
        }
        if (taskSlugs.contains(task->slug)) {
            return fail(ErrorCode::InvalidInput, "another task of this roadmap has the slug \"" + task->slug.toStdString() + "\"",
                        (taskPath + QStringLiteral(".slug")).toStdString());
        }
        taskSlugs.insert(task->slug);
        stage.tasks.append(*task);
    }
    if (auto others = fields.noOthers(); !others) {
        return std::unexpected(others.error());
    }
    return stage;
}

QJsonObject taskJson(const TaskTemplate& task)
{
    QJsonObject object{{QStringLiteral("slug"), task.slug},
                       {QStringLiteral("title"), task.title},
                       {QStringLiteral("type"), taskTypeName(task.type)},
                       {QStringLiteral("description"), task.description}};
    if (task.type == TaskType::Checklist) {
        QJsonArray items;
        const QStringList ids = completeItemIds(task.items, task.itemIds);
        for (qsizetype i = 0; i < task.items.size(); ++i) {
            items.append(QJsonObject{{QStringLiteral("id"), ids.at(i)}, {QStringLiteral("text"), task.items.at(i)}});
        }
        object.insert(QStringLiteral("items"), items);
    }
    if (task.metric) {
        QJsonObject metric{{QStringLiteral("key"), task.metric->key}, {QStringLiteral("unit"), task.metric->unit}};
        if (task.metric->target) {
            metric.insert(QStringLiteral("target"), *task.metric->target);
        }
        if (task.metric->aggregate == Aggregate::Latest) {
            metric.insert(QStringLiteral("aggregate"), QStringLiteral("latest"));
        }
        object.insert(QStringLiteral("metric"), metric);
    }
    return object;
}

}  // namespace

QString taskTypeName(TaskType type)
{
    switch (type) {
    case TaskType::Checklist:
        return QStringLiteral("CHECKLIST");
    case TaskType::DataInput:
        return QStringLiteral("DATA_INPUT");
    case TaskType::Info:
        break;
    }
    return QStringLiteral("INFO");
}

QString checklistItemId(const QString& text, const QStringList& taken)
{
    QString base;
    for (const QChar c : text.normalized(QString::NormalizationForm_KD).toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))) {
            base += c;
        } else if (c.category() != QChar::Mark_NonSpacing && !base.isEmpty() && !base.endsWith(QLatin1Char('-'))) {
            base += QLatin1Char('-');  // a space or a sign between words; accents (marks) just go
        }
    }
    base = base.left(kMaxItemIdLength - 4);  // room for "-999"
    while (base.endsWith(QLatin1Char('-'))) {
        base.chop(1);
    }
    if (base.isEmpty()) {
        base = QStringLiteral("item");
    }
    QString id = base;
    for (int n = 2; taken.contains(id); ++n) {
        id = QStringLiteral("%1-%2").arg(base).arg(n);
    }
    return id;
}

QStringList completeItemIds(const QStringList& items, const QStringList& ids)
{
    QStringList complete;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString id = ids.value(i);
        complete << (id.isEmpty() || complete.contains(id) ? QString() : id);
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (complete.at(i).isEmpty()) {
            complete[i] = checklistItemId(items.at(i), complete);
        }
    }
    return complete;
}

QStringList reassignItemIds(const QStringList& items, const QStringList& oldItems, const QStringList& oldIds)
{
    QStringList ids(items.size());
    QStringList used;
    // Unchanged texts first, wherever they moved.
    for (qsizetype i = 0; i < items.size(); ++i) {
        const qsizetype old = oldItems.indexOf(items.at(i));
        if (old >= 0 && old < oldIds.size() && !oldIds.at(old).isEmpty() && !used.contains(oldIds.at(old))) {
            ids[i] = oldIds.at(old);
            used << ids[i];
        }
    }
    // Then texts rewritten in place, when no item came or went.
    if (items.size() == oldItems.size()) {
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (ids.at(i).isEmpty() && i < oldIds.size() && !oldIds.at(i).isEmpty() && !used.contains(oldIds.at(i)) &&
                !items.contains(oldItems.at(i))) {
                ids[i] = oldIds.at(i);
                used << ids[i];
            }
        }
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (ids.at(i).isEmpty()) {
            ids[i] = checklistItemId(items.at(i), used + oldIds);
            used << ids[i];
        }
    }
    return ids;
}

Result<RoadmapTemplate> parseRoadmapJson(const QByteArray& json, const QString& source)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(error.offset);
        const auto line = before.count('\n') + 1;
        const auto column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
        return fail(ErrorCode::InvalidInput, "not valid JSON: " + error.errorString().toStdString(),
                    QStringLiteral("%1:%2:%3").arg(source).arg(line).arg(column).toStdString());
    }
    if (!document.isObject()) {
        return fail(ErrorCode::InvalidInput, "a roadmap is a JSON object {\"schema\": 1, …}", source.toStdString());
    }
    Fields fields(document.object(), {});
    const QJsonValue schema = fields.raw(QStringLiteral("schema"));
    if (schema.toInt(-1) != kRoadmapSchema) {
        return fail(ErrorCode::InvalidInput, "must be 1 (the roadmap format this version reads)", "schema");
    }
    RoadmapTemplate roadmap;
    auto slug = fields.slug(QStringLiteral("slug"), slugPattern());
    if (!slug) {
        return std::unexpected(slug.error());
    }
    roadmap.slug = *slug;
    const QJsonValue version = fields.raw(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() < 1 || version.toDouble() > kMaxRoadmapVersion ||
        version.toDouble() != std::floor(version.toDouble())) {
        return fail(ErrorCode::InvalidInput, "must be a whole number from 1 to 2147483647", "version");
    }
    roadmap.version = version.toInt();
    auto title = fields.text(QStringLiteral("title"));
    auto summary = title ? fields.text(QStringLiteral("summary"), false) : Result<QString>(std::unexpected(title.error()));
    auto stages = summary ? fields.array(QStringLiteral("stages")) : Result<QJsonArray>(std::unexpected(summary.error()));
    if (!stages) {
        return std::unexpected(stages.error());
    }
    roadmap.title = *title;
    roadmap.summary = *summary;
    QSet<QString> stageSlugs;
    QSet<QString> taskSlugs;
    for (qsizetype i = 0; i < stages->size(); ++i) {
        const QString path = QStringLiteral("stages[%1]").arg(i);
        auto stage = parseStage(stages->at(i), path, taskSlugs);
        if (!stage) {
            return std::unexpected(stage.error());
        }
        if (stageSlugs.contains(stage->slug)) {
            return fail(ErrorCode::InvalidInput, "another stage has the slug \"" + stage->slug.toStdString() + "\"",
                        (path + QStringLiteral(".slug")).toStdString());
        }
        stageSlugs.insert(stage->slug);
        roadmap.stages.append(*stage);
    }
    if (auto others = fields.noOthers(); !others) {
        return std::unexpected(others.error());
    }
    return roadmap;
}

Result<RoadmapTemplate> readRoadmapFile(const QString& path)
{
    auto bytes = readInputFile(path, 4 * 1024 * 1024, "roadmap file");
    if (!bytes) {
        return std::unexpected(bytes.error());
    }
    auto roadmap = parseRoadmapJson(*bytes, path);
    if (!roadmap && !roadmap.error().where.starts_with(path.toStdString())) {
        roadmap.error().where = path.toStdString() + ": " + roadmap.error().where;  // file and JSON path
    }
    return roadmap;
}

QByteArray writeRoadmapJson(const RoadmapTemplate& roadmap)
{
    QJsonArray stages;
    for (const auto& stage : roadmap.stages) {
        QJsonArray tasks;
        for (const auto& task : stage.tasks) {
            tasks.append(taskJson(task));
        }
        QJsonObject object{{QStringLiteral("slug"), stage.slug}, {QStringLiteral("title"), stage.title}, {QStringLiteral("tasks"), tasks}};
        if (!stage.summary.isEmpty()) {
            object.insert(QStringLiteral("summary"), stage.summary);
        }
        stages.append(object);
    }
    QJsonObject document{{QStringLiteral("schema"), kRoadmapSchema}, {QStringLiteral("slug"), roadmap.slug},
                         {QStringLiteral("version"), roadmap.version}, {QStringLiteral("title"), roadmap.title},
                         {QStringLiteral("stages"), stages}};
    if (!roadmap.summary.isEmpty()) {
        document.insert(QStringLiteral("summary"), roadmap.summary);
    }
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

const QStringList& builtinRoadmapSlugs()
{
    static const QStringList slugs{QStringLiteral("indie-singer-songwriter"), QStringLiteral("electronic-producer"),
                                   QStringLiteral("touring-band"), QStringLiteral("latin-percussionist")};
    return slugs;
}

Result<RoadmapTemplate> loadBuiltinRoadmap(const QString& slug, const QString& language)
{
    if (!builtinRoadmapSlugs().contains(slug)) {
        return fail(ErrorCode::NotFound,
                    "no built-in roadmap of that name (there are: " + builtinRoadmapSlugs().join(QStringLiteral(", ")).toStdString() + ")",
                    slug.toStdString());
    }
    const QString translated = QStringLiteral(":/roadmaps/%1/%2.json").arg(language, slug);
    if (language != QLatin1String("en") && QFile::exists(translated)) {
        return readRoadmapFile(translated);
    }
    return readRoadmapFile(QStringLiteral(":/roadmaps/%1.json").arg(slug));
}

}  // namespace bandmate::core::roadmap
