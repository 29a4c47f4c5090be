//! Confirming the static analysis on real engines: every query is prepared on SQLite (in
//! memory) and, when a server is given, on PostgreSQL (in a scratch database), each built by
//! the scripts it is given. A query the engine rejects, or whose parameters or columns the
//! engine sees differently from the analysis, is an error at the query. What differs between
//! engines is asked of the engine layer ([`crate::engine::Connection::describe`]).

use crate::diagnostic::Diagnostic;
use crate::engine::{self, Connection};
use crate::migrate::redact;
use crate::query::{Analysis, Module, QType, Query, Rewritten};
use crate::schema::Dialect;

/// Called before each query is prepared, with how many there are and the query's name.
pub type OnQuery<'a> = &'a mut dyn FnMut(usize, &str);

/// A script that builds the database the queries are prepared on: a committed migration, or
/// the change of schema/ that no migration covers yet, or (in tests) the rendered schema.
#[derive(Debug, Clone)]
pub struct BuildScript {
    /// Where it comes from, for messages: `migrations/postgres/V3__x.sql`, `schema/`.
    pub origin: String,
    pub sql: String,
}

/// Prepares every query on an in-memory SQLite database built by `build`.
pub fn sqlite(
    build: &[BuildScript],
    modules: &[Module],
    progress: OnQuery<'_>,
) -> Result<(), Vec<Diagnostic>> {
    let mut connection = engine::open("sqlite::memory:", true).map_err(|e| {
        vec![Diagnostic::new(
            "schema/",
            1,
            1,
            format!("cannot open an in-memory SQLite database: {e}"),
        )]
    })?;
    confirm_on(
        connection.as_mut(),
        Dialect::Sqlite,
        build,
        modules,
        progress,
    )
}

/// Why the queries could not be confirmed on PostgreSQL.
#[derive(Debug)]
pub enum PostgresError {
    /// The server could not be used (its URL shown without a password).
    Server(String),
    /// Queries the server rejected or typed differently, at their place in the query files.
    Queries(Vec<Diagnostic>),
}

/// Prepares every query on PostgreSQL, in a scratch database created next to `url`'s (and
/// dropped afterwards), and compares the types PostgreSQL infers with the analysis.
pub fn postgres(
    url: &str,
    build: &[BuildScript],
    modules: &[Module],
    dialect: Dialect,
    progress: OnQuery<'_>,
) -> Result<(), PostgresError> {
    let shown = redact(url);
    let server_error = |what: &str, e: &dyn std::fmt::Display| {
        PostgresError::Server(format!(
            "cannot confirm the queries on PostgreSQL ({shown}): {what}: {e}\nhelp: check the URL and that the server is up, or leave --database-url out to confirm on SQLite only"
        ))
    };
    let scratch = engine::Scratch::beside(url, "confirm")
        .map_err(|e| server_error("cannot use the server", &e))?;
    let mut connection = engine::open(scratch.url(), false)
        .map_err(|e| server_error("cannot connect to the scratch database", &e))?;
    confirm_on(connection.as_mut(), dialect, build, modules, progress)
        .map_err(PostgresError::Queries)
}

