//! The `migrations/` folder: reading scripts as refinery does, writing new versions, the
//! integrity file and the schema snapshot.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{MigrateError, INTEGRITY_FILE, IRREVERSIBLE_MARKER, SNAPSHOT_DIR};
use crate::diagnostic::SourceFile;
use crate::schema::Dialect;

/// One version of one dialect, as found on disk.
#[derive(Debug, Clone)]
pub struct Script {
    pub version: i32,
    pub name: String,
    /// Relative to the project's migrations folder, e.g. `sqlite/V1__init.sql`.
    pub up_path: String,
    pub up_sql: String,
    /// refinery's checksum of the up script, as its history table records it.
    pub checksum: u64,
    pub down_path: String,
    pub down_sql: Option<String>,
}

impl Script {
    /// Why the down script cannot undo this version, when it says so.
    pub fn irreversible_reason(&self) -> Option<String> {
        let down = self.down_sql.as_deref()?;
        down.lines()
            .find_map(|line| line.strip_prefix(IRREVERSIBLE_MARKER))
            .map(|reason| reason.trim().to_string())
    }
}

fn io_error(path: &Path, error: std::io::Error) -> MigrateError {
    MigrateError::Io(format!("cannot access {}: {error}", path.display()))
}

/// The versions of `dialect`, loaded with refinery's own loader so that dbtool applies exactly
/// what refinery would, with their down scripts beside them.
pub fn load_scripts(migrations: &Path, dialect: Dialect) -> Result<Vec<Script>, MigrateError> {
    let dir = migrations.join(dialect.name());
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    check_file_names(&dir, dialect)?;
    let loaded = refinery_core::load_sql_migrations(&dir).map_err(|e| {
        MigrateError::Invalid(format!(
            "cannot load migrations from {}: {e}",
            dir.display()
        ))
    })?;
    let mut scripts: Vec<Script> = Vec::new();
    for migration in loaded {
        if let Some(previous) = scripts.iter().find(|s| s.version == migration.version()) {
            return Err(MigrateError::Invalid(format!(
                "version {} is defined twice in {}: {} and V{}__{}.sql; give one of them a new number",
                migration.version(),
                dir.display(),
                previous.up_path,
                migration.version(),
                migration.name()
            )));
        }
        let stem = format!("V{}__{}", migration.version(), migration.name());
        let down_file = dir.join(format!("{stem}.down.sql"));
        let down_sql = if down_file.is_file() {
            Some(fs::read_to_string(&down_file).map_err(|e| io_error(&down_file, e))?)
        } else {
            None
        };
        scripts.push(Script {
            version: migration.version(),
            name: migration.name().to_string(),
            up_path: format!("{}/{stem}.sql", dialect.name()),
            up_sql: migration.sql().unwrap_or_default().to_string(),
            checksum: migration.checksum(),
            down_path: format!("{}/{stem}.down.sql", dialect.name()),
            down_sql,
        });
    }
    scripts.sort_by_key(|s| s.version);
    Ok(scripts)
}

/// Every file in a dialect's folder is an up script refinery loads, a down script beside one,
/// or an error naming it: refinery skips a `V2__x.SQL` or `v2__x.sql` without a word, and
/// reports a version past `i32` without naming the file.
fn check_file_names(dir: &Path, dialect: Dialect) -> Result<(), MigrateError> {
    let entries = fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| io_error(dir, e))?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    names.sort();
    // Hidden files (`.gitkeep`, an editor's swap file) are not meant as scripts.
    for name in names.iter().filter(|name| !name.starts_with('.')) {
        if let Err(problem) = script_file_name(name) {
            return Err(MigrateError::Invalid(format!(
                "migrations/{}/{name}: {problem}",
                dialect.name()
            )));
        }
    }
    Ok(())
}

