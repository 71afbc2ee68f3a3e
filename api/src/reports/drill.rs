//! The records behind a figure, a page at a time, each told by what it belongs to.

use std::collections::BTreeMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::{
    figures::Records,
    graphql::{KpiRecord, KpiRecordKind},
};
use crate::{
    calendar::japan_midnight,
    entity::{
        consultations, grant_applications, grant_awards, grant_disbursements, grant_milestones,
        introductions, investments, referrals,
    },
    error::ApiError,
    graphql::scalars::Yen,
    ids::{ConsultationId, GrantApplicationId},
    pagination::{self, Page, PageArgs},
};

async fn cases(
    conn: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i64>,
) -> Result<BTreeMap<i64, consultations::Model>, ApiError> {
    Ok(consultations::Entity::find()
        .filter(consultations::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|case| (case.id, case))
        .collect())
}

async fn applications(
    conn: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i64>,
) -> Result<BTreeMap<i64, grant_applications::Model>, ApiError> {
    Ok(grant_applications::Entity::find()
        .filter(grant_applications::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|application| (application.id, application))
        .collect())
}

fn of_case(
    kind: KpiRecordKind,
    case: Option<&consultations::Model>,
    at: chrono::DateTime<chrono::Utc>,
    amount: Option<i64>,
) -> Result<KpiRecord, ApiError> {
    let case = case.ok_or_else(ApiError::not_found)?;
    Ok(KpiRecord {
        kind,
        subject_id: ConsultationId(case.id).to_public(),
        reference: Some(case.reference.clone()),
        title: case.title.clone(),
        at,
        amount_yen: amount.map(Yen),
    })
}

fn of_application(
    kind: KpiRecordKind,
    application: Option<&grant_applications::Model>,
    title: Option<String>,
    at: chrono::DateTime<chrono::Utc>,
    amount: i64,
) -> Result<KpiRecord, ApiError> {
    let application = application.ok_or_else(ApiError::not_found)?;
    Ok(KpiRecord {
        kind,
        subject_id: GrantApplicationId(application.id).to_public(),
        reference: None,
        title: title.unwrap_or_else(|| application.title.clone()),
        at,
        amount_yen: Some(Yen(amount)),
    })
}

/// One page of the records, oldest first.
pub async fn list(
    conn: &impl ConnectionTrait,
    records: Records,
    page: PageArgs,
) -> Result<Page<KpiRecord>, ApiError> {
    Ok(match records {
        Records::Consultations(select) => {
            let found =
                pagination::fetch(conn, select, consultations::Column::Id, |r| r.id, page).await?;
            found.map(|case| KpiRecord {
                kind: KpiRecordKind::Consultation,
                subject_id: ConsultationId(case.id).to_public(),
                reference: Some(case.reference.clone()),
                title: case.title.clone(),
                at: case.received_at,
                amount_yen: None,
            })
        }
        Records::Referrals(select) => {
            let found =
                pagination::fetch(conn, select, referrals::Column::Id, |r| r.id, page).await?;
            let cases = cases(conn, found.items.iter().map(|(_, r)| r.consultation_id)).await?;
            try_map(found, |r| {
                of_case(
                    KpiRecordKind::Referral,
                    cases.get(&r.consultation_id),
                    r.requested_at,
                    None,
                )
            })?
        }
        Records::Introductions(select) => {
            let found =
                pagination::fetch(conn, select, introductions::Column::Id, |r| r.id, page).await?;
            let cases = cases(conn, found.items.iter().map(|(_, r)| r.consultation_id)).await?;
            try_map(found, |r| {
                of_case(
                    KpiRecordKind::Introduction,
                    cases.get(&r.consultation_id),
                    r.closed_at.or(r.sent_at).unwrap_or(r.proposed_at),
                    None,
                )
            })?
        }
        Records::Investments(select) => {
            let found =
                pagination::fetch(conn, select, investments::Column::Id, |r| r.id, page).await?;
            found.map(|investment| KpiRecord {
                kind: KpiRecordKind::Investment,
                subject_id: crate::ids::OrganisationId(investment.organisation_id).to_public(),
                reference: None,
                title: investment.investor_name.clone(),
                at: japan_midnight(investment.invested_on),
                amount_yen: Some(Yen(investment.amount_yen)),
            })
        }
        Records::GrantApplications(select) => {
            let found =
                pagination::fetch(conn, select, grant_applications::Column::Id, |r| r.id, page)
                    .await?;
            found.map(|application| KpiRecord {
                kind: KpiRecordKind::GrantApplication,
                subject_id: GrantApplicationId(application.id).to_public(),
                reference: None,
                title: application.title.clone(),
                at: application.submitted_at.unwrap_or(application.created_at),
                amount_yen: Some(Yen(application.requested_yen)),
            })
        }
        Records::GrantAwards(select) => {
            let found =
                pagination::fetch(conn, select, grant_awards::Column::Id, |r| r.id, page).await?;
            let applications =
                applications(conn, found.items.iter().map(|(_, a)| a.application_id)).await?;
            try_map(found, |award| {
                of_application(
                    KpiRecordKind::GrantAward,
                    applications.get(&award.application_id),
                    None,
                    award.awarded_at,
                    award.amount_yen,
                )
            })?
        }
        Records::Disbursements(select) => {
            let found = pagination::fetch(
                conn,
                select,
                grant_disbursements::Column::Id,
                |r| r.id,
                page,
            )
            .await?;
            let milestones: BTreeMap<i64, grant_milestones::Model> =
                grant_milestones::Entity::find()
                    .filter(
                        grant_milestones::Column::Id
                            .is_in(found.items.iter().map(|(_, d)| d.milestone_id)),
                    )
                    .all(conn)
                    .await?
                    .into_iter()
                    .map(|m| (m.id, m))
                    .collect();
            let applications =
                applications(conn, milestones.values().map(|m| m.application_id)).await?;
            try_map(found, |paid| {
                let milestone = milestones.get(&paid.milestone_id);
                of_application(
                    KpiRecordKind::Disbursement,
                    milestone.and_then(|m| applications.get(&m.application_id)),
                    milestone.map(|m| m.title.clone()),
                    paid.disbursed_at.unwrap_or(paid.approved_at),
                    paid.amount_yen,
                )
            })?
        }
    })
}

fn try_map<T, U>(
    page: Page<T>,
    mut f: impl FnMut(&T) -> Result<U, ApiError>,
) -> Result<Page<U>, ApiError> {
    let mut items = Vec::with_capacity(page.items.len());
    for (id, item) in &page.items {
        items.push((*id, f(item)?));
    }
    Ok(Page {
        items,
        has_next_page: page.has_next_page,
        has_previous_page: page.has_previous_page,
        total_count: page.total_count,
    })
}
