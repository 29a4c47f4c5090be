//! `dbtool init`: a new project in which `dbtool migrate`, `dbtool generate` and `cargo test`
//! work at once.

mod common;

use std::path::Path;
use std::process::Command;

use common::dbtool;

#[test]
fn init_gives_a_project_that_migrates_generates_and_tests() {
    let scratch = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(scratch.path(), &["init", "blog"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("created a dbtool project in"), "{out}");
    let root = scratch.path().join("blog");
    for file in [
        "dbtool.toml",
        "schema/app.yaml",
        "queries/app.sql",
        "migrations/sqlite/V1__init.sql",
        "migrations/postgres/V1__init.down.sql",
        "migrations/dbtool.sum",
        "generated/Cargo.toml",
        "generated/src/app.rs",
        "generated/tests/smoke.rs",
        "Cargo.toml",
        "justfile",
        ".gitignore",
    ] {
        assert!(root.join(file).is_file(), "{file} was not written");
    }

    let (code, out) = dbtool(&root, &["migrate"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("applied 1 version"), "{out}");
    assert!(
        root.join("dbtool.db").is_file(),
        "the dev environment's SQLite file"
    );
    let (code, out) = dbtool(&root, &["generate", "--check"]);
    assert_eq!(code, Some(0), "{out}");

    // Everything dbtool wrote is rustfmt-clean.
    let fmt = Command::new("rustfmt")
        .args(["--edition", "2021", "--check"])
        .arg(root.join("generated/src/lib.rs"))
        .arg(root.join("generated/tests/smoke.rs"))
        .output()
        .expect("run rustfmt");
    assert!(
        fmt.status.success(),
        "{}",
        String::from_utf8_lossy(&fmt.stdout)
    );

    cargo_test(&root);

    // A second init refuses rather than overwrite.
    let (code, out) = dbtool(scratch.path(), &["init", "blog"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("already has dbtool.toml"), "{out}");
}

/// `cargo test` in the new project, with this repository's lock file (same dependency
/// versions, so nothing is downloaded that this build did not need) and its own target folder
/// (kept between runs).
fn cargo_test(root: &Path) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("Cargo.lock"), root.join("Cargo.lock")).expect("lock file");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["test", "--quiet"])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", repo.join("target/init-smoke"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo test");
    assert!(
        output.status.success(),
        "cargo test failed in the new project:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `[generate] time = "time"`: the generated crate uses the time crate for dates and times, and
/// they round-trip through SQLite as the same ISO-8601 text chrono writes.
#[test]
fn the_time_crate_can_replace_chrono() {
    let scratch = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(scratch.path(), &["init", "-q", "clock"]);
    assert_eq!(code, Some(0), "{out}");
    let root = scratch.path().join("clock");
    let config = root.join("dbtool.toml");
    let text = std::fs::read_to_string(&config).expect("config");
    let text = text.replace("time = \"chrono\"", "time = \"time\"");
    std::fs::write(&config, text).expect("config");
    std::fs::write(root.join("generated/tests/smoke.rs"), TIME_SMOKE).expect("smoke test");
    let (code, out) = dbtool(&root, &["generate"]);
    assert_eq!(code, Some(0), "{out}");
    let module = std::fs::read_to_string(root.join("generated/src/app.rs")).expect("app.rs");
    assert!(
        module.contains("published_at: Option<time::OffsetDateTime>,"),
        "{module}"
    );
    assert!(!module.contains("chrono::"), "no chrono type is left");
    let manifest = std::fs::read_to_string(root.join("generated/Cargo.toml")).expect("toml");
    assert!(
        manifest.contains(
            "default = [\"rusqlite\", \"bundled\", \"postgres\", \"tokio-postgres\", \"time\"]"
        ),
        "{manifest}"
    );
    cargo_test(&root);

    std::fs::write(
        &config,
        std::fs::read_to_string(&config)
            .expect("config")
            .replace("time = \"time\"", "time = \"jiff\""),
    )
    .expect("config");
    let (code, out) = dbtool(&root, &["generate"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("`jiff` is not a time crate dbtool generates for")
            && out.contains("dbtool.toml:"),
        "{out}"
    );
}

const TIME_SMOKE: &str = r#"//! The example queries with the time crate's types, on SQLite.

use clock_queries::{app, migrations};

#[test]
fn times_round_trip() {
    let conn = rusqlite::Connection::open_in_memory().expect("open");
    migrations::migrate_sqlite(&conn).expect("migrate");
    let ada = app::sqlite::create_author(&conn, "Ada", "ada@example.com").expect("author");
    let now = time::OffsetDateTime::now_utc();
    assert!((ada.created_at - now).abs() < time::Duration::minutes(1));
    let post_id = app::sqlite::add_post(&conn, ada.id, "Notes", None).expect("post");
    let published = app::sqlite::publish_post(&conn, Some(now), post_id).expect("publish");
    assert_eq!(published, 1);
    let latest = app::sqlite::list_latest_posts(&conn, 10).expect("latest");
    let stored = latest[0].published_at.expect("published");
    assert_eq!(stored.unix_timestamp(), now.unix_timestamp());
    assert_eq!(stored.millisecond(), now.millisecond());
}
"#;

/// init's next steps work with what the user has: without `dbtool` on the PATH they name this
/// very program by its full path, and say how to install it.
#[test]
fn next_steps_name_a_dbtool_that_runs() {
    let scratch = tempfile::tempdir().expect("tempdir");
    let output = Command::new(env!("CARGO_BIN_EXE_dbtool"))
        .args(["init", "shop"])
        .current_dir(scratch.path())
        .env("PATH", "/usr/bin:/bin")
        .env("NO_COLOR", "1")
        .output()
        .expect("run dbtool");
    let text = String::from_utf8_lossy(&output.stderr).into_owned()
        + &String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    let line = text
        .lines()
        .find(|l| {
            l.trim_start()
                .ends_with("# creates dbtool.db (SQLite) at version 1")
        })
        .unwrap_or_else(|| panic!("no migrate step in:\n{text}"));
    let command = line.split('#').next().unwrap_or_default().trim();
    let program = command.strip_suffix(" migrate").expect("a migrate command");
    assert_eq!(program, env!("CARGO_BIN_EXE_dbtool"), "{text}");
    assert!(text.contains("cargo install --path"), "{text}");
    // The step runs as printed.
    let status = Command::new(program)
        .arg("migrate")
        .current_dir(scratch.path().join("shop"))
        .env("NO_COLOR", "1")
        .output()
        .expect("migrate");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// `dbtool init --from-database`: a live SQLite database becomes a project in one command
/// (its schema pulled, version 1 written from it, the generated crate), the next step named is
/// `baseline`, which then records version 1 on the database; from there a new version applies
/// on top and drift is clean. A URL that cannot be pulled leaves nothing behind.
#[test]
fn init_from_a_sqlite_database_adopts_it() {
    let scratch = tempfile::tempdir().expect("tempdir");
    let file = scratch.path().join("legacy.db");
    rusqlite::Connection::open(&file)
        .and_then(|conn| {
            conn.execute_batch(
                "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, since TEXT);
                 CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE, total REAL NOT NULL CHECK (total >= 0));
                 CREATE INDEX orders_customer ON orders (customer_id);
                 INSERT INTO customers (email) VALUES ('ada@example.com');",
            )
        })
        .expect("legacy schema");
    let url = format!("sqlite://{}", file.display());
    let (code, out) = dbtool(scratch.path(), &["init", "shop", "--from-database", &url]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("pulled 2 tables"), "{out}");
    assert!(
        out.contains(&format!("baseline --database-url {url}")),
        "{out}"
    );
    let root = scratch.path().join("shop");
    let config = std::fs::read_to_string(root.join("dbtool.toml")).expect("config");
    assert!(config.contains("dialects = [\"sqlite\"]"), "{config}");
    let schema = std::fs::read_to_string(root.join("schema/app.yaml")).expect("schema");
    assert!(schema.contains("  orders:"), "{schema}");
    assert!(root.join("migrations/sqlite/V1__init.sql").is_file());
    let (code, out) = dbtool(&root, &["check"]);
    assert_eq!(code, Some(0), "{out}");

    // The named next step: the database is checked and version 1 recorded.
    let (code, out) = dbtool(&root, &["baseline", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    std::fs::write(
        root.join("schema/app.yaml"),
        schema + "  notes:\n    columns:\n      id: bigint primary key\n      body: text\n",
    )
    .expect("schema");
    let (code, out) = dbtool(&root, &["diff", "notes"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(&root, &["migrate", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(&root, &["drift", "--database-url", &url]);
    assert_eq!(code, Some(0), "{out}");
    cargo_test(&root);

    // Nothing is left of a failed adoption.
    let missing = format!("sqlite://{}", scratch.path().join("nothing.db").display());
    let (code, out) = dbtool(
        scratch.path(),
        &["init", "empty", "--from-database", &missing],
    );
    assert_ne!(code, Some(0), "{out}");
    assert!(!scratch.path().join("empty").exists(), "{out}");
}

/// The same on PostgreSQL; the project's config names `${DATABASE_URL}`, never the URL.
#[test]
fn init_from_a_postgres_database_adopts_it() {
    let Some(mut pg) = common::pg_database("init_adopt") else {
        return;
    };
    pg.client
        .batch_execute(
            "CREATE TYPE plan AS ENUM ('free', 'pro');
             CREATE TABLE accounts (id bigserial PRIMARY KEY, name varchar(80) NOT NULL, plan plan NOT NULL DEFAULT 'free');
             CREATE TABLE seats (account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE, email text NOT NULL, PRIMARY KEY (account_id, email));",
        )
        .expect("legacy schema");
    let scratch = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(
        scratch.path(),
        &["init", "saas", "--from-database", &pg.url],
    );
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("baseline --database-url \"$DATABASE_URL\""),
        "{out}"
    );
    let root = scratch.path().join("saas");
    let config = std::fs::read_to_string(root.join("dbtool.toml")).expect("config");
    assert!(config.contains("dialects = [\"postgres\"]"), "{config}");
    assert!(config.contains("url = \"${DATABASE_URL}\""), "{config}");
    assert!(
        !config.contains(&pg.name),
        "the URL is not written: {config}"
    );
    let (code, out) = dbtool(&root, &["baseline", "--database-url", &pg.url]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(&root, &["drift", "--database-url", &pg.url]);
    assert_eq!(code, Some(0), "{out}");
}
