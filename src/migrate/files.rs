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
    recover(migrations)?;
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
            let mut both = [
                format!("migrations/{}", previous.up_path),
                format!(
                    "migrations/{}/V{}__{}.sql",
                    dialect.name(),
                    migration.version(),
                    migration.name()
                ),
            ];
            both.sort();
            return Err(MigrateError::Invalid(format!(
                "version {} is defined twice: {} and {}; give one of them a new number",
                migration.version(),
                both[0],
                both[1]
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

pub use crate::author::{NewVersion, VersionFiles};

/// The longest migration name: `V2147483647__NAME.down.sql` must fit the 255 bytes a file name
/// can have.
const MAX_NAME: usize = 200;

/// Checks a migration name: refinery accepts only word characters.
fn check_name(name: &str) -> Result<(), MigrateError> {
    if name.len() > MAX_NAME {
        return Err(MigrateError::Invalid(format!(
            "migration name `{}…` is {} characters; file names allow {MAX_NAME} here: shorten it",
            &name[..40.min(name.len())],
            name.len()
        )));
    }
    if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Ok(())
    } else {
        Err(MigrateError::Invalid(format!(
            "migration name `{name}` must be letters, digits and `_` only (refinery's rule), e.g. add_user_email"
        )))
    }
}

/// Writes the versions of one schema change for every dialect (one, or two when index builds
/// run in a version of their own), makes `schema` the snapshot (keeping the one it replaces as
/// the previous snapshot, for `dbtool migration discard`) and rewrites the integrity file: all
/// of it or nothing, through [`crate::journal`].
pub fn write_version(
    migrations: &Path,
    versions: &[NewVersion],
    schema: &[SourceFile],
    format: u32,
) -> Result<Vec<PathBuf>, MigrateError> {
    let (Some(first), Some(last)) = (versions.first(), versions.last()) else {
        return Ok(Vec::new());
    };
    for version in versions {
        check_name(&version.name)?;
    }
    recover(migrations)?;
    let mut folder = Folder::read(migrations)?;
    let mut written = Vec::new();
    for version in versions {
        written.extend(folder.add_pairs(version.version, &version.name, &version.files));
    }
    let old_snapshot = folder.files_under(SNAPSHOT_DIR);
    folder.replace_under(PREVIOUS_SNAPSHOT_DIR, &old_snapshot);
    let new_snapshot: BTreeMap<String, Vec<u8>> = schema
        .iter()
        .map(|file| (snapshot_name(&file.path), file.text.clone().into_bytes()))
        .collect();
    folder.replace_under(SNAPSHOT_DIR, &new_snapshot);
    folder.record.previous_version = folder
        .record
        .snapshot_version
        .or_else(|| folder.latest_version_before(first.version))
        .or(Some(0));
    folder.record.snapshot_version = Some(last.version);
    folder.record.snapshot_first_version = (first.version != last.version).then_some(first.version);
    folder.record.previous_format = folder.record.format;
    folder.record.format = Some(format);
    folder.commit(migrations)?;
    Ok(written.iter().map(|path| migrations.join(path)).collect())
}

/// An empty, hand-editable pair for every dialect (`dbtool migration new`); the snapshot stays.
pub fn write_empty_version(
    migrations: &Path,
    version: i32,
    name: &str,
    dialects: &[Dialect],
) -> Result<Vec<PathBuf>, MigrateError> {
    check_name(name)?;
    recover(migrations)?;
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
    let mut folder = Folder::read(migrations)?;
    let written = folder.add_pairs(version, name, &files);
    folder.commit(migrations)?;
    Ok(written.iter().map(|path| migrations.join(path)).collect())
}

/// Rewrites `migrations/dbtool.sum` from the scripts as they are now (`dbtool migration hash`),
/// in `sha256sum` format so `sha256sum -c dbtool.sum` checks it too. The snapshot's lines are
/// kept as recorded: only `dbtool diff` and `dbtool migration discard` write the snapshot, so a
/// hand-edited or half-deleted snapshot stays visible to `check`. A file written by an older
/// dbtool, without snapshot lines, gets them from the snapshot as it is.
pub fn write_integrity(migrations: &Path) -> Result<(), MigrateError> {
    recover(migrations)?;
    let mut folder = Folder::read(migrations)?;
    if folder.record.snapshot_version.is_none() && folder.files.keys().any(|p| in_snapshot(p)) {
        folder.record.snapshot_version = folder.latest_version_before(i32::MAX);
        folder.record.kept = folder
            .files
            .iter()
            .filter(|(path, _)| in_snapshot(path))
            .map(|(path, bytes)| (path.clone(), sha256_hex(bytes)))
            .collect();
    }
    folder.commit(migrations)
}

/// What `dbtool migration discard` took away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discarded {
    /// The versions whose scripts were removed (none when they were already gone).
    pub versions: Vec<i32>,
    /// The version the snapshot was set back to, when the discarded version had written it.
    pub snapshot_back_to: Option<i32>,
}

/// Removes the latest version's scripts of every dialect and, when that version was written by
/// `dbtool diff`, sets the snapshot back to the one before it; also repairs the state left by
/// deleting the latest version's scripts by hand. The caller makes sure no database has the
/// version applied.
pub fn discard_latest(migrations: &Path) -> Result<Discarded, MigrateError> {
    recover(migrations)?;
    let mut folder = Folder::read(migrations)?;
    let snapshot_version = folder.record.snapshot_version;
    let (first, target) = folder.latest_change()?;
    let scripts: Vec<String> = folder
        .files
        .keys()
        .filter(|path| script_version(path).is_some_and(|v| (first..=target).contains(&v)))
        .cloned()
        .collect();
    for path in &scripts {
        folder.files.remove(path);
        folder.changes.remove(path.as_str());
    }
    let mut snapshot_back_to = None;
    if snapshot_version == Some(target) {
        let Some(previous) = folder.record.previous_version else {
            return Err(MigrateError::Invalid(format!(
                "version {target} wrote migrations/schema/, and the snapshot before it is not kept (dbtool keeps one: a second discard in a row, or a dbtool.sum from an older dbtool); restore migrations/ from version control instead"
            )));
        };
        let restored = folder.files_under(PREVIOUS_SNAPSHOT_DIR);
        folder.replace_under(SNAPSHOT_DIR, &restored);
        folder.replace_under(PREVIOUS_SNAPSHOT_DIR, &BTreeMap::new());
        folder.record.snapshot_version = (previous > 0).then_some(previous);
        folder.record.snapshot_first_version = None;
        folder.record.previous_version = None;
        folder.record.format = folder.record.previous_format.take();
        snapshot_back_to = Some(previous);
    }
    folder.commit(migrations)?;
    let mut versions: Vec<i32> = scripts.iter().filter_map(|p| script_version(p)).collect();
    versions.sort_unstable();
    versions.dedup();
    Ok(Discarded {
        versions,
        snapshot_back_to,
    })
}

/// The versions `dbtool migration discard` would take back: the latest version, or every
/// version of the latest diff when it wrote several.
pub fn latest_change(migrations: &Path) -> Result<std::ops::RangeInclusive<i32>, MigrateError> {
    recover(migrations)?;
    let (first, last) = Folder::read(migrations)?.latest_change()?;
    Ok(first..=last)
}

/// Finishes or throws away a write to `migrations/` that a killed dbtool left behind.
pub fn recover(migrations: &Path) -> Result<(), MigrateError> {
    crate::journal::recover(migrations)
        .map(|_| ())
        .map_err(|e| io_error(migrations, e))
}

/// The snapshot kept before the latest one, for `dbtool migration discard`.
pub const PREVIOUS_SNAPSHOT_DIR: &str = "schema.previous";
const SNAPSHOT_VERSION_LINE: &str = "# dbtool: migrations/schema/ is the schema as of version ";
const SNAPSHOT_FIRST_VERSION_LINE: &str =
    "# dbtool: the diff that wrote migrations/schema/ wrote the versions from ";
const FORMAT_LINE: &str = "# dbtool: the scripts follow dbtool's rendering format ";
const PREVIOUS_FORMAT_LINE: &str =
    "# dbtool: before the latest snapshot, the rendering format was ";

/// The rendering format (`crate::resolved::FORMAT`) the latest diff wrote its scripts in, as
/// dbtool.sum records it; `None` when it does not say (written by an older dbtool).
pub fn rendered_format(migrations: &Path) -> Result<Option<u32>, MigrateError> {
    recover(migrations)?;
    Ok(Folder::read(migrations)?.record.format)
}
const PREVIOUS_VERSION_LINE: &str =
    "# dbtool: migrations/schema.previous/ is the schema as of version ";

/// `schema/chimera.yaml` is kept as `chimera.yaml` in a snapshot folder.
fn snapshot_name(path: &str) -> String {
    let relative = Path::new(path);
    let inner = relative.components().skip(1).collect::<PathBuf>();
    let inner = if inner.as_os_str().is_empty() {
        relative.to_path_buf()
    } else {
        inner
    };
    inner.to_string_lossy().replace('\\', "/")
}

fn in_snapshot(path: &str) -> bool {
    path.starts_with(&format!("{SNAPSHOT_DIR}/"))
        || path.starts_with(&format!("{PREVIOUS_SNAPSHOT_DIR}/"))
}

fn is_script(path: &str) -> bool {
    Dialect::ALL.iter().any(|d| {
        path.strip_prefix(d.name())
            .and_then(|rest| rest.strip_prefix('/'))
            .is_some_and(|file| !file.contains('/') && file.ends_with(".sql"))
    })
}

/// The version of `sqlite/V3__x.sql` or `sqlite/V3__x.down.sql`.
fn script_version(path: &str) -> Option<i32> {
    if !is_script(path) {
        return None;
    }
    let file = path.rsplit('/').next()?;
    script_file_name(file).ok()
}

/// What dbtool.sum says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Record {
    /// SHA-256 by path relative to `migrations/`, for every line of the file.
    hashes: BTreeMap<String, String>,
    /// Hashes of the snapshot files, kept as recorded when scripts are re-hashed.
    kept: BTreeMap<String, String>,
    snapshot_version: Option<i32>,
    /// When one diff wrote several versions (index builds in a version of their own): the
    /// first of them, all discarded together.
    snapshot_first_version: Option<i32>,
    previous_version: Option<i32>,
    format: Option<u32>,
    previous_format: Option<u32>,
}

