//! The function catalog: which functions the analyzer types, on which dialects, and how, read
//! from `functions.toml` (data, not code: adding a function is adding an entry). The analyzer
//! interprets an entry (`analyze/functions.rs`); docs/queries.md's table is written from it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::types::QType;
use crate::schema::Dialect;

const CATALOG: &str = include_str!("functions.toml");

/// One entry of the catalog: functions that type alike.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Function {
    pub names: Vec<String>,
    pub dialects: Vec<String>,
    /// [min] or [min, max] arguments; none: any number.
    #[serde(default)]
    pub arity: Vec<usize>,
    #[serde(default)]
    pub star: bool,
    /// A window function: called with `OVER (…)` only.
    #[serde(default)]
    pub window: bool,
    /// Expected argument types by position; the last repeats.
    #[serde(default)]
    pub args: Vec<String>,
    #[serde(default)]
    pub unify: bool,
    pub result: String,
    pub default: Option<String>,
    pub null: Null,
    pub why: String,
    pub why_not_null: Option<String>,
    pub doc: String,
}

/// When a function's result is NULL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Null {
    Never,
    Always,
    /// When an argument is.
    Any,
    /// Only when every argument is.
    All,
}

/// What an argument is expected to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    Nothing,
    Type(QType),
    /// The type argument N (1-based) turned out to have.
    SameAs(usize),
}

/// What the result's type is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Returns {
    Type(QType),
    SameAs(usize),
    Unified,
    Sum,
    Avg,
    Round,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    function: Vec<Function>,
}

impl Function {
    pub fn min_args(&self) -> usize {
        self.arity.first().copied().unwrap_or(0)
    }

    pub fn max_args(&self) -> Option<usize> {
        if self.arity.is_empty() {
            return None;
        }
        self.arity.get(1).copied()
    }

    pub fn exists_on(&self, dialect: Dialect) -> bool {
        self.dialects.iter().any(|d| d == dialect.name())
    }

    /// What argument `index` (0-based) is expected to be.
    pub fn expect(&self, index: usize) -> Expect {
        let Some(spec) = self.args.get(index).or(self.args.last()) else {
            return Expect::Nothing;
        };
        if spec == "any" {
            return Expect::Nothing;
        }
        match argument_number(spec) {
            Some(n) => Expect::SameAs(n),
            None => type_named(spec).map_or(Expect::Nothing, Expect::Type),
        }
    }

    pub fn result(&self) -> Returns {
        match self.result.as_str() {
            "unified" => Returns::Unified,
            "sum" => Returns::Sum,
            "avg" => Returns::Avg,
            "round" => Returns::Round,
            other => match argument_number(other) {
                Some(n) => Returns::SameAs(n),
                None => type_named(other).map_or(Returns::Unified, Returns::Type),
            },
        }
    }

    /// The type a `SameAs` result has when its argument's type is unknown.
    pub fn default_type(&self) -> Option<QType> {
        self.default.as_deref().and_then(type_named)
    }

    /// The catalog's problems with this entry, for the test that keeps the catalog sound.
    #[cfg(test)]
    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let name = self.names.join("/");
        for spec in &self.args {
            if spec != "any" && argument_number(spec).is_none() && type_named(spec).is_none() {
                problems.push(format!("{name}: argument type `{spec}` is not a type"));
            }
        }
        let result_ok = matches!(self.result.as_str(), "unified" | "sum" | "avg" | "round")
            || argument_number(&self.result).is_some()
            || type_named(&self.result).is_some();
        if !result_ok {
            problems.push(format!("{name}: result `{}` is unknown", self.result));
        }
        if self.result == "unified" && !self.unify {
            problems.push(format!("{name}: a unified result needs `unify = true`"));
        }
        for dialect in &self.dialects {
            if Dialect::ALL.iter().all(|d| d.name() != dialect) {
                problems.push(format!("{name}: `{dialect}` is not a dialect"));
            }
        }
        if self.arity.len() > 2 {
            problems.push(format!("{name}: arity is [min] or [min, max]"));
        }
        if self.null == Null::All && self.why_not_null.is_none() {
            problems.push(format!("{name}: null = \"all\" needs why_not_null"));
        }
        problems
    }
}

