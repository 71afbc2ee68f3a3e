//! The Healthtech Challenge in GraphQL: programmes (calls), applications with their
//! milestone plans, reviews, awards, milestones and their tranches, and the budget.

use async_graphql::{Context, Enum, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{
    ApplicationStatus, AwardStatus, DisbursementStatus, GrantTheme, MilestoneStatus, MilestoneStep,
    Recommendation, ledger,
    service::{self, Loaded},
};
use crate::{
    calendar::japan_date,
    consultations::service::Occasion,
    db,
    entity::{
        grant_awards, grant_criteria, grant_disbursements, grant_milestones, grant_programmes,
        grant_reviews, organisations, users,
    },
    error::ApiError,
    graphql::{ContextExt, scalars::Yen},
    ids::{
        DeskId, GrantApplicationId, GrantCriterionId, GrantMilestoneId, GrantProgrammeId,
        OrganisationId, UserId,
    },
    introductions::{InvestmentRound, graphql::RecordedInvestment},
    labels::Labelled,
    pagination::{PageArgs, encode_cursor},
};

fn label(ctx: &Context<'_>, value: &impl Labelled) -> Result<String> {
    Ok(value.label(&ctx.app()?.i18n, ctx.locale()))
}

/// A value of an enum with its label in the reader's language.
#[derive(SimpleObject)]
pub struct ThemeOption {
    pub value: GrantTheme,
    pub label: String,
}

/// A Healthtech Challenge call for applications.
pub struct GrantProgramme(pub grant_programmes::Model);

impl GrantProgramme {
    fn manages(&self, ctx: &Context<'_>) -> bool {
        ctx.actor()
            .ok()
            .and_then(|actor| actor.viewer().ok())
            .is_some_and(|viewer| service::manages(viewer, &self.0))
    }
}

#[Object]
impl GrantProgramme {
    async fn id(&self) -> ID {
        GrantProgrammeId(self.0.id).to_public()
    }

    async fn desk_id(&self) -> ID {
        DeskId(self.0.desk_id).to_public()
    }

    /// The desk that runs the programme, in the reader's language.
    async fn desk_name(&self, ctx: &Context<'_>) -> Result<String> {
        let desk = crate::consultations::service::desk_of(&ctx.app()?.db, self.0.desk_id).await?;
        Ok(ctx.locale().pick(&desk.name_en, &desk.name_ja).to_owned())
    }

    /// The Japanese fiscal year (April to March) the programme belongs to.
    async fn fiscal_year(&self) -> i32 {
        self.0.fiscal_year
    }

    /// `FY2026` / `2026年度`.
    async fn fiscal_year_label(&self, ctx: &Context<'_>) -> Result<String> {
        let args = crate::i18n::Args::new().text("year", self.0.fiscal_year.to_string());
        Ok(ctx
            .app()?
            .i18n
            .message(ctx.locale(), "grant-fiscal-year", &args))
    }

    /// The name in the reader's language.
    async fn name(&self, ctx: &Context<'_>) -> String {
        ctx.locale()
            .pick(&self.0.name_en, &self.0.name_ja)
            .to_owned()
    }

    async fn name_en(&self) -> &str {
        &self.0.name_en
    }

    async fn name_ja(&self) -> &str {
        &self.0.name_ja
    }

    /// The description in the reader's language.
    async fn description(&self, ctx: &Context<'_>) -> String {
        ctx.locale()
            .pick(&self.0.description_en, &self.0.description_ja)
            .to_owned()
    }

    async fn description_en(&self) -> &str {
        &self.0.description_en
    }

    async fn description_ja(&self) -> &str {
        &self.0.description_ja
    }

    async fn themes(&self) -> Vec<GrantTheme> {
        service::themes_of(&self.0)
    }

    /// The themes with their labels in the reader's language.
    async fn theme_options(&self, ctx: &Context<'_>) -> Result<Vec<ThemeOption>> {
        service::themes_of(&self.0)
            .into_iter()
            .map(|value| {
                Ok(ThemeOption {
                    label: label(ctx, &value)?,
                    value,
                })
            })
            .collect()
    }

    async fn budget_yen(&self) -> Yen {
        Yen(self.0.budget_yen)
    }

    /// The most one award may be.
    async fn award_ceiling_yen(&self) -> Yen {
        Yen(self.0.award_ceiling_yen)
    }

    /// With a ratio r, an award's cumulative disbursements never exceed r × the startup's
    /// confirmed private investment.
    async fn match_ratio(&self) -> Option<f64> {
        self.0
            .match_ratio_permille
            .map(|permille| f64::from(permille) / 1000.0)
    }

    async fn opens_on(&self) -> NaiveDate {
        self.0.opens_on
    }

    async fn closes_on(&self) -> NaiveDate {
        self.0.closes_on
    }

    /// Whether applications may be submitted today (Japan time).
    async fn is_open(&self) -> bool {
        let today = japan_date(db::now());
        self.0.opens_on <= today && today <= self.0.closes_on
    }

    async fn criteria(&self, ctx: &Context<'_>) -> Result<Vec<GrantCriterion>> {
        let criteria = service::criteria_of(&ctx.app()?.db, self.0.id).await?;
        Ok(criteria.into_iter().map(GrantCriterion).collect())
    }

    /// Whether the reader runs this programme (its desk's staff, or an admin).
    async fn can_manage(&self, ctx: &Context<'_>) -> bool {
        self.manages(ctx)
    }

    /// Where the money stands (for those who run the programme).
    async fn budget(&self, ctx: &Context<'_>) -> Result<Option<GrantBudget>> {
        if !self.manages(ctx) {
            return Ok(None);
        }
        let budget = service::budget_of(&ctx.app()?.db, &self.0).await?;
        Ok(Some(GrantBudget {
            budget_yen: Yen(budget.budget_yen),
            committed_yen: Yen(budget.committed_yen),
            disbursed_yen: Yen(budget.disbursed_yen),
            awaiting_match_yen: Yen(budget.awaiting_match_yen),
            remaining_yen: Yen(budget.remaining_yen),
        }))
    }

    /// Whether the programme's ledger chain is intact (for those who run it).
    async fn ledger(&self, ctx: &Context<'_>) -> Result<Option<LedgerCheck>> {
        if !self.manages(ctx) {
            return Ok(None);
        }
        let state = ctx.app()?;
        let verification = ledger::verify(&state.db, &self.0).await?;
        Ok(Some(LedgerCheck {
            intact: verification.broken.is_none(),
            entries: i32::try_from(verification.entries).unwrap_or(i32::MAX),
            problem: verification
                .broken
                .map(|b| b.message(&state.i18n, ctx.locale())),
        }))
    }

    /// The reader's organisation's application to this programme, if any.
    async fn my_application(&self, ctx: &Context<'_>) -> Result<Option<GrantApplication>> {
        let actor = ctx.actor()?;
        let Ok(viewer) = actor.viewer() else {
            return Ok(None);
        };
        let Some(organisation) = viewer.organisation_id else {
            return Ok(None);
        };
        let found = crate::entity::grant_applications::Entity::find()
            .filter(crate::entity::grant_applications::Column::ProgrammeId.eq(self.0.id))
            .filter(crate::entity::grant_applications::Column::OrganisationId.eq(organisation.0))
            .one(&ctx.app()?.db)
            .await
            .map_err(ApiError::from)?;
        match found {
            Some(application) => {
                let loaded =
                    service::load(&ctx.app()?.db, actor, GrantApplicationId(application.id))
                        .await
                        .ok();
                Ok(loaded.map(GrantApplication))
            }
            None => Ok(None),
        }
    }

    async fn version(&self) -> i32 {
        self.0.version
    }
}

/// A review criterion and its weight.
pub struct GrantCriterion(pub grant_criteria::Model);

#[Object]
impl GrantCriterion {
    async fn id(&self) -> ID {
        GrantCriterionId(self.0.id).to_public()
    }

    async fn position(&self) -> i32 {
        self.0.position
    }

    async fn name(&self, ctx: &Context<'_>) -> String {
        ctx.locale()
            .pick(&self.0.name_en, &self.0.name_ja)
            .to_owned()
    }

    async fn name_en(&self) -> &str {
        &self.0.name_en
    }

    async fn name_ja(&self) -> &str {
        &self.0.name_ja
    }

    async fn weight(&self) -> i32 {
        self.0.weight
    }
}

/// A programme's money: budget = committed + remaining; committed covers what was
/// disbursed, what waits for VC match and what is still to be earned.
#[derive(SimpleObject)]
pub struct GrantBudget {
    pub budget_yen: Yen,
    pub committed_yen: Yen,
    pub disbursed_yen: Yen,
    pub awaiting_match_yen: Yen,
    pub remaining_yen: Yen,
}

/// The result of walking a programme's ledger chain.
#[derive(SimpleObject)]
pub struct LedgerCheck {
    pub intact: bool,
    pub entries: i32,
    /// Where the chain breaks, if it does, in the reader's language.
    pub problem: Option<String>,
}

/// An application to a programme, as the reader may see it.
pub struct GrantApplication(pub Loaded);

impl GrantApplication {
    fn row(&self) -> &crate::entity::grant_applications::Model {
        &self.0.application
    }
}

#[Object]
impl GrantApplication {
    async fn id(&self) -> ID {
        GrantApplicationId(self.row().id).to_public()
    }

    async fn programme(&self) -> GrantProgramme {
        GrantProgramme(self.0.programme.clone())
    }

    async fn organisation_id(&self) -> ID {
        OrganisationId(self.row().organisation_id).to_public()
    }

    async fn organisation_name(&self, ctx: &Context<'_>) -> Result<String> {
        Ok(
            organisations::Entity::find_by_id(self.row().organisation_id)
                .one(&ctx.app()?.db)
                .await
                .map_err(ApiError::from)?
                .map(|o| o.name)
                .unwrap_or_default(),
        )
    }

    async fn theme(&self) -> Result<GrantTheme> {
        Ok(GrantTheme::from_db(&self.row().theme).map_err(ApiError::internal)?)
    }

    async fn theme_label(&self, ctx: &Context<'_>) -> Result<String> {
        label(
            ctx,
            &GrantTheme::from_db(&self.row().theme).map_err(ApiError::internal)?,
        )
    }

    async fn title(&self) -> &str {
        &self.row().title
    }

    async fn summary(&self) -> &str {
        &self.row().summary
    }

    /// The sum of the planned tranches.
    async fn requested_yen(&self) -> Yen {
        Yen(self.row().requested_yen)
    }

    async fn status(&self) -> ApplicationStatus {
        self.0.status()
    }

    async fn status_label(&self, ctx: &Context<'_>) -> Result<String> {
        label(ctx, &self.0.status())
    }

    async fn submitted_at(&self) -> Option<DateTime<Utc>> {
        self.row().submitted_at
    }

    async fn decided_at(&self) -> Option<DateTime<Utc>> {
        self.row().decided_at
    }

    /// Why it was awarded or rejected, as staff wrote it (for the applicant and staff).
    async fn decision_note(&self) -> Option<&str> {
        (self.0.standing.manager || self.0.standing.applicant)
            .then(|| self.row().decision_note.as_deref())
            .flatten()
    }

    async fn version(&self) -> i32 {
        self.row().version
    }

    /// The milestone plan, in order.
    async fn milestones(&self, ctx: &Context<'_>) -> Result<Vec<GrantMilestone>> {
        let state = ctx.app()?;
        let milestones = service::milestones_of(&state.db, self.row().id).await?;
        let award = service::award_of(&state.db, self.row().id).await?;
        let disbursements = match &award {
            Some(award) => service::disbursements_of(&state.db, award.id).await?,
            None => Vec::new(),
        };
        Ok(milestones
            .into_iter()
            .map(|milestone| GrantMilestone {
                disbursement: disbursements
                    .iter()
                    .find(|d| d.milestone_id == milestone.id)
                    .cloned(),
                steps: service::steps_of(
                    self.0.standing,
                    MilestoneStatus::from_db(&milestone.status).unwrap_or(MilestoneStatus::Locked),
                    award.as_ref(),
                ),
                milestone,
            })
            .collect())
    }

    /// The award, once awarded (for the applicant and staff).
    async fn award(&self, ctx: &Context<'_>) -> Result<Option<GrantAward>> {
        if !(self.0.standing.manager || self.0.standing.applicant) {
            return Ok(None);
        }
        let state = ctx.app()?;
        let Some(award) = service::award_of(&state.db, self.row().id).await? else {
            return Ok(None);
        };
        let invested = service::confirmed_investment(&state.db, award.organisation_id).await?;
        let awaiting =
            service::sum_awaiting(&state.db, grant_disbursements::Column::AwardId.eq(award.id))
                .await?;
        Ok(Some(GrantAward {
            match_cap_yen: super::match_cap(self.0.programme.match_ratio_permille, invested)
                .map(Yen),
            confirmed_investment_yen: Yen(invested),
            awaiting_match_yen: Yen(awaiting),
            award,
        }))
    }

    /// The private investments confirmed in the applicant, newest first (for the applicant
    /// and staff): what the VC match counts.
    async fn investments(&self, ctx: &Context<'_>) -> Result<Vec<GrantInvestment>> {
        if !(self.0.standing.manager || self.0.standing.applicant) {
            return Ok(Vec::new());
        }
        let found = service::investments_of(&ctx.app()?.db, self.row().organisation_id).await?;
        Ok(found.into_iter().map(GrantInvestment).collect())
    }

    /// The reviews: all of them for staff, their own for a reviewer, none for the
    /// applicant.
    async fn reviews(&self, ctx: &Context<'_>) -> Result<Vec<GrantReview>> {
        let standing = self.0.standing;
        if !standing.manager && standing.review.is_none() {
            return Ok(Vec::new());
        }
        let state = ctx.app()?;
        let criteria = service::criteria_of(&state.db, self.0.programme.id).await?;
        Ok(service::reviews_of(&state.db, self.row().id)
            .await?
            .into_iter()
            .filter(|review| standing.manager || Some(review.id) == standing.review)
            .map(|review| GrantReview {
                review,
                criteria: criteria.clone(),
            })
            .collect())
    }

    /// The reader's own review, if they were assigned one.
    async fn my_review(&self, ctx: &Context<'_>) -> Result<Option<GrantReview>> {
        let Some(id) = self.0.standing.review else {
            return Ok(None);
        };
        let state = ctx.app()?;
        let criteria = service::criteria_of(&state.db, self.0.programme.id).await?;
        Ok(grant_reviews::Entity::find_by_id(id)
            .one(&state.db)
            .await
            .map_err(ApiError::from)?
            .map(|review| GrantReview { review, criteria }))
    }

    /// The mean of the submitted reviews' weighted scores, 1–5 (for staff).
    async fn aggregate_score(&self, ctx: &Context<'_>) -> Result<Option<f64>> {
        if !self.0.standing.manager {
            return Ok(None);
        }
        let state = ctx.app()?;
        let criteria = service::criteria_of(&state.db, self.0.programme.id).await?;
        let reviews = service::reviews_of(&state.db, self.row().id).await?;
        Ok(service::aggregate_score(&reviews, &criteria).map(|s| (s * 100.0).round() / 100.0))
    }

    /// The applicant may change the draft.
    async fn can_edit(&self) -> bool {
        self.0.standing.applicant && self.0.status() == ApplicationStatus::Draft
    }

    async fn can_withdraw(&self) -> bool {
        self.0.standing.applicant
            && matches!(
                self.0.status(),
                ApplicationStatus::Draft | ApplicationStatus::Submitted
            )
    }

    /// An assigned reviewer may score it (again) until it is decided.
    async fn can_review(&self) -> bool {
        self.0.standing.review.is_some() && self.0.status() == ApplicationStatus::Submitted
    }

    /// Staff may assign reviewers and award or reject it.
    async fn can_decide(&self) -> bool {
        self.0.standing.manager && self.0.status() == ApplicationStatus::Submitted
    }
}

/// A confirmed private investment in a startup.
pub struct GrantInvestment(crate::entity::investments::Model);

#[Object]
impl GrantInvestment {
    async fn investor_name(&self) -> &str {
        &self.0.investor_name
    }

    async fn amount_yen(&self) -> Yen {
        Yen(self.0.amount_yen)
    }

    async fn round(&self) -> Result<InvestmentRound> {
        Ok(InvestmentRound::from_db(&self.0.round).map_err(ApiError::internal)?)
    }

    async fn round_label(&self, ctx: &Context<'_>) -> Result<String> {
        label(
            ctx,
            &InvestmentRound::from_db(&self.0.round).map_err(ApiError::internal)?,
        )
    }

    async fn invested_on(&self) -> NaiveDate {
        self.0.invested_on
    }

    /// What confirms it, as staff recorded it.
    async fn evidence(&self) -> Option<&str> {
        self.0.evidence.as_deref()
    }

    /// Confirmed by a matched VC introduction (rather than recorded by staff).
    async fn from_introduction(&self) -> bool {
        self.0.introduction_id.is_some()
    }

    async fn recorded_at(&self) -> DateTime<Utc> {
        self.0.recorded_at
    }
}

/// An award: the amount committed, what was paid, what waits for VC match, what went back
/// to the budget.
pub struct GrantAward {
    award: grant_awards::Model,
    confirmed_investment_yen: Yen,
    match_cap_yen: Option<Yen>,
    awaiting_match_yen: Yen,
}

#[Object]
impl GrantAward {
    async fn amount_yen(&self) -> Yen {
        Yen(self.award.amount_yen)
    }

    async fn disbursed_yen(&self) -> Yen {
        Yen(self.award.disbursed_yen)
    }

    async fn awaiting_match_yen(&self) -> Yen {
        self.awaiting_match_yen
    }

    /// Returned to the programme's budget (an ended award's unpaid tranches, or an amount
    /// not planned in tranches).
    async fn returned_yen(&self) -> Yen {
        Yen(self.award.returned_yen)
    }

    async fn status(&self) -> Result<AwardStatus> {
        Ok(AwardStatus::from_db(&self.award.status).map_err(ApiError::internal)?)
    }

    async fn status_label(&self, ctx: &Context<'_>) -> Result<String> {
        label(
            ctx,
            &AwardStatus::from_db(&self.award.status).map_err(ApiError::internal)?,
        )
    }

    async fn awarded_at(&self) -> DateTime<Utc> {
        self.award.awarded_at
    }

    async fn ended_at(&self) -> Option<DateTime<Utc>> {
        self.award.ended_at
    }

    /// The private investment confirmed in the startup.
    async fn confirmed_investment_yen(&self) -> Yen {
        self.confirmed_investment_yen
    }

    /// The most that may have been disbursed under the VC match; none without a ratio.
    async fn match_cap_yen(&self) -> Option<Yen> {
        self.match_cap_yen
    }
}

/// A milestone of an application's plan.
pub struct GrantMilestone {
    milestone: grant_milestones::Model,
    disbursement: Option<grant_disbursements::Model>,
    steps: Vec<MilestoneStep>,
}

#[Object]
impl GrantMilestone {
    async fn id(&self) -> ID {
        GrantMilestoneId(self.milestone.id).to_public()
    }

    async fn position(&self) -> i32 {
        self.milestone.position
    }

    async fn title(&self) -> &str {
        &self.milestone.title
    }

    async fn success_criteria(&self) -> &str {
        &self.milestone.success_criteria
    }

    async fn due_on(&self) -> NaiveDate {
        self.milestone.due_on
    }

    async fn tranche_yen(&self) -> Yen {
        Yen(self.milestone.tranche_yen)
    }

    async fn status(&self) -> Result<MilestoneStatus> {
        Ok(MilestoneStatus::from_db(&self.milestone.status).map_err(ApiError::internal)?)
    }

    async fn status_label(&self, ctx: &Context<'_>) -> Result<String> {
        label(
            ctx,
            &MilestoneStatus::from_db(&self.milestone.status).map_err(ApiError::internal)?,
        )
    }

    async fn evidence(&self) -> Option<&str> {
        self.milestone.evidence.as_deref()
    }

    async fn evidence_links(&self) -> Vec<&str> {
        self.milestone
            .evidence_links
            .lines()
            .filter(|l| !l.is_empty())
            .collect()
    }

    async fn evidence_submitted_at(&self) -> Option<DateTime<Utc>> {
        self.milestone.evidence_submitted_at
    }

    async fn decided_at(&self) -> Option<DateTime<Utc>> {
        self.milestone.decided_at
    }

    async fn decision_note(&self) -> Option<&str> {
        self.milestone.decision_note.as_deref()
    }

    async fn version(&self) -> i32 {
        self.milestone.version
    }

    /// The steps the reader may take now.
    async fn steps(&self) -> &[MilestoneStep] {
        &self.steps
    }

    /// The tranche, once the milestone was approved.
    async fn disbursement(&self) -> Option<GrantDisbursement> {
        self.disbursement.clone().map(GrantDisbursement)
    }
}

/// An approved milestone's tranche.
pub struct GrantDisbursement(grant_disbursements::Model);

#[Object]
impl GrantDisbursement {
    async fn amount_yen(&self) -> Yen {
        Yen(self.0.amount_yen)
    }

    async fn status(&self) -> Result<DisbursementStatus> {
        Ok(DisbursementStatus::from_db(&self.0.status).map_err(ApiError::internal)?)
    }

    async fn status_label(&self, ctx: &Context<'_>) -> Result<String> {
        label(
            ctx,
            &DisbursementStatus::from_db(&self.0.status).map_err(ApiError::internal)?,
        )
    }

    async fn approved_at(&self) -> DateTime<Utc> {
        self.0.approved_at
    }

    async fn disbursed_at(&self) -> Option<DateTime<Utc>> {
        self.0.disbursed_at
    }
}

/// A review of an application.
pub struct GrantReview {
    review: grant_reviews::Model,
    criteria: Vec<grant_criteria::Model>,
}

/// One criterion's score in a review.
#[derive(SimpleObject)]
pub struct CriterionScore {
    pub criterion_id: ID,
    pub criterion_name: String,
    pub weight: i32,
    pub score: i32,
}

impl GrantReview {
    fn recommended(&self) -> Option<Recommendation> {
        self.review
            .recommendation
            .as_deref()
            .and_then(|r| Recommendation::from_db(r).ok())
    }
}

#[Object]
impl GrantReview {
    async fn reviewer_name(&self, ctx: &Context<'_>) -> Result<String> {
        Ok(users::Entity::find_by_id(self.review.reviewer_user_id)
            .one(&ctx.app()?.db)
            .await
            .map_err(ApiError::from)?
            .map(|u| u.display_name)
            .unwrap_or_default())
    }

    async fn scores(&self, ctx: &Context<'_>) -> Vec<CriterionScore> {
        let scores = service::scores_of(&self.review);
        self.criteria
            .iter()
            .filter_map(|criterion| {
                scores.get(&criterion.id).map(|score| CriterionScore {
                    criterion_id: GrantCriterionId(criterion.id).to_public(),
                    criterion_name: ctx
                        .locale()
                        .pick(&criterion.name_en, &criterion.name_ja)
                        .to_owned(),
                    weight: criterion.weight,
                    score: *score,
                })
            })
            .collect()
    }

    /// Σ weight × score / Σ weight, 1–5; none until submitted.
    async fn weighted_score(&self) -> Option<f64> {
        self.review.submitted_at?;
        service::weighted_score(&service::scores_of(&self.review), &self.criteria)
            .map(|s| (s * 100.0).round() / 100.0)
    }

    async fn recommendation(&self) -> Option<Recommendation> {
        self.recommended()
    }

    async fn recommendation_label(&self, ctx: &Context<'_>) -> Result<Option<String>> {
        match self.recommended() {
            Some(r) => Ok(Some(label(ctx, &r)?)),
            None => Ok(None),
        }
    }

    async fn comment(&self) -> Option<&str> {
        self.review.comment.as_deref()
    }

    async fn submitted_at(&self) -> Option<DateTime<Utc>> {
        self.review.submitted_at
    }
}

/// Someone who might review an application.
#[derive(SimpleObject)]
pub struct ReviewerCandidate {
    pub user_id: ID,
    pub name: String,
    pub role: crate::auth::Role,
    /// They belong to the applicant, or declared a tie to it: they cannot review it.
    pub conflict: bool,
    pub assigned: bool,
}

#[derive(SimpleObject)]
pub struct GrantApplicationEdge {
    pub cursor: String,
    pub node: GrantApplication,
}

#[derive(SimpleObject)]
pub struct GrantApplicationConnection {
    pub edges: Vec<GrantApplicationEdge>,
    pub has_next_page: bool,
    pub total_count: i64,
}

#[derive(InputObject)]
pub struct GrantCriterionInput {
    pub name_en: String,
    pub name_ja: String,
    /// A relative weight, 1–100.
    pub weight: i32,
}

#[derive(InputObject)]
pub struct GrantProgrammeInput {
    pub desk_id: ID,
    pub fiscal_year: i32,
    pub name_en: String,
    pub name_ja: String,
    #[graphql(default)]
    pub description_en: String,
    #[graphql(default)]
    pub description_ja: String,
    pub themes: Vec<GrantTheme>,
    pub budget_yen: Yen,
    pub award_ceiling_yen: Yen,
    /// e.g. 2.0: disbursements never exceed twice the confirmed private investment.
    pub match_ratio: Option<f64>,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub criteria: Vec<GrantCriterionInput>,
}

impl GrantProgrammeInput {
    fn into_service(self) -> Result<service::ProgrammeInput> {
        Ok(service::ProgrammeInput {
            desk: DeskId::from_public(&self.desk_id)?,
            fiscal_year: self.fiscal_year,
            name_en: self.name_en,
            name_ja: self.name_ja,
            description_en: self.description_en,
            description_ja: self.description_ja,
            themes: self.themes,
            budget_yen: self.budget_yen.0,
            award_ceiling_yen: self.award_ceiling_yen.0,
            match_ratio_permille: self
                .match_ratio
                .map(|r| (r * 1000.0).round().clamp(-1.0, 1e9) as i32),
            opens_on: self.opens_on,
            closes_on: self.closes_on,
            criteria: self
                .criteria
                .into_iter()
                .map(|c| service::CriterionInput {
                    name_en: c.name_en,
                    name_ja: c.name_ja,
                    weight: c.weight,
                })
                .collect(),
        })
    }
}

#[derive(InputObject)]
pub struct PlannedMilestoneInput {
    pub title: String,
    pub success_criteria: String,
    pub due_on: NaiveDate,
    pub tranche_yen: Yen,
}

#[derive(InputObject)]
pub struct GrantApplicationInput {
    pub programme_id: ID,
    /// To change a draft: its id and the version read.
    pub id: Option<ID>,
    pub version: Option<i32>,
    pub theme: GrantTheme,
    pub title: String,
    pub summary: String,
    pub milestones: Vec<PlannedMilestoneInput>,
}

#[derive(InputObject)]
pub struct CriterionScoreInput {
    pub criterion_id: ID,
    pub score: i32,
}

#[derive(InputObject)]
pub struct GrantReviewInput {
    pub scores: Vec<CriterionScoreInput>,
    pub recommendation: Recommendation,
    #[graphql(default)]
    pub comment: String,
}

#[derive(InputObject)]
pub struct TrancheInput {
    pub milestone_id: ID,
    pub tranche_yen: Yen,
}

#[derive(InputObject)]
pub struct AwardGrantInput {
    pub amount_yen: Yen,
    /// Every milestone of the plan, once, with its tranche.
    pub tranches: Vec<TrancheInput>,
    #[graphql(default)]
    pub note: String,
}

/// What staff decide on a milestone's evidence.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum MilestoneDecision {
    Approve,
    Reject,
    Fail,
}

