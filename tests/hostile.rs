//! Hostile input, end to end through the built binary: malformed, oversized and injected text in
//! every file dbtool reads (schema YAML, dbtool.toml, queries, migration file names).
//!
//! Refused input must be refused by every command that reads it, with the message and its
//! `path:line:col`, without a crash, and without a file written or changed. Accepted hostile
//! text must reach the engines as data: the rendered DDL, applied to SQLite and PostgreSQL,
//! creates exactly the declared objects and stores exactly the declared strings.
//!
//! Tests marked `// Was a defect:` say what dbtool did with that input before it was fixed;
//! each failed on that code.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::dbtool;

/// The project every case starts from: both dialects, one table, one query.
const CONFIG: &[u8] =
    b"dialects = [\"postgres\", \"sqlite\"]\n\n[generate]\npackage = \"hostile\"\n";
const SCHEMA: &[u8] = b"tables:\n  users:\n    columns:\n      id: bigint primary key identity\n      email: text not null\n";
const QUERIES: &[u8] = b"-- name: GetUser :one\nSELECT id, email FROM users WHERE id = @id;\n";

/// A project file: its path from the project's root and its exact bytes.
type File<'a> = (&'a str, &'a [u8]);

/// A dbtool command and the exit code it must end with.
struct Run<'a> {
    args: &'a [&'a str],
    code: i32,
}

const fn run<'a>(args: &'a [&'a str], code: i32) -> Run<'a> {
    Run { args, code }
}

/// The commands that read the schema. The three that write files (`render -o`, `diff`,
/// `generate`) must write nothing, and `check` must find the same problem.
const SCHEMA_RUNS: &[Run<'static>] = &[
    run(&["render", "--dialect", "sqlite", "-o", "out.sql"], 2),
    run(&["render", "--dialect", "postgres", "-o", "out.sql"], 2),
    run(&["diff", "hostile"], 2),
    run(&["generate"], 2),
    run(&["check"], 2),
];

/// A bad dbtool.toml stops every command before it reads anything else.
const CONFIG_RUNS: &[Run<'static>] = &[
    run(&["render", "--dialect", "sqlite", "-o", "out.sql"], 2),
    run(&["diff", "hostile"], 2),
    run(&["generate"], 2),
    run(&["check"], 2),
];

/// `generate` refuses a bad query (an input error); `check` reports it as a finding.
const QUERY_RUNS: &[Run<'static>] = &[run(&["generate"], 2), run(&["check"], 1)];

/// `{db}` is a SQLite file inside the project: a misnamed script must stop `migrate` before it
/// creates the file, and `status` and `check` must name the script too.
const MIGRATION_RUNS: &[Run<'static>] = &[
    run(&["migrate", "--database-url", "{db}"], 2),
    run(&["status", "--database-url", "{db}"], 2),
    run(&["check"], 2),
];

/// Input dbtool must refuse: every run ends with its code and prints every `says` fragment
/// (the message and its `path:line:col`), nothing crashes, and no file changes or appears.
struct Refused<'a> {
    name: &'a str,
    /// Written over the starting project, after `setup`.
    files: &'a [File<'a>],
    /// Commands run before the files are written, e.g. `diff init` to have migrations.
    setup: &'a [&'a [&'a str]],
    runs: &'a [Run<'a>],
    says: &'a [&'a str],
}

/// Input dbtool must accept: both dialects render and `generate` succeeds; the SQLite DDL
/// contains every `says` fragment.
struct Accepted<'a> {
    name: &'a str,
    files: &'a [File<'a>],
    says: &'a [&'a str],
}

/// YAML the parser refuses: its message, at the place it stopped.
const YAML_SYNTAX: &[Refused<'static>] = &[
    Refused {
        name: "truncated_flow_sequence",
        files: &[("schema/app.yaml", b"tables:\n  users: [\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "invalid YAML: while parsing a node, did not find expected node content",
            "schema/app.yaml:3:1",
        ],
    },
    // The parser notices at the end of the file.
    Refused {
        name: "unclosed_flow_mapping",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      a: text\n  t2: {columns: {b: int\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "did not find expected ',' or '}'",
            "schema/app.yaml:6:1",
        ],
    },
    Refused {
        name: "dedented_key",
        files: &[("schema/app.yaml", b"tables:\n  users:\n    columns:\n      id: bigint\n     email: text\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`email` is indented 5 spaces",
            "schema/app.yaml:5:6",
            "line it up with `id` on line 4",
        ],
    },
    Refused {
        name: "duplicate_column_key",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      a: text\n      a: int\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`a` is declared twice in the same mapping",
            "schema/app.yaml:5:7",
        ],
    },
    // A second `tables:` must not silently replace the first.
    Refused {
        name: "duplicate_top_level_key",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      a: text\ntables:\n  u:\n    columns:\n      b: int\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`tables` is declared twice in the same mapping",
            "schema/app.yaml:5:1",
        ],
    },
    Refused {
        name: "top_level_sequence",
        files: &[("schema/app.yaml", b"- tables\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "a schema file must be a mapping of sections",
            "schema/app.yaml:1:1",
        ],
    },
    Refused {
        name: "sequence_as_mapping_key",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      ? [a, b]\n      : text\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "a mapping key must be a plain name",
            "schema/app.yaml:4:9",
        ],
    },
    Refused {
        name: "flow_sequence_as_key",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      [a]: text\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "a mapping key must be a plain name",
            "schema/app.yaml:4:7",
        ],
    },
    Refused {
        name: "alias_of_no_anchor",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      a: *nope\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "found unknown anchor",
            "schema/app.yaml:4:10",
        ],
    },
];

/// A value of the wrong shape under each key: named with the key and the shape it needs.
const WRONG_TYPES: &[Refused<'static>] = &[
    Refused {
        name: "tables_as_a_list",
        files: &[("schema/app.yaml", b"tables: [a, b]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`tables` must be a mapping",
            "schema/app.yaml:1:9",
        ],
    },
    Refused {
        name: "extensions_as_a_mapping",
        files: &[("schema/app.yaml", b"extensions: {a: b}\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`extensions` must be a list of names",
            "schema/app.yaml:1:13",
        ],
    },
    Refused {
        name: "enums_as_a_list",
        files: &[("schema/app.yaml", b"enums: [a, b]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`enums` must be a mapping",
            "schema/app.yaml:1:8",
        ],
    },
    Refused {
        name: "enum_value_as_a_list",
        files: &[("schema/app.yaml", b"enums:\n  e: [[a]]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "each entry of the values of an enum must be a single value",
            "schema/app.yaml:2:7",
        ],
    },
    Refused {
        name: "views_as_a_list",
        files: &[("schema/app.yaml", b"views: [a]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`views` must be a mapping",
            "schema/app.yaml:1:8",
        ],
    },
    Refused {
        name: "view_as_a_string",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      a: text\nviews:\n  v: SELECT 1\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "a view must be a mapping",
            "schema/app.yaml:7:6",
        ],
    },
    Refused {
        name: "materialized_views_as_a_number",
        files: &[("schema/app.yaml", b"materialized_views: 7\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`materialized_views` must be a mapping",
            "schema/app.yaml:1:21",
        ],
    },
    Refused {
        name: "continuous_aggregates_as_a_list",
        files: &[("schema/app.yaml", b"continuous_aggregates: [x]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`continuous_aggregates` must be a mapping",
            "schema/app.yaml:1:24",
        ],
    },
    Refused {
        name: "full_text_search_as_a_string",
        files: &[("schema/app.yaml", b"full_text_search: x\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`full_text_search` must be a mapping",
            "schema/app.yaml:1:19",
        ],
    },
    Refused {
        name: "raw_as_a_mapping",
        files: &[("schema/app.yaml", b"raw: {postgres: x}\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`raw` must be a list of per-dialect statements",
            "schema/app.yaml:1:6",
        ],
    },
    Refused {
        name: "raw_statement_as_a_number",
        files: &[("schema/app.yaml", b"raw: [5]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "a raw statement must be a mapping",
            "schema/app.yaml:1:7",
        ],
    },
    Refused {
        name: "table_as_a_number",
        files: &[("schema/app.yaml", b"tables:\n  t: 5\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "table `t` must be a mapping",
            "schema/app.yaml:2:6",
        ],
    },
    Refused {
        name: "columns_as_a_number",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns: 5\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`columns` must be a mapping",
            "schema/app.yaml:3:14",
        ],
    },
    Refused {
        name: "columns_as_a_list",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns: [a, b]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`columns` must be a mapping",
            "schema/app.yaml:3:14",
        ],
    },
    Refused {
        name: "column_as_a_list",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      a: [int]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "column `a` must be a type line or a mapping",
            "schema/app.yaml:4:10",
        ],
    },
    Refused {
        name: "type_as_a_list",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: [int]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`type` must be a single value",
            "schema/app.yaml:6:15",
        ],
    },
    Refused {
        name: "type_for_an_unknown_dialect",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: {oracle: NUMBER}\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "unknown key `oracle` in a per-dialect type",
            "schema/app.yaml:6:16",
        ],
    },
    Refused {
        name: "nullable_as_a_word",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: text\n        nullable: maybe\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`nullable` must be true or false, not `maybe`",
            "schema/app.yaml:7:19",
        ],
    },
    Refused {
        name: "default_as_a_list",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: text\n        default: [1]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "only an empty list `[]` can be a default",
            "schema/app.yaml:7:18",
        ],
    },
    Refused {
        name: "default_for_an_unknown_dialect",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: text\n        default: {oracle: x}\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "unknown key `oracle` in a per-dialect default",
            "schema/app.yaml:7:19",
        ],
    },
    Refused {
        name: "unique_as_a_number",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: text\n        unique: 1\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`unique` must be true or false, not `1`",
            "schema/app.yaml:7:17",
        ],
    },
    Refused {
        name: "references_as_a_number",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: int\n        references: 5\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`5` is not a reference",
            "schema/app.yaml:7:21",
        ],
    },
    Refused {
        name: "on_delete_unknown_action",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: int\n        references: t.id\n        on_delete: explode\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "unknown on delete action `explode`",
            "schema/app.yaml:8:20",
        ],
    },
    Refused {
        name: "check_as_a_list",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: text\n        check: [x]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`check` must be a single value",
            "schema/app.yaml:7:16",
        ],
    },
    Refused {
        name: "comment_as_a_list",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: text\n        comment: [x]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`comment` must be a single value",
            "schema/app.yaml:7:18",
        ],
    },
    Refused {
        name: "generated_for_an_unknown_dialect",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: text\n        generated: {oracle: x}\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "unknown key `oracle` in `generated`",
            "schema/app.yaml:7:21",
        ],
    },
    Refused {
        name: "indexes_as_a_list",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int\n    indexes: [id]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`indexes` must be a mapping",
            "schema/app.yaml:5:14",
        ],
    },
    Refused {
        name: "strict_as_a_word",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int\n    sqlite: {strict: yes}\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`strict` must be true or false, not `yes`",
            "schema/app.yaml:5:22",
        ],
    },
    Refused {
        name: "hypertable_as_a_string",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int\n    hypertable: x\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "`hypertable` must be a mapping",
            "schema/app.yaml:5:17",
        ],
    },
];

