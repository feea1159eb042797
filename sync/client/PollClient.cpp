#include "sync/client/PollClient.h"

#include "sync/client/EventStream.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace bandmate::sync {

namespace {

QNetworkRequest requestFor(const QUrl& server, const QString& token, const QString& path)
{
    QUrl url = server;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    return request;
}

core::Result<void> failureOf(QNetworkReply* reply, const QUrl& server, const QByteArray& body)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        return core::fail(core::ErrorCode::Io, "the server could not be reached: " + reply->errorString().toStdString(), server.toString().toStdString());
    }
    const QString message = QJsonDocument::fromJson(body).object().value(QStringLiteral("message")).toString();
    return core::fail(status == 404 ? core::ErrorCode::NotFound : core::ErrorCode::InvalidInput,
                      message.isEmpty() ? "the server answered " + std::to_string(status) : message.toStdString(), server.toString().toStdString());
}

}  // namespace

core::Result<QJsonObject> PollClient::call(const QUrl& server, const QString& token, const QByteArray& method, const QString& path, const QJsonObject& body)
{
    QNetworkAccessManager network;
    QNetworkRequest request = requestFor(server, token, path);
    request.setTransferTimeout(30'000);
    QNetworkReply* reply = network.sendCustomRequest(request, method, method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const QByteArray answer = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status >= 300) {
        return std::unexpected(failureOf(reply, server, answer).error());
    }
    return QJsonDocument::fromJson(answer).object();
}

core::Result<void> PollClient::follow(const QUrl& server, const QString& token, const QString& pollId, const std::function<bool(const QJsonObject&)>& onTally)
{
    QNetworkAccessManager network;
    EventStream stream(network, server, QStringLiteral("/v1/polls/") + pollId + QStringLiteral("/events"), token);
    QEventLoop loop;
    bool stopped = false;
    QObject::connect(&stream, &EventStream::received, &loop, [&](const QByteArray& name, const QByteArray& data) {
        const QJsonObject tally = QJsonDocument::fromJson(data).object();
        if (name == "tally" && !tally.isEmpty() && !stopped && !onTally(tally)) {
            stopped = true;
            loop.quit();
        }
    });
    QObject::connect(&stream, &EventStream::closed, &loop, &QEventLoop::quit);
    loop.exec();
    if (stopped || stream.status() == 200) {
        return {};
    }
    if (stream.status() == 0) {
        return core::fail(core::ErrorCode::Io, "the server could not be reached", server.toString().toStdString());
    }
    return core::fail(stream.status() == 404 ? core::ErrorCode::NotFound : core::ErrorCode::InvalidInput,
                      stream.status() == 404 ? "no such poll" : "the server answered " + std::to_string(stream.status()), pollId.toStdString());
}

void PollClient::callAsync(QNetworkAccessManager& network, const QUrl& server, const QString& token, const QByteArray& method, const QString& path,
                           const QJsonObject& body, QObject* context, std::function<void(core::Result<QJsonObject>)> done)
{
    QNetworkRequest request = requestFor(server, token, path);
    request.setTransferTimeout(30'000);
    QNetworkReply* reply = network.sendCustomRequest(request, method, method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, server, done = std::move(done)] {
        reply->deleteLater();
        const QByteArray answer = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status < 200 || status >= 300) {
            done(std::unexpected(failureOf(reply, server, answer).error()));
            return;
        }
        done(QJsonDocument::fromJson(answer).object());
    });
}

}  // namespace bandmate::sync
