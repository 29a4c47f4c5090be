//! The generated crate at run time, against hand-written code on the same driver (criterion):
//! the reference crate's functions (statements prepared once per connection) beside the same
//! SQL run by hand with the driver's own prepared statements and a hand-written mapping to a
//! struct. Per backend — rusqlite (in memory), postgres and tokio-postgres (a scratch database
//! at `DBTOOL_TEST_PG_URL`; skipped without one):
//!
//! - `point`: one conversation by primary key (10 columns).
//! - `select_10k`: 10,000 messages of one conversation.
//! - `left_join_10k`: 100 conversations LEFT JOIN their 10,000 messages, counted per conversation.
//! - `insert_1k_tx`: 1,000 single-row inserts (each returning its row) in one transaction,
//!   rolled back.
//! - PostgreSQL only, `bulk_10k`: 10,000 usage samples by `:copyfrom` (binary COPY), by the
//!   generated single-row insert in one transaction, and by hand-written multi-row INSERTs of
//!   1,000 rows each.
//!
//! `cargo bench --bench runtime`; BENCHMARKS.md records the numbers.

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use dbtool_reference_queries::analytics::{self, CopyUsageMetricsParams, InsertUsageMetricParams};
use dbtool_reference_queries::enums::{ConversationStatus, MessageRole};
use dbtool_reference_queries::rag::{self, AppendMessageParams};
use dbtool_reference_queries::{migrations, runtime};
use rust_decimal::Decimal;
use uuid::Uuid;

const MESSAGES: usize = 10_000;
const JOIN_CONVERSATIONS: usize = 100;

/// What hand-written code maps a conversation to.
#[allow(dead_code)]
struct Conversation {
    id: Uuid,
    user_id: String,
    title: Option<String>,
    summary: Option<String>,
    status: ConversationStatus,
    message_count: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    last_message_at: Option<DateTime<Utc>>,
    archived_at: Option<DateTime<Utc>>,
}

/// A row of `messages` as an insert returns it.
#[allow(dead_code)]
struct Inserted {
    id: Uuid,
    conversation_id: Uuid,
    role: MessageRole,
    content: String,
    msg_metadata: serde_json::Value,
    created_at: DateTime<Utc>,
}

#[allow(dead_code)]
struct Message {
    id: Uuid,
    role: MessageRole,
    content: String,
    msg_metadata: serde_json::Value,
    created_at: DateTime<Utc>,
}

#[allow(dead_code)]
struct Counted {
    id: Uuid,
    title: Option<String>,
    message_count: i64,
    stored_message_count: i64,
}

/// The ids the scenarios read: a conversation with 10,000 messages, and the user whose 100
/// conversations hold 100 messages each.
struct Fixture {
    big: Uuid,
    join_user: &'static str,
}

fn metadata() -> serde_json::Value {
    serde_json::json!({"source": "bench"})
}

fn samples(n: usize) -> Vec<(DateTime<Utc>, serde_json::Value)> {
    let start = Utc::now();
    (0..n)
        .map(|i| {
            (
                start + chrono::Duration::seconds(i as i64),
                serde_json::json!({"i": i}),
            )
        })
        .collect()
}

