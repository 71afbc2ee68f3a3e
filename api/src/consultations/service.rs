//! The consultation rules: filing and routing, triage, assignment, status transitions,
//! messages and notes, and rerouting. Every function checks what the actor is to the case
//! first, refuses bad input before it writes, and writes the change, its timeline events and
//! its emails in one transaction. Edits name the version they were made on; a write on an
//! older version is refused with `EDIT_CONFLICT` and changes nothing.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, Set, Statement,
};
use serde_json::json;

use super::{
    Confidentiality, ConsultationKind, ConsultationStatus, Priority, Resolution, SharedField,
    access,
    error::ConsultationError,
    referrals,
    timeline::{self, EventKind, NewEvent},
    workflow::{self, ConsultationAction, State},
};
use crate::{
    auth::{Actor, Role},
    calendar::{fiscal_year, japan_date},
    db,
    entity::{
        consultation_topics, consultations, desk_memberships, desks, organisations, taxonomy_terms,
        users,
    },
    error::{ApiError, ErrorCode, FieldError, Validator},
    i18n::Locale,
    ids::{ConsultationId, DeskId, TaxonomyTermId, UserId},
    notify::{self, DeskNames, EmailTemplate, Recipient},
    state::AppState,
    taxonomy::{self, TaxonomyKind},
    validate,
};

const MAX_TITLE: usize = 200;
const MAX_TOPICS: usize = 10;
const MAX_REASON: usize = 2000;

const MAX_COMPETITORS: usize = 10;

/// Competitor names as stored: trimmed, without blanks or repeats, as a JSON array.
fn competitor_names(names: &[String]) -> Result<String, FieldError> {
    let mut kept: Vec<String> = Vec::new();
    for name in names {
        let name = validate::optional_text(name, MAX_TITLE)?;
        if !name.is_empty() && !kept.contains(&name) {
            kept.push(name);
        }
    }
    if kept.len() > MAX_COMPETITORS {
        return Err(FieldError::new("", ErrorCode::TooMany).with_arg("max", MAX_COMPETITORS));
    }
    Ok(serde_json::to_string(&kept).unwrap_or_else(|_| "[]".to_owned()))
}

/// The competitors a consultation names.
pub fn competitors_of(case: &consultations::Model) -> Vec<String> {
    serde_json::from_str(&case.competitors).unwrap_or_default()
}

/// When a change happens and whether people hear of it by email: now, with emails, for the
/// API; a moment in the past, quietly, when history is loaded (the demo data).
#[derive(Debug, Clone, Copy)]
pub struct Occasion {
    pub at: DateTime<Utc>,
    pub notify: bool,
}

impl Occasion {
    pub fn now() -> Occasion {
        Occasion {
            at: db::now(),
            notify: true,
        }
    }

    /// History replayed at `at` (the demo data), emailing nobody.
    pub fn quietly(at: DateTime<Utc>) -> Occasion {
        Occasion { at, notify: false }
    }
}

/// What a requester fills in.
pub struct NewConsultation {
    pub kind: ConsultationKind,
    pub title: String,
    pub description: String,
    pub domain_id: TaxonomyTermId,
    pub stage_id: TaxonomyTermId,
    pub topic_ids: Vec<TaxonomyTermId>,
    pub preferred_locale: Locale,
    /// `None`: from the organisation's country.
    pub overseas: Option<bool>,
    pub confidentiality: Confidentiality,
    pub shared_fields: Vec<SharedField>,
    /// The organisation's corporate number (法人番号), if the requester gives it.
    pub corporate_number: Option<String>,
    /// Companies the requester competes with, by name.
    pub competitors: Vec<String>,
}

