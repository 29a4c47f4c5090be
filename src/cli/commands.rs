//! The commands beyond `render`: migrations (`diff`, `migration new|hash`, `migrate`,
//! `rollback`, `status`) and queries (`generate`, `explain`).

use super::progress::{LazyBar, Progress};
use super::report::Reporter;
use super::{to_json, write_stdout, DatabaseTarget, Failure};
use crate::workflow::drift::expected_catalog;
use crate::workflow::generated;
use crate::workflow::{analysed, confirmation_build, query_failure, scripts_checked};

use crate::diagnostic::counted;
use crate::migrate::{self, Database, MigrateOptions, RollbackOptions, RollbackTarget};
use crate::project::Project;
use crate::render;
use crate::schema::Dialect;
use crate::{codegen, confirm, query};

fn render_error(e: render::RenderError) -> Failure {
    Failure::Other(e.to_string())
}

/// `dbtool diff NAME`: the next version for every dialect, or nothing when nothing changed.
pub fn diff(
    project: &Project,
    reporter: &Reporter,
    quiet: bool,
    name: &str,
    allow_destructive: bool,
    concurrently: bool,
) -> Result<(), Failure> {
    let options = crate::workflow::migration::Options {
        allow_destructive,
        concurrently,
    };
    let outcome = crate::workflow::migration::new_migration(project, name, options)?;
    if quiet {
        return Ok(());
    }
    if outcome.written.is_empty() {
        reporter.status("no changes: the schema matches the latest migration; nothing written");
        return Ok(());
    }
    if concurrently && !outcome.concurrent_version {
        reporter.status("--concurrently: no index is built on an existing table, so every change stays in one version");
    }
    for (destructive, text) in &outcome.hazards {
        let kind = if *destructive {
            "destructive"
        } else {
            "hazard"
        };
        reporter.status(&format!("{kind}: {text}"));
    }
    for path in &outcome.written {
        reporter.status(&format!("wrote {}", relative(project, path)));
    }
    Ok(())
}

fn relative(project: &Project, path: &std::path::Path) -> String {
    path.strip_prefix(&project.root)
        .unwrap_or(path)
        .display()
        .to_string()
}

pub fn migration_new(
    project: &Project,
    reporter: &Reporter,
    quiet: bool,
    name: &str,
) -> Result<(), Failure> {
    let migrations = project.migrations_dir();
    let version = migrate::next_version(&migrations, &project.config.dialects)?;
    let written =
        migrate::write_empty_version(&migrations, version, name, &project.config.dialects)?;
    if !quiet {
        for path in written {
            reporter.status(&format!("wrote {}", relative(project, &path)));
        }
        reporter.status("after editing, run `dbtool migration hash` to record the new content");
    }
    Ok(())
}

/// `dbtool migration discard`: takes back the latest version (scripts of every dialect, the
/// snapshot it wrote, their lines in dbtool.sum), after making sure the database at hand does
/// not have it applied.
pub fn migration_discard(
    project: &Project,
    reporter: &Reporter,
    quiet: bool,
    target: &DatabaseTarget,
) -> Result<(), Failure> {
    let migrations = project.migrations_dir();
    migrate::recover(&migrations)?;
    let latest = migrate::next_version(&migrations, &project.config.dialects)? - 1;
    if latest > 0 && !Database::is_missing_file(&target.url)? {
        let change = migrate::latest_change(&migrations)?;
        let mut database = Database::open_existing(&target.url)?;
        let scripts = migrate::load_scripts(&migrations, target.dialect)?;
        let status = database.status(&scripts)?;
        let applied = status
            .applied
            .iter()
            .map(|a| a.version)
            .chain(status.stopped.iter().map(|p| p.version))
            .filter(|v| change.contains(v))
            .count();
        if applied > 0 {
            return Err(Failure::Other(format!(
                "version {} is applied (or partly applied) to {}; roll it back first (`dbtool rollback --steps {applied}`), then discard it",
                change.end(),
                database.shown_url()
            )));
        }
    }
    let discarded = migrate::discard_latest(&migrations)?;
    if !quiet {
        let shown: Vec<String> = discarded.versions.iter().map(i32::to_string).collect();
        if !shown.is_empty() {
            reporter.status(&format!(
                "removed the scripts of version {} (checked: not applied to {})",
                shown.join(" and "),
                migrate::redact(&target.url)
            ));
        }
        match discarded.snapshot_back_to {
            Some(0) => reporter.status("migrations/schema/ is empty again, as before the first migration"),
            Some(version) => reporter.status(&format!(
                "migrations/schema/ is the schema as of version {version} again; `dbtool diff` will write the change anew"
            )),
            None => {}
        }
    }
    Ok(())
}

