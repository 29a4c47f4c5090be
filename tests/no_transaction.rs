//! Versions that run outside a transaction (`-- dbtool: no-transaction`), as `dbtool diff
//! --concurrently` writes them: index builds that do not block writes, a build that fails or is
//! killed half-way and resumed by the next `dbtool migrate`, and rollbacks of them.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::dbtool;

/// A project from `dbtool init` whose second change adds a column and three indexes on
/// existing tables, written by `dbtool diff --concurrently`: version 2 adds the column, version
/// 3 builds the indexes (on PostgreSQL concurrently, outside a transaction; on SQLite version
/// 2 does everything and version 3 says so).
fn project_with_concurrent_builds() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(dir.path(), &["init", "demo"]);
    assert_eq!(code, Some(0), "{out}");
    let root = dir.path().join("demo");
    let schema = std::fs::read_dir(root.join("schema"))
        .expect("schema folder")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "yaml"))
        .expect("a schema file");
    let text = std::fs::read_to_string(&schema).expect("read schema");
    let changed = text
        .replacen(
            "      published_at: timestamptz\n    indexes:\n",
            "      published_at: timestamptz\n      slug: text\n    indexes:\n      idx_posts_title: [title]\n      posts_slug_key: {columns: [slug], unique: true}\n",
            1,
        )
        .replacen(
            "      created_at: timestamptz not null default now()\n",
            "      created_at: timestamptz not null default now()\n    indexes:\n      idx_authors_name: [name]\n",
            1,
        );
    assert_ne!(
        changed, text,
        "the init schema changed shape; update this test"
    );
    std::fs::write(&schema, changed).expect("write schema");
    let (code, out) = dbtool(&root, &["diff", "add_slug", "--concurrently"]);
    assert_eq!(code, Some(0), "{out}");
    (dir, root)
}

