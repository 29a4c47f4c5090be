//! The analyzer on a small schema: typing and nullability of every construct it supports, and
//! the exact message and position of each error a user can make.

use super::*;
use crate::diagnostic::SourceFile;
use crate::schema::{Dialect, Schema};

const SCHEMA: &str = r#"
enums:
  role:
    values: [user, admin]
tables:
  users:
    columns:
      id: bigint identity primary key
      email: text not null unique
      name: text
      role: role not null default 'user'
      created_at: timestamptz not null default now()
  posts:
    columns:
      id: bigint identity primary key
      author_id: bigint not null references users.id
      title: varchar(200) not null
      body: text
      score: int not null default 0
      rating: double
      price: numeric(10,2)
      meta: jsonb
  comments:
    columns:
      id: uuid primary key default uuid()
      post_id: bigint not null references posts.id
      text: text not null
      createdAt: text
views:
  post_titles:
    sql: |
      SELECT p.id, p.title, u.name AS author
      FROM posts p JOIN users u ON u.id = p.author_id
"#;

fn schema() -> Schema {
    let file = SourceFile {
        path: "schema/test.yaml".into(),
        text: SCHEMA.into(),
    };
    match crate::schema::load(&[file], &Dialect::ALL) {
        Ok(schema) => schema,
        Err(errors) => panic!("{errors:?}"),
    }
}

fn run(kind: &str, sql: &str) -> Result<Analysis, crate::diagnostic::Diagnostic> {
    let file = SourceFile {
        path: "queries/test.sql".into(),
        text: format!("-- name: Q {kind}\n{sql}\n"),
    };
    let queries = parse_file(&file).expect("query file parses");
    let schema = schema();
    let analyzer = Analyzer::new(&schema, Dialect::Postgres);
    analyze_query(&queries[0], &analyzer).map_err(|mut errors| errors.remove(0))
}

fn analyze(sql: &str) -> Analysis {
    run(":many", sql).unwrap_or_else(|e| panic!("{e}"))
}

/// `name type` or `name type?` (nullable) per result column.
fn columns(sql: &str) -> Vec<String> {
    analyze(sql)
        .columns
        .iter()
        .map(|c| format!("{} {}{}", c.name, c.ty, if c.nullable { "?" } else { "" }))
        .collect()
}

fn params(sql: &str) -> Vec<String> {
    analyze(sql)
        .params
        .iter()
        .map(|p| format!("{} {}{}", p.name, p.ty, if p.nullable { "?" } else { "" }))
        .collect()
}

fn fails(kind: &str, sql: &str) -> String {
    match run(kind, sql) {
        Ok(a) => panic!("expected an error, got {a:?}"),
        Err(e) => match &e.help {
            Some(help) => format!("{}\nhelp: {help}", e.headline()),
            None => e.headline(),
        },
    }
}

// ---- typing and nullability -------------------------------------------------------------

#[test]
fn columns_follow_the_schema() {
    assert_eq!(
        columns("SELECT id, email, name, role, created_at FROM users"),
        [
            "id bigint",
            "email text",
            "name text?",
            "role role",
            "created_at timestamptz"
        ]
    );
}

#[test]
fn inner_join_keeps_both_sides_non_null() {
    assert_eq!(
        columns("SELECT u.email, p.title FROM users u JOIN posts p ON p.author_id = u.id"),
        ["email text", "title text"]
    );
}

#[test]
fn left_join_makes_the_right_side_nullable() {
    assert_eq!(
        columns("SELECT u.email, p.title FROM users u LEFT JOIN posts p ON p.author_id = u.id"),
        ["email text", "title text?"]
    );
}

#[test]
fn right_join_makes_the_left_side_nullable() {
    assert_eq!(
        columns("SELECT u.email, p.title FROM users u RIGHT JOIN posts p ON p.author_id = u.id"),
        ["email text?", "title text"]
    );
}

#[test]
fn full_join_makes_both_sides_nullable() {
    assert_eq!(
        columns("SELECT u.email, p.title FROM users u FULL JOIN posts p ON p.author_id = u.id"),
        ["email text?", "title text?"]
    );
}

#[test]
fn an_inner_join_after_a_left_join_does_not_restore_the_left_joined_side() {
    assert_eq!(
        columns(
            "SELECT u.email, p.title, c.text FROM users u \
             LEFT JOIN posts p ON p.author_id = u.id \
             JOIN comments c ON c.post_id = p.id"
        ),
        ["email text", "title text?", "text text"]
    );
}

#[test]
fn a_parenthesised_join_on_the_optional_side_is_all_nullable() {
    assert_eq!(
        columns(
            "SELECT u.email, p.title, c.text FROM users u \
             LEFT JOIN (posts p JOIN comments c ON c.post_id = p.id) ON p.author_id = u.id"
        ),
        ["email text", "title text?", "text text?"]
    );
}

