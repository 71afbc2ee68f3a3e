//! Introductions, step by step. Each step is one transaction: the introduction moves on only
//! from the status and version it was read at (of two people acting at once, one wins and
//! the other gets `EDIT_CONFLICT`), the step is recorded on the consultation's timeline, and
//! the emails it sends are queued in the same transaction.
//!
//! Who sees an introduction:
//! - the desk's advisors and staff who may see the consultation: all of it;
//! - the requester's organisation: once they were asked to consent (a proposal withdrawn
//!   before that stays the desk's);
//! - the target (the advisor, or members of the supporter organisation or VC): once it was
//!   sent, and then only the consultation's fields the requester chose to share, as they
//!   were at consent. Anyone with the link emailed to the target reads the same.
//!
//! To anyone else an introduction does not exist (`NOT_FOUND`).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{
    Adopter, IntroductionChannel, IntroductionStatus, IntroductionStep, InvestmentRound,
    OutcomeType, Party,
};
use crate::{
    audit,
    auth::{Actor, Role, Viewer, tokens},
    calendar::japan_date,
    consultations::{
        SharedField, access,
        service::{self as cases, Occasion},
        timeline::{self, EventKind, NewEvent},
    },
    db,
    directory::DirectoryKind,
    entity::{
        consultation_topics, consultations, directory_entries, introductions, investments,
        organisations, taxonomy_terms, users,
    },
    error::{ApiError, ErrorCode, FieldError},
    i18n::Locale,
    ids::{ConsultationId, DirectoryEntryId, IntroductionId},
    labels::Labelled,
    matching::suggestions,
    notify::{self, DeskNames, EmailTemplate, Recipient},
    pagination::{self, Page, PageArgs},
    state::AppState,
    validate,
};

const MAX_MESSAGE: usize = 2000;
const MAX_NOTE: usize = 2000;

/// What the viewer is to one introduction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Parties {
    /// An advisor or staff member who may see the consultation, or an admin.
    pub desk: bool,
    /// Staff of the consultation's desk, or an admin.
    pub staff: bool,
    /// A member of the requester's organisation.
    pub requester: bool,
    /// The advisor introduced, or a member of the organisation introduced.
    pub target: bool,
}

impl Parties {
    pub fn of(
        viewer: &Viewer,
        case: &consultations::Model,
        entry: &directory_entries::Model,
    ) -> Parties {
        let standing = access::standing(viewer, case);
        let desk_role = matches!(viewer.role, Role::Advisor | Role::Staff | Role::Admin);
        Parties {
            desk: desk_role && access::may_view(viewer, case, &[]),
            staff: standing.desk_staff,
            requester: standing.requester,
            target: is_target(viewer, entry),
        }
    }

    /// Whether the introduction exists for them at all.
    pub fn may_view(self, introduction: &introductions::Model) -> bool {
        self.desk
            || (self.requester && introduction.consent_requested_at.is_some())
            || (self.target && introduction.sent_at.is_some())
    }

    /// Whether they may take `step` (wherever the introduction stands). Desk staff may record
    /// the target's answer on their behalf.
    pub fn may_take(self, step: IntroductionStep) -> bool {
        match step.party() {
            Party::Desk => self.desk,
            Party::Requester => self.requester,
            Party::Target => self.target || self.staff,
            Party::System => false,
        }
    }

    /// The steps they may take from `status`.
    pub fn steps(self, status: IntroductionStatus) -> Vec<IntroductionStep> {
        IntroductionStep::ALL
            .iter()
            .copied()
            .filter(|step| self.may_take(*step) && status.after(*step).is_some())
            .collect()
    }
}

/// Whether the viewer is the advisor introduced, or a member of the organisation introduced.
fn is_target(viewer: &Viewer, entry: &directory_entries::Model) -> bool {
    match DirectoryKind::from_db(&entry.kind) {
        Ok(DirectoryKind::Advisor) => entry.user_id == Some(viewer.user_id.0),
        Ok(DirectoryKind::Supporter) => {
            viewer.role == Role::SupporterMember
                && entry.organisation_id.is_some()
                && viewer.organisation_id.map(|o| o.0) == entry.organisation_id
        }
        Ok(DirectoryKind::Vc) => {
            viewer.role == Role::VcMember
                && entry.organisation_id.is_some()
                && viewer.organisation_id.map(|o| o.0) == entry.organisation_id
        }
        _ => false,
    }
}

/// An introduction with what it belongs to.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub introduction: introductions::Model,
    pub case: consultations::Model,
    pub entry: directory_entries::Model,
    pub parties: Parties,
}

impl Loaded {
    pub fn status(&self) -> IntroductionStatus {
        IntroductionStatus::from_db(&self.introduction.status)
            .unwrap_or(IntroductionStatus::Withdrawn)
    }
}

