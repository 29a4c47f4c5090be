//! Query files: sqlc's annotations (`-- name: GetUser :one`), doc comments, and parameters
//! (`@name`, `sqlc.arg(name)`, `sqlc.narg(name)`, `$1`).

use crate::diagnostic::{line_column, Diagnostic, SourceFile};
use crate::lexical::{skip_dollar_quoted, skip_quoted};

/// What a query returns, from its annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Exactly one row; none is an error.
    One,
    /// Any number of rows.
    Many,
    /// Nothing.
    Exec,
    /// The number of rows affected.
    ExecRows,
    /// sqlc's `:execresult`: the number of rows affected (PostgreSQL's command tag, which is
    /// what sqlc returns there; dbtool gives the same on SQLite).
    ExecResult,
    /// The rowid of the row inserted (SQLite's `last_insert_rowid()`); PostgreSQL has none.
    ExecLastId,
    /// Bulk insert: binary COPY on PostgreSQL, one prepared insert in a transaction on SQLite.
    CopyFrom,
}

impl Kind {
    fn parse(text: &str) -> Option<Kind> {
        match text {
            ":one" => Some(Kind::One),
            ":many" => Some(Kind::Many),
            ":exec" => Some(Kind::Exec),
            ":execrows" => Some(Kind::ExecRows),
            ":execresult" => Some(Kind::ExecResult),
            ":execlastid" => Some(Kind::ExecLastId),
            ":copyfrom" => Some(Kind::CopyFrom),
            _ => None,
        }
    }

    pub fn annotation(self) -> &'static str {
        match self {
            Kind::One => ":one",
            Kind::Many => ":many",
            Kind::Exec => ":exec",
            Kind::ExecRows => ":execrows",
            Kind::ExecResult => ":execresult",
            Kind::ExecLastId => ":execlastid",
            Kind::CopyFrom => ":copyfrom",
        }
    }
}

/// One occurrence of a parameter in a query's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamUse {
    /// The parameter's name (`$3` is named `p3`).
    pub name: String,
    /// Written as `sqlc.narg(name)`: the caller may pass NULL.
    pub nullable: bool,
    /// Byte range of the occurrence in [`Query::sql`].
    pub start: usize,
    pub end: usize,
}

/// A query as written in its file.
#[derive(Clone, Debug)]
pub struct Query {
    pub name: String,
    pub kind: Kind,
    /// The comment lines directly above the annotation, without `-- `.
    pub doc: Vec<String>,
    pub path: String,
    /// 1-based line and column of the name in the annotation.
    pub name_line: u32,
    pub name_column: u32,
    /// 1-based line of the file on which `sql` starts (it always starts at a line's start).
    pub sql_line: u32,
    /// The statement, without its trailing `;` and trailing comments.
    pub sql: String,
    pub params: Vec<ParamUse>,
}

impl Query {
    /// Distinct parameters in order of first use: their position is their number (`$1`, `?1`).
    pub fn distinct_params(&self) -> Vec<&ParamUse> {
        let mut seen: Vec<&ParamUse> = Vec::new();
        for param in &self.params {
            if !seen.iter().any(|p| p.name == param.name) {
                seen.push(param);
            }
        }
        seen
    }

    /// The position (1-based) of a parameter among the distinct ones.
    pub fn param_number(&self, name: &str) -> Option<usize> {
        self.distinct_params()
            .iter()
            .position(|p| p.name == name)
            .map(|i| i + 1)
    }

    /// Whether any use of the parameter is `sqlc.narg`.
    pub fn param_is_nullable(&self, name: &str) -> bool {
        self.params.iter().any(|p| p.name == name && p.nullable)
    }

    /// The SQL with every parameter replaced by `placeholder(number)`, and a map from positions
    /// in the new text back to the original (see [`Rewritten::original_column`]).
    pub fn rewrite(&self, placeholder: impl Fn(usize) -> String) -> Rewritten {
        self.rewrite_expanded(&[], placeholder, |name| name.to_string())
    }

