//! From YAML text to the schema model, one file at a time.
//!
//! This pass reads shapes and local syntax (keys, types, defaults, intervals) and gathers
//! every declaration with its place. References between objects are checked afterwards by
//! [`crate::schema::validate`], once all files are read.

use std::collections::BTreeMap;

use marked_yaml::types::MarkedMappingNode;
use marked_yaml::{LoaderOptions, Node};

use crate::diagnostic::{Diagnostic, FileId, SourceFile, Span, Spanned};
use crate::schema::layout;
use crate::schema::model::*;
use crate::schema::reader::Reader;
use crate::schema::sql;
use crate::schema::syntax::{self, SyntaxError};

const TOP_KEYS: &[&str] = &[
    "extensions",
    "enums",
    "tables",
    "views",
    "materialized_views",
    "continuous_aggregates",
    "full_text_search",
    "raw",
];
const TABLE_KEYS: &[&str] = &[
    "comment",
    "renamed_from",
    "columns",
    "primary_key",
    "foreign_keys",
    "unique",
    "checks",
    "indexes",
    "hypertable",
    "sqlite",
];
const COLUMN_KEYS: &[&str] = &[
    "type",
    "nullable",
    "default",
    "primary_key",
    "unique",
    "identity",
    "references",
    "on_delete",
    "on_update",
    "check",
    "generated",
    "comment",
    "renamed_from",
    "sqlite_type",
];
const INDEX_KEYS: &[&str] = &["columns", "unique", "where", "method", "include"];
const FK_KEYS: &[&str] = &["columns", "references", "on_delete", "on_update", "name"];
const HYPERTABLE_KEYS: &[&str] = &["time_column", "chunk_interval", "compression", "retention"];
const COMPRESSION_KEYS: &[&str] = &["after", "segment_by", "order_by"];
const CAGG_KEYS: &[&str] = &[
    "source",
    "bucket",
    "group_by",
    "aggregates",
    "refresh",
    "realtime",
    "comment",
];
const BUCKET_KEYS: &[&str] = &["column", "width", "name"];
const REFRESH_KEYS: &[&str] = &["start_offset", "end_offset", "schedule_interval"];
const VIEW_KEYS: &[&str] = &["sql", "comment"];
const MATVIEW_KEYS: &[&str] = &["sql", "comment", "indexes"];
const FTS_KEYS: &[&str] = &["table", "columns", "tokenize"];
const SQLITE_KEYS: &[&str] = &["strict", "without_rowid", "autoincrement"];
const DIALECT_KEYS: &[&str] = &["postgres", "timescaledb", "sqlite"];
const RAW_KEYS: &[&str] = &["postgres", "timescaledb", "sqlite", "before_tables"];

/// Reads every file; returns the unvalidated schema and every diagnostic found so far.
pub fn read_files(files: &[SourceFile]) -> (Schema, Vec<Diagnostic>) {
    let mut schema = Schema {
        files: files.iter().map(|f| f.path.clone()).collect(),
        ..Schema::default()
    };
    let mut diagnostics = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let mut reader = Reader::new(FileId(index as u32), &file.path, &file.text);
        read_file(&mut reader, &file.text, &mut schema);
        diagnostics.append(&mut reader.diagnostics);
    }
    (schema, diagnostics)
}

fn read_file(r: &mut Reader, text: &str, schema: &mut Schema) {
    if text.trim().is_empty() {
        return;
    }
    if let Some((line, column, message, help)) = before_parsing(text) {
        let span = Span {
            file: r.file,
            line,
            column,
        };
        r.error(span, message, Some(help.to_string()));
        return;
    }
    let options = LoaderOptions::default()
        .error_on_duplicate_keys(true)
        .toplevel_mapping();
    let root = match marked_yaml::parse_yaml_with_options(r.file.0 as usize, text, options) {
        Ok(root) => root,
        Err(error) => {
            report_yaml_error(r, error);
            return;
        }
    };
    let Some(top) = r.mapping(&root, "a schema file") else {
        return;
    };
    if report_nul_characters(r, top) {
        return;
    }
    r.check_keys(top, TOP_KEYS, "a schema file");
    if let Some(node) = top.get("extensions") {
        schema.extensions.extend(r.names(node, "`extensions`"));
    }
    for_each_entry(r, top, "enums", |r, name, node| {
        if let Some(e) = read_enum(r, name, node) {
            schema.enums.push(e);
        }
    });
    for_each_entry(r, top, "tables", |r, name, node| {
        if let Some(t) = read_table(r, name, node) {
            schema.tables.push(t);
        }
    });
    for_each_entry(r, top, "views", |r, name, node| {
        if let Some(v) = read_view(r, name, node, false) {
            schema.views.push(v);
        }
    });
    for_each_entry(r, top, "materialized_views", |r, name, node| {
        if let Some(v) = read_view(r, name, node, true) {
            schema.views.push(v);
        }
    });
    for_each_entry(r, top, "continuous_aggregates", |r, name, node| {
        if let Some(c) = read_continuous_aggregate(r, name, node) {
            schema.continuous_aggregates.push(c);
        }
    });
    for_each_entry(r, top, "full_text_search", |r, name, node| {
        if let Some(f) = read_full_text(r, name, node) {
            schema.full_text.push(f);
        }
    });
    if let Some(node) = top.get("raw") {
        read_raw(r, node, &mut schema.raw);
    }
}

/// A NUL in a value that reaches SQL as text (a comment, a default, a check) is refused where
/// it is written: PostgreSQL cannot store one in text, so the migration would fail on the
/// server. Names (keys) and enum labels are checked with the other rules for names.
fn report_nul_characters(r: &mut Reader, top: &MarkedMappingNode) -> bool {
    let mut found = Vec::new();
    for (key, value) in top.iter() {
        if key.as_str() != "enums" {
            collect_nul_values(value, &mut found);
        }
    }
    for node in &found {
        let start = r.span(node);
        let (line, column) = nul_in_source(r, start.line, start.column);
        r.error(
            Span {
                line,
                column,
                ..start
            },
            "this text holds the control character U+0000 (NUL), which PostgreSQL cannot store in text",
            Some("remove it".to_string()),
        );
    }
    !found.is_empty()
}

fn collect_nul_values<'n>(node: &'n Node, found: &mut Vec<&'n Node>) {
    match node {
        Node::Scalar(scalar) => {
            if scalar.as_str().contains('\0') {
                found.push(node);
            }
        }
        Node::Sequence(items) => items
            .iter()
            .for_each(|item| collect_nul_values(item, found)),
        Node::Mapping(map) => map
            .values()
            .for_each(|value| collect_nul_values(value, found)),
    }
}

