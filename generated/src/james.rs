//! The queries of `queries/james.sql`.
//!
//! Written by `dbtool generate`; do not edit: change schema/ or queries/ and run it again.

use crate::runtime::Query;
use crate::tables;

/// A row of `AddCorpusText`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AddCorpusTextRow {
    pub id: i64,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for AddCorpusTextRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(AddCorpusTextRow {
            id: get(row, 0)?,
            created_at: get(row, 1)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for AddCorpusTextRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(AddCorpusTextRow {
            id: row.try_get(0)?,
            created_at: row.try_get(1)?,
        })
    }
}

/// A row of `ListCorpusTexts`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListCorpusTextsRow {
    pub id: i64,
    pub title: Option<String>,
    pub source_url: Option<String>,
    pub word_count: i32,
    pub char_count: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListCorpusTextsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListCorpusTextsRow {
            id: get(row, 0)?,
            title: get(row, 1)?,
            source_url: get(row, 2)?,
            word_count: get(row, 3)?,
            char_count: get(row, 4)?,
            created_at: get(row, 5)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListCorpusTextsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListCorpusTextsRow {
            id: row.try_get(0)?,
            title: row.try_get(1)?,
            source_url: row.try_get(2)?,
            word_count: row.try_get(3)?,
            char_count: row.try_get(4)?,
            created_at: row.try_get(5)?,
        })
    }
}

/// A row of `ListCorpusTextsBySourceUrl`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListCorpusTextsBySourceUrlRow {
    pub id: i64,
    pub title: Option<String>,
    pub source_url: Option<String>,
    pub word_count: i32,
    pub char_count: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListCorpusTextsBySourceUrlRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListCorpusTextsBySourceUrlRow {
            id: get(row, 0)?,
            title: get(row, 1)?,
            source_url: get(row, 2)?,
            word_count: get(row, 3)?,
            char_count: get(row, 4)?,
            created_at: get(row, 5)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListCorpusTextsBySourceUrlRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListCorpusTextsBySourceUrlRow {
            id: row.try_get(0)?,
            title: row.try_get(1)?,
            source_url: row.try_get(2)?,
            word_count: row.try_get(3)?,
            char_count: row.try_get(4)?,
            created_at: row.try_get(5)?,
        })
    }
}

/// A row of `SearchCorpusTextsBySourceUrl`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SearchCorpusTextsBySourceUrlRow {
    pub id: i64,
    pub title: Option<String>,
    pub source_url: Option<String>,
    pub word_count: i32,
    pub char_count: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for SearchCorpusTextsBySourceUrlRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(SearchCorpusTextsBySourceUrlRow {
            id: get(row, 0)?,
            title: get(row, 1)?,
            source_url: get(row, 2)?,
            word_count: get(row, 3)?,
            char_count: get(row, 4)?,
            created_at: get(row, 5)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for SearchCorpusTextsBySourceUrlRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(SearchCorpusTextsBySourceUrlRow {
            id: row.try_get(0)?,
            title: row.try_get(1)?,
            source_url: row.try_get(2)?,
            word_count: row.try_get(3)?,
            char_count: row.try_get(4)?,
            created_at: row.try_get(5)?,
        })
    }
}

/// A row of `SearchCorpusText`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SearchCorpusTextRow {
    pub id: i64,
    pub title: Option<String>,
    pub source_url: Option<String>,
    pub word_count: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for SearchCorpusTextRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(SearchCorpusTextRow {
            id: get(row, 0)?,
            title: get(row, 1)?,
            source_url: get(row, 2)?,
            word_count: get(row, 3)?,
            created_at: get(row, 4)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for SearchCorpusTextRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(SearchCorpusTextRow {
            id: row.try_get(0)?,
            title: row.try_get(1)?,
            source_url: row.try_get(2)?,
            word_count: row.try_get(3)?,
            created_at: row.try_get(4)?,
        })
    }
}

/// A row of `GetCorpusStats`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct GetCorpusStatsRow {
    pub text_count: i64,
    pub total_words: i64,
    pub total_chars: i64,
    pub last_added_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for GetCorpusStatsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(GetCorpusStatsRow {
            text_count: get(row, 0)?,
            total_words: get(row, 1)?,
            total_chars: get(row, 2)?,
            last_added_at: get(row, 3)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for GetCorpusStatsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(GetCorpusStatsRow {
            text_count: row.try_get(0)?,
            total_words: row.try_get(1)?,
            total_chars: row.try_get(2)?,
            last_added_at: row.try_get(3)?,
        })
    }
}

/// A row of `CreateTrainingJob`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CreateTrainingJobRow {
    pub id: i64,
    pub job_id: String,
    pub status: crate::enums::TrainingStatus,
    pub progress: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for CreateTrainingJobRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(CreateTrainingJobRow {
            id: get(row, 0)?,
            job_id: get(row, 1)?,
            status: get(row, 2)?,
            progress: get(row, 3)?,
            created_at: get(row, 4)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for CreateTrainingJobRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(CreateTrainingJobRow {
            id: row.try_get(0)?,
            job_id: row.try_get(1)?,
            status: row.try_get(2)?,
            progress: row.try_get(3)?,
            created_at: row.try_get(4)?,
        })
    }
}

/// A row of `GetTrainingJobByJobId`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct GetTrainingJobByJobIdRow {
    pub id: i64,
    pub job_id: String,
    pub status: crate::enums::TrainingStatus,
    pub progress: i32,
    pub message: Option<String>,
    pub error: Option<String>,
    pub neural_config_id: Option<dbtool_reference_types::NeuralConfigId>,
    pub text_corpus_id: Option<i64>,
    pub started_at: Option<chrono::DateTime<chrono::Utc>>,
    pub completed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub neural_config_name: Option<String>,
    pub text_corpus_title: Option<String>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for GetTrainingJobByJobIdRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::{get, get_native};
        Ok(GetTrainingJobByJobIdRow {
            id: get(row, 0)?,
            job_id: get(row, 1)?,
            status: get(row, 2)?,
            progress: get(row, 3)?,
            message: get(row, 4)?,
            error: get(row, 5)?,
            neural_config_id: get_native(row, 6)?,
            text_corpus_id: get(row, 7)?,
            started_at: get(row, 8)?,
            completed_at: get(row, 9)?,
            created_at: get(row, 10)?,
            neural_config_name: get(row, 11)?,
            text_corpus_title: get(row, 12)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for GetTrainingJobByJobIdRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(GetTrainingJobByJobIdRow {
            id: row.try_get(0)?,
            job_id: row.try_get(1)?,
            status: row.try_get(2)?,
            progress: row.try_get(3)?,
            message: row.try_get(4)?,
            error: row.try_get(5)?,
            neural_config_id: row.try_get(6)?,
            text_corpus_id: row.try_get(7)?,
            started_at: row.try_get(8)?,
            completed_at: row.try_get(9)?,
            created_at: row.try_get(10)?,
            neural_config_name: row.try_get(11)?,
            text_corpus_title: row.try_get(12)?,
        })
    }
}

/// A row of `ListTrainingJobs`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListTrainingJobsRow {
    pub id: i64,
    pub job_id: String,
    pub status: crate::enums::TrainingStatus,
    pub progress: i32,
    pub message: Option<String>,
    pub started_at: Option<chrono::DateTime<chrono::Utc>>,
    pub completed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub neural_config_name: Option<String>,
    pub text_corpus_title: Option<String>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListTrainingJobsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListTrainingJobsRow {
            id: get(row, 0)?,
            job_id: get(row, 1)?,
            status: get(row, 2)?,
            progress: get(row, 3)?,
            message: get(row, 4)?,
            started_at: get(row, 5)?,
            completed_at: get(row, 6)?,
            created_at: get(row, 7)?,
            neural_config_name: get(row, 8)?,
            text_corpus_title: get(row, 9)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListTrainingJobsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListTrainingJobsRow {
            id: row.try_get(0)?,
            job_id: row.try_get(1)?,
            status: row.try_get(2)?,
            progress: row.try_get(3)?,
            message: row.try_get(4)?,
            started_at: row.try_get(5)?,
            completed_at: row.try_get(6)?,
            created_at: row.try_get(7)?,
            neural_config_name: row.try_get(8)?,
            text_corpus_title: row.try_get(9)?,
        })
    }
}

/// A row of `CountTrainingJobsByStatus`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CountTrainingJobsByStatusRow {
    pub status: crate::enums::TrainingStatus,
    pub job_count: i64,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for CountTrainingJobsByStatusRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(CountTrainingJobsByStatusRow {
            status: get(row, 0)?,
            job_count: get(row, 1)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for CountTrainingJobsByStatusRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(CountTrainingJobsByStatusRow {
            status: row.try_get(0)?,
            job_count: row.try_get(1)?,
        })
    }
}

/// A row of `CreateCheckpoint`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CreateCheckpointRow {
    pub id: i64,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for CreateCheckpointRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(CreateCheckpointRow {
            id: get(row, 0)?,
            created_at: get(row, 1)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for CreateCheckpointRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(CreateCheckpointRow {
            id: row.try_get(0)?,
            created_at: row.try_get(1)?,
        })
    }
}

/// A row of `ListCheckpoints`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListCheckpointsRow {
    pub id: i64,
    pub epochs: i32,
    pub block_size: i32,
    pub path: String,
    pub loss: Option<f64>,
    pub accuracy: Option<f64>,
    pub is_best: bool,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub training_job_key: Option<String>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListCheckpointsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListCheckpointsRow {
            id: get(row, 0)?,
            epochs: get(row, 1)?,
            block_size: get(row, 2)?,
            path: get(row, 3)?,
            loss: get(row, 4)?,
            accuracy: get(row, 5)?,
            is_best: get(row, 6)?,
            created_at: get(row, 7)?,
            training_job_key: get(row, 8)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListCheckpointsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListCheckpointsRow {
            id: row.try_get(0)?,
            epochs: row.try_get(1)?,
            block_size: row.try_get(2)?,
            path: row.try_get(3)?,
            loss: row.try_get(4)?,
            accuracy: row.try_get(5)?,
            is_best: row.try_get(6)?,
            created_at: row.try_get(7)?,
            training_job_key: row.try_get(8)?,
        })
    }
}

/// A row of `RecordAccuracyMetric`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RecordAccuracyMetricRow {
    pub id: i64,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for RecordAccuracyMetricRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(RecordAccuracyMetricRow {
            id: get(row, 0)?,
            created_at: get(row, 1)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for RecordAccuracyMetricRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(RecordAccuracyMetricRow {
            id: row.try_get(0)?,
            created_at: row.try_get(1)?,
        })
    }
}

/// A row of `ListAccuracyMetricsForCheckpoint`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListAccuracyMetricsForCheckpointRow {
    pub id: i64,
    pub metric_type: String,
    pub value: f64,
    pub metadata: Option<serde_json::Value>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListAccuracyMetricsForCheckpointRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListAccuracyMetricsForCheckpointRow {
            id: get(row, 0)?,
            metric_type: get(row, 1)?,
            value: get(row, 2)?,
            metadata: get(row, 3)?,
            created_at: get(row, 4)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListAccuracyMetricsForCheckpointRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListAccuracyMetricsForCheckpointRow {
            id: row.try_get(0)?,
            metric_type: row.try_get(1)?,
            value: row.try_get(2)?,
            metadata: row.try_get(3)?,
            created_at: row.try_get(4)?,
        })
    }
}

/// A row of `SummarizeAccuracyByType`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SummarizeAccuracyByTypeRow {
    pub metric_type: String,
    pub sample_count: i64,
    pub avg_value: Option<f64>,
    pub min_value: Option<f64>,
    pub max_value: Option<f64>,
    pub last_recorded_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for SummarizeAccuracyByTypeRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(SummarizeAccuracyByTypeRow {
            metric_type: get(row, 0)?,
            sample_count: get(row, 1)?,
            avg_value: get(row, 2)?,
            min_value: get(row, 3)?,
            max_value: get(row, 4)?,
            last_recorded_at: get(row, 5)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for SummarizeAccuracyByTypeRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(SummarizeAccuracyByTypeRow {
            metric_type: row.try_get(0)?,
            sample_count: row.try_get(1)?,
            avg_value: row.try_get(2)?,
            min_value: row.try_get(3)?,
            max_value: row.try_get(4)?,
            last_recorded_at: row.try_get(5)?,
        })
    }
}

/// A row of `RecordGeneration`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RecordGenerationRow {
    pub id: i64,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for RecordGenerationRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(RecordGenerationRow {
            id: get(row, 0)?,
            created_at: get(row, 1)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for RecordGenerationRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(RecordGenerationRow {
            id: row.try_get(0)?,
            created_at: row.try_get(1)?,
        })
    }
}

/// A row of `SummarizeGenerationsByModel`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SummarizeGenerationsByModelRow {
    pub model: String,
    pub generation_count: i64,
    pub rated_count: i64,
    pub avg_user_rating: Option<rust_decimal::Decimal>,
    pub avg_quality_score: Option<f64>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for SummarizeGenerationsByModelRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(SummarizeGenerationsByModelRow {
            model: get(row, 0)?,
            generation_count: get(row, 1)?,
            rated_count: get(row, 2)?,
            avg_user_rating: get(row, 3)?,
            avg_quality_score: get(row, 4)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for SummarizeGenerationsByModelRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(SummarizeGenerationsByModelRow {
            model: row.try_get(0)?,
            generation_count: row.try_get(1)?,
            rated_count: row.try_get(2)?,
            avg_user_rating: row.try_get(3)?,
            avg_quality_score: row.try_get(4)?,
        })
    }
}

/// A row of `ListMarkovNgrams`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListMarkovNgramsRow {
    pub id: i64,
    pub next_char: String,
    pub count: i32,
    pub probability: Option<f64>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListMarkovNgramsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListMarkovNgramsRow {
            id: get(row, 0)?,
            next_char: get(row, 1)?,
            count: get(row, 2)?,
            probability: get(row, 3)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListMarkovNgramsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListMarkovNgramsRow {
            id: row.try_get(0)?,
            next_char: row.try_get(1)?,
            count: row.try_get(2)?,
            probability: row.try_get(3)?,
        })
    }
}

/// A row of `GetMarkovNextCharProbabilities`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct GetMarkovNextCharProbabilitiesRow {
    pub next_char: String,
    pub count: i32,
    pub total_count: Option<i64>,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for GetMarkovNextCharProbabilitiesRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(GetMarkovNextCharProbabilitiesRow {
            next_char: get(row, 0)?,
            count: get(row, 1)?,
            total_count: get(row, 2)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for GetMarkovNextCharProbabilitiesRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(GetMarkovNextCharProbabilitiesRow {
            next_char: row.try_get(0)?,
            count: row.try_get(1)?,
            total_count: row.try_get(2)?,
        })
    }
}

/// A row of `ListMarkovContextTotals`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListMarkovContextTotalsRow {
    pub context: String,
    pub total_count: Option<i64>,
    pub successor_count: i64,
}

#[cfg(feature = "rusqlite")]
impl crate::runtime::sqlite::FromRow for ListMarkovContextTotalsRow {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        use crate::runtime::sqlite::get;
        Ok(ListMarkovContextTotalsRow {
            context: get(row, 0)?,
            total_count: get(row, 1)?,
            successor_count: get(row, 2)?,
        })
    }
}

#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
impl crate::runtime::pg_row::FromRow for ListMarkovContextTotalsRow {
    fn from_row(row: &crate::runtime::pg_row::Row) -> Result<Self, crate::runtime::PgError> {
        Ok(ListMarkovContextTotalsRow {
            context: row.try_get(0)?,
            total_count: row.try_get(1)?,
            successor_count: row.try_get(2)?,
        })
    }
}

/// The parameters of `AddCorpusText`.
#[derive(Debug, Clone, Copy)]
pub struct AddCorpusTextParams<'a> {
    pub title: Option<&'a str>,
    pub content: &'a str,
    pub source_url: Option<&'a str>,
    pub metadata: Option<&'a serde_json::Value>,
    pub word_count: i32,
    pub char_count: i32,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for AddCorpusTextParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.title as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.content,
            &self.source_url,
            &self.metadata,
            &self.word_count,
            &self.char_count,
        ]
    }
}

/// The parameters of `UpdateCorpusText`.
#[derive(Debug, Clone, Copy)]
pub struct UpdateCorpusTextParams<'a> {
    pub title: Option<&'a str>,
    pub content: &'a str,
    pub source_url: Option<&'a str>,
    pub metadata: Option<&'a serde_json::Value>,
    pub word_count: i32,
    pub char_count: i32,
    pub id: i64,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for UpdateCorpusTextParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.title as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.content,
            &self.source_url,
            &self.metadata,
            &self.word_count,
            &self.char_count,
            &self.id,
        ]
    }
}

/// The parameters of `UpdateTrainingJobStatus`.
#[derive(Debug, Clone, Copy)]
pub struct UpdateTrainingJobStatusParams<'a> {
    pub status: crate::enums::TrainingStatus,
    pub progress: i32,
    pub message: Option<&'a str>,
    pub error: Option<&'a str>,
    pub job_id: &'a str,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for UpdateTrainingJobStatusParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.status as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.progress,
            &self.message,
            &self.error,
            &self.job_id,
        ]
    }
}

/// The parameters of `CreateCheckpoint`.
#[derive(Debug, Clone, Copy)]
pub struct CreateCheckpointParams<'a> {
    pub epochs: i32,
    pub block_size: i32,
    pub path: &'a str,
    pub loss: Option<f64>,
    pub accuracy: Option<f64>,
    pub notes: Option<&'a str>,
    pub training_job_id: Option<i64>,
    pub is_best: bool,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for CreateCheckpointParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.epochs as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.block_size,
            &self.path,
            &self.loss,
            &self.accuracy,
            &self.notes,
            &self.training_job_id,
            &self.is_best,
        ]
    }
}

/// The parameters of `RecordGeneration`.
#[derive(Debug, Clone, Copy)]
pub struct RecordGenerationParams<'a> {
    pub prompt: &'a str,
    pub response: &'a str,
    pub model: &'a str,
    pub parameters: Option<&'a serde_json::Value>,
    pub quality_score: Option<f64>,
}

#[cfg(feature = "tokio-postgres")]
impl crate::runtime::pg_async::Params for RecordGenerationParams<'_> {
    fn refs(&self) -> impl AsRef<[&(dyn tokio_postgres::types::ToSql + Sync)]> + Send {
        [
            &self.prompt as &(dyn tokio_postgres::types::ToSql + Sync),
            &self.response,
            &self.model,
            &self.parameters,
            &self.quality_score,
        ]
    }
}

/// Create a neural network configuration; fails if the name is taken (see UpsertNeuralConfigByName).
///
/// ```sql
/// INSERT INTO neural_configs (name, config)
/// VALUES (@name, @config)
/// RETURNING id, name, config, created_at, updated_at
/// ```
pub const CREATE_NEURAL_CONFIG: Query = Query {
    name: "CreateNeuralConfig",
    postgres: r#"INSERT INTO neural_configs (name, config)
VALUES ($1, $2)
RETURNING id, name, config, created_at, updated_at"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO neural_configs (name, config)
VALUES (?1, ?2)
RETURNING id, name, config, created_at, updated_at"#,
};

/// Create the configuration with this name, or replace its JSON if it exists; returns the row.
///
/// ```sql
/// INSERT INTO neural_configs (name, config, created_at, updated_at)
/// VALUES (@name, @config, @now, @now)
/// ON CONFLICT (name) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at
/// RETURNING id, name, config, created_at, updated_at
/// ```
pub const UPSERT_NEURAL_CONFIG_BY_NAME: Query = Query {
    name: "UpsertNeuralConfigByName",
    postgres: r#"INSERT INTO neural_configs (name, config, created_at, updated_at)
VALUES ($1, $2, $3, $3)
ON CONFLICT (name) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at
RETURNING id, name, config, created_at, updated_at"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO neural_configs (name, config, created_at, updated_at)
VALUES (?1, ?2, ?3, ?3)
ON CONFLICT (name) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at
RETURNING id, name, config, created_at, updated_at"#,
};

/// One neural configuration by id.
///
/// ```sql
/// SELECT id, name, config, created_at, updated_at
/// FROM neural_configs
/// WHERE id = @id
/// ```
pub const GET_NEURAL_CONFIG: Query = Query {
    name: "GetNeuralConfig",
    postgres: r#"SELECT id, name, config, created_at, updated_at
FROM neural_configs
WHERE id = $1"#,
    timescaledb: None,
    sqlite: r#"SELECT id, name, config, created_at, updated_at
FROM neural_configs
WHERE id = ?1"#,
};

/// One neural configuration by its unique name.
///
/// ```sql
/// SELECT id, name, config, created_at, updated_at
/// FROM neural_configs
/// WHERE name = @name
/// ```
pub const GET_NEURAL_CONFIG_BY_NAME: Query = Query {
    name: "GetNeuralConfigByName",
    postgres: r#"SELECT id, name, config, created_at, updated_at
FROM neural_configs
WHERE name = $1"#,
    timescaledb: None,
    sqlite: r#"SELECT id, name, config, created_at, updated_at
FROM neural_configs
WHERE name = ?1"#,
};

/// Every neural configuration, by name.
///
/// ```sql
/// SELECT id, name, config, created_at, updated_at
/// FROM neural_configs
/// ORDER BY name
/// ```
pub const LIST_NEURAL_CONFIGS: Query = Query {
    name: "ListNeuralConfigs",
    postgres: r#"SELECT id, name, config, created_at, updated_at
FROM neural_configs
ORDER BY name"#,
    timescaledb: None,
    sqlite: r#"SELECT id, name, config, created_at, updated_at
FROM neural_configs
ORDER BY name"#,
};

/// Replace the JSON of a configuration; returns the updated row (none if the id is unknown).
///
/// ```sql
/// UPDATE neural_configs
/// SET config = @config, updated_at = @now
/// WHERE id = @id
/// RETURNING id, name, config, created_at, updated_at
/// ```
pub const UPDATE_NEURAL_CONFIG: Query = Query {
    name: "UpdateNeuralConfig",
    postgres: r#"UPDATE neural_configs
SET config = $1, updated_at = $2
WHERE id = $3
RETURNING id, name, config, created_at, updated_at"#,
    timescaledb: None,
    sqlite: r#"UPDATE neural_configs
SET config = ?1, updated_at = ?2
WHERE id = ?3
RETURNING id, name, config, created_at, updated_at"#,
};

/// Delete a configuration; its training jobs keep running with neural_config_id set to NULL.
///
/// ```sql
/// DELETE FROM neural_configs
/// WHERE id = @id
/// ```
pub const DELETE_NEURAL_CONFIG: Query = Query {
    name: "DeleteNeuralConfig",
    postgres: r#"DELETE FROM neural_configs
WHERE id = $1"#,
    timescaledb: None,
    sqlite: r#"DELETE FROM neural_configs
WHERE id = ?1"#,
};

/// Add a text to the training corpus; word and char counts are computed by the caller.
///
/// ```sql
/// INSERT INTO text_corpus (title, content, source_url, metadata, word_count, char_count)
/// VALUES (sqlc.narg(title), @content, sqlc.narg(source_url), sqlc.narg(metadata), @word_count,
///         @char_count)
/// RETURNING id, created_at
/// ```
pub const ADD_CORPUS_TEXT: Query = Query {
    name: "AddCorpusText",
    postgres: r#"INSERT INTO text_corpus (title, content, source_url, metadata, word_count, char_count)
VALUES ($1, $2, $3, $4, $5,
        $6)
RETURNING id, created_at"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO text_corpus (title, content, source_url, metadata, word_count, char_count)
VALUES (?1, ?2, ?3, ?4, ?5,
        ?6)
RETURNING id, created_at"#,
};

/// One corpus text, with its content.
///
/// ```sql
/// SELECT id, title, content, source_url, metadata, word_count, char_count, created_at
/// FROM text_corpus
/// WHERE id = @id
/// ```
pub const GET_CORPUS_TEXT: Query = Query {
    name: "GetCorpusText",
    postgres: r#"SELECT id, title, content, source_url, metadata, word_count, char_count, created_at
FROM text_corpus
WHERE id = $1"#,
    timescaledb: None,
    sqlite: r#"SELECT id, title, content, source_url, metadata, word_count, char_count, created_at
FROM text_corpus
WHERE id = ?1"#,
};

