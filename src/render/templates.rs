//! The built-in templates, compiled into the binary.

/// (name, text) of every built-in template.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    (
        "postgres/schema.sql.j2",
        include_str!("../../templates/postgres/schema.sql.j2"),
    ),
    (
        "postgres/macros.sql.j2",
        include_str!("../../templates/postgres/macros.sql.j2"),
    ),
    (
        "timescaledb/schema.sql.j2",
        include_str!("../../templates/timescaledb/schema.sql.j2"),
    ),
    (
        "timescaledb/timescale.sql.j2",
        include_str!("../../templates/timescaledb/timescale.sql.j2"),
    ),
    (
        "timescaledb/migration.sql.j2",
        include_str!("../../templates/timescaledb/migration.sql.j2"),
    ),
    (
        "postgres/migration.sql.j2",
        include_str!("../../templates/postgres/migration.sql.j2"),
    ),
    (
        "sqlite/migration.sql.j2",
        include_str!("../../templates/sqlite/migration.sql.j2"),
    ),
    (
        "sqlite/schema.sql.j2",
        include_str!("../../templates/sqlite/schema.sql.j2"),
    ),
    (
        "sqlite/macros.sql.j2",
        include_str!("../../templates/sqlite/macros.sql.j2"),
    ),
];
