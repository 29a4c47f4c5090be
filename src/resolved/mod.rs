//! The schema resolved for one dialect: every object in the dialect's own terms (its type
//! names, its constraint forms) and in dependency order. It is the model two stages share:
//! `render` hands it to the templates, `diff` compares two of them (so a change a dialect
//! cannot see produces no step there). Its own module, below both, so neither depends on the
//! other's internals.

use serde::Serialize;

mod order;

use crate::diagnostic::Spanned;
use crate::dialect::{DialectSpec, SqlType};
use crate::schema::*;
use order::dependency_order;

/// The version of how dbtool renders objects. A change to the built-in templates that changes
/// what a database holds for the same schema bumps it and is listed in [`FORMAT_CHANGES`];
/// the context builder keeps every older format ([`build_in_format`]), dbtool.sum
/// records the format a project's scripts follow, and `dbtool diff` plans from the latest
/// migration's schema in that format to the declared schema in this one, so the next
/// migration carries the change (and its exact inverse).
pub const FORMAT: u32 = 2;

/// What each format changed, for messages.
pub const FORMAT_CHANGES: &[(u32, &str)] = &[(
    2,
    "SQLite: the CHECK of a nullable JSON column says `c IS NULL OR json_valid(c)` (json_valid(NULL) is 0 before SQLite 3.45, so the old CHECK refused NULL there)",
)];

