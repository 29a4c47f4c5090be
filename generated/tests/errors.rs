//! The errors a service branches on, per backend: a NOT NULL violation names the column and
//! the SQLSTATE (or SQLite's extended code) and answers `is_not_null_violation()`. The typed
//! functions cannot send NULL into a NOT NULL column (the parameter is not an `Option`, and
//! `sqlc.narg` into one is refused at generate time), so the statement here is hand-written
//! and run through the same runtime `Call` every generated function uses. (Unique, foreign-key
//! and CHECK violations through the generated functions are in james.rs and executors.rs.)

mod common;

use dbtool_reference_queries::runtime::{self, Error, Query};

/// A statement that stores NULL into `neural_configs.name`, which is NOT NULL.
static NULL_NAME: Query = Query {
    name: "InsertNullName",
    postgres: "INSERT INTO neural_configs (name, config) VALUES (NULL, '{}'::jsonb)",
    timescaledb: None,
    sqlite: "INSERT INTO neural_configs (name, config) VALUES (NULL, '{}')",
};

fn assert_not_null_violation(error: &Error) {
    assert!(error.is_not_null_violation(), "{error}");
    assert!(
        !error.is_unique_violation() && !error.is_check_violation(),
        "{error}"
    );
    assert_eq!(error.query(), "InsertNullName");
    let text = error.to_string();
    assert!(text.contains("InsertNullName"), "{text}");
    assert!(text.contains("name"), "the column is named: {text}");
    if let Some(code) = error.sqlstate() {
        assert_eq!(code, "23502");
        assert!(text.contains("(SQLSTATE 23502)"), "{text}");
        assert!(
            text.contains("null value in column \"name\" of relation \"neural_configs\""),
            "{text}"
        );
    } else {
        assert!(
            text.contains("NOT NULL constraint failed: neural_configs.name"),
            "{text}"
        );
    }
}

#[test]
fn sqlite_not_null_violation() {
    let conn = common::sqlite();
    let error = runtime::sqlite::Call::new(&conn, &NULL_NAME)
        .and_then(|call| call.exec())
        .expect_err("NULL into NOT NULL");
    assert_not_null_violation(&error);
}

#[test]
fn postgres_not_null_violation() {
    let Some(db) = common::PgDb::create("errors_sync") else {
        return;
    };
    common::on_own_thread(move || {
        let mut client = db.pg_client();
        let error = runtime::pg::Call::new(&mut client, &NULL_NAME)
            .and_then(|call| call.exec())
            .expect_err("NULL into NOT NULL");
        assert_not_null_violation(&error);
    });
}

#[tokio::test]
async fn postgres_async_not_null_violation() {
    let Some(db) = common::PgDb::create("errors_async") else {
        return;
    };
    let client = db.pg_async_client().await;
    let call = runtime::pg_async::Call::new(&client, &NULL_NAME).expect("call");
    let error = call.exec().await.expect_err("NULL into NOT NULL");
    assert_not_null_violation(&error);
}
