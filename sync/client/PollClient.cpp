#include "sync/client/PollClient.h"

#include "sync/client/EventStream.h"

#include <QDateTime>
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
    // What was sent is at fault (InvalidInput) only when the server says so in its own JSON
    // error (a proxy's 413 page is not the server); a session it no longer takes, a busy or
    // failing server are not the request's fault (Io: try again later).
    const bool fromServer = QJsonDocument::fromJson(body).object().contains(QStringLiteral("code"));
    const bool requestRefused = fromServer && (status == 400 || status == 409 || status == 413 || status == 422);
    return core::fail(status == 404 ? core::ErrorCode::NotFound : requestRefused ? core::ErrorCode::InvalidInput : core::ErrorCode::Io,
                      message.isEmpty() ? "the server answered " + std::to_string(status) : message.toStdString(), server.toString().toStdString());
}

/// The vote as it is stored now, when it still waits for the server (it may have been
/// changed, discarded or published since the round began); nullopt to skip it. A vote whose
/// closing time has passed is refused here: published now, it would be closed at once.
std::optional<core::setlists::FanVote> stillWaiting(core::Database& db, const QString& id, PublishReport& report)
{
    core::setlists::FanVoteRepository votes(db);
    auto vote = votes.get(id);
    if (!vote || !vote->waiting()) {
        return std::nullopt;
    }
    const qint64 closesAt = vote->request.value(QStringLiteral("closes_at")).toInteger();
    if (closesAt > 0 && closesAt <= QDateTime::currentMSecsSinceEpoch()) {
        vote->refused = QStringLiteral("its closing time has passed");
        if (auto marked = votes.markRefused(vote->id, vote->request, vote->refused); marked) {
            report.refused.append(*vote);
        }
        return std::nullopt;
    }
    return *vote;
}

/// Records what the server answered for `vote` (sent as it is) in `report` and on the vote;
/// false when the round stops there.
bool settle(core::Database& db, core::setlists::FanVote vote, const core::Result<QJsonObject>& answer, PublishReport& report)
{
    core::setlists::FanVoteRepository votes(db);
    if (answer) {
        vote.pollId = answer->value(QStringLiteral("id")).toString();
        vote.code = answer->value(QStringLiteral("code")).toString();
        vote.url = answer->value(QStringLiteral("url")).toString();
        if (auto marked = votes.markPublished(vote.id, vote.pollId, vote.code, vote.url); !marked) {
            report.stopped = marked.error();
            return false;
        }
        report.published.append(vote);
        if (answer->value(QStringLiteral("draft")).toString() == QLatin1String("changed")) {
            report.changedElsewhere.append(vote);
        }
        return true;
    }
    if (answer.error().code != core::ErrorCode::InvalidInput) {
        report.stopped = answer.error();
        return false;
    }
    vote.refused = QString::fromStdString(answer.error().message);
    if (auto marked = votes.markRefused(vote.id, vote.request, vote.refused); !marked) {
        report.stopped = marked.error();
        return false;
    }
    report.refused.append(vote);
    return true;
}

}  // namespace

PublishReport PollClient::publishWaiting(core::Database& db, const QUrl& server, const QString& token)
{
    // The asynchronous round, waited for: one way to publish, for the app and the command line.
    QNetworkAccessManager network;
    QEventLoop loop;
    std::optional<PublishReport> report;
    publishWaitingAsync(network, db, server, token, &loop, [&](PublishReport done) {
        report = std::move(done);
        loop.quit();
    });
    if (!report) {  // (a round with nothing to send ends before it could wait)
        loop.exec();
    }
    return *report;
}

void PollClient::publishWaitingAsync(QNetworkAccessManager& network, core::Database& db, const QUrl& server, const QString& token, QObject* context,
                                     std::function<void(PublishReport)> done)
{
    auto waiting = core::setlists::FanVoteRepository(db).waiting();
    auto report = std::make_shared<PublishReport>();
    if (!waiting) {
        report->stopped = waiting.error();
        done(*report);
        return;
    }
    // One at a time, in order, each read again just before it is sent: each step sends the next
    // vote when the answer to the last is kept. The request in flight holds the chain (a step
    // knows itself only weakly), so a context that goes away mid-round frees it.
    auto queue = std::make_shared<QStringList>();
    for (const auto& vote : *waiting) {
        queue->append(vote.id);
    }
    auto step = std::make_shared<std::function<void()>>();
    *step = [&network, &db, server, token, context, done = std::move(done), report, queue, self = std::weak_ptr(step)]() {
        std::optional<core::setlists::FanVote> vote;
        while (!vote && !queue->isEmpty()) {
            vote = stillWaiting(db, queue->takeFirst(), *report);
        }
        if (!vote) {
            done(*report);
            return;
        }
        callAsync(network, server, token, "POST", QStringLiteral("/v1/polls"), core::setlists::FanVoteRepository::publishRequest(*vote), context,
                  [&db, vote = *vote, report, queue, next = self.lock()](core::Result<QJsonObject> answer) {
                      if (!settle(db, vote, answer, *report)) {
                          queue->clear();
                      }
                      (*next)();
                  });
    };
    (*step)();
}

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
