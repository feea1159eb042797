#include "sync/client/HeadWatcher.h"

#include "sync/client/EventStream.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace bandmate::sync {

HeadWatcher::HeadWatcher(QNetworkAccessManager& network, const QUrl& server, const QString& accessToken, QObject* parent)
    : QObject(parent), m_stream(new EventStream(network, server, QStringLiteral("/v1/sync/events"), accessToken, this))
{
    connect(m_stream, &EventStream::received, this, [this](const QByteArray& name, const QByteArray& data) {
        if (name != "head") {
            return;
        }
        const qint64 head = QJsonDocument::fromJson(data).object().value(QStringLiteral("head_seq")).toInteger(-1);
        if (head >= 0) {
            Q_EMIT headChanged(head);
        }
    });
    connect(m_stream, &EventStream::closed, this, &HeadWatcher::closed);
}

HeadWatcher::~HeadWatcher() = default;

bool HeadWatcher::isOpen() const
{
    return m_stream->isOpen();
}

}  // namespace bandmate::sync
