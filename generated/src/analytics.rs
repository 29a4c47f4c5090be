//! The queries of `queries/analytics.sql`.
//!
//! Written by `dbtool generate`; do not edit: change schema/ or queries/ and run it again.

use crate::runtime::{BulkQuery, Query};

/// A row of `SummarizeUsageByModel`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SummarizeUsageByModelRow {
    pub model_id: String,
    pub provider: String,
    pub total_requests: Option<i64>,
    pub total_tokens: Option<i64>,
    pub total_cost_usd: Option<rust_decimal::Decimal>,
    pub total_errors: Option<i64>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for SummarizeUsageByModelRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(SummarizeUsageByModelRow {
            model_id: get(row, 0)?,
            provider: get(row, 1)?,
            total_requests: get(row, 2)?,
            total_tokens: get(row, 3)?,
            total_cost_usd: get(row, 4)?,
            total_errors: get(row, 5)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for SummarizeUsageByModelRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(SummarizeUsageByModelRow {
            model_id: row.try_get(0)?,
            provider: row.try_get(1)?,
            total_requests: row.try_get(2)?,
            total_tokens: row.try_get(3)?,
            total_cost_usd: row.try_get(4)?,
            total_errors: row.try_get(5)?,
        })
    }
}

/// A row of `SummarizeHourlyUsageByModel`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SummarizeHourlyUsageByModelRow {
    pub model_id: String,
    pub provider: String,
    pub total_requests: Option<rust_decimal::Decimal>,
    pub total_tokens: Option<rust_decimal::Decimal>,
    pub total_cost_usd: Option<rust_decimal::Decimal>,
    pub total_errors: Option<rust_decimal::Decimal>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for SummarizeHourlyUsageByModelRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(SummarizeHourlyUsageByModelRow {
            model_id: get(row, 0)?,
            provider: get(row, 1)?,
            total_requests: get(row, 2)?,
            total_tokens: get(row, 3)?,
            total_cost_usd: get(row, 4)?,
            total_errors: get(row, 5)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for SummarizeHourlyUsageByModelRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(SummarizeHourlyUsageByModelRow {
            model_id: row.try_get(0)?,
            provider: row.try_get(1)?,
            total_requests: row.try_get(2)?,
            total_tokens: row.try_get(3)?,
            total_cost_usd: row.try_get(4)?,
            total_errors: row.try_get(5)?,
        })
    }
}

/// A row of `ListHourlyUsageForModel`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListHourlyUsageForModelRow {
    pub hour: chrono::DateTime<chrono::Utc>,
    pub model_id: String,
    pub provider: String,
    pub request_count: Option<i64>,
    pub token_input: Option<i64>,
    pub token_output: Option<i64>,
    pub token_total: Option<i64>,
    pub cost_usd: Option<rust_decimal::Decimal>,
    pub avg_latency_ms: Option<rust_decimal::Decimal>,
    pub error_count: Option<i64>,
    pub success_count: Option<i64>,
    pub sample_count: i64,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListHourlyUsageForModelRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListHourlyUsageForModelRow {
            hour: get(row, 0)?,
            model_id: get(row, 1)?,
            provider: get(row, 2)?,
            request_count: get(row, 3)?,
            token_input: get(row, 4)?,
            token_output: get(row, 5)?,
            token_total: get(row, 6)?,
            cost_usd: get(row, 7)?,
            avg_latency_ms: get(row, 8)?,
            error_count: get(row, 9)?,
            success_count: get(row, 10)?,
            sample_count: get(row, 11)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListHourlyUsageForModelRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListHourlyUsageForModelRow {
            hour: row.try_get(0)?,
            model_id: row.try_get(1)?,
            provider: row.try_get(2)?,
            request_count: row.try_get(3)?,
            token_input: row.try_get(4)?,
            token_output: row.try_get(5)?,
            token_total: row.try_get(6)?,
            cost_usd: row.try_get(7)?,
            avg_latency_ms: row.try_get(8)?,
            error_count: row.try_get(9)?,
            success_count: row.try_get(10)?,
            sample_count: row.try_get(11)?,
        })
    }
}

/// A row of `ListLiveHourlyUsageForModel`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListLiveHourlyUsageForModelRow {
    pub hour: chrono::DateTime<chrono::Utc>,
    pub provider: String,
    pub request_count: Option<i64>,
    pub token_total: Option<i64>,
    pub cost_usd: Option<rust_decimal::Decimal>,
    pub avg_latency_ms: Option<rust_decimal::Decimal>,
    pub error_count: Option<i64>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListLiveHourlyUsageForModelRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListLiveHourlyUsageForModelRow {
            hour: get(row, 0)?,
            provider: get(row, 1)?,
            request_count: get(row, 2)?,
            token_total: get(row, 3)?,
            cost_usd: get(row, 4)?,
            avg_latency_ms: get(row, 5)?,
            error_count: get(row, 6)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListLiveHourlyUsageForModelRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListLiveHourlyUsageForModelRow {
            hour: row.try_get(0)?,
            provider: row.try_get(1)?,
            request_count: row.try_get(2)?,
            token_total: row.try_get(3)?,
            cost_usd: row.try_get(4)?,
            avg_latency_ms: row.try_get(5)?,
            error_count: row.try_get(6)?,
        })
    }
}

/// A row of `ListDailyUsage`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListDailyUsageRow {
    pub day: chrono::DateTime<chrono::Utc>,
    pub model_id: String,
    pub provider: String,
    pub request_count: Option<i64>,
    pub token_total: Option<i64>,
    pub cost_usd: Option<rust_decimal::Decimal>,
    pub avg_latency_ms: Option<rust_decimal::Decimal>,
    pub error_count: Option<i64>,
    pub success_count: Option<i64>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListDailyUsageRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListDailyUsageRow {
            day: get(row, 0)?,
            model_id: get(row, 1)?,
            provider: get(row, 2)?,
            request_count: get(row, 3)?,
            token_total: get(row, 4)?,
            cost_usd: get(row, 5)?,
            avg_latency_ms: get(row, 6)?,
            error_count: get(row, 7)?,
            success_count: get(row, 8)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListDailyUsageRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListDailyUsageRow {
            day: row.try_get(0)?,
            model_id: row.try_get(1)?,
            provider: row.try_get(2)?,
            request_count: row.try_get(3)?,
            token_total: row.try_get(4)?,
            cost_usd: row.try_get(5)?,
            avg_latency_ms: row.try_get(6)?,
            error_count: row.try_get(7)?,
            success_count: row.try_get(8)?,
        })
    }
}

/// A row of `ListTopModelsByCost`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListTopModelsByCostRow {
    pub model_id: String,
    pub total_cost_usd: Option<rust_decimal::Decimal>,
    pub total_requests: Option<rust_decimal::Decimal>,
    pub total_tokens: Option<rust_decimal::Decimal>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListTopModelsByCostRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListTopModelsByCostRow {
            model_id: get(row, 0)?,
            total_cost_usd: get(row, 1)?,
            total_requests: get(row, 2)?,
            total_tokens: get(row, 3)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListTopModelsByCostRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListTopModelsByCostRow {
            model_id: row.try_get(0)?,
            total_cost_usd: row.try_get(1)?,
            total_requests: row.try_get(2)?,
            total_tokens: row.try_get(3)?,
        })
    }
}

/// A row of `ErrorRateByProvider`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ErrorRateByProviderRow {
    pub provider: String,
    pub total_requests: Option<i64>,
    pub total_errors: Option<i64>,
    pub error_rate_pct: Option<rust_decimal::Decimal>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ErrorRateByProviderRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ErrorRateByProviderRow {
            provider: get(row, 0)?,
            total_requests: get(row, 1)?,
            total_errors: get(row, 2)?,
            error_rate_pct: get(row, 3)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ErrorRateByProviderRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ErrorRateByProviderRow {
            provider: row.try_get(0)?,
            total_requests: row.try_get(1)?,
            total_errors: row.try_get(2)?,
            error_rate_pct: row.try_get(3)?,
        })
    }
}

/// A row of `WeightedLatencyByModel`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct WeightedLatencyByModelRow {
    pub model_id: String,
    pub total_requests: Option<i64>,
    pub weighted_avg_latency_ms: Option<rust_decimal::Decimal>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for WeightedLatencyByModelRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(WeightedLatencyByModelRow {
            model_id: get(row, 0)?,
            total_requests: get(row, 1)?,
            weighted_avg_latency_ms: get(row, 2)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for WeightedLatencyByModelRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(WeightedLatencyByModelRow {
            model_id: row.try_get(0)?,
            total_requests: row.try_get(1)?,
            weighted_avg_latency_ms: row.try_get(2)?,
        })
    }
}

