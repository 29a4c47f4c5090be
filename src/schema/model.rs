//! The typed, validated schema model.
//!
//! Values of these types come only out of [`crate::schema::load`], which checks every reference
//! before handing the model on: code downstream (render, later diff and codegen) may rely on
//! every table, column and type name here resolving.

use std::collections::BTreeMap;
use std::fmt;

use crate::diagnostic::{Span, Spanned};

/// A target SQL dialect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dialect {
    Postgres,
    Timescaledb,
    Sqlite,
}

impl Dialect {
    pub const ALL: [Dialect; 3] = [Dialect::Postgres, Dialect::Timescaledb, Dialect::Sqlite];

    pub fn name(self) -> &'static str {
        match self {
            Dialect::Postgres => "postgres",
            Dialect::Timescaledb => "timescaledb",
            Dialect::Sqlite => "sqlite",
        }
    }

    pub fn from_name(name: &str) -> Option<Dialect> {
        Dialect::ALL.into_iter().find(|d| d.name() == name)
    }

    /// Whether the dialect runs on PostgreSQL's engine (PostgreSQL itself, and TimescaleDB,
    /// which is PostgreSQL with an extension): the same driver, the same generated backends.
    pub fn runs_on_postgres(self) -> bool {
        self == Dialect::Postgres || self.fallback() == Some(Dialect::Postgres)
    }

    /// The dialect whose text this one reuses when it has none of its own.
    pub fn fallback(self) -> Option<Dialect> {
        match self {
            Dialect::Timescaledb => Some(Dialect::Postgres),
            _ => None,
        }
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// SQL text that is either the same everywhere or written per dialect.
#[derive(Clone, Debug)]
pub enum SqlText {
    Portable(String),
    PerDialect(BTreeMap<Dialect, String>),
}

impl SqlText {
    /// The text for `dialect` (timescaledb falls back to postgres), if there is one.
    pub fn for_dialect(&self, dialect: Dialect) -> Option<&str> {
        match self {
            SqlText::Portable(text) => Some(text),
            SqlText::PerDialect(map) => map
                .get(&dialect)
                .or_else(|| dialect.fallback().and_then(|d| map.get(&d)))
                .map(String::as_str),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Schema {
    /// Paths of the files the schema was read from, indexed by [`crate::diagnostic::FileId`].
    pub files: Vec<String>,
    pub extensions: Vec<Spanned<String>>,
    pub enums: Vec<EnumType>,
    pub tables: Vec<Table>,
    pub views: Vec<View>,
    pub continuous_aggregates: Vec<ContinuousAggregate>,
    pub full_text: Vec<FullTextIndex>,
    pub raw: Vec<RawStatement>,
}

impl Schema {
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name.value == name)
    }

    pub fn enum_type(&self, name: &str) -> Option<&EnumType> {
        self.enums.iter().find(|e| e.name.value == name)
    }

    pub fn path_of(&self, span: Span) -> &str {
        self.files
            .get(span.file.0 as usize)
            .map(String::as_str)
            .unwrap_or("<unknown>")
    }
}

#[derive(Clone, Debug)]
pub struct EnumType {
    pub name: Spanned<String>,
    pub values: Vec<Spanned<String>>,
    pub comment: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Table {
    pub name: Spanned<String>,
    /// The table's previous name, when a migration should rename rather than drop and create.
    pub renamed_from: Option<Spanned<String>>,
    pub comment: Option<String>,
    pub columns: Vec<Column>,
    pub primary_key: Option<PrimaryKey>,
    pub foreign_keys: Vec<ForeignKey>,
    pub uniques: Vec<UniqueConstraint>,
    pub checks: Vec<CheckConstraint>,
    pub indexes: Vec<Index>,
    pub hypertable: Option<Hypertable>,
    pub sqlite: SqliteOptions,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name.value == name)
    }
}

#[derive(Clone, Debug)]
pub struct Column {
    pub name: Spanned<String>,
    /// The column's previous name, when a migration should rename rather than drop and add.
    pub renamed_from: Option<Spanned<String>>,
    pub ty: Spanned<ColumnType>,
    pub nullable: bool,
    pub default: Option<Spanned<DefaultValue>>,
    /// Numbered by the engine (`identity`, `identity always`, `serial`).
    pub identity: bool,
    /// How an identity column is numbered on PostgreSQL (SQLite has one way).
    pub numbering: Numbering,
    /// SQLite's declared type for the column, written as it is instead of dbtool's storage
    /// (no check added): an adopted table keeps its `BOOLEAN` or `DATETIME`.
    pub sqlite_type: Option<Spanned<String>>,
    pub generated: Option<Spanned<SqlText>>,
    pub comment: Option<String>,
}

/// How PostgreSQL numbers an identity column: the schema language has all three, so a pulled
/// database is rebuilt as it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Numbering {
    /// `identity`: GENERATED BY DEFAULT AS IDENTITY (a value may also be given).
    #[default]
    ByDefault,
    /// `identity always`: GENERATED ALWAYS AS IDENTITY (a value may not be given).
    Always,
    /// `serial`: PostgreSQL's serial types, a default taken from a sequence the column owns.
    Serial,
}

