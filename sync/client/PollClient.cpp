#include "sync/client/PollClient.h"

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
    QNetworkRequest request = requestFor(server, token, QStringLiteral("/v1/polls/") + pollId + QStringLiteral("/events"));
    request.setRawHeader("Accept", "text/event-stream");
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QByteArray pending;
    QByteArray data;
    bool stopped = false;
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
            return;  // an error's body, read when it finishes
        }
        pending += reply->readAll();
        // Events end with an empty line; "data:" lines carry the JSON.
        for (qsizetype end = pending.indexOf('\n'); end >= 0 && !stopped; end = pending.indexOf('\n')) {
            const QByteArray line = pending.left(end);
            pending.remove(0, end + 1);
            if (line.startsWith("data: ")) {
                data += line.mid(6);
            } else if (line.isEmpty() && !data.isEmpty()) {
                const QJsonObject tally = QJsonDocument::fromJson(data).object();
                data.clear();
                if (!tally.isEmpty() && !onTally(tally)) {
                    stopped = true;
                    reply->abort();
                }
            }
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (stopped || status == 200) {
        return {};
    }
    return failureOf(reply, server, reply->readAll());
}

}  // namespace bandmate::sync
