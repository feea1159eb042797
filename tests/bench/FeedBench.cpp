// Feed parsing benchmark: a WordPress-shaped RSS document of N items (default 5,000, about 10 MB:
// each post's body with an audio player, links and a paragraph or two, an enclosure, a date) is
// parsed whole, and the songs of every item found, several times; the median wall time, items a
// second and the memory the parse adds (peak resident set, the document already read). The
// baseline in the same run: Qt's XML reader stepping through the same document's tokens and
// doing nothing with them (what any streaming parse must pay).
//   bandmate_bench_feeds [--items N] [--rounds R] [--quick]
#include "core/feeds/FeedParser.h"
#include "core/feeds/SongFinder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QXmlStreamReader>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace bandmate::core::feeds;

namespace {

QByteArray document(int items)
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(items) * 2100 + 1024);
    out.append(R"(<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench Blog</title><link>https://bench.example</link><description>A long feed</description>)");
    for (int i = 0; i < items; ++i) {
        const QByteArray n = QByteArray::number(i);
        out.append("<item><title>Artist " + n + " &#8211; Song " + n + "</title><link>https://bench.example/" + n + "/</link>");
        out.append("<dc:creator><![CDATA[Editor]]></dc:creator><pubDate>Mon, 07 Dec 2026 12:00:00 +0000</pubDate>");
        out.append("<guid isPermaLink=\"false\">https://bench.example/?p=" + n + "</guid><description><![CDATA[A short summary of post " + n + "]]></description>");
        out.append("<content:encoded><![CDATA[<p>Post " + n + " tells of a band, a record and a night in the club. ");
        for (int k = 0; k < 12; ++k) {
            out.append("The congas answer the bongo, the piano plays its montuno and the horns come in on the mambo. ");
        }
        out.append("</p><audio controls><source type=\"audio/mpeg\" src=\"https://bench.example/files/" + n + ".mp3\"/></audio>");
        out.append("<p>Also <a href=\"https://bench.example/files/" + n + "-b.mp3\">Other Artist &#8211; Other Song</a> and <a href=\"https://bench.example/about\">about us</a>.</p>]]></content:encoded>");
        out.append("<enclosure url=\"https://bench.example/files/" + n + ".mp3\" length=\"4000000\" type=\"audio/mpeg\"/></item>");
    }
    out.append("</channel></rss>");
    return out;
}

long peakKib()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int items = 5'000;
    int rounds = 5;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--items") == 0 && i + 1 < argc) {
            items = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
            rounds = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--quick") == 0) {
            items = 500;
            rounds = 2;
        } else {
            std::fprintf(stderr, "usage: %s [--items N] [--rounds R] [--quick]\n", argv[0]);
            return 2;
        }
    }
    const QByteArray feed = document(items);
    std::printf("feed parsing: %d items, %.1f MB, median of %d rounds\n", items, static_cast<double>(feed.size()) / 1e6, rounds);
    std::vector<double> baseline;
    std::vector<double> parse;
    std::vector<double> songs;
    qsizetype tokens = 0;
    qsizetype found = 0;
    long extraKib = 0;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        QXmlStreamReader xml(feed);
        while (!xml.atEnd()) {
            xml.readNext();
            ++tokens;
        }
        baseline.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        const long before = peakKib();
        timer.restart();
        auto parsed = parseFeed(feed);
        parse.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        extraKib = std::max(extraKib, peakKib() - before);
        if (!parsed || parsed->items.size() != items) {
            std::fprintf(stderr, "the feed did not parse whole: %s\n", parsed ? "items missing" : parsed.error().toString().c_str());
            return 1;
        }
        timer.restart();
        found = 0;
        for (const FeedItem& item : parsed->items) {
            found += findSongs(item).size();
        }
        songs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    const double base = median(baseline);
    const double whole = median(parse);
    std::printf("  baseline: Qt's XML reader over every token   %8.1f ms\n", base);
    std::printf("  parseFeed                                     %8.1f ms  (%.0f items/s), ratio to baseline %.2f\n", whole, items / whole * 1000.0, whole / base);
    std::printf("  findSongs on every item                       %8.1f ms  (%lld songs)\n", median(songs), static_cast<long long>(found));
    std::printf("  memory the parse added (peak resident set)    %8.1f MB  (the %.1f MB document already in memory)\n", static_cast<double>(extraKib) / 1024.0,
                static_cast<double>(feed.size()) / 1e6);
    return found == static_cast<qsizetype>(items) * 2 ? 0 : 1;
}
