// Roadmap templates, their validation, and progress in a real database.
#include "core/roadmap/Insights.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/roadmap/RoadmapTemplate.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/sync/ChangeTracker.h"
#include "tests/support/TestFiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace bandmate::core;
using namespace bandmate::core::roadmap;
using bandmate::test::TempDir;

namespace {

/// A small valid roadmap to change in tests.
QJsonObject smallRoadmap()
{
    return QJsonDocument::fromJson(R"({
      "schema": 1, "slug": "test-road", "version": 1, "title": "Test road",
      "stages": [
        {"slug": "one", "title": "One", "tasks": [
          {"slug": "tick", "title": "Tick", "type": "CHECKLIST", "description": "d", "items": ["a", "b"]},
          {"slug": "practise", "title": "Practise", "type": "DATA_INPUT", "description": "d",
           "metric": {"key": "practice_minutes", "unit": "minutes", "target": 60}},
          {"slug": "listeners", "title": "Listeners", "type": "DATA_INPUT", "description": "d",
           "metric": {"key": "monthly_listeners", "unit": "listeners", "target": 1000, "aggregate": "latest"}}
        ]},
        {"slug": "two", "title": "Two", "tasks": [
          {"slug": "read", "title": "Read", "type": "INFO", "description": "d"}
        ]}
      ]})").object();
}

RoadmapTemplate parsed(const QJsonObject& object)
{
    auto roadmap = parseRoadmapJson(QJsonDocument(object).toJson(), QStringLiteral("test.json"));
    EXPECT_TRUE(roadmap.has_value()) << (roadmap ? "" : roadmap.error().toString());
    return roadmap.value_or(RoadmapTemplate{});
}

std::string errorOf(const QByteArray& json)
{
    auto roadmap = parseRoadmapJson(json, QStringLiteral("bad.json"));
    return roadmap ? std::string("no error") : roadmap.error().toString();
}

QJsonObject with(QJsonObject object, const std::function<void(QJsonObject&)>& change)
{
    change(object);
    return object;
}

/// Changes task `task` of stage `stage` of a roadmap document in place.
void editTask(QJsonObject& roadmap, int stage, int task, const std::function<void(QJsonObject&)>& change)
{
    QJsonArray stages = roadmap[QStringLiteral("stages")].toArray();
    QJsonObject stageObject = stages[stage].toObject();
    QJsonArray tasks = stageObject[QStringLiteral("tasks")].toArray();
    QJsonObject taskObject = tasks[task].toObject();
    change(taskObject);
    tasks[task] = taskObject;
    stageObject[QStringLiteral("tasks")] = tasks;
    stages[stage] = stageObject;
    roadmap[QStringLiteral("stages")] = stages;
}

const TaskState* findTask(const RoadmapState& state, const QString& slug)
{
    for (const auto& stage : state.stages) {
        for (const auto& task : stage.tasks) {
            if (task.slug == slug) {
                return &task;
            }
        }
    }
    return nullptr;
}

/// A database with the small roadmap started.
class RoadmapProgress : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = Database::open(dir.file(QStringLiteral("r.sqlite")));
        ASSERT_TRUE(opened.has_value());
        db = std::move(*opened);
        repository = std::make_unique<ProgressRepository>(*db);
        auto started = repository->start(parsed(smallRoadmap()));
        ASSERT_TRUE(started.has_value()) << started.error().toString();
        id = *started;
    }

    TempDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<ProgressRepository> repository;
    std::optional<QString> id;
};

}  // namespace

TEST(RoadmapTemplate, EveryShippedTemplateIsValidRichAndRoundTrips)
{
    ASSERT_EQ(builtinRoadmapSlugs().size(), 4);
    for (const QString& slug : builtinRoadmapSlugs()) {
        auto roadmap = loadBuiltinRoadmap(slug);
        ASSERT_TRUE(roadmap.has_value()) << roadmap.error().toString();
        EXPECT_EQ(roadmap->slug, slug);
        EXPECT_GE(roadmap->stages.size(), 5) << slug.toStdString();
        QSet<TaskType> types;
        for (const auto& stage : roadmap->stages) {
            EXPECT_GE(stage.tasks.size(), 4) << slug.toStdString() << " " << stage.slug.toStdString();
            for (const auto& task : stage.tasks) {
                types.insert(task.type);
                EXPECT_GE(task.description.size(), 60) << task.slug.toStdString() << ": say what, why and when it is done";
            }
        }
        EXPECT_EQ(types.size(), 3) << slug.toStdString() << " uses every task type";
        auto again = parseRoadmapJson(writeRoadmapJson(*roadmap), QStringLiteral("again"));
        ASSERT_TRUE(again.has_value());
        EXPECT_TRUE(*again == *roadmap);
    }
}

namespace {

/// The template without its words: what progress, upgrades and metrics depend on.
RoadmapTemplate withoutTexts(RoadmapTemplate roadmap)
{
    roadmap.title.clear();
    roadmap.summary.clear();
    for (auto& stage : roadmap.stages) {
        stage.title.clear();
        stage.summary.clear();
        for (auto& task : stage.tasks) {
            task.title.clear();
            task.description.clear();
            for (QString& item : task.items) {
                item = QStringLiteral("item");
            }
            if (task.metric) {
                task.metric->unit.clear();
            }
        }
    }
    return roadmap;
}

}  // namespace

