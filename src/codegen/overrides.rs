//! Rust types chosen in dbtool.toml (`[generate.types]`, `[generate.columns]`) instead of the
//! ones dbtool picks, and which one applies to a result column or a parameter.
//!
//! An override names any Rust type; the generated code reads and binds it through the drivers'
//! own traits (rusqlite's `ToSql`/`FromSql`, postgres-types' `ToSql`/`FromSql`), which the type's
//! crate implements. A column override beats a type override, which beats dbtool's choice.

use crate::diagnostic::{Diagnostic, Location};
use crate::query::QType;
use crate::schema::Schema;

use super::names::{self, TimeCrate};

/// One override: the Rust type of every value of a SQL type, or of one schema column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeOverride {
    /// A type as dbtool names it (`jsonb`, `text[]`, an enum's name), or `table.column`.
    pub key: String,
    /// The Rust type's path, e.g. `my_types::UserId`.
    pub rust: String,
    /// Parameters take it by value (the type is `Copy`) rather than by reference.
    pub copy: bool,
    pub at: Location,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TypeOverrides {
    pub types: Vec<TypeOverride>,
    pub columns: Vec<TypeOverride>,
}

/// The Rust type a column or parameter gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Choice<'o> {
    /// dbtool's own mapping of the SQL type.
    Standard,
    Override(&'o TypeOverride),
}

/// The query type a `[generate.types]` key names (`jsonb`, `varchar(20)`, `text[]`, an enum),
/// read as the schema language reads a column's type; `None` if it names none.
fn key_type(key: &str) -> Option<QType> {
    let ty = crate::schema::syntax::parse_type(key).ok()?;
    QType::of_column(&ty)
}

impl TypeOverrides {
    pub fn is_empty(&self) -> bool {
        self.types.is_empty() && self.columns.is_empty()
    }

    /// Every override must name a type or column the schema has.
    pub(super) fn check(&self, schema: &Schema, errors: &mut Vec<Diagnostic>) {
        for o in &self.types {
            let ty = key_type(&o.key);
            let problem = match &ty {
                Some(QType::Enum(name)) if !schema.enums.iter().any(|e| e.name.value == *name) => {
                    let enums = schema.enums.iter().map(|e| e.name.value.as_str());
                    let names = crate::schema::syntax::TYPE_NAMES.iter().copied().chain(enums);
                    Some((
                        format!("`{}` is not a type of the schema", o.key),
                        crate::diagnostic::did_you_mean(name, names).unwrap_or_else(|| {
                            "use a type of the schema language (docs/schema.md), an enum of the schema, or `T[]` of one".to_string()
                        }),
                    ))
                }
                // `varchar(320)` would cover every text value, `integer` reads as if it
                // differed from `int`: the key is the type the generated code sees.
                Some(ty) if ty.to_string() != o.key => Some((
                    format!("`{}` is the type `{ty}` to the generated code, and would choose the Rust type of every `{ty}` value", o.key),
                    format!("write `{ty}` (lengths, precisions and aliases do not narrow it), or override the columns one by one under [generate.columns]"),
                )),
                Some(_) => None,
                None => Some((
                    format!("`{}` is not a type of the schema", o.key),
                    "write the type as a column's type is written in the schema, e.g. `jsonb` or `text[]`".to_string(),
                )),
            };
            if let Some((message, help)) = problem {
                errors.push(o.at.diagnostic(message).with_help(help));
            }
        }
        for o in &self.columns {
            let Some((table_name, column_name)) = o.key.split_once('.') else {
                continue; // the config reader already refused it
            };
            let Some(table) = schema.table(table_name) else {
                let tables: Vec<&str> = schema
                    .tables
                    .iter()
                    .map(|t| t.name.value.as_str())
                    .collect();
                errors.push(
                    o.at.diagnostic(format!("[generate.columns] names table `{table_name}`, which the schema does not have"))
                        .with_help(suggest("a table", table_name, &tables)),
                );
                continue;
            };
            if !table.columns.iter().any(|c| c.name.value == column_name) {
                let columns: Vec<&str> = table
                    .columns
                    .iter()
                    .map(|c| c.name.value.as_str())
                    .collect();
                errors.push(
                    o.at.diagnostic(format!(
                        "[generate.columns] names column `{column_name}` of `{table_name}`, which the table does not have"
                    ))
                    .with_help(suggest("a column", column_name, &columns)),
                );
            }
        }
    }

