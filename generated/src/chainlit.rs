//! The queries of `queries/chainlit.sql`.
//!
//! Written by `dbtool generate`; do not edit: change schema/ or queries/ and run it again.

use crate::runtime::Query;
use crate::tables;

/// A row of `CountErrorStepsInWindow`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CountErrorStepsInWindowRow {
    pub r#type: String,
    pub error_step_count: i64,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for CountErrorStepsInWindowRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(CountErrorStepsInWindowRow {
            r#type: get(row, 0)?,
            error_step_count: get(row, 1)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for CountErrorStepsInWindowRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(CountErrorStepsInWindowRow {
            r#type: row.try_get(0)?,
            error_step_count: row.try_get(1)?,
        })
    }
}

/// A row of `ListFeedbacksForThread`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListFeedbacksForThreadRow {
    pub id: uuid::Uuid,
    pub for_id: uuid::Uuid,
    pub value: i32,
    pub comment: Option<String>,
    pub step_name: Option<String>,
    pub step_type: Option<String>,
    pub step_output: Option<String>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListFeedbacksForThreadRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListFeedbacksForThreadRow {
            id: get(row, 0)?,
            for_id: get(row, 1)?,
            value: get(row, 2)?,
            comment: get(row, 3)?,
            step_name: get(row, 4)?,
            step_type: get(row, 5)?,
            step_output: get(row, 6)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListFeedbacksForThreadRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListFeedbacksForThreadRow {
            id: row.try_get(0)?,
            for_id: row.try_get(1)?,
            value: row.try_get(2)?,
            comment: row.try_get(3)?,
            step_name: row.try_get(4)?,
            step_type: row.try_get(5)?,
            step_output: row.try_get(6)?,
        })
    }
}

/// A row of `SummarizeFeedbackByStepType`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SummarizeFeedbackByStepTypeRow {
    pub r#type: String,
    pub feedback_count: i64,
    pub avg_value: Option<rust_decimal::Decimal>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for SummarizeFeedbackByStepTypeRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(SummarizeFeedbackByStepTypeRow {
            r#type: get(row, 0)?,
            feedback_count: get(row, 1)?,
            avg_value: get(row, 2)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for SummarizeFeedbackByStepTypeRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(SummarizeFeedbackByStepTypeRow {
            r#type: row.try_get(0)?,
            feedback_count: row.try_get(1)?,
            avg_value: row.try_get(2)?,
        })
    }
}

/// A row of `ListChatSummariesForUser`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListChatSummariesForUserRow {
    pub thread_id: uuid::Uuid,
    pub name: Option<String>,
    pub user_identifier: Option<String>,
    pub created_at: Option<String>,
    pub step_count: i64,
    pub user_message_count: Option<i64>,
    pub last_step_at: Option<String>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListChatSummariesForUserRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListChatSummariesForUserRow {
            thread_id: get(row, 0)?,
            name: get(row, 1)?,
            user_identifier: get(row, 2)?,
            created_at: get(row, 3)?,
            step_count: get(row, 4)?,
            user_message_count: get(row, 5)?,
            last_step_at: get(row, 6)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListChatSummariesForUserRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListChatSummariesForUserRow {
            thread_id: row.try_get(0)?,
            name: row.try_get(1)?,
            user_identifier: row.try_get(2)?,
            created_at: row.try_get(3)?,
            step_count: row.try_get(4)?,
            user_message_count: row.try_get(5)?,
            last_step_at: row.try_get(6)?,
        })
    }
}

/// A row of `GetUserSummary`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct GetUserSummaryRow {
    pub user_id: uuid::Uuid,
    pub identifier: String,
    pub thread_count: i64,
    pub first_thread_at: Option<String>,
    pub last_thread_at: Option<String>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for GetUserSummaryRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(GetUserSummaryRow {
            user_id: get(row, 0)?,
            identifier: get(row, 1)?,
            thread_count: get(row, 2)?,
            first_thread_at: get(row, 3)?,
            last_thread_at: get(row, 4)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for GetUserSummaryRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(GetUserSummaryRow {
            user_id: row.try_get(0)?,
            identifier: row.try_get(1)?,
            thread_count: row.try_get(2)?,
            first_thread_at: row.try_get(3)?,
            last_thread_at: row.try_get(4)?,
        })
    }
}

/// A row of `ListUserSummaries`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListUserSummariesRow {
    pub user_id: uuid::Uuid,
    pub identifier: String,
    pub thread_count: i64,
    pub first_thread_at: Option<String>,
    pub last_thread_at: Option<String>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListUserSummariesRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListUserSummariesRow {
            user_id: get(row, 0)?,
            identifier: get(row, 1)?,
            thread_count: get(row, 2)?,
            first_thread_at: get(row, 3)?,
            last_thread_at: get(row, 4)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListUserSummariesRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListUserSummariesRow {
            user_id: row.try_get(0)?,
            identifier: row.try_get(1)?,
            thread_count: row.try_get(2)?,
            first_thread_at: row.try_get(3)?,
            last_thread_at: row.try_get(4)?,
        })
    }
}

/// A row of `ListPerformanceDashboard`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListPerformanceDashboardRow {
    pub r#type: String,
    pub step_count: i64,
    pub error_count: Option<i64>,
    pub first_at: Option<String>,
    pub last_at: Option<String>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListPerformanceDashboardRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListPerformanceDashboardRow {
            r#type: get(row, 0)?,
            step_count: get(row, 1)?,
            error_count: get(row, 2)?,
            first_at: get(row, 3)?,
            last_at: get(row, 4)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListPerformanceDashboardRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListPerformanceDashboardRow {
            r#type: row.try_get(0)?,
            step_count: row.try_get(1)?,
            error_count: row.try_get(2)?,
            first_at: row.try_get(3)?,
            last_at: row.try_get(4)?,
        })
    }
}

/// The parameters of `UpsertThread`.
#[derive(Debug, Clone, Copy)]
pub struct UpsertThreadParams<'a> {
    pub id: uuid::Uuid,
    pub created_at: Option<&'a str>,
    pub name: Option<&'a str>,
    pub user_id: Option<uuid::Uuid>,
    pub user_identifier: Option<&'a str>,
    pub tags: Option<&'a [String]>,
    pub metadata: Option<&'a serde_json::Value>,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for UpsertThreadParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.id as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.created_at,
            &self.name,
            &self.user_id,
            &self.user_identifier,
            &self.tags,
            &self.metadata,
        ]
    }
}

/// The parameters of `UpsertStep`.
#[derive(Debug, Clone, Copy)]
pub struct UpsertStepParams<'a> {
    pub id: uuid::Uuid,
    pub name: &'a str,
    pub r#type: &'a str,
    pub thread_id: uuid::Uuid,
    pub parent_id: Option<uuid::Uuid>,
    pub streaming: bool,
    pub wait_for_answer: Option<bool>,
    pub is_error: Option<bool>,
    pub metadata: Option<&'a serde_json::Value>,
    pub tags: Option<&'a [String]>,
    pub input: Option<&'a str>,
    pub output: Option<&'a str>,
    pub created_at: Option<&'a str>,
    pub command: Option<&'a str>,
    pub start_time: Option<&'a str>,
    pub end_time: Option<&'a str>,
    pub generation: Option<&'a serde_json::Value>,
    pub show_input: Option<&'a str>,
    pub language: Option<&'a str>,
    pub indent: Option<i32>,
    pub default_open: Option<bool>,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for UpsertStepParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.id as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.name,
            &self.r#type,
            &self.thread_id,
            &self.parent_id,
            &self.streaming,
            &self.wait_for_answer,
            &self.is_error,
            &self.metadata,
            &self.tags,
            &self.input,
            &self.output,
            &self.created_at,
            &self.command,
            &self.start_time,
            &self.end_time,
            &self.generation,
            &self.show_input,
            &self.language,
            &self.indent,
            &self.default_open,
        ]
    }
}

/// The parameters of `UpsertElement`.
#[derive(Debug, Clone, Copy)]
pub struct UpsertElementParams<'a> {
    pub id: uuid::Uuid,
    pub thread_id: Option<uuid::Uuid>,
    pub r#type: Option<&'a str>,
    pub url: Option<&'a str>,
    pub chainlit_key: Option<&'a str>,
    pub name: &'a str,
    pub display: Option<&'a str>,
    pub object_key: Option<&'a str>,
    pub size: Option<&'a str>,
    pub page: Option<i32>,
    pub language: Option<&'a str>,
    pub for_id: Option<uuid::Uuid>,
    pub mime: Option<&'a str>,
    pub props: Option<&'a serde_json::Value>,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for UpsertElementParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.id as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.thread_id,
            &self.r#type,
            &self.url,
            &self.chainlit_key,
            &self.name,
            &self.display,
            &self.object_key,
            &self.size,
            &self.page,
            &self.language,
            &self.for_id,
            &self.mime,
            &self.props,
        ]
    }
}

/// The parameters of `UpsertFeedback`.
#[derive(Debug, Clone, Copy)]
pub struct UpsertFeedbackParams<'a> {
    pub id: uuid::Uuid,
    pub for_id: uuid::Uuid,
    pub thread_id: uuid::Uuid,
    pub value: i32,
    pub comment: Option<&'a str>,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for UpsertFeedbackParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.id as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.for_id,
            &self.thread_id,
            &self.value,
            &self.comment,
        ]
    }
}

/// A user by the identifier their auth provider gave them.
///
/// ```sql
/// SELECT id, identifier, metadata, "createdAt"
/// FROM users
/// WHERE identifier = @identifier
/// ```
pub const GET_USER_BY_IDENTIFIER: Query = Query {
    name: "GetUserByIdentifier",
    postgres: r#"SELECT id, identifier, metadata, "createdAt"
FROM users
WHERE identifier = $1"#,
    timescaledb: None,
    sqlite: r#"SELECT id, identifier, metadata, "createdAt"
FROM users
WHERE identifier = ?1"#,
};

/// A user by id.
///
/// ```sql
/// SELECT id, identifier, metadata, "createdAt"
/// FROM users
/// WHERE id = @id
/// ```
pub const GET_USER: Query = Query {
    name: "GetUser",
    postgres: r#"SELECT id, identifier, metadata, "createdAt"
FROM users
WHERE id = $1"#,
    timescaledb: None,
    sqlite: r#"SELECT id, identifier, metadata, "createdAt"
FROM users
WHERE id = ?1"#,
};

/// Create a user, or refresh the metadata of the user with this identifier; returns the stored
/// row (with the original id and "createdAt" if the user existed).
///
/// ```sql
/// INSERT INTO users (id, identifier, metadata, "createdAt")
/// VALUES (@id, @identifier, @metadata, @created_at)
/// ON CONFLICT (identifier) DO UPDATE SET metadata = excluded.metadata
/// RETURNING id, identifier, metadata, "createdAt"
/// ```
pub const UPSERT_USER: Query = Query {
    name: "UpsertUser",
    postgres: r#"INSERT INTO users (id, identifier, metadata, "createdAt")
VALUES ($1, $2, $3, $4)
ON CONFLICT (identifier) DO UPDATE SET metadata = excluded.metadata
RETURNING id, identifier, metadata, "createdAt""#,
    timescaledb: None,
    sqlite: r#"INSERT INTO users (id, identifier, metadata, "createdAt")
VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (identifier) DO UPDATE SET metadata = excluded.metadata
RETURNING id, identifier, metadata, "createdAt""#,
};

/// The identifier of the user who owns a thread, for authorization checks.
///
/// ```sql
/// SELECT u.identifier
/// FROM threads t
/// INNER JOIN users u ON u.id = t."userId"
/// WHERE t.id = @thread_id
/// ```
pub const GET_THREAD_AUTHOR: Query = Query {
    name: "GetThreadAuthor",
    postgres: r#"SELECT u.identifier
FROM threads t
INNER JOIN users u ON u.id = t."userId"
WHERE t.id = $1"#,
    timescaledb: None,
    sqlite: r#"SELECT u.identifier
FROM threads t
INNER JOIN users u ON u.id = t."userId"
WHERE t.id = ?1"#,
};

/// Create a thread or update it; on update a NULL argument keeps the stored value, and
/// "createdAt" never changes once set.
///
/// ```sql
/// INSERT INTO threads (id, "createdAt", name, "userId", "userIdentifier", tags, metadata)
/// VALUES (@id, sqlc.narg(created_at), sqlc.narg(name), sqlc.narg(user_id),
///         sqlc.narg(user_identifier), sqlc.narg(tags), sqlc.narg(metadata))
/// ON CONFLICT (id) DO UPDATE SET
///     "createdAt" = COALESCE(threads."createdAt", excluded."createdAt"),
///     name = COALESCE(excluded.name, threads.name),
///     "userId" = COALESCE(excluded."userId", threads."userId"),
///     "userIdentifier" = COALESCE(excluded."userIdentifier", threads."userIdentifier"),
///     tags = COALESCE(excluded.tags, threads.tags),
///     metadata = COALESCE(excluded.metadata, threads.metadata)
/// ```
pub const UPSERT_THREAD: Query = Query {
    name: "UpsertThread",
    postgres: r#"INSERT INTO threads (id, "createdAt", name, "userId", "userIdentifier", tags, metadata)
VALUES ($1, $2, $3, $4,
        $5, $6, $7)
ON CONFLICT (id) DO UPDATE SET
    "createdAt" = COALESCE(threads."createdAt", excluded."createdAt"),
    name = COALESCE(excluded.name, threads.name),
    "userId" = COALESCE(excluded."userId", threads."userId"),
    "userIdentifier" = COALESCE(excluded."userIdentifier", threads."userIdentifier"),
    tags = COALESCE(excluded.tags, threads.tags),
    metadata = COALESCE(excluded.metadata, threads.metadata)"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO threads (id, "createdAt", name, "userId", "userIdentifier", tags, metadata)
VALUES (?1, ?2, ?3, ?4,
        ?5, ?6, ?7)
ON CONFLICT (id) DO UPDATE SET
    "createdAt" = COALESCE(threads."createdAt", excluded."createdAt"),
    name = COALESCE(excluded.name, threads.name),
    "userId" = COALESCE(excluded."userId", threads."userId"),
    "userIdentifier" = COALESCE(excluded."userIdentifier", threads."userIdentifier"),
    tags = COALESCE(excluded.tags, threads.tags),
    metadata = COALESCE(excluded.metadata, threads.metadata)"#,
};

