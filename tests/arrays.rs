//! Arrays of numbers and booleans: typed by the analyzer (`id = ANY(@ids)` makes `ids` a
//! bigint[]), mapped to `Vec<i64>` / `&[i64]`, confirmed by PostgreSQL, and stored on SQLite as
//! JSON arrays that read back as they were written (a generated crate compiled and run).

mod common;

use std::path::Path;
use std::process::Command;

use common::dbtool;

const SCHEMA: &str = "tables:\n  readings:\n    columns:\n      id: bigint primary key\n      samples: int[] not null\n      flags: bool[]\n";

const QUERIES: &str = "-- name: AddReading :exec\nINSERT INTO readings (id, samples, flags) VALUES (@id, @samples, sqlc.narg(flags));\n\n\
-- name: GetReading :one\nSELECT samples, flags FROM readings WHERE id = @id;\n";

const SMOKE: &str = r#"use arrays_queries::{app, migrations};

#[test]
fn arrays_round_trip_on_sqlite() {
    let conn = rusqlite::Connection::open_in_memory().expect("open");
    migrations::migrate_sqlite(&conn).expect("migrate");
    app::sqlite::add_reading(&conn, 1, &[3, -1, 40_000], Some(&[true, false])).expect("add");
    app::sqlite::add_reading(&conn, 2, &[], None).expect("add");
    let one = app::sqlite::get_reading(&conn, 1).expect("get");
    assert_eq!(one.samples, [3, -1, 40_000]);
    assert_eq!(one.flags, Some(vec![true, false]));
    let two = app::sqlite::get_reading(&conn, 2).expect("get");
    assert!(two.samples.is_empty());
    assert_eq!(two.flags, None);
}
"#;

#[test]
fn arrays_of_numbers_and_booleans_are_typed_and_round_trip() {
    let scratch = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(scratch.path(), &["init", "-q", "arrays"]);
    assert_eq!(code, Some(0), "{out}");
    let root = scratch.path().join("arrays");
    std::fs::write(root.join("schema/app.yaml"), SCHEMA).expect("schema");
    std::fs::write(root.join("queries/app.sql"), QUERIES).expect("queries");
    std::fs::write(root.join("generated/tests/smoke.rs"), SMOKE).expect("smoke");
    let (code, out) = dbtool(&root, &["diff", "readings", "--allow-destructive"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(&root, &["generate"]);
    assert_eq!(code, Some(0), "{out}");
    let module = std::fs::read_to_string(root.join("generated/src/app.rs")).expect("app.rs");
    assert!(module.contains("samples: &[i32],"), "{module}");
    assert!(module.contains("pub samples: Vec<i32>,"), "{module}");
    if let Some(pg) = common::pg_database("arrays") {
        // PostgreSQL types the statements as the analysis does, ANY included.
        std::fs::write(
            root.join("queries/app.sql"),
            format!("{QUERIES}\n-- name: SomeReadings :many\nSELECT id FROM readings WHERE id = ANY(@ids) AND samples && @any_of;\n"),
        )
        .expect("queries");
        std::fs::write(
            root.join("dbtool.toml"),
            std::fs::read_to_string(root.join("dbtool.toml"))
                .expect("toml")
                .replace(
                    "dialects = [\"postgres\", \"sqlite\"]",
                    "dialects = [\"postgres\"]",
                ),
        )
        .expect("toml");
        let (code, out) = dbtool(&root, &["generate", "--database-url", &pg.url]);
        assert_eq!(code, Some(0), "{out}");
        let module = std::fs::read_to_string(root.join("generated/src/app.rs")).expect("app.rs");
        assert!(module.contains("ids: &[i64],"), "{module}");
        assert!(module.contains("any_of: &[i32],"), "{module}");
        std::fs::write(root.join("queries/app.sql"), QUERIES).expect("queries");
        std::fs::write(
            root.join("dbtool.toml"),
            std::fs::read_to_string(root.join("dbtool.toml"))
                .expect("toml")
                .replace(
                    "dialects = [\"postgres\"]",
                    "dialects = [\"postgres\", \"sqlite\"]",
                ),
        )
        .expect("toml");
        let (code, out) = dbtool(&root, &["generate"]);
        assert_eq!(code, Some(0), "{out}");
    }
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