    /// [`Query::rewrite`], with every `*` of `expansions` written as the columns it stands for
    /// (identifiers quoted by `quote`): the SQL dbtool generates and prepares.
    pub fn rewrite_expanded(
        &self,
        expansions: &[Expansion],
        placeholder: impl Fn(usize) -> String,
        quote: impl Fn(&str) -> String,
    ) -> Rewritten {
        let mut replacements: Vec<(usize, usize, String)> = self
            .params
            .iter()
            .map(|param| {
                let number = self.param_number(&param.name).unwrap_or(0);
                (param.start, param.end, placeholder(number))
            })
            .collect();
        for expansion in expansions {
            let list: Vec<String> = expansion
                .columns
                .iter()
                .map(|(qualifier, column)| match qualifier {
                    Some(q) => format!("{}.{}", quote(q), quote(column)),
                    None => quote(column),
                })
                .collect();
            replacements.push((expansion.start, expansion.end, list.join(", ")));
        }
        replacements.sort_by_key(|r| r.0);
        let mut text = String::with_capacity(self.sql.len());
        let mut shifts = Vec::new();
        let mut last = 0;
        for (start, end, replacement) in replacements {
            if start < last || end > self.sql.len() {
                continue; // overlapping or outside: never produced by the analyzer
            }
            text.push_str(&self.sql[last..start]);
            let line = text.matches('\n').count();
            let column = text.len() - text.rfind('\n').map_or(0, |i| i + 1);
            shifts.push(Shift {
                line,
                start: column,
                column: column + replacement.len(),
                delta: (end - start) as isize - replacement.len() as isize,
            });
            text.push_str(&replacement);
            last = end;
        }
        text.push_str(&self.sql[last..]);
        Rewritten { text, shifts }
    }

    /// A diagnostic at a 1-based (line, column) of the original SQL text.
    pub fn diagnostic_at(&self, line: u32, column: u32, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(
            self.path.clone(),
            self.sql_line + line.saturating_sub(1),
            column.max(1),
            message,
        )
    }

    /// A diagnostic at the first use of parameter `name` in the SQL (at the name when it is
    /// not used).
    pub fn diagnostic_at_param(&self, name: &str, message: impl Into<String>) -> Diagnostic {
        match self.params.iter().find(|p| p.name == name) {
            Some(used) => {
                let (line, column) = crate::diagnostic::line_column(&self.sql, used.start);
                self.diagnostic_at(line, column, message)
            }
            None => self.diagnostic_at_name(message),
        }
    }

    /// A diagnostic at the query's name in its annotation.
    pub fn diagnostic_at_name(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.path.clone(), self.name_line, self.name_column, message)
    }
}

/// A `*` of a query (byte range of the query's SQL) and the columns it stands for:
/// `(qualifier, column)`.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Expansion {
    pub start: usize,
    pub end: usize,
    pub columns: Vec<(Option<String>, String)>,
}

#[derive(Clone, Debug)]
struct Shift {
    /// 0-based line of the replacement in the rewritten text.
    line: usize,
    /// 0-based byte column where the replacement starts in the rewritten text.
    start: usize,
    /// 0-based byte column just after the replacement in the rewritten text.
    column: usize,
    /// original length minus replacement length.
    delta: isize,
}

/// A query's SQL with placeholders in place of its parameters.
#[derive(Clone, Debug)]
pub struct Rewritten {
    pub text: String,
    shifts: Vec<Shift>,
}

impl Rewritten {
    /// The byte offset in the original SQL of a 1-based (line, column in characters) of the
    /// rewritten text, as sqlparser counts them.
    pub fn original_offset(&self, line: u32, column: u32) -> Option<usize> {
        let line0 = line.checked_sub(1)? as usize;
        let line_start: usize = self.text.split('\n').take(line0).map(|l| l.len() + 1).sum();
        let line_text = self.text.get(line_start..)?.split('\n').next()?;
        let column0 = column.checked_sub(1)? as usize;
        let byte_in_line = line_text
            .char_indices()
            .nth(column0)
            .map_or(line_text.len(), |(i, _)| i);
        let delta: isize = self
            .shifts
            .iter()
            .filter(|s| s.line < line0 || (s.line == line0 && s.column <= byte_in_line))
            .map(|s| s.delta)
            .sum();
        usize::try_from((line_start + byte_in_line) as isize + delta).ok()
    }

