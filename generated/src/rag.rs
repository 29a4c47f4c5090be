//! The queries of `queries/rag.sql`.
//!
//! Written by `dbtool generate`; do not edit: change schema/ or queries/ and run it again.

use crate::runtime::Query;
use crate::tables;

/// A row of `CreateConversation`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CreateConversationRow {
    pub id: uuid::Uuid,
    pub user_id: String,
    pub title: Option<String>,
    pub status: crate::enums::ConversationStatus,
    pub message_count: i64,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for CreateConversationRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(CreateConversationRow {
            id: get(row, 0)?,
            user_id: get(row, 1)?,
            title: get(row, 2)?,
            status: get(row, 3)?,
            message_count: get(row, 4)?,
            created_at: get(row, 5)?,
            updated_at: get(row, 6)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for CreateConversationRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(CreateConversationRow {
            id: row.try_get(0)?,
            user_id: row.try_get(1)?,
            title: row.try_get(2)?,
            status: row.try_get(3)?,
            message_count: row.try_get(4)?,
            created_at: row.try_get(5)?,
            updated_at: row.try_get(6)?,
        })
    }
}

/// A row of `ArchiveConversation`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ArchiveConversationRow {
    pub id: uuid::Uuid,
    pub status: crate::enums::ConversationStatus,
    pub archived_at: Option<chrono::DateTime<chrono::Utc>>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ArchiveConversationRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ArchiveConversationRow {
            id: get(row, 0)?,
            status: get(row, 1)?,
            archived_at: get(row, 2)?,
            updated_at: get(row, 3)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ArchiveConversationRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ArchiveConversationRow {
            id: row.try_get(0)?,
            status: row.try_get(1)?,
            archived_at: row.try_get(2)?,
            updated_at: row.try_get(3)?,
        })
    }
}

/// A row of `UnarchiveConversation`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct UnarchiveConversationRow {
    pub id: uuid::Uuid,
    pub status: crate::enums::ConversationStatus,
    pub archived_at: Option<chrono::DateTime<chrono::Utc>>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for UnarchiveConversationRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(UnarchiveConversationRow {
            id: get(row, 0)?,
            status: get(row, 1)?,
            archived_at: get(row, 2)?,
            updated_at: get(row, 3)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for UnarchiveConversationRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(UnarchiveConversationRow {
            id: row.try_get(0)?,
            status: row.try_get(1)?,
            archived_at: row.try_get(2)?,
            updated_at: row.try_get(3)?,
        })
    }
}

/// A row of `GetLastMessages`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct GetLastMessagesRow {
    pub id: uuid::Uuid,
    pub role: crate::enums::MessageRole,
    pub content: String,
    pub msg_metadata: serde_json::Value,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for GetLastMessagesRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(GetLastMessagesRow {
            id: get(row, 0)?,
            role: get(row, 1)?,
            content: get(row, 2)?,
            msg_metadata: get(row, 3)?,
            created_at: get(row, 4)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for GetLastMessagesRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(GetLastMessagesRow {
            id: row.try_get(0)?,
            role: row.try_get(1)?,
            content: row.try_get(2)?,
            msg_metadata: row.try_get(3)?,
            created_at: row.try_get(4)?,
        })
    }
}

/// A row of `ListMessages`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListMessagesRow {
    pub id: uuid::Uuid,
    pub role: crate::enums::MessageRole,
    pub content: String,
    pub msg_metadata: serde_json::Value,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListMessagesRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListMessagesRow {
            id: get(row, 0)?,
            role: get(row, 1)?,
            content: get(row, 2)?,
            msg_metadata: get(row, 3)?,
            created_at: get(row, 4)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListMessagesRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListMessagesRow {
            id: row.try_get(0)?,
            role: row.try_get(1)?,
            content: row.try_get(2)?,
            msg_metadata: row.try_get(3)?,
            created_at: row.try_get(4)?,
        })
    }
}

/// A row of `ListMessagesBySource`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListMessagesBySourceRow {
    pub id: uuid::Uuid,
    pub role: crate::enums::MessageRole,
    pub content: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListMessagesBySourceRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListMessagesBySourceRow {
            id: get(row, 0)?,
            role: get(row, 1)?,
            content: get(row, 2)?,
            created_at: get(row, 3)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListMessagesBySourceRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListMessagesBySourceRow {
            id: row.try_get(0)?,
            role: row.try_get(1)?,
            content: row.try_get(2)?,
            created_at: row.try_get(3)?,
        })
    }
}

/// A row of `ListConversationMessageCounts`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListConversationMessageCountsRow {
    pub id: uuid::Uuid,
    pub title: Option<String>,
    pub message_count: i64,
    pub stored_message_count: i64,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListConversationMessageCountsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListConversationMessageCountsRow {
            id: get(row, 0)?,
            title: get(row, 1)?,
            message_count: get(row, 2)?,
            stored_message_count: get(row, 3)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListConversationMessageCountsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListConversationMessageCountsRow {
            id: row.try_get(0)?,
            title: row.try_get(1)?,
            message_count: row.try_get(2)?,
            stored_message_count: row.try_get(3)?,
        })
    }
}

/// A row of `ListActiveConversations`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListActiveConversationsRow {
    pub id: uuid::Uuid,
    pub user_id: String,
    pub title: Option<String>,
    pub message_count: i64,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub last_message_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListActiveConversationsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListActiveConversationsRow {
            id: get(row, 0)?,
            user_id: get(row, 1)?,
            title: get(row, 2)?,
            message_count: get(row, 3)?,
            created_at: get(row, 4)?,
            last_message_at: get(row, 5)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListActiveConversationsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListActiveConversationsRow {
            id: row.try_get(0)?,
            user_id: row.try_get(1)?,
            title: row.try_get(2)?,
            message_count: row.try_get(3)?,
            created_at: row.try_get(4)?,
            last_message_at: row.try_get(5)?,
        })
    }
}

/// The parameters of `AppendMessage`.
#[derive(Debug, Clone, Copy)]
pub struct AppendMessageParams<'a> {
    pub conversation_id: uuid::Uuid,
    pub role: crate::enums::MessageRole,
    pub content: &'a str,
    pub msg_metadata: &'a serde_json::Value,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for AppendMessageParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.conversation_id as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.role,
            &self.content,
            &self.msg_metadata,
            &self.created_at,
        ]
    }
}

/// Start a conversation for a user; id, status ('active'), counters and timestamps take their
/// defaults and are returned.
///
/// ```sql
/// INSERT INTO conversations (user_id, title)
/// VALUES (@user_id, sqlc.narg(title))
/// RETURNING id, user_id, title, status, message_count, created_at, updated_at
/// ```
pub const CREATE_CONVERSATION: Query = Query {
    name: "CreateConversation",
    postgres: r#"INSERT INTO conversations (user_id, title)
VALUES ($1, $2)
RETURNING id, user_id, title, status, message_count, created_at, updated_at"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO conversations (user_id, title)
VALUES (?1, ?2)
RETURNING id, user_id, title, status, message_count, created_at, updated_at"#,
};

/// One conversation by id, whatever its status.
///
/// ```sql
/// SELECT id, user_id, title, summary, status, message_count, created_at, updated_at,
///        last_message_at, archived_at
/// FROM conversations
/// WHERE id = @id
/// ```
pub const GET_CONVERSATION: Query = Query {
    name: "GetConversation",
    postgres: r#"SELECT id, user_id, title, summary, status, message_count, created_at, updated_at,
       last_message_at, archived_at
FROM conversations
WHERE id = $1"#,
    timescaledb: None,
    sqlite: r#"SELECT id, user_id, title, summary, status, message_count, created_at, updated_at,
       last_message_at, archived_at
FROM conversations
WHERE id = ?1"#,
};

/// A user's conversations, most recent activity first (a conversation without messages counts
/// from its creation), optionally of one status (NULL for all), one page at a time.
///
/// ```sql
/// SELECT id, user_id, title, summary, status, message_count, created_at, updated_at,
///        last_message_at, archived_at
/// FROM conversations
/// WHERE user_id = @user_id
///   AND (status = sqlc.narg(status) OR sqlc.narg(status) IS NULL)
/// ORDER BY COALESCE(last_message_at, created_at) DESC, id
/// LIMIT @max_rows
/// OFFSET @skip_rows
/// ```
pub const LIST_CONVERSATIONS_FOR_USER: Query = Query {
    name: "ListConversationsForUser",
    postgres: r#"SELECT id, user_id, title, summary, status, message_count, created_at, updated_at,
       last_message_at, archived_at
FROM conversations
WHERE user_id = $1
  AND (status = $2 OR $2 IS NULL)
ORDER BY COALESCE(last_message_at, created_at) DESC, id
LIMIT $3
OFFSET $4"#,
    timescaledb: None,
    sqlite: r#"SELECT id, user_id, title, summary, status, message_count, created_at, updated_at,
       last_message_at, archived_at
FROM conversations
WHERE user_id = ?1
  AND (status = ?2 OR ?2 IS NULL)
ORDER BY COALESCE(last_message_at, created_at) DESC, id
LIMIT ?3
OFFSET ?4"#,
};

