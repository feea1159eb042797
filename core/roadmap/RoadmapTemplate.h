#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bandmate::core::roadmap {

/// What a task asks of the musician.
enum class TaskType {
    Checklist,  ///< named items to tick
    DataInput,  ///< a metric with a unit and an optional target
    Info,       ///< guidance to read
};

/// How a metric's entries add up: a count that grows (practice minutes) or a level that is
/// measured again and again (monthly listeners).
enum class Aggregate { Sum, Latest };

struct Metric {
    QString key;    ///< "practice_minutes": [a-z0-9_]+, shared with the app's events
    QString unit;   ///< "minutes"
    std::optional<double> target;
    Aggregate aggregate = Aggregate::Sum;

    friend bool operator==(const Metric&, const Metric&) = default;
};

struct TaskTemplate {
    QString slug;  ///< stable across template versions: progress is keyed by it
    QString title;
    TaskType type = TaskType::Info;
    QString description;  ///< what to do, why, how to know it is done
    QStringList items;    ///< Checklist only
    /// One stable id per item, in the same order ([a-z0-9-]+, unique in the task): ticks are kept
    /// by id, so an item's text can change (a new version, a translation) without losing them.
    QStringList itemIds;
    std::optional<Metric> metric;  ///< DataInput only

    friend bool operator==(const TaskTemplate&, const TaskTemplate&) = default;
};

struct StageTemplate {
    QString slug;
    QString title;
    QString summary;
    QList<TaskTemplate> tasks;

    friend bool operator==(const StageTemplate&, const StageTemplate&) = default;
};

/// A career roadmap as a versioned JSON document (resources/roadmaps/*.json; the schema is in
/// resources/roadmaps/README.md).
struct RoadmapTemplate {
    QString slug;
    int version = 1;
    QString title;
    QString summary;
    QList<StageTemplate> stages;

    friend bool operator==(const RoadmapTemplate&, const RoadmapTemplate&) = default;
};

inline constexpr int kRoadmapSchema = 1;
/// The highest template version a document may have (versions are stored as 32-bit numbers).
inline constexpr int kMaxRoadmapVersion = 2147483647;

/// Parses and validates a roadmap document. Errors name the exact place: "where" is the JSON
/// path ("stages[2].tasks[0].type") or, for JSON that does not parse, "source:line:column".
[[nodiscard]] Result<RoadmapTemplate> parseRoadmapJson(const QByteArray& json, const QString& source);
[[nodiscard]] Result<RoadmapTemplate> readRoadmapFile(const QString& path);
/// The document for a roadmap (export); parseRoadmapJson reads it back equal.
[[nodiscard]] QByteArray writeRoadmapJson(const RoadmapTemplate& roadmap);

[[nodiscard]] QString taskTypeName(TaskType type);  ///< "CHECKLIST", "DATA_INPUT", "INFO"

/// The id an item gets when its document gives none: its text in lower-case ASCII letters and
/// digits joined by "-" (accents dropped, at most 48 characters), "item" when nothing is left,
/// and "-2", "-3", … after it when `taken` already has it.
[[nodiscard]] QString checklistItemId(const QString& text, const QStringList& taken = {});
/// `ids` for `items` where they fit (as many, none empty, none twice); else ids kept where they
/// do and made from the texts for the rest.
[[nodiscard]] QStringList completeItemIds(const QStringList& items, const QStringList& ids);
/// Ids for `items` after an edit of a list that had `oldItems` with `oldIds`: an item whose text
/// is unchanged keeps its id; when the list has as many items as before, the others keep the id
/// at their place (a text rewritten in place is the same item); new ones get checklistItemId.
[[nodiscard]] QStringList reassignItemIds(const QStringList& items, const QStringList& oldItems, const QStringList& oldIds);

/// The shipped templates (compiled-in resources), by slug.
[[nodiscard]] const QStringList& builtinRoadmapSlugs();
/// `language` ("es", "nb") picks the template's translation (resources/roadmaps/<language>/)
/// when there is one, else the English original. A translation has the same slugs, version,
/// types, item ids and metrics as the original, only its texts differ (RoadmapTemplate tests hold
/// every shipped one to that), so progress and upgrades do not depend on the language.
[[nodiscard]] Result<RoadmapTemplate> loadBuiltinRoadmap(const QString& slug,
                                                         const QString& language = QStringLiteral("en"));

}  // namespace bandmate::core::roadmap
