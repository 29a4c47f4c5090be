//! What changes between two schemas, as an ordered plan of steps for one dialect. Pure.
//!
//! The diff works on [`crate::resolved`] (the schema resolved for one dialect), so a change that
//! a dialect cannot see is no change there: `varchar(50)` to `varchar(100)` alters a PostgreSQL
//! column and is nothing on SQLite, whose column was `TEXT` before and after. The same function
//! gives both directions: the down plan is `plan(new, old, renames.inverted())`, which is what
//! makes every up step's inverse exact.
//!
//! Rust decides *what* happens and in which order; the templates' `migration.sql.j2` decide how
//! each step reads (`render::render_steps`, which depends on this module, never the reverse).

mod concurrent;
mod table;

pub use concurrent::move_index_builds;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::dialect::{self, Capabilities};
use crate::resolved::{
    AggregateContext, CheckContext, ColumnContext, DdlContext, EnumContext, ForeignKeyContext,
    FullTextContext, HypertableContext, IndexContext, KeyContext, RawContext, TableContext,
    ViewContext,
};
use crate::schema::{Dialect, Schema};

/// Renames declared with `renamed_from:`, resolved against the old schema.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Renames {
    /// New table name to old table name.
    pub tables: BTreeMap<String, String>,
    /// (new table name, new column name) to old column name.
    pub columns: BTreeMap<(String, String), String>,
}

impl Renames {
    /// The renames `new` declares that apply to `old`: the previous name exists in `old` and is
    /// no longer declared in `new`. A `renamed_from:` left in place after its migration is
    /// therefore harmless.
    pub fn declared(old: &Schema, new: &Schema) -> Renames {
        let mut renames = Renames::default();
        for table in &new.tables {
            let old_name = match &table.renamed_from {
                Some(from)
                    if old.table(&from.value).is_some()
                        && new.table(&from.value).is_none()
                        && old.table(&table.name.value).is_none() =>
                {
                    renames
                        .tables
                        .insert(table.name.value.clone(), from.value.clone());
                    from.value.clone()
                }
                _ => table.name.value.clone(),
            };
            let Some(old_table) = old.table(&old_name) else {
                continue;
            };
            for column in &table.columns {
                if let Some(from) = &column.renamed_from {
                    if old_table.column(&from.value).is_some()
                        && table.column(&from.value).is_none()
                        && old_table.column(&column.name.value).is_none()
                    {
                        renames.columns.insert(
                            (table.name.value.clone(), column.name.value.clone()),
                            from.value.clone(),
                        );
                    }
                }
            }
        }
        renames
    }

    /// The same renames seen from the other side, for the down plan.
    pub fn inverted(&self) -> Renames {
        let tables: BTreeMap<String, String> = self
            .tables
            .iter()
            .map(|(new, old)| (old.clone(), new.clone()))
            .collect();
        let columns = self
            .columns
            .iter()
            .map(|((table, new), old)| {
                let old_table = self.tables.get(table).unwrap_or(table).clone();
                ((old_table, old.clone()), new.clone())
            })
            .collect();
        Renames { tables, columns }
    }

    fn old_table_name<'a>(&'a self, new: &'a str) -> &'a str {
        self.tables.get(new).map(String::as_str).unwrap_or(new)
    }

    fn old_column_name<'a>(&'a self, table: &str, column: &'a str) -> &'a str {
        self.columns
            .get(&(table.to_string(), column.to_string()))
            .map(String::as_str)
            .unwrap_or(column)
    }
}

