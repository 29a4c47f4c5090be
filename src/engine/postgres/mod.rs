//! PostgreSQL (and TimescaleDB): connecting, the migration lock and transactions, refinery's
//! history table, the server's messages and error positions, and scratch databases.

mod pull;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::protocol::{
    CLEAR_PROGRESS, CREATE_PROGRESS, INDEX_STATE, INSERT_HISTORY, LOCK_KEY, PROGRESS_EXISTS,
    READ_PROGRESS, SAVE_PROGRESS,
};
use super::url::{redact, with_database};
use super::{
    Applied, Catalog, Connection, IndexState, OpenError, Progress, Refusal, LAST_APPLIED,
    READ_HISTORY,
};
use crate::schema::Dialect;

/// How often a waiting migrator asks for the lock again.
const LOCK_POLL: std::time::Duration = std::time::Duration::from_millis(200);

/// A PostgreSQL client and the bookkeeping statements it has prepared: preparing the history
/// insert once instead of once per version saves a round trip per version.
pub struct PgConnection {
    client: postgres::Client,
    prepared: HashMap<&'static str, postgres::Statement>,
}

impl PgConnection {
    pub fn connect(url: &str) -> Result<PgConnection, OpenError> {
        let client = connect_client(url)?;
        Ok(PgConnection {
            client,
            prepared: HashMap::new(),
        })
    }

    /// Who holds the migration lock: its backend's pid, program and since when.
    fn lock_holder(&mut self) -> String {
        let high = LOCK_KEY >> 32;
        let low = LOCK_KEY & 0xffff_ffff;
        let row = self.client.query_opt(
            "SELECT a.pid, coalesce(nullif(a.application_name, ''), 'another program'), to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ') \
             FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid \
             WHERE l.locktype = 'advisory' AND l.granted AND l.classid::int8 = $1 AND l.objid::int8 = $2 AND l.objsubid = 1 \
             AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1",
            &[&high, &low],
        );
        match row {
            Ok(Some(row)) => format!(
                "pid {} ({}, connected since {})",
                row.get::<_, i32>(0),
                row.get::<_, String>(1),
                row.get::<_, Option<String>>(2).unwrap_or_default()
            ),
            Ok(None) => "another session".to_string(),
            Err(e) => format!("another session ({})", message(e)),
        }
    }

    fn statement(&mut self, sql: &'static str) -> Result<postgres::Statement, postgres::Error> {
        if let Some(statement) = self.prepared.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client.prepare(sql)?;
        self.prepared.insert(sql, statement.clone());
        Ok(statement)
    }
}

impl Connection for PgConnection {
    fn parsing_dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn batch(&mut self, sql: &str) -> Result<(), String> {
        self.client.batch_execute(sql).map_err(message)
    }

    fn run_statement(&mut self, sql: &str) -> Result<(), Refusal> {
        self.client.batch_execute(sql).map_err(|e| Refusal {
            offset: error_offset(&e, sql),
            message: message(e),
        })
    }

    fn lock(
        &mut self,
        wait: Option<std::time::Duration>,
        notice: &mut dyn FnMut(&str),
    ) -> Result<(), String> {
        let started = std::time::Instant::now();
        let mut told = false;
        loop {
            let taken: bool = self
                .client
                .query_one("SELECT pg_try_advisory_lock($1)", &[&LOCK_KEY])
                .map_err(message)?
                .get(0);
            if taken {
                return Ok(());
            }
            let holder = self.lock_holder();
            if wait.is_some_and(|w| started.elapsed() >= w) {
                return Err(format!(
                    "the migration lock is still held by {holder} after {} s; nothing was run",
                    started.elapsed().as_secs()
                ));
            }
            if !told {
                notice(&format!("waiting for the migration lock held by {holder}"));
                told = true;
            }
            std::thread::sleep(LOCK_POLL);
        }
    }

    fn set_timeouts(&mut self, lock: Option<&str>, statement: Option<&str>) -> Result<(), String> {
        for (setting, value) in [("lock_timeout", lock), ("statement_timeout", statement)] {
            if let Some(value) = value {
                self.client
                    .execute("SELECT set_config($1, $2, false)", &[&setting, &value])
                    .map_err(|e| format!("{setting} = {value}: {}", message(e)))?;
            }
        }
        Ok(())
    }

    fn unlock(&mut self) {
        let _ = self
            .client
            .execute("SELECT pg_advisory_unlock($1)", &[&LOCK_KEY]);
    }

    fn begin_version(&mut self, _notice: &mut dyn FnMut(&str)) -> Result<(), String> {
        self.batch("BEGIN")
    }

