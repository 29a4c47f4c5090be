//! The project on disk: `dbtool.toml`, the schema files, template overrides.
//!
//! This is the IO edge for the core: it reads files into values ([`SourceFile`]s, a
//! [`Config`]) and hands them to the pure modules.

mod generate;

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::{line_column, Diagnostic, Location, SourceFile};
use crate::render::Templates;
use crate::schema::Dialect;

pub const CONFIG_FILE: &str = "dbtool.toml";

#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("no {CONFIG_FILE} in {start} or any parent directory\nhelp: run `dbtool init` to create a project, or pass --config PATH/dbtool.toml")]
    NotFound { start: PathBuf },
    #[error("cannot read {path}: {source}\nhelp: check that it exists and is readable; the project's folders are set by [paths] in dbtool.toml")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Config(Box<Diagnostic>),
    #[error("{0}")]
    Environment(String),
}

/// `dbtool.toml`, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    dialects: Option<Vec<String>>,
    #[serde(default)]
    paths: PathsFile,
    #[serde(default)]
    generate: generate::GenerateFile,
    /// Named environments: `[env.dev] url = "sqlite://dbtool.db"`.
    #[serde(default)]
    env: std::collections::BTreeMap<String, EnvFile>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct EnvFile {
    url: toml::Spanned<String>,
    /// PostgreSQL's `lock_timeout` for the statements of `migrate` and `rollback` here.
    lock_timeout: Option<String>,
    /// PostgreSQL's `statement_timeout` for them.
    statement_timeout: Option<String>,
    /// Seconds to wait for another migrator's lock before giving up.
    lock_wait: Option<u64>,
}

/// A named environment of dbtool.toml: its database URL as written (`${VAR}` not yet
/// expanded) and where.
#[derive(Debug, Clone)]
pub struct Environment {
    pub url: String,
    pub at: Location,
    /// How `migrate` and `rollback` wait on this database, unless a flag says otherwise.
    pub lock_timeout: Option<String>,
    pub statement_timeout: Option<String>,
    pub lock_wait: Option<u64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PathsFile {
    schema: Option<String>,
    templates: Option<String>,
    migrations: Option<String>,
    queries: Option<String>,
    generated: Option<String>,
}

/// The project configuration, with defaults applied.
#[derive(Debug, Clone)]
pub struct Config {
    pub dialects: Vec<Dialect>,
    pub schema_dir: String,
    pub templates_dir: Option<String>,
    pub migrations_dir: String,
    pub queries_dir: String,
    pub generated_dir: String,
    /// The generated crate's package name.
    pub package: String,
    /// Where the generated crate's dates and times come from: chrono (default) or time.
    pub time: crate::codegen::TimeCrate,
    /// `[generate.dependencies]`, by crate name, as written.
    pub dependencies: Vec<(String, toml::Value)>,
    /// `[generate.dev-dependencies]`, the same way.
    pub dev_dependencies: Vec<(String, toml::Value)>,
    /// `[generate] features`: optional features of the generated crate on by default.
    pub features: Vec<String>,
    /// `[generate.types]` and `[generate.columns]`.
    pub overrides: crate::codegen::TypeOverrides,
    /// Database URLs by environment name.
    pub environments: std::collections::BTreeMap<String, Environment>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            dialects: Dialect::ALL.to_vec(),
            schema_dir: "schema".into(),
            templates_dir: None,
            migrations_dir: "migrations".into(),
            queries_dir: "queries".into(),
            generated_dir: "generated".into(),
            package: "queries".into(),
            time: crate::codegen::TimeCrate::Chrono,
            dependencies: Vec::new(),
            dev_dependencies: Vec::new(),
            features: Vec::new(),
            overrides: crate::codegen::TypeOverrides::default(),
            environments: std::collections::BTreeMap::new(),
        }
    }
}

impl Config {
    /// `[generate.dependencies]` as the generated Cargo.toml writes them: a relative `path` is
    /// relative to the project root in dbtool.toml, and to the generated crate in Cargo.toml.
    pub fn generated_dependencies(&self) -> Vec<crate::codegen::Dependency> {
        self.crate_dependencies(&self.dependencies)
    }

