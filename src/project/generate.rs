//! The `[generate]` table of dbtool.toml: the generated crate's name, time crate, extra
//! dependencies and type overrides.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::codegen::{TimeCrate, TypeOverride, TypeOverrides};
use crate::diagnostic::{Diagnostic, Location};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GenerateFile {
    package: Option<Spanned<String>>,
    time: Option<Spanned<String>>,
    /// Added to the generated crate's `[dependencies]`.
    #[serde(default)]
    dependencies: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    /// Added to the generated crate's `[dev-dependencies]`: what the project's own tests in
    /// `generated/tests/` use (a pool crate, a runtime).
    #[serde(default, rename = "dev-dependencies")]
    dev_dependencies: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    /// Optional features of the generated crate turned on by default (`deadpool-postgres`).
    #[serde(default)]
    features: Vec<Spanned<String>>,
    /// `jsonb = "my_types::Document"`.
    #[serde(default)]
    types: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    /// `"users.id" = { type = "my_types::UserId", copy = true }`.
    #[serde(default)]
    columns: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
}

/// `[generate]`, read and checked (everything that needs no schema).
#[derive(Debug, Clone, Default)]
pub struct GenerateConfig {
    pub package: Option<String>,
    pub time: TimeCrate,
    /// By crate name, as written (paths relative to the project root).
    pub dependencies: Vec<(String, toml::Value)>,
    /// `[generate.dev-dependencies]`, the same way.
    pub dev_dependencies: Vec<(String, toml::Value)>,
    /// Optional features turned on by default.
    pub features: Vec<String>,
    pub overrides: TypeOverrides,
}

/// The crates the generated Cargo.toml names itself: a `[generate.dependencies]` entry may not
/// replace them.
const OWN_DEPENDENCIES: &[&str] = &[
    "bytes",
    "chrono",
    "futures-util",
    "postgres",
    "postgres-types",
    "rusqlite",
    "rust_decimal",
    "serde_json",
    "time",
    "tokio",
    "tokio-postgres",
    "uuid",
    "deadpool-postgres",
    "serde",
];

/// The generated crate's optional features a project may turn on by default.
const OPTIONAL_FEATURES: &[&str] = &["deadpool-postgres", "serde"];

/// One entry of `[generate.dependencies]` or `[generate.dev-dependencies]` (`table`), checked:
/// a crate name, not one dbtool's own Cargo.toml names, a version or a table.
fn dependency(
    name: Spanned<String>,
    spec: Spanned<toml::Value>,
    table: &str,
    at: &dyn Fn(std::ops::Range<usize>) -> Location,
) -> Result<(String, toml::Value), Diagnostic> {
    let where_ = at(name.span());
    let name = name.into_inner();
    // The key is written into the generated Cargo.toml: it must be a crate name.
    if let Err(problem) = check_package_name(&name) {
        return Err(where_
            .diagnostic(format!(
                "`{}` is not a Cargo package name: {problem}",
                name.escape_debug()
            ))
            .with_help("name the crate as Cargo.toml does: `my_types = { path = \"types\" }`"));
    }
    if OWN_DEPENDENCIES.contains(&name.as_str()) {
        return Err(where_
            .diagnostic(format!("the generated crate already depends on `{name}`"))
            .with_help(format!("its version and features are dbtool's; list only other crates under [generate.{table}]")));
    }
    if !matches!(
        spec.get_ref(),
        toml::Value::String(_) | toml::Value::Table(_)
    ) {
        return Err(at(spec.span())
            .diagnostic(format!("dependency `{name}` must be a version or a table"))
            .with_help("write it as in Cargo.toml: `my_types = \"1\"` or `my_types = { path = \"types\" }`"));
    }
    Ok((name, spec.into_inner()))
}

