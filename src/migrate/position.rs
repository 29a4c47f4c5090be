//! Where in a statement an engine's error points: the byte offset of the token PostgreSQL or
//! SQLite names, for errors shown at their place in a script or query file.

/// The byte offset in `sql` that PostgreSQL's error points at, if it points (its position
/// counts characters from 1; one past the end means "at end of input").
pub fn postgres_error_offset(error: &postgres::Error, sql: &str) -> Option<usize> {
    match error.as_db_error()?.position()? {
        postgres::error::ErrorPosition::Original(chars) => {
            let index = (*chars as usize).checked_sub(1)?;
            crate::diagnostic::char_offset(sql, index)
        }
        postgres::error::ErrorPosition::Internal { .. } => None,
    }
}

/// SQLite's message for `error` on `sql`, and the byte offset of the token it names when it
/// names one (syntax errors, unknown tables, columns and functions).
pub fn sqlite_error(error: rusqlite::Error, sql: &str) -> (String, Option<usize>) {
    match error {
        rusqlite::Error::SqlInputError { msg, offset, .. } => {
            let offset = usize::try_from(offset).ok();
            (msg, offset.filter(|o| sql.is_char_boundary(*o)))
        }
        other => (other.to_string(), None),
    }
}
