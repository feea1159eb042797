// Feeds fetched from a real web server on 127.0.0.1 (tests/support/FeedServer.h) into a real
// database: every format, conditional GET (a 304 costs no parse), gzip, each redirect and error
// code with its state change, Retry-After in both forms for the whole host, the per-host limit
// (the server counts), answers that are huge, slow, not XML at all or in another charset, and
// autodiscovery from a web page.
#include "core/feeds/FeedItemRepository.h"
#include "core/feeds/FeedRepository.h"
#include "sync/feeds/FeedRefresh.h"
#include "tests/support/FeedServer.h"
#include "tests/support/TestDatabase.h"

#include <QDateTime>

#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <thread>

using namespace bandmate;
using namespace bandmate::core::feeds;
using bandmate::test::FeedServer;
using bandmate::test::TempDir;

namespace {

std::string rss(const std::string& title, int items, const std::string& extraChannel = {}, int firstItem = 0)
{
    std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>)" +
                      title + "</title><link>https://blog.example/</link>" + extraChannel;
    for (int i = firstItem; i < firstItem + items; ++i) {
        const std::string n = std::to_string(i);
        xml += "<item><title>Artist " + n + " – Song " + n + "</title><link>https://blog.example/p/" + n + "</link><guid>post-" + n +
               "</guid><pubDate>Sun, 06 Dec 2026 10:00:00 GMT</pubDate><enclosure url=\"https://cdn.example/" + n +
               ".mp3\" type=\"audio/mpeg\" length=\"100\"/></item>";
    }
    return xml + "</channel></rss>";
}

std::string gzipped(const std::string& text)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, text.size()) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

std::string headerOf(const httplib::Headers& headers, const std::string& name)
{
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

class FeedFetchTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        db = test::openTestDatabase(dir);
        ASSERT_TRUE(db);
    }

    QString follow(const QString& url)
    {
        auto id = FeedRepository(*db).subscribe(url);
        EXPECT_TRUE(id) << (id ? "" : id.error().toString());
        return id.value_or(QString());
    }

    sync::RefreshReport refresh(bool manual = true, const sync::FeedFetcher::Limits& limits = {})
    {
        sync::FeedRefresh refresh(*db, limits);
        return refresh.run(manual);
    }

    Subscription feed(const QString& id)
    {
        auto found = FeedRepository(*db).feed(id);
        EXPECT_TRUE(found) << (found ? "" : found.error().toString());
        return found.value_or(Subscription{});
    }

    int items(const QString& feedId)
    {
        auto list = FeedItemRepository(*db).items({.feedId = feedId});
        EXPECT_TRUE(list);
        return list ? static_cast<int>(list->size()) : -1;
    }

    static QString errors(const sync::RefreshReport& report)
    {
        QStringList lines;
        for (const auto& error : report.errors) {
            lines.append(error.feed + QStringLiteral(": ") + error.message);
        }
        return lines.join(QLatin1Char('\n'));
    }

    TempDir dir;
    std::unique_ptr<core::Database> db;
    FeedServer server;
};

}  // namespace

TEST_F(FeedFetchTest, EveryFormatIsReadFromTheNetwork)
{
    server.serve("/rss", rss("Salsa Dura", 3));
    server.serve("/rdf",
                 R"(<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                    <channel rdf:about="https://old.example/"><title>Old Blog</title><link>https://old.example/</link></channel>
                    <item rdf:about="https://old.example/1"><title>Uno</title><link>https://old.example/1</link></item>
                    <item rdf:about="https://old.example/2"><title>Dos</title><link>https://old.example/2</link></item></rdf:RDF>)",
                 "application/rdf+xml");
    server.serve("/atom",
                 R"(<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Label News</title><id>urn:x</id>
                    <updated>2026-12-06T10:00:00Z</updated><entry><title>New record</title><id>urn:x:1</id><updated>2026-12-06T10:00:00Z</updated>
                    <link href="https://label.example/1"/></entry></feed>)",
                 "application/atom+xml");
    server.serve("/json",
                 R"({"version":"https://jsonfeed.org/version/1.1","title":"Json Blog","items":[{"id":"1","title":"A","url":"https://j.example/1"},
                    {"id":"2","title":"B","url":"https://j.example/2"}]})",
                 "application/feed+json");
    // ISO-8859-1, as its prolog says, not UTF-8.
    server.serve("/latin1", std::string("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Canci\xf3n</title>"
                                        "<item><title>Coraz\xf3n</title><guid>1</guid></item></channel></rss>"),
                 "text/xml");
    const QString rssId = follow(server.url("/rss"));
    const QString rdfId = follow(server.url("/rdf"));
    const QString atomId = follow(server.url("/atom"));
    const QString jsonId = follow(server.url("/json"));
    const QString latinId = follow(server.url("/latin1"));
    const sync::RefreshReport report = refresh();
    EXPECT_TRUE(report.errors.isEmpty()) << errors(report).toStdString();
    EXPECT_EQ(report.feeds, 5);
    EXPECT_EQ(report.newItems, 3 + 2 + 1 + 2 + 1);
    EXPECT_EQ(items(rssId), 3);
    EXPECT_EQ(items(rdfId), 2);
    EXPECT_EQ(items(atomId), 1);
    EXPECT_EQ(items(jsonId), 2);
    EXPECT_EQ(feed(rssId).title, QStringLiteral("Salsa Dura"));
    EXPECT_EQ(feed(latinId).title, QStringLiteral("Canción"));
    auto latin = FeedItemRepository(*db).items({.feedId = latinId});
    ASSERT_TRUE(latin && latin->size() == 1);
    EXPECT_EQ(latin->first().title, QStringLiteral("Corazón"));
}

