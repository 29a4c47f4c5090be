//! TLS against a real PostgreSQL that only takes TLS connections: a cluster this test starts
//! from the machine's binaries (`pg_config --bindir`) in a temporary folder, with a CA and a
//! server certificate for `localhost` made at test time (`openssl`), and a pg_hba.conf that
//! rejects unencrypted connections. dbtool migrates, drifts, pulls and rolls back over TLS;
//! `verify-full` refuses a host name the certificate does not name; `disable` is refused by
//! the server with a message that says what to do. Skipped loudly without the binaries,
//! except under CI.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::dbtool;

/// A PostgreSQL cluster of this test, stopped and removed when dropped.
struct Cluster {
    dir: tempfile::TempDir,
    bindir: PathBuf,
    port: u16,
}

impl Cluster {
    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn ca(&self) -> String {
        self.dir.path().join("ca.crt").display().to_string()
    }

    /// A URL for `host` (the certificate names `localhost`), with `options` as its query.
    fn url(&self, host: &str, options: &str) -> String {
        format!(
            "postgres://postgres@{host}:{}/postgres?{options}",
            self.port
        )
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = as_postgres(
            &self.bindir.join("pg_ctl"),
            &[
                "-D",
                &self.data().display().to_string(),
                "-m",
                "immediate",
                "stop",
            ],
        );
    }
}

/// Runs `program` as the `postgres` user when this test runs as root (initdb refuses root).
fn as_postgres(program: &Path, args: &[&str]) -> std::process::Output {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let mut command = if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    };
    command
        .args(args)
        .output()
        .expect("run a PostgreSQL program")
}

fn run(program: &str, args: &[&str], dir: &Path) {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        output.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A CA, and a certificate for `localhost` it signs, in `dir`.
fn make_certificates(dir: &Path) {
    run(
        "openssl",
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=dbtool test CA",
            "-keyout",
            "ca.key",
            "-out",
            "ca.crt",
        ],
        dir,
    );
    run(
        "openssl",
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
        ],
        dir,
    );
    std::fs::write(dir.join("san.ext"), "subjectAltName=DNS:localhost\n").expect("san");
    run(
        "openssl",
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            "san.ext",
            "-out",
            "server.crt",
        ],
        dir,
    );
}

/// Debian keeps the server's programs in /usr/lib/postgresql/VERSION/bin, which `pg_config`
/// (from libpq-dev) may not name: the newest version there.
fn debian_bindir() -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists())
        .collect();
    found.sort();
    found.pop()
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

/// Starts the cluster; `None` (after saying so) where PostgreSQL's binaries or openssl are
/// missing, except under CI.
fn tls_only_cluster() -> Option<Cluster> {
    let bindir = Command::new("pg_config")
        .arg("--bindir")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
        .filter(|b| b.join("initdb").exists())
        .or_else(debian_bindir);
    let openssl = Command::new("openssl").arg("version").output().is_ok();
    let Some(bindir) = bindir.filter(|b| b.join("initdb").exists() && openssl) else {
        if common::under_ci() {
            panic!(
                "CI is set and PostgreSQL's binaries (pg_config --bindir) or openssl are missing"
            );
        }
        common::announce_skip(
            "SKIPPED tls: no PostgreSQL binaries (pg_config --bindir) or openssl",
        );
        return None;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    make_certificates(dir.path());
    let data = dir.path().join("data");
    let _ = Command::new("chown")
        .args(["-R", "postgres:postgres"])
        .arg(dir.path())
        .output();
    let init = as_postgres(
        &bindir.join("initdb"),
        &[
            "-D",
            &data.display().to_string(),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-instructions",
        ],
    );
    assert!(
        init.status.success(),
        "initdb: {}",
        String::from_utf8_lossy(&init.stderr)
    );
    for file in ["server.crt", "server.key"] {
        std::fs::copy(dir.path().join(file), data.join(file)).expect("copy certificate");
    }
    let port = free_port();
    let conf = format!(
        "port = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{}'\nssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\nfsync = off\n",
        dir.path().display()
    );
    let mut config = std::fs::read_to_string(data.join("postgresql.conf")).expect("conf");
    config.push_str(&conf);
    std::fs::write(data.join("postgresql.conf"), config).expect("conf");
    std::fs::write(
        data.join("pg_hba.conf"),
        "local all all trust\nhostssl all pwuser 127.0.0.1/32 scram-sha-256\nhostssl all all 127.0.0.1/32 trust\nhostnossl all all 127.0.0.1/32 reject\n",
    )
    .expect("hba");
    let _ = Command::new("chown")
        .args(["-R", "postgres:postgres"])
        .arg(dir.path())
        .output();
    let _ = Command::new("chmod")
        .arg("600")
        .arg(data.join("server.key"))
        .output();
    let cluster = Cluster { dir, bindir, port };
    let log = cluster.dir.path().join("log");
    let start = as_postgres(
        &cluster.bindir.join("pg_ctl"),
        &[
            "-D",
            &data.display().to_string(),
            "-l",
            &log.display().to_string(),
            "-w",
            "start",
        ],
    );
    assert!(
        start.status.success(),
        "pg_ctl start: {}{}",
        String::from_utf8_lossy(&start.stderr),
        std::fs::read_to_string(&log).unwrap_or_default()
    );
    Some(cluster)
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out) = dbtool(dir.path(), &["init", "app"]);
    assert_eq!(code, Some(0), "{out}");
    dir
}

