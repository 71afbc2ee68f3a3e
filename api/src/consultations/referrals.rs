//! Referrals (連携): handing a consultation to another desk, e.g. InnoHub → MEDISO.
//!
//! The current desk's staff or the assignee ask (`requested`); the target desk's staff
//! decide. On `accepted` the consultation enters the target desk's queue as received, with
//! no assignee and that desk's due date, and keeps its whole timeline; both desks' staff see
//! the hand-off. On `declined` it stays where it was. Closing the consultation cancels a
//! referral still waiting. Referrals are counted per pair of desks for reports.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde_json::json;

use super::{
    ConsultationStatus, ReferralStatus, access,
    error::ConsultationError,
    service::{self, Occasion},
    timeline::{self, EventKind, NewEvent},
};
use crate::{
    auth::{Actor, Role, Viewer},
    calendar::japan_midnight,
    db,
    entity::{consultations, referrals},
    error::{ApiError, ErrorCode, FieldError},
    ids::{ConsultationId, DeskId, ReferralId},
    notify::{self, DeskNames, EmailTemplate},
    pagination::{self, Page, PageArgs},
    state::AppState,
    validate,
};

const MAX_REASON: usize = 2000;

/// The assignee or the desk's staff ask another desk to take the consultation over. The
/// target desk's staff are told by email.
pub async fn request(
    state: &AppState,
    actor: &Actor,
    id: ConsultationId,
    version: i32,
    to: DeskId,
    reason: &str,
    occasion: Occasion,
) -> Result<referrals::Model, ApiError> {
    let reason = validate::required_text(reason, MAX_REASON).map_err(|e| e.on("reason"))?;
    let txn = db::begin_write(&state.db).await?;
    let (case, standing) = access::load(&txn, actor, id).await?;
    if !(standing.assignee || standing.desk_staff) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    service::require_open(&case)?;
    service::require_version(&case, version)?;
    let target = service::target_desk(&txn, &case, to, "toDeskId").await?;
    if pending_of(&txn, case.id).await?.is_some() {
        return Err(ConsultationError::ReferralPending.into());
    }
    let at = occasion.at;
    // The referral is a change to the case: an edit made meanwhile on an older version fails.
    let case = service::save(
        &txn,
        &case,
        consultations::ActiveModel {
            ..Default::default()
        },
        at,
    )
    .await?;
    let referral = referrals::ActiveModel {
        consultation_id: Set(case.id),
        from_desk_id: Set(case.desk_id),
        to_desk_id: Set(target.id),
        status: Set(ReferralStatus::Requested.as_db().to_owned()),
        reason: Set(reason.clone()),
        requested_by_user_id: Set(actor.user_id().map(|id| id.0)),
        requested_at: Set(at),
        decided_by_user_id: Set(None),
        decided_at: Set(None),
        decision_note: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|error| {
        if db::is_unique_violation(&error) {
            ConsultationError::ReferralPending.into()
        } else {
            ApiError::from(error)
        }
    })?;
    timeline::record(
        &txn,
        &case,
        actor,
        at,
        NewEvent::new(EventKind::ReferralRequested)
            .body(reason.clone())
            .change(json!({}), hand_off(&referral)),
    )
    .await?;
    if occasion.notify {
        let from = service::desk_of(&txn, case.desk_id).await?;
        for person in crate::desks::service::staff_of(&txn, DeskId(target.id)).await? {
            let template = EmailTemplate::ReferralRequested {
                reference: case.reference.clone(),
                title: case.title.clone(),
                from: DeskNames::of(&from),
                reason: reason.clone(),
                link: service::link(state, case.id),
            };
            notify::queue_email(
                &txn,
                &state.settings,
                &state.i18n,
                &service::recipient(&person),
                template,
            )
            .await?;
        }
    }
    txn.commit().await?;
    Ok(referral)
}

