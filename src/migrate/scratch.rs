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
    /// Creates `dbtool_<purpose>_<pid>_<n>` on the server of `url`.
    pub fn create(url: &str, purpose: &str) -> Result<ScratchDatabase, MigrateError> {
        static RUN: AtomicUsize = AtomicUsize::new(0);
        let shown = redact(url);
        let mut admin = postgres::Client::connect(url, postgres::NoTls).map_err(|e| {
            MigrateError::Database {
                message: format!("cannot connect to {shown}: {e}"),
            }
        })?;
        let run = RUN.fetch_add(1, Ordering::SeqCst);
        let name = format!("dbtool_{purpose}_{}_{run}", std::process::id());
        // Two calls: DROP/CREATE DATABASE refuse to run inside a multi-statement batch.
        admin
            .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
            .and_then(|()| admin.batch_execute(&format!("CREATE DATABASE {name}")))
            .map_err(|e| MigrateError::Database {
                message: format!(
                    "cannot create the scratch database {name} on {shown}: {e}\nhelp: the user needs the CREATEDB privilege"
                ),
            })?;
        Ok(ScratchDatabase {
            url: with_database(url, &name),
            admin,
            name,
        })
    }
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        let _ = self.admin.batch_execute(&drop);
    }
}