TEST(RoadmapTemplate, EveryShippedTemplateIsTranslatedAndDiffersOnlyInItsTexts)
{
    for (const QString& language : {QStringLiteral("es"), QStringLiteral("nb")}) {
        for (const QString& slug : builtinRoadmapSlugs()) {
            const std::string where = language.toStdString() + "/" + slug.toStdString();
            ASSERT_TRUE(QFile::exists(QStringLiteral(":/roadmaps/%1/%2.json").arg(language, slug))) << where;
            auto original = loadBuiltinRoadmap(slug);
            auto translated = loadBuiltinRoadmap(slug, language);
            ASSERT_TRUE(original.has_value());
            ASSERT_TRUE(translated.has_value()) << where << ": " << translated.error().toString();
            // Same slugs, version, types, item ids, metric keys, targets and aggregates.
            EXPECT_TRUE(withoutTexts(*translated) == withoutTexts(*original)) << where;
            EXPECT_NE(translated->title, original->title) << where;
            int tasks = 0;
            int same = 0;
            for (qsizetype s = 0; s < std::min(original->stages.size(), translated->stages.size()); ++s) {
                const auto& a = original->stages.at(s).tasks;
                const auto& b = translated->stages.at(s).tasks;
                for (qsizetype t = 0; t < std::min(a.size(), b.size()); ++t) {
                    ++tasks;
                    same += a.at(t).description == b.at(t).description ? 1 : 0;
                    EXPECT_FALSE(b.at(t).description.trimmed().isEmpty()) << where << " " << b.at(t).slug.toStdString();
                }
            }
            EXPECT_EQ(same, 0) << where << ": descriptions left in English";
            EXPECT_GE(tasks, 20) << where;
        }
    }
    // No translation: the English original.
    auto fallback = loadBuiltinRoadmap(QStringLiteral("touring-band"), QStringLiteral("de"));
    ASSERT_TRUE(fallback.has_value());
    EXPECT_EQ(fallback->title, QStringLiteral("Touring Band"));
}

TEST(RoadmapTemplate, ErrorsNameTheExactPath)
{
    const QJsonObject good = smallRoadmap();
    const auto bad = [&](const std::function<void(QJsonObject&)>& change) {
        return errorOf(QJsonDocument(with(good, change)).toJson());
    };
    EXPECT_EQ(bad([](QJsonObject& o) { editTask(o, 1, 0, [](QJsonObject& task) { task[QStringLiteral("type")] = QStringLiteral("HOMEWORK"); }); }),
              "stages[1].tasks[0].type: must be one of CHECKLIST, DATA_INPUT, INFO");
    EXPECT_EQ(bad([](QJsonObject& o) { o[QStringLiteral("schema")] = 2; }),
              "schema: must be 1 (the roadmap format this version reads)");
    EXPECT_EQ(bad([](QJsonObject& o) { o[QStringLiteral("colour")] = QStringLiteral("red"); }), "colour: unknown field");
    EXPECT_EQ(bad([](QJsonObject& o) { o[QStringLiteral("slug")] = QStringLiteral("Bad Slug"); }).find("slug: must be lower-case"), 0u);
    EXPECT_EQ(bad([](QJsonObject& o) { editTask(o, 0, 1, [](QJsonObject& task) { task.remove(QStringLiteral("metric")); }); }),
              "stages[0].tasks[1].metric: must be an object {…}");
    EXPECT_EQ(bad([](QJsonObject& o) { editTask(o, 1, 0, [](QJsonObject& task) { task[QStringLiteral("slug")] = QStringLiteral("tick"); }); }),
              "stages[1].tasks[0].slug: another task of this roadmap has the slug \"tick\"");
    EXPECT_EQ(errorOf("{\n  \"schema\": 1,\n  \"slug\": oops\n}"), "bad.json:3:11: not valid JSON: illegal number");
}

TEST_F(RoadmapProgress, StartProgressAndCompleteARoadmap)
{
    EXPECT_EQ(repository->start(parsed(smallRoadmap())).error().code, ErrorCode::InvalidArgument) << "already running";

    auto state = repository->roadmap(*id);
    ASSERT_TRUE(state.has_value());
    EXPECT_EQ(state->percent(), 0);
    EXPECT_EQ(state->currentStage()->slug, QStringLiteral("one"));
    ASSERT_EQ(state->nextActions(3).size(), 3);
    const QString tick = findTask(*state, QStringLiteral("tick"))->id;
    const QString read = findTask(*state, QStringLiteral("read"))->id;

    ASSERT_TRUE(repository->setItem(tick, QStringLiteral("a"), true).has_value());
    EXPECT_EQ(findTask(*repository->roadmap(*id), QStringLiteral("tick"))->status, TaskStatus::InProgress);
    ASSERT_TRUE(repository->setItem(tick, QStringLiteral("b"), true).has_value());
    EXPECT_EQ(findTask(*repository->roadmap(*id), QStringLiteral("tick"))->status, TaskStatus::Completed);
    EXPECT_EQ(repository->setItem(tick, QStringLiteral("z"), true).error().code, ErrorCode::InvalidArgument);

    ASSERT_TRUE(repository->setStatus(read, TaskStatus::Completed).has_value());
    state = repository->roadmap(*id);
    EXPECT_EQ(state->stages[0].percent(), 33);
    EXPECT_EQ(state->stages[1].percent(), 100);
    EXPECT_EQ(state->percent(), 50);
    EXPECT_EQ(repository->setStatus(QStringLiteral("nope"), TaskStatus::Completed).error().code, ErrorCode::NotFound);
}

