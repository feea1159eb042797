-- The mass-delete safety net (DESIGN.md section 4): tombstones that a sync pulled for items that
-- are still live here (songs, shows, machines, roadmaps, to-dos, playlists) wait here until the
-- round ends. They are applied then, unless they would delete more than half of one kind of
-- item: those wait for the musician's answer (delete them, or keep them everywhere).
-- Local only: never synced.
CREATE TABLE sync_held_delete (
    entity     TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    hlc        INTEGER NOT NULL,   -- the tombstone's stamp (packed HLC) ...
    device_id  TEXT    NOT NULL,   -- ... and device
    PRIMARY KEY (entity, id)
);
