//! The Healthtech Challenge demo (`seed/grants.toml`): programmes, confirmed investments
//! and applications at every stage, replayed through the same service the API uses, as the
//! people involved, without emails. Loaded once, while no programme exists.

use anyhow::Context as _;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde::Deserialize;

use super::{
    GrantTheme, Recommendation,
    service::{self, AwardInput, CriterionInput, Draft, PlannedMilestone, ProgrammeInput, Verdict},
};
use crate::{
    auth::Actor,
    calendar::japan_date,
    consultations::service::Occasion,
    db, desks,
    entity::{grant_milestones, grant_programmes},
    ids::{
        DeskId, GrantApplicationId, GrantCriterionId, GrantMilestoneId, GrantProgrammeId, UserId,
    },
    introductions::InvestmentRound,
    seed::{actor_for, user_by_email},
    state::AppState,
};

const GRANTS: &str = include_str!("../../../seed/grants.toml");

#[derive(Deserialize)]
struct GrantSeeds {
    programmes: Vec<ProgrammeSeed>,
    investments: Vec<InvestmentSeed>,
    applications: Vec<ApplicationSeed>,
}

#[derive(Deserialize)]
struct ProgrammeSeed {
    desk: String,
    created_by: String,
    fiscal_year: i32,
    name_en: String,
    name_ja: String,
    description_en: String,
    description_ja: String,
    themes: Vec<String>,
    budget_yen: i64,
    award_ceiling_yen: i64,
    match_ratio: Option<f64>,
    opens_on: NaiveDate,
    closes_on: NaiveDate,
    criteria: Vec<CriterionSeed>,
}

#[derive(Deserialize)]
struct CriterionSeed {
    name_en: String,
    name_ja: String,
    weight: i32,
}

#[derive(Deserialize)]
struct InvestmentSeed {
    /// A member of the organisation invested in.
    applicant: String,
    investor: String,
    amount_yen: i64,
    round: String,
    days_ago: i64,
    evidence: String,
}

#[derive(Deserialize)]
struct ApplicationSeed {
    applicant: String,
    theme: String,
    title: String,
    summary: String,
    submitted_days_ago: i64,
    milestones: Vec<MilestoneSeed>,
    #[serde(default)]
    reviewers: Vec<String>,
    #[serde(default)]
    reviews: Vec<ReviewSeed>,
    /// `award` or `reject`; none while under review.
    decision: Option<String>,
    award_yen: Option<i64>,
    #[serde(default)]
    note: String,
    /// Steps taken on the milestones in turn after the award: `evidence`, `approve`,
    /// `reject`, `fail`.
    #[serde(default)]
    progress: Vec<String>,
}

#[derive(Deserialize)]
struct MilestoneSeed {
    title: String,
    success_criteria: String,
    /// Days from the day the demo is loaded.
    due_in_days: i64,
    tranche_yen: i64,
    #[serde(default)]
    evidence: String,
}

#[derive(Deserialize)]
struct ReviewSeed {
    reviewer: String,
    /// One score per criterion, in the programme's order.
    scores: Vec<i32>,
    recommendation: String,
    comment: String,
}

/// The programme's staff: those who act for it in the demo.
const STAFF: &str = "staff.mediso@banso.example";

