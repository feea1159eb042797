#include "core/feeds/FeedDownloads.h"

#include "core/storage/Database.h"
#include "core/storage/LikePattern.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

namespace bandmate::core::feeds {

namespace {

/// `text`, never null: a null QString binds as NULL, and every column here is NOT NULL.
QString text(const QString& text) { return text.isNull() ? QStringLiteral("") : text; }

qint64 toMs(const QDateTime& time) { return time.isValid() ? time.toMSecsSinceEpoch() : 0; }
QDateTime fromMs(qint64 ms) { return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime(); }

Download::State stateFrom(const QString& name)
{
    if (name == QLatin1String("done")) {
        return Download::State::Done;
    }
    return name == QLatin1String("failed") ? Download::State::Failed : Download::State::Queued;
}

const QString kColumns = QStringLiteral(
    "d.item_id, d.url, d.state, d.path, d.bytes, d.error, d.queued_at, d.done_at, d.kept, d.validator, "
    "coalesce(nullif(f.name, ''), nullif(f.title, ''), f.url, ''), coalesce(i.title, ''), coalesce(s.artist, ''), coalesce(s.title, '') "
    "FROM feed_download d LEFT JOIN feed_item i ON i.id = d.item_id LEFT JOIN feed f ON f.id = i.feed_id "
    "LEFT JOIN feed_song s ON s.item_id = d.item_id AND s.url = d.url");

Download downloadAt(const QSqlQuery& query)
{
    Download download;
    download.itemId = query.value(0).toString();
    download.url = query.value(1).toString();
    download.state = stateFrom(query.value(2).toString());
    download.path = query.value(3).toString();
    download.bytes = query.value(4).toLongLong();
    download.error = query.value(5).toString();
    download.queuedAt = fromMs(query.value(6).toLongLong());
    download.doneAt = fromMs(query.value(7).toLongLong());
    download.kept = query.value(8).toInt() != 0;
    download.validator = query.value(9).toString();
    download.feedName = query.value(10).toString();
    download.itemTitle = query.value(11).toString();
    download.artist = query.value(12).toString();
    download.title = query.value(13).toString();
    return download;
}

const QStringList kAudioSuffixes{QStringLiteral("mp3"), QStringLiteral("m4a"), QStringLiteral("mp4"), QStringLiteral("aac"),
                                 QStringLiteral("ogg"), QStringLiteral("oga"), QStringLiteral("opus"), QStringLiteral("flac"),
                                 QStringLiteral("wav"), QStringLiteral("aiff"), QStringLiteral("aif")};

/// Removes `path`; an error in words when it stays.
QString removeFile(const QString& path)
{
    if (path.isEmpty() || !QFileInfo::exists(path)) {
        return {};
    }
    QFile file(path);
    return file.remove() ? QString() : QDir::toNativeSeparators(path) + QStringLiteral(": ") + file.errorString();
}

/// Whether two paths name one file: the same file once links are followed (the library may have
/// scanned a music folder through a symbolic link), or, for files not there, the same text.
bool sameFile(const QString& a, const QString& b)
{
    if (a == b) {
        return true;
    }
    const QString canonicalA = QFileInfo(a).canonicalFilePath();
    return !canonicalA.isEmpty() && canonicalA == QFileInfo(b).canonicalFilePath();
}

/// Whether the library has a file at `path` (media_file), by the file it names.
Result<bool> libraryHas(const QSqlDatabase& db, const QString& path)
{
    // The candidates by their name's end (a path through a link ends the same), then compared
    // as files.
    auto query = sql::run(db, QStringLiteral("SELECT path FROM media_file WHERE path LIKE ? ESCAPE '\\'"),
                          {QStringLiteral("%") + sql::likeEscaped(QFileInfo(path).fileName())});
    if (!query) {
        return std::unexpected(query.error());
    }
    while (query->next()) {
        if (sameFile(query->value(0).toString(), path)) {
            return true;
        }
    }
    return false;
}

/// Whether the file at `path` is the download's own to remove: the library has no file there and
/// no other download holds it (a name is compared without case, as some file systems do).
Result<bool> ownsFile(const QSqlDatabase& db, const QString& itemId, const QString& url, const QString& path)
{
    auto others = sql::run(db, QStringLiteral("SELECT count(*) FROM feed_download WHERE path = ? COLLATE NOCASE AND NOT (item_id = ? AND url = ?)"),
                           {path, itemId, url});
    if (!others) {
        return std::unexpected(others.error());
    }
    if (others->next() && others->value(0).toInt() > 0) {
        return false;
    }
    auto library = libraryHas(db, path);
    if (!library) {
        return std::unexpected(library.error());
    }
    return !*library;
}

/// Removes what the download `download` left: of one not done, only its ".part" (its path is a
/// name it was to take); of one done, its file when it is its own (ownsFile). An error in words
/// when a file stays.
Result<QString> removeFilesOf(const QSqlDatabase& db, const Download& download)
{
    if (download.path.isEmpty()) {
        return QString();
    }
    if (download.state != Download::State::Done) {
        return removeFile(download.path + QStringLiteral(".part"));
    }
    if (download.kept) {
        return QString();
    }
    auto own = ownsFile(db, download.itemId, download.url, download.path);
    if (!own) {
        return std::unexpected(own.error());
    }
    return *own ? removeFile(download.path) : QString();
}

/// An item of a followed feed that the musician has not removed: its downloads stay.
const QString kItemHere = QStringLiteral(
    "EXISTS (SELECT 1 FROM feed_item i JOIN feed f ON f.id = i.feed_id AND (f.deleted = 0 OR f.keep_items = 1) WHERE i.id = d.item_id) "
    "AND NOT EXISTS (SELECT 1 FROM feed_item_state s WHERE s.id = d.item_id AND s.deleted = 1)");

}  // namespace

FeedDownloads::FeedDownloads(Database& db) : m_db(db) {}

bool FeedDownloads::downloadable(const ItemSong& song)
{
    const bool audio = song.source == FoundSong::Source::Enclosure || song.source == FoundSong::Source::Audio
                       || song.source == FoundSong::Source::AudioLink;
    const QUrl url(song.url);
    return audio && url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

QString FeedDownloads::safeName(const QString& name)
{
    QString safe;
    safe.reserve(name.size());
    for (const QChar c : name) {
        // Characters Windows and macOS refuse in names, path separators, control characters.
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format || QStringLiteral("/\\:*?\"<>|").contains(c)) {
            safe.append(QLatin1Char(c == QLatin1Char(':') ? '-' : ' '));
        } else {
            safe.append(c);
        }
    }
    safe = safe.simplified();
    // No leading dots (a hidden file, or "..") nor trailing dots and spaces (Windows drops them).
    while (safe.startsWith(QLatin1Char('.')) || safe.startsWith(QLatin1Char(' '))) {
        safe.remove(0, 1);
    }
    while (safe.endsWith(QLatin1Char('.')) || safe.endsWith(QLatin1Char(' '))) {
        safe.chop(1);
    }
    // File systems count a name's bytes (255 at most): room is left for " (99).flac.part".
    while (safe.toUtf8().size() > 150) {
        safe.chop(safe.back().isLowSurrogate() ? 2 : 1);
        safe = safe.trimmed();
    }
    if (safe.isEmpty()) {
        return QStringLiteral("Untitled");
    }
    // Names Windows keeps for devices, with any suffix ("CON", "nul.mp3"): not a file there.
    static const QRegularExpression kDevice(QStringLiteral("^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?$"), QRegularExpression::CaseInsensitiveOption);
    if (kDevice.match(safe).hasMatch()) {
        safe.prepend(QLatin1Char('_'));
    }
    return safe;
}

bool FeedDownloads::hasAudioSuffix(const QString& fileName)
{
    return kAudioSuffixes.contains(QFileInfo(fileName).suffix().toLower());
}

QString FeedDownloads::audioSuffix(const QString& url, const QString& contentType)
{
    const QString suffix = QFileInfo(QUrl(url).path()).suffix().toLower();
    if (kAudioSuffixes.contains(suffix)) {
        return QLatin1Char('.') + suffix;
    }
    const QString type = contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    static const QList<std::pair<QString, QString>> kTypes{
        {QStringLiteral("audio/mpeg"), QStringLiteral(".mp3")},   {QStringLiteral("audio/mp3"), QStringLiteral(".mp3")},
        {QStringLiteral("audio/mp4"), QStringLiteral(".m4a")},    {QStringLiteral("audio/x-m4a"), QStringLiteral(".m4a")},
        {QStringLiteral("audio/aac"), QStringLiteral(".aac")},    {QStringLiteral("audio/ogg"), QStringLiteral(".ogg")},
        {QStringLiteral("audio/opus"), QStringLiteral(".opus")},  {QStringLiteral("audio/flac"), QStringLiteral(".flac")},
        {QStringLiteral("audio/x-flac"), QStringLiteral(".flac")}, {QStringLiteral("audio/wav"), QStringLiteral(".wav")},
        {QStringLiteral("audio/x-wav"), QStringLiteral(".wav")},  {QStringLiteral("audio/wave"), QStringLiteral(".wav")},
        {QStringLiteral("audio/aiff"), QStringLiteral(".aiff")},  {QStringLiteral("audio/x-aiff"), QStringLiteral(".aiff")}};
    for (const auto& [name, suffixOfType] : kTypes) {
        if (type == name) {
            return suffixOfType;
        }
    }
    return {};
}

QString FeedDownloads::defaultFolder()
{
    QString music = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
    if (music.isEmpty()) {
        music = QDir::homePath() + QStringLiteral("/Music");
    }
    return QDir::cleanPath(music + QStringLiteral("/Bandmate feeds"));
}

Result<DownloadSettings> FeedDownloads::settings() const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT folder, keep_days FROM feed_download_setting WHERE singleton = 1"));
    if (!query) {
        return std::unexpected(query.error());
    }
    DownloadSettings settings;
    if (query->next()) {
        settings.folder = query->value(0).toString();
        settings.keepDays = query->value(1).toInt();
    }
    return settings;
}

