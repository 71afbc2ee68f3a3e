//! Consultations, their timeline and referrals in the API.

use async_graphql::{
    ComplexObject, Context, ID, InputObject, Object, Result, SimpleObject,
    connection::{Connection, Edge, EmptyFields},
};
use chrono::{DateTime, NaiveDate, Utc};

use super::{
    Confidentiality, ConsultationKind, ConsultationStatus, Priority, ReferralStatus, Resolution,
    SharedField, SlaState, access,
    queue::{self, QueueFilter, QueueOrder, Window},
    referrals::{self, ReferralDirection, ReferralFilter as ReferralQuery},
    service::{self, Changes, NewConsultation, Occasion, Step},
    timeline::{self, EventKind, Names},
    workflow::{self, ConsultationAction, Standing},
};
use crate::{
    accounts::graphql::Organisation,
    auth::{Actor, Role},
    calendar::japan_date,
    desks::graphql::Desk,
    entity::{consultation_events, consultations, referrals as referral_rows, users},
    error::{ApiError, ErrorCode, FieldError},
    graphql::{
        ContextExt, TotalCount, connection,
        loaders::{
            ConsultationByIdLoader, DeskByIdLoader, OrganisationByIdLoader, PendingReferralLoader,
            TermByIdLoader, TopicsByConsultationLoader, UserByIdLoader,
        },
    },
    i18n::{Args, Locale},
    ids::{
        ConsultationEventId, ConsultationId, DeskId, OrganisationId, ReferralId, TaxonomyTermId,
        UserId,
    },
    labels::Labelled,
    pagination::PageArgs,
    state::AppState,
    taxonomy::graphql::TaxonomyTerm,
};

/// What the viewer is to a consultation, for resolvers that show different things to
/// different people.
fn standing_of(ctx: &Context<'_>, case: &consultations::Model) -> Result<Standing, ApiError> {
    Ok(access::standing(ctx.actor()?.viewer()?, case))
}

/// Whether the viewer reads the consultation as its requester (plain status words, no
/// internal events) rather than as desk people.
fn reads_as_requester(ctx: &Context<'_>, case: &consultations::Model) -> Result<bool, ApiError> {
    let standing = standing_of(ctx, case)?;
    Ok(standing.requester && !standing.desk_member)
}

/// Whether the viewer works at a desk (or administers them): they see desk-side details.
fn desk_side(ctx: &Context<'_>) -> Result<bool, ApiError> {
    Ok(matches!(
        ctx.actor()?.viewer()?.role,
        Role::Advisor | Role::Staff | Role::Admin
    ))
}

async fn load_desk(ctx: &Context<'_>, id: i64) -> Result<Desk, ApiError> {
    ctx.loader::<DeskByIdLoader>()?
        .load_one(DeskId(id))
        .await
        .map_err(ApiError::internal)?
        .map(Desk)
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("desk {id} is gone")))
}

async fn load_person(ctx: &Context<'_>, id: Option<i64>) -> Result<Option<Person>, ApiError> {
    let Some(id) = id else { return Ok(None) };
    Ok(ctx
        .loader::<UserByIdLoader>()?
        .load_one(UserId(id))
        .await
        .map_err(ApiError::internal)?
        .map(Person))
}

async fn load_term(ctx: &Context<'_>, id: i64) -> Result<TaxonomyTerm, ApiError> {
    ctx.loader::<TermByIdLoader>()?
        .load_one(TaxonomyTermId(id))
        .await
        .map_err(ApiError::internal)?
        .map(TaxonomyTerm)
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("taxonomy term {id} is gone")))
}

fn label<T: Labelled>(ctx: &Context<'_>, value: T) -> Result<String, ApiError> {
    Ok(value.label(&ctx.app()?.i18n, ctx.locale()))
}

/// Someone named on a consultation: the requester, the assignee, an author.
pub struct Person(pub users::Model);

#[Object]
impl Person {
    async fn id(&self) -> ID {
        UserId(self.0.id).to_public()
    }

    async fn display_name(&self) -> &str {
        &self.0.display_name
    }

    /// Shown to desk people and to the person themselves.
    async fn email(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        let viewer = ctx.actor()?.viewer()?;
        let visible = desk_side(ctx)? || viewer.user_id.0 == self.0.id;
        Ok(visible.then_some(self.0.email.as_str()))
    }
}

pub struct Consultation(pub consultations::Model);

/// A request for help from a requester organisation (相談案件).
#[Object]
impl Consultation {
    async fn id(&self) -> ID {
        ConsultationId(self.0.id).to_public()
    }

    /// Unique per desk and Japanese fiscal year, e.g. MED-2026-0042.
    async fn reference(&self) -> &str {
        &self.0.reference
    }

