-- Sync bookkeeping (DESIGN.md section 4). Every synced entity's writes record, in the same
-- transaction, one field_clock row per written field and an outbox row until it is pushed.

CREATE TABLE sync_state (
    singleton    INTEGER PRIMARY KEY CHECK (singleton = 1),
    device_id    TEXT    NOT NULL,            -- UUIDv7 of this installation
    account      TEXT,                        -- server account id, NULL when not signed in
    server_url   TEXT,
    server_epoch TEXT,                        -- changes when the server is restored from backup
    pull_cursor  INTEGER NOT NULL DEFAULT 0,  -- last server sequence applied
    last_hlc     INTEGER NOT NULL DEFAULT 0   -- newest HLC issued or received (packed)
);

CREATE TABLE field_clock (
    entity    TEXT    NOT NULL,
    id        TEXT    NOT NULL,
    field     TEXT    NOT NULL,
    hlc       INTEGER NOT NULL,   -- packed HLC of the write that set the current value
    device_id TEXT    NOT NULL,   -- writer; breaks HLC ties
    PRIMARY KEY (entity, id, field)
) WITHOUT ROWID;

CREATE TABLE outbox (
    entity TEXT NOT NULL,
    id     TEXT NOT NULL,
    field  TEXT NOT NULL,
    PRIMARY KEY (entity, id, field)
) WITHOUT ROWID;
