//! Index builds moved out of a version's transaction: `dbtool diff --concurrently`.
//!
//! A plain `CREATE INDEX` on a filled table blocks every write to it while it builds. Where the
//! engine can build without blocking (PostgreSQL's `CREATE INDEX CONCURRENTLY`), the builds of
//! indexes on tables that already exist move out of the plan into a second plan, which runs
//! outside a transaction (`-- dbtool: no-transaction`), and their drops out of the down plan
//! into that second plan's down. Indexes on tables the plan creates stay where they are: an
//! empty table builds at once.

use super::{blocking_build_hazard, Plan, Step};
use crate::dialect::Capabilities;

/// Moves out of `up` the index builds on tables that exist before it runs, and out of `down`
/// the drops that undo them; returns them as the (up, down) plans of a version of their own,
/// or `None` when there are none or the engine builds every index in a transaction.
pub fn move_index_builds(
    up: &mut Plan,
    down: &mut Plan,
    caps: Capabilities,
) -> Option<(Plan, Plan)> {
    if !caps.statements_outside_transaction {
        return None;
    }
    let made_here: Vec<String> = up
        .steps
        .iter()
        .filter_map(|step| match step {
            Step::CreateTable(table) => Some(table.name.clone()),
            Step::RebuildTable { to, .. } => Some(to.name.clone()),
            _ => None,
        })
        .collect();
    let (moved, kept): (Vec<Step>, Vec<Step>) =
        std::mem::take(&mut up.steps).into_iter().partition(
            |step| matches!(step, Step::CreateIndex(index) if !made_here.contains(&index.table)),
        );
    up.steps = kept;
    if moved.is_empty() {
        return None;
    }
    let mut alone_up = Plan::default();
    let mut alone_down = Plan::default();
    for step in moved {
        let Step::CreateIndex(index) = step else {
            continue;
        };
        let blocking = blocking_build_hazard(&index);
        up.hazards.retain(|hazard| hazard.message != blocking);
        alone_up.hazard(
            false,
            format!(
                "builds index `{}` concurrently, outside a transaction: writes to `{}` go on while it builds; a stopped build is resumed by the next `dbtool migrate`",
                index.name, index.table
            ),
        );
        if let Some(at) = down
            .steps
            .iter()
            .position(|step| matches!(step, Step::DropIndex(dropped) if dropped.name == index.name && dropped.table == index.table))
        {
            down.steps.remove(at);
            // Undone newest first: the last build is the first drop.
            alone_down
                .steps
                .insert(0, Step::DropIndexConcurrently(index.clone()));
        }
        alone_up.steps.push(Step::CreateIndexConcurrently(index));
    }
    Some((alone_up, alone_down))
}
