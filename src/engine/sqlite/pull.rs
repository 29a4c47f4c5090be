//! `dbtool pull` on SQLite: a database's tables, keys, indexes, views and triggers read from
//! `sqlite_master` and the `PRAGMA`s into the plain [`Pulled`] description (the mapping of
//! SQLite's spellings to the schema language's is pure, in `introspect::pull_sqlite` and
//! `dialect::sqlite`).

use std::collections::BTreeSet;

use crate::introspect::pull::{
    ColumnReference, IndexColumn, NamedColumns, Pulled, PulledColumn, PulledForeignKey,
    PulledIndex, PulledRaw, PulledTable, PulledView,
};
use crate::introspect::pull_sqlite::*;
use crate::migrate::MigrateError;

fn failed(error: rusqlite::Error) -> MigrateError {
    MigrateError::Database {
        message: format!("cannot read the SQLite schema: {error}"),
    }
}

/// Reads the schema of the SQLite database `conn` is open on.
pub fn pull_sqlite(
    conn: &rusqlite::Connection,
    source: String,
    progress: &mut dyn FnMut(usize, &str),
) -> Result<Pulled, MigrateError> {
    let mut pulled = Pulled {
        source,
        from_sqlite: true,
        ..Pulled::default()
    };
    let objects = read_objects(conn).map_err(failed)?;
    let kinds = read_table_kinds(conn).map_err(failed)?;
    let kind_of = |name: &str| kinds.iter().find(|k| k.name == name);
    // Virtual tables (FTS5 and the like), and the shadow tables that keep their data.
    let virtual_tables: Vec<&str> = kinds
        .iter()
        .filter(|k| k.kind == "virtual")
        .map(|k| k.name.as_str())
        .collect();
    let shadow = |name: &str| kind_of(name).is_some_and(|k| k.kind == "shadow");
    let feeds_virtual = |sql: &str| {
        virtual_tables
            .iter()
            .find(|v| crate::lexical::mentions_word(sql, v))
            .copied()
    };
    let total = objects.iter().filter(|o| o.kind != "index").count();
    let mut triggers = 0;
    // Virtual tables are kept as raw statements, first of them: the triggers and views that
    // use one come after it.
    let mut virtual_raw = Vec::new();
    for object in &objects {
        if object.kind == "index" {
            continue;
        }
        progress(total, &object.name);
        match object.kind.as_str() {
            "table" if virtual_tables.contains(&object.name.as_str()) => {
                pulled.notes.push(format!(
                    "`{}` is a virtual table: it is kept as a raw SQLite statement (its rows stay in the database; a new database starts it empty), with the triggers and views that use it; a full-text index of a declared table can instead be declared under `full_text_search:`",
                    object.name
                ));
                virtual_raw.push(PulledRaw::after_tables(object.sql.clone()));
            }
            "table" if shadow(&object.name) => {}
            "table" => {
                let upper = object.sql.to_ascii_uppercase();
                for (word, what) in [(" COLLATE ", "a column COLLATE")] {
                    if upper.contains(word) {
                        pulled.notes.push(format!(
                            "`{}` uses {what}, which the schema language cannot say: it is left out",
                            object.name
                        ));
                    }
                }
                let (without_rowid, strict) =
                    kind_of(&object.name).map_or((false, false), |k| (k.without_rowid, k.strict));
                let mut table =
                    read_table(conn, &object.name, without_rowid, &mut pulled).map_err(failed)?;
                read_table_text(&mut table, &object.sql, &mut pulled.notes);
                table.sqlite_without_rowid = without_rowid;
                table.sqlite_strict = strict;
                // AUTOINCREMENT (ids never reused) belongs to the rowid key.
                if upper.contains("AUTOINCREMENT") {
                    if table.columns.iter().any(|c| c.identity && c.primary_key) {
                        table.sqlite_autoincrement = true;
                    } else {
                        pulled.notes.push(format!(
                            "`{}` uses AUTOINCREMENT on a key dbtool does not number: it is left out",
                            object.name
                        ));
                    }
                }
                pulled.tables.push(table);
            }
            "view" if feeds_virtual(&object.sql).is_some() => {
                pulled.raw.push(PulledRaw::after_tables(object.sql.clone()));
            }
            "view" => match view_body(&object.sql) {
                Some(sql) => pulled.views.push(PulledView {
                    name: object.name.clone(),
                    sql,
                    comment: None,
                    indexes: Vec::new(),
                }),
                None => {
                    pulled.notes.push(format!(
                        "view `{}` names its columns in a list, which the schema language cannot say: it is kept as a raw statement",
                        object.name
                    ));
                    pulled.raw.push(PulledRaw::after_tables(object.sql.clone()));
                }
            },
            "trigger" if shadow(&object.tbl_name) => {}
            "trigger" => {
                triggers += 1;
                pulled.raw.push(PulledRaw::after_tables(object.sql.clone()));
            }
            _ => {}
        }
    }
    virtual_raw.append(&mut pulled.raw);
    pulled.raw = virtual_raw;
    align_foreign_key_types(&mut pulled);
    if !pulled.raw.is_empty() {
        pulled.notes.push(format!(
            "{} statement(s) ({triggers} trigger(s)) are kept as raw SQLite statements under `raw:`; give them a PostgreSQL version if the project renders PostgreSQL",
            pulled.raw.len()
        ));
    }
    Ok(pulled)
}

