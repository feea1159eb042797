#pragma once

#include "core/sync/ChangeTracker.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace bandmate::core::sql {
class RowStatement;
class StatementCache;
}

namespace bandmate::sync {

class PushRow;

/// What a push did.
struct PushResult {
    int accepted = 0;  ///< changes that won the merge and went into the user's log
    int ignored = 0;   ///< changes an equal or newer write already beat (the client pulls the winner)
    qint64 headSeq = 0;
    bool replayed = false;  ///< the batch id was seen before: the first answer, nothing applied again
    /// Concurrent edits that lost the merge, with the losing value: a change pushed here that a
    /// write the pusher had not seen beat, or such a write that a pushed change replaced. The
    /// client keeps the prose ones in its conflict log.
    QList<core::FieldChange> lost;
};

/// One change as the log holds it.
struct LoggedChange {
    qint64 seq = 0;
    core::FieldChange change;  ///< its value only with PullValues::Decoded
    QByteArray valueJson;      ///< the value as JSON text ("\"Title\"", "96", "null"), as stored
};

/// Whether pull() decodes each value into FieldChange::value or leaves it as JSON text (what
/// the HTTP layer sends on as it is).
enum class PullValues { Decoded, JsonOnly };

struct PullPage {
    QList<LoggedChange> changes;  ///< in seq order
    qint64 nextSince = 0;         ///< the cursor for the next page
    bool more = false;
};

/// A pull page as the wire's JSON, for the HTTP layer (see SyncService::pullJson).
struct PullJson {
    int count = 0;        ///< changes written
    qint64 nextSince = 0;  ///< the cursor for the next page
    bool more = false;
    /// With `findUnknown`: "entity.field" of the first change this build's catalog does not know
    /// (the page stops before it), else empty.
    QString unknownField;
};

struct SyncMeta {
    int protocolMin = 0;
    int protocolMax = 0;
    qint64 serverTimeMs = 0;
    QString epoch;  ///< changes when the server's database is replaced (restored from a backup)
    qint64 headSeq = 0;
    /// The newest data format (core::kDataFormat) any device of the account pushed with: above
    /// the client's own, a newer Bandmate wrote data the client cannot show yet.
    int dataFormat = 0;
};

/// The sync server's logic without a transport (DESIGN.md section 4): per-user state of every
/// field with its stamp, merged by the same rule as the client; a per-user sequence assigned to
/// each accepted write (the pull cursor); pushes idempotent by batch id. Storage is one SQLite
/// file through QtSql (PostgreSQL comes with the server issue). Every call is scoped by user id:
/// another user's data is absent. One instance per thread.
class SyncService {
public:
    using Clock = std::function<qint64()>;  ///< wall milliseconds

    /// Opens (creating) the server database at `path`.
    [[nodiscard]] static core::Result<std::unique_ptr<SyncService>> open(const QString& path, Clock clock = {});
    ~SyncService();
    SyncService(const SyncService&) = delete;
    SyncService& operator=(const SyncService&) = delete;

