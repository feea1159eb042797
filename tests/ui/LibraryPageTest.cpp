// The Library page driven like a user, on a real database and real audio files: search with the
// grammar, edit and save, scan a folder on the worker thread, find moved files, charts, plays.
#include "core/beats/BuiltinMachines.h"
#include "core/beats/MachineRepository.h"
#include "core/library/MediaFiles.h"
#include "core/library/Playlists.h"
#include "core/library/Songs.h"
#include "core/storage/Database.h"
#include "tests/support/AudioFiles.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"
#include "ui/library/LibraryPage.h"
#include "ui/library/ScanJob.h"
#include "ui/library/NowPlayingBar.h"
#include "ui/library/SongEditor.h"
#include "ui/shell/Settings.h"

#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <taglib/attachedpictureframe.h>
#include <taglib/id3v2tag.h>
#include <taglib/wavfile.h>

#include <QTreeWidget>
#include <QDialog>
#include <QTimer>
#include <gtest/gtest.h>

#include <atomic>

#include <future>

#include <filesystem>

using namespace bandmate;
namespace lib = core::library;

namespace {

class LibraryPageTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_db = test::openTestDatabase(m_dir, QStringLiteral("library.sqlite"));
        ASSERT_NE(m_db, nullptr);
        lib::SongRepository songs(*m_db);
        lib::Song song;
        song.title = QStringLiteral("Chan Chan");
        song.artist = QStringLiteral("Compay Segundo");
        song.key = QStringLiteral("Dm");
        song.bpm = 78;
        song.chart = QStringLiteral("{key: Dm}\n[Dm]De Alto [F]Cedro");
        chan = songs.save(song).value();
        song = {};
        song.title = QStringLiteral("Quimbara");
        song.artist = QStringLiteral("Celia Cruz");
        song.bpm = 150;
        quimbara = songs.save(song).value();
        m_store = std::make_unique<QSettings>(m_dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_settings = std::make_unique<ui::Settings>(*m_store);
        m_page = std::make_unique<ui::LibraryPage>(*m_db, *m_settings);
        m_page->resize(1280, 800);
        m_page->show();
    }

