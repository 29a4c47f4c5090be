//! What differs between dialects, one module each: type names, reserved words, the template
//! folders. The render module asks these questions and never branches on a dialect itself.

pub mod postgres;
pub mod sqlite;

use serde::Serialize;

use crate::schema::{ColumnType, Dialect, Schema};

/// How a column type reads in one dialect.
#[derive(Debug, Clone, Default, Serialize, Eq)]
pub struct SqlType {
    /// Type text made of keywords, e.g. `varchar(255)`; empty when `name` is set.
    pub keyword: String,
    /// A type named by an identifier (an enum), which templates quote.
    pub name: Option<String>,
    /// Whether `[]` follows the type.
    pub array: bool,
    /// A check the dialect adds to keep the declared meaning (`bool`, `uuid`, `json`,
    /// `json_array`, `enum`), or `None`.
    pub check: Option<&'static str>,
    /// The enum's values, for an `enum` check.
    pub enum_values: Vec<String>,
    /// The portable family of the type, used by default-value templates
    /// (`timestamptz`, `timestamp`, `date`, `bool`, …).
    pub family: String,
}

/// Two types are the same when the database sees the same type: the portable `family` is
/// left out, so `varchar(n)` and `text` are one type on SQLite (both `TEXT`).
impl PartialEq for SqlType {
    fn eq(&self, other: &SqlType) -> bool {
        self.keyword == other.keyword
            && self.name == other.name
            && self.array == other.array
            && self.check == other.check
            && self.enum_values == other.enum_values
    }
}

/// Everything a dialect contributes to rendering.
pub trait DialectSpec: Sync {
    fn dialect(&self) -> Dialect;
    /// Template folders searched in order, e.g. `["timescaledb", "postgres"]`.
    fn template_dirs(&self) -> &'static [&'static str];
    /// Words that must be quoted when used as identifiers.
    fn reserved_words(&self) -> &'static [&'static str];
    /// How the `n`th (1-based) parameter of a statement is written: `$1`, `?1`.
    fn placeholder(&self, n: usize) -> String;
    /// sqlparser's reading of this dialect: its tokenizer and grammar.
    fn sql_parser(&self) -> Box<dyn sqlparser::dialect::Dialect>;
    fn column_type(&self, ty: &ColumnType, schema: &Schema) -> SqlType;
    /// How the dialect changes an existing schema.
    fn capabilities(&self) -> Capabilities;
}

/// What a dialect's DDL can change in place; the migration planner asks these questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    /// Enums are schema objects (`CREATE TYPE`), not per-column checks.
    pub native_enums: bool,
    /// Foreign keys live inside `CREATE TABLE` and cannot be added or dropped later.
    pub inline_foreign_keys: bool,
    /// Columns can change type, nullability, default and constraints with `ALTER TABLE`;
    /// without it every such change rebuilds the table (SQLite's twelve-step procedure).
    pub alter_columns: bool,
    /// Some statements must run outside a transaction block (`CREATE INDEX CONCURRENTLY`), so
    /// a migration version may run its statements one at a time (`-- dbtool: no-transaction`).
    pub statements_outside_transaction: bool,
}

pub fn spec(dialect: Dialect) -> &'static dyn DialectSpec {
    match dialect {
        Dialect::Postgres => &postgres::POSTGRES,
        Dialect::Timescaledb => &postgres::TIMESCALEDB,
        Dialect::Sqlite => &sqlite::SQLITE,
    }
}

/// The portable family name of a type, shared by every dialect's templates.
fn family(ty: &ColumnType) -> String {
    use crate::schema::BaseType;
    match (&ty.base, ty.array) {
        (_, true) => "array".to_string(),
        (BaseType::Scalar(s), false) => {
            let text = s.to_string();
            text.split('(').next().unwrap_or_default().to_string()
        }
        (BaseType::Enum(_), false) => "enum".to_string(),
        (BaseType::Raw(_), false) => "raw".to_string(),
    }
}

/// Whether `name` can be written without quotes in a dialect with these reserved words.
/// An identifier as `dialect` writes it: bare when plain, else double-quoted. The templates'
/// `ident` filter and the columns a query's `*` stands for both come here.
pub fn quote_identifier(dialect: Dialect, name: &str) -> String {
    quote_with(name, spec(dialect).reserved_words())
}

pub fn quote_with(name: &str, reserved: &[&str]) -> String {
    if is_plain_identifier(name, reserved) {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}

pub fn is_plain_identifier(name: &str, reserved: &[&str]) -> bool {
    let mut chars = name.chars();
    let starts_well = matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c == '_');
    starts_well
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && reserved.binary_search(&name).is_err()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_word_lists_are_sorted_for_binary_search() {
        for dialect in Dialect::ALL {
            let words = spec(dialect).reserved_words();
            let mut sorted = words.to_vec();
            sorted.sort_unstable();
            assert_eq!(words, sorted.as_slice(), "{dialect}");
        }
    }

    #[test]
    fn quoting_is_needed_for_case_keywords_and_symbols() {
        let pg = spec(Dialect::Postgres).reserved_words();
        assert!(!is_plain_identifier("createdAt", pg));
        assert!(!is_plain_identifier("user", pg));
        assert!(!is_plain_identifier("end", pg));
        assert!(!is_plain_identifier("order", pg));
        assert!(!is_plain_identifier("1st", pg));
        assert!(is_plain_identifier("time", pg));
        assert!(is_plain_identifier("created_at", pg));
        let lite = spec(Dialect::Sqlite).reserved_words();
        assert!(!is_plain_identifier("end", lite));
        assert!(is_plain_identifier("time", lite));
    }
}