/// One change to a database schema. Each kind is rendered by the template macro of the same
/// (snake_case) name in the dialect's `migration.sql.j2`, which receives the step as `s`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Step {
    CreateExtension {
        name: String,
    },
    DropExtension {
        name: String,
    },
    CreateEnum(EnumContext),
    DropEnum(EnumContext),
    AddEnumValue {
        name: String,
        value: String,
        /// The value it goes before, when it is not added at the end.
        before: Option<String>,
    },
    CreateTable(TableContext),
    DropTable(TableContext),
    RenameTable {
        from: String,
        to: String,
    },
    /// SQLite: create the new shape, copy the rows, drop the old table, rename the new one.
    RebuildTable {
        from: Box<TableContext>,
        to: Box<TableContext>,
        /// The new table under its temporary name.
        staging: Box<TableContext>,
        /// Columns copied: (column in the new table, column in the old table).
        copy: Vec<(String, String)>,
    },
    AddColumn {
        table: String,
        column: ColumnContext,
    },
    DropColumn {
        table: String,
        column: ColumnContext,
    },
    RenameColumn {
        table: String,
        from: String,
        to: String,
    },
    AlterColumn {
        table: String,
        from: ColumnContext,
        to: ColumnContext,
    },
    TableComment {
        table: String,
        comment: Option<String>,
    },
    DropConstraint {
        table: String,
        name: String,
    },
    RenameConstraint {
        table: String,
        from: String,
        to: String,
    },
    AddPrimaryKey {
        table: String,
        key: KeyContext,
    },
    AddUnique {
        table: String,
        key: KeyContext,
    },
    AddCheck {
        table: String,
        check: CheckContext,
    },
    AddForeignKey(ForeignKeyContext),
    DropForeignKey(ForeignKeyContext),
    CreateIndex(IndexContext),
    DropIndex(IndexContext),
    /// An index built on a filled table without blocking writes: in a version of its own,
    /// which runs outside a transaction ([`move_index_builds`]).
    CreateIndexConcurrently(IndexContext),
    DropIndexConcurrently(IndexContext),
    CreateView(ViewContext),
    DropView(ViewContext),
    CreateContinuousAggregate(AggregateContext),
    DropContinuousAggregate(AggregateContext),
    CreateFullText(FullTextContext),
    DropFullText(FullTextContext),
    AlterHypertable {
        table: String,
        from: Option<HypertableContext>,
        to: Option<HypertableContext>,
    },
    /// A raw statement newly declared: run as written.
    RunRaw(RawContext),
    /// A raw statement no longer declared: dbtool cannot know its undo, so the script says
    /// where to write it (and a down script with one is irreversible until someone does).
    RemoveRaw(RawContext),
}

impl Step {
    /// The template macro that renders this step: the serde tag, the variant in snake_case.
    pub fn macro_name(&self) -> &'static str {
        match self {
            Step::CreateExtension { .. } => "create_extension",
            Step::DropExtension { .. } => "drop_extension",
            Step::CreateEnum(_) => "create_enum",
            Step::DropEnum(_) => "drop_enum",
            Step::AddEnumValue { .. } => "add_enum_value",
            Step::CreateTable(_) => "create_table",
            Step::DropTable(_) => "drop_table",
            Step::RenameTable { .. } => "rename_table",
            Step::RebuildTable { .. } => "rebuild_table",
            Step::AddColumn { .. } => "add_column",
            Step::DropColumn { .. } => "drop_column",
            Step::RenameColumn { .. } => "rename_column",
            Step::AlterColumn { .. } => "alter_column",
            Step::TableComment { .. } => "table_comment",
            Step::DropConstraint { .. } => "drop_constraint",
            Step::RenameConstraint { .. } => "rename_constraint",
            Step::AddPrimaryKey { .. } => "add_primary_key",
            Step::AddUnique { .. } => "add_unique",
            Step::AddCheck { .. } => "add_check",
            Step::AddForeignKey(_) => "add_foreign_key",
            Step::DropForeignKey(_) => "drop_foreign_key",
            Step::CreateIndex(_) => "create_index",
            Step::DropIndex(_) => "drop_index",
            Step::CreateIndexConcurrently(_) => "create_index_concurrently",
            Step::DropIndexConcurrently(_) => "drop_index_concurrently",
            Step::CreateView(_) => "create_view",
            Step::DropView(_) => "drop_view",
            Step::CreateContinuousAggregate(_) => "create_continuous_aggregate",
            Step::DropContinuousAggregate(_) => "drop_continuous_aggregate",
            Step::CreateFullText(_) => "create_full_text",
            Step::DropFullText(_) => "drop_full_text",
            Step::AlterHypertable { .. } => "alter_hypertable",
            Step::RunRaw(_) => "run_raw",
            Step::RemoveRaw(_) => "remove_raw",
        }
    }
}

