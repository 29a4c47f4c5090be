//! Commands that write files, interrupted: `diff`, `generate` and `pull -o` stopped at every
//! step of their write (an abort where a `kill -9` could land) and by real kills at random
//! moments leave the old files or the new ones, never a mix, once the next dbtool command has
//! looked at the folder. And a migration deleted by hand is caught, then taken back whole by
//! `dbtool migration discard`.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::dbtool;

/// Every file under `dir`, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            // A leftover temporary file of a single-file write is not the file; a leftover
            // journal is checked apart (`no_journal_left`).
            if hidden {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let relative = path
                    .strip_prefix(root)
                    .expect("inside")
                    .display()
                    .to_string();
                out.insert(relative, std::fs::read(&path).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The files of `after` that match neither `old` nor `new`, by name (contents are long).
fn differences(
    after: &BTreeMap<String, Vec<u8>>,
    old: &BTreeMap<String, Vec<u8>>,
    new: &BTreeMap<String, Vec<u8>>,
) -> Vec<String> {
    let mut names: Vec<&String> = after.keys().chain(old.keys()).chain(new.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|name| after.get(*name) != old.get(*name) || after.get(*name) != new.get(*name))
        .map(|name| {
            let state = if after.get(name) == old.get(name) {
                "old"
            } else if after.get(name) == new.get(name) {
                "new"
            } else {
                "neither"
            };
            format!("{name}: {state}")
        })
        .collect()
}

/// The files of `migrations/` but dbtool.sum, whose "previous snapshot" line a discard cannot
/// bring back (dbtool keeps one previous snapshot).
fn scripts_and_snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut all = files(&dir.join("migrations"));
    all.remove("dbtool.sum");
    all
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A project from `dbtool init`, with one more table declared but not yet migrated and one
/// more query not yet generated.
fn project_with_pending_work() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(dir.path(), &["init", "blog"]);
    assert_eq!(code, Some(0), "{out}");
    let root = dir.path().join("blog");
    let mut schema = std::fs::read_to_string(root.join("schema/app.yaml")).expect("schema");
    schema.push_str(
        "  tags:\n    columns:\n      id: bigint primary key\n      label: text not null\n",
    );
    std::fs::write(root.join("schema/app.yaml"), schema).expect("write schema");
    std::fs::write(
        root.join("queries/tags.sql"),
        "-- name: CountLabels :one\nSELECT count(*) AS n FROM authors WHERE name = @name;\n",
    )
    .expect("write query");
    dir
}

fn run(dir: &Path, args: &[&str], crash_at: Option<usize>) -> Option<i32> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dbtool"));
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(n) = crash_at {
        command.env("DBTOOL_TEST_CRASH_AT", n.to_string());
    }
    command.status().expect("run dbtool").code()
}

/// Runs `args` in a fresh copy of `template` stopped at each step of its write in turn, then
/// by real kills; after a reading command, `folder` holds exactly `old` or `new`.
fn interrupted_at_every_step(template: &Path, args: &[&str], folder: &str, reader: &[&str]) {
    let old = files(&template.join(folder));
    let finished = tempfile::tempdir().expect("tempdir");
    copy_dir(template, finished.path());
    assert_eq!(
        run(finished.path(), args, None),
        Some(0),
        "{args:?} works uninterrupted"
    );
    let new = files(&finished.path().join(folder));
    assert_ne!(old, new, "{args:?} changes {folder}");
    let mut saw_old = false;
    let mut saw_new = false;
    for step in 1.. {
        let copy = tempfile::tempdir().expect("tempdir");
        copy_dir(template, copy.path());
        let code = run(copy.path(), args, Some(step));
        run(copy.path(), reader, None);
        let after = files(&copy.path().join(folder));
        assert!(
            after == old || after == new,
            "{args:?} stopped at step {step} left a mix in {folder}: {:?}",
            differences(&after, &old, &new)
        );
        assert!(
            !copy.path().join(folder).join(".dbtool-journal").exists(),
            "the next command finished or threw away the journal"
        );
        saw_old |= after == old;
        saw_new |= after == new;
        if code == Some(0) {
            break; // past the last step: the command ran to the end
        }
        assert!(step < 200, "the write has more steps than expected");
    }
    assert!(saw_old && saw_new, "both outcomes were reached");
    for delay_ms in [0u64, 2, 5, 10, 20, 40, 80] {
        let copy = tempfile::tempdir().expect("tempdir");
        copy_dir(template, copy.path());
        let mut child = Command::new(env!("CARGO_BIN_EXE_dbtool"))
            .args(args)
            .current_dir(copy.path())
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        run(copy.path(), reader, None);
        let after = files(&copy.path().join(folder));
        assert!(
            after == old || after == new,
            "{args:?} killed after {delay_ms} ms left a mix in {folder}"
        );
    }
}

