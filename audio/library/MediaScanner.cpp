#include "audio/library/MediaScanner.h"

#include "core/feeds/FeedDownloads.h"
#include "core/library/MediaFiles.h"
#include "core/library/MediaPath.h"
#include "core/library/MusicalKey.h"
#include "core/library/Songs.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <taglib/aifffile.h>
#include <taglib/attachedpictureframe.h>
#include <taglib/fileref.h>
#include <taglib/flacfile.h>
#include <taglib/flacpicture.h>
#include <taglib/id3v2tag.h>
#include <taglib/textidentificationframe.h>
#include <taglib/mp4coverart.h>
#include <taglib/mp4file.h>
#include <taglib/mp4tag.h>
#include <taglib/mpegfile.h>
#include <taglib/opusfile.h>
#include <taglib/vorbisfile.h>
#include <taglib/wavfile.h>
#include <taglib/xiphcomment.h>
#include <taglib/tag.h>
#include <taglib/taglib.h>
#include <taglib/tiostream.h>
#include <taglib/tpropertymap.h>

#include <xxhash.h>

#include <algorithm>
#include <functional>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>
#include <unordered_map>
#include <vector>

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

constexpr uint64_t kFnvOffset = 1469598103934665603ULL;

/// FNV-1a (64 bits) over `count` bytes, going on from `hash`: the whole-file hash, and the
/// content key of files scanned before Bandmate 0.2 (one multiply per byte: 65 µs for 64 KiB,
/// as long as TagLib takes to read the file, so new keys use XXH3).
uint64_t fnv1a(uint64_t hash, const char* bytes, size_t count)
{
    for (size_t i = 0; i < count; ++i) {
        hash = (hash ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ULL;
    }
    return hash;
}

/// A hash as the library writes it: 16 hexadecimal digits.
std::string hex64(uint64_t hash)
{
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

/// What a content key written before XXH3 looks like: 16 hexadecimal digits, no prefix.
bool isLegacyContentHash(const QString& hash)
{
    return hash.size() == 16 && !hash.contains(QLatin1Char(':'));
}

std::FILE* openForReading(const fs::path& path)
{
#ifdef _WIN32
    return _wfopen(path.c_str(), L"rb");
#else
    return std::fopen(path.c_str(), "rb");
#endif
}

/// A file's modification time in milliseconds (compared for equality only, so the file
/// clock's own epoch is fine).
qint64 modifiedMs(const fs::path& path, std::error_code& error)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(fs::last_write_time(path, error).time_since_epoch()).count();
}

/// Now, in modifiedMs's clock.
qint64 fileClockNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(fs::file_time_type::clock::now().time_since_epoch()).count();
}

/// How far before a scan's start a file's mtime must lie for its size and mtime to be trusted
/// at the next scan. A file written again right after it was read can keep its mtime: file
/// systems stamp times from a clock that advances in ticks (a few milliseconds on Linux, 2 s on
/// FAT), and a tag tool that rewrites a tag in place keeps the size.
constexpr qint64 kRacyMs = 2500;

/// Whether `file`'s row cannot tell a change made right after its last read (see kRacyMs). A
/// row from before Bandmate kept read_at (0) is read once more: a file stuck with old tags by
/// this very problem gets its new ones. (A file whose time lies ahead of the clock, from another
/// computer or an archive, is read at every scan until the clock passes it.)
bool racilyClean(const core::library::MediaFile& file)
{
    return file.readAt == 0 || file.mtime + kRacyMs > file.readAt;
}

/// A cheap identity of the content (with the size): "xxh3:" and XXH3's 64 bits of its first
/// 64 KiB in hexadecimal.
QString contentHashOf(const char* head, size_t count)
{
    return QStringLiteral("xxh3:") + QString::fromStdString(hex64(XXH3_64bits(head, count)));
}

/// A file as TagLib reads it, from one open: its first 64 KiB and its last 8 KiB are read at
/// once (what TagLib asks for is nearly always there: headers, metadata blocks, covers, ID3v1 and
/// APE footers), anything else from the file itself. TagLib's own stream makes dozens of small
/// reads, seeks and size queries per file; and the first 64 KiB are also the file's content key,
/// so the scan reads them once for both. Read-only: nothing is ever written through it.
class ScanStream : public TagLib::IOStream {
public:
    static constexpr size_t kHead = 64 * 1024;
    static constexpr size_t kTail = 8 * 1024;
    // TagLib 2 (Homebrew, vcpkg) took 64-bit offsets and size_t lengths; Debian 12 has TagLib 1.
#if TAGLIB_MAJOR_VERSION >= 2
    using Offset = TagLib::offset_t;
    using Start = TagLib::offset_t;
    using Length = size_t;
#else
    using Offset = long;
    using Start = unsigned long;
    using Length = unsigned long;
#endif

    explicit ScanStream(fs::path path) : m_path(std::move(path)), m_file(openForReading(m_path))
    {
        if (m_file == nullptr) {
            return;
        }
        std::setvbuf(m_file, nullptr, _IONBF, 0);  // whole blocks only: stdio's buffer would copy twice
        if (!seekTo(0, SEEK_END) || (m_length = position()) < 0 || !seekTo(0, SEEK_SET)) {
            close();
            return;
        }
        m_head.resize(static_cast<size_t>(std::min<std::int64_t>(kHead, m_length)));
        m_head.resize(std::fread(m_head.data(), 1, m_head.size(), m_file));
        if (m_length > static_cast<std::int64_t>(kHead) && m_head.size() == kHead) {
            m_tailStart = std::max<std::int64_t>(kHead, m_length - static_cast<std::int64_t>(kTail));
            m_tail.resize(static_cast<size_t>(m_length - m_tailStart));
            m_tail.resize(seekTo(m_tailStart, SEEK_SET) ? std::fread(m_tail.data(), 1, m_tail.size(), m_file) : 0);
        }
    }
    ~ScanStream() override { close(); }
    ScanStream(const ScanStream&) = delete;
    ScanStream& operator=(const ScanStream&) = delete;