/// Where the NUL of a scalar starting at (line, column) is written: a raw NUL or a `\0`,
/// `\x00`, `\u0000` escape of a double-quoted scalar; the scalar's start when not found.
fn nul_in_source(r: &Reader, line: u32, column: u32) -> (u32, u32) {
    let lines: Vec<&str> = r.text().split('\n').collect();
    for (index, text) in lines
        .iter()
        .enumerate()
        .skip(line.saturating_sub(1) as usize)
    {
        let skip = if index + 1 == line as usize {
            column.saturating_sub(1) as usize
        } else {
            0
        };
        let chars: Vec<char> = text.chars().collect();
        let mut i = skip;
        while i < chars.len() {
            if chars[i] == '\0' {
                return (index as u32 + 1, i as u32 + 1);
            }
            if chars[i] == '\\' {
                let rest: String = chars[i + 1..].iter().take(9).collect();
                if rest.starts_with('0')
                    || rest.starts_with("x00")
                    || rest.starts_with("u0000")
                    || rest.starts_with("U00000000")
                {
                    return (index as u32 + 1, i as u32 + 1);
                }
                i += 2;
                continue;
            }
            i += 1;
        }
    }
    (line, column)
}

/// Deeper than this, a schema file is refused before it is parsed: the YAML parser recurses
/// once per nested block collection and has no limit of its own (5,000 nested `- ` overflow
/// the stack). A schema needs six levels.
const MAX_YAML_DEPTH: usize = 128;

/// What the YAML parser would get wrong, found before it runs: a nesting deeper than
/// [`MAX_YAML_DEPTH`] (a block collection is nested by indenting or by another `- `/`? `
/// indicator, so indentation plus indicators bounds the depth of a line), and a second document
/// (the parser would read the first and ignore the rest without a word).
fn before_parsing(text: &str) -> Option<(u32, u32, String, &'static str)> {
    let mut seen_content = false;
    for (index, line) in text.split('\n').enumerate() {
        let number = index as u32 + 1;
        let indent = line.len() - line.trim_start_matches(' ').len();
        let mut depth = indent;
        let mut rest = &line[indent..];
        while let Some(after) = ["- ", "? "].iter().find_map(|i| rest.strip_prefix(i)) {
            depth += 2;
            rest = after.trim_start_matches(' ');
            if depth > MAX_YAML_DEPTH {
                let column = (line.len() - rest.len()) as u32;
                return Some((
                    number,
                    column.max(1),
                    format!("the YAML nests deeper than {MAX_YAML_DEPTH} levels here"),
                    "a schema needs a few levels: tables, a table, its columns, a column",
                ));
            }
        }
        let marker = ["---", "..."].iter().any(|m| {
            line.strip_prefix(m)
                .is_some_and(|after| after.is_empty() || after.starts_with([' ', '\t']))
        });
        if marker && seen_content {
            return Some((
                number,
                1,
                "a second YAML document: dbtool reads one document per schema file".to_string(),
                "put the rest in a file of its own under schema/",
            ));
        }
        let code = line.trim();
        seen_content |=
            !marker && !code.is_empty() && !code.starts_with('#') && !code.starts_with('%');
    }
    None
}

/// The place of the anchor (`&a`) or tag (`!!str`) that the parser refused: it reports the
/// node after it, so the nearest token before that place starting with `&` or `!` is it.
fn anchor_or_tag_before(text: &str, line: u32, column: u32) -> Option<(u32, u32)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let end_line = (line as usize).checked_sub(1)?;
    for index in (0..=end_line.min(lines.len().saturating_sub(1))).rev() {
        let text_line = lines[index];
        let limit = if index == end_line {
            text_line
                .char_indices()
                .nth(column.saturating_sub(1) as usize)
                .map_or(text_line.len(), |(i, _)| i)
        } else {
            text_line.len()
        };
        let head = &text_line[..limit];
        let found = head.char_indices().rev().find(|(i, c)| {
            matches!(c, '&' | '!')
                && head[..*i]
                    .chars()
                    .last()
                    .is_none_or(|before| before.is_whitespace() || "[{,:".contains(before))
        });
        if let Some((i, _)) = found {
            return Some((index as u32 + 1, head[..i].chars().count() as u32 + 1));
        }
    }
    None
}

fn report_yaml_error(r: &mut Reader, error: marked_yaml::LoadError) {
    use marked_yaml::LoadError;
    let at = |m: &marked_yaml::Marker| Span {
        file: r.file,
        line: m.line() as u32,
        column: m.column() as u32,
    };
    let (span, message, help) = match &error {
        LoadError::DuplicateKey(inner) => {
            let first = inner.prev_key.span().start().map(at);
            let second = inner.key.span().start().map(at);
            let span = second.unwrap_or(Span {
                file: r.file,
                line: 1,
                column: 1,
            });
            let mut diagnostic = Diagnostic::new(
                r.path,
                span.line,
                span.column,
                format!(
                    "`{}` is declared twice in the same mapping",
                    inner.key.as_str()
                ),
            )
            .with_help("remove or rename one of them");
            if let Some(first) = first {
                diagnostic = diagnostic.with_related(
                    r.path,
                    first.line,
                    first.column,
                    "first declared here",
                );
            }
            r.diagnostics.push(diagnostic);
            return;
        }
        LoadError::TopLevelMustBeMapping(m) => (
            at(m),
            "a schema file must be a mapping of sections".to_string(),
            Some(format!("start with one of: {}", TOP_KEYS.join(", "))),
        ),
        LoadError::ScanError(m, e) => {
            let span = at(m);
            // The scanner often gives up a line after the mistake: name the line to change.
            match layout::culprit(r.text(), span.line, e.info()) {
                Some(culprit) => (
                    Span {
                        file: r.file,
                        line: culprit.line,
                        column: culprit.column,
                    },
                    culprit.message,
                    Some(culprit.help),
                ),
                None => (
                    span,
                    format!("invalid YAML: {}", e.info()),
                    Some(yaml_syntax_help(e.info()).to_string()),
                ),
            }
        }
        LoadError::UnexpectedAnchor(m) | LoadError::UnexpectedTag(m) => {
            let mut span = at(m);
            if let Some((line, column)) = anchor_or_tag_before(r.text(), span.line, span.column) {
                span.line = line;
                span.column = column;
            }
            (
                span,
                "YAML anchors and tags are not supported in schema files".to_string(),
                Some("write the value out in full".to_string()),
            )
        }
        LoadError::MappingKeyMustBeScalar(m) => (
            at(m),
            "a mapping key must be a plain name".to_string(),
            Some("write `name: value`; a key cannot be a list or a mapping".to_string()),
        ),
        other => (
            Span {
                file: r.file,
                line: 1,
                column: 1,
            },
            format!("invalid YAML: {other}"),
            None,
        ),
    };
    r.error(span, message, help);
}

