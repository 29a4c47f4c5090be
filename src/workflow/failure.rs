//! Why a command failed, in the terms the CLI shows and exits with; the library's workflows
//! return it too, so a library user gets the same diagnostics and the same kinds.

use crate::diagnostic::SourceFile;
use crate::project::ProjectError;

/// Exit codes (documented in README.md).
pub mod exit {
    pub const OK: u8 = 0;
    pub const PROBLEMS_FOUND: u8 = 1;
    pub const INPUT_ERROR: u8 = 2;
    pub const DATABASE_ERROR: u8 = 3;
}

/// Why a command failed, carrying what the reporter needs to show it.
#[derive(Debug)]
pub enum Failure {
    Project(ProjectError),
    Diagnostics {
        diagnostics: Vec<crate::diagnostic::Diagnostic>,
        sources: Vec<SourceFile>,
    },
    Other(String),
    Database(String),
    /// One error at a place in a file that is not among the loaded sources (a migration
    /// script): shown with its line, exiting with `exit`.
    Located {
        diagnostic: Box<crate::diagnostic::Diagnostic>,
        source: SourceFile,
        exit: u8,
    },
    /// A check found problems (exit 1), each said on its own line.
    Problems(String),
}

impl Failure {
    /// The process exit code that tells this failure's kind ([`exit`]).
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Database(_) => exit::DATABASE_ERROR,
            Failure::Located { exit, .. } => *exit,
            Failure::Problems(_) => exit::PROBLEMS_FOUND,
            _ => exit::INPUT_ERROR,
        }
    }
}

impl From<crate::engine::UrlError> for Failure {
    fn from(error: crate::engine::UrlError) -> Failure {
        Failure::from(crate::migrate::MigrateError::from(error))
    }
}

impl From<crate::engine::OpenError> for Failure {
    fn from(error: crate::engine::OpenError) -> Failure {
        Failure::from(crate::migrate::MigrateError::from(error))
    }
}

impl From<crate::migrate::MigrateError> for Failure {
    fn from(error: crate::migrate::MigrateError) -> Failure {
        let exit = if error.is_database() {
            exit::DATABASE_ERROR
        } else {
            exit::INPUT_ERROR
        };
        if let crate::migrate::MigrateError::InScript {
            diagnostic, script, ..
        } = error
        {
            let source = SourceFile {
                path: diagnostic.path.clone(),
                text: script,
            };
            return Failure::Located {
                diagnostic,
                source,
                exit,
            };
        }
        if error.is_database() {
            Failure::Database(error.to_string())
        } else {
            Failure::Other(error.to_string())
        }
    }
}
