//! Cross-reference checks, once every file is read: names resolve, types agree, TimescaleDB's
//! and each configured dialect's rules hold. Every problem becomes a [`Diagnostic`]; none stops
//! the others from being found.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{did_you_mean, Diagnostic, Span, Spanned};
use crate::schema::model::*;
use crate::schema::syntax::TYPE_NAMES;

struct Checker<'s> {
    schema: &'s Schema,
    diagnostics: Vec<Diagnostic>,
}

impl<'s> Checker<'s> {
    fn error(&mut self, span: Span, message: impl Into<String>, help: Option<String>) {
        let path = self.schema.path_of(span).to_string();
        self.diagnostics
            .push(Diagnostic::new(path, span.line, span.column, message).with_optional_help(help));
    }

    fn duplicate(&mut self, what: &str, name: &str, first: Span, second: Span) {
        let path = self.schema.path_of(second).to_string();
        let first_path = self.schema.path_of(first).to_string();
        self.diagnostics.push(
            Diagnostic::new(
                path,
                second.line,
                second.column,
                format!("{what} `{name}` is declared twice"),
            )
            .with_related(&first_path, first.line, first.column, "first declared here")
            .with_help("rename or remove one of them"),
        );
    }

    /// Reports `column` when `table` has no such column.
    fn column_exists(&mut self, table: &Table, column: &Spanned<String>, role: &str) -> bool {
        if table.column(&column.value).is_some() {
            return true;
        }
        let help = did_you_mean(&column.value, table.columns.iter().map(|c| c.name.as_str()))
            .or_else(|| {
                Some(format!(
                    "declare the column under `tables.{}.columns`",
                    table.name.value
                ))
            });
        self.error(
            column.span,
            format!(
                "{role} names column `{}`, which table `{}` does not have",
                column.value, table.name.value
            ),
            help,
        );
        false
    }

    fn table_exists(&mut self, name: &Spanned<String>, role: &str) -> Option<&'s Table> {
        let schema = self.schema;
        if let Some(table) = schema.table(&name.value) {
            return Some(table);
        }
        let help = did_you_mean(&name.value, schema.tables.iter().map(|t| t.name.as_str()))
            .unwrap_or_else(|| "declare the table under `tables:`".to_string());
        self.error(
            name.span,
            format!("{role} names table `{}`, which is not declared", name.value),
            Some(help),
        );
        None
    }
}

/// Checks the whole schema; `dialects` are those configured for the project.
pub fn validate(schema: &mut Schema, dialects: &[Dialect]) -> Vec<Diagnostic> {
    let shared: &Schema = schema;
    let mut checker = Checker {
        schema: shared,
        diagnostics: Vec::new(),
    };
    check_names(&mut checker);
    check_identifiers(&mut checker, dialects);
    for table in &shared.tables {
        check_table(&mut checker, table);
    }
    for view in &shared.views {
        check_view(&mut checker, view);
    }
    for aggregate in &shared.continuous_aggregates {
        check_continuous_aggregate(&mut checker, aggregate);
    }
    for fts in &shared.full_text {
        check_full_text(&mut checker, fts);
    }
    check_dialect_support(&mut checker, dialects);
    let diagnostics = checker.diagnostics;
    if diagnostics.is_empty() {
        resolve_foreign_key_targets(schema);
    }
    diagnostics
}

/// PostgreSQL keeps the first 63 bytes of a name (NAMEDATALEN - 1) and drops the rest.
const POSTGRES_NAME_BYTES: usize = 63;