    async fn kind(&self) -> Result<ConsultationKind> {
        Ok(ConsultationKind::from_db(&self.0.kind).map_err(ApiError::internal)?)
    }

    async fn kind_label(&self, ctx: &Context<'_>) -> Result<String> {
        Ok(label(
            ctx,
            ConsultationKind::from_db(&self.0.kind).map_err(ApiError::internal)?,
        )?)
    }

    async fn title(&self) -> &str {
        &self.0.title
    }

    async fn description(&self) -> &str {
        &self.0.description
    }

    async fn status(&self) -> Result<ConsultationStatus> {
        Ok(ConsultationStatus::from_db(&self.0.status).map_err(ApiError::internal)?)
    }

    /// The status in the reader's language: plain words for the requester.
    async fn status_label(&self, ctx: &Context<'_>) -> Result<String> {
        let status = ConsultationStatus::from_db(&self.0.status).map_err(ApiError::internal)?;
        Ok(status_label(
            ctx,
            status,
            reads_as_requester(ctx, &self.0)?,
        )?)
    }

    /// How a closed consultation ended.
    async fn resolution(&self) -> Result<Option<Resolution>> {
        Ok(self
            .0
            .resolution
            .as_deref()
            .map(Resolution::from_db)
            .transpose()
            .map_err(ApiError::internal)?)
    }

    async fn resolution_label(&self, ctx: &Context<'_>) -> Result<Option<String>> {
        match self.0.resolution.as_deref() {
            Some(resolution) => Ok(Some(label(
                ctx,
                Resolution::from_db(resolution).map_err(ApiError::internal)?,
            )?)),
            None => Ok(None),
        }
    }

    /// The desk's triage priority; not shown to the requester.
    async fn priority(&self, ctx: &Context<'_>) -> Result<Option<Priority>> {
        if reads_as_requester(ctx, &self.0)? {
            return Ok(None);
        }
        Ok(Some(
            Priority::from_db(self.0.priority).map_err(ApiError::internal)?,
        ))
    }

    async fn priority_label(&self, ctx: &Context<'_>) -> Result<Option<String>> {
        if reads_as_requester(ctx, &self.0)? {
            return Ok(None);
        }
        Ok(Some(label(
            ctx,
            Priority::from_db(self.0.priority).map_err(ApiError::internal)?,
        )?))
    }

    async fn confidentiality(&self) -> Result<Confidentiality> {
        Ok(Confidentiality::from_db(&self.0.confidentiality).map_err(ApiError::internal)?)
    }

    async fn confidentiality_label(&self, ctx: &Context<'_>) -> Result<String> {
        Ok(label(
            ctx,
            Confidentiality::from_db(&self.0.confidentiality).map_err(ApiError::internal)?,
        )?)
    }

    /// Companies the requester competes with.
    async fn competitors(&self) -> Vec<String> {
        service::competitors_of(&self.0)
    }

    /// What the requester lets introduced third parties see.
    async fn shared_fields(&self) -> Result<Vec<SharedField>> {
        Ok(SharedField::list_from_db(&self.0.shared_fields).map_err(ApiError::internal)?)
    }

    /// The language the requester asked to be answered in.
    async fn preferred_locale(&self) -> Locale {
        Locale::parse(&self.0.preferred_locale).unwrap_or(Locale::DEFAULT)
    }

    /// Whether the requester is based outside Japan.
    async fn overseas(&self) -> bool {
        self.0.overseas
    }

    /// The desk whose queue the consultation is in.
    async fn desk(&self, ctx: &Context<'_>) -> Result<Desk> {
        Ok(load_desk(ctx, self.0.desk_id).await?)
    }

    async fn organisation(&self, ctx: &Context<'_>) -> Result<Organisation> {
        let organisation = ctx
            .loader::<OrganisationByIdLoader>()?
            .load_one(OrganisationId(self.0.organisation_id))
            .await
            .map_err(ApiError::internal)?
            .ok_or_else(|| ApiError::internal(anyhow::anyhow!("organisation is gone")))?;
        Ok(Organisation(organisation))
    }

    /// Who filed it.
    async fn requester(&self, ctx: &Context<'_>) -> Result<Option<Person>> {
        Ok(load_person(ctx, Some(self.0.requester_user_id)).await?)
    }

    /// The advisor or staff member working the case.
    async fn assignee(&self, ctx: &Context<'_>) -> Result<Option<Person>> {
        Ok(load_person(ctx, self.0.assignee_user_id).await?)
    }

    async fn domain(&self, ctx: &Context<'_>) -> Result<TaxonomyTerm> {
        Ok(load_term(ctx, self.0.domain_term_id).await?)
    }