Result<void> FeedDownloads::setSettings(const DownloadSettings& settings)
{
    if (settings.keepDays < 0 || settings.keepDays > 3650) {
        return fail(ErrorCode::InvalidInput, "must be 0 (never) to 3650 days", "keep_days");
    }
    if (!settings.folder.isEmpty() && QDir::isRelativePath(settings.folder)) {
        return fail(ErrorCode::InvalidInput, "must be a whole path (from the root)", settings.folder.toStdString());
    }
    return sql::exec(m_db.connection(),
                     QStringLiteral("INSERT INTO feed_download_setting (singleton, folder, keep_days) VALUES (1, ?, ?) "
                                    "ON CONFLICT (singleton) DO UPDATE SET folder = excluded.folder, keep_days = excluded.keep_days"),
                     {text(settings.folder.isEmpty() ? QString() : QDir::cleanPath(settings.folder)), settings.keepDays});
}

Result<QString> FeedDownloads::folder() const
{
    auto current = settings();
    if (!current) {
        return std::unexpected(current.error());
    }
    return current->folder.isEmpty() ? defaultFolder() : current->folder;
}

Result<Download> FeedDownloads::queue(const QString& itemId, int songIndex, const QDateTime& now, const QString& folder)
{
    auto found = FeedItemRepository(m_db).item(itemId);
    if (!found) {
        return std::unexpected(found.error());
    }
    if (songIndex < 0 || songIndex >= found->songs.size()) {
        return fail(ErrorCode::NotFound, "the post has no song " + std::to_string(songIndex + 1), itemId.toStdString());
    }
    const ItemSong& song = found->songs.at(songIndex);
    if (!downloadable(song)) {
        return fail(ErrorCode::InvalidInput,
                    song.url.isEmpty() ? "this song is a title only: there is no file to download"
                                       : "this song plays on another site (" + QUrl(song.url).host().toStdString() + "): it can be streamed there, not downloaded",
                    itemId.toStdString());
    }
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    auto before = find(itemId, song.url);
    if (!before) {
        return std::unexpected(before.error());
    }
    if (*before && ((*before)->state == Download::State::Queued || ((*before)->state == Download::State::Done && QFileInfo::exists((*before)->path)))) {
        return **before;
    }
    // Committed, then read back as stored.
    const auto committedRow = [&]() -> Result<Download> {
        if (auto committed = transaction->commit(); !committed) {
            return std::unexpected(committed.error());
        }
        auto queued = find(itemId, song.url);
        if (!queued) {
            return std::unexpected(queued.error());
        }
        return queued->value_or(Download{});
    };
    if (*before && (*before)->state == Download::State::Failed) {
        // Again under its name, with what it fetched and the validator to go on from it.
        if (auto again = requeue(itemId, song.url); !again) {
            return std::unexpected(again.error());
        }
        return committedRow();
    }
    QString base = folder;
    if (base.isEmpty()) {
        auto chosen = this->folder();
        if (!chosen) {
            return std::unexpected(chosen.error());
        }
        base = *chosen;
    }
    // "<folder>/<feed>/<date> <artist> - <title>.<suffix>"; the suffix from the URL, else from
    // the answer's type once it comes (the downloader adds it).
    const QDateTime date = found->published.isValid() ? found->published : found->firstSeen;
    QString name = song.title.isEmpty() ? found->title : song.title;
    if (!song.artist.isEmpty()) {
        name = song.artist + QStringLiteral(" - ") + name;
    }
    if (date.isValid()) {
        name = date.toUTC().toString(QStringLiteral("yyyy-MM-dd ")) + name;
    }
    const QString dir = QDir::cleanPath(base + QLatin1Char('/') + safeName(found->feedName));
    if (auto ok = sql::exec(m_db.connection(),
                            QStringLiteral("INSERT INTO feed_download (item_id, url, state, path, bytes, error, validator, queued_at, done_at, played_at, kept) "
                                           "VALUES (?, ?, 'queued', '', 0, '', '', ?, 0, 0, 0) ON CONFLICT (item_id, url) DO UPDATE SET "
                                           "state = 'queued', path = '', bytes = 0, error = '', validator = '', queued_at = excluded.queued_at, "
                                           "done_at = 0, played_at = 0, kept = 0"),
                            {itemId, song.url, toMs(now)});
        !ok) {
        return std::unexpected(ok.error());
    }
    if (auto claimed = claimPath(itemId, song.url, dir + QLatin1Char('/') + safeName(name) + audioSuffix(song.url)); !claimed) {
        return std::unexpected(claimed.error());
    }
    return committedRow();
}

