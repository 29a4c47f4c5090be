//! Snapshots of the generated Rust for a small project that uses every shape codegen has: an
//! enum, a shared table row, a query-specific row with an outer join, a parameters struct,
//! nullable parameters, keyword and camelCase column names, and every query kind.

use dbtool::codegen::{self, EmbeddedMigration, EmbeddedStatement, MigrationSet, Options};
use dbtool::diagnostic::SourceFile;
use dbtool::query::{analyze_project, QuerySource};
use dbtool::render::Templates;
use dbtool::schema::{self, Dialect};

const SCHEMA: &str = r#"
enums:
  ticket_state:
    values: [open, in_progress, closed]
    comment: Where a ticket is in its life
  mood:
    values: [up, down]
tables:
  users:
    comment: People who file tickets
    columns:
      id: bigint identity primary key
      email: text not null unique
      displayName: text
  tickets:
    columns:
      id: uuid primary key default uuid()
      user_id: bigint references users.id on delete cascade
      type: text not null
      state: ticket_state not null default 'open'
      labels: text[]
      details: jsonb
      estimate: numeric(6,2)
      createdAt: timestamptz not null default now()
"#;

const QUERIES: &str = r#"-- One user by id.
-- name: GetUser :one
SELECT id, email, "displayName" FROM users WHERE id = @id;

-- Tickets with their reporter's email, which is missing for tickets without a reporter.
-- name: ListTickets :many
SELECT t.id, t.type, t.state, u.email AS reporter
FROM tickets t LEFT JOIN users u ON u.id = t.user_id
WHERE (t.state = sqlc.narg(state) OR sqlc.narg(state) IS NULL)
ORDER BY t."createdAt" DESC
LIMIT @max_rows;

-- name: FileTicket :one
INSERT INTO tickets (id, user_id, type, labels, details, estimate)
VALUES (@id, @user_id, @type, @labels, @details, @estimate)
RETURNING id, "createdAt";

-- How many tickets a user has open: one column, so the value itself.
-- name: CountOpenTickets :one
SELECT count(*) AS open_tickets FROM tickets WHERE user_id = @user_id AND state = 'open';

-- name: CloseTickets :execrows
UPDATE tickets SET state = 'closed' WHERE user_id = @user_id;

-- name: DeleteUser :exec
DELETE FROM users WHERE id = @id;

-- Users imported in bulk.
-- name: ImportUsers :copyfrom
INSERT INTO users (email, "displayName") VALUES (@email, @display_name);
"#;

fn generated() -> Vec<codegen::GeneratedFile> {
    generate_with("", "").unwrap_or_else(|e| panic!("{e}"))
}

/// The crate generated with `config` as dbtool.toml (for its `[generate]` table).
fn generate_with(
    config: &str,
    more_queries: &str,
) -> Result<Vec<codegen::GeneratedFile>, codegen::CodegenError> {
    let config =
        dbtool::project::parse_config("dbtool.toml", config).unwrap_or_else(|e| panic!("{e}"));
    let dialects = [Dialect::Postgres, Dialect::Sqlite];
    let schema = schema::load(
        &[SourceFile {
            path: "schema/app.yaml".into(),
            text: SCHEMA.into(),
        }],
        &dialects,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let sources = [QuerySource {
        dialect: None,
        file: SourceFile {
            path: "queries/tickets.sql".into(),
            text: format!("{QUERIES}{more_queries}"),
        },
    }];
    let modules = analyze_project(&schema, &sources, &dialects).unwrap_or_else(|e| {
        let text: Vec<String> = e.iter().map(ToString::to_string).collect();
        panic!("{}", text.join("\n"))
    });
    let options = Options {
        package: "tickets-queries".into(),
        dialects: dialects.to_vec(),
        migrations: vec![
            MigrationSet {
                dialect: Dialect::Sqlite,
                migrations: vec![EmbeddedMigration {
                    version: 1,
                    name: "init".into(),
                    checksum: "123".into(),
                    path: "../../migrations/sqlite/V1__init.sql".into(),
                    alone: Vec::new(),
                }],
            },
            // Versions that run outside a transaction: their statements are embedded split.
            MigrationSet {
                dialect: Dialect::Postgres,
                migrations: vec![
                    EmbeddedMigration {
                        version: 2,
                        name: "indexes".into(),
                        checksum: "456".into(),
                        path: "../../migrations/postgres/V2__indexes.sql".into(),
                        alone: vec![
                            EmbeddedStatement {
                                sql: "CREATE INDEX CONCURRENTLY \"Odd\" ON t (a)".into(),
                                builds_index: Some("\"Odd\"".into()),
                            },
                            EmbeddedStatement {
                                sql: "VACUUM t".into(),
                                builds_index: None,
                            },
                        ],
                    },
                    EmbeddedMigration {
                        version: 3,
                        name: "one".into(),
                        checksum: "789".into(),
                        path: "../../migrations/postgres/V3__one.sql".into(),
                        alone: vec![EmbeddedStatement {
                            sql: "CREATE INDEX CONCURRENTLY i ON t (b)".into(),
                            builds_index: Some("i".into()),
                        }],
                    },
                ],
            },
        ],
        time: dbtool::codegen::TimeCrate::Chrono,
        dependencies: config.generated_dependencies(),
        dev_dependencies: config.generated_dev_dependencies(),
        features: config.features.clone(),
        overrides: config.overrides,
    };
    codegen::generate(&schema, &modules, &options, &Templates::default())
}

#[test]
fn generated_files_match_their_snapshots() {
    let files = generated();
    let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        names,
        [
            "Cargo.toml",
            "src/lib.rs",
            "src/runtime.rs",
            "src/enums.rs",
            "src/tables.rs",
            "src/migrations.rs",
            "src/tickets.rs"
        ]
    );
    for file in &files {
        if file.path == "src/runtime.rs" {
            continue; // a static template: reviewed as itself, not as a snapshot
        }
        let name = file.path.replace(['/', '.'], "_");
        insta::assert_snapshot!(name, &file.text);
    }
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(generated(), generated());
}

