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

Result<QString> FanVoteRepository::save(const QString& showId, const QJsonObject& request, const QString& id)
{
    if (showId.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a fan vote belongs to a show", "show");
    }
    if (request.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a fan vote needs its question and songs", "request");
    }
    if (!id.isEmpty()) {
        auto stored = get(id);
        if (!stored) {
            return std::unexpected(stored.error());
        }
        if (stored->published()) {
            return fail(ErrorCode::InvalidArgument, "this vote is on the server already", id.toStdString());
        }
    }
    const QString voteId = id.isEmpty() ? UuidV7Generator().next() : id;
    QVariantMap fields{{QStringLiteral("show_id"), showId},
                       {QStringLiteral("request"), QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact))},
                       {QStringLiteral("refused"), QString()}};
    if (id.isEmpty()) {
        fields.insert(QStringLiteral("created_at"), QDateTime::currentMSecsSinceEpoch());
    }
    auto written = writeTracked(m_db, [&](ChangeTracker& tracker) { return tracker.write(kEntity, voteId, fields); });
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
    if (auto stored = get(id); !stored) {
        return std::unexpected(stored.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) {
        return tracker.write(kEntity, id,
                             {{QStringLiteral("poll_id"), pollId}, {QStringLiteral("code"), code}, {QStringLiteral("url"), url},
                              {QStringLiteral("refused"), QString()}});
    });
}

Result<void> FanVoteRepository::markRefused(const QString& id, const QString& reason)
{
    if (auto stored = get(id); !stored) {
        return std::unexpected(stored.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) {
        return tracker.write(kEntity, id, {{QStringLiteral("refused"), reason.isEmpty() ? QStringLiteral("refused") : reason}});
    });
}

Result<void> FanVoteRepository::remove(const QString& id)
{
    if (auto stored = get(id); !stored) {
        return std::unexpected(stored.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) { return tracker.remove(kEntity, id); });
}

Result<QList<FanVote>> FanVoteRepository::select(const QString& where, const QVariantList& values) const
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT id, show_id, request, created_at, poll_id, code, url, refused FROM fan_vote WHERE deleted = 0 AND ")
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
    return select(QStringLiteral("poll_id = '' AND refused = '' ORDER BY created_at, id"), {});
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