/// A requester files a consultation for their organisation. It is routed to a desk by its
/// domain, numbered per desk and fiscal year, and acknowledged by email in the requester's
/// chosen language.
pub async fn file(
    state: &AppState,
    actor: &Actor,
    input: NewConsultation,
    occasion: Occasion,
) -> Result<consultations::Model, ApiError> {
    let viewer = actor.viewer()?;
    let organisation_id = match (viewer.role, viewer.organisation_id) {
        (Role::Requester, Some(organisation)) => organisation,
        _ => return Err(ApiError::new(ErrorCode::Forbidden)),
    };
    let max_text = state.settings.consultations.max_text_chars;
    let mut v = Validator::new();
    let title = v.check("title", validate::required_text(&input.title, MAX_TITLE));
    let description = v.check(
        "description",
        validate::required_text(&input.description, max_text),
    );
    let corporate_number = input
        .corporate_number
        .as_deref()
        .filter(|raw| !raw.trim().is_empty())
        .map(|raw| v.check("corporateNumber", validate::corporate_number(raw)));
    let competitors = v.check("competitors", competitor_names(&input.competitors));
    let topic_ids = unique(&input.topic_ids);
    if topic_ids.len() > MAX_TOPICS {
        v.push(FieldError::new("topicIds", ErrorCode::TooMany).with_arg("max", MAX_TOPICS));
    }

    let txn = db::begin_write(&state.db).await?;
    check_term(
        &txn,
        &mut v,
        "domainId",
        input.domain_id,
        TaxonomyKind::Domain,
    )
    .await?;
    check_term(&txn, &mut v, "stageId", input.stage_id, TaxonomyKind::Stage).await?;
    check_topics(&txn, &mut v, &topic_ids).await?;
    v.finish()?;

    let organisation = organisations::Entity::find_by_id(organisation_id.0)
        .one(&txn)
        .await?
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("the viewer's organisation is gone")))?;
    let desk = route(state, &txn, input.domain_id).await?;
    let at = occasion.at;
    let year = fiscal_year(japan_date(at));
    let number = next_reference_number(&txn, desk.id, year).await?;
    let case = consultations::ActiveModel {
        reference: Set(format!("{}-{year}-{number:04}", desk.reference_prefix)),
        desk_id: Set(desk.id),
        organisation_id: Set(organisation.id),
        requester_user_id: Set(viewer.user_id.0),
        kind: Set(input.kind.as_db().to_owned()),
        title: Set(title),
        description: Set(description),
        domain_term_id: Set(input.domain_id.0),
        stage_term_id: Set(input.stage_id.0),
        preferred_locale: Set(input.preferred_locale.as_str().to_owned()),
        overseas: Set(input.overseas.unwrap_or(organisation.country_code != "JP")),
        confidentiality: Set(input.confidentiality.as_db().to_owned()),
        shared_fields: Set(SharedField::to_db(&input.shared_fields)),
        competitors: Set(competitors),
        status: Set(ConsultationStatus::Received.as_db().to_owned()),
        resolution: Set(None),
        priority: Set(Priority::Normal.as_db()),
        assignee_user_id: Set(None),
        version: Set(1),
        fiscal_year: Set(year),
        filed_at: Set(at),
        received_at: Set(at),
        first_response_due_on: Set(due_on(state, &desk, at)),
        first_responded_at: Set(None),
        closed_at: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    replace_topics(&txn, case.id, &topic_ids).await?;
    if let Some(number) = corporate_number
        && organisation.corporate_number.as_deref() != Some(number.as_str())
    {
        let mut organisation = organisation.into_active_model();
        organisation.corporate_number = Set(Some(number));
        organisation.updated_at = Set(at);
        organisation.update(&txn).await?;
    }
    timeline::record(
        &txn,
        &case,
        actor,
        at,
        NewEvent::new(EventKind::Filed).change(
            json!({}),
            json!({ "desk": desk.id, "reference": case.reference }),
        ),
    )
    .await?;
    if occasion.notify {
        let template = EmailTemplate::ConsultationReceived {
            reference: case.reference.clone(),
            title: case.title.clone(),
            desk: DeskNames::of(&desk),
            due_on: case.first_response_due_on,
            link: link(state, case.id),
        };
        email_requester(state, &txn, &case, template).await?;
    }
    txn.commit().await?;
    Ok(case)
}

/// A consultation the actor may see.
pub async fn get(
    state: &AppState,
    actor: &Actor,
    id: ConsultationId,
) -> Result<consultations::Model, ApiError> {
    Ok(access::load(&state.db, actor, id).await?.0)
}

