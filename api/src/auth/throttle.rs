//! Log-in throttling, per account and per client address, kept in the database so that every
//! instance of the service sees the same counts.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use crate::{
    config::AuthSettings,
    db,
    entity::login_attempts,
    error::{ApiError, ErrorCode},
};

/// Refuses the attempt with `LOGIN_THROTTLED` while the account or the address has failed too
/// often within the window. A successful log-in clears the account's count.
pub async fn check(
    conn: &impl ConnectionTrait,
    settings: &AuthSettings,
    email: &str,
    client_address: &str,
) -> Result<(), ApiError> {
    let now = db::now();
    let window = Duration::minutes(settings.throttle_window_minutes);
    let window_start = now - window;

    let last_success = login_attempts::Entity::find()
        .filter(login_attempts::Column::Email.eq(email))
        .filter(login_attempts::Column::Succeeded.eq(true))
        .filter(login_attempts::Column::CreatedAt.gt(window_start))
        .order_by_desc(login_attempts::Column::CreatedAt)
        .one(conn)
        .await?
        .map(|attempt| attempt.created_at);
    let account_since = last_success.unwrap_or(window_start).max(window_start);
    let account_failures = recent_failures(
        conn,
        login_attempts::Column::Email,
        email,
        account_since,
        settings.throttle_account_failures,
    )
    .await?;
    let address_failures = recent_failures(
        conn,
        login_attempts::Column::ClientAddress,
        client_address,
        window_start,
        settings.throttle_address_failures,
    )
    .await?;

    let unlock_at = [
        blocked_until(
            &account_failures,
            settings.throttle_account_failures,
            window,
        ),
        blocked_until(
            &address_failures,
            settings.throttle_address_failures,
            window,
        ),
    ]
    .into_iter()
    .flatten()
    .max();
    match unlock_at {
        Some(until) if until > now => {
            let seconds = (until - now).num_seconds().max(1);
            Err(ApiError::new(ErrorCode::LoginThrottled)
                .with_arg("retryAfterSeconds", seconds)
                .with_arg("retryAfterMinutes", (seconds + 59) / 60))
        }
        _ => Ok(()),
    }
}

/// The most recent failures (newest first), at most `limit` of them.
async fn recent_failures(
    conn: &impl ConnectionTrait,
    column: login_attempts::Column,
    value: &str,
    since: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<DateTime<Utc>>, ApiError> {
    Ok(login_attempts::Entity::find()
        .filter(column.eq(value))
        .filter(login_attempts::Column::Succeeded.eq(false))
        .filter(login_attempts::Column::CreatedAt.gt(since))
        .order_by_desc(login_attempts::Column::CreatedAt)
        .limit(limit)
        .all(conn)
        .await?
        .into_iter()
        .map(|attempt| attempt.created_at)
        .collect())
}

/// With `limit` failures inside the window, blocked until the oldest of them leaves it.
fn blocked_until(
    failures: &[DateTime<Utc>],
    limit: u64,
    window: Duration,
) -> Option<DateTime<Utc>> {
    if limit == 0 || (failures.len() as u64) < limit {
        return None;
    }
    failures.last().map(|oldest| *oldest + window)
}

pub async fn record(
    conn: &impl ConnectionTrait,
    email: &str,
    client_address: &str,
    succeeded: bool,
) -> Result<(), ApiError> {
    login_attempts::ActiveModel {
        email: Set(email.chars().take(254).collect()),
        client_address: Set(client_address.to_owned()),
        succeeded: Set(succeeded),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}
