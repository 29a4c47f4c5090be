//! A chat service on the generated crate, as a team would write one: an axum HTTP API on a
//! connection pool (deadpool-postgres on PostgreSQL, r2d2 on SQLite), the database migrated at
//! start-up by the embedded migrations, and a write of two tables in one transaction.
//!
//! - `POST /conversations` `{"user_id": "ada", "title": "…"}`: a new conversation.
//! - `GET /conversations/{id}`: one conversation (404 when there is none).
//! - `POST /conversations/{id}/messages` `{"role": "user", "content": "…"}`: appends a message
//!   and counts it on its conversation, both or neither (one transaction).
//! - `GET /conversations/{id}/messages`: the messages, oldest first.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Utc;
use dbtool_reference_queries::enums::MessageRole;
use dbtool_reference_queries::rag::{self, AppendMessageParams};
use dbtool_reference_queries::{migrations, tables};
use r2d2_sqlite::SqliteConnectionManager;
use serde::Deserialize;
use uuid::Uuid;

/// The database, behind its pool.
#[derive(Clone)]
pub enum Db {
    Postgres(deadpool_postgres::Pool),
    Sqlite(r2d2::Pool<SqliteConnectionManager>),
}

pub type Failure = Box<dyn std::error::Error + Send + Sync>;

impl Db {
    /// A pool for `url` (`postgres://…`, else an SQLite path, `sqlite://` optional), with the
    /// database migrated.
    pub async fn connect(url: &str) -> Result<Db, Failure> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let config: tokio_postgres::Config = url.parse()?;
            let manager = deadpool_postgres::Manager::new(config, tokio_postgres::NoTls);
            let pool = deadpool_postgres::Pool::builder(manager)
                .max_size(8)
                .build()?;
            let mut client = pool.get().await?;
            migrations::migrate_postgres_async(&mut client).await?;
            return Ok(Db::Postgres(pool));
        }
        let path = url.trim_start_matches("sqlite://").to_string();
        // Foreign keys on and a busy timeout (SQLite lets one writer in at a time: the others
        // wait for it rather than fail), on every pooled connection.
        let manager = SqliteConnectionManager::file(path)
            .with_init(|c| dbtool_reference_queries::runtime::sqlite::configure(c));
        let pool = r2d2::Pool::builder().max_size(8).build(manager)?;
        let conn = pool.get()?;
        migrations::migrate_sqlite(&conn)?;
        Ok(Db::Sqlite(pool))
    }
}

pub fn app(db: Db) -> Router {
    Router::new()
        .route("/conversations", post(create_conversation))
        .route("/conversations/{id}", get(get_conversation))
        .route(
            "/conversations/{id}/messages",
            post(append_message).get(list_messages),
        )
        .with_state(db)
}

/// A failure as an HTTP answer: what the generated `Error` says decides the status.
pub struct ApiError(StatusCode, String);

impl From<dbtool_reference_queries::Error> for ApiError {
    fn from(error: dbtool_reference_queries::Error) -> Self {
        let status = if error.is_not_found() {
            StatusCode::NOT_FOUND
        } else if error.is_unique_violation() {
            StatusCode::CONFLICT
        } else if error.is_foreign_key_violation() || error.is_check_violation() {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::INTERNAL_SERVER_ERROR
        };
        ApiError(status, error.to_string())
    }
}

macro_rules! internal {
    ($($error:ty),*) => {$(
        impl From<$error> for ApiError {
            fn from(error: $error) -> Self {
                ApiError(StatusCode::INTERNAL_SERVER_ERROR, error.to_string())
            }
        }
    )*};
}

internal!(
    deadpool_postgres::PoolError,
    tokio_postgres::Error,
    r2d2::Error,
    rusqlite::Error,
    tokio::task::JoinError
);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(serde_json::json!({ "error": self.1 }))).into_response()
    }
}