TEST_F(RoadmapProgress, TasksCompleteThemselvesFromStatEntriesAndShowTheEvidence)
{
    const QDateTime now = QDateTime::currentDateTime();

    // Sum: 25 + 20 minutes is not yet 60; a practice event of 20 more is.
    auto first = repository->addStat(QStringLiteral("practice_minutes"), 25, now);
    auto second = repository->addStat(QStringLiteral("practice_minutes"), 20, now.addSecs(60));
    ASSERT_TRUE(first.has_value()) << first.error().toString();
    ASSERT_TRUE(second.has_value()) << second.error().toString();
    const TaskState* practise = nullptr;
    auto state = repository->roadmap(*id);
    practise = findTask(*state, QStringLiteral("practise"));
    EXPECT_EQ(practise->status, TaskStatus::NotStarted);
    EXPECT_EQ(practise->metricValue, 45.0);
    ASSERT_TRUE(repository->recordEvent({AppEvent::Kind::Practice, now.addSecs(120), 20.0, QStringLiteral("session-1")}).has_value());
    state = repository->roadmap(*id);
    practise = findTask(*state, QStringLiteral("practise"));
    EXPECT_EQ(practise->status, TaskStatus::Completed);
    ASSERT_EQ(practise->evidence.size(), 3);
    EXPECT_EQ(practise->evidence.at(0), *first);
    EXPECT_EQ(practise->completedAt.toMSecsSinceEpoch(), now.addSecs(120).toMSecsSinceEpoch());
    EXPECT_EQ(repository->series(QStringLiteral("practice_sessions"))->size(), 1) << "the event counted a session too";

    // Latest: a level, the newest entry counts, not the sum.
    ASSERT_TRUE(repository->addStat(QStringLiteral("monthly_listeners"), 600, now).has_value());
    ASSERT_TRUE(repository->addStat(QStringLiteral("monthly_listeners"), 700, now.addDays(1)).has_value());
    EXPECT_EQ(findTask(*repository->roadmap(*id), QStringLiteral("listeners"))->status, TaskStatus::NotStarted);
    auto reached = repository->addStat(QStringLiteral("monthly_listeners"), 1200, now.addDays(2));
    ASSERT_TRUE(reached.has_value());
    const auto listenersState = repository->roadmap(*id);
    const auto* listeners = findTask(*listenersState, QStringLiteral("listeners"));
    EXPECT_EQ(listeners->status, TaskStatus::Completed);
    EXPECT_EQ(listeners->evidence, QStringList{*reached});
    EXPECT_EQ(repository->series(QStringLiteral("monthly_listeners"))->size(), 3) << "entries are never overwritten";

    EXPECT_EQ(repository->addStat(QStringLiteral("Bad Metric"), 1, now).error().code, ErrorCode::InvalidArgument);
}

TEST_F(RoadmapProgress, ATemplateUpgradeKeepsProgress)
{
    const QString tick = findTask(*repository->roadmap(*id), QStringLiteral("tick"))->id;
    ASSERT_TRUE(repository->setItem(tick, QStringLiteral("a"), true).has_value());
    ASSERT_TRUE(repository->setNotes(tick, QStringLiteral("half done")).has_value());

    // Version 2: "tick" renamed and moved to stage two, "read" removed, a new task added.
    QJsonObject v2 = smallRoadmap();
    v2[QStringLiteral("version")] = 2;
    QJsonArray stages = v2[QStringLiteral("stages")].toArray();
    QJsonObject one = stages[0].toObject();
    QJsonArray oneTasks = one[QStringLiteral("tasks")].toArray();
    QJsonObject tickTask = oneTasks[0].toObject();
    tickTask[QStringLiteral("title")] = QStringLiteral("Tick these");
    oneTasks.removeAt(0);
    one[QStringLiteral("tasks")] = oneTasks;
    QJsonObject two = stages[1].toObject();
    two[QStringLiteral("tasks")] = QJsonArray{tickTask, QJsonObject{{QStringLiteral("slug"), QStringLiteral("new-one")},
                                                                    {QStringLiteral("title"), QStringLiteral("New")},
                                                                    {QStringLiteral("type"), QStringLiteral("INFO")},
                                                                    {QStringLiteral("description"), QStringLiteral("d")}}};
    stages[0] = one;
    stages[1] = two;
    v2[QStringLiteral("stages")] = stages;
    ASSERT_TRUE(repository->upgrade(*id, parsed(v2)).has_value());

    auto state = repository->roadmap(*id);
    ASSERT_TRUE(state.has_value());
    EXPECT_EQ(state->templateVersion, 2);
    const TaskState* moved = findTask(*state, QStringLiteral("tick"));
    ASSERT_NE(moved, nullptr);
    EXPECT_EQ(moved->id, tick);
    EXPECT_EQ(moved->title, QStringLiteral("Tick these"));
    EXPECT_EQ(moved->status, TaskStatus::InProgress);
    EXPECT_TRUE(moved->ticked.value(QStringLiteral("a")));
    EXPECT_EQ(moved->notes, QStringLiteral("half done"));
    EXPECT_EQ(findTask(*state, QStringLiteral("read")), nullptr);
    EXPECT_NE(findTask(*state, QStringLiteral("new-one")), nullptr);
    EXPECT_EQ(state->stages[1].tasks[0].slug, QStringLiteral("tick")) << "in its new place";

    QJsonObject other = smallRoadmap();
    other[QStringLiteral("slug")] = QStringLiteral("other-road");
    EXPECT_EQ(repository->upgrade(*id, parsed(other)).error().code, ErrorCode::InvalidArgument);
}

