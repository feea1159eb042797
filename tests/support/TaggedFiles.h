#pragma once

// Tagged audio files for scanner tests (targets that link TagLib): real WAV files with ID3 tags.

#include "tests/support/AudioFiles.h"

#include <taglib/fileref.h>
#include <taglib/tag.h>
#include <taglib/tpropertymap.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

namespace bandmate::test {

/// A mono 44.1 kHz WAV of `frames` frames (1 s by default) at `path` (folders made), tagged with
/// `title` (none when null), `artist` and, when above 0, `bpm`.
inline void writeTagged(const QString& path, const char* title, const char* artist, int bpm = 0, int frames = 44100)
{
    ASSERT_TRUE(QDir().mkpath(QFileInfo(path).absolutePath()));
    ASSERT_TRUE(writeWav16(path.toStdString(), 44100, {std::vector<float>(static_cast<size_t>(frames), 0.1f)}));
    TagLib::FileRef file(QFile::encodeName(path).constData());
    ASSERT_FALSE(file.isNull());
    if (title != nullptr) {
        file.tag()->setTitle(TagLib::String(title, TagLib::String::UTF8));
    }
    file.tag()->setArtist(TagLib::String(artist, TagLib::String::UTF8));
    if (bpm > 0) {
        TagLib::PropertyMap properties = file.file()->properties();
        properties.replace("BPM", TagLib::StringList(TagLib::String::number(bpm)));
        file.file()->setProperties(properties);
    }
    ASSERT_TRUE(file.save());
}

}  // namespace bandmate::test
