//! The audit log: who changed which record, when, with the values before and after.

use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde::Serialize;

use crate::{auth::Actor, db, entity::audit_log};

pub async fn record<T: Serialize>(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    action: &str,
    subject_type: &str,
    subject_id: i64,
    before: Option<&T>,
    after: Option<&T>,
) -> anyhow::Result<()> {
    audit_log::ActiveModel {
        actor_user_id: Set(actor.user_id().map(|id| id.0)),
        action: Set(action.to_owned()),
        subject_type: Set(subject_type.to_owned()),
        subject_id: Set(subject_id),
        before: Set(before.map(serde_json::to_string).transpose()?),
        after: Set(after.map(serde_json::to_string).transpose()?),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}
