#include "ui/print/QrPicture.h"

#include "core/util/SafeFiles.h"

#include <QBuffer>
#include <QFont>
#include <QPainter>
#include <QPainterPath>

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
    return core::writeFileAtomically(path, bytes);
}

void paintQrPoster(QPainter& painter, const QRectF& page, const QrPoster& poster)
{
    painter.save();
    painter.fillRect(page, Qt::white);
    const qreal unit = std::min(page.width(), page.height() * 0.75) / 100.0;  // type and gaps scale with the paper
    const auto font = [&painter, unit](qreal size, bool bold, qreal spacing = 100) {
        QFont f = painter.font();
        f.setPixelSize(std::max(1, qRound(size * unit)));
        f.setBold(bold);
        f.setLetterSpacing(QFont::PercentageSpacing, spacing);
        return f;
    };
    const QRectF column(page.left() + 8 * unit, page.top(), page.width() - 16 * unit, page.height());
    // One block of text: its height in the column (measured), and drawn at `y` when `draw`.
    // A link has no spaces to wrap at: it wraps anywhere.
    struct Line {
        QString text;
        QFont font;
        QColor color;
        int flags = Qt::AlignHCenter | Qt::TextWordWrap;
    };
    const auto height = [&painter, &column](const Line& line) {
        painter.setFont(line.font);
        return painter.boundingRect(QRectF(column.left(), 0, column.width(), 1e6), line.flags, line.text).height();
    };
    const auto draw = [&painter, &column, &height](const Line& line, qreal& y) {
        const qreal h = height(line);
        painter.setPen(line.color);
        painter.drawText(QRectF(column.left(), y, column.width(), h), line.flags, line.text);
        y += h;
    };
    const QColor grey(0x44, 0x44, 0x44);
    const Line heading{poster.heading, font(3.6, false), grey};
    const Line scan{poster.scanLine, font(3.2, false), Qt::black};
    const Line link{poster.link, font(3.2, false), Qt::black, Qt::AlignHCenter | Qt::TextWrapAnywhere};
    const Line codeLine{poster.codeLine, font(3.2, false), grey};
    const Line code{poster.code, font(11, true, 118), Qt::black};
    const qreal under = height(scan) + height(link) + 2 * unit + height(codeLine) + height(code) + 4 * unit;
    // The question as large as leaves the QR code at least a third of the page's width.
    auto code2d = sync::encodeQr(poster.link.toUtf8());
    Line question{poster.question, font(6.5, true), Qt::black};
    qreal side = 0;
    for (const qreal size : {6.5, 5.0, 4.0, 3.2}) {
        question.font = font(size, true);
        const qreal above = 6 * unit + (poster.heading.isEmpty() ? 0 : height(heading) + 2 * unit) + height(question) + 3 * unit;
        side = std::min(page.width() * 0.7, page.height() - above - under);
        if (side >= page.width() / 3) {
            break;
        }
    }
    qreal y = page.top() + 6 * unit;
    if (!poster.heading.isEmpty()) {
        draw(heading, y);
        y += 2 * unit;
    }
    draw(question, y);
    y += 2 * unit;
    // The QR code's modules drawn as shapes (sharp on any printer, no image compression in a
    // PDF), inside the four-module quiet zone scanners need.
    if (code2d && side > 0) {
        constexpr int kQuiet = 4;
        const qreal module = side / (code2d->size + 2 * kQuiet);
        const QPointF origin(page.center().x() - side / 2 + kQuiet * module, y + kQuiet * module);
        QPainterPath dark;
        for (int row = 0; row < code2d->size; ++row) {
            for (int columnIndex = 0; columnIndex < code2d->size; ++columnIndex) {
                if (code2d->at(columnIndex, row)) {
                    dark.addRect(QRectF(origin.x() + columnIndex * module, origin.y() + row * module, module, module));
                }
            }
        }
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.fillPath(dark.simplified(), Qt::black);
        y += side + unit;
    }
    draw(scan, y);
    draw(link, y);
    y += 2 * unit;
    draw(codeLine, y);
    draw(code, y);
    painter.restore();
}

}  // namespace bandmate::ui