TEST(Insights, AStreakSurvivesOneRestDayButNotTwo)
{
    const QDate today(2026, 11, 23);
    const auto days = [&](std::initializer_list<int> ago) {
        QList<QDate> list;
        for (const int n : ago) {
            list << today.addDays(-n);
        }
        return list;
    };
    EXPECT_EQ(Insights::streakOf(days({0, 1, 2, 3}), today).activeDays, 4);
    EXPECT_EQ(Insights::streakOf(days({0, 2, 3, 5, 6}), today).activeDays, 5) << "single days off are rest days";
    EXPECT_EQ(Insights::streakOf(days({0, 1, 4, 5}), today).activeDays, 2) << "two days off end it";
    const Streak restToday = Insights::streakOf(days({1, 2}), today);
    EXPECT_TRUE(restToday.alive) << "today can be the rest day";
    EXPECT_EQ(restToday.activeDays, 2);
    EXPECT_EQ(restToday.since, today.addDays(-2));
    EXPECT_FALSE(Insights::streakOf(days({2, 3}), today).alive);
    EXPECT_EQ(Insights::streakOf(days({2, 3, 10, 11, 12, 14, 15}), today).bestActiveDays, 5);
    EXPECT_EQ(Insights::streakOf({}, today).activeDays, 0);
}

TEST_F(RoadmapProgress, AchievementsAreEarnedFromWhatHappenedWithTheirDates)
{
    Insights insights(*db);
    auto none = insights.achievements();
    ASSERT_TRUE(none.has_value());
    ASSERT_EQ(none->size(), 1) << "only the started roadmap";
    EXPECT_EQ(none->at(0).key, QStringLiteral("first-roadmap"));

    const QDateTime base = QDateTime::currentDateTime().addSecs(60);
    for (int i = 0; i < 10; ++i) {
        ASSERT_TRUE(repository->recordEvent({AppEvent::Kind::Practice, base.addDays(i), 30.0, {}}).has_value());
    }
    ASSERT_TRUE(repository->recordEvent({AppEvent::Kind::Show, base.addDays(3), 150.0, QStringLiteral("show-1")}).has_value());
    auto state = repository->roadmap(*id);
    ASSERT_TRUE(repository->setStatus(findTask(*state, QStringLiteral("read"))->id, TaskStatus::Completed).has_value());

    auto earned = insights.achievements();
    ASSERT_TRUE(earned.has_value());
    QMap<QString, QDateTime> byKey;
    for (const auto& achievement : *earned) {
        byKey.insert(achievement.key.startsWith(QLatin1String("stage:")) ? QStringLiteral("stage") : achievement.key, achievement.earnedAt);
    }
    EXPECT_TRUE(byKey.contains(QStringLiteral("first-task")));
    EXPECT_EQ(byKey.value(QStringLiteral("first-show")).toMSecsSinceEpoch(), base.addDays(3).toMSecsSinceEpoch());
    EXPECT_EQ(byKey.value(QStringLiteral("ten-practice-sessions")).toMSecsSinceEpoch(), base.addDays(9).toMSecsSinceEpoch());
    EXPECT_TRUE(byKey.contains(QStringLiteral("stage"))) << "stage two has only the INFO task, now read";
    EXPECT_FALSE(byKey.contains(QStringLiteral("ten-shows")));

    auto activity = insights.activity(base.date(), base.date().addDays(9));
    ASSERT_TRUE(activity.has_value());
    EXPECT_EQ(activity->size(), 10) << "a practice day each";
    EXPECT_EQ(activity->value(base.date().addDays(3)), 2) << "the practice and the show, each counted once";
    EXPECT_EQ(activity->value(base.date().addDays(1)), 1)
        << "the second practice completed 'practise' by itself; that completion is the practice, not a second activity";
}

TEST_F(RoadmapProgress, NewerShippedTemplatesReachRunningRoadmaps)
{
    QJsonObject v2 = smallRoadmap();
    v2[QStringLiteral("version")] = 2;
    v2[QStringLiteral("title")] = QStringLiteral("Test road, revised");
    EXPECT_EQ(*repository->upgradeFrom({parsed(smallRoadmap())}), 0) << "same version: nothing to do";
    EXPECT_EQ(*repository->upgradeFrom({parsed(v2)}), 1);
    EXPECT_EQ(repository->roadmap(*id)->title, QStringLiteral("Test road, revised"));
    EXPECT_EQ(*repository->upgradeFrom({parsed(v2)}), 0) << "already there";
}

