#include "ui/print/SheetPrinter.h"

#include "core/setlists/SetlistFormats.h"
#include "core/util/SafeFiles.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>

#include <utility>

#include <cmath>

namespace bandmate::ui {

namespace {

const QPageLayout kA4(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);

int pageOf(double y, double pageHeight)
{
    return static_cast<int>(std::floor(y / pageHeight));
}

/// Where a block's first line starts and its last line ends. Its lines, not its bounding
/// rectangle: the layout moves the lines of a block that meets a page's end to the next page.
std::pair<double, double> blockSpan(const QTextBlock& block)
{
    const QTextLayout* layout = block.layout();
    if (!layout || layout->lineCount() == 0) {
        const double y = layout ? layout->position().y() : 0.0;
        return {y, y};
    }
    const double top = layout->position().y() + layout->lineAt(0).y();
    const QTextLine last = layout->lineAt(layout->lineCount() - 1);
    return {top, layout->position().y() + last.y() + last.height()};
}

bool startsASet(const QTextBlock& block)
{
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        if (it.fragment().charFormat().anchorNames().contains(QLatin1String(core::setlists::kSetStartAnchor))) {
            return true;
        }
    }
    return false;
}

/// Moves to the next page what a page break would otherwise split or strand: a paragraph that
/// runs over the page's end (a wrapped title), or a set's heading left alone at the bottom. The
/// break goes before the last set heading on that page when songs come before it there (a set
/// that starts a page, or the first one under the show's line, breaks where it must instead).
void breakBetweenSets(QTextDocument& document)
{
    const double pageHeight = document.pageSize().height();
    int from = 0;  // blocks before this one are settled
    for (int guard = 0; guard < 1000; ++guard) {
        (void)document.documentLayout()->documentSize();  // lays out what changed
        QTextBlock breakBefore;
        for (QTextBlock block = document.findBlockByNumber(from); block.isValid(); block = block.next()) {
            const auto [top, bottom] = blockSpan(block);
            const int page = pageOf(top, pageHeight);
            const bool split = pageOf(bottom - 0.5, pageHeight) != page;
            const QTextBlock next = block.next();
            const bool stranded = startsASet(block) && next.isValid() && pageOf(blockSpan(next).second - 0.5, pageHeight) != page;
            const bool alreadyBreaks = block.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore;
            if ((!split && !stranded) || alreadyBreaks) {
                continue;  // fine, or taller than a page where it starts one: nothing better to do
            }
            breakBefore = block;
            const auto onThisPage = [&](const QTextBlock& b) { return b.isValid() && pageOf(blockSpan(b).first, pageHeight) == page; };
            QTextBlock heading = block.previous();
            while (onThisPage(heading) && !startsASet(heading)) {
                heading = heading.previous();
            }
            if (onThisPage(heading) && !(heading.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)) {
                // Only when songs come before it on this page: else the page would hold nothing.
                for (QTextBlock earlier = heading.previous(); onThisPage(earlier); earlier = earlier.previous()) {
                    if (earlier.blockNumber() > 0 && !startsASet(earlier)) {
                        breakBefore = heading;
                        break;
                    }
                }
            }
            break;
        }
        if (!breakBefore.isValid()) {
            return;
        }
        QTextBlockFormat format;
        format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(breakBefore).mergeBlockFormat(format);
        from = breakBefore.blockNumber();
    }
}

}  // namespace

double SheetPrinter::fit(QTextDocument& document, const QSizeF& printable, double minimumScale)
{
    double scale = 1.0;
    document.setPageSize(printable);
    // In steps of 5 %: shrinking the sheet is laying it out on a page that much larger.
    while (document.pageCount() > 1 && scale - 0.05 >= minimumScale - 1e-9) {
        scale -= 0.05;
        document.setPageSize(printable / scale);
    }
    if (minimumScale < 1.0 && document.pageCount() > 1) {
        breakBetweenSets(document);
    }
    return scale;
}

SheetPrinter::Layout SheetPrinter::layout(const QString& html, double minimumScale)
{
    QTextDocument document;
    document.setHtml(html);
    const double scale = fit(document, kA4.paintRect(QPageLayout::Point).size(), minimumScale);
    return {document.pageCount(), scale};
}

void SheetPrinter::print(const QString& html, QPagedPaintDevice& device, double minimumScale)
{
    // The paper the device has: what the musician chose in the print dialog, A4 for a PDF.
    QTextDocument document;
    document.setHtml(html);
    const double scale = fit(document, device.pageLayout().paintRect(QPageLayout::Point).size(), minimumScale);
    // Laid out in points on a page 1/scale as large; drawn scaled to device pixels.
    const QSizeF page = document.pageSize();
    QPainter painter(&device);
    painter.scale(scale * device.logicalDpiX() / 72.0, scale * device.logicalDpiY() / 72.0);
    const int pages = document.pageCount();
    for (int index = 0; index < pages; ++index) {
        if (index > 0) {
            device.newPage();
        }
        painter.save();
        painter.translate(0, -index * page.height());
        document.drawContents(&painter, QRectF(0, index * page.height(), page.width(), page.height()));
        painter.restore();
    }
}

core::Result<void> SheetPrinter::writePdf(const QString& html, const QString& title, const QString& path, double minimumScale)
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
        writer.setPageLayout(kA4);
        print(html, writer, minimumScale);
    }
    return core::writeFileAtomically(path, pdf.data());
}

}  // namespace bandmate::ui