/// The target desk's staff take the consultation over: it enters their queue as received.
/// The requester is told which desk now handles it.
pub async fn accept(
    state: &AppState,
    actor: &Actor,
    id: ReferralId,
    occasion: Occasion,
) -> Result<referrals::Model, ApiError> {
    let txn = db::begin_write(&state.db).await?;
    let (referral, case) = load_for_decision(&txn, actor, id).await?;
    let target = service::desk_of(&txn, referral.to_desk_id).await?;
    let at = occasion.at;
    let mut row = consultations::ActiveModel {
        ..Default::default()
    };
    row.desk_id = Set(target.id);
    row.status = Set(ConsultationStatus::Received.as_db().to_owned());
    row.resolution = Set(None);
    row.assignee_user_id = Set(None);
    row.received_at = Set(at);
    row.first_response_due_on = Set(service::due_on(state, &target, at));
    row.first_responded_at = Set(None);
    let before = service::state_of(&case)?;
    let case = service::save(&txn, &case, row, at).await?;
    let referral = decide(&txn, actor, referral, ReferralStatus::Accepted, None, at).await?;
    timeline::record(
        &txn,
        &case,
        actor,
        at,
        NewEvent::new(EventKind::ReferralAccepted).change(json!({}), hand_off(&referral)),
    )
    .await?;
    if before.status != ConsultationStatus::Received {
        timeline::record(
            &txn,
            &case,
            actor,
            at,
            NewEvent::new(EventKind::StatusChanged).change(
                timeline::status_value(before.status, before.resolution),
                timeline::status_value(ConsultationStatus::Received, None),
            ),
        )
        .await?;
    }
    if occasion.notify {
        let from = service::desk_of(&txn, referral.from_desk_id).await?;
        let template = EmailTemplate::ConsultationTransferred {
            reference: case.reference.clone(),
            title: case.title.clone(),
            from: DeskNames::of(&from),
            to: DeskNames::of(&target),
            due_on: case.first_response_due_on,
            link: service::link(state, case.id),
        };
        service::email_requester(state, &txn, &case, template).await?;
    }
    txn.commit().await?;
    Ok(referral)
}