/// A risk the reviewer of a migration must see.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Hazard {
    /// Data can be lost: `dbtool diff` needs `--allow-destructive`.
    pub destructive: bool,
    pub message: String,
    /// The rows whose data a destructive step loses (the template writes the query that
    /// counts them, which `dbtool rollback` runs before undoing a version); `None` where no
    /// row holds what is lost (a dropped enum type).
    pub at_stake: Option<AtStake>,
}

/// A table, or one column of it, whose data a step loses.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct AtStake {
    pub table: String,
    /// The column whose non-null values are lost; the whole rows when `None`.
    pub column: Option<String>,
}

impl AtStake {
    pub fn rows(table: &str) -> Option<AtStake> {
        Some(AtStake {
            table: table.to_string(),
            column: None,
        })
    }

    pub fn values(table: &str, column: &str) -> Option<AtStake> {
        Some(AtStake {
            table: table.to_string(),
            column: Some(column.to_string()),
        })
    }
}

/// The steps that turn one schema into another on one dialect.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Plan {
    pub steps: Vec<Step>,
    pub hazards: Vec<Hazard>,
    /// Why this plan cannot be carried out, when the dialect has no way to do a step.
    pub impossible: Vec<String>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty() && self.impossible.is_empty()
    }

    /// Why running this plan as a down script would not restore the previous schema: steps
    /// no dialect can do, and raw statements whose undo only a person can write.
    pub fn irreversible_reasons(&self) -> Vec<String> {
        let raw = self.steps.iter().filter_map(|step| match step {
            Step::RemoveRaw(raw) => Some(format!(
                "the raw statement from {} has no automatic undo: write it where this script says, delete these two lines, then run `dbtool migration hash`",
                raw.origin
            )),
            _ => None,
        });
        self.impossible.iter().cloned().chain(raw).collect()
    }

    pub fn destructive(&self) -> impl Iterator<Item = &Hazard> {
        self.hazards.iter().filter(|h| h.destructive)
    }

    fn hazard(&mut self, destructive: bool, message: String) {
        self.hazards.push(Hazard {
            destructive,
            message,
            at_stake: None,
        });
    }

    /// A step that loses the data of `at_stake`.
    fn loss(&mut self, message: String, at_stake: Option<AtStake>) {
        self.hazards.push(Hazard {
            destructive: true,
            message,
            at_stake,
        });
    }
}

/// The table or view a raw `CREATE [UNIQUE] INDEX … ON t` or `CREATE TRIGGER … ON t` belongs
/// to: dropping `t` drops what the statement made.
fn raw_statement_target(sql: &str) -> Option<String> {
    let words: Vec<&str> = sql.split_whitespace().collect();
    let upper: Vec<String> = words.iter().map(|w| w.to_ascii_uppercase()).collect();
    let creates = matches!(
        upper
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["CREATE", "INDEX", ..]
            | ["CREATE", "UNIQUE", "INDEX", ..]
            | ["CREATE", "TRIGGER", ..]
            | ["CREATE", "TEMP" | "TEMPORARY", "TRIGGER", ..]
    );
    if !creates {
        return None;
    }
    let on = upper.iter().position(|w| w == "ON")?;
    let name = words.get(on + 1)?;
    let name = name.split('(').next().unwrap_or(name);
    let name = name.rsplit('.').next().unwrap_or(name);
    Some(name.trim_matches('"').to_string())
}

/// The hazard of building `index` on a table that exists: `--concurrently` avoids it.
fn blocking_build_hazard(index: &IndexContext) -> String {
    format!(
        "builds index `{}`, which blocks writes to `{}` while it runs (`dbtool diff --concurrently` builds it without blocking)",
        index.name, index.table
    )
}

/// The plan that turns `old` into `new` on `dialect`.
pub fn plan(old: &Schema, new: &Schema, renames: &Renames, dialect: Dialect) -> Plan {
    let format = crate::resolved::FORMAT;
    plan_between(old, format, new, format, renames, dialect)
}

/// [`plan`], with each schema rendered in its own rendering format
/// ([`crate::resolved::FORMAT`]): from the latest migration's schema in the format its scripts
/// follow to the declared schema in today's, so a change in how dbtool renders an object is
/// migrated like a change of the schema (and undone exactly by the down plan).
pub fn plan_between(
    old: &Schema,
    old_format: u32,
    new: &Schema,
    new_format: u32,
    renames: &Renames,
    dialect: Dialect,
) -> Plan {
    let spec = dialect::spec(dialect);
    let before = crate::resolved::build_in_format(old, spec, old_format);
    let after = crate::resolved::build_in_format(new, spec, new_format);
    Planner {
        caps: spec.capabilities(),
        renames,
        old_schema: old,
        before: &before,
        after: &after,
        plan: Plan::default(),
    }
    .run()
}

