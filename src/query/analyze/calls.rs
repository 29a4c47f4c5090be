//! Function calls, typed from the catalog (`query/functions.toml`).

use super::*;

impl<'a, 's> Query<'a, 's> {
    pub(super) fn function_args(
        &mut self,
        function: &ast::Function,
        scope: &Scope<'_>,
    ) -> Result<Vec<Typed>> {
        let mut typed = Vec::new();
        for expr in args_of(function).into_iter().flatten() {
            typed.push(self.expr(expr, scope, None)?);
        }
        Ok(typed)
    }

    /// The function's name when the catalog knows it.
    pub(super) fn known_function(&self, function: &ast::Function) -> Option<String> {
        let name = function_name(function);
        functions::lookup(&name).map(|_| name)
    }

    /// Types a call of a function in the catalog ([`super::functions`]): its arguments as the
    /// entry expects them, its result and the result's nullability as the entry says.
    pub(super) fn function(
        &mut self,
        whole: &Expr,
        function: &ast::Function,
        scope: &Scope<'_>,
        expect: Option<&QType>,
    ) -> Result<Typed> {
        let name = function_name(function);
        let Some(entry) = functions::lookup(&name) else {
            return Err(error(
                whole,
                format!("dbtool does not know the function `{}`", function.name),
            )
            .help(format!(
                "give its result a type with CAST({}(…) AS type), or see docs/queries.md for the functions dbtool knows",
                function.name
            )));
        };
        if !entry.exists_on(self.analyzer.dialect) {
            return Err(error(
                whole,
                format!(
                    "{name}() does not exist on {} (only on {})",
                    self.analyzer.dialect,
                    entry.dialects.join(", ")
                ),
            )
            .help(format!(
                "write this query for {} in queries/{}/FILE.sql under the same name (docs/queries.md, \"Per-dialect versions\")",
                self.analyzer.dialect,
                self.analyzer.dialect
            )));
        }
        match &function.over {
            // The window's own expressions are read like any others (columns must exist,
            // parameters get their types); the call is typed by its entry.
            Some(ast::WindowType::WindowSpec(spec)) => {
                for expr in &spec.partition_by {
                    self.expr(expr, scope, None)?;
                }
                for order in &spec.order_by {
                    self.expr(&order.expr, scope, None)?;
                }
            }
            Some(ast::WindowType::NamedWindow(_)) => {}
            None if entry.window => {
                return Err(
                    error(whole, format!("{name}() is a window function")).help(format!(
                        "call it with a window: {name}(…) OVER (ORDER BY …)"
                    )),
                );
            }
            None => {}
        }
        let args: Vec<Option<&Expr>> = args_of(function);
        let count = args.len();
        if count < entry.min_args() || entry.max_args().is_some_and(|max| count > max) {
            let takes = match (entry.min_args(), entry.max_args()) {
                (min, Some(max)) if min == max => format!("{min}"),
                (min, Some(max)) => format!("{min} to {max}"),
                (min, None) => format!("at least {min}"),
            };
            return Err(error(
                whole,
                format!("{name}() takes {takes} argument(s), not {count}"),
            ));
        }
        let present: Vec<&Expr> = args.iter().flatten().copied().collect();
        if present.len() < count && !entry.star {
            return Err(error(whole, format!("{name}(*) is not SQL")));
        }
        let (typed, unified) = if entry.unify {
            self.unified_args(&present, scope, expect)?
        } else {
            (self.catalog_args(entry, &present, scope)?, None)
        };
        let ty = self.function_result(whole, entry, &typed, unified, count)?;
        let (nullable, why) = match entry.null {
            functions::Null::Never => (false, entry.why.clone()),
            functions::Null::Always => (true, entry.why.clone()),
            functions::Null::Any => (typed.iter().any(|t| t.nullable), entry.why.clone()),
            functions::Null::All => match typed.iter().find(|t| !t.nullable) {
                Some(t) => (
                    false,
                    entry
                        .why_not_null
                        .clone()
                        .unwrap_or_default()
                        .replace("{arg}", &t.why),
                ),
                None => (true, entry.why.clone()),
            },
        };
        Ok(Typed {
            ty,
            nullable,
            why: why.replace("{name}", &name),
            name: None,
            origin: None,
        })
    }