pub fn migration_hash(project: &Project, reporter: &Reporter, quiet: bool) -> Result<(), Failure> {
    migrate::write_integrity(&project.migrations_dir())?;
    if !quiet {
        reporter.status("recorded the SHA-256 of every script in migrations/dbtool.sum");
    }
    Ok(())
}

/// How a migrate or rollback waits: for another migrator's lock, and for the locks and the
/// run time of each statement.
#[derive(Debug, Clone, Default)]
pub struct Waiting {
    pub lock_wait: Option<std::time::Duration>,
    pub lock_timeout: Option<String>,
    pub statement_timeout: Option<String>,
}

fn apply_waiting(database: &mut Database, waiting: &Waiting, quiet: bool) -> Result<(), Failure> {
    let notice: Box<dyn FnMut(&str)> = if quiet {
        Box::new(|_| {})
    } else {
        Box::new(|message| eprintln!("{message}"))
    };
    database.set_lock_wait(waiting.lock_wait, notice);
    database.set_timeouts(
        waiting.lock_timeout.as_deref(),
        waiting.statement_timeout.as_deref(),
    )?;
    Ok(())
}

pub fn migrate(
    project: &Project,
    reporter: &Reporter,
    quiet: bool,
    target: &DatabaseTarget,
    options: MigrateOptions,
    waiting: &Waiting,
) -> Result<(), Failure> {
    let scripts = scripts_checked(project, target.dialect)?;
    migrate::check_target(&scripts, options.target)?;
    let mut database = Database::open(&target.url)?;
    apply_waiting(&mut database, waiting, quiet)?;
    let pending = database
        .status(&scripts)?
        .pending
        .iter()
        .filter(|p| options.target.is_none_or(|t| p.version <= t))
        .count();
    let progress = Progress::new(reporter, quiet || options.dry_run, pending as u64);
    let outcome = database.migrate(&scripts, options, |script| {
        progress.step(format!("applying {} {}", script.version, script.name));
    });
    progress.finish();
    let outcome = outcome?;
    if !quiet {
        let verb = if options.dry_run {
            "would apply"
        } else {
            "applied"
        };
        if outcome.versions.is_empty() {
            reporter.status(&format!("{} is up to date", database.shown_url()));
        } else {
            for (version, name) in &outcome.versions {
                if options.dry_run {
                    reporter.status(&format!("{verb} {version} {name}"));
                }
            }
            reporter.status(&format!(
                "{verb} {} to {}",
                counted(outcome.versions.len(), "version"),
                database.shown_url()
            ));
        }
    }
    Ok(())
}

pub fn rollback(
    project: &Project,
    reporter: &Reporter,
    quiet: bool,
    target: &DatabaseTarget,
    how_far: RollbackTarget,
    options: RollbackOptions,
    waiting: &Waiting,
) -> Result<(), Failure> {
    let scripts = scripts_checked(project, target.dialect)?;
    let mut database = Database::open_existing(&target.url)?;
    apply_waiting(&mut database, waiting, quiet)?;
    let applied = database.status(&scripts)?.applied;
    let expected = match how_far {
        RollbackTarget::All => applied.len(),
        RollbackTarget::Steps(n) => n.min(applied.len()),
        RollbackTarget::To(version) => applied.iter().filter(|a| a.version > version).count(),
    };
    let progress = Progress::new(reporter, quiet || options.dry_run, expected as u64);
    let outcome = database.rollback(&scripts, how_far, options, |script| {
        progress.step(format!("rolling back {} {}", script.version, script.name));
    });
    progress.finish();
    let outcome = outcome?;
    if !quiet {
        let verb = if options.dry_run {
            "would roll back"
        } else {
            "rolled back"
        };
        if options.dry_run {
            for (version, name) in &outcome.versions {
                reporter.status(&format!("{verb} {version} {name}"));
            }
        }
        for loss in &outcome.losses {
            let kind = if loss.loses_data() {
                "destructive"
            } else {
                "nothing at stake"
            };
            reporter.status(&format!("{kind}: {}", loss.describe()));
        }
        if options.dry_run && outcome.losses.iter().any(|l| l.loses_data()) {
            reporter.status("running it needs --allow-destructive");
        }
        reporter.status(&format!(
            "{verb} {} on {}",
            counted(outcome.versions.len(), "version"),
            database.shown_url()
        ));
    }
    Ok(())
}

