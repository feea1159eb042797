-- Career roadmaps (started from templates or made by the user), progress per task and the stat
-- entries (measurements) that tasks with a metric complete themselves from.

CREATE TABLE roadmap (
    id               TEXT    PRIMARY KEY NOT NULL,
    slug             TEXT    NOT NULL DEFAULT '',   -- the template's slug; progress survives upgrades by slug
    template_version INTEGER NOT NULL DEFAULT 0,    -- 0 for a custom roadmap
    title            TEXT    NOT NULL DEFAULT '',
    summary          TEXT    NOT NULL DEFAULT '',
    custom           INTEGER NOT NULL DEFAULT 0,
    started_at       INTEGER NOT NULL DEFAULT 0,    -- Unix milliseconds
    position         INTEGER NOT NULL DEFAULT 0,
    deleted          INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE roadmap_stage (
    id         TEXT    PRIMARY KEY NOT NULL,
    roadmap_id TEXT    NOT NULL DEFAULT '',
    slug       TEXT    NOT NULL DEFAULT '',
    position   INTEGER NOT NULL DEFAULT 0,
    title      TEXT    NOT NULL DEFAULT '',
    summary    TEXT    NOT NULL DEFAULT '',
    deleted    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX roadmap_stage_by_roadmap ON roadmap_stage (roadmap_id, position);

CREATE TABLE roadmap_task (
    id               TEXT    PRIMARY KEY NOT NULL,
    roadmap_id       TEXT    NOT NULL DEFAULT '',
    stage_id         TEXT    NOT NULL DEFAULT '',
    slug             TEXT    NOT NULL DEFAULT '',
    position         INTEGER NOT NULL DEFAULT 0,
    title            TEXT    NOT NULL DEFAULT '',
    type             TEXT    NOT NULL DEFAULT 'INFO' CHECK (type IN ('CHECKLIST', 'DATA_INPUT', 'INFO')),
    description      TEXT    NOT NULL DEFAULT '',
    items            TEXT    NOT NULL DEFAULT '[]',  -- JSON array of checklist item texts
    metric_key       TEXT    NOT NULL DEFAULT '',
    metric_unit      TEXT    NOT NULL DEFAULT '',
    metric_target    REAL    NOT NULL DEFAULT 0,     -- 0 = no target
    metric_aggregate TEXT    NOT NULL DEFAULT 'sum', -- sum | latest
    deleted          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX roadmap_task_by_stage ON roadmap_task (stage_id, position);
CREATE INDEX roadmap_task_by_metric ON roadmap_task (metric_key);

-- One row per task, with the task's id.
CREATE TABLE task_progress (
    id           TEXT    PRIMARY KEY NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'not_started'
                         CHECK (status IN ('not_started', 'in_progress', 'completed')),
    checklist    TEXT    NOT NULL DEFAULT '{}',  -- JSON object: item text -> true
    started_at   INTEGER NOT NULL DEFAULT 0,
    completed_at INTEGER NOT NULL DEFAULT 0,
    notes        TEXT    NOT NULL DEFAULT '',
    evidence     TEXT    NOT NULL DEFAULT '[]',  -- JSON array of the stat_entry ids that completed it
    deleted      INTEGER NOT NULL DEFAULT 0
);

-- Measurements over time, never overwritten: a time series per metric.
CREATE TABLE stat_entry (
    id      TEXT    PRIMARY KEY NOT NULL,
    metric  TEXT    NOT NULL DEFAULT '',
    value   REAL    NOT NULL DEFAULT 0,
    at      INTEGER NOT NULL DEFAULT 0,   -- Unix milliseconds
    source  TEXT    NOT NULL DEFAULT 'manual',  -- manual | practice | show | library | …
    ref     TEXT    NOT NULL DEFAULT '',  -- what produced it (a practice session id, a show id, …)
    note    TEXT    NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stat_entry_by_metric ON stat_entry (metric, at);
