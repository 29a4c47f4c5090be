//! All-or-nothing changes to a set of files under one folder (`migrations/`, the generated
//! crate), so that a killed or failed command leaves the old files or the new ones, never a mix.
//!
//! A change is staged in a journal folder (`FOLDER/.dbtool-journal/`): the new contents, then a
//! plan naming every file to write and to remove. Renaming the plan into place is the commit
//! point; the files are then moved into place and the journal removed. A process killed before
//! the commit point leaves a journal without a plan, which is thrown away; one killed after it
//! leaves a plan, which is carried out. Every command that reads such a folder calls
//! [`recover`] first, so what any dbtool command sees is the state before a change or after it.
//! (Between the kill and the next dbtool command, a reader other than dbtool can see the moves
//! half done; no portable file system call replaces several files at once.)
//!
//! Writers and recovery hold an exclusive lock on the folder itself (`flock` on Unix) while
//! they work, so two dbtool processes never interleave their changes.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

const JOURNAL: &str = ".dbtool-journal";
const PLAN: &str = "plan.json";
const PLAN_UNFINISHED: &str = "plan.json.part";

/// The files to write (path relative to the folder, new content) and to remove.
#[derive(Debug, Default)]
pub struct Changes {
    writes: BTreeMap<PathBuf, Vec<u8>>,
    removes: BTreeSet<PathBuf>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Plan {
    /// (staged file name inside the journal, destination relative to the folder)
    writes: Vec<(String, PathBuf)>,
    removes: Vec<PathBuf>,
}

/// What [`recover`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recovered {
    Nothing,
    /// A change was interrupted after its commit point and has now been completed.
    Completed,
    /// A change was interrupted before its commit point and has been thrown away.
    Discarded,
}

impl Changes {
    pub fn new() -> Changes {
        Changes::default()
    }

    /// Writes `content` to `path` (relative to the folder), replacing what is there.
    pub fn write(&mut self, path: impl Into<PathBuf>, content: impl Into<Vec<u8>>) {
        let path = path.into();
        self.removes.remove(&path);
        self.writes.insert(path, content.into());
    }

    /// Removes `path` (relative to the folder) if it exists.
    pub fn remove(&mut self, path: impl Into<PathBuf>) {
        let path = path.into();
        if !self.writes.contains_key(&path) {
            self.removes.insert(path);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.writes.is_empty() && self.removes.is_empty()
    }

    /// Carries the changes out under `folder`, all or nothing.
    pub fn commit(self, folder: &Path) -> io::Result<()> {
        for path in self.writes.keys().chain(&self.removes) {
            check_relative(path)?;
        }
        fs::create_dir_all(folder)?;
        let _lock = FolderLock::take(folder)?;
        recover_locked(folder)?;
        let journal = folder.join(JOURNAL);
        fs::create_dir(&journal)?;
        let mut plan = Plan {
            writes: Vec::new(),
            removes: self.removes.into_iter().collect(),
        };
        for (index, (path, content)) in self.writes.into_iter().enumerate() {
            let staged = format!("{index}");
            write_synced(&journal.join(&staged), &content)?;
            crash_point();
            plan.writes.push((staged, path));
        }
        let text = serde_json::to_vec(&plan).map_err(io::Error::other)?;
        write_synced(&journal.join(PLAN_UNFINISHED), &text)?;
        crash_point();
        // The commit point: from here on, the change happens even if this process dies.
        fs::rename(journal.join(PLAN_UNFINISHED), journal.join(PLAN))?;
        sync_folder(&journal);
        crash_point();
        carry_out(folder, &journal, &plan)
    }
}

/// Replaces one file atomically: the content goes to a hidden file beside it, is synced, and is
/// renamed over the old one, so a reader (or a kill) sees the old file or the new one.
pub fn write_file(path: &Path, content: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.dbtool-tmp"));
    let written = write_synced(&temporary, content).and_then(|()| {
        crash_point();
        fs::rename(&temporary, path)
    });
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written?;
    crash_point();
    Ok(())
}

/// Finishes or throws away a change that a killed process left in `folder`.
pub fn recover(folder: &Path) -> io::Result<Recovered> {
    if !folder.join(JOURNAL).exists() {
        return Ok(Recovered::Nothing);
    }
    let _lock = FolderLock::take(folder)?;
    recover_locked(folder)
}

fn recover_locked(folder: &Path) -> io::Result<Recovered> {
    let journal = folder.join(JOURNAL);
    if !journal.exists() {
        return Ok(Recovered::Nothing);
    }
    let plan_path = journal.join(PLAN);
    if !plan_path.exists() {
        fs::remove_dir_all(&journal)?;
        return Ok(Recovered::Discarded);
    }
    let text = fs::read(&plan_path)?;
    let plan: Plan = serde_json::from_slice(&text).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{} is damaged ({e})", plan_path.display()),
        )
    })?;
    carry_out(folder, &journal, &plan)?;
    Ok(Recovered::Completed)
}

