#pragma once

#include "core/feeds/FeedDownloads.h"
#include "core/util/Result.h"

namespace bandmate::audio {

/// Writes `tags` into the audio file at `path` with TagLib: title, artist, album, year, comment,
/// genre (an empty one is left as the file has it). Refuses a file TagLib does not take for audio
/// (a web page saved as .mp3), naming it.
[[nodiscard]] core::Result<void> writeTags(const QString& path, const core::feeds::DownloadTags& tags);

}  // namespace bandmate::audio
