#include "sync/client/CredentialStore.h"

#include <QEventLoop>
#include <QRandomGenerator>

#include <qt6keychain/keychain.h>

namespace bandmate::sync {

StoredSession StoredSession::parse(const QString& stored)
{
    const QStringList parts = stored.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return {parts.value(0), parts.value(1)};
}

QString StoredSession::toString() const
{
    return nextToken.isEmpty() ? refreshToken : refreshToken + QLatin1Char(' ') + nextToken;
}

QString StoredSession::newToken()
{
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(words), sizeof words)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

namespace {

const QString kService = QStringLiteral("Bandmate sync");

/// Runs a keychain job to its end; the error in plain words when it failed.
core::Result<void> run(QKeychain::Job& job, const QString& serverUrl)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    switch (job.error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return core::fail(core::ErrorCode::NotFound, "no saved session for this server: sign in first", serverUrl.toStdString());
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return core::fail(core::ErrorCode::Io, "the keychain refused access: " + job.errorString().toStdString());
    default:
        // No backend, no session bus, a locked or missing Secret Service: all "no keychain here".
        return core::fail(core::ErrorCode::Io, "no keychain is available (" + job.errorString().toStdString() +
                                                   "), so the session is kept in memory only");
    }
}

}  // namespace

core::Result<void> CredentialStore::save(const QString& serverUrl, const QString& token)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(serverUrl);
    job.setTextData(token);
    return run(job, serverUrl);
}

core::Result<QString> CredentialStore::load(const QString& serverUrl)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(serverUrl);
    if (auto ok = run(job, serverUrl); !ok) {
        return std::unexpected(ok.error());
    }
    return job.textData();
}

core::Result<void> CredentialStore::remove(const QString& serverUrl)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(serverUrl);
    return run(job, serverUrl);
}

}  // namespace bandmate::sync
