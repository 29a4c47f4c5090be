-- Imitates: a personal notes app with full-text search (like a desktop Markdown notes tool).
-- Exercises: INTEGER PRIMARY KEY AUTOINCREMENT; datetime DEFAULT CURRENT_TIMESTAMP;
-- an external-content FTS5 table (content='notes') fed by AFTER INSERT/UPDATE/DELETE
-- triggers on a normal table; a standalone FTS5 virtual table with rows inserted;
-- FK ON DELETE CASCADE; CHECK constraint; a view; a partial index.
PRAGMA foreign_keys = ON;

CREATE TABLE notebooks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    color       TEXT NOT NULL DEFAULT '#888888' CHECK (length(color) = 7),
    created_at  datetime DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE notes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    notebook_id  INTEGER NOT NULL REFERENCES notebooks (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL DEFAULT '',
    pinned       INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    created_at   datetime DEFAULT CURRENT_TIMESTAMP,
    updated_at   datetime DEFAULT CURRENT_TIMESTAMP,
    archived_at  datetime
);
CREATE INDEX notes_pinned_idx ON notes (notebook_id, updated_at DESC) WHERE archived_at IS NULL;

CREATE VIRTUAL TABLE notes_fts USING fts5(title, body, content='notes', content_rowid='id');

CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER notes_au AFTER UPDATE ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO notes_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- Standalone FTS5 table: bundled help pages, searched directly, no backing table.
CREATE VIRTUAL TABLE help_pages USING fts5(topic, content, tokenize = 'porter unicode61');
INSERT INTO help_pages (topic, content) VALUES
    ('Getting started', 'Create a notebook, then add notes to it. Notes are saved automatically.'),
    ('Searching', 'Type words in the search box; prefix queries such as note* match notebooks too.'),
    ('Keyboard shortcuts', 'Ctrl+N creates a note, Ctrl+P pins it, Ctrl+Shift+A archives it.');

CREATE VIEW active_notes AS
SELECT n.id, b.name AS notebook, n.title, n.pinned, n.updated_at
FROM notes n JOIN notebooks b ON b.id = n.notebook_id
WHERE n.archived_at IS NULL;

INSERT INTO notebooks (name) VALUES ('Personal'), ('Work');
INSERT INTO notes (notebook_id, title, body, pinned) VALUES
    (1, 'Groceries', 'eggs, milk, sourdough bread', 1),
    (2, 'Standup', 'Discussed the search indexing bug and the release plan', 0),
    (2, 'Retro', 'Searching was slow; rebuild the index nightly', 0);
UPDATE notes SET body = body || ', coffee' WHERE title = 'Groceries';
DELETE FROM notes WHERE title = 'Retro';