/// Every name is one a database keeps as written: not empty, no control characters (NUL ends a
/// name in C; a line break would leave a comment), and on PostgreSQL at most 63 bytes, since a
/// longer one is cut short (two names alike in their first 63 bytes would then collide, and
/// the catalog would no longer say what the schema says). The constraint names dbtool makes
/// from table and column names are checked too. Enum labels follow the same rules.
fn check_identifiers(c: &mut Checker, dialects: &[Dialect]) {
    let schema = c.schema;
    let postgres = dialects.iter().any(|d| *d != Dialect::Sqlite);
    let mut given: Vec<(&str, &Spanned<String>)> = Vec::new();
    given.extend(schema.enums.iter().map(|e| ("enum", &e.name)));
    for e in &schema.enums {
        given.extend(e.values.iter().map(|v| ("enum label", v)));
    }
    for table in &schema.tables {
        given.push(("table", &table.name));
        given.extend(table.columns.iter().map(|col| ("column", &col.name)));
        given.extend(table.indexes.iter().map(|i| ("index", &i.name)));
    }
    for view in &schema.views {
        given.push(("view", &view.name));
        given.extend(view.indexes.iter().map(|i| ("index", &i.name)));
    }
    given.extend(
        schema
            .continuous_aggregates
            .iter()
            .map(|a| ("continuous aggregate", &a.name)),
    );
    given.extend(
        schema
            .full_text
            .iter()
            .map(|f| ("full-text index", &f.name)),
    );
    for (what, name) in given {
        if let Some((problem, help)) = identifier_problem(&name.value, postgres) {
            c.error(
                name.span,
                format!("{what} name `{}` {problem}", name.value.escape_debug()),
                Some(help.into()),
            );
        }
    }
    if !postgres {
        return;
    }
    for table in &schema.tables {
        let made = table
            .primary_key
            .iter()
            .map(|k| (&k.name, k.span))
            .chain(table.foreign_keys.iter().map(|k| (&k.name, k.span)))
            .chain(table.uniques.iter().map(|k| (&k.name, k.span)))
            .chain(table.checks.iter().map(|k| (&k.name, k.expr.span)));
        for (name, span) in made {
            if name.len() > POSTGRES_NAME_BYTES {
                c.error(
                    span,
                    format!(
                        "the constraint name dbtool makes here, `{name}`, is {} bytes; PostgreSQL would cut it to `{}`",
                        name.len(),
                        cut_to_postgres_length(name)
                    ),
                    Some(format!("shorten the name of table `{}` or of its columns", table.name.value)),
                );
            }
        }
    }
}

/// What is wrong with `name` as a database name, if anything, and what to do.
fn identifier_problem(name: &str, postgres: bool) -> Option<(String, &'static str)> {
    if name.is_empty() {
        return Some(("is empty".to_string(), "give it a name"));
    }
    if let Some(bad) = name.chars().find(|ch| ch.is_control()) {
        return Some((
            format!("holds the control character U+{:04X}", u32::from(bad)),
            "use printable characters only",
        ));
    }
    if postgres && name.len() > POSTGRES_NAME_BYTES {
        return Some((
            format!(
                "is {} bytes; PostgreSQL keeps {POSTGRES_NAME_BYTES} and would make it `{}`",
                name.len(),
                cut_to_postgres_length(name)
            ),
            "choose a name of at most 63 bytes",
        ));
    }
    None
}

