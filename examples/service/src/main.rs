//! Starts the chat service (see the library) on `PORT` (default 3000) against `DATABASE_URL`
//! (default the SQLite file `service.db`; `postgres://…` for PostgreSQL).

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    match serve().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn serve() -> Result<(), dbtool_example_service::Failure> {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://service.db".into());
    let port = std::env::var("PORT").unwrap_or_else(|_| "3000".into());
    let db = dbtool_example_service::Db::connect(&url).await?;
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, dbtool_example_service::app(db))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
