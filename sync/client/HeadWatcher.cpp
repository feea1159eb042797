#include "sync/client/HeadWatcher.h"

#include "sync/protocol/Protocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace bandmate::sync {

namespace {

/// An event larger than this is not one of ours: the stream is dropped rather than buffered.
constexpr qsizetype kMaxEvent = 64 * 1024;

}  // namespace

HeadWatcher::HeadWatcher(QNetworkAccessManager& network, const QUrl& server, const QString& accessToken, QObject* parent) : QObject(parent)
{
    QUrl url = server;
    url.setPath(QStringLiteral("/v1/sync/events"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("X-Bandmate-Protocol", QByteArray::number(kProtocolMax));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    // Nothing for a minute (the server sends a comment every 20 s): the connection died quietly
    // (a laptop asleep, another network); ended, so the next round opens a new one.
    request.setTransferTimeout(60'000);
    m_reply = network.get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &HeadWatcher::read);
    connect(m_reply, &QNetworkReply::finished, this, [this] {
        if (m_reply) {
            m_reply->deleteLater();
            m_reply.clear();
        }
        Q_EMIT closed();
    });
}

HeadWatcher::~HeadWatcher()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HeadWatcher::read()
{
    if (!m_reply) {
        return;
    }
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        m_reply->abort();  // refused (an expired token, an older server): finished() follows
        return;
    }
    m_pending += m_reply->readAll();
    m_pending.replace("\r\n", "\n");
    for (qsizetype end = m_pending.indexOf("\n\n"); end >= 0; end = m_pending.indexOf("\n\n")) {
        dispatch(m_pending.left(end));
        m_pending.remove(0, end + 2);
    }
    if (m_pending.size() > kMaxEvent) {
        m_reply->abort();
    }
}

void HeadWatcher::dispatch(const QByteArray& event)
{
    QByteArray name;
    QByteArray data;
    for (const QByteArray& line : event.split('\n')) {
        if (line.startsWith("event:")) {
            name = line.mid(6).trimmed();
        } else if (line.startsWith("data:")) {
            data += line.mid(5).trimmed();
        }
        // "id:", "retry:" and ":" comments need nothing here: the watcher never reconnects.
    }
    if (name != "head") {
        return;
    }
    const QJsonObject json = QJsonDocument::fromJson(data).object();
    const qint64 head = json.value(QStringLiteral("head_seq")).toInteger(-1);
    if (head >= 0) {
        Q_EMIT headChanged(head);
    }
}

}  // namespace bandmate::sync
