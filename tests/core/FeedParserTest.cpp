// Feed documents as real publishers write them (WordPress, Blogger, a podcast host, a JSON Feed
// site, an old RDF blog), the songs found in them, OPML files in and out, and bad documents.
#include "core/feeds/FeedParser.h"
#include "core/feeds/Opml.h"
#include "core/feeds/SongFinder.h"

#include <gtest/gtest.h>

using namespace bandmate::core;
using namespace bandmate::core::feeds;

namespace {

// A WordPress blog's RSS 2.0 (its shape: CDATA bodies, dc:creator, wfw and slash extensions,
// the [audio] shortcode's player, an enclosure WordPress adds for a linked MP3).
const QByteArray kWordPress = R"(<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>
<channel>
	<title>Salsa Dura Blog &#8211; Descargas y noticias</title>
	<atom:link href="https://salsadura.example/feed/" rel="self" type="application/rss+xml" />
	<link>https://salsadura.example</link>
	<description>La salsa de siempre</description>
	<lastBuildDate>Sat, 05 Dec 2026 18:04:11 +0000</lastBuildDate>
	<language>es</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<ttl>120</ttl>
	<generator>https://wordpress.org/?v=6.4.2</generator>
	<item>
		<title>Héctor Lavoe &#8211; &#8220;El Cantante&#8221;</title>
		<link>https://salsadura.example/2026/12/05/hector-lavoe-el-cantante/</link>
		<comments>https://salsadura.example/2026/12/05/hector-lavoe-el-cantante/#respond</comments>
		<dc:creator><![CDATA[Ana]]></dc:creator>
		<pubDate>Sat, 05 Dec 2026 17:30:00 +0000</pubDate>
		<category><![CDATA[Clásicos]]></category>
		<guid isPermaLink="false">https://salsadura.example/?p=1234</guid>
		<description><![CDATA[Un clásico de 1978 &#8230;]]></description>
		<content:encoded><![CDATA[<p>Un clásico.</p>
<!--[if lt IE 9]><script>document.createElement('audio');</script><![endif]-->
<audio class="wp-audio-shortcode" id="audio-1234-1" preload="none" style="width: 100%;" controls="controls"><source type="audio/mpeg" src="https://salsadura.example/wp-content/uploads/2026/12/el-cantante.mp3?_=1" /><a href="https://salsadura.example/wp-content/uploads/2026/12/el-cantante.mp3">https://salsadura.example/wp-content/uploads/2026/12/el-cantante.mp3</a></audio>
<p>Y también <a href="/wp-content/uploads/2026/12/Willie_Colon-Calle_Luna.mp3">Willie Colón – Calle Luna, Calle Sol</a>.</p>]]></content:encoded>
		<wfw:commentRss>https://salsadura.example/2026/12/05/hector-lavoe-el-cantante/feed/</wfw:commentRss>
		<slash:comments>0</slash:comments>
		<enclosure url="https://salsadura.example/wp-content/uploads/2026/12/el-cantante.mp3" length="8123456" type="audio/mpeg" />
	</item>
	<item>
		<title>Premiere: La Sonora Ponceña - &quot;Timbalero&quot; [Video]</title>
		<link>https://salsadura.example/2026/12/04/timbalero/</link>
		<pubDate>Fri, 04 Dec 2026 09:00:00 EST</pubDate>
		<guid isPermaLink="true">https://salsadura.example/2026/12/04/timbalero/</guid>
		<description><![CDATA[<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/abcDEF12345?si=x" frameborder="0" allowfullscreen></iframe>]]></description>
	</item>
</channel>
</rss>
)";

// Blogger's Atom (html content, a SoundCloud and a Bandcamp player, an enclosure link).
const QByteArray kBlogger = R"(<?xml version='1.0' encoding='UTF-8'?><?xml-stylesheet href="http://www.blogger.com/styles/atom.css" type="text/css"?><feed xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' xmlns:blogger='http://schemas.google.com/blogger/2008' xmlns:georss='http://www.georss.org/georss' xmlns:gd="http://schemas.google.com/g/2005" xmlns:thr='http://purl.org/syndication/thread/1.0'><id>tag:blogger.com,1999:blog-42</id><updated>2026-12-06T10:12:40.123-05:00</updated><title type='text'>Timba Notes</title><subtitle type='html'>Cuban &amp;amp; more</subtitle><link rel='http://schemas.google.com/g/2005#feed' type='application/atom+xml' href='https://timba.blogspot.com/feeds/posts/default'/><link rel='alternate' type='text/html' href='https://timba.blogspot.com/'/><author><name>Luis</name></author><entry><id>tag:blogger.com,1999:blog-42.post-7</id><published>2026-12-06T10:00:00.000-05:00</published><updated>2026-12-06T10:12:40.000-05:00</updated><title type='text'>Los Van Van: Chapeando</title><content type='html'>&lt;p&gt;Listen:&lt;/p&gt;&lt;iframe width="100%" height="166" scrolling="no" src="https://w.soundcloud.com/player/?url=https%3A//soundcloud.com/losvanvan/chapeando&amp;amp;color=%23ff5500"&gt;&lt;/iframe&gt;&lt;iframe style="border: 0;" src="https://bandcamp.com/EmbeddedPlayer/album=123/size=small/track=456/" seamless&gt;&lt;a href="https://vanvan.bandcamp.com/album/x"&gt;X&lt;/a&gt;&lt;/iframe&gt;</content><link rel='enclosure' type='audio/ogg' href='https://media.example/chapeando.ogg' length='1234'/><link rel='alternate' type='text/html' href='https://timba.blogspot.com/2026/12/chapeando.html' title='Chapeando'/><author><name>Luis</name></author></entry></feed>)";

// A podcast host's RSS (iTunes tags, a moved feed, durations in every form).
const QByteArray kPodcast = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>Clave Talk</title>
    <link>https://clavetalk.example</link>
    <itunes:new-feed-url>https://feeds.example/clavetalk.xml</itunes:new-feed-url>
    <itunes:image href="https://clavetalk.example/cover.jpg"/>
    <itunes:author>Clave Talk</itunes:author>
    <item>
      <title>Episode 12: Tumbao</title>
      <guid isPermaLink="false">ct-12</guid>
      <pubDate>Mon, 7 Dec 2026 06:00 GMT</pubDate>
      <enclosure url="https://cdn.example/ct-12.mp3" type="audio/mpeg" length="48000000"/>
      <itunes:duration>1:02:03</itunes:duration>
    </item>
    <item>
      <title>Episode 11</title>
      <guid>ct-11</guid>
      <pubDate>Mon, 30 Nov 2026 06:00:00 -0800</pubDate>
      <media:group><media:content url="https://cdn.example/ct-11.m4a" medium="audio" duration="3723" fileSize="999"/></media:group>
      <itunes:duration>62:03</itunes:duration>
    </item>
  </channel>
</rss>)";

const QByteArray kRdf = R"(<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="http://old.example/">
    <title>Old Blog</title><link>http://old.example/</link><description>Since 2003</description>
    <items><rdf:Seq><rdf:li rdf:resource="http://old.example/1"/></rdf:Seq></items>
  </channel>
  <item rdf:about="http://old.example/1">
    <title>Eddie Palmieri — Azúcar</title><link>http://old.example/1</link>
    <description>&lt;a href="files/azucar.flac"&gt;download&lt;/a&gt;</description>
    <dc:date>2003-06-10T04:00:00+02:00</dc:date><dc:creator>Old Man</dc:creator>
  </item>
</rdf:RDF>)";

const QByteArray kJsonFeed = R"({
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Micro Montuno",
  "home_page_url": "https://montuno.example/",
  "authors": [{"name": "Rita"}],
  "items": [
    {"id": "2", "url": "https://montuno.example/2", "title": "Celia Cruz - Quimbara", "content_html": "<p>Hi</p>",
     "date_published": "2026-12-01T12:00:00Z",
     "attachments": [{"url": "https://montuno.example/quimbara.opus", "mime_type": "audio/ogg", "size_in_bytes": 4096, "duration_in_seconds": 200}]},
    {"id": 1, "url": "https://montuno.example/1", "content_text": "No song here <b>really</b>"}
  ]
})";

}  // namespace