/// What usually causes a YAML syntax error, by the scanner's message.
fn yaml_syntax_help(info: &str) -> &'static str {
    if info.contains("tab") {
        "YAML indents with spaces only: replace the tab"
    } else if info.contains("did not find expected key")
        || info.contains("mapping values are not allowed")
    {
        "check the indentation: the keys of one mapping start in the same column, and a value with `: ` or `#` in it needs quotes"
    } else if info.contains("quoted scalar") {
        "close the quote; inside single quotes write '' for a quote"
    } else {
        "check the indentation and the quoting around this place"
    }
}

/// Calls `read` for each `name: value` entry of the mapping under `key`.
fn for_each_entry(
    r: &mut Reader,
    top: &MarkedMappingNode,
    key: &str,
    mut read: impl FnMut(&mut Reader, Spanned<String>, &Node),
) {
    let Some(section) = top.get(key) else {
        return;
    };
    let Some(map) = r.mapping(section, &format!("`{key}`")) else {
        return;
    };
    for (name, node) in map.iter() {
        let name = Spanned::new(name.as_str().to_string(), r.key_span(name));
        read(r, name, node);
    }
}

/// Reports a syntax error found at `offset` characters into a scalar.
fn syntax_error(r: &mut Reader, node: &Node, error: SyntaxError) {
    let span = r.inner_span(node, 0, error.offset);
    r.error(span, error.message, error.help);
}

fn read_enum(r: &mut Reader, name: Spanned<String>, node: &Node) -> Option<EnumType> {
    let (values_node, comment) = match node {
        Node::Mapping(map) => {
            r.check_keys(map, &["values", "comment"], "an enum");
            let comment = r.get_scalar(map, "comment").map(|c| c.value);
            (r.require(map, "values", name.span, "an enum")?, comment)
        }
        other => (other, None),
    };
    let values = r.names(values_node, "the values of an enum");
    if values.is_empty() {
        r.error(
            name.span,
            format!("enum `{}` has no values", name.value),
            Some("list its values: `[a, b, c]`".into()),
        );
        return None;
    }
    Some(EnumType {
        name,
        values,
        comment,
    })
}

fn read_table(r: &mut Reader, name: Spanned<String>, node: &Node) -> Option<Table> {
    let map = r.mapping(node, &format!("table `{}`", name.value))?;
    r.check_keys(map, TABLE_KEYS, "a table");
    let mut table = Table {
        comment: r.get_scalar(map, "comment").map(|c| c.value),
        renamed_from: r.get_scalar(map, "renamed_from"),
        columns: Vec::new(),
        primary_key: None,
        foreign_keys: Vec::new(),
        uniques: Vec::new(),
        checks: Vec::new(),
        indexes: Vec::new(),
        hypertable: None,
        sqlite: SqliteOptions::default(),
        name,
    };
    let mut pk_columns = Vec::new();
    if let Some(columns) = r.require(map, "columns", table.name.span, "a table") {
        if let Some(columns) = r.mapping(columns, "`columns`") {
            for (column_name, column_node) in columns.iter() {
                let column_name =
                    Spanned::new(column_name.as_str().to_string(), r.key_span(column_name));
                if let Some(column) = read_column(r, &mut table, column_name, column_node) {
                    if column.1 {
                        pk_columns.push(column.0.name.clone());
                    }
                    table.columns.push(column.0);
                }
            }
        }
    }
    let table_name = table.name.value.clone();
    if !pk_columns.is_empty() {
        table.primary_key = Some(PrimaryKey {
            name: format!("{table_name}_pkey"),
            span: pk_columns[0].span,
            columns: pk_columns,
        });
    }
    if let Some(node) = map.get("primary_key") {
        let columns = r.names(node, "`primary_key`");
        let span = r.span(node);
        if table.primary_key.is_some() {
            r.error(
                span,
                format!("table `{table_name}` declares its primary key twice"),
                Some("use either `primary key` on columns or `primary_key:` on the table".into()),
            );
        } else if !columns.is_empty() {
            table.primary_key = Some(PrimaryKey {
                name: format!("{table_name}_pkey"),
                columns,
                span,
            });
        }
    }
    if let Some(pk) = &table.primary_key {
        // Key columns are NOT NULL on every dialect, however the key was declared.
        for column in &mut table.columns {
            if pk.columns.iter().any(|c| c.value == column.name.value) {
                column.nullable = false;
            }
        }
    }
    if let Some(node) = map.get("foreign_keys") {
        read_foreign_keys(r, &mut table, node);
    }
    if let Some(node) = map.get("unique") {
        read_uniques(r, &mut table, node);
    }
    if let Some(node) = map.get("checks") {
        if let Some(checks) = r.mapping(node, "`checks`") {
            for (check_name, expr_node) in checks.iter() {
                if let Some(expr) = r.scalar(expr_node, "a check expression") {
                    check_expression(r, expr_node, &expr.value);
                    table.checks.push(CheckConstraint {
                        name: check_name.as_str().to_string(),
                        expr,
                    });
                }
            }
        }
    }
    if let Some(node) = map.get("indexes") {
        table.indexes = read_indexes(r, node);
    }
    if let Some(node) = map.get("hypertable") {
        table.hypertable = read_hypertable(r, node);
    }
    if let Some(node) = map.get("sqlite") {
        if let Some(options) = r.mapping(node, "`sqlite`") {
            r.check_keys(options, SQLITE_KEYS, "`sqlite` options");
            table.sqlite = SqliteOptions {
                strict: r.get_bool(options, "strict").unwrap_or(false),
                without_rowid: r.get_bool(options, "without_rowid").unwrap_or(false),
                autoincrement: r.get_bool(options, "autoincrement").unwrap_or(false),
                span: Some(r.span(node)),
            };
        }
    }
    Some(table)
}

