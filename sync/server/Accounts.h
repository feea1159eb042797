#pragma once

#include "core/util/Result.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace bandmate::core::sql {
class StatementCache;
}

namespace bandmate::sync {

/// A signed-in session: an access token the client sends as "Authorization: Bearer …".
struct Session {
    QString accountId;
    QString accessToken;
    qint64 expiresAtMs = 0;
    QString refreshToken;  ///< trades for a new session once (rotation); 30 days
};

/// Accounts of the sync server: register, log in (Argon2id password hashes via libsodium, the
/// same work for unknown e-mails), short-lived access tokens and rotating refresh tokens, both
/// stored only as hashes. A refresh token used twice means it was stolen: the whole session
/// (its family of tokens) is revoked.
class Accounts {
public:
    static constexpr qint64 kAccessTokenMs = 15 * 60 * 1000;
    static constexpr qint64 kRefreshTokenMs = 30LL * 24 * 60 * 60 * 1000;
    using Clock = std::function<qint64()>;

    /// Opens (creating its tables in) the server database at `path`. One instance per thread.
    [[nodiscard]] static core::Result<std::unique_ptr<Accounts>> open(const QString& path, Clock clock = {});
    ~Accounts();
    Accounts(const Accounts&) = delete;
    Accounts& operator=(const Accounts&) = delete;

    /// A new account; the e-mail must look like one and be free, the password 10+ characters.
    [[nodiscard]] core::Result<QString> registerAccount(const QString& email, const QString& password);
    /// The one spelling of an e-mail address that accounts are stored and found by: trimmed,
    /// lower case, Unicode NFC (a composed or decomposed "é" is one address), the domain in its
    /// ASCII (IDNA, "xn--") form whether it was typed in Unicode or not.
    [[nodiscard]] static QString normalizeEmail(const QString& email);
    /// A session for the right password; the same "wrong e-mail or password" otherwise.
    [[nodiscard]] core::Result<Session> login(const QString& email, const QString& password);
    /// A new session for a refresh token, which is spent; reuse revokes the session.
    /// `nextToken`, when given, is the refresh token the client proposes to get in exchange (it
    /// keeps it before asking, so a crash or a lost answer cannot leave it holding only a spent
    /// one): asked again with the same spent token and the same unused successor, the answer is
    /// a new access token for that successor, not a revocation. Malformed: InvalidInput.
    /// When reuse ends the session, `revokedFamily` (if given) names it.
    [[nodiscard]] core::Result<Session> refresh(const QString& refreshToken, const QString& nextToken = {}, QString* revokedFamily = nullptr);
    /// Ends the session a refresh token belongs to (its access tokens too); `endedFamily` (if
    /// given) names it ("" when it had already ended).
    [[nodiscard]] core::Result<void> logout(const QString& refreshToken, QString* endedFamily = nullptr);
    /// Changes the password and ends every session of the account.
    [[nodiscard]] core::Result<void> changePassword(const QString& accountId, const QString& oldPassword, const QString& newPassword);
    /// Counts one attempt under `key` ("login-ip:…", "login-account:…") in a window of `windowMs`;
    /// when `limit` attempts were already made in this window, the seconds until it ends (the
    /// Retry-After). Kept in the database, so several server processes share the counts.
    [[nodiscard]] core::Result<std::optional<int>> limit(const QString& key, int limit, qint64 windowMs);
    /// Reads without counting: when `limit` attempts were made under `key` in its current
    /// window, the seconds until the window ends; nothing otherwise.
    [[nodiscard]] core::Result<std::optional<int>> check(const QString& key, int limit, qint64 windowMs) const;
    /// The account of a valid, unexpired access token (and when the token expires and its
    /// session's family, if asked).
    [[nodiscard]] core::Result<QString> authenticate(const QString& accessToken, qint64* expiresAtMs = nullptr, QString* family = nullptr) const;
    /// Deletes expired access tokens, expired refresh tokens of sessions that ended (a spent
    /// token of a live session stays: presented again it ends the session, as a stolen one
    /// should), and rate-limit windows a day old ("auth-known:" marks of a device that signed in,
    /// 30 days); how many rows went.
    [[nodiscard]] core::Result<int> prune();

private:
    Accounts(QString connectionName, Clock clock);
    /// An access token for the family and, when `newRefreshToken`, the refresh token
    /// `refreshToken` (a random one when empty) stored with it.
    [[nodiscard]] core::Result<Session> issue(const QString& accountId, const QString& family, const QString& refreshToken, bool newRefreshToken);
    QString m_connectionName;
    Clock m_clock;
    /// authenticate()'s statement, prepared once (it runs on every request).
    std::unique_ptr<core::sql::StatementCache> m_statements;
};

}  // namespace bandmate::sync
