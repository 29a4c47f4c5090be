//! `dbtool pull --verify`: the proof of a pull. The pulled schema is loaded for the source's
//! own dialect, rendered, built in a scratch database of the same engine beside the source,
//! and the two catalogs are compared (columns with their type modifiers, defaults, identity
//! and generated expressions; constraints, indexes, views, enums and functions by definition).

use super::Failure;
use crate::diagnostic::SourceFile;
use crate::engine::{DatabaseUrl, Scratch};
use crate::introspect::Difference;
use crate::render::Templates;

/// The differences between the database at `url` and the one `yaml` (what pull wrote for it,
/// shown as `path` in errors) builds; empty when the pull is exact.
pub fn verify(
    url: &str,
    yaml: &str,
    path: &str,
    templates: &Templates,
) -> Result<Vec<Difference>, Failure> {
    let dialect = DatabaseUrl::parse(url)?.dialects()[0];
    let file = SourceFile {
        path: path.to_string(),
        text: yaml.to_string(),
    };
    let schema =
        crate::schema::load(std::slice::from_ref(&file), &[dialect]).map_err(|diagnostics| {
            Failure::Diagnostics {
                diagnostics,
                sources: vec![file.clone()],
            }
        })?;
    let ddl = crate::render::render(&schema, dialect, templates)
        .map_err(|e| Failure::Other(e.to_string()))?;
    let scratch = Scratch::beside(url, "verify")?;
    let mut built = crate::engine::open(scratch.url(), true)?;
    built.build(&ddl).map_err(|e| {
        Failure::Database(format!(
            "the pulled schema does not build on {}: {e}",
            built.engine_name()
        ))
    })?;
    drop(built);
    let source = crate::introspect::catalog(url)?;
    let rebuilt = crate::introspect::catalog(scratch.url())?;
    Ok(crate::introspect::compare(&source, &rebuilt))
}
