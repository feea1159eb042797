-- When the scan that last read a file began, in the clock of media_file.mtime (std::filesystem's
-- file clock, milliseconds); 0 when unknown (rows from before this column). A file whose mtime is
-- not well before read_at may have been written again within the file system's timestamp
-- granularity after it was read (same size, same mtime): the next scan reads it again instead of
-- trusting size and mtime, as git does for "racily clean" index entries. Local only, not synced.
ALTER TABLE media_file ADD COLUMN read_at INTEGER NOT NULL DEFAULT 0;
