//! The Healthtech Challenge, step by step.
//!
//! Who does what:
//! - programme staff (staff of the programme's desk, and admins) set programmes up, assign
//!   reviewers, decide applications and milestones, and record investments;
//! - the applicant's organisation drafts, submits and withdraws its application and submits
//!   milestone evidence;
//! - an assigned reviewer reads the application and scores it;
//! - every signed-in user may read the programmes (calls for applications).
//!
//! To anyone else an application does not exist (`NOT_FOUND`).
//!
//! Money moves only inside one transaction that first locks the programme's row: the
//! budget, the award's payments and the ledger chain are read and written while no other
//! transaction can touch them (on SQLite, every write transaction holds the database's
//! write lock from its start). Each update is also conditional (`committed_yen + x <=
//! budget_yen`, a milestone's status and version), CHECK constraints hold the sums, and a
//! unique index pays each milestone once: a second approval, however it arrives, changes
//! nothing.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, DbBackend,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    sea_query::{Expr, ExprTrait},
};
use serde_json::json;

use super::{
    ApplicationStatus, AwardStatus, DisbursementStatus, GrantTheme, LedgerKind, MilestoneStatus,
    MilestoneStep, Recommendation,
    ledger::{self, Movement},
    match_cap,
};
use crate::{
    audit,
    auth::{Actor, Role, Viewer},
    calendar::japan_date,
    consultations::service::{self as cases, Occasion},
    db,
    directory::DirectoryKind,
    entity::{
        directory_entries, directory_entry_organisations, grant_applications, grant_awards,
        grant_criteria, grant_disbursements, grant_milestones, grant_programmes, grant_reviews,
        investments, organisations, users,
    },
    error::{ApiError, ErrorArg, ErrorCode, FieldError, Validator},
    ids::{DeskId, GrantApplicationId, GrantCriterionId, GrantMilestoneId, GrantProgrammeId},
    introductions::InvestmentRound,
    labels::Labelled,
    notify::{self, DeskNames, EmailTemplate, Recipient},
    pagination::{self, Page, PageArgs},
    state::AppState,
    validate,
};

const MAX_NAME: usize = 200;
const MAX_TEXT: usize = 4000;
const MAX_MILESTONES: usize = 10;
const MAX_CRITERIA: usize = 10;
const MAX_LINKS: usize = 10;
/// Scores run from 1 (poor) to 5 (excellent).
pub const SCORES: std::ops::RangeInclusive<i32> = 1..=5;
/// A VC-match ratio between 0.1 and 10, in thousandths.
const MATCH_RATIOS: std::ops::RangeInclusive<i32> = 100..=10_000;

// ----- who may do what -----

/// Whether the viewer runs the programme: its desk's staff, or an admin.
pub fn manages(viewer: &Viewer, programme: &grant_programmes::Model) -> bool {
    viewer.role == Role::Admin
        || (viewer.role == Role::Staff && viewer.desk_ids.contains(&DeskId(programme.desk_id)))
}

fn manages_actor(actor: &Actor, programme: &grant_programmes::Model) -> bool {
    match actor {
        Actor::System => true,
        Actor::User(viewer) => manages(viewer, programme),
        Actor::Anonymous => false,
    }
}

/// What the viewer is to one application.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Standing {
    /// Staff of the programme's desk, or an admin.
    pub manager: bool,
    /// A member of the applicant organisation.
    pub applicant: bool,
    /// An assigned reviewer (their review's id).
    pub review: Option<i64>,
}

/// An application with its programme and the viewer's standing.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub application: grant_applications::Model,
    pub programme: grant_programmes::Model,
    pub standing: Standing,
}

impl Loaded {
    pub fn status(&self) -> ApplicationStatus {
        ApplicationStatus::from_db(&self.application.status).unwrap_or(ApplicationStatus::Draft)
    }
}

// ----- programmes -----

/// A criterion as staff enter it.
#[derive(Debug, Clone)]
pub struct CriterionInput {
    pub name_en: String,
    pub name_ja: String,
    pub weight: i32,
}

/// A programme as staff enter it.
#[derive(Debug, Clone)]
pub struct ProgrammeInput {
    pub desk: DeskId,
    pub fiscal_year: i32,
    pub name_en: String,
    pub name_ja: String,
    pub description_en: String,
    pub description_ja: String,
    pub themes: Vec<GrantTheme>,
    pub budget_yen: i64,
    pub award_ceiling_yen: i64,
    /// The VC-match ratio in thousandths (2.0 is 2000), if the programme has one.
    pub match_ratio_permille: Option<i32>,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub criteria: Vec<CriterionInput>,
}

pub fn themes_of(programme: &grant_programmes::Model) -> Vec<GrantTheme> {
    programme
        .themes
        .split(',')
        .filter_map(|code| GrantTheme::from_db(code).ok())
        .collect()
}

/// Every programme, the newest fiscal year first. Any signed-in user may read them.
pub async fn programmes(
    conn: &impl ConnectionTrait,
    actor: &Actor,
) -> Result<Vec<grant_programmes::Model>, ApiError> {
    actor.viewer()?;
    Ok(grant_programmes::Entity::find()
        .order_by_desc(grant_programmes::Column::FiscalYear)
        .order_by_desc(grant_programmes::Column::Id)
        .all(conn)
        .await?)
}

pub async fn programme(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: GrantProgrammeId,
) -> Result<grant_programmes::Model, ApiError> {
    actor.viewer().map_err(|_| ApiError::not_found())?;
    grant_programmes::Entity::find_by_id(id.0)
        .one(conn)
        .await?
        .ok_or_else(ApiError::not_found)
}

pub async fn criteria_of(
    conn: &impl ConnectionTrait,
    programme_id: i64,
) -> Result<Vec<grant_criteria::Model>, ApiError> {
    Ok(grant_criteria::Entity::find()
        .filter(grant_criteria::Column::ProgrammeId.eq(programme_id))
        .order_by_asc(grant_criteria::Column::Position)
        .all(conn)
        .await?)
}

fn check_programme(input: &ProgrammeInput) -> Result<ProgrammeInput, ApiError> {
    let mut v = Validator::new();
    let name_en = v.check("nameEn", validate::required_text(&input.name_en, MAX_NAME));
    let name_ja = v.check("nameJa", validate::required_text(&input.name_ja, MAX_NAME));
    let description_en = v.check(
        "descriptionEn",
        validate::optional_text(&input.description_en, MAX_TEXT),
    );
    let description_ja = v.check(
        "descriptionJa",
        validate::optional_text(&input.description_ja, MAX_TEXT),
    );
    v.check(
        "fiscalYear",
        validate::in_range(input.fiscal_year, 2000, 2100),
    );
    let themes: Vec<GrantTheme> = input
        .themes
        .iter()
        .copied()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if themes.is_empty() {
        v.push(FieldError::new("themes", ErrorCode::Required));
    }
    if input.budget_yen < 1 {
        v.push(FieldError::new("budgetYen", ErrorCode::AmountNotPositive));
    }
    if input.award_ceiling_yen < 1 {
        v.push(FieldError::new(
            "awardCeilingYen",
            ErrorCode::AmountNotPositive,
        ));
    } else if input.award_ceiling_yen > input.budget_yen {
        v.push(
            FieldError::new("awardCeilingYen", ErrorCode::GrantBudgetExceeded)
                .with_arg("max", ErrorArg::Yen(input.budget_yen)),
        );
    }
    if let Some(ratio) = input.match_ratio_permille
        && !MATCH_RATIOS.contains(&ratio)
    {
        v.push(
            FieldError::new("matchRatio", ErrorCode::OutOfRange)
                .with_arg("min", "0.1")
                .with_arg("max", "10"),
        );
    }
    match crate::calendar::fiscal_year_bounds(input.fiscal_year) {
        Some((first, last)) => {
            if input.opens_on > input.closes_on {
                v.push(FieldError::new("closesOn", ErrorCode::GrantWindowInvalid));
            }
            // The window may open before the fiscal year (a call announced in March) but
            // closes within it.
            if input.closes_on < first || input.closes_on > last {
                v.push(FieldError::new("closesOn", ErrorCode::GrantWindowInvalid));
            }
            if input.opens_on > last || input.opens_on < first - chrono::Months::new(12) {
                v.push(FieldError::new("opensOn", ErrorCode::GrantWindowInvalid));
            }
        }
        None => v.push(FieldError::new("fiscalYear", ErrorCode::OutOfRange)),
    }
    if input.criteria.is_empty() {
        v.push(FieldError::new("criteria", ErrorCode::Required));
    } else if input.criteria.len() > MAX_CRITERIA {
        v.push(FieldError::new("criteria", ErrorCode::TooMany).with_arg("max", MAX_CRITERIA));
    }
    let mut criteria = Vec::new();
    for (i, criterion) in input.criteria.iter().enumerate() {
        let name_en = v.check(
            &format!("criteria.{i}.nameEn"),
            validate::required_text(&criterion.name_en, MAX_NAME),
        );
        let name_ja = v.check(
            &format!("criteria.{i}.nameJa"),
            validate::required_text(&criterion.name_ja, MAX_NAME),
        );
        let weight = v.check(
            &format!("criteria.{i}.weight"),
            validate::in_range(criterion.weight, 1, 100),
        );
        criteria.push(CriterionInput {
            name_en,
            name_ja,
            weight,
        });
    }
    v.finish()?;
    Ok(ProgrammeInput {
        name_en,
        name_ja,
        description_en,
        description_ja,
        themes,
        criteria,
        ..input.clone()
    })
}