    QString writeTone(const QString& relative, int seconds = 1)
    {
        const QString path = m_dir.file(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        std::vector<float> samples(static_cast<size_t>(seconds) * 8000, 0.1f);
        EXPECT_TRUE(test::writeWav16(path.toStdString(), 8000, {samples}));
        return path;
    }

    bool scan(const QString& folder)
    {
        QSignalSpy finished(m_page.get(), &ui::LibraryPage::scanFinished);
        m_page->scanFolder(folder);
        EXPECT_TRUE(m_page->isScanning());
        return finished.wait(60'000) && finished.first().at(1).toString().isEmpty();
    }

    test::TempDir m_dir;
    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<ui::Settings> m_settings;
    std::unique_ptr<ui::LibraryPage> m_page;
    QString chan, quimbara;
};

TEST_F(LibraryPageTest, SearchUsesTheGrammarAndSaysWhereItIsWrong)
{
    EXPECT_EQ(m_page->visibleSongs(), 2);
    m_page->search(QStringLiteral("bpm:>100"));
    EXPECT_EQ(m_page->visibleSongs(), 1);
    m_page->search(QStringLiteral("bpm:>>"));
    EXPECT_TRUE(m_page->searchError().contains(QStringLiteral("column"))) << m_page->searchError().toStdString();
    EXPECT_EQ(m_page->visibleSongs(), 1);  // the last good result stays
    // Typing goes through the search box after a short pause.
    auto* box = m_page->findChild<QLineEdit*>(QStringLiteral("librarySearch"));
    box->setText(QStringLiteral("compay"));
    QTRY_VERIFY(m_page->searchError().isEmpty());
    EXPECT_EQ(m_page->visibleSongs(), 1);
    box->clear();
    QTRY_COMPARE(m_page->visibleSongs(), 2);
}

TEST_F(LibraryPageTest, TheUsersOwnMachinesAreGroovesToo)
{
    auto machine = core::beats::loadBuiltinMachine(QStringLiteral("salsa")).value();
    machine.title = "Mi salsa";
    const QString id = core::beats::MachineRepository(*m_db).save(machine).value();
    m_page->reload();
    ASSERT_TRUE(m_page->selectSong(chan));
    auto* groove = m_page->editor()->findChild<QComboBox*>(QStringLiteral("songGroove"));
    ASSERT_NE(groove, nullptr);
    const int index = groove->findData(QStringLiteral("user:") + id);
    ASSERT_GE(index, 0);
    EXPECT_TRUE(groove->itemText(index).startsWith(QStringLiteral("Mi salsa")));
    groove->setCurrentIndex(index);
    Q_EMIT groove->activated(index);
    m_page->editor()->findChild<QPushButton*>(QStringLiteral("saveSong"))->click();
    EXPECT_EQ(lib::SongRepository(*m_db).get(chan)->machineRef, QStringLiteral("user:") + id);
}

TEST_F(LibraryPageTest, EditsAreSavedAndChartsTranspose)
{
    ASSERT_TRUE(m_page->selectSong(chan));
    ui::SongEditor* editor = m_page->editor();
    auto* key = editor->findChild<QLineEdit*>(QStringLiteral("songKey"));
    auto* save = editor->findChild<QPushButton*>(QStringLiteral("saveSong"));
    EXPECT_FALSE(save->isEnabled());
    key->setFocus();
    key->selectAll();
    QTest::keyClicks(key, QStringLiteral("Em"));
    EXPECT_TRUE(save->isEnabled());
    save->click();
    EXPECT_EQ(lib::SongRepository(*m_db).get(chan)->key, QStringLiteral("Em"));
    EXPECT_TRUE(editor->chartHtml().contains(QStringLiteral(">Dm      F</b>")));
    editor->setTranspose(2);
    EXPECT_TRUE(editor->chartHtml().contains(QStringLiteral(">Em      G</b>")));
    EXPECT_EQ(lib::SongRepository(*m_db).get(chan)->chart, QStringLiteral("{key: Dm}\n[Dm]De Alto [F]Cedro"));  // on screen only
    // A bad value is refused with the reason, and nothing is stored.
    auto* timeSignature = editor->findChild<QLineEdit*>(QStringLiteral("songTimeSignature"));
    timeSignature->setText(QStringLiteral("seven"));
    Q_EMIT timeSignature->textEdited(timeSignature->text());
    save->click();
    EXPECT_TRUE(m_page->bannerText().contains(QStringLiteral("time signature")));
    EXPECT_EQ(lib::SongRepository(*m_db).get(chan)->timeSignature, QStringLiteral("4/4"));
}

TEST_F(LibraryPageTest, ScansOnAWorkerThreadAndFindsMovedFilesAgain)
{
    const QString music = m_dir.file(QStringLiteral("music"));
    writeTone(QStringLiteral("music/salsa/Uno.wav"));
    writeTone(QStringLiteral("music/salsa/Dos.wav"));
    test::writeAll(m_dir.file(QStringLiteral("music/broken.flac")), "not audio at all");
    ASSERT_TRUE(scan(music));
    EXPECT_FALSE(m_page->isScanning());
    EXPECT_EQ(m_page->visibleSongs(), 4);
    EXPECT_TRUE(m_page->bannerText().contains(QStringLiteral("2 added"))) << m_page->bannerText().toStdString();
    EXPECT_TRUE(m_page->bannerText().contains(QStringLiteral("1 unreadable")));
    EXPECT_EQ(m_settings->watchedFolders(), QStringList{QDir::cleanPath(music)});

    // The folder moves away: rescanning marks its files missing, locating one finds both.
    ASSERT_TRUE(QDir().rename(music + QStringLiteral("/salsa"), m_dir.file(QStringLiteral("elsewhere"))));
    ASSERT_TRUE(scan(music));
    lib::MediaFileRepository files(*m_db);
    auto missing = files.byPath(music + QStringLiteral("/salsa/Uno.wav"));
    ASSERT_TRUE(missing.has_value() && missing->has_value());
    EXPECT_TRUE((*missing)->missing);
    EXPECT_EQ(m_page->locate((*missing)->id, (*missing)->path, m_dir.file(QStringLiteral("elsewhere/Uno.wav"))), 2);
    EXPECT_FALSE(files.byPath(m_dir.file(QStringLiteral("elsewhere/Dos.wav")))->value().missing);
}

TEST_F(LibraryPageTest, DuplicatesListsFilesWithTheSameContentAndSongsWithTheSameTitleAndArtist)
{
    lib::SongRepository songs(*m_db);
    lib::Song song;
    song.title = QStringLiteral("chan  chan");  // another spelling of the same title and artist
    song.artist = QStringLiteral("COMPAY SEGUNDO");
    ASSERT_TRUE(songs.save(song).has_value());
    song = {};
    song.title = QStringLiteral("Chan Chan");  // the same title by someone else: not a duplicate
    song.artist = QStringLiteral("Buena Vista Social Club");
    ASSERT_TRUE(songs.save(song).has_value());
    writeTone(QStringLiteral("music/Uno.wav"));
    ASSERT_TRUE(QDir().mkpath(m_dir.file(QStringLiteral("music/copia"))));
    ASSERT_TRUE(QFile::copy(m_dir.file(QStringLiteral("music/Uno.wav")), m_dir.file(QStringLiteral("music/copia/Uno (1).wav"))));
    writeTone(QStringLiteral("music/Dos.wav"), 2);
    ASSERT_TRUE(scan(m_dir.file(QStringLiteral("music"))));

    QStringList groups;
    QStringList members;
    QTimer::singleShot(100, [&] {
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            auto* dialog = qobject_cast<QDialog*>(widget);
            if (dialog == nullptr || !dialog->isVisible()) {
                continue;
            }
            if (auto* tree = dialog->findChild<QTreeWidget*>(); tree != nullptr) {
                for (int i = 0; i < tree->topLevelItemCount(); ++i) {
                    groups << tree->topLevelItem(i)->text(0);
                    for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j) {
                        members << tree->topLevelItem(i)->child(j)->text(0);
                    }
                }
            }
            dialog->reject();
        }
    });
    QPushButton* duplicates = nullptr;
    for (auto* button : m_page->findChildren<QPushButton*>()) {
        duplicates = button->text() == QStringLiteral("Duplicates…") ? button : duplicates;
    }
    ASSERT_NE(duplicates, nullptr);
    duplicates->click();
    EXPECT_TRUE(groups.contains(QStringLiteral("2 files with the same content"))) << groups.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(members.contains(QStringLiteral("Uno.wav")) && members.contains(QStringLiteral("Uno (1).wav"))) << members.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(groups.contains(QStringLiteral("2 songs called “Chan Chan”")) || groups.contains(QStringLiteral("2 songs called “chan  chan”")))
        << groups.join(QLatin1Char('|')).toStdString();
    EXPECT_FALSE(groups.join(QLatin1Char('|')).contains(QStringLiteral("3 songs called"))) << "another artist's song of the same title is not one";
    EXPECT_FALSE(members.contains(QStringLiteral("Dos.wav"))) << "a file of other content is in no group";
}

