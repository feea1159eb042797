#pragma once

#include "core/util/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace bandmate::core {
class Database;
}

namespace bandmate::core::beats {

/// One stretch of practice with the beat machine, as the roadmap counts it.
struct PracticeSession {
    QString id;
    QString machineTitle;
    QString machineRef;  ///< "builtin:salsa" or "user:<machine id>"
    QDateTime startedAt;
    double seconds = 0.0;
    double bpmMin = 0.0;
    double bpmMax = 0.0;
};

/// Practice sessions in the database (entity practice_session, append-only, synced).
class PracticeLog {
public:
    explicit PracticeLog(Database& db);

    /// Records a session; returns its id. Sessions under a second or with tempos outside
    /// 30-300 BPM are refused as InvalidArgument.
    [[nodiscard]] Result<QString> record(const PracticeSession& session);
    /// Sessions that started at or after `since`, oldest first.
    [[nodiscard]] Result<QList<PracticeSession>> since(const QDateTime& since) const;

private:
    Database& m_db;
};

}  // namespace bandmate::core::beats
