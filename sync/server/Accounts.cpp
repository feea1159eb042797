#include "sync/server/Accounts.h"

#include "sync/server/Secrets.h"
#include "sync/server/ServerDatabase.h"

#include "core/storage/Sql.h"
#include "core/storage/StatementCache.h"
#include "core/storage/Transaction.h"
#include "core/util/Uuid.h"

#include <QByteArray>
#include <QDateTime>
#include <QRegularExpression>
#include <QUrl>
#include <QSqlDatabase>
#include <QSqlError>
#include <QUuid>

#include <sodium.h>

namespace bandmate::sync {

using core::ErrorCode;
using core::fail;
namespace sql = core::sql;

namespace {

const char* const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS account (id TEXT PRIMARY KEY NOT NULL, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, "
    "created_at BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS access_token (token_hash TEXT PRIMARY KEY NOT NULL, account_id TEXT NOT NULL, family TEXT NOT NULL, "
    "expires_at BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS refresh_token (token_hash TEXT PRIMARY KEY NOT NULL, account_id TEXT NOT NULL, family TEXT NOT NULL, "
    "expires_at BIGINT NOT NULL, used INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS rate_limit (key TEXT PRIMARY KEY NOT NULL, window_start BIGINT NOT NULL, attempts INTEGER NOT NULL)",
};

/// Version 2: a spent refresh token names the token it was traded for (a client that asks again
/// with the same proposed successor, its first answer lost, gets a session and not a revocation).
const ServerSchemaUpgrades kUpgrades{"accounts_schema", {{"ALTER TABLE refresh_token ADD COLUMN successor TEXT NOT NULL DEFAULT ''"}}};

/// A refresh token a client proposes: 32+ random bytes in base64url (what randomToken() makes).
bool wellFormedToken(const QString& token)
{
    static const QRegularExpression kToken(QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_-]{43,128}")));
    return kToken.match(token).hasMatch();
}

core::Result<QString> hashPassword(const QString& password)
{
    const QByteArray bytes = password.toUtf8();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, bytes.constData(), static_cast<unsigned long long>(bytes.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return fail(ErrorCode::Internal, "out of memory hashing a password");
    }
    return QString::fromLatin1(hash);
}

bool passwordMatches(const QString& hash, const QString& password)
{
    const QByteArray stored = hash.toLatin1();
    const QByteArray bytes = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), bytes.constData(), static_cast<unsigned long long>(bytes.size())) == 0;
}

}  // namespace

Accounts::Accounts(QString connectionName, Clock clock) : m_connectionName(std::move(connectionName)), m_clock(std::move(clock)) {}

Accounts::~Accounts()
{
    // Possibly on another thread than the one that used it (a server shutting down): removing
    // the connection closes it without touching it from here. Its statements go first.
    m_statements.reset();
    QSqlDatabase::removeDatabase(m_connectionName);
}

core::Result<std::unique_ptr<Accounts>> Accounts::open(const QString& path, Clock clock)
{
    if (sodium_init() < 0) {
        return fail(ErrorCode::Internal, "libsodium could not start");
    }
    if (!clock) {
        clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    }
    const QString name = QStringLiteral("bandmate-accounts-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<Accounts> accounts(new Accounts(name, std::move(clock)));
    auto db = openServerDatabase(name, path, {kSchema[0], kSchema[1], kSchema[2], kSchema[3]}, kUpgrades);
    if (!db) {
        return std::unexpected(db.error());
    }
    accounts->m_statements = std::make_unique<core::sql::StatementCache>(*db);
    return accounts;
}

QString Accounts::normalizeEmail(const QString& email)
{
    const QString address = email.trimmed().normalized(QString::NormalizationForm_C).toLower();
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at <= 0) {
        return address;
    }
    const QByteArray ace = QUrl::toAce(address.mid(at + 1));
    return ace.isEmpty() ? address : address.left(at + 1) + QString::fromLatin1(ace).toLower();
}

