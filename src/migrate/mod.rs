//! Migrations on disk and in databases: the `migrations/` folder (scripts, the integrity file,
//! the schema snapshot), and applying or undoing versions on PostgreSQL and SQLite.
//!
//! Layout of `migrations/`:
//!
//! ```text
//! migrations/
//!   postgres/V1__init.sql         up script, named as refinery expects (refinery loads it)
//!   postgres/V1__init.down.sql    down script; refinery's name pattern does not match it
//!   sqlite/…  timescaledb/…       the same versions for every configured dialect
//!   schema/*.yaml                 the schema as of the latest version (what `diff` starts from)
//!   dbtool.sum                    SHA-256 of every script, checked before anything runs
//! ```
//!
//! This module is an IO edge: it reads and writes that folder and talks to databases. The
//! decisions (what a version contains) come from the pure [`crate::diff`] and
//! [`crate::render`] modules.

mod alone;
mod files;
mod losses;
mod runner;

pub use crate::engine::postgres::{error_offset as postgres_error_offset, ScratchDatabase};
pub use crate::engine::split::split_statements;
pub use crate::engine::sqlite::refusal as sqlite_error;
pub use crate::engine::{redact, with_database, DatabaseUrl};
pub use alone::{alone_statements, runs_alone, AloneStatement, NO_TRANSACTION_MARKER};
pub use files::{
    discard_latest, integrity_problems, latest_change, load_scripts, next_version, recover,
    rendered_format, snapshot_problems, write_empty_version, write_integrity, write_version,
    Discarded, Script, VersionFiles, PREVIOUS_SNAPSHOT_DIR,
};
pub use runner::{
    check_target, refuse_unsafe_statements, Applied, DataLoss, Database, MigrateOptions, Outcome,
    RollbackOptions, RollbackTarget, Status,
};

/// Folder under `migrations/` that keeps the schema as of the latest version.
pub const SNAPSHOT_DIR: &str = "schema";
/// The integrity file under `migrations/`.
pub const INTEGRITY_FILE: &str = "dbtool.sum";
/// First line of a down script that cannot undo its version; `rollback` refuses it up front.
pub const IRREVERSIBLE_MARKER: &str = "-- dbtool: irreversible:";

#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    #[error("{0}")]
    Io(String),
    #[error("{0}")]
    Invalid(String),
    #[error("{message}")]
    Database { message: String },
    /// An error at a place in a migration script; the script's text travels with it so the
    /// CLI can show the line.
    #[error("{diagnostic}")]
    InScript {
        diagnostic: Box<crate::diagnostic::Diagnostic>,
        script: String,
        /// The database refused a statement (exit 3), rather than dbtool refusing the script.
        database: bool,
    },
}

impl From<crate::engine::UrlError> for MigrateError {
    fn from(error: crate::engine::UrlError) -> Self {
        MigrateError::Invalid(error.0)
    }
}

impl From<crate::engine::OpenError> for MigrateError {
    fn from(error: crate::engine::OpenError) -> Self {
        match error {
            crate::engine::OpenError::Invalid(message) => MigrateError::Invalid(message),
            crate::engine::OpenError::Unavailable(message) => MigrateError::Database { message },
        }
    }
}

impl MigrateError {
    /// Whether the database (not the project's files) is at fault: exit code 3.
    pub fn is_database(&self) -> bool {
        matches!(
            self,
            MigrateError::Database { .. } | MigrateError::InScript { database: true, .. }
        )
    }
}