TEST(RoadmapTemplate, ChecklistItemsHaveStableIds)
{
    // Every shipped item names its id: ids made from English texts would differ in a translation.
    for (const QString& file : QDir(QStringLiteral(":/roadmaps")).entryList({QStringLiteral("*.json")})) {
        QFile json(QStringLiteral(":/roadmaps/") + file);
        ASSERT_TRUE(json.open(QIODevice::ReadOnly));
        for (const auto& stage : QJsonDocument::fromJson(json.readAll()).object().value(QStringLiteral("stages")).toArray()) {
            for (const auto& task : stage.toObject().value(QStringLiteral("tasks")).toArray()) {
                for (const auto& item : task.toObject().value(QStringLiteral("items")).toArray()) {
                    EXPECT_FALSE(item.toObject().value(QStringLiteral("id")).toString().isEmpty()) << file.toStdString();
                }
            }
        }
    }

    // Plain texts get ids from their words; a written id is kept; the document round-trips.
    EXPECT_EQ(checklistItemId(QStringLiteral("Cáscara 2-3 with the hembra on 4")), QStringLiteral("cascara-2-3-with-the-hembra-on-4"));
    EXPECT_EQ(checklistItemId(QStringLiteral("¿?")), QStringLiteral("item"));
    EXPECT_EQ(checklistItemId(QStringLiteral("Slap"), {QStringLiteral("slap")}), QStringLiteral("slap-2"));
    EXPECT_LE(checklistItemId(QString(300, QLatin1Char('x'))).size(), 48);
    QJsonObject document = smallRoadmap();
    editTask(document, 0, 0, [](QJsonObject& task) {
        task[QStringLiteral("items")] = QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("first")}, {QStringLiteral("text"), QStringLiteral("A")}},
                                                  QStringLiteral("first"), QStringLiteral("B")};
    });
    const RoadmapTemplate roadmap = parsed(document);
    EXPECT_EQ(roadmap.stages[0].tasks[0].itemIds, (QStringList{QStringLiteral("first"), QStringLiteral("first-2"), QStringLiteral("b")}))
        << "a text's id never takes one the document wrote";
    EXPECT_TRUE(*parseRoadmapJson(writeRoadmapJson(roadmap), QStringLiteral("again")) == roadmap);

    const auto bad = [&](const QJsonValue& items) {
        return errorOf(QJsonDocument(with(smallRoadmap(), [&](QJsonObject& o) {
                           editTask(o, 0, 0, [&](QJsonObject& task) { task[QStringLiteral("items")] = items; });
                       })).toJson());
    };
    const QJsonObject one{{QStringLiteral("id"), QStringLiteral("same")}, {QStringLiteral("text"), QStringLiteral("One")}};
    const QJsonObject two{{QStringLiteral("id"), QStringLiteral("same")}, {QStringLiteral("text"), QStringLiteral("Two")}};
    EXPECT_EQ(bad(QJsonArray{one, two}), "stages[0].tasks[0].items[1].id: another item of this checklist has the id \"same\"");
    EXPECT_EQ(bad(QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("Bad Id")}, {QStringLiteral("text"), QStringLiteral("x")}}})
                  .find("stages[0].tasks[0].items[0].id: must be lower-case"),
              0u);
    EXPECT_EQ(bad(QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}, {QStringLiteral("text"), QStringLiteral("x")},
                                         {QStringLiteral("done"), true}}}),
              "stages[0].tasks[0].items[0].done: unknown field");

    // An edit keeps ids: unchanged texts wherever they move, rewritten texts in place.
    const QStringList oldItems{QStringLiteral("Alpha"), QStringLiteral("Beta"), QStringLiteral("Gamma")};
    const QStringList oldIds{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("g")};
    EXPECT_EQ(reassignItemIds({QStringLiteral("Gamma"), QStringLiteral("Alpha"), QStringLiteral("Beta")}, oldItems, oldIds),
              (QStringList{QStringLiteral("g"), QStringLiteral("a"), QStringLiteral("b")}));
    EXPECT_EQ(reassignItemIds({QStringLiteral("Alpha"), QStringLiteral("Beta, reworded"), QStringLiteral("Gamma")}, oldItems, oldIds),
              (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("g")}));
    EXPECT_EQ(reassignItemIds({QStringLiteral("Alpha"), QStringLiteral("Delta")}, oldItems, oldIds),
              (QStringList{QStringLiteral("a"), QStringLiteral("delta")}))
        << "an item came or went: a new text is a new item";
}

TEST(RoadmapTemplate, AVersionBeyond32BitsIsRefused)
{
    EXPECT_EQ(errorOf(QJsonDocument(with(smallRoadmap(), [](QJsonObject& o) { o[QStringLiteral("version")] = 4294967296.0; })).toJson()),
              "version: must be a whole number from 1 to 2147483647");
    EXPECT_EQ(parsed(with(smallRoadmap(), [](QJsonObject& o) { o[QStringLiteral("version")] = 2147483647.0; })).version, 2147483647);
}

namespace {

/// The small roadmap with its checklist's items written as {"id", "text"} pairs.
QJsonObject withItems(int version, const QList<std::pair<QString, QString>>& items)
{
    QJsonObject document = smallRoadmap();
    document[QStringLiteral("version")] = version;
    editTask(document, 0, 0, [&](QJsonObject& task) {
        QJsonArray list;
        for (const auto& [itemId, text] : items) {
            list.append(QJsonObject{{QStringLiteral("id"), itemId}, {QStringLiteral("text"), text}});
        }
        task[QStringLiteral("items")] = list;
    });
    return document;
}

QString checklistOf(Database& db, const QString& taskId)
{
    return sql::scalar(db.connection(), QStringLiteral("SELECT checklist FROM task_progress WHERE id = ?"), {taskId})->toString();
}

}  // namespace

TEST_F(RoadmapProgress, TicksFollowTheirItemWhenAnUpgradeOrATranslationRewritesItsText)
{
    ASSERT_TRUE(repository->upgrade(*id, parsed(withItems(2, {{QStringLiteral("a"), QStringLiteral("a")}, {QStringLiteral("b"), QStringLiteral("b")}})))
                    .has_value());
    const QString tick = findTask(*repository->roadmap(*id), QStringLiteral("tick"))->id;
    ASSERT_TRUE(repository->setItem(tick, QStringLiteral("a"), true).has_value()) << "by id";
    ASSERT_TRUE(repository->setItem(tick, QStringLiteral("b"), true).has_value());
    const auto doneState = repository->roadmap(*id);
    const auto* done = findTask(*doneState, QStringLiteral("tick"));
    ASSERT_EQ(done->status, TaskStatus::Completed);
    const QDateTime completedAt = done->completedAt;
    EXPECT_EQ(checklistOf(*db, tick), QStringLiteral(R"({"a":true,"b":true})"));

    // Version 3 rewrites both texts (as a translation would) and adds an item.
    ASSERT_TRUE(repository
                    ->upgrade(*id, parsed(withItems(3, {{QStringLiteral("a"), QStringLiteral("Alpha, reworded")},
                                                        {QStringLiteral("b"), QStringLiteral("Beta, translated")},
                                                        {QStringLiteral("c"), QStringLiteral("Gamma")}})))
                    .has_value());
    const auto upgradedState = repository->roadmap(*id);
    const auto* upgraded = findTask(*upgradedState, QStringLiteral("tick"));
    EXPECT_TRUE(upgraded->ticked.value(QStringLiteral("Alpha, reworded")));
    EXPECT_TRUE(upgraded->ticked.value(QStringLiteral("Beta, translated")));
    EXPECT_FALSE(upgraded->ticked.value(QStringLiteral("Gamma")));
    EXPECT_EQ(upgraded->status, TaskStatus::Completed) << "a completed task stays completed";
    EXPECT_EQ(upgraded->completedAt, completedAt);

    // Ticking by text works too, and a task completed again keeps its first completion time.
    ASSERT_TRUE(repository->setItem(tick, QStringLiteral("Gamma"), true).has_value());
    ASSERT_TRUE(repository->setStatus(tick, TaskStatus::Completed).has_value());
    EXPECT_EQ(findTask(*repository->roadmap(*id), QStringLiteral("tick"))->completedAt, completedAt);
    ASSERT_TRUE(repository->setStatus(tick, TaskStatus::InProgress).has_value());
    EXPECT_FALSE(findTask(*repository->roadmap(*id), QStringLiteral("tick"))->completedAt.isValid());
}

