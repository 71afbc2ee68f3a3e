//! Suggestions in GraphQL: for a consultation, the directory entries of one kind that can
//! help, with their score, each feature's part, and the reasons in the reader's language.

use std::collections::HashMap;

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use sea_orm::EntityTrait;

use super::{
    MatchFeature,
    batch::{self, Pick, Unassigned},
    suggestions::{self, Contribution, Reason, Suggestion},
};
use crate::{
    consultations::graphql::Consultation,
    db,
    directory::{DirectoryKind, graphql::DirectoryEntry},
    entity::taxonomy_terms,
    error::ApiError,
    graphql::ContextExt,
    i18n::{Args, Locale},
    ids::{ConsultationId, DeskId, DirectoryEntryId, UserId},
    labels::Labelled,
};

/// One feature's part of a suggestion's score.
#[derive(SimpleObject)]
pub struct FeatureContribution {
    pub feature: MatchFeature,
    /// The feature's name in the reader's language.
    pub label: String,
    /// Its weight for this kind of candidate (settings `[matching.<kind>]`).
    pub weight: f64,
    /// How far the candidate meets it, from 0 to 1.
    pub value: f64,
    /// What it adds to the score.
    pub points: f64,
}

/// A directory entry that can help with a consultation.
#[derive(SimpleObject)]
pub struct MatchSuggestion {
    pub entry: DirectoryEntry,
    /// From 0 to 1: the weighted share of the features the candidate meets.
    pub score: f64,
    pub contributions: Vec<FeatureContribution>,
    /// Why, in the reader's language, e.g. "covers SaMD and regulatory affairs; works in
    /// English; 2 of 5 slots free".
    pub reasons: Vec<String>,
}

fn list(locale: Locale, items: Vec<String>) -> String {
    items.join(match locale {
        Locale::En => ", ",
        Locale::Ja => "・",
    })
}

fn reason_text(
    ctx: &Context<'_>,
    reason: &Reason,
    terms: &HashMap<i64, taxonomy_terms::Model>,
) -> Result<String, ApiError> {
    let i18n = &ctx.app()?.i18n;
    let locale = ctx.locale();
    let label = |id: &i64| {
        terms
            .get(id)
            .map(|term| match locale {
                Locale::En => term.label_en.clone(),
                Locale::Ja => term.label_ja.clone(),
            })
            .unwrap_or_default()
    };
    let (id, args) = match reason {
        Reason::Covers(ids) => (
            "match-reason-covers",
            Args::new().text("items", list(locale, ids.iter().map(label).collect())),
        ),
        Reason::Stage(id) => ("match-reason-stage", Args::new().text("stage", label(id))),
        Reason::Speaks(id) => (
            "match-reason-speaks",
            Args::new().text("language", label(id)),
        ),
        Reason::Region(id) => ("match-reason-region", Args::new().text("region", label(id))),
        Reason::Wording => ("match-reason-wording", Args::new()),
        Reason::Slots { free, capacity } => (
            "match-reason-slots",
            Args::new()
                .number("free", *free)
                .number("capacity", *capacity),
        ),
        Reason::Outcomes { matched, total } => (
            "match-reason-outcomes",
            Args::new()
                .number("matched", *matched)
                .number("total", *total),
        ),
    };
    Ok(i18n.message(locale, id, &args))
}

fn contribution(ctx: &Context<'_>, c: &Contribution) -> Result<FeatureContribution, ApiError> {
    Ok(FeatureContribution {
        feature: c.feature,
        label: c.feature.label(&ctx.app()?.i18n, ctx.locale()),
        weight: c.weight,
        value: c.value,
        points: c.points,
    })
}

/// A case and the advisor the plan gives it.
#[derive(SimpleObject)]
pub struct PlannedAssignment {
    pub consultation: Consultation,
    /// The case's version the plan was made on; give it back to apply the plan.
    pub version: i32,
    /// The advisor's account id, to apply the plan with.
    pub advisor_id: ID,
    pub advisor: DirectoryEntry,
    /// The pair's suggestion score, from 0 to 1.
    pub fit: f64,
}

/// A case the plan leaves without an advisor, and why.
#[derive(SimpleObject)]
pub struct UnassignedCase {
    pub consultation: Consultation,
    pub reason: Unassigned,
    pub reason_label: String,
}

/// A proposed assignment of a desk's open, unassigned cases. Nothing changes until it is
/// applied.
#[derive(SimpleObject)]
pub struct AssignmentPlan {
    pub assignments: Vec<PlannedAssignment>,
    pub unassigned: Vec<UnassignedCase>,
    /// The plan's total fit ÷ what each case would get from its best allowed advisor if
    /// capacity were unlimited.
    pub fit_share: f64,
    /// Highest minus lowest share of capacity in use after the plan, over the advisors.
    pub load_spread: f64,
    /// Assignments to a pair that is not allowed or beyond an advisor's free slots; always 0.
    pub constraint_violations: i32,
}

