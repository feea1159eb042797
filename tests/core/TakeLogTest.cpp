// Kept timing-coach takes: stored, read back, and counted by the roadmap.
#include "core/coach/TakeLog.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/roadmap/RoadmapTemplate.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "tests/support/TestDatabase.h"

#include <gtest/gtest.h>

using namespace bandmate;
using core::coach::KeptTake;

namespace {

KeptTake claveTake(double bpm, double accuracy)
{
    KeptTake take;
    take.machineTitle = QStringLiteral("Salsa");
    take.machineRef = QStringLiteral("builtin:salsa");
    take.part = QStringLiteral("clave");
    take.bpm = bpm;
    take.clave = QStringLiteral("2-3");
    take.accuracy = accuracy;
    take.meanOffsetMs = -4.5;
    take.matched = 9;
    take.missed = 1;
    take.offsetsMs = {3.0, -12.5, std::nullopt, 0.0, 7.25, -1.0, 2.0, 4.0, -30.0, 11.0};
    take.source = QStringLiteral("take.wav");
    return take;
}

/// A clave take at `bpm` of twenty hits, `inTime` of them within ±30 ms (the rest 45 ms late).
KeptTake takeAt(double bpm, int inTime)
{
    KeptTake take = claveTake(bpm, inTime / 20.0);
    take.offsetsMs.assign(20, 45.0);
    for (int i = 0; i < inTime; ++i) {
        take.offsetsMs[static_cast<size_t>(i)] = (i % 2 == 0 ? 1.0 : -1.0) * (i % 29);
    }
    return take;
}

const core::roadmap::TaskState* task(const core::roadmap::RoadmapState& state, const QString& slug)
{
    for (const auto& stage : state.stages) {
        for (const auto& candidate : stage.tasks) {
            if (candidate.slug == slug) {
                return &candidate;
            }
        }
    }
    return nullptr;
}

}  // namespace

TEST(TakeLog, AKeptTakeComesBackWithEachHitsOffset)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    core::coach::TakeLog log(*db);
    auto id = log.record(claveTake(100.0, 0.8));
    ASSERT_TRUE(id.has_value()) << id.error().toString();
    auto takes = log.since(QDateTime::fromMSecsSinceEpoch(0));
    ASSERT_TRUE(takes.has_value());
    ASSERT_EQ(takes->size(), 1);
    const KeptTake& back = takes->first();
    EXPECT_EQ(back.id, *id);
    EXPECT_EQ(back.part, QStringLiteral("clave"));
    EXPECT_EQ(back.bpm, 100.0);
    EXPECT_EQ(back.accuracy, 0.8);
    EXPECT_EQ(back.missed, 1);
    ASSERT_EQ(back.offsetsMs.size(), 10U);
    EXPECT_FALSE(back.offsetsMs[2].has_value()) << "a missed hit stays missed";
    EXPECT_DOUBLE_EQ(*back.offsetsMs[1], -12.5);
    EXPECT_DOUBLE_EQ(*back.offsetsMs[4], 7.3) << "kept to a tenth of a millisecond";
    EXPECT_TRUE(log.since(QDateTime::fromMSecsSinceEpoch(0), QStringLiteral("congas"))->isEmpty());

    // Bad takes are refused and nothing is written.
    KeptTake nameless = claveTake(100.0, 1.0);
    nameless.part.clear();
    EXPECT_EQ(log.record(nameless).error().code, core::ErrorCode::InvalidArgument);
    EXPECT_EQ(log.record(claveTake(400.0, 1.0)).error().code, core::ErrorCode::InvalidArgument);
    KeptTake endless = claveTake(100.0, 1.0);
    endless.offsetsMs.assign(core::coach::kMaxKeptHits + 1, 0.0);
    EXPECT_EQ(log.record(endless).error().code, core::ErrorCode::InvalidArgument);
    EXPECT_EQ(log.since(QDateTime::fromMSecsSinceEpoch(0))->size(), 1);
    EXPECT_EQ(core::sql::run(db->connection(), QStringLiteral("SELECT COUNT(*) FROM stat_entry WHERE source = 'coach'"))->next(), true);
}

TEST(TakeLog, ARoadmapTaskCompletesFromACleanTakeAtItsTempoAndNotFromOneBelowTheBar)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    const QString metric = core::coach::cleanBpmMetric(QStringLiteral("clave"));
    EXPECT_EQ(metric, QStringLiteral("clave_clean_bpm"));
    EXPECT_EQ(core::coach::cleanBpmMetric(QStringLiteral("Bongó 2")), QStringLiteral("bong__2_clean_bpm"));
    auto roadmap = core::roadmap::parseRoadmapJson(R"({
      "schema": 1, "slug": "clave-road", "version": 1, "title": "Clave",
      "stages": [{"slug": "one", "title": "One", "tasks": [
        {"slug": "clave-100", "title": "Clave 2-3 at 100 BPM in time", "type": "DATA_INPUT", "description": "d",
         "metric": {"key": "clave_clean_bpm", "unit": "BPM", "target": 100, "aggregate": "latest"}}]}]})",
                                                   QStringLiteral("test.json"));
    ASSERT_TRUE(roadmap.has_value()) << roadmap.error().toString();
    core::roadmap::ProgressRepository progress(*db);
    auto roadmapId = progress.start(*roadmap, true, QDateTime::currentDateTime().addDays(-1));
    ASSERT_TRUE(roadmapId.has_value());
    core::coach::TakeLog log(*db);
    const auto status = [&] { return task(*progress.roadmap(*roadmapId), QStringLiteral("clave-100"))->status; };

    // Fast but not clean (85 % within ±30 ms); clean but too slow: neither completes it.
    ASSERT_TRUE(log.record(takeAt(110.0, 17)).has_value());
    ASSERT_TRUE(log.record(takeAt(90.0, 19)).has_value());
    EXPECT_EQ(status(), core::roadmap::TaskStatus::NotStarted);
    EXPECT_EQ(progress.series(QStringLiteral("timing_takes"))->size(), 2);
    EXPECT_EQ(progress.series(metric)->size(), 1) << "only the clean take";

    // Clean at 100 BPM: done, and the take is the evidence.
    auto qualifying = log.record(takeAt(100.0, 18));
    ASSERT_TRUE(qualifying.has_value());
    EXPECT_EQ(status(), core::roadmap::TaskStatus::Completed);
    const auto state = progress.roadmap(*roadmapId).value();  // (a temporary's task would dangle)
    const auto* done = task(state, QStringLiteral("clave-100"));
    ASSERT_FALSE(done->evidence.isEmpty());
    auto ref = core::sql::run(db->connection(), QStringLiteral("SELECT ref FROM stat_entry WHERE id = ?"), {done->evidence.last()});
    ASSERT_TRUE(ref && ref->next());
    EXPECT_EQ(ref->value(0).toString(), *qualifying);
}