struct Object {
    kind: String,
    name: String,
    tbl_name: String,
    sql: String,
}

fn read_objects(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<Object>> {
    let mut statement = conn.prepare(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master
         WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND tbl_name <> 'refinery_schema_history'
         ORDER BY name",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(Object {
            kind: row.get(0)?,
            name: row.get(1)?,
            tbl_name: row.get(2)?,
            sql: row.get(3)?,
        })
    })?;
    rows.collect()
}

/// A table of `pragma_table_list`: its kind (`table`, `view`, `virtual`, `shadow`) and options.
struct TableKind {
    name: String,
    kind: String,
    without_rowid: bool,
    strict: bool,
}

fn read_table_kinds(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<TableKind>> {
    let mut statement =
        conn.prepare("SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main'")?;
    let rows = statement.query_map([], |row| {
        Ok(TableKind {
            name: row.get(0)?,
            kind: row.get(1)?,
            without_rowid: row.get(2)?,
            strict: row.get(3)?,
        })
    })?;
    rows.collect()
}

fn read_table(
    conn: &rusqlite::Connection,
    name: &str,
    without_rowid: bool,
    pulled: &mut Pulled,
) -> rusqlite::Result<PulledTable> {
    let mut table = PulledTable {
        name: name.to_string(),
        ..PulledTable::default()
    };
    let mut keys: Vec<(i64, String)> = Vec::new();
    let mut integer_columns: Vec<String> = Vec::new();
    let mut declared_types: Vec<(String, String)> = Vec::new();
    let mut statement = conn.prepare("SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?1) ORDER BY cid")?;
    let columns = statement.query_map([name], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, bool>(2)?,
            row.get::<_, Option<String>>(3)?,
            row.get::<_, i64>(4)?,
            row.get::<_, i64>(5)?,
        ))
    })?;
    for column in columns {
        let (column_name, declared, not_null, default, pk, hidden) = column?;
        let at = format!("{name}.{column_name}");
        if hidden == 1 {
            continue; // a virtual table's hidden column
        }
        let mut pulled_column = PulledColumn {
            name: column_name.clone(),
            ty: portable_sqlite_type(&declared),
            not_null,
            ..PulledColumn::default()
        };
        // Where dbtool would store the portable type otherwise (another affinity, a check),
        // the declared type is kept for SQLite, so the table is rebuilt as it is.
        if pulled_column
            .ty
            .as_deref()
            .and_then(|portable| storage_changes(&declared, portable))
            .is_some()
        {
            pulled_column.sqlite_type = Some(declared.clone());
        }
        if hidden > 1 {
            // Its expression is read from the CREATE TABLE text ([`table_text`]) by the caller.
            pulled_column.generated = Some(String::new());
        }
        if pulled_column.ty.is_none() {
            pulled.notes.push(format!(
                "`{at}` is declared `{declared}`, which no rule maps to a portable type: it is written per dialect"
            ));
            pulled_column.raw_type = Some(if declared.is_empty() {
                "BLOB".into()
            } else {
                declared.clone()
            });
        }
        let portable = |d: &str| {
            portable_sqlite_default(d).filter(|p| {
                let bool_number =
                    pulled_column.ty.as_deref() == Some("bool") && (p == "0" || p == "1");
                bool_number || default_fits(p, pulled_column.ty.as_deref())
            })
        };
        match default.as_deref().map(|d| (d, portable(d))) {
            Some((written, None)) if !written.eq_ignore_ascii_case("null") => {
                pulled.notes.push(format!(
                    "`{at}` defaults to {written}, which has no portable form: it is written for SQLite only"
                ));
                // SQLite keeps the expression without the parentheses it needs in DDL.
                pulled_column.raw_default = Some(format!("({written})"));
            }
            // SQLite has no booleans: a BOOLEAN column's default is 0 or 1.
            Some((_, Some(portable))) if pulled_column.ty.as_deref() == Some("bool") => {
                pulled_column.default = Some(
                    match portable.as_str() {
                        "0" => "false",
                        "1" => "true",
                        other => other,
                    }
                    .to_string(),
                )
            }
            Some((_, Some(portable))) => pulled_column.default = Some(portable),
            _ => {}
        }
        if declared.eq_ignore_ascii_case("integer") {
            integer_columns.push(column_name.clone());
        }
        declared_types.push((column_name.clone(), declared.clone()));
        if pk > 0 {
            keys.push((pk, column_name));
        }
        table.columns.push(pulled_column);
    }
    keys.sort();
    match keys.as_slice() {
        [(_, single)] => {
            // INTEGER PRIMARY KEY is the rowid, unless the table has none.
            let rowid = integer_columns.contains(single) && !without_rowid;
            if let Some(column) = table.columns.iter_mut().find(|c| c.name == *single) {
                column.primary_key = true;
                // INTEGER PRIMARY KEY is the rowid: SQLite numbers the rows itself.
                if rowid {
                    column.identity = true;
                }
                // Only the exact type name INTEGER makes the rowid alias; dbtool writes every
                // integer key as INTEGER, which would make an `INT PRIMARY KEY` one: its
                // declared type is kept, so it stays an ordinary key.
                let integer_key =
                    matches!(column.ty.as_deref(), Some("int" | "bigint" | "smallint"));
                if !rowid && integer_key && !without_rowid {
                    column.sqlite_type = declared_types
                        .iter()
                        .find(|(name, _)| name == single)
                        .map(|(_, declared)| declared.clone());
                    if !column.not_null {
                        pulled.notes.push(format!(
                            "`{}.{single}` is a primary key SQLite lets hold NULL (declared without NOT NULL, and not INTEGER); dbtool declares every key NOT NULL",
                            table.name
                        ));
                    }
                }
            }
        }
        [] => {}
        many => table.primary_key = many.iter().map(|(_, c)| c.clone()).collect(),
    }
    read_foreign_keys(conn, &mut table)?;
    read_indexes(conn, &mut table, pulled)?;
    Ok(table)
}

