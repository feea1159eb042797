#include "core/feeds/FeedParser.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QXmlStreamReader>

#include <optional>

namespace bandmate::core::feeds {

namespace {

constexpr auto kAtom = "http://www.w3.org/2005/Atom";
constexpr auto kRss1 = "http://purl.org/rss/1.0/";
constexpr auto kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr auto kContent = "http://purl.org/rss/1.0/modules/content/";
constexpr auto kDublinCore = "http://purl.org/dc/elements/1.1/";
constexpr auto kItunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
constexpr auto kMedia = "http://search.yahoo.com/mrss/";

QString absolute(const QUrl& base, const QString& link)
{
    const QString trimmed = link.trimmed();
    if (trimmed.isEmpty()) {
        return {};
    }
    const QUrl url(trimmed);
    return (base.isValid() && url.isRelative() ? base.resolved(url) : url).toString();
}

/// "1:02:03", "62:03" or "3723" as seconds; 0 when unreadable.
qint64 durationOf(const QString& text)
{
    qint64 seconds = 0;
    const QStringList parts = text.trimmed().split(QLatin1Char(':'));
    if (parts.size() > 3) {
        return 0;
    }
    for (const QString& part : parts) {
        bool ok = false;
        const double value = part.toDouble(&ok);
        if (!ok || value < 0) {
            return 0;
        }
        seconds = seconds * 60 + static_cast<qint64>(value);
    }
    return seconds;
}

/// Text with its tags taken out and its character references read, for a title given as HTML.
QString plainText(const QString& html)
{
    static const QRegularExpression kTag(QStringLiteral("<[^>]*>"));
    QString text = QString(html).remove(kTag);
    text.replace(QLatin1String("&lt;"), QLatin1String("<")).replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\"")).replace(QLatin1String("&#39;"), QLatin1String("'"));
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" ")).replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text.simplified();
}

/// What one XML feed document holds, read element by element (a 10 MB feed never becomes a tree).
class XmlFeedReader {
public:
    XmlFeedReader(QXmlStreamReader& xml, const QUrl& base) : m_xml(xml), m_base(base) {}

    Result<Feed> read()
    {
        while (!m_xml.atEnd() && !m_xml.isStartElement()) {
            m_xml.readNext();
        }
        if (m_xml.hasError() || !m_xml.isStartElement()) {
            return failure();
        }
        const QStringView root = m_xml.name();
        const QStringView ns = m_xml.namespaceUri();
        if (root.compare(QLatin1String("html"), Qt::CaseInsensitive) == 0) {
            return fail(ErrorCode::InvalidInput, "an HTML page, not a feed (a login or captive portal page, or a blog's home page?)");
        }
        if (root == QLatin1String("rss")) {
            m_feed.format = FeedFormat::Rss2;
            readRss2();
        } else if (root == QLatin1String("RDF") && ns == QLatin1String(kRdf)) {
            m_feed.format = FeedFormat::Rss1;
            readRdf();
        } else if (root == QLatin1String("feed") && ns == QLatin1String(kAtom)) {
            m_feed.format = FeedFormat::Atom;
            readAtomFeed();
        } else {
            return fail(ErrorCode::InvalidInput, "not a feed: the document is <" + root.toString().toStdString() + ">, not RSS, RDF or Atom");
        }
        if (m_xml.hasError()) {
            return failure();
        }
        return m_feed;
    }

private:
    std::unexpected<Error> failure() const
    {
        const std::string where = "line " + std::to_string(m_xml.lineNumber()) + ", column " + std::to_string(m_xml.columnNumber());
        if (m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError && m_xml.lineNumber() <= 1 && m_xml.columnNumber() <= 1) {
            return fail(ErrorCode::InvalidInput, "an empty document, not a feed");
        }
        return fail(ErrorCode::InvalidInput, "not a well-formed feed: " + m_xml.errorString().toStdString(), where);
    }

