-- LLM analytics hub: usage metrics written by every service, read back as summaries and series.
-- Seed: ../shared/seeds/llm-analytics-hub.md. llm_usage_hourly and llm_usage_daily are continuous
-- aggregates on TimescaleDB, materialized views on PostgreSQL (as fresh as their last
-- refresh_llm_usage_*() call) and plain views on SQLite; the same queries read them everywhere.
-- Windows are half-open, [since, until), and should fall on whole hours (days for daily rows).

-- Record one usage sample of a model.
-- name: InsertUsageMetric :exec
INSERT INTO llm_usage_metrics (
    time, model_id, provider, request_count, token_input, token_output, token_total, cost_usd,
    avg_latency_ms, error_count, success_count, user_id, application_id, environment, metadata
) VALUES (
    @time, @model_id, @provider, @request_count, @token_input, @token_output, @token_total,
    @cost_usd, @avg_latency_ms, @error_count, @success_count, sqlc.narg(user_id),
    sqlc.narg(application_id), sqlc.narg(environment), sqlc.narg(metadata)
);

-- Many usage samples at once, as a collector flushes its buffer: one binary COPY on PostgreSQL,
-- one prepared insert per row inside a savepoint on SQLite. Returns how many rows went in.
-- name: CopyUsageMetrics :copyfrom
INSERT INTO llm_usage_metrics (
    time, model_id, provider, request_count, token_input, token_output, token_total, cost_usd,
    avg_latency_ms, error_count, success_count, user_id, application_id, environment, metadata
) VALUES (
    @time, @model_id, @provider, @request_count, @token_input, @token_output, @token_total,
    @cost_usd, @avg_latency_ms, @error_count, @success_count, @user_id, @application_id,
    @environment, @metadata
);

-- Exact usage per model and provider over a window (e.g. the last 24 hours), read from the raw
-- samples, most expensive first.
-- name: SummarizeUsageByModel :many
SELECT model_id,
       provider,
       sum(request_count) AS total_requests,
       sum(token_total) AS total_tokens,
       sum(cost_usd) AS total_cost_usd,
       sum(error_count) AS total_errors
FROM llm_usage_metrics
WHERE time >= @since AND time < @until
GROUP BY model_id, provider
ORDER BY total_cost_usd DESC, model_id, provider;

-- The same summary read from the hourly roll-up: cheaper over long windows, whole hours only.
-- On PostgreSQL the sums of the roll-up's bigint columns are numeric.
-- name: SummarizeHourlyUsageByModel :many
SELECT model_id,
       provider,
       sum(request_count) AS total_requests,
       sum(token_total) AS total_tokens,
       sum(cost_usd) AS total_cost_usd,
       sum(error_count) AS total_errors
FROM llm_usage_hourly
WHERE hour >= @since AND hour < @until
GROUP BY model_id, provider
ORDER BY total_cost_usd DESC, model_id, provider;

-- Hourly series of one model from the hourly roll-up, one row per hour and provider, oldest
-- first; pass a provider to narrow it, NULL for all.
-- name: ListHourlyUsageForModel :many
SELECT hour, model_id, provider, request_count, token_input, token_output, token_total, cost_usd,
       avg_latency_ms, error_count, success_count, sample_count
FROM llm_usage_hourly
WHERE model_id = @model_id
  AND hour >= @since
  AND hour < @until
  AND (provider = sqlc.narg(provider) OR sqlc.narg(provider) IS NULL)
ORDER BY hour, provider;

-- Live hourly series of one model for a dashboard: includes samples written seconds ago on every
-- dialect (overridden for postgres and timescaledb to bucket the raw samples directly).
-- name: ListLiveHourlyUsageForModel :many
SELECT hour, provider, request_count, token_total, cost_usd, avg_latency_ms, error_count
FROM llm_usage_hourly
WHERE model_id = @model_id AND hour >= @since AND hour < @until
ORDER BY hour, provider;

-- Daily rows of every model and provider in a window of days, oldest first; pass a model to
-- narrow it, NULL for all.
-- name: ListDailyUsage :many
SELECT day, model_id, provider, request_count, token_total, cost_usd, avg_latency_ms,
       error_count, success_count
FROM llm_usage_daily
WHERE day >= @since
  AND day < @until
  AND (model_id = sqlc.narg(model_id) OR sqlc.narg(model_id) IS NULL)
ORDER BY day, model_id, provider;

-- The most expensive models over a window of days, with their request and token totals.
-- name: ListTopModelsByCost :many
SELECT model_id,
       sum(cost_usd) AS total_cost_usd,
       sum(request_count) AS total_requests,
       sum(token_total) AS total_tokens
FROM llm_usage_daily
WHERE day >= @since AND day < @until
GROUP BY model_id
ORDER BY total_cost_usd DESC, model_id
LIMIT @max_rows;

-- Error rate per provider over a window, in percent of requests rounded to 0.01, worst first;
-- providers that served no requests in the window are left out.
-- name: ErrorRateByProvider :many
SELECT provider,
       sum(request_count) AS total_requests,
       sum(error_count) AS total_errors,
       round(100.0 * COALESCE(sum(error_count), 0) / sum(request_count), 2) AS error_rate_pct
FROM llm_usage_metrics
WHERE time >= @since AND time < @until
GROUP BY provider
HAVING sum(request_count) > 0
ORDER BY error_rate_pct DESC, provider;

-- Request-weighted mean latency per model over a window (the roll-ups only hold the unweighted
-- mean of the samples' averages).
-- name: WeightedLatencyByModel :many
SELECT model_id,
       sum(request_count) AS total_requests,
       sum(avg_latency_ms * request_count) / NULLIF(sum(request_count), 0) AS weighted_avg_latency_ms
FROM llm_usage_metrics
WHERE time >= @since AND time < @until
GROUP BY model_id
ORDER BY model_id;

-- Usage per application and environment over a window: dimensions the roll-ups do not keep.
-- name: SummarizeUsageByApplication :many
SELECT application_id,
       environment,
       sum(request_count) AS total_requests,
       sum(token_total) AS total_tokens,
       sum(cost_usd) AS total_cost_usd
FROM llm_usage_metrics
WHERE time >= @since AND time < @until
GROUP BY application_id, environment
ORDER BY total_cost_usd DESC, application_id, environment;

-- The time of the newest sample (NULL when there is none), to alert when writers stop.
-- name: GetLatestUsageTime :one
SELECT max(time) AS latest_time
FROM llm_usage_metrics;

-- Delete samples older than a cut-off: retention where no TimescaleDB policy runs (SQLite,
-- plain PostgreSQL). Returns the number of rows deleted.
-- name: DeleteUsageMetricsBefore :execrows
DELETE FROM llm_usage_metrics
WHERE time < @before;
