//! The taxonomy rules.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use super::TaxonomyKind;
use crate::{
    audit,
    auth::{Actor, Permission},
    db,
    entity::{desks, domain_routes, taxonomy_terms},
    error::{ApiError, ErrorCode, FieldError, Validator},
    ids::{DeskId, TaxonomyTermId},
    search,
    state::AppState,
    validate,
};

const MAX_LABEL: usize = 200;
const POSITIONS: (i32, i32) = (0, 100_000);

/// The taxonomy is public: anyone may read it. Ordered by kind, then position.
pub async fn list(
    state: &AppState,
    kind: Option<TaxonomyKind>,
    include_inactive: bool,
) -> Result<Vec<taxonomy_terms::Model>, ApiError> {
    let mut select = taxonomy_terms::Entity::find();
    if let Some(kind) = kind {
        select = select.filter(taxonomy_terms::Column::Kind.eq(kind.as_db()));
    }
    if !include_inactive {
        select = select.filter(taxonomy_terms::Column::Active.eq(true));
    }
    let mut terms = select
        .order_by_asc(taxonomy_terms::Column::Position)
        .order_by_asc(taxonomy_terms::Column::Id)
        .all(&state.db)
        .await?;
    terms.sort_by_key(|term| TaxonomyKind::from_db(&term.kind).ok());
    Ok(terms)
}

#[derive(Debug, Clone, serde::Deserialize)]
pub struct NewTerm {
    pub kind: TaxonomyKind,
    pub code: String,
    pub label_en: String,
    pub label_ja: String,
    pub position: Option<i32>,
    /// Words searchers use for the term, in either language.
    #[serde(default)]
    pub synonyms: Vec<String>,
}

pub async fn create(
    state: &AppState,
    actor: &Actor,
    term: NewTerm,
) -> Result<taxonomy_terms::Model, ApiError> {
    actor.authorize(Permission::ManageTaxonomy)?;
    let mut v = Validator::new();
    let code = v.check("code", code(&term.code));
    let label_en = v.check(
        "labelEn",
        validate::required_text(&term.label_en, MAX_LABEL),
    );
    let label_ja = v.check(
        "labelJa",
        validate::required_text(&term.label_ja, MAX_LABEL),
    );
    let position = term
        .position
        .map(|p| v.check("position", validate::in_range(p, POSITIONS.0, POSITIONS.1)));
    let synonyms = v.check("synonyms", synonyms(&term.synonyms));
    v.finish()?;

    let txn = db::begin_write(&state.db).await?;
    let existing = taxonomy_terms::Entity::find()
        .filter(taxonomy_terms::Column::Kind.eq(term.kind.as_db()))
        .filter(taxonomy_terms::Column::Code.eq(&code))
        .one(&txn)
        .await?;
    if existing.is_some() {
        return Err(ApiError::field("code", ErrorCode::CodeTaken));
    }
    let position = match position {
        Some(position) => position,
        None => {
            let last: Option<i32> = taxonomy_terms::Entity::find()
                .select_only()
                .column_as(taxonomy_terms::Column::Position.max(), "position")
                .filter(taxonomy_terms::Column::Kind.eq(term.kind.as_db()))
                .into_tuple()
                .one(&txn)
                .await?
                .flatten();
            last.map_or(10, |p| (p + 10).min(POSITIONS.1))
        }
    };
    let now = db::now();
    let created = taxonomy_terms::ActiveModel {
        kind: Set(term.kind.as_db().to_owned()),
        code: Set(code),
        label_en: Set(label_en),
        label_ja: Set(label_ja),
        position: Set(position),
        active: Set(true),
        synonyms: Set(synonyms),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|error| {
        if db::is_unique_violation(&error) {
            ApiError::field("code", ErrorCode::CodeTaken)
        } else {
            error.into()
        }
    })?;
    audit::record(
        &txn,
        actor,
        "taxonomy.create",
        "taxonomy_term",
        created.id,
        None,
        Some(&created),
    )
    .await?;
    reindex_for(&txn, actor, created.id).await?;
    txn.commit().await?;
    Ok(created)
}

