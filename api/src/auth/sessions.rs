//! Sessions: opaque tokens handed to the client, stored hashed, with an absolute lifetime,
//! an idle timeout and revocation.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    sea_query::Expr,
};

use crate::{
    auth::{Role, Viewer, tokens},
    config::AuthSettings,
    db,
    entity::{desk_memberships, sessions, users},
    i18n::Locale,
    ids::{DeskId, OrganisationId, SessionId, UserId},
};

/// Refresh `last_seen_at` at most this often, so reading does not write on every request.
const TOUCH_INTERVAL_SECS: i64 = 60;

pub struct NewSession {
    pub token: String,
    pub session: sessions::Model,
}

pub async fn create(
    conn: &impl ConnectionTrait,
    settings: &AuthSettings,
    user_id: UserId,
    client_address: Option<String>,
    user_agent: Option<String>,
) -> anyhow::Result<NewSession> {
    let token = tokens::generate()?;
    let now = db::now();
    let session = sessions::ActiveModel {
        user_id: Set(user_id.0),
        token_hash: Set(tokens::digest(&token)),
        client_address: Set(client_address),
        user_agent: Set(user_agent.map(|agent| agent.chars().take(300).collect())),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(expiry(settings, now, now)),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(NewSession { token, session })
}

fn expiry(
    settings: &AuthSettings,
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
) -> DateTime<Utc> {
    let absolute = created_at + Duration::hours(settings.session_ttl_hours);
    let idle = last_seen_at + Duration::minutes(settings.session_idle_minutes);
    absolute.min(idle)
}

/// The viewer behind a session token, if the session is live and the user active.
pub async fn resolve(
    conn: &impl ConnectionTrait,
    settings: &AuthSettings,
    token: &str,
) -> anyhow::Result<Option<Viewer>> {
    let now = db::now();
    let Some(session) = sessions::Entity::find()
        .filter(sessions::Column::TokenHash.eq(tokens::digest(token)))
        .filter(sessions::Column::RevokedAt.is_null())
        .filter(sessions::Column::ExpiresAt.gt(now))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let Some(user) = users::Entity::find_by_id(session.user_id).one(conn).await? else {
        return Ok(None);
    };
    if user.deactivated_at.is_some() {
        return Ok(None);
    }

    if (now - session.last_seen_at).num_seconds() >= TOUCH_INTERVAL_SECS {
        sessions::Entity::update_many()
            .col_expr(sessions::Column::LastSeenAt, Expr::value(now))
            .col_expr(
                sessions::Column::ExpiresAt,
                Expr::value(expiry(settings, session.created_at, now)),
            )
            .filter(sessions::Column::Id.eq(session.id))
            .exec(conn)
            .await?;
    }

    let viewer = viewer_of(conn, &user, Some(SessionId(session.id))).await?;
    Ok(Some(viewer))
}

/// What the service needs to know about a user to decide what they may do.
pub async fn viewer_of(
    conn: &impl ConnectionTrait,
    user: &users::Model,
    session_id: Option<SessionId>,
) -> anyhow::Result<Viewer> {
    let role = Role::from_db(&user.role)?;
    let desk_ids = if role.works_at_desks() || role == Role::Admin {
        desk_memberships::Entity::find()
            .filter(desk_memberships::Column::UserId.eq(user.id))
            .order_by_asc(desk_memberships::Column::DeskId)
            .all(conn)
            .await?
            .into_iter()
            .map(|membership| DeskId(membership.desk_id))
            .collect()
    } else {
        Vec::new()
    };
    Ok(Viewer {
        user_id: UserId(user.id),
        role,
        organisation_id: user.organisation_id.map(OrganisationId),
        desk_ids,
        locale: Locale::parse(&user.locale).unwrap_or(Locale::DEFAULT),
        session_id,
    })
}

/// Ends one session of a user; false if it was not theirs or already over.
pub async fn revoke(
    conn: &impl ConnectionTrait,
    user_id: UserId,
    session_id: SessionId,
) -> anyhow::Result<bool> {
    let result = sessions::Entity::update_many()
        .col_expr(sessions::Column::RevokedAt, Expr::value(db::now()))
        .filter(sessions::Column::Id.eq(session_id.0))
        .filter(sessions::Column::UserId.eq(user_id.0))
        .filter(sessions::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(result.rows_affected > 0)
}

/// Ends every live session of a user, except perhaps one; returns how many ended.
pub async fn revoke_all(
    conn: &impl ConnectionTrait,
    user_id: UserId,
    except: Option<SessionId>,
) -> anyhow::Result<u64> {
    let mut update = sessions::Entity::update_many()
        .col_expr(sessions::Column::RevokedAt, Expr::value(db::now()))
        .filter(sessions::Column::UserId.eq(user_id.0))
        .filter(sessions::Column::RevokedAt.is_null())
        .filter(sessions::Column::ExpiresAt.gt(db::now()));
    if let Some(keep) = except {
        update = update.filter(sessions::Column::Id.ne(keep.0));
    }
    Ok(update.exec(conn).await?.rows_affected)
}

/// A user's live sessions, newest first.
pub async fn live_sessions(
    conn: &impl ConnectionTrait,
    user_id: UserId,
) -> anyhow::Result<Vec<sessions::Model>> {
    Ok(sessions::Entity::find()
        .filter(sessions::Column::UserId.eq(user_id.0))
        .filter(sessions::Column::RevokedAt.is_null())
        .filter(sessions::Column::ExpiresAt.gt(db::now()))
        .order_by_desc(sessions::Column::CreatedAt)
        .order_by_desc(sessions::Column::Id)
        .all(conn)
        .await?)
}