    /// The first 64 KiB (or the whole file when shorter), as read.
    const std::vector<char>& head() const { return m_head; }

    TagLib::FileName name() const override { return m_path.c_str(); }
    bool readOnly() const override { return true; }
    bool isOpen() const override { return m_file != nullptr; }
    Offset tell() const override { return static_cast<Offset>(m_position); }
    Offset length() override { return static_cast<Offset>(m_length); }
    void clear() override {}
    void seek(Offset offset, Position from = Beginning) override
    {
        const std::int64_t base = from == Beginning ? 0 : from == Current ? m_position : m_length;
        if (base + offset >= 0) {
            m_position = base + offset;
        }
    }
    TagLib::ByteVector readBlock(Length wanted) override
    {
        if (m_file == nullptr || m_position >= m_length) {
            return {};
        }
        const std::int64_t count = std::min<std::int64_t>(static_cast<std::int64_t>(std::min<Length>(wanted, INT64_MAX)), m_length - m_position);
        const std::int64_t start = m_position;
        m_position += count;
        if (start + count <= static_cast<std::int64_t>(m_head.size())) {
            return {m_head.data() + start, static_cast<unsigned int>(count)};
        }
        if (!m_tail.empty() && start >= m_tailStart && start + count <= m_tailStart + static_cast<std::int64_t>(m_tail.size())) {
            return {m_tail.data() + (start - m_tailStart), static_cast<unsigned int>(count)};
        }
        // A ByteVector holds up to 4 GiB; no tag field is a quarter of that (a larger one is a
        // damaged or hostile size, and TagLib takes the empty block as the end).
        if (count > std::int64_t{1} << 30 || !seekTo(start, SEEK_SET)) {
            return {};
        }
        TagLib::ByteVector bytes(static_cast<unsigned int>(count), '\0');
        bytes.resize(static_cast<unsigned int>(std::fread(bytes.data(), 1, bytes.size(), m_file)));
        return bytes;
    }
    // Never called: the scan reads only.
    void writeBlock(const TagLib::ByteVector&) override {}
    void insert(const TagLib::ByteVector&, Start, Length) override {}
    void removeBlock(Start, Length) override {}
    void truncate(Offset) override {}

private:
    // 64-bit positions on every system (long is 32 bits on Windows).
    bool seekTo(std::int64_t offset, int origin)
    {
#ifdef _WIN32
        return _fseeki64(m_file, offset, origin) == 0;
#else
        return fseeko(m_file, static_cast<off_t>(offset), origin) == 0;
#endif
    }
    std::int64_t position() const
    {
#ifdef _WIN32
        return _ftelli64(m_file);
#else
        return static_cast<std::int64_t>(ftello(m_file));
#endif
    }
    void close()
    {
        if (m_file != nullptr) {
            std::fclose(m_file);
            m_file = nullptr;
        }
    }

    fs::path m_path;
    std::FILE* m_file = nullptr;
    std::int64_t m_length = 0;
    std::int64_t m_position = 0;
    std::vector<char> m_head;
    std::vector<char> m_tail;
    std::int64_t m_tailStart = 0;
};

/// The content key as scans before XXH3 wrote it (FNV-1a over the first 64 KiB): asked only
/// when a missing file of the same size still has one, so that a file that moved since still
/// finds its song.
QString legacyContentHash(const fs::path& path)
{
    const ScanStream stream(path);
    return QString::fromStdString(hex64(fnv1a(kFnvOffset, stream.head().data(), stream.head().size())));
}

/// A hash of the whole file (FNV-1a, 64 bits, read in 1 MiB pieces); empty when it cannot be
/// read. Only for files whose contentHash and size another file shares.
QString fullContentHash(const fs::path& path)
{
    std::FILE* in = openForReading(path);
    if (in == nullptr) {
        return {};
    }
    std::vector<char> buffer(1024 * 1024);
    uint64_t hash = kFnvOffset;
    for (size_t count = 0; (count = std::fread(buffer.data(), 1, buffer.size(), in)) > 0;) {
        hash = fnv1a(hash, buffer.data(), count);
    }
    const bool failed = std::ferror(in) != 0;
    std::fclose(in);
    return failed ? QString() : QString::fromStdString(hex64(hash));
}

/// The system's path of a library path (see core/library/MediaPath.h).
fs::path toNative(const QString& path)
{
#ifdef _WIN32
    const QByteArray utf8 = path.toUtf8();
    return fs::path(std::u8string(reinterpret_cast<const char8_t*>(utf8.constData()), static_cast<size_t>(utf8.size())));
#else
    return fs::path(core::library::bytesFromPath(path).toStdString());
#endif
}

/// Writes each of `items` with `write` in one transaction: all or none. A failure is reported
/// in `failures` under `what` (the scan stands).
template <typename Item, typename Write>
void writeTogether(core::Database& db, const QList<Item>& items, Write write, const char* what, std::vector<std::string>& failures)
{
    if (items.isEmpty()) {
        return;
    }
    auto transaction = core::Transaction::begin(db.connection());
    core::Result<void> written = transaction ? core::Result<void>() : core::Result<void>(std::unexpected(transaction.error()));
    for (qsizetype i = 0; written && i < items.size(); ++i) {
        written = write(items[i]);
    }
    if (written) {
        written = transaction->commit();
    }
    if (!written) {
        failures.push_back(std::string(what) + ": " + written.error().toString());  // a transaction not committed rolls back
    }
}

/// Whether a file read again has the cover its row names: the same copy, or (when the covers
/// folder took no copy this time) the same picture's copy from before, still on disk.
bool sameCover(const QString& cover, const std::string& coverName, const QString& storedCover)
{
    if (cover == storedCover) {
        return true;
    }
    std::error_code error;
    return cover.isEmpty() && !coverName.empty() && storedCover.endsWith(QLatin1Char('/') + QString::fromStdString(coverName))
           && fs::exists(toNative(storedCover), error);
}

