//! Introductions in GraphQL. Each party reads its own view of one introduction: the desk
//! reads everything; the requester reads who it is to and why; the target reads only what
//! the requester consented to share, never the consultation itself.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{
    Adopter, IntroductionChannel, IntroductionStatus, IntroductionStep, InvestmentRound,
    OutcomeType,
    service::{self, Answer, Bilingual, Investment, Loaded, Outcome, Proposal},
};
use crate::{
    consultations::{SharedField, graphql::Consultation, service::Occasion},
    directory::{DirectoryKind, graphql::DirectoryEntry},
    entity::investments,
    error::{ApiError, ErrorCode, FieldError},
    graphql::{ContextExt, scalars::Yen},
    i18n::Locale,
    ids::{ConsultationId, DirectoryEntryId, IntroductionId},
    labels::Labelled,
    pagination::{PageArgs, encode_cursor},
};

/// An introduction of a consultation to an advisor, supporter organisation or VC, as the
/// reader may see it.
pub struct Introduction(pub Loaded);

impl Introduction {
    fn row(&self) -> &crate::entity::introductions::Model {
        &self.0.introduction
    }

    /// The desk and the requester read about the consultation; the target does not.
    fn insider(&self) -> bool {
        self.0.parties.desk || self.0.parties.requester
    }
}

fn bilingual(locale: Locale, value: &Bilingual) -> String {
    match locale {
        Locale::En => value.en.clone(),
        Locale::Ja => value.ja.clone(),
    }
}

#[Object]
impl Introduction {
    async fn id(&self) -> ID {
        IntroductionId(self.row().id).to_public()
    }

    async fn status(&self) -> IntroductionStatus {
        self.0.status()
    }

    /// The status in the reader's language.
    async fn status_label(&self, ctx: &Context<'_>) -> Result<String> {
        Ok(self.0.status().label(&ctx.app()?.i18n, ctx.locale()))
    }

    async fn channel(&self) -> Result<IntroductionChannel> {
        Ok(IntroductionChannel::from_db(&self.row().channel).map_err(ApiError::internal)?)
    }

    async fn target_kind(&self) -> Result<DirectoryKind> {
        Ok(DirectoryKind::from_db(&self.row().target_kind).map_err(ApiError::internal)?)
    }

    /// Who is introduced, in the reader's language.
    async fn target_name(&self, ctx: &Context<'_>) -> String {
        match ctx.locale() {
            Locale::En => self.0.entry.name_en.clone(),
            Locale::Ja => self.0.entry.name_ja.clone(),
        }
    }

    /// The directory entry introduced (for the desk).
    async fn target(&self) -> Option<DirectoryEntry> {
        self.0
            .parties
            .desk
            .then(|| DirectoryEntry(self.0.entry.clone()))
    }

    /// The consultation (for the desk and the requester; never for the target).
    async fn consultation(&self) -> Option<Consultation> {
        self.insider().then(|| Consultation(self.0.case.clone()))
    }

    /// Why the desk proposes it, addressed to the requester.
    async fn message(&self) -> Option<&str> {
        self.insider().then_some(self.row().message.as_str())
    }

    /// The fields the desk proposed to share.
    async fn proposed_fields(&self) -> Result<Vec<SharedField>> {
        if !self.insider() {
            return Ok(Vec::new());
        }
        Ok(SharedField::list_from_db(&self.row().proposed_fields).map_err(ApiError::internal)?)
    }

    /// The fields the requester consented to share.
    async fn shared_fields(&self) -> Result<Vec<SharedField>> {
        Ok(SharedField::list_from_db(&self.row().shared_fields).map_err(ApiError::internal)?)
    }

    /// What the target may read: the consented fields as they were at consent. Empty until
    /// the requester consented.
    async fn shared(&self) -> Option<SharedConsultation> {
        service::shared_of(self.row()).map(SharedConsultation)
    }

    async fn proposed_at(&self) -> Option<DateTime<Utc>> {
        self.insider().then_some(self.row().proposed_at)
    }

    async fn consent_requested_at(&self) -> Option<DateTime<Utc>> {
        self.row().consent_requested_at
    }

    async fn consented_at(&self) -> Option<DateTime<Utc>> {
        self.row().consented_at
    }

    async fn sent_at(&self) -> Option<DateTime<Utc>> {
        self.row().sent_at
    }

