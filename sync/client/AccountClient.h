#pragma once

#include "core/util/Result.h"

#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QObject;

namespace bandmate::sync {

/// A signed-in session as the server gave it.
struct ClientSession {
    QString accountId;
    QString accessToken;   ///< for the next 15 minutes
    QString refreshToken;  ///< what the keychain keeps: trades once for the next session
};

/// Registering and signing in against a Bandmate server over Qt Network; blocking (a local
/// event loop), for the command line and the Sync page's buttons, except refreshAsync().
class AccountClient {
public:
    [[nodiscard]] static core::Result<QString> registerAccount(const QUrl& server, const QString& email, const QString& password);
    [[nodiscard]] static core::Result<ClientSession> login(const QUrl& server, const QString& email, const QString& password);
    /// A fresh session for a refresh token (which is spent: keep the new one). `nextToken`: the
    /// successor proposed for it (StoredSession), kept before asking; the answer's refresh token
    /// is that one unless the server is older and chose its own.
    [[nodiscard]] static core::Result<ClientSession> refresh(const QUrl& server, const QString& refreshToken, const QString& nextToken = {});
    /// refresh() without waiting: `done` runs on `context`'s thread when the server has answered
    /// (not at all if `context` is gone by then). No event loop of its own.
    static void refreshAsync(QNetworkAccessManager& network, const QUrl& server, const QString& refreshToken, const QString& nextToken, QObject* context,
                             std::function<void(core::Result<ClientSession>)> done);
    /// Ends the session on the server.
    [[nodiscard]] static core::Result<void> logout(const QUrl& server, const QString& refreshToken);
};

}  // namespace bandmate::sync
