//! The generated crate: Rust names and types for the analysed queries, shaped by the templates
//! under `templates/rust/`. Pure: it returns the files; the CLI writes them.

mod names;
mod overrides;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::query::{Kind, Module, QType, Query, ResolvedQuery};
use crate::render::{self, RenderError, Templates};
use crate::schema::{Dialect, Schema};

pub use names::{pascal_case, rust_ident, snake_case, TimeCrate};
use overrides::Choice;
pub use overrides::{TypeOverride, TypeOverrides};

/// A file of the generated crate, by its path inside the crate (`src/lib.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    pub path: String,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Options {
    /// The generated package's name.
    pub package: String,
    /// The project's dialects: they choose the default backend features.
    pub dialects: Vec<Dialect>,
    /// The committed migrations, embedded into the crate (one set per dialect).
    pub migrations: Vec<MigrationSet>,
    /// Where dates and times come from.
    pub time: TimeCrate,
    /// Rust types chosen in dbtool.toml for SQL types and schema columns.
    pub overrides: TypeOverrides,
    /// Extra dependencies of the generated crate (the crates of the overrides' types).
    pub dependencies: Vec<Dependency>,
    /// Extra dev-dependencies (what the project's tests of the crate use).
    pub dev_dependencies: Vec<Dependency>,
    /// Optional features on by default (`deadpool-postgres`).
    pub features: Vec<String>,
}

/// A dependency of the generated crate from `[generate.dependencies]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dependency {
    pub name: String,
    /// Its specification as a TOML value: `"1"`, `{ path = "../ids" }`.
    pub spec: String,
}

/// The migrations of one dialect, as the generated crate embeds them.
#[derive(Debug, Clone)]
pub struct MigrationSet {
    pub dialect: Dialect,
    pub migrations: Vec<EmbeddedMigration>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EmbeddedMigration {
    pub version: i32,
    pub name: String,
    /// refinery's checksum, as the history table records it.
    pub checksum: String,
    /// The script's path as `include_str!` in `src/migrations.rs` sees it.
    pub path: String,
    /// For a version that runs outside a transaction (`-- dbtool: no-transaction`), its
    /// statements as dbtool splits them; empty for every other version.
    pub alone: Vec<EmbeddedStatement>,
}

/// A statement of a version that runs outside a transaction.
#[derive(Debug, Clone, Serialize)]
pub struct EmbeddedStatement {
    pub sql: String,
    /// The index a `CREATE INDEX CONCURRENTLY` builds, as the script names it.
    pub builds_index: Option<String>,
}

#[derive(Serialize)]
struct MigrationSetContext<'a> {
    dialect: &'static str,
    const_name: String,
    migrations: &'a [EmbeddedMigration],
}

#[derive(Debug, thiserror::Error)]
pub enum CodegenError {
    #[error("{}", crate::diagnostic::Diagnostics(.0.clone()))]
    Queries(Vec<Diagnostic>),
    #[error(transparent)]
    Render(#[from] RenderError),
}

/// Names the generated functions use for their own arguments and locals.
const GENERATED_LOCALS: &[&str] = &["conn", "client", "call", "bulk", "f"];

/// The longest query name the templates lay out exactly as rustfmt would.
const MAX_NAME: usize = 40;

/// Parameters past this many become a parameters struct.
const MAX_ARGUMENTS: usize = 4;

const HEADER: &str =
    "Written by `dbtool generate`; do not edit: change schema/ or queries/ and run it again.";

#[derive(Serialize)]
struct CrateContext<'a> {
    header: &'static str,
    package: String,
    default_features: Vec<String>,
    dependencies: &'a [Dependency],
    dev_dependencies: &'a [Dependency],
    enums: Vec<EnumContext>,
    tables: Vec<RowContext>,
    modules: Vec<ModuleContext>,
    migration_sets: Vec<MigrationSetContext<'a>>,
}

