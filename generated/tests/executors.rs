//! The generated functions run on every executor a service has: a connection, a transaction
//! (committed, and rolled back with nothing left behind), the driver's own client, and the
//! pooled connections of r2d2 (SQLite and PostgreSQL), deadpool-postgres and bb8, used from
//! several threads or tasks at once.

mod common;

use dbtool_reference_queries::rag;

fn sqlite_count(conn: &rusqlite::Connection, user: &str) -> i64 {
    rag::sqlite::count_conversations_for_user(conn, user, None).expect("count")
}

/// SQLite's own default is to ignore foreign keys on each connection; the crate's
/// `sqlite::open` (and `configure`, for pools) turns them on.
#[test]
fn sqlite_connections_from_the_crate_enforce_foreign_keys() {
    use dbtool_reference_queries::runtime::sqlite;
    let file = std::env::temp_dir().join(format!("dbtool_fk_{}.db", std::process::id()));
    let _ = std::fs::remove_file(&file);
    let conn = sqlite::open(&file).expect("open");
    dbtool_reference_queries::migrations::migrate_sqlite(&conn).expect("migrate");
    let orphan = rag::AppendMessageParams {
        conversation_id: common::uuid(404),
        role: dbtool_reference_queries::enums::MessageRole::User,
        content: "hello",
        msg_metadata: &serde_json::json!({}),
        created_at: common::ts(2026, 1, 1, 0, 0, 0),
    };
    let error = rag::sqlite::append_message(&conn, &orphan).expect_err("no such conversation");
    assert!(error.is_foreign_key_violation(), "{error}");
    drop(conn);
    // rusqlite's bundled SQLite is built with foreign keys on; a system SQLite (the crate
    // without `bundled`) has them off, as here, until `configure` turns them on.
    let plain = rusqlite::Connection::open(&file).expect("open");
    plain
        .pragma_update(None, "foreign_keys", false)
        .expect("off");
    rag::sqlite::append_message(&plain, &orphan).expect("keys off: the orphan is let in");
    sqlite::configure(&plain).expect("configure");
    let error = rag::sqlite::append_message(&plain, &orphan).expect_err("keys on again");
    assert!(error.is_foreign_key_violation(), "{error}");
    drop(plain);
    let _ = std::fs::remove_file(&file);
}

