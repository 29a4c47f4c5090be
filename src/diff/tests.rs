//! Plans for small schema changes, rendered, on every dialect.

use super::*;
use crate::diagnostic::SourceFile;
use crate::render::{render_steps, Templates};

fn schema(yaml: &str) -> Schema {
    let file = SourceFile {
        path: "schema/test.yaml".into(),
        text: yaml.into(),
    };
    match crate::schema::load(&[file], &Dialect::ALL) {
        Ok(schema) => schema,
        Err(errors) => panic!("{errors:?}"),
    }
}

fn up_and_down(old: &str, new: &str, dialect: Dialect) -> (Plan, String, Plan, String) {
    let (old, new) = (schema(old), schema(new));
    let renames = Renames::declared(&old, &new);
    let up = plan(&old, &new, &renames, dialect);
    let down = plan(&new, &old, &renames.inverted(), dialect);
    let templates = Templates::default();
    let up_sql = render_steps(&up.steps, dialect, &templates).expect("render up");
    let down_sql = render_steps(&down.steps, dialect, &templates).expect("render down");
    (up, up_sql, down, down_sql)
}

const USERS: &str = "tables:\n  users:\n    columns:\n      id: bigint identity primary key\n      email: varchar(100) not null\n";

#[test]
fn identical_schemas_need_no_steps() {
    for dialect in Dialect::ALL {
        let (up, _, down, _) = up_and_down(USERS, USERS, dialect);
        assert!(up.is_empty() && down.is_empty(), "{dialect}");
    }
}

#[test]
fn a_new_table_is_created_and_dropped_by_the_down_plan() {
    let (up, up_sql, down, down_sql) = up_and_down("{}", USERS, Dialect::Postgres);
    assert!(up_sql.starts_with("CREATE TABLE users ("), "{up_sql}");
    assert!(up.hazards.is_empty());
    assert_eq!(down_sql, "DROP TABLE users;\n");
    assert!(down.destructive().count() == 1);
}

#[test]
fn added_column_alters_postgres_and_appends_on_sqlite() {
    let new = format!("{USERS}      name: text\n");
    let (_, pg, _, pg_down) = up_and_down(USERS, &new, Dialect::Postgres);
    assert_eq!(pg, "ALTER TABLE users ADD COLUMN name text;\n");
    assert_eq!(pg_down, "ALTER TABLE users DROP COLUMN name;\n");
    let (_, lite, down, lite_down) = up_and_down(USERS, &new, Dialect::Sqlite);
    assert_eq!(lite, "ALTER TABLE users ADD COLUMN name TEXT;\n");
    assert!(
        lite_down.contains("CREATE TABLE _dbtool_new_users ("),
        "{lite_down}"
    );
    assert!(
        lite_down
            .contains("INSERT INTO _dbtool_new_users (id, email)\nSELECT id, email FROM users;"),
        "{lite_down}"
    );
    assert!(down.destructive().any(|h| h.message.contains("users.name")));
}

#[test]
fn widening_a_varchar_is_nothing_on_sqlite_and_safe_on_postgres() {
    let new = USERS.replace("varchar(100)", "varchar(200)");
    let (up, pg, down, _) = up_and_down(USERS, &new, Dialect::Postgres);
    assert_eq!(
        pg,
        "ALTER TABLE users ALTER COLUMN email TYPE varchar(200) USING email::varchar(200);\n"
    );
    assert_eq!(up.destructive().count(), 0);
    assert_eq!(
        down.destructive().count(),
        1,
        "narrowing back is destructive"
    );
    let (up, _, _, _) = up_and_down(USERS, &new, Dialect::Sqlite);
    assert!(up.is_empty());
}

#[test]
fn declared_renames_rename_instead_of_drop_and_add() {
    let new = "tables:\n  people:\n    renamed_from: users\n    columns:\n      id: bigint identity primary key\n      mail:\n        type: varchar(100)\n        nullable: false\n        renamed_from: email\n";
    let (up, pg, _, pg_down) = up_and_down(USERS, new, Dialect::Postgres);
    assert_eq!(
        pg,
        "ALTER TABLE users RENAME TO people;\n\nALTER TABLE people RENAME COLUMN email TO mail;\n\nALTER TABLE people RENAME CONSTRAINT users_pkey TO people_pkey;\n"
    );
    assert_eq!(up.destructive().count(), 0);
    assert_eq!(
        pg_down,
        "ALTER TABLE people RENAME TO users;\n\nALTER TABLE users RENAME COLUMN mail TO email;\n\nALTER TABLE users RENAME CONSTRAINT people_pkey TO users_pkey;\n"
    );
    let (_, lite, _, _) = up_and_down(USERS, new, Dialect::Sqlite);
    assert!(
        lite.contains("INSERT INTO _dbtool_new_people (id, mail)\nSELECT id, email FROM users;"),
        "{lite}"
    );
    assert!(
        lite.contains("ALTER TABLE _dbtool_new_people RENAME TO people;"),
        "{lite}"
    );
}

