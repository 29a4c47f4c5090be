//! The types a query's parameters and columns have, and how SQL operators and known functions
//! produce them. PostgreSQL's rules are the reference (it is the stricter engine); SQLite's
//! answers are checked against them when queries are confirmed on the engines.

use std::fmt;

use sqlparser::ast::DataType;

use crate::schema::{BaseType, ColumnType, ScalarType};

/// A value's type as a query sees it: what a Rust value of it must be able to hold. Lengths and
/// precisions are gone (`varchar(255)` is `Text`), enums keep their schema name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QType {
    Bool,
    SmallInt,
    Int,
    BigInt,
    Real,
    Double,
    Numeric,
    Text,
    Bytes,
    Uuid,
    Date,
    Time,
    Timestamp,
    Timestamptz,
    Interval,
    Json,
    Jsonb,
    Enum(String),
    Array(Box<QType>),
    /// PostgreSQL full-text search values: usable in a query, not as a result column.
    TsVector,
    TsQuery,
}

impl QType {
    /// The query type of a schema column type; `None` for a raw per-dialect type.
    pub fn of_column(ty: &ColumnType) -> Option<QType> {
        let base = match &ty.base {
            BaseType::Scalar(s) => QType::of_scalar(*s),
            BaseType::Enum(name) => QType::Enum(name.clone()),
            BaseType::Raw(_) => return None,
        };
        Some(if ty.array {
            QType::Array(Box::new(base))
        } else {
            base
        })
    }

    pub fn of_scalar(s: ScalarType) -> QType {
        match s {
            ScalarType::Bool => QType::Bool,
            ScalarType::SmallInt => QType::SmallInt,
            ScalarType::Int => QType::Int,
            ScalarType::BigInt => QType::BigInt,
            ScalarType::Real => QType::Real,
            ScalarType::Double => QType::Double,
            ScalarType::Numeric(_) => QType::Numeric,
            ScalarType::Text | ScalarType::Varchar(_) | ScalarType::Char(_) => QType::Text,
            ScalarType::Bytes => QType::Bytes,
            ScalarType::Uuid => QType::Uuid,
            ScalarType::Date => QType::Date,
            ScalarType::Time => QType::Time,
            ScalarType::Timestamp => QType::Timestamp,
            ScalarType::Timestamptz => QType::Timestamptz,
            ScalarType::Interval => QType::Interval,
            ScalarType::Json => QType::Json,
            ScalarType::Jsonb => QType::Jsonb,
        }
    }

    /// Rank in PostgreSQL's numeric promotion (`int + numeric` is `numeric`), if numeric.
    fn numeric_rank(&self) -> Option<u8> {
        match self {
            QType::SmallInt => Some(1),
            QType::Int => Some(2),
            QType::BigInt => Some(3),
            QType::Numeric => Some(4),
            QType::Real => Some(5),
            QType::Double => Some(6),
            _ => None,
        }
    }

    pub fn is_numeric(&self) -> bool {
        self.numeric_rank().is_some()
    }

    pub fn is_textual(&self) -> bool {
        matches!(self, QType::Text)
    }

    /// Whether a value of `self` can be compared with, or stored into, `other` without a cast:
    /// numbers with numbers, text with text and enums (an enum accepts a string literal).
    pub fn compatible(&self, other: &QType) -> bool {
        self == other
            || (self.is_numeric() && other.is_numeric())
            || matches!(
                (self, other),
                (QType::Text, QType::Enum(_)) | (QType::Enum(_), QType::Text)
            )
            || matches!(
                (self, other),
                (QType::Json | QType::Jsonb, QType::Json | QType::Jsonb)
            )
            || matches!(
                (self, other),
                (
                    QType::Timestamp | QType::Timestamptz | QType::Date,
                    QType::Timestamp | QType::Timestamptz | QType::Date
                )
            )
    }
}

/// As the schema language and `dbtool explain` write it (`bigint`, `text[]`, an enum's name).
impl serde::Serialize for QType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for QType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QType::Bool => f.write_str("bool"),
            QType::SmallInt => f.write_str("smallint"),
            QType::Int => f.write_str("int"),
            QType::BigInt => f.write_str("bigint"),
            QType::Real => f.write_str("real"),
            QType::Double => f.write_str("double"),
            QType::Numeric => f.write_str("numeric"),
            QType::Text => f.write_str("text"),
            QType::Bytes => f.write_str("bytes"),
            QType::Uuid => f.write_str("uuid"),
            QType::Date => f.write_str("date"),
            QType::Time => f.write_str("time"),
            QType::Timestamp => f.write_str("timestamp"),
            QType::Timestamptz => f.write_str("timestamptz"),
            QType::Interval => f.write_str("interval"),
            QType::Json => f.write_str("json"),
            QType::Jsonb => f.write_str("jsonb"),
            QType::Enum(name) => f.write_str(name),
            QType::TsVector => f.write_str("tsvector"),
            QType::TsQuery => f.write_str("tsquery"),
            QType::Array(inner) => write!(f, "{inner}[]"),
        }
    }
}

