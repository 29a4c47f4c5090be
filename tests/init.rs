//! `dbtool init`: a new project in which `dbtool migrate`, `dbtool generate` and `cargo test`
//! work at once.

mod common;

use std::path::Path;
use std::process::Command;

use common::dbtool;

#[test]
fn init_gives_a_project_that_migrates_generates_and_tests() {
    let scratch = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(scratch.path(), &["init", "blog"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("created a dbtool project in"), "{out}");
    let root = scratch.path().join("blog");
    for file in [
        "dbtool.toml",
        "schema/app.yaml",
        "queries/app.sql",
        "migrations/sqlite/V1__init.sql",
        "migrations/postgres/V1__init.down.sql",
        "migrations/dbtool.sum",
        "generated/Cargo.toml",
        "generated/src/app.rs",
        "generated/tests/smoke.rs",
        "Cargo.toml",
        "justfile",
        ".gitignore",
    ] {
        assert!(root.join(file).is_file(), "{file} was not written");
    }

    let (code, out) = dbtool(&root, &["migrate"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("applied 1 version(s)"), "{out}");
    assert!(
        root.join("dbtool.db").is_file(),
        "the dev environment's SQLite file"
    );
    let (code, out) = dbtool(&root, &["generate", "--check"]);
    assert_eq!(code, Some(0), "{out}");

    // Everything dbtool wrote is rustfmt-clean.
    let fmt = Command::new("rustfmt")
        .args(["--edition", "2021", "--check"])
        .arg(root.join("generated/src/lib.rs"))
        .arg(root.join("generated/tests/smoke.rs"))
        .output()
        .expect("run rustfmt");
    assert!(
        fmt.status.success(),
        "{}",
        String::from_utf8_lossy(&fmt.stdout)
    );

    cargo_test(&root);

    // A second init refuses rather than overwrite.
    let (code, out) = dbtool(scratch.path(), &["init", "blog"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("already has dbtool.toml"), "{out}");
}

/// `cargo test` in the new project, with this repository's lock file (same dependency
/// versions, so nothing is downloaded that this build did not need) and its own target folder
/// (kept between runs).
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