/// The name PostgreSQL keeps: the longest prefix of whole characters within 63 bytes.
fn cut_to_postgres_length(name: &str) -> &str {
    let mut end = POSTGRES_NAME_BYTES.min(name.len());
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

/// One namespace for relations and types, one for indexes (PostgreSQL's rules).
fn check_names(c: &mut Checker) {
    let schema = c.schema;
    let mut relations: BTreeMap<&str, Span> = BTreeMap::new();
    let named = schema
        .enums
        .iter()
        .map(|e| ("enum", &e.name))
        .chain(schema.tables.iter().map(|t| ("table", &t.name)))
        .chain(schema.views.iter().map(|v| ("view", &v.name)))
        .chain(
            schema
                .continuous_aggregates
                .iter()
                .map(|a| ("continuous aggregate", &a.name)),
        )
        .chain(
            schema
                .full_text
                .iter()
                .map(|f| ("full-text index", &f.name)),
        );
    for (what, name) in named {
        match relations.get(name.as_str()) {
            Some(first) => c.duplicate(what, &name.value, *first, name.span),
            None => {
                relations.insert(&name.value, name.span);
            }
        }
    }
    let mut indexes: BTreeMap<&str, Span> = BTreeMap::new();
    let all_indexes = schema
        .tables
        .iter()
        .flat_map(|t| t.indexes.iter())
        .chain(schema.views.iter().flat_map(|v| v.indexes.iter()));
    for index in all_indexes {
        match indexes.get(index.name.as_str()) {
            Some(first) => c.duplicate("index", &index.name.value, *first, index.name.span),
            None => {
                indexes.insert(&index.name.value, index.name.span);
            }
        }
    }
    for e in &schema.enums {
        let mut seen: BTreeMap<&str, Span> = BTreeMap::new();
        for value in &e.values {
            match seen.get(value.as_str()) {
                Some(first) => c.duplicate(
                    &format!("value of enum `{}`", e.name.value),
                    &value.value,
                    *first,
                    value.span,
                ),
                None => {
                    seen.insert(&value.value, value.span);
                }
            }
        }
    }
}

fn check_table(c: &mut Checker, table: &Table) {
    for column in &table.columns {
        check_column(c, column);
    }
    if let Some(pk) = &table.primary_key {
        for column in &pk.columns {
            c.column_exists(table, column, "the primary key");
        }
    }
    for unique in &table.uniques {
        for column in &unique.columns {
            c.column_exists(table, column, "a unique constraint");
        }
    }
    for fk in &table.foreign_keys {
        check_foreign_key(c, table, fk);
    }
    for index in &table.indexes {
        check_index(c, table, index);
    }
    if let Some(hypertable) = &table.hypertable {
        check_hypertable(c, table, hypertable);
    }
}

/// Type names of other engines and tools that newcomers write, with the schema language's
/// spelling of the same column.
const OTHER_ENGINES_TYPES: &[(&str, &str)] = &[
    ("serial", "int identity"),
    ("serial4", "int identity"),
    ("bigserial", "bigint identity"),
    ("serial8", "bigint identity"),
    ("smallserial", "smallint identity"),
    ("serial2", "smallint identity"),
    ("int2", "smallint"),
    ("int4", "int"),
    ("int8", "bigint"),
    ("tinyint", "smallint"),
    ("mediumint", "int"),
    ("float4", "real"),
    ("float8", "double"),
    ("float", "double"),
    ("decimal", "numeric"),
    ("string", "text"),
    ("bytea", "bytes"),
    ("blob", "bytes"),
    ("datetime", "timestamp"),
];

fn other_engines_name(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let (_, ours) = OTHER_ENGINES_TYPES
        .iter()
        .find(|(theirs, _)| *theirs == lower)?;
    Some(if ours.ends_with("identity") {
        format!("write `{ours}`: `{name}` is PostgreSQL's shorthand for an integer numbered by a sequence, an identity column here")
    } else {
        format!("write `{ours}`, the schema language's name for it")
    })
}

/// `autoincrement` numbers the rowid: the table's one key must be an identity column.
fn check_autoincrement(c: &mut Checker, table: &Table) {
    if !table.sqlite.autoincrement {
        return;
    }
    let key_is_identity = table.primary_key.as_ref().is_some_and(|pk| {
        pk.columns.len() == 1
            && table
                .columns
                .iter()
                .any(|col| col.name.value == pk.columns[0].value && col.identity)
    });
    if !key_is_identity || table.sqlite.without_rowid {
        c.error(
            table.sqlite.span.unwrap_or(table.name.span),
            format!(
                "table `{}` is `autoincrement` but its key is not one identity column of a rowid table",
                table.name.value
            ),
            Some("AUTOINCREMENT numbers the rowid: give the table one `bigint primary key identity` column, or drop `autoincrement`".into()),
        );
    }
}

fn check_column(c: &mut Checker, column: &Column) {
    let schema = c.schema;
    if let BaseType::Enum(name) = &column.ty.value.base {
        if schema.enum_type(name).is_none() {
            let candidates = TYPE_NAMES
                .iter()
                .copied()
                .chain(schema.enums.iter().map(|e| e.name.as_str()));
            let help = other_engines_name(name)
                .or_else(|| did_you_mean(name, candidates))
                .unwrap_or_else(|| {
                    format!(
                        "use a portable type ({}) or declare an enum `{name}`",
                        TYPE_NAMES.join(", ")
                    )
                });
            c.error(
                column.ty.span,
                format!("unknown type `{name}` for column `{}`", column.name.value),
                Some(help),
            );
            return;
        }
    }
    if column.identity && !column.ty.value.scalar().is_some_and(ScalarType::is_integer) {
        c.error(
            column.name.span,
            format!(
                "identity column `{}` must be an integer (`{}` is not)",
                column.name.value, column.ty.value
            ),
            Some("use `bigint identity` (or `bigint primary key identity`)".into()),
        );
    }
    if let Some(default) = &column.default {
        check_default(c, column, default);
    }
}

/// The kind of column a portable default needs, when `ty` is not one (`None`: it fits; an
/// enum's values are checked against the schema separately). `dbtool pull` asks it too, so
/// that it writes a portable default only where validation will take it.
pub fn default_needs(default: &DefaultValue, ty: &ColumnType) -> Option<&'static str> {
    let scalar = ty.scalar();
    match default {
        DefaultValue::Bool(_) if scalar != Some(ScalarType::Bool) => Some("bool"),
        DefaultValue::Now | DefaultValue::CurrentTimestamp
            if !scalar.is_some_and(ScalarType::is_time) =>
        {
            Some("timestamp, timestamptz or date")
        }
        DefaultValue::CurrentDate if scalar != Some(ScalarType::Date) => Some("date"),
        DefaultValue::Uuid if scalar != Some(ScalarType::Uuid) => Some("uuid"),
        DefaultValue::EmptyArray if !ty.array => Some("array"),
        DefaultValue::Number(_) if !scalar.is_some_and(ScalarType::is_numeric) => Some("numeric"),
        _ => None,
    }
}