/// One thread by id.
///
/// ```sql
/// SELECT id, "createdAt", name, "userId", "userIdentifier", tags, metadata
/// FROM threads
/// WHERE id = @id
/// ```
pub const GET_THREAD: Query = Query {
    name: "GetThread",
    postgres: r#"SELECT id, "createdAt", name, "userId", "userIdentifier", tags, metadata
FROM threads
WHERE id = $1"#,
    timescaledb: None,
    sqlite: r#"SELECT id, "createdAt", name, "userId", "userIdentifier", tags, metadata
FROM threads
WHERE id = ?1"#,
};

/// One page of a user's threads, newest first. Cursor paging: pass NULL for the first page, then
/// the "createdAt" of the last thread received. Optionally filter by a LIKE pattern on the name,
/// case-insensitively (NULL for all). Threads without "createdAt" are not listed.
///
/// ```sql
/// SELECT id, "createdAt", name, "userId", "userIdentifier", tags, metadata
/// FROM threads
/// WHERE "userId" = @user_id
///   AND "createdAt" IS NOT NULL
///   AND ("createdAt" < sqlc.narg(before) OR sqlc.narg(before) IS NULL)
///   AND (lower(name) LIKE lower(sqlc.narg(name_pattern)) OR sqlc.narg(name_pattern) IS NULL)
/// ORDER BY "createdAt" DESC, id DESC
/// LIMIT @max_rows
/// ```
pub const LIST_THREADS_FOR_USER: Query = Query {
    name: "ListThreadsForUser",
    postgres: r#"SELECT id, "createdAt", name, "userId", "userIdentifier", tags, metadata
FROM threads
WHERE "userId" = $1
  AND "createdAt" IS NOT NULL
  AND ("createdAt" < $2 OR $2 IS NULL)
  AND (lower(name) LIKE lower($3) OR $3 IS NULL)
ORDER BY "createdAt" DESC, id DESC
LIMIT $4"#,
    timescaledb: None,
    sqlite: r#"SELECT id, "createdAt", name, "userId", "userIdentifier", tags, metadata
FROM threads
WHERE "userId" = ?1
  AND "createdAt" IS NOT NULL
  AND ("createdAt" < ?2 OR ?2 IS NULL)
  AND (lower(name) LIKE lower(?3) OR ?3 IS NULL)
ORDER BY "createdAt" DESC, id DESC
LIMIT ?4"#,
};

/// Rename a thread.
///
/// ```sql
/// UPDATE threads
/// SET name = @name
/// WHERE id = @id
/// ```
pub const RENAME_THREAD: Query = Query {
    name: "RenameThread",
    postgres: r#"UPDATE threads
SET name = $1
WHERE id = $2"#,
    timescaledb: None,
    sqlite: r#"UPDATE threads
SET name = ?1
WHERE id = ?2"#,
};

/// Delete a thread; its steps, elements and feedbacks go with it (ON DELETE CASCADE).
///
/// ```sql
/// DELETE FROM threads
/// WHERE id = @id
/// ```
pub const DELETE_THREAD: Query = Query {
    name: "DeleteThread",
    postgres: r#"DELETE FROM threads
WHERE id = $1"#,
    timescaledb: None,
    sqlite: r#"DELETE FROM threads
WHERE id = ?1"#,
};

/// Create a step or update it (Chainlit writes a streamed message several times); on update a
/// NULL argument keeps the stored value.
///
/// ```sql
/// INSERT INTO steps (
///     id, name, type, "threadId", "parentId", streaming, "waitForAnswer", "isError", metadata,
///     tags, input, output, "createdAt", command, start, "end", generation, "showInput", language,
///     indent, "defaultOpen"
/// ) VALUES (
///     @id, @name, @type, @thread_id, sqlc.narg(parent_id), @streaming, sqlc.narg(wait_for_answer),
///     sqlc.narg(is_error), sqlc.narg(metadata), sqlc.narg(tags), sqlc.narg(input),
///     sqlc.narg(output), sqlc.narg(created_at), sqlc.narg(command), sqlc.narg(start_time),
///     sqlc.narg(end_time), sqlc.narg(generation), sqlc.narg(show_input), sqlc.narg(language),
///     sqlc.narg(indent), sqlc.narg(default_open)
/// )
/// ON CONFLICT (id) DO UPDATE SET
///     name = excluded.name,
///     type = excluded.type,
///     streaming = excluded.streaming,
///     "parentId" = COALESCE(excluded."parentId", steps."parentId"),
///     "waitForAnswer" = COALESCE(excluded."waitForAnswer", steps."waitForAnswer"),
///     "isError" = COALESCE(excluded."isError", steps."isError"),
///     metadata = COALESCE(excluded.metadata, steps.metadata),
///     tags = COALESCE(excluded.tags, steps.tags),
///     input = COALESCE(excluded.input, steps.input),
///     output = COALESCE(excluded.output, steps.output),
///     "createdAt" = COALESCE(steps."createdAt", excluded."createdAt"),
///     command = COALESCE(excluded.command, steps.command),
///     start = COALESCE(excluded.start, steps.start),
///     "end" = COALESCE(excluded."end", steps."end"),
///     generation = COALESCE(excluded.generation, steps.generation),
///     "showInput" = COALESCE(excluded."showInput", steps."showInput"),
///     language = COALESCE(excluded.language, steps.language),
///     indent = COALESCE(excluded.indent, steps.indent),
///     "defaultOpen" = COALESCE(excluded."defaultOpen", steps."defaultOpen")
/// ```
pub const UPSERT_STEP: Query = Query {
    name: "UpsertStep",
    postgres: r#"INSERT INTO steps (
    id, name, type, "threadId", "parentId", streaming, "waitForAnswer", "isError", metadata,
    tags, input, output, "createdAt", command, start, "end", generation, "showInput", language,
    indent, "defaultOpen"
) VALUES (
    $1, $2, $3, $4, $5, $6, $7,
    $8, $9, $10, $11,
    $12, $13, $14, $15,
    $16, $17, $18, $19,
    $20, $21
)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name,
    type = excluded.type,
    streaming = excluded.streaming,
    "parentId" = COALESCE(excluded."parentId", steps."parentId"),
    "waitForAnswer" = COALESCE(excluded."waitForAnswer", steps."waitForAnswer"),
    "isError" = COALESCE(excluded."isError", steps."isError"),
    metadata = COALESCE(excluded.metadata, steps.metadata),
    tags = COALESCE(excluded.tags, steps.tags),
    input = COALESCE(excluded.input, steps.input),
    output = COALESCE(excluded.output, steps.output),
    "createdAt" = COALESCE(steps."createdAt", excluded."createdAt"),
    command = COALESCE(excluded.command, steps.command),
    start = COALESCE(excluded.start, steps.start),
    "end" = COALESCE(excluded."end", steps."end"),
    generation = COALESCE(excluded.generation, steps.generation),
    "showInput" = COALESCE(excluded."showInput", steps."showInput"),
    language = COALESCE(excluded.language, steps.language),
    indent = COALESCE(excluded.indent, steps.indent),
    "defaultOpen" = COALESCE(excluded."defaultOpen", steps."defaultOpen")"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO steps (
    id, name, type, "threadId", "parentId", streaming, "waitForAnswer", "isError", metadata,
    tags, input, output, "createdAt", command, start, "end", generation, "showInput", language,
    indent, "defaultOpen"
) VALUES (
    ?1, ?2, ?3, ?4, ?5, ?6, ?7,
    ?8, ?9, ?10, ?11,
    ?12, ?13, ?14, ?15,
    ?16, ?17, ?18, ?19,
    ?20, ?21
)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name,
    type = excluded.type,
    streaming = excluded.streaming,
    "parentId" = COALESCE(excluded."parentId", steps."parentId"),
    "waitForAnswer" = COALESCE(excluded."waitForAnswer", steps."waitForAnswer"),
    "isError" = COALESCE(excluded."isError", steps."isError"),
    metadata = COALESCE(excluded.metadata, steps.metadata),
    tags = COALESCE(excluded.tags, steps.tags),
    input = COALESCE(excluded.input, steps.input),
    output = COALESCE(excluded.output, steps.output),
    "createdAt" = COALESCE(steps."createdAt", excluded."createdAt"),
    command = COALESCE(excluded.command, steps.command),
    start = COALESCE(excluded.start, steps.start),
    "end" = COALESCE(excluded."end", steps."end"),
    generation = COALESCE(excluded.generation, steps.generation),
    "showInput" = COALESCE(excluded."showInput", steps."showInput"),
    language = COALESCE(excluded.language, steps.language),
    indent = COALESCE(excluded.indent, steps.indent),
    "defaultOpen" = COALESCE(excluded."defaultOpen", steps."defaultOpen")"#,
};

/// Finish a streamed step: its final output, end time and error flag.
///
/// ```sql
/// UPDATE steps
/// SET output = @output, "end" = @end_time, "isError" = @is_error, streaming = FALSE
/// WHERE id = @id
/// ```
pub const FINISH_STEP: Query = Query {
    name: "FinishStep",
    postgres: r#"UPDATE steps
SET output = $1, "end" = $2, "isError" = $3, streaming = FALSE
WHERE id = $4"#,
    timescaledb: None,
    sqlite: r#"UPDATE steps
SET output = ?1, "end" = ?2, "isError" = ?3, streaming = FALSE
WHERE id = ?4"#,
};

/// The steps of a thread in the order they were created (steps without "createdAt" last).
///
/// ```sql
/// SELECT id, name, type, "threadId", "parentId", streaming, "waitForAnswer", "isError", metadata,
///        tags, input, output, "createdAt", command, start, "end", generation, "showInput",
///        language, indent, "defaultOpen"
/// FROM steps
/// WHERE "threadId" = @thread_id
/// ORDER BY "createdAt" IS NULL, "createdAt", id
/// ```
pub const LIST_STEPS_FOR_THREAD: Query = Query {
    name: "ListStepsForThread",
    postgres: r#"SELECT id, name, type, "threadId", "parentId", streaming, "waitForAnswer", "isError", metadata,
       tags, input, output, "createdAt", command, start, "end", generation, "showInput",
       language, indent, "defaultOpen"
FROM steps
WHERE "threadId" = $1
ORDER BY "createdAt" IS NULL, "createdAt", id"#,
    timescaledb: None,
    sqlite: r#"SELECT id, name, type, "threadId", "parentId", streaming, "waitForAnswer", "isError", metadata,
       tags, input, output, "createdAt", command, start, "end", generation, "showInput",
       language, indent, "defaultOpen"
FROM steps
WHERE "threadId" = ?1
ORDER BY "createdAt" IS NULL, "createdAt", id"#,
};

/// Delete one step. Feedbacks and elements point at steps by "forId" without a foreign key:
/// delete them first with DeleteFeedbacksForStep and DeleteElementsForStep.
///
/// ```sql
/// DELETE FROM steps
/// WHERE id = @id
/// ```
pub const DELETE_STEP: Query = Query {
    name: "DeleteStep",
    postgres: r#"DELETE FROM steps
WHERE id = $1"#,
    timescaledb: None,
    sqlite: r#"DELETE FROM steps
WHERE id = ?1"#,
};

/// Number of failed steps per type in a time window ("createdAt" text), for alerting.
///
/// ```sql
/// SELECT type, count(*) AS error_step_count
/// FROM steps
/// WHERE "isError" = TRUE AND "createdAt" >= @since AND "createdAt" < @until
/// GROUP BY type
/// ORDER BY error_step_count DESC, type
/// ```
pub const COUNT_ERROR_STEPS_IN_WINDOW: Query = Query {
    name: "CountErrorStepsInWindow",
    postgres: r#"SELECT type, count(*) AS error_step_count
FROM steps
WHERE "isError" = TRUE AND "createdAt" >= $1 AND "createdAt" < $2
GROUP BY type
ORDER BY error_step_count DESC, type"#,
    timescaledb: None,
    sqlite: r#"SELECT type, count(*) AS error_step_count
FROM steps
WHERE "isError" = TRUE AND "createdAt" >= ?1 AND "createdAt" < ?2
GROUP BY type
ORDER BY error_step_count DESC, type"#,
};

