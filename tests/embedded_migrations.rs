//! The generated crate's embedded migrator and `dbtool migrate` agree: a database either one
//! migrated is current for the other, either one continues where the other stopped, and both
//! refuse the same broken histories. On SQLite and PostgreSQL.

mod common;

use std::path::Path;

use common::dbtool;
use dbtool_reference_queries::migrations;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn all_versions() -> Vec<i32> {
    migrations::SQLITE.iter().map(|m| m.version).collect()
}

fn cli_ok(args: &[&str]) -> String {
    let (code, out) = dbtool(root(), args);
    assert_eq!(code, Some(0), "dbtool {args:?}: {out}");
    out
}

fn pending_after_cli_status(url: &str) -> usize {
    let out = cli_ok(&["status", "--database-url", url, "--format", "json"]);
    let status: serde_json::Value = serde_json::from_str(&out).expect("status json");
    status["pending"].as_array().map_or(usize::MAX, Vec::len)
}

/// The three ways the two can meet on one database, then the two refusals they share.
/// `embedded` runs the generated crate's migrator on the database; `tamper` runs SQL on it.
fn cli_and_embedded_agree(
    url: &str,
    embedded: &dyn Fn() -> Result<Vec<i32>, migrations::Error>,
    tamper: &dyn Fn(&str),
) {
    // CLI first, then the embedded migrator continues.
    cli_ok(&["migrate", "--target", "5", "--database-url", url]);
    let applied = embedded().expect("embedded after the CLI");
    assert_eq!(applied, all_versions()[5..].to_vec());
    assert_eq!(pending_after_cli_status(url), 0);
    cli_ok(&["drift", "--database-url", url]);
    // The CLI undoes two versions; the embedded migrator re-applies exactly those.
    cli_ok(&["rollback", "--steps", "2", "--database-url", url]);
    let applied = embedded().expect("embedded after a rollback");
    assert_eq!(applied, all_versions()[all_versions().len() - 2..].to_vec());
    // The embedded migrator's history is the CLI's: nothing pending, no drift.
    assert!(cli_ok(&["migrate", "--database-url", url]).contains("up to date"));
    cli_ok(&["drift", "--database-url", url]);

    // A version older than the latest but never applied: both refuse (the embedded migrator
    // used to apply the rest and skip it).
    tamper("DELETE FROM refinery_schema_history WHERE version = 3");
    let (code, out) = dbtool(root(), &["migrate", "--database-url", url]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("version 3 ") && out.contains("was never applied"),
        "{out}"
    );
    let error = embedded().expect_err("embedded refuses a gap");
    assert_eq!(error.version, Some(3), "{error}");
    assert!(error.message.contains("was never applied"), "{error}");
    tamper(&format!(
        "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES (3, 'renamed', '', '{}')",
        migrations::SQLITE[2].checksum
    ));
    // A version recorded under another name: both refuse (only the CLI checked names).
    let (code, out) = dbtool(root(), &["migrate", "--database-url", url]);
    assert_eq!(code, Some(2), "{out}");
    let error = embedded().expect_err("embedded refuses a renamed version");
    assert_eq!(error.version, Some(3), "{error}");
    assert!(error.message.contains("renamed"), "{error}");
}

#[test]
fn the_cli_and_the_embedded_migrator_agree_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("both.db");
    let url = format!("sqlite://{}", file.display());
    let embedded = || {
        let conn = rusqlite::Connection::open(&file).expect("open");
        migrations::migrate_sqlite(&conn)
    };
    let tamper = |sql: &str| {
        let conn = rusqlite::Connection::open(&file).expect("open");
        conn.execute_batch(sql).expect("tamper");
    };
    cli_and_embedded_agree(&url, &embedded, &tamper);
}

#[test]
fn the_cli_and_the_embedded_migrator_agree_on_postgres() {
    let Some(pg) = common::pg_database("embedded_cli") else {
        return;
    };
    let url = pg.url.clone();
    let embedded = || {
        let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
        migrations::migrate_postgres(&mut client)
    };
    let tamper = |sql: &str| {
        let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
        client.batch_execute(sql).expect("tamper");
    };
    cli_and_embedded_agree(&pg.url, &embedded, &tamper);
}