/// The type of `a OP b` for arithmetic, PostgreSQL's way: the wider of two numbers, except that
/// `real` with anything but `real` is `double precision`; date and time arithmetic as listed.
pub fn arithmetic(left: &QType, right: &QType) -> Option<QType> {
    match (left.numeric_rank(), right.numeric_rank()) {
        (Some(_), Some(_)) if left != right && (*left == QType::Real || *right == QType::Real) => {
            Some(QType::Double)
        }
        (Some(l), Some(r)) => Some(if l >= r { left.clone() } else { right.clone() }),
        _ => match (left, right) {
            // date ± interval is a timestamp; date ± integer days is a date.
            (QType::Date, QType::Interval) | (QType::Interval, QType::Date) => {
                Some(QType::Timestamp)
            }
            (QType::Date, QType::SmallInt | QType::Int) => Some(QType::Date),
            // date - date counts days.
            (QType::Date, QType::Date) => Some(QType::Int),
            (QType::Timestamp | QType::Timestamptz, QType::Interval) => Some(left.clone()),
            (QType::Interval, QType::Timestamp | QType::Timestamptz) => Some(right.clone()),
            (QType::Timestamp, QType::Timestamp) | (QType::Timestamptz, QType::Timestamptz) => {
                Some(QType::Interval)
            }
            (QType::Interval, QType::Interval) => Some(QType::Interval),
            _ => None,
        },
    }
}

/// `sum(x)` on PostgreSQL: integers widen (bigint sums become numeric), floats stay.
pub fn sum_of(arg: &QType) -> Option<QType> {
    match arg {
        QType::SmallInt | QType::Int => Some(QType::BigInt),
        QType::BigInt | QType::Numeric => Some(QType::Numeric),
        QType::Real => Some(QType::Real),
        QType::Double => Some(QType::Double),
        QType::Interval => Some(QType::Interval),
        _ => None,
    }
}

/// `avg(x)` on PostgreSQL: exact for integers and numerics, double for floats.
pub fn avg_of(arg: &QType) -> Option<QType> {
    match arg {
        QType::SmallInt | QType::Int | QType::BigInt | QType::Numeric => Some(QType::Numeric),
        QType::Real | QType::Double => Some(QType::Double),
        QType::Interval => Some(QType::Interval),
        _ => None,
    }
}

/// The query type a `CAST(x AS …)` target names, or `None` when dbtool does not know it.
pub fn of_data_type(data_type: &DataType, enums: &[String]) -> Option<QType> {
    use DataType as D;
    let ty = match data_type {
        D::Boolean | D::Bool => QType::Bool,
        D::SmallInt(_) | D::Int2(_) => QType::SmallInt,
        D::Int(_) | D::Integer(_) | D::Int4(_) => QType::Int,
        D::BigInt(_) | D::Int8(_) => QType::BigInt,
        D::Real | D::Float4 => QType::Real,
        D::Double(_) | D::DoublePrecision | D::Float8 | D::Float(_) => QType::Double,
        D::Numeric(_) | D::Decimal(_) | D::Dec(_) => QType::Numeric,
        D::Text
        | D::Varchar(_)
        | D::CharVarying(_)
        | D::Char(_)
        | D::Character(_)
        | D::String(_) => QType::Text,
        D::Bytea | D::Blob(_) => QType::Bytes,
        D::Uuid => QType::Uuid,
        D::Date => QType::Date,
        D::Time(_, _) => QType::Time,
        D::Timestamp(_, tz) => {
            if matches!(
                tz,
                sqlparser::ast::TimezoneInfo::WithTimeZone | sqlparser::ast::TimezoneInfo::Tz
            ) {
                QType::Timestamptz
            } else {
                QType::Timestamp
            }
        }
        D::Interval { .. } => QType::Interval,
        D::JSON => QType::Json,
        D::JSONB => QType::Jsonb,
        D::Array(sqlparser::ast::ArrayElemTypeDef::SquareBracket(inner, _))
        | D::Array(sqlparser::ast::ArrayElemTypeDef::AngleBracket(inner)) => {
            QType::Array(Box::new(of_data_type(inner, enums)?))
        }
        D::Custom(name, _) => {
            let name = name.to_string().trim_matches('"').to_string();
            match name.to_ascii_lowercase().as_str() {
                "timestamptz" => QType::Timestamptz,
                "int8" => QType::BigInt,
                "int4" => QType::Int,
                "int2" => QType::SmallInt,
                _ if enums.contains(&name) => QType::Enum(name),
                _ => return None,
            }
        }
        _ => return None,
    };
    Some(ty)
}