    /// `[generate.dev-dependencies]`, as [`Config::generated_dependencies`] writes them.
    pub fn generated_dev_dependencies(&self) -> Vec<crate::codegen::Dependency> {
        self.crate_dependencies(&self.dev_dependencies)
    }

    fn crate_dependencies(
        &self,
        dependencies: &[(String, toml::Value)],
    ) -> Vec<crate::codegen::Dependency> {
        let up_to_root = "../".repeat(folder_depth(&self.generated_dir));
        dependencies
            .iter()
            .map(|(name, spec)| {
                let mut spec = spec.clone();
                if let Some(toml::Value::String(path)) = spec.get_mut("path") {
                    if Path::new(path.as_str()).is_relative() {
                        *path = format!("{up_to_root}{}", path.trim_start_matches("./"));
                    }
                }
                crate::codegen::Dependency {
                    name: name.clone(),
                    spec: spec.to_string(),
                }
            })
            .collect()
    }
}

/// Parses `dbtool.toml`; `path` names the file in errors.
pub fn parse_config(path: &str, text: &str) -> Result<Config, Diagnostic> {
    let file: ConfigFile = toml::from_str(text).map_err(|error| {
        let offset = error.span().map(|s| s.start).unwrap_or(0);
        let (line, column) = line_column(text, offset);
        Diagnostic::new(path, line, column, error.message().trim().to_string())
            .with_help("README.md, section \"Configuration\", lists the keys of dbtool.toml")
    })?;
    let mut config = Config::default();
    if let Some(names) = file.dialects {
        let mut dialects = Vec::new();
        for name in names {
            match Dialect::from_name(&name) {
                Some(d) => dialects.push(d),
                None => {
                    let offset = text.find(&format!("\"{name}\"")).unwrap_or(0);
                    let (line, column) = line_column(text, offset);
                    return Err(Diagnostic::new(
                        path,
                        line,
                        column,
                        format!("unknown dialect `{name}`"),
                    )
                    .with_help("use postgres, timescaledb or sqlite"));
                }
            }
        }
        if dialects.is_empty() {
            let offset = text.find("dialects").unwrap_or(0);
            let (line, column) = line_column(text, offset);
            return Err(Diagnostic::new(path, line, column, "`dialects` is empty")
                .with_help("name at least one: postgres, timescaledb or sqlite (or leave the key out for all three)"));
        }
        config.dialects = dialects;
    }
    if let Some(schema) = file.paths.schema {
        config.schema_dir = schema;
    }
    config.templates_dir = file.paths.templates;
    if let Some(migrations) = file.paths.migrations {
        config.migrations_dir = migrations;
    }
    if let Some(queries) = file.paths.queries {
        config.queries_dir = queries;
    }
    if let Some(generated) = file.paths.generated {
        // The generated crate names the migrations and its dependencies by paths relative to
        // itself: it must sit inside the project.
        let inside = Path::new(&generated).components().all(|c| {
            matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        });
        if !inside || folder_depth(&generated) == 0 {
            let offset = text.find(&format!("\"{generated}\"")).unwrap_or(0);
            let (line, column) = line_column(text, offset);
            return Err(Diagnostic::new(
                path,
                line,
                column,
                format!("`paths.generated = \"{generated}\"` is not a folder inside the project"),
            )
            .with_help("name a folder below dbtool.toml, e.g. \"generated\" or \"crates/db\""));
        }
        config.generated_dir = generated;
    }
    let generate = generate::read(file.generate, path, text)?;
    if let Some(package) = generate.package {
        config.package = package;
    }
    config.time = generate.time;
    config.dependencies = generate.dependencies;
    config.dev_dependencies = generate.dev_dependencies;
    config.features = generate.features;
    config.overrides = generate.overrides;
    config.environments = file
        .env
        .into_iter()
        .map(|(name, env)| {
            let at = location(path, text, env.url.span().start);
            let url = env.url.into_inner();
            let environment = Environment {
                url,
                at,
                lock_timeout: env.lock_timeout,
                statement_timeout: env.statement_timeout,
                lock_wait: env.lock_wait,
            };
            (name, environment)
        })
        .collect();
    Ok(config)
}

/// How many folders deep `relative` goes (`./crates/db` is 2).
fn folder_depth(relative: &str) -> usize {
    Path::new(relative)
        .components()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .count()
}