#[derive(InputObject)]
pub struct RecordInvestmentInput {
    pub organisation_id: ID,
    pub investor_name: String,
    pub amount_yen: Yen,
    pub round: InvestmentRound,
    pub invested_on: NaiveDate,
    /// What confirms it (e.g. the share subscription agreement and payment record).
    pub evidence: String,
}

#[derive(Default)]
pub struct GrantsQuery;

#[Object]
impl GrantsQuery {
    /// The Healthtech Challenge programmes, newest fiscal year first.
    async fn grant_programmes(&self, ctx: &Context<'_>) -> Result<Vec<GrantProgramme>> {
        let found = service::programmes(&ctx.app()?.db, ctx.actor()?).await?;
        Ok(found.into_iter().map(GrantProgramme).collect())
    }

    async fn grant_programme(&self, ctx: &Context<'_>, id: ID) -> Result<GrantProgramme> {
        let id = GrantProgrammeId::from_public(&id)?;
        Ok(GrantProgramme(
            service::programme(&ctx.app()?.db, ctx.actor()?, id).await?,
        ))
    }

    async fn grant_application(&self, ctx: &Context<'_>, id: ID) -> Result<GrantApplication> {
        let id = GrantApplicationId::from_public(&id)?;
        Ok(GrantApplication(
            service::load(&ctx.app()?.db, ctx.actor()?, id).await?,
        ))
    }

