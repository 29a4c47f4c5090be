//! Throw-away PostgreSQL databases dbtool creates next to a user's (on the same server, with the
//! same credentials) to let the engine itself answer a question — "does this query prepare?",
//! "what schema do these migrations build?" — and drops afterwards.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::url::{redact, with_database};
use super::MigrateError;

/// A scratch database; dropped (`WITH (FORCE)`) when this value is.
pub struct ScratchDatabase {
    admin: postgres::Client,
    name: String,
    /// Its URL, with the credentials of the URL it was created from.
    pub url: String,
}

impl ScratchDatabase {
    /// Creates `dbtool_<purpose>_<random>` on the server of `url`. The name is random, so two
    /// machines sharing a server never pick the same one, and it is created with a plain
    /// `CREATE DATABASE`, so a database that exists already (someone else's) is never dropped:
    /// on a collision another name is tried.
    pub fn create(url: &str, purpose: &str) -> Result<ScratchDatabase, MigrateError> {
        let shown = redact(url);
        let mut admin = postgres::Client::connect(url, postgres::NoTls).map_err(|e| {
            MigrateError::Database {
                message: format!("cannot connect to {shown}: {e}"),
            }
        })?;
        let mut attempt = 0;
        loop {
            let name = format!("dbtool_{purpose}_{:016x}", random_u64());
            match admin.batch_execute(&format!("CREATE DATABASE {name}")) {
                Ok(()) => {
                    return Ok(ScratchDatabase {
                        url: with_database(url, &name),
                        admin,
                        name,
                    })
                }
                Err(e) if is_duplicate_database(&e) && attempt < 3 => attempt += 1,
                Err(e) => {
                    return Err(MigrateError::Database {
                        message: format!(
                            "cannot create the scratch database {name} on {shown}: {e}\nhelp: the user needs the CREATEDB privilege"
                        ),
                    })
                }
            }
        }
    }
}

fn is_duplicate_database(error: &postgres::Error) -> bool {
    error.code() == Some(&postgres::error::SqlState::DUPLICATE_DATABASE)
}

/// 64 random bits from the standard library's per-process random hash keys, the time and a
/// counter: enough to keep scratch names apart, with no random-number crate.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_usize(CALLS.fetch_add(1, Ordering::SeqCst));
    hasher.write_u32(std::process::id());
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    hasher.write_u128(now.as_nanos());
    hasher.finish()
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        let _ = self.admin.batch_execute(&drop);
    }
}
