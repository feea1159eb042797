#pragma once

#include "core/util/Result.h"

#include <functional>
#include <string>
#include <vector>

namespace bandmate::core {
class Database;
}

namespace bandmate::audio {

/// What one scan of a folder did.
struct ScanResult {
    int added = 0;        ///< new files, each a new song
    int updated = 0;      ///< changed files (tags re-read)
    int unchanged = 0;    ///< same size and time: not opened (or, written just before it was last read, read again and the same)
    int reconnected = 0;  ///< files found again under a new path (same content)
    int missing = 0;      ///< known files no longer there
    int failed = 0;       ///< unreadable or corrupt (listed in failures)
    double seconds = 0.0;
    std::vector<std::string> failures;  ///< "path: reason"
};

/// Scans a folder for audio files (mp3, flac, ogg, opus, m4a, wav, aiff) with TagLib and keeps
/// the library in step: new files become songs, changed ones are re-read (the musician's edits
/// stay), moved ones reconnect by
/// content, vanished ones are marked missing. Unreadable files are listed; the scan goes on.
/// Writes on the caller's thread (the GUI calls it from a worker thread) while two reader
/// threads parse the files with TagLib.
class MediaScanner {
public:
    explicit MediaScanner(core::Database& db);

    /// Whether a changed file's tags replace what the musician edited in Bandmate (title,
    /// artist, ...); by default edits stay and only tags that changed in the file come in.
    void setReplaceEdits(bool replace) { m_replaceEdits = replace; }

    /// `progress(done, total)` is called now and then; return false to cancel.
    [[nodiscard]] core::Result<ScanResult> scan(const std::string& folder,
                                                const std::function<bool(int, int)>& progress = {});

private:
    core::Database& m_db;
    bool m_replaceEdits = false;
};

}  // namespace bandmate::audio
