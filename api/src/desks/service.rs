//! The desk rules.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set, sea_query::Query,
};

use crate::{
    audit,
    auth::{Actor, Permission},
    db,
    entity::{desk_memberships, desks, users},
    error::{ApiError, ErrorCode, FieldError, Validator},
    ids::DeskId,
    state::AppState,
    validate,
};

const MAX_NAME: usize = 200;
const MAX_DESCRIPTION: usize = 2000;
/// The first-response target, in Japanese business days.
const RESPONSE_DAYS: (i32, i32) = (1, 30);

/// Desks are public information: anyone may list them.
pub async fn list(state: &AppState, include_inactive: bool) -> Result<Vec<desks::Model>, ApiError> {
    let mut select = desks::Entity::find();
    if !include_inactive {
        select = select.filter(desks::Column::Active.eq(true));
    }
    Ok(select
        .order_by_asc(desks::Column::Id)
        .all(&state.db)
        .await?)
}

pub async fn get(state: &AppState, id: DeskId) -> Result<desks::Model, ApiError> {
    desks::Entity::find_by_id(id.0)
        .one(&state.db)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// The advisors and staff of a desk, for its own people and admins.
pub async fn members(
    state: &AppState,
    actor: &Actor,
    id: DeskId,
) -> Result<Vec<users::Model>, ApiError> {
    actor.authorize(Permission::ViewDeskMembers(id))?;
    Ok(members_of(&state.db, &[id])
        .await?
        .into_iter()
        .map(|(_, user)| user)
        .collect())
}

/// Active members of several desks at once, for the dataloader.
pub async fn members_of(
    conn: &impl ConnectionTrait,
    ids: &[DeskId],
) -> Result<Vec<(DeskId, users::Model)>, sea_orm::DbErr> {
    let memberships = desk_memberships::Entity::find()
        .filter(desk_memberships::Column::DeskId.is_in(ids.iter().map(|id| id.0)))
        .all(conn)
        .await?;
    let people = users::Entity::find()
        .filter(
            users::Column::Id.in_subquery(
                Query::select()
                    .column(desk_memberships::Column::UserId)
                    .from(desk_memberships::Entity)
                    .and_where(desk_memberships::Column::DeskId.is_in(ids.iter().map(|id| id.0)))
                    .to_owned(),
            ),
        )
        .filter(users::Column::DeactivatedAt.is_null())
        .order_by_asc(users::Column::DisplayName)
        .order_by_asc(users::Column::Id)
        .all(conn)
        .await?;
    let mut pairs = Vec::new();
    for person in people {
        for membership in memberships.iter().filter(|m| m.user_id == person.id) {
            pairs.push((DeskId(membership.desk_id), person.clone()));
        }
    }
    Ok(pairs)
}

/// The active staff of a desk.
pub async fn staff_of(
    conn: &impl ConnectionTrait,
    desk: DeskId,
) -> Result<Vec<users::Model>, sea_orm::DbErr> {
    Ok(members_of(conn, &[desk])
        .await?
        .into_iter()
        .map(|(_, user)| user)
        .filter(|user| user.role == crate::auth::Role::Staff.as_db())
        .collect())
}

/// A desk's editable settings. `None` leaves a value as it is.
#[derive(Default)]
pub struct DeskChanges {
    pub name_en: Option<String>,
    pub name_ja: Option<String>,
    pub description_en: Option<String>,
    pub description_ja: Option<String>,
    pub first_response_business_days: Option<i32>,
    pub contact_email: Option<String>,
    pub active: Option<bool>,
}

pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: DeskId,
    changes: DeskChanges,
) -> Result<desks::Model, ApiError> {
    actor.authorize(Permission::ManageDesks)?;
    let mut v = Validator::new();
    let name_en = changes
        .name_en
        .map(|text| v.check("nameEn", validate::required_text(&text, MAX_NAME)));
    let name_ja = changes
        .name_ja
        .map(|text| v.check("nameJa", validate::required_text(&text, MAX_NAME)));
    let description_en = changes.description_en.map(|text| {
        v.check(
            "descriptionEn",
            validate::optional_text(&text, MAX_DESCRIPTION),
        )
    });
    let description_ja = changes.description_ja.map(|text| {
        v.check(
            "descriptionJa",
            validate::optional_text(&text, MAX_DESCRIPTION),
        )
    });
    let days = changes.first_response_business_days.map(|days| {
        v.check(
            "firstResponseBusinessDays",
            validate::in_range(days, RESPONSE_DAYS.0, RESPONSE_DAYS.1),
        )
    });
    let contact_email = changes
        .contact_email
        .map(|email| v.check("contactEmail", validate::email(&email)));
    v.finish()?;

    let txn = db::begin_write(&state.db).await?;
    let desk = desks::Entity::find_by_id(id.0)
        .one(&txn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let before = desk.clone();
    let mut changed = desk.into_active_model();
    if let Some(value) = name_en {
        changed.name_en = Set(value);
    }
    if let Some(value) = name_ja {
        changed.name_ja = Set(value);
    }
    if let Some(value) = description_en {
        changed.description_en = Set(value);
    }
    if let Some(value) = description_ja {
        changed.description_ja = Set(value);
    }
    if let Some(value) = days {
        changed.first_response_business_days = Set(value);
    }
    if let Some(value) = contact_email {
        changed.contact_email = Set(value);
    }
    if let Some(value) = changes.active {
        changed.active = Set(value);
    }
    changed.updated_at = Set(db::now());
    let desk = changed.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        "desk.update",
        "desk",
        desk.id,
        Some(&before),
        Some(&desk),
    )
    .await?;
    txn.commit().await?;
    Ok(desk)
}

