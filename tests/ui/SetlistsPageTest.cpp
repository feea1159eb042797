// The Setlists page driven like a user: add songs from the library, drag and key them into
// order, undo, edit, export, import and mark a show performed — on a real database.
#include "core/library/Songs.h"
#include "core/setlists/Setlists.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"
#include "ui/setlists/RunSheetTree.h"
#include "ui/setlists/SetlistsPage.h"
#include "ui/shell/Language.h"

#include <QApplication>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QProcess>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace bandmate;
namespace sl = core::setlists;

namespace {

class SetlistsPageTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_db = test::openTestDatabase(m_dir, QStringLiteral("sets.sqlite"));
        ASSERT_NE(m_db, nullptr);
        core::library::SongRepository songs(*m_db);
        const auto add = [&](const QString& title, const QString& key, double bpm, int seconds) {
            core::library::Song song;
            song.title = title;
            song.artist = QStringLiteral("Celia Cruz");
            song.key = key;
            song.bpm = bpm;
            song.durationMs = seconds * 1000LL;
            return songs.save(song).value();
        };
        quimbara = add(QStringLiteral("Quimbara"), QStringLiteral("C"), 150, 248);
        carnaval = add(QStringLiteral("La vida es un carnaval"), QStringLiteral("Gm"), 100, 276);
        bemba = add(QStringLiteral("Bemba colorá"), QStringLiteral("Am"), 140, 300);
        sl::SetlistRepository repository(*m_db);
        sl::Show show;
        show.name = QStringLiteral("Friday");
        show.date = QDate(2026, 12, 4);
        show.startTime = QTime(21, 0);
        show.slotMinutes = 10;
        showId = repository.saveShow(show).value();
        setId = repository.addSet(showId, QStringLiteral("Set 1")).value();
        m_page = std::make_unique<ui::SetlistsPage>(*m_db);
        m_page->resize(1280, 800);
        m_page->show();
        ASSERT_EQ(m_page->currentShowId(), showId);
    }

    /// The titles of the run-sheet, set by set ("Set 1: A, B | Encore: C").
    QString layout() const
    {
        QStringList sets;
        auto* tree = m_page->runSheet();
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            QStringList titles;
            for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j) {
                titles << tree->topLevelItem(i)->child(j)->text(ui::RunSheetTree::Title);
            }
            sets << tree->topLevelItem(i)->text(0).section(QStringLiteral(" · "), 0, 0) + QStringLiteral(": ") + titles.join(QStringLiteral(", "));
        }
        return sets.join(QStringLiteral(" | "));
    }

    void select(const QString& title)
    {
        auto* tree = m_page->runSheet();
        const auto items = tree->findItems(title, Qt::MatchExactly | Qt::MatchRecursive, ui::RunSheetTree::Title);
        ASSERT_EQ(items.size(), 1) << title.toStdString();
        tree->setCurrentItem(items.first());
    }

    test::TempDir m_dir;
    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<ui::SetlistsPage> m_page;
    QString quimbara, carnaval, bemba, showId, setId;
};

TEST_F(SetlistsPageTest, UndoingTheFirstSongOfAShowWithoutSetsTakesTheSetMadeForItToo)
{
    sl::SetlistRepository repository(*m_db);
    sl::Show bare;
    bare.name = QStringLiteral("Saturday");
    bare.date = QDate(2026, 12, 5);
    const QString bareId = repository.saveShow(bare).value();
    m_page->reload();
    ASSERT_TRUE(m_page->selectShow(bareId));
    ASSERT_EQ(m_page->runSheet()->topLevelItemCount(), 0);
    ASSERT_TRUE(m_page->addSongByText(QStringLiteral("Quimbara")));
    EXPECT_EQ(layout(), QStringLiteral("Set 1: Quimbara"));
    m_page->undoStack()->undo();
    EXPECT_EQ(layout(), QString()) << "no empty Set 1 left behind";
    EXPECT_TRUE(repository.plan(bareId)->sets.isEmpty());
    m_page->undoStack()->redo();
    EXPECT_EQ(layout(), QStringLiteral("Set 1: Quimbara"));
}

