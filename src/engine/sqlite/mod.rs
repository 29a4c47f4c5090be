//! SQLite: opening files (never creating one by accident), each version in an immediate
//! transaction with foreign keys off for table rebuilds and checked before commit, refinery's
//! history table, and where SQLite's errors point.

mod pull;

use std::time::Duration;

use super::url::redact;
use super::{Applied, Catalog, Connection, OpenError, Refusal, LAST_APPLIED, READ_HISTORY};
use crate::schema::Dialect;

const HISTORY_TABLE: &str = "refinery_schema_history";

/// How long a migrator waits for another's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

pub struct SqliteConnection {
    connection: rusqlite::Connection,
    /// How long a version's transaction waits for SQLite's write lock.
    wait: Duration,
    /// Whether the user has been told that this run waits for the write lock.
    told_waiting: bool,
    shown: String,
}

fn error(e: rusqlite::Error) -> String {
    e.to_string()
}

/// Whether SQLite refused because another connection holds the lock it needs.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy)
    )
}

impl SqliteConnection {
    /// Opens the file at `path`; one that does not exist is created only with `create`.
    pub fn open_file(path: &str, create: bool) -> Result<SqliteConnection, OpenError> {
        let shown = redact(&format!("sqlite://{path}"));
        if !create && !std::path::Path::new(path).exists() {
            return Err(OpenError::Invalid(format!(
                "{shown} does not exist; check the path (only `dbtool migrate` creates a database file)"
            )));
        }
        let connection = rusqlite::Connection::open(path)
            .map_err(|e| OpenError::Unavailable(format!("cannot open {shown}: {e}")))?;
        connection
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| OpenError::Unavailable(format!("cannot set busy timeout: {e}")))?;
        Ok(SqliteConnection::new(connection, shown))
    }

    pub fn open_memory() -> Result<SqliteConnection, OpenError> {
        rusqlite::Connection::open_in_memory()
            .map(|connection| SqliteConnection::new(connection, "sqlite::memory:".to_string()))
            .map_err(|e| OpenError::Unavailable(format!("cannot open an in-memory database: {e}")))
    }

    fn new(connection: rusqlite::Connection, shown: String) -> SqliteConnection {
        SqliteConnection {
            connection,
            wait: BUSY_TIMEOUT,
            told_waiting: false,
            shown,
        }
    }

    fn restore_foreign_keys(&mut self) {
        let _ = self.connection.execute_batch("PRAGMA foreign_keys = ON");
    }
}

impl Connection for SqliteConnection {
    fn parsing_dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn batch(&mut self, sql: &str) -> Result<(), String> {
        self.connection.execute_batch(sql).map_err(error)
    }

    fn run_statement(&mut self, sql: &str) -> Result<(), Refusal> {
        self.connection.execute_batch(sql).map_err(|e| {
            let (message, offset) = refusal(e, sql);
            Refusal { message, offset }
        })
    }

    fn lock(
        &mut self,
        _wait: Option<std::time::Duration>,
        _notice: &mut dyn FnMut(&str),
    ) -> Result<(), String> {
        Ok(())
    }

    fn set_timeouts(&mut self, lock: Option<&str>, statement: Option<&str>) -> Result<(), String> {
        if statement.is_some() {
            return Err(
                "SQLite has no statement timeout; leave --statement-timeout (or the environment's statement_timeout) out for SQLite databases".to_string(),
            );
        }
        if let Some(lock) = lock {
            let seconds = parse_seconds(lock).ok_or_else(|| {
                format!("lock timeout `{lock}` is not a duration in seconds (`30s`, `2min`)")
            })?;
            self.wait = Duration::from_secs(seconds);
            self.connection.busy_timeout(self.wait).map_err(error)?;
        }
        Ok(())
    }

    fn unlock(&mut self) {}