fn copy_params<'a>(
    samples: &'a [(DateTime<Utc>, serde_json::Value)],
) -> Vec<CopyUsageMetricsParams<'a>> {
    samples
        .iter()
        .map(|(time, metadata)| CopyUsageMetricsParams {
            time: *time,
            model_id: "gpt-bench",
            provider: "bench",
            request_count: Some(1),
            token_input: Some(10),
            token_output: Some(20),
            token_total: Some(30),
            cost_usd: Some(Decimal::new(12, 4)),
            avg_latency_ms: Some(Decimal::new(1005, 1)),
            error_count: Some(0),
            success_count: Some(1),
            user_id: None,
            application_id: Some("bench"),
            environment: Some("bench"),
            metadata: Some(metadata),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// SQLite.

fn sqlite_fixture() -> (rusqlite::Connection, Fixture) {
    let conn = rusqlite::Connection::open_in_memory().expect("sqlite");
    migrations::migrate_sqlite(&conn).expect("migrate");
    let metadata = metadata();
    conn.execute_batch("BEGIN").expect("begin");
    let big = rag::sqlite::create_conversation(&conn, "bench", Some("big"))
        .expect("create")
        .id;
    for i in 0..MESSAGES {
        let content = format!("message {i}");
        let params = AppendMessageParams {
            conversation_id: big,
            role: MessageRole::User,
            content: &content,
            msg_metadata: &metadata,
            created_at: Utc::now(),
        };
        rag::sqlite::append_message(&conn, &params).expect("append");
    }
    for c in 0..JOIN_CONVERSATIONS {
        let id = rag::sqlite::create_conversation(&conn, "bench-join", Some(&format!("c{c}")))
            .expect("create")
            .id;
        for i in 0..MESSAGES / JOIN_CONVERSATIONS {
            let content = format!("m{i}");
            let params = AppendMessageParams {
                conversation_id: id,
                role: MessageRole::Assistant,
                content: &content,
                msg_metadata: &metadata,
                created_at: Utc::now(),
            };
            rag::sqlite::append_message(&conn, &params).expect("append");
        }
    }
    conn.execute_batch("COMMIT").expect("commit");
    (
        conn,
        Fixture {
            big,
            join_user: "bench-join",
        },
    )
}

fn sqlite_time(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("time")
        .with_timezone(&Utc)
}

fn sqlite_hand_point(conn: &rusqlite::Connection, id: Uuid) -> Conversation {
    let mut statement = conn
        .prepare_cached(rag::GET_CONVERSATION.sqlite)
        .expect("prepare");
    statement
        .query_row([id.to_string()], |row| {
            Ok(Conversation {
                id: Uuid::parse_str(&row.get::<_, String>(0)?).expect("uuid"),
                user_id: row.get(1)?,
                title: row.get(2)?,
                summary: row.get(3)?,
                status: ConversationStatus::from_str(&row.get::<_, String>(4)?).expect("status"),
                message_count: row.get(5)?,
                created_at: sqlite_time(&row.get::<_, String>(6)?),
                updated_at: sqlite_time(&row.get::<_, String>(7)?),
                last_message_at: row.get::<_, Option<String>>(8)?.map(|t| sqlite_time(&t)),
                archived_at: row.get::<_, Option<String>>(9)?.map(|t| sqlite_time(&t)),
            })
        })
        .expect("row")
}

fn sqlite_hand_messages(conn: &rusqlite::Connection, id: Uuid) -> Vec<Message> {
    let mut statement = conn
        .prepare_cached(rag::LIST_MESSAGES.sqlite)
        .expect("prepare");
    let rows = statement
        .query_map(
            rusqlite::params![id.to_string(), MESSAGES as i64, 0i64],
            |row| {
                Ok(Message {
                    id: Uuid::parse_str(&row.get::<_, String>(0)?).expect("uuid"),
                    role: MessageRole::from_str(&row.get::<_, String>(1)?).expect("role"),
                    content: row.get(2)?,
                    msg_metadata: serde_json::from_str(&row.get::<_, String>(3)?).expect("json"),
                    created_at: sqlite_time(&row.get::<_, String>(4)?),
                })
            },
        )
        .expect("query");
    rows.collect::<Result<_, _>>().expect("rows")
}

fn sqlite_hand_counts(conn: &rusqlite::Connection, user: &str) -> Vec<Counted> {
    let mut statement = conn
        .prepare_cached(rag::LIST_CONVERSATION_MESSAGE_COUNTS.sqlite)
        .expect("prepare");
    let rows = statement
        .query_map([user], |row| {
            Ok(Counted {
                id: Uuid::parse_str(&row.get::<_, String>(0)?).expect("uuid"),
                title: row.get(1)?,
                message_count: row.get(2)?,
                stored_message_count: row.get(3)?,
            })
        })
        .expect("query");
    rows.collect::<Result<_, _>>().expect("rows")
}

fn sqlite_time_text(time: DateTime<Utc>) -> String {
    time.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn bench_sqlite(c: &mut Criterion) {
    let (mut conn, fixture) = sqlite_fixture();
    let mut group = c.benchmark_group("sqlite");
    group.bench_function(BenchmarkId::new("point", "generated"), |b| {
        b.iter(|| rag::sqlite::get_conversation(&conn, fixture.big).expect("get"))
    });
    group.bench_function(BenchmarkId::new("point", "hand-written"), |b| {
        b.iter(|| sqlite_hand_point(&conn, fixture.big))
    });
    group.bench_function(BenchmarkId::new("select_10k", "generated"), |b| {
        b.iter(|| {
            let rows =
                rag::sqlite::list_messages(&conn, fixture.big, MESSAGES as i64, 0).expect("list");
            assert_eq!(rows.len(), MESSAGES);
        })
    });
    group.bench_function(BenchmarkId::new("select_10k", "hand-written"), |b| {
        b.iter(|| assert_eq!(sqlite_hand_messages(&conn, fixture.big).len(), MESSAGES))
    });
    group.bench_function(BenchmarkId::new("left_join_10k", "generated"), |b| {
        b.iter(|| {
            let rows = rag::sqlite::list_conversation_message_counts(&conn, fixture.join_user)
                .expect("list");
            assert_eq!(rows.len(), JOIN_CONVERSATIONS);
        })
    });
    group.bench_function(BenchmarkId::new("left_join_10k", "hand-written"), |b| {
        b.iter(|| {
            assert_eq!(
                sqlite_hand_counts(&conn, fixture.join_user).len(),
                JOIN_CONVERSATIONS
            )
        })
    });
    let metadata = metadata();
    group.bench_function(BenchmarkId::new("insert_1k_tx", "generated"), |b| {
        b.iter(|| {
            let tx = conn.transaction().expect("begin");
            for i in 0..1000 {
                let content = format!("insert {i}");
                let params = AppendMessageParams {
                    conversation_id: fixture.big,
                    role: MessageRole::User,
                    content: &content,
                    msg_metadata: &metadata,
                    created_at: Utc::now(),
                };
                rag::sqlite::append_message(&tx, &params).expect("append");
            }
            tx.rollback().expect("rollback");
        })
    });
    // The same work as the generated function: the JSON serialised and the time formatted per
    // row, and the whole returned row read into a struct (not only its id).
    group.bench_function(BenchmarkId::new("insert_1k_tx", "hand-written"), |b| {
        b.iter(|| {
            let tx = conn.transaction().expect("begin");
            {
                let mut statement = tx
                    .prepare_cached(rag::APPEND_MESSAGE.sqlite)
                    .expect("prepare");
                for i in 0..1000 {
                    let content = format!("insert {i}");
                    let row = statement
                        .query_row(
                            rusqlite::params![
                                fixture.big.to_string(),
                                MessageRole::User.as_str(),
                                content,
                                metadata.to_string(),
                                sqlite_time_text(Utc::now())
                            ],
                            |row| {
                                Ok(Inserted {
                                    id: Uuid::parse_str(&row.get::<_, String>(0)?).expect("uuid"),
                                    conversation_id: Uuid::parse_str(&row.get::<_, String>(1)?)
                                        .expect("uuid"),
                                    role: MessageRole::from_str(&row.get::<_, String>(2)?)
                                        .expect("role"),
                                    content: row.get(3)?,
                                    msg_metadata: serde_json::from_str(&row.get::<_, String>(4)?)
                                        .expect("json"),
                                    created_at: sqlite_time(&row.get::<_, String>(5)?),
                                })
                            },
                        )
                        .expect("insert");
                    std::hint::black_box(row);
                }
            }
            tx.rollback().expect("rollback");
        })
    });
    group.finish();
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL.

struct Scratch {
    admin: String,
    name: String,
    url: String,
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

fn pg_scratch() -> Option<Scratch> {
    let admin = std::env::var("DBTOOL_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
    let mut client = match postgres::Client::connect(&admin, postgres::NoTls) {
        Ok(client) => client,
        Err(e) => {
            eprintln!("PostgreSQL benchmarks skipped: {e}");
            return None;
        }
    };
    let name = format!("dbtool_bench_runtime_{}", std::process::id());
    client
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .expect("drop");
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create");
    let url = dbtool::migrate::with_database(&admin, &name);
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    migrations::migrate_postgres(&mut client).expect("migrate");
    Some(Scratch { admin, name, url })
}

fn pg_fixture(url: &str) -> Fixture {
    let mut client =
        runtime::pg::Client::new(postgres::Client::connect(url, postgres::NoTls).expect("connect"));
    let metadata = metadata();
    let mut tx = client.transaction().expect("begin");
    let big = rag::pg::create_conversation(&mut tx, "bench", Some("big"))
        .expect("create")
        .id;
    for i in 0..MESSAGES {
        let content = format!("message {i}");
        let params = AppendMessageParams {
            conversation_id: big,
            role: MessageRole::User,
            content: &content,
            msg_metadata: &metadata,
            created_at: Utc::now(),
        };
        rag::pg::append_message(&mut tx, &params).expect("append");
    }
    for c in 0..JOIN_CONVERSATIONS {
        let id = rag::pg::create_conversation(&mut tx, "bench-join", Some(&format!("c{c}")))
            .expect("create")
            .id;
        for i in 0..MESSAGES / JOIN_CONVERSATIONS {
            let content = format!("m{i}");
            let params = AppendMessageParams {
                conversation_id: id,
                role: MessageRole::Assistant,
                content: &content,
                msg_metadata: &metadata,
                created_at: Utc::now(),
            };
            rag::pg::append_message(&mut tx, &params).expect("append");
        }
    }
    tx.commit().expect("commit");
    client.get_mut().batch_execute("ANALYZE").expect("analyze");
    Fixture {
        big,
        join_user: "bench-join",
    }
}

fn pg_conversation(row: &postgres::Row) -> Conversation {
    Conversation {
        id: row.get(0),
        user_id: row.get(1),
        title: row.get(2),
        summary: row.get(3),
        status: row.get(4),
        message_count: row.get(5),
        created_at: row.get(6),
        updated_at: row.get(7),
        last_message_at: row.get(8),
        archived_at: row.get(9),
    }
}

fn pg_message(row: &postgres::Row) -> Message {
    Message {
        id: row.get(0),
        role: row.get(1),
        content: row.get(2),
        msg_metadata: row.get(3),
        created_at: row.get(4),
    }
}

fn pg_counted(row: &postgres::Row) -> Counted {
    Counted {
        id: row.get(0),
        title: row.get(1),
        message_count: row.get(2),
        stored_message_count: row.get(3),
    }
}

fn bench_postgres(c: &mut Criterion) {
    let Some(scratch) = pg_scratch() else {
        return;
    };
    let fixture = pg_fixture(&scratch.url);
    let mut generated = runtime::pg::Client::new(
        postgres::Client::connect(&scratch.url, postgres::NoTls).expect("connect"),
    );
    let mut hand = postgres::Client::connect(&scratch.url, postgres::NoTls).expect("connect");
    let point = hand
        .prepare(rag::GET_CONVERSATION.postgres)
        .expect("prepare");
    let list = hand.prepare(rag::LIST_MESSAGES.postgres).expect("prepare");
    let counts = hand
        .prepare(rag::LIST_CONVERSATION_MESSAGE_COUNTS.postgres)
        .expect("prepare");
    let append = hand.prepare(rag::APPEND_MESSAGE.postgres).expect("prepare");
    let mut group = c.benchmark_group("postgres");
    group.bench_function(BenchmarkId::new("point", "generated"), |b| {
        b.iter(|| rag::pg::get_conversation(&mut generated, fixture.big).expect("get"))
    });
    group.bench_function(BenchmarkId::new("point", "hand-written"), |b| {
        b.iter(|| pg_conversation(&hand.query_one(&point, &[&fixture.big]).expect("row")))
    });
    let limit = MESSAGES as i64;
    group.bench_function(BenchmarkId::new("select_10k", "generated"), |b| {
        b.iter(|| {
            assert_eq!(
                rag::pg::list_messages(&mut generated, fixture.big, limit, 0)
                    .expect("list")
                    .len(),
                MESSAGES
            )
        })
    });
    group.bench_function(BenchmarkId::new("select_10k", "hand-written"), |b| {
        b.iter(|| {
            let rows: Vec<Message> = hand
                .query(&list, &[&fixture.big, &limit, &0i64])
                .expect("rows")
                .iter()
                .map(pg_message)
                .collect();
            assert_eq!(rows.len(), MESSAGES);
        })
    });
    group.bench_function(BenchmarkId::new("left_join_10k", "generated"), |b| {
        b.iter(|| {
            assert_eq!(
                rag::pg::list_conversation_message_counts(&mut generated, fixture.join_user)
                    .expect("list")
                    .len(),
                JOIN_CONVERSATIONS
            )
        })
    });
    group.bench_function(BenchmarkId::new("left_join_10k", "hand-written"), |b| {
        b.iter(|| {
            let rows: Vec<Counted> = hand
                .query(&counts, &[&fixture.join_user])
                .expect("rows")
                .iter()
                .map(pg_counted)
                .collect();
            assert_eq!(rows.len(), JOIN_CONVERSATIONS);
        })
    });
    let metadata = metadata();
    group.bench_function(BenchmarkId::new("insert_1k_tx", "generated"), |b| {
        b.iter(|| {
            let mut tx = generated.transaction().expect("begin");
            for i in 0..1000 {
                let content = format!("insert {i}");
                let params = AppendMessageParams {
                    conversation_id: fixture.big,
                    role: MessageRole::User,
                    content: &content,
                    msg_metadata: &metadata,
                    created_at: Utc::now(),
                };
                rag::pg::append_message(&mut tx, &params).expect("append");
            }
            tx.rollback().expect("rollback");
        })
    });
    group.bench_function(BenchmarkId::new("insert_1k_tx", "hand-written"), |b| {
        b.iter(|| {
            let mut tx = hand.transaction().expect("begin");
            for i in 0..1000 {
                let content = format!("insert {i}");
                let row = tx
                    .query_one(
                        &append,
                        &[
                            &fixture.big,
                            &MessageRole::User,
                            &content,
                            &metadata,
                            &Utc::now(),
                        ],
                    )
                    .expect("insert");
                std::hint::black_box(pg_message_row(&row));
            }
            tx.rollback().expect("rollback");
        })
    });

    // 10,000 usage samples, three ways; each run rolled back.
    let samples = samples(10_000);
    let rows = copy_params(&samples);
    group.bench_function(BenchmarkId::new("bulk_10k", "generated copyfrom"), |b| {
        b.iter(|| {
            let mut tx = generated.transaction().expect("begin");
            assert_eq!(
                analytics::pg::copy_usage_metrics(&mut tx, &rows).expect("copy"),
                10_000
            );
            tx.rollback().expect("rollback");
        })
    });
    group.bench_function(BenchmarkId::new("bulk_10k", "generated row by row"), |b| {
        b.iter(|| {
            let mut tx = generated.transaction().expect("begin");
            for r in &rows {
                let params = InsertUsageMetricParams {
                    time: r.time,
                    model_id: r.model_id,
                    provider: r.provider,
                    request_count: r.request_count,
                    token_input: r.token_input,
                    token_output: r.token_output,
                    token_total: r.token_total,
                    cost_usd: r.cost_usd,
                    avg_latency_ms: r.avg_latency_ms,
                    error_count: r.error_count,
                    success_count: r.success_count,
                    user_id: r.user_id,
                    application_id: r.application_id,
                    environment: r.environment,
                    metadata: r.metadata,
                };
                analytics::pg::insert_usage_metric(&mut tx, &params).expect("insert");
            }
            tx.rollback().expect("rollback");
        })
    });
    group.bench_function(BenchmarkId::new("bulk_10k", "hand-written multi-row INSERT"), |b| {
        b.iter(|| {
            let mut tx = hand.transaction().expect("begin");
            for chunk in rows.chunks(1000) {
                let mut sql = String::from("INSERT INTO llm_usage_metrics (time, model_id, provider, request_count, token_input, token_output, token_total, cost_usd, avg_latency_ms, error_count, success_count, user_id, application_id, environment, metadata) VALUES ");
                let mut params: Vec<&(dyn postgres::types::ToSql + Sync)> = Vec::with_capacity(chunk.len() * 15);
                for (i, r) in chunk.iter().enumerate() {
                    if i > 0 {
                        sql.push_str(", ");
                    }
                    let base = i * 15;
                    sql.push('(');
                    for k in 1..=15 {
                        if k > 1 {
                            sql.push_str(", ");
                        }
                        sql.push_str(&format!("${}", base + k));
                    }
                    sql.push(')');
                    params.extend_from_slice(&[
                        &r.time, &r.model_id, &r.provider, &r.request_count, &r.token_input,
                        &r.token_output, &r.token_total, &r.cost_usd, &r.avg_latency_ms,
                        &r.error_count, &r.success_count, &r.user_id, &r.application_id,
                        &r.environment, &r.metadata,
                    ]);
                }
                tx.execute(sql.as_str(), &params).expect("insert");
            }
            tx.rollback().expect("rollback");
        })
    });
    group.finish();
    drop(scratch);
}

fn pg_message_row(row: &postgres::Row) -> Uuid {
    row.get(0)
}

// ---------------------------------------------------------------------------------------------
// tokio-postgres.

async fn tokio_client(url: &str) -> tokio_postgres::Client {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .expect("connect");
    tokio::spawn(connection);
    client
}

fn bench_tokio_postgres(c: &mut Criterion) {
    let Some(scratch) = pg_scratch() else {
        return;
    };
    let fixture = pg_fixture(&scratch.url);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let generated = runtime::pg_async::Client::new(rt.block_on(tokio_client(&scratch.url)));
    let hand = rt.block_on(tokio_client(&scratch.url));
    let (point, list, counts) = rt.block_on(async {
        (
            hand.prepare(rag::GET_CONVERSATION.postgres)
                .await
                .expect("prepare"),
            hand.prepare(rag::LIST_MESSAGES.postgres)
                .await
                .expect("prepare"),
            hand.prepare(rag::LIST_CONVERSATION_MESSAGE_COUNTS.postgres)
                .await
                .expect("prepare"),
        )
    });
    let limit = MESSAGES as i64;
    let mut group = c.benchmark_group("tokio-postgres");
    group.bench_function(BenchmarkId::new("point", "generated"), |b| {
        b.to_async(&rt).iter(|| async {
            rag::pg_async::get_conversation(&generated, fixture.big)
                .await
                .expect("get")
        })
    });
    group.bench_function(BenchmarkId::new("point", "hand-written"), |b| {
        b.to_async(&rt).iter(|| async {
            let row = hand.query_one(&point, &[&fixture.big]).await.expect("row");
            pg_conversation(&row)
        })
    });
    group.bench_function(BenchmarkId::new("select_10k", "generated"), |b| {
        b.to_async(&rt).iter(|| async {
            let rows = rag::pg_async::list_messages(&generated, fixture.big, limit, 0)
                .await
                .expect("list");
            assert_eq!(rows.len(), MESSAGES);
        })
    });
    group.bench_function(BenchmarkId::new("select_10k", "hand-written"), |b| {
        b.to_async(&rt).iter(|| async {
            let rows: Vec<Message> = hand
                .query(&list, &[&fixture.big, &limit, &0i64])
                .await
                .expect("rows")
                .iter()
                .map(pg_message)
                .collect();
            assert_eq!(rows.len(), MESSAGES);
        })
    });
    group.bench_function(BenchmarkId::new("left_join_10k", "generated"), |b| {
        b.to_async(&rt).iter(|| async {
            let rows =
                rag::pg_async::list_conversation_message_counts(&generated, fixture.join_user)
                    .await
                    .expect("list");
            assert_eq!(rows.len(), JOIN_CONVERSATIONS);
        })
    });
    group.bench_function(BenchmarkId::new("left_join_10k", "hand-written"), |b| {
        b.to_async(&rt).iter(|| async {
            let rows: Vec<Counted> = hand
                .query(&counts, &[&fixture.join_user])
                .await
                .expect("rows")
                .iter()
                .map(pg_counted)
                .collect();
            assert_eq!(rows.len(), JOIN_CONVERSATIONS);
        })
    });
    group.finish();
    drop(hand);
    drop(generated);
    drop(rt);
    drop(scratch);
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20)
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_sqlite, bench_postgres, bench_tokio_postgres
}
criterion_main!(benches);
