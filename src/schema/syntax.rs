//! The small languages inside YAML scalars: types, defaults, intervals, references and the
//! one-line column form. Each parser works on a string and reports errors at a character
//! offset into it, which the loader turns into a file position.

use crate::schema::model::{
    BaseType, ColumnType, DefaultValue, FkAction, Interval, IntervalUnit, ScalarType,
};

/// A mistake at a character offset (0-based) in the parsed string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
    pub help: Option<String>,
}

impl SyntaxError {
    fn new(offset: usize, message: impl Into<String>) -> Self {
        SyntaxError {
            offset,
            message: message.into(),
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// The portable type names, for messages and suggestions.
pub const TYPE_NAMES: &[&str] = &[
    "bool",
    "boolean",
    "smallint",
    "int",
    "integer",
    "bigint",
    "real",
    "double",
    "numeric",
    "text",
    "varchar",
    "char",
    "bytes",
    "uuid",
    "date",
    "time",
    "timestamp",
    "timestamptz",
    "interval",
    "json",
    "jsonb",
];

/// Parses a type such as `varchar(255)`, `numeric(10, 6)` or `text[]`.
///
/// A name that is not a portable type is taken for an enum; validation checks that it is one.
pub fn parse_type(text: &str) -> Result<ColumnType, SyntaxError> {
    let trimmed = text.trim_end();
    let (body, array) = match trimmed.strip_suffix("[]") {
        Some(body) => (body.trim_end(), true),
        None => (trimmed, false),
    };
    let (name, args, args_offset) = match body.find('(') {
        Some(open) => {
            let Some(inner) = body[open + 1..].strip_suffix(')') else {
                return Err(
                    SyntaxError::new(body.chars().count(), "missing `)` in type")
                        .help("write the type as NAME(ARGS), e.g. `varchar(255)`"),
                );
            };
            (body[..open].trim(), Some(inner), open + 1)
        }
        None => (body.trim(), None, 0),
    };
    if name.is_empty() {
        return Err(SyntaxError::new(0, "missing type").help(format!(
            "start the column with a type: {}",
            TYPE_NAMES.join(", ")
        )));
    }
    let numbers = match args {
        Some(inner) => parse_type_args(inner, args_offset)?,
        None => Vec::new(),
    };
    let base = scalar_type(name, &numbers, args_offset)?;
    Ok(ColumnType { base, array })
}

fn parse_type_args(inner: &str, offset: usize) -> Result<Vec<u32>, SyntaxError> {
    let mut numbers = Vec::new();
    let mut at = offset;
    for part in inner.split(',') {
        let value = part.trim();
        let lead = part.len() - part.trim_start().len();
        match value.parse::<u32>() {
            Ok(n) if n > 0 => numbers.push(n),
            _ => {
                return Err(SyntaxError::new(
                    at + lead,
                    format!("`{value}` is not a positive whole number"),
                ))
            }
        }
        at += part.chars().count() + 1;
    }
    Ok(numbers)
}

fn scalar_type(name: &str, args: &[u32], args_offset: usize) -> Result<BaseType, SyntaxError> {
    let lower = name.to_lowercase();
    let no_args = |t: ScalarType| -> Result<BaseType, SyntaxError> {
        if args.is_empty() {
            Ok(BaseType::Scalar(t))
        } else {
            Err(SyntaxError::new(
                args_offset,
                format!("type `{lower}` takes no arguments"),
            ))
        }
    };
    let one_arg = |make: fn(u32) -> ScalarType| -> Result<BaseType, SyntaxError> {
        match args {
            [n] => Ok(BaseType::Scalar(make(*n))),
            _ => Err(SyntaxError::new(
                if args.is_empty() { 0 } else { args_offset },
                format!("type `{lower}` needs a length, e.g. `{lower}(255)`"),
            )),
        }
    };
    match lower.as_str() {
        "bool" | "boolean" => no_args(ScalarType::Bool),
        "smallint" => no_args(ScalarType::SmallInt),
        "int" | "integer" => no_args(ScalarType::Int),
        "bigint" => no_args(ScalarType::BigInt),
        "real" => no_args(ScalarType::Real),
        "double" => no_args(ScalarType::Double),
        "text" => no_args(ScalarType::Text),
        "bytes" => no_args(ScalarType::Bytes),
        "uuid" => no_args(ScalarType::Uuid),
        "date" => no_args(ScalarType::Date),
        "time" => no_args(ScalarType::Time),
        "timestamp" => no_args(ScalarType::Timestamp),
        "timestamptz" => no_args(ScalarType::Timestamptz),
        "interval" => no_args(ScalarType::Interval),
        "json" => no_args(ScalarType::Json),
        "jsonb" => no_args(ScalarType::Jsonb),
        "varchar" => one_arg(ScalarType::Varchar),
        "char" => one_arg(ScalarType::Char),
        "numeric" | "decimal" => match args {
            [] => Ok(BaseType::Scalar(ScalarType::Numeric(None))),
            [p] => Ok(BaseType::Scalar(ScalarType::Numeric(Some((*p, None))))),
            [p, s] if s <= p => Ok(BaseType::Scalar(ScalarType::Numeric(Some((*p, Some(*s)))))),
            [p, s] => Err(SyntaxError::new(
                args_offset,
                format!("numeric scale {s} is larger than its precision {p}"),
            )),
            _ => Err(SyntaxError::new(
                args_offset,
                "numeric takes at most two arguments: numeric(precision, scale)",
            )),
        },
        _ if is_identifier(name) && args.is_empty() => Ok(BaseType::Enum(name.to_string())),
        _ => Err(SyntaxError::new(0, format!("unknown type `{name}`"))),
    }
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// Parses a default written in the portable default language (docs/schema.md, "Defaults").
pub fn parse_default(text: &str) -> Result<DefaultValue, SyntaxError> {
    let trimmed = text.trim();
    let lower = trimmed.to_lowercase();
    match lower.as_str() {
        "true" => return Ok(DefaultValue::Bool(true)),
        "false" => return Ok(DefaultValue::Bool(false)),
        "null" => return Ok(DefaultValue::Null),
        "now()" => return Ok(DefaultValue::Now),
        "current_timestamp" => return Ok(DefaultValue::CurrentTimestamp),
        "current_date" => return Ok(DefaultValue::CurrentDate),
        "uuid()" => return Ok(DefaultValue::Uuid),
        "[]" => return Ok(DefaultValue::EmptyArray),
        _ => {}
    }
    if is_number(trimmed) {
        return Ok(DefaultValue::Number(trimmed.to_string()));
    }
    if let Some(inner) = trimmed.strip_prefix('\'') {
        return parse_string_literal(inner).map(DefaultValue::String);
    }
    let error = SyntaxError::new(0, format!("`{trimmed}` is not a portable default"));
    let bare_word = trimmed.chars().all(|c| c.is_alphanumeric() || c == '_');
    if bare_word {
        // Most often a text or enum value written without its quotes.
        return Err(error.help(format!("quote a text or enum value: `default '{trimmed}'`")));
    }
    Err(error.help("use a number, true, false, null, 'text', now(), current_date, uuid() or [], or write it per dialect: `default: { postgres: \"…\", sqlite: \"…\" }`"))
}

fn parse_string_literal(after_quote: &str) -> Result<String, SyntaxError> {
    let mut value = String::new();
    let mut chars = after_quote.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            if chars.peek() == Some(&'\'') {
                chars.next();
                value.push('\'');
                continue;
            }
            if chars.next().is_some() {
                return Err(SyntaxError::new(0, "unexpected text after a quoted default")
                    .help("a string default is one single-quoted literal; write '' for a quote inside it"));
            }
            return Ok(value);
        }
        value.push(c);
    }
    Err(SyntaxError::new(0, "unterminated string default").help("close it with `'`"))
}

fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()))
}