    /// Foreign keys off first (a no-op inside a transaction), then an immediate transaction, so
    /// that concurrent migrators queue on SQLite's write lock.
    /// Asks for the write lock without waiting first: when another connection holds it, the
    /// user hears so once per run, then the wait is SQLite's busy timeout.
    fn begin_version(&mut self, notice: &mut dyn FnMut(&str)) -> Result<(), String> {
        self.batch("PRAGMA foreign_keys = OFF")?;
        self.connection
            .busy_timeout(Duration::ZERO)
            .map_err(error)?;
        let first = self.connection.execute_batch("BEGIN IMMEDIATE");
        self.connection.busy_timeout(self.wait).map_err(error)?;
        match first {
            Ok(()) => return Ok(()),
            Err(e) if !is_busy(&e) => return Err(error(e)),
            Err(_) => {}
        }
        if !self.told_waiting {
            self.told_waiting = true;
            notice(&format!(
                "waiting for the write lock on {}: another connection is writing to it (a migrator, or the application); waiting up to {} s (--lock-timeout)",
                self.shown,
                self.wait.as_secs()
            ));
        }
        match self.connection.execute_batch("BEGIN IMMEDIATE") {
            Ok(()) => Ok(()),
            Err(e) if is_busy(&e) => Err(format!(
                "gave up after {} s: another connection still holds the write lock on {} (nothing of this version ran); run again when it is done, or wait longer with --lock-timeout",
                self.wait.as_secs(),
                self.shown
            )),
            Err(e) => Err(error(e)),
        }
    }

    fn commit(&mut self) -> Result<(), String> {
        let result = self.batch("COMMIT");
        self.restore_foreign_keys();
        result
    }

    fn abort(&mut self) {
        let _ = self.batch("ROLLBACK");
        self.restore_foreign_keys();
    }

    fn history_exists(&mut self) -> Result<bool, String> {
        self.connection
            .query_row(
                "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [HISTORY_TABLE],
                |row| row.get::<_, bool>(0),
            )
            .map_err(error)
    }

    /// Creates the table only when it is missing: `CREATE TABLE IF NOT EXISTS` asks for the
    /// write lock even when the table is there, and would wait silently where a version's
    /// transaction says that it waits.
    fn ensure_history(&mut self) -> Result<(), String> {
        if self.history_exists()? {
            return Ok(());
        }
        self.batch(super::CREATE_HISTORY)
    }

    fn read_history(&mut self) -> Result<Vec<Applied>, String> {
        let mut statement = self.connection.prepare(READ_HISTORY).map_err(error)?;
        let rows = statement
            .query_map([], |row| {
                Ok(Applied {
                    version: row.get(0)?,
                    name: row.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    applied_on: row.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    checksum: row.get::<_, Option<String>>(3)?.unwrap_or_default(),
                })
            })
            .map_err(error)?;
        rows.collect::<Result<_, _>>().map_err(error)
    }

    fn last_applied(&mut self) -> Result<i32, String> {
        self.connection
            .query_row(LAST_APPLIED, [], |row| row.get::<_, i32>(0))
            .map_err(error)
    }

    fn record(&mut self, row: &Applied) -> Result<(), String> {
        self.connection
            .execute(
                super::protocol::INSERT_HISTORY,
                rusqlite::params![row.version, row.name, row.applied_on, row.checksum],
            )
            .map(|_| ())
            .map_err(error)
    }

    fn forget_and_commit(&mut self, version: i32) -> Result<(), String> {
        self.connection
            .execute(
                "DELETE FROM refinery_schema_history WHERE version = ?1",
                [version],
            )
            .map_err(error)?;
        self.commit()
    }