/// As its name (`"serial"`), which is what templates compare.
impl serde::Serialize for Numbering {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl Numbering {
    /// As the templates and the schema language name it.
    pub fn name(self) -> &'static str {
        match self {
            Numbering::ByDefault => "by default",
            Numbering::Always => "always",
            Numbering::Serial => "serial",
        }
    }
}

/// A column's declared type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnType {
    pub base: BaseType,
    pub array: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BaseType {
    Scalar(ScalarType),
    /// A schema enum, by name.
    Enum(String),
    /// A type written per dialect, rendered verbatim.
    Raw(BTreeMap<Dialect, String>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScalarType {
    Bool,
    SmallInt,
    Int,
    BigInt,
    Real,
    Double,
    Numeric(Option<(u32, Option<u32>)>),
    Text,
    Varchar(u32),
    Char(u32),
    Bytes,
    Uuid,
    Date,
    Time,
    Timestamp,
    Timestamptz,
    Interval,
    Json,
    Jsonb,
}

impl ScalarType {
    pub fn is_integer(self) -> bool {
        matches!(
            self,
            ScalarType::SmallInt | ScalarType::Int | ScalarType::BigInt
        )
    }

    /// Types a time bucket can be computed over.
    pub fn is_time(self) -> bool {
        matches!(
            self,
            ScalarType::Date | ScalarType::Timestamp | ScalarType::Timestamptz
        )
    }

    pub fn is_textual(self) -> bool {
        matches!(
            self,
            ScalarType::Text | ScalarType::Varchar(_) | ScalarType::Char(_)
        )
    }

    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            ScalarType::SmallInt
                | ScalarType::Int
                | ScalarType::BigInt
                | ScalarType::Real
                | ScalarType::Double
                | ScalarType::Numeric(_)
        )
    }
}

impl ColumnType {
    pub fn scalar(&self) -> Option<ScalarType> {
        match (&self.base, self.array) {
            (BaseType::Scalar(s), false) => Some(*s),
            _ => None,
        }
    }
}

impl fmt::Display for ColumnType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.base {
            BaseType::Scalar(s) => write!(f, "{s}")?,
            BaseType::Enum(name) => f.write_str(name)?,
            BaseType::Raw(map) => {
                let parts: Vec<String> = map.iter().map(|(d, t)| format!("{d}: {t}")).collect();
                write!(f, "{{{}}}", parts.join(", "))?
            }
        }
        if self.array {
            f.write_str("[]")?;
        }
        Ok(())
    }
}

impl fmt::Display for ScalarType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScalarType::Bool => f.write_str("bool"),
            ScalarType::SmallInt => f.write_str("smallint"),
            ScalarType::Int => f.write_str("int"),
            ScalarType::BigInt => f.write_str("bigint"),
            ScalarType::Real => f.write_str("real"),
            ScalarType::Double => f.write_str("double"),
            ScalarType::Numeric(None) => f.write_str("numeric"),
            ScalarType::Numeric(Some((p, None))) => write!(f, "numeric({p})"),
            ScalarType::Numeric(Some((p, Some(s)))) => write!(f, "numeric({p},{s})"),
            ScalarType::Text => f.write_str("text"),
            ScalarType::Varchar(n) => write!(f, "varchar({n})"),
            ScalarType::Char(n) => write!(f, "char({n})"),
            ScalarType::Bytes => f.write_str("bytes"),
            ScalarType::Uuid => f.write_str("uuid"),
            ScalarType::Date => f.write_str("date"),
            ScalarType::Time => f.write_str("time"),
            ScalarType::Timestamp => f.write_str("timestamp"),
            ScalarType::Timestamptz => f.write_str("timestamptz"),
            ScalarType::Interval => f.write_str("interval"),
            ScalarType::Json => f.write_str("json"),
            ScalarType::Jsonb => f.write_str("jsonb"),
        }
    }
}

