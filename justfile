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