/// Corpus texts without their content, newest first, one page at a time.
///
/// ```sql
/// SELECT id, title, source_url, word_count, char_count, created_at
/// FROM text_corpus
/// ORDER BY created_at DESC, id DESC
/// LIMIT @max_rows
/// OFFSET @skip_rows
/// ```
pub const LIST_CORPUS_TEXTS: Query = Query {
    name: "ListCorpusTexts",
    postgres: r#"SELECT id, title, source_url, word_count, char_count, created_at
FROM text_corpus
ORDER BY created_at DESC, id DESC
LIMIT $1
OFFSET $2"#,
    timescaledb: None,
    sqlite: r#"SELECT id, title, source_url, word_count, char_count, created_at
FROM text_corpus
ORDER BY created_at DESC, id DESC
LIMIT ?1
OFFSET ?2"#,
};

/// Replace a corpus text and its metadata.
///
/// ```sql
/// UPDATE text_corpus
/// SET title = sqlc.narg(title),
///     content = @content,
///     source_url = sqlc.narg(source_url),
///     metadata = sqlc.narg(metadata),
///     word_count = @word_count,
///     char_count = @char_count
/// WHERE id = @id
/// ```
pub const UPDATE_CORPUS_TEXT: Query = Query {
    name: "UpdateCorpusText",
    postgres: r#"UPDATE text_corpus
SET title = $1,
    content = $2,
    source_url = $3,
    metadata = $4,
    word_count = $5,
    char_count = $6
WHERE id = $7"#,
    timescaledb: None,
    sqlite: r#"UPDATE text_corpus
SET title = ?1,
    content = ?2,
    source_url = ?3,
    metadata = ?4,
    word_count = ?5,
    char_count = ?6
WHERE id = ?7"#,
};

/// Delete a corpus text; training jobs that used it keep text_corpus_id NULL.
///
/// ```sql
/// DELETE FROM text_corpus
/// WHERE id = @id
/// ```
pub const DELETE_CORPUS_TEXT: Query = Query {
    name: "DeleteCorpusText",
    postgres: r#"DELETE FROM text_corpus
WHERE id = $1"#,
    timescaledb: None,
    sqlite: r#"DELETE FROM text_corpus
WHERE id = ?1"#,
};

/// Corpus texts taken from exactly this URL, newest first (uses idx_text_corpus_source).
///
/// ```sql
/// SELECT id, title, source_url, word_count, char_count, created_at
/// FROM text_corpus
/// WHERE source_url = @source_url
/// ORDER BY created_at DESC, id DESC
/// ```
pub const LIST_CORPUS_TEXTS_BY_SOURCE_URL: Query = Query {
    name: "ListCorpusTextsBySourceUrl",
    postgres: r#"SELECT id, title, source_url, word_count, char_count, created_at
FROM text_corpus
WHERE source_url = $1
ORDER BY created_at DESC, id DESC"#,
    timescaledb: None,
    sqlite: r#"SELECT id, title, source_url, word_count, char_count, created_at
FROM text_corpus
WHERE source_url = ?1
ORDER BY created_at DESC, id DESC"#,
};

/// Corpus texts whose URL matches a LIKE pattern ('%' and '_' are wildcards), case-insensitively
/// on both engines, newest first.
///
/// ```sql
/// SELECT id, title, source_url, word_count, char_count, created_at
/// FROM text_corpus
/// WHERE lower(source_url) LIKE lower(@source_url_pattern)
/// ORDER BY created_at DESC, id DESC
/// LIMIT @max_rows
/// ```
pub const SEARCH_CORPUS_TEXTS_BY_SOURCE_URL: Query = Query {
    name: "SearchCorpusTextsBySourceUrl",
    postgres: r#"SELECT id, title, source_url, word_count, char_count, created_at
FROM text_corpus
WHERE lower(source_url) LIKE lower($1)
ORDER BY created_at DESC, id DESC
LIMIT $2"#,
    timescaledb: None,
    sqlite: r#"SELECT id, title, source_url, word_count, char_count, created_at
FROM text_corpus
WHERE lower(source_url) LIKE lower(?1)
ORDER BY created_at DESC, id DESC
LIMIT ?2"#,
};

/// Full-text search of title and content for a phrase, best match first. Portable fallback: a
/// case-insensitive substring match, newest first. Overridden for sqlite (FTS5 text_corpus_fts)
/// and postgres (the GIN tsvector index), which rank by relevance.
///
/// ```sql
/// SELECT id, title, source_url, word_count, created_at
/// FROM text_corpus
/// WHERE lower(content) LIKE '%' || lower(@query) || '%'
///    OR lower(title) LIKE '%' || lower(@query) || '%'
/// ORDER BY created_at DESC, id DESC
/// LIMIT @max_rows
/// ```
pub const SEARCH_CORPUS_TEXT: Query = Query {
    name: "SearchCorpusText",
    postgres: r#"SELECT id, title, source_url, word_count, created_at
FROM text_corpus
WHERE to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(content, ''))
      @@ phraseto_tsquery('simple', $1)
ORDER BY ts_rank(to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(content, '')),
                 phraseto_tsquery('simple', $1)) DESC,
         id
LIMIT $2"#,
    timescaledb: None,
    sqlite: r#"SELECT c.id, c.title, c.source_url, c.word_count, c.created_at
FROM text_corpus_fts
INNER JOIN text_corpus c ON c.id = text_corpus_fts.rowid
WHERE text_corpus_fts MATCH '"' || replace(?1, '"', '""') || '"'
ORDER BY text_corpus_fts.rank, c.id
LIMIT ?2"#,
};

/// Size of the training corpus for the dashboard. On PostgreSQL corpus_stats is a materialized
/// view: it is as fresh as its last REFRESH.
///
/// ```sql
/// SELECT text_count, total_words, total_chars, last_added_at
/// FROM corpus_stats
/// ```
pub const GET_CORPUS_STATS: Query = Query {
    name: "GetCorpusStats",
    postgres: r#"SELECT text_count, total_words, total_chars, last_added_at
FROM corpus_stats"#,
    timescaledb: None,
    sqlite: r#"SELECT text_count, total_words, total_chars, last_added_at
FROM corpus_stats"#,
};

/// Create a pending training job of a configuration over a corpus text (either may be NULL).
///
/// ```sql
/// INSERT INTO training_jobs (job_id, neural_config_id, text_corpus_id)
/// VALUES (@job_id, sqlc.narg(neural_config_id), sqlc.narg(text_corpus_id))
/// RETURNING id, job_id, status, progress, created_at
/// ```
pub const CREATE_TRAINING_JOB: Query = Query {
    name: "CreateTrainingJob",
    postgres: r#"INSERT INTO training_jobs (job_id, neural_config_id, text_corpus_id)
VALUES ($1, $2, $3)
RETURNING id, job_id, status, progress, created_at"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO training_jobs (job_id, neural_config_id, text_corpus_id)
VALUES (?1, ?2, ?3)
RETURNING id, job_id, status, progress, created_at"#,
};

/// Set the status, progress (0..100), message and error of a job, by its external job_id.
///
/// ```sql
/// UPDATE training_jobs
/// SET status = @status,
///     progress = @progress,
///     message = sqlc.narg(message),
///     error = sqlc.narg(error)
/// WHERE job_id = @job_id
/// ```
pub const UPDATE_TRAINING_JOB_STATUS: Query = Query {
    name: "UpdateTrainingJobStatus",
    postgres: r#"UPDATE training_jobs
SET status = $1,
    progress = $2,
    message = $3,
    error = $4
WHERE job_id = $5"#,
    timescaledb: None,
    sqlite: r#"UPDATE training_jobs
SET status = ?1,
    progress = ?2,
    message = ?3,
    error = ?4
WHERE job_id = ?5"#,
};

/// Move a pending job to running and record when it started; 0 rows if it was not pending.
///
/// ```sql
/// UPDATE training_jobs
/// SET status = 'running', started_at = @started_at
/// WHERE job_id = @job_id AND status = 'pending'
/// ```
pub const MARK_TRAINING_JOB_STARTED: Query = Query {
    name: "MarkTrainingJobStarted",
    postgres: r#"UPDATE training_jobs
SET status = 'running', started_at = $1
WHERE job_id = $2 AND status = 'pending'"#,
    timescaledb: None,
    sqlite: r#"UPDATE training_jobs
SET status = 'running', started_at = ?1
WHERE job_id = ?2 AND status = 'pending'"#,
};

/// Finish a job that is still pending or running with a final status (completed, failed or
/// cancelled) and an optional error; 0 rows if it had already finished.
///
/// ```sql
/// UPDATE training_jobs
/// SET status = @status, error = sqlc.narg(error), completed_at = @completed_at
/// WHERE job_id = @job_id AND status IN ('pending', 'running')
/// ```
pub const MARK_TRAINING_JOB_FINISHED: Query = Query {
    name: "MarkTrainingJobFinished",
    postgres: r#"UPDATE training_jobs
SET status = $1, error = $2, completed_at = $3
WHERE job_id = $4 AND status IN ('pending', 'running')"#,
    timescaledb: None,
    sqlite: r#"UPDATE training_jobs
SET status = ?1, error = ?2, completed_at = ?3
WHERE job_id = ?4 AND status IN ('pending', 'running')"#,
};

/// One job by its external job_id, with the names of its configuration and corpus text (NULL when
/// they were deleted or never set).
///
/// ```sql
/// SELECT j.id, j.job_id, j.status, j.progress, j.message, j.error, j.neural_config_id,
///        j.text_corpus_id, j.started_at, j.completed_at, j.created_at,
///        nc.name AS neural_config_name,
///        tc.title AS text_corpus_title
/// FROM training_jobs j
/// LEFT JOIN neural_configs nc ON nc.id = j.neural_config_id
/// LEFT JOIN text_corpus tc ON tc.id = j.text_corpus_id
/// WHERE j.job_id = @job_id
/// ```
pub const GET_TRAINING_JOB_BY_JOB_ID: Query = Query {
    name: "GetTrainingJobByJobId",
    postgres: r#"SELECT j.id, j.job_id, j.status, j.progress, j.message, j.error, j.neural_config_id,
       j.text_corpus_id, j.started_at, j.completed_at, j.created_at,
       nc.name AS neural_config_name,
       tc.title AS text_corpus_title
FROM training_jobs j
LEFT JOIN neural_configs nc ON nc.id = j.neural_config_id
LEFT JOIN text_corpus tc ON tc.id = j.text_corpus_id
WHERE j.job_id = $1"#,
    timescaledb: None,
    sqlite: r#"SELECT j.id, j.job_id, j.status, j.progress, j.message, j.error, j.neural_config_id,
       j.text_corpus_id, j.started_at, j.completed_at, j.created_at,
       nc.name AS neural_config_name,
       tc.title AS text_corpus_title
FROM training_jobs j
LEFT JOIN neural_configs nc ON nc.id = j.neural_config_id
LEFT JOIN text_corpus tc ON tc.id = j.text_corpus_id
WHERE j.job_id = ?1"#,
};

/// The newest jobs, optionally of one status only (NULL for all), with configuration and corpus
/// names.
///
/// ```sql
/// SELECT j.id, j.job_id, j.status, j.progress, j.message, j.started_at, j.completed_at,
///        j.created_at,
///        nc.name AS neural_config_name,
///        tc.title AS text_corpus_title
/// FROM training_jobs j
/// LEFT JOIN neural_configs nc ON nc.id = j.neural_config_id
/// LEFT JOIN text_corpus tc ON tc.id = j.text_corpus_id
/// WHERE (j.status = sqlc.narg(status) OR sqlc.narg(status) IS NULL)
/// ORDER BY j.created_at DESC, j.id DESC
/// LIMIT @max_rows
/// ```
pub const LIST_TRAINING_JOBS: Query = Query {
    name: "ListTrainingJobs",
    postgres: r#"SELECT j.id, j.job_id, j.status, j.progress, j.message, j.started_at, j.completed_at,
       j.created_at,
       nc.name AS neural_config_name,
       tc.title AS text_corpus_title
FROM training_jobs j
LEFT JOIN neural_configs nc ON nc.id = j.neural_config_id
LEFT JOIN text_corpus tc ON tc.id = j.text_corpus_id
WHERE (j.status = $1 OR $1 IS NULL)
ORDER BY j.created_at DESC, j.id DESC
LIMIT $2"#,
    timescaledb: None,
    sqlite: r#"SELECT j.id, j.job_id, j.status, j.progress, j.message, j.started_at, j.completed_at,
       j.created_at,
       nc.name AS neural_config_name,
       tc.title AS text_corpus_title
FROM training_jobs j
LEFT JOIN neural_configs nc ON nc.id = j.neural_config_id
LEFT JOIN text_corpus tc ON tc.id = j.text_corpus_id
WHERE (j.status = ?1 OR ?1 IS NULL)
ORDER BY j.created_at DESC, j.id DESC
LIMIT ?2"#,
};

/// Number of jobs per status, in life-cycle order (an enum sorts by declaration on PostgreSQL but
/// alphabetically on SQLite, hence the explicit CASE).
///
/// ```sql
/// SELECT status, count(*) AS job_count
/// FROM training_jobs
/// GROUP BY status
/// ORDER BY CASE status
///              WHEN 'pending' THEN 1
///              WHEN 'running' THEN 2
///              WHEN 'completed' THEN 3
///              WHEN 'failed' THEN 4
///              ELSE 5
///          END
/// ```
pub const COUNT_TRAINING_JOBS_BY_STATUS: Query = Query {
    name: "CountTrainingJobsByStatus",
    postgres: r#"SELECT status, count(*) AS job_count
FROM training_jobs
GROUP BY status
ORDER BY CASE status
             WHEN 'pending' THEN 1
             WHEN 'running' THEN 2
             WHEN 'completed' THEN 3
             WHEN 'failed' THEN 4
             ELSE 5
         END"#,
    timescaledb: None,
    sqlite: r#"SELECT status, count(*) AS job_count
FROM training_jobs
GROUP BY status
ORDER BY CASE status
             WHEN 'pending' THEN 1
             WHEN 'running' THEN 2
             WHEN 'completed' THEN 3
             WHEN 'failed' THEN 4
             ELSE 5
         END"#,
};

/// Save a checkpoint. At most one checkpoint may be the best (a partial unique index): to insert
/// one with is_best TRUE, run ClearBestCheckpoint first in the same transaction.
///
/// ```sql
/// INSERT INTO neural_checkpoints (epochs, block_size, path, loss, accuracy, notes, training_job_id,
///                                 is_best)
/// VALUES (@epochs, @block_size, @path, sqlc.narg(loss), sqlc.narg(accuracy), sqlc.narg(notes),
///         sqlc.narg(training_job_id), @is_best)
/// RETURNING id, created_at
/// ```
pub const CREATE_CHECKPOINT: Query = Query {
    name: "CreateCheckpoint",
    postgres: r#"INSERT INTO neural_checkpoints (epochs, block_size, path, loss, accuracy, notes, training_job_id,
                                is_best)
VALUES ($1, $2, $3, $4, $5, $6,
        $7, $8)
RETURNING id, created_at"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO neural_checkpoints (epochs, block_size, path, loss, accuracy, notes, training_job_id,
                                is_best)
VALUES (?1, ?2, ?3, ?4, ?5, ?6,
        ?7, ?8)
RETURNING id, created_at"#,
};

/// Un-mark the current best checkpoint, if any.
///
/// ```sql
/// UPDATE neural_checkpoints
/// SET is_best = FALSE
/// WHERE is_best = TRUE
/// ```
pub const CLEAR_BEST_CHECKPOINT: Query = Query {
    name: "ClearBestCheckpoint",
    postgres: r#"UPDATE neural_checkpoints
SET is_best = FALSE
WHERE is_best = TRUE"#,
    timescaledb: None,
    sqlite: r#"UPDATE neural_checkpoints
SET is_best = FALSE
WHERE is_best = TRUE"#,
};

/// Mark one checkpoint as the best; run ClearBestCheckpoint first in the same transaction.
///
/// ```sql
/// UPDATE neural_checkpoints
/// SET is_best = TRUE
/// WHERE id = @id
/// ```
pub const MARK_CHECKPOINT_BEST: Query = Query {
    name: "MarkCheckpointBest",
    postgres: r#"UPDATE neural_checkpoints
SET is_best = TRUE
WHERE id = $1"#,
    timescaledb: None,
    sqlite: r#"UPDATE neural_checkpoints
SET is_best = TRUE
WHERE id = ?1"#,
};

/// One checkpoint by id.
///
/// ```sql
/// SELECT id, epochs, block_size, path, notes, loss, accuracy, is_best, training_job_id, created_at
/// FROM neural_checkpoints
/// WHERE id = @id
/// ```
pub const GET_CHECKPOINT: Query = Query {
    name: "GetCheckpoint",
    postgres: r#"SELECT id, epochs, block_size, path, notes, loss, accuracy, is_best, training_job_id, created_at
FROM neural_checkpoints
WHERE id = $1"#,
    timescaledb: None,
    sqlite: r#"SELECT id, epochs, block_size, path, notes, loss, accuracy, is_best, training_job_id, created_at
FROM neural_checkpoints
WHERE id = ?1"#,
};

/// The checkpoint marked best, if any.
///
/// ```sql
/// SELECT id, epochs, block_size, path, notes, loss, accuracy, is_best, training_job_id, created_at
/// FROM neural_checkpoints
/// WHERE is_best = TRUE
/// ```
pub const GET_BEST_CHECKPOINT: Query = Query {
    name: "GetBestCheckpoint",
    postgres: r#"SELECT id, epochs, block_size, path, notes, loss, accuracy, is_best, training_job_id, created_at
FROM neural_checkpoints
WHERE is_best = TRUE"#,
    timescaledb: None,
    sqlite: r#"SELECT id, epochs, block_size, path, notes, loss, accuracy, is_best, training_job_id, created_at
FROM neural_checkpoints
WHERE is_best = TRUE"#,
};

/// The newest checkpoint, if any.
///
/// ```sql
/// SELECT id, epochs, block_size, path, notes, loss, accuracy, is_best, training_job_id, created_at
/// FROM neural_checkpoints
/// ORDER BY created_at DESC, id DESC
/// LIMIT 1
/// ```
pub const GET_LATEST_CHECKPOINT: Query = Query {
    name: "GetLatestCheckpoint",
    postgres: r#"SELECT id, epochs, block_size, path, notes, loss, accuracy, is_best, training_job_id, created_at
FROM neural_checkpoints
ORDER BY created_at DESC, id DESC
LIMIT 1"#,
    timescaledb: None,
    sqlite: r#"SELECT id, epochs, block_size, path, notes, loss, accuracy, is_best, training_job_id, created_at
FROM neural_checkpoints
ORDER BY created_at DESC, id DESC
LIMIT 1"#,
};

/// The newest checkpoints with the job_id of the training job that produced them (NULL if none).
///
/// ```sql
/// SELECT c.id, c.epochs, c.block_size, c.path, c.loss, c.accuracy, c.is_best, c.created_at,
///        j.job_id AS training_job_key
/// FROM neural_checkpoints c
/// LEFT JOIN training_jobs j ON j.id = c.training_job_id
/// ORDER BY c.created_at DESC, c.id DESC
/// LIMIT @max_rows
/// ```
pub const LIST_CHECKPOINTS: Query = Query {
    name: "ListCheckpoints",
    postgres: r#"SELECT c.id, c.epochs, c.block_size, c.path, c.loss, c.accuracy, c.is_best, c.created_at,
       j.job_id AS training_job_key
FROM neural_checkpoints c
LEFT JOIN training_jobs j ON j.id = c.training_job_id
ORDER BY c.created_at DESC, c.id DESC
LIMIT $1"#,
    timescaledb: None,
    sqlite: r#"SELECT c.id, c.epochs, c.block_size, c.path, c.loss, c.accuracy, c.is_best, c.created_at,
       j.job_id AS training_job_key
FROM neural_checkpoints c
LEFT JOIN training_jobs j ON j.id = c.training_job_id
ORDER BY c.created_at DESC, c.id DESC
LIMIT ?1"#,
};

/// Record one accuracy measurement, optionally of a checkpoint.
///
/// ```sql
/// INSERT INTO accuracy_metrics (metric_type, value, metadata, model_checkpoint_id)
/// VALUES (@metric_type, @value, sqlc.narg(metadata), sqlc.narg(model_checkpoint_id))
/// RETURNING id, created_at
/// ```
pub const RECORD_ACCURACY_METRIC: Query = Query {
    name: "RecordAccuracyMetric",
    postgres: r#"INSERT INTO accuracy_metrics (metric_type, value, metadata, model_checkpoint_id)
VALUES ($1, $2, $3, $4)
RETURNING id, created_at"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO accuracy_metrics (metric_type, value, metadata, model_checkpoint_id)
VALUES (?1, ?2, ?3, ?4)
RETURNING id, created_at"#,
};

/// The measurements of one checkpoint, oldest first.
///
/// ```sql
/// SELECT id, metric_type, value, metadata, created_at
/// FROM accuracy_metrics
/// WHERE model_checkpoint_id = @model_checkpoint_id
/// ORDER BY created_at, id
/// ```
pub const LIST_ACCURACY_METRICS_FOR_CHECKPOINT: Query = Query {
    name: "ListAccuracyMetricsForCheckpoint",
    postgres: r#"SELECT id, metric_type, value, metadata, created_at
FROM accuracy_metrics
WHERE model_checkpoint_id = $1
ORDER BY created_at, id"#,
    timescaledb: None,
    sqlite: r#"SELECT id, metric_type, value, metadata, created_at
FROM accuracy_metrics
WHERE model_checkpoint_id = ?1
ORDER BY created_at, id"#,
};

/// The newest measurements, optionally of one metric type and/or one checkpoint (NULL for all).
///
/// ```sql
/// SELECT id, metric_type, value, metadata, model_checkpoint_id, created_at
/// FROM accuracy_metrics
/// WHERE (metric_type = sqlc.narg(metric_type) OR sqlc.narg(metric_type) IS NULL)
///   AND (model_checkpoint_id = sqlc.narg(model_checkpoint_id)
///        OR sqlc.narg(model_checkpoint_id) IS NULL)
/// ORDER BY created_at DESC, id DESC
/// LIMIT @max_rows
/// ```
pub const LIST_ACCURACY_METRICS: Query = Query {
    name: "ListAccuracyMetrics",
    postgres: r#"SELECT id, metric_type, value, metadata, model_checkpoint_id, created_at
FROM accuracy_metrics
WHERE (metric_type = $1 OR $1 IS NULL)
  AND (model_checkpoint_id = $2
       OR $2 IS NULL)
ORDER BY created_at DESC, id DESC
LIMIT $3"#,
    timescaledb: None,
    sqlite: r#"SELECT id, metric_type, value, metadata, model_checkpoint_id, created_at
FROM accuracy_metrics
WHERE (metric_type = ?1 OR ?1 IS NULL)
  AND (model_checkpoint_id = ?2
       OR ?2 IS NULL)
ORDER BY created_at DESC, id DESC
LIMIT ?3"#,
};

/// Count, mean, range and recency of every metric type.
///
/// ```sql
/// SELECT metric_type,
///        count(*) AS sample_count,
///        avg(value) AS avg_value,
///        min(value) AS min_value,
///        max(value) AS max_value,
///        max(created_at) AS last_recorded_at
/// FROM accuracy_metrics
/// GROUP BY metric_type
/// ORDER BY metric_type
/// ```
pub const SUMMARIZE_ACCURACY_BY_TYPE: Query = Query {
    name: "SummarizeAccuracyByType",
    postgres: r#"SELECT metric_type,
       count(*) AS sample_count,
       avg(value) AS avg_value,
       min(value) AS min_value,
       max(value) AS max_value,
       max(created_at) AS last_recorded_at
FROM accuracy_metrics
GROUP BY metric_type
ORDER BY metric_type"#,
    timescaledb: None,
    sqlite: r#"SELECT metric_type,
       count(*) AS sample_count,
       avg(value) AS avg_value,
       min(value) AS min_value,
       max(value) AS max_value,
       max(created_at) AS last_recorded_at
FROM accuracy_metrics
GROUP BY metric_type
ORDER BY metric_type"#,
};

