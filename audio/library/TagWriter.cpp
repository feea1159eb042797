#include "audio/library/TagWriter.h"

#include <taglib/fileref.h>
#include <taglib/tag.h>

namespace bandmate::audio {

namespace {

TagLib::String toTagLib(const QString& text)
{
    return TagLib::String(text.toUtf8().constData(), TagLib::String::UTF8);
}

}  // namespace

core::Result<void> writeTags(const QString& path, const core::feeds::DownloadTags& tags)
{
#ifdef _WIN32
    TagLib::FileRef file(reinterpret_cast<const wchar_t*>(path.utf16()));
#else
    const QByteArray name = path.toUtf8();  // our downloads' names are made from their feed: UTF-8
    TagLib::FileRef file(name.constData());
#endif
    if (file.isNull() || file.tag() == nullptr || file.audioProperties() == nullptr) {
        return core::fail(core::ErrorCode::InvalidInput, "is not an audio file (TagLib cannot read it as one)", path.toStdString());
    }
    TagLib::Tag* tag = file.tag();
    const auto set = [](const QString& value, auto setter) {
        if (!value.isEmpty()) {
            setter(toTagLib(value));
        }
    };
    set(tags.title, [tag](const TagLib::String& value) { tag->setTitle(value); });
    set(tags.artist, [tag](const TagLib::String& value) { tag->setArtist(value); });
    set(tags.album, [tag](const TagLib::String& value) { tag->setAlbum(value); });
    set(tags.comment, [tag](const TagLib::String& value) { tag->setComment(value); });
    set(tags.genre, [tag](const TagLib::String& value) { tag->setGenre(value); });
    if (tags.year > 0) {
        tag->setYear(static_cast<unsigned int>(tags.year));
    }
    if (!file.save()) {
        return core::fail(core::ErrorCode::Io, "its tags could not be written (is the file read-only?)", path.toStdString());
    }
    return {};
}

}  // namespace bandmate::audio