fn check_default(c: &mut Checker, column: &Column, default: &Spanned<DefaultValue>) {
    let ty = &column.ty.value;
    let mismatch = |expected: &str| {
        Some(format!(
            "a `{}` default needs a {expected} column, and `{}` is `{ty}`",
            default_name(&default.value),
            column.name.value
        ))
    };
    let problem = match (&default.value, &ty.base) {
        (DefaultValue::String(value), BaseType::Enum(name)) if !ty.array => {
            let values = c
                .schema
                .enum_type(name)
                .map(|e| e.values.clone())
                .unwrap_or_default();
            if values.iter().any(|v| &v.value == value) {
                None
            } else {
                let listed: Vec<&str> = values.iter().map(|v| v.as_str()).collect();
                let help = did_you_mean(value, listed.iter().copied())
                    .unwrap_or_else(|| format!("use one of: {}", listed.join(", ")));
                c.error(
                    default.span,
                    format!("default `'{value}'` is not a value of enum `{name}`"),
                    Some(help),
                );
                return;
            }
        }
        (value, _) => default_needs(value, ty).and_then(mismatch),
    };
    if let Some(message) = problem {
        c.error(
            default.span,
            message,
            Some("change the default or the column's type".into()),
        );
    }
}

fn default_name(value: &DefaultValue) -> &'static str {
    match value {
        DefaultValue::Number(_) => "number",
        DefaultValue::Bool(_) => "boolean",
        DefaultValue::Null => "null",
        DefaultValue::String(_) => "string",
        DefaultValue::Now => "now()",
        DefaultValue::CurrentTimestamp => "current_timestamp",
        DefaultValue::CurrentDate => "current_date",
        DefaultValue::Uuid => "uuid()",
        DefaultValue::EmptyArray => "[]",
        DefaultValue::Raw(_) => "raw",
    }
}

/// Textual types are interchangeable in a foreign key; everything else must match exactly.
/// Whether a foreign key may join columns of these types, as the engines allow: texts with
/// each other, integers of any width with each other (PostgreSQL compares int with bigint in
/// one btree family; SQLite has one INTEGER), and a type written per dialect (a domain,
/// say) with anything, since only the engine knows what it is.
fn key_types_match(a: &ColumnType, b: &ColumnType) -> bool {
    if matches!(a.base, BaseType::Raw(_)) || matches!(b.base, BaseType::Raw(_)) {
        return a.array == b.array;
    }
    match (a.scalar(), b.scalar()) {
        (Some(x), Some(y)) if x.is_textual() && y.is_textual() => true,
        (Some(x), Some(y)) if x.is_integer() && y.is_integer() => true,
        _ => a == b,
    }
}

