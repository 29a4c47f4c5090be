//! `dbtool diff NAME`: the next migration from the change of `schema/` since the snapshot.

use std::path::PathBuf;

use super::{load, scripts_format, Failure};
use crate::author::{self, DialectPlans};
use crate::diff::{self, Hazard, Plan, Renames};
use crate::migrate;
use crate::project::Project;
use crate::schema::Dialect;

/// How to write it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Write a change that loses data (dropped tables or columns, narrowed types).
    pub allow_destructive: bool,
    /// Build indexes on existing tables without blocking writes, in a version of their own.
    pub concurrently: bool,
}

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Each hazard once (destructive or not), naming the dialects it applies to unless all.
    pub hazards: Vec<(bool, String)>,
    /// The files written; none when the schema matches the latest migration.
    pub written: Vec<PathBuf>,
    /// Whether index builds went into a version of their own.
    pub concurrent_version: bool,
}

/// Writes the next migration from the change of `schema/` since the snapshot, for every
/// dialect (all of its files or none); an empty outcome when nothing changed.
pub fn new_migration(project: &Project, name: &str, options: Options) -> Result<Outcome, Failure> {
    let templates = project.templates().map_err(Failure::Project)?;
    let current_sources = project.schema_sources().map_err(Failure::Project)?;
    let current = load(&current_sources, project)?;
    let problems = migrate::snapshot_problems(&project.migrations_dir())?;
    if !problems.is_empty() {
        return Err(Failure::Other(format!(
            "the schema snapshot cannot be trusted, so a diff from it could be wrong; nothing was written:\n  {}",
            problems.join("\n  ")
        )));
    }
    let snapshot_sources = project.snapshot_sources().map_err(Failure::Project)?;
    let previous = load(&snapshot_sources, project)?;
    let renames = Renames::declared(&previous, &current);
    let migrations = project.migrations_dir();
    let version = migrate::next_version(&migrations, &project.config.dialects)?;
    let format = scripts_format(project)?;

    let mut plans: Vec<(Dialect, Plan, Plan)> = Vec::new();
    for dialect in &project.config.dialects {
        // The latest migration's schema as its scripts rendered it, the declared one as today.
        let up = diff::plan_between(
            &previous,
            format,
            &current,
            crate::resolved::FORMAT,
            &renames,
            *dialect,
        );
        let down = diff::plan_between(
            &current,
            crate::resolved::FORMAT,
            &previous,
            format,
            &renames.inverted(),
            *dialect,
        );
        plans.push((*dialect, up, down));
    }
    if plans.iter().all(|(_, up, _)| up.is_empty()) {
        return Ok(Outcome::default());
    }
    let mut problems = Vec::new();
    for (dialect, up, _) in &plans {
        for reason in &up.impossible {
            problems.push(format!("{dialect}: {reason}"));
        }
    }
    if !problems.is_empty() {
        return Err(Failure::Other(format!(
            "cannot write this migration:\n  {}\nwrite it by hand with `dbtool migration new {name}`",
            problems.join("\n  ")
        )));
    }
    // Say in the script why a rendering change rebuilds what the schema did not change.
    for (_, up, _) in plans.iter_mut().filter(|(_, up, _)| !up.is_empty()) {
        for change in crate::resolved::format_changes_since(format) {
            up.hazards.push(Hazard {
                destructive: false,
                message: format!(
                    "dbtool renders some objects differently since the last migration: {change}"
                ),
                at_stake: None,
            });
        }
    }
    let plans: Vec<DialectPlans> = plans
        .into_iter()
        .map(|(dialect, up, down)| DialectPlans { dialect, up, down })
        .collect();
    let concurrently = options.concurrently;
    let versions = author::versions(plans, author::Options { concurrently });
    let hazards = hazards_by_dialect(&versions);
    let destructive: Vec<&String> = hazards
        .iter()
        .filter(|(h, _)| h.destructive)
        .map(|(_, text)| text)
        .collect();
    if !destructive.is_empty() && !options.allow_destructive {
        let list: Vec<&str> = destructive.iter().map(|t| t.as_str()).collect();
        return Err(Failure::Other(format!(
            "this migration loses data:\n  {}\nnothing was written; if that is intended, run again with --allow-destructive",
            list.join("\n  ")
        )));
    }
    let new_versions = author::scripts(&versions, version, name, &templates)
        .map_err(|e| Failure::Other(e.to_string()))?;
    let written = migrate::write_version(
        &migrations,
        &new_versions,
        &current_sources,
        crate::resolved::FORMAT,
    )?;
    Ok(Outcome {
        hazards: hazards
            .into_iter()
            .map(|(hazard, text)| (hazard.destructive, text))
            .collect(),
        written,
        concurrent_version: versions.iter().any(|v| v.alone),
    })
}

/// Each hazard once, with the dialects it applies to named unless it applies to all of them
/// (a rebuild is SQLite's alone; a dropped table is everyone's).
fn hazards_by_dialect(versions: &[author::VersionPlans]) -> Vec<(&Hazard, String)> {
    let dialects: Vec<Dialect> = versions
        .first()
        .map(|v| v.plans.iter().map(|p| p.dialect).collect())
        .unwrap_or_default();
    let of = |dialect: Dialect| {
        versions
            .iter()
            .flat_map(|v| &v.plans)
            .filter(move |p| p.dialect == dialect)
            .flat_map(|p| &p.up.hazards)
    };
    let mut hazards: Vec<&Hazard> = dialects.iter().flat_map(|d| of(*d)).collect();
    hazards.sort();
    hazards.dedup();
    hazards
        .into_iter()
        .map(|hazard| {
            let having: Vec<&str> = dialects
                .iter()
                .filter(|d| of(**d).any(|h| h == hazard))
                .map(|d| d.name())
                .collect();
            let text = if having.len() == dialects.len() {
                hazard.message.clone()
            } else {
                format!("{} ({})", hazard.message, having.join(", "))
            };
            (hazard, text)
        })
        .collect()
}
