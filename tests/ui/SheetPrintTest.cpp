// Printed sheets as a band uses them: written to PDF by ui/print/SheetPrinter, read back with
// poppler (pdfinfo, pdftotext) and rendered to PNG with pdftoppm. The stage sheet fits one page
// and otherwise breaks between sets, never inside a title; the band sheet keeps titles of
// ordinary length on one line and wraps the notes instead.
#include "core/setlists/RunSheet.h"
#include "core/setlists/SetlistFormats.h"
#include "tests/support/TestFiles.h"
#include "ui/print/SheetPrinter.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <gtest/gtest.h>

using namespace bandmate;
using namespace bandmate::core::setlists;

namespace {

struct Printed {
    ShowPlan plan;
    QHash<QString, core::library::Song> songs;
};

/// A show whose sets hold `titles` (one list per set; the last is the encore when `encore`).
Printed show(const QList<QStringList>& sets, bool encore, const QString& notes = {})
{
    Printed out;
    out.plan.show.id = QStringLiteral("show");
    out.plan.show.name = QStringLiteral("Sábado en el club");
    out.plan.show.date = QDate(2026, 12, 12);
    int number = 0;
    for (qsizetype s = 0; s < sets.size(); ++s) {
        Setlist set;
        set.id = QStringLiteral("set-%1").arg(s);
        const bool isEncore = encore && s == sets.size() - 1;
        set.kind = isEncore ? SetKind::Encore : SetKind::Set;
        set.name = isEncore ? QStringLiteral("Encore") : QStringLiteral("Set %1").arg(s + 1);
        for (const QString& title : sets[s]) {
            core::library::Song song;
            song.id = QStringLiteral("song-%1").arg(++number);
            song.title = title;
            song.key = QStringLiteral("Am");
            song.bpm = 180;
            song.durationMs = 5 * 60 * 1000;
            out.songs.insert(song.id, song);
            SetlistEntry entry;
            entry.id = QStringLiteral("entry-%1").arg(number);
            entry.setlistId = set.id;
            entry.songId = song.id;
            entry.notes = notes;
            set.entries << entry;
        }
        out.plan.sets << set;
    }
    return out;
}

QString writeSheet(const test::TempDir& dir, const Printed& printed, SheetStyle style, const QString& name)
{
    const RunSheet sheet = computeRunSheet(printed.plan, printed.songs);
    const QString path = dir.file(name);
    auto written = ui::SheetPrinter::writePdf(sheetHtml(printed.plan, sheet, style), printed.plan.show.name, path,
                                              sheetMinimumScale(style));
    EXPECT_TRUE(written.has_value()) << written.error().toString();
    return path;
}

QString run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    EXPECT_TRUE(process.waitForFinished(60'000)) << program.toStdString();
    EXPECT_EQ(process.exitCode(), 0) << program.toStdString() << ": " << process.readAllStandardError().toStdString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

int pageCount(const QString& pdf)
{
    const auto match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(run(QStringLiteral("pdfinfo"), {pdf}));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

/// The text of one page, words separated by single spaces.
QString pageText(const QString& pdf, int page)
{
    return run(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page), pdf,
                                             QStringLiteral("-")})
        .simplified();
}

/// The height in points of the first word `word` in the PDF, as poppler measures its box.
double wordHeight(const QString& pdf, const QString& word)
{
    const QString boxes = run(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, QStringLiteral("-")});
    const auto match = QRegularExpression(QStringLiteral("yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">%1</word>")
                                              .arg(QRegularExpression::escape(word)))
                           .match(boxes);
    return match.hasMatch() ? match.captured(2).toDouble() - match.captured(1).toDouble() : 0.0;
}

/// Renders the PDF's pages to PNG beside it, or into $BANDMATE_SCREENSHOT_DIR to look at.
void renderPages(const QString& pdf)
{
    const QString folder = qEnvironmentVariableIsSet("BANDMATE_SCREENSHOT_DIR") ? qEnvironmentVariable("BANDMATE_SCREENSHOT_DIR")
                                                                                 : QFileInfo(pdf).absolutePath();
    const QString prefix = QDir(folder).filePath(QFileInfo(pdf).completeBaseName());
    run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("50"), QStringLiteral("-png"), pdf, prefix});
    EXPECT_TRUE(QFileInfo(prefix + QStringLiteral("-1.png")).size() > 1000) << prefix.toStdString();
}

const QStringList kEleven = {QStringLiteral("Pedro Navaja"), QStringLiteral("Suavemente"), QStringLiteral("Guantanamera"),
                             QStringLiteral("Llorarás"), QStringLiteral("El Cantante"), QStringLiteral("Quimbara"),
                             QStringLiteral("Vivir Mi Vida"), QStringLiteral("La Vida Es Un Carnaval"), QStringLiteral("Oye Como Va"),
                             QStringLiteral("Idilio")};

}  // namespace