pub fn status(project: &Project, target: &DatabaseTarget, json: bool) -> Result<(), Failure> {
    let scripts = migrate::load_scripts(&project.migrations_dir(), target.dialect)?;
    let mut database = Database::open_existing(&target.url)?;
    let status = database.status(&scripts)?;
    let text = if json {
        to_json(&status)?
    } else {
        let mut text = String::new();
        for applied in &status.applied {
            text.push_str(&format!(
                "applied  {:>4}  {}  ({})\n",
                applied.version, applied.name, applied.applied_on
            ));
        }
        for pending in &status.pending {
            text.push_str(&format!(
                "pending  {:>4}  {}\n",
                pending.version, pending.name
            ));
        }
        for stopped in &status.stopped {
            let (what, resume) = if stopped.direction == "down" {
                ("being rolled back", "dbtool rollback --steps 1")
            } else {
                ("migrating", "dbtool migrate")
            };
            text.push_str(&format!(
                "stopped  {:>4}  while {what}, after {} outside a transaction; `{resume}` resumes it\n",
                stopped.version,
                counted(stopped.done as usize, "statement")
            ));
        }
        if text.is_empty() {
            text.push_str("no migrations\n");
        }
        text
    };
    write_stdout(text.as_bytes())
}

pub fn generate(
    project: &Project,
    reporter: &Reporter,
    quiet: bool,
    database_url: Option<&str>,
    check: bool,
) -> Result<(), Failure> {
    let templates = project.templates().map_err(Failure::Project)?;
    let (schema, modules) = analysed(project)?;
    let query_sources = project.query_sources().map_err(Failure::Project)?;
    let dialects = &project.config.dialects;
    // A bar on a terminal while the engines prepare the queries; nothing in a log.
    let bar = |engine: &'static str| {
        let mut bar = LazyBar::new(reporter, quiet);
        move |total: usize, name: &str| bar.step(total, format!("{engine}: {name}"))
    };
    if dialects.contains(&Dialect::Sqlite) {
        let build = confirmation_build(project, Dialect::Sqlite, &schema, &templates)?;
        confirm::sqlite(&build, &modules, &mut bar("SQLite"))
            .map_err(|d| query_failure(d, &query_sources))?;
    }
    if let Some(url) = database_url {
        for dialect in dialects.iter().filter(|d| **d == Dialect::Postgres) {
            let build = confirmation_build(project, *dialect, &schema, &templates)?;
            confirm::postgres(url, &build, &modules, *dialect, &mut bar("PostgreSQL")).map_err(
                |e| match e {
                    confirm::PostgresError::Server(message) => Failure::Database(message),
                    confirm::PostgresError::Queries(d) => query_failure(d, &query_sources),
                },
            )?;
        }
    }
    let options = project.codegen_options()?;
    let files =
        codegen::generate(&schema, &modules, &options, &templates).map_err(|e| match e {
            codegen::CodegenError::Queries(diagnostics) => {
                query_failure(diagnostics, &query_sources)
            }
            codegen::CodegenError::Render(e) => render_error(e),
        })?;
    let dir = project.generated_dir();
    let count: usize = modules.iter().map(|m| m.queries.len()).sum();
    if check {
        let stale =
            generated::stale_files(&dir, &files).map_err(|e| Failure::Other(e.to_string()))?;
        if !stale.is_empty() {
            return Err(Failure::Problems(format!(
                "{} is out of date: {}\nrun `dbtool generate` and commit the result",
                relative(project, &dir),
                stale.join(", ")
            )));
        }
        if !quiet {
            reporter.status(&format!(
                "{} is up to date ({})",
                relative(project, &dir),
                counted(count, "query")
            ));
        }
        return Ok(());
    }
    generated::write(&dir, &files).map_err(|e| Failure::Other(e.to_string()))?;
    if !quiet {
        reporter.status(&format!(
            "wrote {} ({} in {})",
            relative(project, &dir),
            counted(count, "query"),
            counted(modules.len(), "module")
        ));
    }
    Ok(())
}

pub fn explain(project: &Project, name: &str, json: bool) -> Result<(), Failure> {
    let (_, modules) = analysed(project)?;
    let all: Vec<&query::ResolvedQuery> = modules.iter().flat_map(|m| &m.queries).collect();
    let Some(found) = all.iter().find(|q| q.shared.name == name) else {
        let names: Vec<&str> = all.iter().map(|q| q.shared.name.as_str()).collect();
        let hint = crate::diagnostic::did_you_mean(name, names.iter().copied())
            .unwrap_or_else(|| "`dbtool explain` takes a name from a `-- name:` annotation".into());
        return Err(Failure::Other(format!(
            "no query is named `{name}`; {hint}"
        )));
    };
    let analysis = found.analysis();
    let text = if json {
        to_json(&ExplainJson {
            name: &found.shared.name,
            kind: found.shared.kind.annotation(),
            file: &found.shared.path,
            line: found.shared.name_line,
            analysis,
        })?
    } else {
        explain_text(found)
    };
    write_stdout(text.as_bytes())
}

