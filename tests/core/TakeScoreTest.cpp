#include "core/beats/BuiltinMachines.h"
#include "core/beats/NoteStream.h"
#include "core/coach/TakeScore.h"
#include "core/coach/Trainer.h"

#include <QJsonArray>

#include <gtest/gtest.h>

#include <set>

using namespace bandmate;
using core::coach::ExpectedHit;

TEST(TakeScore, TheGridIsThePartTheEnginePlaysInEitherClaveDirection)
{
    auto machine = core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    ASSERT_TRUE(machine.has_value());
    machine->clave32 = false;
    const auto stream23 = core::beats::compileMachine(*machine);
    auto grid23 = core::coach::partGrid(stream23, "clave", 100.0);
    ASSERT_TRUE(grid23.has_value()) << grid23.error().toString();
    EXPECT_EQ(grid23->stepsPerBeat, 2);
    EXPECT_DOUBLE_EQ(grid23->stepMs, 300.0);
    std::set<int> compiled;
    for (const auto& instrument : stream23.instruments) {
        if (instrument.id == "clave") {
            for (const auto& event : instrument.events) {
                compiled.insert(event.step);
            }
        }
    }
    EXPECT_EQ(std::set<int>(grid23->loopSteps.begin(), grid23->loopSteps.end()), compiled);
    EXPECT_EQ(grid23->loopSteps.size(), 5U) << "the clave's five strokes";

    machine->clave32 = true;
    auto grid32 = core::coach::partGrid(core::beats::compileMachine(*machine), "clave", 100.0);
    ASSERT_TRUE(grid32.has_value());
    std::set<int> shifted;
    for (const int step : grid23->loopSteps) {
        shifted.insert((step + grid23->loopLength / 2) % grid23->loopLength);
    }
    EXPECT_EQ(std::set<int>(grid32->loopSteps.begin(), grid32->loopSteps.end()), shifted) << "3-2 is 2-3 a bar later";

    EXPECT_EQ(core::coach::partGrid(stream23, "cuatro").error().code, core::ErrorCode::NotFound);
}

TEST(TakeScore, ExpectedHitsRepeatTheLoopAndSwingDelaysTheOffbeats)
{
    core::coach::PartGrid grid;
    grid.stepMs = 250.0;
    grid.loopLength = 4;
    grid.loopSteps = {0, 1, 3};
    grid.swing = 0.6;
    const auto hits = core::coach::expectedHits(grid, 2000.0);
    ASSERT_EQ(hits.size(), 6U);  // two loops of a second each
    EXPECT_EQ(hits[3].step, 4);
    EXPECT_DOUBLE_EQ(hits[3].ms, 1000.0);
    EXPECT_DOUBLE_EQ(hits[1].ms, 250.0 + 0.6 * 250.0 / 3.0) << "an odd step, later by the swing";
    EXPECT_DOUBLE_EQ(hits[5].ms, 7 * 250.0 + 50.0);
}

TEST(TakeScore, EachPlayedHitGoesToTheNearestFreeExpectedHitOrIsAnExtra)
{
    const std::vector<ExpectedHit> expected{{0, 0.0}, {2, 500.0}, {4, 1000.0}, {6, 1500.0}};
    // Early, late, two near the third (the nearer wins), one far off, one outside its reach.
    const std::vector<double> played{1465.0, 5.0, 490.0, 1030.0, 1020.0, 760.0};
    const auto score = core::coach::scoreTake(expected, played, {100.0, 30.0});
    EXPECT_EQ(score.matched, 4);
    EXPECT_EQ(score.missed, 0);
    EXPECT_EQ(score.extra, 2);
    ASSERT_EQ(score.hits.size(), 4U);
    EXPECT_DOUBLE_EQ(*score.hits[0].offsetMs, 5.0);
    EXPECT_DOUBLE_EQ(*score.hits[1].offsetMs, -10.0);
    EXPECT_DOUBLE_EQ(*score.hits[2].offsetMs, 20.0) << "the nearer of two";
    EXPECT_DOUBLE_EQ(*score.hits[3].offsetMs, -35.0);
    EXPECT_EQ(score.extrasMs, (std::vector<double>{760.0, 1030.0}));
    EXPECT_DOUBLE_EQ(score.accuracy, 0.75) << "three of four within ±30 ms";
    EXPECT_DOUBLE_EQ(score.meanOffsetMs, -5.0);
    EXPECT_NEAR(score.spreadMs, std::sqrt((100.0 + 25.0 + 625.0 + 900.0) / 4.0), 1e-9);

    // Nothing played: every hit missed, no accuracy, and the JSON says so.
    const auto silent = core::coach::scoreTake(expected, {});
    EXPECT_EQ(silent.missed, 4);
    EXPECT_EQ(silent.accuracy, 0.0);
    const QJsonObject json = core::coach::toJson(silent);
    for (const char* key : {"accuracy", "mean_offset_ms", "matched", "missed", "extra", "hits"}) {
        EXPECT_TRUE(json.contains(QLatin1String(key))) << key;
    }
    EXPECT_TRUE(json.value(QStringLiteral("hits")).toArray().at(0).toObject().value(QStringLiteral("offset_ms")).isNull());
    EXPECT_EQ(json.value(QStringLiteral("hits")).toArray().at(3).toObject().value(QStringLiteral("step")).toInt(), 6);
}

