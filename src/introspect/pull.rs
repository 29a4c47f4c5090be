//! `dbtool pull`: a live PostgreSQL database's `public` schema read into a plain description of
//! what the schema language can say about it ([`Pulled`]), for the `yaml/schema.yaml.j2`
//! template to write as schema YAML. The mapping from PostgreSQL's spelling to the schema
//! language's (types, defaults, constraint names) is pure and unit-tested here; reading the
//! catalogs is the IO edge.
//!
//! What the schema language cannot say is carried, not dropped: a type with no portable name
//! becomes a per-dialect type, a default with no portable form a per-dialect default, a
//! function or trigger a raw PostgreSQL statement; each comes with a note for the user.

use serde::Serialize;

/// What `pull` found, ready for the template.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Pulled {
    /// The database it came from, password hidden.
    pub source: String,
    /// Read from SQLite (raw types, defaults and statements are SQLite's), not PostgreSQL.
    pub from_sqlite: bool,
    pub extensions: Vec<String>,
    pub enums: Vec<PulledEnum>,
    pub tables: Vec<PulledTable>,
    pub views: Vec<PulledView>,
    pub materialized_views: Vec<PulledView>,
    /// Statements the schema language has no construct for (functions, triggers), verbatim.
    pub raw: Vec<PulledRaw>,
    /// What the user should look at: approximations and per-dialect gaps.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PulledRaw {
    pub sql: String,
    /// Created before the tables: a function whose body the engine does not check at creation
    /// (plpgsql), which a default, check or index may call.
    pub before_tables: bool,
}