/// A column default, in the portable default language (see docs/schema.md).
#[derive(Clone, Debug, PartialEq)]
pub enum DefaultValue {
    Number(String),
    Bool(bool),
    Null,
    String(String),
    Now,
    /// `current_timestamp`: the time as each engine's own CURRENT_TIMESTAMP writes it (on
    /// SQLite `YYYY-MM-DD HH:MM:SS` text, not `now()`'s ISO 8601), kept apart from `now()` so
    /// that an adopted database's default is rebuilt as it is.
    CurrentTimestamp,
    CurrentDate,
    Uuid,
    EmptyArray,
    Raw(BTreeMap<Dialect, String>),
}

/// As the schema language writes it (`now()`, `'draft'`, `0`); a per-dialect default as the
/// dialects it has.
impl fmt::Display for DefaultValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DefaultValue::Number(n) => f.write_str(n),
            DefaultValue::Bool(b) => write!(f, "{b}"),
            DefaultValue::Null => f.write_str("null"),
            DefaultValue::String(s) => write!(f, "'{}'", s.replace('\'', "''")),
            DefaultValue::Now => f.write_str("now()"),
            DefaultValue::CurrentTimestamp => f.write_str("current_timestamp"),
            DefaultValue::CurrentDate => f.write_str("current_date"),
            DefaultValue::Uuid => f.write_str("uuid()"),
            DefaultValue::EmptyArray => f.write_str("[]"),
            DefaultValue::Raw(map) => {
                let parts: Vec<String> = map.iter().map(|(d, sql)| format!("{d}: {sql}")).collect();
                write!(f, "{{ {} }}", parts.join(", "))
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FkAction {
    Cascade,
    Restrict,
    SetNull,
    SetDefault,
    NoAction,
}

impl FkAction {
    pub fn parse(text: &str) -> Option<FkAction> {
        let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
        match words
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            ["cascade"] => Some(FkAction::Cascade),
            ["restrict"] => Some(FkAction::Restrict),
            ["set", "null"] => Some(FkAction::SetNull),
            ["set", "default"] => Some(FkAction::SetDefault),
            ["no", "action"] => Some(FkAction::NoAction),
            _ => None,
        }
    }

    pub fn sql(self) -> &'static str {
        match self {
            FkAction::Cascade => "CASCADE",
            FkAction::Restrict => "RESTRICT",
            FkAction::SetNull => "SET NULL",
            FkAction::SetDefault => "SET DEFAULT",
            FkAction::NoAction => "NO ACTION",
        }
    }
}