/// The 1-based line and column of byte `offset` of dbtool.toml.
fn location(path: &str, text: &str, offset: usize) -> Location {
    let (line, column) = line_column(text, offset);
    Location {
        path: path.to_string(),
        line,
        column,
    }
}

/// `${VAR}` replaced by the variable's value; the name of the first unset one otherwise.
fn expand_variables(text: &str, vars: &dyn Fn(&str) -> Option<String>) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        let name = &rest[start + 2..start + end];
        let value = vars(name).ok_or_else(|| name.to_string())?;
        out.push_str(&rest[..start]);
        out.push_str(&value);
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// A project found on disk.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
}

impl Project {
    /// A directory without `dbtool.toml`, with every default: what `pull` uses outside a
    /// project.
    pub fn unconfigured(root: &Path) -> Project {
        Project {
            root: root.to_path_buf(),
            config: Config::default(),
        }
    }

    /// Opens the project whose `dbtool.toml` is `config`, or the nearest one above `start`.
    pub fn open(config: Option<&Path>, start: &Path) -> Result<Project, ProjectError> {
        let config_path = match config {
            Some(path) => path.to_path_buf(),
            None => find_config(start).ok_or_else(|| ProjectError::NotFound {
                start: start.to_path_buf(),
            })?,
        };
        let shown = config_path.display().to_string();
        let text = read(&config_path, &shown)?;
        let root = config_path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let config = parse_config(&shown, &text).map_err(|d| ProjectError::Config(Box::new(d)))?;
        Ok(Project { root, config })
    }

    /// Every `*.yaml`/`*.yml` file under the schema folder, in path order, with paths
    /// relative to the project root (as users see them in errors).
    pub fn schema_sources(&self) -> Result<Vec<SourceFile>, ProjectError> {
        self.yaml_sources(&self.root.join(&self.config.schema_dir))
    }

    /// The schema as of the latest migration: the copy `dbtool diff` keeps under
    /// `migrations/schema/`, empty before the first migration.
    pub fn snapshot_sources(&self) -> Result<Vec<SourceFile>, ProjectError> {
        let dir = self.migrations_dir().join(crate::migrate::SNAPSHOT_DIR);
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        self.yaml_sources(&dir)
    }

    /// Every `*.yaml`/`*.yml` file under `dir`, in path order.
    fn yaml_sources(&self, dir: &Path) -> Result<Vec<SourceFile>, ProjectError> {
        let mut paths = Vec::new();
        collect_files(dir, &mut paths, &|p| {
            matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
        })?;
        paths.sort();
        paths
            .into_iter()
            .map(|path| {
                let shown = self.relative(&path);
                check_file_name(&shown)?;
                // YAML reads a lone carriage return as a line break, as old Mac editors wrote
                // them; so do the places dbtool prints.
                let text = read(&path, &shown)?
                    .replace("\r\n", "\n")
                    .replace('\r', "\n");
                Ok(SourceFile { path: shown, text })
            })
            .collect()
    }

    /// The query files: `queries/*.sql` shared by every dialect, `queries/<dialect>/*.sql`
    /// overriding queries for one dialect; none when the folder does not exist.
    pub fn query_sources(&self) -> Result<Vec<crate::query::QuerySource>, ProjectError> {
        let base = self.root.join(&self.config.queries_dir);
        if !base.is_dir() {
            return Ok(Vec::new());
        }
        let mut paths = Vec::new();
        collect_files(&base, &mut paths, &|p| {
            p.extension().and_then(|e| e.to_str()) == Some("sql")
        })?;
        paths.sort();
        let mut sources = Vec::new();
        for path in paths {
            let inside = path.strip_prefix(&base).unwrap_or(&path);
            let parts: Vec<String> = inside
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            let dialect = match parts.as_slice() {
                [_file] => None,
                [folder, _file] => match Dialect::from_name(folder) {
                    Some(d) => Some(d),
                    None => {
                        return Err(ProjectError::Config(Box::new(
                            Diagnostic::new(self.relative(&path), 1, 1, format!("`{folder}` is not a dialect"))
                                .with_help("queries/ holds shared files and one folder per dialect (postgres, timescaledb, sqlite) for overrides"),
                        )))
                    }
                },
                _ => {
                    return Err(ProjectError::Config(Box::new(
                        Diagnostic::new(self.relative(&path), 1, 1, "query files are nested too deep")
                            .with_help("use queries/FILE.sql, or queries/<dialect>/FILE.sql for overrides"),
                    )))
                }
            };
            sources.push(crate::query::QuerySource {
                dialect,
                file: SourceFile {
                    path: self.relative(&path),
                    text: read(&path, &self.relative(&path))?,
                },
            });
        }
        Ok(sources)
    }

