#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace bandmate::sync {

/// One Server-Sent Events stream of the Bandmate server (GET `path` with an access token):
/// received() for every event, closed() when it ends (the server stopped, the network went, the
/// token was refused or expired). It does not reconnect: its owner opens a new one with a fresh
/// token. Runs on the thread that made it.
class EventStream : public QObject {
    Q_OBJECT
public:
    EventStream(QNetworkAccessManager& network, const QUrl& server, const QString& path, const QString& accessToken, QObject* parent = nullptr);
    ~EventStream() override;
    EventStream(const EventStream&) = delete;
    EventStream& operator=(const EventStream&) = delete;

    /// Whether the stream is open (or opening).
    [[nodiscard]] bool isOpen() const { return !m_reply.isNull(); }
    /// The HTTP status the server answered with (0 before it did, or when it could not be reached).
    [[nodiscard]] int status() const { return m_status; }

Q_SIGNALS:
    void received(const QByteArray& name, const QByteArray& data);
    void closed();

private:
    void read();
    void dispatch(const QByteArray& event);

    QPointer<QNetworkReply> m_reply;
    QByteArray m_pending;  ///< received, not yet a whole event
    int m_status = 0;
};

}  // namespace bandmate::sync