    /// Maps a 1-based column on a 1-based line of the rewritten text to the original text.
    pub fn original_column(&self, line: u32, column: u32) -> u32 {
        let line0 = line.saturating_sub(1) as usize;
        let mut column0 = column.saturating_sub(1) as usize;
        // Inside a replacement (a column of an expanded `*`): at what it replaced.
        if let Some(inside) = self
            .shifts
            .iter()
            .find(|s| s.line == line0 && s.start <= column0 && column0 < s.column)
        {
            column0 = inside.start;
        }
        let delta: isize = self
            .shifts
            .iter()
            .filter(|s| s.line == line0 && s.column <= column0)
            .map(|s| s.delta)
            .sum();
        (column0 as isize + delta + 1).max(1) as u32
    }
}

/// Reads every query of a file. Mistakes in annotations and parameters are all reported.
pub fn parse_file(file: &SourceFile) -> Result<Vec<Query>, Vec<Diagnostic>> {
    parse_file_for(file, false)
}

/// [`parse_file`] for a file that serves SQLite alone (`sqlite_only`), where SQLite's own
/// parameters `?` and `?NNN` are accepted as sqlc accepts them; elsewhere `?` is PostgreSQL's
/// jsonb operator, and one that reads as a parameter is an error saying what to write.
pub fn parse_file_for(file: &SourceFile, sqlite_only: bool) -> Result<Vec<Query>, Vec<Diagnostic>> {
    // CRLF checkouts must give the same SQL (and generated code) as LF ones.
    let normalized;
    let file = if file.text.contains('\r') {
        normalized = SourceFile {
            path: file.path.clone(),
            text: file.text.replace("\r\n", "\n"),
        };
        &normalized
    } else {
        file
    };
    let lines: Vec<&str> = file.text.split('\n').collect();
    let mut errors = Vec::new();
    let mut queries = Vec::new();
    let annotations: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| annotation_text(l).is_some())
        .map(|(i, _)| i)
        .collect();
    if annotations.is_empty() && file.text.lines().any(is_code) {
        errors.push(
            Diagnostic::new(
                &file.path,
                1,
                1,
                "this query file has no `-- name:` annotation",
            )
            .with_help(
                "start each query with `-- name: QueryName :one` (or :many, :exec, :execrows, :copyfrom)",
            ),
        );
    }
    if let Some(&first) = annotations.first() {
        if let Some(line) = (0..first).find(|&i| is_code(lines[i])) {
            errors.push(
                Diagnostic::new(
                    &file.path,
                    line as u32 + 1,
                    1,
                    "SQL before the first `-- name:` annotation belongs to no query",
                )
                .with_help("put `-- name: QueryName :kind` above it, or remove it"),
            );
        }
    }
    for (n, &at) in annotations.iter().enumerate() {
        let end = annotations.get(n + 1).copied().unwrap_or(lines.len());
        match parse_query(file, &lines, at, end, sqlite_only) {
            Ok(query) => queries.push(query),
            Err(mut e) => errors.append(&mut e),
        }
    }
    for (i, query) in queries.iter().enumerate() {
        if let Some(first) = queries[..i].iter().find(|q| q.name == query.name) {
            errors.push(
                query
                    .diagnostic_at_name(format!("query `{}` is defined twice", query.name))
                    .with_related(
                        &first.path,
                        first.name_line,
                        first.name_column,
                        "first defined here",
                    )
                    .with_help("give one of them another name"),
            );
        }
    }
    if errors.is_empty() {
        Ok(queries)
    } else {
        Err(errors)
    }
}

/// `name: X :kind` when the line is an annotation comment: `-- name: …`, or sqlc's block
/// form `/* name: … */` on a line of its own.
fn annotation_text(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    let comment = match trimmed.strip_prefix("--") {
        Some(rest) => rest,
        None => trimmed.strip_prefix("/*")?.trim_end().strip_suffix("*/")?,
    };
    comment.trim_start().strip_prefix("name:").map(str::trim)
}

fn is_code(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with("--")
}

