-- Fan votes prepared on this computer (issue 19): a vote on a show's songs, kept here (and synced
-- to the musician's other computers) until it is on the musician's Bandmate server, which then
-- holds the poll itself, its ballots and tally. `request` is the poll as the server's
-- POST /v1/polls takes it (JSON); once published, `poll_id`, `code` and `url` say where it is
-- (the row's id goes with the request, so two computers publishing it make one poll).
CREATE TABLE fan_vote (
    id            TEXT    PRIMARY KEY NOT NULL,
    show_id       TEXT    NOT NULL DEFAULT '',
    request       TEXT    NOT NULL DEFAULT '{}',
    created_at    INTEGER NOT NULL DEFAULT 0,   -- ms since epoch
    poll_id       TEXT    NOT NULL DEFAULT '',  -- '' until published
    code          TEXT    NOT NULL DEFAULT '',
    url           TEXT    NOT NULL DEFAULT '',
    refused       TEXT    NOT NULL DEFAULT '',  -- the server's reason when it refused the request
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX fan_vote_by_show ON fan_vote (show_id, created_at);
