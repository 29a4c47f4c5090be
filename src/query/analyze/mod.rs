//! Static analysis of one query against the schema: every parameter's type, every result
//! column's name, type and nullability, and why. Pure: no database.
//!
//! This file holds the model (relations, scopes, typed values) and the entry points; the
//! statement kinds and expressions are typed in the files beside it: `dml` (INSERT, UPDATE,
//! DELETE), `select` (queries and projections), `from` (relations and joins), `scope` (names),
//! `expr` (expressions, parameters), `calls` (functions, from the catalog).
//!
//! The rules (docs/queries.md): a column is NOT NULL when the schema says so and nothing on
//! its way to the result can make it NULL; the optional side of an outer join, aggregates other
//! than `count`, scalar subqueries, `NULLIF` and `CASE` without `ELSE` can. `COALESCE` with a
//! non-null argument cannot.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use sqlparser::ast::{
    self, BinaryOperator, Expr, FunctionArg, FunctionArgExpr, FunctionArguments, GroupByExpr,
    Ident, JoinConstraint, JoinOperator, ObjectName, ObjectNamePart, OnConflictAction, OnInsert,
    SelectItem, SelectItemQualifiedWildcardKind, SetExpr, Spanned, Statement, TableFactor,
    TableObject, TableWithJoins, UnaryOperator, Value,
};
use sqlparser::parser::Parser;

use super::functions;
use super::types::{self, QType};
use crate::diagnostic::closest;
use crate::schema::{Dialect, Schema};

mod calls;
mod dml;
mod expr;
mod from;
mod scope;
mod select;

use expr::*;
use scope::*;
use select::*;

/// What the analyzer learned about a query.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Analysis {
    /// In order of their numbers (`$1`, `$2`, …).
    pub params: Vec<ParamInfo>,
    pub columns: Vec<ColumnInfo>,
    /// The table whose rows these are, when the columns are exactly its columns in order.
    pub table_row: Option<String>,
    /// For an `INSERT INTO t (a, b) VALUES ($1, $2)` of one parameter per column and nothing
    /// else: the shape a bulk insert (`:copyfrom`) needs.
    pub bulk_insert: Option<BulkInsert>,
    /// Every `*` and `t.*` of the statement (subqueries and CTEs too), with the columns it
    /// stands for: the generated SQL names them instead, so that a column order in a live
    /// table that differs from the schema's can never shift values between fields.
    #[serde(skip)]
    pub wildcards: Vec<Wildcard>,
    /// The same, in the query file's SQL (filled by [`crate::query::analyze_query`]).
    #[serde(skip)]
    pub expansions: Vec<crate::query::file::Expansion>,
}

/// A `*` or `t.*` select item, where it is written in the analysed text (1-based line and
/// column of its first and just past its last character) and the columns it stands for, in
/// order: `(qualifier, column)`, the qualifier left out for a column merged by `USING`.
#[derive(Clone, Debug, PartialEq)]
pub struct Wildcard {
    pub start: (u32, u32),
    pub end: (u32, u32),
    pub columns: Vec<(Option<String>, String)>,
}

/// The table and columns of a plain INSERT, as written (quotes kept), in parameter order.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct BulkInsert {
    pub table: String,
    pub columns: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ParamInfo {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: QType,
    pub nullable: bool,
    /// The schema columns (`table.column`) the parameter is compared with or stored into, for
    /// codegen's per-column type overrides.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub origins: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ColumnInfo {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: QType,
    pub nullable: bool,
    /// Why the column is or is not nullable, for `dbtool explain`.
    pub why: String,
    /// The schema column (`table.column`) it reads unchanged, through views and subqueries
    /// too; `None` for anything computed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// The SQL leaves the column unnamed (`count(*)`) or names it twice (`a.id, b.id`): the
    /// name is the one sqlc would give (`count`, `id_2`), which an engine may spell otherwise.
    #[serde(skip)]
    pub derived_name: bool,
}

/// An analysis error at a 1-based (line, column) of the analysed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnalyzeError {
    pub line: u32,
    pub column: u32,
    pub message: String,
    pub help: Option<String>,
}

type Result<T> = std::result::Result<T, AnalyzeError>;

fn error(node: &impl Spanned, message: impl Into<String>) -> AnalyzeError {
    let location = node.span().start;
    AnalyzeError {
        line: location.line.max(1) as u32,
        column: location.column.max(1) as u32,
        message: message.into(),
        help: None,
    }
}