TEST(TakeScore, AHitNeverReachesPastHalfWayToTheNextExpectedOne)
{
    // At 200 BPM eighths are 150 ms apart: a hit 80 ms late is nearer the next step.
    const std::vector<ExpectedHit> expected{{0, 0.0}, {1, 150.0}};
    const auto score = core::coach::scoreTake(expected, {80.0}, {100.0, 30.0});
    EXPECT_FALSE(score.hits[0].offsetMs.has_value());
    ASSERT_TRUE(score.hits[1].offsetMs.has_value());
    EXPECT_DOUBLE_EQ(*score.hits[1].offsetMs, -70.0);
}

TEST(TakeScore, TheTrainerRaisesTheTempoOnlyWhileTheAccuracyHolds)
{
    core::coach::TrainerPlan plan;
    plan.stepBpm = 5.0;
    plan.targetBpm = 112.0;
    plan.mark = 0.9;
    plan.missesBeforeRest = 3;
    using Kind = core::coach::TrainerStep::Kind;

    auto step = core::coach::nextTrainerStep(plan, 100.0, 0.93, 0);
    EXPECT_EQ(step.kind, Kind::Raise);
    EXPECT_DOUBLE_EQ(step.nextBpm, 105.0);
    EXPECT_EQ(step.missesInRow, 0);
    step = core::coach::nextTrainerStep(plan, 105.0, 0.9, 0);
    EXPECT_EQ(step.kind, Kind::Raise) << "the mark itself holds";
    EXPECT_DOUBLE_EQ(step.nextBpm, 110.0);
    step = core::coach::nextTrainerStep(plan, 110.0, 0.96, 0);
    EXPECT_DOUBLE_EQ(step.nextBpm, 112.0) << "never past the target";
    step = core::coach::nextTrainerStep(plan, 112.0, 0.95, 0);
    EXPECT_EQ(step.kind, Kind::Reached);
    EXPECT_DOUBLE_EQ(step.nextBpm, 112.0);

    // Under the mark: the tempo stays, and after three in a row the trainer rests.
    step = core::coach::nextTrainerStep(plan, 105.0, 0.896, 0);
    EXPECT_EQ(step.kind, Kind::Hold) << "89.6 % is under 90 %";
    EXPECT_DOUBLE_EQ(step.nextBpm, 105.0);
    EXPECT_EQ(step.missesInRow, 1);
    step = core::coach::nextTrainerStep(plan, 105.0, 0.5, step.missesInRow);
    EXPECT_EQ(step.kind, Kind::Hold);
    step = core::coach::nextTrainerStep(plan, 105.0, 0.7, step.missesInRow);
    EXPECT_EQ(step.kind, Kind::Rest);
    EXPECT_EQ(step.missesInRow, 3);
    step = core::coach::nextTrainerStep(plan, 105.0, 0.91, 2);
    EXPECT_EQ(step.kind, Kind::Raise) << "a take that holds starts the count of misses afresh";
    EXPECT_EQ(step.missesInRow, 0);
}
