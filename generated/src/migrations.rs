//! The project's migrations, embedded, and a function per backend that applies the pending ones
//! at start-up.
//!
//! Written by `dbtool generate`; do not edit: change schema/ or queries/ and run it again.
//!
//! The record is refinery's `refinery_schema_history` table, written exactly as `dbtool migrate`
//! (and refinery) write it, so a database migrated by any of them is current for the others.
//! Each version runs in its own transaction; on SQLite, foreign keys are switched off before
//! the transaction begins and checked before it commits, so table rebuilds keep every row.
//! A PostgreSQL version whose script starts with `-- dbtool: no-transaction` runs its
//! statements one at a time outside a transaction, recording after each how many have run in
//! `dbtool_migration_progress`, so that the next start resumes where a stopped one stopped (as
//! `dbtool migrate` does; an invalid index a stopped build left is dropped and built again).

use std::fmt;

/// One version's up script.
#[derive(Debug)]
pub struct Migration {
    pub version: i32,
    pub name: &'static str,
    /// refinery's checksum of the script, as the history table records it.
    pub checksum: &'static str,
    pub sql: &'static str,
    /// For a version that runs outside a transaction, its statements, run one at a time; empty
    /// for every other version.
    pub alone: &'static [Statement],
}

/// A statement of a version that runs outside a transaction.
#[derive(Debug)]
pub struct Statement {
    pub sql: &'static str,
    /// The index a `CREATE INDEX CONCURRENTLY` builds: an invalid one that a stopped build left
    /// is dropped before the statement runs again.
    pub builds_index: Option<&'static str>,
}

/// Why migrating stopped. Versions before the failing one stay applied; the failing one left
/// nothing behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The version that failed, if the failure belongs to one.
    pub version: Option<i32>,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.version {
            Some(version) => write!(f, "migration {version}: {}", self.message),
            None => write!(f, "migrating: {}", self.message),
        }
    }
}

impl std::error::Error for Error {}

/// The postgres migrations, oldest first.
pub const POSTGRES: &[Migration] = &[
    Migration {
        version: 1,
        name: "chimera_data_pipeline",
        checksum: "13784196426153498984",
        sql: include_str!("../../migrations/postgres/V1__chimera_data_pipeline.sql"),
        alone: &[],
    },
    Migration {
        version: 2,
        name: "llm_analytics_hub",
        checksum: "2157278874434255972",
        sql: include_str!("../../migrations/postgres/V2__llm_analytics_hub.sql"),
        alone: &[],
    },
    Migration {
        version: 3,
        name: "james_llm",
        checksum: "2015687577132830159",
        sql: include_str!("../../migrations/postgres/V3__james_llm.sql"),
        alone: &[],
    },
    Migration {
        version: 4,
        name: "rag_chat_store",
        checksum: "6140447600610629235",
        sql: include_str!("../../migrations/postgres/V4__rag_chat_store.sql"),
        alone: &[],
    },
    Migration {
        version: 5,
        name: "chainlit_chat_store",
        checksum: "18268275841774599665",
        sql: include_str!("../../migrations/postgres/V5__chainlit_chat_store.sql"),
        alone: &[],
    },
    Migration {
        version: 6,
        name: "add_conversation_summary",
        checksum: "17422918180155729109",
        sql: include_str!("../../migrations/postgres/V6__add_conversation_summary.sql"),
        alone: &[],
    },
    Migration {
        version: 7,
        name: "rename_corpus_source_url",
        checksum: "5212999847998983460",
        sql: include_str!("../../migrations/postgres/V7__rename_corpus_source_url.sql"),
        alone: &[],
    },
    Migration {
        version: 8,
        name: "index_steps_thread_created",
        checksum: "12217523076112391511",
        sql: include_str!("../../migrations/postgres/V8__index_steps_thread_created.sql"),
        alone: &[],
    },
    Migration {
        version: 9,
        name: "widen_conversation_message_count",
        checksum: "7516489934001007703",
        sql: include_str!("../../migrations/postgres/V9__widen_conversation_message_count.sql"),
        alone: &[],
    },
    Migration {
        version: 10,
        name: "cagg_buckets_with_milliseconds",
        checksum: "2367361097487189070",
        sql: include_str!("../../migrations/postgres/V10__cagg_buckets_with_milliseconds.sql"),
        alone: &[],
    },
    Migration {
        version: 11,
        name: "json_checks_accept_null",
        checksum: "13481507838053443914",
        sql: include_str!("../../migrations/postgres/V11__json_checks_accept_null.sql"),
        alone: &[],
    },
    Migration {
        version: 12,
        name: "index_elements_for_id",
        checksum: "13132990666583845829",
        sql: include_str!("../../migrations/postgres/V12__index_elements_for_id.sql"),
        alone: &[Statement {
            sql: "CREATE INDEX CONCURRENTLY idx_elements_for_id ON elements (\"forId\")",
            builds_index: Some("idx_elements_for_id"),
        }],
    },
];