    bool is(const char* name, const char* ns = nullptr) const
    {
        return m_xml.name() == QLatin1String(name) && (ns == nullptr ? m_xml.namespaceUri().isEmpty() : m_xml.namespaceUri() == QLatin1String(ns));
    }
    QString attribute(const char* name) const { return m_xml.attributes().value(QLatin1String(name)).toString(); }
    QString text() { return m_xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed(); }

    /// The children of the current element, each handed to `child` at its start; returns at the
    /// element's end. `child` either reads the child whole or leaves it to be skipped.
    template <typename Child>
    void children(Child&& child)
    {
        while (m_xml.readNextStartElement()) {
            const auto before = m_xml.tokenType();
            const qint64 offset = m_xml.characterOffset();
            child();
            // Not read by `child` (still at its start): skip it whole.
            if (m_xml.tokenType() == before && m_xml.characterOffset() == offset && m_xml.isStartElement()) {
                m_xml.skipCurrentElement();
            }
            if (m_xml.hasError()) {
                return;
            }
        }
    }

    /// The elements every item format shares (extensions), true when it read one.
    bool readItemExtension(FeedItem& item)
    {
        if (is("encoded", kContent)) {
            item.html = text();  // the full post: preferred over a description
            return true;
        }
        if (is("creator", kDublinCore) || is("author", kItunes)) {
            const QString author = text();
            if (item.author.isEmpty()) {
                item.author = author;
            }
            return true;
        }
        if (is("date", kDublinCore)) {
            const QDateTime date = parseFeedDate(text());
            if (!item.published.isValid()) {
                item.published = date;
            }
            return true;
        }
        if (is("duration", kItunes)) {
            m_feed.podcast = true;
            item.durationSeconds = durationOf(text());
            return true;
        }
        if (is("group", kMedia)) {
            children([&] { (void)readItemExtension(item); });
            return true;
        }
        if (is("content", kMedia)) {
            const QString url = absolute(m_base, attribute("url"));
            if (!url.isEmpty()) {
                QString type = attribute("type");
                if (type.isEmpty() && attribute("medium") == QLatin1String("audio")) {
                    type = QStringLiteral("audio/*");
                }
                item.enclosures.append({url, type, attribute("fileSize").toLongLong(), durationOf(attribute("duration"))});
            }
            return false;
        }
        if (m_xml.namespaceUri() == QLatin1String(kItunes)) {
            m_feed.podcast = true;
        }
        return false;
    }

    void readChannelExtension()
    {
        if (is("new-feed-url", kItunes)) {
            m_feed.podcast = true;
            m_feed.newFeedUrl = absolute(m_base, text());
        } else if (is("image", kItunes)) {
            m_feed.podcast = true;
            if (m_feed.imageUrl.isEmpty()) {
                m_feed.imageUrl = absolute(m_base, attribute("href"));
            }
        } else if (m_xml.namespaceUri() == QLatin1String(kItunes)) {
            m_feed.podcast = true;
        } else if (is("link", kAtom) && attribute("rel") == QLatin1String("alternate") && m_feed.link.isEmpty()) {
            m_feed.link = absolute(m_base, attribute("href"));
        }
    }

    void readRss2()
    {
        children([&] {
            if (!is("channel")) {
                return;
            }
            children([&] {
                if (is("item")) {
                    m_feed.items.append(readRssItem());
                } else if (is("title")) {
                    m_feed.title = plainText(text());
                } else if (is("link")) {
                    m_feed.link = absolute(m_base, text());
                } else if (is("description")) {
                    m_feed.description = text();
                } else if (is("ttl")) {
                    m_feed.ttlMinutes = text().toInt();
                } else if (is("image")) {
                    children([&] {
                        if (is("url")) {
                            m_feed.imageUrl = absolute(m_base, text());
                        }
                    });
                } else {
                    readChannelExtension();
                }
            });
        });
    }