TEST_F(FeedFetchTest, ANotModifiedAnswerCostsNoParse)
{
    server.on("/rss", [](const httplib::Request& request, httplib::Response& response) {
        if (request.get_header_value("If-None-Match") == "\"v1\"") {
            response.status = 304;
            return;
        }
        response.set_header("ETag", "\"v1\"");
        response.set_header("Last-Modified", "Sun, 06 Dec 2026 10:00:00 GMT");
        response.set_content(rss("Salsa", 2), "application/rss+xml");
    });
    const QString id = follow(server.url("/rss"));
    sync::RefreshReport first = refresh();
    EXPECT_EQ(first.parsed, 1);
    EXPECT_EQ(first.newItems, 2);
    EXPECT_EQ(feed(id).fetch.etag, QStringLiteral("\"v1\""));
    sync::RefreshReport second = refresh();
    EXPECT_EQ(second.notModified, 1);
    EXPECT_EQ(second.parsed, 0);
    EXPECT_EQ(second.newItems, 0);
    EXPECT_EQ(headerOf(server.lastHeaders("/rss"), "If-Modified-Since"), "Sun, 06 Dec 2026 10:00:00 GMT");
    EXPECT_EQ(items(id), 2);
    // Not due yet: a round that is not by hand asks nothing.
    const int asked = server.requests("/rss");
    refresh(false);
    EXPECT_EQ(server.requests("/rss"), asked);
}

TEST_F(FeedFetchTest, AGzippedFeedIsRead)
{
    server.on("/rss", [](const httplib::Request& request, httplib::Response& response) {
        ASSERT_NE(request.get_header_value("Accept-Encoding").find("gzip"), std::string::npos);
        response.set_header("Content-Encoding", "gzip");
        response.set_content(gzipped(rss("Zipped", 4)), "application/rss+xml");
    });
    const QString id = follow(server.url("/rss"));
    const sync::RefreshReport report = refresh();
    EXPECT_TRUE(report.errors.isEmpty()) << errors(report).toStdString();
    EXPECT_EQ(items(id), 4);
}

TEST_F(FeedFetchTest, APermanentMoveChangesTheAddressAtTheSecondAnswerATemporaryOneNever)
{
    server.serve("/new", rss("Moved", 1));
    server.serve("/new2", rss("Moved too", 1));
    server.serve("/new3", rss("Somewhere", 1));
    server.on("/old", [&](const httplib::Request&, httplib::Response& response) { response.set_redirect(server.url("/new").toStdString(), 301); });
    server.on("/temp", [&](const httplib::Request&, httplib::Response& response) { response.set_redirect(server.url("/new3").toStdString(), 302); });
    server.on("/temp307", [&](const httplib::Request&, httplib::Response& response) { response.set_redirect("/new3", 307); });
    server.on("/perm308", [&](const httplib::Request&, httplib::Response& response) { response.set_redirect("/new2", 308); });
    // Moved for good onto an address followed already: not moved (two of one feed), and said so.
    server.on("/twin", [&](const httplib::Request&, httplib::Response& response) { response.set_redirect(server.url("/new").toStdString(), 301); });
    const QString moved = follow(server.url("/old"));
    const QString temporary = follow(server.url("/temp"));
    const QString relative = follow(server.url("/perm308"));
    const QString temporary307 = follow(server.url("/temp307"));
    sync::FeedFetcher::Limits quick;
    quick.hostGap = std::chrono::milliseconds(10);
    sync::RefreshReport first = refresh(true, quick);
    EXPECT_TRUE(first.errors.isEmpty()) << errors(first).toStdString();
    EXPECT_EQ(feed(moved).url, server.url("/old"));
    EXPECT_EQ(items(moved), 1);
    sync::RefreshReport second = refresh(true, quick);
    EXPECT_EQ(feed(moved).url, server.url("/new"));
    EXPECT_EQ(feed(relative).url, server.url("/new2"));
    EXPECT_EQ(feed(temporary).url, server.url("/temp"));
    EXPECT_EQ(feed(temporary307).url, server.url("/temp307"));
    EXPECT_EQ(second.notices.size(), 2) << second.notices.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(items(moved), 1);

    const QString twin = follow(server.url("/twin"));
    refresh(true, quick);
    const sync::RefreshReport twice = refresh(true, quick);
    EXPECT_EQ(feed(twin).url, server.url("/twin"));
    EXPECT_TRUE(twice.notices.join(QLatin1Char('\n')).contains(QStringLiteral("which you follow already"))) << twice.notices.join(QLatin1Char('\n')).toStdString();
}

