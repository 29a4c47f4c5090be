-- Imitates: an application with a separate "audit" schema that records row changes.
-- Exercises: CREATE SCHEMA and tables in a second schema (audit.events, audit.actors);
-- bigserial sole primary key; jsonb columns; a foreign key across schemas; a plpgsql
-- trigger function in the second schema used by CREATE TRIGGER on a public table;
-- indexes in the second schema (multi-column DESC, partial); COMMENT ON in that schema.
-- Kept in its own file because non-public schemas may not be supported by every pull.

CREATE SCHEMA audit;
COMMENT ON SCHEMA audit IS 'Append-only change history';

CREATE TABLE accounts (
    id          serial PRIMARY KEY,
    username    varchar(50) NOT NULL UNIQUE,
    balance     numeric(14,2) NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit.actors (
    id          smallserial PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    is_system   boolean NOT NULL DEFAULT false
);

CREATE TABLE audit.events (
    id           bigserial PRIMARY KEY,
    actor_id     smallint REFERENCES audit.actors (id) ON DELETE SET NULL,
    table_name   text NOT NULL,
    row_pk       text NOT NULL,
    action       char(1) NOT NULL CHECK (action IN ('I', 'U', 'D')),
    old_row      jsonb,
    new_row      jsonb,
    changed_cols text[],
    occurred_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    account_id   integer REFERENCES public.accounts (id) ON DELETE CASCADE
);
CREATE INDEX events_table_time_idx ON audit.events (table_name, occurred_at DESC);
CREATE INDEX events_deletes_idx ON audit.events (row_pk) WHERE action = 'D';
COMMENT ON TABLE audit.events IS 'One row per INSERT/UPDATE/DELETE on an audited table';
COMMENT ON COLUMN audit.events.row_pk IS 'Primary key of the changed row, as text';

CREATE FUNCTION audit.record_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO audit.events (table_name, row_pk, action, old_row)
        VALUES (TG_TABLE_NAME, OLD.id::text, 'D', to_jsonb(OLD));
        RETURN OLD;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO audit.events (table_name, row_pk, action, old_row, new_row, account_id)
        VALUES (TG_TABLE_NAME, NEW.id::text, 'U', to_jsonb(OLD), to_jsonb(NEW), NEW.id);
        RETURN NEW;
    ELSE
        INSERT INTO audit.events (table_name, row_pk, action, new_row, account_id)
        VALUES (TG_TABLE_NAME, NEW.id::text, 'I', to_jsonb(NEW), NEW.id);
        RETURN NEW;
    END IF;
END;
$$;

CREATE TRIGGER accounts_audit
    AFTER INSERT OR UPDATE OR DELETE ON accounts
    FOR EACH ROW EXECUTE FUNCTION audit.record_change();

INSERT INTO audit.actors (name, is_system) VALUES ('system', true), ('alice', false);
INSERT INTO accounts (username, balance) VALUES ('alice', 100.00), ('bob', 25.50);
UPDATE accounts SET balance = balance + 10 WHERE username = 'bob';
