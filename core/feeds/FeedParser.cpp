#include "core/feeds/FeedParser.h"

#include "core/feeds/HtmlScan.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <cmath>
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
constexpr auto kRss090 = "http://my.netscape.com/rdf/simple/0.9/";
/// Deeper than any feed nests: past it the document is refused (a stack, or patience, would not last).
constexpr int kMostNesting = 64;

/// A count from a feed (a length, a duration part): whole, 0 to 10^15; 0 when it is not one.
qint64 countOf(double value)
{
    return std::isfinite(value) && value >= 0 && value < 1e15 ? static_cast<qint64>(value) : 0;
}

qint64 countOf(const QString& text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    return ok ? countOf(value) : 0;
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
        if (!ok || !std::isfinite(value) || value < 0 || value > 1e9) {
            return 0;
        }
        seconds = seconds * 60 + static_cast<qint64>(value);
    }
    return seconds;
}

/// Text with its tags taken out and its character references read, for a title given as HTML.
/// Text with its tags taken out and its character references read, for a title given as HTML.
QString plainText(const QString& html)
{
    return HtmlScan::unescaped(HtmlScan::withoutTags(html)).simplified();
}

/// What one XML feed document holds, read element by element (a 10 MB feed never becomes a tree).
class XmlFeedReader {
public:
    XmlFeedReader(QXmlStreamReader& xml, const QUrl& base) : m_xml(xml), m_base(base), m_documentBase(base) {}