/// The timescaledb migrations, oldest first.
pub const TIMESCALEDB: &[Migration] = &[
    Migration {
        version: 1,
        name: "chimera_data_pipeline",
        checksum: "8864153311138445475",
        sql: include_str!("../../migrations/timescaledb/V1__chimera_data_pipeline.sql"),
        alone: &[],
    },
    Migration {
        version: 2,
        name: "llm_analytics_hub",
        checksum: "5575028850373043286",
        sql: include_str!("../../migrations/timescaledb/V2__llm_analytics_hub.sql"),
        alone: &[],
    },
    Migration {
        version: 3,
        name: "james_llm",
        checksum: "9301954159749626556",
        sql: include_str!("../../migrations/timescaledb/V3__james_llm.sql"),
        alone: &[],
    },
    Migration {
        version: 4,
        name: "rag_chat_store",
        checksum: "17091894817568827838",
        sql: include_str!("../../migrations/timescaledb/V4__rag_chat_store.sql"),
        alone: &[],
    },
    Migration {
        version: 5,
        name: "chainlit_chat_store",
        checksum: "9409487949698216978",
        sql: include_str!("../../migrations/timescaledb/V5__chainlit_chat_store.sql"),
        alone: &[],
    },
    Migration {
        version: 6,
        name: "add_conversation_summary",
        checksum: "12733146534121368147",
        sql: include_str!("../../migrations/timescaledb/V6__add_conversation_summary.sql"),
        alone: &[],
    },
    Migration {
        version: 7,
        name: "rename_corpus_source_url",
        checksum: "10705188569243187721",
        sql: include_str!("../../migrations/timescaledb/V7__rename_corpus_source_url.sql"),
        alone: &[],
    },
    Migration {
        version: 8,
        name: "index_steps_thread_created",
        checksum: "9201906217043791807",
        sql: include_str!("../../migrations/timescaledb/V8__index_steps_thread_created.sql"),
        alone: &[],
    },
    Migration {
        version: 9,
        name: "widen_conversation_message_count",
        checksum: "13111469517851199637",
        sql: include_str!("../../migrations/timescaledb/V9__widen_conversation_message_count.sql"),
        alone: &[],
    },
    Migration {
        version: 10,
        name: "cagg_buckets_with_milliseconds",
        checksum: "15513721201352260102",
        sql: include_str!("../../migrations/timescaledb/V10__cagg_buckets_with_milliseconds.sql"),
        alone: &[],
    },
    Migration {
        version: 11,
        name: "json_checks_accept_null",
        checksum: "14007550211338579104",
        sql: include_str!("../../migrations/timescaledb/V11__json_checks_accept_null.sql"),
        alone: &[],
    },
    Migration {
        version: 12,
        name: "index_elements_for_id",
        checksum: "9400708221724049189",
        sql: include_str!("../../migrations/timescaledb/V12__index_elements_for_id.sql"),
        alone: &[Statement {
            sql: "CREATE INDEX CONCURRENTLY idx_elements_for_id ON elements (\"forId\")",
            builds_index: Some("idx_elements_for_id"),
        }],
    },
];