TEST_F(LibraryPageTest, TheSongShowsItsEmbeddedCover)
{
    const QString path = writeTone(QStringLiteral("art/Con arte.wav"));
    QImage art(300, 300, QImage::Format_RGB32);
    art.fill(QColor(0xe0, 0x70, 0x30));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    ASSERT_TRUE(art.save(&buffer, "PNG"));
    {
        TagLib::RIFF::WAV::File file(QFile::encodeName(path).constData());
        auto* frame = new TagLib::ID3v2::AttachedPictureFrame;
        frame->setMimeType("image/png");
        frame->setPicture(TagLib::ByteVector(png.constData(), static_cast<unsigned>(png.size())));
        file.ID3v2Tag()->addFrame(frame);
        ASSERT_TRUE(file.save());
    }
    writeTone(QStringLiteral("art/Sin arte.wav"));
    ASSERT_TRUE(scan(m_dir.file(QStringLiteral("art"))));
    const auto withArt = lib::SongRepository(*m_db).search(QStringLiteral("title:\"con arte\""));
    const auto without = lib::SongRepository(*m_db).search(QStringLiteral("title:\"sin arte\""));
    ASSERT_EQ(withArt->size(), 1);
    ASSERT_EQ(without->size(), 1);
    ASSERT_TRUE(m_page->selectSong(withArt->first().id));
    EXPECT_TRUE(m_page->editor()->hasCover());
    ASSERT_TRUE(m_page->selectSong(without->first().id));
    EXPECT_FALSE(m_page->editor()->hasCover());
}