core::Result<QString> Accounts::registerAccount(const QString& email, const QString& password)
{
    static const QRegularExpression kEmail(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    const QString address = normalizeEmail(email);
    const QString legacy = email.trimmed().toLower();  // how accounts were stored before normalizeEmail()
    if (!kEmail.match(address).hasMatch() || address.size() > 254) {
        return fail(ErrorCode::InvalidArgument, "this does not look like an e-mail address", "email");
    }
    if (password.size() < 10 || password.size() > 1024) {
        return fail(ErrorCode::InvalidArgument, "a password of 10 characters or more", "password");
    }
    auto hash = hashPassword(password);
    if (!hash) {
        return std::unexpected(hash.error());
    }
    const QString id = core::UuidV7Generator().next();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    auto taken = sql::scalar(db, QStringLiteral("SELECT count(*) FROM account WHERE email IN (?, ?)"), {address, legacy});
    if (!taken) {
        return std::unexpected(taken.error());
    }
    if (taken->toInt() > 0) {
        return fail(ErrorCode::InvalidArgument, "an account with this e-mail exists; sign in instead", "email");
    }
    if (auto ok = sql::exec(db, QStringLiteral("INSERT INTO account (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)"),
                            {id, address, *hash, m_clock()});
        !ok) {
        return std::unexpected(ok.error());
    }
    return id;
}

core::Result<Session> Accounts::login(const QString& email, const QString& password)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // Stored by normalizeEmail(), or (registered before it) as typed in lower case.
    auto row = sql::run(db, QStringLiteral("SELECT id, password_hash FROM account WHERE email IN (?, ?) ORDER BY email = ? DESC LIMIT 1"),
                        {normalizeEmail(email), email.trimmed().toLower(), normalizeEmail(email)});
    if (!row) {
        return std::unexpected(row.error());
    }
    QString accountId;
    QString hash;
    if (row->next()) {
        accountId = row->value(0).toString();
        hash = row->value(1).toString();
    }
    row->finish();
    // An unknown e-mail costs the same Argon2id work as a wrong password.
    static const QString kDummy = hashPassword(QStringLiteral("not a password of anyone")).value_or(QString());
    const bool matches = passwordMatches(hash.isEmpty() ? kDummy : hash, password);
    if (accountId.isEmpty() || !matches) {
        return fail(ErrorCode::NotFound, "wrong e-mail or password");
    }
    return issue(accountId, QUuid::createUuid().toString(QUuid::WithoutBraces), {}, true);
}

core::Result<Session> Accounts::issue(const QString& accountId, const QString& family, const QString& refreshToken, bool newRefreshToken)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    Session session{accountId, randomToken(), m_clock() + kAccessTokenMs, refreshToken.isEmpty() ? randomToken() : refreshToken};
    if (auto ok = sql::exec(db, QStringLiteral("INSERT INTO access_token (token_hash, account_id, family, expires_at) VALUES (?, ?, ?, ?)"),
                            {tokenHash(session.accessToken), accountId, family, session.expiresAtMs});
        !ok) {
        return std::unexpected(ok.error());
    }
    if (!newRefreshToken) {
        return session;
    }
    if (auto ok = sql::exec(db, QStringLiteral("INSERT INTO refresh_token (token_hash, account_id, family, expires_at) VALUES (?, ?, ?, ?)"),
                            {tokenHash(session.refreshToken), accountId, family, m_clock() + kRefreshTokenMs});
        !ok) {
        return std::unexpected(ok.error());
    }
    return session;
}

namespace {

core::Result<void> revokeFamily(const QSqlDatabase& db, const QString& family)
{
    if (auto ok = sql::exec(db, QStringLiteral("DELETE FROM access_token WHERE family = ?"), {family}); !ok) {
        return ok;
    }
    return sql::exec(db, QStringLiteral("DELETE FROM refresh_token WHERE family = ?"), {family});
}

}  // namespace

