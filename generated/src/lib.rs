//! Typed functions for the queries of this project.
//!
//! Written by `dbtool generate`; do not edit: change schema/ or queries/ and run it again.
//!
//! One module per query file; in each, a function per query for every backend enabled by a
//! cargo feature: `sqlite` (rusqlite), `pg` (postgres) and `pg_async` (tokio-postgres).
//! `migrations` embeds the project's migrations and applies them at start-up.

pub mod analytics;
pub mod chainlit;
pub mod chimera;
pub mod enums;
pub mod james;
pub mod migrations;
pub mod rag;
pub mod runtime;
pub mod tables;

pub use runtime::Error;

/// How many queries the crate has: rusqlite's statement cache (16 statements unless told)
/// is sized to keep every one of them prepared on a connection.
#[allow(dead_code)]
const QUERY_COUNT: usize = 118;
