//! Queries: WITH, set operations, SELECT and its projection (with `*` recorded for
//! expansion), WHERE conditions.

use super::*;

impl<'a, 's> Query<'a, 's> {
    /// A query's result columns; `outer` is the enclosing scope of a correlated subquery.
    pub(super) fn query(
        &mut self,
        query: &ast::Query,
        outer: Option<&Scope<'_>>,
    ) -> Result<(Vec<RelCol>, Option<String>)> {
        let ctes_before = self.ctes.len();
        if let Some(with) = &query.with {
            for cte in &with.cte_tables {
                let name = ident_name(&cte.alias.name);
                // A recursive CTE (`anchor UNION ALL step`) reads itself in its step: the step
                // sees the anchor's columns, then the CTE is what the whole union gives.
                let anchor = match cte.query.body.as_ref() {
                    SetExpr::SetOperation { left, .. } if with.recursive => Some(left.as_ref()),
                    _ => None,
                };
                // Columns named by the CTE's own list need no names of their own.
                let named_by_list = !cte.alias.columns.is_empty();
                self.nameless_ok += usize::from(named_by_list);
                let read = self.cte_columns(&name, &cte.query, anchor, &cte.alias.columns, outer);
                self.nameless_ok -= usize::from(named_by_list);
                let mut columns = read?;
                rename_columns(&mut columns, &cte.alias.columns);
                if anchor.is_none() {
                    self.ctes.push(Relation {
                        name,
                        columns,
                        table: None,
                        merged: Vec::new(),
                    });
                } else if let Some(cte) = self.ctes.iter_mut().rev().find(|c| c.name == name) {
                    cte.columns = columns;
                }
            }
        }
        let result = self.query_body(query, outer);
        self.ctes.truncate(ctes_before);
        result
    }

    /// A CTE's columns; a recursive one's step sees the anchor's columns under the CTE's name
    /// (pushed here; the caller replaces them with what the union gives).
    fn cte_columns(
        &mut self,
        name: &str,
        cte_query: &ast::Query,
        anchor: Option<&SetExpr>,
        names: &[ast::TableAliasColumnDef],
        outer: Option<&Scope<'_>>,
    ) -> Result<Vec<RelCol>> {
        if let Some(anchor) = anchor {
            let (mut columns, _) = self.set_expr(anchor, outer)?;
            rename_columns(&mut columns, names);
            self.ctes.push(Relation {
                name: name.to_string(),
                columns,
                table: None,
                merged: Vec::new(),
            });
        }
        Ok(self.query(cte_query, outer)?.0)
    }

    /// A subquery inside an expression: it sees the enclosing scope, and its columns need no
    /// names.
    pub(super) fn subquery(
        &mut self,
        query: &ast::Query,
        scope: &Scope<'_>,
    ) -> Result<(Vec<RelCol>, Option<String>)> {
        self.nameless_ok += 1;
        let result = self.query(query, Some(scope));
        self.nameless_ok -= 1;
        result
    }

    pub(super) fn query_body(
        &mut self,
        query: &ast::Query,
        outer: Option<&Scope<'_>>,
    ) -> Result<(Vec<RelCol>, Option<String>)> {
        let (columns, relations) = self.set_expr(&query.body, outer)?;
        let scope = Scope { relations, outer };
        if let Some(order_by) = &query.order_by {
            if let ast::OrderByKind::Expressions(exprs) = &order_by.kind {
                for item in exprs {
                    let output_name = match &item.expr {
                        Expr::Identifier(ident) => {
                            columns.iter().any(|c| c.name == ident_name(ident))
                        }
                        _ => false,
                    };
                    if !output_name {
                        self.expr(&item.expr, &scope, None)?;
                    }
                }
            }
        }
        if let Some(limit) = &query.limit_clause {
            match limit {
                ast::LimitClause::LimitOffset { limit, offset, .. } => {
                    if let Some(limit) = limit {
                        self.expr(limit, &scope, Some(&QType::BigInt))?;
                    }
                    if let Some(offset) = offset {
                        self.expr(&offset.value, &scope, Some(&QType::BigInt))?;
                    }
                }
                ast::LimitClause::OffsetCommaLimit { offset, limit } => {
                    self.expr(offset, &scope, Some(&QType::BigInt))?;
                    self.expr(limit, &scope, Some(&QType::BigInt))?;
                }
            }
        }
        let table_row = table_row(&columns, &scope);
        Ok((columns, table_row))
    }

