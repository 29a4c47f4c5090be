-- TimescaleDB overrides of queries/analytics.sql.
-- time_bucket is TimescaleDB's native bucketing: on the hypertable it gets chunk exclusion on the
-- time range and the (model_id, time DESC) index, without the continuous aggregate's
-- materialized-part/real-time-part UNION, which buys nothing for a window of the last few hours.
-- It also keeps this dialect off the date_bin version in queries/postgres/.

-- Live hourly series of one model for a dashboard: includes samples written seconds ago on every
-- dialect (here: time_bucket over the hypertable, not the continuous aggregate).
-- name: ListLiveHourlyUsageForModel :many
SELECT time_bucket(INTERVAL '1 hour', time) AS hour,
       provider,
       sum(request_count) AS request_count,
       sum(token_total) AS token_total,
       sum(cost_usd) AS cost_usd,
       avg(avg_latency_ms) AS avg_latency_ms,
       sum(error_count) AS error_count
FROM llm_usage_metrics
WHERE model_id = @model_id AND time >= @since AND time < @until
GROUP BY time_bucket(INTERVAL '1 hour', time), provider
ORDER BY hour, provider;
