//! Versions that run outside a transaction.
//!
//! A script whose first line is `-- dbtool: no-transaction` (sqlx's `-- no-transaction` and
//! Atlas's `txmode none` are the models) holds only statements the engine refuses inside a
//! transaction block, such as `CREATE INDEX CONCURRENTLY`. They run one at a time, and after
//! each one the engine records how many have run, so that a run stopped half-way (a failed
//! build, a killed process) resumes at the statement where it stopped; an index that a stopped
//! `CREATE INDEX CONCURRENTLY` left behind invalid is dropped before the build runs again.
//! Everything else runs in one transaction per version, which is what makes a failure leave
//! the previous version: this module also refuses, before anything runs, a script that would
//! give that up.

use sqlparser::ast::Statement as Parsed;
use sqlparser::parser::Parser;

use super::MigrateError;
use crate::diagnostic::{line_column, Diagnostic};
use crate::dialect;
use crate::engine::split::{split_statements, Statement};
use crate::schema::Dialect;

/// The first line of a script that runs outside a transaction.
pub const NO_TRANSACTION_MARKER: &str = "-- dbtool: no-transaction";

/// Whether `sql` starts with [`NO_TRANSACTION_MARKER`].
pub fn runs_alone(sql: &str) -> bool {
    first_line(sql).trim_end() == NO_TRANSACTION_MARKER
}

fn first_line(sql: &str) -> &str {
    sql.trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or_default()
}

/// One statement of a script that runs outside a transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AloneStatement {
    pub sql: String,
    /// Byte offset of the statement in its script, for error positions.
    pub offset: usize,
    /// The index a `CREATE INDEX CONCURRENTLY` builds, as the script names it (quoted as
    /// written, qualified when it is): before the statement runs again after a stop, an
    /// invalid index of that name is dropped, and a valid one means it already ran.
    pub builds_index: Option<String>,
}

/// The statements of a script that runs outside a transaction, checked as [`check_script`]
/// checks them.
pub fn alone_statements(
    path: &str,
    sql: &str,
    dialect: Dialect,
) -> Result<Vec<AloneStatement>, MigrateError> {
    check_script(path, sql, dialect)?;
    Ok(split_statements(sql)
        .into_iter()
        .map(|statement| AloneStatement {
            builds_index: concurrent_index(&statement, dialect),
            sql: statement.sql,
            offset: statement.offset,
        })
        .collect())
}

/// Refuses, before anything runs, a script that cannot keep its guarantee: in a script that
/// runs in a transaction, a statement that would end or nest that transaction, or one the
/// engine refuses inside it; in one that runs outside (its first line says so), any statement
/// that could run inside one (it belongs in a version of its own, where a failure undoes it),
/// a marker on an engine that runs every version in a transaction, and an unnamed concurrent
/// index build (a retry could not find what a stopped one left).
pub fn check_script(path: &str, sql: &str, dialect: Dialect) -> Result<(), MigrateError> {
    let alone = runs_alone(sql);
    if let Some(offset) = misplaced_marker(sql) {
        return Err(refused(
            path,
            sql,
            offset,
            format!("`{NO_TRANSACTION_MARKER}` only counts on the script's first line"),
            "move it to the first line (the version then runs outside a transaction), or remove it",
        ));
    }
    if alone
        && !dialect::spec(dialect)
            .capabilities()
            .statements_outside_transaction
    {
        return Err(refused(
            path,
            sql,
            0,
            format!("{dialect} runs every version in a transaction; `{NO_TRANSACTION_MARKER}` is for PostgreSQL and TimescaleDB"),
            "remove the first line: SQLite builds indexes inside a transaction, without CONCURRENTLY",
        ));
    }
    let statements = split_statements(sql);
    if alone && statements.is_empty() {
        return Err(refused(
            path,
            sql,
            0,
            "the script says it runs outside a transaction but holds no statement".to_string(),
            "add the statements that must run alone (e.g. CREATE INDEX CONCURRENTLY), or remove the script's first line",
        ));
    }
    for statement in &statements {
        if let Some((message, help)) = refusal(statement, alone, dialect) {
            return Err(refused(path, sql, statement.offset, message, help));
        }
    }
    Ok(())
}

fn refusal(statement: &Statement, alone: bool, dialect: Dialect) -> Option<(String, &'static str)> {
    let shown = shown(&statement.sql);
    if statement.controls_transaction() {
        let message = if alone {
            format!("`{shown}` controls transactions, and this version runs its statements one at a time outside any; nothing was run")
        } else {
            format!("`{shown}` would end or nest the transaction dbtool runs the version in, so a later failure could not undo what ran before it; nothing was run")
        };
        return Some((message, "remove it: dbtool runs each version in one transaction itself, or, when the script's first line is `-- dbtool: no-transaction`, each statement on its own (docs/migrations.md, \"Transactions\")"));
    }
    let must_run_alone = statement.needs_no_transaction();
    if alone && !must_run_alone {
        return Some((
            format!("`{shown}` can run in a transaction, but this version runs outside one, where a failure would leave it half-done; nothing was run"),
            "move it to a version of its own without the `-- dbtool: no-transaction` line: a version that runs outside a transaction holds only statements that must (docs/migrations.md, \"Statements outside a transaction\")",
        ));
    }
    if !alone && must_run_alone {
        return Some((
            format!("`{shown}` cannot run inside a transaction, and this version runs in one (so that a failure leaves the database at the previous version); nothing was run"),
            "put it in a version of its own whose first line is `-- dbtool: no-transaction`: its statements then run one at a time and a stopped run resumes (docs/migrations.md, \"Statements outside a transaction\")",
        ));
    }
    if alone && builds_unnamed_index(statement, dialect) {
        return Some((
            format!("`{shown}` builds an index without a name; a retry after a stopped build could not find the invalid index it leaves"),
            "name the index: CREATE INDEX CONCURRENTLY name ON …",
        ));
    }
    None
}