    /// Applications the reader may see, oldest first: staff see their programmes'
    /// submitted ones, applicants their organisation's, reviewers those assigned to them.
    async fn grant_applications(
        &self,
        ctx: &Context<'_>,
        programme_id: Option<ID>,
        status: Option<ApplicationStatus>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<GrantApplicationConnection> {
        let state = ctx.app()?;
        let programme = programme_id
            .as_ref()
            .map(GrantProgrammeId::from_public)
            .transpose()?;
        let page = PageArgs::parse(first, after.as_deref(), &state.settings.graphql)?;
        let page = service::applications(state, ctx.actor()?, programme, status, page).await?;
        Ok(GrantApplicationConnection {
            has_next_page: page.has_next_page,
            total_count: i64::try_from(page.total_count).unwrap_or(i64::MAX),
            edges: page
                .items
                .into_iter()
                .map(|(id, loaded)| GrantApplicationEdge {
                    cursor: encode_cursor(id),
                    node: GrantApplication(loaded),
                })
                .collect(),
        })
    }

    /// The programme desk's advisors and staff who might review an application (for
    /// staff), with conflicts of interest marked.
    async fn grant_reviewer_candidates(
        &self,
        ctx: &Context<'_>,
        application_id: ID,
    ) -> Result<Vec<ReviewerCandidate>> {
        let id = GrantApplicationId::from_public(&application_id)?;
        let found = service::reviewer_candidates(ctx.app()?, ctx.actor()?, id).await?;
        Ok(found
            .into_iter()
            .map(|candidate| ReviewerCandidate {
                user_id: UserId(candidate.user.id).to_public(),
                name: candidate.user.display_name.clone(),
                role: crate::auth::Role::from_db(&candidate.user.role)
                    .unwrap_or(crate::auth::Role::Advisor),
                conflict: candidate.conflict,
                assigned: candidate.assigned,
            })
            .collect())
    }
}

#[derive(Default)]
pub struct GrantsMutation;

#[Object]
impl GrantsMutation {
    /// Staff of the desk (or an admin) create a programme.
    async fn create_grant_programme(
        &self,
        ctx: &Context<'_>,
        input: GrantProgrammeInput,
    ) -> Result<GrantProgramme> {
        let input = input.into_service()?;
        let row =
            service::create_programme(ctx.app()?, ctx.actor()?, input, Occasion::now()).await?;
        Ok(GrantProgramme(row))
    }

