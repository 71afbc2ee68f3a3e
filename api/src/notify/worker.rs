//! The background worker: delivers queued emails, brings the search index up to date,
//! expires introductions nobody answered in time and tidies expired records. It runs inside
//! `banso serve` and on its own as `banso worker`; any number may run against one database.
//! The embedded search index lives in the `banso serve` process, so a separate
//! `banso worker` leaves its updates to the server.

use std::time::Duration;

use chrono::{Duration as ChronoDuration, Utc};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter};
use tokio::{sync::watch, time::Instant};

use super::{
    OutgoingEmail, SendError,
    outbox::{self, Claimed, Topic},
};
use crate::{
    db,
    entity::{login_attempts, sessions, user_tokens},
    introductions,
    search::{indexer, queue::IndexJob},
    state::AppState,
};

const HOUSEKEEPING_EVERY: Duration = Duration::from_secs(600);

/// Runs until `shutdown` turns true, finishing the email in hand first. `topics`: the
/// outbox rows this worker takes.
pub async fn run(state: AppState, topics: &'static [Topic], mut shutdown: watch::Receiver<bool>) {
    let worker = worker_id();
    let poll = Duration::from_millis(state.settings.worker.poll_interval_ms.max(10));
    tracing::info!(worker = %worker, mail = %state.mailer.describe(), "outbox worker started");
    let mut next_housekeeping = Instant::now();
    let expiry_every = Duration::from_secs(state.settings.introductions.expiry_check_secs.max(1));
    let mut next_expiry = Instant::now();
    loop {
        if *shutdown.borrow() {
            break;
        }
        let busy = match run_topics(&state, &worker, topics).await {
            Ok(processed) => processed >= state.settings.worker.batch_size as usize,
            Err(error) => {
                tracing::warn!(
                    error = format!("{error:#}"),
                    "outbox worker could not reach the database"
                );
                false
            }
        };
        if Instant::now() >= next_housekeeping {
            if let Err(error) = housekeeping(&state.db).await {
                tracing::warn!(error = format!("{error:#}"), "housekeeping failed");
            }
            next_housekeeping = Instant::now() + HOUSEKEEPING_EVERY;
        }
        if Instant::now() >= next_expiry {
            match introductions::service::expire_due(&state, db::now()).await {
                Ok(0) => {}
                Ok(expired) => tracing::info!(expired, "introductions expired without an answer"),
                Err(error) => tracing::warn!(error = ?error, "expiring introductions failed"),
            }
            next_expiry = Instant::now() + expiry_every;
        }
        if busy {
            continue;
        }
        tokio::select! {
            _ = shutdown.changed() => {}
            _ = tokio::time::sleep(poll) => {}
        }
    }
    tracing::info!(worker = %worker, "outbox worker stopped");
}

fn worker_id() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "banso".to_owned());
    let unique = uuid::Uuid::new_v4().simple().to_string();
    format!("{host}-{}-{}", std::process::id(), &unique[..8])
}

/// Claims one batch of every topic and carries it out; returns how many rows it claimed.
pub async fn run_once(state: &AppState, worker: &str) -> anyhow::Result<usize> {
    run_topics(state, worker, Topic::ALL).await
}

/// Index jobs are taken in larger batches than emails, and separately, so a long index
/// backlog never holds up an email.
const INDEX_BATCH_FACTOR: u32 = 25;
const INDEX_BACKOFF_MAX: Duration = Duration::from_secs(60);

async fn run_topics(state: &AppState, worker: &str, topics: &[Topic]) -> anyhow::Result<usize> {
    let mut claimed = 0;
    for topic in topics {
        claimed += run_topic(state, worker, *topic).await?;
    }
    Ok(claimed)
}

async fn run_topic(state: &AppState, worker: &str, topic: Topic) -> anyhow::Result<usize> {
    let settings = &state.settings.worker;
    let lease = ChronoDuration::seconds(settings.lease_secs as i64);
    if topic == Topic::SearchIndex {
        let limit = settings.batch_size.saturating_mul(INDEX_BATCH_FACTOR);
        let batch = outbox::claim(&state.db, worker, limit, lease, &[topic]).await?;
        let claimed = batch.len();
        if claimed > 0 {
            update_index(state, worker, batch).await?;
        }
        return Ok(claimed);
    }
    let batch = outbox::claim(&state.db, worker, settings.batch_size, lease, &[topic]).await?;
    let claimed = batch.len();
    let send_timeout = ChronoDuration::seconds(state.settings.email.smtp_timeout_secs as i64 + 5);
    for row in batch {
        if Utc::now() + send_timeout >= row.locked_until {
            // Not enough of the lease left to finish safely: let the next round take it.
            outbox::release(&state.db, row.id, worker).await?;
            continue;
        }
        process(state, worker, row).await?;
    }
    Ok(claimed)
}

