//! Every figure of the KPI table, each defined once, here, as a query over the records.
//!
//! - consultations received: consultations whose `received_at` falls in the period;
//! - of which from overseas: the same, marked overseas;
//! - referrals: referrals to another desk requested in the period (not cancelled), counted
//!   for the desk that referred, also per target desk;
//! - advisor / newsletter / individual supporter / VC introductions: introductions sent in
//!   the period, by target kind and channel;
//! - matches: introductions whose match was recorded in the period (`closed_at`), by the
//!   same groups and per outcome type;
//! - VC investments: investments confirmed through a matched VC introduction, invested in
//!   the period (count and yen);
//! - open backlog: consultations received before the period's end and not closed by then;
//! - time to first response: for consultations received in the period and answered, the
//!   business days from receipt to the first response (Japan's calendar, the desks' year-end
//!   closure), median and 90th percentile by nearest rank;
//! - SLA compliance: of the consultations received in the period whose first-response due
//!   date has come (by the period's end, or today if sooner), the share answered by it;
//! - grants (for desks, not for a domain or an advisor): applications submitted, awards and
//!   the amount committed in the period, and yen disbursed in it, also per milestone order.
//!
//! A scope narrows every figure to the consultations of some desks, one domain, or one
//! assignee (an advisor's own figures).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
    QueryTrait, Select,
    sea_query::{Expr, Func, Query, SelectStatement},
};

use super::Period;
use crate::{
    calendar::{BusinessCalendar, japan_date},
    consultations::ReferralStatus,
    directory::DirectoryKind,
    entity::{
        consultations, grant_applications, grant_awards, grant_disbursements, grant_milestones,
        grant_programmes, introductions, investments, referrals,
    },
    error::ApiError,
    introductions::{IntroductionChannel, IntroductionStatus, OutcomeType},
    labels::{Labelled, stored_enum},
};

stored_enum! {
    /// A row of the KPI table.
    pub enum Figure {
        ConsultationsReceived => "consultations_received", "report-figure-consultations-received",
        FromOverseas => "from_overseas", "report-figure-from-overseas",
        Referrals => "referrals", "report-figure-referrals",
        AdvisorIntroductions => "advisor_introductions", "report-figure-advisor-introductions",
        NewsletterIntroductions => "newsletter_introductions", "report-figure-newsletter-introductions",
        NewsletterMatches => "newsletter_matches", "report-figure-newsletter-matches",
        SupporterIntroductions => "supporter_introductions", "report-figure-supporter-introductions",
        SupporterMatches => "supporter_matches", "report-figure-supporter-matches",
        VcIntroductions => "vc_introductions", "report-figure-vc-introductions",
        VcMatches => "vc_matches", "report-figure-vc-matches",
        VcInvestments => "vc_investments", "report-figure-vc-investments",
        VcInvestedYen => "vc_invested_yen", "report-figure-vc-invested-yen",
        Matches => "matches", "report-figure-matches",
        OpenBacklog => "open_backlog", "report-figure-open-backlog",
        ResponseDaysMedian => "response_days_median", "report-figure-response-days-median",
        ResponseDaysP90 => "response_days_p90", "report-figure-response-days-p90",
        SlaCompliance => "sla_compliance", "report-figure-sla-compliance",
        GrantApplications => "grant_applications", "report-figure-grant-applications",
        GrantAwards => "grant_awards", "report-figure-grant-awards",
        GrantCommittedYen => "grant_committed_yen", "report-figure-grant-committed-yen",
        GrantDisbursedYen => "grant_disbursed_yen", "report-figure-grant-disbursed-yen",
    }
}

/// What a figure's value counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum)]
pub enum Unit {
    /// A number of records.
    Count,
    /// Whole yen.
    Yen,
    /// Business days.
    BusinessDays,
    /// Tenths of a percent (875 is 87.5%).
    Permille,
}

impl Figure {
    pub fn unit(self) -> Unit {
        match self {
            Figure::VcInvestedYen | Figure::GrantCommittedYen | Figure::GrantDisbursedYen => {
                Unit::Yen
            }
            Figure::ResponseDaysMedian | Figure::ResponseDaysP90 => Unit::BusinessDays,
            Figure::SlaCompliance => Unit::Permille,
            _ => Unit::Count,
        }
    }
}

