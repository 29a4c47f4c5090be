//! What every generated function shares: the error type, how values are bound and read on
//! each backend, and the per-connection statement caches. Written by `dbtool generate` from
//! templates/rust/runtime.rs.j2.

use std::fmt;

/// A query's SQL for each backend.
#[derive(Debug)]
pub struct Query {
    /// The query's name in its `.sql` file.
    pub name: &'static str,
    /// The SQL run on PostgreSQL.
    pub postgres: &'static str,
    /// The SQL run on TimescaleDB (the `timescaledb` feature) when it differs from PostgreSQL's.
    pub timescaledb: Option<&'static str>,
    /// The SQL run on SQLite.
    pub sqlite: &'static str,
}

impl Query {
    /// The SQL the PostgreSQL backends run: TimescaleDB's with the `timescaledb` feature.
    pub fn postgres_sql(&self) -> &'static str {
        match self.timescaledb {
            Some(sql) if cfg!(feature = "timescaledb") => sql,
            _ => self.postgres,
        }
    }
}

/// A bulk insert (`:copyfrom`): the INSERT SQLite runs once per row, and the COPY PostgreSQL
/// streams every row through.
#[derive(Debug)]
pub struct BulkQuery {
    pub insert: Query,
    /// `COPY … FROM STDIN BINARY`.
    pub copy: &'static str,
}

/// The PostgreSQL client's error (the same type for both PostgreSQL backends).
#[cfg(feature = "postgres")]
pub type PgError = postgres::Error;
/// The PostgreSQL client's error (the same type for both PostgreSQL backends).
#[cfg(all(feature = "tokio-postgres", not(feature = "postgres")))]
pub type PgError = tokio_postgres::Error;

/// Why a generated function failed. `#[non_exhaustive]`: a crate that turns on another backend
/// feature adds a variant without breaking anyone's `match`.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A `:one` query found no row.
    NotFound { query: &'static str },
    /// SQLite refused the query or a value.
    #[cfg(feature = "rusqlite")]
    Sqlite {
        query: &'static str,
        source: rusqlite::Error,
    },
    /// PostgreSQL refused the query or a value.
    #[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
    Postgres {
        query: &'static str,
        source: PgError,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotFound { query } => write!(f, "query {query} found no row"),
            #[cfg(feature = "rusqlite")]
            Error::Sqlite { query, source } => write!(f, "query {query} failed: {source}"),
            #[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
            Error::Postgres { query, source } => match source.as_db_error() {
                // The server's own words, not the driver's "db error".
                Some(db) => {
                    write!(
                        f,
                        "query {query} failed: {}: {}",
                        db.severity(),
                        db.message()
                    )?;
                    if let Some(detail) = db.detail() {
                        write!(f, "; detail: {detail}")?;
                    }
                    if let Some(hint) = db.hint() {
                        write!(f, "; hint: {hint}")?;
                    }
                    if let Some(constraint) = db.constraint() {
                        write!(f, "; constraint: {constraint}")?;
                    }
                    write!(f, " (SQLSTATE {})", db.code().code())
                }
                None => write!(f, "query {query} failed: {source}"),
            },
        }
    }
}

impl Error {
    /// The query that failed.
    pub fn query(&self) -> &'static str {
        match self {
            Error::NotFound { query } => query,
            #[cfg(feature = "rusqlite")]
            Error::Sqlite { query, .. } => query,
            #[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
            Error::Postgres { query, .. } => query,
        }
    }

    /// PostgreSQL's SQLSTATE (`23505`), when the server refused the statement.
    pub fn sqlstate(&self) -> Option<&str> {
        match self {
            #[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
            Error::Postgres { source, .. } => source.as_db_error().map(|db| db.code().code()),
            _ => None,
        }
    }

    /// The constraint the statement broke, when the database names it (PostgreSQL).
    pub fn constraint(&self) -> Option<&str> {
        match self {
            #[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
            Error::Postgres { source, .. } => source.as_db_error().and_then(|db| db.constraint()),
            _ => None,
        }
    }

    /// A unique or primary key would hold a value twice.
    pub fn is_unique_violation(&self) -> bool {
        // SQLite's extended codes SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
        self.sqlstate() == Some("23505") || matches!(self.sqlite_extended_code(), Some(2067 | 1555))
    }

    /// A foreign key would point at nothing, or a row others point at would go.
    pub fn is_foreign_key_violation(&self) -> bool {
        // SQLite's extended code SQLITE_CONSTRAINT_FOREIGNKEY.
        self.sqlstate() == Some("23503") || self.sqlite_extended_code() == Some(787)
    }

    /// A CHECK constraint (or one of the checks dbtool writes on SQLite) refused a value.
    pub fn is_check_violation(&self) -> bool {
        // SQLite's extended code SQLITE_CONSTRAINT_CHECK.
        self.sqlstate() == Some("23514") || self.sqlite_extended_code() == Some(275)
    }

    /// A NOT NULL column got NULL.
    pub fn is_not_null_violation(&self) -> bool {
        // SQLite's extended code SQLITE_CONSTRAINT_NOTNULL.
        self.sqlstate() == Some("23502") || self.sqlite_extended_code() == Some(1299)
    }

    /// A `:one` query found no row.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::NotFound { .. })
    }

    fn sqlite_extended_code(&self) -> Option<i32> {
        match self {
            #[cfg(feature = "rusqlite")]
            Error::Sqlite {
                source: rusqlite::Error::SqliteFailure(failure, _),
                ..
            } => Some(failure.extended_code),
            _ => None,
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::NotFound { .. } => None,
            #[cfg(feature = "rusqlite")]
            Error::Sqlite { source, .. } => Some(source),
            #[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
            Error::Postgres { source, .. } => Some(source),
        }
    }
}

/// A database value that is not one of an enum's values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    /// The enum's name in the schema.
    pub type_name: &'static str,
    /// The value found.
    pub value: String,
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a value of {}", self.value, self.type_name)
    }
}

impl std::error::Error for UnknownValue {}

