#include "sync/client/SessionLock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <QDateTime>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/file.h>
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

SessionLock::SessionLock(const QString& serverUrl) : m_path(pathFor(serverUrl)), m_file(m_path)
{
    // Never taken from a holder that still runs (it may wait on a keychain prompt); a crashed
    // holder's lock is freed by Qt's check of its process.
    m_file.setStaleLockTime(0);
}

SessionLock::~SessionLock() = default;

bool SessionLock::tryLock(int waitMs)
{
    if (m_file.isLocked() || m_file.tryLock(0)) {
        return true;
    }
    // A file left empty by a killed holder would stop every sync until the next reboot.
    if (takeOverAbandoned()) {
        return true;
    }
    if (waitMs != 0 && m_file.tryLock(waitMs)) {
        return true;
    }
    return takeOverAbandoned();
}

bool SessionLock::takeOverAbandoned()
{
    if (m_file.error() != QLockFile::LockFailedError || !abandoned()) {
        return false;
    }
    // One program at a time judges and removes a lock file: under the lock Qt's own removal of
    // a stale file takes, so no two remove each other's fresh lock (both would then think they
    // hold it and trade one refresh token twice, which ends the session).
    QLockFile removing(m_path + QStringLiteral(".rmlock"));
    if (!removing.tryLock(0) || !abandoned() || !m_file.removeStaleLockFile()) {
        return false;
    }
    return m_file.tryLock(0);
}

bool SessionLock::abandoned() const
{
    qint64 pid = 0;
    QString host;
    QString application;
    if (m_file.getLockInfo(&pid, &host, &application)) {
        return false;  // a holder that says who it is: Qt checks whether it still runs
    }
    // A holder writes who it is right after making the file: one without it for a second is
    // not being written.
    const QFileInfo info(m_path);
    // (A clock set back after the crash makes the file's time lie ahead: as old, as Qt counts.)
    if (!info.exists() || qAbs(info.lastModified().msecsTo(QDateTime::currentDateTime())) < 1'000) {
        return false;
    }
#ifdef Q_OS_UNIX
    // And a holder holds a lock on the file itself (Qt takes one as it makes the file): a file
    // nobody has locked has no holder.
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    ::close(fd);  // also lets go of the lock just taken
    return free;
#else
    return true;
#endif
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
