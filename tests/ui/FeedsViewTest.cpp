// The Library's Feeds section on offscreen widgets, against a real web server on 127.0.0.1 and
// a real database: follow a blog, its posts and songs listed, a refresh on the worker thread, a
// song streamed through Qt Multimedia (its position kept, played at 90 %), "Add to library" and
// "Add to show", the ranking of songs several feeds posted; the screenshot is looked at.
#include "core/feeds/FeedDownloads.h"
#include "core/feeds/FeedItemRepository.h"
#include "core/feeds/FeedRepository.h"
#include "core/library/MediaFiles.h"
#include "core/library/Songs.h"
#include "core/setlists/Setlists.h"
#include "tests/support/AudioFiles.h"
#include "tests/support/FeedServer.h"
#include "tests/support/TestDatabase.h"
#include "sync/feeds/DownloadQueue.h"
#include "ui/library/FeedDownloadsPanel.h"
#include "ui/library/FeedStream.h"
#include "ui/library/FeedsView.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMediaPlayer>
#include <QSignalSpy>
#include <QTest>
#include <QTableView>
#include <QTreeWidget>

#include <taglib/fileref.h>
#include <taglib/tag.h>

#include <cmath>

namespace bandmate::test {
namespace {

namespace feeds = core::feeds;

std::string blog(const QString& audioUrl, const std::string& title = "Salsa Dura Blog")
{
    return R"(<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>)" + title +
           R"(</title><link>https://salsadura.example/</link>
<item><title>Héctor Lavoe – El Cantante</title><link>https://salsadura.example/p/1</link><guid>p1</guid>
<pubDate>Sat, 05 Dec 2026 17:30:00 +0000</pubDate><description>&lt;p&gt;Un clásico de 1978.&lt;/p&gt;</description>
<enclosure url=")" + audioUrl.toStdString() + R"(" type="audio/wav" length="100"/></item>
<item><title>Celia Cruz – Quimbara</title><link>https://salsadura.example/p/2</link><guid>p2</guid>
<pubDate>Fri, 04 Dec 2026 17:30:00 +0000</pubDate></item>
</channel></rss>)";
}

/// A tone as WAV bytes: `seconds` of 440 Hz.
std::string toneWav(const TempDir& dir, double seconds)
{
    const int rate = 44100;
    std::vector<float> samples(static_cast<size_t>(seconds * rate));
    for (size_t i = 0; i < samples.size(); ++i) {
        samples[i] = 0.2f * static_cast<float>(std::sin(2.0 * M_PI * 440.0 * static_cast<double>(i) / rate));
    }
    const QString path = dir.file(QStringLiteral("tone.wav"));
    EXPECT_TRUE(writeWav16(path.toStdString(), rate, {samples}));
    return readAll(path).toStdString();
}

class FeedsViewTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_db = openTestDatabase(m_dir);
        ASSERT_TRUE(m_db);
        m_wav = toneWav(m_dir, 2.0);
        m_server.on("/tone.wav", [this](const httplib::Request&, httplib::Response& response) { response.set_content(m_wav, "audio/wav"); });
        m_server.serve("/feed", blog(m_server.url("/tone.wav")));
        m_view = std::make_unique<ui::FeedsView>(*m_db);
        m_view->resize(1280, 720);
        m_view->show();
    }

    QString followBlog()
    {
        QSignalSpy followed(m_view.get(), &ui::FeedsView::followFinished);
        QSignalSpy finished(m_view.get(), &ui::FeedsView::refreshFinished);
        m_view->follow(m_server.url("/feed"));
        EXPECT_TRUE(finished.wait(20'000));
        EXPECT_EQ(followed.size(), 1);
        return followed.isEmpty() ? QString() : followed.first().at(0).toString();
    }

    TempDir m_dir;
    std::unique_ptr<core::Database> m_db;
    FeedServer m_server;
    std::string m_wav;
    std::unique_ptr<ui::FeedsView> m_view;
};

}  // namespace