TEST_F(FeedFetchTest, GoneStopsTheFeedForGood)
{
    server.on("/gone", [](const httplib::Request&, httplib::Response& response) { response.status = 410; });
    const QString id = follow(server.url("/gone"));
    const sync::RefreshReport report = refresh();
    ASSERT_EQ(report.errors.size(), 1);
    EXPECT_TRUE(report.errors.first().message.contains(QStringLiteral("gone for good")));
    EXPECT_TRUE(feed(id).fetch.gone);
    refresh();
    EXPECT_EQ(server.requests("/gone"), 1);
}

TEST_F(FeedFetchTest, RetryAfterHoldsTheWholeHostInBothForms)
{
    server.on("/busy", [](const httplib::Request&, httplib::Response& response) {
        response.status = 429;
        response.set_header("Retry-After", "3600");
    });
    server.on("/slow-ok", [](const httplib::Request&, httplib::Response& response) {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        response.set_content(rss("Fine", 1), "application/rss+xml");
    });
    const QString busy = follow(server.url("/busy"));
    follow(server.url("/slow-ok"));
    const QDateTime before = QDateTime::currentDateTimeUtc();
    refresh();
    const Subscription held = feed(busy);
    EXPECT_EQ(held.fetch.failures, 1);
    EXPECT_NEAR(before.secsTo(held.fetch.nextAt), 3600, 5);
    auto waits = FeedRepository(*db).hostWaits(QDateTime::currentDateTimeUtc());
    ASSERT_TRUE(waits);
    ASSERT_EQ(waits->size(), 1);
    EXPECT_NEAR(before.secsTo(waits->begin().value()), 3600, 5);
    // The next round asks nothing of that host, not even by hand.
    const int asked = server.totalRequests();
    const sync::RefreshReport next = refresh();
    EXPECT_EQ(server.totalRequests(), asked);
    EXPECT_EQ(next.waiting, 2);

    // A date instead of seconds, from another host.
    FeedServer other;
    other.on("/503", [](const httplib::Request&, httplib::Response& response) {
        response.status = 503;
        response.set_header("Retry-After", QDateTime::currentDateTimeUtc().addSecs(7200).toString(Qt::RFC2822Date).toStdString());
    });
    const QString maintenance = follow(other.url("/503"));
    refresh();
    EXPECT_NEAR(QDateTime::currentDateTimeUtc().secsTo(feed(maintenance).fetch.nextAt), 7200, 5);
    EXPECT_TRUE(feed(maintenance).fetch.error.contains(QStringLiteral("503")));
}

TEST_F(FeedFetchTest, OtherErrorsBackOffAndSayWhatWentWrong)
{
    const QString missing = follow(server.url("/missing"));
    const QString broken = follow(server.url("/broken"));
    server.on("/broken", [](const httplib::Request&, httplib::Response& response) { response.status = 500; });
    // A port nothing listens on.
    FeedServer* closed = new FeedServer;
    const QString refused = follow(closed->url("/rss"));
    delete closed;
    refresh();
    EXPECT_EQ(feed(missing).fetch.error, QStringLiteral("the server has no feed at this address (404)"));
    EXPECT_EQ(feed(broken).fetch.error, QStringLiteral("the server had a problem (500)"));
    EXPECT_EQ(feed(refused).fetch.error, QStringLiteral("the server refused the connection"));
    refresh();
    const Subscription twice = feed(missing);
    EXPECT_EQ(twice.fetch.failures, 2);
    EXPECT_NEAR(twice.fetch.checkedAt.secsTo(twice.fetch.nextAt), 30 * 60, 2);
}