/// `explain --format json`: the query, where it is, and what the analysis found (the same
/// fields as the text, types spelled the same way).
#[derive(serde::Serialize)]
struct ExplainJson<'a> {
    name: &'a str,
    kind: &'static str,
    file: &'a str,
    line: u32,
    #[serde(flatten)]
    analysis: &'a query::Analysis,
}

fn explain_text(resolved: &query::ResolvedQuery) -> String {
    let query = &resolved.shared;
    let analysis = resolved.analysis();
    let mut out = format!(
        "{} {} ({}:{})\n",
        query.name,
        query.kind.annotation(),
        query.path,
        query.name_line
    );
    if !analysis.params.is_empty() {
        out.push_str("parameters:\n");
        for p in &analysis.params {
            let null = if p.nullable { " (nullable)" } else { "" };
            out.push_str(&format!("  {:<20} {}{null}\n", p.name, p.ty));
        }
    }
    if !analysis.columns.is_empty() {
        out.push_str("columns:\n");
        for c in &analysis.columns {
            let null = if c.nullable { "nullable" } else { "not null" };
            out.push_str(&format!(
                "  {:<20} {:<12} {null:<9} {}\n",
                c.name,
                c.ty.to_string(),
                c.why
            ));
        }
    }
    if let Some(table) = &analysis.table_row {
        out.push_str(&format!("rows are whole rows of table `{table}`\n"));
    }
    out
}

/// The files `dbtool init` writes: (path in the project, template).
const SCAFFOLD: &[(&str, &str)] = &[
    ("dbtool.toml", "init/dbtool.toml.j2"),
    ("schema/app.yaml", "init/app.yaml.j2"),
    ("queries/app.sql", "init/app.sql.j2"),
    ("Cargo.toml", "init/Cargo.toml.j2"),
    ("justfile", "init/justfile.j2"),
    (".gitignore", "init/gitignore.j2"),
    ("generated/tests/smoke.rs", "init/smoke.rs.j2"),
];

/// `dbtool init`: the scaffold, then the first migration and the generated crate, so that
/// `dbtool migrate`, `dbtool generate` and `cargo test` work at once.
pub fn init(dir: &std::path::Path, reporter: &Reporter, quiet: bool) -> Result<(), Failure> {
    refuse_taken(dir, SCAFFOLD.iter().map(|(path, _)| *path))?;
    let package = package_name(dir);
    let context = serde_json::json!({
        "package": package,
        "crate_name": package.replace('-', "_"),
        "dialects": ["postgres", "sqlite"],
        "dev_url": "sqlite://dbtool.db",
    });
    write_scaffold(dir, SCAFFOLD, &context)?;
    let project = Project::open(None, dir).map_err(Failure::Project)?;
    diff(&project, reporter, true, "init", false, false)?;
    generate(&project, reporter, true, None, false)?;
    if !quiet {
        let (dbtool, install) = dbtool_command();
        let steps = [
            (format!("cd {}", dir.display()), ""),
            (
                format!("{dbtool} migrate"),
                "creates dbtool.db (SQLite) at version 1",
            ),
            (format!("{dbtool} generate"), "after editing queries/"),
            ("cargo test".to_string(), "runs generated/tests/smoke.rs"),
        ];
        let head = format!(
            "created a dbtool project in {}: schema/app.yaml, queries/app.sql, migrations/ (version 1), generated/ (crate `{package}`)",
            dir.display()
        );
        reporter.status(&next_steps(&head, &steps, install));
    }
    Ok(())
}

/// The files of a project that adopts a live database: its schema comes from `pull`, the
/// queries file starts empty, and only an SQLite project gets a smoke test (version 1 built on
/// an empty in-memory database; PostgreSQL would need a server).
const ADOPTION_SCAFFOLD: &[(&str, &str)] = &[
    ("dbtool.toml", "init/dbtool.toml.j2"),
    ("queries/app.sql", "init/adopted.sql.j2"),
    ("Cargo.toml", "init/Cargo.toml.j2"),
    ("justfile", "init/justfile.j2"),
    (".gitignore", "init/gitignore.j2"),
];