    /// An RSS 2.0 <item> or an RSS 1.0 one (the same names in the RSS 1.0 namespace).
    FeedItem readRssItem(const char* ns = nullptr)
    {
        FeedItem item;
        if (ns != nullptr) {
            item.guid = m_xml.attributes().value(QLatin1String(kRdf), QLatin1String("about")).toString();
        }
        QString description;
        bool guidIsLink = false;
        children([&] {
            if (is("title", ns)) {
                item.title = plainText(text());
            } else if (is("link", ns)) {
                item.link = absolute(m_base, text());
            } else if (is("description", ns)) {
                description = text();
            } else if (is("guid")) {
                guidIsLink = attribute("isPermaLink") != QLatin1String("false");
                item.guid = text();
            } else if (is("pubDate")) {
                item.published = parseFeedDate(text());
            } else if (is("author")) {
                item.author = text();
            } else if (is("enclosure")) {
                const QString url = absolute(m_base, attribute("url"));
                if (!url.isEmpty()) {
                    item.enclosures.append({url, attribute("type"), attribute("length").toLongLong(), 0});
                }
            } else {
                (void)readItemExtension(item);
            }
        });
        if (item.html.isEmpty()) {
            item.html = description;
        }
        if (item.link.isEmpty() && guidIsLink && (item.guid.startsWith(QLatin1String("http://")) || item.guid.startsWith(QLatin1String("https://")))) {
            item.link = item.guid;
        }
        for (Enclosure& enclosure : item.enclosures) {
            if (enclosure.durationSeconds == 0) {
                enclosure.durationSeconds = item.durationSeconds;
            }
        }
        return item;
    }

    void readRdf()
    {
        children([&] {
            if (is("channel", kRss1)) {
                children([&] {
                    if (is("title", kRss1)) {
                        m_feed.title = plainText(text());
                    } else if (is("link", kRss1)) {
                        m_feed.link = absolute(m_base, text());
                    } else if (is("description", kRss1)) {
                        m_feed.description = text();
                    }
                });
            } else if (is("item", kRss1)) {
                m_feed.items.append(readRssItem(kRss1));
            } else if (is("image", kRss1)) {
                children([&] {
                    if (is("url", kRss1)) {
                        m_feed.imageUrl = absolute(m_base, text());
                    }
                });
            }
        });
    }

    /// Atom text constructs: type="html" is escaped HTML, "xhtml" a <div> of elements, else text.
    QString atomText(bool asHtml)
    {
        const QString type = attribute("type");
        if (type == QLatin1String("xhtml")) {
            const QString inner = innerXml();
            return asHtml ? inner : plainText(inner);
        }
        const QString value = text();
        if (type == QLatin1String("html")) {
            return asHtml ? value : plainText(value);
        }
        return asHtml ? value.toHtmlEscaped() : value.simplified();
    }

    /// The current element's content written back as markup (Atom's xhtml content).
    QString innerXml()
    {
        QString out;
        int depth = 0;
        while (!m_xml.atEnd()) {
            switch (m_xml.readNext()) {
            case QXmlStreamReader::StartElement: {
                ++depth;
                out += QLatin1Char('<') + m_xml.name().toString();
                for (const QXmlStreamAttribute& a : m_xml.attributes()) {
                    out += QLatin1Char(' ') + a.name().toString() + QStringLiteral("=\"") + a.value().toString().toHtmlEscaped() + QLatin1Char('"');
                }
                out += QLatin1Char('>');
                break;
            }
            case QXmlStreamReader::EndElement:
                if (depth == 0) {
                    return out;
                }
                --depth;
                out += QStringLiteral("</") + m_xml.name().toString() + QLatin1Char('>');
                break;
            case QXmlStreamReader::Characters:
                out += m_xml.text().toString().toHtmlEscaped();
                break;
            default:
                break;
            }
            if (m_xml.hasError()) {
                break;
            }
        }
        return out;
    }