/// The sqlite migrations, oldest first.
pub const SQLITE: &[Migration] = &[
    Migration {
        version: 1,
        name: "chimera_data_pipeline",
        checksum: "17483577714733474807",
        sql: include_str!("../../migrations/sqlite/V1__chimera_data_pipeline.sql"),
        alone: &[],
    },
    Migration {
        version: 2,
        name: "llm_analytics_hub",
        checksum: "9180746310738614596",
        sql: include_str!("../../migrations/sqlite/V2__llm_analytics_hub.sql"),
        alone: &[],
    },
    Migration {
        version: 3,
        name: "james_llm",
        checksum: "1970783872998334332",
        sql: include_str!("../../migrations/sqlite/V3__james_llm.sql"),
        alone: &[],
    },
    Migration {
        version: 4,
        name: "rag_chat_store",
        checksum: "9223071491495012094",
        sql: include_str!("../../migrations/sqlite/V4__rag_chat_store.sql"),
        alone: &[],
    },
    Migration {
        version: 5,
        name: "chainlit_chat_store",
        checksum: "3497110963291810101",
        sql: include_str!("../../migrations/sqlite/V5__chainlit_chat_store.sql"),
        alone: &[],
    },
    Migration {
        version: 6,
        name: "add_conversation_summary",
        checksum: "3416636053717554761",
        sql: include_str!("../../migrations/sqlite/V6__add_conversation_summary.sql"),
        alone: &[],
    },
    Migration {
        version: 7,
        name: "rename_corpus_source_url",
        checksum: "14541898135484492562",
        sql: include_str!("../../migrations/sqlite/V7__rename_corpus_source_url.sql"),
        alone: &[],
    },
    Migration {
        version: 8,
        name: "index_steps_thread_created",
        checksum: "7882331078017779540",
        sql: include_str!("../../migrations/sqlite/V8__index_steps_thread_created.sql"),
        alone: &[],
    },
    Migration {
        version: 9,
        name: "widen_conversation_message_count",
        checksum: "17817867888670393266",
        sql: include_str!("../../migrations/sqlite/V9__widen_conversation_message_count.sql"),
        alone: &[],
    },
    Migration {
        version: 10,
        name: "cagg_buckets_with_milliseconds",
        checksum: "1316957781657263349",
        sql: include_str!("../../migrations/sqlite/V10__cagg_buckets_with_milliseconds.sql"),
        alone: &[],
    },
    Migration {
        version: 11,
        name: "json_checks_accept_null",
        checksum: "3395897594731053405",
        sql: include_str!("../../migrations/sqlite/V11__json_checks_accept_null.sql"),
        alone: &[],
    },
    Migration {
        version: 12,
        name: "index_elements_for_id",
        checksum: "17690880121583804413",
        sql: include_str!("../../migrations/sqlite/V12__index_elements_for_id.sql"),
        alone: &[],
    },
];

// The migration protocol that `dbtool migrate` and the generated crate's embedded migrator
// share, written once: this file is compiled into dbtool (`engine::protocol`) and copied into
// every generated `migrations.rs`. Its SQL is the record both keep (refinery's history table,
// the progress of versions that run outside a transaction, the advisory lock), its functions
// the rules both follow before anything runs.

/// refinery's history table, as refinery creates it.
#[allow(dead_code)]
pub(crate) const CREATE_HISTORY: &str = "CREATE TABLE IF NOT EXISTS refinery_schema_history (version int4 PRIMARY KEY, name VARCHAR(255), applied_on VARCHAR(255), checksum VARCHAR(255))";

/// Every applied version: version, name, applied_on, checksum (text columns `''` for NULL).
#[allow(dead_code)]
pub(crate) const READ_HISTORY: &str = "SELECT version, coalesce(name, ''), coalesce(applied_on, ''), coalesce(checksum, '') FROM refinery_schema_history ORDER BY version";

/// The latest applied version, 0 for none.
#[allow(dead_code)]
pub(crate) const LAST_APPLIED: &str =
    "SELECT coalesce(max(version), 0) FROM refinery_schema_history";

/// Records a version: version, name, applied_on (RFC 3339), refinery's checksum. SQLite reads
/// `$1`…`$4` as parameters in order too.
#[allow(dead_code)]
pub(crate) const INSERT_HISTORY: &str = "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES ($1, $2, $3, $4)";

/// Key of the PostgreSQL advisory lock that serialises migrators ("dbtool" in ASCII).
#[allow(dead_code)]
pub(crate) const LOCK_KEY: i64 = 0x0000_6462_746f_6f6c;

