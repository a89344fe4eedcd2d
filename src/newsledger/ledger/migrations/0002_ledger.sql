-- newsledger ledger schema, version 2: the cross-article ledger (newsledger.ledger.link, .rows).
--
-- One row in `ledger_entities` per real-world person, body or place however each article spells it
-- (ids "L1", "L2", ...; `n` is the number, for ordering and the next id). Every document entity
-- belongs to exactly one ledger entity (`ledger_members`, with the evidence of its link in `why`, a
-- JSON array of sentences, and `features`, the JSON of what linking compared, so that an entity's
-- profile can be rebuilt from its members without reading the articles). `profile` is the entity's
-- evidence folded over its members (names, ages, titles, affiliations, co-mentioned entities).
-- `ledger_keys` are blocking keys (folded surname, transliteration skeleton, acronym, place name):
-- an indexed lookup finds the candidates of a new article's entity, whatever the size of the store.
-- `ledger_decisions` are a person's merges and splits, kept apart from everything computed so that
-- they survive every relink: kind 'merge' (the two document entities are one) or 'split' (they are
-- not), each naming two document entities by (doc, entity).

CREATE TABLE ledger_entities (
    id       TEXT PRIMARY KEY,
    n        INTEGER NOT NULL UNIQUE,
    type     TEXT NOT NULL,                       -- PERSON, ORG, GPE, LOC, ... (the members' commonest)
    kind     TEXT NOT NULL,                       -- person, org, place, other: what must agree to link
    name     TEXT NOT NULL,                       -- the fullest name among the members
    profile  TEXT NOT NULL DEFAULT '{}'           -- JSON evidence folded over the members
);
CREATE INDEX ledger_entities_name ON ledger_entities (name);

CREATE TABLE ledger_members (
    doc_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    lid       TEXT NOT NULL REFERENCES ledger_entities (id),
    score     REAL,                               -- the link's log-likelihood ratio; NULL for the first member
    why       TEXT NOT NULL DEFAULT '[]',         -- JSON array: the evidence in words
    features  TEXT NOT NULL DEFAULT '{}',         -- JSON: the document entity as linking saw it
    PRIMARY KEY (doc_id, entity_id),
    FOREIGN KEY (doc_id, entity_id) REFERENCES entities (doc_id, id) ON DELETE CASCADE
);
CREATE INDEX ledger_members_lid ON ledger_members (lid);

CREATE TABLE ledger_keys (
    key TEXT NOT NULL,                            -- "s:<skeleton>", "f:<folded surname>", "a:<acronym>", ...
    lid TEXT NOT NULL REFERENCES ledger_entities (id),
    PRIMARY KEY (key, lid)
);
CREATE INDEX ledger_keys_lid ON ledger_keys (lid);

CREATE TABLE ledger_names (
    folded TEXT NOT NULL,                         -- a name or alias, folded (newsledger.ledger.names.fold)
    lid    TEXT NOT NULL REFERENCES ledger_entities (id),
    PRIMARY KEY (folded, lid)
);
CREATE INDEX ledger_names_lid ON ledger_names (lid);

CREATE TABLE ledger_decisions (
    pk        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    a_doc     TEXT NOT NULL,
    a_entity  TEXT NOT NULL,
    b_doc     TEXT NOT NULL,
    b_entity  TEXT NOT NULL,
    made_at   TEXT NOT NULL,                      -- ISO 8601 UTC
    note      TEXT
);
CREATE INDEX ledger_decisions_a ON ledger_decisions (a_doc, a_entity);
CREATE INDEX ledger_decisions_b ON ledger_decisions (b_doc, b_entity);
