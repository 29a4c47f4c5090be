//! Applying and undoing versions, with refinery's history table as the record.
//!
//! dbtool writes `refinery_schema_history` exactly as refinery does (same table, same
//! checksum, same RFC 3339 `applied_on`), so a database migrated by one is current for the
//! other. It runs the scripts itself because refinery's runner has no lock, no rollback, cannot
//! switch SQLite's foreign keys off outside its transaction, and cannot say which statement
//! failed (see ARCHITECTURE.md). What differs between engines is asked of the engine layer
//! ([`crate::engine::Connection`]).

use std::collections::{HashMap, HashSet};

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::files::Script;
use super::split::split_statements;
use super::MigrateError;
use crate::diagnostic::{line_column, Diagnostic};
pub use crate::engine::Applied;
use crate::engine::{redact, Connection};

/// Applied and pending versions.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Status {
    pub applied: Vec<Applied>,
    pub pending: Vec<PendingVersion>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct PendingVersion {
    pub version: i32,
    pub name: String,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct MigrateOptions {
    pub target: Option<i32>,
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy)]
pub enum RollbackTarget {
    Steps(usize),
    To(i32),
    All,
}

/// What a migrate or rollback did (or, with `--dry-run`, would do).
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// (version, name) in the order they ran.
    pub versions: Vec<(i32, String)>,
    /// Rollback: the data-losing steps of the down scripts, with the rows at stake.
    pub losses: Vec<DataLoss>,
}

/// A data-losing step of a version's down script, and the rows it affects when they could be
/// counted (`None`: unknown; the step then needs `--allow-destructive` whatever it holds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataLoss {
    pub version: i32,
    pub message: String,
    pub rows: Option<i64>,
    /// Whether the step is about rows at all (`false` for a dropped type).
    pub holds_rows: bool,
}

impl DataLoss {
    /// Whether running the step loses data that exists (or might).
    pub fn loses_data(&self) -> bool {
        self.holds_rows && self.rows != Some(0)
    }

    pub fn describe(&self) -> String {
        let rows = match (self.holds_rows, self.rows) {
            (false, _) => String::new(),
            (true, Some(1)) => " (1 row)".to_string(),
            (true, Some(n)) => format!(" ({n} rows)"),
            (true, None) => " (rows: unknown)".to_string(),
        };
        format!("version {}: {}{rows}", self.version, self.message)
    }
}

/// How `rollback` runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct RollbackOptions {
    /// List what would be undone and what it would lose; change nothing.
    pub dry_run: bool,
    /// Run down scripts that lose data which exists (or might).
    pub allow_destructive: bool,
}

/// An open database, and the redacted URL it was opened with (for messages).
pub struct Database {
    connection: Box<dyn Connection>,
    shown_url: String,
    lock_wait: Option<std::time::Duration>,
    on_lock_wait: Box<dyn FnMut(&str)>,
}

fn database_error(context: &str, error: impl std::fmt::Display) -> MigrateError {
    MigrateError::Database {
        message: format!("{context}: {error}"),
    }
}

impl Database {
    /// Opens the database at `url`, creating an SQLite file that does not exist yet (what
    /// `migrate` needs).
    pub fn open(url: &str) -> Result<Database, MigrateError> {
        Database::connect(url, true)
    }

    /// Opens a database that must exist already: a mistyped SQLite path is an error, not a new
    /// empty database reported as fine (`status`, `rollback`, `drift`).
    pub fn open_existing(url: &str) -> Result<Database, MigrateError> {
        Database::connect(url, false)
    }

    /// Whether the SQLite file of `url` is missing (`false` for every other URL).
    pub fn is_missing_file(url: &str) -> Result<bool, MigrateError> {
        Ok(crate::engine::is_missing_file(url)?)
    }

    fn connect(url: &str, create: bool) -> Result<Database, MigrateError> {
        Ok(Database {
            connection: crate::engine::open(url, create)?,
            shown_url: redact(url),
            lock_wait: None,
            on_lock_wait: Box::new(|_| {}),
        })
    }

    pub fn shown_url(&self) -> &str {
        &self.shown_url
    }

    fn lock(&mut self) -> Result<(), MigrateError> {
        let notice = &mut self.on_lock_wait;
        self.connection
            .lock(self.lock_wait, notice.as_mut())
            .map_err(|e| database_error("cannot take the migration lock", e))
    }

    /// How long to wait for another migrator's lock (default: as long as it takes), and what
    /// to tell the user when it has to wait.
    pub fn set_lock_wait(
        &mut self,
        wait: Option<std::time::Duration>,
        notice: Box<dyn FnMut(&str)>,
    ) {
        self.lock_wait = wait;
        self.on_lock_wait = notice;
    }

