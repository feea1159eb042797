#include "core/util/SafeFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QStorageInfo>

#include <algorithm>

namespace bandmate::core {

namespace {

/// The disk of `path`, found through its nearest folder that exists.
QStorageInfo diskOf(const QString& path)
{
    QFileInfo info(path);
    QString folder = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    while (!QFileInfo::exists(folder) && QDir(folder).cdUp()) {
        folder = QFileInfo(folder).absolutePath();
    }
    return QStorageInfo(folder);
}

}  // namespace

bool diskNearlyFull(const QString& path, qint64 bytes)
{
    const QStorageInfo disk = diskOf(path);
    return disk.isValid() && disk.bytesAvailable() >= 0 && disk.bytesAvailable() < bytes;
}

std::string fullDiskMessage(const QString& path)
{
    const QStorageInfo disk = diskOf(path);
    if (!disk.isValid()) {
        return "the disk is full";
    }
    return QStringLiteral("the disk is full (%1 free on %2)")
        .arg(QLocale::c().formattedDataSize(std::max<qint64>(0, disk.bytesAvailable())), disk.rootPath())
        .toStdString();
}

Result<void> commitSaveFile(QSaveFile& file)
{
    const QString path = file.fileName();
    // A short or failed write shows as the device's error (opened unbuffered, every write is
    // checked as it happens); commit() then refuses as well, and says why.
    const bool failed = file.error() != QFileDevice::NoError;
    const QString why = file.errorString();
    if (failed) {
        file.cancelWriting();
    }
    if (failed || !file.commit()) {
        const std::string reason = diskNearlyFull(path) ? fullDiskMessage(path) : (failed ? why : file.errorString()).toStdString();
        return fail(ErrorCode::Io, "could not write the file: " + reason + " (nothing was replaced)", path.toStdString());
    }
    return {};
}

Result<void> writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        return fail(ErrorCode::Io, "cannot write here: " + file.errorString().toStdString(), path.toStdString());
    }
    (void)file.write(bytes);  // a short write shows in file.error()
    return commitSaveFile(file);
}

}  // namespace bandmate::core