    void readAtomFeed()
    {
        children([&] {
            if (is("entry", kAtom)) {
                m_feed.items.append(readAtomEntry());
            } else if (is("title", kAtom)) {
                m_feed.title = atomText(false);
            } else if (is("subtitle", kAtom)) {
                m_feed.description = atomText(false);
            } else if (is("link", kAtom)) {
                const QString rel = attribute("rel");
                if ((rel.isEmpty() || rel == QLatin1String("alternate")) && m_feed.link.isEmpty()) {
                    m_feed.link = absolute(m_base, attribute("href"));
                }
            } else if (is("logo", kAtom) || is("icon", kAtom)) {
                const QString url = absolute(m_base, text());
                if (m_feed.imageUrl.isEmpty() || m_xml.name() == QLatin1String("logo")) {
                    m_feed.imageUrl = url;
                }
            } else {
                readChannelExtension();
            }
        });
    }

    FeedItem readAtomEntry()
    {
        FeedItem item;
        QString summary;
        QDateTime updated;
        children([&] {
            if (is("id", kAtom)) {
                item.guid = text();
            } else if (is("title", kAtom)) {
                item.title = atomText(false);
            } else if (is("link", kAtom)) {
                const QString rel = attribute("rel");
                const QString href = absolute(m_base, attribute("href"));
                if (rel == QLatin1String("enclosure")) {
                    if (!href.isEmpty()) {
                        item.enclosures.append({href, attribute("type"), attribute("length").toLongLong(), 0});
                    }
                } else if ((rel.isEmpty() || rel == QLatin1String("alternate")) && item.link.isEmpty()) {
                    item.link = href;
                }
            } else if (is("published", kAtom)) {
                item.published = parseFeedDate(text());
            } else if (is("updated", kAtom)) {
                updated = parseFeedDate(text());
            } else if (is("content", kAtom)) {
                if (attribute("src").isEmpty()) {
                    item.html = atomText(true);
                }
            } else if (is("summary", kAtom)) {
                summary = atomText(true);
            } else if (is("author", kAtom)) {
                children([&] {
                    if (is("name", kAtom) && item.author.isEmpty()) {
                        item.author = text();
                    }
                });
            } else {
                (void)readItemExtension(item);
            }
        });
        if (item.html.isEmpty()) {
            item.html = summary;
        }
        if (!item.published.isValid()) {
            item.published = updated;
        }
        return item;
    }

    QXmlStreamReader& m_xml;
    QUrl m_base;
    Feed m_feed;
};