/// `dbtool init --from-database URL`: the whole adoption in one command. The database's schema
/// is pulled into schema/app.yaml (for its own engine), version 1 is written from it and the
/// generated crate; the database itself is not touched: `dbtool baseline` is the next step,
/// which checks that it is what version 1 builds before recording it. Nothing is left behind
/// when the pull fails.
pub fn init_from_database(
    dir: &std::path::Path,
    url: &str,
    reporter: &Reporter,
    quiet: bool,
) -> Result<(), Failure> {
    let schema_file = "schema/app.yaml";
    let smoke = "generated/tests/smoke.rs";
    refuse_taken(
        dir,
        ADOPTION_SCAFFOLD
            .iter()
            .map(|(path, _)| *path)
            .chain([schema_file, smoke]),
    )?;
    let parsed = migrate::DatabaseUrl::parse(url)?;
    let sqlite_file = parsed.sqlite_path().map(|path| {
        // The project's dev database is this file, wherever the project is.
        std::path::Path::new(path)
            .canonicalize()
            .unwrap_or_else(|_| std::path::PathBuf::from(path))
    });
    let (dialect, dev_url) = match &sqlite_file {
        Some(path) => ("sqlite", format!("sqlite://{}", path.display())),
        // A PostgreSQL URL may hold a password: the config names the variable, not the URL.
        None => ("postgres", "${DATABASE_URL}".to_string()),
    };
    let package = package_name(dir);
    let created = !dir.exists();
    let adopted = scaffold_adoption(dir, url, dialect, &dev_url, reporter, quiet)
        .and_then(|project| generate(&project, reporter, true, None, false));
    if let Err(failure) = adopted {
        undo_scaffold(dir, created);
        return Err(failure);
    }
    if !quiet {
        let (dbtool, install) = dbtool_command();
        let shown = migrate::redact(url);
        let baseline = match &sqlite_file {
            Some(_) => format!("{dbtool} baseline --database-url {shown}"),
            None => format!("{dbtool} baseline --database-url \"$DATABASE_URL\""),
        };
        let mut steps = vec![
            (format!("cd {}", dir.display()), String::new()),
            (
                baseline,
                format!("checks that {shown} is what version 1 builds, then records version 1 as applied"),
            ),
            (
                format!("{dbtool} generate"),
                "after writing queries in queries/app.sql".to_string(),
            ),
        ];
        if dialect == "sqlite" {
            steps.push((
                "cargo test".to_string(),
                "builds version 1 on an empty SQLite database".to_string(),
            ));
        }
        let steps: Vec<(String, &str)> =
            steps.iter().map(|(c, w)| (c.clone(), w.as_str())).collect();
        let head = format!(
            "created a dbtool project in {} from {shown}: schema/app.yaml (pulled; read the notes at its top), migrations/ (version 1), generated/ (crate `{package}`)",
            dir.display()
        );
        reporter.status(&next_steps(&head, &steps, install));
    }
    Ok(())
}

/// The scaffold of an adopting project, its schema pulled from `url` into schema/app.yaml and
/// version 1 written from it (the generated crate is the caller's next step).
fn scaffold_adoption(
    dir: &std::path::Path,
    url: &str,
    dialect: &str,
    dev_url: &str,
    reporter: &Reporter,
    quiet: bool,
) -> Result<Project, Failure> {
    let package = package_name(dir);
    let context = serde_json::json!({
        "package": package,
        "crate_name": package.replace('-', "_"),
        "dialects": [dialect],
        "dev_url": dev_url,
    });
    write_scaffold(dir, ADOPTION_SCAFFOLD, &context)?;
    let project = Project::open(None, dir).map_err(Failure::Project)?;
    let yaml = pull(&project, reporter, quiet, url)?;
    write_file(&dir.join("schema/app.yaml"), &yaml)?;
    if dialect == "sqlite" {
        write_scaffold(
            dir,
            &[("generated/tests/smoke.rs", "init/adopted_smoke.rs.j2")],
            &context,
        )?;
    }
    diff(&project, reporter, true, "init", false, false)?;
    Ok(project)
}