TEST_F(RoadmapProgress, TicksStoredByTextBeforeItemIdsAreKept)
{
    // What an older version left: no item ids, ticks keyed by the (Spanish) text.
    const QString tick = findTask(*repository->roadmap(*id), QStringLiteral("tick"))->id;
    ASSERT_TRUE(sql::run(db->connection(), QStringLiteral("UPDATE roadmap_task SET items = ?, item_ids = '[]' WHERE id = ?"),
                         {QStringLiteral(R"(["Uno","Dos"])"), tick}).has_value());
    ASSERT_TRUE(sql::run(db->connection(), QStringLiteral("UPDATE task_progress SET checklist = ?, status = 'in_progress' WHERE id = ?"),
                         {QStringLiteral(R"({"Dos":true})"), tick}).has_value());
    const auto legacyState = repository->roadmap(*id);
    const auto* legacy = findTask(*legacyState, QStringLiteral("tick"));
    EXPECT_FALSE(legacy->ticked.value(QStringLiteral("Uno")));
    EXPECT_TRUE(legacy->ticked.value(QStringLiteral("Dos")));

    // The upgrade to a version with ids, in English: the tick stays on the second item.
    ASSERT_TRUE(repository->upgrade(*id, parsed(withItems(2, {{QStringLiteral("one"), QStringLiteral("One")}, {QStringLiteral("two"), QStringLiteral("Two")}})))
                    .has_value());
    const auto upgradedState = repository->roadmap(*id);
    const auto* upgraded = findTask(*upgradedState, QStringLiteral("tick"));
    EXPECT_FALSE(upgraded->ticked.value(QStringLiteral("One")));
    EXPECT_TRUE(upgraded->ticked.value(QStringLiteral("Two")));
    EXPECT_EQ(upgraded->itemIds, (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
    EXPECT_EQ(checklistOf(*db, tick), QStringLiteral(R"({"Two":true,"two":true})")) << "by id, and by text for older versions";
}

TEST_F(RoadmapProgress, TwoComputersUpgradingTheSameRoadmapAddTheSameRows)
{
    // The second computer has the same roadmap (as sync left it): a copy of the file.
    db.reset();
    ASSERT_TRUE(QFile::copy(dir.file(QStringLiteral("r.sqlite")), dir.file(QStringLiteral("other.sqlite"))));
    db = std::move(*Database::open(dir.file(QStringLiteral("r.sqlite"))));
    repository = std::make_unique<ProgressRepository>(*db);
    auto otherDb = Database::open(dir.file(QStringLiteral("other.sqlite")));
    ASSERT_TRUE(otherDb.has_value());
    ProgressRepository other(**otherDb);

    QJsonObject v2 = smallRoadmap();
    v2[QStringLiteral("version")] = 2;
    QJsonArray stages = v2[QStringLiteral("stages")].toArray();
    stages.append(QJsonObject{{QStringLiteral("slug"), QStringLiteral("three")},
                              {QStringLiteral("title"), QStringLiteral("Three")},
                              {QStringLiteral("tasks"), QJsonArray{QJsonObject{{QStringLiteral("slug"), QStringLiteral("added")},
                                                                              {QStringLiteral("title"), QStringLiteral("Added")},
                                                                              {QStringLiteral("type"), QStringLiteral("INFO")},
                                                                              {QStringLiteral("description"), QStringLiteral("d")}}}}});
    v2[QStringLiteral("stages")] = stages;
    ASSERT_TRUE(repository->upgrade(*id, parsed(v2)).has_value());
    ASSERT_TRUE(other.upgrade(*id, parsed(v2)).has_value());
    const auto hereState = repository->roadmap(*id);
    const auto thereState = other.roadmap(*id);
    const auto* here = findTask(*hereState, QStringLiteral("added"));
    const auto* there = findTask(*thereState, QStringLiteral("added"));
    ASSERT_NE(here, nullptr);
    ASSERT_NE(there, nullptr);
    EXPECT_EQ(here->id, there->id) << "in sync they are one task, not two";
    EXPECT_EQ(hereState->stages.last().id, thereState->stages.last().id);
    // The new task's progress row carries no status that could undo the other computer's.
    auto stamped = sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM field_clock WHERE entity = 'task_progress' "
                                                                "AND id = ? AND field = 'status'"),
                               {here->id});
    ASSERT_TRUE(stamped.has_value());
    EXPECT_EQ(stamped->toInt(), 0);
}