#[test]
fn count_is_a_non_null_bigint() {
    assert_eq!(
        columns("SELECT count(*) AS n, count(name) AS named FROM users"),
        ["n bigint", "named bigint"]
    );
}

#[test]
fn sums_widen_as_postgresql_does_and_are_nullable() {
    assert_eq!(
        columns("SELECT sum(score) AS s, sum(author_id) AS a, sum(rating) AS r, sum(price) AS p FROM posts"),
        ["s bigint?", "a numeric?", "r double?", "p numeric?"]
    );
}

#[test]
fn averages_are_numeric_for_integers_and_double_for_floats() {
    assert_eq!(
        columns("SELECT avg(score) AS a, avg(rating) AS r FROM posts"),
        ["a numeric?", "r double?"]
    );
}

#[test]
fn min_and_max_keep_the_type_and_are_nullable() {
    assert_eq!(
        columns("SELECT min(created_at) AS first, max(email) AS last FROM users"),
        ["first timestamptz?", "last text?"]
    );
}

#[test]
fn coalesce_with_a_non_null_argument_is_non_null() {
    assert_eq!(
        columns("SELECT coalesce(name, email) AS shown, coalesce(name, NULL) AS maybe FROM users"),
        ["shown text", "maybe text?"]
    );
}

#[test]
fn coalesce_of_an_aggregate_and_a_literal_is_non_null() {
    assert_eq!(
        columns("SELECT coalesce(sum(score), 0) AS total FROM posts"),
        ["total bigint"]
    );
}

#[test]
fn case_is_nullable_without_else_or_with_a_nullable_branch() {
    assert_eq!(
        columns(
            "SELECT CASE WHEN score > 10 THEN 'hot' ELSE 'cold' END AS heat, \
             CASE WHEN score > 10 THEN 'hot' END AS maybe, \
             CASE score WHEN 0 THEN body ELSE title END AS text FROM posts"
        ),
        ["heat text", "maybe text?", "text text?"]
    );
}

#[test]
fn ctes_carry_nullability_through() {
    assert_eq!(
        columns(
            "WITH latest AS (SELECT u.id, p.title FROM users u LEFT JOIN posts p ON p.author_id = u.id) \
             SELECT id, title FROM latest"
        ),
        ["id bigint", "title text?"]
    );
}

#[test]
fn subqueries_in_from_carry_nullability_through() {
    assert_eq!(
        columns(
            "SELECT t.author_id, t.total FROM \
             (SELECT author_id, sum(score) AS total FROM posts GROUP BY author_id) AS t"
        ),
        ["author_id bigint", "total bigint?"]
    );
}

#[test]
fn scalar_subqueries_are_nullable() {
    assert_eq!(
        columns("SELECT u.id, (SELECT max(p.score) FROM posts p WHERE p.author_id = u.id) AS best FROM users u"),
        ["id bigint", "best int?"]
    );
}

#[test]
fn exists_and_is_null_are_non_null_booleans() {
    assert_eq!(
        columns(
            "SELECT EXISTS (SELECT 1 FROM posts p WHERE p.author_id = u.id) AS has_posts, \
             u.name IS NULL AS anonymous FROM users u"
        ),
        ["has_posts bool", "anonymous bool"]
    );
}

#[test]
fn insert_returning_follows_the_table_and_types_the_values() {
    let a = analyze(
        "INSERT INTO posts (author_id, title, body) VALUES (@author_id, @title, @body) \
         RETURNING id, title, body",
    );
    let params: Vec<String> = a
        .params
        .iter()
        .map(|p| format!("{} {}{}", p.name, p.ty, if p.nullable { "?" } else { "" }))
        .collect();
    assert_eq!(params, ["author_id bigint", "title text", "body text?"]);
    let cols: Vec<String> = a
        .columns
        .iter()
        .map(|c| format!("{} {}{}", c.name, c.ty, if c.nullable { "?" } else { "" }))
        .collect();
    assert_eq!(cols, ["id bigint", "title text", "body text?"]);
}

#[test]
fn a_parameter_stored_into_a_nullable_and_a_not_null_column_is_not_nullable() {
    assert_eq!(
        params("UPDATE posts SET body = @text, title = @text WHERE id = @id RETURNING id"),
        ["text text", "id bigint"]
    );
}

#[test]
fn update_types_set_and_where_parameters() {
    assert_eq!(
        params("UPDATE users SET name = @name, role = @role WHERE id = @id RETURNING id"),
        ["name text?", "role role", "id bigint"]
    );
}

#[test]
fn delete_returning_follows_the_table() {
    assert_eq!(
        columns("DELETE FROM comments WHERE post_id = @post_id RETURNING id, \"createdAt\""),
        ["id uuid", "createdAt text?"]
    );
}

#[test]
fn views_are_typed_from_their_body() {
    assert_eq!(
        columns("SELECT id, title, author FROM post_titles"),
        ["id bigint", "title text", "author text?"]
    );
}