/// How far each version that runs outside a transaction got (PostgreSQL).
#[allow(dead_code)]
pub(crate) const CREATE_PROGRESS: &str = "CREATE TABLE IF NOT EXISTS dbtool_migration_progress (version int4 PRIMARY KEY, direction varchar(4) NOT NULL, checksum varchar(255) NOT NULL, done int4 NOT NULL)";

/// version, direction (`up` or `down`), checksum, statements done.
#[allow(dead_code)]
pub(crate) const READ_PROGRESS: &str =
    "SELECT version, direction, checksum, done FROM dbtool_migration_progress ORDER BY version";

/// Records the progress: version, direction, checksum, statements done.
#[allow(dead_code)]
pub(crate) const SAVE_PROGRESS: &str = "INSERT INTO dbtool_migration_progress (version, direction, checksum, done) VALUES ($1, $2, $3, $4) ON CONFLICT (version) DO UPDATE SET direction = excluded.direction, checksum = excluded.checksum, done = excluded.done";

/// Forgets a finished version's progress: version.
#[allow(dead_code)]
pub(crate) const CLEAR_PROGRESS: &str = "DELETE FROM dbtool_migration_progress WHERE version = $1";

/// Whether the progress table exists.
#[allow(dead_code)]
pub(crate) const PROGRESS_EXISTS: &str =
    "SELECT to_regclass('dbtool_migration_progress') IS NOT NULL";

/// Whether the index named `$1` (as SQL writes it) is valid; no row when there is none.
#[allow(dead_code)]
pub(crate) const INDEX_STATE: &str =
    "SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass($1)";

/// Why a database's history does not describe the program's versions; nothing runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)]
pub(crate) enum HistoryProblem {
    /// The database has this version; the program does not.
    Unknown { version: i32 },
    /// The version was applied under another name.
    Renamed { version: i32 },
    /// The version's script changed after it was applied (refinery's checksum differs).
    Changed { version: i32 },
    /// The version is older than the latest applied one but was never applied.
    Skipped { version: i32, latest: i32 },
}

/// Checks the (version, name, checksum) rows of the history against the program's versions
/// (the same triples, oldest first); returns the latest applied version: the versions after it
/// are pending.
#[allow(dead_code)]
pub(crate) fn check_history(
    known: &[(i32, &str, &str)],
    applied: &[(i32, &str, &str)],
) -> Result<i32, HistoryProblem> {
    for (version, name, checksum) in applied {
        let version = *version;
        match known.iter().find(|(v, _, _)| *v == version) {
            None => return Err(HistoryProblem::Unknown { version }),
            Some((_, known_name, _)) if known_name != name => {
                return Err(HistoryProblem::Renamed { version })
            }
            Some((_, _, known_checksum)) if known_checksum != checksum => {
                return Err(HistoryProblem::Changed { version })
            }
            Some(_) => {}
        }
    }
    let latest = applied.iter().map(|(v, _, _)| *v).max().unwrap_or(0);
    match known
        .iter()
        .find(|(v, _, _)| *v < latest && !applied.iter().any(|(a, _, _)| a == v))
    {
        Some((version, _, _)) => Err(HistoryProblem::Skipped {
            version: *version,
            latest,
        }),
        None => Ok(latest),
    }
}

/// Why a version that runs outside a transaction cannot go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)]
pub(crate) enum ResumeProblem {
    /// This version stopped part-way while being rolled back: finish the rollback first.
    RollbackStopped { version: i32, done: i32 },
    /// The version stopped part-way while running a script with another checksum.
    DifferentScript { version: i32 },
}

/// Where to start `version` (run in `direction`, with `checksum`), from the (version,
/// direction, checksum, statements done) rows of the progress table: `Some(done)` to resume,
/// `None` to start. Migrating refuses while any rollback stopped part-way.
#[allow(dead_code)]
pub(crate) fn resume_at(
    stopped: &[(i32, &str, &str, i32)],
    version: i32,
    direction: &str,
    checksum: &str,
) -> Result<Option<i32>, ResumeProblem> {
    if direction == "up" {
        if let Some((v, _, _, done)) = stopped.iter().find(|(_, d, _, _)| *d == "down") {
            return Err(ResumeProblem::RollbackStopped {
                version: *v,
                done: *done,
            });
        }
    }
    match stopped
        .iter()
        .find(|(v, d, _, _)| *v == version && *d == direction)
    {
        None => Ok(None),
        Some((_, _, stopped_checksum, _)) if *stopped_checksum != checksum => {
            Err(ResumeProblem::DifferentScript { version })
        }
        Some((_, _, _, done)) => Ok(Some(*done)),
    }
}

