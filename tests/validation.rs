//! Bad schema input: every case asserts the exact file:line:col, message and hint.

use dbtool::diagnostic::{Diagnostic, SourceFile};
use dbtool::schema::{self, Dialect};

fn errors_in(files: &[(&str, &str)]) -> Vec<Diagnostic> {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(path, text)| SourceFile {
            path: path.to_string(),
            text: text.to_string(),
        })
        .collect();
    match schema::load(&sources, &Dialect::ALL) {
        Ok(_) => panic!("schema was accepted, expected errors"),
        Err(diagnostics) => diagnostics,
    }
}

/// The only error in one file `schema/test.yaml`.
fn error(yaml: &str) -> Diagnostic {
    let errors = errors_in(&[("schema/test.yaml", yaml)]);
    assert_eq!(errors.len(), 1, "expected one error, got: {errors:#?}");
    errors.into_iter().next().unwrap()
}

fn assert_error(yaml: &str, headline: &str, help: Option<&str>) {
    let e = error(yaml);
    assert_eq!(e.headline(), headline);
    assert_eq!(e.help.as_deref(), help, "help of: {headline}");
}

const USERS: &str = "tables:
  users:
    columns:
      id: uuid primary key
      email: text not null
";

#[test]
fn invalid_yaml_syntax() {
    let e = error("tables:\n  users: [\n");
    assert_eq!((e.path.as_str(), e.line), ("schema/test.yaml", 3));
    assert!(e.message.starts_with("invalid YAML:"), "{}", e.message);
}

#[test]
fn yaml_syntax_errors_say_what_usually_causes_them() {
    let e = error("tables:\n  users:\n    columns:\n      id: bigint\n     email: text\n");
    assert_eq!((e.line, e.column), (5, 6));
    assert_eq!(
        e.help.as_deref(),
        Some("line it up with `id` on line 4 (6 spaces), or with the mapping it belongs to")
    );
    let e = error("tables:\n\tusers: {}\n");
    assert!(
        e.help.as_deref().is_some_and(|h| h.contains("spaces only")),
        "{e:?}"
    );
}

/// A blog schema in the style `dbtool init` writes; the layout tests below break one line of it
/// the way a newcomer does and expect the error at that line, once.
const BLOG: &str = "# The blog's tables.
enums:
  post_status: [draft, published]

tables:
  authors:
    columns:
      id: bigint identity primary key
      name: text not null
      email: text not null unique
      bio: text
      created_at: timestamptz not null default now()
  posts:
    columns:
      id: bigint identity primary key
      author_id: bigint not null references authors(id)
      title: text not null
    indexes:
      idx_posts_author_id: author_id
";

/// BLOG with line `line` (1-based) replaced by `with`.
fn blog_with(edits: &[(usize, &str)]) -> String {
    let mut lines: Vec<&str> = BLOG.lines().collect();
    for (line, with) in edits {
        lines[line - 1] = with;
    }
    lines.join("\n") + "\n"
}

#[test]
fn a_tab_is_reported_on_its_own_line() {
    assert_error(
        &blog_with(&[(11, "\t    bio: text")]),
        "schema/test.yaml:11:1: error: a tab in the indentation",
        Some("YAML indents with spaces only: replace the tab with spaces"),
    );
}

#[test]
fn a_dedented_column_is_reported_on_its_own_line() {
    assert_error(
        &blog_with(&[(11, "    bio: text")]),
        "schema/test.yaml:11:5: error: `bio` is indented 4 spaces, the keys beside it 6",
        Some("line `bio` up with `email` on the line above it"),
    );
    assert_error(
        &blog_with(&[(11, "     bio: text")]),
        "schema/test.yaml:11:6: error: `bio` is indented 5 spaces, which lines up with no mapping around it",
        Some("line it up with `email` on line 10 (6 spaces), or with the mapping it belongs to"),
    );
    assert_error(
        &blog_with(&[(11, "        bio: text")]),
        "schema/test.yaml:11:9: error: `bio` is indented under `email`, which has a value already",
        Some("line `bio` up with `email` (6 spaces), or quote the value if `: ` belongs to it"),
    );
}

