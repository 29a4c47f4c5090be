//! `dbtool pull` on PostgreSQL: the `public` schema read from the catalogs into the plain
//! [`Pulled`] description (the mapping of PostgreSQL's spellings to the schema language's is
//! pure, in `introspect::pull` and `dialect::postgres`).

use std::collections::BTreeMap;

use crate::introspect::pull::*;
use crate::migrate::MigrateError;

/// The relations `c` that are the user's: in `public`, not a partition (its parent is pulled),
/// not dbtool's history or progress table, not an extension's (`CREATE EXTENSION` makes those).
macro_rules! user_relation {
    () => {
        "c.relnamespace = 'public'::regnamespace AND NOT c.relispartition
         AND c.relname NOT IN ('refinery_schema_history', 'dbtool_migration_progress')
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                         AND d.objid = c.oid AND d.deptype = 'e')"
    };
}

fn failed(error: postgres::Error) -> MigrateError {
    MigrateError::Database {
        message: format!("cannot read the PostgreSQL catalog: {error}"),
    }
}

/// Reads the `public` schema of the database `client` is connected to. `progress` is called
/// once per table, view and materialized view, with how many there are and its name.
pub fn pull_postgres(
    client: &mut postgres::Client,
    source: String,
    progress: &mut dyn FnMut(usize, &str),
) -> Result<Pulled, MigrateError> {
    let mut pulled = Pulled {
        source,
        ..Pulled::default()
    };
    pulled.extensions = client
        .query(
            "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname",
            &[],
        )
        .map_err(failed)?
        .iter()
        .map(|row| row.get(0))
        .collect();
    pulled.enums = read_enums(client)?;
    pulled.notes.extend(other_schemas(client)?);
    let enum_names: Vec<String> = pulled.enums.iter().map(|e| e.name.clone()).collect();
    let relations = client
        .query(
            concat!(
                "SELECT c.oid, c.relname, c.relkind::text, obj_description(c.oid, 'pg_class'),
                        CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END
                 FROM pg_class c
                 WHERE c.relkind IN ('r', 'p', 'v', 'm') AND ",
                user_relation!(),
                " ORDER BY c.relname"
            ),
            &[],
        )
        .map_err(failed)?;
    let (mut indexes, raw_indexes) = read_indexes(client, &mut pulled.notes)?;
    // One query per kind of object for the whole schema, not per table: a thousand tables are
    // a handful of round trips.
    let mut columns = rows_by_relation(client, COLUMNS)?;
    let mut constraints = rows_by_relation(client, CONSTRAINTS)?;
    let total = relations.len();
    for row in relations {
        let oid: u32 = row.get(0);
        let name: String = row.get(1);
        let kind: String = row.get(2);
        let comment: Option<String> = row.get(3);
        progress(total, &name);
        let body = row.get::<_, Option<String>>(4).unwrap_or_default();
        match kind.as_str() {
            "v" | "m" if body.contains("_timescaledb_internal.") => pulled.notes.push(format!(
                "view `{name}` reads TimescaleDB's internal tables (a continuous aggregate): it is left out; declare it under `continuous_aggregates:`"
            )),
            "v" | "m" => {
                let view = PulledView {
                    name,
                    sql: view_body(&body),
                    comment,
                    indexes: indexes.remove(&oid).unwrap_or_default(),
                };
                if kind == "v" {
                    pulled.views.push(view);
                } else {
                    pulled.materialized_views.push(view);
                }
            }
            _ => {
                if kind == "p" {
                    let partitions: Vec<String> = client
                        .query(
                            "SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                             WHERE i.inhparent = $1 ORDER BY c.relname",
                            &[&oid],
                        )
                        .map_err(failed)?
                        .iter()
                        .map(|row| format!("`{}`", row.get::<_, String>(0)))
                        .collect();
                    pulled.notes.push(format!(
                        "`{name}` is a partitioned table: the schema language has no partitions, so it is pulled as a plain table and its partitions ({}) are left out",
                        partitions.join(", ")
                    ));
                }
                let mut table = PulledTable {
                    name,
                    comment,
                    indexes: indexes.remove(&oid).unwrap_or_default(),
                    ..PulledTable::default()
                };
                let rows = columns.remove(&oid).unwrap_or_default();
                read_columns(rows, &mut table, &enum_names, &mut pulled.notes);
                let rows = constraints.remove(&oid).unwrap_or_default();
                read_constraints(rows, &mut table, &mut pulled.notes);
                pulled.tables.push(table);
            }
        }
    }
    let (types, aggregates) = read_user_types(client)?;
    if !types.is_empty() || !aggregates.is_empty() {
        pulled.notes.push(format!(
            "{} domain(s), composite type(s) and aggregate(s) are kept as raw PostgreSQL statements created before the tables (`before_tables: true`); columns of those types are written per dialect",
            types.len() + aggregates.len()
        ));
    }
    let routines = read_routines(client, &mut pulled.notes)?;
    if !routines.is_empty() {
        pulled.notes.push(format!(
            "{} function(s) and trigger(s) are kept as raw PostgreSQL statements under `raw:`: functions in languages other than SQL are created before the tables (`before_tables: true`), so defaults and checks can call them; SQL functions whose bodies (which PostgreSQL checks at creation) name the schema's tables or functions after everything; give them a SQLite version if the project renders SQLite",
            routines.len()
        ));
    }
    pulled.raw = raw_indexes
        .into_iter()
        .map(PulledRaw::after_tables)
        .chain(types)
        .chain(routines)
        .chain(aggregates)
        .collect();
    // A note is one comment line of the YAML: a name or expression with a line break must
    // not end it.
    for note in &mut pulled.notes {
        *note = note.replace('\n', "\\n").replace('\r', "\\r");
    }
    Ok(pulled)
}

