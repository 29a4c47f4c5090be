-- Migration 10 (cagg_buckets_with_milliseconds) for sqlite: down. Written by hand.
-- The views as version 9 left them: bucket starts without milliseconds.

DROP VIEW llm_usage_daily;
DROP VIEW llm_usage_hourly;

-- Continuous aggregate llm_usage_hourly: a plain view on SQLite, computed when read.
-- Usage per model and provider, by hour
CREATE VIEW llm_usage_hourly AS
SELECT
    strftime('%Y-%m-%dT%H:%M:%SZ', ((CAST(strftime('%s', time) AS INTEGER) - 946857600) / 3600) * 3600 + 946857600, 'unixepoch') AS hour,
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
GROUP BY strftime('%Y-%m-%dT%H:%M:%SZ', ((CAST(strftime('%s', time) AS INTEGER) - 946857600) / 3600) * 3600 + 946857600, 'unixepoch'), model_id, provider;

-- Continuous aggregate llm_usage_daily: a plain view on SQLite, computed when read.
-- Usage per model and provider, by day
CREATE VIEW llm_usage_daily AS
SELECT
    strftime('%Y-%m-%dT%H:%M:%SZ', ((CAST(strftime('%s', time) AS INTEGER) - 946857600) / 86400) * 86400 + 946857600, 'unixepoch') AS day,
    model_id,
    provider,
    sum(request_count) AS request_count,
    sum(token_total) AS token_total,
    sum(cost_usd) AS cost_usd,
    avg(avg_latency_ms) AS avg_latency_ms,
    sum(error_count) AS error_count,
    sum(success_count) AS success_count
FROM llm_usage_metrics
GROUP BY strftime('%Y-%m-%dT%H:%M:%SZ', ((CAST(strftime('%s', time) AS INTEGER) - 946857600) / 86400) * 86400 + 946857600, 'unixepoch'), model_id, provider;
