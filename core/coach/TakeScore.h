#pragma once

#include "core/beats/NoteStream.h"
#include "core/util/Result.h"

#include <QJsonObject>

#include <optional>
#include <string>
#include <vector>

namespace bandmate::core::coach {

/// One hit the part asks for: its step, counted from the take's first step (the first step of
/// the part's first bar), and when it is due.
struct ExpectedHit {
    int step = 0;
    double ms = 0.0;
};

/// The grid of the part the musician practises.
struct PartGrid {
    std::string instrumentId;
    double bpm = 120.0;
    int stepsPerBeat = 2;
    double swing = 0.0;    ///< 0…1, as the engine plays it: odd steps later by swing × a third of a step
    double stepMs = 250.0;
    std::vector<int> loopSteps;  ///< the steps of one loop of the part that sound (sorted, each once)
    int loopLength = 16;
};

/// The grid of `instrumentId`'s active program in `stream` at `bpm` (the stream's own when 0) —
/// the notes the engine plays, with the key, hands and clave direction applied. NotFound when
/// the machine has no such enabled instrument; InvalidArgument when its program plays nothing.
[[nodiscard]] Result<PartGrid> partGrid(const beats::NoteStream& stream, const std::string& instrumentId, double bpm = 0.0,
                                        double swing = 0.0);

/// Every hit of `grid` due in [0, durationMs).
[[nodiscard]] std::vector<ExpectedHit> expectedHits(const PartGrid& grid, double durationMs);

/// How one expected hit went: its offset when a played hit matched it (positive = late).
struct HitResult {
    int step = 0;
    double expectedMs = 0.0;
    std::optional<double> offsetMs;
};

struct ScoreOptions {
    /// A played hit is matched to an expected one no further than this (and never past half the
    /// distance to the neighbouring expected hit).
    double windowMs = 100.0;
    /// Accuracy counts the expected hits played within ±this.
    double toleranceMs = 30.0;
};

struct TakeScore {
    double accuracy = 0.0;      ///< 0…1: expected hits played within ±toleranceMs (misses count against)
    double meanOffsetMs = 0.0;  ///< over the matched hits; positive = late (drags), negative = early (rushes)
    double spreadMs = 0.0;      ///< standard deviation of the matched hits' offsets
    double toleranceMs = 30.0;
    int matched = 0;
    int missed = 0;
    int extra = 0;
    std::vector<HitResult> hits;    ///< one per expected hit, in time order
    std::vector<double> extrasMs;   ///< played hits no expected hit claimed
};

/// Matches each played hit (ms from the take's start, latency already taken off) to the nearest
/// expected hit within the window, closest pairs first, each at most once; scores the take.
[[nodiscard]] TakeScore scoreTake(const std::vector<ExpectedHit>& expected, std::vector<double> playedMs,
                                  const ScoreOptions& options = {});

/// How one position of the part's loop went over a take: "the & of 2 is always late".
struct StepSummary {
    int step = 0;  ///< in the loop, 0 ≤ step < loopLength
    int expected = 0;
    int matched = 0;
    double meanOffsetMs = 0.0;  ///< over the matched hits (0 when none was: see matched)
};

/// One StepSummary per sounding step of the part's loop, in step order.
[[nodiscard]] std::vector<StepSummary> summaryByStep(const TakeScore& score, int loopLength);

/// `{"accuracy","mean_offset_ms","spread_ms","tolerance_ms","matched","missed","extra",
/// "hits":[{"step","expected_ms","offset_ms"}],"extras_ms":[...]}`; a missed hit's offset_ms is null.
[[nodiscard]] QJsonObject toJson(const TakeScore& score);

}  // namespace bandmate::core::coach