struct Planner<'a> {
    caps: Capabilities,
    renames: &'a Renames,
    old_schema: &'a Schema,
    before: &'a DdlContext,
    after: &'a DdlContext,
    plan: Plan,
}

/// How a kept table changes.
struct TablePair<'a> {
    old: &'a TableContext,
    new: &'a TableContext,
    /// Columns dropped, renamed or retyped, or the table renamed or rebuilt: objects that read
    /// the table (views, aggregates, full-text indexes) must be recreated.
    reshaped: bool,
    /// SQLite: the table is rebuilt, which drops its indexes and triggers.
    rebuilt: bool,
}

impl<'a> Planner<'a> {
    fn run(mut self) -> Plan {
        // 0. Raw statements no longer declared: their undo comes first, before what they may
        // depend on changes.
        for raw in &self.before.raw {
            if !self.after.raw.iter().any(|r| r.sql == raw.sql) {
                self.plan.steps.push(Step::RemoveRaw(raw.clone()));
                self.plan.hazard(
                    false,
                    format!(
                        "a raw statement ({}) is no longer declared; dbtool cannot undo it: write its undo where the script says",
                        raw.origin
                    ),
                );
            }
        }
        let (pairs, created, dropped) = self.match_tables();
        let pairs: Vec<TablePair<'a>> = pairs
            .into_iter()
            .map(|(old, new)| {
                let (reshaped, rebuilt) = table::classify(old, new, self.renames, self.caps);
                TablePair {
                    old,
                    new,
                    reshaped,
                    rebuilt,
                }
            })
            .collect();
        let reshaped: BTreeSet<&str> = pairs
            .iter()
            .filter(|p| p.reshaped)
            .map(|p| p.old.name.as_str())
            .chain(dropped.iter().map(|t| t.name.as_str()))
            .collect();
        let rebuilt: BTreeSet<&str> = pairs
            .iter()
            .filter(|p| p.rebuilt)
            .map(|p| p.new.name.as_str())
            .collect();

        let affected_views = self.affected_views(&reshaped);
        let affected_aggregates = self.affected_aggregates(&reshaped);
        let affected_full_text = self.affected_full_text(&reshaped);

        // 1. Drop what reads the tables that change, newest dependants first.
        for v in self.before.views.iter().rev() {
            if affected_views.contains(v.name.as_str()) {
                self.plan.steps.push(Step::DropView(v.clone()));
            }
        }
        for a in self.before.continuous_aggregates.iter().rev() {
            if affected_aggregates.contains(a.name.as_str()) {
                self.plan
                    .steps
                    .push(Step::DropContinuousAggregate(a.clone()));
                if !self.is_created_again(&a.name) {
                    self.plan
                        .hazard(false, format!("drops continuous aggregate `{}`", a.name));
                }
            }
        }
        for f in self.before.full_text.iter().rev() {
            if affected_full_text.contains(f.name.as_str()) {
                self.plan.steps.push(Step::DropFullText(f.clone()));
            }
        }
        // 2. Indexes that go away or change, except those that go with their table.
        let dropped_names: BTreeSet<&str> = dropped.iter().map(|t| t.name.as_str()).collect();
        for index in &self.before.indexes {
            if dropped_names.contains(index.table.as_str()) {
                continue;
            }
            let new_table = self.new_table_name(&index.table);
            if rebuilt.contains(new_table.as_str()) {
                continue;
            }
            let kept = self
                .after
                .indexes
                .iter()
                .find(|i| i.name == index.name)
                .is_some_and(|i| *i == self.renamed_index(index));
            if !kept {
                self.plan.steps.push(Step::DropIndex(index.clone()));
            }
        }
        // 3. Foreign keys that go away or change (before the tables they point at).
        if !self.caps.inline_foreign_keys {
            for pair in &pairs {
                for fk in &pair.old.foreign_keys {
                    let renamed = self.renamed_foreign_key(fk);
                    if !pair.new.foreign_keys.contains(&renamed) {
                        self.plan.steps.push(Step::DropForeignKey(fk.clone()));
                    }
                }
            }
        }
        // 4. Extensions and enums that are new.
        for name in &self.after.extensions {
            if !self.before.extensions.contains(name) {
                self.plan
                    .steps
                    .push(Step::CreateExtension { name: name.clone() });
            }
        }
        if self.caps.native_enums {
            self.create_and_extend_enums();
        }
        // 4b. Raw statements the tables need (a function a default calls), newly declared.
        for raw in self.after.raw.iter().filter(|r| r.before_tables) {
            if !self.before.raw.iter().any(|r| r.sql == raw.sql) {
                self.plan.steps.push(Step::RunRaw(raw.clone()));
            }
        }
        // 5-7. Tables: renamed, created, altered.
        for pair in &pairs {
            if pair.old.name != pair.new.name && !pair.rebuilt {
                self.plan.steps.push(Step::RenameTable {
                    from: pair.old.name.clone(),
                    to: pair.new.name.clone(),
                });
            }
        }
        for table in &created {
            self.plan
                .steps
                .push(Step::CreateTable(table_without_fks(table, self.caps)));
        }
        for pair in &pairs {
            table::alter(&mut self.plan, pair, self.renames, self.caps);
        }
        // 8-9. Tables and enums that go away: children before parents.
        for table in dropped.iter().rev() {
            self.plan.steps.push(Step::DropTable((*table).clone()));
            self.plan.loss(
                format!("drops table `{}` and every row in it", table.name),
                AtStake::rows(&table.name),
            );
        }
        if self.caps.native_enums {
            for e in &self.before.enums {
                if !self.after.enums.iter().any(|n| n.name == e.name) {
                    self.plan.steps.push(Step::DropEnum(e.clone()));
                    self.plan
                        .hazard(true, format!("drops enum type `{}`", e.name));
                }
            }
        }
        for name in &self.before.extensions {
            if !self.after.extensions.contains(name) {
                self.plan
                    .steps
                    .push(Step::DropExtension { name: name.clone() });
            }
        }
        // 10. Foreign keys that are new or changed, once every table exists.
        if !self.caps.inline_foreign_keys {
            for table in &created {
                for fk in &table.foreign_keys {
                    self.plan.steps.push(Step::AddForeignKey(fk.clone()));
                }
            }
            for pair in &pairs {
                for fk in &pair.new.foreign_keys {
                    let existed = pair
                        .old
                        .foreign_keys
                        .iter()
                        .any(|old| self.renamed_foreign_key(old) == *fk);
                    if !existed {
                        self.plan.steps.push(Step::AddForeignKey(fk.clone()));
                    }
                }
            }
        }
        // 11. Indexes that are new or changed, or whose table was rebuilt.
        let created_names: BTreeSet<&str> = created.iter().map(|t| t.name.as_str()).collect();
        for index in &self.after.indexes {
            let existing = self
                .before
                .indexes
                .iter()
                .find(|i| i.name == index.name && !dropped_names.contains(i.table.as_str()))
                .map(|i| self.renamed_index(i));
            let needed = rebuilt.contains(index.table.as_str()) || existing.as_ref() != Some(index);
            if needed {
                if !created_names.contains(index.table.as_str())
                    && !rebuilt.contains(index.table.as_str())
                    && self.caps.alter_columns
                {
                    self.plan.hazard(false, blocking_build_hazard(index));
                }
                self.plan.steps.push(Step::CreateIndex(index.clone()));
            }
        }
        // 12. What reads the tables, recreated over their new shape.
        for a in &self.after.continuous_aggregates {
            if affected_aggregates.contains(a.name.as_str()) || !self.had_aggregate(&a.name) {
                self.plan
                    .steps
                    .push(Step::CreateContinuousAggregate(a.clone()));
            }
        }
        for f in &self.after.full_text {
            if affected_full_text.contains(f.name.as_str()) || !self.had_full_text(&f.name) {
                self.plan.steps.push(Step::CreateFullText(f.clone()));
            }
        }
        for v in &self.after.views {
            if affected_views.contains(v.name.as_str()) || !self.had_view(&v.name) {
                self.plan.steps.push(Step::CreateView(v.clone()));
            }
        }
        // 13. Raw statements newly declared, last, as `render` places them; and kept ones that
        // create an index or trigger on a table rebuilt or a view recreated above, which took
        // them with it.
        let recreated: BTreeSet<&str> = rebuilt
            .iter()
            .copied()
            .chain(affected_views.iter().map(String::as_str))
            .collect();
        for raw in self.after.raw.iter().filter(|r| !r.before_tables) {
            let kept = self.before.raw.iter().any(|r| r.sql == raw.sql);
            let target = raw_statement_target(&raw.sql);
            let lost = target.as_deref().is_some_and(|t| recreated.contains(t));
            if !kept || lost {
                self.plan.steps.push(Step::RunRaw(raw.clone()));
            } else if target.is_none()
                && recreated
                    .iter()
                    .any(|t| crate::lexical::mentions_word(&raw.sql, t))
            {
                self.plan.hazard(
                    false,
                    format!(
                        "a raw statement ({}) names a table or view this migration recreates; check that what it made survives",
                        raw.origin
                    ),
                );
            }
        }
        self.plan.hazards.sort();
        self.plan.hazards.dedup();
        self.plan
    }

