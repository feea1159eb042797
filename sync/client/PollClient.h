#pragma once

#include "core/setlists/FanVotes.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QObject;

namespace bandmate::core {
class Database;
}

namespace bandmate::sync {

/// What publishing the fan votes prepared on this computer did.
struct PublishReport {
    QList<core::setlists::FanVote> published;  ///< on the server now (poll id, code and link filled in)
    QList<core::setlists::FanVote> refused;    ///< the server refused them; the reason is kept on each
    /// Published before (from another computer) with other content: that poll stands, this
    /// computer's changes were not applied. Also in `published`.
    QList<core::setlists::FanVote> changedElsewhere;
    std::optional<core::Error> stopped;        ///< the server could not be reached (or the database failed): the rest wait
};

/// The musician's side of fan voting over Qt Network (the server's /v1/polls API), blocking (a
/// local event loop), for the command line.
class PollClient {
public:
    /// One request with the access token; the JSON answer, or the server's message as the error
    /// (404: NotFound, 4xx: InvalidInput, unreachable: Io).
    [[nodiscard]] static core::Result<QJsonObject> call(const QUrl& server, const QString& token, const QByteArray& method, const QString& path,
                                                       const QJsonObject& body = {});
    /// Follows a poll's live tally (Server-Sent Events): `onTally` gets the poll (as GET
    /// /v1/polls/ID answers it) at once and after every change, at most ten times a second, and
    /// returns false to stop. Returns when the server ends the stream too (its token expired).
    [[nodiscard]] static core::Result<void> follow(const QUrl& server, const QString& token, const QString& pollId,
                                                   const std::function<bool(const QJsonObject&)>& onTally);
    /// call() without waiting: `done` runs on `context`'s thread with the answer (not at all when
    /// `context` is gone by then).
    static void callAsync(QNetworkAccessManager& network, const QUrl& server, const QString& token, const QByteArray& method, const QString& path,
                          const QJsonObject& body, QObject* context, std::function<void(core::Result<QJsonObject>)> done);

    /// Publishes the fan votes that wait on this computer (FanVoteRepository::waiting()), oldest
    /// first: each goes with its own id, so one published before (here or on another computer)
    /// is not made twice. A published vote records its poll; one the server refuses records why
    /// and the rest go on; an unreachable server stops the round (they keep waiting). Blocking.
    [[nodiscard]] static PublishReport publishWaiting(core::Database& db, const QUrl& server, const QString& token);
    /// publishWaiting() without waiting: `done` runs on `context`'s thread (which must be `db`'s).
    static void publishWaitingAsync(QNetworkAccessManager& network, core::Database& db, const QUrl& server, const QString& token, QObject* context,
                                    std::function<void(PublishReport)> done);
};

}  // namespace bandmate::sync