/// `dbtool init --from-sqlc sqlc.yaml`: a sqlc project as it is. Its schema (DDL files or a
/// migration directory: goose, dbmate, golang-migrate, plain) is built in a scratch database of
/// its engine and pulled, as an adoption is; its query files are copied into queries/; then the
/// crate is generated. What sqlc's config says that has no meaning here is named. Query files
/// that do not check are reported and the project is kept, so they can be fixed in place.
pub fn init_from_sqlc(
    dir: &std::path::Path,
    config: &std::path::Path,
    server: Option<&str>,
    reporter: &Reporter,
    quiet: bool,
) -> Result<(), Failure> {
    use crate::workflow::sqlc;
    refuse_taken(
        dir,
        ADOPTION_SCAFFOLD
            .iter()
            .map(|(path, _)| *path)
            .chain(["schema/app.yaml"]),
    )?;
    let project = sqlc::read_config(config)?;
    let (dialect, beside) = match project.engine {
        sqlc::Engine::Sqlite => ("sqlite", "sqlite::memory:".to_string()),
        sqlc::Engine::Postgresql => match server {
            Some(url) => ("postgres", url.to_string()),
            None => {
                return Err(Failure::Other(
                    "a PostgreSQL sqlc project's schema is built on a server: give --database-url of one (a scratch database is created beside it and dropped)".into(),
                ))
            }
        },
    };
    let scratch = crate::engine::Scratch::beside(&beside, "from_sqlc")?;
    let mut connection = crate::engine::open(scratch.url(), true)?;
    for (file, sql) in sqlc::schema_statements(&project.schema)? {
        connection.batch(&sql).map_err(|e| {
            Failure::Other(format!(
                "{} does not build on a scratch {dialect} database: {e}\nhelp: sqlc's schema must build as it is; fix it there, or adopt the database it builds with --from-database",
                file.display()
            ))
        })?;
    }
    drop(connection);
    let dev_url = match dialect {
        "sqlite" => "sqlite://dbtool.db".to_string(),
        _ => "${DATABASE_URL}".to_string(),
    };
    let created = !dir.exists();
    let project_dir =
        match scaffold_adoption(dir, scratch.url(), dialect, &dev_url, reporter, quiet) {
            Ok(project) => project,
            Err(failure) => {
                undo_scaffold(dir, created);
                return Err(failure);
            }
        };
    // sqlc's query files take the place of the starter file.
    let _ = std::fs::remove_file(dir.join("queries/app.sql"));
    let copied = sqlc::copy_queries(&project.queries, &dir.join("queries"))?;
    if !quiet {
        for note in &project.notes {
            reporter.status(&format!("note: {note}"));
        }
    }
    let generated = generate(&project_dir, reporter, true, None, false);
    if !quiet {
        let (dbtool, install) = dbtool_command();
        let steps = [
            (format!("cd {}", dir.display()), ""),
            (
                format!("{dbtool} migrate"),
                "builds the dev database at version 1",
            ),
            (format!("{dbtool} generate"), "after changing queries/"),
        ];
        let head = format!(
            "created a dbtool project in {} from {}: schema/app.yaml (built from sqlc's schema and pulled), {} copied into queries/, migrations/ (version 1)",
            dir.display(),
            config.display(),
            counted(copied, "query file")
        );
        reporter.status(&next_steps(&head, &steps, install));
    }
    generated.map_err(|failure| match failure {
        Failure::Diagnostics { diagnostics, sources } => {
            reporter.status("the project is created; these queries need changes before `dbtool generate` (docs/queries.md, \"Coming from sqlc\", says why):");
            Failure::Diagnostics { diagnostics, sources }
        }
        other => other,
    })
}

/// Refuses a directory that already has any of `paths`: init never overwrites.
fn refuse_taken<'p>(
    dir: &std::path::Path,
    paths: impl Iterator<Item = &'p str>,
) -> Result<(), Failure> {
    let taken: Vec<&str> = paths.filter(|path| dir.join(path).exists()).collect();
    if taken.is_empty() {
        return Ok(());
    }
    Err(Failure::Other(format!(
        "{} already has {}; nothing was written\nhelp: run `dbtool init` in a new or empty directory",
        dir.display(),
        taken.join(", ")
    )))
}

/// The generated crate's package: the directory's name as a crate name, `-queries` appended.
fn package_name(dir: &std::path::Path) -> String {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .map(|n| {
            n.chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect::<String>()
        })
        .filter(|n| n.starts_with(|c: char| c.is_ascii_alphabetic()))
        .unwrap_or_else(|| "app".to_string());
    format!("{}-queries", name.trim_matches('-'))
}

fn write_scaffold(
    dir: &std::path::Path,
    files: &[(&str, &str)],
    context: &serde_json::Value,
) -> Result<(), Failure> {
    let templates = render::Templates::default();
    let mut rendered = Vec::new();
    for (path, template) in files {
        let text = render::render_rust(template, context, &templates).map_err(render_error)?;
        rendered.push((dir.join(path), text));
    }
    for (path, text) in &rendered {
        write_file(path, text)?;
    }
    Ok(())
}