TEST(FeedParser, AWordPressFeedGivesItsPostsBodiesDatesAndSongs)
{
    auto feed = parseFeed(kWordPress, QUrl(QStringLiteral("https://salsadura.example/feed/")));
    ASSERT_TRUE(feed.has_value()) << feed.error().toString();
    EXPECT_EQ(feed->format, FeedFormat::Rss2);
    EXPECT_EQ(feed->title, QStringLiteral("Salsa Dura Blog \u2013 Descargas y noticias"));
    EXPECT_EQ(feed->link, QStringLiteral("https://salsadura.example"));
    EXPECT_EQ(feed->ttlMinutes, 120);
    EXPECT_FALSE(feed->podcast);
    ASSERT_EQ(feed->items.size(), 2);
    const FeedItem& first = feed->items[0];
    EXPECT_EQ(first.guid, QStringLiteral("https://salsadura.example/?p=1234"));
    EXPECT_EQ(first.title, QStringLiteral("Héctor Lavoe \u2013 \u201CEl Cantante\u201D"));
    EXPECT_EQ(first.author, QStringLiteral("Ana"));
    EXPECT_EQ(first.published, QDateTime(QDate(2026, 12, 5), QTime(17, 30), Qt::UTC));
    EXPECT_TRUE(first.html.contains(QLatin1String("<audio"))) << "content:encoded, not the description";
    ASSERT_EQ(first.enclosures.size(), 1);
    EXPECT_EQ(first.enclosures[0].length, 8123456);

    const QList<FoundSong> songs = findSongs(first);
    ASSERT_EQ(songs.size(), 3) << "the enclosure, the player's source (another URL) and the link";
    EXPECT_EQ(songs[0].source, FoundSong::Source::Enclosure);
    EXPECT_EQ(songs[0].artist, QStringLiteral("Héctor Lavoe"));
    EXPECT_EQ(songs[0].title, QStringLiteral("El Cantante"));
    EXPECT_EQ(songs[1].source, FoundSong::Source::Audio);
    EXPECT_EQ(songs[1].url, QStringLiteral("https://salsadura.example/wp-content/uploads/2026/12/el-cantante.mp3?_=1"));
    EXPECT_EQ(songs[2].source, FoundSong::Source::AudioLink);
    EXPECT_EQ(songs[2].url, QStringLiteral("https://salsadura.example/wp-content/uploads/2026/12/Willie_Colon-Calle_Luna.mp3")) << "relative to the post";
    EXPECT_EQ(songs[2].artist, QStringLiteral("Willie Colón"));
    EXPECT_EQ(songs[2].title, QStringLiteral("Calle Luna, Calle Sol"));

    const FeedItem& second = feed->items[1];
    EXPECT_EQ(second.link, QStringLiteral("https://salsadura.example/2026/12/04/timbalero/"));
    EXPECT_EQ(second.published, QDateTime(QDate(2026, 12, 4), QTime(14, 0), Qt::UTC)) << "EST is five hours behind";
    const QList<FoundSong> video = findSongs(second);
    ASSERT_EQ(video.size(), 1);
    EXPECT_EQ(video[0].source, FoundSong::Source::Player);
    EXPECT_EQ(video[0].url, QStringLiteral("https://www.youtube.com/watch?v=abcDEF12345"));
    EXPECT_EQ(video[0].artist, QStringLiteral("La Sonora Ponceña"));
    EXPECT_EQ(video[0].title, QStringLiteral("Timbalero"));
}

