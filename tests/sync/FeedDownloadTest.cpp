// Feed songs downloaded from a real web server on 127.0.0.1 (tests/support/FeedServer.h) into a
// real database and real files: a whole file renamed from its ".part" and tagged, a download cut
// short that goes on from where it stopped, a web page where audio should be, an error and its
// retry, a stop half-way, a server that goes quiet, the suffix from the answer's type, and never
// more than two at once (the server counts). The tagger here records what it was given: the
// real one (TagLib) is exercised through the Feeds window and the command line.
#include "core/feeds/FeedDownloads.h"
#include "core/feeds/FeedItemRepository.h"
#include "core/feeds/FeedRepository.h"
#include "sync/feeds/DownloadQueue.h"
#include "tests/support/FeedServer.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

using namespace bandmate;
using namespace bandmate::core::feeds;
using bandmate::test::FeedServer;
using bandmate::test::TempDir;

namespace {

const QDateTime kNow = QDateTime::currentDateTimeUtc();

/// `bytes` of a recognizable pattern: a file put together wrong does not equal it.
std::string pattern(int bytes)
{
    std::string out(static_cast<size_t>(bytes), '\0');
    for (int i = 0; i < bytes; ++i) {
        out[static_cast<size_t>(i)] = static_cast<char>((i * 7 + i / 251) & 0xff);
    }
    return out;
}

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

class FeedDownloadTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        db = bandmate::test::openTestDatabase(dir);
        ASSERT_TRUE(db);
        auto id = FeedRepository(*db).subscribe(QStringLiteral("https://podcast.example/feed"));
        ASSERT_TRUE(id);
        feedId = *id;
        ASSERT_TRUE(FeedRepository(*db).rename(feedId, QStringLiteral("Salsa Hour")));
        folder = dir.path() + QStringLiteral("/Music/Bandmate feeds");
    }

    /// A post whose enclosure is `path` on the server; its id.
    QString postOf(const std::string& path, const QString& title, const QString& type = QStringLiteral("audio/mpeg"))
    {
        Feed feed;
        FeedItem item;
        item.guid = QString::fromStdString(path);
        item.title = title;
        item.link = QStringLiteral("https://podcast.example/p") + QString::fromStdString(path);
        item.published = QDateTime(QDate(2026, 12, 1), QTime(20, 0), Qt::UTC);
        item.enclosures.append({server.url(path), type, 0, 0});
        feed.items.append(item);
        EXPECT_TRUE(FeedItemRepository(*db).store(feedId, feed, kNow));
        return FeedItemRepository::itemId(feedId, QStringLiteral("guid:") + item.guid);
    }

    std::unique_ptr<sync::DownloadQueue> queue(sync::DownloadQueue::Limits limits = {})
    {
        return std::make_unique<sync::DownloadQueue>(
            *db,
            [this](const QString& path, const DownloadTags& tags) -> core::Result<void> {
                const std::lock_guard lock(taggedMutex);
                tagged.append({path, tags});
                if (contents(path).startsWith("\x55\x55")) {
                    return core::fail(core::ErrorCode::InvalidInput, "is not an audio file (TagLib cannot read it as one)", path.toStdString());
                }
                return {};
            },
            limits);
    }

    static bool settle(sync::DownloadQueue& downloads, int ms = 15000)
    {
        return QTest::qWaitFor([&downloads] { return !downloads.isBusy(); }, ms);
    }

    Download stored(const QString& itemId)
    {
        auto all = FeedDownloads(*db).list();
        EXPECT_TRUE(all);
        for (const Download& download : all.value_or(QList<Download>{})) {
            if (download.itemId == itemId) {
                return download;
            }
        }
        ADD_FAILURE() << "no download of " << itemId.toStdString();
        return {};
    }

    TempDir dir;
    FeedServer server;
    std::unique_ptr<core::Database> db;
    QString feedId;
    QString folder;
    std::mutex taggedMutex;
    QList<std::pair<QString, DownloadTags>> tagged;
};

}  // namespace

