#pragma once

#include "core/util/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace bandmate::core {
class ChangeTracker;
class Database;
}

namespace bandmate::core::setlists {

/// A fan vote prepared on this computer (entity `fan_vote`, synced; issue 19). The poll itself
/// lives on the musician's Bandmate server; this is what was asked for (`request`, the body of
/// POST /v1/polls) until the server has it, and where it is after. Prepared offline, it waits here
/// (and on the musician's other computers) and is published when the server can be reached.
struct FanVote {
    QString id;
    QString showId;
    QJsonObject request;
    qint64 createdAtMs = 0;
    QString pollId;   ///< empty until published
    QString code;     ///< the code fans type
    QString url;      ///< the fans' page
    QString refused;  ///< the server's reason when it refused the request (nothing is retried then)

    [[nodiscard]] bool published() const { return !pollId.isEmpty(); }
    [[nodiscard]] bool waiting() const { return pollId.isEmpty() && refused.isEmpty(); }
};

class FanVoteRepository {
public:
    explicit FanVoteRepository(Database& db);

    /// Keeps a vote to publish for `showId`: a new one, or (with `id`) a change to one that is
    /// not published yet (a published vote is the server's now: Conflict). Clears a refusal.
    [[nodiscard]] Result<QString> save(const QString& showId, const QJsonObject& request, const QString& id = {});
    /// Records where the server put it; also on a vote discarded meanwhile (a poll on the server
    /// outranks a discard: the musician must still see and close it).
    [[nodiscard]] Result<void> markPublished(const QString& id, const QString& pollId, const QString& code, const QString& url);
    /// Records that the server refused `sent` and why; nothing when the vote changed since (its
    /// new content is sent again).
    [[nodiscard]] Result<void> markRefused(const QString& id, const QJsonObject& sent, const QString& reason);
    /// Discards a vote that is not published (a published one is the server's: Conflict).
    [[nodiscard]] Result<void> remove(const QString& id);
    [[nodiscard]] Result<FanVote> get(const QString& id) const;
    /// The votes that wait for the server (not published, not refused, their show still there),
    /// oldest first.
    [[nodiscard]] Result<QList<FanVote>> waiting() const;
    /// Every vote not published yet (waiting or refused), oldest first: what `vote list` shows.
    [[nodiscard]] Result<QList<FanVote>> kept() const;
    /// The show's newest vote, published or not.
    [[nodiscard]] Result<std::optional<FanVote>> newestForShow(const QString& showId) const;
    /// Discards the show's votes that are not published (the show is being deleted); call inside
    /// the deleting Transaction.
    [[nodiscard]] static Result<void> discardForShow(Database& db, ChangeTracker& tracker, const QString& showId);

    /// The request as the server takes it, with the vote's id as `draft_id`: publishing it twice,
    /// from one computer or two, makes one poll.
    [[nodiscard]] static QJsonObject publishRequest(const FanVote& vote);

private:
    [[nodiscard]] Result<QList<FanVote>> select(const QString& where, const QVariantList& values) const;

    Database& m_db;
};

}  // namespace bandmate::core::setlists