/// Implements the backends' conversions for a schema enum stored as its value's text.
#[allow(unused_macros)] // a schema without enums does not use it
macro_rules! text_enum {
    ($rust:ident, $sql:literal) => {
        impl std::fmt::Display for $rust {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// As the database's value (`"active"`), so JSON and the database agree.
        #[cfg(feature = "serde")]
        impl serde::Serialize for $rust {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $rust {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }

        #[cfg(feature = "rusqlite")]
        impl crate::runtime::sqlite::Param for $rust {
            fn to_value(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.as_str()))
            }
        }

        #[cfg(feature = "rusqlite")]
        impl crate::runtime::sqlite::Column for $rust {
            fn from_value(
                value: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                text.parse()
                    .map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
            }
        }

        #[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
        impl postgres_types::ToSql for $rust {
            fn to_sql(
                &self,
                _ty: &postgres_types::Type,
                out: &mut bytes::BytesMut,
            ) -> Result<postgres_types::IsNull, Box<dyn std::error::Error + Sync + Send>> {
                out.extend_from_slice(self.as_str().as_bytes());
                Ok(postgres_types::IsNull::No)
            }

            fn accepts(ty: &postgres_types::Type) -> bool {
                ty.name() == $sql || *ty == postgres_types::Type::TEXT
            }

            postgres_types::to_sql_checked!();
        }

        #[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
        impl<'a> postgres_types::FromSql<'a> for $rust {
            fn from_sql(
                _ty: &postgres_types::Type,
                raw: &'a [u8],
            ) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
                Ok(std::str::from_utf8(raw)?.parse()?)
            }

            fn accepts(ty: &postgres_types::Type) -> bool {
                ty.name() == $sql || *ty == postgres_types::Type::TEXT
            }
        }
    };
}

#[allow(unused_imports)]
pub(crate) use text_enum;

/// The `rusqlite` backend: values stored the way dbtool's SQLite schema stores them (uuid and
/// times as text, JSON and arrays as JSON text), statements cached per connection.
#[cfg(feature = "rusqlite")]
pub mod sqlite {
    use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

    use super::{BulkQuery, Error, Query};

    /// Sets up a connection as dbtool's SQLite schema expects it; call it on every connection
    /// you open (SQLite keeps these settings per connection, not in the database file):
    /// foreign keys enforced (SQLite ignores `REFERENCES` unless told otherwise) and a busy
    /// timeout, so that a writer waits up to five seconds for another instead of failing at
    /// once. With r2d2: `SqliteConnectionManager::file(path).with_init(|c| sqlite::configure(c))`.
    pub fn configure(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
    }

    /// Opens (or creates) the SQLite database at `path`, set up by [`configure`].
    pub fn open(path: impl AsRef<std::path::Path>) -> rusqlite::Result<rusqlite::Connection> {
        let conn = rusqlite::Connection::open(path)?;
        configure(&conn)?;
        Ok(conn)
    }

    /// A value bound as a parameter.
    pub trait Param {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>>;
    }

    /// A value read from a column.
    pub trait Column: Sized {
        fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self>;
    }

    /// A row struct read from a result row.
    pub trait FromRow: Sized {
        fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self>;
    }

