#pragma once

#include "core/util/Result.h"

#include <QString>

class QPagedPaintDevice;

namespace bandmate::ui {

/// Lays out an HTML sheet (core/setlists/SetlistFormats.h) on A4 pages with 15 mm margins.
/// Needs a QGuiApplication (the offscreen platform will do); its own small library so the
/// command line can write PDFs without linking Qt Widgets.
class SheetPrinter {
public:
    /// Writes `html` as a PDF to `path`, replacing it only when the whole file was written.
    [[nodiscard]] static core::Result<void> writePdf(const QString& html, const QString& title, const QString& path);
    /// Prints `html` on a device set up by the caller (a QPrinter from the print dialog).
    static void print(const QString& html, QPagedPaintDevice& device);
};

}  // namespace bandmate::ui