fn error_ident(ident: &Ident, message: impl Into<String>) -> AnalyzeError {
    let location = ident.span.start;
    AnalyzeError {
        line: location.line.max(1) as u32,
        column: location.column.max(1) as u32,
        message: message.into(),
        help: None,
    }
}

trait WithHelp {
    fn help(self, help: impl Into<String>) -> Self;
}

impl WithHelp for AnalyzeError {
    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// What a parameter is, as given by the query file: its name and whether `sqlc.narg` made it
/// nullable. Index `i` is parameter number `i + 1`.
#[derive(Clone, Debug)]
pub struct ParamDecl {
    pub name: String,
    pub nullable: bool,
}

/// Analyses queries against one schema and dialect; caches the columns of views.
pub struct Analyzer<'s> {
    schema: &'s Schema,
    dialect: Dialect,
    enums: Vec<String>,
    views: RefCell<HashMap<String, Rc<Vec<RelCol>>>>,
    /// Views being typed right now: a view that reads itself, directly or not, is an error
    /// rather than endless recursion.
    typing: RefCell<Vec<String>>,
}

/// A column of a relation in scope.
#[derive(Clone, Debug)]
struct RelCol {
    name: String,
    ty: Option<QType>,
    nullable: bool,
    why: String,
    /// The schema column (`table.column`) this is, unchanged.
    origin: Option<String>,
}

/// A table, view, CTE or subquery in a FROM clause, by the name the query uses for it.
#[derive(Clone, Debug)]
struct Relation {
    name: String,
    columns: Vec<RelCol>,
    /// The schema table it is, for reusing the table's row struct.
    table: Option<String>,
    /// Columns merged into the other side by `JOIN … USING` / `NATURAL JOIN`: reachable only
    /// qualified, and not part of `*`.
    merged: Vec<String>,
}

struct Scope<'p> {
    relations: Vec<Relation>,
    outer: Option<&'p Scope<'p>>,
}

/// A typed expression.
#[derive(Clone, Debug)]
struct Typed {
    ty: Option<QType>,
    nullable: bool,
    why: String,
    /// The column's name when the expression is a plain column reference.
    name: Option<String>,
    /// The schema column (`table.column`) when the expression is a plain column reference.
    origin: Option<String>,
}

impl Typed {
    fn known(ty: QType, nullable: bool, why: impl Into<String>) -> Typed {
        Typed {
            ty: Some(ty),
            nullable,
            why: why.into(),
            name: None,
            origin: None,
        }
    }
}

struct ParamSlot {
    decl: ParamDecl,
    ty: Option<QType>,
    /// Stored into a nullable column: the caller may pass NULL …
    nullable_target: bool,
    /// … unless it is also stored into a NOT NULL column.
    stored_not_null: bool,
    first_use: Option<(u32, u32)>,
    /// Schema columns it is compared with or stored into, in order of first use.
    origins: Vec<String>,
}

/// Per-query state.
struct Query<'a, 's> {
    analyzer: &'a Analyzer<'s>,
    params: Vec<ParamSlot>,
    ctes: Vec<Relation>,
    /// Inside EXISTS, IN or a scalar subquery, result columns need no names.
    nameless_ok: usize,
    bulk_insert: Option<BulkInsert>,
    /// Where each column of the projection read last was written (the statement's own,
    /// since it is read after its subqueries): for errors about a result column.
    projection_at: Vec<(u32, u32)>,
    wildcards: Vec<Wildcard>,
    /// Each place that names a column by its name before a `renamed_from:` rename: analysis
    /// goes on with the new column, so that every such place is reported, not only the first.
    renamed_uses: RefCell<Vec<AnalyzeError>>,
    /// How many projections have been read, and the duplicate result names found in each (by
    /// its number): only the last, the statement's own, may have them.
    projections: usize,
    duplicate_names: Vec<(usize, AnalyzeError)>,
    /// Result columns named by [`select::postgres_column_name`], by projection and position.
    derived_names: Vec<(usize, usize)>,
}