/// Whose consultations a report covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// Only these desks' consultations; every desk when none.
    pub desks: Option<Vec<i64>>,
    /// Only consultations in this domain.
    pub domain: Option<i64>,
    /// Only consultations assigned to this user.
    pub assignee: Option<i64>,
}

impl Scope {
    fn consultations(&self) -> Condition {
        let mut condition = Condition::all();
        if let Some(desks) = &self.desks {
            condition = condition.add(consultations::Column::DeskId.is_in(desks.iter().copied()));
        }
        if let Some(domain) = self.domain {
            condition = condition.add(consultations::Column::DomainTermId.eq(domain));
        }
        if let Some(assignee) = self.assignee {
            condition = condition.add(consultations::Column::AssigneeUserId.eq(assignee));
        }
        condition
    }

    /// The ids of the consultations in scope, as a subquery; `None` when the scope is
    /// every consultation, so that records of other tables are counted without a join.
    fn case_ids(&self) -> Option<SelectStatement> {
        (*self != Scope::default()).then(|| {
            Query::select()
                .column(consultations::Column::Id)
                .from(consultations::Entity)
                .cond_where(self.consultations())
                .to_owned()
        })
    }

    /// Records whose `consultation` column is one of the scope's consultations.
    fn cases_in<C: ColumnTrait>(&self, consultation: C) -> Condition {
        match self.case_ids() {
            Some(ids) => Condition::all().add(consultation.in_subquery(ids)),
            None => Condition::all(),
        }
    }

    /// Referrals are counted for the desk that referred, whatever desk holds the case now.
    fn referrals(&self) -> Condition {
        let mut condition = Condition::all();
        if let Some(desks) = &self.desks {
            condition = condition.add(referrals::Column::FromDeskId.is_in(desks.iter().copied()));
        }
        if self.domain.is_some() || self.assignee.is_some() {
            let cases = Scope {
                desks: None,
                ..self.clone()
            };
            condition = condition.add(cases.cases_in(referrals::Column::ConsultationId));
        }
        condition
    }
}

/// The records behind a figure, as a query: counted for the table, listed for the
/// drill-down. The one definition of each figure.
pub enum Records {
    Consultations(Select<consultations::Entity>),
    Referrals(Select<referrals::Entity>),
    Introductions(Select<introductions::Entity>),
    Investments(Select<investments::Entity>),
    GrantApplications(Select<grant_applications::Entity>),
    GrantAwards(Select<grant_awards::Entity>),
    Disbursements(Select<grant_disbursements::Entity>),
}

impl Records {
    /// The query itself, to aggregate over.
    fn into_query(self) -> SelectStatement {
        match self {
            Records::Consultations(select) => select.into_query(),
            Records::Referrals(select) => select.into_query(),
            Records::Introductions(select) => select.into_query(),
            Records::Investments(select) => select.into_query(),
            Records::GrantApplications(select) => select.into_query(),
            Records::GrantAwards(select) => select.into_query(),
            Records::Disbursements(select) => select.into_query(),
        }
    }
}

/// Whether the scope has grant figures: programmes belong to desks, not to a domain or an
/// advisor.
fn has_grants(scope: &Scope) -> bool {
    scope.domain.is_none() && scope.assignee.is_none()
}

/// The introductions of a group: advisor; newsletter; individual to supporters; to VCs.
fn group(figure: Figure) -> Option<Condition> {
    let individual = || introductions::Column::Channel.eq(IntroductionChannel::Individual.as_db());
    let kind = |kind: DirectoryKind| introductions::Column::TargetKind.eq(kind.as_db());
    match figure {
        Figure::AdvisorIntroductions => Some(Condition::all().add(kind(DirectoryKind::Advisor))),
        Figure::NewsletterIntroductions | Figure::NewsletterMatches => Some(
            Condition::all()
                .add(introductions::Column::Channel.eq(IntroductionChannel::Newsletter.as_db())),
        ),
        Figure::SupporterIntroductions | Figure::SupporterMatches => Some(
            Condition::all()
                .add(individual())
                .add(kind(DirectoryKind::Supporter)),
        ),
        Figure::VcIntroductions | Figure::VcMatches => Some(
            Condition::all()
                .add(individual())
                .add(kind(DirectoryKind::Vc)),
        ),
        Figure::Matches => Some(Condition::all()),
        _ => None,
    }
}

