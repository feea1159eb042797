// bandmate-cli feeds against a real web server on 127.0.0.1: follow a blog by its page, refresh
// (the --json contract of issue 22), list items with their songs, OPML out and in, remove; bad
// input fails with one line and changes nothing.
#include "tests/e2e/CliRunner.h"
#include "tests/support/AudioFiles.h"
#include "tests/support/FeedServer.h"

#include <QFileInfo>
#include <QJsonArray>

namespace bandmate::test {
namespace {

const std::string kFeed = R"(<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Salsa Dura Blog</title><link>https://salsadura.example/</link>
<item><title>Héctor Lavoe – El Cantante</title><link>https://salsadura.example/p/1</link><guid>p1</guid>
<pubDate>Sat, 05 Dec 2026 17:30:00 +0000</pubDate><enclosure url="https://salsadura.example/el-cantante.mp3" type="audio/mpeg" length="100"/></item>
<item><title>Celia Cruz – Quimbara</title><link>https://salsadura.example/p/2</link><guid>p2</guid>
<pubDate>Fri, 04 Dec 2026 17:30:00 +0000</pubDate><content:encoded><![CDATA[<p>Live: <a href="https://salsadura.example/quimbara-live.mp3">Quimbara (live)</a></p>]]></content:encoded></item>
</channel></rss>)";

class FeedCliTest : public ::testing::Test {
protected:
    CliRun cli(QStringList args)
    {
        args.prepend(dir.file(QStringLiteral("bandmate.sqlite")));
        args.prepend(QStringLiteral("--db"));
        return runCli(args);
    }

    TempDir dir;
    FeedServer server;
};

}  // namespace

TEST_F(FeedCliTest, FollowsABlogByItsPageAndListsItsSongs)
{
    server.serve("/", R"(<html><head><link rel="alternate" type="application/rss+xml" href="/feed/"></head><body></body></html>)", "text/html");
    server.on("/feed/", [](const httplib::Request& request, httplib::Response& response) {
        if (request.get_header_value("If-None-Match") == "\"1\"") {
            response.status = 304;
            return;
        }
        response.set_header("ETag", "\"1\"");
        response.set_content(kFeed, "application/rss+xml");
    });
    const CliRun added = cli({QStringLiteral("--json"), QStringLiteral("feeds"), QStringLiteral("add"), server.url("/"), QStringLiteral("--folder"),
                              QStringLiteral("Blogs")});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_EQ(added.json()[QStringLiteral("url")].toString(), server.url("/feed/"));
    EXPECT_EQ(added.json()[QStringLiteral("title")].toString(), QStringLiteral("Salsa Dura Blog"));
    EXPECT_EQ(added.json()[QStringLiteral("new_items")].toInt(), 2);
    EXPECT_EQ(server.requests("/feed/"), 1) << "following reads the document it fetched, not a second one";

    const CliRun refreshed = cli({QStringLiteral("--json"), QStringLiteral("feeds"), QStringLiteral("refresh")});
    ASSERT_EQ(refreshed.exitCode, 0) << refreshed.err.toStdString();
    const QJsonObject report = refreshed.json();
    EXPECT_EQ(report[QStringLiteral("feeds")].toInt(), 1);
    EXPECT_EQ(report[QStringLiteral("new_items")].toInt(), 0);
    EXPECT_EQ(report[QStringLiteral("not_modified")].toInt(), 1);
    EXPECT_TRUE(report[QStringLiteral("errors")].isArray());

    const CliRun items = cli({QStringLiteral("--json"), QStringLiteral("feeds"), QStringLiteral("items")});
    ASSERT_EQ(items.exitCode, 0) << items.err.toStdString();
    const QJsonArray list = QJsonDocument::fromJson(items.out.toUtf8()).array();
    ASSERT_EQ(list.size(), 2);
    const QJsonObject first = list.at(0).toObject();
    EXPECT_EQ(first[QStringLiteral("feed")].toString(), QStringLiteral("Salsa Dura Blog"));
    EXPECT_EQ(first[QStringLiteral("guid")].toString(), QStringLiteral("p1"));
    EXPECT_EQ(first[QStringLiteral("link")].toString(), QStringLiteral("https://salsadura.example/p/1"));
    const QJsonObject song = first[QStringLiteral("songs")].toArray().at(0).toObject();
    EXPECT_EQ(song[QStringLiteral("artist")].toString(), QStringLiteral("Héctor Lavoe"));
    EXPECT_EQ(song[QStringLiteral("title")].toString(), QStringLiteral("El Cantante"));
    EXPECT_EQ(song[QStringLiteral("url")].toString(), QStringLiteral("https://salsadura.example/el-cantante.mp3"));
    const QJsonArray second = list.at(1).toObject()[QStringLiteral("songs")].toArray();
    ASSERT_GE(second.size(), 1);
    EXPECT_EQ(second.at(0).toObject()[QStringLiteral("url")].toString(), QStringLiteral("https://salsadura.example/quimbara-live.mp3"));

    const CliRun listed = cli({QStringLiteral("--json"), QStringLiteral("feeds"), QStringLiteral("list")});
    ASSERT_EQ(listed.exitCode, 0);
    const QJsonObject feed = QJsonDocument::fromJson(listed.out.toUtf8()).array().at(0).toObject();
    EXPECT_EQ(feed[QStringLiteral("folder")].toString(), QStringLiteral("Blogs"));
    EXPECT_EQ(feed[QStringLiteral("new")].toInt(), 2);
    EXPECT_FALSE(feed[QStringLiteral("next_check")].toString().isEmpty());
}

