//! `dbtool generate` and `dbtool explain` end to end on a scratch project.

mod common;

use std::path::Path;

use common::dbtool;

const SCHEMA: &str = "tables:\n  users:\n    columns:\n      id: bigint identity primary key\n      email: text not null unique\n      name: text\n  posts:\n    columns:\n      id: bigint identity primary key\n      author_id: bigint not null references users.id\n      title: text not null\n";

const QUERIES: &str = "-- Users with their latest post title, if any.\n-- name: ListUsers :many\nSELECT u.email, p.title\nFROM users u LEFT JOIN posts p ON p.author_id = u.id\nORDER BY u.email;\n\n-- name: AddUser :one\nINSERT INTO users (email, name) VALUES (@email, sqlc.narg(name)) RETURNING id;\n";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("schema")).expect("mkdir");
    std::fs::create_dir_all(root.join("queries")).expect("mkdir");
    std::fs::write(
        root.join("dbtool.toml"),
        "dialects = [\"postgres\", \"sqlite\"]\n\n[generate]\npackage = \"app-queries\"\n",
    )
    .expect("config");
    std::fs::write(root.join("schema/app.yaml"), SCHEMA).expect("schema");
    std::fs::write(root.join("queries/app.sql"), QUERIES).expect("queries");
    dir
}

fn snapshot(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir.join("generated/src")).expect("generated/src") {
        let path = entry.expect("entry").path();
        files.push((
            path.display().to_string(),
            std::fs::read_to_string(&path).expect("read"),
        ));
    }
    files.push((
        "Cargo.toml".into(),
        std::fs::read_to_string(dir.join("generated/Cargo.toml")).expect("Cargo.toml"),
    ));
    files.sort();
    files
}

