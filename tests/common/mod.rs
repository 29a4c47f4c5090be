//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use dbtool::diagnostic::SourceFile;
use dbtool::project::Project;
use dbtool::schema::{self, Schema};

/// This repository's own project (dbtool.toml at the crate root).
pub fn reference_project() -> Project {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Project::open(Some(&root.join("dbtool.toml")), root).expect("open the reference project")
}

pub fn reference_sources() -> Vec<SourceFile> {
    reference_project().schema_sources().expect("read schema/")
}

pub fn reference_schema() -> Schema {
    let project = reference_project();
    let sources = reference_sources();
    match schema::load(&sources, &project.config.dialects) {
        Ok(schema) => schema,
        Err(errors) => {
            let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("reference schema is invalid:\n{}", text.join("\n"))
        }
    }
}

/// A fresh PostgreSQL database, dropped when this value is.
pub struct PgDatabase {
    admin_url: String,
    pub name: String,
    /// URL of this database (same server and credentials as `DBTOOL_TEST_PG_URL`).
    pub url: String,
    pub client: postgres::Client,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&self.admin_url, postgres::NoTls) {
            let _ = admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// Whether the tests run under CI: `CI` set to anything but empty, `false` or `0` (CI systems
/// set `CI=true`, `CI=1` or `CI=yes`). Under CI a test that needs PostgreSQL fails without it.
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| ci_value_means_ci(&value))
}

pub fn ci_value_means_ci(value: &str) -> bool {
    let value = value.trim();
    !(value.is_empty() || value == "0" || value.eq_ignore_ascii_case("false"))
}

/// Says that a test was skipped where the person running `cargo test` sees it: straight to the
/// process's standard error, which the test harness does not capture (it captures `eprintln!`,
/// so a skipped test would otherwise read only `ok`).
pub fn announce_skip(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "\n!!!!!!!! {message} !!!!!!!!\n");
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Connects to `DBTOOL_TEST_PG_URL` and creates a database for one test.
///
/// Returns `None` (after saying so loudly) when no server is reachable, except under
/// `CI=true`, where a missing server fails the test.
pub fn pg_database(test: &str) -> Option<PgDatabase> {
    let admin_url = std::env::var("DBTOOL_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
    let mut admin = match postgres::Client::connect(&admin_url, postgres::NoTls) {
        Ok(client) => client,
        Err(error) => {
            if under_ci() {
                panic!("CI is set and PostgreSQL is unreachable at DBTOOL_TEST_PG_URL: {error}");
            }
            announce_skip(&format!(
                "SKIPPED {test}: PostgreSQL is unreachable ({error}); set DBTOOL_TEST_PG_URL"
            ));
            return None;
        }
    };
    let name = format!(
        "dbtool_test_{}_{}_{}",
        test,
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    );
    // Two calls: a multi-statement batch runs in one implicit transaction, which
    // DROP/CREATE DATABASE refuse.
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\""))
        .expect("drop leftover test database");
    admin
        .batch_execute(&format!("CREATE DATABASE \"{name}\""))
        .expect("create test database");
    let url = dbtool::migrate::with_database(&admin_url, &name);
    let client =
        postgres::Client::connect(&url, postgres::NoTls).expect("connect to test database");
    Some(PgDatabase {
        admin_url,
        name,
        url,
        client,
    })
}

/// Runs the `dbtool` binary in `dir` without colours or inherited database URLs; returns its
/// exit code and everything it printed.
pub fn dbtool(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_dbtool"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("DATABASE_URL")
        .env_remove("DBTOOL_ENV")
        .env_remove("DBTOOL_TEST_PG_URL")
        .output()
        .expect("run dbtool");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code(), text)
}