TEST(FeedParser, ABloggerAtomFeedGivesEntriesWithPlayersAndEnclosures)
{
    auto feed = parseFeed(kBlogger);
    ASSERT_TRUE(feed.has_value()) << feed.error().toString();
    EXPECT_EQ(feed->format, FeedFormat::Atom);
    EXPECT_EQ(feed->title, QStringLiteral("Timba Notes"));
    EXPECT_EQ(feed->description, QStringLiteral("Cuban & more"));
    EXPECT_EQ(feed->link, QStringLiteral("https://timba.blogspot.com/"));
    ASSERT_EQ(feed->items.size(), 1);
    const FeedItem& entry = feed->items[0];
    EXPECT_EQ(entry.guid, QStringLiteral("tag:blogger.com,1999:blog-42.post-7"));
    EXPECT_EQ(entry.link, QStringLiteral("https://timba.blogspot.com/2026/12/chapeando.html"));
    EXPECT_EQ(entry.author, QStringLiteral("Luis"));
    EXPECT_EQ(entry.published, QDateTime(QDate(2026, 12, 6), QTime(15, 0), Qt::UTC));
    const QList<FoundSong> songs = findSongs(entry);
    ASSERT_EQ(songs.size(), 3);
    EXPECT_EQ(songs[0].url, QStringLiteral("https://media.example/chapeando.ogg"));
    EXPECT_EQ(songs[0].artist, QStringLiteral("Los Van Van"));
    EXPECT_EQ(songs[0].title, QStringLiteral("Chapeando"));
    EXPECT_EQ(songs[1].url, QStringLiteral("https://soundcloud.com/losvanvan/chapeando"));
    EXPECT_EQ(songs[2].url, QStringLiteral("https://bandcamp.com/EmbeddedPlayer/album=123/size=small/track=456/"));
    EXPECT_EQ(songs[2].source, FoundSong::Source::Player);
}

