#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QObject;

namespace bandmate::sync {

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
};

}  // namespace bandmate::sync
