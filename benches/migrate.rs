//! What dbtool's lock, integrity and rollback bookkeeping cost on top of refinery.
//!
//! `cargo bench --bench migrate` builds a project of `DBTOOL_BENCH_VERSIONS` (default 1,000)
//! one-table versions and times, on PostgreSQL at `DBTOOL_TEST_PG_URL` and on an SQLite file:
//! refinery's own runner applying them, dbtool applying them, a no-op dbtool migrate with all of
//! them applied (library call and whole `dbtool migrate` process), and dbtool rolling all of
//! them back. Each figure is the median of `DBTOOL_BENCH_RUNS` (default 5) runs on fresh
//! databases. BENCHMARKS.md records the numbers.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use dbtool::migrate::{self, Database, MigrateOptions, RollbackTarget, ScratchDatabase, Script};
use dbtool::schema::Dialect;
use refinery_core::{Migration, Runner};

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A project folder with `versions` versions for postgres and sqlite.
fn fixture(versions: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("dbtool.toml"),
        "dialects = [\"postgres\", \"sqlite\"]\n",
    )
    .expect("config");
    std::fs::create_dir_all(dir.path().join("schema")).expect("schema dir");
    for dialect in ["postgres", "sqlite"] {
        let folder = dir.path().join("migrations").join(dialect);
        std::fs::create_dir_all(&folder).expect("mkdir");
        for v in 1..=versions {
            std::fs::write(
                folder.join(format!("V{v}__step_{v}.sql")),
                format!("CREATE TABLE bench_{v} (id integer PRIMARY KEY, note text);\n"),
            )
            .expect("up");
            std::fs::write(
                folder.join(format!("V{v}__step_{v}.down.sql")),
                format!("DROP TABLE bench_{v};\n"),
            )
            .expect("down");
        }
    }
    migrate::write_integrity(&dir.path().join("migrations")).expect("dbtool.sum");
    dir
}

fn load(project: &Path, dialect: Dialect) -> Vec<Script> {
    migrate::load_scripts(&project.join("migrations"), dialect).expect("load scripts")
}

fn dbtool_migrate(project: &Path, dialect: Dialect, url: &str) -> usize {
    let scripts = load(project, dialect);
    let mut db = Database::open(url).expect("open");
    db.migrate(&scripts, MigrateOptions::default(), |_| {})
        .expect("migrate")
        .versions
        .len()
}

fn dbtool_rollback_all(project: &Path, dialect: Dialect, url: &str) -> usize {
    let scripts = load(project, dialect);
    let mut db = Database::open(url).expect("open");
    db.rollback(
        &scripts,
        RollbackTarget::All,
        dbtool::migrate::RollbackOptions {
            dry_run: false,
            allow_destructive: true,
        },
        |_| {},
    )
    .expect("rollback")
    .versions
    .len()
}

fn dbtool_process(project: &Path, url: &str) {
    let status = Command::new(env!("CARGO_BIN_EXE_dbtool"))
        .args(["migrate", "--quiet", "--database-url", url])
        .current_dir(project)
        .status()
        .expect("run dbtool");
    assert!(status.success());
}

fn refinery_migrations(project: &Path, dialect: &str) -> Vec<Migration> {
    refinery_core::load_sql_migrations(project.join("migrations").join(dialect))
        .expect("refinery loads the folder")
}

struct Timing {
    label: String,
    samples: Vec<Duration>,
}

impl Timing {
    fn median(&self) -> Duration {
        let mut s = self.samples.clone();
        s.sort();
        s[s.len() / 2]
    }
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let value = f();
    (start.elapsed(), value)
}