fn write_file(path: &std::path::Path, text: &str) -> Result<(), Failure> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Failure::Other(format!("cannot create {}: {e}", parent.display())))?;
    }
    std::fs::write(path, text)
        .map_err(|e| Failure::Other(format!("cannot write {}: {e}", path.display())))
}

/// After a failed adoption: the directory as it was (removed when init created it, else the
/// files and folders init writes).
fn undo_scaffold(dir: &std::path::Path, created: bool) {
    if created {
        let _ = std::fs::remove_dir_all(dir);
        return;
    }
    for (path, _) in ADOPTION_SCAFFOLD {
        let _ = std::fs::remove_file(dir.join(path));
    }
    for folder in ["schema", "queries", "migrations", "generated"] {
        let _ = std::fs::remove_dir_all(dir.join(folder));
    }
    let _ = std::fs::remove_file(dir.join("dbtool.sum"));
}

/// "created …", then "next:" and one aligned line per step (`command  # why`).
fn next_steps(head: &str, steps: &[(String, &str)], install: Option<String>) -> String {
    let width = steps
        .iter()
        .map(|(command, _)| command.len())
        .max()
        .unwrap_or(0);
    let mut text = format!("{head}\nnext:");
    for (command, why) in steps {
        if why.is_empty() {
            text.push_str(&format!("\n  {command}"));
        } else {
            text.push_str(&format!("\n  {command:width$}  # {why}"));
        }
    }
    if let Some(install) = install {
        text.push_str(&format!("\n{install}"));
    }
    text
}

/// How the user runs dbtool from the new project: `dbtool` when it is on the PATH, else this
/// very program by its full path, with how to put it on the PATH.
fn dbtool_command() -> (String, Option<String>) {
    let on_path = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("dbtool").is_file()));
    if on_path {
        return ("dbtool".to_string(), None);
    }
    match std::env::current_exe() {
        Ok(exe) => (
            exe.display().to_string(),
            Some("(dbtool is not on your PATH: `cargo install --path <the dbtool repository>` puts it there, as `dbtool`; the justfile then works too)".to_string()),
        ),
        Err(_) => ("dbtool".to_string(), None),
    }
}

/// `dbtool drift`: the live database against a scratch one built by its applied migrations.
/// `dbtool pull`: the schema YAML of the database at `url` (PostgreSQL or an SQLite file).
pub fn pull(
    project: &Project,
    reporter: &Reporter,
    quiet: bool,
    url: &str,
) -> Result<String, Failure> {
    let shown = migrate::redact(url);
    let mut bar = LazyBar::new(reporter, quiet);
    let mut on_relation = |total: usize, name: &str| bar.step(total, format!("reading {name}"));
    if migrate::DatabaseUrl::parse(url)?.is_memory() {
        return Err(Failure::Other(
            "an in-memory SQLite database is empty: there is nothing to pull\nhelp: give the URL of a database file, sqlite://PATH".into(),
        ));
    }
    // Opened as it is: pulling a path that does not exist must not create an empty database.
    let mut connection = crate::engine::open(url, false)?;
    let pulled = connection
        .pull(shown.clone(), &mut on_relation)
        .map_err(Failure::Database)?;
    drop(bar);
    let templates = project.templates().map_err(Failure::Project)?;
    let yaml = crate::introspect::pull::to_yaml(&pulled, &project.config.dialects, &templates)
        .map_err(render_error)?;
    if !quiet {
        reporter.status(&format!(
            "pulled {}, {}, {}, {} from {shown}{}",
            counted(pulled.tables.len(), "table"),
            counted(pulled.views.len(), "view"),
            counted(pulled.materialized_views.len(), "materialized view"),
            counted(pulled.enums.len(), "enum"),
            if pulled.notes.is_empty() {
                String::new()
            } else {
                format!(
                    "; {} at the top of the file",
                    counted(pulled.notes.len(), "note")
                )
            }
        ));
    }
    Ok(yaml)
}

