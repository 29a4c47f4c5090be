//! The queries of `queries/chimera.sql`.
//!
//! Written by `dbtool generate`; do not edit: change schema/ or queries/ and run it again.

use crate::runtime::Query;
use crate::tables;

/// A row of `ListInteractionsForSession`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListInteractionsForSessionRow {
    pub id: uuid::Uuid,
    pub provider: String,
    pub model: String,
    pub prompt: String,
    pub response: Option<String>,
    pub tokens_prompt: Option<i32>,
    pub tokens_completion: Option<i32>,
    pub latency_ms: Option<i32>,
    pub error_message: Option<String>,
    pub created_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListInteractionsForSessionRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListInteractionsForSessionRow {
            id: get(row, 0)?,
            provider: get(row, 1)?,
            model: get(row, 2)?,
            prompt: get(row, 3)?,
            response: get(row, 4)?,
            tokens_prompt: get(row, 5)?,
            tokens_completion: get(row, 6)?,
            latency_ms: get(row, 7)?,
            error_message: get(row, 8)?,
            created_at: get(row, 9)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListInteractionsForSessionRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListInteractionsForSessionRow {
            id: row.try_get(0)?,
            provider: row.try_get(1)?,
            model: row.try_get(2)?,
            prompt: row.try_get(3)?,
            response: row.try_get(4)?,
            tokens_prompt: row.try_get(5)?,
            tokens_completion: row.try_get(6)?,
            latency_ms: row.try_get(7)?,
            error_message: row.try_get(8)?,
            created_at: row.try_get(9)?,
        })
    }
}

/// A row of `CountInteractionsByProviderModel`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CountInteractionsByProviderModelRow {
    pub provider: String,
    pub model: String,
    pub interaction_count: i64,
    pub total_tokens_prompt: Option<i64>,
    pub total_tokens_completion: Option<i64>,
    pub avg_latency_ms: Option<rust_decimal::Decimal>,
    pub error_count: Option<i64>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for CountInteractionsByProviderModelRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(CountInteractionsByProviderModelRow {
            provider: get(row, 0)?,
            model: get(row, 1)?,
            interaction_count: get(row, 2)?,
            total_tokens_prompt: get(row, 3)?,
            total_tokens_completion: get(row, 4)?,
            avg_latency_ms: get(row, 5)?,
            error_count: get(row, 6)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for CountInteractionsByProviderModelRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(CountInteractionsByProviderModelRow {
            provider: row.try_get(0)?,
            model: row.try_get(1)?,
            interaction_count: row.try_get(2)?,
            total_tokens_prompt: row.try_get(3)?,
            total_tokens_completion: row.try_get(4)?,
            avg_latency_ms: row.try_get(5)?,
            error_count: row.try_get(6)?,
        })
    }
}

/// A row of `ListTransformationEventsWithInteraction`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListTransformationEventsWithInteractionRow {
    pub id: uuid::Uuid,
    pub interaction_id: Option<uuid::Uuid>,
    pub technique_suite: String,
    pub technique_name: String,
    pub success: Option<bool>,
    pub transformation_time_ms: Option<i32>,
    pub created_at: Option<chrono::DateTime<chrono::Utc>>,
    pub interaction_provider: Option<String>,
    pub interaction_model: Option<String>,
    pub interaction_latency_ms: Option<i32>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListTransformationEventsWithInteractionRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListTransformationEventsWithInteractionRow {
            id: get(row, 0)?,
            interaction_id: get(row, 1)?,
            technique_suite: get(row, 2)?,
            technique_name: get(row, 3)?,
            success: get(row, 4)?,
            transformation_time_ms: get(row, 5)?,
            created_at: get(row, 6)?,
            interaction_provider: get(row, 7)?,
            interaction_model: get(row, 8)?,
            interaction_latency_ms: get(row, 9)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListTransformationEventsWithInteractionRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListTransformationEventsWithInteractionRow {
            id: row.try_get(0)?,
            interaction_id: row.try_get(1)?,
            technique_suite: row.try_get(2)?,
            technique_name: row.try_get(3)?,
            success: row.try_get(4)?,
            transformation_time_ms: row.try_get(5)?,
            created_at: row.try_get(6)?,
            interaction_provider: row.try_get(7)?,
            interaction_model: row.try_get(8)?,
            interaction_latency_ms: row.try_get(9)?,
        })
    }
}

/// A row of `SummarizeTransformationTechniques`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SummarizeTransformationTechniquesRow {
    pub technique_suite: String,
    pub technique_name: String,
    pub attempt_count: i64,
    pub success_count: Option<i64>,
    pub avg_transformation_time_ms: Option<rust_decimal::Decimal>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for SummarizeTransformationTechniquesRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(SummarizeTransformationTechniquesRow {
            technique_suite: get(row, 0)?,
            technique_name: get(row, 1)?,
            attempt_count: get(row, 2)?,
            success_count: get(row, 3)?,
            avg_transformation_time_ms: get(row, 4)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for SummarizeTransformationTechniquesRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(SummarizeTransformationTechniquesRow {
            technique_suite: row.try_get(0)?,
            technique_name: row.try_get(1)?,
            attempt_count: row.try_get(2)?,
            success_count: row.try_get(3)?,
            avg_transformation_time_ms: row.try_get(4)?,
        })
    }
}

/// A row of `SummarizeJailbreakExperiments`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SummarizeJailbreakExperimentsRow {
    pub framework: String,
    pub attack_method: String,
    pub experiment_count: i64,
    pub success_count: Option<i64>,
    pub avg_judge_score: Option<f64>,
    pub max_iterations: Option<i32>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for SummarizeJailbreakExperimentsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(SummarizeJailbreakExperimentsRow {
            framework: get(row, 0)?,
            attack_method: get(row, 1)?,
            experiment_count: get(row, 2)?,
            success_count: get(row, 3)?,
            avg_judge_score: get(row, 4)?,
            max_iterations: get(row, 5)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for SummarizeJailbreakExperimentsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(SummarizeJailbreakExperimentsRow {
            framework: row.try_get(0)?,
            attack_method: row.try_get(1)?,
            experiment_count: row.try_get(2)?,
            success_count: row.try_get(3)?,
            avg_judge_score: row.try_get(4)?,
            max_iterations: row.try_get(5)?,
        })
    }
}

/// The parameters of `ListInteractionsInWindow`.
#[derive(Debug, Clone, Copy)]
pub struct ListInteractionsInWindowParams<'a> {
    pub since: chrono::DateTime<chrono::Utc>,
    pub until: chrono::DateTime<chrono::Utc>,
    pub provider: Option<&'a str>,
    pub max_rows: i64,
    pub skip_rows: i64,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for ListInteractionsInWindowParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.since as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.until,
            &self.provider,
            &self.max_rows,
            &self.skip_rows,
        ]
    }
}

/// The parameters of `InsertInteraction`.
#[derive(Debug, Clone, Copy)]
pub struct InsertInteractionParams<'a> {
    pub id: uuid::Uuid,
    pub session_id: Option<uuid::Uuid>,
    pub tenant_id: Option<&'a str>,
    pub provider: &'a str,
    pub model: &'a str,
    pub prompt: &'a str,
    pub response: Option<&'a str>,
    pub system_instruction: Option<&'a str>,
    pub config: Option<&'a serde_json::Value>,
    pub tokens_prompt: Option<i32>,
    pub tokens_completion: Option<i32>,
    pub latency_ms: Option<i32>,
    pub error_message: Option<&'a str>,
    pub created_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for InsertInteractionParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.id as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.session_id,
            &self.tenant_id,
            &self.provider,
            &self.model,
            &self.prompt,
            &self.response,
            &self.system_instruction,
            &self.config,
            &self.tokens_prompt,
            &self.tokens_completion,
            &self.latency_ms,
            &self.error_message,
            &self.created_at,
        ]
    }
}

/// The parameters of `ListTransformationEventsInWindow`.
#[derive(Debug, Clone, Copy)]
pub struct ListTransformationEventsInWindowParams<'a> {
    pub since: chrono::DateTime<chrono::Utc>,
    pub until: chrono::DateTime<chrono::Utc>,
    pub technique_suite: Option<&'a str>,
    pub max_rows: i64,
    pub skip_rows: i64,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for ListTransformationEventsInWindowParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.since as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.until,
            &self.technique_suite,
            &self.max_rows,
            &self.skip_rows,
        ]
    }
}

/// The parameters of `InsertTransformationEvent`.
#[derive(Debug, Clone, Copy)]
pub struct InsertTransformationEventParams<'a> {
    pub id: uuid::Uuid,
    pub interaction_id: Option<uuid::Uuid>,
    pub technique_suite: &'a str,
    pub technique_name: &'a str,
    pub original_prompt: &'a str,
    pub transformed_prompt: &'a str,
    pub transformation_time_ms: Option<i32>,
    pub success: Option<bool>,
    pub metadata: Option<&'a serde_json::Value>,
    pub created_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for InsertTransformationEventParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.id as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.interaction_id,
            &self.technique_suite,
            &self.technique_name,
            &self.original_prompt,
            &self.transformed_prompt,
            &self.transformation_time_ms,
            &self.success,
            &self.metadata,
            &self.created_at,
        ]
    }
}