    /// The value of a query with one result column is the row itself.
    impl<T: Column> FromRow for T {
        fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
            get(row, 0)
        }
    }

    macro_rules! native {
        ($($t:ty),*) => {
            $(
                impl Param for $t {
                    fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                        self.to_sql()
                    }
                }

                impl Column for $t {
                    fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self> {
                        <$t as FromSql>::column_result(value)
                    }
                }
            )*
        };
    }

    native!(bool, i16, i32, i64, f32, f64, String, Vec<u8>);

    impl Param for str {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            self.to_sql()
        }
    }

    impl Param for [u8] {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            self.to_sql()
        }
    }

    impl<T: Param + ?Sized> Param for &T {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            (**self).to_value()
        }
    }

    impl<T: Param> Param for Option<T> {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            match self {
                Some(value) => value.to_value(),
                None => Ok(ToSqlOutput::from(rusqlite::types::Null)),
            }
        }
    }

    impl<T: Column> Column for Option<T> {
        fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self> {
            match value {
                ValueRef::Null => Ok(None),
                other => T::from_value(other).map(Some),
            }
        }
    }

    #[allow(dead_code)] // used by the conversions of the optional type crates
    fn text(value: String) -> rusqlite::Result<ToSqlOutput<'static>> {
        Ok(ToSqlOutput::from(value))
    }

    #[allow(dead_code)] // used by the conversions of the optional type crates
    fn other(error: impl std::error::Error + Send + Sync + 'static) -> FromSqlError {
        FromSqlError::Other(Box::new(error))
    }

    #[cfg(feature = "uuid")]
    impl Param for uuid::Uuid {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            text(self.hyphenated().to_string())
        }
    }

    #[cfg(feature = "uuid")]
    impl Column for uuid::Uuid {
        fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self> {
            match value {
                ValueRef::Blob(bytes) => uuid::Uuid::from_slice(bytes).map_err(other),
                _ => uuid::Uuid::parse_str(value.as_str()?).map_err(other),
            }
        }
    }

    /// Times are ISO-8601 text in UTC with milliseconds, as the schema's defaults write them.
    #[cfg(feature = "chrono")]
    impl Param for chrono::DateTime<chrono::Utc> {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            text(self.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        }
    }

    #[cfg(feature = "chrono")]
    impl Column for chrono::DateTime<chrono::Utc> {
        fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self> {
            let text = value.as_str()?;
            if let Ok(time) = chrono::DateTime::parse_from_rfc3339(text) {
                return Ok(time.with_timezone(&chrono::Utc));
            }
            naive_time(text).map(|t| t.and_utc())
        }
    }

    #[cfg(feature = "chrono")]
    fn naive_time(text: &str) -> FromSqlResult<chrono::NaiveDateTime> {
        let text = text.trim_end_matches('Z');
        chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
            .or_else(|_| chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f"))
            .map_err(other)
    }

    #[cfg(feature = "chrono")]
    impl Param for chrono::NaiveDateTime {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            text(self.format("%Y-%m-%dT%H:%M:%S%.3f").to_string())
        }
    }

    #[cfg(feature = "chrono")]
    impl Column for chrono::NaiveDateTime {
        fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self> {
            naive_time(value.as_str()?)
        }
    }

    #[cfg(feature = "chrono")]
    impl Param for chrono::NaiveDate {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            text(self.format("%Y-%m-%d").to_string())
        }
    }

    #[cfg(feature = "chrono")]
    impl Column for chrono::NaiveDate {
        fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self> {
            chrono::NaiveDate::parse_from_str(value.as_str()?, "%Y-%m-%d").map_err(other)
        }
    }

    #[cfg(feature = "chrono")]
    impl Param for chrono::NaiveTime {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            text(self.format("%H:%M:%S%.3f").to_string())
        }
    }

    #[cfg(feature = "chrono")]
    impl Column for chrono::NaiveTime {
        fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self> {
            chrono::NaiveTime::parse_from_str(value.as_str()?, "%H:%M:%S%.f").map_err(other)
        }
    }

    #[cfg(feature = "time")]
    mod time_formats {
        use time::format_description::BorrowedFormatItem;
        use time::macros::format_description;

        pub const UTC: &[BorrowedFormatItem<'_>] = format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
        );
        pub const LOCAL: &[BorrowedFormatItem<'_>] = format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]"
        );
        pub const READ_T: &[BorrowedFormatItem<'_>] = format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
        );
        pub const READ_SPACE: &[BorrowedFormatItem<'_>] = format_description!(
            "[year]-[month]-[day] [hour]:[minute]:[second][optional [.[subsecond]]]"
        );
        pub const DATE: &[BorrowedFormatItem<'_>] = format_description!("[year]-[month]-[day]");
        pub const TIME: &[BorrowedFormatItem<'_>] =
            format_description!("[hour]:[minute]:[second].[subsecond digits:3]");
        pub const READ_TIME: &[BorrowedFormatItem<'_>] =
            format_description!("[hour]:[minute]:[second][optional [.[subsecond]]]");
    }

    #[cfg(feature = "time")]
    fn formatted(
        result: Result<String, time::error::Format>,
    ) -> rusqlite::Result<ToSqlOutput<'static>> {
        result
            .map(ToSqlOutput::from)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
    }

    /// With the time crate, times are stored as with chrono: ISO-8601 text, UTC, milliseconds.
    #[cfg(feature = "time")]
    impl Param for time::OffsetDateTime {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            let utc = self.to_offset(time::UtcOffset::UTC);
            formatted(utc.format(time_formats::UTC))
        }
    }

    #[cfg(feature = "time")]
    impl Column for time::OffsetDateTime {
        fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self> {
            let text = value.as_str()?;
            let rfc3339 = time::format_description::well_known::Rfc3339;
            if let Ok(time) = time::OffsetDateTime::parse(text, &rfc3339) {
                return Ok(time);
            }
            primitive_time(text).map(|t| t.assume_utc())
        }
    }

    #[cfg(feature = "time")]
    fn primitive_time(text: &str) -> FromSqlResult<time::PrimitiveDateTime> {
        let text = text.trim_end_matches('Z');
        time::PrimitiveDateTime::parse(text, time_formats::READ_T)
            .or_else(|_| time::PrimitiveDateTime::parse(text, time_formats::READ_SPACE))
            .map_err(other)
    }

    #[cfg(feature = "time")]
    impl Param for time::PrimitiveDateTime {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            formatted(self.format(time_formats::LOCAL))
        }
    }

    #[cfg(feature = "time")]
    impl Column for time::PrimitiveDateTime {
        fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self> {
            primitive_time(value.as_str()?)
        }
    }

    #[cfg(feature = "time")]
    impl Param for time::Date {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            formatted(self.format(time_formats::DATE))
        }
    }

    #[cfg(feature = "time")]
    impl Column for time::Date {
        fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self> {
            time::Date::parse(value.as_str()?, time_formats::DATE).map_err(other)
        }
    }

    #[cfg(feature = "time")]
    impl Param for time::Time {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            formatted(self.format(time_formats::TIME))
        }
    }

    #[cfg(feature = "time")]
    impl Column for time::Time {
        fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self> {
            time::Time::parse(value.as_str()?, time_formats::READ_TIME).map_err(other)
        }
    }

    #[cfg(feature = "serde_json")]
    impl Param for serde_json::Value {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            text(self.to_string())
        }
    }

    #[cfg(feature = "serde_json")]
    impl Column for serde_json::Value {
        fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self> {
            serde_json::from_str(value.as_str()?).map_err(other)
        }
    }

    /// Numerics are REAL on SQLite; text keeps the exact digits on the way in.
    #[cfg(feature = "rust_decimal")]
    impl Param for rust_decimal::Decimal {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            text(self.to_string())
        }
    }

    #[cfg(feature = "rust_decimal")]
    impl Column for rust_decimal::Decimal {
        fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self> {
            match value {
                ValueRef::Integer(i) => Ok(rust_decimal::Decimal::from(i)),
                ValueRef::Real(r) => rust_decimal::Decimal::try_from(r).map_err(other),
                _ => value.as_str()?.parse().map_err(other),
            }
        }
    }

    /// Arrays are JSON arrays on SQLite.
    #[cfg(feature = "serde_json")]
    impl Param for [String] {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            text(serde_json::Value::from(self.to_vec()).to_string())
        }
    }

    #[cfg(feature = "serde_json")]
    impl Column for Vec<String> {
        fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self> {
            serde_json::from_str(value.as_str()?).map_err(other)
        }
    }

    /// Arrays of numbers and booleans, as JSON arrays too.
    macro_rules! json_arrays {
        ($($t:ty),*) => {$(
            #[cfg(feature = "serde_json")]
            impl Param for [$t] {
                fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                    text(serde_json::Value::from(self.to_vec()).to_string())
                }
            }

            #[cfg(feature = "serde_json")]
            impl Column for Vec<$t> {
                fn from_value(value: ValueRef<'_>) -> FromSqlResult<Self> {
                    serde_json::from_str(value.as_str()?).map_err(other)
                }
            }
        )*};
    }
    json_arrays!(bool, i16, i32, i64, f32, f64);

    /// A column of `row`, converted.
    pub fn get<T: Column>(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<T> {
        let value = row.get_ref(index)?;
        T::from_value(value).map_err(|e| match e {
            FromSqlError::InvalidType => {
                rusqlite::Error::InvalidColumnType(index, String::new(), value.data_type())
            }
            other => {
                rusqlite::Error::FromSqlConversionFailure(index, value.data_type(), Box::new(other))
            }
        })
    }

    /// A column of a type chosen in dbtool.toml, read through the type's own `FromSql`.
    pub fn get_native<T: FromSql>(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<T> {
        row.get(index)
    }

    /// A parameter of a type chosen in dbtool.toml, bound through the type's own `ToSql`.
    pub struct Native<'a, T: ?Sized>(pub &'a T);

    impl<T: ToSql + ?Sized> Param for Native<'_, T> {
        fn to_value(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            self.0.to_sql()
        }
    }

    struct Bound<'a>(&'a dyn Param);

    impl ToSql for Bound<'_> {
        fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            self.0.to_value()
        }
    }

    /// One call of a query: its cached statement and the parameters bound so far.
    pub struct Call<'c> {
        query: &'static Query,
        conn: &'c rusqlite::Connection,
        statement: rusqlite::CachedStatement<'c>,
        bound: usize,
    }

    impl<'c> Call<'c> {
        /// Prepares `query` once per connection (rusqlite's statement cache, sized to hold
        /// every query of the crate).
        pub fn new(conn: &'c rusqlite::Connection, query: &'static Query) -> Result<Self, Error> {
            conn.set_prepared_statement_cache_capacity(crate::QUERY_COUNT);
            let mut statement = conn.prepare_cached(query.sqlite).map_err(fail(query))?;
            statement.clear_bindings();
            Ok(Call {
                query,
                conn,
                statement,
                bound: 0,
            })
        }

        /// Binds the next parameter (`?1`, `?2`, … in order).
        pub fn bind(&mut self, value: &dyn Param) -> Result<(), Error> {
            self.bound += 1;
            self.statement
                .raw_bind_parameter(self.bound, Bound(value))
                .map_err(fail(self.query))
        }

        /// The one row; [`Error::NotFound`] when there is none.
        /// A second row is an error, as on PostgreSQL.
        pub fn one<R: FromRow>(self) -> Result<R, Error> {
            let query = self.query;
            match self.opt()? {
                Some(row) => Ok(row),
                None => Err(Error::NotFound { query: query.name }),
            }
        }

        /// The row, if there is one; a second row is an error, as on PostgreSQL.
        pub fn opt<R: FromRow>(mut self) -> Result<Option<R>, Error> {
            let query = self.query;
            let mut rows = self.statement.raw_query();
            let first = match rows.next().map_err(fail(query))? {
                Some(row) => R::from_row(row).map_err(fail(query))?,
                None => return Ok(None),
            };
            match rows.next().map_err(fail(query))? {
                Some(_) => Err(fail(query)(rusqlite::Error::QueryReturnedMoreThanOneRow)),
                None => Ok(Some(first)),
            }
        }

        /// Every row.
        pub fn many<R: FromRow>(mut self) -> Result<Vec<R>, Error> {
            let query = self.query;
            let mut rows = self.statement.raw_query();
            let mut out = Vec::new();
            while let Some(row) = rows.next().map_err(fail(query))? {
                out.push(R::from_row(row).map_err(fail(query))?);
            }
            Ok(out)
        }

        /// Every row, one at a time, without collecting them.
        pub fn for_each<R: FromRow>(
            mut self,
            mut f: impl FnMut(R) -> Result<(), Error>,
        ) -> Result<(), Error> {
            let query = self.query;
            let mut rows = self.statement.raw_query();
            while let Some(row) = rows.next().map_err(fail(query))? {
                f(R::from_row(row).map_err(fail(query))?)?;
            }
            Ok(())
        }

        /// Runs the statement.
        pub fn exec(self) -> Result<(), Error> {
            self.execrows().map(|_| ())
        }

        /// Runs the statement and says how many rows it changed.
        pub fn execrows(mut self) -> Result<u64, Error> {
            let query = self.query;
            let changed = self.statement.raw_execute().map_err(fail(query))?;
            Ok(changed as u64)
        }

        /// Runs the statement and gives the rowid of the row it inserted (SQLite's
        /// `last_insert_rowid()`, as sqlc's `:execlastid`).
        pub fn execlastid(mut self) -> Result<i64, Error> {
            self.statement.raw_execute().map_err(fail(self.query))?;
            Ok(self.conn.last_insert_rowid())
        }
    }

    /// A bulk insert on SQLite: the prepared INSERT once per row, all rows inside one
    /// savepoint (a transaction of its own, or nested in the caller's).
    pub struct BulkInsert<'c> {
        conn: &'c rusqlite::Connection,
        query: &'static Query,
        statement: rusqlite::CachedStatement<'c>,
        bound: usize,
        rows: u64,
        open: bool,
    }

    impl<'c> BulkInsert<'c> {
        pub fn new(
            conn: &'c rusqlite::Connection,
            bulk: &'static BulkQuery,
        ) -> Result<Self, Error> {
            let query = &bulk.insert;
            conn.set_prepared_statement_cache_capacity(crate::QUERY_COUNT);
            conn.execute_batch("SAVEPOINT dbtool_bulk_insert")
                .map_err(fail(query))?;
            let statement = match conn.prepare_cached(query.sqlite) {
                Ok(statement) => statement,
                Err(e) => {
                    let _ = conn.execute_batch(
                        "ROLLBACK TO dbtool_bulk_insert; RELEASE dbtool_bulk_insert",
                    );
                    return Err(fail(query)(e));
                }
            };
            Ok(BulkInsert {
                conn,
                query,
                statement,
                bound: 0,
                rows: 0,
                open: true,
            })
        }

        /// The next value of the current row.
        pub fn field(&mut self, value: &dyn Param) -> Result<(), Error> {
            self.bound += 1;
            self.statement
                .raw_bind_parameter(self.bound, Bound(value))
                .map_err(fail(self.query))
        }

        /// Inserts the current row.
        pub fn end_row(&mut self) -> Result<(), Error> {
            self.bound = 0;
            let changed = self.statement.raw_execute().map_err(fail(self.query))?;
            self.rows += changed as u64;
            Ok(())
        }

        /// Commits every row; returns how many were inserted.
        pub fn finish(mut self) -> Result<u64, Error> {
            self.conn
                .execute_batch("RELEASE dbtool_bulk_insert")
                .map_err(fail(self.query))?;
            self.open = false;
            Ok(self.rows)
        }
    }

    impl Drop for BulkInsert<'_> {
        /// A bulk insert that did not finish leaves no row behind.
        fn drop(&mut self) {
            if self.open {
                let _ = self
                    .conn
                    .execute_batch("ROLLBACK TO dbtool_bulk_insert; RELEASE dbtool_bulk_insert");
            }
        }
    }

    fn fail(query: &'static Query) -> impl Fn(rusqlite::Error) -> Error {
        move |source| Error::Sqlite {
            query: query.name,
            source,
        }
    }
}