    /// Arguments typed as the entry expects them, by position.
    pub(super) fn catalog_args(
        &mut self,
        entry: &functions::Function,
        args: &[&Expr],
        scope: &Scope<'_>,
    ) -> Result<Vec<Typed>> {
        let mut typed: Vec<Typed> = Vec::new();
        for (i, arg) in args.iter().enumerate() {
            let want = match entry.expect(i) {
                functions::Expect::Nothing => None,
                functions::Expect::Type(ty) => Some(ty),
                functions::Expect::SameAs(n) => typed.get(n - 1).and_then(|t| t.ty.clone()),
            };
            typed.push(self.expr(arg, scope, want.as_ref())?);
        }
        Ok(typed)
    }

    /// Arguments that share one type: the call's expected type, else the first argument's
    /// that is not a parameter; parameters are typed last, with it. The shared type comes back.
    pub(super) fn unified_args(
        &mut self,
        args: &[&Expr],
        scope: &Scope<'_>,
        expect: Option<&QType>,
    ) -> Result<(Vec<Typed>, Option<QType>)> {
        let mut ty = expect.cloned();
        let mut typed = vec![None; args.len()];
        let values = args
            .iter()
            .enumerate()
            .filter(|(_, a)| placeholder_number(a).is_none());
        let params = args
            .iter()
            .enumerate()
            .filter(|(_, a)| placeholder_number(a).is_some());
        for (i, arg) in values.chain(params) {
            let t = self.expr(arg, scope, ty.as_ref())?;
            if ty.is_none() {
                ty = t.ty.clone();
            }
            typed[i] = Some(t);
        }
        Ok((typed.into_iter().flatten().collect(), ty))
    }

    /// The result type an entry gives, from its arguments' types.
    pub(super) fn function_result(
        &self,
        whole: &Expr,
        entry: &functions::Function,
        typed: &[Typed],
        unified: Option<QType>,
        count: usize,
    ) -> Result<Option<QType>> {
        let first = typed.first().and_then(|t| t.ty.clone());
        Ok(match entry.result() {
            functions::Returns::Type(ty) => Some(ty),
            functions::Returns::Unified => unified,
            functions::Returns::SameAs(n) => typed
                .get(n - 1)
                .and_then(|t| t.ty.clone())
                .or_else(|| entry.default_type()),
            functions::Returns::Sum => match first {
                Some(t) => {
                    Some(types::sum_of(&t).ok_or_else(|| error(whole, format!("cannot sum {t}")))?)
                }
                None => None,
            },
            functions::Returns::Avg => match first {
                Some(t) => Some(
                    types::avg_of(&t).ok_or_else(|| error(whole, format!("cannot average {t}")))?,
                ),
                None => None,
            },
            functions::Returns::Round => Some(match first {
                Some(QType::Real | QType::Double) if count == 1 => QType::Double,
                _ => QType::Numeric,
            }),
        })
    }
}

/// The arguments of a call; `None` for `*`.
/// A function's name as the catalog spells it: its last part, lower case.
pub(super) fn function_name(function: &ast::Function) -> String {
    function
        .name
        .0
        .last()
        .and_then(|part| match part {
            ObjectNamePart::Identifier(ident) => Some(ident.value.to_lowercase()),
            _ => None,
        })
        .unwrap_or_default()
}

pub(super) fn args_of(function: &ast::Function) -> Vec<Option<&Expr>> {
    match &function.args {
        FunctionArguments::List(list) => list
            .args
            .iter()
            .map(|arg| match arg {
                FunctionArg::Unnamed(FunctionArgExpr::Expr(e))
                | FunctionArg::Named {
                    arg: FunctionArgExpr::Expr(e),
                    ..
                } => Some(e),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}