/// Before a concurrent index build: whether the index (`valid`: `None` when there is none) is
/// already built where a stopped run stopped, so its statement had finished. An invalid one is
/// dropped by the caller and built again.
#[allow(dead_code)]
pub(crate) fn index_already_built(valid: Option<bool>, resuming_here: bool) -> bool {
    valid == Some(true) && resuming_here
}

fn error(version: Option<i32>, message: impl fmt::Display) -> Error {
    Error {
        version,
        message: message.to_string(),
    }
}

/// The versions of `migrations` still to apply, given the (version, name, checksum) rows of the
/// history, by the rules `dbtool migrate` follows ([`check_history`]): a version the history
/// has that this build does not, one whose name or script changed, or one older than the latest
/// applied version but never applied itself, stops everything.
#[allow(dead_code)]
fn pending<'m>(
    migrations: &'m [Migration],
    applied: &[(i32, String, String)],
) -> Result<Vec<&'m Migration>, Error> {
    let known: Vec<(i32, &str, &str)> = migrations
        .iter()
        .map(|m| (m.version, m.name, m.checksum))
        .collect();
    let applied: Vec<(i32, &str, &str)> = applied
        .iter()
        .map(|(v, n, c)| (*v, n.as_str(), c.as_str()))
        .collect();
    let latest = check_history(&known, &applied).map_err(|problem| match problem {
        HistoryProblem::Unknown { version } => error(
            Some(version),
            "is applied, but this build does not have it: the database is newer than the program",
        ),
        HistoryProblem::Renamed { version } => {
            let applied_as = applied.iter().find(|(v, _, _)| *v == version);
            let named = known.iter().find(|(v, _, _)| *v == version);
            error(
                Some(version),
                format!(
                    "is applied as {}, but this build names it {}",
                    applied_as.map_or("", |(_, name, _)| name),
                    named.map_or("", |(_, name, _)| name)
                ),
            )
        }
        HistoryProblem::Changed { version } => {
            let named = known.iter().find(|(v, _, _)| *v == version);
            error(
                Some(version),
                format!(
                    "{} changed after it was applied",
                    named.map_or("", |(_, name, _)| name)
                ),
            )
        }
        HistoryProblem::Skipped { version, latest } => error(
            Some(version),
            format!("is older than the latest applied version {latest} but was never applied; give it a number after {latest}"),
        ),
    })?;
    Ok(migrations.iter().filter(|m| m.version > latest).collect())
}

/// Where to start `migration` ([`resume_at`]), given the (version, direction, checksum,
/// statements done) rows of the progress table.
#[allow(dead_code)]
fn resume_point(
    migration: &Migration,
    stopped: &[(i32, String, String, i32)],
) -> Result<Option<usize>, Error> {
    let stopped: Vec<(i32, &str, &str, i32)> = stopped
        .iter()
        .map(|(v, d, c, n)| (*v, d.as_str(), c.as_str(), *n))
        .collect();
    match resume_at(&stopped, migration.version, "up", migration.checksum) {
        Ok(done) => Ok(done.map(|n| usize::try_from(n).unwrap_or(0))),
        Err(ResumeProblem::RollbackStopped { version, .. }) => Err(error(
            Some(version),
            "stopped part-way while being rolled back: run `dbtool rollback --steps 1` to finish undoing it",
        )),
        Err(ResumeProblem::DifferentScript { version }) => Err(error(
            Some(version),
            "stopped part-way while running a different script; restore the script it ran",
        )),
    }
}

/// Now, in RFC 3339 (UTC, nanoseconds), as `dbtool migrate` and refinery write `applied_on`.
/// Computed here so that migrating needs no date crate.
#[allow(dead_code)]
fn now() -> String {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let seconds = since.as_secs() as i64;
    let (days, time) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // The civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:09}Z",
        time / 3_600,
        time % 3_600 / 60,
        time % 60,
        since.subsec_nanos()
    )
}