TEST_F(FeedCliTest, OpmlGoesOutAndComesBackIntoAnotherDatabase)
{
    const QString opml = dir.file(QStringLiteral("in.opml"));
    writeAll(opml, R"(<?xml version="1.0"?><opml version="1.0"><head><title>Reader</title></head><body>
        <outline title="Music"><outline text="One" type="rss" xmlUrl="https://one.example/rss"/>
        <outline text="Two" type="rss" xmlUrl="https://two.example/atom"/></outline></body></opml>)");
    const CliRun imported = cli({QStringLiteral("--json"), QStringLiteral("feeds"), QStringLiteral("import-opml"), opml});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_EQ(imported.json()[QStringLiteral("added")].toInt(), 2);
    EXPECT_EQ(imported.json()[QStringLiteral("folders")].toInt(), 1);
    const QString out = dir.file(QStringLiteral("out.opml"));
    ASSERT_EQ(cli({QStringLiteral("feeds"), QStringLiteral("export-opml"), QStringLiteral("--out"), out}).exitCode, 0);
    const CliRun other = runCli({QStringLiteral("--db"), dir.file(QStringLiteral("other.sqlite")), QStringLiteral("--json"), QStringLiteral("feeds"),
                                 QStringLiteral("import-opml"), out});
    ASSERT_EQ(other.exitCode, 0) << other.err.toStdString();
    EXPECT_EQ(other.json()[QStringLiteral("added")].toInt(), 2);
    const CliRun listed = runCli({QStringLiteral("--db"), dir.file(QStringLiteral("other.sqlite")), QStringLiteral("--json"), QStringLiteral("feeds"),
                                  QStringLiteral("list")});
    const QJsonArray feeds = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    ASSERT_EQ(feeds.size(), 2);
    EXPECT_EQ(feeds.at(0).toObject()[QStringLiteral("folder")].toString(), QStringLiteral("Music"));
    EXPECT_EQ(feeds.at(0).toObject()[QStringLiteral("name")].toString(), QStringLiteral("One"));

    const CliRun removed = cli({QStringLiteral("feeds"), QStringLiteral("remove"), QStringLiteral("One")});
    ASSERT_EQ(removed.exitCode, 0) << removed.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(cli({QStringLiteral("--json"), QStringLiteral("feeds"), QStringLiteral("list")}).out.toUtf8()).array().size(), 1);
}

TEST_F(FeedCliTest, BadInputSaysWhereAndChangesNothing)
{
    const QString broken = dir.file(QStringLiteral("broken.opml"));
    writeAll(broken, "<opml version=\"2.0\"><body><outline text=\"x\" xmlUrl=\"https://a.example/rss\">");
    const CliRun bad = cli({QStringLiteral("feeds"), QStringLiteral("import-opml"), broken});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(broken)) << bad.err.toStdString();
    EXPECT_EQ(bad.err.count(QLatin1Char('\n')), 1) << bad.err.toStdString();
    const CliRun notHttp = cli({QStringLiteral("feeds"), QStringLiteral("add"), QStringLiteral("ftp://example.org/feed"), QStringLiteral("--no-check")});
    EXPECT_EQ(notHttp.exitCode, 2);
    EXPECT_TRUE(notHttp.err.contains(QStringLiteral("http or https"))) << notHttp.err.toStdString();
    const CliRun search = cli({QStringLiteral("feeds"), QStringLiteral("items"), QStringLiteral("--search"), QStringLiteral("tempo:fast")});
    EXPECT_EQ(search.exitCode, 2);
    EXPECT_TRUE(search.err.contains(QStringLiteral("--search, column 1"))) << search.err.toStdString();
    const CliRun unknown = cli({QStringLiteral("feeds"), QStringLiteral("remove"), QStringLiteral("nothing-like-it")});
    EXPECT_EQ(unknown.exitCode, 2);
    const CliRun listed = cli({QStringLiteral("--json"), QStringLiteral("feeds"), QStringLiteral("list")});
    EXPECT_EQ(QJsonDocument::fromJson(listed.out.toUtf8()).array().size(), 0);
}