#[test]
fn a_key_without_its_colon_is_reported_on_its_own_line() {
    assert_error(
        &blog_with(&[(11, "      bio text")]),
        "schema/test.yaml:11:7: error: `bio text` has no colon after its key",
        Some("write `bio: text`"),
    );
}

#[test]
fn a_table_key_indented_under_columns_is_named() {
    let help = Some("move `indexes:` and what is under it left, to line up with `columns:`");
    let headline =
        "schema/test.yaml:18:7: error: `indexes` is indented under `columns`, so it reads as a column";
    assert_error(
        &blog_with(&[
            (18, "      indexes:"),
            (19, "        idx_posts_author_id: author_id"),
        ]),
        headline,
        help,
    );
    assert_error(&blog_with(&[(18, "      indexes:")]), headline, help);
    // A column may be called `comment`: with a type it is one.
    let yaml = blog_with(&[(17, "      title: text not null\n      comment: text")]);
    assert!(schema::load(
        &[SourceFile {
            path: "schema/test.yaml".into(),
            text: yaml
        }],
        &Dialect::ALL
    )
    .is_ok());
}

#[test]
fn a_list_of_indexes_says_indexes_are_named() {
    assert_error(
        &blog_with(&[(19, "      - columns: [author_id]")]),
        "schema/test.yaml:19:7: error: `indexes` must be a mapping of index names",
        Some("write one `name: column` or `name: [column, …]` line per index, e.g. `idx_posts_author_id: author_id`"),
    );
}

#[test]
fn a_column_without_a_type_is_reported_at_its_name() {
    assert_error(
        &blog_with(&[(11, "      bio:")]),
        "schema/test.yaml:11:7: error: column `bio` has no type",
        Some("write its type after the colon, e.g. `bio: text not null`"),
    );
}

#[test]
fn a_misspelt_columns_key_is_one_error_per_table() {
    let errors = errors_in(&[(
        "schema/test.yaml",
        &blog_with(&[(7, "    colums:"), (14, "    colums:")]),
    )]);
    let headlines: Vec<String> = errors.iter().map(|e| e.headline()).collect();
    assert_eq!(
        headlines,
        [
            "schema/test.yaml:7:5: error: unknown key `colums` in a table",
            "schema/test.yaml:14:5: error: unknown key `colums` in a table",
        ]
    );
    assert_eq!(errors[0].help.as_deref(), Some("did you mean `columns`?"));
}

#[test]
fn other_engines_type_names_suggest_the_schema_languages() {
    assert_error(
        "tables:\n  t:\n    columns:\n      id: bigserial\n",
        "schema/test.yaml:4:11: error: unknown type `bigserial` for column `id`",
        Some("write `bigint identity`: `bigserial` is PostgreSQL's shorthand for an integer numbered by a sequence, an identity column here"),
    );
    assert_error(
        "tables:\n  t:\n    columns:\n      at: datetime not null\n",
        "schema/test.yaml:4:11: error: unknown type `datetime` for column `at`",
        Some("write `timestamp`, the schema language's name for it"),
    );
}

#[test]
fn an_unquoted_enum_default_suggests_its_quotes() {
    assert_error(
        "enums:\n  post_status: [draft, published]\ntables:\n  posts:\n    columns:\n      status: post_status not null default draft\n",
        "schema/test.yaml:6:44: error: `draft` is not a portable default",
        Some("quote a text or enum value: `default 'draft'`"),
    );
}

#[test]
fn top_level_must_be_a_mapping() {
    assert_error(
        "- tables\n",
        "schema/test.yaml:1:1: error: a schema file must be a mapping of sections",
        Some("start with one of: extensions, enums, tables, views, materialized_views, continuous_aggregates, full_text_search, raw"),
    );
}

#[test]
fn unknown_top_level_key() {
    assert_error(
        "tabels:\n  users: {}\n",
        "schema/test.yaml:1:1: error: unknown key `tabels` in a schema file",
        Some("did you mean `tables`?"),
    );
}

#[test]
fn unknown_table_key() {
    assert_error(
        &format!("{USERS}    indexs:\n      users_email: email\n"),
        "schema/test.yaml:6:5: error: unknown key `indexs` in a table",
        Some("did you mean `indexes`?"),
    );
}

