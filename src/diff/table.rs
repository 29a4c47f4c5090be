//! How one kept table changes: in place on dialects that can ALTER, by a rebuild otherwise.

use super::{AtStake, Plan, Renames, Step, TablePair};
use crate::dialect::Capabilities;
use crate::resolved::{ColumnContext, KeyContext, TableContext};
use crate::schema::Numbering;

/// Prefix of the temporary table a SQLite rebuild copies rows into.
pub const STAGING_PREFIX: &str = "_dbtool_new_";

/// (reshaped, rebuilt) for a kept table; see [`TablePair`].
pub fn classify(
    old: &TableContext,
    new: &TableContext,
    renames: &Renames,
    caps: Capabilities,
) -> (bool, bool) {
    let columns = pair_columns(old, new, renames);
    let renamed = old.name != new.name;
    let columns_reshaped = columns.dropped.len() + columns.renamed().count() > 0
        || columns.pairs.iter().any(|(o, n)| o.ty != n.ty);
    if caps.alter_columns {
        return (renamed || columns_reshaped, false);
    }
    if without_comments(old) == without_comments(new) {
        return (false, false);
    }
    let rebuilt = !in_place(old, new, &columns);
    (renamed || columns_reshaped || rebuilt, rebuilt)
}

/// The steps for one kept table.
pub fn alter(plan: &mut Plan, pair: &TablePair<'_>, renames: &Renames, caps: Capabilities) {
    let columns = pair_columns(pair.old, pair.new, renames);
    name_column_hazards(plan, pair, &columns);
    if !caps.alter_columns {
        if pair.rebuilt {
            rebuild(plan, pair, &columns);
        } else {
            for (old, new) in columns.renamed() {
                plan.steps.push(Step::RenameColumn {
                    table: pair.new.name.clone(),
                    from: old.name.clone(),
                    to: new.name.clone(),
                });
            }
            for column in &columns.added {
                plan.steps.push(Step::AddColumn {
                    table: pair.new.name.clone(),
                    column: (*column).clone(),
                });
            }
        }
        return;
    }
    alter_in_place(plan, pair, &columns);
}

struct ColumnPairs<'a> {
    /// (old, new) for every kept column, in the new table's order.
    pairs: Vec<(&'a ColumnContext, &'a ColumnContext)>,
    added: Vec<&'a ColumnContext>,
    dropped: Vec<&'a ColumnContext>,
}

impl<'a> ColumnPairs<'a> {
    fn renamed(&self) -> impl Iterator<Item = &(&'a ColumnContext, &'a ColumnContext)> {
        self.pairs.iter().filter(|(o, n)| o.name != n.name)
    }
}

fn pair_columns<'a>(
    old: &'a TableContext,
    new: &'a TableContext,
    renames: &Renames,
) -> ColumnPairs<'a> {
    let mut pairs = Vec::new();
    let mut added = Vec::new();
    for column in &new.columns {
        let old_name = renames.old_column_name(&new.name, &column.name);
        match old.columns.iter().find(|c| c.name == old_name) {
            Some(old_column) => pairs.push((old_column, column)),
            None => added.push(column),
        }
    }
    let dropped = old
        .columns
        .iter()
        .filter(|c| !pairs.iter().any(|(o, _)| o.name == c.name))
        .collect();
    ColumnPairs {
        pairs,
        added,
        dropped,
    }
}

fn without_comments(table: &TableContext) -> TableContext {
    let mut table = table.clone();
    table.comment = None;
    for column in &mut table.columns {
        column.comment = None;
    }
    table
}

/// The old table with its renamed columns under their new names (comments left out): what
/// `RENAME COLUMN` makes of it.
fn renamed_old(old: &TableContext, columns: &ColumnPairs<'_>) -> TableContext {
    let mut renamed = without_comments(old);
    for column in &mut renamed.columns {
        if let Some((_, n)) = columns.renamed().find(|(o, _)| o.name == column.name) {
            column.name = n.name.clone();
        }
    }
    renamed
}

/// SQLite's `RENAME COLUMN` and `ADD COLUMN` can do it, each where SQLite allows it: columns
/// renamed, columns appended at the end (each as `ADD COLUMN` accepts it), nothing else changed.
/// A key, check or foreign key that names a renamed column differs in text and so takes the
/// rebuild, which keeps generated constraint names equal to a fresh render's.
fn in_place(old: &TableContext, new: &TableContext, columns: &ColumnPairs<'_>) -> bool {
    if !columns.dropped.is_empty() {
        return false;
    }
    let renamed = renamed_old(old, columns);
    let new = without_comments(new);
    if new.columns.len() < renamed.columns.len() {
        return false;
    }
    let appended = &new.columns[renamed.columns.len()..];
    let mut shrunk = new.clone();
    shrunk.columns.truncate(renamed.columns.len());
    shrunk == renamed && appended.iter().all(addable_in_place)
}

