#pragma once

#include "core/beats/Machine.h"
#include "core/coach/TakeScore.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace bandmate::core {
class Database;
}

namespace bandmate::core::coach {

/// A scored take the musician kept.
struct KeptTake {
    QString id;
    QDateTime takenAt;
    QString machineTitle;
    QString machineRef;  ///< "builtin:salsa", "user:<machine id>" or "file:<name>"
    QString part;        ///< the instrument's id
    double bpm = 0.0;
    QString clave;       ///< "2-3" or "3-2"
    double toleranceMs = 30.0;
    double accuracy = 0.0;
    double meanOffsetMs = 0.0;
    double spreadMs = 0.0;
    int matched = 0;
    int missed = 0;
    int extra = 0;
    std::vector<std::optional<double>> offsetsMs;  ///< one per expected hit; empty when missed
    QString source;      ///< the recording's file name, or "live"
};

/// A take is "clean" for the roadmap when this share of its hits lie within ±kCleanToleranceMs.
inline constexpr double kCleanAccuracy = 0.9;
inline constexpr double kCleanToleranceMs = 30.0;
/// The most hits a kept take holds (an hour and more of eighths at 300 BPM): its offsets go
/// with one sync push.
inline constexpr int kMaxKeptHits = 20000;

/// `score` of `grid`'s part of `machine` as a take to keep (its part, tempo, clave direction and
/// the machine's title filled in; where it came from is the caller's: machineRef, source).
[[nodiscard]] KeptTake keptTake(const TakeScore& score, const PartGrid& grid, const beats::Machine& machine);

/// Whether a take counts for the roadmap: kCleanAccuracy of its hits within ±kCleanToleranceMs,
/// whatever tolerance it was scored with.
[[nodiscard]] bool isClean(const KeptTake& take);

/// The roadmap metric a clean take of `part` feeds: "<part>_clean_bpm" (the part's id in lower
/// case, anything but letters and digits as "_"); its value is the take's tempo.
[[nodiscard]] QString cleanBpmMetric(const QString& part);

/// Kept takes in the database (entity coach_take, append-only, synced).
class TakeLog {
public:
    explicit TakeLog(Database& db);

    /// Keeps a take and, in the same transaction, tells the roadmap: timing_takes (1), and when
    /// it isClean(), cleanBpmMetric(part) = its tempo; the stat entries name the take. Refuses a
    /// take without a part, a tempo outside 30-300 BPM, or more than kMaxKeptHits hits
    /// (InvalidArgument). Returns the take's id.
    [[nodiscard]] Result<QString> record(const KeptTake& take);
    /// Takes from `since` on, oldest first; of `part` only when given.
    [[nodiscard]] Result<QList<KeptTake>> since(const QDateTime& since, const QString& part = {}) const;

private:
    Database& m_db;
};

}  // namespace bandmate::core::coach