/// Reads one column; the flag says whether it is (part of) the primary key.
fn read_column(
    r: &mut Reader,
    table: &mut Table,
    name: Spanned<String>,
    node: &Node,
) -> Option<(Column, bool)> {
    if let Some(help) = table_key_under_columns(&name.value, node) {
        r.error(
            name.span,
            format!(
                "`{}` is indented under `columns`, so it reads as a column",
                name.value
            ),
            Some(help),
        );
        return None;
    }
    match node {
        Node::Scalar(s) if s.as_str().trim().is_empty() => {
            r.error(
                name.span,
                format!("column `{}` has no type", name.value),
                Some(format!(
                    "write its type after the colon, e.g. `{}: text not null`",
                    name.value
                )),
            );
            None
        }
        Node::Scalar(_) => read_short_column(r, table, name, node),
        Node::Mapping(map) => read_long_column(r, table, name, map),
        Node::Sequence(_) => {
            let span = r.span(node);
            r.error(
                span,
                format!("column `{}` must be a type line or a mapping", name.value),
                Some("write e.g. `text not null`, or a mapping with `type:`".into()),
            );
            None
        }
    }
}

/// A table's own key (`indexes:`, `checks:`…) indented one level too far lands among the
/// columns; its value (a list, a mapping without `type`, nothing) gives it away. A column may
/// well be called `comment` or `unique`, so a type line under such a name is read as a column.
fn table_key_under_columns(name: &str, node: &Node) -> Option<String> {
    if name == "columns" || !TABLE_KEYS.contains(&name) {
        return None;
    }
    let not_a_column = match node {
        Node::Sequence(_) => true,
        Node::Mapping(map) => map.get("type").is_none(),
        Node::Scalar(s) => s.as_str().trim().is_empty(),
    };
    not_a_column
        .then(|| format!("move `{name}:` and what is under it left, to line up with `columns:`"))
}

fn read_short_column(
    r: &mut Reader,
    table: &mut Table,
    name: Spanned<String>,
    node: &Node,
) -> Option<(Column, bool)> {
    let text = r.scalar(node, "a column")?;
    let short = match syntax::parse_short_column(&text.value) {
        Ok(short) => short,
        Err(error) => {
            syntax_error(r, node, error);
            return None;
        }
    };
    let (ty, type_at) = short.ty?;
    let ty = Spanned::new(ty, r.inner_span(node, 0, type_at));
    let default = short
        .default
        .map(|(value, at)| Spanned::new(value, r.inner_span(node, 0, at)));
    if short.unique {
        table.uniques.push(UniqueConstraint {
            name: format!("{}_{}_key", table.name.value, name.value),
            columns: vec![name.clone()],
            span: name.span,
        });
    }
    if let Some((reference, at)) = short.references {
        let span = r.inner_span(node, 0, at);
        table.foreign_keys.push(ForeignKey {
            name: format!("{}_{}_fkey", table.name.value, name.value),
            columns: vec![name.clone()],
            ref_table: Spanned::new(reference.table.clone(), span),
            ref_columns: reference
                .columns
                .iter()
                .map(|(c, offset)| Spanned::new(c.clone(), r.inner_span(node, 0, at + offset)))
                .collect(),
            on_delete: short.on_delete,
            on_update: short.on_update,
            span,
        });
    }
    let nullable = !(short.not_null.unwrap_or(false) || short.primary_key || short.identity);
    Some((
        Column {
            name,
            renamed_from: None,
            ty,
            nullable,
            default,
            identity: short.identity,
            numbering: short.numbering,
            sqlite_type: None,
            generated: None,
            comment: None,
        },
        short.primary_key,
    ))
}

fn read_long_column(
    r: &mut Reader,
    table: &mut Table,
    name: Spanned<String>,
    map: &MarkedMappingNode,
) -> Option<(Column, bool)> {
    r.check_keys(map, COLUMN_KEYS, "a column");
    let type_node = r.require(map, "type", name.span, &format!("column `{}`", name.value))?;
    let ty = read_type(r, type_node)?;
    let primary_key = r.get_bool(map, "primary_key").unwrap_or(false);
    let (identity, numbering) = read_identity(r, map);
    let nullable = r
        .get_bool(map, "nullable")
        .unwrap_or(!(primary_key || identity));
    if nullable && (primary_key || identity) {
        let span = map.get("nullable").map(|n| r.span(n)).unwrap_or(name.span);
        r.error(
            span,
            format!("column `{}` is a key and cannot be nullable", name.value),
            Some("remove `nullable: true`".into()),
        );
    }
    let default = map.get("default").and_then(|d| read_default(r, d));
    let generated = map.get("generated").and_then(|g| {
        let span = r.span(g);
        let sql = read_sql_text(r, g, "`generated`")?;
        check_sql_text(r, g, &sql, sql::Fragment::Expression, "`generated`");
        Some(Spanned::new(sql, span))
    });
    if r.get_bool(map, "unique").unwrap_or(false) {
        table.uniques.push(UniqueConstraint {
            name: format!("{}_{}_key", table.name.value, name.value),
            columns: vec![name.clone()],
            span: name.span,
        });
    }
    if let Some(check) = r.get_scalar(map, "check") {
        if let Some(node) = map.get("check") {
            check_expression(r, node, &check.value);
        }
        table.checks.push(CheckConstraint {
            name: format!("{}_{}_check", table.name.value, name.value),
            expr: check,
        });
    }
    if let Some(target_node) = map.get("references") {
        if let Some(fk) = read_column_reference(r, table, &name, map, target_node) {
            table.foreign_keys.push(fk);
        }
    } else {
        for key in ["on_delete", "on_update"] {
            if let Some(action) = map.get(key) {
                let span = r.span(action);
                r.error(
                    span,
                    format!("`{key}` without `references`"),
                    Some("add `references: TABLE.COLUMN`".into()),
                );
            }
        }
    }
    Some((
        Column {
            name,
            renamed_from: r.get_scalar(map, "renamed_from"),
            ty,
            nullable,
            default,
            identity,
            numbering,
            sqlite_type: read_sqlite_type(r, map),
            generated,
            comment: r.get_scalar(map, "comment").map(|c| c.value),
        },
        primary_key,
    ))
}

/// `sqlite_type: DATETIME`: a declared type SQLite reads (a name with letters, digits and
/// spaces, and a parenthesised list of numbers), which is written into the DDL as it is.
fn read_sqlite_type(r: &mut Reader, map: &MarkedMappingNode) -> Option<Spanned<String>> {
    let value = r.get_scalar(map, "sqlite_type")?;
    let text = value.value.trim();
    let (name, arguments) = match text.split_once('(') {
        Some((name, rest)) => (name.trim_end(), Some(rest)),
        None => (text, None),
    };
    let name_ok = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ' ');
    let arguments_ok = arguments.is_none_or(|rest| {
        rest.strip_suffix(')').is_some_and(|inner| {
            inner
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == ' ' || c == '-' || c == '+')
        })
    });
    if !(name_ok && arguments_ok) {
        r.error(
            value.span,
            format!("`{text}` is not a type name SQLite reads"),
            Some("write a name such as `DATETIME`, `BOOLEAN` or `DECIMAL(10,2)`".into()),
        );
        return None;
    }
    Some(Spanned::new(text.to_string(), value.span))
}

