//! SQLite's spellings in the schema language, for `dbtool pull` (pure; the engine reads the
//! database, `engine::sqlite`): defaults, referential actions, view bodies, and foreign keys
//! whose column types must agree.
//!
//! SQLite keeps a column's declared type as free text (`VARCHAR(255)`, `DATETIME`, `BOOLEAN`);
//! it is read the way the schema language reads a type, with the usual aliases, and a type no
//! rule covers becomes a per-dialect type with a note. CHECK constraints live only in the
//! `CREATE TABLE` text and are not read (a note says so).

use super::pull::Pulled;

pub use crate::dialect::sqlite::portable_sqlite_type;

/// The portable form of a default SQLite keeps as `written`, if any.
pub fn portable_sqlite_default(written: &str) -> Option<String> {
    let text = written.trim();
    let unparenthesized = text
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(text);
    match unparenthesized.to_ascii_lowercase().as_str() {
        "current_timestamp" => return Some("current_timestamp".into()),
        "current_date" => return Some("current_date".into()),
        "true" | "false" => return Some(unparenthesized.to_ascii_lowercase()),
        // The defaults dbtool itself writes for `now()` on SQLite.
        "strftime('%y-%m-%dt%h:%m:%fz', 'now')" | "strftime('%y-%m-%dt%h:%m:%f', 'now')" => {
            return Some("now()".into())
        }
        _ => {}
    }
    if super::pull::is_number(unparenthesized) {
        return Some(unparenthesized.to_string());
    }
    let quoted = unparenthesized.len() >= 2
        && unparenthesized.starts_with('\'')
        && unparenthesized.ends_with('\'')
        && !unparenthesized[1..unparenthesized.len() - 1]
            .replace("''", "")
            .contains('\'');
    quoted.then(|| unparenthesized.to_string())
}

pub use super::pull::default_fits;

/// SQLite's spelling of a referential action as the schema language's; `None` for the default.
pub fn action(written: &str) -> Option<String> {
    match written.to_ascii_uppercase().as_str() {
        "CASCADE" => Some("cascade".into()),
        "RESTRICT" => Some("restrict".into()),
        "SET NULL" => Some("set null".into()),
        "SET DEFAULT" => Some("set default".into()),
        _ => None,
    }
}

/// The body of `CREATE [TEMP] VIEW [IF NOT EXISTS] name AS body`; `None` for any other shape
/// (a column list, which the schema language cannot say, keeps the statement raw).
pub fn view_body(sql: &str) -> Option<String> {
    let mut rest = sql.trim_start();
    for word in ["CREATE", "TEMP", "TEMPORARY", "VIEW", "IF", "NOT", "EXISTS"] {
        let head = rest.get(..word.len())?;
        let boundary = rest[word.len()..].starts_with(char::is_whitespace);
        if head.eq_ignore_ascii_case(word) && boundary {
            rest = rest[word.len()..].trim_start();
        }
    }
    // The name: quoted ("…", `…`, […]) or a plain word.
    let close = match rest.chars().next()? {
        '"' => Some('"'),
        '`' => Some('`'),
        '[' => Some(']'),
        _ => None,
    };
    let after_name = match close {
        Some(close) => 1 + rest[1..].find(close)? + 1,
        None => rest.find(|c: char| c.is_whitespace() || c == '(')?,
    };
    let rest = rest[after_name..].trim_start();
    let body = rest
        .get(..2)
        .filter(|head| head.eq_ignore_ascii_case("AS"))
        .map(|_| rest[2..].trim())?;
    let body = body.trim_end_matches(';').trim();
    (!body.is_empty()).then(|| body.to_string())
}