TEST_F(RoadmapProgress, ASlugFoundTwiceKeepsOneTaskWithTheProgressOfBoth)
{
    // An older version's upgrade on two computers left two "tick" tasks. Every computer keeps
    // the same one (the smallest id), whatever progress it has seen, and nothing done is lost.
    const QString original = findTask(*repository->roadmap(*id), QStringLiteral("tick"))->id;
    ASSERT_TRUE(repository->setItem(original, QStringLiteral("a"), true).has_value());
    ASSERT_TRUE(repository->setNotes(original, QStringLiteral("asked Ana")).has_value());
    ChangeTracker tracker(*db);
    auto row = sql::run(db->connection(), QStringLiteral("SELECT stage_id FROM roadmap_task WHERE id = ?"), {original});
    ASSERT_TRUE(row && row->next());
    const QString twin = QStringLiteral("ffff-twin");  // sorts after the original's id
    ASSERT_TRUE(tracker.write(QStringLiteral("roadmap_task"), twin,
                              {{QStringLiteral("roadmap_id"), *id}, {QStringLiteral("stage_id"), row->value(0).toString()},
                               {QStringLiteral("slug"), QStringLiteral("tick")}, {QStringLiteral("position"), 0},
                               {QStringLiteral("title"), QStringLiteral("Tick")}, {QStringLiteral("type"), QStringLiteral("CHECKLIST")},
                               {QStringLiteral("items"), QStringLiteral(R"(["a","b"])")}})
                    .has_value());
    ASSERT_TRUE(tracker.write(QStringLiteral("task_progress"), twin, {{QStringLiteral("status"), QStringLiteral("not_started")}}).has_value());
    ASSERT_TRUE(repository->setItem(twin, QStringLiteral("b"), true).has_value());
    ASSERT_TRUE(repository->setNotes(twin, QStringLiteral("booked the van")).has_value());

    QJsonObject v2 = smallRoadmap();
    v2[QStringLiteral("version")] = 2;
    ASSERT_TRUE(repository->upgrade(*id, parsed(v2)).has_value());
    auto state = repository->roadmap(*id);
    int ticks = 0;
    for (const auto& task : state->stages[0].tasks) {
        ticks += task.slug == QLatin1String("tick") ? 1 : 0;
    }
    EXPECT_EQ(ticks, 1);
    const TaskState* kept = findTask(*state, QStringLiteral("tick"));
    EXPECT_EQ(kept->id, std::min(original, twin));
    EXPECT_TRUE(kept->ticked.value(QStringLiteral("a")));
    EXPECT_TRUE(kept->ticked.value(QStringLiteral("b")));
    EXPECT_EQ(kept->status, TaskStatus::InProgress) << "the furthest status of the two; ticks alone do not complete it";
    EXPECT_TRUE(kept->notes.contains(QStringLiteral("asked Ana")));
    EXPECT_TRUE(kept->notes.contains(QStringLiteral("booked the van")));
}

TEST_F(RoadmapProgress, AnUpgradeRewritesNoTickAndReopensNoTaskWithoutCause)
{
    // Ticks written before the upgrade must not get a newer stamp from it: in sync that stamp
    // would beat a tick made meanwhile on another computer.
    const QString tick = findTask(*repository->roadmap(*id), QStringLiteral("tick"))->id;
    ASSERT_TRUE(repository->setItem(tick, QStringLiteral("a"), true).has_value());
    const auto stamp = [&] {
        return sql::scalar(db->connection(), QStringLiteral("SELECT hlc FROM field_clock WHERE entity = 'task_progress' AND id = ? "
                                                            "AND field = 'checklist'"),
                           {tick})
            ->toLongLong();
    };
    const qint64 before = stamp();
    // A task the musician reopened on purpose stays open though its metric is reached.
    ASSERT_TRUE(repository->addStat(QStringLiteral("practice_minutes"), 90, QDateTime::currentDateTime()).has_value());
    const QString practise = findTask(*repository->roadmap(*id), QStringLiteral("practise"))->id;
    ASSERT_EQ(findTask(*repository->roadmap(*id), QStringLiteral("practise"))->status, TaskStatus::Completed);
    ASSERT_TRUE(repository->setStatus(practise, TaskStatus::InProgress).has_value());

    QJsonObject v2 = smallRoadmap();
    v2[QStringLiteral("version")] = 2;
    v2[QStringLiteral("title")] = QStringLiteral("Test road, revised");
    ASSERT_TRUE(repository->upgrade(*id, parsed(v2)).has_value());
    EXPECT_EQ(stamp(), before);
    EXPECT_EQ(findTask(*repository->roadmap(*id), QStringLiteral("practise"))->status, TaskStatus::InProgress);
}

TEST_F(RoadmapProgress, AnOlderVersionsUntickByTextIsRead)
{
    // Ticks are kept by id and by text; an older version unticks with "text": false and leaves
    // the id alone. The text decides.
    ASSERT_TRUE(repository->upgrade(*id, parsed(withItems(2, {{QStringLiteral("one"), QStringLiteral("Alpha")}, {QStringLiteral("two"), QStringLiteral("Beta")}})))
                    .has_value());
    const QString tick = findTask(*repository->roadmap(*id), QStringLiteral("tick"))->id;
    ASSERT_TRUE(repository->setItem(tick, QStringLiteral("one"), true).has_value());
    EXPECT_EQ(checklistOf(*db, tick), QStringLiteral(R"({"Alpha":true,"one":true})")) << "what older versions read, too";
    ASSERT_TRUE(sql::run(db->connection(), QStringLiteral("UPDATE task_progress SET checklist = ? WHERE id = ?"),
                         {QStringLiteral(R"({"Alpha":false,"one":true})"), tick}).has_value());
    EXPECT_FALSE(findTask(*repository->roadmap(*id), QStringLiteral("tick"))->ticked.value(QStringLiteral("Alpha")));
}