/// Moves every staged file into place and removes what the plan removes; each step can be
/// repeated, so a second run after a kill finishes the first.
fn carry_out(folder: &Path, journal: &Path, plan: &Plan) -> io::Result<()> {
    for (staged, path) in &plan.writes {
        let from = journal.join(staged);
        if !from.exists() {
            continue; // moved by an earlier, interrupted run
        }
        let to = folder.join(path);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::rename(&from, &to)?;
        crash_point();
    }
    for path in &plan.removes {
        let target = folder.join(path);
        match fs::remove_file(&target) {
            Ok(()) => {
                remove_empty_parents(folder, &target);
                crash_point();
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    sync_folder(folder);
    fs::remove_dir_all(journal)
}

/// Folders emptied by removals go too (a snapshot file's folder), up to `folder` itself.
fn remove_empty_parents(folder: &Path, removed: &Path) {
    let mut current = removed.parent();
    while let Some(dir) = current {
        if dir == folder || fs::remove_dir(dir).is_err() {
            break;
        }
        current = dir.parent();
    }
}

/// For the interrupted-write tests: with `DBTOOL_TEST_CRASH_AT=N`, the process aborts at the
/// N-th step of a change (a file staged, the plan written, the commit point, a file moved or
/// removed), as a `kill -9` there would stop it. Unset, this is a no-op.
fn crash_point() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::OnceLock;
    static AT: OnceLock<Option<usize>> = OnceLock::new();
    static STEPS: AtomicUsize = AtomicUsize::new(0);
    let at = AT.get_or_init(|| {
        std::env::var("DBTOOL_TEST_CRASH_AT")
            .ok()
            .and_then(|n| n.parse().ok())
    });
    if let Some(at) = at {
        if STEPS.fetch_add(1, Ordering::SeqCst) + 1 == *at {
            std::process::abort();
        }
    }
}

/// Longer file names are refused by common file systems; checked before the commit point, so
/// such a change fails with nothing written instead of leaving a plan that cannot finish.
const MAX_FILE_NAME: usize = 255;

fn check_relative(path: &Path) -> io::Result<()> {
    let plain = path.components().all(|c| match c {
        Component::Normal(name) => name.len() <= MAX_FILE_NAME,
        _ => false,
    });
    if plain && !path.as_os_str().is_empty() {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{} is not a path inside the folder, or a name in it is longer than {MAX_FILE_NAME} bytes",
                path.display()
            ),
        ))
    }
}

fn write_synced(path: &Path, content: &[u8]) -> io::Result<()> {
    let mut file = fs::File::create(path)?;
    file.write_all(content)?;
    file.sync_all()
}

/// Makes renames in `folder` durable; a no-op where folders cannot be opened (Windows).
fn sync_folder(folder: &Path) {
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
}

/// An exclusive lock on a folder, released when dropped. Where a folder cannot be opened as a
/// file (Windows), there is no lock: concurrent dbtool writers are then the user's to avoid.
struct FolderLock(Option<fs::File>);

impl FolderLock {
    fn take(folder: &Path) -> io::Result<FolderLock> {
        let Ok(file) = fs::File::open(folder) else {
            return Ok(FolderLock(None));
        };
        file.lock()?;
        Ok(FolderLock(Some(file)))
    }
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        if let Some(file) = &self.0 {
            let _ = file.unlock();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(folder: &Path, path: &str) -> Option<String> {
        fs::read_to_string(folder.join(path)).ok()
    }

    #[test]
    fn a_change_writes_and_removes_together() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::create_dir_all(dir.path().join("schema")).expect("mkdir");
        fs::write(dir.path().join("schema/old.yaml"), "old").expect("write");
        fs::write(dir.path().join("sum"), "1").expect("write");
        let mut changes = Changes::new();
        changes.write("sum", "2");
        changes.write("sqlite/V2__x.sql", "up");
        changes.remove("schema/old.yaml");
        changes.commit(dir.path()).expect("commit");
        assert_eq!(read(dir.path(), "sum").as_deref(), Some("2"));
        assert_eq!(read(dir.path(), "sqlite/V2__x.sql").as_deref(), Some("up"));
        assert!(!dir.path().join("schema").exists(), "emptied folders go");
        assert!(!dir.path().join(JOURNAL).exists());
    }

    /// A journal without a plan is a change killed before its commit point: thrown away.
    /// One with a plan, however far its moves got, is finished.
    #[test]
    fn recovery_throws_away_before_the_commit_point_and_finishes_after_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("sum"), "1").expect("write");
        let journal = dir.path().join(JOURNAL);
        fs::create_dir(&journal).expect("journal");
        fs::write(journal.join("0"), "2").expect("stage");
        fs::write(journal.join(PLAN_UNFINISHED), "{").expect("half a plan");
        assert_eq!(recover(dir.path()).expect("recover"), Recovered::Discarded);
        assert_eq!(read(dir.path(), "sum").as_deref(), Some("1"));
        assert!(!journal.exists());

        fs::create_dir(&journal).expect("journal");
        fs::write(journal.join("1"), "up").expect("stage");
        // "0" was already moved by the killed process: `sum` holds its new content.
        fs::write(dir.path().join("sum"), "2").expect("moved");
        fs::write(dir.path().join("gone"), "x").expect("write");
        let plan = Plan {
            writes: vec![
                ("0".into(), PathBuf::from("sum")),
                ("1".into(), PathBuf::from("sqlite/V2__x.sql")),
            ],
            removes: vec![PathBuf::from("gone")],
        };
        fs::write(journal.join(PLAN), serde_json::to_vec(&plan).expect("json")).expect("plan");
        assert_eq!(recover(dir.path()).expect("recover"), Recovered::Completed);
        assert_eq!(read(dir.path(), "sum").as_deref(), Some("2"));
        assert_eq!(read(dir.path(), "sqlite/V2__x.sql").as_deref(), Some("up"));
        assert!(read(dir.path(), "gone").is_none());
        assert!(!journal.exists());
        assert_eq!(recover(dir.path()).expect("again"), Recovered::Nothing);
    }

    #[test]
    fn paths_outside_the_folder_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        for path in ["../escape", "/abs", ""] {
            let mut changes = Changes::new();
            changes.write(path, "x");
            assert!(changes.commit(dir.path()).is_err(), "{path}");
        }
    }
}
