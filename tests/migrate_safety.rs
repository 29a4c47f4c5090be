//! `dbtool migrate` and `rollback` as processes, on the reference project and on scratch
//! projects: concurrent migrators, failures half way, and every refusal a user can meet.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn reference_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

use common::dbtool;

/// Starts one `dbtool` process per argument list at once on the reference project and waits
/// for all of them; returns each one's exit code and standard error.
fn at_once(commands: &[Vec<&str>]) -> Vec<(Option<i32>, String)> {
    let children: Vec<_> = commands
        .iter()
        .map(|args| {
            Command::new(env!("CARGO_BIN_EXE_dbtool"))
                .args(args)
                .current_dir(reference_root())
                .env_remove("DATABASE_URL")
                .env_remove("DBTOOL_ENV")
                .env("NO_COLOR", "1")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn dbtool")
        })
        .collect();
    children
        .into_iter()
        .map(|child| {
            let output = child.wait_with_output().expect("wait");
            (
                output.status.code(),
                String::from_utf8_lossy(&output.stderr).into_owned(),
            )
        })
        .collect()
}

/// Starts four `dbtool migrate` processes at once and waits for all of them.
fn four_migrators(url: &str) -> Vec<(Option<i32>, String)> {
    at_once(&vec![vec!["migrate", "--quiet", "--database-url", url]; 4])
}

fn reference_versions() -> i64 {
    let scripts = dbtool::migrate::load_scripts(
        &reference_root().join("migrations"),
        dbtool::schema::Dialect::Sqlite,
    )
    .expect("load");
    scripts.len() as i64
}

#[test]
fn four_concurrent_migrators_on_one_sqlite_file_apply_each_version_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("shared.db");
    let url = format!("sqlite://{}", file.display());
    for (code, stderr) in four_migrators(&url) {
        assert_eq!(code, Some(0), "{stderr}");
    }
    let conn = rusqlite::Connection::open(&file).expect("open");
    let (rows, distinct): (i64, i64) = conn
        .query_row(
            "SELECT count(*), count(DISTINCT version) FROM refinery_schema_history",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("history");
    assert_eq!(
        (rows, distinct),
        (reference_versions(), reference_versions())
    );
}

#[test]
fn four_concurrent_migrators_on_one_postgres_database_apply_each_version_once() {
    let Some(mut pg) = common::pg_database("concurrent") else {
        return;
    };
    for (code, stderr) in four_migrators(&pg.url) {
        assert_eq!(code, Some(0), "{stderr}");
    }
    let row = pg
        .client
        .query_one(
            "SELECT count(*), count(DISTINCT version) FROM refinery_schema_history",
            &[],
        )
        .expect("history");
    let (rows, distinct): (i64, i64) = (row.get(0), row.get(1));
    assert_eq!(
        (rows, distinct),
        (reference_versions(), reference_versions())
    );
}