Result<QList<Download>> FeedDownloads::list() const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT %1 ORDER BY d.state = 'done', d.queued_at DESC, d.item_id, d.url").arg(kColumns));
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<Download> downloads;
    while (query->next()) {
        downloads.append(downloadAt(*query));
    }
    return downloads;
}

Result<std::optional<Download>> FeedDownloads::find(const QString& itemId, const QString& url) const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT %1 WHERE d.item_id = ? AND d.url = ? LIMIT 1").arg(kColumns), {itemId, url});
    if (!query) {
        return std::unexpected(query.error());
    }
    return query->next() ? std::optional<Download>(downloadAt(*query)) : std::nullopt;
}

Result<bool> FeedDownloads::finished(const QString& itemId, const QString& url, const QString& path, qint64 bytes, const QDateTime& now)
{
    auto done = sql::run(m_db.connection(),
                         QStringLiteral("UPDATE feed_download SET state = 'done', path = ?, bytes = ?, error = '', done_at = ?, played_at = 0 "
                                        "WHERE item_id = ? AND url = ? AND state = 'queued'"),
                         {path, bytes, toMs(now), itemId, url});
    if (!done) {
        return std::unexpected(done.error());
    }
    return done->numRowsAffected() > 0;
}

Result<QString> FeedDownloads::claimPath(const QString& itemId, const QString& url, const QString& wanted)
{
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    const QFileInfo info(wanted);
    const QString suffix = hasAudioSuffix(wanted) ? QLatin1Char('.') + info.suffix() : QString();
    const QString base = suffix.isEmpty() ? wanted : wanted.chopped(suffix.size());
    // The names other downloads hold in that folder, as a file system that ignores case (and
    // Unicode's ways of writing one letter) would see them.
    const auto folded = [](const QString& name) { return name.normalized(QString::NormalizationForm_C).toCaseFolded(); };
    QSet<QString> held;
    {
        auto others = sql::run(m_db.connection(),
                               QStringLiteral("SELECT path FROM feed_download WHERE path LIKE ? ESCAPE '\\' AND NOT (item_id = ? AND url = ?)"),
                               {sql::likeEscaped(info.path() + QLatin1Char('/')) + QLatin1Char('%'), itemId, url});
        if (!others) {
            return std::unexpected(others.error());
        }
        while (others->next()) {
            held.insert(folded(others->value(0).toString()));
        }
    }
    QString path = wanted;
    for (int n = 2; held.contains(folded(path)) || QFileInfo::exists(path) || QFileInfo::exists(path + QStringLiteral(".part")); ++n) {
        path = base + QStringLiteral(" (%1)").arg(n) + suffix;
    }
    auto set = sql::run(m_db.connection(), QStringLiteral("UPDATE feed_download SET path = ? WHERE item_id = ? AND url = ? AND state = 'queued'"),
                        {path, itemId, url});
    if (!set) {
        return std::unexpected(set.error());
    }
    if (set->numRowsAffected() == 0) {
        return fail(ErrorCode::NotFound, "no such download (it was removed)", url.toStdString());
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return path;
}

Result<void> FeedDownloads::markWhole(const QString& itemId, const QString& url, qint64 bytes)
{
    return sql::exec(m_db.connection(), QStringLiteral("UPDATE feed_download SET bytes = ? WHERE item_id = ? AND url = ? AND state = 'queued'"),
                     {bytes, itemId, url});
}

Result<void> FeedDownloads::setValidator(const QString& itemId, const QString& url, const QString& validator)
{
    return sql::exec(m_db.connection(), QStringLiteral("UPDATE feed_download SET validator = ? WHERE item_id = ? AND url = ?"), {text(validator), itemId, url});
}

Result<bool> FeedDownloads::wanted(const QString& itemId, const QString& url) const
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT count(*) FROM feed_download d WHERE d.item_id = ? AND d.url = ? AND %1").arg(kItemHere),
                          {itemId, url});
    if (!query) {
        return std::unexpected(query.error());
    }
    return query->next() && query->value(0).toInt() > 0;
}

