//! Connecting to PostgreSQL: every way it fails is told apart, names the server (never the
//! password), says what to do, and exits 3 (2 for a connection string that cannot be read);
//! a server that accepts the connection and never answers does not hang a command.

mod common;

use std::time::{Duration, Instant};

use common::dbtool;

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("schema")).expect("mkdir");
    std::fs::write(
        dir.path().join("dbtool.toml"),
        "dialects = [\"postgres\"]\n",
    )
    .expect("config");
    dir
}

/// `status` against `url`: its exit code and output, which must not hold `secret`.
fn status(url: &str) -> (Option<i32>, String) {
    let dir = project();
    let (code, out) = dbtool(dir.path(), &["status", "--database-url", url]);
    assert!(!out.contains("secret"), "the password was printed: {out}");
    (code, out)
}

#[test]
fn a_refused_connection_and_an_unknown_host_are_told_apart() {
    let (code, out) = status("postgres://app:secret@127.0.0.1:1/app");
    assert_eq!(code, Some(3), "{out}");
    assert!(out.contains("cannot connect to PostgreSQL at app@127.0.0.1:1/app (postgres://app:***@127.0.0.1:1/app): nothing accepts connections there (connection refused)"), "{out}");
    assert!(
        out.contains("help: start the server, or fix the host and port"),
        "{out}"
    );
    let (code, out) = status("postgres://app:secret@no-such-host.invalid/app");
    assert_eq!(code, Some(3), "{out}");
    assert!(out.contains("the host name cannot be resolved"), "{out}");
    assert!(out.contains("help: fix the host name"), "{out}");
}

/// A listening socket that never answers: the connect timeout bounds the whole connect, not
/// only opening the socket (the driver's own timeout stops there).
#[test]
fn a_server_that_never_answers_times_out() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let started = Instant::now();
    let (code, out) = status(&format!(
        "postgres://app:secret@127.0.0.1:{port}/app?connect_timeout=2"
    ));
    assert_eq!(code, Some(3), "{out}");
    assert!(out.contains("no answer within 2 s"), "{out}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    drop(listener);
}

/// The server answers: a missing database and a missing role, each with PostgreSQL's SQLSTATE.
#[test]
fn a_missing_database_and_a_missing_role_are_told_apart() {
    let Some(pg) = common::pg_database("connections") else {
        return;
    };
    let missing_db = dbtool::migrate::with_database(&pg.url, "dbtool_no_such_database");
    let (code, out) = status(&missing_db);
    assert_eq!(code, Some(3), "{out}");
    assert!(
        out.contains("database \"dbtool_no_such_database\" does not exist (SQLSTATE 3D000)"),
        "{out}"
    );
    assert!(out.contains("help: create the database"), "{out}");
    let base = pg.url.split_once("://").map_or("", |(_, rest)| rest);
    let host_and_db = base.rsplit_once('@').map_or(base, |(_, rest)| rest);
    let (code, out) = status(&format!(
        "postgres://dbtool_no_such_role:secret@{host_and_db}"
    ));
    assert_eq!(code, Some(3), "{out}");
    assert!(
        out.contains("role \"dbtool_no_such_role\" does not exist (SQLSTATE 28000)"),
        "{out}"
    );
}

/// libpq's key=value strings work and are redacted; an unencoded `/` in a URL's password is
/// redacted too; a string the driver cannot read is a usage error.
#[test]
fn connection_strings_are_read_by_the_driver_and_redacted() {
    let (code, out) = status("host=127.0.0.1 port=1 user=app password='a secret' dbname=app");
    assert_eq!(code, Some(3), "{out}");
    assert!(out.contains("password=***"), "{out}");
    let (code, out) = status("postgres://app:pa/secret@127.0.0.1:1/app");
    assert_eq!(code, Some(3), "{out}");
    assert!(out.contains("postgres://app:***@127.0.0.1:1/app"), "{out}");
    let (code, out) = status("postgres://app:secret@127.0.0.1:notaport/app");
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("cannot read the PostgreSQL connection string"),
        "{out}"
    );
    if let Some(pg) = common::pg_database("conninfo") {
        let (code, out) = status(&conninfo_of(&pg.url));
        assert_eq!(code, Some(0), "a key=value string connects: {out}");
    }
}

