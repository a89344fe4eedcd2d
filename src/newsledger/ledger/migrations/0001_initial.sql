-- newsledger ledger schema, version 1.
--
-- One row in `documents` per stored article, with the full document record as JSON
-- (`record_json`, what `Ledger.get` returns) and its parts spread over the tables below so that
-- they can be queried, joined and exported. Entity, statement and event ids are unique within a
-- document, so the tables key them by (doc_id, id); every reference between them is a declared
-- foreign key, and deleting a document deletes all of its rows (ON DELETE CASCADE).
-- Span columns hold character offsets into documents.text (text[start:end] = the span's text).
-- List-valued attributes are JSON arrays in TEXT columns.
-- `pk` columns are internal integer keys (stable rowids for the full-text indexes).

CREATE TABLE documents (
    pk           INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,          -- sha256 of text: the duplicate key
    url          TEXT,
    title        TEXT,
    outlet       TEXT,
    published    TEXT,                          -- ISO 8601 date or datetime
    text         TEXT NOT NULL,
    source       TEXT,                          -- where it was read from (path, path:line, URL)
    ingested_at  TEXT NOT NULL,                 -- ISO 8601 UTC
    record_json  TEXT NOT NULL                  -- the document record, exactly as stored
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_outlet ON documents (outlet);

CREATE TABLE entities (
    doc_id      TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    type        TEXT NOT NULL,                  -- OntoNotes label: PERSON, ORG, GPE, LOC, FAC, NORP, ...
    name        TEXT NOT NULL,
    age         INTEGER,
    titles      TEXT NOT NULL DEFAULT '[]',     -- JSON arrays of strings or entity ids
    affiliation TEXT NOT NULL DEFAULT '[]',
    citizenship TEXT NOT NULL DEFAULT '[]',
    residence   TEXT NOT NULL DEFAULT '[]',
    origin      TEXT NOT NULL DEFAULT '[]',
    aliases     TEXT NOT NULL DEFAULT '[]',
    position    INTEGER NOT NULL,               -- order in the record
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX entities_name ON entities (name);
CREATE INDEX entities_type ON entities (type);

CREATE TABLE mentions (
    doc_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    position  INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (doc_id, entity_id, position),
    FOREIGN KEY (doc_id, entity_id) REFERENCES entities (doc_id, id) ON DELETE CASCADE
);

CREATE TABLE relations (
    doc_id         TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    type           TEXT NOT NULL,               -- "the subject's TYPE is the object"; member_of
    subject        TEXT NOT NULL,
    object         TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence       TEXT NOT NULL,
    PRIMARY KEY (doc_id, position),
    FOREIGN KEY (doc_id, subject) REFERENCES entities (doc_id, id) ON DELETE CASCADE,
    FOREIGN KEY (doc_id, object) REFERENCES entities (doc_id, id) ON DELETE CASCADE
);
CREATE INDEX relations_subject ON relations (doc_id, subject);
CREATE INDEX relations_object ON relations (doc_id, object);

CREATE TABLE statements (
    pk             INTEGER PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id             TEXT NOT NULL,
    position       INTEGER NOT NULL,
    speaker        TEXT,                        -- entity id, or NULL
    speaker_text   TEXT,
    cue            TEXT,
    channel        TEXT,                        -- entity id, or NULL
    channel_text   TEXT,
    direct         INTEGER NOT NULL CHECK (direct IN (0, 1)),
    kind           TEXT NOT NULL,               -- claim, prediction, commitment, demand, denial, opinion
    content_start  INTEGER NOT NULL,
    content_end    INTEGER NOT NULL,
    content        TEXT NOT NULL,
    date_value     TEXT,
    date_text      TEXT,
    horizon_value  TEXT,
    horizon_text   TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence       TEXT NOT NULL,
    UNIQUE (doc_id, id),
    FOREIGN KEY (doc_id, speaker) REFERENCES entities (doc_id, id) ON DELETE CASCADE,
    FOREIGN KEY (doc_id, channel) REFERENCES entities (doc_id, id) ON DELETE CASCADE
);
CREATE INDEX statements_speaker ON statements (doc_id, speaker);
CREATE INDEX statements_channel ON statements (doc_id, channel);
CREATE INDEX statements_kind ON statements (kind);
CREATE INDEX statements_date ON statements (date_value);

CREATE TABLE statement_about (
    doc_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    statement_id TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    position     INTEGER NOT NULL,
    PRIMARY KEY (doc_id, statement_id, position),
    FOREIGN KEY (doc_id, statement_id) REFERENCES statements (doc_id, id) ON DELETE CASCADE,
    FOREIGN KEY (doc_id, entity_id) REFERENCES entities (doc_id, id) ON DELETE CASCADE
);
CREATE INDEX statement_about_entity ON statement_about (doc_id, entity_id);

CREATE TABLE statement_parts (
    doc_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    statement_id TEXT NOT NULL,
    position     INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    PRIMARY KEY (doc_id, statement_id, position),
    FOREIGN KEY (doc_id, statement_id) REFERENCES statements (doc_id, id) ON DELETE CASCADE
);

CREATE TABLE events (
    doc_id         TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id             TEXT NOT NULL,
    position       INTEGER NOT NULL,
    type           TEXT NOT NULL,               -- PLOVER type
    mode           TEXT,
    cameo          TEXT,
    status         TEXT NOT NULL,               -- asserted, future, hypothetical, negated
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    trigger        TEXT NOT NULL,
    location       TEXT,                        -- entity id, or NULL
    date_value     TEXT,
    date_text      TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence       TEXT NOT NULL,
    PRIMARY KEY (doc_id, id),
    FOREIGN KEY (doc_id, location) REFERENCES entities (doc_id, id) ON DELETE CASCADE
);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_location ON events (doc_id, location);
CREATE INDEX events_date ON events (date_value);

CREATE TABLE event_participants (
    doc_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    event_id  TEXT NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('source', 'target')),
    entity_id TEXT NOT NULL,
    position  INTEGER NOT NULL,                 -- order within the role
    PRIMARY KEY (doc_id, event_id, role, position),
    FOREIGN KEY (doc_id, event_id) REFERENCES events (doc_id, id) ON DELETE CASCADE,
    FOREIGN KEY (doc_id, entity_id) REFERENCES entities (doc_id, id) ON DELETE CASCADE
);
CREATE INDEX event_participants_entity ON event_participants (doc_id, entity_id);

CREATE TABLE event_mentions (
    doc_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_id, position),
    FOREIGN KEY (doc_id, event_id) REFERENCES events (doc_id, id) ON DELETE CASCADE
);

CREATE TABLE times (
    doc_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    type     TEXT NOT NULL,                     -- DATE, TIME, DURATION, SET
    value    TEXT,
    anchor   TEXT,
    PRIMARY KEY (doc_id, position)
);
CREATE INDEX times_value ON times (value);

CREATE TABLE unresolved (
    doc_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (doc_id, position)
);

-- Inputs that could not be processed. The same failure seen again bumps `attempts` and `at`.
CREATE TABLE failures (
    pk       INTEGER PRIMARY KEY,
    source   TEXT NOT NULL,
    code     TEXT NOT NULL,
    reason   TEXT NOT NULL,
    doc_id   TEXT,
    detail   TEXT,
    first_at TEXT NOT NULL,
    at       TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    UNIQUE (source, code, reason)
);

-- Full-text search (FTS5, external content kept in step by triggers). content="TABLE" is written
-- exactly so that Datasette finds the index and offers a search box on the table.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content="documents", content_rowid="pk", tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.pk, new.title, new.text);
END;

