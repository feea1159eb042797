#pragma once

#include "core/util/Result.h"
#include "sync/client/QrCode.h"

#include <QImage>
#include <QRectF>
#include <QString>

class QPainter;

namespace bandmate::ui {

/// A QR code as a picture: black modules on white, `scale` pixels a module, with the four-module
/// quiet zone scanners need (shared by the app and the command line).
[[nodiscard]] QImage qrPicture(const sync::QrCode& code, int scale);

/// Writes the QR code of `text` (a link) to `path`, atomically: SVG for a .svg name, PNG (`scale`
/// pixels a module) for .png; any other name is refused.
[[nodiscard]] core::Result<void> saveQr(const QString& text, const QString& path, int scale);

/// What a printed fan vote poster says (the caller translates the words).
struct QrPoster {
    QString heading;   ///< the band and the show
    QString question;
    QString link;      ///< what the QR code holds
    QString code;      ///< the short code fans may type instead
    QString scanLine;  ///< "Scan with your phone, or open" (the link follows)
    QString codeLine;  ///< "Code" (the code follows, large)
};

/// Paints a poster on one page (`page` in the painter's coordinates, a printer's or a PDF
/// writer's): the heading, the question, a QR code as large as fits and the link and code under
/// it, black on white, readable from across a room.
void paintQrPoster(QPainter& painter, const QRectF& page, const QrPoster& poster);

}  // namespace bandmate::ui
