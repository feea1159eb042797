-- Forward-compatible sync (DESIGN.md section 4): a change pulled from another device that this
-- version cannot hold (an entity or field a newer Bandmate added, or a value this schema
-- refuses) waits here instead of stopping every sync. A later version applies it once its
-- schema has the field; until then it is kept, never lost. Local only: never synced.
CREATE TABLE sync_kept_aside (
    entity     TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    field      TEXT    NOT NULL,
    value      TEXT    NOT NULL,   -- the value as JSON: {"v": ...}
    hlc        INTEGER NOT NULL,   -- the change's stamp (packed HLC) ...
    device_id  TEXT    NOT NULL,   -- ... and device
    reason     TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (entity, id, field)
) WITHOUT ROWID;
-- The file's schema (PRAGMA schema_version * 1024 + the build's data format) when the kept-aside
-- changes were last tried: they are tried again only after an upgrade changed either.
ALTER TABLE sync_state ADD COLUMN kept_aside_schema INTEGER NOT NULL DEFAULT 0;

-- One clock per database file: every connection now reads last_hlc before it stamps and never
-- saves it lower. Older versions could save it lower than a stamp already in the file.
UPDATE sync_state SET last_hlc = max(last_hlc, coalesce((SELECT max(hlc) FROM field_clock), 0));

-- Marks the file as Bandmate's ("BndM"), so no other program's SQLite file is taken for one.
PRAGMA application_id = 1114530893;