    async fn stage(&self, ctx: &Context<'_>) -> Result<TaxonomyTerm> {
        Ok(load_term(ctx, self.0.stage_term_id).await?)
    }

    async fn topics(&self, ctx: &Context<'_>) -> Result<Vec<TaxonomyTerm>> {
        let ids = ctx
            .loader::<TopicsByConsultationLoader>()?
            .load_one(ConsultationId(self.0.id))
            .await
            .map_err(ApiError::internal)?
            .unwrap_or_default();
        let terms = ctx
            .loader::<TermByIdLoader>()?
            .load_many(ids.iter().copied())
            .await
            .map_err(ApiError::internal)?;
        Ok(ids
            .iter()
            .filter_map(|id| terms.get(id).cloned())
            .map(TaxonomyTerm)
            .collect())
    }

    /// Send it back with every change: a change made on an older version is refused.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// The Japanese fiscal year it was filed in (April to March).
    async fn fiscal_year(&self) -> i32 {
        self.0.fiscal_year
    }

    async fn filed_at(&self) -> DateTime<Utc> {
        self.0.filed_at
    }

    /// When it entered its current desk's queue.
    async fn received_at(&self) -> DateTime<Utc> {
        self.0.received_at
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.closed_at
    }

    /// The first-response service level.
    async fn sla(&self, ctx: &Context<'_>) -> Result<Sla> {
        let app = ctx.app()?;
        Ok(Sla::of(app, &self.0, japan_date(Utc::now())).map_err(ApiError::internal)?)
    }

    /// The status changes the viewer may make now.
    async fn available_actions(&self, ctx: &Context<'_>) -> Result<Vec<ConsultationAction>> {
        let standing = standing_of(ctx, &self.0)?;
        Ok(workflow::available_actions(
            service::state_of(&self.0)?,
            standing,
        ))
    }

    /// What else the viewer may do with it.
    async fn permissions(&self, ctx: &Context<'_>) -> Result<ConsultationPermissions> {
        let standing = standing_of(ctx, &self.0)?;
        let open = self.0.status != ConsultationStatus::Closed.as_db();
        let received = self.0.status == ConsultationStatus::Received.as_db();
        let me = ctx.actor()?.viewer()?.user_id.0;
        let mine_or_nobodys = self.0.assignee_user_id.is_none_or(|id| id == me);
        Ok(ConsultationPermissions {
            update: open && standing.desk_member,
            assign: open && standing.desk_staff,
            take: open && standing.desk_member && !standing.desk_staff && mine_or_nobodys,
            message: open && (standing.assignee || standing.desk_staff),
            note: standing.desk_member,
            reply: open && standing.requester,
            refer: open && (standing.assignee || standing.desk_staff),
            reroute: received && standing.desk_staff,
        })
    }

    /// Messages between the desk and the requester, oldest first.
    #[graphql(complexity = 25)]
    async fn messages(&self, ctx: &Context<'_>) -> Result<Vec<ConsultationEvent>> {
        Ok(events(ctx, &self.0, true).await?)
    }

    /// Every event the viewer may see, oldest first: all of them for desk people, the
    /// requester's part for the requester.
    #[graphql(complexity = 25)]
    async fn timeline(&self, ctx: &Context<'_>) -> Result<Vec<ConsultationEvent>> {
        Ok(events(ctx, &self.0, false).await?)
    }

    /// Referrals to other desks, oldest first. Desk people only.
    #[graphql(complexity = 10)]
    async fn referrals(&self, ctx: &Context<'_>) -> Result<Vec<Referral>> {
        if !desk_side(ctx)? {
            return Ok(Vec::new());
        }
        let rows = referrals::of_consultation(&ctx.app()?.db, self.0.id).await?;
        Ok(rows.into_iter().map(Referral).collect())
    }

    /// The referral awaiting a decision, if any. Desk people only.
    async fn pending_referral(&self, ctx: &Context<'_>) -> Result<Option<Referral>> {
        if !desk_side(ctx)? {
            return Ok(None);
        }
        Ok(ctx
            .loader::<PendingReferralLoader>()?
            .load_one(ConsultationId(self.0.id))
            .await
            .map_err(ApiError::internal)?
            .map(Referral))
    }
}

fn status_label(
    ctx: &Context<'_>,
    status: ConsultationStatus,
    requester: bool,
) -> Result<String, ApiError> {
    let app = ctx.app()?;
    Ok(if requester {
        app.i18n
            .message(ctx.locale(), status.requester_label_id(), &Args::new())
    } else {
        status.label(&app.i18n, ctx.locale())
    })
}