    /// `lock_timeout` and `statement_timeout` for the statements of the run (see
    /// [`Connection::set_timeouts`]).
    pub fn set_timeouts(
        &mut self,
        lock: Option<&str>,
        statement: Option<&str>,
    ) -> Result<(), MigrateError> {
        self.connection
            .set_timeouts(lock, statement)
            .map_err(MigrateError::Invalid)
    }

    fn unlock(&mut self) {
        self.connection.unlock();
    }

    /// Starts the transaction one version runs in.
    fn begin(&mut self) -> Result<(), MigrateError> {
        self.connection
            .begin_version()
            .map_err(|e| database_error("cannot start a transaction", e))
    }

    fn commit(&mut self) -> Result<(), MigrateError> {
        self.connection
            .commit()
            .map_err(|e| database_error("cannot commit", e))
    }

    fn abort(&mut self) {
        self.connection.abort();
    }

    fn ensure_history(&mut self) -> Result<(), MigrateError> {
        self.connection
            .ensure_history()
            .map_err(|e| database_error("cannot create refinery_schema_history", e))
    }

    fn read_history(&mut self) -> Result<Vec<Applied>, MigrateError> {
        self.connection
            .read_history()
            .map_err(|e| database_error("cannot read refinery_schema_history", e))
    }

    fn last_applied(&mut self) -> Result<i32, MigrateError> {
        self.connection
            .last_applied()
            .map_err(|e| database_error("cannot read refinery_schema_history", e))
    }

    fn history_exists(&mut self) -> Result<bool, MigrateError> {
        self.connection
            .history_exists()
            .map_err(|e| database_error("cannot inspect the database", e))
    }

    /// Applied versions (none when the history table does not exist yet) and pending ones.
    pub fn status(&mut self, scripts: &[Script]) -> Result<Status, MigrateError> {
        let applied = if self.history_exists()? {
            self.read_history()?
        } else {
            Vec::new()
        };
        verify_history(&applied, scripts)?;
        let last = applied.iter().map(|a| a.version).max().unwrap_or(0);
        let pending = scripts
            .iter()
            .filter(|s| s.version > last)
            .map(|s| PendingVersion {
                version: s.version,
                name: s.name.clone(),
            })
            .collect();
        Ok(Status { applied, pending })
    }

    /// Applies pending versions up to `options.target`, each in its own transaction.
    pub fn migrate(
        &mut self,
        scripts: &[Script],
        options: MigrateOptions,
        mut progress: impl FnMut(&Script),
    ) -> Result<Outcome, MigrateError> {
        check_target(scripts, options.target)?;
        self.lock()?;
        let result = self.migrate_locked(scripts, options, &mut progress);
        self.unlock();
        result
    }

    fn migrate_locked(
        &mut self,
        scripts: &[Script],
        options: MigrateOptions,
        progress: &mut impl FnMut(&Script),
    ) -> Result<Outcome, MigrateError> {
        // Read and verify the history once: 1,000 applied versions must not cost 1,000 reads.
        let pending: HashSet<i32> = self
            .status(scripts)?
            .pending
            .iter()
            .map(|p| p.version)
            .collect();
        let within_target = |script: &&Script| options.target.is_none_or(|t| script.version <= t);
        let chosen: Vec<&Script> = scripts
            .iter()
            .filter(|s| pending.contains(&s.version))
            .filter(within_target)
            .collect();
        if options.dry_run {
            let versions = chosen.iter().map(|s| (s.version, s.name.clone())).collect();
            return Ok(Outcome {
                versions,
                losses: Vec::new(),
            });
        }
        for script in &chosen {
            refuse_unsafe_statements(&script.up_path, &script.up_sql)?;
        }
        if chosen.is_empty() {
            return Ok(Outcome::default());
        }
        self.ensure_history()?;
        let mut checked: HashSet<i32> = chosen.iter().map(|s| s.version).collect();
        let mut outcome = Outcome::default();
        loop {
            self.begin()?;
            // The next version is chosen inside its own transaction, from the history as it is
            // now: on SQLite the immediate transaction is the only lock, and another migrator or
            // a rollback may have moved the history since it was read. Always applying the
            // version right after the latest one keeps the history contiguous.
            let next = match self.last_applied() {
                Ok(last) => scripts
                    .iter()
                    .find(|s| s.version > last)
                    .filter(within_target),
                Err(error) => {
                    self.abort();
                    return Err(error);
                }
            };
            let Some(script) = next else {
                self.commit()?;
                return Ok(outcome);
            };
            if checked.insert(script.version) {
                // Rolled back by another process since the run began: check it as the others were.
                if let Err(error) = refuse_unsafe_statements(&script.up_path, &script.up_sql) {
                    self.abort();
                    return Err(error);
                }
            }
            progress(script);
            let result = self
                .run_script(script.version, &script.up_path, &script.up_sql)
                .and_then(|()| self.check_foreign_keys(script))
                .and_then(|()| self.record(script));
            if let Err(error) = result {
                self.abort();
                return Err(error);
            }
            self.commit()?;
            outcome.versions.push((script.version, script.name.clone()));
        }
    }