/// The reference project from the command line: migrate, roll back everything, migrate again,
/// with `status --format json` telling the truth at each point.
fn cli_round_trip(url: &str) {
    let root = reference_root();
    let all = reference_versions() as usize;
    let (code, out) = dbtool(root, &["migrate", "--database-url", url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains(&format!("applied {all} versions")), "{out}");
    let (code, out) = dbtool(root, &["status", "--database-url", url, "--format", "json"]);
    assert_eq!(code, Some(0), "{out}");
    let status: serde_json::Value = serde_json::from_str(&out).expect("status JSON");
    assert_eq!(status["applied"].as_array().map(Vec::len), Some(all));
    assert_eq!(status["pending"].as_array().map(Vec::len), Some(0));
    let (code, out) = dbtool(root, &["rollback", "--all", "--database-url", url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains(&format!("rolled back {all} versions")),
        "{out}"
    );
    let (code, out) = dbtool(root, &["status", "--database-url", url, "--format", "json"]);
    assert_eq!(code, Some(0), "{out}");
    let status: serde_json::Value = serde_json::from_str(&out).expect("status JSON");
    assert_eq!(status["applied"].as_array().map(Vec::len), Some(0));
    assert_eq!(status["pending"].as_array().map(Vec::len), Some(all));
    let (code, out) = dbtool(root, &["migrate", "--database-url", url]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(root, &["migrate", "--database-url", url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("is up to date"), "{out}");
}

#[test]
fn the_reference_project_round_trips_from_the_cli_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    cli_round_trip(&format!("sqlite://{}", dir.path().join("cli.db").display()));
}

#[test]
fn the_reference_project_round_trips_from_the_cli_on_postgres() {
    let Some(pg) = common::pg_database("cli_round_trip") else {
        return;
    };
    cli_round_trip(&pg.url);
}

/// A scratch project with the given versions, written as hand-made migrations.
fn scratch(versions: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("schema")).expect("mkdir");
    std::fs::write(
        dir.path().join("dbtool.toml"),
        "dialects = [\"postgres\", \"sqlite\"]\n",
    )
    .expect("config");
    for (name, up, down) in versions {
        let (code, out) = dbtool(dir.path(), &["migration", "new", name]);
        assert_eq!(code, Some(0), "{out}");
        for dialect in ["postgres", "sqlite"] {
            let folder = dir.path().join("migrations").join(dialect);
            let (up_file, down_file) = script_files(&folder, name);
            std::fs::write(&up_file, up).expect("write up");
            std::fs::write(&down_file, down).expect("write down");
        }
    }
    let (code, out) = dbtool(dir.path(), &["migration", "hash"]);
    assert_eq!(code, Some(0), "{out}");
    dir
}

fn script_files(folder: &Path, name: &str) -> (PathBuf, PathBuf) {
    let suffix = format!("__{name}.sql");
    let up = std::fs::read_dir(folder)
        .expect("read migrations")
        .map(|e| e.expect("entry").path())
        .find(|p| p.to_string_lossy().ends_with(&suffix))
        .expect("up script");
    let down = PathBuf::from(up.to_string_lossy().replace(".sql", ".down.sql"));
    (up, down)
}

const ACCOUNTS: (&str, &str, &str) = (
    "accounts",
    "CREATE TABLE accounts (id integer PRIMARY KEY, owner text NOT NULL);\n",
    "DROP TABLE accounts;\n",
);

/// Version 2 creates a table, fails on its second statement, and would have gone on.
const HALF_BROKEN: (&str, &str, &str) = (
    "half_broken",
    "CREATE TABLE ledger (id integer PRIMARY KEY);\nINSERT INTO ledger (id) VALUES (1);\nINSERT INTO no_such_table VALUES (1);\nCREATE TABLE never (id integer);\n",
    "DROP TABLE ledger;\n",
);

/// `at` is where the error points: PostgreSQL names the refused token's column, SQLite (for
/// this error) only the statement.
fn failing_half_way(
    url: &str,
    at: &str,
    tables: impl Fn() -> Vec<String>,
    history: impl Fn() -> Vec<i64>,
) {
    let dir = scratch(&[ACCOUNTS, HALF_BROKEN]);
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", url]);
    assert_eq!(code, Some(3), "a database error exits 3: {out}");
    assert!(out.contains("error: version 2 failed: "), "{out}");
    assert!(
        out.contains(&format!("V2__half_broken.sql:{at}\n")),
        "names the file, line and column: {out}"
    );
    assert!(out.contains("nothing of version 2 was kept"), "{out}");
    assert!(out.contains("INSERT INTO no_such_table"), "{out}");
    assert!(
        out.contains("no_such_table"),
        "the database's message: {out}"
    );
    assert_eq!(tables(), vec!["accounts".to_string()], "no partial change");
    assert_eq!(history(), vec![1], "the history stays at version 1");
}

#[test]
fn a_migration_failing_half_way_on_sqlite_leaves_the_previous_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("half.db");
    let url = format!("sqlite://{}", file.display());
    let open = || rusqlite::Connection::open(&file).expect("open");
    let tables = || {
        let conn = open();
        let mut s = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'refinery_schema_history' ORDER BY name")
            .expect("prepare");
        let names = s
            .query_map([], |r| r.get(0))
            .expect("query")
            .map(|r| r.expect("row"))
            .collect();
        names
    };
    let history = || {
        let conn = open();
        let mut s = conn
            .prepare("SELECT version FROM refinery_schema_history ORDER BY version")
            .expect("prepare");
        let versions = s
            .query_map([], |r| r.get(0))
            .expect("query")
            .map(|r| r.expect("row"))
            .collect();
        versions
    };
    failing_half_way(&url, "3:1", tables, history);
}

#[test]
fn a_migration_failing_half_way_on_postgres_leaves_the_previous_version() {
    let Some(pg) = common::pg_database("half_way") else {
        return;
    };
    let client = std::cell::RefCell::new(
        postgres::Client::connect(&pg.url, postgres::NoTls).expect("connect"),
    );
    let tables = || {
        client
            .borrow_mut()
            .query(
                "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' \
                 AND tablename <> 'refinery_schema_history' ORDER BY 1",
                &[],
            )
            .expect("tables")
            .iter()
            .map(|r| r.get(0))
            .collect()
    };
    let history = || {
        client
            .borrow_mut()
            .query(
                "SELECT version::int8 FROM refinery_schema_history ORDER BY 1",
                &[],
            )
            .expect("history")
            .iter()
            .map(|r| r.get(0))
            .collect()
    };
    failing_half_way(&pg.url, "3:13", tables, history);
}

/// A statement cut short: PostgreSQL says "at end of input", and the caret stands just after
/// its last character; SQLite says "incomplete input" without a position, so its caret is at
/// the statement.
#[test]
fn a_statement_cut_short_is_shown_at_its_end() {
    let Some(pg) = common::pg_database("cut_short") else {
        return;
    };
    let dir = scratch(&[("cut_short", "CREATE TABLE t (a int\n", "DROP TABLE t;\n")]);
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &pg.url]);
    assert_eq!(code, Some(3), "{out}");
    assert!(out.contains("postgres/V1__cut_short.sql:1:22\n"), "{out}");
    assert!(
        out.contains("1 │ CREATE TABLE t (a int\n  │                      ^\n"),
        "one caret after the last character: {out}"
    );
    let url = sqlite_url(dir.path());
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(3), "{out}");
    assert!(
        out.contains("incomplete input") && out.contains("sqlite/V1__cut_short.sql:1:1\n"),
        "{out}"
    );
}

fn sqlite_url(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("project.db").display())
}

