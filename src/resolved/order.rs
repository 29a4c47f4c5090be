//! Dependency order: parents before children, ties in declaration order.

/// Orders `0..n` so that each item comes after the items it depends on.
///
/// `depends_on(i)` lists the items `i` needs first. Cycles cannot be ordered; their members
/// keep declaration order (for tables PostgreSQL adds foreign keys after every table, and
/// SQLite checks them lazily, so a cycle still renders to working DDL).
pub fn dependency_order(n: usize, depends_on: impl Fn(usize) -> Vec<usize>) -> Vec<usize> {
    let deps: Vec<Vec<usize>> = (0..n)
        .map(|i| {
            depends_on(i)
                .into_iter()
                .filter(|&d| d != i && d < n)
                .collect()
        })
        .collect();
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        let ready = (0..n).find(|&i| !placed[i] && deps[i].iter().all(|&d| placed[d]));
        // In a cycle nothing is ready: take the first unplaced item to break it.
        let next = ready.unwrap_or_else(|| (0..n).find(|&i| !placed[i]).unwrap_or(0));
        placed[next] = true;
        order.push(next);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_come_first_and_ties_keep_order() {
        // 0 depends on 2, 1 on nothing, 2 on 1.
        let deps = [vec![2], vec![], vec![1]];
        assert_eq!(dependency_order(3, |i| deps[i].clone()), [1, 2, 0]);
    }

    #[test]
    fn cycles_still_place_everything() {
        let deps = [vec![1], vec![0], vec![]];
        assert_eq!(dependency_order(3, |i| deps[i].clone()), [2, 0, 1]);
    }
}