/// A foreign-key column declared `INT` (or with no type) that references an `INTEGER` key
/// holds the same 64-bit values: it takes the key's type, so the two agree.
pub fn align_foreign_key_types(pulled: &mut Pulled) {
    let mut changes = Vec::new();
    for (t, table) in pulled.tables.iter().enumerate() {
        for (c, column) in table.columns.iter().enumerate() {
            let Some(reference) = &column.references else {
                continue;
            };
            let Some((target_table, target_column)) = reference.target.split_once('.') else {
                continue;
            };
            let target_type = pulled
                .tables
                .iter()
                .find(|x| x.name == target_table)
                .and_then(|x| x.columns.iter().find(|y| y.name == target_column))
                .and_then(|y| y.ty.clone());
            let integers = ["smallint", "int", "bigint"];
            let aligns = match (&column.ty, &target_type) {
                (Some(have), Some(want)) => {
                    have != want
                        && integers.contains(&have.as_str())
                        && integers.contains(&want.as_str())
                }
                (None, Some(_)) => column.raw_type.as_deref() == Some("BLOB"),
                _ => false,
            };
            if let (true, Some(want)) = (aligns, target_type) {
                changes.push((t, c, want, format!("{}.{}", table.name, column.name)));
            }
        }
    }
    for (t, c, want, at) in changes {
        let column = &mut pulled.tables[t].columns[c];
        column.ty = Some(want.clone());
        column.raw_type = None;
        pulled.notes.push(format!(
            "`{at}` takes the type of the key it references ({want}), so the two agree"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_types_become_portable_names() {
        let cases = [
            ("INTEGER", Some("bigint")),
            ("INT", Some("int")),
            ("BIGINT", Some("bigint")),
            ("VARCHAR(255)", Some("varchar(255)")),
            ("NVARCHAR(20)", Some("varchar(20)")),
            ("BOOLEAN", Some("bool")),
            ("FLOAT", Some("double")),
            ("DATETIME", Some("timestamp")),
            ("JSON", Some("json")),
            ("BLOB", Some("bytes")),
            ("NUMERIC(10, 2)", Some("numeric(10,2)")),
            ("TEXT", Some("text")),
            ("VARCHAR", Some("text")),
            ("GEOMETRY", None),
            ("", None),
        ];
        for (declared, expected) in cases {
            assert_eq!(
                portable_sqlite_type(declared).as_deref(),
                expected,
                "{declared}"
            );
        }
    }

    #[test]
    fn sqlite_defaults_become_portable_ones_where_they_can() {
        let cases = [
            ("CURRENT_TIMESTAMP", Some("current_timestamp")),
            ("(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))", Some("now()")),
            ("0", Some("0")),
            ("-1.5", Some("-1.5")),
            ("'it''s'", Some("'it''s'")),
            ("TRUE", Some("true")),
            ("(random())", None),
            ("'a' || 'b'", None),
        ];
        for (written, expected) in cases {
            assert_eq!(
                portable_sqlite_default(written).as_deref(),
                expected,
                "{written}"
            );
        }
    }

    #[test]
    fn portable_defaults_must_suit_the_column() {
        assert!(default_fits("now()", Some("timestamp")));
        assert!(!default_fits("now()", Some("text")));
        assert!(default_fits("0", Some("bigint")));
        assert!(!default_fits("0", Some("text")));
        assert!(!default_fits("true", Some("bigint")));
        assert!(default_fits("'x'", Some("varchar(3)")));
        assert!(!default_fits("0", None));
    }

    #[test]
    fn view_bodies_start_after_as() {
        assert_eq!(
            view_body("CREATE VIEW v AS\nSELECT a AS b FROM t;").as_deref(),
            Some("SELECT a AS b FROM t")
        );
        assert_eq!(view_body("CREATE VIEW \"last\" (x) AS SELECT 1"), None);
        assert_eq!(
            view_body("CREATE VIEW \"as of now\" AS(SELECT a AS b FROM t)").as_deref(),
            Some("(SELECT a AS b FROM t)")
        );
        assert_eq!(
            view_body("create temp view if not exists v as select 1;").as_deref(),
            Some("select 1")
        );
    }
}

/// What SQLite keeps only in a table's `CREATE TABLE` text, read with sqlparser: CHECK
/// constraints by name (a column's unnamed one `T_COL_check`, a table's unnamed ones
/// `T_check`, `T_check2`, …, as dbtool names them) and generated columns' expressions, with
/// whether each is VIRTUAL. `None` when the text does not parse.
pub fn table_text(table: &str, create_sql: &str) -> Option<TableText> {
    use sqlparser::ast::{ColumnOption, GeneratedExpressionMode, Statement, TableConstraint};
    let dialect = sqlparser::dialect::SQLiteDialect {};
    let statement = sqlparser::parser::Parser::parse_sql(&dialect, create_sql)
        .ok()?
        .into_iter()
        .next()?;
    let Statement::CreateTable(create) = statement else {
        return None;
    };
    let mut text = TableText::default();
    for column in &create.columns {
        for option in &column.options {
            match &option.option {
                ColumnOption::Check(expr) => {
                    let name = option.name.as_ref().map_or_else(
                        || format!("{table}_{}_check", column.name.value),
                        |n| n.value.clone(),
                    );
                    text.checks.push((name, expr.to_string()));
                }
                ColumnOption::Generated {
                    generation_expr: Some(expr),
                    generation_expr_mode,
                    ..
                } => text.generated.push((
                    column.name.value.clone(),
                    expr.to_string(),
                    !matches!(generation_expr_mode, Some(GeneratedExpressionMode::Stored)),
                )),
                _ => {}
            }
        }
    }
    let mut unnamed = 0;
    for constraint in &create.constraints {
        if let TableConstraint::Check { name, expr, .. } = constraint {
            let name = match name {
                Some(name) => name.value.clone(),
                None => {
                    unnamed += 1;
                    if unnamed == 1 {
                        format!("{table}_check")
                    } else {
                        format!("{table}_check{unnamed}")
                    }
                }
            };
            text.checks.push((name, expr.to_string()));
        }
    }
    Some(text)
}

/// See [`table_text`].
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TableText {
    /// (name, expression).
    pub checks: Vec<(String, String)>,
    /// (column, expression, virtual).
    pub generated: Vec<(String, String, bool)>,
}

#[cfg(test)]
mod table_text_tests {
    use super::*;

    #[test]
    fn checks_and_generated_columns_are_read_from_the_create_table_text() {
        let sql = "CREATE TABLE t (a INTEGER CHECK (a > 0), b TEXT CONSTRAINT b_short CHECK (length(b) < 10), c INTEGER GENERATED ALWAYS AS (a * 2) STORED, d INTEGER AS (a + 1), CHECK (a < 100), CHECK (b <> 'x'))";
        let text = table_text("t", sql).expect("parses");
        assert_eq!(
            text.checks,
            [
                ("t_a_check".to_string(), "a > 0".to_string()),
                ("b_short".to_string(), "length(b) < 10".to_string()),
                ("t_check".to_string(), "a < 100".to_string()),
                ("t_check2".to_string(), "b <> 'x'".to_string()),
            ]
        );
        assert_eq!(
            text.generated,
            [
                ("c".to_string(), "a * 2".to_string(), false),
                ("d".to_string(), "a + 1".to_string(), true),
            ]
        );
        assert_eq!(table_text("t", "CREATE TABLE (oops"), None);
    }
}