/// What the two PostgreSQL backends share: reading rows.
#[cfg(any(feature = "postgres", feature = "tokio-postgres"))]
pub mod pg_row {
    #[cfg(feature = "postgres")]
    pub use postgres::Row;
    #[cfg(all(feature = "tokio-postgres", not(feature = "postgres")))]
    pub use tokio_postgres::Row;

    /// A row struct read from a result row.
    pub trait FromRow: Sized {
        fn from_row(row: &Row) -> Result<Self, super::PgError>;
    }

    /// The value of a query with one result column is the row itself.
    impl<T: for<'a> postgres_types::FromSql<'a>> FromRow for T {
        fn from_row(row: &Row) -> Result<Self, super::PgError> {
            row.try_get(0)
        }
    }
}

/// The `postgres` backend (synchronous).
#[cfg(feature = "postgres")]
pub mod pg {
    use std::collections::HashMap;

    use postgres::types::ToSql;
    use postgres::{Row, RowIter, Statement};

    pub use super::pg_row::FromRow;
    use super::{BulkQuery, Error, Query};

    /// What the generated functions run on: [`Client`] and its [`Transaction`] (statements
    /// prepared once per connection), or the driver's own `postgres::Client` and
    /// `postgres::Transaction` (and so an r2d2 pooled connection, `&mut *conn`), which keep no
    /// cache: each call prepares its statement (one round trip more).
    pub trait Executor {
        /// The statement of `query`, from the connection's cache where there is one.
        fn statement(&mut self, query: &'static Query) -> Result<Statement, postgres::Error>;
        fn query(
            &mut self,
            statement: &Statement,
            params: &[&(dyn ToSql + Sync)],
        ) -> Result<Vec<Row>, postgres::Error>;
        fn query_opt(
            &mut self,
            statement: &Statement,
            params: &[&(dyn ToSql + Sync)],
        ) -> Result<Option<Row>, postgres::Error>;
        fn query_raw<'a>(
            &'a mut self,
            statement: &Statement,
            params: &[&'a (dyn ToSql + Sync)],
        ) -> Result<RowIter<'a>, postgres::Error>;
        fn execute(
            &mut self,
            statement: &Statement,
            params: &[&(dyn ToSql + Sync)],
        ) -> Result<u64, postgres::Error>;
        fn copy_in(&mut self, sql: &str) -> Result<postgres::CopyInWriter<'_>, postgres::Error>;
    }

