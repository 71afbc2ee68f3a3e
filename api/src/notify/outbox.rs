//! The outbox table: queue in a transaction, claim with a lease, finish or retry.
//!
//! Rows sharing an ordering key (an email's recipient) are handed out strictly in id order:
//! a row waits while an earlier one with its key is still pending. A worker that dies
//! mid-send loses its lease and the row is claimed again, so delivery is at least once;
//! message ids make a rare duplicate recognisable.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    PaginatorTrait, QueryFilter, Set, Statement,
    sea_query::{Expr, ExprTrait},
};
use serde::Serialize;

use crate::{db, entity::outbox};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Email,
    /// A directory entry or the search settings to bring up to date ([`crate::search::queue`]).
    SearchIndex,
}

impl Topic {
    pub const ALL: &'static [Topic] = &[Topic::Email, Topic::SearchIndex];

    pub const fn as_db(self) -> &'static str {
        match self {
            Topic::Email => "email",
            Topic::SearchIndex => "search_index",
        }
    }

    pub fn from_db(value: &str) -> Option<Topic> {
        match value {
            "email" => Some(Topic::Email),
            "search_index" => Some(Topic::SearchIndex),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pending,
    Done,
    Failed,
}

impl Status {
    pub const fn as_db(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Done => "done",
            Status::Failed => "failed",
        }
    }
}

pub async fn enqueue(
    conn: &impl ConnectionTrait,
    topic: Topic,
    ordering_key: &str,
    payload: &impl Serialize,
) -> anyhow::Result<i64> {
    let now = db::now();
    let row = outbox::ActiveModel {
        topic: Set(topic.as_db().to_owned()),
        ordering_key: Set(ordering_key.to_owned()),
        payload: Set(serde_json::to_string(payload)?),
        status: Set(Status::Pending.as_db().to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        locked_by: Set(None),
        locked_until: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        processed_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(row.id)
}

/// A row handed to one worker until `locked_until`.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub topic: String,
    pub payload: String,
    /// Including this one.
    pub attempts: i32,
    pub locked_until: DateTime<Utc>,
}

const CLAIM_POSTGRES: &str = r#"
UPDATE outbox SET locked_by = $1, locked_until = $2, attempts = attempts + 1
WHERE id IN (
    SELECT o.id FROM outbox o
    WHERE o.status = 'pending' AND o.next_attempt_at <= $3 AND o.topic IN (TOPICS)
      AND (o.locked_until IS NULL OR o.locked_until < $3)
      AND NOT EXISTS (
          SELECT 1 FROM outbox earlier
          WHERE earlier.ordering_key = o.ordering_key AND earlier.status = 'pending' AND earlier.id < o.id)
    ORDER BY o.id
    LIMIT $4
    FOR UPDATE SKIP LOCKED)
RETURNING id, topic, payload, attempts"#;

const CLAIM_SQLITE: &str = r#"
UPDATE outbox SET locked_by = ?1, locked_until = ?2, attempts = attempts + 1
WHERE id IN (
    SELECT o.id FROM outbox o
    WHERE o.status = 'pending' AND o.next_attempt_at <= ?3 AND o.topic IN (TOPICS)
      AND (o.locked_until IS NULL OR o.locked_until < ?3)
      AND NOT EXISTS (
          SELECT 1 FROM outbox earlier
          WHERE earlier.ordering_key = o.ordering_key AND earlier.status = 'pending' AND earlier.id < o.id)
    ORDER BY o.id
    LIMIT ?4)
RETURNING id, topic, payload, attempts"#;

/// Takes up to `limit` due rows of `topics` for `worker`, oldest first. Safe with many
/// workers: on PostgreSQL rows being claimed by another are skipped, and SQLite has one
/// writer at a time.
pub async fn claim(
    db: &DatabaseConnection,
    worker: &str,
    limit: u32,
    lease: Duration,
    topics: &[Topic],
) -> anyhow::Result<Vec<Claimed>> {
    let now = db::now();
    let locked_until = now + lease;
    let backend = db.get_database_backend();
    let topics = topics
        .iter()
        .map(|topic| format!("'{}'", topic.as_db()))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = match backend {
        DbBackend::Postgres => CLAIM_POSTGRES,
        _ => CLAIM_SQLITE,
    }
    .replace("TOPICS", &topics);
    let statement = Statement::from_sql_and_values(
        backend,
        &sql,
        [
            worker.into(),
            locked_until.into(),
            now.into(),
            i64::from(limit).into(),
        ],
    );
    let rows = db.query_all_raw(statement).await?;
    let mut claimed = Vec::with_capacity(rows.len());
    for row in rows {
        claimed.push(Claimed {
            id: row.try_get("", "id")?,
            topic: row.try_get("", "topic")?,
            payload: row.try_get("", "payload")?,
            attempts: row.try_get("", "attempts")?,
            locked_until,
        });
    }
    claimed.sort_by_key(|row| row.id);
    Ok(claimed)
}

fn held_by(id: i64, worker: &str) -> sea_orm::UpdateMany<outbox::Entity> {
    outbox::Entity::update_many()
        .filter(outbox::Column::Id.eq(id))
        .filter(outbox::Column::LockedBy.eq(worker))
        .filter(outbox::Column::Status.eq(Status::Pending.as_db()))
}

pub async fn complete(db: &DatabaseConnection, id: i64, worker: &str) -> anyhow::Result<()> {
    finish(db, id, worker, Status::Done, None).await
}

pub async fn retry_later(
    db: &DatabaseConnection,
    id: i64,
    worker: &str,
    error: &str,
    next_attempt_at: DateTime<Utc>,
) -> anyhow::Result<()> {
    held_by(id, worker)
        .col_expr(outbox::Column::NextAttemptAt, Expr::value(next_attempt_at))
        .col_expr(
            outbox::Column::LockedBy,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            outbox::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(outbox::Column::LastError, Expr::value(truncate(error)))
        .exec(db)
        .await?;
    Ok(())
}

/// Gives a claimed row back untouched (its attempt is not counted).
pub async fn release(db: &DatabaseConnection, id: i64, worker: &str) -> anyhow::Result<()> {
    held_by(id, worker)
        .col_expr(
            outbox::Column::Attempts,
            Expr::col(outbox::Column::Attempts).sub(1),
        )
        .col_expr(
            outbox::Column::LockedBy,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            outbox::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .exec(db)
        .await?;
    Ok(())
}

/// Stops trying a row that can never succeed; it stays in the table for inspection.
pub async fn fail(
    db: &DatabaseConnection,
    id: i64,
    worker: &str,
    error: &str,
) -> anyhow::Result<()> {
    finish(db, id, worker, Status::Failed, Some(error)).await
}

async fn finish(
    db: &DatabaseConnection,
    id: i64,
    worker: &str,
    status: Status,
    error: Option<&str>,
) -> anyhow::Result<()> {
    held_by(id, worker)
        .col_expr(outbox::Column::Status, Expr::value(status.as_db()))
        .col_expr(outbox::Column::ProcessedAt, Expr::value(db::now()))
        .col_expr(
            outbox::Column::LockedBy,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            outbox::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(outbox::Column::LastError, Expr::value(error.map(truncate)))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn count_with_status(db: &impl ConnectionTrait, status: Status) -> anyhow::Result<u64> {
    Ok(outbox::Entity::find()
        .filter(outbox::Column::Status.eq(status.as_db()))
        .count(db)
        .await?)
}

fn truncate(error: &str) -> String {
    error.chars().take(2000).collect()
}