/// Triage fields; `None` leaves a value as it is.
#[derive(Default)]
pub struct Changes {
    pub priority: Option<Priority>,
    pub domain_id: Option<TaxonomyTermId>,
    pub stage_id: Option<TaxonomyTermId>,
    pub topic_ids: Option<Vec<TaxonomyTermId>>,
}

/// Advisors and staff of the desk set priority, domain, stage and topics of an open case.
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: ConsultationId,
    version: i32,
    changes: Changes,
    occasion: Occasion,
) -> Result<consultations::Model, ApiError> {
    let txn = db::begin_write(&state.db).await?;
    let (case, standing) = access::load(&txn, actor, id).await?;
    if !standing.desk_member {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    require_open(&case)?;
    require_version(&case, version)?;
    let mut v = Validator::new();
    if let Some(domain) = changes.domain_id {
        check_term(&txn, &mut v, "domainId", domain, TaxonomyKind::Domain).await?;
    }
    if let Some(stage) = changes.stage_id {
        check_term(&txn, &mut v, "stageId", stage, TaxonomyKind::Stage).await?;
    }
    let topic_ids = changes.topic_ids.as_deref().map(unique);
    if let Some(topics) = &topic_ids {
        if topics.len() > MAX_TOPICS {
            v.push(FieldError::new("topicIds", ErrorCode::TooMany).with_arg("max", MAX_TOPICS));
        }
        check_topics(&txn, &mut v, topics).await?;
    }
    v.finish()?;

    let at = occasion.at;
    let mut row = consultations::ActiveModel {
        ..Default::default()
    };
    let mut events = Vec::new();
    if let Some(priority) = changes.priority.filter(|p| p.as_db() != case.priority) {
        row.priority = Set(priority.as_db());
        events.push(NewEvent::new(EventKind::PriorityChanged).change(
            json!({ "priority": case.priority }),
            json!({ "priority": priority.as_db() }),
        ));
    }
    let current_topics = topics_of(&txn, case.id).await?;
    let domain = changes.domain_id.map_or(case.domain_term_id, |d| d.0);
    let stage = changes.stage_id.map_or(case.stage_term_id, |s| s.0);
    let topics: Vec<i64> = topic_ids.as_ref().map_or_else(
        || current_topics.clone(),
        |t| t.iter().map(|t| t.0).collect(),
    );
    if (domain, stage, &topics) != (case.domain_term_id, case.stage_term_id, &current_topics) {
        row.domain_term_id = Set(domain);
        row.stage_term_id = Set(stage);
        events.push(NewEvent::new(EventKind::TaxonomyChanged).change(
            json!({ "domain": case.domain_term_id, "stage": case.stage_term_id, "topics": current_topics }),
            json!({ "domain": domain, "stage": stage, "topics": topics }),
        ));
    }
    if events.is_empty() {
        txn.commit().await?;
        return Ok(case);
    }
    let case = save(&txn, &case, row, at).await?;
    if topics != current_topics {
        replace_topics(
            &txn,
            case.id,
            &topics
                .iter()
                .copied()
                .map(TaxonomyTermId)
                .collect::<Vec<_>>(),
        )
        .await?;
    }
    for event in events {
        timeline::record(&txn, &case, actor, at, event).await?;
    }
    txn.commit().await?;
    Ok(case)
}

/// Staff assign any advisor or staff member of the desk (or nobody); an advisor may take an
/// unassigned case or give back their own. The new assignee is told by email unless they
/// assigned themselves.
pub async fn assign(
    state: &AppState,
    actor: &Actor,
    id: ConsultationId,
    version: i32,
    assignee: Option<UserId>,
    occasion: Occasion,
) -> Result<consultations::Model, ApiError> {
    let txn = db::begin_write(&state.db).await?;
    let case = assign_in(state, &txn, actor, id, version, assignee, occasion).await?;
    txn.commit().await?;
    Ok(case)
}

/// [`assign`] inside a transaction of the caller's, which commits it (with others, for a
/// batch of assignments).
pub async fn assign_in(
    state: &AppState,
    txn: &DatabaseTransaction,
    actor: &Actor,
    id: ConsultationId,
    version: i32,
    assignee: Option<UserId>,
    occasion: Occasion,
) -> Result<consultations::Model, ApiError> {
    let (case, standing) = access::load(txn, actor, id).await?;
    let me = actor.user_id();
    let self_service = standing.desk_member
        && (assignee.is_none() || assignee == me)
        && (case.assignee_user_id.is_none() || case.assignee_user_id == me.map(|m| m.0));
    if !(standing.desk_staff || self_service) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    require_open(&case)?;
    require_version(&case, version)?;
    let new_assignee = match assignee {
        Some(user) => Some(eligible_assignee(txn, &case, user).await?),
        None => None,
    };
    if new_assignee.as_ref().map(|u| u.id) == case.assignee_user_id {
        return Ok(case);
    }
    let at = occasion.at;
    let mut row = consultations::ActiveModel {
        ..Default::default()
    };
    row.assignee_user_id = Set(new_assignee.as_ref().map(|u| u.id));
    let before = case.assignee_user_id;
    let case = save(txn, &case, row, at).await?;
    timeline::record(
        txn,
        &case,
        actor,
        at,
        NewEvent::new(EventKind::Assigned).change(
            json!({ "assignee": before }),
            json!({ "assignee": case.assignee_user_id }),
        ),
    )
    .await?;
    if let Some(user) = new_assignee.filter(|u| occasion.notify && Some(u.id) != me.map(|m| m.0)) {
        let desk = desk_of(txn, case.desk_id).await?;
        let template = EmailTemplate::ConsultationAssigned {
            reference: case.reference.clone(),
            title: case.title.clone(),
            desk: DeskNames::of(&desk),
            link: link(state, case.id),
        };
        notify::queue_email(
            txn,
            &state.settings,
            &state.i18n,
            &recipient(&user),
            template,
        )
        .await?;
    }
    Ok(case)
}

/// A step through the workflow.
pub struct Step {
    pub action: ConsultationAction,
    /// How the case ended, when closing it.
    pub resolution: Option<Resolution>,
    /// A desk person's message to the requester with the change (asking for information
    /// requires one); a requester's reason for withdrawing.
    pub message: Option<String>,
}

/// Moves a consultation through its workflow (see `workflow.rs`).
pub async fn transition(
    state: &AppState,
    actor: &Actor,
    id: ConsultationId,
    version: i32,
    step: Step,
    occasion: Occasion,
) -> Result<consultations::Model, ApiError> {
    let Step {
        action,
        resolution,
        message,
    } = step;
    let max_text = state.settings.consultations.max_text_chars;
    let message = message
        .map(|text| validate::optional_text(&text, max_text).map_err(|e| e.on("message")))
        .transpose()?
        .filter(|text| !text.is_empty());
    if action == ConsultationAction::WaitForRequester && message.is_none() {
        return Err(FieldError::new("message", ErrorCode::Required).into());
    }

    let txn = db::begin_write(&state.db).await?;
    let (case, standing) = access::load(&txn, actor, id).await?;
    let current = state_of(&case)?;
    let next = workflow::next_state(current, action, resolution, standing)?;
    require_version(&case, version)?;

    let at = occasion.at;
    let mut row = consultations::ActiveModel {
        ..Default::default()
    };
    row.status = Set(next.status.as_db().to_owned());
    row.resolution = Set(next.resolution.map(|r| r.as_db().to_owned()));
    match next.status {
        ConsultationStatus::Closed => {
            row.closed_at = Set(Some(at));
            // Closing tells the requester how it ended: that answers them, unless they withdrew.
            if case.first_responded_at.is_none() && action == ConsultationAction::Close {
                row.first_responded_at = Set(Some(at));
            }
        }
        _ => row.closed_at = Set(None),
    }
    if message.is_some()
        && action != ConsultationAction::Withdraw
        && case.first_responded_at.is_none()
    {
        row.first_responded_at = Set(Some(at));
    }
    let case = save(&txn, &case, row, at).await?;
    timeline::record(
        &txn,
        &case,
        actor,
        at,
        NewEvent::new(EventKind::StatusChanged).change(
            timeline::status_value(current.status, current.resolution),
            timeline::status_value(next.status, next.resolution),
        ),
    )
    .await?;
    if let Some(text) = &message {
        let kind = if action == ConsultationAction::Withdraw {
            EventKind::Reply
        } else {
            EventKind::Message
        };
        timeline::record(
            &txn,
            &case,
            actor,
            at,
            NewEvent::new(kind).body(text.clone()),
        )
        .await?;
    }
    if next.status == ConsultationStatus::Closed {
        referrals::cancel_pending(&txn, &case, actor, at).await?;
    }
    if occasion.notify && action != ConsultationAction::Withdraw {
        let template = match (next.status, &message) {
            (ConsultationStatus::Closed, _) => Some(EmailTemplate::ConsultationClosed {
                reference: case.reference.clone(),
                title: case.title.clone(),
                resolution: next.resolution.unwrap_or(Resolution::Resolved),
                message: message.clone(),
                link: link(state, case.id),
            }),
            (_, Some(text)) => Some(EmailTemplate::ConsultationMessage {
                reference: case.reference.clone(),
                title: case.title.clone(),
                body: text.clone(),
                link: link(state, case.id),
            }),
            (_, None) => None,
        };
        if let Some(template) = template {
            email_requester(state, &txn, &case, template).await?;
        }
    }
    txn.commit().await?;
    Ok(case)
}

/// A message on a consultation: from desk people to the requester (emailed; the first one
/// answers the service level), an internal note, or the requester's reply (which resumes a
/// case waiting on them, and is emailed to the assignee).
pub async fn post_message(
    state: &AppState,
    actor: &Actor,
    id: ConsultationId,
    body: &str,
    internal: bool,
    occasion: Occasion,
) -> Result<consultations::Model, ApiError> {
    let body = validate::required_text(body, state.settings.consultations.max_text_chars)
        .map_err(|e| e.on("body"))?;
    let txn = db::begin_write(&state.db).await?;
    let (case, standing) = access::load(&txn, actor, id).await?;
    let at = occasion.at;
    let kind = match (standing.requester, internal) {
        (true, false) => EventKind::Reply,
        (_, true) if standing.desk_member => EventKind::Note,
        (false, false) if standing.assignee || standing.desk_staff => EventKind::Message,
        _ => return Err(ApiError::new(ErrorCode::Forbidden)),
    };
    if kind != EventKind::Note {
        require_open(&case)?;
    }
    let mut row = consultations::ActiveModel {
        ..Default::default()
    };
    let mut resumed = false;
    match kind {
        EventKind::Message if case.first_responded_at.is_none() => {
            row.first_responded_at = Set(Some(at));
        }
        EventKind::Reply if case.status == ConsultationStatus::WaitingOnRequester.as_db() => {
            row.status = Set(ConsultationStatus::InProgress.as_db().to_owned());
            resumed = true;
        }
        _ => {}
    }
    // Messages never conflict with edits; only a status they change raises the version.
    let case = if resumed {
        save(&txn, &case, row, at).await?
    } else {
        row.updated_at = Set(at);
        consultations::Entity::update_many()
            .set(row)
            .filter(consultations::Column::Id.eq(case.id))
            .exec(&txn)
            .await?;
        reload(&txn, case.id).await?
    };
    timeline::record(
        &txn,
        &case,
        actor,
        at,
        NewEvent::new(kind).body(body.clone()),
    )
    .await?;
    if resumed {
        timeline::record(
            &txn,
            &case,
            actor,
            at,
            NewEvent::new(EventKind::StatusChanged).change(
                timeline::status_value(ConsultationStatus::WaitingOnRequester, None),
                timeline::status_value(ConsultationStatus::InProgress, None),
            ),
        )
        .await?;
    }
    if occasion.notify {
        match kind {
            EventKind::Message => {
                let template = EmailTemplate::ConsultationMessage {
                    reference: case.reference.clone(),
                    title: case.title.clone(),
                    body,
                    link: link(state, case.id),
                };
                email_requester(state, &txn, &case, template).await?;
            }
            EventKind::Reply => {
                if let Some(assignee) = active_user(&txn, case.assignee_user_id).await? {
                    let template = EmailTemplate::ConsultationReply {
                        reference: case.reference.clone(),
                        title: case.title.clone(),
                        body,
                        link: link(state, case.id),
                    };
                    notify::queue_email(
                        &txn,
                        &state.settings,
                        &state.i18n,
                        &recipient(&assignee),
                        template,
                    )
                    .await?;
                }
            }
            _ => {}
        }
    }
    txn.commit().await?;
    Ok(case)
}

/// Staff correct the automatic routing of a case nobody has triaged yet: it moves to the
/// right desk's queue, keeps its receipt time and gets that desk's due date. Unlike a
/// referral this is not a hand-off between desks and is not counted as one.
pub async fn reroute(
    state: &AppState,
    actor: &Actor,
    id: ConsultationId,
    version: i32,
    desk_id: DeskId,
    reason: &str,
    occasion: Occasion,
) -> Result<consultations::Model, ApiError> {
    let reason = validate::required_text(reason, MAX_REASON).map_err(|e| e.on("reason"))?;
    let txn = db::begin_write(&state.db).await?;
    let (case, standing) = access::load(&txn, actor, id).await?;
    if !standing.desk_staff {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    if case.status != ConsultationStatus::Received.as_db() {
        return Err(ConsultationError::InvalidTransition {
            action: "reroute",
            status: state_of(&case)?.status.as_db(),
        }
        .into());
    }
    require_version(&case, version)?;
    let desk = target_desk(&txn, &case, desk_id, "deskId").await?;
    let at = occasion.at;
    let from = case.desk_id;
    let mut row = consultations::ActiveModel {
        ..Default::default()
    };
    row.desk_id = Set(desk.id);
    row.assignee_user_id = Set(None);
    row.first_response_due_on = Set(due_on(state, &desk, case.received_at));
    let case = save(&txn, &case, row, at).await?;
    referrals::cancel_pending(&txn, &case, actor, at).await?;
    timeline::record(
        &txn,
        &case,
        actor,
        at,
        NewEvent::new(EventKind::Rerouted)
            .body(reason)
            .change(json!({ "desk": from }), json!({ "desk": desk.id })),
    )
    .await?;
    txn.commit().await?;
    Ok(case)
}

// ----- shared with the other consultation modules -----

/// The state machine's view of a case.
pub(super) fn state_of(case: &consultations::Model) -> Result<State, ApiError> {
    Ok(State {
        status: ConsultationStatus::from_db(&case.status)?,
        resolution: case
            .resolution
            .as_deref()
            .map(Resolution::from_db)
            .transpose()?,
        has_assignee: case.assignee_user_id.is_some(),
    })
}

pub(crate) fn require_open(case: &consultations::Model) -> Result<(), ApiError> {
    if case.status == ConsultationStatus::Closed.as_db() {
        Err(ConsultationError::Closed.into())
    } else {
        Ok(())
    }
}

pub(super) fn require_version(case: &consultations::Model, version: i32) -> Result<(), ApiError> {
    if case.version == version {
        Ok(())
    } else {
        Err(ConsultationError::EditConflict.into())
    }
}

/// Writes `row`'s set columns if the case is still at the version it was read at, and raises
/// the version; `EDIT_CONFLICT` if someone else wrote in between.
pub(super) async fn save(
    txn: &DatabaseTransaction,
    case: &consultations::Model,
    mut row: consultations::ActiveModel,
    at: DateTime<Utc>,
) -> Result<consultations::Model, ApiError> {
    row.version = Set(case.version + 1);
    row.updated_at = Set(at);
    let written = consultations::Entity::update_many()
        .set(row)
        .filter(consultations::Column::Id.eq(case.id))
        .filter(consultations::Column::Version.eq(case.version))
        .exec(txn)
        .await?;
    if written.rows_affected != 1 {
        return Err(ConsultationError::EditConflict.into());
    }
    reload(txn, case.id).await
}

async fn reload(conn: &impl ConnectionTrait, id: i64) -> Result<consultations::Model, ApiError> {
    consultations::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// The first-response due date at `desk` for a case received at `received_at`.
pub(super) fn due_on(
    state: &AppState,
    desk: &desks::Model,
    received_at: DateTime<Utc>,
) -> NaiveDate {
    let days = u32::try_from(desk.first_response_business_days).unwrap_or(0);
    state
        .calendar
        .add_business_days(japan_date(received_at), days)
}

/// An active desk other than the case's own, or a field error on `field`.
pub(super) async fn target_desk(
    conn: &impl ConnectionTrait,
    case: &consultations::Model,
    desk_id: DeskId,
    field: &str,
) -> Result<desks::Model, ApiError> {
    let desk = desks::Entity::find_by_id(desk_id.0)
        .one(conn)
        .await?
        .ok_or_else(|| ApiError::from(FieldError::new(field, ErrorCode::UnknownDesk)))?;
    if desk.id == case.desk_id {
        return Err(FieldError::new(field, ErrorCode::SameDesk).into());
    }
    if !desk.active {
        return Err(FieldError::new(field, ErrorCode::DeskInactive).into());
    }
    Ok(desk)
}

pub(crate) async fn desk_of(
    conn: &impl ConnectionTrait,
    id: i64,
) -> Result<desks::Model, ApiError> {
    desks::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("desk {id} is gone")))
}

/// The public address of a consultation's page.
pub(crate) fn link(state: &AppState, id: i64) -> String {
    format!(
        "{}/consultations/{}",
        state.settings.public_url(),
        ConsultationId(id).to_public().as_str()
    )
}

/// Emails the person who filed the case, in the language they asked to be answered in.
pub(crate) async fn email_requester(
    state: &AppState,
    txn: &DatabaseTransaction,
    case: &consultations::Model,
    template: EmailTemplate,
) -> Result<(), ApiError> {
    let Some(requester) = active_user(txn, Some(case.requester_user_id)).await? else {
        return Ok(());
    };
    let recipient = Recipient {
        email: requester.email,
        name: requester.display_name,
        locale: Locale::parse(&case.preferred_locale).unwrap_or(Locale::DEFAULT),
    };
    notify::queue_email(txn, &state.settings, &state.i18n, &recipient, template).await?;
    Ok(())
}

pub(crate) fn recipient(user: &users::Model) -> Recipient {
    Recipient {
        email: user.email.clone(),
        name: user.display_name.clone(),
        locale: Locale::parse(&user.locale).unwrap_or(Locale::DEFAULT),
    }
}

pub(crate) async fn active_user(
    conn: &impl ConnectionTrait,
    id: Option<i64>,
) -> Result<Option<users::Model>, ApiError> {
    let Some(id) = id else { return Ok(None) };
    Ok(users::Entity::find_by_id(id)
        .one(conn)
        .await?
        .filter(|user| user.deactivated_at.is_none()))
}

// ----- helpers -----

/// The desk a domain is routed to; else the configured default desk; else the first active.
async fn route(
    state: &AppState,
    conn: &impl ConnectionTrait,
    domain: TaxonomyTermId,
) -> Result<desks::Model, ApiError> {
    if let Some(desk) = taxonomy::service::route_of(conn, domain)
        .await?
        .filter(|desk| desk.active)
    {
        return Ok(desk);
    }
    let fallback = desks::Entity::find()
        .filter(desks::Column::Code.eq(&state.settings.consultations.default_desk))
        .filter(desks::Column::Active.eq(true))
        .one(conn)
        .await?;
    match fallback {
        Some(desk) => Ok(desk),
        None => desks::Entity::find()
            .filter(desks::Column::Active.eq(true))
            .order_by_asc(desks::Column::Id)
            .one(conn)
            .await?
            .ok_or_else(|| ApiError::new(ErrorCode::DeskInactive)),
    }
}

const NEXT_NUMBER_POSTGRES: &str = "INSERT INTO reference_counters (desk_id, fiscal_year, last_number) VALUES ($1, $2, 1) \
     ON CONFLICT (desk_id, fiscal_year) DO UPDATE SET last_number = reference_counters.last_number + 1 \
     RETURNING last_number";
const NEXT_NUMBER_SQLITE: &str = "INSERT INTO reference_counters (desk_id, fiscal_year, last_number) VALUES (?1, ?2, 1) \
     ON CONFLICT (desk_id, fiscal_year) DO UPDATE SET last_number = reference_counters.last_number + 1 \
     RETURNING last_number";

/// The next number in a desk's series for a fiscal year. The counter row is locked until
/// the transaction ends, so two filings never get the same number.
async fn next_reference_number(
    txn: &DatabaseTransaction,
    desk_id: i64,
    year: i32,
) -> Result<i32, ApiError> {
    let backend = txn.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => NEXT_NUMBER_POSTGRES,
        _ => NEXT_NUMBER_SQLITE,
    };
    let row = txn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [desk_id.into(), year.into()],
        ))
        .await?
        .ok_or_else(|| {
            ApiError::internal(anyhow::anyhow!("the reference counter returned no row"))
        })?;
    Ok(row.try_get("", "last_number")?)
}

