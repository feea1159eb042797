-- A take the timing coach scored and the musician kept: which part of which machine, at what
-- tempo, how it went, and each expected hit's offset (offsets: a JSON array in milliseconds,
-- positive = late, null = missed). Append-only and synced: a kept take is practice evidence for
-- the roadmap (stat_entry.ref names it) on every computer.
CREATE TABLE coach_take (
    id              TEXT    PRIMARY KEY NOT NULL,
    taken_at        INTEGER NOT NULL DEFAULT 0,   -- Unix milliseconds
    machine_title   TEXT    NOT NULL DEFAULT '',
    machine_ref     TEXT    NOT NULL DEFAULT '',  -- "builtin:salsa", "user:<machine id>" or "file:<name>"
    part            TEXT    NOT NULL DEFAULT '',  -- the instrument's id: "clave", "congas"
    bpm             REAL    NOT NULL DEFAULT 0,
    clave           TEXT    NOT NULL DEFAULT '',  -- "2-3" or "3-2"
    tolerance_ms    REAL    NOT NULL DEFAULT 0,
    accuracy        REAL    NOT NULL DEFAULT 0,   -- 0..1 within ±tolerance_ms
    mean_offset_ms  REAL    NOT NULL DEFAULT 0,
    spread_ms       REAL    NOT NULL DEFAULT 0,
    matched         INTEGER NOT NULL DEFAULT 0,
    missed          INTEGER NOT NULL DEFAULT 0,
    extra           INTEGER NOT NULL DEFAULT 0,
    offsets         TEXT    NOT NULL DEFAULT '',
    source          TEXT    NOT NULL DEFAULT '',  -- the recording's file name, or "live"
    deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX coach_take_by_time ON coach_take (taken_at);