fn check_foreign_key(c: &mut Checker, table: &Table, fk: &ForeignKey) {
    let all_local = fk
        .columns
        .iter()
        .all(|col| c.column_exists(table, col, "a foreign key"));
    let Some(target) = c.table_exists(&fk.ref_table, "a foreign key") else {
        return;
    };
    let target_columns: Vec<Spanned<String>> = if fk.ref_columns.is_empty() {
        match &target.primary_key {
            Some(pk) => pk
                .columns
                .iter()
                .map(|col| Spanned::new(col.value.clone(), fk.ref_table.span))
                .collect(),
            None => {
                c.error(
                    fk.ref_table.span,
                    format!(
                        "foreign key to `{}` names no columns and that table has no primary key",
                        target.name.value
                    ),
                    Some(format!("write `{}.COLUMN`", target.name.value)),
                );
                return;
            }
        }
    } else {
        fk.ref_columns.clone()
    };
    if target_columns.len() != fk.columns.len() {
        c.error(
            fk.span,
            format!(
                "foreign key has {} column(s) but references {}",
                fk.columns.len(),
                target_columns.len()
            ),
            Some("list as many target columns as local ones".into()),
        );
        return;
    }
    let all_target = target_columns
        .iter()
        .all(|col| c.column_exists(target, col, "a foreign key"));
    if !(all_local && all_target) {
        return;
    }
    for (local, remote) in fk.columns.iter().zip(&target_columns) {
        let (Some(l), Some(r)) = (table.column(&local.value), target.column(&remote.value)) else {
            continue;
        };
        if !key_types_match(&l.ty.value, &r.ty.value) {
            c.error(
                local.span,
                format!(
                    "foreign key column `{}.{}` is `{}` but `{}.{}` is `{}`",
                    table.name.value,
                    local.value,
                    l.ty.value,
                    target.name.value,
                    remote.value,
                    r.ty.value
                ),
                Some(format!("declare `{}` as `{}`", local.value, r.ty.value)),
            );
        }
    }
    let wanted: BTreeSet<&str> = target_columns.iter().map(|col| col.as_str()).collect();
    let keyed = target
        .primary_key
        .iter()
        .map(|pk| &pk.columns)
        .chain(target.uniques.iter().map(|u| &u.columns))
        .any(|cols| cols.iter().map(|col| col.as_str()).collect::<BTreeSet<_>>() == wanted);
    if !keyed {
        let listed: Vec<&str> = wanted.iter().copied().collect();
        c.error(
            fk.ref_table.span,
            format!(
                "foreign key target `{}({})` is neither a primary key nor unique",
                target.name.value,
                listed.join(", ")
            ),
            Some("reference the primary key, or declare those columns unique".into()),
        );
    }
    if target.hypertable.is_some() {
        c.error(fk.ref_table.span, format!("foreign key references hypertable `{}`", target.name.value), Some("TimescaleDB does not support foreign keys that point at a hypertable; drop the foreign key".into()));
    }
}

fn check_index(c: &mut Checker, table: &Table, index: &Index) {
    if index.parts.is_empty() {
        c.error(
            index.name.span,
            format!("index `{}` has no columns", index.name.value),
            Some("add `columns: [COLUMN, …]`".into()),
        );
    }
    for part in &index.parts {
        match part {
            IndexPart::Column { name, .. } => {
                c.column_exists(table, name, &format!("index `{}`", index.name.value));
            }
            IndexPart::Expression {
                sql, time_casts, ..
            } => {
                for column in time_casts {
                    let textual = table
                        .column(column)
                        .and_then(|col| col.ty.value.scalar())
                        .is_some_and(ScalarType::is_textual);
                    if textual {
                        c.error(
                            sql.span,
                            format!("index `{}` casts text column `{column}` to a date/time type, which PostgreSQL rejects in an index (the cast is not IMMUTABLE: it depends on DateStyle and TimeZone)", index.name.value),
                            Some(format!("index `{column}` itself (ISO-8601 text sorts in time order), or store it in a `timestamptz` column")),
                        );
                    }
                }
            }
        }
    }
    for column in &index.include {
        c.column_exists(
            table,
            column,
            &format!("the `include` of index `{}`", index.name.value),
        );
    }
}