/// Reads `[generate]`; `path` and `text` are dbtool.toml's, for error positions.
pub(super) fn read(
    file: GenerateFile,
    path: &str,
    text: &str,
) -> Result<GenerateConfig, Diagnostic> {
    let at = |span: std::ops::Range<usize>| super::location(path, text, span.start);
    let mut config = GenerateConfig::default();
    if let Some(package) = file.package {
        check_package_name(package.get_ref()).map_err(|problem| {
            at(package.span())
                .diagnostic(format!(
                    "`{}` is not a Cargo package name: {problem}",
                    package.get_ref().escape_debug()
                ))
                .with_help("use letters, digits, `-` and `_`, starting with a letter, e.g. \"app-queries\"")
        })?;
        config.package = Some(package.into_inner());
    }
    if let Some(time) = file.time {
        config.time = TimeCrate::from_name(time.get_ref()).ok_or_else(|| {
            at(time.span())
                .diagnostic(format!(
                    "`{}` is not a time crate dbtool generates for",
                    time.get_ref()
                ))
                .with_help("use \"chrono\" (the default) or \"time\"")
        })?;
    }
    for (name, spec) in file.dependencies {
        config
            .dependencies
            .push(dependency(name, spec, "dependencies", &at)?);
    }
    for (name, spec) in file.dev_dependencies {
        config
            .dev_dependencies
            .push(dependency(name, spec, "dev-dependencies", &at)?);
    }
    for feature in file.features {
        if !OPTIONAL_FEATURES.contains(&feature.get_ref().as_str()) {
            return Err(at(feature.span())
                .diagnostic(format!(
                    "`{}` is not an optional feature of the generated crate",
                    feature.get_ref().escape_debug()
                ))
                .with_help(format!(
                    "the optional features are: {}",
                    OPTIONAL_FEATURES.join(", ")
                )));
        }
        config.features.push(feature.into_inner());
    }
    for (key, value) in file.types {
        let o = type_override(key.get_ref(), value, at(key.span()), &at)?;
        config.overrides.types.push(o);
    }
    for (key, value) in file.columns {
        let where_ = at(key.span());
        if !matches!(key.get_ref().split_once('.'), Some((t, c)) if !t.is_empty() && !c.is_empty() && !c.contains('.'))
        {
            return Err(where_
                .diagnostic(format!("`{}` does not name a column", key.get_ref()))
                .with_help("write `\"table.column\" = \"my_types::MyType\"`"));
        }
        let o = type_override(key.get_ref(), value, where_, &at)?;
        config.overrides.columns.push(o);
    }
    Ok(config)
}

/// Cargo's rule for a package name (and what keeps it a plain word in Cargo.toml and Rust).
fn check_package_name(name: &str) -> Result<(), &'static str> {
    let mut chars = name.chars();
    match chars.next() {
        None => Err("it is empty"),
        Some(c) if !c.is_ascii_alphabetic() => Err("it must start with an ASCII letter"),
        _ if name.len() > 64 => Err("it is longer than 64 characters"),
        _ if !chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') => {
            Err("only ASCII letters, digits, `-` and `_` may follow")
        }
        _ => Ok(()),
    }
}

/// `"my_types::UserId"` or `{ type = "my_types::UserId", copy = true }`.
fn type_override(
    key: &str,
    value: Spanned<toml::Value>,
    at: Location,
    at_span: &dyn Fn(std::ops::Range<usize>) -> Location,
) -> Result<TypeOverride, Diagnostic> {
    let value_at = at_span(value.span());
    let shape_help = "write a Rust type path, \"my_types::MyType\", or { type = \"my_types::MyType\", copy = true } for a Copy type that parameters take by value";
    let (rust, copy) = match value.into_inner() {
        toml::Value::String(rust) => (rust, false),
        toml::Value::Table(table) => {
            if let Some(unknown) = table
                .keys()
                .find(|k| !matches!(k.as_str(), "type" | "copy"))
            {
                return Err(value_at
                    .diagnostic(format!(
                        "unknown key `{unknown}` in the override of `{key}`"
                    ))
                    .with_help(shape_help));
            }
            let Some(toml::Value::String(rust)) = table.get("type") else {
                return Err(value_at
                    .diagnostic(format!("the override of `{key}` needs `type`, a string"))
                    .with_help(shape_help));
            };
            let copy = match table.get("copy") {
                None => false,
                Some(toml::Value::Boolean(copy)) => *copy,
                Some(_) => {
                    return Err(value_at
                        .diagnostic(format!(
                            "`copy` of the override of `{key}` must be true or false"
                        ))
                        .with_help(shape_help))
                }
            };
            (rust.clone(), copy)
        }
        _ => {
            return Err(value_at
                .diagnostic(format!(
                    "the override of `{key}` must be a string or a table"
                ))
                .with_help(shape_help))
        }
    };
    if !is_type_path(&rust) {
        return Err(value_at
            .diagnostic(format!("`{rust}` is not a Rust type path"))
            .with_help("write the type's full path, e.g. \"my_types::UserId\", and add its crate under [generate.dependencies]"));
    }
    Ok(TypeOverride {
        key: key.to_string(),
        rust,
        copy,
        at,
    })
}