fn parse_query(
    file: &SourceFile,
    lines: &[&str],
    at: usize,
    end: usize,
    sqlite_only: bool,
) -> Result<Query, Vec<Diagnostic>> {
    let line = lines[at];
    let (name, name_column, kind) = parse_annotation(file, line, at)?;
    let doc = doc_above(lines, at);
    // The body runs to the next annotation, minus the doc comment of the next query.
    let mut body_end = end;
    if end < lines.len() {
        body_end = end - doc_above(lines, end).len();
    }
    let body_lines = &lines[at + 1..body_end];
    let Some(first_code) = body_lines.iter().position(|l| is_code(l)) else {
        return Err(vec![Diagnostic::new(
            &file.path,
            at as u32 + 1,
            name_column,
            format!("query `{name}` has no SQL"),
        )
        .with_help("write the statement on the lines below its annotation")]);
    };
    let sql_line = at + 1 + first_code;
    let text = body_lines[first_code..].join("\n");
    let (sql, extra) = statement_text(&text);
    if let Some(offset) = extra {
        let (line, column) = line_column(&text, offset);
        return Err(vec![Diagnostic::new(
            &file.path,
            sql_line as u32 + line,
            column,
            format!("query `{name}` has a second statement after its `;`"),
        )
        .with_help(
            "one query is one statement: give the second its own `-- name:` annotation",
        )]);
    }
    let sql = sql.to_string();
    let mut query = Query {
        name,
        kind,
        doc,
        path: file.path.clone(),
        name_line: at as u32 + 1,
        name_column,
        sql_line: sql_line as u32 + 1,
        sql,
        params: Vec::new(),
    };
    query.params = scan_params(&query, sqlite_only)?;
    Ok(query)
}

fn parse_annotation(
    file: &SourceFile,
    line: &str,
    at: usize,
) -> Result<(String, u32, Kind), Vec<Diagnostic>> {
    let text = annotation_text(line).unwrap_or_default();
    let text_start = line.find(text).unwrap_or(0);
    let column = line[..text_start].chars().count() as u32 + 1;
    // Each word with the column it is written at, so an error points at the word it is about.
    let mut words = text.split_whitespace().map(|word| {
        let byte = word.as_ptr() as usize - text.as_ptr() as usize;
        (column + text[..byte].chars().count() as u32, word)
    });
    let name = words.next().map_or("", |(_, w)| w).to_string();
    let (kind_column, kind_text) = words.next().unwrap_or((column, ""));
    let error_at = |word_column: u32, message: String, help: &str| {
        vec![
            Diagnostic::new(&file.path, at as u32 + 1, word_column, message)
                .with_help(help.to_string()),
        ]
    };
    let error = |message: String, help: &str| error_at(column, message, help);
    if name.is_empty()
        || !name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        || !name.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return Err(error(
            format!("`{name}` is not a query name"),
            "query names are PascalCase, e.g. `-- name: GetUserByEmail :one`",
        ));
    }
    let Some(kind) = Kind::parse(kind_text) else {
        let message = if kind_text.is_empty() {
            format!("query `{name}` says nothing about what it returns")
        } else {
            format!("`{kind_text}` is not a query kind")
        };
        return Err(error_at(
            kind_column,
            message,
            "end the annotation with :one, :many, :exec, :execrows, :execresult, :execlastid or :copyfrom",
        ));
    };
    if let Some((extra_column, extra)) = words.next() {
        return Err(error_at(
            extra_column,
            format!("unexpected `{extra}` after the query kind"),
            "an annotation is `-- name: QueryName :kind` and nothing else",
        ));
    }
    Ok((name, column, kind))
}

/// The comment lines directly above line `at` (no blank line between), top to bottom.
fn doc_above(lines: &[&str], at: usize) -> Vec<String> {
    let mut doc = Vec::new();
    let mut i = at;
    while i > 0 {
        let line = lines[i - 1].trim();
        let Some(comment) = line.strip_prefix("--") else {
            break;
        };
        if annotation_text(line).is_some() {
            break;
        }
        doc.push(
            comment
                .strip_prefix(' ')
                .unwrap_or(comment)
                .trim_end()
                .to_string(),
        );
        i -= 1;
    }
    doc.reverse();
    doc
}