async fn events(
    ctx: &Context<'_>,
    case: &consultations::Model,
    only_messages: bool,
) -> Result<Vec<ConsultationEvent>, ApiError> {
    let app = ctx.app()?;
    let requester_view = reads_as_requester(ctx, case)?;
    let rows = timeline::events(&app.db, case.id, requester_view, only_messages).await?;
    let names = Names::load(&app.db, &rows).await?;
    Ok(rows
        .into_iter()
        .map(|event| {
            let reading = timeline::read(&event, &names, &app.i18n, ctx.locale(), requester_view);
            let actor = event
                .actor_user_id
                .and_then(|id| names.user(id))
                .cloned()
                .map(Person);
            ConsultationEvent {
                event,
                reading,
                actor,
            }
        })
        .collect())
}

/// What the viewer may do with a consultation besides status changes.
#[derive(SimpleObject)]
pub struct ConsultationPermissions {
    /// Change priority, domain, stage and topics.
    pub update: bool,
    /// Assign anyone of the desk.
    pub assign: bool,
    /// Take the case (assign oneself) or give it back.
    pub take: bool,
    /// Write to the requester.
    pub message: bool,
    /// Add an internal note.
    pub note: bool,
    /// Answer the desk (the requester).
    pub reply: bool,
    /// Ask another desk to take the case over.
    pub refer: bool,
    /// Correct the automatic routing.
    pub reroute: bool,
}

/// A consultation's first-response service level.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Sla {
    /// The first response is due by the end of this day (Japan time).
    pub due_on: NaiveDate,
    pub state: SlaState,
    pub responded_at: Option<DateTime<Utc>>,
    /// Japanese business days from today to the due date (negative when overdue); only
    /// while a response is awaited.
    pub business_days_left: Option<i32>,
}

#[ComplexObject]
impl Sla {
    async fn state_label(&self, ctx: &Context<'_>) -> Result<String> {
        Ok(label(ctx, self.state)?)
    }
}

impl Sla {
    pub fn of(
        app: &AppState,
        case: &consultations::Model,
        today: NaiveDate,
    ) -> anyhow::Result<Sla> {
        let due = case.first_response_due_on;
        let (state, left) = match (case.first_responded_at, case.status.as_str()) {
            (Some(at), _) if japan_date(at) <= due => (SlaState::Met, None),
            (Some(_), _) => (SlaState::Missed, None),
            (None, "closed") => (SlaState::NotApplicable, None),
            (None, _) => {
                let left = app.calendar.business_days_between(today, due);
                let state = if today > due {
                    SlaState::Overdue
                } else if today == due {
                    SlaState::DueToday
                } else {
                    SlaState::OnTrack
                };
                (state, Some(i32::try_from(left).unwrap_or(i32::MIN)))
            }
        };
        Ok(Sla {
            due_on: due,
            state,
            responded_at: case.first_responded_at,
            business_days_left: left,
        })
    }
}

/// One change on a consultation's timeline.
pub struct ConsultationEvent {
    event: consultation_events::Model,
    reading: timeline::Reading,
    actor: Option<Person>,
}

#[Object]
impl ConsultationEvent {
    async fn id(&self) -> ID {
        ConsultationEventId(self.event.id).to_public()
    }

    async fn kind(&self) -> Result<EventKind> {
        Ok(EventKind::from_db(&self.event.kind).map_err(ApiError::internal)?)
    }

    async fn kind_label(&self, ctx: &Context<'_>) -> Result<String> {
        Ok(label(
            ctx,
            EventKind::from_db(&self.event.kind).map_err(ApiError::internal)?,
        )?)
    }

    async fn at(&self) -> DateTime<Utc> {
        self.event.created_at
    }

    /// Who did it; none for Bansō itself.
    async fn actor(&self) -> Option<&Person> {
        self.actor.as_ref()
    }

    /// Only desk people see it.
    async fn internal(&self) -> bool {
        self.event.audience == timeline::AUDIENCE_INTERNAL
    }

    /// What happened, in one sentence of the reader's language.
    async fn summary(&self) -> &str {
        &self.reading.summary
    }

    /// The text of a message, reply, note or reason.
    async fn body(&self) -> Option<&str> {
        self.event.body.as_deref()
    }

    /// Each changed value, before and after.
    async fn changes(&self) -> Vec<EventChange> {
        self.reading
            .changes
            .iter()
            .map(|change| EventChange {
                field: change.field.to_owned(),
                before: change.before.clone(),
                after: change.after.clone(),
            })
            .collect()
    }
}

/// A value an event changed, as the reader reads it.
#[derive(SimpleObject)]
pub struct EventChange {
    /// `status`, `assignee`, `priority`, `domain`, `stage`, `topics` or `desk`.
    pub field: String,
    pub before: String,
    pub after: String,
}

pub struct Referral(pub referral_rows::Model);

