#include "ui/print/QrPicture.h"

#include <QBuffer>
#include <QPainter>
#include <QSaveFile>

namespace bandmate::ui {

QImage qrPicture(const sync::QrCode& code, int scale)
{
    constexpr int kQuiet = 4;
    const int side = (code.size + 2 * kQuiet) * scale;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code.size; ++y) {
        for (int x = 0; x < code.size; ++x) {
            if (code.at(x, y)) {
                painter.fillRect((x + kQuiet) * scale, (y + kQuiet) * scale, scale, scale, Qt::black);
            }
        }
    }
    return image;
}

core::Result<void> saveQr(const QString& text, const QString& path, int scale)
{
    auto code = sync::encodeQr(text.toUtf8());
    if (!code) {
        return std::unexpected(code.error());
    }
    QByteArray bytes;
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        bytes = sync::qrSvg(*code);
    } else if (path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        qrPicture(*code, scale).save(&buffer, "PNG");
    } else {
        return core::fail(core::ErrorCode::InvalidArgument, "expected a file name ending in .png or .svg", path.toStdString());
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        return core::fail(core::ErrorCode::Io, "cannot write the QR code: " + out.errorString().toStdString(), path.toStdString());
    }
    return {};
}

}  // namespace bandmate::ui