/// Reads an introduction the actor may see; `NOT_FOUND` otherwise.
pub async fn load(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: IntroductionId,
) -> Result<Loaded, ApiError> {
    let viewer = actor.viewer().map_err(|_| ApiError::not_found())?;
    let introduction = introductions::Entity::find_by_id(id.0)
        .one(conn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let (case, entry) = parts_of(conn, &introduction).await?;
    let parties = Parties::of(viewer, &case, &entry);
    if !parties.may_view(&introduction) {
        return Err(ApiError::not_found());
    }
    Ok(Loaded {
        introduction,
        case,
        entry,
        parties,
    })
}

async fn parts_of(
    conn: &impl ConnectionTrait,
    introduction: &introductions::Model,
) -> Result<(consultations::Model, directory_entries::Model), ApiError> {
    let case = consultations::Entity::find_by_id(introduction.consultation_id)
        .one(conn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let entry = directory_entries::Entity::find_by_id(introduction.entry_id)
        .one(conn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok((case, entry))
}

/// Reads an introduction by the link emailed to its target: what the target may read, and
/// only once it was sent. `TOKEN_INVALID` for anything else.
pub async fn load_by_token(conn: &impl ConnectionTrait, token: &str) -> Result<Loaded, ApiError> {
    let introduction = introductions::Entity::find()
        .filter(introductions::Column::ResponseTokenHash.eq(tokens::digest(token.trim())))
        .one(conn)
        .await?
        .filter(|introduction| introduction.sent_at.is_some())
        .ok_or_else(|| ApiError::new(ErrorCode::TokenInvalid))?;
    let (case, entry) = parts_of(conn, &introduction).await?;
    Ok(Loaded {
        introduction,
        case,
        entry,
        parties: Parties {
            target: true,
            ..Parties::default()
        },
    })
}

/// The introductions of a consultation the actor may see, oldest first.
pub async fn of_consultation(
    state: &AppState,
    actor: &Actor,
    id: ConsultationId,
) -> Result<Vec<Loaded>, ApiError> {
    let (case, _) = access::load(&state.db, actor, id).await?;
    let viewer = actor.viewer()?;
    let rows = introductions::Entity::find()
        .filter(introductions::Column::ConsultationId.eq(case.id))
        .order_by_asc(introductions::Column::Id)
        .all(&state.db)
        .await?;
    let entries = entries_by_id(&state.db, rows.iter().map(|r| r.entry_id)).await?;
    Ok(rows
        .into_iter()
        .filter_map(|introduction| {
            let entry = entries.get(&introduction.entry_id)?.clone();
            let parties = Parties::of(viewer, &case, &entry);
            parties.may_view(&introduction).then(|| Loaded {
                introduction,
                case: case.clone(),
                entry,
                parties,
            })
        })
        .collect())
}

/// Introductions addressed to the viewer (an advisor) or their organisation (supporter and
/// VC members) that have reached them, oldest first.
pub async fn addressed_to_me(
    state: &AppState,
    actor: &Actor,
    status: Option<IntroductionStatus>,
    page: PageArgs,
) -> Result<Page<Loaded>, ApiError> {
    let viewer = actor.viewer()?;
    let entry_filter = match viewer.role {
        Role::Advisor => Condition::all()
            .add(directory_entries::Column::Kind.eq(DirectoryKind::Advisor.as_db()))
            .add(directory_entries::Column::UserId.eq(viewer.user_id.0)),
        Role::SupporterMember | Role::VcMember => {
            let kind = if viewer.role == Role::SupporterMember {
                DirectoryKind::Supporter
            } else {
                DirectoryKind::Vc
            };
            let Some(organisation) = viewer.organisation_id else {
                return Err(ApiError::new(ErrorCode::Forbidden));
            };
            Condition::all()
                .add(directory_entries::Column::Kind.eq(kind.as_db()))
                .add(directory_entries::Column::OrganisationId.eq(organisation.0))
        }
        _ => return Err(ApiError::new(ErrorCode::Forbidden)),
    };
    let entry_ids: Vec<i64> = directory_entries::Entity::find()
        .filter(entry_filter)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|entry| entry.id)
        .collect();
    let mut select = introductions::Entity::find()
        .filter(introductions::Column::EntryId.is_in(entry_ids))
        .filter(introductions::Column::SentAt.is_not_null());
    if let Some(status) = status {
        select = select.filter(introductions::Column::Status.eq(status.as_db()));
    }
    let page =
        pagination::fetch(&state.db, select, introductions::Column::Id, |r| r.id, page).await?;
    let cases: BTreeMap<i64, consultations::Model> = consultations::Entity::find()
        .filter(consultations::Column::Id.is_in(page.items.iter().map(|(_, r)| r.consultation_id)))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|case| (case.id, case))
        .collect();
    let entries = entries_by_id(&state.db, page.items.iter().map(|(_, r)| r.entry_id)).await?;
    let mut items = Vec::with_capacity(page.items.len());
    for (cursor, introduction) in page.items {
        let (Some(case), Some(entry)) = (
            cases.get(&introduction.consultation_id).cloned(),
            entries.get(&introduction.entry_id).cloned(),
        ) else {
            return Err(ApiError::internal(anyhow::anyhow!(
                "introduction {} lost its consultation or entry",
                introduction.id
            )));
        };
        let parties = Parties::of(viewer, &case, &entry);
        items.push((
            cursor,
            Loaded {
                introduction,
                case,
                entry,
                parties,
            },
        ));
    }
    Ok(Page {
        items,
        has_next_page: page.has_next_page,
        has_previous_page: page.has_previous_page,
        total_count: page.total_count,
    })
}

async fn entries_by_id(
    conn: &impl ConnectionTrait,
    ids: impl Iterator<Item = i64>,
) -> Result<BTreeMap<i64, directory_entries::Model>, ApiError> {
    Ok(directory_entries::Entity::find()
        .filter(directory_entries::Column::Id.is_in(ids.collect::<Vec<_>>()))
        .all(conn)
        .await?
        .into_iter()
        .map(|entry| (entry.id, entry))
        .collect())
}

/// What the desk proposes.
pub struct Proposal {
    pub consultation: ConsultationId,
    pub entry: DirectoryEntryId,
    pub channel: IntroductionChannel,
    /// To the requester: why this introduction.
    pub message: String,
    /// The fields the desk suggests sharing; the requester decides.
    pub fields: Vec<SharedField>,
}

/// The desk proposes introducing the consultation to a directory entry. The entry must pass
/// the same hard filters as a suggestion (no conflict of interest, the consultation's
/// language, a free slot for advisors, active, not dismissed) and must be an advisor,
/// supporter organisation or VC.
pub async fn propose(
    state: &AppState,
    actor: &Actor,
    proposal: Proposal,
    occasion: Occasion,
) -> Result<introductions::Model, ApiError> {
    let message =
        validate::optional_text(&proposal.message, MAX_MESSAGE).map_err(|e| e.on("message"))?;
    if proposal.fields.is_empty() {
        return Err(FieldError::new("fields", ErrorCode::Required).into());
    }
    let (case, _) = access::load(&state.db, actor, proposal.consultation).await?;
    let viewer = actor.viewer()?;
    if !matches!(viewer.role, Role::Advisor | Role::Staff | Role::Admin) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    cases::require_open(&case)?;
    let entry = directory_entries::Entity::find_by_id(proposal.entry.0)
        .one(&state.db)
        .await?
        .ok_or_else(|| ApiError::from(FieldError::new("entryId", ErrorCode::NotFound)))?;
    let kind = DirectoryKind::from_db(&entry.kind).map_err(ApiError::internal)?;
    let not_eligible = || {
        ApiError::from(FieldError::new(
            "entryId",
            ErrorCode::IntroductionNotEligible,
        ))
    };
    if kind == DirectoryKind::Programme {
        return Err(not_eligible());
    }
    let need = suggestions::need_of(state, &case).await?;
    let candidate = suggestions::candidates_of(state, std::slice::from_ref(&entry))
        .await?
        .remove(&entry.id)
        .unwrap_or_default();
    if suggestions::excluded(kind, &entry, &candidate, &need) {
        return Err(not_eligible());
    }

    let at = occasion.at;
    let txn = db::begin_write(&state.db).await?;
    let live: Vec<&str> = IntroductionStatus::ALL
        .iter()
        .filter(|s| s.is_live())
        .map(|s| s.as_db())
        .collect();
    let existing = introductions::Entity::find()
        .filter(introductions::Column::ConsultationId.eq(case.id))
        .filter(introductions::Column::EntryId.eq(entry.id))
        .filter(introductions::Column::Status.is_in(live))
        .one(&txn)
        .await?;
    if existing.is_some() {
        return Err(FieldError::new("entryId", ErrorCode::IntroductionExists).into());
    }
    let introduction = introductions::ActiveModel {
        consultation_id: Set(case.id),
        entry_id: Set(entry.id),
        target_kind: Set(kind.as_db().to_owned()),
        channel: Set(proposal.channel.as_db().to_owned()),
        status: Set(IntroductionStatus::Proposed.as_db().to_owned()),
        message: Set(message),
        proposed_fields: Set(SharedField::to_db(&proposal.fields)),
        shared_fields: Set(String::new()),
        shared: Set(None),
        proposed_by_user_id: Set(actor.user_id().map(|u| u.0)),
        proposed_at: Set(at),
        version: Set(1),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|error| {
        if db::is_unique_violation(&error) {
            FieldError::new("entryId", ErrorCode::IntroductionExists).into()
        } else {
            ApiError::from(error)
        }
    })?;
    timeline::record(
        &txn,
        &case,
        actor,
        at,
        NewEvent::new(EventKind::IntroductionProposed)
            .body(introduction.message.clone())
            .change(json!({}), about(&introduction, &entry)),
    )
    .await?;
    txn.commit().await?;
    Ok(introduction)
}

/// The desk asks the requester to consent; they have `consent_days` to answer.
pub async fn request_consent(
    state: &AppState,
    actor: &Actor,
    id: IntroductionId,
    version: i32,
    occasion: Occasion,
) -> Result<introductions::Model, ApiError> {
    let at = occasion.at;
    let due = at + chrono::Duration::days(i64::from(state.settings.introductions.consent_days));
    let txn = db::begin_write(&state.db).await?;
    let loaded = load(&txn, actor, id).await?;
    cases::require_open(&loaded.case)?;
    let row = introductions::ActiveModel {
        consent_requested_at: Set(Some(at)),
        answer_due_at: Set(Some(due)),
        ..Default::default()
    };
    let introduction = advance(
        &txn,
        &loaded,
        IntroductionStep::RequestConsent,
        version,
        row,
        at,
    )
    .await?;
    record(
        &txn,
        &loaded,
        actor,
        at,
        EventKind::IntroductionConsentRequested,
        None,
    )
    .await?;
    if occasion.notify {
        let template = EmailTemplate::IntroductionConsentRequested {
            reference: loaded.case.reference.clone(),
            title: loaded.case.title.clone(),
            target: names_of(&loaded.entry),
            channel: channel_of(&introduction),
            message: introduction.message.clone(),
            due_on: japan_date(due),
            link: link(state, introduction.id),
        };
        cases::email_requester(state, &txn, &loaded.case, template).await?;
    }
    txn.commit().await?;
    Ok(introduction)
}

/// The requester consents and chooses what the target may read. What they chose is copied
/// now, as it reads now.
pub async fn consent(
    state: &AppState,
    actor: &Actor,
    id: IntroductionId,
    version: i32,
    fields: Vec<SharedField>,
    occasion: Occasion,
) -> Result<introductions::Model, ApiError> {
    if fields.is_empty() {
        return Err(FieldError::new("fields", ErrorCode::Required).into());
    }
    let at = occasion.at;
    let txn = db::begin_write(&state.db).await?;
    let loaded = load(&txn, actor, id).await?;
    cases::require_open(&loaded.case)?;
    let shared = snapshot(&txn, &loaded.case, &fields).await?;
    let row = introductions::ActiveModel {
        shared_fields: Set(SharedField::to_db(&fields)),
        shared: Set(Some(
            serde_json::to_string(&shared).map_err(ApiError::internal)?,
        )),
        consented_by_user_id: Set(actor.user_id().map(|u| u.0)),
        consented_at: Set(Some(at)),
        answer_due_at: Set(None),
        ..Default::default()
    };
    let introduction = advance(&txn, &loaded, IntroductionStep::Consent, version, row, at).await?;
    record(
        &txn,
        &loaded,
        actor,
        at,
        EventKind::IntroductionConsented,
        None,
    )
    .await?;
    if occasion.notify {
        email_proposer(state, &txn, &loaded, |link| {
            EmailTemplate::IntroductionConsented {
                reference: loaded.case.reference.clone(),
                title: loaded.case.title.clone(),
                target: names_of(&loaded.entry),
                link,
            }
        })
        .await?;
    }
    txn.commit().await?;
    Ok(introduction)
}

/// The requester does not want the introduction: it is withdrawn and the desk told why.
pub async fn decline_consent(
    state: &AppState,
    actor: &Actor,
    id: IntroductionId,
    version: i32,
    reason: &str,
    occasion: Occasion,
) -> Result<introductions::Model, ApiError> {
    let reason = validate::optional_text(reason, MAX_NOTE).map_err(|e| e.on("reason"))?;
    let at = occasion.at;
    let txn = db::begin_write(&state.db).await?;
    let loaded = load(&txn, actor, id).await?;
    let row = introductions::ActiveModel {
        answer_note: Set(Some(reason.clone()).filter(|r| !r.is_empty())),
        answer_due_at: Set(None),
        closed_at: Set(Some(at)),
        ..Default::default()
    };
    let introduction = advance(
        &txn,
        &loaded,
        IntroductionStep::DeclineConsent,
        version,
        row,
        at,
    )
    .await?;
    record(
        &txn,
        &loaded,
        actor,
        at,
        EventKind::IntroductionWithdrawn,
        Some(reason.clone()),
    )
    .await?;
    if occasion.notify {
        email_proposer(state, &txn, &loaded, |link| {
            EmailTemplate::IntroductionConsentDeclined {
                reference: loaded.case.reference.clone(),
                title: loaded.case.title.clone(),
                target: names_of(&loaded.entry),
                reason: reason.clone(),
                link,
            }
        })
        .await?;
    }
    txn.commit().await?;
    Ok(introduction)
}

/// The desk withdraws an introduction not yet sent.
pub async fn withdraw(
    state: &AppState,
    actor: &Actor,
    id: IntroductionId,
    version: i32,
    reason: &str,
    occasion: Occasion,
) -> Result<introductions::Model, ApiError> {
    let reason = validate::required_text(reason, MAX_NOTE).map_err(|e| e.on("reason"))?;
    let at = occasion.at;
    let txn = db::begin_write(&state.db).await?;
    let loaded = load(&txn, actor, id).await?;
    let row = introductions::ActiveModel {
        answer_note: Set(Some(reason.clone())),
        answer_due_at: Set(None),
        closed_at: Set(Some(at)),
        ..Default::default()
    };
    let introduction = advance(&txn, &loaded, IntroductionStep::Withdraw, version, row, at).await?;
    // The requester never heard of a proposal withdrawn before they were asked.
    let mut event = NewEvent::new(EventKind::IntroductionWithdrawn)
        .body(reason)
        .change(json!({}), about(&introduction, &loaded.entry));
    if loaded.status() == IntroductionStatus::Proposed {
        event = event.internal();
    }
    timeline::record(&txn, &loaded.case, actor, at, event).await?;
    txn.commit().await?;
    Ok(introduction)
}

/// The desk sends the consented introduction to the target (for the newsletter channel:
/// records that it was featured). The advisor, or the organisation's members and its
/// contact address, get an email with a link to read it and answer within `answer_days`.
pub async fn send(
    state: &AppState,
    actor: &Actor,
    id: IntroductionId,
    version: i32,
    occasion: Occasion,
) -> Result<introductions::Model, ApiError> {
    let at = occasion.at;
    let due = at + chrono::Duration::days(i64::from(state.settings.introductions.answer_days));
    let token = tokens::generate().map_err(ApiError::internal)?;
    let txn = db::begin_write(&state.db).await?;
    let loaded = load(&txn, actor, id).await?;
    cases::require_open(&loaded.case)?;
    let row = introductions::ActiveModel {
        sent_by_user_id: Set(actor.user_id().map(|u| u.0)),
        sent_at: Set(Some(at)),
        answer_due_at: Set(Some(due)),
        response_token_hash: Set(Some(tokens::digest(&token))),
        ..Default::default()
    };
    let introduction = advance(&txn, &loaded, IntroductionStep::Send, version, row, at).await?;
    // An individual introduction must reach someone (refused, the transaction is dropped); a
    // newsletter feature reaches its readers whoever the entry lists.
    let recipients = target_recipients(&txn, &loaded.entry).await?;
    if occasion.notify
        && recipients.is_empty()
        && channel_of(&introduction) == IntroductionChannel::Individual
    {
        return Err(ApiError::new(ErrorCode::IntroductionTargetUnreachable));
    }
    record(&txn, &loaded, actor, at, EventKind::IntroductionSent, None).await?;
    if occasion.notify {
        let desk = cases::desk_of(&txn, loaded.case.desk_id).await?;
        let shared = shared_of(&introduction);
        let link = format!(
            "{}/introductions/respond?token={token}",
            state.settings.public_url()
        );
        for recipient in recipients {
            let template = EmailTemplate::IntroductionSent {
                desk: DeskNames::of(&desk),
                channel: channel_of(&introduction),
                organisation: shared.as_ref().and_then(|s| s.organisation_name.clone()),
                title: shared.as_ref().and_then(|s| s.title.clone()),
                due_on: japan_date(due),
                link: link.clone(),
            };
            notify::queue_email(&txn, &state.settings, &state.i18n, &recipient, template)
                .await
                .map_err(ApiError::internal)?;
        }
    }
    txn.commit().await?;
    Ok(introduction)
}

/// How the target answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Accept,
    Decline,
}