#[test]
fn unknown_column_key_typo() {
    assert_error(
        "tables:\n  users:\n    columns:\n      id:\n        type: uuid\n        nulable: false\n",
        "schema/test.yaml:6:9: error: unknown key `nulable` in a column",
        Some("did you mean `nullable`?"),
    );
}

#[test]
fn unknown_type_with_suggestion() {
    assert_error(
        "tables:\n  users:\n    columns:\n      name: strng not null\n",
        "schema/test.yaml:4:13: error: unknown type `strng` for column `name`",
        // No portable type is close to `strng`, so the hint lists them all.
        Some("use a portable type (bool, boolean, smallint, int, integer, bigint, real, double, numeric, text, varchar, char, bytes, uuid, date, time, timestamp, timestamptz, interval, json, jsonb) or declare an enum `strng`"),
    );
}

#[test]
fn unknown_type_close_to_an_enum() {
    assert_error(
        "enums:\n  message_role: [user, assistant]\ntables:\n  m:\n    columns:\n      role: mesage_role\n",
        "schema/test.yaml:6:13: error: unknown type `mesage_role` for column `role`",
        Some("did you mean `message_role`?"),
    );
}

#[test]
fn bad_type_argument() {
    assert_error(
        "tables:\n  t:\n    columns:\n      name: varchar(abc)\n",
        "schema/test.yaml:4:21: error: `abc` is not a positive whole number",
        None,
    );
}

#[test]
fn unknown_modifier_in_short_form() {
    assert_error(
        "tables:\n  t:\n    columns:\n      name: text not nul\n",
        "schema/test.yaml:4:18: error: unexpected `not` in column definition",
        Some("did you mean `not null`?"),
    );
}

#[test]
fn unterminated_string_default() {
    assert_error(
        "tables:\n  t:\n    columns:\n      name: text default 'abc\n",
        "schema/test.yaml:4:26: error: unterminated string default",
        Some("close it with `'`"),
    );
}

#[test]
fn duplicate_table_across_files() {
    let errors = errors_in(&[("schema/a.yaml", USERS), ("schema/b.yaml", USERS)]);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        errors[0].headline(),
        "schema/b.yaml:2:3: error: table `users` is declared twice"
    );
    let related = errors[0].related.as_ref().unwrap();
    assert_eq!(
        (related.path.as_str(), related.line, related.column),
        ("schema/a.yaml", 2, 3)
    );
}

#[test]
fn duplicate_column_in_one_table() {
    let e = error("tables:\n  t:\n    columns:\n      a: text\n      a: int\n");
    assert_eq!(
        e.headline(),
        "schema/test.yaml:5:7: error: `a` is declared twice in the same mapping"
    );
    assert_eq!(e.related.as_ref().map(|r| (r.line, r.column)), Some((4, 7)));
}

#[test]
fn duplicate_index_name_across_tables() {
    let yaml = "tables:\n  a:\n    columns:\n      x: int\n    indexes:\n      idx_x: x\n  b:\n    columns:\n      x: int\n    indexes:\n      idx_x: x\n";
    assert_error(
        yaml,
        "schema/test.yaml:11:7: error: index `idx_x` is declared twice",
        Some("rename or remove one of them"),
    );
}

#[test]
fn primary_key_on_missing_column() {
    assert_error(
        "tables:\n  t:\n    columns:\n      identifier: text\n    primary_key: [identifer]\n",
        "schema/test.yaml:5:19: error: the primary key names column `identifer`, which table `t` does not have",
        Some("did you mean `identifier`?"),
    );
}

#[test]
fn foreign_key_to_missing_table() {
    assert_error(
        &format!("{USERS}  posts:\n    columns:\n      author: uuid references user.id\n"),
        "schema/test.yaml:8:31: error: a foreign key names table `user`, which is not declared",
        Some("did you mean `users`?"),
    );
}

#[test]
fn foreign_key_to_missing_column() {
    assert_error(
        &format!("{USERS}  posts:\n    columns:\n      author: uuid references users.ident\n"),
        "schema/test.yaml:8:37: error: a foreign key names column `ident`, which table `users` does not have",
        Some("did you mean `id`?"),
    );
}

