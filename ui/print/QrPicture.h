#pragma once

#include "core/util/Result.h"
#include "sync/client/QrCode.h"

#include <QImage>
#include <QString>

namespace bandmate::ui {

/// A QR code as a picture: black modules on white, `scale` pixels a module, with the four-module
/// quiet zone scanners need (shared by the app and the command line).
[[nodiscard]] QImage qrPicture(const sync::QrCode& code, int scale);

/// Writes the QR code of `text` (a link) to `path`, atomically: SVG for a .svg name, PNG (`scale`
/// pixels a module) for .png; any other name is refused.
[[nodiscard]] core::Result<void> saveQr(const QString& text, const QString& path, int scale);

}  // namespace bandmate::ui
