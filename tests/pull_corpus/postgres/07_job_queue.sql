-- Imitates: a Postgres-backed background job queue (like a home-grown Sidekiq/Oban).
-- Exercises: enum with odd labels ('in progress', 'On-Hold', 'it''s done'); bigserial sole
-- primary key; a plpgsql function RETURNS SETOF jobs (claim with SKIP LOCKED); a plpgsql
-- trigger function used by CREATE TRIGGER (AFTER UPDATE) writing to another table;
-- partial indexes; multi-column index with DESC; smallint, jsonb, text[], interval,
-- timestamptz defaults; CHECK constraints; FK ON DELETE CASCADE; a view.

CREATE TYPE job_state AS ENUM ('queued', 'in progress', 'On-Hold', 'failed', 'it''s done');

CREATE TABLE queues (
    name          varchar(64) PRIMARY KEY,
    concurrency   smallint NOT NULL DEFAULT 10 CHECK (concurrency > 0),
    paused        boolean NOT NULL DEFAULT false,
    retry_backoff interval NOT NULL DEFAULT '30 seconds'
);

CREATE TABLE jobs (
    id           bigserial PRIMARY KEY,
    queue        varchar(64) NOT NULL REFERENCES queues (name) ON DELETE CASCADE,
    kind         text NOT NULL,
    args         jsonb NOT NULL DEFAULT '{}'::jsonb,
    state        job_state NOT NULL DEFAULT 'queued',
    priority     smallint NOT NULL DEFAULT 0,
    attempts     integer NOT NULL DEFAULT 0,
    max_attempts integer NOT NULL DEFAULT 25,
    errors       text[] NOT NULL DEFAULT ARRAY[]::text[],
    run_at       timestamptz NOT NULL DEFAULT now(),
    locked_by    text,
    finished_at  timestamptz,
    CONSTRAINT jobs_attempts_check CHECK (attempts <= max_attempts)
);
CREATE INDEX jobs_ready_idx ON jobs (queue, priority DESC, run_at) WHERE state = 'queued';
CREATE INDEX jobs_stuck_idx ON jobs (locked_by) WHERE state = 'in progress';

CREATE TABLE job_history (
    id         bigserial PRIMARY KEY,
    job_id     bigint NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    from_state job_state,
    to_state   job_state NOT NULL,
    at         timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE FUNCTION claim_jobs(q text, worker text, n integer DEFAULT 1) RETURNS SETOF jobs
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY
    UPDATE jobs j SET state = 'in progress', locked_by = worker, attempts = j.attempts + 1
    WHERE j.id IN (
        SELECT id FROM jobs
        WHERE queue = q AND state = 'queued' AND run_at <= now()
        ORDER BY priority DESC, run_at
        LIMIT n
        FOR UPDATE SKIP LOCKED)
    RETURNING j.*;
END;
$$;

CREATE FUNCTION log_job_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.state IS DISTINCT FROM OLD.state THEN
        INSERT INTO job_history (job_id, from_state, to_state) VALUES (NEW.id, OLD.state, NEW.state);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER jobs_state_history AFTER UPDATE OF state ON jobs
    FOR EACH ROW EXECUTE FUNCTION log_job_state();

CREATE VIEW queue_depth AS
SELECT queue, state, count(*) AS jobs FROM jobs GROUP BY queue, state;

INSERT INTO queues (name) VALUES ('default'), ('mailers');
INSERT INTO jobs (queue, kind, args, priority) VALUES
    ('default', 'ResizeImage', '{"id": 42}', 5),
    ('mailers', 'SendWelcome', '{"user": "ada"}', 0),
    ('default', 'Cleanup', '{}', -1);
SELECT id, state FROM claim_jobs('default', 'worker-1', 1);
UPDATE jobs SET state = 'it''s done', finished_at = now() WHERE locked_by = 'worker-1';
UPDATE jobs SET state = 'On-Hold' WHERE kind = 'Cleanup';