/// Why SQLite has to rebuild the table (what `ALTER TABLE` cannot do there), and what would
/// avoid it where something would.
fn rebuild_reason(old: &TableContext, new: &TableContext, columns: &ColumnPairs<'_>) -> String {
    if old.name != new.name {
        return "it is renamed and reshaped at once".to_string();
    }
    if let Some(column) = columns.dropped.first() {
        return format!("column `{}` is dropped", column.name);
    }
    if let Some((o, n)) = columns.pairs.iter().find(|(o, n)| o.ty != n.ty) {
        return format!(
            "column `{}` changes type ({} to {})",
            n.name,
            type_text(o),
            type_text(n)
        );
    }
    if let Some((_, n)) = columns.pairs.iter().find(|(o, n)| o.not_null != n.not_null) {
        return format!("column `{}` changes nullability", n.name);
    }
    if let Some((_, n)) = columns.pairs.iter().find(|(o, n)| o.default != n.default) {
        return format!("column `{}` changes its default", n.name);
    }
    let renamed = renamed_old(old, columns);
    let first_added = new
        .columns
        .iter()
        .position(|c| columns.added.iter().any(|a| a.name == c.name));
    if let Some(at) = first_added {
        if at < renamed.columns.len() {
            return format!(
                "column `{}` is added before existing columns (declare it last to add it in place)",
                new.columns[at].name
            );
        }
        if let Some(column) = new.columns[at..].iter().find(|c| !addable_in_place(c)) {
            return format!(
                "column `{}` cannot be added in place (a key, a generated column, a default that is not a constant, or NOT NULL without a default)",
                column.name
            );
        }
    }
    "its keys, checks, foreign keys or options change".to_string()
}

/// A serial column is numbered from a sequence it owns: a column becoming serial, or a serial
/// one becoming an identity column, needs a sequence made and set past the column's highest
/// value, which dbtool does not write. (Identity kinds change in place; a serial column can
/// drop its numbering.)
fn numbering_change_impossible(old: &ColumnContext, new: &ColumnContext) -> Option<String> {
    let serial = |c: &ColumnContext| c.identity && c.numbering == Numbering::Serial;
    if serial(new) && !serial(old) {
        return Some("becoming `serial` needs a sequence created and set past the existing values; write that migration by hand (`dbtool migration new`), or keep the column's numbering".to_string());
    }
    (serial(old) && new.identity && !serial(new)).then(|| {
        "a `serial` column becoming `identity` needs the identity set past the existing values; write that migration by hand (`dbtool migration new`), or keep it `serial`".to_string()
    })
}

/// What `ALTER TABLE … ADD COLUMN` accepts on SQLite: no key, a constant default, and a
/// default when the column is NOT NULL.
fn addable_in_place(column: &ColumnContext) -> bool {
    let constant_default = column.default.as_ref().is_none_or(|d| {
        matches!(
            d.kind,
            "number" | "bool" | "null" | "string" | "empty_array"
        )
    });
    let has_default = column.default.as_ref().is_some_and(|d| d.kind != "null");
    constant_default
        && !column.identity
        && column.generated.is_none()
        && (!column.not_null || has_default)
}

