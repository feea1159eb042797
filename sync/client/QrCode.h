#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace bandmate::sync {

/// A QR code's modules (libqrencode, error correction level M: a poster may be scuffed).
struct QrCode {
    int size = 0;             ///< modules per side
    std::vector<bool> dark;   ///< row by row

    [[nodiscard]] bool at(int x, int y) const { return dark[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)]; }
};

/// The QR code of `text` (a link), or an error when it is too long for any QR version.
[[nodiscard]] core::Result<QrCode> encodeQr(const QByteArray& text);

/// The code as an SVG image: black modules on white with the 4-module quiet zone scanners need,
/// one path, crisp at any size.
[[nodiscard]] QByteArray qrSvg(const QrCode& code);

}  // namespace bandmate::sync