/// The statement up to its `;` (outside strings and comments), without trailing blanks and
/// comments, and whether code follows the `;` (a second statement).
fn statement_text(text: &str) -> (&str, Option<usize>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' | b'"' => i = skip_quoted(bytes, i),
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |n| i + 2 + n + 2);
            }
            b'$' => i = skip_dollar_quoted(text, i),
            b';' => {
                let after = &text[i + 1..];
                let extra = after
                    .lines()
                    .scan(i + 1, |offset, line| {
                        let start = *offset;
                        *offset += line.len() + 1;
                        Some((start, line))
                    })
                    .find(|(_, line)| is_code(line))
                    .map(|(start, line)| start + (line.len() - line.trim_start().len()));
                return (strip_trailing_comments(&text[..i]), extra);
            }
            _ => i += 1,
        }
    }
    (strip_trailing_comments(text), None)
}

fn strip_trailing_comments(text: &str) -> &str {
    let mut end = text.len();
    loop {
        let trimmed = text[..end].trim_end();
        let last_line_start = trimmed.rfind('\n').map_or(0, |i| i + 1);
        if last_line_start > 0 && trimmed[last_line_start..].trim_start().starts_with("--") {
            end = last_line_start;
            continue;
        }
        return trimmed;
    }
}

/// Every parameter use, skipping strings, quoted identifiers and comments.
fn scan_params(query: &Query, sqlite_only: bool) -> Result<Vec<ParamUse>, Vec<Diagnostic>> {
    let sql = &query.sql;
    let bytes = sql.as_bytes();
    let mut uses = Vec::new();
    let mut errors = Vec::new();
    let mut i = 0;
    // SQLite numbers a bare `?` one past the highest number used before it.
    let mut highest = 0u32;
    while i < bytes.len() {
        match bytes[i] {
            b'?' if sqlite_only => {
                let end = (i + 1..bytes.len())
                    .find(|&j| !bytes[j].is_ascii_digit())
                    .unwrap_or(bytes.len());
                let number = match sql[i + 1..end].parse::<u32>() {
                    Ok(n) if n > 0 => n,
                    _ => highest + 1,
                };
                highest = highest.max(number);
                uses.push(ParamUse {
                    name: format!("p{number}"),
                    nullable: false,
                    start: i,
                    end,
                });
                i = end;
            }
            b'?' if reads_as_parameter(bytes, i) => {
                let (line, column) = line_column(sql, i);
                errors.push(
                    query
                        .diagnostic_at(
                            line,
                            column,
                            "`?` is SQLite's parameter; this query also serves PostgreSQL, where `?` is an operator",
                        )
                        .with_help("write `@name` (or `$1`): dbtool writes each engine's own placeholder"),
                );
                i += 1;
            }
            b'\'' | b'"' => i = skip_quoted(bytes, i),
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                i = sql[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = sql[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |n| i + 2 + n + 2);
            }
            b'@' if bytes
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_') =>
            {
                let end = identifier_end(bytes, i + 1);
                uses.push(ParamUse {
                    name: sql[i + 1..end].to_string(),
                    nullable: false,
                    start: i,
                    end,
                });
                i = end;
            }
            b'$' if !bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                i = skip_dollar_quoted(sql, i);
            }
            b'$' if bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                && !preceded_by_word(bytes, i) =>
            {
                let end = (i + 1..bytes.len())
                    .find(|&j| !bytes[j].is_ascii_digit())
                    .unwrap_or(bytes.len());
                if let Ok(n) = sql[i + 1..end].parse::<u32>() {
                    highest = highest.max(n);
                }
                uses.push(ParamUse {
                    name: format!("p{}", &sql[i + 1..end]),
                    nullable: false,
                    start: i,
                    end,
                });
                i = end;
            }
            b's' | b'S'
                if !preceded_by_word(bytes, i)
                    && bytes[i..]
                        .get(..5)
                        .is_some_and(|b| b.eq_ignore_ascii_case(b"sqlc.")) =>
            {
                match sqlc_macro(sql, i) {
                    Ok(param) => {
                        i = param.end;
                        uses.push(param);
                    }
                    Err(message) => {
                        let (line, column) = line_column(sql, i);
                        errors.push(query.diagnostic_at(line, column, message).with_help(
                            "write `sqlc.arg(name)` or `sqlc.narg(name)` (nullable), or `@name`",
                        ));
                        i += 5;
                    }
                }
            }
            _ => i += 1,
        }
    }
    let named = uses
        .iter()
        .any(|u| !u.name.starts_with('p') || !u.name[1..].chars().all(|c| c.is_ascii_digit()));
    let positional = uses.iter().find(|u| {
        u.name.starts_with('p')
            && u.name[1..].chars().all(|c| c.is_ascii_digit())
            && (sql[u.start..].starts_with('$') || sql[u.start..].starts_with('?'))
    });
    if let (true, Some(p)) = (named, positional) {
        let (line, column) = line_column(sql, p.start);
        errors.push(
            query
                .diagnostic_at(line, column, "this query mixes `$N` with named parameters")
                .with_help("use names (`@user_id`) throughout: they become the Rust function's argument names"),
        );
    }
    if errors.is_empty() {
        Ok(uses)
    } else {
        Err(errors)
    }
}

