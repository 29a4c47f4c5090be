//! Snapshots of the rendered DDL of every reference schema file, for every dialect, and the
//! determinism of rendering.

mod common;

use dbtool::render::{render, Templates};
use dbtool::schema::{self, Dialect};

#[test]
fn every_reference_schema_renders_for_every_dialect() {
    let sources = common::reference_sources();
    assert!(sources.len() >= 5, "the five seed systems are modelled");
    for source in &sources {
        let schema = schema::load(std::slice::from_ref(source), &Dialect::ALL)
            .unwrap_or_else(|e| panic!("{} is invalid: {e:#?}", source.path));
        let stem = source
            .path
            .trim_start_matches("schema/")
            .trim_end_matches(".yaml")
            .replace('/', "_");
        for dialect in Dialect::ALL {
            let ddl = render(&schema, dialect, &Templates::default()).expect("render");
            insta::assert_snapshot!(format!("{stem}.{dialect}"), ddl);
        }
    }
}

#[test]
fn rendering_is_deterministic() {
    for dialect in Dialect::ALL {
        let first =
            render(&common::reference_schema(), dialect, &Templates::default()).expect("render");
        let second =
            render(&common::reference_schema(), dialect, &Templates::default()).expect("render");
        assert_eq!(first, second, "{dialect} output differs between two runs");
    }
}

#[test]
fn a_template_override_changes_the_output() {
    let schema = common::reference_schema();
    let templates = Templates::default().with_overrides([(
        "sqlite/schema.sql.j2".to_string(),
        "{% for t in tables %}{{ t.name | ident }}\n{% endfor %}".to_string(),
    )]);
    let text = render(&schema, Dialect::Sqlite, &templates).expect("render");
    let names: Vec<String> = text
        .lines()
        .map(|l| l.trim_matches('"').to_string())
        .collect();
    assert_eq!(names.len(), schema.tables.len());
    assert!(names.contains(&"llm_interactions".to_string()));
}
