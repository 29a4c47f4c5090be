//! `dbtool pull` on real PostgreSQL: the five reference systems, built from their rendered DDL,
//! come back as schema YAML that builds the same database again; what has no portable form is
//! carried per dialect and named in the notes.

mod common;

use std::path::Path;

use common::dbtool;

/// A project of `dialects` in a temporary directory, with an empty schema folder.
fn project(dialects: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("dbtool.toml"),
        format!("dialects = {dialects}\n"),
    )
    .expect("config");
    std::fs::create_dir(dir.path().join("schema")).expect("schema dir");
    dir
}

fn pull(dir: &Path, url: &str) -> (String, String) {
    let (code, out) = dbtool(
        dir,
        &["pull", "--database-url", url, "-o", "schema/pulled.yaml"],
    );
    assert_eq!(code, Some(0), "{out}");
    let yaml = std::fs::read_to_string(dir.join("schema/pulled.yaml")).expect("pulled.yaml");
    (yaml, out)
}

#[test]
fn the_reference_schema_pulled_from_postgres_builds_the_same_database() {
    let Some(mut original) = common::pg_database("pull_original") else {
        return;
    };
    let Some(mut copy) = common::pg_database("pull_copy") else {
        return;
    };
    let reference = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, ddl) = dbtool(reference, &["render", "-d", "postgres", "-q"]);
    assert_eq!(code, Some(0), "{ddl}");
    original.client.batch_execute(&ddl).expect("reference DDL");

    let dir = project("[\"postgres\"]");
    let (yaml, out) = pull(dir.path(), &original.url);
    assert!(
        out.contains("pulled 19 tables, 4 views, 3 materialized views, 3 enums"),
        "{out}"
    );
    for expected in [
        "      id: uuid primary key default uuid()",
        "      status: conversation_status not null default 'active'",
        "      threadId: uuid not null references threads.id on delete cascade",
        "      - [\"n\", context, next_char]",
        "      idx_conversations_user_last_message: [user_id, last_message_at desc]",
        "        where: is_best",
        "        method: gin",
        "  - postgres: |",
    ] {
        assert!(yaml.contains(expected), "missing {expected:?} in:\n{yaml}");
    }

    // The pull proves itself: built beside the source, the same catalog.
    let (code, out) = dbtool(
        dir.path(),
        &[
            "pull",
            "--database-url",
            &original.url,
            "--verify",
            "-o",
            "schema/pulled.yaml",
        ],
    );
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("verified: what was pulled builds the same catalog as"),
        "{out}"
    );

    let (code, rebuilt) = dbtool(dir.path(), &["render", "-d", "postgres", "-q"]);
    assert_eq!(
        code,
        Some(0),
        "the pulled YAML loads and renders: {rebuilt}"
    );
    copy.client.batch_execute(&rebuilt).expect("pulled DDL");
    let expected = dbtool::introspect::catalog(&original.url).expect("original catalog");
    let actual = dbtool::introspect::catalog(&copy.url).expect("copy catalog");
    let differences = dbtool::introspect::compare(&expected, &actual);
    assert!(differences.is_empty(), "{differences:#?}");
    assert!(
        !yaml.contains("\n\n\n") && !yaml.lines().any(|l| l.ends_with(' ')),
        "tidy output:\n{yaml}"
    );

    // Pulling the copy gives the same file: the output is deterministic.
    let again = project("[\"postgres\"]");
    let (yaml_again, _) = pull(again.path(), &copy.url);
    assert_eq!(
        yaml.lines().skip(1).collect::<Vec<_>>(),
        yaml_again.lines().skip(1).collect::<Vec<_>>(),
        "only the source line differs"
    );
}

/// PostgreSQL objects the schema language has no portable form for.
const HAND_MADE: &str = r#"
CREATE SCHEMA audit;
CREATE TABLE tokens (
    id text PRIMARY KEY DEFAULT gen_random_uuid(),
    at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    code uuid DEFAULT gen_random_uuid(),
    flag text DEFAULT 'true'
);
CREATE TABLE tags (name varchar, labels varchar[]);
CREATE FUNCTION every_tag() RETURNS SETOF tags LANGUAGE plpgsql
    AS $$ BEGIN RETURN QUERY SELECT * FROM tags; END $$;
CREATE TABLE audit.events (id bigint PRIMARY KEY, what text);
CREATE VIEW audit.recent AS SELECT * FROM audit.events;
CREATE FUNCTION next_code() RETURNS text LANGUAGE plpgsql
    AS $$ BEGIN RETURN 'c' || floor(random() * 1000)::text; END $$;
