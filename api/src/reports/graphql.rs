//! The KPI table in GraphQL. Staff read their desks' figures, admins every desk's, and
//! advisors the figures of the consultations assigned to them.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{Datelike, NaiveDate};

use super::{
    Period, PeriodKind,
    figures::{self, Figure, Scope, Unit},
};
use crate::{
    auth::{Role, Viewer},
    error::{ApiError, ErrorCode, FieldError},
    graphql::{ContextExt, scalars::Yen},
    i18n::{Args, Locale},
    ids::{DeskId, TaxonomyTermId},
    introductions::OutcomeType,
    labels::Labelled,
    state::AppState,
};

/// Which period: a fiscal year (`fiscalYear`), a quarter of one (`fiscalYear`,
/// `quarter` 1–4, Q1 = April–June), a month (`year`, `month`) or any days (`from`, `to`).
#[derive(InputObject)]
pub struct ReportPeriodInput {
    pub kind: PeriodKind,
    pub fiscal_year: Option<i32>,
    pub quarter: Option<i32>,
    pub year: Option<i32>,
    pub month: Option<i32>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl ReportPeriodInput {
    pub fn period(&self) -> Result<Period, ApiError> {
        let need = |value: Option<i32>, field: &str| {
            value.ok_or_else(|| ApiError::from(FieldError::new(field, ErrorCode::Required)))
        };
        match self.kind {
            PeriodKind::FiscalYear => Period::fiscal_year(need(self.fiscal_year, "fiscalYear")?),
            PeriodKind::Quarter => Period::quarter(
                need(self.fiscal_year, "fiscalYear")?,
                u32::try_from(need(self.quarter, "quarter")?).unwrap_or(0),
            ),
            PeriodKind::Month => Period::month(
                need(self.year, "year")?,
                u32::try_from(need(self.month, "month")?).unwrap_or(0),
            ),
            PeriodKind::Custom => {
                let from = self
                    .from
                    .ok_or_else(|| ApiError::from(FieldError::new("from", ErrorCode::Required)))?;
                let to = self
                    .to
                    .ok_or_else(|| ApiError::from(FieldError::new("to", ErrorCode::Required)))?;
                Period::custom(from, to)
            }
        }
    }
}

#[derive(InputObject)]
pub struct KpiReportInput {
    pub period: ReportPeriodInput,
    /// One desk; all the reader may see when absent.
    pub desk_id: Option<ID>,
    /// One domain (a taxonomy term).
    pub domain_id: Option<ID>,
}

/// A report's period as the reader reads it.
#[derive(SimpleObject)]
pub struct ReportPeriod {
    pub kind: PeriodKind,
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// `FY2026 Q1` / `2026年度 第1四半期`.
    pub label: String,
}

/// A row of the KPI table, with the previous period's value.
#[derive(SimpleObject)]
pub struct KpiRow {
    pub figure: Figure,
    pub label: String,
    pub unit: Unit,
    /// Null when there is nothing to measure (no consultation answered or due; grants for a
    /// domain or an advisor).
    pub value: Option<i64>,
    pub previous: Option<i64>,
    /// The value as the reader writes it (`1,234`, `¥1,234` / `1,234円`, `2 business days`
    /// / `2営業日`, `87.5%`); `—` when blank.
    pub display: String,
    pub previous_display: String,
}

/// A value as the reader writes it.
fn display(state: &AppState, locale: Locale, unit: Unit, value: i64) -> String {
    let format = state.i18n.formatter(locale);
    match unit {
        Unit::Count => format.number(value),
        Unit::Yen => format.yen(value),
        Unit::BusinessDays => state.i18n.message(
            locale,
            "report-business-days",
            &Args::new().number("days", value),
        ),
        Unit::Permille => format!("{}.{}%", value / 10, value % 10),
    }
}

/// The main counts of one month of the period.
#[derive(SimpleObject)]
pub struct MonthPoint {
    /// The first day of the month (or of the period, if it starts later).
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// `2026年4月` / `4/2026`.
    pub label: String,
    pub consultations: i64,
    pub from_overseas: i64,
    pub introductions: i64,
    pub matches: i64,
}

/// Yen disbursed in the period for milestones of one order.
#[derive(SimpleObject)]
pub struct MilestoneDisbursed {
    /// 1 for each award's first milestone, and so on.
    pub position: i32,
    pub amount_yen: Yen,
    pub display: String,
}

#[derive(SimpleObject)]
pub struct DeskCount {
    pub desk_id: ID,
    pub desk_name: String,
    pub count: i64,
}

#[derive(SimpleObject)]
pub struct OutcomeCount {
    pub outcome: OutcomeType,
    pub label: String,
    pub count: i64,
}

#[derive(SimpleObject)]
pub struct KpiReport {
    pub period: ReportPeriod,
    pub previous_period: ReportPeriod,
    pub rows: Vec<KpiRow>,
    /// Referrals in the period, per desk referred to.
    pub referrals_by_desk: Vec<DeskCount>,
    /// Matches recorded in the period, per outcome type.
    pub matches_by_outcome: Vec<OutcomeCount>,
    /// Grant money disbursed in the period, per milestone order.
    pub disbursed_by_milestone: Vec<MilestoneDisbursed>,
    /// The main counts month by month, for the charts.
    pub series: Vec<MonthPoint>,
}

fn period_of(state: &AppState, locale: Locale, period: &Period) -> ReportPeriod {
    let (id, args) = match period.kind {
        PeriodKind::FiscalYear => (
            "report-period-label-fiscal-year",
            Args::new().text(
                "year",
                crate::calendar::fiscal_year(period.first).to_string(),
            ),
        ),
        PeriodKind::Quarter => {
            let fy = crate::calendar::fiscal_year(period.first);
            // April–June is Q1 … January–March Q4.
            let quarter = (period.first.month() + 8) % 12 / 3 + 1;
            (
                "report-period-label-quarter",
                Args::new()
                    .text("year", fy.to_string())
                    .text("quarter", quarter.to_string()),
            )
        }
        PeriodKind::Month => (
            "report-period-label-month",
            Args::new()
                .text("year", period.first.format("%Y").to_string())
                .text("month", period.first.format("%-m").to_string()),
        ),
        PeriodKind::Custom => (
            "report-period-label-custom",
            Args::new()
                .text("from", period.first.format("%Y/%m/%d").to_string())
                .text("to", period.last.format("%Y/%m/%d").to_string()),
        ),
    };
    ReportPeriod {
        kind: period.kind,
        first: period.first,
        last: period.last,
        label: state.i18n.message(locale, id, &args),
    }
}

/// The scope the reader may ask for, from the public ids of a desk and a domain;
/// `FORBIDDEN` for a desk not theirs or a role without reports.
pub fn scope_for(
    viewer: &Viewer,
    desk: Option<&ID>,
    domain: Option<&ID>,
) -> Result<Scope, ApiError> {
    let desk = desk.map(DeskId::from_public).transpose()?;
    let domain = domain
        .map(TaxonomyTermId::from_public)
        .transpose()?
        .map(|t| t.0);
    let own_desk = |desk: DeskId| {
        if viewer.desk_ids.contains(&desk) {
            Ok(desk.0)
        } else {
            Err(ApiError::new(ErrorCode::Forbidden))
        }
    };
    match viewer.role {
        Role::Admin => Ok(Scope {
            desks: desk.map(|d| vec![d.0]),
            domain,
            assignee: None,
        }),
        Role::Staff => Ok(Scope {
            desks: Some(match desk {
                Some(desk) => vec![own_desk(desk)?],
                None => viewer.desk_ids.iter().map(|d| d.0).collect(),
            }),
            domain,
            assignee: None,
        }),
        Role::Advisor => Ok(Scope {
            desks: desk.map(own_desk).transpose()?.map(|d| vec![d]),
            domain,
            assignee: Some(viewer.user_id.0),
        }),
        Role::Requester | Role::SupporterMember | Role::VcMember => {
            Err(ApiError::new(ErrorCode::Forbidden))
        }
    }
}

/// The KPI table of `period` and the period before, as the reader reads it.
pub async fn build(
    state: &AppState,
    locale: Locale,
    period: Period,
    scope: &Scope,
) -> Result<KpiReport, ApiError> {
    let previous = period.previous();
    let today = crate::calendar::japan_date(crate::db::now());
    let calendar = &state.calendar;
    let now = figures::table(&state.db, calendar, &period, scope, today).await?;
    let before = figures::table(&state.db, calendar, &previous, scope, today).await?;
    let show = |figure: Figure, table: &figures::Table| {
        if table.blank.contains(&figure) {
            return None;
        }
        Some(display(state, locale, figure.unit(), table.get(figure)))
    };
    let rows = Figure::ALL
        .iter()
        .map(|figure| KpiRow {
            figure: *figure,
            label: figure.label(&state.i18n, locale),
            unit: figure.unit(),
            value: (!now.blank.contains(figure)).then(|| now.get(*figure)),
            previous: (!before.blank.contains(figure)).then(|| before.get(*figure)),
            display: show(*figure, &now).unwrap_or_else(|| "—".to_owned()),
            previous_display: show(*figure, &before).unwrap_or_else(|| "—".to_owned()),
        })
        .collect();
    let mut referrals_by_desk = Vec::new();
    for (desk, count) in &now.referrals_by_desk {
        let names = crate::consultations::service::desk_of(&state.db, *desk).await?;
        referrals_by_desk.push(DeskCount {
            desk_id: DeskId(*desk).to_public(),
            desk_name: locale.pick(names.name_en, names.name_ja),
            count: *count,
        });
    }
    let series = figures::series(&state.db, &period, scope, today)
        .await?
        .into_iter()
        .map(|point| MonthPoint {
            first: point.month.first,
            last: point.month.last,
            label: period_of(state, locale, &point.month).label,
            consultations: point.consultations,
            from_overseas: point.from_overseas,
            introductions: point.introductions,
            matches: point.matches,
        })
        .collect();
    Ok(KpiReport {
        series,
        period: period_of(state, locale, &period),
        previous_period: period_of(state, locale, &previous),
        rows,
        referrals_by_desk,
        matches_by_outcome: now
            .matches_by_outcome
            .iter()
            .map(|(outcome, count)| OutcomeCount {
                outcome: *outcome,
                label: outcome.label(&state.i18n, locale),
                count: *count,
            })
            .collect(),
        disbursed_by_milestone: now
            .disbursed_by_milestone
            .iter()
            .map(|(position, yen)| MilestoneDisbursed {
                position: *position,
                amount_yen: Yen(*yen),
                display: state.i18n.formatter(locale).yen(*yen),
            })
            .collect(),
    })
}

#[derive(Default)]
pub struct ReportsQuery;

#[Object]
impl ReportsQuery {
    /// The desks' KPI table for a period (in Japan time), a desk and a domain, with the
    /// previous period beside it and the main counts month by month. The same table is
    /// downloadable as CSV at `/reports/kpi.csv`.
    async fn kpi_report(&self, ctx: &Context<'_>, input: KpiReportInput) -> Result<KpiReport> {
        let viewer = ctx.actor()?.viewer()?;
        let scope = scope_for(viewer, input.desk_id.as_ref(), input.domain_id.as_ref())?;
        let period = input.period.period()?;
        Ok(build(ctx.app()?, ctx.locale(), period, &scope).await?)
    }
}

crate::labels::stored_enum! {
    /// What kind of record stands behind a figure.
    pub enum KpiRecordKind {
        Consultation => "consultation", "report-record-consultation",
        Referral => "referral", "report-record-referral",
        Introduction => "introduction", "report-record-introduction",
        Investment => "investment", "report-record-investment",
        GrantApplication => "grant_application", "report-record-grant-application",
        GrantAward => "grant_award", "report-record-grant-award",
        Disbursement => "disbursement", "report-record-disbursement",
    }
}

/// One record behind a figure: what it is, the consultation or application it belongs to
/// (to open it), and the date that placed it in the period.
#[derive(SimpleObject)]
pub struct KpiRecord {
    pub kind: KpiRecordKind,
    /// The consultation (`Consultation` id) or grant application (`GrantApplication` id)
    /// to open.
    pub subject_id: ID,
    /// A consultation's reference number, if the record belongs to one.
    pub reference: Option<String>,
    pub title: String,
    pub at: chrono::DateTime<chrono::Utc>,
    pub amount_yen: Option<Yen>,
}

#[derive(SimpleObject)]
pub struct KpiRecordEdge {
    pub cursor: String,
    pub node: KpiRecord,
}

#[derive(SimpleObject)]
pub struct KpiRecordConnection {
    pub edges: Vec<KpiRecordEdge>,
    pub has_next_page: bool,
    pub total_count: i64,
}

#[derive(Default)]
pub struct ReportDrillQuery;

#[Object]
impl ReportDrillQuery {
    /// The records behind one figure of `kpiReport` (same input, same permissions), in the
    /// order they were created.
    async fn kpi_records(
        &self,
        ctx: &Context<'_>,
        input: KpiReportInput,
        figure: Figure,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<KpiRecordConnection> {
        let state = ctx.app()?;
        let viewer = ctx.actor()?.viewer()?;
        let scope = scope_for(viewer, input.desk_id.as_ref(), input.domain_id.as_ref())?;
        let period = input.period.period()?;
        let page =
            crate::pagination::PageArgs::parse(first, after.as_deref(), &state.settings.graphql)?;
        let today = crate::calendar::japan_date(crate::db::now());
        let found = match figures::records(figure, &period, &scope, today) {
            Some(records) => super::drill::list(&state.db, records, page).await?,
            None => crate::pagination::Page {
                items: Vec::new(),
                has_next_page: false,
                has_previous_page: false,
                total_count: 0,
            },
        };
        Ok(KpiRecordConnection {
            has_next_page: found.has_next_page,
            total_count: i64::try_from(found.total_count).unwrap_or(i64::MAX),
            edges: found
                .items
                .into_iter()
                .map(|(id, node)| KpiRecordEdge {
                    cursor: crate::pagination::encode_cursor(id),
                    node,
                })
                .collect(),
        })
    }
}
