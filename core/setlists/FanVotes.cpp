#include "core/setlists/FanVotes.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/sync/ChangeTracker.h"
#include "core/sync/TrackedWrite.h"
#include "core/util/Uuid.h"

#include <QDateTime>
#include <QJsonDocument>

namespace bandmate::core::setlists {

namespace {

const QString kEntity = QStringLiteral("fan_vote");

}  // namespace

FanVoteRepository::FanVoteRepository(Database& db) : m_db(db) {}

namespace {

QString compact(const QJsonObject& request)
{
    return QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact));
}

}  // namespace

Result<QString> FanVoteRepository::save(const QString& showId, const QJsonObject& request, const QString& id)
{
    if (showId.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a fan vote belongs to a show", "show");
    }
    if (request.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a fan vote needs its question and songs", "request");
    }
    const QString voteId = id.isEmpty() ? UuidV7Generator().next() : id;
    QVariantMap fields{{QStringLiteral("show_id"), showId}, {QStringLiteral("request"), compact(request)}, {QStringLiteral("refused"), QString()}};
    if (id.isEmpty()) {
        fields.insert(QStringLiteral("created_at"), QDateTime::currentMSecsSinceEpoch());
    }
    auto written = writeTracked(m_db, [&](ChangeTracker& tracker) -> Result<FieldStamp> {
        if (!id.isEmpty()) {  // checked in the write's transaction: a sync cannot publish it in between
            auto stored = get(id);
            if (!stored) {
                return std::unexpected(stored.error());
            }
            if (stored->published()) {
                return fail(ErrorCode::Conflict, "this vote is on the server already", id.toStdString());
            }
        }
        return tracker.write(kEntity, voteId, fields);
    });
    if (!written) {
        return std::unexpected(written.error());
    }
    return voteId;
}

Result<void> FanVoteRepository::markPublished(const QString& id, const QString& pollId, const QString& code, const QString& url)
{
    if (pollId.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "the server's poll id is missing", id.toStdString());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) -> Result<FieldStamp> {
        auto exists = sql::scalar(m_db.connection(), QStringLiteral("SELECT count(*) FROM fan_vote WHERE id = ?"), {id});
        if (!exists) {
            return std::unexpected(exists.error());
        }
        if (exists->toInt() == 0) {
            return fail(ErrorCode::NotFound, "no such fan vote", id.toStdString());
        }
        // A discard made while the server created it loses: the poll is live, so it shows.
        return tracker.write(kEntity, id,
                             {{QStringLiteral("poll_id"), pollId}, {QStringLiteral("code"), code}, {QStringLiteral("url"), url},
                              {QStringLiteral("refused"), QString()}});
    });
}

Result<void> FanVoteRepository::markRefused(const QString& id, const QJsonObject& sent, const QString& reason)
{
    return writeTracked(m_db, [&](ChangeTracker& tracker) -> Result<FieldStamp> {
        auto stored = get(id);
        if (!stored) {
            return std::unexpected(stored.error());
        }
        if (stored->published() || compact(stored->request) != compact(sent)) {
            return FieldStamp{};  // published meanwhile, or changed: the refusal was of something else
        }
        return tracker.write(kEntity, id, {{QStringLiteral("refused"), reason.isEmpty() ? QStringLiteral("refused") : reason}});
    });
}

Result<void> FanVoteRepository::remove(const QString& id)
{
    return writeTracked(m_db, [&](ChangeTracker& tracker) -> Result<FieldStamp> {
        auto stored = get(id);
        if (!stored) {
            return std::unexpected(stored.error());
        }
        if (stored->published()) {
            return fail(ErrorCode::Conflict, "this vote is on the server: close it there", id.toStdString());
        }
        return tracker.remove(kEntity, id);
    });
}

Result<void> FanVoteRepository::discardForShow(Database& db, ChangeTracker& tracker, const QString& showId)
{
    auto votes = FanVoteRepository(db).select(QStringLiteral("show_id = ? AND poll_id = '' ORDER BY id"), {showId});
    if (!votes) {
        return std::unexpected(votes.error());
    }
    for (const FanVote& vote : *votes) {
        if (auto removed = tracker.remove(kEntity, vote.id); !removed) {
            return std::unexpected(removed.error());
        }
    }
    return {};
}

Result<QList<FanVote>> FanVoteRepository::select(const QString& where, const QVariantList& values) const
{
    // A published vote stays visible even when a discard on another computer won the merge:
    // its poll is live on the server.
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT id, show_id, request, created_at, poll_id, code, url, refused FROM fan_vote "
                                         "WHERE (deleted = 0 OR poll_id != '') AND ")
                              + where,
                          values);
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<FanVote> votes;
    while (query->next()) {
        FanVote vote;
        vote.id = query->value(0).toString();
        vote.showId = query->value(1).toString();
        // A request another device wrote that does not read as an object is an empty one: the
        // server refuses it with its reason, and the musician sees it.
        vote.request = QJsonDocument::fromJson(query->value(2).toString().toUtf8()).object();
        vote.createdAtMs = query->value(3).toLongLong();
        vote.pollId = query->value(4).toString();
        vote.code = query->value(5).toString();
        vote.url = query->value(6).toString();
        vote.refused = query->value(7).toString();
        votes.append(vote);
    }
    return votes;
}

Result<FanVote> FanVoteRepository::get(const QString& id) const
{
    auto votes = select(QStringLiteral("id = ?"), {id});
    if (!votes) {
        return std::unexpected(votes.error());
    }
    if (votes->isEmpty()) {
        return fail(ErrorCode::NotFound, "no such fan vote", id.toStdString());
    }
    return votes->first();
}

Result<QList<FanVote>> FanVoteRepository::waiting() const
{
    // Not for a show that is gone (or not here yet: it comes with the same sync).
    return select(QStringLiteral("poll_id = '' AND refused = '' AND EXISTS (SELECT 1 FROM show WHERE show.id = fan_vote.show_id AND show.deleted = 0) "
                                 "ORDER BY created_at, id"),
                  {});
}

Result<QList<FanVote>> FanVoteRepository::kept() const
{
    return select(QStringLiteral("poll_id = '' ORDER BY created_at, id"), {});
}

Result<std::optional<FanVote>> FanVoteRepository::newestForShow(const QString& showId) const
{
    auto votes = select(QStringLiteral("show_id = ? ORDER BY created_at DESC, id DESC LIMIT 1"), {showId});
    if (!votes) {
        return std::unexpected(votes.error());
    }
    return votes->isEmpty() ? std::nullopt : std::optional<FanVote>(votes->first());
}

QJsonObject FanVoteRepository::publishRequest(const FanVote& vote)
{
    QJsonObject request = vote.request;
    request.insert(QStringLiteral("draft_id"), vote.id);
    request.insert(QStringLiteral("show_id"), vote.showId);
    return request;
}

}  // namespace bandmate::core::setlists