/// Whether the file at `native` still has the size and time its row has.
bool unchangedOnDisk(const fs::path& native, const core::library::MediaFile& file)
{
    std::error_code error;
    const auto size = static_cast<qint64>(fs::file_size(native, error));
    const qint64 mtime = modifiedMs(native, error);
    return !error && size == file.size && mtime == file.mtime;
}

/// Gives each of `under` (files the scan found unchanged) that still has a content key from
/// before XXH3 (FNV-1a, 16 hex digits) its XXH3 key, reading its first 64 KiB once: files that start alike then share
/// one key, so keepWholeHashes groups them and a later move tells them apart. A file whose size
/// or time differs from its row, before or after the read, is left for the next scan; what fails
/// is reported in `failures` and the scan stands.
void rekeyLegacyFiles(core::Database& db, core::library::MediaFileRepository& files, const QList<core::library::MediaFile>& under,
                      const std::function<bool()>& keepGoing, std::vector<std::string>& failures)
{
    QList<std::pair<core::library::MediaFile, QString>> keys;  // file, its XXH3 key
    for (const auto& file : under) {
        if (file.missing || !isLegacyContentHash(file.contentHash)) {
            continue;
        }
        if (!keepGoing()) {
            break;
        }
        const fs::path native = toNative(file.path);
        if (!unchangedOnDisk(native, file)) {
            continue;
        }
        const ScanStream stream(native);
        if (stream.isOpen() && unchangedOnDisk(native, file)) {
            keys.append({file, contentHashOf(stream.head().data(), stream.head().size())});
        }
    }
    writeTogether(db, keys, [&files](const auto& item) { return files.rekey(item.first.id, item.first.contentHash, item.second); }, "content keys",
                  failures);
}

/// Reads the whole content of every present file under `root` (whose rows this scan just
/// brought up to date) that shares size and first 64 KiB with another file of the library and
/// has no whole hash yet (MediaFile::fullHash). A file whose size or time differs from its row,
/// before or after the read, is left for the next scan. `keepGoing` false stops early (a
/// cancel); what fails is reported in `failures` and the scan stands.
void keepWholeHashes(core::Database& db, core::library::MediaFileRepository& files, const QString& root,
                     const std::function<bool()>& keepGoing, std::vector<std::string>& failures)
{
    auto groups = files.duplicates();
    if (!groups) {
        failures.push_back("whole-file hashes: " + groups.error().toString());
        return;
    }
    const QString prefix = root.endsWith(QLatin1Char('/')) ? root : root + QLatin1Char('/');
    QList<std::pair<QString, QString>> hashes;  // id, whole hash
    for (const auto& group : *groups) {
        for (const auto& file : group) {
            if (file.missing || !file.fullHash.isEmpty() || !file.path.startsWith(prefix)) {
                continue;
            }
            if (!keepGoing()) {
                break;
            }
            const fs::path native = toNative(file.path);
            if (!unchangedOnDisk(native, file)) {
                continue;
            }
            const QString whole = fullContentHash(native);
            if (!whole.isEmpty() && unchangedOnDisk(native, file)) {
                hashes.append({file.id, whole});
            }
        }
    }
    writeTogether(db, hashes, [&files](const auto& item) { return files.setFullHash(item.first, item.second); }, "whole-file hashes", failures);
}

/// A path as the library keeps it: text with "/" between folders on every system (the generic
/// form: Windows's "\\" would never match a folder's prefix). On POSIX a name is any bytes: what
/// is not UTF-8 is kept losslessly (core/library/MediaPath.h), so every file keeps its own path.
QString fromPath(const fs::path& path)
{
#ifdef _WIN32
    const auto utf8 = path.generic_u8string();
    return QString::fromUtf8(reinterpret_cast<const char*>(utf8.data()), static_cast<qsizetype>(utf8.size()));
#else
    const std::string& bytes = path.native();
    return core::library::pathFromBytes(QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size())));
#endif
}

struct Tags {
    core::library::Song song;
    int bitrate = 0;
    int sampleRate = 0;
    /// The front cover (or the first picture) as stored in the file: shared with TagLib's copy,
    /// never copied (a 1 MiB cover copied per file cost more than reading the file's tags).
    TagLib::ByteVector coverBytes;
    std::string coverSuffix;  ///< ".jpg" or ".png"
};

std::string suffixFor(const TagLib::String& mime, const TagLib::ByteVector& data)
{
    if (mime.find("png") != -1 || data.startsWith(TagLib::ByteVector("\x89PNG", 4))) {
        return ".png";
    }
    return ".jpg";
}

void takeId3Picture(const TagLib::ID3v2::Tag* tag, Tags& tags)
{
    if (tag == nullptr) {
        return;
    }
    const TagLib::ID3v2::FrameList frames = tag->frameListMap()["APIC"];
    const TagLib::ID3v2::AttachedPictureFrame* chosen = nullptr;
    for (const auto* frame : frames) {
        const auto* picture = dynamic_cast<const TagLib::ID3v2::AttachedPictureFrame*>(frame);
        if (picture != nullptr && (chosen == nullptr || picture->type() == TagLib::ID3v2::AttachedPictureFrame::FrontCover)) {
            chosen = picture;
        }
    }
    if (chosen != nullptr && !chosen->picture().isEmpty()) {
        tags.coverBytes = chosen->picture();
        tags.coverSuffix = suffixFor(chosen->mimeType(), chosen->picture());
    }
}

void takePictureList(const TagLib::List<TagLib::FLAC::Picture*>& pictures, Tags& tags)
{
    const TagLib::FLAC::Picture* chosen = nullptr;
    for (const auto* picture : pictures) {
        if (chosen == nullptr || picture->type() == TagLib::FLAC::Picture::FrontCover) {
            chosen = picture;
        }
    }
    if (chosen != nullptr && !chosen->data().isEmpty()) {
        tags.coverBytes = chosen->data();
        tags.coverSuffix = suffixFor(chosen->mimeType(), chosen->data());
    }
}

