-- The song library: songs (synced), their audio files (local only: paths differ per machine),
-- play events (synced, append-only) and a full-text index over the songs.

CREATE TABLE song (
    id             TEXT    PRIMARY KEY NOT NULL,
    title          TEXT    NOT NULL DEFAULT '',
    artist         TEXT    NOT NULL DEFAULT '',
    album          TEXT    NOT NULL DEFAULT '',
    genre          TEXT    NOT NULL DEFAULT '',
    year           INTEGER NOT NULL DEFAULT 0,
    track          INTEGER NOT NULL DEFAULT 0,
    song_key       TEXT    NOT NULL DEFAULT '',   -- "Am", "C#", "Bb"
    bpm            REAL    NOT NULL DEFAULT 0,
    time_signature TEXT    NOT NULL DEFAULT '4/4',
    duration_ms    INTEGER NOT NULL DEFAULT 0,
    tags           TEXT    NOT NULL DEFAULT '[]', -- JSON array of strings
    notes          TEXT    NOT NULL DEFAULT '',
    chart          TEXT    NOT NULL DEFAULT '',   -- lyrics / chords, ChordPro
    readiness      TEXT    NOT NULL DEFAULT 'learning' CHECK (readiness IN ('learning', 'rehearsed', 'gig_ready')),
    rating         INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    loved          INTEGER NOT NULL DEFAULT 0,
    machine_ref    TEXT    NOT NULL DEFAULT '',   -- "builtin:salsa" or "user:<machine id>"
    added_at       INTEGER NOT NULL DEFAULT 0,
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX song_by_artist ON song (artist COLLATE NOCASE);

CREATE TABLE media_file (          -- local only: never synced
    id           TEXT    PRIMARY KEY NOT NULL,
    song_id      TEXT    NOT NULL DEFAULT '',
    path         TEXT    NOT NULL UNIQUE,
    size         INTEGER NOT NULL DEFAULT 0,
    mtime        INTEGER NOT NULL DEFAULT 0,
    content_hash TEXT    NOT NULL DEFAULT '',
    bitrate      INTEGER NOT NULL DEFAULT 0,
    sample_rate  INTEGER NOT NULL DEFAULT 0,
    missing      INTEGER NOT NULL DEFAULT 0,
    error        TEXT    NOT NULL DEFAULT '',
    scanned_at   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX media_file_by_song ON media_file (song_id);

CREATE TABLE play_event (
    id      TEXT    PRIMARY KEY NOT NULL,
    song_id TEXT    NOT NULL DEFAULT '',
    at      INTEGER NOT NULL DEFAULT 0,
    source  TEXT    NOT NULL DEFAULT 'listen',    -- listen | show
    ref     TEXT    NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX play_event_by_song ON play_event (song_id);

-- Full-text search over the song's words, kept in step by triggers.
CREATE VIRTUAL TABLE song_fts USING fts5(title, artist, album, genre, tags, notes, content='song', content_rowid='rowid',
                                         tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER song_fts_insert AFTER INSERT ON song BEGIN
    INSERT INTO song_fts (rowid, title, artist, album, genre, tags, notes)
    VALUES (new.rowid, new.title, new.artist, new.album, new.genre, new.tags, new.notes);
END;
CREATE TRIGGER song_fts_delete AFTER DELETE ON song BEGIN
    INSERT INTO song_fts (song_fts, rowid, title, artist, album, genre, tags, notes)
    VALUES ('delete', old.rowid, old.title, old.artist, old.album, old.genre, old.tags, old.notes);
END;
CREATE TRIGGER song_fts_update AFTER UPDATE ON song BEGIN
    INSERT INTO song_fts (song_fts, rowid, title, artist, album, genre, tags, notes)
    VALUES ('delete', old.rowid, old.title, old.artist, old.album, old.genre, old.tags, old.notes);
    INSERT INTO song_fts (rowid, title, artist, album, genre, tags, notes)
    VALUES (new.rowid, new.title, new.artist, new.album, new.genre, new.tags, new.notes);
END;