Result<Feed> parseJsonFeed(const QByteArray& document, const QUrl& base)
{
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(document, &error);
    if (error.error != QJsonParseError::NoError) {
        return fail(ErrorCode::InvalidInput, "not a well-formed JSON Feed: " + error.errorString().toStdString(),
                    "byte " + std::to_string(error.offset));
    }
    const QJsonObject root = json.object();
    if (!root.value(QStringLiteral("version")).toString().startsWith(QLatin1String("https://jsonfeed.org/version/"))) {
        return fail(ErrorCode::InvalidInput, "JSON, but not a JSON Feed (no \"version\": \"https://jsonfeed.org/version/...\")");
    }
    if (!root.value(QStringLiteral("items")).isArray()) {
        return fail(ErrorCode::InvalidInput, "a JSON Feed must have an \"items\" array", "items");
    }
    Feed feed;
    feed.format = FeedFormat::JsonFeed;
    feed.title = root.value(QStringLiteral("title")).toString().simplified();
    feed.link = absolute(base, root.value(QStringLiteral("home_page_url")).toString());
    feed.description = root.value(QStringLiteral("description")).toString();
    feed.imageUrl = absolute(base, root.value(QStringLiteral("icon")).toString());
    const auto authorOf = [](const QJsonObject& object) {
        const QJsonArray authors = object.value(QStringLiteral("authors")).toArray();
        return (authors.isEmpty() ? object.value(QStringLiteral("author")).toObject() : authors.first().toObject()).value(QStringLiteral("name")).toString();
    };
    for (const QJsonValue& value : root.value(QStringLiteral("items")).toArray()) {
        const QJsonObject object = value.toObject();
        FeedItem item;
        const QJsonValue id = object.value(QStringLiteral("id"));
        item.guid = id.isDouble() ? QString::number(id.toDouble(), 'g', 17) : id.toString();
        item.title = object.value(QStringLiteral("title")).toString().simplified();
        item.link = absolute(base, object.value(QStringLiteral("url")).toString());
        item.author = authorOf(object);
        if (item.author.isEmpty()) {
            item.author = authorOf(root);
        }
        item.published = parseFeedDate(object.value(QStringLiteral("date_published")).toString());
        if (!item.published.isValid()) {
            item.published = parseFeedDate(object.value(QStringLiteral("date_modified")).toString());
        }
        item.html = object.value(QStringLiteral("content_html")).toString();
        if (item.html.isEmpty()) {
            const QString text = object.value(QStringLiteral("content_text")).toString();
            item.html = (text.isEmpty() ? object.value(QStringLiteral("summary")).toString() : text).toHtmlEscaped();
        }
        for (const QJsonValue& attachment : object.value(QStringLiteral("attachments")).toArray()) {
            const QJsonObject a = attachment.toObject();
            const QString url = absolute(base, a.value(QStringLiteral("url")).toString());
            if (!url.isEmpty()) {
                item.enclosures.append({url, a.value(QStringLiteral("mime_type")).toString(), static_cast<qint64>(a.value(QStringLiteral("size_in_bytes")).toDouble()),
                                        static_cast<qint64>(a.value(QStringLiteral("duration_in_seconds")).toDouble())});
            }
        }
        feed.items.append(item);
    }
    return feed;
}

/// The document read again as Windows-1252 text, its declaration's encoding taken out.
QString asWindows1252(const QByteArray& document)
{
    QStringDecoder decoder("windows-1252");
    QString text = decoder.isValid() ? QString(decoder(document)) : QString::fromLatin1(document);
    static const QRegularExpression kEncoding(QStringLiteral(R"(^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["'])"));
    text.replace(kEncoding, QStringLiteral("\\1"));
    return text;
}

}  // namespace

Result<Feed> parseFeed(const QByteArray& document, const QUrl& base)
{
    qsizetype start = document.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (start < document.size() && QChar::isSpace(static_cast<unsigned char>(document[start]))) {
        ++start;
    }
    if (start == document.size()) {
        return fail(ErrorCode::InvalidInput, "an empty document, not a feed");
    }
    if (document[start] == '{') {
        return parseJsonFeed(document, base);
    }
    const QByteArray head = document.mid(start, 512).toLower();
    if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
        return fail(ErrorCode::InvalidInput, "an HTML page, not a feed (a login or captive portal page, or a blog's home page?)");
    }
    QXmlStreamReader xml(document);
    auto feed = XmlFeedReader(xml, base).read();
    if (!feed && xml.error() == QXmlStreamReader::NotWellFormedError && xml.errorString().contains(QLatin1String("encod"), Qt::CaseInsensitive)) {
        // Bytes the declared encoding cannot hold: read as what blogs mostly mean then.
        QXmlStreamReader again(asWindows1252(document));
        auto retried = XmlFeedReader(again, base).read();
        if (retried) {
            return retried;
        }
    }
    return feed;
}

