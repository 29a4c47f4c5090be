//! This repository's reference queries (queries/) against its schema, on every dialect.

mod common;

use dbtool::query::{self, analyze_project};

#[test]
fn every_reference_query_analyses_on_every_dialect() {
    let project = common::reference_project();
    let schema = common::reference_schema();
    let sources = project.query_sources().expect("read queries/");
    assert!(!sources.is_empty(), "queries/ has files");
    let modules = match analyze_project(&schema, &sources, &project.config.dialects) {
        Ok(modules) => modules,
        Err(errors) => {
            let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("{} error(s):\n{}", errors.len(), text.join("\n"));
        }
    };
    let count: usize = modules.iter().map(|m| m.queries.len()).sum();
    assert!(count >= 50, "at least 50 reference queries, found {count}");
    let _ = query::Kind::One;
}
