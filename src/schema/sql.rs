//! SQL fragments inside the schema (view bodies, index expressions, checks, predicates),
//! parsed with `sqlparser` to catch mistakes at load time and to learn what they reference.

use std::collections::BTreeSet;
use std::ops::ControlFlow;

use sqlparser::ast::{DataType, Expr, ObjectName, ObjectNamePart, Query, Visit, Visitor};
use sqlparser::parser::{Parser, ParserError};

use crate::schema::model::Dialect;

/// A parse error at a 0-based (line, column) inside the fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// A relation named in a query, at a 0-based (line, column) inside the query text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationRef {
    pub name: String,
    pub line: usize,
    pub column: usize,
}

/// sqlparser's message without its prefix, and the 1-based (line, column) it appends to
/// positioned errors (" at Line: L, Column: C"), if any.
pub fn parser_message(error: &ParserError) -> (String, Option<(usize, usize)>) {
    let text = error.to_string();
    let text = text
        .strip_prefix("sql parser error: ")
        .unwrap_or(&text)
        .to_string();
    let Some(at) = text.rfind(" at Line: ") else {
        return (text, None);
    };
    let mut numbers = text[at + " at Line: ".len()..]
        .split(", Column: ")
        .map(|n| n.trim().parse::<usize>().unwrap_or(1));
    let line = numbers.next().unwrap_or(1);
    let column = numbers.next().unwrap_or(1);
    (text[..at].to_string(), Some((line, column)))
}

fn sql_error(error: ParserError) -> SqlError {
    let (message, position) = parser_message(&error);
    let (line, column) = position.unwrap_or((1, 1));
    SqlError {
        line: line.saturating_sub(1),
        column: column.saturating_sub(1),
        message,
    }
}

/// Parses a view body (one query) and returns the relations it reads, CTEs excluded.
pub fn query_relations(sql: &str, dialect: Dialect) -> Result<Vec<RelationRef>, SqlError> {
    let dialect = crate::dialect::spec(dialect).sql_parser();
    let statements = Parser::parse_sql(dialect.as_ref(), sql).map_err(sql_error)?;
    if statements.len() != 1 {
        return Err(SqlError {
            line: 0,
            column: 0,
            message: format!(
                "a view body must be one SELECT statement, found {}",
                statements.len()
            ),
        });
    }
    let mut collector = RelationCollector::default();
    let _ = statements.visit(&mut collector);
    Ok(collector
        .relations
        .into_iter()
        .filter(|r| !collector.ctes.contains(&r.name))
        .collect())
}

#[derive(Default)]
struct RelationCollector {
    relations: Vec<RelationRef>,
    ctes: BTreeSet<String>,
}

impl Visitor for RelationCollector {
    type Break = ();

    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<()> {
        if let Some(with) = &query.with {
            for cte in &with.cte_tables {
                self.ctes.insert(cte.alias.name.value.clone());
            }
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_relation(&mut self, relation: &ObjectName) -> ControlFlow<()> {
        if let Some(ObjectNamePart::Identifier(ident)) = relation.0.last() {
            let start = ident.span.start;
            self.relations.push(RelationRef {
                name: ident.value.clone(),
                line: (start.line as usize).saturating_sub(1),
                column: (start.column as usize).saturating_sub(1),
            });
        }
        ControlFlow::Continue(())
    }
}

/// What an expression does that validation cares about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExprFacts {
    /// Columns cast to a date or time type: `CAST(col AS TIMESTAMP)`, `col::date`.
    pub casts_to_time: Vec<String>,
}

/// Parses one SQL expression (PostgreSQL syntax, the stricter of the two).
pub fn expression_facts(sql: &str) -> Result<ExprFacts, SqlError> {
    let expr = parse_one_expression(sql, Dialect::Postgres)?;
    let mut facts = ExprFacts::default();
    let _ = expr.visit(&mut CastCollector(&mut facts));
    Ok(facts)
}

/// What a piece of SQL written into the schema stands for in the DDL around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fragment {
    /// One expression: a check, a default, a generated column, an index expression or `where`.
    Expression,
    /// One type name, written per dialect.
    Type,
    /// One statement: a view body (one trailing `;` allowed).
    Query,
}