/// Parses one statement; errors carry sqlparser's position.
pub fn parse_statement(sql: &str, dialect: Dialect) -> Result<Statement> {
    let parser_dialect = crate::dialect::spec(dialect).sql_parser();
    let mut statements =
        Parser::parse_sql(parser_dialect.as_ref(), sql).map_err(|e| parse_error(e, sql))?;
    match statements.len() {
        1 => Ok(statements.remove(0)),
        0 => Err(AnalyzeError {
            line: 1,
            column: 1,
            message: "the query is empty".into(),
            help: None,
        }),
        _ => Err(error(
            &statements[1],
            "a query is one statement; this is a second one",
        )),
    }
}

/// sqlparser's message, at its position; an error at the end of input has none, so it is put
/// just after the last character.
fn parse_error(e: sqlparser::parser::ParserError, sql: &str) -> AnalyzeError {
    let (text, position) = crate::schema::sql::parser_message(&e);
    if let Some((line, column)) = position {
        return AnalyzeError {
            line: line as u32,
            column: column as u32,
            message: format!("syntax error: {text}"),
            help: None,
        };
    }
    let end = sql.trim_end();
    let line = end.matches('\n').count() as u32 + 1;
    let column = end[end.rfind('\n').map_or(0, |i| i + 1)..].chars().count() as u32 + 1;
    AnalyzeError {
        line,
        column,
        message: format!("syntax error: {text}"),
        help: None,
    }
}

impl<'s> Analyzer<'s> {
    /// The dialect this analyzer types queries for.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    pub fn new(schema: &'s Schema, dialect: Dialect) -> Analyzer<'s> {
        Analyzer {
            schema,
            dialect,
            enums: schema.enums.iter().map(|e| e.name.value.clone()).collect(),
            views: RefCell::new(HashMap::new()),
            typing: RefCell::new(Vec::new()),
        }
    }

    /// Analyses `sql`, whose parameters are written `$1`, `$2`, … and declared by `params`.
    /// The errors are in the order of their places; there is more than one only when the
    /// analysis could go on past a mistake (a column named by its name before a rename).
    pub fn analyze(
        &self,
        sql: &str,
        params: &[ParamDecl],
    ) -> std::result::Result<Analysis, Vec<AnalyzeError>> {
        let statement = parse_statement(sql, self.dialect).map_err(|e| vec![e])?;
        let mut query = Query {
            analyzer: self,
            params: params
                .iter()
                .map(|decl| ParamSlot {
                    decl: decl.clone(),
                    ty: None,
                    nullable_target: false,
                    stored_not_null: false,
                    first_use: None,
                    origins: Vec::new(),
                })
                .collect(),
            ctes: Vec::new(),
            nameless_ok: 0,
            bulk_insert: None,
            projection_at: Vec::new(),
            wildcards: Vec::new(),
            renamed_uses: RefCell::new(Vec::new()),
            projections: 0,
            duplicate_names: Vec::new(),
            derived_names: Vec::new(),
        };
        let outcome = query.analysis(&statement);
        let mut errors = query.renamed_uses.into_inner();
        match outcome {
            Ok(analysis) if errors.is_empty() => Ok(analysis),
            outcome => {
                if let Err(e) = outcome {
                    if !errors.contains(&e) {
                        errors.push(e);
                    }
                }
                errors.sort_by_key(|e| (e.line, e.column));
                Err(errors)
            }
        }
    }
}