    /// Records versions 1..=`version` as applied without running them, in one transaction, on
    /// a database whose history is empty (one adopted as it is: the caller has checked that it
    /// holds what those versions build). refinery's checksums are recorded, as `migrate` would.
    pub fn baseline(&mut self, scripts: &[Script], version: i32) -> Result<Outcome, MigrateError> {
        check_target(scripts, Some(version))?;
        self.lock()?;
        let result = self.baseline_locked(scripts, version);
        self.unlock();
        result
    }

    fn baseline_locked(
        &mut self,
        scripts: &[Script],
        version: i32,
    ) -> Result<Outcome, MigrateError> {
        self.ensure_history()?;
        self.begin()?;
        let recorded = (|| {
            let last = self.last_applied()?;
            if last != 0 {
                return Err(MigrateError::Invalid(format!(
                    "{} already has a migration history (version {last}); baseline is for a database that has none",
                    self.shown_url
                )));
            }
            let mut outcome = Outcome::default();
            for script in scripts.iter().filter(|s| s.version <= version) {
                self.record(script)?;
                outcome.versions.push((script.version, script.name.clone()));
            }
            Ok(outcome)
        })();
        match recorded {
            Ok(outcome) => {
                self.commit()?;
                Ok(outcome)
            }
            Err(error) => {
                self.abort();
                Err(error)
            }
        }
    }

    /// Runs down scripts, newest first, each in a transaction with the removal of its history
    /// row. Refuses up front when any of them is missing or irreversible.
    pub fn rollback(
        &mut self,
        scripts: &[Script],
        target: RollbackTarget,
        options: RollbackOptions,
        mut progress: impl FnMut(&Script),
    ) -> Result<Outcome, MigrateError> {
        self.lock()?;
        let result = self.rollback_locked(scripts, target, options, &mut progress);
        self.unlock();
        result
    }

    fn rollback_locked(
        &mut self,
        scripts: &[Script],
        target: RollbackTarget,
        options: RollbackOptions,
        progress: &mut impl FnMut(&Script),
    ) -> Result<Outcome, MigrateError> {
        let plan = self.rollback_plan(scripts, target)?;
        let losses = self.data_losses(&plan);
        if options.dry_run {
            let versions = plan.iter().map(|s| (s.version, s.name.clone())).collect();
            return Ok(Outcome { versions, losses });
        }
        let refused: Vec<String> = losses
            .iter()
            .filter(|l| l.loses_data())
            .map(DataLoss::describe)
            .collect();
        if !refused.is_empty() && !options.allow_destructive {
            return Err(MigrateError::Invalid(format!(
                "rolling back loses data:\n  {}\nnothing was rolled back; if that is intended, run again with --allow-destructive (and keep a backup)",
                refused.join("\n  ")
            )));
        }
        let mut outcome = Outcome {
            losses,
            ..Outcome::default()
        };
        for script in plan {
            self.begin()?;
            // The history is re-read inside the version's transaction (on SQLite the immediate
            // transaction is the only lock): the version to undo must still be the latest, or
            // another process moved the history since the plan was made.
            let last = match self.last_applied() {
                Ok(last) => last,
                Err(error) => {
                    self.abort();
                    return Err(error);
                }
            };
            if last < script.version {
                // Another rollback undid it meanwhile: on to the next one of the plan.
                self.abort();
                continue;
            }
            if last > script.version {
                self.abort();
                return Err(MigrateError::Invalid(format!(
                    "the history changed while rolling back: version {last} is now the latest, but version {} was the one to undo (another process migrated meanwhile); nothing more was rolled back — run the command again",
                    script.version
                )));
            }
            progress(script);
            let down = script.down_sql.as_deref().unwrap_or_default();
            let result = self
                .run_script(script.version, &script.down_path, down)
                .and_then(|()| self.check_foreign_keys(script))
                .and_then(|()| self.forget_and_commit(script.version));
            if let Err(error) = result {
                self.abort();
                return Err(error);
            }
            outcome.versions.push((script.version, script.name.clone()));
        }
        Ok(outcome)
    }