CREATE TABLE accounts (
    code text DEFAULT next_code(),
    id serial PRIMARY KEY,
    region text NOT NULL,
    number int NOT NULL,
    search tsvector,
    expires_at timestamptz DEFAULT (now() + interval '30 days'),
    CONSTRAINT accounts_region_number UNIQUE (region, number)
);
COMMENT ON COLUMN accounts.region IS 'Where the account lives';
CREATE TABLE transfers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region text NOT NULL,
    number int NOT NULL,
    cents bigint NOT NULL CHECK (cents > 0),
    cents_doubled bigint GENERATED ALWAYS AS (cents * 2) STORED,
    CONSTRAINT transfers_account FOREIGN KEY (region, number)
        REFERENCES accounts (region, number) ON DELETE CASCADE
);
CREATE INDEX transfers_big ON transfers (cents DESC) INCLUDE (region) WHERE cents > 1000;
CREATE INDEX transfers_nulls ON transfers (number NULLS FIRST);
CREATE INDEX accounts_region_pattern ON accounts (region text_pattern_ops);
CREATE INDEX accounts_search ON accounts USING gist (search);
CREATE TABLE events (id bigint NOT NULL, at timestamptz NOT NULL, PRIMARY KEY (id, at))
    PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE event_refs (
    event_id bigint NOT NULL,
    event_at timestamptz NOT NULL,
    FOREIGN KEY (event_id, event_at) REFERENCES events (id, at)
);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER transfers_touch BEFORE UPDATE ON transfers FOR EACH ROW EXECUTE FUNCTION touch();
"#;