    Result<Feed> read()
    {
        while (!m_xml.atEnd() && !m_xml.isStartElement()) {
            m_xml.readNext();
        }
        if (m_xml.hasError() || !m_xml.isStartElement()) {
            return failure();
        }
        takeXmlBase();
        const QStringView root = m_xml.name();
        const QStringView ns = m_xml.namespaceUri();
        if (root.compare(QLatin1String("html"), Qt::CaseInsensitive) == 0) {
            return fail(ErrorCode::InvalidInput, "an HTML page, not a feed (a login or captive portal page, or a blog's home page?)");
        }
        if (root == QLatin1String("rss")) {
            m_feed.format = FeedFormat::Rss2;
            m_rssNamespace = ns.toString();
            readRss2();
            if (!m_xml.hasError() && !m_sawChannel) {
                return fail(ErrorCode::InvalidInput, "an RSS document without a <channel>: no feed in it");
            }
        } else if (root == QLatin1String("RDF") && ns == QLatin1String(kRdf)) {
            m_feed.format = FeedFormat::Rss1;
            readRdf();
            if (!m_xml.hasError() && !m_sawChannel && m_feed.items.isEmpty()) {
                return fail(ErrorCode::InvalidInput, "an RDF document with no RSS 1.0 or 0.90 channel or items in it");
            }
        } else if (root == QLatin1String("feed") && ns == QLatin1String(kAtom)) {
            m_feed.format = FeedFormat::Atom;
            readAtomFeed();
        } else if (root == QLatin1String("feed") && ns == QLatin1String("http://purl.org/atom/ns#")) {
            return fail(ErrorCode::InvalidInput, "Atom 0.3, the draft of 2003 that Atom 1.0 replaced: Bandmate reads Atom 1.0, RSS and JSON Feed");
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
    /// An element of the document's own RSS vocabulary (no namespace, or the one its root
    /// declared as default: RSS 0.90's, RSS 1.0's, an odd "http://backend.userland.com/rss2").
    bool isRss(const char* name) const { return m_xml.name() == QLatin1String(name) && m_xml.namespaceUri() == m_rssNamespace; }
    QString attribute(const char* name) const { return m_xml.attributes().value(QLatin1String(name)).toString(); }
    /// The current element's text, its child elements' text included, read without recursion
    /// (Qt's readElementText recurses once per level: a million nested tags overflow the stack).
    QString text()
    {
        QString out;
        int depth = 0;
        while (!m_xml.atEnd()) {
            switch (m_xml.readNext()) {
            case QXmlStreamReader::StartElement:
                if (++depth > kMostNesting) {
                    m_xml.raiseError(QStringLiteral("elements nested deeper than %1").arg(kMostNesting));
                    return out;
                }
                break;
            case QXmlStreamReader::EndElement:
                if (depth-- == 0) {
                    return out.trimmed();
                }
                break;
            case QXmlStreamReader::Characters:
            case QXmlStreamReader::EntityReference:
                out += m_xml.text();
                break;
            default:
                break;
            }
        }
        return out.trimmed();
    }

    /// The children of the current element, each handed to `child` at its start; returns at the
    /// element's end. `child` either reads the child whole or leaves it to be skipped.
    template <typename Child>
    void children(Child&& child)
    {
        while (m_xml.readNextStartElement()) {
            const auto before = m_xml.tokenType();
            const qint64 offset = m_xml.characterOffset();
            // xml:base holds for the element and what it holds (Atom feeds use it for their links).
            const QUrl outer = m_base;
            takeXmlBase();
            child();
            m_base = outer;
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
            children([&] {
                if (is("content", kMedia)) {
                    (void)readItemExtension(item);  // (a group in a group is skipped, not followed down)
                }
            });
            return true;
        }
        if (is("content", kMedia)) {
            const QString url = httpUrl(m_base, attribute("url"));
            if (!url.isEmpty()) {
                QString type = attribute("type");
                if (type.isEmpty() && attribute("medium") == QLatin1String("audio")) {
                    type = QStringLiteral("audio/*");
                }
                item.enclosures.append({url, type, countOf(attribute("fileSize")), durationOf(attribute("duration"))});
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
            m_feed.newFeedUrl = httpUrl(m_base, text());
        } else if (is("image", kItunes)) {
            m_feed.podcast = true;
            if (m_feed.imageUrl.isEmpty()) {
                m_feed.imageUrl = httpUrl(m_base, attribute("href"));
            }
        } else if (m_xml.namespaceUri() == QLatin1String(kItunes)) {
            m_feed.podcast = true;
        } else if (is("link", kAtom) && attribute("rel") == QLatin1String("alternate") && m_feed.link.isEmpty()) {
            m_feed.link = httpUrl(m_base, attribute("href"));
        }
    }

    void readRss2()
    {
        children([&] {
            if (!isRss("channel")) {
                return;
            }
            m_sawChannel = true;
            children([&] {
                if (isRss("item")) {
                    m_feed.items.append(readRssItem(false));
                } else if (isRss("title")) {
                    m_feed.title = text().simplified();
                } else if (isRss("link")) {
                    m_feed.link = httpUrl(m_base, text());
                } else if (isRss("description")) {
                    m_feed.description = text();
                } else if (isRss("ttl")) {
                    m_feed.ttlMinutes = static_cast<int>(std::min<qint64>(countOf(text()), 7 * 24 * 60));  // at most a week
                } else if (isRss("image")) {
                    children([&] {
                        if (isRss("url")) {
                            m_feed.imageUrl = httpUrl(m_base, text());
                        }
                    });
                } else {
                    readChannelExtension();
                }
            });
        });
    }

    /// An RSS 2.0 <item> or an RDF one (RSS 1.0 or 0.90: its about attribute is its id).
    FeedItem readRssItem(bool rdf)
    {
        FeedItem item;
        if (rdf) {
            item.guid = m_xml.attributes().value(QLatin1String(kRdf), QLatin1String("about")).toString();
        }
        QString description;
        bool guidIsLink = false;
        children([&] {
            if (isRss("title")) {
                item.title = text().simplified();
            } else if (isRss("link")) {
                item.link = httpUrl(m_base, text());
            } else if (isRss("description")) {
                description = text();
            } else if (isRss("guid")) {
                guidIsLink = attribute("isPermaLink") != QLatin1String("false");
                item.guid = text();
            } else if (isRss("pubDate")) {
                item.published = parseFeedDate(text());
            } else if (isRss("author")) {
                item.author = text();
            } else if (isRss("enclosure")) {
                const QString url = httpUrl(m_base, attribute("url"));
                if (!url.isEmpty()) {
                    item.enclosures.append({url, attribute("type"), countOf(attribute("length")), 0});
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
            // RSS 1.0's vocabulary, or RSS 0.90's (Netscape's of 1999), whichever the first says.
            if (m_rssNamespace.isEmpty() && (m_xml.namespaceUri() == QLatin1String(kRss1) || m_xml.namespaceUri() == QLatin1String(kRss090))) {
                m_rssNamespace = m_xml.namespaceUri().toString();
            }
            if (isRss("channel")) {
                m_sawChannel = true;
                children([&] {
                    if (isRss("title")) {
                        m_feed.title = text().simplified();
                    } else if (isRss("link")) {
                        m_feed.link = httpUrl(m_base, text());
                    } else if (isRss("description")) {
                        m_feed.description = text();
                    }
                });
            } else if (isRss("item")) {
                m_feed.items.append(readRssItem(true));
            } else if (isRss("image")) {
                children([&] {
                    if (isRss("url")) {
                        m_feed.imageUrl = httpUrl(m_base, text());
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
                if (++depth > kMostNesting) {
                    m_xml.raiseError(QStringLiteral("elements nested deeper than %1").arg(kMostNesting));
                    return out;
                }
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
                    m_feed.link = httpUrl(m_base, attribute("href"));
                }
            } else if (is("logo", kAtom) || is("icon", kAtom)) {
                const QString url = httpUrl(m_base, text());
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
        QString contentBase;
        QString summaryBase;
        QDateTime updated;
        children([&] {
            if (is("id", kAtom)) {
                item.guid = text();
            } else if (is("title", kAtom)) {
                item.title = atomText(false);
            } else if (is("link", kAtom)) {
                const QString rel = attribute("rel");
                const QString href = httpUrl(m_base, attribute("href"));
                if (rel == QLatin1String("enclosure")) {
                    if (!href.isEmpty()) {
                        item.enclosures.append({href, attribute("type"), countOf(attribute("length")), 0});
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
                    contentBase = explicitBase();
                    item.html = atomText(true);
                }
            } else if (is("summary", kAtom)) {
                summaryBase = explicitBase();
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
        item.htmlBase = item.html.isEmpty() ? summaryBase : contentBase;
        if (item.html.isEmpty()) {
            item.html = summary;
        }
        if (!item.published.isValid()) {
            item.published = updated;
        }
        return item;
    }

    /// The element's xml:base, resolved against the one around it, becomes the base.
    void takeXmlBase()
    {
        const QStringView given = m_xml.attributes().value(QLatin1String("http://www.w3.org/XML/1998/namespace"), QLatin1String("base"));
        if (!given.isEmpty()) {
            m_base = m_base.resolved(QUrl(given.toString()));
        }
    }
    /// The base an xml:base set, or empty where the document's own holds.
    [[nodiscard]] QString explicitBase() const { return m_base != m_documentBase ? m_base.toString() : QString(); }

    QXmlStreamReader& m_xml;
    QUrl m_base;
    QUrl m_documentBase;
    Feed m_feed;
    QString m_rssNamespace;  ///< see isRss()
    bool m_sawChannel = false;
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
    feed.link = httpUrl(base, root.value(QStringLiteral("home_page_url")).toString());
    feed.description = root.value(QStringLiteral("description")).toString();
    feed.imageUrl = httpUrl(base, root.value(QStringLiteral("icon")).toString());
    const auto authorOf = [](const QJsonObject& object) {
        const QJsonArray authors = object.value(QStringLiteral("authors")).toArray();
        return (authors.isEmpty() ? object.value(QStringLiteral("author")).toObject() : authors.first().toObject()).value(QStringLiteral("name")).toString();
    };
    for (const QJsonValue& value : root.value(QStringLiteral("items")).toArray()) {
        if (!value.isObject()) {
            continue;  // not an item
        }
        const QJsonObject object = value.toObject();
        FeedItem item;
        const QJsonValue id = object.value(QStringLiteral("id"));
        item.guid = id.isDouble() ? QString::number(id.toDouble(), 'g', 17) : id.toString();
        item.title = object.value(QStringLiteral("title")).toString().simplified();
        item.link = httpUrl(base, object.value(QStringLiteral("url")).toString());
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
            const QJsonObject a = attachment.toObject();  // (not an object: no url, skipped)
            const QString url = httpUrl(base, a.value(QStringLiteral("url")).toString());
            if (!url.isEmpty()) {
                item.enclosures.append({url, a.value(QStringLiteral("mime_type")).toString(), countOf(a.value(QStringLiteral("size_in_bytes")).toDouble()),
                                        countOf(a.value(QStringLiteral("duration_in_seconds")).toDouble())});
            }
        }
        feed.items.append(item);
    }
    return feed;
}

/// The length of the valid UTF-8 sequence at `at`, 0 when there is none.
qsizetype utf8SequenceAt(const QByteArray& bytes, qsizetype at)
{
    const auto byte = [&](qsizetype i) { return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0u; };
    const auto continuation = [&](qsizetype i) { return (byte(i) & 0xC0u) == 0x80u; };
    const unsigned lead = byte(at);
    if (lead < 0x80) {
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        return continuation(at + 1) ? 2 : 0;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        const unsigned second = byte(at + 1);
        const bool fits = lead == 0xE0 ? second >= 0xA0 : lead == 0xED ? second < 0xA0 : true;  // no overlong form, no surrogate
        return fits && continuation(at + 1) && continuation(at + 2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const unsigned second = byte(at + 1);
        const bool fits = lead == 0xF0 ? second >= 0x90 : lead == 0xF4 ? second < 0x90 : true;
        return fits && continuation(at + 1) && continuation(at + 2) && continuation(at + 3) ? 4 : 0;
    }
    return 0;
}

/// A UTF-8 document with stray bytes of another encoding mended: every byte that is not part of
/// valid UTF-8 read as Windows-1252 (what a blog that says UTF-8 and is not mostly holds), the
/// rest kept as it is.
QByteArray mendedUtf8(const QByteArray& document)
{
    static const char16_t kWindows1252[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                              0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                              0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    QByteArray out;
    out.reserve(document.size() + document.size() / 8);
    qsizetype at = 0;
    while (at < document.size()) {
        const qsizetype length = utf8SequenceAt(document, at);
        if (length > 0) {
            out.append(document.constData() + at, length);
            at += length;
            continue;
        }
        const auto byte = static_cast<unsigned char>(document[at]);
        const char16_t unit = byte >= 0x80 && byte < 0xA0 ? kWindows1252[byte - 0x80] : static_cast<char16_t>(byte);
        out.append(QString(QChar(unit)).toUtf8());
        ++at;
    }
    return out;
}

/// The encoding an XML declaration names ("utf-8" when it names none), lower case.
QByteArray declaredEncoding(const QByteArray& document)
{
    static const QRegularExpression kEncoding(QStringLiteral(R"re(^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["'])re"));
    const auto match = kEncoding.match(QString::fromLatin1(document.left(200)));
    return match.hasMatch() ? match.captured(1).trimmed().toLower().toLatin1() : QByteArray("utf-8");
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
    if (declaresEntities(document)) {
        return fail(ErrorCode::InvalidInput, "a document type that declares its own entities (<!DOCTYPE ... [ ... ]>): refused, as no feed needs one "
                                             "and a few of them can expand into gigabytes");
    }
    QXmlStreamReader xml(document);
    auto feed = XmlFeedReader(xml, base).read();
    const QByteArray encoding = declaredEncoding(document);
    if (!feed && xml.error() == QXmlStreamReader::NotWellFormedError && (encoding == "utf-8" || encoding == "utf8") &&
        xml.errorString().contains(QLatin1String("encod"), Qt::CaseInsensitive)) {
        // Bytes that are not UTF-8 in a document that says it is: each read as Windows-1252.
        QXmlStreamReader again(mendedUtf8(document));
        auto retried = XmlFeedReader(again, base).read();
        if (retried) {
            return retried;
        }
    }
    return feed;
}

QString httpUrl(const QUrl& base, const QString& link)
{
    const QString trimmed = link.trimmed();
    if (trimmed.isEmpty()) {
        return {};
    }
    const QUrl given(trimmed);
    const QUrl url = base.isValid() && given.isRelative() ? base.resolved(given) : given;
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https")) && !url.host().isEmpty() ? url.toString() : QString();
}

bool declaresEntities(const QByteArray& document)
{
    // The prolog only (processing instructions, comments, the document type): a post's CDATA
    // may well quote "<!ENTITY".
    qsizetype at = document.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    for (;;) {
        at = document.indexOf('<', at);
        if (at < 0) {
            return false;
        }
        const QByteArrayView rest = QByteArrayView(document).sliced(at);
        if (rest.startsWith("<?")) {
            at = document.indexOf("?>", at);
        } else if (rest.startsWith("<!--")) {
            at = document.indexOf("-->", at);
        } else if (rest.startsWith("<!DOCTYPE") || rest.startsWith("<!doctype")) {
            const qsizetype end = document.indexOf('>', at);
            const qsizetype subset = document.indexOf('[', at);
            return subset >= 0 && (end < 0 || subset < end);
        } else {
            return false;  // the root element: no document type
        }
        if (at < 0) {
            return false;
        }
    }
}

QList<QUrl> discoverFeeds(const QByteArray& html, const QUrl& base)
{
    const QString page = QString::fromUtf8(html);
    QList<QUrl> feeds;
    HtmlScan(page).forEachTag(QStringLiteral("link"), [&](QStringView attributes, qsizetype) {
        const QString type = HtmlScan::attribute(attributes, u"type").toLower();
        const QString href = HtmlScan::attribute(attributes, u"href");
        if (!HtmlScan::attribute(attributes, u"rel").toLower().split(QLatin1Char(' ')).contains(QLatin1String("alternate")) || href.isEmpty() ||
            (type != QLatin1String("application/rss+xml") && type != QLatin1String("application/atom+xml") && type != QLatin1String("application/feed+json") &&
             type != QLatin1String("application/rdf+xml"))) {
            return true;
        }
        const QUrl url(httpUrl(base, href));
        if (!url.isEmpty() && !feeds.contains(url)) {
            feeds.append(url);
        }
        return true;
    });
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
    const auto match = kRfc822.match(trimmed.left(100));
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