    /// The committed migrations of every dialect, as the generated crate embeds them: paths
    /// are relative to the generated crate's `src/`.
    pub fn embedded_migrations(
        &self,
    ) -> Result<Vec<crate::codegen::MigrationSet>, crate::migrate::MigrateError> {
        let up_to_root = "../".repeat(folder_depth(&self.config.generated_dir) + 1);
        let mut sets = Vec::new();
        for dialect in Dialect::ALL {
            if !self.migrations_dir().join(dialect.name()).is_dir() {
                continue;
            }
            let scripts = crate::migrate::load_scripts(&self.migrations_dir(), dialect)?;
            // What `dbtool migrate` refuses is refused here, so the two never disagree about
            // what a version may contain; a version that runs outside a transaction is split
            // here, as `dbtool migrate` splits it, so the generated crate needs no SQL reader.
            let mut migrations = Vec::new();
            for script in scripts {
                crate::migrate::refuse_unsafe_statements(&script.up_path, &script.up_sql, dialect)?;
                let alone = if crate::migrate::runs_alone(&script.up_sql) {
                    crate::migrate::alone_statements(&script.up_path, &script.up_sql, dialect)?
                } else {
                    Vec::new()
                };
                migrations.push(crate::codegen::EmbeddedMigration {
                    version: script.version,
                    name: script.name,
                    checksum: script.checksum.to_string(),
                    path: format!(
                        "{up_to_root}{}/{}",
                        self.config.migrations_dir.trim_end_matches('/'),
                        script.up_path
                    ),
                    alone: alone
                        .into_iter()
                        .map(|statement| crate::codegen::EmbeddedStatement {
                            sql: statement.sql,
                            builds_index: statement.builds_index,
                        })
                        .collect(),
                });
            }
            sets.push(crate::codegen::MigrationSet {
                dialect,
                migrations,
            });
        }
        Ok(sets)
    }

    /// How `dbtool generate` writes this project's crate.
    pub fn codegen_options(&self) -> Result<crate::codegen::Options, crate::migrate::MigrateError> {
        Ok(crate::codegen::Options {
            package: self.config.package.clone(),
            dialects: self.config.dialects.clone(),
            migrations: self.embedded_migrations()?,
            time: self.config.time,
            overrides: self.config.overrides.clone(),
            dependencies: self.config.generated_dependencies(),
            dev_dependencies: self.config.generated_dev_dependencies(),
            features: self.config.features.clone(),
        })
    }

    pub fn generated_dir(&self) -> PathBuf {
        self.root.join(&self.config.generated_dir)
    }

    pub fn migrations_dir(&self) -> PathBuf {
        self.root.join(&self.config.migrations_dir)
    }

    /// The database used when no URL is given: an SQLite file in the project.
    pub fn default_database_url(&self) -> String {
        format!("sqlite://{}", self.root.join("dbtool.db").display())
    }

    /// The database to use, and where that choice came from. First match wins:
    /// `--database-url`, `--env NAME`, the `DATABASE_URL` variable, the `DBTOOL_ENV` variable,
    /// the `dev` environment of dbtool.toml, the project's SQLite file `dbtool.db`.
    pub fn database_url(
        &self,
        flag_url: Option<&str>,
        flag_env: Option<&str>,
        vars: &dyn Fn(&str) -> Option<String>,
    ) -> Result<(String, String), ProjectError> {
        if let Some(url) = flag_url {
            return Ok((url.to_string(), "--database-url".into()));
        }
        if let Some(name) = flag_env {
            return self.environment_url(name, &format!("--env {name}"), vars);
        }
        if let Some(url) = vars("DATABASE_URL").filter(|u| !u.is_empty()) {
            return Ok((url, "DATABASE_URL".into()));
        }
        if let Some(name) = vars("DBTOOL_ENV").filter(|n| !n.is_empty()) {
            return self.environment_url(&name, &format!("DBTOOL_ENV={name}"), vars);
        }
        if self.config.environments.contains_key("dev") {
            return self.environment_url("dev", "the dev environment", vars);
        }
        Ok((
            self.default_database_url(),
            "the default SQLite file".into(),
        ))
    }