QList<QUrl> discoverFeeds(const QByteArray& html, const QUrl& base)
{
    static const QRegularExpression kLink(QStringLiteral(R"(<link\b([^>]*)>)"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression kAttribute(QStringLiteral(R"re(([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))re"));
    const QString page = QString::fromUtf8(html);
    QList<QUrl> feeds;
    for (auto link = kLink.globalMatch(page); link.hasNext();) {
        QString rel;
        QString type;
        QString href;
        const QString attributes = link.next().captured(1);
        for (auto attribute = kAttribute.globalMatch(attributes); attribute.hasNext();) {
            const auto match = attribute.next();
            const QString name = match.captured(1).toLower();
            const QString value = match.captured(2) + match.captured(3) + match.captured(4);
            if (name == QLatin1String("rel")) {
                rel = value;
            } else if (name == QLatin1String("type")) {
                type = value;
            } else if (name == QLatin1String("href")) {
                href = value;
            }
        }
        type = type.trimmed().toLower();
        if (!rel.toLower().split(QLatin1Char(' ')).contains(QLatin1String("alternate")) || href.isEmpty() ||
            (type != QLatin1String("application/rss+xml") && type != QLatin1String("application/atom+xml") && type != QLatin1String("application/feed+json") &&
             type != QLatin1String("application/rdf+xml"))) {
            continue;
        }
        const QUrl url = base.resolved(QUrl(href.replace(QLatin1String("&amp;"), QLatin1String("&")).trimmed()));
        if (url.isValid() && !feeds.contains(url)) {
            feeds.append(url);
        }
    }
    return feeds;
}

QDateTime parseFeedDate(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return {};
    }
    if (trimmed.size() >= 10 && trimmed[4] == QLatin1Char('-')) {
        QDateTime iso = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
        if (!iso.isValid()) {
            iso = QDateTime::fromString(trimmed.left(10), Qt::ISODate);  // a date alone
        }
        if (iso.isValid() && iso.timeSpec() == Qt::LocalTime) {
            iso.setTimeSpec(Qt::UTC);  // no zone given: taken as UTC, not as this computer's zone
        }
        return iso.isValid() ? iso.toUTC() : QDateTime();
    }
    // RFC 822: [Wkd,] d Mon yyyy HH:mm[:ss] zone
    static const QRegularExpression kRfc822(
        QStringLiteral(R"(^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?)"));
    const auto match = kRfc822.match(trimmed);
    if (!match.hasMatch()) {
        return {};
    }
    static const QStringList kMonths{QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"), QStringLiteral("apr"),
                                     QStringLiteral("may"), QStringLiteral("jun"), QStringLiteral("jul"), QStringLiteral("aug"),
                                     QStringLiteral("sep"), QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    const int month = static_cast<int>(kMonths.indexOf(match.captured(2).left(3).toLower())) + 1;
    int year = match.captured(3).toInt();
    if (year < 100) {
        year += year < 50 ? 2000 : 1900;
    }
    const QDate date(year, month, match.captured(1).toInt());
    const QTime time(match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt());
    if (month == 0 || !date.isValid() || !time.isValid()) {
        return {};
    }
    int offsetMinutes = 0;
    const QString zone = match.captured(7).toUpper();
    if (zone.startsWith(QLatin1Char('+')) || zone.startsWith(QLatin1Char('-'))) {
        const QString digits = QString(zone.mid(1)).remove(QLatin1Char(':'));
        offsetMinutes = (digits.left(2).toInt() * 60 + digits.mid(2, 2).toInt()) * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
    } else {
        static const QHash<QString, int> kZones{{QStringLiteral("EST"), -5 * 60}, {QStringLiteral("EDT"), -4 * 60}, {QStringLiteral("CST"), -6 * 60},
                                                {QStringLiteral("CDT"), -5 * 60}, {QStringLiteral("MST"), -7 * 60}, {QStringLiteral("MDT"), -6 * 60},
                                                {QStringLiteral("PST"), -8 * 60}, {QStringLiteral("PDT"), -7 * 60}, {QStringLiteral("CET"), 60},
                                                {QStringLiteral("CEST"), 120}};
        offsetMinutes = kZones.value(zone, 0);  // GMT, UT, UTC, Z and the unknown: UTC
    }
    return QDateTime(date, time, Qt::UTC).addSecs(-static_cast<qint64>(offsetMinutes) * 60);
}

}  // namespace bandmate::core::feeds