    /// The data-losing steps of the planned down scripts, with the rows at stake counted now
    /// (before anything runs; a count that fails, e.g. on a table a later step renames, is
    /// unknown).
    fn data_losses(&mut self, plan: &[&Script]) -> Vec<DataLoss> {
        let dialect = self.connection.parsing_dialect();
        let mut found = Vec::new();
        for script in plan {
            let down = script.down_sql.as_deref().unwrap_or_default();
            for loss in super::losses::losses(down, dialect) {
                let (holds_rows, rows) = match &loss.rows {
                    super::losses::Rows::None => (false, None),
                    super::losses::Rows::Unknown => (true, None),
                    super::losses::Rows::CountedBy(sql) => (true, self.count(sql).ok()),
                };
                found.push(DataLoss {
                    version: script.version,
                    message: loss.message,
                    rows,
                    holds_rows,
                });
            }
        }
        found
    }

    fn count(&mut self, sql: &str) -> Result<i64, String> {
        self.connection.count(sql)
    }

    /// The versions to undo, newest first, from the history as it is now; every one of them
    /// has a down script that can run, or nothing is planned.
    fn rollback_plan<'s>(
        &mut self,
        scripts: &'s [Script],
        target: RollbackTarget,
    ) -> Result<Vec<&'s Script>, MigrateError> {
        let status = self.status(scripts)?;
        let mut applied: Vec<i32> = status.applied.iter().map(|a| a.version).collect();
        applied.reverse();
        let chosen: Vec<i32> = match target {
            RollbackTarget::All => applied,
            RollbackTarget::Steps(n) => applied.into_iter().take(n).collect(),
            RollbackTarget::To(version) => {
                if version != 0 && !scripts.iter().any(|s| s.version == version) {
                    return Err(MigrateError::Invalid(format!(
                        "--to {version} is not a version of this project"
                    )));
                }
                applied.into_iter().filter(|v| *v > version).collect()
            }
        };
        let mut plan = Vec::new();
        for version in &chosen {
            let Some(script) = scripts.iter().find(|s| s.version == *version) else {
                return Err(MigrateError::Invalid(format!(
                    "version {version} is applied but the project has no script for it"
                )));
            };
            if script.down_sql.is_none() {
                return Err(MigrateError::Invalid(format!(
                    "cannot roll back version {version}: migrations/{} is missing; nothing was rolled back",
                    script.down_path
                )));
            }
            if let Some(reason) = script.irreversible_reason() {
                return Err(MigrateError::Invalid(format!(
                    "cannot roll back version {version} ({}): {reason}; nothing was rolled back",
                    script.name
                )));
            }
            refuse_unsafe_statements(
                &script.down_path,
                script.down_sql.as_deref().unwrap_or_default(),
            )?;
            plan.push(script);
        }
        Ok(plan)
    }

    fn run_script(&mut self, version: i32, path: &str, sql: &str) -> Result<(), MigrateError> {
        for statement in split_statements(sql) {
            if let Err((message, at)) = self.execute(&statement.sql) {
                let offset = statement.offset + at.unwrap_or(0);
                let diagnostic = script_diagnostic(path, sql, offset, format!("version {version} failed: {message}"))
                    .with_help(format!("nothing of version {version} was kept: the database is still at the previous version; correct the script, then run `dbtool migration hash` so that dbtool.sum records it"));
                return Err(MigrateError::InScript {
                    diagnostic: Box::new(diagnostic),
                    script: sql.to_string(),
                    database: true,
                });
            }
        }
        Ok(())
    }

    /// Runs one statement of a script; on failure, the database's message and, when the
    /// engine says, the byte offset in the statement of the token it refused.
    fn execute(&mut self, sql: &str) -> Result<(), (String, Option<usize>)> {
        self.connection
            .run_statement(sql)
            .map_err(|refusal| (refusal.message, refusal.offset))
    }

    /// Where the engine does not check foreign keys during the script (SQLite, keys off for
    /// rebuilds), check them before committing.
    fn check_foreign_keys(&mut self, script: &Script) -> Result<(), MigrateError> {
        let violations = self
            .connection
            .foreign_key_violations()
            .map_err(|e| database_error("cannot check foreign keys", e))?;
        if let Some((table, rowid, parent)) = violations.first() {
            return Err(MigrateError::Database {
                message: format!(
                    "version {} ({}) leaves {} row(s) whose foreign key points at nothing, e.g. {table} rowid {rowid} -> {parent}; the database is still at the previous version",
                    script.version,
                    script.up_path,
                    violations.len()
                ),
            });
        }
        Ok(())
    }

    fn record(&mut self, script: &Script) -> Result<(), MigrateError> {
        let applied_on = OffsetDateTime::now_utc()
            .format(&Rfc3339)
            .map_err(|e| database_error("cannot format the time", e))?;
        let row = Applied {
            version: script.version,
            name: script.name.clone(),
            applied_on,
            checksum: script.checksum.to_string(),
        };
        self.connection
            .record(&row)
            .map_err(|e| database_error("cannot record the version", e))
    }

    /// Removes the version's history row and commits.
    fn forget_and_commit(&mut self, version: i32) -> Result<(), MigrateError> {
        self.connection
            .forget_and_commit(version)
            .map_err(|e| database_error("cannot remove the version", e))
    }
}