#[derive(Serialize)]
struct EnumContext {
    sql_name: String,
    rust_name: String,
    doc: Vec<String>,
    variants: Vec<VariantContext>,
}

#[derive(Serialize)]
struct VariantContext {
    value: String,
    name: String,
}

#[derive(Serialize, Clone)]
struct RowContext {
    name: String,
    doc: Vec<String>,
    fields: Vec<FieldContext>,
}

#[derive(Serialize, Clone)]
struct FieldContext {
    name: String,
    ty: String,
    /// A type chosen in dbtool.toml: SQLite reads it through its own `FromSql`.
    native: bool,
}

#[derive(Serialize)]
struct BindContext {
    /// What `bind` gets: `&user_id`, `&params.user_id`.
    expr: String,
    /// The value itself, as the async backend's parameter tuple holds it: `user_id` (moved or
    /// copied in), `&params.user_id`.
    value: String,
    /// A type chosen in dbtool.toml: SQLite binds it through its own `ToSql`.
    native: bool,
}

#[derive(Serialize)]
struct ModuleContext {
    name: String,
    source: String,
    header: &'static str,
    uses_tables: bool,
    /// Whether any query is a bulk insert, and whether any is not: the imports follow.
    has_bulk: bool,
    has_calls: bool,
    /// A `:many` query: the async backend imports `Stream` for its `_stream` functions.
    has_many: bool,
    /// Whether any parameter has a type chosen in dbtool.toml (the SQLite functions import
    /// `Native` for it).
    sqlite_native: bool,
    rows: Vec<RowContext>,
    params: Vec<ParamsContext>,
    queries: Vec<QueryContext>,
}

#[derive(Serialize)]
struct ParamsContext {
    query: String,
    name: String,
    generics: &'static str,
    fields: Vec<FieldContext>,
    /// The rows of a `:copyfrom` (not the parameters of one call).
    bulk: bool,
}

#[derive(Serialize)]
struct QueryContext {
    name: String,
    fn_name: String,
    const_name: String,
    kind: &'static str,
    doc: Vec<String>,
    sql_lines: Vec<String>,
    sql_postgres: String,
    sql_timescaledb: String,
    sql_sqlite: String,
    /// Function arguments after the connection, each `name: Type`.
    args: Vec<ArgContext>,
    /// What each `call.bind(…)` gets, in parameter order.
    binds: Vec<BindContext>,
    /// The parameters come as one `…Params` struct.
    params_struct: bool,
    /// The row type, for `:one` and `:many`.
    row: String,
    /// The function's success type.
    returns: String,
    /// For `:copyfrom`: the table and columns of the COPY.
    bulk: Option<crate::query::BulkInsert>,
}

#[derive(Serialize)]
struct ArgContext {
    decl: String,
}

/// Every file of the generated crate.
pub fn generate(
    schema: &Schema,
    modules: &[Module],
    options: &Options,
    templates: &Templates,
) -> Result<Vec<GeneratedFile>, CodegenError> {
    let mut errors = Vec::new();
    let mut tables: BTreeMap<String, RowContext> = BTreeMap::new();
    let mut module_contexts = Vec::new();
    // A file with no queries (only comments) gets no module.
    for module in modules.iter().filter(|m| !m.queries.is_empty()) {
        match module_context(schema, module, options, &mut tables) {
            Ok(context) => module_contexts.push(context),
            Err(mut e) => errors.append(&mut e),
        }
    }
    check_module_names(&module_contexts, &mut errors);
    options.overrides.check(schema, &mut errors);
    check_enum_names(schema, &mut errors);
    if !errors.is_empty() {
        return Err(CodegenError::Queries(errors));
    }
    module_contexts.sort_by(|a, b| a.name.cmp(&b.name));
    let context = CrateContext {
        header: HEADER,
        package: options.package.clone(),
        default_features: default_features(&options.dialects, modules, options),
        dependencies: &options.dependencies,
        dev_dependencies: &options.dev_dependencies,
        enums: schema.enums.iter().map(enum_context).collect(),
        tables: tables.into_values().collect(),
        modules: module_contexts,
        migration_sets: migration_sets(&options.migrations),
    };
    let mut files = vec![
        file("Cargo.toml", "rust/Cargo.toml.j2", &context, templates)?,
        file("src/lib.rs", "rust/lib.rs.j2", &context, templates)?,
        file("src/runtime.rs", "rust/runtime.rs.j2", &context, templates)?,
        file("src/enums.rs", "rust/enums.rs.j2", &context, templates)?,
        file("src/tables.rs", "rust/tables.rs.j2", &context, templates)?,
        file(
            "src/migrations.rs",
            "rust/migrations.rs.j2",
            &context,
            templates,
        )?,
    ];
    for module in &context.modules {
        let wrapper = serde_json::json!({ "module": module, "header": HEADER });
        files.push(file(
            &format!("src/{}.rs", module.name),
            "rust/module.rs.j2",
            &wrapper,
            templates,
        )?);
    }
    Ok(files)
}

