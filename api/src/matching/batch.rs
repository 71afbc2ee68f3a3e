//! Batch assignment: staff plan advisors for a desk's open, unassigned consultations at
//! once, look at the plan (a dry run changes nothing), and apply it in one transaction.
//!
//! Candidates for a case are the desk's advisors with an active directory profile. The same
//! hard filters as for suggestions decide which pairs are allowed (conflicts, language,
//! a full advisor); the same score is each pair's fit. The solver ([`super::assignment`])
//! respects every advisor's free slots and maximises the number of cases assigned, then the
//! total fit.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{
    assignment::{self, Problem, Quality},
    suggestions::{self, Candidate},
};
use crate::{
    auth::{Actor, Role, Viewer},
    consultations::{
        ConsultationStatus,
        service::{self as consultations_service, Occasion},
    },
    db,
    directory::DirectoryKind,
    entity::{consultations, desk_memberships, directory_entries, users},
    error::{ApiError, ErrorCode, FieldError},
    ids::{ConsultationId, DeskId, UserId},
    labels::stored_enum,
    state::AppState,
};

stored_enum! {
    /// Why a case has no advisor in the plan.
    pub enum Unassigned {
        /// No advisor of the desk may take it (conflicts, language, or none with a profile).
        NoEligibleAdvisor => "no_eligible_advisor", "unassigned-reason-no-eligible-advisor",
        /// Those who may are full, or better placed elsewhere.
        NoCapacityLeft => "no_capacity_left", "unassigned-reason-no-capacity-left",
    }
}

#[derive(Debug, Clone)]
pub struct PlannedCase {
    pub case: consultations::Model,
    /// The advisor's account, profile and fit.
    pub advisor: Option<(i64, directory_entries::Model, f64)>,
    pub unassigned: Option<Unassigned>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub cases: Vec<PlannedCase>,
    pub quality: Quality,
}

fn may_plan(viewer: &Viewer, desk: DeskId) -> bool {
    viewer.role == Role::Admin || (viewer.role == Role::Staff && viewer.desk_ids.contains(&desk))
}

/// How well each distinct title matches the advisors' texts: one search per title (cases
/// often share one, "PMDA相談について"), as many at once as there are cores.
async fn wordings_of(
    state: &AppState,
    cases: &[consultations::Model],
) -> Result<HashMap<String, HashMap<i64, f64>>, ApiError> {
    let titles: BTreeSet<String> = cases.iter().map(|case| case.title.clone()).collect();
    let parallel = std::thread::available_parallelism().map_or(2, usize::from);
    let mut pending = titles.into_iter();
    let mut running = tokio::task::JoinSet::new();
    let mut found = HashMap::new();
    loop {
        while running.len() < parallel {
            let Some(title) = pending.next() else { break };
            let state = state.clone();
            running.spawn(async move {
                let scores =
                    suggestions::wording_scores(&state, &title, DirectoryKind::Advisor).await;
                (title, scores)
            });
        }
        let Some(done) = running.join_next().await else {
            break;
        };
        let (title, scores) = done.map_err(ApiError::internal)?;
        found.insert(title, scores?);
    }
    Ok(found)
}