/// The generated crate is rustfmt-clean as written (CI's `cargo fmt --check` relies on it).
#[test]
fn generated_code_is_rustfmt_clean() {
    assert_rustfmt_clean(&generated());
    assert_rustfmt_clean(&generate_with(OVERRIDES, "").unwrap_or_else(|e| panic!("{e}")));
}

fn assert_rustfmt_clean(files: &[codegen::GeneratedFile]) {
    let dir = tempfile::tempdir().expect("tempdir");
    for file in files {
        let path = dir.path().join(&file.path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, &file.text).expect("write");
    }
    let output = std::process::Command::new("rustfmt")
        .args(["--edition", "2021", "--check"])
        .arg(dir.path().join("src/lib.rs"))
        .output()
        .expect("run rustfmt (rustup component add rustfmt)");
    assert!(
        output.status.success(),
        "rustfmt would change the generated code:\n{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

/// Column and type overrides from dbtool.toml: user ids are a `Copy` newtype, tickets' JSON a
/// struct of the project's own; the crate of both becomes a dependency.
const OVERRIDES: &str = r#"
[paths]
generated = "crates/queries"

[generate.dependencies]
ticket_types = { path = "crates/types", features = ["postgres"] }

[generate.types]
jsonb = "ticket_types::Details"

[generate.columns]
"users.id" = { type = "ticket_types::UserId", copy = true }
"tickets.user_id" = { type = "ticket_types::UserId", copy = true }
"#;

#[test]
fn overrides_change_rows_parameters_and_dependencies() {
    let files = generate_with(OVERRIDES, "").unwrap_or_else(|e| panic!("{e}"));
    for file in &files {
        if ["Cargo.toml", "src/tables.rs", "src/tickets.rs"].contains(&file.path.as_str()) {
            let name = format!("overrides_{}", file.path.replace(['/', '.'], "_"));
            insta::assert_snapshot!(name, &file.text);
        }
    }
}

#[test]
fn overrides_that_disagree_on_a_parameter_are_refused() {
    let config = r#"
[generate.columns]
"users.id" = "ticket_types::UserId"
"#;
    // Every reference query meets one column per parameter: fine.
    generate_with(config, "").unwrap_or_else(|e| panic!("{e}"));
    // This one compares @id with users.id (a UserId) and tickets.user_id (an i64).
    let query = "\n-- name: Mixed :many\nSELECT t.id FROM tickets t JOIN users u ON u.id = t.user_id\nWHERE u.id = @id OR t.user_id = @id;\n";
    let error = generate_with(config, query)
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("queries/tickets.sql:")
            && error.contains("parameter `id` of `Mixed`: it meets `users.id` (ticket_types::UserId) and `tickets.user_id` (dbtool's type for bigint), whose Rust types differ")
            && error.contains("use one parameter per column"),
        "{error}"
    );
}

#[test]
fn overrides_of_unknown_columns_and_types_point_into_dbtool_toml() {
    let config = "[generate.types]\njsonn = \"a::B\"\n\"varchar(20)\" = \"a::C\"\n\n[generate.columns]\n\"users.mail\" = \"a::Mail\"\n\"ticket.id\" = \"a::Id\"\n";
    let error = generate_with(config, "")
        .map(|_| ())
        .unwrap_err()
        .to_string();
    for expected in [
        "dbtool.toml:2:1: error: `jsonn` is not a type of the schema",
        "did you mean `json`?",
        "dbtool.toml:3:1: error: `varchar(20)` is the type `text` to the generated code, and would choose the Rust type of every `text` value",
        "write `text` (lengths, precisions and aliases do not narrow it)",
        "dbtool.toml:6:1: error: [generate.columns] names column `mail` of `users`, which the table does not have",
        "did you mean `email`?",
        "dbtool.toml:7:1: error: [generate.columns] names table `ticket`, which the schema does not have",
        "did you mean `tickets`?",
    ] {
        assert!(error.contains(expected), "missing {expected:?} in:\n{error}");
    }
}