    fn column(&self, origin: &str) -> Option<&TypeOverride> {
        self.columns.iter().find(|o| o.key == origin)
    }

    fn of_type(&self, ty: &QType) -> Option<&TypeOverride> {
        self.types
            .iter()
            .find(|o| key_type(&o.key).as_ref() == Some(ty))
    }

    /// The choice for a result column that reads `origin` unchanged (if it does).
    pub(super) fn for_column(&self, ty: &QType, origin: Option<&str>) -> Choice<'_> {
        origin
            .and_then(|o| self.column(o))
            .or_else(|| self.of_type(ty))
            .map_or(Choice::Standard, Choice::Override)
    }

    /// The choice for a parameter compared with or stored into `origins`: they must agree.
    pub(super) fn for_param(&self, ty: &QType, origins: &[String]) -> Result<Choice<'_>, String> {
        let by_type = || self.of_type(ty).map_or(Choice::Standard, Choice::Override);
        let mut chosen: Option<(Choice<'_>, &str)> = None;
        for origin in origins {
            let choice = self.column(origin).map_or_else(by_type, Choice::Override);
            match chosen {
                None => chosen = Some((choice, origin)),
                Some((first, first_origin)) if first != choice => {
                    let (a, b) = (describe(first, ty), describe(choice, ty));
                    return Err(format!(
                        "it meets `{first_origin}` ({a}) and `{origin}` ({b}), whose Rust types differ"
                    ));
                }
                Some(_) => {}
            }
        }
        Ok(chosen.map_or_else(by_type, |(choice, _)| choice))
    }
}

fn describe(choice: Choice<'_>, ty: &QType) -> String {
    match choice {
        Choice::Override(o) => o.rust.clone(),
        Choice::Standard => format!("dbtool's type for {ty}"),
    }
}

fn suggest(what: &str, name: &str, candidates: &[&str]) -> String {
    crate::diagnostic::did_you_mean(name, candidates.iter().copied())
        .unwrap_or_else(|| format!("write `table.column` with {what} of the schema"))
}

/// The Rust type a value is read into.
pub(super) fn owned(choice: Choice<'_>, ty: &QType, time: TimeCrate) -> Option<String> {
    match choice {
        Choice::Override(o) => Some(o.rust.clone()),
        Choice::Standard => names::owned_type(ty, time),
    }
}

/// The Rust type a parameter is passed as (`lifetime` on a borrow, empty for an elided one).
pub(super) fn borrowed(
    choice: Choice<'_>,
    ty: &QType,
    lifetime: &str,
    time: TimeCrate,
) -> Option<String> {
    match choice {
        Choice::Override(o) if o.copy => Some(o.rust.clone()),
        Choice::Override(o) if lifetime.is_empty() => Some(format!("&{}", o.rust)),
        Choice::Override(o) => Some(format!("&{lifetime} {}", o.rust)),
        Choice::Standard => names::borrowed_type(ty, lifetime, time),
    }
}

/// The cargo feature a value's standard type needs; none for an override (its crate is a
/// plain dependency).
pub(super) fn feature(choice: Choice<'_>, ty: &QType, time: TimeCrate) -> Option<&'static str> {
    match choice {
        Choice::Override(_) => None,
        Choice::Standard => names::type_crate(ty, time),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_keys_are_read_as_the_schema_reads_types() {
        assert_eq!(key_type("jsonb"), Some(QType::Jsonb));
        assert_eq!(key_type("varchar(20)"), Some(QType::Text));
        assert_eq!(key_type("integer"), Some(QType::Int));
        assert_eq!(
            key_type("text[]"),
            Some(QType::Array(Box::new(QType::Text)))
        );
        assert_eq!(key_type("mood"), Some(QType::Enum("mood".into())));
        assert_eq!(key_type("numeric(4"), None);
    }
}
