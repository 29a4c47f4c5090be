//! What a user can do, as a library: the steps the CLI's commands are made of, without
//! printing. The CLI (`crate::cli`) parses arguments, calls these and shows what they return;
//! a program can call them the same way.

pub mod check;
pub mod drift;
mod failure;
pub mod generated;
pub mod migration;
pub mod pull;
pub mod sqlc;

pub use failure::{exit, Failure};

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::diff::{self, Renames};
use crate::project::Project;
use crate::schema::{self, Dialect, Schema};
use crate::{confirm, migrate, query, render};

/// The schema of `sources`, validated for the project's dialects.
pub fn load(sources: &[SourceFile], project: &Project) -> Result<Schema, Failure> {
    schema::load(sources, &project.config.dialects).map_err(|diagnostics| Failure::Diagnostics {
        diagnostics,
        sources: sources.to_vec(),
    })
}

/// The rendering format the project's scripts follow: as dbtool.sum records it; format 1 when
/// it does not say but versions exist (written before dbtool recorded it); today's for none.
pub fn scripts_format(project: &Project) -> Result<u32, Failure> {
    let migrations = project.migrations_dir();
    Ok(match migrate::rendered_format(&migrations)? {
        Some(format) => format,
        None if migrate::next_version(&migrations, &project.config.dialects)? > 1 => 1,
        None => crate::resolved::FORMAT,
    })
}

/// The scripts of `dialect`, checked against dbtool.sum before anything runs.
pub fn scripts_checked(
    project: &Project,
    dialect: Dialect,
) -> Result<Vec<migrate::Script>, Failure> {
    let migrations = project.migrations_dir();
    // Loading first names a misnamed file, which the integrity check would only call unrecorded.
    let scripts = migrate::load_scripts(&migrations, dialect)?;
    let problems = migrate::integrity_problems(&migrations, &[dialect])?;
    if !problems.is_empty() {
        return Err(Failure::Other(format!(
            "the migrations failed their integrity check; nothing was run:\n  {}",
            problems.join("\n  ")
        )));
    }
    Ok(scripts)
}

/// The schema, and every query analysed for every dialect.
pub fn analysed(project: &Project) -> Result<(Schema, Vec<query::Module>), Failure> {
    let schema_sources = project.schema_sources().map_err(Failure::Project)?;
    let schema = load(&schema_sources, project)?;
    let query_sources = project.query_sources().map_err(Failure::Project)?;
    let modules = query::analyze_project(&schema, &query_sources, &project.config.dialects)
        .map_err(|diagnostics| query_failure(diagnostics, &query_sources))?;
    Ok((schema, modules))
}

/// The names of the queries, sorted, from every query file that parses (the schema is not
/// read): what shell completion offers after `dbtool explain`, quickly and without errors.
pub fn query_names(project: &Project) -> Result<Vec<String>, Failure> {
    let sources = project.query_sources().map_err(Failure::Project)?;
    let mut names: Vec<String> = sources
        .iter()
        .filter_map(|source| query::parse_file(&source.file).ok())
        .flatten()
        .map(|query| query.name)
        .collect();
    names.sort();
    names.dedup();
    Ok(names)
}

pub fn query_failure(diagnostics: Vec<Diagnostic>, sources: &[query::QuerySource]) -> Failure {
    Failure::Diagnostics {
        diagnostics,
        sources: sources.iter().map(|s| s.file.clone()).collect(),
    }
}

/// The scripts that build the database queries are confirmed on, as production databases are
/// built: every committed up script of `dialect`, then the change of schema/ that no migration
/// covers yet (what the next `dbtool diff` will write), so that a difference between what the
/// migrations build and what `render` prints (a column PostgreSQL appended instead of placing
/// it where it is declared, a hand-edited script) is found here and not in production.
pub fn confirmation_build(
    project: &Project,
    dialect: Dialect,
    current: &Schema,
    templates: &render::Templates,
) -> Result<Vec<confirm::BuildScript>, Failure> {
    let mut build: Vec<confirm::BuildScript> =
        migrate::load_scripts(&project.migrations_dir(), dialect)?
            .into_iter()
            .map(|script| confirm::BuildScript {
                origin: format!("migrations/{}", script.up_path),
                sql: script.up_sql,
            })
            .collect();
    let snapshot_sources = project.snapshot_sources().map_err(Failure::Project)?;
    let migrated = load(&snapshot_sources, project)?;
    let renames = Renames::declared(&migrated, current);
    let format = scripts_format(project)?;
    let pending = diff::plan_between(
        &migrated,
        format,
        current,
        crate::resolved::FORMAT,
        &renames,
        dialect,
    );
    if !pending.impossible.is_empty() {
        return Err(Failure::Other(format!(
            "schema/ has a change no migration covers and dbtool cannot write ({dialect}): {}\nhelp: write it with `dbtool migration new`, then generate",
            pending.impossible.join("; ")
        )));
    }
    if !pending.is_empty() {
        build.push(confirm::BuildScript {
            origin: "schema/ (the change no migration covers yet)".to_string(),
            sql: render::render_steps(&pending.steps, dialect, templates)
                .map_err(|e| Failure::Other(e.to_string()))?,
        });
    }
    Ok(build)
}