/// The server the PostgreSQL figures use, if it is reachable.
fn pg_server() -> Option<String> {
    let url = std::env::var("DBTOOL_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
    postgres::Client::connect(&url, postgres::NoTls).ok()?;
    Some(url)
}

/// A fresh database for one measurement, dropped when it goes out of scope.
fn fresh(server: &str) -> ScratchDatabase {
    ScratchDatabase::create(server, "bench").expect("scratch database")
}

fn bench_postgres(project: &Path, runs: usize, versions: usize) -> Vec<Timing> {
    let Some(server) = pg_server() else {
        eprintln!("PostgreSQL unreachable at DBTOOL_TEST_PG_URL: skipping the PostgreSQL figures");
        return Vec::new();
    };
    let mut refinery = Vec::new();
    let mut apply = Vec::new();
    let mut noop = Vec::new();
    let mut noop_process = Vec::new();
    let mut rollback = Vec::new();
    for _ in 0..runs {
        let scratch = fresh(&server);
        let (elapsed, applied) = time(|| {
            let migrations = refinery_migrations(project, "postgres");
            let mut client =
                postgres::Client::connect(&scratch.url, postgres::NoTls).expect("connect");
            Runner::new(&migrations)
                .run(&mut client)
                .expect("refinery run")
                .applied_migrations()
                .len()
        });
        assert_eq!(applied, versions);
        refinery.push(elapsed);
        drop(scratch);

        let scratch = fresh(&server);
        let url = scratch.url.clone();
        let (elapsed, applied) = time(|| dbtool_migrate(project, Dialect::Postgres, &url));
        assert_eq!(applied, versions);
        apply.push(elapsed);
        let (elapsed, applied) = time(|| dbtool_migrate(project, Dialect::Postgres, &url));
        assert_eq!(applied, 0);
        noop.push(elapsed);
        noop_process.push(time(|| dbtool_process(project, &url)).0);
        let (elapsed, rolled) = time(|| dbtool_rollback_all(project, Dialect::Postgres, &url));
        assert_eq!(rolled, versions);
        rollback.push(elapsed);
    }
    vec![
        timing(format!("PostgreSQL: refinery applies {versions}"), refinery),
        timing(format!("PostgreSQL: dbtool applies {versions}"), apply),
        timing(
            format!("PostgreSQL: dbtool no-op migrate, {versions} applied (library)"),
            noop,
        ),
        timing(
            format!("PostgreSQL: `dbtool migrate` process, no-op, {versions} applied"),
            noop_process,
        ),
        timing(
            format!("PostgreSQL: dbtool rolls back {versions}"),
            rollback,
        ),
    ]
}

fn bench_sqlite(project: &Path, runs: usize, versions: usize) -> Vec<Timing> {
    let mut refinery = Vec::new();
    let mut apply = Vec::new();
    let mut noop = Vec::new();
    let mut rollback = Vec::new();
    for run in 0..runs {
        let scratch = tempfile::tempdir().expect("tempdir");
        let file = scratch.path().join(format!("refinery_{run}.db"));
        let (elapsed, applied) = time(|| {
            let migrations = refinery_migrations(project, "sqlite");
            let mut conn = rusqlite::Connection::open(&file).expect("open");
            Runner::new(&migrations)
                .run(&mut conn)
                .expect("refinery run")
                .applied_migrations()
                .len()
        });
        assert_eq!(applied, versions);
        refinery.push(elapsed);

        let url = format!(
            "sqlite://{}",
            scratch.path().join(format!("dbtool_{run}.db")).display()
        );
        let (elapsed, applied) = time(|| dbtool_migrate(project, Dialect::Sqlite, &url));
        assert_eq!(applied, versions);
        apply.push(elapsed);
        let (elapsed, applied) = time(|| dbtool_migrate(project, Dialect::Sqlite, &url));
        assert_eq!(applied, 0);
        noop.push(elapsed);
        let (elapsed, rolled) = time(|| dbtool_rollback_all(project, Dialect::Sqlite, &url));
        assert_eq!(rolled, versions);
        rollback.push(elapsed);
    }
    vec![
        timing(
            format!("SQLite file: refinery applies {versions}"),
            refinery,
        ),
        timing(format!("SQLite file: dbtool applies {versions}"), apply),
        timing(
            format!("SQLite file: dbtool no-op migrate, {versions} applied (library)"),
            noop,
        ),
        timing(
            format!("SQLite file: dbtool rolls back {versions}"),
            rollback,
        ),
    ]
}

fn timing(label: String, samples: Vec<Duration>) -> Timing {
    Timing { label, samples }
}

fn main() {
    let versions = env_number("DBTOOL_BENCH_VERSIONS", 1000);
    let runs = env_number("DBTOOL_BENCH_RUNS", 5).max(1);
    let project = fixture(versions);
    let mut timings = bench_postgres(project.path(), runs, versions);
    timings.extend(bench_sqlite(project.path(), runs, versions));
    println!("| measurement | median | min | max |");
    println!("|---|---:|---:|---:|");
    for t in &timings {
        let min = t.samples.iter().min().copied().unwrap_or_default();
        let max = t.samples.iter().max().copied().unwrap_or_default();
        println!(
            "| {} | {:.1} ms | {:.1} ms | {:.1} ms |",
            t.label,
            t.median().as_secs_f64() * 1e3,
            min.as_secs_f64() * 1e3,
            max.as_secs_f64() * 1e3
        );
    }
}