#[test]
fn what_has_no_portable_form_is_written_per_dialect_and_noted() {
    let Some(mut source) = common::pg_database("pull_hand_made") else {
        return;
    };
    source
        .client
        .batch_execute(HAND_MADE)
        .expect("hand-made DDL");

    let dir = project("[\"postgres\", \"sqlite\"]");
    let (yaml, out) = pull(dir.path(), &source.url);
    assert!(out.contains("notes at the top of the file"), "{out}");
    for expected in [
        "      id: int primary key serial\n",
        "#   - `accounts.search` is tsvector, which has no portable type: it is written per dialect",
        "#   - `accounts.expires_at` defaults to (now() + '30 days'::interval), which has no portable form: it is written for PostgreSQL only",
        "#   - 4 function(s) and trigger(s) are kept as raw PostgreSQL statements",
        "        AS $function$ BEGIN RETURN 'c' || floor(random() * 1000)::text; END $function$\n    before_tables: true\n",
        "#   - `events` is a partitioned table: the schema language has no partitions, so it is pulled as a plain table and its partitions (`events_2026`) are left out",
        "#   - index accounts_region_pattern uses what the schema language cannot say",
        "#   - index accounts_search uses what the schema language cannot say (method gist",
        "#   - index transfers_nulls uses what the schema language cannot say",
        "CREATE INDEX accounts_region_pattern ON public.accounts USING btree (region text_pattern_ops)",
        "CREATE INDEX transfers_nulls ON public.transfers USING btree (number NULLS FIRST)",
        "  event_refs:\n    columns:\n      event_id: bigint not null\n      event_at: timestamptz not null\n    foreign_keys:\n      - columns: [event_id, event_at]\n        references: events(id, at)\n\n",
        "      id: int primary key serial",
        "        type: { postgres: tsvector, sqlite: TEXT }  # no portable type: check the sqlite one",
        "        default: { postgres: \"(now() + '30 days'::interval)\" }",
        "        comment: Where the account lives",
        "      - { name: accounts_region_number, columns: [region, number] }",
        "      id: bigint primary key identity always\n",
        "      cents_doubled:\n        type: bigint\n        generated: (cents * 2)",
        "      transfers_cents_check: (cents > 0)",
        "      - columns: [region, number]\n        references: accounts(region, number)\n        on_delete: cascade\n        name: transfers_account",
        "      transfers_big:\n        columns: [cents desc]\n        where: (cents > 1000)\n        include: [region]",
        "CREATE TRIGGER transfers_touch BEFORE UPDATE ON transfers FOR EACH ROW EXECUTE FUNCTION touch()",
        "#   - schema `audit` holds 2 table(s) or view(s), which are not pulled: dbtool keeps one namespace, `public`",
        "      code: uuid default uuid()",
        "#   - `tokens.id` defaults to gen_random_uuid(); the portable `uuid()` does not fit its type text, so the default is written for PostgreSQL only",
        "#   - `tokens.at` defaults to CURRENT_TIMESTAMP; the portable `current_timestamp` does not fit its type timestamp(3) without time zone",
        "#   - `tags.labels` is character varying[], which has no portable type: it is written per dialect",
        "        type: { postgres: \"character varying[]\", sqlite: TEXT }",
    ] {
        assert!(yaml.contains(expected), "missing {expected:?} in:\n{yaml}");
    }
    assert!(
        !yaml.contains("FROM tags; END $function$\n    before_tables: true"),
        "a function whose signature names a table comes after the tables:\n{yaml}"
    );
    assert!(
        !yaml
            .lines()
            .filter(|l| !l.starts_with('#'))
            .any(|l| l.contains("events_2026")),
        "partitions are left out (named only in the note):\n{yaml}"
    );
    // What pull could not carry (the partitions, …) is each a difference when the pull is
    // proved, and the command fails; the serial and the identity always come back exactly.
    let (code, out) = dbtool(
        dir.path(),
        &[
            "pull",
            "--database-url",
            &source.url,
            "--verify",
            "-o",
            "verified.yaml",
        ],
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("missing column events_2026.id: bigint not null\n"),
        "{out}"
    );
    assert!(!out.contains("column accounts.id"), "{out}");
    assert!(!out.contains("column transfers.id"), "{out}");
    assert!(
        out.contains("what was pulled builds a database that differs from"),
        "{out}"
    );

    // Outside a project, pull works for the default dialects (all three).
    let bare = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(bare.path(), &["pull", "--database-url", &source.url, "-q"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("type: { postgres: tsvector, sqlite: TEXT }"),
        "{out}"
    );
    // The file loads for PostgreSQL; for SQLite the one gap is reported where it is, with
    // the way forward.
    let (code, out) = dbtool(dir.path(), &["render", "-d", "postgres", "-q"]);
    assert_eq!(code, Some(2), "sqlite is configured: {out}");
    assert!(
        out.contains("column `accounts.expires_at` has no default for dialect `sqlite`")
            && out.contains("schema/pulled.yaml:")
            && out.contains("add `sqlite: …` to its per-dialect default"),
        "{out}"
    );
    std::fs::write(
        dir.path().join("dbtool.toml"),
        "dialects = [\"postgres\"]\n",
    )
    .expect("config");
    let (code, out) = dbtool(dir.path(), &["render", "-d", "postgres", "-q"]);
    assert_eq!(code, Some(0), "{out}");

    // Adopting it: the first migration carries the raw statements too (functions, triggers,
    // the indexes the language cannot say), and says that only a person can undo them.
    let Some(mut adopted) = common::pg_database("pull_adopted") else {
        return;
    };
    let (code, out) = dbtool(dir.path(), &["diff", "adopt"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &adopted.url]);
    assert_eq!(code, Some(0), "{out}");
    let objects: i64 = adopted
        .client
        .query_one(
            "SELECT (SELECT count(*) FROM pg_trigger WHERE tgname = 'transfers_touch')
                  + (SELECT count(*) FROM pg_indexes WHERE indexname = 'accounts_region_pattern')",
            &[],
        )
        .expect("count")
        .get(0);
    assert_eq!(objects, 2, "the trigger and the raw index exist");
    let (code, out) = dbtool(
        dir.path(),
        &["rollback", "--all", "--database-url", &adopted.url],
    );
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("has no automatic undo"), "{out}");
}