/// A desk as the seed files describe it.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct NewDesk {
    pub code: String,
    pub name_en: String,
    pub name_ja: String,
    pub description_en: String,
    pub description_ja: String,
    pub reference_prefix: String,
    pub first_response_business_days: i32,
    pub contact_email: String,
}

/// Creates the desk unless one with its code exists (an admin's later edits are kept).
/// Returns whether it was created.
pub async fn ensure(state: &AppState, actor: &Actor, desk: NewDesk) -> Result<bool, ApiError> {
    actor.authorize(Permission::ManageDesks)?;
    let mut v = Validator::new();
    let code = validate::nfkc(&desk.code).trim().to_ascii_uppercase();
    if code.is_empty()
        || code.len() > 32
        || !code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        v.push(FieldError::new("code", ErrorCode::CodeInvalid));
    }
    let prefix = validate::nfkc(&desk.reference_prefix)
        .trim()
        .to_ascii_uppercase();
    if prefix.is_empty() || prefix.len() > 8 || !prefix.chars().all(|c| c.is_ascii_uppercase()) {
        v.push(FieldError::new("referencePrefix", ErrorCode::CodeInvalid));
    }
    let name_en = v.check("nameEn", validate::required_text(&desk.name_en, MAX_NAME));
    let name_ja = v.check("nameJa", validate::required_text(&desk.name_ja, MAX_NAME));
    let description_en = v.check(
        "descriptionEn",
        validate::optional_text(&desk.description_en, MAX_DESCRIPTION),
    );
    let description_ja = v.check(
        "descriptionJa",
        validate::optional_text(&desk.description_ja, MAX_DESCRIPTION),
    );
    let days = v.check(
        "firstResponseBusinessDays",
        validate::in_range(
            desk.first_response_business_days,
            RESPONSE_DAYS.0,
            RESPONSE_DAYS.1,
        ),
    );
    let contact_email = v.check("contactEmail", validate::email(&desk.contact_email));
    v.finish()?;

    let txn = db::begin_write(&state.db).await?;
    if desks::Entity::find()
        .filter(desks::Column::Code.eq(&code))
        .one(&txn)
        .await?
        .is_some()
    {
        txn.commit().await?;
        return Ok(false);
    }
    let now = db::now();
    let desk = desks::ActiveModel {
        code: Set(code),
        name_en: Set(name_en),
        name_ja: Set(name_ja),
        description_en: Set(description_en),
        description_ja: Set(description_ja),
        reference_prefix: Set(prefix),
        first_response_business_days: Set(days),
        contact_email: Set(contact_email),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
        "desk.create",
        "desk",
        desk.id,
        None,
        Some(&desk),
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

pub async fn find_by_code(state: &AppState, code: &str) -> Result<Option<desks::Model>, ApiError> {
    Ok(desks::Entity::find()
        .filter(desks::Column::Code.eq(code))
        .one(&state.db)
        .await?)
}
