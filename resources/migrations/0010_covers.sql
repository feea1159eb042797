-- Embedded cover art, copied out of the audio file once into the covers folder beside the
-- database (named by a hash of the picture, so an album's tracks share one file). Local only.
ALTER TABLE media_file ADD COLUMN cover TEXT NOT NULL DEFAULT '';
