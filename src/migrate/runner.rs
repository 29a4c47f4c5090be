//! Applying and undoing versions, with refinery's history table as the record.
//!
//! dbtool writes `refinery_schema_history` exactly as refinery does (same table, same
//! checksum, same RFC 3339 `applied_on`), so a database migrated by one is current for the
//! other. It runs the scripts itself because refinery's runner has no lock, no rollback, cannot
//! switch SQLite's foreign keys off outside its transaction, and cannot say which statement
//! failed (see ARCHITECTURE.md). What differs between engines is asked of the engine layer
//! ([`crate::engine::Connection`]).

use std::collections::HashSet;

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::alone::{self, check_script};
use super::files::Script;
use super::MigrateError;
use crate::diagnostic::{line_column, Diagnostic};
use crate::engine::protocol::{
    check_history, index_already_built, resume_at, HistoryProblem, ResumeProblem,
};
use crate::engine::split::split_statements;
use crate::engine::{redact, Connection, IndexState};
pub use crate::engine::{Applied, Progress};

/// Applied and pending versions.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Status {
    pub applied: Vec<Applied>,
    pub pending: Vec<PendingVersion>,
    /// Versions that run outside a transaction and stopped part-way: a pending one while
    /// migrating (`direction` `up`; `dbtool migrate` resumes it), an applied one while rolling
    /// back (`down`; `dbtool rollback` resumes it).
    pub stopped: Vec<Progress>,
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
    /// Hears what the user should know while the run goes on: a wait for another migrator's
    /// lock, a resumed version, an invalid index dropped.
    notice: Box<dyn FnMut(&str)>,
}

/// Which script of a version runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Up,
    Down,
}

impl Direction {
    fn name(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }

    /// The command that resumes a version stopped in this direction.
    fn command(self) -> &'static str {
        match self {
            Direction::Up => "dbtool migrate",
            Direction::Down => "dbtool rollback",
        }
    }
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
            notice: Box::new(|_| {}),
        })
    }

    pub fn shown_url(&self) -> &str {
        &self.shown_url
    }

    fn lock(&mut self) -> Result<(), MigrateError> {
        let notice = &mut self.notice;
        self.connection
            .lock(self.lock_wait, notice.as_mut())
            .map_err(|e| database_error("cannot take the migration lock", e))
    }

    /// How long to wait for another migrator's lock (default: as long as it takes), and where
    /// to tell the user what happens meanwhile (a wait for the lock, a resumed version).
    pub fn set_lock_wait(
        &mut self,
        wait: Option<std::time::Duration>,
        notice: Box<dyn FnMut(&str)>,
    ) {
        self.lock_wait = wait;
        self.notice = notice;
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
        let notice = &mut self.notice;
        self.connection
            .begin_version(notice.as_mut())
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
        let stopped = self
            .connection
            .read_progress()
            .map_err(|e| database_error("cannot read dbtool_migration_progress", e))?;
        Ok(Status {
            applied,
            pending,
            stopped,
        })
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
        let status = self.status(scripts)?;
        refuse_stopped_rollback(&status.stopped)?;
        let pending: HashSet<i32> = status.pending.iter().map(|p| p.version).collect();
        let dialect = self.connection.parsing_dialect();
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
            check_script(&script.up_path, &script.up_sql, dialect)?;
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
                if let Err(error) = check_script(&script.up_path, &script.up_sql, dialect) {
                    self.abort();
                    return Err(error);
                }
            }
            progress(script);
            if alone::runs_alone(&script.up_sql) {
                // Nothing was done in the transaction that chose it; PostgreSQL's advisory lock,
                // held for the whole run, keeps other migrators out while it runs alone.
                self.commit()?;
                let resume = stopped_at(&status.stopped, script.version, Direction::Up);
                self.run_alone(script, Direction::Up, resume)?;
                outcome.versions.push((script.version, script.name.clone()));
                continue;
            }
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
        let planned: Vec<&Script> = plan.iter().map(|step| step.script).collect();
        let losses = self.data_losses(&planned);
        if options.dry_run {
            let versions = planned
                .iter()
                .map(|s| (s.version, s.name.clone()))
                .collect();
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
        for step in plan {
            let script = step.script;
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
            if last < script.version && !step.partly_applied {
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
            if alone::runs_alone(down) {
                self.commit()?;
                self.run_alone(script, Direction::Down, step.resume_at)?;
                outcome.versions.push((script.version, script.name.clone()));
                continue;
            }
            let result = self
                .run_script(script.version, &script.down_path, down)
                .and_then(|()| self.check_foreign_keys(script))
                .and_then(|()| {
                    if step.partly_applied {
                        self.clear_progress_and_commit(script.version)
                    } else {
                        self.forget_and_commit(script.version)
                    }
                });
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
    /// has a down script that can run, or nothing is planned. A version that runs outside a
    /// transaction and stopped part-way while migrating comes first: it is partly applied, and
    /// its down script undoes what ran (generated ones say `IF EXISTS`).
    fn rollback_plan<'s>(
        &mut self,
        scripts: &'s [Script],
        target: RollbackTarget,
    ) -> Result<Vec<PlannedUndo<'s>>, MigrateError> {
        let status = self.status(scripts)?;
        let mut applied: Vec<i32> = status.applied.iter().map(|a| a.version).collect();
        applied.reverse();
        let partly_applied: Vec<i32> = status
            .stopped
            .iter()
            .filter(|p| p.direction == Direction::Up.name())
            .map(|p| p.version)
            .collect();
        let undoable: Vec<i32> = partly_applied.iter().copied().chain(applied).collect();
        let chosen: Vec<i32> = match target {
            RollbackTarget::All => undoable,
            RollbackTarget::Steps(n) => undoable.into_iter().take(n).collect(),
            RollbackTarget::To(version) => {
                if version != 0 && !scripts.iter().any(|s| s.version == version) {
                    return Err(MigrateError::Invalid(format!(
                        "--to {version} is not a version of this project"
                    )));
                }
                undoable.into_iter().filter(|v| *v > version).collect()
            }
        };
        let dialect = self.connection.parsing_dialect();
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
            check_script(
                &script.down_path,
                script.down_sql.as_deref().unwrap_or_default(),
                dialect,
            )?;
            plan.push(PlannedUndo {
                script,
                partly_applied: partly_applied.contains(version),
                resume_at: stopped_at(&status.stopped, *version, Direction::Down),
            });
        }
        Ok(plan)
    }

    /// Runs the statements of a version's script that runs outside a transaction, one at a
    /// time, from statement `resume_at` (0-based; `None` for a fresh start), recording after
    /// each how many have run; then records the version in (or removes it from) the history
    /// and forgets the progress, in one transaction.
    fn run_alone(
        &mut self,
        script: &Script,
        direction: Direction,
        stopped: Option<Progress>,
    ) -> Result<(), MigrateError> {
        let (path, sql, checksum) = match direction {
            Direction::Up => (&script.up_path, script.up_sql.as_str(), script.checksum),
            Direction::Down => {
                let down = script.down_sql.as_deref().unwrap_or_default();
                (
                    &script.down_path,
                    down,
                    script_checksum(&script.down_path, down),
                )
            }
        };
        let dialect = self.connection.parsing_dialect();
        let statements = alone::alone_statements(path, sql, dialect)?;
        let save = |done: usize| Progress {
            version: script.version,
            direction: direction.name().to_string(),
            checksum: checksum.to_string(),
            done: i32::try_from(done).unwrap_or(i32::MAX),
        };
        let rows: Vec<Progress> = stopped.iter().cloned().collect();
        let resume = match resume_at(
            &progress_rows(&rows),
            script.version,
            direction.name(),
            &checksum.to_string(),
        ) {
            Ok(done) => done,
            Err(_) => {
                return Err(MigrateError::Invalid(format!(
                    "version {} stopped part-way while running a different migrations/{path} (refinery checksum {} then, {checksum} now); nothing was run: restore the script it ran and run `{}` again",
                    script.version,
                    stopped.as_ref().map_or("", |p| p.checksum.as_str()),
                    direction.command()
                )));
            }
        };
        let start = match resume {
            Some(done) => {
                let done = usize::try_from(done).unwrap_or(0).min(statements.len());
                (self.notice)(&format!(
                    "version {} stopped after {done} of {} statements outside a transaction; resuming at statement {}",
                    script.version,
                    statements.len(),
                    done + 1
                ));
                done
            }
            None => {
                self.save_progress(&save(0))?;
                0
            }
        };
        for (number, statement) in statements.iter().enumerate().skip(start) {
            let resuming_here = resume.is_some() && number == start;
            if let Some(index) = &statement.builds_index {
                let already_built =
                    self.prepare_index_build(script.version, index, resuming_here)?;
                if already_built {
                    self.save_progress(&save(number + 1))?;
                    continue;
                }
            }
            if let Err((message, at)) = self.execute(&statement.sql) {
                let offset = statement.offset + at.unwrap_or(0);
                let kept = match number {
                    0 => "no statement before it ran".to_string(),
                    1 => "statement 1 ran and is kept".to_string(),
                    n => format!("statements 1 to {n} ran and are kept"),
                };
                let diagnostic = script_diagnostic(
                    path,
                    sql,
                    offset,
                    format!(
                        "version {} stopped at statement {} of {}: {message}",
                        script.version,
                        number + 1,
                        statements.len()
                    ),
                )
                .with_help(format!(
                    "this version runs outside a transaction, so {kept}; correct the cause and run `{}` again: it resumes at this statement (an invalid index a failed build left is dropped first)",
                    direction.command()
                ));
                return Err(MigrateError::InScript {
                    diagnostic: Box::new(diagnostic),
                    script: sql.to_string(),
                    database: true,
                });
            }
            self.save_progress(&save(number + 1))?;
        }
        self.begin()?;
        let result = match direction {
            Direction::Up => self
                .record(script)
                .and_then(|()| self.clear_progress_and_commit(script.version)),
            Direction::Down => self
                .connection
                .clear_progress(script.version)
                .map_err(|e| database_error("cannot clear dbtool_migration_progress", e))
                .and_then(|()| self.forget_and_commit(script.version)),
        };
        if let Err(error) = result {
            self.abort();
            return Err(error);
        }
        Ok(())
    }

    /// Before a concurrent build of `index`: an invalid index of that name, which a stopped
    /// build leaves, is dropped; a valid one where the run stopped means the build finished
    /// before its progress was recorded (`true`: skip it).
    fn prepare_index_build(
        &mut self,
        version: i32,
        index: &str,
        resuming_here: bool,
    ) -> Result<bool, MigrateError> {
        let state = self
            .connection
            .index_state(index)
            .map_err(|e| database_error(&format!("cannot look up index {index}"), e))?;
        let valid = match state {
            IndexState::Missing => None,
            IndexState::Valid => Some(true),
            IndexState::Invalid => Some(false),
        };
        if index_already_built(valid, resuming_here) {
            (self.notice)(&format!(
                "version {version}: index {index} is built and valid: its statement had finished when the run stopped"
            ));
            return Ok(true);
        }
        match state {
            IndexState::Invalid => {
                (self.notice)(&format!(
                    "version {version}: dropping the invalid index {index} that a stopped build left, before building it again"
                ));
                self.connection
                    .batch(&format!("DROP INDEX CONCURRENTLY IF EXISTS {index}"))
                    .map_err(|e| {
                        database_error(&format!("cannot drop the invalid index {index}"), e)
                    })?;
                Ok(false)
            }
            IndexState::Valid | IndexState::Missing => Ok(false),
        }
    }

    fn save_progress(&mut self, progress: &Progress) -> Result<(), MigrateError> {
        self.connection.save_progress(progress).map_err(|e| {
            database_error("cannot record the progress in dbtool_migration_progress", e)
        })
    }

    /// Removes a version's progress row and commits the transaction it is part of.
    fn clear_progress_and_commit(&mut self, version: i32) -> Result<(), MigrateError> {
        self.connection
            .clear_progress(version)
            .map_err(|e| database_error("cannot clear dbtool_migration_progress", e))?;
        self.commit()
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

/// A planned step of a rollback.
struct PlannedUndo<'s> {
    script: &'s Script,
    /// Not in the history: it runs outside a transaction and stopped part-way while migrating.
    partly_applied: bool,
    /// Where an earlier rollback of it stopped, when one did.
    resume_at: Option<Progress>,
}