#[test]
fn column_overrides_force_nullability() {
    assert_eq!(
        columns("SELECT u.name AS \"name!\", u.email AS \"email?\" FROM users u"),
        ["name text", "email text?"]
    );
}

#[test]
fn parameters_take_the_type_they_are_compared_with() {
    assert_eq!(
        params("SELECT id FROM users WHERE created_at >= @since AND @until > created_at"),
        ["since timestamptz", "until timestamptz"]
    );
}

#[test]
fn narg_parameters_are_nullable() {
    assert_eq!(
        params(
            "SELECT id FROM users WHERE (sqlc.narg(name) IS NULL OR name = sqlc.narg(name)) \
             AND role = @role"
        ),
        ["name text?", "role role"]
    );
}

#[test]
fn limit_and_offset_parameters_are_bigint() {
    assert_eq!(
        params("SELECT id FROM users ORDER BY created_at DESC LIMIT @max_rows OFFSET @skip"),
        ["max_rows bigint", "skip bigint"]
    );
}

#[test]
fn arithmetic_widens_like_postgresql() {
    assert_eq!(
        columns("SELECT score + 1 AS a, score * rating AS b, price * 2 AS c, author_id - score AS d FROM posts"),
        ["a int", "b double?", "c numeric?", "d bigint"]
    );
}

#[test]
fn concatenation_and_text_functions() {
    assert_eq!(
        columns("SELECT email || ' <' || name || '>' AS label, lower(email) AS l, length(email) AS n FROM users"),
        ["label text?", "l text", "n int"]
    );
}

#[test]
fn union_is_nullable_when_either_side_is() {
    assert_eq!(
        columns("SELECT email AS contact FROM users UNION SELECT name FROM users"),
        ["contact text?"]
    );
}

#[test]
fn star_expands_and_reuses_the_table_row() {
    let a = analyze("SELECT * FROM users WHERE id = @id");
    assert_eq!(a.columns.len(), 5);
    assert_eq!(a.table_row.as_deref(), Some("users"));
    assert_eq!(analyze("SELECT id, email FROM users").table_row, None);
    assert_eq!(
        analyze("SELECT id, email, name, role, created_at FROM users")
            .table_row
            .as_deref(),
        Some("users")
    );
}

#[test]
fn on_conflict_sees_excluded() {
    assert_eq!(
        params(
            "INSERT INTO users (email, name) VALUES (@email, @name) \
             ON CONFLICT (email) DO UPDATE SET name = excluded.name RETURNING id"
        ),
        ["email text", "name text?"]
    );
}

#[test]
fn in_subquery_types_its_operand() {
    assert_eq!(
        params("SELECT id FROM users WHERE @post_id IN (SELECT id FROM posts WHERE author_id = users.id)"),
        ["post_id bigint"]
    );
}

#[test]
fn cast_types_a_parameter_and_an_unknown_function() {
    assert_eq!(
        columns("SELECT CAST(@n AS bigint) AS n, CAST(md5(email) AS text) AS h FROM users"),
        ["n bigint", "h text"]
    );
}

#[test]
fn enum_columns_accept_string_literals() {
    assert_eq!(
        columns("SELECT id FROM users WHERE role = 'admin'"),
        ["id bigint"]
    );
}

#[test]
fn string_literals_compare_with_timestamps() {
    assert_eq!(
        columns(
            "SELECT id FROM users WHERE created_at > '2026-01-01T00:00:00Z' AND name IS NOT NULL"
        ),
        ["id bigint"]
    );
}

#[test]
fn json_access_binds_tighter_than_comparison() {
    assert_eq!(
        params("SELECT id FROM posts WHERE score > 0 AND meta ->> 'source' = @source"),
        ["source text"]
    );
    assert_eq!(
        columns("SELECT meta ->> 'source' AS source FROM posts"),
        ["source text?"]
    );
    for condition in [
        "meta ->> 'source' IS NULL",
        "meta ->> 'source' LIKE @pattern",
        "meta ->> 'source' IN ('a', 'b')",
        "meta ->> 'n' BETWEEN '1' AND '9'",
    ] {
        let sql = format!("SELECT id FROM posts WHERE {condition}");
        let a = run(":many", &sql).unwrap_or_else(|e| panic!("{condition}: {e}"));
        assert_eq!(a.columns.len(), 1, "{condition}");
    }
}

#[test]
fn real_with_another_number_is_double_and_date_arithmetic_follows_postgresql() {
    assert_eq!(
        columns(
            "SELECT score * CAST(1.5 AS real) AS a, CAST(1 AS real) * CAST(2 AS real) AS b, \
             CAST(created_at AS date) - CAST(created_at AS date) AS days FROM posts, users"
        ),
        ["a double", "b real", "days int"]
    );
}

