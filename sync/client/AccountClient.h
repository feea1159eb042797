#pragma once

#include "core/util/Result.h"

#include <QString>
#include <QUrl>

namespace bandmate::sync {

/// A signed-in session as the server gave it.
struct ClientSession {
    QString accountId;
    QString accessToken;   ///< for the next 15 minutes
    QString refreshToken;  ///< what the keychain keeps: trades once for the next session
};

/// Registering and signing in against a Bandmate server over Qt Network; blocking (a local
/// event loop), for the command line and the Sync page's buttons.
class AccountClient {
public:
    [[nodiscard]] static core::Result<QString> registerAccount(const QUrl& server, const QString& email, const QString& password);
    [[nodiscard]] static core::Result<ClientSession> login(const QUrl& server, const QString& email, const QString& password);
    /// A fresh session for a refresh token (which is spent: keep the new one).
    [[nodiscard]] static core::Result<ClientSession> refresh(const QUrl& server, const QString& refreshToken);
    /// Ends the session on the server.
    [[nodiscard]] static core::Result<void> logout(const QUrl& server, const QString& refreshToken);
};

}  // namespace bandmate::sync