/// The version of a script file name `V<version>__<name>.sql` or `….down.sql`, or what is wrong
/// with the name.
pub fn script_file_name(file: &str) -> Result<i32, String> {
    const FORM: &str = "a migration file is named V<version>__<name>.sql (or .down.sql), with a lower-case .sql, an upper-case V and a name of letters, digits and _";
    let stem = file
        .strip_suffix(".down.sql")
        .or_else(|| file.strip_suffix(".sql"))
        .ok_or_else(|| format!("not a migration script; {FORM}"))?;
    let rest = stem
        .strip_prefix('V')
        .ok_or_else(|| format!("not loaded: {FORM}"))?;
    let (digits, name) = rest
        .split_once("__")
        .ok_or_else(|| format!("not loaded: {FORM}"))?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("not loaded: {FORM}"));
    }
    let version: i32 = digits.parse().map_err(|_| {
        format!(
            "version {digits} is larger than {} (refinery keeps versions as 32-bit integers); renumber it",
            i32::MAX
        )
    })?;
    if version == 0 {
        return Err("version 0 means \"nothing applied\"; versions start at 1".to_string());
    }
    check_name(name).map_err(|e| e.to_string())?;
    Ok(version)
}

/// The number the next version gets: one more than the highest in any dialect.
pub fn next_version(migrations: &Path, dialects: &[Dialect]) -> Result<i32, MigrateError> {
    let mut highest = 0;
    for dialect in dialects {
        for script in load_scripts(migrations, *dialect)? {
            highest = highest.max(script.version);
        }
    }
    Ok(highest + 1)
}

/// The scripts of one version for one dialect.
#[derive(Debug, Clone)]
pub struct VersionFiles {
    pub dialect: Dialect,
    pub up: String,
    pub down: String,
}

/// Checks a migration name: refinery accepts only word characters.
fn check_name(name: &str) -> Result<(), MigrateError> {
    if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Ok(())
    } else {
        Err(MigrateError::Invalid(format!(
            "migration name `{name}` must be letters, digits and `_` only (refinery's rule), e.g. add_user_email"
        )))
    }
}

/// Writes version `version` for every dialect, replaces the schema snapshot with `schema`, and
/// rewrites the integrity file. Files are written beside their final names and renamed into
/// place, so an interrupted write leaves no half-written script.
pub fn write_version(
    migrations: &Path,
    version: i32,
    name: &str,
    files: &[VersionFiles],
    schema: &[SourceFile],
) -> Result<Vec<PathBuf>, MigrateError> {
    let written = write_pairs(migrations, version, name, files)?;
    replace_snapshot(migrations, schema)?;
    write_integrity(migrations)?;
    Ok(written)
}

/// An empty, hand-editable pair for every dialect (`dbtool migration new`).
pub fn write_empty_version(
    migrations: &Path,
    version: i32,
    name: &str,
    dialects: &[Dialect],
) -> Result<Vec<PathBuf>, MigrateError> {
    let files: Vec<VersionFiles> = dialects
        .iter()
        .map(|d| VersionFiles {
            dialect: *d,
            up: format!("-- Migration {version} ({name}) for {d}: up. Written by hand.\n"),
            down: format!(
                "-- Migration {version} ({name}) for {d}: down. Undo exactly what the up script does.\n"
            ),
        })
        .collect();
    let written = write_pairs(migrations, version, name, &files)?;
    write_integrity(migrations)?;
    Ok(written)
}

/// Writes the up and down script of one version for each dialect.
fn write_pairs(
    migrations: &Path,
    version: i32,
    name: &str,
    files: &[VersionFiles],
) -> Result<Vec<PathBuf>, MigrateError> {
    check_name(name)?;
    let mut written = Vec::new();
    for file in files {
        let dir = migrations.join(file.dialect.name());
        fs::create_dir_all(&dir).map_err(|e| io_error(&dir, e))?;
        let up = dir.join(format!("V{version}__{name}.sql"));
        let down = dir.join(format!("V{version}__{name}.down.sql"));
        write_atomically(&up, &file.up)?;
        write_atomically(&down, &file.down)?;
        written.push(up);
        written.push(down);
    }
    Ok(written)
}

fn replace_snapshot(migrations: &Path, schema: &[SourceFile]) -> Result<(), MigrateError> {
    let dir = migrations.join(SNAPSHOT_DIR);
    if dir.is_dir() {
        fs::remove_dir_all(&dir).map_err(|e| io_error(&dir, e))?;
    }
    for file in schema {
        // `schema/chimera.yaml` is kept as `migrations/schema/chimera.yaml`.
        let relative = Path::new(&file.path);
        let inner = relative.components().skip(1).collect::<PathBuf>();
        let inner = if inner.as_os_str().is_empty() {
            relative.to_path_buf()
        } else {
            inner
        };
        let target = dir.join(inner);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
        }
        write_atomically(&target, &file.text)?;
    }
    Ok(())
}