    /// The driver's own clients run each statement through `postgres::GenericClient`.
    macro_rules! executor_through {
        ($client:ident => $generic:expr, prepare($query:ident) => $prepare:expr) => {
            fn statement(&mut self, $query: &'static Query) -> Result<Statement, postgres::Error> {
                let $client = self;
                $prepare
            }

            fn query(
                &mut self,
                statement: &Statement,
                params: &[&(dyn ToSql + Sync)],
            ) -> Result<Vec<Row>, postgres::Error> {
                let $client = self;
                postgres::GenericClient::query($generic, statement, params)
            }

            fn query_opt(
                &mut self,
                statement: &Statement,
                params: &[&(dyn ToSql + Sync)],
            ) -> Result<Option<Row>, postgres::Error> {
                let $client = self;
                postgres::GenericClient::query_opt($generic, statement, params)
            }

            fn query_raw<'a>(
                &'a mut self,
                statement: &Statement,
                params: &[&'a (dyn ToSql + Sync)],
            ) -> Result<RowIter<'a>, postgres::Error> {
                let $client = self;
                postgres::GenericClient::query_raw($generic, statement, params.iter().copied())
            }

            fn execute(
                &mut self,
                statement: &Statement,
                params: &[&(dyn ToSql + Sync)],
            ) -> Result<u64, postgres::Error> {
                let $client = self;
                postgres::GenericClient::execute($generic, statement, params)
            }

            fn copy_in(
                &mut self,
                sql: &str,
            ) -> Result<postgres::CopyInWriter<'_>, postgres::Error> {
                let $client = self;
                postgres::GenericClient::copy_in($generic, sql)
            }
        };
    }

    impl Executor for postgres::Client {
        executor_through!(c => c, prepare(query) => c.prepare(query.postgres_sql()));
    }

    impl Executor for postgres::Transaction<'_> {
        executor_through!(c => c, prepare(query) => c.prepare(query.postgres_sql()));
    }

    impl Executor for Client {
        executor_through!(c => &mut c.client, prepare(query) => cached(&mut c.client, &mut c.statements, query));
    }

    impl Executor for Transaction<'_> {
        executor_through!(c => &mut c.transaction, prepare(query) => cached(&mut c.transaction, c.statements, query));
    }

    /// Prepared statements by query name. A connection's statements live as long as it does,
    /// inside and outside its transactions (PostgreSQL's prepared statements are not undone by
    /// a rollback).
    type Statements = HashMap<&'static str, Statement>;

    fn cached(
        client: &mut impl postgres::GenericClient,
        statements: &mut Statements,
        query: &'static Query,
    ) -> Result<Statement, postgres::Error> {
        if let Some(statement) = statements.get(query.name) {
            return Ok(statement.clone());
        }
        let statement = client.prepare(query.postgres_sql())?;
        statements.insert(query.name, statement.clone());
        Ok(statement)
    }

    /// A PostgreSQL client that prepares each query once.
    pub struct Client {
        client: postgres::Client,
        statements: Statements,
    }

    impl Client {
        pub fn new(client: postgres::Client) -> Self {
            Client {
                client,
                statements: HashMap::new(),
            }
        }

        /// Starts a transaction whose queries use this client's prepared statements. It rolls
        /// back when dropped without [`Transaction::commit`].
        pub fn transaction(&mut self) -> Result<Transaction<'_>, postgres::Error> {
            Ok(Transaction {
                transaction: self.client.transaction()?,
                statements: &mut self.statements,
            })
        }

        /// The client, for work of its own (other SQL).
        pub fn get_mut(&mut self) -> &mut postgres::Client {
            &mut self.client
        }

        pub fn into_inner(self) -> postgres::Client {
            self.client
        }
    }

    /// A transaction of a [`Client`], with its prepared statements.
    pub struct Transaction<'c> {
        transaction: postgres::Transaction<'c>,
        statements: &'c mut Statements,
    }

    impl<'c> Transaction<'c> {
        pub fn commit(self) -> Result<(), postgres::Error> {
            self.transaction.commit()
        }

        pub fn rollback(self) -> Result<(), postgres::Error> {
            self.transaction.rollback()
        }

        /// The driver's transaction, for work of its own (other SQL, savepoints).
        pub fn get_mut(&mut self) -> &mut postgres::Transaction<'c> {
            &mut self.transaction
        }
    }

    /// One call of a query and the parameters bound so far.
    pub struct Call<'c, E: Executor> {
        client: &'c mut E,
        query: &'static Query,
        params: Vec<&'c (dyn ToSql + Sync)>,
    }

    impl<'c, E: Executor> Call<'c, E> {
        pub fn new(client: &'c mut E, query: &'static Query) -> Result<Self, Error> {
            Ok(Call {
                client,
                query,
                params: Vec::new(),
            })
        }

        /// Binds the next parameter (`$1`, `$2`, … in order).
        pub fn bind(&mut self, value: &'c (dyn ToSql + Sync)) -> Result<(), Error> {
            self.params.push(value);
            Ok(())
        }

        /// The one row; [`Error::NotFound`] when there is none.
        pub fn one<R: FromRow>(self) -> Result<R, Error> {
            let query = self.query;
            match self.opt()? {
                Some(row) => Ok(row),
                None => Err(Error::NotFound { query: query.name }),
            }
        }

        /// The row, if there is one.
        pub fn opt<R: FromRow>(self) -> Result<Option<R>, Error> {
            let query = self.query;
            let statement = self.client.statement(query).map_err(fail(query))?;
            let row = self
                .client
                .query_opt(&statement, &self.params)
                .map_err(fail(query))?;
            row.map(|row| R::from_row(&row).map_err(fail(query)))
                .transpose()
        }

        /// Every row.
        pub fn many<R: FromRow>(self) -> Result<Vec<R>, Error> {
            let query = self.query;
            let statement = self.client.statement(query).map_err(fail(query))?;
            let rows = self
                .client
                .query(&statement, &self.params)
                .map_err(fail(query))?;
            rows.iter()
                .map(|row| R::from_row(row).map_err(fail(query)))
                .collect()
        }

        /// Every row, one at a time, as the server sends them.
        pub fn for_each<R: FromRow>(
            self,
            mut f: impl FnMut(R) -> Result<(), Error>,
        ) -> Result<(), Error> {
            use postgres::fallible_iterator::FallibleIterator;
            let query = self.query;
            let statement = self.client.statement(query).map_err(fail(query))?;
            let mut rows = self
                .client
                .query_raw(&statement, &self.params)
                .map_err(fail(query))?;
            while let Some(row) = rows.next().map_err(fail(query))? {
                f(R::from_row(&row).map_err(fail(query))?)?;
            }
            Ok(())
        }

        /// Runs the statement.
        pub fn exec(self) -> Result<(), Error> {
            self.execrows().map(|_| ())
        }

        /// Runs the statement and says how many rows it changed.
        pub fn execrows(self) -> Result<u64, Error> {
            let query = self.query;
            let statement = self.client.statement(query).map_err(fail(query))?;
            self.client
                .execute(&statement, &self.params)
                .map_err(fail(query))
        }
    }

    /// A bulk insert on PostgreSQL: every row through one binary COPY.
    pub struct BulkInsert<'c> {
        query: &'static Query,
        writer: postgres::binary_copy::BinaryCopyInWriter<'c>,
        values: Vec<&'c (dyn ToSql + Sync)>,
    }

    impl<'c> BulkInsert<'c> {
        pub fn new<E: Executor>(
            client: &'c mut E,
            bulk: &'static BulkQuery,
        ) -> Result<Self, Error> {
            let query = &bulk.insert;
            // The INSERT, prepared, says which types the COPY's columns have.
            let types = client
                .statement(query)
                .map_err(fail(query))?
                .params()
                .to_vec();
            let sink = client.copy_in(bulk.copy).map_err(fail(query))?;
            Ok(BulkInsert {
                query,
                writer: postgres::binary_copy::BinaryCopyInWriter::new(sink, &types),
                values: Vec::new(),
            })
        }

        /// The next value of the current row.
        pub fn field(&mut self, value: &'c (dyn ToSql + Sync)) -> Result<(), Error> {
            self.values.push(value);
            Ok(())
        }

        /// Sends the current row.
        pub fn end_row(&mut self) -> Result<(), Error> {
            let result = self.writer.write(&self.values).map_err(fail(self.query));
            self.values.clear();
            result
        }

        /// Ends the COPY; returns how many rows it inserted. Dropping a bulk insert without
        /// finishing it aborts the COPY, and no row is inserted.
        pub fn finish(self) -> Result<u64, Error> {
            self.writer.finish().map_err(fail(self.query))
        }
    }

    fn fail(query: &'static Query) -> impl Fn(postgres::Error) -> Error {
        move |source| Error::Postgres {
            query: query.name,
            source,
        }
    }
}

