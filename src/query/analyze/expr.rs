//! Expressions: parameters and literals, operators, CASE, and how a parameter takes the type
//! of what it is compared with or stored into.

use super::*;

impl<'a, 's> Query<'a, 's> {
    pub(super) fn param(
        &mut self,
        number: usize,
        at: &impl Spanned,
        expect: Option<&QType>,
    ) -> Result<Typed> {
        let location = at.span().start;
        let Some(slot) = self.params.get_mut(number.wrapping_sub(1)) else {
            return Err(error(at, format!("parameter ${number} is not declared")));
        };
        if slot.first_use.is_none() {
            slot.first_use = Some((location.line as u32, location.column as u32));
        }
        if let Some(want) = expect {
            match &slot.ty {
                None => slot.ty = Some(want.clone()),
                Some(have) if have == want => {}
                Some(have) if have.compatible(want) => {}
                Some(have) => {
                    return Err(error(
                        at,
                        format!(
                            "parameter `{}` is used as {have} and here as {want}",
                            slot.decl.name
                        ),
                    )
                    .help("use two parameters, or CAST one use to the other's type"))
                }
            }
        }
        let nullable = slot.decl.nullable;
        Ok(Typed {
            ty: slot.ty.clone(),
            nullable,
            why: if nullable {
                format!("`{}` is declared with sqlc.narg", slot.decl.name)
            } else {
                format!("parameter `{}`", slot.decl.name)
            },
            name: None,
            origin: None,
        })
    }

