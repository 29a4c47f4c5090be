# Everyday commands. `just --list` shows them.

# Render the reference schema for a dialect (postgres, timescaledb, sqlite).
render dialect="sqlite":
    cargo run --quiet -- render --dialect {{dialect}}

# Run every test (PostgreSQL at DBTOOL_TEST_PG_URL; skipped loudly when absent outside CI).
test:
    cargo test --workspace

# Review and accept changed DDL snapshots.
snapshots:
    cargo insta review

# Lints as CI runs them.
lint:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings

# CI, locally.
ci:
    bash .ci/run

# Regenerate the typed query crate (generated/) from schema/ and queries/.
generate:
    cargo run --quiet -- generate

# Everything derivable is current (what CI checks offline).
check:
    cargo run --quiet -- check

# Apply this repository's migrations to the default SQLite file.
migrate:
    cargo run --quiet -- migrate

# The benchmarks (PostgreSQL at DBTOOL_TEST_PG_URL for the migration figures).
bench:
    cargo bench --bench migrate
    cargo bench --bench generate
