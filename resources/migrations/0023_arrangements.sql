-- Arrangements (issue 30): a machine's whole tunes, made of sections. Synced like the machine's
-- other rows: children point to their parent by id without a FOREIGN KEY (sync may deliver a
-- child before its parent) and rows are tombstoned, never deleted. A section keeps its row (its
-- id) through renames and moves, and the form names sections by id, so two computers' edits of
-- different sections, or one moving sections while the other edits one, merge field by field.
CREATE TABLE arrangement (
    id          TEXT    PRIMARY KEY NOT NULL,
    machine_id  TEXT    NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    name        TEXT    NOT NULL DEFAULT '',
    form        TEXT    NOT NULL DEFAULT '',   -- its sections' ids in playing order (one may come back)
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX arrangement_by_machine ON arrangement (machine_id);

CREATE TABLE arrangement_section (
    id              TEXT    PRIMARY KEY NOT NULL,
    arrangement_id  TEXT    NOT NULL DEFAULT '',
    position        INTEGER NOT NULL DEFAULT 0,    -- order in the arrangement's list of sections
    name            TEXT    NOT NULL DEFAULT '',
    bars            INTEGER NOT NULL DEFAULT 4,
    repeats         INTEGER NOT NULL DEFAULT 1,
    bpm             REAL    NOT NULL DEFAULT 0,    -- 0: the machine's tempo
    key_note        INTEGER NOT NULL DEFAULT -1,   -- -1: the machine's key
    parts           TEXT    NOT NULL DEFAULT '',   -- "piano=2 bass=off": the programs it chooses
    break_parts     TEXT    NOT NULL DEFAULT '',   -- the same for its one-bar break; '' = none
    colour          TEXT    NOT NULL DEFAULT '',   -- "#rrggbb" or '' (the view's own)
    deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX arrangement_section_by_arrangement ON arrangement_section (arrangement_id);