TEST_F(SetlistsPageTest, TypingATitleAddsTheSongAndUndoTakesItBack)
{
    auto* adder = m_page->findChild<QLineEdit*>(QStringLiteral("songAdder"));
    ASSERT_NE(adder, nullptr);
    adder->setFocus();
    QTest::keyClicks(adder, QStringLiteral("quimbara"));
    QTest::keyClick(adder, Qt::Key_Return);
    EXPECT_TRUE(adder->text().isEmpty());
    ASSERT_TRUE(m_page->addSongByText(QStringLiteral("La vida es un carnaval — Celia Cruz")));
    EXPECT_EQ(layout(), QStringLiteral("Set 1: Quimbara, La vida es un carnaval"));
    EXPECT_TRUE(m_page->summaryText().startsWith(QStringLiteral("2 songs · total 8:44 of 10 min — 1:16 to spare"))) << m_page->summaryText().toStdString();
    // Planned start of the second song.
    EXPECT_EQ(m_page->runSheet()->topLevelItem(0)->child(1)->text(ui::RunSheetTree::Start), QStringLiteral("21:04"));

    m_page->undoStack()->undo();
    EXPECT_EQ(layout(), QStringLiteral("Set 1: Quimbara"));
    m_page->undoStack()->redo();
    EXPECT_EQ(layout(), QStringLiteral("Set 1: Quimbara, La vida es un carnaval"));
    // Redo brings back the same entry, not a copy.
    EXPECT_EQ(core::sql::scalar(m_db->connection(), QStringLiteral("SELECT count(*) FROM setlist_entry"))->toInt(), 2);

    // A title the library does not know becomes a song, and the page says so.
    ASSERT_TRUE(m_page->addSongByText(QStringLiteral("Guantanamera")));
    EXPECT_TRUE(m_page->bannerText().contains(QStringLiteral("added it as a new song")));
    EXPECT_EQ(core::library::SongRepository(*m_db).search(QStringLiteral("title:Guantanamera"))->size(), 1);
}

TEST_F(SetlistsPageTest, KeysAndDropsReorderAndUndoPutsBack)
{
    for (const QString& title : {QStringLiteral("Quimbara"), QStringLiteral("La vida es un carnaval"), QStringLiteral("Bemba colorá")}) {
        ASSERT_TRUE(m_page->addSongByText(title));
    }
    ASSERT_TRUE(m_page->addSet(sl::SetKind::Encore));
    EXPECT_EQ(layout(), QStringLiteral("Set 1: Quimbara, La vida es un carnaval, Bemba colorá | Encore: "));
    select(QStringLiteral("Bemba colorá"));
    QApplication::setActiveWindow(m_page.get());
    m_page->runSheet()->setFocus();
    QTest::keyClick(m_page->runSheet(), Qt::Key_Up, Qt::AltModifier);
    EXPECT_EQ(layout(), QStringLiteral("Set 1: Quimbara, Bemba colorá, La vida es un carnaval | Encore: "));
    select(QStringLiteral("La vida es un carnaval"));
    ASSERT_TRUE(m_page->moveSelected(1));  // past the set's end: into the encore
    EXPECT_EQ(layout(), QStringLiteral("Set 1: Quimbara, Bemba colorá | Encore: La vida es un carnaval"));
    m_page->undoStack()->undo();
    m_page->undoStack()->undo();
    EXPECT_EQ(layout(), QStringLiteral("Set 1: Quimbara, La vida es un carnaval, Bemba colorá | Encore: "));

    // A real drop: Quimbara dragged onto the lower half of Bemba colorá lands after it.
    auto* tree = m_page->runSheet();
    select(QStringLiteral("Quimbara"));
    QTreeWidgetItem* target = tree->findItems(QStringLiteral("Bemba colorá"), Qt::MatchExactly | Qt::MatchRecursive, ui::RunSheetTree::Title).first();
    const QRect rect = tree->visualItemRect(target);
    const QPoint point(rect.center().x(), rect.bottom() - 1);
    std::unique_ptr<QMimeData> mime(tree->model()->mimeData(tree->selectionModel()->selectedIndexes()));
    QDragEnterEvent enter(point, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tree->viewport(), &enter);
    QDragMoveEvent move(point, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tree->viewport(), &move);
    QDropEvent drop(QPointF(point), Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tree->viewport(), &drop);
    EXPECT_EQ(layout(), QStringLiteral("Set 1: La vida es un carnaval, Bemba colorá, Quimbara | Encore: "));

    // The drop rules without the mouse: above a set title = the end of the set before it.
    QString parent;
    QString before;
    select(QStringLiteral("Quimbara"));
    ASSERT_TRUE(tree->resolveDrop(tree->currentItem(), tree->topLevelItem(1), ui::RunSheetTree::DropPlace::Above, parent, before));
    EXPECT_EQ(parent, setId);
    EXPECT_TRUE(before.isEmpty());
}

