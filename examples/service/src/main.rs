//! A small service on the generated crate, as a team would write one: it migrates its database
//! at start-up with the embedded migrations, then records a chat exchange and a batch of usage
//! samples and prints what the reference queries read back.
//!
//! SQLite by default (the file `service.db`, or `DATABASE_URL=sqlite://PATH`); PostgreSQL with
//! `DATABASE_URL=postgres://…`. Run it twice: migrating is idempotent, the data accumulates.

use std::process::ExitCode;

use chrono::{Duration, Utc};
use dbtool_reference_queries::analytics::{self, CopyUsageMetricsParams};
use dbtool_reference_queries::enums::MessageRole;
use dbtool_reference_queries::rag::{self, AppendMessageParams};
use dbtool_reference_queries::{migrations, runtime};
use rust_decimal::Decimal;

type Failure = Box<dyn std::error::Error>;

fn main() -> ExitCode {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://service.db".into());
    let result = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        run_postgres(&url)
    } else {
        run_sqlite(url.trim_start_matches("sqlite://"))
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The usage samples the service reports: one per hour over the last three hours.
fn samples(metadata: &serde_json::Value) -> Vec<CopyUsageMetricsParams<'_>> {
    let hour = Utc::now() - Duration::hours(3);
    (0..3)
        .map(|i| CopyUsageMetricsParams {
            time: hour + Duration::hours(i),
            model_id: "gpt-4o-mini",
            provider: "openai",
            request_count: Some(10),
            token_input: Some(1200),
            token_output: Some(300),
            token_total: Some(1500),
            cost_usd: Some(Decimal::new(42, 4)),
            avg_latency_ms: Some(Decimal::new(8125, 1)),
            error_count: Some(i as i32),
            success_count: Some(10 - i as i32),
            user_id: None,
            application_id: Some("example-service"),
            environment: Some("dev"),
            metadata: Some(metadata),
        })
        .collect()
}

fn run_sqlite(path: &str) -> Result<(), Failure> {
    let conn = rusqlite::Connection::open(path)?;
    conn.execute_batch("PRAGMA foreign_keys = ON")?;
    let applied = migrations::migrate_sqlite(&conn)?;
    println!(
        "sqlite {path}: migrated ({} version(s) applied now)",
        applied.len()
    );

    let chat = rag::sqlite::create_conversation(&conn, "ada", Some("Example chat"))?;
    for (role, content) in [
        (MessageRole::User, "How do I migrate at start-up?"),
        (
            MessageRole::Assistant,
            "Call migrations::migrate_sqlite(&conn).",
        ),
    ] {
        let message = AppendMessageParams {
            conversation_id: chat.id,
            role,
            content,
            msg_metadata: &serde_json::json!({"source": "example"}),
            created_at: Utc::now(),
        };
        rag::sqlite::append_message(&conn, &message)?;
        rag::sqlite::touch_conversation(&conn, Utc::now(), chat.id)?;
    }
    // The last messages come newest first; show them in the order they were written.
    for message in rag::sqlite::get_last_messages(&conn, chat.id, 10)?
        .iter()
        .rev()
    {
        println!("  [{}] {}", message.role, message.content);
    }

    let metadata = serde_json::json!({"batch": "example"});
    let inserted = analytics::sqlite::copy_usage_metrics(&conn, &samples(&metadata))?;
    println!("  recorded {inserted} usage samples");
    let since = Utc::now() - Duration::days(1);
    for row in analytics::sqlite::summarize_usage_by_model(&conn, since, Utc::now())? {
        print_summary(&row);
    }
    Ok(())
}

fn run_postgres(url: &str) -> Result<(), Failure> {
    let mut client = postgres::Client::connect(url, postgres::NoTls)?;
    let applied = migrations::migrate_postgres(&mut client)?;
    println!(
        "postgres: migrated ({} version(s) applied now)",
        applied.len()
    );
    let mut db = runtime::pg::Client::new(client);

    let chat = rag::pg::create_conversation(&mut db, "ada", Some("Example chat"))?;
    for (role, content) in [
        (MessageRole::User, "How do I migrate at start-up?"),
        (
            MessageRole::Assistant,
            "Call migrations::migrate_postgres(&mut client).",
        ),
    ] {
        let metadata = serde_json::json!({"source": "example"});
        let message = AppendMessageParams {
            conversation_id: chat.id,
            role,
            content,
            msg_metadata: &metadata,
            created_at: Utc::now(),
        };
        rag::pg::append_message(&mut db, &message)?;
        rag::pg::touch_conversation(&mut db, Utc::now(), chat.id)?;
    }
    for message in rag::pg::get_last_messages(&mut db, chat.id, 10)?
        .iter()
        .rev()
    {
        println!("  [{}] {}", message.role, message.content);
    }

    let metadata = serde_json::json!({"batch": "example"});
    let inserted = analytics::pg::copy_usage_metrics(&mut db, &samples(&metadata))?;
    println!("  recorded {inserted} usage samples");
    let since = Utc::now() - Duration::days(1);
    for row in analytics::pg::summarize_usage_by_model(&mut db, since, Utc::now())? {
        print_summary(&row);
    }
    Ok(())
}

fn print_summary(row: &analytics::SummarizeUsageByModelRow) {
    println!(
        "  {} ({}): {} requests, {} tokens, ${}, {} errors in the last 24 hours",
        row.model_id,
        row.provider,
        row.total_requests.unwrap_or(0),
        row.total_tokens.unwrap_or(0),
        row.total_cost_usd.unwrap_or_default().round_dp(4),
        row.total_errors.unwrap_or(0)
    );
}