/// Record one text generation with its parameters and automatic quality score.
///
/// ```sql
/// INSERT INTO generation_history (prompt, response, model, parameters, quality_score)
/// VALUES (@prompt, @response, @model, sqlc.narg(parameters), sqlc.narg(quality_score))
/// RETURNING id, created_at
/// ```
pub const RECORD_GENERATION: Query = Query {
    name: "RecordGeneration",
    postgres: r#"INSERT INTO generation_history (prompt, response, model, parameters, quality_score)
VALUES ($1, $2, $3, $4, $5)
RETURNING id, created_at"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO generation_history (prompt, response, model, parameters, quality_score)
VALUES (?1, ?2, ?3, ?4, ?5)
RETURNING id, created_at"#,
};

/// The newest generations, optionally of one model (NULL for all).
///
/// ```sql
/// SELECT id, prompt, response, model, parameters, quality_score, user_rating, created_at
/// FROM generation_history
/// WHERE (model = sqlc.narg(model) OR sqlc.narg(model) IS NULL)
/// ORDER BY created_at DESC, id DESC
/// LIMIT @max_rows
/// ```
pub const LIST_GENERATION_HISTORY: Query = Query {
    name: "ListGenerationHistory",
    postgres: r#"SELECT id, prompt, response, model, parameters, quality_score, user_rating, created_at
FROM generation_history
WHERE (model = $1 OR $1 IS NULL)
ORDER BY created_at DESC, id DESC
LIMIT $2"#,
    timescaledb: None,
    sqlite: r#"SELECT id, prompt, response, model, parameters, quality_score, user_rating, created_at
FROM generation_history
WHERE (model = ?1 OR ?1 IS NULL)
ORDER BY created_at DESC, id DESC
LIMIT ?2"#,
};

/// Store the user's 1..5 rating of a generation.
///
/// ```sql
/// UPDATE generation_history
/// SET user_rating = @user_rating
/// WHERE id = @id
/// ```
pub const RATE_GENERATION: Query = Query {
    name: "RateGeneration",
    postgres: r#"UPDATE generation_history
SET user_rating = $1
WHERE id = $2"#,
    timescaledb: None,
    sqlite: r#"UPDATE generation_history
SET user_rating = ?1
WHERE id = ?2"#,
};

/// Delete the generations made before a cut-off; returns how many were deleted.
///
/// ```sql
/// DELETE FROM generation_history
/// WHERE created_at < @before
/// ```
pub const CLEAR_GENERATION_HISTORY_BEFORE: Query = Query {
    name: "ClearGenerationHistoryBefore",
    postgres: r#"DELETE FROM generation_history
WHERE created_at < $1"#,
    timescaledb: None,
    sqlite: r#"DELETE FROM generation_history
WHERE created_at < ?1"#,
};

/// Generations, ratings and mean scores per model.
///
/// ```sql
/// SELECT model,
///        count(*) AS generation_count,
///        count(user_rating) AS rated_count,
///        avg(user_rating) AS avg_user_rating,
///        avg(quality_score) AS avg_quality_score
/// FROM generation_history
/// GROUP BY model
/// ORDER BY model
/// ```
pub const SUMMARIZE_GENERATIONS_BY_MODEL: Query = Query {
    name: "SummarizeGenerationsByModel",
    postgres: r#"SELECT model,
       count(*) AS generation_count,
       count(user_rating) AS rated_count,
       avg(user_rating) AS avg_user_rating,
       avg(quality_score) AS avg_quality_score
FROM generation_history
GROUP BY model
ORDER BY model"#,
    timescaledb: None,
    sqlite: r#"SELECT model,
       count(*) AS generation_count,
       count(user_rating) AS rated_count,
       avg(user_rating) AS avg_user_rating,
       avg(quality_score) AS avg_quality_score
FROM generation_history
GROUP BY model
ORDER BY model"#,
};

/// Add count occurrences of next_char after context to the order-n Markov model.
///
/// ```sql
/// INSERT INTO markov_ngrams (n, context, next_char, count)
/// VALUES (@n, @context, @next_char, @count)
/// ON CONFLICT (n, context, next_char) DO UPDATE SET count = markov_ngrams.count + excluded.count
/// ```
pub const UPSERT_MARKOV_NGRAM: Query = Query {
    name: "UpsertMarkovNgram",
    postgres: r#"INSERT INTO markov_ngrams (n, context, next_char, count)
VALUES ($1, $2, $3, $4)
ON CONFLICT (n, context, next_char) DO UPDATE SET count = markov_ngrams.count + excluded.count"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO markov_ngrams (n, context, next_char, count)
VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (n, context, next_char) DO UPDATE SET count = markov_ngrams.count + excluded.count"#,
};

/// The successors of a context in the order-n model, most frequent first.
///
/// ```sql
/// SELECT id, next_char, count, probability
/// FROM markov_ngrams
/// WHERE n = @n AND context = @context
/// ORDER BY count DESC, next_char
/// ```
pub const LIST_MARKOV_NGRAMS: Query = Query {
    name: "ListMarkovNgrams",
    postgres: r#"SELECT id, next_char, count, probability
FROM markov_ngrams
WHERE n = $1 AND context = $2
ORDER BY count DESC, next_char"#,
    timescaledb: None,
    sqlite: r#"SELECT id, next_char, count, probability
FROM markov_ngrams
WHERE n = ?1 AND context = ?2
ORDER BY count DESC, next_char"#,
};

/// The successors of a context with the context's total count, most frequent first: the live
/// probability of a successor is count / total_count (divided in Rust, to stay a float on both
/// engines; in SQL it would be numeric on PostgreSQL).
///
/// ```sql
/// SELECT m.next_char,
///        m.count,
///        t.total_count
/// FROM markov_ngrams m
/// INNER JOIN (
///     SELECT context, sum(count) AS total_count
///     FROM markov_ngrams
///     WHERE n = @n AND context = @context
///     GROUP BY context
/// ) t ON t.context = m.context
/// WHERE m.n = @n
/// ORDER BY m.count DESC, m.next_char
/// ```
pub const GET_MARKOV_NEXT_CHAR_PROBABILITIES: Query = Query {
    name: "GetMarkovNextCharProbabilities",
    postgres: r#"SELECT m.next_char,
       m.count,
       t.total_count
FROM markov_ngrams m
INNER JOIN (
    SELECT context, sum(count) AS total_count
    FROM markov_ngrams
    WHERE n = $1 AND context = $2
    GROUP BY context
) t ON t.context = m.context
WHERE m.n = $1
ORDER BY m.count DESC, m.next_char"#,
    timescaledb: None,
    sqlite: r#"SELECT m.next_char,
       m.count,
       t.total_count
FROM markov_ngrams m
INNER JOIN (
    SELECT context, sum(count) AS total_count
    FROM markov_ngrams
    WHERE n = ?1 AND context = ?2
    GROUP BY context
) t ON t.context = m.context
WHERE m.n = ?1
ORDER BY m.count DESC, m.next_char"#,
};

/// Total successor count and number of distinct successors of every context of the order-n model,
/// the denominators for SetMarkovProbability.
///
/// ```sql
/// SELECT context, sum(count) AS total_count, count(*) AS successor_count
/// FROM markov_ngrams
/// WHERE n = @n
/// GROUP BY context
/// ORDER BY context
/// ```
pub const LIST_MARKOV_CONTEXT_TOTALS: Query = Query {
    name: "ListMarkovContextTotals",
    postgres: r#"SELECT context, sum(count) AS total_count, count(*) AS successor_count
FROM markov_ngrams
WHERE n = $1
GROUP BY context
ORDER BY context"#,
    timescaledb: None,
    sqlite: r#"SELECT context, sum(count) AS total_count, count(*) AS successor_count
FROM markov_ngrams
WHERE n = ?1
GROUP BY context
ORDER BY context"#,
};

/// Store the computed probability of one n-gram.
///
/// ```sql
/// UPDATE markov_ngrams
/// SET probability = @probability
/// WHERE id = @id
/// ```
pub const SET_MARKOV_PROBABILITY: Query = Query {
    name: "SetMarkovProbability",
    postgres: r#"UPDATE markov_ngrams
SET probability = $1
WHERE id = $2"#,
    timescaledb: None,
    sqlite: r#"UPDATE markov_ngrams
SET probability = ?1
WHERE id = ?2"#,
};

/// Drop the order-n Markov model; returns the number of n-grams deleted.
///
/// ```sql
/// DELETE FROM markov_ngrams
/// WHERE n = @n
/// ```
pub const CLEAR_MARKOV_MODEL: Query = Query {
    name: "ClearMarkovModel",
    postgres: r#"DELETE FROM markov_ngrams
WHERE n = $1"#,
    timescaledb: None,
    sqlite: r#"DELETE FROM markov_ngrams
WHERE n = ?1"#,
};

/// The app's current schema version (the one applied last), if any.
///
/// ```sql
/// SELECT version, description, applied_at
/// FROM schema_version
/// ORDER BY applied_at DESC, version DESC
/// LIMIT 1
/// ```
pub const GET_SCHEMA_VERSION: Query = Query {
    name: "GetSchemaVersion",
    postgres: r#"SELECT version, description, applied_at
FROM schema_version
ORDER BY applied_at DESC, version DESC
LIMIT 1"#,
    timescaledb: None,
    sqlite: r#"SELECT version, description, applied_at
FROM schema_version
ORDER BY applied_at DESC, version DESC
LIMIT 1"#,
};

/// Record that a schema version was applied; does nothing if it is already recorded.
///
/// ```sql
/// INSERT INTO schema_version (version, description)
/// VALUES (@version, sqlc.narg(description))
/// ON CONFLICT (version) DO NOTHING
/// ```
pub const INSERT_SCHEMA_VERSION: Query = Query {
    name: "InsertSchemaVersion",
    postgres: r#"INSERT INTO schema_version (version, description)
VALUES ($1, $2)
ON CONFLICT (version) DO NOTHING"#,
    timescaledb: None,
    sqlite: r#"INSERT INTO schema_version (version, description)
VALUES (?1, ?2)
ON CONFLICT (version) DO NOTHING"#,
};

/// The queries on the rusqlite backend.
#[cfg(feature = "rusqlite")]
pub mod sqlite {
    use super::*;
    use crate::runtime::sqlite::{Call, Native};
    use crate::runtime::Error;

    /// Create a neural network configuration; fails if the name is taken (see UpsertNeuralConfigByName).
    ///
    /// The SQL: [`CREATE_NEURAL_CONFIG`](super::CREATE_NEURAL_CONFIG).
    #[inline]
    pub fn create_neural_config(
        conn: &rusqlite::Connection,
        name: &str,
        config: &dbtool_reference_types::NeuralConfig,
    ) -> Result<tables::NeuralConfigsRow, Error> {
        let mut call = Call::new(conn, &CREATE_NEURAL_CONFIG)?;
        call.bind(&name)?;
        call.bind(&Native(&config))?;
        call.one()
    }

    /// Create a neural network configuration; fails if the name is taken (see UpsertNeuralConfigByName).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`CREATE_NEURAL_CONFIG`](super::CREATE_NEURAL_CONFIG).
    #[inline]
    pub fn create_neural_config_opt(
        conn: &rusqlite::Connection,
        name: &str,
        config: &dbtool_reference_types::NeuralConfig,
    ) -> Result<Option<tables::NeuralConfigsRow>, Error> {
        let mut call = Call::new(conn, &CREATE_NEURAL_CONFIG)?;
        call.bind(&name)?;
        call.bind(&Native(&config))?;
        call.opt()
    }