TEST(FeedParser, APodcastFeedGivesEpisodesDurationsAndWhereItMoved)
{
    auto feed = parseFeed(kPodcast);
    ASSERT_TRUE(feed.has_value()) << feed.error().toString();
    EXPECT_TRUE(feed->podcast);
    EXPECT_EQ(feed->newFeedUrl, QStringLiteral("https://feeds.example/clavetalk.xml"));
    EXPECT_EQ(feed->imageUrl, QStringLiteral("https://clavetalk.example/cover.jpg"));
    ASSERT_EQ(feed->items.size(), 2);
    EXPECT_EQ(feed->items[0].durationSeconds, 3723);
    EXPECT_EQ(feed->items[0].enclosures[0].durationSeconds, 3723);
    EXPECT_EQ(feed->items[0].published, QDateTime(QDate(2026, 12, 7), QTime(6, 0), Qt::UTC));
    EXPECT_EQ(feed->items[1].durationSeconds, 3723);
    EXPECT_EQ(feed->items[1].published, QDateTime(QDate(2026, 11, 30), QTime(14, 0), Qt::UTC));
    ASSERT_EQ(feed->items[1].enclosures.size(), 1) << "media:content inside media:group";
    EXPECT_EQ(feed->items[1].enclosures[0].url, QStringLiteral("https://cdn.example/ct-11.m4a"));
    EXPECT_EQ(findSongs(feed->items[1]).size(), 1) << "medium=\"audio\" without a type";
    EXPECT_EQ(findSongs(feed->items[0])[0].title, QStringLiteral("Tumbao"));
}

TEST(FeedParser, AnRdfFeedAndAJsonFeedAreReadToo)
{
    auto rdf = parseFeed(kRdf, QUrl(QStringLiteral("http://old.example/index.rdf")));
    ASSERT_TRUE(rdf.has_value()) << rdf.error().toString();
    EXPECT_EQ(rdf->format, FeedFormat::Rss1);
    EXPECT_EQ(rdf->title, QStringLiteral("Old Blog"));
    ASSERT_EQ(rdf->items.size(), 1);
    EXPECT_EQ(rdf->items[0].guid, QStringLiteral("http://old.example/1"));
    EXPECT_EQ(rdf->items[0].author, QStringLiteral("Old Man"));
    EXPECT_EQ(rdf->items[0].published, QDateTime(QDate(2003, 6, 10), QTime(2, 0), Qt::UTC));
    const QList<FoundSong> azucar = findSongs(rdf->items[0]);
    ASSERT_EQ(azucar.size(), 1);
    EXPECT_EQ(azucar[0].url, QStringLiteral("http://old.example/files/azucar.flac"));
    EXPECT_EQ(azucar[0].artist, QStringLiteral("Eddie Palmieri"));
    EXPECT_EQ(azucar[0].title, QStringLiteral("Azúcar")) << "\"download\" is no title: the post's is";

    auto json = parseFeed(kJsonFeed);
    ASSERT_TRUE(json.has_value()) << json.error().toString();
    EXPECT_EQ(json->format, FeedFormat::JsonFeed);
    ASSERT_EQ(json->items.size(), 2);
    EXPECT_EQ(json->items[0].author, QStringLiteral("Rita"));
    EXPECT_EQ(json->items[0].enclosures[0].durationSeconds, 200);
    EXPECT_EQ(json->items[1].guid, QStringLiteral("1")) << "a number as id";
    EXPECT_EQ(json->items[1].html, QStringLiteral("No song here &lt;b&gt;really&lt;/b&gt;"));
    const QList<FoundSong> quimbara = findSongs(json->items[0]);
    ASSERT_EQ(quimbara.size(), 1);
    EXPECT_EQ(quimbara[0].artist, QStringLiteral("Celia Cruz"));
    EXPECT_TRUE(findSongs(json->items[1]).isEmpty());
}