/// The `tokio-postgres` backend (asynchronous).
#[cfg(feature = "tokio-postgres")]
pub mod pg_async {
    use std::collections::HashMap;
    use std::future::Future;
    use std::sync::Mutex;

    use futures_util::{pin_mut, Stream, TryStreamExt};
    use tokio_postgres::types::ToSql;
    use tokio_postgres::{Row, RowStream, Statement};

    pub use super::pg_row::FromRow;
    use super::{BulkQuery, Error, Query};

    /// What the generated functions run on: [`Client`] and its [`Transaction`] (statements
    /// prepared once per connection), a deadpool-postgres pooled connection or transaction
    /// (with the `deadpool-postgres` feature: deadpool's own per-connection statement cache,
    /// keyed by the SQL, which lives as long as the pooled connection), or the driver's own
    /// `tokio_postgres::Client` and `Transaction` (and so a bb8 pooled connection, `&*conn`),
    /// which keep no cache: each call prepares its statement (one round trip more).
    pub trait Executor: Sync {
        /// The statement of `query`, from the connection's cache where there is one.
        fn statement(
            &self,
            query: &'static Query,
        ) -> impl Future<Output = Result<Statement, tokio_postgres::Error>> + Send;
        fn query_opt(
            &self,
            statement: &Statement,
            params: &[&(dyn ToSql + Sync)],
        ) -> impl Future<Output = Result<Option<Row>, tokio_postgres::Error>> + Send;
        fn query_raw(
            &self,
            statement: &Statement,
            params: &[&(dyn ToSql + Sync)],
        ) -> impl Future<Output = Result<RowStream, tokio_postgres::Error>> + Send;
        fn execute(
            &self,
            statement: &Statement,
            params: &[&(dyn ToSql + Sync)],
        ) -> impl Future<Output = Result<u64, tokio_postgres::Error>> + Send;
        fn copy_in(
            &self,
            sql: &str,
        ) -> impl Future<
            Output = Result<tokio_postgres::CopyInSink<bytes::Bytes>, tokio_postgres::Error>,
        > + Send;
    }

    /// Everything but preparing goes to the driver's client or transaction `$inner`.
    macro_rules! executor_through {
        ($this:ident => $inner:expr, as $driver:ty, prepare($query:ident) => $prepare:expr) => {
            fn statement(
                &self,
                $query: &'static Query,
            ) -> impl Future<Output = Result<Statement, tokio_postgres::Error>> + Send {
                let $this = self;
                async move { $prepare }
            }

            fn query_opt(
                &self,
                statement: &Statement,
                params: &[&(dyn ToSql + Sync)],
            ) -> impl Future<Output = Result<Option<Row>, tokio_postgres::Error>> + Send {
                let $this = self;
                let driver: &$driver = $inner;
                driver.query_opt(statement, params)
            }

            fn query_raw(
                &self,
                statement: &Statement,
                params: &[&(dyn ToSql + Sync)],
            ) -> impl Future<Output = Result<RowStream, tokio_postgres::Error>> + Send {
                let $this = self;
                let driver: &$driver = $inner;
                driver.query_raw(statement, params.iter().copied())
            }

            fn execute(
                &self,
                statement: &Statement,
                params: &[&(dyn ToSql + Sync)],
            ) -> impl Future<Output = Result<u64, tokio_postgres::Error>> + Send {
                let $this = self;
                let driver: &$driver = $inner;
                driver.execute(statement, params)
            }

            fn copy_in(
                &self,
                sql: &str,
            ) -> impl Future<
                Output = Result<tokio_postgres::CopyInSink<bytes::Bytes>, tokio_postgres::Error>,
            > + Send {
                let $this = self;
                let driver: &$driver = $inner;
                driver.copy_in(sql)
            }
        };
    }