#[test]
fn pull_refuses_an_in_memory_database_and_never_shows_a_password() {
    let dir = project("[\"postgres\"]");
    let (code, out) = dbtool(dir.path(), &["pull", "--database-url", "sqlite::memory:"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("there is nothing to pull"), "{out}");
    let (code, out) = dbtool(
        dir.path(),
        &[
            "pull",
            "--database-url",
            "postgres://app:hunter2@127.0.0.1:1/app",
        ],
    );
    assert_eq!(code, Some(3), "{out}");
    assert!(!out.contains("hunter2"), "password printed: {out}");
    assert!(out.contains("postgres://app:***@127.0.0.1:1/app"), "{out}");
}

/// What SQLAlchemy writes for a training app on SQLite (the James LLM seed's development
/// database), and what the schema language cannot say there.
const SQLITE_APP: &str = r#"
CREATE TABLE codes (id INT PRIMARY KEY, label TEXT CHECK (length(label) < 40), twice INTEGER GENERATED ALWAYS AS (id * 2) STORED, shout TEXT AS (upper(label)));
CREATE TABLE neural_configs (
    id INTEGER NOT NULL,
    name VARCHAR(255) NOT NULL,
    config JSON NOT NULL,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    updated_at DATETIME,
    PRIMARY KEY (id),
    UNIQUE (name)
);
CREATE TABLE training_jobs (
    id INTEGER NOT NULL,
    job_id VARCHAR(64) NOT NULL,
    status VARCHAR(20) DEFAULT 'pending',
    progress FLOAT DEFAULT 0,
    is_done BOOLEAN DEFAULT 0,
    neural_config_id INTEGER REFERENCES neural_configs (id) ON DELETE SET NULL,
    shape GEOMETRY,
    score REAL DEFAULT (random()),
    PRIMARY KEY (id),
    UNIQUE (job_id),
    CHECK (progress >= 0)
);
CREATE INDEX ix_training_jobs_status ON training_jobs (status, id DESC);
CREATE INDEX ix_training_jobs_lower ON training_jobs (lower(job_id));
CREATE TABLE pairs (
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    PRIMARY KEY (a, b),
    FOREIGN KEY (a) REFERENCES neural_configs
);
CREATE VIEW active_jobs AS SELECT id, job_id FROM training_jobs WHERE status = 'running';
CREATE TRIGGER touch_config AFTER UPDATE ON neural_configs
BEGIN
    UPDATE neural_configs SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
CREATE VIRTUAL TABLE docs USING fts5(body);
CREATE TABLE docs_tags (tag TEXT NOT NULL PRIMARY KEY, noted TEXT DEFAULT CURRENT_TIMESTAMP) WITHOUT ROWID;
CREATE TRIGGER docs_tags_feed AFTER INSERT ON docs_tags BEGIN
    INSERT INTO docs (body) VALUES (NEW.tag);
END;
CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    job INT REFERENCES training_jobs (id),
    label TEXT COLLATE NOCASE
) STRICT;
CREATE VIEW run_labels (run, label) AS SELECT id, label FROM runs;
CREATE TABLE "run notes" (id INTEGER PRIMARY KEY, "noted at" TEXT, run INTEGER REFERENCES runs (id));
CREATE INDEX run_notes_noted ON "run notes" ("noted at" DESC);
CREATE TABLE note_refs (note INTEGER REFERENCES "run notes" (id));
"#;

