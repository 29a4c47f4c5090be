-- PostgreSQL overrides of queries/analytics.sql.
-- On plain PostgreSQL llm_usage_hourly is a materialized view, only as fresh as the last call of
-- refresh_llm_usage_hourly(); a live series must bucket the raw samples itself. date_bin with the
-- view's origin gives the same buckets as the view.

-- Live hourly series of one model for a dashboard: includes samples written seconds ago on every
-- dialect (here: bucketed straight from llm_usage_metrics, not the materialized view).
-- name: ListLiveHourlyUsageForModel :many
SELECT date_bin(INTERVAL '1 hour', time, TIMESTAMPTZ '2000-01-03 00:00:00+00') AS hour,
       provider,
       sum(request_count) AS request_count,
       sum(token_total) AS token_total,
       sum(cost_usd) AS cost_usd,
       avg(avg_latency_ms) AS avg_latency_ms,
       sum(error_count) AS error_count
FROM llm_usage_metrics
WHERE model_id = @model_id AND time >= @since AND time < @until
GROUP BY date_bin(INTERVAL '1 hour', time, TIMESTAMPTZ '2000-01-03 00:00:00+00'), provider
ORDER BY hour, provider;