#[test]
fn generate_writes_a_crate_and_a_typo_changes_nothing() {
    let dir = project();
    let root = dir.path();
    let (code, out) = dbtool(root, &["generate"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("wrote generated (2 queries in 1 module)"),
        "{out}"
    );
    let module = std::fs::read_to_string(root.join("generated/src/app.rs")).expect("app.rs");
    assert!(
        module.contains("pub title: Option<String>,"),
        "LEFT JOIN side is optional"
    );
    assert!(module.contains("name: Option<&str>,"), "narg is optional");
    assert!(module.contains("/// Users with their latest post title, if any."));
    let cargo = std::fs::read_to_string(root.join("generated/Cargo.toml")).expect("toml");
    assert!(cargo.contains("name = \"app-queries\""), "{cargo}");
    let before = snapshot(root);

    let broken = QUERIES.replace("SELECT u.email, p.title", "SELECT u.emial, p.title");
    std::fs::write(root.join("queries/app.sql"), broken).expect("typo");
    let (code, out) = dbtool(root, &["generate"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("column \"emial\" does not exist in table \"users\" (as \"u\"); did you mean \"email\"?"),
        "{out}"
    );
    assert!(out.contains("queries/app.sql:3:10"), "file:line:col: {out}");
    assert!(
        out.contains("SELECT u.emial, p.title"),
        "the source line: {out}"
    );
    assert_eq!(snapshot(root), before, "generated/ is untouched");
}

#[test]
fn generate_check_reports_a_stale_crate_and_explain_shows_reasons() {
    let dir = project();
    let root = dir.path();
    let (code, out) = dbtool(root, &["generate"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(root, &["generate", "--check"]);
    assert_eq!(code, Some(0), "{out}");
    let changed = QUERIES.replace("if any.", "if they have one.");
    std::fs::write(root.join("queries/app.sql"), changed).expect("edit");
    let (code, out) = dbtool(root, &["generate", "--check"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("generated is out of date: src/app.rs")
            && out.contains("run `dbtool generate`"),
        "{out}"
    );

    let (code, out) = dbtool(root, &["explain", "ListUsers"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("title") && out.contains("`p` is the optional side of a LEFT JOIN"),
        "{out}"
    );
    let (code, out) = dbtool(root, &["explain", "ListUsers", "--format", "json"]);
    assert_eq!(code, Some(0), "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        json["columns"][1]["nullable"],
        serde_json::Value::Bool(true)
    );
    // The query, its kind and place, and types spelled as the text spells them.
    assert_eq!(
        (&json["name"], &json["kind"], &json["file"], &json["line"]),
        (
            &serde_json::json!("ListUsers"),
            &serde_json::json!(":many"),
            &serde_json::json!("queries/app.sql"),
            &serde_json::json!(2)
        )
    );
    let (code, out) = dbtool(root, &["explain", "AddUser", "--format", "json"]);
    assert_eq!(code, Some(0), "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(json["columns"][0]["type"], serde_json::json!("bigint"));
    let (code, out) = dbtool(root, &["explain", "ListUser"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("did you mean `ListUsers`?"), "{out}");
}

#[test]
fn a_query_sqlite_rejects_is_an_error_at_the_token_it_names() {
    let dir = project();
    let root = dir.path();
    // A function the catalog knows but SQLite lacks is refused by the analysis, at the call.
    let queries = format!(
        "{QUERIES}\n-- name: Truncated :many\nSELECT date_trunc('day', CAST(@at AS timestamptz)) AS day FROM users;\n"
    );
    std::fs::write(root.join("queries/app.sql"), queries).expect("queries");
    let (code, out) = dbtool(root, &["generate"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("date_trunc() does not exist on sqlite (only on postgres, timescaledb)"),
        "{out}"
    );
    assert!(out.contains("queries/app.sql:11:8\n"), "{out}");
    // One the catalog does not know, given a type with CAST, passes the analysis; SQLite
    // rejects it, and names the token: the error points at it, not at the query's name.
    let queries = format!(
        "{QUERIES}\n-- name: Truncated :many\nSELECT CAST(date_part('day', CAST(@at AS timestamptz)) AS int) AS day FROM users;\n"
    );
    std::fs::write(root.join("queries/app.sql"), queries).expect("queries");
    let (code, out) = dbtool(root, &["generate"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("SQLite rejects query `Truncated`: no such function: date_part"),
        "{out}"
    );
    assert!(out.contains("queries/app.sql:11:13\n"), "{out}");
    assert!(!root.join("generated").exists(), "nothing was written");
}

#[test]
fn an_unreachable_confirmation_server_is_a_database_error_without_its_password() {
    let dir = project();
    let (code, out) = dbtool(
        dir.path(),
        &[
            "generate",
            "--database-url",
            "postgres://app:hunter2@127.0.0.1:1/app",
        ],
    );
    assert_eq!(code, Some(3), "{out}");
    assert!(!out.contains("hunter2"), "password printed: {out}");
    assert!(
        out.contains(
            "cannot confirm the queries on PostgreSQL (postgres://app:***@127.0.0.1:1/app)"
        ),
        "{out}"
    );
    assert!(
        !dir.path().join("generated").exists(),
        "nothing was written"
    );
}

#[test]
fn check_finds_each_kind_of_staleness_and_says_how_to_fix_it() {
    let dir = project();
    let root = dir.path();
    for args in [&["diff", "init"][..], &["generate"][..]] {
        let (code, out) = dbtool(root, args);
        assert_eq!(code, Some(0), "{out}");
    }
    let (code, out) = dbtool(root, &["check"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("are current"), "{out}");

    // A schema change without its migration, and a query edited without generating.
    let schema = SCHEMA.replace("      name: text\n", "      name: text\n      bio: text\n");
    std::fs::write(root.join("schema/app.yaml"), schema).expect("schema");
    let queries = QUERIES.replace("if any.", "if they have one.");
    std::fs::write(root.join("queries/app.sql"), queries).expect("queries");
    let (code, out) = dbtool(root, &["check"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("migrations: schema/ has changes no migration covers (postgres, sqlite)")
            && out.contains("fix: run `dbtool diff <name>` and commit migrations/"),
        "{out}"
    );
    assert!(
        out.contains("generated/src/app.rs: generated: generated/src/app.rs is not what `dbtool generate` writes"),
        "{out}"
    );
    let (code, out) = dbtool(root, &["check", "--format", "json"]);
    assert_eq!(code, Some(1), "{out}");
    let json: serde_json::Value = serde_json::from_str(
        out.lines()
            .take_while(|l| !l.starts_with("error:"))
            .collect::<Vec<_>>()
            .join("\n")
            .as_str(),
    )
    .expect("json");
    assert_eq!(json["ok"], serde_json::Value::Bool(false));
    let checks: Vec<&str> = json["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["check"].as_str().expect("check"))
        .collect();
    assert_eq!(checks, ["migrations", "generated"]);

    // An edited script and a query that no longer type-checks.
    let script = root.join("migrations/sqlite/V1__init.sql");
    let mut text = std::fs::read_to_string(&script).expect("script");
    text.push_str("-- edited\n");
    std::fs::write(&script, text).expect("edit");
    let broken = QUERIES.replace("SELECT u.email, p.title", "SELECT u.emial, p.title");
    std::fs::write(root.join("queries/app.sql"), broken).expect("typo");
    let (code, out) = dbtool(root, &["check", "--format", "github"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(
            "::error title=dbtool check (integrity)::migrations/sqlite/V1__init.sql was edited"
        ),
        "{out}"
    );
    assert!(
        out.contains("::error file=queries/app.sql,line=3,col=10,title=dbtool check (queries)::column \"emial\" does not exist"),
        "{out}"
    );
}

#[test]
fn names_that_would_collide_in_rust_are_refused_where_they_are_written() {
    let dir = project();
    let root = dir.path();
    // `AS "n!"` is accepted by the engine check (the engine calls the column `n!`).
    let queries =
        format!("{QUERIES}\n-- name: CountUsers :one\nSELECT count(*) AS \"n!\" FROM users;\n");
    std::fs::write(root.join("queries/app.sql"), queries).expect("queries");
    let (code, out) = dbtool(root, &["generate"]);
    assert_eq!(code, Some(0), "{out}");

    std::fs::write(
        root.join("queries/runtime.sql"),
        "-- name: Other :exec\nDELETE FROM posts;\n",
    )
    .expect("reserved");
    let (code, out) = dbtool(root, &["generate"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("queries/runtime.sql: the generated crate has its own module `runtime`"),
        "{out}"
    );
    std::fs::remove_file(root.join("queries/runtime.sql")).expect("remove");

    let clashing = format!(
        "{QUERIES}\n-- name: GetUserID :one\nSELECT email FROM users WHERE id = @conn;\n\n-- name: GetUserId :one\nSELECT email FROM users WHERE id = @id;\n"
    );
    std::fs::write(root.join("queries/app.sql"), clashing).expect("queries");
    let (code, out) = dbtool(root, &["generate"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains(
            "parameter `conn` of `GetUserID`: the generated function uses the name `conn` itself"
        ),
        "{out}"
    );
    let clashing = format!(
        "{QUERIES}\n-- name: GetUserID :one\nSELECT email FROM users WHERE id = @user_id;\n\n-- name: GetUserId :one\nSELECT email FROM users WHERE id = @id;\n"
    );
    std::fs::write(root.join("queries/app.sql"), clashing).expect("queries");
    let (code, out) = dbtool(root, &["generate"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains(
            "`GetUserID` and `GetUserId` would both become the Rust function `get_user_id`"
        ),
        "{out}"
    );
}

#[test]
fn query_names_too_long_for_the_layout_are_refused() {
    let dir = project();
    let root = dir.path();
    let queries = format!(
        "{QUERIES}\n-- name: ListEveryUserWhoseNameIsMissingAndWhoHasNoPosts :many\nSELECT id FROM users;\n"
    );
    std::fs::write(root.join("queries/app.sql"), queries).expect("queries");
    let (code, out) = dbtool(root, &["generate"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("query name `ListEveryUserWhoseNameIsMissingAndWhoHasNoPosts` is 47 characters long; the generated code supports up to 40"),
        "{out}"
    );
}

#[test]
fn a_file_of_only_bulk_inserts_imports_what_its_constants_use() {
    let dir = project();
    let root = dir.path();
    std::fs::write(
        root.join("queries/import.sql"),
        "-- name: ImportUsers :copyfrom\nINSERT INTO users (email, name) VALUES (@email, @name);\n",
    )
    .expect("queries");
    let (code, out) = dbtool(root, &["generate"]);
    assert_eq!(code, Some(0), "{out}");
    let module = std::fs::read_to_string(root.join("generated/src/import.rs")).expect("module");
    assert!(
        module.contains("use crate::runtime::{BulkQuery, Query};"),
        "{module}"
    );
    assert!(module.contains("    insert: Query {"), "{module}");
}

#[test]
fn a_query_postgres_rejects_is_an_error_at_the_token_it_names() {
    let Some(pg) = common::pg_database("generate_rejects") else {
        return;
    };
    let dir = project();
    let root = dir.path();
    // SQLite accepts a bare column beside GROUP BY; PostgreSQL names `id` in HAVING, after a
    // parameter that the confirmation rewrote to `$1` (so the column must be mapped back).
    let queries = format!(
        "{QUERIES}\n-- name: Grouped :many\nSELECT email, count(*) AS n\nFROM users WHERE name = @name GROUP BY email HAVING id > 0;\n"
    );
    std::fs::write(root.join("queries/app.sql"), queries).expect("queries");
    let (code, out) = dbtool(root, &["generate", "--database-url", &pg.url]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("PostgreSQL rejects query `Grouped`: column \"users.id\" must appear in the GROUP BY clause"),
        "{out}"
    );
    assert!(out.contains("queries/app.sql:12:53\n"), "{out}");
    assert!(!root.join("generated").exists(), "nothing was written");
}

const PROFILES_V1: &str =
    "tables:\n  profiles:\n    columns:\n      id: bigint primary key\n      handle: text not null\n";
/// `nickname` declared before `handle`: SQLite's rebuild and `render` put it there, PostgreSQL's
/// `ALTER TABLE … ADD COLUMN` appends it.
const PROFILES_V2: &str = "tables:\n  profiles:\n    columns:\n      id: bigint primary key\n      nickname: text\n      handle: text not null\n";
const PROFILE_QUERY: &str = "-- name: GetProfile :one\nSELECT * FROM profiles WHERE id = @id;\n";

fn profiles_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("schema")).expect("mkdir");
    std::fs::create_dir_all(root.join("queries")).expect("mkdir");
    std::fs::write(
        root.join("dbtool.toml"),
        "dialects = [\"postgres\", \"sqlite\"]\n",
    )
    .expect("config");
    std::fs::write(root.join("schema/app.yaml"), PROFILES_V1).expect("schema");
    let (code, out) = dbtool(root, &["diff", "profiles"]);
    assert_eq!(code, Some(0), "{out}");
    std::fs::write(root.join("schema/app.yaml"), PROFILES_V2).expect("schema");
    let (code, out) = dbtool(root, &["diff", "nickname"]);
    assert_eq!(code, Some(0), "{out}");
    std::fs::write(root.join("queries/app.sql"), PROFILE_QUERY).expect("queries");
    dir
}

/// The generated SQL of the first query for one backend (`postgres` or `sqlite`), as the
/// generated module holds it: `postgres: r#"…"#`.
fn generated_statement(root: &Path, backend: &str) -> String {
    let module = std::fs::read_to_string(root.join("generated/src/app.rs")).expect("app.rs");
    let start = format!("{backend}: r#\"");
    let from = module
        .find(&start)
        .unwrap_or_else(|| panic!("no {backend} SQL in:\n{module}"))
        + start.len();
    let length = module[from..].find("\"#").expect("end of the raw string");
    module[from..from + length].to_string()
}

/// Before the fix the generated code kept `*` and read columns by position: on PostgreSQL,
/// where the migration appended `nickname`, `handle` and `nickname` swapped places
/// (`ProfilesRow { nickname: "the_handle", handle: "the_nick" }`). The generated SQL now names
/// its columns in the order the row struct reads them.
#[test]
fn a_star_query_reads_every_column_by_name_on_a_migrated_postgres_database() {
    let Some(mut pg) = common::pg_database("star") else {
        return;
    };
    let dir = profiles_project();
    let root = dir.path();
    let (code, out) = dbtool(root, &["migrate", "--database-url", &pg.url]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(root, &["generate", "--database-url", &pg.url]);
    assert_eq!(code, Some(0), "{out}");
    let sql = generated_statement(root, "postgres");
    assert_eq!(
        sql,
        "SELECT profiles.id, profiles.nickname, profiles.handle FROM profiles WHERE id = $1"
    );
    pg.client
        .batch_execute(
            "INSERT INTO profiles (id, nickname, handle) VALUES (1, 'the_nick', 'the_handle')",
        )
        .expect("insert");
    let order: Vec<String> = pg
        .client
        .query(
            "SELECT column_name::text FROM information_schema.columns WHERE table_name = 'profiles' ORDER BY ordinal_position",
            &[],
        )
        .expect("columns")
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(
        order,
        ["id", "handle", "nickname"],
        "PostgreSQL appended the column"
    );
    let row = pg
        .client
        .query_one(sql.as_str(), &[&1i64])
        .expect("run the generated SQL");
    let (nickname, handle): (Option<String>, String) = (row.get(1), row.get(2));
    assert_eq!(
        (nickname.as_deref(), handle.as_str()),
        (Some("the_nick"), "the_handle")
    );
}

/// The PostgreSQL confirmation prepares the queries on a database built by the migrations, as
/// production databases are: a hand-edited migration that does not build what the schema
/// says is caught, where confirming on the rendered schema passed.
#[test]
fn generate_confirms_on_a_database_the_migrations_built() {
    let Some(pg) = common::pg_database("confirm_built") else {
        return;
    };
    let dir = profiles_project();
    let root = dir.path();
    let script = root.join("migrations/postgres/V2__nickname.sql");
    let edited = std::fs::read_to_string(&script)
        .expect("V2")
        .replace("nickname", "nick");
    std::fs::write(&script, edited).expect("edit V2");
    let (code, out) = dbtool(root, &["migration", "hash"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(root, &["generate", "--database-url", &pg.url]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains(
            "PostgreSQL rejects query `GetProfile`: column profiles.nickname does not exist"
        ),
        "PostgreSQL's own message: {out}"
    );
    assert!(out.contains("queries/app.sql:2:8"), "at the star: {out}");
}

/// After `renamed_from:`, a query that still names the old column is told of the rename, with
/// where it is declared.
#[test]
fn a_query_naming_a_renamed_column_is_told_of_the_rename() {
    let scratch = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(scratch.path(), &["init", "-q", "blog"]);
    assert_eq!(code, Some(0), "{out}");
    let root = scratch.path().join("blog");
    let schema = root.join("schema/app.yaml");
    let text = std::fs::read_to_string(&schema).expect("schema");
    let renamed = text.replacen(
        "      name: text not null\n",
        "      display_name:\n        type: text\n        nullable: false\n        renamed_from: name\n",
        1,
    );
    assert_ne!(
        renamed, text,
        "the init schema changed shape; update this test"
    );
    std::fs::write(&schema, renamed).expect("write");
    let (code, out) = dbtool(&root, &["generate"]);
    assert_eq!(code, Some(2), "{out}");
    let line = std::fs::read_to_string(&schema)
        .expect("schema")
        .lines()
        .position(|l| l.contains("renamed_from: name"))
        .expect("the rename")
        + 1;
    assert!(
        out.contains(&format!(
            "column \"name\" of table \"authors\" was renamed to \"display_name\" (schema/app.yaml:{line})"
        )),
        "{out}"
    );
    assert!(
        out.contains("help: write `display_name` here and wherever this query names `name`"),
        "{out}"
    );
    // Every place is reported, not only the first of each query: the select list as well as
    // GROUP BY and ORDER BY.
    let queries = std::fs::read_to_string(root.join("queries/app.sql")).expect("queries");
    let places: Vec<String> = queries
        .lines()
        .enumerate()
        .flat_map(|(index, line)| {
            line.match_indices("a.name")
                .map(move |(at, _)| format!("queries/app.sql:{}:{}", index + 1, at + 3))
        })
        .collect();
    assert!(places.len() >= 4, "the init queries changed; {places:?}");
    for place in &places {
        assert!(out.contains(place.as_str()), "{place} in {out}");
    }
    assert_eq!(
        out.matches("was renamed to").count(),
        places.len() + 1,
        "each place once, and the INSERT's column list: {out}"
    );
}

/// Query files written for sqlc name things as sqlc does: `$N` parameters after their columns,
/// `count(*)` as `count`, a self-join's second `id` as `id_2`. Confirmed on SQLite, and on
/// PostgreSQL when it is at hand (each engine spells those columns its own way).
#[test]
fn sqlc_style_queries_get_sqlc_names() {
    let dir = project();
    let root = dir.path();
    std::fs::write(
        root.join("queries/app.sql"),
        "-- name: GetUser :one\nSELECT * FROM users WHERE id = $1;\n\n\
         -- name: CountUsers :one\nSELECT count(*) FROM users;\n\n\
         -- name: UserPairs :many\nSELECT a.id, a.email, b.id FROM users a JOIN users b ON a.id < b.id WHERE a.id >= $1 AND b.id <= $2;\n",
    )
    .expect("queries");
    let (code, out) = dbtool(root, &["generate"]);
    assert_eq!(code, Some(0), "{out}");
    let module = std::fs::read_to_string(root.join("generated/src/app.rs")).expect("app.rs");
    for expected in [
        "    pub fn get_user(conn: &rusqlite::Connection, id: i64)",
        "    pub fn count_users(conn: &rusqlite::Connection) -> Result<i64, Error> {",
        "    pub id_2: i64,",
        "        id: i64,\n        id_2: i64,\n",
    ] {
        assert!(module.contains(expected), "{expected:?} in:\n{module}");
    }
    if let Some(pg) = common::pg_database("sqlc_names") {
        let (code, out) = dbtool(root, &["generate", "--database-url", &pg.url]);
        assert_eq!(code, Some(0), "{out}");
    }
}

/// A SQLite project takes sqlc's SQLite query forms as written: `?` and `?NNN` parameters and
/// `/* name: … */` annotations; the functions' arguments are named after their columns.
#[test]
fn sqlite_projects_take_question_mark_parameters() {
    let dir = project();
    let root = dir.path();
    std::fs::write(root.join("dbtool.toml"), "dialects = [\"sqlite\"]\n").expect("config");
    std::fs::write(
        root.join("queries/app.sql"),
        "/* name: GetUser :one */\nSELECT * FROM users WHERE id = ?;\n\n\
         /* name: RenameUser :execrows */\nUPDATE users SET name = ?2 WHERE id = ?1;\n",
    )
    .expect("queries");
    let (code, out) = dbtool(root, &["generate"]);
    assert_eq!(code, Some(0), "{out}");
    let module = std::fs::read_to_string(root.join("generated/src/app.rs")).expect("app.rs");
    assert!(
        module.contains("    pub fn get_user(conn: &rusqlite::Connection, id: i64)"),
        "{module}"
    );
    assert!(
        module.contains("UPDATE users SET name = ?2 WHERE id = ?1"),
        "{module}"
    );
    // With PostgreSQL configured too, the same `?` is refused where it is, with what to write.
    std::fs::write(
        root.join("dbtool.toml"),
        "dialects = [\"postgres\", \"sqlite\"]\n",
    )
    .expect("config");
    let (code, out) = dbtool(root, &["generate"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("`?` is SQLite's parameter; this query also serves PostgreSQL"),
        "{out}"
    );
    assert!(out.contains("queries/app.sql:2:32"), "{out}");
}

/// SQL people write with sqlc, confirmed by the engines: a recursive CTE and window functions
/// on both, and set-returning functions in FROM on PostgreSQL.
#[test]
fn recursive_ctes_windows_and_set_returning_functions_are_confirmed() {
    let dir = project();
    let root = dir.path();
    std::fs::write(
        root.join("queries/app.sql"),
        "-- name: Countdown :many\nWITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < @upto) SELECT x FROM n;\n\n\
         -- name: RankedUsers :many\nSELECT id, row_number() OVER (ORDER BY email) AS position, lag(email) OVER (ORDER BY email) AS previous FROM users;\n",
    )
    .expect("queries");
    let (code, out) = dbtool(root, &["generate"]);
    assert_eq!(code, Some(0), "{out}");
    let module = std::fs::read_to_string(root.join("generated/src/app.rs")).expect("app.rs");
    assert!(
        module.contains("    pub position: i64,\n    pub previous: Option<String>,"),
        "{module}"
    );
    let Some(pg) = common::pg_database("sql_people_write") else {
        return;
    };
    let (code, out) = dbtool(root, &["generate", "--database-url", &pg.url]);
    assert_eq!(code, Some(0), "{out}");
    std::fs::write(root.join("dbtool.toml"), "dialects = [\"postgres\"]\n").expect("config");
    std::fs::write(
        root.join("queries/app.sql"),
        "-- name: Days :many\nSELECT day FROM generate_series(CAST(@since AS timestamptz), now(), interval '1 day') AS s(day);\n\n\
         -- name: Ids :many\nSELECT x FROM unnest(CAST(@ids AS bigint[])) AS x;\n",
    )
    .expect("queries");
    let (code, out) = dbtool(root, &["generate", "--database-url", &pg.url]);
    assert_eq!(code, Some(0), "{out}");
}
