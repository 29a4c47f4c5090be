//! What the CLI does, done through the library (`dbtool::workflow`), without a process: a
//! program can check a project and compare a database with its migrations itself.

mod common;

use dbtool::migrate::{Database, MigrateOptions};
use dbtool::schema::Dialect;
use dbtool::workflow;

#[test]
fn the_reference_project_checks_clean_through_the_library() {
    let problems = workflow::check::problems(&common::reference_project()).expect("check runs");
    let shown: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert!(shown.is_empty(), "{shown:#?}");
}

#[test]
fn drift_through_the_library_names_what_differs() {
    let project = common::reference_project();
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}", dir.path().join("live.db").display());
    let scripts = workflow::scripts_checked(&project, Dialect::Sqlite).expect("scripts");
    let mut database = Database::open(&url).expect("open");
    database
        .migrate(&scripts, MigrateOptions::default(), |_| {})
        .expect("migrate");
    drop(database);
    let report = workflow::drift::drift(&project, &url, Dialect::Sqlite).expect("drift");
    assert!(report.differences.is_empty(), "{:?}", report.differences);
    assert_eq!(report.version, scripts.last().map_or(0, |s| s.version));

    rusqlite::Connection::open(dir.path().join("live.db"))
        .expect("open")
        .execute_batch("CREATE TABLE scratch (x int)")
        .expect("add a table");
    let report = workflow::drift::drift(&project, &url, Dialect::Sqlite).expect("drift");
    let found: Vec<String> = report
        .differences
        .iter()
        .map(|d| format!("{} {}", d.kind, d.object))
        .collect();
    assert_eq!(
        found,
        ["extra column scratch.x", "extra table scratch"],
        "{found:?}"
    );
}

/// `dbtool diff` as a library call: the files it writes and the hazards it names.
#[test]
fn a_new_migration_through_the_library() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out) = common::dbtool(dir.path(), &["init", "app"]);
    assert_eq!(code, Some(0), "{out}");
    let root = dir.path().join("app");
    let schema = root.join("schema/app.yaml");
    let text = std::fs::read_to_string(&schema).expect("schema");
    std::fs::write(
        &schema,
        text.replacen(
            "      published_at: timestamptz\n",
            "      published_at: timestamptz\n      views: bigint not null default 0\n",
            1,
        ),
    )
    .expect("write");
    let project =
        dbtool::project::Project::open(Some(&root.join("dbtool.toml")), &root).expect("project");
    let options = workflow::migration::Options::default();
    let outcome = workflow::migration::new_migration(&project, "add_views", options).expect("diff");
    assert_eq!(outcome.written.len(), 4, "{:?}", outcome.written);
    assert!(outcome.written.iter().all(|p| p.exists()));
    let again = workflow::migration::new_migration(&project, "again", options).expect("diff");
    assert!(again.written.is_empty(), "nothing changed since");
}
