//! The rendered DDL of the reference schema, applied to real engines, then read back from
//! their catalogs: every declared table, column, type, nullability, default, key and index
//! must be there as declared.

mod common;

use std::collections::BTreeSet;

use dbtool::render::{render, Templates};
use dbtool::schema::{BaseType, ColumnType, Dialect, IndexPart, ScalarType, Schema};

/// What information_schema / pg_catalog calls each portable type (`udt_name`).
fn pg_udt_name(ty: &ColumnType) -> String {
    let base = match &ty.base {
        BaseType::Scalar(s) => match s {
            ScalarType::Bool => "bool",
            ScalarType::SmallInt => "int2",
            ScalarType::Int => "int4",
            ScalarType::BigInt => "int8",
            ScalarType::Real => "float4",
            ScalarType::Double => "float8",
            ScalarType::Numeric(_) => "numeric",
            ScalarType::Text => "text",
            ScalarType::Varchar(_) => "varchar",
            ScalarType::Char(_) => "bpchar",
            ScalarType::Bytes => "bytea",
            ScalarType::Uuid => "uuid",
            ScalarType::Date => "date",
            ScalarType::Time => "time",
            ScalarType::Timestamp => "timestamp",
            ScalarType::Timestamptz => "timestamptz",
            ScalarType::Interval => "interval",
            ScalarType::Json => "json",
            ScalarType::Jsonb => "jsonb",
        }
        .to_string(),
        BaseType::Enum(name) => name.clone(),
        BaseType::Raw(map) => map.get(&Dialect::Postgres).cloned().unwrap_or_default(),
    };
    if ty.array {
        format!("_{base}")
    } else {
        base
    }
}

/// The storage class SQLite reports for each portable type.
fn sqlite_type(ty: &ColumnType) -> &'static str {
    if ty.array {
        return "TEXT";
    }
    match &ty.base {
        BaseType::Scalar(s) if s.is_integer() || *s == ScalarType::Bool => "INTEGER",
        BaseType::Scalar(ScalarType::Real | ScalarType::Double | ScalarType::Numeric(_)) => "REAL",
        BaseType::Scalar(ScalarType::Bytes) => "BLOB",
        _ => "TEXT",
    }
}

fn index_names(schema: &Schema) -> BTreeSet<String> {
    schema
        .tables
        .iter()
        .flat_map(|t| t.indexes.iter().map(|i| i.name.value.clone()))
        .collect()
}