fn check_hypertable(c: &mut Checker, table: &Table, hypertable: &Hypertable) {
    let time = &hypertable.time_column;
    if !c.column_exists(table, time, "the hypertable") {
        return;
    }
    let Some(column) = table.column(&time.value) else {
        return;
    };
    if !column.ty.value.scalar().is_some_and(ScalarType::is_time) {
        c.error(
            time.span,
            format!(
                "hypertable time column `{}` is `{}`, not a time type",
                time.value, column.ty.value
            ),
            Some("partition by a `timestamptz`, `timestamp` or `date` column".into()),
        );
    }
    if column.nullable {
        c.error(
            column.name.span,
            format!("hypertable time column `{}` must be `not null`", time.value),
            Some("TimescaleDB makes it NOT NULL; declare it so every dialect agrees".into()),
        );
    }
    let keys = table
        .primary_key
        .iter()
        .map(|pk| (&pk.columns, pk.span))
        .chain(table.uniques.iter().map(|u| (&u.columns, u.span)));
    for (columns, span) in keys {
        if !columns.iter().any(|col| col.value == time.value) {
            c.error(
                span,
                format!(
                    "a unique key on hypertable `{}` must include its time column `{}`",
                    table.name.value, time.value
                ),
                Some(format!(
                    "add `{}` to the key (TimescaleDB's rule)",
                    time.value
                )),
            );
        }
    }
    let unique_indexes = table.indexes.iter().filter(|i| i.unique);
    for index in unique_indexes {
        let has_time = index
            .parts
            .iter()
            .any(|p| matches!(p, IndexPart::Column { name, .. } if name.value == time.value));
        if !has_time {
            c.error(
                index.name.span,
                format!(
                    "unique index `{}` on hypertable `{}` must include its time column `{}`",
                    index.name.value, table.name.value, time.value
                ),
                Some("add the time column to the index (TimescaleDB's rule)".into()),
            );
        }
    }
    if let Some(compression) = &hypertable.compression {
        for column in compression
            .segment_by
            .iter()
            .chain(compression.order_by.iter().map(|(col, _)| col))
        {
            c.column_exists(table, column, "compression");
        }
    }
}

/// The chain of views `view` reads that leads back to it, if one does: `[a, b, a]`.
fn view_cycle<'s>(schema: &'s crate::schema::Schema, view: &'s View) -> Option<Vec<&'s str>> {
    fn walk<'s>(
        schema: &'s crate::schema::Schema,
        start: &str,
        current: &'s View,
        path: &mut Vec<&'s str>,
    ) -> bool {
        for reference in &current.references {
            if reference.value == start {
                path.push(&reference.value);
                return true;
            }
            let Some(next) = schema
                .views
                .iter()
                .find(|v| v.name.value == reference.value)
            else {
                continue;
            };
            if path.contains(&next.name.as_str()) {
                continue;
            }
            path.push(next.name.as_str());
            if walk(schema, start, next, path) {
                return true;
            }
            path.pop();
        }
        false
    }
    let mut path = vec![view.name.as_str()];
    walk(schema, view.name.as_str(), view, &mut path).then_some(path)
}

fn check_view(c: &mut Checker, view: &View) {
    let schema = c.schema;
    if let Some(cycle) = view_cycle(schema, view) {
        c.error(
            view.name.span,
            format!(
                "view `{}` reads itself ({})",
                view.name.value,
                cycle.join(" → ")
            ),
            Some("no engine can create either view first: break the cycle".into()),
        );
    }
    let known: BTreeSet<&str> = schema
        .tables
        .iter()
        .map(|t| t.name.as_str())
        .chain(schema.views.iter().map(|v| v.name.as_str()))
        .chain(schema.continuous_aggregates.iter().map(|a| a.name.as_str()))
        .collect();
    for reference in &view.references {
        if !known.contains(reference.as_str()) {
            let help = did_you_mean(&reference.value, known.iter().copied())
                .unwrap_or_else(|| "declare it, or fix the name".to_string());
            c.error(
                reference.span,
                format!(
                    "view `{}` reads `{}`, which is not a declared table or view",
                    view.name.value, reference.value
                ),
                Some(help),
            );
        }
    }
}