fn read_foreign_keys(conn: &rusqlite::Connection, table: &mut PulledTable) -> rusqlite::Result<()> {
    let mut statement = conn.prepare(
        "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete
         FROM pragma_foreign_key_list(?1) ORDER BY id, seq",
    )?;
    let rows = statement.query_map([&table.name], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, Option<String>>(3)?,
            row.get::<_, String>(4)?,
            row.get::<_, String>(5)?,
        ))
    })?;
    let mut keys: Vec<(i64, PulledForeignKey, Vec<Option<String>>)> = Vec::new();
    for row in rows {
        let (id, target, from, to, on_update, on_delete) = row?;
        match keys.iter_mut().find(|(k, _, _)| *k == id) {
            Some((_, key, targets)) => {
                key.columns.push(from);
                targets.push(to);
            }
            None => keys.push((
                id,
                PulledForeignKey {
                    name: None,
                    columns: vec![from],
                    references: target,
                    on_delete: action(&on_delete),
                    on_update: action(&on_update),
                },
                vec![to],
            )),
        }
    }
    for (_, mut key, targets) in keys {
        // A key written without target columns points at the target's primary key: the
        // schema language says that with the table's name alone.
        let target_columns: Option<Vec<String>> = targets.into_iter().collect();
        match (key.columns.as_slice(), target_columns.as_deref()) {
            ([single], Some([target])) => {
                let reference = ColumnReference {
                    target: format!("{}.{target}", key.references),
                    on_delete: key.on_delete.clone(),
                    on_update: key.on_update.clone(),
                };
                let single = single.clone();
                if let Some(column) = table.columns.iter_mut().find(|c| c.name == single) {
                    column.references = Some(reference);
                }
            }
            (_, Some(targets)) => {
                key.references = format!("{}({})", key.references, targets.join(", "));
                table.foreign_keys.push(key);
            }
            (_, None) => table.foreign_keys.push(key),
        }
    }
    Ok(())
}