Result<void> FeedDownloads::forget(const QString& itemId, const QString& url)
{
    auto found = find(itemId, url);
    if (!found) {
        return std::unexpected(found.error());
    }
    if (!*found || (*found)->state == Download::State::Done) {
        return {};
    }
    if (!(*found)->path.isEmpty()) {
        QFile::remove((*found)->path + QStringLiteral(".part"));
    }
    return sql::exec(m_db.connection(), QStringLiteral("DELETE FROM feed_download WHERE item_id = ? AND url = ? AND state <> 'done'"), {itemId, url});
}

Result<QSet<QString>> FeedDownloads::ownFiles() const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT path FROM feed_download WHERE kept = 0 AND path <> ''"));
    if (!query) {
        return std::unexpected(query.error());
    }
    QSet<QString> paths;
    while (query->next()) {
        paths.insert(query->value(0).toString());
    }
    return paths;
}

Result<void> FeedDownloads::failed(const QString& itemId, const QString& url, const QString& error)
{
    // (Its file was never whole under its name, or was removed: no size to find it by.)
    return sql::exec(m_db.connection(), QStringLiteral("UPDATE feed_download SET state = 'failed', error = ?, bytes = 0 WHERE item_id = ? AND url = ? AND state <> 'done'"),
                     {text(error), itemId, url});
}