fn check_continuous_aggregate(c: &mut Checker, aggregate: &ContinuousAggregate) {
    let Some(source) = c.table_exists(
        &aggregate.source,
        &format!("continuous aggregate `{}`", aggregate.name.value),
    ) else {
        return;
    };
    let Some(hypertable) = &source.hypertable else {
        c.error(
            aggregate.source.span,
            format!(
                "continuous aggregate `{}` reads `{}`, which is not a hypertable",
                aggregate.name.value, source.name.value
            ),
            Some(format!(
                "add a `hypertable:` section to table `{}`",
                source.name.value
            )),
        );
        return;
    };
    let bucket = &aggregate.bucket_column;
    if c.column_exists(source, bucket, "the bucket") {
        let ty = source.column(&bucket.value).map(|col| col.ty.value.clone());
        if let Some(ty) = ty.filter(|t| !t.scalar().is_some_and(ScalarType::is_time)) {
            c.error(
                bucket.span,
                format!(
                    "bucket column `{}` is `{ty}`, not a time type",
                    bucket.value
                ),
                Some("bucket a `timestamptz`, `timestamp` or `date` column".into()),
            );
        } else if bucket.value != hypertable.time_column.value {
            c.error(
                bucket.span,
                format!(
                    "bucket column `{}` is not the hypertable's time column `{}`",
                    bucket.value, hypertable.time_column.value
                ),
                Some(format!(
                    "bucket `{}` (TimescaleDB buckets the partitioning column)",
                    hypertable.time_column.value
                )),
            );
        }
    }
    let mut outputs: BTreeMap<String, Span> = BTreeMap::new();
    outputs.insert(aggregate.bucket_name.clone(), bucket.span);
    for column in &aggregate.group_by {
        c.column_exists(source, column, "`group_by`");
        outputs.insert(column.value.clone(), column.span);
    }
    for agg in &aggregate.aggregates {
        if let Some(first) = outputs.get(&agg.name.value) {
            c.duplicate("output column", &agg.name.value, *first, agg.name.span);
        }
        outputs.insert(agg.name.value.clone(), agg.name.span);
        let Some(column) = &agg.column else {
            continue;
        };
        if !c.column_exists(source, column, &format!("aggregate `{}`", agg.name.value)) {
            continue;
        }
        let numeric = source
            .column(&column.value)
            .and_then(|col| col.ty.value.scalar())
            .is_some_and(ScalarType::is_numeric);
        if matches!(
            agg.function,
            AggregateFunction::Sum | AggregateFunction::Avg
        ) && !numeric
        {
            c.error(
                column.span,
                format!(
                    "`{}` needs a numeric column, and `{}` is not numeric",
                    agg.function.name(),
                    column.value
                ),
                Some("use count, min or max, or a numeric column".into()),
            );
        }
    }
}

fn check_full_text(c: &mut Checker, fts: &FullTextIndex) {
    let Some(table) = c.table_exists(&fts.table, &format!("full-text index `{}`", fts.name.value))
    else {
        return;
    };
    for column in &fts.columns {
        if c.column_exists(
            table,
            column,
            &format!("full-text index `{}`", fts.name.value),
        ) {
            let textual = table
                .column(&column.value)
                .and_then(|col| col.ty.value.scalar())
                .is_some_and(ScalarType::is_textual);
            if !textual {
                c.error(
                    column.span,
                    format!(
                        "full-text index `{}` covers `{}`, which is not text",
                        fts.name.value, column.value
                    ),
                    Some("index text, varchar or char columns".into()),
                );
            }
        }
    }
}

/// Constructs a configured dialect cannot express.
/// SQLite numbers rows only through its rowid, which an INTEGER PRIMARY KEY names: an identity
/// column elsewhere (PostgreSQL has them on any integer column) has no SQLite form.
fn check_sqlite_identity(c: &mut Checker, table: &Table) {
    let sole_key = |name: &str| {
        table
            .primary_key
            .as_ref()
            .is_some_and(|pk| pk.columns.len() == 1 && pk.columns[0].value == name)
    };
    for column in table.columns.iter().filter(|col| col.identity) {
        if !sole_key(&column.name.value) {
            c.error(
                column.name.span,
                format!(
                    "identity column `{}.{}` is not the table's only primary-key column, which SQLite needs (it numbers rows only through an INTEGER PRIMARY KEY)",
                    table.name.value, column.name.value
                ),
                Some("make it the primary key, or leave `sqlite` out of dialects in dbtool.toml (PostgreSQL has identity columns anywhere)".into()),
            );
        }
    }
}