/// The parameters of `ListJailbreakExperimentsInWindow`.
#[derive(Debug, Clone, Copy)]
pub struct ListJailbreakExperimentsInWindowParams<'a> {
    pub since: chrono::DateTime<chrono::Utc>,
    pub until: chrono::DateTime<chrono::Utc>,
    pub framework: Option<&'a str>,
    pub max_rows: i64,
    pub skip_rows: i64,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for ListJailbreakExperimentsInWindowParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.since as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.until,
            &self.framework,
            &self.max_rows,
            &self.skip_rows,
        ]
    }
}

/// The parameters of `InsertJailbreakExperiment`.
#[derive(Debug, Clone, Copy)]
pub struct InsertJailbreakExperimentParams<'a> {
    pub id: uuid::Uuid,
    pub framework: &'a str,
    pub attack_method: &'a str,
    pub goal: &'a str,
    pub final_prompt: Option<&'a str>,
    pub target_response: Option<&'a str>,
    pub iterations: Option<i32>,
    pub success: Option<bool>,
    pub judge_score: Option<f64>,
    pub metadata: Option<&'a serde_json::Value>,
    pub created_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for InsertJailbreakExperimentParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.id as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.framework,
            &self.attack_method,
            &self.goal,
            &self.final_prompt,
            &self.target_response,
            &self.iterations,
            &self.success,
            &self.judge_score,
            &self.metadata,
            &self.created_at,
        ]
    }
}

/// Interactions created in a time window, oldest first, for incremental extraction; pass a
/// provider to extract one provider only, NULL for all. Page with max_rows and skip_rows.
///
/// ```sql
/// SELECT id, session_id, tenant_id, provider, model, prompt, response, system_instruction, config,
///        tokens_prompt, tokens_completion, latency_ms, error_message, created_at, ingested_at
/// FROM llm_interactions
/// WHERE created_at >= @since
///   AND created_at < @until
///   AND (provider = sqlc.narg(provider) OR sqlc.narg(provider) IS NULL)
/// ORDER BY created_at, id
/// LIMIT @max_rows
/// OFFSET @skip_rows
/// ```
pub const LIST_INTERACTIONS_IN_WINDOW: Query = Query {
    name: "ListInteractionsInWindow",
    postgres: r#"SELECT id, session_id, tenant_id, provider, model, prompt, response, system_instruction, config,
       tokens_prompt, tokens_completion, latency_ms, error_message, created_at, ingested_at
FROM llm_interactions
WHERE created_at >= $1
  AND created_at < $2
  AND (provider = $3 OR $3 IS NULL)
ORDER BY created_at, id
LIMIT $4
OFFSET $5"#,
    timescaledb: None,
    sqlite: r#"SELECT id, session_id, tenant_id, provider, model, prompt, response, system_instruction, config,
       tokens_prompt, tokens_completion, latency_ms, error_message, created_at, ingested_at
FROM llm_interactions
WHERE created_at >= ?1
  AND created_at < ?2
  AND (provider = ?3 OR ?3 IS NULL)
ORDER BY created_at, id
LIMIT ?4
OFFSET ?5"#,
};

/// One interaction by its id, e.g. to verify a record after insertion.
///
/// ```sql
/// SELECT id, session_id, tenant_id, provider, model, prompt, response, system_instruction, config,
///        tokens_prompt, tokens_completion, latency_ms, error_message, created_at, ingested_at
/// FROM llm_interactions
/// WHERE id = @id
/// ```
pub const GET_INTERACTION: Query = Query {
    name: "GetInteraction",
    postgres: r#"SELECT id, session_id, tenant_id, provider, model, prompt, response, system_instruction, config,
       tokens_prompt, tokens_completion, latency_ms, error_message, created_at, ingested_at
FROM llm_interactions
WHERE id = $1"#,
    timescaledb: None,
    sqlite: r#"SELECT id, session_id, tenant_id, provider, model, prompt, response, system_instruction, config,
       tokens_prompt, tokens_completion, latency_ms, error_message, created_at, ingested_at
FROM llm_interactions
WHERE id = ?1"#,
};

/// All interactions of one session, in the order they happened.
///
/// ```sql
/// SELECT id, provider, model, prompt, response, tokens_prompt, tokens_completion, latency_ms,
///        error_message, created_at
/// FROM llm_interactions
/// WHERE session_id = @session_id
/// ORDER BY created_at, id
/// ```
pub const LIST_INTERACTIONS_FOR_SESSION: Query = Query {
    name: "ListInteractionsForSession",
    postgres: r#"SELECT id, provider, model, prompt, response, tokens_prompt, tokens_completion, latency_ms,
       error_message, created_at
FROM llm_interactions
WHERE session_id = $1
ORDER BY created_at, id"#,
    timescaledb: None,
    sqlite: r#"SELECT id, provider, model, prompt, response, tokens_prompt, tokens_completion, latency_ms,
       error_message, created_at
FROM llm_interactions
WHERE session_id = ?1
ORDER BY created_at, id"#,
};

/// Record one LLM API call. Idempotent: re-ingesting the same id does nothing, and the returned
/// row count (0 or 1) says whether the row was new.
///
/// ```sql
/// INSERT INTO llm_interactions (
///     id, session_id, tenant_id, provider, model, prompt, response, system_instruction, config,
///     tokens_prompt, tokens_completion, latency_ms, error_message, created_at
/// ) VALUES (
///     @id, sqlc.narg(session_id), @tenant_id, @provider, @model, @prompt, sqlc.narg(response),
///     sqlc.narg(system_instruction), @config, @tokens_prompt, @tokens_completion, @latency_ms,
///     sqlc.narg(error_message), @created_at
/// )
/// ON CONFLICT (id) DO NOTHING
/// ```
pub const INSERT_INTERACTION: Query = Query {
    name: "InsertInteraction",
    postgres: r#"INSERT INTO llm_interactions (
    id, session_id, tenant_id, provider, model, prompt, response, system_instruction, config,
    tokens_prompt, tokens_completion, latency_ms, error_message, created_at
) VALUES (
    $1, $2, $3, $4, $5, $6, $7,
    $8, $9, $10, $11, $12,
    $13, $14
)
ON CONFLICT (id) DO NOTHING"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO llm_interactions (
    id, session_id, tenant_id, provider, model, prompt, response, system_instruction, config,
    tokens_prompt, tokens_completion, latency_ms, error_message, created_at
) VALUES (
    ?1, ?2, ?3, ?4, ?5, ?6, ?7,
    ?8, ?9, ?10, ?11, ?12,
    ?13, ?14
)
ON CONFLICT (id) DO NOTHING"#,
};

/// Interaction volume, tokens, latency and errors per provider and model in a time window,
/// largest first: the hourly pipeline-health numbers.
///
/// ```sql
/// SELECT provider,
///        model,
///        count(*) AS interaction_count,
///        sum(tokens_prompt) AS total_tokens_prompt,
///        sum(tokens_completion) AS total_tokens_completion,
///        avg(latency_ms) AS avg_latency_ms,
///        sum(CASE WHEN error_message IS NULL THEN 0 ELSE 1 END) AS error_count
/// FROM llm_interactions
/// WHERE created_at >= @since AND created_at < @until
/// GROUP BY provider, model
/// ORDER BY interaction_count DESC, provider, model
/// ```
pub const COUNT_INTERACTIONS_BY_PROVIDER_MODEL: Query = Query {
    name: "CountInteractionsByProviderModel",
    postgres: r#"SELECT provider,
       model,
       count(*) AS interaction_count,
       sum(tokens_prompt) AS total_tokens_prompt,
       sum(tokens_completion) AS total_tokens_completion,
       avg(latency_ms) AS avg_latency_ms,
       sum(CASE WHEN error_message IS NULL THEN 0 ELSE 1 END) AS error_count
FROM llm_interactions
WHERE created_at >= $1 AND created_at < $2
GROUP BY provider, model
ORDER BY interaction_count DESC, provider, model"#,
    timescaledb: None,
    sqlite: r#"SELECT provider,
       model,
       count(*) AS interaction_count,
       sum(tokens_prompt) AS total_tokens_prompt,
       sum(tokens_completion) AS total_tokens_completion,
       avg(latency_ms) AS avg_latency_ms,
       sum(CASE WHEN error_message IS NULL THEN 0 ELSE 1 END) AS error_count
FROM llm_interactions
WHERE created_at >= ?1 AND created_at < ?2
GROUP BY provider, model
ORDER BY interaction_count DESC, provider, model"#,
};

/// The newest created_at of all interactions (NULL when the table is empty): compare it with the
/// ingestion watermark to detect lag.
///
/// ```sql
/// SELECT max(created_at) AS latest_created_at
/// FROM llm_interactions
/// ```
pub const GET_LATEST_INTERACTION_TIME: Query = Query {
    name: "GetLatestInteractionTime",
    postgres: r#"SELECT max(created_at) AS latest_created_at
FROM llm_interactions"#,
    timescaledb: None,
    sqlite: r#"SELECT max(created_at) AS latest_created_at
FROM llm_interactions"#,
};

