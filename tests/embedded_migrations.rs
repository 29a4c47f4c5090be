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