#[derive(Clone, Debug)]
pub struct PrimaryKey {
    pub name: String,
    pub columns: Vec<Spanned<String>>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ForeignKey {
    pub name: String,
    pub columns: Vec<Spanned<String>>,
    pub ref_table: Spanned<String>,
    /// After validation, never empty: an omitted list means the target's primary key.
    pub ref_columns: Vec<Spanned<String>>,
    pub on_delete: Option<FkAction>,
    pub on_update: Option<FkAction>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct UniqueConstraint {
    pub name: String,
    pub columns: Vec<Spanned<String>>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct CheckConstraint {
    pub name: String,
    pub expr: Spanned<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndexMethod {
    Btree,
    Hash,
    Gin,
    Brin,
}

impl IndexMethod {
    pub fn parse(text: &str) -> Option<IndexMethod> {
        match text.to_lowercase().as_str() {
            "btree" => Some(IndexMethod::Btree),
            "hash" => Some(IndexMethod::Hash),
            "gin" => Some(IndexMethod::Gin),
            "brin" => Some(IndexMethod::Brin),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            IndexMethod::Btree => "btree",
            IndexMethod::Hash => "hash",
            IndexMethod::Gin => "gin",
            IndexMethod::Brin => "brin",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Index {
    pub name: Spanned<String>,
    pub parts: Vec<IndexPart>,
    pub unique: bool,
    pub predicate: Option<Spanned<String>>,
    pub method: Option<IndexMethod>,
    pub include: Vec<Spanned<String>>,
}

#[derive(Clone, Debug)]
pub enum IndexPart {
    Column {
        name: Spanned<String>,
        descending: bool,
    },
    Expression {
        sql: Spanned<String>,
        descending: bool,
        /// Columns the expression casts to a date or time type.
        time_casts: Vec<String>,
    },
}

/// A fixed-length interval: `N UNIT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub amount: u64,
    pub unit: IntervalUnit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntervalUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
}

impl IntervalUnit {
    pub fn seconds(self) -> u64 {
        match self {
            IntervalUnit::Second => 1,
            IntervalUnit::Minute => 60,
            IntervalUnit::Hour => 3_600,
            IntervalUnit::Day => 86_400,
            IntervalUnit::Week => 604_800,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            IntervalUnit::Second => "second",
            IntervalUnit::Minute => "minute",
            IntervalUnit::Hour => "hour",
            IntervalUnit::Day => "day",
            IntervalUnit::Week => "week",
        }
    }
}

impl Interval {
    pub fn seconds(self) -> u64 {
        self.amount * self.unit.seconds()
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.amount == 1 { "" } else { "s" };
        write!(f, "{} {}{}", self.amount, self.unit.name(), plural)
    }
}

#[derive(Clone, Debug)]
pub struct Hypertable {
    pub time_column: Spanned<String>,
    pub chunk_interval: Option<Interval>,
    pub compression: Option<Compression>,
    pub retention: Option<Interval>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Compression {
    pub after: Interval,
    pub segment_by: Vec<Spanned<String>>,
    pub order_by: Vec<(Spanned<String>, bool)>,
}

#[derive(Clone, Debug, Default)]
pub struct SqliteOptions {
    pub strict: bool,
    pub without_rowid: bool,
    /// The identity key is `INTEGER PRIMARY KEY AUTOINCREMENT`: ids are never reused.
    pub autoincrement: bool,
    pub span: Option<Span>,
}

#[derive(Clone, Debug)]
pub struct View {
    pub name: Spanned<String>,
    pub comment: Option<String>,
    pub sql: Spanned<SqlText>,
    pub materialized: bool,
    pub indexes: Vec<Index>,
    /// Tables and views the body reads, as written, found by parsing it.
    pub references: Vec<Spanned<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AggregateFunction {
    Count,
    Sum,
    Avg,
    Min,
    Max,
}

impl AggregateFunction {
    pub fn parse(name: &str) -> Option<AggregateFunction> {
        match name.to_lowercase().as_str() {
            "count" => Some(AggregateFunction::Count),
            "sum" => Some(AggregateFunction::Sum),
            "avg" => Some(AggregateFunction::Avg),
            "min" => Some(AggregateFunction::Min),
            "max" => Some(AggregateFunction::Max),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            AggregateFunction::Count => "count",
            AggregateFunction::Sum => "sum",
            AggregateFunction::Avg => "avg",
            AggregateFunction::Min => "min",
            AggregateFunction::Max => "max",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Aggregate {
    pub name: Spanned<String>,
    pub function: AggregateFunction,
    /// `None` for `count(*)`.
    pub column: Option<Spanned<String>>,
}

#[derive(Clone, Debug)]
pub struct RefreshPolicy {
    pub start_offset: Interval,
    pub end_offset: Interval,
    pub schedule_interval: Interval,
}

#[derive(Clone, Debug)]
pub struct ContinuousAggregate {
    pub name: Spanned<String>,
    pub comment: Option<String>,
    pub source: Spanned<String>,
    pub bucket_column: Spanned<String>,
    pub bucket_width: Spanned<Interval>,
    pub bucket_name: String,
    pub group_by: Vec<Spanned<String>>,
    pub aggregates: Vec<Aggregate>,
    pub refresh: Option<RefreshPolicy>,
    pub realtime: bool,
}

#[derive(Clone, Debug)]
pub struct FullTextIndex {
    pub name: Spanned<String>,
    pub table: Spanned<String>,
    pub columns: Vec<Spanned<String>>,
    pub tokenize: Option<String>,
}

#[derive(Clone, Debug)]
pub struct RawStatement {
    pub sql: SqlText,
    pub span: Span,
    /// Rendered before the tables (a function a default or check calls), not after
    /// everything.
    pub before_tables: bool,
}
