//! The KPI table as CSV, at `GET /reports/kpi.csv`: the same figures, scope and permissions
//! as `kpiReport`, headers in the reader's language, UTF-8 with a byte-order mark and CRLF
//! line ends so that Excel in Japan opens it as it is.
//!
//! Query parameters: `period` (`fiscal_year`, `quarter`, `month`, `custom`), with
//! `fiscalYear`, `quarter`, `year`, `month`, `from`, `to` as the period needs, and optionally
//! `deskId` and `domainId`. The session comes from the cookie or a Bearer token.

use async_graphql::ID;
use chrono::NaiveDate;
use poem::{
    IntoResponse, Request, Response, handler,
    http::{StatusCode, header},
    web::{Data, Query},
};
use serde::Deserialize;

use super::{
    PeriodKind,
    graphql::{KpiReport, ReportPeriodInput, build, scope_for},
};
use crate::{
    auth::{Actor, sessions},
    error::ApiError,
    i18n::{Args, Locale},
    ids::{DeskId, TaxonomyTermId},
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

#[handler]
pub async fn kpi_csv(
    request: &Request,
    Query(query): Query<CsvQuery>,
    app: Data<&AppState>,
) -> Response {
    let state = *app;
    let header_locale = Locale::negotiate(request.header(header::ACCEPT_LANGUAGE));
    let actor = match crate::graphql::http::session_token(request) {
        Some(token) => match sessions::resolve(&state.db, &state.settings.auth, &token).await {
            Ok(Some(viewer)) => Actor::User(viewer),
            Ok(None) => Actor::Anonymous,
            Err(error) => {
                tracing::error!(error = format!("{error:#}"), "could not read the session");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        },
        None => Actor::Anonymous,
    };
    let locale = match &actor {
        Actor::User(viewer) => viewer.locale,
        _ => header_locale,
    };
    let result = async {
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
        let desk = query
            .desk_id
            .as_deref()
            .map(|id| DeskId::from_public(&ID(id.to_owned())))
            .transpose()?;
        let domain = query
            .domain_id
            .as_deref()
            .map(|id| TaxonomyTermId::from_public(&ID(id.to_owned())))
            .transpose()?;
        let scope = scope_for(viewer, desk, domain)?;
        let report = build(state, locale, period, &scope).await?;
        Ok::<_, ApiError>((report, period))
    }
    .await;
    match result {
        Ok((report, period)) => {
            let filename = format!(
                "banso-kpi-{}-{}.csv",
                period.first.format("%Y%m%d"),
                period.last.format("%Y%m%d")
            );
            Response::builder()
                .content_type("text/csv; charset=utf-8")
                .header(
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{filename}\""),
                )
                .header(header::CACHE_CONTROL, "no-store")
                .body(render(&report, state, locale))
        }
        Err(error) => refusal(state, locale, &error),
    }
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