#[test]
fn an_edited_applied_script_stops_migrate_even_with_a_fresh_integrity_file() {
    let dir = scratch(&[ACCOUNTS]);
    let url = sqlite_url(dir.path());
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    let (up, _) = script_files(&dir.path().join("migrations/sqlite"), "accounts");
    std::fs::write(
        &up,
        "CREATE TABLE accounts (id integer PRIMARY KEY, owner text);\n",
    )
    .expect("edit");
    // Without re-hashing, the integrity file catches it before the database is opened.
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("integrity") && out.contains("V1__accounts.sql"),
        "{out}"
    );
    // Re-hashed, refinery's checksum in the history still catches it.
    let (code, out) = dbtool(dir.path(), &["migration", "hash"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("V1__accounts.sql changed after it was applied"),
        "{out}"
    );
}

#[test]
fn a_missing_down_script_refuses_rollback_before_doing_anything() {
    let dir = scratch(&[
        ACCOUNTS,
        (
            "ledger",
            "CREATE TABLE ledger (id integer);\n",
            "DROP TABLE ledger;\n",
        ),
    ]);
    let url = sqlite_url(dir.path());
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    let (_, down) = script_files(&dir.path().join("migrations/sqlite"), "accounts");
    std::fs::remove_file(&down).expect("remove down");
    let (code, out) = dbtool(dir.path(), &["migration", "hash"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(dir.path(), &["rollback", "--all", "--database-url", &url]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("cannot roll back version 1")
            && out.contains("V1__accounts.down.sql is missing"),
        "{out}"
    );
    let (code, out) = dbtool(
        dir.path(),
        &["status", "--database-url", &url, "--format", "json"],
    );
    assert_eq!(code, Some(0), "{out}");
    let status: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        status["applied"].as_array().map(Vec::len),
        Some(2),
        "version 2 was not rolled back either: {out}"
    );
}

#[test]
fn an_unknown_version_in_the_database_stops_migrate() {
    let dir = scratch(&[ACCOUNTS]);
    let url = sqlite_url(dir.path());
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    let conn = rusqlite::Connection::open(dir.path().join("project.db")).expect("open");
    conn.execute(
        "INSERT INTO refinery_schema_history VALUES (7, 'from_another_branch', '2026-01-01T00:00:00Z', '1')",
        [],
    )
    .expect("insert");
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("version 7 (from_another_branch) applied, which this project does not have"),
        "{out}"
    );
}

#[test]
fn a_target_beyond_the_last_version_is_refused() {
    let dir = scratch(&[ACCOUNTS]);
    let url = sqlite_url(dir.path());
    let (code, out) = dbtool(
        dir.path(),
        &["migrate", "--target", "9", "--database-url", &url],
    );
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("--target 9 is not a version of this project (the last one is 1)"),
        "{out}"
    );
    assert!(
        !dir.path().join("project.db").exists(),
        "nothing was opened"
    );
}

#[test]
fn a_malformed_url_is_a_usage_error_and_hides_its_password() {
    let dir = scratch(&[ACCOUNTS]);
    let (code, out) = dbtool(
        dir.path(),
        &[
            "migrate",
            "--database-url",
            "mysql://admin:hunter2@db.example/app",
        ],
    );
    assert_eq!(code, Some(2), "{out}");
    assert!(!out.contains("hunter2"), "password printed: {out}");
    assert!(
        out.contains("postgres://") && out.contains("sqlite://"),
        "names the supported schemes: {out}"
    );
}

#[test]
fn an_unreachable_server_is_a_database_error_and_hides_its_password() {
    let dir = scratch(&[ACCOUNTS]);
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    let url = "postgres://admin:hunter2@127.0.0.1:1/app";
    for args in [
        vec!["migrate", "--database-url", url],
        vec!["rollback", "--steps", "1", "--database-url", url],
        vec!["status", "--database-url", url],
    ] {
        let (code, out) = dbtool(dir.path(), &args);
        assert_eq!(code, Some(3), "{args:?}: {out}");
        assert!(!out.contains("hunter2"), "password printed: {out}");
        assert!(
            out.contains("cannot connect to PostgreSQL at admin@127.0.0.1:1/app (postgres://admin:***@127.0.0.1:1/app): nothing accepts connections there"),
            "{out}"
        );
    }
}

fn concurrently_is_refused(url: &str) {
    let dir = scratch(&[
        ACCOUNTS,
        (
            "owner_index",
            "CREATE TABLE audit (id integer);\nCREATE INDEX CONCURRENTLY accounts_owner ON accounts (owner);\n",
            "DROP INDEX accounts_owner;\nDROP TABLE audit;\n",
        ),
    ]);
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", url]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("error: `CREATE INDEX CONCURRENTLY accounts_owner ON accounts (owner)` cannot run inside a transaction"),
        "{out}"
    );
    assert!(out.contains("V2__owner_index.sql:2:1\n"), "{out}");
    assert!(
        out.contains(
            "help: put it in a version of its own whose first line is `-- dbtool: no-transaction`"
        ),
        "{out}"
    );
    assert!(
        !out.contains("applying 1"),
        "refused before anything ran: {out}"
    );
    let (code, out) = dbtool(
        dir.path(),
        &["status", "--database-url", url, "--format", "json"],
    );
    assert_eq!(code, Some(0), "{out}");
    let status: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(status["applied"].as_array().map(Vec::len), Some(0), "{out}");
}

