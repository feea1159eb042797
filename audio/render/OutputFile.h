#pragma once

#include "core/util/Result.h"

#include <juce_core/juce_core.h>

#include <cstdint>
#include <string>

namespace bandmate::audio {

/// The last step of writing an export (WAV, MIDI) into `temp` beside `target`: checks that the
/// closed file holds `bytes` bytes (JUCE does not report a write the disk cut short), syncs it
/// to the disk, then renames it over `target` in one step. On any failure the temporary file
/// goes, `target` stays as it was, and the error says why (`path` names the target).
/// `Existing::Keep`: a file at `target` is never written over, also one that came there after the
/// name was checked (a recording that cannot be made again): then Io, and it stays as it was.
enum class Existing { Replace, Keep };
[[nodiscard]] core::Result<void> replaceWithWritten(const juce::File& temp, const juce::File& target, int64_t bytes, const std::string& path,
                                                    Existing existing = Existing::Replace);

/// The file an export is to be written to: `path` itself, when it is not a folder (InvalidArgument)
/// and its folder exists (NotFound). Temporary files an earlier write to it left when it was
/// stopped half-way (an hour old or more) are removed.
[[nodiscard]] core::Result<juce::File> outputTarget(const std::string& path);

/// Where the "data" chunk of the WAV file `file` ends according to its header, or -1 when
/// the header cannot be read: the size the file must have.
[[nodiscard]] int64_t wavFileLength(const juce::File& file);

}  // namespace bandmate::audio
