//! FROM: tables, views, subqueries and CTEs in scope, and joins with the nullability they
//! give each side.

use super::*;

impl<'a, 's> Query<'a, 's> {
    pub(super) fn table_with_joins(
        &mut self,
        item: &TableWithJoins,
        outer: Option<&Scope<'_>>,
    ) -> Result<Vec<Relation>> {
        let mut relations = self.factor(&item.relation, outer)?;
        for join in &item.joins {
            let mut right = self.factor(&join.relation, outer)?;
            let (constraint, kind) = match &join.join_operator {
                JoinOperator::Join(c) | JoinOperator::Inner(c) => (Some(c), None),
                JoinOperator::Left(c) | JoinOperator::LeftOuter(c) => (Some(c), Some("LEFT JOIN")),
                JoinOperator::Right(c) | JoinOperator::RightOuter(c) => {
                    (Some(c), Some("RIGHT JOIN"))
                }
                JoinOperator::FullOuter(c) => (Some(c), Some("FULL JOIN")),
                JoinOperator::CrossJoin(c) => (Some(c), None),
                _ => {
                    return Err(error(&join.relation, "this kind of join is not supported"));
                }
            };
            // The ON condition sees both sides before either is null-extended.
            if let Some(JoinConstraint::On(on)) = constraint {
                let mut both = relations.clone();
                both.extend(right.iter().cloned());
                let scope = Scope {
                    relations: both,
                    outer,
                };
                self.condition(on, &scope)?;
            }
            match constraint {
                Some(JoinConstraint::Using(names)) => {
                    for name in names {
                        let (ident, column) = object_name(name)
                            .ok_or_else(|| error(name, "cannot read this column name"))?;
                        merge_joined_column(&relations, &mut right, ident, &column)?;
                    }
                }
                Some(JoinConstraint::Natural) => {
                    let common: Vec<String> = right
                        .iter()
                        .flat_map(|r| r.columns.iter().map(|c| c.name.clone()))
                        .filter(|name| visible_in(&relations, name))
                        .collect();
                    for relation in &mut right {
                        relation.merged.extend(common.iter().cloned());
                    }
                }
                _ => {}
            }
            match kind {
                Some("LEFT JOIN") => null_extend(&mut right, "LEFT JOIN"),
                Some("RIGHT JOIN") => null_extend(&mut relations, "RIGHT JOIN"),
                Some("FULL JOIN") => {
                    null_extend(&mut relations, "FULL JOIN");
                    null_extend(&mut right, "FULL JOIN");
                }
                _ => {}
            }
            relations.extend(right);
        }
        Ok(relations)
    }

    /// A set-returning function in FROM: `generate_series(a, b[, step])` (rows of a's type,
    /// never NULL) and `unnest(array)` (its elements, which may be NULL), PostgreSQL's. The
    /// column is named as PostgreSQL names it: the alias's column, else the alias, else the
    /// function.
    fn set_returning_function(
        &mut self,
        name: &impl Spanned,
        function: &str,
        exprs: &[&Expr],
        alias: Option<&ast::TableAlias>,
        outer: Option<&Scope<'_>>,
    ) -> Result<Vec<Relation>> {
        let function = function.to_string();
        if !self.analyzer.dialect.runs_on_postgres() {
            return Err(error(
                name,
                format!("{function}() in FROM exists on PostgreSQL only"),
            )
            .help(format!(
                "write this query for {} in queries/{}/FILE.sql under the same name (docs/queries.md, \"Per-dialect versions\")",
                self.analyzer.dialect, self.analyzer.dialect
            )));
        }
        let scope = Scope {
            relations: Vec::new(),
            outer,
        };
        let (ty, nullable, why) = match (function.as_str(), exprs) {
            ("generate_series", [start, stop, rest @ ..]) if rest.len() <= 1 => {
                let (a, b) = self.pair(start, stop, &scope)?;
                let ty = a.ty.clone().or(b.ty.clone());
                self.check_comparable(start, &a, &b)?;
                if let Some(step) = rest.first() {
                    let step_type = match &ty {
                        Some(QType::Timestamp | QType::Timestamptz) => Some(QType::Interval),
                        other => other.clone(),
                    };
                    self.expr(step, &scope, step_type.as_ref())?;
                }
                (ty, false, "generate_series() gives no NULL rows")
            }
            ("unnest", [array]) => {
                let typed = self.expr(array, &scope, None)?;
                let element = match typed.ty {
                    Some(QType::Array(element)) => Some(*element),
                    Some(other) => {
                        return Err(error(
                            *array,
                            format!("unnest() takes an array, but this is {other}"),
                        ))
                    }
                    None => None,
                };
                (element, true, "an array's elements can be NULL")
            }
            _ => {
                return Err(error(
                    name,
                    format!("dbtool does not know the set-returning function `{function}` with these arguments"),
                )
                .help("dbtool types generate_series(start, stop[, step]) and unnest(array) in FROM; or select from a subquery that CASTs each column"))
            }
        };
        let Some(ty) = ty else {
            return Err(error(
                name,
                format!("cannot tell the type of what {function}() gives"),
            )
            .help("give an argument a type: CAST(@start AS bigint)"));
        };
        let relation_name = alias.map_or(function.clone(), |a| ident_name(&a.name));
        let column_name = alias
            .and_then(|a| a.columns.first().map(|c| ident_name(&c.name)))
            .unwrap_or_else(|| relation_name.clone());
        Ok(vec![Relation {
            name: relation_name,
            columns: vec![RelCol {
                name: column_name,
                ty: Some(ty),
                nullable,
                why: why.to_string(),
                origin: None,
            }],
            table: None,
            merged: Vec::new(),
        }])
    }

