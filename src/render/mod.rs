//! DDL text from the schema model, through minijinja templates.
//!
//! Rust decides *what* is emitted and in which order (the context built here); the templates
//! under `templates/DIALECT/` decide *how it reads*. Identifier quoting and literal escaping
//! are the template filters `ident` and `literal`, and happen nowhere else.

mod templates;

use std::collections::BTreeMap;

use minijinja::{Environment, UndefinedBehavior, Value};

use crate::dialect;
use crate::resolved as context;
use crate::schema::{Dialect, Schema};

pub use templates::BUILTIN_TEMPLATES;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template `{name}` failed: {source:#}")]
    Template {
        name: String,
        #[source]
        source: minijinja::Error,
    },
    #[error("no template for migration step `{name}` on {dialect}: define `{{% macro {name}(s) %}}` in {dialect}/migration.sql.j2")]
    MissingMacro {
        dialect: &'static str,
        name: &'static str,
    },
}

/// Template texts by name (`postgres/schema.sql.j2`): the built-in set, with a project's
/// overrides on top.
#[derive(Debug, Clone)]
pub struct Templates {
    sources: BTreeMap<String, String>,
}

impl Default for Templates {
    fn default() -> Self {
        Templates {
            sources: BUILTIN_TEMPLATES
                .iter()
                .map(|(name, text)| (name.to_string(), text.to_string()))
                .collect(),
        }
    }
}

impl Templates {
    /// Replaces or adds templates, e.g. a project's `templates/` folder.
    pub fn with_overrides(mut self, overrides: impl IntoIterator<Item = (String, String)>) -> Self {
        self.sources.extend(overrides);
        self
    }

    /// The first template named `file` in the dialect's folders.
    fn resolve(&self, dirs: &[&str], file: &str) -> Option<String> {
        dirs.iter()
            .map(|dir| format!("{dir}/{file}"))
            .find(|name| self.sources.contains_key(name))
    }
}

/// Renders the full DDL of `schema` for `dialect`.
pub fn render(
    schema: &Schema,
    dialect: Dialect,
    templates: &Templates,
) -> Result<String, RenderError> {
    let spec = dialect::spec(dialect);
    let env = environment(templates, spec.template_dirs(), spec.reserved_words());
    let main = templates
        .resolve(spec.template_dirs(), "schema.sql.j2")
        .unwrap_or_else(|| format!("{}/schema.sql.j2", dialect.name()));
    let context = context::build(schema, spec);
    let template = env
        .get_template(&main)
        .map_err(|source| RenderError::Template {
            name: main.clone(),
            source,
        })?;
    let text = template
        .render(Value::from_serialize(&context))
        .map_err(|source| RenderError::Template { name: main, source })?;
    Ok(tidy_sql(&text))
}

/// Renders migration steps for `dialect`: each step through the macro of its kind in the
/// dialect's `migration.sql.j2` (a dialect's own file first, then its fallback's).
pub fn render_steps(
    steps: &[crate::diff::Step],
    dialect: Dialect,
    templates: &Templates,
) -> Result<String, RenderError> {
    let mut out = String::new();
    for step in steps {
        let text = call_migration_macro(step.macro_name(), step, dialect, templates)?;
        if !text.trim().is_empty() {
            out.push_str(text.trim_matches('\n'));
            out.push_str("\n\n");
        }
    }
    Ok(tidy_sql(&out))
}

/// Calls one macro of the dialect's `migration.sql.j2` (its own file first, then its
/// fallback's) with `argument`: the script header and the irreversible-down body.
pub fn render_migration_macro(
    macro_name: &'static str,
    argument: &impl serde::Serialize,
    dialect: Dialect,
    templates: &Templates,
) -> Result<String, RenderError> {
    call_migration_macro(macro_name, argument, dialect, templates).map(|text| tidy_sql(&text))
}

/// The one place migration macros are looked up and called.
fn call_migration_macro(
    macro_name: &'static str,
    argument: &impl serde::Serialize,
    dialect: Dialect,
    templates: &Templates,
) -> Result<String, RenderError> {
    let spec = dialect::spec(dialect);
    let env = environment(templates, spec.template_dirs(), spec.reserved_words());
    for dir in spec.template_dirs() {
        let name = format!("{dir}/migration.sql.j2");
        if !templates.sources.contains_key(&name) {
            continue;
        }
        let template_error = |source| RenderError::Template {
            name: name.clone(),
            source,
        };
        let captured = env
            .get_template(&name)
            .and_then(|template| template.render_captured(()))
            .map_err(template_error)?;
        if captured.state().lookup(macro_name).is_none() {
            continue;
        }
        return captured
            .state()
            .call_macro(macro_name, &[Value::from_serialize(argument)])
            .map_err(|source| RenderError::Template {
                name: format!("{name} ({macro_name})"),
                source,
            });
    }
    Err(RenderError::MissingMacro {
        dialect: dialect.name(),
        name: macro_name,
    })
}