#[test]
fn create_index_concurrently_is_refused_up_front_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    concurrently_is_refused(&sqlite_url(dir.path()));
}

#[test]
fn create_index_concurrently_is_refused_up_front_on_postgres() {
    let Some(pg) = common::pg_database("concurrently") else {
        return;
    };
    concurrently_is_refused(&pg.url);
}

const STATUS_V1: &str = "enums:\n  job_status:\n    values: [pending, done]\ntables:\n  jobs:\n    columns:\n      id: bigint primary key\n      status: job_status not null default 'pending'\n";

/// Adding an enum value is a migration whose PostgreSQL down script cannot be written
/// (PostgreSQL cannot remove an enum value): the down script says so, and rollback refuses it
/// before running anything. Removing a value cannot be generated at all.
#[test]
fn an_irreversible_version_is_refused_by_rollback_and_an_impossible_diff_by_diff() {
    let Some(pg) = common::pg_database("irreversible") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("schema")).expect("mkdir");
    std::fs::write(
        dir.path().join("dbtool.toml"),
        "dialects = [\"postgres\", \"sqlite\"]\n",
    )
    .expect("config");
    let schema = dir.path().join("schema/jobs.yaml");
    std::fs::write(&schema, STATUS_V1).expect("schema");
    let (code, out) = dbtool(dir.path(), &["diff", "jobs"]);
    assert_eq!(code, Some(0), "{out}");
    let v2 = STATUS_V1.replace("[pending, done]", "[pending, running, done]");
    std::fs::write(&schema, &v2).expect("schema");
    let (code, out) = dbtool(dir.path(), &["diff", "add_running"]);
    assert_eq!(code, Some(0), "{out}");
    let down = std::fs::read_to_string(
        dir.path()
            .join("migrations/postgres/V2__add_running.down.sql"),
    )
    .expect("down script");
    assert!(
        down.contains("-- dbtool: irreversible: PostgreSQL cannot remove value(s) `running` from enum `job_status`"),
        "{down}"
    );

    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &pg.url]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(
        dir.path(),
        &["rollback", "--all", "--database-url", &pg.url],
    );
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("cannot roll back version 2 (add_running): PostgreSQL cannot remove value(s) `running` from enum `job_status`; nothing was rolled back"),
        "{out}"
    );
    let (code, out) = dbtool(
        dir.path(),
        &["status", "--database-url", &pg.url, "--format", "json"],
    );
    assert_eq!(code, Some(0), "{out}");
    let status: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(status["applied"].as_array().map(Vec::len), Some(2), "{out}");
    // SQLite keeps enums as CHECK constraints: the same version rolls back there.
    let sqlite = sqlite_url(dir.path());
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &sqlite]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(
        dir.path(),
        &["rollback", "--all", "--database-url", &sqlite],
    );
    assert_eq!(code, Some(0), "{out}");

    std::fs::write(&schema, STATUS_V1.replace("[pending, done]", "[pending]")).expect("schema");
    let (code, out) = dbtool(dir.path(), &["diff", "drop_done", "--allow-destructive"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains(
            "postgres: PostgreSQL cannot remove value(s) `running`, `done` from enum `job_status`"
        ) && out.contains("dbtool migration new drop_done"),
        "{out}"
    );
    assert!(!dir
        .path()
        .join("migrations/postgres/V3__drop_done.sql")
        .exists());
}

/// `[env.NAME]` in dbtool.toml: `--env` and `DBTOOL_ENV` choose one, `${VAR}` is expanded from
/// the environment, relative SQLite paths are the project's, and `-v` says which database was
/// chosen without its password.
#[test]
fn environments_choose_the_database_and_never_show_the_password() {
    let dir = scratch(&[ACCOUNTS]);
    let config = dir.path().join("dbtool.toml");
    let mut text = std::fs::read_to_string(&config).expect("config");
    text.push_str(
        "\n[env.dev]\nurl = \"sqlite://dev.db\"\n\n[env.prod]\nurl = \"postgres://app:${APP_DB_PASSWORD}@127.0.0.1:1/app\"\n",
    );
    std::fs::write(&config, text).expect("config");
    let run = |args: &[&str], vars: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dbtool"));
        command
            .args(args)
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .env_remove("DATABASE_URL")
            .env_remove("DBTOOL_ENV")
            .env_remove("APP_DB_PASSWORD");
        for (name, value) in vars {
            command.env(name, value);
        }
        let output = command.output().expect("run dbtool");
        (
            output.status.code(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ),
        )
    };
    // No flag: the dev environment, a file in the project.
    let (code, out) = run(&["migrate", "-v"], &[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("dev.db (from the dev environment in dbtool.toml)"),
        "{out}"
    );
    assert!(dir.path().join("dev.db").exists());
    // prod needs its password from the environment.
    let (code, out) = run(&["status", "--env", "prod"], &[]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains(
            "--env prod: the url of environment `prod` uses ${APP_DB_PASSWORD}, which is not set"
        ),
        "{out}"
    );
    assert!(
        out.contains("dbtool.toml:") && out.contains("│ url = \"postgres://"),
        "shows the url's line in dbtool.toml: {out}"
    );
    let (code, out) = run(
        &["status", "-v"],
        &[("DBTOOL_ENV", "prod"), ("APP_DB_PASSWORD", "hunter2")],
    );
    assert_eq!(code, Some(3), "nothing listens on port 1: {out}");
    assert!(!out.contains("hunter2"), "password printed: {out}");
    assert!(
        out.contains("postgres://app:***@127.0.0.1:1/app (from DBTOOL_ENV=prod in dbtool.toml)"),
        "{out}"
    );
    // DATABASE_URL beats DBTOOL_ENV; --database-url beats everything.
    let (code, out) = run(
        &["status", "-v"],
        &[("DBTOOL_ENV", "prod"), ("DATABASE_URL", "sqlite::memory:")],
    );
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("sqlite::memory: (from DATABASE_URL)"), "{out}");
    let (code, out) = run(&["status", "--env", "staging"], &[]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("no environment `staging` (it has dev, prod)"),
        "{out}"
    );
}