fn file(
    path: &str,
    template: &str,
    context: &impl Serialize,
    templates: &Templates,
) -> Result<GeneratedFile, CodegenError> {
    Ok(GeneratedFile {
        path: path.to_string(),
        text: render::render_rust(template, context, templates)?,
    })
}

/// Module names that the generated crate uses itself.
const RESERVED_MODULES: &[&str] = &["lib", "main", "runtime", "tables", "enums", "migrations"];

/// A query file becomes a module (and a file) of the same name: it must be a plain Rust name,
/// not one of the crate's own, and unique.
fn check_module_names(modules: &[ModuleContext], errors: &mut Vec<Diagnostic>) {
    for (i, module) in modules.iter().enumerate() {
        let problem = if RESERVED_MODULES.contains(&module.name.as_str()) {
            Some(format!(
                "the generated crate has its own module `{}`",
                module.name
            ))
        } else if module.name.starts_with("r#") || module.name.ends_with('_') {
            Some(format!(
                "`{}` is a Rust keyword",
                module.name.trim_start_matches("r#")
            ))
        } else {
            modules[..i]
                .iter()
                .find(|m| m.name == module.name)
                .map(|m| {
                    format!(
                        "{} and {} both become the module `{}`",
                        m.source, module.source, module.name
                    )
                })
        };
        if let Some(problem) = problem {
            errors.push(
                Diagnostic::new(
                    &module.source,
                    1,
                    1,
                    format!("{}: {problem}", module.source),
                )
                .with_help("rename the query file: its name is the module's name"),
            );
        }
    }
}

/// Enum names and values become Rust types and variants: they must stay distinct.
fn check_enum_names(schema: &Schema, errors: &mut Vec<Diagnostic>) {
    let mut names: Vec<(String, &crate::schema::EnumType)> = Vec::new();
    for e in &schema.enums {
        let rust = pascal_case(&e.name.value);
        let path = schema.path_of(e.name.span).to_string();
        if let Some((_, other)) = names.iter().find(|(n, _)| *n == rust) {
            errors.push(
                Diagnostic::new(
                    &path,
                    e.name.span.line,
                    e.name.span.column,
                    format!(
                        "enums `{}` and `{}` would both become the Rust enum `{rust}`",
                        other.name.value, e.name.value
                    ),
                )
                .with_help("rename one of them"),
            );
        }
        names.push((rust, e));
        let mut variants: Vec<(String, &str)> = Vec::new();
        for value in &e.values {
            let variant = names::variant_name(&value.value);
            if let Some((_, other)) = variants.iter().find(|(v, _)| *v == variant) {
                let path = schema.path_of(value.span).to_string();
                errors.push(
                    Diagnostic::new(&path, value.span.line, value.span.column, format!(
                        "values `{other}` and `{}` of enum `{}` would both become the Rust variant `{variant}`",
                        value.value, e.name.value
                    ))
                    .with_help("make the values differ in more than case and punctuation"),
                );
            }
            variants.push((variant, value.value.as_str()));
        }
    }
}