impl Query<'_, '_> {
    fn analysis(&mut self, statement: &Statement) -> Result<Analysis> {
        let query = self;
        let (mut columns, table_row) = query.statement(statement)?;
        let last = query.projections;
        if let Some((_, nested)) = query.duplicate_names.iter().find(|(n, _)| *n != last) {
            return Err(nested.clone());
        }
        let mut derived: Vec<usize> = query
            .derived_names
            .iter()
            .filter(|(n, _)| *n == last)
            .map(|(_, index)| *index)
            .collect();
        if !query.duplicate_names.is_empty() {
            derived.extend(number_duplicate_names(&mut columns));
        }
        let mut infos = Vec::new();
        for slot in &query.params {
            let Some(ty) = slot.ty.clone() else {
                let (line, column) = slot.first_use.unwrap_or((1, 1));
                return Err(AnalyzeError {
                    line,
                    column,
                    message: format!("cannot tell the type of parameter `{}`", slot.decl.name),
                    help: Some(format!(
                        "compare it with a column, or give it a type: CAST(@{} AS bigint)",
                        slot.decl.name
                    )),
                });
            };
            infos.push(ParamInfo {
                name: slot.decl.name.clone(),
                ty,
                nullable: slot.decl.nullable || (slot.nullable_target && !slot.stored_not_null),
                origins: slot.origins.clone(),
            });
        }
        let mut out = Vec::new();
        for (index, column) in columns.into_iter().enumerate() {
            let (line, at) = query.projection_at.get(index).copied().unwrap_or((1, 1));
            let Some(ty) = column.ty else {
                return Err(AnalyzeError {
                    line,
                    column: at,
                    message: format!("cannot tell the type of result column `{}`", column.name),
                    help: Some(format!(
                        "give it a type: CAST(… AS text) AS {}",
                        column.name
                    )),
                });
            };
            out.push(ColumnInfo {
                name: column.name,
                ty,
                nullable: column.nullable,
                why: column.why,
                origin: column.origin,
                derived_name: derived.contains(&index),
            });
        }
        Ok(Analysis {
            params: infos,
            columns: out,
            table_row,
            bulk_insert: query.bulk_insert.take(),
            wildcards: std::mem::take(&mut query.wildcards),
            expansions: Vec::new(),
        })
    }
}

