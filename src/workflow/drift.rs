//! `dbtool drift`: a live database against what its applied migrations build.

use super::{scripts_checked, Failure};
use crate::introspect::{Catalog, Difference};
use crate::migrate::{self, Database, MigrateOptions};
use crate::schema::Dialect;

/// What drift found.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DriftReport {
    /// The database, its password redacted.
    pub database: String,
    /// The latest version its history records.
    pub version: i32,
    pub differences: Vec<Difference>,
}

/// Compares the database at `url` (whose scripts are `dialect`'s) with what the project's
/// migrations up to its recorded version build on a scratch database beside it.
pub fn drift(
    project: &crate::project::Project,
    url: &str,
    dialect: Dialect,
) -> Result<DriftReport, Failure> {
    let scripts = scripts_checked(project, dialect)?;
    let mut database = Database::open_existing(url)?;
    let version = database
        .status(&scripts)?
        .applied
        .last()
        .map_or(0, |a| a.version);
    let live = crate::introspect::catalog(url)?;
    let expected = expected_catalog(url, &scripts, version)?;
    Ok(DriftReport {
        database: database.shown_url().to_string(),
        version,
        differences: crate::introspect::compare(&expected, &live),
    })
}

/// The catalog the migrations up to `version` produce, on a scratch database of the engine
/// `url` points at, removed afterwards.
pub fn expected_catalog(
    url: &str,
    scripts: &[migrate::Script],
    version: i32,
) -> Result<Catalog, Failure> {
    let migrate_to = |scratch_url: &str| -> Result<Catalog, Failure> {
        let mut scratch = Database::open(scratch_url)?;
        if version > 0 {
            let options = MigrateOptions {
                target: Some(version),
                dry_run: false,
            };
            scratch.migrate(scripts, options, |_| {})?;
        }
        drop(scratch);
        Ok(crate::introspect::catalog(scratch_url)?)
    };
    let scratch = crate::engine::Scratch::beside(url, "drift")?;
    migrate_to(scratch.url())
}