    fn commit(&mut self) -> Result<(), String> {
        self.batch("COMMIT")
    }

    fn abort(&mut self) {
        let _ = self.batch("ROLLBACK");
    }

    fn history_exists(&mut self) -> Result<bool, String> {
        self.client
            .query_one(
                "SELECT to_regclass('refinery_schema_history') IS NOT NULL",
                &[],
            )
            .map(|row| row.get::<_, bool>(0))
            .map_err(message)
    }

    fn ensure_history(&mut self) -> Result<(), String> {
        self.batch(super::CREATE_HISTORY)
    }

    fn read_history(&mut self) -> Result<Vec<Applied>, String> {
        Ok(self
            .client
            .query(READ_HISTORY, &[])
            .map_err(message)?
            .into_iter()
            .map(|row| Applied {
                version: row.get(0),
                name: row.get::<_, Option<String>>(1).unwrap_or_default(),
                applied_on: row.get::<_, Option<String>>(2).unwrap_or_default(),
                checksum: row.get::<_, Option<String>>(3).unwrap_or_default(),
            })
            .collect())
    }

    fn last_applied(&mut self) -> Result<i32, String> {
        let statement = self.statement(LAST_APPLIED).map_err(message)?;
        self.client
            .query_one(&statement, &[])
            .map(|row| row.get::<_, i32>(0))
            .map_err(message)
    }

    fn record(&mut self, row: &Applied) -> Result<(), String> {
        let statement = self.statement(INSERT_HISTORY).map_err(message)?;
        self.client
            .execute(
                &statement,
                &[&row.version, &row.name, &row.applied_on, &row.checksum],
            )
            .map(|_| ())
            .map_err(message)
    }

    /// Both in one round trip (the version is an integer, so writing it into the SQL is safe):
    /// with one commit per version, round trips are most of what rolling back costs beyond the
    /// commits themselves.
    fn forget_and_commit(&mut self, version: i32) -> Result<(), String> {
        self.batch(&format!(
            "DELETE FROM refinery_schema_history WHERE version = {version}; COMMIT"
        ))
    }

    fn foreign_key_violations(&mut self) -> Result<Vec<(String, i64, String)>, String> {
        // PostgreSQL checks foreign keys itself, statement by statement.
        Ok(Vec::new())
    }

    fn count(&mut self, sql: &str) -> Result<i64, String> {
        self.client
            .query_one(sql, &[])
            .map(|row| row.get::<_, i64>(0))
            .map_err(message)
    }

