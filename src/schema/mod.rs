//! The schema: YAML in, a validated [`Schema`] out. Pure: no file or network IO.

mod layout;
mod load;
pub mod model;
mod reader;
pub mod sql;
pub mod syntax;
mod validate;

pub use model::*;
pub use validate::default_needs;

use crate::diagnostic::{Diagnostic, SourceFile};

/// Reads and validates the schema files for the given dialects.
///
/// Returns every problem found, sorted by file and position, or the validated model.
pub fn load(files: &[SourceFile], dialects: &[Dialect]) -> Result<Schema, Vec<Diagnostic>> {
    let (mut schema, mut diagnostics) = load::read_files(files);
    if diagnostics.is_empty() {
        diagnostics = validate::validate(&mut schema, dialects);
    }
    if diagnostics.is_empty() {
        Ok(schema)
    } else {
        diagnostics.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        diagnostics.dedup();
        Err(diagnostics)
    }
}