/// Where a version that runs outside a transaction stopped in `direction`, if it did.
fn stopped_at(stopped: &[Progress], version: i32, direction: Direction) -> Option<Progress> {
    stopped
        .iter()
        .find(|p| p.version == version && p.direction == direction.name())
        .cloned()
}

/// A rollback that stopped part-way must be finished before anything migrates: the version's
/// objects are half gone while the history still lists it ([`resume_at`]'s rule).
fn refuse_stopped_rollback(stopped: &[Progress]) -> Result<(), MigrateError> {
    let rows = progress_rows(stopped);
    match resume_at(&rows, 0, Direction::Up.name(), "") {
        Err(ResumeProblem::RollbackStopped { version, done }) => Err(MigrateError::Invalid(format!(
            "version {version} stopped part-way while being rolled back ({done} of its statements ran outside a transaction); nothing was migrated: run `dbtool rollback --steps 1` to finish undoing it first"
        ))),
        _ => Ok(()),
    }
}

/// The progress rows as the protocol's functions read them.
fn progress_rows(stopped: &[Progress]) -> Vec<(i32, &str, &str, i32)> {
    stopped
        .iter()
        .map(|p| (p.version, p.direction.as_str(), p.checksum.as_str(), p.done))
        .collect()
}

/// refinery's checksum of a script, computed as its loader computes an up script's.
fn script_checksum(path: &str, sql: &str) -> u64 {
    let name = path
        .rsplit('/')
        .next()
        .unwrap_or(path)
        .trim_end_matches(".down.sql");
    refinery_core::Migration::unapplied(name, sql)
        .map(|m| m.checksum())
        .unwrap_or_default()
}