/// A hand-off of a consultation from one desk to another (連携).
#[Object]
impl Referral {
    async fn id(&self) -> ID {
        ReferralId(self.0.id).to_public()
    }

    async fn consultation(&self, ctx: &Context<'_>) -> Result<Consultation> {
        let case = ctx
            .loader::<ConsultationByIdLoader>()?
            .load_one(ConsultationId(self.0.consultation_id))
            .await
            .map_err(ApiError::internal)?
            .ok_or_else(ApiError::not_found)?;
        Ok(Consultation(case))
    }

    /// The desk that handed the consultation on.
    #[graphql(name = "fromDesk")]
    async fn source_desk(&self, ctx: &Context<'_>) -> Result<Desk> {
        Ok(load_desk(ctx, self.0.from_desk_id).await?)
    }

    async fn to_desk(&self, ctx: &Context<'_>) -> Result<Desk> {
        Ok(load_desk(ctx, self.0.to_desk_id).await?)
    }

    async fn status(&self) -> Result<ReferralStatus> {
        Ok(ReferralStatus::from_db(&self.0.status).map_err(ApiError::internal)?)
    }

    async fn status_label(&self, ctx: &Context<'_>) -> Result<String> {
        Ok(label(
            ctx,
            ReferralStatus::from_db(&self.0.status).map_err(ApiError::internal)?,
        )?)
    }

    async fn reason(&self) -> &str {
        &self.0.reason
    }

    async fn requested_by(&self, ctx: &Context<'_>) -> Result<Option<Person>> {
        Ok(load_person(ctx, self.0.requested_by_user_id).await?)
    }

    async fn requested_at(&self) -> DateTime<Utc> {
        self.0.requested_at
    }

    async fn decided_by(&self, ctx: &Context<'_>) -> Result<Option<Person>> {
        Ok(load_person(ctx, self.0.decided_by_user_id).await?)
    }

    async fn decided_at(&self) -> Option<DateTime<Utc>> {
        self.0.decided_at
    }

    /// Why it was declined.
    async fn decision_note(&self) -> Option<&str> {
        self.0.decision_note.as_deref()
    }

    /// Whether the viewer may accept or decline it now.
    async fn can_decide(&self, ctx: &Context<'_>) -> Result<bool> {
        let viewer = ctx.actor()?.viewer()?;
        let pending = self.0.status == ReferralStatus::Requested.as_db();
        Ok(pending
            && (viewer.role == Role::Admin
                || (viewer.role == Role::Staff
                    && viewer.desk_ids.iter().any(|d| d.0 == self.0.to_desk_id))))
    }
}

/// A queue's figures beyond the page.
pub struct QueueFacts {
    total_count: u64,
    filter: QueueFilter,
    today: NaiveDate,
}

#[Object]
impl QueueFacts {
    /// How many consultations match, over all pages.
    async fn total_count(&self) -> u64 {
        self.total_count
    }

    /// How many match in each status, whatever the status filter.
    async fn status_counts(&self, ctx: &Context<'_>) -> Result<Vec<StatusCount>> {
        let app = ctx.app()?;
        let actor = ctx.actor()?;
        let requester = actor.viewer()?.role == Role::Requester;
        let counts = queue::status_counts(&app.db, actor, &self.filter, self.today).await?;
        counts
            .into_iter()
            .map(|(status, count)| {
                Ok(StatusCount {
                    status,
                    label: status_label(ctx, status, requester)?,
                    count,
                })
            })
            .collect()
    }

    /// How many match and are overdue.
    async fn overdue_count(&self, ctx: &Context<'_>) -> Result<u64> {
        let app = ctx.app()?;
        Ok(queue::overdue_count(&app.db, ctx.actor()?, &self.filter, self.today).await?)
    }
}

#[derive(SimpleObject)]
pub struct StatusCount {
    pub status: ConsultationStatus,
    /// The status in the reader's language.
    pub label: String,
    pub count: u64,
}

/// Referrals asked between two desks in a period, and what became of them.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct ReferralCount {
    #[graphql(skip)]
    from_desk_id: i64,
    #[graphql(skip)]
    to_desk_id: i64,
    pub requested: u64,
    pub accepted: u64,
    pub declined: u64,
    /// Still awaiting a decision.
    pub pending: u64,
}

#[ComplexObject]
impl ReferralCount {
    /// The desk that handed the consultation on.
    #[graphql(name = "fromDesk")]
    async fn source_desk(&self, ctx: &Context<'_>) -> Result<Desk> {
        Ok(load_desk(ctx, self.from_desk_id).await?)
    }

    async fn to_desk(&self, ctx: &Context<'_>) -> Result<Desk> {
        Ok(load_desk(ctx, self.to_desk_id).await?)
    }
}