#[derive(Default)]
pub struct TermChanges {
    pub label_en: Option<String>,
    pub label_ja: Option<String>,
    pub position: Option<i32>,
    pub active: Option<bool>,
    pub synonyms: Option<Vec<String>>,
}

pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: TaxonomyTermId,
    changes: TermChanges,
) -> Result<taxonomy_terms::Model, ApiError> {
    actor.authorize(Permission::ManageTaxonomy)?;
    let mut v = Validator::new();
    let label_en = changes
        .label_en
        .map(|text| v.check("labelEn", validate::required_text(&text, MAX_LABEL)));
    let label_ja = changes
        .label_ja
        .map(|text| v.check("labelJa", validate::required_text(&text, MAX_LABEL)));
    let position = changes
        .position
        .map(|p| v.check("position", validate::in_range(p, POSITIONS.0, POSITIONS.1)));
    let synonyms = changes
        .synonyms
        .map(|words| v.check("synonyms", synonyms(&words)));
    v.finish()?;

    let txn = db::begin_write(&state.db).await?;
    let term = taxonomy_terms::Entity::find_by_id(id.0)
        .one(&txn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let before = term.clone();
    let mut changed = term.into_active_model();
    if let Some(value) = label_en {
        changed.label_en = Set(value);
    }
    if let Some(value) = label_ja {
        changed.label_ja = Set(value);
    }
    if let Some(value) = position {
        changed.position = Set(value);
    }
    if let Some(value) = changes.active {
        changed.active = Set(value);
    }
    if let Some(value) = synonyms {
        changed.synonyms = Set(value);
    }
    changed.updated_at = Set(db::now());
    let term = changed.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        "taxonomy.update",
        "taxonomy_term",
        term.id,
        Some(&before),
        Some(&term),
    )
    .await?;
    reindex_for(&txn, actor, term.id).await?;
    txn.commit().await?;
    Ok(term)
}

/// Creates the term unless its kind and code exist (an admin's later edits are kept).
pub async fn ensure(state: &AppState, actor: &Actor, term: NewTerm) -> Result<bool, ApiError> {
    match create(state, actor, term).await {
        Ok(_) => Ok(true),
        Err(ApiError::Validation(errors))
            if errors.iter().all(|e| e.error.code == ErrorCode::CodeTaken) =>
        {
            Ok(false)
        }
        Err(error) => Err(error),
    }
}

/// The desk consultations of a domain are routed to, if one is set.
pub async fn route_of(
    conn: &impl ConnectionTrait,
    domain: TaxonomyTermId,
) -> Result<Option<desks::Model>, ApiError> {
    let Some(route) = domain_routes::Entity::find_by_id(domain.0)
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    Ok(desks::Entity::find_by_id(route.desk_id).one(conn).await?)
}

