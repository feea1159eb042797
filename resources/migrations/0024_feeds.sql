-- Feeds (issue 22): music blogs and podcasts a musician follows. What the musician chose syncs
-- (folders, subscriptions, and each item's new/played/starred state and resume position); what a
-- computer fetched stays on it (every computer fetches the feeds itself). Synced rows point to
-- their parent by id without a FOREIGN KEY (sync may deliver a child first) and are tombstoned.
-- Folders and feeds are listed by name, as feed readers list them.
CREATE TABLE feed_folder (
    id        TEXT    PRIMARY KEY NOT NULL,
    name      TEXT    NOT NULL DEFAULT '',   -- "Blogs/Salsa": nested folders by "/" in the name
    deleted   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE feed (
    id          TEXT    PRIMARY KEY NOT NULL,
    url         TEXT    NOT NULL DEFAULT '',
    name        TEXT    NOT NULL DEFAULT '',   -- the musician's name for it; '' = the feed's title
    title       TEXT    NOT NULL DEFAULT '',   -- the feed's own title, as last read
    site_url    TEXT    NOT NULL DEFAULT '',
    folder_id   TEXT    NOT NULL DEFAULT '',   -- '' = at the top
    paused      INTEGER NOT NULL DEFAULT 0,
    keep_items  INTEGER NOT NULL DEFAULT 0,    -- once deleted: its items stay in the list
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX feed_by_folder ON feed (folder_id);

-- The musician's state of one item. Its id is derived from the feed's id and the item's key
-- (a name-based UUID), so every computer that reads the item names it the same. A row exists
-- only once the state differs from "new"; deleted = 1 keeps a removed item removed.
CREATE TABLE feed_item_state (
    id           TEXT    PRIMARY KEY NOT NULL,
    feed_id      TEXT    NOT NULL DEFAULT '',
    seen         INTEGER NOT NULL DEFAULT 0,   -- no longer new
    played       INTEGER NOT NULL DEFAULT 0,
    starred      INTEGER NOT NULL DEFAULT 0,
    position_ms  INTEGER NOT NULL DEFAULT 0,   -- where playback resumes
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX feed_item_state_by_feed ON feed_item_state (feed_id);

-- Local: this computer's fetching of one feed.
CREATE TABLE feed_fetch (
    feed_id        TEXT    PRIMARY KEY NOT NULL,
    etag           TEXT    NOT NULL DEFAULT '',
    last_modified  TEXT    NOT NULL DEFAULT '',
    checked_at     INTEGER NOT NULL DEFAULT 0,   -- Unix ms of the last answer; 0 = never
    next_at        INTEGER NOT NULL DEFAULT 0,   -- Unix ms when it is due again
    failures       INTEGER NOT NULL DEFAULT 0,   -- in a row
    error          TEXT    NOT NULL DEFAULT '',  -- the last one, in plain words; '' = none
    moved_to       TEXT    NOT NULL DEFAULT '',  -- a permanent redirect seen once (the URL changes at the second)
    notice         TEXT    NOT NULL DEFAULT '',  -- what changed that the musician should know ("moved to ...")
    gone           INTEGER NOT NULL DEFAULT 0    -- 410: not fetched again
);

-- Local: a host that asked to be left alone (429/503 with Retry-After) until a time.
CREATE TABLE feed_host (
    host      TEXT    PRIMARY KEY NOT NULL,      -- "host:port"
    retry_at  INTEGER NOT NULL DEFAULT 0         -- Unix ms
);

-- Local: the items as this computer read them. The keys are how a repeated item is found again
-- when its feed changes one of them (a blog that rewrites every GUID keeps its enclosures); each
-- is '' where the document did not make it usable (shared by two items, or empty).
CREATE TABLE feed_item (
    id             TEXT    PRIMARY KEY NOT NULL,  -- feed_item_state's id
    feed_id        TEXT    NOT NULL,
    guid_key       TEXT    NOT NULL DEFAULT '',
    enclosure_key  TEXT    NOT NULL DEFAULT '',
    link_key       TEXT    NOT NULL DEFAULT '',   -- a hash of link, date and title (or of title and post)
    content_hash   TEXT    NOT NULL DEFAULT '',   -- of everything read from it: unchanged items are not written again
    guid           TEXT    NOT NULL DEFAULT '',
    title          TEXT    NOT NULL DEFAULT '',
    link           TEXT    NOT NULL DEFAULT '',
    author         TEXT    NOT NULL DEFAULT '',
    summary        TEXT    NOT NULL DEFAULT '',   -- the post as plain text, cut short
    published      INTEGER NOT NULL DEFAULT 0,    -- Unix ms; 0 = not given
    first_seen     INTEGER NOT NULL DEFAULT 0,    -- Unix ms
    sort_at        INTEGER NOT NULL DEFAULT 0,    -- published, else first_seen: the lists' order
    duration_s     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX feed_item_by_feed ON feed_item (feed_id, sort_at);
CREATE INDEX feed_item_by_time ON feed_item (sort_at, id);
CREATE INDEX feed_item_by_guid ON feed_item (feed_id, guid_key) WHERE guid_key <> '';
CREATE INDEX feed_item_by_enclosure ON feed_item (feed_id, enclosure_key) WHERE enclosure_key <> '';
CREATE INDEX feed_item_by_link ON feed_item (feed_id, link_key) WHERE link_key <> '';

-- Local: the songs found in an item, most confident first.
CREATE TABLE feed_song (
    item_id   TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    source    TEXT    NOT NULL DEFAULT '',   -- enclosure | audio | link | player | title
    artist    TEXT    NOT NULL DEFAULT '',
    title     TEXT    NOT NULL DEFAULT '',
    url       TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (item_id, position)
) WITHOUT ROWID;
CREATE INDEX feed_song_by_title ON feed_song (title COLLATE NOCASE);
