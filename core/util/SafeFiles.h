#pragma once

#include "core/util/Result.h"

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

}  // namespace bandmate::core