/// Number of conversations of a user, optionally of one status (NULL for all).
///
/// ```sql
/// SELECT count(*) AS conversation_count
/// FROM conversations
/// WHERE user_id = @user_id
///   AND (status = sqlc.narg(status) OR sqlc.narg(status) IS NULL)
/// ```
pub const COUNT_CONVERSATIONS_FOR_USER: Query = Query {
    name: "CountConversationsForUser",
    postgres: r#"SELECT count(*) AS conversation_count
FROM conversations
WHERE user_id = $1
  AND (status = $2 OR $2 IS NULL)"#,
    timescaledb: None,
    sqlite: r#"SELECT count(*) AS conversation_count
FROM conversations
WHERE user_id = ?1
  AND (status = ?2 OR ?2 IS NULL)"#,
};

/// Soft-delete: archive a conversation and return its new state (no row if the id is unknown).
///
/// ```sql
/// UPDATE conversations
/// SET status = 'archived', archived_at = @now, updated_at = @now
/// WHERE id = @id
/// RETURNING id, status, archived_at, updated_at
/// ```
pub const ARCHIVE_CONVERSATION: Query = Query {
    name: "ArchiveConversation",
    postgres: r#"UPDATE conversations
SET status = 'archived', archived_at = $1, updated_at = $1
WHERE id = $2
RETURNING id, status, archived_at, updated_at"#,
    timescaledb: None,
    sqlite: r#"UPDATE conversations
SET status = 'archived', archived_at = ?1, updated_at = ?1
WHERE id = ?2
RETURNING id, status, archived_at, updated_at"#,
};

/// Bring an archived conversation back to active; no row if it was not archived.
///
/// ```sql
/// UPDATE conversations
/// SET status = 'active', archived_at = NULL, updated_at = @now
/// WHERE id = @id AND status = 'archived'
/// RETURNING id, status, archived_at, updated_at
/// ```
pub const UNARCHIVE_CONVERSATION: Query = Query {
    name: "UnarchiveConversation",
    postgres: r#"UPDATE conversations
SET status = 'active', archived_at = NULL, updated_at = $1
WHERE id = $2 AND status = 'archived'
RETURNING id, status, archived_at, updated_at"#,
    timescaledb: None,
    sqlite: r#"UPDATE conversations
SET status = 'active', archived_at = NULL, updated_at = ?1
WHERE id = ?2 AND status = 'archived'
RETURNING id, status, archived_at, updated_at"#,
};

/// Set any status (e.g. 'closed' or 'deleted') on a conversation.
///
/// ```sql
/// UPDATE conversations
/// SET status = @status, updated_at = @now
/// WHERE id = @id
/// ```
pub const SET_CONVERSATION_STATUS: Query = Query {
    name: "SetConversationStatus",
    postgres: r#"UPDATE conversations
SET status = $1, updated_at = $2
WHERE id = $3"#,
    timescaledb: None,
    sqlite: r#"UPDATE conversations
SET status = ?1, updated_at = ?2
WHERE id = ?3"#,
};

/// Rename a conversation and/or store its model-written summary.
///
/// ```sql
/// UPDATE conversations
/// SET title = sqlc.narg(title), summary = sqlc.narg(summary), updated_at = @now
/// WHERE id = @id
/// ```
pub const UPDATE_CONVERSATION_TITLE: Query = Query {
    name: "UpdateConversationTitle",
    postgres: r#"UPDATE conversations
SET title = $1, summary = $2, updated_at = $3
WHERE id = $4"#,
    timescaledb: None,
    sqlite: r#"UPDATE conversations
SET title = ?1, summary = ?2, updated_at = ?3
WHERE id = ?4"#,
};

/// Account for a message just appended: one more message, and the time of the last one.
///
/// ```sql
/// UPDATE conversations
/// SET message_count = message_count + 1, last_message_at = @now, updated_at = @now
/// WHERE id = @id
/// ```
pub const TOUCH_CONVERSATION: Query = Query {
    name: "TouchConversation",
    postgres: r#"UPDATE conversations
SET message_count = message_count + 1, last_message_at = $1, updated_at = $1
WHERE id = $2"#,
    timescaledb: None,
    sqlite: r#"UPDATE conversations
SET message_count = message_count + 1, last_message_at = ?1, updated_at = ?1
WHERE id = ?2"#,
};

/// Append a message (user, assistant or system) to a conversation; returns the stored message.
/// Pass the same created_at to TouchConversation as its now.
///
/// ```sql
/// INSERT INTO messages (conversation_id, role, content, msg_metadata, created_at)
/// VALUES (@conversation_id, @role, @content, @msg_metadata, @created_at)
/// RETURNING id, conversation_id, role, content, msg_metadata, created_at
/// ```
pub const APPEND_MESSAGE: Query = Query {
    name: "AppendMessage",
    postgres: r#"INSERT INTO messages (conversation_id, role, content, msg_metadata, created_at)
VALUES ($1, $2, $3, $4, $5)
RETURNING id, conversation_id, role, content, msg_metadata, created_at"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO messages (conversation_id, role, content, msg_metadata, created_at)
VALUES (?1, ?2, ?3, ?4, ?5)
RETURNING id, conversation_id, role, content, msg_metadata, created_at"#,
};

/// The last n messages of a conversation, newest first: the LLM's context window (reverse them
/// for the prompt).
///
/// ```sql
/// SELECT id, role, content, msg_metadata, created_at
/// FROM messages
/// WHERE conversation_id = @conversation_id
/// ORDER BY created_at DESC, id DESC
/// LIMIT @n
/// ```
pub const GET_LAST_MESSAGES: Query = Query {
    name: "GetLastMessages",
    postgres: r#"SELECT id, role, content, msg_metadata, created_at
FROM messages
WHERE conversation_id = $1
ORDER BY created_at DESC, id DESC
LIMIT $2"#,
    timescaledb: None,
    sqlite: r#"SELECT id, role, content, msg_metadata, created_at
FROM messages
WHERE conversation_id = ?1
ORDER BY created_at DESC, id DESC
LIMIT ?2"#,
};

/// The messages of a conversation in the order they were written, one page at a time.
///
/// ```sql
/// SELECT id, role, content, msg_metadata, created_at
/// FROM messages
/// WHERE conversation_id = @conversation_id
/// ORDER BY created_at, id
/// LIMIT @max_rows
/// OFFSET @skip_rows
/// ```
pub const LIST_MESSAGES: Query = Query {
    name: "ListMessages",
    postgres: r#"SELECT id, role, content, msg_metadata, created_at
FROM messages
WHERE conversation_id = $1
ORDER BY created_at, id
LIMIT $2
OFFSET $3"#,
    timescaledb: None,
    sqlite: r#"SELECT id, role, content, msg_metadata, created_at
FROM messages
WHERE conversation_id = ?1
ORDER BY created_at, id
LIMIT ?2
OFFSET ?3"#,
};

/// Number of messages of one role in a conversation.
///
/// ```sql
/// SELECT count(*) AS message_count
/// FROM messages
/// WHERE conversation_id = @conversation_id AND role = @role
/// ```
pub const COUNT_MESSAGES_BY_ROLE: Query = Query {
    name: "CountMessagesByRole",
    postgres: r#"SELECT count(*) AS message_count
FROM messages
WHERE conversation_id = $1 AND role = $2"#,
    timescaledb: None,
    sqlite: r#"SELECT count(*) AS message_count
FROM messages
WHERE conversation_id = ?1 AND role = ?2"#,
};

/// Number of messages stored for a conversation.
///
/// ```sql
/// SELECT count(*) AS message_count
/// FROM messages
/// WHERE conversation_id = @conversation_id
/// ```
pub const COUNT_MESSAGES: Query = Query {
    name: "CountMessages",
    postgres: r#"SELECT count(*) AS message_count
FROM messages
WHERE conversation_id = $1"#,
    timescaledb: None,
    sqlite: r#"SELECT count(*) AS message_count
FROM messages
WHERE conversation_id = ?1"#,
};

/// Messages of a conversation that came from one source (msg_metadata.source), oldest first.
///
/// ```sql
/// SELECT id, role, content, created_at
/// FROM messages
/// WHERE conversation_id = @conversation_id
///   AND msg_metadata ->> 'source' = @source
/// ORDER BY created_at, id
/// ```
pub const LIST_MESSAGES_BY_SOURCE: Query = Query {
    name: "ListMessagesBySource",
    postgres: r#"SELECT id, role, content, created_at
FROM messages
WHERE conversation_id = $1
  AND msg_metadata ->> 'source' = $2
ORDER BY created_at, id"#,
    timescaledb: None,
    sqlite: r#"SELECT id, role, content, created_at
FROM messages
WHERE conversation_id = ?1
  AND msg_metadata ->> 'source' = ?2
ORDER BY created_at, id"#,
};