Result<void> FeedDownloads::requeue(const QString& itemId, const QString& url)
{
    auto ok = sql::run(m_db.connection(), QStringLiteral("UPDATE feed_download SET state = 'queued', error = '', bytes = 0 WHERE item_id = ? AND url = ? AND state = 'failed'"),
                       {itemId, url});
    if (!ok) {
        return std::unexpected(ok.error());
    }
    if (ok->numRowsAffected() == 0) {
        return fail(ErrorCode::NotFound, "no failed download of this song", url.toStdString());
    }
    return {};
}

Result<void> FeedDownloads::remove(const QString& itemId, const QString& url)
{
    auto found = find(itemId, url);
    if (!found) {
        return std::unexpected(found.error());
    }
    if (!*found) {
        return fail(ErrorCode::NotFound, "no such download", url.toStdString());
    }
    auto problem = removeFilesOf(m_db.connection(), **found);
    if (!problem) {
        return std::unexpected(problem.error());
    }
    if (!problem->isEmpty()) {
        return fail(ErrorCode::Io, "could not remove the file: " + problem->toStdString(), (*found)->path.toStdString());
    }
    return sql::exec(m_db.connection(), QStringLiteral("DELETE FROM feed_download WHERE item_id = ? AND url = ?"), {itemId, url});
}

