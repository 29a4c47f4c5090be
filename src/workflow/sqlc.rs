//! A sqlc project as dbtool reads it: `sqlc.yaml` / `sqlc.json` (versions 1 and 2) for the
//! engine, the schema files or migration directory, and the query files; a migration file's
//! "up" part as sqlc reads it (goose, dbmate, golang-migrate, plain DDL). The CLI builds the
//! schema in a scratch database and adopts it (`dbtool init --from-sqlc`).

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::Failure;

/// The engines dbtool serves of sqlc's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgresql,
}

/// What dbtool takes from a sqlc config.
#[derive(Debug)]
pub struct SqlcProject {
    pub engine: Engine,
    /// Schema files and directories, in the config's order.
    pub schema: Vec<PathBuf>,
    /// Query files and directories.
    pub queries: Vec<PathBuf>,
    /// What the config says that dbtool does not carry (Go options, Go type overrides).
    pub notes: Vec<String>,
}

fn failure(config: &Path, message: impl std::fmt::Display) -> Failure {
    Failure::Other(format!("{}: {message}", config.display()))
}

/// Reads `sqlc.yaml`, `sqlc.yml` or `sqlc.json`; paths in it are relative to its folder.
pub fn read_config(config: &Path) -> Result<SqlcProject, Failure> {
    let text = std::fs::read_to_string(config).map_err(|e| failure(config, e))?;
    let value = if config.extension().is_some_and(|e| e == "json") {
        serde_json::from_str(&text).map_err(|e| failure(config, e))?
    } else {
        let node = marked_yaml::parse_yaml(0, &text).map_err(|e| failure(config, e))?;
        yaml_value(&node)
    };
    let base = config.parent().unwrap_or(Path::new("."));
    project_of(&value, base).map_err(|message| failure(config, message))
}

/// The YAML as JSON values (every scalar a string, which is how the config is read).
fn yaml_value(node: &marked_yaml::Node) -> Value {
    match node {
        marked_yaml::Node::Scalar(s) => Value::String(s.as_str().to_string()),
        marked_yaml::Node::Sequence(items) => Value::Array(items.iter().map(yaml_value).collect()),
        marked_yaml::Node::Mapping(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.as_str().to_string(), yaml_value(v)))
                .collect(),
        ),
    }
}

/// The project a parsed config describes: version 2's `sql:` entries or version 1's
/// `packages:`, all of one engine.
pub fn project_of(config: &Value, base: &Path) -> Result<SqlcProject, String> {
    let version = config["version"].as_str().unwrap_or("1");
    let (entries, default_engine) = match version {
        "2" => (config["sql"].as_array(), None),
        "1" => (config["packages"].as_array(), Some("postgresql")),
        other => {
            return Err(format!(
                "sqlc config version {other:?} is not one dbtool reads (1 or 2)"
            ))
        }
    };
    let entries = entries
        .filter(|e| !e.is_empty())
        .ok_or("the config lists no queries (`sql:` in version 2, `packages:` in version 1)")?;
    let mut engine = None;
    let mut project = SqlcProject {
        engine: Engine::Sqlite,
        schema: Vec::new(),
        queries: Vec::new(),
        notes: Vec::new(),
    };
    for entry in entries {
        let name = entry["engine"].as_str().or(default_engine).unwrap_or("");
        let this = match name {
            "sqlite" => Engine::Sqlite,
            "postgresql" => Engine::Postgresql,
            "mysql" => return Err("engine mysql: dbtool does not serve MySQL yet".into()),
            other => {
                return Err(format!(
                    "engine {other:?}: dbtool serves sqlite and postgresql"
                ))
            }
        };
        if engine.is_some_and(|e| e != this) {
            return Err("the config mixes engines; a dbtool project adopts one: convert each engine's entries apart".into());
        }
        engine = Some(this);
        project.schema.extend(paths(&entry["schema"], base));
        project.queries.extend(paths(&entry["queries"], base));
        for (key, what) in [
            ("gen", "code generation options (gen.go, …): dbtool writes Rust; see [generate] in dbtool.toml"),
            ("overrides", "type overrides: choose Rust types under [generate.types] or [generate.columns] in dbtool.toml"),
            ("rename", "renames: dbtool names fields after columns; rename in SQL with AS"),
            ("emit_json_tags", "JSON tags: the generated crate's `serde` feature derives Serialize"),
        ] {
            let present = !entry[key].is_null() || !entry["gen"]["go"][key].is_null();
            if present && !project.notes.iter().any(|n| n.ends_with(what)) {
                project.notes.push(format!("sqlc's `{key}` is not carried: {what}"));
            }
        }
    }
    project.engine = engine.unwrap_or(Engine::Sqlite);
    if project.schema.is_empty() || project.queries.is_empty() {
        return Err("each entry needs `schema` and `queries`".into());
    }
    Ok(project)
}