    async fn answered_at(&self) -> Option<DateTime<Utc>> {
        self.row().answered_at
    }

    /// What the target (or the requester, declining consent) wrote with their answer.
    async fn answer_note(&self) -> Option<&str> {
        self.row().answer_note.as_deref()
    }

    /// When the introduction expires if whoever must answer now has not.
    async fn answer_due_at(&self) -> Option<DateTime<Utc>> {
        self.row().answer_due_at
    }

    async fn meeting_held_on(&self) -> Option<NaiveDate> {
        self.row().meeting_held_on
    }

    /// What the match led to (for the desk and the requester).
    async fn outcome(&self, ctx: &Context<'_>) -> Result<Option<IntroductionOutcome>> {
        let row = self.row();
        let Some(outcome) = row.outcome.as_deref().filter(|_| self.insider()) else {
            return Ok(None);
        };
        let investment = investments::Entity::find()
            .filter(investments::Column::IntroductionId.eq(row.id))
            .one(&ctx.app()?.db)
            .await
            .map_err(ApiError::from)?;
        Ok(Some(IntroductionOutcome {
            investment: investment
                .map(|i| -> Result<RecordedInvestment, ApiError> {
                    Ok(RecordedInvestment {
                        amount: ctx.app()?.i18n.formatter(ctx.locale()).yen(i.amount_yen),
                        amount_yen: Yen(i.amount_yen),
                        round: InvestmentRound::from_db(&i.round).map_err(ApiError::internal)?,
                        invested_on: i.invested_on,
                    })
                })
                .transpose()?,
            kind: OutcomeType::from_db(outcome).map_err(ApiError::internal)?,
            adopter: row
                .adopter
                .as_deref()
                .map(Adopter::from_db)
                .transpose()
                .map_err(ApiError::internal)?,
            note: row.outcome_note.clone(),
        }))
    }

    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.row().closed_at
    }

    /// For optimistic concurrency: pass it back with the next step.
    async fn version(&self) -> i32 {
        self.row().version
    }

    /// The steps the reader may take now.
    async fn steps(&self) -> Vec<IntroductionStep> {
        self.0.parties.steps(self.0.status())
    }
}

/// What a match led to.
#[derive(SimpleObject)]
pub struct IntroductionOutcome {
    #[graphql(name = "type")]
    pub kind: OutcomeType,
    pub adopter: Option<Adopter>,
    /// For an investment: as recorded among the startup's confirmed private investments.
    pub investment: Option<RecordedInvestment>,
    pub note: Option<String>,
}

/// A confirmed private investment.
#[derive(SimpleObject)]
pub struct RecordedInvestment {
    pub amount_yen: Yen,
    /// The amount as the reader writes yen (¥150,000,000 / 150,000,000円).
    pub amount: String,
    pub round: InvestmentRound,
    pub invested_on: NaiveDate,
}

/// The consultation's fields the requester consented to share, in the reader's language.
/// A field not shared is null.
pub struct SharedConsultation(service::Shared);

#[Object]
impl SharedConsultation {
    async fn organisation_name(&self) -> Option<&str> {
        self.0.organisation_name.as_deref()
    }

    async fn title(&self) -> Option<&str> {
        self.0.title.as_deref()
    }

    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }

    async fn domain(&self, ctx: &Context<'_>) -> Option<String> {
        self.0.domain.as_ref().map(|d| bilingual(ctx.locale(), d))
    }

    async fn stage(&self, ctx: &Context<'_>) -> Option<String> {
        self.0.stage.as_ref().map(|d| bilingual(ctx.locale(), d))
    }

    async fn topics(&self, ctx: &Context<'_>) -> Option<Vec<String>> {
        self.0
            .topics
            .as_ref()
            .map(|topics| topics.iter().map(|t| bilingual(ctx.locale(), t)).collect())
    }

    async fn contact_name(&self) -> Option<&str> {
        self.0.contact_name.as_deref()
    }

    async fn contact_email(&self) -> Option<&str> {
        self.0.contact_email.as_deref()
    }
}

#[derive(SimpleObject)]
pub struct IntroductionEdge {
    pub cursor: String,
    pub node: Introduction,
}

#[derive(SimpleObject)]
pub struct IntroductionConnection {
    pub edges: Vec<IntroductionEdge>,
    pub has_next_page: bool,
    pub total_count: i64,
}