/// Whether the `?` at `i` stands where a value would (`= ?`, `(?`, `, ?`, `?1`), rather than
/// as PostgreSQL's jsonb operator between two values (`data ? 'key'`, `?|`, `?&`).
fn reads_as_parameter(bytes: &[u8], i: usize) -> bool {
    if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        return true;
    }
    let before = bytes[..i].iter().rev().find(|b| !b.is_ascii_whitespace());
    matches!(before, Some(b'=' | b'(' | b',' | b'<' | b'>'))
}

fn sqlc_macro(sql: &str, start: usize) -> Result<ParamUse, String> {
    let rest = &sql[start + 5..];
    let function_end = rest
        .find('(')
        .ok_or("`sqlc.` must be followed by arg(…) or narg(…)")?;
    let function = rest[..function_end].trim().to_ascii_lowercase();
    let nullable = match function.as_str() {
        "arg" => false,
        "narg" => true,
        other => return Err(format!("`sqlc.{other}` is not supported")),
    };
    let close = rest[function_end..]
        .find(')')
        .ok_or_else(|| format!("`sqlc.{function}(` is not closed"))?
        + function_end;
    let name = rest[function_end + 1..close]
        .trim()
        .trim_matches('\'')
        .trim_matches('"');
    if name.is_empty()
        || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        || name.starts_with(|c: char| c.is_ascii_digit())
    {
        return Err(format!("`{name}` is not a parameter name"));
    }
    Ok(ParamUse {
        name: name.to_string(),
        nullable,
        start,
        end: start + 5 + close + 1,
    })
}