/// Create an element (attachment) or replace it.
///
/// ```sql
/// INSERT INTO elements (
///     id, "threadId", type, url, "chainlitKey", name, display, "objectKey", size, page, language,
///     "forId", mime, props
/// ) VALUES (
///     @id, sqlc.narg(thread_id), sqlc.narg(type), sqlc.narg(url), sqlc.narg(chainlit_key), @name,
///     sqlc.narg(display), sqlc.narg(object_key), sqlc.narg(size), sqlc.narg(page),
///     sqlc.narg(language), sqlc.narg(for_id), sqlc.narg(mime), sqlc.narg(props)
/// )
/// ON CONFLICT (id) DO UPDATE SET
///     "threadId" = excluded."threadId",
///     type = excluded.type,
///     url = excluded.url,
///     "chainlitKey" = excluded."chainlitKey",
///     name = excluded.name,
///     display = excluded.display,
///     "objectKey" = excluded."objectKey",
///     size = excluded.size,
///     page = excluded.page,
///     language = excluded.language,
///     "forId" = excluded."forId",
///     mime = excluded.mime,
///     props = excluded.props
/// ```
pub const UPSERT_ELEMENT: Query = Query {
    name: "UpsertElement",
    postgres: r#"INSERT INTO elements (
    id, "threadId", type, url, "chainlitKey", name, display, "objectKey", size, page, language,
    "forId", mime, props
) VALUES (
    $1, $2, $3, $4, $5, $6,
    $7, $8, $9, $10,
    $11, $12, $13, $14
)
ON CONFLICT (id) DO UPDATE SET
    "threadId" = excluded."threadId",
    type = excluded.type,
    url = excluded.url,
    "chainlitKey" = excluded."chainlitKey",
    name = excluded.name,
    display = excluded.display,
    "objectKey" = excluded."objectKey",
    size = excluded.size,
    page = excluded.page,
    language = excluded.language,
    "forId" = excluded."forId",
    mime = excluded.mime,
    props = excluded.props"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO elements (
    id, "threadId", type, url, "chainlitKey", name, display, "objectKey", size, page, language,
    "forId", mime, props
) VALUES (
    ?1, ?2, ?3, ?4, ?5, ?6,
    ?7, ?8, ?9, ?10,
    ?11, ?12, ?13, ?14
)
ON CONFLICT (id) DO UPDATE SET
    "threadId" = excluded."threadId",
    type = excluded.type,
    url = excluded.url,
    "chainlitKey" = excluded."chainlitKey",
    name = excluded.name,
    display = excluded.display,
    "objectKey" = excluded."objectKey",
    size = excluded.size,
    page = excluded.page,
    language = excluded.language,
    "forId" = excluded."forId",
    mime = excluded.mime,
    props = excluded.props"#,
};

/// One element of a thread.
///
/// ```sql
/// SELECT id, "threadId", type, url, "chainlitKey", name, display, "objectKey", size, page,
///        language, "forId", mime, props
/// FROM elements
/// WHERE "threadId" = @thread_id AND id = @id
/// ```
pub const GET_ELEMENT: Query = Query {
    name: "GetElement",
    postgres: r#"SELECT id, "threadId", type, url, "chainlitKey", name, display, "objectKey", size, page,
       language, "forId", mime, props
FROM elements
WHERE "threadId" = $1 AND id = $2"#,
    timescaledb: None,
    sqlite: r#"SELECT id, "threadId", type, url, "chainlitKey", name, display, "objectKey", size, page,
       language, "forId", mime, props
FROM elements
WHERE "threadId" = ?1 AND id = ?2"#,
};

/// The elements of a thread, by name.
///
/// ```sql
/// SELECT id, "threadId", type, url, "chainlitKey", name, display, "objectKey", size, page,
///        language, "forId", mime, props
/// FROM elements
/// WHERE "threadId" = @thread_id
/// ORDER BY name, id
/// ```
pub const LIST_ELEMENTS_FOR_THREAD: Query = Query {
    name: "ListElementsForThread",
    postgres: r#"SELECT id, "threadId", type, url, "chainlitKey", name, display, "objectKey", size, page,
       language, "forId", mime, props
FROM elements
WHERE "threadId" = $1
ORDER BY name, id"#,
    timescaledb: None,
    sqlite: r#"SELECT id, "threadId", type, url, "chainlitKey", name, display, "objectKey", size, page,
       language, "forId", mime, props
FROM elements
WHERE "threadId" = ?1
ORDER BY name, id"#,
};

/// Delete one element.
///
/// ```sql
/// DELETE FROM elements
/// WHERE id = @id
/// ```
pub const DELETE_ELEMENT: Query = Query {
    name: "DeleteElement",
    postgres: r#"DELETE FROM elements
WHERE id = $1"#,
    timescaledb: None,
    sqlite: r#"DELETE FROM elements
WHERE id = ?1"#,
};

/// Delete the elements attached to a step.
///
/// ```sql
/// DELETE FROM elements
/// WHERE "forId" = @step_id
/// ```
pub const DELETE_ELEMENTS_FOR_STEP: Query = Query {
    name: "DeleteElementsForStep",
    postgres: r#"DELETE FROM elements
WHERE "forId" = $1"#,
    timescaledb: None,
    sqlite: r#"DELETE FROM elements
WHERE "forId" = ?1"#,
};

/// Create a feedback on a step or replace its value and comment.
///
/// ```sql
/// INSERT INTO feedbacks (id, "forId", "threadId", value, comment)
/// VALUES (@id, @for_id, @thread_id, @value, sqlc.narg(comment))
/// ON CONFLICT (id) DO UPDATE SET value = excluded.value, comment = excluded.comment
/// ```
pub const UPSERT_FEEDBACK: Query = Query {
    name: "UpsertFeedback",
    postgres: r#"INSERT INTO feedbacks (id, "forId", "threadId", value, comment)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (id) DO UPDATE SET value = excluded.value, comment = excluded.comment"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO feedbacks (id, "forId", "threadId", value, comment)
VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (id) DO UPDATE SET value = excluded.value, comment = excluded.comment"#,
};

/// Delete one feedback.
///
/// ```sql
/// DELETE FROM feedbacks
/// WHERE id = @id
/// ```
pub const DELETE_FEEDBACK: Query = Query {
    name: "DeleteFeedback",
    postgres: r#"DELETE FROM feedbacks
WHERE id = $1"#,
    timescaledb: None,
    sqlite: r#"DELETE FROM feedbacks
WHERE id = ?1"#,
};

/// Delete the feedbacks given to a step.
///
/// ```sql
/// DELETE FROM feedbacks
/// WHERE "forId" = @step_id
/// ```
pub const DELETE_FEEDBACKS_FOR_STEP: Query = Query {
    name: "DeleteFeedbacksForStep",
    postgres: r#"DELETE FROM feedbacks
WHERE "forId" = $1"#,
    timescaledb: None,
    sqlite: r#"DELETE FROM feedbacks
WHERE "forId" = ?1"#,
};

/// The feedbacks of a thread with the name, type and output of the step they rate (NULL when the
/// step is gone).
///
/// ```sql
/// SELECT f.id, f."forId", f.value, f.comment,
///        s.name AS step_name,
///        s.type AS step_type,
///        s.output AS step_output
/// FROM feedbacks f
/// LEFT JOIN steps s ON s.id = f."forId"
/// WHERE f."threadId" = @thread_id
/// ORDER BY f.id
/// ```
pub const LIST_FEEDBACKS_FOR_THREAD: Query = Query {
    name: "ListFeedbacksForThread",
    postgres: r#"SELECT f.id, f."forId", f.value, f.comment,
       s.name AS step_name,
       s.type AS step_type,
       s.output AS step_output
FROM feedbacks f
LEFT JOIN steps s ON s.id = f."forId"
WHERE f."threadId" = $1
ORDER BY f.id"#,
    timescaledb: None,
    sqlite: r#"SELECT f.id, f."forId", f.value, f.comment,
       s.name AS step_name,
       s.type AS step_type,
       s.output AS step_output
FROM feedbacks f
LEFT JOIN steps s ON s.id = f."forId"
WHERE f."threadId" = ?1
ORDER BY f.id"#,
};

/// Number and mean value of the feedbacks given to each step type, across all threads: how well
/// each kind of step is rated.
///
/// ```sql
/// SELECT s.type,
///        count(f.id) AS feedback_count,
///        avg(f.value) AS avg_value
/// FROM feedbacks f
/// INNER JOIN steps s ON s.id = f."forId"
/// GROUP BY s.type
/// ORDER BY s.type
/// ```
pub const SUMMARIZE_FEEDBACK_BY_STEP_TYPE: Query = Query {
    name: "SummarizeFeedbackByStepType",
    postgres: r#"SELECT s.type,
       count(f.id) AS feedback_count,
       avg(f.value) AS avg_value
FROM feedbacks f
INNER JOIN steps s ON s.id = f."forId"
GROUP BY s.type
ORDER BY s.type"#,
    timescaledb: None,
    sqlite: r#"SELECT s.type,
       count(f.id) AS feedback_count,
       avg(f.value) AS avg_value
FROM feedbacks f
INNER JOIN steps s ON s.id = f."forId"
GROUP BY s.type
ORDER BY s.type"#,
};

/// A user's threads with their size and recency from chat_summary_view, most recent activity
/// first.
///
/// ```sql
/// SELECT "threadId", name, "userIdentifier", "createdAt", step_count, user_message_count,
///        last_step_at
/// FROM chat_summary_view
/// WHERE "userIdentifier" = @user_identifier
/// ORDER BY COALESCE(last_step_at, "createdAt", '') DESC, "threadId"
/// LIMIT @max_rows
/// ```
pub const LIST_CHAT_SUMMARIES_FOR_USER: Query = Query {
    name: "ListChatSummariesForUser",
    postgres: r#"SELECT "threadId", name, "userIdentifier", "createdAt", step_count, user_message_count,
       last_step_at
FROM chat_summary_view
WHERE "userIdentifier" = $1
ORDER BY COALESCE(last_step_at, "createdAt", '') DESC, "threadId"
LIMIT $2"#,
    timescaledb: None,
    sqlite: r#"SELECT "threadId", name, "userIdentifier", "createdAt", step_count, user_message_count,
       last_step_at
FROM chat_summary_view
WHERE "userIdentifier" = ?1
ORDER BY COALESCE(last_step_at, "createdAt", '') DESC, "threadId"
LIMIT ?2"#,
};

/// Engagement of one user from user_summary_view.
///
/// ```sql
/// SELECT "userId", identifier, thread_count, first_thread_at, last_thread_at
/// FROM user_summary_view
/// WHERE identifier = @identifier
/// ```
pub const GET_USER_SUMMARY: Query = Query {
    name: "GetUserSummary",
    postgres: r#"SELECT "userId", identifier, thread_count, first_thread_at, last_thread_at
FROM user_summary_view
WHERE identifier = $1"#,
    timescaledb: None,
    sqlite: r#"SELECT "userId", identifier, thread_count, first_thread_at, last_thread_at
FROM user_summary_view
WHERE identifier = ?1"#,
};

/// The most engaged users from user_summary_view.
///
/// ```sql
/// SELECT "userId", identifier, thread_count, first_thread_at, last_thread_at
/// FROM user_summary_view
/// ORDER BY thread_count DESC, identifier
/// LIMIT @max_rows
/// ```
pub const LIST_USER_SUMMARIES: Query = Query {
    name: "ListUserSummaries",
    postgres: r#"SELECT "userId", identifier, thread_count, first_thread_at, last_thread_at
FROM user_summary_view
ORDER BY thread_count DESC, identifier
LIMIT $1"#,
    timescaledb: None,
    sqlite: r#"SELECT "userId", identifier, thread_count, first_thread_at, last_thread_at
FROM user_summary_view
ORDER BY thread_count DESC, identifier
LIMIT ?1"#,
};

/// Step volume and errors per step type from performance_dashboard_view, busiest first.
///
/// ```sql
/// SELECT type, step_count, error_count, first_at, last_at
/// FROM performance_dashboard_view
/// ORDER BY step_count DESC, type
/// ```
pub const LIST_PERFORMANCE_DASHBOARD: Query = Query {
    name: "ListPerformanceDashboard",
    postgres: r#"SELECT type, step_count, error_count, first_at, last_at
FROM performance_dashboard_view
ORDER BY step_count DESC, type"#,
    timescaledb: None,
    sqlite: r#"SELECT type, step_count, error_count, first_at, last_at
FROM performance_dashboard_view
ORDER BY step_count DESC, type"#,
};

/// The queries on the rusqlite backend.
#[cfg(feature = "rusqlite")]
pub mod sqlite {
    use super::*;
    use crate::runtime::sqlite::Call;
    use crate::runtime::Error;

    /// A user by the identifier their auth provider gave them.
    ///
    /// The SQL: [`GET_USER_BY_IDENTIFIER`](super::GET_USER_BY_IDENTIFIER).
    #[inline]
    pub fn get_user_by_identifier(
        conn: &rusqlite::Connection,
        identifier: &str,
    ) -> Result<tables::UsersRow, Error> {
        let mut call = Call::new(conn, &GET_USER_BY_IDENTIFIER)?;
        call.bind(&identifier)?;
        call.one()
    }

    /// A user by the identifier their auth provider gave them.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_USER_BY_IDENTIFIER`](super::GET_USER_BY_IDENTIFIER).
    #[inline]
    pub fn get_user_by_identifier_opt(
        conn: &rusqlite::Connection,
        identifier: &str,
    ) -> Result<Option<tables::UsersRow>, Error> {
        let mut call = Call::new(conn, &GET_USER_BY_IDENTIFIER)?;
        call.bind(&identifier)?;
        call.opt()
    }

    /// A user by id.
    ///
    /// The SQL: [`GET_USER`](super::GET_USER).
    #[inline]
    pub fn get_user(
        conn: &rusqlite::Connection,
        id: uuid::Uuid,
    ) -> Result<tables::UsersRow, Error> {
        let mut call = Call::new(conn, &GET_USER)?;
        call.bind(&id)?;
        call.one()
    }