/// Runs SQLite work on a blocking thread with a pooled connection.
async fn on_sqlite<T: Send + 'static>(
    pool: r2d2::Pool<SqliteConnectionManager>,
    work: impl FnOnce(&mut rusqlite::Connection) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get()?;
        work(&mut conn)
    })
    .await?
}

#[derive(Deserialize)]
pub struct NewConversation {
    pub user_id: String,
    pub title: Option<String>,
}

async fn create_conversation(
    State(db): State<Db>,
    Json(new): Json<NewConversation>,
) -> Result<(StatusCode, Json<rag::CreateConversationRow>), ApiError> {
    let row = match db {
        Db::Postgres(pool) => {
            let client = pool.get().await?;
            rag::pg_async::create_conversation(&client, &new.user_id, new.title.as_deref()).await?
        }
        Db::Sqlite(pool) => {
            on_sqlite(pool, move |conn| {
                Ok(rag::sqlite::create_conversation(
                    conn,
                    &new.user_id,
                    new.title.as_deref(),
                )?)
            })
            .await?
        }
    };
    Ok((StatusCode::CREATED, Json(row)))
}

async fn get_conversation(
    State(db): State<Db>,
    Path(id): Path<Uuid>,
) -> Result<Json<tables::ConversationsRow>, ApiError> {
    let row = match db {
        Db::Postgres(pool) => {
            let client = pool.get().await?;
            rag::pg_async::get_conversation(&client, id).await?
        }
        Db::Sqlite(pool) => {
            on_sqlite(pool, move |conn| {
                Ok(rag::sqlite::get_conversation(conn, id)?)
            })
            .await?
        }
    };
    Ok(Json(row))
}

#[derive(Deserialize)]
pub struct NewMessage {
    pub role: MessageRole,
    pub content: String,
    #[serde(default)]
    pub metadata: serde_json::Value,
}

/// The message and the conversation's count of messages, in one transaction: a failure of
/// either leaves neither.
async fn append_message(
    State(db): State<Db>,
    Path(id): Path<Uuid>,
    Json(new): Json<NewMessage>,
) -> Result<(StatusCode, Json<tables::MessagesRow>), ApiError> {
    let metadata = if new.metadata.is_null() {
        serde_json::json!({})
    } else {
        new.metadata
    };
    let row = match db {
        Db::Postgres(pool) => {
            let mut client = pool.get().await?;
            let tx = client.transaction().await?;
            let message = AppendMessageParams {
                conversation_id: id,
                role: new.role,
                content: &new.content,
                msg_metadata: &metadata,
                created_at: Utc::now(),
            };
            let row = rag::pg_async::append_message(&tx, &message).await?;
            rag::pg_async::touch_conversation(&tx, Utc::now(), id).await?;
            tx.commit().await?;
            row
        }
        Db::Sqlite(pool) => {
            on_sqlite(pool, move |conn| {
                // IMMEDIATE: take the write lock first, so concurrent writers queue instead of
                // failing when a read lock cannot be upgraded.
                let tx =
                    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let message = AppendMessageParams {
                    conversation_id: id,
                    role: new.role,
                    content: &new.content,
                    msg_metadata: &metadata,
                    created_at: Utc::now(),
                };
                let row = rag::sqlite::append_message(&tx, &message)?;
                rag::sqlite::touch_conversation(&tx, Utc::now(), id)?;
                tx.commit()?;
                Ok(row)
            })
            .await?
        }
    };
    Ok((StatusCode::CREATED, Json(row)))
}

async fn list_messages(
    State(db): State<Db>,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<rag::ListMessagesRow>>, ApiError> {
    let rows = match db {
        Db::Postgres(pool) => {
            let client = pool.get().await?;
            rag::pg_async::list_messages(&client, id, 1000, 0).await?
        }
        Db::Sqlite(pool) => {
            on_sqlite(pool, move |conn| {
                Ok(rag::sqlite::list_messages(conn, id, 1000, 0)?)
            })
            .await?
        }
    };
    Ok(Json(rows))
}