/// A row of `SummarizeUsageByApplication`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SummarizeUsageByApplicationRow {
    pub application_id: Option<String>,
    pub environment: Option<String>,
    pub total_requests: Option<i64>,
    pub total_tokens: Option<i64>,
    pub total_cost_usd: Option<rust_decimal::Decimal>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for SummarizeUsageByApplicationRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(SummarizeUsageByApplicationRow {
            application_id: get(row, 0)?,
            environment: get(row, 1)?,
            total_requests: get(row, 2)?,
            total_tokens: get(row, 3)?,
            total_cost_usd: get(row, 4)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for SummarizeUsageByApplicationRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(SummarizeUsageByApplicationRow {
            application_id: row.try_get(0)?,
            environment: row.try_get(1)?,
            total_requests: row.try_get(2)?,
            total_tokens: row.try_get(3)?,
            total_cost_usd: row.try_get(4)?,
        })
    }
}

/// The parameters of `InsertUsageMetric`.
#[derive(Debug, Clone, Copy)]
pub struct InsertUsageMetricParams<'a> {
    pub time: chrono::DateTime<chrono::Utc>,
    pub model_id: &'a str,
    pub provider: &'a str,
    pub request_count: Option<i32>,
    pub token_input: Option<i32>,
    pub token_output: Option<i32>,
    pub token_total: Option<i32>,
    pub cost_usd: Option<rust_decimal::Decimal>,
    pub avg_latency_ms: Option<rust_decimal::Decimal>,
    pub error_count: Option<i32>,
    pub success_count: Option<i32>,
    pub user_id: Option<&'a str>,
    pub application_id: Option<&'a str>,
    pub environment: Option<&'a str>,
    pub metadata: Option<&'a serde_json::Value>,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for InsertUsageMetricParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.time as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.model_id,
            &self.provider,
            &self.request_count,
            &self.token_input,
            &self.token_output,
            &self.token_total,
            &self.cost_usd,
            &self.avg_latency_ms,
            &self.error_count,
            &self.success_count,
            &self.user_id,
            &self.application_id,
            &self.environment,
            &self.metadata,
        ]
    }
}

/// The parameters of `CopyUsageMetrics`.
#[derive(Debug, Clone, Copy)]
pub struct CopyUsageMetricsParams<'a> {
    pub time: chrono::DateTime<chrono::Utc>,
    pub model_id: &'a str,
    pub provider: &'a str,
    pub request_count: Option<i32>,
    pub token_input: Option<i32>,
    pub token_output: Option<i32>,
    pub token_total: Option<i32>,
    pub cost_usd: Option<rust_decimal::Decimal>,
    pub avg_latency_ms: Option<rust_decimal::Decimal>,
    pub error_count: Option<i32>,
    pub success_count: Option<i32>,
    pub user_id: Option<&'a str>,
    pub application_id: Option<&'a str>,
    pub environment: Option<&'a str>,
    pub metadata: Option<&'a serde_json::Value>,
}

/// Record one usage sample of a model.
///
/// ```sql
/// INSERT INTO llm_usage_metrics (
///     time, model_id, provider, request_count, token_input, token_output, token_total, cost_usd,
///     avg_latency_ms, error_count, success_count, user_id, application_id, environment, metadata
/// ) VALUES (
///     @time, @model_id, @provider, @request_count, @token_input, @token_output, @token_total,
///     @cost_usd, @avg_latency_ms, @error_count, @success_count, sqlc.narg(user_id),
///     sqlc.narg(application_id), sqlc.narg(environment), sqlc.narg(metadata)
/// )
/// ```
pub const INSERT_USAGE_METRIC: Query = Query {
    name: "InsertUsageMetric",
    postgres: r#"INSERT INTO llm_usage_metrics (
    time, model_id, provider, request_count, token_input, token_output, token_total, cost_usd,
    avg_latency_ms, error_count, success_count, user_id, application_id, environment, metadata
) VALUES (
    $1, $2, $3, $4, $5, $6, $7,
    $8, $9, $10, $11, $12,
    $13, $14, $15
)"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO llm_usage_metrics (
    time, model_id, provider, request_count, token_input, token_output, token_total, cost_usd,
    avg_latency_ms, error_count, success_count, user_id, application_id, environment, metadata
) VALUES (
    ?1, ?2, ?3, ?4, ?5, ?6, ?7,
    ?8, ?9, ?10, ?11, ?12,
    ?13, ?14, ?15
)"#,
};

/// Many usage samples at once, as a collector flushes its buffer: one binary COPY on PostgreSQL,
/// one prepared insert per row inside a savepoint on SQLite. Returns how many rows went in.
///
/// ```sql
/// INSERT INTO llm_usage_metrics (
///     time, model_id, provider, request_count, token_input, token_output, token_total, cost_usd,
///     avg_latency_ms, error_count, success_count, user_id, application_id, environment, metadata
/// ) VALUES (
///     @time, @model_id, @provider, @request_count, @token_input, @token_output, @token_total,
///     @cost_usd, @avg_latency_ms, @error_count, @success_count, @user_id, @application_id,
///     @environment, @metadata
/// )
/// ```
pub const COPY_USAGE_METRICS: BulkQuery = BulkQuery {
    insert: Query {
        name: "CopyUsageMetrics",
        postgres: r#"INSERT INTO llm_usage_metrics (
    time, model_id, provider, request_count, token_input, token_output, token_total, cost_usd,
    avg_latency_ms, error_count, success_count, user_id, application_id, environment, metadata
) VALUES (
    $1, $2, $3, $4, $5, $6, $7,
    $8, $9, $10, $11, $12, $13,
    $14, $15
)"#,
        timescaledb: None,
        sqlite: r#"INSERT INTO llm_usage_metrics (
    time, model_id, provider, request_count, token_input, token_output, token_total, cost_usd,
    avg_latency_ms, error_count, success_count, user_id, application_id, environment, metadata
) VALUES (
    ?1, ?2, ?3, ?4, ?5, ?6, ?7,
    ?8, ?9, ?10, ?11, ?12, ?13,
    ?14, ?15
)"#,
    },
    copy: r#"COPY llm_usage_metrics (time, model_id, provider, request_count, token_input, token_output, token_total, cost_usd, avg_latency_ms, error_count, success_count, user_id, application_id, environment, metadata) FROM STDIN BINARY"#,
};

/// Exact usage per model and provider over a window (e.g. the last 24 hours), read from the raw
/// samples, most expensive first.
///
/// ```sql
/// SELECT model_id,
///        provider,
///        sum(request_count) AS total_requests,
///        sum(token_total) AS total_tokens,
///        sum(cost_usd) AS total_cost_usd,
///        sum(error_count) AS total_errors
/// FROM llm_usage_metrics
/// WHERE time >= @since AND time < @until
/// GROUP BY model_id, provider
/// ORDER BY total_cost_usd DESC, model_id, provider
/// ```
pub const SUMMARIZE_USAGE_BY_MODEL: Query = Query {
    name: "SummarizeUsageByModel",
    postgres: r#"SELECT model_id,
       provider,
       sum(request_count) AS total_requests,
       sum(token_total) AS total_tokens,
       sum(cost_usd) AS total_cost_usd,
       sum(error_count) AS total_errors
FROM llm_usage_metrics
WHERE time >= $1 AND time < $2
GROUP BY model_id, provider
ORDER BY total_cost_usd DESC, model_id, provider"#,
    timescaledb: None,
    sqlite: r#"SELECT model_id,
       provider,
       sum(request_count) AS total_requests,
       sum(token_total) AS total_tokens,
       sum(cost_usd) AS total_cost_usd,
       sum(error_count) AS total_errors
FROM llm_usage_metrics
WHERE time >= ?1 AND time < ?2
GROUP BY model_id, provider
ORDER BY total_cost_usd DESC, model_id, provider"#,
};

/// The same summary read from the hourly roll-up: cheaper over long windows, whole hours only.
/// On PostgreSQL the sums of the roll-up's bigint columns are numeric.
///
/// ```sql
/// SELECT model_id,
///        provider,
///        sum(request_count) AS total_requests,
///        sum(token_total) AS total_tokens,
///        sum(cost_usd) AS total_cost_usd,
///        sum(error_count) AS total_errors
/// FROM llm_usage_hourly
/// WHERE hour >= @since AND hour < @until
/// GROUP BY model_id, provider
/// ORDER BY total_cost_usd DESC, model_id, provider
/// ```
pub const SUMMARIZE_HOURLY_USAGE_BY_MODEL: Query = Query {
    name: "SummarizeHourlyUsageByModel",
    postgres: r#"SELECT model_id,
       provider,
       sum(request_count) AS total_requests,
       sum(token_total) AS total_tokens,
       sum(cost_usd) AS total_cost_usd,
       sum(error_count) AS total_errors
FROM llm_usage_hourly
WHERE hour >= $1 AND hour < $2
GROUP BY model_id, provider
ORDER BY total_cost_usd DESC, model_id, provider"#,
    timescaledb: None,
    sqlite: r#"SELECT model_id,
       provider,
       sum(request_count) AS total_requests,
       sum(token_total) AS total_tokens,
       sum(cost_usd) AS total_cost_usd,
       sum(error_count) AS total_errors
FROM llm_usage_hourly
WHERE hour >= ?1 AND hour < ?2
GROUP BY model_id, provider
ORDER BY total_cost_usd DESC, model_id, provider"#,
};

