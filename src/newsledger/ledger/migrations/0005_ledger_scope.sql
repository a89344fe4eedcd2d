-- newsledger ledger schema, version 5: an ingest refreshes only the claims and groups its articles can change
-- (issue 13; newsledger.ledger.refresh, keys by newsledger.ledger.track_scope).
--
-- `ledger_track_keys`: each article's keys, the index an incremental refresh follows to the events and statements
-- its own can be grouped with ('r' filed under, 'l' looked up, 'b' both, 'n' never followed; `item` 'e:<event>',
-- 's:<statement>', '' for the article: 'L|<ledger id>' each entity it names, 'P|<published>'). `ledger_old_events`:
-- the undated acts that a dated report of the same act makes old news. `ledger_claim_lids`: the ledger entities each
-- claim (by its head report) speaks by or about. `ledger_track_state`: the date the stored claims are decided as of.
-- The claims and groups carry their order (`sort_key`: the head's or first member's publication date, article and
-- place, so that `n` is what a full computation numbers) and who they are (`st_id`, the first member).

CREATE TABLE ledger_track_keys (
    key      TEXT NOT NULL,
    dir      TEXT NOT NULL,
    doc_id   TEXT NOT NULL,
    item     TEXT NOT NULL,
    PRIMARY KEY (key, dir, doc_id, item)
);
CREATE INDEX ledger_track_keys_doc ON ledger_track_keys (doc_id);

CREATE TABLE ledger_old_events (
    doc_id   TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_id)
);

CREATE TABLE ledger_claim_lids (
    lid      TEXT NOT NULL,
    doc_id   TEXT NOT NULL,
    st_id    TEXT NOT NULL,
    PRIMARY KEY (lid, doc_id, st_id)
);
CREATE INDEX ledger_claim_lids_head ON ledger_claim_lids (doc_id, st_id);

CREATE TABLE ledger_track_state (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    as_of    TEXT
);

ALTER TABLE ledger_claims ADD COLUMN st_id TEXT;
ALTER TABLE ledger_claims ADD COLUMN sort_key TEXT;
ALTER TABLE ledger_claims ADD COLUMN horizon_end TEXT;
CREATE INDEX ledger_claims_head ON ledger_claims (doc_id, st_id);
CREATE INDEX ledger_claims_sort ON ledger_claims (sort_key);
CREATE INDEX ledger_claims_horizon ON ledger_claims (horizon_end);

ALTER TABLE ledger_groups ADD COLUMN doc_id TEXT;
ALTER TABLE ledger_groups ADD COLUMN item TEXT;
ALTER TABLE ledger_groups ADD COLUMN sort_key TEXT;
CREATE INDEX ledger_groups_first ON ledger_groups (doc_id, item);
CREATE INDEX ledger_groups_sort ON ledger_groups (sort_key);

-- the stored rows have none of this yet: everything is computed at the first refresh
INSERT INTO ledger_stale (what, key) VALUES ('all', '') ON CONFLICT DO NOTHING;