/// A path such as `my_types::UserId` or `my_types::Json<my_types::Settings>`: identifiers,
/// `::`, and balanced angle brackets around comma-separated types. Enough to keep a typo from
/// becoming a confusing compiler error in generated code; the compiler checks the rest.
fn is_type_path(text: &str) -> bool {
    let mut depth = 0i32;
    let mut expect_ident = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_alphanumeric() || c == '_' => {
                if !expect_ident || c.is_ascii_digit() {
                    return false;
                }
                while chars
                    .peek()
                    .is_some_and(|n| n.is_alphanumeric() || *n == '_')
                {
                    chars.next();
                }
                expect_ident = false;
            }
            ':' if !expect_ident && chars.next_if_eq(&':').is_some() => expect_ident = true,
            '<' if !expect_ident => {
                depth += 1;
                expect_ident = true;
            }
            ',' if !expect_ident && depth > 0 => expect_ident = true,
            '>' if !expect_ident && depth > 0 => depth -= 1,
            ' ' => {}
            _ => return false,
        }
    }
    depth == 0 && !expect_ident
}

#[cfg(test)]
mod tests {
    use super::is_type_path;
    use crate::project::parse_config;

    #[test]
    fn type_paths_are_recognised() {
        for ok in [
            "UserId",
            "my_types::UserId",
            "a::Json<b::Settings>",
            "m::Pair<a::X, b::Y>",
        ] {
            assert!(is_type_path(ok), "{ok}");
        }
        for bad in [
            "", "my types", "a::", "::", "a<b", "a>", "1a", "a;b", "a::b()",
        ] {
            assert!(!is_type_path(bad), "{bad}");
        }
    }

    fn error(text: &str) -> String {
        let d = parse_config("dbtool.toml", text).expect_err("refused");
        format!(
            "{}:{}: {} / {}",
            d.line,
            d.column,
            d.message,
            d.help.unwrap_or_default()
        )
    }

    #[test]
    fn overrides_are_read_in_both_forms() {
        let config = parse_config(
            "dbtool.toml",
            "[generate.types]\njsonb = \"t::Doc\"\n[generate.columns]\n\"users.id\" = { type = \"t::UserId\", copy = true }\n",
        )
        .expect("reads");
        let types = &config.overrides.types;
        assert_eq!(
            (types[0].key.as_str(), types[0].rust.as_str(), types[0].copy),
            ("jsonb", "t::Doc", false)
        );
        assert_eq!((types[0].at.line, types[0].at.column), (2, 1));
        let columns = &config.overrides.columns;
        assert_eq!(
            (
                columns[0].key.as_str(),
                columns[0].rust.as_str(),
                columns[0].copy
            ),
            ("users.id", "t::UserId", true)
        );
        assert_eq!((columns[0].at.line, columns[0].at.column), (4, 1));
    }

    #[test]
    fn bad_overrides_and_dependencies_are_refused_where_written() {
        assert_eq!(
            error("[generate.columns]\nusers = \"t::X\"\n"),
            "2:1: `users` does not name a column / write `\"table.column\" = \"my_types::MyType\"`"
        );
        assert!(error("[generate.types]\njsonb = \"t::X;\"\n")
            .starts_with("2:9: `t::X;` is not a Rust type path"));
        assert!(
            error("[generate.types]\njsonb = { type = \"t::X\", cpy = true }\n")
                .starts_with("2:9: unknown key `cpy` in the override of `jsonb`")
        );
        assert!(
            error("[generate.types]\njsonb = { type = \"t::X\", copy = 1 }\n")
                .starts_with("2:9: `copy` of the override of `jsonb` must be true or false")
        );
        assert!(error("[generate.types]\njsonb = 3\n")
            .starts_with("2:9: the override of `jsonb` must be a string or a table"));
        assert!(error("[generate.dependencies]\nuuid = \"1\"\n")
            .starts_with("2:1: the generated crate already depends on `uuid`"));
        assert!(
            error("[generate]\ntime = \"jiff\"\n").starts_with("2:8: `jiff` is not a time crate")
        );
    }

    #[test]
    fn the_generated_crate_must_be_inside_the_project() {
        for outside in ["../elsewhere", "/abs/generated", "."] {
            let text = format!("[paths]\ngenerated = \"{outside}\"\n");
            assert!(
                error(&text).starts_with(&format!(
                    "2:13: `paths.generated = \"{outside}\"` is not a folder inside the project"
                )),
                "{outside}"
            );
        }
    }

    #[test]
    fn dependency_paths_are_relative_to_the_generated_crate() {
        let config = parse_config(
            "dbtool.toml",
            "[paths]\ngenerated = \"./crates/db\"\n[generate.dependencies]\nids = { path = \"./crates/ids\" }\nfar = { path = \"/opt/far\" }\nnear = \"1.2\"\n",
        )
        .expect("reads");
        let specs: Vec<String> = config
            .generated_dependencies()
            .iter()
            .map(|d| format!("{} = {}", d.name, d.spec))
            .collect();
        assert_eq!(
            specs,
            [
                "far = { path = \"/opt/far\" }",
                "ids = { path = \"../../crates/ids\" }",
                "near = \"1.2\""
            ]
        );
    }
}
