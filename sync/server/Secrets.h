#pragma once

#include <QByteArray>
#include <QString>

namespace bandmate::sync {

/// What the server keeps of a token (a session's, a fan's): its BLAKE2b hash in hex, so the
/// database never holds one that could be replayed.
[[nodiscard]] QString tokenHash(const QString& token);

/// 32 random bytes in base64url: a bearer token.
[[nodiscard]] QString randomToken();

/// `bytes` random bytes in lower-case base32 (RFC 4648, no padding): ids for links.
[[nodiscard]] QString randomBase32(int bytes);

/// `length` random characters from `alphabet` (uniform).
[[nodiscard]] QString randomCode(const QString& alphabet, int length);

/// HMAC-SHA256 of `message` under `key`, in base64url: a signature a page carries.
[[nodiscard]] QString signature(const QByteArray& key, const QByteArray& message);

/// Whether two signatures are equal, in time that does not depend on where they differ.
[[nodiscard]] bool sameSignature(const QString& a, const QString& b);

}  // namespace bandmate::sync
