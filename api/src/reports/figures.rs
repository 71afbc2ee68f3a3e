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

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
    sea_query::{Query, SelectStatement},
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
    labels::stored_enum,
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

    /// The ids of the consultations in scope, as a subquery.
    fn case_ids(&self) -> SelectStatement {
        Query::select()
            .column(consultations::Column::Id)
            .from(consultations::Entity)
            .cond_where(self.consultations())
            .to_owned()
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
            condition =
                condition.add(referrals::Column::ConsultationId.in_subquery(cases.case_ids()));
        }
        condition
    }
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
    /// Figures with nothing to measure (no consultation answered, none due): left blank.
    pub blank: std::collections::BTreeSet<Figure>,
}

impl Table {
    pub fn get(&self, figure: Figure) -> i64 {
        self.figures.get(&figure).copied().unwrap_or(0)
    }
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The main counts of one month, for the charts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthCounts {
    pub month: Period,
    pub consultations: i64,
    pub from_overseas: i64,
    /// Introductions sent, of every kind and channel.
    pub introductions: i64,
    pub matches: i64,
}

/// The main counts month by month over the period.
pub async fn series(
    conn: &impl ConnectionTrait,
    period: &Period,
    scope: &Scope,
) -> Result<Vec<MonthCounts>, ApiError> {
    let mut series = Vec::new();
    for month in period.months() {
        let (start, end) = (month.start(), month.end());
        let received = || {
            consultations::Entity::find()
                .filter(scope.consultations())
                .filter(consultations::Column::ReceivedAt.gte(start))
                .filter(consultations::Column::ReceivedAt.lt(end))
        };
        let in_scope = || {
            introductions::Entity::find()
                .filter(introductions::Column::ConsultationId.in_subquery(scope.case_ids()))
        };
        series.push(MonthCounts {
            month,
            consultations: count(received().count(conn).await?),
            from_overseas: count(
                received()
                    .filter(consultations::Column::Overseas.eq(true))
                    .count(conn)
                    .await?,
            ),
            introductions: count(
                in_scope()
                    .filter(introductions::Column::SentAt.gte(start))
                    .filter(introductions::Column::SentAt.lt(end))
                    .count(conn)
                    .await?,
            ),
            matches: count(
                in_scope()
                    .filter(introductions::Column::Status.eq(IntroductionStatus::Matched.as_db()))
                    .filter(introductions::Column::ClosedAt.gte(start))
                    .filter(introductions::Column::ClosedAt.lt(end))
                    .count(conn)
                    .await?,
            ),
        });
    }
    Ok(series)
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

/// Counts every figure of the table; `today` bounds which first responses are due yet.
pub async fn table(
    conn: &impl ConnectionTrait,
    calendar: &BusinessCalendar,
    period: &Period,
    scope: &Scope,
    today: NaiveDate,
) -> Result<Table, ApiError> {
    let (start, end) = (period.start(), period.end());
    let mut table = Table::default();

    let received = || {
        consultations::Entity::find()
            .filter(scope.consultations())
            .filter(consultations::Column::ReceivedAt.gte(start))
            .filter(consultations::Column::ReceivedAt.lt(end))
    };
    table.figures.insert(
        Figure::ConsultationsReceived,
        count(received().count(conn).await?),
    );
    table.figures.insert(
        Figure::FromOverseas,
        count(
            received()
                .filter(consultations::Column::Overseas.eq(true))
                .count(conn)
                .await?,
        ),
    );
    table.figures.insert(
        Figure::OpenBacklog,
        count(
            consultations::Entity::find()
                .filter(scope.consultations())
                .filter(consultations::Column::ReceivedAt.lt(end))
                .filter(
                    Condition::any()
                        .add(consultations::Column::ClosedAt.is_null())
                        .add(consultations::Column::ClosedAt.gte(end)),
                )
                .count(conn)
                .await?,
        ),
    );

    let referred: Vec<(i64, i64)> = referrals::Entity::find()
        .select_only()
        .column(referrals::Column::ToDeskId)
        .column_as(referrals::Column::Id.count(), "n")
        .filter(scope.referrals())
        .filter(referrals::Column::Status.ne(ReferralStatus::Cancelled.as_db()))
        .filter(referrals::Column::RequestedAt.gte(start))
        .filter(referrals::Column::RequestedAt.lt(end))
        .group_by(referrals::Column::ToDeskId)
        .into_tuple()
        .all(conn)
        .await?;
    table.referrals_by_desk = referred.into_iter().collect();
    table
        .figures
        .insert(Figure::Referrals, table.referrals_by_desk.values().sum());

    // Introductions sent in the period, and matches recorded in it, by group.
    let in_scope = || {
        introductions::Entity::find()
            .filter(introductions::Column::ConsultationId.in_subquery(scope.case_ids()))
    };
    let groups: [(Figure, Option<Figure>, Condition); 4] = [
        (
            Figure::AdvisorIntroductions,
            None,
            Condition::all()
                .add(introductions::Column::TargetKind.eq(DirectoryKind::Advisor.as_db())),
        ),
        (
            Figure::NewsletterIntroductions,
            Some(Figure::NewsletterMatches),
            Condition::all()
                .add(introductions::Column::Channel.eq(IntroductionChannel::Newsletter.as_db())),
        ),
        (
            Figure::SupporterIntroductions,
            Some(Figure::SupporterMatches),
            Condition::all()
                .add(introductions::Column::Channel.eq(IntroductionChannel::Individual.as_db()))
                .add(introductions::Column::TargetKind.eq(DirectoryKind::Supporter.as_db())),
        ),
        (
            Figure::VcIntroductions,
            Some(Figure::VcMatches),
            Condition::all()
                .add(introductions::Column::Channel.eq(IntroductionChannel::Individual.as_db()))
                .add(introductions::Column::TargetKind.eq(DirectoryKind::Vc.as_db())),
        ),
    ];
    let matched = || {
        in_scope()
            .filter(introductions::Column::Status.eq(IntroductionStatus::Matched.as_db()))
            .filter(introductions::Column::ClosedAt.gte(start))
            .filter(introductions::Column::ClosedAt.lt(end))
    };
    for (sent_figure, match_figure, group) in groups {
        let sent = in_scope()
            .filter(group.clone())
            .filter(introductions::Column::SentAt.gte(start))
            .filter(introductions::Column::SentAt.lt(end))
            .count(conn)
            .await?;
        table.figures.insert(sent_figure, count(sent));
        if let Some(match_figure) = match_figure {
            let matches = matched().filter(group).count(conn).await?;
            table.figures.insert(match_figure, count(matches));
        }
    }
    let outcomes: Vec<(Option<String>, i64)> = matched()
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
    table
        .figures
        .insert(Figure::Matches, table.matches_by_outcome.values().sum());

    // Investments confirmed through the desk's VC introductions, invested in the period.
    let invested: Vec<i64> = investments::Entity::find()
        .select_only()
        .column(investments::Column::AmountYen)
        .filter(
            investments::Column::IntroductionId.in_subquery(
                Query::select()
                    .column(introductions::Column::Id)
                    .from(introductions::Entity)
                    .and_where(introductions::Column::ConsultationId.in_subquery(scope.case_ids()))
                    .to_owned(),
            ),
        )
        .filter(investments::Column::InvestedOn.gte(period.first))
        .filter(investments::Column::InvestedOn.lte(period.last))
        .into_tuple()
        .all(conn)
        .await?;
    table
        .figures
        .insert(Figure::VcInvestments, count(invested.len() as u64));
    table.figures.insert(
        Figure::VcInvestedYen,
        invested.iter().fold(0i64, |sum, x| sum.saturating_add(*x)),
    );

    responses(conn, calendar, period, scope, today, &mut table).await?;
    if scope.domain.is_none() && scope.assignee.is_none() {
        grants(conn, period, scope, &mut table).await?;
    } else {
        for figure in [
            Figure::GrantApplications,
            Figure::GrantAwards,
            Figure::GrantCommittedYen,
            Figure::GrantDisbursedYen,
        ] {
            table.blank.insert(figure);
        }
    }
    Ok(table)
}

/// Time to first response and SLA compliance of the consultations received in the period.
async fn responses(
    conn: &impl ConnectionTrait,
    calendar: &BusinessCalendar,
    period: &Period,
    scope: &Scope,
    today: NaiveDate,
    table: &mut Table,
) -> Result<(), ApiError> {
    let rows: Vec<(DateTime<Utc>, Option<DateTime<Utc>>, NaiveDate)> =
        consultations::Entity::find()
            .select_only()
            .column(consultations::Column::ReceivedAt)
            .column(consultations::Column::FirstRespondedAt)
            .column(consultations::Column::FirstResponseDueOn)
            .filter(scope.consultations())
            .filter(consultations::Column::ReceivedAt.gte(period.start()))
            .filter(consultations::Column::ReceivedAt.lt(period.end()))
            .into_tuple()
            .all(conn)
            .await?;
    let mut days: Vec<i64> = rows
        .iter()
        .filter_map(|(received, responded, _)| {
            responded
                .map(|at| calendar.business_days_between(japan_date(*received), japan_date(at)))
        })
        .collect();
    days.sort_unstable();
    for (figure, rank) in [
        (Figure::ResponseDaysMedian, 50),
        (Figure::ResponseDaysP90, 90),
    ] {
        match percentile(&days, rank) {
            Some(value) => {
                table.figures.insert(figure, value);
            }
            None => {
                table.blank.insert(figure);
            }
        }
    }
    let horizon = period.last.min(today);
    let due: Vec<bool> = rows
        .iter()
        .filter(|(_, _, due_on)| *due_on <= horizon)
        .map(|(_, responded, due_on)| responded.is_some_and(|at| japan_date(at) <= *due_on))
        .collect();
    if due.is_empty() {
        table.blank.insert(Figure::SlaCompliance);
    } else {
        let on_time = due.iter().filter(|ok| **ok).count() as i64;
        table
            .figures
            .insert(Figure::SlaCompliance, on_time * 1000 / due.len() as i64);
    }
    Ok(())
}

/// The grant figures of the programmes the scope's desks run.
async fn grants(
    conn: &impl ConnectionTrait,
    period: &Period,
    scope: &Scope,
    table: &mut Table,
) -> Result<(), ApiError> {
    let (start, end) = (period.start(), period.end());
    let mut programmes = Query::select()
        .column(grant_programmes::Column::Id)
        .from(grant_programmes::Entity)
        .to_owned();
    if let Some(desks) = &scope.desks {
        programmes.and_where(grant_programmes::Column::DeskId.is_in(desks.iter().copied()));
    }
    let applications = grant_applications::Entity::find()
        .filter(grant_applications::Column::ProgrammeId.in_subquery(programmes.clone()))
        .filter(grant_applications::Column::SubmittedAt.gte(start))
        .filter(grant_applications::Column::SubmittedAt.lt(end))
        .count(conn)
        .await?;
    table
        .figures
        .insert(Figure::GrantApplications, count(applications));
    let awarded: Vec<i64> = grant_awards::Entity::find()
        .select_only()
        .column(grant_awards::Column::AmountYen)
        .filter(grant_awards::Column::ProgrammeId.in_subquery(programmes.clone()))
        .filter(grant_awards::Column::AwardedAt.gte(start))
        .filter(grant_awards::Column::AwardedAt.lt(end))
        .into_tuple()
        .all(conn)
        .await?;
    table
        .figures
        .insert(Figure::GrantAwards, count(awarded.len() as u64));
    table
        .figures
        .insert(Figure::GrantCommittedYen, awarded.iter().sum());
    let paid: Vec<(i64, i64)> = grant_disbursements::Entity::find()
        .select_only()
        .column(grant_disbursements::Column::AmountYen)
        .column(grant_disbursements::Column::MilestoneId)
        .filter(grant_disbursements::Column::ProgrammeId.in_subquery(programmes))
        .filter(grant_disbursements::Column::DisbursedAt.gte(start))
        .filter(grant_disbursements::Column::DisbursedAt.lt(end))
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
    for (amount, milestone) in paid {
        let position = positions.get(&milestone).copied().unwrap_or_default();
        *table.disbursed_by_milestone.entry(position).or_default() += amount;
    }
    table.figures.insert(
        Figure::GrantDisbursedYen,
        table.disbursed_by_milestone.values().sum(),
    );
    Ok(())
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