/// The instant that places a record of `figure` in a period, for the figures counted by
/// one: when a consultation was received, an introduction sent, a match recorded.
fn moment(figure: Figure) -> Option<Expr> {
    match figure {
        Figure::ConsultationsReceived
        | Figure::FromOverseas
        | Figure::ResponseDaysMedian
        | Figure::ResponseDaysP90
        | Figure::SlaCompliance => Some(Expr::col((
            consultations::Entity,
            consultations::Column::ReceivedAt,
        ))),
        Figure::AdvisorIntroductions
        | Figure::NewsletterIntroductions
        | Figure::SupporterIntroductions
        | Figure::VcIntroductions => Some(Expr::col((
            introductions::Entity,
            introductions::Column::SentAt,
        ))),
        Figure::NewsletterMatches
        | Figure::SupporterMatches
        | Figure::VcMatches
        | Figure::Matches => Some(Expr::col((
            introductions::Entity,
            introductions::Column::ClosedAt,
        ))),
        _ => None,
    }
}

/// Records of `figure` whose moment falls in `period`.
fn within(figure: Figure, period: &Period) -> Option<Condition> {
    use sea_orm::sea_query::ExprTrait as _;
    let at = moment(figure)?;
    Some(
        Condition::all()
            .add(at.clone().gte(period.start()))
            .add(at.lt(period.end())),
    )
}

/// The records behind `figure` in `period` and `scope`; `today` bounds which first
/// responses are due yet. `None` for grant figures of a domain or an advisor.
pub fn records(
    figure: Figure,
    period: &Period,
    scope: &Scope,
    today: NaiveDate,
) -> Option<Records> {
    let (start, end) = (period.start(), period.end());
    let received = || {
        Some(
            consultations::Entity::find()
                .filter(scope.consultations())
                .filter(within(figure, period)?),
        )
    };
    let introductions = || {
        introductions::Entity::find().filter(scope.cases_in(introductions::Column::ConsultationId))
    };
    let mut programmes = Query::select()
        .column(grant_programmes::Column::Id)
        .from(grant_programmes::Entity)
        .to_owned();
    if let Some(desks) = &scope.desks {
        programmes.and_where(grant_programmes::Column::DeskId.is_in(desks.iter().copied()));
    }
    Some(match figure {
        Figure::ConsultationsReceived => Records::Consultations(received()?),
        Figure::FromOverseas => {
            Records::Consultations(received()?.filter(consultations::Column::Overseas.eq(true)))
        }
        Figure::OpenBacklog => Records::Consultations(
            consultations::Entity::find()
                .filter(scope.consultations())
                .filter(consultations::Column::ReceivedAt.lt(end))
                .filter(
                    Condition::any()
                        .add(consultations::Column::ClosedAt.is_null())
                        .add(consultations::Column::ClosedAt.gte(end)),
                ),
        ),
        Figure::ResponseDaysMedian | Figure::ResponseDaysP90 => Records::Consultations(
            received()?.filter(consultations::Column::FirstRespondedAt.is_not_null()),
        ),
        Figure::SlaCompliance => Records::Consultations(
            received()?
                .filter(consultations::Column::FirstResponseDueOn.lte(period.last.min(today))),
        ),
        Figure::Referrals => Records::Referrals(
            referrals::Entity::find()
                .filter(scope.referrals())
                .filter(referrals::Column::Status.ne(ReferralStatus::Cancelled.as_db()))
                .filter(referrals::Column::RequestedAt.gte(start))
                .filter(referrals::Column::RequestedAt.lt(end)),
        ),
        Figure::AdvisorIntroductions
        | Figure::NewsletterIntroductions
        | Figure::SupporterIntroductions
        | Figure::VcIntroductions => Records::Introductions(
            introductions()
                .filter(group(figure)?)
                .filter(within(figure, period)?),
        ),
        Figure::NewsletterMatches
        | Figure::SupporterMatches
        | Figure::VcMatches
        | Figure::Matches => Records::Introductions(
            introductions()
                .filter(group(figure)?)
                .filter(introductions::Column::Status.eq(IntroductionStatus::Matched.as_db()))
                .filter(within(figure, period)?),
        ),
        Figure::VcInvestments | Figure::VcInvestedYen => {
            let through = match scope.case_ids() {
                Some(cases) => investments::Column::IntroductionId.in_subquery(
                    Query::select()
                        .column(introductions::Column::Id)
                        .from(introductions::Entity)
                        .and_where(introductions::Column::ConsultationId.in_subquery(cases))
                        .to_owned(),
                ),
                None => investments::Column::IntroductionId.is_not_null(),
            };
            Records::Investments(
                investments::Entity::find()
                    .filter(through)
                    .filter(investments::Column::InvestedOn.gte(period.first))
                    .filter(investments::Column::InvestedOn.lte(period.last)),
            )
        }
        Figure::GrantApplications if has_grants(scope) => Records::GrantApplications(
            grant_applications::Entity::find()
                .filter(grant_applications::Column::ProgrammeId.in_subquery(programmes))
                .filter(grant_applications::Column::SubmittedAt.gte(start))
                .filter(grant_applications::Column::SubmittedAt.lt(end)),
        ),
        Figure::GrantAwards | Figure::GrantCommittedYen if has_grants(scope) => {
            Records::GrantAwards(
                grant_awards::Entity::find()
                    .filter(grant_awards::Column::ProgrammeId.in_subquery(programmes))
                    .filter(grant_awards::Column::AwardedAt.gte(start))
                    .filter(grant_awards::Column::AwardedAt.lt(end)),
            )
        }
        Figure::GrantDisbursedYen if has_grants(scope) => Records::Disbursements(
            grant_disbursements::Entity::find()
                .filter(grant_disbursements::Column::ProgrammeId.in_subquery(programmes))
                .filter(grant_disbursements::Column::DisbursedAt.gte(start))
                .filter(grant_disbursements::Column::DisbursedAt.lt(end)),
        ),
        Figure::GrantApplications
        | Figure::GrantAwards
        | Figure::GrantCommittedYen
        | Figure::GrantDisbursedYen => return None,
    })
}

