#include "core/storage/StorageHealth.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/util/SafeFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QHash>

#include <mutex>

namespace bandmate::core {

namespace {

std::mutex& failuresMutex()
{
    static std::mutex mutex;
    return mutex;
}

QHash<QString, StorageFailure>& failures()
{
    static QHash<QString, StorageFailure> noted;
    return noted;
}

}  // namespace

void noteStorageFailure(const QSqlDatabase& db, const Error& error, bool diskFull)
{
    if (db.driverName() != QLatin1String("QSQLITE") || (error.code != ErrorCode::ReadOnly && error.code != ErrorCode::Io)) {
        return;
    }
    const std::lock_guard lock(failuresMutex());
    if (!failures().contains(db.connectionName())) {
        failures().insert(db.connectionName(), StorageFailure{error, diskFull});
    }
}

std::optional<StorageFailure> storageFailure(const QString& connectionName)
{
    const std::lock_guard lock(failuresMutex());
    const auto found = failures().constFind(connectionName);
    return found == failures().cend() ? std::nullopt : std::optional<StorageFailure>(*found);
}

void clearStorageFailure(const QString& connectionName)
{
    const std::lock_guard lock(failuresMutex());
    failures().remove(connectionName);
}

bool belongsToDatabase(const Database& db, const QString& path)
{
    const QFileInfo candidate(path);
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        const QFileInfo own(db.path() + suffix);
        if (QDir::cleanPath(candidate.absoluteFilePath()) == QDir::cleanPath(own.absoluteFilePath())
            || (candidate.exists() && own.exists() && candidate.canonicalFilePath() == own.canonicalFilePath())) {
            return true;
        }
    }
    return false;
}

Result<void> saveDatabaseCopy(const Database& db, const QString& path)
{
    if (belongsToDatabase(db, path)) {
        return fail(ErrorCode::InvalidArgument, "that is the database itself: choose another name or place for the copy", path.toStdString());
    }
    if (QFile::exists(path)) {
        return fail(ErrorCode::InvalidArgument, "a file of that name is already there: choose another name", path.toStdString());
    }
    const QString connection = db.connection().connectionName();
    const bool noted = storageFailure(connection).has_value();
    if (auto copied = sql::exec(db.connection(), QStringLiteral("VACUUM INTO ") + sql::quoteLiteral(path)); !copied) {
        QFile::remove(path);
        if (!noted) {
            clearStorageFailure(connection);  // the copy's own disk said no, not the database's
        }
        const std::string why = diskNearlyFull(path) ? fullDiskMessage(path) : copied.error().message;
        return fail(copied.error().code, "could not save the copy: " + why, path.toStdString());
    }
    return {};
}

}  // namespace bandmate::core
