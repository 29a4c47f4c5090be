//! The `dbtool` command line: parses arguments, calls the library, prints results and errors.

mod check;
mod commands;
mod completions;
mod progress;
mod report;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::project::{Project, ProjectError};
use crate::render;
use crate::schema::{self, Dialect};

pub use report::ColorChoice;

pub use crate::workflow::exit;

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
    /// When to use colours in messages (`auto`: on a terminal, unless NO_COLOR is set).
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        env = "DBTOOL_COLOR"
    )]
    color: ColorChoice,
    /// Print nothing but errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also say which configuration, database and files were used.
    #[arg(short, long, global = true)]
    verbose: bool,
    /// The environment of dbtool.toml whose database to use (`[env.NAME]`); also DBTOOL_ENV.
    #[arg(long = "env", global = true, value_name = "NAME")]
    environment: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Create a new project: config, an example schema and queries, the first migration, the
    /// generated crate in a cargo workspace, a justfile.
    #[command(
        after_help = "Then, inside it: `dbtool migrate`, `dbtool generate`, `cargo test`.\n\nWith --from-database, the project adopts a live database instead: its schema pulled into\nschema/app.yaml, version 1 written from it, and `dbtool baseline` to run next.\n\nExamples:\n  dbtool init blog\n  dbtool init .\n  dbtool init shop --from-database \"$DATABASE_URL\"\n  dbtool init legacy --from-database sqlite://legacy.db\n  dbtool init app --from-sqlc ../service/sqlc.yaml"
    )]
    Init {
        /// Where to create it (created if missing; default: the current directory).
        dir: Option<PathBuf>,
        /// Adopt this database (postgres://…, a conninfo string or sqlite://PATH): pull its
        /// schema, write version 1 from it and the generated crate; then `dbtool baseline`.
        #[arg(long, value_name = "URL", conflicts_with = "from_sqlc")]
        from_database: Option<String>,
        /// Convert this sqlc project (its sqlc.yaml or sqlc.json): its schema built and pulled,
        /// its query files copied, the crate generated.
        #[arg(long, value_name = "SQLC_CONFIG")]
        from_sqlc: Option<PathBuf>,
        /// With --from-sqlc for PostgreSQL: a server to build the schema on (a scratch database
        /// beside this one, dropped afterwards).
        #[arg(long, value_name = "URL", requires = "from_sqlc")]
        database_url: Option<String>,
    },
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
    /// Write the next migration (up and down, every dialect) from the schema's changes.
    #[command(
        after_help = "Examples:\n  dbtool diff add_user_email\n  dbtool diff drop_legacy_tables --allow-destructive"
    )]
    Diff {
        /// Name of the migration: letters, digits and `_`.
        name: String,
        /// Allow changes that lose data (dropped tables or columns, narrowed types).
        #[arg(long)]
        allow_destructive: bool,
        /// Build indexes on existing tables without blocking writes (PostgreSQL's CREATE INDEX
        /// CONCURRENTLY), in a version of their own that runs outside a transaction.
        #[arg(long)]
        concurrently: bool,
    },
    /// Hand-written migrations and the integrity file.
    #[command(subcommand)]
    Migration(MigrationCommand),
    /// Apply pending migrations (refinery's history table is the record).
    #[command(
        after_help = "Examples:\n  dbtool migrate\n  dbtool migrate --database-url postgres://app@localhost/app --target 3\n  dbtool migrate --dry-run"
    )]
    Migrate {
        #[command(flatten)]
        database: DatabaseArgs,
        #[command(flatten)]
        waiting: WaitingArgs,
        /// Stop after this version.
        #[arg(long)]
        target: Option<i32>,
        /// List what would be applied, change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Undo applied migrations with their down scripts, newest first.
    #[command(
        after_help = "A down script that drops a table or column holding rows (or whose rows cannot be counted) is named with the rows at stake and needs --allow-destructive.\n\nExamples:\n  dbtool rollback --steps 1\n  dbtool rollback --to 2\n  dbtool rollback --all --dry-run\n  dbtool rollback --steps 1 --allow-destructive"
    )]
    Rollback {
        #[command(flatten)]
        database: DatabaseArgs,
        #[command(flatten)]
        waiting: WaitingArgs,
        /// Undo this many versions.
        #[arg(long, conflicts_with_all = ["to", "all"])]
        steps: Option<usize>,
        /// Undo every version after this one.
        #[arg(long, conflicts_with = "all")]
        to: Option<i32>,
        /// Undo every version.
        #[arg(long)]
        all: bool,
        /// List what would be undone and the data it would lose, change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Run down scripts that lose data: dropped tables or columns that hold rows (or whose
        /// rows cannot be counted), narrowed types.
        #[arg(long)]
        allow_destructive: bool,
    },
    /// Write the generated crate (generated/) from the schema and the queries.
    #[command(
        after_help = "Every query is analysed against the schema, prepared on an in-memory SQLite built from\nthe rendered DDL and, with --database-url, on PostgreSQL in a scratch database. Any error\nleaves generated/ exactly as it was.\n\nExamples:\n  dbtool generate\n  dbtool generate --database-url postgres://postgres@localhost/postgres\n  dbtool generate --check"
    )]
    Generate {
        /// Also confirm every query on this PostgreSQL server (a scratch database is created
        /// and dropped).
        #[arg(long, env = "DBTOOL_TEST_PG_URL")]
        database_url: Option<String>,
        /// Change nothing; exit 1 if generated/ differs from what generate would write.
        #[arg(long)]
        check: bool,
    },
    /// Show how dbtool typed a query: each parameter and column, and why a column is or is
    /// not nullable.
    #[command(
        after_help = "Examples:\n  dbtool explain ListThreadsForUser\n  dbtool explain GetConversation --format json"
    )]
    Explain {
        /// The query's name, as in its `-- name:` annotation.
        #[arg(required_unless_present = "list")]
        name: Option<String>,
        /// List the queries' names instead, one per line (shell completion uses it).
        #[arg(long, conflicts_with = "name")]
        list: bool,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Check, offline, that everything derivable is current: migrations cover the schema,
    /// scripts match dbtool.sum, every query type-checks (and prepares on SQLite), generated/ is
    /// what generate writes.
    #[command(
        after_help = "Exit codes: 0 everything is current, 1 problems found (each with its fix), 2 the check\ncould not run (e.g. the schema has an error).\n\nExamples:\n  dbtool check\n  dbtool check --format github\n  dbtool check --format json"
    )]
    Check {
        /// Output format (`github`: GitHub Actions annotations, `::error file=…,line=…::…`).
        #[arg(long, value_enum, default_value = "text")]
        format: check::CheckFormat,
    },
    /// Compare a live database with what its own applied migrations produce: missing, extra
    /// and changed tables, columns, constraints, indexes, views, enums and functions.
    #[command(
        after_help = "The migrations up to the database's recorded version are applied to a scratch database of\nthe same engine (a temporary SQLite file, or a PostgreSQL database created and dropped next\nto the target), and the two catalogs are compared. Exit 0 no drift, 1 drift found.\n\nExamples:\n  dbtool drift\n  dbtool drift --env prod --format json"
    )]
    Drift {
        #[command(flatten)]
        database: DatabaseArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Read a live database's schema (PostgreSQL or SQLite) into schema YAML, to adopt an
    /// existing system.
    #[command(
        after_help = "PostgreSQL: the `public` schema's extensions, enums, tables (columns, keys, unique and check\nconstraints, foreign keys, indexes, comments), views and materialized views; functions and\ntriggers as raw statements. SQLite: tables, keys, indexes, views; triggers as raw statements.\nWhat has no portable form (a type, a default) is written per dialect and listed in the notes\nat the top of the file. Review the result, put it under schema/, and `dbtool render` /\n`dbtool diff` read it like any other file. Works outside a project too.\n\nExamples:\n  dbtool pull --database-url postgres://app@db/app -o schema/app.yaml\n  dbtool pull --database-url sqlite://app.db > schema/app.yaml\n  dbtool pull --env prod > schema/prod.yaml"
    )]
    Pull {
        /// Database URL (postgres://… or sqlite://PATH); without it, the database `migrate`
        /// would use.
        #[arg(long)]
        database_url: Option<String>,
        /// Write to FILE (replaced atomically) instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Prove the pull: build what it wrote in a scratch database beside the source and
        /// compare the two catalogs; exit 1 with each difference.
        #[arg(long)]
        verify: bool,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  dbtool completions bash > ~/.local/share/bash-completion/completions/dbtool\n  dbtool completions zsh > ~/.zfunc/_dbtool\n  dbtool completions fish > ~/.config/fish/completions/dbtool.fish"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), generated from the same definitions as --help.
    #[command(after_help = "Example:\n  dbtool man > ~/.local/share/man/man1/dbtool.1")]
    Man,
    /// Adopt a database that has no migration history: check that it holds exactly what
    /// versions 1..V build, then record them as applied without running them.
    #[command(
        after_help = "The database is compared with a scratch database the migrations build, as `dbtool drift` does; any difference is listed and nothing is recorded.\n\nExamples:\n  dbtool pull --database-url postgres://app@db/app -o schema/app.yaml\n  dbtool diff adopt\n  dbtool baseline --database-url postgres://app@db/app"
    )]
    Baseline {
        #[command(flatten)]
        database: DatabaseArgs,
        /// The version the database is at (default: the latest).
        #[arg(long)]
        version: Option<i32>,
    },
    /// List applied and pending migrations.
    #[command(after_help = "Examples:\n  dbtool status\n  dbtool status --format json")]
    Status {
        #[command(flatten)]
        database: DatabaseArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

#[derive(Subcommand, Debug)]
enum MigrationCommand {
    /// Write an empty up/down pair for every dialect, to fill in by hand.
    #[command(after_help = "Example:\n  dbtool migration new backfill_user_names")]
    New { name: String },
    /// Re-record the SHA-256 of every script in migrations/dbtool.sum after a reviewed edit.
    #[command(after_help = "Example:\n  dbtool migration hash")]
    Hash,
    /// Take back the latest migration: its scripts for every dialect, and the schema snapshot
    /// it wrote, so that the next `dbtool diff` writes it anew. Refused when the database at
    /// hand has it applied (roll it back first).
    #[command(
        after_help = "Examples:\n  dbtool migration discard\n  dbtool migration discard --database-url postgres://app@localhost/app"
    )]
    Discard {
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

/// How `migrate` and `rollback` wait.
#[derive(clap::Args, Debug)]
struct WaitingArgs {
    /// Give up after this many seconds when another migrator holds the migration lock
    /// (PostgreSQL; default: wait, saying who holds it)
    #[arg(long, value_name = "SECONDS")]
    lock_wait: Option<u64>,
    /// How long each statement may wait for a table lock, e.g. `5s` (PostgreSQL's
    /// lock_timeout; on SQLite, the wait for its write lock): a migration waiting on a lock
    /// blocks every query queued behind it
    #[arg(long, value_name = "DURATION")]
    lock_timeout: Option<String>,
    /// How long each statement may run, e.g. `10min` (PostgreSQL's statement_timeout)
    #[arg(long, value_name = "DURATION")]
    statement_timeout: Option<String>,
}

impl WaitingArgs {
    /// The flags, else the chosen environment's settings in dbtool.toml.
    fn waiting(&self, project: &Project, cli: &Cli, database: &DatabaseArgs) -> commands::Waiting {
        let vars = |name: &str| std::env::var(name).ok();
        let environment = project.chosen_environment(
            database.database_url.as_deref(),
            cli.environment.as_deref(),
            &vars,
        );
        commands::Waiting {
            lock_wait: self
                .lock_wait
                .or_else(|| environment.and_then(|e| e.lock_wait))
                .map(std::time::Duration::from_secs),
            lock_timeout: self
                .lock_timeout
                .clone()
                .or_else(|| environment.and_then(|e| e.lock_timeout.clone())),
            statement_timeout: self
                .statement_timeout
                .clone()
                .or_else(|| environment.and_then(|e| e.statement_timeout.clone())),
        }
    }
}

#[derive(clap::Args, Debug)]
struct DatabaseArgs {
    /// Database URL: postgres://…, postgresql://…, sqlite://PATH or sqlite::memory:. Without
    /// it: --env, then DATABASE_URL, then DBTOOL_ENV, then [env.dev] of dbtool.toml, then the
    /// project's SQLite file dbtool.db.
    #[arg(long)]
    database_url: Option<String>,
    /// Which dialect's scripts to run (default: sqlite for SQLite URLs; for PostgreSQL URLs,
    /// postgres if configured, else timescaledb).
    #[arg(long, short, value_enum)]
    dialect: Option<DialectArg>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Text,
    Json,
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

pub use crate::workflow::Failure;

fn run(cli: &Cli, reporter: &report::Reporter) -> Result<(), Failure> {
    let cwd = std::env::current_dir()
        .map_err(|e| Failure::Other(format!("cannot read the current directory: {e}")))?;
    match &cli.command {
        Command::Completions { shell } => return print_completions(*shell),
        Command::Man => return print_man_page(),
        _ => {}
    }
    if let Command::Init {
        dir,
        from_database,
        from_sqlc,
        database_url,
    } = &cli.command
    {
        let dir = match dir {
            Some(dir) if dir.is_absolute() => dir.clone(),
            Some(dir) => cwd.join(dir),
            None => cwd.clone(),
        };
        return match (from_database, from_sqlc) {
            (Some(url), _) => commands::init_from_database(&dir, url, reporter, cli.quiet),
            (None, Some(config)) => commands::init_from_sqlc(
                &dir,
                &cwd.join(config),
                database_url.as_deref(),
                reporter,
                cli.quiet,
            ),
            (None, None) => commands::init(&dir, reporter, cli.quiet),
        };
    }
    let project = match Project::open(cli.config.as_deref(), &cwd) {
        // Adopting a database comes before having a project: `pull` works anywhere, for the
        // default dialects, as long as it is given the database.
        Err(ProjectError::NotFound { .. }) if matches!(cli.command, Command::Pull { .. }) => {
            Project::unconfigured(&cwd)
        }
        opened => opened.map_err(Failure::Project)?,
    };
    if cli.verbose {
        reporter.status(&format!(
            "project: {} (dialects: {})",
            project.root.display(),
            project
                .config
                .dialects
                .iter()
                .map(|d| d.name())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
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
                None => write_stdout(ddl.as_bytes())?,
            }
            Ok(())
        }
        Command::Diff {
            name,
            allow_destructive,
            concurrently,
        } => commands::diff(
            &project,
            reporter,
            cli.quiet,
            name,
            *allow_destructive,
            *concurrently,
        ),
        Command::Migration(MigrationCommand::New { name }) => {
            commands::migration_new(&project, reporter, cli.quiet, name)
        }
        Command::Migration(MigrationCommand::Hash) => {
            commands::migration_hash(&project, reporter, cli.quiet)
        }
        Command::Migration(MigrationCommand::Discard { database }) => commands::migration_discard(
            &project,
            reporter,
            cli.quiet,
            &database_target(&project, cli, reporter, database)?,
        ),
        Command::Migrate {
            database,
            waiting,
            target,
            dry_run,
        } => commands::migrate(
            &project,
            reporter,
            cli.quiet,
            &database_target(&project, cli, reporter, database)?,
            crate::migrate::MigrateOptions {
                target: *target,
                dry_run: *dry_run,
            },
            &waiting.waiting(&project, cli, database),
        ),
        Command::Rollback {
            database,
            waiting,
            steps,
            to,
            all,
            dry_run,
            allow_destructive,
        } => {
            let target = match (steps, to, all) {
                (_, _, true) => crate::migrate::RollbackTarget::All,
                (_, Some(to), _) => crate::migrate::RollbackTarget::To(*to),
                (Some(steps), _, _) => crate::migrate::RollbackTarget::Steps(*steps),
                (None, None, false) => {
                    return Err(Failure::Other(
                        "say how far to roll back: --steps N, --to VERSION or --all".into(),
                    ))
                }
            };
            commands::rollback(
                &project,
                reporter,
                cli.quiet,
                &database_target(&project, cli, reporter, database)?,
                target,
                crate::migrate::RollbackOptions {
                    dry_run: *dry_run,
                    allow_destructive: *allow_destructive,
                },
                &waiting.waiting(&project, cli, database),
            )
        }
        Command::Init { .. } | Command::Completions { .. } | Command::Man => {
            unreachable!("handled before the project is opened")
        }
        Command::Generate {
            database_url,
            check,
        } => commands::generate(
            &project,
            reporter,
            cli.quiet,
            database_url.as_deref(),
            *check,
        ),
        Command::Check { format } => check::check(&project, reporter, cli.quiet, *format),
        Command::Drift { database, format } => commands::drift(
            &project,
            reporter,
            cli.quiet,
            &database_target(&project, cli, reporter, database)?,
            matches!(format, Format::Json),
        ),
        Command::Pull {
            database_url,
            output,
            verify,
        } => {
            let args = DatabaseArgs {
                database_url: database_url.clone(),
                dialect: None,
            };
            // Pulling needs no migrations: any engine is fine, configured or not.
            let url = database_url_of(&project, cli, reporter, &args)?;
            let yaml = commands::pull(&project, reporter, cli.quiet, &url)?;
            match output {
                Some(path) => write_atomically(path, &yaml)?,
                None => write_stdout(yaml.as_bytes())?,
            }
            if *verify {
                let shown = output
                    .as_ref()
                    .map_or("pulled.yaml".to_string(), |p| p.display().to_string());
                commands::verify_pull(&project, reporter, cli.quiet, &url, &yaml, &shown)?;
            }
            Ok(())
        }
        Command::Explain { list: true, .. } => {
            let names = crate::workflow::query_names(&project)?;
            write_stdout(
                names
                    .iter()
                    .map(|n| format!("{n}\n"))
                    .collect::<String>()
                    .as_bytes(),
            )
        }
        Command::Explain { name, format, .. } => commands::explain(
            &project,
            name.as_deref().unwrap_or_default(),
            matches!(format, Format::Json),
        ),
        Command::Baseline { database, version } => commands::baseline(
            &project,
            reporter,
            cli.quiet,
            &database_target(&project, cli, reporter, database)?,
            *version,
        ),
        Command::Status { database, format } => commands::status(
            &project,
            &database_target(&project, cli, reporter, database)?,
            matches!(format, Format::Json),
        ),
    }
}

fn print_completions(shell: clap_complete::Shell) -> Result<(), Failure> {
    let mut command = <Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "dbtool", &mut out);
    let script = String::from_utf8_lossy(&out);
    let script = completions::with_query_names(shell, &script).ok_or_else(|| {
        Failure::Other(format!(
            "cannot add query names to the {shell} completions: clap_complete's script changed shape"
        ))
    })?;
    write_stdout(script.as_bytes())
}

/// One page for the whole tool: the top command, then a section per command (its synopsis,
/// description and options as subsections). clap_mangen's own page lists the commands as
/// `dbtool-init(1)` and so on, pages that one `dbtool man` cannot install.
fn print_man_page() -> Result<(), Failure> {
    let mut command = <Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
    command.build();
    let failed = |e: std::io::Error| Failure::Other(format!("cannot render the man page: {e}"));
    let mut out = Vec::new();
    let top = clap_mangen::Man::new(command.clone());
    top.render_title(&mut out).map_err(failed)?;
    top.render_name_section(&mut out).map_err(failed)?;
    top.render_synopsis_section(&mut out).map_err(failed)?;
    top.render_description_section(&mut out).map_err(failed)?;
    top.render_options_section(&mut out).map_err(failed)?;
    man_command_sections(&command, "dbtool", &mut out).map_err(failed)?;
    write_stdout(&out)
}

/// A `.SH dbtool NAME` section per subcommand of `command`, its own headings demoted to
/// subsections; nested commands (`dbtool migration new`) follow their parent.
fn man_command_sections(
    command: &clap::Command,
    path: &str,
    out: &mut Vec<u8>,
) -> std::io::Result<()> {
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("{path} {}", sub.get_name());
        let man = clap_mangen::Man::new(sub.clone().bin_name(&name));
        let mut body = Vec::new();
        man.render_synopsis_section(&mut body)?;
        man.render_description_section(&mut body)?;
        man.render_options_section(&mut body)?;
        man.render_extra_section(&mut body)?;
        let body = String::from_utf8_lossy(&body)
            .replace(".SH EXTRA", ".SS NOTES")
            .replace(".SH ", ".SS ");
        out.extend_from_slice(format!(".SH \"{name}\"\n").as_bytes());
        out.extend_from_slice(body.as_bytes());
        man_command_sections(sub, &name, out)?;
    }
    Ok(())
}