/// The target desk's staff decline, saying why; the consultation stays where it was and the
/// person who asked is told by email.
pub async fn decline(
    state: &AppState,
    actor: &Actor,
    id: ReferralId,
    reason: &str,
    occasion: Occasion,
) -> Result<referrals::Model, ApiError> {
    let reason = validate::required_text(reason, MAX_REASON).map_err(|e| e.on("reason"))?;
    let txn = db::begin_write(&state.db).await?;
    let (referral, case) = load_for_decision(&txn, actor, id).await?;
    let at = occasion.at;
    let referral = decide(
        &txn,
        actor,
        referral,
        ReferralStatus::Declined,
        Some(reason.clone()),
        at,
    )
    .await?;
    timeline::record(
        &txn,
        &case,
        actor,
        at,
        NewEvent::new(EventKind::ReferralDeclined)
            .body(reason.clone())
            .change(json!({}), hand_off(&referral)),
    )
    .await?;
    if occasion.notify
        && let Some(asker) = service::active_user(&txn, referral.requested_by_user_id).await?
    {
        let to = service::desk_of(&txn, referral.to_desk_id).await?;
        let template = EmailTemplate::ReferralDeclined {
            reference: case.reference.clone(),
            title: case.title.clone(),
            to: DeskNames::of(&to),
            reason,
            link: service::link(state, case.id),
        };
        notify::queue_email(
            &txn,
            &state.settings,
            &state.i18n,
            &service::recipient(&asker),
            template,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(referral)
}

/// Cancels the referral of `case` still waiting for a decision, if any (the case was closed
/// or moved).
pub(super) async fn cancel_pending(
    txn: &DatabaseTransaction,
    case: &consultations::Model,
    actor: &Actor,
    at: DateTime<Utc>,
) -> Result<(), ApiError> {
    if let Some(referral) = pending_of(txn, case.id).await? {
        let referral = decide(txn, actor, referral, ReferralStatus::Cancelled, None, at).await?;
        timeline::record(
            txn,
            case,
            actor,
            at,
            NewEvent::new(EventKind::ReferralCancelled).change(json!({}), hand_off(&referral)),
        )
        .await?;
    }
    Ok(())
}

/// The referrals of one consultation, oldest first.
pub async fn of_consultation(
    conn: &impl ConnectionTrait,
    id: i64,
) -> Result<Vec<referrals::Model>, ApiError> {
    Ok(referrals::Entity::find()
        .filter(referrals::Column::ConsultationId.eq(id))
        .order_by_asc(referrals::Column::Id)
        .all(conn)
        .await?)
}

/// Which referrals to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum)]
pub enum ReferralDirection {
    /// Asked of the desk.
    Incoming,
    /// Asked by the desk.
    Outgoing,
}

#[derive(Default)]
pub struct ReferralFilter {
    pub desk_id: Option<DeskId>,
    pub direction: Option<ReferralDirection>,
    pub status: Option<ReferralStatus>,
}

/// Referrals to or from the viewer's desks (all of them for admins), newest last. Staff
/// and admins only.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    filter: ReferralFilter,
    page: PageArgs,
) -> Result<Page<referrals::Model>, ApiError> {
    let viewer = actor.viewer()?;
    let desks = desks_in_view(viewer)?;
    let mut select = referrals::Entity::find();
    let scope: Vec<i64> = match filter.desk_id {
        Some(desk) if desks.as_ref().is_none_or(|own| own.contains(&desk.0)) => vec![desk.0],
        Some(_) => return Err(ApiError::new(ErrorCode::Forbidden)),
        None => desks.unwrap_or_default(),
    };
    let limit_to_scope = filter.desk_id.is_some() || viewer.role != Role::Admin;
    if limit_to_scope {
        select = select.filter(match filter.direction {
            Some(ReferralDirection::Incoming) => {
                Condition::all().add(referrals::Column::ToDeskId.is_in(scope))
            }
            Some(ReferralDirection::Outgoing) => {
                Condition::all().add(referrals::Column::FromDeskId.is_in(scope))
            }
            None => Condition::any()
                .add(referrals::Column::ToDeskId.is_in(scope.clone()))
                .add(referrals::Column::FromDeskId.is_in(scope)),
        });
    }
    if let Some(status) = filter.status {
        select = select.filter(referrals::Column::Status.eq(status.as_db()));
    }
    Ok(pagination::fetch(&state.db, select, referrals::Column::Id, |r| r.id, page).await?)
}

/// Referrals asked between a pair of desks in a period, and what became of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReferralCount {
    pub from_desk_id: i64,
    pub to_desk_id: i64,
    pub requested: u64,
    pub accepted: u64,
    pub declined: u64,
    pub pending: u64,
}