/// The embedded cover of the formats that carry one: ID3v2 (MP3, WAV, AIFF), FLAC and
/// Vorbis/Opus pictures, MP4 cover art.
void readCover(TagLib::File* file, Tags& tags)
{
    if (auto* mpeg = dynamic_cast<TagLib::MPEG::File*>(file)) {
        takeId3Picture(mpeg->ID3v2Tag(), tags);
    } else if (auto* wav = dynamic_cast<TagLib::RIFF::WAV::File*>(file)) {
        takeId3Picture(wav->hasID3v2Tag() ? wav->ID3v2Tag() : nullptr, tags);
    } else if (auto* aiff = dynamic_cast<TagLib::RIFF::AIFF::File*>(file)) {
        takeId3Picture(aiff->hasID3v2Tag() ? aiff->tag() : nullptr, tags);
    } else if (auto* flac = dynamic_cast<TagLib::FLAC::File*>(file)) {
        takePictureList(flac->pictureList(), tags);
    } else if (auto* vorbis = dynamic_cast<TagLib::Ogg::Vorbis::File*>(file)) {
        if (vorbis->tag() != nullptr) {
            takePictureList(vorbis->tag()->pictureList(), tags);
        }
    } else if (auto* opus = dynamic_cast<TagLib::Ogg::Opus::File*>(file)) {
        if (opus->tag() != nullptr) {
            takePictureList(opus->tag()->pictureList(), tags);
        }
    } else if (auto* mp4 = dynamic_cast<TagLib::MP4::File*>(file)) {
        if (mp4->tag() != nullptr && mp4->tag()->contains("covr")) {
            const TagLib::MP4::CoverArtList covers = mp4->tag()->item("covr").toCoverArtList();
            if (!covers.isEmpty()) {
                const TagLib::MP4::CoverArt& cover = covers.front();
                tags.coverBytes = cover.data();
                tags.coverSuffix = cover.format() == TagLib::MP4::CoverArt::PNG ? ".png" : ".jpg";
            }
        }
    }
}

/// The covers folder during one scan: each picture is copied out once, named by its content. The
/// reader threads share what this scan has stored (or is storing), so an album's other tracks ask
/// neither the disk nor each other's half-written file.
class CoverStore {
public:
    explicit CoverStore(fs::path folder) : m_folder(std::move(folder)) {}

    /// Where the cover of `tags` is (copied out if it was not there); empty when there is none or
    /// it could not be written (the scan goes on without it). When the other reader is copying
    /// the same picture this returns at once, without waiting: settled() tells, before a row
    /// that names the cover is committed, whether that copy made it.
    /// `name` gets the cover's name in the folder, also when it could not be stored.
    fs::path store(const Tags& tags, std::string& name)
    {
        if (tags.coverBytes.isEmpty()) {
            return {};
        }
        const TagLib::ByteVector& bytes = tags.coverBytes;  // const: data() must not detach a copy
        name = hex64(XXH3_64bits(bytes.data(), bytes.size())) + tags.coverSuffix;
        const fs::path target = m_folder / name;
        {
            std::unique_lock lock(m_mutex);
            auto [known, first] = m_known.try_emplace(name, State::Writing);
            if (!first) {
                return known->second == State::Failed ? fs::path() : target;  // stored, or being stored
            }
        }
        const bool stored = write(target, bytes);
        {
            const std::lock_guard lock(m_mutex);
            m_known[name] = stored ? State::Stored : State::Failed;
        }
        m_written.notify_all();
        return stored ? target : fs::path();
    }

    /// Whether the cover named by `path` (a path store() returned) is on disk, waiting while a
    /// reader is still copying it. A cover this store never saw is taken as it is.
    bool settled(const QString& path)
    {
        const std::string name = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1).toStdString();
        std::unique_lock lock(m_mutex);
        const auto known = m_known.find(name);
        if (known == m_known.end()) {
            return true;
        }
        const State& state = known->second;  // a reference stays valid when the map grows
        m_written.wait(lock, [&] { return state != State::Writing; });
        return state == State::Stored;
    }

private:
    enum class State { Writing, Stored, Failed };

    /// One copy at a time per name (store() sees to it): a partial file renamed into place, so a
    /// cover is never seen half-written, not even after a crash.
    bool write(const fs::path& target, const TagLib::ByteVector& bytes)
    {
        std::error_code error;
        if (fs::exists(target, error)) {
            return true;  // an earlier scan's
        }
        std::call_once(m_folderMade, [&] { fs::create_directories(m_folder, error); });
        // A name of its own: another scan (the app's and the command line's at once) may be
        // copying the same picture into the same folder.
        thread_local std::mt19937_64 random{std::random_device{}()};
        fs::path partial = target;  // (not target.string(): on Windows that throws for names outside the code page)
        partial += "." + hex64(random()) + ".part";
        {
            std::ofstream out(partial, std::ios::binary);
            out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            out.close();  // a small cover reaches the disk only here: a full disk shows now
            if (!out) {
                fs::remove(partial, error);
                return false;
            }
        }
        fs::rename(partial, target, error);
        if (error) {
            fs::remove(partial, error);
            return fs::exists(target, error);  // another process's copy is there
        }
        return true;
    }

    fs::path m_folder;
    std::once_flag m_folderMade;
    std::mutex m_mutex;
    std::condition_variable m_written;
    std::unordered_map<std::string, State> m_known;  ///< by file name; guarded by m_mutex
};