/// One set per dialect, always all three, so the crate names every constant the runtime uses.
fn migration_sets(sets: &[MigrationSet]) -> Vec<MigrationSetContext<'_>> {
    Dialect::ALL
        .iter()
        .map(|dialect| MigrationSetContext {
            dialect: dialect.name(),
            const_name: dialect.name().to_uppercase(),
            migrations: sets
                .iter()
                .find(|s| s.dialect == *dialect)
                .map_or(&[][..], |s| &s.migrations[..]),
        })
        .collect()
}

/// The backends the project's dialects need, and the type crates its queries use.
fn default_features(dialects: &[Dialect], modules: &[Module], options: &Options) -> Vec<String> {
    let mut features: Vec<&'static str> = Vec::new();
    if dialects.contains(&Dialect::Sqlite) {
        features.push("rusqlite");
        features.push("bundled");
    }
    if dialects.iter().any(|d| d.runs_on_postgres()) {
        features.push("postgres");
        features.push("tokio-postgres");
    }
    // Without PostgreSQL proper, the PostgreSQL backends run TimescaleDB's queries.
    if dialects.contains(&Dialect::Timescaledb) && !dialects.contains(&Dialect::Postgres) {
        features.push("timescaledb");
    }
    let (overrides, time) = (&options.overrides, options.time);
    let mut types: Vec<&'static str> = Vec::new();
    for analysis in modules
        .iter()
        .flat_map(|m| &m.queries)
        .map(|q| q.analysis())
    {
        for p in &analysis.params {
            // A parameter whose columns disagree is reported by codegen; any answer does here.
            let choice = overrides
                .for_param(&p.ty, &p.origins)
                .unwrap_or(Choice::Standard);
            types.extend(overrides::feature(choice, &p.ty, time));
        }
        for c in &analysis.columns {
            let choice = overrides.for_column(&c.ty, c.origin.as_deref());
            types.extend(overrides::feature(choice, &c.ty, time));
        }
    }
    types.sort_unstable();
    types.dedup();
    features.extend(types);
    let mut features: Vec<String> = features.into_iter().map(str::to_string).collect();
    features.extend(options.features.iter().cloned());
    features
}

fn enum_context(e: &crate::schema::EnumType) -> EnumContext {
    EnumContext {
        sql_name: e.name.value.clone(),
        rust_name: pascal_case(&e.name.value),
        doc: e.comment.as_deref().map(doc_lines).unwrap_or_default(),
        variants: e
            .values
            .iter()
            .map(|v| VariantContext {
                value: v.value.clone(),
                name: names::variant_name(&v.value),
            })
            .collect(),
    }
}