TEST_F(FeedsViewTest, AFollowedBlogsPostsAndSongsAreListedAndARefreshRunsOnTheWorker)
{
    const QString feedId = followBlog();
    ASSERT_FALSE(feedId.isEmpty()) << m_view->bannerText().toStdString();
    EXPECT_EQ(m_view->visibleItems(), 2);
    auto* tree = m_view->findChild<QTreeWidget*>(QStringLiteral("feedTree"));
    ASSERT_NE(tree, nullptr);
    bool listed = false;
    for (QTreeWidgetItemIterator it(tree); *it != nullptr; ++it) {
        listed = listed || (*it)->text(0) == QStringLiteral("Salsa Dura Blog (2)");
    }
    EXPECT_TRUE(listed);

    QSignalSpy finished(m_view.get(), &ui::FeedsView::refreshFinished);
    m_view->refresh(true);
    EXPECT_TRUE(m_view->isRefreshing());
    ASSERT_TRUE(finished.wait(20'000));
    const auto report = finished.first().at(0).value<sync::RefreshReport>();
    EXPECT_EQ(report.feeds, 1);
    EXPECT_TRUE(report.errors.isEmpty());
    EXPECT_FALSE(m_view->isRefreshing());

    m_view->search(QStringLiteral("quimbara"));
    EXPECT_EQ(m_view->visibleItems(), 1);
    m_view->search(QStringLiteral("mood:sad"));
    EXPECT_FALSE(m_view->searchError().isEmpty());
    m_view->search({});

    QDir().mkpath(QStringLiteral(BANDMATE_SHOTS_DIR));
    EXPECT_TRUE(m_view->grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/library-feeds.png")));
}

TEST_F(FeedsViewTest, AddToLibraryAndToAShowMakeTheSongTheMusiciansOnce)
{
    ASSERT_FALSE(followBlog().isEmpty());
    auto items = feeds::FeedItemRepository(*m_db).items({.search = QStringLiteral("quimbara")});
    ASSERT_TRUE(items && items->size() == 1);
    ASSERT_TRUE(m_view->selectItem(items->first().id));
    QSignalSpy changed(m_view.get(), &ui::FeedsView::libraryChanged);
    auto song = m_view->addToLibrary(0);
    ASSERT_TRUE(song) << song.error().toString();
    EXPECT_EQ(changed.size(), 1);
    auto stored = core::library::SongRepository(*m_db).get(*song);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->artist, QStringLiteral("Celia Cruz"));
    EXPECT_EQ(stored->title, QStringLiteral("Quimbara"));
    EXPECT_TRUE(stored->notes.contains(QStringLiteral("https://salsadura.example/p/2")));

    core::setlists::Show show;
    show.name = QStringLiteral("Friday");
    show.date = QDate(2026, 12, 11);
    auto showId = core::setlists::SetlistRepository(*m_db).saveShow(show);
    ASSERT_TRUE(showId);
    auto setId = core::setlists::SetlistRepository(*m_db).addSet(*showId, QStringLiteral("Set 1"));
    ASSERT_TRUE(setId);
    auto entry = m_view->addToShow(*setId, 0);
    ASSERT_TRUE(entry) << entry.error().toString();
    EXPECT_EQ(core::library::SongRepository(*m_db).search({}, 100)->size(), 1) << "the library's song, not a second one";
    auto plan = core::setlists::SetlistRepository(*m_db).plan(*showId);
    ASSERT_TRUE(plan);
    ASSERT_EQ(plan->sets.size(), 1);
    auto refreshed = feeds::FeedItemRepository(*m_db).item(items->first().id);
    ASSERT_TRUE(refreshed);
    EXPECT_TRUE(refreshed->songs.first().owned);
}

TEST_F(FeedsViewTest, ASongStreamsFromTheServerKeepsItsPlaceAndCountsAsPlayedNearItsEnd)
{
    ASSERT_FALSE(followBlog().isEmpty());
    auto items = feeds::FeedItemRepository(*m_db).items({.search = QStringLiteral("cantante")});
    ASSERT_TRUE(items && items->size() == 1);
    const QString itemId = items->first().id;
    ASSERT_TRUE(m_view->selectItem(itemId));
    QSignalSpy played(m_view->stream(), &ui::FeedStream::played);
    m_view->playSelected();
    ASSERT_TRUE(played.wait(20'000)) << m_view->bannerText().toStdString();
    QTRY_VERIFY_WITH_TIMEOUT(feeds::FeedItemRepository(*m_db).item(itemId)->played, 5000);
    EXPECT_FALSE(feeds::FeedItemRepository(*m_db).item(itemId)->isNew);
    EXPECT_GE(m_server.requests("/tone.wav"), 1);

    // A position kept is where the next play starts.
    ASSERT_TRUE(feeds::FeedItemRepository(*m_db).setPosition(itemId, 1000));
    QSignalSpy kept(m_view->stream(), &ui::FeedStream::positionToKeep);
    m_view->playSelected();
    QTRY_VERIFY_WITH_TIMEOUT(m_view->stream()->player()->position() >= 1000, 10'000);
    m_view->stream()->stop();
    ASSERT_FALSE(kept.isEmpty());
    EXPECT_GE(kept.last().at(1).toLongLong(), 1000);
}

TEST_F(FeedsViewTest, SongsTwoFeedsPostedAreRankedFirst)
{
    ASSERT_FALSE(followBlog().isEmpty());
    m_server.serve("/other", blog(m_server.url("/tone.wav"), "Timba Talk"));
    QSignalSpy finished(m_view.get(), &ui::FeedsView::refreshFinished);
    m_view->follow(m_server.url("/other"));
    ASSERT_TRUE(finished.wait(20'000));
    m_view->showRanking();
    auto* ranking = m_view->findChild<QTreeWidget*>(QStringLiteral("feedRanking"));
    ASSERT_NE(ranking, nullptr);
    ASSERT_GE(ranking->topLevelItemCount(), 2);
    EXPECT_EQ(ranking->topLevelItem(0)->text(0), QStringLiteral("2"));
    EXPECT_FALSE(m_view->selectedItemId().isEmpty());
}

}  // namespace bandmate::test

namespace bandmate::test {

TEST_F(FeedsViewTest, APostTheViewSelectsStaysNewOnlyOneTheMusicianPicksIsSeen)
{
    ASSERT_FALSE(followBlog().isEmpty());
    ASSERT_EQ(m_view->visibleItems(), 2);
    const QString first = m_view->selectedItemId();
    ASSERT_FALSE(first.isEmpty());
    QTest::qWait(2000);  // longer than a look
    EXPECT_TRUE(feeds::FeedItemRepository(*m_db).item(first)->isNew) << "selected by the view, not looked at";
    auto* table = m_view->findChild<QTableView*>(QStringLiteral("feedItems"));
    ASSERT_NE(table, nullptr);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Down);  // the musician moves to the next post
    const QString picked = m_view->selectedItemId();
    ASSERT_NE(picked, first);
    QTRY_VERIFY_WITH_TIMEOUT(!feeds::FeedItemRepository(*m_db).item(picked)->isNew, 5000);
}

TEST_F(FeedsViewTest, MarkAllSeenMarksWhatTheListShowsAndNoOtherFeed)
{
    const QString salsa = followBlog();
    m_server.serve("/other", blog(m_server.url("/tone.wav"), "Timba Talk"));
    QSignalSpy finished(m_view.get(), &ui::FeedsView::refreshFinished);
    m_view->follow(m_server.url("/other"));
    ASSERT_TRUE(finished.wait(20'000));
    ASSERT_TRUE(m_view->showFeed(salsa));
    m_view->markShownSeen();
    EXPECT_EQ(feeds::FeedItemRepository(*m_db).items({.feedId = salsa, .onlyNew = true})->size(), 0);
    EXPECT_EQ(feeds::FeedItemRepository(*m_db).items({.onlyNew = true})->size(), 2) << "the other feed's posts stay new";
}

TEST_F(FeedsViewTest, FollowingDuringARefreshHappensOnceItIsDone)
{
    const QString salsa = followBlog();
    m_server.serve("/other", blog(m_server.url("/tone.wav"), "Timba Talk"));
    QSignalSpy followed(m_view.get(), &ui::FeedsView::followFinished);
    m_view->refresh(true);
    m_view->follow(m_server.url("/other"));
    ASSERT_TRUE(followed.wait(20'000));
    EXPECT_TRUE(followed.first().at(1).toString().isEmpty()) << followed.first().at(1).toString().toStdString();
    EXPECT_EQ(feeds::FeedRepository(*m_db).feeds()->size(), 2);
}

TEST_F(FeedsViewTest, AnEpisodeWithoutAnArtistIsAddedToTheLibraryOnce)
{
    m_server.serve("/pod", R"(<?xml version="1.0"?><rss version="2.0"><channel><title>Radio Show</title>
        <item><title>Episode 12</title><guid>e12</guid><enclosure url="https://cdn.example/e12.mp3" type="audio/mpeg" length="1"/></item>
        </channel></rss>)");
    QSignalSpy finished(m_view.get(), &ui::FeedsView::refreshFinished);
    m_view->follow(m_server.url("/pod"));
    ASSERT_TRUE(finished.wait(20'000));
    ASSERT_EQ(m_view->visibleItems(), 1);
    auto first = m_view->addToLibrary(0);
    auto second = m_view->addToLibrary(0);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(*first, *second);
}

TEST_F(FeedsViewTest, ClosingTheWindowWhileASongPlaysKeepsItsPlace)
{
    ASSERT_FALSE(followBlog().isEmpty());
    auto items = feeds::FeedItemRepository(*m_db).items({.search = QStringLiteral("cantante")});
    ASSERT_TRUE(items && items->size() == 1);
    const QString itemId = items->first().id;
    ASSERT_TRUE(m_view->selectItem(itemId));
    m_view->playSelected();
    QTRY_VERIFY_WITH_TIMEOUT(m_view->stream()->player()->position() >= 300, 10'000);
    m_view.reset();  // the window goes while it plays
    EXPECT_GT(feeds::FeedItemRepository(*m_db).item(itemId)->positionMs, 0);
}

TEST_F(FeedsViewTest, ASongDownloadsTaggedFromItsFeedPlaysFromItsFileAndComesIntoTheLibraryWithIt)
{
    ASSERT_FALSE(followBlog().isEmpty());
    const QString folder = m_dir.path() + QStringLiteral("/Music/Bandmate feeds");
    ASSERT_TRUE(feeds::FeedDownloads(*m_db).setSettings({folder, 30}));
    auto items = feeds::FeedItemRepository(*m_db).items({.search = QStringLiteral("cantante")});
    ASSERT_TRUE(items && items->size() == 1);
    const QString itemId = items->first().id;
    ASSERT_TRUE(m_view->selectItem(itemId));
    QSignalSpy finished(m_view->downloads(), &sync::DownloadQueue::finished);
    ASSERT_TRUE(m_view->downloadSelected());
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_EQ(finished.first().at(2).toString(), QString()) << finished.first().at(2).toString().toStdString();
    const QString path = feeds::FeedItemRepository(*m_db).item(itemId)->songs.value(0).file;
    EXPECT_EQ(path, folder + QStringLiteral("/Salsa Dura Blog/2026-12-05 Héctor Lavoe - El Cantante.wav"));
    EXPECT_GE(readAll(path).size(), static_cast<qsizetype>(m_wav.size()));  // the tone, and its tags
    // Tagged from the feed (read back with TagLib).
    TagLib::FileRef file(QFile::encodeName(path).constData());
    ASSERT_FALSE(file.isNull());
    EXPECT_EQ(QString::fromStdString(file.tag()->title().to8Bit(true)), QStringLiteral("El Cantante"));
    EXPECT_EQ(QString::fromStdString(file.tag()->artist().to8Bit(true)), QStringLiteral("Héctor Lavoe"));
    EXPECT_EQ(QString::fromStdString(file.tag()->album().to8Bit(true)), QStringLiteral("Salsa Dura Blog"));
    EXPECT_EQ(file.tag()->year(), 2026u);
    EXPECT_TRUE(m_view->songLines().value(0).contains(QStringLiteral("✓"))) << m_view->songLines().value(0).toStdString();

    // It plays from its file (through Qt Multimedia), offline too.
    m_view->playSelected();
    EXPECT_TRUE(m_view->stream()->url().isLocalFile());
    const int before = m_server.requests("/tone.wav");
    QTRY_VERIFY_WITH_TIMEOUT(m_view->stream()->player()->position() > 200, 10'000);
    EXPECT_EQ(m_server.requests("/tone.wav"), before);
    m_view->stream()->stop();

    // The Downloads list shows it; a screenshot is looked at.
    m_view->showDownloads();
    ui::FeedDownloadsPanel* panel = m_view->downloadsPanel();
    ASSERT_EQ(panel->rowCount(), 1);
    EXPECT_TRUE(panel->rowText(0).startsWith(QStringLiteral("Héctor Lavoe – El Cantante | Salsa Dura Blog | Downloaded"))) << panel->rowText(0).toStdString();
    EXPECT_EQ(m_view->selectedItemId(), itemId);
    QDir().mkpath(QStringLiteral(BANDMATE_SHOTS_DIR));
    EXPECT_TRUE(m_view->grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/library-feeds-downloads.png")));

    // Into the library with its file; the cleanup spares it from then on.
    m_view->showFeed({});
    ASSERT_TRUE(m_view->selectItem(itemId));
    auto song = m_view->addToLibrary(0);
    ASSERT_TRUE(song) << song.error().toString();
    auto files = core::library::MediaFileRepository(*m_db).ofSong(*song);
    ASSERT_TRUE(files && files->size() == 1);
    EXPECT_EQ(files->first().path, path);
    ASSERT_TRUE(feeds::FeedItemRepository(*m_db).setPlayed(itemId, true));
    ASSERT_TRUE(feeds::FeedDownloads(*m_db).cleanup(QDateTime::currentDateTimeUtc()));
    EXPECT_EQ(feeds::FeedDownloads(*m_db).cleanup(QDateTime::currentDateTimeUtc().addDays(60))->removed, 0);
    EXPECT_TRUE(QFileInfo::exists(path));
}

TEST_F(FeedsViewTest, ADownloadThatFailsSaysWhyAndIsTriedAgainFromTheList)
{
    m_server.serve("/feed", blog(m_server.url("/later.wav")));
    ASSERT_FALSE(followBlog().isEmpty());
    ASSERT_TRUE(feeds::FeedDownloads(*m_db).setSettings({m_dir.path() + QStringLiteral("/Downloads"), 30}));
    QSignalSpy finished(m_view->downloads(), &sync::DownloadQueue::finished);
    ASSERT_TRUE(m_view->downloadSelected());
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_TRUE(m_view->bannerText().contains(QStringLiteral("404"))) << m_view->bannerText().toStdString();
    m_view->showDownloads();
    ui::FeedDownloadsPanel* panel = m_view->downloadsPanel();
    ASSERT_EQ(panel->rowCount(), 1);
    EXPECT_TRUE(panel->rowText(0).contains(QStringLiteral("⚠ the server answered 404"))) << panel->rowText(0).toStdString();
    m_server.on("/later.wav", [this](const httplib::Request&, httplib::Response& response) { response.set_content(m_wav, "audio/wav"); });
    panel->selectRow(0);
    ASSERT_TRUE(panel->retrySelected());
    ASSERT_TRUE(finished.wait(20'000));
    QTRY_VERIFY_WITH_TIMEOUT(panel->rowText(0).contains(QStringLiteral("Downloaded")), 5000);
    // Removing it takes the file away.
    const QString path = (*feeds::FeedDownloads(*m_db).list()).first().path;
    ASSERT_TRUE(QFileInfo::exists(path));
    ASSERT_TRUE(panel->removeSelected(false));
    EXPECT_FALSE(QFileInfo::exists(path));
    EXPECT_EQ(panel->rowCount(), 0);
}

}  // namespace bandmate::test