/// Transformation events created in a time window, oldest first; pass a technique suite to
/// extract one suite only, NULL for all.
///
/// ```sql
/// SELECT id, interaction_id, technique_suite, technique_name, original_prompt, transformed_prompt,
///        transformation_time_ms, success, metadata, created_at, ingested_at
/// FROM transformation_events
/// WHERE created_at >= @since
///   AND created_at < @until
///   AND (technique_suite = sqlc.narg(technique_suite) OR sqlc.narg(technique_suite) IS NULL)
/// ORDER BY created_at, id
/// LIMIT @max_rows
/// OFFSET @skip_rows
/// ```
pub const LIST_TRANSFORMATION_EVENTS_IN_WINDOW: Query = Query {
    name: "ListTransformationEventsInWindow",
    postgres: r#"SELECT id, interaction_id, technique_suite, technique_name, original_prompt, transformed_prompt,
       transformation_time_ms, success, metadata, created_at, ingested_at
FROM transformation_events
WHERE created_at >= $1
  AND created_at < $2
  AND (technique_suite = $3 OR $3 IS NULL)
ORDER BY created_at, id
LIMIT $4
OFFSET $5"#,
    timescaledb: None,
    sqlite: r#"SELECT id, interaction_id, technique_suite, technique_name, original_prompt, transformed_prompt,
       transformation_time_ms, success, metadata, created_at, ingested_at
FROM transformation_events
WHERE created_at >= ?1
  AND created_at < ?2
  AND (technique_suite = ?3 OR ?3 IS NULL)
ORDER BY created_at, id
LIMIT ?4
OFFSET ?5"#,
};

/// Transformation events of a time window with the provider, model and latency of the interaction
/// they belong to. The interaction may be missing (no interaction_id, or not ingested yet), so its
/// columns are NULL then; a provider filter keeps only events whose interaction matches.
///
/// ```sql
/// SELECT te.id, te.interaction_id, te.technique_suite, te.technique_name, te.success,
///        te.transformation_time_ms, te.created_at,
///        i.provider AS interaction_provider,
///        i.model AS interaction_model,
///        i.latency_ms AS interaction_latency_ms
/// FROM transformation_events te
/// LEFT JOIN llm_interactions i ON i.id = te.interaction_id
/// WHERE te.created_at >= @since
///   AND te.created_at < @until
///   AND (i.provider = sqlc.narg(provider) OR sqlc.narg(provider) IS NULL)
/// ORDER BY te.created_at, te.id
/// LIMIT @max_rows
/// ```
pub const LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION: Query = Query {
    name: "ListTransformationEventsWithInteraction",
    postgres: r#"SELECT te.id, te.interaction_id, te.technique_suite, te.technique_name, te.success,
       te.transformation_time_ms, te.created_at,
       i.provider AS interaction_provider,
       i.model AS interaction_model,
       i.latency_ms AS interaction_latency_ms
FROM transformation_events te
LEFT JOIN llm_interactions i ON i.id = te.interaction_id
WHERE te.created_at >= $1
  AND te.created_at < $2
  AND (i.provider = $3 OR $3 IS NULL)
ORDER BY te.created_at, te.id
LIMIT $4"#,
    timescaledb: None,
    sqlite: r#"SELECT te.id, te.interaction_id, te.technique_suite, te.technique_name, te.success,
       te.transformation_time_ms, te.created_at,
       i.provider AS interaction_provider,
       i.model AS interaction_model,
       i.latency_ms AS interaction_latency_ms
FROM transformation_events te
LEFT JOIN llm_interactions i ON i.id = te.interaction_id
WHERE te.created_at >= ?1
  AND te.created_at < ?2
  AND (i.provider = ?3 OR ?3 IS NULL)
ORDER BY te.created_at, te.id
LIMIT ?4"#,
};

/// Record one prompt transformation attempt; interaction_id may be NULL. Idempotent on id.
///
/// ```sql
/// INSERT INTO transformation_events (
///     id, interaction_id, technique_suite, technique_name, original_prompt, transformed_prompt,
///     transformation_time_ms, success, metadata, created_at
/// ) VALUES (
///     @id, sqlc.narg(interaction_id), @technique_suite, @technique_name, @original_prompt,
///     @transformed_prompt, @transformation_time_ms, @success, @metadata, @created_at
/// )
/// ON CONFLICT (id) DO NOTHING
/// ```
pub const INSERT_TRANSFORMATION_EVENT: Query = Query {
    name: "InsertTransformationEvent",
    postgres: r#"INSERT INTO transformation_events (
    id, interaction_id, technique_suite, technique_name, original_prompt, transformed_prompt,
    transformation_time_ms, success, metadata, created_at
) VALUES (
    $1, $2, $3, $4, $5,
    $6, $7, $8, $9, $10
)
ON CONFLICT (id) DO NOTHING"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO transformation_events (
    id, interaction_id, technique_suite, technique_name, original_prompt, transformed_prompt,
    transformation_time_ms, success, metadata, created_at
) VALUES (
    ?1, ?2, ?3, ?4, ?5,
    ?6, ?7, ?8, ?9, ?10
)
ON CONFLICT (id) DO NOTHING"#,
};

/// Attempts, successes and mean time per technique in a time window, busiest first.
///
/// ```sql
/// SELECT technique_suite,
///        technique_name,
///        count(*) AS attempt_count,
///        sum(CASE WHEN success THEN 1 ELSE 0 END) AS success_count,
///        avg(transformation_time_ms) AS avg_transformation_time_ms
/// FROM transformation_events
/// WHERE created_at >= @since AND created_at < @until
/// GROUP BY technique_suite, technique_name
/// ORDER BY attempt_count DESC, technique_suite, technique_name
/// ```
pub const SUMMARIZE_TRANSFORMATION_TECHNIQUES: Query = Query {
    name: "SummarizeTransformationTechniques",
    postgres: r#"SELECT technique_suite,
       technique_name,
       count(*) AS attempt_count,
       sum(CASE WHEN success THEN 1 ELSE 0 END) AS success_count,
       avg(transformation_time_ms) AS avg_transformation_time_ms
FROM transformation_events
WHERE created_at >= $1 AND created_at < $2
GROUP BY technique_suite, technique_name
ORDER BY attempt_count DESC, technique_suite, technique_name"#,
    timescaledb: None,
    sqlite: r#"SELECT technique_suite,
       technique_name,
       count(*) AS attempt_count,
       sum(CASE WHEN success THEN 1 ELSE 0 END) AS success_count,
       avg(transformation_time_ms) AS avg_transformation_time_ms
FROM transformation_events
WHERE created_at >= ?1 AND created_at < ?2
GROUP BY technique_suite, technique_name
ORDER BY attempt_count DESC, technique_suite, technique_name"#,
};

/// Jailbreak experiments created in a time window, oldest first; pass a framework to extract one
/// framework only, NULL for all.
///
/// ```sql
/// SELECT id, framework, attack_method, goal, final_prompt, target_response, iterations, success,
///        judge_score, metadata, created_at, ingested_at
/// FROM jailbreak_experiments
/// WHERE created_at >= @since
///   AND created_at < @until
///   AND (framework = sqlc.narg(framework) OR sqlc.narg(framework) IS NULL)
/// ORDER BY created_at, id
/// LIMIT @max_rows
/// OFFSET @skip_rows
/// ```
pub const LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW: Query = Query {
    name: "ListJailbreakExperimentsInWindow",
    postgres: r#"SELECT id, framework, attack_method, goal, final_prompt, target_response, iterations, success,
       judge_score, metadata, created_at, ingested_at
FROM jailbreak_experiments
WHERE created_at >= $1
  AND created_at < $2
  AND (framework = $3 OR $3 IS NULL)
ORDER BY created_at, id
LIMIT $4
OFFSET $5"#,
    timescaledb: None,
    sqlite: r#"SELECT id, framework, attack_method, goal, final_prompt, target_response, iterations, success,
       judge_score, metadata, created_at, ingested_at
FROM jailbreak_experiments
WHERE created_at >= ?1
  AND created_at < ?2
  AND (framework = ?3 OR ?3 IS NULL)
ORDER BY created_at, id
LIMIT ?4
OFFSET ?5"#,
};

/// Record one jailbreak experiment result. Idempotent on id.
///
/// ```sql
/// INSERT INTO jailbreak_experiments (
///     id, framework, attack_method, goal, final_prompt, target_response, iterations, success,
///     judge_score, metadata, created_at
/// ) VALUES (
///     @id, @framework, @attack_method, @goal, sqlc.narg(final_prompt), sqlc.narg(target_response),
///     @iterations, @success, sqlc.narg(judge_score), @metadata, @created_at
/// )
/// ON CONFLICT (id) DO NOTHING
/// ```
pub const INSERT_JAILBREAK_EXPERIMENT: Query = Query {
    name: "InsertJailbreakExperiment",
    postgres: r#"INSERT INTO jailbreak_experiments (
    id, framework, attack_method, goal, final_prompt, target_response, iterations, success,
    judge_score, metadata, created_at
) VALUES (
    $1, $2, $3, $4, $5, $6,
    $7, $8, $9, $10, $11
)
ON CONFLICT (id) DO NOTHING"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO jailbreak_experiments (
    id, framework, attack_method, goal, final_prompt, target_response, iterations, success,
    judge_score, metadata, created_at
) VALUES (
    ?1, ?2, ?3, ?4, ?5, ?6,
    ?7, ?8, ?9, ?10, ?11
)
ON CONFLICT (id) DO NOTHING"#,
};