/// A user's conversations with the number of messages actually stored beside the counter kept
/// on the conversation, to find counters that drifted.
///
/// ```sql
/// SELECT c.id, c.title, c.message_count,
///        count(m.id) AS stored_message_count
/// FROM conversations c
/// LEFT JOIN messages m ON m.conversation_id = c.id
/// WHERE c.user_id = @user_id
/// GROUP BY c.id, c.title, c.message_count
/// ORDER BY c.id
/// ```
pub const LIST_CONVERSATION_MESSAGE_COUNTS: Query = Query {
    name: "ListConversationMessageCounts",
    postgres: r#"SELECT c.id, c.title, c.message_count,
       count(m.id) AS stored_message_count
FROM conversations c
LEFT JOIN messages m ON m.conversation_id = c.id
WHERE c.user_id = $1
GROUP BY c.id, c.title, c.message_count
ORDER BY c.id"#,
    timescaledb: None,
    sqlite: r#"SELECT c.id, c.title, c.message_count,
       count(m.id) AS stored_message_count
FROM conversations c
LEFT JOIN messages m ON m.conversation_id = c.id
WHERE c.user_id = ?1
GROUP BY c.id, c.title, c.message_count
ORDER BY c.id"#,
};

/// A user's active conversations from the active_conversations view, most recent activity first.
///
/// ```sql
/// SELECT id, user_id, title, message_count, created_at, last_message_at
/// FROM active_conversations
/// WHERE user_id = @user_id
/// ORDER BY COALESCE(last_message_at, created_at) DESC, id
/// LIMIT @max_rows
/// ```
pub const LIST_ACTIVE_CONVERSATIONS: Query = Query {
    name: "ListActiveConversations",
    postgres: r#"SELECT id, user_id, title, message_count, created_at, last_message_at
FROM active_conversations
WHERE user_id = $1
ORDER BY COALESCE(last_message_at, created_at) DESC, id
LIMIT $2"#,
    timescaledb: None,
    sqlite: r#"SELECT id, user_id, title, message_count, created_at, last_message_at
FROM active_conversations
WHERE user_id = ?1
ORDER BY COALESCE(last_message_at, created_at) DESC, id
LIMIT ?2"#,
};

/// The queries on the rusqlite backend.
#[cfg(feature = "rusqlite")]
pub mod sqlite {
    use super::*;
    use crate::runtime::sqlite::Call;
    use crate::runtime::Error;

    /// Start a conversation for a user; id, status ('active'), counters and timestamps take their
    /// defaults and are returned.
    ///
    /// The SQL: [`CREATE_CONVERSATION`](super::CREATE_CONVERSATION).
    #[inline]
    pub fn create_conversation(
        conn: &rusqlite::Connection,
        user_id: &str,
        title: Option<&str>,
    ) -> Result<CreateConversationRow, Error> {
        let mut call = Call::new(conn, &CREATE_CONVERSATION)?;
        call.bind(&user_id)?;
        call.bind(&title)?;
        call.one()
    }

    /// Start a conversation for a user; id, status ('active'), counters and timestamps take their
    /// defaults and are returned.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`CREATE_CONVERSATION`](super::CREATE_CONVERSATION).
    #[inline]
    pub fn create_conversation_opt(
        conn: &rusqlite::Connection,
        user_id: &str,
        title: Option<&str>,
    ) -> Result<Option<CreateConversationRow>, Error> {
        let mut call = Call::new(conn, &CREATE_CONVERSATION)?;
        call.bind(&user_id)?;
        call.bind(&title)?;
        call.opt()
    }

    /// One conversation by id, whatever its status.
    ///
    /// The SQL: [`GET_CONVERSATION`](super::GET_CONVERSATION).
    #[inline]
    pub fn get_conversation(
        conn: &rusqlite::Connection,
        id: uuid::Uuid,
    ) -> Result<tables::ConversationsRow, Error> {
        let mut call = Call::new(conn, &GET_CONVERSATION)?;
        call.bind(&id)?;
        call.one()
    }

    /// One conversation by id, whatever its status.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_CONVERSATION`](super::GET_CONVERSATION).
    #[inline]
    pub fn get_conversation_opt(
        conn: &rusqlite::Connection,
        id: uuid::Uuid,
    ) -> Result<Option<tables::ConversationsRow>, Error> {
        let mut call = Call::new(conn, &GET_CONVERSATION)?;
        call.bind(&id)?;
        call.opt()
    }

    /// A user's conversations, most recent activity first (a conversation without messages counts
    /// from its creation), optionally of one status (NULL for all), one page at a time.
    ///
    /// The SQL: [`LIST_CONVERSATIONS_FOR_USER`](super::LIST_CONVERSATIONS_FOR_USER).
    #[inline]
    pub fn list_conversations_for_user(
        conn: &rusqlite::Connection,
        user_id: &str,
        status: Option<crate::enums::ConversationStatus>,
        max_rows: i64,
        skip_rows: i64,
    ) -> Result<Vec<tables::ConversationsRow>, Error> {
        let mut call = Call::new(conn, &LIST_CONVERSATIONS_FOR_USER)?;
        call.bind(&user_id)?;
        call.bind(&status)?;
        call.bind(&max_rows)?;
        call.bind(&skip_rows)?;
        call.many()
    }

    /// A user's conversations, most recent activity first (a conversation without messages counts
    /// from its creation), optionally of one status (NULL for all), one page at a time.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CONVERSATIONS_FOR_USER`](super::LIST_CONVERSATIONS_FOR_USER).
    #[inline]
    pub fn list_conversations_for_user_for_each(
        conn: &rusqlite::Connection,
        user_id: &str,
        status: Option<crate::enums::ConversationStatus>,
        max_rows: i64,
        skip_rows: i64,
        f: impl FnMut(tables::ConversationsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_CONVERSATIONS_FOR_USER)?;
        call.bind(&user_id)?;
        call.bind(&status)?;
        call.bind(&max_rows)?;
        call.bind(&skip_rows)?;
        call.for_each(f)
    }

    /// Number of conversations of a user, optionally of one status (NULL for all).
    ///
    /// The SQL: [`COUNT_CONVERSATIONS_FOR_USER`](super::COUNT_CONVERSATIONS_FOR_USER).
    #[inline]
    pub fn count_conversations_for_user(
        conn: &rusqlite::Connection,
        user_id: &str,
        status: Option<crate::enums::ConversationStatus>,
    ) -> Result<i64, Error> {
        let mut call = Call::new(conn, &COUNT_CONVERSATIONS_FOR_USER)?;
        call.bind(&user_id)?;
        call.bind(&status)?;
        call.one()
    }

    /// Number of conversations of a user, optionally of one status (NULL for all).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`COUNT_CONVERSATIONS_FOR_USER`](super::COUNT_CONVERSATIONS_FOR_USER).
    #[inline]
    pub fn count_conversations_for_user_opt(
        conn: &rusqlite::Connection,
        user_id: &str,
        status: Option<crate::enums::ConversationStatus>,
    ) -> Result<Option<i64>, Error> {
        let mut call = Call::new(conn, &COUNT_CONVERSATIONS_FOR_USER)?;
        call.bind(&user_id)?;
        call.bind(&status)?;
        call.opt()
    }

