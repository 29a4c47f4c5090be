//! The service as its clients use it, on SQLite and PostgreSQL: many requests at once that each
//! write two tables in one transaction, and the counts agree afterwards.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dbtool_example_service::{app, Db};
use http_body_util::BodyExt;
use tower::ServiceExt;

async fn call(
    router: &axum::Router,
    method: &str,
    uri: &str,
    body: Option<serde_json::Value>,
) -> (StatusCode, serde_json::Value) {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header("content-type", "application/json")
        .body(match body {
            Some(json) => Body::from(json.to_string()),
            None => Body::empty(),
        })
        .expect("request");
    let response = router.clone().oneshot(request).await.expect("response");
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    let json = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
    (status, json)
}

async fn exercise(db: Db) {
    let router = app(db);
    let (status, conversation) = call(
        &router,
        "POST",
        "/conversations",
        Some(serde_json::json!({"user_id": "ada", "title": "concurrency"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{conversation}");
    assert_eq!(
        conversation["status"], "active",
        "enums serialize as their database values"
    );
    let id = conversation["id"].as_str().expect("id").to_string();

    let tasks: Vec<_> = (0..24)
        .map(|i| {
            let router = router.clone();
            let uri = format!("/conversations/{id}/messages");
            tokio::spawn(async move {
                let role = if i % 2 == 0 { "user" } else { "assistant" };
                let (status, body) = call(
                    &router,
                    "POST",
                    &uri,
                    Some(serde_json::json!({"role": role, "content": format!("message {i}")})),
                )
                .await;
                assert_eq!(status, StatusCode::CREATED, "{body}");
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("request task");
    }

    let (status, conversation) = call(&router, "GET", &format!("/conversations/{id}"), None).await;
    assert_eq!(status, StatusCode::OK, "{conversation}");
    assert_eq!(conversation["message_count"], 24, "{conversation}");
    let (status, messages) = call(
        &router,
        "GET",
        &format!("/conversations/{id}/messages"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(messages.as_array().map(Vec::len), Some(24));

    // Errors read as HTTP: no such conversation, and a message for one that does not exist
    // (a foreign key), which writes nothing.
    let missing = "00000000-0000-0000-0000-00000000dead";
    let (status, _) = call(&router, "GET", &format!("/conversations/{missing}"), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = call(
        &router,
        "POST",
        &format!("/conversations/{missing}/messages"),
        Some(serde_json::json!({"role": "user", "content": "lost"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (_, messages) = call(
        &router,
        "GET",
        &format!("/conversations/{missing}/messages"),
        None,
    )
    .await;
    assert_eq!(messages.as_array().map(Vec::len), Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_requests_on_sqlite() {
    let file = std::env::temp_dir().join(format!("dbtool_service_{}.db", std::process::id()));
    let _ = std::fs::remove_file(&file);
    let db = Db::connect(&format!("sqlite://{}", file.display()))
        .await
        .expect("sqlite pool");
    exercise(db).await;
    let _ = std::fs::remove_file(&file);
}

fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| {
        let v = v.trim();
        !(v.is_empty() || v == "0" || v.eq_ignore_ascii_case("false"))
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_requests_on_postgres() {
    let base = std::env::var("DBTOOL_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
    let (admin, connection) = match tokio_postgres::connect(&base, tokio_postgres::NoTls).await {
        Ok(connected) => connected,
        Err(e) if !under_ci() => {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "\n!!!!!!!! SKIPPED concurrent_requests_on_postgres: {e} !!!!!!!!\n"
            );
            return;
        }
        Err(e) => panic!("CI is set and PostgreSQL is unreachable: {e}"),
    };
    tokio::spawn(connection);
    let name = format!("dbtool_service_test_{}", std::process::id());
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .await
        .expect("drop");
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create");
    let mut config: tokio_postgres::Config = base.parse().expect("url");
    config.dbname(&name);
    let url = format!(
        "postgres://{}@{}:{}/{name}",
        config.get_user().unwrap_or("postgres"),
        match config.get_hosts().first() {
            Some(tokio_postgres::config::Host::Tcp(host)) => host.clone(),
            _ => "127.0.0.1".to_string(),
        },
        config.get_ports().first().copied().unwrap_or(5432)
    );
    let db = Db::connect(&url).await.expect("postgres pool");
    exercise(db).await;
    admin
        .batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .await
        .expect("drop");
}
