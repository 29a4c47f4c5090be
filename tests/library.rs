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
    assert_eq!(found, ["extra table scratch"], "{found:?}");
}