/// Starts four `dbtool migrate` and four `dbtool rollback --steps N` processes at once on the
/// reference project and waits for them.
fn migrators_and_rollbacks(url: &str, round: usize) -> Vec<(Option<i32>, String)> {
    let steps: Vec<String> = (0..8).map(|i| ((i + round) % 3 + 1).to_string()).collect();
    let commands: Vec<Vec<&str>> = (0..8)
        .map(|i| {
            if i % 2 == 0 {
                vec!["migrate", "--quiet", "--database-url", url]
            } else {
                vec![
                    "rollback",
                    "--quiet",
                    "--steps",
                    &steps[i],
                    "--database-url",
                    url,
                ]
            }
        })
        .collect();
    at_once(&commands)
}

/// Every process either did its work or, for a rollback that found the history moved by a
/// migrator after it planned, stopped before undoing anything more, saying so. Then the
/// history is contiguous from 1 and the database is exactly what its history says
/// (`dbtool drift`: the live catalog against a scratch database built by those versions).
fn migrators_and_rollbacks_keep_the_history_true(
    url: &str,
    round: usize,
    history: &dyn Fn() -> Vec<i64>,
) {
    for (code, stderr) in migrators_and_rollbacks(url, round) {
        let moved = stderr.contains("the history changed while rolling back");
        assert!(code == Some(0) || moved, "round {round}: {code:?} {stderr}");
    }
    let versions = history();
    let contiguous: Vec<i64> = (1..=versions.len() as i64).collect();
    assert_eq!(versions, contiguous, "round {round}: the history has a gap");
    let (code, out) = dbtool(reference_root(), &["drift", "--database-url", url]);
    assert_eq!(code, Some(0), "round {round}: {out}");
}

fn sqlite_history(file: &Path) -> Vec<i64> {
    let conn = rusqlite::Connection::open(file).expect("open");
    let mut statement = conn
        .prepare("SELECT version FROM refinery_schema_history ORDER BY version")
        .expect("history");
    let versions = statement
        .query_map([], |row| row.get(0))
        .expect("history")
        .collect::<Result<Vec<i64>, _>>()
        .expect("history");
    versions
}

/// Before the fix, 13 of 20 such rounds on SQLite ended with a history such as `2,3` (version
/// 1's tables dropped) or `1,8,9`, and down scripts ran twice: rollback chose its versions from
/// a read outside any transaction and never checked them again inside `BEGIN IMMEDIATE`.
#[test]
fn migrators_and_rollbacks_at_once_on_one_sqlite_file_keep_the_history_contiguous() {
    for round in 0..10 {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("shared.db");
        let url = format!("sqlite://{}", file.display());
        // An empty file: rollback refuses a database that does not exist.
        rusqlite::Connection::open(&file).expect("create");
        // Half the rounds start from a migrated database, so rollbacks have work from the start.
        if round % 2 == 1 {
            let (code, out) = dbtool(reference_root(), &["migrate", "--database-url", &url]);
            assert_eq!(code, Some(0), "{out}");
        }
        migrators_and_rollbacks_keep_the_history_true(&url, round, &|| sqlite_history(&file));
    }
}

#[test]
fn migrators_and_rollbacks_at_once_on_one_postgres_database_keep_the_history_contiguous() {
    for round in 0..10 {
        let Some(pg) = common::pg_database("migrate_rollback") else {
            return;
        };
        if round % 2 == 1 {
            let (code, out) = dbtool(reference_root(), &["migrate", "--database-url", &pg.url]);
            assert_eq!(code, Some(0), "{out}");
        }
        let url = pg.url.clone();
        let history = || -> Vec<i64> {
            let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
            client
                .query(
                    "SELECT version::int8 FROM refinery_schema_history ORDER BY version",
                    &[],
                )
                .unwrap_or_default()
                .iter()
                .map(|row| row.get(0))
                .collect()
        };
        migrators_and_rollbacks_keep_the_history_true(&pg.url, round, &history);
    }
}

