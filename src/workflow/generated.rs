//! Writing the generated crate: all of it or nothing.
//!
//! dbtool owns `Cargo.toml` and `src/` of the generated crate; anything else there (tests,
//! README) is the project's and is left alone.

use std::fs;
use std::io;
use std::path::Path;

use crate::codegen::GeneratedFile;

/// Replaces the generated files, all or nothing (through [`crate::journal`]): the new files
/// are written and the files of `src/` that generate no longer writes are removed together, so
/// a failed or killed generate leaves the old crate or the new one.
pub fn write(dir: &Path, files: &[GeneratedFile]) -> io::Result<()> {
    crate::journal::recover(dir)?;
    let mut changes = crate::journal::Changes::new();
    for file in files {
        changes.write(&file.path, file.text.as_bytes());
    }
    for stale in stale_files(dir, files)? {
        if !files.iter().any(|f| f.path == stale) {
            changes.remove(stale);
        }
    }
    changes.commit(dir)
}

/// The generated files whose content on disk differs from `files`, and files in `src/` that
/// generate would not write.
pub fn stale_files(dir: &Path, files: &[GeneratedFile]) -> io::Result<Vec<String>> {
    crate::journal::recover(dir)?;
    let mut stale = Vec::new();
    for file in files {
        match fs::read_to_string(dir.join(&file.path)) {
            Ok(text) if text == file.text => {}
            _ => stale.push(file.path.clone()),
        }
    }
    let src = dir.join("src");
    if src.is_dir() {
        let mut extra = Vec::new();
        for entry in fs::read_dir(&src)? {
            let name = format!("src/{}", entry?.file_name().to_string_lossy());
            if !files.iter().any(|f| f.path == name) {
                extra.push(name);
            }
        }
        extra.sort();
        stale.extend(extra);
    }
    Ok(stale)
}