/// Success rate inputs and judge scores per framework and attack method in a time window.
///
/// ```sql
/// SELECT framework,
///        attack_method,
///        count(*) AS experiment_count,
///        sum(CASE WHEN success THEN 1 ELSE 0 END) AS success_count,
///        avg(judge_score) AS avg_judge_score,
///        max(iterations) AS max_iterations
/// FROM jailbreak_experiments
/// WHERE created_at >= @since AND created_at < @until
/// GROUP BY framework, attack_method
/// ORDER BY experiment_count DESC, framework, attack_method
/// ```
pub const SUMMARIZE_JAILBREAK_EXPERIMENTS: Query = Query {
    name: "SummarizeJailbreakExperiments",
    postgres: r#"SELECT framework,
       attack_method,
       count(*) AS experiment_count,
       sum(CASE WHEN success THEN 1 ELSE 0 END) AS success_count,
       avg(judge_score) AS avg_judge_score,
       max(iterations) AS max_iterations
FROM jailbreak_experiments
WHERE created_at >= $1 AND created_at < $2
GROUP BY framework, attack_method
ORDER BY experiment_count DESC, framework, attack_method"#,
    timescaledb: None,
    sqlite: r#"SELECT framework,
       attack_method,
       count(*) AS experiment_count,
       sum(CASE WHEN success THEN 1 ELSE 0 END) AS success_count,
       avg(judge_score) AS avg_judge_score,
       max(iterations) AS max_iterations
FROM jailbreak_experiments
WHERE created_at >= ?1 AND created_at < ?2
GROUP BY framework, attack_method
ORDER BY experiment_count DESC, framework, attack_method"#,
};

/// The queries on the rusqlite backend.
#[cfg(feature = "rusqlite")]
pub mod sqlite {
    use super::*;
    use crate::runtime::sqlite::Call;
    use crate::runtime::Error;

    /// Interactions created in a time window, oldest first, for incremental extraction; pass a
    /// provider to extract one provider only, NULL for all. Page with max_rows and skip_rows.
    ///
    /// The SQL: [`LIST_INTERACTIONS_IN_WINDOW`](super::LIST_INTERACTIONS_IN_WINDOW).
    #[inline]
    pub fn list_interactions_in_window(
        conn: &rusqlite::Connection,
        params: &ListInteractionsInWindowParams<'_>,
    ) -> Result<Vec<tables::LlmInteractionsRow>, Error> {
        let mut call = Call::new(conn, &LIST_INTERACTIONS_IN_WINDOW)?;
        call.bind(&params.since)?;
        call.bind(&params.until)?;
        call.bind(&params.provider)?;
        call.bind(&params.max_rows)?;
        call.bind(&params.skip_rows)?;
        call.many()
    }

    /// Interactions created in a time window, oldest first, for incremental extraction; pass a
    /// provider to extract one provider only, NULL for all. Page with max_rows and skip_rows.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_INTERACTIONS_IN_WINDOW`](super::LIST_INTERACTIONS_IN_WINDOW).
    #[inline]
    pub fn list_interactions_in_window_for_each(
        conn: &rusqlite::Connection,
        params: &ListInteractionsInWindowParams<'_>,
        f: impl FnMut(tables::LlmInteractionsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_INTERACTIONS_IN_WINDOW)?;
        call.bind(&params.since)?;
        call.bind(&params.until)?;
        call.bind(&params.provider)?;
        call.bind(&params.max_rows)?;
        call.bind(&params.skip_rows)?;
        call.for_each(f)
    }

    /// One interaction by its id, e.g. to verify a record after insertion.
    ///
    /// The SQL: [`GET_INTERACTION`](super::GET_INTERACTION).
    #[inline]
    pub fn get_interaction(
        conn: &rusqlite::Connection,
        id: uuid::Uuid,
    ) -> Result<tables::LlmInteractionsRow, Error> {
        let mut call = Call::new(conn, &GET_INTERACTION)?;
        call.bind(&id)?;
        call.one()
    }

    /// One interaction by its id, e.g. to verify a record after insertion.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_INTERACTION`](super::GET_INTERACTION).
    #[inline]
    pub fn get_interaction_opt(
        conn: &rusqlite::Connection,
        id: uuid::Uuid,
    ) -> Result<Option<tables::LlmInteractionsRow>, Error> {
        let mut call = Call::new(conn, &GET_INTERACTION)?;
        call.bind(&id)?;
        call.opt()
    }

    /// All interactions of one session, in the order they happened.
    ///
    /// The SQL: [`LIST_INTERACTIONS_FOR_SESSION`](super::LIST_INTERACTIONS_FOR_SESSION).
    #[inline]
    pub fn list_interactions_for_session(
        conn: &rusqlite::Connection,
        session_id: uuid::Uuid,
    ) -> Result<Vec<ListInteractionsForSessionRow>, Error> {
        let mut call = Call::new(conn, &LIST_INTERACTIONS_FOR_SESSION)?;
        call.bind(&session_id)?;
        call.many()
    }

    /// All interactions of one session, in the order they happened.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_INTERACTIONS_FOR_SESSION`](super::LIST_INTERACTIONS_FOR_SESSION).
    #[inline]
    pub fn list_interactions_for_session_for_each(
        conn: &rusqlite::Connection,
        session_id: uuid::Uuid,
        f: impl FnMut(ListInteractionsForSessionRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_INTERACTIONS_FOR_SESSION)?;
        call.bind(&session_id)?;
        call.for_each(f)
    }

    /// Record one LLM API call. Idempotent: re-ingesting the same id does nothing, and the returned
    /// row count (0 or 1) says whether the row was new.
    ///
    /// The SQL: [`INSERT_INTERACTION`](super::INSERT_INTERACTION).
    #[inline]
    pub fn insert_interaction(
        conn: &rusqlite::Connection,
        params: &InsertInteractionParams<'_>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &INSERT_INTERACTION)?;
        call.bind(&params.id)?;
        call.bind(&params.session_id)?;
        call.bind(&params.tenant_id)?;
        call.bind(&params.provider)?;
        call.bind(&params.model)?;
        call.bind(&params.prompt)?;
        call.bind(&params.response)?;
        call.bind(&params.system_instruction)?;
        call.bind(&params.config)?;
        call.bind(&params.tokens_prompt)?;
        call.bind(&params.tokens_completion)?;
        call.bind(&params.latency_ms)?;
        call.bind(&params.error_message)?;
        call.bind(&params.created_at)?;
        call.execrows()
    }