#[derive(InputObject, Default)]
pub struct ConsultationFilter {
    pub desk_id: Option<ID>,
    pub statuses: Option<Vec<ConsultationStatus>>,
    pub priorities: Option<Vec<Priority>>,
    pub kind: Option<ConsultationKind>,
    pub domain_id: Option<ID>,
    pub stage_id: Option<ID>,
    pub topic_id: Option<ID>,
    pub assignee_id: Option<ID>,
    /// Only cases nobody is assigned to.
    pub unassigned: Option<bool>,
    /// Only open cases not answered by their due date.
    pub overdue: Option<bool>,
    pub overseas: Option<bool>,
    /// The language the requester asked to be answered in.
    pub language: Option<Locale>,
    pub confidentiality: Option<Confidentiality>,
    /// Part of the reference number, title or description.
    pub query: Option<String>,
}

impl ConsultationFilter {
    fn read(self) -> Result<QueueFilter, ApiError> {
        let term = |id: Option<ID>| id.as_ref().map(TaxonomyTermId::from_public).transpose();
        Ok(QueueFilter {
            desk_id: self.desk_id.as_ref().map(DeskId::from_public).transpose()?,
            statuses: self.statuses.unwrap_or_default(),
            priorities: self.priorities.unwrap_or_default(),
            kind: self.kind,
            domain_id: term(self.domain_id)?,
            stage_id: term(self.stage_id)?,
            topic_id: term(self.topic_id)?,
            assignee_id: self
                .assignee_id
                .as_ref()
                .map(UserId::from_public)
                .transpose()?,
            unassigned: self.unassigned.unwrap_or(false),
            overdue: self.overdue.unwrap_or(false),
            overseas: self.overseas,
            language: self.language,
            confidentiality: self.confidentiality,
            query: self.query,
        })
    }
}

#[derive(InputObject)]
pub struct ReferralFilter {
    /// One of the viewer's desks (any desk for admins).
    pub desk_id: Option<ID>,
    pub direction: Option<ReferralDirection>,
    pub status: Option<ReferralStatus>,
}

#[derive(Default)]
pub struct ConsultationsQuery;

#[Object]
impl ConsultationsQuery {
    /// One consultation the viewer may see; `NOT_FOUND` otherwise, whether or not it exists.
    async fn consultation(&self, ctx: &Context<'_>, id: ID) -> Result<Consultation> {
        let id = ConsultationId::from_public(&id)?;
        Ok(Consultation(
            service::get(ctx.app()?, ctx.actor()?, id).await?,
        ))
    }

    /// The consultations the viewer may see: their organisation's for requesters, their
    /// desks' queues for advisors and staff, everything for admins.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn consultations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<ConsultationFilter>,
        #[graphql(default)] order_by: QueueOrder,
    ) -> Result<Connection<String, Consultation, QueueFacts, EmptyFields>> {
        let app = ctx.app()?;
        let actor = ctx.actor()?;
        let filter = filter.unwrap_or_default().read()?;
        let today = japan_date(Utc::now());
        let page = queue::list(
            &app.db,
            &app.settings.graphql,
            actor,
            &filter,
            order_by,
            Window {
                first,
                after: after.as_deref(),
            },
            today,
        )
        .await?;
        let mut connection = Connection::with_additional_fields(
            page.has_previous_page,
            page.has_next_page,
            QueueFacts {
                total_count: page.total_count,
                filter,
                today,
            },
        );
        connection.edges.extend(
            page.items
                .into_iter()
                .map(|(cursor, case)| Edge::new(cursor, Consultation(case))),
        );
        Ok(connection)
    }

    /// Referrals to or from the viewer's desks, oldest first. Staff and admins.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn referrals(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<ReferralFilter>,
    ) -> Result<Connection<String, Referral, TotalCount>> {
        let app = ctx.app()?;
        let page = PageArgs::parse(first, after.as_deref(), &app.settings.graphql)?;
        let filter = match filter {
            Some(filter) => ReferralQuery {
                desk_id: filter
                    .desk_id
                    .as_ref()
                    .map(DeskId::from_public)
                    .transpose()?,
                direction: filter.direction,
                status: filter.status,
            },
            None => ReferralQuery::default(),
        };
        let rows = referrals::list(app, ctx.actor()?, filter, page).await?;
        Ok(connection(rows, Referral))
    }

    /// Referrals asked between desks from one date to another (Japan dates, both included),
    /// per pair of desks. Staff see their desks' pairs; admins every pair.
    async fn referral_summary(
        &self,
        ctx: &Context<'_>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<ReferralCount>> {
        let counts = referrals::summary(ctx.app()?, ctx.actor()?, from, to).await?;
        Ok(counts
            .into_iter()
            .map(|count| ReferralCount {
                from_desk_id: count.from_desk_id,
                to_desk_id: count.to_desk_id,
                requested: count.requested,
                accepted: count.accepted,
                declined: count.declined,
                pending: count.pending,
            })
            .collect())
    }
}