#[test]
fn foreign_key_type_mismatch() {
    assert_error(
        &format!("{USERS}  posts:\n    columns:\n      author: bigint references users.id\n"),
        "schema/test.yaml:8:7: error: foreign key column `posts.author` is `bigint` but `users.id` is `uuid`",
        Some("declare `author` as `uuid`"),
    );
}

#[test]
fn foreign_key_target_not_unique() {
    assert_error(
        &format!("{USERS}  posts:\n    columns:\n      author: text references users.email\n"),
        "schema/test.yaml:8:31: error: foreign key target `users(email)` is neither a primary key nor unique",
        Some("reference the primary key, or declare those columns unique"),
    );
}

#[test]
fn unknown_foreign_key_action() {
    assert_error(
        &format!("{USERS}  posts:\n    columns:\n      author:\n        type: uuid\n        references: users\n        on_delete: cascades\n"),
        "schema/test.yaml:11:20: error: unknown on delete action `cascades`",
        Some("use cascade, restrict, set null, set default or no action"),
    );
}

#[test]
fn index_on_missing_column() {
    assert_error(
        &format!("{USERS}    indexes:\n      users_mail: [mail desc]\n"),
        "schema/test.yaml:7:20: error: index `users_mail` names column `mail`, which table `users` does not have",
        Some("did you mean `email`?"),
    );
}

#[test]
fn index_expression_casting_text_to_timestamp() {
    let yaml = "tables:\n  threads:\n    columns:\n      createdAt: text\n    indexes:\n      idx_threads_created_at:\n        columns: [{ expr: 'CAST(\"createdAt\" AS TIMESTAMP)' }]\n";
    let e = error(yaml);
    assert_eq!(
        e.headline(),
        "schema/test.yaml:7:27: error: index `idx_threads_created_at` casts text column `createdAt` to a date/time type, which PostgreSQL rejects in an index (the cast is not IMMUTABLE: it depends on DateStyle and TimeZone)"
    );
    assert_eq!(
        e.help.as_deref(),
        Some("index `createdAt` itself (ISO-8601 text sorts in time order), or store it in a `timestamptz` column")
    );
}

#[test]
fn invalid_sql_in_check() {
    let e = error(
        "tables:\n  t:\n    columns:\n      a: int\n    checks:\n      a_positive: \"a > > 0\"\n",
    );
    assert_eq!((e.line, e.column), (6, 24));
    assert!(
        e.message.starts_with("invalid SQL expression:"),
        "{}",
        e.message
    );
}

#[test]
fn enum_default_not_among_values() {
    assert_error(
        "enums:\n  status: [active, archived]\ntables:\n  c:\n    columns:\n      status: status not null default 'actve'\n",
        "schema/test.yaml:6:39: error: default `'actve'` is not a value of enum `status`",
        Some("did you mean `active`?"),
    );
}

#[test]
fn default_of_the_wrong_type() {
    assert_error(
        "tables:\n  t:\n    columns:\n      at: text default now()\n",
        "schema/test.yaml:4:24: error: a `now()` default needs a timestamp, timestamptz or date column, and `at` is `text`",
        Some("change the default or the column's type"),
    );
}

#[test]
fn default_that_is_not_portable() {
    assert_error(
        "tables:\n  t:\n    columns:\n      n: int default nextval('s')\n",
        "schema/test.yaml:4:22: error: `nextval('s')` is not a portable default",
        Some("use a number, true, false, null, 'text', now(), current_date, uuid() or [], or write it per dialect: `default: { postgres: \"…\", sqlite: \"…\" }`"),
    );
}

const METRICS: &str = "tables:
  metrics:
    columns:
      time: timestamptz not null
      label: text not null
      value: double
";

#[test]
fn aggregate_bucket_on_non_time_column() {
    let yaml = format!("{METRICS}    hypertable:\n      time_column: time\ncontinuous_aggregates:\n  hourly:\n    source: metrics\n    bucket: {{ column: label, width: 1 hour }}\n    aggregates:\n      total: sum(value)\n");
    assert_error(
        &yaml,
        "schema/test.yaml:12:23: error: bucket column `label` is `text`, not a time type",
        Some("bucket a `timestamptz`, `timestamp` or `date` column"),
    );
}

