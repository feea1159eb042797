#pragma once

#include "core/util/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace bandmate::core {
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
    /// not published yet (a published vote is the server's now: InvalidArgument). Clears a refusal.
    [[nodiscard]] Result<QString> save(const QString& showId, const QJsonObject& request, const QString& id = {});
    /// Records where the server put it.
    [[nodiscard]] Result<void> markPublished(const QString& id, const QString& pollId, const QString& code, const QString& url);
    /// Records that the server refused it and why (the musician changes it, or removes it).
    [[nodiscard]] Result<void> markRefused(const QString& id, const QString& reason);
    [[nodiscard]] Result<void> remove(const QString& id);
    [[nodiscard]] Result<FanVote> get(const QString& id) const;
    /// The votes that wait for the server (not published, not refused), oldest first.
    [[nodiscard]] Result<QList<FanVote>> waiting() const;
    /// The show's newest vote, published or not.
    [[nodiscard]] Result<std::optional<FanVote>> newestForShow(const QString& showId) const;

    /// The request as the server takes it, with the vote's id as `draft_id`: publishing it twice,
    /// from one computer or two, makes one poll.
    [[nodiscard]] static QJsonObject publishRequest(const FanVote& vote);

private:
    [[nodiscard]] Result<QList<FanVote>> select(const QString& where, const QVariantList& values) const;

    Database& m_db;
};

}  // namespace bandmate::core::setlists