/// The changes from format `from` to [`FORMAT`].
pub fn format_changes_since(from: u32) -> Vec<&'static str> {
    FORMAT_CHANGES
        .iter()
        .filter(|(format, _)| *format > from)
        .map(|(_, change)| *change)
        .collect()
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct DdlContext {
    pub dialect: &'static str,
    pub extensions: Vec<String>,
    pub enums: Vec<EnumContext>,
    pub tables: Vec<TableContext>,
    pub indexes: Vec<IndexContext>,
    pub views: Vec<ViewContext>,
    pub continuous_aggregates: Vec<AggregateContext>,
    pub full_text: Vec<FullTextContext>,
    pub raw: Vec<RawContext>,
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct EnumContext {
    pub name: String,
    pub values: Vec<String>,
    pub comment: Option<String>,
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct TableContext {
    pub name: String,
    pub comment: Option<String>,
    pub columns: Vec<ColumnContext>,
    pub primary_key: Option<KeyContext>,
    pub uniques: Vec<KeyContext>,
    pub checks: Vec<CheckContext>,
    pub foreign_keys: Vec<ForeignKeyContext>,
    pub strict: bool,
    pub without_rowid: bool,
    /// SQLite: the identity key is written `PRIMARY KEY AUTOINCREMENT` on its column.
    pub autoincrement: bool,
    pub hypertable: Option<HypertableContext>,
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct ColumnContext {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: SqlType,
    pub not_null: bool,
    pub identity: bool,
    /// How PostgreSQL numbers it: `by default`, `always` or `serial` (`by default` elsewhere,
    /// where there is one way, so that no change is seen where nothing would change).
    pub numbering: Numbering,
    pub default: Option<DefaultContext>,
    pub generated: Option<String>,
    pub comment: Option<String>,
    /// The type's check lets NULL through in so many words (`c IS NULL OR json_valid(c)`),
    /// rendering format 2 on: `json_valid(NULL)` is 0 before SQLite 3.45.
    pub check_admits_null: bool,
}

/// A default in the portable default language; templates spell it per dialect.
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct DefaultContext {
    /// `number`, `bool`, `null`, `string`, `now`, `current_date`, `uuid`, `empty_array`, `raw`.
    pub kind: &'static str,
    pub value: String,
    /// A raw default that can follow `DEFAULT` as written on SQLite, which takes only a literal
    /// or a parenthesized expression there (`DEFAULT (datetime('now'))`).
    pub bare: bool,
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct KeyContext {
    pub name: String,
    pub columns: Vec<String>,
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct CheckContext {
    pub name: String,
    pub expr: String,
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct ForeignKeyContext {
    pub name: String,
    pub table: String,
    pub columns: Vec<String>,
    pub ref_table: String,
    pub ref_columns: Vec<String>,
    pub on_delete: Option<&'static str>,
    pub on_update: Option<&'static str>,
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct IndexContext {
    pub name: String,
    pub table: String,
    pub unique: bool,
    pub method: Option<&'static str>,
    pub parts: Vec<IndexPartContext>,
    pub include: Vec<String>,
    pub predicate: Option<String>,
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct IndexPartContext {
    pub column: Option<String>,
    pub expr: Option<String>,
    pub descending: bool,
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct HypertableContext {
    pub time_column: String,
    pub chunk_interval: Option<String>,
    pub compress_after: Option<String>,
    pub segment_by: Vec<String>,
    pub order_by: Vec<(String, bool)>,
    pub retention: Option<String>,
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct ViewContext {
    pub name: String,
    pub comment: Option<String>,
    pub materialized: bool,
    pub sql: String,
    /// A materialized view's indexes (dialects without materialized views leave them out).
    pub indexes: Vec<IndexContext>,
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct AggregateContext {
    pub name: String,
    pub comment: Option<String>,
    pub source: String,
    pub bucket_column: String,
    /// `timestamptz`, `timestamp` or `date`.
    pub bucket_type: String,
    pub bucket_width: String,
    pub bucket_seconds: u64,
    pub bucket_name: String,
    pub group_by: Vec<String>,
    pub aggregates: Vec<AggregateColumnContext>,
    pub refresh: Option<RefreshContext>,
    pub realtime: bool,
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct AggregateColumnContext {
    pub name: String,
    pub function: &'static str,
    /// `None` for `count(*)`.
    pub column: Option<String>,
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct RefreshContext {
    pub start_offset: String,
    pub end_offset: String,
    pub schedule_interval: String,
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct FullTextContext {
    pub name: String,
    pub table: String,
    pub columns: Vec<String>,
    pub tokenize: Option<String>,
    /// The column that is the table's rowid (its integer key), or `rowid`.
    pub rowid: String,
}

#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct RawContext {
    pub sql: String,
    pub origin: String,
    /// Rendered before the tables rather than after everything.
    pub before_tables: bool,
}

pub fn build(schema: &Schema, spec: &dyn DialectSpec) -> DdlContext {
    build_in_format(schema, spec, FORMAT)
}

/// The context as rendering format `format` made it (see [`FORMAT`]): the diff builds
/// the schema of the latest migration in the format its scripts follow, so that a change in
/// how dbtool renders an object is a change it migrates.
pub fn build_in_format(schema: &Schema, spec: &dyn DialectSpec, format: u32) -> DdlContext {
    let dialect = spec.dialect();
    let table_order = dependency_order(schema.tables.len(), |i| {
        schema.tables[i]
            .foreign_keys
            .iter()
            .filter_map(|fk| {
                schema
                    .tables
                    .iter()
                    .position(|t| t.name.value == fk.ref_table.value)
            })
            .collect()
    });
    let tables: Vec<&Table> = table_order.iter().map(|&i| &schema.tables[i]).collect();
    DdlContext {
        dialect: dialect.name(),
        extensions: schema.extensions.iter().map(|e| e.value.clone()).collect(),
        enums: schema.enums.iter().map(enum_context).collect(),
        indexes: tables
            .iter()
            .flat_map(|t| t.indexes.iter().map(|i| index_context(&t.name.value, i)))
            .collect(),
        tables: tables
            .into_iter()
            .map(|t| table_context(t, schema, spec, format))
            .collect(),
        views: views_in_order(schema, dialect),
        continuous_aggregates: schema
            .continuous_aggregates
            .iter()
            .map(|a| aggregate_context(a, schema))
            .collect(),
        full_text: schema
            .full_text
            .iter()
            .map(|f| full_text_context(f, schema))
            .collect(),
        raw: schema
            .raw
            .iter()
            .filter_map(|r| {
                Some(RawContext {
                    sql: r
                        .sql
                        .for_dialect(dialect)?
                        .trim()
                        .trim_end_matches(';')
                        .to_string(),
                    origin: format!("{}:{}", schema.path_of(r.span), r.span.line),
                    before_tables: r.before_tables,
                })
            })
            .collect(),
    }
}

fn enum_context(e: &EnumType) -> EnumContext {
    EnumContext {
        name: e.name.value.clone(),
        values: e.values.iter().map(|v| v.value.clone()).collect(),
        comment: e.comment.clone(),
    }
}

fn names(items: &[Spanned<String>]) -> Vec<String> {
    items.iter().map(|i| i.value.clone()).collect()
}

fn table_context(
    table: &Table,
    schema: &Schema,
    spec: &dyn DialectSpec,
    format: u32,
) -> TableContext {
    let dialect = spec.dialect();
    TableContext {
        name: table.name.value.clone(),
        comment: table.comment.clone(),
        columns: table
            .columns
            .iter()
            .map(|c| {
                let mut ty = spec.column_type(&c.ty.value, schema);
                // A declared type kept from an adopted SQLite table is written as it is.
                if let (Dialect::Sqlite, Some(declared)) = (dialect, &c.sqlite_type) {
                    ty.keyword = declared.value.clone();
                    ty.check = None;
                }
                let check_admits_null =
                    format >= 2 && c.nullable && matches!(ty.check, Some("json" | "json_array"));
                (c, ty, check_admits_null)
            })
            .map(|(c, ty, check_admits_null)| ColumnContext {
                name: c.name.value.clone(),
                ty,
                check_admits_null,
                not_null: !c.nullable,
                identity: c.identity,
                numbering: if dialect.runs_on_postgres() {
                    c.numbering
                } else {
                    Numbering::ByDefault
                },
                default: c
                    .default
                    .as_ref()
                    .and_then(|d| default_context(&d.value, dialect)),
                generated: c
                    .generated
                    .as_ref()
                    .and_then(|g| g.value.for_dialect(dialect).map(str::to_string)),
                comment: c.comment.clone(),
            })
            .collect(),
        primary_key: table.primary_key.as_ref().map(|pk| KeyContext {
            name: pk.name.clone(),
            columns: names(&pk.columns),
        }),
        uniques: table
            .uniques
            .iter()
            .map(|u| KeyContext {
                name: u.name.clone(),
                columns: names(&u.columns),
            })
            .collect(),
        checks: table
            .checks
            .iter()
            .map(|c| CheckContext {
                name: c.name.clone(),
                expr: c.expr.value.trim().to_string(),
            })
            .collect(),
        foreign_keys: table
            .foreign_keys
            .iter()
            .map(|fk| ForeignKeyContext {
                name: fk.name.clone(),
                table: table.name.value.clone(),
                columns: names(&fk.columns),
                ref_table: fk.ref_table.value.clone(),
                ref_columns: names(&fk.ref_columns),
                on_delete: fk.on_delete.map(FkAction::sql),
                on_update: fk.on_update.map(FkAction::sql),
            })
            .collect(),
        strict: table.sqlite.strict,
        without_rowid: table.sqlite.without_rowid,
        autoincrement: dialect == Dialect::Sqlite && table.sqlite.autoincrement,
        hypertable: table.hypertable.as_ref().map(|h| HypertableContext {
            time_column: h.time_column.value.clone(),
            chunk_interval: h.chunk_interval.map(|i| i.to_string()),
            compress_after: h.compression.as_ref().map(|c| c.after.to_string()),
            segment_by: h
                .compression
                .as_ref()
                .map(|c| names(&c.segment_by))
                .unwrap_or_default(),
            order_by: h
                .compression
                .as_ref()
                .map(|c| {
                    c.order_by
                        .iter()
                        .map(|(col, desc)| (col.value.clone(), *desc))
                        .collect()
                })
                .unwrap_or_default(),
            retention: h.retention.map(|i| i.to_string()),
        }),
    }
}

fn default_context(value: &DefaultValue, dialect: Dialect) -> Option<DefaultContext> {
    let (kind, value) = match value {
        DefaultValue::Number(n) => ("number", n.clone()),
        DefaultValue::Bool(b) => ("bool", b.to_string()),
        DefaultValue::Null => ("null", String::new()),
        DefaultValue::String(s) => ("string", s.clone()),
        DefaultValue::Now => ("now", String::new()),
        // The engine's own CURRENT_TIMESTAMP, on every dialect.
        DefaultValue::CurrentTimestamp => ("current_timestamp", String::new()),
        DefaultValue::CurrentDate => ("current_date", String::new()),
        DefaultValue::Uuid => ("uuid", String::new()),
        DefaultValue::EmptyArray => ("empty_array", String::new()),
        DefaultValue::Raw(map) => (
            "raw",
            map.get(&dialect)
                .or_else(|| dialect.fallback().and_then(|f| map.get(&f)))?
                .clone(),
        ),
    };
    let bare = kind != "raw" || crate::schema::sql::stands_alone_as_default(&value, dialect);
    Some(DefaultContext { kind, value, bare })
}

fn index_context(table: &str, index: &Index) -> IndexContext {
    IndexContext {
        name: index.name.value.clone(),
        table: table.to_string(),
        unique: index.unique,
        method: index
            .method
            .filter(|m| *m != IndexMethod::Btree)
            .map(IndexMethod::name),
        parts: index
            .parts
            .iter()
            .map(|p| match p {
                IndexPart::Column { name, descending } => IndexPartContext {
                    column: Some(name.value.clone()),
                    expr: None,
                    descending: *descending,
                },
                IndexPart::Expression {
                    sql, descending, ..
                } => IndexPartContext {
                    column: None,
                    expr: Some(sql.value.trim().to_string()),
                    descending: *descending,
                },
            })
            .collect(),
        include: names(&index.include),
        predicate: index.predicate.as_ref().map(|p| p.value.trim().to_string()),
    }
}

fn views_in_order(schema: &Schema, dialect: Dialect) -> Vec<ViewContext> {
    let order = dependency_order(schema.views.len(), |i| {
        schema.views[i]
            .references
            .iter()
            .filter_map(|r| schema.views.iter().position(|v| v.name.value == r.value))
            .collect()
    });
    order
        .into_iter()
        .map(|i| &schema.views[i])
        .map(|v| ViewContext {
            name: v.name.value.clone(),
            comment: v.comment.clone(),
            materialized: v.materialized,
            sql: v
                .sql
                .value
                .for_dialect(dialect)
                .unwrap_or_default()
                .trim()
                .trim_end_matches(';')
                .trim_end()
                .to_string(),
            indexes: v
                .indexes
                .iter()
                .filter(|_| v.materialized)
                .map(|i| index_context(&v.name.value, i))
                .collect(),
        })
        .collect()
}

fn aggregate_context(a: &ContinuousAggregate, schema: &Schema) -> AggregateContext {
    let bucket_type = schema
        .table(&a.source.value)
        .and_then(|t| t.column(&a.bucket_column.value))
        .map(|c| c.ty.value.to_string())
        .unwrap_or_default();
    AggregateContext {
        name: a.name.value.clone(),
        comment: a.comment.clone(),
        source: a.source.value.clone(),
        bucket_column: a.bucket_column.value.clone(),
        bucket_type,
        bucket_width: a.bucket_width.value.to_string(),
        bucket_seconds: a.bucket_width.value.seconds(),
        bucket_name: a.bucket_name.clone(),
        group_by: names(&a.group_by),
        aggregates: a
            .aggregates
            .iter()
            .map(|agg| AggregateColumnContext {
                name: agg.name.value.clone(),
                function: agg.function.name(),
                column: agg.column.as_ref().map(|c| c.value.clone()),
            })
            .collect(),
        refresh: a.refresh.as_ref().map(|r| RefreshContext {
            start_offset: r.start_offset.to_string(),
            end_offset: r.end_offset.to_string(),
            schedule_interval: r.schedule_interval.to_string(),
        }),
        realtime: a.realtime,
    }
}

fn full_text_context(f: &FullTextIndex, schema: &Schema) -> FullTextContext {
    let integer_key = schema.table(&f.table.value).and_then(|t| {
        let pk = t.primary_key.as_ref()?;
        let [only] = pk.columns.as_slice() else {
            return None;
        };
        let column = t.column(&only.value)?;
        column.ty.value.scalar().filter(|s| s.is_integer())?;
        Some(only.value.clone())
    });
    FullTextContext {
        name: f.name.value.clone(),
        table: f.table.value.clone(),
        columns: names(&f.columns),
        tokenize: f.tokenize.clone(),
        rowid: integer_key.unwrap_or_else(|| "rowid".to_string()),
    }
}