/// The KPI table for one period and scope, with the breakdowns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub figures: BTreeMap<Figure, i64>,
    /// Referrals per target desk id.
    pub referrals_by_desk: BTreeMap<i64, i64>,
    /// Matches per outcome type.
    pub matches_by_outcome: BTreeMap<OutcomeType, i64>,
    /// Yen disbursed per milestone order (1 = each award's first milestone).
    pub disbursed_by_milestone: BTreeMap<i32, i64>,
    /// Figures with nothing to measure (no consultation answered, none due; grants of a
    /// domain or an advisor): left blank.
    pub blank: BTreeSet<Figure>,
}

impl Table {
    pub fn get(&self, figure: Figure) -> i64 {
        self.figures.get(&figure).copied().unwrap_or(0)
    }
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn sum(amounts: &[i64]) -> i64 {
    amounts.iter().fold(0i64, |sum, x| sum.saturating_add(*x))
}

/// Counts the records behind a plain counting figure.
async fn count_of(conn: &impl ConnectionTrait, records: Records) -> Result<i64, ApiError> {
    Ok(count(match records {
        Records::Consultations(select) => select.count(conn).await?,
        Records::Referrals(select) => select.count(conn).await?,
        Records::Introductions(select) => select.count(conn).await?,
        Records::Investments(select) => select.count(conn).await?,
        Records::GrantApplications(select) => select.count(conn).await?,
        Records::GrantAwards(select) => select.count(conn).await?,
        Records::Disbursements(select) => select.count(conn).await?,
    }))
}

/// Counts every figure of the table; `today` bounds which first responses are due yet.
pub async fn table(
    conn: &impl ConnectionTrait,
    calendar: &BusinessCalendar,
    period: &Period,
    scope: &Scope,
    today: NaiveDate,
) -> Result<Table, ApiError> {
    let mut table = Table::default();
    // The median and the 90th percentile read the same answered consultations.
    let mut answered_days: Option<Vec<i64>> = None;
    for figure in Figure::ALL.iter().copied() {
        let Some(records) = records(figure, period, scope, today) else {
            table.blank.insert(figure);
            continue;
        };
        let value = match (figure, records) {
            (
                Figure::ResponseDaysMedian | Figure::ResponseDaysP90,
                Records::Consultations(select),
            ) => {
                if answered_days.is_none() {
                    let answered: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)> = select
                        .select_only()
                        .column(consultations::Column::ReceivedAt)
                        .column(consultations::Column::FirstRespondedAt)
                        .into_tuple()
                        .all(conn)
                        .await?;
                    let mut days: Vec<i64> = answered
                        .iter()
                        .filter_map(|(received, responded)| {
                            responded.map(|at| {
                                calendar
                                    .business_days_between(japan_date(*received), japan_date(at))
                            })
                        })
                        .collect();
                    days.sort_unstable();
                    answered_days = Some(days);
                }
                let days = answered_days.as_deref().unwrap_or_default();
                let rank = if figure == Figure::ResponseDaysMedian {
                    50
                } else {
                    90
                };
                percentile(days, rank)
            }
            (Figure::SlaCompliance, Records::Consultations(select)) => {
                let due: Vec<(Option<DateTime<Utc>>, NaiveDate)> = select
                    .select_only()
                    .column(consultations::Column::FirstRespondedAt)
                    .column(consultations::Column::FirstResponseDueOn)
                    .into_tuple()
                    .all(conn)
                    .await?;
                let on_time = due
                    .iter()
                    .filter(|(responded, due_on)| {
                        responded.is_some_and(|at| japan_date(at) <= *due_on)
                    })
                    .count() as i64;
                (!due.is_empty()).then(|| on_time * 1000 / due.len() as i64)
            }
            (Figure::Referrals, Records::Referrals(select)) => {
                let referred: Vec<(i64, i64)> = select
                    .select_only()
                    .column(referrals::Column::ToDeskId)
                    .column_as(referrals::Column::Id.count(), "n")
                    .group_by(referrals::Column::ToDeskId)
                    .into_tuple()
                    .all(conn)
                    .await?;
                table.referrals_by_desk = referred.into_iter().collect();
                Some(table.referrals_by_desk.values().sum())
            }
            (Figure::Matches, Records::Introductions(select)) => {
                let outcomes: Vec<(Option<String>, i64)> = select
                    .select_only()
                    .column(introductions::Column::Outcome)
                    .column_as(introductions::Column::Id.count(), "n")
                    .group_by(introductions::Column::Outcome)
                    .into_tuple()
                    .all(conn)
                    .await?;
                for (outcome, n) in outcomes {
                    if let Some(outcome) = outcome.and_then(|o| OutcomeType::from_db(&o).ok()) {
                        table.matches_by_outcome.insert(outcome, n);
                    }
                }
                Some(table.matches_by_outcome.values().sum())
            }
            (Figure::VcInvestedYen, Records::Investments(select)) => {
                let amounts: Vec<i64> = select
                    .select_only()
                    .column(investments::Column::AmountYen)
                    .into_tuple()
                    .all(conn)
                    .await?;
                Some(sum(&amounts))
            }
            (Figure::GrantCommittedYen, Records::GrantAwards(select)) => {
                let amounts: Vec<i64> = select
                    .select_only()
                    .column(grant_awards::Column::AmountYen)
                    .into_tuple()
                    .all(conn)
                    .await?;
                Some(sum(&amounts))
            }
            (Figure::GrantDisbursedYen, Records::Disbursements(select)) => {
                let paid: Vec<(i64, i64)> = select
                    .select_only()
                    .column(grant_disbursements::Column::AmountYen)
                    .column(grant_disbursements::Column::MilestoneId)
                    .into_tuple()
                    .all(conn)
                    .await?;
                let positions: BTreeMap<i64, i32> = grant_milestones::Entity::find()
                    .select_only()
                    .column(grant_milestones::Column::Id)
                    .column(grant_milestones::Column::Position)
                    .filter(grant_milestones::Column::Id.is_in(paid.iter().map(|(_, id)| *id)))
                    .into_tuple::<(i64, i32)>()
                    .all(conn)
                    .await?
                    .into_iter()
                    .collect();
                for (amount, milestone) in &paid {
                    let position = positions.get(milestone).copied().unwrap_or_default();
                    *table.disbursed_by_milestone.entry(position).or_default() += amount;
                }
                Some(table.disbursed_by_milestone.values().sum())
            }
            (_, records) => Some(count_of(conn, records).await?),
        };
        match value {
            Some(value) => {
                table.figures.insert(figure, value);
            }
            None => {
                table.blank.insert(figure);
            }
        }
    }
    Ok(table)
}

