-- newsledger ledger schema, version 4: what the ledger tracks across articles is stored, not computed on
-- every read (newsledger.ledger.rows, computed by newsledger.ledger.track).
--
-- `ledger_timelines`: one row per ledger entity with a status timeline, `entries` the SPEC's timeline JSON
-- array. `ledger_claims`: every prediction and commitment checked (`n` is its order; `claim` the SPEC's claim
-- JSON; `outcome` and `speaker` copied out for filtering). `ledger_groups`: duplicate reports (`n` order, `group_`
-- the SPEC's group JSON). `ledger_stale` says what no longer matches the articles: storing, replacing or
-- deleting an article marks its ledger entities' timelines ('timeline', lid) and, through a row of its own
-- ('doc', doc id: concurrent writers never wait on a shared row), the claims and groups; a relink marks
-- everything ('all', ''), a decision by hand the entities it changes ('timeline') and ('doc', ''). Stale parts
-- are computed again (only those timelines) the next time the ledger is refreshed: at the end of an ingest,
-- by relink, or by a read on a writable store; a read-only reader computes them without storing.

CREATE TABLE ledger_timelines (
    lid      TEXT PRIMARY KEY,
    entries  TEXT NOT NULL                        -- JSON array of timeline entries
);

CREATE TABLE ledger_claims (
    n        INTEGER PRIMARY KEY,                 -- 1, 2, ...: the order first reported ("C1", "C2", ...)
    doc_id   TEXT NOT NULL,
    speaker  TEXT,                                -- ledger id of the speaker
    outcome  TEXT NOT NULL,
    claim    TEXT NOT NULL                        -- JSON: the SPEC's claim
);
CREATE INDEX ledger_claims_outcome ON ledger_claims (outcome);
CREATE INDEX ledger_claims_speaker ON ledger_claims (speaker);

CREATE TABLE ledger_groups (
    n        INTEGER PRIMARY KEY,
    group_   TEXT NOT NULL                        -- JSON: the SPEC's group
);

CREATE TABLE ledger_stale (
    what     TEXT NOT NULL,                       -- 'all', 'timeline', 'doc'
    key      TEXT NOT NULL DEFAULT '',            -- the ledger id for 'timeline', the document id for 'doc'
    PRIMARY KEY (what, key)
);
-- what computed the stored rows: a digest of newsledger's version, the tracking code and its lexicons; rows
-- computed by other rules count as stale (an upgrade that changes how claims are decided recomputes them)
CREATE TABLE ledger_track_version (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  TEXT NOT NULL
);

-- a ledger made before this version: everything is computed at its first refresh
INSERT INTO ledger_stale (what, key) VALUES ('all', '');
