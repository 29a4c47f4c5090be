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

    pub(super) fn factor(
        &mut self,
        factor: &TableFactor,
        outer: Option<&Scope<'_>>,
    ) -> Result<Vec<Relation>> {
        match factor {
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
