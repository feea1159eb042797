#include "core/library/Songs.h"

#include "core/library/SearchQuery.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/sync/TrackedWrite.h"
#include "core/util/Uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace bandmate::core::library {

namespace {

const char* readinessName(Readiness readiness)
{
    switch (readiness) {
    case Readiness::Rehearsed:
        return "rehearsed";
    case Readiness::GigReady:
        return "gig_ready";
    case Readiness::Learning:
        break;
    }
    return "learning";
}

Readiness readinessFrom(const QString& name)
{
    return name == QLatin1String("gig_ready") ? Readiness::GigReady
           : name == QLatin1String("rehearsed") ? Readiness::Rehearsed
                                                 : Readiness::Learning;
}

const QString kColumns = QStringLiteral("song.id, song.title, song.artist, song.album, song.genre, song.year, song.song_key, "
                                        "song.bpm, song.duration_ms, song.tags, song.notes, song.readiness, song.rating, "
                                        "song.loved, song.machine_ref, song.time_signature, song.chart, song.track");

Song fromRow(const QSqlQuery& q)
{
    Song song;
    song.id = q.value(0).toString();
    song.title = q.value(1).toString();
    song.artist = q.value(2).toString();
    song.album = q.value(3).toString();
    song.genre = q.value(4).toString();
    song.year = q.value(5).toInt();
    song.key = q.value(6).toString();
    song.bpm = q.value(7).toDouble();
    song.durationMs = q.value(8).toLongLong();
    for (const auto& tag : QJsonDocument::fromJson(q.value(9).toString().toUtf8()).array()) {
        song.tags << tag.toString();
    }
    song.notes = q.value(10).toString();
    song.readiness = readinessFrom(q.value(11).toString());
    song.rating = q.value(12).toInt();
    song.loved = q.value(13).toInt() != 0;
    song.machineRef = q.value(14).toString();
    song.timeSignature = q.value(15).toString();
    song.chart = q.value(16).toString();
    song.track = q.value(17).toInt();
    return song;
}

}  // namespace

SongRepository::SongRepository(Database& db) : m_db(db) {}

Result<QVariantMap> SongRepository::validatedFields(const Song& song)
{
    if (song.title.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a song needs a title", "title");
    }
    if (song.rating < 0 || song.rating > 5) {
        return fail(ErrorCode::InvalidArgument, "a rating from 0 to 5", "rating");
    }
    static const QRegularExpression kTimeSignature(QStringLiteral("^\\s*$|^\\s*[1-9][0-9]?/(1|2|4|8|16|32)\\s*$"));
    if (!kTimeSignature.match(song.timeSignature).hasMatch()) {
        return fail(ErrorCode::InvalidArgument, "a time signature such as 4/4, 6/8 or 12/8", "time_signature");
    }
    if (song.track < 0 || song.track > 999) {
        return fail(ErrorCode::InvalidArgument, "a track number from 1 to 999 (or 0 for unknown)", "track");
    }
    if (song.bpm != 0.0 && (song.bpm < 20 || song.bpm > 400)) {
        return fail(ErrorCode::InvalidArgument, "a tempo from 20 to 400 BPM (or 0 for unknown)", "bpm");
    }
    QStringList tags;
    for (const QString& tag : song.tags) {
        if (!tag.trimmed().isEmpty() && !tags.contains(tag.trimmed(), Qt::CaseInsensitive)) {
            tags << tag.trimmed();
        }
    }
    return QVariantMap{{QStringLiteral("title"), song.title.trimmed()},
                       {QStringLiteral("artist"), song.artist.trimmed()},
                       {QStringLiteral("album"), song.album.trimmed()},
                       {QStringLiteral("genre"), song.genre.trimmed()},
                       {QStringLiteral("year"), song.year},
                       {QStringLiteral("song_key"), song.key.trimmed()},
                       {QStringLiteral("bpm"), song.bpm},
                       {QStringLiteral("duration_ms"), song.durationMs},
                       {QStringLiteral("tags"), tags.isEmpty() ? QStringLiteral("[]")
                                                               : QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact))},
                       {QStringLiteral("notes"), song.notes},
                       {QStringLiteral("readiness"), QString::fromLatin1(readinessName(song.readiness))},
                       {QStringLiteral("rating"), song.rating},
                       {QStringLiteral("loved"), song.loved ? 1 : 0},
                       {QStringLiteral("machine_ref"), song.machineRef},
                       {QStringLiteral("time_signature"), song.timeSignature.trimmed().isEmpty() ? QStringLiteral("4/4") : song.timeSignature.trimmed()},
                       {QStringLiteral("chart"), song.chart},
                       {QStringLiteral("track"), song.track}};
}