fn check_dialect_support(c: &mut Checker, dialects: &[Dialect]) {
    let schema = c.schema;
    let covers = |map: &BTreeMap<Dialect, String>, d: Dialect| {
        map.contains_key(&d) || d.fallback().is_some_and(|f| map.contains_key(&f))
    };
    for &dialect in dialects {
        for table in &schema.tables {
            for column in &table.columns {
                if let BaseType::Raw(map) = &column.ty.value.base {
                    if !covers(map, dialect) {
                        c.error(
                            column.ty.span,
                            format!(
                                "column `{}.{}` has no type for dialect `{dialect}`",
                                table.name.value, column.name.value
                            ),
                            Some(format!("add `{dialect}: …` to its per-dialect type")),
                        );
                    }
                }
                if let Some(Spanned {
                    value: DefaultValue::Raw(map),
                    span,
                }) = &column.default
                {
                    if !covers(map, dialect) {
                        c.error(
                            *span,
                            format!(
                                "column `{}.{}` has no default for dialect `{dialect}`",
                                table.name.value, column.name.value
                            ),
                            Some(format!("add `{dialect}: …` to its per-dialect default")),
                        );
                    }
                }
                if let Some(generated) = &column.generated {
                    if generated.value.for_dialect(dialect).is_none() {
                        c.error(generated.span, format!("generated column `{}.{}` has no expression for dialect `{dialect}`", table.name.value, column.name.value), Some(format!("add `{dialect}: …`")));
                    }
                }
            }
            if dialect == Dialect::Sqlite {
                check_sqlite_identity(c, table);
                check_autoincrement(c, table);
            }
            if dialect == Dialect::Sqlite && table.sqlite.without_rowid {
                let span = table.sqlite.span.unwrap_or(table.name.span);
                if table.primary_key.is_none() {
                    c.error(
                        span,
                        format!(
                            "table `{}` is WITHOUT ROWID but has no primary key",
                            table.name.value
                        ),
                        Some("SQLite requires a primary key on a WITHOUT ROWID table".into()),
                    );
                }
                if table.columns.iter().any(|col| col.identity) {
                    c.error(span, format!("table `{}` is WITHOUT ROWID but has an identity column", table.name.value), Some("SQLite numbers rows only through the rowid; drop `without_rowid` or `identity`".into()));
                }
                if schema
                    .full_text
                    .iter()
                    .any(|f| f.table.value == table.name.value)
                {
                    c.error(
                        span,
                        format!(
                            "table `{}` is WITHOUT ROWID but has a full-text index",
                            table.name.value
                        ),
                        Some("FTS5 external content needs a rowid".into()),
                    );
                }
            }
        }
        for view in &schema.views {
            if view.sql.value.for_dialect(dialect).is_none() {
                c.error(
                    view.sql.span,
                    format!(
                        "view `{}` has no body for dialect `{dialect}`",
                        view.name.value
                    ),
                    Some(format!("add `{dialect}: …` to its `sql`")),
                );
            }
        }
    }
}

/// Fills in omitted foreign-key target columns with the target's primary key.
fn resolve_foreign_key_targets(schema: &mut Schema) {
    let keys: BTreeMap<String, Vec<String>> = schema
        .tables
        .iter()
        .filter_map(|t| {
            t.primary_key.as_ref().map(|pk| {
                (
                    t.name.value.clone(),
                    pk.columns.iter().map(|c| c.value.clone()).collect(),
                )
            })
        })
        .collect();
    for table in &mut schema.tables {
        for fk in &mut table.foreign_keys {
            if fk.ref_columns.is_empty() {
                if let Some(columns) = keys.get(&fk.ref_table.value) {
                    fk.ref_columns = columns
                        .iter()
                        .map(|c| Spanned::new(c.clone(), fk.ref_table.span))
                        .collect();
                }
            }
        }
    }
}
