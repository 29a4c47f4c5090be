-- Migration 10 (cagg_buckets_with_milliseconds) for sqlite: up. Written by hand.
-- dbtool now writes the bucket starts of continuous aggregates on SQLite as the columns store
-- times, with milliseconds (`2026-01-01T10:00:00.000Z`), so a bucket compares equal to the same
-- instant bound as a parameter. The schema did not change, so `dbtool diff` cannot see this:
-- the views are recreated here.

DROP VIEW llm_usage_daily;
DROP VIEW llm_usage_hourly;

-- Continuous aggregate llm_usage_hourly: a plain view on SQLite, computed when read.
-- Usage per model and provider, by hour
CREATE VIEW llm_usage_hourly AS
SELECT
    strftime('%Y-%m-%dT%H:%M:%fZ', ((CAST(strftime('%s', time) AS INTEGER) - 946857600) / 3600) * 3600 + 946857600, 'unixepoch') AS hour,
    model_id,
    provider,
    sum(request_count) AS request_count,
    sum(token_input) AS token_input,
    sum(token_output) AS token_output,
    sum(token_total) AS token_total,
    sum(cost_usd) AS cost_usd,
    avg(avg_latency_ms) AS avg_latency_ms,
    sum(error_count) AS error_count,
    sum(success_count) AS success_count,
    count(*) AS sample_count
FROM llm_usage_metrics
GROUP BY strftime('%Y-%m-%dT%H:%M:%fZ', ((CAST(strftime('%s', time) AS INTEGER) - 946857600) / 3600) * 3600 + 946857600, 'unixepoch'), model_id, provider;

-- Continuous aggregate llm_usage_daily: a plain view on SQLite, computed when read.
-- Usage per model and provider, by day
CREATE VIEW llm_usage_daily AS
SELECT
    strftime('%Y-%m-%dT%H:%M:%fZ', ((CAST(strftime('%s', time) AS INTEGER) - 946857600) / 86400) * 86400 + 946857600, 'unixepoch') AS day,
    model_id,
    provider,
    sum(request_count) AS request_count,
    sum(token_total) AS token_total,
    sum(cost_usd) AS cost_usd,
    avg(avg_latency_ms) AS avg_latency_ms,
    sum(error_count) AS error_count,
    sum(success_count) AS success_count
FROM llm_usage_metrics
GROUP BY strftime('%Y-%m-%dT%H:%M:%fZ', ((CAST(strftime('%s', time) AS INTEGER) - 946857600) / 86400) * 86400 + 946857600, 'unixepoch'), model_id, provider;