    /// PostgreSQL's catalogs for the `public` schema: columns, constraints, indexes, views,
    /// materialized views and enums, each as PostgreSQL itself spells its definition.
    fn engine_name(&self) -> &'static str {
        "PostgreSQL"
    }

    fn build(&mut self, sql: &str) -> Result<(), String> {
        self.client
            .batch_execute(sql)
            .map_err(|e| short_message(&e))
    }

    fn describe(&mut self, sql: &str) -> Result<super::Described, Refusal> {
        let statement = self.client.prepare(sql).map_err(|e| Refusal {
            offset: error_offset(&e, sql),
            message: short_message(&e),
        })?;
        let columns = statement
            .columns()
            .iter()
            .map(|c| c.name().to_string())
            .collect();
        let column_types = statement
            .columns()
            .iter()
            .map(|c| c.type_().name().to_string())
            .collect();
        let param_types: Vec<String> = statement
            .params()
            .iter()
            .map(|t| t.name().to_string())
            .collect();
        Ok(super::Described {
            columns,
            params: param_types.len(),
            types: Some((column_types, param_types)),
        })
    }

    fn read_progress(&mut self) -> Result<Vec<Progress>, String> {
        let exists: bool = self
            .client
            .query_one(PROGRESS_EXISTS, &[])
            .map_err(message)?
            .get(0);
        if !exists {
            return Ok(Vec::new());
        }
        Ok(self
            .client
            .query(READ_PROGRESS, &[])
            .map_err(message)?
            .into_iter()
            .map(|row| Progress {
                version: row.get(0),
                direction: row.get(1),
                checksum: row.get(2),
                done: row.get(3),
            })
            .collect())
    }

    fn save_progress(&mut self, progress: &Progress) -> Result<(), String> {
        self.batch(CREATE_PROGRESS)?;
        let statement = self.statement(SAVE_PROGRESS).map_err(message)?;
        self.client
            .execute(
                &statement,
                &[
                    &progress.version,
                    &progress.direction,
                    &progress.checksum,
                    &progress.done,
                ],
            )
            .map(|_| ())
            .map_err(message)
    }

    fn clear_progress(&mut self, version: i32) -> Result<(), String> {
        self.client
            .execute(CLEAR_PROGRESS, &[&version])
            .map(|_| ())
            .map_err(message)
    }

    fn index_state(&mut self, name: &str) -> Result<IndexState, String> {
        // to_regclass reads the name as the statement did: quotes, qualification, search_path.
        let row = self
            .client
            .query_opt(INDEX_STATE, &[&name])
            .map_err(message)?;
        Ok(match row.map(|row| row.get::<_, bool>(0)) {
            None => IndexState::Missing,
            Some(true) => IndexState::Valid,
            Some(false) => IndexState::Invalid,
        })
    }

    fn pull(
        &mut self,
        source: String,
        progress: &mut dyn FnMut(usize, &str),
    ) -> Result<crate::introspect::pull::Pulled, String> {
        pull::pull_postgres(&mut self.client, source, progress).map_err(|e| e.to_string())
    }

    fn catalog(&mut self) -> Result<Catalog, String> {
        const QUERIES: &[(&str, &str)] = &[
            (
                "table",
                "SELECT c.relname, CASE c.relkind WHEN 'p' THEN 'partitioned' ELSE '' END
                 FROM pg_class c
                 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
                   AND c.relname NOT IN ('refinery_schema_history', 'dbtool_migration_progress')",
            ),
            (
                "column",
                // format_type, not the bare type name: `varchar(50)` and `varchar(100)` differ.
                "SELECT c.relname || '.' || a.attname,
                        format_type(a.atttypid, a.atttypmod)
                        || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                        || coalesce(CASE WHEN a.attgenerated = 's' THEN ' generated always as ' ELSE ' default ' END
                                    || pg_get_expr(d.adbin, d.adrelid), '')
                        || CASE a.attidentity WHEN 'd' THEN ' identity' WHEN 'a' THEN ' identity always' ELSE '' END
                 FROM pg_attribute a
                 JOIN pg_class c ON c.oid = a.attrelid
                 LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                   AND a.attnum > 0 AND NOT a.attisdropped
                   AND c.relname NOT IN ('refinery_schema_history', 'dbtool_migration_progress')",
            ),
            (
                "constraint",
                "SELECT conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
                 FROM pg_constraint
                 WHERE connamespace = 'public'::regnamespace AND conrelid <> 0
                   AND conrelid::regclass::text NOT IN ('refinery_schema_history', 'dbtool_migration_progress')",
            ),
            (
                "index",
                "SELECT indexname, indexdef FROM pg_indexes
                 WHERE schemaname = 'public' AND tablename NOT IN ('refinery_schema_history', 'dbtool_migration_progress')",
            ),
            (
                "view",
                "SELECT viewname, definition FROM pg_views WHERE schemaname = 'public'",
            ),
            (
                "materialized view",
                "SELECT matviewname, definition FROM pg_matviews WHERE schemaname = 'public'",
            ),
            (
                "enum",
                "SELECT t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
                 FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
                 WHERE t.typnamespace = 'public'::regnamespace
                 GROUP BY t.typname",
            ),
            (
                "function",
                "SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                        md5(pg_get_functiondef(p.oid))
                 FROM pg_proc p
                 WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p')",
            ),
        ];
        let mut catalog = Catalog::new();
        for (kind, sql) in QUERIES {
            let rows = self.client.query(*sql, &[]).map_err(message)?;
            for row in rows {
                let name: String = row.get(0);
                let definition: Option<String> = row.get(1);
                catalog.insert(format!("{kind} {name}"), definition.unwrap_or_default());
            }
        }
        Ok(catalog)
    }
}

