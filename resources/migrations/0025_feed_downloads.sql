-- Downloads of feed songs (issue 22): this computer's files, never synced (paths differ from one
-- computer to another, and another computer fetches its own copy when its musician wants one).
-- A song is told by its item and its URL: an item read in again may order its songs otherwise.
CREATE TABLE feed_download (
    item_id    TEXT    NOT NULL,              -- feed_item's id
    url        TEXT    NOT NULL,              -- the song's (feed_song.url)
    state      TEXT    NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'done', 'failed')),
    path       TEXT    NOT NULL DEFAULT '',   -- the file once done; while queued, the one it becomes
                                              -- (no two rows hold one path: a file at a row's path is that row's)
    bytes      INTEGER NOT NULL DEFAULT 0,
    error      TEXT    NOT NULL DEFAULT '',   -- why it failed, in plain words
    validator  TEXT    NOT NULL DEFAULT '',   -- the answer's ETag or Last-Modified: a cut download goes on only from the same file
    queued_at  INTEGER NOT NULL DEFAULT 0,    -- Unix ms
    done_at    INTEGER NOT NULL DEFAULT 0,
    played_at  INTEGER NOT NULL DEFAULT 0,    -- when this computer first saw its item played: the cleanup counts from it
    kept       INTEGER NOT NULL DEFAULT 0,    -- the library took the file: never cleaned up
    PRIMARY KEY (item_id, url)
);
CREATE INDEX feed_download_by_path ON feed_download (path COLLATE NOCASE);

-- Where downloads go and how long played ones stay (one row, this computer's).
CREATE TABLE feed_download_setting (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    folder     TEXT    NOT NULL DEFAULT '',   -- '' = the default: "Bandmate feeds" in the music folder
    keep_days  INTEGER NOT NULL DEFAULT 30    -- played downloads go after this many days; 0 = never
);

-- A server's pause (Retry-After) is kept by its host name alone now when it uses the usual port
-- (http's 80, https's 443 are one server): the pauses noted as "host:80" and "host:443" move.
UPDATE OR REPLACE feed_host SET host = substr(host, 1, length(host) - 4) WHERE host LIKE '%:443';
UPDATE OR REPLACE feed_host SET host = substr(host, 1, length(host) - 3) WHERE host LIKE '%:80';
