//! `dbtool baseline` adopts a database made without dbtool: it checks that the database holds
//! exactly what versions 1..V build, records them without running them, and from there
//! `migrate` applies only what is new and `drift` is clean. A database that differs is listed
//! and nothing is recorded. On SQLite and PostgreSQL.

mod common;

use std::path::Path;

use common::dbtool;

/// A project from `dbtool init` (version 1: authors and posts).
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(dir.path(), &["init", "app"]);
    assert_eq!(code, Some(0), "{out}");
    dir
}

fn version_one(root: &Path, dialect: &str) -> String {
    std::fs::read_to_string(root.join("migrations").join(dialect).join("V1__init.sql")).expect("V1")
}

/// `execute` builds the database by other means (version 1's SQL run by hand, plus `extra`).
fn adopts_an_existing_database(
    url: &str,
    dialect: &str,
    execute: &dyn Fn(&str),
    history: &dyn Fn() -> i64,
) {
    let dir = project();
    let root = dir.path().join("app");
    execute(&version_one(&root, dialect));

    // Without a baseline, migrate would run version 1 again and fail on what exists.
    let (code, out) = dbtool(&root, &["migrate", "--database-url", url]);
    assert_eq!(code, Some(3), "{out}");
    assert!(out.contains("already exists"), "{out}");

    let (code, out) = dbtool(&root, &["baseline", "--database-url", url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains(
            "holds what versions 1..1 build; recorded 1 version as applied without running them"
        ),
        "{out}"
    );
    assert_eq!(history(), 1);
    let (code, out) = dbtool(&root, &["baseline", "--database-url", url]);
    assert_eq!(code, Some(2), "a second baseline is refused: {out}");
    assert!(
        out.contains("already has a migration history (version 1)"),
        "{out}"
    );

    // A new version on top applies alone, and the database is what its history says.
    let mut schema = std::fs::read_to_string(root.join("schema/app.yaml")).expect("schema");
    schema.push_str(
        "  tags:\n    columns:\n      id: bigint primary key\n      label: text not null\n",
    );
    std::fs::write(root.join("schema/app.yaml"), schema).expect("schema");
    let (code, out) = dbtool(&root, &["diff", "tags"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(&root, &["migrate", "--database-url", url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("applied 1 version"), "{out}");
    let (code, out) = dbtool(&root, &["drift", "--database-url", url]);
    assert_eq!(code, Some(0), "{out}");
}

/// A database with a table the migrations do not make: listed, and nothing recorded.
fn refuses_a_database_that_differs(
    url: &str,
    dialect: &str,
    execute: &dyn Fn(&str),
    history: &dyn Fn() -> i64,
) {
    let dir = project();
    let root = dir.path().join("app");
    execute(&version_one(&root, dialect));
    execute("CREATE TABLE legacy_audit (id integer PRIMARY KEY, note text)");
    let (code, out) = dbtool(&root, &["baseline", "--database-url", url]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("legacy_audit"),
        "the difference is named: {out}"
    );
    assert!(out.contains("is not what versions 1..1 build"), "{out}");
    assert!(out.contains("nothing was recorded"), "{out}");
    assert_eq!(history(), 0);
}

#[test]
fn baseline_adopts_a_sqlite_database_and_refuses_one_that_differs() {
    for adopt in [true, false] {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("existing.db");
        let url = format!("sqlite://{}", file.display());
        let execute = |sql: &str| {
            let conn = rusqlite::Connection::open(&file).expect("open");
            conn.execute_batch(sql).expect("execute");
        };
        let history = || -> i64 {
            let conn = rusqlite::Connection::open(&file).expect("open");
            conn.query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'refinery_schema_history'",
                [],
                |row| row.get::<_, i64>(0),
            )
            .ok()
            .filter(|exists| *exists > 0)
            .and_then(|_| {
                conn.query_row("SELECT count(*) FROM refinery_schema_history", [], |row| {
                    row.get(0)
                })
                .ok()
            })
            .unwrap_or(0)
        };
        if adopt {
            adopts_an_existing_database(&url, "sqlite", &execute, &history);
        } else {
            refuses_a_database_that_differs(&url, "sqlite", &execute, &history);
        }
    }
}

#[test]
fn baseline_adopts_a_postgres_database_and_refuses_one_that_differs() {
    for adopt in [true, false] {
        let Some(pg) = common::pg_database("baseline") else {
            return;
        };
        let url = pg.url.clone();
        let execute = |sql: &str| {
            let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
            client.batch_execute(sql).expect("execute");
        };
        let history = || -> i64 {
            let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
            let exists: bool = client
                .query_one(
                    "SELECT to_regclass('refinery_schema_history') IS NOT NULL",
                    &[],
                )
                .expect("history table")
                .get(0);
            if !exists {
                return 0;
            }
            client
                .query_one("SELECT count(*) FROM refinery_schema_history", &[])
                .expect("history")
                .get(0)
        };
        if adopt {
            adopts_an_existing_database(&pg.url, "postgres", &execute, &history);
        } else {
            refuses_a_database_that_differs(&pg.url, "postgres", &execute, &history);
        }
    }
}