#[test]
fn join_using_merges_the_named_column() {
    assert_eq!(
        columns(
            "WITH a AS (SELECT id, email FROM users), b AS (SELECT id, title FROM posts) \
             SELECT * FROM a JOIN b USING (id)"
        ),
        ["id bigint", "email text", "title text"]
    );
    assert_eq!(
        columns(
            "WITH a AS (SELECT id, email FROM users), b AS (SELECT id, title FROM posts) \
             SELECT id, b.id AS b_id FROM a LEFT JOIN b USING (id)"
        ),
        ["id bigint", "b_id bigint?"]
    );
    assert!(run(":many", "SELECT 1 AS x FROM users JOIN posts USING (email)").is_err());
}

#[test]
fn subquery_column_aliases_rename_its_columns() {
    assert_eq!(
        columns("SELECT t.n FROM (SELECT count(*) AS c FROM users) AS t(n)"),
        ["n bigint"]
    );
}

#[test]
fn subqueries_may_repeat_column_names() {
    assert_eq!(
        columns(
            "SELECT u.id FROM users u WHERE EXISTS \
             (SELECT * FROM posts p JOIN comments c ON c.post_id = p.id WHERE p.author_id = u.id)"
        ),
        ["id bigint"]
    );
}

#[test]
fn a_multibyte_alias_next_to_an_s_is_not_a_parameter_problem() {
    assert_eq!(columns("SELECT id AS s日本 FROM users"), ["s日本 bigint"]);
}

#[test]
fn crlf_files_give_the_same_sql_as_lf_files() {
    let lf = "-- name: Q :many\nSELECT id\nFROM users;\n";
    let crlf = lf.replace('\n', "\r\n");
    let parse = |text: &str| {
        let file = SourceFile {
            path: "queries/test.sql".into(),
            text: text.into(),
        };
        parse_file(&file).expect("parses")[0].sql.clone()
    };
    assert_eq!(parse(lf), parse(&crlf));
}

#[test]
fn a_view_that_reads_itself_is_refused_where_it_is_declared() {
    let yaml = "tables:\n  t:\n    columns:\n      id: bigint primary key\nviews:\n  a:\n    sql: SELECT id FROM b\n  b:\n    sql: SELECT id FROM a\n";
    let file = SourceFile {
        path: "schema/loop.yaml".into(),
        text: yaml.into(),
    };
    let errors = crate::schema::load(&[file], &Dialect::ALL).expect_err("a cycle");
    let headlines: Vec<String> = errors.iter().map(|e| e.headline()).collect();
    assert_eq!(
        headlines,
        [
            "schema/loop.yaml:6:3: error: view `a` reads itself (a → b → a)",
            "schema/loop.yaml:8:3: error: view `b` reads itself (b → a → b)"
        ]
    );
}

// ---- errors -------------------------------------------------------------------------------

#[test]
fn error_unknown_column_suggests_the_closest() {
    assert_eq!(
        fails(":many", "SELECT emial FROM users"),
        "queries/test.sql:2:8: error: column \"emial\" does not exist in table \"users\"; did you mean \"email\"?"
    );
}

#[test]
fn error_unknown_table_suggests_the_closest() {
    assert_eq!(
        fails(":many", "SELECT id\nFROM postz"),
        "queries/test.sql:3:6: error: table \"postz\" does not exist; did you mean \"posts\"?"
    );
}

#[test]
fn error_unquoted_camel_case_says_to_quote() {
    assert_eq!(
        fails(":many", "SELECT createdAt FROM comments"),
        "queries/test.sql:2:8: error: column \"createdat\" does not exist in table \"comments\"; did you mean \"createdAt\"? (quote it: unquoted names are folded to lower case)"
    );
}

#[test]
fn error_unknown_alias() {
    assert_eq!(
        fails(":many", "SELECT x.id FROM users u"),
        "queries/test.sql:2:8: error: \"x\" is not a table or alias of this query"
    );
}

#[test]
fn error_ambiguous_column() {
    assert_eq!(
        fails(":many", "SELECT id FROM users u JOIN posts p ON p.author_id = u.id"),
        "queries/test.sql:2:8: error: column \"id\" is ambiguous: both \"u\" and \"p\" have it\nhelp: qualify it: u.id"
    );
}

#[test]
fn error_result_column_without_a_name() {
    assert_eq!(
        fails(":many", "SELECT count(*) + 1 FROM users"),
        "queries/test.sql:2:8: error: this result column has no name\nhelp: name it: `… AS total_count`"
    );
}

#[test]
fn error_unknown_function() {
    assert_eq!(
        fails(":many", "SELECT md5(email) AS h FROM users"),
        "queries/test.sql:2:8: error: dbtool does not know the function `md5`\nhelp: give its result a type with CAST(md5(…) AS type), or see docs/queries.md for the functions dbtool knows"
    );
}

