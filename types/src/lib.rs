//! Types of this repository's own choosing for columns of the reference schema: dbtool.toml maps
//! the columns to them under `[generate.columns]`, and the generated crate (`generated/`) uses them
//! in its rows and parameters instead of `i64` and `serde_json::Value`.
//!
//! A type chosen that way is read and bound by the drivers themselves, so it implements
//! rusqlite's `ToSql`/`FromSql` and postgres-types' `ToSql`/`FromSql`, storing itself the way
//! the column's SQL type is stored on each engine.

use std::error::Error;

use bytes::BytesMut;
use postgres_types::{to_sql_checked, FromSql, IsNull, Json, ToSql, Type};
use rusqlite::types::{FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

type BoxError = Box<dyn Error + Sync + Send>;

/// The id of a neural network configuration (`neural_configs.id`,
/// `training_jobs.neural_config_id`): a `bigint` that cannot be mixed up with other ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NeuralConfigId(pub i64);

impl rusqlite::ToSql for NeuralConfigId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        rusqlite::ToSql::to_sql(&self.0)
    }
}

impl rusqlite::types::FromSql for NeuralConfigId {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        i64::column_result(value).map(NeuralConfigId)
    }
}

impl ToSql for NeuralConfigId {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        self.0.to_sql(ty, out)
    }

    fn accepts(ty: &Type) -> bool {
        <i64 as ToSql>::accepts(ty)
    }

    to_sql_checked!();
}

impl<'a> FromSql<'a> for NeuralConfigId {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        i64::from_sql(ty, raw).map(NeuralConfigId)
    }

    fn accepts(ty: &Type) -> bool {
        <i64 as FromSql>::accepts(ty)
    }
}

/// A neural network configuration (`neural_configs.config`, JSON): JSON text on SQLite, `jsonb`
/// on PostgreSQL. Keys it does not know are kept, so a configuration written by a newer version
/// of the app survives a round trip through an older one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeuralConfig {
    pub layers: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learning_rate: Option<f64>,
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

impl NeuralConfig {
    /// A configuration of `layers` layers and nothing else.
    pub fn with_layers(layers: u32) -> NeuralConfig {
        NeuralConfig {
            layers,
            learning_rate: None,
            other: serde_json::Map::new(),
        }
    }
}

impl rusqlite::ToSql for NeuralConfig {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        let text = serde_json::to_string(self)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        Ok(ToSqlOutput::from(text))
    }
}

impl rusqlite::types::FromSql for NeuralConfig {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        serde_json::from_str(value.as_str()?).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

impl ToSql for NeuralConfig {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        Json(self).to_sql(ty, out)
    }

    fn accepts(ty: &Type) -> bool {
        <Json<NeuralConfig> as ToSql>::accepts(ty)
    }

    to_sql_checked!();
}

impl<'a> FromSql<'a> for NeuralConfig {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        Json::<NeuralConfig>::from_sql(ty, raw).map(|json| json.0)
    }

    fn accepts(ty: &Type) -> bool {
        <Json<NeuralConfig> as FromSql>::accepts(ty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_survive_a_round_trip() {
        let text = r#"{"layers":3,"dropout":0.1}"#;
        let config: NeuralConfig = serde_json::from_str(text).expect("parses");
        assert_eq!(config.layers, 3);
        assert_eq!(config.other.get("dropout"), Some(&serde_json::json!(0.1)));
        assert_eq!(serde_json::to_string(&config).expect("writes"), text);
    }
}