    /// The environment of dbtool.toml whose database `database_url` chooses for the same
    /// flags and variables, if the database comes from one.
    pub fn chosen_environment(
        &self,
        flag_url: Option<&str>,
        flag_env: Option<&str>,
        vars: &dyn Fn(&str) -> Option<String>,
    ) -> Option<&Environment> {
        if flag_url.is_some() {
            return None;
        }
        if let Some(name) = flag_env {
            return self.config.environments.get(name);
        }
        if vars("DATABASE_URL").is_some_and(|u| !u.is_empty()) {
            return None;
        }
        if let Some(name) = vars("DBTOOL_ENV").filter(|n| !n.is_empty()) {
            return self.config.environments.get(&name);
        }
        self.config.environments.get("dev")
    }

    fn environment_url(
        &self,
        name: &str,
        source: &str,
        vars: &dyn Fn(&str) -> Option<String>,
    ) -> Result<(String, String), ProjectError> {
        let Some(written) = self.config.environments.get(name) else {
            let known: Vec<&str> = self
                .config
                .environments
                .keys()
                .map(String::as_str)
                .collect();
            return Err(ProjectError::Environment(if known.is_empty() {
                format!("{source}: dbtool.toml defines no environments; add `[env.{name}]` with a `url`")
            } else {
                format!(
                    "{source}: dbtool.toml has no environment `{name}` (it has {})",
                    known.join(", ")
                )
            }));
        };
        let url = expand_variables(&written.url, vars).map_err(|var| {
            let diagnostic = written
                .at
                .diagnostic(format!(
                    "{source}: the url of environment `{name}` uses ${{{var}}}, which is not set"
                ))
                .with_help(format!("set {var} in the environment, or choose another database with --env NAME or --database-url"));
            ProjectError::Config(Box::new(diagnostic))
        })?;
        Ok((self.rooted_sqlite(&url), format!("{source} in dbtool.toml")))
    }

    /// A relative SQLite path in dbtool.toml is relative to the project, not the shell.
    fn rooted_sqlite(&self, url: &str) -> String {
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .filter(|p| !p.is_empty() && !p.starts_with(':') && Path::new(p).is_relative());
        match path {
            Some(path) => format!("sqlite://{}", self.root.join(path).display()),
            None => url.to_string(),
        }
    }

    /// The built-in templates, overridden by the project's `paths.templates` folder if set.
    pub fn templates(&self) -> Result<Templates, ProjectError> {
        let Some(dir) = &self.config.templates_dir else {
            return Ok(Templates::default());
        };
        let base = self.root.join(dir);
        let mut paths = Vec::new();
        collect_files(&base, &mut paths, &|p| p.to_string_lossy().ends_with(".j2"))?;
        let mut overrides = Vec::new();
        for path in paths {
            let name = path
                .strip_prefix(&base)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            overrides.push((name, read(&path, &self.relative(&path))?));
        }
        Ok(Templates::default().with_overrides(overrides))
    }

    fn relative(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/")
    }
}

fn find_config(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|candidate| candidate.is_file())
}