fn module_context(
    schema: &Schema,
    module: &Module,
    options: &Options,
    tables: &mut BTreeMap<String, RowContext>,
) -> Result<ModuleContext, Vec<Diagnostic>> {
    let mut context = ModuleContext {
        name: rust_ident(&snake_case(&module.name)),
        source: module.queries.first().map_or_else(
            || format!("queries/{}.sql", module.name),
            |q| q.shared.path.clone(),
        ),
        header: HEADER,
        uses_tables: false,
        has_bulk: false,
        has_calls: false,
        has_many: false,
        sqlite_native: false,
        rows: Vec::new(),
        params: Vec::new(),
        queries: Vec::new(),
    };
    let mut errors = Vec::new();
    for resolved in &module.queries {
        match query_context(schema, resolved, options, tables, &mut context) {
            Ok(query) => {
                if let Some(first) = context.queries.iter().find(|q| q.fn_name == query.fn_name) {
                    errors.push(
                        resolved
                            .shared
                            .diagnostic_at_name(format!(
                                "`{}` and `{}` would both become the Rust function `{}`",
                                first.name, query.name, query.fn_name
                            ))
                            .with_help("give one of them a name that differs in more than case"),
                    );
                    continue;
                }
                context.has_bulk |= query.bulk.is_some();
                context.has_calls |= query.bulk.is_none();
                context.has_many |= query.kind == "many";
                context.sqlite_native |= query.binds.iter().any(|b| b.native);
                context.queries.push(query)
            }
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(context)
    } else {
        Err(errors)
    }
}

fn query_context(
    schema: &Schema,
    resolved: &ResolvedQuery,
    options: &Options,
    tables: &mut BTreeMap<String, RowContext>,
    module: &mut ModuleContext,
) -> Result<QueryContext, Diagnostic> {
    let query = &resolved.shared;
    let analysis = resolved.analysis();
    let kind = match query.kind {
        Kind::One => "one",
        Kind::Many => "many",
        Kind::Exec => "exec",
        // sqlc's :execresult is PostgreSQL's command tag: the rows affected.
        Kind::ExecRows | Kind::ExecResult => "execrows",
        Kind::ExecLastId => "execlastid",
        Kind::CopyFrom => "copyfrom",
    };
    let base = snake_case(&query.name);
    if query.name.len() > MAX_NAME {
        return Err(query
            .diagnostic_at_name(format!(
                "query name `{}` is {} characters long; the generated code supports up to {MAX_NAME}",
                query.name,
                query.name.len()
            ))
            .with_help("shorten it: longer names make lines that rustfmt would lay out differently, and generate --check would then disagree with cargo fmt"));
    }
    let unsupported = |what: String, ty: &QType| {
        query
            .diagnostic_at_name(format!(
                "{what} of `{}` is {ty}, which has no Rust type in dbtool yet",
                query.name
            ))
            .with_help(format!("cast it in the query, e.g. CAST(… AS text), or choose a Rust type for it: `{ty} = \"my_types::MyType\"` under [generate.types] in dbtool.toml"))
    };
    check_overrides_agree(resolved, &options.overrides)?;
    // The row type: a table's shared struct, or one for this query.
    let mut row = String::new();
    if !analysis.columns.is_empty() {
        let mut fields = Vec::new();
        for column in &analysis.columns {
            let choice = options
                .overrides
                .for_column(&column.ty, column.origin.as_deref());
            let owned = overrides::owned(choice, &column.ty, options.time)
                .ok_or_else(|| unsupported(format!("column `{}`", column.name), &column.ty))?;
            let ty = if column.nullable {
                format!("Option<{owned}>")
            } else {
                owned
            };
            fields.push(FieldContext {
                name: rust_ident(&snake_case(&column.name)),
                ty,
                native: choice != Choice::Standard,
            });
        }
        check_unique_fields(query, &fields)?;
        match &analysis.table_row {
            Some(table) => {
                let name = names::type_name(&format!("{}Row", pascal_case(table)));
                if let Some((other, _)) = tables.iter().find(|(t, r)| *t != table && r.name == name)
                {
                    return Err(query
                        .diagnostic_at_name(format!(
                        "tables `{other}` and `{table}` would both become the Rust struct `{name}`"
                    ))
                        .with_help(
                            "rename one of the tables, or select named columns in this query",
                        ));
                }
                let mut doc = vec![format!("A row of table `{table}`.")];
                if let Some(comment) = schema.table(table).and_then(|t| t.comment.as_deref()) {
                    doc.push(String::new());
                    doc.extend(doc_lines(comment));
                }
                tables.entry(table.clone()).or_insert_with(|| RowContext {
                    name: name.clone(),
                    doc,
                    fields,
                });
                module.uses_tables = true;
                row = format!("tables::{name}");
            }
            // One result column is the value itself (`i64`, `Option<String>`); a type chosen in
            // dbtool.toml keeps its struct, since SQLite reads it through the type's own FromSql.
            None if fields.len() == 1 && !fields[0].native => {
                row = fields[0].ty.clone();
            }
            None => {
                let name = format!("{}Row", query.name);
                module.rows.push(RowContext {
                    name: name.clone(),
                    doc: vec![format!("A row of `{}`.", query.name)],
                    fields,
                });
                row = name;
            }
        }
    }
    // Arguments: one per parameter, or a parameters struct past a handful.
    let mut params = Vec::new();
    for param in &analysis.params {
        let choice = options
            .overrides
            .for_param(&param.ty, &param.origins)
            .map_err(|conflict| {
                query
                    .diagnostic_at_param(
                        &param.name,
                        format!("parameter `{}` of `{}`: {conflict}", param.name, query.name),
                    )
                    .with_help("use one parameter per column, or give the columns one Rust type in dbtool.toml")
            })?;
        let borrowed = overrides::borrowed(choice, &param.ty, "", options.time)
            .ok_or_else(|| unsupported(format!("parameter `{}`", param.name), &param.ty))?;
        params.push((
            rust_ident(&snake_case(&param.name)),
            param,
            choice,
            borrowed,
        ));
    }
    let bulk = query.kind == Kind::CopyFrom;
    let as_struct = params.len() > MAX_ARGUMENTS || bulk;
    for (i, (name, param, _, _)) in params.iter().enumerate() {
        let clash = if params[..i].iter().any(|(other, _, _, _)| other == name) {
            Some(format!("two parameters become the Rust name `{name}`"))
        } else if !as_struct && GENERATED_LOCALS.contains(&name.as_str()) {
            Some(format!(
                "the generated function uses the name `{name}` itself"
            ))
        } else {
            None
        };
        if let Some(clash) = clash {
            return Err(query
                .diagnostic_at_param(
                    &param.name,
                    format!("parameter `{}` of `{}`: {clash}", param.name, query.name),
                )
                .with_help("rename the parameter"));
        }
    }
    let (args, binds) = if as_struct {
        let name = format!("{}Params", query.name);
        let mut fields = Vec::new();
        let mut borrows = false;
        for (field, param, choice, _) in &params {
            let ty =
                overrides::borrowed(*choice, &param.ty, "'a", options.time).unwrap_or_default();
            borrows |= ty.contains("'a");
            fields.push(FieldContext {
                name: field.clone(),
                ty: if param.nullable {
                    format!("Option<{ty}>")
                } else {
                    ty
                },
                native: *choice != Choice::Standard,
            });
        }
        let generics = if borrows { "<'a>" } else { "" };
        module.params.push(ParamsContext {
            query: query.name.clone(),
            name: name.clone(),
            generics,
            fields,
            bulk,
        });
        let lifetime = if borrows { "<'_>" } else { "" };
        // A bulk insert takes a slice of rows; anything else one parameters struct.
        let (arg, each) = if bulk {
            (format!("rows: &[{name}{lifetime}]"), "row")
        } else {
            (format!("params: &{name}{lifetime}"), "params")
        };
        (
            vec![ArgContext { decl: arg }],
            params
                .iter()
                .map(|(f, _, choice, _)| BindContext {
                    expr: format!("&{each}.{f}"),
                    value: format!("&{each}.{f}"),
                    native: *choice != Choice::Standard,
                })
                .collect(),
        )
    } else {
        (
            params
                .iter()
                .map(|(f, p, _, ty)| ArgContext {
                    decl: if p.nullable {
                        format!("{f}: Option<{ty}>")
                    } else {
                        format!("{f}: {ty}")
                    },
                })
                .collect(),
            params
                .iter()
                .map(|(f, _, choice, _)| BindContext {
                    expr: format!("&{f}"),
                    value: f.clone(),
                    native: *choice != Choice::Standard,
                })
                .collect(),
        )
    };
    let returns = match query.kind {
        Kind::One => row.clone(),
        Kind::Many => format!("Vec<{row}>"),
        Kind::ExecRows | Kind::ExecResult | Kind::CopyFrom => "u64".to_string(),
        Kind::ExecLastId => "i64".to_string(),
        _ => "()".to_string(),
    };
    Ok(QueryContext {
        name: query.name.clone(),
        fn_name: rust_ident(&base),
        const_name: base.to_uppercase(),
        kind,
        doc: query.doc.iter().flat_map(|line| doc_lines(line)).collect(),
        sql_lines: doc_lines(&query.sql)
            .into_iter()
            .map(|l| l.trim_end().to_string())
            .collect(),
        sql_postgres: sql_for(resolved, Dialect::Postgres),
        sql_timescaledb: sql_for(resolved, Dialect::Timescaledb),
        sql_sqlite: sql_for(resolved, Dialect::Sqlite),
        args,
        binds,
        params_struct: as_struct && !bulk,
        row,
        returns,
        bulk: analysis.bulk_insert.clone().filter(|_| bulk),
    })
}

/// Dialects' versions of a query may read different columns (an override in
/// `queries/<dialect>/` computes what the shared query reads): the Rust types dbtool.toml
/// chooses must still be the same, since one function serves them all.
fn check_overrides_agree(
    resolved: &ResolvedQuery,
    overrides: &TypeOverrides,
) -> Result<(), Diagnostic> {
    fn choices<'a>(
        analysis: &'a crate::query::Analysis,
        overrides: &'a TypeOverrides,
    ) -> Vec<(&'a str, Choice<'a>)> {
        let columns = analysis.columns.iter().map(|c| {
            let choice = overrides.for_column(&c.ty, c.origin.as_deref());
            (c.name.as_str(), choice)
        });
        let params = analysis.params.iter().map(|p| {
            let choice = overrides.for_param(&p.ty, &p.origins).ok();
            (p.name.as_str(), choice.unwrap_or(Choice::Standard))
        });
        columns.chain(params).collect()
    }
    let (first_dialect, _, first) = &resolved.dialects[0];
    let expected = choices(first, overrides);
    for (dialect, query, analysis) in &resolved.dialects[1..] {
        for ((name, want), (_, have)) in expected.iter().zip(choices(analysis, overrides)) {
            if *want != have {
                let show = |c: Choice<'_>| match c {
                    Choice::Override(o) => format!("{} (from `{}` in dbtool.toml)", o.rust, o.key),
                    Choice::Standard => "dbtool's own type".to_string(),
                };
                return Err(query
                    .diagnostic_at_name(format!(
                        "`{name}` of `{}` gets {} for {dialect} but {} for {first_dialect}",
                        query.name,
                        show(have),
                        show(*want)
                    ))
                    .with_help("a column override applies where a query reads the column unchanged: read it the same way in every dialect's version"));
            }
        }
    }
    Ok(())
}

