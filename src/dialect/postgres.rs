//! PostgreSQL, and TimescaleDB, which is PostgreSQL plus an extension: same types, same
//! words, its own templates first.

use super::{family, DialectSpec, SqlType};
use crate::schema::{BaseType, ColumnType, Dialect, ScalarType, Schema};

pub struct Postgres {
    dialect: Dialect,
    dirs: &'static [&'static str],
}

pub static POSTGRES: Postgres = Postgres {
    dialect: Dialect::Postgres,
    dirs: &["postgres"],
};

pub static TIMESCALEDB: Postgres = Postgres {
    dialect: Dialect::Timescaledb,
    dirs: &["timescaledb", "postgres"],
};

/// PostgreSQL's reserved key words, including those that "can be function or type" names:
/// neither may name a column without quotes (PostgreSQL docs, appendix "SQL Key Words").
/// Sorted, for binary search.
static RESERVED: &[&str] = &[
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "binary",
    "both",
    "case",
    "cast",
    "check",
    "collate",
    "collation",
    "column",
    "concurrently",
    "constraint",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "false",
    "fetch",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "grant",
    "group",
    "having",
    "ilike",
    "in",
    "initially",
    "inner",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "lateral",
    "leading",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "natural",
    "not",
    "notnull",
    "null",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "outer",
    "overlaps",
    "placing",
    "primary",
    "references",
    "returning",
    "right",
    "select",
    "session_user",
    "similar",
    "some",
    "symmetric",
    "system_user",
    "table",
    "tablesample",
    "then",
    "to",
    "trailing",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "variadic",
    "verbose",
    "when",
    "where",
    "window",
    "with",
];

impl DialectSpec for Postgres {
    fn dialect(&self) -> Dialect {
        self.dialect
    }

    fn template_dirs(&self) -> &'static [&'static str] {
        self.dirs
    }

    fn reserved_words(&self) -> &'static [&'static str] {
        RESERVED
    }

    fn sql_parser(&self) -> Box<dyn sqlparser::dialect::Dialect> {
        Box::new(sqlparser::dialect::PostgreSqlDialect {})
    }

    fn placeholder(&self, n: usize) -> String {
        format!("${n}")
    }

    fn capabilities(&self) -> super::Capabilities {
        super::Capabilities {
            native_enums: true,
            inline_foreign_keys: false,
            alter_columns: true,
            statements_outside_transaction: true,
        }
    }

    fn column_type(&self, ty: &ColumnType, _schema: &Schema) -> SqlType {
        let mut out = SqlType {
            array: ty.array,
            family: family(ty),
            ..SqlType::default()
        };
        match &ty.base {
            BaseType::Scalar(scalar) => out.keyword = scalar_name(*scalar),
            BaseType::Enum(name) => out.name = Some(name.clone()),
            BaseType::Raw(map) => {
                out.keyword = map
                    .get(&self.dialect)
                    .or_else(|| map.get(&Dialect::Postgres))
                    .cloned()
                    .unwrap_or_default()
            }
        }
        out
    }
}

fn scalar_name(scalar: ScalarType) -> String {
    match scalar {
        ScalarType::Bool => "boolean".into(),
        ScalarType::SmallInt => "smallint".into(),
        ScalarType::Int => "integer".into(),
        ScalarType::BigInt => "bigint".into(),
        ScalarType::Real => "real".into(),
        ScalarType::Double => "double precision".into(),
        ScalarType::Numeric(None) => "numeric".into(),
        ScalarType::Numeric(Some((p, None))) => format!("numeric({p})"),
        ScalarType::Numeric(Some((p, Some(s)))) => format!("numeric({p},{s})"),
        ScalarType::Text => "text".into(),
        ScalarType::Varchar(n) => format!("varchar({n})"),
        ScalarType::Char(n) => format!("char({n})"),
        ScalarType::Bytes => "bytea".into(),
        ScalarType::Uuid => "uuid".into(),
        ScalarType::Date => "date".into(),
        ScalarType::Time => "time".into(),
        ScalarType::Timestamp => "timestamp".into(),
        ScalarType::Timestamptz => "timestamptz".into(),
        ScalarType::Interval => "interval".into(),
        ScalarType::Json => "json".into(),
        ScalarType::Jsonb => "jsonb".into(),
    }
}
