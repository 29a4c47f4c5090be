//! Writing a schema change as migration versions: the scripts `dbtool diff` writes, from the
//! plans of every dialect (values in, text out; the CLI reads the project and writes the files).
//!
//! One change is one version, or two when `--concurrently` moves index builds on existing
//! tables into a version of their own that runs outside a transaction (see
//! [`crate::diff::move_index_builds`]): the first version holds the rest of the change, the
//! second the builds. A dialect that builds every index in a transaction keeps its whole change
//! in the first version, and its second version says so and does nothing.

use serde::Serialize;

use crate::dialect;
use crate::diff::{self, Hazard, Plan};
use crate::render::{self, RenderError, Templates};
use crate::schema::Dialect;

/// The up and down plans of one dialect.
#[derive(Debug, Clone)]
pub struct DialectPlans {
    pub dialect: Dialect,
    pub up: Plan,
    pub down: Plan,
}

/// The plans of one version, for every dialect.
#[derive(Debug, Clone)]
pub struct VersionPlans {
    /// Runs outside a transaction where the dialect can (index builds moved out).
    pub alone: bool,
    pub plans: Vec<DialectPlans>,
    /// Why a dialect's part of this version does nothing, by dialect.
    pub empty_because: Vec<(Dialect, String)>,
}

/// The scripts of one version for one dialect.
#[derive(Debug, Clone)]
pub struct VersionFiles {
    pub dialect: Dialect,
    pub up: String,
    pub down: String,
}

/// One version to write.
#[derive(Debug, Clone)]
pub struct NewVersion {
    pub version: i32,
    pub name: String,
    pub files: Vec<VersionFiles>,
}

/// How to cut a change into versions.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Build indexes on existing tables without blocking writes, in a version of their own.
    pub concurrently: bool,
}

/// Cuts the change into versions: one, or with `options.concurrently` and index builds on
/// existing tables, a version for the rest and one for the builds (only the builds' version
/// when the rest is empty on every dialect that moved builds).
pub fn versions(plans: Vec<DialectPlans>, options: Options) -> Vec<VersionPlans> {
    if !options.concurrently {
        return vec![VersionPlans {
            alone: false,
            plans,
            empty_because: Vec::new(),
        }];
    }
    let mut rest = Vec::new();
    let mut builds = Vec::new();
    for mut dialect_plans in plans {
        let caps = dialect::spec(dialect_plans.dialect).capabilities();
        let moved = diff::move_index_builds(&mut dialect_plans.up, &mut dialect_plans.down, caps);
        builds.push(moved.map(|(up, down)| DialectPlans {
            dialect: dialect_plans.dialect,
            up,
            down,
        }));
        rest.push(dialect_plans);
    }
    if builds.iter().all(Option::is_none) {
        return vec![VersionPlans {
            alone: false,
            plans: rest,
            empty_because: Vec::new(),
        }];
    }
    let rest_is_empty = rest
        .iter()
        .zip(&builds)
        .all(|(rest, build)| build.is_none() || rest.up.steps.is_empty());
    if rest_is_empty {
        // The builds are the whole change where they moved; elsewhere the change stays whole.
        let plans = rest
            .into_iter()
            .zip(builds)
            .map(|(rest, build)| build.unwrap_or(rest))
            .collect();
        return vec![VersionPlans {
            alone: true,
            plans,
            empty_because: Vec::new(),
        }];
    }
    let mut empty_because = Vec::new();
    let builds = rest
        .iter()
        .zip(builds)
        .map(|(rest, build)| {
            build.unwrap_or_else(|| {
                empty_because.push((
                    rest.dialect,
                    format!(
                        "{} builds its indexes inside a transaction: the previous version built them",
                        rest.dialect
                    ),
                ));
                DialectPlans {
                    dialect: rest.dialect,
                    up: Plan::default(),
                    down: Plan::default(),
                }
            })
        })
        .collect();
    vec![
        VersionPlans {
            alone: false,
            plans: rest,
            empty_because: Vec::new(),
        },
        VersionPlans {
            alone: true,
            plans: builds,
            empty_because,
        },
    ]
}