#[test]
fn postgres_ddl_applies_and_matches_the_declaration() {
    let schema = common::reference_schema();
    let Some(mut db) = common::pg_database("pg_catalog_check") else {
        return;
    };
    let ddl = render(&schema, Dialect::Postgres, &Templates::default()).expect("render");
    db.client
        .batch_execute(&ddl)
        .expect("the rendered postgres DDL applies");
    let client = &mut db.client;

    for table in &schema.tables {
        let rows = client
            .query(
                "SELECT column_name::text, udt_name::text, is_nullable::text, column_default::text, is_identity::text, character_maximum_length
                 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
                &[&table.name.value],
            )
            .expect("read columns");
        let names: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
        let declared: Vec<String> = table.columns.iter().map(|c| c.name.value.clone()).collect();
        assert_eq!(names, declared, "columns of {}", table.name.value);
        for (row, column) in rows.iter().zip(&table.columns) {
            let what = format!("{}.{}", table.name.value, column.name.value);
            assert_eq!(
                row.get::<_, String>(1),
                pg_udt_name(&column.ty.value),
                "type of {what}"
            );
            assert_eq!(
                row.get::<_, String>(2) == "YES",
                column.nullable,
                "nullability of {what}"
            );
            let has_default = row.get::<_, Option<String>>(3).is_some();
            assert_eq!(has_default, column.default.is_some(), "default of {what}");
            assert_eq!(
                row.get::<_, String>(4) == "YES",
                column.identity,
                "identity of {what}"
            );
            if let Some(ScalarType::Varchar(n)) = column.ty.value.scalar() {
                assert_eq!(
                    row.get::<_, Option<i32>>(5),
                    Some(n as i32),
                    "length of {what}"
                );
            }
        }

        let constraints: BTreeSet<(String, String)> = client
            .query(
                "SELECT constraint_name::text, constraint_type::text FROM information_schema.table_constraints
                 WHERE table_schema = 'public' AND table_name = $1 AND constraint_type <> 'CHECK'",
                &[&table.name.value],
            )
            .expect("read constraints")
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let mut expected = BTreeSet::new();
        if let Some(pk) = &table.primary_key {
            expected.insert((pk.name.clone(), "PRIMARY KEY".to_string()));
        }
        for u in &table.uniques {
            expected.insert((u.name.clone(), "UNIQUE".to_string()));
        }
        for fk in &table.foreign_keys {
            expected.insert((fk.name.clone(), "FOREIGN KEY".to_string()));
        }
        assert_eq!(constraints, expected, "keys of {}", table.name.value);
    }

    let indexes: BTreeSet<String> = client
        .query(
            "SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public'",
            &[],
        )
        .expect("read indexes")
        .iter()
        .map(|r| r.get(0))
        .collect();
    for name in index_names(&schema) {
        assert!(indexes.contains(&name), "index {name} exists");
    }
    for table in &schema.tables {
        for index in &table.indexes {
            let definition: String = client
                .query_one(
                    "SELECT indexdef FROM pg_indexes WHERE indexname = $1",
                    &[&index.name.value],
                )
                .expect("index definition")
                .get(0);
            assert_eq!(
                definition.starts_with("CREATE UNIQUE"),
                index.unique,
                "uniqueness of {}",
                index.name.value
            );
            for part in &index.parts {
                if let IndexPart::Column { name, descending } = part {
                    assert!(
                        definition.contains(name.as_str()),
                        "{definition} covers {}",
                        name.value
                    );
                    if *descending {
                        assert!(definition.contains("DESC"), "{definition} is descending");
                    }
                }
            }
        }
    }

    let relations: BTreeSet<String> = client
        .query("SELECT matviewname::text FROM pg_matviews UNION SELECT viewname::text FROM pg_views WHERE schemaname = 'public'", &[])
        .expect("read views")
        .iter()
        .map(|r| r.get(0))
        .collect();
    for view in &schema.views {
        assert!(
            relations.contains(&view.name.value),
            "view {} exists",
            view.name.value
        );
    }
    for aggregate in &schema.continuous_aggregates {
        assert!(
            relations.contains(&aggregate.name.value),
            "aggregate {} exists",
            aggregate.name.value
        );
        let refresh = format!("SELECT \"refresh_{}\"()", aggregate.name.value);
        client
            .batch_execute(&refresh)
            .expect("the aggregate refreshes concurrently");
    }
}