TEST_F(FeedCliTest, ASongDownloadsIntoTheChosenFolderComesIntoTheLibraryAndPlayedOnesAreCleanedUp)
{
    const QString wav = dir.file(QStringLiteral("tone.wav"));
    ASSERT_TRUE(writeWav16(wav.toStdString(), 44100, {std::vector<float>(44100, 0.1f)}));
    const std::string tone = readAll(wav).toStdString();
    server.serve("/ep.wav", tone, "audio/wav");
    server.serve("/feed", R"(<?xml version="1.0"?><rss version="2.0"><channel><title>Salsa Hour</title><link>https://hour.example/</link>
<item><title>Episode 12</title><link>https://hour.example/12</link><guid>e12</guid><pubDate>Tue, 01 Dec 2026 20:00:00 +0000</pubDate>
<enclosure url=")" + server.url("/ep.wav").toStdString() + R"(" type="audio/wav" length="88244"/></item>
<item><title>A player only</title><link>https://hour.example/13</link><guid>e13</guid>
<description>&lt;iframe src="https://bandcamp.com/EmbeddedPlayer/track=1"&gt;&lt;/iframe&gt;</description></item></channel></rss>)",
                 "application/rss+xml");
    ASSERT_EQ(cli({QStringLiteral("feeds"), QStringLiteral("add"), server.url("/feed")}).exitCode, 0);
    const QString folder = dir.file(QStringLiteral("Music/Feeds"));
    const CliRun set = cli({QStringLiteral("--json"), QStringLiteral("feeds"), QStringLiteral("downloads"), QStringLiteral("--folder"), folder,
                            QStringLiteral("--keep-days"), QStringLiteral("7")});
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    EXPECT_EQ(set.json()[QStringLiteral("folder")].toString(), folder);
    EXPECT_EQ(set.json()[QStringLiteral("keep_days")].toInt(), 7);
    const QJsonArray items = QJsonDocument::fromJson(cli({QStringLiteral("--json"), QStringLiteral("feeds"), QStringLiteral("items")}).out.toUtf8()).array();
    ASSERT_EQ(items.size(), 2);
    QString episode;
    QString player;
    for (const QJsonValue& item : items) {
        (item.toObject()[QStringLiteral("guid")].toString() == QLatin1String("e12") ? episode : player) = item.toObject()[QStringLiteral("id")].toString();
    }

    const CliRun fetched = cli({QStringLiteral("--json"), QStringLiteral("feeds"), QStringLiteral("download"), episode});
    ASSERT_EQ(fetched.exitCode, 0) << fetched.err.toStdString();
    const QJsonObject done = QJsonDocument::fromJson(fetched.out.toUtf8()).array().at(0).toObject();
    EXPECT_EQ(done[QStringLiteral("state")].toString(), QStringLiteral("done"));
    EXPECT_EQ(done[QStringLiteral("path")].toString(), folder + QStringLiteral("/Salsa Hour/2026-12-01 Episode 12.wav"));
    EXPECT_GE(done[QStringLiteral("bytes")].toInteger(), static_cast<qint64>(tone.size()));
    EXPECT_TRUE(QFileInfo::exists(done[QStringLiteral("path")].toString()));

    // A player's song is not a file: one line that says so, nothing stored.
    const CliRun refused = cli({QStringLiteral("feeds"), QStringLiteral("download"), player});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_EQ(refused.err.count(QLatin1Char('\n')), 1) << refused.err.toStdString();
    const CliRun badDays = cli({QStringLiteral("feeds"), QStringLiteral("downloads"), QStringLiteral("--keep-days"), QStringLiteral("-3")});
    EXPECT_EQ(badDays.exitCode, 2);
    EXPECT_TRUE(badDays.err.contains(QStringLiteral("--keep-days"))) << badDays.err.toStdString();
    const CliRun listed = cli({QStringLiteral("--json"), QStringLiteral("feeds"), QStringLiteral("downloads")});
    EXPECT_EQ(listed.json()[QStringLiteral("downloads")].toArray().size(), 1);
    EXPECT_EQ(listed.json()[QStringLiteral("keep_days")].toInt(), 7);

    const CliRun kept = cli({QStringLiteral("--json"), QStringLiteral("feeds"), QStringLiteral("add-to-library"), episode});
    ASSERT_EQ(kept.exitCode, 0) << kept.err.toStdString();
    EXPECT_FALSE(kept.json()[QStringLiteral("song_id")].toString().isEmpty());
    const CliRun cleaned = cli({QStringLiteral("--json"), QStringLiteral("feeds"), QStringLiteral("cleanup")});
    ASSERT_EQ(cleaned.exitCode, 0) << cleaned.err.toStdString();
    EXPECT_EQ(cleaned.json()[QStringLiteral("removed")].toInt(), 0);
    EXPECT_TRUE(QFileInfo::exists(done[QStringLiteral("path")].toString()));
}
}  // namespace bandmate::test
