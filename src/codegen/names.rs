//! Rust names and types for SQL names and query types.

use crate::query::QType;

/// `createdAt` → `created_at`, `ListThreads` → `list_threads`, `HTTPCode` → `http_code`.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let previous = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            let boundary = previous.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
                || (previous.is_some_and(|p| p.is_ascii_uppercase())
                    && next.is_some_and(|n| n.is_ascii_lowercase()));
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    let trimmed = out.trim_end_matches('_');
    if trimmed.is_empty() {
        "value".to_string()
    } else {
        trimmed.to_string()
    }
}

/// `training_status` → `TrainingStatus`, `llm_usage_metrics` → `LlmUsageMetrics`.
pub fn pascal_case(name: &str) -> String {
    snake_case(name)
        .split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// An enum value as a variant: `user_message` → `UserMessage`, `2fa` → `V2fa`.
pub fn variant_name(value: &str) -> String {
    let name = pascal_case(value);
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{name}")
    } else if name == "Self" {
        "Self_".to_string()
    } else {
        name
    }
}

/// A generated type's name, made a valid identifier: `2faCodesRow` → `T2faCodesRow`.
pub fn type_name(name: &str) -> String {
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("T{name}")
    } else {
        name.to_string()
    }
}

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where",
    "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield",
];

/// A name usable as a Rust identifier: keywords become raw identifiers (`r#type`); the few
/// that cannot be raw get a trailing underscore.
pub fn rust_ident(name: &str) -> String {
    match name {
        "self" | "super" | "crate" | "Self" => format!("{name}_"),
        _ if KEYWORDS.contains(&name) => format!("r#{name}"),
        _ if name.starts_with(|c: char| c.is_ascii_digit()) => format!("_{name}"),
        _ => name.to_string(),
    }
}

/// Which crate dates and times come from in the generated crate (`[generate] time` in
/// dbtool.toml).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimeCrate {
    #[default]
    Chrono,
    Time,
}

impl TimeCrate {
    pub fn from_name(name: &str) -> Option<TimeCrate> {
        match name {
            "chrono" => Some(TimeCrate::Chrono),
            "time" => Some(TimeCrate::Time),
            _ => None,
        }
    }

    fn type_of(self, ty: &QType) -> Option<&'static str> {
        Some(match (self, ty) {
            (TimeCrate::Chrono, QType::Date) => "chrono::NaiveDate",
            (TimeCrate::Chrono, QType::Time) => "chrono::NaiveTime",
            (TimeCrate::Chrono, QType::Timestamp) => "chrono::NaiveDateTime",
            (TimeCrate::Chrono, QType::Timestamptz) => "chrono::DateTime<chrono::Utc>",
            (TimeCrate::Time, QType::Date) => "time::Date",
            (TimeCrate::Time, QType::Time) => "time::Time",
            (TimeCrate::Time, QType::Timestamp) => "time::PrimitiveDateTime",
            (TimeCrate::Time, QType::Timestamptz) => "time::OffsetDateTime",
            _ => return None,
        })
    }
}

/// The Rust type a column of this type is read into; `None` when dbtool has none.
pub fn owned_type(ty: &QType, time: TimeCrate) -> Option<String> {
    if let Some(name) = time.type_of(ty) {
        return Some(name.to_string());
    }
    let name = match ty {
        QType::Bool => "bool",
        QType::SmallInt => "i16",
        QType::Int => "i32",
        QType::BigInt => "i64",
        QType::Real => "f32",
        QType::Double => "f64",
        QType::Numeric => "rust_decimal::Decimal",
        QType::Text => "String",
        QType::Bytes => "Vec<u8>",
        QType::Uuid => "uuid::Uuid",
        QType::Json | QType::Jsonb => "serde_json::Value",
        QType::Enum(name) => return Some(format!("crate::enums::{}", pascal_case(name))),
        QType::Array(inner) if **inner == QType::Text => "Vec<String>",
        QType::Array(inner) if json_array_element(inner) => {
            return Some(format!("Vec<{}>", owned_type(inner, time)?))
        }
        QType::Array(_)
        | QType::Interval
        | QType::TsVector
        | QType::TsQuery
        | QType::Date
        | QType::Time
        | QType::Timestamp
        | QType::Timestamptz => return None,
    };
    Some(name.to_string())
}

/// The crate (and cargo feature of the generated crate) a type's Rust type comes from.
pub fn type_crate(ty: &QType, time: TimeCrate) -> Option<&'static str> {
    match ty {
        QType::Uuid => Some("uuid"),
        QType::Date | QType::Time | QType::Timestamp | QType::Timestamptz => Some(match time {
            TimeCrate::Chrono => "chrono",
            TimeCrate::Time => "time",
        }),
        QType::Json | QType::Jsonb | QType::Array(_) => Some("serde_json"),
        QType::Numeric => Some("rust_decimal"),
        _ => None,
    }
}

/// The Rust type a parameter of this type is passed as: by value when it is `Copy`, borrowed
/// otherwise (`&str`), with `lifetime` on the borrow (empty for an elided one).
pub fn borrowed_type(ty: &QType, lifetime: &str, time: TimeCrate) -> Option<String> {
    let borrow = |inner: &str| {
        if lifetime.is_empty() {
            format!("&{inner}")
        } else {
            format!("&{lifetime} {inner}")
        }
    };
    Some(match ty {
        QType::Text => borrow("str"),
        QType::Bytes => borrow("[u8]"),
        QType::Json | QType::Jsonb => borrow("serde_json::Value"),
        QType::Array(inner) if **inner == QType::Text => borrow("[String]"),
        QType::Array(inner) if json_array_element(inner) => {
            borrow(&format!("[{}]", owned_type(inner, time)?))
        }
        other => owned_type(other, time)?,
    })
}

/// Element types of the arrays dbtool maps (besides `text[]`): PostgreSQL binds and reads them
/// natively, SQLite keeps them as JSON arrays of numbers or booleans.
fn json_array_element(ty: &QType) -> bool {
    matches!(
        ty,
        QType::Bool | QType::SmallInt | QType::Int | QType::BigInt | QType::Real | QType::Double
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_convert_between_sql_and_rust_conventions() {
        assert_eq!(snake_case("createdAt"), "created_at");
        assert_eq!(snake_case("ListThreadsForUser"), "list_threads_for_user");
        assert_eq!(snake_case("HTTPCode"), "http_code");
        assert_eq!(snake_case("token_total"), "token_total");
        assert_eq!(pascal_case("llm_usage_metrics"), "LlmUsageMetrics");
        assert_eq!(pascal_case("training_status"), "TrainingStatus");
        assert_eq!(variant_name("user_message"), "UserMessage");
        assert_eq!(variant_name("2fa"), "V2fa");
        assert_eq!(rust_ident("type"), "r#type");
        assert_eq!(rust_ident("self"), "self_");
        assert_eq!(rust_ident("end"), "end");
    }
}
