#pragma once

#include "core/util/Result.h"

#include <QString>

namespace bandmate::sync {

/// What the keychain keeps for a server: the session's refresh token and, while a trade of it
/// is on its way, the successor this computer proposed (crash-safe rotation: kept before the
/// request goes out, so a crash or a lost answer can ask again with the same pair and is not
/// taken for a stolen token). Stored as "TOKEN" or "TOKEN NEXT".
struct StoredSession {
    QString refreshToken;
    QString nextToken;

    [[nodiscard]] static StoredSession parse(const QString& stored);
    [[nodiscard]] QString toString() const;
    /// A new refresh token to propose: 32 bytes from the system's secure random source, base64url.
    [[nodiscard]] static QString newToken();
};

/// Sync sessions (the refresh token) in the operating system's keychain (Secret Service on Linux, Keychain on macOS,
/// Credential Manager on Windows) through Qt Keychain — never in the database, QSettings or logs;
/// the insecure plain-text fallback stays off. Without a keychain every call fails with
/// ErrorCode::Io saying so, and callers keep the session in memory only. Calls block until the
/// keychain answers (they run a local event loop).
class CredentialStore {
public:
    [[nodiscard]] static core::Result<void> save(const QString& serverUrl, const QString& token);
    /// The stored token; NotFound when there is none for this server.
    [[nodiscard]] static core::Result<QString> load(const QString& serverUrl);
    [[nodiscard]] static core::Result<void> remove(const QString& serverUrl);
};

}  // namespace bandmate::sync