    /// Types `expr`. `expect` is the type the context wants; a parameter without a type yet
    /// takes it.
    pub(super) fn expr(
        &mut self,
        expr: &Expr,
        scope: &Scope<'_>,
        expect: Option<&QType>,
    ) -> Result<Typed> {
        match expr {
            Expr::Identifier(ident) => self.column(ident, scope),
            Expr::CompoundIdentifier(parts) => self.qualified_column(parts, scope),
            Expr::Value(value) => self.value(value, expect),
            Expr::Nested(inner) => {
                let mut typed = self.expr(inner, scope, expect)?;
                typed.name = None;
                Ok(typed)
            }
            Expr::BinaryOp { left, op, right } => self.binary(expr, left, op, right, scope),
            Expr::AnyOp { left, right, .. } | Expr::AllOp { left, right, .. } => {
                self.any_or_all(expr, left, right, scope)
            }
            Expr::UnaryOp { op, expr: inner } => match op {
                UnaryOperator::Not => {
                    let typed = self.expr(inner, scope, Some(&QType::Bool))?;
                    Ok(Typed::known(QType::Bool, typed.nullable, typed.why))
                }
                UnaryOperator::Minus | UnaryOperator::Plus => {
                    let mut typed = self.expr(inner, scope, expect)?;
                    typed.name = None;
                    typed.origin = None;
                    Ok(typed)
                }
                _ => Err(error(expr, format!("operator `{op}` is not supported"))),
            },
            Expr::IsNull(inner) | Expr::IsNotNull(inner) => {
                self.expr(inner, scope, None)?;
                Ok(Typed::known(QType::Bool, false, "IS [NOT] NULL is never NULL"))
            }
            Expr::IsTrue(inner)
            | Expr::IsNotTrue(inner)
            | Expr::IsFalse(inner)
            | Expr::IsNotFalse(inner) => {
                self.expr(inner, scope, Some(&QType::Bool))?;
                Ok(Typed::known(QType::Bool, false, "IS [NOT] TRUE/FALSE is never NULL"))
            }
            Expr::Between {
                expr: inner,
                low,
                high,
                ..
            } => {
                let (a, b) = self.pair(inner, low, scope)?;
                let c = self.expr(high, scope, a.ty.as_ref().or(b.ty.as_ref()))?;
                self.check_comparable(expr, &a, &c)?;
                self.link(low, &a);
                self.link(high, &a);
                // `@p BETWEEN low AND high`: the parameter is what the bounds are.
                self.link(inner, &b);
                self.link(inner, &c);
                Ok(Typed::known(
                    QType::Bool,
                    a.nullable || b.nullable || c.nullable,
                    "BETWEEN is NULL when an operand is",
                ))
            }
            Expr::InList { expr: inner, list, .. } => {
                let typed = self.expr(inner, scope, None)?;
                let mut nullable = typed.nullable;
                let mut ty = typed.ty.clone();
                for item in list {
                    let t = self.expr(item, scope, ty.as_ref())?;
                    self.check_comparable(item, &typed, &t)?;
                    self.link(item, &typed);
                    // `@p IN (col_a, col_b)`: the parameter meets each column.
                    self.link(inner, &t);
                    nullable |= t.nullable;
                    ty = ty.or(t.ty);
                }
                if typed.ty.is_none() {
                    self.expr(inner, scope, ty.as_ref())?;
                }
                Ok(Typed::known(QType::Bool, nullable, "IN is NULL when an operand is"))
            }
            Expr::InSubquery {
                expr: inner,
                subquery,
                ..
            } => {
                let (columns, _) = self.subquery(subquery, scope)?;
                let [column] = columns.as_slice() else {
                    return Err(error(
                        subquery.as_ref(),
                        "the subquery of IN must give one column",
                    ));
                };
                let typed = self.expr(inner, scope, column.ty.as_ref())?;
                if let Some(origin) = column.origin.clone() {
                    self.link_origin(inner, origin);
                }
                Ok(Typed::known(
                    QType::Bool,
                    typed.nullable || column.nullable,
                    "IN is NULL when an operand is",
                ))
            }
            Expr::Exists { subquery, .. } => {
                self.subquery(subquery, scope)?;
                Ok(Typed::known(QType::Bool, false, "EXISTS is never NULL"))
            }
            Expr::Subquery(subquery) => {
                let (columns, _) = self.subquery(subquery, scope)?;
                let [column] = columns.as_slice() else {
                    return Err(error(
                        subquery.as_ref(),
                        "a subquery used as a value must give one column",
                    ));
                };
                Ok(Typed {
                    ty: column.ty.clone(),
                    nullable: true,
                    why: "a scalar subquery is NULL when it finds no row".into(),
                    name: None,
                    origin: None,
                })
            }
            Expr::Like { expr: inner, pattern, .. } | Expr::ILike { expr: inner, pattern, .. } => {
                let a = self.expr(inner, scope, Some(&QType::Text))?;
                let b = self.expr(pattern, scope, Some(&QType::Text))?;
                Ok(Typed::known(
                    QType::Bool,
                    a.nullable || b.nullable,
                    "LIKE is NULL when an operand is",
                ))
            }
            Expr::Cast {
                expr: inner,
                data_type,
                ..
            } => {
                let Some(ty) = types::of_data_type(data_type, self.enums()) else {
                    return Err(error(expr, format!("dbtool does not know the type `{data_type}`")));
                };
                let typed = match inner.as_ref() {
                    // CAST gives an unknown function its type: only its arguments are checked.
                    Expr::Function(function) if self.known_function(function).is_none() => {
                        let nullable = self.function_args(function, scope)?.iter().any(|a| a.nullable);
                        Typed::known(ty.clone(), nullable, "")
                    }
                    _ => self.expr(inner, scope, Some(&ty))?,
                };
                let why = if typed.nullable {
                    format!("CAST keeps NULL: {}", typed.why)
                } else {
                    format!("CAST of a non-null value: {}", typed.why)
                };
                Ok(Typed::known(ty, typed.nullable, why))
            }
            Expr::Case {
                operand,
                conditions,
                else_result,
                ..
            } => self.case(operand.as_deref(), conditions, else_result.as_deref(), scope, expect),
            Expr::Function(function) => self.function(expr, function, scope, expect),
            Expr::TypedString(typed_string) => {
                let data_type = &typed_string.data_type;
                let Some(ty) = types::of_data_type(data_type, self.enums()) else {
                    return Err(error(expr, format!("dbtool does not know the type `{data_type}`")));
                };
                Ok(Typed::known(ty, false, "a literal"))
            }
            Expr::Interval(_) => Ok(Typed::known(QType::Interval, false, "a literal")),
            other => Err(error(
                other,
                "dbtool's analyzer does not support this expression yet",
            )
            .help("rewrite it with supported SQL (docs/queries.md lists it), or put the query in a dialect override")),
        }
    }

