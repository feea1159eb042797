#include "sync/client/GrooveClient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrlQuery>

#include <optional>

namespace bandmate::sync {

QUrl SharedLink::page() const
{
    QUrl url = server;
    url.setPath(QStringLiteral("/g/") + grooveId + (version > 0 ? QStringLiteral("/v%1").arg(version) : QString()));
    return url;
}

core::Result<SharedLink> GrooveClient::parseLink(const QString& text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (url.scheme() == QLatin1String("bandmate")) {
        // bandmate://import?url=https%3A%2F%2F…  (what "Open in Bandmate" on a page links to)
        url = QUrl(QUrlQuery(url).queryItemValue(QStringLiteral("url"), QUrl::FullyDecoded), QUrl::StrictMode);
    }
    static const QRegularExpression path(QStringLiteral("^/g/([a-z2-7]{26})(?:/v([1-9][0-9]{0,5}))?(?:/.*)?$"));
    const auto match = path.match(url.path());
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty() || !match.hasMatch()) {
        return core::fail(core::ErrorCode::InvalidArgument, "not a shared groove's link (expected https://SERVER/g/ID or …/g/ID/vN)", text.left(200).toStdString());
    }
    SharedLink link;
    link.server.setScheme(url.scheme());
    link.server.setHost(url.host());
    link.server.setPort(url.port());
    link.grooveId = match.captured(1);
    link.version = match.captured(2).toInt();
    return link;
}

core::Result<SharedMachine> GrooveClient::fetch(const SharedLink& link)
{
    // The asynchronous fetch, waited for: one way to read a shared groove, for the app and the
    // command line.
    QNetworkAccessManager network;
    QEventLoop loop;
    std::optional<core::Result<SharedMachine>> result;
    fetchAsync(network, link, &loop, [&](core::Result<SharedMachine> done) {
        result = std::move(done);
        loop.quit();
    });
    if (!result) {
        loop.exec();
    }
    return *result;
}

void GrooveClient::fetchAsync(QNetworkAccessManager& network, const SharedLink& link, QObject* context,
                              std::function<void(core::Result<SharedMachine>)> done)
{
    QUrl url = link.page();
    url.setPath(url.path() + QStringLiteral("/machine.xml"));
    QNetworkRequest request(url);
    request.setTransferTimeout(30'000);
    // The machine comes from the server the link names, or not at all.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    QNetworkReply* reply = network.get(request);
    // A machine is at most 256 KiB on the server: a much larger answer is not one.
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > 1024 * 1024) {
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, link, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const std::string where = link.page().toString().toStdString();
        if (status == 0) {
            done(core::fail(core::ErrorCode::Io, "the server could not be reached: " + reply->errorString().toStdString(), where));
            return;
        }
        if (status == 404) {
            done(core::fail(core::ErrorCode::NotFound, "no such shared groove (check the link; its author may keep it private)", where));
            return;
        }
        if (status == 410) {
            done(core::fail(core::ErrorCode::InvalidInput, "its author removed this groove", where));
            return;
        }
        if (status == 403) {
            done(core::fail(core::ErrorCode::InvalidInput, "its author does not allow copies of this groove", where));
            return;
        }
        if (status != 200 || reply->error() != QNetworkReply::NoError) {
            done(core::fail(core::ErrorCode::Io, "the server answered " + std::to_string(status), where));
            return;
        }
        SharedMachine machine{reply->readAll(), link};
        // "ID/vN": the exact version taken (a link to the latest names no version). Another
        // groove, or another version than the link's, is not what was asked for.
        const QList<QByteArray> named = reply->rawHeader("X-Bandmate-Groove").split('/');
        const int version = named.size() == 2 && named.at(1).startsWith('v') ? named.at(1).mid(1).toInt() : 0;
        if (QString::fromLatin1(named.value(0)) != link.grooveId || version < 1 || (link.version > 0 && version != link.version)) {
            done(core::fail(core::ErrorCode::Io, "the server answered with another groove than the link's", where));
            return;
        }
        machine.link.version = version;
        done(std::move(machine));
    });
}

void GrooveClient::countCopyAsync(QNetworkAccessManager& network, const SharedLink& link)
{
    QUrl url = link.server;
    url.setPath(QStringLiteral("/g/") + link.grooveId + QStringLiteral("/copy"));
    QNetworkRequest request(url);
    request.setTransferTimeout(10'000);
    QNetworkReply* reply = network.post(request, QByteArray());
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

void GrooveClient::countCopy(const SharedLink& link)
{
    // The asynchronous count, waited for.
    QNetworkAccessManager network;
    QEventLoop loop;
    QObject::connect(&network, &QNetworkAccessManager::finished, &loop, &QEventLoop::quit);
    countCopyAsync(network, link);
    loop.exec();
}

}  // namespace bandmate::sync
