//! sqlc's `:execlastid` (SQLite's last insert rowid) and `:execresult` (the rows affected), in a
//! generated crate compiled and run on SQLite; `:execlastid` refused where PostgreSQL reads it.

mod common;

use std::path::Path;
use std::process::Command;

use common::dbtool;

const SCHEMA: &str = "tables:\n  notes:\n    columns:\n      id: bigint primary key identity\n      body: text not null\n";

const QUERIES: &str = "-- name: AddNote :execlastid\nINSERT INTO notes (body) VALUES (@body);\n\n\
-- name: DropNotes :execresult\nDELETE FROM notes WHERE id >= @from_id;\n";

const SMOKE: &str = r#"use kinds_queries::{app, migrations};

#[test]
fn last_ids_and_rows_affected() {
    let conn = rusqlite::Connection::open_in_memory().expect("open");
    migrations::migrate_sqlite(&conn).expect("migrate");
    let first = app::sqlite::add_note(&conn, "a").expect("add");
    let second = app::sqlite::add_note(&conn, "b").expect("add");
    assert_eq!(second, first + 1);
    assert_eq!(app::sqlite::drop_notes(&conn, first).expect("drop"), 2);
    assert_eq!(app::sqlite::drop_notes(&conn, first).expect("drop"), 0);
}
"#;

#[test]
fn execlastid_and_execresult_on_sqlite() {
    let scratch = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(scratch.path(), &["init", "-q", "kinds"]);
    assert_eq!(code, Some(0), "{out}");
    let root = scratch.path().join("kinds");
    std::fs::write(root.join("schema/app.yaml"), SCHEMA).expect("schema");
    std::fs::write(root.join("queries/app.sql"), QUERIES).expect("queries");
    std::fs::write(root.join("generated/tests/smoke.rs"), SMOKE).expect("smoke");
    // With PostgreSQL among the dialects, :execlastid is refused at its annotation.
    let (code, out) = dbtool(&root, &["diff", "notes", "--allow-destructive"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(&root, &["generate"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("query `AddNote` is :execlastid, which has no meaning on postgres"),
        "{out}"
    );
    let config = std::fs::read_to_string(root.join("dbtool.toml")).expect("config");
    std::fs::write(
        root.join("dbtool.toml"),
        config.replace(
            "dialects = [\"postgres\", \"sqlite\"]",
            "dialects = [\"sqlite\"]",
        ),
    )
    .expect("config");
    let (code, out) = dbtool(&root, &["generate"]);
    assert_eq!(code, Some(0), "{out}");
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
