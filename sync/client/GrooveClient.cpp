#include "sync/client/GrooveClient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrlQuery>

namespace bandmate::sync {

namespace {

/// One blocking request; the reply's status, body and the header asked for.
struct Answer {
    int status = 0;
    QByteArray body;
    QByteArray header;
    QString error;
};

Answer exchange(const QByteArray& method, const QUrl& url, const QByteArray& header = {})
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(30'000);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply* reply = network.sendCustomRequest(request, method);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.header = header.isEmpty() ? QByteArray() : reply->rawHeader(header);
    answer.error = reply->errorString();
    reply->deleteLater();
    return answer;
}

}  // namespace

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
    QUrl url = link.page();
    url.setPath(url.path() + QStringLiteral("/machine.xml"));
    const Answer answer = exchange("GET", url, "X-Bandmate-Groove");
    const std::string where = link.page().toString().toStdString();
    if (answer.status == 0) {
        return core::fail(core::ErrorCode::Io, "the server could not be reached: " + answer.error.toStdString(), where);
    }
    if (answer.status == 404) {
        return core::fail(core::ErrorCode::NotFound, "no such shared groove (check the link; its author may keep it private)", where);
    }
    if (answer.status == 410) {
        return core::fail(core::ErrorCode::InvalidInput, "its author removed this groove", where);
    }
    if (answer.status == 403) {
        return core::fail(core::ErrorCode::InvalidInput, "its author does not allow copies of this groove", where);
    }
    if (answer.status != 200) {
        return core::fail(core::ErrorCode::Io, "the server answered " + std::to_string(answer.status), where);
    }
    SharedMachine machine{answer.body, link};
    // "ID/vN": the exact version taken (a link to the latest names no version).
    const QList<QByteArray> named = answer.header.split('/');
    if (named.size() == 2 && QString::fromLatin1(named.at(0)) == link.grooveId && named.at(1).startsWith('v')) {
        machine.link.version = named.at(1).mid(1).toInt();
    }
    return machine;
}

void GrooveClient::countCopy(const SharedLink& link)
{
    QUrl url = link.server;
    url.setPath(QStringLiteral("/g/") + link.grooveId + QStringLiteral("/copy"));
    (void)exchange("POST", url);
}

}  // namespace bandmate::sync