/// A transaction-control statement in a script would end the version's transaction early, so
/// that a later failure could no longer undo what ran before it (before the fix the error then
/// said "nothing of version 2 was kept" while the table it had created stayed).
fn transaction_control_is_refused(url: &str, tables: impl Fn() -> Vec<String>) {
    let dir = scratch(&[
        ACCOUNTS,
        (
            "escapes",
            "CREATE TABLE ledger (id integer);\nCOMMIT;\nINSERT INTO no_such_table VALUES (1);\n",
            "DROP TABLE ledger;\n",
        ),
    ]);
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", url]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains(
            "error: `COMMIT` would end or nest the transaction dbtool runs the version in"
        ),
        "{out}"
    );
    assert!(out.contains("V2__escapes.sql:2:1\n"), "{out}");
    assert!(out.contains("help: remove it"), "{out}");
    assert!(tables().is_empty(), "refused before anything ran");
    for statement in [
        "BEGIN",
        "END",
        "ROLLBACK",
        "SAVEPOINT s",
        "START TRANSACTION",
    ] {
        for dialect in ["postgres", "sqlite"] {
            let folder = dir.path().join("migrations").join(dialect);
            let (up, _) = script_files(&folder, "escapes");
            std::fs::write(
                &up,
                format!("CREATE TABLE ledger (id integer);\n{statement};\n"),
            )
            .expect("write");
        }
        let (code, out) = dbtool(dir.path(), &["migration", "hash"]);
        assert_eq!(code, Some(0), "{out}");
        let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", url]);
        assert_eq!(code, Some(2), "{statement}: {out}");
        assert!(
            out.contains("would end or nest the transaction"),
            "{statement}: {out}"
        );
        assert!(
            tables().is_empty(),
            "{statement}: refused before anything ran"
        );
    }
}

#[test]
fn transaction_control_in_a_script_is_refused_up_front_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = sqlite_url(dir.path());
    let file = dir.path().join("project.db");
    transaction_control_is_refused(&url, || {
        let Ok(conn) = rusqlite::Connection::open(&file) else {
            return Vec::new();
        };
        let mut statement = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .expect("tables");
        let names = statement
            .query_map([], |row| row.get(0))
            .expect("tables")
            .collect::<Result<Vec<String>, _>>()
            .expect("tables");
        names
    });
}

#[test]
fn transaction_control_in_a_script_is_refused_up_front_on_postgres() {
    let Some(pg) = common::pg_database("transaction_control") else {
        return;
    };
    let url = pg.url.clone();
    transaction_control_is_refused(&pg.url, || {
        let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
        client
            .query(
                "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
                &[],
            )
            .expect("tables")
            .iter()
            .map(|row| row.get(0))
            .collect()
    });
}

/// refinery skips `V2__x.SQL` and `v2__x.sql` without a word, and fails on a version past
/// `i32` without naming the file; dbtool names the file and what is wrong with it.
#[test]
fn migration_files_refinery_would_skip_or_misread_are_named() {
    let dir = scratch(&[ACCOUNTS]);
    let folder = dir.path().join("migrations").join("sqlite");
    let url = sqlite_url(dir.path());
    for (file, expected) in [
        ("V2__upper.SQL", "migrations/sqlite/V2__upper.SQL: not a migration script"),
        ("v2__lower_v.sql", "migrations/sqlite/v2__lower_v.sql: not loaded"),
        ("V2_one_underscore.sql", "migrations/sqlite/V2_one_underscore.sql: not loaded"),
        (
            "V99999999999__huge.sql",
            "migrations/sqlite/V99999999999__huge.sql: version 99999999999 is larger than 2147483647",
        ),
        ("V3__bad-name.sql", "migrations/sqlite/V3__bad-name.sql: migration name `bad-name`"),
    ] {
        std::fs::write(folder.join(file), "CREATE TABLE sneaky (id integer);\n").expect("write");
        let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &url]);
        assert_eq!(code, Some(2), "{file}: {out}");
        assert!(out.contains(expected), "{file}: {out}");
        std::fs::remove_file(folder.join(file)).expect("remove");
    }
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
}

/// Before the fix, `rollback --steps 1` dropped a table holding rows and printed only
/// "rolling back 2 …", and `--dry-run` said nothing about it. Now each data-losing step is named
/// with its rows, and running one that loses rows needs --allow-destructive.
fn rollback_names_what_it_loses(url: &str, execute: &dyn Fn(&str)) {
    let dir = scratch(&[
        ACCOUNTS,
        (
            "nickname",
            "ALTER TABLE accounts ADD COLUMN nickname text;\n",
            "ALTER TABLE accounts DROP COLUMN nickname;\n",
        ),
    ]);
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", url]);
    assert_eq!(code, Some(0), "{out}");
    execute("INSERT INTO accounts (id, owner, nickname) VALUES (1, 'a', 'x'), (2, 'b', 'y'), (3, 'c', NULL)");

    let (code, out) = dbtool(
        dir.path(),
        &["rollback", "--steps", "1", "--database-url", url],
    );
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("version 2: drops column nickname of accounts and the data in it (2 rows)"),
        "{out}"
    );
    assert!(
        out.contains("nothing was rolled back") && out.contains("--allow-destructive"),
        "{out}"
    );
    let (code, out) = dbtool(
        dir.path(),
        &[
            "rollback",
            "--steps",
            "2",
            "--dry-run",
            "--database-url",
            url,
        ],
    );
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("destructive: version 2: drops column nickname"),
        "{out}"
    );
    assert!(
        out.contains(
            "destructive: version 1: `DROP TABLE accounts` drops every row of accounts (3 rows)"
        ),
        "{out}"
    );
    assert!(out.contains("needs --allow-destructive"), "{out}");

    // Nothing in the column: nothing lost, no flag needed.
    execute("UPDATE accounts SET nickname = NULL");
    let (code, out) = dbtool(
        dir.path(),
        &["rollback", "--steps", "1", "--database-url", url],
    );
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("nothing at stake: version 2: drops column nickname of accounts and the data in it (0 rows)"), "{out}");

    let (code, out) = dbtool(
        dir.path(),
        &["rollback", "--steps", "1", "--database-url", url],
    );
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("(3 rows)"), "{out}");
    let (code, out) = dbtool(
        dir.path(),
        &[
            "rollback",
            "--steps",
            "1",
            "--allow-destructive",
            "--database-url",
            url,
        ],
    );
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("rolled back 1 version"), "{out}");
}