    /// Interaction volume, tokens, latency and errors per provider and model in a time window,
    /// largest first: the hourly pipeline-health numbers.
    ///
    /// The SQL: [`COUNT_INTERACTIONS_BY_PROVIDER_MODEL`](super::COUNT_INTERACTIONS_BY_PROVIDER_MODEL).
    #[inline]
    pub fn count_interactions_by_provider_model(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<CountInteractionsByProviderModelRow>, Error> {
        let mut call = Call::new(conn, &COUNT_INTERACTIONS_BY_PROVIDER_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Interaction volume, tokens, latency and errors per provider and model in a time window,
    /// largest first: the hourly pipeline-health numbers.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`COUNT_INTERACTIONS_BY_PROVIDER_MODEL`](super::COUNT_INTERACTIONS_BY_PROVIDER_MODEL).
    #[inline]
    pub fn count_interactions_by_provider_model_for_each(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(CountInteractionsByProviderModelRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &COUNT_INTERACTIONS_BY_PROVIDER_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// The newest created_at of all interactions (NULL when the table is empty): compare it with the
    /// ingestion watermark to detect lag.
    ///
    /// The SQL: [`GET_LATEST_INTERACTION_TIME`](super::GET_LATEST_INTERACTION_TIME).
    #[inline]
    pub fn get_latest_interaction_time(
        conn: &rusqlite::Connection,
    ) -> Result<Option<chrono::DateTime<chrono::Utc>>, Error> {
        let call = Call::new(conn, &GET_LATEST_INTERACTION_TIME)?;
        call.one()
    }

    /// The newest created_at of all interactions (NULL when the table is empty): compare it with the
    /// ingestion watermark to detect lag.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_LATEST_INTERACTION_TIME`](super::GET_LATEST_INTERACTION_TIME).
    #[inline]
    pub fn get_latest_interaction_time_opt(
        conn: &rusqlite::Connection,
    ) -> Result<Option<Option<chrono::DateTime<chrono::Utc>>>, Error> {
        let call = Call::new(conn, &GET_LATEST_INTERACTION_TIME)?;
        call.opt()
    }

    /// Transformation events created in a time window, oldest first; pass a technique suite to
    /// extract one suite only, NULL for all.
    ///
    /// The SQL: [`LIST_TRANSFORMATION_EVENTS_IN_WINDOW`](super::LIST_TRANSFORMATION_EVENTS_IN_WINDOW).
    #[inline]
    pub fn list_transformation_events_in_window(
        conn: &rusqlite::Connection,
        params: &ListTransformationEventsInWindowParams<'_>,
    ) -> Result<Vec<tables::TransformationEventsRow>, Error> {
        let mut call = Call::new(conn, &LIST_TRANSFORMATION_EVENTS_IN_WINDOW)?;
        call.bind(&params.since)?;
        call.bind(&params.until)?;
        call.bind(&params.technique_suite)?;
        call.bind(&params.max_rows)?;
        call.bind(&params.skip_rows)?;
        call.many()
    }

    /// Transformation events created in a time window, oldest first; pass a technique suite to
    /// extract one suite only, NULL for all.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_TRANSFORMATION_EVENTS_IN_WINDOW`](super::LIST_TRANSFORMATION_EVENTS_IN_WINDOW).
    #[inline]
    pub fn list_transformation_events_in_window_for_each(
        conn: &rusqlite::Connection,
        params: &ListTransformationEventsInWindowParams<'_>,
        f: impl FnMut(tables::TransformationEventsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_TRANSFORMATION_EVENTS_IN_WINDOW)?;
        call.bind(&params.since)?;
        call.bind(&params.until)?;
        call.bind(&params.technique_suite)?;
        call.bind(&params.max_rows)?;
        call.bind(&params.skip_rows)?;
        call.for_each(f)
    }

    /// Transformation events of a time window with the provider, model and latency of the interaction
    /// they belong to. The interaction may be missing (no interaction_id, or not ingested yet), so its
    /// columns are NULL then; a provider filter keeps only events whose interaction matches.
    ///
    /// The SQL: [`LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION`](super::LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION).
    #[inline]
    pub fn list_transformation_events_with_interaction(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        provider: Option<&str>,
        max_rows: i64,
    ) -> Result<Vec<ListTransformationEventsWithInteractionRow>, Error> {
        let mut call = Call::new(conn, &LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&provider)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// Transformation events of a time window with the provider, model and latency of the interaction
    /// they belong to. The interaction may be missing (no interaction_id, or not ingested yet), so its
    /// columns are NULL then; a provider filter keeps only events whose interaction matches.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION`](super::LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION).
    #[inline]
    pub fn list_transformation_events_with_interaction_for_each(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        provider: Option<&str>,
        max_rows: i64,
        f: impl FnMut(ListTransformationEventsWithInteractionRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&provider)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Record one prompt transformation attempt; interaction_id may be NULL. Idempotent on id.
    ///
    /// The SQL: [`INSERT_TRANSFORMATION_EVENT`](super::INSERT_TRANSFORMATION_EVENT).
    #[inline]
    pub fn insert_transformation_event(
        conn: &rusqlite::Connection,
        params: &InsertTransformationEventParams<'_>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &INSERT_TRANSFORMATION_EVENT)?;
        call.bind(&params.id)?;
        call.bind(&params.interaction_id)?;
        call.bind(&params.technique_suite)?;
        call.bind(&params.technique_name)?;
        call.bind(&params.original_prompt)?;
        call.bind(&params.transformed_prompt)?;
        call.bind(&params.transformation_time_ms)?;
        call.bind(&params.success)?;
        call.bind(&params.metadata)?;
        call.bind(&params.created_at)?;
        call.execrows()
    }

    /// Attempts, successes and mean time per technique in a time window, busiest first.
    ///
    /// The SQL: [`SUMMARIZE_TRANSFORMATION_TECHNIQUES`](super::SUMMARIZE_TRANSFORMATION_TECHNIQUES).
    #[inline]
    pub fn summarize_transformation_techniques(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<SummarizeTransformationTechniquesRow>, Error> {
        let mut call = Call::new(conn, &SUMMARIZE_TRANSFORMATION_TECHNIQUES)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Attempts, successes and mean time per technique in a time window, busiest first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_TRANSFORMATION_TECHNIQUES`](super::SUMMARIZE_TRANSFORMATION_TECHNIQUES).
    #[inline]
    pub fn summarize_transformation_techniques_for_each(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(SummarizeTransformationTechniquesRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &SUMMARIZE_TRANSFORMATION_TECHNIQUES)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// Jailbreak experiments created in a time window, oldest first; pass a framework to extract one
    /// framework only, NULL for all.
    ///
    /// The SQL: [`LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW`](super::LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW).
    #[inline]
    pub fn list_jailbreak_experiments_in_window(
        conn: &rusqlite::Connection,
        params: &ListJailbreakExperimentsInWindowParams<'_>,
    ) -> Result<Vec<tables::JailbreakExperimentsRow>, Error> {
        let mut call = Call::new(conn, &LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW)?;
        call.bind(&params.since)?;
        call.bind(&params.until)?;
        call.bind(&params.framework)?;
        call.bind(&params.max_rows)?;
        call.bind(&params.skip_rows)?;
        call.many()
    }

    /// Jailbreak experiments created in a time window, oldest first; pass a framework to extract one
    /// framework only, NULL for all.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW`](super::LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW).
    #[inline]
    pub fn list_jailbreak_experiments_in_window_for_each(
        conn: &rusqlite::Connection,
        params: &ListJailbreakExperimentsInWindowParams<'_>,
        f: impl FnMut(tables::JailbreakExperimentsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW)?;
        call.bind(&params.since)?;
        call.bind(&params.until)?;
        call.bind(&params.framework)?;
        call.bind(&params.max_rows)?;
        call.bind(&params.skip_rows)?;
        call.for_each(f)
    }

    /// Record one jailbreak experiment result. Idempotent on id.
    ///
    /// The SQL: [`INSERT_JAILBREAK_EXPERIMENT`](super::INSERT_JAILBREAK_EXPERIMENT).
    #[inline]
    pub fn insert_jailbreak_experiment(
        conn: &rusqlite::Connection,
        params: &InsertJailbreakExperimentParams<'_>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &INSERT_JAILBREAK_EXPERIMENT)?;
        call.bind(&params.id)?;
        call.bind(&params.framework)?;
        call.bind(&params.attack_method)?;
        call.bind(&params.goal)?;
        call.bind(&params.final_prompt)?;
        call.bind(&params.target_response)?;
        call.bind(&params.iterations)?;
        call.bind(&params.success)?;
        call.bind(&params.judge_score)?;
        call.bind(&params.metadata)?;
        call.bind(&params.created_at)?;
        call.execrows()
    }

    /// Success rate inputs and judge scores per framework and attack method in a time window.
    ///
    /// The SQL: [`SUMMARIZE_JAILBREAK_EXPERIMENTS`](super::SUMMARIZE_JAILBREAK_EXPERIMENTS).
    #[inline]
    pub fn summarize_jailbreak_experiments(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<SummarizeJailbreakExperimentsRow>, Error> {
        let mut call = Call::new(conn, &SUMMARIZE_JAILBREAK_EXPERIMENTS)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Success rate inputs and judge scores per framework and attack method in a time window.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_JAILBREAK_EXPERIMENTS`](super::SUMMARIZE_JAILBREAK_EXPERIMENTS).
    #[inline]
    pub fn summarize_jailbreak_experiments_for_each(
        conn: &rusqlite::Connection,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(SummarizeJailbreakExperimentsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &SUMMARIZE_JAILBREAK_EXPERIMENTS)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }
}

/// The queries on the postgres backend (synchronous).
#[cfg(feature = "postgres")]
pub mod pg {
    use super::*;
    use crate::runtime::pg::{Call, Executor};
    use crate::runtime::Error;

    /// Interactions created in a time window, oldest first, for incremental extraction; pass a
    /// provider to extract one provider only, NULL for all. Page with max_rows and skip_rows.
    ///
    /// The SQL: [`LIST_INTERACTIONS_IN_WINDOW`](super::LIST_INTERACTIONS_IN_WINDOW).
    pub fn list_interactions_in_window(
        client: &mut impl Executor,
        params: &ListInteractionsInWindowParams<'_>,
    ) -> Result<Vec<tables::LlmInteractionsRow>, Error> {
        let mut call = Call::new(client, &LIST_INTERACTIONS_IN_WINDOW)?;
        call.bind(&params.since)?;
        call.bind(&params.until)?;
        call.bind(&params.provider)?;
        call.bind(&params.max_rows)?;
        call.bind(&params.skip_rows)?;
        call.many()
    }

    /// Interactions created in a time window, oldest first, for incremental extraction; pass a
    /// provider to extract one provider only, NULL for all. Page with max_rows and skip_rows.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_INTERACTIONS_IN_WINDOW`](super::LIST_INTERACTIONS_IN_WINDOW).
    pub fn list_interactions_in_window_for_each(
        client: &mut impl Executor,
        params: &ListInteractionsInWindowParams<'_>,
        f: impl FnMut(tables::LlmInteractionsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_INTERACTIONS_IN_WINDOW)?;
        call.bind(&params.since)?;
        call.bind(&params.until)?;
        call.bind(&params.provider)?;
        call.bind(&params.max_rows)?;
        call.bind(&params.skip_rows)?;
        call.for_each(f)
    }

    /// One interaction by its id, e.g. to verify a record after insertion.
    ///
    /// The SQL: [`GET_INTERACTION`](super::GET_INTERACTION).
    pub fn get_interaction(
        client: &mut impl Executor,
        id: uuid::Uuid,
    ) -> Result<tables::LlmInteractionsRow, Error> {
        let mut call = Call::new(client, &GET_INTERACTION)?;
        call.bind(&id)?;
        call.one()
    }

    /// One interaction by its id, e.g. to verify a record after insertion.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_INTERACTION`](super::GET_INTERACTION).
    pub fn get_interaction_opt(
        client: &mut impl Executor,
        id: uuid::Uuid,
    ) -> Result<Option<tables::LlmInteractionsRow>, Error> {
        let mut call = Call::new(client, &GET_INTERACTION)?;
        call.bind(&id)?;
        call.opt()
    }

    /// All interactions of one session, in the order they happened.
    ///
    /// The SQL: [`LIST_INTERACTIONS_FOR_SESSION`](super::LIST_INTERACTIONS_FOR_SESSION).
    pub fn list_interactions_for_session(
        client: &mut impl Executor,
        session_id: uuid::Uuid,
    ) -> Result<Vec<ListInteractionsForSessionRow>, Error> {
        let mut call = Call::new(client, &LIST_INTERACTIONS_FOR_SESSION)?;
        call.bind(&session_id)?;
        call.many()
    }

    /// All interactions of one session, in the order they happened.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_INTERACTIONS_FOR_SESSION`](super::LIST_INTERACTIONS_FOR_SESSION).
    pub fn list_interactions_for_session_for_each(
        client: &mut impl Executor,
        session_id: uuid::Uuid,
        f: impl FnMut(ListInteractionsForSessionRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_INTERACTIONS_FOR_SESSION)?;
        call.bind(&session_id)?;
        call.for_each(f)
    }

    /// Record one LLM API call. Idempotent: re-ingesting the same id does nothing, and the returned
    /// row count (0 or 1) says whether the row was new.
    ///
    /// The SQL: [`INSERT_INTERACTION`](super::INSERT_INTERACTION).
    pub fn insert_interaction(
        client: &mut impl Executor,
        params: &InsertInteractionParams<'_>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &INSERT_INTERACTION)?;
        call.bind(&params.id)?;
        call.bind(&params.session_id)?;
        call.bind(&params.tenant_id)?;
        call.bind(&params.provider)?;
        call.bind(&params.model)?;
        call.bind(&params.prompt)?;
        call.bind(&params.response)?;
        call.bind(&params.system_instruction)?;
        call.bind(&params.config)?;
        call.bind(&params.tokens_prompt)?;
        call.bind(&params.tokens_completion)?;
        call.bind(&params.latency_ms)?;
        call.bind(&params.error_message)?;
        call.bind(&params.created_at)?;
        call.execrows()
    }

    /// Interaction volume, tokens, latency and errors per provider and model in a time window,
    /// largest first: the hourly pipeline-health numbers.
    ///
    /// The SQL: [`COUNT_INTERACTIONS_BY_PROVIDER_MODEL`](super::COUNT_INTERACTIONS_BY_PROVIDER_MODEL).
    pub fn count_interactions_by_provider_model(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<CountInteractionsByProviderModelRow>, Error> {
        let mut call = Call::new(client, &COUNT_INTERACTIONS_BY_PROVIDER_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Interaction volume, tokens, latency and errors per provider and model in a time window,
    /// largest first: the hourly pipeline-health numbers.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`COUNT_INTERACTIONS_BY_PROVIDER_MODEL`](super::COUNT_INTERACTIONS_BY_PROVIDER_MODEL).
    pub fn count_interactions_by_provider_model_for_each(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(CountInteractionsByProviderModelRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &COUNT_INTERACTIONS_BY_PROVIDER_MODEL)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// The newest created_at of all interactions (NULL when the table is empty): compare it with the
    /// ingestion watermark to detect lag.
    ///
    /// The SQL: [`GET_LATEST_INTERACTION_TIME`](super::GET_LATEST_INTERACTION_TIME).
    pub fn get_latest_interaction_time(
        client: &mut impl Executor,
    ) -> Result<Option<chrono::DateTime<chrono::Utc>>, Error> {
        let call = Call::new(client, &GET_LATEST_INTERACTION_TIME)?;
        call.one()
    }

    /// The newest created_at of all interactions (NULL when the table is empty): compare it with the
    /// ingestion watermark to detect lag.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_LATEST_INTERACTION_TIME`](super::GET_LATEST_INTERACTION_TIME).
    pub fn get_latest_interaction_time_opt(
        client: &mut impl Executor,
    ) -> Result<Option<Option<chrono::DateTime<chrono::Utc>>>, Error> {
        let call = Call::new(client, &GET_LATEST_INTERACTION_TIME)?;
        call.opt()
    }

    /// Transformation events created in a time window, oldest first; pass a technique suite to
    /// extract one suite only, NULL for all.
    ///
    /// The SQL: [`LIST_TRANSFORMATION_EVENTS_IN_WINDOW`](super::LIST_TRANSFORMATION_EVENTS_IN_WINDOW).
    pub fn list_transformation_events_in_window(
        client: &mut impl Executor,
        params: &ListTransformationEventsInWindowParams<'_>,
    ) -> Result<Vec<tables::TransformationEventsRow>, Error> {
        let mut call = Call::new(client, &LIST_TRANSFORMATION_EVENTS_IN_WINDOW)?;
        call.bind(&params.since)?;
        call.bind(&params.until)?;
        call.bind(&params.technique_suite)?;
        call.bind(&params.max_rows)?;
        call.bind(&params.skip_rows)?;
        call.many()
    }

    /// Transformation events created in a time window, oldest first; pass a technique suite to
    /// extract one suite only, NULL for all.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_TRANSFORMATION_EVENTS_IN_WINDOW`](super::LIST_TRANSFORMATION_EVENTS_IN_WINDOW).
    pub fn list_transformation_events_in_window_for_each(
        client: &mut impl Executor,
        params: &ListTransformationEventsInWindowParams<'_>,
        f: impl FnMut(tables::TransformationEventsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_TRANSFORMATION_EVENTS_IN_WINDOW)?;
        call.bind(&params.since)?;
        call.bind(&params.until)?;
        call.bind(&params.technique_suite)?;
        call.bind(&params.max_rows)?;
        call.bind(&params.skip_rows)?;
        call.for_each(f)
    }

    /// Transformation events of a time window with the provider, model and latency of the interaction
    /// they belong to. The interaction may be missing (no interaction_id, or not ingested yet), so its
    /// columns are NULL then; a provider filter keeps only events whose interaction matches.
    ///
    /// The SQL: [`LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION`](super::LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION).
    pub fn list_transformation_events_with_interaction(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        provider: Option<&str>,
        max_rows: i64,
    ) -> Result<Vec<ListTransformationEventsWithInteractionRow>, Error> {
        let mut call = Call::new(client, &LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&provider)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// Transformation events of a time window with the provider, model and latency of the interaction
    /// they belong to. The interaction may be missing (no interaction_id, or not ingested yet), so its
    /// columns are NULL then; a provider filter keeps only events whose interaction matches.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION`](super::LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION).
    pub fn list_transformation_events_with_interaction_for_each(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        provider: Option<&str>,
        max_rows: i64,
        f: impl FnMut(ListTransformationEventsWithInteractionRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.bind(&provider)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Record one prompt transformation attempt; interaction_id may be NULL. Idempotent on id.
    ///
    /// The SQL: [`INSERT_TRANSFORMATION_EVENT`](super::INSERT_TRANSFORMATION_EVENT).
    pub fn insert_transformation_event(
        client: &mut impl Executor,
        params: &InsertTransformationEventParams<'_>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &INSERT_TRANSFORMATION_EVENT)?;
        call.bind(&params.id)?;
        call.bind(&params.interaction_id)?;
        call.bind(&params.technique_suite)?;
        call.bind(&params.technique_name)?;
        call.bind(&params.original_prompt)?;
        call.bind(&params.transformed_prompt)?;
        call.bind(&params.transformation_time_ms)?;
        call.bind(&params.success)?;
        call.bind(&params.metadata)?;
        call.bind(&params.created_at)?;
        call.execrows()
    }

    /// Attempts, successes and mean time per technique in a time window, busiest first.
    ///
    /// The SQL: [`SUMMARIZE_TRANSFORMATION_TECHNIQUES`](super::SUMMARIZE_TRANSFORMATION_TECHNIQUES).
    pub fn summarize_transformation_techniques(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<SummarizeTransformationTechniquesRow>, Error> {
        let mut call = Call::new(client, &SUMMARIZE_TRANSFORMATION_TECHNIQUES)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Attempts, successes and mean time per technique in a time window, busiest first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_TRANSFORMATION_TECHNIQUES`](super::SUMMARIZE_TRANSFORMATION_TECHNIQUES).
    pub fn summarize_transformation_techniques_for_each(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(SummarizeTransformationTechniquesRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &SUMMARIZE_TRANSFORMATION_TECHNIQUES)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// Jailbreak experiments created in a time window, oldest first; pass a framework to extract one
    /// framework only, NULL for all.
    ///
    /// The SQL: [`LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW`](super::LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW).
    pub fn list_jailbreak_experiments_in_window(
        client: &mut impl Executor,
        params: &ListJailbreakExperimentsInWindowParams<'_>,
    ) -> Result<Vec<tables::JailbreakExperimentsRow>, Error> {
        let mut call = Call::new(client, &LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW)?;
        call.bind(&params.since)?;
        call.bind(&params.until)?;
        call.bind(&params.framework)?;
        call.bind(&params.max_rows)?;
        call.bind(&params.skip_rows)?;
        call.many()
    }

    /// Jailbreak experiments created in a time window, oldest first; pass a framework to extract one
    /// framework only, NULL for all.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW`](super::LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW).
    pub fn list_jailbreak_experiments_in_window_for_each(
        client: &mut impl Executor,
        params: &ListJailbreakExperimentsInWindowParams<'_>,
        f: impl FnMut(tables::JailbreakExperimentsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW)?;
        call.bind(&params.since)?;
        call.bind(&params.until)?;
        call.bind(&params.framework)?;
        call.bind(&params.max_rows)?;
        call.bind(&params.skip_rows)?;
        call.for_each(f)
    }

    /// Record one jailbreak experiment result. Idempotent on id.
    ///
    /// The SQL: [`INSERT_JAILBREAK_EXPERIMENT`](super::INSERT_JAILBREAK_EXPERIMENT).
    pub fn insert_jailbreak_experiment(
        client: &mut impl Executor,
        params: &InsertJailbreakExperimentParams<'_>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &INSERT_JAILBREAK_EXPERIMENT)?;
        call.bind(&params.id)?;
        call.bind(&params.framework)?;
        call.bind(&params.attack_method)?;
        call.bind(&params.goal)?;
        call.bind(&params.final_prompt)?;
        call.bind(&params.target_response)?;
        call.bind(&params.iterations)?;
        call.bind(&params.success)?;
        call.bind(&params.judge_score)?;
        call.bind(&params.metadata)?;
        call.bind(&params.created_at)?;
        call.execrows()
    }

    /// Success rate inputs and judge scores per framework and attack method in a time window.
    ///
    /// The SQL: [`SUMMARIZE_JAILBREAK_EXPERIMENTS`](super::SUMMARIZE_JAILBREAK_EXPERIMENTS).
    pub fn summarize_jailbreak_experiments(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<SummarizeJailbreakExperimentsRow>, Error> {
        let mut call = Call::new(client, &SUMMARIZE_JAILBREAK_EXPERIMENTS)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Success rate inputs and judge scores per framework and attack method in a time window.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_JAILBREAK_EXPERIMENTS`](super::SUMMARIZE_JAILBREAK_EXPERIMENTS).
    pub fn summarize_jailbreak_experiments_for_each(
        client: &mut impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(SummarizeJailbreakExperimentsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &SUMMARIZE_JAILBREAK_EXPERIMENTS)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }
}

/// The queries on the tokio-postgres backend (asynchronous).
#[cfg(feature = "tokio-postgres")]
pub mod pg_async {
    use std::future::Future;

    use super::*;
    use crate::runtime::pg_async::{self as run, Executor, Rows};
    use crate::runtime::Error;

    /// Interactions created in a time window, oldest first, for incremental extraction; pass a
    /// provider to extract one provider only, NULL for all. Page with max_rows and skip_rows.
    ///
    /// The SQL: [`LIST_INTERACTIONS_IN_WINDOW`](super::LIST_INTERACTIONS_IN_WINDOW).
    pub fn list_interactions_in_window<'a>(
        client: &'a impl Executor,
        params: &'a ListInteractionsInWindowParams<'a>,
    ) -> impl Future<Output = Result<Vec<tables::LlmInteractionsRow>, Error>> + 'a {
        run::many(client, &LIST_INTERACTIONS_IN_WINDOW, params)
    }

    /// Interactions created in a time window, oldest first, for incremental extraction; pass a
    /// provider to extract one provider only, NULL for all. Page with max_rows and skip_rows.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_INTERACTIONS_IN_WINDOW`](super::LIST_INTERACTIONS_IN_WINDOW).
    pub fn list_interactions_in_window_for_each<'a>(
        client: &'a impl Executor,
        params: &'a ListInteractionsInWindowParams<'a>,
        f: impl FnMut(tables::LlmInteractionsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_INTERACTIONS_IN_WINDOW, params, f)
    }

    /// Interactions created in a time window, oldest first, for incremental extraction; pass a
    /// provider to extract one provider only, NULL for all. Page with max_rows and skip_rows.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_INTERACTIONS_IN_WINDOW`](super::LIST_INTERACTIONS_IN_WINDOW).
    pub fn list_interactions_in_window_stream<'a>(
        client: &'a impl Executor,
        params: &'a ListInteractionsInWindowParams<'a>,
    ) -> impl Future<Output = Result<Rows<tables::LlmInteractionsRow>, Error>> + 'a {
        run::stream(client, &LIST_INTERACTIONS_IN_WINDOW, params)
    }

    /// One interaction by its id, e.g. to verify a record after insertion.
    ///
    /// The SQL: [`GET_INTERACTION`](super::GET_INTERACTION).
    pub fn get_interaction<'a>(
        client: &'a impl Executor,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<tables::LlmInteractionsRow, Error>> + 'a {
        run::one(client, &GET_INTERACTION, (id,))
    }

    /// One interaction by its id, e.g. to verify a record after insertion.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_INTERACTION`](super::GET_INTERACTION).
    pub fn get_interaction_opt<'a>(
        client: &'a impl Executor,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<Option<tables::LlmInteractionsRow>, Error>> + 'a {
        run::opt(client, &GET_INTERACTION, (id,))
    }

    /// All interactions of one session, in the order they happened.
    ///
    /// The SQL: [`LIST_INTERACTIONS_FOR_SESSION`](super::LIST_INTERACTIONS_FOR_SESSION).
    pub fn list_interactions_for_session<'a>(
        client: &'a impl Executor,
        session_id: uuid::Uuid,
    ) -> impl Future<Output = Result<Vec<ListInteractionsForSessionRow>, Error>> + 'a {
        run::many(client, &LIST_INTERACTIONS_FOR_SESSION, (session_id,))
    }

    /// All interactions of one session, in the order they happened.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_INTERACTIONS_FOR_SESSION`](super::LIST_INTERACTIONS_FOR_SESSION).
    pub fn list_interactions_for_session_for_each<'a>(
        client: &'a impl Executor,
        session_id: uuid::Uuid,
        f: impl FnMut(ListInteractionsForSessionRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_INTERACTIONS_FOR_SESSION, (session_id,), f)
    }

    /// All interactions of one session, in the order they happened.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_INTERACTIONS_FOR_SESSION`](super::LIST_INTERACTIONS_FOR_SESSION).
    pub fn list_interactions_for_session_stream<'a>(
        client: &'a impl Executor,
        session_id: uuid::Uuid,
    ) -> impl Future<Output = Result<Rows<ListInteractionsForSessionRow>, Error>> + 'a {
        run::stream(client, &LIST_INTERACTIONS_FOR_SESSION, (session_id,))
    }

    /// Record one LLM API call. Idempotent: re-ingesting the same id does nothing, and the returned
    /// row count (0 or 1) says whether the row was new.
    ///
    /// The SQL: [`INSERT_INTERACTION`](super::INSERT_INTERACTION).
    pub fn insert_interaction<'a>(
        client: &'a impl Executor,
        params: &'a InsertInteractionParams<'a>,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &INSERT_INTERACTION, params)
    }

    /// Interaction volume, tokens, latency and errors per provider and model in a time window,
    /// largest first: the hourly pipeline-health numbers.
    ///
    /// The SQL: [`COUNT_INTERACTIONS_BY_PROVIDER_MODEL`](super::COUNT_INTERACTIONS_BY_PROVIDER_MODEL).
    pub fn count_interactions_by_provider_model<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Vec<CountInteractionsByProviderModelRow>, Error>> + 'a {
        run::many(
            client,
            &COUNT_INTERACTIONS_BY_PROVIDER_MODEL,
            (since, until),
        )
    }

    /// Interaction volume, tokens, latency and errors per provider and model in a time window,
    /// largest first: the hourly pipeline-health numbers.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`COUNT_INTERACTIONS_BY_PROVIDER_MODEL`](super::COUNT_INTERACTIONS_BY_PROVIDER_MODEL).
    pub fn count_interactions_by_provider_model_for_each<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(CountInteractionsByProviderModelRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(
            client,
            &COUNT_INTERACTIONS_BY_PROVIDER_MODEL,
            (since, until),
            f,
        )
    }

    /// Interaction volume, tokens, latency and errors per provider and model in a time window,
    /// largest first: the hourly pipeline-health numbers.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`COUNT_INTERACTIONS_BY_PROVIDER_MODEL`](super::COUNT_INTERACTIONS_BY_PROVIDER_MODEL).
    pub fn count_interactions_by_provider_model_stream<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Rows<CountInteractionsByProviderModelRow>, Error>> + 'a {
        run::stream(
            client,
            &COUNT_INTERACTIONS_BY_PROVIDER_MODEL,
            (since, until),
        )
    }

    /// The newest created_at of all interactions (NULL when the table is empty): compare it with the
    /// ingestion watermark to detect lag.
    ///
    /// The SQL: [`GET_LATEST_INTERACTION_TIME`](super::GET_LATEST_INTERACTION_TIME).
    pub fn get_latest_interaction_time<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Option<chrono::DateTime<chrono::Utc>>, Error>> + 'a {
        run::one(client, &GET_LATEST_INTERACTION_TIME, ())
    }

    /// The newest created_at of all interactions (NULL when the table is empty): compare it with the
    /// ingestion watermark to detect lag.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_LATEST_INTERACTION_TIME`](super::GET_LATEST_INTERACTION_TIME).
    pub fn get_latest_interaction_time_opt<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Option<Option<chrono::DateTime<chrono::Utc>>>, Error>> + 'a
    {
        run::opt(client, &GET_LATEST_INTERACTION_TIME, ())
    }

    /// Transformation events created in a time window, oldest first; pass a technique suite to
    /// extract one suite only, NULL for all.
    ///
    /// The SQL: [`LIST_TRANSFORMATION_EVENTS_IN_WINDOW`](super::LIST_TRANSFORMATION_EVENTS_IN_WINDOW).
    pub fn list_transformation_events_in_window<'a>(
        client: &'a impl Executor,
        params: &'a ListTransformationEventsInWindowParams<'a>,
    ) -> impl Future<Output = Result<Vec<tables::TransformationEventsRow>, Error>> + 'a {
        run::many(client, &LIST_TRANSFORMATION_EVENTS_IN_WINDOW, params)
    }

    /// Transformation events created in a time window, oldest first; pass a technique suite to
    /// extract one suite only, NULL for all.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_TRANSFORMATION_EVENTS_IN_WINDOW`](super::LIST_TRANSFORMATION_EVENTS_IN_WINDOW).
    pub fn list_transformation_events_in_window_for_each<'a>(
        client: &'a impl Executor,
        params: &'a ListTransformationEventsInWindowParams<'a>,
        f: impl FnMut(tables::TransformationEventsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_TRANSFORMATION_EVENTS_IN_WINDOW, params, f)
    }

    /// Transformation events created in a time window, oldest first; pass a technique suite to
    /// extract one suite only, NULL for all.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_TRANSFORMATION_EVENTS_IN_WINDOW`](super::LIST_TRANSFORMATION_EVENTS_IN_WINDOW).
    pub fn list_transformation_events_in_window_stream<'a>(
        client: &'a impl Executor,
        params: &'a ListTransformationEventsInWindowParams<'a>,
    ) -> impl Future<Output = Result<Rows<tables::TransformationEventsRow>, Error>> + 'a {
        run::stream(client, &LIST_TRANSFORMATION_EVENTS_IN_WINDOW, params)
    }