/// Before the fix, `diff` wrote the scripts, then deleted and rewrote migrations/schema/, then
/// dbtool.sum: killed in between, it left scripts the sum did not know, or no snapshot at all
/// (after which the next diff re-created every table).
#[test]
fn an_interrupted_diff_leaves_the_old_migrations_or_the_new_ones() {
    let dir = project_with_pending_work();
    let root = dir.path().join("blog");
    interrupted_at_every_step(&root, &["diff", "tags"], "migrations", &["check"]);
}

#[test]
fn an_interrupted_generate_leaves_the_old_crate_or_the_new_one() {
    let dir = project_with_pending_work();
    let root = dir.path().join("blog");
    // The generated crate sees the new table only once it is migrated.
    assert_eq!(run(&root, &["diff", "tags"], None), Some(0));
    interrupted_at_every_step(&root, &["generate"], "generated", &["check"]);
}

#[test]
fn an_interrupted_pull_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("live.db");
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch(
        "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\
         CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);",
    )
    .expect("tables");
    drop(conn);
    std::fs::create_dir_all(dir.path().join("schema")).expect("mkdir");
    std::fs::write(dir.path().join("schema/pulled.yaml"), "tables: {}\n").expect("old file");
    let url = format!("sqlite://{}", db.display());
    let args = ["pull", "--database-url", &url, "-o", "schema/pulled.yaml"];
    interrupted_at_every_step(dir.path(), &args, "schema", &["--version"]);
}

/// `rm` the new version's scripts and re-hash: the snapshot still holds the change, so the next
/// diff would say "no changes". `check` and `diff` now say why, and `migration discard` takes
/// the version back whole (the first time, or after the hand deletion).
#[test]
fn a_deleted_migration_is_caught_and_discard_takes_a_version_back_whole() {
    let dir = project_with_pending_work();
    let root = dir.path().join("blog");
    let before = scripts_and_snapshot(&root);
    let (code, out) = dbtool(&root, &["diff", "tags"]);
    assert_eq!(code, Some(0), "{out}");
    let after_diff = files(&root.join("migrations"));

    // Discard right away: back to exactly the files before the diff.
    let (code, out) = dbtool(&root, &["migration", "discard"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("removed the scripts of version 2"), "{out}");
    assert!(out.contains("schema as of version 1 again"), "{out}");
    assert!(
        scripts_and_snapshot(&root) == before,
        "back to the files before the diff"
    );
    let sum = std::fs::read_to_string(root.join("migrations/dbtool.sum")).expect("sum");
    assert!(!sum.contains("V2__"), "{sum}");
    assert!(sum.contains("is the schema as of version 1\n"), "{sum}");
    let (code, out) = dbtool(&root, &["diff", "tags"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        files(&root.join("migrations")) == after_diff,
        "the same version again"
    );

    // Deleted by hand and re-hashed: caught, refused, repaired.
    for dialect in ["postgres", "sqlite"] {
        for file in ["V2__tags.sql", "V2__tags.down.sql"] {
            std::fs::remove_file(root.join("migrations").join(dialect).join(file)).expect("rm");
        }
    }
    let (code, out) = dbtool(&root, &["migration", "hash"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(&root, &["check"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("migrations/schema/ is the schema as of version 2, whose scripts are gone"),
        "{out}"
    );
    assert!(out.contains("dbtool migration discard"), "{out}");
    let (code, out) = dbtool(&root, &["diff", "again"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("the schema snapshot cannot be trusted"),
        "{out}"
    );
    let (code, out) = dbtool(&root, &["migration", "discard"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(&root, &["diff", "tags"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        files(&root.join("migrations")) == after_diff,
        "the same version again"
    );

    // A hand-edited or deleted snapshot is caught too.
    std::fs::remove_file(root.join("migrations/schema/app.yaml")).expect("rm snapshot");
    let (code, out) = dbtool(&root, &["check"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("migrations/schema/app.yaml is missing"),
        "{out}"
    );
}

/// A version applied to the database at hand is not discarded; rolled back, it is.
#[test]
fn discard_refuses_a_version_the_database_has() {
    let dir = project_with_pending_work();
    let root = dir.path().join("blog");
    let (code, out) = dbtool(&root, &["diff", "tags"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(&root, &["migrate"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(&root, &["migration", "discard"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("version 2 is applied (or partly applied) to sqlite://"),
        "{out}"
    );
    assert!(root.join("migrations/sqlite/V2__tags.sql").exists());
    let (code, out) = dbtool(&root, &["rollback", "--steps", "1", "--allow-destructive"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(&root, &["migration", "discard"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(!root.join("migrations/sqlite/V2__tags.sql").exists());
}
