//! The engine layer: everything that talks to, or knows how to talk to, one database engine.
//!
//! One module per engine — [`postgres`] (TimescaleDB is PostgreSQL with an extension) and
//! [`sqlite`] — behind the [`Connection`] trait: connecting, transactions and the migration
//! lock, refinery's history table, where an error points in a statement, the scratch databases
//! dbtool builds to ask the engine a question. URLs and their redaction are [`url`]'s.
//!
//! Invariant: nothing outside `engine/` matches on an engine to talk to a database; it opens a
//! [`Connection`] with [`open`] and asks it. (What a *dialect* renders is `crate::dialect`'s.)
//! Adding an engine is adding a module here that implements [`Connection`], a variant of
//! [`url::DatabaseUrl`], and a `dialect/` module with templates.

pub mod postgres;
pub(crate) mod protocol;
pub mod split;
pub mod sqlite;
pub mod tls;
pub mod url;

pub use url::{redact, with_database, DatabaseUrl, UrlError};

use crate::schema::Dialect;

/// A row of refinery's history table.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Applied {
    pub version: i32,
    pub name: String,
    pub applied_on: String,
    pub checksum: String,
}

/// A statement the engine refused: its own message (with detail and hint where it gives
/// them) and, when it says, the byte offset in the statement of the token it refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub offset: Option<usize>,
}

/// An open connection to one engine, as the migration runner uses it. Errors are the engine's
/// own messages; the caller says what it was doing.
pub trait Connection {
    /// The dialect whose syntax this engine reads (for parsing scripts it is given).
    fn parsing_dialect(&self) -> Dialect;
    /// Runs `sql` (one or more statements) outside any bookkeeping.
    fn batch(&mut self, sql: &str) -> Result<(), String>;
    /// Runs one statement of a script.
    fn run_statement(&mut self, sql: &str) -> Result<(), Refusal>;
    /// Serialises migrators for the whole run (PostgreSQL's advisory lock); SQLite has no such
    /// lock, and serialises each version's transaction instead ([`Connection::begin_version`]).
    /// While another process holds it, `notice` hears once who that is; after `wait` (if
    /// given) it gives up.
    fn lock(
        &mut self,
        wait: Option<std::time::Duration>,
        notice: &mut dyn FnMut(&str),
    ) -> Result<(), String>;
    /// Bounds how long one statement may wait for a lock and may run, for the rest of the
    /// session (PostgreSQL's `lock_timeout` and `statement_timeout`, in its duration syntax:
    /// `5s`, `2min`); SQLite waits for its write lock as long as its busy timeout, so `lock`
    /// sets that, and it has no statement timeout.
    fn set_timeouts(&mut self, lock: Option<&str>, statement: Option<&str>) -> Result<(), String>;
    fn unlock(&mut self);
    /// Starts the transaction one version runs in; where that waits for another connection
    /// (SQLite's write lock), `notice` hears it once per run.
    fn begin_version(&mut self, notice: &mut dyn FnMut(&str)) -> Result<(), String>;
    fn commit(&mut self) -> Result<(), String>;
    fn abort(&mut self);
    fn history_exists(&mut self) -> Result<bool, String>;
    fn ensure_history(&mut self) -> Result<(), String>;
    fn read_history(&mut self) -> Result<Vec<Applied>, String>;
    /// The latest applied version, 0 for none, read inside the current transaction.
    fn last_applied(&mut self) -> Result<i32, String>;
    fn record(&mut self, row: &Applied) -> Result<(), String>;
    /// Removes the history row of `version` and commits.
    fn forget_and_commit(&mut self, version: i32) -> Result<(), String>;
    /// Rows whose foreign key points at nothing, checked before a version commits where the
    /// engine does not check them itself during the script (SQLite, keys off for rebuilds):
    /// (table, rowid, parent table).
    fn foreign_key_violations(&mut self) -> Result<Vec<(String, i64, String)>, String>;
    /// The value of a `SELECT count(…)` query.
    fn count(&mut self, sql: &str) -> Result<i64, String>;
    /// The schema's objects as the engine itself spells their definitions (history table left
    /// out), for `dbtool drift` and the tests that compare two databases.
    fn catalog(&mut self) -> Result<Catalog, String>;
    /// The engine's name, for messages ("PostgreSQL rejects query …").
    fn engine_name(&self) -> &'static str;
    /// Runs a migration script as `dbtool migrate` would, without its bookkeeping (SQLite:
    /// foreign keys off, so that table rebuilds keep their rows): to build the databases
    /// queries are confirmed on.
    fn build(&mut self, sql: &str) -> Result<(), String>;
    /// Prepares `sql` and says what the engine sees in it; a refusal carries the engine's
    /// message (without severity) and where it points.
    fn describe(&mut self, sql: &str) -> Result<Described, Refusal>;
    /// Where each version that runs outside a transaction and has not finished stopped (none
    /// where the engine runs every version in a transaction).
    fn read_progress(&mut self) -> Result<Vec<Progress>, String> {
        Ok(Vec::new())
    }
    /// Records how far a version that runs outside a transaction got, at once (not inside a
    /// transaction), creating the progress table when it is missing.
    fn save_progress(&mut self, _progress: &Progress) -> Result<(), String> {
        Err(format!(
            "{} runs every version in a transaction",
            self.engine_name()
        ))
    }
    /// Removes a finished version's progress row, inside the transaction that records it in
    /// (or removes it from) the history.
    fn clear_progress(&mut self, _version: i32) -> Result<(), String> {
        Ok(())
    }
    /// The state of the index named `name` (as SQL writes it: quoted, maybe qualified).
    fn index_state(&mut self, _name: &str) -> Result<IndexState, String> {
        Err(format!(
            "{} builds no index outside a transaction",
            self.engine_name()
        ))
    }
    /// The schema as a plain description `dbtool pull` writes as YAML; `source` names the
    /// database in the file, `progress` hears each relation read.
    fn pull(
        &mut self,
        source: String,
        progress: &mut dyn FnMut(usize, &str),
    ) -> Result<crate::introspect::pull::Pulled, String>;
}