TEST_F(FeedFetchTest, AnHtmlPageInsteadOfTheFeedReplacesNothing)
{
    bool portal = false;
    std::mutex mutex;
    server.on("/rss", [&](const httplib::Request&, httplib::Response& response) {
        const std::lock_guard lock(mutex);
        if (portal) {
            response.set_content("<!DOCTYPE html><html><head><title>Hotel WiFi</title></head><body><form>Log in</form></body></html>", "text/html");
        } else {
            response.set_header("ETag", "\"v1\"");
            response.set_content(rss("Salsa", 3), "application/rss+xml");
        }
    });
    const QString id = follow(server.url("/rss"));
    refresh();
    ASSERT_EQ(items(id), 3);
    {
        const std::lock_guard lock(mutex);
        portal = true;
    }
    const sync::RefreshReport report = refresh();
    ASSERT_EQ(report.errors.size(), 1);
    EXPECT_TRUE(report.errors.first().message.contains(QStringLiteral("HTML page"))) << report.errors.first().message.toStdString();
    EXPECT_EQ(items(id), 3);
    EXPECT_EQ(feed(id).url, server.url("/rss"));
    EXPECT_EQ(feed(id).fetch.etag, QStringLiteral("\"v1\""));
    EXPECT_EQ(feed(id).title, QStringLiteral("Salsa"));
}

TEST_F(FeedFetchTest, AFeedPastTheLimitIsCutOffWhetherItSaysItsLengthOrNot)
{
    const std::string huge = rss("Huge", 1) + std::string(16 * 1024 * 1024, ' ');
    server.serve("/declared", huge);
    server.on("/streamed", [&huge](const httplib::Request&, httplib::Response& response) {
        response.set_chunked_content_provider("application/rss+xml", [&huge](size_t offset, httplib::DataSink& sink) {
            if (offset >= huge.size()) {
                sink.done();
                return true;
            }
            return sink.write(huge.data() + offset, std::min<size_t>(64 * 1024, huge.size() - offset));
        });
    });
    const QString declared = follow(server.url("/declared"));
    const QString streamed = follow(server.url("/streamed"));
    const sync::RefreshReport report = refresh();
    EXPECT_EQ(report.errors.size(), 2) << errors(report).toStdString();
    EXPECT_TRUE(feed(declared).fetch.error.contains(QStringLiteral("larger than 15 MB"))) << feed(declared).fetch.error.toStdString();
    EXPECT_TRUE(feed(streamed).fetch.error.contains(QStringLiteral("larger than 15 MB"))) << feed(streamed).fetch.error.toStdString();
    EXPECT_EQ(report.parsed, 0);
}

TEST_F(FeedFetchTest, ASlowServerIsCutAtTheTimeout)
{
    server.on("/slow", [](const httplib::Request&, httplib::Response& response) {
        response.set_chunked_content_provider("application/rss+xml", [](size_t offset, httplib::DataSink& sink) {
            if (offset > 40) {
                sink.done();
                return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            return sink.write("<", 1);  // a byte at a time: never idle long, never done in time
        });
    });
    const QString id = follow(server.url("/slow"));
    sync::FeedFetcher::Limits limits;
    limits.timeout = std::chrono::seconds(1);
    const auto started = std::chrono::steady_clock::now();
    refresh(true, limits);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4));
    EXPECT_EQ(feed(id).fetch.error, QStringLiteral("no complete answer within 1 s"));
}

TEST_F(FeedFetchTest, NeverMoreThanTwoRequestsToOneHostAtOnce)
{
    FeedServer second;
    for (int i = 0; i < 8; ++i) {
        for (FeedServer* host : {&server, &second}) {
            const std::string path = "/feed" + std::to_string(i);
            host->on(path, [](const httplib::Request&, httplib::Response& response) {
                std::this_thread::sleep_for(std::chrono::milliseconds(150));
                response.set_content(rss("Slowish", 1), "application/rss+xml");
            });
            follow(host->url(path));
        }
    }
    sync::FeedFetcher::Limits limits;
    limits.hostGap = std::chrono::milliseconds(20);
    const sync::RefreshReport report = refresh(true, limits);
    EXPECT_TRUE(report.errors.isEmpty()) << errors(report).toStdString();
    EXPECT_EQ(report.feeds, 16);
    EXPECT_EQ(server.mostAtOnce(), 2);
    EXPECT_EQ(second.mostAtOnce(), 2);
}