/// Loads the demo grants into a database without programmes; returns how many
/// applications were loaded.
pub async fn load(state: &AppState) -> anyhow::Result<usize> {
    if grant_programmes::Entity::find().count(&state.db).await? > 0 {
        return Ok(0);
    }
    let data: GrantSeeds = toml::from_str(GRANTS).context("seed/grants.toml")?;
    let now = db::now();
    let today = japan_date(now);
    let mut programme = None;
    for seed in data.programmes {
        let actor = actor_for(state, &seed.created_by).await?;
        let desk = desks::service::find_by_code(state, &seed.desk)
            .await
            .map_err(|e| anyhow::anyhow!("desk {}: {e:?}", seed.desk))?
            .with_context(|| format!("no desk {}", seed.desk))?;
        let themes = seed
            .themes
            .iter()
            .map(|t| GrantTheme::from_db(t))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let input = ProgrammeInput {
            desk: DeskId(desk.id),
            fiscal_year: seed.fiscal_year,
            name_en: seed.name_en,
            name_ja: seed.name_ja,
            description_en: seed.description_en,
            description_ja: seed.description_ja,
            themes,
            budget_yen: seed.budget_yen,
            award_ceiling_yen: seed.award_ceiling_yen,
            match_ratio_permille: seed.match_ratio.map(|r| (r * 1000.0).round() as i32),
            opens_on: seed.opens_on,
            closes_on: seed.closes_on,
            criteria: seed
                .criteria
                .into_iter()
                .map(|c| CriterionInput {
                    name_en: c.name_en,
                    name_ja: c.name_ja,
                    weight: c.weight,
                })
                .collect(),
        };
        let at = crate::calendar::japan_midnight(seed.opens_on.min(today)) - Duration::days(30);
        let row = service::create_programme(state, &actor, input, Occasion::quietly(at))
            .await
            .map_err(|e| anyhow::anyhow!("programme: {e:?}"))?;
        programme.get_or_insert(row);
    }
    let programme = programme.context("seed/grants.toml has no programme")?;

    let staff = actor_for(state, STAFF).await?;
    for seed in data.investments {
        let member = user_by_email(state, &seed.applicant).await?;
        let at = now - Duration::days(seed.days_ago);
        service::record_investment(
            state,
            &staff,
            service::NewInvestment {
                organisation_id: member
                    .organisation_id
                    .with_context(|| format!("{} has no organisation", seed.applicant))?,
                investor_name: seed.investor,
                amount_yen: seed.amount_yen,
                round: InvestmentRound::from_db(&seed.round)?,
                invested_on: japan_date(at),
                evidence: seed.evidence,
            },
            Occasion::quietly(at),
        )
        .await
        .map_err(|e| anyhow::anyhow!("investment in {}'s organisation: {e:?}", seed.applicant))?;
    }

    let mut loaded = 0;
    for seed in data.applications {
        let what = seed.title.clone();
        application(state, &programme, &staff, seed, now)
            .await
            .with_context(|| format!("seeding the application {what:?}"))?;
        loaded += 1;
    }
    Ok(loaded)
}