/// `value` as pretty JSON with a final newline, for `--format json`.
fn to_json(value: &impl serde::Serialize) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|text| text + "\n")
        .map_err(|e| Failure::Other(format!("cannot write JSON: {e}")))
}

fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    std::io::stdout()
        .lock()
        .write_all(bytes)
        .map_err(|e| Failure::Other(format!("cannot write to standard output: {e}")))
}

/// The database URL and the dialect whose scripts it runs.
pub struct DatabaseTarget {
    pub url: String,
    pub dialect: Dialect,
}

/// The database a command works on, and the dialect whose migrations it runs there: one the
/// project has.
fn database_target(
    project: &Project,
    cli: &Cli,
    reporter: &report::Reporter,
    args: &DatabaseArgs,
) -> Result<DatabaseTarget, Failure> {
    let url = database_url_of(project, cli, reporter, args)?;
    let engine = crate::migrate::DatabaseUrl::parse(&url)?;
    let configured = &project.config.dialects;
    // The engine's preferred dialect the project has; an explicit --dialect must be one of the
    // engine's.
    let dialect = match args.dialect.map(Dialect::from) {
        Some(d) if !engine.dialects().contains(&d) => {
            return Err(Failure::Other(format!(
                "--dialect {d} does not match the database URL {}",
                crate::migrate::redact(&url)
            )))
        }
        Some(d) => Some(d),
        None => engine
            .dialects()
            .iter()
            .copied()
            .find(|d| configured.contains(d)),
    };
    let Some(dialect) = dialect.filter(|d| configured.contains(d)) else {
        let names: Vec<&str> = configured.iter().map(|d| d.name()).collect();
        // Named as the user chose it: the engine when dbtool chose the dialect from the URL.
        let what = match args.dialect {
            Some(d) => Dialect::from(d).name().to_string(),
            None => engine.engine_name().to_string(),
        };
        return Err(Failure::Other(format!(
            "{} is a {what} database, and this project has no {what} migrations (dialects = [{}] in dbtool.toml); add the dialect to dialects and run `dbtool diff`, or point at a database of a configured dialect",
            crate::migrate::redact(&url),
            names.join(", ")
        )));
    };
    Ok(DatabaseTarget { url, dialect })
}

/// The database URL chosen by flag, environment or dbtool.toml (said with `-v`).
fn database_url_of(
    project: &Project,
    cli: &Cli,
    reporter: &report::Reporter,
    args: &DatabaseArgs,
) -> Result<String, Failure> {
    let vars = |name: &str| std::env::var(name).ok();
    let (url, source) = project
        .database_url(
            args.database_url.as_deref(),
            cli.environment.as_deref(),
            &vars,
        )
        .map_err(Failure::Project)?;
    if cli.verbose {
        reporter.status(&format!(
            "database: {} (from {source})",
            crate::migrate::redact(&url)
        ));
    }
    Ok(url)
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
    crate::journal::write_file(path, text.as_bytes())
        .map_err(|e| Failure::Other(format!("cannot write {}: {e}", path.display())))
}
