-- Generic to-dos (the tasks app): title, notes, due date, checklist, tags and an optional link to
-- a song, a show or a machine.

CREATE TABLE task (
    id        TEXT    PRIMARY KEY NOT NULL,
    title     TEXT    NOT NULL DEFAULT '',
    notes     TEXT    NOT NULL DEFAULT '',
    due_on    TEXT    NOT NULL DEFAULT '',   -- ISO date (YYYY-MM-DD) or '' for none
    done      INTEGER NOT NULL DEFAULT 0,
    done_at   INTEGER NOT NULL DEFAULT 0,    -- Unix milliseconds
    checklist TEXT    NOT NULL DEFAULT '[]', -- JSON [{"text": "…", "done": false}]
    tags      TEXT    NOT NULL DEFAULT '[]', -- JSON array of strings
    link_kind TEXT    NOT NULL DEFAULT '' CHECK (link_kind IN ('', 'song', 'show', 'machine')),
    link_id   TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL DEFAULT 0,
    deleted   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX task_by_due ON task (done, due_on);
