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

/// The type map, both ways: a portable scalar type's name (as the schema language writes it,
/// without its length or precision), how dbtool writes it in DDL, and how PostgreSQL's
/// `format_type` reads it back (what `dbtool pull` sees). Lengths and precisions are carried
/// through as written, `numeric(10,2)` to `numeric(10,2)`.
static TYPE_MAP: &[(&str, &str, &str)] = &[
    ("bool", "boolean", "boolean"),
    ("smallint", "smallint", "smallint"),
    ("int", "integer", "integer"),
    ("bigint", "bigint", "bigint"),
    ("real", "real", "real"),
    ("double", "double precision", "double precision"),
    ("numeric", "numeric", "numeric"),
    ("text", "text", "text"),
    ("varchar", "varchar", "character varying"),
    ("char", "char", "character"),
    ("bytes", "bytea", "bytea"),
    ("uuid", "uuid", "uuid"),
    ("date", "date", "date"),
    ("time", "time", "time without time zone"),
    ("timestamp", "timestamp", "timestamp without time zone"),
    ("timestamptz", "timestamptz", "timestamp with time zone"),
    ("interval", "interval", "interval"),
    ("json", "json", "json"),
    ("jsonb", "jsonb", "jsonb"),
];

/// `name(args)` as (`name`, `Some("args")`), `name` as (`name`, `None`).
fn split_arguments(text: &str) -> (&str, Option<&str>) {
    match text.split_once('(') {
        Some((name, rest)) => (name, Some(rest.trim_end_matches(')'))),
        None => (text, None),
    }
}

fn scalar_name(scalar: ScalarType) -> String {
    let portable = scalar.to_string();
    let (name, arguments) = split_arguments(&portable);
    let written = TYPE_MAP
        .iter()
        .find(|(p, _, _)| *p == name)
        .map_or(name, |(_, written, _)| *written);
    match arguments {
        Some(arguments) => format!("{written}({arguments})"),
        None => written.to_string(),
    }
}

/// The schema-language type of a column PostgreSQL formats as `formatted` (`format_type`), if
/// it has one; `enums` are the database's enum names. A `character varying` without a length
/// and a `character` without one (PostgreSQL's `char(1)`) have no portable form: `text` would
/// change the column's type (a query comparing it with `varchar[]` would then fail).
pub fn portable_type(formatted: &str, enums: &[String]) -> Option<String> {
    if let Some(element) = formatted.strip_suffix("[]") {
        return portable_type(element, enums).map(|t| format!("{t}[]"));
    }
    let (name, arguments) = split_arguments(formatted);
    let Some((portable, _, _)) = TYPE_MAP.iter().find(|(_, _, read)| *read == name) else {
        if arguments.is_some() {
            return None;
        }
        let unquoted = name.trim_matches('"');
        return enums
            .iter()
            .any(|e| e == unquoted)
            .then(|| unquoted.to_string());
    };
    match (*portable, arguments) {
        ("varchar" | "char", None) => None,
        (portable, Some(arguments)) if matches!(portable, "numeric" | "varchar" | "char") => {
            Some(format!("{portable}({})", arguments.replace(' ', "")))
        }
        (_, Some(_)) => None,
        (portable, None) => Some(portable.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every portable scalar type comes back as itself from how PostgreSQL reads it.
    #[test]
    fn the_type_map_round_trips() {
        for text in [
            "bool",
            "smallint",
            "int",
            "bigint",
            "real",
            "double",
            "numeric",
            "numeric(10)",
            "numeric(10,2)",
            "text",
            "varchar(50)",
            "char(3)",
            "bytes",
            "uuid",
            "date",
            "time",
            "timestamp",
            "timestamptz",
            "interval",
            "json",
            "jsonb",
        ] {
            let ty = crate::schema::syntax::parse_type(text).expect(text);
            let BaseType::Scalar(scalar) = ty.base else {
                panic!("{text} is a scalar");
            };
            // What PostgreSQL's format_type says of what dbtool wrote.
            let written = scalar_name(scalar);
            let (name, arguments) = split_arguments(&written);
            let read = TYPE_MAP
                .iter()
                .find(|(_, w, _)| *w == name)
                .map(|(_, _, read)| *read)
                .expect(text);
            let formatted = match arguments {
                Some(a) => format!("{read}({})", a.replace(',', ", ")),
                None => read.to_string(),
            };
            assert_eq!(
                portable_type(&formatted, &[]).as_deref(),
                Some(text),
                "{formatted}"
            );
        }
        assert_eq!(portable_type("character varying", &[]), None);
        assert_eq!(portable_type("character varying[]", &[]), None);
        assert_eq!(portable_type("integer[]", &[]).as_deref(), Some("int[]"));
        assert_eq!(
            portable_type("\"Mood\"", &["Mood".into()]).as_deref(),
            Some("Mood")
        );
        assert_eq!(portable_type("point", &[]), None);
        assert_eq!(portable_type("timestamp(3) without time zone", &[]), None);
    }
}