/// A project file's text. A UTF-8 byte order mark, which some editors write and nothing
/// shows, is dropped, so that positions are the ones the user sees.
/// Text that is not UTF-8 is refused at its first bad byte, by `shown` (the path users see).
fn read(path: &Path, shown: &str) -> Result<String, ProjectError> {
    let bytes = std::fs::read(path).map_err(|source| ProjectError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let before = String::from_utf8_lossy(valid);
        let (line, column) = crate::diagnostic::line_column(&before, before.len());
        let byte = e.as_bytes()[valid.len()];
        ProjectError::Config(Box::new(
            Diagnostic::new(
                shown,
                line,
                column,
                format!("the file is not valid UTF-8: byte 0x{byte:02X} here"),
            )
            .with_help("save the file as UTF-8"),
        ))
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// A schema file's name becomes a line of dbtool.sum and a file of the snapshot: a control
/// character (a line break) in it would break the one and misname the other.
fn check_file_name(shown: &str) -> Result<(), ProjectError> {
    match shown.chars().find(|c| c.is_control()) {
        None => Ok(()),
        Some(c) => Err(ProjectError::Config(Box::new(
            Diagnostic::new(
                shown.escape_debug().to_string(),
                1,
                1,
                format!(
                    "the file name holds the control character U+{:04X}",
                    u32::from(c)
                ),
            )
            .with_help("rename the file"),
        ))),
    }
}

fn collect_files(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    keep: &dyn Fn(&Path) -> bool,
) -> Result<(), ProjectError> {
    let entries = std::fs::read_dir(dir).map_err(|source| ProjectError::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries {
        let entry = entry.map_err(|source| ProjectError::Read {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, out, keep)?;
        } else if keep(&path) {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_reads_dialects_and_paths() {
        let config = parse_config(
            "dbtool.toml",
            "dialects = [\"sqlite\"]\n[paths]\nschema = \"db\"\n",
        )
        .unwrap();
        assert_eq!(config.dialects, [Dialect::Sqlite]);
        assert_eq!(config.schema_dir, "db");
    }

    #[test]
    fn config_rejects_unknown_keys_with_position() {
        let error = parse_config(
            "dbtool.toml",
            "dialects = [\"sqlite\"]\n[paths]\nschemas = \"db\"\n",
        )
        .unwrap_err();
        assert_eq!((error.line, error.column), (3, 1));
        assert!(
            error.message.contains("unknown field `schemas`"),
            "{}",
            error.message
        );
    }

    fn project_with(config: &str) -> Project {
        Project {
            root: PathBuf::from("/srv/app"),
            config: parse_config("dbtool.toml", config).expect("config"),
        }
    }

    #[test]
    fn database_urls_follow_the_documented_precedence() {
        let project = project_with(
            "[env.dev]\nurl = \"sqlite://dev.db\"\n[env.prod]\nurl = \"postgres://app:${PGPASSWORD}@db/app\"\n",
        );
        let vars = |name: &str| match name {
            "PGPASSWORD" => Some("s3cret".to_string()),
            "DATABASE_URL" => Some("postgres://from-var/app".to_string()),
            "DBTOOL_ENV" => Some("prod".to_string()),
            _ => None,
        };
        let none = |_: &str| None;
        let url = |flag, env, vars: &dyn Fn(&str) -> Option<String>| {
            project.database_url(flag, env, vars).expect("resolves")
        };
        assert_eq!(
            url(Some("sqlite::memory:"), Some("prod"), &vars).1,
            "--database-url"
        );
        assert_eq!(
            url(None, Some("prod"), &vars),
            (
                "postgres://app:s3cret@db/app".into(),
                "--env prod in dbtool.toml".into()
            )
        );
        assert_eq!(url(None, None, &vars).1, "DATABASE_URL");
        let only_env = |name: &str| (name == "DBTOOL_ENV").then(|| "dev".to_string());
        assert_eq!(
            url(None, None, &only_env),
            (
                "sqlite:///srv/app/dev.db".into(),
                "DBTOOL_ENV=dev in dbtool.toml".into()
            )
        );
        assert_eq!(url(None, None, &none).0, "sqlite:///srv/app/dev.db");
        let error = project
            .database_url(None, Some("prod"), &none)
            .expect_err("unset var");
        assert_eq!(
            error.to_string(),
            "dbtool.toml:4:7: error: --env prod: the url of environment `prod` uses ${PGPASSWORD}, which is not set\n  help: set PGPASSWORD in the environment, or choose another database with --env NAME or --database-url"
        );
        let error = project
            .database_url(None, Some("staging"), &none)
            .expect_err("unknown");
        assert_eq!(
            error.to_string(),
            "--env staging: dbtool.toml has no environment `staging` (it has dev, prod)"
        );
        assert_eq!(
            project_with("")
                .database_url(None, None, &none)
                .expect("default")
                .0,
            "sqlite:///srv/app/dbtool.db"
        );
    }

    #[test]
    fn config_rejects_unknown_dialects() {
        let error = parse_config("dbtool.toml", "dialects = [\"oracle\"]\n").unwrap_err();
        assert_eq!(
            error.headline(),
            "dbtool.toml:1:13: error: unknown dialect `oracle`"
        );
    }
}