    /// A user by id.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_USER`](super::GET_USER).
    #[inline]
    pub fn get_user_opt(
        conn: &rusqlite::Connection,
        id: uuid::Uuid,
    ) -> Result<Option<tables::UsersRow>, Error> {
        let mut call = Call::new(conn, &GET_USER)?;
        call.bind(&id)?;
        call.opt()
    }

    /// Create a user, or refresh the metadata of the user with this identifier; returns the stored
    /// row (with the original id and "createdAt" if the user existed).
    ///
    /// The SQL: [`UPSERT_USER`](super::UPSERT_USER).
    #[inline]
    pub fn upsert_user(
        conn: &rusqlite::Connection,
        id: uuid::Uuid,
        identifier: &str,
        metadata: &serde_json::Value,
        created_at: Option<&str>,
    ) -> Result<tables::UsersRow, Error> {
        let mut call = Call::new(conn, &UPSERT_USER)?;
        call.bind(&id)?;
        call.bind(&identifier)?;
        call.bind(&metadata)?;
        call.bind(&created_at)?;
        call.one()
    }

    /// Create a user, or refresh the metadata of the user with this identifier; returns the stored
    /// row (with the original id and "createdAt" if the user existed).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`UPSERT_USER`](super::UPSERT_USER).
    #[inline]
    pub fn upsert_user_opt(
        conn: &rusqlite::Connection,
        id: uuid::Uuid,
        identifier: &str,
        metadata: &serde_json::Value,
        created_at: Option<&str>,
    ) -> Result<Option<tables::UsersRow>, Error> {
        let mut call = Call::new(conn, &UPSERT_USER)?;
        call.bind(&id)?;
        call.bind(&identifier)?;
        call.bind(&metadata)?;
        call.bind(&created_at)?;
        call.opt()
    }

    /// The identifier of the user who owns a thread, for authorization checks.
    ///
    /// The SQL: [`GET_THREAD_AUTHOR`](super::GET_THREAD_AUTHOR).
    #[inline]
    pub fn get_thread_author(
        conn: &rusqlite::Connection,
        thread_id: uuid::Uuid,
    ) -> Result<String, Error> {
        let mut call = Call::new(conn, &GET_THREAD_AUTHOR)?;
        call.bind(&thread_id)?;
        call.one()
    }

    /// The identifier of the user who owns a thread, for authorization checks.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_THREAD_AUTHOR`](super::GET_THREAD_AUTHOR).
    #[inline]
    pub fn get_thread_author_opt(
        conn: &rusqlite::Connection,
        thread_id: uuid::Uuid,
    ) -> Result<Option<String>, Error> {
        let mut call = Call::new(conn, &GET_THREAD_AUTHOR)?;
        call.bind(&thread_id)?;
        call.opt()
    }

    /// Create a thread or update it; on update a NULL argument keeps the stored value, and
    /// "createdAt" never changes once set.
    ///
    /// The SQL: [`UPSERT_THREAD`](super::UPSERT_THREAD).
    #[inline]
    pub fn upsert_thread(
        conn: &rusqlite::Connection,
        params: &UpsertThreadParams<'_>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &UPSERT_THREAD)?;
        call.bind(&params.id)?;
        call.bind(&params.created_at)?;
        call.bind(&params.name)?;
        call.bind(&params.user_id)?;
        call.bind(&params.user_identifier)?;
        call.bind(&params.tags)?;
        call.bind(&params.metadata)?;
        call.exec()
    }

    /// One thread by id.
    ///
    /// The SQL: [`GET_THREAD`](super::GET_THREAD).
    #[inline]
    pub fn get_thread(
        conn: &rusqlite::Connection,
        id: uuid::Uuid,
    ) -> Result<tables::ThreadsRow, Error> {
        let mut call = Call::new(conn, &GET_THREAD)?;
        call.bind(&id)?;
        call.one()
    }

    /// One thread by id.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_THREAD`](super::GET_THREAD).
    #[inline]
    pub fn get_thread_opt(
        conn: &rusqlite::Connection,
        id: uuid::Uuid,
    ) -> Result<Option<tables::ThreadsRow>, Error> {
        let mut call = Call::new(conn, &GET_THREAD)?;
        call.bind(&id)?;
        call.opt()
    }