#[test]
fn an_sqlite_database_is_pulled_with_its_declared_types() {
    let dir = project("[\"sqlite\"]");
    let file = dir.path().join("app.db");
    rusqlite::Connection::open(&file)
        .and_then(|conn| conn.execute_batch(SQLITE_APP))
        .expect("SQLAlchemy-like schema");
    let url = format!("sqlite://{}", file.display());
    let (yaml, out) = pull(dir.path(), &url);
    assert!(out.contains("pulled 8 tables, 1 view,"), "{out}");
    for expected in [
        "  neural_configs:\n    columns:\n      id: bigint primary key identity\n      name: varchar(255) not null unique\n      config:\n        type: json\n        nullable: false\n        sqlite_type: JSON\n      created_at:\n        type: timestamp\n        sqlite_type: DATETIME\n        default: current_timestamp\n      updated_at:\n        type: timestamp\n        sqlite_type: DATETIME\n",
        "      status: varchar(20) default 'pending'",
        "      progress: double default 0",
        "      is_done:\n        type: bool\n        sqlite_type: BOOLEAN\n        default: \"false\"\n",
        "      neural_config_id: bigint references neural_configs.id on delete set null",
        "        type: { sqlite: GEOMETRY }",
        "        default: { sqlite: (random()) }",
        "      ix_training_jobs_status: [status, id desc]",
        "      a: bigint not null\n      b: bigint not null\n    primary_key: [a, b]\n    foreign_keys:\n      - columns: [a]\n        references: neural_configs\n",
        "  active_jobs:\n    sql: |\n      SELECT id, job_id FROM training_jobs WHERE status = 'running'",
        "  - sqlite: |\n        CREATE INDEX ix_training_jobs_lower ON training_jobs (lower(job_id))\n",
        "        CREATE TRIGGER touch_config AFTER UPDATE ON neural_configs",
        "#   - `docs` is a virtual table: it is kept as a raw SQLite statement",
        "  - sqlite: |\n        CREATE VIRTUAL TABLE docs USING fts5(body)",
        "#   - `codes.id` is a primary key SQLite lets hold NULL (declared without NOT NULL, and not INTEGER)",
        "      id:\n        type: int\n        primary_key: true\n        sqlite_type: INT\n",
        "    checks:\n      training_jobs_check: progress >= 0\n",
        "      codes_label_check: length(label) < 40",
        "      twice:\n        type: bigint\n        generated: id * 2",
        "#   - `codes.shout` is a VIRTUAL generated column; dbtool writes generated columns STORED",
        "#   - `training_jobs.shape` is declared `GEOMETRY`",
        "#   - `training_jobs.score` defaults to random(), which has no portable form",
        "  docs_tags:\n    sqlite: { without_rowid: true }\n    columns:\n      tag: text primary key\n      noted:\n        type: text\n        default: { sqlite: (CURRENT_TIMESTAMP) }\n",
        "        CREATE TRIGGER docs_tags_feed AFTER INSERT ON docs_tags BEGIN",
        "  runs:\n    sqlite: { strict: true, autoincrement: true }\n    columns:\n      id: bigint primary key identity\n      job: bigint references training_jobs.id\n",
        "#   - `runs` uses a column COLLATE, which the schema language cannot say",
        "#   - `runs.job` takes the type of the key it references (bigint), so the two agree",
        "#   - view `run_labels` names its columns in a list",
        "        CREATE VIEW run_labels (run, label) AS SELECT id, label FROM runs",
        "      run_notes_noted: [{ expr: \"\\\"noted at\\\"\", order: desc }]\n",
        "      note:\n        type: bigint\n        references: run notes.id\n",
    ] {
        assert!(yaml.contains(expected), "missing {expected:?} in:\n{yaml}");
    }
    assert!(
        !yaml.contains("docs_data") && !yaml.contains("docs_content"),
        "FTS5's own tables are left out:\n{yaml}"
    );
    // The file is a schema: it renders, and the DDL builds a database.
    std::fs::remove_file(&file).expect("remove the source");
    let (code, ddl) = dbtool(dir.path(), &["render", "-d", "sqlite", "-q"]);
    assert_eq!(code, Some(0), "{ddl}");
    rusqlite::Connection::open_in_memory()
        .and_then(|conn| conn.execute_batch(&ddl))
        .unwrap_or_else(|e| panic!("{e}\n{ddl}"));
    // A path with no database is an error, and no empty file is left behind.
    let missing = dir.path().join("missing.db");
    let (code, out) = dbtool(
        dir.path(),
        &[
            "pull",
            "--database-url",
            &format!("sqlite://{}", missing.display()),
        ],
    );
    // A mistyped path is the user's to fix (exit 2, as for status and drift), and no empty
    // database is left behind.
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("missing.db does not exist; check the path"),
        "{out}"
    );
    assert!(!missing.exists());
}