#[test]
fn error_parameter_without_a_type() {
    assert_eq!(
        fails(":many", "SELECT id FROM users WHERE @flag IS NULL"),
        "queries/test.sql:2:28: error: cannot tell the type of parameter `flag`\nhelp: compare it with a column, or give it a type: CAST(@flag AS bigint)"
    );
}

#[test]
fn error_parameter_used_with_two_types() {
    assert_eq!(
        fails(":many", "SELECT id FROM users WHERE id = @x OR created_at = @x"),
        "queries/test.sql:2:52: error: parameter `x` is used as bigint and here as timestamptz\nhelp: use two parameters, or CAST one use to the other's type"
    );
}

#[test]
fn error_comparing_incompatible_types() {
    assert_eq!(
        fails(":many", "SELECT id FROM users WHERE id = email"),
        "queries/test.sql:2:28: error: cannot compare bigint with text\nhelp: compare values of one type, or CAST one side"
    );
}

#[test]
fn error_one_without_rows() {
    assert_eq!(
        fails(":one", "DELETE FROM users WHERE id = @id"),
        "queries/test.sql:1:10: error: query `Q` is :one but returns no rows\nhelp: use :exec or :execrows, or add RETURNING"
    );
}

#[test]
fn error_exec_with_returning() {
    assert_eq!(
        fails(":exec", "DELETE FROM users WHERE id = @id RETURNING id"),
        "queries/test.sql:1:10: error: query `Q` is :exec but returns rows\nhelp: use :one or :many to get the rows, or drop RETURNING"
    );
}

#[test]
fn error_syntax() {
    assert_eq!(
        fails(":many", "SELECT id FROM users WHERE"),
        "queries/test.sql:2:27: error: syntax error: Expected: an expression, found: EOF"
    );
}

#[test]
fn error_duplicate_result_names_inside_a_subquery() {
    // In a subquery the names are read by the query around it: a second `id` is ambiguous.
    assert_eq!(
        fails(
            ":many",
            "SELECT x.email FROM (SELECT id, email AS id, email FROM users) x"
        ),
        "queries/test.sql:2:33: error: two result columns are named `id`\nhelp: give one of them another name with AS"
    );
}

/// sqlc's names: a statement's own result columns of one name are numbered (`id_2`), an
/// unnamed one is named as PostgreSQL names it (`count(*)` → `count`), and a `$N` parameter
/// after the column it is compared with or stored into (`id`, then `id_2`; `pN` otherwise).
#[test]
fn names_as_sqlc_gives_them() {
    assert_eq!(
        columns("SELECT u.id, u.email, p.id FROM users u JOIN posts p ON p.author_id = u.id"),
        ["id bigint", "email text", "id_2 bigint"]
    );
    let analysis = analyze("SELECT count(*), lower(email), CAST(name AS text), CASE WHEN id > 1 THEN 1 ELSE 0 END FROM users GROUP BY email, name, id");
    let names: Vec<(&str, bool)> = analysis
        .columns
        .iter()
        .map(|c| (c.name.as_str(), c.derived_name))
        .collect();
    assert_eq!(
        names,
        [
            ("count", true),
            ("lower", true),
            ("name", true),
            ("case", true)
        ]
    );
    assert_eq!(
        params("SELECT id FROM users WHERE id >= $1 AND id <= $2 LIMIT $3"),
        ["id bigint", "id_2 bigint", "p3 bigint"]
    );
    assert_eq!(
        params("INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id"),
        ["email text", "name text?"]
    );
    // Named parameters keep their names.
    assert_eq!(
        params("SELECT id FROM users WHERE id = @user_id"),
        ["user_id bigint"]
    );
}

#[test]
fn error_insert_value_count() {
    assert_eq!(
        fails(":exec", "INSERT INTO users (email, name) VALUES (@email)"),
        "queries/test.sql:2:41: error: INSERT names 2 column(s) but a row of VALUES has 1"
    );
}

#[test]
fn error_insert_unknown_column() {
    assert_eq!(
        fails(":exec", "INSERT INTO users (emails) VALUES (@e)"),
        "queries/test.sql:2:20: error: column \"emails\" does not exist in table \"users\"; did you mean \"email\"?"
    );
}

#[test]
fn error_condition_that_is_not_boolean() {
    assert_eq!(
        fails(":many", "SELECT id FROM posts WHERE score"),
        "queries/test.sql:2:28: error: a condition must be true or false, but this is int"
    );
}

#[test]
fn error_subquery_without_alias() {
    assert_eq!(
        fails(":many", "SELECT n FROM (SELECT count(*) AS n FROM users)"),
        "queries/test.sql:2:16: error: a subquery in FROM needs an alias\nhelp: write `(SELECT …) AS name`"
    );
}