/// Builds the database on `connection`, then prepares every query of `dialect` on it.
fn confirm_on(
    connection: &mut dyn Connection,
    dialect: Dialect,
    build: &[BuildScript],
    modules: &[Module],
    progress: OnQuery<'_>,
) -> Result<(), Vec<Diagnostic>> {
    let engine = connection.engine_name();
    for script in build {
        connection.build(&script.sql).map_err(|e| {
            vec![Diagnostic::new(
                &script.origin,
                1,
                1,
                format!(
                    "{} does not load into {engine} ({dialect}): {e}",
                    script.origin
                ),
            )]
        })?;
    }
    let mut errors = Vec::new();
    let total = queries_of(modules, dialect).count();
    for (query, analysis) in queries_of(modules, dialect) {
        progress(total, &query.name);
        let rewritten = crate::query::statement_text(query, analysis, dialect);
        match connection.describe(&rewritten.text) {
            Ok(described) => errors.extend(
                disagreements(&described, analysis)
                    .into_iter()
                    .map(|problem| disagrees(query, engine, &problem)),
            ),
            Err(refusal) => errors.push(rejected(
                query,
                &rewritten,
                engine,
                &refusal.message,
                refusal.offset,
            )),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Where what the engine sees differs from the analysis: names and counts always, types
/// where the engine infers them.
fn disagreements(described: &engine::Described, analysis: &Analysis) -> Vec<String> {
    if let Some(problem) = compare_names(&described.columns, analysis) {
        return vec![problem];
    }
    let Some((column_types, param_types)) = &described.types else {
        if described.params != analysis.params.len() {
            return vec![format!(
                "it counts {} parameter(s), the analysis {}",
                described.params,
                analysis.params.len()
            )];
        }
        return Vec::new();
    };
    let mut problems = Vec::new();
    for (param, ty) in analysis.params.iter().zip(param_types) {
        if !same_type(&param.ty, ty) {
            problems.push(format!(
                "parameter `{}` is {ty} there, {} in the analysis",
                param.name, param.ty
            ));
        }
    }
    for (column, ty) in analysis.columns.iter().zip(column_types) {
        if !same_type(&column.ty, ty) {
            problems.push(format!(
                "column `{}` is {ty} there, {} in the analysis",
                column.name, column.ty
            ));
        }
    }
    problems
}

fn queries_of(modules: &[Module], dialect: Dialect) -> impl Iterator<Item = (&Query, &Analysis)> {
    modules
        .iter()
        .flat_map(|m| &m.queries)
        .filter_map(move |q| q.for_dialect(dialect))
}

/// Whether PostgreSQL's type name is the analysis's type.
fn same_type(ty: &QType, pg: &str) -> bool {
    let expected = match ty {
        QType::Bool => "bool",
        QType::SmallInt => "int2",
        QType::Int => "int4",
        QType::BigInt => "int8",
        QType::Real => "float4",
        QType::Double => "float8",
        QType::Numeric => "numeric",
        QType::Text => return matches!(pg, "text" | "varchar" | "bpchar" | "name"),
        QType::Bytes => "bytea",
        QType::Uuid => "uuid",
        QType::Date => "date",
        QType::Time => "time",
        QType::Timestamp => "timestamp",
        QType::Timestamptz => "timestamptz",
        QType::Interval => "interval",
        QType::Json => "json",
        QType::Jsonb => "jsonb",
        QType::TsVector => "tsvector",
        QType::TsQuery => "tsquery",
        QType::Enum(name) => return pg == name,
        QType::Array(inner) => {
            return pg
                .strip_prefix('_')
                .is_some_and(|element| same_type(inner, element))
        }
    };
    pg == expected
}

fn compare_names(names: &[String], analysis: &Analysis) -> Option<String> {
    if names.len() != analysis.columns.len() {
        return Some(format!(
            "it returns {} column(s), the analysis {}",
            names.len(),
            analysis.columns.len()
        ));
    }
    names
        .iter()
        .zip(&analysis.columns)
        // `AS "n!"` / `AS "n?"` is the engine's name for the column the analysis calls `n`; a
        // name dbtool gave (`count`, `id_2`) the engine spells its own way (`count(*)`, `id`).
        .find(|(name, column)| {
            !column.derived_name && name.trim_end_matches(['!', '?']) != column.name
        })
        .map(|(name, column)| {
            format!(
                "it names a column `{name}` where the analysis has `{}`",
                column.name
            )
        })
}

/// The engine refused the query; `at` is the byte offset in the rewritten SQL of the token it
/// names, when it names one: the error points there, else at the query's name.
fn rejected(
    query: &Query,
    rewritten: &Rewritten,
    engine: &str,
    message: &str,
    at: Option<usize>,
) -> Diagnostic {
    let message = format!("{engine} rejects query `{}`: {message}", query.name);
    match at.and_then(|offset| position_in_query(query, rewritten, offset)) {
        Some((line, column)) => query.diagnostic_at(line, column, message),
        None => query.diagnostic_at_name(message),
    }
    .with_help(format!(
        "fix the query, or give {} its own version under queries/<dialect>/",
        engine
    ))
}

fn disagrees(query: &Query, engine: &str, problem: &str) -> Diagnostic {
    query
        .diagnostic_at_name(format!(
            "{engine} and dbtool's analysis disagree about `{}`: {problem}",
            query.name
        ))
        .with_help("rewrite the expression so both agree (a CAST settles a type), or report it as a dbtool bug")
}

/// The 1-based line and column (in characters) in the query as written of byte `offset` of
/// its rewritten text (where parameters are placeholders).
fn position_in_query(query: &Query, rewritten: &Rewritten, offset: usize) -> Option<(u32, u32)> {
    let before = rewritten.text.get(..offset)?;
    let line = before.matches('\n').count() as u32 + 1;
    let rewritten_column = before.len() - before.rfind('\n').map_or(0, |i| i + 1);
    let byte_column = rewritten.original_column(line, rewritten_column as u32 + 1) - 1;
    let written = query.sql.split('\n').nth(line as usize - 1)?;
    let column = written.get(..byte_column as usize)?.chars().count() as u32 + 1;
    Some((line, column))
}