fn name_column_hazards(plan: &mut Plan, pair: &TablePair<'_>, columns: &ColumnPairs<'_>) {
    let table = &pair.new.name;
    for column in &columns.dropped {
        plan.loss(
            format!(
                "drops column `{}.{}` and the data in it",
                pair.old.name, column.name
            ),
            AtStake::values(&pair.old.name, &column.name),
        );
    }
    for column in &columns.added {
        let has_default = column.default.as_ref().is_some_and(|d| d.kind != "null");
        if column.not_null && !has_default && !column.identity && column.generated.is_none() {
            plan.hazard(
                false,
                format!(
                    "adds NOT NULL column `{table}.{}` without a default: fails if `{table}` has rows",
                    column.name
                ),
            );
        }
    }
    for (old, new) in &columns.pairs {
        let only_values_differ = old.ty.keyword == new.ty.keyword
            && old.ty.name == new.ty.name
            && old.ty.array == new.ty.array
            && old.ty.check == new.ty.check;
        if only_values_differ && old.ty.enum_values != new.ty.enum_values {
            // SQLite keeps an enum as a CHECK: adding values loses nothing, removing may.
            let removed: Vec<String> = old
                .ty
                .enum_values
                .iter()
                .filter(|v| !new.ty.enum_values.contains(v))
                .map(|v| format!("`{v}`"))
                .collect();
            if !removed.is_empty() {
                plan.loss(
                    format!(
                        "`{table}.{}` no longer accepts {}: rows holding them make the migration fail",
                        new.name,
                        removed.join(", ")
                    ),
                    AtStake::values(&pair.old.name, &old.name),
                );
            }
        } else if old.ty != new.ty && !widens(&old.ty.keyword, &new.ty.keyword) {
            plan.loss(
                format!(
                    "changes the type of `{table}.{}` from {} to {}: values that do not fit are lost or make the migration fail",
                    new.name,
                    type_text(old),
                    type_text(new)
                ),
                AtStake::values(&pair.old.name, &old.name),
            );
        }
        if new.not_null && !old.not_null {
            plan.hazard(
                false,
                format!(
                    "makes `{table}.{}` NOT NULL: fails if any row holds NULL",
                    new.name
                ),
            );
        }
    }
    if pair.rebuilt {
        let why = rebuild_reason(pair.old, pair.new, columns);
        plan.hazard(
            false,
            format!("rebuilds table `{table}` because {why}: every row is copied into a new table"),
        );
    }
}

fn type_text(column: &ColumnContext) -> String {
    let base = column
        .ty
        .name
        .clone()
        .unwrap_or_else(|| column.ty.keyword.clone());
    if column.ty.array {
        format!("{base}[]")
    } else {
        base
    }
}

/// Whether every value of type `from` fits in `to` unchanged.
fn widens(from: &str, to: &str) -> bool {
    fn parts(t: &str) -> (&str, Vec<u32>) {
        match t.split_once('(') {
            Some((base, rest)) => (
                base,
                rest.trim_end_matches(')')
                    .split(',')
                    .filter_map(|n| n.trim().parse().ok())
                    .collect(),
            ),
            None => (t, Vec::new()),
        }
    }
    let (fb, fa) = parts(from);
    let (tb, ta) = parts(to);
    let integer_rank = |t: &str| match t {
        "smallint" => Some(0),
        "integer" => Some(1),
        "bigint" => Some(2),
        _ => None,
    };
    match (fb, tb) {
        ("varchar" | "char", "text") => true,
        ("varchar", "varchar") => ta.first() >= fa.first(),
        ("real", "double precision") => true,
        ("numeric", "numeric") if ta.is_empty() => true,
        ("numeric", "numeric") => {
            let (fp, fs) = (
                fa.first().copied().unwrap_or(0),
                fa.get(1).copied().unwrap_or(0),
            );
            let (tp, ts) = (
                ta.first().copied().unwrap_or(0),
                ta.get(1).copied().unwrap_or(0),
            );
            ts >= fs && tp - ts >= fp.saturating_sub(fs)
        }
        _ => match (integer_rank(fb), integer_rank(tb)) {
            (Some(f), Some(t)) => t >= f,
            _ => false,
        },
    }
}

fn rebuild(plan: &mut Plan, pair: &TablePair<'_>, columns: &ColumnPairs<'_>) {
    let mut staging = pair.new.clone();
    staging.name = format!("{STAGING_PREFIX}{}", pair.new.name);
    let copy = columns
        .pairs
        .iter()
        .filter(|(_, n)| n.generated.is_none())
        .map(|(o, n)| (n.name.clone(), o.name.clone()))
        .collect();
    plan.steps.push(Step::RebuildTable {
        from: Box::new(pair.old.clone()),
        to: Box::new(pair.new.clone()),
        staging: Box::new(staging),
        copy,
    });
}

