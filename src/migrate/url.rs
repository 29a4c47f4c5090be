//! Database URLs: which engine, where, and how to show one without its password.

use super::MigrateError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// `postgres://…` or `postgresql://…`, passed to the driver as written.
    Postgres(String),
    /// `sqlite://PATH`, `sqlite:PATH`.
    SqliteFile(String),
    /// `sqlite::memory:`.
    SqliteMemory,
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<DatabaseUrl, MigrateError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(url.to_string()));
        }
        if url == "sqlite::memory:" || url == "sqlite://:memory:" {
            return Ok(DatabaseUrl::SqliteMemory);
        }
        if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            if path.is_empty() {
                return Err(MigrateError::Invalid(
                    "`sqlite://` needs a file path, e.g. sqlite://dbtool.db".into(),
                ));
            }
            return Ok(DatabaseUrl::SqliteFile(path.to_string()));
        }
        Err(MigrateError::Invalid(format!(
            "cannot use database URL `{}`: expected postgres://…, postgresql://…, sqlite://PATH or sqlite::memory:",
            redact(url)
        )))
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, DatabaseUrl::Postgres(_))
    }
}

/// A PostgreSQL `url` naming database `name` instead of its own (same server, user and
/// options), for the scratch databases dbtool creates next to a user's.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| i + scheme_end);
    match query {
        Some(q) => format!("{}/{name}?{q}", &base[..host_end]),
        None => format!("{}/{name}", &base[..host_end]),
    }
}

/// `url` with any password replaced by `***`, for every message a user may see.
pub fn redact(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_string();
    };
    let authority_end = url[scheme_end..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| scheme_end + i);
    let authority = &url[scheme_end..authority_end];
    let Some(at) = authority.rfind('@') else {
        return redact_query(url);
    };
    let userinfo = &authority[..at];
    let redacted = match userinfo.split_once(':') {
        Some((user, _password)) => format!("{user}:***"),
        None => userinfo.to_string(),
    };
    redact_query(&format!(
        "{}{}{}{}",
        &url[..scheme_end],
        redacted,
        &authority[at..],
        &url[authority_end..]
    ))
}

/// `password=…` in a query string.
fn redact_query(url: &str) -> String {
    let Some((base, query)) = url.split_once('?') else {
        return url.to_string();
    };
    let parts: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) if key.eq_ignore_ascii_case("password") => format!("{key}=***"),
            _ => pair.to_string(),
        })
        .collect();
    format!("{base}?{}", parts.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_survive_redaction() {
        assert_eq!(
            redact("postgres://app:s3cr%40t@db:5432/app?sslmode=require"),
            "postgres://app:***@db:5432/app?sslmode=require"
        );
        assert_eq!(
            redact("postgresql://app@db/app?password=hunter2&x=1"),
            "postgresql://app@db/app?password=***&x=1"
        );
        assert_eq!(redact("sqlite://dbtool.db"), "sqlite://dbtool.db");
        assert_eq!(redact("postgres://u:p:q@h/d"), "postgres://u:***@h/d");
    }

    #[test]
    fn urls_name_their_engine() {
        assert!(DatabaseUrl::parse("postgresql://h/d")
            .unwrap()
            .is_postgres());
        assert_eq!(
            DatabaseUrl::parse("sqlite://a/b.db").unwrap(),
            DatabaseUrl::SqliteFile("a/b.db".into())
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite::memory:").unwrap(),
            DatabaseUrl::SqliteMemory
        );
        let error = DatabaseUrl::parse("mysql://root:pw@h/d")
            .unwrap_err()
            .to_string();
        assert!(error.contains("mysql://root:***@h/d"), "{error}");
    }
}