/// Domains and standalone composite types (a composite may use a domain), and aggregates, of the
/// schema (not an extension's), as the statements that make them; the aggregates go after the
/// functions they are made of.
fn read_user_types(
    client: &mut postgres::Client,
) -> Result<(Vec<PulledRaw>, Vec<PulledRaw>), MigrateError> {
    const NOT_AN_EXTENSIONS: &str =
        "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')";
    let domains = format!(
        "SELECT 'CREATE DOMAIN ' || quote_ident(t.typname) || ' AS ' || format_type(t.typbasetype, t.typtypmod)
                || coalesce(' DEFAULT ' || t.typdefault, '')
                || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
                || coalesce((SELECT string_agg(' CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid), '' ORDER BY c.conname)
                             FROM pg_constraint c WHERE c.contypid = t.oid), '')
                || ';'
         FROM pg_type t
         WHERE t.typtype = 'd' AND t.typnamespace = 'public'::regnamespace AND {NOT_AN_EXTENSIONS}
         ORDER BY t.typname"
    );
    let composites = format!(
        "SELECT 'CREATE TYPE ' || quote_ident(t.typname) || ' AS ('
                || string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
                || ');'
         FROM pg_type t
         JOIN pg_class r ON r.oid = t.typrelid AND r.relkind = 'c'
         JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
         WHERE t.typtype = 'c' AND t.typnamespace = 'public'::regnamespace AND {NOT_AN_EXTENSIONS}
         GROUP BY t.oid, t.typname
         ORDER BY t.typname"
    );
    // An aggregate goes before the tables (a view may use it) unless one of its functions is
    // written in SQL with a body that names the schema's tables or functions: such a function
    // is created after the tables, and the aggregate after it.
    let aggregates = format!("SELECT 'CREATE AGGREGATE ' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ') ('
                || 'SFUNC = ' || g.aggtransfn::regproc::text
                || ', STYPE = ' || format_type(g.aggtranstype, NULL)
                || CASE WHEN g.aggfinalfn <> 0 THEN ', FINALFUNC = ' || g.aggfinalfn::regproc::text ELSE '' END
                || CASE WHEN g.aggcombinefn <> 0 THEN ', COMBINEFUNC = ' || g.aggcombinefn::regproc::text ELSE '' END
                || coalesce(', INITCOND = ' || quote_literal(g.agginitval), '')
                || ');',
                NOT EXISTS (SELECT 1 FROM pg_proc f JOIN pg_language l ON l.oid = f.prolang
                            WHERE f.oid IN (g.aggtransfn, g.aggfinalfn, g.aggcombinefn)
                              AND f.pronamespace = 'public'::regnamespace AND l.lanname = 'sql'
                              AND NOT ({stands_alone}))
         FROM pg_proc p JOIN pg_aggregate g ON g.aggfnoid = p.oid
         WHERE p.prokind = 'a' AND p.pronamespace = 'public'::regnamespace
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
         ORDER BY p.proname",
        stands_alone = sql_body_stands_alone("f")
    );
    let mut types = Vec::new();
    for sql in [domains.as_str(), composites.as_str()] {
        for row in client.query(sql, &[]).map_err(failed)? {
            types.push(PulledRaw {
                sql: row.get(0),
                before_tables: true,
            });
        }
    }
    let aggregates = client
        .query(&aggregates, &[])
        .map_err(failed)?
        .iter()
        .map(|row| PulledRaw {
            sql: row.get(0),
            before_tables: row.get(1),
        })
        .collect();
    Ok((types, aggregates))
}

fn read_enums(client: &mut postgres::Client) -> Result<Vec<PulledEnum>, MigrateError> {
    let rows = client
        .query(
            "SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder),
                    obj_description(t.oid, 'pg_type')
             FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
             WHERE t.typnamespace = 'public'::regnamespace
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                               AND d.objid = t.oid AND d.deptype = 'e')
             GROUP BY t.oid, t.typname
             ORDER BY t.typname",
            &[],
        )
        .map_err(failed)?;
    Ok(rows
        .iter()
        .map(|row| PulledEnum {
            name: row.get(0),
            values: row.get(1),
            comment: row.get(2),
        })
        .collect())
}