#[derive(InputObject)]
pub struct ProposeIntroductionInput {
    pub consultation_id: ID,
    /// An advisor, supporter organisation or VC from the directory.
    pub entry_id: ID,
    pub channel: IntroductionChannel,
    /// To the requester: why this introduction.
    #[graphql(default)]
    pub message: String,
    /// The fields the desk suggests sharing; the requester decides.
    pub fields: Vec<SharedField>,
}

#[derive(InputObject)]
pub struct InvestmentInput {
    pub amount_yen: Yen,
    pub round: InvestmentRound,
    pub invested_on: NaiveDate,
}

#[derive(InputObject)]
pub struct IntroductionOutcomeInput {
    /// Whether a match was established.
    pub matched: bool,
    /// Required for a match: what it led to.
    #[graphql(name = "type")]
    pub kind: Option<OutcomeType>,
    /// For an adoption: who adopted.
    pub adopter: Option<Adopter>,
    /// For an investment: amount, round and date.
    pub investment: Option<InvestmentInput>,
    #[graphql(default)]
    pub note: String,
}

#[derive(Default)]
pub struct IntroductionsQuery;

#[Object]
impl IntroductionsQuery {
    /// One introduction, as the reader may see it.
    async fn introduction(&self, ctx: &Context<'_>, id: ID) -> Result<Introduction> {
        let id = IntroductionId::from_public(&id)?;
        let loaded = service::load(&ctx.app()?.db, ctx.actor()?, id).await?;
        Ok(Introduction(loaded))
    }

    /// The introduction behind the link emailed to its target (no sign-in needed): only
    /// what the requester consented to share.
    async fn introduction_by_token(
        &self,
        ctx: &Context<'_>,
        token: String,
    ) -> Result<Introduction> {
        let loaded = service::load_by_token(&ctx.app()?.db, &token).await?;
        Ok(Introduction(loaded))
    }

    /// The introductions of a consultation the reader may see, oldest first.
    async fn consultation_introductions(
        &self,
        ctx: &Context<'_>,
        consultation_id: ID,
    ) -> Result<Vec<Introduction>> {
        let id = ConsultationId::from_public(&consultation_id)?;
        let found = service::of_consultation(ctx.app()?, ctx.actor()?, id).await?;
        Ok(found.into_iter().map(Introduction).collect())
    }

    /// Introductions addressed to the reader (an advisor) or their organisation (supporter
    /// and VC members) once sent, oldest first.
    async fn my_introductions(
        &self,
        ctx: &Context<'_>,
        status: Option<IntroductionStatus>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<IntroductionConnection> {
        let state = ctx.app()?;
        let page = PageArgs::parse(first, after.as_deref(), &state.settings.graphql)?;
        let page = service::addressed_to_me(state, ctx.actor()?, status, page).await?;
        Ok(IntroductionConnection {
            has_next_page: page.has_next_page,
            total_count: i64::try_from(page.total_count).unwrap_or(i64::MAX),
            edges: page
                .items
                .into_iter()
                .map(|(id, loaded)| IntroductionEdge {
                    cursor: encode_cursor(id),
                    node: Introduction(loaded),
                })
                .collect(),
        })
    }
}

#[derive(Default)]
pub struct IntroductionsMutation;

#[Object]
impl IntroductionsMutation {
    /// The desk proposes introducing a consultation to an advisor, supporter organisation
    /// or VC. Refused with `INTRODUCTION_NOT_ELIGIBLE` for anyone a suggestion would leave
    /// out, `INTRODUCTION_EXISTS` while one to them is in progress.
    async fn propose_introduction(
        &self,
        ctx: &Context<'_>,
        input: ProposeIntroductionInput,
    ) -> Result<Introduction> {
        let proposal = Proposal {
            consultation: ConsultationId::from_public(&input.consultation_id)?,
            entry: DirectoryEntryId::from_public(&input.entry_id)?,
            channel: input.channel,
            message: input.message,
            fields: input.fields,
        };
        let (state, actor) = (ctx.app()?, ctx.actor()?);
        let row = service::propose(state, actor, proposal, Occasion::now()).await?;
        reload(ctx, row.id).await
    }

    /// The desk asks the requester to consent (by email).
    async fn request_introduction_consent(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
    ) -> Result<Introduction> {
        let id = IntroductionId::from_public(&id)?;
        service::request_consent(ctx.app()?, ctx.actor()?, id, version, Occasion::now()).await?;
        reload(ctx, id.0).await
    }