/// The proposed advisor for each open, unassigned case of the desk. Changes nothing.
pub async fn plan(state: &AppState, actor: &Actor, desk: DeskId) -> Result<Plan, ApiError> {
    let viewer = actor.viewer()?;
    if !may_plan(viewer, desk) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let cases = consultations::Entity::find()
        .filter(consultations::Column::DeskId.eq(desk.0))
        .filter(consultations::Column::Status.ne(ConsultationStatus::Closed.as_db()))
        .filter(consultations::Column::AssigneeUserId.is_null())
        .order_by_asc(consultations::Column::FirstResponseDueOn)
        .order_by_asc(consultations::Column::Id)
        .all(&state.db)
        .await?;

    // The desk's advisors with an active profile.
    let members: Vec<i64> = desk_memberships::Entity::find()
        .filter(desk_memberships::Column::DeskId.eq(desk.0))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|row| row.user_id)
        .collect();
    let advisors: Vec<i64> = users::Entity::find()
        .filter(users::Column::Id.is_in(members))
        .filter(users::Column::Role.eq(Role::Advisor.as_db()))
        .filter(users::Column::DeactivatedAt.is_null())
        .all(&state.db)
        .await?
        .into_iter()
        .map(|user| user.id)
        .collect();
    let profiles = directory_entries::Entity::find()
        .filter(directory_entries::Column::Kind.eq(DirectoryKind::Advisor.as_db()))
        .filter(directory_entries::Column::Active.eq(true))
        .filter(directory_entries::Column::UserId.is_in(advisors))
        .order_by_asc(directory_entries::Column::Id)
        .all(&state.db)
        .await?;
    let candidates = suggestions::candidates_of(state, &profiles).await?;
    let weights = state.settings.matching.advisor;

    let needs = suggestions::needs_of(state, &cases).await?;
    let wordings = wordings_of(state, &cases).await?;
    let mut pairs = Vec::new();
    for (index, (case, need)) in cases.iter().zip(&needs).enumerate() {
        let wording = &wordings[case.title.as_str()];
        for (advisor, profile) in profiles.iter().enumerate() {
            let mut candidate: Candidate = candidates.get(&profile.id).cloned().unwrap_or_default();
            candidate.text = wording.get(&profile.id).copied().unwrap_or_default();
            if suggestions::excluded(DirectoryKind::Advisor, profile, &candidate, need) {
                continue;
            }
            let (fit, _, _) =
                suggestions::score(DirectoryKind::Advisor, &weights, profile, &candidate, need);
            pairs.push((index, advisor, fit));
        }
    }
    let busy: Vec<u32> = profiles
        .iter()
        .map(|profile| {
            let open = candidates.get(&profile.id).map_or(0, |c| c.open_cases);
            u32::try_from(open).unwrap_or(u32::MAX)
        })
        .collect();
    let capacities: Vec<u32> = profiles
        .iter()
        .zip(&busy)
        .map(|(profile, busy)| {
            u32::try_from(profile.capacity.unwrap_or(0))
                .unwrap_or(0)
                .saturating_sub(*busy)
        })
        .collect();
    let problem = Problem {
        cases: cases.len(),
        capacities,
        pairs,
    };
    let solution = assignment::solve(&problem);
    let quality = assignment::quality(&problem, &solution, &busy);
    let eligible: BTreeMap<usize, bool> = problem
        .pairs
        .iter()
        .map(|&(case, _, _)| (case, true))
        .collect();
    let fits: HashMap<(usize, usize), f64> = problem
        .pairs
        .iter()
        .map(|&(case, advisor, fit)| ((case, advisor), fit))
        .collect();
    let planned = cases
        .into_iter()
        .enumerate()
        .map(|(index, case)| match solution.assignment[index] {
            Some(advisor) => {
                let profile = profiles[advisor].clone();
                let fit = fits.get(&(index, advisor)).copied().unwrap_or_default();
                PlannedCase {
                    case,
                    advisor: Some((profile.user_id.unwrap_or_default(), profile, fit)),
                    unassigned: None,
                }
            }
            None => PlannedCase {
                case,
                advisor: None,
                unassigned: Some(if eligible.contains_key(&index) {
                    Unassigned::NoCapacityLeft
                } else {
                    Unassigned::NoEligibleAdvisor
                }),
            },
        })
        .collect();
    Ok(Plan {
        cases: planned,
        quality,
    })
}

/// One assignment of a plan being applied, with the case's version it was planned on.
#[derive(Debug, Clone)]
pub struct Pick {
    pub consultation: ConsultationId,
    pub version: i32,
    pub advisor: UserId,
}

/// Assigns the picks in one transaction: all or none. Each case must still be open,
/// unassigned and at its version; each advisor eligible for it. The advisors are told by
/// email, each in their language.
pub async fn apply(
    state: &AppState,
    actor: &Actor,
    desk: DeskId,
    picks: Vec<Pick>,
) -> Result<usize, ApiError> {
    let viewer = actor.viewer()?;
    if !may_plan(viewer, desk) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    if picks.is_empty() {
        return Err(FieldError::new("assignments", ErrorCode::Required).into());
    }
    // The hard constraints hold at the moment of applying, not only when planned.
    let advisor_ids: Vec<i64> = picks.iter().map(|pick| pick.advisor.0).collect();
    let profiles = directory_entries::Entity::find()
        .filter(directory_entries::Column::Kind.eq(DirectoryKind::Advisor.as_db()))
        .filter(directory_entries::Column::UserId.is_in(advisor_ids))
        .all(&state.db)
        .await?;
    let mut candidates = suggestions::candidates_of(state, &profiles).await?;
    for pick in &picks {
        let case = consultations::Entity::find_by_id(pick.consultation.0)
            .one(&state.db)
            .await?
            .ok_or_else(ApiError::not_found)?;
        if case.desk_id != desk.0 {
            return Err(ApiError::not_found());
        }
        if case.assignee_user_id.is_some() || case.version != pick.version {
            return Err(ApiError::new(ErrorCode::EditConflict));
        }
        let profile = profiles
            .iter()
            .find(|profile| profile.user_id == Some(pick.advisor.0));
        let allowed = match profile {
            Some(profile) => {
                let need = suggestions::need_of(state, &case).await?;
                let candidate = candidates.entry(profile.id).or_default();
                let allowed =
                    !suggestions::excluded(DirectoryKind::Advisor, profile, candidate, &need);
                candidate.open_cases += 1;
                allowed
            }
            None => false,
        };
        if !allowed {
            return Err(FieldError::new("assignments", ErrorCode::AssigneeNotEligible).into());
        }
    }
    let txn = db::begin_write(&state.db).await?;
    for pick in &picks {
        let case = consultations::Entity::find_by_id(pick.consultation.0)
            .one(&txn)
            .await?
            .ok_or_else(ApiError::not_found)?;
        if case.desk_id != desk.0 {
            return Err(ApiError::not_found());
        }
        if case.assignee_user_id.is_some() || case.version != pick.version {
            return Err(ApiError::new(ErrorCode::EditConflict));
        }
        consultations_service::assign_in(
            state,
            &txn,
            actor,
            pick.consultation,
            pick.version,
            Some(pick.advisor),
            Occasion::now(),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(picks.len())
}
