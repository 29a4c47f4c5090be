//! This repository's own migration history (migrations/) on real engines: every version rolls
//! back to exactly the schema of the version before it, the whole history migrates, rolls back
//! and re-migrates to the same schema, and rows survive the column changes and rebuilds.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use dbtool::migrate::{self, Database, MigrateOptions, RollbackTarget, Script};
use dbtool::schema::Dialect;

fn scripts(dialect: Dialect) -> Vec<Script> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let problems = migrate::integrity_problems(&dir, &Dialect::ALL).expect("read dbtool.sum");
    assert!(problems.is_empty(), "{problems:?}");
    migrate::load_scripts(&dir, dialect).expect("load the reference history")
}

fn migrate_to(db: &mut Database, scripts: &[Script], version: i32) {
    let options = MigrateOptions {
        target: Some(version),
        dry_run: false,
    };
    db.migrate(scripts, options, |_| {})
        .unwrap_or_else(|e| panic!("migrate to {version}: {e}"));
}

fn rollback(db: &mut Database, scripts: &[Script], how_far: RollbackTarget) {
    db.rollback(
        scripts,
        how_far,
        dbtool::migrate::RollbackOptions {
            dry_run: false,
            allow_destructive: true,
        },
        |_| {},
    )
    .unwrap_or_else(|e| panic!("rollback {how_far:?}: {e}"));
}

/// The schema of a database as text, without the history table (whose rows are the point of
/// comparison, not its shape).
trait SchemaDump {
    fn dump(&self) -> String;
}

struct SqliteFile(PathBuf);