    /// Result columns, and the relations of the FROM clause (for ORDER BY).
    pub(super) fn set_expr(
        &mut self,
        body: &SetExpr,
        outer: Option<&Scope<'_>>,
    ) -> Result<(Vec<RelCol>, Vec<Relation>)> {
        match body {
            SetExpr::Select(select) => self.select(select, outer),
            SetExpr::Query(query) => Ok((self.query(query, outer)?.0, Vec::new())),
            SetExpr::SetOperation { left, right, .. } => {
                let (mut columns, _) = self.set_expr(left, outer)?;
                let (others, _) = self.set_expr(right, outer)?;
                if columns.len() != others.len() {
                    return Err(error(
                        right.as_ref(),
                        format!(
                            "each side of a set operation must give the same number of columns ({} and {})",
                            columns.len(),
                            others.len()
                        ),
                    ));
                }
                for (column, other) in columns.iter_mut().zip(others) {
                    if other.nullable && !column.nullable {
                        column.nullable = true;
                        column.why = format!("the other side of the set operation: {}", other.why);
                    }
                    if column.ty.is_none() {
                        column.ty = other.ty;
                    }
                    if column.origin != other.origin {
                        column.origin = None;
                    }
                }
                Ok((columns, Vec::new()))
            }
            SetExpr::Values(values) => {
                let scope = Scope {
                    relations: Vec::new(),
                    outer,
                };
                let mut columns = Vec::new();
                if let Some(row) = values.rows.first() {
                    for (i, value) in row.iter().enumerate() {
                        let typed = self.expr(value, &scope, None)?;
                        columns.push(RelCol {
                            name: format!("column{}", i + 1),
                            ty: typed.ty,
                            nullable: typed.nullable,
                            why: typed.why,
                            origin: None,
                        });
                    }
                }
                Ok((columns, Vec::new()))
            }
            other => Err(error(
                other,
                "this kind of query is not supported by dbtool's analyzer",
            )),
        }
    }

    pub(super) fn select(
        &mut self,
        select: &ast::Select,
        outer: Option<&Scope<'_>>,
    ) -> Result<(Vec<RelCol>, Vec<Relation>)> {
        let mut relations = Vec::new();
        for item in &select.from {
            relations.extend(self.table_with_joins(item, outer)?);
        }
        for (i, relation) in relations.iter().enumerate() {
            if relations[..i].iter().any(|r| r.name == relation.name) {
                return Err(error(
                    select,
                    format!(
                        "{} appears twice in FROM; give one of them an alias",
                        show(&relation.name)
                    ),
                ));
            }
        }
        let scope = Scope { relations, outer };
        if let Some(selection) = &select.selection {
            self.condition(selection, &scope)?;
        }
        if let GroupByExpr::Expressions(exprs, _) = &select.group_by {
            for expr in exprs {
                self.expr(expr, &scope, None)?;
            }
        }
        if let Some(having) = &select.having {
            self.condition(having, &scope)?;
        }
        let columns = self.projection(&select.projection, &scope)?;
        Ok((columns, scope.relations))
    }

    pub(super) fn condition(&mut self, expr: &Expr, scope: &Scope<'_>) -> Result<()> {
        let typed = self.expr(expr, scope, Some(&QType::Bool))?;
        match typed.ty {
            Some(QType::Bool) | None => Ok(()),
            Some(other) => Err(error(
                expr,
                format!("a condition must be true or false, but this is {other}"),
            )),
        }
    }