/// Applies the pending SQLite migrations; returns the versions applied.
#[cfg(feature = "rusqlite")]
pub fn migrate_sqlite(conn: &rusqlite::Connection) -> Result<Vec<i32>, Error> {
    let fail = |e: rusqlite::Error| error(None, e);
    conn.execute_batch(CREATE_HISTORY).map_err(fail)?;
    let foreign_keys: bool = conn
        .query_row("PRAGMA foreign_keys", [], |row| row.get(0))
        .map_err(fail)?;
    let restore = if foreign_keys {
        "PRAGMA foreign_keys = ON"
    } else {
        "PRAGMA foreign_keys = OFF"
    };
    let mut applied = Vec::new();
    loop {
        // An immediate transaction is SQLite's lock: concurrent migrators take turns.
        conn.execute_batch("PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE")
            .map_err(fail)?;
        let step = sqlite_step(conn);
        let outcome = match step {
            Ok(version) => conn.execute_batch("COMMIT").map(|()| version).map_err(fail),
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                Err(e)
            }
        };
        let _ = conn.execute_batch(restore);
        match outcome? {
            Some(version) => applied.push(version),
            None => return Ok(applied),
        }
    }
}

/// Inside the transaction: applies the next pending version, if there is one.
#[cfg(feature = "rusqlite")]
fn sqlite_step(conn: &rusqlite::Connection) -> Result<Option<i32>, Error> {
    let fail = |e: rusqlite::Error| error(None, e);
    let mut statement = conn.prepare(READ_HISTORY).map_err(fail)?;
    let applied = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(3)?)))
        .map_err(fail)?
        .collect::<Result<Vec<(i32, String, String)>, _>>()
        .map_err(fail)?;
    let Some(next) = pending(SQLITE, &applied)?.first().copied() else {
        return Ok(None);
    };
    let failed = |e: rusqlite::Error| error(Some(next.version), e);
    conn.execute_batch(next.sql).map_err(failed)?;
    let broken: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })
        .map_err(failed)?;
    if broken > 0 {
        return Err(error(
            Some(next.version),
            format!("{broken} row(s) would point at nothing through a foreign key"),
        ));
    }
    conn.execute(
        INSERT_HISTORY,
        rusqlite::params![next.version, next.name, now(), next.checksum],
    )
    .map_err(failed)?;
    Ok(Some(next.version))
}

/// The migrations the PostgreSQL backends apply: TimescaleDB's with the `timescaledb` feature.
#[allow(dead_code)]
fn postgres_migrations() -> &'static [Migration] {
    if cfg!(feature = "timescaledb") {
        TIMESCALEDB
    } else {
        POSTGRES
    }
}

/// Applies the pending PostgreSQL migrations under an advisory lock; returns the versions
/// applied.
#[cfg(feature = "postgres")]
pub fn migrate_postgres(client: &mut postgres::Client) -> Result<Vec<i32>, Error> {
    let fail = |e: postgres::Error| error(None, e);
    client
        .execute("SELECT pg_advisory_lock($1)", &[&LOCK_KEY])
        .map_err(fail)?;
    let result = postgres_run(client);
    let _ = client.execute("SELECT pg_advisory_unlock($1)", &[&LOCK_KEY]);
    result
}

#[cfg(feature = "postgres")]
fn postgres_run(client: &mut postgres::Client) -> Result<Vec<i32>, Error> {
    let fail = |e: postgres::Error| error(None, e);
    client.batch_execute(CREATE_HISTORY).map_err(fail)?;
    let applied: Vec<(i32, String, String)> = client
        .query(READ_HISTORY, &[])
        .map_err(fail)?
        .iter()
        .map(|row| (row.get(0), row.get(1), row.get(3)))
        .collect();
    let stopped: Vec<(i32, String, String, i32)> = postgres_progress(client)?;
    let mut done = Vec::new();
    for next in pending(postgres_migrations(), &applied)? {
        let resume = resume_point(next, &stopped)?;
        if !next.alone.is_empty() {
            postgres_alone(client, next, resume)?;
            done.push(next.version);
            continue;
        }
        let failed = |e: postgres::Error| error(Some(next.version), e);
        let mut transaction = client.transaction().map_err(failed)?;
        transaction.batch_execute(next.sql).map_err(failed)?;
        transaction
            .execute(
                INSERT_HISTORY,
                &[&next.version, &next.name, &now(), &next.checksum],
            )
            .map_err(failed)?;
        transaction.commit().map_err(failed)?;
        done.push(next.version);
    }
    Ok(done)
}