impl SchemaDump for SqliteFile {
    /// `sqlite_master`, one object per line. SQLite writes the name of a table renamed by
    /// `ALTER TABLE … RENAME TO` in double quotes (`CREATE TABLE "t" (`); the rebuild procedure
    /// renames, so the quotes around a plain table name are dropped before comparing.
    fn dump(&self) -> String {
        let conn = rusqlite::Connection::open(&self.0).expect("open for dump");
        let mut statement = conn
            .prepare(
                "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master \
                 WHERE tbl_name <> 'refinery_schema_history' ORDER BY type, name",
            )
            .expect("prepare dump");
        let rows = statement
            .query_map([], |row| {
                let (kind, name, table, sql): (String, String, String, String) =
                    (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
                let quoted = format!("CREATE TABLE \"{name}\" (");
                let sql = sql.replacen(&quoted, &format!("CREATE TABLE {name} ("), 1);
                Ok(format!("{kind} {name} on {table}: {sql}"))
            })
            .expect("query dump");
        rows.map(|r| r.expect("row")).collect::<Vec<_>>().join("\n")
    }
}

struct PgSchema(String);

impl SchemaDump for PgSchema {
    /// `pg_dump --schema-only`, without its header comments.
    fn dump(&self) -> String {
        let output = Command::new("pg_dump")
            .args([
                "--schema-only",
                "--no-owner",
                "--no-privileges",
                "--exclude-table=refinery_schema_history",
                "--exclude-table=dbtool_migration_progress",
                "--dbname",
                &self.0,
            ])
            .output()
            .expect("run pg_dump (Debian package postgresql-client)");
        assert!(
            output.status.success(),
            "pg_dump: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter(|line| !line.starts_with("-- Dumped ") && !line.starts_with("\\restrict"))
            .filter(|line| !line.starts_with("\\unrestrict"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Walks the history up one version at a time; at each version rolls back one step and checks
/// the schema is the previous version's, then re-applies it and checks it is the same again.
/// Then rolls back everything and re-migrates everything.
fn every_version_rolls_back_exactly(url: &str, dialect: Dialect, dump: &dyn SchemaDump) {
    let scripts = scripts(dialect);
    assert!(scripts.len() >= 5, "the reference history has 5+ versions");
    let mut db = Database::open(url).expect("open");
    let mut schemas = vec![dump.dump()];
    for script in &scripts {
        let k = script.version;
        migrate_to(&mut db, &scripts, k);
        let at_k = dump.dump();
        // A version can be empty for one dialect (int to bigint is nothing on SQLite).
        let has_statements = !migrate::split_statements(&script.up_sql).is_empty();
        assert_eq!(
            &at_k != schemas.last().expect("previous"),
            has_statements,
            "{dialect} version {k} ({}): the schema must change exactly when the script has statements",
            script.name
        );
        rollback(&mut db, &scripts, RollbackTarget::Steps(1));
        assert_eq!(
            &dump.dump(),
            schemas.last().expect("previous"),
            "{dialect}: rolling back version {k} ({}) did not restore version {}'s schema",
            script.name,
            k - 1
        );
        migrate_to(&mut db, &scripts, k);
        assert_eq!(dump.dump(), at_k, "{dialect}: re-applying version {k}");
        schemas.push(at_k);
    }
    rollback(&mut db, &scripts, RollbackTarget::All);
    assert_eq!(dump.dump(), schemas[0], "{dialect}: rollback --all");
    let last = scripts.last().expect("a version").version;
    migrate_to(&mut db, &scripts, last);
    assert_eq!(
        &dump.dump(),
        schemas.last().expect("latest"),
        "{dialect}: migrate, rollback --all, migrate"
    );
}

/// Version of each reference change (see migrations/*/V6.. V9): migrate to the last seed, add
/// rows, then walk through the changes and back.
const LAST_SEED: i32 = 5;

fn sqlite_counts(conn: &rusqlite::Connection) -> Vec<(String, i64)> {
    [
        "conversations",
        "messages",
        "text_corpus",
        "threads",
        "steps",
    ]
    .iter()
    .map(|table| {
        let count = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .expect("count");
        (table.to_string(), count)
    })
    .collect()
}

fn pg_counts(client: &mut postgres::Client) -> Vec<(String, i64)> {
    [
        "conversations",
        "messages",
        "text_corpus",
        "threads",
        "steps",
    ]
    .iter()
    .map(|table| {
        let row = client
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])
            .expect("count");
        (table.to_string(), row.get(0))
    })
    .collect()
}

const SEED_ROWS: &str = r#"
INSERT INTO conversations (id, user_id, title, message_count)
VALUES ('00000000-0000-4000-8000-000000000001', 'ada', 'first', 2),
       ('00000000-0000-4000-8000-000000000002', 'bob', NULL, 1);
INSERT INTO messages (id, conversation_id, role, content)
VALUES ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'user', 'hello'),
       ('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-000000000001', 'assistant', 'hi'),
       ('00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-8000-000000000002', 'user', 'hey');
INSERT INTO text_corpus (id, title, content, source, word_count)
VALUES (1, 'a', 'alpha beta', 'https://example.com/a', 2), (2, 'b', 'gamma', NULL, 1);
INSERT INTO threads (id, name, "createdAt")
VALUES ('00000000-0000-4000-8000-0000000000b1', 't', '2026-01-01T00:00:00Z');
INSERT INTO steps (id, name, type, "threadId", streaming, "createdAt")
VALUES ('00000000-0000-4000-8000-0000000000c1', 's1', 'run', '00000000-0000-4000-8000-0000000000b1', false, '2026-01-01T00:00:01Z'),
       ('00000000-0000-4000-8000-0000000000c2', 's2', 'llm', '00000000-0000-4000-8000-0000000000b1', false, '2026-01-01T00:00:02Z');
"#;

fn expected_counts() -> Vec<(String, i64)> {
    [
        ("conversations", 2),
        ("messages", 3),
        ("text_corpus", 2),
        ("threads", 1),
        ("steps", 2),
    ]
    .iter()
    .map(|(t, n)| (t.to_string(), *n))
    .collect()
}

#[test]
fn sqlite_every_reference_version_rolls_back_to_the_previous_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("history.db");
    let url = format!("sqlite://{}", file.display());
    every_version_rolls_back_exactly(&url, Dialect::Sqlite, &SqliteFile(file));
}

#[test]
fn postgres_every_reference_version_rolls_back_to_the_previous_schema() {
    let Some(pg) = common::pg_database("history_roundtrip") else {
        return;
    };
    let dump = PgSchema(pg.url.clone());
    every_version_rolls_back_exactly(&pg.url, Dialect::Postgres, &dump);
}

#[test]
fn sqlite_rows_survive_the_reference_changes_and_their_rollback() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("rows.db");
    let url = format!("sqlite://{}", file.display());
    let scripts = scripts(Dialect::Sqlite);
    let mut db = Database::open(&url).expect("open");
    migrate_to(&mut db, &scripts, LAST_SEED);
    let conn = rusqlite::Connection::open(&file).expect("open");
    // SQLite stores the seed's booleans as 0/1.
    conn.execute_batch(&SEED_ROWS.replace("false", "0"))
        .expect("seed rows");
    let last = scripts.last().expect("a version").version;
    migrate_to(&mut db, &scripts, last);
    assert_eq!(sqlite_counts(&conn), expected_counts());
    // Version 6 rebuilt `conversations` (the parent of `messages`, ON DELETE CASCADE);
    // version 7 renamed `source` to `source_url`.
    let (title, summary): (Option<String>, Option<String>) = conn
        .query_row(
            "SELECT title, summary FROM conversations WHERE user_id = 'ada'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("conversation");
    assert_eq!((title.as_deref(), summary), (Some("first"), None));
    let url_a: Option<String> = conn
        .query_row("SELECT source_url FROM text_corpus WHERE id = 1", [], |r| {
            r.get(0)
        })
        .expect("renamed column");
    assert_eq!(url_a.as_deref(), Some("https://example.com/a"));
    let hits: i64 = conn
        .query_row(
            "SELECT count(*) FROM text_corpus_fts WHERE text_corpus_fts MATCH 'gamma'",
            [],
            |r| r.get(0),
        )
        .expect("full-text index rebuilt over the kept rows");
    assert_eq!(hits, 1);
    rollback(&mut db, &scripts, RollbackTarget::To(LAST_SEED));
    assert_eq!(sqlite_counts(&conn), expected_counts());
    let source: Option<String> = conn
        .query_row("SELECT source FROM text_corpus WHERE id = 1", [], |r| {
            r.get(0)
        })
        .expect("column renamed back");
    assert_eq!(source.as_deref(), Some("https://example.com/a"));
}

#[test]
fn postgres_rows_survive_the_reference_changes_and_their_rollback() {
    let Some(mut pg) = common::pg_database("history_rows") else {
        return;
    };
    let scripts = scripts(Dialect::Postgres);
    let mut db = Database::open(&pg.url).expect("open");
    migrate_to(&mut db, &scripts, LAST_SEED);
    // text_corpus.id is an identity column: the seed's ids are given explicitly.
    let seed = SEED_ROWS.replace(
        "INSERT INTO text_corpus (id, title, content, source, word_count)\nVALUES",
        "INSERT INTO text_corpus (id, title, content, source, word_count)\nOVERRIDING SYSTEM VALUE VALUES",
    );
    pg.client.batch_execute(&seed).expect("seed rows");
    let last = scripts.last().expect("a version").version;
    migrate_to(&mut db, &scripts, last);
    assert_eq!(pg_counts(&mut pg.client), expected_counts());
    let row = pg
        .client
        .query_one(
            "SELECT title, summary, message_count FROM conversations WHERE user_id = 'ada'",
            &[],
        )
        .expect("conversation");
    let (title, summary, count): (Option<String>, Option<String>, i64) =
        (row.get(0), row.get(1), row.get(2));
    assert_eq!((title.as_deref(), summary, count), (Some("first"), None, 2));
    let row = pg
        .client
        .query_one("SELECT source_url FROM text_corpus WHERE id = 1", &[])
        .expect("renamed column");
    assert_eq!(
        row.get::<_, Option<String>>(0).as_deref(),
        Some("https://example.com/a")
    );
    rollback(&mut db, &scripts, RollbackTarget::To(LAST_SEED));
    assert_eq!(pg_counts(&mut pg.client), expected_counts());
    let row = pg
        .client
        .query_one(
            "SELECT source, pg_typeof(message_count)::text FROM text_corpus, conversations \
             WHERE text_corpus.id = 1 AND conversations.user_id = 'ada'",
            &[],
        )
        .expect("renamed back and narrowed back");
    assert_eq!(
        (
            row.get::<_, Option<String>>(0).as_deref(),
            row.get::<_, String>(1).as_str()
        ),
        (Some("https://example.com/a"), "integer")
    );
}

/// `dbtool diff` would write nothing: migrations/schema/ is the declared schema, so every
/// change to schema/ in this repository comes with its migration.
#[test]
fn the_reference_migrations_are_current_with_the_schema() {
    let project = common::reference_project();
    let load = |sources: Vec<dbtool::diagnostic::SourceFile>| {
        dbtool::schema::load(&sources, &project.config.dialects).expect("valid schema")
    };
    let declared = load(project.schema_sources().expect("schema/"));
    let migrated = load(project.snapshot_sources().expect("migrations/schema/"));
    let renames = dbtool::diff::Renames::declared(&migrated, &declared);
    for dialect in &project.config.dialects {
        let plan = dbtool::diff::plan(&migrated, &declared, &renames, *dialect);
        assert!(
            plan.is_empty(),
            "{dialect}: schema/ has changes with no migration; run `dbtool diff <name>`: {:?}",
            plan.steps
        );
    }
}

/// The whole history builds what `dbtool render` builds. The diff works on the schema, so a
/// change in how dbtool renders (a template fix) produces no migration by itself: this test
/// is what notices one that needs a hand-written migration (as version 10 is).
fn migrations_build_what_render_builds(
    migrated_url: &str,
    rendered_url: &str,
    dialect: Dialect,
    apply: impl FnOnce(&str),
) {
    let scripts = scripts(dialect);
    let mut db = Database::open(migrated_url).expect("open");
    let last = scripts.last().expect("versions").version;
    migrate_to(&mut db, &scripts, last);
    let schema = common::reference_schema();
    let ddl = dbtool::render::render(&schema, dialect, &dbtool::render::Templates::default())
        .expect("render");
    apply(&ddl);
    let migrated = dbtool::introspect::catalog(migrated_url).expect("migrated catalog");
    let rendered = dbtool::introspect::catalog(rendered_url).expect("rendered catalog");
    let differences = dbtool::introspect::compare(&rendered, &migrated);
    assert!(
        differences.is_empty(),
        "the migrations build something else than render: {differences:#?}"
    );
}

#[test]
fn sqlite_migrations_build_what_render_builds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let migrated = format!("sqlite://{}", dir.path().join("migrated.db").display());
    let rendered_file = dir.path().join("rendered.db");
    let rendered = format!("sqlite://{}", rendered_file.display());
    migrations_build_what_render_builds(&migrated, &rendered, Dialect::Sqlite, |ddl| {
        rusqlite::Connection::open(&rendered_file)
            .and_then(|conn| conn.execute_batch(ddl))
            .expect("rendered DDL");
    });
}

#[test]
fn postgres_migrations_build_what_render_builds() {
    let Some(migrated) = common::pg_database("history_vs_render") else {
        return;
    };
    let Some(mut rendered) = common::pg_database("render_vs_history") else {
        return;
    };
    let rendered_url = rendered.url.clone();
    migrations_build_what_render_builds(&migrated.url, &rendered_url, Dialect::Postgres, |ddl| {
        rendered.client.batch_execute(ddl).expect("rendered DDL");
    });
}