    /// Applies up to kMaxChangesPerPush changes in one transaction. Refuses the whole batch when a
    /// change's HLC is more than kMaxClockSkewMs ahead of the server's clock, or is malformed.
    /// `seenSeq` is the pusher's pull cursor: stored writes after it are ones it had not seen,
    /// so where one meets a different value the two were concurrent (PushResult::lost); -1 when
    /// unknown (a device re-sending everything to a restored server), and nothing is reported.
    /// A batch id sent again with other changes is refused (ErrorCode::Conflict) and changes
    /// nothing. Entities and fields this server does not know are kept and passed on (a newer
    /// Bandmate sent them); values of the fields it knows must fit them (core::checkFieldValue).
    /// `dataFormat` is the pushing app's core::kDataFormat (0: not said).
    [[nodiscard]] core::Result<PushResult> push(const QString& userId, const QString& deviceId, const QString& batchId,
                                                const QList<core::FieldChange>& changes, qint64 seenSeq = -1, int dataFormat = 0);
    /// One push waiting in a group.
    struct PushRequest {
        QString userId;
        QString deviceId;
        QString batchId;
        QList<core::FieldChange> changes;
        qint64 seenSeq = -1;
        int dataFormat = 0;
        core::Result<PushResult> result = core::fail(core::ErrorCode::Internal, "not pushed yet");
        bool done = false;  ///< written (GroupCommit)
    };
    /// The most fields one account may hold (0: no limit). A push that would go over is refused
    /// whole (InvalidInput at "quota", HTTP 413) and stores nothing.
    void setFieldQuota(qint64 fields);
    /// The default: far above a musician's data (100,000 songs are about 2,000,000 fields).
    static constexpr qint64 kDefaultFieldQuota = 20'000'000;
    /// How long the answer to a batch is kept for a device that sends it again (it never got the
    /// answer): far longer than any retry waits. Older answers are pruned.
    static constexpr qint64 kBatchAnswerKeptMs = 30LL * 24 * 3600 * 1000;
    /// Deletes the answers to batches older than `olderThan` (wall ms); how many went. A batch
    /// sent again after that is applied again, which changes nothing (same stamps).
    [[nodiscard]] core::Result<int> pruneBatches(qint64 olderThan);
    /// Several pushes in one transaction (group commit: one disk flush for all of them); each
    /// still succeeds or fails on its own (a refused one is refused before the transaction; if
    /// the database fails in it, each push goes again in a transaction of its own).
    void pushGroup(QList<PushRequest*>& group);

    /// The user's changes with seq > since, at most `limit` (1…500), oldest first.
    [[nodiscard]] core::Result<PullPage> pull(const QString& userId, qint64 since, int limit, PullValues values = PullValues::Decoded) const;
    /// The same page as pull(), appended to `out` as the changes' JSON objects (appendChangeJson's
    /// bytes) joined by commas: on SQLite read as UTF-8 straight from SQLite, with no QString or
    /// QVariant per cell (half the server's work under a push/pull load went there). With
    /// `findUnknown` it stops at a change whose field the catalog does not know and names it.
    [[nodiscard]] core::Result<PullJson> pullJson(const QString& userId, qint64 since, int limit, bool findUnknown, QByteArray& out) const;
    [[nodiscard]] core::Result<SyncMeta> meta(const QString& userId) const;
    /// PostgreSQL: tells every server process on this database that a live-update `topic`
    /// changed (NOTIFY; TopicRelay hears it). SQLite: nothing.
    void announce(const QString& topic) const;
    /// One cheap query (the server's epoch): whether the database answers (GET /v1/health).
    [[nodiscard]] core::Result<void> ping() const;

    /// Gives the database at `path` a new epoch, for an operator who restored it from a backup:
    /// clients that synced with the lost state notice, send everything again and read it all
    /// back (merging, so nothing they hold is lost). The new epoch.
    [[nodiscard]] static core::Result<QString> renewEpoch(const QString& path);

private:
    SyncService(QString connectionName, Clock clock);
    /// push()'s checks of its input, before any transaction.
    [[nodiscard]] core::Result<void> validate(const QString& userId, const QString& deviceId, const QString& batchId,
                                              const QList<core::FieldChange>& changes) const;
    /// A validated push, inside a transaction the caller commits.
    [[nodiscard]] core::Result<PushResult> apply(const PushRequest& request);
    /// The statements a push runs, by their place in the push.
    enum class PushStatement { Head, Replay, Lookup, Write, Bump, Answer, Count };
    /// One of a push's statements, run with `values`; `each` sees its rows. On SQLite through
    /// SQLite's own interface (Qt's driver cost more than SQLite's work), elsewhere through the
    /// statement cache.
    [[nodiscard]] core::Result<void> runPush(PushStatement which, const QString& text, std::span<const QVariant> values,
                                             const std::function<void(const PushRow&)>& each = {});

    QString m_connectionName;
    Clock m_clock;
    qint64 m_fieldQuota = kDefaultFieldQuota;
    /// The hot statements, prepared once per connection.
    std::unique_ptr<core::sql::StatementCache> m_statements;
    /// pullJson()'s statement on SQLite, prepared at the first pull.
    mutable std::unique_ptr<core::sql::RowStatement> m_pullRows;
    /// A push's statements on SQLite (PushStatement order), each prepared at its first run.
    std::vector<std::unique_ptr<core::sql::RowStatement>> m_pushRows;
    bool m_sqlite = false;
};

}  // namespace bandmate::sync
