//! The KPI report at scale: the last complete fiscal year's report — the table, the same
//! table for the year before, and the monthly series, as `kpiReport` builds it — over the
//! history that `banso seed --synthetic` made, for every desk (an admin), one desk (its
//! staff), one domain and one advisor.
//!
//! ```text
//! DATABASE_URL=postgres://postgres@127.0.0.1:5432/banso_scale cargo bench -p banso --bench reports
//! ```
//!
//! Without `DATABASE_URL` it generates 20,000 consultations into a throw-away SQLite
//! database first. `BENCH_RUNS` sets the timed runs per scope (default 10) and
//! `BENCH_FISCAL_YEAR` the year to report (default the last complete one).

use std::time::{Duration, Instant};

use anyhow::Context as _;
use banso::{
    calendar::{fiscal_year, japan_date},
    config::{Settings, Sources},
    db,
    entity::{consultations, desks, taxonomy_terms},
    i18n::Locale,
    reports::{
        Period,
        figures::{Figure, Scope},
        graphql::build,
    },
    seed, startup,
    state::AppState,
    synthetic::{self, Sizes},
    taxonomy::TaxonomyKind,
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

fn main() -> anyhow::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let scratch = std::env::temp_dir().join(format!("banso-bench-reports-{}", std::process::id()));
    let sources = Sources::from_process(None);
    let generated = !sources.env.contains_key("DATABASE_URL");
    let mut settings = Settings::load(&sources)?;
    if generated {
        settings.override_from_cli(None, Some(&scratch));
    }
    settings.log.level = "warn".to_owned();
    let state = startup::prepare(settings).await?;
    if generated {
        seed::reference_data(&state).await?;
        let sizes = Sizes {
            consultations: 20_000,
            introductions: 40_000,
            organisations: 1_000,
            advisors: 60,
            entries: 1_000,
            years: 5,
            seed: 1,
        };
        synthetic::generate(&state, &sizes).await?;
    }
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);

    let year = match std::env::var("BENCH_FISCAL_YEAR") {
        Ok(year) => year
            .parse()
            .context("BENCH_FISCAL_YEAR is a year, e.g. 2025")?,
        Err(_) => fiscal_year(japan_date(db::now())) - 1,
    };
    let period = Period::fiscal_year(year)?;
    let total = consultations::Entity::find().count(&state.db).await?;
    let scopes = scopes(&state).await?;
    println!(
        "KPI report for FY{year} (with FY{} beside it and 12 months of series) over {total} consultations, {} — {runs} runs each",
        year - 1,
        state.settings.describe_database()
    );
    println!(
        "{:<28} {:>12} {:>10} {:>10} {:>10}",
        "scope", "received", "median", "p90", "max"
    );
    for (name, scope) in &scopes {
        let first = build(&state, Locale::Ja, period, scope).await?;
        let received = first
            .rows
            .iter()
            .find(|row| row.figure == Figure::ConsultationsReceived)
            .and_then(|row| row.value)
            .unwrap_or_default();
        let mut times: Vec<Duration> = Vec::with_capacity(runs);
        for _ in 0..runs {
            let started = Instant::now();
            build(&state, Locale::Ja, period, scope).await?;
            times.push(started.elapsed());
        }
        times.sort();
        let at = |q: usize| times[(q * times.len()).div_ceil(100).max(1) - 1];
        println!(
            "{name:<28} {received:>12} {:>8.1}ms {:>8.1}ms {:>8.1}ms",
            ms(at(50)),
            ms(at(90)),
            ms(at(100))
        );
    }
    if generated {
        state.db.clone().close().await.ok();
        std::fs::remove_dir_all(&scratch).ok();
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Every desk; the desk with the most consultations; its busiest domain; the advisor
/// with the most assigned cases.
async fn scopes(state: &AppState) -> anyhow::Result<Vec<(String, Scope)>> {
    let busiest = |column: consultations::Column| {
        consultations::Entity::find()
            .select_only()
            .column(column)
            .filter(column.is_not_null())
            .group_by(column)
            .order_by_desc(consultations::Column::Id.count())
            .limit(1)
            .into_tuple::<i64>()
    };
    let desk = busiest(consultations::Column::DeskId)
        .one(&state.db)
        .await?
        .context("no consultations to report on")?;
    let domain = busiest(consultations::Column::DomainTermId)
        .one(&state.db)
        .await?
        .context("no consultations to report on")?;
    let advisor = busiest(consultations::Column::AssigneeUserId)
        .one(&state.db)
        .await?
        .context("no assigned consultations to report on")?;
    let desk_code = desks::Entity::find_by_id(desk)
        .one(&state.db)
        .await?
        .map(|d| d.code)
        .unwrap_or_default();
    let domain_code = taxonomy_terms::Entity::find_by_id(domain)
        .filter(taxonomy_terms::Column::Kind.eq(TaxonomyKind::Domain.as_db()))
        .one(&state.db)
        .await?
        .map(|t| t.code)
        .unwrap_or_default();
    Ok(vec![
        ("every desk".to_owned(), Scope::default()),
        (
            format!("desk {desk_code}"),
            Scope {
                desks: Some(vec![desk]),
                ..Scope::default()
            },
        ),
        (
            format!("domain {domain_code}"),
            Scope {
                domain: Some(domain),
                ..Scope::default()
            },
        ),
        (
            format!("advisor {advisor}"),
            Scope {
                desks: None,
                domain: None,
                assignee: Some(advisor),
            },
        ),
    ])
}
