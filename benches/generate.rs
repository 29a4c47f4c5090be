//! The speed of the query half, offline: a synthetic project of `DBTOOL_BENCH_TABLES` tables
//! (default 1,000) and five queries per table (5,000), through loading the schema, parsing and
//! analysing every query for two dialects, and generating the crate's text.
//!
//! `cargo bench --bench generate`. Each figure is the median of `DBTOOL_BENCH_RUNS` runs
//! (default 5). BENCHMARKS.md records the numbers.

use std::time::{Duration, Instant};

use dbtool::codegen::{self, Options};
use dbtool::diagnostic::SourceFile;
use dbtool::query::{analyze_project, QuerySource};
use dbtool::render::Templates;
use dbtool::schema::{self, Dialect};

#[path = "common/synthetic.rs"]
mod synthetic;
use synthetic::schema_yaml;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Five queries per table: get, list with a join and paging, insert, update, delete.
fn queries_sql(tables: usize) -> String {
    let mut sql = String::new();
    for i in 0..tables {
        sql.push_str(&format!(
            "-- One row of t{i}.\n-- name: GetT{i} :one\nSELECT id, name, note, state, score, payload, created_at FROM t{i} WHERE id = @id;\n\n"
        ));
        if i > 0 {
            let p = i - 1;
            sql.push_str(&format!(
                "-- Rows of t{i} with their parent's name, newest first.\n-- name: ListT{i} :many\nSELECT c.id, c.name, c.score, p.name AS parent_name\nFROM t{i} c LEFT JOIN t{p} p ON p.id = c.parent_id\nWHERE c.state = @state AND (c.note = sqlc.narg(note) OR sqlc.narg(note) IS NULL)\nORDER BY c.created_at DESC\nLIMIT @max_rows OFFSET @skip;\n\n"
            ));
        } else {
            sql.push_str(&format!(
                "-- name: ListT{i} :many\nSELECT id, name, score, count(*) AS n FROM t{i} WHERE state = @state GROUP BY id, name, score LIMIT @max_rows;\n\n"
            ));
        }
        sql.push_str(&format!(
            "-- name: InsertT{i} :one\nINSERT INTO t{i} (name, note, state, payload) VALUES (@name, sqlc.narg(note), @state, sqlc.narg(payload)) RETURNING id, created_at;\n\n-- name: UpdateT{i} :execrows\nUPDATE t{i} SET score = score + @delta, note = sqlc.narg(note) WHERE id = @id;\n\n-- name: DeleteT{i} :exec\nDELETE FROM t{i} WHERE id = @id;\n\n"
        ));
    }
    sql
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let tables = env_number("DBTOOL_BENCH_TABLES", 1000);
    let runs = env_number("DBTOOL_BENCH_RUNS", 5).max(1);
    let dialects = [Dialect::Postgres, Dialect::Sqlite];
    let schema_file = SourceFile {
        path: "schema/bench.yaml".into(),
        text: schema_yaml(tables),
    };
    let query_file = QuerySource {
        dialect: None,
        file: SourceFile {
            path: "queries/bench.sql".into(),
            text: queries_sql(tables),
        },
    };
    let templates = Templates::default();
    let options = Options {
        package: "bench-queries".into(),
        dialects: dialects.to_vec(),
        migrations: Vec::new(),
        time: dbtool::codegen::TimeCrate::Chrono,
        overrides: Default::default(),
        dependencies: Vec::new(),
        dev_dependencies: Vec::new(),
        features: Vec::new(),
    };
    let (mut load, mut analyze, mut generate, mut total) = (vec![], vec![], vec![], vec![]);
    let mut queries = 0;
    let mut bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let schema = schema::load(std::slice::from_ref(&schema_file), &dialects)
            .unwrap_or_else(|e| panic!("schema: {e:?}"));
        let loaded = Instant::now();
        let modules = analyze_project(&schema, std::slice::from_ref(&query_file), &dialects)
            .unwrap_or_else(|e| panic!("queries: {}", e[0]));
        let analysed = Instant::now();
        let files = codegen::generate(&schema, &modules, &options, &templates)
            .unwrap_or_else(|e| panic!("generate: {e}"));
        let done = Instant::now();
        queries = modules.iter().map(|m| m.queries.len()).sum();
        bytes = files.iter().map(|f| f.text.len()).sum();
        load.push(loaded - start);
        analyze.push(analysed - loaded);
        generate.push(done - analysed);
        total.push(done - start);
    }
    println!("{tables} tables, {queries} queries, {bytes} bytes of Rust; median of {runs} runs:");
    println!("| step | median |");
    println!("|---|---:|");
    for (label, samples) in [
        ("load and validate the schema", load),
        ("parse and analyse every query (postgres + sqlite)", analyze),
        ("generate the crate's text", generate),
        ("total", total),
    ] {
        println!(
            "| {label} | {:.1} ms |",
            median(samples).as_secs_f64() * 1e3
        );
    }
    // DBTOOL_BENCH_WRITE=DIR writes the generated crate there, to time its compilation.
    if let Ok(dir) = std::env::var("DBTOOL_BENCH_WRITE") {
        let schema = schema::load(std::slice::from_ref(&schema_file), &dialects).expect("schema");
        let modules = analyze_project(&schema, std::slice::from_ref(&query_file), &dialects)
            .expect("queries");
        let files = codegen::generate(&schema, &modules, &options, &templates).expect("generate");
        for file in files {
            let path = std::path::Path::new(&dir).join(&file.path);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, file.text).expect("write");
        }
        println!("wrote the crate to {dir}");
    }
}