core::Result<Session> Accounts::refresh(const QString& refreshToken, const QString& nextToken, QString* revokedFamily)
{
    if (!nextToken.isEmpty() && !wellFormedToken(nextToken)) {
        return fail(ErrorCode::InvalidInput, "the next refresh token must be 43 to 128 base64url characters (32 random bytes or more)",
                    "next_refresh_token");
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    auto transaction = core::Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    // Locked to the commit: two servers given the same token at once see it used only once.
    auto row = sql::run(db, QStringLiteral("SELECT account_id, family, expires_at, used, successor FROM refresh_token WHERE token_hash = ?") + forUpdate(db),
                        {tokenHash(refreshToken)});
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!row->next()) {
        return fail(ErrorCode::NotFound, "not signed in, or the session ended: sign in again");
    }
    const QString accountId = row->value(0).toString();
    const QString family = row->value(1).toString();
    const bool expired = row->value(2).toLongLong() < m_clock();
    const bool used = row->value(3).toInt() != 0;
    const QString successor = row->value(4).toString();
    row->finish();
    if (used) {
        // The same trade asked again (its answer was lost, or the client died before keeping
        // it): the client proves it by the successor it proposed, which nobody has used yet.
        if (!nextToken.isEmpty() && successor == tokenHash(nextToken)) {
            auto next = sql::scalar(db, QStringLiteral("SELECT used FROM refresh_token WHERE token_hash = ? AND family = ? AND expires_at >= ?") + forUpdate(db),
                                    {successor, family, m_clock()});
            if (!next) {
                return std::unexpected(next.error());
            }
            if (!next->isNull() && next->toInt() == 0) {
                auto session = issue(accountId, family, nextToken, false);
                if (!session) {
                    return session;
                }
                if (auto committed = transaction->commit(); !committed) {
                    return std::unexpected(committed.error());
                }
                return session;
            }
        }
        // Someone holds a copy of a spent token: end the whole session, for them and for us.
        if (auto ok = revokeFamily(db, family); !ok) {
            return std::unexpected(ok.error());
        }
        if (auto committed = transaction->commit(); !committed) {
            return std::unexpected(committed.error());
        }
        if (revokedFamily != nullptr) {
            *revokedFamily = family;
        }
        return fail(ErrorCode::NotFound, "this session was used from two places and has been ended: sign in again");
    }
    if (expired) {
        return fail(ErrorCode::NotFound, "the session expired: sign in again");
    }
    const QString next = nextToken.isEmpty() ? randomToken() : nextToken;
    if (auto ok = sql::exec(db, QStringLiteral("UPDATE refresh_token SET used = 1, successor = ? WHERE token_hash = ?"), {tokenHash(next), tokenHash(refreshToken)});
        !ok) {
        return std::unexpected(ok.error());
    }
    auto session = issue(accountId, family, next, true);
    if (!session) {
        return session;
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return session;
}

core::Result<void> Accounts::logout(const QString& refreshToken, QString* endedFamily)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    auto family = sql::scalar(db, QStringLiteral("SELECT family FROM refresh_token WHERE token_hash = ?"), {tokenHash(refreshToken)});
    if (!family) {
        return std::unexpected(family.error());
    }
    if (family->isNull()) {
        return {};  // already ended: signing out twice is fine
    }
    auto revoked = revokeFamily(db, family->toString());
    if (revoked && endedFamily != nullptr) {
        *endedFamily = family->toString();
    }
    return revoked;
}

core::Result<void> Accounts::changePassword(const QString& accountId, const QString& oldPassword, const QString& newPassword)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    auto hash = sql::scalar(db, QStringLiteral("SELECT password_hash FROM account WHERE id = ?"), {accountId});
    if (!hash) {
        return std::unexpected(hash.error());
    }
    if (hash->isNull() || !passwordMatches(hash->toString(), oldPassword)) {
        return fail(ErrorCode::NotFound, "the current password is wrong");
    }
    if (newPassword.size() < 10 || newPassword.size() > 1024) {
        return fail(ErrorCode::InvalidArgument, "a password of 10 characters or more", "new_password");
    }
    auto newHash = hashPassword(newPassword);
    if (!newHash) {
        return std::unexpected(newHash.error());
    }
    auto transaction = core::Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    for (const auto& [statement, binds] : QList<std::pair<QString, QVariantList>>{
             {QStringLiteral("UPDATE account SET password_hash = ? WHERE id = ?"), {*newHash, accountId}},
             {QStringLiteral("DELETE FROM access_token WHERE account_id = ?"), {accountId}},
             {QStringLiteral("DELETE FROM refresh_token WHERE account_id = ?"), {accountId}}}) {
        if (auto ok = sql::exec(db, statement, binds); !ok) {
            return ok;
        }
    }
    return transaction->commit();
}