fn write_atomically(path: &Path, text: &str) -> Result<(), MigrateError> {
    let temporary = path.with_extension("dbtool-tmp");
    fs::write(&temporary, text)
        .and_then(|()| fs::rename(&temporary, path))
        .map_err(|e| {
            let _ = fs::remove_file(&temporary);
            io_error(path, e)
        })
}

/// SHA-256 of every script of `dialects`, by path relative to `migrations/`.
fn script_hashes(
    migrations: &Path,
    dialects: &[Dialect],
) -> Result<BTreeMap<String, String>, MigrateError> {
    let mut hashes = BTreeMap::new();
    for dialect in dialects {
        let dir = migrations.join(dialect.name());
        if !dir.is_dir() {
            continue;
        }
        let entries = fs::read_dir(&dir).map_err(|e| io_error(&dir, e))?;
        for entry in entries {
            let path = entry.map_err(|e| io_error(&dir, e))?.path();
            let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if !file_name.ends_with(".sql") {
                continue;
            }
            let bytes = fs::read(&path).map_err(|e| io_error(&path, e))?;
            let digest = Sha256::digest(&bytes);
            let hex = digest.iter().fold(String::with_capacity(64), |mut hex, b| {
                let _ = write!(hex, "{b:02x}");
                hex
            });
            hashes.insert(format!("{}/{file_name}", dialect.name()), hex);
        }
    }
    Ok(hashes)
}

/// Rewrites `migrations/dbtool.sum` from the scripts as they are now (in `sha256sum` format,
/// so `sha256sum -c dbtool.sum` checks it too).
pub fn write_integrity(migrations: &Path) -> Result<(), MigrateError> {
    let hashes = script_hashes(migrations, &Dialect::ALL)?;
    let mut text = String::new();
    for (path, hash) in hashes {
        text.push_str(&format!("{hash}  {path}\n"));
    }
    fs::create_dir_all(migrations).map_err(|e| io_error(migrations, e))?;
    write_atomically(&migrations.join(INTEGRITY_FILE), &text)
}

/// Scripts of `dialects` whose content differs from the integrity file, or that it does not
/// list. `migrate` checks the one dialect it applies; a whole-project check passes them all.
pub fn integrity_problems(
    migrations: &Path,
    dialects: &[Dialect],
) -> Result<Vec<String>, MigrateError> {
    let sum_path = migrations.join(INTEGRITY_FILE);
    let hashes = script_hashes(migrations, dialects)?;
    if !sum_path.is_file() {
        return Ok(if hashes.is_empty() {
            Vec::new()
        } else {
            vec![format!(
                "{} is missing: run `dbtool migration hash` after reviewing the scripts",
                sum_path.display()
            )]
        });
    }
    let text = fs::read_to_string(&sum_path).map_err(|e| io_error(&sum_path, e))?;
    let mut recorded = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        if let Some((hash, path)) = line.split_once("  ") {
            recorded.insert(path.trim().to_string(), hash.trim().to_string());
        }
    }
    let mut problems = Vec::new();
    for (path, hash) in &hashes {
        match recorded.get(path) {
            Some(expected) if expected == hash => {}
            Some(_) => problems.push(format!(
                "migrations/{path} was edited after dbtool wrote it (its SHA-256 differs from {INTEGRITY_FILE}); if the edit is intended and the version is not applied anywhere, run `dbtool migration hash`"
            )),
            None => problems.push(format!(
                "migrations/{path} is not recorded in {INTEGRITY_FILE}; run `dbtool migration hash` after reviewing it"
            )),
        }
    }
    let checked = |path: &str| {
        dialects.iter().any(|d| {
            path.strip_prefix(d.name())
                .is_some_and(|rest| rest.starts_with('/'))
        })
    };
    for path in recorded.keys() {
        if checked(path) && !hashes.contains_key(path) {
            problems.push(format!(
                "migrations/{path} is recorded in {INTEGRITY_FILE} but missing on disk"
            ));
        }
    }
    Ok(problems)
}