    pub(super) fn factor(
        &mut self,
        factor: &TableFactor,
        outer: Option<&Scope<'_>>,
    ) -> Result<Vec<Relation>> {
        match factor {
            TableFactor::Table {
                name,
                alias,
                args: Some(args),
                ..
            } => {
                let (_, function) = object_name(name)
                    .ok_or_else(|| error(name, "cannot read this function name"))?;
                let exprs: Vec<&Expr> = args
                    .args
                    .iter()
                    .filter_map(|arg| match arg {
                        FunctionArg::Unnamed(FunctionArgExpr::Expr(expr)) => Some(expr),
                        _ => None,
                    })
                    .collect();
                self.set_returning_function(name, &function, &exprs, alias.as_ref(), outer)
            }
            TableFactor::UNNEST {
                alias,
                array_exprs,
                with_offset: false,
                with_ordinality: false,
                ..
            } if array_exprs.len() == 1 => {
                let exprs: Vec<&Expr> = array_exprs.iter().collect();
                self.set_returning_function(
                    &array_exprs[0],
                    "unnest",
                    &exprs,
                    alias.as_ref(),
                    outer,
                )
            }
            TableFactor::Table { name, alias, .. } => {
                let (ident, table_name) =
                    object_name(name).ok_or_else(|| error(name, "cannot read this table name"))?;
                let mut relation =
                    if let Some(cte) = self.ctes.iter().rev().find(|c| c.name == table_name) {
                        cte.clone()
                    } else if let Some(table) = self.analyzer.table_relation(&table_name) {
                        table
                    } else if let Some(view) = self.analyzer.view_relation(&table_name, ident)? {
                        view
                    } else {
                        return Err(self.unknown_relation(ident, &table_name));
                    };
                if let Some(alias) = alias {
                    relation.name = ident_name(&alias.name);
                    for (column, renamed) in relation.columns.iter_mut().zip(&alias.columns) {
                        column.name = ident_name(&renamed.name);
                    }
                }
                Ok(vec![relation])
            }
            TableFactor::Derived {
                subquery, alias, ..
            } => {
                let (mut columns, _) = self.query(subquery, outer)?;
                let Some(alias) = alias else {
                    return Err(
                        error(subquery.as_ref(), "a subquery in FROM needs an alias")
                            .help("write `(SELECT …) AS name`"),
                    );
                };
                for (column, renamed) in columns.iter_mut().zip(&alias.columns) {
                    column.name = ident_name(&renamed.name);
                }
                Ok(vec![Relation {
                    name: ident_name(&alias.name),
                    columns,
                    table: None,
                    merged: Vec::new(),
                }])
            }
            TableFactor::NestedJoin {
                table_with_joins,
                alias,
            } => {
                let relations = self.table_with_joins(table_with_joins, outer)?;
                if alias.is_some() {
                    return Err(error(
                        factor,
                        "an alias on a parenthesised join is not supported",
                    ));
                }
                Ok(relations)
            }
            other => Err(error(
                other,
                "this kind of FROM item is not supported by dbtool's analyzer",
            )),
        }
    }
}

/// `JOIN … USING (column)`: both sides must have it; the right side's copy is then reachable
/// only qualified, so the unqualified name means the left side's (as in PostgreSQL for inner
/// and left joins).
pub(super) fn merge_joined_column(
    left: &[Relation],
    right: &mut [Relation],
    ident: &Ident,
    column: &str,
) -> Result<()> {
    let on_right = right
        .iter_mut()
        .find(|r| r.columns.iter().any(|c| c.name == column));
    match on_right {
        Some(relation) if visible_in(left, column) => {
            relation.merged.push(column.to_string());
            Ok(())
        }
        _ => Err(error_ident(
            ident,
            format!(
                "USING names column {}, which both sides of the join must have",
                show(column)
            ),
        )),
    }
}

/// Marks every column of `relations` as possibly NULL, because they are the optional side of
/// an outer join.
pub(super) fn null_extend(relations: &mut [Relation], join: &str) {
    for relation in relations {
        for column in &mut relation.columns {
            if !column.nullable {
                column.nullable = true;
                column.why = format!(
                    "`{}` is the optional side of a {join}, so `{}` is NULL when no row matches",
                    relation.name, column.name
                );
            }
        }
    }
}