#[derive(InputObject)]
pub struct FileConsultationInput {
    #[graphql(default_with = "ConsultationKind::Consultation")]
    pub kind: ConsultationKind,
    pub title: String,
    pub description: String,
    pub domain_id: ID,
    pub stage_id: ID,
    #[graphql(default)]
    pub topic_ids: Vec<ID>,
    /// The language the desk should answer in.
    pub preferred_locale: Locale,
    /// Based outside Japan; by default, whether the organisation's country is not Japan.
    pub overseas: Option<bool>,
    #[graphql(default_with = "Confidentiality::Standard")]
    pub confidentiality: Confidentiality,
    /// What introduced third parties may see; nothing by default.
    #[graphql(default)]
    pub shared_fields: Vec<SharedField>,
    /// The organisation's 13-digit corporate number (法人番号), if it has one.
    pub corporate_number: Option<String>,
    /// Companies the requester competes with (at most 10): VCs invested in one are not
    /// suggested.
    #[graphql(default)]
    pub competitors: Vec<String>,
}

#[derive(InputObject)]
pub struct UpdateConsultationInput {
    pub id: ID,
    /// The version the change was made on.
    pub version: i32,
    pub priority: Option<Priority>,
    pub domain_id: Option<ID>,
    pub stage_id: Option<ID>,
    pub topic_ids: Option<Vec<ID>>,
}

#[derive(InputObject)]
pub struct AssignConsultationInput {
    pub id: ID,
    pub version: i32,
    /// An advisor or staff member of the desk; null to unassign.
    pub assignee_id: Option<ID>,
}

#[derive(InputObject)]
pub struct TransitionConsultationInput {
    pub id: ID,
    pub version: i32,
    pub action: ConsultationAction,
    /// Required when closing.
    pub resolution: Option<Resolution>,
    /// To the requester with the change (required when asking them for information); a
    /// requester's reason for withdrawing.
    pub message: Option<String>,
}

#[derive(InputObject)]
pub struct PostConsultationMessageInput {
    pub consultation_id: ID,
    pub body: String,
    /// An internal note for desk people, not a message to the requester.
    #[graphql(default)]
    pub internal: bool,
}

#[derive(InputObject)]
pub struct RerouteConsultationInput {
    pub id: ID,
    pub version: i32,
    pub desk_id: ID,
    pub reason: String,
}

#[derive(InputObject)]
pub struct RequestReferralInput {
    pub consultation_id: ID,
    pub version: i32,
    pub to_desk_id: ID,
    pub reason: String,
}

#[derive(InputObject)]
pub struct DeclineReferralInput {
    pub id: ID,
    pub reason: String,
}

/// Reads a public id given in an input field; a malformed one is that field's error.
fn id_in<T>(
    id: &ID,
    field: &str,
    read: impl Fn(&ID) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    read(id).map_err(|_| FieldError::new(field, ErrorCode::InvalidId).into())
}

fn term(id: &ID, field: &str) -> Result<TaxonomyTermId, ApiError> {
    id_in(id, field, TaxonomyTermId::from_public)
}

fn terms(ids: &[ID], field: &str) -> Result<Vec<TaxonomyTermId>, ApiError> {
    ids.iter().map(|id| term(id, field)).collect()
}

fn actor<'a>(ctx: &'a Context<'_>) -> Result<(&'a AppState, &'a Actor), ApiError> {
    Ok((ctx.app()?, ctx.actor()?))
}

#[derive(Default)]
pub struct ConsultationsMutation;

#[Object]
impl ConsultationsMutation {
    /// A requester files a consultation for their organisation. It is routed to a desk by
    /// its domain and acknowledged by email.
    async fn file_consultation(
        &self,
        ctx: &Context<'_>,
        input: FileConsultationInput,
    ) -> Result<Consultation> {
        let (app, actor) = actor(ctx)?;
        let input = NewConsultation {
            kind: input.kind,
            title: input.title,
            description: input.description,
            domain_id: term(&input.domain_id, "domainId")?,
            stage_id: term(&input.stage_id, "stageId")?,
            topic_ids: terms(&input.topic_ids, "topicIds")?,
            preferred_locale: input.preferred_locale,
            overseas: input.overseas,
            confidentiality: input.confidentiality,
            shared_fields: input.shared_fields,
            corporate_number: input.corporate_number,
            competitors: input.competitors,
        };
        Ok(Consultation(
            service::file(app, actor, input, Occasion::now()).await?,
        ))
    }