Result<void> FeedDownloads::keep(const QString& itemId, const QString& url)
{
    return sql::exec(m_db.connection(), QStringLiteral("UPDATE feed_download SET kept = 1 WHERE item_id = ? AND url = ?"), {itemId, url});
}

Result<CleanupReport> FeedDownloads::cleanup(const QDateTime& now)
{
    auto current = settings();
    if (!current) {
        return std::unexpected(current.error());
    }
    const QSqlDatabase db = m_db.connection();
    // When each post was first seen played here (a post no longer played starts again).
    if (auto ok = sql::exec(db,
                            QStringLiteral("UPDATE feed_download SET played_at = ? WHERE played_at = 0 AND state = 'done' "
                                           "AND item_id IN (SELECT id FROM feed_item_state WHERE played = 1 AND deleted = 0)"),
                            {toMs(now)});
        !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = sql::exec(db, QStringLiteral("UPDATE feed_download SET played_at = 0 WHERE played_at > 0 "
                                               "AND item_id NOT IN (SELECT id FROM feed_item_state WHERE played = 1 AND deleted = 0)"));
        !ok) {
        return std::unexpected(ok.error());
    }
    const qint64 before = current->keepDays > 0 ? toMs(now) - qint64(current->keepDays) * 24 * 3600 * 1000 : 0;
    auto query = sql::run(db,
                          QStringLiteral("SELECT d.item_id, d.url, d.path, d.bytes, d.state FROM feed_download d WHERE d.kept = 0 AND d.state <> 'queued' AND (NOT (%1) OR "
                                         "(d.state = 'done' AND d.played_at > 0 AND d.played_at < ? "
                                         "AND NOT EXISTS (SELECT 1 FROM feed_item_state s WHERE s.id = d.item_id AND s.starred = 1)))")
                              .arg(kItemHere),
                          {before});
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<Download> gone;
    while (query->next()) {
        Download download;
        download.itemId = query->value(0).toString();
        download.url = query->value(1).toString();
        download.path = query->value(2).toString();
        download.bytes = query->value(3).toLongLong();
        download.state = stateFrom(query->value(4).toString());
        gone.append(download);
    }
    query->finish();
    CleanupReport report;
    for (const Download& download : gone) {
        if (download.state == Download::State::Done) {
            // A file the library has (scanned, perhaps through a link) is the library's now.
            auto library = libraryHas(db, download.path);
            if (!library) {
                return std::unexpected(library.error());
            }
            if (*library) {
                if (auto kept = keep(download.itemId, download.url); !kept) {
                    return std::unexpected(kept.error());
                }
                continue;
            }
        }
        // The file first: a row whose file stayed is tried again next time.
        auto problem = removeFilesOf(db, download);
        if (!problem) {
            return std::unexpected(problem.error());
        }
        if (!problem->isEmpty()) {
            report.problems.append(*problem);
            continue;
        }
        if (auto ok = sql::exec(db, QStringLiteral("DELETE FROM feed_download WHERE item_id = ? AND url = ?"), {download.itemId, download.url}); !ok) {
            return std::unexpected(ok.error());
        }
        if (download.state == Download::State::Done) {
            ++report.removed;
            report.bytes += download.bytes;
        }
    }
    return report;
}

Result<DownloadTags> FeedDownloads::tags(const QString& itemId, const QString& url) const
{
    auto found = FeedItemRepository(m_db).item(itemId);
    if (!found) {
        return std::unexpected(found.error());
    }
    const auto song = std::find_if(found->songs.cbegin(), found->songs.cend(), [&url](const ItemSong& each) { return each.url == url; });
    if (song == found->songs.cend()) {
        return fail(ErrorCode::NotFound, "the post no longer has this song", url.toStdString());
    }
    DownloadTags tags;
    tags.title = song->title.isEmpty() ? found->title : song->title;
    tags.artist = !song->artist.isEmpty() ? song->artist : (!found->author.isEmpty() ? found->author : found->feedName);
    tags.album = found->feedName;
    const QDateTime date = found->published.isValid() ? found->published : found->firstSeen;
    tags.year = date.isValid() ? date.toUTC().date().year() : 0;
    tags.comment = found->link.isEmpty() ? url : found->link;
    if (song->source == FoundSong::Source::Enclosure && song->artist.isEmpty()) {
        tags.genre = QStringLiteral("Podcast");
    }
    return tags;
}

}  // namespace bandmate::core::feeds
