#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

#include <string>

namespace bandmate::core {

/// Whether the disk holding `path` (a file or folder, existing or not) has less than
/// `bytes` free; false when that cannot be told.
[[nodiscard]] bool diskNearlyFull(const QString& path, qint64 bytes = 1024 * 1024);

/// "the disk is full (12 KB free on /media/usb)" for the disk holding `path`: what a write that
/// ran out of space says, so the musician knows which disk to clear.
[[nodiscard]] std::string fullDiskMessage(const QString& path);

/// Writes `bytes` to `path` as one step: a temporary file beside it, every byte checked and
/// synced to the disk, then renamed over it. On any failure (a full disk, a pulled USB stick)
/// the file that was there stays as it was, no temporary is left, and the error says why (a full
/// disk: which one).
[[nodiscard]] Result<void> writeFileAtomically(const QString& path, const QByteArray& bytes);

/// Reads a file the musician named as input, whole. A missing file is NotFound and a folder or a
/// file over `maxBytes` InvalidInput (bad input: exit 2 in the CLI); one that cannot be read is
/// Io. `what` names the kind of file in the messages ("machine file", "roadmap").
[[nodiscard]] Result<QByteArray> readInputFile(const QString& path, qint64 maxBytes, const std::string& what);

/// Checks a file the musician named for output before any work is done: no name, a folder, a
/// missing folder, or anything already there (never written over, nor a device or a pipe written
/// into; `existing` says so in the caller's words) is refused, InvalidArgument or NotFound,
/// `option` naming where (the path, for something already there).
[[nodiscard]] Result<void> checkNewOutputFile(const QString& path, const std::string& option, const std::string& existing);

}  // namespace bandmate::core