TEST_F(SetlistsPageTest, RemovingASetAndUndoBringsItsSongsBack)
{
    ASSERT_TRUE(m_page->addSongByText(QStringLiteral("Quimbara")));
    ASSERT_TRUE(m_page->addBreak(5 * 60'000));
    ASSERT_TRUE(m_page->addSongByText(QStringLiteral("Bemba colorá")));
    EXPECT_EQ(layout(), QStringLiteral("Set 1: Quimbara, — Break —, Bemba colorá"));
    EXPECT_EQ(m_page->runSheet()->topLevelItem(0)->child(2)->text(ui::RunSheetTree::Start), QStringLiteral("21:09"));
    // Over the 10-minute slot: the page warns.
    EXPECT_TRUE(m_page->findChild<QLabel*>(QStringLiteral("runSheetWarnings"))->text().contains(QStringLiteral("over the 10-minute slot")));
    m_page->runSheet()->setCurrentItem(m_page->runSheet()->topLevelItem(0));
    ASSERT_TRUE(m_page->removeSelected());
    EXPECT_EQ(layout(), QString());
    m_page->undoStack()->undo();
    EXPECT_EQ(layout(), QStringLiteral("Set 1: Quimbara, — Break —, Bemba colorá"));
}

TEST_F(SetlistsPageTest, PrintedSheetsSpeakTheInterfacesLanguage)
{
    ASSERT_TRUE(m_page->addSongByText(QStringLiteral("Quimbara")));
    ASSERT_TRUE(m_page->addSongByText(QStringLiteral("La vida es un carnaval")));
    struct Expected {
        const char* code;
        QStringList words;
    };
    for (const Expected& language : {Expected{"es", {QStringLiteral("Título"), QStringLiteral("Duración"), QStringLiteral("2 canciones · total"),
                                                      QStringLiteral("vie 4 dic 2026")}},
                                     Expected{"nb", {QStringLiteral("Tittel"), QStringLiteral("Lengde"), QStringLiteral("2 sanger · totalt"),
                                                      QStringLiteral("fre. 4 des. 2026")}}}) {
        ui::Translations translations;
        ASSERT_TRUE(translations.install(QString::fromLatin1(language.code)));
        for (const auto format : {ui::SetlistsPage::ExportFormat::BandPdf, ui::SetlistsPage::ExportFormat::StagePdf}) {
            const QString pdf = m_dir.file(QStringLiteral("%1-%2.pdf").arg(QLatin1String(language.code)).arg(static_cast<int>(format)));
            ASSERT_TRUE(m_page->exportTo(pdf, format));
            QProcess text;
            text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
            ASSERT_TRUE(text.waitForFinished(30'000));
            const QString printed = QString::fromUtf8(text.readAllStandardOutput()).simplified();
            EXPECT_TRUE(printed.contains(QStringLiteral("La vida es un carnaval"))) << printed.toStdString();
            const QStringList words = format == ui::SetlistsPage::ExportFormat::BandPdf ? language.words : QStringList{language.words.last()};
            for (const QString& word : words) {
                EXPECT_TRUE(printed.contains(word)) << language.code << ": " << word.toStdString() << " in " << printed.toStdString();
            }
            if (qEnvironmentVariableIsSet("BANDMATE_SCREENSHOT_DIR")) {
                QProcess::execute(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("50"), QStringLiteral("-png"), pdf,
                                                               qEnvironmentVariable("BANDMATE_SCREENSHOT_DIR") + QLatin1Char('/') + QFileInfo(pdf).completeBaseName()});
            }
        }
    }
}

TEST_F(SetlistsPageTest, ExportsImportsAndMarksPerformed)
{
    ASSERT_TRUE(m_page->addSongByText(QStringLiteral("Quimbara")));
    ASSERT_TRUE(m_page->addSongByText(QStringLiteral("Bemba colorá")));
    ASSERT_TRUE(m_page->exportTo(m_dir.file(QStringLiteral("band.pdf")), ui::SetlistsPage::ExportFormat::BandPdf));
    EXPECT_TRUE(test::readAll(m_dir.file(QStringLiteral("band.pdf"))).startsWith("%PDF-"));
    ASSERT_TRUE(m_page->exportTo(m_dir.file(QStringLiteral("set.txt")), ui::SetlistsPage::ExportFormat::Text));
    EXPECT_EQ(test::readAll(m_dir.file(QStringLiteral("set.txt"))), QByteArray("# Set: Set 1\nQuimbara\nBemba colorá\n"));

    // A broken file: one clear message, nothing imported.
    test::writeAll(m_dir.file(QStringLiteral("bad.txt")), QByteArray("Quimbara\n\x01\x02\n"));
    EXPECT_FALSE(m_page->importFile(m_dir.file(QStringLiteral("bad.txt")), QStringLiteral("Bad"), QDate(2026, 1, 1)));
    EXPECT_EQ(m_page->bannerText(), QStringLiteral("bad.txt line 2: a control character in a title (is this a text file?)"));
    EXPECT_EQ(sl::SetlistRepository(*m_db).shows()->size(), 1);
    // The exported text comes back in as a new show.
    ASSERT_TRUE(m_page->importFile(m_dir.file(QStringLiteral("set.txt")), QStringLiteral("Saturday"), QDate(2026, 12, 5)));
    EXPECT_NE(m_page->currentShowId(), showId);
    EXPECT_EQ(layout(), QStringLiteral("Set 1: Quimbara, Bemba colorá"));

    ASSERT_TRUE(m_page->selectShow(showId));
    auto* performed = m_page->findChild<QPushButton*>(QStringLiteral("markPerformed"));
    EXPECT_TRUE(performed->isEnabled());
    ASSERT_TRUE(m_page->markPerformed());
    EXPECT_FALSE(performed->isEnabled());
    EXPECT_EQ(*core::library::SongRepository(*m_db).playCount(quimbara), 1);
    EXPECT_FALSE(m_page->markPerformed());
}

}  // namespace