/// `argN` (1-based) as N.
fn argument_number(spec: &str) -> Option<usize> {
    spec.strip_prefix("arg")?.parse().ok().filter(|n| *n > 0)
}

/// The query type a catalog names (`text`, `timestamptz`, …).
pub fn type_named(name: &str) -> Option<QType> {
    const NAMED: &[QType] = &[
        QType::Bool,
        QType::SmallInt,
        QType::Int,
        QType::BigInt,
        QType::Real,
        QType::Double,
        QType::Numeric,
        QType::Text,
        QType::Bytes,
        QType::Uuid,
        QType::Date,
        QType::Time,
        QType::Timestamp,
        QType::Timestamptz,
        QType::Interval,
        QType::Json,
        QType::Jsonb,
        QType::TsVector,
        QType::TsQuery,
    ];
    NAMED.iter().find(|t| t.to_string() == name).cloned()
}

/// The catalog by function name. The file is part of the binary and a test reads every entry,
/// so it parses; should it not, the catalog is empty and every function is unknown.
pub fn catalog() -> &'static BTreeMap<String, Function> {
    static CATALOG_BY_NAME: OnceLock<BTreeMap<String, Function>> = OnceLock::new();
    CATALOG_BY_NAME.get_or_init(|| {
        let file: File = toml::from_str(CATALOG).unwrap_or(File {
            function: Vec::new(),
        });
        let mut by_name = BTreeMap::new();
        for function in file.function {
            for name in &function.names {
                by_name.insert(name.clone(), function.clone());
            }
        }
        by_name
    })
}

pub fn lookup(name: &str) -> Option<&'static Function> {
    catalog().get(name)
}

/// The catalog as the Markdown table docs/queries.md shows.
pub fn markdown_table() -> String {
    let file: File = toml::from_str(CATALOG).unwrap_or(File {
        function: Vec::new(),
    });
    let mut text =
        String::from("| function | result | NULL when | dialects |\n| --- | --- | --- | --- |\n");
    for function in &file.function {
        let names: Vec<String> = function.names.iter().map(|n| format!("`{n}`")).collect();
        let null = match function.null {
            Null::Never => "never",
            Null::Always => "it can be, whatever its arguments",
            Null::Any => "an argument is",
            Null::All => "every argument is",
        };
        text.push_str(&format!(
            "| {} | {} | {null} | {} |\n",
            names.join(", "),
            function.doc,
            function.dialects.join(", ")
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_parses_and_every_entry_is_sound() {
        let file: File = toml::from_str(CATALOG).expect("functions.toml parses");
        let problems: Vec<String> = file.function.iter().flat_map(Function::problems).collect();
        assert!(problems.is_empty(), "{problems:#?}");
        let names: usize = file.function.iter().map(|f| f.names.len()).sum();
        assert_eq!(catalog().len(), names, "a name is listed twice");
    }

    #[test]
    fn docs_list_every_function_of_the_catalog() {
        let docs = include_str!("../../docs/queries.md");
        let table = markdown_table();
        assert!(
            docs.contains(&table),
            "docs/queries.md's function table is not the catalog's; put this there:\n{table}"
        );
    }

    #[test]
    fn arguments_and_results_read_as_declared() {
        let date_bin = lookup("date_bin").expect("date_bin");
        assert_eq!(date_bin.expect(0), Expect::Type(QType::Interval));
        assert_eq!(date_bin.expect(2), Expect::SameAs(2));
        assert_eq!(date_bin.result(), Returns::SameAs(2));
        assert_eq!(date_bin.default_type(), Some(QType::Timestamptz));
        let substr = lookup("substr").expect("substr");
        assert_eq!(
            substr.expect(5),
            Expect::Type(QType::Int),
            "the last repeats"
        );
        assert!(!lookup("time_bucket")
            .expect("tb")
            .exists_on(Dialect::Postgres));
        assert_eq!(lookup("count").expect("count").max_args(), None);
        assert_eq!(lookup("coalesce").expect("coalesce").max_args(), None);
        assert_eq!(lookup("coalesce").expect("coalesce").min_args(), 1);
    }
}