fn read(root: &Path, path: &str) -> String {
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn diff_concurrently_puts_index_builds_on_existing_tables_in_a_version_of_their_own() {
    let (_dir, root) = project_with_concurrent_builds();
    let rest = read(&root, "migrations/postgres/V2__add_slug.sql");
    assert!(
        rest.contains("ALTER TABLE posts ADD COLUMN slug text;"),
        "{rest}"
    );
    assert!(!rest.contains("INDEX"), "{rest}");
    let builds = read(&root, "migrations/postgres/V3__add_slug_indexes.sql");
    assert!(
        builds.starts_with("-- dbtool: no-transaction\n"),
        "{builds}"
    );
    for statement in [
        "CREATE INDEX CONCURRENTLY idx_authors_name ON authors (name);",
        "CREATE INDEX CONCURRENTLY idx_posts_title ON posts (title);",
        "CREATE UNIQUE INDEX CONCURRENTLY posts_slug_key ON posts (slug);",
    ] {
        assert!(builds.contains(statement), "{builds}");
    }
    let undo = read(&root, "migrations/postgres/V3__add_slug_indexes.down.sql");
    assert!(undo.starts_with("-- dbtool: no-transaction\n"), "{undo}");
    let drops: Vec<&str> = undo.lines().filter(|l| l.starts_with("DROP")).collect();
    assert_eq!(
        drops,
        [
            "DROP INDEX CONCURRENTLY IF EXISTS posts_slug_key;",
            "DROP INDEX CONCURRENTLY IF EXISTS idx_posts_title;",
            "DROP INDEX CONCURRENTLY IF EXISTS idx_authors_name;",
        ]
    );
    // SQLite builds indexes inside its transaction: version 2 does all of it.
    let sqlite = read(&root, "migrations/sqlite/V2__add_slug.sql");
    assert!(
        sqlite.contains("CREATE UNIQUE INDEX posts_slug_key"),
        "{sqlite}"
    );
    let nothing = read(&root, "migrations/sqlite/V3__add_slug_indexes.sql");
    assert!(
        nothing.contains("-- Nothing to do here: sqlite builds its indexes inside a transaction"),
        "{nothing}"
    );
    // It migrates and rolls back on SQLite like any other pair of versions.
    let url = format!("sqlite://{}", root.join("t.db").display());
    for args in [
        vec!["migrate", "--database-url", &url],
        vec!["drift", "--database-url", &url],
        vec!["rollback", "--steps", "2", "--database-url", &url],
        vec!["drift", "--database-url", &url],
    ] {
        let (code, out) = dbtool(&root, &args);
        assert_eq!(code, Some(0), "{args:?}: {out}");
    }
    // The change is one change: discarding it takes back both versions and the snapshot.
    let (code, out) = dbtool(&root, &["migration", "discard", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("removed the scripts of version 2 and 3"),
        "{out}"
    );
    assert!(!root.join("migrations/postgres/V2__add_slug.sql").exists());
    let (code, out) = dbtool(&root, &["check"]);
    assert_eq!(
        code,
        Some(1),
        "the schema change is unmigrated again: {out}"
    );
    let (code, out) = dbtool(&root, &["diff", "add_slug"]);
    assert_eq!(code, Some(0), "{out}");
    let whole = read(&root, "migrations/postgres/V2__add_slug.sql");
    assert!(
        whole.contains("CREATE INDEX idx_posts_title ON posts (title);"),
        "{whole}"
    );
}

#[test]
fn a_marker_on_an_engine_without_it_and_a_mixed_script_are_refused_before_anything_runs() {
    let (_dir, root) = project_with_concurrent_builds();
    let path = root.join("migrations/sqlite/V3__add_slug_indexes.sql");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, format!("-- dbtool: no-transaction\n{text}VACUUM;\n")).expect("write");
    let (code, out) = dbtool(&root, &["migration", "hash"]);
    assert_eq!(code, Some(0), "{out}");
    let url = format!("sqlite://{}", root.join("t.db").display());
    let (code, out) = dbtool(&root, &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("sqlite runs every version in a transaction"),
        "{out}"
    );
    assert!(out.contains("V3__add_slug_indexes.sql:1:1"), "{out}");
    assert!(!out.contains("applying"), "{out}");
}

fn psql_value(client: &mut postgres::Client, sql: &str) -> Option<String> {
    client
        .query_opt(sql, &[])
        .expect(sql)
        .and_then(|row| row.get::<_, Option<String>>(0))
}

fn index_validity(client: &mut postgres::Client, index: &str) -> Option<bool> {
    client
        .query_opt(
            "SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass($1)",
            &[&index],
        )
        .expect("pg_index")
        .map(|row| row.get(0))
}

fn progress_rows(client: &mut postgres::Client) -> Vec<(i32, String, i32)> {
    client
        .query(
            "SELECT version, direction, done FROM dbtool_migration_progress ORDER BY version",
            &[],
        )
        .map(|rows| {
            rows.iter()
                .map(|r| (r.get(0), r.get(1), r.get(2)))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_failed_concurrent_build_keeps_what_ran_and_the_next_migrate_resumes_it() {
    let Some(mut pg) = common::pg_database("no_tx_resume") else {
        return;
    };
    let (_dir, root) = project_with_concurrent_builds();
    let url = pg.url.clone();
    let (code, out) = dbtool(&root, &["migrate", "--target", "2", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    // Two posts with the same slug: the unique build (statement 3 of 3) fails.
    pg.client
        .batch_execute("INSERT INTO authors (name, email) VALUES ('a', 'a@example.com'); INSERT INTO posts (author_id, title, slug) VALUES (1, 'one', 'same'), (1, 'two', 'same');")
        .expect("rows");
    let (code, out) = dbtool(&root, &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(3), "{out}");
    assert!(
        out.contains("version 3 stopped at statement 3 of 3"),
        "{out}"
    );
    assert!(out.contains("Key (slug)=(same) is duplicated"), "{out}");
    assert!(out.contains("V3__add_slug_indexes.sql:13:1"), "{out}");
    assert!(out.contains("statements 1 to 2 ran and are kept"), "{out}");
    assert_eq!(
        index_validity(&mut pg.client, "idx_posts_title"),
        Some(true)
    );
    assert_eq!(
        index_validity(&mut pg.client, "posts_slug_key"),
        Some(false)
    );
    assert_eq!(progress_rows(&mut pg.client), [(3, "up".to_string(), 2)]);
    let (code, out) = dbtool(&root, &["status", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("stopped     3  while migrating, after 2 statements"),
        "{out}"
    );

    // Giving up on it: rollback undoes what ran of the partly applied version.
    let (code, out) = dbtool(&root, &["rollback", "--steps", "1", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("rolled back 1 version"), "{out}");
    assert_eq!(index_validity(&mut pg.client, "idx_posts_title"), None);
    assert_eq!(index_validity(&mut pg.client, "posts_slug_key"), None);
    assert!(progress_rows(&mut pg.client).is_empty());

    // Again, then the cause corrected: the next migrate resumes at the failed statement and
    // drops the invalid index first.
    let (code, out) = dbtool(&root, &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(3), "{out}");
    pg.client
        .batch_execute("UPDATE posts SET slug = 'other' WHERE title = 'two'")
        .expect("fix");
    let (code, out) = dbtool(&root, &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("resuming at statement 3"), "{out}");
    assert!(
        out.contains("dropping the invalid index posts_slug_key"),
        "{out}"
    );
    assert_eq!(index_validity(&mut pg.client, "posts_slug_key"), Some(true));
    assert!(progress_rows(&mut pg.client).is_empty());
    let (code, out) = dbtool(&root, &["drift", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");

    // Rolled back outside a transaction too, and migrated again.
    let (code, out) = dbtool(&root, &["rollback", "--steps", "1", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(index_validity(&mut pg.client, "idx_authors_name"), None);
    let (code, out) = dbtool(&root, &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(
        psql_value(
            &mut pg.client,
            "SELECT max(version)::text FROM refinery_schema_history"
        ),
        Some("3".to_string())
    );
}

/// Starts `dbtool migrate` and waits until its first concurrent build (of `idx_authors_name`)
/// waits for the transaction the test holds open (a concurrent build waits for every older
/// transaction, whatever it touched); returns the child and its server process id.
// The child is returned to the caller, which kills and waits for it.
#[allow(clippy::zombie_processes)]
fn migrate_until_the_build_waits(
    root: &Path,
    url: &str,
    watcher: &mut postgres::Client,
) -> (std::process::Child, i32) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dbtool"))
        .args(["migrate", "--database-url", url])
        .current_dir(root)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn dbtool");
    let started = Instant::now();
    loop {
        let waiting = watcher
            .query_opt(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'CREATE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'",
                &[],
            )
            .expect("pg_stat_activity");
        if let Some(row) = waiting {
            return (child, row.get(0));
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the build never started waiting");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn killed_while_building(
    terminate_backend: bool,
) -> (common::PgDatabase, tempfile::TempDir, PathBuf) {
    let pg = common::pg_database("no_tx_killed").expect("checked by the caller");
    let (dir, root) = project_with_concurrent_builds();
    let url = pg.url.clone();
    let (code, out) = dbtool(&root, &["migrate", "--target", "2", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    // An open transaction that wrote to `posts`: a concurrent build on it waits for it to end,
    // with its index already in the catalog, invalid.
    let mut writer = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    writer
        .batch_execute("INSERT INTO authors (name, email) VALUES ('a', 'a@example.com'); BEGIN; INSERT INTO posts (author_id, title) VALUES (1, 'held');")
        .expect("hold");
    let mut watcher = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    let (mut child, backend) = migrate_until_the_build_waits(&root, &url, &mut watcher);
    child.kill().expect("kill dbtool");
    let _ = child.wait();
    if terminate_backend {
        watcher
            .execute("SELECT pg_terminate_backend($1)", &[&backend])
            .expect("terminate");
    }
    writer.batch_execute("COMMIT").expect("release");
    // Wait until the server is done with the killed migrator's session.
    let started = Instant::now();
    while watcher
        .query_opt("SELECT 1 FROM pg_stat_activity WHERE pid = $1", &[&backend])
        .expect("pg_stat_activity")
        .is_some()
    {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the killed session lingers"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    (pg, dir, root)
}

#[test]
fn a_migrator_killed_during_a_concurrent_build_is_resumed_and_the_invalid_index_rebuilt() {
    if common::pg_database("no_tx_probe").is_none() {
        return;
    }
    let (mut pg, _dir, root) = killed_while_building(true);
    assert_eq!(
        index_validity(&mut pg.client, "idx_authors_name"),
        Some(false)
    );
    assert_eq!(progress_rows(&mut pg.client), [(3, "up".to_string(), 0)]);
    let (code, out) = dbtool(&root, &["migrate", "--database-url", &pg.url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("resuming at statement 1"), "{out}");
    assert!(
        out.contains("dropping the invalid index idx_authors_name"),
        "{out}"
    );
    for index in ["idx_authors_name", "idx_posts_title", "posts_slug_key"] {
        assert_eq!(index_validity(&mut pg.client, index), Some(true), "{index}");
    }
    assert!(progress_rows(&mut pg.client).is_empty());
    let (code, out) = dbtool(&root, &["drift", "--database-url", &pg.url]);
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn a_build_that_finished_after_its_migrator_was_killed_counts_as_done() {
    if common::pg_database("no_tx_probe").is_none() {
        return;
    }
    // The server finishes the build once the writer commits, but the killed migrator never
    // recorded it.
    let (mut pg, _dir, root) = killed_while_building(false);
    assert_eq!(
        index_validity(&mut pg.client, "idx_authors_name"),
        Some(true)
    );
    assert_eq!(progress_rows(&mut pg.client), [(3, "up".to_string(), 0)]);
    let (code, out) = dbtool(&root, &["migrate", "--database-url", &pg.url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("index idx_authors_name is built and valid"),
        "{out}"
    );
    assert_eq!(index_validity(&mut pg.client, "posts_slug_key"), Some(true));
    assert!(progress_rows(&mut pg.client).is_empty());
}

/// A hand-written version may hold any statement that must run alone: maintenance such as
/// `VACUUM` and `REINDEX … CONCURRENTLY` takes the same path as index builds.
#[test]
fn a_hand_written_maintenance_version_runs_outside_a_transaction_on_postgres() {
    let Some(mut pg) = common::pg_database("no_tx_vacuum") else {
        return;
    };
    let (_dir, root) = project_with_concurrent_builds();
    let (code, out) = dbtool(&root, &["migration", "new", "maintenance"]);
    assert_eq!(code, Some(0), "{out}");
    std::fs::write(
        root.join("migrations/postgres/V4__maintenance.sql"),
        "-- dbtool: no-transaction\nVACUUM (ANALYZE) posts;\nREINDEX TABLE CONCURRENTLY posts;\n",
    )
    .expect("write");
    let (code, out) = dbtool(&root, &["migration", "hash"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(&root, &["migrate", "--database-url", &pg.url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("applied 4 versions"), "{out}");
    let analyzed: bool = pg
        .client
        .query_one(
            "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'posts'",
            &[],
        )
        .expect("pg_stat_user_tables")
        .get(0);
    assert!(analyzed, "VACUUM (ANALYZE) ran");
    assert!(progress_rows(&mut pg.client).is_empty());
    let (code, out) = dbtool(
        &root,
        &["rollback", "--steps", "1", "--database-url", &pg.url],
    );
    assert_eq!(code, Some(0), "{out}");
    // The same statement in an ordinary version is refused before anything runs.
    std::fs::write(
        root.join("migrations/postgres/V4__maintenance.sql"),
        "VACUUM posts;\n",
    )
    .expect("write");
    let (code, out) = dbtool(&root, &["migration", "hash"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(&root, &["migrate", "--database-url", &pg.url]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("`VACUUM posts` cannot run inside a transaction"),
        "{out}"
    );
}
