//! `dbtool diff`, `migrate`, `rollback` and `status` end to end on a real SQLite file.

mod common;

use std::path::{Path, PathBuf};

fn dbtool(dir: &Path, args: &[&str]) -> (bool, String) {
    let (code, out) = common::dbtool(dir, args);
    (code == Some(0), out)
}

fn fresh_project(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dbtool-migrate-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("schema")).expect("mkdir");
    std::fs::write(
        dir.join("dbtool.toml"),
        "dialects = [\"postgres\", \"sqlite\"]\n",
    )
    .expect("config");
    dir
}

const V1: &str = "tables:\n  users:\n    columns:\n      id: bigint identity primary key\n      email: text not null\n  posts:\n    columns:\n      id: bigint identity primary key\n      user_id: bigint not null references users.id on delete cascade\n      title: text not null\n";

#[test]
fn rows_survive_a_sqlite_rebuild_of_a_parent_table_and_its_rollback() {
    let dir = fresh_project("rebuild");
    std::fs::write(dir.join("schema/app.yaml"), V1).expect("schema");
    let (ok, out) = dbtool(&dir, &["diff", "init"]);
    assert!(ok, "{out}");
    let (ok, out) = dbtool(&dir, &["migrate"]);
    assert!(ok, "{out}");
    let db = rusqlite::Connection::open(dir.join("dbtool.db")).expect("open");
    db.execute_batch(
        "INSERT INTO users (email) VALUES ('a@example.com'), ('b@example.com');
         INSERT INTO posts (user_id, title) VALUES (1, 'one'), (1, 'two'), (2, 'three');",
    )
    .expect("seed");
    // A renamed column, a retyped one, and a column added before it: SQLite must rebuild
    // `users`, the parent of `posts` (a column added last would be `ADD COLUMN`).
    let v2 = V1.replace(
        "      email: text not null\n",
        "      name: text default 'anon'\n      mail:\n        type: varchar(320)\n        nullable: false\n        renamed_from: email\n",
    );
    std::fs::write(dir.join("schema/app.yaml"), v2).expect("schema");
    let (ok, out) = dbtool(&dir, &["diff", "rename_email"]);
    assert!(
        !ok && out.contains("loses data"),
        "text to varchar(320) narrows on PostgreSQL: {out}"
    );
    let (ok, out) = dbtool(&dir, &["diff", "rename_email", "--allow-destructive"]);
    assert!(ok, "{out}");
    assert!(
        out.contains("rebuilds table `users` because column `name` is added before existing columns (declare it last to add it in place): every row is copied into a new table (sqlite)"),
        "the hazard names its dialect: {out}"
    );
    let (ok, out) = dbtool(&dir, &["migrate"]);
    assert!(ok, "{out}");
    let posts: i64 = db
        .query_row("SELECT count(*) FROM posts", [], |r| r.get(0))
        .expect("count");
    assert_eq!(posts, 3, "ON DELETE CASCADE children survive the rebuild");
    let mail: String = db
        .query_row("SELECT mail FROM users WHERE id = 2", [], |r| r.get(0))
        .expect("renamed column keeps its data");
    assert_eq!(mail, "b@example.com");

    // The down script drops `name`, which every row fills with 'anon': named and refused.
    let (ok, out) = dbtool(&dir, &["rollback", "--steps", "1"]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("drops column `users.name` and the data in it (2 rows)"),
        "{out}"
    );
    let (ok, out) = dbtool(&dir, &["rollback", "--steps", "1", "--allow-destructive"]);
    assert!(ok, "{out}");
    let email: String = db
        .query_row("SELECT email FROM users WHERE id = 2", [], |r| r.get(0))
        .expect("rolled back column keeps its data");
    assert_eq!(email, "b@example.com");
    let posts: i64 = db
        .query_row("SELECT count(*) FROM posts", [], |r| r.get(0))
        .expect("count");
    assert_eq!(posts, 3);

    let (ok, out) = dbtool(&dir, &["status", "--format", "json"]);
    assert!(ok, "{out}");
    assert!(
        out.contains("\"pending\"") && out.contains("rename_email"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_change_writes_nothing_and_edited_scripts_stop_migrate() {
    let dir = fresh_project("integrity");
    std::fs::write(dir.join("schema/app.yaml"), V1).expect("schema");
    assert!(dbtool(&dir, &["diff", "init"]).0);
    let (ok, out) = dbtool(&dir, &["diff", "again"]);
    assert!(ok && out.contains("no changes"), "{out}");
    assert!(!dir.join("migrations/sqlite/V2__again.sql").exists());
    // refinery's own loader sees the up scripts only: the down scripts are ignored.
    let loaded = refinery_core::load_sql_migrations(dir.join("migrations/sqlite")).expect("load");
    assert_eq!(loaded.len(), 1);
    let up = dir.join("migrations/sqlite/V1__init.sql");
    let text = std::fs::read_to_string(&up).expect("read") + "\nSELECT 1;\n";
    std::fs::write(&up, text).expect("edit");
    let (ok, out) = dbtool(&dir, &["migrate"]);
    assert!(!ok);
    assert!(
        out.contains("migrations/sqlite/V1__init.sql was edited"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A rename and a column appended at the end are what SQLite's `RENAME COLUMN` and `ADD COLUMN`
/// do: no rebuild, every row kept.
#[test]
fn a_rename_and_an_appended_column_change_a_sqlite_table_in_place() {
    let dir = fresh_project("in_place");
    std::fs::write(dir.join("schema/app.yaml"), V1).expect("schema");
    let (ok, out) = dbtool(&dir, &["diff", "init"]);
    assert!(ok, "{out}");
    let (ok, out) = dbtool(&dir, &["migrate"]);
    assert!(ok, "{out}");
    let db = rusqlite::Connection::open(dir.join("dbtool.db")).expect("open");
    db.execute_batch("INSERT INTO users (email) VALUES ('a@example.com'), ('b@example.com');")
        .expect("seed");
    let v2 = V1.replace(
        "      email: text not null\n",
        "      mail:\n        type: text\n        nullable: false\n        renamed_from: email\n      bio: text\n",
    );
    std::fs::write(dir.join("schema/app.yaml"), v2).expect("schema");
    let (ok, out) = dbtool(&dir, &["diff", "profile"]);
    assert!(ok, "{out}");
    assert!(!out.contains("rebuilds table"), "{out}");
    let up = std::fs::read_dir(dir.join("migrations/sqlite"))
        .expect("scripts")
        .map(|e| e.expect("entry").path())
        .find(|p| p.to_string_lossy().ends_with("V2__profile.sql"))
        .expect("V2");
    let up = std::fs::read_to_string(up).expect("read");
    assert!(
        up.contains("ALTER TABLE users RENAME COLUMN email TO mail;"),
        "{up}"
    );
    assert!(
        up.contains("ALTER TABLE users ADD COLUMN bio TEXT;"),
        "{up}"
    );
    let (ok, out) = dbtool(&dir, &["migrate"]);
    assert!(ok, "{out}");
    let (rows, mail): (i64, String) = db
        .query_row("SELECT count(*), max(mail) FROM users", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("rows");
    assert_eq!((rows, mail.as_str()), (2, "b@example.com"));
    let _ = std::fs::remove_dir_all(&dir);
}
