//! The migration protocol dbtool shares with the generated crate's embedded migrator: the SQL
//! of the record both keep and the rules both check before anything runs, compiled here from
//! the same file (`templates/rust/protocol.rs`) that every generated `migrations.rs` copies, so
//! the two cannot drift apart.

include!("../../templates/rust/protocol.rs");

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: &[(i32, &str, &str)] =
        &[(1, "init", "11"), (2, "users", "22"), (3, "posts", "33")];

    #[test]
    fn the_history_rules() {
        assert_eq!(check_history(KNOWN, &[]), Ok(0));
        assert_eq!(
            check_history(KNOWN, &[(1, "init", "11"), (2, "users", "22")]),
            Ok(2)
        );
        assert_eq!(
            check_history(KNOWN, &[(4, "later", "44")]),
            Err(HistoryProblem::Unknown { version: 4 })
        );
        assert_eq!(
            check_history(KNOWN, &[(1, "start", "11")]),
            Err(HistoryProblem::Renamed { version: 1 })
        );
        assert_eq!(
            check_history(KNOWN, &[(1, "init", "99")]),
            Err(HistoryProblem::Changed { version: 1 })
        );
        assert_eq!(
            check_history(KNOWN, &[(1, "init", "11"), (3, "posts", "33")]),
            Err(HistoryProblem::Skipped {
                version: 2,
                latest: 3
            })
        );
    }

    #[test]
    fn the_resume_rules() {
        assert_eq!(resume_at(&[], 3, "up", "33"), Ok(None));
        assert_eq!(resume_at(&[(3, "up", "33", 1)], 3, "up", "33"), Ok(Some(1)));
        assert_eq!(
            resume_at(&[(3, "up", "30", 1)], 3, "up", "33"),
            Err(ResumeProblem::DifferentScript { version: 3 })
        );
        assert_eq!(
            resume_at(&[(2, "down", "22", 1)], 3, "up", "33"),
            Err(ResumeProblem::RollbackStopped {
                version: 2,
                done: 1
            })
        );
        assert_eq!(
            resume_at(&[(2, "down", "22", 1)], 2, "down", "22"),
            Ok(Some(1))
        );
        assert!(index_already_built(Some(true), true));
        assert!(!index_already_built(Some(true), false));
        assert!(!index_already_built(Some(false), true));
    }
}
