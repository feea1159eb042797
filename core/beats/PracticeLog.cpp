#include "core/beats/PracticeLog.h"

#include "core/beats/Machine.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/util/Uuid.h"

namespace bandmate::core::beats {

PracticeLog::PracticeLog(Database& db) : m_db(db) {}

Result<QString> PracticeLog::record(const PracticeSession& session)
{
    if (session.seconds < 1.0 || !session.startedAt.isValid()) {
        return fail(ErrorCode::InvalidArgument, "a practice session needs a start and at least a second", "seconds");
    }
    if (session.bpmMin < MachineLimits::kMinBpm || session.bpmMax > MachineLimits::kMaxBpm || session.bpmMin > session.bpmMax) {
        return fail(ErrorCode::InvalidArgument, "practice tempos must lie within 30-300 BPM, lowest first", "bpm");
    }
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    const QString id = UuidV7Generator().next();
    ChangeTracker tracker(m_db);
    auto written = tracker.write(QStringLiteral("practice_session"), id,
                                 {{QStringLiteral("machine_title"), session.machineTitle},
                                  {QStringLiteral("machine_ref"), session.machineRef},
                                  {QStringLiteral("started_at"), session.startedAt.toMSecsSinceEpoch()},
                                  {QStringLiteral("seconds"), session.seconds},
                                  {QStringLiteral("bpm_min"), session.bpmMin},
                                  {QStringLiteral("bpm_max"), session.bpmMax}});
    if (!written) {
        return std::unexpected(written.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return id;
}

Result<QList<PracticeSession>> PracticeLog::since(const QDateTime& since) const
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT id, machine_title, machine_ref, started_at, seconds, bpm_min, bpm_max "
                                         "FROM practice_session WHERE deleted = 0 AND started_at >= ? ORDER BY started_at, id"),
                          {since.toMSecsSinceEpoch()});
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<PracticeSession> sessions;
    while (query->next()) {
        sessions.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                         QDateTime::fromMSecsSinceEpoch(query->value(3).toLongLong()), query->value(4).toDouble(),
                         query->value(5).toDouble(), query->value(6).toDouble()});
    }
    return sessions;
}

}  // namespace bandmate::core::beats
