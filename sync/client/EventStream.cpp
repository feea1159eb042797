#include "sync/client/EventStream.h"

#include "sync/protocol/Protocol.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace bandmate::sync {

namespace {

/// An event larger than this is not one of ours: the stream is dropped rather than buffered.
constexpr qsizetype kMaxEvent = 1024 * 1024;

}  // namespace

EventStream::EventStream(QNetworkAccessManager& network, const QUrl& server, const QString& path, const QString& accessToken, QObject* parent)
    : QObject(parent)
{
    QUrl url = server;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("X-Bandmate-Protocol", QByteArray::number(kProtocolMax));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    // Nothing for a minute (the server sends a comment every 20 s): the connection died quietly
    // (a laptop asleep, another network); ended, so the owner opens a new one.
    request.setTransferTimeout(60'000);
    m_reply = network.get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &EventStream::read);
    connect(m_reply, &QNetworkReply::finished, this, [this] {
        if (m_reply) {
            m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            m_reply->deleteLater();
            m_reply.clear();
        }
        Q_EMIT closed();
    });
}

EventStream::~EventStream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void EventStream::read()
{
    if (!m_reply) {
        return;
    }
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_status != 200) {
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

void EventStream::dispatch(const QByteArray& event)
{
    QByteArray name;
    QByteArray data;
    for (const QByteArray& line : event.split('\n')) {
        if (line.startsWith("event:")) {
            name = line.mid(6).trimmed();
        } else if (line.startsWith("data:")) {
            data += line.mid(5).trimmed();
        }
        // "id:", "retry:" and ":" comments need nothing here: the stream never reconnects.
    }
    if (!name.isEmpty()) {
        Q_EMIT received(name, data);
    }
}

}  // namespace bandmate::sync
