#include "core/util/SafeFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QStorageInfo>

#include <algorithm>
#include <cerrno>
#include <cstring>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace bandmate::core {

namespace {

/// Flushes what was written to `fd` to the disk itself; false (errno set) when the disk refuses.
bool syncToDisk(int fd)
{
#ifdef Q_OS_WIN
    return ::_commit(fd) == 0;
#else
    return ::fsync(fd) == 0;
#endif
}

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

Result<void> writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        return fail(ErrorCode::Io, "cannot write here: " + file.errorString().toStdString(), path.toStdString());
    }
    // Every byte written and on the disk before the rename: a short write (a disk that filled
    // up half way: Qt reports no error then), a failed one, or an error the disk only reports at
    // fsync (network and USB disks) keeps the old file. (QSaveFile::commit() syncs too, but
    // ignores what the sync says.)
    const qint64 written = file.write(bytes);
    std::string why;
    bool full = false;
    if (written != bytes.size()) {
        full = written >= 0 || file.errorString().contains(QString::fromLocal8Bit(std::strerror(ENOSPC)));
        why = written < 0 ? file.errorString().toStdString()
                          : "only " + std::to_string(written) + " of " + std::to_string(bytes.size()) + " bytes could be written";
    } else if (!syncToDisk(file.handle())) {
        full = errno == ENOSPC;
        why = std::strerror(errno);
    }
    if (!why.empty()) {
        file.cancelWriting();
        (void)file.commit();  // removes the temporary file
        return fail(ErrorCode::Io, "could not write the file: " + (full ? fullDiskMessage(path) : why) + " (nothing was replaced)", path.toStdString());
    }
    if (!file.commit()) {
        return fail(ErrorCode::Io, "could not replace the file: " + file.errorString().toStdString(), path.toStdString());
    }
    return {};
}

Result<QByteArray> readInputFile(const QString& path, qint64 maxBytes, const std::string& what)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return fail(ErrorCode::NotFound, "no such " + what, path.toStdString());
    }
    if (info.isDir()) {
        return fail(ErrorCode::InvalidInput, "this is a folder, not a " + what, path.toStdString());
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(ErrorCode::Io, "cannot read the file: " + file.errorString().toStdString(), path.toStdString());
    }
    // One byte over the limit tells a file that grew while read from one that fits.
    QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes) {
        return fail(ErrorCode::InvalidInput,
                    "the file is larger than " + QLocale::c().formattedDataSize(maxBytes, 0, QLocale::DataSizeTraditionalFormat).toStdString() +
                        "; not a " + what,
                    path.toStdString());
    }
    if (file.error() != QFileDevice::NoError) {
        return fail(ErrorCode::Io, "cannot read the file: " + file.errorString().toStdString(), path.toStdString());
    }
    return bytes;
}

Result<void> checkNewOutputFile(const QString& path, const std::string& option, const std::string& existing)
{
    if (path.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "which file? The name is empty", option);
    }
    const QFileInfo target(path);
    if (target.isDir()) {
        return fail(ErrorCode::InvalidArgument, "that is a folder, not a file", option);
    }
    if (!target.absoluteDir().exists()) {
        return fail(ErrorCode::NotFound, "the folder does not exist", option);
    }
    if (target.exists() || target.isSymLink()) {
        return fail(ErrorCode::InvalidArgument, existing, path.toStdString());
    }
    return {};
}

}  // namespace bandmate::core