#[test]
fn rollback_names_what_it_loses_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("losses.db");
    let url = format!("sqlite://{}", file.display());
    rollback_names_what_it_loses(&url, &|sql| {
        let conn = rusqlite::Connection::open(&file).expect("open");
        conn.execute_batch(sql).expect("execute");
    });
}

#[test]
fn rollback_names_what_it_loses_on_postgres() {
    let Some(pg) = common::pg_database("losses") else {
        return;
    };
    let url = pg.url.clone();
    rollback_names_what_it_loses(&pg.url, &|sql| {
        let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
        client.batch_execute(sql).expect("execute");
    });
}

/// A down script `dbtool diff` wrote names its losses in its header, with the query that
/// counts the rows.
#[test]
fn generated_down_scripts_count_their_rows_at_stake() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("reference.db");
    let url = format!("sqlite://{}", file.display());
    let (code, out) = dbtool(reference_root(), &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    let conn = rusqlite::Connection::open(&file).expect("open");
    conn.execute_batch("INSERT INTO text_corpus (id, source_url, content) VALUES (1, 'u', 'c')")
        .unwrap_or_else(|e| panic!("insert: {e}"));
    let (code, out) = dbtool(
        reference_root(),
        &["rollback", "--all", "--dry-run", "--database-url", &url],
    );
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains(
            "destructive: version 3: drops table `text_corpus` and every row in it (1 row)"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "nothing at stake: version 1: drops table `llm_interactions` and every row in it (0 rows)"
        ),
        "{out}"
    );
}

/// `CHECK (json_valid(col))` refused NULL on SQLite before 3.45 (Debian's 3.40, Python's
/// `sqlite3`), so other programs could not write NULL into a nullable JSON column of a
/// database dbtool made. Version 11 of the reference rebuilds those tables; the system's own
/// `sqlite3` (older than the bundled one) then stores NULL. Skipped, loudly, where there is no
/// `sqlite3` program (CI installs it).
#[test]
fn a_nullable_json_column_takes_null_on_an_old_sqlite() {
    let Ok(version) = Command::new("sqlite3").arg("--version").output() else {
        if common::under_ci() {
            panic!("CI is set and the sqlite3 program is missing");
        }
        common::announce_skip(
            "SKIPPED a_nullable_json_column_takes_null_on_an_old_sqlite: no sqlite3 program",
        );
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("old.db");
    let url = format!("sqlite://{}", file.display());
    let (code, out) = dbtool(reference_root(), &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    let insert = Command::new("sqlite3")
        .arg(&file)
        .arg("INSERT INTO threads (id, tags, metadata) VALUES ('00000000-0000-4000-8000-000000000000', NULL, NULL); SELECT count(*) FROM threads WHERE tags IS NULL AND metadata IS NULL;")
        .output()
        .expect("run sqlite3");
    assert!(
        insert.status.success(),
        "sqlite3 {}: {}",
        String::from_utf8_lossy(&version.stdout),
        String::from_utf8_lossy(&insert.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&insert.stdout).trim(), "1");
    // Version 10 had the old check, which an SQLite before 3.45 refuses for NULL.
    let old = tempfile::tempdir().expect("tempdir");
    let old_file = old.path().join("v10.db");
    let old_url = format!("sqlite://{}", old_file.display());
    let (code, out) = dbtool(
        reference_root(),
        &["migrate", "--target", "10", "--database-url", &old_url],
    );
    assert_eq!(code, Some(0), "{out}");
    let refused = Command::new("sqlite3")
        .arg(&old_file)
        .arg(
            "INSERT INTO threads (id, tags) VALUES ('00000000-0000-4000-8000-000000000001', NULL);",
        )
        .output()
        .expect("run sqlite3");
    let text = String::from_utf8_lossy(&version.stdout);
    let minor: u32 = text
        .split('.')
        .nth(1)
        .and_then(|m| m.parse().ok())
        .unwrap_or(u32::MAX);
    if minor < 45 {
        assert!(
            !refused.status.success(),
            "on SQLite {text} the old check refuses NULL (the defect version 11 repairs)"
        );
    }
}

/// `status`, `rollback` and `drift` on a mistyped SQLite path used to create an empty database
/// and report it as fine; only `migrate` creates one now.
#[test]
fn a_mistyped_sqlite_path_is_an_error_except_for_migrate() {
    let dir = scratch(&[ACCOUNTS]);
    let typo = dir.path().join("projcet.db");
    let url = format!("sqlite://{}", typo.display());
    for args in [
        vec!["status", "--database-url", &url],
        vec!["drift", "--database-url", &url],
        vec!["rollback", "--steps", "1", "--database-url", &url],
    ] {
        let (code, out) = dbtool(dir.path(), &args);
        assert_eq!(code, Some(2), "{args:?}: {out}");
        assert!(
            out.contains("projcet.db does not exist; check the path"),
            "{args:?}: {out}"
        );
        assert!(!typo.exists(), "{args:?} created the file");
    }
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(typo.exists());
}

/// In a SQLite-only project a `postgres://` URL found no scripts and reported "up to date".
#[test]
fn a_url_of_a_dialect_the_project_does_not_have_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("schema")).expect("mkdir");
    std::fs::write(dir.path().join("dbtool.toml"), "dialects = [\"sqlite\"]\n").expect("config");
    std::fs::write(
        dir.path().join("schema/app.yaml"),
        "tables:\n  notes:\n    columns:\n      id: bigint primary key\n",
    )
    .expect("schema");
    let (code, out) = dbtool(dir.path(), &["diff", "notes"]);
    assert_eq!(code, Some(0), "{out}");
    for command in ["migrate", "status", "drift"] {
        let (code, out) = dbtool(
            dir.path(),
            &[
                command,
                "--database-url",
                "postgres://app:secret@127.0.0.1:1/app",
            ],
        );
        assert_eq!(code, Some(2), "{command}: {out}");
        assert!(
            out.contains("is a PostgreSQL database, and this project has no PostgreSQL migrations (dialects = [sqlite] in dbtool.toml)"),
            "{command}: {out}"
        );
        assert!(
            !out.contains("secret"),
            "{command}: the password is never printed: {out}"
        );
        assert!(!out.contains("up to date"), "{command}: {out}");
    }
}

