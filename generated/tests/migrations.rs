//! The embedded migrations: every backend migrates a fresh database to the latest version,
//! a second run applies nothing, and a database `dbtool migrate` wrote is current for them.

mod common;

use dbtool_reference_queries::migrations;

#[test]
fn sqlite_migrates_once_and_keeps_foreign_keys_on() {
    let conn = rusqlite::Connection::open_in_memory().expect("open");
    conn.execute_batch("PRAGMA foreign_keys = ON")
        .expect("fk on");
    let applied = migrations::migrate_sqlite(&conn).expect("migrate");
    let all: Vec<i32> = migrations::SQLITE.iter().map(|m| m.version).collect();
    assert_eq!(applied, all);
    assert!(all.len() >= 5);
    assert_eq!(
        migrations::migrate_sqlite(&conn).expect("again"),
        Vec::<i32>::new()
    );
    let on: bool = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .expect("pragma");
    assert!(on, "the connection's foreign key setting is restored");
    let (rows, checksum): (i64, String) = conn
        .query_row(
            "SELECT count(*), max(checksum) FROM refinery_schema_history WHERE version = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("history");
    assert_eq!(
        (rows, checksum.as_str()),
        (1, migrations::SQLITE[0].checksum)
    );
}

#[test]
fn sqlite_refuses_a_database_with_a_changed_script() {
    let conn = rusqlite::Connection::open_in_memory().expect("open");
    migrations::migrate_sqlite(&conn).expect("migrate");
    conn.execute(
        "UPDATE refinery_schema_history SET checksum = '1' WHERE version = 2",
        [],
    )
    .expect("tamper");
    let error = migrations::migrate_sqlite(&conn).expect_err("refused");
    assert_eq!(error.version, Some(2));
    assert!(
        error.message.contains("changed after it was applied"),
        "{error}"
    );
}

#[test]
fn postgres_sync_and_async_find_nothing_left_to_apply() {
    // PgDb::create migrated the database with `migrate_postgres`.
    let Some(db) = common::PgDb::create("embedded_migrations") else {
        return;
    };
    let mut client = db.pg_client();
    let again = std::thread::spawn(move || {
        migrations::migrate_postgres(client.get_mut()).map_err(|e| e.to_string())
    })
    .join()
    .expect("thread");
    assert_eq!(again, Ok(Vec::new()));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let again = runtime.block_on(async {
        let client = db.pg_async_client().await;
        let mut raw = client.into_inner();
        migrations::migrate_postgres_async(&mut raw).await
    });
    assert_eq!(again, Ok(Vec::new()));
    let versions = migrations::POSTGRES.len();
    assert!(versions >= 5, "{versions} versions embedded");
}
