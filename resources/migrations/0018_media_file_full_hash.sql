-- A hash of a file's whole content, kept only for files that share their size and first 64 KiB
-- (content_hash) with another file of the library (an album's tracks behind one large cover,
-- takes that start alike): when such files move, the whole content tells which was which.
-- Cleared whenever the file changes. Local only, not synced.
ALTER TABLE media_file ADD COLUMN full_hash TEXT NOT NULL DEFAULT '';