TEST(FeedParser, BadDocumentsGetOneErrorSayingWhatTheyAreOrWhereTheyBreak)
{
    const auto error = [](const QByteArray& document) {
        auto feed = parseFeed(document);
        EXPECT_FALSE(feed.has_value()) << document.left(60).toStdString();
        return feed ? std::string() : feed.error().toString();
    };
    EXPECT_NE(error("<!DOCTYPE html><html><head><title>Sign in to Wi-Fi</title></head><body></body></html>").find("HTML page"), std::string::npos);
    EXPECT_NE(error("\n  <html><body>moved</body></html>").find("HTML page"), std::string::npos);
    EXPECT_NE(error("").find("empty"), std::string::npos);
    EXPECT_NE(error("   \n").find("empty"), std::string::npos);
    const std::string broken = error("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel><title>x</title>\n<item><title>a & b</title></item></channel></rss>");
    EXPECT_NE(broken.find("line 4"), std::string::npos) << broken;
    EXPECT_NE(error("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>").find("<svg>"), std::string::npos);
    EXPECT_NE(error(R"({"title": "not a feed"})").find("not a JSON Feed"), std::string::npos);
    EXPECT_NE(error(R"({"version": "https://jsonfeed.org/version/1.1", "items": )").find("byte"), std::string::npos);
    const std::string truncated = error(kWordPress.left(kWordPress.size() / 2));
    EXPECT_NE(truncated.find("not a well-formed feed"), std::string::npos) << truncated;
}

TEST(FeedParser, AFeedInAnotherEncodingThanItDeclaresIsReadAsWindows1252)
{
    // Latin-1/Windows-1252 bytes under a UTF-8 declaration (a blog's database in latin1).
    QByteArray wrong = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Caf\xe9 Salsa</title>"
                       "<item><title>Ismael Rivera \x96 El Nazareno</title></item></channel></rss>";
    auto feed = parseFeed(wrong);
    ASSERT_TRUE(feed.has_value()) << feed.error().toString();
    EXPECT_EQ(feed->title, QStringLiteral("Café Salsa"));
    EXPECT_EQ(feed->items[0].title, QStringLiteral("Ismael Rivera \u2013 El Nazareno"));
    // And a feed that says ISO-8859-1 and is.
    auto declared = parseFeed("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Se\xf1or</title></channel></rss>");
    ASSERT_TRUE(declared.has_value()) << declared.error().toString();
    EXPECT_EQ(declared->title, QStringLiteral("Señor"));
}

TEST(FeedParser, DatesInTheFormsFeedsWriteThem)
{
    const QDateTime noon(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);
    EXPECT_EQ(parseFeedDate(QStringLiteral("Mon, 07 Dec 2026 12:00:00 GMT")), noon);
    EXPECT_EQ(parseFeedDate(QStringLiteral("Mon, 07 Dec 2026 13:00:00 +0100")), noon);
    EXPECT_EQ(parseFeedDate(QStringLiteral("7 Dec 2026 04:00 PST")), noon);
    EXPECT_EQ(parseFeedDate(QStringLiteral("Monday, 07 December 2026 12:00:00 UT")), noon);
    EXPECT_EQ(parseFeedDate(QStringLiteral("Mon, 07 Dec 26 12:00:00 Z")), noon);
    EXPECT_EQ(parseFeedDate(QStringLiteral("2026-12-07T12:00:00Z")), noon);
    EXPECT_EQ(parseFeedDate(QStringLiteral("2026-12-07T13:00:00.000+01:00")), noon);
    EXPECT_EQ(parseFeedDate(QStringLiteral("2026-12-07T12:00:00")), noon) << "no zone: UTC, not this computer's";
    EXPECT_EQ(parseFeedDate(QStringLiteral("2026-12-07")), QDateTime(QDate(2026, 12, 7), QTime(0, 0), Qt::UTC));
    EXPECT_FALSE(parseFeedDate(QStringLiteral("yesterday")).isValid());
    EXPECT_FALSE(parseFeedDate(QStringLiteral("Mon, 32 Dec 2026 12:00:00 GMT")).isValid());
}

TEST(FeedParser, AWebPageNamesItsFeeds)
{
    const QByteArray page = R"(<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Salsa Dura &raquo; Feed" href="https://salsadura.example/feed/" />
<link rel='alternate' type='application/atom+xml' href='/feed/atom/'>
<LINK REL="alternate" TYPE="application/feed+json" HREF="feed.json?x=1&amp;y=2">
<link rel="alternate" hreflang="en" href="/en/">
</head><body></body></html>)";
    const QList<QUrl> feeds = discoverFeeds(page, QUrl(QStringLiteral("https://salsadura.example/blog/")));
    ASSERT_EQ(feeds.size(), 3);
    EXPECT_EQ(feeds[0].toString(), QStringLiteral("https://salsadura.example/feed/"));
    EXPECT_EQ(feeds[1].toString(), QStringLiteral("https://salsadura.example/feed/atom/"));
    EXPECT_EQ(feeds[2].toString(), QStringLiteral("https://salsadura.example/blog/feed.json?x=1&y=2"));
}

TEST(FeedParser, SplittingArtistAndTitle)
{
    using Pair = std::pair<QString, QString>;
    EXPECT_EQ(splitArtistTitle(QStringLiteral("Rubén Blades – Pedro Navaja")), Pair(QStringLiteral("Rubén Blades"), QStringLiteral("Pedro Navaja")));
    EXPECT_EQ(splitArtistTitle(QStringLiteral("MP3: Fania All-Stars - \"Quítate Tú\" (Official Audio)")), Pair(QStringLiteral("Fania All-Stars"), QStringLiteral("Quítate Tú")));
    EXPECT_EQ(splitArtistTitle(QStringLiteral("Jerry Rivera: ‘Amores Como el Nuestro’")), Pair(QStringLiteral("Jerry Rivera"), QStringLiteral("Amores Como el Nuestro")));
    EXPECT_EQ(splitArtistTitle(QStringLiteral("Tito Puente—Oye Como Va")), Pair(QStringLiteral("Tito Puente"), QStringLiteral("Oye Como Va")));
    EXPECT_EQ(splitArtistTitle(QStringLiteral("A night in the club")), Pair(QString(), QStringLiteral("A night in the club")));
    EXPECT_EQ(splitArtistTitle(QStringLiteral("Hip-Hop meets salsa")), Pair(QString(), QStringLiteral("Hip-Hop meets salsa"))) << "a hyphen inside a word";
}

TEST(Opml, AFeedReadersExportIsReadWithItsFoldersAndWrittenBackTheSame)
{
    const QByteArray exported = R"(<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>Feedly</title></head><body>
  <outline text="Salsa" title="Salsa">
    <outline type="rss" text="Salsa Dura" title="Salsa Dura Blog" xmlUrl="https://salsadura.example/feed/" htmlUrl="https://salsadura.example"/>
    <outline text="Cuba"><outline type="rss" text="Timba Notes" xmlUrl="https://timba.blogspot.com/feeds/posts/default"/></outline>
  </outline>
  <outline type="rss" text="Clave Talk" xmlUrl="https://feeds.example/clavetalk.xml"/>
</body></opml>)";
    auto feeds = parseOpml(exported);
    ASSERT_TRUE(feeds.has_value()) << feeds.error().toString();
    ASSERT_EQ(feeds->size(), 3);
    EXPECT_EQ((*feeds)[0].title, QStringLiteral("Salsa Dura Blog"));
    EXPECT_EQ((*feeds)[0].folder, QStringLiteral("Salsa"));
    EXPECT_EQ((*feeds)[0].siteUrl, QStringLiteral("https://salsadura.example"));
    EXPECT_EQ((*feeds)[1].folder, QStringLiteral("Salsa/Cuba"));
    EXPECT_EQ((*feeds)[2].folder, QString());
    const QByteArray written = writeOpml(*feeds, QStringLiteral("Bandmate"));
    auto again = parseOpml(written);
    ASSERT_TRUE(again.has_value()) << again.error().toString() << written.toStdString();
    ASSERT_EQ(again->size(), 3);
    for (qsizetype i = 0; i < 3; ++i) {
        const auto it = std::find_if(again->begin(), again->end(), [&](const OpmlFeed& feed) { return feed.url == (*feeds)[i].url; });
        ASSERT_NE(it, again->end());
        EXPECT_EQ(it->folder, (*feeds)[i].folder);
        EXPECT_EQ(it->title, (*feeds)[i].title);
        EXPECT_EQ(it->siteUrl, (*feeds)[i].siteUrl);
    }
    EXPECT_FALSE(parseOpml("<html></html>").has_value());
    auto broken = parseOpml("<opml><body><outline text=\"a\"></body></opml>");
    ASSERT_FALSE(broken.has_value());
    EXPECT_NE(broken.error().toString().find("line 1"), std::string::npos) << broken.error().toString();
}

