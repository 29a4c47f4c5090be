//! INSERT, UPDATE and DELETE: target columns, what is stored into them, RETURNING, and the
//! statement's dispatch.

use super::*;

impl<'a, 's> Query<'a, 's> {
    /// The result columns of a statement, and the table whose row they are, if any.
    pub(super) fn statement(
        &mut self,
        statement: &Statement,
    ) -> Result<(Vec<RelCol>, Option<String>)> {
        match statement {
            Statement::Query(query) => {
                let (columns, table) = self.query(query, None)?;
                Ok((columns, table))
            }
            Statement::Insert(insert) => self.insert(insert),
            Statement::Update {
                table,
                assignments,
                from,
                selection,
                returning,
                ..
            } => {
                let mut relations = self.table_with_joins(table, None)?;
                if let Some(from) = from {
                    let tables = match from {
                        ast::UpdateTableFromKind::BeforeSet(t)
                        | ast::UpdateTableFromKind::AfterSet(t) => t,
                    };
                    for t in tables {
                        relations.extend(self.table_with_joins(t, None)?);
                    }
                }
                let target = relations.first().cloned();
                let scope = Scope {
                    relations,
                    outer: None,
                };
                if let Some(target) = &target {
                    self.assignments(assignments, target, &scope)?;
                }
                if let Some(selection) = selection {
                    self.condition(selection, &scope)?;
                }
                self.returning(returning.as_deref(), &scope)
            }
            Statement::Delete(delete) => {
                let tables = match &delete.from {
                    ast::FromTable::WithFromKeyword(t) | ast::FromTable::WithoutKeyword(t) => t,
                };
                let mut relations = Vec::new();
                for t in tables {
                    relations.extend(self.table_with_joins(t, None)?);
                }
                if let Some(using) = &delete.using {
                    for t in using {
                        relations.extend(self.table_with_joins(t, None)?);
                    }
                }
                let scope = Scope {
                    relations,
                    outer: None,
                };
                if let Some(selection) = &delete.selection {
                    self.condition(selection, &scope)?;
                }
                self.returning(delete.returning.as_deref(), &scope)
            }
            other => Err(error(
                other,
                "dbtool analyses SELECT, INSERT, UPDATE and DELETE statements only",
            )),
        }
    }

    pub(super) fn returning(
        &mut self,
        returning: Option<&[SelectItem]>,
        scope: &Scope<'_>,
    ) -> Result<(Vec<RelCol>, Option<String>)> {
        let Some(items) = returning else {
            return Ok((Vec::new(), None));
        };
        let columns = self.projection(items, scope)?;
        let table_row = table_row(&columns, scope);
        Ok((columns, table_row))
    }

    pub(super) fn insert(&mut self, insert: &ast::Insert) -> Result<(Vec<RelCol>, Option<String>)> {
        let TableObject::TableName(name) = &insert.table else {
            return Err(error(
                &insert.table,
                "INSERT into a table function is not supported",
            ));
        };
        let (ident, table_name) =
            object_name(name).ok_or_else(|| error(name, "cannot read this table name"))?;
        let Some(mut target) = self.analyzer.table_relation(&table_name) else {
            return Err(self.unknown_relation(ident, &table_name));
        };
        if let Some(alias) = &insert.table_alias {
            target.name = ident_name(alias);
        }
        let mut columns = Vec::new();
        if insert.columns.is_empty() {
            columns = target.columns.clone();
        } else {
            for ident in &insert.columns {
                columns.push(self.target_column(&target, ident)?);
            }
        }
        if let Some(source) = &insert.source {
            match source.body.as_ref() {
                SetExpr::Values(values) => {
                    let scope = Scope {
                        relations: Vec::new(),
                        outer: None,
                    };
                    for row in &values.rows {
                        if row.len() != columns.len() {
                            return Err(error(
                                source.as_ref(),
                                format!(
                                    "INSERT names {} column(s) but a row of VALUES has {}",
                                    columns.len(),
                                    row.len()
                                ),
                            ));
                        }
                        for (value, column) in row.iter().zip(&columns) {
                            self.store(value, column, &target.name, &scope)?;
                        }
                    }
                }
                _ => {
                    let (selected, _) = self.query(source, None)?;
                    if selected.len() != columns.len() {
                        return Err(error(
                            source.as_ref(),
                            format!(
                                "INSERT names {} column(s) but the SELECT gives {}",
                                columns.len(),
                                selected.len()
                            ),
                        ));
                    }
                }
            }
        }
        self.bulk_insert = bulk_insert(insert, name);
        let mut relations = vec![target.clone()];
        if let Some(OnInsert::OnConflict(conflict)) = &insert.on {
            let mut excluded = target.clone();
            excluded.name = "excluded".into();
            excluded.table = None;
            relations.push(excluded);
            let scope = Scope {
                relations: relations.clone(),
                outer: None,
            };
            if let OnConflictAction::DoUpdate(update) = &conflict.action {
                self.assignments(&update.assignments, &target, &scope)?;
                if let Some(selection) = &update.selection {
                    self.condition(selection, &scope)?;
                }
            }
            relations.pop();
        } else if let Some(OnInsert::DuplicateKeyUpdate(assignments)) = &insert.on {
            return Err(error(
                &assignments[0],
                "ON DUPLICATE KEY UPDATE is MySQL's; write ON CONFLICT (…) DO UPDATE",
            ));
        }
        let scope = Scope {
            relations,
            outer: None,
        };
        self.returning(insert.returning.as_deref(), &scope)
    }

