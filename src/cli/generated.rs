//! Writing the generated crate: all of it or nothing.
//!
//! dbtool owns `Cargo.toml` and `src/` of the generated crate; anything else there (tests,
//! README) is the project's and is left alone.

use std::fs;
use std::io;
use std::path::Path;

use crate::codegen::GeneratedFile;

const STAGING: &str = ".dbtool-new";
const RETIRED: &str = ".dbtool-old";

/// Replaces the generated files: everything is written to a staging folder first, then swapped
/// in with renames, so an error leaves the old crate as it was.
pub fn write(dir: &Path, files: &[GeneratedFile]) -> io::Result<()> {
    let staging = dir.join(STAGING);
    let retired = dir.join(RETIRED);
    let _ = fs::remove_dir_all(&staging);
    let _ = fs::remove_dir_all(&retired);
    for file in files {
        let path = staging.join(&file.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, &file.text)?;
    }
    fs::create_dir_all(&retired)?;
    // Move the old files aside, then the new ones in; on any failure put the old ones back.
    let src = dir.join("src");
    let manifest = dir.join("Cargo.toml");
    let swap = || -> io::Result<()> {
        if src.exists() {
            fs::rename(&src, retired.join("src"))?;
        }
        if manifest.exists() {
            fs::rename(&manifest, retired.join("Cargo.toml"))?;
        }
        fs::rename(staging.join("src"), &src)?;
        fs::rename(staging.join("Cargo.toml"), &manifest)
    };
    if let Err(e) = swap() {
        let _ = fs::remove_dir_all(&src);
        let _ = fs::rename(retired.join("src"), &src);
        let _ = fs::rename(retired.join("Cargo.toml"), &manifest);
        return Err(e);
    }
    let _ = fs::remove_dir_all(&staging);
    let _ = fs::remove_dir_all(&retired);
    Ok(())
}

/// The generated files whose content on disk differs from `files`, and files in `src/` that
/// generate would not write.
pub fn stale_files(dir: &Path, files: &[GeneratedFile]) -> io::Result<Vec<String>> {
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