/// A serial beside another key (or in a table without one) is an identity column on
/// PostgreSQL: pulled for a PostgreSQL project, it validates, renders and builds, numbering
/// rows as before.
#[test]
fn serials_outside_the_primary_key_pull_to_serial_columns_that_build() {
    let Some(mut source) = common::pg_database("pull_serials") else {
        return;
    };
    source
        .client
        .batch_execute(
            "CREATE TABLE counters (id serial, name text);
             CREATE TABLE pairs (a int, b int, n bigserial, PRIMARY KEY (a, b));",
        )
        .expect("serials");
    let dir = project("[\"postgres\"]");
    let (yaml, _) = pull(dir.path(), &source.url);
    assert!(yaml.contains("      id: int not null serial"), "{yaml}");
    assert!(
        yaml.contains("      \"n\": bigint not null serial"),
        "{yaml}"
    );
    assert!(
        !yaml.contains("# Notes:"),
        "exact, nothing to note:\n{yaml}"
    );
    let Some(mut copy) = common::pg_database("pull_serials_copy") else {
        return;
    };
    let (code, out) = dbtool(dir.path(), &["diff", "adopt"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &copy.url]);
    assert_eq!(code, Some(0), "{out}");
    copy.client
        .batch_execute("INSERT INTO counters (name) VALUES ('a'), ('b'); INSERT INTO pairs (a, b) VALUES (1, 1), (1, 2)")
        .expect("rows numbered by their serial columns");
    let numbers: Vec<i64> = copy
        .client
        .query("SELECT n FROM pairs ORDER BY n", &[])
        .expect("pairs")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(numbers, [1, 2]);

    // With SQLite configured too, the same file is refused where the column is, with why.
    std::fs::write(
        dir.path().join("dbtool.toml"),
        "dialects = [\"postgres\", \"sqlite\"]\n",
    )
    .expect("config");
    let (code, out) = dbtool(dir.path(), &["render", "-d", "postgres"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("identity column `counters.id` is not the table's only primary-key column, which SQLite needs"),
        "{out}"
    );
}

/// Domains, composite types and aggregates are pulled (as raw statements, before the tables and
/// views that use them, an aggregate after the function it is made of), so the adopted
/// database is built with them.
#[test]
fn domains_composites_and_aggregates_are_pulled_before_what_uses_them() {
    let Some(mut source) = common::pg_database("pull_types") else {
        return;
    };
    source
        .client
        .batch_execute(
            "CREATE DOMAIN posint AS int CHECK (VALUE > 0);
             CREATE TYPE pair AS (a int, b text);
             CREATE FUNCTION add_int(s bigint, v int) RETURNS bigint LANGUAGE plpgsql
                 AS $$ BEGIN RETURN s + v; END $$;
             CREATE AGGREGATE total(int) (SFUNC = add_int, STYPE = bigint, INITCOND = '0');
             CREATE TABLE items (id int PRIMARY KEY, qty posint NOT NULL, p pair);
             CREATE VIEW item_total AS SELECT total(qty) AS t FROM items;",
        )
        .expect("types");
    let dir = project("[\"postgres\"]");
    let (yaml, _) = pull(dir.path(), &source.url);
    assert!(
        yaml.contains(
            "CREATE DOMAIN posint AS integer CONSTRAINT posint_check CHECK ((VALUE > 0));"
        ),
        "{yaml}"
    );
    assert!(
        yaml.contains("CREATE TYPE pair AS (a integer, b text);"),
        "{yaml}"
    );
    assert!(
        yaml.contains(
            "CREATE AGGREGATE total(integer) (SFUNC = add_int, STYPE = bigint, INITCOND = '0');"
        ),
        "{yaml}"
    );
    let Some(mut copy) = common::pg_database("pull_types_copy") else {
        return;
    };
    let (code, out) = dbtool(dir.path(), &["diff", "adopt"]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = dbtool(dir.path(), &["migrate", "--database-url", &copy.url]);
    assert_eq!(code, Some(0), "{out}");
    copy.client
        .batch_execute("INSERT INTO items (id, qty, p) VALUES (1, 2, ROW(1, 'x')), (2, 3, NULL)")
        .expect("rows");
    let total: i64 = copy
        .client
        .query_one("SELECT t FROM item_total", &[])
        .expect("view")
        .get(0);
    assert_eq!(total, 5);
    let refused = copy
        .client
        .batch_execute("INSERT INTO items (id, qty) VALUES (3, 0)");
    assert!(refused.is_err(), "the domain's check came along");
}

/// `--verify` on SQLite compares structure, not `CREATE` text: an exact pull is verified
/// although the rebuilt tables are written differently (`INTEGER` for `INT`, named constraints).
#[test]
fn an_exact_sqlite_pull_verifies() {
    let dir = project("[\"sqlite\"]");
    let file = dir.path().join("small.db");
    rusqlite::Connection::open(&file)
        .and_then(|conn| {
            conn.execute_batch(
                "CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT NOT NULL CHECK (length(name) > 0), n INT DEFAULT 3);
                 CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id) ON DELETE CASCADE, UNIQUE (a_id));
                 CREATE INDEX a_name ON a(name);",
            )
        })
        .expect("schema");
    let url = format!("sqlite://{}", file.display());
    let (code, out) = dbtool(
        dir.path(),
        &[
            "pull",
            "--database-url",
            &url,
            "--verify",
            "-o",
            "schema/pulled.yaml",
        ],
    );
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("verified"), "{out}");
    // A change the pull cannot carry is a difference.
    rusqlite::Connection::open(&file)
        .and_then(|conn| conn.execute_batch("CREATE TABLE c (id INT PRIMARY KEY)"))
        .expect("c");
    let (code, out) = dbtool(
        dir.path(),
        &[
            "pull",
            "--database-url",
            &url,
            "--verify",
            "-o",
            "schema/pulled.yaml",
        ],
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("changed column c.id: INTEGER not null primary key 1\n"),
        "{out}"
    );
    assert!(
        out.contains("  the source has: INTEGER primary key 1\n"),
        "{out}"
    );
}