#[test]
fn sqlite_ddl_applies_and_matches_the_declaration() {
    let schema = common::reference_schema();
    let ddl = render(&schema, Dialect::Sqlite, &Templates::default()).expect("render");
    let db = rusqlite::Connection::open_in_memory().expect("open sqlite");
    db.execute_batch(&ddl)
        .expect("the rendered sqlite DDL applies");

    for table in &schema.tables {
        let mut statement = db
            .prepare("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1) ORDER BY cid")
            .expect("prepare");
        let rows: Vec<(String, String, bool, Option<String>, i64)> = statement
            .query_map([&table.name.value], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .expect("read columns")
            .collect::<Result<_, _>>()
            .expect("columns");
        let names: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        let declared: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, declared, "columns of {}", table.name.value);
        for (row, column) in rows.iter().zip(&table.columns) {
            let what = format!("{}.{}", table.name.value, column.name.value);
            assert_eq!(row.1, sqlite_type(&column.ty.value), "type of {what}");
            // An identity column is the rowid: never NULL, without a NOT NULL clause.
            assert_eq!(
                row.2,
                !column.nullable && !column.identity,
                "nullability of {what}"
            );
            assert_eq!(
                row.3.is_some(),
                column.default.is_some() && !column.identity,
                "default of {what}"
            );
            let in_key = table
                .primary_key
                .as_ref()
                .is_some_and(|pk| pk.columns.iter().any(|c| c.value == column.name.value));
            assert_eq!(row.4 > 0, in_key, "primary key of {what}");
        }
        let fks: BTreeSet<(String, String, String)> = db
            .prepare("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1)")
            .expect("prepare")
            .query_map([&table.name.value], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .expect("read foreign keys")
            .collect::<Result<_, _>>()
            .expect("foreign keys");
        let expected: BTreeSet<(String, String, String)> = table
            .foreign_keys
            .iter()
            .flat_map(|fk| {
                fk.columns.iter().zip(&fk.ref_columns).map(|(from, to)| {
                    (
                        fk.ref_table.value.clone(),
                        from.value.clone(),
                        to.value.clone(),
                    )
                })
            })
            .collect();
        assert_eq!(fks, expected, "foreign keys of {}", table.name.value);
        let unique_indexes: Vec<(String, bool)> = db
            .prepare("SELECT name, \"unique\" FROM pragma_index_list(?1)")
            .expect("prepare")
            .query_map([&table.name.value], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("read indexes")
            .collect::<Result<_, _>>()
            .expect("indexes");
        for index in &table.indexes {
            let found = unique_indexes
                .iter()
                .find(|(name, _)| name == &index.name.value);
            assert_eq!(
                found.map(|f| f.1),
                Some(index.unique),
                "index {} exists with its uniqueness",
                index.name.value
            );
        }
        let unique_constraints = unique_indexes
            .iter()
            .filter(|(name, unique)| *unique && name.starts_with("sqlite_autoindex"))
            .count();
        let pk_is_rowid = table.columns.iter().any(|c| c.identity);
        let expected_auto = table.uniques.len()
            + usize::from(
                table.primary_key.is_some() && !pk_is_rowid && !table.sqlite.without_rowid,
            );
        assert_eq!(
            unique_constraints, expected_auto,
            "unique constraints of {}",
            table.name.value
        );
    }
    let objects: BTreeSet<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type IN ('view', 'table')")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("read objects")
        .collect::<Result<_, _>>()
        .expect("objects");
    for name in schema
        .views
        .iter()
        .map(|v| &v.name.value)
        .chain(schema.continuous_aggregates.iter().map(|a| &a.name.value))
        .chain(schema.full_text.iter().map(|f| &f.name.value))
    {
        assert!(objects.contains(name), "{name} exists in sqlite");
    }
    for view in schema
        .views
        .iter()
        .map(|v| &v.name.value)
        .chain(schema.continuous_aggregates.iter().map(|a| &a.name.value))
    {
        db.prepare(&format!("SELECT * FROM \"{view}\""))
            .expect("the view can be read");
    }
}

/// A continuous aggregate's bucket on SQLite is text written as the columns store times, so
/// it equals the same instant as a parameter writes it, and PostgreSQL agrees on the bucket.
#[test]
fn bucket_starts_compare_equal_to_the_same_instant_on_sqlite_and_postgres() {
    let schema = common::reference_schema();
    let templates = Templates::default();
    let insert = "INSERT INTO llm_usage_metrics (time, model_id, provider, request_count)
                  VALUES ('2026-01-01T10:15:00.000Z', 'm', 'p', 3)";
    let sqlite = rusqlite::Connection::open_in_memory().expect("sqlite");
    let ddl = render(&schema, Dialect::Sqlite, &templates).expect("render sqlite");
    sqlite.execute_batch(&ddl).expect("sqlite DDL");
    sqlite.execute(insert, []).expect("insert");
    let (hour, count): (String, i64) = sqlite
        .query_row(
            "SELECT hour, request_count FROM llm_usage_hourly WHERE hour = ?1",
            ["2026-01-01T10:00:00.000Z"],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .expect("the bucket of 10:15 is 10:00:00.000Z");
    assert_eq!((hour.as_str(), count), ("2026-01-01T10:00:00.000Z", 3));
    let day: String = sqlite
        .query_row("SELECT day FROM llm_usage_daily", [], |row| row.get(0))
        .expect("daily");
    assert_eq!(day, "2026-01-01T00:00:00.000Z");

    let Some(mut pg) = common::pg_database("bucket_equality") else {
        return;
    };
    let ddl = render(&schema, Dialect::Postgres, &templates).expect("render postgres");
    pg.client.batch_execute(&ddl).expect("postgres DDL");
    pg.client.batch_execute(insert).expect("insert");
    pg.client
        .batch_execute("REFRESH MATERIALIZED VIEW llm_usage_hourly")
        .expect("refresh");
    let row = pg
        .client
        .query_one(
            "SELECT request_count FROM llm_usage_hourly WHERE hour = '2026-01-01T10:00:00.000Z'",
            &[],
        )
        .expect("the same bucket on PostgreSQL");
    assert_eq!(row.get::<_, Option<i64>>(0), Some(3));
}