#[test]
fn views_over_a_reshaped_table_are_dropped_and_recreated() {
    let old = format!("{USERS}views:\n  v:\n    sql: SELECT id, email FROM users\n");
    let new = old.replace("varchar(100)", "text");
    let (_, pg, _, _) = up_and_down(&old, &new, Dialect::Postgres);
    let drop = pg.find("DROP VIEW v;").expect("drop view");
    let alter = pg
        .find("ALTER TABLE users ALTER COLUMN email TYPE text")
        .expect("alter");
    let create = pg.find("CREATE VIEW v AS").expect("create view");
    assert!(drop < alter && alter < create, "{pg}");
}

#[test]
fn enum_values_are_added_on_postgres_and_removing_them_is_impossible() {
    let old = "enums:\n  mood: [happy, sad]\ntables:\n  t:\n    columns:\n      m: mood\n";
    let new = old.replace("[happy, sad]", "[happy, meh, sad]");
    let (up, pg, down, _) = up_and_down(old, &new, Dialect::Postgres);
    assert_eq!(pg, "ALTER TYPE mood ADD VALUE 'meh' BEFORE 'sad';\n");
    assert!(up.impossible.is_empty());
    assert_eq!(down.impossible.len(), 1, "{down:?}");
    let (_, lite, _, _) = up_and_down(old, &new, Dialect::Sqlite);
    assert!(
        lite.contains("CHECK (m IN ('happy', 'meh', 'sad'))"),
        "{lite}"
    );
}

#[test]
fn foreign_keys_are_dropped_before_their_target_and_added_after() {
    let old = format!("{USERS}  posts:\n    columns:\n      id: bigint identity primary key\n      author: bigint references users.id\n");
    let (_, pg, _, pg_down) = up_and_down(USERS, &old, Dialect::Postgres);
    let create = pg.find("CREATE TABLE posts").expect("create");
    let fk = pg.find("ADD CONSTRAINT posts_author_fkey").expect("fk");
    assert!(create < fk, "{pg}");
    assert_eq!(pg_down, "DROP TABLE posts;\n");
    let (_, _, _, down) = up_and_down(&old, USERS, Dialect::Postgres);
    assert!(down.contains("ADD CONSTRAINT posts_author_fkey"), "{down}");
}

#[test]
fn a_declared_column_rename_is_renamed_in_place_on_sqlite() {
    let old = "tables:\n  docs:\n    columns:\n      id: bigint primary key\n      source: text\n";
    let new = "tables:\n  docs:\n    columns:\n      id: bigint primary key\n      source_url:\n        type: text\n        renamed_from: source\n";
    let (up, lite, _, lite_down) = up_and_down(old, new, Dialect::Sqlite);
    assert_eq!(
        lite,
        "ALTER TABLE docs RENAME COLUMN source TO source_url;\n"
    );
    assert_eq!(
        lite_down,
        "ALTER TABLE docs RENAME COLUMN source_url TO source;\n"
    );
    assert!(up.hazards.is_empty(), "{:?}", up.hazards);
}

#[test]
fn a_rename_of_a_constrained_column_rebuilds_on_sqlite() {
    // The unique constraint's generated name follows the column, so only a rebuild gives the
    // table a fresh render would give.
    let old =
        "tables:\n  docs:\n    columns:\n      id: bigint primary key\n      source: text unique\n";
    let new = "tables:\n  docs:\n    columns:\n      id: bigint primary key\n      source_url:\n        type: text\n        unique: true\n        renamed_from: source\n";
    let (_, lite, _, _) = up_and_down(old, new, Dialect::Sqlite);
    assert!(lite.contains("CREATE TABLE _dbtool_new_docs ("), "{lite}");
}

#[test]
fn sqlite_enum_checks_lose_nothing_when_values_are_added_and_warn_when_removed() {
    let v1 = "enums:\n  s:\n    values: [a, b]\ntables:\n  t:\n    columns:\n      id: bigint primary key\n      s: s not null\n";
    let v2 = v1.replace("[a, b]", "[a, b, c]");
    let (up, _, down, _) = up_and_down(v1, &v2, Dialect::Sqlite);
    assert_eq!(up.destructive().count(), 0, "{:?}", up.hazards);
    let messages: Vec<&str> = down.destructive().map(|h| h.message.as_str()).collect();
    assert_eq!(
        messages,
        ["`t.s` no longer accepts `c`: rows holding them make the migration fail"]
    );
}

#[test]
fn raw_statements_run_when_declared_and_ask_for_their_undo() {
    let new = format!(
        "{USERS}raw:\n  - postgres: \"CREATE FUNCTION one() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$\"\n    sqlite: \"CREATE VIEW one AS SELECT 1 AS n\"\n"
    );
    for dialect in Dialect::ALL {
        let (up, up_sql, down, down_sql) = up_and_down(USERS, &new, dialect);
        assert!(
            up_sql.starts_with("-- Raw SQL from schema/test.yaml:7\nCREATE "),
            "{dialect}: {up_sql}"
        );
        assert!(up.irreversible_reasons().is_empty(), "{dialect}");
        assert!(
            down_sql.starts_with("-- Undo the raw statement from schema/test.yaml:7 here"),
            "{dialect}: {down_sql}"
        );
        assert_eq!(down.irreversible_reasons().len(), 1, "{dialect}");
        assert!(down.hazards[0].message.contains("dbtool cannot undo it"));
        // Declared in both: nothing to do, wherever it moved.
        let moved = new.replacen(USERS, &format!("{USERS}      name: text\n"), 1);
        let (same, _, _, _) = up_and_down(&moved, &moved, dialect);
        assert!(same.is_empty(), "{dialect}");
    }
}