fn refused(path: &str, sql: &str, offset: usize, message: String, help: &str) -> MigrateError {
    let (line, column) = line_column(sql, offset);
    let diagnostic =
        Diagnostic::new(format!("migrations/{path}"), line, column, message).with_help(help);
    MigrateError::InScript {
        diagnostic: Box::new(diagnostic),
        script: sql.to_string(),
        database: false,
    }
}

/// The offset of a marker line anywhere but on the first line.
fn misplaced_marker(sql: &str) -> Option<usize> {
    let mut offset = 0;
    for (number, line) in sql.split_inclusive('\n').enumerate() {
        if number > 0 && line.trim() == NO_TRANSACTION_MARKER {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

fn parsed(statement: &Statement, dialect: Dialect) -> Option<Parsed> {
    let parser_dialect = dialect::spec(dialect).sql_parser();
    Parser::parse_sql(parser_dialect.as_ref(), &statement.sql)
        .ok()?
        .into_iter()
        .next()
}

/// The name of the index a `CREATE INDEX CONCURRENTLY` builds, as written.
fn concurrent_index(statement: &Statement, dialect: Dialect) -> Option<String> {
    match parsed(statement, dialect)? {
        Parsed::CreateIndex(index) if index.concurrently => index.name.map(|name| name.to_string()),
        _ => None,
    }
}

fn builds_unnamed_index(statement: &Statement, dialect: Dialect) -> bool {
    matches!(parsed(statement, dialect), Some(Parsed::CreateIndex(index)) if index.concurrently && index.name.is_none())
}

/// A statement's first line, for messages.
fn shown(sql: &str) -> String {
    let line = sql.lines().next().unwrap_or_default();
    if sql.lines().count() > 1 {
        format!("{line} …")
    } else {
        line.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PG: Dialect = Dialect::Postgres;

    fn message(result: Result<(), MigrateError>) -> String {
        match result {
            Err(MigrateError::InScript { diagnostic, .. }) => {
                format!(
                    "{}:{}: {}",
                    diagnostic.line, diagnostic.column, diagnostic.message
                )
            }
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn the_marker_counts_on_the_first_line_only() {
        assert!(runs_alone(
            "-- dbtool: no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);"
        ));
        assert!(runs_alone("\u{feff}-- dbtool: no-transaction  \r\nVACUUM;"));
        assert!(!runs_alone("-- header\n-- dbtool: no-transaction\nVACUUM;"));
        let misplaced = message(check_script(
            "postgres/V2__i.sql",
            "-- header\n-- dbtool: no-transaction\nVACUUM;",
            PG,
        ));
        assert!(misplaced.starts_with("2:1: "), "{misplaced}");
    }

    #[test]
    fn a_script_outside_a_transaction_holds_only_what_must_run_alone() {
        let sql = "-- dbtool: no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\nALTER TABLE t ADD COLUMN b int;\n";
        let refused = message(check_script("postgres/V2__i.sql", sql, PG));
        assert!(refused.starts_with("3:1: `ALTER TABLE"), "{refused}");
        let sql = "-- dbtool: no-transaction\nCREATE INDEX CONCURRENTLY ON t (a);\n";
        assert!(message(check_script("p", sql, PG)).contains("without a name"));
        let sql = "-- dbtool: no-transaction\nBEGIN;\n";
        assert!(message(check_script("p", sql, PG)).contains("controls transactions"));
        assert!(
            message(check_script("p", "-- dbtool: no-transaction\n", PG)).contains("no statement")
        );
    }

    #[test]
    fn sqlite_refuses_the_marker() {
        let sql = "-- dbtool: no-transaction\nVACUUM;\n";
        let refused = message(check_script("sqlite/V2__v.sql", sql, Dialect::Sqlite));
        assert!(
            refused.contains("runs every version in a transaction"),
            "{refused}"
        );
    }

    #[test]
    fn a_transactional_script_refuses_what_cannot_run_in_it() {
        let sql = "CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY i ON t (a);\n";
        let refused = message(check_script("p", sql, PG));
        assert!(
            refused.starts_with("2:1: `CREATE INDEX CONCURRENTLY"),
            "{refused}"
        );
        assert!(check_script("p", "CREATE INDEX i ON t (a);", PG).is_ok());
    }

    #[test]
    fn concurrent_builds_name_their_index_as_written() {
        let sql = "-- dbtool: no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY \"Odd Name\" ON t (a);\nCREATE INDEX CONCURRENTLY IF NOT EXISTS app.i2 ON t (b);\nVACUUM t;\n";
        let statements = alone_statements("p", sql, PG).unwrap();
        let names: Vec<Option<&str>> = statements
            .iter()
            .map(|s| s.builds_index.as_deref())
            .collect();
        assert_eq!(names, [Some("\"Odd Name\""), Some("app.i2"), None]);
        assert_eq!(&sql[statements[2].offset..][..6], "VACUUM");
    }
}
