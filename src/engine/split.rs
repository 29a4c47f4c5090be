//! Splitting a script into statements as the engines read them, so a failure can name the
//! statement and its line, and a version that runs outside a transaction can run them one by one.
//!
//! Understands what dbtool's own scripts and typical hand-written ones contain: quoted strings
//! and identifiers, `--` and `/* */` comments, PostgreSQL dollar quotes (`$$ … $$`,
//! `$tag$ … $tag$`) and the `BEGIN … END;` body of a `CREATE TRIGGER`.

use crate::lexical::skip_at;

/// A statement, the 1-based line it starts on and its byte offset in the script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub line: usize,
    pub offset: usize,
    pub sql: String,
}

impl Statement {
    /// Whether the engine refuses this statement inside a transaction block
    /// (`CREATE INDEX CONCURRENTLY`, `VACUUM`, TimescaleDB's `refresh_continuous_aggregate`, …).
    /// dbtool runs every version in one transaction, so it refuses such a script up front.
    pub fn needs_no_transaction(&self) -> bool {
        let w = words(&self.sql);
        let w: Vec<&str> = w.iter().take(5).map(String::as_str).collect();
        matches!(
            w.as_slice(),
            ["create", "index", "concurrently", ..]
                | ["create", "unique", "index", "concurrently", ..]
                | ["drop", "index", "concurrently", ..]
                | ["reindex", ..]
                | ["vacuum", ..]
                | ["create", "database", ..]
                | ["drop", "database", ..]
                | ["create", "tablespace", ..]
                | ["drop", "tablespace", ..]
                | ["alter", "system", ..]
                | ["call", "refresh_continuous_aggregate", ..]
        )
    }
}

impl Statement {
    /// Whether this statement begins, ends or nests a transaction (`BEGIN`, `START TRANSACTION`,
    /// `COMMIT`, `END`, `ROLLBACK`, `ABORT`, `SAVEPOINT`, `RELEASE`, `PREPARE TRANSACTION`).
    /// One in a script would end the version's transaction early: what ran before it would be
    /// kept even if a later statement failed. dbtool refuses such a script up front.
    /// A `CREATE TRIGGER … BEGIN … END` and a function body are one statement that starts with
    /// `CREATE`, so their `BEGIN`/`END` are not seen here.
    pub fn controls_transaction(&self) -> bool {
        let w = words(&self.sql);
        let w: Vec<&str> = w.iter().take(2).map(String::as_str).collect();
        matches!(
            w.as_slice(),
            ["begin", ..]
                | ["start", "transaction", ..]
                | ["commit", ..]
                | ["end", ..]
                | ["rollback", ..]
                | ["abort", ..]
                | ["savepoint", ..]
                | ["release", ..]
                | ["prepare", "transaction", ..]
        )
    }
}

pub fn split_statements(script: &str) -> Vec<Statement> {
    let bytes = script.as_bytes();
    let mut statements = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some((end, _)) = skip_at(script, i) {
            i = end;
            continue;
        }
        match bytes[i] {
            b';' => {
                // A `;` inside a trigger's `BEGIN … END` or a `BEGIN ATOMIC … END` function body
                // ends a statement of the body, not the statement.
                if body_depth(&script[start..i]) > 0 {
                    i += 1;
                    continue;
                }
                push(&mut statements, script, start, i);
                i += 1;
                start = i;
            }
            _ => i += 1,
        }
    }
    push(&mut statements, script, start, bytes.len());
    statements
}

fn push(statements: &mut Vec<Statement>, script: &str, start: usize, end: usize) {
    let text = &script[start..end];
    let Some(offset) = first_code_offset(text) else {
        return;
    };
    let begin = start + offset;
    statements.push(Statement {
        line: script[..begin].matches('\n').count() + 1,
        offset: begin,
        sql: script[begin..end].trim_end().to_string(),
    });
}