/// An active term of `kind`, or a field error.
async fn check_term(
    conn: &impl ConnectionTrait,
    v: &mut Validator,
    field: &str,
    id: TaxonomyTermId,
    kind: TaxonomyKind,
) -> Result<(), ApiError> {
    let found = taxonomy_terms::Entity::find_by_id(id.0)
        .filter(taxonomy_terms::Column::Kind.eq(kind.as_db()))
        .filter(taxonomy_terms::Column::Active.eq(true))
        .one(conn)
        .await?;
    if found.is_none() {
        v.push(FieldError::new(field, ErrorCode::UnknownTerm));
    }
    Ok(())
}

async fn check_topics(
    conn: &impl ConnectionTrait,
    v: &mut Validator,
    ids: &[TaxonomyTermId],
) -> Result<(), ApiError> {
    if ids.is_empty() {
        return Ok(());
    }
    let found = taxonomy_terms::Entity::find()
        .filter(taxonomy_terms::Column::Id.is_in(ids.iter().map(|id| id.0)))
        .filter(taxonomy_terms::Column::Kind.eq(TaxonomyKind::Topic.as_db()))
        .filter(taxonomy_terms::Column::Active.eq(true))
        .all(conn)
        .await?;
    if found.len() != ids.len() {
        v.push(FieldError::new("topicIds", ErrorCode::UnknownTerm));
    }
    Ok(())
}

