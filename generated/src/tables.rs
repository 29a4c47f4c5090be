//! Rows of whole tables, shared by every query that returns exactly a table's columns.
//!
//! Written by `dbtool generate`; do not edit: change schema/ or queries/ and run it again.

/// A row of table `accuracy_metrics`.
///
/// Accuracy measurements of a checkpoint
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AccuracyMetricsRow {
    pub id: i64,
    pub metric_type: String,
    pub value: f64,
    pub metadata: Option<serde_json::Value>,
    pub model_checkpoint_id: Option<i64>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for AccuracyMetricsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(AccuracyMetricsRow {
            id: get(row, 0)?,
            metric_type: get(row, 1)?,
            value: get(row, 2)?,
            metadata: get(row, 3)?,
            model_checkpoint_id: get(row, 4)?,
            created_at: get(row, 5)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for AccuracyMetricsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(AccuracyMetricsRow {
            id: row.try_get(0)?,
            metric_type: row.try_get(1)?,
            value: row.try_get(2)?,
            metadata: row.try_get(3)?,
            model_checkpoint_id: row.try_get(4)?,
            created_at: row.try_get(5)?,
        })
    }
}

/// A row of table `conversations`.
///
/// A chat thread of one user
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ConversationsRow {
    pub id: uuid::Uuid,
    pub user_id: String,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub status: crate::enums::ConversationStatus,
    pub message_count: i64,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    pub last_message_at: Option<chrono::DateTime<chrono::Utc>>,
    pub archived_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ConversationsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ConversationsRow {
            id: get(row, 0)?,
            user_id: get(row, 1)?,
            title: get(row, 2)?,
            summary: get(row, 3)?,
            status: get(row, 4)?,
            message_count: get(row, 5)?,
            created_at: get(row, 6)?,
            updated_at: get(row, 7)?,
            last_message_at: get(row, 8)?,
            archived_at: get(row, 9)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ConversationsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ConversationsRow {
            id: row.try_get(0)?,
            user_id: row.try_get(1)?,
            title: row.try_get(2)?,
            summary: row.try_get(3)?,
            status: row.try_get(4)?,
            message_count: row.try_get(5)?,
            created_at: row.try_get(6)?,
            updated_at: row.try_get(7)?,
            last_message_at: row.try_get(8)?,
            archived_at: row.try_get(9)?,
        })
    }
}

/// A row of table `elements`.
///
/// Attachments and media of a thread
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ElementsRow {
    pub id: uuid::Uuid,
    pub thread_id: Option<uuid::Uuid>,
    pub r#type: Option<String>,
    pub url: Option<String>,
    pub chainlit_key: Option<String>,
    pub name: String,
    pub display: Option<String>,
    pub object_key: Option<String>,
    pub size: Option<String>,
    pub page: Option<i32>,
    pub language: Option<String>,
    pub for_id: Option<uuid::Uuid>,
    pub mime: Option<String>,
    pub props: Option<serde_json::Value>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ElementsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ElementsRow {
            id: get(row, 0)?,
            thread_id: get(row, 1)?,
            r#type: get(row, 2)?,
            url: get(row, 3)?,
            chainlit_key: get(row, 4)?,
            name: get(row, 5)?,
            display: get(row, 6)?,
            object_key: get(row, 7)?,
            size: get(row, 8)?,
            page: get(row, 9)?,
            language: get(row, 10)?,
            for_id: get(row, 11)?,
            mime: get(row, 12)?,
            props: get(row, 13)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ElementsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ElementsRow {
            id: row.try_get(0)?,
            thread_id: row.try_get(1)?,
            r#type: row.try_get(2)?,
            url: row.try_get(3)?,
            chainlit_key: row.try_get(4)?,
            name: row.try_get(5)?,
            display: row.try_get(6)?,
            object_key: row.try_get(7)?,
            size: row.try_get(8)?,
            page: row.try_get(9)?,
            language: row.try_get(10)?,
            for_id: row.try_get(11)?,
            mime: row.try_get(12)?,
            props: row.try_get(13)?,
        })
    }
}

