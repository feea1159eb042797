#pragma once

#include "core/util/Result.h"

#include <QString>

namespace bandmate::sync {

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