/// Every column of every table: the table's oid first, then the columns in order.
const COLUMNS: &str = concat!(
    "SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
            a.attidentity::text, a.attgenerated::text, pg_get_expr(d.adbin, d.adrelid),
            col_description(a.attrelid, a.attnum),
            (SELECT s.relname::text FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid
             WHERE dep.classid = 'pg_class'::regclass AND dep.refobjid = a.attrelid
               AND dep.refobjsubid = a.attnum AND dep.deptype = 'a' AND s.relkind = 'S'
             LIMIT 1)
     FROM pg_attribute a
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attnum > 0 AND NOT a.attisdropped
       AND a.attrelid IN (SELECT c.oid FROM pg_class c WHERE c.relkind IN ('r', 'p') AND ",
    user_relation!(),
    ") ORDER BY a.attrelid, a.attnum"
);

/// Rows of `sql`, whose first column is a relation's oid, grouped by it (in query order).
fn rows_by_relation(
    client: &mut postgres::Client,
    sql: &str,
) -> Result<BTreeMap<u32, Vec<postgres::Row>>, MigrateError> {
    let mut grouped: BTreeMap<u32, Vec<postgres::Row>> = BTreeMap::new();
    for row in client.query(sql, &[]).map_err(failed)? {
        grouped.entry(row.get(0)).or_default().push(row);
    }
    Ok(grouped)
}

fn read_columns(
    rows: Vec<postgres::Row>,
    table: &mut PulledTable,
    enums: &[String],
    notes: &mut Vec<String>,
) {
    for row in rows {
        let name: String = row.get(1);
        let formatted: String = row.get(2);
        let identity: String = row.get(4);
        let generated: String = row.get(5);
        let expression: Option<String> = row.get(6);
        let mut column = PulledColumn {
            ty: portable_type(&formatted, enums),
            not_null: row.get(3),
            identity: !identity.is_empty(),
            comment: row.get(7),
            ..PulledColumn::default()
        };
        let at = format!("{}.{name}", table.name);
        if identity == "a" {
            column.numbering = "always";
        }
        if column.ty.is_none() {
            notes.push(format!(
                "`{at}` is {formatted}, which has no portable type: it is written per dialect"
            ));
            column.raw_type = Some(formatted.clone());
        }
        match expression {
            Some(expr) if !generated.is_empty() => column.generated = Some(expr),
            Some(expr) if expr.starts_with("nextval(") && is_integer(&column.ty) => {
                // A serial column: its default comes from the sequence it owns, which a
                // rebuilt database names `<table>_<column>_seq`.
                let owned: Option<String> = row.get(8);
                let standard = format!("{}_{name}_seq", table.name);
                let exact = owned.as_deref() == Some(standard.as_str())
                    && expr == format!("nextval('{standard}'::regclass)");
                if !exact {
                    notes.push(format!(
                        "`{at}` takes its numbers from {expr}: it is pulled as `serial`, whose sequence a rebuilt database names {standard}"
                    ));
                }
                column.identity = true;
                column.numbering = "serial";
            }
            Some(expr) => match portable_default(&expr) {
                Some(default) if default_fits(&default, column.ty.as_deref()) => {
                    column.default = Some(default)
                }
                Some(default) => {
                    notes.push(format!(
                        "`{at}` defaults to {expr}; the portable `{default}` does not fit its type {formatted}, so the default is written for PostgreSQL only"
                    ));
                    column.raw_default = Some(expr);
                }
                None => {
                    notes.push(format!(
                        "`{at}` defaults to {expr}, which has no portable form: it is written for PostgreSQL only"
                    ));
                    column.raw_default = Some(expr);
                }
            },
            None => {}
        }
        column.name = name;
        table.columns.push(column);
    }
}

fn is_integer(ty: &Option<String>) -> bool {
    matches!(ty.as_deref(), Some("smallint" | "int" | "bigint"))
}

/// Every constraint of every table: the table's oid first.
const CONSTRAINTS: &str = concat!(
    "SELECT c.conrelid, c.conname, c.contype::text, pg_get_constraintdef(c.oid),
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n
                  ORDER BY k.i),
            r.relname::text,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n
                  ORDER BY k.i),
            c.confdeltype::text, c.confupdtype::text
     FROM pg_constraint c
     LEFT JOIN pg_class r ON r.oid = c.confrelid
     WHERE c.conparentid = 0
       AND c.conrelid IN (SELECT c.oid FROM pg_class c WHERE c.relkind IN ('r', 'p') AND ",
    user_relation!(),
    ") ORDER BY c.conrelid, c.conname"
);