/// Hourly series of one model from the hourly roll-up, one row per hour and provider, oldest
/// first; pass a provider to narrow it, NULL for all.
///
/// ```sql
/// SELECT hour, model_id, provider, request_count, token_input, token_output, token_total, cost_usd,
///        avg_latency_ms, error_count, success_count, sample_count
/// FROM llm_usage_hourly
/// WHERE model_id = @model_id
///   AND hour >= @since
///   AND hour < @until
///   AND (provider = sqlc.narg(provider) OR sqlc.narg(provider) IS NULL)
/// ORDER BY hour, provider
/// ```
pub const LIST_HOURLY_USAGE_FOR_MODEL: Query = Query {
    name: "ListHourlyUsageForModel",
    postgres: r#"SELECT hour, model_id, provider, request_count, token_input, token_output, token_total, cost_usd,
       avg_latency_ms, error_count, success_count, sample_count
FROM llm_usage_hourly
WHERE model_id = $1
  AND hour >= $2
  AND hour < $3
  AND (provider = $4 OR $4 IS NULL)
ORDER BY hour, provider"#,
    timescaledb: None,
    sqlite: r#"SELECT hour, model_id, provider, request_count, token_input, token_output, token_total, cost_usd,
       avg_latency_ms, error_count, success_count, sample_count
FROM llm_usage_hourly
WHERE model_id = ?1
  AND hour >= ?2
  AND hour < ?3
  AND (provider = ?4 OR ?4 IS NULL)
ORDER BY hour, provider"#,
};

/// Live hourly series of one model for a dashboard: includes samples written seconds ago on every
/// dialect (overridden for postgres and timescaledb to bucket the raw samples directly).
///
/// ```sql
/// SELECT hour, provider, request_count, token_total, cost_usd, avg_latency_ms, error_count
/// FROM llm_usage_hourly
/// WHERE model_id = @model_id AND hour >= @since AND hour < @until
/// ORDER BY hour, provider
/// ```
pub const LIST_LIVE_HOURLY_USAGE_FOR_MODEL: Query = Query {
    name: "ListLiveHourlyUsageForModel",
    postgres: r#"SELECT date_bin(INTERVAL '1 hour', time, TIMESTAMPTZ '2000-01-03 00:00:00+00') AS hour,
       provider,
       sum(request_count) AS request_count,
       sum(token_total) AS token_total,
       sum(cost_usd) AS cost_usd,
       avg(avg_latency_ms) AS avg_latency_ms,
       sum(error_count) AS error_count
FROM llm_usage_metrics
WHERE model_id = $1 AND time >= $2 AND time < $3
GROUP BY date_bin(INTERVAL '1 hour', time, TIMESTAMPTZ '2000-01-03 00:00:00+00'), provider
ORDER BY hour, provider"#,
    timescaledb: Some(
        r#"SELECT time_bucket(INTERVAL '1 hour', time) AS hour,
       provider,
       sum(request_count) AS request_count,
       sum(token_total) AS token_total,
       sum(cost_usd) AS cost_usd,
       avg(avg_latency_ms) AS avg_latency_ms,
       sum(error_count) AS error_count
FROM llm_usage_metrics
WHERE model_id = $1 AND time >= $2 AND time < $3
GROUP BY time_bucket(INTERVAL '1 hour', time), provider
ORDER BY hour, provider"#,
    ),
    sqlite: r#"SELECT hour, provider, request_count, token_total, cost_usd, avg_latency_ms, error_count
FROM llm_usage_hourly
WHERE model_id = ?1 AND hour >= ?2 AND hour < ?3
ORDER BY hour, provider"#,
};

/// Daily rows of every model and provider in a window of days, oldest first; pass a model to
/// narrow it, NULL for all.
///
/// ```sql
/// SELECT day, model_id, provider, request_count, token_total, cost_usd, avg_latency_ms,
///        error_count, success_count
/// FROM llm_usage_daily
/// WHERE day >= @since
///   AND day < @until
///   AND (model_id = sqlc.narg(model_id) OR sqlc.narg(model_id) IS NULL)
/// ORDER BY day, model_id, provider
/// ```
pub const LIST_DAILY_USAGE: Query = Query {
    name: "ListDailyUsage",
    postgres: r#"SELECT day, model_id, provider, request_count, token_total, cost_usd, avg_latency_ms,
       error_count, success_count
FROM llm_usage_daily
WHERE day >= $1
  AND day < $2
  AND (model_id = $3 OR $3 IS NULL)
ORDER BY day, model_id, provider"#,
    timescaledb: None,
    sqlite: r#"SELECT day, model_id, provider, request_count, token_total, cost_usd, avg_latency_ms,
       error_count, success_count
FROM llm_usage_daily
WHERE day >= ?1
  AND day < ?2
  AND (model_id = ?3 OR ?3 IS NULL)
ORDER BY day, model_id, provider"#,
};

/// The most expensive models over a window of days, with their request and token totals.
///
/// ```sql
/// SELECT model_id,
///        sum(cost_usd) AS total_cost_usd,
///        sum(request_count) AS total_requests,
///        sum(token_total) AS total_tokens
/// FROM llm_usage_daily
/// WHERE day >= @since AND day < @until
/// GROUP BY model_id
/// ORDER BY total_cost_usd DESC, model_id
/// LIMIT @max_rows
/// ```
pub const LIST_TOP_MODELS_BY_COST: Query = Query {
    name: "ListTopModelsByCost",
    postgres: r#"SELECT model_id,
       sum(cost_usd) AS total_cost_usd,
       sum(request_count) AS total_requests,
       sum(token_total) AS total_tokens
FROM llm_usage_daily
WHERE day >= $1 AND day < $2
GROUP BY model_id
ORDER BY total_cost_usd DESC, model_id
LIMIT $3"#,
    timescaledb: None,
    sqlite: r#"SELECT model_id,
       sum(cost_usd) AS total_cost_usd,
       sum(request_count) AS total_requests,
       sum(token_total) AS total_tokens
FROM llm_usage_daily
WHERE day >= ?1 AND day < ?2
GROUP BY model_id
ORDER BY total_cost_usd DESC, model_id
LIMIT ?3"#,
};

/// Error rate per provider over a window, in percent of requests rounded to 0.01, worst first;
/// providers that served no requests in the window are left out.
///
/// ```sql
/// SELECT provider,
///        sum(request_count) AS total_requests,
///        sum(error_count) AS total_errors,
///        round(100.0 * COALESCE(sum(error_count), 0) / sum(request_count), 2) AS error_rate_pct
/// FROM llm_usage_metrics
/// WHERE time >= @since AND time < @until
/// GROUP BY provider
/// HAVING sum(request_count) > 0
/// ORDER BY error_rate_pct DESC, provider
/// ```
pub const ERROR_RATE_BY_PROVIDER: Query = Query {
    name: "ErrorRateByProvider",
    postgres: r#"SELECT provider,
       sum(request_count) AS total_requests,
       sum(error_count) AS total_errors,
       round(100.0 * COALESCE(sum(error_count), 0) / sum(request_count), 2) AS error_rate_pct
FROM llm_usage_metrics
WHERE time >= $1 AND time < $2
GROUP BY provider
HAVING sum(request_count) > 0
ORDER BY error_rate_pct DESC, provider"#,
    timescaledb: None,
    sqlite: r#"SELECT provider,
       sum(request_count) AS total_requests,
       sum(error_count) AS total_errors,
       round(100.0 * COALESCE(sum(error_count), 0) / sum(request_count), 2) AS error_rate_pct
FROM llm_usage_metrics
WHERE time >= ?1 AND time < ?2
GROUP BY provider
HAVING sum(request_count) > 0
ORDER BY error_rate_pct DESC, provider"#,
};

/// Request-weighted mean latency per model over a window (the roll-ups only hold the unweighted
/// mean of the samples' averages).
///
/// ```sql
/// SELECT model_id,
///        sum(request_count) AS total_requests,
///        sum(avg_latency_ms * request_count) / NULLIF(sum(request_count), 0) AS weighted_avg_latency_ms
/// FROM llm_usage_metrics
/// WHERE time >= @since AND time < @until
/// GROUP BY model_id
/// ORDER BY model_id
/// ```
pub const WEIGHTED_LATENCY_BY_MODEL: Query = Query {
    name: "WeightedLatencyByModel",
    postgres: r#"SELECT model_id,
       sum(request_count) AS total_requests,
       sum(avg_latency_ms * request_count) / NULLIF(sum(request_count), 0) AS weighted_avg_latency_ms
FROM llm_usage_metrics
WHERE time >= $1 AND time < $2
GROUP BY model_id
ORDER BY model_id"#,
    timescaledb: None,
    sqlite: r#"SELECT model_id,
       sum(request_count) AS total_requests,
       sum(avg_latency_ms * request_count) / NULLIF(sum(request_count), 0) AS weighted_avg_latency_ms
FROM llm_usage_metrics
WHERE time >= ?1 AND time < ?2
GROUP BY model_id
ORDER BY model_id"#,
};