    pub(super) fn target_column(&self, target: &Relation, ident: &Ident) -> Result<RelCol> {
        let name = ident_name(ident);
        target
            .columns
            .iter()
            .find(|c| c.name == name)
            .cloned()
            .ok_or_else(|| self.unknown_column(ident, &name, std::slice::from_ref(target)))
    }

    /// `value` is stored into `column`: a parameter takes the column's type, and may be NULL
    /// when the column may.
    pub(super) fn store(
        &mut self,
        value: &Expr,
        column: &RelCol,
        table: &str,
        scope: &Scope<'_>,
    ) -> Result<()> {
        let typed = self.expr(value, scope, column.ty.as_ref())?;
        if let Some(origin) = column.origin.clone() {
            self.link_origin(value, origin);
        }
        if let Some(number) = placeholder_number(value) {
            let declared_nullable = self
                .params
                .get(number.wrapping_sub(1))
                .is_some_and(|slot| slot.decl.nullable);
            if declared_nullable && !column.nullable {
                return Err(self.nullable_into_not_null(value, number, column, table));
            }
            if let Some(slot) = self.params.get_mut(number.wrapping_sub(1)) {
                if column.nullable {
                    slot.nullable_target = true;
                } else {
                    slot.stored_not_null = true;
                }
            }
        }
        if let (Some(have), Some(want)) = (&typed.ty, &column.ty) {
            if !(have.compatible(want) || have.is_textual() && literal_string(value)) {
                return Err(error(
                    value,
                    format!(
                        "`{table}.{}` is {want}, but this value is {have}",
                        column.name
                    ),
                ));
            }
        }
        Ok(())
    }

    /// A parameter declared nullable (`sqlc.narg`) stored into a NOT NULL column: the function
    /// would take an `Option` whose `None` the database refuses.
    fn nullable_into_not_null(
        &self,
        value: &Expr,
        number: usize,
        column: &RelCol,
        table: &str,
    ) -> AnalyzeError {
        let name = self
            .params
            .get(number.wrapping_sub(1))
            .map_or(String::new(), |slot| slot.decl.name.clone());
        let default = self
            .analyzer
            .schema
            .table(table)
            .and_then(|t| t.columns.iter().find(|c| c.name.value == column.name))
            .and_then(|c| c.default.as_ref())
            .map(|d| d.value.to_string());
        let help = match default {
            Some(default) => format!(
                "take it with @{name} (a value, not an Option); `{table}.{}` has a default ({default}), but it applies only when the statement leaves the column out: an explicit NULL is refused",
                column.name
            ),
            None => format!(
                "take it with @{name} (a value, not an Option), or make `{table}.{}` nullable",
                column.name
            ),
        };
        error(
            value,
            format!(
                "`{table}.{}` is NOT NULL, but `sqlc.narg({name})` may be NULL",
                column.name
            ),
        )
        .help(help)
    }

    pub(super) fn assignments(
        &mut self,
        assignments: &[ast::Assignment],
        target: &Relation,
        scope: &Scope<'_>,
    ) -> Result<()> {
        for assignment in assignments {
            let ast::AssignmentTarget::ColumnName(name) = &assignment.target else {
                return Err(error(assignment, "assign one column at a time"));
            };
            let (ident, _) =
                object_name(name).ok_or_else(|| error(name, "cannot read this column name"))?;
            let column = self.target_column(target, ident)?;
            self.store(&assignment.value, &column, &target.name, scope)?;
        }
        Ok(())
    }
}

/// The shape of `INSERT INTO t (a, b) VALUES ($1, $2)`: explicit columns, one row of distinct
/// parameters in order, no ON CONFLICT, no RETURNING.
pub(super) fn bulk_insert(insert: &ast::Insert, table: &ObjectName) -> Option<BulkInsert> {
    if insert.columns.is_empty() || insert.on.is_some() || insert.returning.is_some() {
        return None;
    }
    let source = insert.source.as_ref()?;
    let SetExpr::Values(values) = source.body.as_ref() else {
        return None;
    };
    let [row] = values.rows.as_slice() else {
        return None;
    };
    let in_order = row
        .iter()
        .enumerate()
        .all(|(i, value)| placeholder_number(value) == Some(i + 1));
    (in_order && row.len() == insert.columns.len()).then(|| BulkInsert {
        table: table.to_string(),
        columns: insert.columns.iter().map(ToString::to_string).collect(),
    })
}
