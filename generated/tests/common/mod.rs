//! Shared setup of the integration tests: an SQLite database in memory and a throw-away
//! PostgreSQL database per test, both built by the crate's embedded migrations.
//!
//! PostgreSQL is found through `DBTOOL_TEST_PG_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`). When it cannot be reached the PostgreSQL tests
//! print "SKIPPED" and pass, unless `CI` is set (to anything but empty, `false` or `0`), where they fail.

#![allow(dead_code, unused_macros)]

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use dbtool_reference_queries::runtime;

/// A UTC time with whole seconds (every engine keeps it exactly).
pub fn ts(year: i32, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, hour, minute, second)
        .unwrap()
}

/// A fixed, lower-case uuid (the SQLite schema checks ids are lower-case hex).
pub fn uuid(n: u128) -> uuid::Uuid {
    uuid::Uuid::from_u128(n)
}

/// Whether `a` and `b` differ by less than `eps`.
pub fn close(a: f64, b: f64, eps: f64) -> bool {
    (a - b).abs() < eps
}

/// A decimal rounded to `dp` places, as text (so `1.50` and `1.5` compare equal).
#[track_caller]
pub fn dec(value: Option<rust_decimal::Decimal>, dp: u32) -> String {
    let value = value.expect("a decimal, not NULL");
    value.round_dp(dp).normalize().to_string()
}

/// An in-memory SQLite database migrated by the crate's embedded migrations, with foreign
/// keys enforced (on before migrating: the migrations must cope with that).
pub fn sqlite() -> rusqlite::Connection {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    dbtool_reference_queries::migrations::migrate_sqlite(&conn)
        .unwrap_or_else(|e| panic!("sqlite migrations: {e}"));
    conn
}

fn pg_url() -> String {
    std::env::var("DBTOOL_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

static NEXT_DB: AtomicUsize = AtomicUsize::new(0);

/// Runs `f` on a thread of its own: the `postgres` crate runs its own tokio runtime, which must
/// not start inside the async tests' runtime.
pub fn on_own_thread<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::spawn(f)
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Whether the tests run under CI: `CI` set to anything but empty, `false` or `0`.
fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| {
        let value = value.trim();
        !(value.is_empty() || value == "0" || value.eq_ignore_ascii_case("false"))
    })
}

/// A PostgreSQL database of one test, dropped (WITH (FORCE)) when this guard is, even when the
/// test fails.
pub struct PgDb {
    base: String,
    name: String,
}

impl PgDb {
    /// Creates the database and applies the migrations; `None` (after a loud message) when the
    /// server cannot be reached and `CI` is not `true`.
    pub fn create(tag: &str) -> Option<PgDb> {
        let tag = tag.to_string();
        on_own_thread(move || PgDb::create_blocking(&tag))
    }

    fn create_blocking(tag: &str) -> Option<PgDb> {
        let base = pg_url();
        let mut config: postgres::Config = base.parse().expect("DBTOOL_TEST_PG_URL");
        config.connect_timeout(Duration::from_secs(10));
        let mut admin = match config.connect(postgres::NoTls) {
            Ok(admin) => admin,
            Err(e) => {
                if under_ci() {
                    panic!("PostgreSQL at {base} is unreachable and CI is set: {e}");
                }
                // Straight to the process's stderr: the test harness captures eprintln!.
                let _ = writeln!(
                    std::io::stderr(),
                    "\n!!!!!!!! SKIPPED: PostgreSQL test `{tag}`: cannot connect to {base}: {e} \
                     (set DBTOOL_TEST_PG_URL; under CI this is a failure) !!!!!!!!\n"
                );
                return None;
            }
        };
        let name = format!(
            "dbtool_test_{tag}_{}_{}",
            std::process::id(),
            NEXT_DB.fetch_add(1, Ordering::SeqCst)
        );
        admin
            .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
            .unwrap();
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        drop(admin);
        let db = PgDb { base, name };
        let mut client = db.sync_config().connect(postgres::NoTls).unwrap();
        dbtool_reference_queries::migrations::migrate_postgres(&mut client)
            .unwrap_or_else(|e| panic!("postgres migrations: {e}"));
        Some(db)
    }

    /// The connection settings of this database (synchronous driver).
    pub fn sync_config(&self) -> postgres::Config {
        let mut config: postgres::Config = self.base.parse().unwrap();
        config.dbname(&self.name);
        config
    }

    /// The connection settings of this database (tokio-postgres).
    pub fn async_config(&self) -> tokio_postgres::Config {
        let mut config: tokio_postgres::Config = self.base.parse().unwrap();
        config.dbname(&self.name);
        config
    }

    /// A client of the generated `pg` backend on this database. Not in async code.
    pub fn pg_client(&self) -> runtime::pg::Client {
        runtime::pg::Client::new(self.sync_config().connect(postgres::NoTls).unwrap())
    }

    /// A client of the generated `pg_async` backend on this database; its connection runs as a
    /// task of the current tokio runtime.
    pub async fn pg_async_client(&self) -> runtime::pg_async::Client {
        let mut config: tokio_postgres::Config = self.base.parse().unwrap();
        config.dbname(&self.name);
        let (client, connection) = config.connect(tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                eprintln!("postgres connection error: {e}");
            }
        });
        runtime::pg_async::Client::new(client)
    }
}

impl Drop for PgDb {
    fn drop(&mut self) {
        let base = self.base.clone();
        let name = self.name.clone();
        let dropped = std::thread::spawn(move || -> Result<(), postgres::Error> {
            let mut admin = postgres::Client::connect(&base, postgres::NoTls)?;
            admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("warning: could not drop test database {}", self.name);
        }
    }
}

/// SQL the scenario runs itself on PostgreSQL only (refreshing materialized views); nothing on
/// SQLite, whose views are plain views.
macro_rules! pg_only_sql {
    (sqlite, $conn:expr, $sql:expr) => {{
        let _ = $conn;
    }};
    (pg, $conn:expr, $sql:expr) => {
        $conn
            .get_mut()
            .batch_execute($sql)
            .unwrap_or_else(|e| panic!("{}: {e}", $sql))
    };
    (pg_async, $conn:expr, $sql:expr) => {
        $conn
            .get_ref()
            .batch_execute($sql)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", $sql))
    };
}

/// Asserts that a `:one` call found no row.
macro_rules! assert_not_found {
    ($result:expr) => {
        match $result {
            Err(dbtool_reference_queries::Error::NotFound { .. }) => {}
            other => panic!("expected NotFound, got {other:?}"),
        }
    };
}

/// The three tests of a module: its scenario on SQLite, PostgreSQL and PostgreSQL async.
macro_rules! backend_tests {
    ($tag:literal) => {
        #[test]
        fn sqlite() {
            let conn = common::sqlite();
            scenario!(sqlite, &conn);
        }

        #[test]
        fn postgres_sync() {
            let Some(db) = common::PgDb::create(concat!($tag, "_sync")) else {
                return;
            };
            let mut client = db.pg_client();
            scenario!(pg, &mut client);
        }

        #[tokio::test]
        async fn postgres_async() {
            let Some(db) = common::PgDb::create(concat!($tag, "_async")) else {
                return;
            };
            let client = db.pg_async_client().await;
            scenario!(pg_async, &client, await);
        }
    };
}
