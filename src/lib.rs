//! dbtool: declarative schema YAML rendered to the DDL of PostgreSQL, TimescaleDB and SQLite.
//!
//! The library is a pure core (see ARCHITECTURE.md): [`schema::load`] turns source text into a
//! validated model, [`render::render`] turns the model into DDL. File and database IO live in
//! [`project`] and the CLI.

pub mod author;
pub mod cli;
pub mod codegen;
pub mod confirm;
pub mod diagnostic;
pub mod dialect;
pub mod diff;
pub mod engine;
pub mod introspect;
pub mod journal;
pub mod lexical;
pub mod migrate;
pub mod project;
pub mod query;
pub mod render;
pub mod resolved;
pub mod schema;
pub mod workflow;