    pub(super) fn projection(
        &mut self,
        items: &[SelectItem],
        scope: &Scope<'_>,
    ) -> Result<Vec<RelCol>> {
        let mut columns: Vec<RelCol> = Vec::new();
        let mut at = Vec::new();
        for item in items {
            let start = item.span().start;
            let before = columns.len();
            match item {
                SelectItem::UnnamedExpr(expr) => {
                    let typed = self.expr(expr, scope, None)?;
                    // Unnamed, a column is named as PostgreSQL names it (`count(*)` is `count`),
                    // as sqlc does; only `?column?` (an operator, a literal) needs a name.
                    let derived = typed.name.is_none() && self.nameless_ok == 0;
                    let name = match typed.name.clone().or_else(|| postgres_column_name(expr)) {
                        Some(name) => {
                            if derived {
                                self.derived_names
                                    .push((self.projections + 1, columns.len()));
                            }
                            name
                        }
                        None if self.nameless_ok > 0 => "?column?".to_string(),
                        None => {
                            return Err(error(expr, "this result column has no name")
                                .help("name it: `… AS total_count`"))
                        }
                    };
                    columns.push(RelCol {
                        name,
                        ty: typed.ty,
                        nullable: typed.nullable,
                        why: typed.why,
                        origin: typed.origin,
                    });
                }
                SelectItem::ExprWithAlias { expr, alias } => {
                    let typed = self.expr(expr, scope, None)?;
                    let (name, forced) = alias_override(alias);
                    let (nullable, why) = match forced {
                        Some(true) => (false, format!("forced NOT NULL by `AS \"{name}!\"`")),
                        Some(false) => (true, format!("forced nullable by `AS \"{name}?\"`")),
                        None => (typed.nullable, typed.why),
                    };
                    columns.push(RelCol {
                        name,
                        ty: typed.ty,
                        nullable,
                        why,
                        origin: typed.origin,
                    });
                }
                SelectItem::Wildcard(_) => {
                    if scope.relations.is_empty() {
                        return Err(error(item, "`*` needs a FROM clause"));
                    }
                    let merged: Vec<&String> =
                        scope.relations.iter().flat_map(|r| &r.merged).collect();
                    let mut named = Vec::new();
                    for relation in &scope.relations {
                        for column in relation
                            .columns
                            .iter()
                            .filter(|c| !relation.merged.contains(&c.name))
                        {
                            // A USING column is one column of the join, named bare.
                            let qualifier =
                                (!merged.contains(&&column.name)).then(|| relation.name.clone());
                            named.push((qualifier, column.name.clone()));
                            columns.push(column.clone());
                        }
                    }
                    self.record_wildcard(item, named);
                }
                SelectItem::QualifiedWildcard(kind, _) => {
                    let SelectItemQualifiedWildcardKind::ObjectName(name) = kind else {
                        return Err(error(item, "`expr.*` is not supported"));
                    };
                    let (ident, relation_name) =
                        object_name(name).ok_or_else(|| error(name, "cannot read this name"))?;
                    let Some(relation) = scope.relations.iter().find(|r| r.name == relation_name)
                    else {
                        return Err(self.unknown_alias(ident, &relation_name, scope));
                    };
                    let named = relation
                        .columns
                        .iter()
                        .map(|c| (Some(relation.name.clone()), c.name.clone()))
                        .collect();
                    columns.extend(relation.columns.iter().cloned());
                    self.record_wildcard(item, named);
                }
            }
            let written = (start.line.max(1) as u32, start.column.max(1) as u32);
            at.extend(std::iter::repeat_n(written, columns.len() - before));
        }
        self.projection_at = at;
        // Inside EXISTS, IN or a scalar subquery the names are never read. Elsewhere a second
        // column of a name is an error, unless this is the statement's own result (its
        // projection is read last): there it is numbered as sqlc numbers it (`id_2`), which
        // `analysis` does once the statement is read.
        self.projections += 1;
        for (i, column) in columns.iter().enumerate().filter(|_| self.nameless_ok == 0) {
            if columns[..i].iter().any(|c| c.name == column.name) {
                let item = items
                    .get(i)
                    .map_or_else(|| error(&items[0], ""), |it| error(it, ""));
                self.duplicate_names.push((
                    self.projections,
                    AnalyzeError {
                        message: format!("two result columns are named `{}`", column.name),
                        help: Some("give one of them another name with AS".into()),
                        ..item
                    },
                ));
                break;
            }
        }
        Ok(columns)
    }

    pub(super) fn record_wildcard(
        &mut self,
        item: &SelectItem,
        columns: Vec<(Option<String>, String)>,
    ) {
        let span = item.span();
        self.wildcards.push(Wildcard {
            start: (span.start.line as u32, span.start.column as u32),
            end: (span.end.line as u32, span.end.column as u32),
            columns,
        });
    }
}

/// `AS "name!"` forces NOT NULL, `AS "name?"` forces nullable (sqlx's convention).
pub(super) fn alias_override(alias: &Ident) -> (String, Option<bool>) {
    let name = ident_name(alias);
    if let Some(stripped) = name.strip_suffix('!') {
        (stripped.to_string(), Some(true))
    } else if let Some(stripped) = name.strip_suffix('?') {
        (stripped.to_string(), Some(false))
    } else {
        (name, None)
    }
}

/// The table whose row `columns` are: one relation in scope, a schema table, same columns in
/// the same order with the same nullability.
pub(super) fn table_row(columns: &[RelCol], scope: &Scope<'_>) -> Option<String> {
    let [relation] = scope.relations.as_slice() else {
        return None;
    };
    let table = relation.table.as_ref()?;
    let same = columns.len() == relation.columns.len()
        && columns
            .iter()
            .zip(&relation.columns)
            .all(|(a, b)| a.name == b.name && a.ty == b.ty && a.nullable == b.nullable);
    same.then(|| table.clone())
}

/// The name PostgreSQL gives an unnamed result column, where it is a usable one: a function
/// call is named after the function (`count(*)` → `count`), a cast after what it casts, a CASE
/// `case`. `None` for what PostgreSQL calls `?column?`.
pub(super) fn postgres_column_name(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Function(function) => {
            let last = function.name.0.last()?;
            let ident = last.as_ident()?;
            Some(ident_name(ident))
        }
        Expr::Cast { expr, .. } | Expr::Nested(expr) => postgres_column_name(expr),
        Expr::Case { .. } => Some("case".to_string()),
        Expr::Exists { .. } => Some("exists".to_string()),
        Expr::CompoundIdentifier(parts) => parts.last().map(ident_name),
        Expr::Identifier(ident) => Some(ident_name(ident)),
        _ => None,
    }
}

/// Columns renamed by an alias's column list (`AS n(x, y)`), as far as it goes.
fn rename_columns(columns: &mut [RelCol], names: &[ast::TableAliasColumnDef]) {
    for (column, alias) in columns.iter_mut().zip(names) {
        column.name = ident_name(&alias.name);
    }
}