async fn process(state: &AppState, worker: &str, row: Claimed) -> anyhow::Result<()> {
    match Topic::from_db(&row.topic) {
        Some(Topic::Email) => {
            let email: OutgoingEmail = match serde_json::from_str(&row.payload) {
                Ok(email) => email,
                Err(error) => {
                    tracing::error!(outbox_id = row.id, %error, "unreadable email in the outbox");
                    return outbox::fail(
                        &state.db,
                        row.id,
                        worker,
                        &format!("unreadable payload: {error}"),
                    )
                    .await;
                }
            };
            match state.mailer.send(row.id, &email).await {
                Ok(()) => {
                    tracing::info!(outbox_id = row.id, template = %email.template, message_id = %email.message_id, "email sent");
                    outbox::complete(&state.db, row.id, worker).await
                }
                Err(SendError::Transient(error)) => {
                    let delay = backoff(&state.settings.worker, row.attempts);
                    tracing::warn!(outbox_id = row.id, attempts = row.attempts, retry_in_secs = delay.as_secs(), %error, "email delayed");
                    let next = db::now()
                        + ChronoDuration::from_std(delay).unwrap_or(ChronoDuration::hours(1));
                    outbox::retry_later(&state.db, row.id, worker, &error, next).await
                }
                Err(SendError::Permanent(error)) => {
                    tracing::error!(outbox_id = row.id, %error, "email refused for good");
                    outbox::fail(&state.db, row.id, worker, &error).await
                }
            }
        }
        Some(Topic::SearchIndex) => update_index(state, worker, vec![row]).await,
        None => {
            tracing::error!(outbox_id = row.id, topic = %row.topic, "unknown outbox topic");
            outbox::fail(&state.db, row.id, worker, "unknown topic").await
        }
    }
}

/// Brings the index up to date for a batch of jobs at once. If the engine is down or
/// refuses, every job waits and is tried again with backoff; the database keeps them.
async fn update_index(state: &AppState, worker: &str, rows: Vec<Claimed>) -> anyhow::Result<()> {
    let mut jobs = Vec::with_capacity(rows.len());
    let mut readable = Vec::with_capacity(rows.len());
    for row in rows {
        match serde_json::from_str::<IndexJob>(&row.payload) {
            Ok(job) => {
                jobs.push(job);
                readable.push(row);
            }
            Err(error) => {
                tracing::error!(outbox_id = row.id, %error, "unreadable index job in the outbox");
                outbox::fail(
                    &state.db,
                    row.id,
                    worker,
                    &format!("unreadable payload: {error}"),
                )
                .await?;
            }
        }
    }
    match indexer::apply(&state.db, state.search.as_ref(), &jobs).await {
        Ok(()) => {
            tracing::debug!(jobs = jobs.len(), "search index updated");
            for row in readable {
                outbox::complete(&state.db, row.id, worker).await?;
            }
        }
        Err(error) => {
            for row in readable {
                // Index jobs are cheap to try again: the index catches up within a minute of
                // the engine's return, however long it was away.
                let delay = backoff(&state.settings.worker, row.attempts).min(INDEX_BACKOFF_MAX);
                tracing::warn!(outbox_id = row.id, attempts = row.attempts, retry_in_secs = delay.as_secs(), %error, "search index update delayed");
                let next =
                    db::now() + ChronoDuration::from_std(delay).unwrap_or(ChronoDuration::hours(1));
                outbox::retry_later(&state.db, row.id, worker, &error.to_string(), next).await?;
            }
        }
    }
    Ok(())
}

/// Exponential backoff with jitter: base × 2^(attempts−1), at most the configured maximum.
fn backoff(settings: &crate::config::WorkerSettings, attempts: i32) -> Duration {
    let exponent = u32::try_from(attempts.saturating_sub(1))
        .unwrap_or(0)
        .min(30);
    let seconds = settings
        .backoff_base_secs
        .saturating_mul(1u64 << exponent)
        .min(settings.backoff_max_secs);
    let mut random = [0u8; 2];
    let jitter = if getrandom::fill(&mut random).is_ok() {
        f64::from(u16::from_le_bytes(random)) / f64::from(u16::MAX) * 0.2
    } else {
        0.0
    };
    Duration::from_secs_f64(seconds.max(1) as f64 * (0.9 + jitter))
}

/// Deletes what no one needs any more: old log-in attempts, and sessions and emailed links
/// that ended a month ago.
async fn housekeeping(db: &DatabaseConnection) -> anyhow::Result<()> {
    let now = db::now();
    let month_ago = now - ChronoDuration::days(30);
    login_attempts::Entity::delete_many()
        .filter(login_attempts::Column::CreatedAt.lt(now - ChronoDuration::days(7)))
        .exec(db)
        .await?;
    sessions::Entity::delete_many()
        .filter(
            Condition::any()
                .add(sessions::Column::ExpiresAt.lt(month_ago))
                .add(sessions::Column::RevokedAt.lt(month_ago)),
        )
        .exec(db)
        .await?;
    user_tokens::Entity::delete_many()
        .filter(
            Condition::any()
                .add(user_tokens::Column::ExpiresAt.lt(month_ago))
                .add(user_tokens::Column::UsedAt.lt(month_ago)),
        )
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Settings, Sources};

    #[test]
    fn backoff_doubles_and_is_capped() {
        let mut settings = Settings::load(&Sources::default())
            .expect("defaults")
            .worker;
        settings.backoff_base_secs = 2;
        settings.backoff_max_secs = 60;
        let around = |attempts, expected: f64| {
            let secs = backoff(&settings, attempts).as_secs_f64();
            assert!(
                secs >= expected * 0.9 - 0.01 && secs <= expected * 1.1 + 0.01,
                "{attempts}: {secs}"
            );
        };
        around(1, 2.0);
        around(2, 4.0);
        around(3, 8.0);
        around(5, 32.0);
        around(6, 60.0);
        around(40, 60.0);
    }
}
