#include "core/coach/TakeLog.h"

#include "core/beats/Machine.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/util/Uuid.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace bandmate::core::coach {

namespace {

QString offsetsJson(const std::vector<std::optional<double>>& offsets)
{
    QJsonArray array;
    for (const auto& offset : offsets) {
        array.append(offset ? QJsonValue(std::round(*offset * 10.0) / 10.0) : QJsonValue());
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

std::vector<std::optional<double>> offsetsFrom(const QString& json)
{
    std::vector<std::optional<double>> offsets;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    offsets.reserve(static_cast<size_t>(array.size()));
    for (const QJsonValue& value : array) {
        offsets.push_back(value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt);
    }
    return offsets;
}

}  // namespace

KeptTake keptTake(const TakeScore& score, const PartGrid& grid, const beats::Machine& machine)
{
    KeptTake take;
    take.machineTitle = QString::fromStdString(machine.title);
    take.part = QString::fromStdString(grid.instrumentId);
    take.bpm = grid.bpm;
    take.clave = machine.clave32 ? QStringLiteral("3-2") : QStringLiteral("2-3");
    take.toleranceMs = score.toleranceMs;
    take.accuracy = score.accuracy;
    take.meanOffsetMs = score.meanOffsetMs;
    take.spreadMs = score.spreadMs;
    take.matched = score.matched;
    take.missed = score.missed;
    take.extra = score.extra;
    take.offsetsMs.reserve(score.hits.size());
    for (const auto& hit : score.hits) {
        take.offsetsMs.push_back(hit.offsetMs);
    }
    return take;
}

bool isClean(const KeptTake& take)
{
    const auto within = std::count_if(take.offsetsMs.begin(), take.offsetsMs.end(),
                                      [](const std::optional<double>& offset) { return offset && std::abs(*offset) <= kCleanToleranceMs; });
    return !take.offsetsMs.empty() && static_cast<double>(within) >= kCleanAccuracy * static_cast<double>(take.offsetsMs.size());
}

QString cleanBpmMetric(const QString& part)
{
    QString key;
    for (const QChar c : part.toLower()) {
        key += (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ? c : QLatin1Char('_');
    }
    if (key.isEmpty() || !(key.front() >= QLatin1Char('a') && key.front() <= QLatin1Char('z'))) {
        key.prepend(QStringLiteral("part_"));  // a metric starts with a letter
    }
    return key + QStringLiteral("_clean_bpm");
}

TakeLog::TakeLog(Database& db) : m_db(db) {}

Result<QString> TakeLog::record(const KeptTake& take)
{
    if (take.part.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a take needs the part it played", "part");
    }
    if (!(take.bpm >= beats::MachineLimits::kMinBpm && take.bpm <= beats::MachineLimits::kMaxBpm)) {
        return fail(ErrorCode::InvalidArgument, "a take's tempo must lie within 30-300 BPM", "bpm");
    }
    if (take.offsetsMs.size() > static_cast<size_t>(kMaxKeptHits)) {
        return fail(ErrorCode::InvalidArgument,
                    "a take of " + std::to_string(take.offsetsMs.size()) + " hits is too long to keep (at most "
                        + std::to_string(kMaxKeptHits) + "); score shorter takes",
                    "offsets");
    }
    const QDateTime at = take.takenAt.isValid() ? take.takenAt : QDateTime::currentDateTimeUtc();
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    const QString id = UuidV7Generator().next();
    ChangeTracker tracker(m_db);
    auto written = tracker.write(QStringLiteral("coach_take"), id,
                                 {{QStringLiteral("taken_at"), at.toMSecsSinceEpoch()},
                                  {QStringLiteral("machine_title"), take.machineTitle},
                                  {QStringLiteral("machine_ref"), take.machineRef},
                                  {QStringLiteral("part"), take.part},
                                  {QStringLiteral("bpm"), take.bpm},
                                  {QStringLiteral("clave"), take.clave},
                                  {QStringLiteral("tolerance_ms"), take.toleranceMs},
                                  {QStringLiteral("accuracy"), take.accuracy},
                                  {QStringLiteral("mean_offset_ms"), take.meanOffsetMs},
                                  {QStringLiteral("spread_ms"), take.spreadMs},
                                  {QStringLiteral("matched"), take.matched},
                                  {QStringLiteral("missed"), take.missed},
                                  {QStringLiteral("extra"), take.extra},
                                  {QStringLiteral("offsets"), offsetsJson(take.offsetsMs)},
                                  {QStringLiteral("source"), take.source}});
    if (!written) {
        return std::unexpected(written.error());
    }
    roadmap::ProgressRepository progress(m_db);
    if (auto counted = progress.addStat(QStringLiteral("timing_takes"), 1.0, at, QStringLiteral("coach"), id); !counted) {
        return std::unexpected(counted.error());
    }
    if (isClean(take)) {
        if (auto clean = progress.addStat(cleanBpmMetric(take.part), take.bpm, at, QStringLiteral("coach"), id); !clean) {
            return std::unexpected(clean.error());
        }
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return id;
}

Result<QList<KeptTake>> TakeLog::since(const QDateTime& since, const QString& part) const
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT id, taken_at, machine_title, machine_ref, part, bpm, clave, tolerance_ms, accuracy, "
                                         "mean_offset_ms, spread_ms, matched, missed, extra, offsets, source FROM coach_take "
                                         "WHERE deleted = 0 AND taken_at >= ? AND (? = '' OR part = ?) ORDER BY taken_at, id"),
                          {since.toMSecsSinceEpoch(), part.isNull() ? QStringLiteral("") : part, part});
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<KeptTake> takes;
    while (query->next()) {
        KeptTake take;
        take.id = query->value(0).toString();
        take.takenAt = QDateTime::fromMSecsSinceEpoch(query->value(1).toLongLong());
        take.machineTitle = query->value(2).toString();
        take.machineRef = query->value(3).toString();
        take.part = query->value(4).toString();
        take.bpm = query->value(5).toDouble();
        take.clave = query->value(6).toString();
        take.toleranceMs = query->value(7).toDouble();
        take.accuracy = query->value(8).toDouble();
        take.meanOffsetMs = query->value(9).toDouble();
        take.spreadMs = query->value(10).toDouble();
        take.matched = query->value(11).toInt();
        take.missed = query->value(12).toInt();
        take.extra = query->value(13).toInt();
        take.offsetsMs = offsetsFrom(query->value(14).toString());
        take.source = query->value(15).toString();
        takes.append(take);
    }
    return takes;
}

}  // namespace bandmate::core::coach
