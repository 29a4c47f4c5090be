//! Annotated SQL queries: reading query files, analysing each query against the schema for
//! every dialect, and the typed result codegen turns into Rust.

pub mod analyze;
pub mod file;
pub mod functions;
pub mod types;

pub use analyze::{Analysis, AnalyzeError, Analyzer, BulkInsert, ColumnInfo, ParamDecl, ParamInfo};
pub use file::{parse_file, parse_file_for, Expansion, Kind, ParamUse, Query, Rewritten};
pub use types::QType;

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::schema::{Dialect, Schema};

/// A query file of the project: `queries/FILE.sql` (shared by every dialect) or
/// `queries/<dialect>/FILE.sql` (overrides for one dialect).
#[derive(Clone, Debug)]
pub struct QuerySource {
    pub dialect: Option<Dialect>,
    pub file: SourceFile,
}

impl QuerySource {
    /// The module a file belongs to: its file name without `.sql`.
    pub fn module(&self) -> String {
        let name = self.file.path.rsplit('/').next().unwrap_or(&self.file.path);
        name.strip_suffix(".sql").unwrap_or(name).to_string()
    }
}

/// The queries of one shared file, each resolved and analysed for every dialect.
#[derive(Clone, Debug)]
pub struct Module {
    pub name: String,
    pub queries: Vec<ResolvedQuery>,
}

#[derive(Clone, Debug)]
pub struct ResolvedQuery {
    /// The query as written in the shared file.
    pub shared: Query,
    /// For each configured dialect: the query it runs (the shared one, or its override) and
    /// what analysis found.
    pub dialects: Vec<(Dialect, Query, Analysis)>,
}

impl ResolvedQuery {
    pub fn for_dialect(&self, dialect: Dialect) -> Option<(&Query, &Analysis)> {
        self.dialects
            .iter()
            .find(|(d, _, _)| *d == dialect)
            .map(|(_, q, a)| (q, a))
    }

    /// The analysis every dialect agrees on (they are checked to agree).
    pub fn analysis(&self) -> &Analysis {
        &self.dialects[0].2
    }
}

/// Reads, resolves and analyses every query of the project. Every error of every file is
/// reported together.
pub fn analyze_project(
    schema: &Schema,
    sources: &[QuerySource],
    dialects: &[Dialect],
) -> Result<Vec<Module>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut parsed: Vec<(&QuerySource, Vec<Query>)> = Vec::new();
    for source in sources {
        // SQLite's `?` serves a file only SQLite reads.
        let sqlite_only = match source.dialect {
            Some(dialect) => dialect == Dialect::Sqlite,
            None => dialects == [Dialect::Sqlite],
        };
        match parse_file_for(&source.file, sqlite_only) {
            Ok(queries) => parsed.push((source, queries)),
            Err(mut e) => errors.append(&mut e),
        }
    }
    check_unique_names(&parsed, &mut errors);
    check_overrides(&parsed, &mut errors);
    let analyzers: Vec<(Dialect, Analyzer<'_>)> = dialects
        .iter()
        .map(|d| (*d, Analyzer::new(schema, *d)))
        .collect();
    let mut modules = Vec::new();
    for (source, queries) in parsed.iter().filter(|(s, _)| s.dialect.is_none()) {
        let mut module = Module {
            name: source.module(),
            queries: Vec::new(),
        };
        for query in queries {
            let mut resolved = ResolvedQuery {
                shared: query.clone(),
                dialects: Vec::new(),
            };
            for (dialect, analyzer) in &analyzers {
                let chosen =
                    override_for(&parsed, &module.name, &query.name, *dialect).unwrap_or(query);
                match analyze_query(chosen, analyzer) {
                    Ok(analysis) => resolved.dialects.push((*dialect, chosen.clone(), analysis)),
                    Err(found) => {
                        for e in found {
                            if !errors.contains(&e) {
                                errors.push(e);
                            }
                        }
                    }
                }
            }
            if resolved.dialects.len() == analyzers.len() {
                if let Err(e) = check_dialects_agree(&resolved) {
                    errors.push(e);
                }
                module.queries.push(resolved);
            }
        }
        modules.push(module);
    }
    if errors.is_empty() {
        Ok(modules)
    } else {
        Err(errors)
    }
}

