-- Saved versions of user machines, a trash for machines, and practice sessions.

-- A machine in the trash can be restored; emptying the trash tombstones it (deleted = 1).
ALTER TABLE machine ADD COLUMN trashed INTEGER NOT NULL DEFAULT 0;

-- Every save of a user machine keeps the whole machine as it was, in the Salsa Beat Machine XML
-- format, so any version can be restored. Append-only.
CREATE TABLE machine_version (
    id          TEXT    PRIMARY KEY NOT NULL,
    machine_id  TEXT    NOT NULL DEFAULT '',
    saved_at    INTEGER NOT NULL DEFAULT 0,   -- Unix milliseconds
    title       TEXT    NOT NULL DEFAULT '',
    xml         TEXT    NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX machine_version_by_machine ON machine_version (machine_id, saved_at);

-- One practice session with the beat machine: what, when, how long, which tempos. Append-only;
-- the roadmap counts these.
CREATE TABLE practice_session (
    id            TEXT    PRIMARY KEY NOT NULL,
    machine_title TEXT    NOT NULL DEFAULT '',
    machine_ref   TEXT    NOT NULL DEFAULT '',  -- "builtin:salsa" or "user:<machine id>"
    started_at    INTEGER NOT NULL DEFAULT 0,   -- Unix milliseconds
    seconds       REAL    NOT NULL DEFAULT 0,
    bpm_min       REAL    NOT NULL DEFAULT 0,
    bpm_max       REAL    NOT NULL DEFAULT 0,
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX practice_session_by_time ON practice_session (started_at);