/// The async backend follows the same rules: a database the CLI migrated half way is
/// continued, and a gap is refused.
#[test]
fn the_async_embedded_migrator_continues_the_cli_on_postgres() {
    let Some(pg) = common::pg_database("embedded_async") else {
        return;
    };
    cli_ok(&["migrate", "--target", "4", "--database-url", &pg.url]);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let url = pg.url.clone();
    let applied = runtime.block_on(async move {
        let (mut client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
            .await
            .expect("connect");
        tokio::spawn(connection);
        migrations::migrate_postgres_async(&mut client).await
    });
    assert_eq!(applied.expect("async"), all_versions()[4..].to_vec());
    assert_eq!(pending_after_cli_status(&pg.url), 0);
}

/// Starts the embedded migrator on another thread, waits until its concurrent build of version
/// 12's index waits for the lock `writer` holds on `elements`, then ends its server session:
/// the migrator stops half-way through a version that runs outside a transaction.
fn embedded_stopped_during_the_build(url: &str) {
    let mut writer = postgres::Client::connect(url, postgres::NoTls).expect("connect");
    writer
        .batch_execute("BEGIN; LOCK TABLE elements IN ROW EXCLUSIVE MODE")
        .expect("hold a lock");
    let migrator_url = url.to_string();
    let migrator = std::thread::spawn(move || {
        let mut client =
            postgres::Client::connect(&migrator_url, postgres::NoTls).expect("connect");
        migrations::migrate_postgres(&mut client)
    });
    let mut watcher = postgres::Client::connect(url, postgres::NoTls).expect("connect");
    let started = std::time::Instant::now();
    let pid: i32 = loop {
        let waiting = watcher
            .query_opt(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'CREATE INDEX CONCURRENTLY idx_elements_for_id%' AND wait_event_type = 'Lock'",
                &[],
            )
            .expect("pg_stat_activity");
        if let Some(row) = waiting {
            break row.get(0);
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "the build never waited"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    watcher
        .execute("SELECT pg_terminate_backend($1)", &[&pid])
        .expect("terminate");
    let stopped = migrator.join().expect("migrator thread");
    let error = stopped.expect_err("the migrator was stopped");
    assert_eq!(error.version, Some(12), "{error}");
    writer.batch_execute("COMMIT").expect("release");
    let invalid: bool = watcher
        .query_one(
            "SELECT NOT indisvalid FROM pg_index WHERE indexrelid = 'idx_elements_for_id'::regclass",
            &[],
        )
        .expect("the stopped build left its index")
        .get(0);
    assert!(
        invalid,
        "a stopped concurrent build leaves an invalid index"
    );
    let done: i32 = watcher
        .query_one(
            "SELECT done FROM dbtool_migration_progress WHERE version = 12 AND direction = 'up'",
            &[],
        )
        .expect("progress recorded")
        .get(0);
    assert_eq!(done, 0);
}

/// Version 12 runs outside a transaction (`CREATE INDEX CONCURRENTLY`): a stop in the middle is
/// resumed by the next start of either migrator, which drops the invalid index first.
#[test]
fn a_stopped_concurrent_build_is_resumed_by_either_migrator_on_postgres() {
    let Some(pg) = common::pg_database("embedded_alone") else {
        return;
    };
    cli_ok(&["migrate", "--target", "11", "--database-url", &pg.url]);
    let url = pg.url.clone();
    let embedded = || {
        let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
        migrations::migrate_postgres(&mut client)
    };

    embedded_stopped_during_the_build(&pg.url);
    let out = cli_ok(&["status", "--database-url", &pg.url]);
    assert!(out.contains("stopped    12  while migrating"), "{out}");
    let resumed = embedded().expect("the embedded migrator resumes");
    assert_eq!(resumed, [12]);
    assert_eq!(pending_after_cli_status(&pg.url), 0);
    cli_ok(&["drift", "--database-url", &pg.url]);

    cli_ok(&["rollback", "--steps", "1", "--database-url", &pg.url]);
    embedded_stopped_during_the_build(&pg.url);
    let out = cli_ok(&["migrate", "--database-url", &pg.url]);
    assert!(
        out.contains("dropping the invalid index idx_elements_for_id"),
        "{out}"
    );
    assert_eq!(pending_after_cli_status(&pg.url), 0);
    cli_ok(&["drift", "--database-url", &pg.url]);
    assert_eq!(embedded().expect("nothing left"), Vec::<i32>::new());
}
