//! Reading a live database's schema as a catalog of named definitions, and comparing two
//! catalogs. `dbtool drift` compares a database with a scratch one that its own applied
//! migrations built, so "what the migrations say" is decided by the engine itself.

pub mod pull;
pub mod pull_sqlite;

use crate::migrate::{DatabaseUrl, MigrateError};

/// Definitions by object: `table t`, `column t.c`, `index i`, `constraint t.c`, `view v`, …
pub use crate::engine::Catalog;

/// One difference between what the migrations produce and what the database has.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Difference {
    /// `missing` (the migrations have it, the database does not), `extra`, or `changed`.
    pub kind: &'static str,
    pub object: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
}

/// What differs, in object order.
pub fn compare(expected: &Catalog, actual: &Catalog) -> Vec<Difference> {
    let mut differences = Vec::new();
    for (object, definition) in expected {
        match actual.get(object) {
            None => differences.push(Difference {
                kind: "missing",
                object: object.clone(),
                expected: Some(definition.clone()),
                actual: None,
            }),
            Some(found) if found != definition => differences.push(Difference {
                kind: "changed",
                object: object.clone(),
                expected: Some(definition.clone()),
                actual: Some(found.clone()),
            }),
            Some(_) => {}
        }
    }
    for (object, definition) in actual {
        if !expected.contains_key(object) {
            differences.push(Difference {
                kind: "extra",
                object: object.clone(),
                expected: None,
                actual: Some(definition.clone()),
            });
        }
    }
    differences.sort_by(|a, b| a.object.cmp(&b.object).then(a.kind.cmp(b.kind)));
    differences
}

/// The words that differ between two definitions, `[-as expected-]{+as found+}`, with a few
/// words of context around each change and `…` for what is left out: a changed view or trigger
/// reads as what changed, not as two long statements to compare by eye.
pub fn word_diff(expected: &str, actual: &str) -> String {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_words(expected, actual);
    // Words and the spaces between them are tokens of their own: 6 tokens are 3 words.
    let groups = diff.grouped_ops(6);
    let mut out = String::new();
    let starts_at_beginning = groups
        .first()
        .and_then(|g| g.first())
        .is_some_and(|op| op.old_range().start == 0 && op.new_range().start == 0);
    if !starts_at_beginning {
        out.push_str("… ");
    }
    let mut parts = Vec::new();
    for group in &groups {
        let mut part = String::new();
        let mut open: Option<ChangeTag> = None;
        for op in group {
            for change in diff.iter_changes(op) {
                let tag = change.tag();
                if open != Some(tag) {
                    close(&mut part, open);
                    match tag {
                        ChangeTag::Delete => part.push_str("[-"),
                        ChangeTag::Insert => part.push_str("{+"),
                        ChangeTag::Equal => {}
                    }
                    open = Some(tag);
                }
                part.push_str(change.value());
            }
        }
        close(&mut part, open);
        parts.push(part.trim().to_string());
    }
    out.push_str(&parts.join(" … "));
    let ends_at_end = groups.last().and_then(|g| g.last()).is_some_and(|op| {
        op.old_range().end == diff.old_slices().len()
            && op.new_range().end == diff.new_slices().len()
    });
    if !ends_at_end {
        out.push_str(" …");
    }
    out
}

fn close(out: &mut String, open: Option<similar::ChangeTag>) {
    match open {
        Some(similar::ChangeTag::Delete) => out.push_str("-]"),
        Some(similar::ChangeTag::Insert) => out.push_str("+}"),
        _ => {}
    }
}

fn failed(context: &str, error: impl std::fmt::Display) -> MigrateError {
    MigrateError::Database {
        message: format!("{context}: {error}"),
    }
}

/// The catalog of the database at `url` (its history table left out), as its engine reads it.
pub fn catalog(url: &str) -> Result<Catalog, MigrateError> {
    if DatabaseUrl::parse(url)?.is_memory() {
        return Err(MigrateError::Invalid(
            "an in-memory database has no schema to compare; give the URL of a database".into(),
        ));
    }
    let mut connection = crate::engine::open(url, false)?;
    connection
        .catalog()
        .map_err(|e| failed("cannot read the database's catalog", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_are_missing_extra_or_changed() {
        let expected: Catalog = [("index a", "x"), ("index b", "y"), ("table t", "t")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let actual: Catalog = [("index b", "y2"), ("index c", "z"), ("table t", "t")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let found: Vec<String> = compare(&expected, &actual)
            .iter()
            .map(|d| format!("{} {}", d.kind, d.object))
            .collect();
        assert_eq!(
            found,
            ["missing index a", "changed index b", "extra index c"]
        );
        assert!(compare(&expected, &expected).is_empty());
    }

    #[test]
    fn a_word_diff_shows_what_changed_with_a_little_context() {
        let expected =
            "SELECT id, email, name FROM users WHERE deleted_at IS NULL AND verified ORDER BY id";
        let actual = "SELECT id, email, name FROM users WHERE deleted_at IS NOT NULL AND verified ORDER BY id";
        assert_eq!(
            word_diff(expected, actual),
            "… WHERE deleted_at IS {+NOT +}NULL AND verified …"
        );
        assert_eq!(word_diff("a b", "a c"), "a [-b-]{+c+}");
        assert_eq!(
            word_diff(
                "one two three four five six seven eight",
                "uno two three four five six seven ocho"
            ),
            "[-one-]{+uno+} two three four … five six seven [-eight-]{+ocho+}"
        );
    }
}