    pub(super) fn value(
        &mut self,
        value: &ast::ValueWithSpan,
        expect: Option<&QType>,
    ) -> Result<Typed> {
        match &value.value {
            Value::Number(text, _) => {
                let ty = if text.contains(['.', 'e', 'E']) {
                    QType::Numeric
                } else if text.parse::<i32>().is_ok() {
                    QType::Int
                } else {
                    QType::BigInt
                };
                Ok(Typed::known(ty, false, "a literal"))
            }
            Value::SingleQuotedString(_) | Value::EscapedStringLiteral(_) => {
                // A string literal takes the type the context wants (an enum, a timestamp, …),
                // as PostgreSQL's `unknown` literals do.
                let ty = match expect {
                    Some(want) if !want.is_numeric() && *want != QType::Bool => want.clone(),
                    _ => QType::Text,
                };
                Ok(Typed::known(ty, false, "a literal"))
            }
            Value::Boolean(_) => Ok(Typed::known(QType::Bool, false, "a literal")),
            Value::Null => Ok(Typed {
                ty: expect.cloned(),
                nullable: true,
                why: "NULL".into(),
                name: None,
                origin: None,
            }),
            Value::Placeholder(text) => {
                let number = text
                    .trim_start_matches(['$', '?'])
                    .parse::<usize>()
                    .map_err(|_| {
                        error(value, format!("`{text}` is not a parameter dbtool wrote"))
                    })?;
                self.param(number, value, expect)
            }
            _ => Err(error(value, "this kind of literal is not supported")),
        }
    }

    /// `param` is compared with `other`: when it is a parameter and `other` a schema column,
    /// the parameter is that column's (for per-column type overrides).
    pub(super) fn link(&mut self, param: &Expr, other: &Typed) {
        if let Some(origin) = other.origin.clone() {
            self.link_origin(param, origin);
        }
    }

    pub(super) fn link_origin(&mut self, param: &Expr, origin: String) {
        let Some(number) = placeholder_number(param) else {
            return;
        };
        if let Some(slot) = self.params.get_mut(number.wrapping_sub(1)) {
            if !slot.origins.contains(&origin) {
                slot.origins.push(origin);
            }
        }
    }

    /// Types two operands so that a parameter on one side takes the other side's type.
    pub(super) fn pair(
        &mut self,
        left: &Expr,
        right: &Expr,
        scope: &Scope<'_>,
    ) -> Result<(Typed, Typed)> {
        if placeholder_number(left).is_some()
            || matches!(left, Expr::Value(v) if v.value == Value::Null)
        {
            let r = self.expr(right, scope, None)?;
            let l = self.expr(left, scope, r.ty.as_ref())?;
            return Ok((l, r));
        }
        let l = self.expr(left, scope, None)?;
        let r = self.expr(right, scope, l.ty.as_ref())?;
        if l.ty.is_none() && r.ty.is_some() {
            let l = self.expr(left, scope, r.ty.as_ref())?;
            return Ok((l, r));
        }
        Ok((l, r))
    }

    pub(super) fn check_comparable(&self, at: &Expr, a: &Typed, b: &Typed) -> Result<()> {
        if let (Some(x), Some(y)) = (&a.ty, &b.ty) {
            if !x.compatible(y) {
                return Err(error(at, format!("cannot compare {x} with {y}"))
                    .help("compare values of one type, or CAST one side"));
            }
        }
        Ok(())
    }

    /// `x = ANY(array)`, `x <> ALL(array)`: the array holds values of x's type, a parameter
    /// on either side takes its type from the other (`id = ANY(@ids)` makes `ids` a bigint[]).
    fn any_or_all(
        &mut self,
        whole: &Expr,
        left: &Expr,
        right: &Expr,
        scope: &Scope<'_>,
    ) -> Result<Typed> {
        let mut l = self.expr(left, scope, None)?;
        let array_of_left = l.ty.clone().map(|t| QType::Array(Box::new(t)));
        let r = self.expr(right, scope, array_of_left.as_ref())?;
        let element = match &r.ty {
            Some(QType::Array(element)) => Some((**element).clone()),
            Some(other) => {
                return Err(error(
                    right,
                    format!("ANY and ALL take an array, but this is {other}"),
                ))
            }
            None => None,
        };
        if l.ty.is_none() {
            l = self.expr(left, scope, element.as_ref())?;
        }
        let as_element = Typed {
            ty: element,
            ..r.clone()
        };
        self.check_comparable(whole, &l, &as_element)?;
        self.link(left, &as_element);
        self.link(right, &l);
        Ok(Typed::known(
            QType::Bool,
            l.nullable || r.nullable,
            "ANY/ALL is NULL when an operand is",
        ))
    }

