//! From the database to the index: documents built from directory entries, the jobs the
//! outbox worker hands over, and the full rebuild behind `banso reindex`.

use std::{
    collections::{BTreeSet, HashMap},
    sync::Arc,
    time::Duration,
};

use chrono::Utc;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::{
    DirectoryDocument, SearchEngine, SearchError, Synonyms,
    document::{OPEN_ENDED, day_number},
    queue::IndexJob,
    text,
};
use crate::{
    entity::{directory_entries, directory_entry_terms, taxonomy_terms},
    taxonomy::service::synonyms_of,
};

const REBUILD_BATCH: u64 = 500;

/// The synonym groups of every active taxonomy term.
pub async fn synonyms(conn: &impl ConnectionTrait) -> anyhow::Result<Synonyms> {
    let terms = taxonomy_terms::Entity::find()
        .filter(taxonomy_terms::Column::Active.eq(true))
        .order_by_asc(taxonomy_terms::Column::Id)
        .all(conn)
        .await?;
    Ok(Synonyms::new(terms.iter().map(synonyms_of)))
}

/// The documents of these entries.
pub async fn documents(
    conn: &impl ConnectionTrait,
    entries: Vec<directory_entries::Model>,
    synonyms: &Synonyms,
) -> anyhow::Result<Vec<DirectoryDocument>> {
    let ids: Vec<i64> = entries.iter().map(|entry| entry.id).collect();
    let mut tags: HashMap<i64, Vec<i64>> = HashMap::new();
    for row in directory_entry_terms::Entity::find()
        .filter(directory_entry_terms::Column::EntryId.is_in(ids))
        .all(conn)
        .await?
    {
        tags.entry(row.entry_id).or_default().push(row.term_id);
    }
    let term_ids: BTreeSet<i64> = tags.values().flatten().copied().collect();
    let terms: HashMap<i64, taxonomy_terms::Model> = taxonomy_terms::Entity::find()
        .filter(taxonomy_terms::Column::Id.is_in(term_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|term| (term.id, term))
        .collect();
    Ok(entries
        .into_iter()
        .map(|entry| {
            let entry_terms: Vec<&taxonomy_terms::Model> = tags
                .get(&entry.id)
                .into_iter()
                .flatten()
                .filter_map(|id| terms.get(id))
                .collect();
            let mut document = document(entry, &entry_terms);
            relate(&mut document, synonyms);
            document
        })
        .collect())
}

fn document(
    entry: directory_entries::Model,
    terms: &[&taxonomy_terms::Model],
) -> DirectoryDocument {
    let codes = |kind: &str| -> Vec<String> {
        terms
            .iter()
            .filter(|term| term.kind == kind)
            .map(|term| term.code.clone())
            .collect()
    };
    let mut terms_en = Vec::new();
    let mut terms_ja = Vec::new();
    for term in terms {
        terms_en.push(text::normalise(&term.label_en));
        terms_ja.push(text::normalise(&term.label_ja));
        for word in synonyms_of(term) {
            if word.chars().any(text::is_cjk) {
                terms_ja.push(text::normalise(&word));
            } else {
                terms_en.push(text::normalise(&word));
            }
        }
    }
    let joined = |parts: [Option<&String>; 2]| {
        parts
            .into_iter()
            .flatten()
            .map(|part| text::normalise(part))
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    DirectoryDocument {
        id: entry.id,
        domains: codes("domain"),
        stages: codes("stage"),
        topics: codes("topic"),
        languages: codes("language"),
        regions: codes("region"),
        services: codes("service"),
        details_en: joined([
            entry
                .affiliation_en
                .as_ref()
                .or(entry.body_name_en.as_ref()),
            entry.eligibility_en.as_ref(),
        ]),
        details_ja: joined([
            entry
                .affiliation_ja
                .as_ref()
                .or(entry.body_name_ja.as_ref()),
            entry.eligibility_ja.as_ref(),
        ]),
        terms_en,
        terms_ja,
        related_en: Vec::new(),
        related_ja: Vec::new(),
        sort_name: text::normalise(&entry.name_en).to_lowercase(),
        name_en: text::normalise(&entry.name_en),
        name_ja: text::normalise(&entry.name_ja),
        summary_en: text::normalise(&entry.summary_en),
        summary_ja: text::normalise(&entry.summary_ja),
        supporter_type: entry.supporter_type,
        programme_body: entry.programme_body,
        overseas: entry.overseas,
        certified: entry.certified,
        active: entry.active,
        opens_day: entry.opens_on.map_or(0, day_number),
        closes_day: entry.closes_on.map_or(OPEN_ENDED, day_number),
        updated_at: entry.updated_at.timestamp(),
        kind: entry.kind,
    }
}

/// Adds the synonyms of every word of a synonym group the document's texts contain.
fn relate(document: &mut DirectoryDocument, synonyms: &Synonyms) {
    let texts = [
        &document.name_en,
        &document.name_ja,
        &document.summary_en,
        &document.summary_ja,
        &document.details_en,
        &document.details_ja,
    ]
    .into_iter()
    .chain(&document.terms_en)
    .chain(&document.terms_ja)
    .map(|text| text.to_lowercase())
    .collect::<Vec<_>>();
    for group in &synonyms.groups {
        let present = |word: &String| {
            texts
                .iter()
                .any(|text| text::find_word(text, word).is_some())
        };
        if !group.iter().any(present) {
            continue;
        }
        for word in group.iter().filter(|word| !present(word)) {
            let list = if word.chars().any(text::is_cjk) {
                &mut document.related_ja
            } else {
                &mut document.related_en
            };
            if !list.contains(word) {
                list.push(word.clone());
            }
        }
    }
}

/// Carries out queued jobs: every named entry as the database has it now (removed from the
/// index if it is gone); new synonyms rebuild the whole index.
pub async fn apply(
    db: &DatabaseConnection,
    engine: &dyn SearchEngine,
    jobs: &[IndexJob],
) -> Result<(), ApplyError> {
    if jobs.contains(&IndexJob::Settings) {
        // Documents carry the synonyms of their words: all of them are rebuilt.
        rebuild(db, engine).await?;
        return Ok(());
    }
    if engine.needs_configuring() {
        engine.configure(&synonyms(db).await?).await?;
    }
    let ids: BTreeSet<i64> = jobs
        .iter()
        .filter_map(|job| match job {
            IndexJob::Entry { id } => Some(*id),
            IndexJob::Settings => None,
        })
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    let entries = directory_entries::Entity::find()
        .filter(directory_entries::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let gone: Vec<i64> = ids
        .iter()
        .copied()
        .filter(|id| !entries.iter().any(|entry| entry.id == *id))
        .collect();
    let synonyms = synonyms(db).await?;
    engine
        .upsert(documents(db, entries, &synonyms).await?)
        .await?;
    engine.remove(&gone).await?;
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error(transparent)]
    Database(#[from] anyhow::Error),
}

impl From<sea_orm::DbErr> for ApplyError {
    fn from(error: sea_orm::DbErr) -> Self {
        ApplyError::Database(error.into())
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Rebuilt {
    pub indexed: usize,
    pub removed: usize,
}

/// Rebuilds the index from the database: settings, every entry in batches, then removes
/// what the database no longer has. Entries changed while it ran are read once more at the
/// end, so a change is never left behind by an older copy.
pub async fn rebuild(
    db: &DatabaseConnection,
    engine: &dyn SearchEngine,
) -> Result<Rebuilt, ApplyError> {
    let started = Utc::now();
    let synonyms = synonyms(db).await?;
    engine.configure(&synonyms).await?;
    let mut rebuilt = Rebuilt::default();
    let mut seen: BTreeSet<i64> = BTreeSet::new();
    let mut after = 0_i64;
    loop {
        let batch = directory_entries::Entity::find()
            .filter(directory_entries::Column::Id.gt(after))
            .order_by_asc(directory_entries::Column::Id)
            .limit(REBUILD_BATCH)
            .all(db)
            .await?;
        let Some(last) = batch.last() else {
            break;
        };
        after = last.id;
        seen.extend(batch.iter().map(|entry| entry.id));
        rebuilt.indexed += batch.len();
        engine
            .upsert(documents(db, batch, &synonyms).await?)
            .await?;
    }
    let stale: Vec<i64> = engine
        .ids()
        .await?
        .into_iter()
        .filter(|id| !seen.contains(id))
        .collect();
    rebuilt.removed = stale.len();
    engine.remove(&stale).await?;
    let changed = directory_entries::Entity::find()
        .filter(directory_entries::Column::UpdatedAt.gte(started))
        .all(db)
        .await?;
    engine
        .upsert(documents(db, changed, &synonyms).await?)
        .await?;
    Ok(rebuilt)
}

/// Makes the index ready when the server starts. The embedded index is built from the
/// database there and then. Meilisearch is configured in the background, and rebuilt if it
/// does not hold the database's entries; while it is unreachable this keeps trying, and
/// writes wait in the outbox.
pub async fn prepare(db: &DatabaseConnection, engine: Arc<dyn SearchEngine>) -> anyhow::Result<()> {
    if engine.is_embedded() {
        let rebuilt = rebuild(db, engine.as_ref()).await?;
        tracing::info!(entries = rebuilt.indexed, engine = %engine.describe(), "search index built");
        return Ok(());
    }
    let db = db.clone();
    tokio::spawn(async move {
        let mut wait = Duration::from_secs(1);
        loop {
            match prime(&db, engine.as_ref()).await {
                Ok(()) => break,
                Err(error) => {
                    tracing::warn!(%error, engine = %engine.describe(), retry_in_secs = wait.as_secs(), "search engine not ready");
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(60));
                }
            }
        }
    });
    Ok(())
}

/// Rebuilds unless the index holds exactly the database's entries (a new or lagging
/// server, entries loaded without index jobs); otherwise only applies the settings.
async fn prime(db: &DatabaseConnection, engine: &dyn SearchEngine) -> Result<(), ApplyError> {
    let indexed: BTreeSet<i64> = engine.ids().await?.into_iter().collect();
    let stored: BTreeSet<i64> = directory_entries::Entity::find()
        .select_only()
        .column(directory_entries::Column::Id)
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    if indexed != stored {
        let rebuilt = rebuild(db, engine).await?;
        tracing::info!(entries = rebuilt.indexed, engine = %engine.describe(), "search index filled");
    } else {
        engine.configure(&synonyms(db).await?).await?;
        tracing::info!(engine = %engine.describe(), "search index configured");
    }
    Ok(())
}
