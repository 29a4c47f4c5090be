//! This repository's reference queries (queries/) against its schema, on every dialect.

mod common;

use dbtool::query::analyze_project;

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
}

/// `dbtool generate` would write exactly the committed generated/ crate, and every query
/// prepares on SQLite with the columns the analysis found.
#[test]
fn the_committed_generated_crate_is_what_generate_writes() {
    let project = common::reference_project();
    let schema = common::reference_schema();
    let sources = project.query_sources().expect("read queries/");
    let modules =
        analyze_project(&schema, &sources, &project.config.dialects).expect("queries analyse");
    let templates = project.templates().expect("templates");
    let ddl = dbtool::render::render(&schema, dbtool::schema::Dialect::Sqlite, &templates)
        .expect("render");
    let build = [dbtool::confirm::BuildScript {
        origin: "schema/".into(),
        sql: ddl,
    }];
    if let Err(errors) = dbtool::confirm::sqlite(&build, &modules, &mut |_, _| {}) {
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{}", text.join("\n"));
    }
    let options = project.codegen_options().expect("options");
    let files =
        dbtool::codegen::generate(&schema, &modules, &options, &templates).expect("generate");
    let dir = project.generated_dir();
    for file in &files {
        let on_disk = std::fs::read_to_string(dir.join(&file.path))
            .unwrap_or_else(|e| panic!("{}: {e}", file.path));
        assert!(
            on_disk == file.text,
            "generated/{} is stale: run `cargo run -- generate` and commit it",
            file.path
        );
    }
}

/// Confirmation on PostgreSQL: every query prepares in a scratch database built from the
/// rendered DDL, with the parameter and column types the analysis found.
#[test]
fn every_reference_query_prepares_on_postgres_with_the_analysed_types() {
    let Some(pg) = common::pg_database("confirm") else {
        return;
    };
    let project = common::reference_project();
    let schema = common::reference_schema();
    let sources = project.query_sources().expect("read queries/");
    let modules =
        analyze_project(&schema, &sources, &project.config.dialects).expect("queries analyse");
    let templates = project.templates().expect("templates");
    let ddl = dbtool::render::render(&schema, dbtool::schema::Dialect::Postgres, &templates)
        .expect("render");
    let build = [dbtool::confirm::BuildScript {
        origin: "schema/".into(),
        sql: ddl,
    }];
    match dbtool::confirm::postgres(
        &pg.url,
        &build,
        &modules,
        dbtool::schema::Dialect::Postgres,
        &mut |_, _| {},
    ) {
        Ok(()) => {}
        Err(dbtool::confirm::PostgresError::Server(message)) => panic!("{message}"),
        Err(dbtool::confirm::PostgresError::Queries(errors)) => {
            let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("{}", text.join("\n"));
        }
    }
}
