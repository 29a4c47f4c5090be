//! The speed of `dbtool pull` on a large database: the synthetic schema of
//! `DBTOOL_BENCH_TABLES` tables (default 1,000; the one `benches/generate.rs` uses) is built
//! in a scratch PostgreSQL database at `DBTOOL_TEST_PG_URL`, then read back into schema YAML.
//!
//! `cargo bench --bench pull`. Each figure is the median of `DBTOOL_BENCH_RUNS` runs (default
//! 5). BENCHMARKS.md records the numbers.

use std::time::{Duration, Instant};

use dbtool::diagnostic::SourceFile;
use dbtool::introspect::pull;
use dbtool::migrate::ScratchDatabase;
use dbtool::render::Templates;
use dbtool::schema::{self, Dialect};

#[path = "common/synthetic.rs"]
mod synthetic;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let tables = env_number("DBTOOL_BENCH_TABLES", 1000);
    let runs = env_number("DBTOOL_BENCH_RUNS", 5).max(1);
    let server = std::env::var("DBTOOL_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
    let dialects = [Dialect::Postgres];
    let file = SourceFile {
        path: "schema/bench.yaml".into(),
        text: synthetic::schema_yaml(tables),
    };
    let schema = schema::load(std::slice::from_ref(&file), &dialects)
        .unwrap_or_else(|e| panic!("schema: {e:?}"));
    let templates = Templates::default();
    let ddl = dbtool::render::render(&schema, Dialect::Postgres, &templates).expect("render");
    let scratch = ScratchDatabase::create(&server, "bench_pull").expect("scratch database");
    let mut client = postgres::Client::connect(&scratch.url, postgres::NoTls).expect("connect");
    client.batch_execute(&ddl).expect("build the schema");
    let mut connection = dbtool::engine::open(&scratch.url, false).expect("open");

    let (mut read, mut write, mut total) = (vec![], vec![], vec![]);
    let mut bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let pulled = connection
            .pull("bench".into(), &mut |_, _| {})
            .expect("pull");
        let done_reading = Instant::now();
        let yaml = pull::to_yaml(&pulled, &dialects, &templates).expect("yaml");
        let done = Instant::now();
        assert_eq!(pulled.tables.len(), tables);
        bytes = yaml.len();
        read.push(done_reading - start);
        write.push(done - done_reading);
        total.push(done - start);
    }
    println!("{tables} tables, {bytes} bytes of YAML; median of {runs} runs:");
    println!("| step | median |");
    println!("|---|---:|");
    for (label, samples) in [
        ("read the catalogs", read),
        ("write the YAML", write),
        ("total", total),
    ] {
        println!(
            "| {label} | {:.1} ms |",
            median(samples).as_secs_f64() * 1e3
        );
    }
}
