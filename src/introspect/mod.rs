//! Reading a live database's schema as a catalog of named definitions, and comparing two
//! catalogs. `dbtool drift` compares a database with a scratch one that its own applied
//! migrations built, so "what the migrations say" is decided by the engine itself.

pub mod pull;
pub mod pull_sqlite;

use crate::migrate::{DatabaseUrl, MigrateError};

/// Definitions by object: `table t`, `column t.c`, `index i`, `constraint t.c`, `view v`, …
pub use crate::engine::Catalog;

/// One difference between what the migrations produce and what the database has.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Difference {
    /// `missing` (the migrations have it, the database does not), `extra`, or `changed`.
    pub kind: &'static str,
    pub object: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
}

/// What differs, in object order.
pub fn compare(expected: &Catalog, actual: &Catalog) -> Vec<Difference> {
    let mut differences = Vec::new();
    for (object, definition) in expected {
        match actual.get(object) {
            None => differences.push(Difference {
                kind: "missing",
                object: object.clone(),
                expected: Some(definition.clone()),
                actual: None,
            }),
            Some(found) if found != definition => differences.push(Difference {
                kind: "changed",
                object: object.clone(),
                expected: Some(definition.clone()),
                actual: Some(found.clone()),
            }),
            Some(_) => {}
        }
    }
    for (object, definition) in actual {
        if !expected.contains_key(object) {
            differences.push(Difference {
                kind: "extra",
                object: object.clone(),
                expected: None,
                actual: Some(definition.clone()),
            });
        }
    }
    differences.sort_by(|a, b| a.object.cmp(&b.object).then(a.kind.cmp(b.kind)));
    differences
}

fn failed(context: &str, error: impl std::fmt::Display) -> MigrateError {
    MigrateError::Database {
        message: format!("{context}: {error}"),
    }
}

/// The catalog of the database at `url` (its history table left out), as its engine reads it.
pub fn catalog(url: &str) -> Result<Catalog, MigrateError> {
    if DatabaseUrl::parse(url)?.is_memory() {
        return Err(MigrateError::Invalid(
            "an in-memory database has no schema to compare; give the URL of a database".into(),
        ));
    }
    let mut connection = crate::engine::open(url, false)?;
    connection
        .catalog()
        .map_err(|e| failed("cannot read the database's catalog", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_are_missing_extra_or_changed() {
        let expected: Catalog = [("index a", "x"), ("index b", "y"), ("table t", "t")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let actual: Catalog = [("index b", "y2"), ("index c", "z"), ("table t", "t")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let found: Vec<String> = compare(&expected, &actual)
            .iter()
            .map(|d| format!("{} {}", d.kind, d.object))
            .collect();
        assert_eq!(
            found,
            ["missing index a", "changed index b", "extra index c"]
        );
        assert!(compare(&expected, &expected).is_empty());
    }
}