/// Renders a Rust (or Cargo) template of the generated crate, or a file `dbtool init` writes. Besides minijinja's builtins,
/// templates get the filter `raw_string` (a raw string literal with enough `#`s) and the
/// function `fits(text, indent)`: whether a line fits rustfmt's 100 columns, so that templates
/// lay code out the way rustfmt would and the output is rustfmt-clean without running it.
pub fn render_rust(
    name: &str,
    context: impl serde::Serialize,
    templates: &Templates,
) -> Result<String, RenderError> {
    let mut env = text_environment(templates, &["rust/", "init/"]);
    env.add_filter("raw_string", |text: String| raw_string(&text));
    // A Rust string literal with Rust's escapes (`tojson` writes `\u0027`, which Rust rejects).
    env.add_filter("rust_string", |text: String| format!("{text:?}"));
    env.add_function("fits", |text: String, indent: usize| {
        indent + text.chars().count() <= RUSTFMT_MAX_WIDTH
    });
    render_template(&env, name, context).map(|text| tidy(&text))
}

/// Renders a YAML template (`yaml/…`: what `dbtool pull` writes). Besides minijinja's
/// builtins, templates get the filters `yaml` (a scalar, quoted only when YAML needs it) and
/// `yaml_flow` (the same inside `[…]` or `{…}`, where `,` and brackets need quotes too).
pub fn render_yaml(
    name: &str,
    context: impl serde::Serialize,
    templates: &Templates,
) -> Result<String, RenderError> {
    let mut env = text_environment(templates, &["yaml/"]);
    env.add_filter("yaml", |text: String| yaml_scalar(&text, false));
    env.add_filter("yaml_flow", |text: String| yaml_scalar(&text, true));
    // Not `tidy`: block scalars (view bodies, raw statements) are written exactly as read.
    let text = render_template(&env, name, context)?;
    Ok(format!("{}\n", text.trim_end_matches('\n')))
}

/// An environment of the templates under `folders`, for text that is not SQL: strict about
/// undefined values, block tags on lines of their own, no automatic escaping (minijinja would
/// JSON-escape every value of a `.yaml` template; the filters quote instead).
fn text_environment<'a>(templates: &'a Templates, folders: &[&str]) -> Environment<'a> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    for (template, text) in &templates.sources {
        if folders.iter().any(|folder| template.starts_with(folder)) {
            let _ = env.add_template(template, text);
        }
    }
    env
}

fn render_template(
    env: &Environment<'_>,
    name: &str,
    context: impl serde::Serialize,
) -> Result<String, RenderError> {
    let failed = |source| RenderError::Template {
        name: name.to_string(),
        source,
    };
    let template = env.get_template(name).map_err(failed)?;
    template
        .render(Value::from_serialize(&context))
        .map_err(failed)
}

/// `text` as a YAML scalar: plain when YAML reads it back as the same string, else
/// double-quoted (JSON's escapes are YAML's).
fn yaml_scalar(text: &str, flow: bool) -> String {
    let special_start = text.starts_with([
        '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@',
        '`', ' ',
    ]);
    let keyword = matches!(
        text.to_ascii_lowercase().as_str(),
        "true" | "false" | "null" | "~" | "yes" | "no" | "on" | "off" | "y" | "n"
    );
    let plain = !text.is_empty()
        && !special_start
        && !keyword
        && text.trim_end() == text
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && !text.contains(['\n', '\t', '\r'])
        && text.parse::<f64>().is_err()
        && !(flow && text.contains([',', '[', ']', '{', '}', ':', '#', '\'', '"']));
    if plain {
        text.to_string()
    } else {
        serde_json::Value::from(text).to_string()
    }
}

/// rustfmt's default `max_width`.
const RUSTFMT_MAX_WIDTH: usize = 100;

/// `r#"text"#`, with as many `#` as the text needs.
fn raw_string(text: &str) -> String {
    // Rust refuses a carriage return in a raw string ("bare CR not allowed"): escape it.
    if text.contains('\r') {
        return format!("{text:?}");
    }
    let mut hashes = 1;
    while text.contains(&format!("\"{}", "#".repeat(hashes))) {
        hashes += 1;
    }
    let fence = "#".repeat(hashes);
    format!("r{fence}\"{text}\"{fence}")
}