impl PulledRaw {
    pub fn after_tables(sql: String) -> PulledRaw {
        PulledRaw {
            sql,
            before_tables: false,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PulledEnum {
    pub name: String,
    pub values: Vec<String>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PulledTable {
    pub name: String,
    pub comment: Option<String>,
    pub columns: Vec<PulledColumn>,
    /// A composite primary key (a single-column one is on its column).
    pub primary_key: Vec<String>,
    pub unique: Vec<NamedColumns>,
    /// Check constraints by name.
    pub checks: Vec<(String, String)>,
    pub foreign_keys: Vec<PulledForeignKey>,
    pub indexes: Vec<PulledIndex>,
    /// SQLite's `WITHOUT ROWID` and `STRICT`.
    pub sqlite_without_rowid: bool,
    pub sqlite_strict: bool,
    pub sqlite_autoincrement: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PulledColumn {
    pub name: String,
    /// A schema-language type (`varchar(255)`, `text[]`, an enum), or `None` with `raw_type`.
    pub ty: Option<String>,
    /// PostgreSQL's own spelling, for a type with no portable name.
    pub raw_type: Option<String>,
    pub not_null: bool,
    pub primary_key: bool,
    pub unique: bool,
    pub identity: bool,
    /// How an identity column is numbered: `""` (by default), `"always"` or `"serial"`.
    pub numbering: &'static str,
    /// SQLite's declared type, kept where dbtool's storage of `ty` would differ from it.
    pub sqlite_type: Option<String>,
    /// A single-column foreign key with the conventional name.
    pub references: Option<ColumnReference>,
    /// A portable default (`now()`, `'active'`, `0`), or `None` with `raw_default`.
    pub default: Option<String>,
    /// PostgreSQL's own expression, for a default with no portable form.
    pub raw_default: Option<String>,
    pub generated: Option<String>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ColumnReference {
    /// `TABLE.COLUMN`.
    pub target: String,
    pub on_delete: Option<String>,
    pub on_update: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NamedColumns {
    /// `None` when it is the name dbtool would give it.
    pub name: Option<String>,
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PulledForeignKey {
    pub name: Option<String>,
    pub columns: Vec<String>,
    /// `TABLE(COL, …)`.
    pub references: String,
    pub on_delete: Option<String>,
    pub on_update: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PulledIndex {
    pub name: String,
    /// Plain columns as names, expressions as `{ expr: … }`, each with its order.
    pub columns: Vec<IndexColumn>,
    pub unique: bool,
    /// `None` for btree, the default.
    pub method: Option<String>,
    #[serde(rename = "where")]
    pub where_: Option<String>,
    pub include: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndexColumn {
    pub column: Option<String>,
    pub expr: Option<String>,
    pub desc: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PulledView {
    pub name: String,
    pub sql: String,
    pub comment: Option<String>,
    pub indexes: Vec<PulledIndex>,
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL's spelling to the schema language's (pure).

pub use crate::dialect::postgres::portable_type;

/// Whether the portable default `default` is one validation takes for a column of the portable
/// type `ty` (the same rule, [`crate::schema::default_needs`]): pull writes a portable default
/// only then, and the engine's own spelling otherwise.
pub fn default_fits(default: &str, ty: Option<&str>) -> bool {
    let Some(ty) = ty else {
        return false;
    };
    match (
        crate::schema::syntax::parse_default(default),
        crate::schema::syntax::parse_type(ty),
    ) {
        (Ok(value), Ok(ty)) => crate::schema::default_needs(&value, &ty).is_none(),
        _ => false,
    }
}

/// The portable form of a column default PostgreSQL spells `expr` (`pg_get_expr`), if any:
/// `now()`, `uuid()`, `current_date`, `[]`, a number, `true`/`false`, or a quoted string with
/// its cast to the column's own type dropped.
pub fn portable_default(expr: &str) -> Option<String> {
    let expr = expr.trim();
    match expr {
        "now()" => return Some("now()".into()),
        "CURRENT_TIMESTAMP" => return Some("current_timestamp".into()),
        "CURRENT_DATE" => return Some("current_date".into()),
        "gen_random_uuid()" => return Some("uuid()".into()),
        "true" | "false" => return Some(expr.into()),
        _ => {}
    }
    // `(-1)`, `'-1'::integer` and `'-1.5'::numeric` are how PostgreSQL keeps negative and
    // typed numeric literals.
    let unparenthesized = expr
        .strip_prefix('(')
        .and_then(|e| e.strip_suffix(')'))
        .unwrap_or(expr);
    if is_number(unparenthesized) {
        return Some(unparenthesized.to_string());
    }
    let (literal, cast) = split_cast(expr)?;
    if literal == "'{}'" && expr.ends_with("[]") {
        return Some("[]".into());
    }
    if let Some(inner) = literal
        .strip_prefix('\'')
        .and_then(|l| l.strip_suffix('\''))
    {
        let numeric_cast = matches!(
            cast,
            "smallint" | "integer" | "bigint" | "real" | "double precision" | "numeric"
        );
        if is_number(inner) && numeric_cast {
            return Some(inner.to_string());
        }
        return Some(literal.to_string());
    }
    None
}

/// `'text'::type` → (`'text'`, `type`); `None` unless `expr` is one quoted literal and a cast.
fn split_cast(expr: &str) -> Option<(&str, &str)> {
    if !expr.starts_with('\'') {
        return None;
    }
    let bytes = expr.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        if bytes[i] == b'\'' {
            if bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            let rest = &expr[i + 1..];
            return match rest.strip_prefix("::") {
                Some(cast) if is_type_name(cast) => Some((&expr[..=i], cast)),
                Some(_) => None,
                None if rest.is_empty() => Some((expr, "")),
                None => None,
            };
        }
        i += 1;
    }
    None
}

/// `character varying`, `"Mood"`, `text[]`, `numeric(10,2)`: a type, not more expression.
fn is_type_name(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == '"')
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " _\".()[],".contains(c))
}

pub fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|c| *c == '.').count() <= 1
        && !digits.starts_with('.')
        && !digits.ends_with('.')
}

/// PostgreSQL's `confdeltype`/`confupdtype` letter as the schema language's action; `None`
/// for the default, `no action`.
pub fn referential_action(code: &str) -> Option<&'static str> {
    match code {
        "c" => Some("cascade"),
        "r" => Some("restrict"),
        "n" => Some("set null"),
        "d" => Some("set default"),
        _ => None,
    }
}

/// The body of `CHECK (…)` as `pg_get_constraintdef` writes it.
pub fn check_expression(definition: &str) -> String {
    let definition = &restore_in_lists(definition);
    let body = definition
        .strip_prefix("CHECK ")
        .unwrap_or(definition)
        .trim();
    let body = body.strip_suffix(" NOT VALID").unwrap_or(body);
    match body.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
        Some(inner) if balanced(inner) => inner.to_string(),
        _ => body.to_string(),
    }
}

/// PostgreSQL keeps `status IN ('a', 'b')` on a varchar column as `(status)::text = ANY
/// ((ARRAY['a'::character varying, 'b'::character varying])::text[])`, and that text, created
/// again, is kept differently (`ARRAY[('a'::character varying)::text, …]`): a pulled check
/// would never compare equal. Written back as the `IN` list it was, it is kept as the source's.
/// (`<> ALL` is `NOT IN`.) Anything else is left as it is.
pub fn restore_in_lists(expr: &str) -> String {
    let mut out = String::new();
    let mut rest = expr;
    loop {
        let found = [(" = ANY ((ARRAY[", "IN"), (" <> ALL ((ARRAY[", "NOT IN")]
            .iter()
            .filter_map(|(marker, op)| rest.find(marker).map(|at| (at, *marker, *op)))
            .min_by_key(|(at, _, _)| *at);
        let Some((at, marker, op)) = found else {
            out.push_str(rest);
            return out;
        };
        let before = &rest[..at];
        let after = &rest[at + marker.len()..];
        match (cast_operand(before), varchar_items(after)) {
            (Some(operand_at), Some((items, used))) => {
                let operand = &before[operand_at..];
                let name = &operand[1..operand.len() - ")::text".len()];
                out.push_str(&before[..operand_at]);
                out.push_str(&format!("{name} {op} ({})", items.join(", ")));
                rest = &after[used..];
            }
            _ => {
                out.push_str(&rest[..at + marker.len()]);
                rest = after;
            }
        }
    }
}

/// Where `(name)::text` starts at the end of `text`: a column, plain or quoted.
fn cast_operand(text: &str) -> Option<usize> {
    let inner = text.strip_suffix(")::text")?;
    let open = inner.rfind('(')?;
    let name = &inner[open + 1..];
    let plain = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    let quoted = name.len() >= 2 && name.starts_with('"') && name.ends_with('"');
    (plain || quoted).then_some(open)
}

/// `'a'::character varying, 'b'::character varying])::text[])`: the literals, and how many
/// bytes they took.
fn varchar_items(text: &str) -> Option<(Vec<String>, usize)> {
    let mut items = Vec::new();
    let mut at = 0;
    loop {
        let rest = &text[at..];
        let literal_len = string_literal_len(rest)?;
        items.push(rest[..literal_len].to_string());
        let rest = rest[literal_len..].strip_prefix("::character varying")?;
        if let Some(more) = rest.strip_prefix(", ") {
            at = text.len() - more.len();
            continue;
        }
        let end = rest.strip_prefix("])::text[])")?;
        return Some((items, text.len() - end.len()));
    }
}

/// The length of the SQL string literal `text` starts with (`'it''s'`).
fn string_literal_len(text: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    if chars.next()?.1 != '\'' {
        return None;
    }
    let mut pending_quote = false;
    for (i, c) in chars {
        match (pending_quote, c) {
            (true, '\'') => pending_quote = false,
            (true, _) => return Some(i),
            (false, '\'') => pending_quote = true,
            _ => {}
        }
    }
    pending_quote.then_some(text.len())
}

/// Whether every `(` in `text` (outside quotes) is closed in order.
fn balanced(text: &str) -> bool {
    let mut depth = 0i32;
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '\'' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// A view's body as `pg_get_viewdef` writes it, without the leading space and final `;`.
pub fn view_body(definition: &str) -> String {
    let lines: Vec<&str> = definition.trim().trim_end_matches(';').lines().collect();
    lines
        .iter()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

/// An index column whose name is not a plain word (`created at`) cannot be written in the
/// short `[a, b desc]` list: it becomes the expression of the quoted name, which the engines
/// index as the column itself.
pub fn quote_awkward_index_columns(pulled: &mut Pulled) {
    let indexes = pulled
        .tables
        .iter_mut()
        .flat_map(|t| t.indexes.iter_mut())
        .chain(
            pulled
                .materialized_views
                .iter_mut()
                .flat_map(|v| v.indexes.iter_mut()),
        );
    for index in indexes {
        for part in &mut index.columns {
            let awkward = part
                .column
                .as_deref()
                .is_some_and(|c| !c.chars().all(|ch| ch.is_alphanumeric() || ch == '_'));
            if awkward {
                let name = part.column.take().unwrap_or_default();
                part.expr = Some(format!("\"{}\"", name.replace('"', "\"\"")));
            }
        }
    }
}

/// The schema YAML of `pulled` for a project of `dialects`, through `yaml/schema.yaml.j2`.
pub fn to_yaml(
    pulled: &Pulled,
    dialects: &[crate::schema::Dialect],
    templates: &crate::render::Templates,
) -> Result<String, crate::render::RenderError> {
    use crate::schema::Dialect;
    let mut pulled = pulled.clone();
    quote_awkward_index_columns(&mut pulled);
    let pulled = &pulled;
    // PostgreSQL's own spellings (raw types and defaults, functions) are the `postgres` entry,
    // which TimescaleDB falls back to; `timescaledb` only for a project without `postgres`.
    let postgres = if dialects == [Dialect::Timescaledb]
        || (dialects.contains(&Dialect::Timescaledb) && !dialects.contains(&Dialect::Postgres))
    {
        Dialect::Timescaledb.name()
    } else {
        Dialect::Postgres.name()
    };
    let any_postgres = dialects.iter().any(|d| d.runs_on_postgres());
    // The source's own spellings (raw types, defaults, statements) go under its dialect; a
    // per-dialect type also names the project's other engine, with a guess to check.
    let (source, other) = if pulled.from_sqlite {
        (Dialect::Sqlite.name(), any_postgres.then_some(postgres))
    } else {
        (
            postgres,
            dialects
                .contains(&Dialect::Sqlite)
                .then_some(Dialect::Sqlite.name()),
        )
    };
    let context = serde_json::json!({
        "pulled": pulled,
        "source_dialect": source,
        "other_dialect": other,
    });
    crate::render::render_yaml("yaml/schema.yaml.j2", context, templates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_types_become_portable_names() {
        let enums = vec!["role".to_string()];
        let cases = [
            ("boolean", Some("bool")),
            ("integer", Some("int")),
            ("double precision", Some("double")),
            ("numeric(10,2)", Some("numeric(10,2)")),
            ("character varying(255)", Some("varchar(255)")),
            ("character varying", None),
            ("character(2)", Some("char(2)")),
            ("timestamp with time zone", Some("timestamptz")),
            ("timestamp without time zone", Some("timestamp")),
            ("text[]", Some("text[]")),
            ("role", Some("role")),
            ("role[]", Some("role[]")),
            ("tsvector", None),
            ("timestamp(3) with time zone", None),
            ("vector(1536)", None),
        ];
        for (formatted, expected) in cases {
            assert_eq!(
                portable_type(formatted, &enums).as_deref(),
                expected,
                "{formatted}"
            );
        }
    }

    #[test]
    fn postgres_defaults_become_portable_ones_where_they_can() {
        let cases = [
            ("now()", Some("now()")),
            ("CURRENT_TIMESTAMP", Some("current_timestamp")),
            ("gen_random_uuid()", Some("uuid()")),
            ("0", Some("0")),
            ("(-1)", Some("-1")),
            ("'2.50'::numeric", Some("2.50")),
            ("'-1'::integer", Some("-1")),
            ("'0'::bigint", Some("0")),
            ("'42'::text", Some("'42'")),
            ("true", Some("true")),
            ("'active'::conversation_status", Some("'active'")),
            ("'it''s'::text", Some("'it''s'")),
            ("'{}'::jsonb", Some("'{}'")),
            ("'{}'::text[]", Some("[]")),
            ("(now() + '1 day'::interval)", None),
            ("nextval('users_id_seq'::regclass)", None),
            ("'a'::text || 'b'::text", None),
        ];
        for (expr, expected) in cases {
            assert_eq!(portable_default(expr).as_deref(), expected, "{expr}");
        }
    }

    #[test]
    fn check_bodies_lose_only_their_outer_parentheses() {
        assert_eq!(
            check_expression("CHECK ((value >= 0) AND (value <= 5))"),
            "(value >= 0) AND (value <= 5)"
        );
        assert_eq!(
            check_expression("CHECK (length(email) > 0)"),
            "length(email) > 0"
        );
        assert_eq!(check_expression("CHECK ((a > 0)) NOT VALID"), "(a > 0)");
    }
}

#[cfg(test)]
mod in_list_tests {
    use super::restore_in_lists;

    #[test]
    fn varchar_in_lists_are_written_back_as_in_lists() {
        assert_eq!(
            restore_in_lists("CHECK (((status)::text = ANY ((ARRAY['cart'::character varying, 'it''s'::character varying])::text[])))"),
            "CHECK ((status IN ('cart', 'it''s')))"
        );
        assert_eq!(
            restore_in_lists("((\"Kind\")::text <> ALL ((ARRAY['x'::character varying])::text[]))"),
            "(\"Kind\" NOT IN ('x'))"
        );
        // Anything else stays as PostgreSQL wrote it.
        for kept in [
            "(status = ANY (ARRAY['a'::text, 'b'::text]))",
            "((a + b)::text = ANY ((ARRAY['1'::character varying])::text[]))",
        ] {
            assert_eq!(restore_in_lists(kept), kept);
        }
    }
}