#[test]
fn aggregate_source_not_a_hypertable() {
    let yaml = format!("{METRICS}continuous_aggregates:\n  hourly:\n    source: metrics\n    bucket: {{ column: time, width: 1 hour }}\n    aggregates:\n      total: sum(value)\n");
    assert_error(
        &yaml,
        "schema/test.yaml:9:13: error: continuous aggregate `hourly` reads `metrics`, which is not a hypertable",
        Some("add a `hypertable:` section to table `metrics`"),
    );
}

#[test]
fn aggregate_over_missing_column() {
    let yaml = format!("{METRICS}    hypertable:\n      time_column: time\ncontinuous_aggregates:\n  hourly:\n    source: metrics\n    bucket: {{ column: time, width: 1 hour }}\n    aggregates:\n      total: sum(valeu)\n");
    assert_error(
        &yaml,
        "schema/test.yaml:14:18: error: aggregate `total` names column `valeu`, which table `metrics` does not have",
        Some("did you mean `value`?"),
    );
}

#[test]
fn unknown_aggregate_function() {
    let yaml = format!("{METRICS}    hypertable:\n      time_column: time\ncontinuous_aggregates:\n  hourly:\n    source: metrics\n    bucket: {{ column: time, width: 1 hour }}\n    aggregates:\n      total: median(value)\n");
    assert_error(
        &yaml,
        "schema/test.yaml:14:14: error: unknown aggregate function `median`",
        Some("write an aggregate as FUNCTION(COLUMN): count(*), count, sum, avg, min or max"),
    );
}

#[test]
fn bucket_width_in_months() {
    let yaml = format!("{METRICS}    hypertable:\n      time_column: time\ncontinuous_aggregates:\n  monthly:\n    source: metrics\n    bucket: {{ column: time, width: 1 month }}\n    aggregates:\n      total: sum(value)\n");
    assert_error(
        &yaml,
        "schema/test.yaml:12:38: error: `month` is not a fixed length of time",
        Some("months and years differ in length; use days or weeks"),
    );
}

#[test]
fn hypertable_unique_key_without_time_column() {
    let yaml = "tables:\n  metrics:\n    columns:\n      id: bigint primary key identity\n      time: timestamptz not null\n    hypertable:\n      time_column: time\n";
    assert_error(
        yaml,
        "schema/test.yaml:4:7: error: a unique key on hypertable `metrics` must include its time column `time`",
        Some("add `time` to the key (TimescaleDB's rule)"),
    );
}

#[test]
fn hypertable_time_column_missing() {
    let yaml = format!("{METRICS}    hypertable:\n      time_column: ts\n");
    assert_error(
        &yaml,
        "schema/test.yaml:8:20: error: the hypertable names column `ts`, which table `metrics` does not have",
        Some("declare the column under `tables.metrics.columns`"),
    );
}

#[test]
fn view_reading_unknown_table() {
    assert_error(
        &format!("{USERS}views:\n  emails:\n    sql: |\n      SELECT email\n      FROM usrs\n"),
        "schema/test.yaml:10:12: error: view `emails` reads `usrs`, which is not a declared table or view",
        Some("did you mean `users`?"),
    );
}

#[test]
fn view_with_invalid_sql() {
    let e = error(&format!(
        "{USERS}views:\n  emails:\n    sql: SELECT email FORM users\n"
    ));
    assert_eq!((e.line, e.column), (8, 28));
    assert!(
        e.message.starts_with("invalid SQL in view body"),
        "{}",
        e.message
    );
}

#[test]
fn without_rowid_table_needs_a_primary_key() {
    assert_error(
        "tables:\n  t:\n    columns:\n      a: int\n    sqlite: { without_rowid: true }\n",
        "schema/test.yaml:5:13: error: table `t` is WITHOUT ROWID but has no primary key",
        Some("SQLite requires a primary key on a WITHOUT ROWID table"),
    );
}

