#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

namespace bandmate::core::feeds {

/// A media file an item carries: an RSS <enclosure>, a Media RSS <media:content>, an Atom link
/// rel="enclosure" or a JSON Feed attachment.
struct Enclosure {
    QString url;                 ///< absolute
    QString type;                ///< MIME type as the feed gives it ("audio/mpeg"); may be empty
    qint64 length = 0;           ///< bytes; 0 when not given
    qint64 durationSeconds = 0;  ///< 0 when not given
};

/// One post or episode.
struct FeedItem {
    QString guid;       ///< the feed's id for it (RSS guid, Atom id, RDF about, JSON id); may be empty
    QString title;      ///< plain text
    QString link;       ///< its web page, absolute; may be empty
    QString author;
    QDateTime published;  ///< UTC; invalid when the feed gives no date it can be read from
    QString html;         ///< its body as HTML (content:encoded, Atom content, description, ...)
    QString htmlBase;     ///< what links in `html` resolve against when xml:base says (else its page)
    QList<Enclosure> enclosures;
    qint64 durationSeconds = 0;  ///< itunes:duration; 0 when not given
};

enum class FeedFormat { Rss2, Rss1, Atom, JsonFeed };

/// A parsed feed document.
struct Feed {
    FeedFormat format = FeedFormat::Rss2;
    QString title;
    QString link;  ///< the site's page
    QString description;
    QString imageUrl;
    int ttlMinutes = 0;   ///< RSS <ttl>; 0 when not given
    QString newFeedUrl;   ///< itunes:new-feed-url: the podcast moved there
    bool podcast = false; ///< it speaks the iTunes podcast tags
    QList<FeedItem> items;  ///< in document order
};

/// Reads an RSS 2.0 (and 0.9x), RSS 1.0 (RDF), Atom 1.0 or JSON Feed 1.x document, with the
/// content, Dublin Core, iTunes podcast and Media RSS extensions. `base` is where it came from:
/// relative links resolve against it; links that are not http or https are dropped. Bytes that
/// are not UTF-8 in a feed that says it is (a common blog fault) are read as Windows-1252, each
/// on its own. Anything else is one
/// InvalidInput error saying what the document is instead ("an HTML page, not a feed") or where
/// it breaks ("line 12, column 4: ...").
[[nodiscard]] Result<Feed> parseFeed(const QByteArray& document, const QUrl& base = {});

/// `link` made absolute against `base`, or empty unless that is an http or https URL with a host
/// (a feed must not hand the app a file:, javascript: or data: URL to fetch or open).
[[nodiscard]] QString httpUrl(const QUrl& base, const QString& link);

/// Whether an XML document's prolog has a document type with entities of its own
/// (<!DOCTYPE x [ <!ENTITY ...> ]>): no feed or OPML file needs one, and a few nested entities
/// expand into gigabytes, so both readers refuse it.
[[nodiscard]] bool declaresEntities(const QByteArray& document);

/// The feeds a web page announces (<link rel="alternate" type="application/rss+xml",
/// "application/atom+xml" or "application/feed+json" href="...">), absolute, in page order.
[[nodiscard]] QList<QUrl> discoverFeeds(const QByteArray& html, const QUrl& base);

/// A date as feeds write them: RFC 822/2822 ("Tue, 10 Jun 2003 04:00:00 GMT", zone names and
/// offsets, with or without weekday or seconds) or ISO 8601/RFC 3339. UTC; invalid when unreadable.
[[nodiscard]] QDateTime parseFeedDate(const QString& text);

}  // namespace bandmate::core::feeds
