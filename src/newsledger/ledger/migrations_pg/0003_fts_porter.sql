-- newsledger ledger schema for PostgreSQL, version 3. In SQLite this version rebuilds the FTS5
-- indexes with English stemming; PostgreSQL's search (tsvector in newsledger_english, version 1)
-- stems already, so nothing changes here: the file keeps the two backends' version numbers equal.
SELECT 1;