impl Analyzer<'_> {
    fn table_relation(&self, name: &str) -> Option<Relation> {
        let table = self.schema.table(name)?;
        let columns = table
            .columns
            .iter()
            .map(|c| RelCol {
                name: c.name.value.clone(),
                ty: QType::of_column(&c.ty.value),
                nullable: c.nullable,
                why: if c.nullable {
                    format!("`{}.{}` is nullable in the schema", name, c.name.value)
                } else {
                    format!("`{}.{}` is NOT NULL in the schema", name, c.name.value)
                },
                origin: Some(format!("{name}.{}", c.name.value)),
            })
            .collect();
        Some(Relation {
            name: name.to_string(),
            columns,
            table: Some(name.to_string()),
            merged: Vec::new(),
        })
    }

    fn view_relation(&self, name: &str, at: &Ident) -> Result<Option<Relation>> {
        if let Some(columns) = self.views.borrow().get(name) {
            return Ok(Some(Relation {
                name: name.to_string(),
                columns: columns.as_ref().clone(),
                table: None,
                merged: Vec::new(),
            }));
        }
        if self.typing.borrow().iter().any(|v| v == name) {
            let mut path = self.typing.borrow().clone();
            path.push(name.to_string());
            return Err(error_ident(
                at,
                format!("view `{name}` reads itself ({})", path.join(" → ")),
            ));
        }
        self.typing.borrow_mut().push(name.to_string());
        let columns = self.relation_columns(name, at);
        self.typing.borrow_mut().pop();
        let Some(columns) = columns? else {
            return Ok(None);
        };
        let columns = Rc::new(columns);
        self.views
            .borrow_mut()
            .insert(name.to_string(), Rc::clone(&columns));
        Ok(Some(Relation {
            name: name.to_string(),
            columns: columns.as_ref().clone(),
            table: None,
            merged: Vec::new(),
        }))
    }

    /// The columns of the view, FTS table or continuous aggregate `name`, if it is one.
    fn relation_columns(&self, name: &str, at: &Ident) -> Result<Option<Vec<RelCol>>> {
        let columns = if let Some(view) = self.schema.views.iter().find(|v| v.name.value == name) {
            let Some(sql) = view.sql.value.for_dialect(self.dialect) else {
                return Err(error_ident(
                    at,
                    format!("view `{name}` has no SQL for {}", self.dialect),
                ));
            };
            let analysis = self.analyze(sql, &[]).map_err(|errors| {
                let e = &errors[0];
                error_ident(
                    at,
                    format!("cannot type the columns of view `{name}`: {}", e.message),
                )
            })?;
            analysis
                .columns
                .into_iter()
                .map(|c| RelCol {
                    why: format!("view `{name}`: {}", c.why),
                    name: c.name,
                    ty: Some(c.ty),
                    nullable: c.nullable,
                    origin: c.origin,
                })
                .collect()
        } else if let Some(fts) = self
            .schema
            .full_text
            .iter()
            .find(|f| f.name.value == name && self.dialect == Dialect::Sqlite)
        {
            self.full_text_columns(fts)
        } else if let Some(cagg) = self
            .schema
            .continuous_aggregates
            .iter()
            .find(|c| c.name.value == name)
        {
            self.aggregate_columns(cagg)
        } else {
            return Ok(None);
        };
        Ok(Some(columns))
    }

    /// An FTS5 table's columns on SQLite: the indexed columns, the hidden column named after
    /// the table (the left side of MATCH), `rank` and `rowid` (the indexed row's rowid).
    fn full_text_columns(&self, fts: &crate::schema::FullTextIndex) -> Vec<RelCol> {
        let name = &fts.name.value;
        let mut columns: Vec<RelCol> = fts
            .columns
            .iter()
            .map(|c| RelCol {
                name: c.value.clone(),
                ty: Some(QType::Text),
                nullable: true,
                why: format!("FTS5 column `{name}.{}` can be NULL", c.value),
                origin: None,
            })
            .collect();
        columns.push(RelCol {
            name: name.clone(),
            ty: Some(QType::Text),
            nullable: true,
            why: format!("`{name}` names the FTS5 table itself, for MATCH"),
            origin: None,
        });
        columns.push(RelCol {
            name: "rank".into(),
            ty: Some(QType::Double),
            nullable: false,
            why: "FTS5's rank of a matching row".into(),
            origin: None,
        });
        columns.push(RelCol {
            name: "rowid".into(),
            ty: Some(QType::BigInt),
            nullable: false,
            why: "the rowid of the indexed row".into(),
            origin: None,
        });
        columns
    }

    /// A continuous aggregate's columns: the bucket, the group-by columns, the aggregates.
    fn aggregate_columns(&self, cagg: &crate::schema::ContinuousAggregate) -> Vec<RelCol> {
        let name = &cagg.name.value;
        let source = self.table_relation(&cagg.source.value);
        let source_column = |column: &str| {
            source
                .as_ref()
                .and_then(|s| s.columns.iter().find(|c| c.name == column).cloned())
        };
        let mut columns = Vec::new();
        if let Some(bucket) = source_column(&cagg.bucket_column.value) {
            columns.push(RelCol {
                name: cagg.bucket_name.clone(),
                ty: bucket.ty,
                nullable: bucket.nullable,
                why: format!("`{name}.{}` buckets {}", cagg.bucket_name, bucket.why),
                origin: None,
            });
        }
        for group in &cagg.group_by {
            if let Some(column) = source_column(&group.value) {
                columns.push(RelCol {
                    why: format!("`{name}` groups by it: {}", column.why),
                    ..column
                });
            }
        }
        for aggregate in &cagg.aggregates {
            let arg = aggregate
                .column
                .as_ref()
                .and_then(|c| source_column(&c.value))
                .and_then(|c| c.ty);
            use crate::schema::AggregateFunction as F;
            let (ty, nullable, why) = match aggregate.function {
                F::Count => (
                    Some(QType::BigInt),
                    false,
                    "count() is never NULL".to_string(),
                ),
                F::Sum => (
                    arg.as_ref().and_then(types::sum_of),
                    true,
                    "sum() can be NULL".into(),
                ),
                F::Avg => (
                    arg.as_ref().and_then(types::avg_of),
                    true,
                    "avg() can be NULL".into(),
                ),
                F::Min | F::Max => (
                    arg,
                    true,
                    format!("{}() can be NULL", aggregate.function.name()),
                ),
            };
            columns.push(RelCol {
                name: aggregate.name.value.clone(),
                ty,
                nullable,
                why: format!("`{name}.{}`: {why}", aggregate.name.value),
                origin: None,
            });
        }
        columns
    }
}

impl<'a, 's> Query<'a, 's> {
    fn enums(&self) -> &[String] {
        &self.analyzer.enums
    }
}

/// The second and later result columns of one name get `_2`, `_3`, … (as sqlc names them),
/// skipping names already taken; the positions renamed.
fn number_duplicate_names(columns: &mut [RelCol]) -> Vec<usize> {
    let mut taken: Vec<String> = Vec::new();
    let mut renamed = Vec::new();
    for (index, column) in columns.iter_mut().enumerate() {
        if taken.contains(&column.name) {
            renamed.push(index);
            let base = column.name.clone();
            let mut n = 2;
            while taken.contains(&format!("{base}_{n}")) {
                n += 1;
            }
            column.name = format!("{base}_{n}");
        }
        taken.push(column.name.clone());
    }
    renamed
}