TEST(FeedParser, HostileDocumentsAreRefusedOrReadInLinearTimeAndNeverHandOutOtherThanWebLinks)
{
    // Entities of its own: refused before any is expanded (a few nested ones reach gigabytes).
    const QByteArray laughs = R"(<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss version="2.0"><channel><title>&b;</title></channel></rss>)";
    auto refused = parseFeed(laughs);
    ASSERT_FALSE(refused.has_value());
    EXPECT_NE(refused.error().message.find("declares its own entities"), std::string::npos);
    EXPECT_FALSE(parseOpml("<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY a \"x\">]><opml><body/></opml>").has_value());
    // A post that merely quotes one is read.
    EXPECT_TRUE(parseFeed("<rss version=\"2.0\"><channel><title>x</title><item><description><![CDATA[<!DOCTYPE x [<!ENTITY a \"b\">]>]]></description></item></channel></rss>")
                    .has_value());

    // Nesting a million deep: an error, not a stack overflow.
    QByteArray deep = "<rss version=\"2.0\"><channel><title>";
    for (int i = 0; i < 200'000; ++i) {
        deep.append("<b>");
    }
    auto tooDeep = parseFeed(deep);
    ASSERT_FALSE(tooDeep.has_value());
    EXPECT_NE(tooDeep.error().message.find("nested deeper"), std::string::npos) << tooDeep.error().toString();

    // Half a million unclosed tags in a post: the songs are found in one pass (a regex would
    // take minutes, past the test's time limit).
    FeedItem flood;
    flood.title = QStringLiteral("Flood");
    flood.link = QStringLiteral("https://flood.example/post");
    flood.html = QStringLiteral("<a href=\"https://flood.example/one.mp3\">Band – One</a>") + QStringLiteral("<a ").repeated(200'000) +
                 QStringLiteral("<").repeated(200'000) + QStringLiteral("<audio ").repeated(100'000);
    const QList<FoundSong> found = findSongs(flood);
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found[0].title, QStringLiteral("One"));
    QByteArray links = "<html><head>";
    for (int i = 0; i < 100'000; ++i) {
        links.append("<link rel=alternate type=application/rss+xml aaaaaaaaaaaaaaaaaaaa");
    }
    EXPECT_TRUE(discoverFeeds(links, QUrl(QStringLiteral("https://x.example/"))).isEmpty());

    // Only web links come out: no file:, javascript: or data:, and no look-alike hosts.
    const QByteArray schemes = R"doc(<rss version="2.0"><channel><title>x</title><link>javascript:alert(1)</link><item><title>Band - Song</title>
<link>file:///etc/passwd</link>
<enclosure url="file:///home/me/.ssh/id_rsa" type="audio/mpeg"/>
<description><![CDATA[<audio src="data:audio/mpeg;base64,AAAA"></audio><a href="javascript:x.mp3">x</a>
<iframe src="https://w.soundcloud.com/player/?url=javascript:alert(1)"></iframe>
<iframe src="https://evilsoundcloud.com/player/?url=https://evil.example/"></iframe>
<iframe src="javascript://bandcamp.com/EmbeddedPlayer/%0Aalert(1)"></iframe>]]></description></item></channel></rss>)doc";
    auto feed = parseFeed(schemes);
    ASSERT_TRUE(feed.has_value()) << feed.error().toString();
    EXPECT_TRUE(feed->link.isEmpty());
    EXPECT_TRUE(feed->items[0].link.isEmpty());
    EXPECT_TRUE(feed->items[0].enclosures.isEmpty());
    const QList<FoundSong> songs = findSongs(feed->items[0]);
    ASSERT_EQ(songs.size(), 1) << "only the title's song, with no link";
    EXPECT_EQ(songs[0].source, FoundSong::Source::Title);
    auto opml = parseOpml(R"(<opml version="2.0"><body><outline text="x" xmlUrl="file:///etc/passwd"/></body></opml>)");
    ASSERT_FALSE(opml.has_value());
    EXPECT_NE(opml.error().toString().find("line 1"), std::string::npos);
}