/// Every version runs in one transaction, which is what makes a failure leave the previous
/// version. Refused before anything runs: a statement the engine refuses inside a transaction,
/// and one that would end or nest the version's transaction itself.
pub fn refuse_unsafe_statements(path: &str, sql: &str) -> Result<(), MigrateError> {
    for statement in split_statements(sql) {
        let (message, help) = if statement.controls_transaction() {
            (
                format!(
                    "`{}` would end or nest the transaction dbtool runs the version in, so a later failure could not undo what ran before it; nothing was run",
                    first_line(&statement.sql)
                ),
                "remove it: dbtool wraps each version in one transaction itself (docs/migrations.md, \"Transactions\")",
            )
        } else if statement.needs_no_transaction() {
            (
                format!(
                    "`{}` cannot run inside a transaction, and dbtool runs each version in one transaction so that a failure leaves the database at the previous version; nothing was run",
                    first_line(&statement.sql)
                ),
                "drop CONCURRENTLY (the index is built inside the migration, blocking writes to its table while it builds), or run the statement by hand outside dbtool and leave it out of the migration (docs/migrations.md, \"Statements outside a transaction\")",
            )
        } else {
            continue;
        };
        let diagnostic = script_diagnostic(path, sql, statement.offset, message).with_help(help);
        return Err(MigrateError::InScript {
            diagnostic: Box::new(diagnostic),
            script: sql.to_string(),
            database: false,
        });
    }
    Ok(())
}

/// An error at byte `offset` of the script `migrations/PATH`.
fn script_diagnostic(path: &str, sql: &str, offset: usize, message: String) -> Diagnostic {
    let (line, column) = line_column(sql, offset);
    Diagnostic::new(format!("migrations/{path}"), line, column, message)
}

/// `--target` must name a version of the project; checked before a database is opened.
pub fn check_target(scripts: &[Script], target: Option<i32>) -> Result<(), MigrateError> {
    let Some(target) = target else {
        return Ok(());
    };
    if scripts.iter().any(|s| s.version == target) {
        return Ok(());
    }
    let last = scripts.iter().map(|s| s.version).max().unwrap_or(0);
    Err(MigrateError::Invalid(format!(
        "--target {target} is not a version of this project (the last one is {last})"
    )))
}

/// The history must describe this project: every applied version exists with the same name
/// and checksum.
fn verify_history(applied: &[Applied], scripts: &[Script]) -> Result<(), MigrateError> {
    let by_version: HashMap<i32, &Script> = scripts.iter().map(|s| (s.version, s)).collect();
    for row in applied {
        let Some(script) = by_version.get(&row.version) else {
            return Err(MigrateError::Invalid(format!(
                "the database has version {} ({}) applied, which this project does not have; migrate it with the project it came from, or restore the missing script",
                row.version, row.name
            )));
        };
        if script.checksum.to_string() != row.checksum || script.name != row.name {
            return Err(MigrateError::Invalid(format!(
                "migrations/{} changed after it was applied (refinery checksum {} in the database, {} on disk); restore the applied content and put the change in a new version",
                script.up_path, row.checksum, script.checksum
            )));
        }
    }
    let applied_versions: HashSet<i32> = applied.iter().map(|a| a.version).collect();
    let last = applied_versions.iter().copied().max().unwrap_or(0);
    if let Some(missing) = scripts
        .iter()
        .find(|s| s.version < last && !applied_versions.contains(&s.version))
    {
        return Err(MigrateError::Invalid(format!(
            "version {} ({}) is older than the database's latest version {last} but was never applied; give it a number after {last}",
            missing.version, missing.up_path
        )));
    }
    Ok(())
}

fn first_line(sql: &str) -> String {
    let line = sql.lines().next().unwrap_or_default();
    if sql.lines().count() > 1 {
        format!("{line} …")
    } else {
        line.to_string()
    }
}
