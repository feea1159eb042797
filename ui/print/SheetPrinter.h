#pragma once

#include "core/util/Result.h"

#include <QString>

class QPagedPaintDevice;
class QSizeF;
class QTextDocument;

namespace bandmate::ui {

/// Lays out an HTML sheet (core/setlists/SetlistFormats.h): a PDF on A4 pages with 15 mm
/// margins, a printer on the paper chosen for it.
/// Needs a QGuiApplication (the offscreen platform will do); its own small library so the
/// command line can write PDFs without linking Qt Widgets.
///
/// `minimumScale` below 1 fits the sheet to one page: the whole sheet shrinks in steps, no
/// further than that; what still does not fit goes on more pages, broken before a set's heading
/// (core::setlists::kSetStartAnchor) where one is on the page, and never inside a paragraph (a
/// title that wraps stays whole).
class SheetPrinter {
public:
    /// Writes `html` as a PDF to `path`, replacing it only when the whole file was written.
    [[nodiscard]] static core::Result<void> writePdf(const QString& html, const QString& title, const QString& path,
                                                     double minimumScale = 1.0);
    /// Prints `html` on a device set up by the caller (a QPrinter from the print dialog), on its
    /// paper and margins.
    static void print(const QString& html, QPagedPaintDevice& device, double minimumScale = 1.0);

    /// The pages `html` takes and the scale it is drawn at (tests).
    struct Layout {
        int pages = 0;
        double scale = 1.0;
    };
    [[nodiscard]] static Layout layout(const QString& html, double minimumScale);

private:
    static double fit(QTextDocument& document, const QSizeF& printable, double minimumScale);
};

}  // namespace bandmate::ui
