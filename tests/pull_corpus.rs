//! The adoption corpus (tests/pull_corpus/: schemas written for this test in the style of real
//! projects, covering what real databases hold): each is built on its real engine, pulled with
//! `--verify` (the pulled YAML rendered, built beside the source and compared catalog to
//! catalog), and then adopted: version 1 written from the pull, `baseline` on the source, a
//! new version applied on top, drift clean. A difference is accepted only where the pull's
//! notes name the object it concerns (a documented approximation); every problem of every
//! schema is listed at once.

mod common;

use std::path::{Path, PathBuf};

use common::dbtool;

/// How many schemas of each corpus pull exactly today (raise them as pull improves).
const SQLITE_EXACT: usize = 1;
const POSTGRES_EXACT: usize = 9;

fn corpus(engine: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/pull_corpus")
        .join(engine);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    files
}

fn project(dialect: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("dbtool.toml"),
        format!("dialects = [\"{dialect}\"]\n"),
    )
    .expect("config");
    std::fs::create_dir(dir.path().join("schema")).expect("schema dir");
    dir
}

/// The object a difference line is about: `changed column accounts.id: …` → `accounts.id`.
fn object_of(line: &str) -> Option<&str> {
    let (head, _) = line.split_once(": ")?;
    let mut words = head.split_whitespace();
    let kind = words.next()?;
    if !["missing", "extra", "changed"].contains(&kind) {
        return None;
    }
    words.last()
}

/// Pulls, verifies and adopts the database at `url`; the problems found, each prefixed with
/// the schema's name, and whether the pull was exact (and so adopted by `baseline`).
fn adopt(name: &str, dialect: &str, url: &str) -> (Vec<String>, bool) {
    let mut problems = Vec::new();
    let dir = project(dialect);
    let root = dir.path();
    let (code, out) = dbtool(
        root,
        &[
            "pull",
            "--database-url",
            url,
            "--verify",
            "-o",
            "schema/app.yaml",
        ],
    );
    let yaml = std::fs::read_to_string(root.join("schema/app.yaml")).unwrap_or_default();
    let notes: Vec<&str> = yaml
        .lines()
        .take_while(|l| l.starts_with('#'))
        .filter(|l| l.starts_with("#   - "))
        .collect();
    match code {
        Some(0) => {}
        Some(1) => {
            // The names the notes give in backticks (`accounts`, `accounts.id`): a difference
            // is explained when its object, the object's table, or a name in its line is one.
            let noted: Vec<&str> = notes
                .iter()
                .flat_map(|n| n.split('`').skip(1).step_by(2))
                .collect();
            let unexplained: Vec<&str> = out
                .lines()
                .filter(|l| {
                    object_of(l).is_some_and(|object| {
                        let table = object.split('.').next().unwrap_or(object);
                        let words: Vec<&str> = l
                            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
                            .flat_map(|w| [w, w.rsplit('.').next().unwrap_or(w)])
                            .collect();
                        // `t.c` in a note explains a line about table `t` that names `c`.
                        let column_of_table = |n: &str| {
                            n.split_once('.')
                                .is_some_and(|(t, c)| t == table && words.contains(&c))
                        };
                        !noted.iter().any(|n| {
                            *n == object || *n == table || words.contains(n) || column_of_table(n)
                        })
                    })
                })
                .collect();
            if !unexplained.is_empty() {
                problems.push(format!(
                    "{name}: pull --verify found differences no note names:\n    {}",
                    unexplained.join("\n    ")
                ));
            }
            return (problems, false);
        }
        _ => {
            problems.push(format!("{name}: pull failed:\n{out}"));
            return (problems, false);
        }
    }
    // An exact pull adopts: version 1 from it, baseline, a version on top, no drift.
    let steps: [(&[&str], &str); 2] = [
        (&["diff", "init"], "diff"),
        (&["baseline", "--database-url", url], "baseline"),
    ];
    for (args, what) in steps {
        let (code, out) = dbtool(root, args);
        if code != Some(0) {
            problems.push(format!("{name}: {what} failed:\n{out}"));
            return (problems, true);
        }
    }
    std::fs::write(
        root.join("schema/added.yaml"),
        "tables:\n  corpus_added:\n    columns:\n      id: bigint primary key\n      note: text\n",
    )
    .expect("schema");
    for (args, what) in [
        (&["diff", "added"][..], "diff after baseline"),
        (
            &["migrate", "--database-url", url][..],
            "migrate after baseline",
        ),
        (
            &["drift", "--database-url", url][..],
            "drift after baseline",
        ),
    ] {
        let (code, out) = dbtool(root, args);
        if code != Some(0) {
            problems.push(format!("{name}: {what} failed:\n{out}"));
            return (problems, true);
        }
    }
    (problems, true)
}

/// Every problem at once; and how many schemas were pulled exactly and adopted, which must
/// not fall below `at_least` (the others differ only where their notes say).
fn report(engine: &str, problems: &[String], exact: &[String], total: usize, at_least: usize) {
    eprintln!(
        "{engine} corpus: {} of {total} pulled exactly and adopted ({})",
        exact.len(),
        exact.join(", ")
    );
    assert!(problems.is_empty(), "\n{}", problems.join("\n\n"));
    assert!(
        exact.len() >= at_least,
        "fewer exact pulls than before: {exact:?}"
    );
}

#[test]
fn every_sqlite_schema_of_the_corpus_is_pulled_exactly_or_noted_and_adopted() {
    let mut problems = Vec::new();
    let mut exact = Vec::new();
    let files = corpus("sqlite");
    for file in &files {
        let name = file
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("source.db");
        let sql = std::fs::read_to_string(file).expect("read");
        if let Err(e) = rusqlite::Connection::open(&db).and_then(|c| c.execute_batch(&sql)) {
            problems.push(format!("{name}: does not load: {e}"));
            continue;
        }
        let (found, adopted) = adopt(&name, "sqlite", &format!("sqlite://{}", db.display()));
        problems.extend(found);
        if adopted {
            exact.push(name);
        }
    }
    report("SQLite", &problems, &exact, files.len(), SQLITE_EXACT);
}

#[test]
fn every_postgres_schema_of_the_corpus_is_pulled_exactly_or_noted_and_adopted() {
    let mut problems = Vec::new();
    let mut exact = Vec::new();
    let files = corpus("postgres");
    for (index, file) in files.iter().enumerate() {
        let name = file
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        let Some(mut source) = common::pg_database(&format!("corpus_{index}")) else {
            return;
        };
        let sql = std::fs::read_to_string(file).expect("read");
        if let Err(e) = source.client.batch_execute(&sql) {
            problems.push(format!("{name}: does not load: {e}"));
            continue;
        }
        let (found, adopted) = adopt(&name, "postgres", &source.url);
        problems.extend(found);
        if adopted {
            exact.push(name);
        }
    }
    report("PostgreSQL", &problems, &exact, files.len(), POSTGRES_EXACT);
}