#[derive(InputObject)]
pub struct AssignmentInput {
    pub consultation_id: ID,
    /// The version the plan was made on.
    pub version: i32,
    pub advisor_id: ID,
}

#[derive(Default)]
pub struct MatchingQuery;

#[Object]
impl MatchingQuery {
    /// Who in the directory can help with a consultation, best first: advisors, supporter
    /// organisations, VCs or support programmes (one kind at a time). For the desk's
    /// advisors and staff; dismissed candidates do not come back.
    async fn consultation_suggestions(
        &self,
        ctx: &Context<'_>,
        consultation_id: ID,
        kind: DirectoryKind,
        #[graphql(default = 10)] first: i32,
    ) -> Result<Vec<MatchSuggestion>> {
        let id = ConsultationId::from_public(&consultation_id)?;
        let limit = usize::try_from(first).unwrap_or_default();
        let state = ctx.app()?;
        let found = suggestions::suggest(state, ctx.actor()?, id, kind, limit).await?;
        let terms: HashMap<i64, taxonomy_terms::Model> = taxonomy_terms::Entity::find()
            .all(&state.db)
            .await
            .map_err(ApiError::from)?
            .into_iter()
            .map(|term| (term.id, term))
            .collect();
        let mut out = Vec::with_capacity(found.len());
        for Suggestion {
            entry,
            score,
            contributions,
            reasons,
        } in found
        {
            out.push(MatchSuggestion {
                entry: DirectoryEntry(entry),
                score,
                contributions: contributions
                    .iter()
                    .map(|c| contribution(ctx, c))
                    .collect::<Result<_, _>>()?,
                reasons: reasons
                    .iter()
                    .map(|r| reason_text(ctx, r, &terms))
                    .collect::<Result<_, _>>()?,
            });
        }
        Ok(out)
    }

    /// A dry run of batch assignment for a desk's open, unassigned cases: the advisor
    /// proposed for each, the cases left over with the reason, and the plan's quality.
    /// Staff of the desk and admins.
    async fn plan_assignments(&self, ctx: &Context<'_>, desk_id: ID) -> Result<AssignmentPlan> {
        let desk = DeskId::from_public(&desk_id)?;
        let plan = batch::plan(ctx.app()?, ctx.actor()?, desk).await?;
        let mut assignments = Vec::new();
        let mut unassigned = Vec::new();
        for planned in plan.cases {
            match (planned.advisor, planned.unassigned) {
                (Some((user, profile, fit)), _) => assignments.push(PlannedAssignment {
                    version: planned.case.version,
                    consultation: Consultation(planned.case),
                    advisor_id: UserId(user).to_public(),
                    advisor: DirectoryEntry(profile),
                    fit,
                }),
                (None, reason) => {
                    let reason = reason.unwrap_or(Unassigned::NoEligibleAdvisor);
                    unassigned.push(UnassignedCase {
                        consultation: Consultation(planned.case),
                        reason,
                        reason_label: reason.label(&ctx.app()?.i18n, ctx.locale()),
                    });
                }
            }
        }
        Ok(AssignmentPlan {
            assignments,
            unassigned,
            fit_share: plan.quality.fit_share,
            load_spread: plan.quality.load_spread,
            constraint_violations: i32::try_from(plan.quality.violations).unwrap_or(i32::MAX),
        })
    }
}

#[derive(Default)]
pub struct MatchingMutation;

#[Object]
impl MatchingMutation {
    /// Rules a candidate out for a consultation, with the reason; it is not suggested for
    /// that consultation again. For the desk's advisors and staff.
    async fn dismiss_suggestion(
        &self,
        ctx: &Context<'_>,
        consultation_id: ID,
        entry_id: ID,
        reason: String,
    ) -> Result<bool> {
        let id = ConsultationId::from_public(&consultation_id)?;
        let entry = DirectoryEntryId::from_public(&entry_id)?;
        suggestions::dismiss(ctx.app()?, ctx.actor()?, id, entry, &reason, db::now()).await?;
        Ok(true)
    }

    /// Applies a plan (or part of one) in one transaction: every case gets its advisor, or
    /// none does. Cases changed since the plan was made are refused with `EDIT_CONFLICT`,
    /// advisors no longer allowed with `ASSIGNEE_NOT_ELIGIBLE`. The advisors are told by
    /// email. Returns how many cases were assigned.
    async fn apply_assignments(
        &self,
        ctx: &Context<'_>,
        desk_id: ID,
        assignments: Vec<AssignmentInput>,
    ) -> Result<i32> {
        let desk = DeskId::from_public(&desk_id)?;
        let picks = assignments
            .iter()
            .map(|a| -> Result<Pick, ApiError> {
                Ok(Pick {
                    consultation: ConsultationId::from_public(&a.consultation_id)?,
                    version: a.version,
                    advisor: UserId::from_public(&a.advisor_id)?,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let applied = batch::apply(ctx.app()?, ctx.actor()?, desk, picks).await?;
        Ok(i32::try_from(applied).unwrap_or(i32::MAX))
    }
}