/// A row of table `generation_history`.
///
/// Every text generation, with its parameters and rating
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct GenerationHistoryRow {
    pub id: i64,
    pub prompt: String,
    pub response: String,
    pub model: String,
    pub parameters: Option<serde_json::Value>,
    pub quality_score: Option<f64>,
    pub user_rating: Option<i32>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for GenerationHistoryRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(GenerationHistoryRow {
            id: get(row, 0)?,
            prompt: get(row, 1)?,
            response: get(row, 2)?,
            model: get(row, 3)?,
            parameters: get(row, 4)?,
            quality_score: get(row, 5)?,
            user_rating: get(row, 6)?,
            created_at: get(row, 7)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for GenerationHistoryRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(GenerationHistoryRow {
            id: row.try_get(0)?,
            prompt: row.try_get(1)?,
            response: row.try_get(2)?,
            model: row.try_get(3)?,
            parameters: row.try_get(4)?,
            quality_score: row.try_get(5)?,
            user_rating: row.try_get(6)?,
            created_at: row.try_get(7)?,
        })
    }
}

/// A row of table `jailbreak_experiments`.
///
/// Results of adversarial-prompting research experiments
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct JailbreakExperimentsRow {
    pub id: uuid::Uuid,
    pub framework: String,
    pub attack_method: String,
    pub goal: String,
    pub final_prompt: Option<String>,
    pub target_response: Option<String>,
    pub iterations: Option<i32>,
    pub success: Option<bool>,
    pub judge_score: Option<f64>,
    pub metadata: Option<serde_json::Value>,
    pub created_at: Option<chrono::DateTime<chrono::Utc>>,
    pub ingested_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for JailbreakExperimentsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(JailbreakExperimentsRow {
            id: get(row, 0)?,
            framework: get(row, 1)?,
            attack_method: get(row, 2)?,
            goal: get(row, 3)?,
            final_prompt: get(row, 4)?,
            target_response: get(row, 5)?,
            iterations: get(row, 6)?,
            success: get(row, 7)?,
            judge_score: get(row, 8)?,
            metadata: get(row, 9)?,
            created_at: get(row, 10)?,
            ingested_at: get(row, 11)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for JailbreakExperimentsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(JailbreakExperimentsRow {
            id: row.try_get(0)?,
            framework: row.try_get(1)?,
            attack_method: row.try_get(2)?,
            goal: row.try_get(3)?,
            final_prompt: row.try_get(4)?,
            target_response: row.try_get(5)?,
            iterations: row.try_get(6)?,
            success: row.try_get(7)?,
            judge_score: row.try_get(8)?,
            metadata: row.try_get(9)?,
            created_at: row.try_get(10)?,
            ingested_at: row.try_get(11)?,
        })
    }
}

/// A row of table `llm_interactions`.
///
/// Every LLM API call the backend made, with its metrics
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LlmInteractionsRow {
    pub id: uuid::Uuid,
    pub session_id: Option<uuid::Uuid>,
    pub tenant_id: Option<String>,
    pub provider: String,
    pub model: String,
    pub prompt: String,
    pub response: Option<String>,
    pub system_instruction: Option<String>,
    pub config: Option<serde_json::Value>,
    pub tokens_prompt: Option<i32>,
    pub tokens_completion: Option<i32>,
    pub latency_ms: Option<i32>,
    pub error_message: Option<String>,
    pub created_at: Option<chrono::DateTime<chrono::Utc>>,
    pub ingested_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for LlmInteractionsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(LlmInteractionsRow {
            id: get(row, 0)?,
            session_id: get(row, 1)?,
            tenant_id: get(row, 2)?,
            provider: get(row, 3)?,
            model: get(row, 4)?,
            prompt: get(row, 5)?,
            response: get(row, 6)?,
            system_instruction: get(row, 7)?,
            config: get(row, 8)?,
            tokens_prompt: get(row, 9)?,
            tokens_completion: get(row, 10)?,
            latency_ms: get(row, 11)?,
            error_message: get(row, 12)?,
            created_at: get(row, 13)?,
            ingested_at: get(row, 14)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for LlmInteractionsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(LlmInteractionsRow {
            id: row.try_get(0)?,
            session_id: row.try_get(1)?,
            tenant_id: row.try_get(2)?,
            provider: row.try_get(3)?,
            model: row.try_get(4)?,
            prompt: row.try_get(5)?,
            response: row.try_get(6)?,
            system_instruction: row.try_get(7)?,
            config: row.try_get(8)?,
            tokens_prompt: row.try_get(9)?,
            tokens_completion: row.try_get(10)?,
            latency_ms: row.try_get(11)?,
            error_message: row.try_get(12)?,
            created_at: row.try_get(13)?,
            ingested_at: row.try_get(14)?,
        })
    }
}

/// A row of table `messages`.
///
/// One message of a conversation; immutable once written
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MessagesRow {
    pub id: uuid::Uuid,
    pub conversation_id: uuid::Uuid,
    pub role: crate::enums::MessageRole,
    pub content: String,
    pub msg_metadata: serde_json::Value,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for MessagesRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(MessagesRow {
            id: get(row, 0)?,
            conversation_id: get(row, 1)?,
            role: get(row, 2)?,
            content: get(row, 3)?,
            msg_metadata: get(row, 4)?,
            created_at: get(row, 5)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for MessagesRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(MessagesRow {
            id: row.try_get(0)?,
            conversation_id: row.try_get(1)?,
            role: row.try_get(2)?,
            content: row.try_get(3)?,
            msg_metadata: row.try_get(4)?,
            created_at: row.try_get(5)?,
        })
    }
}

/// A row of table `neural_checkpoints`.
///
/// Saved model weights and how good they were
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NeuralCheckpointsRow {
    pub id: i64,
    pub epochs: i32,
    pub block_size: i32,
    pub path: String,
    pub notes: Option<String>,
    pub loss: Option<f64>,
    pub accuracy: Option<f64>,
    pub is_best: bool,
    pub training_job_id: Option<i64>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for NeuralCheckpointsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(NeuralCheckpointsRow {
            id: get(row, 0)?,
            epochs: get(row, 1)?,
            block_size: get(row, 2)?,
            path: get(row, 3)?,
            notes: get(row, 4)?,
            loss: get(row, 5)?,
            accuracy: get(row, 6)?,
            is_best: get(row, 7)?,
            training_job_id: get(row, 8)?,
            created_at: get(row, 9)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for NeuralCheckpointsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(NeuralCheckpointsRow {
            id: row.try_get(0)?,
            epochs: row.try_get(1)?,
            block_size: row.try_get(2)?,
            path: row.try_get(3)?,
            notes: row.try_get(4)?,
            loss: row.try_get(5)?,
            accuracy: row.try_get(6)?,
            is_best: row.try_get(7)?,
            training_job_id: row.try_get(8)?,
            created_at: row.try_get(9)?,
        })
    }
}

/// A row of table `neural_configs`.
///
/// Neural network configurations, as JSON
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NeuralConfigsRow {
    pub id: dbtool_reference_types::NeuralConfigId,
    pub name: String,
    pub config: dbtool_reference_types::NeuralConfig,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for NeuralConfigsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::{get, get_native};
        Ok(NeuralConfigsRow {
            id: get_native(row, 0)?,
            name: get(row, 1)?,
            config: get_native(row, 2)?,
            created_at: get(row, 3)?,
            updated_at: get(row, 4)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for NeuralConfigsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(NeuralConfigsRow {
            id: row.try_get(0)?,
            name: row.try_get(1)?,
            config: row.try_get(2)?,
            created_at: row.try_get(3)?,
            updated_at: row.try_get(4)?,
        })
    }
}

/// A row of table `schema_version`.
///
/// The app's own record of its schema version (kept for the app; dbtool uses refinery's history)
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SchemaVersionRow {
    pub version: String,
    pub description: Option<String>,
    pub applied_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for SchemaVersionRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(SchemaVersionRow {
            version: get(row, 0)?,
            description: get(row, 1)?,
            applied_at: get(row, 2)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for SchemaVersionRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(SchemaVersionRow {
            version: row.try_get(0)?,
            description: row.try_get(1)?,
            applied_at: row.try_get(2)?,
        })
    }
}

/// A row of table `steps`.
///
/// Messages and tool calls of a thread
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct StepsRow {
    pub id: uuid::Uuid,
    pub name: String,
    pub r#type: String,
    pub thread_id: uuid::Uuid,
    pub parent_id: Option<uuid::Uuid>,
    pub streaming: bool,
    pub wait_for_answer: Option<bool>,
    pub is_error: Option<bool>,
    pub metadata: Option<serde_json::Value>,
    pub tags: Option<Vec<String>>,
    pub input: Option<String>,
    pub output: Option<String>,
    pub created_at: Option<String>,
    pub command: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub generation: Option<serde_json::Value>,
    pub show_input: Option<String>,
    pub language: Option<String>,
    pub indent: Option<i32>,
    pub default_open: Option<bool>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for StepsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(StepsRow {
            id: get(row, 0)?,
            name: get(row, 1)?,
            r#type: get(row, 2)?,
            thread_id: get(row, 3)?,
            parent_id: get(row, 4)?,
            streaming: get(row, 5)?,
            wait_for_answer: get(row, 6)?,
            is_error: get(row, 7)?,
            metadata: get(row, 8)?,
            tags: get(row, 9)?,
            input: get(row, 10)?,
            output: get(row, 11)?,
            created_at: get(row, 12)?,
            command: get(row, 13)?,
            start: get(row, 14)?,
            end: get(row, 15)?,
            generation: get(row, 16)?,
            show_input: get(row, 17)?,
            language: get(row, 18)?,
            indent: get(row, 19)?,
            default_open: get(row, 20)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for StepsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(StepsRow {
            id: row.try_get(0)?,
            name: row.try_get(1)?,
            r#type: row.try_get(2)?,
            thread_id: row.try_get(3)?,
            parent_id: row.try_get(4)?,
            streaming: row.try_get(5)?,
            wait_for_answer: row.try_get(6)?,
            is_error: row.try_get(7)?,
            metadata: row.try_get(8)?,
            tags: row.try_get(9)?,
            input: row.try_get(10)?,
            output: row.try_get(11)?,
            created_at: row.try_get(12)?,
            command: row.try_get(13)?,
            start: row.try_get(14)?,
            end: row.try_get(15)?,
            generation: row.try_get(16)?,
            show_input: row.try_get(17)?,
            language: row.try_get(18)?,
            indent: row.try_get(19)?,
            default_open: row.try_get(20)?,
        })
    }
}

/// A row of table `text_corpus`.
///
/// Training text with its metadata
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TextCorpusRow {
    pub id: i64,
    pub title: Option<String>,
    pub content: String,
    pub source_url: Option<String>,
    pub metadata: Option<serde_json::Value>,
    pub word_count: i32,
    pub char_count: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for TextCorpusRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(TextCorpusRow {
            id: get(row, 0)?,
            title: get(row, 1)?,
            content: get(row, 2)?,
            source_url: get(row, 3)?,
            metadata: get(row, 4)?,
            word_count: get(row, 5)?,
            char_count: get(row, 6)?,
            created_at: get(row, 7)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for TextCorpusRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(TextCorpusRow {
            id: row.try_get(0)?,
            title: row.try_get(1)?,
            content: row.try_get(2)?,
            source_url: row.try_get(3)?,
            metadata: row.try_get(4)?,
            word_count: row.try_get(5)?,
            char_count: row.try_get(6)?,
            created_at: row.try_get(7)?,
        })
    }
}

/// A row of table `threads`.
///
/// Conversation sessions
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ThreadsRow {
    pub id: uuid::Uuid,
    pub created_at: Option<String>,
    pub name: Option<String>,
    pub user_id: Option<uuid::Uuid>,
    pub user_identifier: Option<String>,
    pub tags: Option<Vec<String>>,
    pub metadata: Option<serde_json::Value>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ThreadsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ThreadsRow {
            id: get(row, 0)?,
            created_at: get(row, 1)?,
            name: get(row, 2)?,
            user_id: get(row, 3)?,
            user_identifier: get(row, 4)?,
            tags: get(row, 5)?,
            metadata: get(row, 6)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ThreadsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ThreadsRow {
            id: row.try_get(0)?,
            created_at: row.try_get(1)?,
            name: row.try_get(2)?,
            user_id: row.try_get(3)?,
            user_identifier: row.try_get(4)?,
            tags: row.try_get(5)?,
            metadata: row.try_get(6)?,
        })
    }
}

/// A row of table `transformation_events`.
///
/// Prompt transformation attempts, by technique
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TransformationEventsRow {
    pub id: uuid::Uuid,
    pub interaction_id: Option<uuid::Uuid>,
    pub technique_suite: String,
    pub technique_name: String,
    pub original_prompt: String,
    pub transformed_prompt: String,
    pub transformation_time_ms: Option<i32>,
    pub success: Option<bool>,
    pub metadata: Option<serde_json::Value>,
    pub created_at: Option<chrono::DateTime<chrono::Utc>>,
    pub ingested_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for TransformationEventsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(TransformationEventsRow {
            id: get(row, 0)?,
            interaction_id: get(row, 1)?,
            technique_suite: get(row, 2)?,
            technique_name: get(row, 3)?,
            original_prompt: get(row, 4)?,
            transformed_prompt: get(row, 5)?,
            transformation_time_ms: get(row, 6)?,
            success: get(row, 7)?,
            metadata: get(row, 8)?,
            created_at: get(row, 9)?,
            ingested_at: get(row, 10)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for TransformationEventsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(TransformationEventsRow {
            id: row.try_get(0)?,
            interaction_id: row.try_get(1)?,
            technique_suite: row.try_get(2)?,
            technique_name: row.try_get(3)?,
            original_prompt: row.try_get(4)?,
            transformed_prompt: row.try_get(5)?,
            transformation_time_ms: row.try_get(6)?,
            success: row.try_get(7)?,
            metadata: row.try_get(8)?,
            created_at: row.try_get(9)?,
            ingested_at: row.try_get(10)?,
        })
    }
}

/// A row of table `users`.
///
/// People known to Chainlit, by their auth identifier
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct UsersRow {
    pub id: uuid::Uuid,
    pub identifier: String,
    pub metadata: serde_json::Value,
    pub created_at: Option<String>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for UsersRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(UsersRow {
            id: get(row, 0)?,
            identifier: get(row, 1)?,
            metadata: get(row, 2)?,
            created_at: get(row, 3)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for UsersRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(UsersRow {
            id: row.try_get(0)?,
            identifier: row.try_get(1)?,
            metadata: row.try_get(2)?,
            created_at: row.try_get(3)?,
        })
    }
}
