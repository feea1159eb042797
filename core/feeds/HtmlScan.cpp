#include "core/feeds/HtmlScan.h"

#include <QHash>

namespace bandmate::core::feeds {

HtmlScan::HtmlScan(const QString& html) : m_html(html), m_lower(html.toLower())
{
    if (m_lower.size() != m_html.size()) {
        m_lower = m_html;  // (a character whose lower case is longer: rare; exact case then)
    }
}

void HtmlScan::forEachTag(const QString& name, const std::function<bool(QStringView attributes, qsizetype end)>& each) const
{
    const QString open = QLatin1Char('<') + name.toLower();
    for (qsizetype at = m_lower.indexOf(open); at >= 0; at = m_lower.indexOf(open, at)) {
        const qsizetype after = at + open.size();
        const QChar next = after < m_lower.size() ? m_lower[after] : QChar();
        const qsizetype end = m_lower.indexOf(QLatin1Char('>'), after);
        if (end < 0) {
            return;  // nothing after it closes either
        }
        at = end + 1;
        if (!next.isSpace() && next != QLatin1Char('/') && next != QLatin1Char('>')) {
            continue;  // "<ab" is not "<a"
        }
        if (!each(QStringView(m_html).mid(after, end - after), end + 1)) {
            return;
        }
    }
}

qsizetype HtmlScan::closingTag(const QString& name, qsizetype from) const
{
    return m_lower.indexOf(QStringLiteral("</") + name.toLower(), from);
}

QString HtmlScan::textBetween(qsizetype from, qsizetype to) const
{
    return withoutTags(QStringView(m_html).mid(from, to - from));
}

QString HtmlScan::attribute(QStringView attributes, QStringView name)
{
    qsizetype at = 0;
    const qsizetype size = attributes.size();
    const auto isNameChar = [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char(':'); };
    while (at < size) {
        while (at < size && !isNameChar(attributes[at])) {
            ++at;
        }
        const qsizetype nameStart = at;
        while (at < size && isNameChar(attributes[at])) {
            ++at;
        }
        const QStringView found = attributes.mid(nameStart, at - nameStart);
        while (at < size && attributes[at].isSpace()) {
            ++at;
        }
        if (at >= size || attributes[at] != QLatin1Char('=')) {
            continue;  // an attribute without a value
        }
        ++at;
        while (at < size && attributes[at].isSpace()) {
            ++at;
        }
        qsizetype valueStart = at;
        qsizetype valueEnd = at;
        if (at < size && (attributes[at] == QLatin1Char('"') || attributes[at] == QLatin1Char('\''))) {
            const QChar quote = attributes[at];
            valueStart = at + 1;
            valueEnd = attributes.indexOf(quote, valueStart);
            if (valueEnd < 0) {
                valueEnd = size;
            }
            at = valueEnd + 1;
        } else {
            while (at < size && !attributes[at].isSpace()) {
                ++at;
            }
            valueEnd = at;
        }
        if (found.compare(name, Qt::CaseInsensitive) == 0) {
            return unescaped(attributes.mid(valueStart, valueEnd - valueStart)).trimmed();
        }
    }
    return {};
}

QString HtmlScan::withoutTags(QStringView html)
{
    QString text;
    text.reserve(html.size());
    qsizetype at = 0;
    while (at < html.size()) {
        const qsizetype open = html.indexOf(QLatin1Char('<'), at);
        if (open < 0) {
            text.append(html.mid(at));
            break;
        }
        text.append(html.mid(at, open - at));
        const qsizetype close = html.indexOf(QLatin1Char('>'), open);
        if (close < 0) {
            break;
        }
        at = close + 1;
    }
    return text;
}

QString HtmlScan::unescaped(QStringView text)
{
    static const QHash<QString, char16_t> kNamed{{QStringLiteral("amp"), u'&'},       {QStringLiteral("lt"), u'<'},       {QStringLiteral("gt"), u'>'},
                                                 {QStringLiteral("quot"), u'"'},      {QStringLiteral("apos"), u'\''},    {QStringLiteral("nbsp"), u' '},
                                                 {QStringLiteral("ndash"), u'\u2013'}, {QStringLiteral("mdash"), u'\u2014'}, {QStringLiteral("lsquo"), u'\u2018'},
                                                 {QStringLiteral("rsquo"), u'\u2019'}, {QStringLiteral("ldquo"), u'\u201C'}, {QStringLiteral("rdquo"), u'\u201D'},
                                                 {QStringLiteral("hellip"), u'\u2026'}, {QStringLiteral("raquo"), u'\u00BB'}, {QStringLiteral("laquo"), u'\u00AB'}};
    QString out;
    out.reserve(text.size());
    qsizetype at = 0;
    while (at < text.size()) {
        const qsizetype amp = text.indexOf(QLatin1Char('&'), at);
        if (amp < 0) {
            out.append(text.mid(at));
            break;
        }
        out.append(text.mid(at, amp - at));
        const qsizetype semicolon = text.indexOf(QLatin1Char(';'), amp);
        if (semicolon < 0 || semicolon - amp > 10) {
            out.append(QLatin1Char('&'));
            at = amp + 1;
            continue;
        }
        const QStringView entity = text.mid(amp + 1, semicolon - amp - 1);
        char32_t code = 0;
        bool ok = false;
        if (entity.startsWith(QLatin1String("#x")) || entity.startsWith(QLatin1String("#X"))) {
            code = entity.mid(2).toUInt(&ok, 16);
        } else if (entity.startsWith(QLatin1Char('#'))) {
            code = entity.mid(1).toUInt(&ok, 10);
        } else if (const auto named = kNamed.constFind(entity.toString()); named != kNamed.constEnd()) {
            code = *named;
            ok = true;
        }
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            out.append(QLatin1Char('&'));
            at = amp + 1;
            continue;
        }
        out.append(QString::fromUcs4(&code, 1));
        at = semicolon + 1;
    }
    return out;
}

}  // namespace bandmate::core::feeds