    /// Changes a programme (not its desk; not its criteria once reviews were submitted).
    async fn update_grant_programme(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        input: GrantProgrammeInput,
    ) -> Result<GrantProgramme> {
        let id = GrantProgrammeId::from_public(&id)?;
        let input = input.into_service()?;
        let row = service::update_programme(
            ctx.app()?,
            ctx.actor()?,
            id,
            version,
            input,
            Occasion::now(),
        )
        .await?;
        Ok(GrantProgramme(row))
    }

    /// The applicant saves a draft application with its milestone plan (new, or changes
    /// to a draft with `id` and `version`).
    async fn save_grant_application(
        &self,
        ctx: &Context<'_>,
        input: GrantApplicationInput,
    ) -> Result<GrantApplication> {
        let programme = GrantProgrammeId::from_public(&input.programme_id)?;
        let existing = match (&input.id, input.version) {
            (Some(id), Some(version)) => Some((GrantApplicationId::from_public(id)?, version)),
            (Some(_), None) => {
                return Err(ApiError::field("version", crate::error::ErrorCode::Required).into());
            }
            _ => None,
        };
        let draft = service::Draft {
            theme: input.theme,
            title: input.title,
            summary: input.summary,
            milestones: input
                .milestones
                .into_iter()
                .map(|m| service::PlannedMilestone {
                    title: m.title,
                    success_criteria: m.success_criteria,
                    due_on: m.due_on,
                    tranche_yen: m.tranche_yen.0,
                })
                .collect(),
        };
        let (state, actor) = (ctx.app()?, ctx.actor()?);
        let row =
            service::save_draft(state, actor, programme, existing, draft, Occasion::now()).await?;
        reload(ctx, row.id).await
    }