/// How long connecting may take when the URL does not say (`connect_timeout=N`): a server
/// that accepts the connection and never answers must not hang a command forever.
pub const DEFAULT_CONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Connects with the driver's reading of `url` (a URL or a key=value string); every failure
/// is told apart, names the server (never the password) and says what to do.
pub fn connect_client(url: &str) -> Result<postgres::Client, OpenError> {
    let unreadable = |e: &dyn std::fmt::Display| {
        OpenError::Invalid(format!(
            "cannot read the PostgreSQL connection string {}: {e}",
            redact(url)
        ))
    };
    let (driver_url, tls_options) = super::tls::split(url).map_err(|e| unreadable(&e))?;
    let mut config: postgres::Config = driver_url.parse().map_err(|e| unreadable(&e))?;
    config.ssl_mode(tls_options.mode.for_driver());
    let connector = super::tls::connector(&tls_options).map_err(OpenError::Invalid)?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(DEFAULT_CONNECT_TIMEOUT);
    }
    // Named in pg_stat_activity (and in "waiting for the migration lock held by …").
    if config.get_application_name().is_none() {
        config.application_name("dbtool");
    }
    let timeout = config
        .get_connect_timeout()
        .copied()
        .unwrap_or(DEFAULT_CONNECT_TIMEOUT);
    // The driver's timeout covers opening the socket, not a server that accepts it and never
    // answers the startup message: the whole connect gets the same bound, on a thread that is
    // abandoned (and ends with the process) when the server stays silent.
    let (sender, receiver) = std::sync::mpsc::channel();
    let attempt = config.clone();
    std::thread::spawn(move || {
        let result = match connector {
            Some(tls) => attempt.connect(tls),
            None => attempt.connect(postgres::NoTls),
        };
        let _ = sender.send(result);
    });
    match receiver.recv_timeout(timeout) {
        Ok(Ok(client)) => Ok(client),
        Ok(Err(e)) => Err(OpenError::Unavailable(connect_failure(&config, url, &e))),
        Err(_) => Err(OpenError::Unavailable(no_answer(&config, url))),
    }
}

/// A server that did not answer within the connect timeout.
fn no_answer(config: &postgres::Config, url: &str) -> String {
    format!(
        "cannot connect to PostgreSQL at {} ({}): no answer within {} s\nhelp: check that the host and port are a PostgreSQL server and reachable; `connect_timeout=N` in the URL waits longer",
        server_of(config),
        redact(url),
        config.get_connect_timeout().map_or(0, |t| t.as_secs())
    )
}

/// `user@host:port/dbname`, as the driver read it: for messages.
fn server_of(config: &postgres::Config) -> String {
    let host = config
        .get_hosts()
        .first()
        .map(|h| match h {
            postgres::config::Host::Tcp(name) => name.clone(),
            #[cfg(unix)]
            postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .unwrap_or_else(|| "localhost".to_string());
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let user = config.get_user().unwrap_or("?");
    let dbname = config.get_dbname().unwrap_or(user);
    format!("{user}@{host}:{port}/{dbname}")
}

/// What went wrong connecting, in words that say what to do, with PostgreSQL's SQLSTATE
/// when the server answered.
fn connect_failure(config: &postgres::Config, url: &str, error: &postgres::Error) -> String {
    let server = server_of(config);
    let shown = redact(url);
    if let Some(db) = error.as_db_error() {
        use postgres::error::SqlState;
        let code = db.code().code();
        let todo = match db.code() {
            _ if db.message().contains("no encryption") => {
                "the server accepts only TLS connections here: drop `sslmode=disable` (or use `sslmode=verify-full` with the server's CA as `sslrootcert`)"
            }
            c if *c == SqlState::INVALID_PASSWORD => {
                "check the password in the URL (or PGPASSWORD)"
            }
            c if *c == SqlState::INVALID_AUTHORIZATION_SPECIFICATION => {
                "check the user name, and that pg_hba.conf lets this user connect from here"
            }
            c if *c == SqlState::INVALID_CATALOG_NAME => {
                "create the database (`createdb`) or fix its name in the URL"
            }
            c if *c == SqlState::TOO_MANY_CONNECTIONS => {
                "try again later, or raise max_connections"
            }
            c if *c == SqlState::CANNOT_CONNECT_NOW => {
                "the server is starting or shutting down: try again"
            }
            c if *c == SqlState::INSUFFICIENT_PRIVILEGE => "grant the user the privilege it needs",
            _ => "see the server's message",
        };
        return format!(
            "PostgreSQL at {server} refused the connection: {} (SQLSTATE {code})\nhelp: {todo}",
            db.message()
        );
    }
    let cause = std::error::Error::source(error)
        .map(ToString::to_string)
        .unwrap_or_else(|| error.to_string());
    let io = std::error::Error::source(error).and_then(|e| e.downcast_ref::<std::io::Error>());
    let tls = std::error::Error::source(error)
        .and_then(|e| e.downcast_ref::<native_tls::Error>())
        .map(ToString::to_string);
    if let Some(tls) = tls {
        return format!(
            "cannot connect to PostgreSQL at {server} ({shown}): the TLS handshake failed: {tls}\nhelp: with sslmode=verify-ca or verify-full the server's certificate must chain to `sslrootcert` (or the system's roots), and with verify-full name the host the URL names"
        );
    }
    if error.to_string().contains("does not support TLS") || cause.contains("does not support TLS")
    {
        return format!(
            "cannot connect to PostgreSQL at {server} ({shown}): the server does not offer TLS, and the URL requires it\nhelp: turn on `ssl` on the server, or use `sslmode=prefer` where plain connections are acceptable"
        );
    }
    let timed_out = io.is_some_and(|e| e.kind() == std::io::ErrorKind::TimedOut)
        || error.to_string().contains("timeout")
        || cause.contains("timed out");
    if timed_out {
        return no_answer(config, url);
    }
    let (what, todo) = match io.map(std::io::Error::kind) {
        Some(std::io::ErrorKind::ConnectionRefused) => (
            "nothing accepts connections there (connection refused)".to_string(),
            "start the server, or fix the host and port in the URL",
        ),
        _ if cause.contains("lookup address") || cause.contains("Name or service not known") => (
            format!("the host name cannot be resolved ({cause})"),
            "fix the host name in the URL",
        ),
        _ => (cause, "check the URL and that the server is up"),
    };
    format!("cannot connect to PostgreSQL at {server} ({shown}): {what}\nhelp: {todo}")
}

/// The server's message alone (no severity, detail or hint), for one-line diagnostics.
pub fn short_message(error: &postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => db.message().to_string(),
        None => error.to_string(),
    }
}

/// PostgreSQL's own message (with detail and hint), not the driver's wrapper.
pub fn message(error: postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => {
            let mut message = format!("{}: {}", db.severity(), db.message());
            if let Some(detail) = db.detail() {
                message.push_str(&format!("\nDETAIL: {detail}"));
            }
            if let Some(hint) = db.hint() {
                message.push_str(&format!("\nHINT: {hint}"));
            }
            message
        }
        None => error.to_string(),
    }
}