/// The main counts of one month, for the charts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthCounts {
    pub month: Period,
    pub consultations: i64,
    pub from_overseas: i64,
    /// Introductions sent, of every group.
    pub introductions: i64,
    pub matches: i64,
}

/// The main counts month by month over the period: one query per figure over the whole
/// period, counting each month's records by their moment.
pub async fn series(
    conn: &impl ConnectionTrait,
    period: &Period,
    scope: &Scope,
    today: NaiveDate,
) -> Result<Vec<MonthCounts>, ApiError> {
    let months = period.months();
    let by_month =
        async |figure: Figure| monthly(conn, figure, period, &months, scope, today).await;
    let consultations = by_month(Figure::ConsultationsReceived).await?;
    let from_overseas = by_month(Figure::FromOverseas).await?;
    let matches = by_month(Figure::Matches).await?;
    let mut introductions = vec![0; months.len()];
    for figure in [
        Figure::AdvisorIntroductions,
        Figure::NewsletterIntroductions,
        Figure::SupporterIntroductions,
        Figure::VcIntroductions,
    ] {
        for (sum, n) in introductions.iter_mut().zip(by_month(figure).await?) {
            *sum += n;
        }
    }
    Ok(months
        .into_iter()
        .enumerate()
        .map(|(i, month)| MonthCounts {
            month,
            consultations: consultations[i],
            from_overseas: from_overseas[i],
            introductions: introductions[i],
            matches: matches[i],
        })
        .collect())
}

