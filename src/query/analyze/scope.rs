//! Names in scope: columns, qualified columns and relations, with did-you-mean errors.

use super::*;

impl<'a, 's> Query<'a, 's> {
    pub(super) fn unknown_relation(&self, ident: &Ident, name: &str) -> AnalyzeError {
        let schema = self.analyzer.schema;
        let mut candidates: Vec<&str> = schema.tables.iter().map(|t| t.name.as_str()).collect();
        candidates.extend(schema.views.iter().map(|v| v.name.as_str()));
        candidates.extend(schema.continuous_aggregates.iter().map(|c| c.name.as_str()));
        candidates.extend(self.ctes.iter().map(|c| c.name.as_str()));
        let message = format!("table {} does not exist", show(name));
        error_ident(ident, with_suggestion(message, name, &candidates))
    }

    pub(super) fn unknown_alias(
        &self,
        ident: &Ident,
        name: &str,
        scope: &Scope<'_>,
    ) -> AnalyzeError {
        let names: Vec<&str> = scope.relations.iter().map(|r| r.name.as_str()).collect();
        let mut message = format!("{} is not a table or alias of this query", show(name));
        if let Some(close) = closest(name, names.iter().copied()) {
            message.push_str(&format!("; did you mean {}?", show(close)));
        }
        error_ident(ident, message)
    }

    pub(super) fn unknown_column(
        &self,
        ident: &Ident,
        name: &str,
        relations: &[Relation],
    ) -> AnalyzeError {
        let candidates: Vec<&str> = relations
            .iter()
            .flat_map(|r| r.columns.iter().map(|c| c.name.as_str()))
            .collect();
        let mut message = match relations {
            [only] => match &only.table {
                Some(table) if *table != only.name => format!(
                    "column {} does not exist in table {} (as {})",
                    show(name),
                    show(table),
                    show(&only.name)
                ),
                _ => format!(
                    "column {} does not exist in table {}",
                    show(name),
                    show(&only.name)
                ),
            },
            _ => format!("column {} does not exist", show(name)),
        };
        if let Some((error, _)) = self.renamed_column(ident, name, relations) {
            return error;
        }
        message = with_suggestion(message, name, &candidates);
        error_ident(ident, message)
    }