/// Where the first character that is neither blank nor comment is, if any.
fn first_code_offset(text: &str) -> Option<usize> {
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
        } else if text[i..].starts_with("--") {
            i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
        } else if text[i..].starts_with("/*") {
            i = text[i + 2..]
                .find("*/")
                .map_or(bytes.len(), |n| i + 2 + n + 2);
        } else {
            return Some(i);
        }
    }
    None
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// How many `BEGIN … END` or `CASE … END` blocks of a compound body are open at the end of
/// `text` (a statement so far): a trigger's body (`CREATE [TEMP] TRIGGER … BEGIN`) or an
/// SQL-standard function body (`BEGIN ATOMIC`), with the `CASE … END` expressions inside it.
/// Outside such a body it is 0, whatever the words (`BEGIN` on its own is a transaction).
fn body_depth(text: &str) -> usize {
    let words = code_words(text);
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let is_trigger = matches!(
        w.as_slice(),
        ["create", "trigger", ..]
            | ["create", "temp", "trigger", ..]
            | ["create", "temporary", "trigger", ..]
            | ["create", "or", "replace", "trigger", ..]
    );
    let opened_at = if is_trigger {
        w.iter().position(|word| *word == "begin")
    } else {
        w.windows(2)
            .position(|pair| pair == ["begin", "atomic"])
            .filter(|_| w.first() == Some(&"create"))
    };
    let Some(opened_at) = opened_at else {
        return 0;
    };
    let mut depth: usize = 0;
    for word in &w[opened_at..] {
        match *word {
            "begin" | "case" => depth += 1,
            "end" => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// The words of `text` outside strings, quoted identifiers, dollar quotes and comments.
fn code_words(text: &str) -> Vec<String> {
    let mut code = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if let Some((end, _)) = skip_at(text, i) {
            code.push(' ');
            i = end.max(i + 1);
            continue;
        }
        let end = i + text[i..].chars().next().map_or(1, char::len_utf8);
        code.push_str(&text[i..end]);
        i = end;
    }
    words(&code)
}

#[cfg(test)]
mod tests {
    #[test]
    fn statements_that_cannot_run_in_a_transaction_are_recognised() {
        let script = "CREATE INDEX CONCURRENTLY i ON t (a);\n-- c\ncreate unique index concurrently j on t (b);\nCREATE INDEX k ON t (c);\nVACUUM;\nCALL refresh_continuous_aggregate('x', NULL, NULL);\nINSERT INTO t VALUES ('create index concurrently');\n";
        let flags: Vec<bool> = super::split_statements(script)
            .iter()
            .map(super::Statement::needs_no_transaction)
            .collect();
        assert_eq!(flags, [true, true, false, true, true, false]);
    }

    use super::*;

    #[test]
    fn transaction_control_is_recognised_and_bodies_are_not() {
        let script = "BEGIN;\nINSERT INTO t VALUES (1);\ncommit;\nEND;\nend transaction;\nSTART TRANSACTION;\nSAVEPOINT a;\nRELEASE a;\nROLLBACK;\nABORT;\nPREPARE TRANSACTION 'x';\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  DELETE FROM u;\nEND;\nCREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN COMMIT; END $$;\nINSERT INTO t VALUES ('commit');\n";
        let flags: Vec<bool> = split_statements(script)
            .iter()
            .map(Statement::controls_transaction)
            .collect();
        assert_eq!(
            flags,
            [
                true, false, true, true, true, true, true, true, true, true, true, false, false,
                false
            ]
        );
    }

    #[test]
    fn statements_and_their_lines() {
        let script = "-- header\nCREATE TABLE a (x text DEFAULT ';');\n\nINSERT INTO a VALUES ('it''s; fine');\n";
        let statements = split_statements(script);
        assert_eq!(statements.len(), 2);
        assert_eq!(statements[0].line, 2);
        assert_eq!(statements[1].line, 4);
        assert_eq!(statements[1].sql, "INSERT INTO a VALUES ('it''s; fine')");
    }

    /// A golden corpus of the hard cases: each script and the statements it holds.
    #[test]
    fn compound_bodies_strings_and_comments_split_where_the_engine_does() {
        let cases: &[(&str, usize)] = &[
            // A SQLite trigger whose body has a CASE … END before its own END.
            ("CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE b SET x = CASE WHEN new.y > 0 THEN 1 ELSE 2 END;\n  DELETE FROM c WHERE z = 'end;';\nEND;\nSELECT 1;", 2),
            // An SQL-standard function body (PostgreSQL 14+).
            ("CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC\n  SELECT CASE WHEN a > 0 THEN a ELSE 0 END;\n  SELECT a + 1;\nEND;\nCREATE TABLE t (id int);", 2),
            // `BEGIN` alone is a transaction statement, not a body.
            ("BEGIN;\nSELECT 1;\nCOMMIT;", 3),
            // A comment and a string that say END do not close anything.
            ("CREATE TRIGGER t AFTER DELETE ON a BEGIN -- end;\n  INSERT INTO log VALUES ('end'); /* end; */\nEND;\nSELECT 2;", 2),
            // Dollar quotes hold `;` and END.
            ("CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN IF TRUE THEN RETURN NEW; END IF; END $body$;\nSELECT 3;", 2),
            // CREATE OR REPLACE TRIGGER (PostgreSQL 14+) has no body of its own.
            ("CREATE OR REPLACE TRIGGER t BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION g();\nSELECT 4;", 2),
        ];
        for (script, count) in cases {
            let statements = split_statements(script);
            assert_eq!(statements.len(), *count, "{script}\n{statements:#?}");
        }
    }

    #[test]
    fn dollar_quotes_and_trigger_bodies_stay_whole() {
        let script = "CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ SELECT 1; SELECT 2 $$;\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n    INSERT INTO b VALUES (new.x);\n    DELETE FROM c;\nEND;\nSELECT $1;";
        let statements = split_statements(script);
        assert_eq!(statements.len(), 3, "{statements:#?}");
        assert!(statements[0].sql.ends_with("SELECT 2 $$"));
        assert!(statements[1].sql.ends_with("END"));
        assert_eq!(statements[2].line, 6);
    }
}