    /// The applicant submits the draft, within the application window.
    async fn submit_grant_application(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
    ) -> Result<GrantApplication> {
        let id = GrantApplicationId::from_public(&id)?;
        service::submit(ctx.app()?, ctx.actor()?, id, version, Occasion::now()).await?;
        reload(ctx, id.0).await
    }

    /// The applicant withdraws a draft or an undecided application.
    async fn withdraw_grant_application(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
    ) -> Result<GrantApplication> {
        let id = GrantApplicationId::from_public(&id)?;
        service::withdraw(ctx.app()?, ctx.actor()?, id, version, Occasion::now()).await?;
        reload(ctx, id.0).await
    }

    /// Staff assign a reviewer; refused for anyone with a conflict of interest.
    async fn assign_grant_reviewer(
        &self,
        ctx: &Context<'_>,
        application_id: ID,
        user_id: ID,
    ) -> Result<GrantApplication> {
        let id = GrantApplicationId::from_public(&application_id)?;
        let user = UserId::from_public(&user_id)?;
        service::assign_reviewer(ctx.app()?, ctx.actor()?, id, user, Occasion::now()).await?;
        reload(ctx, id.0).await
    }

    /// An assigned reviewer scores every criterion (1–5) and recommends.
    async fn submit_grant_review(
        &self,
        ctx: &Context<'_>,
        application_id: ID,
        input: GrantReviewInput,
    ) -> Result<GrantApplication> {
        let id = GrantApplicationId::from_public(&application_id)?;
        let scores = input
            .scores
            .iter()
            .map(|s| Ok((GrantCriterionId::from_public(&s.criterion_id)?, s.score)))
            .collect::<Result<Vec<_>, ApiError>>()?;
        let review = service::ReviewInput {
            scores,
            recommendation: input.recommendation,
            comment: input.comment,
        };
        service::submit_review(ctx.app()?, ctx.actor()?, id, review, Occasion::now()).await?;
        reload(ctx, id.0).await
    }

