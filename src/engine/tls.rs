//! TLS for PostgreSQL connections, with libpq's meaning of `sslmode`, `sslrootcert`, `sslcert`
//! and `sslkey` (the driver reads only `disable`, `prefer` and `require`, and verifies nothing
//! by itself: what is verified is the connector's, built here).
//!
//! | sslmode | encrypted | certificate chain checked | host name checked |
//! |---|---|---|---|
//! | `disable` | no | – | – |
//! | `prefer` (libpq's default) | if the server offers it | no | no |
//! | `require` | yes | only when `sslrootcert` is given (as libpq) | no |
//! | `verify-ca` | yes | yes | no |
//! | `verify-full` | yes | yes | yes |
//!
//! The trust anchors are `sslrootcert` when given, else the platform's store (native-tls uses
//! OpenSSL's on Linux, as libpq does). `sslcert`/`sslkey` (PEM; the key in PKCS#8) present a
//! client certificate.

use native_tls::{Certificate, Identity, TlsConnector};
use postgres_native_tls::MakeTlsConnector;

use super::url::{conninfo_pairs, is_conninfo};

/// libpq's `sslmode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl SslMode {
    fn parse(text: &str) -> Result<SslMode, String> {
        Ok(match text {
            "disable" => SslMode::Disable,
            // libpq's `allow` tries without TLS first; dbtool tries with it first (`prefer`).
            "allow" | "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            other => {
                return Err(format!(
                "sslmode `{other}` is not one of disable, allow, prefer, require, verify-ca, verify-full"
            ))
            }
        })
    }

    /// The mode as the driver takes it (it decides only whether to ask for TLS).
    pub fn for_driver(self) -> postgres::config::SslMode {
        match self {
            SslMode::Disable => postgres::config::SslMode::Disable,
            SslMode::Prefer => postgres::config::SslMode::Prefer,
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => {
                postgres::config::SslMode::Require
            }
        }
    }
}

/// The TLS settings of a connection string, taken out of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsOptions {
    pub mode: SslMode,
    pub root_cert: Option<String>,
    pub cert: Option<String>,
    pub key: Option<String>,
}

const TLS_KEYS: &[&str] = &["sslmode", "sslrootcert", "sslcert", "sslkey"];

/// Splits the TLS settings off a URL or key=value string: the rest is what the driver reads.
pub fn split(url: &str) -> Result<(String, TlsOptions), String> {
    let (rest, pairs) = if is_conninfo(url) {
        split_conninfo(url)
    } else {
        split_url_query(url)
    };
    let mut options = TlsOptions {
        mode: SslMode::Prefer,
        root_cert: None,
        cert: None,
        key: None,
    };
    for (key, value) in pairs {
        match key.as_str() {
            "sslmode" => options.mode = SslMode::parse(&value)?,
            "sslrootcert" => options.root_cert = Some(value),
            "sslcert" => options.cert = Some(value),
            _ => options.key = Some(value),
        }
    }
    if options.cert.is_some() != options.key.is_some() {
        return Err("a client certificate needs both sslcert and sslkey".to_string());
    }
    Ok((rest, options))
}

fn split_url_query(url: &str) -> (String, Vec<(String, String)>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_string(), Vec::new());
    };
    let mut kept = Vec::new();
    let mut taken = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some((key, value)) if TLS_KEYS.contains(&key) => {
                taken.push((key.to_string(), percent_decode(value)));
            }
            _ => kept.push(pair),
        }
    }
    let rest = if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    (rest, taken)
}

/// `%XX` escapes of a URL's query value (a path with spaces, say).
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn split_conninfo(text: &str) -> (String, Vec<(String, String)>) {
    let mut rest = String::new();
    let mut taken = Vec::new();
    let mut last = 0;
    for (key, value, range) in conninfo_pairs(text) {
        if TLS_KEYS.contains(&key.as_str()) {
            rest.push_str(&text[last..range.start]);
            last = range.end;
            taken.push((key, value));
        }
    }
    rest.push_str(&text[last..]);
    (rest.split_whitespace().collect::<Vec<_>>().join(" "), taken)
}

/// The connector for `options`; `None` for `disable` (no TLS at all).
pub fn connector(options: &TlsOptions) -> Result<Option<MakeTlsConnector>, String> {
    if options.mode == SslMode::Disable {
        return Ok(None);
    }
    let mut builder = TlsConnector::builder();
    // libpq: `require` with a root certificate file checks the chain, as `verify-ca` does.
    let check_chain = match options.mode {
        SslMode::VerifyCa | SslMode::VerifyFull => true,
        SslMode::Require => options.root_cert.is_some(),
        _ => false,
    };
    builder.danger_accept_invalid_certs(!check_chain);
    builder.danger_accept_invalid_hostnames(options.mode != SslMode::VerifyFull);
    if let Some(path) = &options.root_cert {
        let pem =
            std::fs::read(path).map_err(|e| format!("cannot read sslrootcert {path}: {e}"))?;
        let certificate = Certificate::from_pem(&pem)
            .map_err(|e| format!("sslrootcert {path} is not a PEM certificate: {e}"))?;
        builder.add_root_certificate(certificate);
    }
    if let (Some(cert), Some(key)) = (&options.cert, &options.key) {
        let cert_pem =
            std::fs::read(cert).map_err(|e| format!("cannot read sslcert {cert}: {e}"))?;
        let key_pem = std::fs::read(key).map_err(|e| format!("cannot read sslkey {key}: {e}"))?;
        let identity = Identity::from_pkcs8(&cert_pem, &key_pem).map_err(|e| {
            format!("sslcert {cert} and sslkey {key} are not a PEM certificate and PKCS#8 key: {e}")
        })?;
        builder.identity(identity);
    }
    let connector = builder
        .build()
        .map_err(|e| format!("cannot set up TLS: {e}"))?;
    Ok(Some(MakeTlsConnector::new(connector)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls_settings_come_off_urls_and_connection_strings() {
        let (rest, options) = split(
            "postgres://u@h/d?sslmode=verify-full&application_name=x&sslrootcert=%2Ftmp%2Fca.pem",
        )
        .expect("split");
        assert_eq!(rest, "postgres://u@h/d?application_name=x");
        assert_eq!(options.mode, SslMode::VerifyFull);
        assert_eq!(options.root_cert.as_deref(), Some("/tmp/ca.pem"));
        let (rest, options) =
            split("host=h sslmode=require user=u sslrootcert='/a b/ca.pem' dbname=d")
                .expect("split");
        assert_eq!(rest, "host=h user=u dbname=d");
        assert_eq!(options.mode, SslMode::Require);
        assert_eq!(options.root_cert.as_deref(), Some("/a b/ca.pem"));
        let (rest, options) = split("postgres://u@h/d").expect("split");
        assert_eq!(
            (rest.as_str(), options.mode),
            ("postgres://u@h/d", SslMode::Prefer)
        );
        assert!(split("postgres://h/d?sslmode=verify").is_err());
        assert!(split("postgres://h/d?sslcert=/c.pem").is_err());
    }
}
