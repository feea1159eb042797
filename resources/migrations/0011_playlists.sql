-- Playlists: ordered lists of songs, and saved searches ("smart" playlists whose songs are
-- whatever their query finds now). Items are ordered by fractional position keys, like setlists.
CREATE TABLE playlist (
    id        TEXT    PRIMARY KEY NOT NULL,
    name      TEXT    NOT NULL DEFAULT '',
    kind      TEXT    NOT NULL DEFAULT 'list' CHECK (kind IN ('list', 'smart')),
    query     TEXT    NOT NULL DEFAULT '',   -- the search of a smart playlist
    position  TEXT    NOT NULL DEFAULT '',
    deleted   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE playlist_item (
    id           TEXT    PRIMARY KEY NOT NULL,
    playlist_id  TEXT    NOT NULL DEFAULT '',
    song_id      TEXT    NOT NULL DEFAULT '',
    position     TEXT    NOT NULL DEFAULT '',
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX playlist_item_by_playlist ON playlist_item (playlist_id, position);