/// The records of `figure` in `period`, counted per month of `months`.
async fn monthly(
    conn: &impl ConnectionTrait,
    figure: Figure,
    period: &Period,
    months: &[Period],
    scope: &Scope,
    today: NaiveDate,
) -> Result<Vec<i64>, ApiError> {
    let (Some(records), Some(at)) = (records(figure, period, scope, today), moment(figure)) else {
        return Ok(vec![0; months.len()]);
    };
    use sea_orm::sea_query::ExprTrait as _;
    let mut query = records.into_query();
    query.clear_selects();
    for (i, month) in months.iter().enumerate() {
        let inside = at
            .clone()
            .gte(month.start())
            .and(at.clone().lt(month.end()));
        query.expr_as(Func::count(Expr::case(inside, 1)), format!("m{i}"));
    }
    let backend = conn.get_database_backend();
    let row = conn
        .query_one_raw(backend.build(&query))
        .await?
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("a count returned no row")))?;
    (0..months.len())
        .map(|i| Ok(row.try_get::<i64>("", &format!("m{i}"))?))
        .collect()
}

/// The value at `rank` (0–100) by the nearest-rank method; `None` for no values.
pub fn percentile(sorted: &[i64], rank: u32) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let n = sorted.len();
    let index = (u64::from(rank) * n as u64).div_ceil(100).max(1) as usize - 1;
    sorted.get(index.min(n - 1)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_take_the_nearest_rank() {
        assert_eq!(percentile(&[], 50), None);
        assert_eq!(percentile(&[4], 90), Some(4));
        assert_eq!(percentile(&[1, 2, 3, 4], 50), Some(2));
        assert_eq!(percentile(&[1, 2, 3, 4, 5], 50), Some(3));
        let tens: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&tens, 90), Some(9));
        assert_eq!(percentile(&tens, 100), Some(10));
        assert_eq!(percentile(&tens, 0), Some(1));
    }
}
