#pragma once

#include "core/feeds/FeedParser.h"

#include <QList>
#include <QString>

namespace bandmate::core::feeds {

/// A song an item points at, with how it was found.
struct FoundSong {
    /// In order of confidence: the item's own audio, an audio player or link in its post, a
    /// streaming service's player (a link out, never downloaded), the post's title alone.
    enum class Source { Enclosure, Audio, AudioLink, Player, Title };
    Source source = Source::Title;
    QString artist;  ///< may be empty
    QString title;
    QString url;     ///< the audio file or the player's page; empty for Source::Title
};

/// How a source is named in files and on the command line: enclosure, audio, link, player, title.
[[nodiscard]] const char* sourceName(FoundSong::Source source);

/// The songs in `item`, most confident first, each URL once: audio enclosures and Media RSS
/// audio; <audio> players and links to .mp3/.m4a/.ogg/.opus/.flac/.wav/.aac in the post;
/// Bandcamp, SoundCloud and YouTube players embedded in it; and, when nothing else names one,
/// "Artist – Title" in the post's title.
[[nodiscard]] QList<FoundSong> findSongs(const FeedItem& item);

/// "Artist – Title" (en dash, em dash, " - " or ": " between; quotes and a leading "Premiere:",
/// "MP3:" and the like taken off) as {artist, title}; {"", text} when there is no separator.
[[nodiscard]] std::pair<QString, QString> splitArtistTitle(const QString& text);

}  // namespace bandmate::core::feeds