/// Parses `N UNIT`, e.g. `7 days`.
pub fn parse_interval(text: &str) -> Result<Interval, SyntaxError> {
    let mut words = text.split_whitespace();
    let help =
        "write an interval as `N UNIT` with UNIT one of seconds, minutes, hours, days, weeks";
    let (Some(amount), Some(unit), None) = (words.next(), words.next(), words.next()) else {
        return Err(SyntaxError::new(0, format!("`{text}` is not an interval")).help(help));
    };
    let amount: u64 = match amount.parse() {
        Ok(n) if n > 0 => n,
        _ => {
            return Err(
                SyntaxError::new(0, format!("`{amount}` is not a positive whole number"))
                    .help(help),
            )
        }
    };
    let unit_offset = text.find(unit).unwrap_or(0);
    let unit = match unit.to_lowercase().trim_end_matches('s') {
        "second" => IntervalUnit::Second,
        "minute" => IntervalUnit::Minute,
        "hour" => IntervalUnit::Hour,
        "day" => IntervalUnit::Day,
        "week" => IntervalUnit::Week,
        "month" | "year" => {
            return Err(SyntaxError::new(
                unit_offset,
                format!("`{unit}` is not a fixed length of time"),
            )
            .help("months and years differ in length; use days or weeks"))
        }
        _ => {
            return Err(
                SyntaxError::new(unit_offset, format!("unknown interval unit `{unit}`")).help(help),
            )
        }
    };
    Ok(Interval { amount, unit })
}