    pub(super) fn binary(
        &mut self,
        whole: &Expr,
        left: &Expr,
        op: &BinaryOperator,
        right: &Expr,
        scope: &Scope<'_>,
    ) -> Result<Typed> {
        use BinaryOperator as B;
        match op {
            B::Eq | B::NotEq | B::Lt | B::LtEq | B::Gt | B::GtEq => {
                let (l, r) = self.pair(left, right, scope)?;
                self.check_comparable(whole, &l, &r)?;
                self.link(left, &r);
                self.link(right, &l);
                let why = if l.nullable || r.nullable {
                    "a comparison with a nullable operand can be NULL"
                } else {
                    "a comparison of non-null operands"
                };
                Ok(Typed::known(QType::Bool, l.nullable || r.nullable, why))
            }
            B::And | B::Or => {
                let l = self.expr(left, scope, Some(&QType::Bool))?;
                let r = self.expr(right, scope, Some(&QType::Bool))?;
                for (side, typed) in [(left, &l), (right, &r)] {
                    if let Some(ty) = &typed.ty {
                        if *ty != QType::Bool {
                            return Err(error(
                                side,
                                format!("{op} needs true or false, but this is {ty}"),
                            ));
                        }
                    }
                }
                Ok(Typed::known(
                    QType::Bool,
                    l.nullable || r.nullable,
                    "AND/OR of nullable conditions can be NULL",
                ))
            }
            B::Plus | B::Minus | B::Multiply | B::Divide | B::Modulo => {
                let (l, r) = self.pair(left, right, scope)?;
                let ty = match (&l.ty, &r.ty) {
                    (Some(a), Some(b)) => Some(types::arithmetic(a, b).ok_or_else(|| {
                        error(whole, format!("cannot apply `{op}` to {a} and {b}"))
                    })?),
                    (a, b) => a.clone().or(b.clone()),
                };
                let nullable = l.nullable || r.nullable;
                let why = if nullable {
                    format!(
                        "arithmetic with a nullable operand: {}",
                        if l.nullable { &l.why } else { &r.why }
                    )
                } else {
                    "arithmetic on non-null operands".to_string()
                };
                Ok(Typed {
                    ty,
                    nullable,
                    why,
                    name: None,
                    origin: None,
                })
            }
            // Arrays (and jsonb) overlapping or containing one another: one type both sides.
            B::PGOverlap | B::AtArrow | B::ArrowAt => {
                let (l, r) = self.pair(left, right, scope)?;
                self.check_comparable(whole, &l, &r)?;
                self.link(left, &r);
                self.link(right, &l);
                Ok(Typed::known(
                    QType::Bool,
                    l.nullable || r.nullable,
                    "a comparison with a nullable operand can be NULL",
                ))
            }
            B::StringConcat => {
                let l = self.expr(left, scope, Some(&QType::Text))?;
                let r = self.expr(right, scope, Some(&QType::Text))?;
                Ok(Typed::known(
                    QType::Text,
                    l.nullable || r.nullable,
                    "|| is NULL when an operand is",
                ))
            }
            B::Arrow | B::LongArrow if json_reassociated(left, op, right).is_some() => {
                // sqlparser binds `->`/`->>` looser than comparisons, IS NULL, LIKE, IN and
                // BETWEEN; PostgreSQL and SQLite bind them tighter. Re-associate.
                match json_reassociated(left, op, right) {
                    Some(fixed) => self.expr(&fixed, scope, None),
                    None => Err(error(whole, "cannot read this JSON access")),
                }
            }
            B::Arrow | B::LongArrow => {
                let l = self.expr(left, scope, None)?;
                self.expr(right, scope, Some(&QType::Text))?;
                let ty = if *op == B::LongArrow {
                    QType::Text
                } else {
                    l.ty.unwrap_or(QType::Jsonb)
                };
                Ok(Typed::known(
                    ty,
                    true,
                    "a JSON key can be missing, so the result can be NULL",
                ))
            }
            B::AtAt | B::Match => {
                // Full-text match: PostgreSQL's tsvector @@ tsquery, SQLite's FTS5 MATCH.
                let l = self.expr(left, scope, None)?;
                let want = if *op == B::Match {
                    QType::Text
                } else {
                    QType::TsQuery
                };
                let r = self.expr(right, scope, Some(&want))?;
                Ok(Typed::known(
                    QType::Bool,
                    l.nullable || r.nullable,
                    "a full-text match is NULL when an operand is",
                ))
            }
            other => Err(error(
                whole,
                format!("operator `{other}` is not supported by dbtool's analyzer"),
            )),
        }
    }