    fn foreign_key_violations(&mut self) -> Result<Vec<(String, i64, String)>, String> {
        let mut statement = self
            .connection
            .prepare("PRAGMA foreign_key_check")
            .map_err(error)?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                    row.get::<_, String>(2)?,
                ))
            })
            .map_err(error)?;
        rows.collect::<Result<_, _>>().map_err(error)
    }

    fn engine_name(&self) -> &'static str {
        "SQLite"
    }

    fn build(&mut self, sql: &str) -> Result<(), String> {
        self.batch("PRAGMA foreign_keys = OFF")?;
        self.batch(sql)
    }

    fn describe(&mut self, sql: &str) -> Result<super::Described, Refusal> {
        let statement = self.connection.prepare(sql).map_err(|e| {
            let (message, offset) = refusal(e, sql);
            Refusal { message, offset }
        })?;
        Ok(super::Described {
            columns: statement
                .column_names()
                .into_iter()
                .map(str::to_string)
                .collect(),
            params: statement.parameter_count(),
            types: None,
        })
    }

    fn pull(
        &mut self,
        source: String,
        progress: &mut dyn FnMut(usize, &str),
    ) -> Result<crate::introspect::pull::Pulled, String> {
        pull::pull_sqlite(&self.connection, source, progress).map_err(|e| e.to_string())
    }

    fn count(&mut self, sql: &str) -> Result<i64, String> {
        self.connection
            .query_row(sql, [], |row| row.get::<_, i64>(0))
            .map_err(error)
    }

    /// SQLite keeps each object's `CREATE` statement; they are compared as SQLite stores them, with
    /// the quotes `ALTER TABLE … RENAME TO` adds around a table's name removed.
    /// The schema's objects by their structure, not their `CREATE` text (which differs by
    /// spacing, quoting and type spelling between two databases that are the same): tables
    /// with their options; columns with their type affinity, NOT NULL, default, primary-key
    /// position and whether they are the rowid; unique constraints, foreign keys and CHECKs
    /// (read from the table's text with sqlparser); indexes, views and triggers as sqlparser
    /// writes them back.
    fn catalog(&mut self) -> Result<Catalog, String> {
        structural_catalog(&self.connection).map_err(error)
    }
}

/// SQLite's message for `error` on `sql`, and the byte offset of the token it names when it
/// names one (syntax errors, unknown tables, columns and functions).
pub fn refusal(error: rusqlite::Error, sql: &str) -> (String, Option<usize>) {
    match error {
        rusqlite::Error::SqlInputError { msg, offset, .. } => {
            let offset = usize::try_from(offset).ok();
            (msg, offset.filter(|o| sql.is_char_boundary(*o)))
        }
        other => (other.to_string(), None),
    }
}

/// `30`, `30s`, `2min`, `1h` as seconds.
fn parse_seconds(text: &str) -> Option<u64> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let number: u64 = text[..digits].parse().ok()?;
    let factor = match text[digits..].trim() {
        "" | "s" => 1,
        "min" => 60,
        "h" => 3600,
        _ => return None,
    };
    number.checked_mul(factor)
}

/// The tables dbtool keeps its own records in, left out of catalogs.
const BOOKKEEPING: &[&str] = &[HISTORY_TABLE, super::PROGRESS_TABLE];

fn structural_catalog(conn: &rusqlite::Connection) -> rusqlite::Result<Catalog> {
    let mut catalog = Catalog::new();
    let mut objects = conn.prepare(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master \
         WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )?;
    let objects: Vec<(String, String, String, String)> = objects
        .query_map([], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    // A virtual table's own storage (FTS5's `_data`, `_idx`, …): part of the virtual table,
    // which is compared by its definition.
    let shadows: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_list WHERE type = 'shadow'")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for (kind, name, table, sql) in objects {
        if BOOKKEEPING.contains(&table.as_str()) || shadows.contains(&table) {
            continue;
        }
        match kind.as_str() {
            "table" => table_entries(conn, &name, &sql, &mut catalog)?,
            // An index a constraint made has no text; the constraint stands for it.
            "index" if sql.is_empty() => {}
            _ => {
                catalog.insert(format!("{kind} {name}"), normalized_sql(&sql));
            }
        }
    }
    Ok(catalog)
}