impl Answer {
    pub fn accepting(accept: bool) -> Answer {
        if accept {
            Answer::Accept
        } else {
            Answer::Decline
        }
    }
}

/// The target accepts or declines (or desk staff record their answer). The desk and the
/// requester are told.
pub async fn answer(
    state: &AppState,
    actor: &Actor,
    id: IntroductionId,
    answer: Answer,
    note: &str,
    occasion: Occasion,
) -> Result<introductions::Model, ApiError> {
    let txn = db::begin_write(&state.db).await?;
    let loaded = load(&txn, actor, id).await?;
    answer_in(state, txn, actor, loaded, answer, note, occasion).await
}

/// The same, through the link emailed to the target.
pub async fn answer_by_token(
    state: &AppState,
    token: &str,
    answer: Answer,
    note: &str,
    occasion: Occasion,
) -> Result<introductions::Model, ApiError> {
    let txn = db::begin_write(&state.db).await?;
    let loaded = load_by_token(&txn, token).await?;
    answer_in(state, txn, &Actor::System, loaded, answer, note, occasion).await
}

async fn answer_in(
    state: &AppState,
    txn: DatabaseTransaction,
    actor: &Actor,
    loaded: Loaded,
    answer: Answer,
    note: &str,
    occasion: Occasion,
) -> Result<introductions::Model, ApiError> {
    let note = validate::optional_text(note, MAX_NOTE).map_err(|e| e.on("note"))?;
    let at = occasion.at;
    let (step, kind) = match answer {
        Answer::Accept => (IntroductionStep::Accept, EventKind::IntroductionAccepted),
        Answer::Decline => (IntroductionStep::Decline, EventKind::IntroductionDeclined),
    };
    let mut row = introductions::ActiveModel {
        answered_by_user_id: Set(actor.user_id().map(|u| u.0)),
        answered_at: Set(Some(at)),
        answer_note: Set(Some(note.clone()).filter(|n| !n.is_empty())),
        answer_due_at: Set(None),
        ..Default::default()
    };
    if answer == Answer::Decline {
        row.closed_at = Set(Some(at));
    }
    // Whoever holds the link answers as the target, at the version they read.
    let version = loaded.introduction.version;
    let introduction = advance(&txn, &loaded, step, version, row, at).await?;
    record(
        &txn,
        &loaded,
        actor,
        at,
        kind,
        Some(note.clone()).filter(|n| !n.is_empty()),
    )
    .await?;
    if occasion.notify {
        let template = |link: String| EmailTemplate::IntroductionAnswered {
            reference: loaded.case.reference.clone(),
            title: loaded.case.title.clone(),
            target: names_of(&loaded.entry),
            accepted: answer == Answer::Accept,
            note: note.clone(),
            link,
        };
        email_proposer(state, &txn, &loaded, template).await?;
        cases::email_requester(
            state,
            &txn,
            &loaded.case,
            template(cases::link(state, loaded.case.id)),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(introduction)
}

/// The desk records that the parties met, on `held_on` (a Japan date, not in the future).
pub async fn record_meeting(
    state: &AppState,
    actor: &Actor,
    id: IntroductionId,
    version: i32,
    held_on: NaiveDate,
    occasion: Occasion,
) -> Result<introductions::Model, ApiError> {
    let at = occasion.at;
    let txn = db::begin_write(&state.db).await?;
    let loaded = load(&txn, actor, id).await?;
    let sent_on = loaded.introduction.sent_at.map(japan_date);
    if held_on > japan_date(at) || sent_on.is_some_and(|sent| held_on < sent) {
        return Err(FieldError::new("heldOn", ErrorCode::DateOutOfRange).into());
    }
    let row = introductions::ActiveModel {
        meeting_held_on: Set(Some(held_on)),
        ..Default::default()
    };
    let introduction = advance(
        &txn,
        &loaded,
        IntroductionStep::RecordMeeting,
        version,
        row,
        at,
    )
    .await?;
    record(
        &txn,
        &loaded,
        actor,
        at,
        EventKind::IntroductionMeetingHeld,
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(introduction)
}

/// An investment that came of a match.
#[derive(Debug, Clone)]
pub struct Investment {
    pub amount_yen: i64,
    pub round: InvestmentRound,
    pub invested_on: NaiveDate,
}

/// What came of an introduction, as the desk records it.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// `None`: no match came of it.
    pub matched: Option<OutcomeType>,
    pub adopter: Option<Adopter>,
    pub investment: Option<Investment>,
    pub note: String,
}

/// The desk records the outcome: a match of a type (an investment with its amount, round
/// and date, which then counts as confirmed private investment in the startup; an adoption
/// with who adopted), or no match.
pub async fn record_outcome(
    state: &AppState,
    actor: &Actor,
    id: IntroductionId,
    version: i32,
    outcome: Outcome,
    occasion: Occasion,
) -> Result<introductions::Model, ApiError> {
    let at = occasion.at;
    let note = validate::optional_text(&outcome.note, MAX_NOTE).map_err(|e| e.on("note"))?;
    check_outcome(&outcome, japan_date(at))?;
    let txn = db::begin_write(&state.db).await?;
    let loaded = load(&txn, actor, id).await?;
    let (step, kind) = match outcome.matched {
        Some(_) => (
            IntroductionStep::RecordMatch,
            EventKind::IntroductionMatched,
        ),
        None => (
            IntroductionStep::RecordNoMatch,
            EventKind::IntroductionNotMatched,
        ),
    };
    let row = introductions::ActiveModel {
        outcome: Set(outcome.matched.map(|o| o.as_db().to_owned())),
        adopter: Set(outcome.adopter.map(|a| a.as_db().to_owned())),
        outcome_note: Set(Some(note.clone()).filter(|n| !n.is_empty())),
        recorded_by_user_id: Set(actor.user_id().map(|u| u.0)),
        closed_at: Set(Some(at)),
        ..Default::default()
    };
    let introduction = advance(&txn, &loaded, step, version, row, at).await?;
    if let Some(investment) = &outcome.investment {
        investments::ActiveModel {
            organisation_id: Set(loaded.case.organisation_id),
            amount_yen: Set(investment.amount_yen),
            round: Set(investment.round.as_db().to_owned()),
            invested_on: Set(investment.invested_on),
            investor_entry_id: Set(Some(loaded.entry.id)),
            investor_name: Set(loaded.entry.name_ja.clone()),
            introduction_id: Set(Some(introduction.id)),
            evidence: Set(Some(note.clone()).filter(|n| !n.is_empty())),
            recorded_by_user_id: Set(actor.user_id().map(|u| u.0)),
            recorded_at: Set(at),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        crate::grants::service::release_matched(
            state,
            &txn,
            loaded.case.organisation_id,
            actor,
            occasion,
        )
        .await?;
    }
    record(
        &txn,
        &loaded,
        actor,
        at,
        kind,
        Some(note).filter(|n| !n.is_empty()),
    )
    .await?;
    audit::record(
        &txn,
        actor,
        "introduction.outcome",
        "introduction",
        introduction.id,
        None,
        Some(&json!({
            "outcome": introduction.outcome,
            "adopter": introduction.adopter,
            "investment": outcome.investment.as_ref().map(|i| json!({
                "amount_yen": i.amount_yen, "round": i.round.as_db(), "invested_on": i.invested_on,
            })),
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(introduction)
}

/// An outcome's details must fit its type: an investment needs its amount (over 0 yen),
/// round and a date not in the future; an adoption, who adopted; no other type takes either.
fn check_outcome(outcome: &Outcome, today: NaiveDate) -> Result<(), ApiError> {
    let wants_investment = outcome.matched == Some(OutcomeType::Investment);
    let wants_adopter = outcome.matched == Some(OutcomeType::Adoption);
    match (&outcome.investment, wants_investment) {
        (None, true) => {
            return Err(FieldError::new("investment", ErrorCode::OutcomeDetailsRequired).into());
        }
        (Some(_), false) => {
            return Err(
                FieldError::new("investment", ErrorCode::OutcomeDetailsNotApplicable).into(),
            );
        }
        (Some(investment), true) => {
            if investment.amount_yen <= 0 {
                return Err(
                    FieldError::new("investment.amountYen", ErrorCode::OutOfRange)
                        .with_arg("min", 1i64)
                        .with_arg("max", i64::MAX)
                        .into(),
                );
            }
            if investment.invested_on > today {
                return Err(
                    FieldError::new("investment.investedOn", ErrorCode::DateInvalid).into(),
                );
            }
        }
        (None, false) => {}
    }
    match (outcome.adopter, wants_adopter) {
        (None, true) => Err(FieldError::new("adopter", ErrorCode::OutcomeDetailsRequired).into()),
        (Some(_), false) => {
            Err(FieldError::new("adopter", ErrorCode::OutcomeDetailsNotApplicable).into())
        }
        _ => Ok(()),
    }
}

/// Expires every introduction whose answer date has passed by `now`; returns how many.
/// Each is its own transaction, so one that someone answers meanwhile is simply skipped.
pub async fn expire_due(state: &AppState, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let waiting: Vec<&str> = IntroductionStatus::ALL
        .iter()
        .filter(|s| s.awaits_answer())
        .map(|s| s.as_db())
        .collect();
    let due = introductions::Entity::find()
        .filter(introductions::Column::Status.is_in(waiting))
        .filter(introductions::Column::AnswerDueAt.lte(now))
        .order_by_asc(introductions::Column::AnswerDueAt)
        .limit(500)
        .all(&state.db)
        .await?;
    let mut expired = 0;
    for introduction in due {
        let txn = db::begin_write(&state.db).await?;
        let (case, entry) = parts_of(&txn, &introduction).await?;
        let loaded = Loaded {
            introduction,
            case,
            entry,
            parties: Parties::default(),
        };
        let row = introductions::ActiveModel {
            answer_due_at: Set(None),
            closed_at: Set(Some(now)),
            ..Default::default()
        };
        let version = loaded.introduction.version;
        // Answered meanwhile: nothing to expire.
        if advance_as(&txn, &loaded, IntroductionStep::Expire, version, row, now)
            .await
            .is_err()
        {
            continue;
        }
        record(
            &txn,
            &loaded,
            &Actor::System,
            now,
            EventKind::IntroductionExpired,
            None,
        )
        .await?;
        let waiting_for_requester = loaded.status() == IntroductionStatus::ConsentRequested;
        email_proposer(state, &txn, &loaded, |link| {
            EmailTemplate::IntroductionExpired {
                reference: loaded.case.reference.clone(),
                title: loaded.case.title.clone(),
                target: names_of(&loaded.entry),
                waited_for_requester: waiting_for_requester,
                link,
            }
        })
        .await?;
        txn.commit().await?;
        expired += 1;
    }
    Ok(expired)
}

// ----- helpers -----

/// Moves the introduction on by `step` if the actor may take it, from the status and
/// version it was read at; `EDIT_CONFLICT` if someone moved it meanwhile.
async fn advance(
    txn: &DatabaseTransaction,
    loaded: &Loaded,
    step: IntroductionStep,
    version: i32,
    row: introductions::ActiveModel,
    at: DateTime<Utc>,
) -> Result<introductions::Model, ApiError> {
    if !loaded.parties.may_take(step) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    advance_as(txn, loaded, step, version, row, at).await
}

async fn advance_as(
    txn: &DatabaseTransaction,
    loaded: &Loaded,
    step: IntroductionStep,
    version: i32,
    mut row: introductions::ActiveModel,
    at: DateTime<Utc>,
) -> Result<introductions::Model, ApiError> {
    let current = &loaded.introduction;
    if current.version != version {
        return Err(ApiError::new(ErrorCode::EditConflict));
    }
    let Some(next) = loaded.status().after(step) else {
        return Err(ApiError::new(ErrorCode::IntroductionStepNotAllowed));
    };
    row.status = Set(next.as_db().to_owned());
    row.version = Set(current.version + 1);
    row.updated_at = Set(at);
    let written = introductions::Entity::update_many()
        .set(row)
        .filter(introductions::Column::Id.eq(current.id))
        .filter(introductions::Column::Version.eq(current.version))
        .filter(introductions::Column::Status.eq(current.status.as_str()))
        .exec(txn)
        .await?;
    if written.rows_affected != 1 {
        return Err(ApiError::new(ErrorCode::EditConflict));
    }
    introductions::Entity::find_by_id(current.id)
        .one(txn)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// What a timeline event of an introduction stores: which introduction, to whom (named in
/// both languages so the event reads the same later), by which channel.
fn about(
    introduction: &introductions::Model,
    entry: &directory_entries::Model,
) -> serde_json::Value {
    json!({
        "introduction": introduction.id,
        "entry": entry.id,
        "target_en": entry.name_en,
        "target_ja": entry.name_ja,
        "channel": introduction.channel,
    })
}

async fn record(
    txn: &DatabaseTransaction,
    loaded: &Loaded,
    actor: &Actor,
    at: DateTime<Utc>,
    kind: EventKind,
    body: Option<String>,
) -> Result<(), ApiError> {
    let mut event =
        NewEvent::new(kind).change(json!({}), about(&loaded.introduction, &loaded.entry));
    if let Some(body) = body {
        event = event.body(body);
    }
    timeline::record(txn, &loaded.case, actor, at, event).await?;
    Ok(())
}

fn names_of(entry: &directory_entries::Model) -> DeskNames {
    DeskNames {
        en: entry.name_en.clone(),
        ja: entry.name_ja.clone(),
    }
}

fn channel_of(introduction: &introductions::Model) -> IntroductionChannel {
    IntroductionChannel::from_db(&introduction.channel).unwrap_or(IntroductionChannel::Individual)
}

/// The page of an introduction in the web UI.
pub fn link(state: &AppState, id: i64) -> String {
    format!(
        "{}/introductions/{}",
        state.settings.public_url(),
        IntroductionId(id).to_public().as_str()
    )
}

/// Emails whoever proposed the introduction (if they are still active).
async fn email_proposer(
    state: &AppState,
    txn: &DatabaseTransaction,
    loaded: &Loaded,
    template: impl FnOnce(String) -> EmailTemplate,
) -> Result<(), ApiError> {
    if let Some(proposer) = cases::active_user(txn, loaded.introduction.proposed_by_user_id).await?
    {
        let template = template(cases::link(state, loaded.case.id));
        notify::queue_email(
            txn,
            &state.settings,
            &state.i18n,
            &cases::recipient(&proposer),
            template,
        )
        .await
        .map_err(ApiError::internal)?;
    }
    Ok(())
}

/// Who hears of an introduction sent to `entry`: the advisor; or the organisation's active
/// members and its contact address (in Japanese, or English for an overseas entry).
async fn target_recipients(
    conn: &impl ConnectionTrait,
    entry: &directory_entries::Model,
) -> Result<Vec<Recipient>, ApiError> {
    let mut recipients = Vec::new();
    let member_role = match DirectoryKind::from_db(&entry.kind).map_err(ApiError::internal)? {
        DirectoryKind::Advisor => {
            if let Some(user) = cases::active_user(conn, entry.user_id).await? {
                recipients.push(cases::recipient(&user));
            }
            return Ok(recipients);
        }
        DirectoryKind::Supporter => Role::SupporterMember,
        DirectoryKind::Vc => Role::VcMember,
        DirectoryKind::Programme => return Ok(recipients),
    };
    if let Some(organisation) = entry.organisation_id {
        let members = users::Entity::find()
            .filter(users::Column::OrganisationId.eq(organisation))
            .filter(users::Column::Role.eq(member_role.as_db()))
            .filter(users::Column::DeactivatedAt.is_null())
            .order_by_asc(users::Column::Id)
            .all(conn)
            .await?;
        recipients.extend(members.iter().map(cases::recipient));
    }
    if let Some(address) = &entry.contact_email
        && !recipients
            .iter()
            .any(|r| r.email.eq_ignore_ascii_case(address))
    {
        recipients.push(Recipient {
            email: address.clone(),
            name: match entry.overseas {
                true => entry.name_en.clone(),
                false => entry.name_ja.clone(),
            },
            locale: if entry.overseas {
                Locale::En
            } else {
                Locale::Ja
            },
        });
    }
    Ok(recipients)
}

/// A name in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub en: String,
    pub ja: String,
}

/// What the requester consented to share, as it read at consent. Fields not shared are
/// absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Bilingual>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Bilingual>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topics: Option<Vec<Bilingual>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
}

/// What was shared, if the requester consented.
pub fn shared_of(introduction: &introductions::Model) -> Option<Shared> {
    introduction
        .shared
        .as_deref()
        .and_then(|text| serde_json::from_str(text).ok())
}

/// Copies the chosen fields of the consultation as they read now.
async fn snapshot(
    conn: &impl ConnectionTrait,
    case: &consultations::Model,
    fields: &[SharedField],
) -> Result<Shared, ApiError> {
    let mut shared = Shared::default();
    let term = |term: &taxonomy_terms::Model| Bilingual {
        en: term.label_en.clone(),
        ja: term.label_ja.clone(),
    };
    for field in fields {
        match field {
            SharedField::OrganisationName => {
                shared.organisation_name = organisations::Entity::find_by_id(case.organisation_id)
                    .one(conn)
                    .await?
                    .map(|o| o.name);
            }
            SharedField::Title => shared.title = Some(case.title.clone()),
            SharedField::Description => shared.description = Some(case.description.clone()),
            SharedField::Domain => {
                shared.domain = taxonomy_terms::Entity::find_by_id(case.domain_term_id)
                    .one(conn)
                    .await?
                    .as_ref()
                    .map(term);
            }
            SharedField::Stage => {
                shared.stage = taxonomy_terms::Entity::find_by_id(case.stage_term_id)
                    .one(conn)
                    .await?
                    .as_ref()
                    .map(term);
            }
            SharedField::Topics => {
                let ids: Vec<i64> = consultation_topics::Entity::find()
                    .filter(consultation_topics::Column::ConsultationId.eq(case.id))
                    .all(conn)
                    .await?
                    .into_iter()
                    .map(|row| row.term_id)
                    .collect();
                let mut topics = taxonomy_terms::Entity::find()
                    .filter(taxonomy_terms::Column::Id.is_in(ids))
                    .all(conn)
                    .await?;
                topics.sort_by_key(|t| (t.position, t.id));
                shared.topics = Some(topics.iter().map(term).collect());
            }
            SharedField::Contact => {
                if let Some(user) = users::Entity::find_by_id(case.requester_user_id)
                    .one(conn)
                    .await?
                {
                    shared.contact_name = Some(user.display_name);
                    shared.contact_email = Some(user.email);
                }
            }
        }
    }
    Ok(shared)
}

#[cfg(test)]
mod tests {
    use chrono::Days;

    use super::*;

    fn outcome(matched: Option<OutcomeType>) -> Outcome {
        Outcome {
            matched,
            adopter: None,
            investment: None,
            note: String::new(),
        }
    }

    #[test]
    fn an_outcomes_details_must_fit_its_type() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).expect("date");
        let invested = |amount_yen, days_ago: u64| Investment {
            amount_yen,
            round: InvestmentRound::SeriesA,
            invested_on: today - Days::new(days_ago),
        };
        assert!(check_outcome(&outcome(None), today).is_ok());
        assert!(check_outcome(&outcome(Some(OutcomeType::ProofOfConcept)), today).is_ok());
        assert!(check_outcome(&outcome(Some(OutcomeType::Investment)), today).is_err());
        let mut investment = outcome(Some(OutcomeType::Investment));
        investment.investment = Some(invested(300_000_000, 3));
        assert!(check_outcome(&investment, today).is_ok());
        investment.investment = Some(invested(0, 3));
        assert!(check_outcome(&investment, today).is_err());
        let mut wrong = outcome(Some(OutcomeType::Partnership));
        wrong.investment = Some(invested(1, 0));
        assert!(check_outcome(&wrong, today).is_err());
        assert!(check_outcome(&outcome(Some(OutcomeType::Adoption)), today).is_err());
        let mut adoption = outcome(Some(OutcomeType::Adoption));
        adoption.adopter = Some(Adopter::CareOperator);
        assert!(check_outcome(&adoption, today).is_ok());
    }

    #[test]
    fn the_target_reads_only_what_was_shared() {
        let shared = Shared {
            title: Some("AI ECG triage".into()),
            ..Shared::default()
        };
        let text = serde_json::to_string(&shared).expect("json");
        assert_eq!(text, r#"{"title":"AI ECG triage"}"#);
    }
}