/// Refuses, before anything runs, a script that cannot keep its transaction guarantee (see
/// [`alone::check_script`]).
pub fn refuse_unsafe_statements(
    path: &str,
    sql: &str,
    dialect: crate::schema::Dialect,
) -> Result<(), MigrateError> {
    check_script(path, sql, dialect)
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
/// and checksum, and none is skipped (the protocol's rule, [`check_history`], shared with the
/// generated crate's migrator).
fn verify_history(applied: &[Applied], scripts: &[Script]) -> Result<(), MigrateError> {
    let checksums: Vec<String> = scripts.iter().map(|s| s.checksum.to_string()).collect();
    let known: Vec<(i32, &str, &str)> = scripts
        .iter()
        .zip(&checksums)
        .map(|(s, checksum)| (s.version, s.name.as_str(), checksum.as_str()))
        .collect();
    let rows: Vec<(i32, &str, &str)> = applied
        .iter()
        .map(|a| (a.version, a.name.as_str(), a.checksum.as_str()))
        .collect();
    let script = |version: i32| scripts.iter().find(|s| s.version == version);
    let row = |version: i32| applied.iter().find(|a| a.version == version);
    match check_history(&known, &rows) {
        Ok(_) => Ok(()),
        Err(HistoryProblem::Unknown { version }) => Err(MigrateError::Invalid(format!(
            "the database has version {version} ({}) applied, which this project does not have; migrate it with the project it came from, or restore the missing script",
            row(version).map_or("", |r| r.name.as_str())
        ))),
        Err(HistoryProblem::Renamed { version } | HistoryProblem::Changed { version }) => {
            let (path, on_disk) = script(version)
                .map(|s| (s.up_path.clone(), s.checksum.to_string()))
                .unwrap_or_default();
            Err(MigrateError::Invalid(format!(
                "migrations/{path} changed after it was applied (refinery checksum {} in the database, {on_disk} on disk); restore the applied content and put the change in a new version",
                row(version).map_or("", |r| r.checksum.as_str())
            )))
        }
        Err(HistoryProblem::Skipped { version, latest }) => Err(MigrateError::Invalid(format!(
            "version {version} ({}) is older than the database's latest version {latest} but was never applied; give it a number after {latest}",
            script(version).map_or("", |s| s.up_path.as_str())
        ))),
    }
}
