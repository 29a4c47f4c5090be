//! Static analysis of one query against the schema: every parameter's type, every result
//! column's name, type and nullability, and why. Pure: no database.
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
    pub fn analyze(&self, sql: &str, params: &[ParamDecl]) -> Result<Analysis> {
        let statement = parse_statement(sql, self.dialect)?;
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
        };
        let (columns, table_row) = query.statement(&statement)?;
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
            });
        }
        Ok(Analysis {
            params: infos,
            columns: out,
            table_row,
            bulk_insert: query.bulk_insert,
            wildcards: query.wildcards,
            expansions: Vec::new(),
        })
    }

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
            let analysis = self.analyze(sql, &[]).map_err(|e| {
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

fn ident_name(ident: &Ident) -> String {
    // PostgreSQL folds unquoted names to lower case; quoted ones are exact.
    if ident.quote_style.is_some() {
        ident.value.clone()
    } else {
        ident.value.to_lowercase()
    }
}

fn object_name(name: &ObjectName) -> Option<(&Ident, String)> {
    match name.0.last()? {
        ObjectNamePart::Identifier(ident) => Some((ident, ident_name(ident))),
        _ => None,
    }
}

fn show(name: &str) -> String {
    format!("\"{name}\"")
}

/// Whether an unqualified `name` reaches a column of `relations`.
fn visible_in(relations: &[Relation], name: &str) -> bool {
    relations
        .iter()
        .any(|r| !r.merged.iter().any(|m| m == name) && r.columns.iter().any(|c| c.name == name))
}

/// `JOIN … USING (column)`: both sides must have it; the right side's copy is then reachable
/// only qualified, so the unqualified name means the left side's (as in PostgreSQL for inner
/// and left joins).
fn merge_joined_column(
    left: &[Relation],
    right: &mut [Relation],
    ident: &Ident,
    column: &str,
) -> Result<()> {
    let on_right = right
        .iter_mut()
        .find(|r| r.columns.iter().any(|c| c.name == column));
    match on_right {
        Some(relation) if visible_in(left, column) => {
            relation.merged.push(column.to_string());
            Ok(())
        }
        _ => Err(error_ident(
            ident,
            format!(
                "USING names column {}, which both sides of the join must have",
                show(column)
            ),
        )),
    }
}

/// `message` with "did you mean …?" for the closest candidate. A name that differs only in
/// case was written unquoted and folded to lower case: say to quote it.
fn with_suggestion(message: String, name: &str, candidates: &[&str]) -> String {
    if let Some(exact) = candidates.iter().find(|c| c.eq_ignore_ascii_case(name)) {
        return format!(
            "{message}; did you mean {}? (quote it: unquoted names are folded to lower case)",
            show(exact)
        );
    }
    match closest(name, candidates.iter().copied()) {
        Some(close) => format!("{message}; did you mean {}?", show(close)),
        None => message,
    }
}

/// Marks every column of `relations` as possibly NULL, because they are the optional side of
/// an outer join.
fn null_extend(relations: &mut [Relation], join: &str) {
    for relation in relations {
        for column in &mut relation.columns {
            if !column.nullable {
                column.nullable = true;
                column.why = format!(
                    "`{}` is the optional side of a {join}, so `{}` is NULL when no row matches",
                    relation.name, column.name
                );
            }
        }
    }
}

impl<'a, 's> Query<'a, 's> {
    fn enums(&self) -> &[String] {
        &self.analyzer.enums
    }

    /// The result columns of a statement, and the table whose row they are, if any.
    fn statement(&mut self, statement: &Statement) -> Result<(Vec<RelCol>, Option<String>)> {
        match statement {
            Statement::Query(query) => {
                let (columns, table) = self.query(query, None)?;
                Ok((columns, table))
            }
            Statement::Insert(insert) => self.insert(insert),
            Statement::Update {
                table,
                assignments,
                from,
                selection,
                returning,
                ..
            } => {
                let mut relations = self.table_with_joins(table, None)?;
                if let Some(from) = from {
                    let tables = match from {
                        ast::UpdateTableFromKind::BeforeSet(t)
                        | ast::UpdateTableFromKind::AfterSet(t) => t,
                    };
                    for t in tables {
                        relations.extend(self.table_with_joins(t, None)?);
                    }
                }
                let target = relations.first().cloned();
                let scope = Scope {
                    relations,
                    outer: None,
                };
                if let Some(target) = &target {
                    self.assignments(assignments, target, &scope)?;
                }
                if let Some(selection) = selection {
                    self.condition(selection, &scope)?;
                }
                self.returning(returning.as_deref(), &scope)
            }
            Statement::Delete(delete) => {
                let tables = match &delete.from {
                    ast::FromTable::WithFromKeyword(t) | ast::FromTable::WithoutKeyword(t) => t,
                };
                let mut relations = Vec::new();
                for t in tables {
                    relations.extend(self.table_with_joins(t, None)?);
                }
                if let Some(using) = &delete.using {
                    for t in using {
                        relations.extend(self.table_with_joins(t, None)?);
                    }
                }
                let scope = Scope {
                    relations,
                    outer: None,
                };
                if let Some(selection) = &delete.selection {
                    self.condition(selection, &scope)?;
                }
                self.returning(delete.returning.as_deref(), &scope)
            }
            other => Err(error(
                other,
                "dbtool analyses SELECT, INSERT, UPDATE and DELETE statements only",
            )),
        }
    }

    fn returning(
        &mut self,
        returning: Option<&[SelectItem]>,
        scope: &Scope<'_>,
    ) -> Result<(Vec<RelCol>, Option<String>)> {
        let Some(items) = returning else {
            return Ok((Vec::new(), None));
        };
        let columns = self.projection(items, scope)?;
        let table_row = table_row(&columns, scope);
        Ok((columns, table_row))
    }

    fn insert(&mut self, insert: &ast::Insert) -> Result<(Vec<RelCol>, Option<String>)> {
        let TableObject::TableName(name) = &insert.table else {
            return Err(error(
                &insert.table,
                "INSERT into a table function is not supported",
            ));
        };
        let (ident, table_name) =
            object_name(name).ok_or_else(|| error(name, "cannot read this table name"))?;
        let Some(mut target) = self.analyzer.table_relation(&table_name) else {
            return Err(self.unknown_relation(ident, &table_name));
        };
        if let Some(alias) = &insert.table_alias {
            target.name = ident_name(alias);
        }
        let mut columns = Vec::new();
        if insert.columns.is_empty() {
            columns = target.columns.clone();
        } else {
            for ident in &insert.columns {
                columns.push(self.target_column(&target, ident)?);
            }
        }
        if let Some(source) = &insert.source {
            match source.body.as_ref() {
                SetExpr::Values(values) => {
                    let scope = Scope {
                        relations: Vec::new(),
                        outer: None,
                    };
                    for row in &values.rows {
                        if row.len() != columns.len() {
                            return Err(error(
                                source.as_ref(),
                                format!(
                                    "INSERT names {} column(s) but a row of VALUES has {}",
                                    columns.len(),
                                    row.len()
                                ),
                            ));
                        }
                        for (value, column) in row.iter().zip(&columns) {
                            self.store(value, column, &target.name, &scope)?;
                        }
                    }
                }
                _ => {
                    let (selected, _) = self.query(source, None)?;
                    if selected.len() != columns.len() {
                        return Err(error(
                            source.as_ref(),
                            format!(
                                "INSERT names {} column(s) but the SELECT gives {}",
                                columns.len(),
                                selected.len()
                            ),
                        ));
                    }
                }
            }
        }
        self.bulk_insert = bulk_insert(insert, name);
        let mut relations = vec![target.clone()];
        if let Some(OnInsert::OnConflict(conflict)) = &insert.on {
            let mut excluded = target.clone();
            excluded.name = "excluded".into();
            excluded.table = None;
            relations.push(excluded);
            let scope = Scope {
                relations: relations.clone(),
                outer: None,
            };
            if let OnConflictAction::DoUpdate(update) = &conflict.action {
                self.assignments(&update.assignments, &target, &scope)?;
                if let Some(selection) = &update.selection {
                    self.condition(selection, &scope)?;
                }
            }
            relations.pop();
        } else if let Some(OnInsert::DuplicateKeyUpdate(assignments)) = &insert.on {
            return Err(error(
                &assignments[0],
                "ON DUPLICATE KEY UPDATE is MySQL's; write ON CONFLICT (…) DO UPDATE",
            ));
        }
        let scope = Scope {
            relations,
            outer: None,
        };
        self.returning(insert.returning.as_deref(), &scope)
    }

    fn target_column(&self, target: &Relation, ident: &Ident) -> Result<RelCol> {
        let name = ident_name(ident);
        target
            .columns
            .iter()
            .find(|c| c.name == name)
            .cloned()
            .ok_or_else(|| self.unknown_column(ident, &name, std::slice::from_ref(target)))
    }

    /// `value` is stored into `column`: a parameter takes the column's type, and may be NULL
    /// when the column may.
    fn store(
        &mut self,
        value: &Expr,
        column: &RelCol,
        table: &str,
        scope: &Scope<'_>,
    ) -> Result<()> {
        let typed = self.expr(value, scope, column.ty.as_ref())?;
        if let Some(origin) = column.origin.clone() {
            self.link_origin(value, origin);
        }
        if let Some(number) = placeholder_number(value) {
            if let Some(slot) = self.params.get_mut(number.wrapping_sub(1)) {
                if column.nullable {
                    slot.nullable_target = true;
                } else {
                    slot.stored_not_null = true;
                }
            }
        }
        if let (Some(have), Some(want)) = (&typed.ty, &column.ty) {
            if !(have.compatible(want) || have.is_textual() && literal_string(value)) {
                return Err(error(
                    value,
                    format!(
                        "`{table}.{}` is {want}, but this value is {have}",
                        column.name
                    ),
                ));
            }
        }
        Ok(())
    }

    fn assignments(
        &mut self,
        assignments: &[ast::Assignment],
        target: &Relation,
        scope: &Scope<'_>,
    ) -> Result<()> {
        for assignment in assignments {
            let ast::AssignmentTarget::ColumnName(name) = &assignment.target else {
                return Err(error(assignment, "assign one column at a time"));
            };
            let (ident, _) =
                object_name(name).ok_or_else(|| error(name, "cannot read this column name"))?;
            let column = self.target_column(target, ident)?;
            self.store(&assignment.value, &column, &target.name, scope)?;
        }
        Ok(())
    }

    /// A query's result columns; `outer` is the enclosing scope of a correlated subquery.
    fn query(
        &mut self,
        query: &ast::Query,
        outer: Option<&Scope<'_>>,
    ) -> Result<(Vec<RelCol>, Option<String>)> {
        let ctes_before = self.ctes.len();
        if let Some(with) = &query.with {
            if with.recursive {
                return Err(error(
                    query,
                    "recursive CTEs are not supported by dbtool's analyzer yet",
                ));
            }
            for cte in &with.cte_tables {
                let (mut columns, _) = self.query(&cte.query, outer)?;
                for (column, alias) in columns.iter_mut().zip(&cte.alias.columns) {
                    column.name = ident_name(&alias.name);
                }
                self.ctes.push(Relation {
                    name: ident_name(&cte.alias.name),
                    columns,
                    table: None,
                    merged: Vec::new(),
                });
            }
        }
        let result = self.query_body(query, outer);
        self.ctes.truncate(ctes_before);
        result
    }

    /// A subquery inside an expression: it sees the enclosing scope, and its columns need no
    /// names.
    fn subquery(
        &mut self,
        query: &ast::Query,
        scope: &Scope<'_>,
    ) -> Result<(Vec<RelCol>, Option<String>)> {
        self.nameless_ok += 1;
        let result = self.query(query, Some(scope));
        self.nameless_ok -= 1;
        result
    }

    fn query_body(
        &mut self,
        query: &ast::Query,
        outer: Option<&Scope<'_>>,
    ) -> Result<(Vec<RelCol>, Option<String>)> {
        let (columns, relations) = self.set_expr(&query.body, outer)?;
        let scope = Scope { relations, outer };
        if let Some(order_by) = &query.order_by {
            if let ast::OrderByKind::Expressions(exprs) = &order_by.kind {
                for item in exprs {
                    let output_name = match &item.expr {
                        Expr::Identifier(ident) => {
                            columns.iter().any(|c| c.name == ident_name(ident))
                        }
                        _ => false,
                    };
                    if !output_name {
                        self.expr(&item.expr, &scope, None)?;
                    }
                }
            }
        }
        if let Some(limit) = &query.limit_clause {
            match limit {
                ast::LimitClause::LimitOffset { limit, offset, .. } => {
                    if let Some(limit) = limit {
                        self.expr(limit, &scope, Some(&QType::BigInt))?;
                    }
                    if let Some(offset) = offset {
                        self.expr(&offset.value, &scope, Some(&QType::BigInt))?;
                    }
                }
                ast::LimitClause::OffsetCommaLimit { offset, limit } => {
                    self.expr(offset, &scope, Some(&QType::BigInt))?;
                    self.expr(limit, &scope, Some(&QType::BigInt))?;
                }
            }
        }
        let table_row = table_row(&columns, &scope);
        Ok((columns, table_row))
    }

    /// Result columns, and the relations of the FROM clause (for ORDER BY).
    fn set_expr(
        &mut self,
        body: &SetExpr,
        outer: Option<&Scope<'_>>,
    ) -> Result<(Vec<RelCol>, Vec<Relation>)> {
        match body {
            SetExpr::Select(select) => self.select(select, outer),
            SetExpr::Query(query) => Ok((self.query(query, outer)?.0, Vec::new())),
            SetExpr::SetOperation { left, right, .. } => {
                let (mut columns, _) = self.set_expr(left, outer)?;
                let (others, _) = self.set_expr(right, outer)?;
                if columns.len() != others.len() {
                    return Err(error(
                        right.as_ref(),
                        format!(
                            "each side of a set operation must give the same number of columns ({} and {})",
                            columns.len(),
                            others.len()
                        ),
                    ));
                }
                for (column, other) in columns.iter_mut().zip(others) {
                    if other.nullable && !column.nullable {
                        column.nullable = true;
                        column.why = format!("the other side of the set operation: {}", other.why);
                    }
                    if column.ty.is_none() {
                        column.ty = other.ty;
                    }
                    if column.origin != other.origin {
                        column.origin = None;
                    }
                }
                Ok((columns, Vec::new()))
            }
            SetExpr::Values(values) => {
                let scope = Scope {
                    relations: Vec::new(),
                    outer,
                };
                let mut columns = Vec::new();
                if let Some(row) = values.rows.first() {
                    for (i, value) in row.iter().enumerate() {
                        let typed = self.expr(value, &scope, None)?;
                        columns.push(RelCol {
                            name: format!("column{}", i + 1),
                            ty: typed.ty,
                            nullable: typed.nullable,
                            why: typed.why,
                            origin: None,
                        });
                    }
                }
                Ok((columns, Vec::new()))
            }
            other => Err(error(
                other,
                "this kind of query is not supported by dbtool's analyzer",
            )),
        }
    }

    fn select(
        &mut self,
        select: &ast::Select,
        outer: Option<&Scope<'_>>,
    ) -> Result<(Vec<RelCol>, Vec<Relation>)> {
        let mut relations = Vec::new();
        for item in &select.from {
            relations.extend(self.table_with_joins(item, outer)?);
        }
        for (i, relation) in relations.iter().enumerate() {
            if relations[..i].iter().any(|r| r.name == relation.name) {
                return Err(error(
                    select,
                    format!(
                        "{} appears twice in FROM; give one of them an alias",
                        show(&relation.name)
                    ),
                ));
            }
        }
        let scope = Scope { relations, outer };
        if let Some(selection) = &select.selection {
            self.condition(selection, &scope)?;
        }
        if let GroupByExpr::Expressions(exprs, _) = &select.group_by {
            for expr in exprs {
                self.expr(expr, &scope, None)?;
            }
        }
        if let Some(having) = &select.having {
            self.condition(having, &scope)?;
        }
        let columns = self.projection(&select.projection, &scope)?;
        Ok((columns, scope.relations))
    }

    fn condition(&mut self, expr: &Expr, scope: &Scope<'_>) -> Result<()> {
        let typed = self.expr(expr, scope, Some(&QType::Bool))?;
        match typed.ty {
            Some(QType::Bool) | None => Ok(()),
            Some(other) => Err(error(
                expr,
                format!("a condition must be true or false, but this is {other}"),
            )),
        }
    }

    fn projection(&mut self, items: &[SelectItem], scope: &Scope<'_>) -> Result<Vec<RelCol>> {
        let mut columns: Vec<RelCol> = Vec::new();
        let mut at = Vec::new();
        for item in items {
            let start = item.span().start;
            let before = columns.len();
            match item {
                SelectItem::UnnamedExpr(expr) => {
                    let typed = self.expr(expr, scope, None)?;
                    let name = match typed.name.clone() {
                        Some(name) => name,
                        None if self.nameless_ok > 0 => "?column?".to_string(),
                        None => {
                            return Err(error(expr, "this result column has no name")
                                .help("name it: `… AS total_count`"))
                        }
                    };
                    columns.push(RelCol {
                        name,
                        ty: typed.ty,
                        nullable: typed.nullable,
                        why: typed.why,
                        origin: typed.origin,
                    });
                }
                SelectItem::ExprWithAlias { expr, alias } => {
                    let typed = self.expr(expr, scope, None)?;
                    let (name, forced) = alias_override(alias);
                    let (nullable, why) = match forced {
                        Some(true) => (false, format!("forced NOT NULL by `AS \"{name}!\"`")),
                        Some(false) => (true, format!("forced nullable by `AS \"{name}?\"`")),
                        None => (typed.nullable, typed.why),
                    };
                    columns.push(RelCol {
                        name,
                        ty: typed.ty,
                        nullable,
                        why,
                        origin: typed.origin,
                    });
                }
                SelectItem::Wildcard(_) => {
                    if scope.relations.is_empty() {
                        return Err(error(item, "`*` needs a FROM clause"));
                    }
                    let merged: Vec<&String> =
                        scope.relations.iter().flat_map(|r| &r.merged).collect();
                    let mut named = Vec::new();
                    for relation in &scope.relations {
                        for column in relation
                            .columns
                            .iter()
                            .filter(|c| !relation.merged.contains(&c.name))
                        {
                            // A USING column is one column of the join, named bare.
                            let qualifier =
                                (!merged.contains(&&column.name)).then(|| relation.name.clone());
                            named.push((qualifier, column.name.clone()));
                            columns.push(column.clone());
                        }
                    }
                    self.record_wildcard(item, named);
                }
                SelectItem::QualifiedWildcard(kind, _) => {
                    let SelectItemQualifiedWildcardKind::ObjectName(name) = kind else {
                        return Err(error(item, "`expr.*` is not supported"));
                    };
                    let (ident, relation_name) =
                        object_name(name).ok_or_else(|| error(name, "cannot read this name"))?;
                    let Some(relation) = scope.relations.iter().find(|r| r.name == relation_name)
                    else {
                        return Err(self.unknown_alias(ident, &relation_name, scope));
                    };
                    let named = relation
                        .columns
                        .iter()
                        .map(|c| (Some(relation.name.clone()), c.name.clone()))
                        .collect();
                    columns.extend(relation.columns.iter().cloned());
                    self.record_wildcard(item, named);
                }
            }
            let written = (start.line.max(1) as u32, start.column.max(1) as u32);
            at.extend(std::iter::repeat_n(written, columns.len() - before));
        }
        self.projection_at = at;
        // Inside EXISTS, IN or a scalar subquery the names are never read.
        for (i, column) in columns.iter().enumerate().filter(|_| self.nameless_ok == 0) {
            if columns[..i].iter().any(|c| c.name == column.name) {
                let item = items
                    .get(i)
                    .map_or_else(|| error(&items[0], ""), |it| error(it, ""));
                return Err(AnalyzeError {
                    message: format!("two result columns are named `{}`", column.name),
                    help: Some("give one of them another name with AS".into()),
                    ..item
                });
            }
        }
        Ok(columns)
    }

    fn record_wildcard(&mut self, item: &SelectItem, columns: Vec<(Option<String>, String)>) {
        let span = item.span();
        self.wildcards.push(Wildcard {
            start: (span.start.line as u32, span.start.column as u32),
            end: (span.end.line as u32, span.end.column as u32),
            columns,
        });
    }

    fn table_with_joins(
        &mut self,
        item: &TableWithJoins,
        outer: Option<&Scope<'_>>,
    ) -> Result<Vec<Relation>> {
        let mut relations = self.factor(&item.relation, outer)?;
        for join in &item.joins {
            let mut right = self.factor(&join.relation, outer)?;
            let (constraint, kind) = match &join.join_operator {
                JoinOperator::Join(c) | JoinOperator::Inner(c) => (Some(c), None),
                JoinOperator::Left(c) | JoinOperator::LeftOuter(c) => (Some(c), Some("LEFT JOIN")),
                JoinOperator::Right(c) | JoinOperator::RightOuter(c) => {
                    (Some(c), Some("RIGHT JOIN"))
                }
                JoinOperator::FullOuter(c) => (Some(c), Some("FULL JOIN")),
                JoinOperator::CrossJoin(c) => (Some(c), None),
                _ => {
                    return Err(error(&join.relation, "this kind of join is not supported"));
                }
            };
            // The ON condition sees both sides before either is null-extended.
            if let Some(JoinConstraint::On(on)) = constraint {
                let mut both = relations.clone();
                both.extend(right.iter().cloned());
                let scope = Scope {
                    relations: both,
                    outer,
                };
                self.condition(on, &scope)?;
            }
            match constraint {
                Some(JoinConstraint::Using(names)) => {
                    for name in names {
                        let (ident, column) = object_name(name)
                            .ok_or_else(|| error(name, "cannot read this column name"))?;
                        merge_joined_column(&relations, &mut right, ident, &column)?;
                    }
                }
                Some(JoinConstraint::Natural) => {
                    let common: Vec<String> = right
                        .iter()
                        .flat_map(|r| r.columns.iter().map(|c| c.name.clone()))
                        .filter(|name| visible_in(&relations, name))
                        .collect();
                    for relation in &mut right {
                        relation.merged.extend(common.iter().cloned());
                    }
                }
                _ => {}
            }
            match kind {
                Some("LEFT JOIN") => null_extend(&mut right, "LEFT JOIN"),
                Some("RIGHT JOIN") => null_extend(&mut relations, "RIGHT JOIN"),
                Some("FULL JOIN") => {
                    null_extend(&mut relations, "FULL JOIN");
                    null_extend(&mut right, "FULL JOIN");
                }
                _ => {}
            }
            relations.extend(right);
        }
        Ok(relations)
    }

    fn factor(&mut self, factor: &TableFactor, outer: Option<&Scope<'_>>) -> Result<Vec<Relation>> {
        match factor {
            TableFactor::Table { name, alias, .. } => {
                let (ident, table_name) =
                    object_name(name).ok_or_else(|| error(name, "cannot read this table name"))?;
                let mut relation =
                    if let Some(cte) = self.ctes.iter().rev().find(|c| c.name == table_name) {
                        cte.clone()
                    } else if let Some(table) = self.analyzer.table_relation(&table_name) {
                        table
                    } else if let Some(view) = self.analyzer.view_relation(&table_name, ident)? {
                        view
                    } else {
                        return Err(self.unknown_relation(ident, &table_name));
                    };
                if let Some(alias) = alias {
                    relation.name = ident_name(&alias.name);
                    for (column, renamed) in relation.columns.iter_mut().zip(&alias.columns) {
                        column.name = ident_name(&renamed.name);
                    }
                }
                Ok(vec![relation])
            }
            TableFactor::Derived {
                subquery, alias, ..
            } => {
                let (mut columns, _) = self.query(subquery, outer)?;
                let Some(alias) = alias else {
                    return Err(
                        error(subquery.as_ref(), "a subquery in FROM needs an alias")
                            .help("write `(SELECT …) AS name`"),
                    );
                };
                for (column, renamed) in columns.iter_mut().zip(&alias.columns) {
                    column.name = ident_name(&renamed.name);
                }
                Ok(vec![Relation {
                    name: ident_name(&alias.name),
                    columns,
                    table: None,
                    merged: Vec::new(),
                }])
            }
            TableFactor::NestedJoin {
                table_with_joins,
                alias,
            } => {
                let relations = self.table_with_joins(table_with_joins, outer)?;
                if alias.is_some() {
                    return Err(error(
                        factor,
                        "an alias on a parenthesised join is not supported",
                    ));
                }
                Ok(relations)
            }
            other => Err(error(
                other,
                "this kind of FROM item is not supported by dbtool's analyzer",
            )),
        }
    }

    fn unknown_relation(&self, ident: &Ident, name: &str) -> AnalyzeError {
        let schema = self.analyzer.schema;
        let mut candidates: Vec<&str> = schema.tables.iter().map(|t| t.name.as_str()).collect();
        candidates.extend(schema.views.iter().map(|v| v.name.as_str()));
        candidates.extend(schema.continuous_aggregates.iter().map(|c| c.name.as_str()));
        candidates.extend(self.ctes.iter().map(|c| c.name.as_str()));
        let message = format!("table {} does not exist", show(name));
        error_ident(ident, with_suggestion(message, name, &candidates))
    }

    fn unknown_alias(&self, ident: &Ident, name: &str, scope: &Scope<'_>) -> AnalyzeError {
        let names: Vec<&str> = scope.relations.iter().map(|r| r.name.as_str()).collect();
        let mut message = format!("{} is not a table or alias of this query", show(name));
        if let Some(close) = closest(name, names.iter().copied()) {
            message.push_str(&format!("; did you mean {}?", show(close)));
        }
        error_ident(ident, message)
    }

    fn unknown_column(&self, ident: &Ident, name: &str, relations: &[Relation]) -> AnalyzeError {
        let candidates: Vec<&str> = relations
            .iter()
            .flat_map(|r| r.columns.iter().map(|c| c.name.as_str()))
            .collect();
        let mut message = match relations {
            [only] => match &only.table {
                Some(table) if *table != only.name => format!(
                    "column {} does not exist in table {} (as {})",
                    show(name),
                    show(table),
                    show(&only.name)
                ),
                _ => format!(
                    "column {} does not exist in table {}",
                    show(name),
                    show(&only.name)
                ),
            },
            _ => format!("column {} does not exist", show(name)),
        };
        message = with_suggestion(message, name, &candidates);
        error_ident(ident, message)
    }

    fn column(&self, ident: &Ident, scope: &Scope<'_>) -> Result<Typed> {
        let name = ident_name(ident);
        let mut current = Some(scope);
        while let Some(s) = current {
            let found: Vec<(&Relation, &RelCol)> = s
                .relations
                .iter()
                .filter(|r| !r.merged.contains(&name))
                .filter_map(|r| r.columns.iter().find(|c| c.name == name).map(|c| (r, c)))
                .collect();
            match found.as_slice() {
                [(_, column)] => {
                    return Ok(Typed {
                        ty: column.ty.clone(),
                        nullable: column.nullable,
                        why: column.why.clone(),
                        name: Some(name),
                        origin: column.origin.clone(),
                    })
                }
                [] => current = s.outer,
                [(a, _), (b, _), ..] => {
                    return Err(error_ident(
                        ident,
                        format!(
                            "column {} is ambiguous: both {} and {} have it",
                            show(&name),
                            show(&a.name),
                            show(&b.name)
                        ),
                    )
                    .help(format!("qualify it: {}.{}", a.name, name)))
                }
            }
        }
        Err(self.unknown_column(ident, &name, &scope.relations))
    }

    fn qualified_column(&self, parts: &[Ident], scope: &Scope<'_>) -> Result<Typed> {
        let (relation_ident, column_ident) = match parts {
            [relation, column] => (relation, column),
            [_, relation, column] => (relation, column),
            _ => return Err(error_ident(&parts[0], "cannot read this column reference")),
        };
        let relation_name = ident_name(relation_ident);
        let column_name = ident_name(column_ident);
        let mut current = Some(scope);
        while let Some(s) = current {
            if let Some(relation) = s.relations.iter().find(|r| r.name == relation_name) {
                let Some(column) = relation.columns.iter().find(|c| c.name == column_name) else {
                    return Err(self.unknown_column(
                        column_ident,
                        &column_name,
                        std::slice::from_ref(relation),
                    ));
                };
                return Ok(Typed {
                    ty: column.ty.clone(),
                    nullable: column.nullable,
                    why: column.why.clone(),
                    name: Some(column_name),
                    origin: column.origin.clone(),
                });
            }
            current = s.outer;
        }
        Err(self.unknown_alias(relation_ident, &relation_name, scope))
    }

    fn param(&mut self, number: usize, at: &impl Spanned, expect: Option<&QType>) -> Result<Typed> {
        let location = at.span().start;
        let Some(slot) = self.params.get_mut(number.wrapping_sub(1)) else {
            return Err(error(at, format!("parameter ${number} is not declared")));
        };
        if slot.first_use.is_none() {
            slot.first_use = Some((location.line as u32, location.column as u32));
        }
        if let Some(want) = expect {
            match &slot.ty {
                None => slot.ty = Some(want.clone()),
                Some(have) if have == want => {}
                Some(have) if have.compatible(want) => {}
                Some(have) => {
                    return Err(error(
                        at,
                        format!(
                            "parameter `{}` is used as {have} and here as {want}",
                            slot.decl.name
                        ),
                    )
                    .help("use two parameters, or CAST one use to the other's type"))
                }
            }
        }
        let nullable = slot.decl.nullable;
        Ok(Typed {
            ty: slot.ty.clone(),
            nullable,
            why: if nullable {
                format!("`{}` is declared with sqlc.narg", slot.decl.name)
            } else {
                format!("parameter `{}`", slot.decl.name)
            },
            name: None,
            origin: None,
        })
    }

    /// Types `expr`. `expect` is the type the context wants; a parameter without a type yet
    /// takes it.
    fn expr(&mut self, expr: &Expr, scope: &Scope<'_>, expect: Option<&QType>) -> Result<Typed> {
        match expr {
            Expr::Identifier(ident) => self.column(ident, scope),
            Expr::CompoundIdentifier(parts) => self.qualified_column(parts, scope),
            Expr::Value(value) => self.value(value, expect),
            Expr::Nested(inner) => {
                let mut typed = self.expr(inner, scope, expect)?;
                typed.name = None;
                Ok(typed)
            }
            Expr::BinaryOp { left, op, right } => self.binary(expr, left, op, right, scope),
            Expr::UnaryOp { op, expr: inner } => match op {
                UnaryOperator::Not => {
                    let typed = self.expr(inner, scope, Some(&QType::Bool))?;
                    Ok(Typed::known(QType::Bool, typed.nullable, typed.why))
                }
                UnaryOperator::Minus | UnaryOperator::Plus => {
                    let mut typed = self.expr(inner, scope, expect)?;
                    typed.name = None;
                    typed.origin = None;
                    Ok(typed)
                }
                _ => Err(error(expr, format!("operator `{op}` is not supported"))),
            },
            Expr::IsNull(inner) | Expr::IsNotNull(inner) => {
                self.expr(inner, scope, None)?;
                Ok(Typed::known(QType::Bool, false, "IS [NOT] NULL is never NULL"))
            }
            Expr::IsTrue(inner)
            | Expr::IsNotTrue(inner)
            | Expr::IsFalse(inner)
            | Expr::IsNotFalse(inner) => {
                self.expr(inner, scope, Some(&QType::Bool))?;
                Ok(Typed::known(QType::Bool, false, "IS [NOT] TRUE/FALSE is never NULL"))
            }
            Expr::Between {
                expr: inner,
                low,
                high,
                ..
            } => {
                let (a, b) = self.pair(inner, low, scope)?;
                let c = self.expr(high, scope, a.ty.as_ref().or(b.ty.as_ref()))?;
                self.check_comparable(expr, &a, &c)?;
                self.link(low, &a);
                self.link(high, &a);
                // `@p BETWEEN low AND high`: the parameter is what the bounds are.
                self.link(inner, &b);
                self.link(inner, &c);
                Ok(Typed::known(
                    QType::Bool,
                    a.nullable || b.nullable || c.nullable,
                    "BETWEEN is NULL when an operand is",
                ))
            }
            Expr::InList { expr: inner, list, .. } => {
                let typed = self.expr(inner, scope, None)?;
                let mut nullable = typed.nullable;
                let mut ty = typed.ty.clone();
                for item in list {
                    let t = self.expr(item, scope, ty.as_ref())?;
                    self.check_comparable(item, &typed, &t)?;
                    self.link(item, &typed);
                    // `@p IN (col_a, col_b)`: the parameter meets each column.
                    self.link(inner, &t);
                    nullable |= t.nullable;
                    ty = ty.or(t.ty);
                }
                if typed.ty.is_none() {
                    self.expr(inner, scope, ty.as_ref())?;
                }
                Ok(Typed::known(QType::Bool, nullable, "IN is NULL when an operand is"))
            }
            Expr::InSubquery {
                expr: inner,
                subquery,
                ..
            } => {
                let (columns, _) = self.subquery(subquery, scope)?;
                let [column] = columns.as_slice() else {
                    return Err(error(
                        subquery.as_ref(),
                        "the subquery of IN must give one column",
                    ));
                };
                let typed = self.expr(inner, scope, column.ty.as_ref())?;
                if let Some(origin) = column.origin.clone() {
                    self.link_origin(inner, origin);
                }
                Ok(Typed::known(
                    QType::Bool,
                    typed.nullable || column.nullable,
                    "IN is NULL when an operand is",
                ))
            }
            Expr::Exists { subquery, .. } => {
                self.subquery(subquery, scope)?;
                Ok(Typed::known(QType::Bool, false, "EXISTS is never NULL"))
            }
            Expr::Subquery(subquery) => {
                let (columns, _) = self.subquery(subquery, scope)?;
                let [column] = columns.as_slice() else {
                    return Err(error(
                        subquery.as_ref(),
                        "a subquery used as a value must give one column",
                    ));
                };
                Ok(Typed {
                    ty: column.ty.clone(),
                    nullable: true,
                    why: "a scalar subquery is NULL when it finds no row".into(),
                    name: None,
                    origin: None,
                })
            }
            Expr::Like { expr: inner, pattern, .. } | Expr::ILike { expr: inner, pattern, .. } => {
                let a = self.expr(inner, scope, Some(&QType::Text))?;
                let b = self.expr(pattern, scope, Some(&QType::Text))?;
                Ok(Typed::known(
                    QType::Bool,
                    a.nullable || b.nullable,
                    "LIKE is NULL when an operand is",
                ))
            }
            Expr::Cast {
                expr: inner,
                data_type,
                ..
            } => {
                let Some(ty) = types::of_data_type(data_type, self.enums()) else {
                    return Err(error(expr, format!("dbtool does not know the type `{data_type}`")));
                };
                let typed = match inner.as_ref() {
                    // CAST gives an unknown function its type: only its arguments are checked.
                    Expr::Function(function) if self.known_function(function).is_none() => {
                        let nullable = self.function_args(function, scope)?.iter().any(|a| a.nullable);
                        Typed::known(ty.clone(), nullable, "")
                    }
                    _ => self.expr(inner, scope, Some(&ty))?,
                };
                let why = if typed.nullable {
                    format!("CAST keeps NULL: {}", typed.why)
                } else {
                    format!("CAST of a non-null value: {}", typed.why)
                };
                Ok(Typed::known(ty, typed.nullable, why))
            }
            Expr::Case {
                operand,
                conditions,
                else_result,
                ..
            } => self.case(operand.as_deref(), conditions, else_result.as_deref(), scope, expect),
            Expr::Function(function) => self.function(expr, function, scope, expect),
            Expr::TypedString(typed_string) => {
                let data_type = &typed_string.data_type;
                let Some(ty) = types::of_data_type(data_type, self.enums()) else {
                    return Err(error(expr, format!("dbtool does not know the type `{data_type}`")));
                };
                Ok(Typed::known(ty, false, "a literal"))
            }
            Expr::Interval(_) => Ok(Typed::known(QType::Interval, false, "a literal")),
            other => Err(error(
                other,
                "dbtool's analyzer does not support this expression yet",
            )
            .help("rewrite it with supported SQL (docs/queries.md lists it), or put the query in a dialect override")),
        }
    }

    fn value(&mut self, value: &ast::ValueWithSpan, expect: Option<&QType>) -> Result<Typed> {
        match &value.value {
            Value::Number(text, _) => {
                let ty = if text.contains(['.', 'e', 'E']) {
                    QType::Numeric
                } else if text.parse::<i32>().is_ok() {
                    QType::Int
                } else {
                    QType::BigInt
                };
                Ok(Typed::known(ty, false, "a literal"))
            }
            Value::SingleQuotedString(_) | Value::EscapedStringLiteral(_) => {
                // A string literal takes the type the context wants (an enum, a timestamp, …),
                // as PostgreSQL's `unknown` literals do.
                let ty = match expect {
                    Some(want) if !want.is_numeric() && *want != QType::Bool => want.clone(),
                    _ => QType::Text,
                };
                Ok(Typed::known(ty, false, "a literal"))
            }
            Value::Boolean(_) => Ok(Typed::known(QType::Bool, false, "a literal")),
            Value::Null => Ok(Typed {
                ty: expect.cloned(),
                nullable: true,
                why: "NULL".into(),
                name: None,
                origin: None,
            }),
            Value::Placeholder(text) => {
                let number = text
                    .trim_start_matches(['$', '?'])
                    .parse::<usize>()
                    .map_err(|_| {
                        error(value, format!("`{text}` is not a parameter dbtool wrote"))
                    })?;
                self.param(number, value, expect)
            }
            _ => Err(error(value, "this kind of literal is not supported")),
        }
    }

    /// `param` is compared with `other`: when it is a parameter and `other` a schema column,
    /// the parameter is that column's (for per-column type overrides).
    fn link(&mut self, param: &Expr, other: &Typed) {
        if let Some(origin) = other.origin.clone() {
            self.link_origin(param, origin);
        }
    }

    fn link_origin(&mut self, param: &Expr, origin: String) {
        let Some(number) = placeholder_number(param) else {
            return;
        };
        if let Some(slot) = self.params.get_mut(number.wrapping_sub(1)) {
            if !slot.origins.contains(&origin) {
                slot.origins.push(origin);
            }
        }
    }

    /// Types two operands so that a parameter on one side takes the other side's type.
    fn pair(&mut self, left: &Expr, right: &Expr, scope: &Scope<'_>) -> Result<(Typed, Typed)> {
        if placeholder_number(left).is_some()
            || matches!(left, Expr::Value(v) if v.value == Value::Null)
        {
            let r = self.expr(right, scope, None)?;
            let l = self.expr(left, scope, r.ty.as_ref())?;
            return Ok((l, r));
        }
        let l = self.expr(left, scope, None)?;
        let r = self.expr(right, scope, l.ty.as_ref())?;
        if l.ty.is_none() && r.ty.is_some() {
            let l = self.expr(left, scope, r.ty.as_ref())?;
            return Ok((l, r));
        }
        Ok((l, r))
    }

    fn check_comparable(&self, at: &Expr, a: &Typed, b: &Typed) -> Result<()> {
        if let (Some(x), Some(y)) = (&a.ty, &b.ty) {
            if !x.compatible(y) {
                return Err(error(at, format!("cannot compare {x} with {y}"))
                    .help("compare values of one type, or CAST one side"));
            }
        }
        Ok(())
    }

    fn binary(
        &mut self,
        whole: &Expr,
        left: &Expr,
        op: &BinaryOperator,
        right: &Expr,
        scope: &Scope<'_>,
    ) -> Result<Typed> {
        use BinaryOperator as B;
        match op {
            B::Eq | B::NotEq | B::Lt | B::LtEq | B::Gt | B::GtEq => {
                let (l, r) = self.pair(left, right, scope)?;
                self.check_comparable(whole, &l, &r)?;
                self.link(left, &r);
                self.link(right, &l);
                let why = if l.nullable || r.nullable {
                    "a comparison with a nullable operand can be NULL"
                } else {
                    "a comparison of non-null operands"
                };
                Ok(Typed::known(QType::Bool, l.nullable || r.nullable, why))
            }
            B::And | B::Or => {
                let l = self.expr(left, scope, Some(&QType::Bool))?;
                let r = self.expr(right, scope, Some(&QType::Bool))?;
                for (side, typed) in [(left, &l), (right, &r)] {
                    if let Some(ty) = &typed.ty {
                        if *ty != QType::Bool {
                            return Err(error(
                                side,
                                format!("{op} needs true or false, but this is {ty}"),
                            ));
                        }
                    }
                }
                Ok(Typed::known(
                    QType::Bool,
                    l.nullable || r.nullable,
                    "AND/OR of nullable conditions can be NULL",
                ))
            }
            B::Plus | B::Minus | B::Multiply | B::Divide | B::Modulo => {
                let (l, r) = self.pair(left, right, scope)?;
                let ty = match (&l.ty, &r.ty) {
                    (Some(a), Some(b)) => Some(types::arithmetic(a, b).ok_or_else(|| {
                        error(whole, format!("cannot apply `{op}` to {a} and {b}"))
                    })?),
                    (a, b) => a.clone().or(b.clone()),
                };
                let nullable = l.nullable || r.nullable;
                let why = if nullable {
                    format!(
                        "arithmetic with a nullable operand: {}",
                        if l.nullable { &l.why } else { &r.why }
                    )
                } else {
                    "arithmetic on non-null operands".to_string()
                };
                Ok(Typed {
                    ty,
                    nullable,
                    why,
                    name: None,
                    origin: None,
                })
            }
            B::StringConcat => {
                let l = self.expr(left, scope, Some(&QType::Text))?;
                let r = self.expr(right, scope, Some(&QType::Text))?;
                Ok(Typed::known(
                    QType::Text,
                    l.nullable || r.nullable,
                    "|| is NULL when an operand is",
                ))
            }
            B::Arrow | B::LongArrow if json_reassociated(left, op, right).is_some() => {
                // sqlparser binds `->`/`->>` looser than comparisons, IS NULL, LIKE, IN and
                // BETWEEN; PostgreSQL and SQLite bind them tighter. Re-associate.
                match json_reassociated(left, op, right) {
                    Some(fixed) => self.expr(&fixed, scope, None),
                    None => Err(error(whole, "cannot read this JSON access")),
                }
            }
            B::Arrow | B::LongArrow => {
                let l = self.expr(left, scope, None)?;
                self.expr(right, scope, Some(&QType::Text))?;
                let ty = if *op == B::LongArrow {
                    QType::Text
                } else {
                    l.ty.unwrap_or(QType::Jsonb)
                };
                Ok(Typed::known(
                    ty,
                    true,
                    "a JSON key can be missing, so the result can be NULL",
                ))
            }
            B::AtAt | B::Match => {
                // Full-text match: PostgreSQL's tsvector @@ tsquery, SQLite's FTS5 MATCH.
                let l = self.expr(left, scope, None)?;
                let want = if *op == B::Match {
                    QType::Text
                } else {
                    QType::TsQuery
                };
                let r = self.expr(right, scope, Some(&want))?;
                Ok(Typed::known(
                    QType::Bool,
                    l.nullable || r.nullable,
                    "a full-text match is NULL when an operand is",
                ))
            }
            other => Err(error(
                whole,
                format!("operator `{other}` is not supported by dbtool's analyzer"),
            )),
        }
    }

    fn case(
        &mut self,
        operand: Option<&Expr>,
        conditions: &[ast::CaseWhen],
        else_result: Option<&Expr>,
        scope: &Scope<'_>,
        expect: Option<&QType>,
    ) -> Result<Typed> {
        let operand_type = match operand {
            Some(o) => self.expr(o, scope, None)?.ty,
            None => None,
        };
        for when in conditions {
            match &operand_type {
                Some(ty) => {
                    self.expr(&when.condition, scope, Some(ty))?;
                }
                None if operand.is_some() => {
                    self.expr(&when.condition, scope, None)?;
                }
                None => self.condition(&when.condition, scope)?,
            }
        }
        let results: Vec<&Expr> = conditions
            .iter()
            .map(|w| &w.result)
            .chain(else_result)
            .collect();
        // Type the results that are not parameters first; parameters then take their type.
        let mut ty = expect.cloned();
        let mut typed = Vec::new();
        for result in results.iter().filter(|r| placeholder_number(r).is_none()) {
            let t = self.expr(result, scope, ty.as_ref())?;
            if ty.is_none() {
                ty = t.ty.clone();
            }
            typed.push(t);
        }
        for result in results.iter().filter(|r| placeholder_number(r).is_some()) {
            typed.push(self.expr(result, scope, ty.as_ref())?);
        }
        let (nullable, why) = if else_result.is_none() {
            (
                true,
                "CASE without ELSE is NULL when no branch matches".to_string(),
            )
        } else if let Some(t) = typed.iter().find(|t| t.nullable) {
            (true, format!("a CASE branch can be NULL: {}", t.why))
        } else {
            (false, "every CASE branch is non-null".to_string())
        };
        Ok(Typed {
            ty,
            nullable,
            why,
            name: None,
            origin: None,
        })
    }

    fn function_args(&mut self, function: &ast::Function, scope: &Scope<'_>) -> Result<Vec<Typed>> {
        let mut typed = Vec::new();
        for expr in args_of(function).into_iter().flatten() {
            typed.push(self.expr(expr, scope, None)?);
        }
        Ok(typed)
    }

    /// The function's name when the catalog knows it.
    fn known_function(&self, function: &ast::Function) -> Option<String> {
        let name = function_name(function);
        functions::lookup(&name).map(|_| name)
    }

    /// Types a call of a function in the catalog ([`super::functions`]): its arguments as the
    /// entry expects them, its result and the result's nullability as the entry says.
    fn function(
        &mut self,
        whole: &Expr,
        function: &ast::Function,
        scope: &Scope<'_>,
        expect: Option<&QType>,
    ) -> Result<Typed> {
        let name = function_name(function);
        let Some(entry) = functions::lookup(&name) else {
            return Err(error(
                whole,
                format!("dbtool does not know the function `{}`", function.name),
            )
            .help(format!(
                "give its result a type with CAST({}(…) AS type), or see docs/queries.md for the functions dbtool knows",
                function.name
            )));
        };
        if !entry.exists_on(self.analyzer.dialect) {
            return Err(error(
                whole,
                format!(
                    "{name}() does not exist on {} (only on {})",
                    self.analyzer.dialect,
                    entry.dialects.join(", ")
                ),
            )
            .help(format!(
                "write this query for {} in queries/{}/FILE.sql under the same name (docs/queries.md, \"Per-dialect versions\")",
                self.analyzer.dialect,
                self.analyzer.dialect
            )));
        }
        if function.over.is_some() {
            return Err(error(
                whole,
                "window functions are not supported by dbtool's analyzer yet",
            ));
        }
        let args: Vec<Option<&Expr>> = args_of(function);
        let count = args.len();
        if count < entry.min_args() || entry.max_args().is_some_and(|max| count > max) {
            let takes = match (entry.min_args(), entry.max_args()) {
                (min, Some(max)) if min == max => format!("{min}"),
                (min, Some(max)) => format!("{min} to {max}"),
                (min, None) => format!("at least {min}"),
            };
            return Err(error(
                whole,
                format!("{name}() takes {takes} argument(s), not {count}"),
            ));
        }
        let present: Vec<&Expr> = args.iter().flatten().copied().collect();
        if present.len() < count && !entry.star {
            return Err(error(whole, format!("{name}(*) is not SQL")));
        }
        let (typed, unified) = if entry.unify {
            self.unified_args(&present, scope, expect)?
        } else {
            (self.catalog_args(entry, &present, scope)?, None)
        };
        let ty = self.function_result(whole, entry, &typed, unified, count)?;
        let (nullable, why) = match entry.null {
            functions::Null::Never => (false, entry.why.clone()),
            functions::Null::Always => (true, entry.why.clone()),
            functions::Null::Any => (typed.iter().any(|t| t.nullable), entry.why.clone()),
            functions::Null::All => match typed.iter().find(|t| !t.nullable) {
                Some(t) => (
                    false,
                    entry
                        .why_not_null
                        .clone()
                        .unwrap_or_default()
                        .replace("{arg}", &t.why),
                ),
                None => (true, entry.why.clone()),
            },
        };
        Ok(Typed {
            ty,
            nullable,
            why: why.replace("{name}", &name),
            name: None,
            origin: None,
        })
    }

    /// Arguments typed as the entry expects them, by position.
    fn catalog_args(
        &mut self,
        entry: &functions::Function,
        args: &[&Expr],
        scope: &Scope<'_>,
    ) -> Result<Vec<Typed>> {
        let mut typed: Vec<Typed> = Vec::new();
        for (i, arg) in args.iter().enumerate() {
            let want = match entry.expect(i) {
                functions::Expect::Nothing => None,
                functions::Expect::Type(ty) => Some(ty),
                functions::Expect::SameAs(n) => typed.get(n - 1).and_then(|t| t.ty.clone()),
            };
            typed.push(self.expr(arg, scope, want.as_ref())?);
        }
        Ok(typed)
    }

    /// Arguments that share one type: the call's expected type, else the first argument's
    /// that is not a parameter; parameters are typed last, with it. The shared type comes back.
    fn unified_args(
        &mut self,
        args: &[&Expr],
        scope: &Scope<'_>,
        expect: Option<&QType>,
    ) -> Result<(Vec<Typed>, Option<QType>)> {
        let mut ty = expect.cloned();
        let mut typed = vec![None; args.len()];
        let values = args.iter().enumerate().filter(|(_, a)| placeholder_number(a).is_none());
        let params = args.iter().enumerate().filter(|(_, a)| placeholder_number(a).is_some());
        for (i, arg) in values.chain(params) {
            let t = self.expr(arg, scope, ty.as_ref())?;
            if ty.is_none() {
                ty = t.ty.clone();
            }
            typed[i] = Some(t);
        }
        Ok((typed.into_iter().flatten().collect(), ty))
    }

    /// The result type an entry gives, from its arguments' types.
    fn function_result(
        &self,
        whole: &Expr,
        entry: &functions::Function,
        typed: &[Typed],
        unified: Option<QType>,
        count: usize,
    ) -> Result<Option<QType>> {
        let first = typed.first().and_then(|t| t.ty.clone());
        Ok(match entry.result() {
            functions::Returns::Type(ty) => Some(ty),
            functions::Returns::Unified => unified,
            functions::Returns::SameAs(n) => typed
                .get(n - 1)
                .and_then(|t| t.ty.clone())
                .or_else(|| entry.default_type()),
            functions::Returns::Sum => match first {
                Some(t) => Some(
                    types::sum_of(&t).ok_or_else(|| error(whole, format!("cannot sum {t}")))?,
                ),
                None => None,
            },
            functions::Returns::Avg => match first {
                Some(t) => Some(
                    types::avg_of(&t)
                        .ok_or_else(|| error(whole, format!("cannot average {t}")))?,
                ),
                None => None,
            },
            functions::Returns::Round => Some(match first {
                Some(QType::Real | QType::Double) if count == 1 => QType::Double,
                _ => QType::Numeric,
            }),
        })
    }
}

/// `a ->> (k = v)` (sqlparser's reading of `a ->> k = v`) as `(a ->> k) = v`, and likewise for
/// AND/OR, IS [NOT] NULL, LIKE, IN and BETWEEN on the right of the arrow; `None` when the right
/// side is a plain key.
fn json_reassociated(left: &Expr, op: &BinaryOperator, right: &Expr) -> Option<Expr> {
    use BinaryOperator as B;
    let access = |key: &Expr| {
        Box::new(Expr::BinaryOp {
            left: Box::new(left.clone()),
            op: op.clone(),
            right: Box::new(key.clone()),
        })
    };
    Some(match right {
        Expr::BinaryOp {
            left: key,
            op: outer @ (B::Eq | B::NotEq | B::Lt | B::LtEq | B::Gt | B::GtEq | B::And | B::Or),
            right: rest,
        } => Expr::BinaryOp {
            left: access(key),
            op: outer.clone(),
            right: rest.clone(),
        },
        Expr::IsNull(key) => Expr::IsNull(access(key)),
        Expr::IsNotNull(key) => Expr::IsNotNull(access(key)),
        Expr::Like {
            negated,
            any,
            expr: key,
            pattern,
            escape_char,
        } => Expr::Like {
            negated: *negated,
            any: *any,
            expr: access(key),
            pattern: pattern.clone(),
            escape_char: escape_char.clone(),
        },
        Expr::InList {
            expr: key,
            list,
            negated,
        } => Expr::InList {
            expr: access(key),
            list: list.clone(),
            negated: *negated,
        },
        Expr::Between {
            expr: key,
            negated,
            low,
            high,
        } => Expr::Between {
            expr: access(key),
            negated: *negated,
            low: low.clone(),
            high: high.clone(),
        },
        _ => return None,
    })
}

/// The arguments of a call; `None` for `*`.
/// A function's name as the catalog spells it: its last part, lower case.
fn function_name(function: &ast::Function) -> String {
    function
        .name
        .0
        .last()
        .and_then(|part| match part {
            ObjectNamePart::Identifier(ident) => Some(ident.value.to_lowercase()),
            _ => None,
        })
        .unwrap_or_default()
}

fn args_of(function: &ast::Function) -> Vec<Option<&Expr>> {
    match &function.args {
        FunctionArguments::List(list) => list
            .args
            .iter()
            .map(|arg| match arg {
                FunctionArg::Unnamed(FunctionArgExpr::Expr(e))
                | FunctionArg::Named {
                    arg: FunctionArgExpr::Expr(e),
                    ..
                } => Some(e),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn placeholder_number(expr: &Expr) -> Option<usize> {
    match expr {
        Expr::Value(v) => match &v.value {
            Value::Placeholder(text) => text.trim_start_matches(['$', '?']).parse().ok(),
            _ => None,
        },
        Expr::Nested(inner) => placeholder_number(inner),
        _ => None,
    }
}

fn literal_string(expr: &Expr) -> bool {
    matches!(expr, Expr::Value(v) if matches!(v.value, Value::SingleQuotedString(_)))
}

/// The shape of `INSERT INTO t (a, b) VALUES ($1, $2)`: explicit columns, one row of distinct
/// parameters in order, no ON CONFLICT, no RETURNING.
fn bulk_insert(insert: &ast::Insert, table: &ObjectName) -> Option<BulkInsert> {
    if insert.columns.is_empty() || insert.on.is_some() || insert.returning.is_some() {
        return None;
    }
    let source = insert.source.as_ref()?;
    let SetExpr::Values(values) = source.body.as_ref() else {
        return None;
    };
    let [row] = values.rows.as_slice() else {
        return None;
    };
    let in_order = row
        .iter()
        .enumerate()
        .all(|(i, value)| placeholder_number(value) == Some(i + 1));
    (in_order && row.len() == insert.columns.len()).then(|| BulkInsert {
        table: table.to_string(),
        columns: insert.columns.iter().map(ToString::to_string).collect(),
    })
}

/// `AS "name!"` forces NOT NULL, `AS "name?"` forces nullable (sqlx's convention).
fn alias_override(alias: &Ident) -> (String, Option<bool>) {
    let name = ident_name(alias);
    if let Some(stripped) = name.strip_suffix('!') {
        (stripped.to_string(), Some(true))
    } else if let Some(stripped) = name.strip_suffix('?') {
        (stripped.to_string(), Some(false))
    } else {
        (name, None)
    }
}

/// The table whose row `columns` are: one relation in scope, a schema table, same columns in
/// the same order with the same nullability.
fn table_row(columns: &[RelCol], scope: &Scope<'_>) -> Option<String> {
    let [relation] = scope.relations.as_slice() else {
        return None;
    };
    let table = relation.table.as_ref()?;
    let same = columns.len() == relation.columns.len()
        && columns
            .iter()
            .zip(&relation.columns)
            .all(|(a, b)| a.name == b.name && a.ty == b.ty && a.nullable == b.nullable);
    same.then(|| table.clone())
}