    impl Executor for tokio_postgres::Client {
        executor_through!(c => c, as tokio_postgres::Client, prepare(query) => c.prepare(query.postgres_sql()).await);
    }

    impl Executor for tokio_postgres::Transaction<'_> {
        executor_through!(c => c, as tokio_postgres::Transaction<'_>, prepare(query) => c.prepare(query.postgres_sql()).await);
    }

    impl Executor for Client {
        executor_through!(c => &c.client, as tokio_postgres::Client, prepare(query) => cached(&c.client, &c.statements, query).await);
    }

    impl Executor for Transaction<'_> {
        executor_through!(c => &c.transaction, as tokio_postgres::Transaction<'_>, prepare(query) => cached(&c.transaction, c.statements, query).await);
    }

    #[cfg(feature = "deadpool-postgres")]
    impl Executor for deadpool_postgres::Object {
        executor_through!(c => c, as tokio_postgres::Client, prepare(query) => c.prepare_cached(query.postgres_sql()).await);
    }

    #[cfg(feature = "deadpool-postgres")]
    impl Executor for deadpool_postgres::Transaction<'_> {
        executor_through!(c => c, as tokio_postgres::Transaction<'_>, prepare(query) => c.prepare_cached(query.postgres_sql()).await);
    }

    /// Prepared statements by query name. A connection's statements live as long as it does,
    /// inside and outside its transactions (PostgreSQL's prepared statements are not undone by
    /// a rollback).
    type Statements = Mutex<HashMap<&'static str, Statement>>;

    async fn cached(
        client: &impl tokio_postgres::GenericClient,
        statements: &Statements,
        query: &'static Query,
    ) -> Result<Statement, tokio_postgres::Error> {
        let known = match statements.lock() {
            Ok(statements) => statements.get(query.name).cloned(),
            Err(poisoned) => poisoned.into_inner().get(query.name).cloned(),
        };
        if let Some(statement) = known {
            return Ok(statement);
        }
        let statement = client.prepare(query.postgres_sql()).await?;
        let mut statements = match statements.lock() {
            Ok(statements) => statements,
            Err(poisoned) => poisoned.into_inner(),
        };
        statements.insert(query.name, statement.clone());
        Ok(statement)
    }

    /// A tokio-postgres client that prepares each query once.
    pub struct Client {
        client: tokio_postgres::Client,
        statements: Statements,
    }

    impl Client {
        pub fn new(client: tokio_postgres::Client) -> Self {
            Client {
                client,
                statements: Mutex::new(HashMap::new()),
            }
        }

        /// Starts a transaction whose queries use this client's prepared statements. It rolls
        /// back when dropped without [`Transaction::commit`].
        pub async fn transaction(&mut self) -> Result<Transaction<'_>, tokio_postgres::Error> {
            Ok(Transaction {
                transaction: self.client.transaction().await?,
                statements: &self.statements,
            })
        }

        /// The client, for work of its own.
        pub fn get_ref(&self) -> &tokio_postgres::Client {
            &self.client
        }