#[test]
fn a_tls_only_server_is_migrated_drifted_pulled_and_rolled_back_and_every_sslmode_means_what_libpq_says(
) {
    let Some(cluster) = tls_only_cluster() else {
        return;
    };
    let dir = project();
    let root = dir.path().join("app");
    let ca = cluster.ca();

    // verify-full with the CA, to the name on the certificate: every command works over TLS.
    let verified = cluster.url(
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    );
    for args in [
        vec!["migrate", "--database-url", verified.as_str()],
        vec!["status", "--database-url", verified.as_str()],
        vec!["drift", "--database-url", verified.as_str()],
        vec!["pull", "--database-url", verified.as_str()],
        vec!["rollback", "--all", "--database-url", verified.as_str()],
    ] {
        let (code, out) = dbtool(&root, &args);
        assert_eq!(code, Some(0), "{args:?}: {out}");
    }

    // require: encrypted, nothing verified (libpq's meaning); prefer (the default) uses TLS
    // where the server offers it.
    for options in ["sslmode=require", "sslmode=prefer", ""] {
        let (code, out) = dbtool(
            &root,
            &[
                "status",
                "--database-url",
                &cluster.url("127.0.0.1", options),
            ],
        );
        assert_eq!(code, Some(0), "{options}: {out}");
    }

    // verify-full refuses a host name the certificate does not name.
    let wrong_host = cluster.url(
        "127.0.0.1",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    );
    let (code, out) = dbtool(&root, &["status", "--database-url", &wrong_host]);
    assert_eq!(code, Some(3), "{out}");
    assert!(out.contains("the TLS handshake failed"), "{out}");
    // verify-ca accepts it (the chain is checked, the name is not) …
    let (code, out) = dbtool(
        &root,
        &[
            "status",
            "--database-url",
            &cluster.url("127.0.0.1", &format!("sslmode=verify-ca&sslrootcert={ca}")),
        ],
    );
    assert_eq!(code, Some(0), "{out}");
    // … but not without the CA: the system's roots do not hold the test's CA.
    let (code, out) = dbtool(
        &root,
        &[
            "status",
            "--database-url",
            &cluster.url("localhost", "sslmode=verify-ca"),
        ],
    );
    assert_eq!(code, Some(3), "{out}");
    assert!(out.contains("the TLS handshake failed"), "{out}");

    // disable against a server that takes only TLS: the server's refusal, and what to do.
    let (code, out) = dbtool(
        &root,
        &[
            "status",
            "--database-url",
            &cluster.url("127.0.0.1", "sslmode=disable"),
        ],
    );
    assert_eq!(code, Some(3), "{out}");
    assert!(out.contains("no encryption"), "{out}");
    assert!(
        out.contains("the server accepts only TLS connections here"),
        "{out}"
    );

    // A role with a password: a wrong one is the server's refusal, SQLSTATE 28P01, and the
    // password is never printed.
    let psql = cluster.bindir.join("psql");
    let created = as_postgres(
        &psql,
        &[
            "-h",
            &cluster.dir.path().display().to_string(),
            "-p",
            &cluster.port.to_string(),
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-c",
            "CREATE ROLE pwuser LOGIN PASSWORD 'right-one'",
        ],
    );
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let wrong = format!(
        "postgres://pwuser:wrong-one@localhost:{}/postgres?sslmode=require",
        cluster.port
    );
    let (code, out) = dbtool(&root, &["status", "--database-url", &wrong]);
    assert_eq!(code, Some(3), "{out}");
    assert!(
        out.contains("password authentication failed for user \"pwuser\" (SQLSTATE 28P01)"),
        "{out}"
    );
    assert!(out.contains("help: check the password"), "{out}");
    assert!(
        !out.contains("wrong-one"),
        "the password was printed: {out}"
    );
    let right = format!(
        "postgres://pwuser:right-one@localhost:{}/postgres?sslmode=require",
        cluster.port
    );
    // The right one gets in; what the role may not do is the server's message.
    let (code, out) = dbtool(&root, &["status", "--database-url", &right]);
    assert_eq!(code, Some(3), "{out}");
    assert!(
        out.contains("permission denied for table refinery_schema_history"),
        "{out}"
    );
    assert!(
        !out.contains("right-one"),
        "the password was printed: {out}"
    );

    // A key=value string takes the same settings.
    let conninfo = format!(
        "host=localhost port={} user=postgres dbname=postgres sslmode=verify-full sslrootcert={ca}",
        cluster.port
    );
    let (code, out) = dbtool(&root, &["status", "--database-url", &conninfo]);
    assert_eq!(code, Some(0), "{out}");
}
