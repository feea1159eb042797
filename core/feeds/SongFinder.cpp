#include "core/feeds/SongFinder.h"

#include "core/feeds/HtmlScan.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

namespace bandmate::core::feeds {

namespace {

const QStringList kAudioSuffixes{QStringLiteral("mp3"), QStringLiteral("m4a"), QStringLiteral("ogg"), QStringLiteral("oga"), QStringLiteral("opus"),
                                 QStringLiteral("flac"), QStringLiteral("wav"), QStringLiteral("aac")};

bool looksLikeAudioFile(const QString& url)
{
    return kAudioSuffixes.contains(QFileInfo(QUrl(url).path()).suffix().toLower());
}

/// Whether `host` is `domain` or one of its subdomains (not "evil" + domain).
bool isHostOf(const QString& host, const QString& domain)
{
    return host == domain || host.endsWith(QLatin1Char('.') + domain);
}

/// A streaming service's embedded player as the page to open; empty when `src` is none of them.
QString playerPage(const QUrl& src)
{
    if (src.scheme() != QLatin1String("https") && src.scheme() != QLatin1String("http")) {
        return {};
    }
    const QString host = src.host().toLower();
    if (isHostOf(host, QStringLiteral("soundcloud.com")) && src.path().startsWith(QLatin1String("/player"))) {
        const QString target = QUrlQuery(src).queryItemValue(QStringLiteral("url"), QUrl::FullyDecoded);
        return target.isEmpty() ? src.toString() : httpUrl({}, target);
    }
    if ((isHostOf(host, QStringLiteral("youtube.com")) || isHostOf(host, QStringLiteral("youtube-nocookie.com"))) && src.path().startsWith(QLatin1String("/embed/"))) {
        const QString id = src.path().mid(7).section(QLatin1Char('/'), 0, 0);
        static const QRegularExpression kId(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
        return kId.match(id).hasMatch() ? QStringLiteral("https://www.youtube.com/watch?v=") + id : QString();
    }
    if (isHostOf(host, QStringLiteral("bandcamp.com")) && src.path().startsWith(QLatin1String("/EmbeddedPlayer"))) {
        return src.toString();
    }
    return {};
}

}  // namespace

const char* sourceName(FoundSong::Source source)
{
    switch (source) {
    case FoundSong::Source::Enclosure: return "enclosure";
    case FoundSong::Source::Audio: return "audio";
    case FoundSong::Source::AudioLink: return "link";
    case FoundSong::Source::Player: return "player";
    case FoundSong::Source::Title: return "title";
    }
    return "title";
}

std::pair<QString, QString> splitArtistTitle(const QString& text)
{
    static const QRegularExpression kLead(QStringLiteral(R"(^\s*(?:\[[^\]]*\]\s*)?(?:(?:premiere|mp3|listen|stream|new music|new song|song of the day|track of the day|video|audio)\s*[:|]\s*))"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression kTail(QStringLiteral(R"(\s*[\[(](?:mp3|free download|official (?:audio|video)|audio|video|premiere)[\])]\s*$)"),
                                          QRegularExpression::CaseInsensitiveOption);
    QString rest = text.simplified().left(500);  // a title, not a post
    rest.remove(kLead);
    rest.remove(kTail);
    static const QRegularExpression kSeparator(QStringLiteral(R"(\s+[\x{2013}\x{2014}-]\s+|\s*[\x{2013}\x{2014}]\s*|:\s+)"));
    const auto match = kSeparator.match(rest);
    if (!match.hasMatch() || match.capturedStart() == 0) {
        return {QString(), rest};
    }
    static const QRegularExpression kQuotes(QStringLiteral("^[\"'\u201C\u201D\u2018\u2019\u00AB]+|[\"'\u201C\u201D\u2018\u2019\u00BB]+$"));
    QString artist = rest.left(match.capturedStart()).trimmed();
    QString title = rest.mid(match.capturedEnd()).trimmed();
    artist.remove(kQuotes);
    title.remove(kQuotes);
    if (artist.isEmpty() || title.isEmpty()) {
        return {QString(), rest};
    }
    return {artist.trimmed(), title.trimmed()};
}

QList<FoundSong> findSongs(const FeedItem& item)
{
    QList<FoundSong> songs;
    QSet<QString> seen;
    const auto [postArtist, postTitle] = splitArtistTitle(item.title);
    const auto add = [&](FoundSong::Source source, const QString& url, const QString& label) {
        if (url.isEmpty() || seen.contains(url)) {
            return;
        }
        seen.insert(url);
        FoundSong song{source, QString(), QString(), url};
        auto [artist, title] = splitArtistTitle(label);
        if (artist.isEmpty() && (label.isEmpty() || label == item.title)) {
            // Nothing better than the post's title: its artist and title when it has them.
            artist = postArtist;
            title = postTitle;
        }
        if (title.isEmpty() || (source != FoundSong::Source::Player && title == url)) {
            title = source == FoundSong::Source::Player ? item.title : QFileInfo(QUrl(url).path()).completeBaseName().replace(QLatin1Char('_'), QLatin1Char(' '));
        }
        song.artist = artist;
        song.title = title;
        songs.append(song);
    };
    for (const Enclosure& enclosure : item.enclosures) {
        const QString type = enclosure.type.toLower();
        if (type.startsWith(QLatin1String("audio/")) || ((type.isEmpty() || type == QLatin1String("application/octet-stream")) && looksLikeAudioFile(enclosure.url))) {
            add(FoundSong::Source::Enclosure, httpUrl({}, enclosure.url), item.title);
        }
    }
    const QUrl base(item.htmlBase.isEmpty() ? item.link : item.htmlBase);
    const HtmlScan html(item.html);
    // <audio src>, and <source src> inside an <audio>.
    html.forEachTag(QStringLiteral("audio"), [&](QStringView attributes, qsizetype end) {
        add(FoundSong::Source::Audio, httpUrl(base, HtmlScan::attribute(attributes, u"src")), item.title);
        const qsizetype close = html.closingTag(QStringLiteral("audio"), end);
        if (close < 0) {
            return false;  // no player after it is closed either
        }
        const HtmlScan inside(item.html.mid(end, close - end));
        inside.forEachTag(QStringLiteral("source"), [&](QStringView source, qsizetype) {
            add(FoundSong::Source::Audio, httpUrl(base, HtmlScan::attribute(source, u"src")), item.title);
            return true;
        });
        return true;
    });
    // Links to audio files, named by their text.
    html.forEachTag(QStringLiteral("a"), [&](QStringView attributes, qsizetype end) {
        const QString href = httpUrl(base, HtmlScan::attribute(attributes, u"href"));
        if (!looksLikeAudioFile(href)) {
            return true;
        }
        const qsizetype close = html.closingTag(QStringLiteral("a"), end);
        QString text = close < 0 ? QString() : HtmlScan::unescaped(html.textBetween(end, std::min(close, end + 1000))).simplified();
        if (text.compare(QLatin1String("download"), Qt::CaseInsensitive) == 0 || text.compare(QLatin1String("mp3"), Qt::CaseInsensitive) == 0) {
            text.clear();
        }
        add(FoundSong::Source::AudioLink, href, text.isEmpty() ? item.title : text);
        return true;
    });
    // Streaming services' players.
    html.forEachTag(QStringLiteral("iframe"), [&](QStringView attributes, qsizetype) {
        const QString src = HtmlScan::attribute(attributes, u"src");
        add(FoundSong::Source::Player, playerPage(QUrl(src.startsWith(QLatin1String("//")) ? QStringLiteral("https:") + src : src)), item.title);
        return true;
    });
    if (songs.isEmpty() && !postArtist.isEmpty()) {
        songs.append({FoundSong::Source::Title, postArtist, postTitle, QString()});
    }
    return songs;
}

}  // namespace bandmate::core::feeds