fn check_unique_fields(query: &Query, fields: &[FieldContext]) -> Result<(), Diagnostic> {
    for (i, field) in fields.iter().enumerate() {
        if fields[..i].iter().any(|f| f.name == field.name) {
            return Err(query
                .diagnostic_at_name(format!(
                    "two columns of `{}` become the Rust field `{}`",
                    query.name, field.name
                ))
                .with_help("rename one with AS"));
        }
    }
    Ok(())
}

/// The query a dialect runs, with its parameters written the dialect's way. A dialect the
/// project does not configure gets the shared query (through its fallback's override).
fn sql_for(resolved: &ResolvedQuery, dialect: Dialect) -> String {
    match resolved
        .for_dialect(dialect)
        .or_else(|| dialect.fallback().and_then(|d| resolved.for_dialect(d)))
    {
        Some((query, analysis)) => crate::query::statement_text(query, analysis, dialect).text,
        None => {
            let spec = crate::dialect::spec(dialect);
            resolved.shared.rewrite(|n| spec.placeholder(n)).text
        }
    }
}

/// The lines of text for a `///` comment: a lone carriage return breaks a line too (Rust
/// refuses one in a doc comment).
fn doc_lines(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // As `str::lines`: a final line break ends the last line, it does not start another.
    text.strip_suffix('\n')
        .unwrap_or(&text)
        .split('\n')
        .map(str::to_string)
        .collect()
}
