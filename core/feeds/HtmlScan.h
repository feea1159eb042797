#pragma once

#include <QString>
#include <QStringView>

#include <functional>

namespace bandmate::core::feeds {

/// A linear scan over an HTML fragment from the web (a post's body, a page's head): every
/// `<name ...>` tag in order, no matter how broken the markup around it. Regular expressions
/// over such text go quadratic on a flood of unclosed tags; this never looks at a byte twice
/// more than a constant number of times.
class HtmlScan {
public:
    explicit HtmlScan(const QString& html);

    /// Calls `each(attributes, end)` for every `<name` tag (name matched without case, followed
    /// by a space, "/" or ">"), where `attributes` is the text between the name and the tag's
    /// ">" and `end` the index just past it. Stops at a tag that never closes, or when `each`
    /// returns false.
    void forEachTag(const QString& name, const std::function<bool(QStringView attributes, qsizetype end)>& each) const;
    /// The index of `</name` at or after `from` (without case), or -1.
    [[nodiscard]] qsizetype closingTag(const QString& name, qsizetype from) const;
    /// The text between `from` and `to`, tags taken out.
    [[nodiscard]] QString textBetween(qsizetype from, qsizetype to) const;

    /// The value of attribute `name` (without case) in a tag's `attributes`, with the common
    /// character references read; empty when it has none.
    [[nodiscard]] static QString attribute(QStringView attributes, QStringView name);
    /// `html` with its tags taken out (an unclosed one runs to the end).
    [[nodiscard]] static QString withoutTags(QStringView html);
    /// `text` with the character references a feed's HTML mostly uses read (&amp;, &lt;, &#8211;,
    /// &ndash;, &#x2019; and the like).
    [[nodiscard]] static QString unescaped(QStringView text);

private:
    QString m_html;  ///< (implicitly shared: no copy of the text)
    QString m_lower;  ///< m_html in lower case, the same length
};

}  // namespace bandmate::core::feeds
