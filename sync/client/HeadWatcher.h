#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace bandmate::sync {

/// Listens to the server's stream of sync events (GET /v1/sync/events, Server-Sent Events) with
/// one access token: headChanged() whenever a push of any of the account's devices changed
/// something. It does not reconnect (the token it has expires): the owner opens a new one after
/// its next round. Runs on the thread that made it.
class HeadWatcher : public QObject {
    Q_OBJECT
public:
    HeadWatcher(QNetworkAccessManager& network, const QUrl& server, const QString& accessToken, QObject* parent = nullptr);
    ~HeadWatcher() override;
    HeadWatcher(const HeadWatcher&) = delete;
    HeadWatcher& operator=(const HeadWatcher&) = delete;

    /// Whether the stream is open (or opening).
    [[nodiscard]] bool isOpen() const { return !m_reply.isNull(); }

Q_SIGNALS:
    /// The account's newest change on the server is `headSeq` (it may be one this device sent).
    void headChanged(qint64 headSeq);
    /// The stream ended (the server stopped, the network went, or the token was refused).
    void closed();

private:
    void read();
    void dispatch(const QByteArray& event);

    QPointer<QNetworkReply> m_reply;
    QByteArray m_pending;  ///< received, not yet a whole event
};

}  // namespace bandmate::sync