fn read_constraints(rows: Vec<postgres::Row>, table: &mut PulledTable, notes: &mut Vec<String>) {
    let t = table.name.clone();
    for row in rows {
        let name: String = row.get(1);
        let kind: String = row.get(2);
        let definition: String = row.get(3);
        let columns: Vec<String> = row.get(4);
        let named = |conventional: String| (name != conventional).then(|| name.clone());
        match kind.as_str() {
            "p" => {
                if name != format!("{t}_pkey") {
                    notes.push(format!("the primary key of `{t}` is named {name}; dbtool names it {t}_pkey"));
                }
                match columns.as_slice() {
                    [single] => set_column(table, single, |c| c.primary_key = true),
                    _ => table.primary_key = columns,
                }
            }
            "u" => {
                let conventional = format!("{t}_{}_key", columns.join("_"));
                match columns.as_slice() {
                    [single] if name == conventional => {
                        set_column(table, single, |c| c.unique = true)
                    }
                    _ => table.unique.push(NamedColumns {
                        name: named(conventional),
                        columns,
                    }),
                }
            }
            "c" => table.checks.push((name, check_expression(&definition))),
            // PostgreSQL 18 records NOT NULL as a constraint (the column says it); a constraint
            // trigger comes back with the triggers.
            "n" | "t" => {}
            "f" => {
                if definition.contains("SET NULL (") || definition.contains("SET DEFAULT (") {
                    notes.push(format!(
                        "foreign key {name} of `{t}` ({definition}) sets only some of its columns on delete, which the schema language cannot say: it is pulled setting them all"
                    ));
                }
                let target: String = row.get(5);
                let target_columns: Vec<String> = row.get(6);
                let on_delete = referential_action(&row.get::<_, String>(7)).map(str::to_string);
                let on_update = referential_action(&row.get::<_, String>(8)).map(str::to_string);
                let conventional = format!("{t}_{}_fkey", columns.join("_"));
                match (columns.as_slice(), target_columns.as_slice()) {
                    ([single], [target_column]) if name == conventional => {
                        let reference = ColumnReference {
                            target: format!("{target}.{target_column}"),
                            on_delete,
                            on_update,
                        };
                        set_column(table, single, |c| c.references = Some(reference));
                    }
                    _ => table.foreign_keys.push(PulledForeignKey {
                        name: named(conventional),
                        columns,
                        references: format!("{target}({})", target_columns.join(", ")),
                        on_delete,
                        on_update,
                    }),
                }
            }
            _ => notes.push(format!(
                "constraint {name} of `{t}` ({definition}) has no form in the schema language: add it under `raw:`"
            )),
        }
    }
}

