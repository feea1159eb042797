#pragma once

#include <QByteArray>
#include <QFile>
#include <QByteArrayView>
#include <QString>
#include <QUrl>

#include <memory>

namespace bandmate::core::library {

// A file's path as the library keeps it (media_file.path) is text, but a POSIX file name is any
// bytes. Bytes that are not UTF-8 are kept losslessly as characters U+EF80..U+EFFF (byte 0x80 +
// n is U+EF80 + n, the OPTU-8 convention); a real character of that private range in a name is
// kept the same way, byte by byte, so two different names never become one path. A path that is
// valid UTF-8 (almost every path) is kept exactly as it reads.

/// The library's text for a system path's bytes (POSIX; on Windows names are UTF-16 already).
[[nodiscard]] QString pathFromBytes(QByteArrayView bytes);

/// The system path's bytes for the library's text: the inverse of pathFromBytes.
[[nodiscard]] QByteArray bytesFromPath(const QString& path);

/// The path to show a musician: kept bytes read as U+FFFD, as file managers show them.
[[nodiscard]] QString displayPath(const QString& path);

/// A file: URL that names exactly this file (kept bytes percent-encoded as themselves), for
/// players that take a URL.
[[nodiscard]] QUrl fileUrl(const QString& path);

/// Whether the path holds bytes that are not UTF-8 (so Qt's own file classes cannot name it).
[[nodiscard]] bool hasKeptBytes(const QString& path);

/// The file opened for reading by its exact bytes, for a path that hasKeptBytes (Qt cannot open
/// it by name); null when it cannot be opened (missing, no permission).
[[nodiscard]] std::unique_ptr<QFile> openKeptName(const QString& path);

}  // namespace bandmate::core::library