#[test]
fn sqlite_transactions_and_an_r2d2_pool() {
    let mut conn = common::sqlite();
    let tx = conn.transaction().expect("begin");
    rag::sqlite::create_conversation(&tx, "ada", None).expect("create in a transaction");
    assert_eq!(sqlite_count(&tx, "ada"), 1, "seen inside the transaction");
    tx.rollback().expect("rollback");
    assert_eq!(sqlite_count(&conn, "ada"), 0, "rolled back: gone");
    let tx = conn.transaction().expect("begin");
    rag::sqlite::create_conversation(&tx, "ada", None).expect("create");
    tx.commit().expect("commit");
    assert_eq!(sqlite_count(&conn, "ada"), 1, "committed: kept");

    let file = std::env::temp_dir().join(format!("dbtool_executors_{}.db", std::process::id()));
    let _ = std::fs::remove_file(&file);
    let manager = r2d2_sqlite::SqliteConnectionManager::file(&file)
        .with_init(|c| dbtool_reference_queries::runtime::sqlite::configure(c));
    let pool = r2d2::Pool::builder()
        .max_size(4)
        .build(manager)
        .expect("pool");
    dbtool_reference_queries::migrations::migrate_sqlite(&pool.get().expect("connection"))
        .expect("migrate");
    let workers: Vec<_> = (0..4)
        .map(|worker| {
            let pool = pool.clone();
            std::thread::spawn(move || {
                for _ in 0..5 {
                    let conn = pool.get().expect("pooled connection");
                    rag::sqlite::create_conversation(&conn, &format!("user{worker}"), None)
                        .expect("create through the pool");
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().expect("worker");
    }
    let conn = pool.get().expect("connection");
    let total: i64 = (0..4)
        .map(|w| sqlite_count(&conn, &format!("user{w}")))
        .sum();
    assert_eq!(total, 20);
    drop(conn);
    drop(pool);
    let _ = std::fs::remove_file(&file);
}

fn pg_count(client: &mut impl dbtool_reference_queries::runtime::pg::Executor, user: &str) -> i64 {
    rag::pg::count_conversations_for_user(client, user, None).expect("count")
}

#[test]
fn postgres_transactions_raw_clients_and_an_r2d2_pool() {
    let Some(db) = common::PgDb::create("executors_sync") else {
        return;
    };
    common::on_own_thread(move || {
        let mut client = db.pg_client();
        let mut tx = client.transaction().expect("begin");
        rag::pg::create_conversation(&mut tx, "ada", None).expect("create in a transaction");
        assert_eq!(pg_count(&mut tx, "ada"), 1, "seen inside the transaction");
        tx.rollback().expect("rollback");
        assert_eq!(pg_count(&mut client, "ada"), 0, "rolled back: gone");
        let mut tx = client.transaction().expect("begin");
        rag::pg::create_conversation(&mut tx, "ada", None).expect("create");
        tx.commit().expect("commit");
        assert_eq!(pg_count(&mut client, "ada"), 1, "committed: kept");

        // The driver's own client and transaction.
        let mut raw = db.sync_config().connect(postgres::NoTls).expect("connect");
        rag::pg::create_conversation(&mut raw, "ada", None).expect("create on a raw client");
        let mut raw_tx = raw.transaction().expect("begin");
        rag::pg::create_conversation(&mut raw_tx, "ada", None).expect("create");
        raw_tx.commit().expect("commit");
        assert_eq!(pg_count(&mut raw, "ada"), 3);

        // An r2d2 pool, from four threads.
        let manager =
            r2d2_postgres::PostgresConnectionManager::new(db.sync_config(), postgres::NoTls);
        let pool = r2d2::Pool::builder()
            .max_size(4)
            .build(manager)
            .expect("pool");
        let workers: Vec<_> = (0..4)
            .map(|_| {
                let pool = pool.clone();
                std::thread::spawn(move || {
                    for _ in 0..5 {
                        let mut conn = pool.get().expect("pooled connection");
                        rag::pg::create_conversation(&mut *conn, "pool", None)
                            .expect("create through the pool");
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.join().expect("worker");
        }
        assert_eq!(pg_count(&mut *pool.get().expect("connection"), "pool"), 20);
    });
}

async fn pg_async_count(
    client: &impl dbtool_reference_queries::runtime::pg_async::Executor,
    user: &str,
) -> i64 {
    rag::pg_async::count_conversations_for_user(client, user, None)
        .await
        .expect("count")
}

#[tokio::test]
async fn tokio_postgres_transactions_and_deadpool_and_bb8_pools() {
    let Some(db) = common::PgDb::create("executors_async") else {
        return;
    };
    let mut client = db.pg_async_client().await;
    let tx = client.transaction().await.expect("begin");
    rag::pg_async::create_conversation(&tx, "ada", None)
        .await
        .expect("create in a transaction");
    assert_eq!(
        pg_async_count(&tx, "ada").await,
        1,
        "seen inside the transaction"
    );
    tx.rollback().await.expect("rollback");
    assert_eq!(pg_async_count(&client, "ada").await, 0, "rolled back: gone");
    let tx = client.transaction().await.expect("begin");
    rag::pg_async::create_conversation(&tx, "ada", None)
        .await
        .expect("create");
    tx.commit().await.expect("commit");
    assert_eq!(pg_async_count(&client, "ada").await, 1, "committed: kept");

    // The driver's own client and transaction.
    let (mut raw, connection) = db
        .async_config()
        .connect(tokio_postgres::NoTls)
        .await
        .expect("connect");
    tokio::spawn(connection);
    rag::pg_async::create_conversation(&raw, "ada", None)
        .await
        .expect("create on a raw client");
    let raw_tx = raw.transaction().await.expect("begin");
    rag::pg_async::create_conversation(&raw_tx, "ada", None)
        .await
        .expect("create");
    raw_tx.commit().await.expect("commit");
    assert_eq!(pg_async_count(&raw, "ada").await, 3);

    // A deadpool-postgres pool, from eight tasks at once, and one of its transactions.
    let manager = deadpool_postgres::Manager::new(db.async_config(), tokio_postgres::NoTls);
    let pool = deadpool_postgres::Pool::builder(manager)
        .max_size(4)
        .build()
        .expect("pool");
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let pool = pool.clone();
            tokio::spawn(async move {
                let conn = pool.get().await.expect("pooled connection");
                rag::pg_async::create_conversation(&conn, "deadpool", None)
                    .await
                    .expect("create through the pool");
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("task");
    }
    let mut conn = pool.get().await.expect("pooled connection");
    assert_eq!(pg_async_count(&conn, "deadpool").await, 8);
    let tx = conn.transaction().await.expect("begin");
    rag::pg_async::create_conversation(&tx, "deadpool", None)
        .await
        .expect("create");
    tx.rollback().await.expect("rollback");
    assert_eq!(pg_async_count(&conn, "deadpool").await, 8);

    // A bb8 pool: its connection is the driver's client.
    let manager =
        bb8_postgres::PostgresConnectionManager::new(db.async_config(), tokio_postgres::NoTls);
    let pool = bb8::Pool::builder()
        .max_size(4)
        .build(manager)
        .await
        .expect("pool");
    let conn = pool.get().await.expect("pooled connection");
    rag::pg_async::create_conversation(&*conn, "bb8", None)
        .await
        .expect("create through bb8");
    assert_eq!(pg_async_count(&*conn, "bb8").await, 1);
}