#[test]
fn raw_type_missing_a_configured_dialect() {
    assert_error(
        "tables:\n  t:\n    columns:\n      v:\n        type: { postgres: \"vector(3)\" }\n",
        "schema/test.yaml:5:15: error: column `t.v` has no type for dialect `sqlite`",
        Some("add `sqlite: …` to its per-dialect type"),
    );
}

#[test]
fn identity_on_a_text_column() {
    assert_error(
        "tables:\n  t:\n    columns:\n      id: text primary key identity\n",
        "schema/test.yaml:4:7: error: identity column `id` must be an integer (`text` is not)",
        Some("use `bigint identity` (or `bigint primary key identity`)"),
    );
}

/// PostgreSQL has identity columns anywhere (a serial beside another key, as pulled); SQLite
/// only as the rowid, so a project with SQLite is told where and why.
#[test]
fn identity_outside_the_primary_key_is_postgres_only() {
    let yaml =
        "tables:\n  t:\n    columns:\n      code: text primary key\n      seq: bigint identity\n";
    let file = dbtool::diagnostic::SourceFile {
        path: "schema/test.yaml".into(),
        text: yaml.into(),
    };
    let postgres = schema::load(std::slice::from_ref(&file), &[Dialect::Postgres]);
    let schema = postgres.unwrap_or_else(|e| panic!("postgres takes it: {e:?}"));
    let ddl =
        dbtool::render::render(&schema, Dialect::Postgres, &Default::default()).expect("render");
    assert!(
        ddl.contains("seq bigint NOT NULL GENERATED BY DEFAULT AS IDENTITY"),
        "{ddl}"
    );
    assert_error(
        yaml,
        "schema/test.yaml:5:7: error: identity column `t.seq` is not the table's only primary-key column, which SQLite needs (it numbers rows only through an INTEGER PRIMARY KEY)",
        Some("make it the primary key, or leave `sqlite` out of dialects in dbtool.toml (PostgreSQL has identity columns anywhere)"),
    );
}

#[test]
fn primary_key_declared_twice() {
    assert_error(
        "tables:\n  t:\n    columns:\n      a: int primary key\n    primary_key: [a]\n",
        "schema/test.yaml:5:18: error: table `t` declares its primary key twice",
        Some("use either `primary key` on columns or `primary_key:` on the table"),
    );
}

#[test]
fn nullable_must_be_a_boolean() {
    assert_error(
        "tables:\n  t:\n    columns:\n      a:\n        type: int\n        nullable: nope\n",
        "schema/test.yaml:6:19: error: `nullable` must be true or false, not `nope`",
        None,
    );
}

#[test]
fn table_and_view_share_a_name() {
    let e = error(&format!("{USERS}views:\n  users:\n    sql: SELECT 1\n"));
    assert_eq!(
        e.headline(),
        "schema/test.yaml:7:3: error: view `users` is declared twice"
    );
}

#[test]
fn foreign_key_to_a_hypertable() {
    let yaml = "tables:\n  metrics:\n    columns:\n      time: timestamptz not null primary key\n    hypertable:\n      time_column: time\n  notes:\n    columns:\n      at: timestamptz references metrics.time\n";
    assert_error(
        yaml,
        "schema/test.yaml:9:34: error: foreign key references hypertable `metrics`",
        Some("TimescaleDB does not support foreign keys that point at a hypertable; drop the foreign key"),
    );
}

#[test]
fn every_error_is_reported_in_one_run() {
    let yaml = "tables:\n  a:\n    columns:\n      x: strng\n      y: int default 'z'\n    indexes:\n      idx: [nope]\n";
    let errors = errors_in(&[("schema/test.yaml", yaml)]);
    let places: Vec<(u32, u32)> = errors.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(places, [(4, 10), (7, 13)], "{errors:#?}");
}

#[test]
fn autoincrement_needs_one_identity_key() {
    assert_error(
        "tables:\n  t:\n    sqlite: { autoincrement: true }\n    columns:\n      id: text primary key\n",
        "schema/test.yaml:3:13: error: table `t` is `autoincrement` but its key is not one identity column of a rowid table",
        Some("AUTOINCREMENT numbers the rowid: give the table one `bigint primary key identity` column, or drop `autoincrement`"),
    );
}
