-- Imitates: a feature-flag / remote-config store embedded in a desktop or mobile app.
-- Exercises: WITHOUT ROWID tables (alone and combined with STRICT); composite primary
-- keys; composite foreign keys with ON DELETE CASCADE; INT PRIMARY KEY (not INTEGER, so
-- not a rowid alias); CHECK constraints; datetime DEFAULT CURRENT_TIMESTAMP; a trigger
-- that maintains an updated_at column; an expression index on json_extract.
PRAGMA foreign_keys = ON;

CREATE TABLE environments (
    id    INT PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE,
    is_production BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE flags (
    key          TEXT PRIMARY KEY,
    description  TEXT,
    kind         TEXT NOT NULL DEFAULT 'bool' CHECK (kind IN ('bool', 'string', 'number', 'json')),
    created_at   datetime DEFAULT CURRENT_TIMESTAMP
) WITHOUT ROWID;

CREATE TABLE flag_values (
    flag_key     TEXT NOT NULL REFERENCES flags (key) ON DELETE CASCADE ON UPDATE CASCADE,
    env_id       INT NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
    value        TEXT NOT NULL,
    rollout_pct  INTEGER NOT NULL DEFAULT 100 CHECK (rollout_pct BETWEEN 0 AND 100),
    updated_at   datetime DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (flag_key, env_id)
) WITHOUT ROWID;
CREATE INDEX flag_values_plan_idx ON flag_values (json_extract(value, '$.plan'));

CREATE TABLE flag_overrides (
    flag_key   TEXT NOT NULL,
    env_id     INTEGER NOT NULL,
    user_id    TEXT NOT NULL,
    value      TEXT NOT NULL,
    expires_at TEXT,
    PRIMARY KEY (flag_key, env_id, user_id),
    FOREIGN KEY (flag_key, env_id) REFERENCES flag_values (flag_key, env_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TRIGGER flag_values_touch AFTER UPDATE OF value, rollout_pct ON flag_values
FOR EACH ROW WHEN new.updated_at IS old.updated_at BEGIN
    UPDATE flag_values SET updated_at = CURRENT_TIMESTAMP
    WHERE flag_key = new.flag_key AND env_id = new.env_id;
END;

INSERT INTO environments (id, name, is_production) VALUES (1, 'dev', 0), (2, 'prod', 1);
INSERT INTO flags (key, description, kind) VALUES
    ('new-checkout', 'Redesigned checkout flow', 'bool'),
    ('pricing', 'Pricing experiment payload', 'json');
INSERT INTO flag_values (flag_key, env_id, value, rollout_pct) VALUES
    ('new-checkout', 1, 'true', 100), ('new-checkout', 2, 'false', 10),
    ('pricing', 2, '{"plan": "pro", "price": 12}', 50);
INSERT INTO flag_overrides VALUES ('new-checkout', 2, 'user-42', 'true', NULL);
UPDATE flag_values SET rollout_pct = 25 WHERE flag_key = 'new-checkout' AND env_id = 2;