/// Refuses text that could leave the place it is written in the DDL, tokenized the way
/// `dialect` reads it (strings, quoted identifiers, dollar quotes): a `;` (a second
/// statement), a `)` that closes what dbtool opened, a top-level `,` (another column or
/// constraint), and the comments engines read differently from sqlparser (a `/*` inside a
/// block comment: PostgreSQL nests them, SQLite does not; a carriage return in a `--` comment:
/// PostgreSQL ends the comment there).
pub fn guard_fragment(sql: &str, dialect: Dialect, fragment: Fragment) -> Result<(), SqlError> {
    let parser_dialect = crate::dialect::spec(dialect).sql_parser();
    let tokens = sqlparser::tokenizer::Tokenizer::new(parser_dialect.as_ref(), sql)
        .tokenize_with_location()
        .map_err(|e| SqlError {
            line: (e.location.line as usize).saturating_sub(1),
            column: (e.location.column as usize).saturating_sub(1),
            message: e.message,
        })?;
    use sqlparser::tokenizer::{Token, Whitespace};
    let at = |token: &sqlparser::tokenizer::TokenWithSpan, message: String| SqlError {
        line: (token.span.start.line as usize).saturating_sub(1),
        column: (token.span.start.column as usize).saturating_sub(1),
        message,
    };
    let last_code = tokens
        .iter()
        .rposition(|t| !matches!(t.token, Token::Whitespace(_) | Token::EOF));
    let mut depth = 0usize;
    for (index, token) in tokens.iter().enumerate() {
        match &token.token {
            Token::LParen => depth += 1,
            Token::RParen if depth == 0 => {
                return Err(at(token, "this `)` closes nothing the text opened".into()))
            }
            Token::RParen => depth -= 1,
            Token::SemiColon if fragment == Fragment::Query && Some(index) == last_code => {}
            Token::SemiColon => {
                return Err(at(
                    token,
                    "a `;` would end the statement dbtool writes this into".into(),
                ))
            }
            Token::Comma if depth == 0 && fragment != Fragment::Query => {
                return Err(at(
                    token,
                    "a `,` outside parentheses would start another column or constraint".into(),
                ))
            }
            Token::Whitespace(Whitespace::MultiLineComment(text)) if text.contains("/*") => {
                return Err(at(
                    token,
                    "a comment inside a comment: engines disagree on where it ends".into(),
                ))
            }
            Token::Whitespace(Whitespace::SingleLineComment { comment, .. })
                if !comment.ends_with('\n') =>
            {
                return Err(at(
                    token,
                    "a `--` comment at the end would swallow what dbtool writes after it on the same line".into(),
                ))
            }
            Token::Whitespace(Whitespace::SingleLineComment { comment, .. })
                if comment.contains('\r') =>
            {
                return Err(at(
                    token,
                    "a carriage return inside a `--` comment ends the comment on PostgreSQL".into(),
                ))
            }
            _ => {}
        }
    }
    if depth > 0 {
        let end = tokens.last().map_or((0, 0), |t| {
            (
                (t.span.end.line as usize).saturating_sub(1),
                (t.span.end.column as usize).saturating_sub(1),
            )
        });
        return Err(SqlError {
            line: end.0,
            column: end.1,
            message: "a `(` is never closed".into(),
        });
    }
    Ok(())
}

/// Whether `sql` can follow `DEFAULT` without parentheses on SQLite: a literal, a signed
/// number, `CURRENT_TIMESTAMP`/`CURRENT_DATE`/`CURRENT_TIME`, or an expression already in
/// parentheses. Anything else (`1 + 1`, `datetime('now')`) must be put in parentheses.
pub fn stands_alone_as_default(sql: &str, dialect: Dialect) -> bool {
    use sqlparser::ast::UnaryOperator;
    let Ok(expr) = parse_one_expression(sql, dialect) else {
        return false;
    };
    match expr {
        Expr::Value(_) | Expr::Nested(_) => true,
        Expr::UnaryOp {
            op: UnaryOperator::Minus | UnaryOperator::Plus,
            expr,
        } => matches!(*expr, Expr::Value(_)),
        Expr::Identifier(ident) => matches!(
            ident.value.to_ascii_uppercase().as_str(),
            "CURRENT_TIMESTAMP" | "CURRENT_DATE" | "CURRENT_TIME"
        ),
        Expr::Function(function) => {
            function.args == sqlparser::ast::FunctionArguments::None
                && matches!(
                    function.name.to_string().to_ascii_uppercase().as_str(),
                    "CURRENT_TIMESTAMP" | "CURRENT_DATE" | "CURRENT_TIME"
                )
        }
        _ => false,
    }
}

