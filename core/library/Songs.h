#pragma once

#include "core/util/Result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace bandmate::core {
class Database;
}

namespace bandmate::core::library {

enum class Readiness { Learning, Rehearsed, GigReady };

/// A song of the repertoire (entity `song`, synced), with or without audio files.
struct Song {
    QString id;
    QString title;
    QString artist;
    QString album;
    QString genre;
    int year = 0;
    QString key;  ///< "Am", "C#", "Bb"; empty when unknown
    double bpm = 0.0;
    qint64 durationMs = 0;
    QStringList tags;
    QString notes;
    Readiness readiness = Readiness::Learning;
    int rating = 0;  ///< 0…5
    bool loved = false;
    QString machineRef;  ///< a groove to practise with: "builtin:salsa" or "user:<id>"
    QString timeSignature = QStringLiteral("4/4");
    QString chart;  ///< lyrics and chords in ChordPro ("[Am]Words [E7]more")
    int track = 0;  ///< the number on its album; 0 when unknown
};

/// Counts over the library.
struct LibraryStats {
    int songs = 0;
    int artists = 0;
    qint64 totalDurationMs = 0;
    int learning = 0;
    int rehearsed = 0;
    int gigReady = 0;
    int plays = 0;
    int files = 0;
    int missingFiles = 0;
    int unreadableFiles = 0;
};

class SongRepository {
public:
    explicit SongRepository(Database& db);

    /// Whether each new song adds a songs_added entry for the roadmap (default). Bulk imports
    /// turn it off and add one entry for the whole batch.
    void setCountsForRoadmap(bool counts) { m_countsForRoadmap = counts; }

    /// Adds (empty id) or updates a song; returns its id. New songs count for the roadmap
    /// (songs_added). A title is required; rating 0-5; BPM 0 (unknown) or 20-400.
    [[nodiscard]] Result<QString> save(const Song& song);
    /// Adds many new songs at once (imports, library scans): validated first, written with a few
    /// multi-row statements, one transaction; all or nothing. Returns their ids in order.
    [[nodiscard]] Result<QStringList> addMany(const QList<Song>& songs);
    [[nodiscard]] Result<Song> get(const QString& id) const;
    [[nodiscard]] Result<void> remove(const QString& id);
    /// Songs matching the search grammar (core/library/SearchQuery.h), by artist and title.
    [[nodiscard]] Result<QList<Song>> search(const QString& query, int limit = 1000) const;
    /// A dated play (listening or a show); returns its id.
    [[nodiscard]] Result<QString> recordPlay(const QString& songId, const QDateTime& at, const QString& source = QStringLiteral("listen"),
                                             const QString& ref = {});
    [[nodiscard]] Result<int> playCount(const QString& songId) const;
    /// Plays per song, for every song played at least once.
    [[nodiscard]] Result<QHash<QString, int>> playCounts() const;
    [[nodiscard]] Result<LibraryStats> stats() const;

private:
    [[nodiscard]] static Result<QVariantMap> validatedFields(const Song& song);

    Database& m_db;
    bool m_countsForRoadmap = true;
};

}  // namespace bandmate::core::library
