#include "core/coach/TakeScore.h"

#include <QJsonArray>

#include <algorithm>
#include <map>
#include <cmath>
#include <tuple>

namespace bandmate::core::coach {

Result<PartGrid> partGrid(const beats::NoteStream& stream, const std::string& instrumentId, double bpm, double swing)
{
    const auto found = std::find_if(stream.instruments.begin(), stream.instruments.end(),
                                    [&](const beats::CompiledInstrument& instrument) { return instrument.id == instrumentId; });
    if (found == stream.instruments.end()) {
        return fail(ErrorCode::NotFound, "the machine has no instrument \"" + instrumentId + "\" with a program to play", "--part");
    }
    PartGrid grid;
    grid.instrumentId = instrumentId;
    grid.bpm = bpm > 0.0 ? bpm : stream.bpm;
    grid.stepsPerBeat = beats::stepsPerBeat(stream.flavor);
    grid.swing = std::clamp(swing, 0.0, 1.0);
    grid.stepMs = 60000.0 / (grid.bpm * grid.stepsPerBeat);
    grid.loopLength = std::max(1, found->loopLength);
    for (const auto& event : found->events) {
        if (event.step >= 0 && event.step < grid.loopLength && (grid.loopSteps.empty() || grid.loopSteps.back() != event.step)) {
            grid.loopSteps.push_back(event.step);  // events are sorted by step: chords and two hands are one hit
        }
    }
    if (grid.loopSteps.empty()) {
        return fail(ErrorCode::InvalidArgument, "\"" + instrumentId + "\"'s program plays no notes: nothing to score against", "--part");
    }
    return grid;
}

std::vector<ExpectedHit> expectedHits(const PartGrid& grid, double durationMs)
{
    std::vector<ExpectedHit> hits;
    // (No more than a day of steps: a take is minutes long, and a step count stays an int.)
    if (grid.loopSteps.empty() || !(grid.stepMs > 0.0) || !std::isfinite(durationMs) || durationMs > 24.0 * 3600.0 * 1000.0) {
        return hits;
    }
    for (int loop = 0;; ++loop) {
        for (const int inLoop : grid.loopSteps) {
            const int step = loop * grid.loopLength + inLoop;
            // The engine's clock: odd steps later by the swing (Engine::onsetFrame).
            const double ms = step * grid.stepMs + (step % 2 != 0 ? grid.swing * grid.stepMs / 3.0 : 0.0);
            if (ms >= durationMs) {
                return hits;
            }
            hits.push_back({step, ms});
        }
    }
}

TakeScore scoreTake(const std::vector<ExpectedHit>& expected, std::vector<double> playedMs, const ScoreOptions& options)
{
    TakeScore score;
    score.toleranceMs = options.toleranceMs;
    std::sort(playedMs.begin(), playedMs.end());
    // How far each expected hit reaches: the window, and never past half way to a neighbour.
    std::vector<double> reach(expected.size(), options.windowMs);
    for (size_t i = 0; i < expected.size(); ++i) {
        if (i > 0) {
            reach[i] = std::min(reach[i], (expected[i].ms - expected[i - 1].ms) / 2.0);
        }
        if (i + 1 < expected.size()) {
            reach[i] = std::min(reach[i], (expected[i + 1].ms - expected[i].ms) / 2.0);
        }
    }
    // Every pair within reach, closest first; each expected and each played hit is taken once.
    std::vector<std::tuple<double, size_t, size_t>> pairs;
    for (size_t i = 0; i < expected.size(); ++i) {
        const auto from = std::lower_bound(playedMs.begin(), playedMs.end(), expected[i].ms - reach[i]);
        for (auto it = from; it != playedMs.end() && *it <= expected[i].ms + reach[i]; ++it) {
            pairs.emplace_back(std::abs(*it - expected[i].ms), i, static_cast<size_t>(it - playedMs.begin()));
        }
    }
    std::sort(pairs.begin(), pairs.end());
    std::vector<char> expectedTaken(expected.size(), 0);
    std::vector<char> playedTaken(playedMs.size(), 0);
    score.hits.reserve(expected.size());
    for (const auto& hit : expected) {
        score.hits.push_back({hit.step, hit.ms, std::nullopt});
    }
    for (const auto& [distance, i, j] : pairs) {
        if (expectedTaken[i] == 0 && playedTaken[j] == 0) {
            expectedTaken[i] = playedTaken[j] = 1;
            score.hits[i].offsetMs = playedMs[j] - expected[i].ms;
        }
    }
    double sum = 0.0;
    int within = 0;
    for (const auto& hit : score.hits) {
        if (hit.offsetMs) {
            ++score.matched;
            sum += *hit.offsetMs;
            within += std::abs(*hit.offsetMs) <= options.toleranceMs ? 1 : 0;
        } else {
            ++score.missed;
        }
    }
    for (size_t j = 0; j < playedMs.size(); ++j) {
        if (playedTaken[j] == 0) {
            score.extrasMs.push_back(playedMs[j]);
        }
    }
    score.extra = static_cast<int>(score.extrasMs.size());
    if (score.matched > 0) {
        score.meanOffsetMs = sum / score.matched;
        double squares = 0.0;
        for (const auto& hit : score.hits) {
            if (hit.offsetMs) {
                squares += (*hit.offsetMs - score.meanOffsetMs) * (*hit.offsetMs - score.meanOffsetMs);
            }
        }
        score.spreadMs = std::sqrt(squares / score.matched);
    }
    score.accuracy = expected.empty() ? 0.0 : static_cast<double>(within) / static_cast<double>(expected.size());
    return score;
}

std::vector<StepSummary> summaryByStep(const TakeScore& score, int loopLength)
{
    std::map<int, StepSummary> steps;
    const int length = std::max(1, loopLength);
    for (const auto& hit : score.hits) {
        StepSummary& summary = steps[hit.step % length];
        summary.step = hit.step % length;
        ++summary.expected;
        if (hit.offsetMs) {
            summary.meanOffsetMs += (*hit.offsetMs - summary.meanOffsetMs) / ++summary.matched;  // a running mean
        }
    }
    std::vector<StepSummary> list;
    list.reserve(steps.size());
    for (const auto& [step, summary] : steps) {
        list.push_back(summary);
    }
    return list;
}

QJsonObject toJson(const TakeScore& score)
{
    // Milliseconds to a tenth: finer than any hand plays, and stable in a diff.
    const auto tenth = [](double ms) { return std::round(ms * 10.0) / 10.0; };
    QJsonArray hits;
    for (const auto& hit : score.hits) {
        hits.append(QJsonObject{{QStringLiteral("step"), hit.step},
                                {QStringLiteral("expected_ms"), tenth(hit.expectedMs)},
                                {QStringLiteral("offset_ms"), hit.offsetMs ? QJsonValue(tenth(*hit.offsetMs)) : QJsonValue()}});
    }
    QJsonArray extras;
    for (const double ms : score.extrasMs) {
        extras.append(tenth(ms));
    }
    return QJsonObject{{QStringLiteral("accuracy"), std::round(score.accuracy * 10000.0) / 10000.0},
                       {QStringLiteral("mean_offset_ms"), tenth(score.meanOffsetMs)},
                       {QStringLiteral("spread_ms"), tenth(score.spreadMs)},
                       {QStringLiteral("tolerance_ms"), score.toleranceMs},
                       {QStringLiteral("matched"), score.matched},
                       {QStringLiteral("missed"), score.missed},
                       {QStringLiteral("extra"), score.extra},
                       {QStringLiteral("hits"), hits},
                       {QStringLiteral("extras_ms"), extras}};
}

}  // namespace bandmate::core::coach