    pub(super) fn case(
        &mut self,
        operand: Option<&Expr>,
        conditions: &[ast::CaseWhen],
        else_result: Option<&Expr>,
        scope: &Scope<'_>,
        expect: Option<&QType>,
    ) -> Result<Typed> {
        let operand_type = match operand {
            Some(o) => self.expr(o, scope, None)?.ty,
            None => None,
        };
        for when in conditions {
            match &operand_type {
                Some(ty) => {
                    self.expr(&when.condition, scope, Some(ty))?;
                }
                None if operand.is_some() => {
                    self.expr(&when.condition, scope, None)?;
                }
                None => self.condition(&when.condition, scope)?,
            }
        }
        let results: Vec<&Expr> = conditions
            .iter()
            .map(|w| &w.result)
            .chain(else_result)
            .collect();
        // Type the results that are not parameters first; parameters then take their type.
        let mut ty = expect.cloned();
        let mut typed = Vec::new();
        for result in results.iter().filter(|r| placeholder_number(r).is_none()) {
            let t = self.expr(result, scope, ty.as_ref())?;
            if ty.is_none() {
                ty = t.ty.clone();
            }
            typed.push(t);
        }
        for result in results.iter().filter(|r| placeholder_number(r).is_some()) {
            typed.push(self.expr(result, scope, ty.as_ref())?);
        }
        let (nullable, why) = if else_result.is_none() {
            (
                true,
                "CASE without ELSE is NULL when no branch matches".to_string(),
            )
        } else if let Some(t) = typed.iter().find(|t| t.nullable) {
            (true, format!("a CASE branch can be NULL: {}", t.why))
        } else {
            (false, "every CASE branch is non-null".to_string())
        };
        Ok(Typed {
            ty,
            nullable,
            why,
            name: None,
            origin: None,
        })
    }
}

/// `a ->> (k = v)` (sqlparser's reading of `a ->> k = v`) as `(a ->> k) = v`, and likewise for
/// AND/OR, IS [NOT] NULL, LIKE, IN and BETWEEN on the right of the arrow; `None` when the right
/// side is a plain key.
pub(super) fn json_reassociated(left: &Expr, op: &BinaryOperator, right: &Expr) -> Option<Expr> {
    use BinaryOperator as B;
    let access = |key: &Expr| {
        Box::new(Expr::BinaryOp {
            left: Box::new(left.clone()),
            op: op.clone(),
            right: Box::new(key.clone()),
        })
    };
    Some(match right {
        Expr::BinaryOp {
            left: key,
            op: outer @ (B::Eq | B::NotEq | B::Lt | B::LtEq | B::Gt | B::GtEq | B::And | B::Or),
            right: rest,
        } => Expr::BinaryOp {
            left: access(key),
            op: outer.clone(),
            right: rest.clone(),
        },
        Expr::IsNull(key) => Expr::IsNull(access(key)),
        Expr::IsNotNull(key) => Expr::IsNotNull(access(key)),
        Expr::Like {
            negated,
            any,
            expr: key,
            pattern,
            escape_char,
        } => Expr::Like {
            negated: *negated,
            any: *any,
            expr: access(key),
            pattern: pattern.clone(),
            escape_char: escape_char.clone(),
        },
        Expr::InList {
            expr: key,
            list,
            negated,
        } => Expr::InList {
            expr: access(key),
            list: list.clone(),
            negated: *negated,
        },
        Expr::Between {
            expr: key,
            negated,
            low,
            high,
        } => Expr::Between {
            expr: access(key),
            negated: *negated,
            low: low.clone(),
            high: high.clone(),
        },
        _ => return None,
    })
}

pub(super) fn placeholder_number(expr: &Expr) -> Option<usize> {
    match expr {
        Expr::Value(v) => match &v.value {
            Value::Placeholder(text) => text.trim_start_matches(['$', '?']).parse().ok(),
            _ => None,
        },
        Expr::Nested(inner) => placeholder_number(inner),
        _ => None,
    }
}

pub(super) fn literal_string(expr: &Expr) -> bool {
    matches!(expr, Expr::Value(v) if matches!(v.value, Value::SingleQuotedString(_)))
}
