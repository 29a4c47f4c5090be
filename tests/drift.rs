//! `dbtool drift` on real engines: a database its migrations built has no drift, at any
//! version; changes made behind the migrations' back are reported as missing, extra or changed.

mod common;

use std::path::Path;

use common::dbtool;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `users_change` is how the change made to `users` must read: the object itself, not the
/// table's whole definition.
fn drift_finds_hand_made_changes(url: &str, users_change: &str, change: impl FnOnce()) {
    let (code, out) = dbtool(root(), &["migrate", "--target", "5", "--database-url", url]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(root(), &["drift", "--database-url", url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("matches its migrations (version 5)"), "{out}");
    let (code, out) = dbtool(root(), &["migrate", "--database-url", url]);
    assert_eq!(code, Some(0), "{out}");
    change();
    let (code, out) = dbtool(
        root(),
        &["drift", "--database-url", url, "--format", "json"],
    );
    assert_eq!(code, Some(1), "{out}");
    let json_text: String = out
        .lines()
        .take_while(|l| !l.starts_with("error:"))
        .collect::<Vec<_>>()
        .join("\n");
    let report: serde_json::Value = serde_json::from_str(&json_text).expect("json");
    let found: Vec<String> = report["differences"]
        .as_array()
        .expect("differences")
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d["kind"].as_str().unwrap_or(""),
                d["object"].as_str().unwrap_or("")
            )
        })
        .collect();
    let expected_found = |wanted: &str| found.iter().any(|f| f == wanted);
    assert!(
        expected_found("missing index idx_steps_thread_created"),
        "{found:?}"
    );
    assert!(expected_found("extra index extra_idx"), "{found:?}");
    assert!(expected_found(users_change), "{found:?}");
    assert_eq!(found.len(), 3, "nothing else: {found:?}");
    assert_eq!(report["version"], serde_json::json!(12));
    let (code, out) = dbtool(root(), &["drift", "--database-url", url]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("differs from its migrations (version 12) in 3 places"),
        "{out}"
    );
    assert!(out.contains("help: put the change in a migration"), "{out}");
}

#[test]
fn drift_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("drift.db");
    let url = format!("sqlite://{}", file.display());
    drift_finds_hand_made_changes(&url, "extra column users.nickname", || {
        let conn = rusqlite::Connection::open(&file).expect("open");
        conn.execute_batch(
            "CREATE INDEX extra_idx ON conversations (title);
             DROP INDEX idx_steps_thread_created;
             ALTER TABLE users ADD COLUMN nickname TEXT;",
        )
        .expect("hand-made changes");
    });
}

#[test]
fn drift_on_postgres() {
    let Some(mut pg) = common::pg_database("drift") else {
        return;
    };
    let url = pg.url.clone();
    let client = &mut pg.client;
    drift_finds_hand_made_changes(&url, "changed column users.createdAt", || {
        client
            .batch_execute(
                "CREATE INDEX extra_idx ON conversations (title);
                 DROP INDEX idx_steps_thread_created;
                 ALTER TABLE users ALTER COLUMN \"createdAt\" SET NOT NULL;",
            )
            .expect("hand-made changes");
    });
    // A table made by hand is an extra table (with its columns), not only extra columns.
    pg.client
        .batch_execute("CREATE TABLE scratch (x int)")
        .expect("scratch");
    let (code, out) = dbtool(root(), &["drift", "--database-url", &pg.url]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("extra table scratch"), "{out}");
    assert!(out.contains("extra column scratch.x: integer"), "{out}");
}

/// A column's type modifier is part of what drift compares: `varchar(50)` widened by hand to
/// `varchar(60)` is a changed column, which the bare type name (`varchar`) could not show.
#[test]
fn drift_sees_a_changed_type_modifier_on_postgres() {
    let Some(mut pg) = common::pg_database("drift_typmod") else {
        return;
    };
    let (code, out) = dbtool(root(), &["migrate", "--database-url", &pg.url]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(root(), &["drift", "--database-url", &pg.url]);
    assert_eq!(code, Some(0), "{out}");
    pg.client
        .batch_execute("ALTER TABLE jailbreak_experiments ALTER COLUMN framework TYPE varchar(60)")
        .expect("widen");
    let (code, out) = dbtool(root(), &["drift", "--database-url", &pg.url]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(
            "changed column jailbreak_experiments.framework: character varying(60) not null"
        ),
        "{out}"
    );
    assert!(
        out.contains("the migrations say: character varying(50) not null"),
        "{out}"
    );
}

/// A view changed by hand reads as the words that changed, not as two long statements.
#[test]
fn a_changed_view_shows_the_words_that_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("view.db");
    let url = format!("sqlite://{}", file.display());
    let (code, out) = dbtool(root(), &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    let conn = rusqlite::Connection::open(&file).expect("open");
    conn.execute_batch(
        "DROP VIEW active_conversations;
         CREATE VIEW active_conversations AS
         SELECT id, user_id, title, message_count, created_at, last_message_at
         FROM conversations WHERE status = 'archived';",
    )
    .expect("hand-made change");
    let (code, out) = dbtool(root(), &["drift", "--database-url", &url]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(
            "changed view active_conversations: … WHERE status = [-'active'-]{+'archived'+}"
        ),
        "{out}"
    );
    assert!(
        out.contains("([-…-] the migrations say, {+…+} the database has)"),
        "{out}"
    );
}
