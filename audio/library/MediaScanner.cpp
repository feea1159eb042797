#include "audio/library/MediaScanner.h"

#include "core/library/MediaFiles.h"
#include "core/library/Songs.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <taglib/fileref.h>
#include <taglib/tag.h>
#include <taglib/tpropertymap.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>

namespace bandmate::audio {

using core::ErrorCode;
using core::fail;

namespace {

namespace fs = std::filesystem;

bool isAudio(const fs::path& path)
{
    std::string suffix = path.extension().string();
    std::transform(suffix.begin(), suffix.end(), suffix.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static const std::array<const char*, 8> suffixes{".mp3", ".flac", ".ogg", ".opus", ".m4a", ".wav", ".aiff", ".aif"};
    return std::find(suffixes.begin(), suffixes.end(), suffix) != suffixes.end();
}

/// A cheap identity of the content (with the size): FNV-1a over the first 64 KiB.
QString contentHash(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::array<char, 64 * 1024> buffer{};
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto count = static_cast<size_t>(in.gcount());
    uint64_t hash = 1469598103934665603ULL;
    for (size_t i = 0; i < count; ++i) {
        hash = (hash ^ static_cast<unsigned char>(buffer[i])) * 1099511628211ULL;
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return QString::fromLatin1(text);
}

QString fromPath(const fs::path& path)
{
    const auto utf8 = path.u8string();
    return QString::fromUtf8(reinterpret_cast<const char*>(utf8.data()), static_cast<qsizetype>(utf8.size()));
}

struct Tags {
    core::library::Song song;
    int bitrate = 0;
    int sampleRate = 0;
};

/// Reads the tags TagLib knows; an error when the file is not audio it can read.
core::Result<Tags> readTags(const fs::path& native, const QString& path)
{
    TagLib::FileRef file(native.c_str(), true, TagLib::AudioProperties::Fast);
    if (file.isNull() || file.tag() == nullptr || !file.file()->isValid() || file.audioProperties() == nullptr
        || file.audioProperties()->sampleRate() <= 0) {
        return fail(ErrorCode::InvalidInput, "not an audio file TagLib can read (corrupt or unsupported)", path.toStdString());
    }
    Tags tags;
    const TagLib::Tag* tag = file.tag();
    const auto text = [](const TagLib::String& value) { return QString::fromStdWString(value.toWString()).trimmed(); };
    tags.song.title = text(tag->title());
    if (tags.song.title.isEmpty()) {
        tags.song.title = fromPath(native.stem());
    }
    tags.song.artist = text(tag->artist());
    tags.song.album = text(tag->album());
    tags.song.genre = text(tag->genre());
    tags.song.year = static_cast<int>(tag->year());
    const TagLib::PropertyMap properties = file.file()->properties();
    if (properties.contains("BPM") && !properties["BPM"].isEmpty()) {
        const double bpm = text(properties["BPM"].front()).toDouble();
        tags.song.bpm = bpm >= 20 && bpm <= 400 ? bpm : 0.0;
    }
    if (properties.contains("INITIALKEY") && !properties["INITIALKEY"].isEmpty()) {
        tags.song.key = text(properties["INITIALKEY"].front()).left(4);
    }
    if (const TagLib::AudioProperties* audio = file.audioProperties()) {
        tags.song.durationMs = audio->lengthInMilliseconds();
        tags.bitrate = audio->bitrate();
        tags.sampleRate = audio->sampleRate();
    }
    return tags;
}

}  // namespace

MediaScanner::MediaScanner(core::Database& db) : m_db(db) {}

core::Result<ScanResult> MediaScanner::scan(const std::string& folder, const std::function<bool(int, int)>& progress)
{
    std::error_code error;
    const fs::path rootPath = fs::absolute(fs::path(folder), error).lexically_normal();
    if (error || !fs::is_directory(rootPath, error)) {
        return fail(ErrorCode::NotFound, "no such folder", folder);
    }
    const auto started = std::chrono::steady_clock::now();
    QString root = fromPath(rootPath);
    while (root.size() > 1 && root.endsWith(QLatin1Char('/'))) {
        root.chop(1);
    }
    std::vector<fs::path> found;
    for (fs::recursive_directory_iterator it(rootPath, fs::directory_options::skip_permission_denied, error), end; !error && it != end;
         it.increment(error)) {
        if (it->is_regular_file(error) && isAudio(it->path())) {
            found.push_back(it->path());
        }
    }
    std::sort(found.begin(), found.end());
    QStringList paths;
    for (const auto& path : found) {
        paths << fromPath(path);
    }

    core::library::MediaFileRepository files(m_db);
    core::library::SongRepository songs(m_db);
    songs.setCountsForRoadmap(false);  // one entry for the whole scan, below
    ScanResult result;
    // Files that vanished are marked first, so a moved one found below can reconnect to them.
    auto vanished = files.markMissing(root, paths);
    if (!vanished) {
        return std::unexpected(vanished.error());
    }
    // One commit per batch of files: the repositories' own transactions nest inside it.
    constexpr qsizetype kBatch = 500;
    std::optional<core::Transaction> batch;
    for (qsizetype i = 0; i < paths.size(); ++i) {
        if (!batch) {
            auto begun = core::Transaction::begin(m_db.connection());
            if (!begun) {
                return std::unexpected(begun.error());
            }
            batch.emplace(std::move(*begun));
        }
        if (i % kBatch == kBatch - 1) {
            if (auto committed = batch->commit(); !committed) {
                return std::unexpected(committed.error());
            }
            batch.reset();
            auto begun = core::Transaction::begin(m_db.connection());
            if (!begun) {
                return std::unexpected(begun.error());
            }
            batch.emplace(std::move(*begun));
        }
        if (progress && i % 25 == 0 && !progress(static_cast<int>(i), static_cast<int>(paths.size()))) {
            return fail(ErrorCode::Cancelled, "the scan was cancelled", folder);
        }
        const QString& path = paths.at(i);
        const fs::path& native = found[static_cast<size_t>(i)];
        const auto size = static_cast<qint64>(fs::file_size(native, error));
        // Compared for equality only, so the file clock's own epoch is fine.
        const qint64 mtime = std::chrono::duration_cast<std::chrono::milliseconds>(fs::last_write_time(native, error).time_since_epoch()).count();
        auto known = files.byPath(path);
        if (!known) {
            return std::unexpected(known.error());
        }
        if (*known && (*known)->size == size && (*known)->mtime == mtime && !(*known)->missing) {
            ++result.unchanged;
            if (!(*known)->error.isEmpty()) {
                ++result.failed;
                result.failures.push_back(path.toStdString() + ": " + (*known)->error.toStdString());
            }
            continue;
        }
        core::library::MediaFile file = known->value_or(core::library::MediaFile{});
        file.path = path;
        file.size = size;
        file.mtime = mtime;
        file.missing = false;
        file.contentHash = contentHash(native);
        auto tags = readTags(native, path);
        if (!tags) {
            file.error = QString::fromStdString(tags.error().message);
            if (auto saved = files.save(file); !saved) {
                return std::unexpected(saved.error());
            }
            ++result.failed;
            result.failures.push_back(path.toStdString() + ": " + tags.error().message);
            continue;
        }
        file.error.clear();
        file.bitrate = tags->bitrate;
        file.sampleRate = tags->sampleRate;
        if (!*known) {
            // A file that moved: same content as one that went missing keeps its song.
            auto moved = files.missingByHash(file.contentHash, size);
            if (!moved) {
                return std::unexpected(moved.error());
            }
            if (*moved) {
                file.id = (*moved)->id;
                file.songId = (*moved)->songId;
                if (auto saved = files.save(file); !saved) {
                    return std::unexpected(saved.error());
                }
                ++result.reconnected;
                continue;
            }
            auto songId = songs.save(tags->song);
            if (!songId) {
                return std::unexpected(songId.error());
            }
            file.songId = *songId;
            ++result.added;
        } else {
            // Changed on disk: take the new tags, keep what the musician set by hand.
            auto song = songs.get(file.songId);
            core::library::Song updated = song ? *song : tags->song;
            if (song) {
                updated.title = tags->song.title;
                updated.artist = tags->song.artist;
                updated.album = tags->song.album;
                updated.genre = tags->song.genre;
                updated.year = tags->song.year;
                updated.durationMs = tags->song.durationMs;
                if (tags->song.bpm > 0) {
                    updated.bpm = tags->song.bpm;
                }
                if (!tags->song.key.isEmpty()) {
                    updated.key = tags->song.key;
                }
            }
            auto songId = songs.save(updated);
            if (!songId) {
                return std::unexpected(songId.error());
            }
            file.songId = *songId;
            ++result.updated;
        }
        if (auto saved = files.save(file); !saved) {
            return std::unexpected(saved.error());
        }
    }
    if (result.added > 0) {
        auto counted = core::roadmap::ProgressRepository(m_db).addStat(QStringLiteral("songs_added"), result.added,
                                                                        QDateTime::currentDateTime(), QStringLiteral("library"), root);
        if (!counted) {
            return std::unexpected(counted.error());
        }
    }
    if (batch) {
        if (auto committed = batch->commit(); !committed) {
            return std::unexpected(committed.error());
        }
    }
    result.missing = std::max(0, *vanished - result.reconnected);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (progress) {
        progress(static_cast<int>(paths.size()), static_cast<int>(paths.size()));
    }
    return result;
}

}  // namespace bandmate::audio