/// `postgres://user@host:port/db` as `host=… port=… user=… dbname=…`.
fn conninfo_of(url: &str) -> String {
    let config: postgres::Config = url.parse().expect("test URL");
    let host = match &config.get_hosts()[0] {
        postgres::config::Host::Tcp(host) => host.clone(),
        postgres::config::Host::Unix(path) => path.display().to_string(),
    };
    format!(
        "host={host} port={} user={} dbname={}",
        config.get_ports().first().copied().unwrap_or(5432),
        config.get_user().unwrap_or("postgres"),
        config.get_dbname().unwrap_or("postgres")
    )
}

/// The migration lock ("dbtool" in ASCII), as `dbtool migrate` and the generated crate take it.
const LOCK_KEY: i64 = 0x0000_6462_746f_6f6c;

/// Another migrator holds the lock: `migrate` says who while it waits, and `--lock-wait` bounds
/// the wait (nothing is run); released, the same command goes through.
#[test]
fn a_held_migration_lock_is_named_and_the_wait_is_bounded() {
    let Some(mut pg) = common::pg_database("lock_wait") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(dir.path(), &["init", "app"]);
    assert_eq!(code, Some(0), "{out}");
    let root = dir.path().join("app");
    pg.client
        .execute(
            "SELECT set_config('application_name', 'other-migrator', false)",
            &[],
        )
        .expect("name the session");
    pg.client
        .execute("SELECT pg_advisory_lock($1)", &[&LOCK_KEY])
        .expect("take the lock");
    let started = std::time::Instant::now();
    let (code, out) = dbtool(
        &root,
        &["migrate", "--lock-wait", "1", "--database-url", &pg.url],
    );
    assert_eq!(code, Some(3), "{out}");
    assert!(
        out.contains("waiting for the migration lock held by pid")
            && out.contains("(other-migrator, connected since"),
        "{out}"
    );
    assert!(
        out.contains("the migration lock is still held by pid"),
        "{out}"
    );
    assert!(out.contains("nothing was run"), "{out}");
    assert!(started.elapsed() < Duration::from_secs(10));
    pg.client
        .execute("SELECT pg_advisory_unlock($1)", &[&LOCK_KEY])
        .expect("release the lock");
    let (code, out) = dbtool(
        &root,
        &["migrate", "--lock-wait", "1", "--database-url", &pg.url],
    );
    assert_eq!(code, Some(0), "{out}");
}

/// `--lock-timeout`: a statement that waits on a table lock longer fails with the server's
/// message, and the version is not kept.
#[test]
fn a_lock_timeout_stops_a_migration_that_would_queue_behind_a_lock() {
    let Some(pg) = common::pg_database("lock_timeout") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(dir.path(), &["init", "app"]);
    assert_eq!(code, Some(0), "{out}");
    let root = dir.path().join("app");
    let (code, out) = dbtool(&root, &["migrate", "--database-url", &pg.url]);
    assert_eq!(code, Some(0), "{out}");
    let mut schema = std::fs::read_to_string(root.join("schema/app.yaml")).expect("schema");
    schema = schema.replace(
        "      body: text\n",
        "      body: text\n      summary: text\n",
    );
    std::fs::write(root.join("schema/app.yaml"), schema).expect("schema");
    let (code, out) = dbtool(&root, &["diff", "summary"]);
    assert_eq!(code, Some(0), "{out}");
    // Another session holds a lock on `posts` in an open transaction.
    let mut holder = postgres::Client::connect(&pg.url, postgres::NoTls).expect("connect");
    let mut transaction = holder.transaction().expect("begin");
    transaction
        .batch_execute("LOCK TABLE posts IN ACCESS SHARE MODE")
        .expect("lock");
    let (code, out) = dbtool(
        &root,
        &["migrate", "--lock-timeout", "1s", "--database-url", &pg.url],
    );
    assert_eq!(code, Some(3), "{out}");
    assert!(out.contains("lock timeout"), "{out}");
    assert!(out.contains("nothing of version 2 was kept"), "{out}");
    transaction.rollback().expect("release");
    let (code, out) = dbtool(
        &root,
        &["migrate", "--lock-timeout", "1s", "--database-url", &pg.url],
    );
    assert_eq!(code, Some(0), "{out}");
}