CREATE VIRTUAL TABLE statements_fts USING fts5 (
    content, content="statements", content_rowid="pk", tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, content) VALUES (new.pk, new.content);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content) VALUES ('delete', old.pk, old.content);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content) VALUES ('delete', old.pk, old.content);
    INSERT INTO statements_fts (rowid, content) VALUES (new.pk, new.content);
END;

-- Readable views for browsing (Datasette, sqlite3): names instead of entity ids.
CREATE VIEW statement_view AS
SELECT s.doc_id, d.published, d.outlet, s.id AS statement_id, s.kind, s.direct,
       COALESCE(sp.name, s.speaker_text) AS speaker, s.cue,
       COALESCE(ch.name, s.channel_text) AS channel, s.content, s.date_value, s.horizon_value
FROM statements s
JOIN documents d ON d.id = s.doc_id
LEFT JOIN entities sp ON sp.doc_id = s.doc_id AND sp.id = s.speaker
LEFT JOIN entities ch ON ch.doc_id = s.doc_id AND ch.id = s.channel;

CREATE VIEW event_view AS
SELECT v.doc_id, d.published, v.id AS event_id, v.type, v.mode, v.status, v.trigger,
       (SELECT group_concat(e.name, '; ') FROM event_participants p
          JOIN entities e ON e.doc_id = p.doc_id AND e.id = p.entity_id
         WHERE p.doc_id = v.doc_id AND p.event_id = v.id AND p.role = 'source') AS sources,
       (SELECT group_concat(e.name, '; ') FROM event_participants p
          JOIN entities e ON e.doc_id = p.doc_id AND e.id = p.entity_id
         WHERE p.doc_id = v.doc_id AND p.event_id = v.id AND p.role = 'target') AS targets,
       loc.name AS location, v.date_value, v.evidence
FROM events v
JOIN documents d ON d.id = v.doc_id
LEFT JOIN entities loc ON loc.doc_id = v.doc_id AND loc.id = v.location;