TEST_F(FeedFetchTest, APodcastThatMovesIsFollowed)
{
    server.serve("/old.xml", rss("Show", 1, "<itunes:new-feed-url>" + server.url("/new.xml").toStdString() + "</itunes:new-feed-url>"));
    server.serve("/new.xml", rss("Show", 2));
    const QString id = follow(server.url("/old.xml"));
    const sync::RefreshReport report = refresh();
    EXPECT_EQ(feed(id).url, server.url("/new.xml"));
    ASSERT_EQ(report.notices.size(), 1);
    refresh();
    EXPECT_EQ(items(id), 2);
    EXPECT_EQ(server.requests("/old.xml"), 1);
}

TEST_F(FeedFetchTest, AWebPageLeadsToItsFeed)
{
    server.serve("/blog", R"(<!DOCTYPE html><html><head><title>Blog</title>
        <link rel="alternate" type="application/rss+xml" title="Posts" href="/feed/">
        </head><body>Hi</body></html>)",
                 "text/html");
    server.serve("/feed/", rss("Found It", 2));
    server.serve("/plain", "<!DOCTYPE html><html><head><title>Nothing</title></head></html>", "text/html");
    sync::FeedRefresh refresh(*db);
    auto found = refresh.discover(server.url("/blog"));
    ASSERT_TRUE(found) << found.error().toString();
    EXPECT_EQ(found->url, server.url("/feed/"));
    EXPECT_EQ(found->title, QStringLiteral("Found It"));
    auto direct = refresh.discover(server.url("/feed/"));
    ASSERT_TRUE(direct);
    EXPECT_EQ(direct->url, server.url("/feed/"));
    auto none = refresh.discover(server.url("/plain"));
    ASSERT_FALSE(none);
    EXPECT_NE(none.error().message.find("names no feed"), std::string::npos) << none.error().toString();
    // A feed that breaks says where, not that a page names no feed.
    server.serve("/broken", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Broken</title><item><title>x</item></channel></rss>");
    auto broken = refresh.discover(server.url("/broken"));
    ASSERT_FALSE(broken);
    EXPECT_NE(broken.error().message.find("the feed does not read: line 1"), std::string::npos) << broken.error().toString();
    auto missing = refresh.discover(server.url("/nothing"));
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("404"), std::string::npos) << missing.error().toString();
}

TEST_F(FeedFetchTest, ATransferCutShortIsAFailedFetchNotABrokenFeed)
{
    const std::string document = rss("Cut", 5);
    server.on("/cut", [&document](const httplib::Request&, httplib::Response& response) {
        response.set_content_provider(document.size(), "application/rss+xml", [&document](size_t offset, size_t, httplib::DataSink& sink) {
            if (offset > 0) {
                return false;  // the connection drops halfway
            }
            return sink.write(document.data(), document.size() / 2);
        });
    });
    const QString id = follow(server.url("/cut"));
    const sync::RefreshReport report = refresh();
    EXPECT_EQ(report.parsed, 0);
    ASSERT_EQ(report.errors.size(), 1);
    EXPECT_TRUE(feed(id).fetch.error.contains(QStringLiteral("before the feed was complete")) ||
                feed(id).fetch.error.contains(QStringLiteral("did not arrive whole")))
        << feed(id).fetch.error.toStdString();
    EXPECT_EQ(items(id), 0);
}

TEST_F(FeedFetchTest, RetryAfterHoldsTheHostThatAnsweredNotTheOneThatRedirected)
{
    FeedServer cdn;
    cdn.on("/busy", [](const httplib::Request&, httplib::Response& response) {
        response.status = 429;
        response.set_header("Retry-After", "600");
    });
    server.on("/feed", [&](const httplib::Request&, httplib::Response& response) { response.set_redirect(cdn.url("/busy").toStdString(), 302); });
    server.serve("/ok", rss("Fine", 1));
    follow(server.url("/feed"));
    follow(server.url("/ok"));
    refresh();
    auto waits = FeedRepository(*db).hostWaits(QDateTime::currentDateTimeUtc());
    ASSERT_TRUE(waits);
    ASSERT_EQ(waits->size(), 1);
    EXPECT_EQ(waits->begin().key(), QStringLiteral("127.0.0.1:%1").arg(cdn.port()));
    const int asked = server.requests("/ok");
    refresh();
    EXPECT_EQ(server.requests("/ok"), asked + 1) << "the host that redirected is not held";
}
