#include "sync/client/SessionLock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace bandmate::sync {

QString SessionLock::pathFor(const QString& serverUrl)
{
    // One folder for the app and every bandmate-cli of this user, whatever their environment
    // (a CLI run from cron or over ssh may have no XDG_RUNTIME_DIR).
    QString folder;
#ifdef Q_OS_UNIX
    const QString uid = QString::number(::getuid());
    if (QFileInfo(QStringLiteral("/run/user/") + uid).isDir()) {
        folder = QStringLiteral("/run/user/") + uid;
    } else {
        folder = QStringLiteral("/tmp/bandmate-") + uid;
        QDir().mkpath(folder);
        if (QFileInfo(folder).ownerId() != ::getuid()) {
            folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);  // not ours: someone else made it
            QDir().mkpath(folder);
        } else {
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
    }
#else
    folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    QDir().mkpath(folder);
#endif
    const QByteArray hash = QCryptographicHash::hash(serverUrl.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QDir(folder).filePath(QStringLiteral("bandmate-session-%1.lock").arg(QString::fromLatin1(hash)));
}

SessionLock::SessionLock(const QString& serverUrl) : m_file(pathFor(serverUrl))
{
    // Never taken from a holder that still runs (it may wait on a keychain prompt); a crashed
    // holder's lock is freed by Qt's check of its process.
    m_file.setStaleLockTime(0);
}

SessionLock::~SessionLock() = default;

bool SessionLock::tryLock(int waitMs)
{
    return m_file.isLocked() || m_file.tryLock(waitMs);
}

QString SessionLock::problem() const
{
    switch (m_file.error()) {
    case QLockFile::NoError:
    case QLockFile::LockFailedError:
        return {};
    case QLockFile::PermissionError:
        return QStringLiteral("cannot make the sync lock file %1 (no permission)").arg(m_file.fileName());
    case QLockFile::UnknownError:
        break;
    }
    return QStringLiteral("cannot make the sync lock file %1").arg(m_file.fileName());
}

void SessionLock::unlock()
{
    m_file.unlock();
}

}  // namespace bandmate::sync
