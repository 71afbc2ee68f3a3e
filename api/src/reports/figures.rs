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
//! - open backlog: consultations received before the period's end and not closed by then.
//!
//! A scope narrows every figure to the consultations of some desks, one domain, or one
//! assignee (an advisor's own figures).

use std::collections::BTreeMap;

use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
    sea_query::{Query, SelectStatement},
};

use super::Period;
use crate::{
    consultations::ReferralStatus,
    directory::DirectoryKind,
    entity::{consultations, introductions, investments, referrals},
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
    }
}

impl Figure {
    /// Whether the figure is an amount of yen (the others count records).
    pub fn is_yen(self) -> bool {
        self == Figure::VcInvestedYen
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
}

impl Table {
    pub fn get(&self, figure: Figure) -> i64 {
        self.figures.get(&figure).copied().unwrap_or(0)
    }
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Counts every figure of the table.
pub async fn table(
    conn: &impl ConnectionTrait,
    period: &Period,
    scope: &Scope,
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
    Ok(table)
}