fn paths(value: &Value, base: &Path) -> Vec<PathBuf> {
    match value {
        Value::String(path) => vec![base.join(path)],
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .map(|path| base.join(path))
            .collect(),
        _ => Vec::new(),
    }
}

/// The `.sql` files of `paths` (a directory's in name order, as migration tools apply them),
/// leaving out golang-migrate's `.down.sql` files.
fn sql_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| failure(path, e))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "sql"))
                .filter(|p| !p.to_string_lossy().ends_with(".down.sql"))
                .collect();
            found.sort();
            files.extend(found);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            return Err(failure(path, "does not exist"));
        }
    }
    Ok(files)
}

/// Each schema file and the SQL that builds it (its "up" part).
pub fn schema_statements(paths: &[PathBuf]) -> Result<Vec<(PathBuf, String)>, Failure> {
    sql_files(paths)?
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).map_err(|e| failure(&file, e))?;
            Ok((file, up_part(&text)))
        })
        .collect()
}

/// What a migration file applies, as sqlc reads it: goose's `-- +goose Up` part, dbmate's
/// `-- migrate:up` part, else the whole file (plain DDL, golang-migrate's `.up.sql`).
pub fn up_part(text: &str) -> String {
    let markers = [
        ("-- +goose up", "-- +goose down"),
        ("-- migrate:up", "-- migrate:down"),
    ];
    for (up, down) in markers {
        let lower = text.to_ascii_lowercase();
        if let Some(start) = lower.find(up) {
            let body_start = start + up.len();
            let end = lower[body_start..]
                .find(down)
                .map_or(text.len(), |at| body_start + at);
            return text[body_start..end].to_string();
        }
    }
    text.to_string()
}

/// Copies the query files into `into` (a directory's files flattened, by name); the number
/// copied. Two files of one name are refused: their modules would clash.
pub fn copy_queries(paths: &[PathBuf], into: &Path) -> Result<usize, Failure> {
    let files = sql_files(paths)?;
    let mut names: Vec<std::ffi::OsString> = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap_or_default().to_os_string();
        if names.contains(&name) {
            return Err(failure(
                file,
                "another query file has this name; dbtool makes one module per file name: rename one",
            ));
        }
        names.push(name.clone());
        std::fs::create_dir_all(into).map_err(|e| failure(into, e))?;
        std::fs::copy(file, into.join(&name)).map_err(|e| failure(file, e))?;
    }
    Ok(files.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_parts_of_goose_and_dbmate_migrations() {
        let goose = "-- +goose Up\nCREATE TABLE a (id int);\n-- +goose Down\nDROP TABLE a;\n";
        assert_eq!(up_part(goose).trim(), "CREATE TABLE a (id int);");
        let dbmate = "-- migrate:up\nCREATE TABLE b (id int);\n\n-- migrate:down\nDROP TABLE b;\n";
        assert_eq!(up_part(dbmate).trim(), "CREATE TABLE b (id int);");
        assert_eq!(
            up_part("CREATE TABLE c (id int);"),
            "CREATE TABLE c (id int);"
        );
    }

    #[test]
    fn configs_of_both_versions() {
        let v2: Value = serde_json::json!({
            "version": "2",
            "sql": [{"engine": "sqlite", "schema": "schema.sql", "queries": ["q1.sql", "q2"],
                     "gen": {"go": {"package": "db", "out": "db"}}}]
        });
        let project = project_of(&v2, Path::new("/p")).expect("v2");
        assert_eq!(project.engine, Engine::Sqlite);
        assert_eq!(project.schema, [PathBuf::from("/p/schema.sql")]);
        assert_eq!(project.queries.len(), 2);
        assert!(
            project.notes[0].starts_with("sqlc's `gen` is not carried"),
            "{:?}",
            project.notes
        );
        let v1: Value = serde_json::json!({
            "version": "1",
            "packages": [{"name": "db", "path": "db", "schema": "migrations/", "queries": "query/"}]
        });
        assert_eq!(
            project_of(&v1, Path::new(".")).expect("v1").engine,
            Engine::Postgresql
        );
        let mysql: Value = serde_json::json!({"version": "2", "sql": [{"engine": "mysql", "schema": "s", "queries": "q"}]});
        assert!(project_of(&mysql, Path::new("."))
            .expect_err("mysql")
            .contains("MySQL"));
    }
}