/// Usage per application and environment over a window: dimensions the roll-ups do not keep.
///
/// ```sql
/// SELECT application_id,
///        environment,
///        sum(request_count) AS total_requests,
///        sum(token_total) AS total_tokens,
///        sum(cost_usd) AS total_cost_usd
/// FROM llm_usage_metrics
/// WHERE time >= @since AND time < @until
/// GROUP BY application_id, environment
/// ORDER BY total_cost_usd DESC, application_id, environment
/// ```
pub const SUMMARIZE_USAGE_BY_APPLICATION: Query = Query {
    name: "SummarizeUsageByApplication",
    postgres: r#"SELECT application_id,
       environment,
       sum(request_count) AS total_requests,
       sum(token_total) AS total_tokens,
       sum(cost_usd) AS total_cost_usd
FROM llm_usage_metrics
WHERE time >= $1 AND time < $2
GROUP BY application_id, environment
ORDER BY total_cost_usd DESC, application_id, environment"#,
    timescaledb: None,
    sqlite: r#"SELECT application_id,
       environment,
       sum(request_count) AS total_requests,
       sum(token_total) AS total_tokens,
       sum(cost_usd) AS total_cost_usd
FROM llm_usage_metrics
WHERE time >= ?1 AND time < ?2
GROUP BY application_id, environment
ORDER BY total_cost_usd DESC, application_id, environment"#,
};

/// The time of the newest sample (NULL when there is none), to alert when writers stop.
///
/// ```sql
/// SELECT max(time) AS latest_time
/// FROM llm_usage_metrics
/// ```
pub const GET_LATEST_USAGE_TIME: Query = Query {
    name: "GetLatestUsageTime",
    postgres: r#"SELECT max(time) AS latest_time
FROM llm_usage_metrics"#,
    timescaledb: None,
    sqlite: r#"SELECT max(time) AS latest_time
FROM llm_usage_metrics"#,
};

/// Delete samples older than a cut-off: retention where no TimescaleDB policy runs (SQLite,
/// plain PostgreSQL). Returns the number of rows deleted.
///
/// ```sql
/// DELETE FROM llm_usage_metrics
/// WHERE time < @before
/// ```
pub const DELETE_USAGE_METRICS_BEFORE: Query = Query {
    name: "DeleteUsageMetricsBefore",
    postgres: r#"DELETE FROM llm_usage_metrics
WHERE time < $1"#,
    timescaledb: None,
    sqlite: r#"DELETE FROM llm_usage_metrics
WHERE time < ?1"#,
};

/// The queries on the rusqlite backend.
#[cfg(feature = "rusqlite")]
pub mod sqlite {
    use super::*;
    use crate::runtime::sqlite::{BulkInsert, Call};
    use crate::runtime::Error;

    /// Record one usage sample of a model.
    ///
    /// The SQL: [`INSERT_USAGE_METRIC`](super::INSERT_USAGE_METRIC).
    #[inline]
    pub fn insert_usage_metric(
        conn: &rusqlite::Connection,
        params: &InsertUsageMetricParams<'_>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &INSERT_USAGE_METRIC)?;
        call.bind(&params.time)?;
        call.bind(&params.model_id)?;
        call.bind(&params.provider)?;
        call.bind(&params.request_count)?;
        call.bind(&params.token_input)?;
        call.bind(&params.token_output)?;
        call.bind(&params.token_total)?;
        call.bind(&params.cost_usd)?;
        call.bind(&params.avg_latency_ms)?;
        call.bind(&params.error_count)?;
        call.bind(&params.success_count)?;
        call.bind(&params.user_id)?;
        call.bind(&params.application_id)?;
        call.bind(&params.environment)?;
        call.bind(&params.metadata)?;
        call.exec()
    }

