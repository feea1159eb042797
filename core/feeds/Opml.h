#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace bandmate::core::feeds {

/// One subscription in an OPML file.
struct OpmlFeed {
    QString url;     ///< the feed's (xmlUrl)
    QString title;
    QString siteUrl; ///< htmlUrl; may be empty
    QString folder;  ///< the outlines it sits in, "Blogs/Salsa" for nested ones; empty at the top
};

/// The subscriptions in an OPML document (as feed readers export them: outlines with xmlUrl,
/// folders as outlines around them), in document order. Errors say where the XML breaks.
[[nodiscard]] Result<QList<OpmlFeed>> parseOpml(const QByteArray& document);

/// An OPML 2.0 document of `feeds`, each folder one outline around its feeds (nested as its
/// "/"-separated name says), for any feed reader to import.
[[nodiscard]] QByteArray writeOpml(const QList<OpmlFeed>& feeds, const QString& title);

}  // namespace bandmate::core::feeds
