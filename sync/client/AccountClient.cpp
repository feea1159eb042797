#include "sync/client/AccountClient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace bandmate::sync {

namespace {

/// Sends `body` to `path` on `network`; the reply, to wait for.
QNetworkReply* send(QNetworkAccessManager& network, const QUrl& server, const QString& path, const QJsonObject& body)
{
    QUrl url = server;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(30'000);
    return network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

/// A finished reply's JSON answer, or the server's message as the error.
core::Result<QJsonObject> answerOf(QNetworkReply* reply, const QUrl& server)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    if (status == 0) {
        return core::fail(core::ErrorCode::Io, "the server could not be reached: " + reply->errorString().toStdString(), server.toString().toStdString());
    }
    if (status >= 400) {
        // 401: the credentials (sign in again); a busy or failing server (429, 5xx): try again
        // later, not the musician's mistake; any other 4xx: what was sent is wrong.
        const core::ErrorCode code = status == 401                   ? core::ErrorCode::NotFound
                                     : status == 429 || status >= 500 ? core::ErrorCode::Io
                                                                      : core::ErrorCode::InvalidArgument;
        return core::fail(code, answer.value(QStringLiteral("message")).toString().toStdString(), server.toString().toStdString());
    }
    return answer;
}

/// POSTs `body` to `path` and waits (a local event loop); the JSON answer or the error.
core::Result<QJsonObject> post(const QUrl& server, const QString& path, const QJsonObject& body)
{
    QNetworkAccessManager network;
    QNetworkReply* reply = send(network, server, path, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return answerOf(reply, server);
}

ClientSession sessionFrom(const QJsonObject& answer)
{
    return {answer.value(QStringLiteral("account_id")).toString(), answer.value(QStringLiteral("access_token")).toString(),
            answer.value(QStringLiteral("refresh_token")).toString()};
}

QJsonObject refreshBody(const QString& refreshToken, const QString& nextToken)
{
    QJsonObject body{{QStringLiteral("refresh_token"), refreshToken}};
    if (!nextToken.isEmpty()) {
        body.insert(QStringLiteral("next_refresh_token"), nextToken);
    }
    return body;
}

}  // namespace

core::Result<QString> AccountClient::registerAccount(const QUrl& server, const QString& email, const QString& password)
{
    auto answer = post(server, QStringLiteral("/v1/auth/register"), {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    if (!answer) {
        return std::unexpected(answer.error());
    }
    return answer->value(QStringLiteral("account_id")).toString();
}

core::Result<ClientSession> AccountClient::login(const QUrl& server, const QString& email, const QString& password)
{
    auto answer = post(server, QStringLiteral("/v1/auth/login"), {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    if (!answer) {
        return std::unexpected(answer.error());
    }
    return sessionFrom(*answer);
}

core::Result<ClientSession> AccountClient::refresh(const QUrl& server, const QString& refreshToken, const QString& nextToken)
{
    auto answer = post(server, QStringLiteral("/v1/auth/refresh"), refreshBody(refreshToken, nextToken));
    if (!answer) {
        return std::unexpected(answer.error());
    }
    return sessionFrom(*answer);
}

void AccountClient::refreshAsync(QNetworkAccessManager& network, const QUrl& server, const QString& refreshToken, const QString& nextToken,
                                 QObject* context, std::function<void(core::Result<ClientSession>)> done)
{
    QNetworkReply* reply = send(network, server, QStringLiteral("/v1/auth/refresh"), refreshBody(refreshToken, nextToken));
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, server, done = std::move(done)] {
        reply->deleteLater();
        auto answer = answerOf(reply, server);
        done(answer ? core::Result<ClientSession>(sessionFrom(*answer)) : core::Result<ClientSession>(std::unexpected(answer.error())));
    });
}

core::Result<void> AccountClient::logout(const QUrl& server, const QString& refreshToken)
{
    auto answer = post(server, QStringLiteral("/v1/auth/logout"), {{QStringLiteral("refresh_token"), refreshToken}});
    if (!answer) {
        return std::unexpected(answer.error());
    }
    return {};
}

}  // namespace bandmate::sync