    /// Create the configuration with this name, or replace its JSON if it exists; returns the row.
    ///
    /// The SQL: [`UPSERT_NEURAL_CONFIG_BY_NAME`](super::UPSERT_NEURAL_CONFIG_BY_NAME).
    #[inline]
    pub fn upsert_neural_config_by_name(
        conn: &rusqlite::Connection,
        name: &str,
        config: &dbtool_reference_types::NeuralConfig,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<tables::NeuralConfigsRow, Error> {
        let mut call = Call::new(conn, &UPSERT_NEURAL_CONFIG_BY_NAME)?;
        call.bind(&name)?;
        call.bind(&Native(&config))?;
        call.bind(&now)?;
        call.one()
    }

    /// Create the configuration with this name, or replace its JSON if it exists; returns the row.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`UPSERT_NEURAL_CONFIG_BY_NAME`](super::UPSERT_NEURAL_CONFIG_BY_NAME).
    #[inline]
    pub fn upsert_neural_config_by_name_opt(
        conn: &rusqlite::Connection,
        name: &str,
        config: &dbtool_reference_types::NeuralConfig,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<tables::NeuralConfigsRow>, Error> {
        let mut call = Call::new(conn, &UPSERT_NEURAL_CONFIG_BY_NAME)?;
        call.bind(&name)?;
        call.bind(&Native(&config))?;
        call.bind(&now)?;
        call.opt()
    }

    /// One neural configuration by id.
    ///
    /// The SQL: [`GET_NEURAL_CONFIG`](super::GET_NEURAL_CONFIG).
    #[inline]
    pub fn get_neural_config(
        conn: &rusqlite::Connection,
        id: dbtool_reference_types::NeuralConfigId,
    ) -> Result<tables::NeuralConfigsRow, Error> {
        let mut call = Call::new(conn, &GET_NEURAL_CONFIG)?;
        call.bind(&Native(&id))?;
        call.one()
    }

    /// One neural configuration by id.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_NEURAL_CONFIG`](super::GET_NEURAL_CONFIG).
    #[inline]
    pub fn get_neural_config_opt(
        conn: &rusqlite::Connection,
        id: dbtool_reference_types::NeuralConfigId,
    ) -> Result<Option<tables::NeuralConfigsRow>, Error> {
        let mut call = Call::new(conn, &GET_NEURAL_CONFIG)?;
        call.bind(&Native(&id))?;
        call.opt()
    }

    /// One neural configuration by its unique name.
    ///
    /// The SQL: [`GET_NEURAL_CONFIG_BY_NAME`](super::GET_NEURAL_CONFIG_BY_NAME).
    #[inline]
    pub fn get_neural_config_by_name(
        conn: &rusqlite::Connection,
        name: &str,
    ) -> Result<tables::NeuralConfigsRow, Error> {
        let mut call = Call::new(conn, &GET_NEURAL_CONFIG_BY_NAME)?;
        call.bind(&name)?;
        call.one()
    }

    /// One neural configuration by its unique name.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_NEURAL_CONFIG_BY_NAME`](super::GET_NEURAL_CONFIG_BY_NAME).
    #[inline]
    pub fn get_neural_config_by_name_opt(
        conn: &rusqlite::Connection,
        name: &str,
    ) -> Result<Option<tables::NeuralConfigsRow>, Error> {
        let mut call = Call::new(conn, &GET_NEURAL_CONFIG_BY_NAME)?;
        call.bind(&name)?;
        call.opt()
    }

    /// Every neural configuration, by name.
    ///
    /// The SQL: [`LIST_NEURAL_CONFIGS`](super::LIST_NEURAL_CONFIGS).
    #[inline]
    pub fn list_neural_configs(
        conn: &rusqlite::Connection,
    ) -> Result<Vec<tables::NeuralConfigsRow>, Error> {
        let call = Call::new(conn, &LIST_NEURAL_CONFIGS)?;
        call.many()
    }

    /// Every neural configuration, by name.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_NEURAL_CONFIGS`](super::LIST_NEURAL_CONFIGS).
    #[inline]
    pub fn list_neural_configs_for_each(
        conn: &rusqlite::Connection,
        f: impl FnMut(tables::NeuralConfigsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let call = Call::new(conn, &LIST_NEURAL_CONFIGS)?;
        call.for_each(f)
    }

    /// Replace the JSON of a configuration; returns the updated row (none if the id is unknown).
    ///
    /// The SQL: [`UPDATE_NEURAL_CONFIG`](super::UPDATE_NEURAL_CONFIG).
    #[inline]
    pub fn update_neural_config(
        conn: &rusqlite::Connection,
        config: &dbtool_reference_types::NeuralConfig,
        now: chrono::DateTime<chrono::Utc>,
        id: dbtool_reference_types::NeuralConfigId,
    ) -> Result<tables::NeuralConfigsRow, Error> {
        let mut call = Call::new(conn, &UPDATE_NEURAL_CONFIG)?;
        call.bind(&Native(&config))?;
        call.bind(&now)?;
        call.bind(&Native(&id))?;
        call.one()
    }

    /// Replace the JSON of a configuration; returns the updated row (none if the id is unknown).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`UPDATE_NEURAL_CONFIG`](super::UPDATE_NEURAL_CONFIG).
    #[inline]
    pub fn update_neural_config_opt(
        conn: &rusqlite::Connection,
        config: &dbtool_reference_types::NeuralConfig,
        now: chrono::DateTime<chrono::Utc>,
        id: dbtool_reference_types::NeuralConfigId,
    ) -> Result<Option<tables::NeuralConfigsRow>, Error> {
        let mut call = Call::new(conn, &UPDATE_NEURAL_CONFIG)?;
        call.bind(&Native(&config))?;
        call.bind(&now)?;
        call.bind(&Native(&id))?;
        call.opt()
    }

    /// Delete a configuration; its training jobs keep running with neural_config_id set to NULL.
    ///
    /// The SQL: [`DELETE_NEURAL_CONFIG`](super::DELETE_NEURAL_CONFIG).
    #[inline]
    pub fn delete_neural_config(
        conn: &rusqlite::Connection,
        id: dbtool_reference_types::NeuralConfigId,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &DELETE_NEURAL_CONFIG)?;
        call.bind(&Native(&id))?;
        call.execrows()
    }

    /// Add a text to the training corpus; word and char counts are computed by the caller.
    ///
    /// The SQL: [`ADD_CORPUS_TEXT`](super::ADD_CORPUS_TEXT).
    #[inline]
    pub fn add_corpus_text(
        conn: &rusqlite::Connection,
        params: &AddCorpusTextParams<'_>,
    ) -> Result<AddCorpusTextRow, Error> {
        let mut call = Call::new(conn, &ADD_CORPUS_TEXT)?;
        call.bind(&params.title)?;
        call.bind(&params.content)?;
        call.bind(&params.source_url)?;
        call.bind(&params.metadata)?;
        call.bind(&params.word_count)?;
        call.bind(&params.char_count)?;
        call.one()
    }

    /// Add a text to the training corpus; word and char counts are computed by the caller.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`ADD_CORPUS_TEXT`](super::ADD_CORPUS_TEXT).
    #[inline]
    pub fn add_corpus_text_opt(
        conn: &rusqlite::Connection,
        params: &AddCorpusTextParams<'_>,
    ) -> Result<Option<AddCorpusTextRow>, Error> {
        let mut call = Call::new(conn, &ADD_CORPUS_TEXT)?;
        call.bind(&params.title)?;
        call.bind(&params.content)?;
        call.bind(&params.source_url)?;
        call.bind(&params.metadata)?;
        call.bind(&params.word_count)?;
        call.bind(&params.char_count)?;
        call.opt()
    }

    /// One corpus text, with its content.
    ///
    /// The SQL: [`GET_CORPUS_TEXT`](super::GET_CORPUS_TEXT).
    #[inline]
    pub fn get_corpus_text(
        conn: &rusqlite::Connection,
        id: i64,
    ) -> Result<tables::TextCorpusRow, Error> {
        let mut call = Call::new(conn, &GET_CORPUS_TEXT)?;
        call.bind(&id)?;
        call.one()
    }

    /// One corpus text, with its content.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_CORPUS_TEXT`](super::GET_CORPUS_TEXT).
    #[inline]
    pub fn get_corpus_text_opt(
        conn: &rusqlite::Connection,
        id: i64,
    ) -> Result<Option<tables::TextCorpusRow>, Error> {
        let mut call = Call::new(conn, &GET_CORPUS_TEXT)?;
        call.bind(&id)?;
        call.opt()
    }

    /// Corpus texts without their content, newest first, one page at a time.
    ///
    /// The SQL: [`LIST_CORPUS_TEXTS`](super::LIST_CORPUS_TEXTS).
    #[inline]
    pub fn list_corpus_texts(
        conn: &rusqlite::Connection,
        max_rows: i64,
        skip_rows: i64,
    ) -> Result<Vec<ListCorpusTextsRow>, Error> {
        let mut call = Call::new(conn, &LIST_CORPUS_TEXTS)?;
        call.bind(&max_rows)?;
        call.bind(&skip_rows)?;
        call.many()
    }

    /// Corpus texts without their content, newest first, one page at a time.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CORPUS_TEXTS`](super::LIST_CORPUS_TEXTS).
    #[inline]
    pub fn list_corpus_texts_for_each(
        conn: &rusqlite::Connection,
        max_rows: i64,
        skip_rows: i64,
        f: impl FnMut(ListCorpusTextsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_CORPUS_TEXTS)?;
        call.bind(&max_rows)?;
        call.bind(&skip_rows)?;
        call.for_each(f)
    }

    /// Replace a corpus text and its metadata.
    ///
    /// The SQL: [`UPDATE_CORPUS_TEXT`](super::UPDATE_CORPUS_TEXT).
    #[inline]
    pub fn update_corpus_text(
        conn: &rusqlite::Connection,
        params: &UpdateCorpusTextParams<'_>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &UPDATE_CORPUS_TEXT)?;
        call.bind(&params.title)?;
        call.bind(&params.content)?;
        call.bind(&params.source_url)?;
        call.bind(&params.metadata)?;
        call.bind(&params.word_count)?;
        call.bind(&params.char_count)?;
        call.bind(&params.id)?;
        call.execrows()
    }

    /// Delete a corpus text; training jobs that used it keep text_corpus_id NULL.
    ///
    /// The SQL: [`DELETE_CORPUS_TEXT`](super::DELETE_CORPUS_TEXT).
    #[inline]
    pub fn delete_corpus_text(conn: &rusqlite::Connection, id: i64) -> Result<u64, Error> {
        let mut call = Call::new(conn, &DELETE_CORPUS_TEXT)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Corpus texts taken from exactly this URL, newest first (uses idx_text_corpus_source).
    ///
    /// The SQL: [`LIST_CORPUS_TEXTS_BY_SOURCE_URL`](super::LIST_CORPUS_TEXTS_BY_SOURCE_URL).
    #[inline]
    pub fn list_corpus_texts_by_source_url(
        conn: &rusqlite::Connection,
        source_url: &str,
    ) -> Result<Vec<ListCorpusTextsBySourceUrlRow>, Error> {
        let mut call = Call::new(conn, &LIST_CORPUS_TEXTS_BY_SOURCE_URL)?;
        call.bind(&source_url)?;
        call.many()
    }

    /// Corpus texts taken from exactly this URL, newest first (uses idx_text_corpus_source).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CORPUS_TEXTS_BY_SOURCE_URL`](super::LIST_CORPUS_TEXTS_BY_SOURCE_URL).
    #[inline]
    pub fn list_corpus_texts_by_source_url_for_each(
        conn: &rusqlite::Connection,
        source_url: &str,
        f: impl FnMut(ListCorpusTextsBySourceUrlRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_CORPUS_TEXTS_BY_SOURCE_URL)?;
        call.bind(&source_url)?;
        call.for_each(f)
    }

    /// Corpus texts whose URL matches a LIKE pattern ('%' and '_' are wildcards), case-insensitively
    /// on both engines, newest first.
    ///
    /// The SQL: [`SEARCH_CORPUS_TEXTS_BY_SOURCE_URL`](super::SEARCH_CORPUS_TEXTS_BY_SOURCE_URL).
    #[inline]
    pub fn search_corpus_texts_by_source_url(
        conn: &rusqlite::Connection,
        source_url_pattern: &str,
        max_rows: i64,
    ) -> Result<Vec<SearchCorpusTextsBySourceUrlRow>, Error> {
        let mut call = Call::new(conn, &SEARCH_CORPUS_TEXTS_BY_SOURCE_URL)?;
        call.bind(&source_url_pattern)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// Corpus texts whose URL matches a LIKE pattern ('%' and '_' are wildcards), case-insensitively
    /// on both engines, newest first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SEARCH_CORPUS_TEXTS_BY_SOURCE_URL`](super::SEARCH_CORPUS_TEXTS_BY_SOURCE_URL).
    #[inline]
    pub fn search_corpus_texts_by_source_url_for_each(
        conn: &rusqlite::Connection,
        source_url_pattern: &str,
        max_rows: i64,
        f: impl FnMut(SearchCorpusTextsBySourceUrlRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &SEARCH_CORPUS_TEXTS_BY_SOURCE_URL)?;
        call.bind(&source_url_pattern)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Full-text search of title and content for a phrase, best match first. Portable fallback: a
    /// case-insensitive substring match, newest first. Overridden for sqlite (FTS5 text_corpus_fts)
    /// and postgres (the GIN tsvector index), which rank by relevance.
    ///
    /// The SQL: [`SEARCH_CORPUS_TEXT`](super::SEARCH_CORPUS_TEXT).
    #[inline]
    pub fn search_corpus_text(
        conn: &rusqlite::Connection,
        query: &str,
        max_rows: i64,
    ) -> Result<Vec<SearchCorpusTextRow>, Error> {
        let mut call = Call::new(conn, &SEARCH_CORPUS_TEXT)?;
        call.bind(&query)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// Full-text search of title and content for a phrase, best match first. Portable fallback: a
    /// case-insensitive substring match, newest first. Overridden for sqlite (FTS5 text_corpus_fts)
    /// and postgres (the GIN tsvector index), which rank by relevance.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SEARCH_CORPUS_TEXT`](super::SEARCH_CORPUS_TEXT).
    #[inline]
    pub fn search_corpus_text_for_each(
        conn: &rusqlite::Connection,
        query: &str,
        max_rows: i64,
        f: impl FnMut(SearchCorpusTextRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &SEARCH_CORPUS_TEXT)?;
        call.bind(&query)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Size of the training corpus for the dashboard. On PostgreSQL corpus_stats is a materialized
    /// view: it is as fresh as its last REFRESH.
    ///
    /// The SQL: [`GET_CORPUS_STATS`](super::GET_CORPUS_STATS).
    #[inline]
    pub fn get_corpus_stats(conn: &rusqlite::Connection) -> Result<GetCorpusStatsRow, Error> {
        let call = Call::new(conn, &GET_CORPUS_STATS)?;
        call.one()
    }

    /// Size of the training corpus for the dashboard. On PostgreSQL corpus_stats is a materialized
    /// view: it is as fresh as its last REFRESH.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_CORPUS_STATS`](super::GET_CORPUS_STATS).
    #[inline]
    pub fn get_corpus_stats_opt(
        conn: &rusqlite::Connection,
    ) -> Result<Option<GetCorpusStatsRow>, Error> {
        let call = Call::new(conn, &GET_CORPUS_STATS)?;
        call.opt()
    }

    /// Create a pending training job of a configuration over a corpus text (either may be NULL).
    ///
    /// The SQL: [`CREATE_TRAINING_JOB`](super::CREATE_TRAINING_JOB).
    #[inline]
    pub fn create_training_job(
        conn: &rusqlite::Connection,
        job_id: &str,
        neural_config_id: Option<dbtool_reference_types::NeuralConfigId>,
        text_corpus_id: Option<i64>,
    ) -> Result<CreateTrainingJobRow, Error> {
        let mut call = Call::new(conn, &CREATE_TRAINING_JOB)?;
        call.bind(&job_id)?;
        call.bind(&Native(&neural_config_id))?;
        call.bind(&text_corpus_id)?;
        call.one()
    }

    /// Create a pending training job of a configuration over a corpus text (either may be NULL).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`CREATE_TRAINING_JOB`](super::CREATE_TRAINING_JOB).
    #[inline]
    pub fn create_training_job_opt(
        conn: &rusqlite::Connection,
        job_id: &str,
        neural_config_id: Option<dbtool_reference_types::NeuralConfigId>,
        text_corpus_id: Option<i64>,
    ) -> Result<Option<CreateTrainingJobRow>, Error> {
        let mut call = Call::new(conn, &CREATE_TRAINING_JOB)?;
        call.bind(&job_id)?;
        call.bind(&Native(&neural_config_id))?;
        call.bind(&text_corpus_id)?;
        call.opt()
    }

    /// Set the status, progress (0..100), message and error of a job, by its external job_id.
    ///
    /// The SQL: [`UPDATE_TRAINING_JOB_STATUS`](super::UPDATE_TRAINING_JOB_STATUS).
    #[inline]
    pub fn update_training_job_status(
        conn: &rusqlite::Connection,
        params: &UpdateTrainingJobStatusParams<'_>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &UPDATE_TRAINING_JOB_STATUS)?;
        call.bind(&params.status)?;
        call.bind(&params.progress)?;
        call.bind(&params.message)?;
        call.bind(&params.error)?;
        call.bind(&params.job_id)?;
        call.execrows()
    }

    /// Move a pending job to running and record when it started; 0 rows if it was not pending.
    ///
    /// The SQL: [`MARK_TRAINING_JOB_STARTED`](super::MARK_TRAINING_JOB_STARTED).
    #[inline]
    pub fn mark_training_job_started(
        conn: &rusqlite::Connection,
        started_at: Option<chrono::DateTime<chrono::Utc>>,
        job_id: &str,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &MARK_TRAINING_JOB_STARTED)?;
        call.bind(&started_at)?;
        call.bind(&job_id)?;
        call.execrows()
    }

    /// Finish a job that is still pending or running with a final status (completed, failed or
    /// cancelled) and an optional error; 0 rows if it had already finished.
    ///
    /// The SQL: [`MARK_TRAINING_JOB_FINISHED`](super::MARK_TRAINING_JOB_FINISHED).
    #[inline]
    pub fn mark_training_job_finished(
        conn: &rusqlite::Connection,
        status: crate::enums::TrainingStatus,
        error: Option<&str>,
        completed_at: Option<chrono::DateTime<chrono::Utc>>,
        job_id: &str,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &MARK_TRAINING_JOB_FINISHED)?;
        call.bind(&status)?;
        call.bind(&error)?;
        call.bind(&completed_at)?;
        call.bind(&job_id)?;
        call.execrows()
    }

    /// One job by its external job_id, with the names of its configuration and corpus text (NULL when
    /// they were deleted or never set).
    ///
    /// The SQL: [`GET_TRAINING_JOB_BY_JOB_ID`](super::GET_TRAINING_JOB_BY_JOB_ID).
    #[inline]
    pub fn get_training_job_by_job_id(
        conn: &rusqlite::Connection,
        job_id: &str,
    ) -> Result<GetTrainingJobByJobIdRow, Error> {
        let mut call = Call::new(conn, &GET_TRAINING_JOB_BY_JOB_ID)?;
        call.bind(&job_id)?;
        call.one()
    }

    /// One job by its external job_id, with the names of its configuration and corpus text (NULL when
    /// they were deleted or never set).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_TRAINING_JOB_BY_JOB_ID`](super::GET_TRAINING_JOB_BY_JOB_ID).
    #[inline]
    pub fn get_training_job_by_job_id_opt(
        conn: &rusqlite::Connection,
        job_id: &str,
    ) -> Result<Option<GetTrainingJobByJobIdRow>, Error> {
        let mut call = Call::new(conn, &GET_TRAINING_JOB_BY_JOB_ID)?;
        call.bind(&job_id)?;
        call.opt()
    }

    /// The newest jobs, optionally of one status only (NULL for all), with configuration and corpus
    /// names.
    ///
    /// The SQL: [`LIST_TRAINING_JOBS`](super::LIST_TRAINING_JOBS).
    #[inline]
    pub fn list_training_jobs(
        conn: &rusqlite::Connection,
        status: Option<crate::enums::TrainingStatus>,
        max_rows: i64,
    ) -> Result<Vec<ListTrainingJobsRow>, Error> {
        let mut call = Call::new(conn, &LIST_TRAINING_JOBS)?;
        call.bind(&status)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// The newest jobs, optionally of one status only (NULL for all), with configuration and corpus
    /// names.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_TRAINING_JOBS`](super::LIST_TRAINING_JOBS).
    #[inline]
    pub fn list_training_jobs_for_each(
        conn: &rusqlite::Connection,
        status: Option<crate::enums::TrainingStatus>,
        max_rows: i64,
        f: impl FnMut(ListTrainingJobsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_TRAINING_JOBS)?;
        call.bind(&status)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Number of jobs per status, in life-cycle order (an enum sorts by declaration on PostgreSQL but
    /// alphabetically on SQLite, hence the explicit CASE).
    ///
    /// The SQL: [`COUNT_TRAINING_JOBS_BY_STATUS`](super::COUNT_TRAINING_JOBS_BY_STATUS).
    #[inline]
    pub fn count_training_jobs_by_status(
        conn: &rusqlite::Connection,
    ) -> Result<Vec<CountTrainingJobsByStatusRow>, Error> {
        let call = Call::new(conn, &COUNT_TRAINING_JOBS_BY_STATUS)?;
        call.many()
    }

    /// Number of jobs per status, in life-cycle order (an enum sorts by declaration on PostgreSQL but
    /// alphabetically on SQLite, hence the explicit CASE).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`COUNT_TRAINING_JOBS_BY_STATUS`](super::COUNT_TRAINING_JOBS_BY_STATUS).
    #[inline]
    pub fn count_training_jobs_by_status_for_each(
        conn: &rusqlite::Connection,
        f: impl FnMut(CountTrainingJobsByStatusRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let call = Call::new(conn, &COUNT_TRAINING_JOBS_BY_STATUS)?;
        call.for_each(f)
    }

    /// Save a checkpoint. At most one checkpoint may be the best (a partial unique index): to insert
    /// one with is_best TRUE, run ClearBestCheckpoint first in the same transaction.
    ///
    /// The SQL: [`CREATE_CHECKPOINT`](super::CREATE_CHECKPOINT).
    #[inline]
    pub fn create_checkpoint(
        conn: &rusqlite::Connection,
        params: &CreateCheckpointParams<'_>,
    ) -> Result<CreateCheckpointRow, Error> {
        let mut call = Call::new(conn, &CREATE_CHECKPOINT)?;
        call.bind(&params.epochs)?;
        call.bind(&params.block_size)?;
        call.bind(&params.path)?;
        call.bind(&params.loss)?;
        call.bind(&params.accuracy)?;
        call.bind(&params.notes)?;
        call.bind(&params.training_job_id)?;
        call.bind(&params.is_best)?;
        call.one()
    }

    /// Save a checkpoint. At most one checkpoint may be the best (a partial unique index): to insert
    /// one with is_best TRUE, run ClearBestCheckpoint first in the same transaction.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`CREATE_CHECKPOINT`](super::CREATE_CHECKPOINT).
    #[inline]
    pub fn create_checkpoint_opt(
        conn: &rusqlite::Connection,
        params: &CreateCheckpointParams<'_>,
    ) -> Result<Option<CreateCheckpointRow>, Error> {
        let mut call = Call::new(conn, &CREATE_CHECKPOINT)?;
        call.bind(&params.epochs)?;
        call.bind(&params.block_size)?;
        call.bind(&params.path)?;
        call.bind(&params.loss)?;
        call.bind(&params.accuracy)?;
        call.bind(&params.notes)?;
        call.bind(&params.training_job_id)?;
        call.bind(&params.is_best)?;
        call.opt()
    }

    /// Un-mark the current best checkpoint, if any.
    ///
    /// The SQL: [`CLEAR_BEST_CHECKPOINT`](super::CLEAR_BEST_CHECKPOINT).
    #[inline]
    pub fn clear_best_checkpoint(conn: &rusqlite::Connection) -> Result<u64, Error> {
        let call = Call::new(conn, &CLEAR_BEST_CHECKPOINT)?;
        call.execrows()
    }

    /// Mark one checkpoint as the best; run ClearBestCheckpoint first in the same transaction.
    ///
    /// The SQL: [`MARK_CHECKPOINT_BEST`](super::MARK_CHECKPOINT_BEST).
    #[inline]
    pub fn mark_checkpoint_best(conn: &rusqlite::Connection, id: i64) -> Result<u64, Error> {
        let mut call = Call::new(conn, &MARK_CHECKPOINT_BEST)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// One checkpoint by id.
    ///
    /// The SQL: [`GET_CHECKPOINT`](super::GET_CHECKPOINT).
    #[inline]
    pub fn get_checkpoint(
        conn: &rusqlite::Connection,
        id: i64,
    ) -> Result<tables::NeuralCheckpointsRow, Error> {
        let mut call = Call::new(conn, &GET_CHECKPOINT)?;
        call.bind(&id)?;
        call.one()
    }

    /// One checkpoint by id.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_CHECKPOINT`](super::GET_CHECKPOINT).
    #[inline]
    pub fn get_checkpoint_opt(
        conn: &rusqlite::Connection,
        id: i64,
    ) -> Result<Option<tables::NeuralCheckpointsRow>, Error> {
        let mut call = Call::new(conn, &GET_CHECKPOINT)?;
        call.bind(&id)?;
        call.opt()
    }

    /// The checkpoint marked best, if any.
    ///
    /// The SQL: [`GET_BEST_CHECKPOINT`](super::GET_BEST_CHECKPOINT).
    #[inline]
    pub fn get_best_checkpoint(
        conn: &rusqlite::Connection,
    ) -> Result<tables::NeuralCheckpointsRow, Error> {
        let call = Call::new(conn, &GET_BEST_CHECKPOINT)?;
        call.one()
    }

    /// The checkpoint marked best, if any.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_BEST_CHECKPOINT`](super::GET_BEST_CHECKPOINT).
    #[inline]
    pub fn get_best_checkpoint_opt(
        conn: &rusqlite::Connection,
    ) -> Result<Option<tables::NeuralCheckpointsRow>, Error> {
        let call = Call::new(conn, &GET_BEST_CHECKPOINT)?;
        call.opt()
    }

    /// The newest checkpoint, if any.
    ///
    /// The SQL: [`GET_LATEST_CHECKPOINT`](super::GET_LATEST_CHECKPOINT).
    #[inline]
    pub fn get_latest_checkpoint(
        conn: &rusqlite::Connection,
    ) -> Result<tables::NeuralCheckpointsRow, Error> {
        let call = Call::new(conn, &GET_LATEST_CHECKPOINT)?;
        call.one()
    }

    /// The newest checkpoint, if any.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_LATEST_CHECKPOINT`](super::GET_LATEST_CHECKPOINT).
    #[inline]
    pub fn get_latest_checkpoint_opt(
        conn: &rusqlite::Connection,
    ) -> Result<Option<tables::NeuralCheckpointsRow>, Error> {
        let call = Call::new(conn, &GET_LATEST_CHECKPOINT)?;
        call.opt()
    }

    /// The newest checkpoints with the job_id of the training job that produced them (NULL if none).
    ///
    /// The SQL: [`LIST_CHECKPOINTS`](super::LIST_CHECKPOINTS).
    #[inline]
    pub fn list_checkpoints(
        conn: &rusqlite::Connection,
        max_rows: i64,
    ) -> Result<Vec<ListCheckpointsRow>, Error> {
        let mut call = Call::new(conn, &LIST_CHECKPOINTS)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// The newest checkpoints with the job_id of the training job that produced them (NULL if none).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CHECKPOINTS`](super::LIST_CHECKPOINTS).
    #[inline]
    pub fn list_checkpoints_for_each(
        conn: &rusqlite::Connection,
        max_rows: i64,
        f: impl FnMut(ListCheckpointsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_CHECKPOINTS)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Record one accuracy measurement, optionally of a checkpoint.
    ///
    /// The SQL: [`RECORD_ACCURACY_METRIC`](super::RECORD_ACCURACY_METRIC).
    #[inline]
    pub fn record_accuracy_metric(
        conn: &rusqlite::Connection,
        metric_type: &str,
        value: f64,
        metadata: Option<&serde_json::Value>,
        model_checkpoint_id: Option<i64>,
    ) -> Result<RecordAccuracyMetricRow, Error> {
        let mut call = Call::new(conn, &RECORD_ACCURACY_METRIC)?;
        call.bind(&metric_type)?;
        call.bind(&value)?;
        call.bind(&metadata)?;
        call.bind(&model_checkpoint_id)?;
        call.one()
    }

    /// Record one accuracy measurement, optionally of a checkpoint.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`RECORD_ACCURACY_METRIC`](super::RECORD_ACCURACY_METRIC).
    #[inline]
    pub fn record_accuracy_metric_opt(
        conn: &rusqlite::Connection,
        metric_type: &str,
        value: f64,
        metadata: Option<&serde_json::Value>,
        model_checkpoint_id: Option<i64>,
    ) -> Result<Option<RecordAccuracyMetricRow>, Error> {
        let mut call = Call::new(conn, &RECORD_ACCURACY_METRIC)?;
        call.bind(&metric_type)?;
        call.bind(&value)?;
        call.bind(&metadata)?;
        call.bind(&model_checkpoint_id)?;
        call.opt()
    }

    /// The measurements of one checkpoint, oldest first.
    ///
    /// The SQL: [`LIST_ACCURACY_METRICS_FOR_CHECKPOINT`](super::LIST_ACCURACY_METRICS_FOR_CHECKPOINT).
    #[inline]
    pub fn list_accuracy_metrics_for_checkpoint(
        conn: &rusqlite::Connection,
        model_checkpoint_id: i64,
    ) -> Result<Vec<ListAccuracyMetricsForCheckpointRow>, Error> {
        let mut call = Call::new(conn, &LIST_ACCURACY_METRICS_FOR_CHECKPOINT)?;
        call.bind(&model_checkpoint_id)?;
        call.many()
    }

    /// The measurements of one checkpoint, oldest first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_ACCURACY_METRICS_FOR_CHECKPOINT`](super::LIST_ACCURACY_METRICS_FOR_CHECKPOINT).
    #[inline]
    pub fn list_accuracy_metrics_for_checkpoint_for_each(
        conn: &rusqlite::Connection,
        model_checkpoint_id: i64,
        f: impl FnMut(ListAccuracyMetricsForCheckpointRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_ACCURACY_METRICS_FOR_CHECKPOINT)?;
        call.bind(&model_checkpoint_id)?;
        call.for_each(f)
    }

    /// The newest measurements, optionally of one metric type and/or one checkpoint (NULL for all).
    ///
    /// The SQL: [`LIST_ACCURACY_METRICS`](super::LIST_ACCURACY_METRICS).
    #[inline]
    pub fn list_accuracy_metrics(
        conn: &rusqlite::Connection,
        metric_type: Option<&str>,
        model_checkpoint_id: Option<i64>,
        max_rows: i64,
    ) -> Result<Vec<tables::AccuracyMetricsRow>, Error> {
        let mut call = Call::new(conn, &LIST_ACCURACY_METRICS)?;
        call.bind(&metric_type)?;
        call.bind(&model_checkpoint_id)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// The newest measurements, optionally of one metric type and/or one checkpoint (NULL for all).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_ACCURACY_METRICS`](super::LIST_ACCURACY_METRICS).
    #[inline]
    pub fn list_accuracy_metrics_for_each(
        conn: &rusqlite::Connection,
        metric_type: Option<&str>,
        model_checkpoint_id: Option<i64>,
        max_rows: i64,
        f: impl FnMut(tables::AccuracyMetricsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_ACCURACY_METRICS)?;
        call.bind(&metric_type)?;
        call.bind(&model_checkpoint_id)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Count, mean, range and recency of every metric type.
    ///
    /// The SQL: [`SUMMARIZE_ACCURACY_BY_TYPE`](super::SUMMARIZE_ACCURACY_BY_TYPE).
    #[inline]
    pub fn summarize_accuracy_by_type(
        conn: &rusqlite::Connection,
    ) -> Result<Vec<SummarizeAccuracyByTypeRow>, Error> {
        let call = Call::new(conn, &SUMMARIZE_ACCURACY_BY_TYPE)?;
        call.many()
    }

    /// Count, mean, range and recency of every metric type.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_ACCURACY_BY_TYPE`](super::SUMMARIZE_ACCURACY_BY_TYPE).
    #[inline]
    pub fn summarize_accuracy_by_type_for_each(
        conn: &rusqlite::Connection,
        f: impl FnMut(SummarizeAccuracyByTypeRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let call = Call::new(conn, &SUMMARIZE_ACCURACY_BY_TYPE)?;
        call.for_each(f)
    }

    /// Record one text generation with its parameters and automatic quality score.
    ///
    /// The SQL: [`RECORD_GENERATION`](super::RECORD_GENERATION).
    #[inline]
    pub fn record_generation(
        conn: &rusqlite::Connection,
        params: &RecordGenerationParams<'_>,
    ) -> Result<RecordGenerationRow, Error> {
        let mut call = Call::new(conn, &RECORD_GENERATION)?;
        call.bind(&params.prompt)?;
        call.bind(&params.response)?;
        call.bind(&params.model)?;
        call.bind(&params.parameters)?;
        call.bind(&params.quality_score)?;
        call.one()
    }

    /// Record one text generation with its parameters and automatic quality score.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`RECORD_GENERATION`](super::RECORD_GENERATION).
    #[inline]
    pub fn record_generation_opt(
        conn: &rusqlite::Connection,
        params: &RecordGenerationParams<'_>,
    ) -> Result<Option<RecordGenerationRow>, Error> {
        let mut call = Call::new(conn, &RECORD_GENERATION)?;
        call.bind(&params.prompt)?;
        call.bind(&params.response)?;
        call.bind(&params.model)?;
        call.bind(&params.parameters)?;
        call.bind(&params.quality_score)?;
        call.opt()
    }

    /// The newest generations, optionally of one model (NULL for all).
    ///
    /// The SQL: [`LIST_GENERATION_HISTORY`](super::LIST_GENERATION_HISTORY).
    #[inline]
    pub fn list_generation_history(
        conn: &rusqlite::Connection,
        model: Option<&str>,
        max_rows: i64,
    ) -> Result<Vec<tables::GenerationHistoryRow>, Error> {
        let mut call = Call::new(conn, &LIST_GENERATION_HISTORY)?;
        call.bind(&model)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// The newest generations, optionally of one model (NULL for all).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_GENERATION_HISTORY`](super::LIST_GENERATION_HISTORY).
    #[inline]
    pub fn list_generation_history_for_each(
        conn: &rusqlite::Connection,
        model: Option<&str>,
        max_rows: i64,
        f: impl FnMut(tables::GenerationHistoryRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_GENERATION_HISTORY)?;
        call.bind(&model)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Store the user's 1..5 rating of a generation.
    ///
    /// The SQL: [`RATE_GENERATION`](super::RATE_GENERATION).
    #[inline]
    pub fn rate_generation(
        conn: &rusqlite::Connection,
        user_rating: Option<i32>,
        id: i64,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &RATE_GENERATION)?;
        call.bind(&user_rating)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Delete the generations made before a cut-off; returns how many were deleted.
    ///
    /// The SQL: [`CLEAR_GENERATION_HISTORY_BEFORE`](super::CLEAR_GENERATION_HISTORY_BEFORE).
    #[inline]
    pub fn clear_generation_history_before(
        conn: &rusqlite::Connection,
        before: chrono::DateTime<chrono::Utc>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &CLEAR_GENERATION_HISTORY_BEFORE)?;
        call.bind(&before)?;
        call.execrows()
    }

    /// Generations, ratings and mean scores per model.
    ///
    /// The SQL: [`SUMMARIZE_GENERATIONS_BY_MODEL`](super::SUMMARIZE_GENERATIONS_BY_MODEL).
    #[inline]
    pub fn summarize_generations_by_model(
        conn: &rusqlite::Connection,
    ) -> Result<Vec<SummarizeGenerationsByModelRow>, Error> {
        let call = Call::new(conn, &SUMMARIZE_GENERATIONS_BY_MODEL)?;
        call.many()
    }

    /// Generations, ratings and mean scores per model.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_GENERATIONS_BY_MODEL`](super::SUMMARIZE_GENERATIONS_BY_MODEL).
    #[inline]
    pub fn summarize_generations_by_model_for_each(
        conn: &rusqlite::Connection,
        f: impl FnMut(SummarizeGenerationsByModelRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let call = Call::new(conn, &SUMMARIZE_GENERATIONS_BY_MODEL)?;
        call.for_each(f)
    }

    /// Add count occurrences of next_char after context to the order-n Markov model.
    ///
    /// The SQL: [`UPSERT_MARKOV_NGRAM`](super::UPSERT_MARKOV_NGRAM).
    #[inline]
    pub fn upsert_markov_ngram(
        conn: &rusqlite::Connection,
        n: i32,
        context: &str,
        next_char: &str,
        count: i32,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &UPSERT_MARKOV_NGRAM)?;
        call.bind(&n)?;
        call.bind(&context)?;
        call.bind(&next_char)?;
        call.bind(&count)?;
        call.exec()
    }

    /// The successors of a context in the order-n model, most frequent first.
    ///
    /// The SQL: [`LIST_MARKOV_NGRAMS`](super::LIST_MARKOV_NGRAMS).
    #[inline]
    pub fn list_markov_ngrams(
        conn: &rusqlite::Connection,
        n: i32,
        context: &str,
    ) -> Result<Vec<ListMarkovNgramsRow>, Error> {
        let mut call = Call::new(conn, &LIST_MARKOV_NGRAMS)?;
        call.bind(&n)?;
        call.bind(&context)?;
        call.many()
    }

    /// The successors of a context in the order-n model, most frequent first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_MARKOV_NGRAMS`](super::LIST_MARKOV_NGRAMS).
    #[inline]
    pub fn list_markov_ngrams_for_each(
        conn: &rusqlite::Connection,
        n: i32,
        context: &str,
        f: impl FnMut(ListMarkovNgramsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_MARKOV_NGRAMS)?;
        call.bind(&n)?;
        call.bind(&context)?;
        call.for_each(f)
    }

    /// The successors of a context with the context's total count, most frequent first: the live
    /// probability of a successor is count / total_count (divided in Rust, to stay a float on both
    /// engines; in SQL it would be numeric on PostgreSQL).
    ///
    /// The SQL: [`GET_MARKOV_NEXT_CHAR_PROBABILITIES`](super::GET_MARKOV_NEXT_CHAR_PROBABILITIES).
    #[inline]
    pub fn get_markov_next_char_probabilities(
        conn: &rusqlite::Connection,
        n: i32,
        context: &str,
    ) -> Result<Vec<GetMarkovNextCharProbabilitiesRow>, Error> {
        let mut call = Call::new(conn, &GET_MARKOV_NEXT_CHAR_PROBABILITIES)?;
        call.bind(&n)?;
        call.bind(&context)?;
        call.many()
    }

    /// The successors of a context with the context's total count, most frequent first: the live
    /// probability of a successor is count / total_count (divided in Rust, to stay a float on both
    /// engines; in SQL it would be numeric on PostgreSQL).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`GET_MARKOV_NEXT_CHAR_PROBABILITIES`](super::GET_MARKOV_NEXT_CHAR_PROBABILITIES).
    #[inline]
    pub fn get_markov_next_char_probabilities_for_each(
        conn: &rusqlite::Connection,
        n: i32,
        context: &str,
        f: impl FnMut(GetMarkovNextCharProbabilitiesRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &GET_MARKOV_NEXT_CHAR_PROBABILITIES)?;
        call.bind(&n)?;
        call.bind(&context)?;
        call.for_each(f)
    }

    /// Total successor count and number of distinct successors of every context of the order-n model,
    /// the denominators for SetMarkovProbability.
    ///
    /// The SQL: [`LIST_MARKOV_CONTEXT_TOTALS`](super::LIST_MARKOV_CONTEXT_TOTALS).
    #[inline]
    pub fn list_markov_context_totals(
        conn: &rusqlite::Connection,
        n: i32,
    ) -> Result<Vec<ListMarkovContextTotalsRow>, Error> {
        let mut call = Call::new(conn, &LIST_MARKOV_CONTEXT_TOTALS)?;
        call.bind(&n)?;
        call.many()
    }

    /// Total successor count and number of distinct successors of every context of the order-n model,
    /// the denominators for SetMarkovProbability.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_MARKOV_CONTEXT_TOTALS`](super::LIST_MARKOV_CONTEXT_TOTALS).
    #[inline]
    pub fn list_markov_context_totals_for_each(
        conn: &rusqlite::Connection,
        n: i32,
        f: impl FnMut(ListMarkovContextTotalsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(conn, &LIST_MARKOV_CONTEXT_TOTALS)?;
        call.bind(&n)?;
        call.for_each(f)
    }

    /// Store the computed probability of one n-gram.
    ///
    /// The SQL: [`SET_MARKOV_PROBABILITY`](super::SET_MARKOV_PROBABILITY).
    #[inline]
    pub fn set_markov_probability(
        conn: &rusqlite::Connection,
        probability: Option<f64>,
        id: i64,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &SET_MARKOV_PROBABILITY)?;
        call.bind(&probability)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Drop the order-n Markov model; returns the number of n-grams deleted.
    ///
    /// The SQL: [`CLEAR_MARKOV_MODEL`](super::CLEAR_MARKOV_MODEL).
    #[inline]
    pub fn clear_markov_model(conn: &rusqlite::Connection, n: i32) -> Result<u64, Error> {
        let mut call = Call::new(conn, &CLEAR_MARKOV_MODEL)?;
        call.bind(&n)?;
        call.execrows()
    }

    /// The app's current schema version (the one applied last), if any.
    ///
    /// The SQL: [`GET_SCHEMA_VERSION`](super::GET_SCHEMA_VERSION).
    #[inline]
    pub fn get_schema_version(
        conn: &rusqlite::Connection,
    ) -> Result<tables::SchemaVersionRow, Error> {
        let call = Call::new(conn, &GET_SCHEMA_VERSION)?;
        call.one()
    }

    /// The app's current schema version (the one applied last), if any.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_SCHEMA_VERSION`](super::GET_SCHEMA_VERSION).
    #[inline]
    pub fn get_schema_version_opt(
        conn: &rusqlite::Connection,
    ) -> Result<Option<tables::SchemaVersionRow>, Error> {
        let call = Call::new(conn, &GET_SCHEMA_VERSION)?;
        call.opt()
    }

    /// Record that a schema version was applied; does nothing if it is already recorded.
    ///
    /// The SQL: [`INSERT_SCHEMA_VERSION`](super::INSERT_SCHEMA_VERSION).
    #[inline]
    pub fn insert_schema_version(
        conn: &rusqlite::Connection,
        version: &str,
        description: Option<&str>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(conn, &INSERT_SCHEMA_VERSION)?;
        call.bind(&version)?;
        call.bind(&description)?;
        call.execrows()
    }
}

/// The queries on the postgres backend (synchronous).
#[cfg(feature = "postgres")]
pub mod pg {
    use super::*;
    use crate::runtime::pg::{Call, Executor};
    use crate::runtime::Error;

    /// Create a neural network configuration; fails if the name is taken (see UpsertNeuralConfigByName).
    ///
    /// The SQL: [`CREATE_NEURAL_CONFIG`](super::CREATE_NEURAL_CONFIG).
    pub fn create_neural_config(
        client: &mut impl Executor,
        name: &str,
        config: &dbtool_reference_types::NeuralConfig,
    ) -> Result<tables::NeuralConfigsRow, Error> {
        let mut call = Call::new(client, &CREATE_NEURAL_CONFIG)?;
        call.bind(&name)?;
        call.bind(&config)?;
        call.one()
    }

    /// Create a neural network configuration; fails if the name is taken (see UpsertNeuralConfigByName).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`CREATE_NEURAL_CONFIG`](super::CREATE_NEURAL_CONFIG).
    pub fn create_neural_config_opt(
        client: &mut impl Executor,
        name: &str,
        config: &dbtool_reference_types::NeuralConfig,
    ) -> Result<Option<tables::NeuralConfigsRow>, Error> {
        let mut call = Call::new(client, &CREATE_NEURAL_CONFIG)?;
        call.bind(&name)?;
        call.bind(&config)?;
        call.opt()
    }

    /// Create the configuration with this name, or replace its JSON if it exists; returns the row.
    ///
    /// The SQL: [`UPSERT_NEURAL_CONFIG_BY_NAME`](super::UPSERT_NEURAL_CONFIG_BY_NAME).
    pub fn upsert_neural_config_by_name(
        client: &mut impl Executor,
        name: &str,
        config: &dbtool_reference_types::NeuralConfig,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<tables::NeuralConfigsRow, Error> {
        let mut call = Call::new(client, &UPSERT_NEURAL_CONFIG_BY_NAME)?;
        call.bind(&name)?;
        call.bind(&config)?;
        call.bind(&now)?;
        call.one()
    }

    /// Create the configuration with this name, or replace its JSON if it exists; returns the row.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`UPSERT_NEURAL_CONFIG_BY_NAME`](super::UPSERT_NEURAL_CONFIG_BY_NAME).
    pub fn upsert_neural_config_by_name_opt(
        client: &mut impl Executor,
        name: &str,
        config: &dbtool_reference_types::NeuralConfig,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<tables::NeuralConfigsRow>, Error> {
        let mut call = Call::new(client, &UPSERT_NEURAL_CONFIG_BY_NAME)?;
        call.bind(&name)?;
        call.bind(&config)?;
        call.bind(&now)?;
        call.opt()
    }

    /// One neural configuration by id.
    ///
    /// The SQL: [`GET_NEURAL_CONFIG`](super::GET_NEURAL_CONFIG).
    pub fn get_neural_config(
        client: &mut impl Executor,
        id: dbtool_reference_types::NeuralConfigId,
    ) -> Result<tables::NeuralConfigsRow, Error> {
        let mut call = Call::new(client, &GET_NEURAL_CONFIG)?;
        call.bind(&id)?;
        call.one()
    }

    /// One neural configuration by id.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_NEURAL_CONFIG`](super::GET_NEURAL_CONFIG).
    pub fn get_neural_config_opt(
        client: &mut impl Executor,
        id: dbtool_reference_types::NeuralConfigId,
    ) -> Result<Option<tables::NeuralConfigsRow>, Error> {
        let mut call = Call::new(client, &GET_NEURAL_CONFIG)?;
        call.bind(&id)?;
        call.opt()
    }

    /// One neural configuration by its unique name.
    ///
    /// The SQL: [`GET_NEURAL_CONFIG_BY_NAME`](super::GET_NEURAL_CONFIG_BY_NAME).
    pub fn get_neural_config_by_name(
        client: &mut impl Executor,
        name: &str,
    ) -> Result<tables::NeuralConfigsRow, Error> {
        let mut call = Call::new(client, &GET_NEURAL_CONFIG_BY_NAME)?;
        call.bind(&name)?;
        call.one()
    }

    /// One neural configuration by its unique name.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_NEURAL_CONFIG_BY_NAME`](super::GET_NEURAL_CONFIG_BY_NAME).
    pub fn get_neural_config_by_name_opt(
        client: &mut impl Executor,
        name: &str,
    ) -> Result<Option<tables::NeuralConfigsRow>, Error> {
        let mut call = Call::new(client, &GET_NEURAL_CONFIG_BY_NAME)?;
        call.bind(&name)?;
        call.opt()
    }

    /// Every neural configuration, by name.
    ///
    /// The SQL: [`LIST_NEURAL_CONFIGS`](super::LIST_NEURAL_CONFIGS).
    pub fn list_neural_configs(
        client: &mut impl Executor,
    ) -> Result<Vec<tables::NeuralConfigsRow>, Error> {
        let call = Call::new(client, &LIST_NEURAL_CONFIGS)?;
        call.many()
    }

    /// Every neural configuration, by name.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_NEURAL_CONFIGS`](super::LIST_NEURAL_CONFIGS).
    pub fn list_neural_configs_for_each(
        client: &mut impl Executor,
        f: impl FnMut(tables::NeuralConfigsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let call = Call::new(client, &LIST_NEURAL_CONFIGS)?;
        call.for_each(f)
    }

    /// Replace the JSON of a configuration; returns the updated row (none if the id is unknown).
    ///
    /// The SQL: [`UPDATE_NEURAL_CONFIG`](super::UPDATE_NEURAL_CONFIG).
    pub fn update_neural_config(
        client: &mut impl Executor,
        config: &dbtool_reference_types::NeuralConfig,
        now: chrono::DateTime<chrono::Utc>,
        id: dbtool_reference_types::NeuralConfigId,
    ) -> Result<tables::NeuralConfigsRow, Error> {
        let mut call = Call::new(client, &UPDATE_NEURAL_CONFIG)?;
        call.bind(&config)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.one()
    }

    /// Replace the JSON of a configuration; returns the updated row (none if the id is unknown).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`UPDATE_NEURAL_CONFIG`](super::UPDATE_NEURAL_CONFIG).
    pub fn update_neural_config_opt(
        client: &mut impl Executor,
        config: &dbtool_reference_types::NeuralConfig,
        now: chrono::DateTime<chrono::Utc>,
        id: dbtool_reference_types::NeuralConfigId,
    ) -> Result<Option<tables::NeuralConfigsRow>, Error> {
        let mut call = Call::new(client, &UPDATE_NEURAL_CONFIG)?;
        call.bind(&config)?;
        call.bind(&now)?;
        call.bind(&id)?;
        call.opt()
    }

    /// Delete a configuration; its training jobs keep running with neural_config_id set to NULL.
    ///
    /// The SQL: [`DELETE_NEURAL_CONFIG`](super::DELETE_NEURAL_CONFIG).
    pub fn delete_neural_config(
        client: &mut impl Executor,
        id: dbtool_reference_types::NeuralConfigId,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &DELETE_NEURAL_CONFIG)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Add a text to the training corpus; word and char counts are computed by the caller.
    ///
    /// The SQL: [`ADD_CORPUS_TEXT`](super::ADD_CORPUS_TEXT).
    pub fn add_corpus_text(
        client: &mut impl Executor,
        params: &AddCorpusTextParams<'_>,
    ) -> Result<AddCorpusTextRow, Error> {
        let mut call = Call::new(client, &ADD_CORPUS_TEXT)?;
        call.bind(&params.title)?;
        call.bind(&params.content)?;
        call.bind(&params.source_url)?;
        call.bind(&params.metadata)?;
        call.bind(&params.word_count)?;
        call.bind(&params.char_count)?;
        call.one()
    }

    /// Add a text to the training corpus; word and char counts are computed by the caller.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`ADD_CORPUS_TEXT`](super::ADD_CORPUS_TEXT).
    pub fn add_corpus_text_opt(
        client: &mut impl Executor,
        params: &AddCorpusTextParams<'_>,
    ) -> Result<Option<AddCorpusTextRow>, Error> {
        let mut call = Call::new(client, &ADD_CORPUS_TEXT)?;
        call.bind(&params.title)?;
        call.bind(&params.content)?;
        call.bind(&params.source_url)?;
        call.bind(&params.metadata)?;
        call.bind(&params.word_count)?;
        call.bind(&params.char_count)?;
        call.opt()
    }

    /// One corpus text, with its content.
    ///
    /// The SQL: [`GET_CORPUS_TEXT`](super::GET_CORPUS_TEXT).
    pub fn get_corpus_text(
        client: &mut impl Executor,
        id: i64,
    ) -> Result<tables::TextCorpusRow, Error> {
        let mut call = Call::new(client, &GET_CORPUS_TEXT)?;
        call.bind(&id)?;
        call.one()
    }

    /// One corpus text, with its content.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_CORPUS_TEXT`](super::GET_CORPUS_TEXT).
    pub fn get_corpus_text_opt(
        client: &mut impl Executor,
        id: i64,
    ) -> Result<Option<tables::TextCorpusRow>, Error> {
        let mut call = Call::new(client, &GET_CORPUS_TEXT)?;
        call.bind(&id)?;
        call.opt()
    }

    /// Corpus texts without their content, newest first, one page at a time.
    ///
    /// The SQL: [`LIST_CORPUS_TEXTS`](super::LIST_CORPUS_TEXTS).
    pub fn list_corpus_texts(
        client: &mut impl Executor,
        max_rows: i64,
        skip_rows: i64,
    ) -> Result<Vec<ListCorpusTextsRow>, Error> {
        let mut call = Call::new(client, &LIST_CORPUS_TEXTS)?;
        call.bind(&max_rows)?;
        call.bind(&skip_rows)?;
        call.many()
    }

    /// Corpus texts without their content, newest first, one page at a time.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CORPUS_TEXTS`](super::LIST_CORPUS_TEXTS).
    pub fn list_corpus_texts_for_each(
        client: &mut impl Executor,
        max_rows: i64,
        skip_rows: i64,
        f: impl FnMut(ListCorpusTextsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_CORPUS_TEXTS)?;
        call.bind(&max_rows)?;
        call.bind(&skip_rows)?;
        call.for_each(f)
    }

    /// Replace a corpus text and its metadata.
    ///
    /// The SQL: [`UPDATE_CORPUS_TEXT`](super::UPDATE_CORPUS_TEXT).
    pub fn update_corpus_text(
        client: &mut impl Executor,
        params: &UpdateCorpusTextParams<'_>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &UPDATE_CORPUS_TEXT)?;
        call.bind(&params.title)?;
        call.bind(&params.content)?;
        call.bind(&params.source_url)?;
        call.bind(&params.metadata)?;
        call.bind(&params.word_count)?;
        call.bind(&params.char_count)?;
        call.bind(&params.id)?;
        call.execrows()
    }

    /// Delete a corpus text; training jobs that used it keep text_corpus_id NULL.
    ///
    /// The SQL: [`DELETE_CORPUS_TEXT`](super::DELETE_CORPUS_TEXT).
    pub fn delete_corpus_text(client: &mut impl Executor, id: i64) -> Result<u64, Error> {
        let mut call = Call::new(client, &DELETE_CORPUS_TEXT)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Corpus texts taken from exactly this URL, newest first (uses idx_text_corpus_source).
    ///
    /// The SQL: [`LIST_CORPUS_TEXTS_BY_SOURCE_URL`](super::LIST_CORPUS_TEXTS_BY_SOURCE_URL).
    pub fn list_corpus_texts_by_source_url(
        client: &mut impl Executor,
        source_url: &str,
    ) -> Result<Vec<ListCorpusTextsBySourceUrlRow>, Error> {
        let mut call = Call::new(client, &LIST_CORPUS_TEXTS_BY_SOURCE_URL)?;
        call.bind(&source_url)?;
        call.many()
    }

    /// Corpus texts taken from exactly this URL, newest first (uses idx_text_corpus_source).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CORPUS_TEXTS_BY_SOURCE_URL`](super::LIST_CORPUS_TEXTS_BY_SOURCE_URL).
    pub fn list_corpus_texts_by_source_url_for_each(
        client: &mut impl Executor,
        source_url: &str,
        f: impl FnMut(ListCorpusTextsBySourceUrlRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_CORPUS_TEXTS_BY_SOURCE_URL)?;
        call.bind(&source_url)?;
        call.for_each(f)
    }

    /// Corpus texts whose URL matches a LIKE pattern ('%' and '_' are wildcards), case-insensitively
    /// on both engines, newest first.
    ///
    /// The SQL: [`SEARCH_CORPUS_TEXTS_BY_SOURCE_URL`](super::SEARCH_CORPUS_TEXTS_BY_SOURCE_URL).
    pub fn search_corpus_texts_by_source_url(
        client: &mut impl Executor,
        source_url_pattern: &str,
        max_rows: i64,
    ) -> Result<Vec<SearchCorpusTextsBySourceUrlRow>, Error> {
        let mut call = Call::new(client, &SEARCH_CORPUS_TEXTS_BY_SOURCE_URL)?;
        call.bind(&source_url_pattern)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// Corpus texts whose URL matches a LIKE pattern ('%' and '_' are wildcards), case-insensitively
    /// on both engines, newest first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SEARCH_CORPUS_TEXTS_BY_SOURCE_URL`](super::SEARCH_CORPUS_TEXTS_BY_SOURCE_URL).
    pub fn search_corpus_texts_by_source_url_for_each(
        client: &mut impl Executor,
        source_url_pattern: &str,
        max_rows: i64,
        f: impl FnMut(SearchCorpusTextsBySourceUrlRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &SEARCH_CORPUS_TEXTS_BY_SOURCE_URL)?;
        call.bind(&source_url_pattern)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Full-text search of title and content for a phrase, best match first. Portable fallback: a
    /// case-insensitive substring match, newest first. Overridden for sqlite (FTS5 text_corpus_fts)
    /// and postgres (the GIN tsvector index), which rank by relevance.
    ///
    /// The SQL: [`SEARCH_CORPUS_TEXT`](super::SEARCH_CORPUS_TEXT).
    pub fn search_corpus_text(
        client: &mut impl Executor,
        query: &str,
        max_rows: i64,
    ) -> Result<Vec<SearchCorpusTextRow>, Error> {
        let mut call = Call::new(client, &SEARCH_CORPUS_TEXT)?;
        call.bind(&query)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// Full-text search of title and content for a phrase, best match first. Portable fallback: a
    /// case-insensitive substring match, newest first. Overridden for sqlite (FTS5 text_corpus_fts)
    /// and postgres (the GIN tsvector index), which rank by relevance.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SEARCH_CORPUS_TEXT`](super::SEARCH_CORPUS_TEXT).
    pub fn search_corpus_text_for_each(
        client: &mut impl Executor,
        query: &str,
        max_rows: i64,
        f: impl FnMut(SearchCorpusTextRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &SEARCH_CORPUS_TEXT)?;
        call.bind(&query)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Size of the training corpus for the dashboard. On PostgreSQL corpus_stats is a materialized
    /// view: it is as fresh as its last REFRESH.
    ///
    /// The SQL: [`GET_CORPUS_STATS`](super::GET_CORPUS_STATS).
    pub fn get_corpus_stats(client: &mut impl Executor) -> Result<GetCorpusStatsRow, Error> {
        let call = Call::new(client, &GET_CORPUS_STATS)?;
        call.one()
    }

    /// Size of the training corpus for the dashboard. On PostgreSQL corpus_stats is a materialized
    /// view: it is as fresh as its last REFRESH.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_CORPUS_STATS`](super::GET_CORPUS_STATS).
    pub fn get_corpus_stats_opt(
        client: &mut impl Executor,
    ) -> Result<Option<GetCorpusStatsRow>, Error> {
        let call = Call::new(client, &GET_CORPUS_STATS)?;
        call.opt()
    }

    /// Create a pending training job of a configuration over a corpus text (either may be NULL).
    ///
    /// The SQL: [`CREATE_TRAINING_JOB`](super::CREATE_TRAINING_JOB).
    pub fn create_training_job(
        client: &mut impl Executor,
        job_id: &str,
        neural_config_id: Option<dbtool_reference_types::NeuralConfigId>,
        text_corpus_id: Option<i64>,
    ) -> Result<CreateTrainingJobRow, Error> {
        let mut call = Call::new(client, &CREATE_TRAINING_JOB)?;
        call.bind(&job_id)?;
        call.bind(&neural_config_id)?;
        call.bind(&text_corpus_id)?;
        call.one()
    }

    /// Create a pending training job of a configuration over a corpus text (either may be NULL).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`CREATE_TRAINING_JOB`](super::CREATE_TRAINING_JOB).
    pub fn create_training_job_opt(
        client: &mut impl Executor,
        job_id: &str,
        neural_config_id: Option<dbtool_reference_types::NeuralConfigId>,
        text_corpus_id: Option<i64>,
    ) -> Result<Option<CreateTrainingJobRow>, Error> {
        let mut call = Call::new(client, &CREATE_TRAINING_JOB)?;
        call.bind(&job_id)?;
        call.bind(&neural_config_id)?;
        call.bind(&text_corpus_id)?;
        call.opt()
    }

    /// Set the status, progress (0..100), message and error of a job, by its external job_id.
    ///
    /// The SQL: [`UPDATE_TRAINING_JOB_STATUS`](super::UPDATE_TRAINING_JOB_STATUS).
    pub fn update_training_job_status(
        client: &mut impl Executor,
        params: &UpdateTrainingJobStatusParams<'_>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &UPDATE_TRAINING_JOB_STATUS)?;
        call.bind(&params.status)?;
        call.bind(&params.progress)?;
        call.bind(&params.message)?;
        call.bind(&params.error)?;
        call.bind(&params.job_id)?;
        call.execrows()
    }

    /// Move a pending job to running and record when it started; 0 rows if it was not pending.
    ///
    /// The SQL: [`MARK_TRAINING_JOB_STARTED`](super::MARK_TRAINING_JOB_STARTED).
    pub fn mark_training_job_started(
        client: &mut impl Executor,
        started_at: Option<chrono::DateTime<chrono::Utc>>,
        job_id: &str,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &MARK_TRAINING_JOB_STARTED)?;
        call.bind(&started_at)?;
        call.bind(&job_id)?;
        call.execrows()
    }

    /// Finish a job that is still pending or running with a final status (completed, failed or
    /// cancelled) and an optional error; 0 rows if it had already finished.
    ///
    /// The SQL: [`MARK_TRAINING_JOB_FINISHED`](super::MARK_TRAINING_JOB_FINISHED).
    pub fn mark_training_job_finished(
        client: &mut impl Executor,
        status: crate::enums::TrainingStatus,
        error: Option<&str>,
        completed_at: Option<chrono::DateTime<chrono::Utc>>,
        job_id: &str,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &MARK_TRAINING_JOB_FINISHED)?;
        call.bind(&status)?;
        call.bind(&error)?;
        call.bind(&completed_at)?;
        call.bind(&job_id)?;
        call.execrows()
    }

    /// One job by its external job_id, with the names of its configuration and corpus text (NULL when
    /// they were deleted or never set).
    ///
    /// The SQL: [`GET_TRAINING_JOB_BY_JOB_ID`](super::GET_TRAINING_JOB_BY_JOB_ID).
    pub fn get_training_job_by_job_id(
        client: &mut impl Executor,
        job_id: &str,
    ) -> Result<GetTrainingJobByJobIdRow, Error> {
        let mut call = Call::new(client, &GET_TRAINING_JOB_BY_JOB_ID)?;
        call.bind(&job_id)?;
        call.one()
    }

    /// One job by its external job_id, with the names of its configuration and corpus text (NULL when
    /// they were deleted or never set).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_TRAINING_JOB_BY_JOB_ID`](super::GET_TRAINING_JOB_BY_JOB_ID).
    pub fn get_training_job_by_job_id_opt(
        client: &mut impl Executor,
        job_id: &str,
    ) -> Result<Option<GetTrainingJobByJobIdRow>, Error> {
        let mut call = Call::new(client, &GET_TRAINING_JOB_BY_JOB_ID)?;
        call.bind(&job_id)?;
        call.opt()
    }

    /// The newest jobs, optionally of one status only (NULL for all), with configuration and corpus
    /// names.
    ///
    /// The SQL: [`LIST_TRAINING_JOBS`](super::LIST_TRAINING_JOBS).
    pub fn list_training_jobs(
        client: &mut impl Executor,
        status: Option<crate::enums::TrainingStatus>,
        max_rows: i64,
    ) -> Result<Vec<ListTrainingJobsRow>, Error> {
        let mut call = Call::new(client, &LIST_TRAINING_JOBS)?;
        call.bind(&status)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// The newest jobs, optionally of one status only (NULL for all), with configuration and corpus
    /// names.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_TRAINING_JOBS`](super::LIST_TRAINING_JOBS).
    pub fn list_training_jobs_for_each(
        client: &mut impl Executor,
        status: Option<crate::enums::TrainingStatus>,
        max_rows: i64,
        f: impl FnMut(ListTrainingJobsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_TRAINING_JOBS)?;
        call.bind(&status)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Number of jobs per status, in life-cycle order (an enum sorts by declaration on PostgreSQL but
    /// alphabetically on SQLite, hence the explicit CASE).
    ///
    /// The SQL: [`COUNT_TRAINING_JOBS_BY_STATUS`](super::COUNT_TRAINING_JOBS_BY_STATUS).
    pub fn count_training_jobs_by_status(
        client: &mut impl Executor,
    ) -> Result<Vec<CountTrainingJobsByStatusRow>, Error> {
        let call = Call::new(client, &COUNT_TRAINING_JOBS_BY_STATUS)?;
        call.many()
    }

    /// Number of jobs per status, in life-cycle order (an enum sorts by declaration on PostgreSQL but
    /// alphabetically on SQLite, hence the explicit CASE).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`COUNT_TRAINING_JOBS_BY_STATUS`](super::COUNT_TRAINING_JOBS_BY_STATUS).
    pub fn count_training_jobs_by_status_for_each(
        client: &mut impl Executor,
        f: impl FnMut(CountTrainingJobsByStatusRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let call = Call::new(client, &COUNT_TRAINING_JOBS_BY_STATUS)?;
        call.for_each(f)
    }

    /// Save a checkpoint. At most one checkpoint may be the best (a partial unique index): to insert
    /// one with is_best TRUE, run ClearBestCheckpoint first in the same transaction.
    ///
    /// The SQL: [`CREATE_CHECKPOINT`](super::CREATE_CHECKPOINT).
    pub fn create_checkpoint(
        client: &mut impl Executor,
        params: &CreateCheckpointParams<'_>,
    ) -> Result<CreateCheckpointRow, Error> {
        let mut call = Call::new(client, &CREATE_CHECKPOINT)?;
        call.bind(&params.epochs)?;
        call.bind(&params.block_size)?;
        call.bind(&params.path)?;
        call.bind(&params.loss)?;
        call.bind(&params.accuracy)?;
        call.bind(&params.notes)?;
        call.bind(&params.training_job_id)?;
        call.bind(&params.is_best)?;
        call.one()
    }

    /// Save a checkpoint. At most one checkpoint may be the best (a partial unique index): to insert
    /// one with is_best TRUE, run ClearBestCheckpoint first in the same transaction.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`CREATE_CHECKPOINT`](super::CREATE_CHECKPOINT).
    pub fn create_checkpoint_opt(
        client: &mut impl Executor,
        params: &CreateCheckpointParams<'_>,
    ) -> Result<Option<CreateCheckpointRow>, Error> {
        let mut call = Call::new(client, &CREATE_CHECKPOINT)?;
        call.bind(&params.epochs)?;
        call.bind(&params.block_size)?;
        call.bind(&params.path)?;
        call.bind(&params.loss)?;
        call.bind(&params.accuracy)?;
        call.bind(&params.notes)?;
        call.bind(&params.training_job_id)?;
        call.bind(&params.is_best)?;
        call.opt()
    }

    /// Un-mark the current best checkpoint, if any.
    ///
    /// The SQL: [`CLEAR_BEST_CHECKPOINT`](super::CLEAR_BEST_CHECKPOINT).
    pub fn clear_best_checkpoint(client: &mut impl Executor) -> Result<u64, Error> {
        let call = Call::new(client, &CLEAR_BEST_CHECKPOINT)?;
        call.execrows()
    }

    /// Mark one checkpoint as the best; run ClearBestCheckpoint first in the same transaction.
    ///
    /// The SQL: [`MARK_CHECKPOINT_BEST`](super::MARK_CHECKPOINT_BEST).
    pub fn mark_checkpoint_best(client: &mut impl Executor, id: i64) -> Result<u64, Error> {
        let mut call = Call::new(client, &MARK_CHECKPOINT_BEST)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// One checkpoint by id.
    ///
    /// The SQL: [`GET_CHECKPOINT`](super::GET_CHECKPOINT).
    pub fn get_checkpoint(
        client: &mut impl Executor,
        id: i64,
    ) -> Result<tables::NeuralCheckpointsRow, Error> {
        let mut call = Call::new(client, &GET_CHECKPOINT)?;
        call.bind(&id)?;
        call.one()
    }

    /// One checkpoint by id.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_CHECKPOINT`](super::GET_CHECKPOINT).
    pub fn get_checkpoint_opt(
        client: &mut impl Executor,
        id: i64,
    ) -> Result<Option<tables::NeuralCheckpointsRow>, Error> {
        let mut call = Call::new(client, &GET_CHECKPOINT)?;
        call.bind(&id)?;
        call.opt()
    }

    /// The checkpoint marked best, if any.
    ///
    /// The SQL: [`GET_BEST_CHECKPOINT`](super::GET_BEST_CHECKPOINT).
    pub fn get_best_checkpoint(
        client: &mut impl Executor,
    ) -> Result<tables::NeuralCheckpointsRow, Error> {
        let call = Call::new(client, &GET_BEST_CHECKPOINT)?;
        call.one()
    }

    /// The checkpoint marked best, if any.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_BEST_CHECKPOINT`](super::GET_BEST_CHECKPOINT).
    pub fn get_best_checkpoint_opt(
        client: &mut impl Executor,
    ) -> Result<Option<tables::NeuralCheckpointsRow>, Error> {
        let call = Call::new(client, &GET_BEST_CHECKPOINT)?;
        call.opt()
    }

    /// The newest checkpoint, if any.
    ///
    /// The SQL: [`GET_LATEST_CHECKPOINT`](super::GET_LATEST_CHECKPOINT).
    pub fn get_latest_checkpoint(
        client: &mut impl Executor,
    ) -> Result<tables::NeuralCheckpointsRow, Error> {
        let call = Call::new(client, &GET_LATEST_CHECKPOINT)?;
        call.one()
    }

    /// The newest checkpoint, if any.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_LATEST_CHECKPOINT`](super::GET_LATEST_CHECKPOINT).
    pub fn get_latest_checkpoint_opt(
        client: &mut impl Executor,
    ) -> Result<Option<tables::NeuralCheckpointsRow>, Error> {
        let call = Call::new(client, &GET_LATEST_CHECKPOINT)?;
        call.opt()
    }

    /// The newest checkpoints with the job_id of the training job that produced them (NULL if none).
    ///
    /// The SQL: [`LIST_CHECKPOINTS`](super::LIST_CHECKPOINTS).
    pub fn list_checkpoints(
        client: &mut impl Executor,
        max_rows: i64,
    ) -> Result<Vec<ListCheckpointsRow>, Error> {
        let mut call = Call::new(client, &LIST_CHECKPOINTS)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// The newest checkpoints with the job_id of the training job that produced them (NULL if none).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CHECKPOINTS`](super::LIST_CHECKPOINTS).
    pub fn list_checkpoints_for_each(
        client: &mut impl Executor,
        max_rows: i64,
        f: impl FnMut(ListCheckpointsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_CHECKPOINTS)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Record one accuracy measurement, optionally of a checkpoint.
    ///
    /// The SQL: [`RECORD_ACCURACY_METRIC`](super::RECORD_ACCURACY_METRIC).
    pub fn record_accuracy_metric(
        client: &mut impl Executor,
        metric_type: &str,
        value: f64,
        metadata: Option<&serde_json::Value>,
        model_checkpoint_id: Option<i64>,
    ) -> Result<RecordAccuracyMetricRow, Error> {
        let mut call = Call::new(client, &RECORD_ACCURACY_METRIC)?;
        call.bind(&metric_type)?;
        call.bind(&value)?;
        call.bind(&metadata)?;
        call.bind(&model_checkpoint_id)?;
        call.one()
    }

    /// Record one accuracy measurement, optionally of a checkpoint.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`RECORD_ACCURACY_METRIC`](super::RECORD_ACCURACY_METRIC).
    pub fn record_accuracy_metric_opt(
        client: &mut impl Executor,
        metric_type: &str,
        value: f64,
        metadata: Option<&serde_json::Value>,
        model_checkpoint_id: Option<i64>,
    ) -> Result<Option<RecordAccuracyMetricRow>, Error> {
        let mut call = Call::new(client, &RECORD_ACCURACY_METRIC)?;
        call.bind(&metric_type)?;
        call.bind(&value)?;
        call.bind(&metadata)?;
        call.bind(&model_checkpoint_id)?;
        call.opt()
    }

    /// The measurements of one checkpoint, oldest first.
    ///
    /// The SQL: [`LIST_ACCURACY_METRICS_FOR_CHECKPOINT`](super::LIST_ACCURACY_METRICS_FOR_CHECKPOINT).
    pub fn list_accuracy_metrics_for_checkpoint(
        client: &mut impl Executor,
        model_checkpoint_id: i64,
    ) -> Result<Vec<ListAccuracyMetricsForCheckpointRow>, Error> {
        let mut call = Call::new(client, &LIST_ACCURACY_METRICS_FOR_CHECKPOINT)?;
        call.bind(&model_checkpoint_id)?;
        call.many()
    }

    /// The measurements of one checkpoint, oldest first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_ACCURACY_METRICS_FOR_CHECKPOINT`](super::LIST_ACCURACY_METRICS_FOR_CHECKPOINT).
    pub fn list_accuracy_metrics_for_checkpoint_for_each(
        client: &mut impl Executor,
        model_checkpoint_id: i64,
        f: impl FnMut(ListAccuracyMetricsForCheckpointRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_ACCURACY_METRICS_FOR_CHECKPOINT)?;
        call.bind(&model_checkpoint_id)?;
        call.for_each(f)
    }

    /// The newest measurements, optionally of one metric type and/or one checkpoint (NULL for all).
    ///
    /// The SQL: [`LIST_ACCURACY_METRICS`](super::LIST_ACCURACY_METRICS).
    pub fn list_accuracy_metrics(
        client: &mut impl Executor,
        metric_type: Option<&str>,
        model_checkpoint_id: Option<i64>,
        max_rows: i64,
    ) -> Result<Vec<tables::AccuracyMetricsRow>, Error> {
        let mut call = Call::new(client, &LIST_ACCURACY_METRICS)?;
        call.bind(&metric_type)?;
        call.bind(&model_checkpoint_id)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// The newest measurements, optionally of one metric type and/or one checkpoint (NULL for all).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_ACCURACY_METRICS`](super::LIST_ACCURACY_METRICS).
    pub fn list_accuracy_metrics_for_each(
        client: &mut impl Executor,
        metric_type: Option<&str>,
        model_checkpoint_id: Option<i64>,
        max_rows: i64,
        f: impl FnMut(tables::AccuracyMetricsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_ACCURACY_METRICS)?;
        call.bind(&metric_type)?;
        call.bind(&model_checkpoint_id)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Count, mean, range and recency of every metric type.
    ///
    /// The SQL: [`SUMMARIZE_ACCURACY_BY_TYPE`](super::SUMMARIZE_ACCURACY_BY_TYPE).
    pub fn summarize_accuracy_by_type(
        client: &mut impl Executor,
    ) -> Result<Vec<SummarizeAccuracyByTypeRow>, Error> {
        let call = Call::new(client, &SUMMARIZE_ACCURACY_BY_TYPE)?;
        call.many()
    }

    /// Count, mean, range and recency of every metric type.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_ACCURACY_BY_TYPE`](super::SUMMARIZE_ACCURACY_BY_TYPE).
    pub fn summarize_accuracy_by_type_for_each(
        client: &mut impl Executor,
        f: impl FnMut(SummarizeAccuracyByTypeRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let call = Call::new(client, &SUMMARIZE_ACCURACY_BY_TYPE)?;
        call.for_each(f)
    }

    /// Record one text generation with its parameters and automatic quality score.
    ///
    /// The SQL: [`RECORD_GENERATION`](super::RECORD_GENERATION).
    pub fn record_generation(
        client: &mut impl Executor,
        params: &RecordGenerationParams<'_>,
    ) -> Result<RecordGenerationRow, Error> {
        let mut call = Call::new(client, &RECORD_GENERATION)?;
        call.bind(&params.prompt)?;
        call.bind(&params.response)?;
        call.bind(&params.model)?;
        call.bind(&params.parameters)?;
        call.bind(&params.quality_score)?;
        call.one()
    }

    /// Record one text generation with its parameters and automatic quality score.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`RECORD_GENERATION`](super::RECORD_GENERATION).
    pub fn record_generation_opt(
        client: &mut impl Executor,
        params: &RecordGenerationParams<'_>,
    ) -> Result<Option<RecordGenerationRow>, Error> {
        let mut call = Call::new(client, &RECORD_GENERATION)?;
        call.bind(&params.prompt)?;
        call.bind(&params.response)?;
        call.bind(&params.model)?;
        call.bind(&params.parameters)?;
        call.bind(&params.quality_score)?;
        call.opt()
    }

    /// The newest generations, optionally of one model (NULL for all).
    ///
    /// The SQL: [`LIST_GENERATION_HISTORY`](super::LIST_GENERATION_HISTORY).
    pub fn list_generation_history(
        client: &mut impl Executor,
        model: Option<&str>,
        max_rows: i64,
    ) -> Result<Vec<tables::GenerationHistoryRow>, Error> {
        let mut call = Call::new(client, &LIST_GENERATION_HISTORY)?;
        call.bind(&model)?;
        call.bind(&max_rows)?;
        call.many()
    }

    /// The newest generations, optionally of one model (NULL for all).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_GENERATION_HISTORY`](super::LIST_GENERATION_HISTORY).
    pub fn list_generation_history_for_each(
        client: &mut impl Executor,
        model: Option<&str>,
        max_rows: i64,
        f: impl FnMut(tables::GenerationHistoryRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_GENERATION_HISTORY)?;
        call.bind(&model)?;
        call.bind(&max_rows)?;
        call.for_each(f)
    }

    /// Store the user's 1..5 rating of a generation.
    ///
    /// The SQL: [`RATE_GENERATION`](super::RATE_GENERATION).
    pub fn rate_generation(
        client: &mut impl Executor,
        user_rating: Option<i32>,
        id: i64,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &RATE_GENERATION)?;
        call.bind(&user_rating)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Delete the generations made before a cut-off; returns how many were deleted.
    ///
    /// The SQL: [`CLEAR_GENERATION_HISTORY_BEFORE`](super::CLEAR_GENERATION_HISTORY_BEFORE).
    pub fn clear_generation_history_before(
        client: &mut impl Executor,
        before: chrono::DateTime<chrono::Utc>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &CLEAR_GENERATION_HISTORY_BEFORE)?;
        call.bind(&before)?;
        call.execrows()
    }

    /// Generations, ratings and mean scores per model.
    ///
    /// The SQL: [`SUMMARIZE_GENERATIONS_BY_MODEL`](super::SUMMARIZE_GENERATIONS_BY_MODEL).
    pub fn summarize_generations_by_model(
        client: &mut impl Executor,
    ) -> Result<Vec<SummarizeGenerationsByModelRow>, Error> {
        let call = Call::new(client, &SUMMARIZE_GENERATIONS_BY_MODEL)?;
        call.many()
    }

    /// Generations, ratings and mean scores per model.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_GENERATIONS_BY_MODEL`](super::SUMMARIZE_GENERATIONS_BY_MODEL).
    pub fn summarize_generations_by_model_for_each(
        client: &mut impl Executor,
        f: impl FnMut(SummarizeGenerationsByModelRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let call = Call::new(client, &SUMMARIZE_GENERATIONS_BY_MODEL)?;
        call.for_each(f)
    }

    /// Add count occurrences of next_char after context to the order-n Markov model.
    ///
    /// The SQL: [`UPSERT_MARKOV_NGRAM`](super::UPSERT_MARKOV_NGRAM).
    pub fn upsert_markov_ngram(
        client: &mut impl Executor,
        n: i32,
        context: &str,
        next_char: &str,
        count: i32,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &UPSERT_MARKOV_NGRAM)?;
        call.bind(&n)?;
        call.bind(&context)?;
        call.bind(&next_char)?;
        call.bind(&count)?;
        call.exec()
    }

    /// The successors of a context in the order-n model, most frequent first.
    ///
    /// The SQL: [`LIST_MARKOV_NGRAMS`](super::LIST_MARKOV_NGRAMS).
    pub fn list_markov_ngrams(
        client: &mut impl Executor,
        n: i32,
        context: &str,
    ) -> Result<Vec<ListMarkovNgramsRow>, Error> {
        let mut call = Call::new(client, &LIST_MARKOV_NGRAMS)?;
        call.bind(&n)?;
        call.bind(&context)?;
        call.many()
    }

    /// The successors of a context in the order-n model, most frequent first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_MARKOV_NGRAMS`](super::LIST_MARKOV_NGRAMS).
    pub fn list_markov_ngrams_for_each(
        client: &mut impl Executor,
        n: i32,
        context: &str,
        f: impl FnMut(ListMarkovNgramsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_MARKOV_NGRAMS)?;
        call.bind(&n)?;
        call.bind(&context)?;
        call.for_each(f)
    }

    /// The successors of a context with the context's total count, most frequent first: the live
    /// probability of a successor is count / total_count (divided in Rust, to stay a float on both
    /// engines; in SQL it would be numeric on PostgreSQL).
    ///
    /// The SQL: [`GET_MARKOV_NEXT_CHAR_PROBABILITIES`](super::GET_MARKOV_NEXT_CHAR_PROBABILITIES).
    pub fn get_markov_next_char_probabilities(
        client: &mut impl Executor,
        n: i32,
        context: &str,
    ) -> Result<Vec<GetMarkovNextCharProbabilitiesRow>, Error> {
        let mut call = Call::new(client, &GET_MARKOV_NEXT_CHAR_PROBABILITIES)?;
        call.bind(&n)?;
        call.bind(&context)?;
        call.many()
    }

    /// The successors of a context with the context's total count, most frequent first: the live
    /// probability of a successor is count / total_count (divided in Rust, to stay a float on both
    /// engines; in SQL it would be numeric on PostgreSQL).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`GET_MARKOV_NEXT_CHAR_PROBABILITIES`](super::GET_MARKOV_NEXT_CHAR_PROBABILITIES).
    pub fn get_markov_next_char_probabilities_for_each(
        client: &mut impl Executor,
        n: i32,
        context: &str,
        f: impl FnMut(GetMarkovNextCharProbabilitiesRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &GET_MARKOV_NEXT_CHAR_PROBABILITIES)?;
        call.bind(&n)?;
        call.bind(&context)?;
        call.for_each(f)
    }

    /// Total successor count and number of distinct successors of every context of the order-n model,
    /// the denominators for SetMarkovProbability.
    ///
    /// The SQL: [`LIST_MARKOV_CONTEXT_TOTALS`](super::LIST_MARKOV_CONTEXT_TOTALS).
    pub fn list_markov_context_totals(
        client: &mut impl Executor,
        n: i32,
    ) -> Result<Vec<ListMarkovContextTotalsRow>, Error> {
        let mut call = Call::new(client, &LIST_MARKOV_CONTEXT_TOTALS)?;
        call.bind(&n)?;
        call.many()
    }

    /// Total successor count and number of distinct successors of every context of the order-n model,
    /// the denominators for SetMarkovProbability.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_MARKOV_CONTEXT_TOTALS`](super::LIST_MARKOV_CONTEXT_TOTALS).
    pub fn list_markov_context_totals_for_each(
        client: &mut impl Executor,
        n: i32,
        f: impl FnMut(ListMarkovContextTotalsRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut call = Call::new(client, &LIST_MARKOV_CONTEXT_TOTALS)?;
        call.bind(&n)?;
        call.for_each(f)
    }

    /// Store the computed probability of one n-gram.
    ///
    /// The SQL: [`SET_MARKOV_PROBABILITY`](super::SET_MARKOV_PROBABILITY).
    pub fn set_markov_probability(
        client: &mut impl Executor,
        probability: Option<f64>,
        id: i64,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &SET_MARKOV_PROBABILITY)?;
        call.bind(&probability)?;
        call.bind(&id)?;
        call.execrows()
    }

    /// Drop the order-n Markov model; returns the number of n-grams deleted.
    ///
    /// The SQL: [`CLEAR_MARKOV_MODEL`](super::CLEAR_MARKOV_MODEL).
    pub fn clear_markov_model(client: &mut impl Executor, n: i32) -> Result<u64, Error> {
        let mut call = Call::new(client, &CLEAR_MARKOV_MODEL)?;
        call.bind(&n)?;
        call.execrows()
    }

    /// The app's current schema version (the one applied last), if any.
    ///
    /// The SQL: [`GET_SCHEMA_VERSION`](super::GET_SCHEMA_VERSION).
    pub fn get_schema_version(
        client: &mut impl Executor,
    ) -> Result<tables::SchemaVersionRow, Error> {
        let call = Call::new(client, &GET_SCHEMA_VERSION)?;
        call.one()
    }

    /// The app's current schema version (the one applied last), if any.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_SCHEMA_VERSION`](super::GET_SCHEMA_VERSION).
    pub fn get_schema_version_opt(
        client: &mut impl Executor,
    ) -> Result<Option<tables::SchemaVersionRow>, Error> {
        let call = Call::new(client, &GET_SCHEMA_VERSION)?;
        call.opt()
    }

    /// Record that a schema version was applied; does nothing if it is already recorded.
    ///
    /// The SQL: [`INSERT_SCHEMA_VERSION`](super::INSERT_SCHEMA_VERSION).
    pub fn insert_schema_version(
        client: &mut impl Executor,
        version: &str,
        description: Option<&str>,
    ) -> Result<u64, Error> {
        let mut call = Call::new(client, &INSERT_SCHEMA_VERSION)?;
        call.bind(&version)?;
        call.bind(&description)?;
        call.execrows()
    }
}

/// The queries on the tokio-postgres backend (asynchronous).
#[cfg(feature = "tokio-postgres")]
pub mod pg_async {
    use std::future::Future;

    use super::*;
    use crate::runtime::pg_async::{self as run, Executor, Rows};
    use crate::runtime::Error;

    /// Create a neural network configuration; fails if the name is taken (see UpsertNeuralConfigByName).
    ///
    /// The SQL: [`CREATE_NEURAL_CONFIG`](super::CREATE_NEURAL_CONFIG).
    pub fn create_neural_config<'a>(
        client: &'a impl Executor,
        name: &'a str,
        config: &'a dbtool_reference_types::NeuralConfig,
    ) -> impl Future<Output = Result<tables::NeuralConfigsRow, Error>> + 'a {
        run::one(client, &CREATE_NEURAL_CONFIG, (name, config))
    }

    /// Create a neural network configuration; fails if the name is taken (see UpsertNeuralConfigByName).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`CREATE_NEURAL_CONFIG`](super::CREATE_NEURAL_CONFIG).
    pub fn create_neural_config_opt<'a>(
        client: &'a impl Executor,
        name: &'a str,
        config: &'a dbtool_reference_types::NeuralConfig,
    ) -> impl Future<Output = Result<Option<tables::NeuralConfigsRow>, Error>> + 'a {
        run::opt(client, &CREATE_NEURAL_CONFIG, (name, config))
    }

    /// Create the configuration with this name, or replace its JSON if it exists; returns the row.
    ///
    /// The SQL: [`UPSERT_NEURAL_CONFIG_BY_NAME`](super::UPSERT_NEURAL_CONFIG_BY_NAME).
    pub fn upsert_neural_config_by_name<'a>(
        client: &'a impl Executor,
        name: &'a str,
        config: &'a dbtool_reference_types::NeuralConfig,
        now: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<tables::NeuralConfigsRow, Error>> + 'a {
        run::one(client, &UPSERT_NEURAL_CONFIG_BY_NAME, (name, config, now))
    }

    /// Create the configuration with this name, or replace its JSON if it exists; returns the row.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`UPSERT_NEURAL_CONFIG_BY_NAME`](super::UPSERT_NEURAL_CONFIG_BY_NAME).
    pub fn upsert_neural_config_by_name_opt<'a>(
        client: &'a impl Executor,
        name: &'a str,
        config: &'a dbtool_reference_types::NeuralConfig,
        now: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Option<tables::NeuralConfigsRow>, Error>> + 'a {
        run::opt(client, &UPSERT_NEURAL_CONFIG_BY_NAME, (name, config, now))
    }

    /// One neural configuration by id.
    ///
    /// The SQL: [`GET_NEURAL_CONFIG`](super::GET_NEURAL_CONFIG).
    pub fn get_neural_config<'a>(
        client: &'a impl Executor,
        id: dbtool_reference_types::NeuralConfigId,
    ) -> impl Future<Output = Result<tables::NeuralConfigsRow, Error>> + 'a {
        run::one(client, &GET_NEURAL_CONFIG, (id,))
    }

    /// One neural configuration by id.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_NEURAL_CONFIG`](super::GET_NEURAL_CONFIG).
    pub fn get_neural_config_opt<'a>(
        client: &'a impl Executor,
        id: dbtool_reference_types::NeuralConfigId,
    ) -> impl Future<Output = Result<Option<tables::NeuralConfigsRow>, Error>> + 'a {
        run::opt(client, &GET_NEURAL_CONFIG, (id,))
    }

    /// One neural configuration by its unique name.
    ///
    /// The SQL: [`GET_NEURAL_CONFIG_BY_NAME`](super::GET_NEURAL_CONFIG_BY_NAME).
    pub fn get_neural_config_by_name<'a>(
        client: &'a impl Executor,
        name: &'a str,
    ) -> impl Future<Output = Result<tables::NeuralConfigsRow, Error>> + 'a {
        run::one(client, &GET_NEURAL_CONFIG_BY_NAME, (name,))
    }

    /// One neural configuration by its unique name.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_NEURAL_CONFIG_BY_NAME`](super::GET_NEURAL_CONFIG_BY_NAME).
    pub fn get_neural_config_by_name_opt<'a>(
        client: &'a impl Executor,
        name: &'a str,
    ) -> impl Future<Output = Result<Option<tables::NeuralConfigsRow>, Error>> + 'a {
        run::opt(client, &GET_NEURAL_CONFIG_BY_NAME, (name,))
    }

    /// Every neural configuration, by name.
    ///
    /// The SQL: [`LIST_NEURAL_CONFIGS`](super::LIST_NEURAL_CONFIGS).
    pub fn list_neural_configs<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Vec<tables::NeuralConfigsRow>, Error>> + 'a {
        run::many(client, &LIST_NEURAL_CONFIGS, ())
    }

    /// Every neural configuration, by name.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_NEURAL_CONFIGS`](super::LIST_NEURAL_CONFIGS).
    pub fn list_neural_configs_for_each<'a>(
        client: &'a impl Executor,
        f: impl FnMut(tables::NeuralConfigsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_NEURAL_CONFIGS, (), f)
    }

    /// Every neural configuration, by name.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_NEURAL_CONFIGS`](super::LIST_NEURAL_CONFIGS).
    pub fn list_neural_configs_stream<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Rows<tables::NeuralConfigsRow>, Error>> + 'a {
        run::stream(client, &LIST_NEURAL_CONFIGS, ())
    }

    /// Replace the JSON of a configuration; returns the updated row (none if the id is unknown).
    ///
    /// The SQL: [`UPDATE_NEURAL_CONFIG`](super::UPDATE_NEURAL_CONFIG).
    pub fn update_neural_config<'a>(
        client: &'a impl Executor,
        config: &'a dbtool_reference_types::NeuralConfig,
        now: chrono::DateTime<chrono::Utc>,
        id: dbtool_reference_types::NeuralConfigId,
    ) -> impl Future<Output = Result<tables::NeuralConfigsRow, Error>> + 'a {
        run::one(client, &UPDATE_NEURAL_CONFIG, (config, now, id))
    }

    /// Replace the JSON of a configuration; returns the updated row (none if the id is unknown).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`UPDATE_NEURAL_CONFIG`](super::UPDATE_NEURAL_CONFIG).
    pub fn update_neural_config_opt<'a>(
        client: &'a impl Executor,
        config: &'a dbtool_reference_types::NeuralConfig,
        now: chrono::DateTime<chrono::Utc>,
        id: dbtool_reference_types::NeuralConfigId,
    ) -> impl Future<Output = Result<Option<tables::NeuralConfigsRow>, Error>> + 'a {
        run::opt(client, &UPDATE_NEURAL_CONFIG, (config, now, id))
    }

    /// Delete a configuration; its training jobs keep running with neural_config_id set to NULL.
    ///
    /// The SQL: [`DELETE_NEURAL_CONFIG`](super::DELETE_NEURAL_CONFIG).
    pub fn delete_neural_config<'a>(
        client: &'a impl Executor,
        id: dbtool_reference_types::NeuralConfigId,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &DELETE_NEURAL_CONFIG, (id,))
    }

    /// Add a text to the training corpus; word and char counts are computed by the caller.
    ///
    /// The SQL: [`ADD_CORPUS_TEXT`](super::ADD_CORPUS_TEXT).
    pub fn add_corpus_text<'a>(
        client: &'a impl Executor,
        params: &'a AddCorpusTextParams<'a>,
    ) -> impl Future<Output = Result<AddCorpusTextRow, Error>> + 'a {
        run::one(client, &ADD_CORPUS_TEXT, params)
    }

    /// Add a text to the training corpus; word and char counts are computed by the caller.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`ADD_CORPUS_TEXT`](super::ADD_CORPUS_TEXT).
    pub fn add_corpus_text_opt<'a>(
        client: &'a impl Executor,
        params: &'a AddCorpusTextParams<'a>,
    ) -> impl Future<Output = Result<Option<AddCorpusTextRow>, Error>> + 'a {
        run::opt(client, &ADD_CORPUS_TEXT, params)
    }

    /// One corpus text, with its content.
    ///
    /// The SQL: [`GET_CORPUS_TEXT`](super::GET_CORPUS_TEXT).
    pub fn get_corpus_text<'a>(
        client: &'a impl Executor,
        id: i64,
    ) -> impl Future<Output = Result<tables::TextCorpusRow, Error>> + 'a {
        run::one(client, &GET_CORPUS_TEXT, (id,))
    }

    /// One corpus text, with its content.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_CORPUS_TEXT`](super::GET_CORPUS_TEXT).
    pub fn get_corpus_text_opt<'a>(
        client: &'a impl Executor,
        id: i64,
    ) -> impl Future<Output = Result<Option<tables::TextCorpusRow>, Error>> + 'a {
        run::opt(client, &GET_CORPUS_TEXT, (id,))
    }

    /// Corpus texts without their content, newest first, one page at a time.
    ///
    /// The SQL: [`LIST_CORPUS_TEXTS`](super::LIST_CORPUS_TEXTS).
    pub fn list_corpus_texts<'a>(
        client: &'a impl Executor,
        max_rows: i64,
        skip_rows: i64,
    ) -> impl Future<Output = Result<Vec<ListCorpusTextsRow>, Error>> + 'a {
        run::many(client, &LIST_CORPUS_TEXTS, (max_rows, skip_rows))
    }

    /// Corpus texts without their content, newest first, one page at a time.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CORPUS_TEXTS`](super::LIST_CORPUS_TEXTS).
    pub fn list_corpus_texts_for_each<'a>(
        client: &'a impl Executor,
        max_rows: i64,
        skip_rows: i64,
        f: impl FnMut(ListCorpusTextsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_CORPUS_TEXTS, (max_rows, skip_rows), f)
    }

    /// Corpus texts without their content, newest first, one page at a time.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_CORPUS_TEXTS`](super::LIST_CORPUS_TEXTS).
    pub fn list_corpus_texts_stream<'a>(
        client: &'a impl Executor,
        max_rows: i64,
        skip_rows: i64,
    ) -> impl Future<Output = Result<Rows<ListCorpusTextsRow>, Error>> + 'a {
        run::stream(client, &LIST_CORPUS_TEXTS, (max_rows, skip_rows))
    }

    /// Replace a corpus text and its metadata.
    ///
    /// The SQL: [`UPDATE_CORPUS_TEXT`](super::UPDATE_CORPUS_TEXT).
    pub fn update_corpus_text<'a>(
        client: &'a impl Executor,
        params: &'a UpdateCorpusTextParams<'a>,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &UPDATE_CORPUS_TEXT, params)
    }

    /// Delete a corpus text; training jobs that used it keep text_corpus_id NULL.
    ///
    /// The SQL: [`DELETE_CORPUS_TEXT`](super::DELETE_CORPUS_TEXT).
    pub fn delete_corpus_text<'a>(
        client: &'a impl Executor,
        id: i64,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &DELETE_CORPUS_TEXT, (id,))
    }

    /// Corpus texts taken from exactly this URL, newest first (uses idx_text_corpus_source).
    ///
    /// The SQL: [`LIST_CORPUS_TEXTS_BY_SOURCE_URL`](super::LIST_CORPUS_TEXTS_BY_SOURCE_URL).
    pub fn list_corpus_texts_by_source_url<'a>(
        client: &'a impl Executor,
        source_url: &'a str,
    ) -> impl Future<Output = Result<Vec<ListCorpusTextsBySourceUrlRow>, Error>> + 'a {
        run::many(client, &LIST_CORPUS_TEXTS_BY_SOURCE_URL, (source_url,))
    }

    /// Corpus texts taken from exactly this URL, newest first (uses idx_text_corpus_source).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CORPUS_TEXTS_BY_SOURCE_URL`](super::LIST_CORPUS_TEXTS_BY_SOURCE_URL).
    pub fn list_corpus_texts_by_source_url_for_each<'a>(
        client: &'a impl Executor,
        source_url: &'a str,
        f: impl FnMut(ListCorpusTextsBySourceUrlRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_CORPUS_TEXTS_BY_SOURCE_URL, (source_url,), f)
    }

    /// Corpus texts taken from exactly this URL, newest first (uses idx_text_corpus_source).
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_CORPUS_TEXTS_BY_SOURCE_URL`](super::LIST_CORPUS_TEXTS_BY_SOURCE_URL).
    pub fn list_corpus_texts_by_source_url_stream<'a>(
        client: &'a impl Executor,
        source_url: &'a str,
    ) -> impl Future<Output = Result<Rows<ListCorpusTextsBySourceUrlRow>, Error>> + 'a {
        run::stream(client, &LIST_CORPUS_TEXTS_BY_SOURCE_URL, (source_url,))
    }

    /// Corpus texts whose URL matches a LIKE pattern ('%' and '_' are wildcards), case-insensitively
    /// on both engines, newest first.
    ///
    /// The SQL: [`SEARCH_CORPUS_TEXTS_BY_SOURCE_URL`](super::SEARCH_CORPUS_TEXTS_BY_SOURCE_URL).
    pub fn search_corpus_texts_by_source_url<'a>(
        client: &'a impl Executor,
        source_url_pattern: &'a str,
        max_rows: i64,
    ) -> impl Future<Output = Result<Vec<SearchCorpusTextsBySourceUrlRow>, Error>> + 'a {
        run::many(
            client,
            &SEARCH_CORPUS_TEXTS_BY_SOURCE_URL,
            (source_url_pattern, max_rows),
        )
    }

    /// Corpus texts whose URL matches a LIKE pattern ('%' and '_' are wildcards), case-insensitively
    /// on both engines, newest first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SEARCH_CORPUS_TEXTS_BY_SOURCE_URL`](super::SEARCH_CORPUS_TEXTS_BY_SOURCE_URL).
    pub fn search_corpus_texts_by_source_url_for_each<'a>(
        client: &'a impl Executor,
        source_url_pattern: &'a str,
        max_rows: i64,
        f: impl FnMut(SearchCorpusTextsBySourceUrlRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(
            client,
            &SEARCH_CORPUS_TEXTS_BY_SOURCE_URL,
            (source_url_pattern, max_rows),
            f,
        )
    }

    /// Corpus texts whose URL matches a LIKE pattern ('%' and '_' are wildcards), case-insensitively
    /// on both engines, newest first.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`SEARCH_CORPUS_TEXTS_BY_SOURCE_URL`](super::SEARCH_CORPUS_TEXTS_BY_SOURCE_URL).
    pub fn search_corpus_texts_by_source_url_stream<'a>(
        client: &'a impl Executor,
        source_url_pattern: &'a str,
        max_rows: i64,
    ) -> impl Future<Output = Result<Rows<SearchCorpusTextsBySourceUrlRow>, Error>> + 'a {
        run::stream(
            client,
            &SEARCH_CORPUS_TEXTS_BY_SOURCE_URL,
            (source_url_pattern, max_rows),
        )
    }

    /// Full-text search of title and content for a phrase, best match first. Portable fallback: a
    /// case-insensitive substring match, newest first. Overridden for sqlite (FTS5 text_corpus_fts)
    /// and postgres (the GIN tsvector index), which rank by relevance.
    ///
    /// The SQL: [`SEARCH_CORPUS_TEXT`](super::SEARCH_CORPUS_TEXT).
    pub fn search_corpus_text<'a>(
        client: &'a impl Executor,
        query: &'a str,
        max_rows: i64,
    ) -> impl Future<Output = Result<Vec<SearchCorpusTextRow>, Error>> + 'a {
        run::many(client, &SEARCH_CORPUS_TEXT, (query, max_rows))
    }

    /// Full-text search of title and content for a phrase, best match first. Portable fallback: a
    /// case-insensitive substring match, newest first. Overridden for sqlite (FTS5 text_corpus_fts)
    /// and postgres (the GIN tsvector index), which rank by relevance.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SEARCH_CORPUS_TEXT`](super::SEARCH_CORPUS_TEXT).
    pub fn search_corpus_text_for_each<'a>(
        client: &'a impl Executor,
        query: &'a str,
        max_rows: i64,
        f: impl FnMut(SearchCorpusTextRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &SEARCH_CORPUS_TEXT, (query, max_rows), f)
    }

    /// Full-text search of title and content for a phrase, best match first. Portable fallback: a
    /// case-insensitive substring match, newest first. Overridden for sqlite (FTS5 text_corpus_fts)
    /// and postgres (the GIN tsvector index), which rank by relevance.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`SEARCH_CORPUS_TEXT`](super::SEARCH_CORPUS_TEXT).
    pub fn search_corpus_text_stream<'a>(
        client: &'a impl Executor,
        query: &'a str,
        max_rows: i64,
    ) -> impl Future<Output = Result<Rows<SearchCorpusTextRow>, Error>> + 'a {
        run::stream(client, &SEARCH_CORPUS_TEXT, (query, max_rows))
    }

    /// Size of the training corpus for the dashboard. On PostgreSQL corpus_stats is a materialized
    /// view: it is as fresh as its last REFRESH.
    ///
    /// The SQL: [`GET_CORPUS_STATS`](super::GET_CORPUS_STATS).
    pub fn get_corpus_stats<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<GetCorpusStatsRow, Error>> + 'a {
        run::one(client, &GET_CORPUS_STATS, ())
    }

    /// Size of the training corpus for the dashboard. On PostgreSQL corpus_stats is a materialized
    /// view: it is as fresh as its last REFRESH.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_CORPUS_STATS`](super::GET_CORPUS_STATS).
    pub fn get_corpus_stats_opt<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Option<GetCorpusStatsRow>, Error>> + 'a {
        run::opt(client, &GET_CORPUS_STATS, ())
    }

    /// Create a pending training job of a configuration over a corpus text (either may be NULL).
    ///
    /// The SQL: [`CREATE_TRAINING_JOB`](super::CREATE_TRAINING_JOB).
    pub fn create_training_job<'a>(
        client: &'a impl Executor,
        job_id: &'a str,
        neural_config_id: Option<dbtool_reference_types::NeuralConfigId>,
        text_corpus_id: Option<i64>,
    ) -> impl Future<Output = Result<CreateTrainingJobRow, Error>> + 'a {
        run::one(
            client,
            &CREATE_TRAINING_JOB,
            (job_id, neural_config_id, text_corpus_id),
        )
    }

    /// Create a pending training job of a configuration over a corpus text (either may be NULL).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`CREATE_TRAINING_JOB`](super::CREATE_TRAINING_JOB).
    pub fn create_training_job_opt<'a>(
        client: &'a impl Executor,
        job_id: &'a str,
        neural_config_id: Option<dbtool_reference_types::NeuralConfigId>,
        text_corpus_id: Option<i64>,
    ) -> impl Future<Output = Result<Option<CreateTrainingJobRow>, Error>> + 'a {
        run::opt(
            client,
            &CREATE_TRAINING_JOB,
            (job_id, neural_config_id, text_corpus_id),
        )
    }

    /// Set the status, progress (0..100), message and error of a job, by its external job_id.
    ///
    /// The SQL: [`UPDATE_TRAINING_JOB_STATUS`](super::UPDATE_TRAINING_JOB_STATUS).
    pub fn update_training_job_status<'a>(
        client: &'a impl Executor,
        params: &'a UpdateTrainingJobStatusParams<'a>,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &UPDATE_TRAINING_JOB_STATUS, params)
    }

    /// Move a pending job to running and record when it started; 0 rows if it was not pending.
    ///
    /// The SQL: [`MARK_TRAINING_JOB_STARTED`](super::MARK_TRAINING_JOB_STARTED).
    pub fn mark_training_job_started<'a>(
        client: &'a impl Executor,
        started_at: Option<chrono::DateTime<chrono::Utc>>,
        job_id: &'a str,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &MARK_TRAINING_JOB_STARTED, (started_at, job_id))
    }

    /// Finish a job that is still pending or running with a final status (completed, failed or
    /// cancelled) and an optional error; 0 rows if it had already finished.
    ///
    /// The SQL: [`MARK_TRAINING_JOB_FINISHED`](super::MARK_TRAINING_JOB_FINISHED).
    pub fn mark_training_job_finished<'a>(
        client: &'a impl Executor,
        status: crate::enums::TrainingStatus,
        error: Option<&'a str>,
        completed_at: Option<chrono::DateTime<chrono::Utc>>,
        job_id: &'a str,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(
            client,
            &MARK_TRAINING_JOB_FINISHED,
            (status, error, completed_at, job_id),
        )
    }

    /// One job by its external job_id, with the names of its configuration and corpus text (NULL when
    /// they were deleted or never set).
    ///
    /// The SQL: [`GET_TRAINING_JOB_BY_JOB_ID`](super::GET_TRAINING_JOB_BY_JOB_ID).
    pub fn get_training_job_by_job_id<'a>(
        client: &'a impl Executor,
        job_id: &'a str,
    ) -> impl Future<Output = Result<GetTrainingJobByJobIdRow, Error>> + 'a {
        run::one(client, &GET_TRAINING_JOB_BY_JOB_ID, (job_id,))
    }

    /// One job by its external job_id, with the names of its configuration and corpus text (NULL when
    /// they were deleted or never set).
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_TRAINING_JOB_BY_JOB_ID`](super::GET_TRAINING_JOB_BY_JOB_ID).
    pub fn get_training_job_by_job_id_opt<'a>(
        client: &'a impl Executor,
        job_id: &'a str,
    ) -> impl Future<Output = Result<Option<GetTrainingJobByJobIdRow>, Error>> + 'a {
        run::opt(client, &GET_TRAINING_JOB_BY_JOB_ID, (job_id,))
    }

    /// The newest jobs, optionally of one status only (NULL for all), with configuration and corpus
    /// names.
    ///
    /// The SQL: [`LIST_TRAINING_JOBS`](super::LIST_TRAINING_JOBS).
    pub fn list_training_jobs<'a>(
        client: &'a impl Executor,
        status: Option<crate::enums::TrainingStatus>,
        max_rows: i64,
    ) -> impl Future<Output = Result<Vec<ListTrainingJobsRow>, Error>> + 'a {
        run::many(client, &LIST_TRAINING_JOBS, (status, max_rows))
    }

    /// The newest jobs, optionally of one status only (NULL for all), with configuration and corpus
    /// names.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_TRAINING_JOBS`](super::LIST_TRAINING_JOBS).
    pub fn list_training_jobs_for_each<'a>(
        client: &'a impl Executor,
        status: Option<crate::enums::TrainingStatus>,
        max_rows: i64,
        f: impl FnMut(ListTrainingJobsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_TRAINING_JOBS, (status, max_rows), f)
    }

    /// The newest jobs, optionally of one status only (NULL for all), with configuration and corpus
    /// names.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_TRAINING_JOBS`](super::LIST_TRAINING_JOBS).
    pub fn list_training_jobs_stream<'a>(
        client: &'a impl Executor,
        status: Option<crate::enums::TrainingStatus>,
        max_rows: i64,
    ) -> impl Future<Output = Result<Rows<ListTrainingJobsRow>, Error>> + 'a {
        run::stream(client, &LIST_TRAINING_JOBS, (status, max_rows))
    }

    /// Number of jobs per status, in life-cycle order (an enum sorts by declaration on PostgreSQL but
    /// alphabetically on SQLite, hence the explicit CASE).
    ///
    /// The SQL: [`COUNT_TRAINING_JOBS_BY_STATUS`](super::COUNT_TRAINING_JOBS_BY_STATUS).
    pub fn count_training_jobs_by_status<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Vec<CountTrainingJobsByStatusRow>, Error>> + 'a {
        run::many(client, &COUNT_TRAINING_JOBS_BY_STATUS, ())
    }

    /// Number of jobs per status, in life-cycle order (an enum sorts by declaration on PostgreSQL but
    /// alphabetically on SQLite, hence the explicit CASE).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`COUNT_TRAINING_JOBS_BY_STATUS`](super::COUNT_TRAINING_JOBS_BY_STATUS).
    pub fn count_training_jobs_by_status_for_each<'a>(
        client: &'a impl Executor,
        f: impl FnMut(CountTrainingJobsByStatusRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &COUNT_TRAINING_JOBS_BY_STATUS, (), f)
    }

    /// Number of jobs per status, in life-cycle order (an enum sorts by declaration on PostgreSQL but
    /// alphabetically on SQLite, hence the explicit CASE).
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`COUNT_TRAINING_JOBS_BY_STATUS`](super::COUNT_TRAINING_JOBS_BY_STATUS).
    pub fn count_training_jobs_by_status_stream<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Rows<CountTrainingJobsByStatusRow>, Error>> + 'a {
        run::stream(client, &COUNT_TRAINING_JOBS_BY_STATUS, ())
    }

    /// Save a checkpoint. At most one checkpoint may be the best (a partial unique index): to insert
    /// one with is_best TRUE, run ClearBestCheckpoint first in the same transaction.
    ///
    /// The SQL: [`CREATE_CHECKPOINT`](super::CREATE_CHECKPOINT).
    pub fn create_checkpoint<'a>(
        client: &'a impl Executor,
        params: &'a CreateCheckpointParams<'a>,
    ) -> impl Future<Output = Result<CreateCheckpointRow, Error>> + 'a {
        run::one(client, &CREATE_CHECKPOINT, params)
    }

    /// Save a checkpoint. At most one checkpoint may be the best (a partial unique index): to insert
    /// one with is_best TRUE, run ClearBestCheckpoint first in the same transaction.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`CREATE_CHECKPOINT`](super::CREATE_CHECKPOINT).
    pub fn create_checkpoint_opt<'a>(
        client: &'a impl Executor,
        params: &'a CreateCheckpointParams<'a>,
    ) -> impl Future<Output = Result<Option<CreateCheckpointRow>, Error>> + 'a {
        run::opt(client, &CREATE_CHECKPOINT, params)
    }

    /// Un-mark the current best checkpoint, if any.
    ///
    /// The SQL: [`CLEAR_BEST_CHECKPOINT`](super::CLEAR_BEST_CHECKPOINT).
    pub fn clear_best_checkpoint<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &CLEAR_BEST_CHECKPOINT, ())
    }

    /// Mark one checkpoint as the best; run ClearBestCheckpoint first in the same transaction.
    ///
    /// The SQL: [`MARK_CHECKPOINT_BEST`](super::MARK_CHECKPOINT_BEST).
    pub fn mark_checkpoint_best<'a>(
        client: &'a impl Executor,
        id: i64,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &MARK_CHECKPOINT_BEST, (id,))
    }

    /// One checkpoint by id.
    ///
    /// The SQL: [`GET_CHECKPOINT`](super::GET_CHECKPOINT).
    pub fn get_checkpoint<'a>(
        client: &'a impl Executor,
        id: i64,
    ) -> impl Future<Output = Result<tables::NeuralCheckpointsRow, Error>> + 'a {
        run::one(client, &GET_CHECKPOINT, (id,))
    }

    /// One checkpoint by id.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_CHECKPOINT`](super::GET_CHECKPOINT).
    pub fn get_checkpoint_opt<'a>(
        client: &'a impl Executor,
        id: i64,
    ) -> impl Future<Output = Result<Option<tables::NeuralCheckpointsRow>, Error>> + 'a {
        run::opt(client, &GET_CHECKPOINT, (id,))
    }

    /// The checkpoint marked best, if any.
    ///
    /// The SQL: [`GET_BEST_CHECKPOINT`](super::GET_BEST_CHECKPOINT).
    pub fn get_best_checkpoint<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<tables::NeuralCheckpointsRow, Error>> + 'a {
        run::one(client, &GET_BEST_CHECKPOINT, ())
    }

    /// The checkpoint marked best, if any.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_BEST_CHECKPOINT`](super::GET_BEST_CHECKPOINT).
    pub fn get_best_checkpoint_opt<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Option<tables::NeuralCheckpointsRow>, Error>> + 'a {
        run::opt(client, &GET_BEST_CHECKPOINT, ())
    }

    /// The newest checkpoint, if any.
    ///
    /// The SQL: [`GET_LATEST_CHECKPOINT`](super::GET_LATEST_CHECKPOINT).
    pub fn get_latest_checkpoint<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<tables::NeuralCheckpointsRow, Error>> + 'a {
        run::one(client, &GET_LATEST_CHECKPOINT, ())
    }

    /// The newest checkpoint, if any.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_LATEST_CHECKPOINT`](super::GET_LATEST_CHECKPOINT).
    pub fn get_latest_checkpoint_opt<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Option<tables::NeuralCheckpointsRow>, Error>> + 'a {
        run::opt(client, &GET_LATEST_CHECKPOINT, ())
    }

    /// The newest checkpoints with the job_id of the training job that produced them (NULL if none).
    ///
    /// The SQL: [`LIST_CHECKPOINTS`](super::LIST_CHECKPOINTS).
    pub fn list_checkpoints<'a>(
        client: &'a impl Executor,
        max_rows: i64,
    ) -> impl Future<Output = Result<Vec<ListCheckpointsRow>, Error>> + 'a {
        run::many(client, &LIST_CHECKPOINTS, (max_rows,))
    }

    /// The newest checkpoints with the job_id of the training job that produced them (NULL if none).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_CHECKPOINTS`](super::LIST_CHECKPOINTS).
    pub fn list_checkpoints_for_each<'a>(
        client: &'a impl Executor,
        max_rows: i64,
        f: impl FnMut(ListCheckpointsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_CHECKPOINTS, (max_rows,), f)
    }

    /// The newest checkpoints with the job_id of the training job that produced them (NULL if none).
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_CHECKPOINTS`](super::LIST_CHECKPOINTS).
    pub fn list_checkpoints_stream<'a>(
        client: &'a impl Executor,
        max_rows: i64,
    ) -> impl Future<Output = Result<Rows<ListCheckpointsRow>, Error>> + 'a {
        run::stream(client, &LIST_CHECKPOINTS, (max_rows,))
    }

    /// Record one accuracy measurement, optionally of a checkpoint.
    ///
    /// The SQL: [`RECORD_ACCURACY_METRIC`](super::RECORD_ACCURACY_METRIC).
    pub fn record_accuracy_metric<'a>(
        client: &'a impl Executor,
        metric_type: &'a str,
        value: f64,
        metadata: Option<&'a serde_json::Value>,
        model_checkpoint_id: Option<i64>,
    ) -> impl Future<Output = Result<RecordAccuracyMetricRow, Error>> + 'a {
        run::one(
            client,
            &RECORD_ACCURACY_METRIC,
            (metric_type, value, metadata, model_checkpoint_id),
        )
    }

    /// Record one accuracy measurement, optionally of a checkpoint.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`RECORD_ACCURACY_METRIC`](super::RECORD_ACCURACY_METRIC).
    pub fn record_accuracy_metric_opt<'a>(
        client: &'a impl Executor,
        metric_type: &'a str,
        value: f64,
        metadata: Option<&'a serde_json::Value>,
        model_checkpoint_id: Option<i64>,
    ) -> impl Future<Output = Result<Option<RecordAccuracyMetricRow>, Error>> + 'a {
        run::opt(
            client,
            &RECORD_ACCURACY_METRIC,
            (metric_type, value, metadata, model_checkpoint_id),
        )
    }

    /// The measurements of one checkpoint, oldest first.
    ///
    /// The SQL: [`LIST_ACCURACY_METRICS_FOR_CHECKPOINT`](super::LIST_ACCURACY_METRICS_FOR_CHECKPOINT).
    pub fn list_accuracy_metrics_for_checkpoint<'a>(
        client: &'a impl Executor,
        model_checkpoint_id: i64,
    ) -> impl Future<Output = Result<Vec<ListAccuracyMetricsForCheckpointRow>, Error>> + 'a {
        run::many(
            client,
            &LIST_ACCURACY_METRICS_FOR_CHECKPOINT,
            (model_checkpoint_id,),
        )
    }

    /// The measurements of one checkpoint, oldest first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_ACCURACY_METRICS_FOR_CHECKPOINT`](super::LIST_ACCURACY_METRICS_FOR_CHECKPOINT).
    pub fn list_accuracy_metrics_for_checkpoint_for_each<'a>(
        client: &'a impl Executor,
        model_checkpoint_id: i64,
        f: impl FnMut(ListAccuracyMetricsForCheckpointRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(
            client,
            &LIST_ACCURACY_METRICS_FOR_CHECKPOINT,
            (model_checkpoint_id,),
            f,
        )
    }

    /// The measurements of one checkpoint, oldest first.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_ACCURACY_METRICS_FOR_CHECKPOINT`](super::LIST_ACCURACY_METRICS_FOR_CHECKPOINT).
    pub fn list_accuracy_metrics_for_checkpoint_stream<'a>(
        client: &'a impl Executor,
        model_checkpoint_id: i64,
    ) -> impl Future<Output = Result<Rows<ListAccuracyMetricsForCheckpointRow>, Error>> + 'a {
        run::stream(
            client,
            &LIST_ACCURACY_METRICS_FOR_CHECKPOINT,
            (model_checkpoint_id,),
        )
    }

    /// The newest measurements, optionally of one metric type and/or one checkpoint (NULL for all).
    ///
    /// The SQL: [`LIST_ACCURACY_METRICS`](super::LIST_ACCURACY_METRICS).
    pub fn list_accuracy_metrics<'a>(
        client: &'a impl Executor,
        metric_type: Option<&'a str>,
        model_checkpoint_id: Option<i64>,
        max_rows: i64,
    ) -> impl Future<Output = Result<Vec<tables::AccuracyMetricsRow>, Error>> + 'a {
        run::many(
            client,
            &LIST_ACCURACY_METRICS,
            (metric_type, model_checkpoint_id, max_rows),
        )
    }

    /// The newest measurements, optionally of one metric type and/or one checkpoint (NULL for all).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_ACCURACY_METRICS`](super::LIST_ACCURACY_METRICS).
    pub fn list_accuracy_metrics_for_each<'a>(
        client: &'a impl Executor,
        metric_type: Option<&'a str>,
        model_checkpoint_id: Option<i64>,
        max_rows: i64,
        f: impl FnMut(tables::AccuracyMetricsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(
            client,
            &LIST_ACCURACY_METRICS,
            (metric_type, model_checkpoint_id, max_rows),
            f,
        )
    }

    /// The newest measurements, optionally of one metric type and/or one checkpoint (NULL for all).
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_ACCURACY_METRICS`](super::LIST_ACCURACY_METRICS).
    pub fn list_accuracy_metrics_stream<'a>(
        client: &'a impl Executor,
        metric_type: Option<&'a str>,
        model_checkpoint_id: Option<i64>,
        max_rows: i64,
    ) -> impl Future<Output = Result<Rows<tables::AccuracyMetricsRow>, Error>> + 'a {
        run::stream(
            client,
            &LIST_ACCURACY_METRICS,
            (metric_type, model_checkpoint_id, max_rows),
        )
    }

    /// Count, mean, range and recency of every metric type.
    ///
    /// The SQL: [`SUMMARIZE_ACCURACY_BY_TYPE`](super::SUMMARIZE_ACCURACY_BY_TYPE).
    pub fn summarize_accuracy_by_type<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Vec<SummarizeAccuracyByTypeRow>, Error>> + 'a {
        run::many(client, &SUMMARIZE_ACCURACY_BY_TYPE, ())
    }

    /// Count, mean, range and recency of every metric type.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_ACCURACY_BY_TYPE`](super::SUMMARIZE_ACCURACY_BY_TYPE).
    pub fn summarize_accuracy_by_type_for_each<'a>(
        client: &'a impl Executor,
        f: impl FnMut(SummarizeAccuracyByTypeRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &SUMMARIZE_ACCURACY_BY_TYPE, (), f)
    }

    /// Count, mean, range and recency of every metric type.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`SUMMARIZE_ACCURACY_BY_TYPE`](super::SUMMARIZE_ACCURACY_BY_TYPE).
    pub fn summarize_accuracy_by_type_stream<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Rows<SummarizeAccuracyByTypeRow>, Error>> + 'a {
        run::stream(client, &SUMMARIZE_ACCURACY_BY_TYPE, ())
    }

    /// Record one text generation with its parameters and automatic quality score.
    ///
    /// The SQL: [`RECORD_GENERATION`](super::RECORD_GENERATION).
    pub fn record_generation<'a>(
        client: &'a impl Executor,
        params: &'a RecordGenerationParams<'a>,
    ) -> impl Future<Output = Result<RecordGenerationRow, Error>> + 'a {
        run::one(client, &RECORD_GENERATION, params)
    }

    /// Record one text generation with its parameters and automatic quality score.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`RECORD_GENERATION`](super::RECORD_GENERATION).
    pub fn record_generation_opt<'a>(
        client: &'a impl Executor,
        params: &'a RecordGenerationParams<'a>,
    ) -> impl Future<Output = Result<Option<RecordGenerationRow>, Error>> + 'a {
        run::opt(client, &RECORD_GENERATION, params)
    }

    /// The newest generations, optionally of one model (NULL for all).
    ///
    /// The SQL: [`LIST_GENERATION_HISTORY`](super::LIST_GENERATION_HISTORY).
    pub fn list_generation_history<'a>(
        client: &'a impl Executor,
        model: Option<&'a str>,
        max_rows: i64,
    ) -> impl Future<Output = Result<Vec<tables::GenerationHistoryRow>, Error>> + 'a {
        run::many(client, &LIST_GENERATION_HISTORY, (model, max_rows))
    }

    /// The newest generations, optionally of one model (NULL for all).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_GENERATION_HISTORY`](super::LIST_GENERATION_HISTORY).
    pub fn list_generation_history_for_each<'a>(
        client: &'a impl Executor,
        model: Option<&'a str>,
        max_rows: i64,
        f: impl FnMut(tables::GenerationHistoryRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_GENERATION_HISTORY, (model, max_rows), f)
    }

    /// The newest generations, optionally of one model (NULL for all).
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_GENERATION_HISTORY`](super::LIST_GENERATION_HISTORY).
    pub fn list_generation_history_stream<'a>(
        client: &'a impl Executor,
        model: Option<&'a str>,
        max_rows: i64,
    ) -> impl Future<Output = Result<Rows<tables::GenerationHistoryRow>, Error>> + 'a {
        run::stream(client, &LIST_GENERATION_HISTORY, (model, max_rows))
    }

    /// Store the user's 1..5 rating of a generation.
    ///
    /// The SQL: [`RATE_GENERATION`](super::RATE_GENERATION).
    pub fn rate_generation<'a>(
        client: &'a impl Executor,
        user_rating: Option<i32>,
        id: i64,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &RATE_GENERATION, (user_rating, id))
    }

    /// Delete the generations made before a cut-off; returns how many were deleted.
    ///
    /// The SQL: [`CLEAR_GENERATION_HISTORY_BEFORE`](super::CLEAR_GENERATION_HISTORY_BEFORE).
    pub fn clear_generation_history_before<'a>(
        client: &'a impl Executor,
        before: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &CLEAR_GENERATION_HISTORY_BEFORE, (before,))
    }

    /// Generations, ratings and mean scores per model.
    ///
    /// The SQL: [`SUMMARIZE_GENERATIONS_BY_MODEL`](super::SUMMARIZE_GENERATIONS_BY_MODEL).
    pub fn summarize_generations_by_model<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Vec<SummarizeGenerationsByModelRow>, Error>> + 'a {
        run::many(client, &SUMMARIZE_GENERATIONS_BY_MODEL, ())
    }

    /// Generations, ratings and mean scores per model.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`SUMMARIZE_GENERATIONS_BY_MODEL`](super::SUMMARIZE_GENERATIONS_BY_MODEL).
    pub fn summarize_generations_by_model_for_each<'a>(
        client: &'a impl Executor,
        f: impl FnMut(SummarizeGenerationsByModelRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &SUMMARIZE_GENERATIONS_BY_MODEL, (), f)
    }

    /// Generations, ratings and mean scores per model.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`SUMMARIZE_GENERATIONS_BY_MODEL`](super::SUMMARIZE_GENERATIONS_BY_MODEL).
    pub fn summarize_generations_by_model_stream<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Rows<SummarizeGenerationsByModelRow>, Error>> + 'a {
        run::stream(client, &SUMMARIZE_GENERATIONS_BY_MODEL, ())
    }

    /// Add count occurrences of next_char after context to the order-n Markov model.
    ///
    /// The SQL: [`UPSERT_MARKOV_NGRAM`](super::UPSERT_MARKOV_NGRAM).
    pub fn upsert_markov_ngram<'a>(
        client: &'a impl Executor,
        n: i32,
        context: &'a str,
        next_char: &'a str,
        count: i32,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::exec(client, &UPSERT_MARKOV_NGRAM, (n, context, next_char, count))
    }

    /// The successors of a context in the order-n model, most frequent first.
    ///
    /// The SQL: [`LIST_MARKOV_NGRAMS`](super::LIST_MARKOV_NGRAMS).
    pub fn list_markov_ngrams<'a>(
        client: &'a impl Executor,
        n: i32,
        context: &'a str,
    ) -> impl Future<Output = Result<Vec<ListMarkovNgramsRow>, Error>> + 'a {
        run::many(client, &LIST_MARKOV_NGRAMS, (n, context))
    }

    /// The successors of a context in the order-n model, most frequent first.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_MARKOV_NGRAMS`](super::LIST_MARKOV_NGRAMS).
    pub fn list_markov_ngrams_for_each<'a>(
        client: &'a impl Executor,
        n: i32,
        context: &'a str,
        f: impl FnMut(ListMarkovNgramsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_MARKOV_NGRAMS, (n, context), f)
    }

    /// The successors of a context in the order-n model, most frequent first.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_MARKOV_NGRAMS`](super::LIST_MARKOV_NGRAMS).
    pub fn list_markov_ngrams_stream<'a>(
        client: &'a impl Executor,
        n: i32,
        context: &'a str,
    ) -> impl Future<Output = Result<Rows<ListMarkovNgramsRow>, Error>> + 'a {
        run::stream(client, &LIST_MARKOV_NGRAMS, (n, context))
    }

    /// The successors of a context with the context's total count, most frequent first: the live
    /// probability of a successor is count / total_count (divided in Rust, to stay a float on both
    /// engines; in SQL it would be numeric on PostgreSQL).
    ///
    /// The SQL: [`GET_MARKOV_NEXT_CHAR_PROBABILITIES`](super::GET_MARKOV_NEXT_CHAR_PROBABILITIES).
    pub fn get_markov_next_char_probabilities<'a>(
        client: &'a impl Executor,
        n: i32,
        context: &'a str,
    ) -> impl Future<Output = Result<Vec<GetMarkovNextCharProbabilitiesRow>, Error>> + 'a {
        run::many(client, &GET_MARKOV_NEXT_CHAR_PROBABILITIES, (n, context))
    }

    /// The successors of a context with the context's total count, most frequent first: the live
    /// probability of a successor is count / total_count (divided in Rust, to stay a float on both
    /// engines; in SQL it would be numeric on PostgreSQL).
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`GET_MARKOV_NEXT_CHAR_PROBABILITIES`](super::GET_MARKOV_NEXT_CHAR_PROBABILITIES).
    pub fn get_markov_next_char_probabilities_for_each<'a>(
        client: &'a impl Executor,
        n: i32,
        context: &'a str,
        f: impl FnMut(GetMarkovNextCharProbabilitiesRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &GET_MARKOV_NEXT_CHAR_PROBABILITIES, (n, context), f)
    }

    /// The successors of a context with the context's total count, most frequent first: the live
    /// probability of a successor is count / total_count (divided in Rust, to stay a float on both
    /// engines; in SQL it would be numeric on PostgreSQL).
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`GET_MARKOV_NEXT_CHAR_PROBABILITIES`](super::GET_MARKOV_NEXT_CHAR_PROBABILITIES).
    pub fn get_markov_next_char_probabilities_stream<'a>(
        client: &'a impl Executor,
        n: i32,
        context: &'a str,
    ) -> impl Future<Output = Result<Rows<GetMarkovNextCharProbabilitiesRow>, Error>> + 'a {
        run::stream(client, &GET_MARKOV_NEXT_CHAR_PROBABILITIES, (n, context))
    }

    /// Total successor count and number of distinct successors of every context of the order-n model,
    /// the denominators for SetMarkovProbability.
    ///
    /// The SQL: [`LIST_MARKOV_CONTEXT_TOTALS`](super::LIST_MARKOV_CONTEXT_TOTALS).
    pub fn list_markov_context_totals<'a>(
        client: &'a impl Executor,
        n: i32,
    ) -> impl Future<Output = Result<Vec<ListMarkovContextTotalsRow>, Error>> + 'a {
        run::many(client, &LIST_MARKOV_CONTEXT_TOTALS, (n,))
    }

    /// Total successor count and number of distinct successors of every context of the order-n model,
    /// the denominators for SetMarkovProbability.
    ///
    /// Calls `f` with each row as it is read, instead of collecting them.
    ///
    /// The SQL: [`LIST_MARKOV_CONTEXT_TOTALS`](super::LIST_MARKOV_CONTEXT_TOTALS).
    pub fn list_markov_context_totals_for_each<'a>(
        client: &'a impl Executor,
        n: i32,
        f: impl FnMut(ListMarkovContextTotalsRow) -> Result<(), Error> + 'a,
    ) -> impl Future<Output = Result<(), Error>> + 'a {
        run::for_each(client, &LIST_MARKOV_CONTEXT_TOTALS, (n,), f)
    }

    /// Total successor count and number of distinct successors of every context of the order-n model,
    /// the denominators for SetMarkovProbability.
    ///
    /// The rows as a stream, read as the server sends them.
    ///
    /// The SQL: [`LIST_MARKOV_CONTEXT_TOTALS`](super::LIST_MARKOV_CONTEXT_TOTALS).
    pub fn list_markov_context_totals_stream<'a>(
        client: &'a impl Executor,
        n: i32,
    ) -> impl Future<Output = Result<Rows<ListMarkovContextTotalsRow>, Error>> + 'a {
        run::stream(client, &LIST_MARKOV_CONTEXT_TOTALS, (n,))
    }

    /// Store the computed probability of one n-gram.
    ///
    /// The SQL: [`SET_MARKOV_PROBABILITY`](super::SET_MARKOV_PROBABILITY).
    pub fn set_markov_probability<'a>(
        client: &'a impl Executor,
        probability: Option<f64>,
        id: i64,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &SET_MARKOV_PROBABILITY, (probability, id))
    }

    /// Drop the order-n Markov model; returns the number of n-grams deleted.
    ///
    /// The SQL: [`CLEAR_MARKOV_MODEL`](super::CLEAR_MARKOV_MODEL).
    pub fn clear_markov_model<'a>(
        client: &'a impl Executor,
        n: i32,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &CLEAR_MARKOV_MODEL, (n,))
    }

    /// The app's current schema version (the one applied last), if any.
    ///
    /// The SQL: [`GET_SCHEMA_VERSION`](super::GET_SCHEMA_VERSION).
    pub fn get_schema_version<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<tables::SchemaVersionRow, Error>> + 'a {
        run::one(client, &GET_SCHEMA_VERSION, ())
    }

    /// The app's current schema version (the one applied last), if any.
    ///
    /// `None` when no row matches, instead of [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// The SQL: [`GET_SCHEMA_VERSION`](super::GET_SCHEMA_VERSION).
    pub fn get_schema_version_opt<'a>(
        client: &'a impl Executor,
    ) -> impl Future<Output = Result<Option<tables::SchemaVersionRow>, Error>> + 'a {
        run::opt(client, &GET_SCHEMA_VERSION, ())
    }

    /// Record that a schema version was applied; does nothing if it is already recorded.
    ///
    /// The SQL: [`INSERT_SCHEMA_VERSION`](super::INSERT_SCHEMA_VERSION).
    pub fn insert_schema_version<'a>(
        client: &'a impl Executor,
        version: &'a str,
        description: Option<&'a str>,
    ) -> impl Future<Output = Result<u64, Error>> + 'a {
        run::execrows(client, &INSERT_SCHEMA_VERSION, (version, description))
    }
}