    /// One page of a user's threads, newest first. Cursor paging: pass NULL for the first page, then
    /// the "createdAt" of the last thread received. Optionally filter by a LIKE pattern on the name,
    /// case-insensitively (NULL for all). Threads without "createdAt" are not listed.
    ///
    /// The SQL: [`LIST_THREADS_FOR_USER`](super::LIST_THREADS_FOR_USER).
    #[inline]
    pub fn list_threads_for_user(
        conn: &rusqlite::Connection,
        user_id: uuid::Uuid,
        before: Option<&str>,
        name_pattern: Option<&str>,
        max_rows: i64,
    ) -> Result<Vec<tables::ThreadsRow>, Error> {
        let mut call = Call::new(conn, &LIST_THREADS_FOR_USER)?;
        call.bind(&user_id)?;
        call.bind(&before)?;
        call.bind(&name_pattern)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// One page of a user's threads, newest first. Cursor paging: pass NULL for the first page, then
    /// the "createdAt" of the last thread received. Optionally filter by a LIKE pattern on the name,
    /// case-insensitively (NULL for all). Threads without "createdAt" are not listed.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_THREADS_FOR_USER`](super::LIST_THREADS_FOR_USER).
    #[inline]
    pub fn list_threads_for_user_for_each(
        conn: &rusqlite::Connection,
        user_id: uuid::Uuid,
        before: Option<&str>,
        name_pattern: Option<&str>,
        max_rows: i64,
        f: impl FnMut(tables::ThreadsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_THREADS_FOR_USER)?;
        call.bind(&user_id)?;
        call.bind(&before)?;
        call.bind(&name_pattern)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Rename a thread.
    ///
    /// The SQL: [`RENAME_THREAD`](super::RENAME_THREAD).
    #[inline]
    pub fn rename_thread(
        conn: &rusqlite::Connection,
        name: Option<&str>,
        id: uuid::Uuid,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &RENAME_THREAD)?;
        call.bind(&name)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Delete a thread; its steps, elements and feedbacks go with it (ON DELETE CASCADE).
    ///
    /// The SQL: [`DELETE_THREAD`](super::DELETE_THREAD).
    #[inline]
    pub fn delete_thread(conn: &rusqlite::Connection, id: uuid::Uuid) -> Result<u64, Error> {
        let mut call = Call::new(conn, &DELETE_THREAD)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Create a step or update it (Chainlit writes a streamed message several times); on update a
    /// NULL argument keeps the stored value.
    ///
    /// The SQL: [`UPSERT_STEP`](super::UPSERT_STEP).
    #[inline]
    pub fn upsert_step(
        conn: &rusqlite::Connection,
        params: &UpsertStepParams<'_>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &UPSERT_STEP)?;
        call.bind(&params.id)?;
        call.bind(&params.name)?;
        call.bind(&params.r#type)?;
        call.bind(&params.thread_id)?;
        call.bind(&params.parent_id)?;
        call.bind(&params.streaming)?;
        call.bind(&params.wait_for_answer)?;
        call.bind(&params.is_error)?;
        call.bind(&params.metadata)?;
        call.bind(&params.tags)?;
        call.bind(&params.input)?;
        call.bind(&params.output)?;
        call.bind(&params.created_at)?;
        call.bind(&params.command)?;
        call.bind(&params.start_time)?;
        call.bind(&params.end_time)?;
        call.bind(&params.generation)?;
        call.bind(&params.show_input)?;
        call.bind(&params.language)?;
        call.bind(&params.indent)?;
        call.bind(&params.default_open)?;
        call.exec()
    }

    /// Finish a streamed step: its final output, end time and error flag.
    ///
    /// The SQL: [`FINISH_STEP`](super::FINISH_STEP).
    #[inline]
    pub fn finish_step(
        conn: &rusqlite::Connection,
        output: Option<&str>,
        end_time: Option<&str>,
        is_error: Option<bool>,
        id: uuid::Uuid,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &FINISH_STEP)?;
        call.bind(&output)?;
        call.bind(&end_time)?;
        call.bind(&is_error)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// The steps of a thread in the order they were created (steps without "createdAt" last).
    ///
    /// The SQL: [`LIST_STEPS_FOR_THREAD`](super::LIST_STEPS_FOR_THREAD).
    #[inline]
    pub fn list_steps_for_thread(
        conn: &rusqlite::Connection,
        thread_id: uuid::Uuid,
    ) -> Result<Vec<tables::StepsRow>, Error> {
        let mut call = Call::new(conn, &LIST_STEPS_FOR_THREAD)?;
        call.bind(&thread_id)?;
        call.many()
    }

    /// The steps of a thread in the order they were created (steps without "createdAt" last).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_STEPS_FOR_THREAD`](super::LIST_STEPS_FOR_THREAD).
    #[inline]
    pub fn list_steps_for_thread_for_each(
        conn: &rusqlite::Connection,
        thread_id: uuid::Uuid,
        f: impl FnMut(tables::StepsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_STEPS_FOR_THREAD)?;
        call.bind(&thread_id)?;
        call.for_each(f)
    }

    /// Delete one step. Feedbacks and elements point at steps by "forId" without a foreign key:
    /// delete them first with DeleteFeedbacksForStep and DeleteElementsForStep.
    ///
    /// The SQL: [`DELETE_STEP`](super::DELETE_STEP).
    #[inline]
    pub fn delete_step(conn: &rusqlite::Connection, id: uuid::Uuid) -> Result<u64, Error> {
        let mut call = Call::new(conn, &DELETE_STEP)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Number of failed steps per type in a time window ("createdAt" text), for alerting.
    ///
    /// The SQL: [`COUNT_ERROR_STEPS_IN_WINDOW`](super::COUNT_ERROR_STEPS_IN_WINDOW).
    #[inline]
    pub fn count_error_steps_in_window(
        conn: &rusqlite::Connection,
        since: &str,
        until: &str,
    ) -> Result<Vec<CountErrorStepsInWindowRow>, Error> {
        let mut call = Call::new(conn, &COUNT_ERROR_STEPS_IN_WINDOW)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Number of failed steps per type in a time window ("createdAt" text), for alerting.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`COUNT_ERROR_STEPS_IN_WINDOW`](super::COUNT_ERROR_STEPS_IN_WINDOW).
    #[inline]
    pub fn count_error_steps_in_window_for_each(
        conn: &rusqlite::Connection,
        since: &str,
        until: &str,
        f: impl FnMut(CountErrorStepsInWindowRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &COUNT_ERROR_STEPS_IN_WINDOW)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// Create an element (attachment) or replace it.
    ///
    /// The SQL: [`UPSERT_ELEMENT`](super::UPSERT_ELEMENT).
    #[inline]
    pub fn upsert_element(
        conn: &rusqlite::Connection,
        params: &UpsertElementParams<'_>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &UPSERT_ELEMENT)?;
        call.bind(&params.id)?;
        call.bind(&params.thread_id)?;
        call.bind(&params.r#type)?;
        call.bind(&params.url)?;
        call.bind(&params.chainlit_key)?;
        call.bind(&params.name)?;
        call.bind(&params.display)?;
        call.bind(&params.object_key)?;
        call.bind(&params.size)?;
        call.bind(&params.page)?;
        call.bind(&params.language)?;
        call.bind(&params.for_id)?;
        call.bind(&params.mime)?;
        call.bind(&params.props)?;
        call.exec()
    }

    /// One element of a thread.
    ///
    /// The SQL: [`GET_ELEMENT`](super::GET_ELEMENT).
    #[inline]
    pub fn get_element(
        conn: &rusqlite::Connection,
        thread_id: uuid::Uuid,
        id: uuid::Uuid,
    ) -> Result<tables::ElementsRow, Error> {
        let mut call = Call::new(conn, &GET_ELEMENT)?;
        call.bind(&thread_id)?;
        call.bind(&id)?;
        call.one()
    }

    /// One element of a thread.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_ELEMENT`](super::GET_ELEMENT).
    #[inline]
    pub fn get_element_opt(
        conn: &rusqlite::Connection,
        thread_id: uuid::Uuid,
        id: uuid::Uuid,
    ) -> Result<Option<tables::ElementsRow>, Error> {
        let mut call = Call::new(conn, &GET_ELEMENT)?;
        call.bind(&thread_id)?;
        call.bind(&id)?;
        call.opt()
    }

    /// The elements of a thread, by name.
    ///
    /// The SQL: [`LIST_ELEMENTS_FOR_THREAD`](super::LIST_ELEMENTS_FOR_THREAD).
    #[inline]
    pub fn list_elements_for_thread(
        conn: &rusqlite::Connection,
        thread_id: uuid::Uuid,
    ) -> Result<Vec<tables::ElementsRow>, Error> {
        let mut call = Call::new(conn, &LIST_ELEMENTS_FOR_THREAD)?;
        call.bind(&thread_id)?;
        call.many()
    }

    /// The elements of a thread, by name.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_ELEMENTS_FOR_THREAD`](super::LIST_ELEMENTS_FOR_THREAD).
    #[inline]
    pub fn list_elements_for_thread_for_each(
        conn: &rusqlite::Connection,
        thread_id: uuid::Uuid,
        f: impl FnMut(tables::ElementsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_ELEMENTS_FOR_THREAD)?;
        call.bind(&thread_id)?;
        call.for_each(f)
    }

    /// Delete one element.
    ///
    /// The SQL: [`DELETE_ELEMENT`](super::DELETE_ELEMENT).
    #[inline]
    pub fn delete_element(conn: &rusqlite::Connection, id: uuid::Uuid) -> Result<u64, Error> {
        let mut call = Call::new(conn, &DELETE_ELEMENT)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Delete the elements attached to a step.
    ///
    /// The SQL: [`DELETE_ELEMENTS_FOR_STEP`](super::DELETE_ELEMENTS_FOR_STEP).
    #[inline]
    pub fn delete_elements_for_step(
        conn: &rusqlite::Connection,
        step_id: uuid::Uuid,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &DELETE_ELEMENTS_FOR_STEP)?;
        call.bind(&step_id)?;
        call.execrows()
    }

    /// Create a feedback on a step or replace its value and comment.
    ///
    /// The SQL: [`UPSERT_FEEDBACK`](super::UPSERT_FEEDBACK).
    #[inline]
    pub fn upsert_feedback(
        conn: &rusqlite::Connection,
        params: &UpsertFeedbackParams<'_>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &UPSERT_FEEDBACK)?;
        call.bind(&params.id)?;
        call.bind(&params.for_id)?;
        call.bind(&params.thread_id)?;
        call.bind(&params.value)?;
        call.bind(&params.comment)?;
        call.exec()
    }

    /// Delete one feedback.
    ///
    /// The SQL: [`DELETE_FEEDBACK`](super::DELETE_FEEDBACK).
    #[inline]
    pub fn delete_feedback(conn: &rusqlite::Connection, id: uuid::Uuid) -> Result<u64, Error> {
        let mut call = Call::new(conn, &DELETE_FEEDBACK)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Delete the feedbacks given to a step.
    ///
    /// The SQL: [`DELETE_FEEDBACKS_FOR_STEP`](super::DELETE_FEEDBACKS_FOR_STEP).
    #[inline]
    pub fn delete_feedbacks_for_step(
        conn: &rusqlite::Connection,
        step_id: uuid::Uuid,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &DELETE_FEEDBACKS_FOR_STEP)?;
        call.bind(&step_id)?;
        call.execrows()
    }

    /// The feedbacks of a thread with the name, type and output of the step they rate (NULL when the
    /// step is gone).
    ///
    /// The SQL: [`LIST_FEEDBACKS_FOR_THREAD`](super::LIST_FEEDBACKS_FOR_THREAD).
    #[inline]
    pub fn list_feedbacks_for_thread(
        conn: &rusqlite::Connection,
        thread_id: uuid::Uuid,
    ) -> Result<Vec<ListFeedbacksForThreadRow>, Error> {
        let mut call = Call::new(conn, &LIST_FEEDBACKS_FOR_THREAD)?;
        call.bind(&thread_id)?;
        call.many()
    }

    /// The feedbacks of a thread with the name, type and output of the step they rate (NULL when the
    /// step is gone).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_FEEDBACKS_FOR_THREAD`](super::LIST_FEEDBACKS_FOR_THREAD).
    #[inline]
    pub fn list_feedbacks_for_thread_for_each(
        conn: &rusqlite::Connection,
        thread_id: uuid::Uuid,
        f: impl FnMut(ListFeedbacksForThreadRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_FEEDBACKS_FOR_THREAD)?;
        call.bind(&thread_id)?;
        call.for_each(f)
    }

    /// Number and mean value of the feedbacks given to each step type, across all threads: how well
    /// each kind of step is rated.
    ///
    /// The SQL: [`SUMMARIZE_FEEDBACK_BY_STEP_TYPE`](super::SUMMARIZE_FEEDBACK_BY_STEP_TYPE).
    #[inline]
    pub fn summarize_feedback_by_step_type(
        conn: &rusqlite::Connection,
    ) -> Result<Vec<SummarizeFeedbackByStepTypeRow>, Error> {
        let call = Call::new(conn, &SUMMARIZE_FEEDBACK_BY_STEP_TYPE)?;
        call.many()
    }

    /// Number and mean value of the feedbacks given to each step type, across all threads: how well
    /// each kind of step is rated.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_FEEDBACK_BY_STEP_TYPE`](super::SUMMARIZE_FEEDBACK_BY_STEP_TYPE).
    #[inline]
    pub fn summarize_feedback_by_step_type_for_each(
        conn: &rusqlite::Connection,
        f: impl FnMut(SummarizeFeedbackByStepTypeRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let call = Call::new(conn, &SUMMARIZE_FEEDBACK_BY_STEP_TYPE)?;
        call.for_each(f)
    }

    /// A user's threads with their size and recency from chat_summary_view, most recent activity
    /// first.
    ///
    /// The SQL: [`LIST_CHAT_SUMMARIES_FOR_USER`](super::LIST_CHAT_SUMMARIES_FOR_USER).
    #[inline]
    pub fn list_chat_summaries_for_user(
        conn: &rusqlite::Connection,
        user_identifier: &str,
        max_rows: i64,
    ) -> Result<Vec<ListChatSummariesForUserRow>, Error> {
        let mut call = Call::new(conn, &LIST_CHAT_SUMMARIES_FOR_USER)?;
        call.bind(&user_identifier)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// A user's threads with their size and recency from chat_summary_view, most recent activity
    /// first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CHAT_SUMMARIES_FOR_USER`](super::LIST_CHAT_SUMMARIES_FOR_USER).
    #[inline]
    pub fn list_chat_summaries_for_user_for_each(
        conn: &rusqlite::Connection,
        user_identifier: &str,
        max_rows: i64,
        f: impl FnMut(ListChatSummariesForUserRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_CHAT_SUMMARIES_FOR_USER)?;
        call.bind(&user_identifier)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Engagement of one user from user_summary_view.
    ///
    /// The SQL: [`GET_USER_SUMMARY`](super::GET_USER_SUMMARY).
    #[inline]
    pub fn get_user_summary(
        conn: &rusqlite::Connection,
        identifier: &str,
    ) -> Result<GetUserSummaryRow, Error> {
        let mut call = Call::new(conn, &GET_USER_SUMMARY)?;
        call.bind(&identifier)?;
        call.one()
    }

    /// Engagement of one user from user_summary_view.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_USER_SUMMARY`](super::GET_USER_SUMMARY).
    #[inline]
    pub fn get_user_summary_opt(
        conn: &rusqlite::Connection,
        identifier: &str,
    ) -> Result<Option<GetUserSummaryRow>, Error> {
        let mut call = Call::new(conn, &GET_USER_SUMMARY)?;
        call.bind(&identifier)?;
        call.opt()
    }

    /// The most engaged users from user_summary_view.
    ///
    /// The SQL: [`LIST_USER_SUMMARIES`](super::LIST_USER_SUMMARIES).
    #[inline]
    pub fn list_user_summaries(
        conn: &rusqlite::Connection,
        max_rows: i64,
    ) -> Result<Vec<ListUserSummariesRow>, Error> {
        let mut call = Call::new(conn, &LIST_USER_SUMMARIES)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// The most engaged users from user_summary_view.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_USER_SUMMARIES`](super::LIST_USER_SUMMARIES).
    #[inline]
    pub fn list_user_summaries_for_each(
        conn: &rusqlite::Connection,
        max_rows: i64,
        f: impl FnMut(ListUserSummariesRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_USER_SUMMARIES)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Step volume and errors per step type from performance_dashboard_view, busiest first.
    ///
    /// The SQL: [`LIST_PERFORMANCE_DASHBOARD`](super::LIST_PERFORMANCE_DASHBOARD).
    #[inline]
    pub fn list_performance_dashboard(
        conn: &rusqlite::Connection,
    ) -> Result<Vec<ListPerformanceDashboardRow>, Error> {
        let call = Call::new(conn, &LIST_PERFORMANCE_DASHBOARD)?;
        call.many()
    }

    /// Step volume and errors per step type from performance_dashboard_view, busiest first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_PERFORMANCE_DASHBOARD`](super::LIST_PERFORMANCE_DASHBOARD).
    #[inline]
    pub fn list_performance_dashboard_for_each(
        conn: &rusqlite::Connection,
        f: impl FnMut(ListPerformanceDashboardRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let call = Call::new(conn, &LIST_PERFORMANCE_DASHBOARD)?;
        call.for_each(f)
    }
}

/// The queries on the postgres backend (synchronous).
#[cfg(feature = "postgres")]
pub mod pg {
    use super::*;
    use crate::runtime::pg::{Call, Executor};
    use crate::runtime::Error;

    /// A user by the identifier their auth provider gave them.
    ///
    /// The SQL: [`GET_USER_BY_IDENTIFIER`](super::GET_USER_BY_IDENTIFIER).
    pub fn get_user_by_identifier(
        client: &mut impl Executor,
        identifier: &str,
    ) -> Result<tables::UsersRow, Error> {
        let mut call = Call::new(client, &GET_USER_BY_IDENTIFIER)?;
        call.bind(&identifier)?;
        call.one()
    }

    /// A user by the identifier their auth provider gave them.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_USER_BY_IDENTIFIER`](super::GET_USER_BY_IDENTIFIER).
    pub fn get_user_by_identifier_opt(
        client: &mut impl Executor,
        identifier: &str,
    ) -> Result<Option<tables::UsersRow>, Error> {
        let mut call = Call::new(client, &GET_USER_BY_IDENTIFIER)?;
        call.bind(&identifier)?;
        call.opt()
    }

    /// A user by id.
    ///
    /// The SQL: [`GET_USER`](super::GET_USER).
    pub fn get_user(client: &mut impl Executor, id: uuid::Uuid) -> Result<tables::UsersRow, Error> {
        let mut call = Call::new(client, &GET_USER)?;
        call.bind(&id)?;
        call.one()
    }

    /// A user by id.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_USER`](super::GET_USER).
    pub fn get_user_opt(
        client: &mut impl Executor,
        id: uuid::Uuid,
    ) -> Result<Option<tables::UsersRow>, Error> {
        let mut call = Call::new(client, &GET_USER)?;
        call.bind(&id)?;
        call.opt()
    }

    /// Create a user, or refresh the metadata of the user with this identifier; returns the stored
    /// row (with the original id and "createdAt" if the user existed).
    ///
    /// The SQL: [`UPSERT_USER`](super::UPSERT_USER).
    pub fn upsert_user(
        client: &mut impl Executor,
        id: uuid::Uuid,
        identifier: &str,
        metadata: &serde_json::Value,
        created_at: Option<&str>,
    ) -> Result<tables::UsersRow, Error> {
        let mut call = Call::new(client, &UPSERT_USER)?;
        call.bind(&id)?;
        call.bind(&identifier)?;
        call.bind(&metadata)?;
        call.bind(&created_at)?;
        call.one()
    }

    /// Create a user, or refresh the metadata of the user with this identifier; returns the stored
    /// row (with the original id and "createdAt" if the user existed).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`UPSERT_USER`](super::UPSERT_USER).
    pub fn upsert_user_opt(
        client: &mut impl Executor,
        id: uuid::Uuid,
        identifier: &str,
        metadata: &serde_json::Value,
        created_at: Option<&str>,
    ) -> Result<Option<tables::UsersRow>, Error> {
        let mut call = Call::new(client, &UPSERT_USER)?;
        call.bind(&id)?;
        call.bind(&identifier)?;
        call.bind(&metadata)?;
        call.bind(&created_at)?;
        call.opt()
    }

    /// The identifier of the user who owns a thread, for authorization checks.
    ///
    /// The SQL: [`GET_THREAD_AUTHOR`](super::GET_THREAD_AUTHOR).
    pub fn get_thread_author(
        client: &mut impl Executor,
        thread_id: uuid::Uuid,
    ) -> Result<String, Error> {
        let mut call = Call::new(client, &GET_THREAD_AUTHOR)?;
        call.bind(&thread_id)?;
        call.one()
    }

    /// The identifier of the user who owns a thread, for authorization checks.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_THREAD_AUTHOR`](super::GET_THREAD_AUTHOR).
    pub fn get_thread_author_opt(
        client: &mut impl Executor,
        thread_id: uuid::Uuid,
    ) -> Result<Option<String>, Error> {
        let mut call = Call::new(client, &GET_THREAD_AUTHOR)?;
        call.bind(&thread_id)?;
        call.opt()
    }

    /// Create a thread or update it; on update a NULL argument keeps the stored value, and
    /// "createdAt" never changes once set.
    ///
    /// The SQL: [`UPSERT_THREAD`](super::UPSERT_THREAD).
    pub fn upsert_thread(
        client: &mut impl Executor,
        params: &UpsertThreadParams<'_>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &UPSERT_THREAD)?;
        call.bind(&params.id)?;
        call.bind(&params.created_at)?;
        call.bind(&params.name)?;
        call.bind(&params.user_id)?;
        call.bind(&params.user_identifier)?;
        call.bind(&params.tags)?;
        call.bind(&params.metadata)?;
        call.exec()
    }

    /// One thread by id.
    ///
    /// The SQL: [`GET_THREAD`](super::GET_THREAD).
    pub fn get_thread(
        client: &mut impl Executor,
        id: uuid::Uuid,
    ) -> Result<tables::ThreadsRow, Error> {
        let mut call = Call::new(client, &GET_THREAD)?;
        call.bind(&id)?;
        call.one()
    }

    /// One thread by id.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_THREAD`](super::GET_THREAD).
    pub fn get_thread_opt(
        client: &mut impl Executor,
        id: uuid::Uuid,
    ) -> Result<Option<tables::ThreadsRow>, Error> {
        let mut call = Call::new(client, &GET_THREAD)?;
        call.bind(&id)?;
        call.opt()
    }

    /// One page of a user's threads, newest first. Cursor paging: pass NULL for the first page, then
    /// the "createdAt" of the last thread received. Optionally filter by a LIKE pattern on the name,
    /// case-insensitively (NULL for all). Threads without "createdAt" are not listed.
    ///
    /// The SQL: [`LIST_THREADS_FOR_USER`](super::LIST_THREADS_FOR_USER).
    pub fn list_threads_for_user(
        client: &mut impl Executor,
        user_id: uuid::Uuid,
        before: Option<&str>,
        name_pattern: Option<&str>,
        max_rows: i64,
    ) -> Result<Vec<tables::ThreadsRow>, Error> {
        let mut call = Call::new(client, &LIST_THREADS_FOR_USER)?;
        call.bind(&user_id)?;
        call.bind(&before)?;
        call.bind(&name_pattern)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// One page of a user's threads, newest first. Cursor paging: pass NULL for the first page, then
    /// the "createdAt" of the last thread received. Optionally filter by a LIKE pattern on the name,
    /// case-insensitively (NULL for all). Threads without "createdAt" are not listed.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_THREADS_FOR_USER`](super::LIST_THREADS_FOR_USER).
    pub fn list_threads_for_user_for_each(
        client: &mut impl Executor,
        user_id: uuid::Uuid,
        before: Option<&str>,
        name_pattern: Option<&str>,
        max_rows: i64,
        f: impl FnMut(tables::ThreadsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_THREADS_FOR_USER)?;
        call.bind(&user_id)?;
        call.bind(&before)?;
        call.bind(&name_pattern)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Rename a thread.
    ///
    /// The SQL: [`RENAME_THREAD`](super::RENAME_THREAD).
    pub fn rename_thread(
        client: &mut impl Executor,
        name: Option<&str>,
        id: uuid::Uuid,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &RENAME_THREAD)?;
        call.bind(&name)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Delete a thread; its steps, elements and feedbacks go with it (ON DELETE CASCADE).
    ///
    /// The SQL: [`DELETE_THREAD`](super::DELETE_THREAD).
    pub fn delete_thread(client: &mut impl Executor, id: uuid::Uuid) -> Result<u64, Error> {
        let mut call = Call::new(client, &DELETE_THREAD)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Create a step or update it (Chainlit writes a streamed message several times); on update a
    /// NULL argument keeps the stored value.
    ///
    /// The SQL: [`UPSERT_STEP`](super::UPSERT_STEP).
    pub fn upsert_step(
        client: &mut impl Executor,
        params: &UpsertStepParams<'_>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &UPSERT_STEP)?;
        call.bind(&params.id)?;
        call.bind(&params.name)?;
        call.bind(&params.r#type)?;
        call.bind(&params.thread_id)?;
        call.bind(&params.parent_id)?;
        call.bind(&params.streaming)?;
        call.bind(&params.wait_for_answer)?;
        call.bind(&params.is_error)?;
        call.bind(&params.metadata)?;
        call.bind(&params.tags)?;
        call.bind(&params.input)?;
        call.bind(&params.output)?;
        call.bind(&params.created_at)?;
        call.bind(&params.command)?;
        call.bind(&params.start_time)?;
        call.bind(&params.end_time)?;
        call.bind(&params.generation)?;
        call.bind(&params.show_input)?;
        call.bind(&params.language)?;
        call.bind(&params.indent)?;
        call.bind(&params.default_open)?;
        call.exec()
    }

    /// Finish a streamed step: its final output, end time and error flag.
    ///
    /// The SQL: [`FINISH_STEP`](super::FINISH_STEP).
    pub fn finish_step(
        client: &mut impl Executor,
        output: Option<&str>,
        end_time: Option<&str>,
        is_error: Option<bool>,
        id: uuid::Uuid,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &FINISH_STEP)?;
        call.bind(&output)?;
        call.bind(&end_time)?;
        call.bind(&is_error)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// The steps of a thread in the order they were created (steps without "createdAt" last).
    ///
    /// The SQL: [`LIST_STEPS_FOR_THREAD`](super::LIST_STEPS_FOR_THREAD).
    pub fn list_steps_for_thread(
        client: &mut impl Executor,
        thread_id: uuid::Uuid,
    ) -> Result<Vec<tables::StepsRow>, Error> {
        let mut call = Call::new(client, &LIST_STEPS_FOR_THREAD)?;
        call.bind(&thread_id)?;
        call.many()
    }

    /// The steps of a thread in the order they were created (steps without "createdAt" last).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_STEPS_FOR_THREAD`](super::LIST_STEPS_FOR_THREAD).
    pub fn list_steps_for_thread_for_each(
        client: &mut impl Executor,
        thread_id: uuid::Uuid,
        f: impl FnMut(tables::StepsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_STEPS_FOR_THREAD)?;
        call.bind(&thread_id)?;
        call.for_each(f)
    }

    /// Delete one step. Feedbacks and elements point at steps by "forId" without a foreign key:
    /// delete them first with DeleteFeedbacksForStep and DeleteElementsForStep.
    ///
    /// The SQL: [`DELETE_STEP`](super::DELETE_STEP).
    pub fn delete_step(client: &mut impl Executor, id: uuid::Uuid) -> Result<u64, Error> {
        let mut call = Call::new(client, &DELETE_STEP)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Number of failed steps per type in a time window ("createdAt" text), for alerting.
    ///
    /// The SQL: [`COUNT_ERROR_STEPS_IN_WINDOW`](super::COUNT_ERROR_STEPS_IN_WINDOW).
    pub fn count_error_steps_in_window(
        client: &mut impl Executor,
        since: &str,
        until: &str,
    ) -> Result<Vec<CountErrorStepsInWindowRow>, Error> {
        let mut call = Call::new(client, &COUNT_ERROR_STEPS_IN_WINDOW)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.many()
    }

    /// Number of failed steps per type in a time window ("createdAt" text), for alerting.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`COUNT_ERROR_STEPS_IN_WINDOW`](super::COUNT_ERROR_STEPS_IN_WINDOW).
    pub fn count_error_steps_in_window_for_each(
        client: &mut impl Executor,
        since: &str,
        until: &str,
        f: impl FnMut(CountErrorStepsInWindowRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &COUNT_ERROR_STEPS_IN_WINDOW)?;
        call.bind(&since)?;
        call.bind(&until)?;
        call.for_each(f)
    }

    /// Create an element (attachment) or replace it.
    ///
    /// The SQL: [`UPSERT_ELEMENT`](super::UPSERT_ELEMENT).
    pub fn upsert_element(
        client: &mut impl Executor,
        params: &UpsertElementParams<'_>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &UPSERT_ELEMENT)?;
        call.bind(&params.id)?;
        call.bind(&params.thread_id)?;
        call.bind(&params.r#type)?;
        call.bind(&params.url)?;
        call.bind(&params.chainlit_key)?;
        call.bind(&params.name)?;
        call.bind(&params.display)?;
        call.bind(&params.object_key)?;
        call.bind(&params.size)?;
        call.bind(&params.page)?;
        call.bind(&params.language)?;
        call.bind(&params.for_id)?;
        call.bind(&params.mime)?;
        call.bind(&params.props)?;
        call.exec()
    }

    /// One element of a thread.
    ///
    /// The SQL: [`GET_ELEMENT`](super::GET_ELEMENT).
    pub fn get_element(
        client: &mut impl Executor,
        thread_id: uuid::Uuid,
        id: uuid::Uuid,
    ) -> Result<tables::ElementsRow, Error> {
        let mut call = Call::new(client, &GET_ELEMENT)?;
        call.bind(&thread_id)?;
        call.bind(&id)?;
        call.one()
    }

    /// One element of a thread.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_ELEMENT`](super::GET_ELEMENT).
    pub fn get_element_opt(
        client: &mut impl Executor,
        thread_id: uuid::Uuid,
        id: uuid::Uuid,
    ) -> Result<Option<tables::ElementsRow>, Error> {
        let mut call = Call::new(client, &GET_ELEMENT)?;
        call.bind(&thread_id)?;
        call.bind(&id)?;
        call.opt()
    }

    /// The elements of a thread, by name.
    ///
    /// The SQL: [`LIST_ELEMENTS_FOR_THREAD`](super::LIST_ELEMENTS_FOR_THREAD).
    pub fn list_elements_for_thread(
        client: &mut impl Executor,
        thread_id: uuid::Uuid,
    ) -> Result<Vec<tables::ElementsRow>, Error> {
        let mut call = Call::new(client, &LIST_ELEMENTS_FOR_THREAD)?;
        call.bind(&thread_id)?;
        call.many()
    }

    /// The elements of a thread, by name.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_ELEMENTS_FOR_THREAD`](super::LIST_ELEMENTS_FOR_THREAD).
    pub fn list_elements_for_thread_for_each(
        client: &mut impl Executor,
        thread_id: uuid::Uuid,
        f: impl FnMut(tables::ElementsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_ELEMENTS_FOR_THREAD)?;
        call.bind(&thread_id)?;
        call.for_each(f)
    }

    /// Delete one element.
    ///
    /// The SQL: [`DELETE_ELEMENT`](super::DELETE_ELEMENT).
    pub fn delete_element(client: &mut impl Executor, id: uuid::Uuid) -> Result<u64, Error> {
        let mut call = Call::new(client, &DELETE_ELEMENT)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Delete the elements attached to a step.
    ///
    /// The SQL: [`DELETE_ELEMENTS_FOR_STEP`](super::DELETE_ELEMENTS_FOR_STEP).
    pub fn delete_elements_for_step(
        client: &mut impl Executor,
        step_id: uuid::Uuid,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &DELETE_ELEMENTS_FOR_STEP)?;
        call.bind(&step_id)?;
        call.execrows()
    }

    /// Create a feedback on a step or replace its value and comment.
    ///
    /// The SQL: [`UPSERT_FEEDBACK`](super::UPSERT_FEEDBACK).
    pub fn upsert_feedback(
        client: &mut impl Executor,
        params: &UpsertFeedbackParams<'_>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &UPSERT_FEEDBACK)?;
        call.bind(&params.id)?;
        call.bind(&params.for_id)?;
        call.bind(&params.thread_id)?;
        call.bind(&params.value)?;
        call.bind(&params.comment)?;
        call.exec()
    }

    /// Delete one feedback.
    ///
    /// The SQL: [`DELETE_FEEDBACK`](super::DELETE_FEEDBACK).
    pub fn delete_feedback(client: &mut impl Executor, id: uuid::Uuid) -> Result<u64, Error> {
        let mut call = Call::new(client, &DELETE_FEEDBACK)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Delete the feedbacks given to a step.
    ///
    /// The SQL: [`DELETE_FEEDBACKS_FOR_STEP`](super::DELETE_FEEDBACKS_FOR_STEP).
    pub fn delete_feedbacks_for_step(
        client: &mut impl Executor,
        step_id: uuid::Uuid,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &DELETE_FEEDBACKS_FOR_STEP)?;
        call.bind(&step_id)?;
        call.execrows()
    }

    /// The feedbacks of a thread with the name, type and output of the step they rate (NULL when the
    /// step is gone).
    ///
    /// The SQL: [`LIST_FEEDBACKS_FOR_THREAD`](super::LIST_FEEDBACKS_FOR_THREAD).
    pub fn list_feedbacks_for_thread(
        client: &mut impl Executor,
        thread_id: uuid::Uuid,
    ) -> Result<Vec<ListFeedbacksForThreadRow>, Error> {
        let mut call = Call::new(client, &LIST_FEEDBACKS_FOR_THREAD)?;
        call.bind(&thread_id)?;
        call.many()
    }

    /// The feedbacks of a thread with the name, type and output of the step they rate (NULL when the
    /// step is gone).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_FEEDBACKS_FOR_THREAD`](super::LIST_FEEDBACKS_FOR_THREAD).
    pub fn list_feedbacks_for_thread_for_each(
        client: &mut impl Executor,
        thread_id: uuid::Uuid,
        f: impl FnMut(ListFeedbacksForThreadRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_FEEDBACKS_FOR_THREAD)?;
        call.bind(&thread_id)?;
        call.for_each(f)
    }

    /// Number and mean value of the feedbacks given to each step type, across all threads: how well
    /// each kind of step is rated.
    ///
    /// The SQL: [`SUMMARIZE_FEEDBACK_BY_STEP_TYPE`](super::SUMMARIZE_FEEDBACK_BY_STEP_TYPE).
    pub fn summarize_feedback_by_step_type(
        client: &mut impl Executor,
    ) -> Result<Vec<SummarizeFeedbackByStepTypeRow>, Error> {
        let call = Call::new(client, &SUMMARIZE_FEEDBACK_BY_STEP_TYPE)?;
        call.many()
    }

    /// Number and mean value of the feedbacks given to each step type, across all threads: how well
    /// each kind of step is rated.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_FEEDBACK_BY_STEP_TYPE`](super::SUMMARIZE_FEEDBACK_BY_STEP_TYPE).
    pub fn summarize_feedback_by_step_type_for_each(
        client: &mut impl Executor,
        f: impl FnMut(SummarizeFeedbackByStepTypeRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let call = Call::new(client, &SUMMARIZE_FEEDBACK_BY_STEP_TYPE)?;
        call.for_each(f)
    }

    /// A user's threads with their size and recency from chat_summary_view, most recent activity
    /// first.
    ///
    /// The SQL: [`LIST_CHAT_SUMMARIES_FOR_USER`](super::LIST_CHAT_SUMMARIES_FOR_USER).
    pub fn list_chat_summaries_for_user(
        client: &mut impl Executor,
        user_identifier: &str,
        max_rows: i64,
    ) -> Result<Vec<ListChatSummariesForUserRow>, Error> {
        let mut call = Call::new(client, &LIST_CHAT_SUMMARIES_FOR_USER)?;
        call.bind(&user_identifier)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// A user's threads with their size and recency from chat_summary_view, most recent activity
    /// first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CHAT_SUMMARIES_FOR_USER`](super::LIST_CHAT_SUMMARIES_FOR_USER).
    pub fn list_chat_summaries_for_user_for_each(
        client: &mut impl Executor,
        user_identifier: &str,
        max_rows: i64,
        f: impl FnMut(ListChatSummariesForUserRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_CHAT_SUMMARIES_FOR_USER)?;
        call.bind(&user_identifier)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Engagement of one user from user_summary_view.
    ///
    /// The SQL: [`GET_USER_SUMMARY`](super::GET_USER_SUMMARY).
    pub fn get_user_summary(
        client: &mut impl Executor,
        identifier: &str,
    ) -> Result<GetUserSummaryRow, Error> {
        let mut call = Call::new(client, &GET_USER_SUMMARY)?;
        call.bind(&identifier)?;
        call.one()
    }

    /// Engagement of one user from user_summary_view.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_USER_SUMMARY`](super::GET_USER_SUMMARY).
    pub fn get_user_summary_opt(
        client: &mut impl Executor,
        identifier: &str,
    ) -> Result<Option<GetUserSummaryRow>, Error> {
        let mut call = Call::new(client, &GET_USER_SUMMARY)?;
        call.bind(&identifier)?;
        call.opt()
    }

    /// The most engaged users from user_summary_view.
    ///
    /// The SQL: [`LIST_USER_SUMMARIES`](super::LIST_USER_SUMMARIES).
    pub fn list_user_summaries(
        client: &mut impl Executor,
        max_rows: i64,
    ) -> Result<Vec<ListUserSummariesRow>, Error> {
        let mut call = Call::new(client, &LIST_USER_SUMMARIES)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// The most engaged users from user_summary_view.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_USER_SUMMARIES`](super::LIST_USER_SUMMARIES).
    pub fn list_user_summaries_for_each(
        client: &mut impl Executor,
        max_rows: i64,
        f: impl FnMut(ListUserSummariesRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_USER_SUMMARIES)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Step volume and errors per step type from performance_dashboard_view, busiest first.
    ///
    /// The SQL: [`LIST_PERFORMANCE_DASHBOARD`](super::LIST_PERFORMANCE_DASHBOARD).
    pub fn list_performance_dashboard(
        client: &mut impl Executor,
    ) -> Result<Vec<ListPerformanceDashboardRow>, Error> {
        let call = Call::new(client, &LIST_PERFORMANCE_DASHBOARD)?;
        call.many()
    }

    /// Step volume and errors per step type from performance_dashboard_view, busiest first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_PERFORMANCE_DASHBOARD`](super::LIST_PERFORMANCE_DASHBOARD).
    pub fn list_performance_dashboard_for_each(
        client: &mut impl Executor,
        f: impl FnMut(ListPerformanceDashboardRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let call = Call::new(client, &LIST_PERFORMANCE_DASHBOARD)?;
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

    /// A user by the identifier their auth provider gave them.
    ///
    /// The SQL: [`GET_USER_BY_IDENTIFIER`](super::GET_USER_BY_IDENTIFIER).
    pub fn get_user_by_identifier<'a>(
        client: &'a impl Executor,
        identifier: &'a str,
    ) -> impl Future<Output = Result<tables::UsersRow, Error>> + 'a {
        run::one(client, &GET_USER_BY_IDENTIFIER, (identifier,))
    }

    /// A user by the identifier their auth provider gave them.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_USER_BY_IDENTIFIER`](super::GET_USER_BY_IDENTIFIER).
    pub fn get_user_by_identifier_opt<'a>(
        client: &'a impl Executor,
        identifier: &'a str,
    ) -> impl Future<Output = Result<Option<tables::UsersRow>, Error>> + 'a {
        run::opt(client, &GET_USER_BY_IDENTIFIER, (identifier,))
    }

    /// A user by id.
    ///
    /// The SQL: [`GET_USER`](super::GET_USER).
    pub fn get_user<'a>(
        client: &'a impl Executor,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<tables::UsersRow, Error>> + 'a {
        run::one(client, &GET_USER, (id,))
    }

    /// A user by id.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_USER`](super::GET_USER).
    pub fn get_user_opt<'a>(
        client: &'a impl Executor,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<Option<tables::UsersRow>, Error>> + 'a {
        run::opt(client, &GET_USER, (id,))
    }

    /// Create a user, or refresh the metadata of the user with this identifier; returns the stored
    /// row (with the original id and "createdAt" if the user existed).
    ///
    /// The SQL: [`UPSERT_USER`](super::UPSERT_USER).
    pub fn upsert_user<'a>(
        client: &'a impl Executor,
        id: uuid::Uuid,
        identifier: &'a str,
        metadata: &'a serde_json::Value,
        created_at: Option<&'a str>,
    ) -> impl Future<Output = Result<tables::UsersRow, Error>> + 'a {
        run::one(client, &UPSERT_USER, (id, identifier, metadata, created_at))
    }

    /// Create a user, or refresh the metadata of the user with this identifier; returns the stored
    /// row (with the original id and "createdAt" if the user existed).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`UPSERT_USER`](super::UPSERT_USER).
    pub fn upsert_user_opt<'a>(
        client: &'a impl Executor,
        id: uuid::Uuid,
        identifier: &'a str,
        metadata: &'a serde_json::Value,
        created_at: Option<&'a str>,
    ) -> impl Future<Output = Result<Option<tables::UsersRow>, Error>> + 'a {
        run::opt(client, &UPSERT_USER, (id, identifier, metadata, created_at))
    }

    /// The identifier of the user who owns a thread, for authorization checks.
    ///
    /// The SQL: [`GET_THREAD_AUTHOR`](super::GET_THREAD_AUTHOR).
    pub fn get_thread_author<'a>(
        client: &'a impl Executor,
        thread_id: uuid::Uuid,
    ) -> impl Future<Output = Result<String, Error>> + 'a {
        run::one(client, &GET_THREAD_AUTHOR, (thread_id,))
    }

    /// The identifier of the user who owns a thread, for authorization checks.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_THREAD_AUTHOR`](super::GET_THREAD_AUTHOR).
    pub fn get_thread_author_opt<'a>(
        client: &'a impl Executor,
        thread_id: uuid::Uuid,
    ) -> impl Future<Output = Result<Option<String>, Error>> + 'a {
        run::opt(client, &GET_THREAD_AUTHOR, (thread_id,))
    }

    /// Create a thread or update it; on update a NULL argument keeps the stored value, and
    /// "createdAt" never changes once set.
    ///
    /// The SQL: [`UPSERT_THREAD`](super::UPSERT_THREAD).
    pub fn upsert_thread<'a>(
        client: &'a impl Executor,
        params: &'a UpsertThreadParams<'a>,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::exec(client, &UPSERT_THREAD, params)
    }

    /// One thread by id.
    ///
    /// The SQL: [`GET_THREAD`](super::GET_THREAD).
    pub fn get_thread<'a>(
        client: &'a impl Executor,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<tables::ThreadsRow, Error>> + 'a {
        run::one(client, &GET_THREAD, (id,))
    }

    /// One thread by id.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_THREAD`](super::GET_THREAD).
    pub fn get_thread_opt<'a>(
        client: &'a impl Executor,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<Option<tables::ThreadsRow>, Error>> + 'a {
        run::opt(client, &GET_THREAD, (id,))
    }

    /// One page of a user's threads, newest first. Cursor paging: pass NULL for the first page, then
    /// the "createdAt" of the last thread received. Optionally filter by a LIKE pattern on the name,
    /// case-insensitively (NULL for all). Threads without "createdAt" are not listed.
    ///
    /// The SQL: [`LIST_THREADS_FOR_USER`](super::LIST_THREADS_FOR_USER).
    pub fn list_threads_for_user<'a>(
        client: &'a impl Executor,
        user_id: uuid::Uuid,
        before: Option<&'a str>,
        name_pattern: Option<&'a str>,
        max_rows: i64,
    ) -> impl Future<Output = Result<Vec<tables::ThreadsRow>, Error>> + 'a {
        run::many(
            client,
            &LIST_THREADS_FOR_USER,
            (user_id, before, name_pattern, max_rows),
        )
    }

    /// One page of a user's threads, newest first. Cursor paging: pass NULL for the first page, then
    /// the "createdAt" of the last thread received. Optionally filter by a LIKE pattern on the name,
    /// case-insensitively (NULL for all). Threads without "createdAt" are not listed.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_THREADS_FOR_USER`](super::LIST_THREADS_FOR_USER).
    pub fn list_threads_for_user_for_each<'a>(
        client: &'a impl Executor,
        user_id: uuid::Uuid,
        before: Option<&'a str>,
        name_pattern: Option<&'a str>,
        max_rows: i64,
        f: impl FnMut(tables::ThreadsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(
            client,
            &LIST_THREADS_FOR_USER,
            (user_id, before, name_pattern, max_rows),
            f,
        )
    }

    /// One page of a user's threads, newest first. Cursor paging: pass NULL for the first page, then
    /// the "createdAt" of the last thread received. Optionally filter by a LIKE pattern on the name,
    /// case-insensitively (NULL for all). Threads without "createdAt" are not listed.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_THREADS_FOR_USER`](super::LIST_THREADS_FOR_USER).
    pub fn list_threads_for_user_stream<'a>(
        client: &'a impl Executor,
        user_id: uuid::Uuid,
        before: Option<&'a str>,
        name_pattern: Option<&'a str>,
        max_rows: i64,
    ) -> impl Future<Output = Result<Rows<tables::ThreadsRow>, Error>> + 'a {
        run::stream(
            client,
            &LIST_THREADS_FOR_USER,
            (user_id, before, name_pattern, max_rows),
        )
    }

    /// Rename a thread.
    ///
    /// The SQL: [`RENAME_THREAD`](super::RENAME_THREAD).
    pub fn rename_thread<'a>(
        client: &'a impl Executor,
        name: Option<&'a str>,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &RENAME_THREAD, (name, id))
    }

    /// Delete a thread; its steps, elements and feedbacks go with it (ON DELETE CASCADE).
    ///
    /// The SQL: [`DELETE_THREAD`](super::DELETE_THREAD).
    pub fn delete_thread<'a>(
        client: &'a impl Executor,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &DELETE_THREAD, (id,))
    }

    /// Create a step or update it (Chainlit writes a streamed message several times); on update a
    /// NULL argument keeps the stored value.
    ///
    /// The SQL: [`UPSERT_STEP`](super::UPSERT_STEP).
    pub fn upsert_step<'a>(
        client: &'a impl Executor,
        params: &'a UpsertStepParams<'a>,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::exec(client, &UPSERT_STEP, params)
    }

    /// Finish a streamed step: its final output, end time and error flag.
    ///
    /// The SQL: [`FINISH_STEP`](super::FINISH_STEP).
    pub fn finish_step<'a>(
        client: &'a impl Executor,
        output: Option<&'a str>,
        end_time: Option<&'a str>,
        is_error: Option<bool>,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &FINISH_STEP, (output, end_time, is_error, id))
    }

    /// The steps of a thread in the order they were created (steps without "createdAt" last).
    ///
    /// The SQL: [`LIST_STEPS_FOR_THREAD`](super::LIST_STEPS_FOR_THREAD).
    pub fn list_steps_for_thread<'a>(
        client: &'a impl Executor,
        thread_id: uuid::Uuid,
    ) -> impl Future<Output = Result<Vec<tables::StepsRow>, Error>> + 'a {
        run::many(client, &LIST_STEPS_FOR_THREAD, (thread_id,))
    }

    /// The steps of a thread in the order they were created (steps without "createdAt" last).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_STEPS_FOR_THREAD`](super::LIST_STEPS_FOR_THREAD).
    pub fn list_steps_for_thread_for_each<'a>(
        client: &'a impl Executor,
        thread_id: uuid::Uuid,
        f: impl FnMut(tables::StepsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_STEPS_FOR_THREAD, (thread_id,), f)
    }

    /// The steps of a thread in the order they were created (steps without "createdAt" last).
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_STEPS_FOR_THREAD`](super::LIST_STEPS_FOR_THREAD).
    pub fn list_steps_for_thread_stream<'a>(
        client: &'a impl Executor,
        thread_id: uuid::Uuid,
    ) -> impl Future<Output = Result<Rows<tables::StepsRow>, Error>> + 'a {
        run::stream(client, &LIST_STEPS_FOR_THREAD, (thread_id,))
    }

    /// Delete one step. Feedbacks and elements point at steps by "forId" without a foreign key:
    /// delete them first with DeleteFeedbacksForStep and DeleteElementsForStep.
    ///
    /// The SQL: [`DELETE_STEP`](super::DELETE_STEP).
    pub fn delete_step<'a>(
        client: &'a impl Executor,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &DELETE_STEP, (id,))
    }

    /// Number of failed steps per type in a time window ("createdAt" text), for alerting.
    ///
    /// The SQL: [`COUNT_ERROR_STEPS_IN_WINDOW`](super::COUNT_ERROR_STEPS_IN_WINDOW).
    pub fn count_error_steps_in_window<'a>(
        client: &'a impl Executor,
        since: &'a str,
        until: &'a str,
    ) -> impl Future<Output = Result<Vec<CountErrorStepsInWindowRow>, Error>> + 'a {
        run::many(client, &COUNT_ERROR_STEPS_IN_WINDOW, (since, until))
    }

    /// Number of failed steps per type in a time window ("createdAt" text), for alerting.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`COUNT_ERROR_STEPS_IN_WINDOW`](super::COUNT_ERROR_STEPS_IN_WINDOW).
    pub fn count_error_steps_in_window_for_each<'a>(
        client: &'a impl Executor,
        since: &'a str,
        until: &'a str,
        f: impl FnMut(CountErrorStepsInWindowRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &COUNT_ERROR_STEPS_IN_WINDOW, (since, until), f)
    }

    /// Number of failed steps per type in a time window ("createdAt" text), for alerting.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`COUNT_ERROR_STEPS_IN_WINDOW`](super::COUNT_ERROR_STEPS_IN_WINDOW).
    pub fn count_error_steps_in_window_stream<'a>(
        client: &'a impl Executor,
        since: &'a str,
        until: &'a str,
    ) -> impl Future<Output = Result<Rows<CountErrorStepsInWindowRow>, Error>> + 'a {
        run::stream(client, &COUNT_ERROR_STEPS_IN_WINDOW, (since, until))
    }

    /// Create an element (attachment) or replace it.
    ///
    /// The SQL: [`UPSERT_ELEMENT`](super::UPSERT_ELEMENT).
    pub fn upsert_element<'a>(
        client: &'a impl Executor,
        params: &'a UpsertElementParams<'a>,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::exec(client, &UPSERT_ELEMENT, params)
    }

    /// One element of a thread.
    ///
    /// The SQL: [`GET_ELEMENT`](super::GET_ELEMENT).
    pub fn get_element<'a>(
        client: &'a impl Executor,
        thread_id: uuid::Uuid,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<tables::ElementsRow, Error>> + 'a {
        run::one(client, &GET_ELEMENT, (thread_id, id))
    }

    /// One element of a thread.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_ELEMENT`](super::GET_ELEMENT).
    pub fn get_element_opt<'a>(
        client: &'a impl Executor,
        thread_id: uuid::Uuid,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<Option<tables::ElementsRow>, Error>> + 'a {
        run::opt(client, &GET_ELEMENT, (thread_id, id))
    }

    /// The elements of a thread, by name.
    ///
    /// The SQL: [`LIST_ELEMENTS_FOR_THREAD`](super::LIST_ELEMENTS_FOR_THREAD).
    pub fn list_elements_for_thread<'a>(
        client: &'a impl Executor,
        thread_id: uuid::Uuid,
    ) -> impl Future<Output = Result<Vec<tables::ElementsRow>, Error>> + 'a {
        run::many(client, &LIST_ELEMENTS_FOR_THREAD, (thread_id,))
    }

    /// The elements of a thread, by name.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_ELEMENTS_FOR_THREAD`](super::LIST_ELEMENTS_FOR_THREAD).
    pub fn list_elements_for_thread_for_each<'a>(
        client: &'a impl Executor,
        thread_id: uuid::Uuid,
        f: impl FnMut(tables::ElementsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_ELEMENTS_FOR_THREAD, (thread_id,), f)
    }

    /// The elements of a thread, by name.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_ELEMENTS_FOR_THREAD`](super::LIST_ELEMENTS_FOR_THREAD).
    pub fn list_elements_for_thread_stream<'a>(
        client: &'a impl Executor,
        thread_id: uuid::Uuid,
    ) -> impl Future<Output = Result<Rows<tables::ElementsRow>, Error>> + 'a {
        run::stream(client, &LIST_ELEMENTS_FOR_THREAD, (thread_id,))
    }

    /// Delete one element.
    ///
    /// The SQL: [`DELETE_ELEMENT`](super::DELETE_ELEMENT).
    pub fn delete_element<'a>(
        client: &'a impl Executor,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &DELETE_ELEMENT, (id,))
    }

    /// Delete the elements attached to a step.
    ///
    /// The SQL: [`DELETE_ELEMENTS_FOR_STEP`](super::DELETE_ELEMENTS_FOR_STEP).
    pub fn delete_elements_for_step<'a>(
        client: &'a impl Executor,
        step_id: uuid::Uuid,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &DELETE_ELEMENTS_FOR_STEP, (step_id,))
    }

    /// Create a feedback on a step or replace its value and comment.
    ///
    /// The SQL: [`UPSERT_FEEDBACK`](super::UPSERT_FEEDBACK).
    pub fn upsert_feedback<'a>(
        client: &'a impl Executor,
        params: &'a UpsertFeedbackParams<'a>,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::exec(client, &UPSERT_FEEDBACK, params)
    }

    /// Delete one feedback.
    ///
    /// The SQL: [`DELETE_FEEDBACK`](super::DELETE_FEEDBACK).
    pub fn delete_feedback<'a>(
        client: &'a impl Executor,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &DELETE_FEEDBACK, (id,))
    }

    /// Delete the feedbacks given to a step.
    ///
    /// The SQL: [`DELETE_FEEDBACKS_FOR_STEP`](super::DELETE_FEEDBACKS_FOR_STEP).
    pub fn delete_feedbacks_for_step<'a>(
        client: &'a impl Executor,
        step_id: uuid::Uuid,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &DELETE_FEEDBACKS_FOR_STEP, (step_id,))
    }

    /// The feedbacks of a thread with the name, type and output of the step they rate (NULL when the
    /// step is gone).
    ///
    /// The SQL: [`LIST_FEEDBACKS_FOR_THREAD`](super::LIST_FEEDBACKS_FOR_THREAD).
    pub fn list_feedbacks_for_thread<'a>(
        client: &'a impl Executor,
        thread_id: uuid::Uuid,
    ) -> impl Future<Output = Result<Vec<ListFeedbacksForThreadRow>, Error>> + 'a {
        run::many(client, &LIST_FEEDBACKS_FOR_THREAD, (thread_id,))
    }

    /// The feedbacks of a thread with the name, type and output of the step they rate (NULL when the
    /// step is gone).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_FEEDBACKS_FOR_THREAD`](super::LIST_FEEDBACKS_FOR_THREAD).
    pub fn list_feedbacks_for_thread_for_each<'a>(
        client: &'a impl Executor,
        thread_id: uuid::Uuid,
        f: impl FnMut(ListFeedbacksForThreadRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_FEEDBACKS_FOR_THREAD, (thread_id,), f)
    }

    /// The feedbacks of a thread with the name, type and output of the step they rate (NULL when the
    /// step is gone).
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_FEEDBACKS_FOR_THREAD`](super::LIST_FEEDBACKS_FOR_THREAD).
    pub fn list_feedbacks_for_thread_stream<'a>(
        client: &'a impl Executor,
        thread_id: uuid::Uuid,
    ) -> impl Future<Output = Result<Rows<ListFeedbacksForThreadRow>, Error>> + 'a {
        run::stream(client, &LIST_FEEDBACKS_FOR_THREAD, (thread_id,))
    }

    /// Number and mean value of the feedbacks given to each step type, across all threads: how well
    /// each kind of step is rated.
    ///
    /// The SQL: [`SUMMARIZE_FEEDBACK_BY_STEP_TYPE`](super::SUMMARIZE_FEEDBACK_BY_STEP_TYPE).
    pub fn summarize_feedback_by_step_type<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Vec<SummarizeFeedbackByStepTypeRow>, Error>> + 'a {
        run::many(client, &SUMMARIZE_FEEDBACK_BY_STEP_TYPE, ())
    }

    /// Number and mean value of the feedbacks given to each step type, across all threads: how well
    /// each kind of step is rated.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_FEEDBACK_BY_STEP_TYPE`](super::SUMMARIZE_FEEDBACK_BY_STEP_TYPE).
    pub fn summarize_feedback_by_step_type_for_each<'a>(
        client: &'a impl Executor,
        f: impl FnMut(SummarizeFeedbackByStepTypeRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &SUMMARIZE_FEEDBACK_BY_STEP_TYPE, (), f)
    }

    /// Number and mean value of the feedbacks given to each step type, across all threads: how well
    /// each kind of step is rated.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`SUMMARIZE_FEEDBACK_BY_STEP_TYPE`](super::SUMMARIZE_FEEDBACK_BY_STEP_TYPE).
    pub fn summarize_feedback_by_step_type_stream<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Rows<SummarizeFeedbackByStepTypeRow>, Error>> + 'a {
        run::stream(client, &SUMMARIZE_FEEDBACK_BY_STEP_TYPE, ())
    }

    /// A user's threads with their size and recency from chat_summary_view, most recent activity
    /// first.
    ///
    /// The SQL: [`LIST_CHAT_SUMMARIES_FOR_USER`](super::LIST_CHAT_SUMMARIES_FOR_USER).
    pub fn list_chat_summaries_for_user<'a>(
        client: &'a impl Executor,
        user_identifier: &'a str,
        max_rows: i64,
    ) -> impl Future<Output = Result<Vec<ListChatSummariesForUserRow>, Error>> + 'a {
        run::many(
            client,
            &LIST_CHAT_SUMMARIES_FOR_USER,
            (user_identifier, max_rows),
        )
    }

    /// A user's threads with their size and recency from chat_summary_view, most recent activity
    /// first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CHAT_SUMMARIES_FOR_USER`](super::LIST_CHAT_SUMMARIES_FOR_USER).
    pub fn list_chat_summaries_for_user_for_each<'a>(
        client: &'a impl Executor,
        user_identifier: &'a str,
        max_rows: i64,
        f: impl FnMut(ListChatSummariesForUserRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(
            client,
            &LIST_CHAT_SUMMARIES_FOR_USER,
            (user_identifier, max_rows),
            f,
        )
    }

    /// A user's threads with their size and recency from chat_summary_view, most recent activity
    /// first.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_CHAT_SUMMARIES_FOR_USER`](super::LIST_CHAT_SUMMARIES_FOR_USER).
    pub fn list_chat_summaries_for_user_stream<'a>(
        client: &'a impl Executor,
        user_identifier: &'a str,
        max_rows: i64,
    ) -> impl Future<Output = Result<Rows<ListChatSummariesForUserRow>, Error>> + 'a {
        run::stream(
            client,
            &LIST_CHAT_SUMMARIES_FOR_USER,
            (user_identifier, max_rows),
        )
    }

    /// Engagement of one user from user_summary_view.
    ///
    /// The SQL: [`GET_USER_SUMMARY`](super::GET_USER_SUMMARY).
    pub fn get_user_summary<'a>(
        client: &'a impl Executor,
        identifier: &'a str,
    ) -> impl Future<Output = Result<GetUserSummaryRow, Error>> + 'a {
        run::one(client, &GET_USER_SUMMARY, (identifier,))
    }

    /// Engagement of one user from user_summary_view.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_USER_SUMMARY`](super::GET_USER_SUMMARY).
    pub fn get_user_summary_opt<'a>(
        client: &'a impl Executor,
        identifier: &'a str,
    ) -> impl Future<Output = Result<Option<GetUserSummaryRow>, Error>> + 'a {
        run::opt(client, &GET_USER_SUMMARY, (identifier,))
    }

    /// The most engaged users from user_summary_view.
    ///
    /// The SQL: [`LIST_USER_SUMMARIES`](super::LIST_USER_SUMMARIES).
    pub fn list_user_summaries<'a>(
        client: &'a impl Executor,
        max_rows: i64,
    ) -> impl Future<Output = Result<Vec<ListUserSummariesRow>, Error>> + 'a {
        run::many(client, &LIST_USER_SUMMARIES, (max_rows,))
    }

    /// The most engaged users from user_summary_view.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_USER_SUMMARIES`](super::LIST_USER_SUMMARIES).
    pub fn list_user_summaries_for_each<'a>(
        client: &'a impl Executor,
        max_rows: i64,
        f: impl FnMut(ListUserSummariesRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_USER_SUMMARIES, (max_rows,), f)
    }

    /// The most engaged users from user_summary_view.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_USER_SUMMARIES`](super::LIST_USER_SUMMARIES).
    pub fn list_user_summaries_stream<'a>(
        client: &'a impl Executor,
        max_rows: i64,
    ) -> impl Future<Output = Result<Rows<ListUserSummariesRow>, Error>> + 'a {
        run::stream(client, &LIST_USER_SUMMARIES, (max_rows,))
    }

    /// Step volume and errors per step type from performance_dashboard_view, busiest first.
    ///
    /// The SQL: [`LIST_PERFORMANCE_DASHBOARD`](super::LIST_PERFORMANCE_DASHBOARD).
    pub fn list_performance_dashboard<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Vec<ListPerformanceDashboardRow>, Error>> + 'a {
        run::many(client, &LIST_PERFORMANCE_DASHBOARD, ())
    }

    /// Step volume and errors per step type from performance_dashboard_view, busiest first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_PERFORMANCE_DASHBOARD`](super::LIST_PERFORMANCE_DASHBOARD).
    pub fn list_performance_dashboard_for_each<'a>(
        client: &'a impl Executor,
        f: impl FnMut(ListPerformanceDashboardRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_PERFORMANCE_DASHBOARD, (), f)
    }

    /// Step volume and errors per step type from performance_dashboard_view, busiest first.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_PERFORMANCE_DASHBOARD`](super::LIST_PERFORMANCE_DASHBOARD).
    pub fn list_performance_dashboard_stream<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Rows<ListPerformanceDashboardRow>, Error>> + 'a {
        run::stream(client, &LIST_PERFORMANCE_DASHBOARD, ())
    }
}
