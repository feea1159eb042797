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

/// Parses and validates a roadmap document. Errors name the exact place: "where" is the JSON
/// path ("stages[2].tasks[0].type") or, for JSON that does not parse, "source:line:column".
[[nodiscard]] Result<RoadmapTemplate> parseRoadmapJson(const QByteArray& json, const QString& source);
[[nodiscard]] Result<RoadmapTemplate> readRoadmapFile(const QString& path);
/// The document for a roadmap (export); parseRoadmapJson reads it back equal.
[[nodiscard]] QByteArray writeRoadmapJson(const RoadmapTemplate& roadmap);

[[nodiscard]] QString taskTypeName(TaskType type);  ///< "CHECKLIST", "DATA_INPUT", "INFO"

/// The shipped templates (compiled-in resources), by slug.
[[nodiscard]] const QStringList& builtinRoadmapSlugs();
/// `language` ("es", "nb") picks the template's translation (resources/roadmaps/<language>/)
/// when there is one, else the English original. A translation has the same slugs, version,
/// types, items and metrics as the original, only its texts differ (RoadmapTemplate tests hold
/// every shipped one to that), so progress and upgrades do not depend on the language.
[[nodiscard]] Result<RoadmapTemplate> loadBuiltinRoadmap(const QString& slug,
                                                         const QString& language = QStringLiteral("en"));

}  // namespace bandmate::core::roadmap