impl Record {
    fn parse(text: &str) -> Record {
        let mut record = Record::default();
        for line in text.lines() {
            if let Some(version) = line.strip_prefix(SNAPSHOT_VERSION_LINE) {
                record.snapshot_version = version.trim().parse().ok();
            } else if let Some(version) = line.strip_prefix(SNAPSHOT_FIRST_VERSION_LINE) {
                record.snapshot_first_version = version.trim().parse().ok();
            } else if let Some(version) = line.strip_prefix(PREVIOUS_VERSION_LINE) {
                record.previous_version = version.trim().parse().ok();
            } else if let Some(format) = line.strip_prefix(FORMAT_LINE) {
                record.format = format.trim().parse().ok();
            } else if let Some(format) = line.strip_prefix(PREVIOUS_FORMAT_LINE) {
                record.previous_format = format.trim().parse().ok();
            } else if line.starts_with('#') {
                // Another comment: sha256sum skips it too.
            } else if let Some((hash, path)) = line.split_once("  ") {
                let (path, hash) = (path.trim().to_string(), hash.trim().to_string());
                if in_snapshot(&path) {
                    record.kept.insert(path.clone(), hash.clone());
                }
                record.hashes.insert(path, hash);
            }
        }
        record
    }
}

/// `migrations/` as read from disk, and the changes to write back all at once.
struct Folder {
    /// Scripts and snapshot files as they will be (disk, then the changes).
    files: BTreeMap<String, Vec<u8>>,
    record: Record,
    changes: crate::journal::Changes,
}