fn alter_in_place(plan: &mut Plan, pair: &TablePair<'_>, columns: &ColumnPairs<'_>) {
    let table = pair.new.name.clone();
    let rename_column = |name: &str| -> String {
        columns
            .pairs
            .iter()
            .find(|(o, _)| o.name == name)
            .map(|(_, n)| n.name.clone())
            .unwrap_or_else(|| name.to_string())
    };
    // Constraints are matched by what they say, so a rename that changes a generated name
    // (`t_a_key` to `t_b_key`) renames the constraint instead of rebuilding it.
    let renamed_key = |key: &KeyContext| KeyContext {
        name: key.name.clone(),
        columns: key.columns.iter().map(|c| rename_column(c)).collect(),
    };
    let mut drops = Vec::new();
    let mut renames = Vec::new();
    let mut adds = Vec::new();
    match (&pair.old.primary_key, &pair.new.primary_key) {
        (Some(o), Some(n)) if renamed_key(o).columns == n.columns => {
            if o.name != n.name {
                renames.push((o.name.clone(), n.name.clone()));
            }
        }
        (o, n) => {
            if let Some(o) = o {
                drops.push(o.name.clone());
            }
            if let Some(n) = n {
                adds.push(Step::AddPrimaryKey {
                    table: table.clone(),
                    key: n.clone(),
                });
            }
        }
    }
    for o in &pair.old.uniques {
        let moved = renamed_key(o);
        match pair.new.uniques.iter().find(|n| n.columns == moved.columns) {
            Some(n) if n.name != o.name => renames.push((o.name.clone(), n.name.clone())),
            Some(_) => {}
            None => drops.push(o.name.clone()),
        }
    }
    for n in &pair.new.uniques {
        if !pair
            .old
            .uniques
            .iter()
            .any(|o| renamed_key(o).columns == n.columns)
        {
            adds.push(Step::AddUnique {
                table: table.clone(),
                key: n.clone(),
            });
        }
    }
    for o in &pair.old.checks {
        match pair.new.checks.iter().find(|n| n.name == o.name) {
            Some(n) if n.expr == o.expr && columns.renamed().count() == 0 => {}
            _ => drops.push(o.name.clone()),
        }
    }
    for n in &pair.new.checks {
        let kept = pair
            .old
            .checks
            .iter()
            .any(|o| o.name == n.name && o.expr == n.expr && columns.renamed().count() == 0);
        if !kept {
            adds.push(Step::AddCheck {
                table: table.clone(),
                check: n.clone(),
            });
        }
    }

    for name in drops {
        plan.steps.push(Step::DropConstraint {
            table: table.clone(),
            name,
        });
    }
    for (old, new) in columns.renamed() {
        plan.steps.push(Step::RenameColumn {
            table: table.clone(),
            from: old.name.clone(),
            to: new.name.clone(),
        });
    }
    for (from, to) in renames {
        plan.steps.push(Step::RenameConstraint {
            table: table.clone(),
            from,
            to,
        });
    }
    for column in &columns.dropped {
        plan.steps.push(Step::DropColumn {
            table: table.clone(),
            column: (*column).clone(),
        });
    }
    for (old, new) in &columns.pairs {
        if old.generated != new.generated {
            // PostgreSQL 15 cannot change a generation expression in place.
            plan.steps.push(Step::DropColumn {
                table: table.clone(),
                column: (*old).clone(),
            });
            let mut added = (*new).clone();
            added.comment = new.comment.clone();
            plan.steps.push(Step::AddColumn {
                table: table.clone(),
                column: added,
            });
            continue;
        }
        if let Some(why) = numbering_change_impossible(old, new) {
            plan.impossible
                .push(format!("column `{table}.{}`: {why}", new.name));
            continue;
        }
        let mut renamed_old = (*old).clone();
        renamed_old.name = new.name.clone();
        if renamed_old != **new {
            plan.steps.push(Step::AlterColumn {
                table: table.clone(),
                from: renamed_old,
                to: (*new).clone(),
            });
        }
    }
    for column in &columns.added {
        plan.steps.push(Step::AddColumn {
            table: table.clone(),
            column: (*column).clone(),
        });
    }
    plan.steps.extend(adds);
    if pair.old.comment != pair.new.comment {
        plan.steps.push(Step::TableComment {
            table: table.clone(),
            comment: pair.new.comment.clone(),
        });
    }
    if pair.old.hypertable != pair.new.hypertable {
        plan.steps.push(Step::AlterHypertable {
            table,
            from: pair.old.hypertable.clone(),
            to: pair.new.hypertable.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::widens;

    #[test]
    fn widening_types_are_recognised() {
        assert!(widens("varchar(50)", "varchar(100)"));
        assert!(widens("varchar(50)", "text"));
        assert!(widens("integer", "bigint"));
        assert!(widens("numeric(10,2)", "numeric(12,2)"));
        assert!(!widens("varchar(100)", "varchar(50)"));
        assert!(!widens("bigint", "integer"));
        assert!(!widens("text", "integer"));
        assert!(!widens("numeric(10,2)", "numeric(10,4)"));
    }
}