TEST_F(FeedDownloadTest, AWholeFileIsTaggedNamedAndMarkedDoneAndACutOneGoesOnFromWhereItStopped)
{
    const std::string body = pattern(300'000);
    // First the server breaks off a third of the way.
    server.on("/ep1.mp3", [&body](const httplib::Request&, httplib::Response& response) {
        response.set_header("ETag", "\"v1\"");
        response.set_content_provider(body.size(), "audio/mpeg", [&body](size_t offset, size_t, httplib::DataSink& sink) {
            if (offset >= 100'000) {
                return false;  // the connection drops
            }
            sink.write(body.data() + offset, 100'000 - offset);
            return true;
        });
    });
    const QString itemId = postOf("/ep1.mp3", QStringLiteral("Rubén Blades – Pedro Navaja"));
    auto downloads = queue();
    QStringList errors;
    QObject::connect(downloads.get(), &sync::DownloadQueue::finished, [&errors](const QString&, const QString&, const QString& error) { errors.append(error); });
    auto queued = downloads->add(itemId, 0, folder);
    ASSERT_TRUE(queued) << queued.error().toString();
    ASSERT_TRUE(settle(*downloads));
    ASSERT_EQ(errors.size(), 1);
    EXPECT_FALSE(errors.first().isEmpty());
    Download failed = stored(itemId);
    EXPECT_EQ(failed.state, Download::State::Failed);
    EXPECT_FALSE(failed.error.isEmpty());
    EXPECT_FALSE(QFileInfo::exists(queued->path));  // never a half file under the song's name
    EXPECT_EQ(QFileInfo(queued->path + QStringLiteral(".part")).size(), 100'000);
    EXPECT_EQ(failed.validator, QStringLiteral("\"v1\""));

    // Then it answers ranges: the retry asks for the rest only, of the same file.
    server.on("/ep1.mp3", [&body](const httplib::Request&, httplib::Response& response) {
        response.set_header("ETag", "\"v1\"");
        response.set_content(body, "audio/mpeg");
    });
    ASSERT_TRUE(downloads->retry(itemId, queued->url));
    ASSERT_TRUE(settle(*downloads));
    ASSERT_EQ(errors.size(), 2);
    EXPECT_TRUE(errors.last().isEmpty()) << errors.last().toStdString();
    const httplib::Headers asked = server.lastHeaders("/ep1.mp3");
    ASSERT_NE(asked.find("Range"), asked.end());
    EXPECT_EQ(asked.find("Range")->second, "bytes=100000-");
    ASSERT_NE(asked.find("If-Range"), asked.end());
    EXPECT_EQ(asked.find("If-Range")->second, "\"v1\"");
    const Download done = stored(itemId);
    EXPECT_EQ(done.state, Download::State::Done);
    EXPECT_EQ(done.path, folder + QStringLiteral("/Salsa Hour/2026-12-01 Rubén Blades - Pedro Navaja.mp3"));
    EXPECT_EQ(done.bytes, 300'000);
    EXPECT_EQ(contents(done.path), QByteArray::fromStdString(body));
    EXPECT_FALSE(QFileInfo::exists(done.path + QStringLiteral(".part")));
    ASSERT_EQ(tagged.size(), 1);
    EXPECT_EQ(tagged.first().first, done.path);
    EXPECT_EQ(tagged.first().second.artist, QStringLiteral("Rubén Blades"));
    EXPECT_EQ(tagged.first().second.title, QStringLiteral("Pedro Navaja"));
    EXPECT_EQ(tagged.first().second.album, QStringLiteral("Salsa Hour"));
    EXPECT_EQ(tagged.first().second.year, 2026);
    EXPECT_EQ(tagged.first().second.comment, QStringLiteral("https://podcast.example/p/ep1.mp3"));
    // The post's song now has its file (it plays from it, offline too).
    EXPECT_EQ(FeedItemRepository(*db).item(itemId)->songs.value(0).file, done.path);
    // Asked again: there already.
    auto again = downloads->add(itemId, 0, folder);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->state, Download::State::Done);
    EXPECT_FALSE(downloads->isBusy());
}

TEST_F(FeedDownloadTest, AWebPageWhereAudioShouldBeAndAnErrorAreRefusedWithWhyAndLeaveNoFile)
{
    server.serve("/signin.mp3", "<html><body>Please sign in</body></html>", "text/html; charset=utf-8");
    const QString page = postOf("/signin.mp3", QStringLiteral("Members only"));
    const QString missing = postOf("/gone.mp3", QStringLiteral("Gone"));
    auto downloads = queue();
    ASSERT_TRUE(downloads->add(page, 0, folder));
    ASSERT_TRUE(downloads->add(missing, 0, folder));
    ASSERT_TRUE(settle(*downloads));
    const Download web = stored(page);
    EXPECT_EQ(web.state, Download::State::Failed);
    EXPECT_NE(web.error.indexOf(QStringLiteral("web page")), -1) << web.error.toStdString();
    EXPECT_FALSE(QFileInfo::exists(web.path));
    EXPECT_FALSE(QFileInfo::exists(web.path + QStringLiteral(".part")));
    const Download gone = stored(missing);
    EXPECT_EQ(gone.state, Download::State::Failed);
    EXPECT_NE(gone.error.indexOf(QStringLiteral("404")), -1) << gone.error.toStdString();
    EXPECT_TRUE(tagged.isEmpty());
    // The server has it now: a retry finishes.
    server.serve("/gone.mp3", pattern(5000), "audio/mpeg");
    ASSERT_TRUE(downloads->retry(missing, gone.url));
    ASSERT_TRUE(settle(*downloads));
    EXPECT_EQ(stored(missing).state, Download::State::Done);
    // A file TagLib does not take for audio is refused and removed, unless the server called it
    // audio (a format TagLib does not know): then it is kept as it came.
    server.serve("/raw.aac", std::string(3000, '\x55'), "audio/aac");
    const QString raw = postOf("/raw.aac", QStringLiteral("Raw"));
    ASSERT_TRUE(downloads->add(raw, 0, folder));
    ASSERT_TRUE(settle(*downloads));
    EXPECT_EQ(stored(raw).state, Download::State::Done);
    server.serve("/empty.mp3", std::string(3000, '\x55'), "application/octet-stream");
    const QString empty = postOf("/empty.mp3", QStringLiteral("Empty"));
    server.serve("/nothing.mp3", "", "audio/mpeg");
    const QString nothing = postOf("/nothing.mp3", QStringLiteral("Nothing"));
    ASSERT_TRUE(downloads->add(nothing, 0, folder));
    ASSERT_TRUE(downloads->add(empty, 0, folder));
    ASSERT_TRUE(settle(*downloads));
    const Download refused = stored(empty);
    EXPECT_EQ(refused.state, Download::State::Failed);
    EXPECT_NE(refused.error.indexOf(QStringLiteral("not an audio file")), -1) << refused.error.toStdString();
    EXPECT_EQ(QDir(QFileInfo(refused.path).path()).entryList({QStringLiteral("Empty*")}, QDir::Files).size(), 0);
    EXPECT_NE(stored(nothing).error.indexOf(QStringLiteral("empty file")), -1) << stored(nothing).error.toStdString();
}

TEST_F(FeedDownloadTest, StoppingADownloadForgetsItAndAQuietServerFailsIt)
{
    std::atomic<bool> release{false};
    const std::string body = pattern(200'000);
    const auto slow = [&body, &release](const httplib::Request&, httplib::Response& response) {
        response.set_content_provider(body.size(), "audio/mpeg", [&body, &release](size_t offset, size_t, httplib::DataSink& sink) {
            if (offset >= 50'000) {
                // Then nothing, until the test lets go.
                for (int i = 0; i < 300 && !release; ++i) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                }
                return false;
            }
            sink.write(body.data() + offset, 50'000);
            return true;
        });
    };
    server.on("/slow.mp3", slow);
    server.on("/quiet.mp3", slow);
    const QString stopped = postOf("/slow.mp3", QStringLiteral("Slow"));
    const QString quiet = postOf("/quiet.mp3", QStringLiteral("Quiet"));
    sync::DownloadQueue::Limits limits;
    limits.stall = std::chrono::milliseconds(600);
    auto downloads = queue(limits);
    QStringList ends;
    QObject::connect(downloads.get(), &sync::DownloadQueue::finished, [&ends](const QString&, const QString&, const QString& error) { ends.append(error); });
    auto queued = downloads->add(stopped, 0, folder);
    ASSERT_TRUE(queued);
    ASSERT_TRUE(downloads->add(quiet, 0, folder));
    ASSERT_TRUE(QTest::qWaitFor([&] { return downloads->progress(stopped, queued->url).value_or(sync::DownloadQueue::Progress{}).received >= 50'000; }, 10000));
    ASSERT_TRUE(downloads->cancel(stopped, queued->url));
    ASSERT_TRUE(settle(*downloads));
    release = true;
    EXPECT_TRUE(ends.contains(QStringLiteral("cancelled")));
    auto forgotten = FeedDownloads(*db).find(stopped, queued->url);
    ASSERT_TRUE(forgotten);
    EXPECT_FALSE(forgotten->has_value());
    EXPECT_FALSE(QFileInfo::exists(queued->path + QStringLiteral(".part")));
    const Download silent = stored(quiet);
    EXPECT_EQ(silent.state, Download::State::Failed);
    EXPECT_NE(silent.error.indexOf(QStringLiteral("sent nothing")), -1) << silent.error.toStdString();
}

TEST_F(FeedDownloadTest, ALinkWithoutASuffixTakesItFromTheAnswerAndNoMoreThanTwoRunAtOnce)
{
    const std::string body = pattern(40'000);
    const auto paced = [&body](const httplib::Request&, httplib::Response& response) {
        response.set_content_provider(body.size(), "audio/mp4", [&body](size_t offset, size_t, httplib::DataSink& sink) {
            std::this_thread::sleep_for(std::chrono::milliseconds(40));
            sink.write(body.data() + offset, std::min<size_t>(10'000, body.size() - offset));
            return true;
        });
    };
    QStringList items;
    for (int i = 0; i < 5; ++i) {
        const std::string path = "/episode/" + std::to_string(i);
        server.on(path, paced);
        items.append(postOf(path, QStringLiteral("Episode %1").arg(i), QStringLiteral("audio/mp4")));
    }
    auto downloads = queue();
    for (const QString& item : std::as_const(items)) {
        ASSERT_TRUE(downloads->add(item, 0, folder));
    }
    ASSERT_TRUE(settle(*downloads, 30000));
    EXPECT_LE(server.mostAtOnce(), 2);
    for (const QString& item : std::as_const(items)) {
        const Download done = stored(item);
        EXPECT_EQ(done.state, Download::State::Done) << done.error.toStdString();
        EXPECT_TRUE(done.path.endsWith(QStringLiteral(".m4a"))) << done.path.toStdString();
        EXPECT_EQ(contents(done.path).size(), 40'000);
    }
}

TEST_F(FeedDownloadTest, ACutDownloadOfAFileThatChangedMeanwhileStartsOverAndNeverSplicesTwoVersions)
{
    const std::string before = pattern(120'000);
    std::string after = pattern(90'000);
    std::reverse(after.begin(), after.end());
    std::atomic<int> version{1};
    server.on("/show.mp3", [&](const httplib::Request&, httplib::Response& response) {
        const std::string& body = version == 1 ? before : after;
        const std::string etag = version == 1 ? "\"one\"" : "\"two\"";
        response.set_header("ETag", etag);
        if (version == 1) {
            response.set_content_provider(body.size(), "audio/mpeg", [&body](size_t offset, size_t, httplib::DataSink& sink) {
                if (offset >= 40'000) {
                    return false;
                }
                sink.write(body.data() + offset, 40'000 - offset);
                return true;
            });
            return;
        }
        // This server ignores If-Range and sends the range of the new file: its ETag tells.
        response.set_content(body, "audio/mpeg");
    });
    const QString itemId = postOf("/show.mp3", QStringLiteral("The Show"));
    auto downloads = queue();
    auto queued = downloads->add(itemId, 0, folder);
    ASSERT_TRUE(queued);
    ASSERT_TRUE(settle(*downloads));
    ASSERT_EQ(stored(itemId).state, Download::State::Failed);
    version = 2;
    ASSERT_TRUE(downloads->retry(itemId, queued->url));
    ASSERT_TRUE(settle(*downloads));
    const Download done = stored(itemId);
    ASSERT_EQ(done.state, Download::State::Done) << done.error.toStdString();
    EXPECT_EQ(contents(done.path), QByteArray::fromStdString(after)) << "no file spliced from two";
    EXPECT_EQ(done.validator, QStringLiteral("\"two\""));
}

TEST_F(FeedDownloadTest, OneProcessDownloadsASongAtATimeAndAFileTaggedHalfwayIsFinishedNotFetchedAgain)
{
    const std::string body = pattern(60'000);
    server.on("/twice.mp3", [&body](const httplib::Request&, httplib::Response& response) {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        response.set_content(body, "audio/mpeg");
    });
    const QString itemId = postOf("/twice.mp3", QStringLiteral("Twice"));
    // Two queues on one database, as the app and bandmate-cli would be.
    auto app = queue();
    auto cli = queue();
    QStringList cliEnds;
    QObject::connect(cli.get(), &sync::DownloadQueue::finished, [&cliEnds](const QString&, const QString&, const QString& error) { cliEnds.append(error); });
    auto queued = app->add(itemId, 0, folder);
    ASSERT_TRUE(queued);
    ASSERT_TRUE(QTest::qWaitFor([&] { return app->progress(itemId, queued->url).value_or(sync::DownloadQueue::Progress{}).running; }, 5000));
    ASSERT_TRUE(cli->add(itemId, 0, folder));
    ASSERT_TRUE(settle(*cli));
    ASSERT_TRUE(settle(*app));
    ASSERT_EQ(cliEnds.size(), 1);
    EXPECT_NE(cliEnds.first().indexOf(QStringLiteral("another Bandmate")), -1) << cliEnds.first().toStdString();
    EXPECT_EQ(server.requests("/twice.mp3"), 1);
    const Download done = stored(itemId);
    EXPECT_EQ(done.state, Download::State::Done);
    EXPECT_EQ(contents(done.path), QByteArray::fromStdString(body));

    // Programs stopped while they tagged whole files: each row still on its way, its file at its
    // name, no part. The next start finishes them without asking the server again (more of them
    // than downloads run at once: none keeps a place), then fetches a new one.
    FeedDownloads downloads(*db);
    QList<std::pair<QString, Download>> planned;
    for (int i = 0; i < 3; ++i) {
        const std::string path = "/halfway" + std::to_string(i) + ".mp3";
        server.serve(path, body, "audio/mpeg");
        const QString post = postOf(path, QStringLiteral("Halfway %1").arg(i));
        auto queuedHalfway = downloads.queue(post, 0, kNow, folder);
        ASSERT_TRUE(queuedHalfway);
        ASSERT_TRUE(QDir().mkpath(QFileInfo(queuedHalfway->path).path()));
        QFile whole(queuedHalfway->path);
        ASSERT_TRUE(whole.open(QIODevice::WriteOnly));
        whole.write(QByteArray::fromStdString(body));
        whole.close();
        ASSERT_TRUE(downloads.markWhole(post, queuedHalfway->url, static_cast<qint64>(body.size())));
        planned.append({post, *queuedHalfway});
    }
    auto next = queue();
    ASSERT_EQ(*next->resumeQueued(), 3);
    ASSERT_TRUE(settle(*next));
    for (const auto& [post, halfway] : planned) {
        const Download adopted = stored(post);
        EXPECT_EQ(adopted.state, Download::State::Done) << adopted.error.toStdString();
        EXPECT_EQ(adopted.path, halfway.path);
    }
    EXPECT_EQ(server.requests("/halfway0.mp3") + server.requests("/halfway1.mp3") + server.requests("/halfway2.mp3"), 0);
    server.serve("/fresh.mp3", body, "audio/mpeg");
    const QString fresh = postOf("/fresh.mp3", QStringLiteral("Fresh"));
    ASSERT_TRUE(next->add(fresh, 0, folder));
    ASSERT_TRUE(settle(*next));
    EXPECT_EQ(stored(fresh).state, Download::State::Done);
}
