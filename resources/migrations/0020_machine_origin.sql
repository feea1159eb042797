-- Where a machine came from when it is a copy of a groove someone shared by link (issue 20):
-- the shared version's page (https://SERVER/g/ID/vN), or '' for a machine made here. Synced: a
-- copy stays "inspired by" its original on every computer, and shared again it names it.
ALTER TABLE machine ADD COLUMN origin TEXT NOT NULL DEFAULT '';