/// The byte offset in `sql` that PostgreSQL's error points at, if it points (its position
/// counts characters from 1; one past the end means "at end of input").
pub fn error_offset(error: &postgres::Error, sql: &str) -> Option<usize> {
    match error.as_db_error()?.position()? {
        postgres::error::ErrorPosition::Original(chars) => {
            let index = (*chars as usize).checked_sub(1)?;
            crate::diagnostic::char_offset(sql, index)
        }
        postgres::error::ErrorPosition::Internal { .. } => None,
    }
}

/// Throw-away databases dbtool creates next to a user's (on the same server, with the same
/// credentials) to let the engine itself answer a question — "does this query prepare?", "what
/// schema do these migrations build?" — and drops afterwards.
/// A scratch database; dropped (`WITH (FORCE)`) when this value is.
pub struct ScratchDatabase {
    admin: postgres::Client,
    name: String,
    /// Its URL, with the credentials of the URL it was created from.
    pub url: String,
}

impl ScratchDatabase {
    /// Creates `dbtool_<purpose>_<random>` on the server of `url`. The name is random, so two
    /// machines sharing a server never pick the same one, and it is created with a plain
    /// `CREATE DATABASE`, so a database that exists already (someone else's) is never dropped:
    /// on a collision another name is tried.
    pub fn create(url: &str, purpose: &str) -> Result<ScratchDatabase, OpenError> {
        let shown = redact(url);
        let mut admin = connect_client(url)?;
        let mut attempt = 0;
        loop {
            let name = format!("dbtool_{purpose}_{:016x}", random_u64());
            match admin.batch_execute(&format!("CREATE DATABASE {name}")) {
                Ok(()) => {
                    return Ok(ScratchDatabase {
                        url: with_database(url, &name),
                        admin,
                        name,
                    })
                }
                Err(e) if is_duplicate_database(&e) && attempt < 3 => attempt += 1,
                Err(e) => {
                    return Err(OpenError::Unavailable(format!(
                        "cannot create the scratch database {name} on {shown}: {e}\nhelp: the user needs the CREATEDB privilege"
                    )))
                }
            }
        }
    }
}

fn is_duplicate_database(error: &postgres::Error) -> bool {
    error.code() == Some(&postgres::error::SqlState::DUPLICATE_DATABASE)
}

/// 64 random bits from the standard library's per-process random hash keys, the time and a
/// counter: enough to keep scratch names apart, with no random-number crate.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_usize(CALLS.fetch_add(1, Ordering::SeqCst));
    hasher.write_u32(std::process::id());
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    hasher.write_u128(now.as_nanos());
    hasher.finish()
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        let _ = self.admin.batch_execute(&drop);
    }
}