/// Query names become Rust function names in one crate: unique across shared files.
fn check_unique_names(parsed: &[(&QuerySource, Vec<Query>)], errors: &mut Vec<Diagnostic>) {
    let shared: Vec<&Query> = parsed
        .iter()
        .filter(|(s, _)| s.dialect.is_none())
        .flat_map(|(_, q)| q)
        .collect();
    for (i, query) in shared.iter().enumerate() {
        if let Some(first) = shared[..i]
            .iter()
            .find(|q| q.name == query.name && q.path != query.path)
        {
            errors.push(
                query
                    .diagnostic_at_name(format!(
                        "query `{}` is also defined in {}",
                        query.name, first.path
                    ))
                    .with_related(
                        &first.path,
                        first.name_line,
                        first.name_column,
                        "first defined here",
                    )
                    .with_help(
                        "query names are unique across files: they name the generated functions",
                    ),
            );
        }
    }
}

/// An override must replace a shared query of the same file.
fn check_overrides(parsed: &[(&QuerySource, Vec<Query>)], errors: &mut Vec<Diagnostic>) {
    for (source, queries) in parsed.iter().filter(|(s, _)| s.dialect.is_some()) {
        let module = source.module();
        let shared = parsed
            .iter()
            .find(|(s, _)| s.dialect.is_none() && s.module() == module);
        for query in queries {
            let exists = shared.is_some_and(|(_, qs)| qs.iter().any(|q| q.name == query.name));
            if !exists {
                errors.push(
                    query
                        .diagnostic_at_name(format!(
                            "`{}` overrides nothing: queries/{module}.sql has no query of that name",
                            query.name
                        ))
                        .with_help(format!(
                            "write the shared query in queries/{module}.sql first; a file under queries/<dialect>/ only replaces queries for that dialect"
                        )),
                );
            }
        }
    }
}

/// The override of `name` for `dialect`, looking in the dialect's folder and then in its
/// fallback's (TimescaleDB uses PostgreSQL's overrides unless it has its own).
fn override_for<'q>(
    parsed: &'q [(&QuerySource, Vec<Query>)],
    module: &str,
    name: &str,
    dialect: Dialect,
) -> Option<&'q Query> {
    let find = |d: Dialect| {
        parsed
            .iter()
            .filter(|(s, _)| s.dialect == Some(d) && s.module() == module)
            .flat_map(|(_, q)| q)
            .find(|q| q.name == name)
    };
    find(dialect).or_else(|| dialect.fallback().and_then(find))
}

/// One Rust function serves every dialect, so every dialect's query must have the same
/// parameters and columns.
fn check_dialects_agree(resolved: &ResolvedQuery) -> Result<(), Diagnostic> {
    let (first_dialect, _, first) = &resolved.dialects[0];
    for (dialect, query, analysis) in &resolved.dialects[1..] {
        let difference = describe_difference(first, analysis);
        if let Some(difference) = difference {
            return Err(query
                .diagnostic_at_name(format!(
                    "`{}` for {dialect} does not match {first_dialect}: {difference}",
                    query.name
                ))
                .with_help("an override must take the same parameters and return the same columns as the shared query"));
        }
    }
    Ok(())
}

fn describe_difference(a: &Analysis, b: &Analysis) -> Option<String> {
    let show_param = |p: &ParamInfo| {
        format!(
            "`{}` {}{}",
            p.name,
            p.ty,
            if p.nullable { " (nullable)" } else { "" }
        )
    };
    let show_column = |c: &ColumnInfo| {
        format!(
            "`{}` {}{}",
            c.name,
            c.ty,
            if c.nullable { " (nullable)" } else { "" }
        )
    };
    if a.params.len() != b.params.len() {
        return Some(format!(
            "{} parameter(s) here, {} there",
            b.params.len(),
            a.params.len()
        ));
    }
    for (x, y) in a.params.iter().zip(&b.params) {
        // Origins may differ: codegen checks that they choose the same Rust types.
        if x.name != y.name || x.ty != y.ty || x.nullable != y.nullable {
            return Some(format!(
                "parameter {} here, {} there",
                show_param(y),
                show_param(x)
            ));
        }
    }
    if a.columns.len() != b.columns.len() {
        return Some(format!(
            "{} column(s) here, {} there",
            b.columns.len(),
            a.columns.len()
        ));
    }
    for (x, y) in a.columns.iter().zip(&b.columns) {
        if x.name != y.name || x.ty != y.ty || x.nullable != y.nullable {
            return Some(format!(
                "column {} here, {} there",
                show_column(y),
                show_column(x)
            ));
        }
    }
    None
}