/// `sql` as sqlparser writes it back (one spelling for the same statement), or with its
/// whitespace collapsed when it does not parse.
fn normalized_sql(sql: &str) -> String {
    let dialect = sqlparser::dialect::SQLiteDialect {};
    match sqlparser::parser::Parser::parse_sql(&dialect, sql) {
        Ok(statements) if statements.len() == 1 => statements[0].to_string(),
        _ => sql.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// SQLite's type affinity of a declared type (its documented rules): what a column stores.
fn affinity(declared: &str) -> &'static str {
    let upper = declared.to_ascii_uppercase();
    if upper.contains("INT") {
        "INTEGER"
    } else if ["CHAR", "CLOB", "TEXT"].iter().any(|w| upper.contains(w)) {
        "TEXT"
    } else if upper.is_empty() || upper.contains("BLOB") {
        "BLOB"
    } else if ["REAL", "FLOA", "DOUB"].iter().any(|w| upper.contains(w)) {
        "REAL"
    } else {
        "NUMERIC"
    }
}

fn table_entries(
    conn: &rusqlite::Connection,
    table: &str,
    sql: &str,
    catalog: &mut Catalog,
) -> rusqlite::Result<()> {
    let upper = sql.to_ascii_uppercase();
    if upper.starts_with("CREATE VIRTUAL TABLE") {
        catalog.insert(format!("table {table}"), normalized_sql(sql));
        return Ok(());
    }
    let without_rowid = upper.contains("WITHOUT ROWID");
    let mut options = Vec::new();
    if without_rowid {
        options.push("without rowid");
    }
    if upper.trim_end().trim_end_matches(';').ends_with("STRICT") || upper.contains(" STRICT,") {
        options.push("strict");
    }
    // Ids never reused: a rowid table keeps its highest id in sqlite_sequence.
    if upper.contains("AUTOINCREMENT") {
        options.push("autoincrement");
    }
    catalog.insert(format!("table {table}"), options.join(", "));
    let mut columns = conn.prepare(
        "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?1) ORDER BY cid",
    )?;
    let columns: Vec<(String, String, bool, Option<String>, i64, i64)> = columns
        .query_map([table], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get(5)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let key_columns = columns.iter().filter(|c| c.4 > 0).count();
    for (name, declared, not_null, default, pk, hidden) in &columns {
        let mut definition = affinity(declared).to_string();
        if *not_null {
            definition.push_str(" not null");
        }
        if let Some(default) = default {
            definition.push_str(" default ");
            definition.push_str(&default.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        if *pk > 0 {
            definition.push_str(&format!(" primary key {pk}"));
            // Only the exact type INTEGER as the one key of a rowid table names the rowid.
            if key_columns == 1 && !without_rowid && declared.eq_ignore_ascii_case("integer") {
                definition.push_str(" rowid");
            }
        }
        // pragma_table_xinfo's `hidden`: 2 a VIRTUAL generated column, 3 a STORED one.
        match hidden {
            2 => definition.push_str(" generated virtual"),
            3 => definition.push_str(" generated stored"),
            _ => {}
        }
        catalog.insert(format!("column {table}.{name}"), definition);
    }
    let mut indexes = conn.prepare("SELECT name, \"unique\", origin FROM pragma_index_list(?1)")?;
    let indexes: Vec<(String, bool, String)> = indexes
        .query_map([table], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    // Unique constraints (origin `u`); a primary key's index is its columns' `primary key`.
    for (index, _, _) in indexes.iter().filter(|i| i.2 == "u") {
        let mut info = conn.prepare("SELECT name FROM pragma_index_info(?1) ORDER BY seqno")?;
        let names: Vec<String> = info
            .query_map([index], |row| row.get::<_, Option<String>>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect();
        catalog.insert(
            format!("unique {table}({})", names.join(", ")),
            "unique".into(),
        );
    }
    let mut keys = conn.prepare(
        "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?1) ORDER BY id, seq",
    )?;
    // (id, parent table, column, parent column, on update, on delete), one row per column.
    type KeyPart = (i64, String, String, Option<String>, String, String);
    let keys: Vec<KeyPart> = keys
        .query_map([table], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get(5)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut by_id: std::collections::BTreeMap<i64, Vec<&KeyPart>> =
        std::collections::BTreeMap::new();
    for key in &keys {
        by_id.entry(key.0).or_default().push(key);
    }
    for parts in by_id.values() {
        let from: Vec<&str> = parts.iter().map(|p| p.2.as_str()).collect();
        let to: Vec<&str> = parts.iter().map(|p| p.3.as_deref().unwrap_or("")).collect();
        let first = parts[0];
        catalog.insert(
            format!("foreign key {table}({})", from.join(", ")),
            format!(
                "references {}({}) on update {} on delete {}",
                first.1,
                to.join(", "),
                first.4.to_ascii_lowercase(),
                first.5.to_ascii_lowercase()
            ),
        );
    }
    if let Some(text) = crate::introspect::pull_sqlite::table_text(table, sql) {
        for (name, expr) in text.checks {
            catalog.insert(format!("check {table}.{name}"), expr);
        }
        for (column, expr, _) in text.generated {
            catalog.insert(format!("generated {table}.{column}"), expr);
        }
    }
    Ok(())
}