Result<QStringList> SongRepository::addMany(const QList<Song>& songs)
{
    QList<QPair<QString, QVariantMap>> rows;
    QStringList ids;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    UuidV7Generator uuids;
    for (qsizetype i = 0; i < songs.size(); ++i) {
        auto fields = validatedFields(songs[i]);
        if (!fields) {
            Error error = fields.error();
            error.where = "song " + std::to_string(i + 1) + " (" + songs[i].title.toStdString() + "): " + error.where;
            return std::unexpected(error);
        }
        fields->insert(QStringLiteral("added_at"), now);
        ids << uuids.next();
        rows.append({ids.last(), *fields});
    }
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    if (auto written = ChangeTracker(m_db).writeMany(QStringLiteral("song"), rows); !written) {
        return std::unexpected(written.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    if (m_countsForRoadmap && !ids.isEmpty()) {
        (void)roadmap::ProgressRepository(m_db).addStat(QStringLiteral("songs_added"), double(ids.size()), QDateTime::currentDateTime(),
                                                        QStringLiteral("library"));
    }
    return ids;
}

Result<QString> SongRepository::save(const Song& song)
{
    auto validated = validatedFields(song);
    if (!validated) {
        return std::unexpected(validated.error());
    }
    QVariantMap fields = *validated;
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    const bool created = song.id.isEmpty();
    const QString id = created ? UuidV7Generator().next() : song.id;
    if (created) {
        fields.insert(QStringLiteral("added_at"), QDateTime::currentMSecsSinceEpoch());
    } else {
        // Write only what changed, so an edit on one device does not overwrite another
        // device's concurrent edit of a different field when they sync.
        const QStringList names = fields.keys();
        auto stored = sql::run(m_db.connection(), QStringLiteral("SELECT %1 FROM song WHERE id = ? AND deleted = 0").arg(names.join(QStringLiteral(", "))),
                               {id});
        if (!stored) {
            return std::unexpected(stored.error());
        }
        if (!stored->next()) {
            return fail(ErrorCode::NotFound, "no such song", id.toStdString());
        }
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (stored->value(int(i)).toString() == fields.value(names[i]).toString()) {
                fields.remove(names[i]);
            }
        }
        if (fields.isEmpty()) {
            return id;
        }
    }
    ChangeTracker tracker(m_db);
    if (auto written = tracker.write(QStringLiteral("song"), id, fields); !written) {
        return std::unexpected(written.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    if (created && m_countsForRoadmap) {
        (void)roadmap::ProgressRepository(m_db).recordEvent({roadmap::AppEvent::Kind::SongAdded, QDateTime::currentDateTime(), 1.0, id});
    }
    return id;
}

Result<Song> SongRepository::get(const QString& id) const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT %1 FROM song WHERE song.id = ? AND song.deleted = 0").arg(kColumns), {id});
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, "no such song", id.toStdString());
    }
    return fromRow(*query);
}

Result<void> SongRepository::remove(const QString& id)
{
    if (auto song = get(id); !song) {
        return std::unexpected(song.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) { return tracker.remove(QStringLiteral("song"), id); });
}

