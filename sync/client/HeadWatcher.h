#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace bandmate::sync {

class EventStream;

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
    [[nodiscard]] bool isOpen() const;

Q_SIGNALS:
    /// The account's newest change on the server is `headSeq` (it may be one this device sent).
    void headChanged(qint64 headSeq);
    /// The stream ended (the server stopped, the network went, or the token was refused).
    void closed();

private:
    EventStream* m_stream;
};

}  // namespace bandmate::sync
