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