    /// Many usage samples at once, as a collector flushes its buffer: one binary COPY on PostgreSQL,
    /// one prepared insert per row inside a savepoint on SQLite. Returns how many rows went in.
    ///
    /// The SQL: [`COPY_USAGE_METRICS`](super::COPY_USAGE_METRICS).
    #[inline]
    pub fn copy_usage_metrics(
        conn: &rusqlite::Connection,
        rows: &[CopyUsageMetricsParams<'_>],
    ) -> Result<u64, Error> {
        let mut bulk = BulkInsert::new(conn, &COPY_USAGE_METRICS)?;
        for row in rows {
            bulk.field(&row.time)?;
            bulk.field(&row.model_id)?;
            bulk.field(&row.provider)?;
            bulk.field(&row.request_count)?;
            bulk.field(&row.token_input)?;
            bulk.field(&row.token_output)?;
            bulk.field(&row.token_total)?;
            bulk.field(&row.cost_usd)?;
            bulk.field(&row.avg_latency_ms)?;
            bulk.field(&row.error_count)?;
            bulk.field(&row.success_count)?;
            bulk.field(&row.user_id)?;
            bulk.field(&row.application_id)?;
            bulk.field(&row.environment)?;
            bulk.field(&row.metadata)?;
            bulk.end_row()?;
        }
        bulk.finish()
    }

    /// Exact usage per model and provider over a window (e.g. the last 24 hours), read from the raw
    /// samples, most expensive first.
    ///
    /// The SQL: [`SUMMARIZE_USAGE_BY_MODEL`](super::SUMMARIZE_USAGE_BY_MODEL).
    #[inline]
    pub fn summarize_usage_by_model(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<SummarizeUsageByModelRow>, Error> {
        let mut call = Call::new(conn, &SUMMARIZE_USAGE_BY_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Exact usage per model and provider over a window (e.g. the last 24 hours), read from the raw
    /// samples, most expensive first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_USAGE_BY_MODEL`](super::SUMMARIZE_USAGE_BY_MODEL).
    #[inline]
    pub fn summarize_usage_by_model_for_each(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(SummarizeUsageByModelRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &SUMMARIZE_USAGE_BY_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// The same summary read from the hourly roll-up: cheaper over long windows, whole hours only.
    /// On PostgreSQL the sums of the roll-up's bigint columns are numeric.
    ///
    /// The SQL: [`SUMMARIZE_HOURLY_USAGE_BY_MODEL`](super::SUMMARIZE_HOURLY_USAGE_BY_MODEL).
    #[inline]
    pub fn summarize_hourly_usage_by_model(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<SummarizeHourlyUsageByModelRow>, Error> {
        let mut call = Call::new(conn, &SUMMARIZE_HOURLY_USAGE_BY_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// The same summary read from the hourly roll-up: cheaper over long windows, whole hours only.
    /// On PostgreSQL the sums of the roll-up's bigint columns are numeric.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_HOURLY_USAGE_BY_MODEL`](super::SUMMARIZE_HOURLY_USAGE_BY_MODEL).
    #[inline]
    pub fn summarize_hourly_usage_by_model_for_each(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(SummarizeHourlyUsageByModelRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &SUMMARIZE_HOURLY_USAGE_BY_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// Hourly series of one model from the hourly roll-up, one row per hour and provider, oldest
    /// first; pass a provider to narrow it, NULL for all.
    ///
    /// The SQL: [`LIST_HOURLY_USAGE_FOR_MODEL`](super::LIST_HOURLY_USAGE_FOR_MODEL).
    #[inline]
    pub fn list_hourly_usage_for_model(
        conn: &rusqlite::Connection,
        model_id: &str,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        provider: Option<&str>,
    ) -> Result<Vec<ListHourlyUsageForModelRow>, Error> {
        let mut call = Call::new(conn, &LIST_HOURLY_USAGE_FOR_MODEL)?;
        call.bind(&model_id)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&provider)?;
        call.many()
    }

    /// Hourly series of one model from the hourly roll-up, one row per hour and provider, oldest
    /// first; pass a provider to narrow it, NULL for all.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_HOURLY_USAGE_FOR_MODEL`](super::LIST_HOURLY_USAGE_FOR_MODEL).
    #[inline]
    pub fn list_hourly_usage_for_model_for_each(
        conn: &rusqlite::Connection,
        model_id: &str,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        provider: Option<&str>,
        f: impl FnMut(ListHourlyUsageForModelRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_HOURLY_USAGE_FOR_MODEL)?;
        call.bind(&model_id)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&provider)?;
        call.for_each(f)
    }

    /// Live hourly series of one model for a dashboard: includes samples written seconds ago on every
    /// dialect (overridden for postgres and timescaledb to bucket the raw samples directly).
    ///
    /// The SQL: [`LIST_LIVE_HOURLY_USAGE_FOR_MODEL`](super::LIST_LIVE_HOURLY_USAGE_FOR_MODEL).
    #[inline]
    pub fn list_live_hourly_usage_for_model(
        conn: &rusqlite::Connection,
        model_id: &str,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<ListLiveHourlyUsageForModelRow>, Error> {
        let mut call = Call::new(conn, &LIST_LIVE_HOURLY_USAGE_FOR_MODEL)?;
        call.bind(&model_id)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Live hourly series of one model for a dashboard: includes samples written seconds ago on every
    /// dialect (overridden for postgres and timescaledb to bucket the raw samples directly).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_LIVE_HOURLY_USAGE_FOR_MODEL`](super::LIST_LIVE_HOURLY_USAGE_FOR_MODEL).
    #[inline]
    pub fn list_live_hourly_usage_for_model_for_each(
        conn: &rusqlite::Connection,
        model_id: &str,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(ListLiveHourlyUsageForModelRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_LIVE_HOURLY_USAGE_FOR_MODEL)?;
        call.bind(&model_id)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// Daily rows of every model and provider in a window of days, oldest first; pass a model to
    /// narrow it, NULL for all.
    ///
    /// The SQL: [`LIST_DAILY_USAGE`](super::LIST_DAILY_USAGE).
    #[inline]
    pub fn list_daily_usage(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        model_id: Option<&str>,
    ) -> Result<Vec<ListDailyUsageRow>, Error> {
        let mut call = Call::new(conn, &LIST_DAILY_USAGE)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&model_id)?;
        call.many()
    }

    /// Daily rows of every model and provider in a window of days, oldest first; pass a model to
    /// narrow it, NULL for all.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_DAILY_USAGE`](super::LIST_DAILY_USAGE).
    #[inline]
    pub fn list_daily_usage_for_each(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        model_id: Option<&str>,
        f: impl FnMut(ListDailyUsageRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_DAILY_USAGE)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&model_id)?;
        call.for_each(f)
    }

    /// The most expensive models over a window of days, with their request and token totals.
    ///
    /// The SQL: [`LIST_TOP_MODELS_BY_COST`](super::LIST_TOP_MODELS_BY_COST).
    #[inline]
    pub fn list_top_models_by_cost(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        max_rows: i64,
    ) -> Result<Vec<ListTopModelsByCostRow>, Error> {
        let mut call = Call::new(conn, &LIST_TOP_MODELS_BY_COST)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// The most expensive models over a window of days, with their request and token totals.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_TOP_MODELS_BY_COST`](super::LIST_TOP_MODELS_BY_COST).
    #[inline]
    pub fn list_top_models_by_cost_for_each(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        max_rows: i64,
        f: impl FnMut(ListTopModelsByCostRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_TOP_MODELS_BY_COST)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Error rate per provider over a window, in percent of requests rounded to 0.01, worst first;
    /// providers that served no requests in the window are left out.
    ///
    /// The SQL: [`ERROR_RATE_BY_PROVIDER`](super::ERROR_RATE_BY_PROVIDER).
    #[inline]
    pub fn error_rate_by_provider(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<ErrorRateByProviderRow>, Error> {
        let mut call = Call::new(conn, &ERROR_RATE_BY_PROVIDER)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Error rate per provider over a window, in percent of requests rounded to 0.01, worst first;
    /// providers that served no requests in the window are left out.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`ERROR_RATE_BY_PROVIDER`](super::ERROR_RATE_BY_PROVIDER).
    #[inline]
    pub fn error_rate_by_provider_for_each(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(ErrorRateByProviderRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &ERROR_RATE_BY_PROVIDER)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// Request-weighted mean latency per model over a window (the roll-ups only hold the unweighted
    /// mean of the samples' averages).
    ///
    /// The SQL: [`WEIGHTED_LATENCY_BY_MODEL`](super::WEIGHTED_LATENCY_BY_MODEL).
    #[inline]
    pub fn weighted_latency_by_model(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<WeightedLatencyByModelRow>, Error> {
        let mut call = Call::new(conn, &WEIGHTED_LATENCY_BY_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Request-weighted mean latency per model over a window (the roll-ups only hold the unweighted
    /// mean of the samples' averages).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`WEIGHTED_LATENCY_BY_MODEL`](super::WEIGHTED_LATENCY_BY_MODEL).
    #[inline]
    pub fn weighted_latency_by_model_for_each(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(WeightedLatencyByModelRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &WEIGHTED_LATENCY_BY_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// Usage per application and environment over a window: dimensions the roll-ups do not keep.
    ///
    /// The SQL: [`SUMMARIZE_USAGE_BY_APPLICATION`](super::SUMMARIZE_USAGE_BY_APPLICATION).
    #[inline]
    pub fn summarize_usage_by_application(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<SummarizeUsageByApplicationRow>, Error> {
        let mut call = Call::new(conn, &SUMMARIZE_USAGE_BY_APPLICATION)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Usage per application and environment over a window: dimensions the roll-ups do not keep.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_USAGE_BY_APPLICATION`](super::SUMMARIZE_USAGE_BY_APPLICATION).
    #[inline]
    pub fn summarize_usage_by_application_for_each(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(SummarizeUsageByApplicationRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &SUMMARIZE_USAGE_BY_APPLICATION)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// The time of the newest sample (NULL when there is none), to alert when writers stop.
    ///
    /// The SQL: [`GET_LATEST_USAGE_TIME`](super::GET_LATEST_USAGE_TIME).
    #[inline]
    pub fn get_latest_usage_time(
        conn: &rusqlite::Connection,
    ) -> Result<Option<chrono::DateTime<chrono::Utc>>, Error> {
        let call = Call::new(conn, &GET_LATEST_USAGE_TIME)?;
        call.one()
    }

    /// The time of the newest sample (NULL when there is none), to alert when writers stop.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_LATEST_USAGE_TIME`](super::GET_LATEST_USAGE_TIME).
    #[inline]
    pub fn get_latest_usage_time_opt(
        conn: &rusqlite::Connection,
    ) -> Result<Option<Option<chrono::DateTime<chrono::Utc>>>, Error> {
        let call = Call::new(conn, &GET_LATEST_USAGE_TIME)?;
        call.opt()
    }

    /// Delete samples older than a cut-off: retention where no TimescaleDB policy runs (SQLite,
    /// plain PostgreSQL). Returns the number of rows deleted.
    ///
    /// The SQL: [`DELETE_USAGE_METRICS_BEFORE`](super::DELETE_USAGE_METRICS_BEFORE).
    #[inline]
    pub fn delete_usage_metrics_before(
        conn: &rusqlite::Connection,
        before: chrono::DateTime<chrono::Utc>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &DELETE_USAGE_METRICS_BEFORE)?;
        call.bind(&before)?;
        call.execrows()
    }
}

/// The queries on the postgres backend (synchronous).
#[cfg(feature = "postgres")]
pub mod pg {
    use super::*;
    use crate::runtime::pg::{BulkInsert, Call, Executor};
    use crate::runtime::Error;

    /// Record one usage sample of a model.
    ///
    /// The SQL: [`INSERT_USAGE_METRIC`](super::INSERT_USAGE_METRIC).
    pub fn insert_usage_metric(
        client: &mut impl Executor,
        params: &InsertUsageMetricParams<'_>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &INSERT_USAGE_METRIC)?;
        call.bind(&params.time)?;
        call.bind(&params.model_id)?;
        call.bind(&params.provider)?;
        call.bind(&params.request_count)?;
        call.bind(&params.token_input)?;
        call.bind(&params.token_output)?;
        call.bind(&params.token_total)?;
        call.bind(&params.cost_usd)?;
        call.bind(&params.avg_latency_ms)?;
        call.bind(&params.error_count)?;
        call.bind(&params.success_count)?;
        call.bind(&params.user_id)?;
        call.bind(&params.application_id)?;
        call.bind(&params.environment)?;
        call.bind(&params.metadata)?;
        call.exec()
    }

    /// Many usage samples at once, as a collector flushes its buffer: one binary COPY on PostgreSQL,
    /// one prepared insert per row inside a savepoint on SQLite. Returns how many rows went in.
    ///
    /// The SQL: [`COPY_USAGE_METRICS`](super::COPY_USAGE_METRICS).
    pub fn copy_usage_metrics(
        client: &mut impl Executor,
        rows: &[CopyUsageMetricsParams<'_>],
    ) -> Result<u64, Error> {
        let mut bulk = BulkInsert::new(client, &COPY_USAGE_METRICS)?;
        for row in rows {
            bulk.field(&row.time)?;
            bulk.field(&row.model_id)?;
            bulk.field(&row.provider)?;
            bulk.field(&row.request_count)?;
            bulk.field(&row.token_input)?;
            bulk.field(&row.token_output)?;
            bulk.field(&row.token_total)?;
            bulk.field(&row.cost_usd)?;
            bulk.field(&row.avg_latency_ms)?;
            bulk.field(&row.error_count)?;
            bulk.field(&row.success_count)?;
            bulk.field(&row.user_id)?;
            bulk.field(&row.application_id)?;
            bulk.field(&row.environment)?;
            bulk.field(&row.metadata)?;
            bulk.end_row()?;
        }
        bulk.finish()
    }

    /// Exact usage per model and provider over a window (e.g. the last 24 hours), read from the raw
    /// samples, most expensive first.
    ///
    /// The SQL: [`SUMMARIZE_USAGE_BY_MODEL`](super::SUMMARIZE_USAGE_BY_MODEL).
    pub fn summarize_usage_by_model(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<SummarizeUsageByModelRow>, Error> {
        let mut call = Call::new(client, &SUMMARIZE_USAGE_BY_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Exact usage per model and provider over a window (e.g. the last 24 hours), read from the raw
    /// samples, most expensive first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_USAGE_BY_MODEL`](super::SUMMARIZE_USAGE_BY_MODEL).
    pub fn summarize_usage_by_model_for_each(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(SummarizeUsageByModelRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &SUMMARIZE_USAGE_BY_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// The same summary read from the hourly roll-up: cheaper over long windows, whole hours only.
    /// On PostgreSQL the sums of the roll-up's bigint columns are numeric.
    ///
    /// The SQL: [`SUMMARIZE_HOURLY_USAGE_BY_MODEL`](super::SUMMARIZE_HOURLY_USAGE_BY_MODEL).
    pub fn summarize_hourly_usage_by_model(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<SummarizeHourlyUsageByModelRow>, Error> {
        let mut call = Call::new(client, &SUMMARIZE_HOURLY_USAGE_BY_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// The same summary read from the hourly roll-up: cheaper over long windows, whole hours only.
    /// On PostgreSQL the sums of the roll-up's bigint columns are numeric.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_HOURLY_USAGE_BY_MODEL`](super::SUMMARIZE_HOURLY_USAGE_BY_MODEL).
    pub fn summarize_hourly_usage_by_model_for_each(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(SummarizeHourlyUsageByModelRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &SUMMARIZE_HOURLY_USAGE_BY_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// Hourly series of one model from the hourly roll-up, one row per hour and provider, oldest
    /// first; pass a provider to narrow it, NULL for all.
    ///
    /// The SQL: [`LIST_HOURLY_USAGE_FOR_MODEL`](super::LIST_HOURLY_USAGE_FOR_MODEL).
    pub fn list_hourly_usage_for_model(
        client: &mut impl Executor,
        model_id: &str,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        provider: Option<&str>,
    ) -> Result<Vec<ListHourlyUsageForModelRow>, Error> {
        let mut call = Call::new(client, &LIST_HOURLY_USAGE_FOR_MODEL)?;
        call.bind(&model_id)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&provider)?;
        call.many()
    }

    /// Hourly series of one model from the hourly roll-up, one row per hour and provider, oldest
    /// first; pass a provider to narrow it, NULL for all.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_HOURLY_USAGE_FOR_MODEL`](super::LIST_HOURLY_USAGE_FOR_MODEL).
    pub fn list_hourly_usage_for_model_for_each(
        client: &mut impl Executor,
        model_id: &str,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        provider: Option<&str>,
        f: impl FnMut(ListHourlyUsageForModelRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_HOURLY_USAGE_FOR_MODEL)?;
        call.bind(&model_id)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&provider)?;
        call.for_each(f)
    }

    /// Live hourly series of one model for a dashboard: includes samples written seconds ago on every
    /// dialect (overridden for postgres and timescaledb to bucket the raw samples directly).
    ///
    /// The SQL: [`LIST_LIVE_HOURLY_USAGE_FOR_MODEL`](super::LIST_LIVE_HOURLY_USAGE_FOR_MODEL).
    pub fn list_live_hourly_usage_for_model(
        client: &mut impl Executor,
        model_id: &str,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<ListLiveHourlyUsageForModelRow>, Error> {
        let mut call = Call::new(client, &LIST_LIVE_HOURLY_USAGE_FOR_MODEL)?;
        call.bind(&model_id)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Live hourly series of one model for a dashboard: includes samples written seconds ago on every
    /// dialect (overridden for postgres and timescaledb to bucket the raw samples directly).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_LIVE_HOURLY_USAGE_FOR_MODEL`](super::LIST_LIVE_HOURLY_USAGE_FOR_MODEL).
    pub fn list_live_hourly_usage_for_model_for_each(
        client: &mut impl Executor,
        model_id: &str,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(ListLiveHourlyUsageForModelRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_LIVE_HOURLY_USAGE_FOR_MODEL)?;
        call.bind(&model_id)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// Daily rows of every model and provider in a window of days, oldest first; pass a model to
    /// narrow it, NULL for all.
    ///
    /// The SQL: [`LIST_DAILY_USAGE`](super::LIST_DAILY_USAGE).
    pub fn list_daily_usage(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        model_id: Option<&str>,
    ) -> Result<Vec<ListDailyUsageRow>, Error> {
        let mut call = Call::new(client, &LIST_DAILY_USAGE)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&model_id)?;
        call.many()
    }

    /// Daily rows of every model and provider in a window of days, oldest first; pass a model to
    /// narrow it, NULL for all.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_DAILY_USAGE`](super::LIST_DAILY_USAGE).
    pub fn list_daily_usage_for_each(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        model_id: Option<&str>,
        f: impl FnMut(ListDailyUsageRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_DAILY_USAGE)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&model_id)?;
        call.for_each(f)
    }

    /// The most expensive models over a window of days, with their request and token totals.
    ///
    /// The SQL: [`LIST_TOP_MODELS_BY_COST`](super::LIST_TOP_MODELS_BY_COST).
    pub fn list_top_models_by_cost(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        max_rows: i64,
    ) -> Result<Vec<ListTopModelsByCostRow>, Error> {
        let mut call = Call::new(client, &LIST_TOP_MODELS_BY_COST)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// The most expensive models over a window of days, with their request and token totals.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_TOP_MODELS_BY_COST`](super::LIST_TOP_MODELS_BY_COST).
    pub fn list_top_models_by_cost_for_each(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        max_rows: i64,
        f: impl FnMut(ListTopModelsByCostRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_TOP_MODELS_BY_COST)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Error rate per provider over a window, in percent of requests rounded to 0.01, worst first;
    /// providers that served no requests in the window are left out.
    ///
    /// The SQL: [`ERROR_RATE_BY_PROVIDER`](super::ERROR_RATE_BY_PROVIDER).
    pub fn error_rate_by_provider(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<ErrorRateByProviderRow>, Error> {
        let mut call = Call::new(client, &ERROR_RATE_BY_PROVIDER)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Error rate per provider over a window, in percent of requests rounded to 0.01, worst first;
    /// providers that served no requests in the window are left out.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`ERROR_RATE_BY_PROVIDER`](super::ERROR_RATE_BY_PROVIDER).
    pub fn error_rate_by_provider_for_each(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(ErrorRateByProviderRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &ERROR_RATE_BY_PROVIDER)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// Request-weighted mean latency per model over a window (the roll-ups only hold the unweighted
    /// mean of the samples' averages).
    ///
    /// The SQL: [`WEIGHTED_LATENCY_BY_MODEL`](super::WEIGHTED_LATENCY_BY_MODEL).
    pub fn weighted_latency_by_model(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<WeightedLatencyByModelRow>, Error> {
        let mut call = Call::new(client, &WEIGHTED_LATENCY_BY_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Request-weighted mean latency per model over a window (the roll-ups only hold the unweighted
    /// mean of the samples' averages).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`WEIGHTED_LATENCY_BY_MODEL`](super::WEIGHTED_LATENCY_BY_MODEL).
    pub fn weighted_latency_by_model_for_each(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(WeightedLatencyByModelRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &WEIGHTED_LATENCY_BY_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// Usage per application and environment over a window: dimensions the roll-ups do not keep.
    ///
    /// The SQL: [`SUMMARIZE_USAGE_BY_APPLICATION`](super::SUMMARIZE_USAGE_BY_APPLICATION).
    pub fn summarize_usage_by_application(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<SummarizeUsageByApplicationRow>, Error> {
        let mut call = Call::new(client, &SUMMARIZE_USAGE_BY_APPLICATION)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Usage per application and environment over a window: dimensions the roll-ups do not keep.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_USAGE_BY_APPLICATION`](super::SUMMARIZE_USAGE_BY_APPLICATION).
    pub fn summarize_usage_by_application_for_each(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(SummarizeUsageByApplicationRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &SUMMARIZE_USAGE_BY_APPLICATION)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// The time of the newest sample (NULL when there is none), to alert when writers stop.
    ///
    /// The SQL: [`GET_LATEST_USAGE_TIME`](super::GET_LATEST_USAGE_TIME).
    pub fn get_latest_usage_time(
        client: &mut impl Executor,
    ) -> Result<Option<chrono::DateTime<chrono::Utc>>, Error> {
        let call = Call::new(client, &GET_LATEST_USAGE_TIME)?;
        call.one()
    }

    /// The time of the newest sample (NULL when there is none), to alert when writers stop.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_LATEST_USAGE_TIME`](super::GET_LATEST_USAGE_TIME).
    pub fn get_latest_usage_time_opt(
        client: &mut impl Executor,
    ) -> Result<Option<Option<chrono::DateTime<chrono::Utc>>>, Error> {
        let call = Call::new(client, &GET_LATEST_USAGE_TIME)?;
        call.opt()
    }

    /// Delete samples older than a cut-off: retention where no TimescaleDB policy runs (SQLite,
    /// plain PostgreSQL). Returns the number of rows deleted.
    ///
    /// The SQL: [`DELETE_USAGE_METRICS_BEFORE`](super::DELETE_USAGE_METRICS_BEFORE).
    pub fn delete_usage_metrics_before(
        client: &mut impl Executor,
        before: chrono::DateTime<chrono::Utc>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &DELETE_USAGE_METRICS_BEFORE)?;
        call.bind(&before)?;
        call.execrows()
    }
}

/// The queries on the tokio-postgres backend (asynchronous).
#[cfg(feature = "tokio-postgres")]
pub mod pg_async {
    use std::future::Future;

    use super::*;
    use crate::runtime::pg_async::{self as run, BulkInsert, Executor, Rows};
    use crate::runtime::Error;

    /// Record one usage sample of a model.
    ///
    /// The SQL: [`INSERT_USAGE_METRIC`](super::INSERT_USAGE_METRIC).
    pub fn insert_usage_metric<'a>(
        client: &'a impl Executor,
        params: &'a InsertUsageMetricParams<'a>,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::exec(client, &INSERT_USAGE_METRIC, params)
    }

    /// Many usage samples at once, as a collector flushes its buffer: one binary COPY on PostgreSQL,
    /// one prepared insert per row inside a savepoint on SQLite. Returns how many rows went in.
    ///
    /// The SQL: [`COPY_USAGE_METRICS`](super::COPY_USAGE_METRICS).
    pub async fn copy_usage_metrics(
        client: &impl Executor,
        rows: &[CopyUsageMetricsParams<'_>],
    ) -> Result<u64, Error> {
        let mut bulk = BulkInsert::new(client, &COPY_USAGE_METRICS).await?;
        for row in rows {
            bulk.field(&row.time)?;
            bulk.field(&row.model_id)?;
            bulk.field(&row.provider)?;
            bulk.field(&row.request_count)?;
            bulk.field(&row.token_input)?;
            bulk.field(&row.token_output)?;
            bulk.field(&row.token_total)?;
            bulk.field(&row.cost_usd)?;
            bulk.field(&row.avg_latency_ms)?;
            bulk.field(&row.error_count)?;
            bulk.field(&row.success_count)?;
            bulk.field(&row.user_id)?;
            bulk.field(&row.application_id)?;
            bulk.field(&row.environment)?;
            bulk.field(&row.metadata)?;
            bulk.end_row().await?;
        }
        bulk.finish().await
    }

    /// Exact usage per model and provider over a window (e.g. the last 24 hours), read from the raw
    /// samples, most expensive first.
    ///
    /// The SQL: [`SUMMARIZE_USAGE_BY_MODEL`](super::SUMMARIZE_USAGE_BY_MODEL).
    pub fn summarize_usage_by_model<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Vec<SummarizeUsageByModelRow>, Error>> + 'a {
        run::many(client, &SUMMARIZE_USAGE_BY_MODEL, (since, until))
    }

    /// Exact usage per model and provider over a window (e.g. the last 24 hours), read from the raw
    /// samples, most expensive first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_USAGE_BY_MODEL`](super::SUMMARIZE_USAGE_BY_MODEL).
    pub fn summarize_usage_by_model_for_each<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(SummarizeUsageByModelRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &SUMMARIZE_USAGE_BY_MODEL, (since, until), f)
    }

    /// Exact usage per model and provider over a window (e.g. the last 24 hours), read from the raw
    /// samples, most expensive first.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`SUMMARIZE_USAGE_BY_MODEL`](super::SUMMARIZE_USAGE_BY_MODEL).
    pub fn summarize_usage_by_model_stream<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Rows<SummarizeUsageByModelRow>, Error>> + 'a {
        run::stream(client, &SUMMARIZE_USAGE_BY_MODEL, (since, until))
    }

    /// The same summary read from the hourly roll-up: cheaper over long windows, whole hours only.
    /// On PostgreSQL the sums of the roll-up's bigint columns are numeric.
    ///
    /// The SQL: [`SUMMARIZE_HOURLY_USAGE_BY_MODEL`](super::SUMMARIZE_HOURLY_USAGE_BY_MODEL).
    pub fn summarize_hourly_usage_by_model<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Vec<SummarizeHourlyUsageByModelRow>, Error>> + 'a {
        run::many(client, &SUMMARIZE_HOURLY_USAGE_BY_MODEL, (since, until))
    }

    /// The same summary read from the hourly roll-up: cheaper over long windows, whole hours only.
    /// On PostgreSQL the sums of the roll-up's bigint columns are numeric.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_HOURLY_USAGE_BY_MODEL`](super::SUMMARIZE_HOURLY_USAGE_BY_MODEL).
    pub fn summarize_hourly_usage_by_model_for_each<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(SummarizeHourlyUsageByModelRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &SUMMARIZE_HOURLY_USAGE_BY_MODEL, (since, until), f)
    }

    /// The same summary read from the hourly roll-up: cheaper over long windows, whole hours only.
    /// On PostgreSQL the sums of the roll-up's bigint columns are numeric.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`SUMMARIZE_HOURLY_USAGE_BY_MODEL`](super::SUMMARIZE_HOURLY_USAGE_BY_MODEL).
    pub fn summarize_hourly_usage_by_model_stream<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Rows<SummarizeHourlyUsageByModelRow>, Error>> + 'a {
        run::stream(client, &SUMMARIZE_HOURLY_USAGE_BY_MODEL, (since, until))
    }

    /// Hourly series of one model from the hourly roll-up, one row per hour and provider, oldest
    /// first; pass a provider to narrow it, NULL for all.
    ///
    /// The SQL: [`LIST_HOURLY_USAGE_FOR_MODEL`](super::LIST_HOURLY_USAGE_FOR_MODEL).
    pub fn list_hourly_usage_for_model<'a>(
        client: &'a impl Executor,
        model_id: &'a str,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        provider: Option<&'a str>,
    ) -> impl Future<Output = Result<Vec<ListHourlyUsageForModelRow>, Error>> + 'a {
        run::many(
            client,
            &LIST_HOURLY_USAGE_FOR_MODEL,
            (model_id, since, until, provider),
        )
    }

    /// Hourly series of one model from the hourly roll-up, one row per hour and provider, oldest
    /// first; pass a provider to narrow it, NULL for all.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_HOURLY_USAGE_FOR_MODEL`](super::LIST_HOURLY_USAGE_FOR_MODEL).
    pub fn list_hourly_usage_for_model_for_each<'a>(
        client: &'a impl Executor,
        model_id: &'a str,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        provider: Option<&'a str>,
        f: impl FnMut(ListHourlyUsageForModelRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(
            client,
            &LIST_HOURLY_USAGE_FOR_MODEL,
            (model_id, since, until, provider),
            f,
        )
    }

    /// Hourly series of one model from the hourly roll-up, one row per hour and provider, oldest
    /// first; pass a provider to narrow it, NULL for all.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_HOURLY_USAGE_FOR_MODEL`](super::LIST_HOURLY_USAGE_FOR_MODEL).
    pub fn list_hourly_usage_for_model_stream<'a>(
        client: &'a impl Executor,
        model_id: &'a str,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        provider: Option<&'a str>,
    ) -> impl Future<Output = Result<Rows<ListHourlyUsageForModelRow>, Error>> + 'a {
        run::stream(
            client,
            &LIST_HOURLY_USAGE_FOR_MODEL,
            (model_id, since, until, provider),
        )
    }

    /// Live hourly series of one model for a dashboard: includes samples written seconds ago on every
    /// dialect (overridden for postgres and timescaledb to bucket the raw samples directly).
    ///
    /// The SQL: [`LIST_LIVE_HOURLY_USAGE_FOR_MODEL`](super::LIST_LIVE_HOURLY_USAGE_FOR_MODEL).
    pub fn list_live_hourly_usage_for_model<'a>(
        client: &'a impl Executor,
        model_id: &'a str,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Vec<ListLiveHourlyUsageForModelRow>, Error>> + 'a {
        run::many(
            client,
            &LIST_LIVE_HOURLY_USAGE_FOR_MODEL,
            (model_id, since, until),
        )
    }

    /// Live hourly series of one model for a dashboard: includes samples written seconds ago on every
    /// dialect (overridden for postgres and timescaledb to bucket the raw samples directly).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_LIVE_HOURLY_USAGE_FOR_MODEL`](super::LIST_LIVE_HOURLY_USAGE_FOR_MODEL).
    pub fn list_live_hourly_usage_for_model_for_each<'a>(
        client: &'a impl Executor,
        model_id: &'a str,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(ListLiveHourlyUsageForModelRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(
            client,
            &LIST_LIVE_HOURLY_USAGE_FOR_MODEL,
            (model_id, since, until),
            f,
        )
    }

    /// Live hourly series of one model for a dashboard: includes samples written seconds ago on every
    /// dialect (overridden for postgres and timescaledb to bucket the raw samples directly).
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_LIVE_HOURLY_USAGE_FOR_MODEL`](super::LIST_LIVE_HOURLY_USAGE_FOR_MODEL).
    pub fn list_live_hourly_usage_for_model_stream<'a>(
        client: &'a impl Executor,
        model_id: &'a str,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Rows<ListLiveHourlyUsageForModelRow>, Error>> + 'a {
        run::stream(
            client,
            &LIST_LIVE_HOURLY_USAGE_FOR_MODEL,
            (model_id, since, until),
        )
    }

    /// Daily rows of every model and provider in a window of days, oldest first; pass a model to
    /// narrow it, NULL for all.
    ///
    /// The SQL: [`LIST_DAILY_USAGE`](super::LIST_DAILY_USAGE).
    pub fn list_daily_usage<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        model_id: Option<&'a str>,
    ) -> impl Future<Output = Result<Vec<ListDailyUsageRow>, Error>> + 'a {
        run::many(client, &LIST_DAILY_USAGE, (since, until, model_id))
    }

    /// Daily rows of every model and provider in a window of days, oldest first; pass a model to
    /// narrow it, NULL for all.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_DAILY_USAGE`](super::LIST_DAILY_USAGE).
    pub fn list_daily_usage_for_each<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        model_id: Option<&'a str>,
        f: impl FnMut(ListDailyUsageRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_DAILY_USAGE, (since, until, model_id), f)
    }

    /// Daily rows of every model and provider in a window of days, oldest first; pass a model to
    /// narrow it, NULL for all.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_DAILY_USAGE`](super::LIST_DAILY_USAGE).
    pub fn list_daily_usage_stream<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        model_id: Option<&'a str>,
    ) -> impl Future<Output = Result<Rows<ListDailyUsageRow>, Error>> + 'a {
        run::stream(client, &LIST_DAILY_USAGE, (since, until, model_id))
    }

    /// The most expensive models over a window of days, with their request and token totals.
    ///
    /// The SQL: [`LIST_TOP_MODELS_BY_COST`](super::LIST_TOP_MODELS_BY_COST).
    pub fn list_top_models_by_cost<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        max_rows: i64,
    ) -> impl Future<Output = Result<Vec<ListTopModelsByCostRow>, Error>> + 'a {
        run::many(client, &LIST_TOP_MODELS_BY_COST, (since, until, max_rows))
    }

    /// The most expensive models over a window of days, with their request and token totals.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_TOP_MODELS_BY_COST`](super::LIST_TOP_MODELS_BY_COST).
    pub fn list_top_models_by_cost_for_each<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        max_rows: i64,
        f: impl FnMut(ListTopModelsByCostRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(
            client,
            &LIST_TOP_MODELS_BY_COST,
            (since, until, max_rows),
            f,
        )
    }

    /// The most expensive models over a window of days, with their request and token totals.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_TOP_MODELS_BY_COST`](super::LIST_TOP_MODELS_BY_COST).
    pub fn list_top_models_by_cost_stream<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        max_rows: i64,
    ) -> impl Future<Output = Result<Rows<ListTopModelsByCostRow>, Error>> + 'a {
        run::stream(client, &LIST_TOP_MODELS_BY_COST, (since, until, max_rows))
    }

    /// Error rate per provider over a window, in percent of requests rounded to 0.01, worst first;
    /// providers that served no requests in the window are left out.
    ///
    /// The SQL: [`ERROR_RATE_BY_PROVIDER`](super::ERROR_RATE_BY_PROVIDER).
    pub fn error_rate_by_provider<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Vec<ErrorRateByProviderRow>, Error>> + 'a {
        run::many(client, &ERROR_RATE_BY_PROVIDER, (since, until))
    }

    /// Error rate per provider over a window, in percent of requests rounded to 0.01, worst first;
    /// providers that served no requests in the window are left out.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`ERROR_RATE_BY_PROVIDER`](super::ERROR_RATE_BY_PROVIDER).
    pub fn error_rate_by_provider_for_each<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(ErrorRateByProviderRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &ERROR_RATE_BY_PROVIDER, (since, until), f)
    }

    /// Error rate per provider over a window, in percent of requests rounded to 0.01, worst first;
    /// providers that served no requests in the window are left out.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`ERROR_RATE_BY_PROVIDER`](super::ERROR_RATE_BY_PROVIDER).
    pub fn error_rate_by_provider_stream<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Rows<ErrorRateByProviderRow>, Error>> + 'a {
        run::stream(client, &ERROR_RATE_BY_PROVIDER, (since, until))
    }

    /// Request-weighted mean latency per model over a window (the roll-ups only hold the unweighted
    /// mean of the samples' averages).
    ///
    /// The SQL: [`WEIGHTED_LATENCY_BY_MODEL`](super::WEIGHTED_LATENCY_BY_MODEL).
    pub fn weighted_latency_by_model<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Vec<WeightedLatencyByModelRow>, Error>> + 'a {
        run::many(client, &WEIGHTED_LATENCY_BY_MODEL, (since, until))
    }

    /// Request-weighted mean latency per model over a window (the roll-ups only hold the unweighted
    /// mean of the samples' averages).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`WEIGHTED_LATENCY_BY_MODEL`](super::WEIGHTED_LATENCY_BY_MODEL).
    pub fn weighted_latency_by_model_for_each<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(WeightedLatencyByModelRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &WEIGHTED_LATENCY_BY_MODEL, (since, until), f)
    }

    /// Request-weighted mean latency per model over a window (the roll-ups only hold the unweighted
    /// mean of the samples' averages).
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`WEIGHTED_LATENCY_BY_MODEL`](super::WEIGHTED_LATENCY_BY_MODEL).
    pub fn weighted_latency_by_model_stream<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Rows<WeightedLatencyByModelRow>, Error>> + 'a {
        run::stream(client, &WEIGHTED_LATENCY_BY_MODEL, (since, until))
    }

    /// Usage per application and environment over a window: dimensions the roll-ups do not keep.
    ///
    /// The SQL: [`SUMMARIZE_USAGE_BY_APPLICATION`](super::SUMMARIZE_USAGE_BY_APPLICATION).
    pub fn summarize_usage_by_application<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Vec<SummarizeUsageByApplicationRow>, Error>> + 'a {
        run::many(client, &SUMMARIZE_USAGE_BY_APPLICATION, (since, until))
    }

    /// Usage per application and environment over a window: dimensions the roll-ups do not keep.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_USAGE_BY_APPLICATION`](super::SUMMARIZE_USAGE_BY_APPLICATION).
    pub fn summarize_usage_by_application_for_each<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(SummarizeUsageByApplicationRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &SUMMARIZE_USAGE_BY_APPLICATION, (since, until), f)
    }

    /// Usage per application and environment over a window: dimensions the roll-ups do not keep.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`SUMMARIZE_USAGE_BY_APPLICATION`](super::SUMMARIZE_USAGE_BY_APPLICATION).
    pub fn summarize_usage_by_application_stream<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Rows<SummarizeUsageByApplicationRow>, Error>> + 'a {
        run::stream(client, &SUMMARIZE_USAGE_BY_APPLICATION, (since, until))
    }

    /// The time of the newest sample (NULL when there is none), to alert when writers stop.
    ///
    /// The SQL: [`GET_LATEST_USAGE_TIME`](super::GET_LATEST_USAGE_TIME).
    pub fn get_latest_usage_time<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Option<chrono::DateTime<chrono::Utc>>, Error>> + 'a {
        run::one(client, &GET_LATEST_USAGE_TIME, ())
    }

    /// The time of the newest sample (NULL when there is none), to alert when writers stop.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_LATEST_USAGE_TIME`](super::GET_LATEST_USAGE_TIME).
    pub fn get_latest_usage_time_opt<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Option<Option<chrono::DateTime<chrono::Utc>>>, Error>> + 'a
    {
        run::opt(client, &GET_LATEST_USAGE_TIME, ())
    }

    /// Delete samples older than a cut-off: retention where no TimescaleDB policy runs (SQLite,
    /// plain PostgreSQL). Returns the number of rows deleted.
    ///
    /// The SQL: [`DELETE_USAGE_METRICS_BEFORE`](super::DELETE_USAGE_METRICS_BEFORE).
    pub fn delete_usage_metrics_before<'a>(
        client: &'a impl Executor,
        before: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &DELETE_USAGE_METRICS_BEFORE, (before,))
    }
}