fn set_column(table: &mut PulledTable, name: &str, change: impl FnOnce(&mut PulledColumn)) {
    if let Some(column) = table.columns.iter_mut().find(|c| c.name == name) {
        change(column);
    }
}

/// Indexes by the oid of their table or materialized view.
type IndexesByRelation = BTreeMap<u32, Vec<PulledIndex>>;

/// Indexes the schema language can say, by their relation's oid, for every table and
/// materialized view, leaving out those that back a primary key or unique constraint (the
/// constraints say them); the others (another method, an operator class or collation that is
/// not the default, a non-default NULLS order) as raw `CREATE INDEX` statements, with a note.
fn read_indexes(
    client: &mut postgres::Client,
    notes: &mut Vec<String>,
) -> Result<(IndexesByRelation, Vec<String>), MigrateError> {
    let rows = client
        .query(
            concat!(
                "SELECT i.indrelid, ic.relname, i.indisunique, am.amname::text, i.indnkeyatts,
                        pg_get_expr(i.indpred, i.indrelid),
                        i.indoption::int2[], i.indkey::int2[],
                        ARRAY(SELECT coalesce(a.attname::text, pg_get_indexdef(i.indexrelid, k.n::int, true))
                              FROM generate_series(1, i.indnatts) k(n)
                              LEFT JOIN pg_attribute a
                                ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n - 1]
                              ORDER BY k.n),
                        NOT EXISTS (SELECT 1 FROM unnest(i.indclass::oid[]) cls
                                    JOIN pg_opclass o ON o.oid = cls WHERE NOT o.opcdefault)
                          AND NOT EXISTS (SELECT 1 FROM unnest(i.indcollation::oid[]) coll
                                          WHERE coll NOT IN (0, 100)),
                        pg_get_indexdef(i.indexrelid)
                 FROM pg_index i
                 JOIN pg_class ic ON ic.oid = i.indexrelid
                 JOIN pg_class c ON c.oid = i.indrelid
                 JOIN pg_am am ON am.oid = ic.relam
                 WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k
                                   WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
                   AND ",
                user_relation!(),
                " ORDER BY ic.relname"
            ),
            &[],
        )
        .map_err(failed)?;
    let mut by_relation = IndexesByRelation::new();
    let mut raw = Vec::new();
    for row in rows {
        let name: String = row.get(1);
        let method: String = row.get(3);
        let key_count = row.get::<_, i16>(4) as usize;
        let options: Vec<i16> = row.get(6);
        let keys: Vec<i16> = row.get(7);
        let entries: Vec<String> = row.get(8);
        let default_classes: bool = row.get(9);
        // indoption bit 0: DESC; bit 1: NULLS FIRST, the default only for DESC.
        let nulls_as_default = options
            .iter()
            .take(key_count)
            .all(|o| (o & 1 == 1) == (o & 2 == 2));
        let expressible = matches!(method.as_str(), "btree" | "hash" | "gin" | "brin");
        if !(expressible && default_classes && nulls_as_default) {
            notes.push(format!(
                "index {name} uses what the schema language cannot say (method {method}, an operator class, a collation or a NULLS order): it is kept as a raw statement"
            ));
            raw.push(row.get::<_, String>(10));
            continue;
        }
        let mut columns = Vec::new();
        let mut include = Vec::new();
        for (i, entry) in entries.into_iter().enumerate() {
            if i >= key_count {
                include.push(entry);
                continue;
            }
            let is_column = keys.get(i).is_some_and(|k| *k != 0);
            columns.push(IndexColumn {
                column: is_column.then(|| entry.clone()),
                expr: (!is_column).then_some(entry),
                desc: options.get(i).is_some_and(|o| o & 1 == 1),
            });
        }
        by_relation
            .entry(row.get(0))
            .or_default()
            .push(PulledIndex {
                name,
                columns,
                unique: row.get(2),
                method: (method != "btree").then_some(method),
                where_: row.get(5),
                include,
            });
    }
    Ok((by_relation, raw))
}