fn environment<'a>(
    templates: &'a Templates,
    dirs: &'static [&'static str],
    reserved: &'static [&'static str],
) -> Environment<'a> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    for (name, text) in &templates.sources {
        // Names are unique and the texts compile lazily; an error surfaces at render time.
        let _ = env.add_template(name, text);
    }
    // `{% import "macros.sql.j2" %}` finds the dialect's own file first, then its fallback.
    let lookup = templates.clone();
    env.set_path_join_callback(move |name, _parent| {
        if name.contains('/') {
            return name.to_string().into();
        }
        lookup
            .resolve(dirs, name)
            .unwrap_or_else(|| name.to_string())
            .into()
    });
    env.add_filter("ident", move |name: String| quote_ident(&name, reserved));
    env.add_filter("idents", move |names: Vec<String>| {
        names
            .iter()
            .map(|n| quote_ident(n, reserved))
            .collect::<Vec<_>>()
            .join(", ")
    });
    env.add_filter("literal", |text: String| quote_literal(&text));
    env.add_filter("comment", |text: String| line_comment_text(&text));
    env
}

/// Text that follows `-- ` in SQL: every line break (`\n`, `\r\n`, and a lone `\r`, which
/// ends a comment on PostgreSQL) starts a new `-- ` line, so no text can leave the comment.
fn line_comment_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\n-- ")
}

fn quote_ident(name: &str, reserved: &[&str]) -> String {
    dialect::quote_with(name, reserved)
}

fn quote_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// [`tidy`] for SQL: a line break inside a string literal, a quoted identifier or a dollar
/// quote is data (a multi-line comment or default), so the text around it is kept byte for
/// byte, carriage returns included.
fn tidy_sql(text: &str) -> String {
    let quoted = quoted_ranges(text);
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    let mut start = 0;
    let mut ranges = quoted.iter().peekable();
    for (index, line) in text.split('\n').enumerate() {
        let end = start + line.len();
        while ranges.next_if(|(_, range_end)| *range_end <= end).is_some() {}
        let break_is_data = ranges
            .peek()
            .is_some_and(|(range_start, range_end)| *range_start < end && end < *range_end);
        start = end + 1;
        if break_is_data {
            out.push_str(line);
            out.push('\n');
            blank_run = 0;
            continue;
        }
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() || index == 0 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if !text.trim().is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Byte ranges of `text` inside quotes (`'…'`, `E'…'`, `"…"`, `$tag$…$tag$`), comments skipped.
fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < text.len() {
        match crate::lexical::skip_at(text, i) {
            Some((end, skipped)) => {
                if skipped == crate::lexical::Skipped::Quoted {
                    ranges.push((i, end));
                }
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    ranges
}

/// Trailing spaces off every line, at most one blank line in a row, one final newline.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_text_cannot_leave_its_comment() {
        assert_eq!(line_comment_text("plain"), "plain");
        assert_eq!(
            line_comment_text("Tags\nDROP TABLE authors;"),
            "Tags\n-- DROP TABLE authors;"
        );
        assert_eq!(line_comment_text("a\r\nb\rc"), "a\n-- b\n-- c");
    }

    #[test]
    fn literals_double_their_quotes() {
        assert_eq!(quote_literal("it's"), "'it''s'");
    }

    #[test]
    fn identifiers_are_quoted_only_when_needed() {
        let reserved = dialect::spec(Dialect::Postgres).reserved_words();
        assert_eq!(quote_ident("createdAt", reserved), "\"createdAt\"");
        assert_eq!(quote_ident("user", reserved), "\"user\"");
        assert_eq!(quote_ident("model_id", reserved), "model_id");
        assert_eq!(quote_ident("we\"ird", reserved), "\"we\"\"ird\"");
    }

    #[test]
    fn yaml_scalars_are_quoted_only_when_needed() {
        assert_eq!(yaml_scalar("bigint not null", false), "bigint not null");
        assert_eq!(yaml_scalar("numeric(10,2)", false), "numeric(10,2)");
        assert_eq!(yaml_scalar("numeric(10,2)", true), "\"numeric(10,2)\"");
        assert_eq!(
            yaml_scalar("text default 'a: b'", false),
            "\"text default 'a: b'\""
        );
        assert_eq!(yaml_scalar("yes", false), "\"yes\"");
        assert_eq!(yaml_scalar("1.5", false), "\"1.5\"");
        assert_eq!(yaml_scalar("'quoted'", false), "\"'quoted'\"");
        assert_eq!(yaml_scalar("a\"b\nc", false), "\"a\\\"b\\nc\"");
    }

    #[test]
    fn tidy_sql_keeps_the_inside_of_literals() {
        assert_eq!(
            tidy_sql("\n\nCOMMENT ON TABLE t IS 'a   \n\n\nb\r\nc';   \n\n\nSELECT 1;  \n"),
            "COMMENT ON TABLE t IS 'a   \n\n\nb\r\nc';\n\nSELECT 1;\n"
        );
        assert_eq!(tidy_sql("\n\na  \n\n\n\nb\n\n"), "a\n\nb\n");
    }

    #[test]
    fn tidy_collapses_blank_lines() {
        assert_eq!(tidy("\n\na  \n\n\n\nb\n\n"), "a\n\nb\n");
    }
}