/// `identity: true | false | always | serial`.
fn read_identity(r: &mut Reader, map: &MarkedMappingNode) -> (bool, Numbering) {
    let Some(value) = r.get_scalar(map, "identity") else {
        return (false, Numbering::ByDefault);
    };
    match value.value.as_str() {
        "true" => (true, Numbering::ByDefault),
        "false" => (false, Numbering::ByDefault),
        "always" => (true, Numbering::Always),
        "serial" => (true, Numbering::Serial),
        other => {
            r.error(
                value.span,
                format!("`identity` takes true, false, always or serial, not `{other}`"),
                Some("`true` numbers by default (a value may be given), `always` refuses given values, `serial` uses PostgreSQL's serial types".into()),
            );
            (false, Numbering::ByDefault)
        }
    }
}

fn read_column_reference(
    r: &mut Reader,
    table: &Table,
    column: &Spanned<String>,
    map: &MarkedMappingNode,
    target_node: &Node,
) -> Option<ForeignKey> {
    let target = r.scalar(target_node, "`references`")?;
    let reference = match syntax::parse_reference(&target.value) {
        Ok(reference) => reference,
        Err(error) => {
            syntax_error(r, target_node, error);
            return None;
        }
    };
    Some(ForeignKey {
        name: format!("{}_{}_fkey", table.name.value, column.value),
        columns: vec![column.clone()],
        ref_table: Spanned::new(reference.table, target.span),
        ref_columns: reference
            .columns
            .into_iter()
            .map(|(c, at)| Spanned::new(c, r.inner_span(target_node, 0, at)))
            .collect(),
        on_delete: read_action(r, map, "on_delete"),
        on_update: read_action(r, map, "on_update"),
        span: target.span,
    })
}

fn read_action(r: &mut Reader, map: &MarkedMappingNode, key: &str) -> Option<FkAction> {
    let text = r.get_scalar(map, key)?;
    let action = FkAction::parse(&text.value);
    if action.is_none() {
        r.error(
            text.span,
            format!("unknown {} action `{}`", key.replace('_', " "), text.value),
            Some("use cascade, restrict, set null, set default or no action".into()),
        );
    }
    action
}

fn read_type(r: &mut Reader, node: &Node) -> Option<Spanned<ColumnType>> {
    let span = r.span(node);
    if let Node::Mapping(_) = node {
        let map = read_dialect_map(r, node, "a per-dialect type")?;
        let text = SqlText::PerDialect(map.clone());
        check_sql_text(r, node, &text, sql::Fragment::Type, "a per-dialect type");
        return Some(Spanned::new(
            ColumnType {
                base: BaseType::Raw(map),
                array: false,
            },
            span,
        ));
    }
    let text = r.scalar(node, "`type`")?;
    match syntax::parse_type(&text.value) {
        Ok(ty) => Some(Spanned::new(ty, span)),
        Err(error) => {
            syntax_error(r, node, error);
            None
        }
    }
}

fn read_default(r: &mut Reader, node: &Node) -> Option<Spanned<DefaultValue>> {
    let span = r.span(node);
    match node {
        Node::Mapping(_) => {
            let map = read_dialect_map(r, node, "a per-dialect default")?;
            let text = SqlText::PerDialect(map.clone());
            check_sql_text(
                r,
                node,
                &text,
                sql::Fragment::Expression,
                "a per-dialect default",
            );
            Some(Spanned::new(DefaultValue::Raw(map), span))
        }
        Node::Sequence(items) if items.is_empty() => {
            Some(Spanned::new(DefaultValue::EmptyArray, span))
        }
        Node::Sequence(_) => {
            r.error(
                span,
                "only an empty list `[]` can be a default".to_string(),
                Some("write other array defaults per dialect".into()),
            );
            None
        }
        Node::Scalar(s) => match syntax::parse_default(s.as_str()) {
            Ok(value) => Some(Spanned::new(value, span)),
            Err(error) => {
                syntax_error(r, node, error);
                None
            }
        },
    }
}

/// A mapping from dialect names to SQL text.
fn read_dialect_map(r: &mut Reader, node: &Node, what: &str) -> Option<BTreeMap<Dialect, String>> {
    let map = r.mapping(node, what)?;
    r.check_keys(map, DIALECT_KEYS, what);
    let mut out = BTreeMap::new();
    for (key, value) in map.iter() {
        if let (Some(dialect), Some(text)) =
            (Dialect::from_name(key.as_str()), r.scalar(value, what))
        {
            out.insert(dialect, text.value);
        }
    }
    Some(out)
}

fn read_sql_text(r: &mut Reader, node: &Node, what: &str) -> Option<SqlText> {
    match node {
        Node::Mapping(_) => read_dialect_map(r, node, what).map(SqlText::PerDialect),
        _ => r.scalar(node, what).map(|s| SqlText::Portable(s.value)),
    }
}

fn read_foreign_keys(r: &mut Reader, table: &mut Table, node: &Node) {
    let Node::Sequence(items) = node else {
        let span = r.span(node);
        r.error(
            span,
            "`foreign_keys` must be a list",
            Some("start each foreign key with `- columns: […]`".into()),
        );
        return;
    };
    for item in items.iter() {
        let Some(map) = r.mapping(item, "a foreign key") else {
            continue;
        };
        r.check_keys(map, FK_KEYS, "a foreign key");
        let span = r.span(item);
        let columns = r.get_names(map, "columns");
        if columns.is_empty() {
            r.error(
                span,
                "a foreign key needs `columns`",
                Some("add `columns: [COLUMN]`".into()),
            );
            continue;
        }
        let Some(target_node) = r.require(map, "references", span, "a foreign key") else {
            continue;
        };
        let Some(target) = r.scalar(target_node, "`references`") else {
            continue;
        };
        let reference = match syntax::parse_reference(&target.value) {
            Ok(reference) => reference,
            Err(error) => {
                syntax_error(r, target_node, error);
                continue;
            }
        };
        let joined: Vec<&str> = columns.iter().map(|c| c.value.as_str()).collect();
        let name = r
            .get_scalar(map, "name")
            .map(|n| n.value)
            .unwrap_or_else(|| format!("{}_{}_fkey", table.name.value, joined.join("_")));
        table.foreign_keys.push(ForeignKey {
            name,
            columns,
            ref_table: Spanned::new(reference.table, target.span),
            ref_columns: reference
                .columns
                .into_iter()
                .map(|(c, at)| Spanned::new(c, r.inner_span(target_node, 0, at)))
                .collect(),
            on_delete: read_action(r, map, "on_delete"),
            on_update: read_action(r, map, "on_update"),
            span,
        });
    }
}