/// Whether the SQL body of function `f` (an alias in the query) names none of the schema's
/// relations or other functions: PostgreSQL checks an SQL body when the function is created,
/// so only such a function can be created before the tables. (A name found anywhere in the
/// body counts, so the test errs towards after the tables, which is always safe.)
fn sql_body_stands_alone(f: &str) -> String {
    format!(
        "NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
                       AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND position(c.relname in {f}.prosrc) > 0)
         AND NOT EXISTS (SELECT 1 FROM pg_proc o WHERE o.pronamespace = 'public'::regnamespace
                           AND o.oid <> {f}.oid AND position(o.proname in {f}.prosrc) > 0)"
    )
}

/// Functions, procedures and triggers of the schema (not an extension's), as statements.
fn read_routines(
    client: &mut postgres::Client,
    notes: &mut Vec<String>,
) -> Result<Vec<PulledRaw>, MigrateError> {
    let rows = client
        .query(
            // Before the tables only what can be created without them: a body other than SQL
            // is not checked until it runs, an SQL body is (so it may name nothing of the
            // schema), and a signature is too (`RETURNS SETOF t` needs `t`).
            &format!("SELECT pg_get_functiondef(p.oid),
                    (l.lanname <> 'sql' OR ({stands_alone})) AND NOT EXISTS (
                        SELECT 1 FROM pg_type t
                        WHERE t.typrelid <> 0
                          AND (t.oid = p.prorettype OR t.typarray = p.prorettype
                               OR t.oid = ANY(coalesce(p.proallargtypes, p.proargtypes::oid[]))
                               OR t.typarray = ANY(coalesce(p.proallargtypes, p.proargtypes::oid[]))))
             FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
             WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p')
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                               AND d.objid = p.oid AND d.deptype = 'e')
             ORDER BY p.proname, pg_get_function_identity_arguments(p.oid)",
                stands_alone = sql_body_stands_alone("p")
            ),
            &[],
        )
        .map_err(failed)?;
    let mut statements: Vec<PulledRaw> = rows
        .iter()
        .map(|row| PulledRaw {
            sql: row.get::<_, String>(0).trim_end().to_string(),
            before_tables: row.get(1),
        })
        .collect();
    let triggers = client
        .query(
            concat!(
                "SELECT pg_get_triggerdef(t.oid, true),
                        CASE WHEN f.pronamespace <> 'public'::regnamespace
                             THEN f.pronamespace::regnamespace::text || '.' || f.proname END,
                        t.tgname, c.relname
                 FROM pg_trigger t
                 JOIN pg_class c ON c.oid = t.tgrelid
                 JOIN pg_proc f ON f.oid = t.tgfoid
                 WHERE NOT t.tgisinternal AND t.tgparentid = 0
                   AND f.pronamespace::regnamespace::text NOT LIKE '\\_timescaledb%' AND ",
                user_relation!(),
                " ORDER BY c.relname, t.tgname"
            ),
            &[],
        )
        .map_err(failed)?;
    for row in &triggers {
        // A trigger calling a function of another schema, which is not pulled, would not
        // build: it is left out with it.
        match row.get::<_, Option<String>>(1) {
            Some(function) => notes.push(format!(
                "trigger {} on `{}` calls {function}, of a schema that is not pulled: it is left out; adopt both by hand as raw statements",
                row.get::<_, String>(2),
                row.get::<_, String>(3)
            )),
            None => statements.push(PulledRaw::after_tables(row.get(0))),
        }
    }
    Ok(statements)
}

/// A note per schema other than `public` that holds relations: dbtool's schema language has
/// one namespace (ARCHITECTURE.md, "No PostgreSQL schemas"), so they are not pulled, and say so.
fn other_schemas(client: &mut postgres::Client) -> Result<Vec<String>, MigrateError> {
    let rows = client
        .query(
            "SELECT n.nspname, count(*)
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname <> 'public'
               AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
               AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'
               AND n.nspname NOT LIKE '\\_timescaledb%' ESCAPE '\\'
               AND n.nspname NOT IN ('timescaledb_information', 'timescaledb_experimental')
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                               AND d.objid = c.oid AND d.deptype = 'e')
             GROUP BY n.nspname ORDER BY n.nspname",
            &[],
        )
        .map_err(failed)?;
    Ok(rows
        .iter()
        .map(|row| {
            let schema: String = row.get(0);
            let count: i64 = row.get(1);
            format!(
                "schema `{schema}` holds {count} table(s) or view(s), which are not pulled: dbtool keeps one namespace, `public`; move them there, or adopt them by hand as raw statements"
            )
        })
        .collect())
}
