//! The architecture's rules that a test can check (ARCHITECTURE.md, "Invariants").
//!
//! 1. The pure core (schema, dialect, resolved, render, diff, author, query, codegen, diagnostic,
//!    lexical, and the mapping half of pull) takes
//!    values and returns values: it names no IO module of dbtool and no file, process,
//!    network or database API.
//! 2. Nothing outside `src/engine/` matches on an engine's URL or calls a database driver; the
//!    list of files allowed to call one anyway is empty and must stay so.

use std::path::{Path, PathBuf};

const CORE: &[&str] = &[
    "src/schema",
    "src/dialect",
    "src/resolved",
    "src/render",
    "src/diff",
    "src/query",
    "src/codegen",
    "src/diagnostic.rs",
    "src/lexical.rs",
    "src/author.rs",
    "src/introspect/pull.rs",
    "src/introspect/pull_sqlite.rs",
];

/// What a core file must not name: dbtool's IO modules, and the APIs that do IO.
const FORBIDDEN_IN_CORE: &[&str] = &[
    "crate::migrate",
    "crate::engine",
    "crate::project",
    "crate::cli",
    "crate::confirm",
    "crate::introspect",
    "crate::journal",
    "std::fs",
    "std::net",
    "std::process",
    "std::env",
    "rusqlite::",
    "postgres::Client",
    "postgres::Config",
    "tokio_postgres",
    "native_tls",
    "tempfile",
];

/// Files outside `src/engine/` that still match on an engine's URL.
const ENGINE_MATCHES_LEFT: &[&str] = &[];

/// Files outside `src/engine/` that still call a database driver: none.
const DRIVER_CALLS_LEFT: &[&str] = &[];

/// The database drivers' APIs.
const DRIVER_APIS: &[&str] = &[
    "rusqlite::",
    "postgres::Client",
    "postgres::Error",
    "postgres::Row",
    "postgres::Statement",
    "tokio_postgres::",
];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.to_path_buf());
        }
        return;
    }
    for entry in std::fs::read_dir(path).expect("read src") {
        rust_files(&entry.expect("entry").path(), out);
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The code of a file without its comments (a doc comment may name what the code must not).
fn code_of(path: &Path) -> String {
    std::fs::read_to_string(path)
        .expect("read")
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_core_does_no_io() {
    let mut files = Vec::new();
    for part in CORE {
        rust_files(&root().join(part), &mut files);
    }
    assert!(files.len() > 20, "the core's files were found");
    let mut found = Vec::new();
    for file in &files {
        let code = code_of(file);
        for forbidden in FORBIDDEN_IN_CORE {
            if code.contains(forbidden) {
                found.push(format!(
                    "{}: {forbidden}",
                    file.strip_prefix(root()).unwrap_or(file).display()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "the pure core reaches IO:\n{}",
        found.join("\n")
    );
}

/// Which core modules a core module must not name: the stages of the pipeline depend
/// downwards only (`resolved` below `diff` and `render`; `render` may render `diff`'s steps,
/// `diff` never renders; `author` above both), so no two of them form a cycle.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "src/schema",
        &[
            "crate::resolved",
            "crate::render",
            "crate::diff",
            "crate::author",
            "crate::query",
            "crate::codegen",
        ],
    ),
    (
        "src/dialect",
        &[
            "crate::resolved",
            "crate::render",
            "crate::diff",
            "crate::author",
            "crate::query",
            "crate::codegen",
        ],
    ),
    (
        "src/resolved",
        &[
            "crate::render",
            "crate::diff",
            "crate::author",
            "crate::query",
            "crate::codegen",
        ],
    ),
    (
        "src/diff/mod.rs",
        &[
            "crate::render",
            "crate::author",
            "crate::query",
            "crate::codegen",
        ],
    ),
    (
        "src/diff/table.rs",
        &[
            "crate::render",
            "crate::author",
            "crate::query",
            "crate::codegen",
        ],
    ),
    (
        "src/diff/concurrent.rs",
        &[
            "crate::render",
            "crate::author",
            "crate::query",
            "crate::codegen",
        ],
    ),
    (
        "src/render",
        &["crate::author", "crate::query", "crate::codegen"],
    ),
    (
        "src/query",
        &[
            "crate::resolved",
            "crate::diff",
            "crate::author",
            "crate::codegen",
        ],
    ),
];

#[test]
fn the_core_stages_depend_downwards_only() {
    let mut found = Vec::new();
    for (part, forbidden) in LAYERS {
        let mut files = Vec::new();
        rust_files(&root().join(part), &mut files);
        assert!(!files.is_empty(), "{part} was found");
        for file in &files {
            let code = code_of(file);
            for name in *forbidden {
                if code.contains(name) {
                    found.push(format!(
                        "{}: {name}",
                        file.strip_prefix(root()).unwrap_or(file).display()
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "a core stage reaches up:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_the_engine_layer_matches_on_engines() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut found = Vec::new();
    for file in &files {
        let relative = file
            .strip_prefix(root())
            .unwrap_or(file)
            .display()
            .to_string();
        if relative.starts_with("src/engine/") {
            continue;
        }
        let code = code_of(file);
        let matches = [
            "DatabaseUrl::Postgres",
            "DatabaseUrl::SqliteFile",
            "DatabaseUrl::SqliteMemory",
        ]
        .iter()
        .any(|variant| code.contains(variant));
        if matches && !ENGINE_MATCHES_LEFT.contains(&relative.as_str()) {
            found.push(relative);
        }
    }
    assert!(
        found.is_empty(),
        "outside src/engine/, these match on an engine (ask an engine::Connection instead):\n{}",
        found.join("\n")
    );
    for left in ENGINE_MATCHES_LEFT {
        let code = code_of(&root().join(left));
        assert!(
            code.contains("DatabaseUrl::"),
            "{left} no longer matches on engines: take it off ENGINE_MATCHES_LEFT"
        );
    }
}

#[test]
fn only_the_engine_layer_calls_database_drivers() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut found = Vec::new();
    for file in &files {
        let relative = file
            .strip_prefix(root())
            .unwrap_or(file)
            .display()
            .to_string();
        if relative.starts_with("src/engine/") {
            continue;
        }
        let code = code_of(file);
        let calls = DRIVER_APIS.iter().any(|api| code.contains(api));
        if calls && !DRIVER_CALLS_LEFT.contains(&relative.as_str()) {
            found.push(relative);
        }
    }
    assert!(
        found.is_empty(),
        "outside src/engine/, these call a database driver (ask an engine::Connection):\n{}",
        found.join("\n")
    );
    for left in DRIVER_CALLS_LEFT {
        let code = code_of(&root().join(left));
        assert!(
            DRIVER_APIS.iter().any(|api| code.contains(api)),
            "{left} no longer calls a driver: take it off DRIVER_CALLS_LEFT"
        );
    }
}