/// A reference target: `TABLE`, `TABLE.COLUMN` or `TABLE(COL, …)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub table: String,
    /// (name, character offset) of each referenced column.
    pub columns: Vec<(String, usize)>,
}

pub fn parse_reference(text: &str) -> Result<Reference, SyntaxError> {
    let help = "write the target as TABLE, TABLE.COLUMN or TABLE(COLUMN, …)";
    if let Some(open) = text.find('(') {
        let Some(inner) = text[open + 1..].trim_end().strip_suffix(')') else {
            return Err(SyntaxError::new(text.len(), "missing `)` in reference").help(help));
        };
        let mut columns = Vec::new();
        let mut at = open + 1;
        for part in inner.split(',') {
            let lead = part.len() - part.trim_start().len();
            columns.push((part.trim().to_string(), at + lead));
            at += part.len() + 1;
        }
        return Ok(Reference {
            table: text[..open].trim().to_string(),
            columns,
        });
    }
    match text.split_once('.') {
        Some((table, column)) => Ok(Reference {
            table: table.trim().to_string(),
            columns: vec![(column.trim().to_string(), table.len() + 1)],
        }),
        None if is_identifier(text.trim()) => Ok(Reference {
            table: text.trim().to_string(),
            columns: Vec::new(),
        }),
        None => Err(SyntaxError::new(0, format!("`{text}` is not a reference")).help(help)),
    }
}

/// What the one-line column form says.
#[derive(Debug, Clone, Default)]
pub struct ShortColumn {
    pub ty: Option<(ColumnType, usize)>,
    pub not_null: Option<bool>,
    pub primary_key: bool,
    pub unique: bool,
    pub identity: bool,
    pub numbering: crate::schema::model::Numbering,
    pub references: Option<(Reference, usize)>,
    pub on_delete: Option<FkAction>,
    pub on_update: Option<FkAction>,
    pub default: Option<(DefaultValue, usize)>,
}

/// A word of the short form and its character offset; a parenthesised group stays one word.
fn words(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let mut depth = 0usize;
    for (i, c) in text.chars().enumerate() {
        if c.is_whitespace() && depth == 0 {
            if !current.is_empty() {
                out.push((std::mem::take(&mut current), start));
            }
            continue;
        }
        if current.is_empty() {
            start = i;
        }
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        current.push(c);
    }
    if !current.is_empty() {
        out.push((current, start));
    }
    out
}

const MODIFIERS: &[&str] = &[
    "not null",
    "null",
    "primary key",
    "unique",
    "identity",
    "serial",
    "references",
    "on delete",
    "on update",
    "default",
];

