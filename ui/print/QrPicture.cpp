#include "ui/print/QrPicture.h"

#include <QBuffer>
#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>

#include <algorithm>

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

void paintQrPoster(QPainter& painter, const QRectF& page, const QrPoster& poster)
{
    painter.save();
    painter.fillRect(page, Qt::white);
    painter.setPen(Qt::black);
    const qreal unit = page.width() / 100.0;  // type and gaps scale with the paper
    const auto font = [&painter, unit](qreal size, bool bold, qreal spacing = 100) {
        QFont f = painter.font();
        f.setPixelSize(std::max(1, qRound(size * unit)));
        f.setBold(bold);
        f.setLetterSpacing(QFont::PercentageSpacing, spacing);
        return f;
    };
    qreal y = page.top() + 6 * unit;
    const auto text = [&](const QString& line, const QFont& f, const QColor& color) {
        painter.setFont(f);
        painter.setPen(color);
        const QRectF area(page.left() + 8 * unit, y, page.width() - 16 * unit, page.height());
        const QRectF used = painter.boundingRect(area, Qt::AlignHCenter | Qt::TextWordWrap, line);
        painter.drawText(area, Qt::AlignHCenter | Qt::TextWordWrap, line);
        y += used.height() + 2 * unit;
    };
    if (!poster.heading.isEmpty()) {
        text(poster.heading, font(3.6, false), QColor(0x44, 0x44, 0x44));
    }
    text(poster.question, font(6.5, true), Qt::black);
    // The QR code: as large as the room left for it and the two lines under it allows, its
    // modules drawn as shapes (sharp on any printer, no image compression in a PDF), inside the
    // four-module quiet zone scanners need.
    if (auto code = sync::encodeQr(poster.link.toUtf8())) {
        constexpr int kQuiet = 4;
        const qreal below = 26 * unit;
        const qreal side = std::min(page.width() * 0.7, page.bottom() - y - below);
        if (side > 0) {
            const qreal module = side / (code->size + 2 * kQuiet);
            const QPointF origin(page.center().x() - side / 2 + kQuiet * module, y + unit + kQuiet * module);
            QPainterPath dark;
            for (int row = 0; row < code->size; ++row) {
                for (int column = 0; column < code->size; ++column) {
                    if (code->at(column, row)) {
                        dark.addRect(QRectF(origin.x() + column * module, origin.y() + row * module, module, module));
                    }
                }
            }
            painter.setRenderHint(QPainter::Antialiasing, false);
            painter.fillPath(dark.simplified(), Qt::black);
            y += unit + side + 3 * unit;
        }
    }
    text(poster.scanLine + QLatin1Char('\n') + poster.link, font(3.2, false), Qt::black);
    text(poster.codeLine, font(3.2, false), QColor(0x44, 0x44, 0x44));
    y -= 2 * unit;
    text(poster.code, font(11, true, 118), Qt::black);
    painter.restore();
}

}  // namespace bandmate::ui
