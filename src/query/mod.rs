//! Annotated SQL queries: reading query files, analysing each query against the schema for
//! every dialect, and the typed result codegen turns into Rust.

pub mod analyze;
pub mod file;
pub mod types;

pub use analyze::{Analysis, AnalyzeError, Analyzer, ColumnInfo, ParamDecl, ParamInfo};
pub use file::{parse_file, Kind, ParamUse, Query};
pub use types::QType;

use crate::diagnostic::Diagnostic;

/// Analyses one query for one dialect; an error points into the query's file.
pub fn analyze_query(query: &Query, analyzer: &Analyzer<'_>) -> Result<Analysis, Diagnostic> {
    let rewritten = query.rewrite(|n| format!("${n}"));
    let decls: Vec<ParamDecl> = query
        .distinct_params()
        .iter()
        .map(|p| ParamDecl {
            name: p.name.clone(),
            nullable: query.param_is_nullable(&p.name),
        })
        .collect();
    let analysis = analyzer.analyze(&rewritten.text, &decls).map_err(|e| {
        let column = rewritten.original_column(e.line, e.column);
        query
            .diagnostic_at(e.line, column, e.message)
            .with_optional_help(e.help)
    })?;
    check_kind(query, &analysis)?;
    Ok(analysis)
}

/// `:one` and `:many` must return rows; `:exec` and `:execrows` must not throw rows away.
fn check_kind(query: &Query, analysis: &Analysis) -> Result<(), Diagnostic> {
    let returns_rows = !analysis.columns.is_empty();
    match query.kind {
        Kind::One | Kind::Many if !returns_rows => Err(query
            .diagnostic_at_name(format!(
                "query `{}` is {} but returns no rows",
                query.name,
                query.kind.annotation()
            ))
            .with_help("use :exec or :execrows, or add RETURNING")),
        Kind::Exec | Kind::ExecRows | Kind::CopyFrom if returns_rows => Err(query
            .diagnostic_at_name(format!(
                "query `{}` is {} but returns rows",
                query.name,
                query.kind.annotation()
            ))
            .with_help("use :one or :many to get the rows, or drop RETURNING")),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
