-- Shows and their setlists (DESIGN.md section 2): a show holds sets and encores (`setlist`), a set
-- holds ordered entries (`setlist_entry`: a song or a break). Order is a fractional position key
-- per row (core/util/FractionalKey.h), its own last-writer-wins field, ties broken by id.

CREATE TABLE show (
    id            TEXT    PRIMARY KEY NOT NULL,
    name          TEXT    NOT NULL DEFAULT '',
    date          TEXT    NOT NULL DEFAULT '',      -- yyyy-MM-dd
    start_time    TEXT    NOT NULL DEFAULT '20:00', -- HH:mm, local time of the venue
    venue         TEXT    NOT NULL DEFAULT '',
    city          TEXT    NOT NULL DEFAULT '',
    slot_minutes  INTEGER NOT NULL DEFAULT 0,       -- 0 = no limit
    fee           REAL    NOT NULL DEFAULT 0,
    notes         TEXT    NOT NULL DEFAULT '',
    performed_at  INTEGER NOT NULL DEFAULT 0,       -- ms since epoch; 0 = not marked performed
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX show_by_date ON show (date);

CREATE TABLE setlist (
    id        TEXT    PRIMARY KEY NOT NULL,
    show_id   TEXT    NOT NULL DEFAULT '',
    name      TEXT    NOT NULL DEFAULT '',
    kind      TEXT    NOT NULL DEFAULT 'set' CHECK (kind IN ('set', 'encore')),
    position  TEXT    NOT NULL DEFAULT '',
    deleted   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX setlist_by_show ON setlist (show_id, position);

CREATE TABLE setlist_entry (
    id           TEXT    PRIMARY KEY NOT NULL,
    setlist_id   TEXT    NOT NULL DEFAULT '',
    kind         TEXT    NOT NULL DEFAULT 'song' CHECK (kind IN ('song', 'break')),
    song_id      TEXT    NOT NULL DEFAULT '',
    title        TEXT    NOT NULL DEFAULT '',   -- a break's label
    duration_ms  INTEGER NOT NULL DEFAULT 0,    -- a break's length; for a song, 0 = the song's own
    transpose    INTEGER NOT NULL DEFAULT 0,    -- semitones, for the key on the sheets
    notes        TEXT    NOT NULL DEFAULT '',   -- cover, guest, tape, ...
    position     TEXT    NOT NULL DEFAULT '',
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX setlist_entry_by_setlist ON setlist_entry (setlist_id, position);