    /// Soft-delete: archive a conversation and return its new state (no row if the id is unknown).
    ///
    /// The SQL: [`ARCHIVE_CONVERSATION`](super::ARCHIVE_CONVERSATION).
    #[inline]
    pub fn archive_conversation(
        conn: &rusqlite::Connection,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> Result<ArchiveConversationRow, Error> {
        let mut call = Call::new(conn, &ARCHIVE_CONVERSATION)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.one()
    }

    /// Soft-delete: archive a conversation and return its new state (no row if the id is unknown).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`ARCHIVE_CONVERSATION`](super::ARCHIVE_CONVERSATION).
    #[inline]
    pub fn archive_conversation_opt(
        conn: &rusqlite::Connection,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> Result<Option<ArchiveConversationRow>, Error> {
        let mut call = Call::new(conn, &ARCHIVE_CONVERSATION)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.opt()
    }

    /// Bring an archived conversation back to active; no row if it was not archived.
    ///
    /// The SQL: [`UNARCHIVE_CONVERSATION`](super::UNARCHIVE_CONVERSATION).
    #[inline]
    pub fn unarchive_conversation(
        conn: &rusqlite::Connection,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> Result<UnarchiveConversationRow, Error> {
        let mut call = Call::new(conn, &UNARCHIVE_CONVERSATION)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.one()
    }

    /// Bring an archived conversation back to active; no row if it was not archived.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`UNARCHIVE_CONVERSATION`](super::UNARCHIVE_CONVERSATION).
    #[inline]
    pub fn unarchive_conversation_opt(
        conn: &rusqlite::Connection,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> Result<Option<UnarchiveConversationRow>, Error> {
        let mut call = Call::new(conn, &UNARCHIVE_CONVERSATION)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.opt()
    }

    /// Set any status (e.g. 'closed' or 'deleted') on a conversation.
    ///
    /// The SQL: [`SET_CONVERSATION_STATUS`](super::SET_CONVERSATION_STATUS).
    #[inline]
    pub fn set_conversation_status(
        conn: &rusqlite::Connection,
        status: crate::enums::ConversationStatus,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &SET_CONVERSATION_STATUS)?;
        call.bind(&status)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Rename a conversation and/or store its model-written summary.
    ///
    /// The SQL: [`UPDATE_CONVERSATION_TITLE`](super::UPDATE_CONVERSATION_TITLE).
    #[inline]
    pub fn update_conversation_title(
        conn: &rusqlite::Connection,
        title: Option<&str>,
        summary: Option<&str>,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &UPDATE_CONVERSATION_TITLE)?;
        call.bind(&title)?;
        call.bind(&summary)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Account for a message just appended: one more message, and the time of the last one.
    ///
    /// The SQL: [`TOUCH_CONVERSATION`](super::TOUCH_CONVERSATION).
    #[inline]
    pub fn touch_conversation(
        conn: &rusqlite::Connection,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &TOUCH_CONVERSATION)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Append a message (user, assistant or system) to a conversation; returns the stored message.
    /// Pass the same created_at to TouchConversation as its now.
    ///
    /// The SQL: [`APPEND_MESSAGE`](super::APPEND_MESSAGE).
    #[inline]
    pub fn append_message(
        conn: &rusqlite::Connection,
        params: &AppendMessageParams<'_>,
    ) -> Result<tables::MessagesRow, Error> {
        let mut call = Call::new(conn, &APPEND_MESSAGE)?;
        call.bind(&params.conversation_id)?;
        call.bind(&params.role)?;
        call.bind(&params.content)?;
        call.bind(&params.msg_metadata)?;
        call.bind(&params.created_at)?;
        call.one()
    }

    /// Append a message (user, assistant or system) to a conversation; returns the stored message.
    /// Pass the same created_at to TouchConversation as its now.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`APPEND_MESSAGE`](super::APPEND_MESSAGE).
    #[inline]
    pub fn append_message_opt(
        conn: &rusqlite::Connection,
        params: &AppendMessageParams<'_>,
    ) -> Result<Option<tables::MessagesRow>, Error> {
        let mut call = Call::new(conn, &APPEND_MESSAGE)?;
        call.bind(&params.conversation_id)?;
        call.bind(&params.role)?;
        call.bind(&params.content)?;
        call.bind(&params.msg_metadata)?;
        call.bind(&params.created_at)?;
        call.opt()
    }

    /// The last n messages of a conversation, newest first: the LLM's context window (reverse them
    /// for the prompt).
    ///
    /// The SQL: [`GET_LAST_MESSAGES`](super::GET_LAST_MESSAGES).
    #[inline]
    pub fn get_last_messages(
        conn: &rusqlite::Connection,
        conversation_id: uuid::Uuid,
        n: i64,
    ) -> Result<Vec<GetLastMessagesRow>, Error> {
        let mut call = Call::new(conn, &GET_LAST_MESSAGES)?;
        call.bind(&conversation_id)?;
        call.bind(&n)?;
        call.many()
    }

    /// The last n messages of a conversation, newest first: the LLM's context window (reverse them
    /// for the prompt).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`GET_LAST_MESSAGES`](super::GET_LAST_MESSAGES).
    #[inline]
    pub fn get_last_messages_for_each(
        conn: &rusqlite::Connection,
        conversation_id: uuid::Uuid,
        n: i64,
        f: impl FnMut(GetLastMessagesRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &GET_LAST_MESSAGES)?;
        call.bind(&conversation_id)?;
        call.bind(&n)?;
        call.for_each(f)
    }

    /// The messages of a conversation in the order they were written, one page at a time.
    ///
    /// The SQL: [`LIST_MESSAGES`](super::LIST_MESSAGES).
    #[inline]
    pub fn list_messages(
        conn: &rusqlite::Connection,
        conversation_id: uuid::Uuid,
        max_rows: i64,
        skip_rows: i64,
    ) -> Result<Vec<ListMessagesRow>, Error> {
        let mut call = Call::new(conn, &LIST_MESSAGES)?;
        call.bind(&conversation_id)?;
        call.bind(&max_rows)?;
        call.bind(&skip_rows)?;
        call.many()
    }

    /// The messages of a conversation in the order they were written, one page at a time.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_MESSAGES`](super::LIST_MESSAGES).
    #[inline]
    pub fn list_messages_for_each(
        conn: &rusqlite::Connection,
        conversation_id: uuid::Uuid,
        max_rows: i64,
        skip_rows: i64,
        f: impl FnMut(ListMessagesRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_MESSAGES)?;
        call.bind(&conversation_id)?;
        call.bind(&max_rows)?;
        call.bind(&skip_rows)?;
        call.for_each(f)
    }

    /// Number of messages of one role in a conversation.
    ///
    /// The SQL: [`COUNT_MESSAGES_BY_ROLE`](super::COUNT_MESSAGES_BY_ROLE).
    #[inline]
    pub fn count_messages_by_role(
        conn: &rusqlite::Connection,
        conversation_id: uuid::Uuid,
        role: crate::enums::MessageRole,
    ) -> Result<i64, Error> {
        let mut call = Call::new(conn, &COUNT_MESSAGES_BY_ROLE)?;
        call.bind(&conversation_id)?;
        call.bind(&role)?;
        call.one()
    }

    /// Number of messages of one role in a conversation.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`COUNT_MESSAGES_BY_ROLE`](super::COUNT_MESSAGES_BY_ROLE).
    #[inline]
    pub fn count_messages_by_role_opt(
        conn: &rusqlite::Connection,
        conversation_id: uuid::Uuid,
        role: crate::enums::MessageRole,
    ) -> Result<Option<i64>, Error> {
        let mut call = Call::new(conn, &COUNT_MESSAGES_BY_ROLE)?;
        call.bind(&conversation_id)?;
        call.bind(&role)?;
        call.opt()
    }

    /// Number of messages stored for a conversation.
    ///
    /// The SQL: [`COUNT_MESSAGES`](super::COUNT_MESSAGES).
    #[inline]
    pub fn count_messages(
        conn: &rusqlite::Connection,
        conversation_id: uuid::Uuid,
    ) -> Result<i64, Error> {
        let mut call = Call::new(conn, &COUNT_MESSAGES)?;
        call.bind(&conversation_id)?;
        call.one()
    }

    /// Number of messages stored for a conversation.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`COUNT_MESSAGES`](super::COUNT_MESSAGES).
    #[inline]
    pub fn count_messages_opt(
        conn: &rusqlite::Connection,
        conversation_id: uuid::Uuid,
    ) -> Result<Option<i64>, Error> {
        let mut call = Call::new(conn, &COUNT_MESSAGES)?;
        call.bind(&conversation_id)?;
        call.opt()
    }

    /// Messages of a conversation that came from one source (msg_metadata.source), oldest first.
    ///
    /// The SQL: [`LIST_MESSAGES_BY_SOURCE`](super::LIST_MESSAGES_BY_SOURCE).
    #[inline]
    pub fn list_messages_by_source(
        conn: &rusqlite::Connection,
        conversation_id: uuid::Uuid,
        source: &str,
    ) -> Result<Vec<ListMessagesBySourceRow>, Error> {
        let mut call = Call::new(conn, &LIST_MESSAGES_BY_SOURCE)?;
        call.bind(&conversation_id)?;
        call.bind(&source)?;
        call.many()
    }

    /// Messages of a conversation that came from one source (msg_metadata.source), oldest first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_MESSAGES_BY_SOURCE`](super::LIST_MESSAGES_BY_SOURCE).
    #[inline]
    pub fn list_messages_by_source_for_each(
        conn: &rusqlite::Connection,
        conversation_id: uuid::Uuid,
        source: &str,
        f: impl FnMut(ListMessagesBySourceRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_MESSAGES_BY_SOURCE)?;
        call.bind(&conversation_id)?;
        call.bind(&source)?;
        call.for_each(f)
    }

    /// A user's conversations with the number of messages actually stored beside the counter kept
    /// on the conversation, to find counters that drifted.
    ///
    /// The SQL: [`LIST_CONVERSATION_MESSAGE_COUNTS`](super::LIST_CONVERSATION_MESSAGE_COUNTS).
    #[inline]
    pub fn list_conversation_message_counts(
        conn: &rusqlite::Connection,
        user_id: &str,
    ) -> Result<Vec<ListConversationMessageCountsRow>, Error> {
        let mut call = Call::new(conn, &LIST_CONVERSATION_MESSAGE_COUNTS)?;
        call.bind(&user_id)?;
        call.many()
    }

    /// A user's conversations with the number of messages actually stored beside the counter kept
    /// on the conversation, to find counters that drifted.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CONVERSATION_MESSAGE_COUNTS`](super::LIST_CONVERSATION_MESSAGE_COUNTS).
    #[inline]
    pub fn list_conversation_message_counts_for_each(
        conn: &rusqlite::Connection,
        user_id: &str,
        f: impl FnMut(ListConversationMessageCountsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_CONVERSATION_MESSAGE_COUNTS)?;
        call.bind(&user_id)?;
        call.for_each(f)
    }

    /// A user's active conversations from the active_conversations view, most recent activity first.
    ///
    /// The SQL: [`LIST_ACTIVE_CONVERSATIONS`](super::LIST_ACTIVE_CONVERSATIONS).
    #[inline]
    pub fn list_active_conversations(
        conn: &rusqlite::Connection,
        user_id: &str,
        max_rows: i64,
    ) -> Result<Vec<ListActiveConversationsRow>, Error> {
        let mut call = Call::new(conn, &LIST_ACTIVE_CONVERSATIONS)?;
        call.bind(&user_id)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// A user's active conversations from the active_conversations view, most recent activity first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_ACTIVE_CONVERSATIONS`](super::LIST_ACTIVE_CONVERSATIONS).
    #[inline]
    pub fn list_active_conversations_for_each(
        conn: &rusqlite::Connection,
        user_id: &str,
        max_rows: i64,
        f: impl FnMut(ListActiveConversationsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_ACTIVE_CONVERSATIONS)?;
        call.bind(&user_id)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }
}

/// The queries on the postgres backend (synchronous).
#[cfg(feature = "postgres")]
pub mod pg {
    use super::*;
    use crate::runtime::pg::{Call, Executor};
    use crate::runtime::Error;

    /// Start a conversation for a user; id, status ('active'), counters and timestamps take their
    /// defaults and are returned.
    ///
    /// The SQL: [`CREATE_CONVERSATION`](super::CREATE_CONVERSATION).
    pub fn create_conversation(
        client: &mut impl Executor,
        user_id: &str,
        title: Option<&str>,
    ) -> Result<CreateConversationRow, Error> {
        let mut call = Call::new(client, &CREATE_CONVERSATION)?;
        call.bind(&user_id)?;
        call.bind(&title)?;
        call.one()
    }

    /// Start a conversation for a user; id, status ('active'), counters and timestamps take their
    /// defaults and are returned.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`CREATE_CONVERSATION`](super::CREATE_CONVERSATION).
    pub fn create_conversation_opt(
        client: &mut impl Executor,
        user_id: &str,
        title: Option<&str>,
    ) -> Result<Option<CreateConversationRow>, Error> {
        let mut call = Call::new(client, &CREATE_CONVERSATION)?;
        call.bind(&user_id)?;
        call.bind(&title)?;
        call.opt()
    }

    /// One conversation by id, whatever its status.
    ///
    /// The SQL: [`GET_CONVERSATION`](super::GET_CONVERSATION).
    pub fn get_conversation(
        client: &mut impl Executor,
        id: uuid::Uuid,
    ) -> Result<tables::ConversationsRow, Error> {
        let mut call = Call::new(client, &GET_CONVERSATION)?;
        call.bind(&id)?;
        call.one()
    }

    /// One conversation by id, whatever its status.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_CONVERSATION`](super::GET_CONVERSATION).
    pub fn get_conversation_opt(
        client: &mut impl Executor,
        id: uuid::Uuid,
    ) -> Result<Option<tables::ConversationsRow>, Error> {
        let mut call = Call::new(client, &GET_CONVERSATION)?;
        call.bind(&id)?;
        call.opt()
    }

    /// A user's conversations, most recent activity first (a conversation without messages counts
    /// from its creation), optionally of one status (NULL for all), one page at a time.
    ///
    /// The SQL: [`LIST_CONVERSATIONS_FOR_USER`](super::LIST_CONVERSATIONS_FOR_USER).
    pub fn list_conversations_for_user(
        client: &mut impl Executor,
        user_id: &str,
        status: Option<crate::enums::ConversationStatus>,
        max_rows: i64,
        skip_rows: i64,
    ) -> Result<Vec<tables::ConversationsRow>, Error> {
        let mut call = Call::new(client, &LIST_CONVERSATIONS_FOR_USER)?;
        call.bind(&user_id)?;
        call.bind(&status)?;
        call.bind(&max_rows)?;
        call.bind(&skip_rows)?;
        call.many()
    }

    /// A user's conversations, most recent activity first (a conversation without messages counts
    /// from its creation), optionally of one status (NULL for all), one page at a time.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CONVERSATIONS_FOR_USER`](super::LIST_CONVERSATIONS_FOR_USER).
    pub fn list_conversations_for_user_for_each(
        client: &mut impl Executor,
        user_id: &str,
        status: Option<crate::enums::ConversationStatus>,
        max_rows: i64,
        skip_rows: i64,
        f: impl FnMut(tables::ConversationsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_CONVERSATIONS_FOR_USER)?;
        call.bind(&user_id)?;
        call.bind(&status)?;
        call.bind(&max_rows)?;
        call.bind(&skip_rows)?;
        call.for_each(f)
    }

    /// Number of conversations of a user, optionally of one status (NULL for all).
    ///
    /// The SQL: [`COUNT_CONVERSATIONS_FOR_USER`](super::COUNT_CONVERSATIONS_FOR_USER).
    pub fn count_conversations_for_user(
        client: &mut impl Executor,
        user_id: &str,
        status: Option<crate::enums::ConversationStatus>,
    ) -> Result<i64, Error> {
        let mut call = Call::new(client, &COUNT_CONVERSATIONS_FOR_USER)?;
        call.bind(&user_id)?;
        call.bind(&status)?;
        call.one()
    }

    /// Number of conversations of a user, optionally of one status (NULL for all).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`COUNT_CONVERSATIONS_FOR_USER`](super::COUNT_CONVERSATIONS_FOR_USER).
    pub fn count_conversations_for_user_opt(
        client: &mut impl Executor,
        user_id: &str,
        status: Option<crate::enums::ConversationStatus>,
    ) -> Result<Option<i64>, Error> {
        let mut call = Call::new(client, &COUNT_CONVERSATIONS_FOR_USER)?;
        call.bind(&user_id)?;
        call.bind(&status)?;
        call.opt()
    }

    /// Soft-delete: archive a conversation and return its new state (no row if the id is unknown).
    ///
    /// The SQL: [`ARCHIVE_CONVERSATION`](super::ARCHIVE_CONVERSATION).
    pub fn archive_conversation(
        client: &mut impl Executor,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> Result<ArchiveConversationRow, Error> {
        let mut call = Call::new(client, &ARCHIVE_CONVERSATION)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.one()
    }

    /// Soft-delete: archive a conversation and return its new state (no row if the id is unknown).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`ARCHIVE_CONVERSATION`](super::ARCHIVE_CONVERSATION).
    pub fn archive_conversation_opt(
        client: &mut impl Executor,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> Result<Option<ArchiveConversationRow>, Error> {
        let mut call = Call::new(client, &ARCHIVE_CONVERSATION)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.opt()
    }

    /// Bring an archived conversation back to active; no row if it was not archived.
    ///
    /// The SQL: [`UNARCHIVE_CONVERSATION`](super::UNARCHIVE_CONVERSATION).
    pub fn unarchive_conversation(
        client: &mut impl Executor,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> Result<UnarchiveConversationRow, Error> {
        let mut call = Call::new(client, &UNARCHIVE_CONVERSATION)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.one()
    }

    /// Bring an archived conversation back to active; no row if it was not archived.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`UNARCHIVE_CONVERSATION`](super::UNARCHIVE_CONVERSATION).
    pub fn unarchive_conversation_opt(
        client: &mut impl Executor,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> Result<Option<UnarchiveConversationRow>, Error> {
        let mut call = Call::new(client, &UNARCHIVE_CONVERSATION)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.opt()
    }

    /// Set any status (e.g. 'closed' or 'deleted') on a conversation.
    ///
    /// The SQL: [`SET_CONVERSATION_STATUS`](super::SET_CONVERSATION_STATUS).
    pub fn set_conversation_status(
        client: &mut impl Executor,
        status: crate::enums::ConversationStatus,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &SET_CONVERSATION_STATUS)?;
        call.bind(&status)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Rename a conversation and/or store its model-written summary.
    ///
    /// The SQL: [`UPDATE_CONVERSATION_TITLE`](super::UPDATE_CONVERSATION_TITLE).
    pub fn update_conversation_title(
        client: &mut impl Executor,
        title: Option<&str>,
        summary: Option<&str>,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &UPDATE_CONVERSATION_TITLE)?;
        call.bind(&title)?;
        call.bind(&summary)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Account for a message just appended: one more message, and the time of the last one.
    ///
    /// The SQL: [`TOUCH_CONVERSATION`](super::TOUCH_CONVERSATION).
    pub fn touch_conversation(
        client: &mut impl Executor,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &TOUCH_CONVERSATION)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Append a message (user, assistant or system) to a conversation; returns the stored message.
    /// Pass the same created_at to TouchConversation as its now.
    ///
    /// The SQL: [`APPEND_MESSAGE`](super::APPEND_MESSAGE).
    pub fn append_message(
        client: &mut impl Executor,
        params: &AppendMessageParams<'_>,
    ) -> Result<tables::MessagesRow, Error> {
        let mut call = Call::new(client, &APPEND_MESSAGE)?;
        call.bind(&params.conversation_id)?;
        call.bind(&params.role)?;
        call.bind(&params.content)?;
        call.bind(&params.msg_metadata)?;
        call.bind(&params.created_at)?;
        call.one()
    }

    /// Append a message (user, assistant or system) to a conversation; returns the stored message.
    /// Pass the same created_at to TouchConversation as its now.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`APPEND_MESSAGE`](super::APPEND_MESSAGE).
    pub fn append_message_opt(
        client: &mut impl Executor,
        params: &AppendMessageParams<'_>,
    ) -> Result<Option<tables::MessagesRow>, Error> {
        let mut call = Call::new(client, &APPEND_MESSAGE)?;
        call.bind(&params.conversation_id)?;
        call.bind(&params.role)?;
        call.bind(&params.content)?;
        call.bind(&params.msg_metadata)?;
        call.bind(&params.created_at)?;
        call.opt()
    }

    /// The last n messages of a conversation, newest first: the LLM's context window (reverse them
    /// for the prompt).
    ///
    /// The SQL: [`GET_LAST_MESSAGES`](super::GET_LAST_MESSAGES).
    pub fn get_last_messages(
        client: &mut impl Executor,
        conversation_id: uuid::Uuid,
        n: i64,
    ) -> Result<Vec<GetLastMessagesRow>, Error> {
        let mut call = Call::new(client, &GET_LAST_MESSAGES)?;
        call.bind(&conversation_id)?;
        call.bind(&n)?;
        call.many()
    }

    /// The last n messages of a conversation, newest first: the LLM's context window (reverse them
    /// for the prompt).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`GET_LAST_MESSAGES`](super::GET_LAST_MESSAGES).
    pub fn get_last_messages_for_each(
        client: &mut impl Executor,
        conversation_id: uuid::Uuid,
        n: i64,
        f: impl FnMut(GetLastMessagesRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &GET_LAST_MESSAGES)?;
        call.bind(&conversation_id)?;
        call.bind(&n)?;
        call.for_each(f)
    }

    /// The messages of a conversation in the order they were written, one page at a time.
    ///
    /// The SQL: [`LIST_MESSAGES`](super::LIST_MESSAGES).
    pub fn list_messages(
        client: &mut impl Executor,
        conversation_id: uuid::Uuid,
        max_rows: i64,
        skip_rows: i64,
    ) -> Result<Vec<ListMessagesRow>, Error> {
        let mut call = Call::new(client, &LIST_MESSAGES)?;
        call.bind(&conversation_id)?;
        call.bind(&max_rows)?;
        call.bind(&skip_rows)?;
        call.many()
    }

    /// The messages of a conversation in the order they were written, one page at a time.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_MESSAGES`](super::LIST_MESSAGES).
    pub fn list_messages_for_each(
        client: &mut impl Executor,
        conversation_id: uuid::Uuid,
        max_rows: i64,
        skip_rows: i64,
        f: impl FnMut(ListMessagesRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_MESSAGES)?;
        call.bind(&conversation_id)?;
        call.bind(&max_rows)?;
        call.bind(&skip_rows)?;
        call.for_each(f)
    }

    /// Number of messages of one role in a conversation.
    ///
    /// The SQL: [`COUNT_MESSAGES_BY_ROLE`](super::COUNT_MESSAGES_BY_ROLE).
    pub fn count_messages_by_role(
        client: &mut impl Executor,
        conversation_id: uuid::Uuid,
        role: crate::enums::MessageRole,
    ) -> Result<i64, Error> {
        let mut call = Call::new(client, &COUNT_MESSAGES_BY_ROLE)?;
        call.bind(&conversation_id)?;
        call.bind(&role)?;
        call.one()
    }

    /// Number of messages of one role in a conversation.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`COUNT_MESSAGES_BY_ROLE`](super::COUNT_MESSAGES_BY_ROLE).
    pub fn count_messages_by_role_opt(
        client: &mut impl Executor,
        conversation_id: uuid::Uuid,
        role: crate::enums::MessageRole,
    ) -> Result<Option<i64>, Error> {
        let mut call = Call::new(client, &COUNT_MESSAGES_BY_ROLE)?;
        call.bind(&conversation_id)?;
        call.bind(&role)?;
        call.opt()
    }

    /// Number of messages stored for a conversation.
    ///
    /// The SQL: [`COUNT_MESSAGES`](super::COUNT_MESSAGES).
    pub fn count_messages(
        client: &mut impl Executor,
        conversation_id: uuid::Uuid,
    ) -> Result<i64, Error> {
        let mut call = Call::new(client, &COUNT_MESSAGES)?;
        call.bind(&conversation_id)?;
        call.one()
    }

    /// Number of messages stored for a conversation.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`COUNT_MESSAGES`](super::COUNT_MESSAGES).
    pub fn count_messages_opt(
        client: &mut impl Executor,
        conversation_id: uuid::Uuid,
    ) -> Result<Option<i64>, Error> {
        let mut call = Call::new(client, &COUNT_MESSAGES)?;
        call.bind(&conversation_id)?;
        call.opt()
    }

    /// Messages of a conversation that came from one source (msg_metadata.source), oldest first.
    ///
    /// The SQL: [`LIST_MESSAGES_BY_SOURCE`](super::LIST_MESSAGES_BY_SOURCE).
    pub fn list_messages_by_source(
        client: &mut impl Executor,
        conversation_id: uuid::Uuid,
        source: &str,
    ) -> Result<Vec<ListMessagesBySourceRow>, Error> {
        let mut call = Call::new(client, &LIST_MESSAGES_BY_SOURCE)?;
        call.bind(&conversation_id)?;
        call.bind(&source)?;
        call.many()
    }

    /// Messages of a conversation that came from one source (msg_metadata.source), oldest first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_MESSAGES_BY_SOURCE`](super::LIST_MESSAGES_BY_SOURCE).
    pub fn list_messages_by_source_for_each(
        client: &mut impl Executor,
        conversation_id: uuid::Uuid,
        source: &str,
        f: impl FnMut(ListMessagesBySourceRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_MESSAGES_BY_SOURCE)?;
        call.bind(&conversation_id)?;
        call.bind(&source)?;
        call.for_each(f)
    }

    /// A user's conversations with the number of messages actually stored beside the counter kept
    /// on the conversation, to find counters that drifted.
    ///
    /// The SQL: [`LIST_CONVERSATION_MESSAGE_COUNTS`](super::LIST_CONVERSATION_MESSAGE_COUNTS).
    pub fn list_conversation_message_counts(
        client: &mut impl Executor,
        user_id: &str,
    ) -> Result<Vec<ListConversationMessageCountsRow>, Error> {
        let mut call = Call::new(client, &LIST_CONVERSATION_MESSAGE_COUNTS)?;
        call.bind(&user_id)?;
        call.many()
    }

    /// A user's conversations with the number of messages actually stored beside the counter kept
    /// on the conversation, to find counters that drifted.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CONVERSATION_MESSAGE_COUNTS`](super::LIST_CONVERSATION_MESSAGE_COUNTS).
    pub fn list_conversation_message_counts_for_each(
        client: &mut impl Executor,
        user_id: &str,
        f: impl FnMut(ListConversationMessageCountsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_CONVERSATION_MESSAGE_COUNTS)?;
        call.bind(&user_id)?;
        call.for_each(f)
    }

    /// A user's active conversations from the active_conversations view, most recent activity first.
    ///
    /// The SQL: [`LIST_ACTIVE_CONVERSATIONS`](super::LIST_ACTIVE_CONVERSATIONS).
    pub fn list_active_conversations(
        client: &mut impl Executor,
        user_id: &str,
        max_rows: i64,
    ) -> Result<Vec<ListActiveConversationsRow>, Error> {
        let mut call = Call::new(client, &LIST_ACTIVE_CONVERSATIONS)?;
        call.bind(&user_id)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// A user's active conversations from the active_conversations view, most recent activity first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_ACTIVE_CONVERSATIONS`](super::LIST_ACTIVE_CONVERSATIONS).
    pub fn list_active_conversations_for_each(
        client: &mut impl Executor,
        user_id: &str,
        max_rows: i64,
        f: impl FnMut(ListActiveConversationsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_ACTIVE_CONVERSATIONS)?;
        call.bind(&user_id)?;
        call.bind(&max_rows)?;
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

    /// Start a conversation for a user; id, status ('active'), counters and timestamps take their
    /// defaults and are returned.
    ///
    /// The SQL: [`CREATE_CONVERSATION`](super::CREATE_CONVERSATION).
    pub fn create_conversation<'a>(
        client: &'a impl Executor,
        user_id: &'a str,
        title: Option<&'a str>,
    ) -> impl Future<Output = Result<CreateConversationRow, Error>> + 'a {
        run::one(client, &CREATE_CONVERSATION, (user_id, title))
    }

    /// Start a conversation for a user; id, status ('active'), counters and timestamps take their
    /// defaults and are returned.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`CREATE_CONVERSATION`](super::CREATE_CONVERSATION).
    pub fn create_conversation_opt<'a>(
        client: &'a impl Executor,
        user_id: &'a str,
        title: Option<&'a str>,
    ) -> impl Future<Output = Result<Option<CreateConversationRow>, Error>> + 'a {
        run::opt(client, &CREATE_CONVERSATION, (user_id, title))
    }

    /// One conversation by id, whatever its status.
    ///
    /// The SQL: [`GET_CONVERSATION`](super::GET_CONVERSATION).
    pub fn get_conversation<'a>(
        client: &'a impl Executor,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<tables::ConversationsRow, Error>> + 'a {
        run::one(client, &GET_CONVERSATION, (id,))
    }

    /// One conversation by id, whatever its status.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_CONVERSATION`](super::GET_CONVERSATION).
    pub fn get_conversation_opt<'a>(
        client: &'a impl Executor,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<Option<tables::ConversationsRow>, Error>> + 'a {
        run::opt(client, &GET_CONVERSATION, (id,))
    }

    /// A user's conversations, most recent activity first (a conversation without messages counts
    /// from its creation), optionally of one status (NULL for all), one page at a time.
    ///
    /// The SQL: [`LIST_CONVERSATIONS_FOR_USER`](super::LIST_CONVERSATIONS_FOR_USER).
    pub fn list_conversations_for_user<'a>(
        client: &'a impl Executor,
        user_id: &'a str,
        status: Option<crate::enums::ConversationStatus>,
        max_rows: i64,
        skip_rows: i64,
    ) -> impl Future<Output = Result<Vec<tables::ConversationsRow>, Error>> + 'a {
        run::many(
            client,
            &LIST_CONVERSATIONS_FOR_USER,
            (user_id, status, max_rows, skip_rows),
        )
    }

    /// A user's conversations, most recent activity first (a conversation without messages counts
    /// from its creation), optionally of one status (NULL for all), one page at a time.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CONVERSATIONS_FOR_USER`](super::LIST_CONVERSATIONS_FOR_USER).
    pub fn list_conversations_for_user_for_each<'a>(
        client: &'a impl Executor,
        user_id: &'a str,
        status: Option<crate::enums::ConversationStatus>,
        max_rows: i64,
        skip_rows: i64,
        f: impl FnMut(tables::ConversationsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(
            client,
            &LIST_CONVERSATIONS_FOR_USER,
            (user_id, status, max_rows, skip_rows),
            f,
        )
    }

    /// A user's conversations, most recent activity first (a conversation without messages counts
    /// from its creation), optionally of one status (NULL for all), one page at a time.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_CONVERSATIONS_FOR_USER`](super::LIST_CONVERSATIONS_FOR_USER).
    pub fn list_conversations_for_user_stream<'a>(
        client: &'a impl Executor,
        user_id: &'a str,
        status: Option<crate::enums::ConversationStatus>,
        max_rows: i64,
        skip_rows: i64,
    ) -> impl Future<Output = Result<Rows<tables::ConversationsRow>, Error>> + 'a {
        run::stream(
            client,
            &LIST_CONVERSATIONS_FOR_USER,
            (user_id, status, max_rows, skip_rows),
        )
    }

    /// Number of conversations of a user, optionally of one status (NULL for all).
    ///
    /// The SQL: [`COUNT_CONVERSATIONS_FOR_USER`](super::COUNT_CONVERSATIONS_FOR_USER).
    pub fn count_conversations_for_user<'a>(
        client: &'a impl Executor,
        user_id: &'a str,
        status: Option<crate::enums::ConversationStatus>,
    ) -> impl Future<Output = Result<i64, Error>> + 'a {
        run::one(client, &COUNT_CONVERSATIONS_FOR_USER, (user_id, status))
    }

    /// Number of conversations of a user, optionally of one status (NULL for all).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`COUNT_CONVERSATIONS_FOR_USER`](super::COUNT_CONVERSATIONS_FOR_USER).
    pub fn count_conversations_for_user_opt<'a>(
        client: &'a impl Executor,
        user_id: &'a str,
        status: Option<crate::enums::ConversationStatus>,
    ) -> impl Future<Output = Result<Option<i64>, Error>> + 'a {
        run::opt(client, &COUNT_CONVERSATIONS_FOR_USER, (user_id, status))
    }

    /// Soft-delete: archive a conversation and return its new state (no row if the id is unknown).
    ///
    /// The SQL: [`ARCHIVE_CONVERSATION`](super::ARCHIVE_CONVERSATION).
    pub fn archive_conversation<'a>(
        client: &'a impl Executor,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<ArchiveConversationRow, Error>> + 'a {
        run::one(client, &ARCHIVE_CONVERSATION, (now, id))
    }

    /// Soft-delete: archive a conversation and return its new state (no row if the id is unknown).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`ARCHIVE_CONVERSATION`](super::ARCHIVE_CONVERSATION).
    pub fn archive_conversation_opt<'a>(
        client: &'a impl Executor,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<Option<ArchiveConversationRow>, Error>> + 'a {
        run::opt(client, &ARCHIVE_CONVERSATION, (now, id))
    }

    /// Bring an archived conversation back to active; no row if it was not archived.
    ///
    /// The SQL: [`UNARCHIVE_CONVERSATION`](super::UNARCHIVE_CONVERSATION).
    pub fn unarchive_conversation<'a>(
        client: &'a impl Executor,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<UnarchiveConversationRow, Error>> + 'a {
        run::one(client, &UNARCHIVE_CONVERSATION, (now, id))
    }

    /// Bring an archived conversation back to active; no row if it was not archived.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`UNARCHIVE_CONVERSATION`](super::UNARCHIVE_CONVERSATION).
    pub fn unarchive_conversation_opt<'a>(
        client: &'a impl Executor,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<Option<UnarchiveConversationRow>, Error>> + 'a {
        run::opt(client, &UNARCHIVE_CONVERSATION, (now, id))
    }

    /// Set any status (e.g. 'closed' or 'deleted') on a conversation.
    ///
    /// The SQL: [`SET_CONVERSATION_STATUS`](super::SET_CONVERSATION_STATUS).
    pub fn set_conversation_status<'a>(
        client: &'a impl Executor,
        status: crate::enums::ConversationStatus,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &SET_CONVERSATION_STATUS, (status, now, id))
    }

    /// Rename a conversation and/or store its model-written summary.
    ///
    /// The SQL: [`UPDATE_CONVERSATION_TITLE`](super::UPDATE_CONVERSATION_TITLE).
    pub fn update_conversation_title<'a>(
        client: &'a impl Executor,
        title: Option<&'a str>,
        summary: Option<&'a str>,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(
            client,
            &UPDATE_CONVERSATION_TITLE,
            (title, summary, now, id),
        )
    }

    /// Account for a message just appended: one more message, and the time of the last one.
    ///
    /// The SQL: [`TOUCH_CONVERSATION`](super::TOUCH_CONVERSATION).
    pub fn touch_conversation<'a>(
        client: &'a impl Executor,
        now: chrono::DateTime<chrono::Utc>,
        id: uuid::Uuid,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &TOUCH_CONVERSATION, (now, id))
    }

    /// Append a message (user, assistant or system) to a conversation; returns the stored message.
    /// Pass the same created_at to TouchConversation as its now.
    ///
    /// The SQL: [`APPEND_MESSAGE`](super::APPEND_MESSAGE).
    pub fn append_message<'a>(
        client: &'a impl Executor,
        params: &'a AppendMessageParams<'a>,
    ) -> impl Future<Output = Result<tables::MessagesRow, Error>> + 'a {
        run::one(client, &APPEND_MESSAGE, params)
    }

    /// Append a message (user, assistant or system) to a conversation; returns the stored message.
    /// Pass the same created_at to TouchConversation as its now.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`APPEND_MESSAGE`](super::APPEND_MESSAGE).
    pub fn append_message_opt<'a>(
        client: &'a impl Executor,
        params: &'a AppendMessageParams<'a>,
    ) -> impl Future<Output = Result<Option<tables::MessagesRow>, Error>> + 'a {
        run::opt(client, &APPEND_MESSAGE, params)
    }

    /// The last n messages of a conversation, newest first: the LLM's context window (reverse them
    /// for the prompt).
    ///
    /// The SQL: [`GET_LAST_MESSAGES`](super::GET_LAST_MESSAGES).
    pub fn get_last_messages<'a>(
        client: &'a impl Executor,
        conversation_id: uuid::Uuid,
        n: i64,
    ) -> impl Future<Output = Result<Vec<GetLastMessagesRow>, Error>> + 'a {
        run::many(client, &GET_LAST_MESSAGES, (conversation_id, n))
    }

    /// The last n messages of a conversation, newest first: the LLM's context window (reverse them
    /// for the prompt).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`GET_LAST_MESSAGES`](super::GET_LAST_MESSAGES).
    pub fn get_last_messages_for_each<'a>(
        client: &'a impl Executor,
        conversation_id: uuid::Uuid,
        n: i64,
        f: impl FnMut(GetLastMessagesRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &GET_LAST_MESSAGES, (conversation_id, n), f)
    }

    /// The last n messages of a conversation, newest first: the LLM's context window (reverse them
    /// for the prompt).
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`GET_LAST_MESSAGES`](super::GET_LAST_MESSAGES).
    pub fn get_last_messages_stream<'a>(
        client: &'a impl Executor,
        conversation_id: uuid::Uuid,
        n: i64,
    ) -> impl Future<Output = Result<Rows<GetLastMessagesRow>, Error>> + 'a {
        run::stream(client, &GET_LAST_MESSAGES, (conversation_id, n))
    }

    /// The messages of a conversation in the order they were written, one page at a time.
    ///
    /// The SQL: [`LIST_MESSAGES`](super::LIST_MESSAGES).
    pub fn list_messages<'a>(
        client: &'a impl Executor,
        conversation_id: uuid::Uuid,
        max_rows: i64,
        skip_rows: i64,
    ) -> impl Future<Output = Result<Vec<ListMessagesRow>, Error>> + 'a {
        run::many(
            client,
            &LIST_MESSAGES,
            (conversation_id, max_rows, skip_rows),
        )
    }

    /// The messages of a conversation in the order they were written, one page at a time.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_MESSAGES`](super::LIST_MESSAGES).
    pub fn list_messages_for_each<'a>(
        client: &'a impl Executor,
        conversation_id: uuid::Uuid,
        max_rows: i64,
        skip_rows: i64,
        f: impl FnMut(ListMessagesRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(
            client,
            &LIST_MESSAGES,
            (conversation_id, max_rows, skip_rows),
            f,
        )
    }

    /// The messages of a conversation in the order they were written, one page at a time.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_MESSAGES`](super::LIST_MESSAGES).
    pub fn list_messages_stream<'a>(
        client: &'a impl Executor,
        conversation_id: uuid::Uuid,
        max_rows: i64,
        skip_rows: i64,
    ) -> impl Future<Output = Result<Rows<ListMessagesRow>, Error>> + 'a {
        run::stream(
            client,
            &LIST_MESSAGES,
            (conversation_id, max_rows, skip_rows),
        )
    }

    /// Number of messages of one role in a conversation.
    ///
    /// The SQL: [`COUNT_MESSAGES_BY_ROLE`](super::COUNT_MESSAGES_BY_ROLE).
    pub fn count_messages_by_role<'a>(
        client: &'a impl Executor,
        conversation_id: uuid::Uuid,
        role: crate::enums::MessageRole,
    ) -> impl Future<Output = Result<i64, Error>> + 'a {
        run::one(client, &COUNT_MESSAGES_BY_ROLE, (conversation_id, role))
    }

    /// Number of messages of one role in a conversation.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`COUNT_MESSAGES_BY_ROLE`](super::COUNT_MESSAGES_BY_ROLE).
    pub fn count_messages_by_role_opt<'a>(
        client: &'a impl Executor,
        conversation_id: uuid::Uuid,
        role: crate::enums::MessageRole,
    ) -> impl Future<Output = Result<Option<i64>, Error>> + 'a {
        run::opt(client, &COUNT_MESSAGES_BY_ROLE, (conversation_id, role))
    }

    /// Number of messages stored for a conversation.
    ///
    /// The SQL: [`COUNT_MESSAGES`](super::COUNT_MESSAGES).
    pub fn count_messages<'a>(
        client: &'a impl Executor,
        conversation_id: uuid::Uuid,
    ) -> impl Future<Output = Result<i64, Error>> + 'a {
        run::one(client, &COUNT_MESSAGES, (conversation_id,))
    }

    /// Number of messages stored for a conversation.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`COUNT_MESSAGES`](super::COUNT_MESSAGES).
    pub fn count_messages_opt<'a>(
        client: &'a impl Executor,
        conversation_id: uuid::Uuid,
    ) -> impl Future<Output = Result<Option<i64>, Error>> + 'a {
        run::opt(client, &COUNT_MESSAGES, (conversation_id,))
    }

    /// Messages of a conversation that came from one source (msg_metadata.source), oldest first.
    ///
    /// The SQL: [`LIST_MESSAGES_BY_SOURCE`](super::LIST_MESSAGES_BY_SOURCE).
    pub fn list_messages_by_source<'a>(
        client: &'a impl Executor,
        conversation_id: uuid::Uuid,
        source: &'a str,
    ) -> impl Future<Output = Result<Vec<ListMessagesBySourceRow>, Error>> + 'a {
        run::many(client, &LIST_MESSAGES_BY_SOURCE, (conversation_id, source))
    }

    /// Messages of a conversation that came from one source (msg_metadata.source), oldest first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_MESSAGES_BY_SOURCE`](super::LIST_MESSAGES_BY_SOURCE).
    pub fn list_messages_by_source_for_each<'a>(
        client: &'a impl Executor,
        conversation_id: uuid::Uuid,
        source: &'a str,
        f: impl FnMut(ListMessagesBySourceRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(
            client,
            &LIST_MESSAGES_BY_SOURCE,
            (conversation_id, source),
            f,
        )
    }

    /// Messages of a conversation that came from one source (msg_metadata.source), oldest first.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_MESSAGES_BY_SOURCE`](super::LIST_MESSAGES_BY_SOURCE).
    pub fn list_messages_by_source_stream<'a>(
        client: &'a impl Executor,
        conversation_id: uuid::Uuid,
        source: &'a str,
    ) -> impl Future<Output = Result<Rows<ListMessagesBySourceRow>, Error>> + 'a {
        run::stream(client, &LIST_MESSAGES_BY_SOURCE, (conversation_id, source))
    }

    /// A user's conversations with the number of messages actually stored beside the counter kept
    /// on the conversation, to find counters that drifted.
    ///
    /// The SQL: [`LIST_CONVERSATION_MESSAGE_COUNTS`](super::LIST_CONVERSATION_MESSAGE_COUNTS).
    pub fn list_conversation_message_counts<'a>(
        client: &'a impl Executor,
        user_id: &'a str,
    ) -> impl Future<Output = Result<Vec<ListConversationMessageCountsRow>, Error>> + 'a {
        run::many(client, &LIST_CONVERSATION_MESSAGE_COUNTS, (user_id,))
    }

    /// A user's conversations with the number of messages actually stored beside the counter kept
    /// on the conversation, to find counters that drifted.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CONVERSATION_MESSAGE_COUNTS`](super::LIST_CONVERSATION_MESSAGE_COUNTS).
    pub fn list_conversation_message_counts_for_each<'a>(
        client: &'a impl Executor,
        user_id: &'a str,
        f: impl FnMut(ListConversationMessageCountsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_CONVERSATION_MESSAGE_COUNTS, (user_id,), f)
    }

    /// A user's conversations with the number of messages actually stored beside the counter kept
    /// on the conversation, to find counters that drifted.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_CONVERSATION_MESSAGE_COUNTS`](super::LIST_CONVERSATION_MESSAGE_COUNTS).
    pub fn list_conversation_message_counts_stream<'a>(
        client: &'a impl Executor,
        user_id: &'a str,
    ) -> impl Future<Output = Result<Rows<ListConversationMessageCountsRow>, Error>> + 'a {
        run::stream(client, &LIST_CONVERSATION_MESSAGE_COUNTS, (user_id,))
    }

    /// A user's active conversations from the active_conversations view, most recent activity first.
    ///
    /// The SQL: [`LIST_ACTIVE_CONVERSATIONS`](super::LIST_ACTIVE_CONVERSATIONS).
    pub fn list_active_conversations<'a>(
        client: &'a impl Executor,
        user_id: &'a str,
        max_rows: i64,
    ) -> impl Future<Output = Result<Vec<ListActiveConversationsRow>, Error>> + 'a {
        run::many(client, &LIST_ACTIVE_CONVERSATIONS, (user_id, max_rows))
    }

    /// A user's active conversations from the active_conversations view, most recent activity first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_ACTIVE_CONVERSATIONS`](super::LIST_ACTIVE_CONVERSATIONS).
    pub fn list_active_conversations_for_each<'a>(
        client: &'a impl Executor,
        user_id: &'a str,
        max_rows: i64,
        f: impl FnMut(ListActiveConversationsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_ACTIVE_CONVERSATIONS, (user_id, max_rows), f)
    }

    /// A user's active conversations from the active_conversations view, most recent activity first.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_ACTIVE_CONVERSATIONS`](super::LIST_ACTIVE_CONVERSATIONS).
    pub fn list_active_conversations_stream<'a>(
        client: &'a impl Executor,
        user_id: &'a str,
        max_rows: i64,
    ) -> impl Future<Output = Result<Rows<ListActiveConversationsRow>, Error>> + 'a {
        run::stream(client, &LIST_ACTIVE_CONVERSATIONS, (user_id, max_rows))
    }
}
