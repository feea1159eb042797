#include "core/feeds/Opml.h"

#include "core/feeds/FeedParser.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace bandmate::core::feeds {

Result<QList<OpmlFeed>> parseOpml(const QByteArray& document)
{
    if (declaresEntities(document)) {
        return fail(ErrorCode::InvalidInput, "a document type that declares its own entities (<!DOCTYPE ... [ ... ]>): refused, as no OPML file needs one "
                                             "and a few of them can expand into gigabytes");
    }
    QXmlStreamReader xml(document);
    QList<OpmlFeed> feeds;
    QStringList folders;   // the outlines open around the current one (empty names for feeds)
    bool sawOpml = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (!sawOpml) {
                if (xml.name() != QLatin1String("opml")) {
                    return fail(ErrorCode::InvalidInput, "not an OPML file: the document is <" + xml.name().toString().toStdString() + ">");
                }
                sawOpml = true;
                continue;
            }
            if (xml.name() != QLatin1String("outline")) {
                continue;
            }
            const QXmlStreamAttributes attributes = xml.attributes();
            const QString given = attributes.value(QLatin1String("xmlUrl")).toString().trimmed();
            const QString url = given.isEmpty() ? QString() : httpUrl({}, given);
            if (!given.isEmpty() && url.isEmpty()) {
                return fail(ErrorCode::InvalidInput, "a feed's address must be an http or https URL, not \"" + given.left(80).toStdString() + "\"",
                            "line " + std::to_string(xml.lineNumber()));
            }
            const QString text = attributes.value(QLatin1String("text")).toString().simplified();
            const QString title = attributes.value(QLatin1String("title")).toString().simplified();
            if (!url.isEmpty()) {
                QStringList path;
                for (const QString& folder : std::as_const(folders)) {
                    if (!folder.isEmpty()) {
                        path.append(folder);
                    }
                }
                feeds.append({url, title.isEmpty() ? text : title, attributes.value(QLatin1String("htmlUrl")).toString().trimmed(), path.join(QLatin1Char('/'))});
                folders.append(QString());
            } else {
                folders.append(QString(text.isEmpty() ? title : text).replace(QLatin1Char('/'), QLatin1Char('-')));
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("outline") && !folders.isEmpty()) {
            folders.removeLast();
        }
    }
    if (xml.hasError()) {
        if (!sawOpml && xml.error() == QXmlStreamReader::PrematureEndOfDocumentError) {
            return fail(ErrorCode::InvalidInput, "an empty document, not an OPML file");
        }
        return fail(ErrorCode::InvalidInput, "not a well-formed OPML file: " + xml.errorString().toStdString(),
                    "line " + std::to_string(xml.lineNumber()) + ", column " + std::to_string(xml.columnNumber()));
    }
    if (!sawOpml) {
        return fail(ErrorCode::InvalidInput, "not an OPML file");
    }
    return feeds;
}

QByteArray writeOpml(const QList<OpmlFeed>& feeds, const QString& title)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("opml"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("2.0"));
    xml.writeStartElement(QStringLiteral("head"));
    xml.writeTextElement(QStringLiteral("title"), title);
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("body"));
    // Feeds grouped by folder, folders in the order they first come; nested by their path.
    QStringList open;
    QStringList order;
    for (const OpmlFeed& feed : feeds) {
        if (!order.contains(feed.folder)) {
            order.append(feed.folder);
        }
    }
    std::stable_sort(order.begin(), order.end(), [](const QString& a, const QString& b) { return a.isEmpty() && !b.isEmpty(); });  // top level first
    for (const QString& folder : std::as_const(order)) {
        const QStringList path = folder.isEmpty() ? QStringList() : folder.split(QLatin1Char('/'));
        qsizetype common = 0;
        while (common < open.size() && common < path.size() && open[common] == path[common]) {
            ++common;
        }
        while (open.size() > common) {
            xml.writeEndElement();
            open.removeLast();
        }
        for (qsizetype i = common; i < path.size(); ++i) {
            xml.writeStartElement(QStringLiteral("outline"));
            xml.writeAttribute(QStringLiteral("text"), path[i]);
            xml.writeAttribute(QStringLiteral("title"), path[i]);
            open.append(path[i]);
        }
        for (const OpmlFeed& feed : feeds) {
            if (feed.folder != folder) {
                continue;
            }
            xml.writeEmptyElement(QStringLiteral("outline"));
            xml.writeAttribute(QStringLiteral("type"), QStringLiteral("rss"));
            xml.writeAttribute(QStringLiteral("text"), feed.title.isEmpty() ? feed.url : feed.title);
            xml.writeAttribute(QStringLiteral("title"), feed.title.isEmpty() ? feed.url : feed.title);
            xml.writeAttribute(QStringLiteral("xmlUrl"), feed.url);
            if (!feed.siteUrl.isEmpty()) {
                xml.writeAttribute(QStringLiteral("htmlUrl"), feed.siteUrl);
            }
        }
    }
    while (!open.isEmpty()) {
        xml.writeEndElement();
        open.removeLast();
    }
    xml.writeEndElement();  // body
    xml.writeEndElement();  // opml
    xml.writeEndDocument();
    return out;
}

}  // namespace bandmate::core::feeds