/// `dbtool baseline`: adopts a database that has no history. Its catalog must equal what
/// versions 1..V build (on a scratch database, as drift checks); then 1..V are recorded as
/// applied without running them. Anything different is listed and nothing is recorded.
pub fn baseline(
    project: &Project,
    reporter: &Reporter,
    quiet: bool,
    target: &DatabaseTarget,
    version: Option<i32>,
) -> Result<(), Failure> {
    let scripts = scripts_checked(project, target.dialect)?;
    let version = version.unwrap_or_else(|| scripts.last().map_or(0, |s| s.version));
    if version == 0 {
        return Err(Failure::Other(
            "there is no migration to baseline to; write the first one with `dbtool diff`".into(),
        ));
    }
    migrate::check_target(&scripts, Some(version))?;
    let mut database = Database::open_existing(&target.url)?;
    let applied = database.status(&scripts)?.applied;
    if let Some(last) = applied.last() {
        return Err(Failure::Other(format!(
            "{} already has a migration history (version {}); baseline is for a database that has none",
            database.shown_url(),
            last.version
        )));
    }
    let live = crate::introspect::catalog(&target.url)?;
    let expected = expected_catalog(&target.url, &scripts, version)?;
    let differences = crate::introspect::compare(&expected, &live);
    let shown = database.shown_url().to_string();
    if !differences.is_empty() {
        write_stdout(
            differences_text(&differences, "the migrations say", "the database has").as_bytes(),
        )?;
        return Err(Failure::Problems(format!(
            "{shown} is not what versions 1..{version} build: {}; nothing was recorded\nhelp: change the schema (or the database) until they agree — `dbtool pull` shows the database as schema YAML — or baseline to the version it matches with --version",
            counted(differences.len(), "difference")
        )));
    }
    let outcome = database.baseline(&scripts, version)?;
    if !quiet {
        reporter.status(&format!(
            "{shown} holds what versions 1..{version} build; recorded {} as applied without running them",
            counted(outcome.versions.len(), "version")
        ));
    }
    Ok(())
}

pub fn drift(
    project: &Project,
    reporter: &Reporter,
    quiet: bool,
    target: &DatabaseTarget,
    json: bool,
) -> Result<(), Failure> {
    let report = crate::workflow::drift::drift(project, &target.url, target.dialect)?;
    let text = if json {
        to_json(&report)?
    } else {
        differences_text(
            &report.differences,
            "the migrations say",
            "the database has",
        )
    };
    write_stdout(text.as_bytes())?;
    let (shown, version) = (&report.database, report.version);
    if report.differences.is_empty() {
        if !quiet && !json {
            reporter.status(&format!(
                "{shown} matches its migrations (version {version})"
            ));
        }
        return Ok(());
    }
    Err(Failure::Problems(format!(
        "{shown} differs from its migrations (version {version}) in {}\nhelp: put the change in a migration (`dbtool diff` or `dbtool migration new`), or undo it in the database",
        counted(report.differences.len(), "place")
    )))
}

/// `dbtool pull --verify`: what the pull wrote, built beside the source and compared with it.
pub fn verify_pull(
    project: &Project,
    reporter: &Reporter,
    quiet: bool,
    url: &str,
    yaml: &str,
    shown: &str,
) -> Result<(), Failure> {
    let templates = project.templates().map_err(Failure::Project)?;
    let differences = crate::workflow::pull::verify(url, yaml, shown, &templates)?;
    let source = migrate::redact(url);
    if differences.is_empty() {
        if !quiet {
            reporter.status(&format!(
                "verified: what was pulled builds the same catalog as {source}"
            ));
        }
        return Ok(());
    }
    eprint!(
        "{}",
        differences_text(&differences, "the source has", "what was pulled builds")
    );
    Err(Failure::Problems(format!(
        "what was pulled builds a database that differs from {source} in {}\nhelp: the notes at the top of the pulled file name what pull could not carry; complete it by hand",
        counted(differences.len(), "place")
    )))
}

/// Each difference on a line (a changed one with what the migrations say below it), for
/// `drift` and `baseline`.
fn differences_text(
    differences: &[crate::introspect::Difference],
    expected: &str,
    actual: &str,
) -> String {
    differences
        .iter()
        .map(|d| {
            let definition = d.actual.as_deref().or(d.expected.as_deref()).unwrap_or("");
            let (was, now) = (
                one_line(d.expected.as_deref().unwrap_or("")),
                one_line(definition),
            );
            if d.kind != "changed" {
                return format!("{} {}: {now}\n", d.kind, d.object);
            }
            // Two long definitions are hard to compare by eye: show the words that differ.
            if was.len() + now.len() > LONG_DEFINITIONS {
                return format!(
                    "changed {}: {}\n  ([-…-] {expected}, {{+…+}} {actual})\n",
                    d.object,
                    crate::introspect::word_diff(&was, &now)
                );
            }
            format!("changed {}: {now}\n  {expected}: {was}\n", d.object)
        })
        .collect()
}

/// Beyond this many characters together, a changed definition is shown as a word diff.
const LONG_DEFINITIONS: usize = 100;

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