fn read_indexes(
    conn: &rusqlite::Connection,
    table: &mut PulledTable,
    pulled: &mut Pulled,
) -> rusqlite::Result<()> {
    let mut list = conn.prepare(
        "SELECT l.name, l.\"unique\", l.origin, l.partial, coalesce(m.sql, '')
         FROM pragma_index_list(?1) l LEFT JOIN sqlite_master m ON m.name = l.name
         ORDER BY l.name",
    )?;
    let indexes = list
        .query_map([&table.name], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, bool>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, bool>(3)?,
                row.get::<_, String>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut info = conn.prepare(
        "SELECT cid, name, \"desc\", coll FROM pragma_index_xinfo(?1) WHERE key = 1 ORDER BY seqno",
    )?;
    let mut seen_unique: BTreeSet<Vec<String>> = BTreeSet::new();
    for (name, unique, origin, partial, sql) in indexes {
        if origin == "pk" {
            continue;
        }
        let parts = info
            .query_map([&name], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, Option<String>>(1)?,
                    row.get::<_, bool>(2)?,
                    row.get::<_, String>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let plain = parts
            .iter()
            .all(|(cid, column, _, coll)| *cid >= 0 && column.is_some() && coll == "BINARY");
        let columns: Vec<String> = parts
            .iter()
            .filter_map(|(_, column, _, _)| column.clone())
            .collect();
        if origin == "u" {
            // A UNIQUE constraint of the table.
            match columns.as_slice() {
                [single] => {
                    if let Some(column) = table.columns.iter_mut().find(|c| c.name == *single) {
                        column.unique = true;
                    }
                }
                _ => {
                    if seen_unique.insert(columns.clone()) {
                        table.unique.push(NamedColumns {
                            name: None,
                            columns,
                        });
                    }
                }
            }
            continue;
        }
        if !plain || partial {
            pulled.notes.push(format!(
                "index {name} has an expression, a collation or a WHERE clause: it is kept as a raw statement"
            ));
            pulled.raw.push(PulledRaw::after_tables(sql));
            continue;
        }
        table.indexes.push(PulledIndex {
            name,
            columns: parts
                .into_iter()
                .map(|(_, column, desc, _)| IndexColumn {
                    column,
                    expr: None,
                    desc,
                })
                .collect(),
            unique,
            method: None,
            where_: None,
            include: Vec::new(),
        });
    }
    Ok(())
}

/// The CHECK constraints and generated columns' expressions of `table`, which SQLite keeps only
/// in its `CREATE TABLE` text; a note when the text does not parse or a column is VIRTUAL
/// (dbtool writes generated columns STORED).
fn read_table_text(table: &mut PulledTable, create_sql: &str, notes: &mut Vec<String>) {
    let Some(text) = table_text(&table.name, create_sql) else {
        notes.push(format!(
            "the CREATE TABLE text of `{}` does not parse, so its CHECK constraints and generated expressions are not read: add them under `checks:` and `generated:`",
            table.name
        ));
        for column in &mut table.columns {
            if column.generated.as_deref() == Some("") {
                column.generated = None;
            }
        }
        return;
    };
    table.checks = text.checks;
    for (name, expr, is_virtual) in text.generated {
        if let Some(column) = table.columns.iter_mut().find(|c| c.name == name) {
            column.generated = Some(expr);
            if is_virtual {
                notes.push(format!(
                    "`{}.{name}` is a VIRTUAL generated column; dbtool writes generated columns STORED (computed on write, kept on disk)",
                    table.name
                ));
            }
        }
    }
    for column in &mut table.columns {
        if column.generated.as_deref() == Some("") {
            column.generated = None;
            notes.push(format!(
                "`{}.{}` is a generated column whose expression was not found in the CREATE TABLE text: add `generated:`",
                table.name, column.name
            ));
        }
    }
}

/// How dbtool's storage of `portable` on SQLite differs from the declared type's, if it does:
/// another affinity (`DATETIME` is NUMERIC, dbtool's `timestamp` TEXT) or a check dbtool adds
/// (`BOOLEAN` as INTEGER with `IN (0, 1)`). A rebuilt table then differs from the source.
fn storage_changes(declared: &str, portable: &str) -> Option<String> {
    let ty = crate::schema::syntax::parse_type(portable).ok()?;
    let stored = crate::dialect::spec(crate::schema::Dialect::Sqlite)
        .column_type(&ty, &crate::schema::Schema::default());
    let (was, now) = (super::affinity(declared), super::affinity(&stored.keyword));
    match stored.check {
        Some(check @ ("bool" | "uuid" | "json")) => Some(format!(
            "which dbtool stores as {} with a check that it holds a {check}",
            stored.keyword
        )),
        _ if was != now => Some(format!(
            "which dbtool stores as {} ({now} affinity)",
            stored.keyword
        )),
        _ => None,
    }
}