fn read_uniques(r: &mut Reader, table: &mut Table, node: &Node) {
    let Node::Sequence(items) = node else {
        let span = r.span(node);
        r.error(
            span,
            "`unique` must be a list",
            Some("write `unique: [[a, b]]`".into()),
        );
        return;
    };
    for item in items.iter() {
        let span = r.span(item);
        let (name, columns) = match item {
            Node::Mapping(map) => {
                r.check_keys(map, &["name", "columns"], "a unique constraint");
                (
                    r.get_scalar(map, "name").map(|n| n.value),
                    r.get_names(map, "columns"),
                )
            }
            other => (None, r.names(other, "a unique constraint")),
        };
        if columns.is_empty() {
            r.error(span, "a unique constraint needs columns", None);
            continue;
        }
        let joined: Vec<&str> = columns.iter().map(|c| c.value.as_str()).collect();
        let name = name.unwrap_or_else(|| format!("{}_{}_key", table.name.value, joined.join("_")));
        table.uniques.push(UniqueConstraint {
            name,
            columns,
            span,
        });
    }
}

fn read_indexes(r: &mut Reader, node: &Node) -> Vec<Index> {
    if let Node::Sequence(_) = node {
        // Other tools list indexes; here each has a name, which migrations and drift use.
        let span = r.span(node);
        r.error(
            span,
            "`indexes` must be a mapping of index names".to_string(),
            Some("write one `name: column` or `name: [column, …]` line per index, e.g. `idx_posts_author_id: author_id`".to_string()),
        );
        return Vec::new();
    }
    let Some(map) = r.mapping(node, "`indexes`") else {
        return Vec::new();
    };
    let mut indexes = Vec::new();
    for (name, spec) in map.iter() {
        let name = Spanned::new(name.as_str().to_string(), r.key_span(name));
        let mut index = Index {
            name,
            parts: Vec::new(),
            unique: false,
            predicate: None,
            method: None,
            include: Vec::new(),
        };
        let columns_node = match spec {
            Node::Mapping(spec_map) => {
                r.check_keys(spec_map, INDEX_KEYS, "an index");
                index.unique = r.get_bool(spec_map, "unique").unwrap_or(false);
                index.predicate = r.get_scalar(spec_map, "where");
                if let (Some(predicate), Some(node)) = (&index.predicate, spec_map.get("where")) {
                    check_expression(r, node, &predicate.value.clone());
                }
                index.include = r.get_names(spec_map, "include");
                if let Some(method) = r.get_scalar(spec_map, "method") {
                    index.method = IndexMethod::parse(&method.value);
                    if index.method.is_none() {
                        r.error(
                            method.span,
                            format!("unknown index method `{}`", method.value),
                            Some("use btree, hash, gin or brin".into()),
                        );
                    }
                }
                let at = index.name.span;
                r.require(spec_map, "columns", at, "an index")
            }
            other => Some(other),
        };
        if let Some(columns_node) = columns_node {
            index.parts = read_index_parts(r, columns_node);
        }
        indexes.push(index);
    }
    indexes
}

fn read_index_parts(r: &mut Reader, node: &Node) -> Vec<IndexPart> {
    let items: Vec<&Node> = match node {
        Node::Sequence(items) => items.iter().collect(),
        other => vec![other],
    };
    let mut parts = Vec::new();
    for item in items {
        match item {
            Node::Mapping(map) => {
                r.check_keys(map, &["expr", "order"], "an index expression");
                let span = r.span(item);
                let Some(sql) = r
                    .require(map, "expr", span, "an index expression")
                    .and_then(|n| r.scalar(n, "`expr`"))
                else {
                    continue;
                };
                let descending = read_order(r, map.get("order"));
                let expr_node = map.get("expr").unwrap_or(item);
                let time_casts = check_expression(r, expr_node, &sql.value)
                    .map(|f| f.casts_to_time)
                    .unwrap_or_default();
                parts.push(IndexPart::Expression {
                    sql,
                    descending,
                    time_casts,
                });
            }
            _ => {
                let Some(text) = r.scalar(item, "an index column") else {
                    continue;
                };
                let words = words_with_columns(&text.value);
                let column = words.first().map_or("", |(_, w)| *w).to_string();
                let order = words.get(1).map(|(_, w)| w.to_lowercase());
                let descending = order.as_deref() == Some("desc");
                // Every word after the column is read: an order, then nothing.
                let unexpected = match order.as_deref() {
                    None | Some("asc" | "desc") => words.get(2),
                    Some(_) => words.get(1),
                };
                if let Some((at, other)) = unexpected {
                    let span = r.inner_span(item, 0, *at);
                    r.error(
                        span,
                        format!("unexpected `{other}` after index column `{column}`"),
                        Some("write `COLUMN`, `COLUMN asc` or `COLUMN desc`; use `{ expr: … }` for an expression".into()),
                    );
                }
                parts.push(IndexPart::Column {
                    name: Spanned::new(column, text.span),
                    descending,
                });
            }
        }
    }
    parts
}

