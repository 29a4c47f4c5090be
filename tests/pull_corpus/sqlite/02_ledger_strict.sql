-- Imitates: a personal finance / double-entry ledger app (accounts, transactions, splits).
-- Exercises: STRICT tables; INTEGER PRIMARY KEY AUTOINCREMENT; column-level and table-level
-- CHECK constraints; FKs with ON DELETE CASCADE / SET NULL / RESTRICT and ON UPDATE
-- CASCADE; generated columns VIRTUAL and STORED; composite UNIQUE; a trigger keeping a
-- running balance; partial and expression indexes; a view.
PRAGMA foreign_keys = ON;

CREATE TABLE currencies (
    code      TEXT PRIMARY KEY CHECK (length(code) = 3 AND code = upper(code)),
    decimals  INTEGER NOT NULL DEFAULT 2 CHECK (decimals BETWEEN 0 AND 4)
) STRICT;

CREATE TABLE accounts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('asset', 'liability', 'income', 'expense', 'equity')),
    currency   TEXT NOT NULL DEFAULT 'EUR' REFERENCES currencies (code) ON UPDATE CASCADE ON DELETE RESTRICT,
    parent_id  INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    balance_minor INTEGER NOT NULL DEFAULT 0,
    closed     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (parent_id, name)
) STRICT;

CREATE TABLE transactions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    posted_on   TEXT NOT NULL DEFAULT (date('now')),
    payee       TEXT,
    memo        TEXT NOT NULL DEFAULT '',
    payee_key   TEXT GENERATED ALWAYS AS (lower(trim(payee))) VIRTUAL,
    created_at  TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
) STRICT;
CREATE INDEX transactions_payee_idx ON transactions (lower(payee));

CREATE TABLE splits (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    transaction_id  INTEGER NOT NULL REFERENCES transactions (id) ON DELETE CASCADE,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    amount_minor    INTEGER NOT NULL,
    fx_rate         REAL NOT NULL DEFAULT 1.0,
    amount_major    REAL GENERATED ALWAYS AS (amount_minor / 100.0) STORED,
    reconciled      INTEGER NOT NULL DEFAULT 0,
    CHECK (amount_minor <> 0),
    CHECK (fx_rate > 0 AND reconciled IN (0, 1))
) STRICT;
CREATE INDEX splits_unreconciled_idx ON splits (account_id) WHERE reconciled = 0;

CREATE TRIGGER splits_balance_ai AFTER INSERT ON splits BEGIN
    UPDATE accounts SET balance_minor = balance_minor + new.amount_minor WHERE id = new.account_id;
END;
CREATE TRIGGER splits_balance_ad AFTER DELETE ON splits BEGIN
    UPDATE accounts SET balance_minor = balance_minor - old.amount_minor WHERE id = old.account_id;
END;

CREATE VIEW account_balances AS
SELECT a.id, a.name, a.kind, a.currency, a.balance_minor / 100.0 AS balance
FROM accounts a WHERE a.closed = 0;

INSERT INTO currencies (code) VALUES ('EUR'), ('USD');
INSERT INTO currencies (code, decimals) VALUES ('JPY', 0);
INSERT INTO accounts (name, kind) VALUES ('Checking', 'asset'), ('Groceries', 'expense'), ('Salary', 'income');
INSERT INTO transactions (posted_on, payee, memo) VALUES ('2024-05-02', '  Corner Shop ', 'weekly shop');
INSERT INTO splits (transaction_id, account_id, amount_minor) VALUES (1, 1, -4250), (1, 2, 4250);
INSERT INTO transactions (posted_on, payee) VALUES ('2024-05-31', 'ACME Corp');
INSERT INTO splits (transaction_id, account_id, amount_minor, reconciled) VALUES (2, 1, 300000, 1), (2, 3, -300000, 1);