/// The name of the `index`-th version of a change named `name` (0-based): the change's own
/// name, then `NAME_indexes` for the builds' version.
pub fn version_name(name: &str, index: usize, count: usize) -> String {
    if count > 1 && index + 1 == count {
        format!("{name}_indexes")
    } else {
        name.to_string()
    }
}

/// What a script header says (the `header` macro of the dialect's `migration.sql.j2`).
#[derive(Serialize)]
struct Header<'a> {
    version: i32,
    name: &'a str,
    dialect: &'static str,
    direction: &'static str,
    hazards: &'a [Hazard],
    reason: String,
    /// The script runs outside a transaction: the header's first line says so.
    alone: bool,
    /// Why the script does nothing, when it does nothing.
    note: Option<&'a str>,
}

/// The scripts of the versions, numbered from `first`.
pub fn scripts(
    versions: &[VersionPlans],
    first: i32,
    name: &str,
    templates: &Templates,
) -> Result<Vec<NewVersion>, RenderError> {
    let mut written = Vec::new();
    for (index, version) in versions.iter().enumerate() {
        let number = first + i32::try_from(index).unwrap_or(0);
        let version_name = version_name(name, index, versions.len());
        let mut files = Vec::new();
        for plans in &version.plans {
            let caps = dialect::spec(plans.dialect).capabilities();
            let script = Script {
                version: number,
                name: &version_name,
                dialect: plans.dialect,
                alone: version.alone && caps.statements_outside_transaction,
                note: version
                    .empty_because
                    .iter()
                    .find(|(d, _)| *d == plans.dialect)
                    .map(|(_, why)| why.as_str()),
                templates,
            };
            files.push(VersionFiles {
                dialect: plans.dialect,
                up: script.up(&plans.up)?,
                down: script.down(&plans.down)?,
            });
        }
        written.push(NewVersion {
            version: number,
            name: version_name,
            files,
        });
    }
    Ok(written)
}

/// One dialect's scripts of one version.
struct Script<'a> {
    version: i32,
    name: &'a str,
    dialect: Dialect,
    alone: bool,
    note: Option<&'a str>,
    templates: &'a Templates,
}

impl Script<'_> {
    fn header(
        &self,
        direction: &'static str,
        hazards: &[Hazard],
        reason: String,
    ) -> Result<String, RenderError> {
        let header = Header {
            version: self.version,
            name: self.name,
            dialect: self.dialect.name(),
            direction,
            hazards,
            reason,
            alone: self.alone,
            note: self.note,
        };
        render::render_migration_macro("header", &header, self.dialect, self.templates)
    }

    fn up(&self, plan: &Plan) -> Result<String, RenderError> {
        let head = self.header("up", &plan.hazards, String::new())?;
        let body = render::render_steps(&plan.steps, self.dialect, self.templates)?;
        Ok(format!("{head}\n{body}"))
    }

    /// The down script; one that cannot undo its version starts with the irreversible marker.
    fn down(&self, plan: &Plan) -> Result<String, RenderError> {
        let reasons = plan.irreversible_reasons();
        if reasons.is_empty() {
            let head = self.header("down", &plan.hazards, String::new())?;
            let body = render::render_steps(&plan.steps, self.dialect, self.templates)?;
            return Ok(format!("{head}\n{body}"));
        }
        // The body is written only when the raw undos are all that is missing: then its
        // hazards are the reader's to see once the marker is gone.
        let hazards: &[Hazard] = if plan.impossible.is_empty() {
            &plan.hazards
        } else {
            &[]
        };
        let reason = reasons.join("; ");
        let head = self.header("down", hazards, reason.clone())?;
        let header = Header {
            version: self.version,
            name: self.name,
            dialect: self.dialect.name(),
            direction: "down",
            hazards,
            reason,
            alone: self.alone,
            note: self.note,
        };
        let marker =
            render::render_migration_macro("irreversible", &header, self.dialect, self.templates)?;
        if !plan.impossible.is_empty() {
            return Ok(format!("{head}\n{marker}"));
        }
        // Only raw statements lack their undo: the rest of the down script is written too, so
        // completing it is adding those undos and deleting the marker.
        let body = render::render_steps(&plan.steps, self.dialect, self.templates)?;
        Ok(format!("{head}\n{marker}\n{body}"))
    }
}