/// The whitespace-separated words of `text`, each with the character column it starts at.
fn words_with_columns(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    for (column, (byte, c)) in text.char_indices().enumerate() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some((column, byte)),
            (true, Some((at, from))) => {
                words.push((at, &text[from..byte]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some((at, from)) = start {
        words.push((at, &text[from..]));
    }
    words
}

/// Parses an SQL expression written in `node`, reporting a syntax error at its place. A
/// portable expression goes into every dialect's DDL, so each dialect's reading of it must
/// keep it in its place ([`sql::guard_fragment`]).
fn check_expression(r: &mut Reader, node: &Node, sql: &str) -> Option<sql::ExprFacts> {
    for dialect in [Dialect::Postgres, Dialect::Sqlite] {
        if let Err(error) = sql::guard_fragment(sql, dialect, sql::Fragment::Expression) {
            let span = r.inner_span(node, error.line, error.column);
            r.error(
                span,
                format!("invalid SQL expression ({dialect}): {}", error.message),
                Some(
                    "write one expression; what it is written into (a CHECK, an index) is dbtool's"
                        .into(),
                ),
            );
            return None;
        }
    }
    match sql::expression_facts(sql) {
        Ok(facts) => Some(facts),
        Err(error) => {
            let span = r.inner_span(node, error.line, error.column);
            r.error(
                span,
                format!("invalid SQL expression: {}", error.message),
                Some("fix the expression; it is parsed as PostgreSQL syntax".into()),
            );
            None
        }
    }
}

/// Checks SQL text the user wrote for one or every dialect (`sql`, read from `node`): each
/// dialect's text is read as that dialect reads it, and must be one `fragment` that stays in
/// its place in the DDL.
fn check_sql_text(r: &mut Reader, node: &Node, sql: &SqlText, fragment: sql::Fragment, what: &str) {
    for (dialect, value, text) in dialect_texts(node, sql) {
        let result = match fragment {
            sql::Fragment::Expression => sql::check_expression_for(text, dialect),
            _ => sql::guard_fragment(text, dialect, fragment),
        };
        if let Err(error) = result {
            let span = r.inner_span(value, error.line, error.column);
            r.error(
                span,
                format!("invalid SQL in {what} ({dialect}): {}", error.message),
                Some(match fragment {
                    sql::Fragment::Expression => {
                        "write one expression in the dialect's syntax".into()
                    }
                    sql::Fragment::Type => "write one type name, e.g. `numeric(10, 2)`".into(),
                    sql::Fragment::Query => "write one SELECT statement".into(),
                }),
            );
            return;
        }
    }
}

/// Each dialect's text of `sql` with the node it was read from: a portable text is read as
/// PostgreSQL and as SQLite read it.
fn dialect_texts<'n>(node: &'n Node, sql: &'n SqlText) -> Vec<(Dialect, &'n Node, &'n str)> {
    let mut texts = Vec::new();
    match (sql, node) {
        (SqlText::Portable(text), _) => {
            texts.push((Dialect::Postgres, node, text.as_str()));
            texts.push((Dialect::Sqlite, node, text.as_str()));
        }
        (SqlText::PerDialect(map), Node::Mapping(nodes)) => {
            for (dialect, text) in map {
                if let Some(value) = nodes.get(dialect.name()) {
                    texts.push((*dialect, value, text.as_str()));
                }
            }
        }
        _ => {}
    }
    texts
}

/// Parses a view body for each dialect it is written for; returns the relations it reads.
fn view_references(r: &mut Reader, node: &Node, sql: &SqlText) -> Vec<Spanned<String>> {
    let mut references: Vec<Spanned<String>> = Vec::new();
    for (dialect, value, text) in dialect_texts(node, sql) {
        if let Err(error) = sql::guard_fragment(text, dialect, sql::Fragment::Query) {
            let span = r.inner_span(value, error.line, error.column);
            r.error(
                span,
                format!("invalid SQL in view body ({dialect}): {}", error.message),
                Some("a view body is one SELECT statement".into()),
            );
            break;
        }
        match sql::query_relations(text, dialect) {
            Ok(relations) => {
                for relation in relations {
                    if !references.iter().any(|r| r.value == relation.name) {
                        let span = r.inner_span(value, relation.line, relation.column);
                        references.push(Spanned::new(relation.name, span));
                    }
                }
            }
            Err(error) => {
                let span = r.inner_span(value, error.line, error.column);
                r.error(span, format!("invalid SQL in view body ({dialect}): {}", error.message), Some("fix the query, or give each dialect its own body: `sql: { postgres: …, sqlite: … }`".into()));
                break;
            }
        }
    }
    references
}

fn read_order(r: &mut Reader, node: Option<&Node>) -> bool {
    let Some(node) = node else {
        return false;
    };
    let Some(text) = r.scalar(node, "`order`") else {
        return false;
    };
    match text.value.to_lowercase().as_str() {
        "asc" => false,
        "desc" => true,
        other => {
            r.error(
                text.span,
                format!("unknown order `{other}`"),
                Some("use asc or desc".into()),
            );
            false
        }
    }
}

fn read_interval(r: &mut Reader, node: &Node) -> Option<Spanned<Interval>> {
    let text = r.scalar(node, "an interval")?;
    match syntax::parse_interval(&text.value) {
        Ok(interval) => Some(Spanned::new(interval, text.span)),
        Err(error) => {
            syntax_error(r, node, error);
            None
        }
    }
}

fn get_interval(
    r: &mut Reader,
    map: &MarkedMappingNode,
    key: &str,
    at: Span,
    what: &str,
) -> Option<Interval> {
    let node = r.require(map, key, at, what)?;
    read_interval(r, node).map(|i| i.value)
}

fn read_hypertable(r: &mut Reader, node: &Node) -> Option<Hypertable> {
    let map = r.mapping(node, "`hypertable`")?;
    r.check_keys(map, HYPERTABLE_KEYS, "`hypertable`");
    let span = r.span(node);
    let time_column = r
        .require(map, "time_column", span, "a hypertable")
        .and_then(|n| r.scalar(n, "`time_column`"))?;
    let chunk_interval = map
        .get("chunk_interval")
        .and_then(|n| read_interval(r, n))
        .map(|i| i.value);
    let retention = map
        .get("retention")
        .and_then(|n| read_interval(r, n))
        .map(|i| i.value);
    let compression = map.get("compression").and_then(|n| {
        let c = r.mapping(n, "`compression`")?;
        r.check_keys(c, COMPRESSION_KEYS, "`compression`");
        let at = r.span(n);
        let after = get_interval(r, c, "after", at, "`compression`")?;
        let segment_by = r.get_names(c, "segment_by");
        let order_by = r
            .get_names(c, "order_by")
            .into_iter()
            .map(|entry| {
                let mut words = entry.value.split_whitespace();
                let column = words.next().unwrap_or("").to_string();
                let descending = words.next().is_some_and(|w| w.eq_ignore_ascii_case("desc"));
                (Spanned::new(column, entry.span), descending)
            })
            .collect();
        Some(Compression {
            after,
            segment_by,
            order_by,
        })
    });
    Some(Hypertable {
        time_column,
        chunk_interval,
        compression,
        retention,
        span,
    })
}

fn read_view(
    r: &mut Reader,
    name: Spanned<String>,
    node: &Node,
    materialized: bool,
) -> Option<View> {
    let what = if materialized {
        "a materialized view"
    } else {
        "a view"
    };
    let map = r.mapping(node, what)?;
    r.check_keys(
        map,
        if materialized {
            MATVIEW_KEYS
        } else {
            VIEW_KEYS
        },
        what,
    );
    let sql_node = r.require(map, "sql", name.span, what)?;
    let sql_span = r.span(sql_node);
    let sql = read_sql_text(r, sql_node, "`sql`")?;
    let references = view_references(r, sql_node, &sql);
    let indexes = map
        .get("indexes")
        .map(|n| read_indexes(r, n))
        .unwrap_or_default();
    Some(View {
        comment: r.get_scalar(map, "comment").map(|c| c.value),
        sql: Spanned::new(sql, sql_span),
        materialized,
        indexes,
        references,
        name,
    })
}

fn read_continuous_aggregate(
    r: &mut Reader,
    name: Spanned<String>,
    node: &Node,
) -> Option<ContinuousAggregate> {
    let what = "a continuous aggregate";
    let map = r.mapping(node, what)?;
    r.check_keys(map, CAGG_KEYS, what);
    let source = r
        .require(map, "source", name.span, what)
        .and_then(|n| r.scalar(n, "`source`"));
    let bucket_node = r.require(map, "bucket", name.span, what);
    let bucket = bucket_node.and_then(|n| {
        let b = r.mapping(n, "`bucket`")?;
        r.check_keys(b, BUCKET_KEYS, "`bucket`");
        let at = r.span(n);
        let column = r
            .require(b, "column", at, "`bucket`")
            .and_then(|c| r.scalar(c, "`column`"));
        let width = r
            .require(b, "width", at, "`bucket`")
            .and_then(|w| read_interval(r, w));
        let bucket_name = r
            .get_scalar(b, "name")
            .map(|n| n.value)
            .unwrap_or_else(|| "bucket".to_string());
        Some((column?, width?, bucket_name))
    });
    let group_by = r.get_names(map, "group_by");
    let mut aggregates = Vec::new();
    if let Some(node) = r.require(map, "aggregates", name.span, what) {
        if let Some(aggs) = r.mapping(node, "`aggregates`") {
            for (output, call) in aggs.iter() {
                let output = Spanned::new(output.as_str().to_string(), r.key_span(output));
                if let Some(aggregate) = read_aggregate_call(r, output, call) {
                    aggregates.push(aggregate);
                }
            }
        }
    }
    let refresh = map.get("refresh").and_then(|n| {
        let p = r.mapping(n, "`refresh`")?;
        r.check_keys(p, REFRESH_KEYS, "`refresh`");
        let at = r.span(n);
        let start_offset = get_interval(r, p, "start_offset", at, "`refresh`");
        let end_offset = get_interval(r, p, "end_offset", at, "`refresh`");
        let schedule_interval = get_interval(r, p, "schedule_interval", at, "`refresh`");
        Some(RefreshPolicy {
            start_offset: start_offset?,
            end_offset: end_offset?,
            schedule_interval: schedule_interval?,
        })
    });
    let realtime = r.get_bool(map, "realtime").unwrap_or(false);
    let (bucket_column, bucket_width, bucket_name) = bucket?;
    Some(ContinuousAggregate {
        comment: r.get_scalar(map, "comment").map(|c| c.value),
        source: source?,
        bucket_column,
        bucket_width,
        bucket_name,
        group_by,
        aggregates,
        refresh,
        realtime,
        name,
    })
}

/// Reads `FUNCTION(COLUMN)` or `count(*)`.
fn read_aggregate_call(r: &mut Reader, name: Spanned<String>, node: &Node) -> Option<Aggregate> {
    let call = r.scalar(node, "an aggregate")?;
    let text = call.value.trim();
    let help = "write an aggregate as FUNCTION(COLUMN): count(*), count, sum, avg, min or max";
    let parsed = text.find('(').and_then(|open| {
        let inner = text[open + 1..].strip_suffix(')')?;
        Some((text[..open].trim(), inner.trim(), open + 1))
    });
    let Some((function_name, argument, argument_at)) = parsed else {
        r.error(
            call.span,
            format!("`{text}` is not an aggregate call"),
            Some(help.into()),
        );
        return None;
    };
    let Some(function) = AggregateFunction::parse(function_name) else {
        let span = r.inner_span(node, 0, 0);
        r.error(
            span,
            format!("unknown aggregate function `{function_name}`"),
            Some(help.into()),
        );
        return None;
    };
    let column = if argument == "*" {
        if function != AggregateFunction::Count {
            let span = r.inner_span(node, 0, argument_at);
            r.error(
                span,
                format!("`{}(*)` is not an aggregate", function.name()),
                Some(help.into()),
            );
            return None;
        }
        None
    } else {
        Some(Spanned::new(
            argument.to_string(),
            r.inner_span(node, 0, argument_at),
        ))
    };
    Some(Aggregate {
        name,
        function,
        column,
    })
}

fn read_full_text(r: &mut Reader, name: Spanned<String>, node: &Node) -> Option<FullTextIndex> {
    let what = "a full-text index";
    let map = r.mapping(node, what)?;
    r.check_keys(map, FTS_KEYS, what);
    let table = r
        .require(map, "table", name.span, what)
        .and_then(|n| r.scalar(n, "`table`"))?;
    let columns = r.get_names(map, "columns");
    if columns.is_empty() {
        r.error(
            name.span,
            format!("full-text index `{}` has no columns", name.value),
            Some("add `columns: [COLUMN, …]`".into()),
        );
        return None;
    }
    Some(FullTextIndex {
        tokenize: r.get_scalar(map, "tokenize").map(|t| t.value),
        name,
        table,
        columns,
    })
}

fn read_raw(r: &mut Reader, node: &Node, out: &mut Vec<RawStatement>) {
    let Node::Sequence(items) = node else {
        let span = r.span(node);
        r.error(
            span,
            "`raw` must be a list of per-dialect statements",
            Some("write `raw: [{ postgres: \"…\", sqlite: \"…\" }]`".into()),
        );
        return;
    };
    for item in items.iter() {
        let span = r.span(item);
        let what = "a raw statement";
        let Some(map) = r.mapping(item, what) else {
            continue;
        };
        r.check_keys(map, RAW_KEYS, what);
        let before_tables = r.get_bool(map, "before_tables").unwrap_or(false);
        let mut sql = BTreeMap::new();
        for (key, value) in map.iter() {
            if let (Some(dialect), Some(text)) =
                (Dialect::from_name(key.as_str()), r.scalar(value, what))
            {
                sql.insert(dialect, text.value);
            }
        }
        out.push(RawStatement {
            sql: SqlText::PerDialect(sql),
            span,
            before_tables,
        });
    }
}