/// Names that cannot be written into SQL as they are, or that PostgreSQL would silently cut.
const IDENTIFIERS: &[Refused<'static>] = &[
    Refused {
        name: "table_name_with_a_newline",
        files: &[("schema/app.yaml", b"tables:\n  \"a\\nb\":\n    columns:\n      id: int\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "table name `a\\nb` holds the control character U+000A",
            "schema/app.yaml:2:3",
        ],
    },
    Refused {
        name: "table_name_with_a_nul",
        files: &[("schema/app.yaml", b"tables:\n  \"a\\0b\":\n    columns:\n      id: int\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "table name `a\\0b` holds the control character U+0000",
            "schema/app.yaml:2:3",
        ],
    },
    Refused {
        name: "table_name_with_a_tab",
        files: &[("schema/app.yaml", b"tables:\n  \"a\\tb\":\n    columns:\n      id: int\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "table name `a\\tb` holds the control character U+0009",
            "schema/app.yaml:2:3",
        ],
    },
    Refused {
        name: "empty_table_name",
        files: &[("schema/app.yaml", b"tables:\n  \"\":\n    columns:\n      id: int\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "table name `` is empty",
            "schema/app.yaml:2:3",
        ],
    },
    Refused {
        name: "table_name_of_64_bytes",
        files: &[("schema/app.yaml", b"tables:\n  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:\n    columns:\n      id: int\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "table name `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa` is 64 bytes; PostgreSQL keeps 63 and would make it `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`",
            "schema/app.yaml:2:3",
        ],
    },
    // PostgreSQL cuts at a character boundary: 62 bytes, not 63.
    Refused {
        name: "column_name_of_64_bytes_in_two_byte_characters",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      \"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\": int\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "column name `éééééééééééééééééééééééééééééééé` is 64 bytes; PostgreSQL keeps 63 and would make it `ééééééééééééééééééééééééééééééé`",
            "schema/app.yaml:4:7",
        ],
    },
    Refused {
        name: "column_name_with_a_newline",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      \"a\\nb\": int\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "column name `a\\nb` holds the control character U+000A",
            "schema/app.yaml:4:7",
        ],
    },
    Refused {
        name: "derived_constraint_name_over_63_bytes",
        files: &[("schema/app.yaml", b"tables:\n  tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt:\n    columns:\n      id: int primary key\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "the constraint name dbtool makes here, `tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt_pkey`, is 65 bytes; PostgreSQL would cut it to `tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt_pk`",
            "schema/app.yaml:4:7",
        ],
    },
    Refused {
        name: "index_name_of_120_bytes",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int\n    indexes:\n      \"tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt\": id\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "index name `tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt` is 120 bytes",
            "schema/app.yaml:6:7",
        ],
    },
    Refused {
        name: "index_name_with_a_newline",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int\n    indexes:\n      \"i\\nx\": id\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "index name `i\\nx` holds the control character U+000A",
            "schema/app.yaml:6:7",
        ],
    },
    Refused {
        name: "enum_name_with_a_newline",
        files: &[("schema/app.yaml", b"enums:\n  \"e\\nf\": [a]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "enum name `e\\nf` holds the control character U+000A",
            "schema/app.yaml:2:3",
        ],
    },
    Refused {
        name: "enum_label_of_64_bytes",
        files: &[("schema/app.yaml", b"enums:\n  e: [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "enum label name `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` is 64 bytes",
            "schema/app.yaml:2:7",
        ],
    },
    Refused {
        name: "empty_enum_label",
        files: &[("schema/app.yaml", b"enums:\n  e: [\"\"]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "enum label name `` is empty",
            "schema/app.yaml:2:7",
        ],
    },
    Refused {
        name: "enum_label_with_a_nul",
        files: &[("schema/app.yaml", b"enums:\n  e: [\"a\\0b\"]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "enum label name `a\\0b` holds the control character U+0000",
            "schema/app.yaml:2:7",
        ],
    },
    Refused {
        name: "duplicate_enum_label",
        files: &[("schema/app.yaml", b"enums:\n  e: [a, a]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "value of enum `e` `a` is declared twice",
            "schema/app.yaml:2:10",
        ],
    },
    Refused {
        name: "view_name_with_a_nul",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int\nviews:\n  \"v\\0\":\n    sql: SELECT id FROM t\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "view name `v\\0` holds the control character U+0000",
            "schema/app.yaml:6:3",
        ],
    },
];

/// SQL fragments that try to leave their place in the DDL (close a parenthesis, end the
/// statement, start another column), and references that cannot be resolved.
const FRAGMENTS: &[Refused<'static>] = &[
    Refused {
        name: "check_closing_its_parenthesis",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: int\n        check: \"b > 0); DROP TABLE t; --\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "invalid SQL expression (postgres): this `)` closes nothing the text opened",
            "schema/app.yaml:7:22",
        ],
    },
    Refused {
        name: "check_reopening_a_parenthesis",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: int\n        check: \"b > 0) OR (1=1\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "this `)` closes nothing the text opened",
            "schema/app.yaml:7:22",
        ],
    },
    Refused {
        name: "check_starting_another_constraint",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: int\n        check: \"b > 0, CONSTRAINT x CHECK (true\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "a `,` outside parentheses would start another column or constraint",
            "schema/app.yaml:7:22",
        ],
    },
    Refused {
        name: "check_with_an_open_block_comment",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: int\n        check: \"b > 0 /* x\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "Unexpected EOF while in a multi-line comment",
            "schema/app.yaml:7:27",
        ],
    },
    // PostgreSQL nests block comments, SQLite does not: `OR true` would be code on one engine.
    Refused {
        name: "check_with_a_nested_comment_engines_read_differently",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: int\n        check: \"b > 0 /* /* */ OR true\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "Unexpected EOF while in a multi-line comment",
            "schema/app.yaml:7:39",
        ],
    },
    Refused {
        name: "generated_closing_its_parenthesis",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: int\n        generated: \"1); DROP TABLE t; --\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "invalid SQL in `generated` (postgres): this `)` closes nothing the text opened",
            "schema/app.yaml:7:22",
        ],
    },
    Refused {
        name: "postgres_default_ending_the_statement",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: int\n        default: { postgres: \"1; DROP TABLE t\", sqlite: \"1\" }\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "invalid SQL in a per-dialect default (postgres): a `;` would end the statement dbtool writes this into",
            "schema/app.yaml:7:32",
        ],
    },
    Refused {
        name: "sqlite_default_adding_a_column",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: int\n        default: { postgres: \"1\", sqlite: \"1) , x INT DEFAULT (2\" }\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "invalid SQL in a per-dialect default (sqlite): this `)` closes nothing the text opened",
            "schema/app.yaml:7:45",
        ],
    },
    Refused {
        name: "postgres_type_closing_the_table",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: { postgres: \"int); DROP TABLE t; --\", sqlite: INTEGER }\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "invalid SQL in a per-dialect type (postgres): this `)` closes nothing the text opened",
            "schema/app.yaml:6:31",
        ],
    },
    Refused {
        name: "postgres_type_adding_a_column",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: { postgres: \"int, evil int\", sqlite: INTEGER }\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "invalid SQL in a per-dialect type (postgres): a `,` outside parentheses would start another column or constraint",
            "schema/app.yaml:6:31",
        ],
    },
    Refused {
        name: "sqlite_type_closing_the_table",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: { postgres: int, sqlite: \"INTEGER); DROP TABLE t; --\" }\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "invalid SQL in a per-dialect type (sqlite): this `)` closes nothing the text opened",
            "schema/app.yaml:6:48",
        ],
    },
    Refused {
        name: "index_expression_closing_its_parenthesis",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      a: text\n    indexes:\n      i1:\n        columns: [{ expr: \"lower(a)); DROP TABLE t; --\" }]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "invalid SQL expression (postgres): this `)` closes nothing the text opened",
            "schema/app.yaml:8:36",
        ],
    },
    Refused {
        name: "index_where_ending_the_statement",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      a: text\n    indexes:\n      i1:\n        columns: [a]\n        where: \"a IS NULL; DROP TABLE t\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "a `;` would end the statement dbtool writes this into",
            "schema/app.yaml:9:26",
        ],
    },
    Refused {
        name: "index_column_ending_the_statement",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      a: text\n    indexes:\n      i1: \"a desc; DROP TABLE t\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "unexpected `desc;` after index column `a`",
            "schema/app.yaml:7:14",
        ],
    },
    Refused {
        name: "view_body_ending_the_statement",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      a: text\nviews:\n  v:\n    sql: \"SELECT id FROM t; DROP TABLE t\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "invalid SQL in view body (postgres): a `;` would end the statement dbtool writes this into",
            "schema/app.yaml:8:27",
        ],
    },
    Refused {
        name: "postgres_view_body_ending_the_statement",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      a: text\nviews:\n  v:\n    sql: { postgres: \"SELECT id FROM t; DROP TABLE t\", sqlite: \"SELECT id FROM t\" }\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "invalid SQL in view body (postgres): a `;` would end the statement dbtool writes this into",
            "schema/app.yaml:8:39",
        ],
    },
    Refused {
        name: "string_default_followed_by_sql",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      a: text default 'a'); DROP TABLE t; --'\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "unexpected text after a quoted default",
            "schema/app.yaml:4:23",
        ],
    },
    Refused {
        name: "unterminated_string_default",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      name: text default 'abc\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "unterminated string default",
            "schema/app.yaml:4:26",
        ],
    },
    Refused {
        name: "enum_default_outside_its_values",
        files: &[("schema/app.yaml", b"enums:\n  e: [a, b]\ntables:\n  t:\n    columns:\n      s:\n        type: e\n        default: \"'zzz'\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "default `'zzz'` is not a value of enum `e`",
            "schema/app.yaml:8:18",
        ],
    },
    Refused {
        name: "enum_default_followed_by_sql",
        files: &[("schema/app.yaml", b"enums:\n  e: [a, b]\ntables:\n  t:\n    columns:\n      s:\n        type: e\n        default: \"'a'); DROP TYPE e; --'\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "unexpected text after a quoted default",
            "schema/app.yaml:8:19",
        ],
    },
    Refused {
        name: "views_reading_each_other",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\nviews:\n  a:\n    sql: SELECT id FROM b\n  b:\n    sql: SELECT id FROM a\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "view `a` reads itself (a → b → a)",
            "schema/app.yaml:6:3",
            "view `b` reads itself (b → a → b)",
            "schema/app.yaml:8:3",
        ],
    },
    Refused {
        name: "view_reading_itself",
        files: &[("schema/app.yaml", b"views:\n  a:\n    sql: SELECT 1 AS x FROM a\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "view `a` reads itself (a → a)",
            "schema/app.yaml:2:3",
        ],
    },
];

/// dbtool.toml: TOML syntax, and values that end up in the generated Cargo.toml and Rust.
const CONFIGS: &[Refused<'static>] = &[
    Refused {
        name: "package_with_a_quote",
        files: &[("dbtool.toml", b"dialects = [\"postgres\", \"sqlite\"]\n\n[generate]\npackage = \"app\"x\"\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &["dbtool.toml:4:16"],
    },
    Refused {
        name: "package_with_a_newline",
        files: &[("dbtool.toml", b"dialects = [\"postgres\", \"sqlite\"]\n\n[generate]\npackage = \"a\\nb\"\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &[
            "`a\\nb` is not a Cargo package name",
            "dbtool.toml:4:11",
        ],
    },
    Refused {
        name: "package_with_a_closing_bracket",
        files: &[("dbtool.toml", b"dialects = [\"postgres\", \"sqlite\"]\n\n[generate]\npackage = \"a]b\"\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &[
            "`a]b` is not a Cargo package name",
            "dbtool.toml:4:11",
        ],
    },
    Refused {
        name: "package_with_an_opening_bracket",
        files: &[("dbtool.toml", b"dialects = [\"postgres\", \"sqlite\"]\n\n[generate]\npackage = \"a[b\"\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &[
            "`a[b` is not a Cargo package name",
            "dbtool.toml:4:11",
        ],
    },
    Refused {
        name: "package_with_a_toml_table",
        files: &[("dbtool.toml", b"dialects = [\"postgres\", \"sqlite\"]\n\n[generate]\npackage = \"x\\\"\\n[patch.crates-io]\\nserde = { path = \\\"/tmp\\\" }\\n#\"\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &[
            "is not a Cargo package name",
            "dbtool.toml:4:11",
        ],
    },
    Refused {
        name: "empty_package",
        files: &[("dbtool.toml", b"dialects = [\"postgres\", \"sqlite\"]\n\n[generate]\npackage = \"\"\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &[
            "`` is not a Cargo package name: it is empty",
            "dbtool.toml:4:11",
        ],
    },
    Refused {
        name: "package_starting_with_a_dash",
        files: &[("dbtool.toml", b"dialects = [\"postgres\", \"sqlite\"]\n\n[generate]\npackage = \"-a\"\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &[
            "`-a` is not a Cargo package name: it must start with an ASCII letter",
            "dbtool.toml:4:11",
        ],
    },
    Refused {
        name: "rust_code_as_a_type",
        files: &[("dbtool.toml", b"dialects = [\"postgres\", \"sqlite\"]\n\n[generate.types]\ntext = \"String; fn evil() {}\"\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &[
            "`String; fn evil() {}` is not a Rust type path",
            "dbtool.toml:4:8",
        ],
    },
    Refused {
        name: "rust_code_as_a_column_type",
        files: &[("dbtool.toml", b"dialects = [\"postgres\", \"sqlite\"]\n\n[generate.columns]\n\"users.email\" = \"a::B } fn x() {\"\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &[
            "`a::B } fn x() {` is not a Rust type path",
            "dbtool.toml:4:17",
        ],
    },
    Refused {
        name: "copy_as_a_string",
        files: &[("dbtool.toml", b"dialects = [\"postgres\", \"sqlite\"]\n\n[generate.columns]\n\"users.email\" = { type = \"a::B\", copy = \"yes\" }\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &[
            "`copy` of the override of `users.email` must be true or false",
            "dbtool.toml:4:17",
        ],
    },
    Refused {
        name: "time_crate_with_a_quote",
        files: &[("dbtool.toml", b"dialects = [\"postgres\", \"sqlite\"]\n\n[generate]\ntime = \"chrono\\\"x\"\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &[
            "is not a time crate dbtool generates for",
            "dbtool.toml:4:8",
        ],
    },
    Refused {
        name: "dependency_replacing_a_generated_one",
        files: &[("dbtool.toml", b"dialects = [\"postgres\", \"sqlite\"]\n\n[generate.dependencies]\nrusqlite = { path = \"../x\" }\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &[
            "the generated crate already depends on `rusqlite`",
            "dbtool.toml:4:1",
        ],
    },
    Refused {
        name: "unknown_dialect",
        files: &[("dbtool.toml", b"dialects = [\"oracle\"]\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &[
            "unknown dialect `oracle`",
            "dbtool.toml:1:13",
        ],
    },
    Refused {
        name: "duplicate_config_key",
        files: &[("dbtool.toml", b"dialects = [\"sqlite\"]\ndialects = [\"sqlite\"]\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &[
            "duplicate key",
            "dbtool.toml:2:1",
        ],
    },
    Refused {
        name: "misspelt_config_key",
        files: &[("dbtool.toml", b"dialect = [\"sqlite\"]\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &[
            "unknown field `dialect`",
            "dbtool.toml:1:1",
        ],
    },
];

/// Query files: annotations, names that become Rust, SQL the parser cannot finish.
const QUERIES_REFUSED: &[Refused<'static>] = &[
    Refused {
        name: "snake_case_query_name",
        files: &[("queries/app.sql", b"-- name: get_user :one\nSELECT id FROM users WHERE id = @id;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "`get_user` is not a query name",
            "queries/app.sql:1:10",
        ],
    },
    Refused {
        name: "query_without_a_kind",
        files: &[("queries/app.sql", b"-- name: GetUser\nSELECT id FROM users WHERE id = @id;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "query `GetUser` says nothing about what it returns",
            "queries/app.sql:1:10",
        ],
    },
    Refused {
        name: "kind_as_the_name",
        files: &[("queries/app.sql", b"-- name: :one\nSELECT id FROM users;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "`:one` is not a query name",
            "queries/app.sql:1:10",
        ],
    },
    Refused {
        name: "empty_query_name",
        files: &[("queries/app.sql", b"-- name:\nSELECT id FROM users;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "`` is not a query name",
            "queries/app.sql:1:1",
        ],
    },
    Refused {
        name: "query_name_of_41_characters",
        files: &[("queries/app.sql", b"-- name: Abbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb :one\nSELECT id FROM users;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "is 41 characters long; the generated code supports up to 40",
            "queries/app.sql:1:10",
        ],
    },
    Refused {
        name: "annotation_without_sql",
        files: &[("queries/app.sql", b"-- name: GetUser :one\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "query `GetUser` has no SQL",
            "queries/app.sql:1:10",
        ],
    },
    Refused {
        name: "query_defined_twice",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id FROM users;\n-- name: GetUser :one\nSELECT id FROM users;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "query `GetUser` is defined twice",
            "queries/app.sql:3:10",
        ],
    },
    Refused {
        name: "names_equal_but_for_case",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id FROM users;\n-- name: GetUSER :one\nSELECT id FROM users;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "`GetUser` and `GetUSER` would both become the Rust function `get_user`",
            "queries/app.sql:3:10",
        ],
    },
    Refused {
        name: "exec_returning_rows",
        files: &[("queries/app.sql", b"-- name: GetUser :exec\nSELECT id FROM users;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "query `GetUser` is :exec but returns rows",
            "queries/app.sql:1:10",
        ],
    },
    Refused {
        name: "one_returning_nothing",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nDELETE FROM users;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "query `GetUser` is :one but returns no rows",
            "queries/app.sql:1:10",
        ],
    },
    Refused {
        name: "unterminated_string_literal",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id FROM users WHERE email = 'abc;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "Unterminated string literal",
            "queries/app.sql:2:36",
        ],
    },
    Refused {
        name: "second_statement_after_the_semicolon",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id FROM users WHERE id = @id; DELETE FROM users;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "query `GetUser` has a second statement after its `;`",
            "queries/app.sql:2:38",
        ],
    },
    Refused {
        name: "nul_byte_in_a_query",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id FROM users WHERE id = @id\0;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "syntax error",
            "queries/app.sql:2:36",
        ],
    },
    Refused {
        name: "unterminated_block_comment",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id FROM users /* never closed;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "Unexpected EOF while in a multi-line comment",
            "queries/app.sql:2:38",
        ],
    },
    Refused {
        name: "unterminated_dollar_quote",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id FROM users WHERE email = $$abc;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "Unterminated dollar-quoted string",
            "queries/app.sql:2:42",
        ],
    },
    Refused {
        name: "unterminated_quoted_identifier",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT \"id FROM users;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "Expected close delimiter '\"' before EOF",
            "queries/app.sql:2:8",
        ],
    },
    Refused {
        name: "quoted_parameter_name",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id FROM users WHERE id = @\"x\";\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "`@x` is not a parameter dbtool wrote",
            "queries/app.sql:2:33",
        ],
    },
    Refused {
        name: "non_ascii_parameter_name",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id FROM users WHERE id = @\xc3\xa9;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "`@é` is not a parameter dbtool wrote",
            "queries/app.sql:2:33",
        ],
    },
    Refused {
        name: "parameter_name_starting_with_a_digit",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id FROM users WHERE id = sqlc.arg(1x);\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "`1x` is not a parameter name",
            "queries/app.sql:2:33",
        ],
    },
    Refused {
        name: "parameter_name_with_a_space",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id FROM users WHERE id = sqlc.arg('a b');\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "`a b` is not a parameter name",
            "queries/app.sql:2:33",
        ],
    },
    Refused {
        name: "numbered_and_named_parameters_mixed",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id FROM users WHERE id = $1 AND email = @email;\n")],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "this query mixes `$N` with named parameters",
            "queries/app.sql:2:33",
        ],
    },
];

/// Misnamed scripts under migrations/sqlite/: named, never skipped, before any database is
/// opened.
const MIGRATION_FILES: &[Refused<'static>] = &[
    Refused {
        name: "V2__x.SQL",
        files: &[("migrations/sqlite/V2__x.SQL", b"SELECT 1;\n")],
        setup: &[&["diff", "init"]],
        runs: MIGRATION_RUNS,
        says: &["migrations/sqlite/V2__x.SQL: not a migration script"],
    },
    Refused {
        name: "V99999999999__big.sql",
        files: &[("migrations/sqlite/V99999999999__big.sql", b"SELECT 1;\n")],
        setup: &[&["diff", "init"]],
        runs: MIGRATION_RUNS,
        says: &["migrations/sqlite/V99999999999__big.sql: version 99999999999 is larger than 2147483647"],
    },
    Refused {
        name: "V4294967297__wraps_to_one.sql",
        files: &[("migrations/sqlite/V4294967297__wraps_to_one.sql", b"SELECT 1;\n")],
        setup: &[&["diff", "init"]],
        runs: MIGRATION_RUNS,
        says: &["migrations/sqlite/V4294967297__wraps_to_one.sql: version 4294967297 is larger than 2147483647"],
    },
    Refused {
        name: "V3__bad-name.sql",
        files: &[("migrations/sqlite/V3__bad-name.sql", b"SELECT 1;\n")],
        setup: &[&["diff", "init"]],
        runs: MIGRATION_RUNS,
        says: &["migrations/sqlite/V3__bad-name.sql: migration name `bad-name` must be letters, digits and `_` only"],
    },
    Refused {
        name: "v2__lower_case_v.sql",
        files: &[("migrations/sqlite/v2__lower_case_v.sql", b"SELECT 1;\n")],
        setup: &[&["diff", "init"]],
        runs: MIGRATION_RUNS,
        says: &["migrations/sqlite/v2__lower_case_v.sql: not loaded"],
    },
    Refused {
        name: "V2_one_underscore.sql",
        files: &[("migrations/sqlite/V2_one_underscore.sql", b"SELECT 1;\n")],
        setup: &[&["diff", "init"]],
        runs: MIGRATION_RUNS,
        says: &["migrations/sqlite/V2_one_underscore.sql: not loaded"],
    },
    Refused {
        name: "V2__.sql",
        files: &[("migrations/sqlite/V2__.sql", b"SELECT 1;\n")],
        setup: &[&["diff", "init"]],
        runs: MIGRATION_RUNS,
        says: &["migrations/sqlite/V2__.sql: migration name `` must be letters, digits and `_` only"],
    },
    Refused {
        name: "V0__zero.sql",
        files: &[("migrations/sqlite/V0__zero.sql", b"SELECT 1;\n")],
        setup: &[&["diff", "init"]],
        runs: MIGRATION_RUNS,
        says: &["migrations/sqlite/V0__zero.sql: version 0 means \"nothing applied\"; versions start at 1"],
    },
    Refused {
        name: "V-1__negative.sql",
        files: &[("migrations/sqlite/V-1__negative.sql", b"SELECT 1;\n")],
        setup: &[&["diff", "init"]],
        runs: MIGRATION_RUNS,
        says: &["migrations/sqlite/V-1__negative.sql: not loaded"],
    },
    Refused {
        name: "V2__é.sql",
        files: &[("migrations/sqlite/V2__é.sql", b"SELECT 1;\n")],
        setup: &[&["diff", "init"]],
        runs: MIGRATION_RUNS,
        says: &["migrations/sqlite/V2__é.sql: migration name `é` must be letters, digits and `_` only"],
    },
    Refused {
        name: "V2__x.sql.bak",
        files: &[("migrations/sqlite/V2__x.sql.bak", b"SELECT 1;\n")],
        setup: &[&["diff", "init"]],
        runs: MIGRATION_RUNS,
        says: &["migrations/sqlite/V2__x.sql.bak: not a migration script"],
    },
    Refused {
        name: "down_script_without_its_up_script",
        files: &[("migrations/sqlite/V2__x.down.sql", b"SELECT 1;\n")],
        setup: &[&["diff", "init"]],
        runs: &[
            run(&["migrate", "--database-url", "{db}"], 2),
            run(&["check"], 1),
        ],
        says: &["migrations/sqlite/V2__x.down.sql is not recorded in dbtool.sum"],
    },
];

/// `dbtool diff NAME` with a name that is not a refinery migration name (or would leave
/// migrations/): refused before anything is written.
const DIFF_NAMES: &[Refused<'static>] = &[
    Refused {
        name: "../evil",
        files: &[],
        setup: &[],
        runs: &[run(&["diff", "../evil"], 2)],
        says: &["migration name `../evil` must be letters, digits and `_` only"],
    },
    Refused {
        name: "a b",
        files: &[],
        setup: &[],
        runs: &[run(&["diff", "a b"], 2)],
        says: &["migration name `a b` must be letters, digits and `_` only"],
    },
    Refused {
        name: "a-b",
        files: &[],
        setup: &[],
        runs: &[run(&["diff", "a-b"], 2)],
        says: &["migration name `a-b` must be letters, digits and `_` only"],
    },
    Refused {
        name: "x;rm -rf",
        files: &[],
        setup: &[],
        runs: &[run(&["diff", "x;rm -rf"], 2)],
        says: &["migration name `x;rm -rf` must be letters, digits and `_` only"],
    },
    Refused {
        name: "",
        files: &[],
        setup: &[],
        runs: &[run(&["diff", ""], 2)],
        says: &["migration name `` must be letters, digits and `_` only"],
    },
    Refused {
        name: "é",
        files: &[],
        setup: &[],
        runs: &[run(&["diff", "é"], 2)],
        says: &["migration name `é` must be letters, digits and `_` only"],
    },
    Refused {
        name: ".hidden",
        files: &[],
        setup: &[],
        runs: &[run(&["diff", ".hidden"], 2)],
        says: &["migration name `.hidden` must be letters, digits and `_` only"],
    },
    Refused {
        name: "a/b",
        files: &[],
        setup: &[],
        runs: &[run(&["diff", "a/b"], 2)],
        says: &["migration name `a/b` must be letters, digits and `_` only"],
    },
];

/// Odd but valid input: byte-order marks, CR-LF, empty files, SQL that looks like it ends
/// early, Rust keywords where the generated code needs names, a foreign-key cycle.
const ACCEPTED: &[Accepted<'static>] = &[
    Accepted {
        name: "bom_in_a_schema_file",
        files: &[("schema/app.yaml", b"\xef\xbb\xbftables:\n  users:\n    columns:\n      id: bigint primary key identity\n      email: text not null\n")],
        says: &["CREATE TABLE users ("],
    },
    Accepted {
        name: "bom_in_dbtool_toml",
        files: &[("dbtool.toml", b"\xef\xbb\xbfdialects = [\"postgres\", \"sqlite\"]\n\n[generate]\npackage = \"hostile\"\n")],
        says: &["CREATE TABLE users ("],
    },
    Accepted {
        name: "bom_in_a_query_file",
        files: &[("queries/app.sql", b"\xef\xbb\xbf-- name: GetUser :one\nSELECT id, email FROM users WHERE id = @id;\n")],
        says: &["CREATE TABLE users ("],
    },
    Accepted {
        name: "crlf_line_ends",
        files: &[
            ("schema/app.yaml", b"tables:\r\n  users:\r\n    columns:\r\n      id: bigint primary key identity\r\n      email: text not null\r\n"),
            ("queries/app.sql", b"-- name: GetUser :one\r\nSELECT id, email FROM users WHERE id = @id;\r\n"),
        ],
        says: &["CREATE TABLE users ("],
    },
    Accepted {
        name: "empty_extra_schema_file",
        files: &[("schema/empty.yaml", b"")],
        says: &["CREATE TABLE users ("],
    },
    Accepted {
        name: "comment_only_schema_file",
        files: &[("schema/notes.yaml", b"# nothing here yet\n")],
        says: &["CREATE TABLE users ("],
    },
    Accepted {
        name: "whitespace_only_schema_file",
        files: &[("schema/blank.yaml", b"  \n\n   \n")],
        says: &["CREATE TABLE users ("],
    },
    Accepted {
        name: "semicolons_and_dashes_inside_strings_and_comments",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id -- ; not the end\nFROM users /* ; */ WHERE email = ';--' AND id = @id;\n")],
        says: &["CREATE TABLE users ("],
    },
    Accepted {
        name: "rust_keywords_as_parameter_names",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id FROM users WHERE id = @self AND email = @type AND id <> @crate AND id <> @_;\n")],
        says: &["CREATE TABLE users ("],
    },
    Accepted {
        name: "rust_keywords_as_column_names",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id AS \"type\", email AS \"self\", id AS \"1x\" FROM users;\n")],
        says: &["CREATE TABLE users ("],
    },
    Accepted {
        name: "raw_string_terminator_in_sql",
        files: &[("queries/app.sql", b"-- name: GetUser :one\nSELECT id FROM users WHERE email = '\"#); fn evil() {} //' AND id = @id;\n")],
        says: &["CREATE TABLE users ("],
    },
    Accepted {
        name: "rust_keywords_as_query_names",
        files: &[("queries/app.sql", b"-- name: Self :one\nSELECT id FROM users;\n-- name: Type :one\nSELECT id FROM users;\n-- name: Crate :one\nSELECT id FROM users;\n")],
        says: &["CREATE TABLE users ("],
    },
    Accepted {
        name: "foreign_keys_in_a_cycle",
        files: &[("schema/app.yaml", b"tables:\n  users:\n    columns:\n      id: bigint primary key identity\n      email: text not null\n      team_id: bigint references teams.id\n  teams:\n    columns:\n      id: bigint primary key identity\n      owner_id: bigint references users.id\n")],
        says: &[
            "FOREIGN KEY (team_id) REFERENCES teams (id)",
            "FOREIGN KEY (owner_id) REFERENCES users (id)",
        ],
    },
];

fn write(root: &Path, path: &str, bytes: &[u8]) {
    let path = root.join(path);
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).expect("create the file's folder");
    }
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

/// The starting project, with `setup` run on it and then `files` written over it.
fn project(files: &[File], setup: &[&[&str]]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("create a temporary project");
    let start: [File; 3] = [
        ("dbtool.toml", CONFIG),
        ("schema/app.yaml", SCHEMA),
        ("queries/app.sql", QUERIES),
    ];
    for (path, bytes) in start {
        write(dir.path(), path, bytes);
    }
    for args in setup {
        let (code, out) = dbtool(dir.path(), args);
        assert_eq!(code, Some(0), "setup `dbtool {}`:\n{out}", args.join(" "));
    }
    for (path, bytes) in files {
        write(dir.path(), path, bytes);
    }
    dir
}

/// Every file under `root` with its bytes: a refused command must leave this unchanged.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("list a project folder") {
            let path = entry.expect("read a folder entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("read a project file");
                let relative = path.strip_prefix(root).expect("a path inside the project");
                files.insert(relative.to_path_buf(), bytes);
            }
        }
    }
    files
}

/// The paths that appeared, disappeared or changed between two snapshots.
fn changed(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
) -> BTreeSet<PathBuf> {
    before
        .keys()
        .chain(after.keys())
        .filter(|path| before.get(*path) != after.get(*path))
        .cloned()
        .collect()
}

/// How dbtool crashed instead of reporting, if it did: killed by a signal (an abort, a stack
/// overflow) or a panic message.
fn crash(code: Option<i32>, out: &str) -> Option<String> {
    if code.is_none() {
        return Some("killed by a signal".to_string());
    }
    ["panicked", "RUST_BACKTRACE", "stack overflow"]
        .iter()
        .find(|marker| out.contains(**marker))
        .map(|marker| format!("printed `{marker}`"))
}

/// `args` with `{db}` replaced by the URL of a SQLite file inside the project.
fn expand(args: &[&str], root: &Path) -> Vec<String> {
    let url = format!("sqlite://{}", root.join("hostile.db").display());
    args.iter().map(|arg| arg.replace("{db}", &url)).collect()
}

/// Whether `out` contains `fragment`, where a fragment ending in a digit (a line or column)
/// must not be followed by another: `app.yaml:4:1` is not found in `app.yaml:4:10`.
fn mentions(out: &str, fragment: &str) -> bool {
    let ends_in_digit = fragment.ends_with(|c: char| c.is_ascii_digit());
    out.match_indices(fragment).any(|(at, _)| {
        !ends_in_digit || !out[at + fragment.len()..].starts_with(|c: char| c.is_ascii_digit())
    })
}

/// What is wrong with the way dbtool refuses `case`; empty when it is refused as it must be.
fn problems_with(case: &Refused) -> Vec<String> {
    let dir = project(case.files, case.setup);
    let root = dir.path();
    let before = snapshot(root);
    let mut problems = Vec::new();
    for run in case.runs {
        let args = expand(run.args, root);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out) = dbtool(root, &args);
        let what = format!("{}: `dbtool {}`", case.name, args.join(" "));
        if let Some(crash) = crash(code, &out) {
            problems.push(format!("{what} crashed ({crash}):\n{out}"));
        }
        if code != Some(run.code) {
            problems.push(format!("{what} exited {code:?}, not {}:\n{out}", run.code));
        }
        for fragment in case.says {
            if !mentions(&out, fragment) {
                problems.push(format!("{what} does not say `{fragment}`:\n{out}"));
            }
        }
        let changed = changed(&before, &snapshot(root));
        if !changed.is_empty() {
            problems.push(format!("{what} changed files while refusing: {changed:?}"));
        }
    }
    problems
}

/// Runs every case and reports every problem at once, so one failure hides no other.
fn assert_refused(cases: &[Refused]) {
    let problems: Vec<String> = cases.iter().flat_map(problems_with).collect();
    assert!(
        problems.is_empty(),
        "{} problem(s):\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

/// What is wrong with the way dbtool accepts `case`; empty when it is accepted as it must be.
fn problems_with_accepted(case: &Accepted) -> Vec<String> {
    let dir = project(case.files, &[]);
    let mut problems = Vec::new();
    let runs: [&[&str]; 3] = [
        &["render", "--dialect", "sqlite"],
        &["render", "--dialect", "postgres"],
        &["generate"],
    ];
    for (index, args) in runs.into_iter().enumerate() {
        let (code, out) = dbtool(dir.path(), args);
        let what = format!("{}: `dbtool {}`", case.name, args.join(" "));
        if let Some(crash) = crash(code, &out) {
            problems.push(format!("{what} crashed ({crash}):\n{out}"));
        }
        if code != Some(0) {
            problems.push(format!("{what} exited {code:?}, not 0:\n{out}"));
        }
        // The first run prints the SQLite DDL.
        if index == 0 {
            for fragment in case.says {
                if !out.contains(fragment) {
                    problems.push(format!("{what} does not say `{fragment}`:\n{out}"));
                }
            }
        }
    }
    problems
}

#[test]
fn malformed_yaml_is_refused_where_the_parser_stopped() {
    assert_refused(YAML_SYNTAX);
}

#[test]
fn values_of_the_wrong_shape_are_refused_at_the_value() {
    assert_refused(WRONG_TYPES);
}

#[test]
fn identifiers_sql_cannot_hold_as_written_are_refused_at_the_name() {
    assert_refused(IDENTIFIERS);
}

#[test]
fn sql_fragments_cannot_leave_their_place_in_the_ddl() {
    assert_refused(FRAGMENTS);
}

#[test]
fn hostile_config_values_are_refused_at_their_place_in_dbtool_toml() {
    assert_refused(CONFIGS);
}

#[test]
fn hostile_query_files_are_refused_at_their_place() {
    assert_refused(QUERIES_REFUSED);
}

#[test]
fn misnamed_migration_scripts_are_named_before_any_database_is_touched() {
    assert_refused(MIGRATION_FILES);
}

#[test]
fn diff_refuses_names_that_are_not_migration_names() {
    assert_refused(DIFF_NAMES);
}

#[test]
fn odd_but_valid_input_is_accepted() {
    let problems: Vec<String> = ACCEPTED.iter().flat_map(problems_with_accepted).collect();
    assert!(
        problems.is_empty(),
        "{} problem(s):\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

/// The flow parser stops at 256 levels; 5,000 must end there, not on the stack's limit.
#[test]
fn deep_flow_nesting_is_refused_at_the_parser_limit() {
    let sequences = format!("tables: {}{}\n", "[".repeat(5000), "]".repeat(5000));
    let mappings = format!("tables: {}1{}\n", "{a: ".repeat(5000), "}".repeat(5000));
    let toml = format!("dialects = {}{}\n", "[".repeat(5000), "]".repeat(5000));
    assert_refused(&[
        Refused {
            name: "5,000 nested flow sequences",
            files: &[("schema/app.yaml", sequences.as_bytes())],
            setup: &[],
            runs: SCHEMA_RUNS,
            says: &[
                "invalid YAML: recursion limit exceeded",
                "schema/app.yaml:1:264",
            ],
        },
        Refused {
            name: "5,000 nested flow mappings",
            files: &[("schema/app.yaml", mappings.as_bytes())],
            setup: &[],
            runs: SCHEMA_RUNS,
            says: &[
                "invalid YAML: recursion limit exceeded",
                "schema/app.yaml:1:1029",
            ],
        },
        Refused {
            name: "5,000 nested TOML arrays",
            files: &[("dbtool.toml", toml.as_bytes())],
            setup: &[],
            runs: CONFIG_RUNS,
            says: &["max recursion depth met", "dbtool.toml:1:92"],
        },
    ]);
}

// Was a defect: yaml-rust2 parses block collections recursively without a depth limit: 5,000 nested
// `- ` (a 10 kB file) overflow the stack and dbtool aborts (SIGABRT, "has overflowed its
// stack") from every command. The place of the refusal depends on the fix (a depth limit
// like the flow parser's, or a parse on a larger stack that then finds the top level is not a
// mapping), so only its line is asserted.
#[test]
fn deep_block_nesting_is_refused_without_overflowing_the_stack() {
    let sequences = format!("{}x\n", "- ".repeat(5000));
    assert_refused(&[Refused {
        name: "5,000 nested block sequences",
        files: &[("schema/app.yaml", sequences.as_bytes())],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &["schema/app.yaml:1:"],
    }]);
}

/// Anchors are refused outright, so an exponential alias expansion is never built.
// Was a defect: the place printed is the node after the anchor (1:7), not the anchor `&a` (1:4).
#[test]
fn billion_laughs_is_refused_at_once_at_the_anchor() {
    let mut yaml = String::from(
        "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    for (level, below) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        let aliases = vec![format!("*{below}"); 9].join(", ");
        yaml.push_str(&format!("{level}: &{level} [{aliases}]\n"));
    }
    let started = Instant::now();
    assert_refused(&[Refused {
        name: "billion laughs",
        files: &[("schema/app.yaml", yaml.as_bytes())],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "YAML anchors and tags are not supported in schema files",
            "schema/app.yaml:1:4",
        ],
    }]);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "refusing took {:?}",
        started.elapsed()
    );
}

// Was a defect: each of these is refused, but at the wrong place.
const MISPLACED_YAML_ERRORS: &[Refused<'static>] = &[
    // The tab is at 2:1; the error pointed at `users` after it (2:2).
    Refused {
        name: "tab_indentation",
        files: &[("schema/app.yaml", b"tables:\n\tusers: {}\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "a tab in the indentation",
            "YAML indents with spaces only",
            "schema/app.yaml:2:1",
        ],
    },
    // YAML reads a lone CR as a line break, the printed place did not (1:42).
    Refused {
        name: "lone_cr_line_ends",
        files: &[(
            "schema/app.yaml",
            b"tables:\r  t:\r    columns:\r      a: strng\r",
        )],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "unknown type `strng` for column `a`",
            "schema/app.yaml:4:10",
        ],
    },
    // An anchor on a block mapping: it was reported at the end of the next line (3:12).
    Refused {
        name: "anchor_on_a_table",
        files: &[(
            "schema/app.yaml",
            b"tables:\n  t: &t\n    columns:\n      a: text\n  u: *t\n",
        )],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "YAML anchors and tags are not supported in schema files",
            "schema/app.yaml:2:6",
        ],
    },
    // A tag: it was reported at the value after it (4:16).
    Refused {
        name: "tag_on_a_column",
        files: &[(
            "schema/app.yaml",
            b"tables:\n  t:\n    columns:\n      a: !!str text\n",
        )],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &[
            "YAML anchors and tags are not supported in schema files",
            "schema/app.yaml:4:10",
        ],
    },
];

#[test]
fn yaml_errors_point_at_the_offending_character() {
    assert_refused(MISPLACED_YAML_ERRORS);
}

// Was a defect: a second YAML document in a schema file is silently ignored: table `u` is neither
// created nor reported. It must be refused at its `---`.
#[test]
fn a_second_yaml_document_is_refused_not_ignored() {
    assert_refused(&[Refused {
        name: "two documents",
        files: &[(
            "schema/app.yaml",
            b"tables:\n  t:\n    columns:\n      a: text\n---\ntables:\n  u:\n    columns:\n      b: int\n",
        )],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &["schema/app.yaml:5:1"],
    }]);
}

// Was a defect: bytes that are not UTF-8 are reported as "cannot read /tmp/…/FILE: stream did not contain
// valid UTF-8" with the absolute path, no line or column, and a misleading hint ("check that it
// exists and is readable"). The place is the first bad byte.
const NOT_UTF8: &[Refused<'static>] = &[
    Refused {
        name: "schema",
        files: &[(
            "schema/app.yaml",
            b"tables:\n  t:\n    columns:\n      a: te\xffxt\n",
        )],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &["valid UTF-8", "schema/app.yaml:4:12"],
    },
    Refused {
        name: "config",
        files: &[("dbtool.toml", b"dialects = [\"sq\xfflite\"]\n")],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &["valid UTF-8", "dbtool.toml:1:16"],
    },
    Refused {
        name: "queries",
        files: &[(
            "queries/app.sql",
            b"-- name: GetUser :one\nSELECT id FROM users WHERE email = \xff@id;\n",
        )],
        setup: &[],
        runs: &[run(&["generate"], 2)],
        says: &["valid UTF-8", "queries/app.sql:2:36"],
    },
];

#[test]
fn bytes_that_are_not_utf8_are_located() {
    assert_refused(NOT_UTF8);
}

// Was a defect: the short form of an index column reads two words and ignores the rest (`nulls last`
// is dropped from the index, `DROP TABLE t` is accepted), and an unexpected word is located by
// searching the lower-cased word in the text: an upper-case word, or one that also occurs
// inside the column's name, is pointed at the wrong place.
const INDEX_COLUMN_WORDS: &[Refused<'static>] = &[
    Refused {
        name: "nulls_last_after_desc",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      a: text\n    indexes:\n      i1: \"a desc nulls last\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &["unexpected `nulls`", "schema/app.yaml:7:19"],
    },
    Refused {
        name: "sql_after_asc",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      a: text\n    indexes:\n      i1: \"a asc DROP TABLE t\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &["unexpected `DROP`", "schema/app.yaml:7:18"],
    },
    // It was reported at 7:12 (the column), and the word printed lower-cased.
    Refused {
        name: "upper_case_word",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      a: text\n    indexes:\n      i1: \"a B\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &["unexpected `B` after index column `a`", "schema/app.yaml:7:14"],
    },
    // It was reported at 6:13, the `b` inside `ab`.
    Refused {
        name: "word_inside_the_column_name",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      ab: text\n    indexes:\n      i1: \"ab b\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &["unexpected `b` after index column `ab`", "schema/app.yaml:6:15"],
    },
    // It was reported at 8:20 (the column `a);`), and the word printed lower-cased.
    Refused {
        name: "statement_after_a_parenthesis",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      a: text\n    indexes:\n      i1:\n        columns: [\"a); DROP TABLE t; --\"]\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &["unexpected `DROP`", "schema/app.yaml:8:24"],
    },
];

#[test]
fn every_word_of_an_index_column_is_read_and_located() {
    assert_refused(INDEX_COLUMN_WORDS);
}

// Was a defect: these annotation and parameter errors all point at the query's name (1:10) although
// the word they are about has a place of its own.
const MISPLACED_QUERY_ERRORS: &[Refused<'static>] = &[
    Refused {
        name: "unknown_kind",
        files: &[(
            "queries/app.sql",
            b"-- name: GetUser :two\nSELECT id FROM users WHERE id = @id;\n",
        )],
        setup: &[],
        runs: QUERY_RUNS,
        says: &["`:two` is not a query kind", "queries/app.sql:1:18"],
    },
    Refused {
        name: "upper_case_kind",
        files: &[(
            "queries/app.sql",
            b"-- name: GetUser :ONE\nSELECT id FROM users WHERE id = @id;\n",
        )],
        setup: &[],
        runs: QUERY_RUNS,
        says: &["`:ONE` is not a query kind", "queries/app.sql:1:18"],
    },
    Refused {
        name: "second_kind",
        files: &[(
            "queries/app.sql",
            b"-- name: GetUser :one :many\nSELECT id FROM users WHERE id = @id;\n",
        )],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "unexpected `:many` after the query kind",
            "queries/app.sql:1:23",
        ],
    },
    Refused {
        name: "parameter_named_like_the_connection",
        files: &[(
            "queries/app.sql",
            b"-- name: GetUser :one\nSELECT id FROM users WHERE id = @conn;\n",
        )],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "parameter `conn` of `GetUser`: the generated function uses the name `conn` itself",
            "queries/app.sql:2:33",
        ],
    },
    Refused {
        name: "parameters_equal_but_for_case",
        files: &[(
            "queries/app.sql",
            b"-- name: GetUser :one\nSELECT id FROM users WHERE id = @a AND id = @A;\n",
        )],
        setup: &[],
        runs: QUERY_RUNS,
        says: &[
            "parameter `A` of `GetUser`: two parameters become the Rust name `a`",
            "queries/app.sql:2:45",
        ],
    },
];

#[test]
fn query_errors_point_at_the_word_they_are_about() {
    assert_refused(MISPLACED_QUERY_ERRORS);
}

// Was a defect: a NUL in a comment, a default or a check is accepted and written into the DDL;
// PostgreSQL cannot take it ("error encoding message to server" from `dbtool migrate`), so
// the migration fails on the server. Names with a NUL are refused; these must be too, at the
// NUL.
const NUL_IN_TEXT: &[Refused<'static>] = &[
    Refused {
        name: "comment",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    comment: \"a\\0b\"\n    columns:\n      a: int\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &["U+0000", "schema/app.yaml:3:16"],
    },
    Refused {
        name: "default",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: text\n        default: \"'a\\0b'\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &["U+0000", "schema/app.yaml:7:21"],
    },
    Refused {
        name: "check",
        files: &[("schema/app.yaml", b"tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: int\n        check: \"b > 0 OR '\\0' = ''\"\n")],
        setup: &[],
        runs: SCHEMA_RUNS,
        says: &["U+0000", "schema/app.yaml:7:27"],
    },
];

#[test]
fn a_nul_in_text_written_into_sql_is_refused() {
    assert_refused(NUL_IN_TEXT);
}

// Was a defect: a key of [generate.dependencies] is written verbatim into generated/Cargo.toml, so a
// quoted key adds tables of its own (here `[patch.crates-io]`). It must be refused like
// `[generate] package`, as not a Cargo package name.
#[test]
fn dependency_names_cannot_inject_toml_into_the_generated_manifest() {
    assert_refused(&[Refused {
        name: "dependency key with a table",
        files: &[(
            "dbtool.toml",
            b"dialects = [\"postgres\", \"sqlite\"]\n\n[generate.dependencies]\n\"x = \\\"1\\\"\\n[patch.crates-io]\\nserde = { path = \\\"/tmp\\\" }\\n#\" = \"1\"\n",
        )],
        setup: &[],
        runs: CONFIG_RUNS,
        says: &["is not a Cargo package name", "dbtool.toml:4:1"],
    }]);
}

// Was a defect: a name too long for a file name (refinery's name plus `V1__` and `.down.sql` over 255
// bytes) fails with "File name too long" after dbtool.sum, migrations/schema/ and a journal
// were written; every later command (check, diff, even `migration discard`) then fails on the
// journal. It must be refused up front.
#[test]
fn a_migration_name_too_long_for_a_file_is_refused_before_anything_is_written() {
    let name = "a".repeat(250);
    let diff: [&str; 2] = ["diff", &name];
    let new: [&str; 3] = ["migration", "new", &name];
    assert_refused(&[Refused {
        name: "250-byte migration name",
        files: &[],
        setup: &[],
        runs: &[run(&diff, 2), run(&new, 2)],
        says: &["migration name `aaaa"],
    }]);
}

// Was a defect: a duplicate version is named with the absolute path of the folder and the files
// relative to different places ("defined twice in /tmp/…/migrations/sqlite: sqlite/V1__dup.sql
// and V1__init.sql"); every other migration message names `migrations/sqlite/FILE`.
#[test]
fn a_duplicate_version_names_both_files_from_the_project_root() {
    assert_refused(&[Refused {
        name: "V1__dup.sql",
        files: &[("migrations/sqlite/V1__dup.sql", b"SELECT 1;\n")],
        setup: &[&["diff", "init"]],
        runs: MIGRATION_RUNS,
        says: &[
            "version 1 is defined twice",
            "migrations/sqlite/V1__dup.sql",
            "migrations/sqlite/V1__init.sql",
        ],
    }]);
}

const WEIRD: &str = "we\"ird; DROP TABLE authors; --";
const LABELS: [&str; 6] = [
    "it's",
    "a\"b",
    "x'); DROP TABLE authors; --",
    "ü",
    "back\\slash",
    "$$",
];

/// Quotes, semicolons, comment markers, dollar quotes, backslashes, reserved words, spaces and
/// non-ASCII text in every place that reaches SQL: names of tables, columns, constraints,
/// indexes, views and full-text tables; comments, defaults (portable and per dialect), checks,
/// index expressions and predicates, enum labels and view bodies. `authors` and `teams`
/// reference each other (a foreign-key cycle).
const HOSTILE_SCHEMA: &str = r#"enums:
  mood:
    values: ["it's", "a\"b", "x'); DROP TABLE authors; --", "ü", "back\\slash", "$$"]
    comment: "enum'); DROP TYPE mood; --"
tables:
  authors:
    columns:
      id: bigint primary key identity
      "order": text
      team_id: bigint references teams.id
      ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc: int
  teams:
    columns:
      id: bigint primary key identity
      owner_id: bigint references authors.id
  "we\"ird; DROP TABLE authors; --":
    comment: "Tags\nDROP TABLE authors;\n-- */ $$ 'x"
    columns:
      "id col": bigint primary key identity
      "sel\"ect": text unique
      select: int
      "表 ü": text default 'it''s; DROP TABLE authors; --'
      "author id": bigint references authors.id on delete cascade
      mood:
        type: mood
        default: "'x''); DROP TABLE authors; --'"
        comment: "c'); DROP TABLE authors; --"
      score:
        type: int
        default: { postgres: "length('a'';DROP TABLE authors;--')", sqlite: "(length('bb'';DROP TABLE authors;--'))" }
        check: "score >= 0 OR '); DROP TABLE authors; --' <> ''"
    indexes:
      "ix; DROP INDEX x":
        columns: [{ expr: "lower(\"表 ü\" || ';')" }]
        where: "\"表 ü\" <> '); DROP TABLE authors; --'"
views:
  "v; DROP VIEW authors":
    comment: "view'); DROP VIEW x; --"
    sql: SELECT id, 'a;b' AS "semi;colon" FROM authors WHERE "order" <> '--'
full_text_search:
  "f\"ts":
    table: "we\"ird; DROP TABLE authors; --"
    columns: ["表 ü", "sel\"ect"]
"#;

/// A name as SQL writes it: in double quotes, each inner one doubled.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Renders the project in `dir` for `dialect` through a file, so that nothing dbtool prints
/// on its standard error can end up in the DDL.
fn rendered(dir: &Path, dialect: &str) -> String {
    let (code, out) = dbtool(dir, &["render", "--dialect", dialect, "-o", "rendered.sql"]);
    assert_eq!(code, Some(0), "render --dialect {dialect}:\n{out}");
    std::fs::read_to_string(dir.join("rendered.sql")).expect("read the rendered DDL")
}

fn hostile_project() -> tempfile::TempDir {
    project(&[("schema/app.yaml", HOSTILE_SCHEMA.as_bytes())], &[])
}

fn sorted(mut items: Vec<(String, String)>) -> Vec<(String, String)> {
    items.sort();
    items
}

fn pairs(items: &[(&str, String)]) -> Vec<(String, String)> {
    sorted(
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.clone()))
            .collect(),
    )
}

fn sqlite_strings(db: &rusqlite::Connection, sql: &str, parameter: &str) -> Vec<String> {
    db.prepare(sql)
        .expect("prepare a catalog query")
        .query_map([parameter], |row| row.get(0))
        .expect("run a catalog query")
        .collect::<Result<_, _>>()
        .expect("read a catalog query")
}

#[test]
fn hostile_text_builds_exactly_the_declared_sqlite_schema() {
    let dir = hostile_project();
    let ddl = rendered(dir.path(), "sqlite");
    let db = rusqlite::Connection::open_in_memory().expect("open sqlite");
    db.execute_batch(&ddl)
        .unwrap_or_else(|e| panic!("the rendered DDL applies: {e}\n{ddl}"));

    let objects: Vec<(String, String)> = db
        .prepare("SELECT type, name FROM sqlite_master")
        .expect("prepare")
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("list objects")
        .collect::<Result<_, _>>()
        .expect("objects");
    // Nothing dropped and nothing extra: the FTS5 table brings its shadow tables and triggers,
    // the unique constraint its automatic index.
    let expected = pairs(&[
        ("index", "ix; DROP INDEX x".to_string()),
        ("index", format!("sqlite_autoindex_{WEIRD}_1")),
        ("table", "authors".to_string()),
        ("table", "teams".to_string()),
        ("table", WEIRD.to_string()),
        ("table", "f\"ts".to_string()),
        ("table", "f\"ts_config".to_string()),
        ("table", "f\"ts_data".to_string()),
        ("table", "f\"ts_docsize".to_string()),
        ("table", "f\"ts_idx".to_string()),
        ("trigger", "f\"ts_after_delete".to_string()),
        ("trigger", "f\"ts_after_insert".to_string()),
        ("trigger", "f\"ts_after_update".to_string()),
        ("view", "v; DROP VIEW authors".to_string()),
    ]);
    assert_eq!(sorted(objects), expected);

    let columns_of = "SELECT name FROM pragma_table_info(?1)";
    assert_eq!(
        sqlite_strings(&db, columns_of, WEIRD),
        [
            "id col",
            "sel\"ect",
            "select",
            "表 ü",
            "author id",
            "mood",
            "score"
        ]
    );
    let long_name = "c".repeat(63);
    assert_eq!(
        sqlite_strings(&db, columns_of, "authors"),
        ["id", "order", "team_id", long_name.as_str()]
    );

    // The defaults are the declared strings, byte for byte, and the trigger feeds FTS5.
    let weird = quoted(WEIRD);
    db.execute_batch(&format!(
        "INSERT INTO authors (\"order\") VALUES ('o'); INSERT INTO {weird} (\"author id\") VALUES (1);"
    ))
    .expect("insert rows");
    let row: (String, String, i64) = db
        .query_row(
            &format!("SELECT \"表 ü\", mood, score FROM {weird}"),
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .expect("read the defaults");
    assert_eq!(
        row,
        (
            "it's; DROP TABLE authors; --".to_string(),
            "x'); DROP TABLE authors; --".to_string(),
            "bb';DROP TABLE authors;--".len() as i64
        )
    );
    let matches: i64 = db
        .query_row(
            "SELECT count(*) FROM \"f\"\"ts\" WHERE \"f\"\"ts\" MATCH 'drop'",
            [],
            |row| row.get(0),
        )
        .expect("search the FTS5 table");
    assert_eq!(matches, 1);
    let view: (i64, String) = db
        .query_row("SELECT * FROM \"v; DROP VIEW authors\"", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .expect("read the view");
    assert_eq!(view, (1, "a;b".to_string()));

    // Each label passes the enum's CHECK, and nothing else does.
    for label in LABELS {
        db.execute(&format!("UPDATE {weird} SET mood = ?1"), [label])
            .unwrap_or_else(|e| panic!("label {label:?} is accepted: {e}"));
    }
    assert!(db
        .execute(&format!("UPDATE {weird} SET mood = 'its'"), [])
        .is_err());
}

#[test]
fn hostile_text_builds_exactly_the_declared_postgres_schema() {
    let dir = hostile_project();
    let ddl = rendered(dir.path(), "postgres");
    let Some(mut db) = common::pg_database("hostile_text") else {
        return;
    };
    db.client
        .batch_execute(&ddl)
        .unwrap_or_else(|e| panic!("the rendered DDL applies: {e}\n{ddl}"));

    let relations: Vec<(String, String)> = db
        .client
        .query(
            "SELECT c.relkind::text, c.relname::text FROM pg_class c \
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'",
            &[],
        )
        .expect("list relations")
        .iter()
        .map(|row| (row.get(0), row.get(1)))
        .collect();
    // Nothing dropped and nothing extra: identity columns bring their sequences, keys and
    // unique constraints their indexes.
    let expected = pairs(&[
        ("S", "authors_id_seq".to_string()),
        ("S", "teams_id_seq".to_string()),
        ("S", format!("{WEIRD}_id col_seq")),
        ("i", "authors_pkey".to_string()),
        ("i", "teams_pkey".to_string()),
        ("i", format!("{WEIRD}_pkey")),
        ("i", format!("{WEIRD}_sel\"ect_key")),
        ("i", "ix; DROP INDEX x".to_string()),
        ("i", "f\"ts".to_string()),
        ("r", "authors".to_string()),
        ("r", "teams".to_string()),
        ("r", WEIRD.to_string()),
        ("v", "v; DROP VIEW authors".to_string()),
    ]);
    assert_eq!(sorted(relations), expected);

    let mut constraints: Vec<String> = db
        .client
        .query(
            "SELECT c.conname::text FROM pg_constraint c \
             JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'",
            &[],
        )
        .expect("list constraints")
        .iter()
        .map(|row| row.get(0))
        .collect();
    constraints.sort();
    let mut expected = vec![
        "authors_pkey".to_string(),
        "authors_team_id_fkey".to_string(),
        "teams_owner_id_fkey".to_string(),
        "teams_pkey".to_string(),
        format!("{WEIRD}_author id_fkey"),
        format!("{WEIRD}_pkey"),
        format!("{WEIRD}_score_check"),
        format!("{WEIRD}_sel\"ect_key"),
    ];
    expected.sort();
    assert_eq!(constraints, expected);

    let columns_of = "SELECT column_name::text FROM information_schema.columns \
                      WHERE table_schema = 'public' AND table_name::text = $1 \
                      ORDER BY ordinal_position";
    let columns = |client: &mut postgres::Client, table: &str| -> Vec<String> {
        client
            .query(columns_of, &[&table])
            .expect("list columns")
            .iter()
            .map(|row| row.get(0))
            .collect()
    };
    assert_eq!(
        columns(&mut db.client, WEIRD),
        [
            "id col",
            "sel\"ect",
            "select",
            "表 ü",
            "author id",
            "mood",
            "score"
        ]
    );
    let long_name = "c".repeat(63);
    assert_eq!(
        columns(&mut db.client, "authors"),
        ["id", "order", "team_id", long_name.as_str()]
    );

    let labels: Vec<String> = db
        .client
        .query(
            "SELECT e.enumlabel::text FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid \
             WHERE t.typname = 'mood' ORDER BY e.enumsortorder",
            &[],
        )
        .expect("list labels")
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(labels, LABELS);
    let enums: Vec<String> = db
        .client
        .query(
            "SELECT t.typname::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace \
             WHERE n.nspname = 'public' AND t.typtype = 'e'",
            &[],
        )
        .expect("list enums")
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(enums, ["mood"]);

    // Comments are stored as declared.
    let relation_comment = "SELECT obj_description(c.oid, 'pg_class') FROM pg_class c \
                            JOIN pg_namespace n ON n.oid = c.relnamespace \
                            WHERE n.nspname = 'public' AND c.relname::text = $1";
    let comment_of = |client: &mut postgres::Client, name: &str| -> Option<String> {
        client
            .query_one(relation_comment, &[&name])
            .expect("read a comment")
            .get(0)
    };
    assert_eq!(
        comment_of(&mut db.client, WEIRD).as_deref(),
        Some("Tags\nDROP TABLE authors;\n-- */ $$ 'x")
    );
    assert_eq!(
        comment_of(&mut db.client, "v; DROP VIEW authors").as_deref(),
        Some("view'); DROP VIEW x; --")
    );
    let column_comment: Option<String> = db
        .client
        .query_one(
            "SELECT col_description(c.oid, a.attnum) FROM pg_attribute a \
             JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = 'public' AND c.relname::text = $1 AND a.attname::text = 'mood'",
            &[&WEIRD],
        )
        .expect("read the column comment")
        .get(0);
    assert_eq!(
        column_comment.as_deref(),
        Some("c'); DROP TABLE authors; --")
    );
    let enum_comment: Option<String> = db
        .client
        .query_one(
            "SELECT obj_description(t.oid, 'pg_type') FROM pg_type t WHERE t.typname = 'mood'",
            &[],
        )
        .expect("read the enum comment")
        .get(0);
    assert_eq!(enum_comment.as_deref(), Some("enum'); DROP TYPE mood; --"));

    // The defaults are the declared strings, byte for byte; the view reads its literal.
    let weird = quoted(WEIRD);
    db.client
        .batch_execute(&format!(
            "INSERT INTO authors (\"order\") VALUES ('o'); INSERT INTO {weird} (\"author id\") VALUES (1);"
        ))
        .expect("insert rows");
    let select = format!("SELECT \"表 ü\", mood::text, score FROM {weird}");
    let row = db
        .client
        .query_one(select.as_str(), &[])
        .expect("read the defaults");
    let defaults: (String, String, i32) = (row.get(0), row.get(1), row.get(2));
    assert_eq!(
        defaults,
        (
            "it's; DROP TABLE authors; --".to_string(),
            "x'); DROP TABLE authors; --".to_string(),
            "a';DROP TABLE authors;--".len() as i32
        )
    );
    let view = db
        .client
        .query_one("SELECT * FROM \"v; DROP VIEW authors\"", &[])
        .expect("read the view");
    assert_eq!(
        (view.get::<_, i64>(0), view.get::<_, String>(1)),
        (1, "a;b".to_string())
    );
}

// Was a defect: render tidies its output line by line (trailing spaces off, at most one blank line,
// CR-LF to LF), inside string literals too: a comment or default spanning lines reaches the
// database changed ("a   \n\n\nb" is stored as "a\n\nb"), so what the engines hold differs
// from the schema.
const MULTI_LINE_LITERALS: &str = r#"tables:
  notes:
    comment: "three spaces   \n\n\nthree line breaks above, a CR-LF next\r\nend"
    columns:
      id: bigint primary key identity
      body:
        type: text
        default: "'two spaces  \n\n\nand three line breaks'"
"#;

#[test]
fn multi_line_literals_reach_the_engines_byte_for_byte() {
    let dir = project(&[("schema/app.yaml", MULTI_LINE_LITERALS.as_bytes())], &[]);
    let body = "two spaces  \n\n\nand three line breaks";

    let sqlite = rusqlite::Connection::open_in_memory().expect("open sqlite");
    sqlite
        .execute_batch(&rendered(dir.path(), "sqlite"))
        .expect("the rendered DDL applies");
    sqlite
        .execute_batch("INSERT INTO notes DEFAULT VALUES")
        .expect("insert a row");
    let stored: String = sqlite
        .query_row("SELECT body FROM notes", [], |row| row.get(0))
        .expect("read the default");
    assert_eq!(stored, body, "the SQLite default");

    let ddl = rendered(dir.path(), "postgres");
    let Some(mut db) = common::pg_database("hostile_literals") else {
        return;
    };
    db.client
        .batch_execute(&ddl)
        .expect("the rendered DDL applies");
    db.client
        .batch_execute("INSERT INTO notes DEFAULT VALUES")
        .expect("insert a row");
    let row = db
        .client
        .query_one(
            "SELECT body, obj_description('notes'::regclass, 'pg_class') FROM notes",
            &[],
        )
        .expect("read the default and the comment");
    let (stored, comment): (String, Option<String>) = (row.get(0), row.get(1));
    assert_eq!(stored, body, "the PostgreSQL default");
    assert_eq!(
        comment.as_deref(),
        Some("three spaces   \n\n\nthree line breaks above, a CR-LF next\r\nend"),
        "the PostgreSQL comment"
    );
}

// Was a defect: a per-dialect SQLite default is written without parentheses (`DEFAULT datetime('now')`,
// `DEFAULT 1 + 1`); SQLite accepts only a literal there, so the rendered DDL and every
// migration that creates such a table fail with a syntax error.
#[test]
fn per_dialect_sqlite_defaults_render_as_ddl_sqlite_accepts() {
    let yaml = b"tables:\n  t:\n    columns:\n      id: int primary key\n      at:\n        type: text\n        default: { postgres: \"now()::text\", sqlite: \"datetime('now')\" }\n      two:\n        type: int\n        default: { postgres: \"1 + 1\", sqlite: \"1 + 1\" }\n";
    let dir = project(&[("schema/app.yaml", yaml)], &[]);
    let ddl = rendered(dir.path(), "sqlite");
    let db = rusqlite::Connection::open_in_memory().expect("open sqlite");
    db.execute_batch(&ddl)
        .unwrap_or_else(|e| panic!("SQLite accepts the DDL: {e}\n{ddl}"));
    db.execute_batch("INSERT INTO t (id) VALUES (1)")
        .expect("insert a row");
    let (at, two): (Option<String>, i64) = db
        .query_row("SELECT at, two FROM t", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .expect("read the defaults");
    assert!(at.is_some(), "datetime('now') filled `at`");
    assert_eq!(two, 2);
}

/// Fragments ending in a `--` comment: the comment runs to the end of the line dbtool writes
/// it on. Each (schema, the comment's `path:line:col`).
const TRAILING_LINE_COMMENTS: [(&str, &str); 4] = [
    (
        "tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: int\n        check: \"b > 0 -- positive\"\n",
        "schema/app.yaml:7:23",
    ),
    (
        "tables:\n  t:\n    columns:\n      id: int primary key\n      b:\n        type: int\n        default: { postgres: \"1 -- one\", sqlite: \"1\" }\n",
        "schema/app.yaml:7:33",
    ),
    (
        "tables:\n  t:\n    columns:\n      id: int primary key\n      a: text\n    indexes:\n      i1:\n        columns: [a]\n        where: \"a IS NULL -- none\"\n      i2: id\n",
        "schema/app.yaml:9:27",
    ),
    (
        "tables:\n  t:\n    columns:\n      id: int primary key\n      a: text\nviews:\n  v:\n    sql: \"SELECT id FROM t -- all\"\n  w:\n    sql: SELECT id FROM v\n",
        "schema/app.yaml:8:28",
    ),
];

// Was a defect: a fragment ending in a `--` comment is accepted, and the comment swallows what dbtool
// writes after it on the same line: `CHECK (b > 0 -- positive)` loses its `)`, a default its
// `,`, an index or view its `;` (the next statement then joins it). The DDL fails on both
// engines. Either refusing the comment at its place or ending the fragment's line is right;
// what is wrong is DDL that does not run.
#[test]
fn a_trailing_line_comment_cannot_swallow_what_dbtool_writes_after_a_fragment() {
    let mut pg = common::pg_database("hostile_comments");
    let mut problems = Vec::new();
    for (yaml, location) in TRAILING_LINE_COMMENTS {
        let dir = project(&[("schema/app.yaml", yaml.as_bytes())], &[]);
        for dialect in ["sqlite", "postgres"] {
            let (code, out) = dbtool(
                dir.path(),
                &["render", "--dialect", dialect, "-o", "out.sql"],
            );
            if let Some(crash) = crash(code, &out) {
                problems.push(format!("{location} ({dialect}) crashed ({crash}):\n{out}"));
            }
            if code == Some(2) {
                // Refused: at the comment, writing nothing.
                if !mentions(&out, location) || dir.path().join("out.sql").exists() {
                    problems.push(format!("{location} ({dialect}) refused elsewhere:\n{out}"));
                }
                continue;
            }
            let ddl = std::fs::read_to_string(dir.path().join("out.sql")).expect("read the DDL");
            let applied = match dialect {
                "sqlite" => rusqlite::Connection::open_in_memory()
                    .expect("open sqlite")
                    .execute_batch(&ddl)
                    .map_err(|e| e.to_string()),
                _ => match pg.as_mut() {
                    // Each DDL in a transaction rolled back: one database serves every case.
                    Some(db) => {
                        let mut transaction = db.client.transaction().expect("begin");
                        let result = transaction.batch_execute(&ddl).map_err(|e| e.to_string());
                        transaction.rollback().expect("roll back");
                        result
                    }
                    None => Ok(()),
                },
            };
            if let Err(error) = applied {
                problems.push(format!(
                    "{location}: {dialect} rejects the DDL dbtool accepted: {error}\n{ddl}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// Whether `text` holds a carriage return that is not part of a CR-LF: Rust refuses one in
/// a doc comment or a raw string ("bare CR not allowed").
fn has_bare_cr(text: &[u8]) -> bool {
    text.iter()
        .enumerate()
        .any(|(at, byte)| *byte == b'\r' && text.get(at + 1) != Some(&b'\n'))
}

// Was a defect: a lone CR in a schema comment, in a query's doc comment or inside a query's string
// literal is copied into generated/ (`/// …`, `r#"…"#`), and the generated crate does not
// compile ("bare CR not allowed in doc-comment", "… in raw string").
#[test]
fn a_lone_carriage_return_never_reaches_the_generated_rust() {
    let dir = project(
        &[
            (
                "schema/app.yaml",
                b"tables:\n  users:\n    comment: \"people\\rwho sign in\"\n    columns:\n      id: bigint primary key identity\n      email: text not null\n",
            ),
            (
                "queries/app.sql",
                b"-- The user\rwith this id.\n-- name: GetUser :one\nSELECT id, email FROM users WHERE id = @id AND email <> 'a\rb';\n",
            ),
        ],
        &[],
    );
    let (code, out) = dbtool(dir.path(), &["generate"]);
    assert_eq!(code, Some(0), "{out}");
    let with_bare_cr: Vec<PathBuf> = snapshot(&dir.path().join("generated"))
        .into_iter()
        .filter(|(_, bytes)| has_bare_cr(bytes))
        .map(|(path, _)| path)
        .collect();
    assert!(with_bare_cr.is_empty(), "bare CR in {with_bare_cr:?}");
}

// Was a defect: dbtool.sum lists schema snapshots one per line in sha256sum's format without its
// escaping, so `diff` writes a dbtool.sum that its own `check` then rejects ("migrations/schema/a
// is missing", "…a\nb.yaml is not part of the snapshot") when a schema file's name holds a line
// break. Refusing such a name before writing, or escaping it, is right; a project that `diff`
// leaves failing `check` is not.
#[test]
fn a_schema_file_name_with_a_line_break_keeps_dbtool_sum_readable() {
    let dir = project(
        &[(
            "schema/a\nb.yaml",
            b"tables:\n  teams:\n    columns:\n      id: bigint primary key identity\n",
        )],
        &[],
    );
    let before = snapshot(dir.path());
    let (code, out) = dbtool(dir.path(), &["diff", "init"]);
    assert!(crash(code, &out).is_none(), "{out}");
    if code == Some(0) {
        // `check` also wants generated/ current.
        let (code, out) = dbtool(dir.path(), &["generate"]);
        assert_eq!(code, Some(0), "generate after diff:\n{out}");
        let (code, out) = dbtool(dir.path(), &["check"]);
        assert_eq!(code, Some(0), "check after diff and generate:\n{out}");
    } else {
        assert_eq!(code, Some(2), "{out}");
        assert!(out.contains("schema/a"), "the file is named: {out}");
        assert!(
            changed(&before, &snapshot(dir.path())).is_empty(),
            "nothing was written"
        );
    }
}