core::Result<std::optional<int>> Accounts::limit(const QString& key, int limit, qint64 windowMs)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    auto transaction = core::Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    const qint64 now = m_clock();
    // A new window when the old one is over; otherwise one more attempt in it.
    auto counted = sql::run(db,
                            QStringLiteral("INSERT INTO rate_limit (key, window_start, attempts) VALUES (?, ?, 1) "
                                           "ON CONFLICT (key) DO UPDATE SET "
                                           "attempts = CASE WHEN rate_limit.window_start + ? <= excluded.window_start THEN 1 ELSE rate_limit.attempts + 1 END, "
                                           "window_start = CASE WHEN rate_limit.window_start + ? <= excluded.window_start THEN excluded.window_start "
                                           "ELSE rate_limit.window_start END "
                                           "RETURNING window_start, attempts"),
                            {key, now, windowMs, windowMs});
    if (!counted) {
        return std::unexpected(counted.error());
    }
    if (!counted->next()) {
        return core::fail(ErrorCode::Internal, "rate limit row missing", key.toStdString());
    }
    const qint64 windowStart = counted->value(0).toLongLong();
    const int attempts = counted->value(1).toInt();
    counted->finish();
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    if (attempts <= limit) {
        return std::optional<int>{};
    }
    return std::optional<int>(static_cast<int>(std::max<qint64>(1, (windowStart + windowMs - now + 999) / 1000)));
}

core::Result<std::optional<int>> Accounts::check(const QString& key, int limit, qint64 windowMs) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    auto row = sql::run(db, QStringLiteral("SELECT window_start, attempts FROM rate_limit WHERE key = ?"), {key});
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!row->next()) {
        return std::optional<int>{};
    }
    const qint64 windowStart = row->value(0).toLongLong();
    const int attempts = row->value(1).toInt();
    const qint64 now = m_clock();
    if (windowStart + windowMs <= now || attempts < limit) {
        return std::optional<int>{};
    }
    return std::optional<int>(static_cast<int>(std::max<qint64>(1, (windowStart + windowMs - now + 999) / 1000)));
}

core::Result<int> Accounts::prune()
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const qint64 now = m_clock();
    int pruned = 0;
    for (const auto& [statement, before] : std::initializer_list<std::pair<const char*, qint64>>{
             {"DELETE FROM access_token WHERE expires_at < ?", now},
             // A spent token is what tells a replay from a thief: kept while its family lives.
             {"DELETE FROM refresh_token WHERE expires_at < ? AND family NOT IN "
              "(SELECT family FROM refresh_token WHERE expires_at >= ?)", now},
             {"DELETE FROM rate_limit WHERE window_start < ? AND key NOT LIKE 'auth-known:%'", now - 24LL * 3600 * 1000},
             {"DELETE FROM rate_limit WHERE window_start < ? AND key LIKE 'auth-known:%'", now - 30LL * 24 * 3600 * 1000}}) {
        const QString text = QString::fromLatin1(statement);
        auto done = sql::run(db, text, text.count(QLatin1Char('?')) == 2 ? QVariantList{before, before} : QVariantList{before});
        if (!done) {
            return std::unexpected(done.error());
        }
        pruned += done->numRowsAffected();
    }
    return pruned;
}

core::Result<QString> Accounts::authenticate(const QString& accessToken, qint64* expiresAtMs, QString* family) const
{
    QString account;
    qint64 expiresAt = -1;
    QString familyFound;
    auto row = m_statements->exec(QStringLiteral("SELECT account_id, expires_at, family FROM access_token WHERE token_hash = ?"), {tokenHash(accessToken)},
                                  [&](QSqlQuery& found) {
                                      if (found.next()) {
                                          account = found.value(0).toString();
                                          expiresAt = found.value(1).toLongLong();
                                          familyFound = found.value(2).toString();
                                      }
                                  });
    if (!row) {
        return std::unexpected(row.error());
    }
    if (account.isEmpty() || expiresAt < m_clock()) {
        return fail(ErrorCode::NotFound, "not signed in, or the session expired");
    }
    if (expiresAtMs != nullptr) {
        *expiresAtMs = expiresAt;
    }
    if (family != nullptr) {
        *family = familyFound;
    }
    return account;
}

}  // namespace bandmate::sync
