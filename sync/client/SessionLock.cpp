#include "sync/client/SessionLock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QStandardPaths>

namespace bandmate::sync {

namespace {

/// A refresh is one request: a holder that keeps the lock this long has hung (or its clock
/// jumped), and the lock is taken from it.
constexpr int kStaleAfterMs = 60'000;

}  // namespace

QString SessionLock::pathFor(const QString& serverUrl)
{
    // The same folder for the app and the command line whatever their names: the runtime folder
    // (XDG_RUNTIME_DIR), else the temporary one.
    QString folder = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (folder.isEmpty()) {
        folder = QDir::tempPath();
    }
    const QByteArray hash = QCryptographicHash::hash(serverUrl.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QDir(folder).filePath(QStringLiteral("bandmate-session-%1.lock").arg(QString::fromLatin1(hash)));
}

SessionLock::SessionLock(const QString& serverUrl) : m_file(pathFor(serverUrl))
{
    m_file.setStaleLockTime(kStaleAfterMs);
}

SessionLock::~SessionLock() = default;

bool SessionLock::tryLock(int waitMs)
{
    return m_file.isLocked() || m_file.tryLock(waitMs);
}

void SessionLock::unlock()
{
    m_file.unlock();
}

}  // namespace bandmate::sync
