//! `dbtool check`: offline, everything derivable must be current: no schema change without a
//! migration, scripts as dbtool.sum records them, queries that type-check and confirm, and
//! `generated/` as `dbtool generate` would write it.

use serde::Serialize;

use super::{generated, Failure};
use crate::diagnostic::Diagnostic;
use crate::project::Project;
use crate::schema::Dialect;
use crate::{codegen, confirm, diff, migrate, query, schema};

/// One thing that is not current.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// Which check found it: `migrations`, `integrity`, `queries`, `generated`.
    pub check: &'static str,
    pub message: String,
    /// Where, when it has a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// What to run or change.
    pub fix: String,
}

impl Problem {
    fn new(check: &'static str, message: impl Into<String>, fix: impl Into<String>) -> Problem {
        Problem {
            check,
            message: message.into(),
            file: None,
            line: None,
            column: None,
            fix: fix.into(),
        }
    }

    fn at(check: &'static str, diagnostic: &Diagnostic, fix: &str) -> Problem {
        Problem {
            check,
            message: diagnostic.message.clone(),
            file: Some(diagnostic.path.clone()),
            line: Some(diagnostic.line),
            column: Some(diagnostic.column),
            fix: diagnostic.help.clone().unwrap_or_else(|| fix.to_string()),
        }
    }
}

/// Everything that is not current in `project`; an error when the check cannot run (a
/// schema that does not load).
pub fn problems(project: &Project) -> Result<Vec<Problem>, Failure> {
    let mut problems = Vec::new();
    let dialects = &project.config.dialects;
    let templates = project.templates().map_err(Failure::Project)?;
    let sources = project.schema_sources().map_err(Failure::Project)?;
    // A schema that does not load is not something check can judge: that is exit 2.
    let declared =
        schema::load(&sources, dialects).map_err(|diagnostics| Failure::Diagnostics {
            diagnostics,
            sources: sources.clone(),
        })?;

    let migrations = project.migrations_dir();
    for problem in migrate::integrity_problems(&migrations, dialects)? {
        problems.push(Problem::new(
            "integrity",
            problem,
            "restore the script as committed, or run `dbtool migration hash` if it was never applied",
        ));
    }
    for problem in migrate::snapshot_problems(&migrations)? {
        problems.push(Problem::new(
            "integrity",
            problem,
            "restore migrations/ from version control, or run `dbtool migration discard`",
        ));
    }
    let snapshot_sources = project.snapshot_sources().map_err(Failure::Project)?;
    match schema::load(&snapshot_sources, dialects) {
        Err(errors) => {
            for d in &errors {
                problems.push(Problem::at(
                    "migrations",
                    d,
                    "the schema snapshot in migrations/schema/ does not load: restore it as committed",
                ));
            }
        }
        Ok(migrated) => {
            let format_of_scripts = super::scripts_format(project)?;
            let renames = diff::Renames::declared(&migrated, &declared);
            let changed: Vec<&str> = dialects
                .iter()
                .filter(|d| {
                    let format = crate::resolved::FORMAT;
                    !diff::plan_between(
                        &migrated,
                        format_of_scripts,
                        &declared,
                        format,
                        &renames,
                        **d,
                    )
                    .is_empty()
                })
                .map(|d| d.name())
                .collect();
            if !changed.is_empty() {
                let changes = crate::resolved::format_changes_since(format_of_scripts);
                let why = if changes.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; the scripts follow dbtool's rendering format {format_of_scripts}, and since then: {}",
                        changes.join("; ")
                    )
                };
                problems.push(Problem::new(
                    "migrations",
                    format!(
                        "schema/ has changes no migration covers ({}){why}",
                        changed.join(", ")
                    ),
                    "run `dbtool diff <name>` and commit migrations/",
                ));
            }
        }
    }

    let query_sources = project.query_sources().map_err(Failure::Project)?;
    let modules = match query::analyze_project(&declared, &query_sources, dialects) {
        Ok(modules) => modules,
        Err(diagnostics) => {
            for d in &diagnostics {
                problems.push(Problem::at("queries", d, "fix the query"));
            }
            return Ok(problems);
        }
    };
    if dialects.contains(&Dialect::Sqlite) {
        let build = super::confirmation_build(project, Dialect::Sqlite, &declared, &templates)?;
        if let Err(diagnostics) = confirm::sqlite(&build, &modules, &mut |_, _| {}) {
            for d in &diagnostics {
                problems.push(Problem::at("queries", d, "fix the query"));
            }
            return Ok(problems);
        }
    }
    // A project that has never generated anything has nothing to be stale.
    if query_sources.is_empty() && !project.generated_dir().exists() {
        return Ok(problems);
    }
    let options = project.codegen_options()?;
    let files = match codegen::generate(&declared, &modules, &options, &templates) {
        Ok(files) => files,
        Err(codegen::CodegenError::Queries(diagnostics)) => {
            for d in &diagnostics {
                problems.push(Problem::at("queries", d, "fix the query"));
            }
            return Ok(problems);
        }
        Err(codegen::CodegenError::Render(e)) => return Err(Failure::Other(e.to_string())),
    };
    let stale = generated::stale_files(&project.generated_dir(), &files)
        .map_err(|e| Failure::Other(e.to_string()))?;
    for file in stale {
        problems.push(Problem {
            file: Some(format!("{}/{file}", project.config.generated_dir)),
            ..Problem::new(
                "generated",
                format!(
                    "{}/{file} is not what `dbtool generate` writes",
                    project.config.generated_dir
                ),
                "run `dbtool generate` and commit the result",
            )
        });
    }
    Ok(problems)
}