/// The rows of `dbtool_migration_progress`, none when the table does not exist.
#[cfg(feature = "postgres")]
fn postgres_progress(
    client: &mut postgres::Client,
) -> Result<Vec<(i32, String, String, i32)>, Error> {
    let fail = |e: postgres::Error| error(None, e);
    let exists: bool = client.query_one(PROGRESS_EXISTS, &[]).map_err(fail)?.get(0);
    if !exists {
        return Ok(Vec::new());
    }
    Ok(client
        .query(READ_PROGRESS, &[])
        .map_err(fail)?
        .iter()
        .map(|row| (row.get(0), row.get(1), row.get(2), row.get(3)))
        .collect())
}

/// Runs a version outside a transaction, one statement at a time from `resume` (where a
/// stopped run stopped), recording after each how many have run.
#[cfg(feature = "postgres")]
fn postgres_alone(
    client: &mut postgres::Client,
    migration: &Migration,
    resume: Option<usize>,
) -> Result<(), Error> {
    let failed = |e: postgres::Error| error(Some(migration.version), e);
    client.batch_execute(CREATE_PROGRESS).map_err(failed)?;
    let save = |client: &mut postgres::Client, done: usize| {
        let done = i32::try_from(done).unwrap_or(i32::MAX);
        client
            .execute(
                SAVE_PROGRESS,
                &[&migration.version, &"up", &migration.checksum, &done],
            )
            .map(|_| ())
            .map_err(failed)
    };
    let start = match resume {
        Some(done) => done,
        None => {
            save(client, 0)?;
            0
        }
    };
    for (number, statement) in migration.alone.iter().enumerate().skip(start) {
        if let Some(index) = statement.builds_index {
            let valid: Option<bool> = client
                .query_opt(INDEX_STATE, &[&index])
                .map_err(failed)?
                .map(|row| row.get(0));
            if index_already_built(valid, resume.is_some() && number == start) {
                save(client, number + 1)?;
                continue;
            }
            if valid == Some(false) {
                let drop = format!("DROP INDEX CONCURRENTLY IF EXISTS {index}");
                client.batch_execute(&drop).map_err(failed)?;
            }
        }
        client.batch_execute(statement.sql).map_err(|e| {
            let total = migration.alone.len();
            error(
                Some(migration.version),
                format!("statement {} of {total} (the ones before it are kept; the next start resumes here): {e}", number + 1),
            )
        })?;
        save(client, number + 1)?;
    }
    let mut transaction = client.transaction().map_err(failed)?;
    transaction
        .execute(
            INSERT_HISTORY,
            &[
                &migration.version,
                &migration.name,
                &now(),
                &migration.checksum,
            ],
        )
        .map_err(failed)?;
    transaction
        .execute(CLEAR_PROGRESS, &[&migration.version])
        .map_err(failed)?;
    transaction.commit().map_err(failed)
}

/// Applies the pending PostgreSQL migrations under an advisory lock; returns the versions
/// applied.
#[cfg(feature = "tokio-postgres")]
pub async fn migrate_postgres_async(
    client: &mut tokio_postgres::Client,
) -> Result<Vec<i32>, Error> {
    let fail = |e: tokio_postgres::Error| error(None, e);
    client
        .execute("SELECT pg_advisory_lock($1)", &[&LOCK_KEY])
        .await
        .map_err(fail)?;
    let result = postgres_run_async(client).await;
    let _ = client
        .execute("SELECT pg_advisory_unlock($1)", &[&LOCK_KEY])
        .await;
    result
}