fn unique(ids: &[TaxonomyTermId]) -> Vec<TaxonomyTermId> {
    let mut seen = BTreeSet::new();
    ids.iter().copied().filter(|id| seen.insert(*id)).collect()
}

pub(super) async fn topics_of(conn: &impl ConnectionTrait, id: i64) -> Result<Vec<i64>, ApiError> {
    Ok(consultation_topics::Entity::find()
        .filter(consultation_topics::Column::ConsultationId.eq(id))
        .order_by_asc(consultation_topics::Column::TermId)
        .all(conn)
        .await?
        .into_iter()
        .map(|row| row.term_id)
        .collect())
}

async fn replace_topics(
    conn: &impl ConnectionTrait,
    id: i64,
    topics: &[TaxonomyTermId],
) -> Result<(), ApiError> {
    consultation_topics::Entity::delete_many()
        .filter(consultation_topics::Column::ConsultationId.eq(id))
        .exec(conn)
        .await?;
    let mut ids: Vec<i64> = topics.iter().map(|t| t.0).collect();
    ids.sort_unstable();
    for term_id in ids {
        consultation_topics::ActiveModel {
            consultation_id: Set(id),
            term_id: Set(term_id),
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// An active advisor or staff member of the case's desk, or `ASSIGNEE_NOT_ELIGIBLE`.
async fn eligible_assignee(
    conn: &impl ConnectionTrait,
    case: &consultations::Model,
    user: UserId,
) -> Result<users::Model, ApiError> {
    let not_eligible = || {
        ApiError::from(FieldError::new(
            "assigneeId",
            ErrorCode::AssigneeNotEligible,
        ))
    };
    let person = active_user(conn, Some(user.0))
        .await?
        .ok_or_else(not_eligible)?;
    let role = Role::from_db(&person.role)?;
    let member = desk_memberships::Entity::find_by_id((case.desk_id, person.id))
        .one(conn)
        .await?
        .is_some();
    if role.works_at_desks() && member {
        Ok(person)
    } else {
        Err(not_eligible())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_keep_their_first_order_without_repeats() {
        let ids = [TaxonomyTermId(3), TaxonomyTermId(1), TaxonomyTermId(3)];
        assert_eq!(unique(&ids), vec![TaxonomyTermId(3), TaxonomyTermId(1)]);
    }
}