/// Parses `TYPE [not null] [primary key] [unique] [identity] [references T[.C] [on delete A]] [default EXPR]`.
pub fn parse_short_column(text: &str) -> Result<ShortColumn, SyntaxError> {
    let words = words(text);
    let mut column = ShortColumn::default();
    let Some((type_word, type_at)) = words.first() else {
        return Err(SyntaxError::new(0, "empty column definition")
            .help("start the column with a type, e.g. `text not null`"));
    };
    let ty = parse_type(type_word).map_err(|e| SyntaxError {
        offset: type_at + e.offset,
        ..e
    })?;
    column.ty = Some((ty, *type_at));
    let mut i = 1;
    while i < words.len() {
        let (word, at) = (&words[i].0, words[i].1);
        let next = words.get(i + 1).map(|(w, _)| w.to_lowercase());
        match (word.to_lowercase().as_str(), next.as_deref()) {
            ("not", Some("null")) => {
                column.not_null = Some(true);
                i += 2;
            }
            ("null", _) => {
                column.not_null = Some(false);
                i += 1;
            }
            ("primary", Some("key")) => {
                column.primary_key = true;
                i += 2;
            }
            ("unique", _) => {
                column.unique = true;
                i += 1;
            }
            ("identity", Some("always")) => {
                column.identity = true;
                column.numbering = crate::schema::model::Numbering::Always;
                i += 2;
            }
            ("identity", _) => {
                column.identity = true;
                i += 1;
            }
            ("serial", _) => {
                column.identity = true;
                column.numbering = crate::schema::model::Numbering::Serial;
                i += 1;
            }
            ("references", Some(_)) => {
                let (target, target_at) = &words[i + 1];
                let reference = parse_reference(target).map_err(|e| SyntaxError {
                    offset: target_at + e.offset,
                    ..e
                })?;
                column.references = Some((reference, *target_at));
                i += 2;
            }
            ("on", Some(event @ ("delete" | "update"))) => {
                let (action, consumed) = parse_action(&words[i + 2..]).ok_or_else(|| {
                    SyntaxError::new(at, format!("missing or unknown action after `on {event}`"))
                        .help("use cascade, restrict, set null, set default or no action")
                })?;
                if event == "delete" {
                    column.on_delete = Some(action);
                } else {
                    column.on_update = Some(action);
                }
                i += 2 + consumed;
            }
            ("default", Some(_)) => {
                let value_at = words[i + 1].1;
                let rest: String = text.chars().skip(value_at).collect();
                let value = parse_default(&rest).map_err(|e| SyntaxError {
                    offset: value_at + e.offset,
                    ..e
                })?;
                column.default = Some((value, value_at));
                break;
            }
            (other, _) => {
                let phrase = match &next {
                    Some(n) => format!("{other} {n}"),
                    None => other.to_string(),
                };
                let help = crate::diagnostic::did_you_mean(&phrase, MODIFIERS.iter().copied())
                    .or_else(|| crate::diagnostic::did_you_mean(other, MODIFIERS.iter().copied()))
                    .unwrap_or_else(|| format!("after the type, use: {}", MODIFIERS.join(", ")));
                return Err(SyntaxError::new(
                    at,
                    format!("unexpected `{word}` in column definition"),
                )
                .help(help));
            }
        }
    }
    Ok(column)
}

fn parse_action(words: &[(String, usize)]) -> Option<(FkAction, usize)> {
    let first = words.first()?.0.as_str();
    if let Some(action) = FkAction::parse(first) {
        return Some((action, 1));
    }
    let second = words.get(1)?.0.as_str();
    FkAction::parse(&format!("{first} {second}")).map(|a| (a, 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_parse_with_arguments_and_arrays() {
        let t = parse_type("numeric(10, 6)").unwrap();
        assert_eq!(
            t.base,
            BaseType::Scalar(ScalarType::Numeric(Some((10, Some(6)))))
        );
        let t = parse_type("text[]").unwrap();
        assert!(t.array);
        assert_eq!(
            parse_type("varchar(255)").unwrap().base,
            BaseType::Scalar(ScalarType::Varchar(255))
        );
        assert_eq!(
            parse_type("message_role").unwrap().base,
            BaseType::Enum("message_role".into())
        );
    }

    #[test]
    fn short_form_reads_every_modifier() {
        let c = parse_short_column(
            "uuid not null unique references threads.id on delete set null default uuid()",
        )
        .unwrap();
        assert_eq!(c.not_null, Some(true));
        assert!(c.unique);
        let (reference, _) = c.references.unwrap();
        assert_eq!(reference.table, "threads");
        assert_eq!(reference.columns[0].0, "id");
        assert_eq!(c.on_delete, Some(FkAction::SetNull));
        assert_eq!(c.default.unwrap().0, DefaultValue::Uuid);
    }

    #[test]
    fn short_form_default_keeps_spaces_and_quotes() {
        let c = parse_short_column("varchar(255) default 'it''s default'").unwrap();
        assert_eq!(
            c.default.unwrap().0,
            DefaultValue::String("it's default".into())
        );
    }

    #[test]
    fn intervals_parse_and_reject_months() {
        assert_eq!(parse_interval("7 days").unwrap().seconds(), 7 * 86_400);
        assert_eq!(parse_interval("1 hour").unwrap().to_string(), "1 hour");
        assert!(parse_interval("1 month").is_err());
    }

    #[test]
    fn numbers_are_recognised() {
        assert!(is_number("-1.5"));
        assert!(is_number("0"));
        assert!(!is_number("1."));
        assert!(!is_number("abc"));
    }
}
