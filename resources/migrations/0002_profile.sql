-- The musician's profile. Synced tables follow one shape: a UUIDv7 text id, every other column
-- with a default (a remote change may create the row one field at a time) and a deleted flag
-- (tombstone) instead of DELETE.

CREATE TABLE profile (
    id          TEXT    PRIMARY KEY NOT NULL,
    artist_name TEXT    NOT NULL DEFAULT '',
    instruments TEXT    NOT NULL DEFAULT '[]',  -- JSON array of strings
    genres      TEXT    NOT NULL DEFAULT '[]',  -- JSON array of strings
    goals       TEXT    NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