    /// Transformation events of a time window with the provider, model and latency of the interaction
    /// they belong to. The interaction may be missing (no interaction_id, or not ingested yet), so its
    /// columns are NULL then; a provider filter keeps only events whose interaction matches.
    ///
    /// The SQL: [`LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION`](super::LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION).
    pub fn list_transformation_events_with_interaction<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        provider: Option<&'a str>,
        max_rows: i64,
    ) -> impl Future<Output = Result<Vec<ListTransformationEventsWithInteractionRow>, Error>> + 'a
    {
        run::many(
            client,
            &LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION,
            (since, until, provider, max_rows),
        )
    }

    /// Transformation events of a time window with the provider, model and latency of the interaction
    /// they belong to. The interaction may be missing (no interaction_id, or not ingested yet), so its
    /// columns are NULL then; a provider filter keeps only events whose interaction matches.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION`](super::LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION).
    pub fn list_transformation_events_with_interaction_for_each<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        provider: Option<&'a str>,
        max_rows: i64,
        f: impl FnMut(ListTransformationEventsWithInteractionRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(
            client,
            &LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION,
            (since, until, provider, max_rows),
            f,
        )
    }

    /// Transformation events of a time window with the provider, model and latency of the interaction
    /// they belong to. The interaction may be missing (no interaction_id, or not ingested yet), so its
    /// columns are NULL then; a provider filter keeps only events whose interaction matches.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION`](super::LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION).
    pub fn list_transformation_events_with_interaction_stream<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        provider: Option<&'a str>,
        max_rows: i64,
    ) -> impl Future<Output = Result<Rows<ListTransformationEventsWithInteractionRow>, Error>> + 'a
    {
        run::stream(
            client,
            &LIST_TRANSFORMATION_EVENTS_WITH_INTERACTION,
            (since, until, provider, max_rows),
        )
    }

    /// Record one prompt transformation attempt; interaction_id may be NULL. Idempotent on id.
    ///
    /// The SQL: [`INSERT_TRANSFORMATION_EVENT`](super::INSERT_TRANSFORMATION_EVENT).
    pub fn insert_transformation_event<'a>(
        client: &'a impl Executor,
        params: &'a InsertTransformationEventParams<'a>,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &INSERT_TRANSFORMATION_EVENT, params)
    }

    /// Attempts, successes and mean time per technique in a time window, busiest first.
    ///
    /// The SQL: [`SUMMARIZE_TRANSFORMATION_TECHNIQUES`](super::SUMMARIZE_TRANSFORMATION_TECHNIQUES).
    pub fn summarize_transformation_techniques<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Vec<SummarizeTransformationTechniquesRow>, Error>> + 'a {
        run::many(client, &SUMMARIZE_TRANSFORMATION_TECHNIQUES, (since, until))
    }

    /// Attempts, successes and mean time per technique in a time window, busiest first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_TRANSFORMATION_TECHNIQUES`](super::SUMMARIZE_TRANSFORMATION_TECHNIQUES).
    pub fn summarize_transformation_techniques_for_each<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(SummarizeTransformationTechniquesRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(
            client,
            &SUMMARIZE_TRANSFORMATION_TECHNIQUES,
            (since, until),
            f,
        )
    }

    /// Attempts, successes and mean time per technique in a time window, busiest first.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`SUMMARIZE_TRANSFORMATION_TECHNIQUES`](super::SUMMARIZE_TRANSFORMATION_TECHNIQUES).
    pub fn summarize_transformation_techniques_stream<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Rows<SummarizeTransformationTechniquesRow>, Error>> + 'a {
        run::stream(client, &SUMMARIZE_TRANSFORMATION_TECHNIQUES, (since, until))
    }

    /// Jailbreak experiments created in a time window, oldest first; pass a framework to extract one
    /// framework only, NULL for all.
    ///
    /// The SQL: [`LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW`](super::LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW).
    pub fn list_jailbreak_experiments_in_window<'a>(
        client: &'a impl Executor,
        params: &'a ListJailbreakExperimentsInWindowParams<'a>,
    ) -> impl Future<Output = Result<Vec<tables::JailbreakExperimentsRow>, Error>> + 'a {
        run::many(client, &LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW, params)
    }

    /// Jailbreak experiments created in a time window, oldest first; pass a framework to extract one
    /// framework only, NULL for all.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW`](super::LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW).
    pub fn list_jailbreak_experiments_in_window_for_each<'a>(
        client: &'a impl Executor,
        params: &'a ListJailbreakExperimentsInWindowParams<'a>,
        f: impl FnMut(tables::JailbreakExperimentsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW, params, f)
    }

    /// Jailbreak experiments created in a time window, oldest first; pass a framework to extract one
    /// framework only, NULL for all.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW`](super::LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW).
    pub fn list_jailbreak_experiments_in_window_stream<'a>(
        client: &'a impl Executor,
        params: &'a ListJailbreakExperimentsInWindowParams<'a>,
    ) -> impl Future<Output = Result<Rows<tables::JailbreakExperimentsRow>, Error>> + 'a {
        run::stream(client, &LIST_JAILBREAK_EXPERIMENTS_IN_WINDOW, params)
    }

    /// Record one jailbreak experiment result. Idempotent on id.
    ///
    /// The SQL: [`INSERT_JAILBREAK_EXPERIMENT`](super::INSERT_JAILBREAK_EXPERIMENT).
    pub fn insert_jailbreak_experiment<'a>(
        client: &'a impl Executor,
        params: &'a InsertJailbreakExperimentParams<'a>,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &INSERT_JAILBREAK_EXPERIMENT, params)
    }

    /// Success rate inputs and judge scores per framework and attack method in a time window.
    ///
    /// The SQL: [`SUMMARIZE_JAILBREAK_EXPERIMENTS`](super::SUMMARIZE_JAILBREAK_EXPERIMENTS).
    pub fn summarize_jailbreak_experiments<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Vec<SummarizeJailbreakExperimentsRow>, Error>> + 'a {
        run::many(client, &SUMMARIZE_JAILBREAK_EXPERIMENTS, (since, until))
    }

    /// Success rate inputs and judge scores per framework and attack method in a time window.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_JAILBREAK_EXPERIMENTS`](super::SUMMARIZE_JAILBREAK_EXPERIMENTS).
    pub fn summarize_jailbreak_experiments_for_each<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
        f: impl FnMut(SummarizeJailbreakExperimentsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &SUMMARIZE_JAILBREAK_EXPERIMENTS, (since, until), f)
    }

    /// Success rate inputs and judge scores per framework and attack method in a time window.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`SUMMARIZE_JAILBREAK_EXPERIMENTS`](super::SUMMARIZE_JAILBREAK_EXPERIMENTS).
    pub fn summarize_jailbreak_experiments_stream<'a>(
        client: &'a impl Executor,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Rows<SummarizeJailbreakExperimentsRow>, Error>> + 'a {
        run::stream(client, &SUMMARIZE_JAILBREAK_EXPERIMENTS, (since, until))
    }
}
