-- The conflict log (DESIGN.md section 4): when two devices edited the same prose field (notes, a
-- chart, a description) without seeing each other's edit, the merge keeps the newer text and
-- the other one is kept here, so the musician can bring it back. Synced like any entity; its id
-- is derived from the losing write, so two devices that notice the same conflict make one record.
CREATE TABLE sync_conflict (
    id           TEXT    PRIMARY KEY NOT NULL,
    entity       TEXT    NOT NULL DEFAULT '',
    row_id       TEXT    NOT NULL DEFAULT '',
    field        TEXT    NOT NULL DEFAULT '',
    value        TEXT    NOT NULL DEFAULT '',   -- the text that lost
    lost_hlc     INTEGER NOT NULL DEFAULT 0,    -- the losing write's stamp (packed HLC) ...
    lost_device  TEXT    NOT NULL DEFAULT '',   -- ... and device
    resolved     INTEGER NOT NULL DEFAULT 0,    -- 1 once restored or dismissed
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sync_conflict_open ON sync_conflict (resolved, lost_hlc);