/// Reads the tags TagLib knows; an error when the file is not audio it can read.
core::Result<Tags> readTags(ScanStream& stream, const fs::path& native, const QString& path)
{
    TagLib::FileRef file(&stream, true, TagLib::AudioProperties::Fast);
    if (file.isNull() || file.tag() == nullptr || !file.file()->isValid() || file.audioProperties() == nullptr
        || file.audioProperties()->sampleRate() <= 0) {
        return fail(ErrorCode::InvalidInput, "not an audio file TagLib can read (corrupt or unsupported)", core::library::displayPath(path).toStdString());
    }
    Tags tags;
    const TagLib::Tag* tag = file.tag();
    const auto text = [](const TagLib::String& value) { return QString::fromStdWString(value.toWString()).trimmed(); };
    tags.song.title = text(tag->title());
    if (tags.song.title.isEmpty()) {
        tags.song.title = core::library::displayPath(fromPath(native.stem()));
    }
    tags.song.artist = text(tag->artist());
    tags.song.album = text(tag->album());
    tags.song.genre = text(tag->genre());
    tags.song.year = static_cast<int>(tag->year());
    tags.song.track = tag->track() <= 999 ? static_cast<int>(tag->track()) : 0;
    const TagLib::PropertyMap properties = file.file()->properties();
    if (properties.contains("BPM") && !properties["BPM"].isEmpty()) {
        const double bpm = text(properties["BPM"].front()).toDouble();
        tags.song.bpm = bpm >= 20 && bpm <= 400 ? bpm : 0.0;
    }
    if (properties.contains("INITIALKEY") && !properties["INITIALKEY"].isEmpty()) {
        // "A minor", "Am", "Abm": the key as Bandmate writes it; a notation it does not read
        // ("8A") as it is.
        const QString key = text(properties["INITIALKEY"].front()).trimmed();
        const auto parsed = core::library::MusicalKey::parse(key);
        tags.song.key = parsed ? parsed->name() : key.left(12);
    }
    if (const TagLib::AudioProperties* audio = file.audioProperties()) {
        tags.song.durationMs = audio->lengthInMilliseconds();
        tags.bitrate = audio->bitrate();
        tags.sampleRate = audio->sampleRate();
    }
    readCover(file.file(), tags);
    return tags;
}

/// TagLib 1 fills some of its lookup tables (ID3v2 frame names and their property keys) on first
/// use, unguarded: filled here once, on one thread, before two readers could race on them.
void warmUpTagLib()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // An ID3v2 tag in memory with a frame of each kind whose reading fills a table.
        TagLib::ID3v2::Tag tag;
        tag.setTitle("warm-up");
        tag.setComment("warm-up");
        tag.addFrame(new TagLib::ID3v2::UserTextIdentificationFrame("WARM", TagLib::StringList("up")));
        auto* people = new TagLib::ID3v2::TextIdentificationFrame("TIPL");
        people->setText(TagLib::StringList().append("producer").append("someone"));
        tag.addFrame(people);
        (void)tag.properties();
        (void)TagLib::ID3v2::TextIdentificationFrame::involvedPeopleMap();
    });
}

/// A file to open, and what opening it found.
struct Probe {
    qsizetype index = 0;  ///< into the scan's path list
    bool racy = false;  ///< read again only because its row was racily clean (size and time agree)
    qint64 size = 0;
    qint64 mtime = 0;
    QString contentHash;
    core::Result<Tags> tags = core::fail(ErrorCode::Internal, "not read yet");
    QString cover;  ///< where the embedded cover was copied to; empty when none
    std::string coverName;  ///< the embedded cover's name in the covers folder, also when it could not be copied
    QString tagsRead;  ///< the tags as MediaFile::tagsRead keeps them (made here, off the writing thread)
};

/// Reads the tags of `work` on worker threads (item i by thread i % threads); wait(i) blocks
/// until item i is read.
class TagReader {
public:
    TagReader(const std::vector<fs::path>& native, const QStringList& paths, std::vector<Probe>& work, fs::path covers, unsigned threads)
        : m_native(native), m_paths(paths), m_work(work), m_covers(std::move(covers)), m_ready(work.size())
    {
        for (unsigned t = 0; t < std::max(1u, threads); ++t) {
            m_threads.emplace_back([this, t, threads] { run(t, std::max(1u, threads)); });
        }
    }
    ~TagReader() { stop(); }
    TagReader(const TagReader&) = delete;
    TagReader& operator=(const TagReader&) = delete;

    /// The covers the readers copy out (settled() before committing a row that names one).
    CoverStore& covers() { return m_covers; }

    const Probe& wait(size_t item)
    {
        std::unique_lock lock(m_mutex);
        m_readyChanged.wait(lock, [&] { return m_ready[item] != 0; });
        return m_work[item];
    }

    void stop()
    {
        m_stop = true;
        for (std::thread& thread : m_threads) {
            if (thread.joinable()) {
                thread.join();
            }
        }
    }

private:
    void run(unsigned first, unsigned step)
    {
        for (size_t i = first; i < m_work.size() && !m_stop; i += step) {
            Probe& probe = m_work[i];
            const fs::path& native = m_native[static_cast<size_t>(probe.index)];
            if (probe.size < 0) {  // not looked at yet (a file the library did not know)
                std::error_code error;
                probe.size = static_cast<qint64>(fs::file_size(native, error));
                probe.mtime = modifiedMs(native, error);
            }
            ScanStream stream(native);
            probe.contentHash = contentHashOf(stream.head().data(), stream.head().size());
            probe.tags = readTags(stream, native, m_paths.at(probe.index));
            if (probe.tags) {
                const fs::path cover = m_covers.store(*probe.tags, probe.coverName);
                probe.cover = cover.empty() ? QString() : fromPath(cover);
                probe.tags->coverBytes = TagLib::ByteVector();
                probe.tagsRead = core::library::tagsReadJson(probe.tags->song);
            }
            {
                const std::lock_guard lock(m_mutex);
                m_ready[i] = 1;
            }
            m_readyChanged.notify_all();
        }
    }