/// The engine decides which dialects a URL can run: an explicit `--dialect` of another engine
/// is refused before anything connects, and so is a dialect the project does not configure.
#[test]
fn a_dialect_that_does_not_fit_the_url_is_refused() {
    let dir = project();
    let (code, out) = dbtool(
        dir.path(),
        &[
            "status",
            "--dialect",
            "sqlite",
            "--database-url",
            "postgres://app:secret@127.0.0.1:1/app",
        ],
    );
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains(
            "--dialect sqlite does not match the database URL postgres://app:***@127.0.0.1:1/app"
        ),
        "{out}"
    );
    let (code, out) = dbtool(
        dir.path(),
        &[
            "status",
            "--dialect",
            "timescaledb",
            "--database-url",
            "postgres://app:secret@127.0.0.1:1/app",
        ],
    );
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("is a timescaledb database, and this project has no timescaledb migrations (dialects = [postgres]"), "{out}");
}

/// Per environment: `[env.NAME]` in dbtool.toml sets lock_wait (and the timeouts) for that
/// database; a flag would override it.
#[test]
fn an_environment_bounds_the_lock_wait() {
    let Some(mut pg) = common::pg_database("env_lock_wait") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(dir.path(), &["init", "app"]);
    assert_eq!(code, Some(0), "{out}");
    let root = dir.path().join("app");
    let mut config = std::fs::read_to_string(root.join("dbtool.toml")).expect("config");
    config.push_str(&format!(
        "\n[env.shared]\nurl = \"{}\"\nlock_wait = 1\nlock_timeout = \"2s\"\nstatement_timeout = \"1min\"\n",
        pg.url
    ));
    std::fs::write(root.join("dbtool.toml"), config).expect("config");
    pg.client
        .execute("SELECT pg_advisory_lock($1)", &[&LOCK_KEY])
        .expect("take the lock");
    let (code, out) = dbtool(&root, &["migrate", "--env", "shared"]);
    assert_eq!(code, Some(3), "{out}");
    assert!(
        out.contains("the migration lock is still held by pid"),
        "{out}"
    );
    pg.client
        .execute("SELECT pg_advisory_unlock($1)", &[&LOCK_KEY])
        .expect("release the lock");
    let (code, out) = dbtool(&root, &["migrate", "--env", "shared"]);
    assert_eq!(code, Some(0), "{out}");
}

/// SQLite has no lock that outlives a transaction: each version waits for the write lock, and
/// says so once while it waits; `--lock-timeout` bounds the wait (nothing of the version runs).
#[test]
fn a_held_sqlite_write_lock_is_said_and_the_wait_is_bounded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(dir.path(), &["init", "app"]);
    assert_eq!(code, Some(0), "{out}");
    let root = dir.path().join("app");
    let file = dir.path().join("shared.db");
    let url = format!("sqlite://{}", file.display());
    // The history exists; version 1 is pending again after a rollback.
    for args in [
        vec!["migrate", "--database-url", &url],
        vec!["rollback", "--all", "--database-url", &url],
    ] {
        let (code, out) = dbtool(&root, &args);
        assert_eq!(code, Some(0), "{args:?}: {out}");
    }
    let writer = rusqlite::Connection::open(&file).expect("open");
    writer
        .execute_batch("BEGIN IMMEDIATE")
        .expect("take the write lock");
    let started = std::time::Instant::now();
    let (code, out) = dbtool(
        &root,
        &["migrate", "--lock-timeout", "1s", "--database-url", &url],
    );
    assert_eq!(code, Some(3), "{out}");
    assert!(
        out.contains("waiting for the write lock on sqlite://")
            && out.contains("another connection is writing to it"),
        "{out}"
    );
    assert!(out.contains("gave up after 1 s"), "{out}");
    assert!(started.elapsed() < Duration::from_secs(20));
    writer.execute_batch("COMMIT").expect("release");
    let (code, out) = dbtool(&root, &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(!out.contains("waiting for the write lock"), "{out}");
}
