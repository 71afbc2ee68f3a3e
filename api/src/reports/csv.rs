//! The KPI table as CSV, at `GET /reports/kpi.csv`, and the records behind one figure at
//! `GET /reports/records.csv` (with `figure`, e.g. `from_overseas`): the same figures, scope
//! and permissions as `kpiReport` and `kpiRecords`, headers in the reader's language, UTF-8
//! with a byte-order mark and CRLF line ends so that Excel in Japan opens it as it is.
//!
//! Query parameters: `period` (`fiscal_year`, `quarter`, `month`, `custom`), with
//! `fiscalYear`, `quarter`, `year`, `month`, `from`, `to` as the period needs, and optionally
//! `deskId` and `domainId`. The session comes from the cookie or a Bearer token.

use async_graphql::ID;
use chrono::NaiveDate;
use poem::{
    Request, Response, handler,
    http::{StatusCode, header},
    web::{Data, Query},
};
use serde::Deserialize;

use super::{
    PeriodKind,
    graphql::{KpiReport, ReportPeriodInput, build, scope_for},
};
use crate::labels::Labelled;
use crate::{
    auth::Actor,
    error::ApiError,
    i18n::{Args, Locale},
    state::AppState,
};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CsvQuery {
    period: String,
    fiscal_year: Option<i32>,
    quarter: Option<i32>,
    year: Option<i32>,
    month: Option<i32>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    desk_id: Option<String>,
    domain_id: Option<String>,
    /// For `/reports/records.csv`: the figure whose records to list (`from_overseas`…).
    figure: Option<String>,
}

/// One CSV field, quoted when it must be.
fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

