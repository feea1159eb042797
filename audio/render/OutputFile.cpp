#include "audio/render/OutputFile.h"

#include <cerrno>
#include <cstring>
#if !JUCE_WINDOWS
#include <unistd.h>
#endif

namespace bandmate::audio {

using core::ErrorCode;
using core::fail;

core::Result<void> replaceWithWritten(const juce::File& temp, const juce::File& target, int64_t bytes, const std::string& path,
                                      Existing existing)
{
    const int64_t size = temp.getSize();
    if (size != bytes) {
        temp.deleteFile();
        return fail(ErrorCode::Io,
                    "could not write the whole file (" + std::to_string(size) + " of " + std::to_string(bytes) +
                        " bytes; is the disk full?); nothing was replaced",
                    path);
    }
    {
        // Opened again to sync it: FileOutputStream::flush() asks the disk to keep it (fsync).
        juce::FileOutputStream sync(temp);
        if (sync.openedOk()) {
            sync.flush();
        }
        if (!sync.openedOk() || sync.getStatus().failed()) {
            const std::string why = sync.getStatus().getErrorMessage().toStdString();
            temp.deleteFile();
            return fail(ErrorCode::Io, "could not write the file to the disk: " + why + "; nothing was replaced", path);
        }
    }
    if (existing == Existing::Keep) {
        // Into place only where nothing is: a hard link is made or refused in one step (a name
        // checked earlier may have been taken meanwhile); then the temporary name goes.
#if JUCE_WINDOWS
        const bool placed = !target.exists() && temp.moveFileTo(target);
        const bool taken = !placed && target.exists();
#else
        const bool placed = ::link(temp.getFullPathName().toRawUTF8(), target.getFullPathName().toRawUTF8()) == 0;
        const bool taken = !placed && errno == EEXIST;
#endif
        temp.deleteFile();
        if (!placed) {
            return fail(ErrorCode::Io,
                        taken ? std::string("a file came there meanwhile: nothing was written over it")
                              : "could not put the file in place: " + std::string(std::strerror(errno)),
                        path);
        }
        return {};
    }
    // A rename over the target: never a moment without a file there.
    if (!temp.replaceFileIn(target)) {
        temp.deleteFile();
        return fail(ErrorCode::Io, "could not replace the output file", path);
    }
    return {};
}

core::Result<juce::File> outputTarget(const std::string& path)
{
    const juce::File target(juce::String::fromUTF8(path.c_str()));
    if (target.isDirectory()) {
        return fail(ErrorCode::InvalidArgument, "the output is a folder, not a file", path);
    }
    const juce::File folder = target.getParentDirectory();
    if (!folder.isDirectory()) {
        return fail(ErrorCode::NotFound, "the output folder does not exist", folder.getFullPathName().toStdString());
    }
    // What an earlier write to this name left when it was stopped half-way (a crash, a pulled
    // plug): its hidden ".NAME.partial…" file, once it is an hour old (a write going on now is
    // younger), goes; the musician would never find it.
    const juce::Time hourAgo = juce::Time::getCurrentTime() - juce::RelativeTime::hours(1.0);
    for (const juce::File& stale : folder.findChildFiles(juce::File::findFiles, false, "." + target.getFileName() + ".partial*")) {
        if (stale.getLastModificationTime() < hourAgo) {
            stale.deleteFile();
        }
    }
    return target;
}

int64_t wavFileLength(const juce::File& file)
{
    juce::FileInputStream in(file);
    if (!in.openedOk()) {
        return -1;
    }
    char id[4];
    if (in.read(id, 4) != 4 || std::memcmp(id, "RIFF", 4) != 0) {
        return -1;
    }
    in.setPosition(12);
    // Chunks: 4-byte id, 4-byte little-endian length, the data (padded to even length).
    while (!in.isExhausted()) {
        if (in.read(id, 4) != 4) {
            return -1;
        }
        const int64_t length = static_cast<uint32_t>(in.readInt());
        if (std::memcmp(id, "data", 4) == 0) {
            return in.getPosition() + length;
        }
        in.setPosition(in.getPosition() + length + (length & 1));
    }
    return -1;
}

}  // namespace bandmate::audio
