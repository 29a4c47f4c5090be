//! `:copyfrom`: `CopyUsageMetrics` inserts every row in one go on every backend (binary COPY on
//! PostgreSQL, one savepoint on SQLite), NULLs included.

#[macro_use]
mod common;

use dbtool_reference_queries::analytics::CopyUsageMetricsParams;
use rust_decimal::Decimal;

fn rows<'a>(metadata: &'a serde_json::Value) -> Vec<CopyUsageMetricsParams<'a>> {
    (0..3)
        .map(|i| CopyUsageMetricsParams {
            time: common::ts(2026, 3, 1, i, 0, 0),
            model_id: "gpt-bulk",
            provider: "openai",
            request_count: Some(10 + i as i32),
            token_input: Some(100),
            token_output: None,
            token_total: Some(150),
            cost_usd: Some(Decimal::new(125, 2)),
            avg_latency_ms: None,
            error_count: Some(0),
            success_count: Some(10),
            user_id: if i == 0 { Some("ada") } else { None },
            application_id: None,
            environment: Some("test"),
            metadata: if i == 2 { Some(metadata) } else { None },
        })
        .collect()
}

const CHECK: &str = "SELECT count(*), sum(request_count), count(user_id), count(metadata), count(token_output) FROM llm_usage_metrics WHERE model_id = 'gpt-bulk'";

#[test]
fn sqlite() {
    let conn = common::sqlite();
    let metadata = serde_json::json!({"batch": 7});
    let inserted =
        dbtool_reference_queries::analytics::sqlite::copy_usage_metrics(&conn, &rows(&metadata))
            .expect("bulk insert");
    assert_eq!(inserted, 3);
    let counts: (i64, i64, i64, i64, i64) = conn
        .query_row(CHECK, [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .expect("check");
    assert_eq!(counts, (3, 33, 1, 1, 0));
}

#[test]
fn postgres_sync() {
    let Some(db) = common::PgDb::create("bulk_sync") else {
        return;
    };
    let mut client = db.pg_client();
    let metadata = serde_json::json!({"batch": 7});
    let inserted =
        dbtool_reference_queries::analytics::pg::copy_usage_metrics(&mut client, &rows(&metadata))
            .expect("bulk insert");
    assert_eq!(inserted, 3);
    let row = client.get_mut().query_one(CHECK, &[]).expect("check");
    let counts: (i64, i64, i64, i64, i64) =
        (row.get(0), row.get(1), row.get(2), row.get(3), row.get(4));
    assert_eq!(counts, (3, 33, 1, 1, 0));
}

#[tokio::test]
async fn postgres_async() {
    let Some(db) = common::PgDb::create("bulk_async") else {
        return;
    };
    let client = db.pg_async_client().await;
    let metadata = serde_json::json!({"batch": 7});
    let inserted = dbtool_reference_queries::analytics::pg_async::copy_usage_metrics(
        &client,
        &rows(&metadata),
    )
    .await
    .expect("bulk insert");
    assert_eq!(inserted, 3);
    let row = client.get_ref().query_one(CHECK, &[]).await.expect("check");
    let counts: (i64, i64, i64, i64, i64) =
        (row.get(0), row.get(1), row.get(2), row.get(3), row.get(4));
    assert_eq!(counts, (3, 33, 1, 1, 0));
}
