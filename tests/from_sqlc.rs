//! `dbtool init --from-sqlc`: a sqlc project written for this test (tests/sqlc_fixture/: goose
//! migrations, a query file in sqlc's SQLite forms) becomes a dbtool project in one command,
//! and its generated crate is compiled and run on SQLite.

mod common;

use std::path::Path;
use std::process::Command;

use common::dbtool;

const SMOKE: &str = r#"use app_queries::{migrations, query};

#[test]
fn the_sqlc_queries_work() {
    let conn = rusqlite::Connection::open_in_memory().expect("open");
    migrations::migrate_sqlite(&conn).expect("migrate");
    let ada = query::sqlite::create_author(&conn, "Ada", Some("engines")).expect("create");
    let grace = query::sqlite::create_author(&conn, "Grace", None).expect("create");
    assert_eq!(grace, ada + 1);
    assert_eq!(query::sqlite::get_author(&conn, ada).expect("get").name, "Ada");
    assert_eq!(query::sqlite::update_author_bio(&conn, Some("compilers"), grace).expect("bio"), 1);
    let names: Vec<String> = query::sqlite::list_authors(&conn)
        .expect("list")
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(names, ["Ada", "Grace"]);
    assert_eq!(query::sqlite::count_books(&conn).expect("count"), 0);
    assert!(query::sqlite::books_by_author(&conn, ada).expect("books").is_empty());
}
"#;

#[test]
fn a_sqlc_project_converts_in_one_command() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = repo.join("tests/sqlc_fixture/sqlite/sqlc.yaml");
    let scratch = tempfile::tempdir().expect("tempdir");
    let config_arg = config.display().to_string();
    let (code, out) = dbtool(scratch.path(), &["init", "app", "--from-sqlc", &config_arg]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("1 query file copied into queries/"), "{out}");
    assert!(
        out.contains("note: sqlc's `gen` is not carried"),
        "what is not carried is named: {out}"
    );
    let root = scratch.path().join("app");
    let schema = std::fs::read_to_string(root.join("schema/app.yaml")).expect("schema");
    assert!(schema.contains("  books:"), "{schema}");
    let queries = std::fs::read_to_string(root.join("queries/query.sql")).expect("queries");
    assert_eq!(
        queries,
        std::fs::read_to_string(repo.join("tests/sqlc_fixture/sqlite/query.sql")).expect("fixture"),
        "the query file is copied as it is"
    );
    let (code, out) = dbtool(&root, &["check"]);
    assert_eq!(code, Some(0), "{out}");
    std::fs::write(root.join("generated/tests/smoke.rs"), SMOKE).expect("smoke");
    cargo_test(&root);
}

/// `cargo test` in the new project, with this repository's lock file and the target folder
/// the init tests share.
fn cargo_test(root: &Path) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("Cargo.lock"), root.join("Cargo.lock")).expect("lock file");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["test", "--quiet"])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", repo.join("target/init-smoke"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo test");
    assert!(
        output.status.success(),
        "cargo test failed in the new project:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