/// Creates a programme (staff of its desk, or an admin).
pub async fn create_programme(
    state: &AppState,
    actor: &Actor,
    input: ProgrammeInput,
    occasion: Occasion,
) -> Result<grant_programmes::Model, ApiError> {
    let at = occasion.at;
    let viewer = actor.viewer()?;
    let input = check_programme(&input)?;
    let may = viewer.role == Role::Admin
        || (viewer.role == Role::Staff && viewer.desk_ids.contains(&input.desk));
    if !may {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let txn = db::begin_write(&state.db).await?;
    cases::desk_of(&txn, input.desk.0)
        .await
        .map_err(|_| ApiError::field("deskId", ErrorCode::NotFound))?;
    let programme = grant_programmes::ActiveModel {
        desk_id: Set(input.desk.0),
        fiscal_year: Set(input.fiscal_year),
        name_en: Set(input.name_en.clone()),
        name_ja: Set(input.name_ja.clone()),
        description_en: Set(input.description_en.clone()),
        description_ja: Set(input.description_ja.clone()),
        themes: Set(themes_to_db(&input.themes)),
        budget_yen: Set(input.budget_yen),
        award_ceiling_yen: Set(input.award_ceiling_yen),
        match_ratio_permille: Set(input.match_ratio_permille),
        opens_on: Set(input.opens_on),
        closes_on: Set(input.closes_on),
        committed_yen: Set(0),
        disbursed_yen: Set(0),
        created_by_user_id: Set(actor.user_id().map(|u| u.0)),
        version: Set(1),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    write_criteria(&txn, programme.id, &input.criteria).await?;
    audit::record(
        &txn,
        actor,
        "grant_programme.create",
        "grant_programme",
        programme.id,
        None,
        Some(&programme_json(&programme)),
    )
    .await?;
    txn.commit().await?;
    Ok(programme)
}

/// Changes a programme. The budget may not fall below what is committed; the criteria
/// stay as they are once a review was submitted; the desk does not change.
pub async fn update_programme(
    state: &AppState,
    actor: &Actor,
    id: GrantProgrammeId,
    version: i32,
    input: ProgrammeInput,
    occasion: Occasion,
) -> Result<grant_programmes::Model, ApiError> {
    let at = occasion.at;
    let input = check_programme(&input)?;
    let txn = db::begin_write(&state.db).await?;
    let current = lock_programme(&txn, id.0).await?;
    if !manages_actor(actor, &current) {
        return Err(if actor.viewer().is_ok() {
            ApiError::new(ErrorCode::Forbidden)
        } else {
            ApiError::not_found()
        });
    }
    if current.version != version {
        return Err(ApiError::new(ErrorCode::EditConflict));
    }
    if input.budget_yen < current.committed_yen {
        return Err(
            FieldError::new("budgetYen", ErrorCode::GrantBudgetBelowCommitted)
                .with_arg("committed", ErrorArg::Yen(current.committed_yen))
                .into(),
        );
    }
    let criteria = criteria_of(&txn, current.id).await?;
    let same_criteria = criteria.len() == input.criteria.len()
        && criteria.iter().zip(&input.criteria).all(|(old, new)| {
            old.name_en == new.name_en && old.name_ja == new.name_ja && old.weight == new.weight
        });
    if !same_criteria {
        if reviews_submitted(&txn, current.id).await? {
            return Err(FieldError::new("criteria", ErrorCode::GrantCriteriaLocked).into());
        }
        grant_criteria::Entity::delete_many()
            .filter(grant_criteria::Column::ProgrammeId.eq(current.id))
            .exec(&txn)
            .await?;
        write_criteria(&txn, current.id, &input.criteria).await?;
    }
    let updated = grant_programmes::ActiveModel {
        id: Set(current.id),
        fiscal_year: Set(input.fiscal_year),
        name_en: Set(input.name_en.clone()),
        name_ja: Set(input.name_ja.clone()),
        description_en: Set(input.description_en.clone()),
        description_ja: Set(input.description_ja.clone()),
        themes: Set(themes_to_db(&input.themes)),
        budget_yen: Set(input.budget_yen),
        award_ceiling_yen: Set(input.award_ceiling_yen),
        match_ratio_permille: Set(input.match_ratio_permille),
        opens_on: Set(input.opens_on),
        closes_on: Set(input.closes_on),
        version: Set(current.version + 1),
        updated_at: Set(at),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
        "grant_programme.update",
        "grant_programme",
        updated.id,
        Some(&programme_json(&current)),
        Some(&programme_json(&updated)),
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

fn themes_to_db(themes: &[GrantTheme]) -> String {
    themes
        .iter()
        .map(|t| t.as_db())
        .collect::<Vec<_>>()
        .join(",")
}

fn programme_json(programme: &grant_programmes::Model) -> serde_json::Value {
    json!({
        "fiscal_year": programme.fiscal_year,
        "name_ja": programme.name_ja,
        "themes": programme.themes,
        "budget_yen": programme.budget_yen,
        "award_ceiling_yen": programme.award_ceiling_yen,
        "match_ratio_permille": programme.match_ratio_permille,
        "opens_on": programme.opens_on,
        "closes_on": programme.closes_on,
    })
}

async fn write_criteria(
    txn: &DatabaseTransaction,
    programme_id: i64,
    criteria: &[CriterionInput],
) -> Result<(), ApiError> {
    for (position, criterion) in criteria.iter().enumerate() {
        grant_criteria::ActiveModel {
            programme_id: Set(programme_id),
            position: Set(position as i32 + 1),
            name_en: Set(criterion.name_en.clone()),
            name_ja: Set(criterion.name_ja.clone()),
            weight: Set(criterion.weight),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

async fn reviews_submitted(
    conn: &impl ConnectionTrait,
    programme_id: i64,
) -> Result<bool, ApiError> {
    let applications: Vec<i64> = grant_applications::Entity::find()
        .select_only()
        .column(grant_applications::Column::Id)
        .filter(grant_applications::Column::ProgrammeId.eq(programme_id))
        .into_tuple()
        .all(conn)
        .await?;
    if applications.is_empty() {
        return Ok(false);
    }
    Ok(grant_reviews::Entity::find()
        .filter(grant_reviews::Column::ApplicationId.is_in(applications))
        .filter(grant_reviews::Column::SubmittedAt.is_not_null())
        .one(conn)
        .await?
        .is_some())
}

/// Where a programme's money stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub budget_yen: i64,
    /// Awarded and not returned (paid, waiting, or still to be earned).
    pub committed_yen: i64,
    pub disbursed_yen: i64,
    /// Approved tranches waiting for VC match.
    pub awaiting_match_yen: i64,
    /// What may still be awarded.
    pub remaining_yen: i64,
}

pub async fn budget_of(
    conn: &impl ConnectionTrait,
    programme: &grant_programmes::Model,
) -> Result<Budget, ApiError> {
    let awaiting = sum_awaiting(
        conn,
        grant_disbursements::Column::ProgrammeId.eq(programme.id),
    )
    .await?;
    Ok(Budget {
        budget_yen: programme.budget_yen,
        committed_yen: programme.committed_yen,
        disbursed_yen: programme.disbursed_yen,
        awaiting_match_yen: awaiting,
        remaining_yen: programme.budget_yen - programme.committed_yen,
    })
}

/// The yen of the approved tranches that wait for VC match, among those `filter` picks.
pub async fn sum_awaiting(
    conn: &impl ConnectionTrait,
    filter: impl sea_orm::sea_query::IntoCondition,
) -> Result<i64, ApiError> {
    let rows = grant_disbursements::Entity::find()
        .filter(filter)
        .filter(grant_disbursements::Column::Status.eq(DisbursementStatus::AwaitingMatch.as_db()))
        .all(conn)
        .await?;
    Ok(rows.iter().map(|row| row.amount_yen).sum())
}

// ----- applications -----

/// A milestone as the applicant plans it.
#[derive(Debug, Clone)]
pub struct PlannedMilestone {
    pub title: String,
    pub success_criteria: String,
    pub due_on: NaiveDate,
    pub tranche_yen: i64,
}

/// An application as the applicant drafts it.
#[derive(Debug, Clone)]
pub struct Draft {
    pub theme: GrantTheme,
    pub title: String,
    pub summary: String,
    pub milestones: Vec<PlannedMilestone>,
}

/// Reads an application the actor may see; `NOT_FOUND` otherwise. Reviewers see it once
/// submitted.
pub async fn load(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: GrantApplicationId,
) -> Result<Loaded, ApiError> {
    let application = grant_applications::Entity::find_by_id(id.0)
        .one(conn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let programme = grant_programmes::Entity::find_by_id(application.programme_id)
        .one(conn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let standing = standing_of(conn, actor, &application, &programme).await?;
    if standing == Standing::default() {
        return Err(ApiError::not_found());
    }
    Ok(Loaded {
        application,
        programme,
        standing,
    })
}

async fn standing_of(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    application: &grant_applications::Model,
    programme: &grant_programmes::Model,
) -> Result<Standing, ApiError> {
    let viewer = match actor {
        Actor::System => {
            return Ok(Standing {
                manager: true,
                ..Standing::default()
            });
        }
        Actor::Anonymous => return Ok(Standing::default()),
        Actor::User(viewer) => viewer,
    };
    // A draft is the applicant's own until submitted.
    let submitted = application.submitted_at.is_some();
    let review = if submitted && matches!(viewer.role, Role::Advisor | Role::Staff) {
        grant_reviews::Entity::find()
            .filter(grant_reviews::Column::ApplicationId.eq(application.id))
            .filter(grant_reviews::Column::ReviewerUserId.eq(viewer.user_id.0))
            .one(conn)
            .await?
            .map(|review| review.id)
    } else {
        None
    };
    Ok(Standing {
        manager: submitted && manages(viewer, programme),
        applicant: viewer.role == Role::Requester
            && viewer.organisation_id.map(|o| o.0) == Some(application.organisation_id),
        review,
    })
}

/// Applications the viewer may see, oldest first: staff see their programmes'
/// (submitted and later), applicants their organisation's, reviewers those assigned to them.
pub async fn applications(
    state: &AppState,
    actor: &Actor,
    programme: Option<GrantProgrammeId>,
    status: Option<ApplicationStatus>,
    page: PageArgs,
) -> Result<Page<Loaded>, ApiError> {
    let viewer = actor.viewer()?;
    let mut select = grant_applications::Entity::find();
    if let Some(programme) = programme {
        select = select.filter(grant_applications::Column::ProgrammeId.eq(programme.0));
    }
    if let Some(status) = status {
        select = select.filter(grant_applications::Column::Status.eq(status.as_db()));
    }
    let mut visible = Condition::any();
    if viewer.role == Role::Requester
        && let Some(organisation) = viewer.organisation_id
    {
        visible = visible.add(grant_applications::Column::OrganisationId.eq(organisation.0));
    }
    let not_draft = grant_applications::Column::SubmittedAt.is_not_null();
    if viewer.role == Role::Admin {
        visible = visible.add(not_draft.clone());
    } else if viewer.role == Role::Staff {
        let desks: Vec<i64> = viewer.desk_ids.iter().map(|d| d.0).collect();
        let managed: Vec<i64> = grant_programmes::Entity::find()
            .select_only()
            .column(grant_programmes::Column::Id)
            .filter(grant_programmes::Column::DeskId.is_in(desks))
            .into_tuple()
            .all(&state.db)
            .await?;
        visible = visible.add(
            Condition::all()
                .add(grant_applications::Column::ProgrammeId.is_in(managed))
                .add(not_draft.clone()),
        );
    }
    if matches!(viewer.role, Role::Advisor | Role::Staff) {
        let assigned: Vec<i64> = grant_reviews::Entity::find()
            .select_only()
            .column(grant_reviews::Column::ApplicationId)
            .filter(grant_reviews::Column::ReviewerUserId.eq(viewer.user_id.0))
            .into_tuple()
            .all(&state.db)
            .await?;
        visible = visible.add(
            Condition::all()
                .add(grant_applications::Column::Id.is_in(assigned))
                .add(not_draft),
        );
    }
    if visible.is_empty() {
        return Ok(Page {
            items: Vec::new(),
            has_next_page: false,
            has_previous_page: false,
            total_count: 0,
        });
    }
    let found = pagination::fetch(
        &state.db,
        select.filter(visible),
        grant_applications::Column::Id,
        |row| row.id,
        page,
    )
    .await?;
    let programme_ids: BTreeSet<i64> = found.items.iter().map(|(_, a)| a.programme_id).collect();
    let programmes: BTreeMap<i64, grant_programmes::Model> = grant_programmes::Entity::find()
        .filter(grant_programmes::Column::Id.is_in(programme_ids))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut items = Vec::with_capacity(found.items.len());
    for (id, application) in found.items {
        let programme = programmes
            .get(&application.programme_id)
            .cloned()
            .ok_or_else(ApiError::not_found)?;
        let standing = standing_of(&state.db, actor, &application, &programme).await?;
        items.push((
            id,
            Loaded {
                application,
                programme,
                standing,
            },
        ));
    }
    Ok(Page {
        items,
        has_next_page: found.has_next_page,
        has_previous_page: found.has_previous_page,
        total_count: found.total_count,
    })
}

pub async fn milestones_of(
    conn: &impl ConnectionTrait,
    application_id: i64,
) -> Result<Vec<grant_milestones::Model>, ApiError> {
    Ok(grant_milestones::Entity::find()
        .filter(grant_milestones::Column::ApplicationId.eq(application_id))
        .order_by_asc(grant_milestones::Column::Position)
        .all(conn)
        .await?)
}

pub async fn award_of(
    conn: &impl ConnectionTrait,
    application_id: i64,
) -> Result<Option<grant_awards::Model>, ApiError> {
    Ok(grant_awards::Entity::find()
        .filter(grant_awards::Column::ApplicationId.eq(application_id))
        .one(conn)
        .await?)
}

pub async fn disbursements_of(
    conn: &impl ConnectionTrait,
    award_id: i64,
) -> Result<Vec<grant_disbursements::Model>, ApiError> {
    Ok(grant_disbursements::Entity::find()
        .filter(grant_disbursements::Column::AwardId.eq(award_id))
        .order_by_asc(grant_disbursements::Column::Id)
        .all(conn)
        .await?)
}

pub async fn reviews_of(
    conn: &impl ConnectionTrait,
    application_id: i64,
) -> Result<Vec<grant_reviews::Model>, ApiError> {
    Ok(grant_reviews::Entity::find()
        .filter(grant_reviews::Column::ApplicationId.eq(application_id))
        .order_by_asc(grant_reviews::Column::Id)
        .all(conn)
        .await?)
}

/// The private investments confirmed in an organisation, newest first.
pub async fn investments_of(
    conn: &impl ConnectionTrait,
    organisation_id: i64,
) -> Result<Vec<investments::Model>, ApiError> {
    Ok(investments::Entity::find()
        .filter(investments::Column::OrganisationId.eq(organisation_id))
        .order_by_desc(investments::Column::InvestedOn)
        .order_by_desc(investments::Column::Id)
        .all(conn)
        .await?)
}

/// The private investment confirmed in an organisation (matched VC introductions and
/// investments recorded by staff).
pub async fn confirmed_investment(
    conn: &impl ConnectionTrait,
    organisation_id: i64,
) -> Result<i64, ApiError> {
    let amounts: Vec<i64> = investments::Entity::find()
        .select_only()
        .column(investments::Column::AmountYen)
        .filter(investments::Column::OrganisationId.eq(organisation_id))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(amounts.iter().fold(0i64, |sum, x| sum.saturating_add(*x)))
}

fn check_draft(
    draft: &Draft,
    programme: &grant_programmes::Model,
    today: NaiveDate,
) -> Result<(Draft, i64), ApiError> {
    let mut v = Validator::new();
    let title = v.check("title", validate::required_text(&draft.title, MAX_NAME));
    let summary = v.check("summary", validate::required_text(&draft.summary, MAX_TEXT));
    if !themes_of(programme).contains(&draft.theme) {
        v.push(FieldError::new("theme", ErrorCode::GrantThemeNotOffered));
    }
    if draft.milestones.is_empty() {
        v.push(FieldError::new("milestones", ErrorCode::Required));
    } else if draft.milestones.len() > MAX_MILESTONES {
        v.push(FieldError::new("milestones", ErrorCode::TooMany).with_arg("max", MAX_MILESTONES));
    }
    let mut milestones = Vec::new();
    let mut total: i64 = 0;
    let mut previous_due: Option<NaiveDate> = None;
    for (i, milestone) in draft.milestones.iter().enumerate() {
        let title = v.check(
            &format!("milestones.{i}.title"),
            validate::required_text(&milestone.title, MAX_NAME),
        );
        let success_criteria = v.check(
            &format!("milestones.{i}.successCriteria"),
            validate::required_text(&milestone.success_criteria, MAX_TEXT),
        );
        if milestone.due_on < today {
            v.push(FieldError::new(
                format!("milestones.{i}.dueOn"),
                ErrorCode::GrantDueDatePast,
            ));
        } else if previous_due.is_some_and(|before| milestone.due_on <= before) {
            v.push(FieldError::new(
                format!("milestones.{i}.dueOn"),
                ErrorCode::GrantMilestonesOutOfOrder,
            ));
        }
        previous_due = Some(milestone.due_on);
        if milestone.tranche_yen < 1 {
            v.push(FieldError::new(
                format!("milestones.{i}.trancheYen"),
                ErrorCode::AmountNotPositive,
            ));
        }
        total = total.saturating_add(std::cmp::max(milestone.tranche_yen, 0));
        milestones.push(PlannedMilestone {
            title,
            success_criteria,
            ..milestone.clone()
        });
    }
    if total > programme.award_ceiling_yen {
        v.push(
            FieldError::new("milestones", ErrorCode::GrantCeilingExceeded)
                .with_arg("max", ErrorArg::Yen(programme.award_ceiling_yen)),
        );
    }
    v.finish()?;
    Ok((
        Draft {
            theme: draft.theme,
            title,
            summary,
            milestones,
        },
        total,
    ))
}

/// Saves the organisation's draft application to a programme: a new one, or changes to a
/// draft (`existing` with the version read). The plan must stay within the ceiling; the
/// window must not have closed.
pub async fn save_draft(
    state: &AppState,
    actor: &Actor,
    programme_id: GrantProgrammeId,
    existing: Option<(GrantApplicationId, i32)>,
    draft: Draft,
    occasion: Occasion,
) -> Result<grant_applications::Model, ApiError> {
    let at = occasion.at;
    let viewer = actor.viewer()?;
    let organisation = match (viewer.role, viewer.organisation_id) {
        (Role::Requester, Some(organisation)) => organisation,
        _ => return Err(ApiError::new(ErrorCode::Forbidden)),
    };
    let programme = programme(&state.db, actor, programme_id).await?;
    let today = japan_date(at);
    let (draft, total) = check_draft(&draft, &programme, today)?;
    if today > programme.closes_on {
        return Err(ApiError::new(ErrorCode::GrantWindowClosed));
    }
    let txn = db::begin_write(&state.db).await?;
    let application = match existing {
        None => grant_applications::ActiveModel {
            programme_id: Set(programme.id),
            organisation_id: Set(organisation.0),
            created_by_user_id: Set(Some(viewer.user_id.0)),
            theme: Set(draft.theme.as_db().to_owned()),
            title: Set(draft.title.clone()),
            summary: Set(draft.summary.clone()),
            requested_yen: Set(total),
            status: Set(ApplicationStatus::Draft.as_db().to_owned()),
            version: Set(1),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(|error| {
            if db::is_unique_violation(&error) {
                ApiError::new(ErrorCode::GrantApplicationExists)
            } else {
                ApiError::from(error)
            }
        })?,
        Some((id, version)) => {
            let loaded = load(&txn, actor, id).await?;
            if !loaded.standing.applicant || loaded.programme.id != programme.id {
                return Err(ApiError::not_found());
            }
            if loaded.status() != ApplicationStatus::Draft {
                return Err(ApiError::new(ErrorCode::GrantStepNotAllowed));
            }
            let written = grant_applications::Entity::update_many()
                .set(grant_applications::ActiveModel {
                    theme: Set(draft.theme.as_db().to_owned()),
                    title: Set(draft.title.clone()),
                    summary: Set(draft.summary.clone()),
                    requested_yen: Set(total),
                    version: Set(version + 1),
                    updated_at: Set(at),
                    ..Default::default()
                })
                .filter(grant_applications::Column::Id.eq(id.0))
                .filter(grant_applications::Column::Version.eq(version))
                .filter(grant_applications::Column::Status.eq(ApplicationStatus::Draft.as_db()))
                .exec(&txn)
                .await?;
            if written.rows_affected != 1 {
                return Err(ApiError::new(ErrorCode::EditConflict));
            }
            grant_milestones::Entity::delete_many()
                .filter(grant_milestones::Column::ApplicationId.eq(id.0))
                .exec(&txn)
                .await?;
            grant_applications::Entity::find_by_id(id.0)
                .one(&txn)
                .await?
                .ok_or_else(ApiError::not_found)?
        }
    };
    for (position, milestone) in draft.milestones.iter().enumerate() {
        grant_milestones::ActiveModel {
            application_id: Set(application.id),
            position: Set(position as i32 + 1),
            title: Set(milestone.title.clone()),
            success_criteria: Set(milestone.success_criteria.clone()),
            due_on: Set(milestone.due_on),
            tranche_yen: Set(milestone.tranche_yen),
            status: Set(MilestoneStatus::Locked.as_db().to_owned()),
            evidence_links: Set(String::new()),
            version: Set(1),
            updated_at: Set(at),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(application)
}

/// The applicant submits the draft, within the application window.
pub async fn submit(
    state: &AppState,
    actor: &Actor,
    id: GrantApplicationId,
    version: i32,
    occasion: Occasion,
) -> Result<grant_applications::Model, ApiError> {
    let at = occasion.at;
    let txn = db::begin_write(&state.db).await?;
    let loaded = load(&txn, actor, id).await?;
    if !loaded.standing.applicant {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let today = japan_date(at);
    let programme = &loaded.programme;
    if today < programme.opens_on || today > programme.closes_on {
        return Err(ApiError::new(ErrorCode::GrantWindowClosed)
            .with_arg("from", programme.opens_on.to_string())
            .with_arg("to", programme.closes_on.to_string()));
    }
    let milestones = milestones_of(&txn, id.0).await?;
    let draft = Draft {
        theme: GrantTheme::from_db(&loaded.application.theme).map_err(ApiError::internal)?,
        title: loaded.application.title.clone(),
        summary: loaded.application.summary.clone(),
        milestones: milestones
            .iter()
            .map(|m| PlannedMilestone {
                title: m.title.clone(),
                success_criteria: m.success_criteria.clone(),
                due_on: m.due_on,
                tranche_yen: m.tranche_yen,
            })
            .collect(),
    };
    // The programme may have changed since the draft was saved.
    check_draft(&draft, programme, today)?;
    let application = move_application(
        &txn,
        &loaded,
        version,
        ApplicationStatus::Draft,
        ApplicationStatus::Submitted,
        grant_applications::ActiveModel {
            submitted_at: Set(Some(at)),
            ..Default::default()
        },
        at,
    )
    .await?;
    let desk = cases::desk_of(&txn, programme.desk_id).await?;
    email_applicants(
        state,
        &txn,
        occasion.notify,
        application.organisation_id,
        |link| EmailTemplate::GrantApplicationReceived {
            programme: names_of(programme),
            desk: DeskNames::of(&desk),
            title: application.title.clone(),
            requested_yen: application.requested_yen,
            link,
        },
        application.id,
    )
    .await?;
    email_programme_staff(
        state,
        &txn,
        occasion.notify,
        programme,
        |link, organisation| EmailTemplate::GrantAwaitingDecision {
            programme: names_of(programme),
            title: application.title.clone(),
            organisation: organisation.to_owned(),
            milestone: None,
            link,
        },
        application.id,
    )
    .await?;
    txn.commit().await?;
    Ok(application)
}

/// The applicant withdraws a draft or a submitted application not yet decided.
pub async fn withdraw(
    state: &AppState,
    actor: &Actor,
    id: GrantApplicationId,
    version: i32,
    occasion: Occasion,
) -> Result<grant_applications::Model, ApiError> {
    let at = occasion.at;
    let txn = db::begin_write(&state.db).await?;
    let loaded = load(&txn, actor, id).await?;
    if !loaded.standing.applicant {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let from = match loaded.status() {
        status @ (ApplicationStatus::Draft | ApplicationStatus::Submitted) => status,
        _ => return Err(ApiError::new(ErrorCode::GrantStepNotAllowed)),
    };
    let application = move_application(
        &txn,
        &loaded,
        version,
        from,
        ApplicationStatus::Withdrawn,
        <grant_applications::ActiveModel as Default>::default(),
        at,
    )
    .await?;
    txn.commit().await?;
    Ok(application)
}

async fn move_application(
    txn: &DatabaseTransaction,
    loaded: &Loaded,
    version: i32,
    from: ApplicationStatus,
    to: ApplicationStatus,
    mut row: grant_applications::ActiveModel,
    at: DateTime<Utc>,
) -> Result<grant_applications::Model, ApiError> {
    let current = &loaded.application;
    if current.version != version {
        return Err(ApiError::new(ErrorCode::EditConflict));
    }
    if loaded.status() != from {
        return Err(ApiError::new(ErrorCode::GrantStepNotAllowed));
    }
    row.status = Set(to.as_db().to_owned());
    row.version = Set(current.version + 1);
    row.updated_at = Set(at);
    let written = grant_applications::Entity::update_many()
        .set(row)
        .filter(grant_applications::Column::Id.eq(current.id))
        .filter(grant_applications::Column::Version.eq(current.version))
        .filter(grant_applications::Column::Status.eq(from.as_db()))
        .exec(txn)
        .await?;
    if written.rows_affected != 1 {
        return Err(ApiError::new(ErrorCode::EditConflict));
    }
    grant_applications::Entity::find_by_id(current.id)
        .one(txn)
        .await?
        .ok_or_else(ApiError::not_found)
}

// ----- reviews -----

/// Someone who might review an application, and whether they may.
#[derive(Debug, Clone)]
pub struct ReviewerCandidate {
    pub user: users::Model,
    pub conflict: bool,
    pub assigned: bool,
}

/// Whether the user has a conflict of interest with the organisation: they belong to it,
/// or their advisor profile declares a tie to it.
pub async fn conflicted(
    conn: &impl ConnectionTrait,
    user: &users::Model,
    organisation_id: i64,
) -> Result<bool, ApiError> {
    if user.organisation_id == Some(organisation_id) {
        return Ok(true);
    }
    let entries: Vec<i64> = directory_entries::Entity::find()
        .select_only()
        .column(directory_entries::Column::Id)
        .filter(directory_entries::Column::UserId.eq(user.id))
        .filter(directory_entries::Column::Kind.eq(DirectoryKind::Advisor.as_db()))
        .into_tuple()
        .all(conn)
        .await?;
    if entries.is_empty() {
        return Ok(false);
    }
    Ok(directory_entry_organisations::Entity::find()
        .filter(directory_entry_organisations::Column::EntryId.is_in(entries))
        .filter(directory_entry_organisations::Column::OrganisationId.eq(organisation_id))
        .one(conn)
        .await?
        .is_some())
}

fn may_review(user: &users::Model) -> bool {
    user.deactivated_at.is_none()
        && (user.role == Role::Advisor.as_db() || user.role == Role::Staff.as_db())
}

/// The programme desk's advisors and staff, each with whether they are conflicted or
/// already assigned (for staff choosing reviewers).
pub async fn reviewer_candidates(
    state: &AppState,
    actor: &Actor,
    id: GrantApplicationId,
) -> Result<Vec<ReviewerCandidate>, ApiError> {
    let loaded = load(&state.db, actor, id).await?;
    if !loaded.standing.manager {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let assigned: BTreeSet<i64> = reviews_of(&state.db, id.0)
        .await?
        .into_iter()
        .map(|review| review.reviewer_user_id)
        .collect();
    let mut candidates = Vec::new();
    let members =
        crate::desks::service::members_of(&state.db, &[DeskId(loaded.programme.desk_id)]).await?;
    for user in members.into_iter().map(|(_, user)| user).filter(may_review) {
        let conflict = conflicted(&state.db, &user, loaded.application.organisation_id).await?;
        candidates.push(ReviewerCandidate {
            assigned: assigned.contains(&user.id),
            conflict,
            user,
        });
    }
    Ok(candidates)
}

/// Staff assign a reviewer to a submitted application. Only active advisors and staff
/// review, never one with a conflict of interest with the applicant. Assigning someone
/// twice changes nothing.
pub async fn assign_reviewer(
    state: &AppState,
    actor: &Actor,
    id: GrantApplicationId,
    reviewer: crate::ids::UserId,
    occasion: Occasion,
) -> Result<grant_reviews::Model, ApiError> {
    let at = occasion.at;
    let txn = db::begin_write(&state.db).await?;
    let loaded = load(&txn, actor, id).await?;
    if !loaded.standing.manager {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    if loaded.status() != ApplicationStatus::Submitted {
        return Err(ApiError::new(ErrorCode::GrantStepNotAllowed));
    }
    let user = users::Entity::find_by_id(reviewer.0)
        .one(&txn)
        .await?
        .ok_or_else(|| ApiError::field("userId", ErrorCode::NotFound))?;
    if !may_review(&user) {
        return Err(ApiError::field(
            "userId",
            ErrorCode::GrantReviewerNotEligible,
        ));
    }
    if conflicted(&txn, &user, loaded.application.organisation_id).await? {
        return Err(ApiError::field("userId", ErrorCode::GrantReviewerConflict));
    }
    if let Some(existing) = grant_reviews::Entity::find()
        .filter(grant_reviews::Column::ApplicationId.eq(id.0))
        .filter(grant_reviews::Column::ReviewerUserId.eq(user.id))
        .one(&txn)
        .await?
    {
        return Ok(existing);
    }
    let review = grant_reviews::ActiveModel {
        application_id: Set(id.0),
        reviewer_user_id: Set(user.id),
        assigned_by_user_id: Set(actor.user_id().map(|u| u.0)),
        assigned_at: Set(at),
        scores: Set("{}".to_owned()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
        "grant_application.assign_reviewer",
        "grant_application",
        id.0,
        None,
        Some(&json!({ "reviewer_user_id": user.id })),
    )
    .await?;
    let organisation = organisation_name(&txn, loaded.application.organisation_id).await?;
    if occasion.notify {
        notify::queue_email(
            &txn,
            &state.settings,
            &state.i18n,
            &cases::recipient(&user),
            EmailTemplate::GrantReviewRequested {
                programme: names_of(&loaded.programme),
                title: loaded.application.title.clone(),
                organisation,
                link: link(state, id.0),
            },
        )
        .await
        .map_err(ApiError::internal)?;
    }
    txn.commit().await?;
    Ok(review)
}

/// The scores of a review, by criterion id.
pub fn scores_of(review: &grant_reviews::Model) -> BTreeMap<i64, i32> {
    serde_json::from_str::<BTreeMap<String, i32>>(&review.scores)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(id, score)| id.parse().ok().map(|id| (id, score)))
        .collect()
}

/// A review's weighted score on the 1–5 scale: Σ weight × score / Σ weight.
pub fn weighted_score(
    scores: &BTreeMap<i64, i32>,
    criteria: &[grant_criteria::Model],
) -> Option<f64> {
    let (mut sum, mut weights) = (0i64, 0i64);
    for criterion in criteria {
        let score = scores.get(&criterion.id)?;
        sum += i64::from(criterion.weight) * i64::from(*score);
        weights += i64::from(criterion.weight);
    }
    (weights > 0).then(|| sum as f64 / weights as f64)
}

/// The mean of the submitted reviews' weighted scores.
pub fn aggregate_score(
    reviews: &[grant_reviews::Model],
    criteria: &[grant_criteria::Model],
) -> Option<f64> {
    let scores: Vec<f64> = reviews
        .iter()
        .filter(|review| review.submitted_at.is_some())
        .filter_map(|review| weighted_score(&scores_of(review), criteria))
        .collect();
    (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
}

/// A reviewer's review as they enter it.
#[derive(Debug, Clone)]
pub struct ReviewInput {
    pub scores: Vec<(GrantCriterionId, i32)>,
    pub recommendation: Recommendation,
    pub comment: String,
}

/// An assigned reviewer scores every criterion once (1–5) and recommends; they may revise
/// it until the application is decided.
pub async fn submit_review(
    state: &AppState,
    actor: &Actor,
    id: GrantApplicationId,
    input: ReviewInput,
    occasion: Occasion,
) -> Result<grant_reviews::Model, ApiError> {
    let at = occasion.at;
    let comment = validate::optional_text(&input.comment, MAX_TEXT).map_err(|e| e.on("comment"))?;
    let txn = db::begin_write(&state.db).await?;
    let loaded = load(&txn, actor, id).await?;
    let Some(review_id) = loaded.standing.review else {
        return Err(ApiError::new(ErrorCode::Forbidden));
    };
    if loaded.status() != ApplicationStatus::Submitted {
        return Err(ApiError::new(ErrorCode::GrantStepNotAllowed));
    }
    let criteria = criteria_of(&txn, loaded.programme.id).await?;
    let known: BTreeSet<i64> = criteria.iter().map(|c| c.id).collect();
    let mut scores = BTreeMap::new();
    let mut v = Validator::new();
    for (i, (criterion, score)) in input.scores.iter().enumerate() {
        if !known.contains(&criterion.0) || scores.insert(criterion.0, *score).is_some() {
            v.push(FieldError::new(
                format!("scores.{i}.criterionId"),
                ErrorCode::GrantReviewIncomplete,
            ));
        }
        if !SCORES.contains(score) {
            v.push(
                FieldError::new(format!("scores.{i}.score"), ErrorCode::OutOfRange)
                    .with_arg("min", i64::from(*SCORES.start()))
                    .with_arg("max", i64::from(*SCORES.end())),
            );
        }
    }
    if !v.has_errors() && scores.len() != known.len() {
        v.push(FieldError::new("scores", ErrorCode::GrantReviewIncomplete));
    }
    v.finish()?;
    let stored: BTreeMap<String, i32> = scores.iter().map(|(k, s)| (k.to_string(), *s)).collect();
    let review = grant_reviews::ActiveModel {
        id: Set(review_id),
        scores: Set(serde_json::to_string(&stored)?),
        recommendation: Set(Some(input.recommendation.as_db().to_owned())),
        comment: Set(Some(comment).filter(|c| !c.is_empty())),
        submitted_at: Set(Some(at)),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    txn.commit().await?;
    Ok(review)
}

// ----- decisions -----

/// Staff's award: the amount and each milestone's tranche (every milestone, once).
#[derive(Debug, Clone)]
pub struct AwardInput {
    pub amount_yen: i64,
    pub tranches: Vec<(GrantMilestoneId, i64)>,
    pub note: String,
}

/// Staff award a submitted application. Within one transaction, under the programme's
/// lock: the amount within the ceiling and the remaining budget, the tranches within the
/// amount, the commitment on the ledger, the first milestone activated.
pub async fn award(
    state: &AppState,
    actor: &Actor,
    id: GrantApplicationId,
    version: i32,
    input: AwardInput,
    occasion: Occasion,
) -> Result<grant_awards::Model, ApiError> {
    let at = occasion.at;
    let note = validate::optional_text(&input.note, MAX_TEXT).map_err(|e| e.on("note"))?;
    let txn = db::begin_write(&state.db).await?;
    let loaded = load_locked(&txn, actor, id).await?;
    if !loaded.standing.manager {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let programme = &loaded.programme;
    let milestones = milestones_of(&txn, id.0).await?;

    let mut v = Validator::new();
    if input.amount_yen < 1 {
        v.push(FieldError::new("amountYen", ErrorCode::AmountNotPositive));
    } else if input.amount_yen > programme.award_ceiling_yen {
        v.push(
            FieldError::new("amountYen", ErrorCode::GrantCeilingExceeded)
                .with_arg("max", ErrorArg::Yen(programme.award_ceiling_yen)),
        );
    }
    let mut tranches: BTreeMap<i64, i64> = BTreeMap::new();
    for (i, (milestone, amount)) in input.tranches.iter().enumerate() {
        if !milestones.iter().any(|m| m.id == milestone.0)
            || tranches.insert(milestone.0, *amount).is_some()
        {
            v.push(FieldError::new(
                format!("tranches.{i}.milestoneId"),
                ErrorCode::NotFound,
            ));
        }
        if *amount < 1 {
            v.push(FieldError::new(
                format!("tranches.{i}.trancheYen"),
                ErrorCode::AmountNotPositive,
            ));
        }
    }
    if !v.has_errors() && tranches.len() != milestones.len() {
        v.push(FieldError::new("tranches", ErrorCode::Required));
    }
    let total = tranches.values().fold(0i64, |sum, amount| {
        sum.saturating_add(std::cmp::max(*amount, 0))
    });
    if !v.has_errors() && total > input.amount_yen {
        v.push(
            FieldError::new("tranches", ErrorCode::GrantTranchesExceedAward)
                .with_arg("max", ErrorArg::Yen(input.amount_yen)),
        );
    }
    v.finish()?;

    let application = move_application(
        &txn,
        &loaded,
        version,
        ApplicationStatus::Submitted,
        ApplicationStatus::Awarded,
        grant_applications::ActiveModel {
            decided_at: Set(Some(at)),
            decided_by_user_id: Set(actor.user_id().map(|u| u.0)),
            decision_note: Set(Some(note.clone()).filter(|n| !n.is_empty())),
            ..Default::default()
        },
        at,
    )
    .await?;
    commit_budget(&txn, programme, input.amount_yen, at).await?;
    for milestone in &milestones {
        let first = milestone.position == milestones[0].position;
        grant_milestones::Entity::update_many()
            .set(grant_milestones::ActiveModel {
                tranche_yen: Set(tranches[&milestone.id]),
                status: Set(if first {
                    MilestoneStatus::Active
                } else {
                    MilestoneStatus::Locked
                }
                .as_db()
                .to_owned()),
                version: Set(milestone.version + 1),
                updated_at: Set(at),
                ..Default::default()
            })
            .filter(grant_milestones::Column::Id.eq(milestone.id))
            .exec(&txn)
            .await?;
    }
    // The invariant, read back from what was written.
    let written: i64 = milestones_of(&txn, id.0)
        .await?
        .iter()
        .map(|m| m.tranche_yen)
        .sum();
    if written > input.amount_yen {
        return Err(FieldError::new("tranches", ErrorCode::GrantTranchesExceedAward).into());
    }
    let award = grant_awards::ActiveModel {
        application_id: Set(id.0),
        programme_id: Set(programme.id),
        organisation_id: Set(application.organisation_id),
        amount_yen: Set(input.amount_yen),
        disbursed_yen: Set(0),
        returned_yen: Set(0),
        status: Set(AwardStatus::Active.as_db().to_owned()),
        awarded_by_user_id: Set(actor.user_id().map(|u| u.0)),
        awarded_at: Set(at),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    ledger::append(
        &txn,
        programme.id,
        Movement {
            kind: LedgerKind::Commitment,
            award_id: Some(award.id),
            milestone_id: None,
            amount_yen: award.amount_yen,
        },
        actor,
        at,
    )
    .await?;
    audit::record(
        &txn,
        actor,
        "grant_application.award",
        "grant_application",
        id.0,
        None,
        Some(&json!({ "amount_yen": award.amount_yen, "tranches": tranches })),
    )
    .await?;
    let first = milestones
        .first()
        .map(|m| m.title.clone())
        .unwrap_or_default();
    email_applicants(
        state,
        &txn,
        occasion.notify,
        application.organisation_id,
        |link| EmailTemplate::GrantDecided {
            programme: names_of(programme),
            title: application.title.clone(),
            awarded: true,
            amount_yen: award.amount_yen,
            milestones: milestones.len() as i64,
            first_milestone: first.clone(),
            note: note.clone(),
            link,
        },
        application.id,
    )
    .await?;
    txn.commit().await?;
    Ok(award)
}

/// Staff reject a submitted application, saying why.
pub async fn reject(
    state: &AppState,
    actor: &Actor,
    id: GrantApplicationId,
    version: i32,
    note: &str,
    occasion: Occasion,
) -> Result<grant_applications::Model, ApiError> {
    let at = occasion.at;
    let note = validate::required_text(note, MAX_TEXT).map_err(|e| e.on("note"))?;
    let txn = db::begin_write(&state.db).await?;
    let loaded = load(&txn, actor, id).await?;
    if !loaded.standing.manager {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let application = move_application(
        &txn,
        &loaded,
        version,
        ApplicationStatus::Submitted,
        ApplicationStatus::Rejected,
        grant_applications::ActiveModel {
            decided_at: Set(Some(at)),
            decided_by_user_id: Set(actor.user_id().map(|u| u.0)),
            decision_note: Set(Some(note.clone())),
            ..Default::default()
        },
        at,
    )
    .await?;
    audit::record(
        &txn,
        actor,
        "grant_application.reject",
        "grant_application",
        id.0,
        None,
        Some(&json!({ "note": note })),
    )
    .await?;
    email_applicants(
        state,
        &txn,
        occasion.notify,
        application.organisation_id,
        |link| EmailTemplate::GrantDecided {
            programme: names_of(&loaded.programme),
            title: application.title.clone(),
            awarded: false,
            amount_yen: 0,
            milestones: 0,
            first_milestone: String::new(),
            note: note.clone(),
            link,
        },
        application.id,
    )
    .await?;
    txn.commit().await?;
    Ok(application)
}

// ----- milestones -----

/// A milestone with its application, award and the viewer's standing.
#[derive(Debug, Clone)]
pub struct LoadedMilestone {
    pub milestone: grant_milestones::Model,
    pub application: Loaded,
    pub award: Option<grant_awards::Model>,
}

impl LoadedMilestone {
    pub fn status(&self) -> MilestoneStatus {
        MilestoneStatus::from_db(&self.milestone.status).unwrap_or(MilestoneStatus::Locked)
    }
}

/// The steps the viewer may take on a milestone now.
pub fn steps_of(
    standing: Standing,
    status: MilestoneStatus,
    award: Option<&grant_awards::Model>,
) -> Vec<MilestoneStep> {
    let active = award.is_some_and(|a| a.status == AwardStatus::Active.as_db());
    if !active {
        return Vec::new();
    }
    MilestoneStep::ALL
        .iter()
        .copied()
        .filter(|step| *step != MilestoneStep::Activate)
        .filter(|step| {
            if step.by_requester() {
                standing.applicant
            } else {
                standing.manager
            }
        })
        .filter(|step| status.after(*step).is_some())
        .collect()
}

async fn load_milestone(
    txn: &DatabaseTransaction,
    actor: &Actor,
    id: GrantMilestoneId,
    lock: bool,
) -> Result<LoadedMilestone, ApiError> {
    let milestone = grant_milestones::Entity::find_by_id(id.0)
        .one(txn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let application_id = GrantApplicationId(milestone.application_id);
    let application = if lock {
        load_locked(txn, actor, application_id).await?
    } else {
        load(txn, actor, application_id).await?
    };
    if !(application.standing.manager || application.standing.applicant) {
        return Err(ApiError::not_found());
    }
    // Read again now that the programme is locked.
    let milestone = grant_milestones::Entity::find_by_id(id.0)
        .one(txn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let award = award_of(txn, milestone.application_id).await?;
    Ok(LoadedMilestone {
        milestone,
        application,
        award,
    })
}

/// The applicant submits evidence (text and links) for the active milestone, or again
/// after a rejection, until its due date.
pub async fn submit_evidence(
    state: &AppState,
    actor: &Actor,
    id: GrantMilestoneId,
    version: i32,
    evidence: &str,
    links: &[String],
    occasion: Occasion,
) -> Result<grant_milestones::Model, ApiError> {
    let at = occasion.at;
    let mut v = Validator::new();
    let evidence = v.check("evidence", validate::required_text(evidence, MAX_TEXT));
    if links.len() > MAX_LINKS {
        v.push(FieldError::new("links", ErrorCode::TooMany).with_arg("max", MAX_LINKS));
    }
    let links: Vec<String> = links
        .iter()
        .enumerate()
        .filter(|(_, link)| !link.trim().is_empty())
        .map(|(i, link)| v.check(&format!("links.{i}"), crate::directory::service::url(link)))
        .collect();
    v.finish()?;
    let txn = db::begin_write(&state.db).await?;
    let loaded = load_milestone(&txn, actor, id, false).await?;
    if !loaded.application.standing.applicant {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    require_step(&loaded, MilestoneStep::SubmitEvidence)?;
    if japan_date(at) > loaded.milestone.due_on {
        return Err(ApiError::new(ErrorCode::GrantPastDue)
            .with_arg("date", loaded.milestone.due_on.to_string()));
    }
    let milestone = move_milestone(
        &txn,
        &loaded,
        version,
        MilestoneStep::SubmitEvidence,
        grant_milestones::ActiveModel {
            evidence: Set(Some(evidence)),
            evidence_links: Set(links.join("\n")),
            evidence_submitted_at: Set(Some(at)),
            ..Default::default()
        },
        at,
    )
    .await?;
    let application = &loaded.application;
    email_programme_staff(
        state,
        &txn,
        occasion.notify,
        &application.programme,
        |link, organisation| EmailTemplate::GrantAwaitingDecision {
            programme: names_of(&application.programme),
            title: application.application.title.clone(),
            organisation: organisation.to_owned(),
            milestone: Some(milestone.title.clone()),
            link,
        },
        application.application.id,
    )
    .await?;
    txn.commit().await?;
    Ok(milestone)
}

/// What staff decide on submitted evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Achieved: the tranche is released (or waits for VC match), the next one activated.
    Approve,
    /// Not yet: the applicant may submit again before the due date.
    Reject,
    /// Not achieved: the award ends and its unpaid tranches return to the budget.
    Fail,
}

impl Verdict {
    fn step(self) -> MilestoneStep {
        match self {
            Verdict::Approve => MilestoneStep::Approve,
            Verdict::Reject => MilestoneStep::Reject,
            Verdict::Fail => MilestoneStep::Fail,
        }
    }
}

/// What came of a decision on a milestone.
#[derive(Debug, Clone)]
pub struct Decided {
    pub milestone: grant_milestones::Model,
    pub disbursement: Option<grant_disbursements::Model>,
}

/// Staff decide a milestone. Under the programme's lock: the milestone moves on only from
/// the status and version read (a second approval finds it approved and changes nothing),
/// and an approval's disbursement is unique to the milestone.
pub async fn decide_milestone(
    state: &AppState,
    actor: &Actor,
    id: GrantMilestoneId,
    version: i32,
    verdict: Verdict,
    note: &str,
    occasion: Occasion,
) -> Result<Decided, ApiError> {
    let at = occasion.at;
    let note = if verdict == Verdict::Approve {
        validate::optional_text(note, MAX_TEXT)
    } else {
        validate::required_text(note, MAX_TEXT)
    }
    .map_err(|e| e.on("note"))?;
    let txn = db::begin_write(&state.db).await?;
    let loaded = load_milestone(&txn, actor, id, true).await?;
    if !loaded.application.standing.manager {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    require_step(&loaded, verdict.step())?;
    let milestone = move_milestone(
        &txn,
        &loaded,
        version,
        verdict.step(),
        grant_milestones::ActiveModel {
            decided_at: Set(Some(at)),
            decided_by_user_id: Set(actor.user_id().map(|u| u.0)),
            decision_note: Set(Some(note.clone()).filter(|n| !n.is_empty())),
            ..Default::default()
        },
        at,
    )
    .await?;
    let award = loaded
        .award
        .clone()
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("milestone {} has no award", id.0)))?;
    let programme = &loaded.application.programme;
    let application = &loaded.application.application;
    let mut disbursement = None;
    let outcome = match verdict {
        Verdict::Approve => {
            let paid = approve(&txn, programme, &award, &milestone, actor, at).await?;
            let outcome = if paid.status == DisbursementStatus::Disbursed.as_db() {
                MilestoneOutcome::Disbursed
            } else {
                MilestoneOutcome::AwaitingMatch
            };
            disbursement = Some(paid);
            outcome
        }
        Verdict::Reject => MilestoneOutcome::Rejected,
        Verdict::Fail => {
            end_award(&txn, programme, &award, actor, at).await?;
            MilestoneOutcome::Failed
        }
    };
    audit::record(
        &txn,
        actor,
        "grant_milestone.decide",
        "grant_milestone",
        id.0,
        None,
        Some(&json!({ "status": milestone.status, "note": note })),
    )
    .await?;
    email_applicants(
        state,
        &txn,
        occasion.notify,
        application.organisation_id,
        |link| EmailTemplate::GrantMilestoneDecided {
            programme: names_of(programme),
            title: application.title.clone(),
            milestone: milestone.title.clone(),
            outcome,
            amount_yen: milestone.tranche_yen,
            due_on: milestone.due_on,
            note: note.clone(),
            link,
        },
        application.id,
    )
    .await?;
    txn.commit().await?;
    Ok(Decided {
        milestone,
        disbursement,
    })
}

/// What a milestone decision meant for the applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MilestoneOutcome {
    Disbursed,
    AwaitingMatch,
    Rejected,
    Failed,
}

impl MilestoneOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            MilestoneOutcome::Disbursed => "disbursed",
            MilestoneOutcome::AwaitingMatch => "awaiting_match",
            MilestoneOutcome::Rejected => "rejected",
            MilestoneOutcome::Failed => "failed",
        }
    }
}

fn require_step(loaded: &LoadedMilestone, step: MilestoneStep) -> Result<(), ApiError> {
    let active = loaded
        .award
        .as_ref()
        .is_some_and(|a| a.status == AwardStatus::Active.as_db());
    if !active || loaded.status().after(step).is_none() {
        return Err(ApiError::new(ErrorCode::GrantStepNotAllowed));
    }
    Ok(())
}

async fn move_milestone(
    txn: &DatabaseTransaction,
    loaded: &LoadedMilestone,
    version: i32,
    step: MilestoneStep,
    mut row: grant_milestones::ActiveModel,
    at: DateTime<Utc>,
) -> Result<grant_milestones::Model, ApiError> {
    let current = &loaded.milestone;
    if current.version != version {
        return Err(ApiError::new(ErrorCode::EditConflict));
    }
    let next = loaded
        .status()
        .after(step)
        .ok_or_else(|| ApiError::new(ErrorCode::GrantStepNotAllowed))?;
    row.status = Set(next.as_db().to_owned());
    row.version = Set(current.version + 1);
    row.updated_at = Set(at);
    let written = grant_milestones::Entity::update_many()
        .set(row)
        .filter(grant_milestones::Column::Id.eq(current.id))
        .filter(grant_milestones::Column::Version.eq(current.version))
        .filter(grant_milestones::Column::Status.eq(current.status.as_str()))
        .exec(txn)
        .await?;
    if written.rows_affected != 1 {
        return Err(ApiError::new(ErrorCode::EditConflict));
    }
    grant_milestones::Entity::find_by_id(current.id)
        .one(txn)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// An approved milestone's tranche: paid at once if no earlier tranche waits and the VC
/// match allows it, else left waiting. Then the next milestone is activated, or, after the
/// last, the award completes and any amount not planned in tranches returns to the budget.
async fn approve(
    txn: &DatabaseTransaction,
    programme: &grant_programmes::Model,
    award: &grant_awards::Model,
    milestone: &grant_milestones::Model,
    actor: &Actor,
    at: DateTime<Utc>,
) -> Result<grant_disbursements::Model, ApiError> {
    let disbursement = grant_disbursements::ActiveModel {
        award_id: Set(award.id),
        milestone_id: Set(milestone.id),
        programme_id: Set(programme.id),
        amount_yen: Set(milestone.tranche_yen),
        status: Set(DisbursementStatus::AwaitingMatch.as_db().to_owned()),
        approved_at: Set(at),
        ..Default::default()
    }
    .insert(txn)
    .await
    .map_err(|error| {
        if db::is_unique_violation(&error) {
            ApiError::new(ErrorCode::GrantStepNotAllowed)
        } else {
            ApiError::from(error)
        }
    })?;
    release_waiting(txn, programme, award, actor, at).await?;
    let next = grant_milestones::Entity::find()
        .filter(grant_milestones::Column::ApplicationId.eq(milestone.application_id))
        .filter(grant_milestones::Column::Position.gt(milestone.position))
        .order_by_asc(grant_milestones::Column::Position)
        .one(txn)
        .await?;
    match next {
        Some(next) => {
            grant_milestones::Entity::update_many()
                .set(grant_milestones::ActiveModel {
                    status: Set(MilestoneStatus::Active.as_db().to_owned()),
                    version: Set(next.version + 1),
                    updated_at: Set(at),
                    ..Default::default()
                })
                .filter(grant_milestones::Column::Id.eq(next.id))
                .filter(grant_milestones::Column::Status.eq(MilestoneStatus::Locked.as_db()))
                .exec(txn)
                .await?;
        }
        None => {
            let planned: i64 = milestones_of(txn, milestone.application_id)
                .await?
                .iter()
                .map(|m| m.tranche_yen)
                .sum();
            let unplanned = award.amount_yen - planned;
            close_award(
                txn,
                programme,
                award,
                AwardStatus::Completed,
                unplanned,
                actor,
                at,
            )
            .await?;
        }
    }
    grant_disbursements::Entity::find_by_id(disbursement.id)
        .one(txn)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// A failed milestone ends the award: everything not paid and not already earned (a
/// tranche waiting for VC match stays payable) returns to the programme's budget.
async fn end_award(
    txn: &DatabaseTransaction,
    programme: &grant_programmes::Model,
    award: &grant_awards::Model,
    actor: &Actor,
    at: DateTime<Utc>,
) -> Result<(), ApiError> {
    let award = grant_awards::Entity::find_by_id(award.id)
        .one(txn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let waiting = sum_awaiting(txn, grant_disbursements::Column::AwardId.eq(award.id)).await?;
    let unpaid = award.amount_yen - award.disbursed_yen - award.returned_yen - waiting;
    close_award(
        txn,
        programme,
        &award,
        AwardStatus::Ended,
        unpaid,
        actor,
        at,
    )
    .await
}

/// Closes an award and returns `returned` yen of its commitment to the budget.
async fn close_award(
    txn: &DatabaseTransaction,
    programme: &grant_programmes::Model,
    award: &grant_awards::Model,
    status: AwardStatus,
    returned: i64,
    actor: &Actor,
    at: DateTime<Utc>,
) -> Result<(), ApiError> {
    let written = grant_awards::Entity::update_many()
        .col_expr(grant_awards::Column::Status, Expr::value(status.as_db()))
        .col_expr(grant_awards::Column::EndedAt, Expr::value(at))
        .col_expr(
            grant_awards::Column::ReturnedYen,
            Expr::col(grant_awards::Column::ReturnedYen).add(std::cmp::max(returned, 0)),
        )
        .filter(grant_awards::Column::Id.eq(award.id))
        .filter(grant_awards::Column::Status.eq(AwardStatus::Active.as_db()))
        .exec(txn)
        .await?;
    if written.rows_affected != 1 {
        return Err(ApiError::new(ErrorCode::GrantStepNotAllowed));
    }
    if returned > 0 {
        grant_programmes::Entity::update_many()
            .col_expr(
                grant_programmes::Column::CommittedYen,
                Expr::col(grant_programmes::Column::CommittedYen).sub(returned),
            )
            .filter(grant_programmes::Column::Id.eq(programme.id))
            .exec(txn)
            .await?;
        ledger::append(
            txn,
            programme.id,
            Movement {
                kind: LedgerKind::Release,
                award_id: Some(award.id),
                milestone_id: None,
                amount_yen: returned,
            },
            actor,
            at,
        )
        .await?;
    }
    Ok(())
}

/// Pays the award's waiting tranches in milestone order while the VC match allows; stops at
/// the first that does not fit, so tranches are paid in order. Returns those paid.
async fn release_waiting(
    txn: &DatabaseTransaction,
    programme: &grant_programmes::Model,
    award: &grant_awards::Model,
    actor: &Actor,
    at: DateTime<Utc>,
) -> Result<Vec<grant_disbursements::Model>, ApiError> {
    let mut waiting = grant_disbursements::Entity::find()
        .filter(grant_disbursements::Column::AwardId.eq(award.id))
        .filter(grant_disbursements::Column::Status.eq(DisbursementStatus::AwaitingMatch.as_db()))
        .all(txn)
        .await?;
    if waiting.is_empty() {
        return Ok(Vec::new());
    }
    let positions: BTreeMap<i64, i32> = milestones_of(txn, award.application_id)
        .await?
        .into_iter()
        .map(|m| (m.id, m.position))
        .collect();
    waiting.sort_by_key(|d| positions.get(&d.milestone_id).copied().unwrap_or(i32::MAX));
    let cap = match_cap(
        programme.match_ratio_permille,
        confirmed_investment(txn, award.organisation_id).await?,
    );
    let mut paid = Vec::new();
    for disbursement in waiting {
        let mut update = grant_awards::Entity::update_many()
            .col_expr(
                grant_awards::Column::DisbursedYen,
                Expr::col(grant_awards::Column::DisbursedYen).add(disbursement.amount_yen),
            )
            .filter(grant_awards::Column::Id.eq(award.id))
            .filter(
                Expr::col(grant_awards::Column::DisbursedYen)
                    .add(Expr::col(grant_awards::Column::ReturnedYen))
                    .add(disbursement.amount_yen)
                    .lte(Expr::col(grant_awards::Column::AmountYen)),
            );
        if let Some(cap) = cap {
            update = update.filter(
                Expr::col(grant_awards::Column::DisbursedYen)
                    .add(disbursement.amount_yen)
                    .lte(cap),
            );
        }
        if update.exec(txn).await?.rows_affected != 1 {
            break;
        }
        grant_programmes::Entity::update_many()
            .col_expr(
                grant_programmes::Column::DisbursedYen,
                Expr::col(grant_programmes::Column::DisbursedYen).add(disbursement.amount_yen),
            )
            .filter(grant_programmes::Column::Id.eq(programme.id))
            .exec(txn)
            .await?;
        let written = grant_disbursements::Entity::update_many()
            .col_expr(
                grant_disbursements::Column::Status,
                Expr::value(DisbursementStatus::Disbursed.as_db()),
            )
            .col_expr(grant_disbursements::Column::DisbursedAt, Expr::value(at))
            .filter(grant_disbursements::Column::Id.eq(disbursement.id))
            .filter(
                grant_disbursements::Column::Status.eq(DisbursementStatus::AwaitingMatch.as_db()),
            )
            .exec(txn)
            .await?;
        if written.rows_affected != 1 {
            return Err(ApiError::internal(anyhow::anyhow!(
                "disbursement {} changed under the programme's lock",
                disbursement.id
            )));
        }
        ledger::append(
            txn,
            programme.id,
            Movement {
                kind: LedgerKind::Disbursement,
                award_id: Some(award.id),
                milestone_id: Some(disbursement.milestone_id),
                amount_yen: disbursement.amount_yen,
            },
            actor,
            at,
        )
        .await?;
        paid.push(disbursement);
    }
    Ok(paid)
}

/// Adds `amount` to the programme's commitments, if the budget allows.
async fn commit_budget(
    txn: &DatabaseTransaction,
    programme: &grant_programmes::Model,
    amount: i64,
    at: DateTime<Utc>,
) -> Result<(), ApiError> {
    let written = grant_programmes::Entity::update_many()
        .col_expr(
            grant_programmes::Column::CommittedYen,
            Expr::col(grant_programmes::Column::CommittedYen).add(amount),
        )
        .col_expr(grant_programmes::Column::UpdatedAt, Expr::value(at))
        .filter(grant_programmes::Column::Id.eq(programme.id))
        .filter(
            Expr::col(grant_programmes::Column::CommittedYen)
                .add(amount)
                .lte(Expr::col(grant_programmes::Column::BudgetYen)),
        )
        .exec(txn)
        .await?;
    if written.rows_affected != 1 {
        return Err(FieldError::new("amountYen", ErrorCode::GrantBudgetExceeded)
            .with_arg(
                "max",
                ErrorArg::Yen(programme.budget_yen - programme.committed_yen),
            )
            .into());
    }
    Ok(())
}

/// Reads an application after locking its programme's row (PostgreSQL; on SQLite the
/// write transaction already holds the database's lock).
async fn load_locked(
    txn: &DatabaseTransaction,
    actor: &Actor,
    id: GrantApplicationId,
) -> Result<Loaded, ApiError> {
    let programme_id: Option<i64> = grant_applications::Entity::find_by_id(id.0)
        .select_only()
        .column(grant_applications::Column::ProgrammeId)
        .into_tuple()
        .one(txn)
        .await?;
    lock_programme(txn, programme_id.ok_or_else(ApiError::not_found)?).await?;
    load(txn, actor, id).await
}

async fn lock_programme(
    txn: &DatabaseTransaction,
    id: i64,
) -> Result<grant_programmes::Model, ApiError> {
    let mut select = grant_programmes::Entity::find_by_id(id);
    if txn.get_database_backend() == DbBackend::Postgres {
        select = select.lock_exclusive();
    }
    select.one(txn).await?.ok_or_else(ApiError::not_found)
}

// ----- investments -----

/// An investment staff record, with its evidence.
#[derive(Debug, Clone)]
pub struct NewInvestment {
    pub organisation_id: i64,
    pub investor_name: String,
    pub amount_yen: i64,
    pub round: InvestmentRound,
    pub invested_on: NaiveDate,
    pub evidence: String,
}

/// Staff record a confirmed private investment in a startup (with evidence such as the
/// share subscription agreement); tranches waiting for VC match are released as far as it
/// now allows.
pub async fn record_investment(
    state: &AppState,
    actor: &Actor,
    input: NewInvestment,
    occasion: Occasion,
) -> Result<investments::Model, ApiError> {
    let at = occasion.at;
    let viewer = actor.viewer()?;
    if !matches!(viewer.role, Role::Staff | Role::Admin) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let mut v = Validator::new();
    let investor = v.check(
        "investorName",
        validate::required_text(&input.investor_name, MAX_NAME),
    );
    let evidence = v.check(
        "evidence",
        validate::required_text(&input.evidence, MAX_TEXT),
    );
    if input.amount_yen < 1 {
        v.push(FieldError::new("amountYen", ErrorCode::AmountNotPositive));
    }
    if input.invested_on > japan_date(at) {
        v.push(FieldError::new("investedOn", ErrorCode::DateOutOfRange));
    }
    v.finish()?;
    let txn = db::begin_write(&state.db).await?;
    organisations::Entity::find_by_id(input.organisation_id)
        .one(&txn)
        .await?
        .ok_or_else(|| ApiError::field("organisationId", ErrorCode::NotFound))?;
    let investment = investments::ActiveModel {
        organisation_id: Set(input.organisation_id),
        amount_yen: Set(input.amount_yen),
        round: Set(input.round.as_db().to_owned()),
        invested_on: Set(input.invested_on),
        investor_entry_id: Set(None),
        investor_name: Set(investor),
        introduction_id: Set(None),
        evidence: Set(Some(evidence)),
        recorded_by_user_id: Set(actor.user_id().map(|u| u.0)),
        recorded_at: Set(at),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
        "investment.record",
        "organisation",
        input.organisation_id,
        None,
        Some(&json!({ "amount_yen": investment.amount_yen, "round": investment.round })),
    )
    .await?;
    release_matched(state, &txn, input.organisation_id, actor, occasion).await?;
    txn.commit().await?;
    Ok(investment)
}

/// After new investment in an organisation: releases the waiting tranches of its awards
/// as far as the VC match now allows, each programme under its lock (in id order), and
/// tells the applicant. Returns how many tranches were paid.
pub async fn release_matched(
    state: &AppState,
    txn: &DatabaseTransaction,
    organisation_id: i64,
    actor: &Actor,
    occasion: Occasion,
) -> Result<usize, ApiError> {
    let at = occasion.at;
    let programme_ids: BTreeSet<i64> = grant_awards::Entity::find()
        .select_only()
        .column(grant_awards::Column::ProgrammeId)
        .filter(grant_awards::Column::OrganisationId.eq(organisation_id))
        .into_tuple::<i64>()
        .all(txn)
        .await?
        .into_iter()
        .collect();
    let mut released = 0;
    for programme_id in programme_ids {
        let programme = lock_programme(txn, programme_id).await?;
        let awards = grant_awards::Entity::find()
            .filter(grant_awards::Column::ProgrammeId.eq(programme_id))
            .filter(grant_awards::Column::OrganisationId.eq(organisation_id))
            .all(txn)
            .await?;
        for award in awards {
            let paid = release_waiting(txn, &programme, &award, actor, at).await?;
            if paid.is_empty() {
                continue;
            }
            released += paid.len();
            let application = grant_applications::Entity::find_by_id(award.application_id)
                .one(txn)
                .await?
                .ok_or_else(ApiError::not_found)?;
            let titles: BTreeMap<i64, String> = milestones_of(txn, application.id)
                .await?
                .into_iter()
                .map(|m| (m.id, m.title))
                .collect();
            for disbursement in paid {
                let milestone = titles
                    .get(&disbursement.milestone_id)
                    .cloned()
                    .unwrap_or_default();
                email_applicants(
                    state,
                    txn,
                    occasion.notify,
                    organisation_id,
                    |link| EmailTemplate::GrantTrancheReleased {
                        programme: names_of(&programme),
                        title: application.title.clone(),
                        milestone: milestone.clone(),
                        amount_yen: disbursement.amount_yen,
                        link,
                    },
                    application.id,
                )
                .await?;
            }
        }
    }
    Ok(released)
}

// ----- helpers -----

fn names_of(programme: &grant_programmes::Model) -> DeskNames {
    DeskNames {
        en: programme.name_en.clone(),
        ja: programme.name_ja.clone(),
    }
}

async fn organisation_name(conn: &impl ConnectionTrait, id: i64) -> Result<String, ApiError> {
    Ok(organisations::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(|o| o.name)
        .unwrap_or_default())
}

/// The page of an application in the web UI.
pub fn link(state: &AppState, id: i64) -> String {
    format!(
        "{}/grants/applications/{}",
        state.settings.public_url(),
        GrantApplicationId(id).to_public().as_str()
    )
}

/// Emails the programme desk's active staff, each in their language; `template` is given
/// the link and the applicant organisation's name.
async fn email_programme_staff(
    state: &AppState,
    txn: &DatabaseTransaction,
    notify: bool,
    programme: &grant_programmes::Model,
    template: impl Fn(String, &str) -> EmailTemplate,
    application_id: i64,
) -> Result<(), ApiError> {
    if !notify {
        return Ok(());
    }
    let application = grant_applications::Entity::find_by_id(application_id)
        .one(txn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let organisation = organisation_name(txn, application.organisation_id).await?;
    let staff = crate::desks::service::staff_of(txn, DeskId(programme.desk_id)).await?;
    for member in staff {
        notify::queue_email(
            txn,
            &state.settings,
            &state.i18n,
            &cases::recipient(&member),
            template(link(state, application_id), &organisation),
        )
        .await
        .map_err(ApiError::internal)?;
    }
    Ok(())
}

/// Emails the applicant organisation's active members, each in their language.
async fn email_applicants(
    state: &AppState,
    txn: &DatabaseTransaction,
    notify: bool,
    organisation_id: i64,
    template: impl Fn(String) -> EmailTemplate,
    application_id: i64,
) -> Result<(), ApiError> {
    if !notify {
        return Ok(());
    }
    let members = users::Entity::find()
        .filter(users::Column::OrganisationId.eq(organisation_id))
        .filter(users::Column::Role.eq(Role::Requester.as_db()))
        .filter(users::Column::DeactivatedAt.is_null())
        .order_by_asc(users::Column::Id)
        .all(txn)
        .await?;
    for member in members {
        let recipient: Recipient = cases::recipient(&member);
        notify::queue_email(
            txn,
            &state.settings,
            &state.i18n,
            &recipient,
            template(link(state, application_id)),
        )
        .await
        .map_err(ApiError::internal)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criterion(id: i64, weight: i32) -> grant_criteria::Model {
        grant_criteria::Model {
            id,
            programme_id: 1,
            position: id as i32,
            name_en: String::new(),
            name_ja: String::new(),
            weight,
        }
    }

    #[test]
    fn the_weighted_score_weighs_each_criterion() {
        let criteria = [criterion(1, 40), criterion(2, 30), criterion(3, 30)];
        let scores = BTreeMap::from([(1, 5), (2, 3), (3, 2)]);
        let score = weighted_score(&scores, &criteria).unwrap();
        assert!((score - 3.5).abs() < 1e-9, "{score}");
        assert_eq!(weighted_score(&BTreeMap::from([(1, 5)]), &criteria), None);
    }

    #[test]
    fn milestone_steps_follow_the_award_and_the_party() {
        let applicant = Standing {
            applicant: true,
            ..Standing::default()
        };
        let staff = Standing {
            manager: true,
            ..Standing::default()
        };
        let award = grant_awards::Model {
            id: 1,
            application_id: 1,
            programme_id: 1,
            organisation_id: 1,
            amount_yen: 10,
            disbursed_yen: 0,
            returned_yen: 0,
            status: AwardStatus::Active.as_db().to_owned(),
            awarded_by_user_id: None,
            awarded_at: DateTime::<Utc>::UNIX_EPOCH,
            ended_at: None,
        };
        assert_eq!(
            steps_of(applicant, MilestoneStatus::Active, Some(&award)),
            vec![MilestoneStep::SubmitEvidence]
        );
        assert_eq!(
            steps_of(staff, MilestoneStatus::EvidenceSubmitted, Some(&award)),
            vec![
                MilestoneStep::Approve,
                MilestoneStep::Reject,
                MilestoneStep::Fail
            ]
        );
        let ended = grant_awards::Model {
            status: AwardStatus::Ended.as_db().to_owned(),
            ..award
        };
        assert!(steps_of(staff, MilestoneStatus::Active, Some(&ended)).is_empty());
        assert!(steps_of(staff, MilestoneStatus::Locked, None).is_empty());
    }
}