#[cfg(feature = "tokio-postgres")]
async fn postgres_run_async(client: &mut tokio_postgres::Client) -> Result<Vec<i32>, Error> {
    let fail = |e: tokio_postgres::Error| error(None, e);
    client.batch_execute(CREATE_HISTORY).await.map_err(fail)?;
    let applied: Vec<(i32, String, String)> = client
        .query(READ_HISTORY, &[])
        .await
        .map_err(fail)?
        .iter()
        .map(|row| (row.get(0), row.get(1), row.get(3)))
        .collect();
    let stopped: Vec<(i32, String, String, i32)> = postgres_progress_async(client).await?;
    let mut done = Vec::new();
    for next in pending(postgres_migrations(), &applied)? {
        let resume = resume_point(next, &stopped)?;
        if !next.alone.is_empty() {
            postgres_alone_async(client, next, resume).await?;
            done.push(next.version);
            continue;
        }
        let failed = |e: tokio_postgres::Error| error(Some(next.version), e);
        let transaction = client.transaction().await.map_err(failed)?;
        transaction.batch_execute(next.sql).await.map_err(failed)?;
        transaction
            .execute(
                INSERT_HISTORY,
                &[&next.version, &next.name, &now(), &next.checksum],
            )
            .await
            .map_err(failed)?;
        transaction.commit().await.map_err(failed)?;
        done.push(next.version);
    }
    Ok(done)
}

/// The rows of `dbtool_migration_progress`, none when the table does not exist.
#[cfg(feature = "tokio-postgres")]
async fn postgres_progress_async(
    client: &mut tokio_postgres::Client,
) -> Result<Vec<(i32, String, String, i32)>, Error> {
    let fail = |e: tokio_postgres::Error| error(None, e);
    let exists: bool = client
        .query_one(PROGRESS_EXISTS, &[])
        .await
        .map_err(fail)?
        .get(0);
    if !exists {
        return Ok(Vec::new());
    }
    Ok(client
        .query(READ_PROGRESS, &[])
        .await
        .map_err(fail)?
        .iter()
        .map(|row| (row.get(0), row.get(1), row.get(2), row.get(3)))
        .collect())
}

/// Runs a version outside a transaction, one statement at a time from `resume` (where a
/// stopped run stopped), recording after each how many have run.
#[cfg(feature = "tokio-postgres")]
async fn postgres_alone_async(
    client: &mut tokio_postgres::Client,
    migration: &Migration,
    resume: Option<usize>,
) -> Result<(), Error> {
    let failed = |e: tokio_postgres::Error| error(Some(migration.version), e);
    client
        .batch_execute(CREATE_PROGRESS)
        .await
        .map_err(failed)?;
    let start = match resume {
        Some(done) => done,
        None => {
            save_progress_async(client, migration, 0).await?;
            0
        }
    };
    for (number, statement) in migration.alone.iter().enumerate().skip(start) {
        if let Some(index) = statement.builds_index {
            let valid: Option<bool> = client
                .query_opt(INDEX_STATE, &[&index])
                .await
                .map_err(failed)?
                .map(|row| row.get(0));
            if index_already_built(valid, resume.is_some() && number == start) {
                save_progress_async(client, migration, number + 1).await?;
                continue;
            }
            if valid == Some(false) {
                let drop = format!("DROP INDEX CONCURRENTLY IF EXISTS {index}");
                client.batch_execute(&drop).await.map_err(failed)?;
            }
        }
        client.batch_execute(statement.sql).await.map_err(|e| {
            let total = migration.alone.len();
            error(
                Some(migration.version),
                format!("statement {} of {total} (the ones before it are kept; the next start resumes here): {e}", number + 1),
            )
        })?;
        save_progress_async(client, migration, number + 1).await?;
    }
    let transaction = client.transaction().await.map_err(failed)?;
    transaction
        .execute(
            INSERT_HISTORY,
            &[
                &migration.version,
                &migration.name,
                &now(),
                &migration.checksum,
            ],
        )
        .await
        .map_err(failed)?;
    transaction
        .execute(CLEAR_PROGRESS, &[&migration.version])
        .await
        .map_err(failed)?;
    transaction.commit().await.map_err(failed)
}

#[cfg(feature = "tokio-postgres")]
async fn save_progress_async(
    client: &mut tokio_postgres::Client,
    migration: &Migration,
    done: usize,
) -> Result<(), Error> {
    let done = i32::try_from(done).unwrap_or(i32::MAX);
    client
        .execute(
            SAVE_PROGRESS,
            &[&migration.version, &"up", &migration.checksum, &done],
        )
        .await
        .map(|_| ())
        .map_err(|e| error(Some(migration.version), e))
}