async fn application(
    state: &AppState,
    programme: &grant_programmes::Model,
    staff: &Actor,
    seed: ApplicationSeed,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let fail = |step: &str| {
        let step = step.to_owned();
        move |e: crate::error::ApiError| anyhow::anyhow!("{step}: {e:?}")
    };
    let applicant = actor_for(state, &seed.applicant).await?;
    let today = japan_date(now);
    let submitted_at = now - Duration::days(seed.submitted_days_ago);
    let draft = Draft {
        theme: GrantTheme::from_db(&seed.theme)?,
        title: seed.title.clone(),
        summary: seed.summary.clone(),
        milestones: seed
            .milestones
            .iter()
            .map(|m| PlannedMilestone {
                title: m.title.clone(),
                success_criteria: m.success_criteria.clone(),
                due_on: today + Duration::days(m.due_in_days),
                tranche_yen: m.tranche_yen,
            })
            .collect(),
    };
    let row = service::save_draft(
        state,
        &applicant,
        GrantProgrammeId(programme.id),
        None,
        draft,
        Occasion::quietly(submitted_at - Duration::days(2)),
    )
    .await
    .map_err(fail("draft"))?;
    let id = GrantApplicationId(row.id);
    let row = service::submit(
        state,
        &applicant,
        id,
        row.version,
        Occasion::quietly(submitted_at),
    )
    .await
    .map_err(fail("submit"))?;

    let review_at = submitted_at + (now - submitted_at) / 4;
    for email in &seed.reviewers {
        let reviewer = user_by_email(state, email).await?;
        service::assign_reviewer(
            state,
            staff,
            id,
            UserId(reviewer.id),
            Occasion::quietly(review_at),
        )
        .await
        .map_err(fail("assign reviewer"))?;
    }
    let criteria = service::criteria_of(&state.db, programme.id).await?;
    for review in &seed.reviews {
        let reviewer = actor_for(state, &review.reviewer).await?;
        anyhow::ensure!(
            review.scores.len() == criteria.len(),
            "a review of {:?} scores {} criteria, not {}",
            seed.title,
            review.scores.len(),
            criteria.len()
        );
        let input = service::ReviewInput {
            scores: criteria
                .iter()
                .zip(&review.scores)
                .map(|(c, s)| (GrantCriterionId(c.id), *s))
                .collect(),
            recommendation: Recommendation::from_db(&review.recommendation)?,
            comment: review.comment.clone(),
        };
        service::submit_review(
            state,
            &reviewer,
            id,
            input,
            Occasion::quietly(review_at + Duration::days(3)),
        )
        .await
        .map_err(fail("review"))?;
    }

    let decided_at = submitted_at + (now - submitted_at) / 2;
    match seed.decision.as_deref() {
        None => return Ok(()),
        Some("reject") => {
            service::reject(
                state,
                staff,
                id,
                row.version,
                &seed.note,
                Occasion::quietly(decided_at),
            )
            .await
            .map_err(fail("reject"))?;
            return Ok(());
        }
        Some("award") => {}
        Some(other) => anyhow::bail!("unknown decision {other:?}"),
    }
    let milestones = service::milestones_of(&state.db, row.id).await?;
    let award = AwardInput {
        amount_yen: seed.award_yen.unwrap_or(row.requested_yen),
        tranches: milestones
            .iter()
            .map(|m| (GrantMilestoneId(m.id), m.tranche_yen))
            .collect(),
        note: seed.note.clone(),
    };
    service::award(
        state,
        staff,
        id,
        row.version,
        award,
        Occasion::quietly(decided_at),
    )
    .await
    .map_err(fail("award"))?;

    // The steps after the award, spread evenly until an hour ago.
    let steps = seed.progress.len() as i32;
    let gap = (now - Duration::hours(1) - decided_at) / (steps + 1);
    for (i, step) in seed.progress.iter().enumerate() {
        let at = decided_at + gap * (i as i32 + 1);
        let current = current_milestone(state, row.id).await?;
        let version = current.version;
        let milestone = GrantMilestoneId(current.id);
        match step.as_str() {
            "evidence" => {
                let text = &seed.milestones[(current.position - 1) as usize].evidence;
                service::submit_evidence(
                    state,
                    &applicant,
                    milestone,
                    version,
                    text,
                    &[],
                    Occasion::quietly(at),
                )
                .await
                .map_err(fail("evidence"))?;
            }
            "approve" | "reject" | "fail" => {
                let verdict = match step.as_str() {
                    "approve" => Verdict::Approve,
                    "reject" => Verdict::Reject,
                    _ => Verdict::Fail,
                };
                let note = match verdict {
                    Verdict::Approve => "",
                    _ => "証憑を確認しました。",
                };
                service::decide_milestone(
                    state,
                    staff,
                    milestone,
                    version,
                    verdict,
                    note,
                    Occasion::quietly(at),
                )
                .await
                .map_err(fail(step))?;
            }
            other => anyhow::bail!("unknown step {other:?}"),
        }
    }
    Ok(())
}

/// The milestone being worked on: the first not yet approved.
async fn current_milestone(
    state: &AppState,
    application_id: i64,
) -> anyhow::Result<grant_milestones::Model> {
    grant_milestones::Entity::find()
        .filter(grant_milestones::Column::ApplicationId.eq(application_id))
        .filter(grant_milestones::Column::Status.ne(super::MilestoneStatus::Approved.as_db()))
        .order_by_asc(grant_milestones::Column::Position)
        .one(&state.db)
        .await?
        .context("every milestone is already approved")
}