Result<QList<Song>> SongRepository::search(const QString& text, int limit) const
{
    auto compiled = compileSearch(text);
    if (!compiled) {
        return std::unexpected(compiled.error());
    }
    // With a full-text part, the index's matches drive the query (CROSS JOIN keeps that order);
    // the rows are then filtered and the first `limit` taken in display order.
    QVariantList binds;
    QString from = QStringLiteral("song");
    if (!compiled->prefilter.isEmpty()) {
        // A tag's prefilter drives the query when it narrows the songs to a few; a common tag
        // is cheaper to check while walking the songs in display order (the walk stops at
        // `limit`). Counting stops at the threshold, so the estimate stays cheap.
        auto songs = sql::scalar(m_db.connection(), QStringLiteral("SELECT max(rowid) FROM song"));
        const qint64 threshold = std::max<qint64>(1000, (songs ? songs->toLongLong() : 0) / 16);
        auto candidates = sql::scalar(m_db.connection(),
                                      QStringLiteral("SELECT count(*) FROM (SELECT rowid FROM song_fts WHERE song_fts MATCH ? LIMIT ?)"),
                                      {compiled->prefilter, threshold});
        if (!candidates) {
            return std::unexpected(candidates.error());
        }
        if (candidates->toLongLong() < threshold || !compiled->match.isEmpty()) {
            compiled->match = compiled->match.isEmpty() ? compiled->prefilter : compiled->match + QStringLiteral(" AND ") + compiled->prefilter;
        }
    }
    if (!compiled->match.isEmpty()) {
        from = QStringLiteral("song_fts CROSS JOIN song ON song.rowid = song_fts.rowid");
        binds << compiled->match;
    }
    binds << compiled->binds << limit;
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT %1 FROM %2 WHERE %3 song.deleted = 0 AND %4 "
                                         "ORDER BY song.artist COLLATE NOCASE, song.title COLLATE NOCASE, song.id LIMIT ?")
                              .arg(kColumns, from, compiled->match.isEmpty() ? QString() : QStringLiteral("song_fts MATCH ? AND"),
                                   compiled->where),
                          binds);
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<Song> songs;
    while (query->next()) {
        songs.append(fromRow(*query));
    }
    return songs;
}

Result<QString> SongRepository::recordPlay(const QString& songId, const QDateTime& at, const QString& source, const QString& ref)
{
    if (auto song = get(songId); !song) {
        return std::unexpected(song.error());
    }
    const QString id = UuidV7Generator().next();
    auto written = writeTracked(m_db, [&](ChangeTracker& tracker) {
        return tracker.write(QStringLiteral("play_event"), id,
                             {{QStringLiteral("song_id"), songId}, {QStringLiteral("at"), at.toMSecsSinceEpoch()},
                              {QStringLiteral("source"), source}, {QStringLiteral("ref"), ref}});
    });
    if (!written) {
        return std::unexpected(written.error());
    }
    return id;
}

Result<int> SongRepository::playCount(const QString& songId) const
{
    auto count = sql::scalar(m_db.connection(), QStringLiteral("SELECT count(*) FROM play_event WHERE song_id = ? AND deleted = 0"), {songId});
    if (!count) {
        return std::unexpected(count.error());
    }
    return count->toInt();
}

Result<QHash<QString, int>> SongRepository::playCounts() const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT song_id, count(*) FROM play_event WHERE deleted = 0 GROUP BY song_id"));
    if (!query) {
        return std::unexpected(query.error());
    }
    QHash<QString, int> counts;
    while (query->next()) {
        counts.insert(query->value(0).toString(), query->value(1).toInt());
    }
    return counts;
}

}  // namespace bandmate::core::library

namespace bandmate::core::library {

Result<LibraryStats> SongRepository::stats() const
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT count(*), count(DISTINCT lower(artist)), total(duration_ms), "
                                         "sum(readiness = 'learning'), sum(readiness = 'rehearsed'), sum(readiness = 'gig_ready'), "
                                         "(SELECT count(*) FROM play_event WHERE deleted = 0), "
                                         "(SELECT count(*) FROM media_file), (SELECT count(*) FROM media_file WHERE missing = 1), "
                                         "(SELECT count(*) FROM media_file WHERE error != '') "
                                         "FROM song WHERE deleted = 0"));
    if (!query) {
        return std::unexpected(query.error());
    }
    LibraryStats stats;
    if (query->next()) {
        stats.songs = query->value(0).toInt();
        stats.artists = query->value(1).toInt();
        stats.totalDurationMs = static_cast<qint64>(query->value(2).toDouble());
        stats.learning = query->value(3).toInt();
        stats.rehearsed = query->value(4).toInt();
        stats.gigReady = query->value(5).toInt();
        stats.plays = query->value(6).toInt();
        stats.files = query->value(7).toInt();
        stats.missingFiles = query->value(8).toInt();
        stats.unreadableFiles = query->value(9).toInt();
    }
    return stats;
}

}  // namespace bandmate::core::library