impl Folder {
    fn read(migrations: &Path) -> Result<Folder, MigrateError> {
        let mut files = BTreeMap::new();
        for dialect in Dialect::ALL {
            read_files(
                &migrations.join(dialect.name()),
                dialect.name(),
                false,
                &mut files,
            )?;
        }
        for dir in [SNAPSHOT_DIR, PREVIOUS_SNAPSHOT_DIR] {
            read_files(&migrations.join(dir), dir, true, &mut files)?;
        }
        let sum = migrations.join(INTEGRITY_FILE);
        let record = match fs::read_to_string(&sum) {
            Ok(text) => Record::parse(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Record::default(),
            Err(e) => return Err(io_error(&sum, e)),
        };
        Ok(Folder {
            files,
            record,
            changes: crate::journal::Changes::new(),
        })
    }

    fn set(&mut self, path: String, content: Vec<u8>) {
        self.changes.write(path.as_str(), content.clone());
        self.files.insert(path, content);
    }

    fn add_pairs(&mut self, version: i32, name: &str, files: &[VersionFiles]) -> Vec<String> {
        let mut written = Vec::new();
        for file in files {
            for (suffix, text) in [("sql", &file.up), ("down.sql", &file.down)] {
                let path = format!("{}/V{version}__{name}.{suffix}", file.dialect.name());
                self.set(path.clone(), text.clone().into_bytes());
                written.push(path);
            }
        }
        written
    }

    /// The files under `dir/`, by name inside it.
    fn files_under(&self, dir: &str) -> BTreeMap<String, Vec<u8>> {
        let prefix = format!("{dir}/");
        self.files
            .iter()
            .filter_map(|(path, bytes)| {
                path.strip_prefix(&prefix)
                    .map(|name| (name.to_string(), bytes.clone()))
            })
            .collect()
    }

    /// Makes `dir/` hold exactly `contents`, and records their hashes as the snapshot's.
    fn replace_under(&mut self, dir: &str, contents: &BTreeMap<String, Vec<u8>>) {
        let prefix = format!("{dir}/");
        let stale: Vec<String> = self
            .files
            .keys()
            .filter(|path| {
                path.strip_prefix(&prefix)
                    .is_some_and(|name| !contents.contains_key(name))
            })
            .cloned()
            .collect();
        for path in stale {
            self.files.remove(&path);
            self.changes.remove(path.as_str());
        }
        self.record
            .kept
            .retain(|path, _| !path.starts_with(&prefix));
        for (name, bytes) in contents {
            let path = format!("{prefix}{name}");
            self.record.kept.insert(path.clone(), sha256_hex(bytes));
            self.set(path, bytes.clone());
        }
    }

    /// The first and last version of the latest change: the latest version, or the versions
    /// of the diff that wrote the snapshot when it is the latest and wrote several; a
    /// diff-written version whose scripts were deleted by hand still counts (its snapshot is
    /// what is left to discard).
    fn latest_change(&self) -> Result<(i32, i32), MigrateError> {
        let latest = self.latest_version_before(i32::MAX);
        let snapshot_version = self.record.snapshot_version;
        let target = match (latest, snapshot_version) {
            (Some(latest), Some(snapshot)) => latest.max(snapshot),
            (Some(latest), None) => latest,
            (None, Some(snapshot)) => snapshot,
            (None, None) => {
                return Err(MigrateError::Invalid(
                    "there is no migration to discard".to_string(),
                ))
            }
        };
        let first = match self.record.snapshot_first_version {
            Some(first) if snapshot_version == Some(target) => first,
            _ => target,
        };
        Ok((first, target))
    }

    fn latest_version_before(&self, version: i32) -> Option<i32> {
        self.files
            .keys()
            .filter_map(|path| script_version(path))
            .filter(|v| *v < version)
            .max()
    }

    /// The integrity file for the files as they will be: scripts hashed as they are, the
    /// snapshot's lines as recorded.
    fn integrity_text(&self) -> String {
        let mut lines: BTreeMap<String, String> = self
            .files
            .iter()
            .filter(|(path, _)| is_script(path))
            .map(|(path, bytes)| (path.clone(), sha256_hex(bytes)))
            .collect();
        lines.extend(self.record.kept.clone());
        let mut text = String::new();
        if let Some(version) = self.record.snapshot_version {
            let _ = writeln!(text, "{SNAPSHOT_VERSION_LINE}{version}");
        }
        if let Some(version) = self.record.snapshot_first_version {
            let _ = writeln!(text, "{SNAPSHOT_FIRST_VERSION_LINE}{version}");
        }
        if let Some(version) = self.record.previous_version {
            let _ = writeln!(text, "{PREVIOUS_VERSION_LINE}{version}");
        }
        if let Some(format) = self.record.format {
            let _ = writeln!(text, "{FORMAT_LINE}{format}");
        }
        if let Some(format) = self.record.previous_format {
            let _ = writeln!(text, "{PREVIOUS_FORMAT_LINE}{format}");
        }
        for (path, hash) in lines {
            let _ = writeln!(text, "{hash}  {path}");
        }
        text
    }

    fn commit(mut self, migrations: &Path) -> Result<(), MigrateError> {
        let text = self.integrity_text();
        self.changes.write(INTEGRITY_FILE, text);
        self.changes
            .commit(migrations)
            .map_err(|e| io_error(migrations, e))
    }
}

/// Every file under `dir` (recursively when `deep`), keyed `prefix/relative path`.
fn read_files(
    dir: &Path,
    prefix: &str,
    deep: bool,
    files: &mut BTreeMap<String, Vec<u8>>,
) -> Result<(), MigrateError> {
    if !dir.is_dir() {
        return Ok(());
    }
    let entries = fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| io_error(dir, e))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let key = format!("{prefix}/{name}");
        if path.is_dir() {
            if deep {
                read_files(&path, &key, deep, files)?;
            }
        } else if deep || name.ends_with(".sql") {
            let bytes = fs::read(&path).map_err(|e| io_error(&path, e))?;
            files.insert(key, bytes);
        }
    }
    Ok(())
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