/// One expression in `dialect`'s syntax, with nothing before or after it that could leave its
/// place in the DDL ([`guard_fragment`]).
pub fn check_expression_for(sql: &str, dialect: Dialect) -> Result<(), SqlError> {
    guard_fragment(sql, dialect, Fragment::Expression)?;
    parse_one_expression(sql, dialect).map(|_| ())
}

/// One expression and nothing after it, in `dialect`'s syntax.
fn parse_one_expression(sql: &str, dialect: Dialect) -> Result<Expr, SqlError> {
    let parser_dialect = crate::dialect::spec(dialect).sql_parser();
    let mut parser = Parser::new(parser_dialect.as_ref())
        .try_with_sql(sql)
        .map_err(sql_error)?;
    let expr = parser.parse_expr().map_err(sql_error)?;
    let rest = parser.peek_token();
    if rest.token != sqlparser::tokenizer::Token::EOF {
        let start = rest.span.start;
        return Err(SqlError {
            line: (start.line as usize).saturating_sub(1),
            column: (start.column as usize).saturating_sub(1),
            message: format!("unexpected `{}` after the expression", rest.token),
        });
    }
    Ok(expr)
}

struct CastCollector<'a>(&'a mut ExprFacts);

impl Visitor for CastCollector<'_> {
    type Break = ();

    fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<()> {
        if let Expr::Cast {
            expr: inner,
            data_type,
            ..
        } = expr
        {
            let to_time = matches!(
                data_type,
                DataType::Timestamp(..) | DataType::Date | DataType::Datetime(_)
            );
            if let (true, Expr::Identifier(ident)) = (to_time, inner.as_ref()) {
                self.0.casts_to_time.push(ident.value.clone());
            }
        }
        ControlFlow::Continue(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_exclude_ctes_and_keep_positions() {
        let refs = query_relations(
            "WITH recent AS (SELECT * FROM threads)\nSELECT * FROM recent JOIN users u ON true",
            Dialect::Postgres,
        )
        .unwrap();
        let names: Vec<&str> = refs.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["threads", "users"]);
        assert_eq!((refs[1].line, refs[1].column), (1, 26));
    }

    #[test]
    fn casts_to_timestamps_are_found() {
        let facts = expression_facts("CAST(\"createdAt\" AS TIMESTAMP)").unwrap();
        assert_eq!(facts.casts_to_time, ["createdAt"]);
        let facts = expression_facts("lower(name)").unwrap();
        assert!(facts.casts_to_time.is_empty());
    }

    #[test]
    fn fragments_that_could_leave_their_place_are_refused() {
        let refused = [
            ("n) STORED); DROP TABLE posts; --", "closes nothing"),
            ("1; DROP TABLE t", "`;`"),
            ("0, evil text", "`,`"),
            ("(1", "never closed"),
            (
                "1 /* /* */ ); DROP TABLE t; /* */ */",
                "comment inside a comment",
            ),
            ("1 -- x\rDROP TABLE t\n", "comment"),
            ("b > 0 -- positive", "swallow"),
        ];
        for (sql, expected) in refused {
            for dialect in [Dialect::Postgres, Dialect::Sqlite] {
                let error = guard_fragment(sql, dialect, Fragment::Expression).expect_err(sql);
                assert!(error.message.contains(expected), "{sql}: {}", error.message);
            }
        }
        for fine in [
            "lower(name)",
            "coalesce(a, b) > 0",
            "x = ';'",
            "\"a;b\" > 0",
            "numeric(10, 2)",
        ] {
            guard_fragment(fine, Dialect::Postgres, Fragment::Expression).expect(fine);
            guard_fragment(fine, Dialect::Sqlite, Fragment::Expression).expect(fine);
        }
        guard_fragment("SELECT 1;", Dialect::Sqlite, Fragment::Query).expect("trailing ;");
        assert!(guard_fragment("SELECT 1; SELECT 2", Dialect::Sqlite, Fragment::Query).is_err());
        // PostgreSQL reads an E-string's \' as a quote; SQLite reads E as a name and the
        // string as ending there, so the rest is live SQL on SQLite.
        let sneaky = "x = E'\\' ) ; DROP TABLE t; --'";
        assert!(guard_fragment(sneaky, Dialect::Postgres, Fragment::Expression).is_ok());
        assert!(guard_fragment(sneaky, Dialect::Sqlite, Fragment::Expression).is_err());
    }

    #[test]
    fn parse_errors_have_positions() {
        let error = expression_facts("a +").unwrap_err();
        assert_eq!(error.line, 0);
        assert!(query_relations("SELEC 1", Dialect::Sqlite).is_err());
    }
}