    /// Kept tables as (old, new) pairs in the new schema's order, then created and dropped ones.
    #[allow(clippy::type_complexity)]
    fn match_tables(
        &self,
    ) -> (
        Vec<(&'a TableContext, &'a TableContext)>,
        Vec<&'a TableContext>,
        Vec<&'a TableContext>,
    ) {
        let mut pairs = Vec::new();
        let mut created = Vec::new();
        let mut matched_old = BTreeSet::new();
        for new in &self.after.tables {
            let old_name = self.renames.old_table_name(&new.name);
            match self.before.tables.iter().find(|t| t.name == old_name) {
                Some(old) => {
                    matched_old.insert(old.name.as_str());
                    pairs.push((old, new));
                }
                None => created.push(new),
            }
        }
        let dropped = self
            .before
            .tables
            .iter()
            .filter(|t| !matched_old.contains(t.name.as_str()))
            .collect();
        (pairs, created, dropped)
    }

    fn new_table_name(&self, old: &str) -> String {
        self.renames
            .tables
            .iter()
            .find(|(_, o)| o.as_str() == old)
            .map(|(n, _)| n.clone())
            .unwrap_or_else(|| old.to_string())
    }

    fn new_column_name(&self, new_table: &str, old_column: &str) -> String {
        self.renames
            .columns
            .iter()
            .find(|((t, _), o)| t == new_table && o.as_str() == old_column)
            .map(|((_, c), _)| c.clone())
            .unwrap_or_else(|| old_column.to_string())
    }

