#include "sync/client/QrCode.h"

#include <qrencode.h>

#include <memory>

namespace bandmate::sync {

namespace {

constexpr int kQuietZone = 4;

}  // namespace

core::Result<QrCode> encodeQr(const QByteArray& text)
{
    if (text.isEmpty() || text.contains('\0')) {
        return core::fail(core::ErrorCode::InvalidArgument, "nothing to encode", "QR code");
    }
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> encoded(QRcode_encodeString8bit(text.constData(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!encoded) {
        return core::fail(core::ErrorCode::InvalidArgument, "too long for a QR code", "QR code");
    }
    QrCode code;
    code.size = encoded->width;
    code.dark.resize(static_cast<size_t>(code.size) * static_cast<size_t>(code.size));
    for (size_t i = 0; i < code.dark.size(); ++i) {
        code.dark[i] = (encoded->data[i] & 1) != 0;  // bit 0: a dark module
    }
    return code;
}

QByteArray qrSvg(const QrCode& code)
{
    const int side = code.size + 2 * kQuietZone;
    QByteArray path;
    for (int y = 0; y < code.size; ++y) {
        for (int x = 0; x < code.size; ++x) {
            if (code.at(x, y)) {
                path += "M" + QByteArray::number(x + kQuietZone) + "," + QByteArray::number(y + kQuietZone) + "h1v1h-1z";
            }
        }
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + QByteArray::number(side) + " " +
           QByteArray::number(side) + "\" shape-rendering=\"crispEdges\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n<path fill=\"#000\" d=\"" + path +
           "\"/>\n</svg>\n";
}

}  // namespace bandmate::sync
