//! The `dbtool` command line: parses arguments, calls the library, prints results and errors.

mod report;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::SourceFile;
use crate::project::{Project, ProjectError};
use crate::render;
use crate::schema::{self, Dialect};

pub use report::ColorChoice;

/// Exit codes (documented in README.md).
pub mod exit {
    pub const OK: u8 = 0;
    pub const PROBLEMS_FOUND: u8 = 1;
    pub const INPUT_ERROR: u8 = 2;
}

#[derive(Parser, Debug)]
#[command(
    name = "dbtool",
    version,
    about = "SQL-first schema, migration and code generation for PostgreSQL, TimescaleDB and SQLite",
    after_help = "Examples:\n  dbtool render --dialect sqlite\n  dbtool render --dialect postgres -o schema.sql"
)]
pub struct Cli {
    /// Path to dbtool.toml (default: the nearest one above the current directory).
    #[arg(long, global = true, env = "DBTOOL_CONFIG")]
    config: Option<PathBuf>,
    /// When to use colours in messages.
    #[arg(long, global = true, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// Print nothing but errors.
    #[arg(short, long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the DDL of the declared schema for one dialect.
    #[command(
        after_help = "Examples:\n  dbtool render --dialect sqlite\n  dbtool render --dialect timescaledb -o timescaledb.sql"
    )]
    Render {
        /// The dialect to render.
        #[arg(long, short, value_enum)]
        dialect: DialectArg,
        /// Write to FILE (replaced atomically) instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum DialectArg {
    Postgres,
    Timescaledb,
    Sqlite,
}

impl From<DialectArg> for Dialect {
    fn from(d: DialectArg) -> Dialect {
        match d {
            DialectArg::Postgres => Dialect::Postgres,
            DialectArg::Timescaledb => Dialect::Timescaledb,
            DialectArg::Sqlite => Dialect::Sqlite,
        }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let reporter = report::Reporter::new(cli.color);
    let code = match run(&cli, &reporter) {
        Ok(()) => exit::OK,
        Err(failure) => {
            reporter.failure(&failure);
            failure.exit_code()
        }
    };
    ExitCode::from(code)
}

/// Why a command failed, carrying what the reporter needs to show it.
pub enum Failure {
    Project(ProjectError),
    Diagnostics {
        diagnostics: Vec<crate::diagnostic::Diagnostic>,
        sources: Vec<SourceFile>,
    },
    Other(String),
}

impl Failure {
    fn exit_code(&self) -> u8 {
        exit::INPUT_ERROR
    }
}

fn run(cli: &Cli, reporter: &report::Reporter) -> Result<(), Failure> {
    let cwd = std::env::current_dir()
        .map_err(|e| Failure::Other(format!("cannot read the current directory: {e}")))?;
    let project = Project::open(cli.config.as_deref(), &cwd).map_err(Failure::Project)?;
    match &cli.command {
        Command::Render { dialect, output } => {
            let dialect = Dialect::from(*dialect);
            let ddl = render_project(&project, dialect)?;
            match output {
                Some(path) => {
                    write_atomically(path, &ddl)?;
                    if !cli.quiet {
                        reporter.status(&format!("wrote {} DDL to {}", dialect, path.display()));
                    }
                }
                None => {
                    let mut stdout = std::io::stdout().lock();
                    stdout.write_all(ddl.as_bytes()).map_err(|e| {
                        Failure::Other(format!("cannot write to standard output: {e}"))
                    })?;
                }
            }
            Ok(())
        }
    }
}

/// Loads, validates and renders the project's schema for `dialect`.
fn render_project(project: &Project, dialect: Dialect) -> Result<String, Failure> {
    let sources = project.schema_sources().map_err(Failure::Project)?;
    let schema = schema::load(&sources, &project.config.dialects).map_err(|diagnostics| {
        Failure::Diagnostics {
            diagnostics,
            sources: sources.clone(),
        }
    })?;
    let templates = project.templates().map_err(Failure::Project)?;
    render::render(&schema, dialect, &templates).map_err(|e| Failure::Other(e.to_string()))
}

/// Writes next to `path` and renames over it, so a failure never leaves half a file.
fn write_atomically(path: &Path, text: &str) -> Result<(), Failure> {
    let temporary = path.with_extension("dbtool-tmp");
    std::fs::write(&temporary, text)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temporary);
            Failure::Other(format!("cannot write {}: {e}", path.display()))
        })
}