        pub fn into_inner(self) -> tokio_postgres::Client {
            self.client
        }
    }

    /// A transaction of a [`Client`], with its prepared statements.
    pub struct Transaction<'c> {
        transaction: tokio_postgres::Transaction<'c>,
        statements: &'c Statements,
    }

    impl<'c> Transaction<'c> {
        pub async fn commit(self) -> Result<(), tokio_postgres::Error> {
            self.transaction.commit().await
        }

        pub async fn rollback(self) -> Result<(), tokio_postgres::Error> {
            self.transaction.rollback().await
        }

        /// The driver's transaction, for work of its own (other SQL, savepoints).
        pub fn get_ref(&self) -> &tokio_postgres::Transaction<'c> {
            &self.transaction
        }
    }

    /// Rows as a stream, read as the server sends them (`futures_util::StreamExt` or
    /// `TryStreamExt` consume it).
    pub type Rows<R> = std::pin::Pin<Box<dyn Stream<Item = Result<R, Error>> + Send>>;

    /// One call of a query and the parameters bound so far.
    pub struct Call<'c, E: Executor> {
        client: &'c E,
        query: &'static Query,
        params: Vec<&'c (dyn ToSql + Sync)>,
    }

    impl<'c, E: Executor> Call<'c, E> {
        pub fn new(client: &'c E, query: &'static Query) -> Result<Self, Error> {
            Ok(Call {
                client,
                query,
                params: Vec::new(),
            })
        }

        /// Binds the next parameter (`$1`, `$2`, … in order).
        pub fn bind(&mut self, value: &'c (dyn ToSql + Sync)) -> Result<(), Error> {
            self.params.push(value);
            Ok(())
        }

        /// The one row; [`Error::NotFound`] when there is none.
        pub async fn one<R: FromRow>(self) -> Result<R, Error> {
            match read_opt(self.client, self.query, &self.params).await? {
                Some(row) => Ok(row),
                None => Err(Error::NotFound {
                    query: self.query.name,
                }),
            }
        }

        /// The row, if there is one.
        pub async fn opt<R: FromRow>(self) -> Result<Option<R>, Error> {
            read_opt(self.client, self.query, &self.params).await
        }

        /// Every row.
        pub async fn many<R: FromRow + Send + 'static>(self) -> Result<Vec<R>, Error> {
            self.stream().await?.try_collect().await
        }

        /// Every row, one at a time, as the server sends them.
        pub async fn for_each<R: FromRow + Send + 'static>(
            self,
            mut f: impl FnMut(R) -> Result<(), Error>,
        ) -> Result<(), Error> {
            let rows = self.stream().await?;
            pin_mut!(rows);
            while let Some(row) = rows.try_next().await? {
                f(row)?;
            }
            Ok(())
        }

        /// The rows as a stream, read as the server sends them.
        pub async fn stream<R: FromRow + Send + 'static>(self) -> Result<Rows<R>, Error> {
            read_stream(self.client, self.query, &self.params).await
        }

        /// Runs the statement.
        pub async fn exec(self) -> Result<(), Error> {
            self.execrows().await.map(|_| ())
        }

        /// Runs the statement and says how many rows it changed.
        pub async fn execrows(self) -> Result<u64, Error> {
            run(self.client, self.query, &self.params).await
        }
    }

    /// The parameters of one call, in order (`$1`, `$2`, …): a tuple of up to four values, or
    /// a query's `…Params` struct, which implements it.
    pub trait Params: Send + Sync {
        fn refs(&self) -> impl AsRef<[&(dyn ToSql + Sync)]> + Send;
    }

    impl<P: Params + ?Sized> Params for &P {
        fn refs(&self) -> impl AsRef<[&(dyn ToSql + Sync)]> + Send {
            (**self).refs()
        }
    }

    /// `()`, `(a,)`, `(a, b)`, …: the parameters as the generated functions take them.
    macro_rules! tuple_params {
        ($($name:ident . $index:tt),*) => {
            impl<$($name: ToSql + Send + Sync),*> Params for ($($name,)*) {
                fn refs(&self) -> impl AsRef<[&(dyn ToSql + Sync)]> + Send {
                    [$(&self.$index as &(dyn ToSql + Sync)),*]
                }
            }
        };
    }
    tuple_params!();
    tuple_params!(A.0);
    tuple_params!(A.0, B.1);
    tuple_params!(A.0, B.1, C.2);
    tuple_params!(A.0, B.1, C.2, D.3);

    // The generated async functions are plain functions that return one of these futures: a
    // query adds no state machine of its own to compile, only a call of generic code.

    /// The one row; [`Error::NotFound`] when there is none.
    pub async fn one<E: Executor, P: Params, R: FromRow>(
        client: &E,
        query: &'static Query,
        params: P,
    ) -> Result<R, Error> {
        let refs = params.refs();
        match read_opt(client, query, refs.as_ref()).await? {
            Some(row) => Ok(row),
            None => Err(Error::NotFound { query: query.name }),
        }
    }

    /// The row, if there is one.
    pub async fn opt<E: Executor, P: Params, R: FromRow>(
        client: &E,
        query: &'static Query,
        params: P,
    ) -> Result<Option<R>, Error> {
        let refs = params.refs();
        read_opt(client, query, refs.as_ref()).await
    }

    /// Every row.
    pub async fn many<E: Executor, P: Params, R: FromRow + Send + 'static>(
        client: &E,
        query: &'static Query,
        params: P,
    ) -> Result<Vec<R>, Error> {
        let refs = params.refs();
        read_stream(client, query, refs.as_ref())
            .await?
            .try_collect()
            .await
    }

    /// Every row, one at a time, as the server sends them.
    pub async fn for_each<E: Executor, P: Params, R: FromRow + Send + 'static>(
        client: &E,
        query: &'static Query,
        params: P,
        mut f: impl FnMut(R) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let refs = params.refs();
        let rows = read_stream(client, query, refs.as_ref()).await?;
        pin_mut!(rows);
        while let Some(row) = rows.try_next().await? {
            f(row)?;
        }
        Ok(())
    }

    /// The rows as a stream, read as the server sends them.
    pub async fn stream<E: Executor, P: Params, R: FromRow + Send + 'static>(
        client: &E,
        query: &'static Query,
        params: P,
    ) -> Result<Rows<R>, Error> {
        let refs = params.refs();
        read_stream(client, query, refs.as_ref()).await
    }

    /// Runs the statement.
    pub async fn exec<E: Executor, P: Params>(
        client: &E,
        query: &'static Query,
        params: P,
    ) -> Result<(), Error> {
        let refs = params.refs();
        run(client, query, refs.as_ref()).await.map(|_| ())
    }

    /// Runs the statement and says how many rows it changed.
    pub async fn execrows<E: Executor, P: Params>(
        client: &E,
        query: &'static Query,
        params: P,
    ) -> Result<u64, Error> {
        let refs = params.refs();
        run(client, query, refs.as_ref()).await
    }

    async fn read_opt<E: Executor, R: FromRow>(
        client: &E,
        query: &'static Query,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Option<R>, Error> {
        let statement = client.statement(query).await.map_err(fail(query))?;
        let row = client
            .query_opt(&statement, params)
            .await
            .map_err(fail(query))?;
        row.map(|row| R::from_row(&row).map_err(fail(query)))
            .transpose()
    }

    async fn read_stream<E: Executor, R: FromRow + Send + 'static>(
        client: &E,
        query: &'static Query,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Rows<R>, Error> {
        let statement = client.statement(query).await.map_err(fail(query))?;
        let rows = client
            .query_raw(&statement, params)
            .await
            .map_err(fail(query))?;
        Ok(Box::pin(rows.map_err(fail(query)).and_then(move |row| {
            let read = R::from_row(&row).map_err(fail(query));
            std::future::ready(read)
        })))
    }

    async fn run<E: Executor>(
        client: &E,
        query: &'static Query,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<u64, Error> {
        let statement = client.statement(query).await.map_err(fail(query))?;
        client
            .execute(&statement, params)
            .await
            .map_err(fail(query))
    }

    /// A bulk insert on PostgreSQL: every row through one binary COPY.
    pub struct BulkInsert<'c> {
        query: &'static Query,
        writer: std::pin::Pin<Box<tokio_postgres::binary_copy::BinaryCopyInWriter>>,
        values: Vec<&'c (dyn ToSql + Sync)>,
    }

    impl<'c> BulkInsert<'c> {
        pub async fn new<E: Executor>(
            client: &'c E,
            bulk: &'static BulkQuery,
        ) -> Result<Self, Error> {
            let query = &bulk.insert;
            // The INSERT, prepared, says which types the COPY's columns have.
            let types = client
                .statement(query)
                .await
                .map_err(fail(query))?
                .params()
                .to_vec();
            let sink = client.copy_in(bulk.copy).await.map_err(fail(query))?;
            let writer = tokio_postgres::binary_copy::BinaryCopyInWriter::new(sink, &types);
            Ok(BulkInsert {
                query,
                writer: Box::pin(writer),
                values: Vec::new(),
            })
        }

        /// The next value of the current row.
        pub fn field(&mut self, value: &'c (dyn ToSql + Sync)) -> Result<(), Error> {
            self.values.push(value);
            Ok(())
        }

        /// Sends the current row.
        pub async fn end_row(&mut self) -> Result<(), Error> {
            let result = self
                .writer
                .as_mut()
                .write(&self.values)
                .await
                .map_err(fail(self.query));
            self.values.clear();
            result
        }

        /// Ends the COPY; returns how many rows it inserted. Dropping a bulk insert without
        /// finishing it aborts the COPY, and no row is inserted.
        pub async fn finish(mut self) -> Result<u64, Error> {
            self.writer
                .as_mut()
                .finish()
                .await
                .map_err(fail(self.query))
        }
    }

    fn fail(query: &'static Query) -> impl Fn(tokio_postgres::Error) -> Error + Copy {
        move |source| Error::Postgres {
            query: query.name,
            source,
        }
    }
}
