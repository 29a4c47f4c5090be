-- Imitates: a help-desk / ticketing tool with full-text search over tickets and replies.
-- Exercises: a regular (self-contained) FTS5 table fed by triggers from a normal table,
-- with an UNINDEXED column, prefix indexes and a custom tokenizer option; a standalone
-- FTS5 table of canned responses WITH rows inserted; INTEGER PRIMARY KEY AUTOINCREMENT;
-- INT PRIMARY KEY; CHECK constraints; FK ON DELETE CASCADE; datetime defaults; a
-- partial index; a view joining an FTS5 table.
PRAGMA foreign_keys = ON;

CREATE TABLE agents (
    id      INT PRIMARY KEY,
    name    TEXT NOT NULL,
    active  BOOLEAN NOT NULL DEFAULT 1
);

CREATE TABLE tickets (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'solved', 'closed')),
    priority    INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 4),
    assignee_id INT REFERENCES agents (id) ON DELETE SET NULL,
    opened_at   datetime DEFAULT CURRENT_TIMESTAMP,
    closed_at   datetime
);
CREATE INDEX tickets_queue_idx ON tickets (assignee_id, priority) WHERE status IN ('open', 'pending');

CREATE VIRTUAL TABLE ticket_search USING fts5(
    ticket_id UNINDEXED, subject, body,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

CREATE TRIGGER tickets_search_ai AFTER INSERT ON tickets BEGIN
    INSERT INTO ticket_search (ticket_id, subject, body) VALUES (new.id, new.subject, new.body);
END;
CREATE TRIGGER tickets_search_au AFTER UPDATE OF subject, body ON tickets BEGIN
    DELETE FROM ticket_search WHERE ticket_id = old.id;
    INSERT INTO ticket_search (ticket_id, subject, body) VALUES (new.id, new.subject, new.body);
END;
CREATE TRIGGER tickets_search_ad AFTER DELETE ON tickets BEGIN
    DELETE FROM ticket_search WHERE ticket_id = old.id;
END;

CREATE VIRTUAL TABLE canned_responses USING fts5(title, reply);
INSERT INTO canned_responses (title, reply) VALUES
    ('Password reset', 'You can reset your password from the sign-in page using "Forgot password".'),
    ('Refund policy', 'Refunds are issued within 14 days of purchase to the original payment method.'),
    ('Café hours', 'Our support café is open Monday–Friday, 9:00–17:00 CET.');

CREATE VIEW ticket_hits AS
SELECT t.id, t.subject, t.status, s.rank
FROM ticket_search s JOIN tickets t ON t.id = s.ticket_id;

INSERT INTO agents (id, name) VALUES (1, 'Zoë'), (2, 'Marek');
INSERT INTO tickets (subject, body, priority, assignee_id) VALUES
    ('Cannot log in', 'I reset my password but the login page still says invalid.', 1, 1),
    ('Invoice question', 'Why was I charged twice in March?', 2, 2),
    ('Feature request', 'Dark mode for the résumé editor please', 4, NULL);
UPDATE tickets SET body = body || ' (also on mobile)' WHERE id = 1;
UPDATE tickets SET status = 'solved', closed_at = CURRENT_TIMESTAMP WHERE id = 2;
