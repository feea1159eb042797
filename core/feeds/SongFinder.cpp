#include "core/feeds/SongFinder.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QUrlQuery>

namespace bandmate::core::feeds {

namespace {

const QStringList kAudioSuffixes{QStringLiteral("mp3"), QStringLiteral("m4a"), QStringLiteral("ogg"), QStringLiteral("oga"), QStringLiteral("opus"),
                                 QStringLiteral("flac"), QStringLiteral("wav"), QStringLiteral("aac")};

bool looksLikeAudioFile(const QString& url)
{
    return kAudioSuffixes.contains(QFileInfo(QUrl(url).path()).suffix().toLower());
}

/// The few character references attributes and link texts use.
QString unescaped(QString text)
{
    text.replace(QLatin1String("&quot;"), QLatin1String("\"")).replace(QLatin1String("&#39;"), QLatin1String("'")).replace(QLatin1String("&#039;"), QLatin1String("'"));
    text.replace(QLatin1String("&lt;"), QLatin1String("<")).replace(QLatin1String("&gt;"), QLatin1String(">")).replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    text.replace(QLatin1String("&#8211;"), QStringLiteral("\u2013")).replace(QLatin1String("&ndash;"), QStringLiteral("\u2013"));
    text.replace(QLatin1String("&#8212;"), QStringLiteral("\u2014")).replace(QLatin1String("&mdash;"), QStringLiteral("\u2014"));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text;
}

QString attributeOf(const QString& attributes, const QString& name)
{
    static const QRegularExpression kAttribute(QStringLiteral(R"re(([a-zA-Z_:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))re"));
    for (auto match = kAttribute.globalMatch(attributes); match.hasNext();) {
        const auto found = match.next();
        if (found.captured(1).compare(name, Qt::CaseInsensitive) == 0) {
            return unescaped(found.captured(2) + found.captured(3) + found.captured(4)).trimmed();
        }
    }
    return {};
}

/// A streaming service's embedded player as the page to open; empty when `src` is none of them.
QString playerPage(const QUrl& src)
{
    const QString host = src.host().toLower();
    if (host.endsWith(QLatin1String("soundcloud.com")) && src.path().startsWith(QLatin1String("/player"))) {
        const QString target = QUrlQuery(src).queryItemValue(QStringLiteral("url"), QUrl::FullyDecoded);
        return target.isEmpty() ? src.toString() : target;
    }
    if ((host.endsWith(QLatin1String("youtube.com")) || host.endsWith(QLatin1String("youtube-nocookie.com"))) && src.path().startsWith(QLatin1String("/embed/"))) {
        const QString id = src.path().mid(7).section(QLatin1Char('/'), 0, 0);
        return id.isEmpty() ? QString() : QStringLiteral("https://www.youtube.com/watch?v=") + id;
    }
    if (host.endsWith(QLatin1String("bandcamp.com")) && src.path().startsWith(QLatin1String("/EmbeddedPlayer"))) {
        return src.toString();
    }
    return {};
}

}  // namespace

std::pair<QString, QString> splitArtistTitle(const QString& text)
{
    static const QRegularExpression kLead(QStringLiteral(R"(^\s*(?:\[[^\]]*\]\s*)?(?:(?:premiere|mp3|listen|stream|new music|new song|song of the day|track of the day|video|audio)\s*[:|]\s*))"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression kTail(QStringLiteral(R"(\s*[\[(](?:mp3|free download|official (?:audio|video)|audio|video|premiere)[\])]\s*$)"),
                                          QRegularExpression::CaseInsensitiveOption);
    QString rest = text.simplified();
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
    const auto [postArtist, postTitle] = splitArtistTitle(item.title);
    const auto add = [&](FoundSong::Source source, const QString& url, const QString& label) {
        if (url.isEmpty() || std::any_of(songs.begin(), songs.end(), [&](const FoundSong& song) { return song.url == url; })) {
            return;
        }
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
            add(FoundSong::Source::Enclosure, enclosure.url, item.title);
        }
    }
    const QUrl base(item.link);
    const auto resolved = [&](const QString& url) { return url.isEmpty() ? QString() : base.resolved(QUrl(url)).toString(); };
    // <audio src>, and <source src> inside an <audio>.
    static const QRegularExpression kAudio(QStringLiteral(R"(<audio\b([^>]*)>(.*?)</audio>)"),
                                           QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression kSource(QStringLiteral(R"(<source\b([^>]*)>)"), QRegularExpression::CaseInsensitiveOption);
    for (auto audio = kAudio.globalMatch(item.html); audio.hasNext();) {
        const auto match = audio.next();
        add(FoundSong::Source::Audio, resolved(attributeOf(match.captured(1), QStringLiteral("src"))), item.title);
        for (auto source = kSource.globalMatch(match.captured(2)); source.hasNext();) {
            add(FoundSong::Source::Audio, resolved(attributeOf(source.next().captured(1), QStringLiteral("src"))), item.title);
        }
    }
    // Links to audio files, named by their text.
    static const QRegularExpression kLink(QStringLiteral(R"(<a\b([^>]*)>(.*?)</a>)"), QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression kTag(QStringLiteral("<[^>]*>"));
    for (auto link = kLink.globalMatch(item.html); link.hasNext();) {
        const auto match = link.next();
        const QString href = resolved(attributeOf(match.captured(1), QStringLiteral("href")));
        if (looksLikeAudioFile(href)) {
            QString text = unescaped(QString(match.captured(2)).remove(kTag)).simplified();
            if (text.compare(QLatin1String("download"), Qt::CaseInsensitive) == 0 || text.compare(QLatin1String("mp3"), Qt::CaseInsensitive) == 0) {
                text.clear();
            }
            add(FoundSong::Source::AudioLink, href, text.isEmpty() ? item.title : text);
        }
    }
    // Streaming services' players.
    static const QRegularExpression kFrame(QStringLiteral(R"(<iframe\b([^>]*)>)"), QRegularExpression::CaseInsensitiveOption);
    for (auto frame = kFrame.globalMatch(item.html); frame.hasNext();) {
        const QString src = attributeOf(frame.next().captured(1), QStringLiteral("src"));
        const QUrl url = QUrl(src.startsWith(QLatin1String("//")) ? QStringLiteral("https:") + src : src);
        add(FoundSong::Source::Player, playerPage(url), item.title);
    }
    if (songs.isEmpty() && !postArtist.isEmpty()) {
        songs.append({FoundSong::Source::Title, postArtist, postTitle, QString()});
    }
    return songs;
}

}  // namespace bandmate::core::feeds