/// SHA-256 of every script of `dialects`, by path relative to `migrations/`.
fn script_hashes(
    migrations: &Path,
    dialects: &[Dialect],
) -> Result<BTreeMap<String, String>, MigrateError> {
    let mut files = BTreeMap::new();
    for dialect in dialects {
        read_files(
            &migrations.join(dialect.name()),
            dialect.name(),
            false,
            &mut files,
        )?;
    }
    Ok(files
        .iter()
        .map(|(path, bytes)| (path.clone(), sha256_hex(bytes)))
        .collect())
}

/// What is wrong with the snapshot: files that differ from what dbtool.sum recorded when
/// `dbtool diff` wrote them, and a snapshot whose version has no scripts (they were deleted
/// after the diff, so the next diff would miss the change). `check` and `diff` refuse both.
pub fn snapshot_problems(migrations: &Path) -> Result<Vec<String>, MigrateError> {
    recover(migrations)?;
    let folder = Folder::read(migrations)?;
    let on_disk: BTreeMap<&String, String> = folder
        .files
        .iter()
        .filter(|(path, _)| in_snapshot(path))
        .map(|(path, bytes)| (path, sha256_hex(bytes)))
        .collect();
    let record = &folder.record;
    let mut problems = Vec::new();
    if record.snapshot_version.is_none() {
        if on_disk
            .keys()
            .any(|p| p.starts_with(&format!("{SNAPSHOT_DIR}/")))
        {
            problems.push(format!(
                "{INTEGRITY_FILE} does not record the snapshot in migrations/{SNAPSHOT_DIR}/ (it was written by an older dbtool, or by hand); after checking that the snapshot is the schema as of the latest migration, run `dbtool migration hash`"
            ));
        }
        return Ok(problems);
    }
    for (path, hash) in &record.kept {
        match on_disk.get(path) {
            Some(actual) if actual == hash => {}
            Some(_) => problems.push(format!(
                "migrations/{path} differs from what `dbtool diff` wrote ({INTEGRITY_FILE}); only diff and `dbtool migration discard` write the snapshot: restore it from version control"
            )),
            None => problems.push(format!(
                "migrations/{path} is missing; restore it from version control (without it the next diff would write the wrong migration)"
            )),
        }
    }
    for path in on_disk.keys() {
        if !record.kept.contains_key(*path) {
            problems.push(format!(
                "migrations/{path} is not part of the snapshot `dbtool diff` wrote; remove it"
            ));
        }
    }
    if let Some(version) = record.snapshot_version {
        let has_scripts = folder
            .files
            .keys()
            .any(|path| script_version(path) == Some(version));
        if !has_scripts {
            problems.push(format!(
                "migrations/{SNAPSHOT_DIR}/ is the schema as of version {version}, whose scripts are gone, so the next diff would miss that version's changes; run `dbtool migration discard` to set the snapshot back as well, or restore the scripts"
            ));
        }
    }
    Ok(problems)
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
    let recorded = Record::parse(&text).hashes;
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