/// Referrals asked from `from` to `to` (Japan dates, both included), per pair of desks.
/// Staff see the pairs involving their desks; admins every pair.
pub async fn summary(
    state: &AppState,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<ReferralCount>, ApiError> {
    let viewer = actor.viewer()?;
    let desks = desks_in_view(viewer)?;
    if to < from {
        return Err(FieldError::new("to", ErrorCode::DateInvalid).into());
    }
    let mut select = referrals::Entity::find()
        .select_only()
        .column(referrals::Column::FromDeskId)
        .column(referrals::Column::ToDeskId)
        .column(referrals::Column::Status)
        .column_as(referrals::Column::Id.count(), "n")
        .filter(referrals::Column::RequestedAt.gte(japan_midnight(from)))
        .filter(referrals::Column::RequestedAt.lt(japan_midnight(to + chrono::Days::new(1))))
        .group_by(referrals::Column::FromDeskId)
        .group_by(referrals::Column::ToDeskId)
        .group_by(referrals::Column::Status);
    if let Some(own) = desks {
        select = select.filter(
            Condition::any()
                .add(referrals::Column::FromDeskId.is_in(own.clone()))
                .add(referrals::Column::ToDeskId.is_in(own)),
        );
    }
    let rows: Vec<(i64, i64, String, i64)> = select.into_tuple().all(&state.db).await?;
    let mut counts: BTreeMap<(i64, i64), ReferralCount> = BTreeMap::new();
    for (from_desk_id, to_desk_id, status, n) in rows {
        let count = counts
            .entry((from_desk_id, to_desk_id))
            .or_insert_with(|| ReferralCount {
                from_desk_id,
                to_desk_id,
                ..Default::default()
            });
        let n = u64::try_from(n).unwrap_or(0);
        count.requested += n;
        match ReferralStatus::from_db(&status)? {
            ReferralStatus::Accepted => count.accepted += n,
            ReferralStatus::Declined => count.declined += n,
            ReferralStatus::Requested => count.pending += n,
            ReferralStatus::Cancelled => {}
        }
    }
    Ok(counts.into_values().collect())
}

// ----- helpers -----

/// The desks whose referrals the viewer may list: `None` for every desk (admins).
fn desks_in_view(viewer: &Viewer) -> Result<Option<Vec<i64>>, ApiError> {
    match viewer.role {
        Role::Admin => Ok(None),
        Role::Staff => Ok(Some(viewer.desk_ids.iter().map(|d| d.0).collect())),
        _ => Err(ApiError::new(ErrorCode::Forbidden)),
    }
}

async fn pending_of(
    conn: &impl ConnectionTrait,
    consultation_id: i64,
) -> Result<Option<referrals::Model>, ApiError> {
    Ok(referrals::Entity::find()
        .filter(referrals::Column::ConsultationId.eq(consultation_id))
        .filter(referrals::Column::Status.eq(ReferralStatus::Requested.as_db()))
        .one(conn)
        .await?)
}

/// A referral waiting for the actor's desk to decide, and its consultation. Someone who
/// cannot see the consultation gets `NOT_FOUND`; someone who can but is not staff of the
/// target desk, `FORBIDDEN`.
async fn load_for_decision(
    txn: &DatabaseTransaction,
    actor: &Actor,
    id: ReferralId,
) -> Result<(referrals::Model, consultations::Model), ApiError> {
    let viewer = actor.viewer()?;
    let referral = referrals::Entity::find_by_id(id.0)
        .one(txn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let (case, _) = access::load(txn, actor, ConsultationId(referral.consultation_id)).await?;
    let target_staff = viewer.role == Role::Admin
        || (viewer.role == Role::Staff
            && viewer.desk_ids.iter().any(|d| d.0 == referral.to_desk_id));
    if !target_staff {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    if referral.status != ReferralStatus::Requested.as_db() || case.desk_id != referral.from_desk_id
    {
        return Err(ConsultationError::ReferralNotPending.into());
    }
    Ok((referral, case))
}

/// Records the decision, if the referral is still waiting (of two decisions at once, one
/// wins and the other gets `REFERRAL_NOT_PENDING`).
async fn decide(
    txn: &DatabaseTransaction,
    actor: &Actor,
    referral: referrals::Model,
    status: ReferralStatus,
    note: Option<String>,
    at: DateTime<Utc>,
) -> Result<referrals::Model, ApiError> {
    let id = referral.id;
    let mut row = referral.into_active_model();
    row.status = Set(status.as_db().to_owned());
    row.decided_by_user_id = Set(actor.user_id().map(|u| u.0));
    row.decided_at = Set(Some(at));
    row.decision_note = Set(note);
    let written = referrals::Entity::update_many()
        .set(row)
        .filter(referrals::Column::Id.eq(id))
        .filter(referrals::Column::Status.eq(ReferralStatus::Requested.as_db()))
        .exec(txn)
        .await?;
    if written.rows_affected != 1 {
        return Err(ConsultationError::ReferralNotPending.into());
    }
    referrals::Entity::find_by_id(id)
        .one(txn)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// The desks on either side of a referral, as its timeline events store them.
fn hand_off(referral: &referrals::Model) -> serde_json::Value {
    json!({
        "referral": referral.id,
        "from_desk": referral.from_desk_id,
        "to_desk": referral.to_desk_id,
    })
}
