//! SQLite: four storage classes, so most portable types become TEXT, INTEGER or REAL with a
//! CHECK that keeps their meaning (see the type table in docs/schema.md).

use super::{family, DialectSpec, SqlType};
use crate::schema::{BaseType, ColumnType, Dialect, ScalarType, Schema};

pub struct Sqlite;

pub static SQLITE: Sqlite = Sqlite;

/// SQLite's key words (sqlite.org/lang_keywords.html). SQLite lets some of them through as
/// names by a parser fallback, but its documentation asks for quotes, and so do we.
/// Sorted, for binary search.
static RESERVED: &[&str] = &[
    "abort",
    "action",
    "add",
    "after",
    "all",
    "alter",
    "always",
    "analyze",
    "and",
    "as",
    "asc",
    "attach",
    "autoincrement",
    "before",
    "begin",
    "between",
    "by",
    "cascade",
    "case",
    "cast",
    "check",
    "collate",
    "column",
    "commit",
    "conflict",
    "constraint",
    "create",
    "cross",
    "current",
    "current_date",
    "current_time",
    "current_timestamp",
    "database",
    "default",
    "deferrable",
    "deferred",
    "delete",
    "desc",
    "detach",
    "distinct",
    "do",
    "drop",
    "each",
    "else",
    "end",
    "escape",
    "except",
    "exclude",
    "exclusive",
    "exists",
    "explain",
    "fail",
    "filter",
    "first",
    "following",
    "for",
    "foreign",
    "from",
    "full",
    "generated",
    "glob",
    "group",
    "groups",
    "having",
    "if",
    "ignore",
    "immediate",
    "in",
    "index",
    "indexed",
    "initially",
    "inner",
    "insert",
    "instead",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "key",
    "last",
    "left",
    "like",
    "limit",
    "match",
    "materialized",
    "natural",
    "no",
    "not",
    "nothing",
    "notnull",
    "null",
    "nulls",
    "of",
    "offset",
    "on",
    "or",
    "order",
    "others",
    "outer",
    "over",
    "partition",
    "plan",
    "pragma",
    "preceding",
    "primary",
    "query",
    "raise",
    "range",
    "recursive",
    "references",
    "regexp",
    "reindex",
    "release",
    "rename",
    "replace",
    "restrict",
    "returning",
    "right",
    "rollback",
    "row",
    "rows",
    "savepoint",
    "select",
    "set",
    "table",
    "temp",
    "temporary",
    "then",
    "ties",
    "to",
    "transaction",
    "trigger",
    "unbounded",
    "union",
    "unique",
    "update",
    "using",
    "vacuum",
    "values",
    "view",
    "virtual",
    "when",
    "where",
    "window",
    "with",
    "without",
];

impl DialectSpec for Sqlite {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn template_dirs(&self) -> &'static [&'static str] {
        &["sqlite"]
    }

    fn reserved_words(&self) -> &'static [&'static str] {
        RESERVED
    }

    fn sql_parser(&self) -> Box<dyn sqlparser::dialect::Dialect> {
        Box::new(sqlparser::dialect::SQLiteDialect {})
    }

    fn placeholder(&self, n: usize) -> String {
        format!("?{n}")
    }

    fn capabilities(&self) -> super::Capabilities {
        super::Capabilities {
            native_enums: false,
            inline_foreign_keys: true,
            alter_columns: false,
            statements_outside_transaction: false,
        }
    }

    fn column_type(&self, ty: &ColumnType, schema: &Schema) -> SqlType {
        let mut out = SqlType {
            family: family(ty),
            ..SqlType::default()
        };
        if ty.array {
            out.keyword = "TEXT".into();
            out.check = Some("json_array");
            return out;
        }
        match &ty.base {
            BaseType::Scalar(scalar) => {
                let (keyword, check) = scalar_storage(*scalar);
                out.keyword = keyword.into();
                out.check = check;
            }
            BaseType::Enum(name) => {
                out.keyword = "TEXT".into();
                out.check = Some("enum");
                out.enum_values = schema
                    .enum_type(name)
                    .map(|e| e.values.iter().map(|v| v.value.clone()).collect())
                    .unwrap_or_default();
            }
            BaseType::Raw(map) => {
                out.keyword = map.get(&Dialect::Sqlite).cloned().unwrap_or_default();
            }
        }
        out
    }
}

/// The storage type and meaning-keeping check of each portable scalar type.
fn scalar_storage(scalar: ScalarType) -> (&'static str, Option<&'static str>) {
    match scalar {
        ScalarType::Bool => ("INTEGER", Some("bool")),
        ScalarType::SmallInt | ScalarType::Int | ScalarType::BigInt => ("INTEGER", None),
        ScalarType::Real | ScalarType::Double | ScalarType::Numeric(_) => ("REAL", None),
        ScalarType::Bytes => ("BLOB", None),
        ScalarType::Uuid => ("TEXT", Some("uuid")),
        ScalarType::Json | ScalarType::Jsonb => ("TEXT", Some("json")),
        ScalarType::Text
        | ScalarType::Varchar(_)
        | ScalarType::Char(_)
        | ScalarType::Date
        | ScalarType::Time
        | ScalarType::Timestamp
        | ScalarType::Timestamptz
        | ScalarType::Interval => ("TEXT", None),
    }
}

/// What SQLite's declared types mean in the schema language, where the name alone says it
/// (SQLite keeps a declared type as free text): the other direction of [`scalar_storage`], for
/// `dbtool pull`.
static DECLARED_ALIASES: &[(&str, &str)] = &[
    // SQLite's INTEGER holds 64 bits, and an INTEGER PRIMARY KEY is the 64-bit rowid that other
    // tables' INTEGER columns reference.
    ("integer", "bigint"),
    ("float", "double"),
    ("double", "double"),
    ("double precision", "double"),
    ("datetime", "timestamp"),
    ("blob", "bytes"),
    ("clob", "text"),
    ("string", "text"),
    ("varchar", "text"),
    ("nvarchar", "text"),
    ("character varying", "text"),
];

/// The schema-language type of a column SQLite declares as `declared`, if a rule covers it: an
/// alias above, else the declared text read as the schema language reads a type (`VARCHAR(255)`,
/// `BOOLEAN`, `NVARCHAR(20)` as `varchar(20)`); a name that would read as an enum has none.
pub fn portable_sqlite_type(declared: &str) -> Option<String> {
    let lower = declared.trim().to_ascii_lowercase();
    if let Some((_, portable)) = DECLARED_ALIASES.iter().find(|(alias, _)| *alias == lower) {
        return Some((*portable).to_string());
    }
    let lower = lower
        .strip_prefix("nvarchar")
        .map(|rest| format!("varchar{rest}"))
        .unwrap_or(lower);
    let ty = crate::schema::syntax::parse_type(&lower).ok()?;
    match ty.base {
        BaseType::Scalar(_) => Some(ty.to_string()),
        BaseType::Enum(_) | BaseType::Raw(_) => None,
    }
}