    const std::vector<fs::path>& m_native;
    const QStringList& m_paths;
    std::vector<Probe>& m_work;
    CoverStore m_covers;
    std::mutex m_mutex;
    std::condition_variable m_readyChanged;
    std::vector<char> m_ready;  ///< per item, guarded by m_mutex
    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_threads;  // last: start once the rest is ready
};

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
    const qint64 readAt = fileClockNowMs();  // every file this scan reads is read after this
    QString root = fromPath(rootPath);
    while (root.size() > 1 && root.endsWith(QLatin1Char('/'))) {
        root.chop(1);
    }
    ScanResult result;
    // Folder by folder: one that cannot be read (no permission, an I/O error on an unplugged
    // drive) is reported and its files are not taken for vanished; the walk goes on.
    std::vector<fs::path> found;
    QStringList unlisted;
    std::vector<fs::path> folders{rootPath};
    while (!folders.empty()) {
        const fs::path folderPath = folders.back();
        folders.pop_back();
        std::error_code listError;
        fs::directory_iterator it(folderPath, listError);
        for (const fs::directory_iterator end; !listError && it != end; it.increment(listError)) {
            std::error_code entryError;
            if (it->is_directory(entryError) && !it->is_symlink(entryError)) {
                folders.push_back(it->path());
            } else if (it->is_regular_file(entryError) && isAudio(it->path())) {
                found.push_back(it->path());
            }
        }
        if (listError) {
            unlisted << fromPath(folderPath);
            ++result.failed;
            result.failures.push_back(core::library::displayPath(fromPath(folderPath)).toStdString() + ": the folder could not be read (" + listError.message() +
                                      "); its files are left as they were");
        }
    }
    std::sort(found.begin(), found.end());
    // Feeds' downloads are left to Feeds wherever their folder is: they come into the library one
    // by one (Add to library), and their cleanup must not leave songs behind without files.
    auto downloads = core::feeds::FeedDownloads(m_db).ownFiles();
    if (!downloads) {
        return std::unexpected(downloads.error());
    }
    // Compared as files (a music folder scanned through a link names them otherwise), and only
    // for files whose name a download has: no per-file cost for the rest of a large library.
    std::set<fs::path::string_type> ownNames;
    std::set<fs::path> ownFiles;
    for (const QString& own : std::as_const(*downloads)) {
        const fs::path native = toNative(own);
        ownNames.insert(native.filename().native());
        std::error_code canonicalError;
        const fs::path canonical = fs::canonical(native, canonicalError);
        ownFiles.insert(canonicalError ? native : canonical);
    }
    QStringList paths;
    std::erase_if(found, [&](const fs::path& path) {
        if (ownNames.contains(path.filename().native())) {
            std::error_code canonicalError;
            const fs::path canonical = fs::canonical(path, canonicalError);
            if (ownFiles.contains(canonicalError ? path : canonical)) {
                return true;
            }
        }
        paths << fromPath(path);
        return false;
    });

    core::library::MediaFileRepository files(m_db);
    core::library::SongRepository songs(m_db);
    songs.setCountsForRoadmap(false);  // one entry for what the scan added, below
    // Files that vanished can be files that moved: found below under a new path (same content),
    // they keep their song. Only those not found again are marked missing, at the end: a
    // cancelled scan leaves them as they were.
    auto vanished = files.vanished(root, paths, unlisted);
    if (!vanished) {
        return std::unexpected(vanished.error());
    }
    // What the library knows, read once: the files under this folder, and every missing file by
    // content (a moved file may come from anywhere).
    auto knownFiles = files.under(root);
    auto missingFiles = files.missing();
    if (!knownFiles || !missingFiles) {
        return std::unexpected(!knownFiles ? knownFiles.error() : missingFiles.error());
    }
    QSet<QString> goneIds;
    for (core::library::MediaFile file : *vanished) {
        goneIds.insert(file.id);
        file.missing = true;
        missingFiles->append(file);
    }
    QHash<QString, core::library::MediaFile> known;
    for (const auto& file : *knownFiles) {
        known.insert(file.path, file);
    }
    QMultiHash<QString, core::library::MediaFile> missingByContent;
    QSet<qint64> legacySizes;  // sizes of missing files whose content key is FNV-1a (older scans)
    const QSet<QString> present(paths.begin(), paths.end());
    for (const auto& file : *missingFiles) {
        // A missing file back at its own path is found there, not offered to a copy elsewhere.
        if (!present.contains(file.path)) {
            missingByContent.insert(QString::number(file.size) + QLatin1Char(':') + file.contentHash, file);
            if (isLegacyContentHash(file.contentHash)) {
                legacySizes.insert(file.size);
            }
        }
    }

    // Which files to open: new, changed or back from missing. The rest is skipped by size and time.
    std::vector<Probe> work;
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const fs::path& native = found[static_cast<size_t>(i)];
        Probe probe;
        probe.index = i;
        const auto stored = known.constFind(paths.at(i));
        if (stored == known.constEnd()) {
            probe.size = -1;  // a new file: the readers look at it
            work.push_back(std::move(probe));
            continue;
        }
        probe.size = static_cast<qint64>(fs::file_size(native, error));
        probe.mtime = modifiedMs(native, error);
        if (stored->size == probe.size && stored->mtime == probe.mtime && !stored->missing && racilyClean(*stored)) {
            probe.racy = true;  // read again; counted unchanged when nothing read differs
        } else if (stored->size == probe.size && stored->mtime == probe.mtime && !stored->missing) {
            ++result.unchanged;
            if (!stored->error.isEmpty()) {
                ++result.failed;
                result.failures.push_back(core::library::displayPath(paths.at(i)).toStdString() + ": " + stored->error.toStdString());
            }
            continue;
        }
        work.push_back(std::move(probe));
    }

    // TagLib reads on worker threads while this thread writes what they read: on two cores the
    // database work and the tag reading overlap instead of adding up.
    const QByteArray databasePath = m_db.path().toUtf8();
    const fs::path covers = fs::path(std::u8string(reinterpret_cast<const char8_t*>(databasePath.constData()), static_cast<size_t>(databasePath.size())))
                                .parent_path() / "covers";
    warmUpTagLib();
    // Two readers on a machine with two cores or more: TagLib's parsing is the longest part.
    TagReader reader(found, paths, work, covers, std::thread::hardware_concurrency() >= 2 ? 2 : 1);
    const auto total = static_cast<int>(paths.size());
    const int skipped = total - static_cast<int>(work.size());

    QList<core::library::Song> newSongs;
    QList<core::library::MediaFile> newSongFiles;  // the files of newSongs, same order
    QList<core::library::MediaFile> otherFiles;
    int addedSaved = 0;  // new songs committed so far
    // The roadmap counts the songs the scan saved, also when it is cancelled half-way.
    const auto countAdded = [&]() -> core::Result<void> {
        if (addedSaved == 0) {
            return {};
        }
        auto counted = core::roadmap::ProgressRepository(m_db).addStat(QStringLiteral("songs_added"), addedSaved,
                                                                        QDateTime::currentDateTime(), QStringLiteral("library"), root);
        addedSaved = 0;
        if (!counted) {
            return std::unexpected(counted.error());
        }
        return {};
    };
    // A scan that stops half-way (cancelled, or an error) still counts what it saved.
    const auto stopped = [&](const core::Error& why) -> core::Error {
        reader.stop();
        if (auto counted = countAdded(); !counted) {
            return counted.error();
        }
        return why;
    };
    const auto cancelled = [&]() { return stopped(core::Error{ErrorCode::Cancelled, "the scan was cancelled", folder}); };
    const auto flush = [&]() -> core::Result<void> {
        // A row names its cover only once the copy is on disk (another reader may still be
        // writing an album's picture when its second track is read).
        for (QList<core::library::MediaFile>* list : {&newSongFiles, &otherFiles}) {
            for (core::library::MediaFile& file : *list) {
                if (!file.cover.isEmpty() && !reader.covers().settled(file.cover)) {
                    file.cover.clear();
                }
            }
        }
        auto transaction = core::Transaction::begin(m_db.connection());
        if (!transaction) {
            return std::unexpected(transaction.error());
        }
        auto ids = songs.addMany(newSongs);
        if (!ids) {
            return std::unexpected(ids.error());
        }
        for (qsizetype i = 0; i < newSongFiles.size(); ++i) {
            newSongFiles[i].songId = ids->at(i);
        }
        otherFiles.append(newSongFiles);
        if (auto saved = files.saveMany(otherFiles); !saved) {
            return saved;
        }
        if (auto committed = transaction->commit(); !committed) {
            return committed;
        }
        addedSaved += static_cast<int>(ids->size());
        newSongs.clear();
        newSongFiles.clear();
        otherFiles.clear();
        return {};
    };
    // The first songs are committed soon (a cancel keeps them, the page shows them); then in
    // larger batches, fewer commits and full-text flushes for a large library.
    qsizetype batch = 500;
    if (progress && !progress(skipped, total)) {
        return std::unexpected(cancelled());
    }
    for (size_t w = 0; w < work.size(); ++w) {
        if (progress && w % 25 == 0 && !progress(skipped + static_cast<int>(w), total)) {
            return std::unexpected(cancelled());
        }
        const Probe& probe = reader.wait(w);
        const QString& path = paths.at(probe.index);
        const auto stored = known.constFind(path);
        core::library::MediaFile file = stored != known.constEnd() ? *stored : core::library::MediaFile{};
        file.path = path;
        file.size = probe.size;
        file.mtime = probe.mtime;
        file.missing = false;
        file.contentHash = probe.contentHash;
        file.readAt = readAt;
        if (!probe.tags) {
            const QString previousError = file.error;
            file.error = QString::fromStdString(probe.tags.error().message);
            otherFiles.append(file);
            if (probe.racy && file.error == previousError) {
                ++result.unchanged;
            }
            ++result.failed;
            result.failures.push_back(core::library::displayPath(path).toStdString() + ": " + probe.tags.error().message);
        } else {
            file.error.clear();
            file.cover = probe.cover;
            const QString previousTags = file.tagsRead;
            file.tagsRead = probe.tagsRead;
            file.bitrate = probe.tags->bitrate;
            file.sampleRate = probe.tags->sampleRate;
            const QString contentKey = QString::number(file.size) + QLatin1Char(':') + file.contentHash;
            QString legacyKey;  // the key in the form older scans wrote, when a missing file may have it
            // Takes the file's tags into its song (keeping the musician's edits) in one write
            // transaction: read and written together, so an edit saved meanwhile is not undone.
            const auto retag = [&](const QString& songId, const QString& lastRead) -> core::Result<QString> {
                auto transaction = core::Transaction::begin(m_db.connection());
                if (!transaction) {
                    return std::unexpected(transaction.error());
                }
                auto song = songs.get(songId);
                core::library::Song updated = song ? *song : probe.tags->song;
                if (song) {
                    core::library::takeTags(updated, probe.tags->song, lastRead, m_replaceEdits);
                }
                auto saved = songs.save(updated);
                if (!saved) {
                    return saved;
                }
                if (auto committed = transaction->commit(); !committed) {
                    return std::unexpected(committed.error());
                }
                return saved;
            };
            // The missing file this one is, when it moved: the same size and first 64 KiB. When
            // several missing files share those (an album's tracks behind the same large cover,
            // recordings that start alike), the one with the same file name; when that does not
            // settle it, none: a wrong pair would give this file another song's title and edits.
            std::optional<core::library::MediaFile> movedFrom;
            if (stored == known.constEnd()) {
                QList<core::library::MediaFile> candidates = missingByContent.values(contentKey);
                if (legacySizes.contains(file.size)) {
                    // A missing file of this size was keyed before XXH3: those that match in the
                    // old form are candidates too, side by side with the new form's (taking only
                    // one form's could pair this file with another song's file that starts alike).
                    legacyKey = QString::number(file.size) + QLatin1Char(':') + legacyContentHash(found[static_cast<size_t>(probe.index)]);
                    candidates += missingByContent.values(legacyKey);
                }
                QList<core::library::MediaFile> justGone;  // vanished in this scan: the likeliest
                QSet<QString> songsOf;
                for (const auto& candidate : candidates) {
                    if (goneIds.contains(candidate.id)) {
                        justGone << candidate;
                    }
                    songsOf.insert(candidate.songId);
                }
                // Several songs' files start alike: the whole content, where it was kept, tells
                // which this one is.
                // Only when every candidate's whole content is known: one hashed candidate among
                // unhashed ones matching proves nothing about the others.
                QList<core::library::MediaFile> sameWhole;
                const bool allHashed = std::all_of(candidates.begin(), candidates.end(), [](const auto& c) { return !c.fullHash.isEmpty(); });
                if (candidates.size() > 1 && songsOf.size() > 1 && allHashed) {
                    const QString whole = fullContentHash(found[static_cast<size_t>(probe.index)]);
                    for (const auto& candidate : candidates) {
                        if (!whole.isEmpty() && candidate.fullHash == whole) {
                            sameWhole << candidate;
                        }
                    }
                }
                if (candidates.size() == 1 || songsOf.size() == 1) {
                    movedFrom = candidates.first();  // one song whichever file it was
                } else if (sameWhole.size() == 1) {
                    movedFrom = sameWhole.first();
                } else if (justGone.size() == 1) {
                    movedFrom = justGone.first();
                } else if (candidates.size() > 1) {
                    const auto fileName = [](const QString& filePath) {
                        return filePath.mid(std::max(filePath.lastIndexOf(QLatin1Char('/')), filePath.lastIndexOf(QLatin1Char('\\'))) + 1);
                    };
                    const QString name = fileName(path);
                    QList<core::library::MediaFile> named;
                    for (const auto& candidate : candidates) {
                        if (fileName(candidate.path) == name) {
                            named << candidate;
                        }
                    }
                    if (named.size() == 1) {
                        movedFrom = named.first();
                    }
                }
            }
            if (movedFrom) {
                // A file that moved: same content as one that went missing keeps its song, and
                // brings what a tag tool changed (the content key covers only the audio's start).
                const core::library::MediaFile moved = *movedFrom;
                for (const QString& key : {contentKey, legacyKey}) {
                    for (auto it = missingByContent.find(key); !key.isEmpty() && it != missingByContent.end() && it.key() == key; ++it) {
                        if (it->id == moved.id) {
                            missingByContent.erase(it);
                            break;
                        }
                    }
                }
                goneIds.remove(moved.id);
                file.id = moved.id;
                file.songId = moved.songId;
                if (!moved.tagsRead.isEmpty() && moved.tagsRead != file.tagsRead && !moved.songId.isEmpty()) {
                    if (auto saved = retag(moved.songId, moved.tagsRead); !saved) {
                        return std::unexpected(stopped(saved.error()));
                    }
                }
                otherFiles.append(file);
                ++result.reconnected;
            } else if (stored == known.constEnd()) {
                newSongs.append(probe.tags->song);
                newSongFiles.append(file);
                ++result.added;
            } else if (probe.racy && stored->error.isEmpty() && file.tagsRead == previousTags && file.contentHash == stored->contentHash
                       && sameCover(file.cover, probe.coverName, stored->cover) && file.bitrate == stored->bitrate
                       && file.sampleRate == stored->sampleRate) {
                file.cover = stored->cover;
                otherFiles.append(file);  // nothing changed; saved with this read's time, trusted from the next scan on
                ++result.unchanged;
            } else {
                // Changed on disk (a tag tool, say): take the tags that changed there, keep what
                // the musician edited here (unless asked to take every tag).
                auto songId = retag(file.songId, previousTags);
                if (!songId) {
                    return std::unexpected(stopped(songId.error()));
                }
                file.songId = *songId;
                otherFiles.append(file);
                ++result.updated;
            }
        }
        if (newSongs.size() + otherFiles.size() >= batch) {
            batch = 2000;
            if (auto flushed = flush(); !flushed) {
                return std::unexpected(stopped(flushed.error()));
            }
        }
    }
    if (auto flushed = flush(); !flushed) {
        return std::unexpected(stopped(flushed.error()));
    }
    // What vanished and was not found elsewhere is missing now.
    auto marking = core::Transaction::begin(m_db.connection());
    auto marked = marking ? files.markMissing(QStringList(goneIds.begin(), goneIds.end())) : core::Result<int>(std::unexpected(marking.error()));
    if (auto committed = marked ? marking->commit() : core::Result<void>(std::unexpected(marked.error())); !committed) {
        return std::unexpected(committed.error());
    }
    result.missing = *marked;
    if (auto counted = countAdded(); !counted) {
        return std::unexpected(counted.error());
    }
    // Files that share size and first 64 KiB with another: their whole content is kept too (read
    // once), so that if they move together the next scan tells which was which.
    const auto keepGoing = [&] { return !progress || progress(static_cast<int>(paths.size()), static_cast<int>(paths.size())); };
    // Keys from before XXH3 become XXH3 keys first, so files alike are grouped by one key. (Only
    // files this scan left unchanged can have one: a file it read has its new key.)
    QList<core::library::MediaFile> legacyKeyed;
    for (const auto& file : std::as_const(*knownFiles)) {
        if (isLegacyContentHash(file.contentHash) && !file.missing && present.contains(file.path)) {
            legacyKeyed << file;
        }
    }
    rekeyLegacyFiles(m_db, files, legacyKeyed, keepGoing, result.failures);
    keepWholeHashes(m_db, files, root, keepGoing,
                    result.failures);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (progress) {
        progress(static_cast<int>(paths.size()), static_cast<int>(paths.size()));
    }
    return result;
}

}  // namespace bandmate::audio