    /// When a table in scope declares `renamed_from: name`, the error says so (a query
    /// written before the rename names the old column), with the column it now is.
    fn renamed_column<'r>(
        &self,
        ident: &Ident,
        name: &str,
        relations: &'r [Relation],
    ) -> Option<(AnalyzeError, Option<&'r RelCol>)> {
        let schema = self.analyzer.schema;
        relations.iter().find_map(|relation| {
            let table = schema.table(relation.table.as_deref()?)?;
            let column = table
                .columns
                .iter()
                .find(|c| c.renamed_from.as_ref().is_some_and(|old| old.value == name))?;
            let span = column.renamed_from.as_ref()?.span;
            let message = format!(
                "column {} of table {} was renamed to {} ({}:{})",
                show(name),
                show(&table.name.value),
                show(&column.name.value),
                schema.path_of(span),
                span.line
            );
            let help = format!(
                "write `{}` here and wherever this query names `{name}`",
                column.name.value
            );
            let now = relation
                .columns
                .iter()
                .find(|c| c.name == column.name.value);
            Some((error_ident(ident, message).help(help), now))
        })
    }

    /// A column named by its name before a rename: the error is kept and the analysis goes
    /// on with the column it now is, so that every place of the query is reported at once.
    fn renamed_use(&self, ident: &Ident, name: &str, relations: &[Relation]) -> Option<Typed> {
        let (error, now) = self.renamed_column(ident, name, relations)?;
        let now = now?;
        self.renamed_uses.borrow_mut().push(error);
        Some(Typed {
            ty: now.ty.clone(),
            nullable: now.nullable,
            why: now.why.clone(),
            name: Some(name.to_string()),
            origin: now.origin.clone(),
        })
    }

    pub(super) fn column(&self, ident: &Ident, scope: &Scope<'_>) -> Result<Typed> {
        let name = ident_name(ident);
        let mut current = Some(scope);
        while let Some(s) = current {
            let found: Vec<(&Relation, &RelCol)> = s
                .relations
                .iter()
                .filter(|r| !r.merged.contains(&name))
                .filter_map(|r| r.columns.iter().find(|c| c.name == name).map(|c| (r, c)))
                .collect();
            match found.as_slice() {
                [(_, column)] => {
                    return Ok(Typed {
                        ty: column.ty.clone(),
                        nullable: column.nullable,
                        why: column.why.clone(),
                        name: Some(name),
                        origin: column.origin.clone(),
                    })
                }
                [] => current = s.outer,
                [(a, _), (b, _), ..] => {
                    return Err(error_ident(
                        ident,
                        format!(
                            "column {} is ambiguous: both {} and {} have it",
                            show(&name),
                            show(&a.name),
                            show(&b.name)
                        ),
                    )
                    .help(format!("qualify it: {}.{}", a.name, name)))
                }
            }
        }
        if let Some(typed) = self.renamed_use(ident, &name, &scope.relations) {
            return Ok(typed);
        }
        Err(self.unknown_column(ident, &name, &scope.relations))
    }

    pub(super) fn qualified_column(&self, parts: &[Ident], scope: &Scope<'_>) -> Result<Typed> {
        let (relation_ident, column_ident) = match parts {
            [relation, column] => (relation, column),
            [_, relation, column] => (relation, column),
            _ => return Err(error_ident(&parts[0], "cannot read this column reference")),
        };
        let relation_name = ident_name(relation_ident);
        let column_name = ident_name(column_ident);
        let mut current = Some(scope);
        while let Some(s) = current {
            if let Some(relation) = s.relations.iter().find(|r| r.name == relation_name) {
                let Some(column) = relation.columns.iter().find(|c| c.name == column_name) else {
                    let relation = std::slice::from_ref(relation);
                    if let Some(typed) = self.renamed_use(column_ident, &column_name, relation) {
                        return Ok(typed);
                    }
                    return Err(self.unknown_column(column_ident, &column_name, relation));
                };
                return Ok(Typed {
                    ty: column.ty.clone(),
                    nullable: column.nullable,
                    why: column.why.clone(),
                    name: Some(column_name),
                    origin: column.origin.clone(),
                });
            }
            current = s.outer;
        }
        Err(self.unknown_alias(relation_ident, &relation_name, scope))
    }
}

pub(super) fn ident_name(ident: &Ident) -> String {
    // PostgreSQL folds unquoted names to lower case; quoted ones are exact.
    if ident.quote_style.is_some() {
        ident.value.clone()
    } else {
        ident.value.to_lowercase()
    }
}

pub(super) fn object_name(name: &ObjectName) -> Option<(&Ident, String)> {
    match name.0.last()? {
        ObjectNamePart::Identifier(ident) => Some((ident, ident_name(ident))),
        _ => None,
    }
}

pub(super) fn show(name: &str) -> String {
    format!("\"{name}\"")
}

/// Whether an unqualified `name` reaches a column of `relations`.
pub(super) fn visible_in(relations: &[Relation], name: &str) -> bool {
    relations
        .iter()
        .any(|r| !r.merged.iter().any(|m| m == name) && r.columns.iter().any(|c| c.name == name))
}

/// `message` with "did you mean …?" for the closest candidate. A name that differs only in
/// case was written unquoted and folded to lower case: say to quote it.
pub(super) fn with_suggestion(message: String, name: &str, candidates: &[&str]) -> String {
    if let Some(exact) = candidates.iter().find(|c| c.eq_ignore_ascii_case(name)) {
        return format!(
            "{message}; did you mean {}? (quote it: unquoted names are folded to lower case)",
            show(exact)
        );
    }
    match closest(name, candidates.iter().copied()) {
        Some(close) => format!("{message}; did you mean {}?", show(close)),
        None => message,
    }
}
