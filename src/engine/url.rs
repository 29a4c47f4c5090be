//! Database URLs: which engine, where, and how to show one without its password.

/// A database URL dbtool cannot use, with the reason (the password redacted).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UrlError(pub String);

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
    pub fn parse(url: &str) -> Result<DatabaseUrl, UrlError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") || is_conninfo(url) {
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
                return Err(UrlError(
                    "`sqlite://` needs a file path, e.g. sqlite://dbtool.db".into(),
                ));
            }
            return Ok(DatabaseUrl::SqliteFile(path.to_string()));
        }
        Err(UrlError(format!(
            "cannot use database URL `{}`: expected postgres://…, postgresql://…, sqlite://PATH or sqlite::memory:",
            redact(url)
        )))
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, DatabaseUrl::Postgres(_))
    }

    /// The engine's name, for messages.
    pub fn engine_name(&self) -> &'static str {
        match self {
            DatabaseUrl::Postgres(_) => "PostgreSQL",
            DatabaseUrl::SqliteFile(_) | DatabaseUrl::SqliteMemory => "SQLite",
        }
    }

    /// The dialects whose scripts this engine runs, the preferred one first (TimescaleDB is
    /// PostgreSQL with an extension).
    pub fn dialects(&self) -> &'static [crate::schema::Dialect] {
        use crate::schema::Dialect;
        match self {
            DatabaseUrl::Postgres(_) => &[Dialect::Postgres, Dialect::Timescaledb],
            DatabaseUrl::SqliteFile(_) | DatabaseUrl::SqliteMemory => &[Dialect::Sqlite],
        }
    }

    /// The file of an SQLite database, as written in its URL.
    pub fn sqlite_path(&self) -> Option<&str> {
        match self {
            DatabaseUrl::SqliteFile(path) => Some(path),
            _ => None,
        }
    }

    /// An in-memory database: it lives as long as its connection.
    pub fn is_memory(&self) -> bool {
        matches!(self, DatabaseUrl::SqliteMemory)
    }
}

/// A PostgreSQL `url` naming database `name` instead of its own (same server, user and
/// options), for the scratch databases dbtool creates next to a user's.
pub fn with_database(url: &str, name: &str) -> String {
    if is_conninfo(url) {
        // The last value of a key is the one the driver keeps.
        return format!("{url} dbname={name}");
    }
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

/// Whether `text` is a libpq key=value connection string (`host=db user=app dbname=app`), which
/// PostgreSQL's clients (and the driver) take as well as URLs.
pub fn is_conninfo(text: &str) -> bool {
    !text.contains("://")
        && text.split_whitespace().next().is_some_and(|first| {
            first.split_once('=').is_some_and(|(key, _)| {
                !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            })
        })
}

/// `url` with any password replaced by `***`, for every message a user may see: the
/// `user:password@` of a URL (up to the last `@`, so an unencoded `/`, `?`, `#` or `@` in the
/// password is hidden too), `password=` in its query string, and `password=…` of a key=value
/// connection string (quoted values included).
pub fn redact(url: &str) -> String {
    if is_conninfo(url) {
        return redact_conninfo(url);
    }
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_string();
    };
    let Some(at) = url[scheme_end..].rfind('@').map(|i| scheme_end + i) else {
        return redact_query(url);
    };
    let userinfo = &url[scheme_end..at];
    match userinfo.split_once(':') {
        Some((user, _password)) if !user.contains(['/', '?', '#']) => {
            redact_query(&format!("{}{user}:***{}", &url[..scheme_end], &url[at..]))
        }
        _ => redact_query(url),
    }
}

/// `password=…` of a key=value connection string, whatever its quoting: the pairs as the
/// string is read ([`conninfo_pairs`]), the password's value replaced.
fn redact_conninfo(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (key, _, range) in conninfo_pairs(text) {
        if key == "password" {
            out.push_str(&text[last..range.start]);
            out.push_str("password=***");
            last = range.end;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// The `key=value` pairs of a libpq string (values may be single-quoted, with `\'` and `\\`).
pub(super) fn conninfo_pairs(text: &str) -> Vec<(String, String, std::ops::Range<usize>)> {
    let mut pairs = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && bytes[i] != b'=' && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let key = text[start..i].to_string();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] != b'=' {
            break;
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = if bytes.get(i) == Some(&b'\'') {
            i += 1;
            let mut quoted = Vec::new();
            while i < bytes.len() && bytes[i] != b'\'' {
                if bytes[i] == b'\\' && i + 1 < bytes.len() {
                    i += 1;
                }
                quoted.push(bytes[i]);
                i += 1;
            }
            i += 1;
            String::from_utf8_lossy(&quoted).into_owned()
        } else {
            let from = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            text[from..i].to_string()
        };
        pairs.push((key, value, start..i.min(text.len())));
    }
    pairs
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
        // Unencoded characters a URL would split at.
        for password in ["pa/ss", "pa?ss", "pa#ss", "p@ss", "a/b?c#d@e"] {
            let shown = redact(&format!("postgres://app:{password}@db:5432/app"));
            assert_eq!(shown, "postgres://app:***@db:5432/app", "{password}");
        }
        // key=value connection strings, quoted values included.
        assert_eq!(
            redact("host=db user=app password=hunter2 dbname=app"),
            "host=db user=app password=*** dbname=app"
        );
        assert_eq!(
            redact("host=db password = 'it\\'s a secret' dbname=app"),
            "host=db password=*** dbname=app"
        );
        assert_eq!(redact("host=db passwordless=1"), "host=db passwordless=1");
    }

    #[test]
    fn connection_strings_are_postgres_urls() {
        assert!(DatabaseUrl::parse("host=localhost user=postgres")
            .unwrap()
            .is_postgres());
        assert_eq!(
            with_database("host=db dbname=app", "scratch"),
            "host=db dbname=app dbname=scratch"
        );
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