TEST_F(LibraryPageTest, SavedSearchesAndPlaylists)
{
    m_page->search(QStringLiteral("bpm:>100"));
    ASSERT_TRUE(m_page->createPlaylist(QStringLiteral("Fast"), QStringLiteral("bpm:>100")));
    EXPECT_FALSE(m_page->createPlaylist(QStringLiteral("Broken"), QStringLiteral("bpm:>>")));
    EXPECT_TRUE(m_page->bannerText().contains(QStringLiteral("column 5")));
    ASSERT_TRUE(m_page->createPlaylist(QStringLiteral("Rehearsal"), {}));
    auto playlists = lib::PlaylistRepository(*m_db).playlists().value();
    ASSERT_EQ(playlists.size(), 2);
    const QString fast = playlists[0].id;
    const QString rehearsal = playlists[1].id;
    ASSERT_TRUE(m_page->addToPlaylist(rehearsal, quimbara));
    ASSERT_TRUE(m_page->addToPlaylist(rehearsal, chan));
    EXPECT_FALSE(m_page->addToPlaylist(fast, chan));  // a saved search finds its own songs

    ASSERT_TRUE(m_page->openPlaylist(fast));
    EXPECT_EQ(m_page->visibleSongs(), 1);
    ASSERT_TRUE(m_page->openPlaylist(rehearsal));
    ASSERT_EQ(m_page->visibleSongs(), 2);
    auto* table = m_page->findChild<QTableView*>(QStringLiteral("songTable"));
    const auto titleAt = [&](int row) { return table->model()->index(row, 0).data().toString(); };
    EXPECT_EQ(titleAt(0), QStringLiteral("Quimbara"));
    table->selectionModel()->setCurrentIndex(table->model()->index(1, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    ASSERT_TRUE(m_page->moveInPlaylist(-1));
    EXPECT_EQ(titleAt(0), QStringLiteral("Chan Chan"));
    EXPECT_EQ(lib::PlaylistRepository(*m_db).songs(rehearsal)->first().title, QStringLiteral("Chan Chan"));
    // Delete in a playlist takes the song out of the playlist, not out of the library.
    QApplication::setActiveWindow(m_page.get());
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Delete);
    EXPECT_EQ(m_page->visibleSongs(), 1);
    EXPECT_TRUE(lib::SongRepository(*m_db).get(chan).has_value());

    // Deleting the playlist on screen takes the whole page back to all songs: the search works
    // again and the table lists the library (where it used to keep the playlist's rows while
    // Delete already meant "delete from the library").
    ASSERT_TRUE(m_page->deletePlaylist(rehearsal));
    auto* search = m_page->findChild<QLineEdit*>(QStringLiteral("librarySearch"));
    ASSERT_NE(search, nullptr);
    EXPECT_TRUE(search->isEnabled());
    EXPECT_TRUE(table->isSortingEnabled());
    EXPECT_EQ(m_page->visibleSongs(), static_cast<int>(lib::SongRepository(*m_db).search(QString())->size()));
}

TEST_F(LibraryPageTest, CancellingAScanKeepsWhatItReadAndTheLibraryUsable)
{
    for (int i = 0; i < 600; ++i) {
        writeTone(QStringLiteral("many/tone-%1.wav").arg(i));
    }
    // The worker is held at its first report after the first batch of 500 was committed, so the
    // cancel arrives while it is part-way: it must stop there, keep that batch, and say so.
    auto release = std::make_shared<std::promise<void>>();
    std::shared_future<void> released = release->get_future().share();
    auto heldAt = std::make_shared<std::atomic<int>>(-1);
    ui::ScanJob::setProgressHookForTests([heldAt, released](int done) {
        if (done > 500 && heldAt->exchange(done) < 0) {
            released.wait();
        }
    });
    struct Unhook {
        std::shared_ptr<std::promise<void>> release;
        ~Unhook()
        {
            ui::ScanJob::setProgressHookForTests({});
            try {
                release->set_value();  // never leave the worker waiting
            } catch (const std::future_error&) {
            }
        }
    } unhook{release};
    QSignalSpy finished(m_page.get(), &ui::LibraryPage::scanFinished);
    m_page->scanFolder(m_dir.file(QStringLiteral("many")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return heldAt->load() > 0; }, 120'000)) << "the worker never reported";
    m_page->cancelScan();
    release->set_value();
    ASSERT_TRUE(finished.wait(60'000));
    const QString error = finished.first().at(1).toString();
    EXPECT_TRUE(error.contains(QStringLiteral("cancelled"))) << "the cancel was not honoured: " << error.toStdString();
    EXPECT_GE(m_page->visibleSongs(), 2 + 500) << "the batch committed before the cancel is kept";
    EXPECT_LT(m_page->visibleSongs(), 602) << "it stopped part-way";
    ASSERT_TRUE(scan(m_dir.file(QStringLiteral("many"))));
    EXPECT_EQ(m_page->visibleSongs(), 602) << "a rescan reads the rest";
}

TEST_F(LibraryPageTest, ARescanGoesOnPastAFolderThatCannotBeRead)
{
    writeTone(QStringLiteral("second/one.wav"));
    writeTone(QStringLiteral("second/two.wav"));
    // The first watched folder is on a drive that is not plugged in.
    m_settings->setWatchedFolders({m_dir.file(QStringLiteral("unplugged-drive")), m_dir.file(QStringLiteral("second"))});
    QSignalSpy finished(m_page.get(), &ui::LibraryPage::scanFinished);
    m_page->rescanAll();
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.size() == 2; }, 60'000)) << "the second folder was never read";
    EXPECT_FALSE(finished.at(0).at(1).toString().isEmpty());
    EXPECT_TRUE(finished.at(1).at(1).toString().isEmpty()) << finished.at(1).at(1).toString().toStdString();
    EXPECT_EQ(m_page->visibleSongs(), 4);
    EXPECT_TRUE(m_page->bannerText().contains(QStringLiteral("unplugged-drive"))) << "the problem is still said at the end: "
                                                                                   << m_page->bannerText().toStdString();
}

TEST_F(LibraryPageTest, PlayingAFileCountsAPlayAfterHalfOfIt)
{
    // Real playback through Qt Multimedia (GStreamer); with no sound card the pipeline still
    // runs in real time, so a 2-second file counts after 1 second of listening.
    writeTone(QStringLiteral("play/Tone.wav"), 2);
    ASSERT_TRUE(scan(m_dir.file(QStringLiteral("play"))));
    m_page->search(QStringLiteral("title:tone"));
    ASSERT_EQ(m_page->visibleSongs(), 1);
    auto found = lib::SongRepository(*m_db).search(QStringLiteral("title:tone"));
    ASSERT_EQ(found->size(), 1);
    const QString id = found->first().id;
    QSignalSpy counted(m_page->player(), &ui::NowPlayingBar::playCounted);
    m_page->playFrom(id);
    ASSERT_EQ(m_page->player()->queue().size(), 1);
    ASSERT_TRUE(counted.wait(20'000)) << "no play counted: " << m_page->bannerText().toStdString();
    EXPECT_EQ(*lib::SongRepository(*m_db).playCount(id), 1);
    EXPECT_GE(m_page->player()->counter().listenedMs(), 1000);
}

}  // namespace

namespace {

TEST_F(LibraryPageTest, AFileWhoseNameIsNotUtf8PlaysToo)
{
    // Latin-1 "é" in the name: the library keeps the name's own bytes and the player is given a
    // URL that names exactly that file.
    writeTone(QStringLiteral("latin/Tone.wav"), 2);
    const std::string folder = QFile::encodeName(m_dir.file(QStringLiteral("latin"))).toStdString();
    std::filesystem::rename(folder + "/Tone.wav", folder + "/Ton\xe9.wav");
    ASSERT_TRUE(scan(m_dir.file(QStringLiteral("latin"))));
    const auto files = lib::MediaFileRepository(*m_db).under(m_dir.file(QStringLiteral("latin")));
    ASSERT_TRUE(files.has_value());
    ASSERT_EQ(files->size(), 1);
    EXPECT_EQ(lib::SongRepository(*m_db).get(files->first().songId).value().title, QStringLiteral("Ton\uFFFD")) << "shown as a file manager shows it";
    QSignalSpy counted(m_page->player(), &ui::NowPlayingBar::playCounted);
    m_page->playFrom(files->first().songId);
    ASSERT_EQ(m_page->player()->queue().size(), 1);
    EXPECT_TRUE(counted.wait(20'000)) << "no play counted: " << m_page->bannerText().toStdString();
    m_page->player()->play({});  // stops
    std::filesystem::remove_all(folder);  // QTemporaryDir cannot name the file to remove it
}

}  // namespace