    /// An old index as it reads after the renames, for comparison with the new one.
    fn renamed_index(&self, index: &IndexContext) -> IndexContext {
        let table = self.new_table_name(&index.table);
        let mut renamed = index.clone();
        for part in &mut renamed.parts {
            if let Some(column) = &mut part.column {
                *column = self.new_column_name(&table, column);
            }
        }
        for column in &mut renamed.include {
            *column = self.new_column_name(&table, column);
        }
        renamed.table = table;
        renamed
    }

    fn renamed_foreign_key(&self, fk: &ForeignKeyContext) -> ForeignKeyContext {
        let table = self.new_table_name(&fk.table);
        let ref_table = self.new_table_name(&fk.ref_table);
        let mut renamed = fk.clone();
        renamed.columns = fk
            .columns
            .iter()
            .map(|c| self.new_column_name(&table, c))
            .collect();
        renamed.ref_columns = fk
            .ref_columns
            .iter()
            .map(|c| self.new_column_name(&ref_table, c))
            .collect();
        renamed.table = table;
        renamed.ref_table = ref_table;
        renamed
    }

    fn create_and_extend_enums(&mut self) {
        for e in &self.after.enums {
            let Some(old) = self.before.enums.iter().find(|o| o.name == e.name) else {
                self.plan.steps.push(Step::CreateEnum(e.clone()));
                continue;
            };
            let removed: Vec<&String> = old
                .values
                .iter()
                .filter(|v| !e.values.contains(v))
                .collect();
            if !removed.is_empty() {
                self.plan.impossible.push(format!(
                    "PostgreSQL cannot remove value(s) {} from enum `{}`",
                    removed
                        .iter()
                        .map(|v| format!("`{v}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    e.name
                ));
                continue;
            }
            let kept: Vec<&String> = e.values.iter().filter(|v| old.values.contains(v)).collect();
            if kept != old.values.iter().collect::<Vec<_>>() {
                self.plan.impossible.push(format!(
                    "PostgreSQL cannot reorder the values of enum `{}`",
                    e.name
                ));
                continue;
            }
            for (i, value) in e.values.iter().enumerate() {
                if old.values.contains(value) {
                    continue;
                }
                let before = e.values[i + 1..]
                    .iter()
                    .find(|v| old.values.contains(v))
                    .cloned();
                self.plan.steps.push(Step::AddEnumValue {
                    name: e.name.clone(),
                    value: value.clone(),
                    before,
                });
            }
        }
    }

    /// Views to drop and create again: changed ones, and those reading anything that changes.
    fn affected_views(&self, reshaped: &BTreeSet<&str>) -> BTreeSet<String> {
        let mut affected: BTreeSet<String> = BTreeSet::new();
        for v in &self.before.views {
            let changed = match self.after.views.iter().find(|n| n.name == v.name) {
                Some(n) => n != v,
                None => true,
            };
            if changed {
                affected.insert(v.name.clone());
            }
        }
        let mut aggregates = self.affected_aggregates(reshaped);
        aggregates.extend(
            self.before
                .continuous_aggregates
                .iter()
                .map(|a| a.name.clone())
                .filter(|n| {
                    !self
                        .after
                        .continuous_aggregates
                        .iter()
                        .any(|a| &a.name == n)
                }),
        );
        // Propagate through view-on-view references until nothing changes.
        loop {
            let mut grew = false;
            for view in &self.old_schema.views {
                if affected.contains(&view.name.value) {
                    continue;
                }
                let reads_changed = view.references.iter().any(|r| {
                    reshaped.contains(r.value.as_str())
                        || affected.contains(&r.value)
                        || aggregates.contains(&r.value)
                });
                if reads_changed {
                    affected.insert(view.name.value.clone());
                    grew = true;
                }
            }
            if !grew {
                break;
            }
        }
        // Only views that exist before can be dropped; new ones are created anyway.
        affected.retain(|name| self.before.views.iter().any(|v| &v.name == name));
        affected
    }

    fn affected_aggregates(&self, reshaped: &BTreeSet<&str>) -> BTreeSet<String> {
        self.before
            .continuous_aggregates
            .iter()
            .filter(|a| {
                reshaped.contains(a.source.as_str())
                    || self
                        .after
                        .continuous_aggregates
                        .iter()
                        .find(|n| n.name == a.name)
                        != Some(a)
            })
            .map(|a| a.name.clone())
            .collect()
    }

    fn affected_full_text(&self, reshaped: &BTreeSet<&str>) -> BTreeSet<String> {
        self.before
            .full_text
            .iter()
            .filter(|f| {
                reshaped.contains(f.table.as_str())
                    || self.after.full_text.iter().find(|n| n.name == f.name) != Some(f)
            })
            .map(|f| f.name.clone())
            .collect()
    }

    fn is_created_again(&self, aggregate: &str) -> bool {
        self.after
            .continuous_aggregates
            .iter()
            .any(|a| a.name == aggregate)
    }

    fn had_aggregate(&self, name: &str) -> bool {
        self.before
            .continuous_aggregates
            .iter()
            .any(|a| a.name == name)
    }

    fn had_full_text(&self, name: &str) -> bool {
        self.before.full_text.iter().any(|f| f.name == name)
    }

    fn had_view(&self, name: &str) -> bool {
        self.before.views.iter().any(|v| v.name == name)
    }
}

/// A table as `CREATE TABLE` makes it: on dialects that add foreign keys afterwards, without
/// them.
fn table_without_fks(table: &TableContext, caps: Capabilities) -> TableContext {
    let mut table = table.clone();
    if !caps.inline_foreign_keys {
        table.foreign_keys.clear();
    }
    table
}

#[cfg(test)]
mod tests;