    /// The requester consents and chooses the fields the target may read.
    async fn consent_to_introduction(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        fields: Vec<SharedField>,
    ) -> Result<Introduction> {
        let id = IntroductionId::from_public(&id)?;
        service::consent(
            ctx.app()?,
            ctx.actor()?,
            id,
            version,
            fields,
            Occasion::now(),
        )
        .await?;
        reload(ctx, id.0).await
    }

    /// The requester does not consent; the introduction is withdrawn.
    async fn decline_introduction_consent(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        #[graphql(default)] reason: String,
    ) -> Result<Introduction> {
        let id = IntroductionId::from_public(&id)?;
        let (state, actor) = (ctx.app()?, ctx.actor()?);
        service::decline_consent(state, actor, id, version, &reason, Occasion::now()).await?;
        reload(ctx, id.0).await
    }

    /// The desk withdraws an introduction not yet sent, saying why.
    async fn withdraw_introduction(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        reason: String,
    ) -> Result<Introduction> {
        let id = IntroductionId::from_public(&id)?;
        let (state, actor) = (ctx.app()?, ctx.actor()?);
        service::withdraw(state, actor, id, version, &reason, Occasion::now()).await?;
        reload(ctx, id.0).await
    }

    /// The desk sends a consented introduction to its target (by email, with a link to
    /// answer).
    async fn send_introduction(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
    ) -> Result<Introduction> {
        let id = IntroductionId::from_public(&id)?;
        service::send(ctx.app()?, ctx.actor()?, id, version, Occasion::now()).await?;
        reload(ctx, id.0).await
    }

    /// The target accepts or declines (desk staff may record their answer for them).
    async fn answer_introduction(
        &self,
        ctx: &Context<'_>,
        id: ID,
        accept: bool,
        #[graphql(default)] note: String,
    ) -> Result<Introduction> {
        let id = IntroductionId::from_public(&id)?;
        let answer = Answer::accepting(accept);
        let (state, actor) = (ctx.app()?, ctx.actor()?);
        service::answer(state, actor, id, answer, &note, Occasion::now()).await?;
        reload(ctx, id.0).await
    }

    /// The target answers through the link in their email (no sign-in needed).
    async fn answer_introduction_by_token(
        &self,
        ctx: &Context<'_>,
        token: String,
        accept: bool,
        #[graphql(default)] note: String,
    ) -> Result<Introduction> {
        let answer = Answer::accepting(accept);
        let state = ctx.app()?;
        service::answer_by_token(state, &token, answer, &note, Occasion::now()).await?;
        Ok(Introduction(
            service::load_by_token(&state.db, &token).await?,
        ))
    }

    /// The desk records that the parties met.
    async fn record_introduction_meeting(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        held_on: NaiveDate,
    ) -> Result<Introduction> {
        let id = IntroductionId::from_public(&id)?;
        let (state, actor) = (ctx.app()?, ctx.actor()?);
        service::record_meeting(state, actor, id, version, held_on, Occasion::now()).await?;
        reload(ctx, id.0).await
    }

    /// The desk records what came of the introduction: a match of a type, or none. An
    /// investment counts as confirmed private investment in the startup.
    async fn record_introduction_outcome(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        input: IntroductionOutcomeInput,
    ) -> Result<Introduction> {
        let id = IntroductionId::from_public(&id)?;
        let matched = if input.matched {
            Some(
                input
                    .kind
                    .ok_or_else(|| ApiError::from(FieldError::new("type", ErrorCode::Required)))?,
            )
        } else {
            None
        };
        let outcome = Outcome {
            matched,
            adopter: input.adopter,
            investment: input.investment.map(|i| Investment {
                amount_yen: i.amount_yen.0,
                round: i.round,
                invested_on: i.invested_on,
            }),
            note: input.note,
        };
        let (state, actor) = (ctx.app()?, ctx.actor()?);
        service::record_outcome(state, actor, id, version, outcome, Occasion::now()).await?;
        reload(ctx, id.0).await
    }
}

async fn reload(ctx: &Context<'_>, id: i64) -> Result<Introduction> {
    let loaded = service::load(&ctx.app()?.db, ctx.actor()?, IntroductionId(id)).await?;
    Ok(Introduction(loaded))
}