    /// Advisors and staff of the desk set priority, domain, stage and topics.
    async fn update_consultation(
        &self,
        ctx: &Context<'_>,
        input: UpdateConsultationInput,
    ) -> Result<Consultation> {
        let (app, actor) = actor(ctx)?;
        let id = ConsultationId::from_public(&input.id)?;
        let changes = Changes {
            priority: input.priority,
            domain_id: input
                .domain_id
                .as_ref()
                .map(|id| term(id, "domainId"))
                .transpose()?,
            stage_id: input
                .stage_id
                .as_ref()
                .map(|id| term(id, "stageId"))
                .transpose()?,
            topic_ids: input
                .topic_ids
                .as_deref()
                .map(|ids| terms(ids, "topicIds"))
                .transpose()?,
        };
        Ok(Consultation(
            service::update(app, actor, id, input.version, changes, Occasion::now()).await?,
        ))
    }

    /// Staff assign an advisor or staff member of the desk; an advisor may take an
    /// unassigned case or give back their own.
    async fn assign_consultation(
        &self,
        ctx: &Context<'_>,
        input: AssignConsultationInput,
    ) -> Result<Consultation> {
        let (app, actor) = actor(ctx)?;
        let id = ConsultationId::from_public(&input.id)?;
        let assignee = input
            .assignee_id
            .as_ref()
            .map(|id| {
                UserId::from_public(id).map_err(|_| {
                    ApiError::from(FieldError::new("assigneeId", ErrorCode::InvalidId))
                })
            })
            .transpose()?;
        Ok(Consultation(
            service::assign(app, actor, id, input.version, assignee, Occasion::now()).await?,
        ))
    }

    /// Moves a consultation through its workflow: triage, start, wait for the requester,
    /// resume, close, withdraw (the requester) or reopen (staff).
    async fn transition_consultation(
        &self,
        ctx: &Context<'_>,
        input: TransitionConsultationInput,
    ) -> Result<Consultation> {
        let (app, actor) = actor(ctx)?;
        let id = ConsultationId::from_public(&input.id)?;
        let step = Step {
            action: input.action,
            resolution: input.resolution,
            message: input.message,
        };
        Ok(Consultation(
            service::transition(app, actor, id, input.version, step, Occasion::now()).await?,
        ))
    }

    /// A message to the requester, an internal note, or the requester's reply.
    async fn post_consultation_message(
        &self,
        ctx: &Context<'_>,
        input: PostConsultationMessageInput,
    ) -> Result<Consultation> {
        let (app, actor) = actor(ctx)?;
        let id = ConsultationId::from_public(&input.consultation_id)?;
        Ok(Consultation(
            service::post_message(app, actor, id, &input.body, input.internal, Occasion::now())
                .await?,
        ))
    }

    /// Staff move a consultation nobody has triaged yet to the right desk.
    async fn reroute_consultation(
        &self,
        ctx: &Context<'_>,
        input: RerouteConsultationInput,
    ) -> Result<Consultation> {
        let (app, actor) = actor(ctx)?;
        let id = ConsultationId::from_public(&input.id)?;
        let desk = id_in(&input.desk_id, "deskId", DeskId::from_public)?;
        Ok(Consultation(
            service::reroute(
                app,
                actor,
                id,
                input.version,
                desk,
                &input.reason,
                Occasion::now(),
            )
            .await?,
        ))
    }

    /// The assignee or the desk's staff ask another desk to take a consultation over.
    async fn request_referral(
        &self,
        ctx: &Context<'_>,
        input: RequestReferralInput,
    ) -> Result<Referral> {
        let (app, actor) = actor(ctx)?;
        let id = ConsultationId::from_public(&input.consultation_id)?;
        let desk = id_in(&input.to_desk_id, "toDeskId", DeskId::from_public)?;
        Ok(Referral(
            referrals::request(
                app,
                actor,
                id,
                input.version,
                desk,
                &input.reason,
                Occasion::now(),
            )
            .await?,
        ))
    }

    /// The target desk's staff take the consultation over.
    async fn accept_referral(&self, ctx: &Context<'_>, id: ID) -> Result<Referral> {
        let (app, actor) = actor(ctx)?;
        let id = ReferralId::from_public(&id)?;
        Ok(Referral(
            referrals::accept(app, actor, id, Occasion::now()).await?,
        ))
    }

    /// The target desk's staff decline, saying why.
    async fn decline_referral(
        &self,
        ctx: &Context<'_>,
        input: DeclineReferralInput,
    ) -> Result<Referral> {
        let (app, actor) = actor(ctx)?;
        let id = ReferralId::from_public(&input.id)?;
        Ok(Referral(
            referrals::decline(app, actor, id, &input.reason, Occasion::now()).await?,
        ))
    }
}
