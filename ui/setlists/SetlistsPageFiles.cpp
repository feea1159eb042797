// The Setlists page's files: importing plain text, exporting PDF sheets, CSV, JSON and text, and
// printing.

#include "ui/setlists/SetlistsPage.h"
#include "ui/setlists/SetlistsPageParts.h"

namespace bandmate::ui {

namespace sl = core::setlists;
using namespace setlistspage;

bool SetlistsPage::importFile(const QString& path, const QString& name, const QDate& date)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return report({core::ErrorCode::Io, "cannot read: " + file.errorString().toStdString(), path.toStdString()});
    }
    auto groups = sl::parseSetlistGroups(file.read(1024 * 1024 + 1));
    if (!groups) {
        core::Error error = groups.error();
        error.where = QFileInfo(path).fileName().toStdString() + (error.where.empty() ? "" : " " + error.where);
        return report(error);
    }
    sl::Show show;
    show.name = name;
    show.date = date;
    auto imported = m_repository.importText(show, *groups);
    if (!imported) {
        return report(imported.error());
    }
    m_showId = imported->showId;
    m_undo->clear();
    reload();
    QString message = tr("Imported %n song(s).", nullptr, imported->songs);
    if (!imported->createdSongs.isEmpty()) {
        message += QLatin1Char(' ') + tr("New in your library: %1.").arg(imported->createdSongs.join(QStringLiteral(", ")));
    }
    m_banner->showMessage(message, false);
    return true;
}

void SetlistsPage::askImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a setlist"), {}, tr("Plain-text setlists (*.txt);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    sl::Show show;
    show.name = QFileInfo(path).completeBaseName();
    show.date = QDate::currentDate();
    ShowDialog dialog(show, this);
    if (dialog.exec() == QDialog::Accepted) {
        importFile(path, dialog.show().name, dialog.show().date);
    }
}

bool SetlistsPage::exportTo(const QString& path, ExportFormat format)
{
    if (m_showId.isEmpty()) {
        return false;
    }
    core::Result<void> written;
    if (format == ExportFormat::BandPdf || format == ExportFormat::StagePdf) {
        const sl::SheetStyle style = format == ExportFormat::StagePdf ? sl::SheetStyle::Stage : sl::SheetStyle::Band;
        written = SheetPrinter::writePdf(sl::sheetHtml(m_plan, m_sheet, style, sheetWords()), m_plan.show.name, path,
                                         sl::sheetMinimumScale(style));
    } else {
        const QByteArray bytes = format == ExportFormat::Csv    ? sl::runSheetCsv(m_sheet).toUtf8()
                                 : format == ExportFormat::Json ? QJsonDocument(sl::showJson(m_plan, m_sheet)).toJson()
                                                                : sl::setlistText(m_sheet).toUtf8();
        if (auto saved = core::writeFileAtomically(path, bytes); !saved) {
            return report(saved.error());
        }
    }
    if (!written) {
        return report(written.error());
    }
    m_banner->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), false);
    return true;
}

void SetlistsPage::askExport(ExportFormat format)
{
    const QString base = m_plan.show.name.isEmpty() ? tr("setlist") : m_plan.show.name;
    QString suggested;
    QString filter;
    switch (format) {
    case ExportFormat::BandPdf:
        suggested = base + tr(" - band sheet") + QStringLiteral(".pdf");
        filter = tr("PDF (*.pdf)");
        break;
    case ExportFormat::StagePdf:
        suggested = base + tr(" - stage sheet") + QStringLiteral(".pdf");
        filter = tr("PDF (*.pdf)");
        break;
    case ExportFormat::Csv:
        suggested = base + QStringLiteral(".csv");
        filter = tr("CSV (*.csv)");
        break;
    case ExportFormat::Json:
        suggested = base + QStringLiteral(".json");
        filter = tr("JSON (*.json)");
        break;
    case ExportFormat::Text:
        suggested = base + QStringLiteral(".txt");
        filter = tr("Plain text (*.txt)");
        break;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), suggested, filter);
    if (!path.isEmpty()) {
        exportTo(path, format);
    }
}

void SetlistsPage::print()
{
    if (m_showId.isEmpty()) {
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(m_plan.show.name);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted) {
        SheetPrinter::print(sl::sheetHtml(m_plan, m_sheet, sl::SheetStyle::Band, sheetWords()), printer);
    }
}

sl::SheetWords SetlistsPage::sheetWords() const
{
    sl::SheetWords words;
    words.start = tr("Start", "sheet column: planned start time");
    words.title = tr("Title");
    words.key = tr("Key");
    words.bpm = tr("BPM");
    words.length = tr("Length");
    words.transpose = tr("transpose %1", "%1: +2, -3 semitones");
    words.songsTotal = [](int songs, const QString& total) { return tr("%n song(s) · total %1", nullptr, songs).arg(total); };
    words.ofSlot = tr(" of a %1-minute slot");
    words.locale = QLocale();
    return words;
}

}  // namespace bandmate::ui