TEST(SheetPrint, AnElevenSongStageSheetFitsOnePageInTypeReadableFromTwoMetres)
{
    test::TempDir dir;
    const Printed printed = show({kEleven, {QStringLiteral("Aprende A Querer Con Mi Corazón Entero")}}, true);
    const QString pdf = writeSheet(dir, printed, SheetStyle::Stage, QStringLiteral("stage.pdf"));
    EXPECT_EQ(pageCount(pdf), 1) << "taped to the floor: one page";
    const QString text = pageText(pdf, 1);
    for (const QString& title : kEleven) {
        EXPECT_TRUE(text.contains(title)) << title.toStdString();
    }
    EXPECT_TRUE(text.contains(QStringLiteral("Aprende A Querer Con Mi Corazón Entero"))) << text.toStdString();
    const auto layout = ui::SheetPrinter::layout(sheetHtml(printed.plan, computeRunSheet(printed.plan, printed.songs), SheetStyle::Stage),
                                                 sheetMinimumScale(SheetStyle::Stage));
    EXPECT_LT(layout.scale, 1.0) << "it had to shrink";
    // On paper: a capital-height word box of 21 pt type is over 21 pt tall with its descent.
    EXPECT_GE(wordHeight(pdf, QStringLiteral("Quimbara")), 21.0) << "readable from two metres";
    renderPages(pdf);
}

TEST(SheetPrint, ALongStageSheetBreaksBetweenSetsAndNeverInsideATitle)
{
    test::TempDir dir;
    QStringList first = kEleven;
    first << QStringLiteral("Aprende A Querer Con Mi Corazón Entero") << QStringLiteral("Lloraras Por Tu Error Y Tu Silencio")
          << QStringLiteral("Periódico De Ayer");
    QStringList second;
    for (int i = 1; i <= 11; ++i) {
        second << QStringLiteral("Descarga número %1 de la orquesta completa").arg(i);
    }
    const Printed printed = show({first, second, {QStringLiteral("Ponte Duro")}}, true);
    const QString pdf = writeSheet(dir, printed, SheetStyle::Stage, QStringLiteral("long-stage.pdf"));
    const int pages = pageCount(pdf);
    ASSERT_GE(pages, 2);
    QStringList texts;
    for (int page = 1; page <= pages; ++page) {
        texts << pageText(pdf, page);
    }
    EXPECT_TRUE(texts.at(1).startsWith(QStringLiteral("Set 2"))) << "page 2 starts at a set: " << texts.at(1).left(80).toStdString();
    for (const Setlist& set : printed.plan.sets) {
        for (const SetlistEntry& entry : set.entries) {
            const QString title = printed.songs.value(entry.songId).title;
            const auto whole = std::ranges::count_if(texts, [&](const QString& text) { return text.contains(title + QStringLiteral(" Am")); });
            EXPECT_EQ(whole, 1) << "a title split over two pages, or twice: " << title.toStdString();
        }
    }
    renderPages(pdf);
}

TEST(SheetPrint, TheBandSheetKeepsOrdinaryTitlesOnOneLineAndWrapsTheNotes)
{
    test::TempDir dir;
    const QString notes = QStringLiteral("Coro doble al final, el trombón entra después del puente y el bajo toca el tumbao de la grabación original");
    const Printed printed = show({kEleven, {QStringLiteral("Aprende A Querer Con Mi Corazón Entero")}}, true, notes);
    const QString pdf = writeSheet(dir, printed, SheetStyle::Band, QStringLiteral("band.pdf"));
    const QString layoutText = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QStringList titles = kEleven;
    titles << QStringLiteral("Aprende A Querer Con Mi Corazón Entero");
    for (const QString& title : titles) {
        const QRegularExpression oneLine(QStringLiteral("^.*%1.*$").arg(QRegularExpression::escape(title)),
                                         QRegularExpression::MultilineOption);
        EXPECT_TRUE(oneLine.match(layoutText).hasMatch()) << "not on one line: " << title.toStdString() << "\n" << layoutText.toStdString();
    }
    EXPECT_TRUE(layoutText.contains(QStringLiteral("tumbao"))) << "the notes are there, wrapped";
    renderPages(pdf);
}

TEST(SheetPrint, AOneSetGigLongerThanAPageFillsPageOneAndBreaksBetweenTitles)
{
    test::TempDir dir;
    QStringList titles;
    for (int i = 1; i <= 34; ++i) {
        titles << QStringLiteral("Tema %1 del repertorio bailable").arg(i);
    }
    const Printed printed = show({titles}, false);
    const QString pdf = writeSheet(dir, printed, SheetStyle::Stage, QStringLiteral("one-set.pdf"));
    const int pages = pageCount(pdf);
    ASSERT_GE(pages, 2);
    const QString first = pageText(pdf, 1);
    EXPECT_TRUE(first.contains(QStringLiteral("Tema 1 del repertorio bailable Am"))) << "page 1 holds songs: " << first.toStdString();
    int onPages = 0;
    for (int page = 1; page <= pages; ++page) {
        const QString text = pageText(pdf, page);
        for (const QString& title : titles) {
            onPages += text.contains(title + QStringLiteral(" Am")) ? 1 : 0;
        }
    }
    EXPECT_EQ(onPages, titles.size()) << "every title whole on one page";
    renderPages(pdf);
}