TEST(FeedParser, OddButValidFeedsAreReadAndEmptyOnesSaySo)
{
    // RSS 2.0 under a default namespace (some old generators), RSS 0.90 (Netscape's RDF).
    auto userland = parseFeed(R"(<rss version="2.0" xmlns="http://backend.userland.com/rss2"><channel><title>U</title><item><title>I &lt;3 salsa -&gt; you</title><guid>g</guid></item></channel></rss>)");
    ASSERT_TRUE(userland.has_value()) << userland.error().toString();
    ASSERT_EQ(userland->items.size(), 1);
    EXPECT_EQ(userland->items[0].title, QStringLiteral("I <3 salsa -> you")) << "a plain-text title keeps its angle brackets";
    auto netscape = parseFeed(R"(<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
<channel><title>Mozilla Dot Org</title><link>http://www.mozilla.org</link></channel>
<item><title>New Status Updates</title><link>http://www.mozilla.org/status/</link></item></rdf:RDF>)");
    ASSERT_TRUE(netscape.has_value()) << netscape.error().toString();
    EXPECT_EQ(netscape->title, QStringLiteral("Mozilla Dot Org"));
    ASSERT_EQ(netscape->items.size(), 1);
    EXPECT_EQ(netscape->items[0].link, QStringLiteral("http://www.mozilla.org/status/"));
    // Nothing in it: an error that says so, not an empty success.
    auto empty = parseFeed(R"(<rss version="2.0"><nothing/></rss>)");
    ASSERT_FALSE(empty.has_value());
    EXPECT_NE(empty.error().message.find("without a <channel>"), std::string::npos);
    auto atom03 = parseFeed(R"(<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>old</title></feed>)");
    ASSERT_FALSE(atom03.has_value());
    EXPECT_NE(atom03.error().message.find("Atom 0.3"), std::string::npos);
    // Numbers out of range are "not given", never undefined behaviour.
    auto numbers = parseFeed(R"(<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>n</title><ttl>-5</ttl>
<item><title>a</title><itunes:duration>1e300</itunes:duration><enclosure url="https://x.example/a.mp3" type="audio/mpeg" length="-7"/></item>
<item><title>b</title><itunes:duration>1e17:0:0</itunes:duration><enclosure url="https://x.example/b.mp3" type="audio/mpeg" length="inf"/></item></channel></rss>)");
    ASSERT_TRUE(numbers.has_value()) << numbers.error().toString();
    EXPECT_EQ(numbers->ttlMinutes, 0);
    EXPECT_EQ(numbers->items[0].durationSeconds, 0);
    EXPECT_EQ(numbers->items[0].enclosures[0].length, 0);
    EXPECT_EQ(numbers->items[1].durationSeconds, 0);
    EXPECT_EQ(numbers->items[1].enclosures[0].length, 0);
    // JSON Feed items that are not objects are no items.
    auto json = parseFeed(R"({"version":"https://jsonfeed.org/version/1.1","title":"j","items":[1,"x",null,{"id":{"a":1},"title":"ok","attachments":"no"}]})");
    ASSERT_TRUE(json.has_value()) << json.error().toString();
    ASSERT_EQ(json->items.size(), 1);
    EXPECT_EQ(json->items[0].title, QStringLiteral("ok"));
}

TEST(FeedParser, OneStrayByteInAUtf8FeedLeavesTheRestOfItsTextAsItWas)
{
    auto feed = parseFeed("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Caf\xc3\xa9 \x96 Se\xf1or</title></channel></rss>");
    ASSERT_TRUE(feed.has_value()) << feed.error().toString();
    EXPECT_EQ(feed->title, QStringLiteral("Café \u2013 Señor"));
}

TEST(FeedParser, AtomLinksResolveAgainstXmlBaseWhereTheFeedSetsOne)
{
    // As Atom 1.0 (RFC 4287, section 2) and XML Base allow: a base on the feed, another on an
    // entry relative to it, and one on the content for the links in the post.
    const QByteArray atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://son.example/blog/">
  <title>Son Montuno</title><link href="./"/><id>tag:son.example,2026:feed</id>
  <entry xml:base="2026/12/">
    <id>tag:son.example,2026:1</id><title>Arsenio Rodríguez – Dame un cachito pa' huelé</title>
    <link rel="alternate" href="cachito.html"/>
    <link rel="enclosure" type="audio/mpeg" href="/audio/cachito.mp3"/>
    <updated>2026-12-01T20:00:00Z</updated>
    <content type="html" xml:base="https://cdn.son.example/posts/">&lt;a href="live/cachito-live.mp3"&gt;live&lt;/a&gt;</content>
  </entry>
</feed>)";
    auto feed = parseFeed(atom, QUrl(QStringLiteral("https://feeds.example/son.xml")));
    ASSERT_TRUE(feed.has_value()) << feed.error().toString();
    EXPECT_EQ(feed->link, QStringLiteral("https://son.example/blog/"));
    ASSERT_EQ(feed->items.size(), 1);
    const FeedItem& entry = feed->items[0];
    EXPECT_EQ(entry.link, QStringLiteral("https://son.example/blog/2026/12/cachito.html"));
    ASSERT_EQ(entry.enclosures.size(), 1);
    EXPECT_EQ(entry.enclosures[0].url, QStringLiteral("https://son.example/audio/cachito.mp3"));
    const QList<FoundSong> songs = findSongs(entry);
    ASSERT_EQ(songs.size(), 2);
    EXPECT_EQ(songs[1].url, QStringLiteral("https://cdn.son.example/posts/live/cachito-live.mp3"));
    // Without xml:base, the document's own address is the base, as before.
    auto plain = parseFeed(QByteArray(atom).replace(R"( xml:base="https://son.example/blog/")", ""), QUrl(QStringLiteral("https://feeds.example/son.xml")));
    ASSERT_TRUE(plain.has_value());
    EXPECT_EQ(plain->link, QStringLiteral("https://feeds.example/"));
}
