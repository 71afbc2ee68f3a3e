//! Bansō's database schema, as sea-orm migrations that run on SQLite and PostgreSQL.
//!
//! Each migration spells out its own tables and columns; none imports the service crate
//! and none carries seed data.

pub use sea_orm_migration::prelude::*;

mod m20261121_000001_create_desks_and_taxonomy;
mod m20261121_000002_create_accounts;
mod m20261121_000003_create_outbox;
mod m20261121_000004_create_audit_log;
mod m20261123_000005_create_consultations;
mod m20261123_000006_create_directory;
mod m20261123_000007_create_suggestion_dismissals;
mod m20261204_000008_create_introductions;
mod m20261204_000009_create_grants;
mod m20261204_000010_report_indexes;

pub struct Migrator;

/// Creates a plain (non-unique) index on `columns` of `table`.
async fn index<T: Iden + Copy + 'static>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: T,
    columns: &[T],
) -> Result<(), DbErr> {
    let mut statement = Index::create().name(name).table(table).to_owned();
    for column in columns {
        statement.col(*column);
    }
    manager.create_index(statement).await
}

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_create_desks_and_taxonomy::Migration),
            Box::new(m20261121_000002_create_accounts::Migration),
            Box::new(m20261121_000003_create_outbox::Migration),
            Box::new(m20261121_000004_create_audit_log::Migration),
            Box::new(m20261123_000005_create_consultations::Migration),
            Box::new(m20261123_000006_create_directory::Migration),
            Box::new(m20261123_000007_create_suggestion_dismissals::Migration),
            Box::new(m20261204_000008_create_introductions::Migration),
            Box::new(m20261204_000009_create_grants::Migration),
            Box::new(m20261204_000010_report_indexes::Migration),
        ]
    }
}
