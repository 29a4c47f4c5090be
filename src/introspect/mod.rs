//! Reading a live database's schema as a catalog of named definitions, and comparing two
//! catalogs. `dbtool drift` compares a database with a scratch one that its own applied
//! migrations built, so "what the migrations say" is decided by the engine itself.

pub mod pull;
pub mod pull_sqlite;

use std::collections::BTreeMap;

use crate::migrate::{DatabaseUrl, MigrateError};

/// Definitions by object: `table t`, `column t.c`, `index i`, `constraint t.c`, `view v`, …
pub type Catalog = BTreeMap<String, String>;

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

/// The catalog of the database at `url` (its history table left out).
pub fn catalog(url: &str) -> Result<Catalog, MigrateError> {
    match DatabaseUrl::parse(url)? {
        DatabaseUrl::Postgres(url) => {
            let mut client = crate::engine::postgres::connect_client(&url)?;
            postgres_catalog(&mut client)
        }
        DatabaseUrl::SqliteFile(path) => {
            let conn = rusqlite::Connection::open(&path)
                .map_err(|e| failed(&format!("cannot open {path}"), e))?;
            sqlite_catalog(&conn)
        }
        DatabaseUrl::SqliteMemory => Err(MigrateError::Invalid(
            "an in-memory database has no schema to compare; give the URL of a database".into(),
        )),
    }
}

/// SQLite keeps each object's `CREATE` statement; they are compared as SQLite stores them, with
/// the quotes `ALTER TABLE … RENAME TO` adds around a table's name removed.
pub fn sqlite_catalog(conn: &rusqlite::Connection) -> Result<Catalog, MigrateError> {
    let read = || -> rusqlite::Result<Catalog> {
        let mut statement = conn.prepare(
            "SELECT type, name, coalesce(sql, '') FROM sqlite_master \
             WHERE tbl_name <> 'refinery_schema_history' AND name NOT LIKE 'sqlite_%'",
        )?;
        let rows = statement.query_map([], |row| {
            let (kind, name, sql): (String, String, String) =
                (row.get(0)?, row.get(1)?, row.get(2)?);
            let quoted = format!("CREATE TABLE \"{name}\" (");
            let sql = sql.replacen(&quoted, &format!("CREATE TABLE {name} ("), 1);
            Ok((format!("{kind} {name}"), sql))
        })?;
        rows.collect()
    };
    read().map_err(|e| failed("cannot read the SQLite schema", e))
}

/// PostgreSQL's catalogs for the `public` schema: columns, constraints, indexes, views,
/// materialized views and enums, each as PostgreSQL itself spells its definition.
pub fn postgres_catalog(client: &mut postgres::Client) -> Result<Catalog, MigrateError> {
    const QUERIES: &[(&str, &str)] = &[
        (
            "column",
            "SELECT table_name || '.' || column_name,
                    udt_name || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
                    || coalesce(' default ' || column_default, '')
                    || CASE WHEN is_identity = 'YES' THEN ' identity' ELSE '' END
             FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name <> 'refinery_schema_history'",
        ),
        (
            "constraint",
            "SELECT conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
             FROM pg_constraint
             WHERE connamespace = 'public'::regnamespace AND conrelid <> 0
               AND conrelid::regclass::text <> 'refinery_schema_history'",
        ),
        (
            "index",
            "SELECT indexname, indexdef FROM pg_indexes
             WHERE schemaname = 'public' AND tablename <> 'refinery_schema_history'",
        ),
        (
            "view",
            "SELECT viewname, definition FROM pg_views WHERE schemaname = 'public'",
        ),
        (
            "materialized view",
            "SELECT matviewname, definition FROM pg_matviews WHERE schemaname = 'public'",
        ),
        (
            "enum",
            "SELECT t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
             FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
             WHERE t.typnamespace = 'public'::regnamespace
             GROUP BY t.typname",
        ),
        (
            "function",
            "SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                    md5(pg_get_functiondef(p.oid))
             FROM pg_proc p
             WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p')",
        ),
    ];
    let mut catalog = Catalog::new();
    for (kind, sql) in QUERIES {
        let rows = client
            .query(*sql, &[])
            .map_err(|e| failed("cannot read the PostgreSQL catalog", e))?;
        for row in rows {
            let name: String = row.get(0);
            let definition: Option<String> = row.get(1);
            catalog.insert(format!("{kind} {name}"), definition.unwrap_or_default());
        }
    }
    Ok(catalog)
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
