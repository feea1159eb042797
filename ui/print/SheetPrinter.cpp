#include "ui/print/SheetPrinter.h"

#include "core/util/SafeFiles.h"

#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QBuffer>
#include <QTextDocument>

namespace bandmate::ui {

void SheetPrinter::print(const QString& html, QPagedPaintDevice& device)
{
    device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
    QTextDocument document;
    document.setHtml(html);
    // Lay out at the printable width in points, then scale points to device pixels.
    const QRectF printable = device.pageLayout().paintRect(QPageLayout::Point);
    document.setPageSize(printable.size());
    QPainter painter(&device);
    const double scale = device.logicalDpiX() / 72.0;
    painter.scale(scale, scale);
    const int pages = document.pageCount();
    for (int page = 0; page < pages; ++page) {
        if (page > 0) {
            device.newPage();
        }
        painter.save();
        painter.translate(0, -page * printable.height());
        document.drawContents(&painter, QRectF(0, page * printable.height(), printable.width(), printable.height()));
        painter.restore();
    }
}

core::Result<void> SheetPrinter::writePdf(const QString& html, const QString& title, const QString& path)
{
    // Drawn in memory, then written as one checked step: a disk that fills up half way keeps
    // the old PDF (core::writeFileAtomically).
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&pdf);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Bandmate"));
        writer.setResolution(300);
        print(html, writer);
    }
    return core::writeFileAtomically(path, pdf.data());
}

}  // namespace bandmate::ui