/// The scratch databases of `generate --database-url` and `drift` used to be named
/// `dbtool_<purpose>_<pid>_<n>` and made with `DROP DATABASE IF EXISTS` first: another machine
/// on the same server with the same pid lost its database. Names are random now, and nothing is
/// dropped that dbtool did not create.
#[test]
fn scratch_databases_never_drop_a_database_they_did_not_create() {
    let Some(mut pg) = common::pg_database("scratch_names") else {
        return;
    };
    let someone_elses = format!("dbtool_confirm_{}_0", std::process::id());
    pg.client
        .batch_execute(&format!("DROP DATABASE IF EXISTS {someone_elses}"))
        .expect("clean");
    pg.client
        .batch_execute(&format!("CREATE DATABASE {someone_elses}"))
        .expect("create the other database");
    let first = dbtool::migrate::ScratchDatabase::create(&pg.url, "confirm").expect("scratch");
    let second = dbtool::migrate::ScratchDatabase::create(&pg.url, "confirm").expect("scratch");
    assert_ne!(first.url, second.url, "random names");
    drop((first, second));
    let survived: bool = pg
        .client
        .query_one(
            "SELECT count(*) = 1 FROM pg_database WHERE datname = $1",
            &[&someone_elses],
        )
        .expect("query")
        .get(0);
    pg.client
        .batch_execute(&format!("DROP DATABASE IF EXISTS {someone_elses}"))
        .expect("clean up");
    assert!(survived, "a database dbtool did not create was dropped");
}

/// The reproduction: a table comment with a line break rendered as live SQL on SQLite
/// (`--` comments), so `diff` + `migrate` dropped `authors` and exited 0.
#[test]
fn a_comment_with_a_line_break_stays_a_comment() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("schema")).expect("mkdir");
    std::fs::write(
        dir.path().join("dbtool.toml"),
        "dialects = [\"postgres\", \"sqlite\"]\n",
    )
    .expect("config");
    std::fs::write(
        dir.path().join("schema/app.yaml"),
        "tables:\n  authors:\n    columns:\n      id: bigint primary key\n",
    )
    .expect("schema");
    let (code, out) = dbtool(dir.path(), &["diff", "authors"]);
    assert_eq!(code, Some(0), "{out}");
    std::fs::write(
        dir.path().join("schema/app.yaml"),
        "tables:\n  authors:\n    columns:\n      id: bigint primary key\n  tags:\n    comment: \"Tags\\nDROP TABLE authors;\"\n    columns:\n      id: bigint primary key\n      label:\n        type: text\n        comment: |\n          first line\n          ); DROP TABLE authors; --\n",
    )
    .expect("schema");
    let (code, out) = dbtool(dir.path(), &["diff", "tags"]);
    assert_eq!(code, Some(0), "{out}");
    let file = dir.path().join("live.db");
    let url = format!("sqlite://{}", file.display());
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    let conn = rusqlite::Connection::open(&file).expect("open");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'refinery%' ORDER BY name")
        .expect("prepare")
        .query_map([], |row| row.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(tables, ["authors", "tags"]);
    if let Some(pg) = common::pg_database("comment_injection") {
        let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &pg.url]);
        assert_eq!(code, Some(0), "{out}");
        let (code, out) = dbtool(dir.path(), &["drift", "--database-url", &pg.url]);
        assert_eq!(code, Some(0), "{out}");
    }
}
