#include "core/storage/StorageHealth.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"

#include <QFile>
#include <QHash>

#include <mutex>

namespace bandmate::core {

namespace {

std::mutex& failuresMutex()
{
    static std::mutex mutex;
    return mutex;
}

QHash<QString, Error>& failures()
{
    static QHash<QString, Error> noted;
    return noted;
}

}  // namespace

void noteStorageFailure(const QString& connectionName, const Error& error)
{
    const std::lock_guard lock(failuresMutex());
    if (!failures().contains(connectionName)) {
        failures().insert(connectionName, error);
    }
}

std::optional<Error> storageFailure(const QString& connectionName)
{
    const std::lock_guard lock(failuresMutex());
    const auto found = failures().constFind(connectionName);
    return found == failures().cend() ? std::nullopt : std::optional<Error>(*found);
}

void clearStorageFailure(const QString& connectionName)
{
    const std::lock_guard lock(failuresMutex());
    failures().remove(connectionName);
}

Result<void> saveDatabaseCopy(const Database& db, const QString& path)
{
    if (QFile::exists(path)) {
        return fail(ErrorCode::InvalidArgument, "a file of that name is already there: choose another name", path.toStdString());
    }
    if (auto copied = sql::exec(db.connection(), QStringLiteral("VACUUM INTO ") + sql::quoteLiteral(path)); !copied) {
        QFile::remove(path);
        return fail(copied.error().code, "could not save the copy: " + copied.error().message, path.toStdString());
    }
    return {};
}

}  // namespace bandmate::core
