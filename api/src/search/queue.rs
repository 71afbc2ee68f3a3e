//! Index updates, queued in the outbox in the same transaction as the change that needs
//! them. A job names what changed, not the new values: the worker reads the entry from the
//! database when it runs, so a late or repeated job still leaves the index as the database
//! is. Jobs for one entry run in order (their ordering key); different entries go together.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use serde::{Deserialize, Serialize};

use crate::{
    entity::directory_entry_terms,
    notify::outbox::{self, Topic},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "job", rename_all = "snake_case")]
pub enum IndexJob {
    /// Index the entry as it now is, or remove it if it is gone.
    Entry { id: i64 },
    /// Apply the index settings again, with the taxonomy's current synonyms.
    Settings,
}

pub async fn entry_changed(conn: &impl ConnectionTrait, id: i64) -> anyhow::Result<()> {
    outbox::enqueue(
        conn,
        Topic::SearchIndex,
        &format!("directory:{id}"),
        &IndexJob::Entry { id },
    )
    .await?;
    Ok(())
}

/// A term's labels or synonyms changed: the synonyms, and every entry tagged with it.
pub async fn term_changed(conn: &impl ConnectionTrait, term_id: i64) -> anyhow::Result<()> {
    outbox::enqueue(
        conn,
        Topic::SearchIndex,
        "directory:settings",
        &IndexJob::Settings,
    )
    .await?;
    let entries: Vec<i64> = directory_entry_terms::Entity::find()
        .select_only()
        .column(directory_entry_terms::Column::EntryId)
        .filter(directory_entry_terms::Column::TermId.eq(term_id))
        .into_tuple()
        .all(conn)
        .await?;
    for id in entries {
        entry_changed(conn, id).await?;
    }
    Ok(())
}