fn line(out: &mut String, fields: &[String]) {
    let fields: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// The table as CSV text, byte-order mark first. Values are plain numbers (no grouping, no
/// currency sign) so that spreadsheets read them as numbers; blanks stay empty.
pub fn render(report: &KpiReport, state: &AppState, locale: Locale) -> String {
    let text = |id: &str| state.i18n.message(locale, id, &Args::new());
    let mut out = String::from('\u{feff}');
    line(
        &mut out,
        &[
            text("report-csv-figure"),
            report.period.label.clone(),
            report.previous_period.label.clone(),
        ],
    );
    let number = |value: Option<i64>| value.map(|v| v.to_string()).unwrap_or_default();
    for row in &report.rows {
        line(
            &mut out,
            &[row.label.clone(), number(row.value), number(row.previous)],
        );
    }
    for desk in &report.referrals_by_desk {
        line(
            &mut out,
            &[
                format!("{}: {}", text("report-csv-referrals-to"), desk.desk_name),
                desk.count.to_string(),
                String::new(),
            ],
        );
    }
    for outcome in &report.matches_by_outcome {
        line(
            &mut out,
            &[
                format!(
                    "{}: {}",
                    text("report-csv-matches-by-outcome"),
                    outcome.label
                ),
                outcome.count.to_string(),
                String::new(),
            ],
        );
    }
    for milestone in &report.disbursed_by_milestone {
        let label = state.i18n.message(
            locale,
            "report-csv-disbursed-by-milestone",
            &Args::new().number("position", i64::from(milestone.position)),
        );
        line(
            &mut out,
            &[label, milestone.amount_yen.0.to_string(), String::new()],
        );
    }
    out
}

fn refusal(state: &AppState, locale: Locale, error: &ApiError) -> Response {
    let status = match error.code() {
        crate::error::ErrorCode::Unauthenticated => StatusCode::UNAUTHORIZED,
        crate::error::ErrorCode::Forbidden => StatusCode::FORBIDDEN,
        crate::error::ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::BAD_REQUEST,
    };
    let message = state.i18n.error_message(locale, error.code(), &[]);
    Response::builder()
        .status(status)
        .content_type("text/plain; charset=utf-8")
        .body(format!("{}: {message}\n", error.code().as_str()))
}

/// Who asks, in which language, for which period and scope.
async fn resolve(
    request: &Request,
    query: &CsvQuery,
    state: &AppState,
) -> Result<(Locale, super::Period, super::figures::Scope), (Locale, ApiError)> {
    let header_locale = Locale::negotiate(request.header(header::ACCEPT_LANGUAGE));
    let actor = crate::graphql::http::request_actor(state, request)
        .await
        .map_err(|error| (header_locale, ApiError::internal(error)))?;
    let locale = match &actor {
        Actor::User(viewer) => viewer.locale,
        _ => header_locale,
    };
    let resolved = (|| {
        let viewer = actor.viewer()?;
        let kind = PeriodKind::from_db(&query.period).map_err(|_| {
            ApiError::from(crate::error::FieldError::new(
                "period",
                crate::error::ErrorCode::Required,
            ))
        })?;
        let period = ReportPeriodInput {
            kind,
            fiscal_year: query.fiscal_year,
            quarter: query.quarter,
            year: query.year,
            month: query.month,
            from: query.from,
            to: query.to,
        }
        .period()?;
        let desk = query.desk_id.clone().map(ID);
        let domain = query.domain_id.clone().map(ID);
        Ok::<_, ApiError>((period, scope_for(viewer, desk.as_ref(), domain.as_ref())?))
    })();
    match resolved {
        Ok((period, scope)) => Ok((locale, period, scope)),
        Err(error) => Err((locale, error)),
    }
}

fn csv_response(filename: &str, body: String) -> Response {
    Response::builder()
        .content_type("text/csv; charset=utf-8")
        .header(
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        )
        .header(header::CACHE_CONTROL, "no-store")
        .body(body)
}

fn span(period: &super::Period) -> String {
    format!(
        "{}-{}",
        period.first.format("%Y%m%d"),
        period.last.format("%Y%m%d")
    )
}

#[handler]
pub async fn kpi_csv(
    request: &Request,
    Query(query): Query<CsvQuery>,
    app: Data<&AppState>,
) -> Response {
    let state = *app;
    let (locale, period, scope) = match resolve(request, &query, state).await {
        Ok(resolved) => resolved,
        Err((locale, error)) => return refusal(state, locale, &error),
    };
    match build(state, locale, period, &scope).await {
        Ok(report) => csv_response(
            &format!("banso-kpi-{}.csv", span(&period)),
            render(&report, state, locale),
        ),
        Err(error) => refusal(state, locale, &error),
    }
}

/// The most records one CSV lists (pages of 500).
const MAX_RECORD_PAGES: usize = 400;

/// The records behind one figure as CSV: kind, reference, title, date (Japan), yen.
#[handler]
pub async fn records_csv(
    request: &Request,
    Query(query): Query<CsvQuery>,
    app: Data<&AppState>,
) -> Response {
    let state = *app;
    let (locale, period, scope) = match resolve(request, &query, state).await {
        Ok(resolved) => resolved,
        Err((locale, error)) => return refusal(state, locale, &error),
    };
    let Some(figure) = query
        .figure
        .as_deref()
        .and_then(|f| super::figures::Figure::from_db(f).ok())
    else {
        let error = ApiError::from(crate::error::FieldError::new(
            "figure",
            crate::error::ErrorCode::Required,
        ));
        return refusal(state, locale, &error);
    };
    let text = |id: &str| state.i18n.message(locale, id, &Args::new());
    let mut out = String::from('\u{feff}');
    line(
        &mut out,
        &[
            text("report-csv-record-kind"),
            text("report-csv-record-reference"),
            text("report-csv-record-title"),
            text("report-csv-record-date"),
            text("report-csv-record-amount"),
        ],
    );
    let today = crate::calendar::japan_date(crate::db::now());
    let mut after = None;
    for _ in 0..MAX_RECORD_PAGES {
        let Some(records) = super::figures::records(figure, &period, &scope, today) else {
            break;
        };
        let page = crate::pagination::PageArgs { first: 500, after };
        let found = match super::drill::list(&state.db, records, page).await {
            Ok(found) => found,
            Err(error) => return refusal(state, locale, &error),
        };
        for (_, record) in &found.items {
            line(
                &mut out,
                &[
                    text(record.kind.label_id()),
                    record.reference.clone().unwrap_or_default(),
                    record.title.clone(),
                    crate::calendar::japan_date(record.at).to_string(),
                    record
                        .amount_yen
                        .map(|yen| yen.0.to_string())
                        .unwrap_or_default(),
                ],
            );
        }
        after = found.items.last().map(|(id, _)| *id);
        if !found.has_next_page {
            break;
        }
    }
    csv_response(
        &format!(
            "banso-{}-{}.csv",
            figure.as_db().replace('_', "-"),
            span(&period)
        ),
        out,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(field("相談案件"), "相談案件");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
