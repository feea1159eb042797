-- When the app last read every page of this file and found it sound (Unix milliseconds, 0 =
-- never): opening only checks the header and the schema; the full check runs weekly after the
-- window is up (Database::quickCheck). Local bookkeeping, not synced.
ALTER TABLE sync_state ADD COLUMN checked_at INTEGER NOT NULL DEFAULT 0;