/// Routes new consultations of a domain to a desk. Admins only.
pub async fn set_route(
    state: &AppState,
    actor: &Actor,
    domain: TaxonomyTermId,
    desk: DeskId,
) -> Result<taxonomy_terms::Model, ApiError> {
    actor.authorize(Permission::ManageTaxonomy)?;
    let txn = db::begin_write(&state.db).await?;
    let term = taxonomy_terms::Entity::find_by_id(domain.0)
        .one(&txn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let mut v = Validator::new();
    if term.kind != TaxonomyKind::Domain.as_db() {
        v.push(FieldError::new("domainId", ErrorCode::UnknownTerm));
    }
    if desks::Entity::find_by_id(desk.0).one(&txn).await?.is_none() {
        v.push(FieldError::new("deskId", ErrorCode::UnknownDesk));
    }
    v.finish()?;
    let before = domain_routes::Entity::find_by_id(term.id).one(&txn).await?;
    let row = domain_routes::ActiveModel {
        domain_term_id: Set(term.id),
        desk_id: Set(desk.0),
        updated_at: Set(db::now()),
    };
    match &before {
        Some(_) => row.update(&txn).await?,
        None => row.insert(&txn).await?,
    };
    audit::record(
        &txn,
        actor,
        "taxonomy.route",
        "taxonomy_term",
        term.id,
        Some(&before.map(|route| route.desk_id)),
        Some(&Some(desk.0)),
    )
    .await?;
    txn.commit().await?;
    Ok(term)
}

/// Routes a domain to a desk (by codes) unless it is routed already, keeping admins' edits.
pub async fn ensure_route(
    state: &AppState,
    actor: &Actor,
    domain_code: &str,
    desk_code: &str,
) -> Result<bool, ApiError> {
    let domain = taxonomy_terms::Entity::find()
        .filter(taxonomy_terms::Column::Kind.eq(TaxonomyKind::Domain.as_db()))
        .filter(taxonomy_terms::Column::Code.eq(domain_code))
        .one(&state.db)
        .await?
        .ok_or_else(|| ApiError::field("domain", ErrorCode::UnknownTerm))?;
    let desk = desks::Entity::find()
        .filter(desks::Column::Code.eq(desk_code))
        .one(&state.db)
        .await?
        .ok_or_else(|| ApiError::field("desk", ErrorCode::UnknownDesk))?;
    if route_of(&state.db, TaxonomyTermId(domain.id))
        .await?
        .is_some()
    {
        return Ok(false);
    }
    set_route(state, actor, TaxonomyTermId(domain.id), DeskId(desk.id)).await?;
    Ok(true)
}

/// Lower-case letters, digits and underscores, starting with a letter.
fn code(raw: &str) -> Result<String, FieldError> {
    let code = validate::nfkc(raw).trim().to_ascii_lowercase();
    if code.is_empty() {
        return Err(FieldError::new("", ErrorCode::Required));
    }
    let valid = code.len() <= 64
        && code.starts_with(|c: char| c.is_ascii_lowercase())
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if valid {
        Ok(code)
    } else {
        Err(FieldError::new("", ErrorCode::CodeInvalid))
    }
}

/// Queues the search-index update a term edit needs. Seeding is left out: it runs before
/// the index is prepared at start, which reads the synonyms then.
async fn reindex_for(conn: &impl ConnectionTrait, actor: &Actor, term: i64) -> anyhow::Result<()> {
    if matches!(actor, Actor::System) {
        return Ok(());
    }
    search::queue::term_changed(conn, term).await
}

const MAX_SYNONYMS: usize = 20;
const MAX_SYNONYM_CHARS: usize = 100;

/// Synonyms as stored: trimmed, NFKC, without blanks or repeats, as a JSON array.
fn synonyms(words: &[String]) -> Result<String, FieldError> {
    let mut kept: Vec<String> = Vec::new();
    for word in words {
        let word = validate::nfkc(word).trim().to_owned();
        if word.is_empty() || kept.iter().any(|k| k.eq_ignore_ascii_case(&word)) {
            continue;
        }
        if word.chars().count() > MAX_SYNONYM_CHARS {
            return Err(FieldError::new("", ErrorCode::TooLong).with_arg("max", MAX_SYNONYM_CHARS));
        }
        kept.push(word);
    }
    if kept.len() > MAX_SYNONYMS {
        return Err(FieldError::new("", ErrorCode::TooMany).with_arg("max", MAX_SYNONYMS));
    }
    Ok(serde_json::to_string(&kept).unwrap_or_else(|_| "[]".to_owned()))
}

/// A term's synonyms, read back from the database.
pub fn synonyms_of(term: &taxonomy_terms::Model) -> Vec<String> {
    serde_json::from_str(&term.synonyms).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalised_snake_case() {
        assert_eq!(code(" SaMD ").ok().as_deref(), Some("samd"));
        assert_eq!(
            code("ｒｅｇｕｌａｔｏｒｙ＿ｐｍｄａ").ok().as_deref(),
            Some("regulatory_pmda")
        );
        assert_eq!(
            code("1st").err().map(|e| e.error.code),
            Some(ErrorCode::CodeInvalid)
        );
        assert_eq!(
            code("薬事").err().map(|e| e.error.code),
            Some(ErrorCode::CodeInvalid)
        );
        assert_eq!(
            code("").err().map(|e| e.error.code),
            Some(ErrorCode::Required)
        );
    }
}
