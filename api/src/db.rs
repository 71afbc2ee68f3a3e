//! Connecting to SQLite or PostgreSQL, migrating, and the transaction helper every write uses.

use std::time::Duration;

use anyhow::Context as _;
use banso_migrations::{Migrator, MigratorTrait};
use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait,
    sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous},
};
use secrecy::ExposeSecret;

use crate::config::Settings;

pub async fn connect(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    if settings.uses_sqlite() {
        std::fs::create_dir_all(&settings.data_dir)
            .with_context(|| format!("creating the data folder {}", settings.data_dir.display()))?;
    }
    let url = settings.database_url();
    let mut options = ConnectOptions::new(url.expose_secret().to_owned());
    options
        .max_connections(settings.database.max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(settings.database.connect_timeout_secs))
        .acquire_timeout(Duration::from_secs(settings.database.connect_timeout_secs))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(configure_sqlite);
    let db = Database::connect(options)
        .await
        .with_context(|| format!("connecting to {}", settings.describe_database()))?;
    Ok(db)
}

/// WAL lets readers work while one connection writes; writers wait for each other instead
/// of failing; foreign keys are enforced as on PostgreSQL.
fn configure_sqlite(options: SqliteConnectOptions) -> SqliteConnectOptions {
    options
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(10))
        .foreign_keys(true)
}

pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None).await.context("applying migrations")
}

/// Whether every migration has been applied (used by `/ready` and `banso migrate --check`).
pub async fn pending_migrations(db: &DatabaseConnection) -> anyhow::Result<usize> {
    Ok(Migrator::get_pending_migrations(db).await?.len())
}

pub async fn ping(db: &DatabaseConnection) -> Result<(), sea_orm::DbErr> {
    db.execute_raw(Statement::from_string(
        db.get_database_backend(),
        "SELECT 1",
    ))
    .await
    .map(|_| ())
}

/// Starts a transaction that will write. On SQLite it takes the write lock at once, so two
/// writers queue instead of one failing when it upgrades from reading to writing.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, sea_orm::DbErr> {
    let mut options = TransactionOptions::default();
    if db.get_database_backend() == DbBackend::Sqlite {
        options.sqlite_transaction_mode = Some(SqliteTransactionMode::Immediate);
    }
    db.begin_with_options(options).await
}

/// The current time as stored: UTC, to the microsecond (PostgreSQL's precision), so that
/// values read back compare equal to those written.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// Whether a database error is a violated unique constraint.
pub fn is_unique_violation(error: &sea_orm::DbErr) -> bool {
    matches!(
        error.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}
