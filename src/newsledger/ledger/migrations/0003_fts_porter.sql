-- newsledger ledger schema, version 3: full-text search stems English words ("hostage" finds
-- "hostages", "release" finds "released"). The FTS5 indexes of version 1 are rebuilt with the
-- `porter` tokenizer wrapped around the same unicode61 tokenizer; their triggers are unchanged.

DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content="documents", content_rowid="pk", tokenize='porter unicode61 remove_diacritics 2'
);
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');

DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5 (
    content, content="statements", content_rowid="pk", tokenize='porter unicode61 remove_diacritics 2'
);
INSERT INTO statements_fts (statements_fts) VALUES ('rebuild');
