-- The tags as last read from each audio file (JSON: title, artist, album, genre, year, track, bpm,
-- key), so a rescan of a file a tag tool touched takes only the tags that changed there and keeps
-- what the musician edited in Bandmate. Local only, like the rest of media_file.
ALTER TABLE media_file ADD COLUMN tags_read TEXT NOT NULL DEFAULT '';