TEST(RoadmapProgressCustom, ACustomRoadmapsNewTaskNeverBringsBackADeletedOnesProgress)
{
    TempDir dir;
    auto db = Database::open(dir.file(QStringLiteral("r.sqlite")));
    ASSERT_TRUE(db.has_value());
    ProgressRepository repository(**db);
    auto started = repository.start(parsed(smallRoadmap()), true);
    ASSERT_TRUE(started.has_value());
    // The editor names every new task "new-task" (the first free slug).
    const auto withNewTask = [&](bool present) {
        QJsonObject road = smallRoadmap();
        if (present) {
            QJsonArray stages = road[QStringLiteral("stages")].toArray();
            QJsonObject two = stages[1].toObject();
            QJsonArray tasks = two[QStringLiteral("tasks")].toArray();
            tasks.append(QJsonObject{{QStringLiteral("slug"), QStringLiteral("new-task")},
                                     {QStringLiteral("title"), QStringLiteral("New task")},
                                     {QStringLiteral("type"), QStringLiteral("INFO")},
                                     {QStringLiteral("description"), QStringLiteral("d")}});
            two[QStringLiteral("tasks")] = tasks;
            stages[1] = two;
            road[QStringLiteral("stages")] = stages;
        }
        return parsed(road);
    };
    ASSERT_TRUE(repository.upgrade(*started, withNewTask(true)).has_value());
    const QString first = findTask(*repository.roadmap(*started), QStringLiteral("new-task"))->id;
    ASSERT_TRUE(repository.setStatus(first, TaskStatus::Completed).has_value());
    ASSERT_TRUE(repository.setNotes(first, QStringLiteral("done long ago")).has_value());
    ASSERT_TRUE(repository.upgrade(*started, withNewTask(false)).has_value());
    ASSERT_TRUE(repository.upgrade(*started, withNewTask(true)).has_value());
    const auto state = repository.roadmap(*started);
    const TaskState* again = findTask(*state, QStringLiteral("new-task"));
    ASSERT_NE(again, nullptr);
    EXPECT_NE(again->id, first);
    EXPECT_EQ(again->status, TaskStatus::NotStarted);
    EXPECT_TRUE(again->notes.isEmpty());
}

TEST_F(RoadmapProgress, WhatWasLoggedCompletesTasksAnUpgradeAddsOrMakesEasier)
{
    ASSERT_TRUE(repository->addStat(QStringLiteral("practice_minutes"), 45, QDateTime::currentDateTime()).has_value());
    ASSERT_TRUE(repository->addStat(QStringLiteral("gigs"), 3, QDateTime::currentDateTime()).has_value());
    EXPECT_EQ(findTask(*repository->roadmap(*id), QStringLiteral("practise"))->status, TaskStatus::NotStarted);

    QJsonObject v2 = smallRoadmap();
    v2[QStringLiteral("version")] = 2;
    editTask(v2, 0, 1, [](QJsonObject& task) {
        QJsonObject metric = task[QStringLiteral("metric")].toObject();
        metric[QStringLiteral("target")] = 30;  // lowered from 60
        task[QStringLiteral("metric")] = metric;
    });
    QJsonArray stages = v2[QStringLiteral("stages")].toArray();
    QJsonObject two = stages[1].toObject();
    QJsonArray tasks = two[QStringLiteral("tasks")].toArray();
    tasks.append(QJsonObject{{QStringLiteral("slug"), QStringLiteral("gigs")},
                             {QStringLiteral("title"), QStringLiteral("Play 3 gigs")},
                             {QStringLiteral("type"), QStringLiteral("DATA_INPUT")},
                             {QStringLiteral("description"), QStringLiteral("d")},
                             {QStringLiteral("metric"), QJsonObject{{QStringLiteral("key"), QStringLiteral("gigs")},
                                                                    {QStringLiteral("unit"), QStringLiteral("gigs")},
                                                                    {QStringLiteral("target"), 3}}}});
    two[QStringLiteral("tasks")] = tasks;
    stages[1] = two;
    v2[QStringLiteral("stages")] = stages;
    ASSERT_TRUE(repository->upgrade(*id, parsed(v2)).has_value());
    auto state = repository->roadmap(*id);
    EXPECT_EQ(findTask(*state, QStringLiteral("practise"))->status, TaskStatus::Completed) << "45 minutes reach the lowered 30";
    EXPECT_EQ(findTask(*state, QStringLiteral("gigs"))->status, TaskStatus::Completed) << "three gigs were logged already";
}

TEST(RoadmapProgressStart, WhatWasLoggedEarlierOnTheStartDayCounts)
{
    TempDir dir;
    auto db = Database::open(dir.file(QStringLiteral("r.sqlite")));
    ASSERT_TRUE(db.has_value());
    ProgressRepository repository(**db);
    const QDateTime startedAt(QDate(2026, 12, 5), QTime(18, 0));
    ASSERT_TRUE(repository.addStat(QStringLiteral("practice_minutes"), 40, startedAt.addSecs(-9 * 3600)).has_value()) << "that morning";
    ASSERT_TRUE(repository.addStat(QStringLiteral("practice_minutes"), 500, startedAt.addDays(-1)).has_value()) << "the day before";
    auto started = repository.start(parsed(smallRoadmap()), false, startedAt);
    ASSERT_TRUE(started.has_value());
    EXPECT_EQ(findTask(*repository.roadmap(*started), QStringLiteral("practise"))->metricValue, 40.0);
    ASSERT_TRUE(repository.addStat(QStringLiteral("practice_minutes"), 20, startedAt.addSecs(-3600)).has_value());
    EXPECT_EQ(findTask(*repository.roadmap(*started), QStringLiteral("practise"))->status, TaskStatus::Completed)
        << "an entry an hour before the start, on the same day, counts";
}
