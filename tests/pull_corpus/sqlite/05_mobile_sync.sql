-- Imitates: the local store of an offline-first mobile to-do app that syncs to a server.
-- Exercises: STRICT tables; WITHOUT ROWID combined with STRICT; generated columns both
-- VIRTUAL and STORED (including json_extract and date arithmetic); column- and table-level
-- CHECK constraints; composite primary key; FKs ON DELETE CASCADE / SET NULL;
-- tombstone and outbox triggers; partial index and expression index on a generated
-- column; datetime DEFAULT CURRENT_TIMESTAMP; a view.
PRAGMA foreign_keys = ON;

CREATE TABLE lists (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    position    REAL NOT NULL DEFAULT 0,
    server_rev  INTEGER,
    dirty       INTEGER NOT NULL DEFAULT 1 CHECK (dirty IN (0, 1))
) STRICT, WITHOUT ROWID;

CREATE TABLE tasks (
    id           TEXT PRIMARY KEY,
    list_id      TEXT REFERENCES lists (id) ON DELETE CASCADE,
    parent_id    TEXT REFERENCES tasks (id) ON DELETE SET NULL,
    title        TEXT NOT NULL,
    attrs        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs)),
    due_at       TEXT,
    done_at      TEXT,
    is_done      INTEGER GENERATED ALWAYS AS (done_at IS NOT NULL) VIRTUAL,
    priority     INTEGER GENERATED ALWAYS AS (coalesce(json_extract(attrs, '$.priority'), 0)) STORED,
    due_day      TEXT GENERATED ALWAYS AS (date(due_at)) VIRTUAL,
    created_at   TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK (done_at IS NULL OR done_at >= created_at)
) STRICT;
CREATE INDEX tasks_open_due_idx ON tasks (list_id, due_day) WHERE done_at IS NULL;
CREATE INDEX tasks_priority_idx ON tasks (priority DESC, created_at);

CREATE TABLE task_labels (
    task_id  TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    label    TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (task_id, label)
) STRICT, WITHOUT ROWID;

CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    entity     TEXT NOT NULL CHECK (entity IN ('list', 'task')),
    entity_id  TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    queued_at  datetime DEFAULT CURRENT_TIMESTAMP
);

CREATE TRIGGER tasks_outbox_ins AFTER INSERT ON tasks BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('task', new.id, 'upsert');
END;
CREATE TRIGGER tasks_outbox_upd AFTER UPDATE ON tasks BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('task', new.id, 'upsert');
END;
CREATE TRIGGER tasks_outbox_del AFTER DELETE ON tasks BEGIN
    INSERT INTO outbox (entity, entity_id, op) VALUES ('task', old.id, 'delete');
END;

CREATE VIEW today AS
SELECT t.id, t.title, l.title AS list, t.priority
FROM tasks t LEFT JOIN lists l ON l.id = t.list_id
WHERE t.is_done = 0 AND t.due_day <= date('now');

INSERT INTO lists (id, title, position) VALUES ('l-inbox', 'Inbox', 0), ('l-home', 'Home', 1.5);
INSERT INTO tasks (id, list_id, title, attrs, due_at) VALUES
    ('t-1', 'l-inbox', 'File taxes', '{"priority": 3}', '2024-04-15 09:00:00'),
    ('t-2', 'l-home', 'Fix the tap', '{}', NULL),
    ('t-3', 'l-home', 'Buy washers', '{"priority": 1}', '2024-04-10 18:00:00');
UPDATE tasks SET parent_id = 't-2' WHERE id = 't-3';
INSERT INTO task_labels VALUES ('t-1', 'Money'), ('t-2', 'diy'), ('t-3', 'DIY-shop');
UPDATE tasks SET done_at = '2030-01-01 00:00:00' WHERE id = 't-3';
DELETE FROM tasks WHERE id = 't-2';
