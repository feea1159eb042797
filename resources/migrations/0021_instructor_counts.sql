-- The Instructor counts as a musician does in the model (pitch 1 says "one", sample instructor-1);
-- the Salsa Beat Machine format counts from 0, and the XML reader now converts (issue 25). Before
-- it did, a machine imported from the web machine kept the file's numbers: silent on the one,
-- then one count behind. Such an Instructor is the one with a "one" at pitch 0 (Bandmate's own
-- count from 1); its notes move up by one. Synced like an edit: each moved pitch gets a fresh
-- clock and goes out with the next push, so every computer ends with the same counts, and one
-- that migrates later finds no pitch 0 left and moves nothing twice.

CREATE TEMP TABLE instructor_note_to_count AS
SELECT n.id AS id
FROM note n
JOIN program p ON p.id = n.program_id
JOIN machine_instrument i ON i.id = p.instrument_id
WHERE i.instrument_key = 'instructor' AND i.deleted = 0 AND p.deleted = 0 AND n.deleted = 0
  AND i.id IN (SELECT p0.instrument_id
               FROM note n0 JOIN program p0 ON p0.id = n0.program_id
               WHERE n0.pitch = 0 AND n0.deleted = 0 AND p0.deleted = 0);

-- One clock for the whole change, newer than any this file has issued or seen (packed HLC:
-- wall-clock milliseconds << 16 | counter).
UPDATE sync_state
SET last_hlc = max(last_hlc + 1, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) * 65536)
WHERE singleton = 1 AND EXISTS (SELECT 1 FROM temp.instructor_note_to_count);

UPDATE note SET pitch = pitch + 1 WHERE id IN (SELECT id FROM temp.instructor_note_to_count);

INSERT INTO field_clock (entity, id, field, hlc, device_id)
SELECT 'note', c.id, 'pitch', s.last_hlc, s.device_id
FROM temp.instructor_note_to_count c, sync_state s
WHERE s.singleton = 1
ON CONFLICT (entity, id, field) DO UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id;

INSERT OR IGNORE INTO outbox (entity, id, field)
SELECT 'note', id, 'pitch' FROM temp.instructor_note_to_count;

DROP TABLE temp.instructor_note_to_count;