    /// Staff award the application: the amount (within the ceiling and the remaining
    /// budget) and each milestone's tranche (adding up to at most the amount).
    async fn award_grant(
        &self,
        ctx: &Context<'_>,
        application_id: ID,
        version: i32,
        input: AwardGrantInput,
    ) -> Result<GrantApplication> {
        let id = GrantApplicationId::from_public(&application_id)?;
        let tranches = input
            .tranches
            .iter()
            .map(|t| {
                Ok((
                    GrantMilestoneId::from_public(&t.milestone_id)?,
                    t.tranche_yen.0,
                ))
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        let award = service::AwardInput {
            amount_yen: input.amount_yen.0,
            tranches,
            note: input.note,
        };
        service::award(
            ctx.app()?,
            ctx.actor()?,
            id,
            version,
            award,
            Occasion::now(),
        )
        .await?;
        reload(ctx, id.0).await
    }

    /// Staff reject the application, saying why.
    async fn reject_grant_application(
        &self,
        ctx: &Context<'_>,
        application_id: ID,
        version: i32,
        note: String,
    ) -> Result<GrantApplication> {
        let id = GrantApplicationId::from_public(&application_id)?;
        service::reject(
            ctx.app()?,
            ctx.actor()?,
            id,
            version,
            &note,
            Occasion::now(),
        )
        .await?;
        reload(ctx, id.0).await
    }

    /// The applicant submits evidence that the active milestone was achieved.
    async fn submit_milestone_evidence(
        &self,
        ctx: &Context<'_>,
        milestone_id: ID,
        version: i32,
        evidence: String,
        #[graphql(default)] links: Vec<String>,
    ) -> Result<GrantApplication> {
        let id = GrantMilestoneId::from_public(&milestone_id)?;
        let (state, actor) = (ctx.app()?, ctx.actor()?);
        let milestone = service::submit_evidence(
            state,
            actor,
            id,
            version,
            &evidence,
            &links,
            Occasion::now(),
        )
        .await?;
        reload(ctx, milestone.application_id).await
    }

    /// Staff approve (the tranche is released, or waits for VC match), send back, or fail
    /// a milestone (the award ends). A note is required to send back or fail.
    async fn decide_milestone(
        &self,
        ctx: &Context<'_>,
        milestone_id: ID,
        version: i32,
        decision: MilestoneDecision,
        #[graphql(default)] note: String,
    ) -> Result<GrantApplication> {
        let id = GrantMilestoneId::from_public(&milestone_id)?;
        let verdict = match decision {
            MilestoneDecision::Approve => service::Verdict::Approve,
            MilestoneDecision::Reject => service::Verdict::Reject,
            MilestoneDecision::Fail => service::Verdict::Fail,
        };
        let (state, actor) = (ctx.app()?, ctx.actor()?);
        let decided =
            service::decide_milestone(state, actor, id, version, verdict, &note, Occasion::now())
                .await?;
        reload(ctx, decided.milestone.application_id).await
    }

    /// Staff record a confirmed private investment in a startup, with its evidence; tranches
    /// waiting for VC match are released as far as it allows.
    async fn record_investment(
        &self,
        ctx: &Context<'_>,
        input: RecordInvestmentInput,
    ) -> Result<RecordedInvestment> {
        let organisation = OrganisationId::from_public(&input.organisation_id)?;
        let new = service::NewInvestment {
            organisation_id: organisation.0,
            investor_name: input.investor_name,
            amount_yen: input.amount_yen.0,
            round: input.round,
            invested_on: input.invested_on,
            evidence: input.evidence,
        };
        let state = ctx.app()?;
        let row = service::record_investment(state, ctx.actor()?, new, Occasion::now()).await?;
        Ok(RecordedInvestment {
            amount_yen: Yen(row.amount_yen),
            amount: state.i18n.formatter(ctx.locale()).yen(row.amount_yen),
            round: InvestmentRound::from_db(&row.round).map_err(ApiError::internal)?,
            invested_on: row.invested_on,
        })
    }
}

async fn reload(ctx: &Context<'_>, id: i64) -> Result<GrantApplication> {
    let loaded = service::load(&ctx.app()?.db, ctx.actor()?, GrantApplicationId(id)).await?;
    Ok(GrantApplication(loaded))
}
