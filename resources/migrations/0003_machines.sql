-- Beat machines (the Salsa Beat Machine model) as four synced entities. Children point to their
-- parent by id without a FOREIGN KEY: sync may deliver a child's fields before its parent's row
-- exists (DESIGN.md section 4), and rows are tombstoned, never deleted.

CREATE TABLE machine (
    id          TEXT    PRIMARY KEY NOT NULL,
    title       TEXT    NOT NULL DEFAULT '',
    source_id   TEXT    NOT NULL DEFAULT '',        -- the file's machineId, if any
    flavor      TEXT    NOT NULL DEFAULT 'Salsa',   -- Salsa | Merengue
    bpm         REAL    NOT NULL DEFAULT 120,
    key_note    INTEGER NOT NULL DEFAULT 0,         -- 0 = C … 11 = B
    clave32     INTEGER NOT NULL DEFAULT 0,
    volume      REAL    NOT NULL DEFAULT 1,
    deleted     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE machine_instrument (
    id                     TEXT    PRIMARY KEY NOT NULL,
    machine_id             TEXT    NOT NULL DEFAULT '',
    position               INTEGER NOT NULL DEFAULT 0,
    instrument_key         TEXT    NOT NULL DEFAULT '',  -- "congas": names the kit samples
    title                  TEXT    NOT NULL DEFAULT '',
    enabled                INTEGER NOT NULL DEFAULT 1,
    active_program         INTEGER NOT NULL DEFAULT 0,
    volume                 REAL    NOT NULL DEFAULT 1,
    respects_clave         INTEGER NOT NULL DEFAULT 0,
    keyed                  INTEGER NOT NULL DEFAULT 0,
    pitch_offset           INTEGER NOT NULL DEFAULT 0,
    play_both_hands        INTEGER NOT NULL DEFAULT 0,
    left_hand_pitch_offset INTEGER NOT NULL DEFAULT 0,
    deleted                INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX machine_instrument_by_machine ON machine_instrument (machine_id);

CREATE TABLE program (
    id            TEXT    PRIMARY KEY NOT NULL,
    instrument_id TEXT    NOT NULL DEFAULT '',
    position      INTEGER NOT NULL DEFAULT 0,   -- the index activeProgram refers to
    title         TEXT    NOT NULL DEFAULT '',
    length        INTEGER NOT NULL DEFAULT 16,
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX program_by_instrument ON program (instrument_id);

CREATE TABLE note (
    id          TEXT    PRIMARY KEY NOT NULL,
    program_id  TEXT    NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,    -- order in the file
    step        INTEGER NOT NULL DEFAULT 0,
    pitch       INTEGER NOT NULL DEFAULT 0,
    velocity    REAL    NOT NULL DEFAULT 1,
    piano_tonic INTEGER NOT NULL DEFAULT 0,
    hand        TEXT    NOT NULL DEFAULT '',   -- '' (both) | left | right
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX note_by_program ON note (program_id);