/// The SQL dbtool generates and prepares for `query` on `dialect`: parameters written the
/// dialect's way, every `*` written as the columns it stands for.
pub fn statement_text(query: &Query, analysis: &Analysis, dialect: Dialect) -> Rewritten {
    let spec = crate::dialect::spec(dialect);
    query.rewrite_expanded(
        &analysis.expansions,
        |n| spec.placeholder(n),
        |name| crate::dialect::quote_identifier(dialect, name),
    )
}

/// Analyses one query for one dialect; each error points into the query's file.
pub fn analyze_query(query: &Query, analyzer: &Analyzer<'_>) -> Result<Analysis, Vec<Diagnostic>> {
    let rewritten = query.rewrite(|n| format!("${n}"));
    let decls: Vec<ParamDecl> = query
        .distinct_params()
        .iter()
        .map(|p| ParamDecl {
            name: p.name.clone(),
            nullable: query.param_is_nullable(&p.name),
        })
        .collect();
    let analysis = analyzer
        .analyze(&rewritten.text, &decls)
        .map_err(|errors| {
            errors
                .into_iter()
                .map(|e| {
                    let column = rewritten.original_column(e.line, e.column);
                    query
                        .diagnostic_at(e.line, column, e.message)
                        .with_optional_help(e.help)
                })
                .collect::<Vec<_>>()
        })?;
    check_kind(query, &analysis).map_err(|e| vec![e])?;
    if query.kind == Kind::ExecLastId && analyzer.dialect().runs_on_postgres() {
        return Err(vec![query
            .diagnostic_at_name(format!(
                "query `{}` is :execlastid, which has no meaning on {}: there is no last insert id",
                query.name,
                analyzer.dialect()
            ))
            .with_help(
                "write `INSERT … RETURNING id` and make the query :one",
            )]);
    }
    let mut analysis = analysis;
    name_positional_params(query, &mut analysis);
    analysis.expansions = std::mem::take(&mut analysis.wildcards)
        .into_iter()
        .filter_map(|w| {
            Some(Expansion {
                start: rewritten.original_offset(w.start.0, w.start.1)?,
                end: rewritten.original_offset(w.end.0, w.end.1)?,
                columns: w.columns,
            })
        })
        .collect();
    Ok(analysis)
}

/// A `$N` (or SQLite `?`) parameter is named as sqlc names it: after the column it is compared with or stored
/// into (`WHERE id = $1` → `id`; a second one `id_2`), else `pN`. Named parameters (`@id`,
/// `sqlc.arg(id)`) keep their names.
fn name_positional_params(query: &Query, analysis: &mut Analysis) {
    let positional = |name: &str| {
        name.strip_prefix('p')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
            && query
                .params
                .iter()
                .any(|p| p.name == name && query.sql[p.start..].starts_with(['$', '?']))
    };
    let mut taken: Vec<String> = analysis
        .params
        .iter()
        .filter(|p| !positional(&p.name))
        .map(|p| p.name.clone())
        .collect();
    for param in &mut analysis.params {
        if !positional(&param.name) {
            continue;
        }
        let Some(column) = param.origins.first().and_then(|o| o.rsplit('.').next()) else {
            taken.push(param.name.clone());
            continue;
        };
        let mut name = column.to_string();
        let mut n = 2;
        while taken.contains(&name) {
            name = format!("{column}_{n}");
            n += 1;
        }
        taken.push(name.clone());
        param.name = name;
    }
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
        Kind::CopyFrom if analysis.bulk_insert.is_none() => Err(query
            .diagnostic_at_name(format!(
                "query `{}` is :copyfrom but is not a plain INSERT of one parameter per column",
                query.name
            ))
            .with_help("write `INSERT INTO t (a, b) VALUES (@a, @b)`: no ON CONFLICT, no RETURNING, no expressions")),
        Kind::Exec | Kind::ExecRows | Kind::ExecResult | Kind::ExecLastId | Kind::CopyFrom
            if returns_rows =>
        {
            Err(query
            .diagnostic_at_name(format!(
                "query `{}` is {} but returns rows",
                query.name,
                query.kind.annotation()
            ))
            .with_help("use :one or :many to get the rows, or drop RETURNING"))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