/// What an engine sees in a prepared statement: its result columns' names and its parameter
/// count, and where the engine types them (PostgreSQL), their types by the engine's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    pub columns: Vec<String>,
    pub params: usize,
    /// (column types, parameter types), when the engine infers them.
    pub types: Option<(Vec<String>, Vec<String>)>,
}

/// How far a version that runs outside a transaction got: its statements run one at a time,
/// and this row (in `dbtool_migration_progress`, beside refinery's history) says how many
/// have, so that the next run resumes there.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    pub version: i32,
    /// `up` while migrating, `down` while rolling back.
    pub direction: String,
    /// refinery's checksum of the script being run, so that a resumed run knows it runs the
    /// same script.
    pub checksum: String,
    /// How many of its statements have run.
    pub done: i32,
}

/// What the catalog says of an index a concurrent build makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexState {
    Missing,
    Valid,
    /// Left by a `CREATE INDEX CONCURRENTLY` that stopped: it slows every write and answers no
    /// query, and must be dropped before the build runs again.
    Invalid,
}

/// The table that records how far a version that runs outside a transaction got.
pub const PROGRESS_TABLE: &str = "dbtool_migration_progress";

/// Object (`table users`, `index users_email_key`) to its definition as the engine spells it.
pub type Catalog = std::collections::BTreeMap<String, String>;

pub(crate) use protocol::{CREATE_HISTORY, LAST_APPLIED, READ_HISTORY};

/// Why a database could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    /// The URL itself is wrong (a usage error).
    #[error("{0}")]
    Invalid(String),
    /// The engine could not be reached or refused the connection.
    #[error("{0}")]
    Unavailable(String),
}

/// Whether `url` names an SQLite file that does not exist (`false` for every other URL).
pub fn is_missing_file(url: &str) -> Result<bool, UrlError> {
    Ok(match DatabaseUrl::parse(url)? {
        DatabaseUrl::SqliteFile(path) => !std::path::Path::new(&path).exists(),
        _ => false,
    })
}

/// Opens the database at `url`. An SQLite file that does not exist is created only when
/// `create` is set (what `migrate` needs); otherwise it is an error, so that a mistyped path
/// is not a new, empty database reported as fine.
pub fn open(url: &str, create: bool) -> Result<Box<dyn Connection>, OpenError> {
    match DatabaseUrl::parse(url).map_err(|e| OpenError::Invalid(e.0))? {
        DatabaseUrl::Postgres(url) => Ok(Box::new(postgres::PgConnection::connect(&url)?)),
        DatabaseUrl::SqliteFile(path) => Ok(Box::new(sqlite::SqliteConnection::open_file(
            &path, create,
        )?)),
        DatabaseUrl::SqliteMemory => Ok(Box::new(sqlite::SqliteConnection::open_memory()?)),
    }
}

/// A throw-away database of the same engine as a user's, for asking the engine a question
/// (what do these migrations build?): on PostgreSQL a database with a random name on the same
/// server, dropped afterwards; for SQLite a new file with a random name, created exclusively
/// (a predictable name in a shared temporary folder could be someone else's file) and
/// removed afterwards. Dropping the value removes it.
pub struct Scratch {
    url: String,
    _keep: ScratchKeep,
}

/// What removes the scratch database when dropped; held, never read.
#[allow(dead_code)]
enum ScratchKeep {
    Postgres(Box<postgres::ScratchDatabase>),
    Sqlite(tempfile::NamedTempFile),
}

impl Scratch {
    /// A scratch database beside the one `url` names; `purpose` is part of its name.
    pub fn beside(url: &str, purpose: &str) -> Result<Scratch, OpenError> {
        match DatabaseUrl::parse(url).map_err(|e| OpenError::Invalid(e.0))? {
            DatabaseUrl::Postgres(url) => {
                let database = postgres::ScratchDatabase::create(&url, purpose)?;
                Ok(Scratch {
                    url: database.url.clone(),
                    _keep: ScratchKeep::Postgres(Box::new(database)),
                })
            }
            DatabaseUrl::SqliteFile(_) | DatabaseUrl::SqliteMemory => {
                let file = tempfile::Builder::new()
                    .prefix(&format!("dbtool_{purpose}_"))
                    .suffix(".db")
                    .tempfile()
                    .map_err(|e| {
                        OpenError::Unavailable(format!("cannot create a temporary file: {e}"))
                    })?;
                Ok(Scratch {
                    url: format!("sqlite://{}", file.path().display()),
                    _keep: ScratchKeep::Sqlite(file),
                })
            }
        }
    }

    pub fn url(&self) -> &str {
        &self.url
    }
}
