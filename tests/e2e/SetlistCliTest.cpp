// bandmate-cli setlist: import the plain-text format, read the run-sheet, export PDF (checked by
// poppler's pdfinfo and pdftotext), CSV and text, mark performed; bad files change nothing.
#include "tests/e2e/CliRunner.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>

namespace bandmate::test {
namespace {

class SetlistCliTest : public ::testing::Test {
protected:
    QString db() const { return dir.file(QStringLiteral("bandmate.sqlite")); }
    CliRun cli(QStringList args)
    {
        args.prepend(db());
        args.prepend(QStringLiteral("--db"));
        return runCli(args);
    }
    QString importShow()
    {
        // With set headers, as Bandmate writes them: the export below gives the same text back.
        writeAll(dir.file(QStringLiteral("set.txt")), "# Set: Set 1\nPedro Navaja\nPl\xC3\xA1stico\nDecisiones\n\n# Encore: Encore\nLigia Elena\n");
        const auto run = cli({QStringLiteral("--json"), QStringLiteral("setlist"), QStringLiteral("import"), dir.file(QStringLiteral("set.txt")),
                              QStringLiteral("--show"), QStringLiteral("Salsa night"), QStringLiteral("--date"), QStringLiteral("2026-12-04"),
                              QStringLiteral("--start"), QStringLiteral("21:30"), QStringLiteral("--venue"), QStringLiteral("Café Oslo")});
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        EXPECT_EQ(run.json()[QStringLiteral("songs")].toInt(), 4);
        EXPECT_EQ(run.json()[QStringLiteral("created")].toArray().size(), 4);
        return run.json()[QStringLiteral("show_id")].toString();
    }
    static CliRun tool(const QString& program, const QStringList& args)
    {
        QProcess process;
        process.start(program, args);
        EXPECT_TRUE(process.waitForFinished(60'000));
        return CliRun{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    TempDir dir;
};

TEST_F(SetlistCliTest, ImportShowAndExportEveryFormat)
{
    const QString id = importShow();
    ASSERT_FALSE(id.isEmpty());
    const auto sheet = cli({QStringLiteral("--json"), QStringLiteral("setlist"), QStringLiteral("show"), id});
    ASSERT_EQ(sheet.exitCode, 0) << sheet.err.toStdString();
    const QJsonArray sets = sheet.json()[QStringLiteral("sets")].toArray();
    ASSERT_EQ(sets.size(), 2);
    EXPECT_EQ(sets[1][QStringLiteral("kind")].toString(), QStringLiteral("encore"));
    EXPECT_EQ(sets[0][QStringLiteral("entries")][2][QStringLiteral("start")].toString(), QStringLiteral("21:38"));

    // The canonical dump holds the show, its sets and entries, and the songs the import created.
    const auto dump = cli({QStringLiteral("--json"), QStringLiteral("dump")});
    ASSERT_EQ(dump.exitCode, 0) << dump.err.toStdString();
    const QJsonObject all = dump.json();
    EXPECT_EQ(all[QStringLiteral("show")].toArray().size(), 1);
    EXPECT_EQ(all[QStringLiteral("setlist")].toArray().size(), 2);
    EXPECT_EQ(all[QStringLiteral("setlist_entry")].toArray().size(), 4);
    EXPECT_EQ(all[QStringLiteral("song")].toArray().size(), 4);
    EXPECT_EQ(cli({QStringLiteral("--json"), QStringLiteral("dump")}).out, dump.out) << "the same data prints the same text";

    const QString pdf = dir.file(QStringLiteral("band.pdf"));
    const QString stage = dir.file(QStringLiteral("stage.pdf"));
    auto exported = cli({QStringLiteral("setlist"), QStringLiteral("export"), id, QStringLiteral("--pdf"), pdf, QStringLiteral("--csv"),
                         dir.file(QStringLiteral("s.csv")), QStringLiteral("--text"), dir.file(QStringLiteral("s.txt"))});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    exported = cli({QStringLiteral("setlist"), QStringLiteral("export"), id, QStringLiteral("--pdf"), stage, QStringLiteral("--sheet"), QStringLiteral("stage")});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    // The JSON file is the same document `setlist show --json` prints, with FORMATS.md's fields.
    const QString jsonFile = dir.file(QStringLiteral("s.json"));
    ASSERT_EQ(cli({QStringLiteral("setlist"), QStringLiteral("export"), id, QStringLiteral("--json-file"), jsonFile}).exitCode, 0);
    const QJsonObject written = QJsonDocument::fromJson(readAll(jsonFile)).object();
    EXPECT_EQ(written, sheet.json());
    QStringList fields = written.keys();
    fields.sort();
    EXPECT_EQ(fields.join(QLatin1Char(',')), QStringLiteral("city,date,fee,id,name,notes,over_slot,performed_at,sets,slot_minutes,start_time,total_ms,venue,warnings"));
    const QJsonObject firstSong = written[QStringLiteral("sets")][0][QStringLiteral("entries")][0].toObject();
    QStringList songFields = firstSong.keys();
    songFields.sort();
    EXPECT_EQ(songFields.join(QLatin1Char(',')),
              QStringLiteral("artist,bpm,duration_assumed,duration_ms,id,key,kind,notes,song_id,start,title,transpose,warnings"));
    EXPECT_EQ(firstSong[QStringLiteral("start")].toString(), QStringLiteral("21:30")) << "the show starts at 21:30";
    EXPECT_TRUE(readAll(pdf).startsWith("%PDF-"));
    EXPECT_EQ(readAll(dir.file(QStringLiteral("s.txt"))), readAll(dir.file(QStringLiteral("set.txt"))));
    EXPECT_TRUE(readAll(dir.file(QStringLiteral("s.csv"))).contains("Encore,4,21:42,Ligia Elena"));
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
        GTEST_SKIP() << "poppler-utils is not installed (packaging/debian-packages.txt lists it): PDFs checked by header only";
    }
    const auto info = tool(QStringLiteral("pdfinfo"), {pdf});
    EXPECT_EQ(info.exitCode, 0) << info.err.toStdString();
    EXPECT_TRUE(info.out.contains(QRegularExpression(QStringLiteral("Pages: +1\\n")))) << info.out.toStdString();
    EXPECT_TRUE(info.out.contains(QRegularExpression(QStringLiteral("Title: +Salsa night\\n"))));
    EXPECT_TRUE(info.out.contains(QStringLiteral("(A4)")));
    const auto bandText = tool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    EXPECT_TRUE(bandText.out.contains(QStringLiteral("Plástico")));
    EXPECT_TRUE(bandText.out.contains(QStringLiteral("21:42")));
    EXPECT_TRUE(bandText.out.contains(QStringLiteral("Length")));
    const auto stageText = tool(QStringLiteral("pdftotext"), {stage, QStringLiteral("-")});
    EXPECT_TRUE(stageText.out.contains(QStringLiteral("Ligia Elena")));
    EXPECT_FALSE(stageText.out.contains(QStringLiteral("Length")));
}

TEST_F(SetlistCliTest, PerformedOnceAndBadInputChangesNothing)
{
    const QString id = importShow();
    auto performed = cli({QStringLiteral("--json"), QStringLiteral("setlist"), QStringLiteral("performed"), id});
    ASSERT_EQ(performed.exitCode, 0) << performed.err.toStdString();
    EXPECT_EQ(performed.json()[QStringLiteral("plays")].toInt(), 4);
    performed = cli({QStringLiteral("setlist"), QStringLiteral("performed"), id});
    EXPECT_EQ(performed.exitCode, 2);
    EXPECT_TRUE(performed.err.contains(QStringLiteral("already marked performed")));
    auto stats = cli({QStringLiteral("--json"), QStringLiteral("library"), QStringLiteral("stats")});
    EXPECT_EQ(stats.json()[QStringLiteral("plays")].toInt(), 4);

    writeAll(dir.file(QStringLiteral("bad.txt")), "Fine title\nBroken \xff title\n");
    const auto bad = cli({QStringLiteral("setlist"), QStringLiteral("import"), dir.file(QStringLiteral("bad.txt")), QStringLiteral("--show"), QStringLiteral("X")});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("bad.txt line 2: not UTF-8 text"))) << bad.err.toStdString();
    const auto list = cli({QStringLiteral("--json"), QStringLiteral("setlist"), QStringLiteral("list")});
    EXPECT_EQ(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 1);
    const auto unknown = cli({QStringLiteral("setlist"), QStringLiteral("export"), id, QStringLiteral("--pdf"), dir.file(QStringLiteral("x.pdf")),
                              QStringLiteral("--sheet"), QStringLiteral("poster")});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("--sheet: expected band or stage")));
    EXPECT_FALSE(QFile::exists(dir.file(QStringLiteral("x.pdf"))));
    const auto missing = cli({QStringLiteral("setlist"), QStringLiteral("show"), QStringLiteral("no-such-show")});
    EXPECT_EQ(missing.exitCode, 2);
}

}  // namespace
}  // namespace bandmate::test