fn identifier_end(bytes: &[u8], from: usize) -> usize {
    (from..bytes.len())
        .find(|&j| !(bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_'))
        .unwrap_or(bytes.len())
}

fn preceded_by_word(bytes: &[u8], i: usize) -> bool {
    i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_' || bytes[i - 1] == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: "queries/app.sql".into(),
            text: text.into(),
        }
    }

    /// sqlc's SQLite forms: `?` numbered one past the highest before it, `?NNN` as written,
    /// and the block-comment annotation; in a file PostgreSQL reads too, a `?` where a value
    /// goes is an error, and the jsonb operator `?` is left alone.
    #[test]
    fn sqlite_parameters_and_block_annotations() {
        let text = "/* name: Find :many */\nSELECT id FROM t WHERE a = ? AND b = ?3 AND c = ?;\n";
        let queries = parse_file_for(&file(text), true).expect("parses");
        assert_eq!(
            (queries[0].name.as_str(), queries[0].kind),
            ("Find", Kind::Many)
        );
        let names: Vec<&str> = queries[0].params.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["p1", "p3", "p4"]);
        let errors = parse_file_for(&file(text), false).expect_err("PostgreSQL reads it too");
        assert_eq!(
            errors[0].headline(),
            "queries/app.sql:2:28: error: `?` is SQLite's parameter; this query also serves PostgreSQL, where `?` is an operator"
        );
        assert_eq!(errors.len(), 3, "each `?` once: {errors:?}");
        let jsonb =
            "-- name: HasKey :many\nSELECT id FROM t WHERE data ? 'key' AND tags ?| ARRAY['a'];\n";
        assert!(parse_file_for(&file(jsonb), false).is_ok());
    }

    #[test]
    fn annotations_docs_and_parameters() {
        let text = "-- App queries.\n\n-- Finds a user.\n-- By email.\n-- name: GetUser :one\nSELECT id FROM users\nWHERE email = @email AND (sqlc.narg(tenant) IS NULL OR tenant = sqlc.narg(tenant));\n\n-- name: CountUsers :one\nSELECT count(*) AS n FROM users; -- trailing\n";
        let queries = parse_file(&file(text)).expect("parses");
        assert_eq!(queries.len(), 2);
        let q = &queries[0];
        assert_eq!((q.name.as_str(), q.kind), ("GetUser", Kind::One));
        assert_eq!(q.doc, vec!["Finds a user.", "By email."]);
        assert_eq!((q.name_line, q.name_column, q.sql_line), (5, 10, 6));
        let names: Vec<(&str, bool)> = q
            .params
            .iter()
            .map(|p| (p.name.as_str(), p.nullable))
            .collect();
        assert_eq!(
            names,
            [("email", false), ("tenant", true), ("tenant", true)]
        );
        let pg = q.rewrite(|n| format!("${n}"));
        assert_eq!(
            pg.text,
            "SELECT id FROM users\nWHERE email = $1 AND ($2 IS NULL OR tenant = $2)"
        );
        // `tenant` after `$2 IS NULL OR ` sits at column 37 of the rewritten line; originally 56.
        assert_eq!(pg.original_column(2, 37), 56);
        assert_eq!(pg.original_column(2, 7), 7);
        assert_eq!(queries[1].sql, "SELECT count(*) AS n FROM users");
        assert!(queries[1].doc.is_empty());
    }

    #[test]
    fn dollar_quotes_and_escaped_strings_hide_semicolons_and_parameters() {
        let text = "-- name: Q :many\nSELECT $$a;@no$$, E'it\\'s;@no', $tag$;$tag$ FROM t WHERE y = @yes;\n";
        let q = &parse_file(&file(text)).expect("one statement")[0];
        let names: Vec<&str> = q.params.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["yes"]);
    }

    #[test]
    fn strings_comments_and_operators_are_not_parameters() {
        let text = "-- name: Q :many\nSELECT '@no', \"@no\", a @> b, x::text -- @no\nFROM t WHERE y = $1 AND z = $2;\n";
        let q = &parse_file(&file(text)).expect("parses")[0];
        let names: Vec<&str> = q.params.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["p1", "p2"]);
    }

    #[test]
    fn annotation_mistakes_are_reported_with_their_position() {
        let text = "-- name: getUser :one\nSELECT 1;\n-- name: Other :some\nSELECT 2;\n-- name: Empty :exec\n\n-- name: Other2 :many\nSELECT sqlc.nargs(x);\n";
        let errors = parse_file(&file(text)).expect_err("fails");
        let headlines: Vec<String> = errors.iter().map(Diagnostic::headline).collect();
        assert_eq!(
            headlines,
            [
                "queries/app.sql:1:10: error: `getUser` is not a query name",
                "queries/app.sql:3:16: error: `:some` is not a query kind",
                "queries/app.sql:5:10: error: query `Empty` has no SQL",
                "queries/app.sql:8:8: error: `sqlc.nargs` is not supported",
            ]
        );
    }

    #[test]
    fn duplicate_names_and_orphan_sql_are_errors() {
        let text =
            "SELECT 0;\n-- name: A :exec\nDELETE FROM t;\n-- name: A :exec\nDELETE FROM u;\n";
        let errors = parse_file(&file(text)).expect_err("fails");
        let headlines: Vec<String> = errors.iter().map(Diagnostic::headline).collect();
        assert_eq!(
            headlines,
            [
                "queries/app.sql:1:1: error: SQL before the first `-- name:` annotation belongs to no query",
                "queries/app.sql:4:10: error: query `A` is defined twice",
            ]
        );
    }
}