#[test]
fn copyfrom_learns_the_table_and_columns_of_a_plain_insert() {
    let a = run(
        ":copyfrom",
        "INSERT INTO comments (post_id, text, \"createdAt\") VALUES (@post_id, @text, @created_at)",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let bulk = a.bulk_insert.expect("a bulk insert");
    assert_eq!(bulk.table, "comments");
    assert_eq!(bulk.columns, ["post_id", "text", "\"createdAt\""]);
}

#[test]
fn error_result_column_without_a_type() {
    assert_eq!(
        fails(":many", "SELECT id,\n       NULL AS nothing FROM users"),
        "queries/test.sql:3:8: error: cannot tell the type of result column `nothing`\nhelp: give it a type: CAST(… AS text) AS nothing"
    );
}

#[test]
fn error_copyfrom_that_is_not_a_plain_insert() {
    assert_eq!(
        fails(":copyfrom", "INSERT INTO users (email, name) VALUES (@email, lower(@name))"),
        "queries/test.sql:1:10: error: query `Q` is :copyfrom but is not a plain INSERT of one parameter per column\nhelp: write `INSERT INTO t (a, b) VALUES (@a, @b)`: no ON CONFLICT, no RETURNING, no expressions"
    );
}

#[test]
fn error_stored_value_of_the_wrong_type() {
    assert_eq!(
        fails(":exec", "UPDATE posts SET score = title WHERE id = @id"),
        "queries/test.sql:2:26: error: `posts.score` is int, but this value is text"
    );
}

/// `name <- table.column` per result column, `name` alone when it is computed.
fn origins(sql: &str) -> (Vec<String>, Vec<String>) {
    let analysis = analyze(sql);
    let show = |name: &str, origins: &[String]| {
        if origins.is_empty() {
            name.to_string()
        } else {
            format!("{name} <- {}", origins.join(" "))
        }
    };
    (
        analysis
            .columns
            .iter()
            .map(|c| show(&c.name, c.origin.as_slice()))
            .collect(),
        analysis
            .params
            .iter()
            .map(|p| show(&p.name, &p.origins))
            .collect(),
    )
}

#[test]
fn result_columns_know_the_schema_column_they_read() {
    let (columns, _) = origins(
        "SELECT p.id, (p.title) AS title, pt.author, u.email AS mail, -p.score AS minus, \
         coalesce(p.body, '') AS body, abs(p.score) AS score \
         FROM posts p JOIN post_titles pt ON pt.id = p.id LEFT JOIN users u ON u.id = p.author_id",
    );
    assert_eq!(
        columns,
        [
            "id <- posts.id",
            "title <- posts.title",
            "author <- users.name",
            "mail <- users.email",
            "minus",
            "body",
            "score"
        ]
    );
    let (union, _) = origins(
        "SELECT id FROM users UNION SELECT id FROM posts \
         UNION SELECT id FROM (SELECT id FROM posts) AS x",
    );
    assert_eq!(union, ["id"]);
    let (same, _) =
        origins("SELECT id FROM posts UNION ALL SELECT id FROM (SELECT id FROM posts) x");
    assert_eq!(same, ["id <- posts.id"]);
}

#[test]
fn parameters_know_the_schema_columns_they_meet() {
    let (_, params) = origins(
        "SELECT p.id FROM posts p WHERE p.author_id = @author AND @min <= p.score \
         AND p.id IN (@a, @b) AND p.rating BETWEEN @low AND @high AND p.title LIKE @pattern \
         AND p.author_id IN (SELECT id FROM users WHERE email = @email) AND p.score + @bump > 0",
    );
    assert_eq!(
        params,
        [
            "author <- posts.author_id",
            "min <- posts.score",
            "a <- posts.id",
            "b <- posts.id",
            "low <- posts.rating",
            "high <- posts.rating",
            "pattern",
            "email <- users.email",
            "bump"
        ]
    );
    let (_, reversed) = origins(
        "SELECT id FROM posts WHERE @score BETWEEN score AND score AND @author IN (author_id)",
    );
    assert_eq!(
        reversed,
        ["score <- posts.score", "author <- posts.author_id"]
    );
    let (_, stored) = origins(
        "UPDATE posts SET title = @title, score = @score WHERE id = @id OR author_id = @id \
         RETURNING id",
    );
    assert_eq!(
        stored,
        [
            "title <- posts.title",
            "score <- posts.score",
            "id <- posts.id posts.author_id"
        ]
    );
}

/// The SQL dbtool generates for `sql` on PostgreSQL: every `*` written as its columns.
fn generated_sql(sql: &str) -> String {
    let file = SourceFile {
        path: "queries/test.sql".into(),
        text: format!("-- name: Q :many\n{sql}\n"),
    };
    let queries = parse_file(&file).expect("query file parses");
    let schema = schema();
    let analyzer = Analyzer::new(&schema, Dialect::Postgres);
    let analysis = analyze_query(&queries[0], &analyzer).unwrap_or_else(|e| panic!("{e:?}"));
    statement_text(&queries[0], &analysis, Dialect::Postgres).text
}

#[test]
fn every_star_is_written_as_its_columns_in_the_generated_sql() {
    assert_eq!(
        generated_sql("SELECT * FROM users WHERE id = @id"),
        "SELECT users.id, users.email, users.name, users.role, users.created_at FROM users WHERE id = $1"
    );
    assert_eq!(
        generated_sql("SELECT p.*, u.email FROM posts p JOIN users u ON u.id = p.author_id WHERE p.title = @t"),
        "SELECT p.id, p.author_id, p.title, p.body, p.score, p.rating, p.price, p.meta, u.email FROM posts p JOIN users u ON u.id = p.author_id WHERE p.title = $1"
    );
    // Quoted where the name needs it; a subquery's own `*` too, so no level depends on the
    // live table's column order.
    assert_eq!(
        generated_sql("SELECT s.* FROM (SELECT * FROM comments) AS s"),
        "SELECT s.id, s.post_id, s.text, s.\"createdAt\" FROM (SELECT comments.id, comments.post_id, comments.text, comments.\"createdAt\" FROM comments) AS s"
    );
    assert_eq!(
        generated_sql("DELETE FROM comments WHERE post_id = @post RETURNING *"),
        "DELETE FROM comments WHERE post_id = $1 RETURNING comments.id, comments.post_id, comments.text, comments.\"createdAt\""
    );
}

/// `JOIN … USING (x)`: `*` shows `x` once, and it is the join's column, written bare.
#[test]
fn a_using_column_is_written_bare_and_once() {
    let sql = generated_sql(
        "SELECT * FROM (SELECT id, email FROM users) a JOIN (SELECT id, name FROM users) b USING (id)",
    );
    assert!(
        sql.starts_with("SELECT id, a.email, b.name FROM")
            || sql.starts_with("SELECT a.email, id, b.name FROM"),
        "{sql}"
    );
}

/// Positions after a `*` and in later lines still map back to the query file (a parameter
/// after the star, text with multi-byte characters before it).
#[test]
fn an_expanded_star_keeps_error_positions_and_parameters_in_place() {
    assert_eq!(
        generated_sql("SELECT 'é' AS e, *\nFROM users\nWHERE email = @email AND name = @name"),
        "SELECT 'é' AS e, users.id, users.email, users.name, users.role, users.created_at\nFROM users\nWHERE email = $1 AND name = $2"
    );
}

fn run_on(dialect: Dialect, sql: &str) -> Result<Analysis, crate::diagnostic::Diagnostic> {
    let file = SourceFile {
        path: "queries/test.sql".into(),
        text: format!("-- name: Q :many\n{sql}\n"),
    };
    let queries = parse_file(&file).expect("query file parses");
    let schema = schema();
    let analyzer = Analyzer::new(&schema, dialect);
    analyze_query(&queries[0], &analyzer).map_err(|mut errors| errors.remove(0))
}

/// The function catalog says where each function exists: a call elsewhere is refused at its
/// place, with the way out, instead of failing later on the engine.
#[test]
fn a_function_a_dialect_lacks_is_refused_where_it_is_called() {
    let sql = "SELECT id, now() AS at FROM users";
    assert!(run_on(Dialect::Postgres, sql).is_ok());
    let refused = run_on(Dialect::Sqlite, sql).expect_err("now() is not SQLite's");
    assert_eq!(
        (refused.line, refused.column),
        (2, 12),
        "{}",
        refused.message
    );
    assert!(
        refused.message.contains("now() does not exist on sqlite"),
        "{}",
        refused.message
    );
    assert!(
        refused
            .help
            .as_deref()
            .unwrap_or("")
            .contains("queries/sqlite/FILE.sql"),
        "{:?}",
        refused.help
    );
    let sql = "SELECT time_bucket(INTERVAL '1 hour', created_at) AS b FROM users";
    assert!(run_on(Dialect::Postgres, sql).is_err());
}

/// Arity and `*` come from the catalog too.
#[test]
fn calls_are_checked_against_the_catalog() {
    let wrong = run(":many", "SELECT lower(name, name) AS l FROM users").expect_err("arity");
    assert!(
        wrong.message.contains("lower() takes 1 argument(s), not 2"),
        "{}",
        wrong.message
    );
    let star = run(":many", "SELECT sum(*) AS s FROM users").expect_err("sum(*)");
    assert!(
        star.message.contains("sum(*) is not SQL"),
        "{}",
        star.message
    );
    assert_eq!(
        columns("SELECT coalesce(max(id), 0) AS m, statement_timestamp() AS t FROM users"),
        ["m bigint", "t timestamptz"]
    );
}

/// A parameter declared nullable (`sqlc.narg`) stored into a NOT NULL column is refused at the
/// parameter: the function would take an `Option` whose `None` the database refuses.
#[test]
fn a_nullable_parameter_into_a_not_null_column_is_refused_where_it_is() {
    let refused = run(
        ":exec",
        "INSERT INTO posts (author_id, title) VALUES (@author_id, sqlc.narg(title))",
    )
    .expect_err("title is NOT NULL");
    assert_eq!(
        refused.message,
        "`posts.title` is NOT NULL, but `sqlc.narg(title)` may be NULL"
    );
    assert_eq!(
        (refused.line, refused.column),
        (2, 58),
        "{}",
        refused.message
    );
    assert_eq!(
        refused.help.as_deref(),
        Some("take it with @title (a value, not an Option), or make `posts.title` nullable")
    );
    let with_default = run(
        ":exec",
        "UPDATE posts SET score = sqlc.narg(score) WHERE id = @id",
    )
    .expect_err("score is NOT NULL");
    assert!(
        with_default.help.as_deref().unwrap_or("").contains(
            "has a default (0), but it applies only when the statement leaves the column out"
        ),
        "{:?}",
        with_default.help
    );
    // Into a nullable column it is what narg is for.
    assert!(run(
        ":exec",
        "INSERT INTO posts (author_id, title, body) VALUES (@author_id, @title, sqlc.narg(body))"
    )
    .is_ok());
}

/// Window functions and aggregates over a window, as both engines type them; the window's
/// expressions are checked like any others.
#[test]
fn window_functions_are_typed_from_the_catalog() {
    assert_eq!(
        columns("SELECT id, row_number() OVER (PARTITION BY role ORDER BY created_at) AS rn, lag(email) OVER (ORDER BY id) AS prev, count(*) OVER () AS total, first_value(name) OVER w AS first_name FROM users WINDOW w AS (ORDER BY id)"),
        ["id bigint", "rn bigint", "prev text?", "total bigint", "first_name text?"]
    );
    assert_eq!(
        fails(":many", "SELECT rank() AS r FROM users"),
        "queries/test.sql:2:8: error: rank() is a window function\nhelp: call it with a window: rank(…) OVER (ORDER BY …)"
    );
    assert!(fails(
        ":many",
        "SELECT row_number() OVER (ORDER BY nope) AS n FROM users"
    )
    .contains("column \"nope\" does not exist"),);
}

/// `= ANY(…)`, `<> ALL(…)` and the array operators, with parameters typed from the other side.
#[test]
fn any_all_and_array_operators_type_their_parameters() {
    assert_eq!(
        params("SELECT id FROM users WHERE id = ANY(@ids)"),
        ["ids bigint[]"]
    );
    assert_eq!(
        params("SELECT id FROM users WHERE CAST(@wanted AS text[]) && @have AND CAST(@more AS text[]) @> @fewer"),
        ["wanted text[]", "have text[]", "more text[]", "fewer text[]"]
    );
    assert_eq!(
        params("SELECT id FROM users WHERE email <> ALL($1) AND id = ANY($2)"),
        ["email text[]", "id bigint[]"]
    );
    assert!(fails(":many", "SELECT id FROM users WHERE id = ANY(email)")
        .contains("ANY and ALL take an array, but this is text"),);
}

/// A recursive CTE: its step reads the anchor's columns, the query reads what the union gives.
#[test]
fn recursive_ctes_are_typed() {
    assert_eq!(
        columns("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10) SELECT x FROM n"),
        ["x int"]
    );
    assert_eq!(
        columns("WITH RECURSIVE chain AS (SELECT id, email FROM users WHERE id = @start UNION ALL SELECT u.id, u.email FROM users u JOIN chain c ON u.id = c.id + 1) SELECT id, email FROM chain"),
        ["id bigint", "email text"]
    );
    assert_eq!(
        params("WITH RECURSIVE chain AS (SELECT id FROM users WHERE id = @start UNION ALL SELECT u.id FROM users u JOIN chain c ON u.id = c.id + 1) SELECT id FROM chain"),
        ["start bigint"]
    );
}

/// Set-returning functions in FROM, on PostgreSQL: generate_series and unnest.
#[test]
fn set_returning_functions_in_from() {
    assert_eq!(
        columns("SELECT g FROM generate_series(1, 10) AS g"),
        ["g int"]
    );
    assert_eq!(
        columns("SELECT day FROM generate_series(CAST(@since AS timestamptz), now(), interval '1 day') AS s(day)"),
        ["day timestamptz"]
    );
    assert_eq!(
        params("SELECT x FROM unnest(CAST(@ids AS bigint[])) AS x WHERE x > @floor"),
        ["ids bigint[]", "floor bigint"]
    );
    assert_eq!(
        columns("SELECT x FROM unnest(CAST(@ids AS bigint[])) AS x"),
        ["x bigint?"]
    );
    let error = run_on(Dialect::Sqlite, "SELECT g FROM generate_series(1, 10) AS g")
        .expect_err("SQLite has no generate_series");
    assert!(
        error
            .message
            .contains("generate_series() in FROM exists on PostgreSQL only"),
        "{error}"
    );
}