#[test]
fn raw_indexes_and_triggers_come_back_after_their_table_is_rebuilt() {
    let raw = "raw:\n  - sqlite: \"CREATE INDEX users_lower ON users (lower(email))\"\n    postgres: \"CREATE INDEX users_lower ON users (lower(email))\"\n";
    let old = format!("{USERS}{raw}");
    // email becomes nullable: SQLite rebuilds the table, which drops the raw index.
    let new = old.replace("email: varchar(100) not null", "email: varchar(100)");
    let (_, lite, _, lite_down) = up_and_down(&old, &new, Dialect::Sqlite);
    let rebuilt = lite
        .find("ALTER TABLE _dbtool_new_users RENAME TO users")
        .expect("rebuild");
    let again = lite
        .find("CREATE INDEX users_lower ON users")
        .expect("raw index again");
    assert!(again > rebuilt, "{lite}");
    assert!(
        lite_down.contains("CREATE INDEX users_lower ON users"),
        "{lite_down}"
    );
    // PostgreSQL alters the column in place: the index stays.
    let (_, pg, _, _) = up_and_down(&old, &new, Dialect::Postgres);
    assert!(!pg.contains("users_lower"), "{pg}");
}

#[test]
fn raw_statement_targets_are_the_table_after_on() {
    assert_eq!(
        raw_statement_target("CREATE UNIQUE INDEX i ON \"Users\"(lower(e))").as_deref(),
        Some("Users")
    );
    assert_eq!(
        raw_statement_target("create trigger t after update on main.users begin select 1; end")
            .as_deref(),
        Some("users")
    );
    assert_eq!(
        raw_statement_target("CREATE FUNCTION f() RETURNS int"),
        None
    );
}

#[test]
fn raw_statements_before_tables_run_before_the_tables() {
    let new = format!(
        "{USERS}raw:\n  - postgres: \"CREATE FUNCTION code() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN 'x'; END $$\"\n    sqlite: \"SELECT 1\"\n    before_tables: true\n"
    );
    let (_, up_sql, _, _) = up_and_down("{}", &new, Dialect::Postgres);
    let function = up_sql.find("CREATE FUNCTION code()").expect("function");
    let table = up_sql.find("CREATE TABLE users").expect("table");
    assert!(function < table, "{up_sql}");
    let ddl = crate::render::render(&schema(&new), Dialect::Postgres, &Templates::default())
        .expect("render");
    assert!(
        ddl.find("CREATE FUNCTION code()") < ddl.find("CREATE TABLE users"),
        "{ddl}"
    );
}

/// The three numberings of an identity column on PostgreSQL: `serial` renders the serial
/// type, `identity always` changes in place from `identity`, and becoming `serial` is refused
/// (its sequence would have to be set past the existing values); SQLite sees no change.
#[test]
fn identity_numbering_changes_in_place_except_into_serial() {
    let serial = USERS.replace("bigint identity primary key", "bigint serial primary key");
    let (up, sql, _, _) = up_and_down("{}", &serial, Dialect::Postgres);
    assert!(up.impossible.is_empty());
    assert!(sql.contains("id bigserial NOT NULL"), "{sql}");
    let always = USERS.replace(
        "bigint identity primary key",
        "bigint identity always primary key",
    );
    let (_, up_sql, _, down_sql) = up_and_down(USERS, &always, Dialect::Postgres);
    assert_eq!(
        up_sql,
        "ALTER TABLE users ALTER COLUMN id SET GENERATED ALWAYS;\n"
    );
    assert_eq!(
        down_sql,
        "ALTER TABLE users ALTER COLUMN id SET GENERATED BY DEFAULT;\n"
    );
    let (up, _, down, _) = up_and_down(USERS, &serial, Dialect::Postgres);
    assert_eq!(up.impossible.len(), 1, "{up:?}");
    assert!(up.impossible[0].contains("becoming `serial`"), "{up:?}");
    assert!(
        down.impossible[0].contains("becoming `identity`"),
        "{down:?}"
    );
    // Dropping a serial's numbering drops its default.
    let plain = USERS.replace("bigint identity primary key", "bigint primary key");
    let (_, up_sql, _, _) = up_and_down(&serial, &plain, Dialect::Postgres);
    assert_eq!(up_sql, "ALTER TABLE users ALTER COLUMN id DROP DEFAULT;\n");
    for other in [always.as_str(), serial.as_str()] {
        let (up, _, _, _) = up_and_down(USERS, other, Dialect::Sqlite);
        assert!(up.is_empty(), "{up:?}");
    }
}
